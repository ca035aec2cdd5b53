#!/bin/bash
# SPDX-License-Identifier: MIT
#
# net_tap.t - irqos on a tap device in a private network namespace
# (tools/netns-tap.sh): the host side 10.0.3.1/24, irqos 10.0.3.2 (ip=).
# Unlike QEMU's user networking, this delivers ICMP and ARP from the host
# to the guest, so real ping and arping work.
#
# One boot, -smp 2:
#  1. ping -c 5 from the namespace: 5 replies; the guest's Icmp InEchos and
#     OutEchoReps (netstat -s) grew by at least 5.
#  2. the guest learned 10.0.3.1's MAC (the tap's) from the host's ARP
#     request and holds it REACHABLE (arp).
#  3. arping -c 3 from the namespace: 3 replies from the e1000's MAC.
#  4. a ping flood (ping -f, 2000 echo requests): the guest answers every
#     request that reached ICMP, the host gets no more than that; the shell
#     still answers.
#  5. a UDP datagram to a port nobody listens on is answered with an ICMP
#     port unreachable (OutDestUnreachs grows).
#  6. a UDP flood (20000 datagrams as fast as the host can send them) to
#     the sink on port 9. Here nothing sits between the host and the NIC but
#     the tap: the frames the host put on the tap (its tx_packets) are the
#     frames eth0 received (rx_packets), and each of those was read by the
#     sink or dropped with a counted reason (ARP aside, at most 2). The
#     shell answers right after, and the e1000 raised far fewer interrupts
#     than it received frames (NAPI).
#  7. hping3 --udp --flood at the sink for a few seconds. A command typed
#     while it runs returns (the tap's tx count grew before and after it);
#     the host tap's tx == eth0's rx exactly, nothing missed at the NIC,
#     every frame read by the sink or dropped with a counted reason, and
#     the three views of those drops (netdrops, Udp RcvbufErrors, the
#     sink socket's drops) agree; e1000 interrupts < a tenth of the frames.
#
# "@host" lines run on the host and type nothing, so they do not count in
# the command numbers of out_of.
#
# Skipped with the reason when this host cannot make a netns with a tap
# (not root, no /dev/net/tun, ip netns not permitted) or lacks ping,
# arping or socat. A kernel without eth0 in /proc/net/dev fails at once.

. "$(dirname "$0")/lib.sh"
need_kernel

NS=irqos-t$$
TAP=irqt$$
GUEST=10.0.3.2
FLOOD=2000
UDP_FLOOD=20000
HELPER=$(cd "$(dirname "$0")" && pwd)/net_udp.py

out_of() { cmd_output "$1" | grep -avE "$TS_RE"; }
# counter TEXT PROTO NAME - a counter from "netstat -s" (PROTO: NAME N ...).
counter() { grep -a "^$2:" <<< "$1" | grep -aoE "(^| )$3 [0-9]+" | awk '{ print $2 }'; }
sink_count() { perl -ne 'if (/port 9: (\d+) datagrams/) { print $1; exit }' <<< "$1"; }
drops_total() {
	perl -ne '$s += $1 if /^\s*[A-Z_]+:?\s+(\d+)\s*$/; END { print $s + 0 }' <<< "$1"
}
irq_total() {
	awk -v re="$2" '$0 ~ re && $1 ~ /^[0-9]+:$/ {
		s = 0; for (i = 2; i <= NF && $i ~ /^[0-9]+$/; i++) s += $i; print s; exit }' <<< "$1"
}
dev_field() {
	awk -v i="$2:" -v n="$3" '{ sub(/^ +/, "") }
		index($0, i) == 1 { sub(/^[^:]*: */, ""); split($0, f, / +/); print f[n]; exit }' <<< "$1"
}

why=$("$IRQOS_ROOT/tools/netns-tap.sh" check 2>&1) || skip_all "no tap networking here: ${why#netns-tap.sh: }"
for t in ping arping socat; do
	command -v "$t" >/dev/null 2>&1 || skip_all "no $t on the host (tools/deps.sh installs it)"
done

tmp=$(mktemp -d)
cleanup() { "$IRQOS_ROOT/tools/netns-tap.sh" down "$NS"; rm -rf "$tmp"; _tap_finish; }
trap cleanup EXIT
"$IRQOS_ROOT/tools/netns-tap.sh" up "$NS" "$TAP" || skip_all "tools/netns-tap.sh up failed"
in_ns="ip netns exec $NS"
# 7. hping3's UDP flood for HPING_SECS seconds (SIGINT makes it print its
# statistics); without hping3 those checks are skipped.
HPING_SECS=4
if command -v hping3 >/dev/null 2>&1; then
	HPING="$in_ns timeout -s INT $HPING_SECS hping3 --udp --flood -p 9 -d 64 $GUEST"
else
	HPING="echo no hping3"
fi

irqos_run --smp 2 --timeout 120 --netns "$NS" --tap "$TAP" \
	--append "ip=$GUEST::10.0.3.1:255.255.255.0" -- \
	'cat /proc/net/dev' \
	"@host $in_ns ping -c 5 -i 0.2 -W 5 $GUEST > $tmp/ping 2>&1 || true" \
	'netstat -s' \
	'arp' \
	"@host $in_ns arping -c 3 -w 10 -I $TAP $GUEST > $tmp/arping 2>&1 || true" \
	'ifconfig' \
	'netdrops' \
	'cat /proc/interrupts' \
	"@host $in_ns ping -f -c $FLOOD -w 60 $GUEST > $tmp/flood 2>&1 || true" \
	'echo still here' \
	'netstat -s' \
	'netdrops' \
	'cat /proc/interrupts' \
	'cat /proc/net/dev' \
	"@host echo x | $in_ns socat -t 2 - udp:$GUEST:4444 > $tmp/unreach 2>&1; echo \$? >> $tmp/unreach; sleep 1; $in_ns socat -t 2 - udp:$GUEST:4444 < /dev/null >> $tmp/unreach 2>&1; true" \
	'netstat -s' \
	'udp sink start 9' \
	"@host $in_ns cat /sys/class/net/$TAP/statistics/tx_packets > $tmp/tapA" \
	'cat /proc/net/dev' \
	'udp sink' \
	'netdrops' \
	'cat /proc/interrupts' \
	"@host $in_ns '$HELPER' flood $GUEST 9 $UDP_FLOOD > $tmp/udpflood" \
	'echo alive' \
	'sleep 2' \
	'cat /proc/net/dev' \
	"@host $in_ns cat /sys/class/net/$TAP/statistics/tx_packets > $tmp/tapB" \
	'udp sink' \
	'netdrops' \
	'cat /proc/interrupts' \
	"@host $in_ns cat /sys/class/net/$TAP/statistics/tx_packets > $tmp/tapC" \
	'cat /proc/net/dev' \
	'udp sink' \
	'netdrops' \
	'cat /proc/interrupts' \
	'netstat -s' \
	"@host ($HPING > $tmp/hping 2>&1; touch $tmp/hping.done) &" \
	"@host sleep 1" \
	'echo mid-flood' \
	"@host $in_ns cat /sys/class/net/$TAP/statistics/tx_packets > $tmp/tapM" \
	"@host for i in \$(seq 100); do [ -e $tmp/hping.done ] && break; sleep 0.2; done" \
	'sleep 2' \
	'cat /proc/net/dev' \
	"@host $in_ns cat /sys/class/net/$TAP/statistics/tx_packets > $tmp/tapD" \
	'udp sink' \
	'netdrops' \
	'cat /proc/interrupts' \
	'netstat -s'

if [ -z "$(dev_field "$(out_of 1)" eth0 2)" ]; then
	plan 1
	fail 'eth0 in /proc/net/dev (the e1000 was not bound, or no network stack)'
	exit
fi
tap_mac=$(ip -n "$NS" link show "$TAP" | awk '/link\/ether/ { print $2 }')

plan 26
is "$RUN_STATUS" 0 'the session ran every command and powered off'

# --- 1. ping -----------------------------------------------------------
note "ping: $(grep -a 'packets transmitted' "$tmp/ping")"
like "$(cat "$tmp/ping")" '^5 packets transmitted, 5 received' 'ping from the netns: 5 of 5 replies'
snmp1=$(out_of 2)
num_cmp "$(counter "$snmp1" Icmp InEchos)" '>=' 5 'guest counted >= 5 ICMP echo requests'
num_cmp "$(counter "$snmp1" Icmp OutEchoReps)" '>=' 5 'guest sent >= 5 echo replies'

# --- 2. ARP learned from the host's request ----------------------------
like "$(out_of 3)" "^10\.0\.3\.1 .*lladdr $tap_mac .*REACHABLE" \
	"the guest holds 10.0.3.1 at the tap's MAC $tap_mac, REACHABLE"

# --- 3. arping ---------------------------------------------------------
guest_mac=$(awk '$1 == "ether" { print $2 }' <<< "$(out_of 4)")
note "arping: $(grep -a 'Received' "$tmp/arping")"
like "$(cat "$tmp/arping")" '^Received 3 response' 'arping from the netns: 3 responses'
like "$(cat "$tmp/arping")" "\\[${guest_mac^^}\\]" "arping's replies come from the e1000's MAC ($guest_mac)"

# --- 4. ping flood -----------------------------------------------------
flood=$(grep -a 'packets transmitted' "$tmp/flood")
note "ping -f: $flood"
tx=$(awk '{ print $1 }' <<< "$flood") rx=$(awk '{ print $4 }' <<< "$flood")
is "$(cmd_output 7 | grep -av "$TS_RE" | tail -n 1)" 'still here' 'the shell answers after the ping flood'
num_cmp "${tx:-0}" '>=' "$FLOOD" "ping -f sent $FLOOD requests"
snmp2=$(out_of 8)
in_echos=$(( $(counter "$snmp2" Icmp InEchos) - $(counter "$snmp1" Icmp InEchos) ))
reps=$(( $(counter "$snmp2" Icmp OutEchoReps) - $(counter "$snmp1" Icmp OutEchoReps) ))
note "guest: InEchos +$in_echos OutEchoReps +$reps"
is "$reps" "$in_echos" 'the guest answered every echo request that reached ICMP'
# Replies the host did not see were lost on the way out (counted drops)
# or never reached ICMP (rx drops at the NIC or below): both are counted.
num_cmp "${rx:-0}" '<=' "$reps" 'the host got no more replies than the guest sent'

# --- 5. port unreachable -----------------------------------------------
snmp3=$(out_of 12)
num_cmp "$(counter "$snmp3" Icmp OutDestUnreachs)" '>' 0 \
	'a datagram to a closed port got an ICMP port unreachable'

# --- 6. UDP flood ------------------------------------------------------
note "host: $(cat "$tmp/udpflood" 2>/dev/null)"
is "$(cmd_output 18 | grep -av "$TS_RE" | tail -n 1)" 'alive' 'the shell answers right after the UDP flood'
devA=$(out_of 14) devB=$(out_of 20)
rx=$(( $(dev_field "$devB" eth0 2) - $(dev_field "$devA" eth0 2) ))
host_tx=$(( $(cat "$tmp/tapB") - $(cat "$tmp/tapA") ))
sink=$(( $(sink_count "$(out_of 21)") - $(sink_count "$(out_of 15)") ))
drop=$(( $(drops_total "$(out_of 22)") - $(drops_total "$(out_of 16)") ))
note "UDP flood: host tap tx +$host_tx, eth0 rx +$rx, sink +$sink, drops +$drop"
num_cmp "$rx" '>=' 1000 'at least 1000 flood frames reached the guest'
is "$rx" "$host_tx" 'eth0 received every frame the host put on the tap'
left=$((rx - sink - drop))
ok "$([ "$left" -ge 0 ] && [ "$left" -le 2 ] && echo 0 || echo 1)" \
	"every frame accounted: rx $rx == sink $sink + drops $drop (+ $left ARP, at most 2)"
irqs=$(( $(irq_total "$(out_of 23)" eth0) - $(irq_total "$(out_of 17)" eth0) ))
note "UDP flood: e1000 interrupts +$irqs for $rx frames"
num_cmp "$((irqs * 4))" '<' "$rx" 'NAPI: e1000 interrupts < a quarter of the frames received'
num_cmp "$sink" '>' 0 "the sink read flood datagrams ($sink)"

# --- 7. hping3 flood ---------------------------------------------------
# snmp_sock TEXT - "received drops" of the sink's socket line in netstat -s.
snmp_sock() { perl -ne 'if (/^udp port 9: received (\d+) .*drops (\d+)/) { print "$1 $2"; exit }' <<< "$1"; }
if [ "$HPING" = "echo no hping3" ]; then
	for d in 'mid-flood command answered during the hping3 flood' 'hping3: eth0 rx == tap tx' \
		'hping3: every frame accounted' 'hping3: three drop views agree' \
		'hping3: Udp InDatagrams + InErrors == Ip InReceives' 'hping3: NAPI' \
		'hping3: no missed frames' 'hping3 flood reached the guest'; do
		skip "$d" 'no hping3 on the host (tools/deps.sh installs it)'
	done
	exit
fi
note "hping3: $(grep -a 'packets transmitted' "$tmp/hping")"
tapC=$(cat "$tmp/tapC") tapM=$(cat "$tmp/tapM") tapD=$(cat "$tmp/tapD")
ok "$([ "$(cmd_output 29 | grep -av "$TS_RE" | tail -n 1)" = mid-flood ] && [ "$tapM" -gt "$tapC" ] &&
	[ "$tapD" -gt "$tapM" ] && echo 0 || echo 1)" \
	"a command issued mid-flood returned while frames kept coming (tap tx $tapC -> $tapM after it -> $tapD)"
devC=$(out_of 24) devD=$(out_of 31)
rx=$(( $(dev_field "$devD" eth0 2) - $(dev_field "$devC" eth0 2) ))
host_tx=$((tapD - tapC))
sink=$(( $(sink_count "$(out_of 32)") - $(sink_count "$(out_of 25)") ))
drop=$(( $(drops_total "$(out_of 33)") - $(drops_total "$(out_of 26)") ))
missed=$(( $(dev_field "$devD" eth0 4) - $(dev_field "$devC" eth0 4) ))
host_drop=$(ip netns exec "$NS" cat "/sys/class/net/$TAP/statistics/tx_dropped")
note "hping3 flood: host tap tx +$host_tx (tap tx_dropped total $host_drop), eth0 rx +$rx," \
	"sink +$sink, drops +$drop, NIC drop/missed +$missed"
num_cmp "$rx" '>=' 1000 "the hping3 flood reached the guest ($rx frames)"
is "$rx" "$host_tx" 'hping3: eth0 received every frame the host put on the tap'
is "$missed" 0 'hping3: the NIC missed nothing (over tap QEMU waits for free descriptors)'
left=$((rx - sink - drop))
ok "$([ "$left" -ge 0 ] && [ "$left" -le 2 ] && echo 0 || echo 1)" \
	"hping3: every frame accounted: rx $rx == sink $sink + drops $drop (+ $left ARP, at most 2)"
snmpC=$(out_of 28) snmpD=$(out_of 35)
read -r _ sockC <<< "$(snmp_sock "$snmpC")"
read -r _ sockD <<< "$(snmp_sock "$snmpD")"
rcvbuf=$(( $(counter "$snmpD" Udp RcvbufErrors) - $(counter "$snmpC" Udp RcvbufErrors) ))
is "$rcvbuf $((sockD - sockC))" "$drop $drop" \
	"hping3: the same drops in netdrops ($drop), Udp RcvbufErrors and the sink socket's drops"
ipin=$(( $(counter "$snmpD" Ip InReceives) - $(counter "$snmpC" Ip InReceives) ))
udpin=$(( $(counter "$snmpD" Udp InDatagrams) - $(counter "$snmpC" Udp InDatagrams) ))
udperr=$(( $(counter "$snmpD" Udp InErrors) - $(counter "$snmpC" Udp InErrors) ))
is "$((udpin + udperr))" "$ipin" "hping3: Udp InDatagrams $udpin + InErrors $udperr == Ip InReceives $ipin"
irqs=$(( $(irq_total "$(out_of 34)" eth0) - $(irq_total "$(out_of 27)" eth0) ))
note "hping3 flood: e1000 interrupts +$irqs for $rx frames"
num_cmp "$((irqs * 10))" '<' "$rx" 'hping3: NAPI: e1000 interrupts < a tenth of the frames received'
