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

/* vm_struct.flags: what is behind the area. */
#define VM_ALLOC    0x00000002   /* pages from the page allocator (vmalloc) */
#define VM_IOREMAP  0x00000001   /* someone else's memory (ioremap): never freed here */

struct vm_struct {
	struct vm_struct *next;
	unsigned long addr;          /* first mapped byte */
	unsigned long size;          /* mapped bytes (the guard is extra) */
	const char *what;
	unsigned long flags;         /* VM_* */
	phys_addr_t phys_addr;       /* VM_IOREMAP: what the first page maps */
};

void *vmalloc(unsigned long size);
void *vmalloc_named(unsigned long size, const char *what);
void vfree(const void *addr);
bool is_vmalloc_addr(const void *addr);
struct vm_struct *find_vm_area(const void *addr);
/* Guarded virtual space without pages, for ioremap() and the like. */
struct vm_struct *get_vm_area(unsigned long size, const char *what);
void free_vm_area(struct vm_struct *area);

struct vmalloc_stats {
	unsigned long areas;
	unsigned long pages;
	unsigned long failed;
	unsigned long bad_free;
};
extern struct vmalloc_stats vmalloc_stats;

#endif
