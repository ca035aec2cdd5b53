// SPDX-License-Identifier: MIT
/*
 * Threaded interrupt handlers: request_threaded_irq()'s second half.
 *
 * A threaded action has two parts. The primary handler runs in hard
 * interrupt context as any other; it only quietens the device and returns
 * IRQ_WAKE_THREAD. The action's kernel thread, "irq/N-name" (SCHED_FIFO
 * priority 50, like every IRQ thread), then runs the thread_fn in process
 * context, where it may sleep and take as long as it needs.
 *
 * A level-triggered device that is only quietened by thread_fn would
 * interrupt again the moment the flow handler unmasked the line. With
 * IRQF_ONESHOT the flow handler leaves the line masked when it woke such
 * a thread; each oneshot action owns one bit of desc->threads_oneshot,
 * set at the wake-up and cleared when its thread run ends, and the last
 * thread to finish unmasks the line.
 *
 * "threadirqs" on the command line forces threading of ordinary
 * request_irq() handlers: the driver's handler becomes the thread_fn,
 * irq_default_primary_handler() the primary, IRQF_ONESHOT is added, and
 * the handler runs with bottom halves and interrupts disabled, as it
 * would have in hard interrupt context (Linux does the same on kernels
 * without PREEMPT_RT, because such handlers take their locks without
 * _irqsave). Linux keeps this code in kernel/irq/manage.c; irqos gives it
 * a file of its own.
 *
 * An IRQ thread runs where its interrupt is delivered. Whenever the line's
 * affinity is set (irq_set_affinity(), /proc/irq/N/smp_affinity, the first
 * startup) every thread of the line is marked IRQTF_AFFINITY, and so is a
 * new thread. The mark is acted on by the thread itself, before it sleeps
 * and before each run of thread_fn: it restricts
 * itself to the line's effective affinity (the CPU the controller really
 * targets; the requested mask where the controller reports none) with
 * set_cpus_allowed_ptr(current), which moves it off a CPU it may no longer
 * use before it goes on. With a one-CPU effective affinity - an I/O APIC
 * pin or an MSI - the primary handler and the thread then share that CPU
 * and its caches. Only the thread itself changes its mask, so no lock is
 * needed against a concurrent run. Per-CPU lines never get the mark.
 */
#include <linux/kernel.h>
#include <linux/init.h>
#include <linux/irq.h>
#include <linux/irqdesc.h>
#include <linux/interrupt.h>
#include <linux/kthread.h>
#include <linux/sched.h>
#include <linux/wait.h>
#include <linux/errno.h>
#include <linux/cpumask.h>
#include <asm/processor.h>

#include "internals.h"

bool force_irqthreads_enabled;

static int __init setup_forced_irqthreads(char *arg)
{
	if (arg)
		return -EINVAL;
	force_irqthreads_enabled = true;
	return 0;
}
early_param("threadirqs", setup_forced_irqthreads);

/* synchronize_irq() sleeps here until a line's threads_active is 0. One
 * queue for all lines: waiting for an IRQ thread is rare. */
static DECLARE_WAIT_QUEUE_HEAD(irq_threads_wq);

static bool thread_flag_test_and_set(struct irqaction *action, int bit)
{
	return __atomic_fetch_or(&action->thread_flags, 1UL << bit, __ATOMIC_SEQ_CST) & (1UL << bit);
}

static bool thread_flag_test_and_clear(struct irqaction *action, int bit)
{
	return __atomic_fetch_and(&action->thread_flags, ~(1UL << bit), __ATOMIC_SEQ_CST) & (1UL << bit);
}

static bool thread_flag_test(struct irqaction *action, int bit)
{
	return __atomic_load_n(&action->thread_flags, __ATOMIC_SEQ_CST) & (1UL << bit);
}

/**
 * irq_default_primary_handler - the primary handler of a request without one
 *
 * request_threaded_irq() with @handler NULL, and every forced-threaded
 * handler, get this: all the work is in the thread.
 */
irqreturn_t irq_default_primary_handler(int irq, void *dev_id)
{
	(void)irq;
	(void)dev_id;
	return IRQ_WAKE_THREAD;
}

/**
 * irq_setup_forced_threading - apply "threadirqs" to a new action
 * @new: the action being requested, not yet on the line
 *
 * Leaves alone what must stay in hard interrupt context (IRQF_NO_THREAD,
 * which IRQF_TIMER includes; IRQF_PERCPU), requests that are already
 * oneshot-threaded, and requests with a real primary handler and a
 * thread_fn (Linux splits those into two threads; irqos does not).
 */
void irq_setup_forced_threading(struct irqaction *new)
{
	if (!force_irqthreads())
		return;
	if (new->flags & (IRQF_NO_THREAD | IRQF_PERCPU | IRQF_ONESHOT))
		return;
	if (new->handler == irq_default_primary_handler || new->thread_fn)
		return;
	new->flags |= IRQF_ONESHOT;
	new->thread_fn = new->handler;
	new->handler = irq_default_primary_handler;
	__atomic_fetch_or(&new->thread_flags, 1UL << IRQTF_FORCED_THREAD, __ATOMIC_RELAXED);
}

/**
 * __irq_wake_thread - the primary handler of @action said IRQ_WAKE_THREAD
 *
 * Called from the flow handler with the handlers in progress
 * (IRQD_IRQ_INPROGRESS), which is what makes the unlocked update of
 * desc->threads_oneshot safe: irq_finalize_oneshot() changes it only
 * under desc->lock and when no handler is in progress. A thread already
 * asked to run is not counted twice: its run will see both interrupts.
 */
void __irq_wake_thread(struct irq_desc *desc, struct irqaction *action)
{
	if (thread_flag_test_and_set(action, IRQTF_RUNTHREAD))
		return;
	desc->threads_oneshot |= action->thread_mask;
	__atomic_add_fetch(&desc->threads_active, 1, __ATOMIC_SEQ_CST);
	wake_up_process(action->thread);
}

/*
 * A thread run of a oneshot action ended: drop its bit, and unmask the
 * line when it was the last and nobody disabled the line meanwhile. If
 * the primary handler already asked for another run (an edge or MSI that
 * came during this one), the bit stays for that run.
 */
static void irq_finalize_oneshot(struct irq_desc *desc, struct irqaction *action)
{
	unsigned long flags;

	if (!(desc->istate & IRQS_ONESHOT))
		return;
	for (;;) {
		spin_lock_irqsave(&desc->lock, flags);
		if (!irqd_irq_inprogress(&desc->irq_data))
			break;
		/* A primary handler is running on another CPU and may be
		 * setting bits; wait until it is done. */
		spin_unlock_irqrestore(&desc->lock, flags);
		cpu_relax();
	}
	if (!thread_flag_test(action, IRQTF_RUNTHREAD)) {
		desc->threads_oneshot &= ~action->thread_mask;
		if (!desc->threads_oneshot && !irqd_irq_disabled(&desc->irq_data) &&
		    irqd_irq_masked(&desc->irq_data))
			unmask_threaded_irq(desc);
	}
	spin_unlock_irqrestore(&desc->lock, flags);
}

/**
 * irq_thread_step - one run of @action's thread, if one was asked for
 *
 * Runs thread_fn (forced threads: with bottom halves and interrupts off),
 * releases a oneshot line and wakes synchronize_irq() waiters when the
 * line's last active thread is done. The loop of the irq/N-name thread is
 * "sleep until woken, then this"; host tests call it directly.
 *
 * Return: false if no run was pending (nothing done).
 */
bool irq_thread_step(struct irqaction *action)
{
	struct irq_desc *desc = irq_to_desc(action->irq);
	bool forced = thread_flag_test(action, IRQTF_FORCED_THREAD);

	if (!thread_flag_test_and_clear(action, IRQTF_RUNTHREAD))
		return false;
	if (forced) {
		local_bh_disable();
		local_irq_disable();
	}
	action->thread_fn(action->irq, action->dev_id);
	irq_finalize_oneshot(desc, action);
	if (forced) {
		local_irq_enable();
		local_bh_enable();
	}
	if (!__atomic_sub_fetch(&desc->threads_active, 1, __ATOMIC_SEQ_CST))
		wake_up_all(&irq_threads_wq);
	return true;
}

/**
 * irq_set_thread_affinity - tell @desc's threads that the line moved
 *
 * Called by the affinity code with desc->lock held, after the controller
 * took the new affinity. Each thread moves itself when it next runs.
 */
void irq_set_thread_affinity(struct irq_desc *desc)
{
	struct irqaction *action;

	if (desc->irq_data.state & IRQD_PER_CPU)
		return;
	for (action = desc->action; action; action = action->next)
		if (action->thread)
			thread_flag_test_and_set(action, IRQTF_AFFINITY);
}

/**
 * irq_thread_affinity_mask - the CPUs @desc's threads should run on
 *
 * The effective affinity, else the requested one, limited to online CPUs;
 * 0 (leave the thread alone) for per-CPU lines and when no online CPU is
 * left. Called with desc->lock held.
 */
unsigned long irq_thread_affinity_mask(struct irq_desc *desc)
{
	unsigned long online = __cpumask_word(cpu_online_mask) & __cpumask_valid_bits();
	unsigned long mask = desc->effective_affinity & online;

	if (desc->irq_data.state & IRQD_PER_CPU)
		return 0;
	if (!mask)
		mask = desc->affinity & online;
	return mask;
}

/**
 * irq_thread_check_affinity - follow the line's affinity if it changed
 * @action: the action whose thread is current
 *
 * Called by the irq/N-name thread itself, running (TASK_RUNNING), with no
 * lock held: set_cpus_allowed_ptr() leaves a CPU outside the new mask at
 * once, so the caller continues on a CPU of the line. If the mask cannot
 * be applied the mark stays for the next run.
 *
 * Return: true if the thread's allowed CPUs were set.
 */
bool irq_thread_check_affinity(struct irqaction *action)
{
	struct irq_desc *desc = irq_to_desc(action->irq);
	unsigned long flags, bits;
	cpumask_t mask = CPU_MASK_NONE;

	if (!thread_flag_test_and_clear(action, IRQTF_AFFINITY))
		return false;
	spin_lock_irqsave(&desc->lock, flags);
	bits = irq_thread_affinity_mask(desc);
	spin_unlock_irqrestore(&desc->lock, flags);
	if (!bits)
		return false;
	mask.bits[0] = bits;
	if (set_cpus_allowed_ptr(current, &mask)) {
		thread_flag_test_and_set(action, IRQTF_AFFINITY);
		return false;
	}
	return true;
}

/*
 * Sleep until a run is asked for (0) or kthread_stop() is called (-1). A
 * run asked for before the stop is still done: free_irq() waits for it in
 * synchronize_irq() before it stops the thread.
 */
static int irq_wait_for_interrupt(struct irqaction *action)
{
	for (;;) {
		/* Before sleeping: the next wake-up is then already on
		 * the line's CPU. */
		irq_thread_check_affinity(action);
		set_current_state(TASK_INTERRUPTIBLE);
		if (thread_flag_test(action, IRQTF_RUNTHREAD)) {
			__set_current_state(TASK_RUNNING);
			return 0;
		}
		if (kthread_should_stop()) {
			__set_current_state(TASK_RUNNING);
			return -1;
		}
		schedule();
	}
}

/* The body of every irq/N-name thread. */
static int irq_thread(void *data)
{
	struct irqaction *action = data;

	while (!irq_wait_for_interrupt(action)) {
		/* Again here: the affinity may have changed after the check
		 * in the wait loop and before this run was asked for (the
		 * thread then never slept), and the run must be on the
		 * CPU of the interrupt that asked for it. */
		irq_thread_check_affinity(action);
		irq_thread_step(action);
	}
	return 0;
}

/**
 * irq_setup_thread - create the irq/N-name thread of @new (not started)
 *
 * The name is cut to 15 characters, as every task name.
 * Return: 0 or the error of kthread_create().
 */
int irq_setup_thread(struct irqaction *new, unsigned int irq)
{
	struct task_struct *t;

	t = kthread_create(irq_thread, new, "irq/%u-%s", irq, new->name);
	if (IS_ERR(t))
		return PTR_ERR(t);
	sched_set_fifo(t);
	/* Its first run puts it on the line's CPUs. */
	__atomic_fetch_or(&new->thread_flags, 1UL << IRQTF_AFFINITY, __ATOMIC_RELAXED);
	new->thread = t;
	return 0;
}

/** irq_stop_thread - stop and forget @action's thread, if it has one */
void irq_stop_thread(struct irqaction *action)
{
	if (!action->thread)
		return;
	kthread_stop(action->thread);
	action->thread = NULL;
}

/**
 * irq_wait_for_threads - sleep until no thread of @desc is woken or running
 *
 * Returns at once when none is (so it is safe where sleeping is not, as
 * long as the line has no threads at work).
 */
void irq_wait_for_threads(struct irq_desc *desc)
{
	wait_event(irq_threads_wq, !__atomic_load_n(&desc->threads_active, __ATOMIC_SEQ_CST));
}
