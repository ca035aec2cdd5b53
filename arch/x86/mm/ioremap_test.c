// SPDX-License-Identifier: MIT
/*
 * KUnit suite "ioremap": device mappings on the booted kernel. The
 * device is the VGA text buffer at physical 0xb8000 - present on every
 * PC and under QEMU, not RAM, and also reachable through the direct map,
 * so what ioremap() shows can be compared with another view of the same
 * bytes. The refusal cases print "ioremap ..." errors and the misuse
 * cases WARN with a backtrace; that is expected.
 */
#include <kunit/test.h>
#include <linux/kernel.h>
#include <linux/vmalloc.h>
#include <linux/slab.h>
#include <linux/gfp.h>
#include <linux/bug.h>
#include <asm/io.h>
#include <asm/page.h>
#include <asm/pgtable_types.h>

#define VGA_TEXT 0xb8000UL

/* The mapping is uncached, writable, not executable, in the vmalloc area,
 * keeps the sub-page offset and has an unmapped guard page below it. */
static void ioremap_maps_uncached(struct kunit *test)
{
	void *p = ioremap(VGA_TEXT + 0x10, 64);
	unsigned long va = (unsigned long)p;
	struct vm_struct *area;
	enum pg_level level = PG_LEVEL_NONE;
	pteval_t *pte;

	KUNIT_ASSERT_NOT_NULL(test, p);
	KUNIT_EXPECT_TRUE(test, is_vmalloc_addr(p));
	KUNIT_EXPECT_EQ(test, va & ~PAGE_MASK, 0x10);
	pte = lookup_address(va, &level);
	KUNIT_ASSERT_NOT_NULL(test, pte);
	KUNIT_EXPECT_EQ(test, level, PG_LEVEL_4K);
	KUNIT_EXPECT_EQ(test, *pte & PTE_PFN_MASK, VGA_TEXT);
	KUNIT_EXPECT_EQ(test, *pte & (_PAGE_PCD | _PAGE_PWT), _PAGE_PCD | _PAGE_PWT);
	KUNIT_EXPECT_TRUE(test, *pte & _PAGE_RW);
	KUNIT_EXPECT_EQ(test, *pte & _PAGE_NX, _PAGE_NX & __supported_pte_mask);
	area = find_vm_area(p);
	KUNIT_ASSERT_NOT_NULL(test, area);
	KUNIT_EXPECT_EQ(test, area->addr, va & PAGE_MASK);
	KUNIT_EXPECT_EQ(test, area->size, PAGE_SIZE);
	KUNIT_EXPECT_EQ(test, area->phys_addr, VGA_TEXT);
	KUNIT_EXPECT_TRUE(test, area->flags & VM_IOREMAP);
	KUNIT_EXPECT_NULL(test, lookup_address(area->addr - PAGE_SIZE, NULL));
	iounmap(p);
}

/* Reads and writes of every width reach the same bytes the direct map shows. */
static void ioremap_accessors(struct kunit *test)
{
	volatile u8 *direct = __va(VGA_TEXT + 0x100);
	u8 *p = ioremap(VGA_TEXT + 0x100, 16);
	u8 saved[16];
	int i;

	KUNIT_ASSERT_NOT_NULL(test, p);
	for (i = 0; i < 16; i++)
		saved[i] = readb(p + i);
	for (i = 0; i < 16; i++)
		KUNIT_EXPECT_EQ(test, saved[i], direct[i]);

	writeq(0x0706050403020100ULL, p);
	writel(0x0b0a0908, p + 8);
	writew(0x0d0c, p + 12);
	writeb(0x0e, p + 14);
	writeb(0x0f, p + 15);
	for (i = 0; i < 16; i++)
		KUNIT_EXPECT_EQ(test, direct[i], i);
	KUNIT_EXPECT_EQ(test, readq(p), 0x0706050403020100ULL);
	KUNIT_EXPECT_EQ(test, readl(p + 8), 0x0b0a0908);
	KUNIT_EXPECT_EQ(test, readw(p + 12), 0x0d0c);
	KUNIT_EXPECT_EQ(test, readb(p + 15), 0x0f);

	for (i = 0; i < 16; i++)
		writeb(saved[i], p + i);     /* put the screen back */
	iounmap(p);
}

/* A range crossing a page boundary gets both pages. */
static void ioremap_spans_pages(struct kunit *test)
{
	void *p = ioremap(VGA_TEXT + PAGE_SIZE - 8, 16);
	unsigned long base = (unsigned long)p & PAGE_MASK;
	pteval_t *pte;

	KUNIT_ASSERT_NOT_NULL(test, p);
	KUNIT_EXPECT_EQ(test, find_vm_area(p)->size, 2 * PAGE_SIZE);
	pte = lookup_address(base + PAGE_SIZE, NULL);
	KUNIT_ASSERT_NOT_NULL(test, pte);
	KUNIT_EXPECT_EQ(test, *pte & PTE_PFN_MASK, VGA_TEXT + PAGE_SIZE);
	iounmap(p);
}

/* Bad requests get NULL: nothing, a wrapping range, RAM. */
static void ioremap_refuses(struct kunit *test)
{
	void *ram = kmalloc(PAGE_SIZE, GFP_KERNEL);
	unsigned long areas = vmalloc_stats.areas;

	KUNIT_ASSERT_NOT_NULL(test, ram);
	KUNIT_EXPECT_NULL(test, ioremap(VGA_TEXT, 0));
	KUNIT_EXPECT_NULL(test, ioremap(~0ULL - 10, 100));
	KUNIT_EXPECT_NULL(test, ioremap(1ULL << 60, PAGE_SIZE));
	KUNIT_EXPECT_NULL(test, ioremap(__pa(ram), 64));
	KUNIT_EXPECT_EQ(test, vmalloc_stats.areas, areas);
	kfree(ram);
}

/* iounmap() removes the mapping and the area; misuse WARNs and changes nothing. */
static void iounmap_unmaps(struct kunit *test)
{
	unsigned long areas = vmalloc_stats.areas, before;
	void *p = ioremap(VGA_TEXT, 4000);
	void *v = vmalloc(PAGE_SIZE);

	KUNIT_ASSERT_NOT_NULL(test, p);
	KUNIT_ASSERT_NOT_NULL(test, v);
	KUNIT_EXPECT_EQ(test, vmalloc_stats.areas, areas + 2);

	before = warn_count;
	vfree(p);                       /* not vmalloc memory: refused */
	KUNIT_EXPECT_EQ(test, warn_count, before + 1);
	KUNIT_EXPECT_NOT_NULL(test, lookup_address((unsigned long)p, NULL));
	iounmap(v);                     /* not an ioremap: refused */
	KUNIT_EXPECT_EQ(test, warn_count, before + 2);
	KUNIT_EXPECT_NOT_NULL(test, lookup_address((unsigned long)v, NULL));

	iounmap(p);
	KUNIT_EXPECT_NULL(test, lookup_address((unsigned long)p, NULL));
	KUNIT_EXPECT_NULL(test, find_vm_area(p));
	vfree(v);
	KUNIT_EXPECT_EQ(test, vmalloc_stats.areas, areas);
	iounmap(NULL);                  /* allowed, does nothing */
	KUNIT_EXPECT_EQ(test, warn_count, before + 2);
}

static struct kunit_case ioremap_test_cases[] = {
	KUNIT_CASE(ioremap_maps_uncached),
	KUNIT_CASE(ioremap_accessors),
	KUNIT_CASE(ioremap_spans_pages),
	KUNIT_CASE(ioremap_refuses),
	KUNIT_CASE(iounmap_unmaps),
	{}
};

static struct kunit_suite ioremap_test_suite = {
	.name = "ioremap",
	.test_cases = ioremap_test_cases,
};
kunit_test_suite(ioremap_test_suite);
