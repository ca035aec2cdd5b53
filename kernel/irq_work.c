// SPDX-License-Identifier: MIT
/*
 * irq_work: functions run in hard interrupt context on a chosen CPU, asked
 * for from any context (see include/linux/irq_work.h for the API).
 *
 * Each CPU has two lock-free lists (include/linux/llist.h):
 *
 *   raised_list  works that want to run now. The push that makes the list
 *                non-empty sends the self-IPI (arch_irq_work_raise); later
 *                pushes ride on that IPI.
 *   lazy_list    IRQ_WORK_LAZY works, and every work queued while no IPI
 *                can be sent (no Local APIC, or before the IPI handlers are
 *                installed): the next tick runs them (irq_work_tick).
 *
 * A work's flags say where it is: claiming sets PENDING|BUSY in one atomic
 * OR, and whoever finds PENDING already set lost the race and queues
 * nothing. The runner clears PENDING before calling the function - so the
 * function, or anyone else, may queue it again - and clears BUSY after,
 * unless the work was claimed again meanwhile. irq_work_sync() waits for
 * BUSY to clear.
 *
 * Nothing here takes a lock or touches anything but the per-CPU lists, so
 * an NMI handler can queue a work on its own CPU even when it interrupted
 * irq_work_queue() or irq_work_run() there.
 */
#include <linux/kernel.h>
#include <linux/irq_work.h>
#include <linux/smp.h>
#include <linux/percpu.h>
#include <linux/preempt.h>
#include <linux/hardirq.h>
#include <linux/irqflags.h>
#include <linux/bug.h>
#include <asm/processor.h>

static DEFINE_PER_CPU(struct llist_head, raised_list);
static DEFINE_PER_CPU(struct llist_head, lazy_list);
static DEFINE_PER_CPU(unsigned long, irq_work_runs);

/* Set PENDING|BUSY; false if it was pending already (queued, not started). */
static bool irq_work_claim(struct irq_work *work)
{
	unsigned int old = __atomic_fetch_or(&work->flags, IRQ_WORK_CLAIMED, __ATOMIC_ACQ_REL);

	return !(old & IRQ_WORK_PENDING);
}

/* Push a claimed @work on this CPU's list; preemption is off. */
static void irq_work_queue_local(struct irq_work *work)
{
	bool lazy = (__atomic_load_n(&work->flags, __ATOMIC_RELAXED) & IRQ_WORK_LAZY) ||
		    !arch_irq_work_has_interrupt();

	if (lazy) {
		llist_add(&work->llnode, this_cpu_ptr(&lazy_list));
		return;
	}
	if (llist_add(&work->llnode, this_cpu_ptr(&raised_list)))
		arch_irq_work_raise();
}

/**
 * irq_work_queue - run @work on this CPU, in hard interrupt context, soon
 * @work: an initialised irq_work
 *
 * Safe from any context, NMI included. The function runs once interrupts
 * are enabled on this CPU (from the IRQ_WORK_VECTOR self-IPI), or at the
 * next tick for a lazy work.
 *
 * Return: true if queued, false if @work was already pending.
 */
bool irq_work_queue(struct irq_work *work)
{
	if (!irq_work_claim(work))
		return false;
	preempt_disable();
	irq_work_queue_local(work);
	preempt_enable();
	return true;
}

/**
 * irq_work_queue_on - run @work on CPU @cpu, in hard interrupt context
 * @work: an initialised irq_work
 * @cpu:  an online CPU
 *
 * For another CPU the work goes on that CPU's list and an IRQ_WORK_VECTOR
 * IPI is sent there (lazy works too: the target's tick is not ours to
 * wait for). Only the local case is NMI-safe.
 *
 * Return: true if queued, false if @work was already pending.
 */
bool irq_work_queue_on(struct irq_work *work, int cpu)
{
	if ((unsigned int)cpu >= nr_cpu_ids || !cpu_online(cpu))
		return false;
	if (!irq_work_claim(work))
		return false;
	preempt_disable();
	if (cpu == (int)smp_processor_id() || !arch_irq_work_has_interrupt()) {
		/* Without IPIs a remote CPU cannot be poked: run it here. */
		irq_work_queue_local(work);
	} else if (llist_add(&work->llnode, per_cpu_ptr(&raised_list, cpu))) {
		arch_irq_work_raise_on(cpu);
	}
	preempt_enable();
	return true;
}

/* Run one work taken off a list. */
static void irq_work_single(struct irq_work *work)
{
	unsigned int flags;

	/* From here on the work may be queued again. */
	flags = __atomic_fetch_and(&work->flags, ~IRQ_WORK_PENDING, __ATOMIC_ACQ_REL);
	flags &= ~IRQ_WORK_PENDING;
	work->func(work);
	this_cpu_inc(irq_work_runs);
	/* Not busy any more - unless someone claimed it while it ran. */
	__atomic_compare_exchange_n(&work->flags, &flags, flags & ~IRQ_WORK_BUSY, false,
				    __ATOMIC_RELEASE, __ATOMIC_RELAXED);
}

static void irq_work_run_list(struct llist_head *list)
{
	struct llist_node *node, *next;

	node = llist_reverse_order(llist_del_all(list));   /* oldest first */
	for (; node; node = next) {
		next = node->next;   /* the function may queue the work again */
		irq_work_single(container_of(node, struct irq_work, llnode));
	}
}

/**
 * irq_work_run - run this CPU's raised works
 *
 * Called by the IRQ_WORK_VECTOR handler, in hard interrupt context with
 * interrupts off. Lazy works wait for the tick.
 */
void irq_work_run(void)
{
	irq_work_run_list(this_cpu_ptr(&raised_list));
}

/**
 * irq_work_tick - the tick's share: lazy works, and raised ones without IPIs
 *
 * Called from tick_periodic() in hard interrupt context.
 */
void irq_work_tick(void)
{
	struct llist_head *raised = this_cpu_ptr(&raised_list);

	/* A raised work whose IPI could not be sent (queued remotely just as
	 * the IPIs went away, or never had them) is not left behind. */
	if (!llist_empty(raised) && !arch_irq_work_has_interrupt())
		irq_work_run_list(raised);
	irq_work_run_list(this_cpu_ptr(&lazy_list));
}

/**
 * irq_work_sync - wait until @work is neither queued nor running
 * @work: the work
 *
 * Must be called with interrupts on: the work may be on this CPU's list,
 * waiting for the interrupt that runs it.
 */
void irq_work_sync(struct irq_work *work)
{
	WARN_ON_ONCE(irqs_disabled());
	while (irq_work_is_busy(work))
		cpu_relax();
}

/**
 * irq_work_run_count - irq_works @cpu has run since boot
 */
unsigned long irq_work_run_count(unsigned int cpu)
{
	return READ_ONCE(per_cpu(irq_work_runs, cpu));
}

