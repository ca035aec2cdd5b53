// SPDX-License-Identifier: MIT
/*
 * Sorting and searching exception tables.
 *
 * Entries store their addresses as offsets relative to the fields
 * themselves, so moving an entry while sorting must adjust the offsets by
 * the distance moved. The table is sorted once at boot and then searched
 * with a binary search on every kernel-mode fault.
 */
#include <linux/kernel.h>
#include <linux/sort.h>
#include <linux/bsearch.h>
#include <asm/extable.h>

static int cmp_ex_sort(const void *a, const void *b)
{
	unsigned long x = ex_insn_addr(a), y = ex_insn_addr(b);

	return x < y ? -1 : x > y;
}

static void swap_ex(void *a, void *b, int size)
{
	struct exception_table_entry *x = a, *y = b, tmp;
	long delta = (char *)b - (char *)a;

	tmp = *x;
	x->insn = y->insn + delta;
	y->insn = tmp.insn - delta;
	x->fixup = y->fixup + delta;
	y->fixup = tmp.fixup - delta;
	x->data = y->data;
	y->data = tmp.data;
}

/**
 * sort_extable - sort [start, finish) by faulting instruction address
 */
void sort_extable(struct exception_table_entry *start,
		  struct exception_table_entry *finish)
{
	sort(start, finish - start, sizeof(*start), cmp_ex_sort, swap_ex);
}

static int cmp_ex_search(const void *key, const void *elt)
{
	unsigned long k = *(const unsigned long *)key, v = ex_insn_addr(elt);

	return k < v ? -1 : k > v;
}

/**
 * search_extable - find the entry for instruction address @value, or NULL
 */
const struct exception_table_entry *
search_extable(const struct exception_table_entry *base, size_t num,
	       unsigned long value)
{
	return bsearch(&value, base, num, sizeof(*base), cmp_ex_search);
}
