#!/bin/bash
# SPDX-License-Identifier: MIT
#
# console_input.t - the bottom half of console input. A character typed on
# the serial line (or the PS/2 keyboard) is put in the tty ring by the hard
# interrupt handler, which then calls tty_flip_buffer_push(); that only
# schedules a tasklet, and the tasklet (flush_to_ldisc, in TASKLET_SOFTIRQ
# at the interrupt's irq_exit) wakes the shell sleeping in tty_read_char().
#
# Checked from the outside, on -smp 2:
#  - every character typed reaches the ring (tty_input), none is dropped;
#  - the tasklet ran at least once per line typed (tty_flip_pushes, shown by
#    the `serial` command), never more often than the UART interrupted;
#  - /proc/softirqs' TASKLET row grew by at least as many runs, on the CPU
#    that took IRQ 4 - a handler that woke the shell itself would leave
#    TASKLET flat;
#  - the shell (init) sleeps between lines - its voluntary switches grow -
#    and every one of those sleeps was ended by the tasklet: no more of them
#    than tasklet runs (a shell polling on a timeout would count far more);
#  - the keyboard's interrupt takes the same path.

. "$(dirname "$0")/lib.sh"
need_kernel

plan 15

LONG='echo 0123456789abcdefghijklmnopqrstuvwxyz'
irqos_run --smp 2 -- \
	'cat /proc/softirqs' \
	'cat /proc/interrupts' \
	serial \
	ps \
	"$LONG" \
	ps \
	serial \
	'cat /proc/interrupts' \
	'cat /proc/softirqs' \
	'@keys echo kb' \
	serial \
	'cat /proc/softirqs'

is "$RUN_STATUS" 0 'every command answered, then poweroff: status 0'
is "$(cmd_output 5)" "${LONG#echo }" 'the long line was read whole and run'
is "$(cmd_output 10)" kb 'the line typed on the keyboard ran'

# serial's counters: "tty_input:      136" and the like.
ctr() { sed -nE "s/^$1: *([0-9]+)$/\1/p" <<< "$(cmd_output "$2")"; }
# /proc/softirqs TASKLET row, CPU $2 (0-based), of command $1.
tasklet() { awk -v c="$2" '$1 == "TASKLET:" { print $(c + 2) }' <<< "$(cmd_output "$1")"; }
tasklets() { awk '$1 == "TASKLET:" { s = 0; for (i = 2; i <= NF; i++) s += $i; print s }' <<< "$(cmd_output "$1")"; }
# /proc/interrupts row 4 (ttyS0), CPU $2.
irq4() { awk -v c="$2" '$1 == "4:" { print $(c + 2) }' <<< "$(cmd_output "$1")"; }
# ps: init's STAT and VCSW columns.
init_col() { awk -v c="$2" '$NF == "init" { print $c }' <<< "$(cmd_output "$1")"; }

# Commands 4-7 ("ps", the long echo, "ps", "serial", each ended by CR)
# are typed between the two serial snapshots 3 and 7.
chars=$(( 3 + ${#LONG} + 1 + 3 + 7 ))
is "$(( $(ctr tty_input 7) - $(ctr tty_input 3) ))" "$chars" "tty_input: all $chars characters typed reached the ring"
is "$(ctr tty_overruns 7)" 0 'tty_overruns: none dropped'

p=$(( $(ctr tty_flip_pushes 7) - $(ctr tty_flip_pushes 3) ))
u=$(( $(ctr interrupts 7) - $(ctr interrupts 3) ))
num_cmp "$p" '>=' 4 "tty_flip_pushes: the tasklet ran at least once for each of the 4 lines ($p)"
num_cmp "$p" '<=' "$u" "... and at most once per UART interrupt ($u)"

# The tasklet runs in TASKLET_SOFTIRQ: /proc/softirqs 1 and 9 bracket
# serial 3 and 7, so TASKLET grew by at least the pushes between those.
t=$(( $(tasklets 9) - $(tasklets 1) ))
num_cmp "$t" '>=' "$p" "/proc/softirqs TASKLET grew by at least the $p pushes ($t)"
# ... on each CPU that took IRQ 4 in between.
ok_cpus=1 took=''
for c in 0 1; do
	d4=$(( $(irq4 8 $c) - $(irq4 2 $c) ))
	dt=$(( $(tasklet 9 $c) - $(tasklet 1 $c) ))
	if [ "$d4" -gt 0 ]; then
		took="$took CPU$c(IRQ4 +$d4, TASKLET +$dt)"
		[ "$dt" -ge 1 ] || ok_cpus=0
	fi
done
ok $((ok_cpus == 1 && ${#took} > 0 ? 0 : 1)) "TASKLET grew on the CPUs that took IRQ 4:${took:- none did}"

# The shell runs ps, so ps sees it running; between the two ps it slept
# while waiting for the long line and for the second "ps".
is "$(init_col 4 3)" R 'ps: init (the shell) is R while it runs ps'
is "$(init_col 6 3)" R '... both times'
v=$(( $(init_col 6 8) - $(init_col 4 8) ))
# At least once: a line can be in the ring before the shell gets back to
# reading (the host types as soon as it sees the prompt), so not always twice.
num_cmp "$v" '>=' 1 "init slept between the lines: VCSW grew by $v (>= 1)"
num_cmp "$v" '<=' "$p" "... and each sleep was ended by a tasklet run: VCSW growth <= $p pushes"

# The keyboard: "echo kb" and Enter, one interrupt-and-push per key, in
# between the UART lines 8, 9 and 11, each good for at least one push.
pk=$(( $(ctr tty_flip_pushes 11) - $(ctr tty_flip_pushes 7) ))
num_cmp "$pk" '>=' 11 "keyboard: a tasklet run for each of the 8 keys, plus 3 serial lines ($pk)"
# Over the whole run /proc/softirqs 1 and 12 bracket serial 3 and 11.
pa=$(( $(ctr tty_flip_pushes 11) - $(ctr tty_flip_pushes 3) ))
ta=$(( $(tasklets 12) - $(tasklets 1) ))
num_cmp "$ta" '>=' "$pa" "... and TASKLET grew by at least all $pa pushes ($ta)"
