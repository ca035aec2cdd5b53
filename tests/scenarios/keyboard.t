#!/bin/bash
# SPDX-License-Identifier: MIT
#
# keyboard.t - the PS/2 keyboard: keys pressed through QEMU's monitor
# ("sendkey", via irqos-exec's @keys) raise IRQ 1 at the i8042, atkbd turns
# scancodes into characters, and the shell - sleeping in tty_read_char() -
# runs what was typed. /proc/interrupts and the driver counters see every
# make and break code.

. "$(dirname "$0")/lib.sh"
need_kernel

plan 14

irqos_run -- \
	'cat /proc/interrupts' \
	i8042 \
	'@keys echo hi' \
	'cat /proc/interrupts' \
	i8042 \
	'@keys echo Hi, There!' \
	'echo from serial'

is "$RUN_STATUS" 0 'every command answered, then poweroff: status 0'
like "$RUN_LOG" '^i8042: PS/2 Controller at 0x60,0x64 irq 1, command byte 0x[0-9a-f]{2}' 'boot log: i8042 found'

# The keyboard-typed line ran like a serial one.
is "$(cmd_echo 3)" 'echo hi' 'the shell echoed the line typed on the keyboard'
is "$(cmd_output 3)" 'hi' '... and ran it: echo hi'
is "$(cmd_output 6)" 'Hi, There!' 'Shift: capitals and shifted punctuation'
is "$(cmd_output 7)" 'from serial' 'serial input still works after keyboard input'

# IRQ 1 in /proc/interrupts: "e c h o spc h i ret" is 8 makes and 8
# breaks; the shell may run the line before Enter's break arrives.
irq1() { grep -E '^ *1: ' <<< "$(cmd_output "$1")"; }
like "$(irq1 1)" ' i8042$' "/proc/interrupts row 1 is i8042: '$(irq1 1)'"
n1=$(awk '{ print $2 }' <<< "$(irq1 1)") n4=$(awk '{ print $2 }' <<< "$(irq1 4)")
num_cmp "$((n4 - ${n1:-0}))" '>=' 15 "IRQ 1 count grew by at least 15 ($n1 -> $n4)"
num_cmp "$((n4 - ${n1:-0}))" '<=' 16 '... and by at most 16 (one per scancode byte)'

# The driver's own counters.
ctr() { sed -nE "s/^$1: *([0-9]+)$/\1/p" <<< "$(cmd_output "$2")"; }
is "$(( $(ctr atkbd_keys 5) - $(ctr atkbd_keys 2) ))" 8 'atkbd: 8 keys turned into characters'
is "$(ctr i8042_spurious 5)" 0 'i8042: no interrupt without data'
is "$(ctr atkbd_unknown 5)" 0 'atkbd: no key without a character'
is "$(ctr atkbd_errors 5)" 0 'atkbd: no parity or timeout errors'
d=$(( $(ctr i8042_irqs 5) - $(ctr i8042_irqs 2) ))
if [ "$d" -ge 15 ] && [ "$d" -le 16 ]; then pass "i8042_irqs grew by 15 or 16 ($d)"
else fail "i8042_irqs grew by 15 or 16" "  it grew by $d"; fi
