/* SPDX-License-Identifier: MIT */
/*
 * Workqueues (kernel/workqueue.c): run a function later, in process
 * context, in a kernel thread - so it may sleep, take mutexes, msleep().
 *
 *	static void fn(struct work_struct *w) { ... }
 *	static DECLARE_WORK(w, fn);
 *	schedule_work(&w);                  on this CPU's kworker
 *	queue_work_on(cpu, system_wq, &w);  on @cpu's kworker
 *	flush_work(&w);                     wait until the queued run is done
 *	cancel_work_sync(&w);               unqueue, and wait out a running one
 *
 * What exists in irqos: one worker thread per online CPU, "kworker/N",
 * bound to it, SCHED_NORMAL, running that CPU's works one at a time in
 * queueing order. Every workqueue (system_wq and any alloc_workqueue())
 * feeds those same per-CPU workers; flags and max_active are recorded and
 * otherwise ignored (WQ_UNBOUND work runs on the queueing CPU). Linux's
 * worker pools with concurrency management, rescuers and unbound pools
 * do not exist.
 *
 * A work is queued at most once at a time: queueing it while it is
 * pending returns false. It may be queued again once it has started
 * running, and then runs on the CPU it is running on (works never run
 * concurrently with themselves), as in Linux.
 */
#ifndef _LINUX_WORKQUEUE_H
#define _LINUX_WORKQUEUE_H

#include <linux/types.h>
#include <linux/kernel.h>
#include <linux/list.h>
#include <linux/timer.h>

struct work_struct;
typedef void (*work_func_t)(struct work_struct *work);

/* work_struct.data: bit 0 pending; from WORK_STRUCT_CPU_SHIFT the CPU whose
 * worker it was last queued on, plus one (0: never queued). */
#define WORK_STRUCT_PENDING_BIT 0
#define WORK_STRUCT_PENDING     (1UL << WORK_STRUCT_PENDING_BIT)
#define WORK_STRUCT_CPU_SHIFT   8

/**
 * struct work_struct - one deferred function
 * @data:  pending bit and last CPU, changed atomically
 * @entry: link on a worker's list while queued
 * @func:  the function, called in a kworker with the work
 */
struct work_struct {
	unsigned long data;
	struct list_head entry;
	work_func_t func;
};

/**
 * struct delayed_work - a work queued when its timer fires
 * @work:  the work
 * @timer: TIMER_SOFTIRQ timer that queues it
 * @wq:    the workqueue to queue on
 * @cpu:   the CPU to queue on
 */
struct delayed_work {
	struct work_struct work;
	struct timer_list timer;
	struct workqueue_struct *wq;
	int cpu;
};

#define __WORK_INITIALIZER(n, f) {					\
		.data = 0, .entry = { &(n).entry, &(n).entry }, .func = (f) }
#define DECLARE_WORK(n, f) struct work_struct n = __WORK_INITIALIZER(n, f)

void delayed_work_timer_fn(struct timer_list *t);

#define __DELAYED_WORK_INITIALIZER(n, f) {				\
		.work = __WORK_INITIALIZER((n).work, (f)),		\
		.timer = __TIMER_INITIALIZER(delayed_work_timer_fn, 0) }
#define DECLARE_DELAYED_WORK(n, f) struct delayed_work n = __DELAYED_WORK_INITIALIZER(n, f)

static inline void INIT_WORK(struct work_struct *work, work_func_t func)
{
	work->data = 0;
	INIT_LIST_HEAD(&work->entry);
	work->func = func;
}

static inline void INIT_DELAYED_WORK(struct delayed_work *dwork, work_func_t func)
{
	INIT_WORK(&dwork->work, func);
	timer_setup(&dwork->timer, delayed_work_timer_fn, 0);
	dwork->wq = NULL;
	dwork->cpu = 0;
}

static inline struct delayed_work *to_delayed_work(struct work_struct *work)
{
	return container_of(work, struct delayed_work, work);
}

static inline bool work_pending(const struct work_struct *work)
{
	return __atomic_load_n(&work->data, __ATOMIC_ACQUIRE) & WORK_STRUCT_PENDING;
}

static inline bool delayed_work_pending(const struct delayed_work *dwork)
{
	return work_pending(&dwork->work);
}

/* alloc_workqueue() flags: accepted and shown, see the file comment. */
#define WQ_UNBOUND        (1U << 1)
#define WQ_FREEZABLE      (1U << 2)
#define WQ_MEM_RECLAIM    (1U << 3)
#define WQ_HIGHPRI        (1U << 4)
#define WQ_CPU_INTENSIVE  (1U << 5)

/* "Any CPU": the queueing CPU, in irqos. */
#define WORK_CPU_UNBOUND  (-1)

struct workqueue_struct;
extern struct workqueue_struct *system_wq;

__printf(1, 4)
struct workqueue_struct *alloc_workqueue(const char *fmt, unsigned int flags,
					 int max_active, ...);
#define create_workqueue(name) alloc_workqueue("%s", WQ_MEM_RECLAIM, 1, (name))
void destroy_workqueue(struct workqueue_struct *wq);
void flush_workqueue(struct workqueue_struct *wq);

bool queue_work_on(int cpu, struct workqueue_struct *wq, struct work_struct *work);
bool queue_work(struct workqueue_struct *wq, struct work_struct *work);
bool schedule_work(struct work_struct *work);
bool schedule_work_on(int cpu, struct work_struct *work);
bool flush_work(struct work_struct *work);
bool cancel_work_sync(struct work_struct *work);

bool queue_delayed_work_on(int cpu, struct workqueue_struct *wq,
			   struct delayed_work *dwork, unsigned long delay);
bool queue_delayed_work(struct workqueue_struct *wq, struct delayed_work *dwork,
			unsigned long delay);
bool schedule_delayed_work(struct delayed_work *dwork, unsigned long delay);
bool schedule_delayed_work_on(int cpu, struct delayed_work *dwork, unsigned long delay);
bool flush_delayed_work(struct delayed_work *dwork);
bool cancel_delayed_work_sync(struct delayed_work *dwork);

/* The kworker running work on @cpu (NULL before workqueue_init). */
struct task_struct *kworker_task(unsigned int cpu);
/* Works @cpu's kworker has finished since boot. */
unsigned long kworker_works_run(unsigned int cpu);
/* The work the running kworker is executing, NULL elsewhere. */
struct work_struct *current_work(void);

#endif
