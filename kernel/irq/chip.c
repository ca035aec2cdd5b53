// SPDX-License-Identifier: MIT
/*
 * Flow handlers: how an interrupt of each trigger type is taken, and the
 * small helpers that drive the chip (see the contract in linux/irq.h).
 *
 * Rules every flow handler keeps:
 *  - the handlers of one IRQ never run re-entrantly (IRQD_IRQ_INPROGRESS);
 *  - an interrupt that cannot be handled now (no action, line disabled,
 *    already running elsewhere) is marked IRQS_PENDING, never dropped;
 *  - every interrupt handled is counted in kstat_irqs of this CPU.
 */
#include <linux/kernel.h>
#include <linux/irq.h>
#include <linux/irqdesc.h>
#include <linux/interrupt.h>
#include <linux/smp.h>
#include <linux/errno.h>
#include <asm/processor.h>

#include "internals.h"

/* --- chip helpers: each keeps IRQD_IRQ_MASKED in step with the hardware --- */

void mask_irq(struct irq_desc *desc)
{
	struct irq_chip *chip = desc->irq_data.chip;

	if (irqd_irq_masked(&desc->irq_data))
		return;
	if (chip->irq_mask) {
		chip->irq_mask(&desc->irq_data);
		desc->irq_data.state |= IRQD_IRQ_MASKED;
	}
}

void unmask_irq(struct irq_desc *desc)
{
	struct irq_chip *chip = desc->irq_data.chip;

	if (!irqd_irq_masked(&desc->irq_data))
		return;
	if (chip->irq_unmask) {
		chip->irq_unmask(&desc->irq_data);
		desc->irq_data.state &= ~IRQD_IRQ_MASKED;
	}
}

/**
 * unmask_threaded_irq - the last oneshot thread of a line finished: unmask it
 *
 * Called with desc->lock held (kernel/irq/thread.c).
 */
void unmask_threaded_irq(struct irq_desc *desc)
{
	unmask_irq(desc);
}

/* Mask and ack: the chip's combined method if it has one. */
static void mask_ack_irq(struct irq_desc *desc)
{
	struct irq_chip *chip = desc->irq_data.chip;

	if (chip->irq_mask_ack) {
		chip->irq_mask_ack(&desc->irq_data);
		desc->irq_data.state |= IRQD_IRQ_MASKED;
	} else {
		mask_irq(desc);
		if (chip->irq_ack)
			chip->irq_ack(&desc->irq_data);
	}
}

static inline void kstat_incr_irqs_this_cpu(struct irq_desc *desc)
{
	desc->kstat_irqs[smp_processor_id()]++;
	desc->tot_count++;
}

/*
 * The handlers are running because the spurious/misrouted poller called
 * them (IRQS_POLL_INPROGRESS), not because of an interrupt: this real
 * interrupt must not be dropped. Wait for the poll to finish (it runs on
 * another CPU - polls run with interrupts off, so never under us on this
 * one) and then handle it, unless the line was disabled meanwhile.
 */
static bool irq_wait_for_poll(struct irq_desc *desc)
{
	do {
		spin_unlock(&desc->lock);
		while (irqd_irq_inprogress(&desc->irq_data))
			cpu_relax();
		spin_lock(&desc->lock);
	} while (irqd_irq_inprogress(&desc->irq_data));
	return !irqd_irq_disabled(&desc->irq_data) && desc->action;
}

/*
 * May the handlers run now? Not if they are already running for another
 * interrupt on another CPU: that CPU will see IRQS_PENDING (edge) or the
 * line is still asserted (level), and nothing is lost. If they are
 * running only because of a poll, wait for it and run them.
 */
static bool irq_may_run(struct irq_desc *desc)
{
	if (!irqd_irq_inprogress(&desc->irq_data))
		return true;
	if (!(desc->istate & IRQS_POLL_INPROGRESS))
		return false;
	return irq_wait_for_poll(desc);
}

/**
 * handle_level_irq - flow handler for level-triggered lines
 *
 * The line stays asserted until the device is serviced, so it is masked
 * (and acked) before the handlers run - otherwise it would interrupt again
 * at once - and unmasked after, unless the line was disabled meanwhile or
 * a primary handler woke an IRQF_ONESHOT thread: then the thread's end
 * unmasks it (kernel/irq/thread.c).
 */
void handle_level_irq(struct irq_desc *desc)
{
	spin_lock(&desc->lock);
	mask_ack_irq(desc);

	if (!irq_may_run(desc))
		goto out_unlock;
	desc->istate &= ~(IRQS_REPLAY | IRQS_WAITING);

	/* Disabled or nobody listening: keep it masked, remember it. */
	if (!desc->action || irqd_irq_disabled(&desc->irq_data)) {
		desc->istate |= IRQS_PENDING;
		goto out_unlock;
	}

	kstat_incr_irqs_this_cpu(desc);
	handle_irq_event(desc);

	if (!irqd_irq_disabled(&desc->irq_data) && !desc->threads_oneshot)
		unmask_irq(desc);
out_unlock:
	spin_unlock(&desc->lock);
}

/**
 * handle_edge_irq - flow handler for edge-triggered lines
 *
 * An edge is an event, not a state: it must be acked at once so the
 * controller can latch the next one, and an edge that arrives while the
 * handlers run (on another CPU) is recorded as IRQS_PENDING and replayed
 * by the loop below, which runs the handlers again until nothing is
 * pending. The line is masked only if it cannot be handled at all.
 */
void handle_edge_irq(struct irq_desc *desc)
{
	struct irq_chip *chip = desc->irq_data.chip;

	spin_lock(&desc->lock);
	desc->istate &= ~(IRQS_REPLAY | IRQS_WAITING);

	if (!irq_may_run(desc)) {
		desc->istate |= IRQS_PENDING;
		mask_ack_irq(desc);
		goto out_unlock;
	}
	if (irqd_irq_disabled(&desc->irq_data) || !desc->action) {
		desc->istate |= IRQS_PENDING;
		mask_ack_irq(desc);
		goto out_unlock;
	}

	kstat_incr_irqs_this_cpu(desc);
	if (chip->irq_ack)
		chip->irq_ack(&desc->irq_data);

	do {
		if (!desc->action) {
			mask_irq(desc);
			goto out_unlock;
		}
		/* The edge that came in meanwhile masked the line (above, on
		 * the other CPU); unmask it now that we are replaying it. */
		if ((desc->istate & IRQS_PENDING) &&
		    !irqd_irq_disabled(&desc->irq_data) &&
		    irqd_irq_masked(&desc->irq_data))
			unmask_irq(desc);
		handle_irq_event(desc);
	} while ((desc->istate & IRQS_PENDING) &&
		 !irqd_irq_disabled(&desc->irq_data));
out_unlock:
	spin_unlock(&desc->lock);
}

/**
 * handle_fasteoi_irq - flow handler for controllers that want an EOI
 *
 * The controller itself holds the line off until the EOI (the local APIC
 * for I/O APIC lines), so no mask/ack is needed: run the handlers, EOI.
 * An IRQF_ONESHOT line is masked around the handlers as well, and stays
 * masked after the EOI while a thread the handlers woke has not finished.
 */
void handle_fasteoi_irq(struct irq_desc *desc)
{
	struct irq_chip *chip = desc->irq_data.chip;

	spin_lock(&desc->lock);
	if (!irq_may_run(desc))
		goto out;
	desc->istate &= ~(IRQS_REPLAY | IRQS_WAITING);

	if (!desc->action || irqd_irq_disabled(&desc->irq_data)) {
		desc->istate |= IRQS_PENDING;
		mask_irq(desc);
		goto out;
	}

	kstat_incr_irqs_this_cpu(desc);
	if (desc->istate & IRQS_ONESHOT)
		mask_irq(desc);
	handle_irq_event(desc);
	if (chip->irq_eoi)
		chip->irq_eoi(&desc->irq_data);
	if ((desc->istate & IRQS_ONESHOT) && !irqd_irq_disabled(&desc->irq_data) &&
	    !desc->threads_oneshot)
		unmask_irq(desc);
	spin_unlock(&desc->lock);
	return;
out:
	if (chip->irq_eoi && !(chip->flags & IRQCHIP_EOI_IF_HANDLED))
		chip->irq_eoi(&desc->irq_data);
	spin_unlock(&desc->lock);
}

/**
 * handle_simple_irq - flow handler that touches no hardware
 *
 * For interrupts demultiplexed in software from a parent whose own flow
 * handler already did the acking.
 */
void handle_simple_irq(struct irq_desc *desc)
{
	spin_lock(&desc->lock);
	if (!irq_may_run(desc))
		goto out_unlock;
	desc->istate &= ~(IRQS_REPLAY | IRQS_WAITING);

	if (!desc->action || irqd_irq_disabled(&desc->irq_data)) {
		desc->istate |= IRQS_PENDING;
		goto out_unlock;
	}
	kstat_incr_irqs_this_cpu(desc);
	handle_irq_event(desc);
out_unlock:
	spin_unlock(&desc->lock);
}

/**
 * handle_percpu_irq - flow handler for lines private to each CPU
 *
 * No other CPU can see this interrupt, so there is nothing to lock and
 * no re-entrancy to guard against: ack, handlers, eoi.
 */
void handle_percpu_irq(struct irq_desc *desc)
{
	struct irq_chip *chip = desc->irq_data.chip;

	kstat_incr_irqs_this_cpu(desc);
	if (chip->irq_ack)
		chip->irq_ack(&desc->irq_data);
	handle_irq_event_percpu(desc);
	if (chip->irq_eoi)
		chip->irq_eoi(&desc->irq_data);
}

/**
 * handle_bad_irq - an interrupt on a line without a flow handler
 */
void handle_bad_irq(struct irq_desc *desc)
{
	unsigned int irq = irq_desc_get_irq(desc);

	printk_once(KERN_ERR "irq %u, desc: %p, depth: %u, count: %u, unhandled: %u\n",
		    irq, desc, desc->depth, desc->irq_count, desc->irqs_unhandled);
	kstat_incr_irqs_this_cpu(desc);
	ack_bad_irq(irq);
}

/* --- starting and stopping a line --- */

/* Enable a line: clear the disabled state and let the hardware deliver. */
void irq_enable(struct irq_desc *desc)
{
	struct irq_chip *chip = desc->irq_data.chip;

	desc->irq_data.state &= ~IRQD_IRQ_DISABLED;
	if (chip->irq_enable) {
		chip->irq_enable(&desc->irq_data);
		desc->irq_data.state &= ~IRQD_IRQ_MASKED;
	} else {
		unmask_irq(desc);
	}
}

/*
 * Disable a line. By default lazily: only the state changes, the hardware
 * stays unmasked, and if an interrupt does arrive the flow handler masks
 * it then and marks it pending. That saves a (slow) controller access on
 * every disable_irq()/enable_irq() pair, the common case being that no
 * interrupt comes in between. IRQ_DISABLE_UNLAZY lines mask at once.
 */
void irq_disable(struct irq_desc *desc)
{
	struct irq_chip *chip = desc->irq_data.chip;
	bool unlazy = desc->status_use_accessors & IRQ_DISABLE_UNLAZY;

	if (irqd_irq_disabled(&desc->irq_data)) {
		if (unlazy)
			mask_irq(desc);
		return;
	}
	desc->irq_data.state |= IRQD_IRQ_DISABLED;
	if (chip->irq_disable) {
		chip->irq_disable(&desc->irq_data);
		desc->irq_data.state |= IRQD_IRQ_MASKED;
	} else if (unlazy) {
		mask_irq(desc);
	}
}

/*
 * An edge that arrived while the line was disabled is pending; on enable
 * it must be delivered, or it is lost for good (nothing will re-assert
 * an edge). Level lines need nothing: still asserted means it comes again.
 * The chip's retrigger makes the hardware deliver it; failing that, the
 * flow handler is run right here, with interrupts off, as a software
 * replay.
 */
void check_irq_resend(struct irq_desc *desc)
{
	if (irqd_is_level_type(&desc->irq_data)) {
		desc->istate &= ~IRQS_PENDING;
		return;
	}
	if (!(desc->istate & IRQS_PENDING))
		return;
	if (desc->istate & IRQS_REPLAY)
		return;
	desc->istate |= IRQS_REPLAY;
	if (desc->irq_data.chip->irq_retrigger &&
	    desc->irq_data.chip->irq_retrigger(&desc->irq_data))
		return;
	desc->istate &= ~IRQS_REPLAY;
	spin_unlock(&desc->lock);
	/*
	 * Hardirq context for the replayed handlers, but entered "raw": not
	 * irq_exit(), which would run softirqs - with interrupts on - inside
	 * enable_irq()'s caller, who may hold irqsave locks. Softirqs the
	 * handlers raise run at the next irq_exit() or local_bh_enable().
	 */
	__preempt_count_add(HARDIRQ_OFFSET);
	generic_handle_irq_desc(desc);
	__preempt_count_sub(HARDIRQ_OFFSET);
	spin_lock(&desc->lock);
}

/* First request of a line: power it up and enable it. */
void irq_startup(struct irq_desc *desc, bool resend)
{
	struct irq_chip *chip = desc->irq_data.chip;

	desc->depth = 0;
	desc->irq_data.state |= IRQD_IRQ_STARTED;
	if (chip->irq_startup) {
		chip->irq_startup(&desc->irq_data);
		desc->irq_data.state &= ~(IRQD_IRQ_DISABLED | IRQD_IRQ_MASKED);
	} else {
		irq_enable(desc);
	}
	if (resend)
		check_irq_resend(desc);
}

/*
 * Last free of a line: disable and mask it, and remember depth 1. Only a
 * started line is shut down at the chip (one shutdown per startup).
 */
void irq_shutdown(struct irq_desc *desc)
{
	struct irq_chip *chip = desc->irq_data.chip;

	desc->depth = 1;
	if (!(desc->irq_data.state & IRQD_IRQ_STARTED)) {
		desc->irq_data.state |= IRQD_IRQ_DISABLED;
		return;
	}
	desc->irq_data.state &= ~IRQD_IRQ_STARTED;
	desc->irq_data.state |= IRQD_IRQ_DISABLED;
	if (chip->irq_shutdown) {
		chip->irq_shutdown(&desc->irq_data);
		desc->irq_data.state |= IRQD_IRQ_MASKED;
	} else if (chip->irq_disable) {
		chip->irq_disable(&desc->irq_data);
		desc->irq_data.state |= IRQD_IRQ_MASKED;
	} else {
		mask_irq(desc);
	}
}

/* --- setting up a line --- */

/**
 * irq_set_chip_and_handler_name - attach controller and flow handler
 * @irq: Linux IRQ number
 * @chip: the controller
 * @handle: the flow handler (handle_level_irq, ...)
 * @name: the flow's name in /proc/interrupts ("edge", "level", ...)
 *
 * Makes the line requestable. Called by controller drivers at boot.
 */
void irq_set_chip_and_handler_name(unsigned int irq, struct irq_chip *chip,
				   irq_flow_handler_t handle, const char *name)
{
	struct irq_desc *desc = irq_to_desc(irq);
	unsigned long flags;

	if (WARN(!desc, "irq_set_chip_and_handler_name: bad irq %u\n", irq))
		return;
	spin_lock_irqsave(&desc->lock, flags);
	desc->irq_data.chip = chip ? chip : &no_irq_chip;
	desc->handle_irq = handle ? handle : handle_bad_irq;
	desc->name = name;
	if (chip && handle && handle != handle_bad_irq)
		desc->status_use_accessors &= ~(IRQ_NOREQUEST | IRQ_NOPROBE);
	else
		desc->status_use_accessors |= IRQ_NOREQUEST;
	spin_unlock_irqrestore(&desc->lock, flags);
}

int irq_set_chip(unsigned int irq, struct irq_chip *chip)
{
	struct irq_desc *desc = irq_to_desc(irq);
	unsigned long flags;

	if (!desc)
		return -EINVAL;
	spin_lock_irqsave(&desc->lock, flags);
	desc->irq_data.chip = chip ? chip : &no_irq_chip;
	spin_unlock_irqrestore(&desc->lock, flags);
	return 0;
}

int irq_set_chip_data(unsigned int irq, void *data)
{
	struct irq_desc *desc = irq_to_desc(irq);

	if (!desc)
		return -EINVAL;
	desc->irq_data.chip_data = data;
	return 0;
}

void irq_set_handler(unsigned int irq, irq_flow_handler_t handle)
{
	struct irq_desc *desc = irq_to_desc(irq);

	if (desc)
		irq_set_chip_and_handler_name(irq, desc->irq_data.chip, handle, desc->name);
}

void irq_set_status_flags(unsigned int irq, unsigned long set)
{
	struct irq_desc *desc = irq_to_desc(irq);
	unsigned long flags;

	if (!desc)
		return;
	spin_lock_irqsave(&desc->lock, flags);
	desc->status_use_accessors |= set;
	if (set & IRQ_LEVEL)
		desc->irq_data.state |= IRQD_LEVEL;
	spin_unlock_irqrestore(&desc->lock, flags);
}

void irq_clear_status_flags(unsigned int irq, unsigned long clr)
{
	struct irq_desc *desc = irq_to_desc(irq);
	unsigned long flags;

	if (!desc)
		return;
	spin_lock_irqsave(&desc->lock, flags);
	desc->status_use_accessors &= ~clr;
	if (clr & IRQ_LEVEL)
		desc->irq_data.state &= ~IRQD_LEVEL;
	spin_unlock_irqrestore(&desc->lock, flags);
}

struct irq_data *irq_get_irq_data(unsigned int irq)
{
	struct irq_desc *desc = irq_to_desc(irq);

	return desc ? &desc->irq_data : NULL;
}

struct irq_chip *irq_get_chip(unsigned int irq)
{
	struct irq_desc *desc = irq_to_desc(irq);

	return desc ? desc->irq_data.chip : NULL;
}
