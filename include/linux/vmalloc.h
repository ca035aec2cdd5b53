/* SPDX-License-Identifier: MIT */
/*
 * vmalloc - virtually contiguous kernel memory in [VMALLOC_START,
 * VMALLOC_END), built from single pages. Every area is preceded by an
 * unmapped guard page, so running off the bottom of a vmalloc'ed stack
 * faults instead of silently corrupting the neighbour.
 */
#ifndef _LINUX_VMALLOC_H
#define _LINUX_VMALLOC_H

#include <linux/types.h>

struct vm_struct {
	struct vm_struct *next;
	unsigned long addr;          /* first mapped byte */
	unsigned long size;          /* mapped bytes (the guard is extra) */
	const char *what;
};

void *vmalloc(unsigned long size);
void *vmalloc_named(unsigned long size, const char *what);
void vfree(const void *addr);
bool is_vmalloc_addr(const void *addr);
struct vm_struct *find_vm_area(const void *addr);

struct vmalloc_stats {
	unsigned long areas;
	unsigned long pages;
	unsigned long failed;
	unsigned long bad_free;
};
extern struct vmalloc_stats vmalloc_stats;

#endif
