// SPDX-License-Identifier: MIT
/*
 * KUnit suite "traps": every check here makes the CPU raise a real
 * exception (or a software interrupt) and verifies what the handler saw:
 * the vector, the error code (or its absence), the reported RIP (fault:
 * the faulting instruction; trap: the next one), and that execution
 * resumed where it should.
 */
#include <kunit/test.h>
#include <linux/kernel.h>
#include <linux/string.h>
#include <linux/kallsyms.h>
#include <linux/bug.h>
#include <linux/smp.h>
#include <asm/traps.h>
#include <asm/desc.h>
#include <asm/irq.h>
#include <asm/msr.h>
#include <asm/extable.h>
#include <asm/stacktrace.h>
#include <asm/uaccess.h>
#include <asm/page.h>
#include <linux/irqflags.h>

#define STATS() this_cpu_exception_stats()

static void int3_is_a_trap_and_resumes(struct kunit *test)
{
	unsigned long before = STATS()->count[X86_TRAP_BP], next_ip;

	__asm__ __volatile__("int3\n1:\n\tleaq 1b(%%rip), %0" : "=r"(next_ip));
	KUNIT_EXPECT_EQ(test, STATS()->count[X86_TRAP_BP], before + 1);
	/* A trap reports the instruction after the breakpoint. */
	KUNIT_EXPECT_EQ(test, STATS()->last_ip, next_ip);
	KUNIT_EXPECT_EQ(test, STATS()->last_error_code, (unsigned long)-1);
}

static void divide_error_is_a_fault_with_fixup(struct kunit *test)
{
	unsigned long ax = 1, fault_ip;

	__asm__ __volatile__("xorl %%edx, %%edx\n"
			     "1: divl %[zero]\n"
			     "2:\n\t"
			     "leaq 1b(%%rip), %[ip]\n"
			     _ASM_EXTABLE_FAULT(1b, 2b)
			     : "+a"(ax), [ip] "=r"(fault_ip)
			     : [zero] "r"(0) : "rdx", "cc");
	KUNIT_EXPECT_EQ(test, ax, X86_TRAP_DE);    /* set by the fixup */
	/* A fault reports the faulting instruction itself. */
	KUNIT_EXPECT_EQ(test, STATS()->last_ip, fault_ip);
	KUNIT_EXPECT_EQ(test, STATS()->last_vector, X86_TRAP_DE);
}

static void invalid_opcode_fixup(struct kunit *test)
{
	unsigned long ax = 0;

	__asm__ __volatile__("1: ud2\n2:\n" _ASM_EXTABLE_FAULT(1b, 2b) : "+a"(ax));
	KUNIT_EXPECT_EQ(test, ax, X86_TRAP_UD);
}

/*
 * Loading a selector beyond the GDT's limit raises #GP with the selector
 * (index, TI, no RPL) as the error code: a real error code, checked.
 */
static void gp_error_code_is_the_selector(struct kunit *test)
{
	unsigned long before = STATS()->count[X86_TRAP_GP], ax = 0;

	__asm__ __volatile__("movw $0x1238, %%cx\n"
			     "1: movw %%cx, %%fs\n"
			     "2:\n"
			     _ASM_EXTABLE_FAULT(1b, 2b)
			     : "+a"(ax) :: "rcx", "memory");
	KUNIT_EXPECT_EQ(test, ax, X86_TRAP_GP);
	KUNIT_EXPECT_EQ(test, STATS()->count[X86_TRAP_GP], before + 1);
	KUNIT_EXPECT_EQ(test, STATS()->last_error_code, 0x1238);
}

static void non_canonical_access_is_gp(struct kunit *test)
{
	unsigned long v = 1;

	KUNIT_EXPECT_EQ(test, get_kernel_nofault(v, (unsigned long *)0xdead000000000000UL), -14);
	KUNIT_EXPECT_EQ(test, v, 0);
	KUNIT_EXPECT_EQ(test, STATS()->last_vector, X86_TRAP_GP);
	KUNIT_EXPECT_EQ(test, STATS()->last_error_code, 0);
}

static void rdmsr_safe_reads_existing_msr(struct kunit *test)
{
	u64 val = 0;

	/* (Whether a missing MSR faults is the CPU's choice: QEMU's TCG
	 * returns 0 for unknown MSRs, so only the good case is checked.) */
	KUNIT_EXPECT_EQ(test, rdmsrl_safe(MSR_EFER, &val), 0);
	KUNIT_EXPECT_TRUE(test, val & EFER_LMA);
}

/*
 * A software "int $13" to a vector whose exceptions carry an error code:
 * the CPU pushes none, and the stub must notice (by stack alignment) and
 * supply -1 instead of taking RIP for the error code.
 */
static void software_int_to_error_code_vector(struct kunit *test)
{
	unsigned long ax = 0, next_ip;

	__asm__ __volatile__("int $13\n"
			     "1:\n\t"
			     "leaq 1b(%%rip), %[ip]\n"
			     _ASM_EXTABLE_FAULT(1b, 1b)
			     : "+a"(ax), [ip] "=r"(next_ip));
	KUNIT_EXPECT_EQ(test, ax, X86_TRAP_GP);
	KUNIT_EXPECT_EQ(test, STATS()->last_error_code, (unsigned long)-1);
	KUNIT_EXPECT_EQ(test, STATS()->last_ip, next_ip);
}

static void single_step_debug_trap(struct kunit *test)
{
	unsigned long before = STATS()->debug_single_steps;
	unsigned long db = STATS()->count[X86_TRAP_DB];

	/* TF set by popf traps after the instruction following the popf. */
	__asm__ __volatile__("pushfq\n\t"
			     "orq $0x100, (%%rsp)\n\t"
			     "popfq\n\t"
			     "nop\n\t"
			     "nop" ::: "memory", "cc");
	KUNIT_EXPECT_EQ(test, STATS()->debug_single_steps, before + 1);
	KUNIT_EXPECT_EQ(test, STATS()->count[X86_TRAP_DB], db + 1);
	KUNIT_EXPECT_FALSE(test, native_save_fl() & X86_EFLAGS_TF);
}

static void external_vector_reaches_do_IRQ(struct kunit *test)
{
	const struct irq_cpustat *st = this_cpu_ptr(&irq_stat);
	unsigned long before, flags;

	/* Keep the tick from landing between the int and the checks. */
	local_irq_save(flags);
	before = st->unexpected_vectors;

	/* 0x7f: the last device vector the APIC allocator hands out; 0xef:
	 * a system vector nothing registers. Both unused. */
	__asm__ __volatile__("int $0x7f");
	KUNIT_EXPECT_EQ(test, st->unexpected_vectors, before + 1);
	KUNIT_EXPECT_EQ(test, st->last_vector, 0x7f);
	KUNIT_EXPECT_EQ(test, st->last_orig_ax, 0x7f);   /* orig_ax holds the vector */
	__asm__ __volatile__("int $0xef");
	KUNIT_EXPECT_EQ(test, st->last_orig_ax, 0xef);   /* vectors >= 0x80 too */
	KUNIT_EXPECT_EQ(test, st->unexpected_vectors, before + 2);
	local_irq_restore(flags);
}

static void nmi_vector_runs_nmi_handler(struct kunit *test)
{
	unsigned long before = nmi_count_cpu(smp_processor_id());

	__asm__ __volatile__("int $2");
	KUNIT_EXPECT_EQ(test, nmi_count_cpu(smp_processor_id()), before + 1);
}

static void warn_on_resumes(struct kunit *test)
{
	unsigned long before = warn_count;
	int reached = 0;

	if (WARN_ON(1))
		reached = 1;
	KUNIT_EXPECT_EQ(test, reached, 1);
	KUNIT_EXPECT_EQ(test, warn_count, before + 1);
}

extern const char irq_entries_start[];
extern const char asm_exc_page_fault[], asm_exc_double_fault[];

static void idt_layout(struct kunit *test)
{
	struct desc_ptr idtr;
	unsigned int n;

	native_store_idt(&idtr);
	KUNIT_EXPECT_EQ(test, idtr.address, (unsigned long)idt_table);
	KUNIT_EXPECT_EQ(test, idtr.size, 256 * 16 - 1);
	KUNIT_EXPECT_EQ(test, idt_gate_addr(X86_TRAP_PF), (unsigned long)asm_exc_page_fault);
	KUNIT_EXPECT_EQ(test, idt_gate_addr(X86_TRAP_DF), (unsigned long)asm_exc_double_fault);
	for (n = FIRST_EXTERNAL_VECTOR; n < NR_VECTORS; n++)
		if (idt_gate_addr(n) != (unsigned long)irq_entries_start + (n - 32) * 16)
			break;
	KUNIT_EXPECT_EQ(test, n, NR_VECTORS);
	KUNIT_EXPECT_EQ(test, idt_gate_ist(X86_TRAP_DF), IST_INDEX_DF + 1);
	KUNIT_EXPECT_EQ(test, idt_gate_ist(X86_TRAP_NMI), IST_INDEX_NMI + 1);
	KUNIT_EXPECT_EQ(test, idt_gate_ist(X86_TRAP_DB), IST_INDEX_DB + 1);
	KUNIT_EXPECT_EQ(test, idt_gate_ist(X86_TRAP_MC), IST_INDEX_MCE + 1);
	KUNIT_EXPECT_EQ(test, idt_gate_ist(X86_TRAP_PF), 0);
	/* int3/into callable from user mode (DPL 3), the rest not */
	KUNIT_EXPECT_EQ(test, (unsigned int)idt_table[X86_TRAP_BP].bits.dpl, 3);
	KUNIT_EXPECT_EQ(test, (unsigned int)idt_table[X86_TRAP_GP].bits.dpl, 0);
}

unsigned long cpu_tss_ist(int i);

static void ist_stacks_are_guarded(struct kunit *test)
{
	const struct cpu_stacks *s = this_cpu_ptr(&cpu_stacks);
	struct stack_info info;
	unsigned long v;
	int i;

	for (i = 0; i < N_EXCEPTION_STACKS; i++) {
		KUNIT_EXPECT_EQ(test, cpu_tss_ist(i), s->ist_base[i] + EXCEPTION_STKSZ);
		KUNIT_EXPECT_EQ(test, get_kernel_nofault(v, (unsigned long *)(s->ist_base[i] - 8)), -14);
		KUNIT_EXPECT_EQ(test, v, 0);      /* a faulting read yields 0 */
		KUNIT_EXPECT_TRUE(test, stack_guard_page_hit(s->ist_base[i] - 8, &info));
	}
}

static void extable_sorted_and_searchable(struct kunit *test)
{
	extern struct exception_table_entry __start___ex_table[], __stop___ex_table[];
	const struct exception_table_entry *e;
	unsigned long prev = 0;

	KUNIT_ASSERT_GT(test, __stop___ex_table - __start___ex_table, 5);
	for (e = __start___ex_table; e < __stop___ex_table; e++) {
		KUNIT_EXPECT_LE(test, prev, ex_insn_addr(e));
		prev = ex_insn_addr(e);
		KUNIT_EXPECT_PTR_EQ(test, search_exception_tables(ex_insn_addr(e)), e);
	}
	KUNIT_EXPECT_NULL(test, search_exception_tables((unsigned long)do_IRQ));
}

static void kallsyms_names_functions(struct kunit *test)
{
	char buf[KSYM_SYMBOL_LEN];
	unsigned long size = 0, off = 1;
	const char *name = kallsyms_lookup((unsigned long)do_IRQ + 3, &size, &off);

	KUNIT_ASSERT_NOT_NULL(test, name);
	KUNIT_EXPECT_STREQ(test, name, "do_IRQ");
	KUNIT_EXPECT_EQ(test, off, 3);
	KUNIT_EXPECT_GT(test, size, 3);
	sprint_symbol(buf, (unsigned long)exc_int3);
	KUNIT_EXPECT_EQ(test, strncmp(buf, "exc_int3+0x0/0x", 15), 0);
	KUNIT_EXPECT_EQ(test, kallsyms_lookup_name("do_IRQ"), (unsigned long)do_IRQ);
	KUNIT_EXPECT_NULL(test, kallsyms_lookup(0x1234, NULL, NULL));
}

static struct kunit_case traps_test_cases[] = {
	KUNIT_CASE(int3_is_a_trap_and_resumes),
	KUNIT_CASE(divide_error_is_a_fault_with_fixup),
	KUNIT_CASE(invalid_opcode_fixup),
	KUNIT_CASE(gp_error_code_is_the_selector),
	KUNIT_CASE(non_canonical_access_is_gp),
	KUNIT_CASE(rdmsr_safe_reads_existing_msr),
	KUNIT_CASE(software_int_to_error_code_vector),
	KUNIT_CASE(single_step_debug_trap),
	KUNIT_CASE(external_vector_reaches_do_IRQ),
	KUNIT_CASE(nmi_vector_runs_nmi_handler),
	KUNIT_CASE(warn_on_resumes),
	KUNIT_CASE(idt_layout),
	KUNIT_CASE(ist_stacks_are_guarded),
	KUNIT_CASE(extable_sorted_and_searchable),
	KUNIT_CASE(kallsyms_names_functions),
	{}
};

static struct kunit_suite traps_test_suite = {
	.name = "traps",
	.test_cases = traps_test_cases,
};
kunit_test_suite(traps_test_suite);
