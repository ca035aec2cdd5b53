#!/bin/bash
# SPDX-License-Identifier: MIT
#
# e1000e.t - the e1000 driver on QEMU's 82574L ("-nic user,model=e1000e",
# PCI 8086:10d3), which unlike the 82540EM has an MSI capability: the
# driver's interrupt mode policy and the receive path on MSI and on INTx.
#
# Boot 1 (-smp 2, default options): lspci shows 00:03.0 8086:10d3 bound to
# e1000; the boot log names the model and an MSI IRQ; /proc/interrupts,
# parsed by columns, has exactly one eth0 row: IRQ >= 24 on the PCI-MSI
# chip, edge, eth0 alone on it, and no eth0 on IRQ 11. Then through a host
# port forwarded to the echo service (udp echo start, port 7) the host
# sends ECHO_COUNT datagrams one at a time (udp_rtt.py): every one must
# come back byte for byte, and the MSI row's count must grow by at least
# half of ECHO_COUNT (the echoes are sequential, so each request usually
# finds the device unmasked and interrupts; a loaded host can let a poll
# still be running when the next one lands). Then FLOOD_COUNT datagrams
# as fast as the host sends them to the sink (port 9): the frames eth0
# received (ifconfig RX packets) must outnumber the MSI interrupts at
# least 4 to 1 - NAPI polls batches - and interrupts per frame is noted.
#
# Boots 2-5: the fallbacks. "pci=nomsi" and "e1000.msi=0" (with an edu
# device in slot 4): eth0 on the IO-APIC's IRQ 11, fasteoi, shared with
# edu ("edu, eth0"), and with e1000.msi=0 no PCI-MSI row at all;
# "noapic": the 8259 has the legacy lines (XT-PIC) but MSI goes to the
# local APIC, so eth0 is on a PCI-MSI IRQ (>= 16); "nolapic": no MSI at
# all, eth0 on the 8259's IRQ 11 (XT-PIC). In each the echoes come back
# and eth0's row counts them.
#
# Boots 6-7: the KUnit suite "e1000" on the 82574L: on MSI at -smp 4
# (the MSI case and the masked-cause case must run, not skip), and on
# INTx with "pci=nomsi" at -smp 1 and edu sharing IRQ 11 (the
# IRQ_NONE-on-a-shared-line case must run).
#
# The median echo round trip of each boot is printed (# notes).

. "$(dirname "$0")/lib.sh"
need_kernel
plan 46

RTT=$(dirname "$0")/udp_rtt.py
HELPER=$(dirname "$0")/net_udp.py
ECHO_COUNT=100
FLOOD_COUNT=20000
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"; _tap_finish' EXIT

out_of() { cmd_output "$1" | grep -avE "$TS_RE" | tr -d '\r'; }

# irq_rows TEXT - one line per numbered /proc/interrupts row:
# "IRQ CHIP TYPE TOTAL NAMES", TYPE "-" where the chip prints none (XT-PIC),
# NAMES the actions, comma-separated without spaces. The number of CPU
# columns comes from the header line.
irq_rows() {
	perl -ne '
		if (!defined $n && /^\s+CPU\d/) { $n = () = /CPU\d+/g; next }
		next unless defined $n && /^\s*(\d+):/;
		my @f = split " ";
		my $irq = $1; my $tot = 0;
		$tot += $f[$_] for 1 .. $n;
		my $chip = $f[$n + 1]; my $i = $n + 2; my $type = "-";
		if ($chip ne "XT-PIC") { ($type = $f[$i++]) =~ s/^\d+-//; }
		my $names = join("", @f[$i .. $#f]);
		print "$irq $chip $type $tot $names\n"' <<< "$1"
}

# eth0_rows TEXT - the irq_rows lines with an action named eth0.
eth0_rows() { irq_rows "$1" | awk '{ n = split($5, a, ","); for (i = 1; i <= n; i++) if (a[i] == "eth0") print }'; }

# rx_packets TEXT - "RX packets N" of an ifconfig listing.
rx_packets() { sed -nE 's/^ +RX packets ([0-9]+) .*/\1/p' <<< "$1" | head -n 1; }

# rtt_field FILE NAME - a field of udp_rtt.py's result line.
rtt_field() { awk -v k="$2" '{ for (i = 1; i < NF; i++) if ($i == k) print $(i + 1) }' "$1" 2>/dev/null; }

# ---- Boot 1: MSI --------------------------------------------------------
ECHO_PORT=$("$HELPER" freeport)
SINK_PORT=$("$HELPER" freeport)
NIC="user,model=e1000e,hostfwd=udp:127.0.0.1:$ECHO_PORT-:7,hostfwd=udp:127.0.0.1:$SINK_PORT-:9"
irqos_run --smp 2 --timeout 120 --nic "$NIC" -- \
	'lspci -v' \
	'cat /proc/interrupts' \
	'udp echo start' \
	"@host '$RTT' 127.0.0.1 $ECHO_PORT $ECHO_COUNT > '$tmp/rtt1'" \
	'cat /proc/interrupts' \
	'udp sink start 9' \
	'ifconfig eth0' \
	'cat /proc/interrupts' \
	"@host '$HELPER' flood 127.0.0.1 $SINK_PORT $FLOOD_COUNT > '$tmp/flood'" \
	'sleep 2' \
	'ifconfig eth0' \
	'cat /proc/interrupts'
is "$RUN_STATUS" 0 'MSI boot: every command answered, then poweroff'

like "$(sed -n '/^00:03\.0 0200: 8086:10d3/,/^$/p' <<< "$(out_of 1)")" '^	Kernel driver in use: e1000$' \
	'lspci -v: 00:03.0 8086:10d3 (82574L) bound to e1000'
# "MODEL IRQ [(MSI)]" from the probe's Network Connection line
probe_re='^e1000 0000:00:03\.0: eth0: Intel\(R\) PRO/1000 Network Connection \(([0-9A-Z]+)\), IRQ ([0-9]+)( \(MSI\))?$'
probe=$(strip_ts "$RUN_LOG" | tr -d '\r' | sed -nE "s#$probe_re#\\1 \\2\\3#p")
is "$(awk '{ print $1 }' <<< "$probe")" 82574L 'boot log: the probe line names the 82574L'
is "$(awk '{ print $3 }' <<< "$probe")" '(MSI)' 'boot log: ... on MSI'
like "$(strip_ts "$RUN_LOG" | tr -d '\r')" '^e1000 0000:00:03\.0: \(PCI Express\) 52:54:00:12:34:56$' \
	'boot log: the bus and QEMU'"'"'s MAC, read through the 82574'"'"'s EERD layout'

rows=$(eth0_rows "$(out_of 2)")
note "eth0 in /proc/interrupts: $rows"
is "$(wc -l <<< "$rows")" 1 '/proc/interrupts: exactly one row has an eth0 action'
read -r irq chip type _ names <<< "$rows"
num_cmp "${irq:-0}" '>=' 24 "/proc/interrupts: eth0 on IRQ $irq, above the I/O APIC's 24 lines"
is "$chip $type" 'PCI-MSI edge' '/proc/interrupts: the PCI-MSI chip, edge'
is "$names" eth0 '/proc/interrupts: eth0 alone on its IRQ (not IRQF_SHARED)'
is "$(irq_rows "$(out_of 2)" | awk '$1 == 11 { print $5 }')" '' 'nothing on IRQ 11, the NIC'"'"'s INTx line'
probe_irq=$(awk '{ print $2 }' <<< "$probe")
is "$probe_irq" "$irq" 'the probe line and /proc/interrupts agree on the IRQ'

note "MSI echo: $(cat "$tmp/rtt1" 2>/dev/null)"
is "$(rtt_field "$tmp/rtt1" echoed),$(rtt_field "$tmp/rtt1" bad)" "$ECHO_COUNT,0" \
	"MSI: $ECHO_COUNT datagrams echoed byte for byte, none wrong"
i0=$(eth0_rows "$(out_of 2)" | awk '{ print $4 }')
i1=$(eth0_rows "$(out_of 4)" | awk '{ print $4 }')
num_cmp "$((${i1:-0} - ${i0:-0}))" ">=" "$((ECHO_COUNT / 2))" \
	"MSI: the eth0 row counted >= $((ECHO_COUNT / 2)) interrupts for $ECHO_COUNT echoes ($i0 -> $i1)"

rxA=$(rx_packets "$(out_of 6)") rxB=$(rx_packets "$(out_of 9)")
iA=$(eth0_rows "$(out_of 7)" | awk '{ print $4 }') iB=$(eth0_rows "$(out_of 10)" | awk '{ print $4 }')
rx=$((${rxB:-0} - ${rxA:-0})) ints=$((${iB:-0} - ${iA:-0}))
note "flood: $(cat "$tmp/flood" 2>/dev/null); eth0 received $rx frames with $ints MSIs" \
	"  ($(awk -v i="$ints" -v r="$rx" 'BEGIN { if (r) printf "%.4f", i / r; else print "n/a" }') interrupts per frame)"
num_cmp "$rx" ">=" 200 "flood: eth0 received $rx frames (>= 200 of $FLOOD_COUNT got through slirp)"
num_cmp "$ints" '>' 0 'flood: the MSI row counted interrupts'
num_cmp "$((ints * 4))" '<' "$rx" "flood: $ints MSIs for $rx frames - NAPI polls batches (< 1 per 4 frames)"

# ---- Boots 2-5: fallbacks -----------------------------------------------
# fallback NAME APPEND EXPECT_IRQ EXPECT_CHIP EXPECT_TYPE EXPECT_NAMES QEMU_EXTRA
# Checks (5 tests): status, the eth0 row (IRQ, chip, trigger, actions),
# no other eth0 row, every echo back, and the row counting them.
fallback() {
	local name=$1 append=$2 want_irq=$3 want_chip=$4 want_type=$5 want_names=$6 extra=$7
	local port rows irq chip type tot names tot2
	port=$("$HELPER" freeport)
	irqos_run --smp 2 --timeout 120 --append "$append" --qemu "$extra" \
		--nic "user,model=e1000e,hostfwd=udp:127.0.0.1:$port-:7" -- \
		'cat /proc/interrupts' \
		'udp echo start' \
		"@host '$RTT' 127.0.0.1 $port $ECHO_COUNT > '$tmp/rtt_$name'" \
		'cat /proc/interrupts'
	is "$RUN_STATUS" 0 "$name: every command answered, then poweroff"
	rows=$(eth0_rows "$(out_of 1)")
	read -r irq chip type tot names <<< "$rows"
	note "$name: eth0 row: $rows"
	if [[ $want_irq == '>='* ]]; then
		ok "$([[ ${irq:-0} -ge ${want_irq#>=} && "$chip $type $names" == "$want_chip $want_type $want_names" ]]; echo $?)" \
			"$name: eth0 on IRQ $irq ${want_irq}, $chip $type, actions $names"
	else
		is "$irq $chip $type $names" "$want_irq $want_chip $want_type $want_names" \
			"$name: eth0 on IRQ $want_irq, $want_chip $want_type, actions $want_names"
	fi
	is "$(wc -l <<< "$rows")" 1 "$name: one eth0 row"
	note "$name echo: $(cat "$tmp/rtt_$name" 2>/dev/null)"
	is "$(rtt_field "$tmp/rtt_$name" echoed),$(rtt_field "$tmp/rtt_$name" bad)" "$ECHO_COUNT,0" \
		"$name: $ECHO_COUNT datagrams echoed byte for byte"
	tot2=$(eth0_rows "$(out_of 3)" | awk '{ print $4 }')
	num_cmp "$((${tot2:-0} - ${tot:-0}))" ">=" "$((ECHO_COUNT / 2))" \
		"$name: eth0's row counted >= $((ECHO_COUNT / 2)) interrupts for $ECHO_COUNT echoes ($tot -> $tot2)"
}

fallback nomsi 'pci=nomsi' 11 IO-APIC fasteoi 'edu,eth0' '-device edu,addr=4'
like "$(strip_ts "$RUN_LOG" | tr -d '\r')" '^e1000 0000:00:03\.0: MSI unavailable \(pci=nomsi, or no local APIC\): using INTx$' \
	'pci=nomsi: the driver says it falls back to INTx'
fallback msi0 'e1000.msi=0' 11 IO-APIC fasteoi 'edu,eth0' '-device edu,addr=4'
is "$(irq_rows "$(out_of 1)" | awk '$2 == "PCI-MSI"' | wc -l)" 0 'e1000.msi=0: no PCI-MSI row at all'
fallback noapic 'noapic' '>=16' PCI-MSI edge eth0 '-device edu,addr=4'
is "$(irq_rows "$(out_of 1)" | awk '$1 == 11 { print $2, $5 }')" 'XT-PIC edu' \
	'noapic: IRQ 11 is the 8259'"'"'s (XT-PIC), edu alone on it'
fallback nolapic 'nolapic' 11 XT-PIC - 'edu,eth0' '-device edu,addr=4'

# ---- Boots 6-7: KUnit ---------------------------------------------------
irqos_qemu_run 180 -nic user,model=e1000e -smp 4 -append 'kunit.enable=1 kunit.filter_glob=e1000'
is "$RUN_STATUS" 33 'KUnit on MSI: the e1000 suite passed (exit status 33)'
like "$RUN_OUT" ' ok [0-9]+ e1000_test_msi$' 'KUnit on MSI: e1000_test_msi ran'
like "$RUN_OUT" ' ok [0-9]+ e1000_test_masked_cause_interrupts_on_unmask$' \
	'KUnit on MSI: a cause raised while masked sent a new MSI on unmask'
like "$RUN_OUT" ' ok [0-9]+ e1000_test_ring_wraparound$' 'KUnit on MSI: 600 replies through the wrapped rings'
irqos_qemu_run 180 -nic user,model=e1000e -device edu,addr=4 -smp 1 \
	-append 'kunit.enable=1 kunit.filter_glob=e1000 pci=nomsi'
is "$RUN_STATUS" 33 'KUnit pci=nomsi: the e1000 suite passed on the 82574L'"'"'s INTx'
like "$RUN_OUT" ' ok [0-9]+ e1000_test_shared_line_irq_none$' 'KUnit pci=nomsi: IRQ_NONE on the line shared with edu (not skipped)'
like "$RUN_OUT" ' ok [0-9]+ e1000_test_masked_cause_interrupts_on_unmask$' \
	'KUnit pci=nomsi: a cause raised while masked raised the level on unmask'
