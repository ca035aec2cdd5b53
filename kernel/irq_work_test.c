// SPDX-License-Identifier: MIT
/*
 * KUnit suite "irq_work": irq_works raised for real, through the Local
 * APIC, and run by the IRQ_WORK_VECTOR handler:
 *
 *   - queued from task context, a work runs once, in hard interrupt
 *     context, on the CPU it was queued for, and that CPU's IWI count
 *     (the /proc/interrupts row) goes up;
 *   - queueing a pending work again returns false and it still runs once;
 *     with interrupts off it waits for them to come back on;
 *   - a work queued by its own function runs again;
 *   - from an NMI (a real NMI IPI, claimed by a test handler on the NMI
 *     chain) a work is queued and runs after the NMI has returned, in
 *     hardirq and not NMI context, while the handler itself saw in_nmi();
 *   - 300 NMIs fired at a CPU whose task is queueing and waiting for its
 *     own irq_work in a loop: each queueing, from the NMIs and from the
 *     task, runs exactly once - none lost, none doubled.
 *
 * Without a Local APIC (nolapic) there is no IPI to test; the cases skip.
 */
#include <kunit/test.h>
#include <linux/kernel.h>
#include <linux/irq_work.h>
#include <linux/hardirq.h>
#include <linux/irqflags.h>
#include <linux/cpumask.h>
#include <linux/smp.h>
#include <linux/sched.h>
#include <linux/kthread.h>
#include <linux/errno.h>
#include <asm/apic.h>
#include <asm/irq.h>
#include <asm/nmi.h>
#include <asm/processor.h>
#include <asm/tsc.h>

#define NSEC_PER_MSEC 1000000ULL

static struct {
	unsigned int runs;
	int cpu;
	bool hardirq, nmi, irqs_off;
	unsigned long nmis_done;   /* nmi_done_count() of its CPU when it ran */
	unsigned int requeue;      /* queue itself again this many times */
	unsigned int requeue_refused;
} seen;

static void record_fn(struct irq_work *work)
{
	seen.runs++;
	seen.cpu = smp_processor_id();
	seen.hardirq = in_hardirq();
	seen.nmi = in_nmi();
	seen.irqs_off = irqs_disabled();
	seen.nmis_done = nmi_done_count(seen.cpu);
	if (seen.requeue) {
		seen.requeue--;
		if (!irq_work_queue(work))   /* PENDING is clear while it runs */
			seen.requeue_refused++;
	}
}

static void reset_seen(void)
{
	__builtin_memset(&seen, 0, sizeof(seen));
	seen.cpu = -1;
}

static unsigned int iwi(unsigned int cpu)
{
	return READ_ONCE(per_cpu(irq_stat, cpu).apic_irq_work_irqs);
}

/* Wait up to @ms for @work to be idle. */
static bool wait_idle(struct irq_work *work, unsigned int ms)
{
	u64 t0 = local_clock();

	while (irq_work_is_busy(work) && local_clock() - t0 < ms * NSEC_PER_MSEC)
		cpu_relax();
	return !irq_work_is_busy(work);
}

static void queue_from_task_runs_in_hardirq(struct kunit *test)
{
	static struct irq_work work;
	unsigned int cpu, this_cpu, before;

	if (!arch_irq_work_has_interrupt())
		kunit_skip(test, "no IRQ_WORK_VECTOR IPI without a local APIC");
	init_irq_work(&work, record_fn);

	/* This CPU: the self-IPI arrives as soon as irq_work_queue() returns. */
	this_cpu = smp_processor_id();
	reset_seen();
	before = iwi(this_cpu);
	KUNIT_ASSERT_TRUE(test, irq_work_queue(&work));
	KUNIT_ASSERT_TRUE(test, wait_idle(&work, 1000));
	KUNIT_EXPECT_EQ(test, seen.runs, 1);
	KUNIT_EXPECT_EQ(test, seen.cpu, (int)this_cpu);
	KUNIT_EXPECT_TRUE(test, seen.hardirq);
	KUNIT_EXPECT_FALSE(test, seen.nmi);
	KUNIT_EXPECT_TRUE(test, seen.irqs_off);
	KUNIT_EXPECT_GE(test, iwi(this_cpu), before + 1);

	/* Every CPU, through irq_work_queue_on(). */
	for_each_online_cpu(cpu) {
		reset_seen();
		before = iwi(cpu);
		KUNIT_ASSERT_TRUE(test, irq_work_queue_on(&work, cpu));
		KUNIT_ASSERT_TRUE(test, wait_idle(&work, 1000));
		KUNIT_EXPECT_EQ(test, seen.runs, 1);
		KUNIT_EXPECT_EQ(test, seen.cpu, (int)cpu);
		KUNIT_EXPECT_TRUE(test, seen.hardirq);
		KUNIT_EXPECT_GE(test, iwi(cpu), before + 1);
	}
}

static void pending_work_is_not_queued_twice(struct kunit *test)
{
	static struct irq_work work;
	unsigned int cpu = smp_processor_id(), before;
	unsigned long flags;
	u64 t0;

	if (!arch_irq_work_has_interrupt())
		kunit_skip(test, "no IRQ_WORK_VECTOR IPI without a local APIC");
	init_irq_work(&work, record_fn);
	reset_seen();
	before = iwi(cpu);

	local_irq_save(flags);
	KUNIT_EXPECT_TRUE(test, irq_work_queue(&work));
	KUNIT_EXPECT_FALSE(test, irq_work_queue(&work));       /* still pending */
	KUNIT_EXPECT_FALSE(test, irq_work_queue_on(&work, cpu));
	KUNIT_EXPECT_TRUE(test, irq_work_is_pending(&work));
	t0 = local_clock();
	while (local_clock() - t0 < 5 * NSEC_PER_MSEC)          /* interrupts off: */
		cpu_relax();
	KUNIT_EXPECT_EQ(test, seen.runs, 0);                    /* it waits */
	KUNIT_EXPECT_EQ(test, iwi(cpu), before);
	local_irq_restore(flags);

	KUNIT_ASSERT_TRUE(test, wait_idle(&work, 1000));
	KUNIT_EXPECT_EQ(test, seen.runs, 1);
	KUNIT_EXPECT_EQ(test, iwi(cpu), before + 1);            /* one IPI for both */
	KUNIT_EXPECT_FALSE(test, irq_work_is_pending(&work));
}

static void work_requeues_itself(struct kunit *test)
{
	static struct irq_work work;
	unsigned int cpu = smp_processor_id(), before;

	if (!arch_irq_work_has_interrupt())
		kunit_skip(test, "no IRQ_WORK_VECTOR IPI without a local APIC");
	init_irq_work(&work, record_fn);
	reset_seen();
	seen.requeue = 2;
	before = iwi(cpu);
	KUNIT_ASSERT_TRUE(test, irq_work_queue(&work));
	KUNIT_ASSERT_TRUE(test, wait_idle(&work, 1000));
	irq_work_sync(&work);
	KUNIT_EXPECT_EQ(test, seen.runs, 3);
	KUNIT_EXPECT_EQ(test, seen.requeue, 0);
	KUNIT_EXPECT_EQ(test, seen.requeue_refused, 0);
	KUNIT_EXPECT_EQ(test, iwi(cpu), before + 3);
}

/* ---- from an NMI ---- */

static struct irq_work nmi_work;
static int nmi_target = -1;            /* the CPU whose next NMI is ours */
static volatile bool nmi_handler_ran;
static bool nmi_handler_in_nmi, nmi_queue_ret;
static unsigned long nmis_done_in_handler;

static int irq_work_test_nmi(unsigned int type, struct pt_regs *regs)
{
	int cpu = smp_processor_id();

	if (__atomic_load_n(&nmi_target, __ATOMIC_ACQUIRE) != cpu)
		return NMI_DONE;
	WRITE_ONCE(nmi_target, -1);
	nmi_handler_in_nmi = in_nmi();
	nmis_done_in_handler = nmi_done_count(cpu);
	nmi_queue_ret = irq_work_queue(&nmi_work);
	__atomic_store_n(&nmi_handler_ran, true, __ATOMIC_RELEASE);
	return NMI_HANDLED;
}

/* NMI @cpu with @irqs_off on this CPU around it; check the work ran. */
static void nmi_raises_on(struct kunit *test, unsigned int cpu, bool irqs_off)
{
	unsigned int before = iwi(cpu);
	unsigned long flags = 0;
	u64 t0;

	init_irq_work(&nmi_work, record_fn);
	reset_seen();
	nmi_handler_ran = false;
	nmi_handler_in_nmi = nmi_queue_ret = false;
	__atomic_store_n(&nmi_target, (int)cpu, __ATOMIC_RELEASE);
	if (irqs_off)
		local_irq_save(flags);
	apic_send_nmi(cpu);
	t0 = local_clock();
	while (!__atomic_load_n(&nmi_handler_ran, __ATOMIC_ACQUIRE) &&
	       local_clock() - t0 < 1000 * NSEC_PER_MSEC)
		cpu_relax();
	if (irqs_off) {
		/* The NMI came through cli; the work's interrupt cannot. */
		KUNIT_EXPECT_TRUE(test, nmi_handler_ran);
		KUNIT_EXPECT_EQ(test, seen.runs, 0);
		KUNIT_EXPECT_TRUE(test, irq_work_is_pending(&nmi_work));
		local_irq_restore(flags);
	}
	KUNIT_ASSERT_TRUE(test, nmi_handler_ran);
	KUNIT_ASSERT_TRUE(test, wait_idle(&nmi_work, 1000));
	KUNIT_EXPECT_TRUE(test, nmi_handler_in_nmi);
	KUNIT_EXPECT_TRUE(test, nmi_queue_ret);
	KUNIT_EXPECT_EQ(test, seen.runs, 1);
	KUNIT_EXPECT_EQ(test, seen.cpu, (int)cpu);
	KUNIT_EXPECT_TRUE(test, seen.hardirq);
	KUNIT_EXPECT_FALSE(test, seen.nmi);
	/* Ran after that NMI had finished: its CPU counted it as done. */
	KUNIT_EXPECT_GT(test, seen.nmis_done, nmis_done_in_handler);
	KUNIT_EXPECT_GE(test, iwi(cpu), before + 1);
}

static void irq_work_from_nmi_runs(struct kunit *test)
{
	unsigned int cpu, this_cpu = smp_processor_id();

	if (!arch_irq_work_has_interrupt())
		kunit_skip(test, "no IRQ_WORK_VECTOR IPI without a local APIC");
	KUNIT_ASSERT_EQ(test, register_nmi_handler(NMI_LOCAL, irq_work_test_nmi, 0,
						   "irq_work_test"), 0);

	nmi_raises_on(test, this_cpu, false);   /* NMI to self, interrupts on */
	nmi_raises_on(test, this_cpu, true);    /* ... and with them off */
	for_each_online_cpu(cpu)                /* other CPUs, idle or not */
		if (cpu != this_cpu)
			nmi_raises_on(test, cpu, false);

	WRITE_ONCE(nmi_target, -1);
	unregister_nmi_handler(NMI_LOCAL, "irq_work_test");
}

/* ---- NMIs landing in the middle of queueing and running ---- */

static struct irq_work stress_task_work, stress_nmi_work;
static unsigned long stress_task_runs, stress_nmi_runs;
static unsigned long stress_task_queued, stress_nmi_queued, stress_nmis;
static int stress_cpu = -1;
static volatile bool stress_stop;

static void stress_task_fn(struct irq_work *w) { stress_task_runs++; }
static void stress_nmi_fn(struct irq_work *w) { stress_nmi_runs++; }

static int stress_nmi_handler(unsigned int type, struct pt_regs *regs)
{
	if (__atomic_load_n(&stress_cpu, __ATOMIC_ACQUIRE) != (int)smp_processor_id())
		return NMI_DONE;
	stress_nmis++;
	if (irq_work_queue(&stress_nmi_work))
		stress_nmi_queued++;
	return NMI_HANDLED;
}

/* On the target CPU: queue and wait, over and over, until told to stop. */
static int stress_thread(void *unused)
{
	while (!READ_ONCE(stress_stop)) {
		if (irq_work_queue(&stress_task_work))
			stress_task_queued++;
		while (irq_work_is_busy(&stress_task_work) && !READ_ONCE(stress_stop))
			cpu_relax();
	}
	while (!kthread_should_stop())
		schedule_timeout_uninterruptible(1);
	return 0;
}

static void nmis_during_queueing_lose_nothing(struct kunit *test)
{
	struct task_struct *t;
	unsigned int other, i;
	u64 t0;

	if (!arch_irq_work_has_interrupt())
		kunit_skip(test, "no IRQ_WORK_VECTOR IPI without a local APIC");
	if (num_online_cpus() < 2)
		kunit_skip(test, "needs a second CPU to NMI");
	other = smp_processor_id() == 0 ? 1 : 0;
	init_irq_work(&stress_task_work, stress_task_fn);
	init_irq_work(&stress_nmi_work, stress_nmi_fn);
	stress_task_runs = stress_nmi_runs = stress_task_queued = 0;
	stress_nmi_queued = stress_nmis = 0;
	stress_stop = false;
	KUNIT_ASSERT_EQ(test, register_nmi_handler(NMI_LOCAL, stress_nmi_handler, 0,
						   "irq_work_stress"), 0);
	__atomic_store_n(&stress_cpu, (int)other, __ATOMIC_RELEASE);
	t = kthread_create_on_cpu(stress_thread, NULL, other, "iwstress/%u");
	KUNIT_ASSERT_FALSE(test, IS_ERR(t));
	wake_up_process(t);
	/* The thread has to be queueing before the NMIs start. */
	t0 = local_clock();
	while (!READ_ONCE(stress_task_queued) && local_clock() - t0 < 2000 * NSEC_PER_MSEC)
		cpu_relax();
	KUNIT_EXPECT_GT(test, READ_ONCE(stress_task_queued), 0UL);

	/* 300 NMIs, each waiting for the previous one to be handled. */
	for (i = 0; i < 300; i++) {
		unsigned long n = stress_nmis;

		apic_send_nmi(other);
		t0 = local_clock();
		while (READ_ONCE(stress_nmis) == n && local_clock() - t0 < 100 * NSEC_PER_MSEC)
			cpu_relax();
	}
	WRITE_ONCE(stress_stop, true);
	kthread_stop(t);
	KUNIT_EXPECT_TRUE(test, wait_idle(&stress_task_work, 1000));
	KUNIT_EXPECT_TRUE(test, wait_idle(&stress_nmi_work, 1000));
	WRITE_ONCE(stress_cpu, -1);
	unregister_nmi_handler(NMI_LOCAL, "irq_work_stress");

	kunit_info(test, "%lu NMIs, %lu works queued from them, %lu from the task",
		   stress_nmis, stress_nmi_queued, stress_task_queued);
	KUNIT_EXPECT_EQ(test, stress_nmis, 300UL);
	KUNIT_EXPECT_GT(test, stress_task_queued, 0UL);
	KUNIT_EXPECT_GT(test, stress_nmi_queued, 0UL);
	/* Every queueing, from either side, ran exactly once. */
	KUNIT_EXPECT_EQ(test, stress_task_runs, stress_task_queued);
	KUNIT_EXPECT_EQ(test, stress_nmi_runs, stress_nmi_queued);
}

static struct kunit_case irq_work_cases[] = {
	KUNIT_CASE(queue_from_task_runs_in_hardirq),
	KUNIT_CASE(pending_work_is_not_queued_twice),
	KUNIT_CASE(work_requeues_itself),
	KUNIT_CASE(irq_work_from_nmi_runs),
	KUNIT_CASE(nmis_during_queueing_lose_nothing),
	{}
};

static struct kunit_suite irq_work_suite = {
	.name = "irq_work",
	.test_cases = irq_work_cases,
};
kunit_test_suite(irq_work_suite);
