// SPDX-License-Identifier: MIT
/*
 * Host tests for what /proc/irq/N/smp_affinity{,_list} do with a write
 * (lib/cpumask.c): text parsed, then printed back as the file shows it.
 * test_cpumask.c covers each direction alone; these are the round trips
 * a user sees ("echo X > smp_affinity; cat smp_affinity"), including
 * input in other spellings than the one printed, and that a rejected
 * write leaves the old mask.
 */
#include <linux/kernel.h>
#include <linux/cpumask.h>
#include <linux/errno.h>
#include "tap.h"

unsigned int nr_cpu_ids = 4;

/* lib/vsprintf.c's %pS wants it; nothing here prints symbols. */
int sprint_symbol(char *buf, unsigned long addr)
{
	return 0;
}

/*
 * Parse @in with @ncpus CPUs (as a list if @list) into a mask that held
 * 0x1 before, and print it back the same way, or "err N".
 */
static const char *round_trip(bool list, unsigned int ncpus, const char *in)
{
	static char buf[256];
	cpumask_t m = { { 0x1 } };
	int err;

	nr_cpu_ids = ncpus;
	err = list ? cpulist_parse(in, &m) : cpumask_parse(in, &m);
	if (err) {
		snprintf(buf, sizeof(buf), "err %d mask %lx", err, m.bits[0]);
		return buf;
	}
	cpumap_print_to_pagebuf(list, buf, &m);
	return buf;
}

static char expect_err[64];
static const char *err(int e)
{
	snprintf(expect_err, sizeof(expect_err), "err %d mask 1", e);
	return expect_err;
}

static void test_hex(void)
{
	is_str(round_trip(false, 4, "f\n"), "f\n", "4 CPUs: f -> f");
	is_str(round_trip(false, 4, "4\n"), "4\n", "4 CPUs: 4 (CPU 2) -> 4");
	is_str(round_trip(false, 4, "00000004"), "4\n", "leading zeros are dropped");
	is_str(round_trip(false, 4, "F"), "f\n", "printed in lower case");
	is_str(round_trip(false, 16, "1"), "0001\n", "16 CPUs: padded to four digits");
	is_str(round_trip(false, 64, "00000001,00000000\n"), "00000001,00000000\n",
	       "64 CPUs: CPU 32, two full groups");
	is_str(round_trip(false, 64, "1,0"), "00000001,00000000\n",
	       "64 CPUs: short groups are padded when printed");
	is_str(round_trip(false, 33, "00000001,00000000"), "1,00000000\n",
	       "33 CPUs: the leading group has one digit");
	is_str(round_trip(false, 40, "ff,ffffffff"), "ff,ffffffff\n", "40 CPUs: all");
	is_str(round_trip(false, 4, "0"), "0\n", "empty parses (the IRQ layer refuses it)");
	/* Rejected: the old mask (CPU 0) stays. */
	is_str(round_trip(false, 4, "10"), err(-EOVERFLOW), "4 CPUs: 10 (CPU 4): -EOVERFLOW, unchanged");
	is_str(round_trip(false, 32, "1,00000000"), err(-EOVERFLOW), "32 CPUs: CPU 32: -EOVERFLOW");
	is_str(round_trip(false, 4, "z"), err(-EINVAL), "z: -EINVAL, unchanged");
	is_str(round_trip(false, 4, "0-3"), err(-EINVAL), "a list into the hex file: -EINVAL");
}

static void test_list(void)
{
	is_str(round_trip(true, 4, "0-3\n"), "0-3\n", "4 CPUs: 0-3 -> 0-3");
	is_str(round_trip(true, 16, "0-3,8"), "0-3,8\n", "0-3,8 -> 0-3,8");
	is_str(round_trip(true, 16, "8,3,2,1,0"), "0-3,8\n", "any order, merged into ranges");
	is_str(round_trip(true, 16, "0,1,2"), "0-2\n", "singles merged into a range");
	is_str(round_trip(true, 16, "0-15:1/4"), "0,4,8,12\n", "groups print as singles");
	is_str(round_trip(true, 4, "2-N"), "2-3\n", "N is the last CPU");
	is_str(round_trip(true, 64, "31-32"), "31-32\n", "across the 32-bit group boundary");
	/* Rejected: the old mask (CPU 0) stays. */
	is_str(round_trip(true, 4, "4"), err(-ERANGE), "4 CPUs: CPU 4: -ERANGE, unchanged");
	is_str(round_trip(true, 4, "0-4"), err(-ERANGE), "range past the end: -ERANGE");
	is_str(round_trip(true, 4, "3-0"), err(-EINVAL), "backwards: -EINVAL");
	is_str(round_trip(true, 4, "f"), err(-EINVAL), "hex into the list file: -EINVAL");
	is_str(round_trip(true, 4, "1-"), err(-EINVAL), "open range: -EINVAL");
}

int main(void)
{
	test_hex();
	test_list();
	return done_testing();
}
