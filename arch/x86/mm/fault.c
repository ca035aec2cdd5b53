// SPDX-License-Identifier: MIT
/*
 * The page-fault handler (vector 14, Intel SDM Vol. 3A, 4.7).
 *
 * The CPU puts the faulting linear address in CR2 and pushes an error code
 * saying why: not-present vs protection (P), read vs write (W), kernel vs
 * user (U), reserved bit (RSVD), instruction fetch (I/D). The kernel has no
 * demand paging yet, so a kernel-mode page fault is either expected (the
 * instruction has an exception-table fixup, as copy_from_user will) or a
 * bug, reported as an oops in Linux's format.
 */
#include <linux/kernel.h>
#include <asm/traps.h>
#include <asm/ptrace.h>
#include <asm/processor.h>
#include <asm/extable.h>
#include <asm/page.h>
#include <asm/pgtable_types.h>
#include <asm/uaccess.h>
#include <asm/percpu.h>

DECLARE_PER_CPU(struct exception_stats, exception_stats);

/* Print the page-table walk for @address: "PGD 1234067 P4D 1234067 PUD ...". */
static void dump_pagetable(unsigned long address)
{
	static const char *const names[] = { "PGD", "PUD", "PMD", "PTE" };
	static const int shifts[] = { 39, 30, 21, 12 };
	unsigned long table = __read_cr3() & PTE_PFN_MASK;
	pteval_t e = 0;
	int level;

	printk(KERN_ALERT "");
	for (level = 0; level < 4; level++) {
		pteval_t *p = (pteval_t *)__va(table) + ((address >> shifts[level]) & 511);

		if (get_kernel_nofault(e, p)) {
			pr_cont("BAD\n");
			return;
		}
		pr_cont("%s %llx ", names[level], (unsigned long long)e);
		/* 4-level paging: the P4D level is folded into the PGD. */
		if (level == 0)
			pr_cont("P4D %llx ", (unsigned long long)e);
		if (!(e & _PAGE_PRESENT) || (level > 0 && level < 3 && (e & _PAGE_PSE)))
			break;
		table = e & PTE_PFN_MASK;
	}
	pr_cont("\n");
}

static void show_fault_oops(struct pt_regs *regs, unsigned long error_code,
			    unsigned long address)
{
	if (!(error_code & X86_PF_USER) && (error_code & X86_PF_INSTR)) {
		pteval_t *pte = lookup_address(address, NULL);

		if (pte && (*pte & _PAGE_NX))
			printk(KERN_CRIT "kernel tried to execute NX-protected page - exploit attempt? (uid: 0)\n");
	}
	if (address < PAGE_SIZE && !user_mode(regs))
		printk(KERN_ALERT "BUG: kernel NULL pointer dereference, address: %016lx\n", address);
	else
		printk(KERN_ALERT "BUG: unable to handle page fault for address: %016lx\n", address);
	printk(KERN_ALERT "#PF: %s %s in %s mode\n",
	       (error_code & X86_PF_USER) ? "user" : "supervisor",
	       (error_code & X86_PF_INSTR) ? "instruction fetch" :
	       (error_code & X86_PF_WRITE) ? "write access" : "read access",
	       user_mode(regs) ? "user" : "kernel");
	printk(KERN_ALERT "#PF: error_code(0x%04lx) - %s\n", error_code,
	       !(error_code & X86_PF_PROT) ? "not-present page" :
	       (error_code & X86_PF_RSVD) ? "reserved bit violation" :
	       (error_code & X86_PF_PK) ? "protection keys violation" :
	       "permissions violation");
	dump_pagetable(address);
}

/**
 * exc_page_fault - vector 14
 */
void exc_page_fault(struct pt_regs *regs, unsigned long error_code)
{
	unsigned long address = read_cr2();
	unsigned long flags;

	record_exception(regs, X86_TRAP_PF, error_code);
	this_cpu_ptr(&exception_stats)->last_cr2 = address;
	if (error_code == (unsigned long)-1) {
		/* "int $14" from software: no error code, CR2 is stale. */
		die("page fault vector raised by software INT (no fault)", regs, error_code);
		return;
	}
	if (fixup_exception(regs, X86_TRAP_PF, error_code, address))
		return;

	flags = oops_begin();
	show_fault_oops(regs, error_code, address);
	printk(KERN_DEFAULT "Oops: %04lx [#%d]\n", error_code & 0xffff, ++die_counter);
	show_regs(regs);
	oops_end(flags, regs, "Fatal exception");
}
