#!/bin/bash
# SPDX-License-Identifier: MIT
#
# msi.t - PCI Message Signaled Interrupts with QEMU's edu device
# (drivers/pci/msi.c, arch/x86/kernel/apic/msi.c), and the fallback to
# INTx.
#
# Boot 1, "edu.msi=1", two edu devices in slots 4 and 8 (which would share
# INTx IRQ 11): each gets its own IRQ from 24 up (after the I/O APIC's 24
# GSIs), shown in /proc/interrupts as Linux shows an MSI line -
#
#	" 24:          2   PCI-MSI 65536-edge      edu"
#
# chip PCI-MSI, hwirq (bus << 8 | devfn) << 11 (Linux's
# pci_msi_domain_calc_hwirq: 00:04.0 -> 65536, 00:08.0 -> 131072), flow
# edge, one handler each - checked against the exact printf layout of
# kernel/irq/proc.c. Two raises on edu0 add exactly 2 to edu0's row and
# nothing to edu1's, and IRQ 11 has no edu handler any more.
#
# Boot 2 adds "pci=nomsi" (Linux's option), boot 3 "nolapic" (no local
# APIC: no MSI possible): the driver falls back to the shared INTx line,
# which still delivers.

. "$(dirname "$0")/lib.sh"
need_kernel

DEVICES='-device edu,addr=4 -device edu,addr=8'
out_of() { cmd_output "$1" | grep -avE "$TS_RE"; }

# count IRQ TEXT - the IRQ's total over the CPU columns of /proc/interrupts.
count() {
	awk -v irq="$1:" '$1 == irq { t = 0; for (i = 2; i <= NF && $i ~ /^[0-9]+$/; i++) t += $i; print t }' <<< "$2"
}

# msi_row IRQ HWIRQ TEXT - the IRQ's row rebuilt with kernel/irq/proc.c's
# format from its own counts (prec 3, one CPU): empty if it has no row.
msi_row() {
	local c
	c=$(awk -v irq="$1:" '$1 == irq { print $2 }' <<< "$3")
	[ -n "$c" ] && printf '%3d: %10u  %8s %3lu-%-8s  %s\n' "$1" "$c" PCI-MSI "$2" edge edu
}

irqos_run --timeout 120 --append 'edu.msi=1' --qemu "$DEVICES" -- \
	edu \
	'cat /proc/interrupts' \
	'edu raise 0' \
	'edu raise 0 0x4' \
	'cat /proc/interrupts' \
	edu
is "$RUN_STATUS" 0 'edu.msi=1: every command answered, then poweroff'

out=$(out_of 1)
irq0=$(awk '$1 == "edu0" { print $3 }' <<< "$out")
irq1=$(awk '$1 == "edu1" { print $3 }' <<< "$out")
is "$(awk '$1 ~ /^edu[01]$/ { print $1, $NF }' <<< "$out")" $'edu0 MSI\nedu1 MSI' \
	'edu: both devices in MSI mode'
num_cmp "${irq0:-0}" '>=' 24 "edu0 has an MSI IRQ above the I/O APIC's GSIs ($irq0)"
num_cmp "${irq1:-0}" '>' "${irq0:-0}" "edu1 has its own, next IRQ ($irq1)"
like "$RUN_LOG" "^(\\[ *[0-9.]+\\] )?edu0: 0000:00:04\\.0 .*, IRQ $irq0 \\(MSI\\)\$" 'boot log: edu0 on its MSI IRQ'

A=$(out_of 2) B=$(out_of 5)
is "$(grep -E "^ *$irq0:" <<< "$A")" "$(msi_row "$irq0" 65536 "$A")" \
	"/proc/interrupts: edu0's row has Linux's layout: PCI-MSI 65536-edge, edu"
is "$(grep -E "^ *$irq1:" <<< "$A")" "$(msi_row "$irq1" 131072 "$A")" \
	"/proc/interrupts: edu1's row has Linux's layout: PCI-MSI 131072-edge, edu"
is "$(grep -c 'PCI-MSI' <<< "$A")" 2 'exactly two PCI-MSI rows'
unlike "$A" '^ *11:.*edu' 'IRQ 11 (the INTx line) has no edu handler'

like "$(out_of 3)" "^edu0: raised 0x1 on IRQ $irq0: handled after [0-9]+ us\$" 'edu raise 0: handled on the MSI IRQ'
like "$(out_of 4)" "^edu0: raised 0x4 on IRQ $irq0: handled after [0-9]+ us\$" 'edu raise 0 0x4: handled'
a0=$(count "$irq0" "$A") b0=$(count "$irq0" "$B")
a1=$(count "$irq1" "$A") b1=$(count "$irq1" "$B")
is "$((b0 - a0))" 2 "two raises on edu0: its MSI IRQ counted exactly 2 ($a0 -> $b0)"
is "$((b1 - a1))" 0 "edu1's MSI IRQ counted nothing ($a1 -> $b1)"
is "$(awk '$1 == "edu0" { print $5, $6 }; $1 == "edu1" { print $5, $6 }' <<< "$(out_of 6)")" \
	$'2 0\n0 0' 'edu: edu0 handled 2, none unhandled; edu1 untouched'

# Fallback: MSI refused by the command line, or impossible without a LAPIC.
for opt in 'pci=nomsi' 'nolapic'; do
	irqos_run --timeout 120 --append "edu.msi=1 $opt" --qemu "$DEVICES" -- \
		edu 'edu raise 0' 'cat /proc/interrupts'
	is "$RUN_STATUS" 0 "$opt: every command answered, then poweroff"
	out=$(out_of 1)
	is "$(awk '$1 ~ /^edu[01]$/ { print $1, $3, $NF }' <<< "$out")" $'edu0 11 INTx\nedu1 11 INTx' \
		"$opt: edu.msi=1 falls back to INTx, both on shared IRQ 11"
	like "$(out_of 2)" '^edu0: raised 0x1 on IRQ 11: handled after [0-9]+ us$' "$opt: INTx delivers"
	P=$(out_of 3)
	unlike "$P" 'PCI-MSI' "$opt: no PCI-MSI row"
	like "$P" '^ *11: .*  edu, edu$' "$opt: IRQ 11 shared by both edu handlers"
done

done_testing
