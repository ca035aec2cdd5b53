#!/bin/bash
# SPDX-License-Identifier: MIT
#
# smp.t - the secondary CPUs and the IPIs and NMIs between them, seen from
# outside (arch/x86/kernel/smpboot.c, smp.c, nmi.c, lib/nmi_backtrace.c).
#
# -smp 4: the boot log has Linux's bring-up lines, byte for byte where
# Linux's are fixed (".... node  #0, CPUs:      #1 #2 #3"); "cpus" lists
# four online CPUs; /proc/interrupts has four count columns on every row
# and util-linux lsirq, reading a copy of it (bind-mounted over
# /proc/interrupts inside "unshare -m"), sums them as we do; every CPU's
# LOC column grows. "ipi" reaches its target and moves its RES/CAL count.
# QEMU's "nmi" monitor command (an NMI on LINT1 of every CPU) is counted
# in the NMI row on every CPU, reported as an unknown NMI, and survived.
# "backtrace" prints each CPU's trace exactly once, whole: the lines of
# one CPU's report never interleave with another's.
# -smp 16 brings up 16 CPUs; -smp 4 with maxcpus=2 leaves two out, and
# /proc/interrupts then shows only the two online CPUs.

. "$(dirname "$0")/lib.sh"
need_kernel
plan 38

out_of() { cmd_output "$1" | grep -avE "$TS_RE"; }
# A /proc/interrupts read from its header on: an NMI report printed while
# the command was typed can split the echoed command line.
proc_of() { out_of "$1" | sed -n '/^ *CPU0 /,$p'; }

# counts TEXT ROW - the per-CPU counts of a /proc/interrupts row, spaced.
counts() {
	awk -v r="$2:" '$1 == r { s = ""; for (i = 2; i <= NF && $i ~ /^[0-9]+$/; i++) s = s (s ? " " : "") $i; print s }' <<< "$1"
}

# layout TEXT N - lines of /proc/interrupts that do not have exactly N
# count columns of 11 characters (" %10u") after the "%*s:" label.
layout() {
	perl -e '
	my ($n, @l) = ($ARGV[0], split /\n/, do { local $/; <STDIN> });
	my $hdr = shift @l;
	my ($lead) = $hdr =~ /^( *)/;
	my $prec = length($lead) - 8;
	print "header: $hdr\n" if $hdr ne (" " x ($prec + 8)) . join("", map { sprintf "CPU%-8d", $_ } 0 .. $n - 1);
	for (@l) {
		next if /^ *(ERR|MIS):/;
		my $c = substr($_, $prec + 1, 11 * $n);
		print "row: $_\n" unless /^ *[0-9A-Z]+:/ && $c =~ /^(?: {1,10}\d{1,10}){$n}$/
			&& length($c) == 11 * $n && substr($_, $prec + 1 + 11 * $n, 1) eq " ";
	}' "$2" <<< "$1"
}

irqos_run --smp 4 -- cpus 'cat /proc/interrupts' 'ipi resched 2' 'ipi call 3' \
	'@monitor nmi' 'echo after-nmi' 'cat /proc/interrupts' backtrace 'echo alive'
is "$RUN_STATUS" 0 '-smp 4: every command answered, then poweroff'
in_order "$RUN_LOG" '^smp: Bringing up secondary CPUs \.\.\.$' '^x86: Booting SMP configuration:$' \
	'^\.\.\.\. node  #0, CPUs:      #1 #2 #3$' '^smp: Brought up 1 node, 4 CPUs$' \
	'^smpboot: Total of 4 processors activated \([0-9]+\.[0-9]{2} BogoMIPS\)$'
unlike "$RUN_LOG" 'did not answer|did not come online' 'no CPU was left out'

C=$(out_of 1)
is "$(grep -cE '^ +[0-9]+ +[0-9]+  online ' <<< "$C")" 4 'cpus: four rows, all online'
like "$C" '^online: 0-3 \(4 of 4\), Local APIC: x2?APIC$' 'cpus: online 0-3'

# '@monitor nmi' goes to QEMU, not the shell: it has no output number.
A=$(proc_of 2) B=$(proc_of 6)
is "$(head -n 1 <<< "$A")" "           CPU0       CPU1       CPU2       CPU3       " \
	'/proc/interrupts header: four CPU columns'
is "$(layout "$A" 4)" '' 'every row has four count columns in the " %10u" layout'
is "$(layout "$B" 4)" '' '... also in the second read'

loc_a=($(counts "$A" LOC)) loc_b=($(counts "$B" LOC))
grow=0
for i in 0 1 2 3; do [ "${loc_b[i]:-0}" -gt "${loc_a[i]:-0}" ] && grow=$((grow + 1)); done
is "$grow" 4 "LOC grows on every CPU (${loc_a[*]} -> ${loc_b[*]})"

# lsirq reads the captured file as if it were /proc/interrupts.
cap=$(mktemp)
printf '%s\n' "$A" > "$cap"
want_loc=$(( ${loc_a[0]:-0} + ${loc_a[1]:-0} + ${loc_a[2]:-0} + ${loc_a[3]:-0} ))
nlines=$(grep -cE '^ *[0-9A-Z]+:' <<< "$A")
if ! command -v lsirq > /dev/null; then
	skip 'lsirq sums the four columns of LOC' 'lsirq (util-linux >= 2.34) is not installed'
	skip 'lsirq lists every row' 'lsirq is not installed'
elif ! why=$(unshare -m true 2>&1); then
	skip 'lsirq sums the four columns of LOC' "unshare -m is not permitted here: $why"
	skip 'lsirq lists every row' 'unshare -m is not permitted here'
else
	ls_out=$(unshare -m sh -c 'mount --bind "$1" /proc/interrupts || exit 99; lsirq -P' sh "$cap" 2>&1)
	if [ $? = 99 ]; then
		skip 'lsirq sums the four columns of LOC' "cannot bind-mount over /proc/interrupts: $ls_out"
		skip 'lsirq lists every row' 'no bind mount'
	else
		like "$ls_out" "^IRQ=\"LOC\" TOTAL=\"$want_loc\" NAME=\"Local timer interrupts\"\$" \
			"lsirq: LOC total $want_loc, the sum of the four columns"
		is "$(grep -c '^IRQ=' <<< "$ls_out")" "$nlines" "lsirq lists every row ($nlines)"
	fi
fi
rm -f "$cap"

# Boot already sent reschedule IPIs (waking each CPU's kworker there), so
# RES is judged by how much it moves, not from zero.
res=$(sed -nE 's/^CPU2: RESCHEDULE_VECTOR 0xfd: RES ([0-9]+) -> ([0-9]+) .*/\1 \2/p' <<< "$(out_of 3)")
is "$(awk '{ print $2 - $1 }' <<< "$res")" 1 "ipi resched 2: RES of CPU 2 goes up by one ($res)"
# CPU 3 is idle, and the idle task runs with preemption disabled (the low
# byte's 1) - the hard-IRQ count 0x10000 comes on top of it.
like "$(out_of 4)" '^CPU3: CALL_FUNCTION_SINGLE_VECTOR 0xfb: ran with preempt_count 0x10001 \(hard IRQ\), CAL 0 -> 1 ' \
	'ipi call 3: runs in hard-IRQ context on idle CPU 3, CAL 0 -> 1'
is "$(paste -d' ' <(counts "$A" RES | tr ' ' '\n') <(counts "$B" RES | tr ' ' '\n') | awk '{ printf "%s%d", (NR > 1 ? " " : ""), $2 - $1 }')" \
	'0 0 1 0' 'RES row: the one reschedule IPI, on CPU 2'
is "$(counts "$B" CAL)" '0 0 0 1' 'CAL row: the one call, on CPU 3'

nmi_a=($(counts "$A" NMI)) nmi_b=($(counts "$B" NMI))
is "${nmi_a[*]}" '0 0 0 0' 'NMI row: nothing before the monitor command'
is "${nmi_b[*]}" '1 1 1 1' 'NMI row: QEMU'"'"'s "nmi" reached every CPU once (LINT1 is NMI on each)'
for cpu in 0 3; do
	like "$RUN_LOG" "(^|\] )Uhhuh\. NMI received for unknown reason [0-9a-f]{2} on CPU $cpu\.\$" \
		"the monitor's NMI is reported as unknown on CPU $cpu"
done
# The NMI reports may land in the middle of the echoed command line.
is "$(out_of 5 | grep -cx after-nmi)" 1 'the shell answers after the NMI'
is "$(out_of 8)" 'alive' '... and after the backtrace'

# backtrace: each CPU once; each report one block.
T=$(cmd_output 7 | sed -E "s/$TS_RE//")
like "$T" '^Sending NMI from CPU 0 to CPUs 1-3:$' 'backtrace: CPU 0 sends the NMIs to CPUs 1-3'
for cpu in 0 1 2 3; do
	is "$(grep -c "^NMI backtrace for cpu $cpu\$" <<< "$T")" 1 "backtrace: one report from CPU $cpu"
done
bad=$(awk '
	/^NMI backtrace for cpu / { cpu = $5; n++; trace[cpu] = 0; next }
	/^CPU: [0-9]+ PID/ && $2 != cpu { print "CPU " $2 " line inside cpu " cpu "'"'"'s report" }
	/^RIP: / && cpu == 0 { print "CPU 0 reports registers (it prints its own stack only)" }
	/^Call Trace:/ { trace[cpu]++ }
	/^Uhhuh|^Dazed/ { next }
	END { for (c = 0; c < 4; c++) if (trace[c] != 1) print "cpu " c ": " trace[c] + 0 " call traces" }' <<< "$T")
is "$bad" '' 'backtrace: every report is whole, with one call trace each'
for cpu in 1 2 3; do
	blk=$(awk -v c="$cpu" '/^NMI backtrace for cpu / { on = ($5 == c) } on' <<< "$T")
	in_order "$blk" "^CPU: $cpu PID: 0 Comm: swapper/$cpu " '^RIP: 0010:' '^Call Trace:' '^ <NMI>$' \
		'^ +exc_nmi\+' '^ </NMI>$' '^ <TASK>$'
done

# Sixteen CPUs.
irqos_run --smp 16 -- cpus 'cat /proc/interrupts'
is "$RUN_STATUS" 0 '-smp 16: answered and powered off'
like "$RUN_LOG" '^\.\.\.\. node  #0, CPUs:        #1  #2  #3  #4  #5  #6  #7  #8  #9 #10 #11 #12 #13 #14 #15$' \
	'-smp 16: the node line, numbers right-aligned as in Linux'
like "$RUN_LOG" '^smp: Brought up 1 node, 16 CPUs$' '-smp 16: 16 CPUs brought up'
is "$(out_of 1 | tail -n 1)" 'online: 0-15 (16 of 16), Local APIC: xAPIC' '-smp 16: cpus says all 16 are online'
is "$(layout "$(proc_of 2)" 16)" '' '-smp 16: /proc/interrupts has 16 columns everywhere'

# maxcpus=2: two CPUs left out, and out of /proc/interrupts.
irqos_run --smp 4 --append 'maxcpus=2' -- cpus 'cat /proc/interrupts'
like "$RUN_LOG" '^smp: Brought up 1 node, 2 CPUs$' 'maxcpus=2: 2 CPUs brought up'
is "$(out_of 1 | awk '$3 == "offline" { print $1 }' | tr '\n' ' ')" '2 3 ' 'maxcpus=2: CPUs 2 and 3 offline'
is "$(layout "$(proc_of 2)" 2)" '' 'maxcpus=2: /proc/interrupts has the two online CPUs only'
