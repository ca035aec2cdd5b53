/* SPDX-License-Identifier: MIT */
/*
 * The page allocator: a binary buddy allocator over all of RAM.
 *
 * Every page frame has a struct page in mem_map. Free memory is kept as
 * blocks of 2^order pages, each block naturally aligned (its first pfn is a
 * multiple of 2^order), on one free list per order. A block's "buddy" is
 * the other half of the block of the next order up: its pfn differs only in
 * bit @order. Allocation takes the smallest big-enough block and splits off
 * halves back onto the lists; freeing merges a block with its buddy for as
 * long as the buddy is also free and whole, so memory returns to large
 * blocks once everything is freed.
 *
 * Page state lives in page->flags:
 *   PG_reserved  not managed (holes, firmware, kernel image, mem_map itself)
 *   PG_buddy     first page of a free block; page->order is the block's order
 *   PG_head      first page of an allocated block; page->order as requested
 *   0            any other page inside a free or allocated block
 * Only a PG_head page with exactly the recorded order can be freed, which
 * is how double frees and frees of the wrong page are caught before they
 * corrupt the lists.
 */
#include <linux/kernel.h>
#include <linux/init.h>
#include <linux/list.h>
#include <linux/spinlock.h>
#include <linux/string.h>
#include <linux/memblock.h>
#include <linux/mm.h>
#include <linux/gfp.h>
#include <linux/slab.h>
#include <asm/page.h>

struct page *mem_map;
unsigned long max_pfn;
struct page_alloc_stats page_alloc_stats;

struct free_area {
	struct list_head free_list;
	unsigned long nr_free;        /* blocks on free_list */
};

static struct free_area free_area[MAX_ORDER];

/* Protects free_area, page flags of free/allocated blocks, and the stats. */
static DEFINE_SPINLOCK(zone_lock);

/* Reasons a free is refused; reported after the lock is dropped. */
enum bad_free_reason {
	FREE_OK,
	FREE_NOT_IN_MEM_MAP,
	FREE_BAD_ADDRESS,
	FREE_BAD_ORDER,
	FREE_NOT_ALLOCATED,
	FREE_WRONG_ORDER,
};

static const char *const bad_free_text[] = {
	[FREE_OK]             = "ok",
	[FREE_NOT_IN_MEM_MAP] = "page is outside mem_map",
	[FREE_BAD_ADDRESS]    = "not a page-aligned direct-map address",
	[FREE_BAD_ORDER]      = "order is out of range",
	[FREE_NOT_ALLOCATED]  = "page is not the head of an allocated block",
	[FREE_WRONG_ORDER]    = "order differs from the allocation",
};

/**
 * pfn_valid - does @pfn have a struct page?
 * @pfn: page frame number
 *
 * True for every frame below max_pfn, holes included (their pages are
 * PG_reserved).
 */
bool pfn_valid(unsigned long pfn)
{
	return mem_map && pfn < max_pfn;
}

static void add_to_free_list(unsigned long pfn, unsigned int order)
{
	struct page *page = pfn_to_page(pfn);

	page->flags = PG_buddy;
	page->order = order;
	list_add(&page->lru, &free_area[order].free_list);
	free_area[order].nr_free++;
}

static void del_from_free_list(struct page *page, unsigned int order)
{
	list_del(&page->lru);
	page->flags &= ~PG_buddy;
	free_area[order].nr_free--;
}

/*
 * Put the free block at @pfn of @order on the lists, merging it with its
 * buddy as long as the buddy is a free block of the same order. The merged
 * block starts at the lower of the two pfns. Caller holds zone_lock.
 */
static void __free_one_block(unsigned long pfn, unsigned int order)
{
	while (order < MAX_ORDER - 1) {
		unsigned long buddy_pfn = pfn ^ (1UL << order);
		struct page *buddy;

		if (buddy_pfn >= max_pfn)
			break;
		buddy = pfn_to_page(buddy_pfn);
		if (!(buddy->flags & PG_buddy) || buddy->order != order)
			break;
		del_from_free_list(buddy, order);
		pfn &= ~(1UL << order);
		order++;
	}
	add_to_free_list(pfn, order);
}

/*
 * Take a block of exactly @order off the lists, splitting a larger one if
 * needed; the unused upper halves go back on the lower lists. Caller holds
 * zone_lock. Return: the first pfn, or -1UL when memory is exhausted.
 */
static unsigned long __rmqueue(unsigned int order)
{
	unsigned int o;

	for (o = order; o < MAX_ORDER; o++) {
		struct page *page;
		unsigned long pfn;

		if (list_empty(&free_area[o].free_list))
			continue;
		page = list_first_entry(&free_area[o].free_list, struct page, lru);
		del_from_free_list(page, o);
		pfn = page_to_pfn(page);
		while (o > order) {
			o--;
			add_to_free_list(pfn + (1UL << o), o);
		}
		page->flags = PG_head;
		page->order = order;
		return pfn;
	}
	return -1UL;
}

/**
 * alloc_pages - allocate 2^@order physically contiguous pages
 * @gfp: __GFP_ZERO to clear the memory, __GFP_NOWARN to fail quietly
 * @order: 0 .. MAX_ORDER - 1
 *
 * The block is naturally aligned: its first pfn is a multiple of 2^order.
 *
 * Return: the first page of the block, or NULL (counted in
 * page_alloc_stats.failed; an impossible order also in .bad_order).
 */
struct page *alloc_pages(gfp_t gfp, unsigned int order)
{
	unsigned long flags, pfn;
	struct page *page;

	spin_lock_irqsave(&zone_lock, flags);
	page_alloc_stats.alloc_calls++;
	if (order >= MAX_ORDER) {
		page_alloc_stats.bad_order++;
		page_alloc_stats.failed++;
		spin_unlock_irqrestore(&zone_lock, flags);
		WARN_ONCE(!(gfp & __GFP_NOWARN),
			  "alloc_pages: order %u is not below MAX_ORDER (%u)\n",
			  order, MAX_ORDER);
		return NULL;
	}
	pfn = __rmqueue(order);
	if (pfn == -1UL) {
		page_alloc_stats.failed++;
		spin_unlock_irqrestore(&zone_lock, flags);
		if (!(gfp & __GFP_NOWARN))
			pr_warn("page allocation failure: order:%u, mode:0x%x, free:%lu\n",
				order, gfp, nr_free_pages());
		return NULL;
	}
	page_alloc_stats.free_pages -= 1UL << order;
	spin_unlock_irqrestore(&zone_lock, flags);

	page = pfn_to_page(pfn);
	if (gfp & __GFP_ZERO)
		memset(page_address(page), 0, PAGE_SIZE << order);
	return page;
}

/* Validate and free the block at @pfn; caller holds zone_lock. */
static enum bad_free_reason __free_pfn(unsigned long pfn, unsigned int order)
{
	struct page *page;

	if (pfn >= max_pfn)
		return FREE_NOT_IN_MEM_MAP;
	if (order >= MAX_ORDER)
		return FREE_BAD_ORDER;
	page = pfn_to_page(pfn);
	/* Any other bit means another owner (slab, kmalloc) still holds it. */
	if (page->flags != PG_head)
		return FREE_NOT_ALLOCATED;
	if (page->order != order)
		return FREE_WRONG_ORDER;
	page->flags = 0;
	__free_one_block(pfn, order);
	page_alloc_stats.free_pages += 1UL << order;
	return FREE_OK;
}

/* @why_bad: the caller's verdict on the pointer; FREE_OK to go ahead. */
static void free_pfn_checked(unsigned long pfn, unsigned int order, const void *what,
			     enum bad_free_reason why)
{
	unsigned long flags;

	spin_lock_irqsave(&zone_lock, flags);
	page_alloc_stats.free_calls++;
	if (why == FREE_OK)
		why = __free_pfn(pfn, order);
	if (why != FREE_OK)
		page_alloc_stats.bad_free++;
	spin_unlock_irqrestore(&zone_lock, flags);

	/* Reported outside the lock: the WARN path prints and may be slow. */
	WARN(why != FREE_OK, "page allocator: bad free of %p (order %u): %s\n",
	     what, order, bad_free_text[why]);
}

/**
 * __free_pages - give back a block from alloc_pages()
 * @page: the first page, as alloc_pages() returned it
 * @order: the order it was allocated with
 *
 * A page that is not the head of an allocated block of that order (a
 * double free, a tail page, a reserved page, a pointer outside mem_map) is
 * refused with a WARN and counted in page_alloc_stats.bad_free.
 */
void __free_pages(struct page *page, unsigned int order)
{
	/* Integer arithmetic: a stray pointer must not be dereferenced. */
	uintptr_t off = (uintptr_t)page - (uintptr_t)mem_map;

	if (!mem_map || (uintptr_t)page < (uintptr_t)mem_map ||
	    off % sizeof(struct page))
		free_pfn_checked(0, order, page, FREE_NOT_IN_MEM_MAP);
	else
		free_pfn_checked(off / sizeof(struct page), order, page, FREE_OK);
}

/**
 * __get_free_pages - allocate pages and return their direct-map address
 * @gfp: as for alloc_pages()
 * @order: as for alloc_pages()
 *
 * Return: the virtual address, or 0 on failure.
 */
unsigned long __get_free_pages(gfp_t gfp, unsigned int order)
{
	struct page *page = alloc_pages(gfp, order);

	return page ? (unsigned long)page_address(page) : 0;
}

/** get_zeroed_page - one zeroed page by virtual address, or 0 */
unsigned long get_zeroed_page(gfp_t gfp)
{
	return __get_free_pages(gfp | __GFP_ZERO, 0);
}

/**
 * free_pages - free pages by virtual address
 * @addr: as returned by __get_free_pages(); 0 is ignored
 * @order: the order it was allocated with
 */
void free_pages(unsigned long addr, unsigned int order)
{
	unsigned long phys;

	if (!addr)
		return;
	phys = __pa(addr);
	/* Only a page-aligned direct-map address maps back to itself. */
	if ((addr & ~PAGE_MASK) || (unsigned long)__va(phys) != addr)
		free_pfn_checked(0, order, (void *)addr, FREE_BAD_ADDRESS);
	else
		free_pfn_checked(phys >> PAGE_SHIFT, order, (void *)addr, FREE_OK);
}

/**
 * free_pfn_range - give page frames to the allocator for the first time
 * @start_pfn: first frame
 * @end_pfn: one past the last frame
 *
 * The frames must be PG_reserved (as __init_page_alloc() leaves every
 * page). The range is cut into the largest naturally aligned blocks that
 * fit, and each block is merged with free neighbours, so handing memory
 * over in pieces ends up the same as handing it over at once. Frames that
 * are not reserved are skipped with a WARN.
 */
void free_pfn_range(unsigned long start_pfn, unsigned long end_pfn)
{
	unsigned long flags, pfn = start_pfn, skipped = 0;

	if (WARN(end_pfn > max_pfn, "free_pfn_range: [0x%lx, 0x%lx) beyond max_pfn 0x%lx\n",
		 start_pfn, end_pfn, max_pfn))
		end_pfn = max_pfn;

	spin_lock_irqsave(&zone_lock, flags);
	while (pfn < end_pfn) {
		unsigned int order = 0;
		unsigned long n, i;

		if (!(pfn_to_page(pfn)->flags & PG_reserved)) {
			skipped++;
			pfn++;
			continue;
		}
		while (order + 1 < MAX_ORDER &&
		       !(pfn & ((1UL << (order + 1)) - 1)) &&
		       pfn + (1UL << (order + 1)) <= end_pfn)
			order++;
		/* Shrink the block to the run of reserved pages at its start. */
		for (n = 1; n < (1UL << order); n++)
			if (!(pfn_to_page(pfn + n)->flags & PG_reserved))
				break;
		while ((1UL << order) > n)
			order--;

		for (i = 0; i < (1UL << order); i++)
			pfn_to_page(pfn + i)->flags = 0;
		__free_one_block(pfn, order);
		page_alloc_stats.free_pages += 1UL << order;
		page_alloc_stats.total_pages += 1UL << order;
		pfn += 1UL << order;
	}
	spin_unlock_irqrestore(&zone_lock, flags);

	WARN(skipped, "free_pfn_range: %lu frames in [0x%lx, 0x%lx) were not reserved\n",
	     skipped, start_pfn, end_pfn);
}

/** nr_free_pages - pages currently on the free lists */
unsigned long nr_free_pages(void)
{
	return READ_ONCE(page_alloc_stats.free_pages);
}

/**
 * page_alloc_buddyinfo - free blocks per order
 * @counts: filled with the number of free blocks of each order
 */
void page_alloc_buddyinfo(unsigned long counts[MAX_ORDER])
{
	unsigned long flags;
	unsigned int o;

	spin_lock_irqsave(&zone_lock, flags);
	for (o = 0; o < MAX_ORDER; o++)
		counts[o] = free_area[o].nr_free;
	spin_unlock_irqrestore(&zone_lock, flags);
}

/**
 * __init_page_alloc - create mem_map with every page reserved
 * @nr_pfns: frames to describe: [0, nr_pfns)
 *
 * mem_map comes from memblock, so it is itself reserved when
 * memblock_free_all() runs. Pages become usable only through
 * free_pfn_range().
 */
void __init __init_page_alloc(unsigned long nr_pfns)
{
	unsigned long pfn;
	unsigned int o;

	mem_map = memblock_alloc(nr_pfns * sizeof(struct page), PAGE_SIZE);
	if (!mem_map)
		panic("page_alloc: cannot allocate mem_map for %lu pages", nr_pfns);
	max_pfn = nr_pfns;
	for (pfn = 0; pfn < nr_pfns; pfn++) {
		mem_map[pfn].flags = PG_reserved;
		INIT_LIST_HEAD(&mem_map[pfn].lru);
	}
	for (o = 0; o < MAX_ORDER; o++) {
		INIT_LIST_HEAD(&free_area[o].free_list);
		free_area[o].nr_free = 0;
	}
	memset(&page_alloc_stats, 0, sizeof(page_alloc_stats));
}

/**
 * mem_init - switch from memblock to the page allocator and slab
 *
 * Called once memblock describes all RAM and the direct map covers it.
 * Prints the Linux-style "Memory: free/total available" line.
 */
void __init mem_init(void)
{
	unsigned long total_pages, freed;

	__init_page_alloc(PFN_DOWN(memblock_end_of_DRAM()));
	freed = memblock_free_all();
	total_pages = PFN_DOWN(memblock_phys_mem_size());
	pr_info("Memory: %luK/%luK available (%luK reserved)\n",
		freed << (PAGE_SHIFT - 10), total_pages << (PAGE_SHIFT - 10),
		(total_pages - min(freed, total_pages)) << (PAGE_SHIFT - 10));
	kmem_cache_init();
}
