// SPDX-License-Identifier: MIT
/*
 * KUnit suite "sched": the scheduler, wait queues, completions and
 * kthreads, observed in the running kernel with real interrupts:
 *
 *   - the tick preempts a thread that never gives up the CPU, so another
 *     thread of the same priority on that CPU still runs;
 *   - a hard interrupt handler (a LAPIC self-IPI on a test vector, and the
 *     call-function IPI from another CPU) wakes a sleeping thread, which
 *     then runs;
 *   - wake_up() wakes every non-exclusive waiter and exactly one exclusive
 *     waiter, the oldest; wake_up_all() the rest;
 *   - completions bank complete() and time out after the given jiffies;
 *   - kthread_stop() returns the thread function's result, or -EINTR for
 *     a thread that never started (whose function then never runs);
 *   - a SCHED_FIFO wake-up preempts a normal thread at the next
 *     preemption point, a SCHED_NORMAL wake-up does not;
 *   - schedule() with preemption disabled is reported as "BUG: scheduling
 *     while atomic" and the system carries on; mutex_lock() there is
 *     caught by might_sleep().
 *
 * The mutex cases are in kernel/locking/mutex_test.c (suite "mutex").
 *
 * Every case runs with the test thread pinned to the CPU it started on
 * (init/exit below), so "the same CPU" stays true across its sleeps.
 */
#include <kunit/test.h>
#include <linux/kernel.h>
#include <linux/errno.h>
#include <linux/sched.h>
#include <linux/kthread.h>
#include <linux/wait.h>
#include <linux/completion.h>
#include <linux/mutex.h>
#include <linux/delay.h>
#include <linux/jiffies.h>
#include <linux/hardirq.h>
#include <linux/interrupt.h>
#include <linux/irq.h>
#include <linux/irqdesc.h>
#include <linux/cpumask.h>
#include <linux/smp.h>
#include <asm/apic.h>
#include <asm/hw_irq.h>
#include <asm/irq.h>
#include <asm/processor.h>
#include <asm/tsc.h>
#include "sched_test.h"

#define SCHED_TEST_IRQ 239

static struct cpumask saved_mask;

static int sched_test_init(struct kunit *test)
{
	cpumask_copy(&saved_mask, &current->cpus_mask);
	return set_cpus_allowed_ptr(current, cpumask_of(smp_processor_id()));
}

static void sched_test_exit(struct kunit *test)
{
	set_cpus_allowed_ptr(current, &saved_mask);
}

/* ---- the tick preempts a spinning thread ---- */

static int spinner_fn(void *data)
{
	volatile unsigned long *count = data;

	while (!kthread_should_stop()) {
		(*count)++;
		cpu_relax();
	}
	return 0;
}

static void tick_preempts_spinner(struct kunit *test)
{
	unsigned int cpu = smp_processor_id();
	volatile unsigned long count = 0;
	unsigned long c0, c1, my_nivcsw, t0;
	struct task_struct *p;

	p = kthread_create(spinner_fn, (void *)&count, "kunit-spin");
	KUNIT_ASSERT_FALSE(test, IS_ERR(p));
	kthread_bind(p, cpu);
	wake_up_process(p);     /* same priority: it waits for our slice to end */

	/* Busy for 20 ticks without sleeping: the spinner can only count if
	 * the tick takes the CPU from us, and we only get here again if the
	 * tick takes it back from the spinner. */
	my_nivcsw = current->nivcsw;
	c0 = count;
	t0 = jiffies;
	while (jiffies - t0 < 20)
		cpu_relax();
	c1 = count;
	KUNIT_EXPECT_GT(test, c1, c0);
	KUNIT_EXPECT_GT(test, current->nivcsw, my_nivcsw);
	KUNIT_EXPECT_GT(test, p->nivcsw, 0UL);
	KUNIT_EXPECT_EQ(test, p->nvcsw, 0UL);          /* it never slept */
	KUNIT_EXPECT_EQ(test, task_cpu(p), (int)cpu);
	KUNIT_EXPECT_EQ(test, smp_processor_id(), cpu);

	msleep(20);
	KUNIT_EXPECT_GT(test, count, c1);
	KUNIT_EXPECT_EQ(test, kthread_stop(p), 0);
}

/* ---- a hard interrupt wakes a sleeping thread ---- */

static struct {
	struct wait_queue_head wq;
	struct completion done;
	bool flag;
	unsigned int seq;            /* events so far */
	unsigned int waker_at, woke_at;
	unsigned long waker_preempt_count;
	u64 waker_ns, woke_ns;       /* local_clock() in the handler / thread */
	bool waker_in_hardirq;
	int waker_cpu, woke_cpu;
} hw;

static void hw_reset(void)
{
	__builtin_memset(&hw, 0, sizeof(hw));
	init_waitqueue_head(&hw.wq);
	init_completion(&hw.done);
	hw.waker_cpu = hw.woke_cpu = -1;
}

/* The waker's half, in hard interrupt context. */
static void hw_wake(void)
{
	hw.waker_preempt_count = preempt_count();
	hw.waker_in_hardirq = in_hardirq();
	hw.waker_cpu = smp_processor_id();
	hw.waker_ns = local_clock();
	hw.waker_at = __atomic_add_fetch(&hw.seq, 1, __ATOMIC_SEQ_CST);
	WRITE_ONCE(hw.flag, true);
	wake_up(&hw.wq);
}

static int hw_waiter_fn(void *data)
{
	wait_event(hw.wq, READ_ONCE(hw.flag));
	hw.woke_ns = local_clock();
	hw.woke_at = __atomic_add_fetch(&hw.seq, 1, __ATOMIC_SEQ_CST);
	hw.woke_cpu = smp_processor_id();
	complete(&hw.done);
	wait_for_stop();
	return 0;
}

static irqreturn_t hw_handler(int irq, void *dev_id)
{
	hw_wake();
	return IRQ_HANDLED;
}

static void hw_chip_noop(struct irq_data *d) { }

static void hw_chip_eoi(struct irq_data *d)
{
	irq_complete_move(d->irq, smp_processor_id(), this_cpu_read(irq_stat.last_vector));
	apic_eoi();
}

static struct irq_chip sched_test_chip = {
	.name       = "sched-test",
	.irq_mask   = hw_chip_noop,
	.irq_unmask = hw_chip_noop,
	.irq_eoi    = hw_chip_eoi,
};

static void hw_check(struct kunit *test, struct task_struct *p)
{
	KUNIT_EXPECT_GT(test, wait_for_completion_timeout(&hw.done, HZ), 0UL);
	KUNIT_EXPECT_TRUE(test, hw.waker_in_hardirq);
	KUNIT_EXPECT_NE(test, hw.waker_preempt_count & HARDIRQ_MASK, 0UL);
	KUNIT_EXPECT_EQ(test, hw.waker_at, 1U);
	KUNIT_EXPECT_EQ(test, hw.woke_at, 2U);          /* it ran after the handler */
	KUNIT_EXPECT_GE(test, p->nvcsw, 1UL);           /* it really slept */
	/* A figure, not a check: the clocks of two CPUs may differ. */
	kunit_info(test, "handler on CPU %d to woken thread on CPU %d: %lld us",
		   hw.waker_cpu, hw.woke_cpu, (long long)(hw.woke_ns - hw.waker_ns) / 1000);
	KUNIT_EXPECT_EQ(test, kthread_stop(p), 0);
}

static void hardirq_wakes_thread(struct kunit *test)
{
	unsigned int cpu = smp_processor_id();
	struct task_struct *p;
	int v;

	if (!apic_available)
		kunit_skip(test, "no local APIC in use (nolapic)");
	hw_reset();
	p = kthread_run(hw_waiter_fn, NULL, "kunit-hwwait");
	KUNIT_ASSERT_FALSE(test, IS_ERR(p));
	KUNIT_ASSERT_TRUE(test, wait_until_blocked(p, TASK_UNINTERRUPTIBLE));
	KUNIT_EXPECT_EQ(test, hw.seq, 0U);

	irq_set_chip_and_handler_name(SCHED_TEST_IRQ, &sched_test_chip, handle_fasteoi_irq, "fasteoi");
	v = irq_alloc_vector(SCHED_TEST_IRQ, cpu);
	KUNIT_ASSERT_GT(test, v, 0);
	KUNIT_ASSERT_EQ(test, request_irq(SCHED_TEST_IRQ, hw_handler, 0, "kunit-sched", &hw), 0);

	apic_self_ipi_wait(v);
	hw_check(test, p);
	KUNIT_EXPECT_EQ(test, hw.waker_cpu, (int)cpu);

	free_irq(SCHED_TEST_IRQ, &hw);
	irq_free_vector(SCHED_TEST_IRQ);
	irq_set_chip_and_handler_name(SCHED_TEST_IRQ, NULL, NULL, NULL);
}

static void hw_ipi_fn(void *info)
{
	hw_wake();
}

static void ipi_wakes_thread_on_other_cpu(struct kunit *test)
{
	unsigned int other;
	struct task_struct *p;

	if (num_online_cpus() < 2)
		kunit_skip(test, "needs a second CPU");
	other = smp_processor_id() == 0 ? 1 : 0;
	hw_reset();
	/* The sleeper lives on the CPU the IPI goes to: the wake-up there
	 * must take effect at that interrupt's return, from its idle task. */
	p = kthread_create(hw_waiter_fn, NULL, "kunit-ipiwait");
	KUNIT_ASSERT_FALSE(test, IS_ERR(p));
	kthread_bind(p, other);
	wake_up_process(p);
	KUNIT_ASSERT_TRUE(test, wait_until_blocked(p, TASK_UNINTERRUPTIBLE));

	KUNIT_ASSERT_EQ(test, smp_call_function_single((int)other, hw_ipi_fn, NULL, 1), 0);
	hw_check(test, p);
	KUNIT_EXPECT_EQ(test, hw.waker_cpu, (int)other);
	KUNIT_EXPECT_EQ(test, hw.woke_cpu, (int)other);
}

/* ---- exclusive waiters ---- */

#define NR_WAITERS 4

static struct {
	struct wait_queue_head wq;
	bool release;
	int woken[NR_WAITERS];       /* 1 + the order in which they woke */
	int nr_woken;
} ex;

struct ex_waiter {
	int idx;
	bool exclusive;
};

static int ex_waiter_fn(void *data)
{
	struct ex_waiter *w = data;
	DEFINE_WAIT(wait);

	for (;;) {
		if (w->exclusive)
			prepare_to_wait_exclusive(&ex.wq, &wait, TASK_UNINTERRUPTIBLE);
		else
			prepare_to_wait(&ex.wq, &wait, TASK_UNINTERRUPTIBLE);
		if (READ_ONCE(ex.release) || kthread_should_stop())
			break;
		schedule();
	}
	finish_wait(&ex.wq, &wait);
	ex.woken[w->idx] = __atomic_add_fetch(&ex.nr_woken, 1, __ATOMIC_SEQ_CST);
	wait_for_stop();
	return 0;
}

/* Wait up to a second until @n waiters have woken. */
static bool ex_wait_woken(int n)
{
	unsigned long end = jiffies + HZ;

	while (READ_ONCE(ex.nr_woken) < n && time_before(jiffies, end))
		msleep(1);
	return READ_ONCE(ex.nr_woken) >= n;
}

static void waitqueue_exclusive(struct kunit *test)
{
	/* Queued in this order: three exclusive, then one non-exclusive. */
	static struct ex_waiter w[NR_WAITERS] = {
		{ 0, true }, { 1, true }, { 2, true }, { 3, false },
	};
	struct task_struct *p[NR_WAITERS];
	int i;

	__builtin_memset(&ex, 0, sizeof(ex));
	init_waitqueue_head(&ex.wq);
	for (i = 0; i < NR_WAITERS; i++) {
		p[i] = kthread_run(ex_waiter_fn, &w[i], "kunit-ex/%d", i);
		KUNIT_ASSERT_FALSE(test, IS_ERR(p[i]));
		KUNIT_ASSERT_TRUE(test, wait_until_blocked(p[i], TASK_UNINTERRUPTIBLE));
	}

	WRITE_ONCE(ex.release, true);
	KUNIT_EXPECT_EQ(test, wake_up(&ex.wq), 2);
	KUNIT_EXPECT_TRUE(test, ex_wait_woken(2));
	msleep(20);                         /* anyone else woken would show now */
	KUNIT_EXPECT_EQ(test, ex.nr_woken, 2);
	KUNIT_EXPECT_NE(test, ex.woken[3], 0);  /* the non-exclusive one */
	KUNIT_EXPECT_NE(test, ex.woken[0], 0);  /* the oldest exclusive one */
	KUNIT_EXPECT_EQ(test, ex.woken[1], 0);
	KUNIT_EXPECT_EQ(test, ex.woken[2], 0);
	KUNIT_EXPECT_EQ(test, task_state_char(p[1]), 'D');
	KUNIT_EXPECT_EQ(test, task_state_char(p[2]), 'D');

	KUNIT_EXPECT_EQ(test, wake_up_all(&ex.wq), 2);
	KUNIT_EXPECT_TRUE(test, ex_wait_woken(4));
	KUNIT_EXPECT_NE(test, ex.woken[1], 0);
	KUNIT_EXPECT_NE(test, ex.woken[2], 0);
	KUNIT_EXPECT_FALSE(test, waitqueue_active(&ex.wq));

	for (i = 0; i < NR_WAITERS; i++)
		KUNIT_EXPECT_EQ(test, kthread_stop(p[i]), 0);
}

/* ---- completions ---- */

static void completion_banked_and_timeout(struct kunit *test)
{
	struct completion c;
	unsigned long t0, vcsw;

	init_completion(&c);
	complete(&c);
	vcsw = current->nvcsw;
	KUNIT_EXPECT_EQ(test, wait_for_completion_timeout(&c, 10), 10UL);
	KUNIT_EXPECT_EQ(test, current->nvcsw, vcsw);        /* did not sleep */
	KUNIT_EXPECT_FALSE(test, try_wait_for_completion(&c)); /* used up */

	t0 = jiffies;
	KUNIT_EXPECT_EQ(test, wait_for_completion_timeout(&c, 5), 0UL);
	KUNIT_EXPECT_GE(test, jiffies - t0, 5UL);
	KUNIT_EXPECT_GT(test, current->nvcsw, vcsw);        /* it slept */

	complete_all(&c);
	KUNIT_EXPECT_GT(test, wait_for_completion_timeout(&c, 5), 0UL);
	KUNIT_EXPECT_GT(test, wait_for_completion_timeout(&c, 5), 0UL);
	KUNIT_EXPECT_TRUE(test, completion_done(&c));
	reinit_completion(&c);
	KUNIT_EXPECT_FALSE(test, completion_done(&c));
}

/* ---- kthread_stop ---- */

static int stoppable_fn(void *data)
{
	int *ran = data;

	*ran = 1;
	while (!kthread_should_stop())
		msleep(1);
	return 42;
}

static void kthread_stop_result(struct kunit *test)
{
	struct task_struct *p;
	int ran = 0;

	p = kthread_run(stoppable_fn, &ran, "kunit-stop");
	KUNIT_ASSERT_FALSE(test, IS_ERR(p));
	msleep(10);
	KUNIT_EXPECT_EQ(test, ran, 1);
	KUNIT_EXPECT_EQ(test, kthread_stop(p), 42);

	ran = 0;
	p = kthread_create(stoppable_fn, &ran, "kunit-never");
	KUNIT_ASSERT_FALSE(test, IS_ERR(p));
	KUNIT_EXPECT_EQ(test, task_state_char(p), 'N');
	KUNIT_EXPECT_EQ(test, kthread_stop(p), -EINTR);
	KUNIT_EXPECT_EQ(test, ran, 0);
}

/* ---- wake-up preemption by priority ---- */

struct prio_probe {
	bool ran;
	int cpu;
};

static int prio_probe_fn(void *data)
{
	struct prio_probe *pp = data;

	pp->cpu = smp_processor_id();
	WRITE_ONCE(pp->ran, true);
	wait_for_stop();
	return 0;
}

/* Wake a thread of @policy bound to this CPU with preemption off; report
 * whether it ran before and right after the preempt_enable(). */
static void wake_with_policy(struct kunit *test, bool fifo, bool *before, bool *after)
{
	unsigned int cpu = smp_processor_id();
	struct prio_probe pp = { false, -1 };
	struct task_struct *p;
	unsigned long nivcsw;

	p = kthread_create(prio_probe_fn, &pp, fifo ? "kunit-fifo" : "kunit-norm");
	KUNIT_ASSERT_FALSE(test, IS_ERR(p));
	kthread_bind(p, cpu);
	if (fifo)
		sched_set_fifo(p);
	yield();                        /* a fresh slice: no tick preemption below */
	nivcsw = current->nivcsw;
	preempt_disable();
	wake_up_process(p);
	*before = READ_ONCE(pp.ran);
	preempt_enable();               /* the preemption point */
	*after = READ_ONCE(pp.ran);
	if (fifo) {
		KUNIT_EXPECT_GT(test, current->nivcsw, nivcsw);
		KUNIT_EXPECT_EQ(test, pp.cpu, (int)cpu);
	}
	msleep(5);                      /* now it runs in any case */
	KUNIT_EXPECT_TRUE(test, READ_ONCE(pp.ran));
	KUNIT_EXPECT_EQ(test, kthread_stop(p), 0);
}

static void fifo_wakeup_preempts_normal(struct kunit *test)
{
	bool before, after;

	wake_with_policy(test, true, &before, &after);
	KUNIT_EXPECT_FALSE(test, before);
	KUNIT_EXPECT_TRUE(test, after);
}

static void normal_wakeup_does_not_preempt(struct kunit *test)
{
	bool before, after;

	wake_with_policy(test, false, &before, &after);
	KUNIT_EXPECT_FALSE(test, before);
	KUNIT_EXPECT_FALSE(test, after);
}

/* ---- sleeping in atomic context ---- */

static struct {
	long state_after;
	unsigned long nvcsw_before, nvcsw_after;
	struct mutex lock;
	struct completion done;
} at;

static int atomic_schedule_fn(void *data)
{
	at.nvcsw_before = current->nvcsw;
	preempt_disable();
	set_current_state(TASK_UNINTERRUPTIBLE);
	schedule();                     /* a bug: must be reported, not obeyed */
	at.state_after = READ_ONCE(current->__state);
	at.nvcsw_after = current->nvcsw;
	mutex_lock(&at.lock);           /* free, but might_sleep() objects */
	mutex_unlock(&at.lock);
	preempt_enable();
	complete(&at.done);
	wait_for_stop();
	return 0;
}

static void scheduling_while_atomic(struct kunit *test)
{
	unsigned long bugs = sched_atomic_bugs, sleeps = sched_might_sleep_bugs;
	struct task_struct *p;

	__builtin_memset(&at, 0, sizeof(at));
	at.state_after = -1;
	mutex_init(&at.lock);
	init_completion(&at.done);
	p = kthread_run(atomic_schedule_fn, NULL, "kunit-atomic");
	KUNIT_ASSERT_FALSE(test, IS_ERR(p));
	KUNIT_ASSERT_GT(test, wait_for_completion_timeout(&at.done, HZ), 0UL);
	KUNIT_EXPECT_EQ(test, sched_atomic_bugs, bugs + 1);
	KUNIT_EXPECT_EQ(test, sched_might_sleep_bugs, sleeps + 1);
	KUNIT_EXPECT_EQ(test, at.state_after, (long)TASK_RUNNING);
	KUNIT_EXPECT_EQ(test, at.nvcsw_after, at.nvcsw_before);   /* no switch */
	KUNIT_EXPECT_FALSE(test, mutex_is_locked(&at.lock));
	KUNIT_EXPECT_EQ(test, kthread_stop(p), 0);
	/* And scheduling still works afterwards. */
	KUNIT_EXPECT_EQ(test, sched_atomic_bugs, bugs + 1);
}

static struct kunit_case sched_cases[] = {
	KUNIT_CASE(tick_preempts_spinner),
	KUNIT_CASE(hardirq_wakes_thread),
	KUNIT_CASE(ipi_wakes_thread_on_other_cpu),
	KUNIT_CASE(waitqueue_exclusive),
	KUNIT_CASE(completion_banked_and_timeout),
	KUNIT_CASE(kthread_stop_result),
	KUNIT_CASE(fifo_wakeup_preempts_normal),
	KUNIT_CASE(normal_wakeup_does_not_preempt),
	KUNIT_CASE(scheduling_while_atomic),
	{}
};

static struct kunit_suite sched_suite = {
	.name = "sched",
	.init = sched_test_init,
	.exit = sched_test_exit,
	.test_cases = sched_cases,
};
kunit_test_suite(sched_suite);
