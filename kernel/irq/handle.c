// SPDX-License-Identifier: MIT
/*
 * Running the handlers of one interrupt.
 *
 * A flow handler (chip.c) decides when it is safe to run the action chain
 * and calls handle_irq_event() with desc->lock held. The lock is dropped
 * while the handlers run - they may take their own locks and take time -
 * and IRQD_IRQ_INPROGRESS says "handlers running": another CPU that gets
 * the same interrupt meanwhile sees it and does not run them again.
 */
#include <linux/kernel.h>
#include <linux/irq.h>
#include <linux/irqdesc.h>
#include <linux/interrupt.h>
#include <linux/irqflags.h>

#include "internals.h"

/* IRQ_WAKE_THREAD from an action that has no thread: a driver bug, told once. */
static void warn_no_thread(unsigned int irq, struct irqaction *action)
{
	if (__atomic_fetch_or(&action->thread_flags, 1UL << IRQTF_WARNED, __ATOMIC_RELAXED) &
	    (1UL << IRQTF_WARNED))
		return;
	printk(KERN_WARNING "IRQ %u device %s returned IRQ_WAKE_THREAD but no thread function available.\n",
	       irq, action->name);
}

/**
 * handle_irq_event_percpu - call every action on the line, in order
 *
 * Every handler runs, even after one has returned IRQ_HANDLED: on a shared
 * level line two devices may be asserting at once. IRQ_WAKE_THREAD wakes
 * the action's thread (kernel/irq/thread.c). The results are OR-ed and
 * handed to the spurious-interrupt detector, for which a woken thread
 * counts as handled.
 */
irqreturn_t handle_irq_event_percpu(struct irq_desc *desc)
{
	unsigned int irq = irq_desc_get_irq(desc);
	irqreturn_t retval = IRQ_NONE;
	struct irqaction *action;

	for (action = desc->action; action; action = action->next) {
		irqreturn_t res = action->handler(irq, action->dev_id);

		/* A handler that turned interrupts on broke the rules:
		 * the next interrupt could re-enter this line. */
		if (WARN_ONCE(!irqs_disabled(),
			      "irq %u handler %ps enabled interrupts\n",
			      irq, action->handler))
			local_irq_disable();
		if (res == IRQ_WAKE_THREAD) {
			if (action->thread_fn && action->thread)
				__irq_wake_thread(desc, action);
			else
				warn_no_thread(irq, action);
		}
		retval |= res;
	}
	if (!noirqdebug)
		note_interrupt(desc, retval);
	return retval;
}

/**
 * handle_irq_event - run the actions with the lock dropped
 *
 * Called with desc->lock held; returns with it held. Clears IRQS_PENDING:
 * whatever was pending is being handled now.
 */
irqreturn_t handle_irq_event(struct irq_desc *desc)
{
	irqreturn_t ret;

	desc->istate &= ~IRQS_PENDING;
	desc->irq_data.state |= IRQD_IRQ_INPROGRESS;
	spin_unlock(&desc->lock);

	ret = handle_irq_event_percpu(desc);

	spin_lock(&desc->lock);
	desc->irq_data.state &= ~IRQD_IRQ_INPROGRESS;
	return ret;
}
