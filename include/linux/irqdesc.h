/* SPDX-License-Identifier: MIT */
/*
 * struct irq_desc - everything the kernel knows about one IRQ line.
 */
#ifndef _LINUX_IRQDESC_H
#define _LINUX_IRQDESC_H

#include <linux/types.h>
#include <linux/spinlock.h>
#include <linux/irq.h>
#include <linux/interrupt.h>
#include <asm/percpu.h>

#define NR_IRQS 256

/* desc->istate: the core's private state (IRQS_*). */
#define IRQS_AUTODETECT        0x00000001
#define IRQS_SPURIOUS_DISABLED 0x00000002  /* switched off as "nobody cared" */
#define IRQS_POLL_INPROGRESS   0x00000008  /* being polled (irqpoll/misrouted) */
#define IRQS_ONESHOT           0x00000020
#define IRQS_REPLAY            0x00000040  /* a resend is in flight */
#define IRQS_WAITING           0x00000080
#define IRQS_PENDING           0x00000200  /* arrived while it could not run */
#define IRQS_SUSPENDED         0x00000800

/* irq_data.state: the line's affinity was chosen (by a user or at startup)
 * and is kept across free_irq()/request_irq(). Linux's value; it belongs
 * with the other IRQD_ bits of linux/irq.h. */
#ifndef IRQD_AFFINITY_SET
#define IRQD_AFFINITY_SET (1 << 12)
#endif

/**
 * struct irq_desc - one IRQ line
 * @irq_data:        what the chip methods see (irq, hwirq, state, chip)
 * @kstat_irqs:      per-CPU count of interrupts handled (/proc/interrupts)
 * @handle_irq:      the flow handler (kernel/irq/chip.c)
 * @action:          the chain of handlers, in request order
 * @status_use_accessors: IRQ_* line settings (IRQ_NOREQUEST, IRQ_LEVEL, ...)
 * @istate:          IRQS_* core state
 * @depth:           disable_irq() nesting: 0 = enabled
 * @tot_count:       total interrupts, all CPUs
 * @irq_count:       interrupts in the current spurious-detection window
 * @last_unhandled:  jiffies of the last IRQ_NONE
 * @irqs_unhandled:  IRQ_NONE results in the current window
 * @lock:            protects all of the above
 * @name:            flow name shown in /proc/interrupts ("edge", "level", ...)
 * @affinity:        the CPUs the line may be delivered to, as requested
 *                   (/proc/irq/N/smp_affinity; bit N = CPU N)
 * @effective_affinity: the CPUs the controller actually targets
 *                   (/proc/irq/N/effective_affinity)
 * @threads_oneshot: thread_mask bits of IRQF_ONESHOT actions whose thread
 *                   was woken and has not finished: the line stays masked
 *                   while any is set
 * @threads_active:  handler threads woken and not yet finished
 *                   (synchronize_irq() waits for 0)
 */
struct irq_desc {
	struct irq_data irq_data;
	unsigned int kstat_irqs[NR_CPUS];
	irq_flow_handler_t handle_irq;
	struct irqaction *action;
	unsigned int status_use_accessors;
	unsigned int istate;
	unsigned int depth;
	unsigned int tot_count;
	unsigned int irq_count;
	unsigned long last_unhandled;
	unsigned int irqs_unhandled;
	spinlock_t lock;
	const char *name;
	unsigned long affinity;
	unsigned long effective_affinity;
	unsigned long threads_oneshot;
	int threads_active;
};

extern struct irq_desc irq_desc[NR_IRQS];
extern unsigned int nr_irqs;

struct irq_desc *irq_to_desc(unsigned int irq);
static inline unsigned int irq_desc_get_irq(struct irq_desc *desc) { return desc->irq_data.irq; }
static inline struct irq_chip *irq_desc_get_chip(struct irq_desc *desc) { return desc->irq_data.chip; }
static inline struct irq_data *irq_desc_get_irq_data(struct irq_desc *desc) { return &desc->irq_data; }

/* Run the flow handler of @desc: called by the arch with interrupts off. */
static inline void generic_handle_irq_desc(struct irq_desc *desc)
{
	desc->handle_irq(desc);
}
int generic_handle_irq(unsigned int irq);

/* kernel/irq/handle.c - called by flow handlers with desc->lock held. */
irqreturn_t handle_irq_event(struct irq_desc *desc);
irqreturn_t handle_irq_event_percpu(struct irq_desc *desc);

/* kernel/irq/spurious.c */
void note_interrupt(struct irq_desc *desc, irqreturn_t action_ret);

/* Counts for /proc/interrupts and /proc/stat (kernel/irq/irqdesc.c). */
unsigned int kstat_irqs_cpu(unsigned int irq, int cpu);
unsigned int kstat_irqs(unsigned int irq);
u64 kstat_irqs_total(void);

void early_irq_init(void);
void init_IRQ(void);

/* kernel/irq/proc.c */
void register_irq_proc(unsigned int irq, struct irq_desc *desc);
int show_interrupts(struct seq_file *p, void *v);

#endif
