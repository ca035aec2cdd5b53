#!/bin/bash
# SPDX-License-Identifier: MIT
#
# affinity.t - moving an interrupt between CPUs from the shell, as on
# Linux: /proc/irq/N/smp_affinity (hex mask), smp_affinity_list (CPU
# list), effective_affinity[_list] (where the controller really sends it)
# and /proc/irq/default_smp_affinity (kernel/irq/proc.c, irq_set_affinity()
# in kernel/irq/manage.c).
#
# -smp 4 with two edu devices on IRQ 11 (an I/O APIC level line): the
# line starts with all four CPUs allowed ("f", "0-3") and delivered to
# CPU 0; "echo 4 > smp_affinity" moves it to CPU 2, and three edu
# interrupts are then counted in the CPU2 column of /proc/interrupts
# only. Refused writes change nothing and fail with Linux's errors: a
# mask without an online CPU (empty) is EINVAL; a CPU that does not exist
# is the parser's error, as on Linux (bitmap_parse: EOVERFLOW for the hex
# mask, bitmap_parselist: ERANGE for the list). "0-1" to the list file
# brings it back to CPU 0. Under "noapic" IRQ 11 is an XT-PIC line, which
# the 8259 cannot steer: writing its affinity is EIO, as Linux's
# write_irq_affinity() answers for such lines.

. "$(dirname "$0")/lib.sh"
need_kernel
plan 28

DEVICES='-device edu,addr=4 -device edu,addr=8'
D=/proc/irq/11
irqos_run --smp 4 --timeout 60 --qemu "$DEVICES" -- \
	"cat $D/smp_affinity" \
	"cat $D/smp_affinity_list" \
	"cat $D/effective_affinity_list" \
	'cat /proc/interrupts' \
	"echo 4 > $D/smp_affinity" \
	"cat $D/smp_affinity_list" \
	"cat $D/effective_affinity" \
	'edu raise 0' \
	'edu raise 0' \
	'edu raise 0' \
	'cat /proc/interrupts' \
	"echo 0 > $D/smp_affinity" \
	"echo 10 > $D/smp_affinity" \
	"echo 4-5 > $D/smp_affinity_list" \
	"cat $D/smp_affinity" \
	"echo 0-1 > $D/smp_affinity_list" \
	"cat $D/smp_affinity" \
	"cat $D/effective_affinity_list" \
	'cat /proc/irq/default_smp_affinity' \
	'echo 0 > /proc/irq/default_smp_affinity' \
	"ls $D"

is "$RUN_STATUS" 0 'every command answered, then poweroff: status 0'
is "$(cmd_output 1)" 'f' "$D/smp_affinity: f (all four CPUs)"
is "$(cmd_output 2)" '0-3' "$D/smp_affinity_list: 0-3"
is "$(cmd_output 3)" '0' "$D/effective_affinity_list: 0 (delivered to CPU 0)"

# count OUTPUT CPU - IRQ 11's count in CPU's column of /proc/interrupts.
count() { awk -v c=$(($2 + 2)) '$1 == "11:" { print $c }' <<< "$1"; }
before=$(cmd_output 4)
like "$before" '^ +11: +[0-9]+ +[0-9]+ +[0-9]+ +[0-9]+ +IO-APIC +11-fasteoi +edu, edu$' \
	'/proc/interrupts: IRQ 11 is an IO-APIC fasteoi line with four CPU columns'

is "$(cmd_output 5)" '' "echo 4 > $D/smp_affinity: accepted silently"
is "$(cmd_output 6)" '2' "$D/smp_affinity_list: 2"
is "$(cmd_output 7)" '4' "$D/effective_affinity: 4 (CPU 2)"
n=0
for i in 8 9 10; do
	[[ $(cmd_output $i) =~ ^edu0:\ raised\ 0x1\ on\ IRQ\ 11:\ handled ]] && n=$((n + 1))
done
is "$n" 3 'edu raise 0 three times: all handled'
after=$(cmd_output 11)
for cpu in 0 1 3; do
	is "$(count "$after" $cpu)" "$(count "$before" $cpu)" "/proc/interrupts: IRQ 11 on CPU$cpu did not grow"
done
b2=$(count "$before" 2) a2=$(count "$after" 2)
is "$((a2 - b2))" 3 "/proc/interrupts: IRQ 11 on CPU2 grew by 3 ($b2 -> $a2)"

is "$(cmd_output 12)" 'sh: echo: write error: Invalid argument' \
	"echo 0 > $D/smp_affinity: no online CPU, Invalid argument"
is "$(cmd_output 13)" 'sh: echo: write error: Value too large for defined data type' \
	"echo 10 > $D/smp_affinity: CPU 4 does not exist, EOVERFLOW as Linux's bitmap_parse"
is "$(cmd_output 14)" 'sh: echo: write error: Numerical result out of range' \
	"echo 4-5 > $D/smp_affinity_list: ERANGE as Linux's bitmap_parselist"
is "$(cmd_output 15)" '4' "$D/smp_affinity: still 4 after the refused writes"
is "$(cmd_output 16)" '' "echo 0-1 > $D/smp_affinity_list: accepted"
is "$(cmd_output 17)" '3' "$D/smp_affinity: 3"
is "$(cmd_output 18)" '0' "$D/effective_affinity_list: 0 (CPU 2 left the mask: the first CPU of it)"
is "$(cmd_output 19)" 'f' '/proc/irq/default_smp_affinity: f'
is "$(cmd_output 20)" 'sh: echo: write error: Invalid argument' \
	'echo 0 > /proc/irq/default_smp_affinity: Invalid argument'
is "$(cmd_output 21 | tr '\n' ' ')" \
	'effective_affinity effective_affinity_list smp_affinity smp_affinity_list spurious' \
	"ls $D: Linux's affinity files and spurious"

# noapic: IRQ 11 on the 8259, which cannot steer it.
irqos_run --smp 2 --append noapic --timeout 60 --qemu "$DEVICES" -- \
	"cat $D/smp_affinity" \
	"echo 1 > $D/smp_affinity" \
	"cat $D/smp_affinity" \
	'cat /proc/interrupts'
is "$RUN_STATUS" 0 'noapic: every command answered, then poweroff: status 0'
is "$(cmd_output 1)" '3' "noapic: $D/smp_affinity: 3 (both CPUs)"
is "$(cmd_output 2)" 'sh: echo: write error: Input/output error' \
	"noapic: echo 1 > $D/smp_affinity: the XT-PIC cannot steer it, EIO as Linux"
is "$(cmd_output 3)" '3' "noapic: $D/smp_affinity: unchanged"
like "$(cmd_output 4)" '^ +11: +[0-9]+ +[0-9]+ +XT-PIC +edu, edu$' 'noapic: IRQ 11 is an XT-PIC line'
