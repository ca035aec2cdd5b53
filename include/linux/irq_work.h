/* SPDX-License-Identifier: MIT */
/*
 * irq_work (kernel/irq_work.c): run a function in hard interrupt context
 * soon, on a chosen CPU, asked for from any context - NMI included.
 *
 * An NMI handler may not take locks, wake tasks or raise softirqs, because
 * it may have interrupted code doing exactly that. What it may do is push
 * an irq_work onto a lock-free per-CPU list and send a self-IPI; the IPI
 * (IRQ_WORK_VECTOR, counted in the IWI row of /proc/interrupts) arrives as
 * soon as the NMI returns and interrupts are on, and runs the work as an
 * ordinary interrupt handler, where all of that is allowed.
 *
 *	static void fn(struct irq_work *w) { ... in_hardirq() is true ... }
 *	static DEFINE_IRQ_WORK(w, fn);
 *	irq_work_queue(&w);            from NMI, IRQ or task context
 *	irq_work_sync(&w);             wait until it is no longer running
 *
 * A work is queued at most once at a time: queueing it while it is
 * pending returns false and does nothing (it will run once). Once it has
 * started running it may be queued again, from its own function too.
 */
#ifndef _LINUX_IRQ_WORK_H
#define _LINUX_IRQ_WORK_H

#include <linux/types.h>
#include <linux/llist.h>

#define IRQ_WORK_PENDING 0x1U   /* on a CPU's list, not started yet */
#define IRQ_WORK_BUSY    0x2U   /* queued or running */
#define IRQ_WORK_CLAIMED (IRQ_WORK_PENDING | IRQ_WORK_BUSY)
#define IRQ_WORK_LAZY    0x4U   /* no IPI needed: the next tick will do */

/**
 * struct irq_work - one deferred hard-IRQ function
 * @llnode: link on the per-CPU list it is queued on
 * @flags:  IRQ_WORK_* bits, changed only with atomic operations
 * @func:   runs in hard interrupt context, interrupts off
 */
struct irq_work {
	struct llist_node llnode;
	unsigned int flags;
	void (*func)(struct irq_work *);
};

#define IRQ_WORK_INIT_FLAGS(_func, _flags) { .flags = (_flags), .func = (_func) }
#define IRQ_WORK_INIT(_func)      IRQ_WORK_INIT_FLAGS(_func, 0)
#define IRQ_WORK_INIT_LAZY(_func) IRQ_WORK_INIT_FLAGS(_func, IRQ_WORK_LAZY)
#define DEFINE_IRQ_WORK(name, _func) struct irq_work name = IRQ_WORK_INIT(_func)

static inline void init_irq_work(struct irq_work *work, void (*func)(struct irq_work *))
{
	work->llnode.next = NULL;
	work->flags = 0;
	work->func = func;
}

static inline bool irq_work_is_pending(struct irq_work *work)
{
	return __atomic_load_n(&work->flags, __ATOMIC_ACQUIRE) & IRQ_WORK_PENDING;
}

static inline bool irq_work_is_busy(struct irq_work *work)
{
	return __atomic_load_n(&work->flags, __ATOMIC_ACQUIRE) & IRQ_WORK_BUSY;
}

bool irq_work_queue(struct irq_work *work);
bool irq_work_queue_on(struct irq_work *work, int cpu);
void irq_work_run(void);
void irq_work_tick(void);
void irq_work_sync(struct irq_work *work);
/* Works this CPU has run (for tests and the irqwork command). */
unsigned long irq_work_run_count(unsigned int cpu);

/* The architecture's half (arch/x86/kernel/irq_work.c). */
void arch_irq_work_raise(void);
void arch_irq_work_raise_on(int cpu);
bool arch_irq_work_has_interrupt(void);

#endif
