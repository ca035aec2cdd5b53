/* SPDX-License-Identifier: MIT */
/*
 * Symbol lookup for oops reports. The table is generated at build time by
 * scripts/kallsyms from the linked kernel's symbols (a second link pass).
 */
#ifndef _LINUX_KALLSYMS_H
#define _LINUX_KALLSYMS_H

#include <linux/types.h>

#define KSYM_NAME_LEN 128
#define KSYM_SYMBOL_LEN (KSYM_NAME_LEN + 64)

/* Finds the symbol containing @addr; returns its name or NULL. */
const char *kallsyms_lookup(unsigned long addr, unsigned long *symbolsize,
			    unsigned long *offset);
/* Formats "name+0xoff/0xsize" into @buf (or the bare hex address). */
int sprint_symbol(char *buf, unsigned long addr);
unsigned long kallsyms_lookup_name(const char *name);

#endif
