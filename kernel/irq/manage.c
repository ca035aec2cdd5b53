// SPDX-License-Identifier: MIT
/*
 * The driver API: request_irq(), request_threaded_irq(), free_irq(),
 * disable_irq(), enable_irq(), synchronize_irq(). The threads of threaded
 * handlers live in thread.c.
 *
 * Errors never corrupt state: an IRQ number without a descriptor or a
 * controller, a missing handler, a shared request without a dev_id, or a
 * request that does not agree with the handlers already on the line is
 * refused with an error code and nothing changes.
 */
#include <linux/kernel.h>
#include <linux/irq.h>
#include <linux/irqdesc.h>
#include <linux/interrupt.h>
#include <linux/slab.h>
#include <linux/errno.h>
#include <linux/cpumask.h>
#include <linux/sched.h>
#include <asm/processor.h>

#include "internals.h"

/**
 * synchronize_irq - wait until no handler of @irq is running
 *
 * Use after making sure the device will not raise the interrupt again
 * (or after disable_irq_nosync()) and before freeing what the handler
 * uses. Must not be called from the handler itself: it would wait forever.
 * Waits for the hard interrupt handlers (spinning), then for handler
 * threads woken and not yet finished (sleeping, so only then does it
 * need process context).
 */
void synchronize_irq(unsigned int irq)
{
	struct irq_desc *desc = irq_to_desc(irq);
	unsigned long flags;
	bool inprogress;

	if (!desc)
		return;
	do {
		while (irqd_irq_inprogress(&desc->irq_data))
			cpu_relax();
		/* Re-check under the lock: it may have started again. */
		spin_lock_irqsave(&desc->lock, flags);
		inprogress = irqd_irq_inprogress(&desc->irq_data);
		spin_unlock_irqrestore(&desc->lock, flags);
	} while (inprogress);
	irq_wait_for_threads(desc);
}

/* Program the trigger type; called with desc->lock held. */
int __irq_set_trigger(struct irq_desc *desc, unsigned long flags)
{
	struct irq_chip *chip = desc->irq_data.chip;
	unsigned int type = flags & IRQ_TYPE_SENSE_MASK;
	int ret = 0;

	if (chip->irq_set_type) {
		ret = chip->irq_set_type(&desc->irq_data, type);
		if (ret)
			return ret;
	}
	desc->irq_data.state &= ~(IRQD_TRIGGER_MASK | IRQD_LEVEL);
	desc->irq_data.state |= type | IRQD_DEFAULT_TRIGGER_SET;
	if (type & IRQ_TYPE_LEVEL_MASK) {
		desc->irq_data.state |= IRQD_LEVEL;
		desc->status_use_accessors |= IRQ_LEVEL;
	} else {
		desc->status_use_accessors &= ~IRQ_LEVEL;
	}
	return 0;
}

/**
 * irq_set_irq_type - set edge/level and polarity of @irq (IRQ_TYPE_*)
 */
int irq_set_irq_type(unsigned int irq, unsigned int type)
{
	struct irq_desc *desc = irq_to_desc(irq);
	unsigned long flags;
	int ret;

	if (!desc)
		return -EINVAL;
	spin_lock_irqsave(&desc->lock, flags);
	ret = __irq_set_trigger(desc, type);
	spin_unlock_irqrestore(&desc->lock, flags);
	return ret;
}

void __disable_irq(struct irq_desc *desc)
{
	if (!desc->depth++)
		irq_disable(desc);
}

void __enable_irq(struct irq_desc *desc)
{
	switch (desc->depth) {
	case 0:
		WARN(1, "Unbalanced enable for IRQ %u\n", irq_desc_get_irq(desc));
		break;
	case 1:
		/* A line requested with IRQF_NO_AUTOEN was never started. */
		if (!(desc->irq_data.state & IRQD_IRQ_STARTED)) {
			irq_startup(desc, true);
			break;
		}
		desc->depth = 0;
		irq_enable(desc);
		check_irq_resend(desc);
		break;
	default:
		desc->depth--;
	}
}

/**
 * disable_irq_nosync - disable @irq without waiting for running handlers
 *
 * Calls nest: the line comes back after as many enable_irq() calls.
 * Safe from interrupt context.
 */
void disable_irq_nosync(unsigned int irq)
{
	struct irq_desc *desc = irq_to_desc(irq);
	unsigned long flags;

	if (!desc)
		return;
	spin_lock_irqsave(&desc->lock, flags);
	__disable_irq(desc);
	spin_unlock_irqrestore(&desc->lock, flags);
}

/**
 * disable_irq - disable @irq and wait for its running handlers to finish
 *
 * After this returns no handler of @irq runs until enable_irq(), and no
 * handler thread is still at work (waiting for one sleeps). Do not call it
 * from that IRQ's own handler or thread (it would wait for itself); use
 * disable_irq_nosync() there.
 */
void disable_irq(unsigned int irq)
{
	disable_irq_nosync(irq);
	synchronize_irq(irq);
}

/**
 * enable_irq - undo one disable_irq()
 *
 * When the depth reaches 0 the line is enabled again, and an edge that
 * came in while it was disabled is delivered. An enable without a matching
 * disable is a bug: "Unbalanced enable for IRQ N" and nothing changes.
 */
void enable_irq(unsigned int irq)
{
	struct irq_desc *desc = irq_to_desc(irq);
	unsigned long flags;

	if (!desc)
		return;
	spin_lock_irqsave(&desc->lock, flags);
	if (WARN(desc->irq_data.chip == &no_irq_chip,
		 "enable_irq before setup/request_irq: irq %u\n", irq))
		goto out;
	__enable_irq(desc);
out:
	spin_unlock_irqrestore(&desc->lock, flags);
}

bool irq_has_action(unsigned int irq)
{
	struct irq_desc *desc = irq_to_desc(irq);

	return desc && READ_ONCE(desc->action) != NULL;
}

/*
 * Interrupt affinity. desc->affinity is the mask asked for (all CPUs until
 * someone asks), desc->effective_affinity the CPUs the controller really
 * targets: an I/O APIC line or an MSI message names one CPU, so that is
 * one CPU of the requested mask that is online. A controller reports its
 * choice by writing effective_affinity from its irq_set_affinity method
 * (called with desc->lock held); one that does not is assumed to deliver
 * to every online CPU of the mask.
 */
struct cpumask irq_default_affinity = { { ~0UL } };

/**
 * irq_can_set_affinity - whether @irq's controller can steer it
 *
 * False for lines without a descriptor, per-CPU lines, and controllers
 * without an irq_set_affinity method (the 8259: every interrupt goes to
 * the boot CPU).
 */
bool irq_can_set_affinity(unsigned int irq)
{
	struct irq_desc *desc = irq_to_desc(irq);
	struct irq_chip *chip;

	if (!desc || (desc->irq_data.state & IRQD_PER_CPU))
		return false;
	chip = READ_ONCE(desc->irq_data.chip);
	return chip && chip->irq_set_affinity;
}

/* Program @mask into the controller; desc->lock held. */
static int irq_do_set_affinity(struct irq_desc *desc, unsigned long mask, bool force)
{
	struct irq_chip *chip = desc->irq_data.chip;
	unsigned long online = mask & __cpumask_word(cpu_online_mask) & __cpumask_valid_bits();
	unsigned long before = desc->effective_affinity;
	int ret;

	if (!chip || !chip->irq_set_affinity || (desc->irq_data.state & IRQD_PER_CPU))
		return -EINVAL;
	if (!online)
		return -EINVAL;
	desc->effective_affinity = 0;
	ret = chip->irq_set_affinity(&desc->irq_data, online, force);
	if (ret < 0) {
		desc->effective_affinity = before;
		return ret;
	}
	if (!desc->effective_affinity)
		desc->effective_affinity = online;
	desc->affinity = mask & __cpumask_valid_bits();
	desc->irq_data.state |= IRQD_AFFINITY_SET;
	/* The line's threads move after it, each when it next runs. */
	irq_set_thread_affinity(desc);
	return 0;
}

/**
 * irq_set_affinity - deliver @irq to the CPUs of @mask
 * @irq:  Linux IRQ number
 * @mask: the CPUs allowed; at least one must be online
 *
 * The controller picks the CPU(s) it targets among the online CPUs of
 * @mask (an I/O APIC or MSI line: one of them); the request is kept in
 * desc->affinity, the choice in desc->effective_affinity.
 *
 * Return: 0, -EINVAL (no such line, an empty mask, no online CPU in the
 * mask, a controller that cannot steer the line), or the controller's
 * error (-ENOSPC: no free vector on the target CPU; -EBUSY only if an
 * interrupt in service never ends).
 */
int irq_set_affinity(unsigned int irq, const struct cpumask *mask)
{
	struct irq_desc *desc = irq_to_desc(irq);
	unsigned long flags, tries;
	int ret;

	if (!desc || !mask || cpumask_empty(mask))
		return -EINVAL;
	/*
	 * -EBUSY: an I/O APIC level line has an interrupt in service (Remote
	 * IRR), which the CPU handling it ends with its EOI in a moment.
	 * Linux defers such a move to that EOI; irqos waits for it instead,
	 * with the lock dropped so that CPU's flow handler can finish.
	 */
	for (tries = 0; ; tries++) {
		spin_lock_irqsave(&desc->lock, flags);
		ret = irq_do_set_affinity(desc, __cpumask_word(mask), false);
		spin_unlock_irqrestore(&desc->lock, flags);
		if (ret != -EBUSY || tries >= 1000000)
			return ret;
		cpu_relax();
	}
}

/*
 * First start of a line: target the affinity a user chose earlier if it
 * still has an online CPU, else irq_default_affinity (Linux's
 * irq_setup_affinity()). Failure leaves the controller's own choice.
 */
static void irq_setup_affinity(struct irq_desc *desc)
{
	unsigned long set = __cpumask_word(&irq_default_affinity);
	unsigned long online = __cpumask_word(cpu_online_mask);
	struct irq_chip *chip = desc->irq_data.chip;

	if (!chip || !chip->irq_set_affinity || (desc->irq_data.state & IRQD_PER_CPU))
		return;
	if ((desc->irq_data.state & IRQD_AFFINITY_SET) && (desc->affinity & online))
		set = desc->affinity;
	if (!(set & online))
		set = online;
	irq_do_set_affinity(desc, set, false);
}

/*
 * Attach @new to the line. Sharing rules, as Linux: every action on a
 * shared line must have said IRQF_SHARED, agree on the trigger type and
 * on IRQF_ONESHOT and IRQF_PERCPU. The first action starts the line.
 * A threaded action gets its irq/N-name thread first ("threadirqs" may
 * have made it one); it is started once the action is on the line.
 */
static int __setup_irq(unsigned int irq, struct irq_desc *desc, struct irqaction *new)
{
	struct irqaction *old, **old_ptr;
	unsigned int oldtype = 0;
	unsigned long flags, thread_mask = 0;
	bool shared = false, inherit_type = false;
	int ret;

	if (desc->irq_data.chip == &no_irq_chip)
		return -ENOSYS;

	irq_setup_forced_threading(new);
	if (new->thread_fn) {
		ret = irq_setup_thread(new, irq);
		if (ret)
			return ret;
	}

	spin_lock_irqsave(&desc->lock, flags);
	/* A request that names no trigger type takes the line's, as set by
	 * the controller or firmware (an I/O APIC PCI line is level). */
	if (!(new->flags & IRQF_TRIGGER_MASK) &&
	    (desc->irq_data.state & IRQD_DEFAULT_TRIGGER_SET))
		new->flags |= irqd_get_trigger_type(&desc->irq_data);
	old_ptr = &desc->action;
	old = *old_ptr;
	if (old) {
		/* Nobody set the trigger type yet: the first sharer did not
		 * care, so the newcomer's choice becomes the line's (recorded
		 * below, once the request is known to succeed). */
		if (desc->irq_data.state & IRQD_DEFAULT_TRIGGER_SET) {
			oldtype = irqd_get_trigger_type(&desc->irq_data);
		} else {
			oldtype = new->flags & IRQF_TRIGGER_MASK;
			inherit_type = true;
		}
		if (!((old->flags & new->flags) & IRQF_SHARED) ||
		    oldtype != (new->flags & IRQF_TRIGGER_MASK) ||
		    ((old->flags ^ new->flags) & IRQF_ONESHOT) ||
		    ((old->flags ^ new->flags) & IRQF_PERCPU))
			goto mismatch;
		if (inherit_type)
			desc->irq_data.state = (desc->irq_data.state & ~IRQD_TRIGGER_MASK) |
					       oldtype | IRQD_DEFAULT_TRIGGER_SET;
		/* Append: handlers run in request order. */
		while (old) {
			old_ptr = &old->next;
			old = *old_ptr;
		}
		shared = true;
	}

	/*
	 * A oneshot action gets its own bit in desc->threads_oneshot. A
	 * request without a primary handler must be oneshot: otherwise the
	 * line is unmasked as soon as the default handler has woken the
	 * thread, and a level device that only the thread quietens would
	 * interrupt again at once, forever. Linux refuses it on any line, as
	 * the trigger type the driver gave may not be the line's real one.
	 */
	if (new->flags & IRQF_ONESHOT) {
		for (old = desc->action; old; old = old->next)
			thread_mask |= old->thread_mask;
		if (thread_mask == ~0UL) {
			ret = -EBUSY;
			goto out_unlock;
		}
		new->thread_mask = 1UL << __builtin_ctzl(~thread_mask);
	} else if (new->handler == irq_default_primary_handler) {
		pr_err("Threaded irq requested with handler=NULL and !ONESHOT for %s (irq %u)\n",
		       new->name, irq);
		ret = -EINVAL;
		goto out_unlock;
	}

	if (!shared) {
		if (new->flags & IRQF_TRIGGER_MASK) {
			ret = __irq_set_trigger(desc, new->flags & IRQF_TRIGGER_MASK);
			if (ret)
				goto out_unlock;
		}
		if (desc->istate & IRQS_SPURIOUS_DISABLED)
			irq_spurious_reenabled();
		desc->istate &= ~(IRQS_AUTODETECT | IRQS_SPURIOUS_DISABLED |
				  IRQS_ONESHOT | IRQS_WAITING);
		desc->irq_data.state &= ~IRQD_IRQ_INPROGRESS;
		if (new->flags & IRQF_ONESHOT)
			desc->istate |= IRQS_ONESHOT;
		if (new->flags & IRQF_PERCPU) {
			desc->irq_data.state |= IRQD_PER_CPU;
			desc->status_use_accessors |= IRQ_PER_CPU;
		}
	}

	new->irq = irq;
	*old_ptr = new;

	/* A new handler gets a fresh spurious-detection window. */
	desc->irq_count = 0;
	desc->irqs_unhandled = 0;

	if (!shared) {
		if ((new->flags & IRQF_NO_AUTOEN) ||
		    (desc->status_use_accessors & IRQ_NOAUTOEN))
			desc->depth = 1;
		else {
			irq_setup_affinity(desc);
			irq_startup(desc, true);
		}
	} else if (desc->istate & IRQS_SPURIOUS_DISABLED) {
		/* The line was shut off as screaming; a new handler may be
		 * the one that was missing. Give it another chance. */
		desc->istate &= ~IRQS_SPURIOUS_DISABLED;
		irq_spurious_reenabled();
		__enable_irq(desc);
	}
	spin_unlock_irqrestore(&desc->lock, flags);
	/* Let the thread run into its loop and sleep there. */
	if (new->thread)
		wake_up_process(new->thread);
	register_irq_proc(irq, desc);
	return 0;

mismatch:
	if (!(new->flags & IRQF_PROBE_SHARED))
		pr_err("Flags mismatch irq %u. %08x (%s) vs. %08x (%s)\n",
		       irq, new->flags, new->name, old->flags, old->name);
	ret = -EBUSY;
out_unlock:
	spin_unlock_irqrestore(&desc->lock, flags);
	irq_stop_thread(new);
	return ret;
}

/**
 * request_threaded_irq - attach a handler to an interrupt line
 * @irq: Linux IRQ number
 * @handler: called in hard interrupt context; returns IRQ_WAKE_THREAD to
 *           have @thread_fn run. NULL: irq_default_primary_handler(),
 *           which always does (then IRQF_ONESHOT is required)
 * @thread_fn: NULL, or the handler run in the action's own kernel thread,
 *             "irq/N-devname" (SCHED_FIFO 50), in process context
 * @irqflags: IRQF_*; IRQF_ONESHOT keeps the line masked from the interrupt
 *            until @thread_fn has returned
 * @devname: the name shown in /proc/interrupts
 * @dev_id: passed to the handler; required (and must be unique) on
 *          shared lines, as free_irq() finds the action by it
 *
 * Returns 0, -EINVAL (bad irq, neither handler, shared without dev_id,
 * line not requestable, no primary handler and no IRQF_ONESHOT), -ENOSYS
 * (no controller), -EBUSY (sharing mismatch, or every oneshot bit of the
 * line taken) or -ENOMEM (also: no thread).
 */
int request_threaded_irq(unsigned int irq, irq_handler_t handler,
			 irq_handler_t thread_fn, unsigned long irqflags,
			 const char *devname, void *dev_id)
{
	struct irq_desc *desc = irq_to_desc(irq);
	struct irqaction *action;
	int ret;

	if ((irqflags & IRQF_SHARED) && !dev_id)
		return -EINVAL;
	if (!desc || (desc->status_use_accessors & IRQ_NOREQUEST))
		return -EINVAL;
	if (!handler) {
		if (!thread_fn)
			return -EINVAL;
		handler = irq_default_primary_handler;
	}

	action = kzalloc(sizeof(*action), GFP_KERNEL);
	if (!action)
		return -ENOMEM;
	action->handler = handler;
	action->thread_fn = thread_fn;
	action->flags = irqflags;
	action->name = devname;
	action->dev_id = dev_id;

	ret = __setup_irq(irq, desc, action);
	if (ret)
		kfree(action);
	return ret;
}

/**
 * request_irq - attach @handler to @irq (see request_threaded_irq)
 */
int request_irq(unsigned int irq, irq_handler_t handler, unsigned long flags,
		const char *name, void *dev_id)
{
	return request_threaded_irq(irq, handler, NULL, flags, name, dev_id);
}

/*
 * Detach the action of @dev_id. Unknown dev_id: a WARN with a backtrace
 * and nothing changes. The last action shuts the line down. Handlers that
 * may still be running on another CPU are waited for before returning,
 * so the caller may free what they use.
 */
static struct irqaction *__free_irq(struct irq_desc *desc, void *dev_id)
{
	unsigned int irq = irq_desc_get_irq(desc);
	struct irqaction *action, **action_ptr;
	unsigned long flags;

	WARN(in_interrupt(), "Trying to free IRQ %u from IRQ context!\n", irq);

	spin_lock_irqsave(&desc->lock, flags);
	action_ptr = &desc->action;
	for (;;) {
		action = *action_ptr;
		if (!action) {
			spin_unlock_irqrestore(&desc->lock, flags);
			WARN(1, "Trying to free already-free IRQ %u\n", irq);
			return NULL;
		}
		if (action->dev_id == dev_id)
			break;
		action_ptr = &action->next;
	}
	*action_ptr = action->next;
	if (!desc->action)
		irq_shutdown(desc);
	spin_unlock_irqrestore(&desc->lock, flags);

	/* Hard handlers and woken threads done: the thread can go. */
	synchronize_irq(irq);
	irq_stop_thread(action);
	return action;
}

/**
 * free_irq - detach the handler registered with @dev_id from @irq
 *
 * Returns the devname given to request_irq(), or NULL if there was no
 * such handler (which is reported with a WARN).
 */
const void *free_irq(unsigned int irq, void *dev_id)
{
	struct irq_desc *desc = irq_to_desc(irq);
	struct irqaction *action;
	const char *devname;

	if (!desc)
		return NULL;
	action = __free_irq(desc, dev_id);
	if (!action)
		return NULL;
	devname = action->name;
	kfree(action);
	return devname;
}
