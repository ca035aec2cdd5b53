#!/bin/bash
# SPDX-License-Identifier: MIT
#
# tools/deps.sh - make sure the host has what building and testing irqos needs.
#
#   tools/deps.sh            everything for make, make test, make iso, make run
#                            (including the network scenarios' host tools)
#   tools/deps.sh --debug    the same plus gdb (for make debug)
#
# Every package is checked by looking for a file it ships (command -v or a
# path test), so when everything is present this runs in milliseconds, prints
# nothing and never calls apt-get. When something is missing:
#   * as root: apt-get install -y --no-install-recommends <packages>; if that
#     fails (stale or empty package lists on a fresh machine), apt-get update
#     once and try again;
#   * otherwise: print the packages and the exact command to run, exit 1.
# Debian packages only (Debian 12 "bookworm" is the reference host).

set -euo pipefail

want_gdb=0
for arg in "$@"; do
	case $arg in
	--debug) want_gdb=1 ;;
	-h|--help) sed -n '4,15p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
	*) echo "deps.sh: unknown option '$arg' (try --help)" >&2; exit 2 ;;
	esac
done

missing=()

# need PACKAGE TEST... - queue PACKAGE unless every TEST succeeds.
# A TEST is "cmd:NAME" (NAME found on PATH), "file:PATH" or "dir:PATH".
need() {
	local pkg=$1 t
	shift
	for t in "$@"; do
		case $t in
		cmd:*)  command -v "${t#cmd:}" >/dev/null 2>&1 || { missing+=("$pkg"); return; } ;;
		file:*) [ -f "${t#file:}" ] || { missing+=("$pkg"); return; } ;;
		dir:*)  [ -d "${t#dir:}" ] || { missing+=("$pkg"); return; } ;;
		esac
	done
}

check_all() {
	missing=()
	need make           cmd:make
	need gcc            cmd:gcc
	need binutils       cmd:ld cmd:nm cmd:objcopy
	need perl           cmd:perl cmd:prove
	need python3        cmd:python3
	need qemu-system-x86 cmd:qemu-system-x86_64
	need grub-common    cmd:grub-mkrescue
	need grub-pc-bin    file:/usr/lib/grub/i386-pc/cdboot.img file:/usr/lib/grub/i386-pc/multiboot2.mod
	need xorriso        cmd:xorriso
	need mtools         cmd:mformat
	need clang          cmd:clang   # tests/fuzz: libFuzzer (-fsanitize=fuzzer)
	# The network scenarios (tests/scenarios/net_*.t, tools/netns-tap.sh)
	# talk to the guest from the host: a netns with a tap device, ping and
	# arping from it, datagrams with socat/nc, hand-made floods with hping3.
	need iproute2       cmd:ip
	need iputils-ping   cmd:ping
	need iputils-arping cmd:arping
	need socat          cmd:socat
	need netcat-openbsd cmd:nc
	need hping3         cmd:hping3
	[ "$want_gdb" = 1 ] && need gdb cmd:gdb
	# The host unit tests are ordinary hosted C programs: they need libc's
	# headers, which gcc on Debian only recommends.
	if command -v gcc >/dev/null 2>&1 &&
	   ! printf '#include <stdio.h>\n' | gcc -E -x c - >/dev/null 2>&1; then
		missing+=(libc6-dev)
	fi
	return 0
}

check_all
[ ${#missing[@]} -eq 0 ] && exit 0

if [ "$(id -u)" -ne 0 ]; then
	{
		echo "deps.sh: missing Debian packages: ${missing[*]}"
		echo "deps.sh: install them as root with:"
		echo "    apt-get install -y --no-install-recommends ${missing[*]}"
		echo "deps.sh: (run 'apt-get update' first if apt cannot find them)"
	} >&2
	exit 1
fi

if ! command -v apt-get >/dev/null 2>&1; then
	echo "deps.sh: missing packages (${missing[*]}) and no apt-get here; install them by hand" >&2
	exit 1
fi

export DEBIAN_FRONTEND=noninteractive
install=(apt-get install -y -q --no-install-recommends "${missing[@]}")
echo "deps.sh: installing ${missing[*]}" >&2
if ! "${install[@]}" >&2; then
	echo "deps.sh: apt-get install failed; running apt-get update and retrying" >&2
	apt-get update -q >&2
	"${install[@]}" >&2
fi

check_all
if [ ${#missing[@]} -ne 0 ]; then
	echo "deps.sh: still missing after apt-get install: ${missing[*]}" >&2
	exit 1
fi
exit 0
