/* SPDX-License-Identifier: MIT */
/* struct page and the page allocator's bookkeeping. */
#ifndef _LINUX_MM_H
#define _LINUX_MM_H

#include <linux/types.h>
#include <linux/gfp.h>
#include <asm/page.h>

/* page->flags */
#define PG_reserved  (1UL << 0)   /* never given to the allocator */
#define PG_buddy     (1UL << 1)   /* head of a free block on a free list */
#define PG_head      (1UL << 2)   /* head of an allocated 2^order block */
#define PG_slab      (1UL << 3)   /* owned by a kmem_cache */
#define PG_large_kmalloc (1UL << 4) /* head of a kmalloc too big for the caches */

struct kmem_cache;

struct page {
	unsigned long flags;
	unsigned int order;          /* valid for PG_buddy and PG_head */
	unsigned int inuse;          /* slab: objects handed out */
	struct list_head lru;        /* free list / slab list */
	struct kmem_cache *slab_cache;
	void *freelist;              /* slab: first free object */
};

extern struct page *mem_map;      /* one struct page per pfn in [0, max_pfn) */
extern unsigned long max_pfn;

#define pfn_to_page(pfn)   (mem_map + (pfn))
#define page_to_pfn(page)  ((unsigned long)((page) - mem_map))
#define page_to_phys(page) PFN_PHYS(page_to_pfn(page))
#define page_address(page) __va(page_to_phys(page))
#define virt_to_page(addr) pfn_to_page(__pa(addr) >> PAGE_SHIFT)
bool pfn_valid(unsigned long pfn);

/* Counters, published by the shell's meminfo command. */
struct page_alloc_stats {
	unsigned long total_pages;    /* pages the allocator manages */
	unsigned long free_pages;
	unsigned long alloc_calls;
	unsigned long free_calls;
	unsigned long failed;         /* requests that returned NULL */
	unsigned long bad_order;      /* order >= MAX_ORDER */
	unsigned long bad_free;       /* frees of pages that were not allocated */
};
extern struct page_alloc_stats page_alloc_stats;

/* Sets up mem_map for [0, max_pfn) (memory from memblock). */
void __init_page_alloc(unsigned long max_pfn);
/* Give [start_pfn, end_pfn) to the buddy allocator. */
void free_pfn_range(unsigned long start_pfn, unsigned long end_pfn);
unsigned long nr_free_pages(void);
/* Number of free blocks of each order (for meminfo / /proc/buddyinfo). */
void page_alloc_buddyinfo(unsigned long counts[MAX_ORDER]);

void mem_init(void);

#endif
