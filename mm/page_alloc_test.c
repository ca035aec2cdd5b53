/* SPDX-License-Identifier: MIT */
/*
 * KUnit suite "page_alloc": the buddy allocator on the real machine's
 * memory, after mem_init(). nr_free_pages() is machine-wide, and other
 * tasks allocate and free meanwhile (a kworker, a thread's stack freed when
 * it exits), so the counts are taken with the other CPUs parked in an IPI
 * and local interrupts off - stop_machine() in miniature.
 *
 * The bad-free cases deliberately trigger the allocator's WARN, so the log
 * shows warning reports with backtraces here; that is expected.
 */
#include <kunit/test.h>
#include <linux/kernel.h>
#include <linux/irqflags.h>
#include <linux/string.h>
#include <linux/mm.h>
#include <linux/gfp.h>
#include <linux/preempt.h>
#include <linux/smp.h>
#include <linux/cpumask.h>
#include <asm/processor.h>

#define TEST_MAX_ORDER 6

static unsigned int parked;
static bool unpark;

static void park_cpu(void *unused)
{
	__atomic_add_fetch(&parked, 1, __ATOMIC_SEQ_CST);
	while (!__atomic_load_n(&unpark, __ATOMIC_ACQUIRE))
		cpu_relax();
	__atomic_sub_fetch(&parked, 1, __ATOMIC_SEQ_CST);
}

/* Park every other online CPU, then turn local interrupts off. */
static void freeze_machine(unsigned long *flags)
{
	unsigned int others;

	preempt_disable();
	others = cpumask_weight(cpu_online_mask) - 1;
	WRITE_ONCE(unpark, false);
	if (others)
		smp_call_function(park_cpu, NULL, 0);
	while (__atomic_load_n(&parked, __ATOMIC_SEQ_CST) < others)
		cpu_relax();
	local_irq_save(*flags);
}

static void thaw_machine(unsigned long flags)
{
	local_irq_restore(flags);
	__atomic_store_n(&unpark, true, __ATOMIC_RELEASE);
	while (__atomic_load_n(&parked, __ATOMIC_SEQ_CST))
		cpu_relax();
	preempt_enable();
}

static bool block_is(const void *p, int c, size_t n)
{
	const unsigned char *b = p;
	size_t i;

	for (i = 0; i < n; i++)
		if (b[i] != (unsigned char)c)
			return false;
	return true;
}

/* Allocating orders 0..6 and freeing them returns nr_free_pages exactly. */
static void page_alloc_test_balanced(struct kunit *test)
{
	struct page *p[TEST_MAX_ORDER + 1];
	unsigned long before, flags, used = 0;
	unsigned int o;

	freeze_machine(&flags);
	before = nr_free_pages();
	for (o = 0; o <= TEST_MAX_ORDER; o++) {
		p[o] = alloc_pages(GFP_KERNEL, o);
		if (p[o])
			used += 1UL << o;
	}
	KUNIT_EXPECT_EQ(test, nr_free_pages(), before - used);
	for (o = 0; o <= TEST_MAX_ORDER; o++)
		if (p[o])
			__free_pages(p[o], o);
	KUNIT_EXPECT_EQ(test, nr_free_pages(), before);
	thaw_machine(flags);

	for (o = 0; o <= TEST_MAX_ORDER; o++)
		KUNIT_EXPECT_NOT_NULL(test, p[o]);
}

/* Every block starts at a pfn that is a multiple of its size. */
static void page_alloc_test_aligned(struct kunit *test)
{
	unsigned int o;

	for (o = 0; o < MAX_ORDER; o++) {
		struct page *p = alloc_pages(__GFP_NOWARN, o);

		if (!p) {
			/* The largest orders may be gone on a small machine. */
			KUNIT_EXPECT_GE(test, o, 9);
			continue;
		}
		KUNIT_EXPECT_EQ(test, page_to_pfn(p) & ((1UL << o) - 1), 0);
		KUNIT_EXPECT_EQ(test, p->flags, PG_head);
		KUNIT_EXPECT_EQ(test, p->order, o);
		__free_pages(p, o);
	}
}

/* __GFP_ZERO and get_zeroed_page() clear memory that was dirty. */
static void page_alloc_test_zero(struct kunit *test)
{
	struct page *p;
	unsigned long addr;

	p = alloc_pages(GFP_KERNEL, 2);
	KUNIT_ASSERT_NOT_NULL(test, p);
	memset(page_address(p), 0xa5, PAGE_SIZE << 2);
	__free_pages(p, 2);

	/* Free lists are LIFO, so this is very likely the same block. */
	p = alloc_pages(__GFP_ZERO, 2);
	KUNIT_ASSERT_NOT_NULL(test, p);
	KUNIT_EXPECT_TRUE(test, block_is(page_address(p), 0, PAGE_SIZE << 2));
	memset(page_address(p), 0x5a, PAGE_SIZE);
	__free_pages(p, 2);

	addr = get_zeroed_page(GFP_KERNEL);
	KUNIT_ASSERT_NE(test, addr, 0);
	KUNIT_EXPECT_TRUE(test, block_is((void *)addr, 0, PAGE_SIZE));
	free_page(addr);
}

/* An impossible order fails, is counted, and changes no free count. */
static void page_alloc_test_bad_order(struct kunit *test)
{
	unsigned long bad = page_alloc_stats.bad_order;
	unsigned long failed = page_alloc_stats.failed;
	unsigned long before, flags;

	freeze_machine(&flags);
	before = nr_free_pages();
	KUNIT_EXPECT_NULL(test, alloc_pages(__GFP_NOWARN, MAX_ORDER));
	KUNIT_EXPECT_NULL(test, alloc_pages(__GFP_NOWARN, MAX_ORDER + 5));
	KUNIT_EXPECT_EQ(test, __get_free_pages(__GFP_NOWARN, MAX_ORDER), 0);
	KUNIT_EXPECT_EQ(test, nr_free_pages(), before);
	thaw_machine(flags);
	KUNIT_EXPECT_EQ(test, page_alloc_stats.bad_order, bad + 3);
	KUNIT_EXPECT_GE(test, page_alloc_stats.failed, failed + 3);
}

/* Double frees, tail pages and wrong orders are refused and counted. */
static void page_alloc_test_bad_free(struct kunit *test)
{
	unsigned long bad = page_alloc_stats.bad_free;
	unsigned long before, flags;
	struct page *p, *q;

	q = alloc_pages(GFP_KERNEL, 1);
	KUNIT_ASSERT_NOT_NULL(test, q);

	freeze_machine(&flags);
	p = alloc_page(GFP_KERNEL);
	if (p) {
		__free_page(p);
		before = nr_free_pages();
		__free_page(p);                 /* double free */
		KUNIT_EXPECT_EQ(test, nr_free_pages(), before);
	}
	before = nr_free_pages();
	__free_pages(q + 1, 0);                 /* tail page */
	__free_pages(q, 0);                     /* wrong order */
	__free_pages(q, MAX_ORDER);             /* impossible order */
	KUNIT_EXPECT_EQ(test, nr_free_pages(), before);
	thaw_machine(flags);

	KUNIT_EXPECT_NOT_NULL(test, p);
	KUNIT_EXPECT_EQ(test, page_alloc_stats.bad_free, bad + 4);
	KUNIT_EXPECT_EQ(test, q->flags, PG_head);
	__free_pages(q, 1);
	KUNIT_EXPECT_EQ(test, page_alloc_stats.bad_free, bad + 4);
}

/* The per-order free block counts add up to nr_free_pages(). */
static void page_alloc_test_buddyinfo(struct kunit *test)
{
	unsigned long counts[MAX_ORDER], sum = 0, nr, flags;
	unsigned int o;

	freeze_machine(&flags);
	page_alloc_buddyinfo(counts);
	nr = nr_free_pages();
	thaw_machine(flags);
	for (o = 0; o < MAX_ORDER; o++)
		sum += counts[o] << o;
	KUNIT_EXPECT_EQ(test, sum, nr);
	KUNIT_EXPECT_GT(test, nr, 0);
	KUNIT_EXPECT_LE(test, nr, page_alloc_stats.total_pages);
	KUNIT_EXPECT_TRUE(test, pfn_valid(max_pfn - 1));
	KUNIT_EXPECT_FALSE(test, pfn_valid(max_pfn));
}

static struct kunit_case page_alloc_test_cases[] = {
	KUNIT_CASE(page_alloc_test_balanced),
	KUNIT_CASE(page_alloc_test_aligned),
	KUNIT_CASE(page_alloc_test_zero),
	KUNIT_CASE(page_alloc_test_bad_order),
	KUNIT_CASE(page_alloc_test_bad_free),
	KUNIT_CASE(page_alloc_test_buddyinfo),
	{}
};

static struct kunit_suite page_alloc_test_suite = {
	.name = "page_alloc",
	.test_cases = page_alloc_test_cases,
};
kunit_test_suite(page_alloc_test_suite);
