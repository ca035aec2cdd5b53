/* SPDX-License-Identifier: MIT */
/*
 * The driver's view of interrupts: request_irq() attaches a handler to an
 * IRQ line, free_irq() detaches it, disable_irq()/enable_irq() nest.
 */
#ifndef _LINUX_INTERRUPT_H
#define _LINUX_INTERRUPT_H

#include <linux/types.h>
#include <linux/irqreturn.h>
#include <linux/hardirq.h>
#include <linux/irqflags.h>
#include <linux/percpu.h>

/* Trigger type, as the device drives the line (bits 0-3). */
#define IRQF_TRIGGER_NONE    0x00000000
#define IRQF_TRIGGER_RISING  0x00000001
#define IRQF_TRIGGER_FALLING 0x00000002
#define IRQF_TRIGGER_HIGH    0x00000004
#define IRQF_TRIGGER_LOW     0x00000008
#define IRQF_TRIGGER_MASK    (IRQF_TRIGGER_HIGH | IRQF_TRIGGER_LOW | \
			      IRQF_TRIGGER_RISING | IRQF_TRIGGER_FALLING)
#define IRQF_TRIGGER_PROBE   0x00000010

#define IRQF_SHARED        0x00000080  /* several devices on one line; each passes its dev_id */
#define IRQF_PROBE_SHARED  0x00000100  /* a sharing mismatch is expected: fail quietly */
#define __IRQF_TIMER       0x00000200
#define IRQF_PERCPU        0x00000400
#define IRQF_NOBALANCING   0x00000800
#define IRQF_IRQPOLL       0x00001000  /* polled for misrouted IRQs ("irqpoll") */
#define IRQF_ONESHOT       0x00002000  /* keep the line masked until the thread ran */
#define IRQF_NO_SUSPEND    0x00004000
#define IRQF_FORCE_RESUME  0x00008000
#define IRQF_NO_THREAD     0x00010000  /* never force-thread ("threadirqs") */
#define IRQF_EARLY_RESUME  0x00020000
#define IRQF_COND_SUSPEND  0x00040000
#define IRQF_NO_AUTOEN     0x00080000  /* do not enable the line on request */
#define IRQF_TIMER         (__IRQF_TIMER | IRQF_NO_SUSPEND | IRQF_NO_THREAD)

typedef irqreturn_t (*irq_handler_t)(int irq, void *dev_id);

struct task_struct;

/**
 * struct irqaction - one handler on an IRQ line
 * @handler:   called in hard interrupt context
 * @dev_id:    cookie identifying the device (required for shared lines)
 * @next:      the next action sharing the line
 * @thread_fn: handler run in the action's thread, woken when @handler
 *             returns IRQ_WAKE_THREAD (kernel/irq/thread.c)
 * @irq:       the Linux IRQ number
 * @flags:     IRQF_* given at request time (plus IRQF_ONESHOT if forced)
 * @name:      shown in /proc/interrupts
 * @thread:    the "irq/N-name" kthread running @thread_fn, or NULL
 * @thread_flags: IRQTF_* bits
 * @thread_mask: this action's bit in desc->threads_oneshot (IRQF_ONESHOT)
 */
struct irqaction {
	irq_handler_t handler;
	void *dev_id;
	struct irqaction *next;
	irq_handler_t thread_fn;
	unsigned int irq;
	unsigned int flags;
	const char *name;
	struct task_struct *thread;
	unsigned long thread_flags;
	unsigned long thread_mask;
};

/* irqaction->thread_flags bits (Linux's IRQTF_*). */
enum {
	IRQTF_RUNTHREAD,      /* the primary handler asked for a thread run */
	IRQTF_WARNED,         /* IRQ_WAKE_THREAD without a thread_fn was reported */
	IRQTF_FORCED_THREAD,  /* threaded by "threadirqs", not by the driver */
	IRQTF_AFFINITY,       /* the line's affinity changed: the thread follows it */
};

/*
 * "threadirqs" on the command line: every handler not marked
 * IRQF_NO_THREAD or IRQF_PERCPU (the timer is IRQF_TIMER, which includes
 * IRQF_NO_THREAD) runs in an irq/N-name thread (kernel/irq/thread.c).
 */
extern bool force_irqthreads_enabled;
static inline bool force_irqthreads(void)
{
	return force_irqthreads_enabled;
}

int request_irq(unsigned int irq, irq_handler_t handler, unsigned long flags,
		const char *name, void *dev_id);
int request_threaded_irq(unsigned int irq, irq_handler_t handler,
			 irq_handler_t thread_fn, unsigned long flags,
			 const char *name, void *dev_id);
const void *free_irq(unsigned int irq, void *dev_id);

void disable_irq(unsigned int irq);
void disable_irq_nosync(unsigned int irq);
void enable_irq(unsigned int irq);
void synchronize_irq(unsigned int irq);
bool irq_has_action(unsigned int irq);

/*
 * Interrupt affinity (kernel/irq/manage.c): the CPUs a line is delivered
 * to. irq_set_affinity() returns 0, or -EINVAL for no such line, an empty
 * mask, a mask without an online CPU, or a controller that cannot steer
 * the line (the 8259); or the controller's error. irq_default_affinity is
 * given to a line when it is first started (/proc/irq/default_smp_affinity).
 */
struct cpumask;
extern struct cpumask irq_default_affinity;
int irq_set_affinity(unsigned int irq, const struct cpumask *mask);
bool irq_can_set_affinity(unsigned int irq);

/* Spurious-interrupt debugging switches (kernel/irq/spurious.c). */
extern int noirqdebug;
enum { IRQ_MISROUTED_NONE, IRQ_MISROUTED_FIXUP, IRQ_MISROUTED_POLL };
extern int irqfixup;
void poll_spurious_irqs(void);

/*
 * Softirqs (kernel/softirq.c): ten fixed, per-CPU deferred actions, in
 * Linux's order - the index is the priority (lower runs first) and the row
 * of /proc/softirqs. raise_softirq() marks one pending on this CPU; pending
 * softirqs run on the way out of the outermost interrupt (irq_exit()) and
 * from local_bh_enable(), with interrupts on, in softirq context.
 */
enum {
	HI_SOFTIRQ = 0,
	TIMER_SOFTIRQ,
	NET_TX_SOFTIRQ,
	NET_RX_SOFTIRQ,
	BLOCK_SOFTIRQ,
	IRQ_POLL_SOFTIRQ,
	TASKLET_SOFTIRQ,
	SCHED_SOFTIRQ,
	HRTIMER_SOFTIRQ,
	RCU_SOFTIRQ,
	NR_SOFTIRQS
};

/* A pass of __do_softirq() restarts at most this often, for at most this long. */
#define MAX_SOFTIRQ_RESTART 10
#define MAX_SOFTIRQ_TIME_NS 2000000ULL      /* 2 ms */

extern const char *const softirq_to_name[NR_SOFTIRQS];

/**
 * struct softirq_action - what runs for one softirq number
 * @action: called in softirq context, interrupts on
 */
struct softirq_action {
	void (*action)(void);
};

void open_softirq(int nr, void (*action)(void));
void raise_softirq(unsigned int nr);
void raise_softirq_irqoff(unsigned int nr);
unsigned long local_softirq_pending(void);
unsigned int kstat_softirqs_cpu(unsigned int nr, int cpu);
unsigned long softirq_deferred_cpu(int cpu);
void do_softirq(void);
void __do_softirq(void);

/* Each CPU's ksoftirqd/N thread (kernel/softirq.c), NULL before it exists. */
struct task_struct;
DECLARE_PER_CPU(struct task_struct *, ksoftirqd);

/*
 * Tasklets: a softirq-run callback that can be scheduled from anywhere,
 * runs on the CPU that scheduled it, once per scheduling, and never on two
 * CPUs at once. SCHED: queued on some CPU's list; RUN: its callback is
 * running. @count > 0 means disabled: it stays queued and is retried.
 */
enum {
	TASKLET_STATE_SCHED,
	TASKLET_STATE_RUN
};

/**
 * struct tasklet_struct - one tasklet
 * @next:         link in a CPU's tasklet list
 * @state:        TASKLET_STATE_* bits
 * @count:        disable depth (0 = enabled)
 * @use_callback: @callback (tasklet_setup) rather than @func (tasklet_init)
 * @func:         old-style callback, passed @data
 * @callback:     new-style callback, passed the tasklet
 * @data:         argument of @func
 */
struct tasklet_struct {
	struct tasklet_struct *next;
	unsigned long state;
	int count;
	bool use_callback;
	union {
		void (*func)(unsigned long data);
		void (*callback)(struct tasklet_struct *t);
	};
	unsigned long data;
};

void tasklet_setup(struct tasklet_struct *t, void (*callback)(struct tasklet_struct *));
void tasklet_init(struct tasklet_struct *t, void (*func)(unsigned long), unsigned long data);
void tasklet_schedule(struct tasklet_struct *t);
void tasklet_hi_schedule(struct tasklet_struct *t);
void tasklet_disable_nosync(struct tasklet_struct *t);
void tasklet_disable(struct tasklet_struct *t);
void tasklet_enable(struct tasklet_struct *t);
void tasklet_kill(struct tasklet_struct *t);

#include <linux/bottom_half.h>

#endif
