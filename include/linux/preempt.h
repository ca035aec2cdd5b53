/* SPDX-License-Identifier: MIT */
/*
 * preempt_count - what context this CPU is running in, packed in one
 * per-CPU word (as Linux):
 *
 *   bits  0- 7  preemption disable depth
 *   bits  8-15  softirq: 1 while serving softirqs, +2 per local_bh_disable
 *   bits 16-19  hardirq nesting
 *   bits 20-23  NMI nesting
 *
 * in_irq() / in_interrupt() / in_nmi() read it; irq_enter()/irq_exit()
 * and nmi_enter()/nmi_exit() maintain it.
 */
#ifndef _LINUX_PREEMPT_H
#define _LINUX_PREEMPT_H

#include <asm/preempt.h>
#include <linux/irqflags.h>

#define PREEMPT_BITS  8
#define SOFTIRQ_BITS  8
#define HARDIRQ_BITS  4
#define NMI_BITS      4

#define PREEMPT_SHIFT 0
#define SOFTIRQ_SHIFT (PREEMPT_SHIFT + PREEMPT_BITS)
#define HARDIRQ_SHIFT (SOFTIRQ_SHIFT + SOFTIRQ_BITS)
#define NMI_SHIFT     (HARDIRQ_SHIFT + HARDIRQ_BITS)

#define __IRQ_MASK(x) ((1UL << (x)) - 1)
#define PREEMPT_MASK  (__IRQ_MASK(PREEMPT_BITS) << PREEMPT_SHIFT)
#define SOFTIRQ_MASK  (__IRQ_MASK(SOFTIRQ_BITS) << SOFTIRQ_SHIFT)
#define HARDIRQ_MASK  (__IRQ_MASK(HARDIRQ_BITS) << HARDIRQ_SHIFT)
#define NMI_MASK      (__IRQ_MASK(NMI_BITS) << NMI_SHIFT)

#define PREEMPT_OFFSET (1UL << PREEMPT_SHIFT)
#define SOFTIRQ_OFFSET (1UL << SOFTIRQ_SHIFT)
#define HARDIRQ_OFFSET (1UL << HARDIRQ_SHIFT)
#define NMI_OFFSET     (1UL << NMI_SHIFT)
#define SOFTIRQ_DISABLE_OFFSET (2 * SOFTIRQ_OFFSET)

#define hardirq_count() (preempt_count() & HARDIRQ_MASK)
#define softirq_count() (preempt_count() & SOFTIRQ_MASK)
#define irq_count()     (preempt_count() & (HARDIRQ_MASK | SOFTIRQ_MASK | NMI_MASK))

#define in_irq()             (hardirq_count())
#define in_hardirq()         (hardirq_count())
#define in_softirq()         (softirq_count())
#define in_serving_softirq() (softirq_count() & SOFTIRQ_OFFSET)
#define in_interrupt()       (irq_count())
#define in_nmi()             (preempt_count() & NMI_MASK)
#define in_task()            (!(preempt_count() & (NMI_MASK | HARDIRQ_MASK | SOFTIRQ_OFFSET)))

/*
 * preempt_disable()/preempt_enable() bracket code that must not be switched
 * away from (it uses this CPU's data, or holds a spinlock). The enable that
 * brings the count back to 0 gives the scheduler its chance: if a wake-up
 * or the tick asked for a reschedule meanwhile, preempt_schedule() switches
 * now rather than at the next interrupt.
 */
#define preempt_disable() do { __preempt_count_add(1); barrier(); } while (0)
#define preempt_enable_no_resched() do { barrier(); __preempt_count_sub(1); } while (0)
#define preempt_enable() do {						\
	barrier();							\
	if (__preempt_count_dec_and_test())				\
		preempt_schedule();					\
} while (0)
#define preemptible() (preempt_count() == 0 && !irqs_disabled())
#define in_atomic() (preempt_count() != 0)

#endif
