#!/bin/bash
# SPDX-License-Identifier: MIT
#
# run_fuzz.t - fuzz the IPv4 receive path (tests/fuzz/fuzz_netrx.c) for a
# bounded time, as TAP for prove.
#
# 1. With clang's libFuzzer (-fsanitize=fuzzer,address,undefined), if clang
#    can build it: -max_total_time=${FUZZ_SECS:-15} -seed=1 from an empty
#    corpus. Any sanitizer report, leak, or frame that is neither delivered
#    nor counted as a drop aborts the target and fails the test.
# 2. Always: the same target with gcc's ASan/UBSan and the seeded mutation
#    driver (-DNET_FUZZ_STANDALONE), 200000 frames mutated from valid
#    ARP/ICMP/UDP templates; it must deliver some and drop some, with
#    drops + deliveries == frames and no sk_buff left.

root=$(cd "$(dirname "$0")/../.." && pwd)
build=$root/build/tests/fuzz
mkdir -p "$build"
cd "$root" || exit 1
n=0 failed=0
t() { n=$((n + 1)); if [ "$1" = 0 ]; then echo "ok $n - $2"; else echo "not ok $n - $2"; failed=$((failed + 1)); fi; }
echo "1..4"

srcs="net/ipv4/arp.c net/ipv4/devinet.c net/ipv4/ip_input.c net/ipv4/ip_output.c
      net/ipv4/icmp.c net/ipv4/udp.c net/socket.c kernel/sched/wait.c
      net/core/skbuff.c net/ethernet/eth.c lib/string.c lib/vsprintf.c tests/host/net_host.c"
flags="-std=gnu11 -g -O1 -fno-sanitize-recover=all -fno-omit-frame-pointer
       -Wall -Wextra -Werror -Wno-unused-parameter -D__HOST_TEST__
       -Itests/host/include -Itests/host -Iinclude -Iarch/x86/include
       -include tests/host/include/host_rename.h"

# shellcheck disable=SC2086
if command -v clang >/dev/null 2>&1 &&
   clang $flags -fsanitize=fuzzer,address,undefined -o "$build/fuzz_netrx" \
	tests/fuzz/fuzz_netrx.c $srcs 2> "$build/clang.log"; then
	corpus=$(mktemp -d)
	"$build/fuzz_netrx" -max_total_time="${FUZZ_SECS:-15}" -seed=1 \
		-artifact_prefix="$build/" "$corpus" > "$build/libfuzzer.log" 2>&1
	st=$?
	runs=$(grep -aoE 'Done [0-9]+ runs' "$build/libfuzzer.log" | grep -oE '[0-9]+')
	rm -rf "$corpus"
	t $st "libFuzzer ${FUZZ_SECS:-15} s, seed 1: ${runs:-?} frames, no crash, leak or uncounted frame"
	[ $st = 0 ] || tail -n 30 "$build/libfuzzer.log" | sed 's/^/# /'
	num=${runs:-0}
	t $([ "$num" -gt 10000 ] && echo 0 || echo 1) "libFuzzer ran more than 10000 frames ($num)"
else
	echo "ok 1 # SKIP clang/libFuzzer not usable: $(head -c 200 "$build/clang.log" 2>/dev/null)"
	echo "ok 2 # SKIP clang/libFuzzer not usable"
	n=2
fi

# shellcheck disable=SC2086
if gcc $flags -fsanitize=address,undefined -DNET_FUZZ_STANDALONE \
	-o "$build/fuzz_netrx_gcc" tests/fuzz/fuzz_netrx.c $srcs 2> "$build/gcc.log"; then
	out=$("$build/fuzz_netrx_gcc" 200000 1 2>&1)
	st=$?
	t $st "seeded mutation driver (gcc ASan/UBSan), 200000 frames: $(tail -n1 <<< "$out")"
	[ $st = 0 ] || tail -n 30 <<< "$out" | sed 's/^/# /'
	d=$(grep -oE 'delivered [0-9]+' <<< "$out" | grep -oE '[0-9]+')
	x=$(grep -oE 'dropped [0-9]+' <<< "$out" | grep -oE '[0-9]+')
	t $([ "${d:-0}" -gt 1000 ] && [ "${x:-0}" -gt 1000 ] && echo 0 || echo 1) \
		"the mutations reach both deliveries and drops"
else
	t 1 "gcc build of the mutation driver"; sed 's/^/# /' "$build/gcc.log"
	t 1 "the mutations reach both deliveries and drops"
fi
exit $((failed > 0))
