/* SPDX-License-Identifier: MIT */
/*
 * Wait queues: how a task sleeps until something happens, and how whoever
 * makes it happen - often an interrupt handler - wakes it (kernel/sched/wait.c).
 *
 * A wait_queue_head is a locked list of wait_queue_entry. A sleeper puts
 * an entry for itself on the list and sets its task state *before* testing
 * its condition, then calls schedule() only if the condition is still
 * false; a waker makes the condition true *before* calling wake_up(). With
 * that order a wake-up between the test and schedule() only sets the
 * sleeper running again, so it can never be lost:
 *
 *	DEFINE_WAIT(wait);
 *	for (;;) {
 *		prepare_to_wait(&wq, &wait, TASK_INTERRUPTIBLE);
 *		if (condition)
 *			break;
 *		schedule();
 *	}
 *	finish_wait(&wq, &wait);
 *
 * wait_event*() write that loop for you. Exclusive waiters (added with
 * prepare_to_wait_exclusive()) sit at the tail, and wake_up() wakes every
 * non-exclusive waiter but only the first exclusive one, in the order they
 * started waiting - the cure for a thundering herd on an accept()-like
 * queue.
 */
#ifndef _LINUX_WAIT_H
#define _LINUX_WAIT_H

#include <linux/list.h>
#include <linux/spinlock.h>
#include <linux/sched.h>

struct wait_queue_entry;
typedef int (*wait_queue_func_t)(struct wait_queue_entry *wq_entry, unsigned int mode,
				 int flags, void *key);

#define WQ_FLAG_EXCLUSIVE 0x01
#define WQ_FLAG_WOKEN     0x02

struct wait_queue_entry {
	unsigned int flags;
	void *private;              /* the waiting task */
	wait_queue_func_t func;     /* what a wake-up does with the entry */
	struct list_head entry;
};
typedef struct wait_queue_entry wait_queue_entry_t;

struct wait_queue_head {
	spinlock_t lock;
	struct list_head head;
};
typedef struct wait_queue_head wait_queue_head_t;

/* Wake the entry's task; the entry stays queued. */
int default_wake_function(struct wait_queue_entry *wq_entry, unsigned int mode, int flags, void *key);
/* Wake the entry's task and take the entry off the queue. */
int autoremove_wake_function(struct wait_queue_entry *wq_entry, unsigned int mode, int flags, void *key);

#define __WAIT_QUEUE_HEAD_INITIALIZER(name) {				\
	.lock = __SPIN_LOCK_UNLOCKED(name.lock),			\
	.head = LIST_HEAD_INIT(name.head) }
#define DECLARE_WAIT_QUEUE_HEAD(name) \
	struct wait_queue_head name = __WAIT_QUEUE_HEAD_INITIALIZER(name)

#define __WAITQUEUE_INITIALIZER(name, tsk) {				\
	.private = (tsk), .func = default_wake_function,		\
	.entry = LIST_HEAD_INIT((name).entry) }
#define DECLARE_WAITQUEUE(name, tsk) \
	struct wait_queue_entry name = __WAITQUEUE_INITIALIZER(name, tsk)

#define DEFINE_WAIT_FUNC(name, function)				\
	struct wait_queue_entry name = {				\
		.private = current, .func = (function),			\
		.entry = LIST_HEAD_INIT((name).entry) }
#define DEFINE_WAIT(name) DEFINE_WAIT_FUNC(name, autoremove_wake_function)

void init_waitqueue_head(struct wait_queue_head *wq_head);
void init_wait_entry(struct wait_queue_entry *wq_entry, int flags);

static inline void init_waitqueue_entry(struct wait_queue_entry *e, struct task_struct *p)
{
	e->flags = 0;
	e->private = p;
	e->func = default_wake_function;
	INIT_LIST_HEAD(&e->entry);
}

/* Anyone waiting? Lockless: only meaningful with the waker's barrier. */
static inline int waitqueue_active(struct wait_queue_head *wq_head)
{
	return !list_empty(&wq_head->head);
}
static inline bool wq_has_sleeper(struct wait_queue_head *wq_head)
{
	__atomic_thread_fence(__ATOMIC_SEQ_CST);
	return waitqueue_active(wq_head);
}

void add_wait_queue(struct wait_queue_head *wq_head, struct wait_queue_entry *wq_entry);
void add_wait_queue_exclusive(struct wait_queue_head *wq_head, struct wait_queue_entry *wq_entry);
void remove_wait_queue(struct wait_queue_head *wq_head, struct wait_queue_entry *wq_entry);

void prepare_to_wait(struct wait_queue_head *wq_head, struct wait_queue_entry *wq_entry, int state);
bool prepare_to_wait_exclusive(struct wait_queue_head *wq_head, struct wait_queue_entry *wq_entry, int state);
long prepare_to_wait_event(struct wait_queue_head *wq_head, struct wait_queue_entry *wq_entry, int state);
void finish_wait(struct wait_queue_head *wq_head, struct wait_queue_entry *wq_entry);

/* Wake up to @nr_exclusive exclusive waiters (0: all) sleeping in @mode. */
int __wake_up(struct wait_queue_head *wq_head, unsigned int mode, int nr_exclusive, void *key);
/* The same with wq_head->lock already held by the caller. */
int __wake_up_locked(struct wait_queue_head *wq_head, unsigned int mode, int nr_exclusive);

#define wake_up(x)                   __wake_up(x, TASK_NORMAL, 1, NULL)
#define wake_up_nr(x, nr)            __wake_up(x, TASK_NORMAL, nr, NULL)
#define wake_up_all(x)               __wake_up(x, TASK_NORMAL, 0, NULL)
#define wake_up_locked(x)            __wake_up_locked((x), TASK_NORMAL, 1)
#define wake_up_all_locked(x)        __wake_up_locked((x), TASK_NORMAL, 0)
#define wake_up_interruptible(x)     __wake_up(x, TASK_INTERRUPTIBLE, 1, NULL)
#define wake_up_interruptible_nr(x, nr) __wake_up(x, TASK_INTERRUPTIBLE, nr, NULL)
#define wake_up_interruptible_all(x) __wake_up(x, TASK_INTERRUPTIBLE, 0, NULL)

/*
 * ___wait_event - the loop behind every wait_event*() macro.
 * @cmd runs between the test and the next test (schedule(), or
 * schedule_timeout() with __ret). An interruptible wait ends early with
 * -ERESTARTSYS if a signal is pending.
 */
#define ___wait_event(wq_head, condition, state, exclusive, ret, cmd) ({	\
	__label__ __out;						\
	struct wait_queue_entry __wq_entry;				\
	long __ret = ret;						\
									\
	init_wait_entry(&__wq_entry, exclusive ? WQ_FLAG_EXCLUSIVE : 0);	\
	for (;;) {							\
		long __int = prepare_to_wait_event(&(wq_head), &__wq_entry, state); \
									\
		if (condition)						\
			break;						\
		if (__int) {						\
			__ret = __int;					\
			goto __out;					\
		}							\
		cmd;							\
	}								\
	finish_wait(&(wq_head), &__wq_entry);				\
__out:	__ret;								\
})

/* For the _timeout forms: a condition that came true exactly at the end
 * still counts as success (1 jiffy left). */
#define ___wait_cond_timeout(condition) ({				\
	bool __cond = (condition);					\
	if (__cond && !__ret)						\
		__ret = 1;						\
	__cond || !__ret;						\
})

/** wait_event - sleep (uninterruptibly) until @condition is true */
#define wait_event(wq_head, condition) do {				\
	if (condition)							\
		break;							\
	(void)___wait_event(wq_head, condition, TASK_UNINTERRUPTIBLE, 0, 0, schedule()); \
} while (0)

/** wait_event_idle - as wait_event(), not counted as load (ps shows I) */
#define wait_event_idle(wq_head, condition) do {			\
	if (condition)							\
		break;							\
	(void)___wait_event(wq_head, condition, TASK_IDLE, 0, 0, schedule()); \
} while (0)

/** wait_event_interruptible - sleep until @condition; 0 or -ERESTARTSYS */
#define wait_event_interruptible(wq_head, condition) ({			\
	int __r = 0;							\
	if (!(condition))						\
		__r = ___wait_event(wq_head, condition, TASK_INTERRUPTIBLE, 0, 0, schedule()); \
	__r; })

/** wait_event_interruptible_exclusive - as above, as an exclusive waiter */
#define wait_event_interruptible_exclusive(wq_head, condition) ({	\
	int __r = 0;							\
	if (!(condition))						\
		__r = ___wait_event(wq_head, condition, TASK_INTERRUPTIBLE, 1, 0, schedule()); \
	__r; })

/**
 * wait_event_timeout - sleep until @condition or @timeout jiffies pass
 * Return: 0 if it timed out with @condition false, else the jiffies left
 * (at least 1).
 */
#define wait_event_timeout(wq_head, condition, timeout) ({		\
	long __ret = timeout;						\
	if (!___wait_cond_timeout(condition))				\
		__ret = ___wait_event(wq_head, ___wait_cond_timeout(condition), \
				      TASK_UNINTERRUPTIBLE, 0, timeout,	\
				      __ret = schedule_timeout(__ret));	\
	__ret; })

/**
 * wait_event_interruptible_timeout - the interruptible form
 * Return: as wait_event_timeout(), or -ERESTARTSYS on a signal.
 */
#define wait_event_interruptible_timeout(wq_head, condition, timeout) ({ \
	long __ret = timeout;						\
	if (!___wait_cond_timeout(condition))				\
		__ret = ___wait_event(wq_head, ___wait_cond_timeout(condition), \
				      TASK_INTERRUPTIBLE, 0, timeout,	\
				      __ret = schedule_timeout(__ret));	\
	__ret; })

/*
 * The *_lock_irq forms: @lock (a spinlock_t) is held with interrupts off
 * around the test of @condition and dropped while sleeping.
 */
#define wait_event_interruptible_lock_irq(wq_head, condition, lock) ({	\
	int __r = 0;							\
	if (!(condition))						\
		__r = ___wait_event(wq_head, condition, TASK_INTERRUPTIBLE, 0, 0, \
				    spin_unlock_irq(&(lock)); schedule(); spin_lock_irq(&(lock))); \
	__r; })

#define wait_event_lock_irq(wq_head, condition, lock) do {		\
	if (condition)							\
		break;							\
	(void)___wait_event(wq_head, condition, TASK_UNINTERRUPTIBLE, 0, 0, \
			    spin_unlock_irq(&(lock)); schedule(); spin_lock_irq(&(lock))); \
} while (0)

#endif
