// SPDX-License-Identifier: MIT
/*
 * Catching interrupt lines that nobody handles.
 *
 * A level-triggered line whose device nobody services stays asserted and
 * interrupts again the moment it is unmasked: the CPU does nothing else.
 * note_interrupt() watches every interrupt's combined return value. In a
 * window of 100,000 interrupts on a line, if more than 99,900 were
 * answered IRQ_NONE by every handler (with no gap of more than HZ/10
 * between them), the line is reported ("nobody cared"), its handlers are
 * listed, and it is disabled. A disabled spurious line is then polled
 * every HZ/10 by poll_spurious_irq_timer (a timer_list, armed when a line
 * is disabled and re-armed while one stays disabled) so the devices on it
 * keep some service.
 *
 * Options (as Linux): "noirqdebug" turns the detector off; "irqfixup"
 * tries the other lines' handlers when a line's own say IRQ_NONE
 * (misrouted interrupts); "irqpoll" also does so on every timer tick.
 */
#include <linux/kernel.h>
#include <linux/init.h>
#include <linux/irq.h>
#include <linux/irqdesc.h>
#include <linux/interrupt.h>
#include <linux/jiffies.h>
#include <linux/timer.h>
#include <linux/printk.h>

#include "internals.h"

#define SPURIOUS_WINDOW      100000
#define SPURIOUS_THRESHOLD    99900
#define POLL_SPURIOUS_IRQ_INTERVAL (HZ / 10)

int noirqdebug;
int irqfixup;
static int irq_poll_active;
static unsigned long spurious_disabled_lines;   /* lines currently shut off */
static unsigned long last_spurious_poll;

static void poll_spurious_irq_timer_fn(struct timer_list *unused);
static DEFINE_TIMER(poll_spurious_irq_timer, poll_spurious_irq_timer_fn);

static bool bad_action_ret(irqreturn_t ret)
{
	return (unsigned int)ret > (IRQ_HANDLED | IRQ_WAKE_THREAD);
}

static void __report_bad_irq(struct irq_desc *desc, irqreturn_t action_ret)
{
	unsigned int irq = irq_desc_get_irq(desc);
	struct irqaction *action;

	if (bad_action_ret(action_ret))
		printk(KERN_ERR "irq event %u: bogus return value %x\n", irq, action_ret);
	else
		printk(KERN_ERR "irq %u: nobody cared (try booting with the \"irqpoll\" option)\n", irq);
	dump_stack();
	printk(KERN_ERR "handlers:\n");
	/* Called in the interrupt with the chain stable (the lock is not
	 * needed to read it: free_irq waits for running handlers). */
	for (action = desc->action; action; action = action->next)
		printk(KERN_ERR "[<%016lx>] %ps\n", (unsigned long)action->handler, action->handler);
}

/*
 * Run the handlers of one other line, as if its interrupt had come in:
 * for misrouted interrupts (irqfixup/irqpoll) and for polling a line that
 * was disabled as spurious. Returns true if any handler claimed it.
 */
static bool try_one_irq(struct irq_desc *desc, bool force)
{
	irqreturn_t ret = IRQ_NONE;
	struct irqaction *action;

	spin_lock(&desc->lock);
	if (desc->status_use_accessors & IRQ_PER_CPU)
		goto out;
	/* A disabled line is polled only when it was disabled as spurious. */
	if (irqd_irq_disabled(&desc->irq_data) && !force)
		goto out;
	action = desc->action;
	if (!action || irqd_irq_inprogress(&desc->irq_data))
		goto out;
	/* Only shared lines can have been the real source - unless forced. */
	if (!(action->flags & IRQF_SHARED) && !force)
		goto out;
	desc->istate |= IRQS_POLL_INPROGRESS;
	desc->irq_data.state |= IRQD_IRQ_INPROGRESS;
	spin_unlock(&desc->lock);
	for (; action; action = action->next) {
		irqreturn_t res = action->handler(irq_desc_get_irq(desc), action->dev_id);

		/* A threaded action's primary claims it; its thread does the
		 * rest, as after a real interrupt. */
		if (res == IRQ_WAKE_THREAD && action->thread)
			__irq_wake_thread(desc, action);
		ret |= res;
	}
	ret &= IRQ_HANDLED | IRQ_WAKE_THREAD;
	spin_lock(&desc->lock);
	desc->irq_data.state &= ~IRQD_IRQ_INPROGRESS;
	desc->istate &= ~IRQS_POLL_INPROGRESS;
out:
	spin_unlock(&desc->lock);
	return ret != IRQ_NONE;
}

/* Ask every other line's handlers; returns how many claimed one. */
static int misrouted_irq(unsigned int irq)
{
	unsigned int i;
	int ok = 0;

	if (__atomic_exchange_n(&irq_poll_active, 1, __ATOMIC_ACQUIRE))
		return 0;
	for (i = 1; i < nr_irqs; i++) {
		if (i == irq)
			continue;
		if (try_one_irq(irq_to_desc(i), false))
			ok++;
	}
	__atomic_store_n(&irq_poll_active, 0, __ATOMIC_RELEASE);
	return ok;
}

static bool try_misrouted_irq(unsigned int irq, struct irq_desc *desc,
			      irqreturn_t action_ret)
{
	struct irqaction *action;

	if (!irqfixup)
		return false;
	/* irqfixup: an interrupt nobody claimed may belong to another line. */
	if (action_ret == IRQ_NONE)
		return true;
	/* irqpoll: the timer interrupt (IRQF_IRQPOLL) polls every line. */
	if (irqfixup < IRQ_MISROUTED_POLL)
		return false;
	action = desc->action;
	return action && (action->flags & IRQF_IRQPOLL);
}

/* A line disabled as spurious got a new handler and is live again. */
void irq_spurious_reenabled(void)
{
	__atomic_fetch_sub(&spurious_disabled_lines, 1, __ATOMIC_RELAXED);
}

/**
 * note_interrupt - account one interrupt's result; disable a screaming line
 * @desc: the line, with desc->lock NOT held (called after the handlers)
 * @action_ret: the OR of every handler's return value
 */
void note_interrupt(struct irq_desc *desc, irqreturn_t action_ret)
{
	unsigned int irq = irq_desc_get_irq(desc);

	if (desc->istate & IRQS_POLL_INPROGRESS)
		return;
	if (bad_action_ret(action_ret)) {
		/* A driver bug, not a storm: report it, but not forever. */
		static int reports_left = 100;

		if (reports_left > 0) {
			reports_left--;
			__report_bad_irq(desc, action_ret);
		}
		return;
	}
	if (action_ret == IRQ_NONE) {
		/* An unhandled interrupt long after the previous one is
		 * noise, not a storm: restart the count. */
		if (time_after(jiffies, desc->last_unhandled + HZ / 10))
			desc->irqs_unhandled = 1;
		else
			desc->irqs_unhandled++;
		desc->last_unhandled = jiffies;
	}
	if (try_misrouted_irq(irq, desc, action_ret)) {
		int ok = misrouted_irq(irq);

		if (action_ret == IRQ_NONE && desc->irqs_unhandled >= (unsigned int)ok)
			desc->irqs_unhandled -= ok;
	}
	if (!desc->irqs_unhandled)
		return;

	desc->irq_count++;
	if (desc->irq_count < SPURIOUS_WINDOW)
		return;
	desc->irq_count = 0;
	if (desc->irqs_unhandled > SPURIOUS_THRESHOLD) {
		__report_bad_irq(desc, action_ret);
		printk(KERN_EMERG "Disabling IRQ #%u\n", irq);
		spin_lock(&desc->lock);
		desc->istate |= IRQS_SPURIOUS_DISABLED;
		desc->depth++;
		irq_disable(desc);
		/* Mask now: lazily would let it scream once more. */
		mask_irq(desc);
		spin_unlock(&desc->lock);
		__atomic_fetch_add(&spurious_disabled_lines, 1, __ATOMIC_RELAXED);
		last_spurious_poll = jiffies;
		mod_timer(&poll_spurious_irq_timer, jiffies + POLL_SPURIOUS_IRQ_INTERVAL);
	}
	desc->irqs_unhandled = 0;
}

/**
 * poll_spurious_irqs - service lines disabled as spurious
 *
 * Called by poll_spurious_irq_timer; does work only every HZ/10 and only
 * while some line has been disabled as "nobody cared". Each such line's
 * handlers are run with the line masked, so its devices are not starved.
 */
void poll_spurious_irqs(void)
{
	unsigned int i;

	if (!READ_ONCE(spurious_disabled_lines))
		return;
	if (!time_after_eq(jiffies, last_spurious_poll + POLL_SPURIOUS_IRQ_INTERVAL))
		return;
	last_spurious_poll = jiffies;
	if (__atomic_exchange_n(&irq_poll_active, 1, __ATOMIC_ACQUIRE))
		return;
	for (i = 0; i < nr_irqs; i++) {
		struct irq_desc *desc = irq_to_desc(i);

		if (READ_ONCE(desc->istate) & IRQS_SPURIOUS_DISABLED)
			try_one_irq(desc, true);
	}
	__atomic_store_n(&irq_poll_active, 0, __ATOMIC_RELEASE);
}

/* TIMER_SOFTIRQ: poll, and come back in HZ/10 while a line stays off. */
static void poll_spurious_irq_timer_fn(struct timer_list *unused)
{
	poll_spurious_irqs();
	if (READ_ONCE(spurious_disabled_lines))
		mod_timer(&poll_spurious_irq_timer, jiffies + POLL_SPURIOUS_IRQ_INTERVAL);
}

static int __init noirqdebug_setup(char *str)
{
	noirqdebug = 1;
	printk(KERN_INFO "IRQ lockup detection disabled\n");
	return 0;
}
early_param("noirqdebug", noirqdebug_setup);

static int __init irqfixup_setup(char *str)
{
	irqfixup = IRQ_MISROUTED_FIXUP;
	printk(KERN_WARNING "Misrouted IRQ fixup support enabled.\n");
	printk(KERN_WARNING "This may impact system performance.\n");
	return 0;
}
early_param("irqfixup", irqfixup_setup);

static int __init irqpoll_setup(char *str)
{
	irqfixup = IRQ_MISROUTED_POLL;
	printk(KERN_WARNING "Misrouted IRQ fixup and polling support enabled\n");
	printk(KERN_WARNING "This may significantly impact system performance\n");
	return 0;
}
early_param("irqpoll", irqpoll_setup);
