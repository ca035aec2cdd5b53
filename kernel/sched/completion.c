// SPDX-License-Identifier: MIT
/*
 * Completions on top of a wait queue. Waiters are exclusive, so each
 * complete() wakes exactly one of them; the count (done) is changed under
 * the queue's lock, so a complete() that comes before the wait is not lost.
 */
#include <linux/completion.h>
#include <linux/sched.h>
#include <linux/kernel.h>
#include <linux/errno.h>

#define COMPLETE_ALL (~0U)

/**
 * complete - let one waiter (present or future) through
 * @x: the completion; callable from any context
 */
void complete(struct completion *x)
{
	unsigned long flags;

	spin_lock_irqsave(&x->wait.lock, flags);
	if (x->done != COMPLETE_ALL)
		x->done++;
	__wake_up_locked(&x->wait, TASK_NORMAL, 1);
	spin_unlock_irqrestore(&x->wait.lock, flags);
}

/**
 * complete_all - let every waiter through, now and until reinit_completion()
 * @x: the completion
 */
void complete_all(struct completion *x)
{
	unsigned long flags;

	spin_lock_irqsave(&x->wait.lock, flags);
	x->done = COMPLETE_ALL;
	__wake_up_locked(&x->wait, TASK_NORMAL, 0);
	spin_unlock_irqrestore(&x->wait.lock, flags);
}

/* Wait in @state for up to @timeout jiffies; returns the jiffies left
 * (at least 1) on success, 0 on timeout, -ERESTARTSYS on a signal. */
static long do_wait_for_common(struct completion *x, long timeout, int state)
{
	DECLARE_WAITQUEUE(wait, current);

	might_sleep();
	spin_lock_irq(&x->wait.lock);
	if (!x->done) {
		wait.flags |= WQ_FLAG_EXCLUSIVE;
		list_add_tail(&wait.entry, &x->wait.head);
		do {
			if (signal_pending_state(state, current)) {
				timeout = -ERESTARTSYS;
				break;
			}
			__set_current_state(state);
			spin_unlock_irq(&x->wait.lock);
			timeout = schedule_timeout(timeout);
			spin_lock_irq(&x->wait.lock);
		} while (!x->done && timeout);
		list_del_init(&wait.entry);
		__set_current_state(TASK_RUNNING);
		if (!x->done) {
			spin_unlock_irq(&x->wait.lock);
			return timeout;
		}
	}
	if (x->done != COMPLETE_ALL)
		x->done--;
	spin_unlock_irq(&x->wait.lock);
	return timeout ? timeout : 1;
}

/** wait_for_completion - sleep (uninterruptibly) until @x is completed */
void wait_for_completion(struct completion *x)
{
	do_wait_for_common(x, MAX_SCHEDULE_TIMEOUT, TASK_UNINTERRUPTIBLE);
}

/**
 * wait_for_completion_timeout - as wait_for_completion(), for @timeout jiffies
 * Return: 0 on timeout, else the jiffies left (at least 1).
 */
unsigned long wait_for_completion_timeout(struct completion *x, unsigned long timeout)
{
	return do_wait_for_common(x, timeout, TASK_UNINTERRUPTIBLE);
}

/** wait_for_completion_interruptible - 0, or -ERESTARTSYS on a signal */
int wait_for_completion_interruptible(struct completion *x)
{
	long t = do_wait_for_common(x, MAX_SCHEDULE_TIMEOUT, TASK_INTERRUPTIBLE);

	return t == -ERESTARTSYS ? (int)t : 0;
}

/** wait_for_completion_interruptible_timeout - jiffies left, 0, or -ERESTARTSYS */
long wait_for_completion_interruptible_timeout(struct completion *x, unsigned long timeout)
{
	return do_wait_for_common(x, timeout, TASK_INTERRUPTIBLE);
}

/** try_wait_for_completion - take a banked completion without sleeping */
bool try_wait_for_completion(struct completion *x)
{
	unsigned long flags;
	bool ret = false;

	spin_lock_irqsave(&x->wait.lock, flags);
	if (x->done) {
		if (x->done != COMPLETE_ALL)
			x->done--;
		ret = true;
	}
	spin_unlock_irqrestore(&x->wait.lock, flags);
	return ret;
}

/** completion_done - true if a wait on @x would not sleep */
bool completion_done(struct completion *x)
{
	return READ_ONCE(x->done) != 0;
}
