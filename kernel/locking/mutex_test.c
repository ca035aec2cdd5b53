// SPDX-License-Identifier: MIT
/*
 * KUnit suite "mutex": kernel/locking/mutex.c with real kernel threads on
 * the real scheduler:
 *
 *   - two threads each adding 1000 to a counter under a mutex, sleeping
 *     or yielding between their read and their write, end at exactly
 *     2000, and never are both inside;
 *   - a contended mutex_lock() sleeps (TASK_UNINTERRUPTIBLE, ps's D; the
 *     waiter's voluntary switches grow) instead of spinning; a spurious
 *     wake-up does not give a waiter the lock; mutex_unlock() hands it to
 *     the oldest waiter; mutex_lock_interruptible() gives up with -EINTR
 *     on a signal;
 *   - mutex_unlock() by a task that does not own the mutex WARNs and
 *     changes nothing.
 *
 * mutex_lock() in atomic context is in the "sched" suite
 * (kernel/sched/sched_test.c: scheduling_while_atomic).
 */
#include <kunit/test.h>
#include <linux/kernel.h>
#include <linux/errno.h>
#include <linux/sched.h>
#include <linux/kthread.h>
#include <linux/completion.h>
#include <linux/mutex.h>
#include <linux/delay.h>
#include <linux/jiffies.h>
#include <linux/bug.h>
#include "../sched/sched_test.h"

#define MUTEX_LOOPS 1000

static struct {
	struct mutex lock;
	unsigned long counter;
	int inside, max_inside;
} mc;

static int mutex_counter_fn(void *data)
{
	struct completion *done = data;
	unsigned long v;
	int i, n;

	for (i = 0; i < MUTEX_LOOPS; i++) {
		mutex_lock(&mc.lock);
		n = __atomic_add_fetch(&mc.inside, 1, __ATOMIC_SEQ_CST);
		if (n > mc.max_inside)
			mc.max_inside = n;
		v = READ_ONCE(mc.counter);
		/* Give the other thread every chance to get in. */
		if (i % 100 == 0)
			msleep(1);
		else
			yield();
		WRITE_ONCE(mc.counter, v + 1);
		__atomic_sub_fetch(&mc.inside, 1, __ATOMIC_SEQ_CST);
		mutex_unlock(&mc.lock);
	}
	complete(done);
	wait_for_stop();
	return 0;
}

static void mutex_excludes(struct kunit *test)
{
	struct completion done[2];
	struct task_struct *p[2];
	int i;

	__builtin_memset(&mc, 0, sizeof(mc));
	mutex_init(&mc.lock);
	for (i = 0; i < 2; i++) {
		init_completion(&done[i]);
		p[i] = kthread_run(mutex_counter_fn, &done[i], "kunit-mtx/%d", i);
		KUNIT_ASSERT_FALSE(test, IS_ERR(p[i]));
	}
	for (i = 0; i < 2; i++)
		KUNIT_EXPECT_GT(test, wait_for_completion_timeout(&done[i], 10 * HZ), 0UL);
	KUNIT_EXPECT_EQ(test, mc.counter, 2UL * MUTEX_LOOPS);
	KUNIT_EXPECT_EQ(test, mc.max_inside, 1);
	KUNIT_EXPECT_FALSE(test, mutex_is_locked(&mc.lock));
	for (i = 0; i < 2; i++)
		KUNIT_EXPECT_EQ(test, kthread_stop(p[i]), 0);
}

static struct {
	struct mutex lock;
	struct task_struct *order[3];
	int nr;
} mo;

struct locker {
	bool interruptible;
	int ret;
	struct task_struct *owner_seen;
	struct completion done;
};

static int locker_fn(void *data)
{
	struct locker *l = data;

	if (l->interruptible) {
		l->ret = mutex_lock_interruptible(&mo.lock);
		/* Kernel threads get no signals: the test's fake one is ours
		 * to clear. */
		__atomic_fetch_and(&current->ti_flags, ~_TIF_SIGPENDING, __ATOMIC_SEQ_CST);
	} else {
		mutex_lock(&mo.lock);
		l->ret = 0;
	}
	if (!l->ret) {
		l->owner_seen = mutex_owner(&mo.lock);
		mo.order[mo.nr++] = current;
		msleep(2);
		mutex_unlock(&mo.lock);
	}
	complete(&l->done);
	wait_for_stop();
	return 0;
}

static void mutex_contended_sleeps_fifo(struct kunit *test)
{
	static struct locker l[3];
	struct task_struct *p[3];
	int i;

	__builtin_memset(&mo, 0, sizeof(mo));
	mutex_init(&mo.lock);
	mutex_lock(&mo.lock);
	KUNIT_EXPECT_PTR_EQ(test, mutex_owner(&mo.lock), current);
	KUNIT_EXPECT_EQ(test, mutex_trylock(&mo.lock), 0);

	/* Two plain waiters, then one interruptible one, in that order. */
	for (i = 0; i < 3; i++) {
		__builtin_memset(&l[i], 0, sizeof(l[i]));
		l[i].interruptible = i == 2;
		l[i].ret = 1;
		init_completion(&l[i].done);
		p[i] = kthread_run(locker_fn, &l[i], "kunit-lock/%d", i);
		KUNIT_ASSERT_FALSE(test, IS_ERR(p[i]));
		KUNIT_ASSERT_TRUE(test, wait_until_blocked(p[i], i == 2 ? TASK_INTERRUPTIBLE
								       : TASK_UNINTERRUPTIBLE));
		KUNIT_EXPECT_GE(test, p[i]->nvcsw, 1UL);   /* slept, did not spin */
	}
	KUNIT_EXPECT_EQ(test, task_state_char(p[0]), 'D');

	/* A "signal" makes the interruptible waiter give up. */
	__atomic_fetch_or(&p[2]->ti_flags, _TIF_SIGPENDING, __ATOMIC_SEQ_CST);
	wake_up_process(p[2]);
	KUNIT_EXPECT_GT(test, wait_for_completion_timeout(&l[2].done, HZ), 0UL);
	KUNIT_EXPECT_EQ(test, l[2].ret, -EINTR);
	KUNIT_EXPECT_PTR_EQ(test, mutex_owner(&mo.lock), current);

	/* A spurious wake-up of a waiter does not give it the lock. */
	wake_up_process(p[1]);
	msleep(5);
	KUNIT_EXPECT_EQ(test, mo.nr, 0);

	mutex_unlock(&mo.lock);
	for (i = 0; i < 2; i++)
		KUNIT_EXPECT_GT(test, wait_for_completion_timeout(&l[i].done, HZ), 0UL);
	KUNIT_EXPECT_EQ(test, mo.nr, 2);
	KUNIT_EXPECT_PTR_EQ(test, mo.order[0], p[0]);      /* oldest first */
	KUNIT_EXPECT_PTR_EQ(test, mo.order[1], p[1]);
	KUNIT_EXPECT_PTR_EQ(test, l[0].owner_seen, p[0]);
	KUNIT_EXPECT_PTR_EQ(test, l[1].owner_seen, p[1]);
	KUNIT_EXPECT_FALSE(test, mutex_is_locked(&mo.lock));
	KUNIT_EXPECT_EQ(test, mutex_trylock(&mo.lock), 1);
	mutex_unlock(&mo.lock);
	for (i = 0; i < 3; i++)
		KUNIT_EXPECT_EQ(test, kthread_stop(p[i]), 0);
}

static int hold_mutex_fn(void *data)
{
	struct mutex *m = data;

	mutex_lock(m);
	wait_for_stop();
	mutex_unlock(m);
	return 0;
}

static void mutex_unlock_by_non_owner_warns(struct kunit *test)
{
	struct task_struct *p;
	unsigned long warns;
	struct mutex m;

	mutex_init(&m);
	p = kthread_run(hold_mutex_fn, &m, "kunit-holder");
	KUNIT_ASSERT_FALSE(test, IS_ERR(p));
	KUNIT_ASSERT_TRUE(test, wait_until_blocked(p, TASK_INTERRUPTIBLE));
	KUNIT_ASSERT_TRUE(test, mutex_owner(&m) == p);

	warns = warn_count;
	mutex_unlock(&m);               /* not ours: a bug, refused */
	KUNIT_EXPECT_EQ(test, warn_count, warns + 1);
	KUNIT_EXPECT_PTR_EQ(test, mutex_owner(&m), p);
	KUNIT_EXPECT_EQ(test, mutex_trylock(&m), 0);

	KUNIT_EXPECT_EQ(test, kthread_stop(p), 0);  /* the owner unlocks */
	KUNIT_EXPECT_FALSE(test, mutex_is_locked(&m));
	KUNIT_EXPECT_EQ(test, warn_count, warns + 1);
}

static struct kunit_case mutex_cases[] = {
	KUNIT_CASE(mutex_excludes),
	KUNIT_CASE(mutex_contended_sleeps_fifo),
	KUNIT_CASE(mutex_unlock_by_non_owner_warns),
	{}
};

static struct kunit_suite mutex_suite = {
	.name = "mutex",
	.test_cases = mutex_cases,
};
kunit_test_suite(mutex_suite);
