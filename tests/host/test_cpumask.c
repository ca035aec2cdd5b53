// SPDX-License-Identifier: MIT
/*
 * Host tests for lib/cpumask.c: the hex (smp_affinity) and list
 * (smp_affinity_list) text forms of a cpumask, printed and parsed, at the
 * CPU counts where their widths change (1, 4, 16, 32, 33, 64), plus the
 * inline set operations of include/linux/cpumask.h.
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

static cpumask_t mask_of(unsigned long bits)
{
	cpumask_t m = { { bits } };

	return m;
}

static const char *hex(unsigned int ncpus, unsigned long bits)
{
	static char buf[64];
	cpumask_t m = mask_of(bits);

	nr_cpu_ids = ncpus;
	cpumask_scnprintf(buf, sizeof(buf), &m);
	return buf;
}

static const char *list(unsigned int ncpus, unsigned long bits)
{
	static char buf[256];
	cpumask_t m = mask_of(bits);

	nr_cpu_ids = ncpus;
	cpulist_scnprintf(buf, sizeof(buf), &m);
	return buf;
}

static void test_print_hex(void)
{
	is_str(hex(1, 1), "1", "1 CPU: one digit");
	is_str(hex(4, 0xf), "f", "4 CPUs, all: f (Linux's smp_affinity)");
	is_str(hex(4, 0x2), "2", "4 CPUs, CPU 1: 2");
	is_str(hex(4, 0), "0", "empty mask: 0");
	is_str(hex(5, 0x10), "10", "5 CPUs need two digits");
	is_str(hex(16, 0x1), "0001", "16 CPUs: four digits, zero-padded");
	is_str(hex(32, 0xffffffff), "ffffffff", "32 CPUs: one full group");
	is_str(hex(33, 0x1ffffffffUL), "1,ffffffff", "33 CPUs: a second group of one digit");
	is_str(hex(33, 0x100000000UL), "1,00000000", "lower group zero-padded to 8 digits");
	is_str(hex(64, 0x8000000000000001UL), "80000000,00000001", "64 CPUs: two full groups");
	is_str(hex(4, 0xf0), "0", "bits at or above nr_cpu_ids are not printed");
}

static void test_print_list(void)
{
	char page[4096];
	cpumask_t m;
	int n;

	is_str(list(4, 0xf), "0-3", "a run is a range");
	is_str(list(4, 0x1), "0", "one CPU");
	is_str(list(4, 0), "", "empty mask: empty list");
	is_str(list(8, 0xb5), "0,2,4-5,7", "singles and ranges, ascending");
	is_str(list(8, 0x6), "1-2", "a run of two is a range");
	is_str(list(64, ~0UL), "0-63", "all 64 CPUs");
	is_str(list(64, 0x8000000000000000UL), "63", "the last of 64");
	is_str(list(4, 0xfc), "2-3", "the list stops at nr_cpu_ids");

	nr_cpu_ids = 4;
	m = mask_of(0x5);
	n = cpumap_print_to_pagebuf(false, page, &m);
	is_str(page, "5\n", "pagebuf hex ends with a newline");
	is_int(n, 2, "pagebuf hex length includes the newline");
	n = cpumap_print_to_pagebuf(true, page, &m);
	is_str(page, "0,2\n", "pagebuf list ends with a newline");
	is_int(n, 4, "pagebuf list length includes the newline");

	/* scnprintf semantics: truncated, NUL-terminated, length stored. */
	m = mask_of(0xb5);
	nr_cpu_ids = 8;
	is_int(cpulist_scnprintf(page, 4, &m), 3, "truncated list: size - 1 chars");
	is_str(page, "0,2", "truncated list text");
	is_int(cpumask_scnprintf(page, 0, &m), 0, "size 0 writes nothing");
}

/* Parse @text with @ncpus CPUs; returns the error, the mask in *out. */
static int parse(int (*fn)(const char *, struct cpumask *), unsigned int ncpus,
		 const char *text, unsigned long *out)
{
	cpumask_t m = mask_of(0xdead);
	int ret;

	nr_cpu_ids = ncpus;
	ret = fn(text, &m);
	*out = m.bits[0];
	return ret;
}

static void test_parse_hex(void)
{
	unsigned long v;

	is_int(parse(cpumask_parse, 4, "f", &v), 0, "'f' parses");
	is_int(v, 0xf, "... to CPUs 0-3");
	is_int(parse(cpumask_parse, 4, "2\n", &v), 0, "'2\\n' (echo's newline) parses");
	is_int(v, 0x2, "... to CPU 1");
	is_int(parse(cpumask_parse, 4, "0000000a", &v), 0, "leading zeros, 8 digits");
	is_int(v, 0xa, "... value");
	is_int(parse(cpumask_parse, 4, "A", &v), 0, "upper-case digits");
	is_int(v, 0xa, "... value");
	is_int(parse(cpumask_parse, 4, "  3  ", &v), 0, "surrounding blanks");
	is_int(v, 0x3, "... value");
	is_int(parse(cpumask_parse, 4, "", &v), 0, "empty string: empty mask");
	is_int(v, 0, "... is 0");
	is_int(parse(cpumask_parse, 64, "1,00000000", &v), 0, "two groups");
	is_int(v, 0x100000000UL, "... the first is the high one");
	is_int(parse(cpumask_parse, 64, "80000000,1", &v), 0, "a short low group");
	ok(v == 0x8000000000000001UL, "... is the low 32 bits");
	is_int(parse(cpumask_parse, 40, "ff,ffffffff", &v), 0, "40 CPUs: all");
	ok(v == 0xffffffffffUL, "... 40 bits");

	is_int(parse(cpumask_parse, 4, "10", &v), -EOVERFLOW, "CPU 4 of 4: -EOVERFLOW");
	is_int(v, 0xdead, "... and the mask is untouched");
	is_int(parse(cpumask_parse, 4, "123456789", &v), -EOVERFLOW, "9 digits in a group: -EOVERFLOW");
	is_int(parse(cpumask_parse, 4, "0,1", &v), -EOVERFLOW, "two groups for 4 CPUs: -EOVERFLOW");
	is_int(parse(cpumask_parse, 64, "1,0,0", &v), -EOVERFLOW, "three groups for 64 CPUs: -EOVERFLOW");
	is_int(parse(cpumask_parse, 4, "g", &v), -EINVAL, "'g': -EINVAL");
	is_int(parse(cpumask_parse, 4, "0x1", &v), -EINVAL, "'0x1' (no prefix in Linux's format): -EINVAL");
	is_int(parse(cpumask_parse, 4, "1-2", &v), -EINVAL, "a list given as hex: -EINVAL");
	is_int(v, 0xdead, "... and the mask is untouched");
}

static void test_parse_list(void)
{
	unsigned long v;

	is_int(parse(cpulist_parse, 4, "0-3", &v), 0, "'0-3' parses");
	is_int(v, 0xf, "... to CPUs 0-3");
	is_int(parse(cpulist_parse, 8, "0,2,4-5,7\n", &v), 0, "singles and ranges, newline");
	is_int(v, 0xb5, "... value");
	is_int(parse(cpulist_parse, 8, "7,0", &v), 0, "any order");
	is_int(v, 0x81, "... value");
	is_int(parse(cpulist_parse, 8, "1-1", &v), 0, "a range of one");
	is_int(v, 0x2, "... value");
	is_int(parse(cpulist_parse, 8, "0-7:2/4", &v), 0, "groups: 2 of every 4");
	is_int(v, 0x33, "... CPUs 0,1,4,5");
	is_int(parse(cpulist_parse, 8, "N", &v), 0, "'N' is the last CPU");
	is_int(v, 0x80, "... CPU 7");
	is_int(parse(cpulist_parse, 8, "2-N", &v), 0, "'2-N'");
	is_int(v, 0xfc, "... CPUs 2-7");
	is_int(parse(cpulist_parse, 8, "", &v), 0, "empty list: empty mask");
	is_int(v, 0, "... is 0");
	is_int(parse(cpulist_parse, 64, "63", &v), 0, "CPU 63 of 64");
	ok(v == 0x8000000000000000UL, "... value");

	is_int(parse(cpulist_parse, 4, "4", &v), -ERANGE, "CPU 4 of 4: -ERANGE");
	is_int(v, 0xdead, "... and the mask is untouched");
	is_int(parse(cpulist_parse, 4, "0-4", &v), -ERANGE, "range past the end: -ERANGE");
	is_int(parse(cpulist_parse, 4, "3-1", &v), -EINVAL, "backwards range: -EINVAL");
	is_int(parse(cpulist_parse, 4, "0-3:1/0", &v), -EINVAL, "group size 0: -EINVAL");
	is_int(parse(cpulist_parse, 4, "0-3:3/2", &v), -EINVAL, "used > group: -EINVAL");
	is_int(parse(cpulist_parse, 4, "0-3:1", &v), -EINVAL, "group without /size: -EINVAL");
	is_int(parse(cpulist_parse, 4, "a", &v), -EINVAL, "a letter: -EINVAL");
	is_int(parse(cpulist_parse, 4, "1-", &v), -EINVAL, "open range: -EINVAL");
	is_int(parse(cpulist_parse, 4, "1x", &v), -EINVAL, "junk after a number: -EINVAL");
	is_int(parse(cpulist_parse, 4, "99999999999", &v), -EOVERFLOW, "huge number: -EOVERFLOW");
}

static void test_ops(void)
{
	cpumask_t a = mask_of(0x5), b = mask_of(0x6), d;
	unsigned int cpu, seen = 0, n = 0;

	nr_cpu_ids = 4;
	ok(cpumask_and(&d, &a, &b) && d.bits[0] == 0x4, "and: {2}, non-empty");
	cpumask_or(&d, &a, &b);
	is_int(d.bits[0], 0x7, "or");
	ok(cpumask_andnot(&d, &a, &b) && d.bits[0] == 0x1, "andnot: {0}");
	is_int(cpumask_weight(&a), 2, "weight");
	ok(cpumask_intersects(&a, &b), "intersects");
	ok(!cpumask_subset(&a, &b), "not a subset");
	d = mask_of(0x4);
	ok(cpumask_subset(&d, &a), "subset");
	is_int(cpumask_first(&b), 1, "first");
	is_int(cpumask_next(1, &b), 2, "next");
	is_int(cpumask_next(2, &b), 4, "next past the last: nr_cpu_ids");
	is_int(cpumask_any_but(&a, 0), 2, "any_but skips the named CPU");
	for_each_cpu(cpu, &a) {
		seen |= 1u << cpu;
		n++;
	}
	ok(seen == 0x5 && n == 2, "for_each_cpu visits exactly the set CPUs");
	d = mask_of(0xf0);
	ok(cpumask_empty(&d), "bits above nr_cpu_ids do not count");
	cpumask_setall(&d);
	is_int(d.bits[0], 0xf, "setall: nr_cpu_ids bits");
	ok(cpumask_test_and_clear_cpu(3, &d) && !cpumask_test_cpu(3, &d), "test_and_clear");
	ok(!cpumask_test_and_set_cpu(3, &d) && cpumask_test_cpu(3, &d), "test_and_set");
	nr_cpu_ids = 64;
	d = mask_of(0x8000000000000000UL);
	is_int(cpumask_first(&d), 63, "64 CPUs: first is 63");
	is_int(cpumask_next(63, &d), 64, "next after 63: nr_cpu_ids");
}

int main(void)
{
	test_print_hex();
	test_print_list();
	test_parse_hex();
	test_parse_list();
	test_ops();
	return done_testing();
}
