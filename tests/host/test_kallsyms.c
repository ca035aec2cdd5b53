// SPDX-License-Identifier: MIT
/*
 * Host tests for kernel/kallsyms.c and the table scripts/kallsyms emits:
 * a fake table (as the generator lays it out) with aliases and an end
 * marker; lookups at starts, middles and ends of functions; outside text.
 */
#include <linux/kernel.h>
#include <linux/kallsyms.h>
#include "tap.h"

/* Laid out as scripts/kallsyms writes it: sorted, _etext last. */
const unsigned long kallsyms_num_syms = 5;
const unsigned long kallsyms_addresses[] = {
	0x1000, 0x1040, 0x1040, 0x10a0, 0x1100,
};
const unsigned int kallsyms_offsets[] = { 0, 6, 12, 20, 26 };
const char kallsyms_names[] = "first\0alias\0other_a\0third\0_etext";

int main(void)
{
	unsigned long size = 0, off = 0;
	const char *name;
	char buf[KSYM_SYMBOL_LEN];

	name = kallsyms_lookup(0x1000, &size, &off);
	is_str(name, "first", "start of the first function");
	is_int(size, 0x40, "its size runs to the next symbol");
	is_int(off, 0, "offset 0");

	name = kallsyms_lookup(0x103f, &size, &off);
	is_str(name, "first", "last byte of the first function");
	is_int(off, 0x3f, "offset 0x3f");

	name = kallsyms_lookup(0x1050, &size, &off);
	is_str(name, "alias", "aliases at one address: the first is reported");
	is_int(size, 0x60, "alias size skips the other alias");

	name = kallsyms_lookup(0x10ff, &size, &off);
	is_str(name, "third", "last function, sized by the _etext marker");
	is_int(size, 0x60, "third's size");

	ok(kallsyms_lookup(0x1100, NULL, NULL) == NULL, "the end marker is never a result");
	ok(kallsyms_lookup(0xfff, NULL, NULL) == NULL, "below text: NULL");

	sprint_symbol(buf, 0x10a5);
	is_str(buf, "third+0x5/0x60", "sprint_symbol format");
	sprint_symbol(buf, 0x20);
	is_str(buf, "0x20", "sprint_symbol outside text prints the address");
	is_int(kallsyms_lookup_name("third"), 0x10a0, "lookup by name");
	is_int(kallsyms_lookup_name("_etext"), 0, "the marker is not a symbol");
	return done_testing();
}
