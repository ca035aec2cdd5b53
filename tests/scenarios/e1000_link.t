#!/bin/bash
# SPDX-License-Identifier: MIT
#
# e1000_link.t - link status interrupts. QEMU's monitor command
# "set_link e1000.0 off" drops the emulated cable: the 82540EM clears
# STATUS.LU and raises ICR.LSC, and e1000_intr() -> e1000_check_link()
# prints Linux's "NIC Link is Down" line and calls netif_carrier_off():
# ifconfig loses RUNNING (flags 4163 -> 4099). While the link is down no
# frame goes to the NIC: dev_queue_xmit() drops each one, counted in the
# TX "dropped" column and as NO_CARRIER in netdrops, instead of handing
# it to a dead link where it would vanish uncounted. "set_link ... on"
# brings "NIC Link is Up" back, RUNNING returns, and ARP requests draw
# replies again.

. "$(dirname "$0")/lib.sh"
need_kernel
plan 14

# The first second after QEMU starts, slirp answers nothing (e1000.t
# waits the same): sleep first.
irqos_run --timeout 120 --smp 2 --nic 'user,model=e1000' -- \
	'sleep 1' \
	'pktgen eth0 5' \
	'sleep 0.5' \
	'ifconfig eth0' \
	'@monitor set_link e1000.0 off' \
	'sleep 0.5' \
	'ifconfig eth0' \
	'pktgen eth0 5' \
	'ifconfig eth0' \
	'netdrops' \
	'@monitor set_link e1000.0 on' \
	'sleep 0.5' \
	'pktgen eth0 5' \
	'sleep 0.5' \
	'ifconfig eth0'
is "$RUN_STATUS" 0 'every command answered, then poweroff: status 0'

is "$(ifconfig_field 4 flags)" 4163 'link up: eth0 flags=4163<UP,BROADCAST,RUNNING,MULTICAST>'
num_cmp "$(ifconfig_field 4 rxp)" '>=' 5 'link up: the 5 ARP replies received'
is "$(ifconfig_field 6 flags)" 4099 'set_link off: RUNNING gone (flags=4099<UP,BROADCAST,MULTICAST>)'
num_cmp "$(ifconfig_field 6 irqs)" '>' "$(ifconfig_field 4 irqs)" 'set_link off: the link status change interrupted (LSC)'
like "$(cmd_output 7)" '^pktgen: eth0: sent 0 of 5 ARP requests for 10\.0\.2\.2 \(stopped by an error\)$' \
	'no carrier: pktgen is refused'
is "$(( $(ifconfig_field 8 txp) - $(ifconfig_field 6 txp) ))" 0 'no carrier: nothing went to the NIC (TX packets unchanged)'
is "$(( $(ifconfig_field 8 txd) - $(ifconfig_field 6 txd) ))" 1 'no carrier: the refused frame counted in TX dropped'
is "$(awk '$1 == "NO_CARRIER" { print $2 }' <<< "$(cmd_output 9)")" 1 'netdrops: counted as NO_CARRIER'
like "$(cmd_output 11)" '^pktgen: eth0: sent 5 of 5 ARP requests' 'set_link on: pktgen sends again'
is "$(ifconfig_field 13 flags)" 4163 'set_link on: RUNNING again'
is "$(( $(ifconfig_field 13 rxp) - $(ifconfig_field 8 rxp) ))" 5 'set_link on: 5 more ARP replies received'
down=$(grep -an 'e1000: eth0 NIC Link is Down$' <<< "$RUN_LOG" | head -1 | cut -d: -f1)
up=$(grep -an 'e1000: eth0 NIC Link is Up 1000 Mbps Full Duplex, Flow Control: RX/TX$' <<< "$RUN_LOG" | tail -1 | cut -d: -f1)
num_cmp "${down:-0}" '>' 0 "boot log: Linux's link-down line"
num_cmp "${up:-0}" '>' "${down:-999999}" "boot log: the link-up line again after it"
