// SPDX-License-Identifier: MIT
/*
 * Hard interrupt context, softirqs and tasklets.
 *
 * irq_enter()/irq_exit() bracket every hardware interrupt handled by
 * do_IRQ(): they raise and lower the hardirq count in preempt_count, which
 * is what in_irq() and in_interrupt() report.
 *
 * A softirq is the deferred half of interrupt work: a handler marks one of
 * ten per-CPU softirqs pending (raise_softirq()) and returns quickly; the
 * action runs soon after on the same CPU, with interrupts enabled, so the
 * next device interrupt is not held up by it. Pending softirqs run
 *
 *   - in irq_exit(), when the outermost interrupt is left (a nested
 *     interrupt or one that arrives while softirqs already run does not
 *     start another pass: in_interrupt() is still true),
 *   - in local_bh_enable(), when it ends the last bh-disabled section in
 *     task context, and
 *   - in this CPU's ksoftirqd thread (below).
 *
 * __do_softirq() runs on whatever stack it was entered on. From irq_exit()
 * that is this CPU's IRQ stack, which do_IRQ() switched to; Linux keeps a
 * separate softirq stack for the same purpose (not overflowing a task
 * stack), and on x86-64 it is the same per-CPU IRQ stack, as here. An
 * interrupt that nests while softirqs run finds the IRQ stack in use and
 * stays on the current stack (arch/x86/kernel/irq.c).
 *
 * When a pass gives up on its limits with softirqs still pending, or a
 * softirq is raised from task context, the work goes to this CPU's
 * ksoftirqd/N thread: a SCHED_NORMAL kthread, so a softirq flood then
 * competes for the CPU with other threads instead of starving them. While
 * ksoftirqd is runnable, irq_exit() leaves pending softirqs to it (Linux's
 * ksoftirqd_running() check), so a flood stays in the thread - unless HI
 * or TASKLET is pending: tasklets still run at once.
 *
 * Tasklets are built on two softirqs (HI and TASKLET): each CPU keeps a
 * list of scheduled tasklets, and the softirq action runs them.
 */
#include <linux/kernel.h>
#include <linux/hardirq.h>
#include <linux/irqflags.h>
#include <linux/interrupt.h>
#include <linux/percpu.h>
#include <linux/smp.h>
#include <linux/bug.h>
#include <linux/init.h>
#include <linux/errno.h>
#include <linux/sched.h>
#include <linux/kthread.h>
#include <linux/cpumask.h>
#include <asm/processor.h>
#include <asm/tsc.h>

const char *const softirq_to_name[NR_SOFTIRQS] = {
	"HI", "TIMER", "NET_TX", "NET_RX", "BLOCK", "IRQ_POLL",
	"TASKLET", "SCHED", "HRTIMER", "RCU"
};

static struct softirq_action softirq_vec[NR_SOFTIRQS];

/**
 * struct softirq_cpu - one CPU's softirq state
 * @pending:  bit n set: softirq n raised and not yet started
 * @deferred: passes of __do_softirq() that gave up on the limits with
 *            softirqs still pending
 * @count:    how often each softirq's action ran (/proc/softirqs)
 *
 * Only the owning CPU writes it; @pending with interrupts off, because
 * interrupt handlers raise softirqs.
 */
struct softirq_cpu {
	unsigned long pending;
	unsigned long deferred;
	unsigned int count[NR_SOFTIRQS];
};
static DEFINE_PER_CPU(struct softirq_cpu, softirq_cpu);

/* Each CPU's ksoftirqd/N, NULL until spawn_ksoftirqd() made it. */
DEFINE_PER_CPU(struct task_struct *, ksoftirqd);

/*
 * Wake this CPU's ksoftirqd to run what is pending. Interrupts are off or
 * we are in softirq context, so the CPU cannot change under us. Waking a
 * running or runnable thread does nothing.
 */
static void wakeup_softirqd(void)
{
	struct task_struct *tsk = this_cpu_read(ksoftirqd);

	if (tsk)
		wake_up_process(tsk);
}

/*
 * HI and TASKLET are run at irq_exit() even while ksoftirqd is runnable:
 * tasklets are where drivers finish their interrupt work, and their
 * latency should not depend on when ksoftirqd is next scheduled (Linux
 * made the same exception, SOFTIRQ_NOW_MASK).
 */
#define SOFTIRQ_NOW_MASK ((1UL << HI_SOFTIRQ) | (1UL << TASKLET_SOFTIRQ))

/*
 * Whether irq_exit() should leave @pending to this CPU's ksoftirqd: it is
 * runnable or running, so it will get to them in its turn, and running
 * them here instead would let a flood bypass the scheduler again.
 */
static bool ksoftirqd_running(unsigned long pending)
{
	struct task_struct *tsk = this_cpu_read(ksoftirqd);

	if (pending & SOFTIRQ_NOW_MASK)
		return false;
	return tsk && task_is_running(tsk);
}

/**
 * open_softirq - set the action of softirq @nr
 * @nr:     one of HI_SOFTIRQ .. RCU_SOFTIRQ
 * @action: run in softirq context each time @nr was raised; NULL detaches
 */
void open_softirq(int nr, void (*action)(void))
{
	if (WARN_ON_ONCE(nr < 0 || nr >= NR_SOFTIRQS))
		return;
	WRITE_ONCE(softirq_vec[nr].action, action);
}

/**
 * local_softirq_pending - this CPU's bitmap of raised softirqs
 */
unsigned long local_softirq_pending(void)
{
	return READ_ONCE(this_cpu_ptr(&softirq_cpu)->pending);
}

/**
 * kstat_softirqs_cpu - how many times softirq @nr ran on @cpu
 * @nr:  softirq number
 * @cpu: a possible CPU
 */
unsigned int kstat_softirqs_cpu(unsigned int nr, int cpu)
{
	if (nr >= NR_SOFTIRQS)
		return 0;
	return READ_ONCE(per_cpu(softirq_cpu, cpu).count[nr]);
}

/**
 * softirq_deferred_cpu - passes on @cpu that hit the restart/time limits
 * @cpu: a possible CPU
 */
unsigned long softirq_deferred_cpu(int cpu)
{
	return READ_ONCE(per_cpu(softirq_cpu, cpu).deferred);
}

/**
 * raise_softirq_irqoff - mark softirq @nr pending on this CPU
 * @nr: softirq number
 *
 * Interrupts must be off (the bitmap is updated non-atomically). Raised
 * from an interrupt handler, @nr runs at that interrupt's irq_exit();
 * raised inside a softirq or a bh-disabled section, when that ends. Raised
 * from plain task context nothing else would run it soon, so this CPU's
 * ksoftirqd is woken.
 */
void raise_softirq_irqoff(unsigned int nr)
{
	struct softirq_cpu *sc = this_cpu_ptr(&softirq_cpu);

	WARN_ON_ONCE(!irqs_disabled());
	if (WARN_ON_ONCE(nr >= NR_SOFTIRQS))
		return;
	WRITE_ONCE(sc->pending, sc->pending | (1UL << nr));
	if (!in_interrupt())
		wakeup_softirqd();
}

/**
 * raise_softirq - mark softirq @nr pending on this CPU, from any context
 * @nr: softirq number
 */
void raise_softirq(unsigned int nr)
{
	unsigned long flags;

	local_irq_save(flags);
	raise_softirq_irqoff(nr);
	local_irq_restore(flags);
}

/**
 * __do_softirq - run this CPU's pending softirqs
 *
 * Entered with interrupts off and outside interrupt context; returns with
 * interrupts off. Each pass takes the whole pending bitmap and clears it
 * before running the actions (lowest number first) with interrupts on,
 * so a softirq raised meanwhile - even by its own action - is seen by the
 * next pass, not lost. Passes repeat while something is pending, at most
 * MAX_SOFTIRQ_RESTART times and while less than MAX_SOFTIRQ_TIME_NS has
 * gone by, so a softirq that keeps re-raising itself cannot keep the CPU
 * from returning to the interrupted code forever.
 *
 * What is still pending when a limit is hit stays pending, the pass is
 * counted in this CPU's softirq_deferred counter, and this CPU's ksoftirqd
 * is woken to run the leftovers as a schedulable thread.
 */
void __do_softirq(void)
{
	struct softirq_cpu *sc = this_cpu_ptr(&softirq_cpu);
	u64 end = local_clock() + MAX_SOFTIRQ_TIME_NS;
	int restart = MAX_SOFTIRQ_RESTART;
	unsigned long pending;

	__preempt_count_add(SOFTIRQ_OFFSET);
again:
	pending = sc->pending;
	WRITE_ONCE(sc->pending, 0);
	local_irq_enable();
	while (pending) {
		unsigned int nr = __builtin_ctzl(pending);
		void (*action)(void) = READ_ONCE(softirq_vec[nr].action);
		unsigned long count = preempt_count();

		pending &= pending - 1;
		if (!action)
			continue;
		/* Nested interrupts never run softirqs, so this CPU is the
		 * only writer of count[] even with interrupts on. */
		WRITE_ONCE(sc->count[nr], sc->count[nr] + 1);
		action();
		if (WARN_ON_ONCE(preempt_count() != count)) {
			printk(KERN_ERR "softirq %s: preempt_count %lx -> %lx\n",
			       softirq_to_name[nr], count, preempt_count());
			__preempt_count_sub(preempt_count() - count);
		}
	}
	local_irq_disable();
	if (sc->pending) {
		if (--restart && local_clock() < end)
			goto again;
		WRITE_ONCE(sc->deferred, sc->deferred + 1);
		wakeup_softirqd();
	}
	__preempt_count_sub(SOFTIRQ_OFFSET);
}

/**
 * do_softirq - run pending softirqs now, unless in interrupt context
 *
 * From task context only; nothing happens inside an interrupt handler,
 * a softirq or a bh-disabled section (their own exit path runs them).
 */
void do_softirq(void)
{
	unsigned long flags;

	if (in_interrupt())
		return;
	local_irq_save(flags);
	if (local_softirq_pending())
		__do_softirq();
	local_irq_restore(flags);
}

/**
 * local_bh_disable - keep softirqs from running on this CPU
 */
void local_bh_disable(void)
{
	__preempt_count_add(SOFTIRQ_DISABLE_OFFSET);
	barrier();
}

/**
 * local_bh_enable - end a local_bh_disable() section
 *
 * The last one in task context runs the softirqs raised meanwhile. Must
 * not be called with interrupts off or from a hard interrupt handler:
 * the softirqs would run with interrupts enabled under that caller.
 */
void local_bh_enable(void)
{
	WARN_ON_ONCE(in_hardirq() || irqs_disabled());
	WARN_ON_ONCE(softirq_count() < SOFTIRQ_DISABLE_OFFSET);
	barrier();
	__preempt_count_sub(SOFTIRQ_DISABLE_OFFSET);
	if (!in_interrupt() && local_softirq_pending())
		do_softirq();
}

/**
 * irq_enter - note that this CPU is now handling a hard interrupt
 */
void irq_enter(void)
{
	__preempt_count_add(HARDIRQ_OFFSET);
}

/**
 * irq_exit - leave hard interrupt context
 *
 * Called with interrupts disabled, as the interrupt entry left them.
 * Leaving the outermost interrupt, runs the pending softirqs
 * (invoke_softirq) - unless this CPU's ksoftirqd is already runnable, which
 * will run them in its turn, and neither HI nor TASKLET is among them.
 * Returns with interrupts disabled again.
 */
void irq_exit(void)
{
	unsigned long pending;

	WARN_ON_ONCE(!irqs_disabled());
	__preempt_count_sub(HARDIRQ_OFFSET);
	if (in_interrupt())
		return;
	pending = local_softirq_pending();
	if (pending && !ksoftirqd_running(pending))
		__do_softirq();      /* Linux's invoke_softirq() */
}

/* ---- ksoftirqd ---- */

/*
 * ksoftirqd/N: sleep while nothing is pending on this CPU; otherwise run
 * one __do_softirq() (itself bounded by the restart and time limits) and
 * offer the CPU to other threads before the next round. It is bound to its
 * CPU, so the per-CPU state it reads is its own CPU's.
 */
static int run_ksoftirqd(void *unused)
{
	for (;;) {
		set_current_state(TASK_INTERRUPTIBLE);
		if (!local_softirq_pending()) {
			schedule();
			continue;
		}
		__set_current_state(TASK_RUNNING);
		local_irq_disable();
		if (local_softirq_pending())
			__do_softirq();
		local_irq_enable();
		cond_resched();
	}
	return 0;
}

/*
 * One ksoftirqd per online CPU, before the shell or KUnit start. Runs as an
 * initcall, after smp_init() brought the other CPUs up.
 */
static int __init spawn_ksoftirqd(void)
{
	unsigned int cpu;

	for_each_online_cpu(cpu) {
		struct task_struct *tsk;

		tsk = kthread_create_on_cpu(run_ksoftirqd, NULL, cpu, "ksoftirqd/%u");
		if (WARN_ON(IS_ERR(tsk)))
			continue;
		per_cpu(ksoftirqd, cpu) = tsk;
		wake_up_process(tsk);
	}
	return 0;
}
core_initcall(spawn_ksoftirqd);

/* ---- tasklets ---- */

/* One CPU's queue of scheduled tasklets, FIFO; @tail is NULL when empty. */
struct tasklet_head {
	struct tasklet_struct *head;
	struct tasklet_struct *tail;
};
static DEFINE_PER_CPU(struct tasklet_head, tasklet_vec);
static DEFINE_PER_CPU(struct tasklet_head, tasklet_hi_vec);

static bool test_and_set_state(struct tasklet_struct *t, int bit)
{
	return __atomic_fetch_or(&t->state, 1UL << bit, __ATOMIC_ACQUIRE) & (1UL << bit);
}

static void clear_state(struct tasklet_struct *t, int bit)
{
	__atomic_fetch_and(&t->state, ~(1UL << bit), __ATOMIC_RELEASE);
}

static bool test_state(struct tasklet_struct *t, int bit)
{
	return __atomic_load_n(&t->state, __ATOMIC_ACQUIRE) & (1UL << bit);
}

/* Append @t to @head (interrupts off) and raise the list's softirq. */
static void tasklet_enqueue(struct tasklet_head *head, struct tasklet_struct *t,
			    unsigned int nr)
{
	t->next = NULL;
	if (head->tail)
		head->tail->next = t;
	else
		head->head = t;
	head->tail = t;
	raise_softirq_irqoff(nr);
}

static void __tasklet_schedule(struct tasklet_struct *t, struct tasklet_head *vec,
			       unsigned int nr)
{
	unsigned long flags;

	/* Already SCHED: queued once, runs once. */
	if (test_and_set_state(t, TASKLET_STATE_SCHED))
		return;
	local_irq_save(flags);
	tasklet_enqueue(this_cpu_ptr(vec), t, nr);
	local_irq_restore(flags);
}

/**
 * tasklet_schedule - run @t once, soon, on this CPU (TASKLET_SOFTIRQ)
 * @t: the tasklet; scheduling it again before it ran has no effect
 */
void tasklet_schedule(struct tasklet_struct *t)
{
	__tasklet_schedule(t, &tasklet_vec, TASKLET_SOFTIRQ);
}

/**
 * tasklet_hi_schedule - as tasklet_schedule(), on HI_SOFTIRQ (runs first)
 * @t: the tasklet
 */
void tasklet_hi_schedule(struct tasklet_struct *t)
{
	__tasklet_schedule(t, &tasklet_hi_vec, HI_SOFTIRQ);
}

/*
 * Run every tasklet queued on this CPU's @vec. The list is taken whole
 * with interrupts off, then walked with interrupts on. A tasklet that is
 * disabled, or still running on another CPU (RUN set - it was scheduled
 * there once more while its callback ran), is put back and the softirq
 * raised again, so it is retried rather than run twice at once.
 */
static void tasklet_action_common(struct tasklet_head *vec, unsigned int nr)
{
	struct tasklet_head *h = this_cpu_ptr(vec);
	struct tasklet_struct *list;

	local_irq_disable();
	list = h->head;
	h->head = h->tail = NULL;
	local_irq_enable();

	while (list) {
		struct tasklet_struct *t = list;

		list = list->next;
		if (!test_and_set_state(t, TASKLET_STATE_RUN)) {
			if (!__atomic_load_n(&t->count, __ATOMIC_ACQUIRE)) {
				/* Clear SCHED first: the callback may schedule
				 * it again, and that must queue it anew. */
				WARN_ON_ONCE(!test_state(t, TASKLET_STATE_SCHED));
				clear_state(t, TASKLET_STATE_SCHED);
				if (t->use_callback)
					t->callback(t);
				else
					t->func(t->data);
				clear_state(t, TASKLET_STATE_RUN);
				continue;
			}
			clear_state(t, TASKLET_STATE_RUN);
		}
		local_irq_disable();
		tasklet_enqueue(h, t, nr);
		local_irq_enable();
	}
}

static void tasklet_action(void)
{
	tasklet_action_common(&tasklet_vec, TASKLET_SOFTIRQ);
}

static void tasklet_hi_action(void)
{
	tasklet_action_common(&tasklet_hi_vec, HI_SOFTIRQ);
}

/**
 * tasklet_setup - initialise @t to call @callback(@t)
 * @t:        the tasklet (enabled, not scheduled afterwards)
 * @callback: run in softirq context
 */
void tasklet_setup(struct tasklet_struct *t, void (*callback)(struct tasklet_struct *))
{
	t->next = NULL;
	t->state = 0;
	t->count = 0;
	t->use_callback = true;
	t->callback = callback;
	t->data = 0;
	/* The actions are attached on first use, so a tasklet works in any
	 * build that links this file, without an init call ordering. */
	if (!READ_ONCE(softirq_vec[TASKLET_SOFTIRQ].action)) {
		open_softirq(TASKLET_SOFTIRQ, tasklet_action);
		open_softirq(HI_SOFTIRQ, tasklet_hi_action);
	}
}

/**
 * tasklet_init - initialise @t to call @func(@data) (the older interface)
 * @t:    the tasklet
 * @func: run in softirq context
 * @data: its argument
 */
void tasklet_init(struct tasklet_struct *t, void (*func)(unsigned long), unsigned long data)
{
	tasklet_setup(t, NULL);
	t->use_callback = false;
	t->func = func;
	t->data = data;
}

/**
 * tasklet_disable_nosync - stop @t from running; it may be running now
 * @t: the tasklet; scheduling it still queues it, and it runs once enabled
 */
void tasklet_disable_nosync(struct tasklet_struct *t)
{
	__atomic_fetch_add(&t->count, 1, __ATOMIC_ACQ_REL);
}

/*
 * Spin until @t's callback is not running on any CPU. A callback runs in
 * softirq context, which is never preempted, so it is running on another
 * CPU right now and will finish without needing this one: spinning is
 * right, as in Linux.
 */
static void tasklet_unlock_wait(struct tasklet_struct *t)
{
	while (test_state(t, TASKLET_STATE_RUN))
		cpu_relax();
}

/**
 * tasklet_disable - stop @t from running and wait for a running callback
 * @t: the tasklet
 *
 * Not from @t's own callback: it would wait for itself.
 */
void tasklet_disable(struct tasklet_struct *t)
{
	tasklet_disable_nosync(t);
	tasklet_unlock_wait(t);
}

/**
 * tasklet_enable - undo one tasklet_disable(); a queued @t then runs
 * @t: the tasklet
 */
void tasklet_enable(struct tasklet_struct *t)
{
	WARN_ON_ONCE(__atomic_sub_fetch(&t->count, 1, __ATOMIC_ACQ_REL) < 0);
}

/**
 * tasklet_kill - wait until @t is neither scheduled nor running
 * @t: the tasklet; it must be enabled if it is scheduled, or this never ends
 *
 * Gives up the CPU (yield()) until a queued @t has run - its CPU's
 * irq_exit() or ksoftirqd runs it, and that ksoftirqd may be waiting for
 * this very CPU - then leaves it unscheduled, so the caller may free it.
 * Only from task context with bottom halves enabled: from an interrupt
 * handler or a softirq it could wait for the tasklet it holds up.
 */
void tasklet_kill(struct tasklet_struct *t)
{
	WARN_ON_ONCE(in_interrupt());
	while (test_and_set_state(t, TASKLET_STATE_SCHED)) {
		while (test_state(t, TASKLET_STATE_SCHED))
			yield();
	}
	tasklet_unlock_wait(t);
	clear_state(t, TASKLET_STATE_SCHED);
}
