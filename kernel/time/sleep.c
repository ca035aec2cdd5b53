// SPDX-License-Identifier: MIT
/*
 * msleep() and the shell's "sleep": waiting on a timer_list.
 *
 * Until kernel threads and a scheduler exist there is no task to put to
 * sleep, so msleep() arms a timer on this CPU's wheel and halts between
 * interrupts until TIMER_SOFTIRQ has run its function - the CPU sleeps in
 * "hlt" rather than spinning, and every interrupt (the tick included) is
 * served meanwhile. It must be called with interrupts enabled, from task
 * context. As Linux's msleep(), it waits at least @msecs: the timer is
 * due one jiffy later than the rounded-up length, because the current
 * jiffy is already partly over.
 */
#include <linux/kernel.h>
#include <linux/delay.h>
#include <linux/timer.h>
#include <linux/jiffies.h>
#include <linux/hardirq.h>
#include <linux/irqflags.h>
#include <linux/shell.h>
#include <linux/bug.h>
#include <asm/irqflags.h>

struct sleeper {
	struct timer_list timer;   /* first: the function finds us from it */
	volatile bool done;
};

static void sleeper_wake(struct timer_list *t)
{
	((struct sleeper *)t)->done = true;
}

/**
 * msleep - wait at least @msecs milliseconds, halting between interrupts
 * @msecs: how long
 */
void msleep(unsigned int msecs)
{
	struct sleeper s = { .done = false };

	if (WARN_ON_ONCE(in_interrupt() || irqs_disabled()))
		return;
	timer_setup(&s.timer, sleeper_wake, 0);
	mod_timer(&s.timer, jiffies + msecs_to_jiffies(msecs) + 1);
	while (!s.done)
		native_safe_halt();
	/* done is set inside the function: wait until it has returned
	 * before this stack frame, which holds the timer, goes away. */
	del_timer_sync(&s.timer);
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
