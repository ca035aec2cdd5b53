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
 *   - del_timer_sync() waits for a timer function running on another CPU;
 *   - each CPU has a bound, SCHED_NORMAL ksoftirqd/N, which runs softirqs
 *     raised from task context; in_softirq()/in_serving_softirq();
 *   - a self-raising softirq moves to ksoftirqd after the limits, and a
 *     normal kthread on that CPU keeps running during the flood;
 *   - a tasklet scheduled from two CPUs at once never runs on both at the
 *     same time, and each scheduling is run or coalesced, never lost.
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
#include <linux/sched.h>
#include <linux/kthread.h>
#include <linux/delay.h>

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

/*
 * Let this CPU's ksoftirqd finish what it has and go back to sleep: while
 * it is runnable, irq_exit() leaves pending softirqs other than HI and
 * TASKLET to it. yield() keeps us on this CPU (running tasks never
 * migrate) and lets it run first.
 */
static bool ksoftirqd_settle(void)
{
	int i;

	for (i = 0; i < 1000 && task_is_running(this_cpu_read(ksoftirqd)); i++)
		yield();
	return !task_is_running(this_cpu_read(ksoftirqd));
}

static void softirq_from_hardirq(struct kunit *test)
{
	unsigned int before, cpu;
	int v;

	if (!apic_available)
		kunit_skip(test, "no local APIC in use (nolapic)");
	KUNIT_ASSERT_TRUE(test, ksoftirqd_settle());
	cpu = smp_processor_id();
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

	if (!lapic_timer_period && num_online_cpus() > 1)
		kunit_skip(test, "the PIT is the tick: CPUs other than 0 have none");
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

	if (num_online_cpus() < 2 || !lapic_timer_period)
		kunit_skip(test, "needs a second CPU with a tick (LAPIC timer)");
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

static void ksoftirqd_per_cpu(struct kunit *test)
{
	unsigned int cpu;

	for_each_online_cpu(cpu) {
		struct task_struct *ks = per_cpu(ksoftirqd, cpu);
		char name[TASK_COMM_LEN];

		KUNIT_ASSERT_NOT_NULL(test, ks);
		snprintf(name, sizeof(name), "ksoftirqd/%u", cpu);
		KUNIT_EXPECT_STREQ(test, ks->comm, name);
		KUNIT_EXPECT_EQ(test, task_cpu(ks), (int)cpu);
		KUNIT_EXPECT_TRUE(test, ks->nr_cpus_allowed == 1 && cpumask_test_cpu(cpu, &ks->cpus_mask));
		KUNIT_EXPECT_EQ(test, ks->policy, SCHED_NORMAL);
		KUNIT_EXPECT_EQ(test, task_nice(ks), 0);
		KUNIT_EXPECT_TRUE(test, ks->flags & PF_KTHREAD);
	}
}

/* What the context-probing action saw. */
static struct {
	volatile bool ran;
	bool in_softirq, serving, in_interrupt, in_hardirq, in_ksoftirqd;
	int cpu;
} ctx;

static void context_action(void)
{
	ctx.in_softirq = in_softirq();
	ctx.serving = in_serving_softirq();
	ctx.in_interrupt = in_interrupt();
	ctx.in_hardirq = in_hardirq();
	ctx.in_ksoftirqd = current == this_cpu_read(ksoftirqd);
	ctx.cpu = smp_processor_id();
	ctx.ran = true;
}

/* Wait up to @ms for *@flag, sleeping (other threads, ksoftirqd, run). */
static bool sleep_for(volatile bool *flag, unsigned int ms)
{
	while (!*flag && ms--)
		msleep(1);
	return *flag;
}

static void softirq_context(struct kunit *test)
{
	int cpu;

	__builtin_memset(&ctx, 0, sizeof(ctx));
	open_softirq(TEST_SOFTIRQ, context_action);

	/* A bh-disabled section: in softirq context, not serving one. */
	local_bh_disable();
	KUNIT_EXPECT_TRUE(test, in_softirq());
	KUNIT_EXPECT_FALSE(test, in_serving_softirq());
	KUNIT_EXPECT_TRUE(test, in_interrupt() && !in_hardirq());
	local_bh_enable();
	KUNIT_EXPECT_FALSE(test, in_softirq() || in_interrupt());

	/* Raised from task context: ksoftirqd runs it, serving a softirq. */
	local_irq_disable();
	cpu = smp_processor_id();
	raise_softirq_irqoff(TEST_SOFTIRQ);
	local_irq_enable();
	KUNIT_ASSERT_TRUE(test, sleep_for(&ctx.ran, 1000));
	KUNIT_EXPECT_TRUE(test, ctx.in_softirq);
	KUNIT_EXPECT_TRUE(test, ctx.serving);
	KUNIT_EXPECT_TRUE(test, ctx.in_interrupt);
	KUNIT_EXPECT_FALSE(test, ctx.in_hardirq);
	KUNIT_EXPECT_TRUE(test, ctx.in_ksoftirqd);
	KUNIT_EXPECT_EQ(test, ctx.cpu, cpu);

	/* Raised in a bh-disabled section: local_bh_enable runs it here. */
	__builtin_memset(&ctx, 0, sizeof(ctx));
	local_bh_disable();
	raise_softirq(TEST_SOFTIRQ);
	KUNIT_EXPECT_FALSE(test, ctx.ran);
	local_bh_enable();
	KUNIT_EXPECT_TRUE(test, ctx.ran);
	KUNIT_EXPECT_TRUE(test, ctx.serving);
	KUNIT_EXPECT_FALSE(test, ctx.in_ksoftirqd);
	open_softirq(TEST_SOFTIRQ, NULL);
}

/* ---- a softirq flood moves to ksoftirqd ---- */

static struct {
	volatile bool on;             /* keep re-raising */
	int cpu;                      /* where it was started */
	unsigned long runs;           /* action calls */
	unsigned long in_ksoftirqd;   /* of those, run by ksoftirqd */
	unsigned long wrong_cpu;      /* run elsewhere than @cpu */
	volatile unsigned long spins; /* the competing kthread's progress */
} flood;

static void flood_action(void)
{
	u64 t0 = local_clock();

	flood.runs++;
	if (current == this_cpu_read(ksoftirqd))
		flood.in_ksoftirqd++;
	if (smp_processor_id() != flood.cpu)
		flood.wrong_cpu++;
	while (local_clock() - t0 < 20000)     /* 20 us of "work" */
		cpu_relax();
	if (flood.on)
		raise_softirq(TEST_SOFTIRQ);
}

static void start_flood(void *unused) { raise_softirq(TEST_SOFTIRQ); }

/* A SCHED_NORMAL thread that never sleeps: counts as fast as it can. */
static int spinner(void *unused)
{
	while (!kthread_should_stop()) {
		flood.spins++;
		cpu_relax();
	}
	return 0;
}

static void softirq_flood_goes_to_ksoftirqd(struct kunit *test)
{
	unsigned long spins0, spins1, ticks0, sw0, def0, runs0, spin_ticks0, stat0;
	struct task_struct *ks, *spin;
	/* Without a LAPIC tick only CPU 0 (the PIT's) has time slices. */
	int cpu = lapic_timer_period ? (int)num_online_cpus() - 1 : 0;

	ks = per_cpu(ksoftirqd, cpu);
	KUNIT_ASSERT_NOT_NULL(test, ks);
	__builtin_memset(&flood, 0, sizeof(flood));
	flood.cpu = cpu;
	open_softirq(TEST_SOFTIRQ, flood_action);

	spin = kthread_create_on_cpu(spinner, NULL, cpu, "kunit-spin/%u");
	KUNIT_ASSERT_FALSE(test, IS_ERR(spin));
	wake_up_process(spin);
	msleep(20);
	KUNIT_EXPECT_GT(test, flood.spins, 0);

	ticks0 = ks->sum_exec_ticks;
	sw0 = ks->nvcsw + ks->nivcsw;
	def0 = softirq_deferred_cpu(cpu);
	stat0 = kstat_softirqs_cpu(TEST_SOFTIRQ, cpu);
	spin_ticks0 = spin->sum_exec_ticks;
	flood.on = true;
	KUNIT_ASSERT_EQ(test, smp_call_function_single(cpu, start_flood, NULL, 1), 0);

	msleep(20);
	spins0 = flood.spins;
	msleep(200);                 /* the flood goes on meanwhile */
	spins1 = flood.spins;
	runs0 = flood.runs;

	/* The spinner still got the CPU, for a fair share of the ticks. */
	KUNIT_EXPECT_GT(test, spins1, spins0);
	KUNIT_EXPECT_GE(test, spin->sum_exec_ticks - spin_ticks0, 10UL);
	/* ksoftirqd carried the flood, used ticks, and switched away and
	 * back (cond_resched) rather than hogging. */
	KUNIT_EXPECT_GT(test, runs0, 20UL * MAX_SOFTIRQ_RESTART);   /* far past one irq_exit's share */
	/* irq_exit leaves the flood to a runnable ksoftirqd: only the first
	 * irq_exit's passes ran elsewhere (slack: a tasklet's irq_exit). */
	KUNIT_EXPECT_LE(test, runs0 - flood.in_ksoftirqd, 3UL * MAX_SOFTIRQ_RESTART);
	KUNIT_EXPECT_GE(test, ks->sum_exec_ticks - ticks0, 10UL);
	KUNIT_EXPECT_GT(test, ks->nvcsw + ks->nivcsw, sw0);
	KUNIT_EXPECT_GT(test, softirq_deferred_cpu(cpu), def0);
	KUNIT_EXPECT_EQ(test, flood.wrong_cpu, 0UL);
	KUNIT_EXPECT_GE(test, kstat_softirqs_cpu(TEST_SOFTIRQ, cpu), stat0 + runs0);
	kunit_info(test, "200 ms flood on CPU%d: %lu runs (%lu in ksoftirqd), ksoftirqd %lu ticks, spinner %lu ticks",
		   cpu, runs0, flood.in_ksoftirqd, ks->sum_exec_ticks - ticks0,
		   spin->sum_exec_ticks - spin_ticks0);

	/* Stop it: the last run does not re-raise, and then it stays quiet. */
	flood.on = false;
	msleep(50);
	runs0 = flood.runs;
	msleep(50);
	KUNIT_EXPECT_EQ(test, flood.runs, runs0);
	KUNIT_EXPECT_EQ(test, kthread_stop(spin), 0);
	open_softirq(TEST_SOFTIRQ, NULL);
}

/* ---- one tasklet, scheduled from two CPUs ---- */

#define RACE_ROUNDS 1000

static struct tasklet_struct race_tasklet;
static struct {
	int inside;                   /* callbacks running now */
	int overlaps;                 /* times a callback found another one */
	unsigned long runs;
	unsigned long runs_on[2];
	unsigned long wrong_cpu;
	unsigned long want[2];        /* last round each thread scheduled */
	unsigned long seen[2];        /* want[] as the latest run read it */
	int cpus[2];
	volatile bool go, done[2];
} race;

static void race_callback(struct tasklet_struct *t)
{
	int cpu = smp_processor_id();
	u64 t0 = local_clock();

	if (__atomic_add_fetch(&race.inside, 1, __ATOMIC_SEQ_CST) != 1)
		__atomic_add_fetch(&race.overlaps, 1, __ATOMIC_RELAXED);
	race.seen[0] = __atomic_load_n(&race.want[0], __ATOMIC_SEQ_CST);
	race.seen[1] = __atomic_load_n(&race.want[1], __ATOMIC_SEQ_CST);
	if (cpu == race.cpus[0])
		race.runs_on[0]++;
	else if (cpu == race.cpus[1])
		race.runs_on[1]++;
	else
		race.wrong_cpu++;
	race.runs++;
	while (local_clock() - t0 < 20000)     /* hold it for 20 us */
		cpu_relax();
	__atomic_sub_fetch(&race.inside, 1, __ATOMIC_SEQ_CST);
}

/* Schedule the tasklet RACE_ROUNDS times, letting ksoftirqd in between. */
static int race_thread(void *arg)
{
	long i = (long)arg;
	unsigned long k;

	while (!race.go)
		cpu_relax();
	for (k = 1; k <= RACE_ROUNDS; k++) {
		__atomic_store_n(&race.want[i], k, __ATOMIC_SEQ_CST);
		tasklet_schedule(&race_tasklet);
		if (k % 2)
			yield();
		else
			cpu_relax();
	}
	race.done[i] = true;
	while (!kthread_should_stop())
		msleep(1);
	return 0;
}

static void tasklet_from_two_cpus(struct kunit *test)
{
	struct task_struct *thr[2];
	long i;

	if (num_online_cpus() < 2)
		kunit_skip(test, "needs two CPUs to schedule from");
	__builtin_memset(&race, 0, sizeof(race));
	race.cpus[0] = (int)num_online_cpus() - 2;
	race.cpus[1] = (int)num_online_cpus() - 1;
	tasklet_setup(&race_tasklet, race_callback);
	for (i = 0; i < 2; i++) {
		thr[i] = kthread_create_on_cpu(race_thread, (void *)i, race.cpus[i], "kunit-race/%u");
		KUNIT_ASSERT_FALSE(test, IS_ERR(thr[i]));
		wake_up_process(thr[i]);
	}
	race.go = true;
	KUNIT_EXPECT_TRUE(test, sleep_for(&race.done[0], 5000));
	KUNIT_EXPECT_TRUE(test, sleep_for(&race.done[1], 5000));
	tasklet_kill(&race_tasklet);

	KUNIT_EXPECT_EQ(test, race.overlaps, 0);
	KUNIT_EXPECT_EQ(test, race.wrong_cpu, 0UL);
	KUNIT_EXPECT_GE(test, race.runs, 1UL);
	KUNIT_EXPECT_LE(test, race.runs, 2UL * RACE_ROUNDS);
	/* The last scheduling from each CPU was followed by a run. */
	KUNIT_EXPECT_EQ(test, race.seen[0], (unsigned long)RACE_ROUNDS);
	KUNIT_EXPECT_EQ(test, race.seen[1], (unsigned long)RACE_ROUNDS);
	KUNIT_EXPECT_EQ(test, race_tasklet.state, 0UL);
	kunit_info(test, "%lu schedulings, %lu runs (CPU%d %lu, CPU%d %lu)",
		   2UL * RACE_ROUNDS, race.runs, race.cpus[0], race.runs_on[0],
		   race.cpus[1], race.runs_on[1]);
	for (i = 0; i < 2; i++)
		KUNIT_EXPECT_EQ(test, kthread_stop(thr[i]), 0);
}

static struct kunit_case softirq_cases[] = {
	KUNIT_CASE(softirq_from_hardirq),
	KUNIT_CASE(bh_disable_holds_softirqs),
	KUNIT_CASE(tasklet_runs_on_scheduling_cpu),
	KUNIT_CASE(timer_fires_in_window),
	KUNIT_CASE(timer_softirq_on_every_cpu),
	KUNIT_CASE(del_timer_sync_waits),
	KUNIT_CASE(ksoftirqd_per_cpu),
	KUNIT_CASE(softirq_context),
	KUNIT_CASE(softirq_flood_goes_to_ksoftirqd),
	KUNIT_CASE(tasklet_from_two_cpus),
	{}
};

static struct kunit_suite softirq_suite = {
	.name = "softirq",
	.test_cases = softirq_cases,
};
kunit_test_suite(softirq_suite);
