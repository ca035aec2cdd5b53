// SPDX-License-Identifier: MIT
/*
 * KUnit suite "hrtimer": high-resolution timers in the running kernel,
 * expired by the real local APIC timer interrupt (one-shot / TSC-deadline
 * clock event) or, under "highres=off", by the tick:
 *
 *   - a 300 us hard timer runs in hard interrupt context, never before
 *     300 us have passed on ktime_get(), and before 1 s; the lateness of
 *     16 runs (min/median/max) is printed, not asserted - under TCG on a
 *     busy host a vCPU may not run for milliseconds;
 *   - a _SOFT timer runs from HRTIMER_SOFTIRQ (in_serving_softirq(), the
 *     CPU's HRTIMER count grows), not in hard interrupt context;
 *   - a callback returning HRTIMER_RESTART after hrtimer_forward_now()
 *     fires exactly N times, N periods apart at least;
 *   - hrtimer_try_to_cancel() on a queued timer returns 1 and it never
 *     fires; on a running callback (another CPU) -1, and hrtimer_cancel()
 *     returns only after the callback has finished;
 *   - usleep_range() sleeps at least its minimum.
 */
#include <kunit/test.h>
#include <linux/kernel.h>
#include <linux/hrtimer.h>
#include <linux/clockchips.h>
#include <linux/interrupt.h>
#include <linux/hardirq.h>
#include <linux/smp.h>
#include <linux/cpumask.h>
#include <asm/processor.h>

struct hr_probe {
	struct hrtimer timer;
	ktime_t fired_at;
	volatile unsigned int fired;
	unsigned int restarts;        /* fire this many times in all */
	ktime_t period;
	bool hardirq, serving;
	int cpu;
	u64 spin_ns;                  /* busy time in the callback */
	volatile bool started;
};

static enum hrtimer_restart hr_probe_fn(struct hrtimer *t)
{
	struct hr_probe *p = container_of(t, struct hr_probe, timer);
	ktime_t t0 = ktime_get();

	p->started = true;
	p->fired_at = t0;
	p->hardirq = in_hardirq();
	p->serving = in_serving_softirq();
	p->cpu = smp_processor_id();
	while (ktime_get() - t0 < (ktime_t)p->spin_ns)
		cpu_relax();
	p->fired++;
	if (p->fired < p->restarts) {
		hrtimer_forward_now(t, p->period);
		return HRTIMER_RESTART;
	}
	return HRTIMER_NORESTART;
}

static void hr_probe_init(struct hr_probe *p, enum hrtimer_mode mode)
{
	__builtin_memset(p, 0, sizeof(*p));
	hrtimer_init(&p->timer, CLOCK_MONOTONIC, mode);
	p->timer.function = hr_probe_fn;
}

/* Busy-wait, interrupts on, until *@v reaches @n or @ms pass. */
static bool wait_count(volatile unsigned int *v, unsigned int n, unsigned int ms)
{
	ktime_t end = ktime_add_ns(ktime_get(), (u64)ms * NSEC_PER_MSEC);

	while (*v < n)
		if (ktime_get() > end)
			return false;
	return true;
}

static void hard_timer_300us(struct kunit *test)
{
	static struct hr_probe p;
	static s64 late[16];
	unsigned int i, j, runs = 16;

	for (i = 0; i < runs; i++) {
		ktime_t t0;
		s64 l;

		hr_probe_init(&p, HRTIMER_MODE_REL);
		t0 = ktime_get();
		hrtimer_start(&p.timer, us_to_ktime(300), HRTIMER_MODE_REL);
		KUNIT_ASSERT_TRUE(test, wait_count(&p.fired, 1, 1000));
		KUNIT_EXPECT_GE(test, p.fired_at - t0, (s64)300000);
		KUNIT_EXPECT_TRUE(test, p.hardirq);
		KUNIT_EXPECT_FALSE(test, p.serving);
		KUNIT_EXPECT_EQ(test, p.cpu, (int)smp_processor_id());
		KUNIT_EXPECT_FALSE(test, hrtimer_active(&p.timer));
		l = p.fired_at - t0 - 300000;
		for (j = i; j > 0 && late[j - 1] > l; j--)      /* insertion sort */
			late[j] = late[j - 1];
		late[j] = l;
	}
	kunit_info(test, "300 us timer, %u runs: late by min %lld us, median %lld us, max %lld us (%s)",
		   runs, (long long)late[0] / 1000, (long long)late[runs / 2] / 1000,
		   (long long)late[runs - 1] / 1000,
		   tick_oneshot_active() ? "one-shot clock event" : "tick resolution");
}

static void soft_timer_in_softirq(struct kunit *test)
{
	static struct hr_probe p;
	unsigned int cpu = smp_processor_id(), before;
	ktime_t t0;

	before = kstat_softirqs_cpu(HRTIMER_SOFTIRQ, cpu);
	hr_probe_init(&p, HRTIMER_MODE_REL_SOFT);
	t0 = ktime_get();
	hrtimer_start(&p.timer, us_to_ktime(500), HRTIMER_MODE_REL);
	KUNIT_ASSERT_TRUE(test, wait_count(&p.fired, 1, 1000));
	KUNIT_EXPECT_GE(test, p.fired_at - t0, (s64)500000);
	KUNIT_EXPECT_TRUE(test, p.serving);
	KUNIT_EXPECT_FALSE(test, p.hardirq);
	KUNIT_EXPECT_EQ(test, p.cpu, (int)cpu);
	KUNIT_EXPECT_GT(test, kstat_softirqs_cpu(HRTIMER_SOFTIRQ, cpu), before);
}

static void restart_fires_n_times(struct kunit *test)
{
	static struct hr_probe p;
	ktime_t t0;

	hr_probe_init(&p, HRTIMER_MODE_REL);
	p.restarts = 5;
	p.period = us_to_ktime(700);
	t0 = ktime_get();
	hrtimer_start(&p.timer, p.period, HRTIMER_MODE_REL);
	KUNIT_ASSERT_TRUE(test, wait_count(&p.fired, 5, 1000));
	KUNIT_EXPECT_GE(test, p.fired_at - t0, 5 * p.period);
	/* It stopped: no sixth expiry. */
	KUNIT_EXPECT_FALSE(test, wait_count(&p.fired, 6, 20));
	KUNIT_EXPECT_EQ(test, p.fired, 5u);
	KUNIT_EXPECT_FALSE(test, hrtimer_active(&p.timer));
}

static void cancel_queued_timer(struct kunit *test)
{
	static struct hr_probe p;
	ktime_t t0;

	hr_probe_init(&p, HRTIMER_MODE_REL);
	KUNIT_EXPECT_EQ(test, hrtimer_try_to_cancel(&p.timer), 0);
	hrtimer_start(&p.timer, ms_to_ktime(5), HRTIMER_MODE_REL);
	KUNIT_EXPECT_TRUE(test, hrtimer_active(&p.timer));
	KUNIT_EXPECT_TRUE(test, hrtimer_is_queued(&p.timer));
	KUNIT_EXPECT_EQ(test, hrtimer_try_to_cancel(&p.timer), 1);
	KUNIT_EXPECT_FALSE(test, hrtimer_active(&p.timer));
	KUNIT_EXPECT_FALSE(test, wait_count(&p.fired, 1, 30));
	/* Re-armed, then re-armed later: fires once, at the later time. The
	 * first expiry is far enough out (20 ms) that a vCPU the host
	 * deschedules between the two calls does not see it fire. */
	t0 = ktime_get();
	hrtimer_start(&p.timer, ms_to_ktime(20), HRTIMER_MODE_REL);
	hrtimer_start(&p.timer, ms_to_ktime(40), HRTIMER_MODE_REL);
	KUNIT_EXPECT_TRUE(test, wait_count(&p.fired, 1, 1000));
	KUNIT_EXPECT_GE(test, p.fired_at - t0, (s64)(40 * NSEC_PER_MSEC));
	KUNIT_EXPECT_FALSE(test, wait_count(&p.fired, 2, 20));
	KUNIT_EXPECT_EQ(test, hrtimer_cancel(&p.timer), 0);
}

/* Runs in the call-function IPI on the other CPU: arms the timer there. */
static void start_there(void *info)
{
	struct hr_probe *p = info;

	hrtimer_start(&p->timer, us_to_ktime(200), HRTIMER_MODE_REL);
}

static void cancel_waits_for_callback(struct kunit *test)
{
	static struct hr_probe p;
	int other;

	if (num_online_cpus() < 2)
		kunit_skip(test, "needs a second CPU: with one, a callback never runs while a task does");
	other = smp_processor_id() == 0 ? 1 : 0;
	hr_probe_init(&p, HRTIMER_MODE_REL);
	p.spin_ns = 30 * NSEC_PER_MSEC;
	KUNIT_ASSERT_EQ(test, smp_call_function_single(other, start_there, &p, 1), 0);
	KUNIT_ASSERT_TRUE(test, wait_count((volatile unsigned int *)&p.started, 1, 1000));
	KUNIT_EXPECT_EQ(test, p.fired, 0u);                 /* still in the callback */
	KUNIT_EXPECT_TRUE(test, hrtimer_active(&p.timer));
	KUNIT_EXPECT_EQ(test, hrtimer_try_to_cancel(&p.timer), -1);
	KUNIT_EXPECT_EQ(test, hrtimer_cancel(&p.timer), 0);
	KUNIT_EXPECT_EQ(test, p.fired, 1u);                 /* it waited */
	KUNIT_EXPECT_EQ(test, p.cpu, other);
	KUNIT_EXPECT_FALSE(test, hrtimer_active(&p.timer));
}

static void usleep_range_sleeps(struct kunit *test)
{
	ktime_t t0 = ktime_get(), d;

	usleep_range(800, 1000);
	d = ktime_get() - t0;
	kunit_info(test, "usleep_range(800, 1000) took %lld us", (long long)d / 1000);
	KUNIT_EXPECT_GE(test, d, (s64)800000);
	KUNIT_EXPECT_LT(test, d, (s64)NSEC_PER_SEC);
}

static struct kunit_case hrtimer_cases[] = {
	KUNIT_CASE(hard_timer_300us),
	KUNIT_CASE(soft_timer_in_softirq),
	KUNIT_CASE(restart_fires_n_times),
	KUNIT_CASE(cancel_queued_timer),
	KUNIT_CASE(cancel_waits_for_callback),
	KUNIT_CASE(usleep_range_sleeps),
	{}
};

static struct kunit_suite hrtimer_suite = {
	.name = "hrtimer",
	.test_cases = hrtimer_cases,
};
kunit_test_suite(hrtimer_suite);
