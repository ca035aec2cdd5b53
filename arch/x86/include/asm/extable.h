/* SPDX-License-Identifier: MIT */
/*
 * The exception table (__ex_table): pairs of "this instruction may fault"
 * and "resume here instead". A fault in kernel mode at an address listed
 * in the table is not an oops: fixup_exception() rewrites regs->ip to the
 * fixup and the instruction's code path handles the error itself. This is
 * how copy_from_user() survives a bad user pointer.
 *
 * Entries hold 32-bit offsets relative to the field itself (position
 * independent, half the size of absolute pointers), as Linux does.
 */
#ifndef _ASM_X86_EXTABLE_H
#define _ASM_X86_EXTABLE_H

/* What the fixup does besides jumping. */
#define EX_TYPE_DEFAULT    0   /* jump to the fixup */
#define EX_TYPE_FAULT      1   /* ... and put the trap number in %rax */

/*
 * Fixup code that needs more than a jump (setting an error value, say)
 * goes in the .fixup section, out of line, and jumps back when done.
 */

#ifdef __ASSEMBLY__
#define _ASM_EXTABLE_TYPE(from, to, type)	\
	.pushsection __ex_table, "a";		\
	.balign 4;				\
	.long (from) - .;			\
	.long (to) - .;				\
	.long type;				\
	.popsection
#define _ASM_EXTABLE(from, to) _ASM_EXTABLE_TYPE(from, to, EX_TYPE_DEFAULT)
#else
#include <linux/types.h>

struct exception_table_entry {
	int insn, fixup, data;
};

#define __ASM_EXTABLE_RAW(from, to, type)			\
	".pushsection __ex_table, \"a\"\n"			\
	".balign 4\n"						\
	".long (" #from ") - .\n"				\
	".long (" #to ") - .\n"					\
	".long " type "\n"					\
	".popsection\n"

#define _ASM_EXTABLE(from, to)       __ASM_EXTABLE_RAW(from, to, "0")
#define _ASM_EXTABLE_FAULT(from, to) __ASM_EXTABLE_RAW(from, to, "1")
struct pt_regs;
/* Returns 1 if regs->ip had a fixup and regs were updated to use it. */
int fixup_exception(struct pt_regs *regs, int trapnr, unsigned long error_code,
		    unsigned long fault_addr);
const struct exception_table_entry *search_exception_tables(unsigned long addr);
void sort_main_extable(void);

static inline unsigned long ex_insn_addr(const struct exception_table_entry *x)
{
	return (unsigned long)&x->insn + x->insn;
}
static inline unsigned long ex_fixup_addr(const struct exception_table_entry *x)
{
	return (unsigned long)&x->fixup + x->fixup;
}

/* lib/extable.c: portable sort/search over a table of relative entries. */
void sort_extable(struct exception_table_entry *start,
		  struct exception_table_entry *finish);
const struct exception_table_entry *
search_extable(const struct exception_table_entry *base, size_t num,
	       unsigned long value);
#endif

#endif
