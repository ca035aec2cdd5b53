// SPDX-License-Identifier: MIT
/*
 * TLB shootdown for kernel mappings (see asm/tlbflush.h).
 *
 * flush_tlb_kernel_range() runs do_kernel_range_flush() on every online
 * CPU through on_each_cpu(): here directly, elsewhere from the
 * call-function IPI, and waits until every CPU has returned from it. Only
 * then may the caller reuse what the old mapping pointed at (free the
 * page, map something else): before, another CPU could still reach it
 * through a stale TLB entry.
 *
 * A CPU that flushes at another's request counts it in irq_stat's
 * irq_tlb_count, /proc/interrupts' TLB row; the IPI itself also counts in
 * CAL, as in Linux (which is why /proc/stat leaves TLB out of its sum).
 *
 * irqos has no user address spaces yet, so there is no per-mm tracking of
 * which CPUs to ask: kernel mappings are everyone's.
 */
#include <linux/kernel.h>
#include <linux/smp.h>
#include <linux/irqflags.h>
#include <asm/irq.h>
#include <asm/page.h>
#include <asm/processor.h>
#include <asm/processor-flags.h>
#include <asm/tlbflush.h>

struct flush_tlb_info {
	unsigned long start;
	unsigned long end;
	unsigned int initiator;
};

/**
 * __flush_tlb_all - drop every TLB entry of this CPU, global ones too
 *
 * Clearing CR4.PGE flushes the global entries as well (SDM 4.10.4.1);
 * setting it again restores the kernel's use of them. Interrupts off, so
 * nothing runs with PGE clear.
 */
void __flush_tlb_all(void)
{
	unsigned long flags, cr4;

	local_irq_save(flags);
	cr4 = __read_cr4();
	if (cr4 & X86_CR4_PGE) {
		__write_cr4(cr4 & ~X86_CR4_PGE);
		__write_cr4(cr4);
	} else {
		write_cr3(__read_cr3());
	}
	local_irq_restore(flags);
}

static void do_kernel_range_flush(void *arg)
{
	const struct flush_tlb_info *info = arg;
	unsigned long addr;

	if ((unsigned int)smp_processor_id() != info->initiator)
		this_cpu_inc(irq_stat.irq_tlb_count);
	if (info->end == TLB_FLUSH_ALL ||
	    (info->end - info->start) >> PAGE_SHIFT > TLB_SINGLE_PAGE_FLUSH_CEILING) {
		__flush_tlb_all();
		return;
	}
	for (addr = info->start; addr < info->end; addr += PAGE_SIZE)
		__flush_tlb_one(addr);
}

/**
 * flush_tlb_kernel_range - shoot [@start, @end) out of every CPU's TLB
 * @start: first address (rounded down to its page)
 * @end:   end, exclusive; TLB_FLUSH_ALL for everything
 *
 * Returns when every online CPU has flushed. Up to 33 pages go one
 * "invlpg" each, more as a whole flush.
 */
void flush_tlb_kernel_range(unsigned long start, unsigned long end)
{
	struct flush_tlb_info info = {
		.start = start & PAGE_MASK,
		.end = end,
		.initiator = smp_processor_id(),
	};

	if (end != TLB_FLUSH_ALL && end <= start)
		return;
	on_each_cpu(do_kernel_range_flush, &info, 1);
}

/**
 * flush_tlb_all - flush every TLB entry on every online CPU
 */
void flush_tlb_all(void)
{
	flush_tlb_kernel_range(0, TLB_FLUSH_ALL);
}
