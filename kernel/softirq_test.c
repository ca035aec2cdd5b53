// SPDX-License-Identifier: MIT
/*
 * KUnit suite "softirq": bottom halves in the running kernel, driven by
 * real interrupts - a self-IPI on a test vector, the call-function IPI
 * and the tick:
 *
 *   - a softirq raised by an interrupt handler runs after the handler, at
 *     irq_exit(), in softirq context with interrupts on;
 *   - local_bh_disable() holds softirqs off across ticks, and
 *     local_bh_enable() runs them;
 *   - a tasklet scheduled in an interrupt runs on that CPU;
 *   - a timer_list fires within [expires, expires + 2] jiffies, on the CPU
 *     that armed it, and mod_timer()/del_timer() report pending state;
 *   - a timer on every online CPU makes each CPU's TIMER count grow;
 *   - del_timer_sync() waits for a timer function running on another CPU.
 *
 * The tests borrow IRQ_POLL_SOFTIRQ, which nothing in irqos uses, and
 * detach their action again.
 */
#include <kunit/test.h>
#include <linux/kernel.h>
#include <linux/errno.h>
#include <linux/interrupt.h>
#include <linux/irq.h>
#include <linux/irqdesc.h>
#include <linux/hardirq.h>
#include <linux/jiffies.h>
#include <linux/timer.h>
#include <linux/cpumask.h>
#include <linux/smp.h>
#include <asm/apic.h>
#include <asm/hw_irq.h>
#include <asm/irq.h>
#include <asm/irqflags.h>
#include <asm/processor.h>
#include <asm/tsc.h>

#define TEST_IRQ      242
#define TEST_SOFTIRQ  IRQ_POLL_SOFTIRQ
#define NSEC_PER_MSEC 1000000ULL

/* What the handler and the softirq action saw, in order. */
static struct {
	unsigned int seq;          /* events so far */
	unsigned int hardirq_at;   /* seq when the handler ran */
	unsigned int softirq_at;   /* seq when the action ran */
	unsigned int softirq_runs;
	bool serving, in_hardirq, irqs_off;
	int cpu;
} seen;

static void test_action(void)
{
	seen.softirq_at = ++seen.seq;
	seen.softirq_runs++;
	seen.serving = in_serving_softirq();
	seen.in_hardirq = in_irq();
	seen.irqs_off = irqs_disabled();
	seen.cpu = smp_processor_id();
}

static irqreturn_t raising_handler(int irq, void *dev_id)
{
	seen.hardirq_at = ++seen.seq;
	raise_softirq(TEST_SOFTIRQ);
	return IRQ_HANDLED;
}

static void test_chip_noop(struct irq_data *d) { }

static void test_chip_eoi(struct irq_data *d)
{
	irq_complete_move(d->irq, smp_processor_id(), this_cpu_read(irq_stat.last_vector));
	apic_eoi();
}

static struct irq_chip softirq_test_chip = {
	.name       = "softirq-test",
	.irq_mask   = test_chip_noop,
	.irq_unmask = test_chip_noop,
	.irq_eoi    = test_chip_eoi,
};

/* Wait up to @ms for *@flag, halting between interrupts. */
static bool wait_for(volatile bool *flag, unsigned int ms)
{
	u64 t0 = local_clock();

	while (!*flag && local_clock() - t0 < ms * NSEC_PER_MSEC)
		native_safe_halt();
	return *flag;
}

static void softirq_from_hardirq(struct kunit *test)
{
	unsigned int before, cpu = smp_processor_id();
	int v;

	if (!apic_available)
		kunit_skip(test, "no local APIC in use (nolapic)");
	irq_set_chip_and_handler_name(TEST_IRQ, &softirq_test_chip, handle_fasteoi_irq, "fasteoi");
	v = irq_alloc_vector(TEST_IRQ, cpu);
	KUNIT_ASSERT_GT(test, v, 0);
	KUNIT_ASSERT_EQ(test, request_irq(TEST_IRQ, raising_handler, 0, "kunit-softirq", &seen), 0);
	open_softirq(TEST_SOFTIRQ, test_action);
	__builtin_memset(&seen, 0, sizeof(seen));
	before = kstat_softirqs_cpu(TEST_SOFTIRQ, cpu);

	apic_self_ipi_wait(v);

	KUNIT_EXPECT_EQ(test, seen.softirq_runs, 1);
	KUNIT_EXPECT_EQ(test, seen.hardirq_at, 1);
	KUNIT_EXPECT_EQ(test, seen.softirq_at, 2);     /* after the handler */
	KUNIT_EXPECT_TRUE(test, seen.serving);
	KUNIT_EXPECT_FALSE(test, seen.in_hardirq);
	KUNIT_EXPECT_FALSE(test, seen.irqs_off);
	KUNIT_EXPECT_EQ(test, seen.cpu, (int)cpu);
	KUNIT_EXPECT_EQ(test, kstat_softirqs_cpu(TEST_SOFTIRQ, cpu), before + 1);
	KUNIT_EXPECT_FALSE(test, local_softirq_pending() & (1UL << TEST_SOFTIRQ));

	open_softirq(TEST_SOFTIRQ, NULL);
	free_irq(TEST_IRQ, &seen);
	irq_free_vector(TEST_IRQ);
	irq_set_chip_and_handler_name(TEST_IRQ, NULL, NULL, NULL);
}

static void bh_disable_holds_softirqs(struct kunit *test)
{
	u64 t0;

	open_softirq(TEST_SOFTIRQ, test_action);
	__builtin_memset(&seen, 0, sizeof(seen));
	local_bh_disable();
	KUNIT_EXPECT_TRUE(test, in_softirq());
	KUNIT_EXPECT_FALSE(test, in_serving_softirq());
	raise_softirq(TEST_SOFTIRQ);
	t0 = local_clock();
	while (local_clock() - t0 < 20 * NSEC_PER_MSEC)   /* several ticks */
		native_safe_halt();
	KUNIT_EXPECT_EQ(test, seen.softirq_runs, 0);
	KUNIT_EXPECT_TRUE(test, local_softirq_pending() & (1UL << TEST_SOFTIRQ));
	local_bh_enable();
	KUNIT_EXPECT_EQ(test, seen.softirq_runs, 1);      /* run by local_bh_enable */
	KUNIT_EXPECT_TRUE(test, seen.serving);
	KUNIT_EXPECT_FALSE(test, in_softirq());
	open_softirq(TEST_SOFTIRQ, NULL);
}

static struct tasklet_struct test_tasklet;
static volatile bool tasklet_ran;
static int tasklet_cpu;
static bool tasklet_serving;

static void tasklet_fn(struct tasklet_struct *t)
{
	tasklet_cpu = smp_processor_id();
	tasklet_serving = in_serving_softirq();
	tasklet_ran = true;
}

/* Runs in the call-function IPI's handler on the target CPU. */
static void schedule_from_ipi(void *info)
{
	tasklet_schedule(&test_tasklet);
}

static void tasklet_runs_on_scheduling_cpu(struct kunit *test)
{
	unsigned int cpu;

	for_each_online_cpu(cpu) {
		tasklet_setup(&test_tasklet, tasklet_fn);
		tasklet_ran = false;
		tasklet_cpu = -1;
		KUNIT_ASSERT_EQ(test, smp_call_function_single(cpu, schedule_from_ipi, NULL, 1), 0);
		KUNIT_EXPECT_TRUE(test, wait_for(&tasklet_ran, 1000));
		KUNIT_EXPECT_EQ(test, tasklet_cpu, (int)cpu);
		KUNIT_EXPECT_TRUE(test, tasklet_serving);
		tasklet_kill(&test_tasklet);
		KUNIT_EXPECT_FALSE(test, test_tasklet.state);
	}
}

struct timer_probe {
	struct timer_list timer;
	volatile bool fired;
	unsigned long fired_at;
	int cpu;
	bool serving;
	u64 spin_ns;                /* busy time in the function */
	volatile bool started;
};

static void probe_fn(struct timer_list *t)
{
	struct timer_probe *p = (struct timer_probe *)t;   /* timer is first */
	u64 t0 = local_clock();

	p->started = true;
	p->fired_at = jiffies;
	p->cpu = smp_processor_id();
	p->serving = in_serving_softirq();
	while (local_clock() - t0 < p->spin_ns)
		cpu_relax();
	p->fired = true;
}

static void timer_fires_in_window(struct kunit *test)
{
	static struct timer_probe p;
	unsigned long expires;

	__builtin_memset(&p, 0, sizeof(p));
	timer_setup(&p.timer, probe_fn, 0);
	KUNIT_EXPECT_FALSE(test, timer_pending(&p.timer));
	expires = jiffies + 5;
	KUNIT_EXPECT_EQ(test, mod_timer(&p.timer, jiffies + HZ), 0);
	KUNIT_EXPECT_TRUE(test, timer_pending(&p.timer));
	KUNIT_EXPECT_EQ(test, mod_timer(&p.timer, expires), 1);   /* moved earlier */
	KUNIT_EXPECT_TRUE(test, wait_for(&p.fired, 2000));
	KUNIT_EXPECT_GE(test, p.fired_at, expires);
	KUNIT_EXPECT_LE(test, p.fired_at, expires + 2);
	KUNIT_EXPECT_EQ(test, p.cpu, smp_processor_id());
	KUNIT_EXPECT_TRUE(test, p.serving);
	KUNIT_EXPECT_FALSE(test, timer_pending(&p.timer));
	KUNIT_EXPECT_EQ(test, del_timer(&p.timer), 0);

	p.fired = false;
	mod_timer(&p.timer, jiffies + 2);
	KUNIT_EXPECT_EQ(test, del_timer(&p.timer), 1);
	KUNIT_EXPECT_FALSE(test, wait_for(&p.fired, 40));      /* ten ticks */
}

static void timer_softirq_on_every_cpu(struct kunit *test)
{
	static struct timer_probe p[NR_CPUS];
	static unsigned int before[NR_CPUS];
	unsigned int cpu;

	for_each_online_cpu(cpu) {
		__builtin_memset(&p[cpu], 0, sizeof(p[cpu]));
		timer_setup(&p[cpu].timer, probe_fn, 0);
		before[cpu] = kstat_softirqs_cpu(TIMER_SOFTIRQ, cpu);
		p[cpu].timer.expires = jiffies + 2;
		add_timer_on(&p[cpu].timer, cpu);
	}
	for_each_online_cpu(cpu) {
		KUNIT_EXPECT_TRUE(test, wait_for(&p[cpu].fired, 2000));
		KUNIT_EXPECT_EQ(test, p[cpu].cpu, (int)cpu);
		KUNIT_EXPECT_GT(test, kstat_softirqs_cpu(TIMER_SOFTIRQ, cpu), before[cpu]);
	}
}

static void del_timer_sync_waits(struct kunit *test)
{
	static struct timer_probe p;
	unsigned int other;

	if (num_online_cpus() < 2)
		kunit_skip(test, "needs a second CPU");
	other = smp_processor_id() == 0 ? 1 : 0;
	__builtin_memset(&p, 0, sizeof(p));
	timer_setup(&p.timer, probe_fn, 0);
	p.spin_ns = 30 * NSEC_PER_MSEC;
	p.timer.expires = jiffies + 1;
	add_timer_on(&p.timer, other);
	KUNIT_ASSERT_TRUE(test, wait_for(&p.started, 2000));
	KUNIT_EXPECT_FALSE(test, p.fired);                  /* still in the function */
	KUNIT_EXPECT_EQ(test, del_timer_sync(&p.timer), 0);
	KUNIT_EXPECT_TRUE(test, p.fired);                   /* it waited */
	KUNIT_EXPECT_EQ(test, p.cpu, (int)other);
}

static struct kunit_case softirq_cases[] = {
	KUNIT_CASE(softirq_from_hardirq),
	KUNIT_CASE(bh_disable_holds_softirqs),
	KUNIT_CASE(tasklet_runs_on_scheduling_cpu),
	KUNIT_CASE(timer_fires_in_window),
	KUNIT_CASE(timer_softirq_on_every_cpu),
	KUNIT_CASE(del_timer_sync_waits),
	{}
};

static struct kunit_suite softirq_suite = {
	.name = "softirq",
	.test_cases = softirq_cases,
};
kunit_test_suite(softirq_suite);
