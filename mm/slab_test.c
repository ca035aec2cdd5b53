/* SPDX-License-Identifier: MIT */
/*
 * KUnit suite "slab": kmalloc size classes and alignment, zeroing, bad
 * frees and large allocations on the booted kernel. The bad-free cases
 * deliberately trigger kfree()'s WARN, so warning reports appear in the
 * log; that is expected.
 */
#include <kunit/test.h>
#include <linux/kernel.h>
#include <linux/string.h>
#include <linux/mm.h>
#include <linux/gfp.h>
#include <linux/slab.h>

static bool bytes_are(const void *p, int c, size_t n)
{
	const unsigned char *b = p;
	size_t i;

	for (i = 0; i < n; i++)
		if (b[i] != (unsigned char)c)
			return false;
	return true;
}

/* Each size gets at least what it asked for, suitably aligned. */
static void slab_test_sizes(struct kunit *test)
{
	static const size_t sizes[] = { 1, 8, 13, 16, 24, 32, 48, 64, 80, 96, 100,
					128, 150, 192, 200, 256, 300, 512, 1000,
					1024, 1500, 2048 };
	unsigned int i;

	for (i = 0; i < ARRAY_SIZE(sizes); i++) {
		size_t n = sizes[i];
		char *p = kmalloc(n, GFP_KERNEL);
		size_t got;

		KUNIT_ASSERT_NOT_NULL(test, p);
		got = ksize(p);
		KUNIT_EXPECT_GE(test, got, n);
		/* No size class wastes more than half of an object. */
		KUNIT_EXPECT_LE(test, got, n < 8 ? 8 : n * 2);
		KUNIT_EXPECT_EQ(test, (unsigned long)p & 7, 0);
		if (!(got & (got - 1)))
			KUNIT_EXPECT_EQ(test, (unsigned long)p & (got - 1), 0);
		KUNIT_EXPECT_TRUE(test, virt_to_page(p)->flags & PG_slab);
		memset(p, 0x3c, got);
		kfree(p);
	}
	KUNIT_EXPECT_EQ(test, ksize(NULL), 0);
}

/* Live objects of one class never overlap. */
static void slab_test_distinct(struct kunit *test)
{
	char *p[32];
	unsigned int i, bad = 0;

	for (i = 0; i < ARRAY_SIZE(p); i++) {
		p[i] = kmalloc(64, GFP_KERNEL);
		KUNIT_ASSERT_NOT_NULL(test, p[i]);
		memset(p[i], (int)i, 64);
	}
	for (i = 0; i < ARRAY_SIZE(p); i++)
		bad += !bytes_are(p[i], (int)i, 64);
	KUNIT_EXPECT_EQ(test, bad, 0);
	for (i = 0; i < ARRAY_SIZE(p); i++)
		kfree(p[i]);
}

static void slab_test_zeroing(struct kunit *test)
{
	unsigned long too_large = kmalloc_stats.too_large;
	unsigned long zero = kmalloc_stats.zero_size;
	char *p;

	p = kmalloc(200, GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, p);
	memset(p, 0xff, 200);
	kfree(p);
	p = kzalloc(200, GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, p);
	KUNIT_EXPECT_TRUE(test, bytes_are(p, 0, 200));
	kfree(p);

	p = kcalloc(7, 9, GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, p);
	KUNIT_EXPECT_TRUE(test, bytes_are(p, 0, 63));
	kfree(p);

	KUNIT_EXPECT_NULL(test, kcalloc(~(size_t)0 / 8, 16, __GFP_NOWARN));
	KUNIT_EXPECT_EQ(test, kmalloc_stats.too_large, too_large + 1);
	KUNIT_EXPECT_NULL(test, kmalloc(0, GFP_KERNEL));
	KUNIT_EXPECT_EQ(test, kmalloc_stats.zero_size, zero + 1);
}

/* Interior pointers, foreign memory and double frees are refused. */
static void slab_test_bad_free(struct kunit *test)
{
	unsigned long bad = kmalloc_stats.bad_free;
	char *p, *keep, *a, *b;
	int on_stack;

	p = kmalloc(64, GFP_KERNEL);
	keep = kmalloc(64, GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, p);
	KUNIT_ASSERT_NOT_NULL(test, keep);

	kfree(p + 8);
	KUNIT_EXPECT_EQ(test, kmalloc_stats.bad_free, bad + 1);
	kfree(&on_stack);
	KUNIT_EXPECT_EQ(test, kmalloc_stats.bad_free, bad + 2);
	kfree(p);
	KUNIT_EXPECT_EQ(test, kmalloc_stats.bad_free, bad + 2);
	kfree(p);
	KUNIT_EXPECT_EQ(test, kmalloc_stats.bad_free, bad + 3);

	/* Had the double free gone through, p would come back twice. */
	a = kmalloc(64, GFP_KERNEL);
	b = kmalloc(64, GFP_KERNEL);
	KUNIT_EXPECT_NOT_NULL(test, a);
	KUNIT_EXPECT_NOT_NULL(test, b);
	KUNIT_EXPECT_NE(test, (unsigned long)a, (unsigned long)b);
	kfree(a);
	kfree(b);
	kfree(keep);
	kfree(NULL);
	KUNIT_EXPECT_EQ(test, kmalloc_stats.bad_free, bad + 3);
}

/* Requests above 2 KiB take whole pages; above 4 MiB they fail. */
static void slab_test_large(struct kunit *test)
{
	unsigned long too_large = kmalloc_stats.too_large;
	unsigned long bad = kmalloc_stats.bad_free;
	char *p;

	p = kmalloc(3000, GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, p);
	KUNIT_EXPECT_EQ(test, ksize(p), PAGE_SIZE);
	KUNIT_EXPECT_EQ(test, (unsigned long)p & ~PAGE_MASK, 0);
	kfree(p);

	p = kmalloc(64 << 10, GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, p);
	KUNIT_EXPECT_EQ(test, ksize(p), 64 << 10);
	KUNIT_EXPECT_EQ(test, __pa(p) & ((64 << 10) - 1), 0);
	memset(p, 0x77, 64 << 10);
	KUNIT_EXPECT_TRUE(test, bytes_are(p + 60000, 0x77, 4000));
	kfree(p + PAGE_SIZE);                  /* a tail page: refused */
	KUNIT_EXPECT_EQ(test, kmalloc_stats.bad_free, bad + 1);
	kfree(p);
	kfree(p);                              /* double free: refused */
	KUNIT_EXPECT_EQ(test, kmalloc_stats.bad_free, bad + 2);

	KUNIT_EXPECT_NULL(test, kmalloc(8 << 20, __GFP_NOWARN));
	KUNIT_EXPECT_EQ(test, kmalloc_stats.too_large, too_large + 1);
}

static void slab_test_cache(struct kunit *test)
{
	/* Caches cannot be destroyed, so this one lives on after the test. */
	static struct kmem_cache *cache;
	void *a, *b;

	if (!cache)
		cache = kmem_cache_create("kunit-slab-40", 40, 32, 0, NULL);
	KUNIT_ASSERT_NOT_NULL(test, cache);
	a = kmem_cache_alloc(cache, __GFP_ZERO);
	b = kmem_cache_alloc(cache, GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, a);
	KUNIT_ASSERT_NOT_NULL(test, b);
	KUNIT_EXPECT_EQ(test, (unsigned long)a & 31, 0);
	KUNIT_EXPECT_EQ(test, (unsigned long)b & 31, 0);
	KUNIT_EXPECT_TRUE(test, bytes_are(a, 0, 40));
	KUNIT_EXPECT_EQ(test, ksize(a), 40);
	kmem_cache_free(cache, a);
	kmem_cache_free(cache, b);
}

static struct kunit_case slab_test_cases[] = {
	KUNIT_CASE(slab_test_sizes),
	KUNIT_CASE(slab_test_distinct),
	KUNIT_CASE(slab_test_zeroing),
	KUNIT_CASE(slab_test_bad_free),
	KUNIT_CASE(slab_test_large),
	KUNIT_CASE(slab_test_cache),
	{}
};

static struct kunit_suite slab_test_suite = {
	.name = "slab",
	.test_cases = slab_test_cases,
};
kunit_test_suite(slab_test_suite);
