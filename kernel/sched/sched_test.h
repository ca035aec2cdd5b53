/* SPDX-License-Identifier: MIT */
/*
 * Helpers shared by the KUnit suites that drive kernel threads
 * (kernel/sched/sched_test.c, kernel/locking/mutex_test.c): park a thread
 * until kthread_stop(), and wait until a thread is really asleep.
 */
#ifndef _KERNEL_SCHED_SCHED_TEST_H
#define _KERNEL_SCHED_SCHED_TEST_H

#include <linux/sched.h>
#include <linux/kthread.h>
#include <linux/jiffies.h>
#include <linux/delay.h>

/* Sleep until kthread_stop(): the end of every thread function here, so
 * that no thread exits before its kthread_stop() (see linux/kthread.h). */
static inline void wait_for_stop(void)
{
	for (;;) {
		set_current_state(TASK_INTERRUPTIBLE);
		if (kthread_should_stop())
			break;
		schedule();
	}
	__set_current_state(TASK_RUNNING);
}

/* Wait (sleeping) up to a second until @p sleeps in @state off its run queue. */
static inline bool wait_until_blocked(struct task_struct *p, long state)
{
	unsigned long end = jiffies + HZ;

	while (time_before(jiffies, end)) {
		if (READ_ONCE(p->__state) == state && !READ_ONCE(p->on_rq))
			return true;
		msleep(1);
	}
	return false;
}

#endif
