// SPDX-License-Identifier: MIT
/*
 * KUnit suite "workqueue": works run by the per-CPU kworkers.
 *
 *   - queue_work_on(cpu) runs the work on that CPU, in process context, in
 *     the task "kworker/<cpu>", and only once;
 *   - a work may sleep (msleep), and flush_work() waits until it is done;
 *   - queueing a pending work returns false and it runs once; queued again
 *     while it runs, it runs again, on the same kworker;
 *   - a delayed work runs no earlier than its delay, on the timer's CPU;
 *   - cancel_delayed_work_sync() before the expiry keeps it from running;
 *   - cancel_work_sync() on a running work waits for it to finish.
 */
#include <kunit/test.h>
#include <linux/kernel.h>
#include <linux/workqueue.h>
#include <linux/completion.h>
#include <linux/sched.h>
#include <linux/delay.h>
#include <linux/jiffies.h>
#include <linux/preempt.h>
#include <linux/hardirq.h>
#include <linux/cpumask.h>
#include <linux/smp.h>
#include <linux/string.h>

struct probe {
	struct work_struct work;
	struct delayed_work dwork;
	struct completion started, done;
	unsigned int runs;
	int cpu;
	char comm[TASK_COMM_LEN];
	bool in_task, is_current_work;
	unsigned int sleep_ms;
	unsigned long ran_at;      /* jiffies at the start of the last run */
};

static struct probe pr;

static unsigned int last_online_cpu(void)
{
	unsigned int cpu, last = 0;

	for_each_online_cpu(cpu)
		last = cpu;
	return last;
}

static void probe_run(struct probe *p, struct work_struct *work)
{
	p->ran_at = jiffies;
	p->cpu = smp_processor_id();
	memcpy(p->comm, current->comm, sizeof(p->comm));
	p->in_task = in_task() && !in_atomic();
	p->is_current_work = current_work() == work;
	complete(&p->started);
	if (p->sleep_ms)
		msleep(p->sleep_ms);
	p->runs++;
	complete(&p->done);
}

static void probe_fn(struct work_struct *work)
{
	probe_run(container_of(work, struct probe, work), work);
}

static void probe_dfn(struct work_struct *work)
{
	probe_run(container_of(to_delayed_work(work), struct probe, dwork), work);
}

static void probe_init(struct probe *p, unsigned int sleep_ms)
{
	memset(p, 0, sizeof(*p));
	INIT_WORK(&p->work, probe_fn);
	INIT_DELAYED_WORK(&p->dwork, probe_dfn);
	init_completion(&p->started);
	init_completion(&p->done);
	p->cpu = -1;
	p->sleep_ms = sleep_ms;
}

static void queue_work_on_runs_on_that_cpus_kworker(struct kunit *test)
{
	char name[TASK_COMM_LEN];
	unsigned long before;
	bool queued;
	unsigned int cpu;

	for_each_online_cpu(cpu) {
		probe_init(&pr, 0);
		before = kworker_works_run(cpu);
		KUNIT_ASSERT_NOT_NULL(test, kworker_task(cpu));
		KUNIT_ASSERT_TRUE(test, queue_work_on(cpu, system_wq, &pr.work));
		KUNIT_ASSERT_NE(test, wait_for_completion_timeout(&pr.done, HZ), 0);
		flush_work(&pr.work);
		snprintf(name, sizeof(name), "kworker/%u", cpu);
		KUNIT_EXPECT_EQ(test, pr.runs, 1);
		KUNIT_EXPECT_EQ(test, pr.cpu, (int)cpu);
		KUNIT_EXPECT_STREQ(test, pr.comm, name);
		KUNIT_EXPECT_TRUE(test, pr.in_task);
		KUNIT_EXPECT_TRUE(test, pr.is_current_work);
		KUNIT_EXPECT_FALSE(test, work_pending(&pr.work));
		KUNIT_EXPECT_EQ(test, kworker_works_run(cpu), before + 1);
	}
	/* schedule_work(): this CPU (we may wake up on another one later:
	 * a waking task goes to the least loaded CPU). */
	probe_init(&pr, 0);
	preempt_disable();
	cpu = smp_processor_id();
	queued = schedule_work(&pr.work);
	preempt_enable();
	KUNIT_ASSERT_TRUE(test, queued);
	KUNIT_ASSERT_NE(test, wait_for_completion_timeout(&pr.done, HZ), 0);
	KUNIT_EXPECT_EQ(test, pr.cpu, (int)cpu);
	flush_work(&pr.work);
	KUNIT_EXPECT_EQ(test, pr.runs, 1);
}

static void flush_work_waits_for_a_sleeping_work(struct kunit *test)
{
	unsigned int cpu;
	unsigned long t0;

	for_each_online_cpu(cpu) {
		probe_init(&pr, 40);                 /* 10 ticks at HZ=250 */
		t0 = jiffies;
		KUNIT_ASSERT_TRUE(test, queue_work_on(cpu, system_wq, &pr.work));
		KUNIT_EXPECT_EQ(test, pr.runs, 0);
		KUNIT_EXPECT_TRUE(test, flush_work(&pr.work));
		KUNIT_EXPECT_EQ(test, pr.runs, 1);   /* flush returned after it */
		KUNIT_EXPECT_GE(test, jiffies - t0, 40UL * HZ / 1000);
		KUNIT_EXPECT_STREQ(test, pr.comm, kworker_task(cpu)->comm);
		KUNIT_EXPECT_FALSE(test, flush_work(&pr.work));   /* idle now */
	}
}

static void pending_work_queues_once(struct kunit *test)
{
	unsigned int cpu = smp_processor_id();

	probe_init(&pr, 0);
	/* Preemption off: this CPU's kworker cannot start it in between. */
	preempt_disable();
	KUNIT_EXPECT_TRUE(test, queue_work_on(cpu, system_wq, &pr.work));
	KUNIT_EXPECT_TRUE(test, work_pending(&pr.work));
	KUNIT_EXPECT_FALSE(test, queue_work_on(cpu, system_wq, &pr.work));
	KUNIT_EXPECT_FALSE(test, schedule_work(&pr.work));
	preempt_enable();
	KUNIT_EXPECT_TRUE(test, flush_work(&pr.work));
	msleep(20);
	KUNIT_EXPECT_EQ(test, pr.runs, 1);
}

static void requeued_while_running_runs_again(struct kunit *test)
{
	unsigned int cpu, other;

	cpu = cpumask_first(cpu_online_mask);
	other = last_online_cpu();
	probe_init(&pr, 100);   /* long enough to requeue it in its sleep */
	KUNIT_ASSERT_TRUE(test, queue_work_on(cpu, system_wq, &pr.work));
	KUNIT_ASSERT_NE(test, wait_for_completion_timeout(&pr.started, HZ), 0);
	KUNIT_EXPECT_FALSE(test, work_pending(&pr.work));          /* running */
	/* Asked for another CPU while it runs: it queues behind itself. */
	KUNIT_EXPECT_TRUE(test, queue_work_on(other, system_wq, &pr.work));
	KUNIT_EXPECT_TRUE(test, flush_work(&pr.work));
	KUNIT_EXPECT_EQ(test, pr.runs, 2);
	KUNIT_EXPECT_EQ(test, pr.cpu, (int)cpu);
}

static void delayed_work_runs_after_its_delay(struct kunit *test)
{
	const unsigned long delay = 10;
	unsigned long queued_at;
	unsigned int cpu;
	bool queued;

	probe_init(&pr, 0);
	preempt_disable();
	cpu = smp_processor_id();
	queued_at = jiffies;
	queued = schedule_delayed_work(&pr.dwork, delay);
	preempt_enable();
	KUNIT_ASSERT_TRUE(test, queued);
	KUNIT_EXPECT_TRUE(test, delayed_work_pending(&pr.dwork));
	KUNIT_EXPECT_FALSE(test, schedule_delayed_work(&pr.dwork, 1));   /* pending */
	KUNIT_ASSERT_NE(test, wait_for_completion_timeout(&pr.done, HZ), 0);
	KUNIT_EXPECT_GE(test, pr.ran_at - queued_at, delay);
	KUNIT_EXPECT_LE(test, pr.ran_at - queued_at, delay + HZ / 10);
	KUNIT_EXPECT_EQ(test, pr.cpu, (int)cpu);
	KUNIT_EXPECT_EQ(test, pr.runs, 1);
	KUNIT_EXPECT_FALSE(test, cancel_delayed_work_sync(&pr.dwork));  /* nothing left */
}

static void cancel_delayed_work_sync_before_expiry(struct kunit *test)
{
	unsigned int cpu;

	for_each_online_cpu(cpu) {
		probe_init(&pr, 0);
		/* 30 ticks: a host that stalls the guest cannot make it expire
		 * before the cancel, as it might with a delay of a few ticks. */
		KUNIT_ASSERT_TRUE(test, schedule_delayed_work_on(cpu, &pr.dwork, 30));
		KUNIT_EXPECT_TRUE(test, cancel_delayed_work_sync(&pr.dwork));
		KUNIT_EXPECT_FALSE(test, delayed_work_pending(&pr.dwork));
		msleep(160);                         /* 40 ticks: past 30 */
		KUNIT_EXPECT_EQ(test, pr.runs, 0);
		KUNIT_EXPECT_FALSE(test, completion_done(&pr.started));
		/* And it can be used again afterwards. */
		KUNIT_EXPECT_TRUE(test, schedule_delayed_work_on(cpu, &pr.dwork, 1));
		KUNIT_EXPECT_NE(test, wait_for_completion_timeout(&pr.done, HZ), 0);
		KUNIT_EXPECT_EQ(test, pr.runs, 1);
	}
}

static void cancel_work_sync_waits_for_running_work(struct kunit *test)
{
	static struct probe queued;
	unsigned int cpu = last_online_cpu();

	probe_init(&pr, 100);
	KUNIT_ASSERT_TRUE(test, queue_work_on(cpu, system_wq, &pr.work));
	KUNIT_ASSERT_NE(test, wait_for_completion_timeout(&pr.started, HZ), 0);
	KUNIT_EXPECT_EQ(test, pr.runs, 0);                     /* asleep in it */
	KUNIT_EXPECT_FALSE(test, cancel_work_sync(&pr.work));  /* not pending */
	KUNIT_EXPECT_EQ(test, pr.runs, 1);                     /* but waited */

	/* A queued one that has not started (it waits behind a sleeping
	 * work on the same kworker) is taken off the list. */
	probe_init(&pr, 100);
	probe_init(&queued, 0);
	KUNIT_ASSERT_TRUE(test, queue_work_on(cpu, system_wq, &pr.work));
	KUNIT_ASSERT_NE(test, wait_for_completion_timeout(&pr.started, HZ), 0);
	KUNIT_ASSERT_TRUE(test, queue_work_on(cpu, system_wq, &queued.work));
	KUNIT_EXPECT_TRUE(test, work_pending(&queued.work));
	KUNIT_EXPECT_TRUE(test, cancel_work_sync(&queued.work));
	KUNIT_EXPECT_FALSE(test, work_pending(&queued.work));
	KUNIT_EXPECT_TRUE(test, flush_work(&pr.work));
	msleep(20);
	KUNIT_EXPECT_EQ(test, pr.runs, 1);
	KUNIT_EXPECT_EQ(test, queued.runs, 0);
}

static void flush_delayed_work_runs_it_now(struct kunit *test)
{
	unsigned long t0;

	probe_init(&pr, 0);
	t0 = jiffies;
	KUNIT_ASSERT_TRUE(test, schedule_delayed_work(&pr.dwork, 2 * HZ));
	KUNIT_EXPECT_TRUE(test, flush_delayed_work(&pr.dwork));
	KUNIT_EXPECT_EQ(test, pr.runs, 1);
	KUNIT_EXPECT_LT(test, jiffies - t0, (unsigned long)HZ);   /* not after 2 s */
	KUNIT_EXPECT_FALSE(test, delayed_work_pending(&pr.dwork));
	KUNIT_EXPECT_FALSE(test, timer_pending(&pr.dwork.timer));
}

static void alloc_workqueue_and_flush_workqueue(struct kunit *test)
{
	static struct probe more[3];
	struct workqueue_struct *wq;
	unsigned int i;
	int cpu = -1;

	wq = alloc_workqueue("kunit_wq/%d", 0, 0, 7);
	KUNIT_ASSERT_NOT_NULL(test, wq);
	for (i = 0; i < ARRAY_SIZE(more); i++) {
		probe_init(&more[i], 20);
		cpu = cpumask_next(cpu, cpu_online_mask);   /* spread over the CPUs */
		if ((unsigned int)cpu >= nr_cpu_ids)
			cpu = cpumask_first(cpu_online_mask);
		KUNIT_EXPECT_TRUE(test, queue_work_on(cpu, wq, &more[i].work));
	}
	flush_workqueue(wq);
	for (i = 0; i < ARRAY_SIZE(more); i++)
		KUNIT_EXPECT_EQ(test, more[i].runs, 1);   /* all done, sleeps and all */
	probe_init(&more[0], 20);
	KUNIT_EXPECT_TRUE(test, queue_work(wq, &more[0].work));
	destroy_workqueue(wq);                        /* flushes first */
	KUNIT_EXPECT_EQ(test, more[0].runs, 1);
}

static struct kunit_case workqueue_cases[] = {
	KUNIT_CASE(queue_work_on_runs_on_that_cpus_kworker),
	KUNIT_CASE(flush_work_waits_for_a_sleeping_work),
	KUNIT_CASE(pending_work_queues_once),
	KUNIT_CASE(requeued_while_running_runs_again),
	KUNIT_CASE(delayed_work_runs_after_its_delay),
	KUNIT_CASE(cancel_delayed_work_sync_before_expiry),
	KUNIT_CASE(cancel_work_sync_waits_for_running_work),
	KUNIT_CASE(flush_delayed_work_runs_it_now),
	KUNIT_CASE(alloc_workqueue_and_flush_workqueue),
	{}
};

static struct kunit_suite workqueue_suite = {
	.name = "workqueue",
	.test_cases = workqueue_cases,
};
kunit_test_suite(workqueue_suite);
