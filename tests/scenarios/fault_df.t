#!/bin/bash
# SPDX-License-Identifier: MIT
#
# fault_df.t - kernel stack overflow. "fault df" recurses until it touches
# the guard page below the kernel stack; the #PF cannot be delivered on the
# dead stack, so the CPU raises #DF, which runs on its own IST stack and
# reports the overflow (Linux's handle_stack_overflow() format). Without a
# working #DF path this is a triple fault, which with -no-reboot makes QEMU
# exit quietly (irqos-exec status 4): this test tells the two apart.

. "$(dirname "$0")/lib.sh"
need_kernel
plan $((FATAL_CHECKS + 7))

HEADER='^kernel stack overflow \(double-fault\): 0000 \[#1\]'

irqos_run -- 'echo before' 'fault df' 'echo after'
is "$(cmd_output 1)" 'before' 'the shell answers before the fault'
isnt "$RUN_STATUS" 4 'not a triple fault (QEMU did not just reset and exit)'
out=$(strip_ts "$(cmd_output 2)")

check_fatal "$out" "$HEADER" '[A-Za-z_][A-Za-z0-9_.]*'

like "$out" '^BUG: stack guard page was hit at ' 'BUG: stack guard page was hit'
in_order "$out" '^BUG: stack guard page was hit' "$HEADER"
frames=$(awk '/^Call Trace:/ { t = 1; next } /^Kernel panic/ { t = 0 } t' <<< "$out")
like "$frames" '^ *<#DF>' 'the trace shows <#DF>: the report runs on the #DF IST stack'

unlike "$out" '^after$' 'nothing runs after the panic'
cmd_output 3 > /dev/null
isnt "$?" 0 'no prompt after the panic'
