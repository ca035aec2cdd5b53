#!/bin/bash
# SPDX-License-Identifier: MIT
#
# fault_int.t - "fault int N" executes a software "int N". A vector >= 32
# with no irq_desc behind it goes through common_interrupt to do_IRQ(),
# which reports it once per vector (Linux's "do_IRQ: CPU.VECTOR No irq
# handler for vector") and returns; vector 3 is a breakpoint that resumes;
# vector 0 is a divide error, which is fatal. Bad arguments are refused.

. "$(dirname "$0")/lib.sh"
need_kernel
plan 16

NOIRQ_RE='^do_IRQ: [0-9]+\.[0-9]+ No irq handler for vector'

# 0x7e and 0x7f: device vectors the APIC allocator hands out last, so
# nothing is behind them (0x41 was free under the 8259, not any more).
irqos_run -- 'fault int 0x7e' 'fault int 0x7e' 'fault int 126' 'fault int 0x7f' \
	'fault int 3' 'fault int 256' 'fault nosuchkind' 'echo alive'
is "$RUN_STATUS" 0 'all survivable: powers off with status 0'
o1=$(strip_ts "$(cmd_output 1)") o2=$(strip_ts "$(cmd_output 2)")
o3=$(strip_ts "$(cmd_output 3)") o4=$(strip_ts "$(cmd_output 4)")
like "$o1" '^do_IRQ: 0\.126 No irq handler for vector' 'int 0x7e: do_IRQ: 0.126 No irq handler for vector'
unlike "$o2" "$NOIRQ_RE" 'int 0x7e again: not reported a second time'
unlike "$o3" "$NOIRQ_RE" 'int 126 (the same vector, in decimal): not reported again'
like "$o4" '^do_IRQ: 0\.127 No irq handler for vector' 'int 0x7f: another vector is reported (0.127)'
unlike "$o1$o4" 'Oops|Kernel panic|general protection' 'no oops for unhandled vectors'

o5=$(strip_ts "$(cmd_output 5)")
like "$o5" '^int3: breakpoint at [A-Za-z_][A-Za-z0-9_.]*\+0x[0-9a-f]+/0x[0-9a-f]+' \
	'int 3 is a breakpoint, reported like int3'
unlike "$o5" "$NOIRQ_RE" '... and not treated as an interrupt'

o6=$(strip_ts "$(cmd_output 6)")
isnt "$o6" '' 'int 256 is refused with a message'
unlike "$o6" "$NOIRQ_RE|divide error|Oops|int3:" '... and raises nothing (no truncation to vector 0)'
o7=$(strip_ts "$(cmd_output 7)")
isnt "$o7" '' 'an unknown fault kind is refused with a message'
unlike "$o7" 'Oops|Kernel panic' '... and raises nothing'
is "$(cmd_output 8)" 'alive' 'the shell keeps answering'

irqos_run -- 'fault int 0'
o=$(strip_ts "$(cmd_output 1)")
is "$RUN_STATUS" 1 'int 0: fatal, irqos-exec reports a panic'
like "$o" '^divide error: 0000 \[#1\]' 'int 0 is reported as a divide error'
like "$o" '^Kernel panic - not syncing: Fatal exception' '... followed by the panic'
