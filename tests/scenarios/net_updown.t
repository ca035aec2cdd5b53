#!/bin/bash
# SPDX-License-Identifier: MIT
#
# net_updown.t - taking eth0 down and up again (dev_close()/dev_open()
# through "ifconfig eth0 down|up"), and the loopback device lo, over QEMU
# user networking with host port ECHO_PORT forwarded to irqos's UDP port 7
# (the echo service).
#
#  1. Up: the e1000's row (named eth0) is in /proc/interrupts and three
#     datagrams from the host come back.
#  2. A datagram irqos sends to its own address 10.0.2.15 goes through lo,
#     not the wire: the echo answers it, lo's tx and rx packet counters
#     grow by 2 each (request and echo), eth0's tx_packets does not move.
#  3. "ifconfig eth0 down": the eth0 row is gone from /proc/interrupts
#     (ndo_stop freed the IRQ), ifconfig shows no UP/RUNNING, datagrams
#     from the host get no echo, a send through eth0 fails with "Network
#     is down" and is counted (eth0 TX dropped + 1, DEV_DOWN + 1) - and
#     loopback still works: "udp send 127.0.0.1 7 ..." gets its echo.
#  4. "ifconfig eth0 up": the row is back, its interrupt count grows again
#     with traffic, and three echoes come back.
#  5. 20 more down/up cycles leak nothing: the live sk_buff count
#     (netdrops: allocated - freed), the free memory (meminfo MemFree) and
#     the number of eth0 rows in /proc/interrupts (exactly one action) are
#     the same before and after, and echoes still work.
#  6. Bad ifconfig input gets a clear error and changes nothing.

. "$(dirname "$0")/lib.sh"
need_kernel

HELPER=$(dirname "$0")/net_udp.py
CYCLES=20

out_of() { cmd_output "$1" | grep -avE "$TS_RE"; }

# dev_field TEXT IFACE N - the Nth counter of IFACE in /proc/net/dev
# (1 rx_bytes, 2 rx_packets, ... 9 tx_bytes, 10 tx_packets, 11 tx_errs, 12 tx_drop).
dev_field() {
	awk -v i="$2:" -v n="$3" '{ sub(/^ +/, "") }
		index($0, i) == 1 { sub(/^[^:]*: */, ""); split($0, f, / +/); print f[n]; exit }' <<< "$1"
}
# eth0_rows TEXT - eth0 actions in /proc/interrupts: one per row naming
# eth0, and one more for each further eth0 on a row ("eth0, eth0").
eth0_rows() { grep -aE '^ *[0-9]+:' <<< "$1" | grep -aoE '(  |, )eth0(,|$)' | wc -l; }
# eth0_irqs TEXT - the eth0 row's total over all CPUs.
eth0_irqs() {
	awk '$1 ~ /^[0-9]+:$/ && $NF == "eth0" { s = 0; for (i = 2; i <= NF && $i ~ /^[0-9]+$/; i++) s += $i; print s; exit }' <<< "$1"
}
skb_live() { perl -ne 'if (/^skb: allocated (\d+) freed (\d+)/) { print $1 - $2; exit }' <<< "$1"; }
drop_count() { awk -v r="$2" '$1 == r { print $2; exit }' <<< "$1"; }
memfree() { awk '$1 == "MemFree:" { print $2; exit }' <<< "$1"; }
echoed() { awk '{ print $4 }' "$1" 2>/dev/null; }

irqos_run --nic user,model=e1000 -- 'cat /proc/net/dev'
if [ -z "$(dev_field "$(out_of 1)" eth0 2)" ] || [ -z "$(dev_field "$(out_of 1)" lo 2)" ]; then
	plan 1
	fail 'eth0 and lo in /proc/net/dev (no e1000 bound, or no loopback device)'
	exit
fi

ECHO_PORT=$("$HELPER" freeport)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"; _tap_finish' EXIT

# The session, built with the number of every command that prints
# something we check (@host lines are not typed, so they do not count).
cmds=() n=0
add() { cmds+=("$1"); [[ $1 == @host* ]] || n=$((n + 1)); }
host_echo() { add "@host '$HELPER' echo 127.0.0.1 $ECHO_PORT $1 > '$tmp/$2'"; }

add 'udp echo start'
add 'cat /proc/interrupts';  c_irq_up=$n
host_echo 3 echo_up
add 'cat /proc/net/dev';     c_dev_a=$n
add 'udp send 10.0.2.15 7 to-myself'; c_self=$n
add 'sleep 0.2'
add 'cat /proc/net/dev';     c_dev_b=$n
add 'netdrops';              c_drops_a=$n
add 'ifconfig eth0 down';    c_down=$n
add 'cat /proc/interrupts';  c_irq_down=$n
add 'ifconfig eth0';         c_if_down=$n
host_echo 2 echo_down
add 'udp send 10.0.2.2 7 via-eth0-down'; c_send_down=$n
add 'udp send 127.0.0.1 7 lo-while-down'; c_lo_down=$n
add 'cat /proc/net/dev';     c_dev_down=$n
add 'netdrops';              c_drops_b=$n
add 'ifconfig eth0 up';      c_up=$n
add 'ifconfig eth0';         c_if_up=$n
host_echo 3 echo_up2
add 'cat /proc/interrupts';  c_irq_up2=$n
add 'ifconfig eth0 1.2.3.4.5'; c_bad1=$n
add 'ifconfig eth0 10.0.2.15 netmask 255.0.255.0'; c_bad2=$n
add 'ifconfig eth0 sideways'; c_bad3=$n
add 'ifconfig eth0';         c_if_after_bad=$n
add 'sleep 0.5'
add 'netdrops';              c_leak_a=$n
add 'meminfo';               c_mem_a=$n
for ((i = 0; i < CYCLES; i++)); do
	add 'ifconfig eth0 down'
	add 'ifconfig eth0 up'
done
add 'sleep 0.5'
add 'netdrops';              c_leak_b=$n
add 'meminfo';               c_mem_b=$n
add 'cat /proc/interrupts';  c_irq_end=$n
host_echo 3 echo_end

irqos_run --smp 2 --timeout 240 --nic "user,model=e1000,hostfwd=udp:127.0.0.1:$ECHO_PORT-:7" -- "${cmds[@]}"

plan 27
is "$RUN_STATUS" 0 'the session ran every command and powered off'

# --- 1. up ---------------------------------------------------------------
is "$(eth0_rows "$(out_of $c_irq_up)")" 1 'up: one eth0 row in /proc/interrupts'
is "$(echoed "$tmp/echo_up")" 3 'up: 3 of 3 datagrams from the host echoed'

# --- 2. to our own address: through lo, not the wire ----------------------
like "$(out_of $c_self)" '^reply from 10\.0\.2\.15:7: to-myself$' 'udp send 10.0.2.15: the echo answers through lo'
da=$(out_of $c_dev_a) db=$(out_of $c_dev_b)
is "$(( $(dev_field "$db" lo 10) - $(dev_field "$da" lo 10) )),$(( $(dev_field "$db" lo 2) - $(dev_field "$da" lo 2) ))" '2,2' \
	'lo: tx_packets and rx_packets + 2 each (request and echo)'
is "$(( $(dev_field "$db" eth0 10) - $(dev_field "$da" eth0 10) ))" 0 'eth0: tx_packets unchanged - nothing went on the wire'

# --- 3. down -------------------------------------------------------------
is "$(out_of $c_down)" '' 'ifconfig eth0 down: no error'
is "$(eth0_rows "$(out_of $c_irq_down)")" 0 'down: the eth0 row is gone from /proc/interrupts (IRQ freed)'
like "$(out_of $c_if_down)" '^eth0: flags=4098<BROADCAST,MULTICAST>  mtu 1500$' 'down: ifconfig shows eth0 neither UP nor RUNNING'
is "$(echoed "$tmp/echo_down")" 0 'down: no datagram from the host is echoed'
like "$(out_of $c_send_down)" 'error -100 \(Network is down\)' 'down: a send through eth0 fails: Network is down'
ddown=$(out_of $c_dev_down)
is "$(( $(dev_field "$ddown" eth0 12) - $(dev_field "$db" eth0 12) ))" 1 'down: that datagram is counted in eth0 TX drop'
is "$(( $(drop_count "$(out_of $c_drops_b)" DEV_DOWN) - $(drop_count "$(out_of $c_drops_a)" DEV_DOWN) ))" 1 \
	'down: and as one DEV_DOWN drop (netdrops)'
like "$(out_of $c_lo_down)" '^reply from 127\.0\.0\.1:7: lo-while-down$' 'down: loopback still works (udp send 127.0.0.1)'

# --- 4. up again -----------------------------------------------------------
is "$(out_of $c_up)" '' 'ifconfig eth0 up: no error'
like "$(out_of $c_if_up)" '^eth0: flags=4163<UP,BROADCAST,RUNNING,MULTICAST>  mtu 1500$' 'up again: UP and RUNNING'
is "$(echoed "$tmp/echo_up2")" 3 'up again: 3 of 3 datagrams echoed'
irq2=$(out_of $c_irq_up2)
is "$(eth0_rows "$irq2")" 1 'up again: the eth0 row is back'
num_cmp "$(eth0_irqs "$irq2")" '>' 0 'up again: and it counts interrupts'

# --- 6. bad input ----------------------------------------------------------
like "$(out_of $c_bad1)" '^ifconfig: eth0: .*bad address' 'ifconfig eth0 1.2.3.4.5: bad address'
like "$(out_of $c_bad2)" '^ifconfig: eth0: netmask: not a netmask' 'ifconfig eth0 ... netmask 255.0.255.0: not a netmask'
like "$(out_of $c_bad3)" '^ifconfig: eth0: ' 'ifconfig eth0 sideways: an error'
like "$(out_of $c_if_after_bad)" '^        inet 10\.0\.2\.15  netmask 255\.255\.255\.0  broadcast 10\.0\.2\.255$' \
	'bad input changed nothing (still 10.0.2.15/24)'

# --- 5. 20 cycles ------------------------------------------------------------
la=$(skb_live "$(out_of $c_leak_a)") lb=$(skb_live "$(out_of $c_leak_b)")
ma=$(memfree "$(out_of $c_mem_a)") mb=$(memfree "$(out_of $c_mem_b)")
note "$CYCLES down/up cycles: live sk_buffs $la -> $lb, MemFree $ma -> $mb kB"
is "$lb" "$la" "$CYCLES down/up cycles: live sk_buffs unchanged ($la)"
is "$mb" "$ma" "$CYCLES down/up cycles: MemFree unchanged (${ma} kB)"
is "$(eth0_rows "$(out_of $c_irq_end)")" 1 "$CYCLES cycles: still exactly one eth0 row (one irqaction)"
is "$(echoed "$tmp/echo_end")" 3 "$CYCLES cycles: 3 of 3 datagrams echoed"
