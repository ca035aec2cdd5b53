// SPDX-License-Identifier: MIT
/*
 * fixup_exception() - the exception handlers' way out for expected faults.
 * See asm/extable.h for the table's format.
 */
#include <linux/kernel.h>
#include <linux/init.h>
#include <asm/extable.h>
#include <asm/ptrace.h>
#include <asm/traps.h>
#include <asm/percpu.h>

extern struct exception_table_entry __start___ex_table[], __stop___ex_table[];

/**
 * sort_main_extable - sort the kernel's table (once, during early boot)
 */
void __init sort_main_extable(void)
{
	sort_extable(__start___ex_table, __stop___ex_table);
}

const struct exception_table_entry *search_exception_tables(unsigned long addr)
{
	return search_extable(__start___ex_table,
			      __stop___ex_table - __start___ex_table, addr);
}

DECLARE_PER_CPU(struct exception_stats, exception_stats);

/**
 * fixup_exception - resume a kernel-mode fault at its fixup, if it has one
 * @regs: the faulting context; ip (and ax for EX_TYPE_FAULT) are rewritten
 * @trapnr: the vector
 * @error_code: the hardware error code (or -1)
 * @fault_addr: CR2 for page faults, else 0
 *
 * Returns 1 when the fault was expected and handled.
 */
int fixup_exception(struct pt_regs *regs, int trapnr, unsigned long error_code,
		    unsigned long fault_addr)
{
	const struct exception_table_entry *e;
	struct exception_stats *s;

	if (user_mode(regs))
		return 0;
	e = search_exception_tables(regs->ip);
	if (!e)
		return 0;
	s = this_cpu_ptr(&exception_stats);
	s->fixups++;
	s->last_cr2 = fault_addr;
	regs->ip = ex_fixup_addr(e);
	if (e->data == EX_TYPE_FAULT)
		regs->ax = trapnr;
	return 1;
}
