/* SPDX-License-Identifier: MIT */
/*
 * Host tests for mm/page_alloc.c on top of mm/memblock.c: exact free-page
 * counts after mem_init(), natural alignment, no overlap between live
 * blocks, coalescing back to the initial buddyinfo after freeing in random
 * order, exhaustion, bad orders and every kind of bad free (refused,
 * counted, nothing changed), __GFP_ZERO, and free_pfn_range() on ranges
 * that are not aligned to large orders.
 *
 * "Physical memory" is a 64 MiB host arena at host_phys_base, described to
 * memblock with holes and reservations like a PC's.
 */
#include <linux/kernel.h>
#include <linux/string.h>
#include <linux/memblock.h>
#include <linux/mm.h>
#include <linux/gfp.h>
#include <linux/bug.h>
#include "tap.h"
#include "mm_host.h"

#define ARENA_SIZE (64UL << 20)
#define ARENA_PFNS (ARENA_SIZE >> PAGE_SHIFT)

/* host_phys_base, WARN counting (warns), printk into logbuf, panic: mm_host.c */

static int kmem_cache_init_calls;

void kmem_cache_init(void)
{
	kmem_cache_init_calls++;
}

/* ---- helpers ---- */

static void log_clear(void)
{
	loglen = 0;
	logbuf[0] = 0;
}

static bool log_has(const char *s)
{
	return __builtin_strstr(logbuf, s) != NULL;
}

/* rnd() and shuffle(): mm_host.c */

static bool buddyinfo_is(const unsigned long *want)
{
	unsigned long now[MAX_ORDER];
	bool same = true;
	unsigned int o;

	page_alloc_buddyinfo(now);
	for (o = 0; o < MAX_ORDER; o++) {
		if (now[o] != want[o]) {
			printf("#   order %u: %lu free blocks, want %lu\n", o, now[o], want[o]);
			same = false;
		}
	}
	return same;
}

static unsigned long buddyinfo_pages(void)
{
	unsigned long c[MAX_ORDER], sum = 0;
	unsigned int o;

	page_alloc_buddyinfo(c);
	for (o = 0; o < MAX_ORDER; o++)
		sum += c[o] << o;
	return sum;
}

static unsigned long mem_map_pages;
static unsigned long expect_free;
static unsigned long initial_info[MAX_ORDER];

/* ---- tests ---- */

static void test_mem_init(void)
{
	unsigned long info[MAX_ORDER];
	char line[128];
	unsigned long ram_pages = 0x9f + 0x1f00 + 0x1f00;

	memblock_add(0x0, 0x9f000);
	memblock_add(0x100000, 0x1f00000);     /* [1M, 32M) */
	memblock_add(0x2100000, 0x1f00000);    /* [33M, 64M): hole at 32M */
	memblock_reserve(0x1000000, 0x200000); /* "kernel image" */
	memblock_reserve(0x100000, 0x1000);
	memblock_reserve(0x5000, 0x800);       /* half a page */

	log_clear();
	mem_init();

	/* mem_map lands right after the reserved page at 1 MiB. */
	mem_map_pages = PFN_UP(ARENA_PFNS * sizeof(struct page));
	expect_free = (0x5 - 0x1) + (0x9f - 0x6) + (0x1000 - 0x101 - mem_map_pages) +
		      (0x2000 - 0x1200) + (0x4000 - 0x2100);

	is_int(max_pfn, ARENA_PFNS, "max_pfn covers the end of DRAM");
	is_int(__pa(mem_map), 0x101000, "mem_map comes from memblock above 1 MiB");
	is_int(nr_free_pages(), expect_free, "exact free page count after mem_init");
	is_int(page_alloc_stats.total_pages, expect_free, "total_pages");
	is_int(buddyinfo_pages(), expect_free, "buddyinfo adds up to the free count");
	page_alloc_buddyinfo(info);
	is_int(info[MAX_ORDER - 1], 13, "13 free 4 MiB blocks");
	is_int(info[0], 4, "four single pages: 1, 4, 0x9e and the one after mem_map");
	is_int(kmem_cache_init_calls, 1, "mem_init calls kmem_cache_init once");
	__builtin_snprintf(line, sizeof(line), "Memory: %luK/%luK available",
			   expect_free * 4, ram_pages * 4);
	ok(log_has(line), "prints \"%s\"", line);
	ok((mem_map[0].flags & PG_reserved) && (mem_map[5].flags & PG_reserved) &&
	   (mem_map[0x1000].flags & PG_reserved) && (mem_map[0x2050].flags & PG_reserved) &&
	   (mem_map[0x101].flags & PG_reserved),
	   "page 0, partial page, kernel, hole and mem_map stay reserved");
	ok(pfn_valid(0) && pfn_valid(max_pfn - 1) && !pfn_valid(max_pfn), "pfn_valid bounds");
	is_int(host_irq_flags, 0x200, "interrupts enabled again");
	page_alloc_buddyinfo(initial_info);
}

#define NBLOCKS 300

static void test_random_alloc_free(void)
{
	static struct page *blk[NBLOCKS];
	static unsigned int ord[NBLOCKS];
	unsigned long used = 0, misaligned = 0, bad_flags = 0, corrupt = 0;
	unsigned long i, j;

	for (i = 0; i < NBLOCKS; i++) {
		ord[i] = rnd(6);
		blk[i] = alloc_pages(GFP_KERNEL, ord[i]);
		if (!blk[i])
			break;
		used += 1UL << ord[i];
		if (page_to_pfn(blk[i]) & ((1UL << ord[i]) - 1))
			misaligned++;
		if (blk[i]->flags != PG_head || blk[i]->order != ord[i])
			bad_flags++;
		__builtin_memset(page_address(blk[i]), (int)(i & 0xff), PAGE_SIZE << ord[i]);
	}
	is_int(i, NBLOCKS, "%d random allocations of order 0..5 succeed", NBLOCKS);
	is_int(misaligned, 0, "every block is naturally aligned");
	is_int(bad_flags, 0, "every block head is PG_head with its order");
	for (i = 0; i < NBLOCKS; i++) {
		const unsigned char *p = page_address(blk[i]);

		for (j = 0; j < (PAGE_SIZE << ord[i]); j++)
			if (p[j] != (i & 0xff)) {
				corrupt++;
				break;
			}
	}
	is_int(corrupt, 0, "no two live blocks overlap (patterns intact)");
	is_int(nr_free_pages(), expect_free - used, "free count drops by the pages handed out");
	is_int(buddyinfo_pages(), expect_free - used, "buddyinfo agrees");

	/* Free in random order; shuffle index pairs together. */
	for (i = NBLOCKS; i > 1; i--) {
		unsigned long k = rnd(i);
		struct page *tp = blk[i - 1];
		unsigned int to = ord[i - 1];

		blk[i - 1] = blk[k];
		ord[i - 1] = ord[k];
		blk[k] = tp;
		ord[k] = to;
	}
	for (i = 0; i < NBLOCKS; i++)
		__free_pages(blk[i], ord[i]);
	is_int(nr_free_pages(), expect_free, "all pages back after random-order frees");
	ok(buddyinfo_is(initial_info), "coalesced back to the initial buddyinfo");
	is_int(page_alloc_stats.bad_free, 0, "no bad frees");
}

static void test_exhaustion(void)
{
	static void *pages[ARENA_PFNS];
	unsigned long n = 0, failed = page_alloc_stats.failed;
	struct page *p;

	log_clear();
	while ((p = alloc_pages(__GFP_NOWARN, 0)) != NULL)
		pages[n++] = p;
	is_int(n, expect_free, "order-0 allocations until NULL: exactly the free pages");
	is_int(nr_free_pages(), 0, "nothing left");
	is_int(page_alloc_stats.failed, failed + 1, "the failure is counted");
	ok(!log_has("page allocation failure"), "__GFP_NOWARN: no message");
	ok(alloc_pages(GFP_KERNEL, 3) == NULL, "order 3 fails too");
	ok(log_has("page allocation failure: order:3"), "failure message names the order");
	is_int(page_alloc_stats.failed, failed + 2, "counted");
	is_int(get_zeroed_page(__GFP_NOWARN), 0, "get_zeroed_page returns 0 when out of memory");

	shuffle(pages, n);
	while (n)
		__free_page((struct page *)pages[--n]);
	is_int(nr_free_pages(), expect_free, "everything freed");
	ok(buddyinfo_is(initial_info), "buddyinfo back to the start");
}

static void test_bad_order(void)
{
	struct page_alloc_stats st = page_alloc_stats;
	unsigned long w = warns;

	ok(alloc_pages(__GFP_NOWARN, MAX_ORDER) == NULL, "order MAX_ORDER with NOWARN: NULL");
	is_int(warns, w, "  and no WARN");
	ok(alloc_pages(GFP_KERNEL, MAX_ORDER) == NULL, "order MAX_ORDER: NULL");
	is_int(warns, w + 1, "  with a WARN");
	ok(alloc_pages(GFP_KERNEL, 40) == NULL, "order 40: NULL");
	is_int(warns, w + 1, "  WARN only once");
	is_int(__get_free_pages(GFP_KERNEL, MAX_ORDER), 0, "__get_free_pages bad order: 0");
	is_int(page_alloc_stats.bad_order, st.bad_order + 4, "bad_order counted 4 times");
	is_int(page_alloc_stats.failed, st.failed + 4, "failed counted 4 times");
	is_int(nr_free_pages(), expect_free, "free count unchanged");
	ok(buddyinfo_is(initial_info), "buddyinfo unchanged");
}

static void test_bad_free(void)
{
	unsigned long info[MAX_ORDER], w, bad, nfree;
	struct page *p, *q;
	unsigned long addr;
	int on_stack;

	p = alloc_page(GFP_KERNEL);
	q = alloc_pages(GFP_KERNEL, 2);
	__free_page(p);
	page_alloc_buddyinfo(info);
	nfree = nr_free_pages();
	w = warns;
	bad = page_alloc_stats.bad_free;

	__free_page(p);
	is_int(page_alloc_stats.bad_free, bad + 1, "double free refused and counted");
	is_int(warns, w + 1, "  with a WARN");
	__free_pages(q + 1, 0);
	is_int(page_alloc_stats.bad_free, bad + 2, "free of a tail page refused");
	__free_pages(q, 1);
	is_int(page_alloc_stats.bad_free, bad + 3, "free with the wrong order refused");
	__free_pages(q, MAX_ORDER);
	is_int(page_alloc_stats.bad_free, bad + 4, "free with an impossible order refused");
	__free_pages(pfn_to_page(0x1000), 0);
	__free_pages(pfn_to_page(0), 0);
	__free_pages(pfn_to_page(0x2050), 0);
	is_int(page_alloc_stats.bad_free, bad + 7, "frees of kernel, page 0 and hole refused");
	__free_pages(mem_map + max_pfn, 0);
	__free_pages((struct page *)((char *)mem_map + 1), 0);
	__free_pages(NULL, 0);
	is_int(page_alloc_stats.bad_free, bad + 10, "pointers outside mem_map refused");
	__free_pages(pfn_to_page(page_to_pfn(q) + 4), 0);
	is_int(page_alloc_stats.bad_free, bad + 11, "free of a page inside a free block refused");

	addr = (unsigned long)page_address(q);
	free_pages(addr + 8, 2);
	free_pages((unsigned long)&on_stack, 0);
	is_int(page_alloc_stats.bad_free, bad + 13, "free_pages of unaligned / foreign address refused");
	free_pages(0, 0);
	is_int(page_alloc_stats.bad_free, bad + 13, "free_pages(0) is a no-op");
	is_int(warns, w + 13, "one WARN per bad free");

	ok(buddyinfo_is(info), "free lists untouched by the bad frees");
	is_int(nr_free_pages(), nfree, "free count untouched");
	ok(q->flags == PG_head && q->order == 2, "the live block is still allocated");
	free_pages(addr, 2);
	is_int(nr_free_pages(), expect_free, "the real free works afterwards");
	ok(buddyinfo_is(initial_info), "and everything coalesces");
	is_int(host_irq_flags, 0x200, "interrupts enabled again");
}

static void test_zero(void)
{
	struct page *p;
	unsigned long addr, i, nonzero = 0;
	unsigned char *b;

	p = alloc_pages(GFP_KERNEL, 3);
	__builtin_memset(page_address(p), 0xff, PAGE_SIZE << 3);
	__free_pages(p, 3);
	p = alloc_pages(__GFP_ZERO, 3);
	ok(p != NULL, "__GFP_ZERO order 3");
	b = page_address(p);
	for (i = 0; i < (PAGE_SIZE << 3); i++)
		nonzero += b[i] != 0;
	is_int(nonzero, 0, "  every byte is zero (block was dirtied before)");
	__builtin_memset(b, 0xee, PAGE_SIZE << 3);
	__free_pages(p, 3);

	addr = get_zeroed_page(GFP_KERNEL);
	ok(addr != 0, "get_zeroed_page");
	b = (unsigned char *)addr;
	for (i = 0, nonzero = 0; i < PAGE_SIZE; i++)
		nonzero += b[i] != 0;
	is_int(nonzero, 0, "  is zero");
	ok(virt_to_page(addr)->flags == PG_head, "  and its page is an allocated head");
	free_page(addr);

	addr = __get_free_pages(GFP_KERNEL, 4);
	ok(addr && (__pa(addr) & ((PAGE_SIZE << 4) - 1)) == 0,
	   "__get_free_pages order 4 is 64 KiB aligned");
	free_pages(addr, 4);
	is_int(nr_free_pages(), expect_free, "balanced");
	ok(buddyinfo_is(initial_info), "and coalesced");
}

static void small_pool(unsigned long pfns)
{
	memblock.memory.cnt = 0;
	memblock.reserved.cnt = 0;
	memblock.released = false;
	memblock_add(0, 0x200000);
	__init_page_alloc(pfns);
}

static void test_free_pfn_range(void)
{
	static const unsigned long want1[MAX_ORDER] = { 2, 0, 2, 1, 1 };
	static const unsigned long want2[MAX_ORDER] = { 1, 0, 1, 1, 1, 1 };
	static const unsigned long want3[MAX_ORDER] = { 0, 0, 0, 0, 0, 0, 1 };
	unsigned long w;
	struct page *p;

	small_pool(512);
	is_int(nr_free_pages(), 0, "fresh mem_map: nothing free");
	ok(mem_map[3].flags == PG_reserved && mem_map[511].flags == PG_reserved,
	   "fresh mem_map: all reserved");

	free_pfn_range(3, 37);
	is_int(nr_free_pages(), 34, "free [3,37): 34 pages");
	ok(buddyinfo_is(want1), "  as 3 | 4-7 | 8-15 | 16-31 | 32-35 | 36");
	free_pfn_range(37, 64);
	ok(buddyinfo_is(want2), "free [37,64) merges with its neighbours");
	free_pfn_range(0, 3);
	ok(buddyinfo_is(want3), "free [0,3): one 64-page block");
	is_int(page_alloc_stats.total_pages, 64, "total_pages 64");

	w = warns;
	free_pfn_range(10, 20);
	is_int(warns, w + 1, "freeing free frames WARNs");
	ok(buddyinfo_is(want3), "  and changes nothing");
	is_int(nr_free_pages(), 64, "  free count unchanged");

	free_pfn_range(120, 121);
	free_pfn_range(100, 140);
	is_int(warns, w + 2, "a range with one free frame inside WARNs");
	is_int(nr_free_pages(), 64 + 40, "  and frees the other 39");
	is_int(buddyinfo_pages(), 64 + 40, "  buddyinfo agrees");

	free_pfn_range(500, 600);
	is_int(warns, w + 3, "a range beyond max_pfn WARNs");
	is_int(nr_free_pages(), 64 + 40 + 12, "  and is clipped to max_pfn");

	p = alloc_pages(GFP_KERNEL, 6);
	ok(p && page_to_pfn(p) == 0, "the 64-page block is at pfn 0");
	ok(alloc_pages(__GFP_NOWARN, 6) == NULL, "no second 64-page block");
	__free_pages(p, 6);
	ok(buddyinfo_pages() == 116 && mem_map[0].flags == PG_buddy && mem_map[0].order == 6,
	   "freed block is a PG_buddy head of order 6 again");

	/* A pool whose size is not a power of two: no buddy beyond max_pfn. */
	small_pool(100);
	free_pfn_range(64, 100);
	p = alloc_pages(GFP_KERNEL, 5);
	ok(p && page_to_pfn(p) == 64, "order 5 from [64,100)");
	__free_pages(p, 5);
	is_int(nr_free_pages(), 36, "36 free in a 100-page pool");
	is_int(host_irq_flags, 0x200, "interrupts enabled again");
}

int main(void)
{
	host_phys_base = aligned_alloc(1UL << 21, ARENA_SIZE);
	if (!host_phys_base) {
		printf("Bail out! no arena\n");
		return 1;
	}
	test_mem_init();
	test_random_alloc_free();
	test_exhaustion();
	test_bad_order();
	test_bad_free();
	test_zero();
	test_free_pfn_range();
	free(host_phys_base);
	return done_testing();
}
