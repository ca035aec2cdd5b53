// SPDX-License-Identifier: MIT
/*
 * KUnit suite "edu_thread": threaded interrupt handlers, driven by real
 * edu interrupts (drivers/misc/edu.c in threaded mode).
 *
 * Each case switches every edu device to request_threaded_irq(edu_hardirq,
 * edu_thread_fn, IRQF_ONESHOT) and back to the mode it found. The main
 * case holds the irq/N-edu thread on a completion the test controls and
 * checks what IRQF_ONESHOT promises on the shared, level-triggered INTx
 * line: the line stays masked while the thread has not finished, so a
 * second raise is not delivered (the hardirq count does not move) until
 * the thread is released - then it arrives at once. synchronize_irq()
 * must wait for a held thread too. With "edu.msi=1" the
 * interrupt is an MSI message on an edge-type line, which no flow handler
 * masks for a thread (nothing stays asserted to hold off), and that case
 * is skipped.
 */
#include <kunit/test.h>
#include <linux/kernel.h>
#include <linux/interrupt.h>
#include <linux/irq.h>
#include <linux/irqdesc.h>
#include <linux/irqflags.h>
#include <linux/sched.h>
#include <linux/completion.h>
#include <linux/string.h>
#include <linux/list.h>
#include <linux/timer.h>
#include <linux/jiffies.h>
#include <asm/processor.h>
#include <asm/tsc.h>

#include "edu.h"

#define WAIT_MS 500
#define QUIET_MS 20     /* how long an undelivered interrupt is watched for */

/* Spin until @cond or WAIT_MS; the result of @cond. */
#define wait_until(cond) ({						\
	u64 __start = local_clock();					\
	while (!(cond) && local_clock() - __start < (u64)WAIT_MS * 1000000) \
		cpu_relax();						\
	(cond);								\
})

static void spin_ms(unsigned int ms)
{
	u64 start = local_clock();

	while (local_clock() - start < (u64)ms * 1000000)
		cpu_relax();
}

static struct irqaction *edu_action(struct edu_device *edu)
{
	struct irqaction *act;

	for (act = irq_to_desc(edu->irq)->action; act; act = act->next)
		if (act->dev_id == edu)
			return act;
	return NULL;
}

/* Tasks whose name is @comm. */
static unsigned int count_tasks(const char *comm)
{
	struct task_struct *p;
	unsigned long flags;
	unsigned int n = 0;

	spin_lock_irqsave(&tasklist_lock, flags);
	list_for_each_entry(p, &task_list, tasks)
		if (!strcmp(p->comm, comm) && !(READ_ONCE(p->flags) & PF_EXITING))
			n++;
	spin_unlock_irqrestore(&tasklist_lock, flags);
	return n;
}

static void need_edu(struct kunit *test, struct edu_device *edu)
{
	if (!edu)
		kunit_skip(test, "no edu device (boot QEMU with -device edu)");
}

/* Threaded mode: one FIFO-50 irq/N-edu thread per device; it does the work. */
static void edu_thread_test_threads(struct kunit *test)
{
	struct edu_device *e0 = edu_get(0);
	bool was = edu_threaded();
	unsigned long hard, handled;
	struct irqaction *act;
	unsigned int i;
	char comm[16];

	need_edu(test, e0);
	if (!e0)
		return;
	KUNIT_ASSERT_FALSE(test, irqs_disabled());
	snprintf(comm, sizeof(comm), "irq/%u-edu", e0->irq);
	KUNIT_ASSERT_EQ(test, edu_set_threaded(true), 0);

	for (i = 0; i < edu_count(); i++) {
		act = edu_action(edu_get(i));
		KUNIT_EXPECT_NOT_NULL(test, act);
		if (!act)
			continue;
		KUNIT_EXPECT_PTR_EQ(test, act->handler, edu_hardirq);
		KUNIT_EXPECT_PTR_EQ(test, act->thread_fn, edu_thread_fn);
		KUNIT_EXPECT_TRUE(test, act->flags & IRQF_ONESHOT);
		KUNIT_EXPECT_NOT_NULL(test, act->thread);
		if (!act->thread)
			continue;
		snprintf(comm, sizeof(comm), "irq/%u-edu", edu_get(i)->irq);
		KUNIT_EXPECT_STREQ(test, act->thread->comm, comm);
		KUNIT_EXPECT_EQ(test, act->thread->policy, SCHED_FIFO);
		KUNIT_EXPECT_EQ(test, act->thread->rt_priority, 50);
	}
	/* Devices on one INTx line: one thread each, all named irq/N-edu. */
	snprintf(comm, sizeof(comm), "irq/%u-edu", e0->irq);
	for (i = 0, handled = 0; i < edu_count(); i++)
		handled += edu_get(i)->irq == e0->irq;
	KUNIT_EXPECT_EQ(test, count_tasks(comm), handled);

	/* A raise is acknowledged by the primary, completed by the thread. */
	act = edu_action(e0);
	hard = READ_ONCE(e0->hardirqs);
	handled = READ_ONCE(e0->handled);
	edu_raise(e0, 0x40);
	KUNIT_EXPECT_TRUE(test, wait_until(READ_ONCE(e0->handled) != handled));
	KUNIT_EXPECT_EQ(test, READ_ONCE(e0->hardirqs), hard + 1);
	KUNIT_EXPECT_EQ(test, READ_ONCE(e0->last_status), 0x40u);
	KUNIT_EXPECT_PTR_EQ(test, READ_ONCE(e0->last_thread), act ? act->thread : NULL);
	KUNIT_EXPECT_EQ(test, edu_irq_status(e0), 0u);

	/* Back to hardirq handlers: free_irq() stopped the threads. */
	KUNIT_ASSERT_EQ(test, edu_set_threaded(false), 0);
	KUNIT_EXPECT_EQ(test, count_tasks(comm), 0u);
	KUNIT_EXPECT_NULL(test, edu_action(e0)->thread);
	handled = READ_ONCE(e0->handled);
	edu_raise(e0, 1);
	KUNIT_EXPECT_TRUE(test, wait_until(READ_ONCE(e0->handled) != handled));
	edu_set_threaded(was);
}

/*
 * IRQF_ONESHOT: the line stays masked until the thread ends. The thread
 * is held on a completion; a second raise meanwhile stays pending at the
 * device and is delivered as soon as the thread is released.
 */
static void edu_thread_test_oneshot_masks(struct kunit *test)
{
	struct edu_device *e0 = edu_get(0);
	bool was = edu_threaded();
	struct completion gate;
	struct irq_desc *desc;
	unsigned long hard, handled;
	unsigned int kstat;

	need_edu(test, e0);
	if (!e0)
		return;
	if (e0->msi)
		kunit_skip(test, "edu.msi=1: an MSI line is edge-type, never masked for a thread");
	KUNIT_ASSERT_FALSE(test, irqs_disabled());
	KUNIT_ASSERT_EQ(test, edu_set_threaded(true), 0);
	desc = irq_to_desc(e0->irq);
	KUNIT_EXPECT_FALSE(test, irqd_irq_masked(&desc->irq_data));

	init_completion(&gate);
	WRITE_ONCE(e0->thread_gate, &gate);
	hard = READ_ONCE(e0->hardirqs);
	handled = READ_ONCE(e0->handled);
	kstat = kstat_irqs(e0->irq);

	edu_raise(e0, 1);
	KUNIT_EXPECT_TRUE(test, wait_until(READ_ONCE(e0->thread_waiting)));
	KUNIT_EXPECT_EQ(test, READ_ONCE(e0->hardirqs), hard + 1);
	KUNIT_EXPECT_EQ(test, kstat_irqs(e0->irq), kstat + 1);
	KUNIT_EXPECT_EQ(test, READ_ONCE(e0->handled), handled);
	KUNIT_EXPECT_TRUE(test, irqd_irq_masked(&desc->irq_data));
	KUNIT_EXPECT_NE(test, READ_ONCE(desc->threads_oneshot), 0ul);
	KUNIT_EXPECT_EQ(test, READ_ONCE(desc->threads_active), 1);

	/* Raised again while the thread is held: the line is masked. */
	edu_raise(e0, 2);
	spin_ms(QUIET_MS);
	KUNIT_EXPECT_EQ(test, READ_ONCE(e0->hardirqs), hard + 1);
	KUNIT_EXPECT_EQ(test, kstat_irqs(e0->irq), kstat + 1);
	KUNIT_EXPECT_EQ(test, edu_irq_status(e0), 2u);
	KUNIT_EXPECT_TRUE(test, irqd_irq_masked(&desc->irq_data));

	/* Release: the first run ends, the line is unmasked, the second
	 * interrupt arrives and its thread run completes it (no gate now). */
	WRITE_ONCE(e0->thread_gate, NULL);
	complete(&gate);
	KUNIT_EXPECT_TRUE(test, wait_until(READ_ONCE(e0->handled) == handled + 2));
	KUNIT_EXPECT_EQ(test, READ_ONCE(e0->hardirqs), hard + 2);
	KUNIT_EXPECT_EQ(test, kstat_irqs(e0->irq), kstat + 2);
	KUNIT_EXPECT_EQ(test, READ_ONCE(e0->last_status), 2u);
	KUNIT_EXPECT_TRUE(test, wait_until(!READ_ONCE(desc->threads_active)));
	KUNIT_EXPECT_FALSE(test, irqd_irq_masked(&desc->irq_data));
	KUNIT_EXPECT_EQ(test, READ_ONCE(desc->threads_oneshot), 0ul);
	KUNIT_EXPECT_EQ(test, edu_irq_status(e0), 0u);
	edu_set_threaded(was);
}

/* synchronize_irq() waits for a woken thread, not only for the hardirq. */
static struct completion *release_gate;

static void release_fn(struct timer_list *t)
{
	(void)t;
	complete(release_gate);
}

static void edu_thread_test_synchronize(struct kunit *test)
{
	struct edu_device *e0 = edu_get(0);
	bool was = edu_threaded();
	struct completion gate;
	struct timer_list release;
	unsigned long handled, t0;

	need_edu(test, e0);
	if (!e0)
		return;
	KUNIT_ASSERT_FALSE(test, irqs_disabled());
	KUNIT_ASSERT_EQ(test, edu_set_threaded(true), 0);
	init_completion(&gate);
	WRITE_ONCE(e0->thread_gate, &gate);
	handled = READ_ONCE(e0->handled);
	edu_raise(e0, 1);
	KUNIT_EXPECT_TRUE(test, wait_until(READ_ONCE(e0->thread_waiting)));

	/* The hardirq is long done; the thread is held for 40 ms more. */
	release_gate = &gate;
	timer_setup(&release, release_fn, 0);
	t0 = jiffies;
	mod_timer(&release, jiffies + msecs_to_jiffies(40));
	synchronize_irq(e0->irq);
	KUNIT_EXPECT_GE(test, jiffies - t0, msecs_to_jiffies(40));
	KUNIT_EXPECT_EQ(test, READ_ONCE(e0->handled), handled + 1);
	KUNIT_EXPECT_EQ(test, READ_ONCE(irq_to_desc(e0->irq)->threads_active), 0);
	del_timer_sync(&release);
	WRITE_ONCE(e0->thread_gate, NULL);
	edu_set_threaded(was);
}

static struct kunit_case edu_thread_test_cases[] = {
	KUNIT_CASE(edu_thread_test_threads),
	KUNIT_CASE(edu_thread_test_oneshot_masks),
	KUNIT_CASE(edu_thread_test_synchronize),
	{}
};

static struct kunit_suite edu_thread_test_suite = {
	.name = "edu_thread",
	.test_cases = edu_thread_test_cases,
};
kunit_test_suite(edu_thread_test_suite);
