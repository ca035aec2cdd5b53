/* SPDX-License-Identifier: MIT */
/*
 * Sleeping locks (kernel/locking/mutex.c).
 *
 * A mutex is for process context only: a task that finds it held goes to
 * sleep (TASK_UNINTERRUPTIBLE, shown as D by ps) instead of spinning, so a
 * critical section may itself sleep - msleep(), wait for a completion,
 * block on another mutex. Interrupt handlers and softirqs must use a
 * spinlock instead.
 *
 * Waiters queue in arrival order and mutex_unlock() hands the lock
 * straight to the oldest of them: nobody can overtake a sleeper, so no
 * waiter starves. Only the owner may unlock; anything else is a bug and
 * WARNs.
 *
 *	static DEFINE_MUTEX(cfg_lock);
 *	mutex_lock(&cfg_lock);
 *	... may sleep here ...
 *	mutex_unlock(&cfg_lock);
 */
#ifndef _LINUX_MUTEX_H
#define _LINUX_MUTEX_H

#include <linux/types.h>
#include <linux/list.h>
#include <linux/spinlock.h>
#include <linux/compiler.h>

struct task_struct;

/**
 * struct mutex - a sleeping lock
 * @owner:     the task holding it, or NULL when it is free
 * @wait_lock: protects @owner and @wait_list
 * @wait_list: struct mutex_waiter entries, oldest first
 */
struct mutex {
	struct task_struct *owner;
	spinlock_t wait_lock;
	struct list_head wait_list;
};

#define __MUTEX_INITIALIZER(name) {					\
	.owner = NULL,							\
	.wait_lock = __SPIN_LOCK_UNLOCKED(name.wait_lock),		\
	.wait_list = LIST_HEAD_INIT(name.wait_list) }
#define DEFINE_MUTEX(name) struct mutex name = __MUTEX_INITIALIZER(name)

void mutex_init(struct mutex *lock);
void mutex_lock(struct mutex *lock);
int mutex_lock_interruptible(struct mutex *lock);
int mutex_trylock(struct mutex *lock);
void mutex_unlock(struct mutex *lock);

/**
 * mutex_is_locked - is @lock held by anyone? (a snapshot)
 * @lock: the mutex
 */
static inline bool mutex_is_locked(struct mutex *lock)
{
	return READ_ONCE(lock->owner) != NULL;
}

/**
 * mutex_owner - the task holding @lock, or NULL (a snapshot, for tests
 * and diagnostics)
 */
static inline struct task_struct *mutex_owner(struct mutex *lock)
{
	return READ_ONCE(lock->owner);
}

#endif
