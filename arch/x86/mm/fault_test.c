// SPDX-License-Identifier: MIT
/*
 * KUnit suite "x86_mm": the kernel's page tables really are W^X, the
 * identity map is gone, stacks have guard pages, and page faults report
 * the right address and error code.
 */
#include <kunit/test.h>
#include <linux/kernel.h>
#include <asm/traps.h>
#include <asm/uaccess.h>
#include <asm/pgtable_types.h>
#include <asm/stacktrace.h>
#include <asm/processor.h>
#include <asm/page.h>

extern char _stext[], __start_rodata[];
static const unsigned long some_rodata = 0x1234;
static unsigned long some_data = 1;

/* A "ret" in writable data: executing it must fault (NX). */
u8 fault_test_nx_buf[16] __aligned(16) = { 0xc3 };

#define STATS() this_cpu_exception_stats()

/* An address the compiler cannot see through (it would warn about a
 * dereference of a constant like 0x10). */
static noinline unsigned long *addr_ptr(unsigned long a)
{
	return (unsigned long *)a;
}

static void kernel_image_is_wx(struct kunit *test)
{
	enum pg_level level;
	pteval_t *pte;

	pte = lookup_address((unsigned long)_stext, &level);
	KUNIT_ASSERT_NOT_NULL(test, pte);
	KUNIT_EXPECT_EQ(test, level, PG_LEVEL_4K);
	KUNIT_EXPECT_FALSE(test, *pte & _PAGE_RW);
	KUNIT_EXPECT_FALSE(test, *pte & _PAGE_NX);

	pte = lookup_address((unsigned long)&some_rodata, &level);
	KUNIT_ASSERT_NOT_NULL(test, pte);
	KUNIT_EXPECT_FALSE(test, *pte & _PAGE_RW);
	KUNIT_EXPECT_TRUE(test, *pte & _PAGE_NX);

	pte = lookup_address((unsigned long)&some_data, &level);
	KUNIT_ASSERT_NOT_NULL(test, pte);
	KUNIT_EXPECT_TRUE(test, *pte & _PAGE_RW);
	KUNIT_EXPECT_TRUE(test, *pte & _PAGE_NX);

	pte = lookup_address((unsigned long)__va(0x100000), &level);
	KUNIT_ASSERT_NOT_NULL(test, pte);
	KUNIT_EXPECT_EQ(test, level, PG_LEVEL_2M);
	KUNIT_EXPECT_TRUE(test, *pte & _PAGE_NX);
}

static void no_identity_map(struct kunit *test)
{
	unsigned long v;

	KUNIT_EXPECT_NULL(test, lookup_address(0, NULL));
	KUNIT_EXPECT_NULL(test, lookup_address(LOAD_PHYSICAL_ADDR, NULL));
	KUNIT_EXPECT_EQ(test, get_kernel_nofault(v, addr_ptr(0x10)), -14);
	KUNIT_EXPECT_EQ(test, v, 0);
	KUNIT_EXPECT_EQ(test, STATS()->last_cr2, 0x10);
}

static void read_fault_reports_cr2_and_error_code(struct kunit *test)
{
	unsigned long before = STATS()->count[X86_TRAP_PF], v;

	KUNIT_EXPECT_EQ(test, get_kernel_nofault(v, addr_ptr(0xdead0000)), -14);
	KUNIT_EXPECT_EQ(test, v, 0);
	KUNIT_EXPECT_EQ(test, STATS()->count[X86_TRAP_PF], before + 1);
	KUNIT_EXPECT_EQ(test, STATS()->last_cr2, 0xdead0000);
	KUNIT_EXPECT_EQ(test, STATS()->last_error_code, 0);   /* read, not present */
}

static void write_to_rodata_and_text_faults(struct kunit *test)
{
	KUNIT_EXPECT_EQ(test, put_kernel_nofault((unsigned long *)&some_rodata, 5UL), -14);
	KUNIT_EXPECT_EQ(test, STATS()->last_cr2, (unsigned long)&some_rodata);
	KUNIT_EXPECT_EQ(test, STATS()->last_error_code, X86_PF_PROT | X86_PF_WRITE);
	KUNIT_EXPECT_EQ(test, some_rodata, 0x1234);

	KUNIT_EXPECT_EQ(test, put_kernel_nofault((u8 *)_stext, (u8)0xcc), -14);
	KUNIT_EXPECT_EQ(test, STATS()->last_error_code, X86_PF_PROT | X86_PF_WRITE);
	KUNIT_EXPECT_EQ(test, put_kernel_nofault(&some_data, 7UL), 0);
	KUNIT_EXPECT_EQ(test, some_data, 7);
}

static void executing_data_faults(struct kunit *test)
{
	unsigned long ax = 0x1234;

	/* If NX were missing the "ret" would run and ax stay 0x1234. The
	 * fixup drops the return address the call pushed. */
	__asm__ __volatile__("call fault_test_nx_buf\n\t"
			     "jmp 2f\n"
			     "3:\taddq $8, %%rsp\n"
			     "2:\n"
			     ".pushsection __ex_table, \"a\"\n"
			     ".balign 4\n"
			     ".long fault_test_nx_buf - .\n"
			     ".long 3b - .\n"
			     ".long 1\n"
			     ".popsection"
			     : "+a"(ax) :: "memory", "cc");
	KUNIT_EXPECT_EQ(test, ax, X86_TRAP_PF);
	KUNIT_EXPECT_EQ(test, STATS()->last_cr2, (unsigned long)fault_test_nx_buf);
	KUNIT_EXPECT_EQ(test, STATS()->last_error_code, X86_PF_PROT | X86_PF_INSTR);
}

static void stack_has_guard_page(struct kunit *test)
{
	unsigned long base = this_cpu_ptr(&cpu_stacks)->task_base, v;
	unsigned long sp = current_stack_pointer_val();
	struct stack_info info;

	KUNIT_ASSERT_NE(test, base, 0);
	KUNIT_EXPECT_TRUE(test, sp >= base && sp < base + THREAD_SIZE);
	KUNIT_EXPECT_EQ(test, get_kernel_nofault(v, addr_ptr(base - 8)), -14);
	KUNIT_EXPECT_EQ(test, v, 0);
	KUNIT_EXPECT_TRUE(test, stack_guard_page_hit(base - 8, &info));
	KUNIT_EXPECT_EQ(test, info.begin, base);
	KUNIT_EXPECT_FALSE(test, stack_guard_page_hit(base + 64, &info));
}

static void wp_and_nx_enabled(struct kunit *test)
{
	KUNIT_EXPECT_TRUE(test, read_cr0() & X86_CR0_WP);
	KUNIT_EXPECT_TRUE(test, __read_cr4() & X86_CR4_PAE);
}

static struct kunit_case x86_mm_test_cases[] = {
	KUNIT_CASE(kernel_image_is_wx),
	KUNIT_CASE(no_identity_map),
	KUNIT_CASE(read_fault_reports_cr2_and_error_code),
	KUNIT_CASE(write_to_rodata_and_text_faults),
	KUNIT_CASE(executing_data_faults),
	KUNIT_CASE(stack_has_guard_page),
	KUNIT_CASE(wp_and_nx_enabled),
	{}
};

static struct kunit_suite x86_mm_test_suite = {
	.name = "x86_mm",
	.test_cases = x86_mm_test_cases,
};
kunit_test_suite(x86_mm_test_suite);
