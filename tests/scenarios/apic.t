#!/bin/bash
# SPDX-License-Identifier: MIT
#
# apic.t - the local APIC and I/O APIC seen from outside
# (arch/x86/kernel/acpi/boot.c, arch/x86/kernel/apic/).
#
# Default boot (two edu devices on IRQ 11): the boot log has Linux's MADT
# lines; /proc/interrupts lists the ISA lines as "IO-APIC <pin>-edge" -
# the timer on pin 2, as QEMU's override says - and edu's PCI line as
# "IO-APIC 11-fasteoi edu, edu", no XT-PIC and no IRQ 2; LOC grows while
# IRQ 0 stays frozen (the PIT is retired); an edu raise is counted once on
# IRQ 11; the "apic" command shows the redirection table agreeing with
# "vectors" and with the MADT (pin 11 level, active high), the 8259s
# masked; util-linux lsirq parses the file (as in proc_interrupts.t).
# "noapic": the XT-PIC rows are back, cascade included, the 8259 reaches
# the CPU through LINT0 (virtual wire), the LAPIC timer still ticks.
# "nolapic": XT-PIC, no LOC, IRQ 0 is the tick again.
# xAPIC and x2APIC: "-cpu qemu64,-x2apic" boots in xAPIC mode. QEMU 7.2's
# TCG does not emulate x2APIC (nor TSC-deadline), so x2APIC is checked
# under KVM when /dev/kvm works, with "+x2apic,+tsc-deadline" (and
# "nox2apic lapic=notscdeadline" back to xAPIC and an LVTT one-shot timer), and
# skipped otherwise.
# Finally every KUnit suite runs under "noapic" and under "nolapic": the
# 8259 path of the previous issue must stay alive and tested.

. "$(dirname "$0")/lib.sh"
need_kernel
plan 48

out_of() { cmd_output "$1" | grep -avE "$TS_RE"; }
# row TEXT IRQ - the total count of one /proc/interrupts row (all CPUs).
row_total() { awk -v r="$2:" '$1 == r { s = 0; for (i = 2; i <= NF && $i ~ /^[0-9]+$/; i++) s += $i; print s }' <<< "$1"; }

# lsirq_check TEXT DESC - util-linux lsirq reads TEXT as /proc/interrupts
# and lists every IRQ row with the total we compute.
lsirq_check() {
	local cap got want why ls_out
	if ! command -v lsirq > /dev/null; then
		skip "$2" 'lsirq (util-linux >= 2.34) is not installed'; return
	fi
	if ! why=$(unshare -m true 2>&1); then
		skip "$2" "unshare -m is not permitted here: $why"; return
	fi
	cap=$(mktemp)
	printf '%s\n' "$1" > "$cap"
	ls_out=$(unshare -m sh -c 'mount --bind "$1" /proc/interrupts || exit 99; lsirq -P' sh "$cap" 2>&1)
	if [ $? = 99 ]; then
		skip "$2" "cannot bind-mount over /proc/interrupts: $ls_out"; rm -f "$cap"; return
	fi
	rm -f "$cap"
	got=$(perl -ne 'print "$1 $2\n" if /^IRQ="(\d+)" TOTAL="(\d+)"/' <<< "$ls_out" | sort)
	want=$(awk 'NR > 1 && $1 ~ /^[0-9]+:$/ { s = 0; for (i = 2; i <= NF && $i ~ /^[0-9]+$/; i++) s += $i; sub(":", "", $1); print $1, s }' <<< "$1" | sort)
	is "$got" "$want" "$2"
}

DEVICES='-device edu,addr=4 -device edu,addr=8'

# --- the default: LAPIC + I/O APIC ----------------------------------------
irqos_run --qemu "$DEVICES" -- 'cat /proc/interrupts' 'edu raise 0' apic vectors 'cat /proc/interrupts'
is "$RUN_STATUS" 0 'default boot: every command answered'
like "$RUN_LOG" '^ACPI: LAPIC \(acpi_id\[0x00\] lapic_id\[0x00\] enabled\)$' 'log: ACPI: LAPIC (acpi_id[0x00] lapic_id[0x00] enabled)'
like "$RUN_LOG" '^IOAPIC\[0\]: apic_id 0, version 32, address 0xfec00000, GSI 0-23$' 'log: IOAPIC[0]: apic_id 0, version 32, address 0xfec00000, GSI 0-23'
like "$RUN_LOG" '^ACPI: INT_SRC_OVR \(bus 0 bus_irq 0 global_irq 2 dfl dfl\)$' 'log: INT_SRC_OVR IRQ 0 -> GSI 2'
like "$RUN_LOG" '^ACPI: LAPIC_NMI \(acpi_id\[0xff\] dfl dfl lint\[0x1\]\)$' 'log: LAPIC_NMI on LINT1'
like "$RUN_LOG" '^APIC: local timer \(LOC\) is the tick: one-shot mode, 250 Hz, vector 0xec; PIT channel 0 stopped$' \
	'log: the LAPIC timer takes over the tick, as a one-shot clock event'

A=$(out_of 1) B=$(out_of 5)
like "$A" '^ +0: +[0-9]+ +IO-APIC +2-edge +timer$' 'IRQ 0: IO-APIC 2-edge timer (pin 2, per the override)'
like "$A" '^ +11: +[0-9]+ +IO-APIC +11-fasteoi +edu, edu$' 'IRQ 11: IO-APIC 11-fasteoi edu, edu'
bad=
for r in '1:.* IO-APIC +1-edge +i8042' '4:.* IO-APIC +4-edge +ttyS0' '8:.* IO-APIC +8-edge +rtc0'; do
	grep -qE "^ +$r\$" <<< "$A" || bad+=" [$r]"
done
is "$bad" '' 'ISA lines 1, 4, 8: IO-APIC <pin>-edge'
unlike "$A" 'XT-PIC|^ +2:' 'no XT-PIC rows, no IRQ 2 (the cascade is gone)'
l1=$(row_total "$A" LOC) l2=$(row_total "$B" LOC)
num_cmp "$l2" '>' "${l1:-0}" "LOC grows ($l1 -> $l2)"
is "$(row_total "$B" 0)" "$(row_total "$A" 0)" "IRQ 0's count is frozen: the PIT is retired ($(row_total "$A" 0))"
is $(( $(row_total "$B" 11) - $(row_total "$A" 11) )) 1 'the edu raise is one interrupt on IRQ 11'
like "$(out_of 2)" '^edu0: raised 0x1 on IRQ 11: handled after [0-9]+ us$' 'edu raise 0: handled through the I/O APIC'

AP=$(out_of 3) V=$(out_of 4)
like "$AP" '^CPU0: local APIC ID 0x00, version 0x[0-9a-f]+, max LVT [0-9]+, xAPIC mode$' 'apic: CPU0, xAPIC mode (TCG has no x2APIC)'
like "$AP" '^  LVT timer +0x000000ec  vector 0xec, one-shot$' 'apic: LVT timer one-shot on 0xec (the clock event device)'
like "$AP" '^  LVT LINT0 +0x[0-9a-f]+  ExtINT, masked$' 'apic: LINT0 masked (the 8259 is not wired through)'
v0=$(awk '$2 == "IRQ" && $3 == "0" { print $1 }' <<< "$V")
v11=$(awk '$2 == "IRQ" && $3 == "11" { print $1 }' <<< "$V")
like "$AP" "^ +2 $v0 +fixed +0x00 edge +high +unmasked 0 +0\$" "apic: pin 2 -> vector $v0 (as vectors says), edge, high, unmasked, IRQ 0"
like "$AP" "^ +11 $v11 +fixed +0x00 level +high +unmasked 0 +11\$" "apic: pin 11 -> vector $v11, level, high (QEMU's MADT), IRQ 11"
like "$AP" '^8259A: IMR 0xffff ' 'apic: both 8259s masked'
like "$V" "^  $v11  IRQ 11 +IO-APIC 11-fasteoi  edu, edu\$" 'vectors: IRQ 11 and its handlers'
like "$V" '^  0xec  system   local timer \(LOC\)$' 'vectors: 0xec is the local timer'
lsirq_check "$A" 'lsirq parses the I/O APIC /proc/interrupts'

# --- noapic: the 8259 delivers, through LINT0 -------------------------------
irqos_run --append noapic --qemu "$DEVICES" -- 'cat /proc/interrupts' 'edu raise 0' apic 'cat /proc/interrupts'
is "$RUN_STATUS" 0 'noapic: every command answered'
A=$(out_of 1) B=$(out_of 4) AP=$(out_of 3)
bad=
for r in '0:.* XT-PIC +timer' '1:.* XT-PIC +i8042' '2:.* XT-PIC +cascade' '4:.* XT-PIC +ttyS0' \
	 '8:.* XT-PIC +rtc0' '11:.* XT-PIC +edu, edu'; do
	grep -qE "^ +$r\$" <<< "$A" || bad+=" [$r]"
done
is "$bad" '' 'noapic: XT-PIC rows for 0, 1, 2 (cascade), 4, 8, 11'
unlike "$A" 'IO-APIC' 'noapic: no IO-APIC row'
num_cmp "$(row_total "$B" LOC)" '>' "$(row_total "$A" LOC)" 'noapic: LOC still grows (the LAPIC timer is the tick)'
like "$(out_of 2)" '^edu0: raised 0x1 on IRQ 11: handled after [0-9]+ us$' 'noapic: edu raise handled by the 8259'
like "$AP" '^  LVT LINT0 +0x00000700  ExtINT$' 'noapic: LINT0 ExtINT unmasked (virtual wire)'
like "$AP" '^IO-APIC 0: apic_id 0 at 0xfec00000: not mapped \(noapic\)$' 'noapic: the I/O APIC is left alone'
lsirq_check "$A" 'noapic: lsirq parses the XT-PIC /proc/interrupts'

# --- nolapic: as before the APIC existed ------------------------------------
irqos_run --append nolapic -- 'cat /proc/interrupts' apic 'cat /proc/interrupts'
is "$RUN_STATUS" 0 'nolapic: every command answered'
A=$(out_of 1) B=$(out_of 3)
like "$A" '^ +0: +[0-9]+ +XT-PIC +timer$' 'nolapic: IRQ 0 on the XT-PIC'
num_cmp "$(row_total "$B" 0)" '>' "$(row_total "$A" 0)" 'nolapic: IRQ 0 is the tick again (it grows)'
is "$(row_total "$B" LOC)" 0 'nolapic: no LOC'
like "$(out_of 2)" '^CPU0: local APIC not in use' 'nolapic: apic says the LAPIC is not in use'

# --- xAPIC and x2APIC -------------------------------------------------------
irqos_run --qemu '-cpu qemu64,-x2apic' -- apic
like "$(out_of 1)" '^CPU0: local APIC ID 0x00, .* xAPIC mode$' '-cpu qemu64,-x2apic: xAPIC mode'
kvm_ok=
if [ -w /dev/kvm ]; then
	irqos_run --accel kvm --qemu "-cpu qemu64,+x2apic,+tsc-deadline $DEVICES" -- apic 'edu raise 0' \
		'cat /proc/interrupts' 'cat /proc/interrupts'
	[ "$RUN_STATUS" = 0 ] && kvm_ok=1 || diag "KVM boot failed (status $RUN_STATUS): $RUN_ERR"
fi
if [ -n "$kvm_ok" ]; then
	AP=$(out_of 1)
	like "$AP" '^CPU0: local APIC ID 0x00, .* x2APIC mode$' 'KVM +x2apic: x2APIC mode'
	like "$AP" '^  LVT timer +0x000400ec  vector 0xec, TSC-deadline$' 'KVM +tsc-deadline: the timer in TSC-deadline mode'
	like "$(out_of 2)" '^edu0: raised 0x1 on IRQ 11: handled after [0-9]+ us$' 'KVM x2APIC: edu raise handled'
	num_cmp "$(row_total "$(out_of 4)" LOC)" '>' "$(row_total "$(out_of 3)" LOC)" 'KVM TSC-deadline: LOC grows'
	irqos_run --accel kvm --append 'nox2apic lapic=notscdeadline' --qemu '-cpu qemu64,+x2apic,+tsc-deadline' -- apic
	like "$(out_of 1)" '^  IA32_APICBASE .* x2APIC offered, not used \(nox2apic\)$' 'KVM nox2apic: x2APIC offered but xAPIC used'
	like "$(out_of 1)" '^  LVT timer +0x000000ec  vector 0xec, one-shot$' 'KVM lapic=notscdeadline: LVTT one-shot timer despite TSC-deadline'
else
	for d in 'x2APIC mode' 'TSC-deadline timer' 'edu raise in x2APIC mode' 'LOC in TSC-deadline mode' 'nox2apic' \
		 'lapic=notscdeadline'; do
		skip "KVM: $d" 'no usable /dev/kvm, and QEMU 7.2 TCG emulates neither x2APIC nor TSC-deadline'
	done
fi
irqos_run --qemu '-cpu qemu64,+x2apic' -- apic
if grep -q 'x2APIC mode$' <<< "$(out_of 1)"; then
	pass 'TCG +x2apic: x2APIC mode (this QEMU emulates it)'
else
	like "$(out_of 1)" 'x2APIC not offered by the CPU' 'TCG +x2apic: QEMU drops the feature, the kernel says so'
fi

# --- every KUnit suite on the 8259 paths ------------------------------------
K2T=$IRQOS_ROOT/tools/ktap2tap
for mode in noapic nolapic; do
	irqos_qemu_run 300 $DEVICES -append "kunit.enable=1 $mode"
	is "$RUN_STATUS" 33 "$mode: every KUnit suite passes (QEMU exit status 33)"
	tap=$("$K2T" <<< "$RUN_OUT")
	nfail=$(grep -c '^not ok' <<< "$tap")
	is "$nfail" 0 "$mode: no failed KUnit case"
	[ "$nfail" = 0 ] || grep '^not ok' <<< "$tap" | head -n 5 | diag
done
