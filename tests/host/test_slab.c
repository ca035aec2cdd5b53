/* SPDX-License-Identifier: MIT */
/*
 * Host tests for mm/slab.c on top of the real page allocator and memblock:
 * kmalloc size classes and alignment, no overlap between live objects,
 * empty slabs going back to the page allocator (all but one per cache),
 * kzalloc/kcalloc zeroing and overflow, size 0 and too-large requests,
 * every kind of bad kfree (refused, counted, nothing changed), exhaustion,
 * and kmem_cache_create() with alignment, constructors and multi-page slabs.
 */
#include <linux/kernel.h>
#include <linux/string.h>
#include <linux/memblock.h>
#include <linux/mm.h>
#include <linux/gfp.h>
#include <linux/slab.h>
#include <linux/bug.h>
#include "tap.h"
#include "mm_host.h"

#define ARENA_SIZE (64UL << 20)

/* host_phys_base, WARN counting (warns), printk into logbuf, panic: mm_host.c */

/* ---- helpers ---- */

/* rnd() and shuffle(): mm_host.c */

static bool all_bytes(const void *p, int c, size_t n)
{
	const unsigned char *b = p;
	size_t i;

	for (i = 0; i < n; i++)
		if (b[i] != (unsigned char)c)
			return false;
	return true;
}

static size_t expected_class(size_t size)
{
	static const size_t cls[] = { 8, 16, 32, 64, 96, 128, 192, 256, 512, 1024, 2048 };
	size_t i, pages = 1;

	for (i = 0; i < ARRAY_SIZE(cls); i++)
		if (size <= cls[i])
			return cls[i];
	while (pages * PAGE_SIZE < size)
		pages *= 2;
	return pages * PAGE_SIZE;
}

#define NCLASSES 11
static unsigned long base_free;   /* free pages with one empty slab per kmalloc cache */

/* ---- tests ---- */

static void test_classes(void)
{
	static const size_t sizes[] = { 1, 8, 9, 16, 17, 33, 64, 65, 96, 97, 128, 129,
					192, 193, 256, 257, 512, 513, 1024, 1025, 2048,
					2049, 4096, 4097, 5000, 65536, 100000 };
	unsigned long bad_size = 0, bad_align = 0, bad_flags = 0, i;
	unsigned long f0 = nr_free_pages();
	void *p, *q;

	for (i = 0; i < ARRAY_SIZE(sizes); i++) {
		size_t want = expected_class(sizes[i]);
		unsigned long align = want <= PAGE_SIZE && !(want & (want - 1)) ? want :
				      want > PAGE_SIZE ? PAGE_SIZE : 32;

		p = kmalloc(sizes[i], GFP_KERNEL);
		if (!p || ksize(p) != want) {
			printf("#   kmalloc(%zu): ksize %zu, want %zu\n", sizes[i],
			       p ? ksize(p) : 0, want);
			bad_size++;
		}
		if (p && ((unsigned long)__pa(p) & (align - 1)))
			bad_align++;
		if (p && want <= 2048 && !(virt_to_page(p)->flags & PG_slab))
			bad_flags++;
		if (p && want > 2048 && virt_to_page(p)->flags != (PG_head | PG_large_kmalloc))
			bad_flags++;
		if (p)
			__builtin_memset(p, 0x77, want);
		kfree(p);
	}
	is_int(bad_size, 0, "kmalloc size classes (ksize)");
	is_int(bad_align, 0, "alignment: 8, natural for powers of two, page for large");
	is_int(bad_flags, 0, "slab objects in PG_slab pages, large ones PG_large_kmalloc heads");
	is_int(nr_free_pages(), f0 - NCLASSES, "all freed: one empty slab kept per kmalloc cache");
	base_free = nr_free_pages();

	p = kmalloc(40, GFP_KERNEL);
	q = kmalloc(60, GFP_KERNEL);
	ok(virt_to_page(p)->slab_cache == virt_to_page(q)->slab_cache,
	   "40 and 60 bytes share kmalloc-64");
	ok(virt_to_page(p)->inuse == 2, "  and one slab with inuse 2");
	kfree(p);
	kfree(q);
	is_int(warns, 0, "no warnings");
}

#define NOBJ 3000

static void test_random(void)
{
	static void *obj[NOBJ];
	static size_t len[NOBJ];
	struct kmalloc_stats st = kmalloc_stats;
	unsigned long i, corrupt = 0, misaligned = 0;

	for (i = 0; i < NOBJ; i++) {
		len[i] = 1 + rnd(i % 10 ? 300 : 9000);
		obj[i] = kmalloc(len[i], GFP_KERNEL);
		if (!obj[i])
			break;
		misaligned += ((unsigned long)obj[i] & 7) != 0;
		__builtin_memset(obj[i], (int)(i * 7 + 1) & 0xff, len[i]);
	}
	is_int(i, NOBJ, "%d random kmallocs succeed", NOBJ);
	is_int(misaligned, 0, "all 8-byte aligned");
	for (i = 0; i < NOBJ; i++)
		corrupt += !all_bytes(obj[i], (int)(i * 7 + 1) & 0xff, len[i]);
	is_int(corrupt, 0, "no two live objects overlap (patterns intact)");
	is_int(kmalloc_stats.alloc_calls, st.alloc_calls + NOBJ, "alloc_calls counted");

	/* Free half in random order, allocate again, free the rest. */
	shuffle(obj, NOBJ);
	for (i = 0; i < NOBJ / 2; i++)
		kfree(obj[i]);
	for (i = 0; i < NOBJ / 2; i++)
		obj[i] = kmalloc(1 + rnd(2048), GFP_KERNEL);
	shuffle(obj, NOBJ);
	for (i = 0; i < NOBJ; i++)
		kfree(obj[i]);
	is_int(kmalloc_stats.free_calls, st.free_calls + NOBJ + NOBJ / 2, "free_calls counted");
	is_int(kmalloc_stats.bad_free, 0, "no bad frees");
	is_int(nr_free_pages(), base_free, "every page back except one empty slab per cache");
}

static void test_zeroing(void)
{
	struct kmalloc_stats st = kmalloc_stats;
	unsigned long w = warns;
	void *p;

	p = kmalloc(128, GFP_KERNEL);
	__builtin_memset(p, 0xff, 128);
	kfree(p);
	p = kzalloc(128, GFP_KERNEL);
	ok(p && all_bytes(p, 0, 128), "kzalloc zeroes (object was dirty)");
	kfree(p);
	p = kmalloc(3 * PAGE_SIZE, GFP_KERNEL);
	__builtin_memset(p, 0xff, 4 * PAGE_SIZE);
	kfree(p);
	p = kzalloc(3 * PAGE_SIZE, GFP_KERNEL);
	ok(p && all_bytes(p, 0, 4 * PAGE_SIZE), "large kzalloc zeroes");
	kfree(p);

	p = kcalloc(10, 12, GFP_KERNEL);
	ok(p && ksize(p) == 128 && all_bytes(p, 0, 120), "kcalloc(10, 12): zeroed 128-byte object");
	kfree(p);
	ok(kcalloc((size_t)-1 / 2, 4, __GFP_NOWARN) == NULL, "kcalloc overflow: NULL");
	is_int(warns, w, "  no WARN with __GFP_NOWARN");
	ok(kcalloc(4, (size_t)-1 / 3, GFP_KERNEL) == NULL, "kcalloc overflow again: NULL");
	is_int(warns, w + 1, "  WARN without it");
	is_int(kmalloc_stats.too_large, st.too_large + 2, "  counted as too large");
	is_int(kmalloc_stats.failed, st.failed + 2, "  counted as failed");

	ok(kmalloc(0, GFP_KERNEL) == NULL, "kmalloc(0): NULL");
	is_int(kmalloc_stats.zero_size, st.zero_size + 1, "  zero_size counted");
	is_int(kmalloc_stats.failed, st.failed + 3, "  failed counted");

	ok(kmalloc((4UL << 20) + 1, __GFP_NOWARN) == NULL, "kmalloc(4 MiB + 1): NULL");
	ok(kmalloc((size_t)-1, __GFP_NOWARN) == NULL, "kmalloc(SIZE_MAX): NULL");
	is_int(kmalloc_stats.too_large, st.too_large + 4, "  too_large counted");
	is_int(kmalloc_stats.failed, st.failed + 5, "  failed counted");
	p = kmalloc(4UL << 20, GFP_KERNEL);
	ok(p && ksize(p) == (4UL << 20) && !(__pa(p) & ((4UL << 20) - 1)),
	   "kmalloc(4 MiB) works and is 4 MiB aligned");
	kfree(p);
	kfree(NULL);
	is_int(kmalloc_stats.bad_free, st.bad_free, "kfree(NULL) is a no-op");
	is_int(nr_free_pages(), base_free, "balanced");
}

static void test_bad_free(void)
{
	struct kmalloc_stats st = kmalloc_stats;
	unsigned long w = warns, nfree;
	char *p, *a, *b, *big, *keep, *p96;
	unsigned int inuse;
	struct page *pg;
	int on_stack;

	p = kmalloc(32, GFP_KERNEL);
	big = kmalloc(3 * PAGE_SIZE, GFP_KERNEL);
	pg = alloc_page(GFP_KERNEL);
	nfree = nr_free_pages();

	kfree(p + 1);
	is_int(kmalloc_stats.bad_free, st.bad_free + 1, "interior pointer refused");
	kfree(host_phys_base + 0x1000000);
	kfree(&on_stack);
	kfree(page_address(pg));
	kfree(big + PAGE_SIZE);
	kfree(big + 8);
	is_int(kmalloc_stats.bad_free, st.bad_free + 6,
	       "reserved page, stack, alloc_pages page, large tail/interior refused");
	ok(pg->flags == PG_head, "the alloc_pages page is still allocated");
	ok(virt_to_page(big)->flags == (PG_head | PG_large_kmalloc), "the large block is untouched");
	is_int(nr_free_pages(), nfree, "no pages freed by bad frees");

	keep = kmalloc(32, GFP_KERNEL);     /* the slab must not become empty */
	kfree(p);
	kfree(p);
	is_int(kmalloc_stats.bad_free, st.bad_free + 7, "double free refused");
	a = kmalloc(32, GFP_KERNEL);
	b = kmalloc(32, GFP_KERNEL);
	ok(a && b && a != b && a != keep && b != keep, "freelist intact after the double free");
	kfree(a);
	kfree(b);
	kfree(keep);

	/* kmalloc-96 fits 42 objects in a page; the 64 bytes after them are not one. */
	p96 = kmalloc(96, GFP_KERNEL);
	inuse = virt_to_page(p96)->inuse;
	kfree((char *)((unsigned long)p96 & PAGE_MASK) + 42 * 96);
	is_int(kmalloc_stats.bad_free, st.bad_free + 8, "aligned pointer past the last object refused");
	is_int(virt_to_page(p96)->inuse, inuse, "  inuse unchanged");
	kfree(p96);

	kfree(big);
	kfree(big);
	is_int(kmalloc_stats.bad_free, st.bad_free + 9, "double free of a large block refused");
	is_int(ksize(a + 4), 0, "ksize of an interior pointer: 0");
	is_int(warns, w + 10, "one WARN per bad free, and for ksize");
	__free_page(pg);
	is_int(nr_free_pages(), base_free, "balanced");
	is_int(host_irq_flags, 0x200, "interrupts enabled again");
}

static void test_exhaustion(void)
{
	static void *obj[2 * (ARENA_SIZE >> PAGE_SHIFT) + 600];
	struct kmalloc_stats st = kmalloc_stats;
	unsigned long f = nr_free_pages(), n = 0, n16 = 0;
	void *p;

	while ((p = kmalloc(2048, __GFP_NOWARN)) != NULL)
		obj[n++] = p;
	is_int(n, 2 * f + 2, "kmalloc-2k until NULL: 2 per free page + the kept slab");
	is_int(nr_free_pages(), 0, "page allocator empty");
	is_int(kmalloc_stats.failed, st.failed + 1, "the failure is counted");
	while ((p = kmalloc(16, __GFP_NOWARN)) != NULL)
		obj[n + n16++] = p;
	is_int(n16, PAGE_SIZE / 16, "kmalloc-16 still has its kept empty slab");
	ok(kmalloc(5000, __GFP_NOWARN) == NULL, "large kmalloc fails");
	is_int(kmalloc_stats.failed, st.failed + 3, "counted");

	n += n16;
	shuffle(obj, n);
	while (n)
		kfree(obj[--n]);
	is_int(nr_free_pages(), f, "all freed: back to the same free count");
	is_int(kmalloc_stats.bad_free, st.bad_free, "no bad frees");
}

static int ctor_calls;

static void ctor_200(void *obj)
{
	ctor_calls++;
	__builtin_memset(obj, 0x5a, 200);
}

static void ctor_200_small(void *obj)
{
	__builtin_memset(obj, 0x11, 64);
}

static void test_caches(void)
{
	struct kmem_cache *c, *big;
	void *o[16], *objs[11], *extra;
	unsigned long f, i, misaligned = 0, w;
	char *x;

	c = kmem_cache_create("test-200", 200, 64, 0, ctor_200);
	ok(c != NULL, "kmem_cache_create with align 64 and a ctor");
	f = nr_free_pages();
	for (i = 0; i < 16; i++) {
		o[i] = kmem_cache_alloc(c, GFP_KERNEL);
		misaligned += ((unsigned long)o[i] & 63) != 0;
	}
	is_int(misaligned, 0, "objects 64-byte aligned");
	is_int(ctor_calls, 16, "ctor ran once per object of the first slab");
	is_int(nr_free_pages(), f - 1, "16 objects of stride 256 fill one page");
	ok(all_bytes(o[3], 0x5a, 200), "object is constructed");
	kmem_cache_free(c, o[3]);
	x = kmem_cache_alloc(c, GFP_KERNEL);
	ok(x == o[3], "the freed object comes back first");
	ok(all_bytes(x, 0x5a, 200), "free pointer kept out of a constructed object");
	is_int(ctor_calls, 16, "no ctor on reuse");
	extra = kmem_cache_alloc(c, GFP_KERNEL);
	is_int(ctor_calls, 32, "a second slab runs the ctor for its objects");

	w = warns;
	x = kmalloc(32, GFP_KERNEL);
	kmem_cache_free(c, x);
	is_int(warns, w + 1, "kmem_cache_free into the wrong cache refused");
	kfree(x);
	for (i = 0; i < 16; i++)
		kmem_cache_free(c, o[i]);
	kfree(extra);   /* kfree() works on any cache's objects */
	is_int(nr_free_pages(), f - 1, "all freed: one empty slab kept, one returned");

	/* 3000-byte objects: order-2 slabs of 5 objects. */
	big = kmem_cache_create("test-3000", 3000, 0, 0, NULL);
	f = nr_free_pages();
	for (i = 0; i < 11; i++)
		objs[i] = kmem_cache_alloc(big, __GFP_ZERO);
	is_int(nr_free_pages(), f - 12, "11 objects: three 4-page slabs");
	ok(all_bytes(objs[4], 0, 3000), "__GFP_ZERO on a cache object");
	ok(virt_to_page(objs[4])->flags == PG_slab, "object in a tail page of its slab");
	for (i = 0; i < 11; i++)
		kmem_cache_free(big, objs[i]);
	is_int(nr_free_pages(), f - 4, "freed: one slab kept, two returned");
	is_int(warns, w + 1, "no further warnings");

	/* With a ctor the stride grows by a pointer; alignment must hold. */
	c = kmem_cache_create("test-64", 64, 0, 0, ctor_200_small);
	for (i = 0, misaligned = 0; i < 16; i++) {
		o[i] = kmem_cache_alloc(c, GFP_KERNEL);
		misaligned += ((unsigned long)o[i] & 63) != 0;
	}
	is_int(misaligned, 0, "64-byte objects with a ctor stay 64-byte aligned");
	for (i = 0; i < 16; i++)
		kmem_cache_free(c, o[i]);

	w = warns;
	ok(kmem_cache_create("bad", 0, 0, 0, NULL) == NULL, "size 0 refused");
	ok(kmem_cache_create("bad", 64, 24, 0, NULL) == NULL, "align 24 refused");
	ok(kmem_cache_create("bad", 64 << 10, 0, 0, NULL) == NULL, "64 KiB objects refused");
	is_int(warns, w + 3, "  each with a WARN");
}

int main(void)
{
	host_phys_base = aligned_alloc(1UL << 22, ARENA_SIZE);
	if (!host_phys_base) {
		printf("Bail out! no arena\n");
		return 1;
	}
	memblock_add(0x0, 0x9f000);
	memblock_add(0x100000, ARENA_SIZE - 0x100000);
	memblock_reserve(0x1000000, 0x200000);
	mem_init();

	test_classes();
	test_random();
	test_zeroing();
	test_bad_free();
	test_exhaustion();
	test_caches();
	free(host_phys_base);
	return done_testing();
}
