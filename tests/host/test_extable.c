// SPDX-License-Identifier: MIT
/*
 * Host tests for lib/extable.c: exception-table entries hold offsets
 * relative to their own fields, so sorting must re-base them as entries
 * move. Build a shuffled table pointing into a fake "text" array, sort it,
 * and check every entry still names the same (insn, fixup, data) triple,
 * in ascending order, and that search finds exactly the listed addresses.
 */
#include <linux/kernel.h>
#include <asm/extable.h>
#include "tap.h"

#define N 200

static char text[4096];

static void set_entry(struct exception_table_entry *e, unsigned long insn,
		      unsigned long fixup, int data)
{
	e->insn = (int)(insn - (unsigned long)&e->insn);
	e->fixup = (int)(fixup - (unsigned long)&e->fixup);
	e->data = data;
}

int main(void)
{
	static struct exception_table_entry table[N];
	unsigned long want_fixup[4096] = { 0 };
	int want_data[4096] = { 0 };
	int order[N], i, sorted = 1, intact = 1, found = 1, misses = 0;

	srand(7);
	/* distinct instruction offsets, even numbers, shuffled */
	for (i = 0; i < N; i++)
		order[i] = i * 2 * 10 + 2;
	for (i = N - 1; i > 0; i--) {
		int j = rand() % (i + 1), t = order[i];

		order[i] = order[j];
		order[j] = t;
	}
	for (i = 0; i < N; i++) {
		unsigned long insn = (unsigned long)&text[order[i]];
		unsigned long fixup = (unsigned long)&text[order[i] + 1];

		set_entry(&table[i], insn, fixup, i % 3);
		want_fixup[order[i]] = fixup;
		want_data[order[i]] = i % 3;
	}

	sort_extable(table, table + N);

	for (i = 0; i < N; i++) {
		unsigned long insn = ex_insn_addr(&table[i]);
		long off = (long)(insn - (unsigned long)text);

		if (i && ex_insn_addr(&table[i - 1]) >= insn)
			sorted = 0;
		if (off < 0 || off >= (long)sizeof(text) ||
		    ex_fixup_addr(&table[i]) != want_fixup[off] ||
		    table[i].data != want_data[off])
			intact = 0;
	}
	ok(sorted, "entries sorted by instruction address");
	ok(intact, "every entry kept its own fixup and data after moving");

	for (i = 0; i < N; i++) {
		unsigned long addr = (unsigned long)&text[i * 20 + 2];
		const struct exception_table_entry *e = search_extable(table, N, addr);

		if (!e || ex_insn_addr(e) != addr || ex_fixup_addr(e) != addr + 1)
			found = 0;
		if (search_extable(table, N, addr + 1))
			misses++;
	}
	ok(found, "search finds every listed instruction");
	is_int(misses, 0, "search finds nothing for unlisted addresses");
	ok(search_extable(table, N, (unsigned long)text) == NULL, "below the first entry: NULL");
	ok(search_extable(table, 0, (unsigned long)&text[2]) == NULL, "empty table: NULL");
	return done_testing();
}
