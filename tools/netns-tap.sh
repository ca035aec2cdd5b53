#!/bin/bash
# SPDX-License-Identifier: MIT
#
# tools/netns-tap.sh - a private network for irqos: a network namespace
# holding a tap device that QEMU's e1000 is plugged into.
#
#   tools/netns-tap.sh up   [NS [TAP]]   create NS (default irqos) with TAP
#                                        (default irqtap0) at 10.0.3.1/24, up
#   tools/netns-tap.sh down [NS]         delete NS and everything in it
#   tools/netns-tap.sh check             can this host do it? (exit 0 if so)
#
# Why a namespace: the host's own interfaces, routes and firewall stay
# untouched, and several test runs can each have their own (pass different
# names). QEMU must run inside the namespace to open the tap there:
#
#   tools/netns-tap.sh up
#   tools/irqos-exec --netns irqos --tap irqtap0 --append ip=10.0.3.2::10.0.3.1:255.255.255.0 -- ...
#   ip netns exec irqos ping 10.0.3.2        (from another terminal)
#   tools/netns-tap.sh down
#
# Needs root (or CAP_NET_ADMIN), /dev/net/tun and "ip netns". When one is
# missing, "up" and "check" say which on stderr and exit 2, so a caller can
# fall back to QEMU's user networking.

set -euo pipefail

HOST_ADDR=10.0.3.1/24

usage() { sed -n '7,10p' "$0" | sed 's/^# \{0,1\}//' >&2; exit 1; }

# unavailable - why this host cannot make a netns with a tap; empty if it can.
unavailable() {
	[ "$(id -u)" -eq 0 ] || { echo "not root"; return; }
	[ -c /dev/net/tun ] || { echo "no /dev/net/tun"; return; }
	command -v ip >/dev/null 2>&1 || { echo "no ip command (iproute2)"; return; }
	local probe=irqos-probe-$$
	if ! ip netns add "$probe" 2>/dev/null; then
		echo "ip netns add is not permitted here"; return
	fi
	if ! ip -n "$probe" tuntap add dev probe0 mode tap 2>/dev/null; then
		ip netns del "$probe" 2>/dev/null || true
		echo "cannot create a tap device"; return
	fi
	ip netns del "$probe" 2>/dev/null || true
}

cmd=${1:-}
ns=${2:-irqos}
tap=${3:-irqtap0}

case $cmd in
check)
	why=$(unavailable)
	[ -z "$why" ] || { echo "netns-tap.sh: $why" >&2; exit 2; }
	;;
up)
	why=$(unavailable)
	[ -z "$why" ] || { echo "netns-tap.sh: $why" >&2; exit 2; }
	# Start from a clean namespace: a leftover from a killed run is reused
	# by name otherwise, with whatever state it was left in.
	ip netns del "$ns" 2>/dev/null || true
	ip netns add "$ns"
	ip -n "$ns" link set lo up
	# IPv4 only: no IPv6 router solicitations or MLD reports from the
	# host side, so every frame on the tap is one a test sent on purpose.
	ip netns exec "$ns" sh -c 'for f in /proc/sys/net/ipv6/conf/default/disable_ipv6 \
		/proc/sys/net/ipv6/conf/all/disable_ipv6; do [ -w "$f" ] && echo 1 > "$f"; done; true'
	ip -n "$ns" tuntap add dev "$tap" mode tap
	ip -n "$ns" addr add "$HOST_ADDR" dev "$tap"
	ip -n "$ns" link set "$tap" up
	;;
down)
	ip netns del "$ns" 2>/dev/null || true
	;;
*)
	usage
	;;
esac
