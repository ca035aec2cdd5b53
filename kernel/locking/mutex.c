// SPDX-License-Identifier: MIT
/*
 * Mutexes: sleeping locks with FIFO hand-off (include/linux/mutex.h).
 *
 * The whole state - who owns the lock and who waits for it - sits behind
 * one spinlock, wait_lock. There is no lock-free fast path: irqos keeps
 * the mutex small enough to check by eye, and the cost is a spinlock
 * round trip per acquisition.
 *
 * A task that finds the mutex owned puts a mutex_waiter (on its own stack)
 * at the tail of wait_list and sleeps. mutex_unlock() never just drops the
 * lock when someone waits: it makes the oldest waiter the owner, marks its
 * entry granted, and wakes it. The woken task therefore owns the lock the
 * moment it runs again, and a task arriving in between - mutex_lock() or
 * mutex_trylock() - sees the lock owned and cannot overtake it. That is
 * what makes the order fair; Linux lets newcomers steal the lock for
 * throughput and hands off only to a waiter that keeps losing.
 *
 * The waiter sets its sleeping state with wait_lock held and tests
 * "granted" under the same lock, so a hand-off between its test and its
 * schedule() only sets it running again: the wake-up cannot be lost.
 */
#include <linux/mutex.h>
#include <linux/sched.h>
#include <linux/kernel.h>
#include <linux/bug.h>
#include <linux/errno.h>

/* One sleeping mutex_lock() call; lives on the waiting task's stack. */
struct mutex_waiter {
	struct list_head list;
	struct task_struct *task;
	bool granted;               /* mutex_unlock() made us the owner */
};

/**
 * mutex_init - initialise a mutex to the unlocked state
 * @lock: the mutex (not held, nobody waiting)
 */
void mutex_init(struct mutex *lock)
{
	lock->owner = NULL;
	spin_lock_init(&lock->wait_lock);
	INIT_LIST_HEAD(&lock->wait_list);
}

/*
 * Take @lock, sleeping in @state while it is owned. Returns 0 with the lock
 * held, or -EINTR (not held) if @state is interruptible and a signal is
 * pending before the lock was handed to us.
 */
static int __mutex_lock(struct mutex *lock, unsigned int state)
{
	struct mutex_waiter waiter;

	might_sleep();
	spin_lock(&lock->wait_lock);
	if (!lock->owner) {
		WRITE_ONCE(lock->owner, current);
		spin_unlock(&lock->wait_lock);
		return 0;
	}
	/* Taking a mutex one already holds sleeps for ever, as on Linux;
	 * at least say why. */
	WARN_ON_ONCE(lock->owner == current);
	waiter.task = current;
	waiter.granted = false;
	list_add_tail(&waiter.list, &lock->wait_list);
	for (;;) {
		if (waiter.granted)
			break;
		if (signal_pending_state(state, current)) {
			list_del(&waiter.list);
			__set_current_state(TASK_RUNNING);
			spin_unlock(&lock->wait_lock);
			return -EINTR;
		}
		set_current_state(state);
		spin_unlock(&lock->wait_lock);
		schedule();
		spin_lock(&lock->wait_lock);
	}
	/* mutex_unlock() unlinked us and set the owner. */
	__set_current_state(TASK_RUNNING);
	spin_unlock(&lock->wait_lock);
	return 0;
}

/**
 * mutex_lock - acquire @lock, sleeping uninterruptibly until it is free
 * @lock: the mutex
 *
 * Process context only. Calling it with preemption or interrupts disabled
 * is a bug that might_sleep() reports ("sleeping function called from
 * invalid context") even when the lock happens to be free.
 */
void mutex_lock(struct mutex *lock)
{
	__mutex_lock(lock, TASK_UNINTERRUPTIBLE);
}

/**
 * mutex_lock_interruptible - acquire @lock, or give up on a signal
 * @lock: the mutex
 *
 * Return: 0 with the lock held, or -EINTR if a signal arrived first.
 */
int mutex_lock_interruptible(struct mutex *lock)
{
	return __mutex_lock(lock, TASK_INTERRUPTIBLE);
}

/**
 * mutex_trylock - acquire @lock only if nobody holds it or waits for it
 * @lock: the mutex
 *
 * Never sleeps. Return: 1 if it is now held by current, else 0.
 */
int mutex_trylock(struct mutex *lock)
{
	int got = 0;

	spin_lock(&lock->wait_lock);
	if (!lock->owner) {
		WRITE_ONCE(lock->owner, current);
		got = 1;
	}
	spin_unlock(&lock->wait_lock);
	return got;
}

/**
 * mutex_unlock - release @lock, handing it to the oldest waiter if any
 * @lock: a mutex current holds
 *
 * Releasing a mutex one does not own is a bug: it WARNs and changes
 * nothing.
 */
void mutex_unlock(struct mutex *lock)
{
	struct mutex_waiter *next;

	spin_lock(&lock->wait_lock);
	if (WARN(lock->owner != current,
		 "mutex_unlock: %s/%d releases a mutex owned by %s\n",
		 current->comm, current->pid,
		 lock->owner ? lock->owner->comm : "nobody")) {
		spin_unlock(&lock->wait_lock);
		return;
	}
	if (list_empty(&lock->wait_list)) {
		WRITE_ONCE(lock->owner, NULL);
	} else {
		next = list_first_entry(&lock->wait_list, struct mutex_waiter, list);
		list_del(&next->list);
		WRITE_ONCE(lock->owner, next->task);
		next->granted = true;
		/* Still under wait_lock: next cannot leave (and pop its stack
		 * frame) before we are done with its entry. */
		wake_up_process(next->task);
	}
	spin_unlock(&lock->wait_lock);
}
