// SPDX-License-Identifier: MIT
/*
 * KUnit suite "rtc_dev": readers of the CMOS RTC sleep on its wait queue
 * and are woken by the real periodic interrupt on IRQ 8 (drivers/rtc/rtc.c).
 *
 * What a broken driver or scheduler would get wrong here:
 *  - a reader that polls, or halts in a loop, instead of sleeping is never
 *    seen in TASK_INTERRUPTIBLE and does not count voluntary switches;
 *  - a handler that does not wake the queue leaves the reader asleep until
 *    its timeout (seconds), far past one RTC period;
 *  - a read word that does not accumulate (count << 8 | flags) loses or
 *    repeats interrupts, which the sum-of-reads check catches against the
 *    handler's own total.
 * Nothing calls rtc_interrupt(): the chip raises IRQ 8 at the rate that
 * register A selects, turned on and off with PIE in register B.
 */
#include <kunit/test.h>
#include <linux/kernel.h>
#include <linux/errno.h>
#include <linux/delay.h>
#include <linux/string.h>
#include <linux/jiffies.h>
#include <linux/sched.h>
#include <linux/kthread.h>
#include <linux/completion.h>
#include <linux/irqflags.h>
#include <linux/rtc.h>
#include <linux/mc146818rtc.h>
#include <asm/irqflags.h>

#define READER_READS    9
#define READER_RATE     64      /* Hz: about 4 jiffies a period at HZ=250 */

struct rtc_reader {
	unsigned long data[READER_READS];
	unsigned long when[READER_READS];       /* jiffies at each return */
	int ret;
	int done_reads;
	struct completion done;
};

static int rtc_reader_fn(void *arg)
{
	struct rtc_reader *r = arg;
	int i;

	for (i = 0; i < READER_READS; i++) {
		r->ret = rtc_read_wait(&r->data[i], 2 * HZ);
		r->when[i] = jiffies;
		if (r->ret)
			break;
		WRITE_ONCE(r->done_reads, i + 1);
	}
	complete(&r->done);
	/* Stay until kthread_stop(), so the task is there to be stopped. */
	for (;;) {
		set_current_state(TASK_INTERRUPTIBLE);
		if (kthread_should_stop())
			break;
		schedule();
	}
	__set_current_state(TASK_RUNNING);
	return 0;
}

/* Empty what earlier users left in the read word. */
static void rtc_drain(void)
{
	unsigned long d;

	while (!rtc_read_wait(&d, 0))
		;
}

static int rtc_dev_suite_init(struct kunit_suite *suite)
{
	(void)suite;
	if (irqs_disabled())
		return -EINVAL;
	return 0;
}

/*
 * A kthread blocks in rtc_read_wait() while periodic interrupts are off:
 * it is asleep (S) and stays so; turning PIE on wakes it within a period
 * or two, and its reads follow the chip's rate as measured in jiffies.
 */
static void rtc_reader_sleeps_until_periodic_irq(struct kunit *test)
{
	unsigned int old_freq = rtc_irq_get_freq();
	bool old_state = rtc_irq_get_state();
	static struct rtc_reader r;
	struct task_struct *t;
	unsigned long nvcsw0, j0, total = 0, expected, span;
	int i, waited;

	KUNIT_ASSERT_EQ(test, rtc_irq_set_freq(READER_RATE), 0);
	rtc_irq_set_state(false);
	rtc_drain();
	memset(&r, 0, sizeof(r));
	init_completion(&r.done);

	t = kthread_run(rtc_reader_fn, &r, "rtc_reader");
	KUNIT_ASSERT_FALSE(test, IS_ERR(t));

	for (waited = 0; waited < 500; waited++) {
		if (READ_ONCE(t->__state) == TASK_INTERRUPTIBLE)
			break;
		msleep(1);
	}
	KUNIT_EXPECT_EQ(test, task_state_char(t), 'S');
	nvcsw0 = READ_ONCE(t->nvcsw);

	/* No interrupt, no wake-up: it must still be asleep, with no reads. */
	msleep(40);
	KUNIT_EXPECT_EQ(test, task_state_char(t), 'S');
	KUNIT_EXPECT_EQ(test, READ_ONCE(r.done_reads), 0);
	KUNIT_EXPECT_FALSE(test, completion_done(&r.done));

	j0 = jiffies;
	rtc_irq_set_state(true);
	KUNIT_EXPECT_GT(test, wait_for_completion_timeout(&r.done, 5 * HZ), 0);
	rtc_irq_set_state(false);

	KUNIT_EXPECT_EQ(test, r.ret, 0);
	KUNIT_EXPECT_EQ(test, r.done_reads, READER_READS);
	if (r.done_reads == READER_READS) {
		for (i = 0; i < READER_READS; i++) {
			KUNIT_EXPECT_GE(test, r.data[i] / RTC_IRQ_DATA_ONE, 1);
			/* IRQF and PF; UF may be there too: register C sets
			 * it every second whether UIE is on or not. */
			KUNIT_EXPECT_EQ(test, r.data[i] & (RTC_IRQF | RTC_PF),
					(unsigned long)(RTC_IRQF | RTC_PF));
			if (i)
				total += r.data[i] / RTC_IRQ_DATA_ONE;
		}
		/* The first wake-up: within a few periods of PIE on (one
		 * period is HZ / 64, about 4 jiffies; a loaded TCG host can add
		 * tens of ms), not at the 2 s timeout. */
		kunit_info(test, "first read after %lu jiffies", r.when[0] - j0);
		KUNIT_EXPECT_LE(test, r.when[0] - j0, HZ / 4);
		/* Reads 2..9 cover (when[8] - when[0]) jiffies of the rate. */
		span = r.when[READER_READS - 1] - r.when[0];
		expected = span * READER_RATE / HZ;
		kunit_info(test, "%lu interrupts read in %lu jiffies (%lu expected)",
			   total, span, expected);
		KUNIT_EXPECT_GE(test, total, READER_READS - 1);
		/* Wide bounds: on a loaded host TCG loses ticks, so jiffies
		 * can run slow against the RTC by a third or more. */
		KUNIT_EXPECT_GE(test, total + 1, expected / 2);
		KUNIT_EXPECT_LE(test, total, expected * 2 + 3);
	}
	/* It slept in (nearly) every read: a voluntary switch each time. */
	KUNIT_EXPECT_GE(test, READ_ONCE(t->nvcsw) - nvcsw0, READER_READS / 2);

	KUNIT_EXPECT_EQ(test, kthread_stop(t), 0);
	rtc_drain();
	rtc_irq_set_freq(old_freq);
	rtc_irq_set_state(old_state);
}

/*
 * The read word accumulates: at 1024 Hz a reader that is slower than the
 * chip gets several interrupts per read, and the counts it reads add up to
 * exactly the interrupts the handler took - none lost, none twice.
 */
static void rtc_reads_add_up_to_irq_count(struct kunit *test)
{
	unsigned int old_freq = rtc_irq_get_freq();
	bool old_state = rtc_irq_get_state();
	unsigned long c0, c1, d, sum = 0, most = 0;
	int i, ret;

	KUNIT_ASSERT_EQ(test, rtc_irq_set_freq(1024), 0);
	rtc_irq_set_state(false);
	rtc_drain();
	c0 = rtc_irq_count();
	rtc_irq_set_state(true);
	for (i = 0; i < 20; i++) {
		ret = rtc_read_wait(&d, HZ);
		KUNIT_EXPECT_EQ(test, ret, 0);
		if (ret)
			break;
		sum += d / RTC_IRQ_DATA_ONE;
		if (d / RTC_IRQ_DATA_ONE > most)
			most = d / RTC_IRQ_DATA_ONE;
		if (i % 4 == 3)
			mdelay(5);      /* ~5 periods go by unread */
	}
	rtc_irq_set_state(false);
	while (!rtc_read_wait(&d, 0))
		sum += d / RTC_IRQ_DATA_ONE;
	c1 = rtc_irq_count();

	kunit_info(test, "%lu interrupts, read %lu, at most %lu in one read",
		   c1 - c0, sum, most);
	KUNIT_EXPECT_EQ(test, sum, c1 - c0);
	KUNIT_EXPECT_GE(test, sum, 20);
	KUNIT_EXPECT_GE(test, most, 2);

	rtc_irq_set_freq(old_freq);
	rtc_irq_set_state(old_state);
}

/* With nothing coming, a read times out or refuses to sleep. */
static void rtc_read_without_irq(struct kunit *test)
{
	bool old_state = rtc_irq_get_state();
	unsigned long d = 0xdead, j0, flags;
	int ret;

	rtc_irq_set_state(false);
	rtc_drain();
	KUNIT_EXPECT_EQ(test, rtc_read_wait(&d, 0), -EAGAIN);

	j0 = jiffies;
	ret = rtc_read_wait(&d, HZ / 10);
	KUNIT_EXPECT_EQ(test, ret, -ETIMEDOUT);
	KUNIT_EXPECT_GE(test, jiffies - j0, HZ / 10);
	KUNIT_EXPECT_LE(test, jiffies - j0, HZ / 10 + HZ / 2);
	KUNIT_EXPECT_EQ(test, d, 0xdead);

	/* Interrupts off: sleeping could never end, so it does not. */
	local_irq_save(flags);
	ret = rtc_read_wait(&d, HZ);
	local_irq_restore(flags);
	KUNIT_EXPECT_EQ(test, ret, -EAGAIN);

	rtc_irq_set_state(old_state);
}

static struct kunit_case rtc_dev_cases[] = {
	KUNIT_CASE(rtc_reader_sleeps_until_periodic_irq),
	KUNIT_CASE(rtc_reads_add_up_to_irq_count),
	KUNIT_CASE(rtc_read_without_irq),
	{}
};

static struct kunit_suite rtc_dev_suite = {
	.name = "rtc_dev",
	.suite_init = rtc_dev_suite_init,
	.test_cases = rtc_dev_cases,
};
kunit_test_suite(rtc_dev_suite);
