// SPDX-License-Identifier: MIT
/*
 * Workqueues: deferred functions run by kernel threads, so they may sleep
 * (API and what exists: include/linux/workqueue.h).
 *
 * Each online CPU has one worker_pool: a list of queued works, protected
 * by the pool's lock, and one bound thread, kworker/N, that takes them off
 * the list oldest first and calls them. Queueing adds the work under the
 * lock and wakes the thread; the thread sleeps (TASK_INTERRUPTIBLE) when
 * the list is empty.
 *
 * A work's ownership is its PENDING bit (work_struct.data bit 0): whoever
 * sets it - queue_work_on(), a delayed work's queueing, cancel - owns the
 * work until the worker clears it just before calling the function. The
 * rest of data remembers the CPU it was last queued on, which is how
 * flush and cancel find the pool, and how a work queued again while it
 * runs is sent to the same pool, so it never runs twice at once.
 *
 * flush_work() does not count or poll: it queues a barrier work right
 * behind the work (or at the head, if the work is running) and sleeps on a
 * completion the barrier's function completes. The worker runs in order,
 * so when the barrier runs, the work has finished.
 */
#define pr_fmt(fmt) "workqueue: " fmt

#include <linux/kernel.h>
#include <linux/init.h>
#include <linux/workqueue.h>
#include <linux/sched.h>
#include <linux/kthread.h>
#include <linux/completion.h>
#include <linux/spinlock.h>
#include <linux/irqflags.h>
#include <linux/percpu.h>
#include <linux/smp.h>
#include <linux/cpumask.h>
#include <linux/jiffies.h>
#include <linux/timer.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/stdarg.h>
#include <linux/bug.h>
#include <linux/errno.h>
#include <asm/processor.h>
#include "workqueue_internal.h"


/**
 * struct workqueue_struct - a name for a stream of works
 * @name:       shown by the `workqueue` command
 * @flags:      WQ_* as given (recorded, not acted on)
 * @max_active: as given (recorded, not acted on)
 */
struct workqueue_struct {
	char name[24];
	unsigned int flags;
	int max_active;
};

DEFINE_PER_CPU(struct worker_pool, cpu_worker_pools);
bool wq_pools_ready;

static struct workqueue_struct system_workqueue = { .name = "events", .max_active = 256 };
struct workqueue_struct *system_wq = &system_workqueue;

/* ---- the data word ---- */

static bool test_and_set_pending(struct work_struct *work)
{
	return __atomic_fetch_or(&work->data, WORK_STRUCT_PENDING, __ATOMIC_ACQ_REL) &
	       WORK_STRUCT_PENDING;
}

static void clear_pending(struct work_struct *work)
{
	__atomic_fetch_and(&work->data, ~WORK_STRUCT_PENDING, __ATOMIC_RELEASE);
}

/* Record @cpu's pool in @work, keeping PENDING as it is. Pool lock held. */
static void set_work_cpu(struct work_struct *work, unsigned int cpu)
{
	unsigned long pending = READ_ONCE(work->data) & WORK_STRUCT_PENDING;

	__atomic_store_n(&work->data, ((unsigned long)(cpu + 1) << WORK_STRUCT_CPU_SHIFT) | pending,
			 __ATOMIC_RELEASE);
}

static struct worker_pool *work_last_pool(struct work_struct *work)
{
	unsigned long cpu1 = __atomic_load_n(&work->data, __ATOMIC_ACQUIRE) >> WORK_STRUCT_CPU_SHIFT;

	return cpu1 ? per_cpu_ptr(&cpu_worker_pools, cpu1 - 1) : NULL;
}

/* Lock the pool @work last went to, so its @entry can be looked at. */
static struct worker_pool *lock_work_pool(struct work_struct *work, unsigned long *flags)
{
	struct worker_pool *pool;

	for (;;) {
		pool = work_last_pool(work);
		if (!pool)
			return NULL;
		spin_lock_irqsave(&pool->lock, *flags);
		if (work_last_pool(work) == pool)
			return pool;
		spin_unlock_irqrestore(&pool->lock, *flags);   /* moved meanwhile */
	}
}

/* ---- queueing ---- */

/* Add @work, whose PENDING bit the caller owns, to the pool of @cpu. */
static void __queue_work(int cpu, struct workqueue_struct *wq, struct work_struct *work)
{
	struct worker_pool *pool, *last;
	unsigned long flags;

	(void)wq;   /* every workqueue feeds the same per-CPU workers */
	if (cpu == WORK_CPU_UNBOUND || (unsigned int)cpu >= nr_cpu_ids || !cpu_online(cpu))
		cpu = smp_processor_id();
	pool = per_cpu_ptr(&cpu_worker_pools, cpu);

	/* Running on some other pool right now? Queue behind itself there. */
	last = work_last_pool(work);
	if (last && last != pool) {
		spin_lock_irqsave(&last->lock, flags);
		if (last->current_work == work)
			pool = last;
		spin_unlock_irqrestore(&last->lock, flags);
	}

	spin_lock_irqsave(&pool->lock, flags);
	set_work_cpu(work, pool->cpu);
	list_add_tail(&work->entry, &pool->worklist);
	if (pool->task)
		wake_up_process(pool->task);
	spin_unlock_irqrestore(&pool->lock, flags);
}

/**
 * queue_work_on - queue @work on @cpu's kworker
 * @cpu:  an online CPU, or WORK_CPU_UNBOUND for this one
 * @wq:   the workqueue (system_wq)
 * @work: the work
 *
 * Any context, hard interrupt included (not NMI: use irq_work there).
 *
 * Return: true if queued, false if @work was already pending.
 */
bool queue_work_on(int cpu, struct workqueue_struct *wq, struct work_struct *work)
{
	unsigned long flags;
	bool queued = false;

	/* Interrupts off from claiming to listing: a task holding PENDING
	 * with the work on no list must not be preempted (cancel would spin
	 * waiting for it). */
	local_irq_save(flags);
	if (!test_and_set_pending(work)) {
		__queue_work(cpu, wq, work);
		queued = true;
	}
	local_irq_restore(flags);
	return queued;
}

/**
 * queue_work - queue @work on this CPU's kworker
 */
bool queue_work(struct workqueue_struct *wq, struct work_struct *work)
{
	return queue_work_on(WORK_CPU_UNBOUND, wq, work);
}

/**
 * schedule_work - queue @work on system_wq, on this CPU
 */
bool schedule_work(struct work_struct *work)
{
	return queue_work_on(WORK_CPU_UNBOUND, system_wq, work);
}

/**
 * schedule_work_on - queue @work on system_wq, on @cpu
 */
bool schedule_work_on(int cpu, struct work_struct *work)
{
	return queue_work_on(cpu, system_wq, work);
}

/* ---- the worker thread ---- */

static void wq_barrier_func(struct work_struct *work);

static int worker_thread(void *arg)
{
	struct worker_pool *pool = arg;
	struct work_struct *work;
	work_func_t func;

	for (;;) {
		spin_lock_irq(&pool->lock);
		while (list_empty(&pool->worklist)) {
			/* Sleep before unlocking: a queuer's wake-up after the
			 * unlock finds us TASK_INTERRUPTIBLE and is not lost. */
			set_current_state(TASK_INTERRUPTIBLE);
			spin_unlock_irq(&pool->lock);
			if (kthread_should_stop()) {
				__set_current_state(TASK_RUNNING);
				return 0;
			}
			schedule();
			spin_lock_irq(&pool->lock);
		}
		__set_current_state(TASK_RUNNING);
		work = list_first_entry(&pool->worklist, struct work_struct, entry);
		list_del_init(&work->entry);
		pool->current_work = work;
		func = work->func;
		/* From here the work may be queued again (and it may free itself:
		 * it is not touched after the call). */
		clear_pending(work);
		spin_unlock_irq(&pool->lock);

		func(work);
		WARN_ONCE(preempt_count(), "workqueue: %ps left preempt_count %#lx\n",
			  func, (unsigned long)preempt_count());

		spin_lock_irq(&pool->lock);
		pool->current_work = NULL;
		/* flush_work()'s barriers are the workqueue's own: not counted. */
		if (func != wq_barrier_func)
			pool->works_run++;
		spin_unlock_irq(&pool->lock);
		cond_resched();
	}
}

/* ---- flush and cancel ---- */

struct wq_barrier {
	struct work_struct work;
	struct completion done;
};

static void wq_barrier_func(struct work_struct *work)
{
	complete(&container_of(work, struct wq_barrier, work)->done);
}

/* Queue @barr on locked @pool: after @pos (a queued work) or at the head. */
static void insert_barrier(struct worker_pool *pool, struct wq_barrier *barr,
			   struct list_head *pos)
{
	INIT_WORK(&barr->work, wq_barrier_func);
	init_completion(&barr->done);
	__atomic_fetch_or(&barr->work.data, WORK_STRUCT_PENDING, __ATOMIC_RELAXED);
	set_work_cpu(&barr->work, pool->cpu);
	list_add(&barr->work.entry, pos);
	if (pool->task)
		wake_up_process(pool->task);
}

/*
 * Wait for @work: its queued instance (if @queued_too) and a running one.
 * Return: true if there was something to wait for.
 */
static bool __flush_work(struct work_struct *work, bool queued_too)
{
	struct worker_pool *pool;
	struct wq_barrier barr;
	unsigned long flags;

	pool = lock_work_pool(work, &flags);
	if (!pool)
		return false;
	if (queued_too && !list_empty(&work->entry)) {
		insert_barrier(pool, &barr, &work->entry);
	} else if (pool->current_work == work) {
		insert_barrier(pool, &barr, &pool->worklist);
	} else {
		spin_unlock_irqrestore(&pool->lock, flags);
		return false;
	}
	if (WARN_ONCE(current == pool->task, "workqueue: kworker/%u flushing its own work %ps\n",
		      pool->cpu, work->func)) {
		/* Waiting would be forever; take the barrier back. */
		list_del_init(&barr.work.entry);
		spin_unlock_irqrestore(&pool->lock, flags);
		return false;
	}
	spin_unlock_irqrestore(&pool->lock, flags);
	wait_for_completion(&barr.done);
	return true;
}

/**
 * flush_work - wait until @work's last queueing has finished running
 * @work: the work
 *
 * Sleeps; call from process context, not from a work on the same kworker.
 * A delayed work whose timer has not fired is not waited for (that is
 * flush_delayed_work()).
 *
 * Return: true if it waited, false if @work was idle.
 */
bool flush_work(struct work_struct *work)
{
	return __flush_work(work, true);
}

/*
 * Take the PENDING bit of @work for ourselves, unqueueing it (or stopping
 * @dwork's timer) if someone else held it. Return: whether it was pending.
 */
static bool grab_pending(struct work_struct *work, struct delayed_work *dwork)
{
	struct worker_pool *pool;
	unsigned long flags;

	for (;;) {
		if (!test_and_set_pending(work))
			return false;            /* idle: now ours */
		if (dwork && del_timer(&dwork->timer))
			return true;             /* the timer held it: stopped */
		pool = lock_work_pool(work, &flags);
		if (pool) {
			if (!list_empty(&work->entry)) {
				list_del_init(&work->entry);
				spin_unlock_irqrestore(&pool->lock, flags);
				return true;     /* taken off the list: ours */
			}
			spin_unlock_irqrestore(&pool->lock, flags);
		}
		/* Between owners (a queuer or a firing timer is mid-way): they
		 * finish in a moment. */
		cpu_relax();
	}
}

static bool __cancel_work_sync(struct work_struct *work, struct delayed_work *dwork)
{
	bool was_pending = grab_pending(work, dwork);

	/* We hold PENDING, so nobody can queue it; wait out a running one. */
	__flush_work(work, false);
	clear_pending(work);
	return was_pending;
}

/**
 * cancel_work_sync - unqueue @work and wait for a running instance
 * @work: the work
 *
 * Afterwards @work is neither queued nor running (unless queued again).
 * Sleeps.
 *
 * Return: true if it was pending.
 */
bool cancel_work_sync(struct work_struct *work)
{
	return __cancel_work_sync(work, NULL);
}

/* ---- delayed works ---- */

/**
 * delayed_work_timer_fn - a delayed work's timer: queue the work now
 * @t: &delayed_work.timer
 */
void delayed_work_timer_fn(struct timer_list *t)
{
	struct delayed_work *dwork = container_of(t, struct delayed_work, timer);

	__queue_work(dwork->cpu, dwork->wq, &dwork->work);
}

/**
 * queue_delayed_work_on - queue @dwork on @cpu after @delay jiffies
 * @cpu:   an online CPU, or WORK_CPU_UNBOUND for this one
 * @wq:    the workqueue
 * @dwork: the delayed work
 * @delay: jiffies to wait; 0 queues at once
 *
 * The timer is armed on @cpu, so the work is queued there at the first
 * tick at or after jiffies + @delay.
 *
 * Return: true if queued, false if it was already pending.
 */
bool queue_delayed_work_on(int cpu, struct workqueue_struct *wq,
			   struct delayed_work *dwork, unsigned long delay)
{
	unsigned long flags;

	local_irq_save(flags);   /* as in queue_work_on() */
	if (test_and_set_pending(&dwork->work)) {
		local_irq_restore(flags);
		return false;
	}
	if (cpu == WORK_CPU_UNBOUND || (unsigned int)cpu >= nr_cpu_ids || !cpu_online(cpu))
		cpu = smp_processor_id();
	dwork->wq = wq;
	dwork->cpu = cpu;
	if (!delay) {
		__queue_work(cpu, wq, &dwork->work);
	} else {
		dwork->timer.function = delayed_work_timer_fn;
		dwork->timer.expires = jiffies + delay;
		add_timer_on(&dwork->timer, cpu);
	}
	local_irq_restore(flags);
	return true;
}

/**
 * queue_delayed_work - queue_delayed_work_on() this CPU
 */
bool queue_delayed_work(struct workqueue_struct *wq, struct delayed_work *dwork,
			unsigned long delay)
{
	return queue_delayed_work_on(WORK_CPU_UNBOUND, wq, dwork, delay);
}

/**
 * schedule_delayed_work - queue @dwork on system_wq, this CPU, after @delay
 */
bool schedule_delayed_work(struct delayed_work *dwork, unsigned long delay)
{
	return queue_delayed_work_on(WORK_CPU_UNBOUND, system_wq, dwork, delay);
}

/**
 * schedule_delayed_work_on - queue @dwork on system_wq, @cpu, after @delay
 */
bool schedule_delayed_work_on(int cpu, struct delayed_work *dwork, unsigned long delay)
{
	return queue_delayed_work_on(cpu, system_wq, dwork, delay);
}

/**
 * flush_delayed_work - queue @dwork now if its timer is pending, and wait
 *
 * Return: true if it waited.
 */
bool flush_delayed_work(struct delayed_work *dwork)
{
	unsigned long flags;

	if (del_timer_sync(&dwork->timer)) {
		local_irq_save(flags);
		__queue_work(dwork->cpu, dwork->wq, &dwork->work);   /* PENDING still ours */
		local_irq_restore(flags);
	}
	return flush_work(&dwork->work);
}

/**
 * cancel_delayed_work_sync - stop @dwork's timer or unqueue it, and wait
 *
 * Return: true if it was pending.
 */
bool cancel_delayed_work_sync(struct delayed_work *dwork)
{
	return __cancel_work_sync(&dwork->work, dwork);
}

/* ---- workqueues ---- */

/**
 * alloc_workqueue - a named workqueue
 * @fmt:        printf-style name
 * @flags:      WQ_* (recorded only)
 * @max_active: recorded only
 *
 * Its works run on the same per-CPU kworkers as system_wq's.
 *
 * Return: the workqueue, or NULL without memory.
 */
struct workqueue_struct *alloc_workqueue(const char *fmt, unsigned int flags,
					 int max_active, ...)
{
	struct workqueue_struct *wq = kzalloc(sizeof(*wq), GFP_KERNEL);
	va_list args;

	if (!wq)
		return NULL;
	va_start(args, max_active);
	vsnprintf(wq->name, sizeof(wq->name), fmt, args);
	va_end(args);
	wq->flags = flags;
	wq->max_active = max_active;
	return wq;
}

/**
 * flush_workqueue - wait for every work queued so far to finish
 * @wq: the workqueue
 *
 * The pools are shared, so this waits for every work of every workqueue
 * queued before the call (more than Linux waits for, never less).
 */
void flush_workqueue(struct workqueue_struct *wq)
{
	struct wq_barrier barr;
	struct worker_pool *pool;
	unsigned long flags;
	unsigned int cpu;

	(void)wq;
	for_each_online_cpu(cpu) {
		pool = per_cpu_ptr(&cpu_worker_pools, cpu);
		spin_lock_irqsave(&pool->lock, flags);
		if (list_empty(&pool->worklist) && !pool->current_work) {
			spin_unlock_irqrestore(&pool->lock, flags);
			continue;
		}
		if (WARN_ONCE(current == pool->task, "workqueue: flush_workqueue from kworker/%u\n", cpu)) {
			spin_unlock_irqrestore(&pool->lock, flags);
			continue;
		}
		insert_barrier(pool, &barr, pool->worklist.prev);   /* at the tail */
		spin_unlock_irqrestore(&pool->lock, flags);
		wait_for_completion(&barr.done);
	}
}

/**
 * destroy_workqueue - flush @wq and free it
 */
void destroy_workqueue(struct workqueue_struct *wq)
{
	if (!wq || wq == system_wq)
		return;
	flush_workqueue(wq);
	kfree(wq);
}

/* Pools are set up before anything can queue (lists in .bss are not). */
static int __init workqueue_init_early(void)
{
	unsigned int cpu;

	for (cpu = 0; cpu < nr_cpu_ids; cpu++) {
		struct worker_pool *pool = per_cpu_ptr(&cpu_worker_pools, cpu);

		spin_lock_init(&pool->lock);
		INIT_LIST_HEAD(&pool->worklist);
		pool->cpu = cpu;
	}
	return 0;
}
core_initcall(workqueue_init_early);

/*
 * One kworker/N per online CPU (the CPUs are up: smp_init() ran before
 * the initcalls). Works queued before this wait on their list.
 */
static int __init workqueue_init(void)
{
	struct task_struct *p;
	unsigned int cpu;

	for_each_online_cpu(cpu) {
		struct worker_pool *pool = per_cpu_ptr(&cpu_worker_pools, cpu);

		p = kthread_create_on_cpu(worker_thread, pool, cpu, "kworker/%u");
		if (IS_ERR(p)) {
			pr_err("no kworker for CPU %u (%ld)\n", cpu, PTR_ERR(p));
			continue;
		}
		sched_set_normal(p, 0);
		WRITE_ONCE(pool->task, p);
		wake_up_process(p);
	}
	wq_pools_ready = true;
	return 0;
}
postcore_initcall(workqueue_init);
