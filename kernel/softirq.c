// SPDX-License-Identifier: MIT
/*
 * Entering and leaving hard interrupt context.
 *
 * irq_enter()/irq_exit() bracket every hardware interrupt handled by
 * do_IRQ(): they raise and lower the hardirq count in preempt_count, which
 * is what in_irq() and in_interrupt() report. irq_exit() is also where
 * Linux runs pending softirqs on the way out of the last nested interrupt;
 * softirqs (and the rest of this file's namesake) arrive with the
 * bottom-halves issue.
 */
#include <linux/kernel.h>
#include <linux/hardirq.h>
#include <linux/irqflags.h>
#include <linux/bug.h>

/**
 * irq_enter - note that this CPU is now handling a hard interrupt
 */
void irq_enter(void)
{
	__preempt_count_add(HARDIRQ_OFFSET);
}

/**
 * irq_exit - leave hard interrupt context
 *
 * Called with interrupts disabled, as the interrupt entry left them.
 */
void irq_exit(void)
{
	WARN_ON_ONCE(!irqs_disabled());
	__preempt_count_sub(HARDIRQ_OFFSET);
}
