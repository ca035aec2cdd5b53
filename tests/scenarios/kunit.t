#!/bin/bash
# SPDX-License-Identifier: MIT
#
# kunit.t - the in-kernel KUnit suites. Boots with kunit.enable=1, once per
# CPU count in $IRQOS_KUNIT_SMP (default "1 4", as DESIGN.md section 5 asks),
# turns the KTAP on the console into one TAP line per case with
# tools/ktap2tap, and checks the run as a whole: QEMU must exit with
# status 33 (all passed; 35 means a failure), the KTAP must be complete and
# agree with its plans. Then kunit.filter_glob must select suites by name:
# an exact name selects that suite alone, a wildcard exactly the suites
# whose names it matches.
#
# Every boot has two edu devices (QEMU's PCI interrupt test device) in
# slots 4 and 8, which share PIRQ link D and so IRQ 11: the "edu" suite
# (drivers/misc/edu_test.c) raises real interrupts on a shared line.
# One more boot adds edu.msi=1: the devices then interrupt by MSI, each
# on its own PCI-MSI IRQ, and the "edu_msi" suite (drivers/misc/
# edu_msi_test.c) must run rather than skip - so both INTx and MSI
# deliver in every run. That boot runs every suite (those that need edu
# on its INTx line skip themselves). -smp 2, so the MSI can be moved to
# CPU 1.

. "$(dirname "$0")/lib.sh"
need_kernel
K2T=$IRQOS_ROOT/tools/ktap2tap
TIMEOUT=${IRQOS_KUNIT_TIMEOUT:-300}
DEVICES=(-device edu,addr=4 -device edu,addr=8)

# suites TEXT - the names of the top-level results in a KTAP transcript.
suites() {
	strip_ts "$1" | awk '/^KTAP version/ { k = 1; next }
		k && /^(not )?ok [0-9]+ / { sub(/^(not )?ok [0-9]+ (- )?/, ""); sub(/ *#.*/, ""); print }'
}

# matching GLOB - the names in $all_suites that GLOB matches.
matching() {
	local s
	while IFS= read -r s; do
		[[ -n $s && $s == $1 ]] && echo "$s"
	done <<< "$all_suites"
}

all_suites=
for smp in ${IRQOS_KUNIT_SMP:-1 4}; do
	irqos_qemu_run "$TIMEOUT" "${DEVICES[@]}" -smp "$smp" -append 'kunit.enable=1'
	is "$RUN_STATUS" 33 "smp=$smp: QEMU exit status 33 (every suite passed; 35 = failures, 124 = hung)"
	tap=$("$K2T" <<< "$RUN_OUT")
	tap_include "smp=$smp: " <<< "$tap"
	num_cmp "$TAP_INCLUDED" '>' 0 "smp=$smp: at least one KUnit case ran"
	like "$RUN_OUT" "^(\\[ *[0-9]+\\.[0-9]+\\] )?1\\.\\.[1-9][0-9]*\$" "smp=$smp: a non-empty top-level plan"
	like "$RUN_OUT" ' ok [0-9]+ edu_test_shared_line_dev_id$' "smp=$smp: the edu cases ran on a shared line (not skipped)"
	[ -n "$all_suites" ] || all_suites=$(suites "$RUN_OUT")
done

irqos_qemu_run "$TIMEOUT" "${DEVICES[@]}" -smp 2 -append 'kunit.enable=1 edu.msi=1'
is "$RUN_STATUS" 33 "edu.msi=1: QEMU exit status 33 (every suite passed with MSI edu devices)"
tap=$("$K2T" <<< "$RUN_OUT")
tap_include "edu.msi=1: " <<< "$tap"
like "$RUN_OUT" ' ok [0-9]+ edu_msi_test_raise_own_irq$' "edu.msi=1: an MSI raise was delivered (not skipped)"
like "$RUN_OUT" ' ok [0-9]+ edu_msi_test_affinity$' "edu.msi=1: the MSI was retargeted to CPU 1 and back (not skipped)"

# kunit.filter_glob: an exact name selects that suite only; a wildcard
# selects exactly the suites whose names match it.
first=$(head -n 1 <<< "$all_suites")
if [ -z "$first" ]; then
	fail 'kunit.filter_glob: no suite names to filter on'
else
	irqos_qemu_run "$TIMEOUT" "${DEVICES[@]}" -smp 1 -append "kunit.enable=1 kunit.filter_glob=$first"
	is "$(suites "$RUN_OUT")" "$first" "filter_glob=$first runs only $first"
	like "$(strip_ts "$RUN_OUT")" '^1\.\.1$' "filter_glob=$first: plan 1..1"

	# A wildcard that selects some suites but not all, when one exists.
	total=$(grep -c . <<< "$all_suites")
	glob=${first:0:3}*
	for c in {a..z} _ {0..9}; do
		n=$(matching "*$c*" | grep -c .)
		if [ "$n" -ge 2 ] && [ "$n" -lt "$total" ]; then glob="*$c*"; break; fi
	done
	want=$(matching "$glob")
	irqos_qemu_run "$TIMEOUT" "${DEVICES[@]}" -smp 1 -append "kunit.enable=1 kunit.filter_glob=$glob"
	is "$(suites "$RUN_OUT" | sort)" "$(sort <<< "$want")" "filter_glob=$glob runs exactly the matching suites"
	"$K2T" <<< "$RUN_OUT" > /dev/null
	ok $? "filter_glob=$glob: complete KTAP, every selected case passed"
fi
done_testing
