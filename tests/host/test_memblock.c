/* SPDX-License-Identifier: MIT */
/*
 * Host tests for mm/memblock.c: region merging and ordering, overflow of
 * the region arrays, bottom-up allocation with ranges, alignment and the
 * current limit, zeroing, the dump format and the hand-over of free pages.
 *
 * "Physical memory" is a 64 MiB host arena at host_phys_base.
 */
#include <linux/kernel.h>
#include <linux/errno.h>
#include <linux/string.h>
#include <linux/memblock.h>
#include <linux/mm.h>
#include <linux/bug.h>
#include "tap.h"
#include "mm_host.h"

#define ARENA_SIZE (64UL << 20)

/* host_phys_base, WARN counting (warns), printk into logbuf, panic: mm_host.c */

static bool log_has(const char *s)
{
	return __builtin_strstr(logbuf, s) != NULL;
}

/* free_pfn_range() belongs to the page allocator; record the calls. */
static struct { unsigned long start, end; } freed[64];
static unsigned int nfreed;

void free_pfn_range(unsigned long start_pfn, unsigned long end_pfn)
{
	if (nfreed < ARRAY_SIZE(freed)) {
		freed[nfreed].start = start_pfn;
		freed[nfreed].end = end_pfn;
	}
	nfreed++;
}

/* ---- helpers ---- */

static void reset(void)
{
	memblock.memory.cnt = 0;
	memblock.reserved.cnt = 0;
	memblock.current_limit = MEMBLOCK_ALLOC_ANYWHERE;
	memblock.released = false;
}

/* Does @type hold exactly the @n ranges in @want (base, size pairs)? */
static bool type_is(const struct memblock_type *type, unsigned long n,
		    const phys_addr_t *want)
{
	unsigned long i;

	if (type->cnt != n) {
		printf("#   cnt %lu, want %lu\n", type->cnt, n);
		return false;
	}
	for (i = 0; i < n; i++) {
		if (type->regions[i].base != want[2 * i] ||
		    type->regions[i].size != want[2 * i + 1]) {
			printf("#   [%lu] = 0x%llx+0x%llx, want 0x%llx+0x%llx\n", i,
			       (unsigned long long)type->regions[i].base,
			       (unsigned long long)type->regions[i].size,
			       (unsigned long long)want[2 * i],
			       (unsigned long long)want[2 * i + 1]);
			return false;
		}
	}
	return true;
}

#define TYPE_IS(type, ...) ({						\
	static const phys_addr_t __w[] = { __VA_ARGS__ };		\
	type_is(type, ARRAY_SIZE(__w) / 2, __w);			\
})

/* ---- tests ---- */

static void test_add_merge(void)
{
	reset();
	is_int(memblock_add(0x200000, 0x100000), 0, "add [2M,3M)");
	is_int(memblock_add(0x100000, 0x80000), 0, "add [1M,1.5M) before it");
	ok(TYPE_IS(&memblock.memory, 0x100000, 0x80000, 0x200000, 0x100000),
	   "regions sorted, not merged across a gap");
	is_int(memblock_add(0x180000, 0x80000), 0, "add the gap exactly");
	ok(TYPE_IS(&memblock.memory, 0x100000, 0x200000), "touching regions merge into one");

	is_int(memblock_add(0x500000, 0x100000), 0, "add [5M,6M)");
	is_int(memblock_add(0x400000, 0x180000), 0, "add [4M,5.5M) overlapping it");
	ok(TYPE_IS(&memblock.memory, 0x100000, 0x200000, 0x400000, 0x200000),
	   "overlapping add merges");

	is_int(memblock_add(0x10000, 0x1000), 0, "add low");
	is_int(memblock_add(0x800000, 0x1000), 0, "add high");
	is_int(memblock_add(0x0, 0x0), 0, "size 0 is a no-op");
	ok(TYPE_IS(&memblock.memory, 0x10000, 0x1000, 0x100000, 0x200000,
		   0x400000, 0x200000, 0x800000, 0x1000), "four sorted regions");

	is_int(memblock_add(0x180000, 0x600000), 0, "add spanning two regions and a gap");
	ok(TYPE_IS(&memblock.memory, 0x10000, 0x1000, 0x100000, 0x680000,
		   0x800000, 0x1000), "spanned regions collapse into one");
	is_int(memblock_add(0x120000, 0x10000), 0, "add fully inside");
	ok(TYPE_IS(&memblock.memory, 0x10000, 0x1000, 0x100000, 0x680000,
		   0x800000, 0x1000), "contained add changes nothing");

	is_int(memblock_reserve(0x3000, 0x1000), 0, "reserve");
	is_int(memblock_reserve(0x2800, 0x1000), 0, "reserve overlapping");
	is_int(memblock_reserve(0x4000, 0x10), 0, "reserve touching");
	ok(TYPE_IS(&memblock.reserved, 0x2800, 0x1810), "reservations merge too");

	is_int(memblock_add(~0ULL - 0xfff, 0x10000), 0, "add wrapping past the top");
	ok(memblock.memory.regions[memblock.memory.cnt - 1].base +
	   memblock.memory.regions[memblock.memory.cnt - 1].size == ~0ULL,
	   "size capped at the top of the address space");
	is_int(warns, 0, "no warnings so far");
}

static void test_overflow(void)
{
	struct memblock_region snap[INIT_MEMBLOCK_REGIONS];
	unsigned long i, w;
	int errs = 0;

	reset();
	for (i = 0; i < INIT_MEMBLOCK_REGIONS; i++)
		errs += memblock_add(i * 0x2000, 0x1000) != 0;
	is_int(errs, 0, "128 disjoint regions fit");
	is_int(memblock.memory.cnt, INIT_MEMBLOCK_REGIONS, "array full");
	__builtin_memcpy(snap, memblock.memory.regions, sizeof(snap));

	w = warns;
	is_int(memblock_add(0x1000000, 0x1000), -ENOMEM, "129th region: -ENOMEM");
	is_int(warns, w + 1, "  with a WARN");
	is_int(memblock.memory.cnt, INIT_MEMBLOCK_REGIONS, "  count unchanged");
	ok(!__builtin_memcmp(snap, memblock.memory.regions, sizeof(snap)), "  regions unchanged");

	is_int(memblock_add(0x1000, 0x800), 0, "extending a region needs no slot");
	is_int(memblock.memory.cnt, INIT_MEMBLOCK_REGIONS, "  still full");
	is_int(memblock_add(0x1000, 0x1000), 0, "bridging two regions frees a slot");
	is_int(memblock.memory.cnt, INIT_MEMBLOCK_REGIONS - 1, "  one fewer region");
	is_int(memblock.memory.regions[0].size, 0x3000, "  merged [0,0x3000)");

	for (i = 0; i < INIT_MEMBLOCK_REGIONS; i++)
		memblock_reserve(i * 0x2000, 0x1000);
	__builtin_memcpy(snap, memblock.reserved.regions, sizeof(snap));
	w = warns;
	is_int(memblock_reserve(0x1000000, 0x10), -ENOMEM, "reserve overflow: -ENOMEM");
	is_int(memblock_phys_free(0x2400, 0x100), -ENOMEM, "split while full: -ENOMEM");
	is_int(warns, w + 2, "  both WARN");
	ok(memblock.reserved.cnt == INIT_MEMBLOCK_REGIONS &&
	   !__builtin_memcmp(snap, memblock.reserved.regions, sizeof(snap)),
	   "  reserved unchanged");
	is_int(memblock_phys_free(0x2000, 0x800), 0, "trimming a head needs no slot");
	is_int(memblock.reserved.regions[1].base, 0x2800, "  trimmed");
}

static void test_phys_free_exact(void)
{
	reset();
	memblock_reserve(0x10000, 0x10000);
	memblock_reserve(0x30000, 0x4000);
	is_int(memblock_phys_free(0x12000, 0x20000), 0, "free [0x12000,0x32000)");
	ok(TYPE_IS(&memblock.reserved, 0x10000, 0x2000, 0x32000, 0x2000),
	   "  head of the first and tail of the second remain");
	is_int(memblock_phys_free(0x0, 0x100000), 0, "free everything");
	is_int(memblock.reserved.cnt, 0, "  nothing reserved");
	is_int(memblock_phys_free(0x0, 0x1000), 0, "freeing unreserved memory is harmless");
}

/* PC-like layout inside the 64 MiB arena. */
static void setup_layout(void)
{
	reset();
	memblock_add(0x100000, 0x1f00000);     /* [1M, 32M) */
	memblock_add(0x0, 0x9f000);            /* [0, 636K) */
	memblock_add(0x2100000, 0x1f00000);    /* [33M, 64M); hole at 32M */
	memblock_reserve(0x1000000, 0x200000); /* "kernel image" */
	memblock_reserve(0x100000, 0x1000);
	memblock_reserve(0x5000, 0x800);       /* half a page */
}

static void test_alloc(void)
{
	phys_addr_t a, b, c, d, e, f;
	unsigned long w;
	unsigned char *p;
	size_t i;
	bool zero = true;

	setup_layout();
	is_int(memblock_start_of_DRAM(), 0, "start of DRAM");
	is_int(memblock_end_of_DRAM(), 0x4000000, "end of DRAM");
	is_int(memblock_phys_mem_size(), 0x9f000 + 0x1f00000 + 0x1f00000, "RAM size");
	ok(memblock_is_memory(0x9efff) && !memblock_is_memory(0x9f000) &&
	   !memblock_is_memory(0x2000000) && memblock_is_memory(0x2100000),
	   "is_memory at region edges");
	ok(memblock_is_reserved(0x1000000) && memblock_is_reserved(0x11fffff) &&
	   !memblock_is_reserved(0x1200000) && !memblock_is_reserved(0xfff),
	   "is_reserved at region edges");

	a = memblock_phys_alloc(0x1000, 0x1000);
	is_int(a, 0x101000, "first allocation: lowest free page above 1 MiB");
	b = memblock_phys_alloc(0x10, 0x1000);
	is_int(b, 0x102000, "next one follows it");
	c = memblock_phys_alloc(0x100, 8);
	is_int(c, 0x102010, "small alignment packs behind the last");
	d = memblock_phys_alloc(0x1000, 0x200000);
	is_int(d, 0x200000, "2 MiB alignment honoured");
	e = memblock_phys_alloc(0xf00000, 0x1000);
	is_int(e, 0x2100000, "15 MiB skips the kernel image and the hole");
	ok(memblock_is_reserved(a) && memblock_is_reserved(e + 0xeffff),
	   "allocations are reserved");
	ok(TYPE_IS(&memblock.reserved, 0x5000, 0x800, 0x100000, 0x2110, 0x200000, 0x1000,
		   0x1000000, 0x200000, 0x2100000, 0xf00000),
	   "reserved list: merged and sorted");

	f = memblock_phys_alloc_range(0x1000, 0x1000, 0, 0x10000);
	is_int(f, 0x1000, "range from 0: page 0 is never returned");
	is_int(memblock_phys_alloc_range(0x1000, 0x1000, 0, 0x10000), 0x2000, "next low page");
	is_int(memblock_phys_alloc_range(0x1000, 0x1000, 0x4000, 0x10000), 0x4000, "start respected");
	is_int(memblock_phys_alloc_range(0x1000, 0x1000, 0x4000, 0x10000), 0x6000,
	       "the half-reserved page 0x5000 is skipped");
	is_int(memblock_phys_alloc_range(0x1000, 0x1000, 0x9e000, 0xa0000), 0x9e000,
	       "last page below the low hole");
	is_int(memblock_phys_alloc_range(0x1000, 0x1000, 0x9e000, 0xa0000), 0,
	       "nothing left in that range");
	is_int(memblock_phys_alloc_range(0x2000, 0x1000, 0x9d000, 0x9f000), 0,
	       "size larger than the free part fails");
	is_int(memblock_phys_alloc_range(0x1000, 0x1000, 0x9d000, 0x9e000), 0x9d000,
	       "exact fit at the end of the range");

	memblock_set_current_limit(0x1000000);
	is_int(memblock_phys_alloc(0xe00000, 0x1000), 0, "limit 16 MiB: 14 MiB does not fit");
	is_int(memblock_phys_alloc_range(0x1000, 0x1000, 0x1200000, MEMBLOCK_ALLOC_ANYWHERE), 0,
	       "end above the limit is clipped to it");
	memblock_set_current_limit(MEMBLOCK_ALLOC_ANYWHERE);
	is_int(memblock_phys_alloc(0xe00000, 0x1000), 0x1200000, "without the limit it does");

	is_int(memblock_phys_alloc(0, 8), 0, "size 0 fails");
	is_int(memblock_phys_alloc(0x4000000, 0x1000), 0, "larger than any free range fails");
	w = warns;
	is_int(memblock_phys_alloc(0x1000, 0x3000), 0, "non-power-of-two alignment fails");
	is_int(warns, w + 1, "  with a WARN");

	/* memblock_alloc zeroes exactly the requested bytes. */
	__builtin_memset(host_phys_base + 0x100000, 0xaa, 0x100000);
	p = memblock_alloc(300, 16);
	ok(p != NULL, "memblock_alloc succeeds");
	ok(p && (unsigned long)(p - host_phys_base) == 0x102110,
	   "memblock_alloc returns the direct-map address of the next free byte");
	for (i = 0; p && i < 300; i++)
		zero &= p[i] == 0;
	ok(zero, "memblock_alloc zeroes the allocation");
	ok(p && p[300] == 0xaa, "  and nothing beyond it");
	ok(memblock_alloc(0x4000000, 8) == NULL, "memblock_alloc failure is NULL");
}

static void test_dump(void)
{
	setup_layout();
	loglen = 0;
	logbuf[0] = 0;
	memblock_dump_all();
	ok(log_has("MEMBLOCK configuration:\n"), "dump header");
	ok(log_has(" memory size = 0x0000000003e9f000 reserved size = 0x0000000000201800\n"),
	   "dump totals");
	ok(log_has(" memory.cnt  = 0x3\n"), "dump memory count");
	ok(log_has(" memory[0x0]\t[0x0000000000000000-0x000000000009efff], 0x000000000009f000 bytes flags: 0x0\n"),
	   "dump first memory region");
	ok(log_has(" memory[0x2]\t[0x0000000002100000-0x0000000003ffffff], 0x0000000001f00000 bytes flags: 0x0\n"),
	   "dump last memory region");
	ok(log_has(" reserved.cnt  = 0x3\n"), "dump reserved count");
	ok(log_has(" reserved[0x0]\t[0x0000000000005000-0x00000000000057ff], 0x0000000000000800 bytes flags: 0x0\n"),
	   "dump reserved region");
}

static void test_free_all(void)
{
	static const unsigned long want[][2] = {
		{ 0x1, 0x5 }, { 0x6, 0x9f }, { 0x101, 0x1000 },
		{ 0x1200, 0x2000 }, { 0x2100, 0x4000 },
	};
	unsigned long n, expect = 0, i, w;
	bool same = true;

	setup_layout();
	nfreed = 0;
	n = memblock_free_all();
	is_int(nfreed, ARRAY_SIZE(want), "free_all: one call per free range");
	for (i = 0; i < ARRAY_SIZE(want); i++) {
		expect += want[i][1] - want[i][0];
		if (i < nfreed && (freed[i].start != want[i][0] || freed[i].end != want[i][1])) {
			printf("#   call %lu: [0x%lx,0x%lx)\n", i, freed[i].start, freed[i].end);
			same = false;
		}
	}
	ok(same, "free_all: whole free pages only, page 0 kept back");
	is_int(n, expect, "free_all returns the page count");

	w = warns;
	is_int(memblock_phys_alloc(0x1000, 0x1000), 0, "no memblock allocations after free_all");
	is_int(warns, w + 1, "  with a WARN");
}

int main(void)
{
	host_phys_base = aligned_alloc(1UL << 21, ARENA_SIZE);
	if (!host_phys_base) {
		printf("Bail out! no arena\n");
		return 1;
	}
	test_add_merge();
	test_overflow();
	test_phys_free_exact();
	test_alloc();
	test_dump();
	test_free_all();
	free(host_phys_base);
	return done_testing();
}
