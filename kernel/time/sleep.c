// SPDX-License-Identifier: MIT
/*
 * schedule_timeout(), msleep() and the shell's "sleep": a task sleeping
 * on a timer_list.
 *
 * msleep() puts the calling task to sleep (TASK_UNINTERRUPTIBLE) with
 * schedule_timeout(); the CPU runs other tasks, or idles, meanwhile. As
 * Linux's msleep(), it waits at least @msecs: the timer is due one jiffy
 * later than the rounded-up length, because the current jiffy is already
 * partly over.
 */
#include <linux/kernel.h>
#include <linux/delay.h>
#include <linux/timer.h>
#include <linux/jiffies.h>
#include <linux/sched.h>
#include <linux/shell.h>
#include <linux/bug.h>
#include <linux/printk.h>

struct process_timer {
	struct timer_list timer;
	struct task_struct *task;
};

static void process_timeout(struct timer_list *t)
{
	wake_up_process(container_of(t, struct process_timer, timer)->task);
}

/**
 * schedule_timeout - sleep until woken or @timeout jiffies have passed
 * @timeout: jiffies, or MAX_SCHEDULE_TIMEOUT for no limit
 *
 * The caller sets its state first (TASK_INTERRUPTIBLE, ...); in
 * TASK_RUNNING this only yields the CPU. A timer on this CPU's wheel wakes
 * the task when the time is up; an earlier wake-up (a wait queue, a
 * completion) ends the sleep early and the timer is cancelled.
 *
 * Return: 0 if the time ran out, else the jiffies that were left.
 */
long schedule_timeout(long timeout)
{
	struct process_timer t;
	unsigned long expire;

	if (timeout == MAX_SCHEDULE_TIMEOUT) {
		schedule();
		return timeout;
	}
	if (timeout < 0) {
		printk(KERN_ERR "schedule_timeout: wrong timeout value %lx\n", timeout);
		dump_stack();
		__set_current_state(TASK_RUNNING);
		return 0;
	}
	expire = jiffies + (unsigned long)timeout;
	t.task = current;
	timer_setup(&t.timer, process_timeout, 0);
	mod_timer(&t.timer, expire);
	schedule();
	del_timer_sync(&t.timer);
	timeout = (long)(expire - jiffies);
	return timeout < 0 ? 0 : timeout;
}

long schedule_timeout_interruptible(long timeout)
{
	__set_current_state(TASK_INTERRUPTIBLE);
	return schedule_timeout(timeout);
}

long schedule_timeout_uninterruptible(long timeout)
{
	__set_current_state(TASK_UNINTERRUPTIBLE);
	return schedule_timeout(timeout);
}

long schedule_timeout_idle(long timeout)
{
	__set_current_state(TASK_IDLE);
	return schedule_timeout(timeout);
}

/**
 * msleep - sleep at least @msecs milliseconds
 * @msecs: how long; task context only
 */
void msleep(unsigned int msecs)
{
	long timeout = (long)msecs_to_jiffies(msecs) + 1;

	if (WARN_ON_ONCE(in_atomic() || irqs_disabled()))
		return;
	while (timeout)
		timeout = schedule_timeout_uninterruptible(timeout);
}

/**
 * msleep_interruptible - as msleep(), but a signal ends it early
 * Return: the milliseconds left (0 if it slept the whole time).
 */
unsigned long msleep_interruptible(unsigned int msecs)
{
	long timeout = (long)msecs_to_jiffies(msecs) + 1;

	while (timeout && !signal_pending(current))
		timeout = schedule_timeout_interruptible(timeout);
	return jiffies_to_msecs((unsigned long)timeout);
}

/* "sleep SECONDS[.FRACTION]", as sleep(1) with one operand. */
static int do_sleep(int argc, char **argv)
{
	unsigned long ms = 0, scale = 1000;
	const char *p;

	if (argc != 2) {
		shell_printf("usage: sleep SECONDS\n");
		return 1;
	}
	p = argv[1];
	if (!*p || *p == '.')
		goto bad;
	for (; *p >= '0' && *p <= '9'; p++) {
		ms = ms * 10 + (unsigned long)(*p - '0') * 1000;
		if (ms > 3600UL * 1000)
			goto bad;
	}
	if (*p == '.')
		for (p++; *p >= '0' && *p <= '9'; p++) {
			scale /= 10;
			ms += (unsigned long)(*p - '0') * scale;
		}
	if (*p)
		goto bad;
	msleep(ms);
	return 0;
bad:
	shell_printf("sleep: invalid time interval '%s'\n", argv[1]);
	return 1;
}
DEFINE_SHELL_CMD(sleep, "SECONDS", "wait SECONDS (fractions allowed, at most an hour) on a kernel timer", do_sleep);
