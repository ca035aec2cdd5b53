#!/bin/bash
# SPDX-License-Identifier: MIT
#
# ipv4_udp.t - the whole receive path with a real peer: QEMU's e1000 and
# user networking (slirp), host forwards to irqos's UDP services.
#
# irqos starts "udp sink start 9" and "udp echo start" (port 7), then
# sleeps while tests/scenarios/udp_client.py on the host sends to the
# forwarded ports: datagrams to the echo service until one comes back
# (slirp ARPs for 10.0.2.15 first; the echo thread, asleep in
# kernel_recvfrom(), is woken from the NET_RX softirq and answers, which
# makes irqos ARP for 10.0.2.2), then 50 x 100 bytes to the sink and 3 to
# a closed port. Checked: the echo comes back byte-identical; the sink
# counted exactly 50 datagrams and 5000 bytes; "arp" shows the gateway as
# "ip neigh" would; "netstat" lists both sockets in netstat -uan's format;
# the closed port's datagrams are counted as NoPorts and NO_SOCKET drops
# and answered with port unreachables; /proc/net/arp, /proc/net/udp and
# /proc/net/snmp in Linux's layouts; "udp stop" ends both threads and
# closes their sockets.

. "$(dirname "$0")/lib.sh"
need_kernel
plan 15

base=$((20000 + RANDOM % 20000))
echo_p=$base sink_p=$((base + 1)) closed_p=$((base + 2))
fwd="hostfwd=udp:127.0.0.1:$echo_p-:7,hostfwd=udp:127.0.0.1:$sink_p-:9,hostfwd=udp:127.0.0.1:$closed_p-:10"
client_out=$(mktemp)
python3 "$(dirname "$0")/udp_client.py" "$echo_p" "$sink_p" "$closed_p" 60 > "$client_out" 2>&1 &
client=$!
irqos_run --smp 2 --timeout 90 --nic "user,model=e1000,$fwd" -- \
	'udp sink start 9' 'udp echo start' 'sleep 4' 'udp sink' 'arp' 'netstat' 'netstat -s' \
	'cat /proc/net/arp' 'cat /proc/net/udp' 'cat /proc/net/snmp' 'udp stop echo' 'udp stop sink' 'netstat'
kill "$client" 2>/dev/null
wait "$client" 2>/dev/null
client_said=$(cat "$client_out")
note "client: $client_said"
rm -f "$client_out"

is "$RUN_STATUS" 0 "irqos-exec ran the commands (${RUN_ERR:-ok})"
like "$client_said" '^echo irqos-echo-[0-9]+ same' "the echo came back to the host byte-identical"
like "$client_said" 'sent 50' "the client sent 50 datagrams to the sink"
like "$(cmd_output 4)" '^sink port 9: 50 datagrams 5000 bytes drops 0;' "the sink counted exactly 50 datagrams, 5000 bytes"
like "$(cmd_output 5)" '(^|\n)10\.0\.2\.2 dev eth0 lladdr 52:55:0a:00:02:02 (REACHABLE|STALE)(\n|$)' "arp: the gateway in ip-neigh format"
ns=$(cmd_output 6)
like "$ns" '^Proto Recv-Q Send-Q Local Address           Foreign Address         State' "netstat header as netstat -uan"
like "$ns" '^udp        0      0 0\.0\.0\.0:7               0\.0\.0\.0:\*' "echo socket line"
like "$ns" '^udp        0      0 0\.0\.0\.0:9               0\.0\.0\.0:\*' "sink socket line"
stats=$(cmd_output 7)
like "$stats" 'Udp: InDatagrams [0-9]+ NoPorts 3 ' "3 datagrams to the closed port counted as NoPorts"
like "$stats" 'NO_SOCKET 3' "... and as NO_SOCKET drops"
like "$(cmd_output 8)" '^10\.0\.2\.2 +0x1 +0x2 +52:55:0a:00:02:02 +\* +eth0$' "/proc/net/arp: the gateway, complete (ATF_COM), Linux's columns"
pu=$(cmd_output 9)
like "$pu" '^ +7: 00000000:0007 00000000:0000 07 00000000:00000000 00:00000000 00000000 +0 +0 0 [0-9]+ 0{16} 0 +$' "/proc/net/udp: the echo socket, port 7, no drops"
snmp=$(cmd_output 10)
fields=$(awk '{ n[$1]++; c[$1, n[$1]] = NF } END { for (k in n) if (n[k] != 2 || c[k, 1] != c[k, 2]) print "mismatch " k }' <<< "$snmp")
is "$fields$(grep -c . <<< "$snmp")" "6" "/proc/net/snmp: Ip, Icmp, Udp header/value pairs with matching field counts"
like "$snmp" '^Udp: [0-9]+ 3 ' "/proc/net/snmp: NoPorts 3"
unlike "$(cmd_output 13)" 'udp ' "after udp stop: no sockets left"
