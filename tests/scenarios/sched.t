#!/bin/bash
# SPDX-License-Identifier: MIT
#
# sched.t - the scheduler seen through "ps" (kernel/sched/debug.c), at
# -smp 2. Every row is parsed column by column against the header, which
# must be exactly procps-like:
#
#	  PID CPU STAT CLS RTPRIO  NI PRI  VCSW NVCSW TICKS COMMAND
#
# There is one idle task per CPU, swapper/N with pid 0, CPU column N, STAT I,
# priority 140; init is pid 1, SCHED_NORMAL nice 0 (PRI 120) and running
# (it runs the shell that runs ps); every pid but 0 appears once.
# "spin 600 1" twice puts two CPU-bound threads on CPU 1: a ps while they
# run shows both runnable on CPU 1 and both preempted by the tick (NVCSW
# > 0) without ever having slept (VCSW 0); once their time is up they have
# exited and ps no longer lists them.

. "$(dirname "$0")/lib.sh"
need_kernel

HEADER='  PID CPU STAT CLS RTPRIO  NI PRI  VCSW NVCSW TICKS COMMAND'

out_of() { cmd_output "$1" | grep -avE "$TS_RE"; }

# rows TEXT - the ps rows (header dropped), one per line.
rows() { tail -n +2 <<< "$1"; }

# field TEXT COMM COL - column COL (1-based) of the row whose COMMAND is COMM.
field() { awk -v c="$2" -v f="$3" '$11 == c { print $f }' <<< "$(rows "$1")"; }

# badrows TEXT - rows that do not have the 11 columns in their formats.
badrows() {
	rows "$1" | awk 'NF != 11 || $1 !~ /^[0-9]+$/ || $2 !~ /^[0-9]+$/ ||
		$3 !~ /^[RSDIZN]$/ || $4 !~ /^(TS|FF|RR)$/ || $5 !~ /^(-|[0-9]+)$/ ||
		$6 !~ /^(-|-?[0-9]+)$/ || $7 !~ /^[0-9]+$/ || $8 !~ /^[0-9]+$/ ||
		$9 !~ /^[0-9]+$/ || $10 !~ /^[0-9]+$/'
}

# dup_pids TEXT - pids other than 0 listed more than once.
dup_pids() { rows "$1" | awk '$1 != 0 { n[$1]++ } END { for (p in n) if (n[p] > 1) print p }'; }

irqos_run --smp 2 -- ps 'spin 600 1' 'spin 600 1' 'sleep 0.3' ps 'sleep 0.8' ps 'spin 0' 'spin 10 7'
is "$RUN_STATUS" 0 'every command answered, then poweroff'

P1=$(out_of 1) P2=$(out_of 5) P3=$(out_of 7)
for n in 1 2 3; do
	v=P$n
	t=${!v}
	is "$(head -n 1 <<< "$t")" "$HEADER" "ps #$n: the header, exactly"
	is "$(badrows "$t")" '' "ps #$n: every row has the 11 columns in their formats"
	is "$(dup_pids "$t")" '' "ps #$n: every pid but 0 is unique"
	for cpu in 0 1; do
		is "$(rows "$t" | awk -v c="swapper/$cpu" '$11 == c' | wc -l)" 1 "ps #$n: one swapper/$cpu row"
		is "$(field "$t" "swapper/$cpu" 1) $(field "$t" "swapper/$cpu" 2) $(field "$t" "swapper/$cpu" 3) $(field "$t" "swapper/$cpu" 7)" \
			"0 $cpu I 140" "ps #$n: swapper/$cpu is pid 0 on CPU $cpu, STAT I, PRI 140"
	done
	is "$(rows "$t" | awk '$1 == 0' | wc -l)" 2 "ps #$n: pid 0 only for the two idle tasks"
	is "$(field "$t" init 1) $(field "$t" init 3) $(field "$t" init 4) $(field "$t" init 6) $(field "$t" init 7)" \
		'1 R TS 0 120' "ps #$n: init is pid 1, running, SCHED_NORMAL, nice 0, PRI 120"
done

# The two spinners, while they run.
pid0=$(out_of 2) pid1=$(out_of 3)
like "$pid0" '^[0-9]+$' 'spin printed the new thread'"'"'s pid'
isnt "$pid0" "$pid1" 'the two spinners have different pids'
for s in 0 1; do
	want=pid$s
	is "$(field "$P2" "spin/$s" 1)" "${!want}" "spin/$s: the pid spin printed"
	is "$(field "$P2" "spin/$s" 2) $(field "$P2" "spin/$s" 3) $(field "$P2" "spin/$s" 4) $(field "$P2" "spin/$s" 7)" \
		'1 R TS 120' "spin/$s: on CPU 1, runnable, SCHED_NORMAL, PRI 120"
	is "$(field "$P2" "spin/$s" 8)" 0 "spin/$s: never slept (VCSW 0)"
	num_cmp "$(field "$P2" "spin/$s" 9)" '>' 0 "spin/$s: preempted by the tick (NVCSW > 0)"
	num_cmp "$(field "$P2" "spin/$s" 10)" '>' 0 "spin/$s: ticks found it running"
done

# After their 600 ms they have exited and been freed.
is "$(rows "$P3" | awk '$11 ~ /^spin\//' | wc -l)" 0 'the spinners are gone once their time is up'
# What is left is what was there before the spinners: the same pids.
is "$(rows "$P3" | awk '{ print $1, $11 }' | sort | xargs)" "$(rows "$P1" | awk '{ print $1, $11 }' | sort | xargs)" \
	'ps #3: the same tasks as before the spinners (idle, init, per-CPU threads)'

like "$(out_of 8)" '^usage: spin MS \[CPU\]$' 'spin 0: usage'
like "$(out_of 9)" '^spin: CPU 7 is not online$' 'spin on an offline CPU: refused'
done_testing
