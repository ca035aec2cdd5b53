#!/bin/bash
# SPDX-License-Identifier: MIT
#
# edu.t - PCI enumeration and real device interrupts on a shared line,
# driven from the shell with QEMU's edu device (drivers/misc/edu.c).
#
# Two edu devices in slots 4 and 8: on QEMU's "pc" machine slot S's INTA#
# goes to PIRQ link (S - 1) mod 4, so both are on PIRQD, which SeaBIOS
# routes to IRQ 11 - one level-triggered line, two handlers. Checks:
# lspci finds them; a raise on edu0 is handled by edu0's handler only,
# while edu1's handler is asked too and declines; a factorial completes
# through the interrupt; bad arguments get -EINVAL/-ENODEV; in screaming
# mode (the handler never acknowledges) the spurious detector reports
# "nobody cared", lists both edu_irq_handler actions and disables the
# line, after which the shell still answers and the other device is still
# served by the core's poll of the disabled line. The storm of 100,000
# interrupts takes well under a second under TCG (the driver reports the
# time; it is shown as a note).
#
# A second boot puts an edu device behind a PCI-to-PCI bridge: the scan
# must follow the bridge to bus 1, and the interrupt, swizzled through the
# bridge onto another link, must arrive on its own IRQ.

. "$(dirname "$0")/lib.sh"
need_kernel

DEVICES='-device edu,addr=4 -device edu,addr=8'
irqos_run --timeout 120 --qemu "$DEVICES" -- \
	lspci \
	edu \
	'edu raise 0' \
	'edu raise 0' \
	edu \
	'lspci -v' \
	'edu fact 1 5' \
	'edu raise 7' \
	'edu raise zero' \
	'edu scream 0 loud' \
	'edu raise 0 0' \
	'cat /proc/interrupts' \
	'edu scream 0 on' \
	'edu raise 0' \
	'echo alive' \
	'edu raise 1' \
	edu

is "$RUN_STATUS" 0 'every command answered, then poweroff: status 0'

# lspci: both devices, in lspci -n format.
out=$(cmd_output 1)
like "$out" '^00:04\.0 00ff: 1234:11e8 \(rev 10\)$' 'lspci: 00:04.0 00ff: 1234:11e8 (rev 10)'
like "$out" '^00:08\.0 00ff: 1234:11e8 \(rev 10\)$' 'lspci: 00:08.0 00ff: 1234:11e8 (rev 10)'
like "$out" '^00:00\.0 0600: 8086:1237 ' 'lspci: the i440FX host bridge at 00:00.0'
like "$RUN_LOG" '^PCI: PIRQ router 8086:7000 at 0000:00:01\.0:.* PIRQD->IRQ11$' \
	'boot log: the PIIX3 routes PIRQD to IRQ 11'

# edu: both bound, on the same IRQ.
out=$(cmd_output 2)
irq0=$(awk '$1 == "edu0" { print $3 }' <<< "$out")
irq1=$(awk '$1 == "edu1" { print $3 }' <<< "$out")
like "$out" '^edu0 +0000:00:04\.0 ' 'edu lists edu0 at 0000:00:04.0'
like "$out" '^edu1 +0000:00:08\.0 ' 'edu lists edu1 at 0000:00:08.0'
num_cmp "${irq0:-0}" '>' 0 "edu0 has an IRQ ($irq0)"
is "$irq1" "$irq0" 'edu0 and edu1 share one IRQ'

# Two raises on edu0: handled twice by edu0; edu1's handler was called for
# both (the line is shared) and declined both.
like "$(cmd_output 3)" "^edu0: raised 0x1 on IRQ $irq0: handled after [0-9]+ us\$" 'edu raise 0: handled'
like "$(cmd_output 4)" "^edu0: raised 0x1 on IRQ $irq0: handled after [0-9]+ us\$" 'edu raise 0 again: handled'
out=$(cmd_output 5)
is "$(awk '$1 == "edu0" { print $4, $5, $6 }' <<< "$out")" '2 2 0' 'edu0: raised 2, handled 2, unhandled 0'
is "$(awk '$1 == "edu1" { print $4, $5, $6 }' <<< "$out")" '0 0 2' 'edu1: raised 0, handled 0, unhandled 2 (asked, not its interrupt)'

# lspci -v: the routing and the binding.
out=$(cmd_output 6)
is "$(grep -c "^	Interrupt: pin A routed to IRQ $irq0\$" <<< "$(sed -n '/^00:0[48]\.0 /,/^$/p' <<< "$out")")" 2 \
	"lspci -v: both edu devices: pin A routed to IRQ $irq0"
is "$(grep -c '^	Kernel driver in use: edu$' <<< "$out")" 2 'lspci -v: both bound to the edu driver'
like "$out" '^	Region 0: Memory at [0-9a-f]+ \(32-bit, non-prefetchable\) \[size=1M\]$' \
	'lspci -v: the 1M memory BAR'

like "$(cmd_output 7)" "^edu1: 5! = 120 \\(completed by interrupt on IRQ $irq0 after [0-9]+ us\\)\$" \
	'edu fact 1 5: 120, completed by the interrupt'

# Bad arguments.
like "$(cmd_output 8)" "^edu: no such device '7' \\(-ENODEV\\)\$" 'edu raise 7: -ENODEV'
like "$(cmd_output 9)" "^edu: bad device number 'zero' \\(-EINVAL\\)\$" 'edu raise zero: -EINVAL'
like "$(cmd_output 10)" "\\(-EINVAL\\)\$" 'edu scream 0 loud: -EINVAL'
like "$(cmd_output 11)" "\\(-EINVAL\\)\$" 'edu raise 0 0 (raises nothing): -EINVAL'

# /proc/interrupts, once procfs is there: one line, both actions.
out=$(cmd_output 12)
if grep -q '^ *CPU0' <<< "$out"; then
	# The I/O APIC by default (pin = GSI, level: fasteoi); XT-PIC under noapic.
	like "$out" "^ *$irq0: +[0-9]+ +(IO-APIC +[0-9]+-fasteoi|XT-PIC) +edu, edu\$" \
		"/proc/interrupts: IRQ $irq0 lists 'edu, edu' (IO-APIC, fasteoi)"
	n=$(awk -v i="$irq0:" '$1 == i { print $2 }' <<< "$out")
	num_cmp "${n:-0}" '>=' 3 "/proc/interrupts: IRQ $irq0 counted the interrupts so far ($n)"
else
	skip '/proc/interrupts lists edu, edu' 'no /proc/interrupts in this kernel'
	skip '/proc/interrupts counts' 'no /proc/interrupts in this kernel'
fi

# Screaming: the handler never acks, the line stays asserted, the core
# disables it after 100,000 interrupts nobody handled.
is "$(cmd_output 13)" 'edu0: scream mode' 'edu scream 0 on'
out=$(strip_ts "$(cmd_output 14)")
like "$out" "^irq $irq0: nobody cared \\(try booting with the \"irqpoll\" option\\)\$" \
	"irq $irq0: nobody cared (try booting with the \"irqpoll\" option)"
is "$(sed -n '/^handlers:$/,/^Disabling IRQ/p' <<< "$out" | grep -c '\] edu_irq_handler$')" 2 \
	'handlers: lists edu_irq_handler twice (both devices)'
in_order "$out" "^irq $irq0: nobody cared" '^handlers:$' "^Disabling IRQ #$irq0\$" \
	"^edu0: raised 0x1 on IRQ $irq0, not acknowledged"
line=$(grep -E "^edu0: raised 0x1 on IRQ $irq0, not acknowledged" <<< "$out")
if [[ $line =~ :\ ([0-9]+)\ interrupts\ in\ ([0-9]+)\ ms,\ IRQ\ [0-9]+\ disabled$ ]]; then
	num_cmp "${BASH_REMATCH[1]}" '>=' 99900 "the storm lasted ${BASH_REMATCH[1]} interrupts (>= 99,900) before IRQ $irq0 was disabled"
	note "screaming IRQ $irq0: ${BASH_REMATCH[1]} interrupts in ${BASH_REMATCH[2]} ms"
else
	fail 'edu raise in scream mode reports the storm and the disabled IRQ' "  got: '$line'"
fi
is "$(cmd_output 15)" 'alive' 'the shell still answers: echo alive'
# The line stays off, but the core polls a line it disabled as spurious
# (every HZ/10), so edu1's raise is still served - by the poll.
like "$(cmd_output 16)" "^edu1: raised 0x1 on IRQ $irq0: handled after [0-9]+ us\$" \
	'a raise on edu1 is still handled (by the spurious-line poll)'
out=$(cmd_output 17)
like "$out" '^edu0 .* scream +disabled +INTx$' "edu: IRQ $irq0 shown disabled"
is "$(awk '$1 == "edu1" { print $5, $9 }' <<< "$out")" '2 disabled' \
	'edu1: handled 2 (the factorial, this raise), and the line is still disabled'

# Behind a PCI-to-PCI bridge: bus 1, and another IRQ (the bridge swizzles
# slot 1's INTA# to its own INTB#: slot 5, PIRQB, IRQ 10).
irqos_run --qemu '-device edu,addr=4 -device pci-bridge,id=br1,chassis_nr=1,addr=5 -device edu,bus=br1,addr=1' -- \
	lspci 'lspci -v' edu 'edu raise 1'
is "$RUN_STATUS" 0 'bridge: every command answered'
like "$(cmd_output 1)" '^00:05\.0 0604: 1b36:0001$' 'bridge: lspci shows the PCI-to-PCI bridge at 00:05.0'
like "$(cmd_output 1)" '^01:01\.0 00ff: 1234:11e8 \(rev 10\)$' 'bridge: lspci shows the edu behind it at 01:01.0'
like "$(cmd_output 2)" '^	Bus: primary=00, secondary=01, subordinate=01$' 'bridge: lspci -v shows its bus numbers'
irqb=$(awk '$1 == "edu1" { print $3 }' <<< "$(cmd_output 3)")
isnt "${irqb:-$irq0}" "$irq0" "bridge: edu1 (bus 1) is on another IRQ (${irqb:-none})"
like "$(cmd_output 4)" "^edu1: raised 0x1 on IRQ $irqb: handled after [0-9]+ us\$" \
	"bridge: a raise behind the bridge is handled on IRQ $irqb"

done_testing
