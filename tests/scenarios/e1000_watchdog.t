#!/bin/bash
# SPDX-License-Identifier: MIT
#
# e1000_watchdog.t - the transmit watchdog and the e1000's reset, with a
# real stuck transmitter: QEMU's 82540EM on user networking.
#
# "e1000 txhang" clears TCTL.EN (fault injection): the emulated NIC stops
# walking its transmit ring. "pktgen -q eth0 400" then hands 400 ARP
# requests to the stack: the ring takes what fits, the queue stops, the
# rest wait in the qdisc. Nothing completes, so nothing wakes the queue.
#
#  - 4 s after the stall: no watchdog yet (tx_timeout 0) - it must wait
#    watchdog_timeo (5 s) without a frame taken.
#  - 12 s after: exactly one "NETDEV WATCHDOG: eth0 (e1000): transmit queue
#    0 timed out N ms" with N >= 5000, a WARN backtrace, tx_timeout 1 in
#    ifconfig and the e1000 command, one "Reset adapter", the link back up,
#    TCTL.EN set again.
#  - The frames that waited in the qdisc went out after the reset and each
#    drew its ARP reply; those on the ring at the reset are dropped and
#    counted (tx_dropped, DEV_DOWN): sent + dropped = 400 exactly; the live
#    sk_buff count (netdrops) is what it was before - nothing leaked.
#  - The NIC works normally after it: 50 more requests, 50 replies, no
#    second timeout.
#  - A second hang, but the interface is taken down before the watchdog
#    runs: no timeout, no reset (not while down), all 300 frames counted
#    as dropped, nothing leaked; "ifconfig eth0 up" brings a working NIC.
#
# Boot 2: the same hang on the 82574L (-device e1000e, MSI): detected,
# reset, every frame accounted for, and the interrupt is an MSI again
# after the reset freed and requested it. Then a second hang: counted and
# reset again, but the NETDEV WATCHDOG warning is printed once per boot.

. "$(dirname "$0")/lib.sh"
need_kernel
plan 33

NIC='user,model=e1000'
irqos_run --timeout 150 --smp 2 --nic "$NIC" -- \
	'sleep 1' \
	'netdrops' \
	'ifconfig eth0' \
	'e1000 txhang' \
	'pktgen -q eth0 400' \
	'e1000' \
	'sleep 4' \
	'ifconfig eth0' \
	'sleep 8' \
	'sleep 1' \
	'e1000' \
	'ifconfig eth0' \
	'netdrops' \
	'pktgen eth0 50' \
	'sleep 1' \
	'ifconfig eth0' \
	'e1000 txhang' \
	'pktgen -q eth0 300' \
	'ifconfig eth0 down' \
	'sleep 11' \
	'ifconfig eth0 up' \
	'sleep 1' \
	'pktgen eth0 20' \
	'sleep 1' \
	'ifconfig eth0' \
	'e1000' \
	'netdrops'
is "$RUN_STATUS" 0 'every command answered, then poweroff: status 0'

# skb_live N - sk_buffs allocated and not freed, from command N's netdrops.
skb_live() { cmd_output "$1" | perl -ne 'if (/^skb: allocated (\d+) freed (\d+)/) { print $1 - $2; exit }'; }
drops() { cmd_output "$1" | awk -v r="$2" '$1 == r { print $2 }'; }

is "$(ifconfig_field 3 wdt),$(ifconfig_field 3 tmo)" '5000,0' 'ifconfig: eth0 watchdog 5000 ms (the e1000'"'"'s 5 * HZ), tx_timeout 0'
like "$(cmd_output 4)" '^e1000: eth0: transmitter stopped \(TCTL\.EN cleared\)' 'e1000 txhang: transmitter stopped'
is "$(cmd_output 5)" 'pktgen: eth0: sent 400 of 400 ARP requests for 10.0.2.2' 'pktgen -q: 400 requests queued'
like "$(cmd_output 6)" ' free 1$' 'e1000: the transmit ring is full (the queue stopped)'

# Not before watchdog_timeo without progress.
unlike "$(cmd_output 7)" 'NETDEV WATCHDOG' 'no watchdog within 4 s of the stall'
is "$(ifconfig_field 8 tmo)" 0 'ifconfig: tx_timeout 0 after 4 s'

# The timeout: once, with Linux's line, after >= 5000 ms.
n=$(grep -acE '^NETDEV WATCHDOG: ' <<< "$RUN_LOG")
is "$n" 1 'the NETDEV WATCHDOG line appears once in the whole run'
line=$(grep -aE -m1 '^NETDEV WATCHDOG: ' <<< "$RUN_LOG")
if [[ $line =~ ^NETDEV\ WATCHDOG:\ eth0\ \(e1000\):\ transmit\ queue\ 0\ timed\ out\ ([0-9]+)\ ms$ ]]; then
	num_cmp "${BASH_REMATCH[1]}" '>=' 5000 "watchdog line: '$line'"
else
	fail "watchdog line in Linux's format" "  got: '$line'"
fi
like "$RUN_LOG" '^WARNING: CPU: [0-9]+ PID: [0-9]+ at net/sched/sch_generic\.c:[0-9]+ dev_watchdog' \
	'a WARN with a backtrace from the watchdog (once, as Linux)'
is "$(grep -acE '^e1000 0000:00:03\.0 eth0: Reset adapter$' <<< "$RUN_LOG")" 1 'one "Reset adapter" in the whole run'
in_order "$RUN_LOG" '^NETDEV WATCHDOG: eth0' '^e1000 0000:00:03\.0 eth0: Reset adapter$' \
	'^e1000: eth0 NIC Link is Up'
like "$(cmd_output 11)" '^  tx_timeout 1 resets 1 txhang 1 tctl 0x[0-9a-f]*[2367abef]$' \
	'e1000: tx_timeout 1, resets 1, TCTL.EN set again by the reset'
is "$(ifconfig_field 12 tmo)" 1 'ifconfig: tx_timeout 1'

# Every pktgen frame accounted for; the ones from the qdisc drew replies.
sent=$(( $(ifconfig_field 12 txp) - $(ifconfig_field 3 txp) )) dropped=$(( $(ifconfig_field 12 txd) - $(ifconfig_field 3 txd) ))
replies=$(( $(ifconfig_field 12 rxp) - $(ifconfig_field 3 rxp) ))
is "$((sent + dropped))" 400 "400 frames: $sent sent after the reset + $dropped dropped on the ring"
num_cmp "$dropped" '>' 0 "the frames on the ring at the reset were dropped and counted ($dropped)"
num_cmp "$sent" '>' 0 "the frames waiting in the qdisc went out after the reset ($sent)"
is "$replies" "$sent" "each frame sent after the reset drew its ARP reply ($replies)"
is "$(( $(drops 13 DEV_DOWN) - $(drops 2 DEV_DOWN) ))" "$dropped" 'netdrops: the ring drops counted as DEV_DOWN'
is "$(skb_live 13)" "$(skb_live 2)" 'netdrops: live sk_buffs as before the hang (the reset leaked none)'

# Working again, and no second timeout.
is "$(cmd_output 14)" 'pktgen: eth0: sent 50 of 50 ARP requests for 10.0.2.2' 'after the reset: 50 requests sent'
is "$(( $(ifconfig_field 16 txp) - $(ifconfig_field 12 txp) )),$(( $(ifconfig_field 16 rxp) - $(ifconfig_field 12 rxp) )),$(ifconfig_field 16 tmo)" '50,50,1' \
	'after the reset: 50 sent, 50 replies, still one timeout'

# Hung again, but taken down first: no watchdog while down, no reset.
is "$(cmd_output 18)" 'pktgen: eth0: sent 300 of 300 ARP requests for 10.0.2.2' 'second hang: 300 requests queued'
is "$(ifconfig_field 25 tmo)" 1 'ifconfig: no timeout while the interface was down (tx_timeout still 1)'
like "$(cmd_output 26)" '^  tx_timeout 1 resets 1 txhang 2 ' 'e1000: no second reset'
is "$(( $(ifconfig_field 25 txd) - $(ifconfig_field 16 txd) )),$(( $(ifconfig_field 25 txp) - $(ifconfig_field 16 txp) ))" '300,20' \
	'ifconfig down: all 300 frames dropped and counted; after up 20 sent'
is "$(skb_live 27)" "$(skb_live 2)" 'netdrops: no sk_buff leaked by the down/up either'

irqos_run --timeout 120 --smp 2 --nic 'user,model=e1000e' -- \
	'sleep 1' \
	'ifconfig eth0' \
	'e1000 txhang' \
	'pktgen -q eth0 400' \
	'sleep 12' \
	'ifconfig eth0' \
	'cat /proc/interrupts' \
	'e1000 txhang' \
	'pktgen -q eth0 300' \
	'sleep 12' \
	'e1000'
is "$RUN_STATUS" 0 'e1000e: every command answered, then poweroff: status 0'
is "$(ifconfig_field 6 tmo),$(strip_ts "$(cmd_output 5)" | grep -acE '^e1000 0000:00:03\.0 eth0: Reset adapter$')" '1,1' \
	'e1000e: one timeout, one reset'
sent=$(( $(ifconfig_field 6 txp) - $(ifconfig_field 2 txp) )) dropped=$(( $(ifconfig_field 6 txd) - $(ifconfig_field 2 txd) ))
replies=$(( $(ifconfig_field 6 rxp) - $(ifconfig_field 2 rxp) ))
is "$((sent + dropped)),$replies" "400,$sent" \
	"e1000e: $sent sent after the reset + $dropped dropped = 400, $replies replies"
like "$(cmd_output 7)" 'PCI-MSI.* eth0$' 'e1000e: eth0 on its MSI again after the reset'
like "$(cmd_output 11)" '^  tx_timeout 2 resets 2 txhang 2 ' 'e1000e: second hang, second timeout and reset'
is "$(grep -acE '^NETDEV WATCHDOG: ' <<< "$RUN_LOG"),$(grep -acE ' eth0: Reset adapter$' <<< "$RUN_LOG")" '1,2' \
	'e1000e: two resets, one NETDEV WATCHDOG line (a WARN_ONCE)'
