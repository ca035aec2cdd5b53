#!/bin/bash
# SPDX-License-Identifier: MIT
#
# fault_int3.t - a breakpoint (#BP, int3) in kernel mode is reported and
# execution resumes after it, as often as it happens; the shell keeps
# working.

. "$(dirname "$0")/lib.sh"
need_kernel
plan 10

BP_RE='^int3: breakpoint at lkdtm_INT3\+0x([0-9a-f]+)/0x([0-9a-f]+)'

irqos_run -- 'fault int3' 'echo alive' 'fault int3' 'echo still alive'
is "$RUN_STATUS" 0 'survives two breakpoints and powers off (status 0)'

for n in 1 3; do
	out=$(strip_ts "$(cmd_output $n)")
	like "$out" "$BP_RE" "fault int3 (#$(( (n + 1) / 2 ))): breakpoint reported in lkdtm_INT3"
	line=$(grep -aE -m1 "$BP_RE" <<< "$out")
	if [[ $line =~ $BP_RE ]] && hex_lt "${BASH_REMATCH[1]}" "${BASH_REMATCH[2]}"; then
		pass "offset within lkdtm_INT3 ($line)"
	else
		fail 'offset within lkdtm_INT3' "  line: '$line'"
	fi
	unlike "$out" 'Oops|Kernel panic|BUG:|general protection' 'no oops, no panic'
done
is "$(cmd_output 2)" 'alive' 'the shell answers after the first breakpoint'
is "$(cmd_output 4)" 'still alive' 'the shell answers after the second breakpoint'
unlike "$RUN_LOG" 'Kernel panic' 'no panic anywhere in the transcript'
