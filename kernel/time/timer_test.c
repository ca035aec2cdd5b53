// SPDX-License-Identifier: MIT
/*
 * KUnit suite "timer": the timer wheel (kernel/time/timer.c) in the
 * running kernel, on the real tick:
 *
 *   - a timer 260 jiffies out starts in level 1 of the wheel, is cascaded
 *     down to level 0 and fires within [expires, expires + 2] jiffies
 *     (the tick may be late under a busy host, never early);
 *   - del_timer_sync() on a timer whose function is running on another
 *     CPU, blocked on a flag, returns only after the function finished:
 *     the flag is released 20 ms later by a hard hrtimer on the test's
 *     CPU, which interrupts the waiting del_timer_sync(). With one CPU
 *     this cannot happen (TIMER_SOFTIRQ runs the function to its end
 *     before any task runs again), so the case is skipped.
 */
#include <kunit/test.h>
#include <linux/kernel.h>
#include <linux/timer.h>
#include <linux/hrtimer.h>
#include <linux/jiffies.h>
#include <linux/interrupt.h>
#include <linux/smp.h>
#include <linux/cpumask.h>
#include <asm/processor.h>

struct wheel_probe {
	struct timer_list timer;
	volatile bool started, fired;
	volatile bool *release;     /* block until *release, if set */
	unsigned long fired_at;
	int cpu;
	bool serving;
};

static void wheel_probe_fn(struct timer_list *t)
{
	struct wheel_probe *p = container_of(t, struct wheel_probe, timer);

	p->started = true;
	p->fired_at = jiffies;
	p->cpu = smp_processor_id();
	p->serving = in_serving_softirq();
	while (p->release && !READ_ONCE(*p->release))
		cpu_relax();
	p->fired = true;
}

static bool wait_true(volatile bool *v, unsigned int ms)
{
	ktime_t end = ktime_add_ns(ktime_get(), (u64)ms * NSEC_PER_MSEC);

	while (!*v)
		if (ktime_get() > end)
			return false;
	return true;
}

static void level1_timer_cascades_and_fires(struct kunit *test)
{
	static struct wheel_probe p;
	unsigned int cpu = smp_processor_id();
	unsigned long before = timer_cascades_cpu(cpu), expires;

	__builtin_memset(&p, 0, sizeof(p));
	timer_setup(&p.timer, wheel_probe_fn, 0);
	expires = jiffies + 260;
	mod_timer(&p.timer, expires);
	KUNIT_ASSERT_TRUE(test, wait_true(&p.fired, 5000));
	KUNIT_EXPECT_TRUE(test, time_after_eq(p.fired_at, expires));
	KUNIT_EXPECT_TRUE(test, time_before_eq(p.fired_at, expires + 2));
	KUNIT_EXPECT_TRUE(test, p.serving);
	KUNIT_EXPECT_EQ(test, p.cpu, (int)cpu);
	KUNIT_EXPECT_GT(test, timer_cascades_cpu(cpu), before);
	kunit_info(test, "armed for +260 jiffies, fired at +%lu", p.fired_at - (expires - 260));
}

static volatile bool release_flag;
static ktime_t released_at;

static enum hrtimer_restart release_fn(struct hrtimer *t)
{
	released_at = ktime_get();
	WRITE_ONCE(release_flag, true);
	return HRTIMER_NORESTART;
}

static void del_timer_sync_waits_for_blocked_fn(struct kunit *test)
{
	static struct wheel_probe p;
	static struct hrtimer release;
	ktime_t returned;
	int other;

	if (num_online_cpus() < 2)
		kunit_skip(test, "one CPU: the timer function always finishes before a task runs");
	other = smp_processor_id() == 0 ? 1 : 0;
	__builtin_memset(&p, 0, sizeof(p));
	release_flag = false;
	p.release = &release_flag;
	timer_setup(&p.timer, wheel_probe_fn, 0);
	p.timer.expires = jiffies + 1;
	add_timer_on(&p.timer, other);
	KUNIT_ASSERT_TRUE(test, wait_true(&p.started, 2000));
	KUNIT_EXPECT_FALSE(test, p.fired);                  /* blocked on the flag */
	hrtimer_init(&release, CLOCK_MONOTONIC, HRTIMER_MODE_REL_HARD);
	release.function = release_fn;
	hrtimer_start(&release, ms_to_ktime(20), HRTIMER_MODE_REL_HARD);
	KUNIT_EXPECT_EQ(test, del_timer_sync(&p.timer), 0);
	returned = ktime_get();
	KUNIT_EXPECT_TRUE(test, release_flag);
	KUNIT_EXPECT_TRUE(test, p.fired);                   /* it waited */
	KUNIT_EXPECT_GE(test, returned, released_at);
	KUNIT_EXPECT_EQ(test, p.cpu, other);
	hrtimer_cancel(&release);
}

static struct kunit_case timer_cases[] = {
	KUNIT_CASE(level1_timer_cascades_and_fires),
	KUNIT_CASE(del_timer_sync_waits_for_blocked_fn),
	{}
};

static struct kunit_suite timer_suite = {
	.name = "timer",
	.test_cases = timer_cases,
};
kunit_test_suite(timer_suite);
