#!/bin/bash
# SPDX-License-Identifier: MIT
#
# ktap2tap.t - tools/ktap2tap against hand-written KUnit console output:
# passing, failing, skipped and parameterised cases, timestamps and
# unrelated log lines, and every way the structure can be broken (missing
# header, truncated run, plan mismatches, contradictory suite results).
# Needs no QEMU.

. "$(dirname "$0")/lib.sh"
K2T=$IRQOS_ROOT/tools/ktap2tap

plan 24

# conv NAME INPUT WANT_STATUS WANT_OUTPUT - two checks: status and output.
conv() {
	local out status
	out=$("$K2T" <<< "$2")
	status=$?
	is "$status" "$3" "$1: exit status $3"
	is "$out" "$4" "$1: TAP output"
}

# 1. Everything passes; printk timestamps, log noise before, between and
#    after, Linux 6.x subtest headers, a suite summary line.
conv 'all pass' '[    0.010000] Booted via PVH
[    0.020000] Command line: kunit.enable=1
[    0.500000] KTAP version 1
[    0.500001] 1..2
[    0.500002]     KTAP version 1
[    0.500003]     # Subtest: irq_desc
[    0.500004]     # module: irqdesc
[    0.500005]     1..2
[    0.500006]     ok 1 alloc_free
[    0.500007]     ok 2 depth_counting
[    0.500008] # irq_desc: pass:2 fail:0 skip:0 total:2
[    0.500009] ok 1 irq_desc
[    0.500010] random driver message in between
[    0.500011]     KTAP version 1
[    0.500012]     # Subtest: softirq
[    0.500013]     1..1
[    0.500014]     ok 1 raise_and_run
[    0.500015] ok 2 softirq
[    0.500016] # Totals: pass:3 fail:0 skip:0 total:3
[    0.600000] reboot: exiting QEMU with status 33' 0 '1..3
ok 1 - irq_desc.alloc_free
ok 2 - irq_desc.depth_counting
ok 3 - softirq.raise_and_run'

# 2. A failing case keeps its expectation report as diagnostics; the suite
#    result agrees with it, so no extra line.
conv 'failure' 'KTAP version 1
1..1
    KTAP version 1
    # Subtest: chip
    1..2
    # mask_unmask: EXPECTATION FAILED at kernel/irq/chip_test.c:42
    Expected calls == 2, but
        calls == 3 (0x3)
    not ok 1 mask_unmask
    ok 2 eoi
not ok 1 chip' 1 '1..2
not ok 1 - chip.mask_unmask
# # mask_unmask: EXPECTATION FAILED at kernel/irq/chip_test.c:42
# Expected calls == 2, but
#     calls == 3 (0x3)
ok 2 - chip.eoi'

# 3. Skips (a case and a whole suite), old-style headers without a
#    "KTAP version" line per suite, TAP 14 style "ok N - name".
conv 'skip' 'KTAP version 1
1..2
    # Subtest: msi
    1..2
    ok 1 - compose # SKIP no MSI-capable device
    ok 2 - write
ok 1 - msi
ok 2 ioapic # SKIP not on this machine' 0 '1..3
ok 1 - msi.compose # SKIP no MSI-capable device
ok 2 - msi.write
ok 3 - ioapic # SKIP not on this machine'

# 4. Parameterised case: no plan for the parameters (as KUnit prints it),
#    names joined with dots.
conv 'parameterised' 'KTAP version 1
1..1
    KTAP version 1
    # Subtest: vectors
    1..1
        KTAP version 1
        # Subtest: alloc
        ok 1 vector 32
        not ok 2 vector 255
    not ok 1 alloc
not ok 1 vectors' 1 '1..2
ok 1 - vectors.alloc.vector 32
not ok 2 - vectors.alloc.vector 255'

# 5. The kernel died in the middle of a suite: the cases seen so far, the
#    open suite with the last lines printed, and the short plan.
conv 'truncated' '[    0.5] KTAP version 1
[    0.5] 1..2
[    0.5]     KTAP version 1
[    0.5]     # Subtest: traps
[    0.5]     1..3
[    0.5]     ok 1 int3_resumes
[    0.6] BUG: unable to handle page fault for address: 0000000000000008
[    0.6] Kernel panic - not syncing: Fatal exception' 1 '1..3
ok 1 - traps.int3_resumes
not ok 2 - traps: no result line (output truncated)
# BUG: unable to handle page fault for address: 0000000000000008
# Kernel panic - not syncing: Fatal exception
not ok 3 - ktap: planned 2 suites, got 0 (output truncated?)'

# 6. No KTAP at all (the kernel never ran the tests).
conv 'no header' 'Booted via PVH
irqos# ' 1 '1..1
not ok 1 - ktap: no "KTAP version 1" header in the input'

# 7. Fewer suites than planned, all complete.
conv 'missing suite' 'KTAP version 1
1..2
    # Subtest: a
    1..1
    ok 1 x
ok 1 a' 1 '1..2
ok 1 - a.x
not ok 2 - ktap: planned 2 suites, got 1 (output truncated?)'

# 8. More suites than planned, and a suite with fewer cases than planned.
conv 'plan mismatches' 'KTAP version 1
1..1
    # Subtest: a
    1..2
    ok 1 x
ok 1 a
    # Subtest: b
    1..1
    ok 1 y
ok 2 b' 1 '1..4
ok 1 - a.x
not ok 2 - a: planned 2 tests, got 1 (output truncated?)
ok 3 - b.y
not ok 4 - ktap: planned 1 suites, got 2'

# 9. Suite results that contradict their cases, and bad numbering.
conv 'contradictions' 'KTAP version 1
1..2
    # Subtest: a
    1..1
    not ok 1 x
ok 1 a
    # Subtest: b
    1..1
    ok 1 y
# b: suite_exit failed
not ok 3 b' 1 '1..5
not ok 1 - a.x
not ok 2 - a: reported ok but a subtest failed
ok 3 - b.y
not ok 4 - b: reported not ok
# # b: suite_exit failed
not ok 5 - ktap: result 2 is numbered 3'

# 10. No plan in the document, and an empty run.
conv 'no plan' 'KTAP version 1
    # Subtest: a
    1..1
    ok 1 x
ok 1 a' 1 '1..2
ok 1 - a.x
not ok 2 - ktap: no plan (1..N) line'
conv 'empty run' 'KTAP version 1
1..0' 0 '1..0 # SKIP no tests in the KTAP'

# 11. Input from a file argument, with CRLF line ends as a serial console
#     gives them.
f=$(mktemp)
printf 'KTAP version 1\r\n1..1\r\n    # Subtest: a\r\n    1..1\r\n    ok 1 x\r\nok 1 a\r\n' > "$f"
out=$("$K2T" "$f")
is "$?:$out" '0:1..1
ok 1 - a.x' 'file argument, CRLF line ends'
rm -f "$f"
"$K2T" /nonexistent/ktap.txt > /dev/null 2>&1
is "$?" 2 'unreadable input: exit status 2'
