#!/bin/bash
# SPDX-License-Identifier: MIT
#
# irq_work.t - irq_work and the workqueue workers, seen from outside
# (kernel/irq_work.c, arch/x86/kernel/irq_work.c, kernel/workqueue.c).
#
# -smp 4: "ps" lists exactly one kworker/N per CPU, each on its own CPU,
# and the "workqueue" command shows the same four workers. "irqwork N"
# queues N irq_works one after another, each raising one IRQ_WORK_VECTOR
# IPI; "irqwork N CPU" sends them to another CPU. The IWI row of
# /proc/interrupts grows by exactly those numbers on exactly those CPUs
# (nothing else in irqos raises irq_work), and by nothing elsewhere.
# "irqwork nmi CPU" sends an NMI IPI whose handler queues the irq_work:
# it runs once, on that CPU, in hard IRQ context, after the NMI ended.
# nolapic: no IPI can be sent, so the works run from the tick instead -
# they still run, and IWI stays 0.

. "$(dirname "$0")/lib.sh"
need_kernel
plan 17

out_of() { cmd_output "$1" | grep -avE "$TS_RE"; }
# iwi N - the IWI counts printed by the Nth command, space separated.
iwi() {
	out_of "$1" | awk '$1 == "IWI:" { s = ""; for (i = 2; i <= NF && $i ~ /^[0-9]+$/; i++) s = s (s ? " " : "") $i; print s }'
}

irqos_run --smp 4 -- ps workqueue 'cat /proc/interrupts' 'irqwork 7' 'irqwork 5 2' \
	'irqwork 3 0' 'irqwork nmi 3' 'irqwork nmi 0' 'cat /proc/interrupts'
is "$RUN_STATUS" 0 '-smp 4: every command answered, then poweroff'

PS=$(out_of 1)
is "$(grep -cE ' kworker/' <<< "$PS")" 4 'ps: four kworker threads'
is "$(awk '$NF ~ /^kworker\// { split($NF, a, "/"); if (a[2] == $2) print a[2] }' <<< "$PS" | sort -n | tr '\n' ' ')" \
	'0 1 2 3 ' 'ps: kworker/N for N = 0..3, each on CPU N'

WQ=$(out_of 2)
is "$(awk '$2 ~ /^kworker\// && $2 == "kworker/" $1 { n++ } END { print n + 0 }' <<< "$WQ")" 4 \
	'workqueue: one worker row per CPU, named after it'

L4=$(out_of 4) L5=$(out_of 5) L6=$(out_of 6)
like "$L4" '^irqwork: 7 queued on CPU [0-3], 7 ran \(last on CPU [0-3]\), IWI [0-9]+ -> [0-9]+ \(\+7\), [0-9]+ ns from queue to idle each$' \
	'irqwork 7: seven queued, seven ran, IWI +7 on its CPU'
like "$L5" '^irqwork: 5 queued on CPU 2, 5 ran \(last on CPU 2\), IWI [0-9]+ -> [0-9]+ \(\+5\), [0-9]+ ns from queue to idle each$' \
	'irqwork 5 2: ran on CPU 2, its IWI +5'
like "$L6" '^irqwork: 3 queued on CPU 0, 3 ran \(last on CPU 0\), IWI [0-9]+ -> [0-9]+ \(\+3\), [0-9]+ ns from queue to idle each$' \
	'irqwork 3 0: ran on CPU 0, its IWI +3'

nmi_re='it ran 1 time\(s\) on CPU %s in hard IRQ, after the NMI: yes; NMI [0-9]+ -> [0-9]+, IWI [0-9]+ -> [0-9]+ \(\+1\)$'
like "$(out_of 7)" "^irqwork: NMI on CPU 3 \(handler in NMI: yes\) queued it: yes; $(printf "$nmi_re" 3)" \
	'irqwork nmi 3: queued from the NMI handler, ran on CPU 3 in hard IRQ after the NMI'
like "$(out_of 8)" "^irqwork: NMI on CPU 0 \(handler in NMI: yes\) queued it: yes; $(printf "$nmi_re" 0)" \
	'irqwork nmi 0: the same on CPU 0'

# What /proc/interrupts says, CPU by CPU.
self=$(sed -nE 's/^irqwork: 7 queued on CPU ([0-3]),.*/\1/p' <<< "$L4")
read -r -a before <<< "$(iwi 3)"
read -r -a after <<< "$(iwi 9)"
is "${#before[@]} ${#after[@]}" '4 4' 'IWI row has four count columns'
for cpu in 0 1 2 3; do
	want=0
	[ "$cpu" = "${self:-x}" ] && want=$((want + 7))
	[ "$cpu" = 2 ] && want=$((want + 5))
	[ "$cpu" = 0 ] && want=$((want + 3 + 1))
	[ "$cpu" = 3 ] && want=$((want + 1))
	is "$(( ${after[$cpu]:-0} - ${before[$cpu]:-0} ))" "$want" \
		"/proc/interrupts IWI CPU$cpu grew by $want (${before[$cpu]:-?} -> ${after[$cpu]:-?})"
done

irqos_run --smp 1 --append nolapic -- 'irqwork 4' 'irqwork nmi 0'
is "$RUN_STATUS" 0 'nolapic: every command answered, then poweroff'
like "$(out_of 1)" '^irqwork: 4 queued on CPU 0, 4 ran \(last on CPU 0\), IWI 0 -> 0 \(\+0\), [0-9]+ ns from queue to idle each$' \
	'nolapic: four irq_works ran from the tick, no IWI interrupt'
is "$(out_of 2)" 'irqwork: no IRQ_WORK_VECTOR IPIs (no local APIC)' 'nolapic: irqwork nmi refused'
