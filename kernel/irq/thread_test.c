// SPDX-License-Identifier: MIT
/*
 * KUnit suite "irq_thread_affinity": an irq/N-name thread runs on the CPU
 * its interrupt is delivered to (kernel/irq/thread.c, IRQTF_AFFINITY).
 *
 * The interrupts are real: edu devices (QEMU's PCI test device) switched
 * to threaded mode, whose primary handler and thread function record the
 * CPU they ran on. The line is moved with irq_set_affinity() - to CPU 2,
 * then CPU 3, then to a two-CPU mask of which the controller targets one -
 * and after each raise the thread function must have run on the CPU of
 * the hard interrupt, and the thread must be allowed exactly the line's
 * effective affinity. Those cases need -smp 4; at -smp 1 the one that
 * remains checks that a new thread is confined to CPU 0 and still works.
 * Every case restores the affinity and the edu mode it found.
 */
#include <kunit/test.h>
#include <linux/kernel.h>
#include <linux/interrupt.h>
#include <linux/irq.h>
#include <linux/irqdesc.h>
#include <linux/irqflags.h>
#include <linux/cpumask.h>
#include <linux/sched.h>
#include <linux/smp.h>
#include <asm/processor.h>
#include <asm/tsc.h>

#include "../../drivers/misc/edu.h"

#define WAIT_MS 500

/* Sets @edu to edu0 if its line can be steered, else skips the case. */
#define NEED_STEERABLE_EDU(test, edu) do {				\
	(edu) = edu_get(0);						\
	if (!(edu))							\
		kunit_skip(test, "no edu device (boot QEMU with -device edu)"); \
	if (!irq_can_set_affinity((edu)->irq))				\
		kunit_skip(test, "IRQ %u cannot be steered (noapic?)", (edu)->irq); \
	KUNIT_ASSERT_FALSE(test, irqs_disabled());			\
} while (0)

static struct task_struct *thread_of(struct edu_device *edu)
{
	struct irqaction *act;

	for (act = irq_to_desc(edu->irq)->action; act; act = act->next)
		if (act->dev_id == edu)
			return act->thread;
	return NULL;
}

/*
 * Move the line to @mask, raise it twice; both halves must run on the one
 * CPU the controller chose, and the thread must be confined to it.
 */
static void expect_follows(struct kunit *test, struct edu_device *edu, unsigned long mask)
{
	struct irq_desc *desc = irq_to_desc(edu->irq);
	cpumask_t m = { { mask } };
	struct task_struct *t;
	unsigned long eff;
	unsigned int i;
	int cpu;

	KUNIT_ASSERT_EQ(test, irq_set_affinity(edu->irq, &m), 0);
	eff = READ_ONCE(desc->effective_affinity);
	KUNIT_ASSERT_EQ(test, hweight_long(eff), 1);
	KUNIT_EXPECT_TRUE(test, eff & mask);
	cpu = __builtin_ctzl(eff);
	t = thread_of(edu);
	KUNIT_ASSERT_NOT_NULL(test, t);
	for (i = 0; i < 2; i++) {
		KUNIT_ASSERT_TRUE(test, edu_raise_wait(edu, WAIT_MS));
		KUNIT_EXPECT_EQ(test, READ_ONCE(edu->last_hardirq_cpu), cpu);
		KUNIT_EXPECT_EQ(test, READ_ONCE(edu->last_thread_cpu), cpu);
	}
	KUNIT_EXPECT_EQ(test, task_cpu(t), cpu);
	KUNIT_EXPECT_EQ(test, __cpumask_word(&t->cpus_mask), eff);
	KUNIT_EXPECT_EQ(test, t->nr_cpus_allowed, 1);
}

/* CPU 2, then CPU 3: the thread goes where the interrupt goes. */
static void thread_affinity_test_follows(struct kunit *test)
{
	struct edu_device *edu;
	bool was = edu_threaded();
	unsigned long saved;

	if (!cpu_online(2) || !cpu_online(3))
		kunit_skip(test, "needs CPUs 2 and 3 online (-smp 4)");
	NEED_STEERABLE_EDU(test, edu);
	KUNIT_ASSERT_EQ(test, edu_set_threaded(true), 0);
	saved = READ_ONCE(irq_to_desc(edu->irq)->affinity);
	expect_follows(test, edu, 1UL << 2);
	expect_follows(test, edu, 1UL << 3);
	/* Two CPUs asked for, one targeted: the thread takes the target. */
	expect_follows(test, edu, (1UL << 2) | (1UL << 3));
	irq_set_affinity(edu->irq, &(cpumask_t){ { saved } });
	edu_set_threaded(was);
}

/* A thread made while the line is on CPU 2 starts out there. */
static void thread_affinity_test_new_thread(struct kunit *test)
{
	struct edu_device *edu;
	bool was = edu_threaded();
	unsigned long saved;

	if (!cpu_online(2))
		kunit_skip(test, "needs CPU 2 online (-smp 4)");
	NEED_STEERABLE_EDU(test, edu);
	saved = READ_ONCE(irq_to_desc(edu->irq)->affinity);
	KUNIT_ASSERT_EQ(test, edu_set_threaded(false), 0);
	KUNIT_ASSERT_EQ(test, irq_set_affinity(edu->irq, cpumask_of(2)), 0);
	KUNIT_ASSERT_EQ(test, edu_set_threaded(true), 0);
	KUNIT_ASSERT_NOT_NULL(test, thread_of(edu));
	KUNIT_ASSERT_TRUE(test, edu_raise_wait(edu, WAIT_MS));
	KUNIT_EXPECT_EQ(test, READ_ONCE(edu->last_thread_cpu), 2);
	KUNIT_EXPECT_EQ(test, __cpumask_word(&thread_of(edu)->cpus_mask), 1UL << 2);
	irq_set_affinity(edu->irq, &(cpumask_t){ { saved } });
	edu_set_threaded(was);
}

/* Any CPU count (-smp 1 too): on CPU 0, confined to it, and working. */
static void thread_affinity_test_cpu0(struct kunit *test)
{
	struct edu_device *edu;
	bool was = edu_threaded();
	unsigned long saved;

	NEED_STEERABLE_EDU(test, edu);
	KUNIT_ASSERT_EQ(test, edu_set_threaded(true), 0);
	saved = READ_ONCE(irq_to_desc(edu->irq)->affinity);
	expect_follows(test, edu, 1UL << 0);
	irq_set_affinity(edu->irq, &(cpumask_t){ { saved } });
	edu_set_threaded(was);
}

static struct kunit_case thread_affinity_test_cases[] = {
	KUNIT_CASE(thread_affinity_test_follows),
	KUNIT_CASE(thread_affinity_test_new_thread),
	KUNIT_CASE(thread_affinity_test_cpu0),
	{}
};

static struct kunit_suite thread_affinity_test_suite = {
	.name = "irq_thread_affinity",
	.test_cases = thread_affinity_test_cases,
};
kunit_test_suite(thread_affinity_test_suite);
