// SPDX-License-Identifier: MIT
/*
 * report_bug() - turn the ud2 of a BUG() or WARN() into a report.
 *
 * BUG()/WARN() (include/linux/bug.h) emit a ud2 and a __bug_table entry
 * naming the file and line. The #UD handler calls report_bug() with the
 * faulting address; if it is one of ours the report is printed here and
 * the handler either steps over the ud2 (WARN) or dies (BUG).
 */
#include <linux/kernel.h>
#include <linux/bug.h>
#include <asm/ptrace.h>
#include <asm/traps.h>
#include <linux/smp.h>
#include <linux/sched.h>

extern struct bug_entry __start___bug_table[], __stop___bug_table[];

unsigned long warn_count;

static unsigned long bug_addr(const struct bug_entry *b)
{
	return (unsigned long)&b->bug_addr_disp + b->bug_addr_disp;
}

static const char *bug_file(const struct bug_entry *b)
{
	return (const char *)&b->file_disp + b->file_disp;
}

static struct bug_entry *find_bug(unsigned long addr)
{
	struct bug_entry *b;

	for (b = __start___bug_table; b < __stop___bug_table; b++)
		if (bug_addr(b) == addr)
			return b;
	return NULL;
}

/**
 * report_bug - print the BUG/WARN report for the ud2 at @addr
 *
 * Returns BUG_TRAP_TYPE_NONE if @addr is not a BUG/WARN site.
 */
enum bug_trap_type report_bug(unsigned long addr, struct pt_regs *regs)
{
	struct bug_entry *b = find_bug(addr);

	if (!b)
		return BUG_TRAP_TYPE_NONE;
	if (b->flags & BUGFLAG_WARNING) {
		warn_count++;
		if ((b->flags & BUGFLAG_ONCE) && (b->flags & BUGFLAG_DONE))
			return BUG_TRAP_TYPE_WARN;
		b->flags |= BUGFLAG_DONE;
		printk(KERN_WARNING "------------[ cut here ]------------\n");
		printk(KERN_WARNING "WARNING: CPU: %d PID: %d at %s:%u %pS\n",
		       smp_processor_id(), current ? current->pid : 0,
		       bug_file(b), b->line, (void *)addr);
		show_regs(regs);
		printk(KERN_WARNING "---[ end trace %016x ]---\n", 0);
		return BUG_TRAP_TYPE_WARN;
	}
	printk(KERN_CRIT "------------[ cut here ]------------\n");
	printk(KERN_CRIT "kernel BUG at %s:%u!\n", bug_file(b), b->line);
	return BUG_TRAP_TYPE_BUG;
}
