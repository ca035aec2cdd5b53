#!/bin/bash
# SPDX-License-Identifier: MIT
#
# fault_divide.t - an integer division by zero (#DE) in kernel mode.
# The shell's "fault divide" (after Linux's LKDTM) must end in an oops report
# in Linux's format, then "Kernel panic - not syncing: Fatal exception" and
# QEMU exit status 65; the shell must not come back.

. "$(dirname "$0")/lib.sh"
need_kernel
plan $((FATAL_CHECKS + 3))

irqos_run -- 'echo before' 'fault divide' 'echo after'
is "$(cmd_output 1)" 'before' 'the shell answers before the fault'
out=$(strip_ts "$(cmd_output 2)")
check_fatal "$out" '^divide error: 0000 \[#1\]' 'lkdtm_DIVIDE'
unlike "$out" '^after$' 'nothing runs after the panic'
cmd_output 3 > /dev/null
isnt "$?" 0 'no prompt after the panic'
