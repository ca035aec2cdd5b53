// SPDX-License-Identifier: MIT
/*
 * kallsyms - address to "function+offset/size".
 *
 * scripts/kallsyms reads the symbol list of the linked kernel ("nm -n") and
 * emits three sorted arrays that are linked into the final image:
 * kallsyms_addresses[], kallsyms_offsets[] (into kallsyms_names) and the
 * names themselves. The last entry is the end of kernel text, so every
 * text symbol has a size: the distance to the next higher address.
 */
#include <linux/kernel.h>
#include <linux/kallsyms.h>
#include <linux/string.h>

extern const unsigned long kallsyms_num_syms;
extern const unsigned long kallsyms_addresses[];
extern const unsigned int kallsyms_offsets[];
extern const char kallsyms_names[];

/**
 * kallsyms_lookup - find the function containing @addr
 * @symbolsize: set to the function's size
 * @offset: set to @addr's offset into it
 *
 * Returns the name, or NULL if @addr is outside the kernel's text.
 */
const char *kallsyms_lookup(unsigned long addr, unsigned long *symbolsize,
			    unsigned long *offset)
{
	unsigned long lo = 0, hi = kallsyms_num_syms, mid, next;

	/* The final entry only marks the end of text; it is never a result. */
	if (kallsyms_num_syms < 2 || addr < kallsyms_addresses[0] ||
	    addr >= kallsyms_addresses[kallsyms_num_syms - 1])
		return NULL;
	/* Largest index whose address is <= addr. */
	while (hi - lo > 1) {
		mid = lo + (hi - lo) / 2;
		if (kallsyms_addresses[mid] <= addr)
			lo = mid;
		else
			hi = mid;
	}
	/* Aliases share an address: report the first one, size up to the
	 * next distinct address. */
	while (lo > 0 && kallsyms_addresses[lo - 1] == kallsyms_addresses[lo])
		lo--;
	next = lo + 1;
	while (next < kallsyms_num_syms - 1 &&
	       kallsyms_addresses[next] == kallsyms_addresses[lo])
		next++;
	if (symbolsize)
		*symbolsize = kallsyms_addresses[next] - kallsyms_addresses[lo];
	if (offset)
		*offset = addr - kallsyms_addresses[lo];
	return kallsyms_names + kallsyms_offsets[lo];
}

/**
 * sprint_symbol - format @addr as "name+0xoff/0xsize" (or bare hex)
 */
int sprint_symbol(char *buf, unsigned long addr)
{
	unsigned long size, off;
	const char *name = kallsyms_lookup(addr, &size, &off);

	if (!name)
		return sprintf(buf, "0x%lx", addr);
	return sprintf(buf, "%s+0x%lx/0x%lx", name, off, size);
}

/**
 * kallsyms_lookup_name - address of the symbol called @name, or 0
 */
unsigned long kallsyms_lookup_name(const char *name)
{
	unsigned long i;

	for (i = 0; i + 1 < kallsyms_num_syms; i++)
		if (!strcmp(kallsyms_names + kallsyms_offsets[i], name))
			return kallsyms_addresses[i];
	return 0;
}
