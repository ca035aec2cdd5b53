#!/bin/bash
# SPDX-License-Identifier: MIT
#
# readme_net.t - the README's networking walkthrough, for real: the block
# between "<!-- readme_net.t: begin -->" and "<!-- readme_net.t: end -->"
# in README.md, run through the real "make run" (not irqos-exec) by
# readme_net.py: its "irqos# " lines typed on make run's console, its
# "host$ " lines run on the host. So the README cannot drift from what
# works.
#
# make run chooses the network itself (NET=auto). It is given a namespace
# and tap of this test's own (NETNS=, TAP=), so a newcomer's "irqos"
# namespace is never touched, a free UDP_PORT and its own state file for
# tools/irqos-host. As root with /dev/net/tun it picks tap; otherwise it
# falls back to user networking and the ping is skipped with the reason.
#
# Checks:
#  - the block starts with "$ make run"; make run booted, every step ran,
#    and poweroff ended make with status 0
#  - the banner names the network chosen (tap, or the fallback and why)
#  - every sample output line the README shows under a step appears in
#    that step's real output (ping's only with tap)
#  - tap: ping gets 3 of 3 replies; user: tools/irqos-host ping refuses
#    with status 2 and says it needs tap
#  - the UDP datagram comes back byte for byte (compared with what the
#    left side of the README's pipe prints)
#  - between the first and the second "cat /proc/interrupts" the eth0
#    row's total over all CPU columns rose; between the two "cat
#    /proc/softirqs" the NET_RX row's total rose
#  - afterwards no QEMU holds the tap (its carrier is down); the
#    namespace is removed on every way out (trap)

. "$(dirname "$0")/lib.sh"
need_kernel

README=$IRQOS_ROOT/README.md
DRIVER=$(dirname "$0")/readme_net.py
NS=irqos-rn$$
TAP=irqrn$$

block=$(sed -n '/<!-- readme_net.t: begin -->/,/<!-- readme_net.t: end -->/p' "$README")
[ -n "$block" ] || { plan 1; fail "README.md has a readme_net.t block"; exit; }

tmp=$(mktemp -d)
cleanup() { ip netns del "$NS" 2>/dev/null || true; rm -rf "$tmp"; _tap_finish; }
trap cleanup EXIT

if why=$("$IRQOS_ROOT/tools/netns-tap.sh" check 2>&1); then
	mode=tap
else
	mode=user why=${why#netns-tap.sh: }
fi
command -v socat >/dev/null 2>&1 || skip_all "no socat on the host (tools/deps.sh installs it)"
port=$(python3 "$(dirname "$0")/net_udp.py" freeport)

NETNS=$NS TAP=$TAP UDP_PORT=$port IRQOS_RUN_STATE=$tmp/state \
	python3 "$DRIVER" "$README" "$tmp/out" 2> "$tmp/driver.err"
drv=$?
cp "$tmp/out/transcript" "$IRQOS_LOGDIR/readme_net.log" 2>/dev/null || true

step_files() { ls "$tmp/out" | sed -n 's/^step-\([0-9]*\)\.cmd$/\1/p' | sort -n; }
# steps_of CMD - the step numbers whose command is CMD, in order.
steps_of() { local n; for n in $(step_files); do [ "$(cat "$tmp/out/step-$n.cmd")" = "$1" ] && echo "$n"; done; }
# steps_like ERE - the step numbers whose command matches ERE.
steps_like() { local n; for n in $(step_files); do grep -qE "$1" "$tmp/out/step-$n.cmd" && echo "$n"; done; }
out() { cat "$tmp/out/step-$1.out" 2>/dev/null | tr -d '\r'; }

# row_total TEXT NAME - the sum of the per-CPU columns of the row whose
# name (first field, or last field for /proc/interrupts' device) is NAME;
# the number of CPU columns comes from the CPU header line.
row_total() {
	awk -v name="$2" '
		/^ *CPU[0-9]/ { ncpu = NF; next }
		ncpu && ($1 == name ":" || $NF == name) {
			s = 0; for (i = 2; i <= ncpu + 1; i++) s += $i; print s; exit }' <<< "$1"
}

plan 11
like "$(sed -n '2,$p' <<< "$block" | grep -m1 .)" '^ *\$ make run$' 'the README example starts with "$ make run"'
is "$drv $(cat "$tmp/out/status" 2>/dev/null)" "0 0" \
	'make run booted, every step of the example ran, poweroff ended make with status 0'
[ "$drv" = 0 ] || diag "$(cat "$tmp/driver.err")"

banner=$(tr -d '\r' < "$tmp/out/banner" 2>/dev/null | grep -a '^make run:')
note "$banner"
if [ $mode = tap ]; then
	like "$banner" "^make run: e1000 on tap $TAP in netns $NS" 'make run chose tap networking'
else
	like "$banner" "no tap networking here .* using QEMU user networking" \
		"make run fell back to user networking and said why ($why)"
fi

# Sample output lines in the README appear in the real output.
missing=
for n in $(step_files); do
	while IFS= read -r line; do
		[ -n "$line" ] || continue
		[ $mode = user ] && grep -q 'irqos-host ping' "$tmp/out/step-$n.cmd" && continue
		grep -qF -- "$line" <<< "$(out "$n")" || missing+="step $n ($(cat "$tmp/out/step-$n.cmd")): '$line'; "
	done < "$tmp/out/step-$n.sample"
done
is "$missing" "" "every sample output line shown in the README appears in the real output"

pings=$(steps_like 'irqos-host ping')
if [ $mode = tap ]; then
	note "$(grep -a 'packets transmitted' <<< "$(out "$pings")")"
	like "$(out "$pings")" '^3 packets transmitted, 3 received' 'ping from the host: 3 of 3 replies'
	skip 'irqos-host ping refuses without tap' 'tap networking is in use'
else
	skip 'ping from the host: 3 of 3 replies' "no tap networking here: $why"
	is "$(cat "$tmp/out/step-$pings.rc") $(grep -c 'needs tap' "$tmp/out/step-$pings.err")" "2 1" \
		'irqos-host ping refuses with status 2 and says it needs tap'
fi

udp=$(steps_like '\| *tools/irqos-host udp' | head -n 1)
sent_cmd=$(sed 's/|[^|]*$//' "$tmp/out/step-$udp.cmd")
bash -c "$sent_cmd" > "$tmp/sent"
note "UDP: sent $(od -An -c "$tmp/sent" | tr -s ' ' | head -c 60)"
ok "$(cmp -s "$tmp/sent" "$tmp/out/step-$udp.out"; echo $?)" \
	"the UDP datagram came back byte for byte ($(wc -c < "$tmp/sent") bytes)"

read -r i1 i2 _ <<< "$(steps_of 'cat /proc/interrupts' | tr '\n' ' ')"
read -r s1 s2 _ <<< "$(steps_of 'cat /proc/softirqs' | tr '\n' ' ')"
e1=$(row_total "$(out "${i1:-0}")" eth0) e2=$(row_total "$(out "${i2:-0}")" eth0)
n1=$(row_total "$(out "${s1:-0}")" NET_RX) n2=$(row_total "$(out "${s2:-0}")" NET_RX)
note "eth0 interrupts $e1 -> $e2, NET_RX softirqs $n1 -> $n2"
num_cmp "${e2:-0}" '>' "${e1:-0}" "the eth0 row of /proc/interrupts rose (${e1:-none} -> ${e2:-none})"
num_cmp "${n2:-0}" '>' "${n1:-0}" "the NET_RX row of /proc/softirqs rose (${n1:-none} -> ${n2:-none})"
num_cmp "${e1:-x}" '>=' 0 'the first cat /proc/interrupts has an eth0 row'

if [ $mode = tap ]; then
	is "$(ip netns exec "$NS" cat "/sys/class/net/$TAP/carrier" 2>/dev/null)" 0 \
		'afterwards no QEMU holds the tap (carrier down)'
else
	skip 'afterwards no QEMU holds the tap (carrier down)' "no tap networking here: $why"
fi
