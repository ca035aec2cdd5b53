#!/bin/bash
# SPDX-License-Identifier: MIT
#
# hrtimer.t - high-resolution timers on the one-shot local APIC timer.
#
# Default boot, -smp 2: the LAPIC timer takes over the tick in one-shot
# mode; "hrtimer test 300" arms a hard 300 us hrtimer, which must run in
# hardirq on CPU 0 no sooner than 300 us later; "hrtimer test 500 soft"
# runs from HRTIMER_SOFTIRQ, and /proc/softirqs' HRTIMER row for CPU 0
# grows by it. Across "sleep 1" (a timer_list: 250 jiffies, driven by
# CPU 0's emulated tick) CPU 0's LOC count grows by at least 250 and by
# less than twice that - one interrupt per tick, not two.
#
# "highres=off": the periodic LAPIC tick as before; hrtimers expire from
# the tick ("hrtimer" says so) and still never early; the KUnit hrtimer
# suite passes in that mode too.

. "$(dirname "$0")/lib.sh"
need_kernel
plan 16

out_of() { cmd_output "$1" | grep -avE "$TS_RE"; }
row_cpu0() { awk -v r="$2" '$1 == r { print $2 }' <<< "$1"; }

irqos_run --smp 2 -- 'hrtimer test 300' 'cat /proc/softirqs' 'hrtimer test 500 soft' \
	'cat /proc/softirqs' 'cat /proc/interrupts' 'sleep 1' 'cat /proc/interrupts' hrtimer
is "$RUN_STATUS" 0 'boots and runs the commands'
like "$RUN_LOG" '^APIC: local timer \(LOC\) is the tick: one-shot mode, 250 Hz, vector 0xec; PIT channel 0 stopped$' \
	'log: the LAPIC timer is a one-shot clock event'
h=$(out_of 1)
like "$h" '^hrtimer: 300 us timer fired after [0-9]+ us \(late by [0-9]+ us\) in hardirq on CPU0$' \
	'hrtimer test 300: fired in hardirq on CPU0'
after=$(sed -nE 's/.*fired after ([0-9]+) us.*/\1/p' <<< "$h")
num_cmp "${after:-0}" '>=' 300 "not early (after $after us)"
note "hrtimer test 300: $h"
like "$(out_of 3)" '^hrtimer: 500 us timer fired after [0-9]+ us \(late by [0-9]+ us\) in softirq on CPU0$' \
	'hrtimer test 500 soft: fired in softirq on CPU0'
s0=$(row_cpu0 "$(out_of 2)" HRTIMER:) s1=$(row_cpu0 "$(out_of 4)" HRTIMER:)
num_cmp "${s1:-0}" '>' "${s0:-0}" "HRTIMER softirq count of CPU0 grew ($s0 -> $s1)"
l0=$(row_cpu0 "$(out_of 5)" LOC:) l1=$(row_cpu0 "$(out_of 7)" LOC:)
num_cmp $(( ${l1:-0} - ${l0:-0} )) '>=' 250 "sleep 1: CPU0 took at least 250 LOC ($l0 -> $l1)"
num_cmp $(( ${l1:-0} - ${l0:-0} )) '<' 500 'sleep 1: but not two interrupts per tick'
like "$(out_of 8)" '^resolution: high \(one-shot clock event\)$' 'hrtimer: high resolution'
like "$(out_of 8)" '^CPU0: [1-9][0-9]* hrtimer callbacks$' 'hrtimer: CPU0 ran callbacks'

irqos_run --smp 2 --append highres=off -- 'hrtimer test 300' hrtimer
is "$RUN_STATUS" 0 'highres=off: boots and runs the commands'
like "$RUN_LOG" '^APIC: local timer \(LOC\) is the tick: periodic mode, 250 Hz, vector 0xec; PIT channel 0 stopped$' \
	'highres=off: the periodic tick'
h=$(out_of 1)
after=$(sed -nE 's/.*fired after ([0-9]+) us.*/\1/p' <<< "$h")
num_cmp "${after:-0}" '>=' 300 "highres=off: hrtimer not early (after $after us)"
note "highres=off, hrtimer test 300: $h"
like "$(out_of 2)" '^resolution: tick \(periodic clock event\)$' 'highres=off: tick resolution'

irqos_qemu_run 120 -smp 2 -append 'kunit.enable=1 kunit.filter_glob=hrtimer highres=off'
is "$RUN_STATUS" 33 'highres=off: the KUnit hrtimer suite passes (QEMU exit status 33)'
like "$RUN_LOG" '^ok 1 hrtimer$' 'highres=off: KTAP says ok'
