/* SPDX-License-Identifier: MIT */
/*
 * TLB flushing (arch/x86/mm/tlb.c). Each CPU caches translations in its
 * own TLB, and changing a page-table entry does not reach those caches:
 * "invlpg" drops one page's entry on the CPU that executes it, toggling
 * CR4.PGE drops all of them, global pages included (Intel SDM Vol. 3A,
 * 4.10.4). A kernel mapping that is changed or removed while other CPUs
 * may have used it therefore needs a shootdown: an IPI to every other
 * online CPU, each flushing its own TLB, and a wait for all of them.
 */
#ifndef _ASM_X86_TLBFLUSH_H
#define _ASM_X86_TLBFLUSH_H

#define TLB_FLUSH_ALL (~0UL)

/* Ranges longer than this many pages are flushed whole (Linux's default
 * tlb_single_page_flush_ceiling). */
#define TLB_SINGLE_PAGE_FLUSH_CEILING 33

/*
 * Flush [start, end) from every online CPU's TLB and return when all have
 * done it. end == TLB_FLUSH_ALL flushes everything. May sleep-wait on
 * other CPUs: call with interrupts enabled whenever another CPU is online.
 */
void flush_tlb_kernel_range(unsigned long start, unsigned long end);
void flush_tlb_all(void);
/* This CPU only. */
void __flush_tlb_all(void);

#endif
