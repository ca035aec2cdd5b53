/* SPDX-License-Identifier: MIT */
/*
 * memblock - the boot-time memory manager. Before the page allocator exists
 * the kernel knows RAM only as a list of ranges (from the firmware memory
 * map) and a list of reserved ranges; memblock hands out memory from the
 * difference. memblock_free_all() then gives every free page to the buddy
 * allocator.
 */
#ifndef _LINUX_MEMBLOCK_H
#define _LINUX_MEMBLOCK_H

#include <linux/types.h>

#define INIT_MEMBLOCK_REGIONS 128

/* Values for the end argument of memblock_phys_alloc_range(). */
#define MEMBLOCK_ALLOC_ANYWHERE   (~(phys_addr_t)0)
#define MEMBLOCK_ALLOC_ACCESSIBLE 0      /* up to memblock.current_limit */

struct memblock_region {
	phys_addr_t base;
	phys_addr_t size;
};

struct memblock_type {
	unsigned long cnt;
	unsigned long max;
	struct memblock_region *regions;
	const char *name;
};

struct memblock {
	struct memblock_type memory;
	struct memblock_type reserved;
	phys_addr_t current_limit;   /* allocations stay below this */
	bool released;               /* memblock_free_all() ran: no more allocations */
};

extern struct memblock memblock;

int memblock_add(phys_addr_t base, phys_addr_t size);
int memblock_reserve(phys_addr_t base, phys_addr_t size);
int memblock_phys_free(phys_addr_t base, phys_addr_t size);
/* Returns 0 (never a valid allocation) when nothing fits. */
phys_addr_t memblock_phys_alloc_range(phys_addr_t size, phys_addr_t align,
				      phys_addr_t start, phys_addr_t end);
phys_addr_t memblock_phys_alloc(phys_addr_t size, phys_addr_t align);
/* Zeroed memory through the direct map, or NULL. */
void *memblock_alloc(phys_addr_t size, phys_addr_t align);
void memblock_set_current_limit(phys_addr_t limit);
phys_addr_t memblock_start_of_DRAM(void);
phys_addr_t memblock_end_of_DRAM(void);
phys_addr_t memblock_phys_mem_size(void);
bool memblock_is_memory(phys_addr_t addr);
bool memblock_is_reserved(phys_addr_t addr);
void memblock_dump_all(void);
/* Release every free page to the page allocator; returns the page count. */
unsigned long memblock_free_all(void);

#endif
