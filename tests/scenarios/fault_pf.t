#!/bin/bash
# SPDX-License-Identifier: MIT
#
# fault_pf.t - a kernel-mode read of an unmapped address (0xdead0000): the
# page fault handler finds no fixup and oopses in Linux's format: the BUG
# line, the decoded error code, "Oops: 0000 [#1]", RIP symbolized, the
# registers with CR2 = the address, a symbolized call trace reaching back
# to the code that ran the fault, then the panic and QEMU exit status 65.

. "$(dirname "$0")/lib.sh"
need_kernel
plan $((FATAL_CHECKS + 10))

irqos_run -- 'echo before' 'fault pf' 'echo after'
is "$(cmd_output 1)" 'before' 'the shell answers before the fault'
out=$(strip_ts "$(cmd_output 2)")

check_fatal "$out" '^Oops: 0000 \[#1\]' 'lkdtm_PF'

like "$out" '^BUG: unable to handle page fault for address: 00000000dead0000$' \
	'BUG line names the faulting address'
like "$out" '^#PF: supervisor read access in kernel mode$' '#PF: supervisor read access in kernel mode'
like "$out" '^#PF: error_code\(0x0000\) - not-present page$' '#PF: error_code(0x0000) - not-present page'
in_order "$out" '^BUG: unable to handle page fault' '^#PF: supervisor' '^#PF: error_code' \
	'^Oops: 0000' '^RIP: ' '^RSP: ' '^CR2: '
cr2=$(grep -aE -m1 '^CR2: ' <<< "$out")
[[ $cr2 =~ ^CR2:\ ([0-9a-f]{16}) ]]
is "${BASH_REMATCH[1]}" '00000000dead0000' 'CR2 holds the faulting address'

frames=$(awk '/^Call Trace:/ { t = 1; next } /^Kernel panic/ { t = 0 } t' <<< "$out")
like "$frames" '(lkdtm_do_fault|shell)[A-Za-z0-9_]*\+0x[0-9a-f]+/0x[0-9a-f]+' \
	'Call Trace reaches the caller (lkdtm_do_fault or the shell)'

unlike "$out" '^after$' 'nothing runs after the panic'
cmd_output 3 > /dev/null
isnt "$?" 0 'no prompt after the panic'
is "$(grep -ac '^Oops: ' <<< "$out")" 1 'exactly one oops (no recursive fault while reporting)'
