#!/bin/bash
# SPDX-License-Identifier: MIT
#
# e1000.t - the e1000 driver and the network core as a user sees them,
# with QEMU's 82540EM on user networking ("-nic user,model=e1000").
#
# Boot 1 (-smp 2, an edu device in slot 4 sharing IRQ 11 with the NIC in
# slot 3): lspci shows the NIC bound ("Kernel driver in use: e1000"); the
# boot log has Linux's link-up line; ifconfig shows eth0 UP and RUNNING
# with QEMU's default MAC 52:54:00:12:34:56; /proc/interrupts has a row
# whose action is named after the interface (eth0), as Linux's e1000
# requests it. Then 300 ARP requests for the slirp gateway (pktgen) draw
# 300 replies: /proc/net/dev - Linux's exact header, and the eth0 row
# parsed by Linux's field widths - counts 300 frames each way with the
# right byte totals (60-byte requests; 64-byte replies, QEMU pads them),
# far fewer interrupts than frames (NAPI), the replies dropped as
# UNHANDLED_PROTO while nothing speaks ARP (netdrops) - or taken by an
# ARP layer if one is linked in - and /proc/net/softnet_stat has Linux
# 6.1's 13 hex columns per CPU with the processed frames counted.
#
# Boot 2 and 3: the KUnit suite "e1000" with the NIC (interrupt, NAPI
# completion re-enabling IMS, ring wrap-around with 600 replies, IRQ_NONE
# on the line shared with edu), under the I/O APIC at -smp 4 and the 8259
# ("noapic") at -smp 1. The "netcore" suite needs no NIC and runs in
# kunit.t's boots.

. "$(dirname "$0")/lib.sh"
need_kernel
plan 32

NIC='user,model=e1000'
irqos_run --timeout 120 --smp 2 --nic "$NIC" --qemu '-device edu,addr=4' -- \
	'lspci -v' \
	'ifconfig' \
	'cat /proc/interrupts' \
	'sleep 1' \
	'pktgen eth0 300' \
	'sleep 0.5' \
	'cat /proc/net/dev' \
	'ifconfig eth0' \
	'netdrops' \
	'cat /proc/net/softnet_stat' \
	'pktgen eth9' \
	'ifconfig eth9' \
	'cat /proc/net/dev'
is "$RUN_STATUS" 0 'every command answered, then poweroff: status 0'

out=$(cmd_output 1)
like "$(sed -n '/^00:03\.0 0200: 8086:100e/,/^$/p' <<< "$out")" '^	Kernel driver in use: e1000$' \
	'lspci -v: 00:03.0 8086:100e bound to e1000'
like "$RUN_LOG" '^e1000: eth0 NIC Link is Up 1000 Mbps Full Duplex, Flow Control: RX/TX$' \
	'boot log: Linux'"'"'s link-up line'
out=$(cmd_output 2)
like "$out" '^eth0: flags=4163<UP,BROADCAST,RUNNING,MULTICAST>  mtu 1500$' 'ifconfig: eth0 flags=4163<UP,BROADCAST,RUNNING,MULTICAST> mtu 1500'
like "$out" '^        ether 52:54:00:12:34:56  txqueuelen 1000  \(Ethernet\)$' 'ifconfig: QEMU'"'"'s default MAC'
out=$(cmd_output 3)
like "$out" '^ *11: .* IO-APIC +11-fasteoi +(edu, eth0|eth0, edu)$' '/proc/interrupts: IRQ 11 shared by edu and eth0'

out=$(cmd_output 5)
is "$out" 'pktgen: eth0: sent 300 of 300 ARP requests for 10.0.2.2' 'pktgen: 300 ARP requests sent'

# row N - the 16 counters of eth0 in command N's /proc/net/dev, comma-
# separated, parsed with Linux's widths:
# %6s:%8lu %7lu %4lu %4lu %4lu %5lu %10lu %9lu %8lu %7lu %4lu %4lu %4lu %5lu %7lu %10lu
row() {
	grep -a '^  eth0:' <<< "$(cmd_output "$1")" | perl -ne '
	my @w = (8,7,4,4,4,5,10,9,8,7,4,4,4,5,7,10);
	my $re = "^\\s{0,5}eth0:" . join(" ", map { "\\s{0," . ($_ - 1) . "}(\\d+)" } @w) . "\$";
	print join(",", /$re/), "\n" if /$re/'
}
dev=$(cmd_output 7)
is "$(sed -n 1p <<< "$dev")" 'Inter-|   Receive                                                |  Transmit' '/proc/net/dev: header line 1'
is "$(sed -n 2p <<< "$dev")" ' face |bytes    packets errs drop fifo frame compressed multicast|bytes    packets errs drop fifo colls carrier compressed' '/proc/net/dev: header line 2'
fields=$(row 7)
is "$(awk -F, '{ print NF }' <<< "$fields")" 16 '/proc/net/dev: the eth0 row has Linux'"'"'s 16 fixed-width columns'
IFS=, read -r rxb rxp rxe rxd _ _ _ _ txb txp txe txd _ <<< "$fields"
IFS=, read -r rxb2 rxp2 _ _ _ _ _ _ txb2 txp2 _ <<< "$(row 13)"
num_cmp "$rxp" '>=' 300 '/proc/net/dev: at least 300 frames received (the replies)'
num_cmp "$txp" '>=' 300 '/proc/net/dev: at least 300 frames sent'
# The one-request pktgen eth9 sent nothing; what moved between the two
# copies is nothing - and before them, 300 x 60-byte requests and 300 x
# 64-byte replies (QEMU pads them to 64; the FCS is stripped).
is "$((rxp2 - rxp)),$((txp2 - txp))" '0,0' '/proc/net/dev: counters steady once the replies are in'
is "$((txb % 60)),$((rxb % 64))" '0,0' '/proc/net/dev: 60-byte requests and 64-byte replies only'
is "$rxe,$rxd,$txe,$txd" '0,0,0,0' '/proc/net/dev: no errors, no drops'

out=$(cmd_output 8)
intr=$(sed -nE 's/^ +device interrupt 11  interrupts ([0-9]+)$/\1/p' <<< "$out")
num_cmp "${intr:-999999}" '<' $((rxp / 4)) "ifconfig: $intr interrupts for $rxp frames received (NAPI polls batches)"

out=$(cmd_output 9)
unh=$(awk '$1 == "UNHANDLED_PROTO" { print $2 }' <<< "$out")
if [[ $unh -ge 300 ]]; then pass "netdrops: the $unh unhandled ARP replies counted as UNHANDLED_PROTO"
else like "$RUN_LOG" '^(arp|ARP)' "netdrops: UNHANDLED_PROTO $unh - an ARP layer took the replies"; fi

sn=$(cmd_output 10)
is "$(grep -acE '^([0-9a-f]{8} ){12}[0-9a-f]{8}$' <<< "$sn")" 2 '/proc/net/softnet_stat: 2 lines of 13 %08x fields'
total=$(perl -lane '$s += hex $F[0]; END { print $s + 0 }' <<< "$sn")
num_cmp "$total" '>=' 300 '/proc/net/softnet_stat: processed sums to the frames received'
like "$(cmd_output 11)" '^pktgen: eth9: no such device \(-ENODEV\)$' 'pktgen: unknown device refused'
like "$(cmd_output 12)" '^eth9: error fetching interface information: Device not found$' 'ifconfig: unknown device, as net-tools says it'

# Boot 4: netdev_budget cut to 8 frames per NET_RX pass through
# /proc/sys/net/core/netdev_budget: 2000 replies now arrive faster than
# one pass may take them, so passes end with work left (time_squeeze in
# softnet_stat), yet every frame is received or counted as missed.
irqos_run --timeout 120 --smp 2 --nic "$NIC" -- \
	'cat /proc/sys/net/core/netdev_budget' \
	'echo 8 > /proc/sys/net/core/netdev_budget' \
	'echo 0 > /proc/sys/net/core/netdev_budget' \
	'cat /proc/sys/net/core/netdev_budget' \
	'sleep 1' \
	'pktgen eth0 2000' \
	'sleep 1' \
	'cat /proc/net/softnet_stat' \
	'ifconfig eth0'
is "$(cmd_output 1)" 300 'netdev_budget: Linux'"'"'s default 300'
like "$(cmd_output 3)" 'write error: Invalid argument$' 'netdev_budget: 0 refused (-EINVAL)'
is "$(cmd_output 4)" 8 'netdev_budget: 8 written and read back'
read -r processed squeezed <<< "$(cmd_output 8 | perl -lane '$p += hex $F[0]; $s += hex $F[2]; END { print $p + 0, " ", $s + 0 }')"
num_cmp "$squeezed" '>' 0 "softnet_stat: $squeezed passes out of budget (time_squeeze) with 2000 frames at budget 8"
# Slirp queues its replies in QEMU and pushes them at the ring whenever
# the driver returns descriptors; with budget 8 the ring can fill, and the
# NIC then refuses frames, counted in MPC -> rx_missed_errors, which
# ifconfig's RX "dropped" includes (e1000_stats.c). Each of the 2000
# replies is received or counted there - none vanishes.
rxp=$(cmd_output 9 | sed -nE 's/^        RX packets ([0-9]+)  bytes [0-9]+$/\1/p')
rxd=$(cmd_output 9 | sed -nE 's/^        RX errors [0-9]+  dropped ([0-9]+)  .*$/\1/p')
is "$(( ${rxp:-0} + ${rxd:-0} ))" 2000 "ifconfig: all 2000 replies accounted for ($rxp received, $processed processed by NET_RX, ${rxd:-?} missed at the NIC)"

for cfg in '4:' '1:noapic'; do
	smp=${cfg%%:*} extra=${cfg#*:}
	irqos_qemu_run 180 -nic "$NIC" -device edu,addr=4 -smp "$smp" \
		-append "kunit.enable=1 kunit.filter_glob=e1000 $extra"
	is "$RUN_STATUS" 33 "KUnit smp=$smp $extra: the e1000 suite passed (exit status 33)"
	like "$RUN_OUT" ' ok [0-9]+ e1000_test_ring_wraparound$' "KUnit smp=$smp $extra: 600 replies through the wrapped rings"
	like "$RUN_OUT" ' ok [0-9]+ e1000_test_shared_line_irq_none$' "KUnit smp=$smp $extra: IRQ_NONE on the line shared with edu (not skipped)"
done
