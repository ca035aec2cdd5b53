#!/bin/bash
# SPDX-License-Identifier: MIT
#
# threadirqs.t - threaded interrupt handlers as ps shows them
# (kernel/irq/thread.c, drivers/misc/edu.c's threaded mode).
#
# Boot 1, "threadirqs": every request_irq() handler that may be threaded is
# forced into an irq/N-name thread, SCHED_FIFO priority 50 - edu, ttyS0,
# i8042, rtc0 - while the timer (IRQF_TIMER) stays in hard interrupt
# context. IRQ numbers are read from /proc/interrupts, not assumed. The
# shell is typed at through the threaded ttyS0 handler, so every command
# answering is itself a check; two "edu raise 0" are handled, counted
# once each in /proc/interrupts (at the hard interrupt), and the edu
# thread's voluntary context switches show that it ran them.
#
# Boot 2, no option: no irq/ thread at all; "edu thread on" makes one
# per device, "edu thread off" stops them again. Boot 3, "edu.threaded=1":
# only the edu device is threaded.
#
# Boots 4 and 5, "edu.threaded=1" at -smp 4: the irq/N-edu thread follows
# its interrupt. Boot 4 only finds the line and the thread's pid; boot 5
# (the same machine) moves the line to CPU 2 through
# /proc/irq/N/smp_affinity_list, raises it, and ps must show the thread
# last ran on CPU 2 and taskset must show it allowed CPU 2 alone; then to
# CPU 3 by hex mask "8" through smp_affinity, and the same for CPU 3.

. "$(dirname "$0")/lib.sh"
need_kernel
plan 38

DEVICES='-device edu,addr=4'
out_of() { cmd_output "$1" | grep -avE "$TS_RE"; }
# irq_of TEXT NAME - the IRQ number of the /proc/interrupts row ending in NAME.
irq_of() { awk -v n="$2" '$NF == n && $1 ~ /^[0-9]+:$/ { sub(":", "", $1); print $1 }' <<< "$1"; }
# count_of TEXT IRQ - the total count (all CPUs) of row IRQ.
count_of() {
	awk -v r="$2:" '$1 == r { s = 0; for (i = 2; i <= NF && $i ~ /^[0-9]+$/; i++) s += $i; print s }' <<< "$1"
}
# ps_row TEXT COMM - "CLS RTPRIO VCSW" of the task named COMM.
ps_row() { awk -v c="$2" '$NF == c { print $4, $5, $8 }' <<< "$1"; }
# threads TEXT - the names of irq/ threads, sorted, one line.
threads() { awk '$NF ~ /^irq\// { print $NF }' <<< "$1" | sort | tr '\n' ' ' | sed 's/ $//'; }

# ---- boot 1: threadirqs
irqos_run --smp 2 --timeout 120 --append threadirqs --qemu "$DEVICES" -- \
	'cat /proc/interrupts' \
	ps \
	'edu raise 0' \
	'edu raise 0' \
	'cat /proc/interrupts' \
	ps
is "$RUN_STATUS" 0 'threadirqs: every command answered through the threaded ttyS0 handler'
like "$RUN_LOG" '^Command line: .*threadirqs' 'threadirqs on the command line'
unlike "$RUN_LOG" 'Threaded irq requested|BUG|WARN' 'no refused request, no BUG or WARN'

pi1=$(out_of 1)
ps1=$(out_of 2)
edu=$(irq_of "$pi1" edu)
ok "$([[ $edu =~ ^[0-9]+$ ]]; echo $?)" "edu's IRQ found in /proc/interrupts ($edu)"
is "$(ps_row "$ps1" "irq/$edu-edu" | cut -d' ' -f1,2)" 'FF 50' "ps: irq/$edu-edu is SCHED_FIFO, RTPRIO 50"
for dev in ttyS0 i8042 rtc0; do
	n=$(irq_of "$pi1" "$dev")
	is "$(ps_row "$ps1" "irq/$n-$dev" | cut -d' ' -f1,2)" 'FF 50' \
		"ps: the forced thread irq/$n-$dev (FF, RTPRIO 50)"
done
timer=$(irq_of "$pi1" timer)
unlike "$ps1" "irq/$timer-timer" 'the timer (IRQF_TIMER) is not threaded'
is "$(threads "$ps1" | wc -w)" 4 "exactly four irq/ threads: $(threads "$ps1")"

like "$(out_of 3)" "^edu0: raised 0x1 on IRQ $edu: handled after [0-9]+ us$" 'edu raise 0: handled by the thread'
like "$(out_of 4)" "^edu0: raised 0x1 on IRQ $edu: handled after [0-9]+ us$" 'edu raise 0 again: handled'
pi2=$(out_of 5)
is "$(( $(count_of "$pi2" "$edu") - $(count_of "$pi1" "$edu") ))" 2 \
	'/proc/interrupts: two raises, two interrupts (counted at the hardirq)'
v1=$(ps_row "$ps1" "irq/$edu-edu" | cut -d' ' -f3)
v2=$(ps_row "$(out_of 6)" "irq/$edu-edu" | cut -d' ' -f3)
num_cmp "$(( v2 - v1 ))" '>=' 2 "the edu thread ran and slept again per raise (VCSW $v1 -> $v2)"
is "$(threads "$(out_of 6)" | wc -w)" 4 'the same four threads afterwards'

# ---- boot 2: no option; "edu thread on|off" at run time
irqos_run --smp 2 --timeout 120 --qemu "$DEVICES" -- \
	ps \
	'edu thread on' \
	ps \
	'edu raise 0' \
	'edu thread off' \
	ps \
	'edu raise 0'
is "$RUN_STATUS" 0 'default boot: every command answered'
is "$(threads "$(out_of 1)")" '' 'no threadirqs: no irq/ thread'
is "$(out_of 2)" 'edu: 1 device(s), threaded (irq/N-edu) handlers' 'edu thread on'
edu=$(awk '$NF ~ /^irq\/[0-9]+-edu$/ { print $NF }' <<< "$(out_of 3)")
like "$edu" '^irq/[0-9]+-edu$' "edu thread on: $edu exists"
is "$(threads "$(out_of 3)")" "$edu" 'and it is the only irq/ thread'
is "$(ps_row "$(out_of 3)" "$edu" | cut -d' ' -f1,2)" 'FF 50' "$edu: FF, RTPRIO 50"
like "$(out_of 4)" '^edu0: raised 0x1 on IRQ [0-9]+: handled after [0-9]+ us$' 'threaded: edu raise handled'
is "$(out_of 5)" 'edu: 1 device(s), hardirq handlers' 'edu thread off'
is "$(threads "$(out_of 6)")" '' 'edu thread off: free_irq stopped the thread'
like "$(out_of 7)" '^edu0: raised 0x1 on IRQ [0-9]+: handled after [0-9]+ us$' 'hardirq again: edu raise handled'

# ---- boot 3: edu.threaded=1
irqos_run --smp 2 --timeout 120 --append edu.threaded=1 --qemu "$DEVICES" -- \
	ps \
	'edu raise 0'
is "$RUN_STATUS" 0 'edu.threaded=1: every command answered'
is "$(threads "$(out_of 1)")" "$edu" "edu.threaded=1: $edu is the only irq/ thread"
like "$(out_of 2)" '^edu0: raised 0x1 on IRQ [0-9]+: handled after [0-9]+ us$' 'edu.threaded=1: edu raise handled'

# ---- boots 4 and 5: edu.threaded=1 at -smp 4; the thread follows the line
# ps_cpu TEXT COMM - the CPU column of the task named COMM.
ps_cpu() { awk -v c="$2" '$NF == c { print $2 }' <<< "$1"; }
irqos_run --smp 4 --timeout 120 --append edu.threaded=1 --qemu "$DEVICES" -- \
	'cat /proc/interrupts' \
	ps
irq=$(irq_of "$(out_of 1)" edu)
pid=$(awk -v c="irq/$irq-edu" '$NF == c { print $1 }' <<< "$(out_of 2)")
ok "$([[ $irq =~ ^[0-9]+$ && $pid =~ ^[0-9]+$ ]]; echo $?)" "-smp 4: edu on IRQ $irq, irq/$irq-edu is pid $pid"
irqos_run --smp 4 --timeout 120 --append edu.threaded=1 --qemu "$DEVICES" -- \
	"echo 2 > /proc/irq/$irq/smp_affinity_list" \
	"cat /proc/irq/$irq/effective_affinity_list" \
	'edu raise 0' \
	ps \
	"taskset -cp $pid" \
	"echo 8 > /proc/irq/$irq/smp_affinity" \
	'edu raise 0' \
	ps \
	"taskset -p $pid"
is "$RUN_STATUS" 0 '-smp 4: every command answered'
unlike "$RUN_LOG" 'BUG|WARN' 'no BUG or WARN'
is "$(out_of 2)" 2 "IRQ $irq now targets CPU 2 (effective_affinity_list)"
like "$(out_of 3)" "^edu0: raised 0x1 on IRQ $irq: handled after [0-9]+ us\$" 'edu raise 0 on CPU 2: handled'
is "$(ps_cpu "$(out_of 4)" "irq/$irq-edu")" 2 "ps: irq/$irq-edu last ran on CPU 2"
is "$(out_of 5)" "pid $pid's current affinity list: 2" "taskset -cp $pid: allowed CPU 2 only"
like "$(out_of 7)" "^edu0: raised 0x1 on IRQ $irq: handled after [0-9]+ us\$" 'edu raise 0 on CPU 3: handled'
is "$(ps_cpu "$(out_of 8)" "irq/$irq-edu")" 3 "ps: after smp_affinity 8, irq/$irq-edu last ran on CPU 3"
is "$(out_of 9)" "pid $pid's current affinity mask: 8" "taskset -p $pid: mask 8 (CPU 3)"
