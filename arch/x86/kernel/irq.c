// SPDX-License-Identifier: MIT
/*
 * Interrupt vectors 0x20-0xff arrive here from the irq_entries_start stubs
 * in entry_64.S, with the vector in orig_ax.
 *
 * do_IRQ() maps the vector to an IRQ through this CPU's vector_irq[] table
 * (the generic IRQ layer arrives with the next issue and fills it in). A
 * vector with no IRQ behind it is counted and reported once per vector,
 * never silently dropped.
 */
#include <linux/kernel.h>
#include <linux/smp.h>
#include <asm/ptrace.h>
#include <asm/desc.h>
#include <asm/irq.h>

DEFINE_PER_CPU(struct irq_cpustat, irq_stat);

/* Vectors already reported, so a storm on one does not flood the log. */
static unsigned long reported[NR_VECTORS / 64];

/**
 * do_IRQ - handle interrupt @vector on this CPU
 */
void do_IRQ(struct pt_regs *regs, unsigned long vector)
{
	struct irq_cpustat *st = this_cpu_ptr(&irq_stat);
	unsigned long bit = 1UL << (vector % 64);

	st->last_vector = vector;
	st->last_orig_ax = regs->orig_ax;
	st->unexpected_vectors++;
	if (!(__atomic_fetch_or(&reported[vector / 64], bit, __ATOMIC_RELAXED) & bit))
		printk(KERN_EMERG "%s: %d.%lu No irq handler for vector\n",
		       __func__, smp_processor_id(), vector);
}

/**
 * common_interrupt - C entry for every external interrupt vector
 */
void common_interrupt(struct pt_regs *regs, unsigned long vector)
{
	do_IRQ(regs, vector & 0xff);
}
