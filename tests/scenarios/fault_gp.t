#!/bin/bash
# SPDX-License-Identifier: MIT
#
# fault_gp.t - a read through a non-canonical pointer (#GP) in kernel mode.
# The shell's "fault gp" (after Linux's LKDTM) must end in an oops report
# in Linux's format, then "Kernel panic - not syncing: Fatal exception" and
# QEMU exit status 65; the shell must not come back.

. "$(dirname "$0")/lib.sh"
need_kernel
plan $((FATAL_CHECKS + 3))

irqos_run -- 'echo before' 'fault gp' 'echo after'
is "$(cmd_output 1)" 'before' 'the shell answers before the fault'
out=$(strip_ts "$(cmd_output 2)")
check_fatal "$out" '^general protection fault, probably for non-canonical address 0xdead000000000000: 0000 \[#1\]' 'lkdtm_GP'
unlike "$out" '^after$' 'nothing runs after the panic'
cmd_output 3 > /dev/null
isnt "$?" 0 'no prompt after the panic'
