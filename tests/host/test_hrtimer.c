// SPDX-License-Identifier: MIT
/*
 * Host tests for hrtimers (kernel/time/hrtimer.c) on a fake monotonic
 * clock. The clock event device is simulated: hrtimer.c asks
 * tick_program_next_event() to program it, the test records that
 * request, moves the clock and "fires" the interrupt, which - as the
 * LAPIC timer's handler does - calls hrtimer_interrupt() in hard
 * interrupt context, whose irq_exit() runs HRTIMER_SOFTIRQ. Checked:
 * timers run in expiry order, never before their time, hard ones in
 * hardirq and soft ones in the softirq; the device is programmed for the
 * first timer, and reprogrammed when an earlier one is armed; re-arming
 * moves a timer; cancelled timers never run; HRTIMER_RESTART with
 * hrtimer_forward() keeps a period and counts overruns; a soft timer
 * does not keep the device programmed in the past while its softirq is
 * pending.
 */
#include <linux/kernel.h>
#include <linux/interrupt.h>
#include <linux/hardirq.h>
#include <linux/hrtimer.h>
#include <linux/clockchips.h>
#include <linux/sched.h>
#include <linux/cpumask.h>
#include <linux/percpu.h>
#include "tap.h"
#include "softirq_host.h"

/* --- the simulated clock event device and the rest of the kernel ---- */

static ktime_t programmed = KTIME_MAX;   /* what the device was asked for */
static unsigned int programs;

void tick_program_next_event(void)
{
	programmed = hrtimer_next_event();
	programs++;
}

bool tick_oneshot_active(void) { return true; }
/* __cpu_online_mask, current_task, wake_up_process() and schedule() come
 * from tests/host/ksoftirqd_host.c, shared with the other softirq tests. */
int shell_printf(const char *fmt, ...) { return 0; }

static void event_handler(void)
{
	hrtimer_interrupt();
}

/* Move the clock to @t; if the device is due by then, take its interrupt. */
static void advance_to(ktime_t t)
{
	fake_ns = t;
	if (programmed <= t) {
		programmed = KTIME_MAX;
		host_interrupt(event_handler);
		tick_program_next_event();   /* as tick_handle_oneshot() does */
	}
}

struct probe {
	struct hrtimer timer;
	char name;
	unsigned int fired;
	ktime_t fired_at;
	unsigned long ctx;
	unsigned int restarts;
	ktime_t period;
	u64 overruns;
};

static char order[64];

static enum hrtimer_restart probe_fn(struct hrtimer *t)
{
	struct probe *p = container_of(t, struct probe, timer);
	size_t n = strlen(order);

	if (n + 1 < sizeof(order)) {
		order[n] = p->name;
		order[n + 1] = '\0';
	}
	p->fired++;
	p->fired_at = (ktime_t)local_clock();
	p->ctx = preempt_count();
	if (p->fired < p->restarts) {
		p->overruns += hrtimer_forward_now(t, p->period);
		return HRTIMER_RESTART;
	}
	return HRTIMER_NORESTART;
}

static void setup(struct probe *p, char name, enum hrtimer_mode mode)
{
	memset(p, 0, sizeof(*p));
	p->name = name;
	hrtimer_init(&p->timer, CLOCK_MONOTONIC, mode);
	p->timer.function = probe_fn;
}

int main(void)
{
	static struct probe a, b, c, d, s;
	ktime_t t0;

	fake_ns = 1000000;
	t0 = 1000000;
	setup(&a, 'a', HRTIMER_MODE_REL);
	ok(!hrtimer_active(&a.timer), "initialised: not active");
	hrtimer_start(&a.timer, 300000, HRTIMER_MODE_REL);
	ok(hrtimer_is_queued(&a.timer) && hrtimer_active(&a.timer), "started: queued and active");
	is_int(programmed, t0 + 300000, "the device is programmed for its expiry");
	advance_to(t0 + 299999);
	is_int(a.fired, 0, "not 1 ns early");
	advance_to(t0 + 300000);
	is_int(a.fired, 1, "fires at its time");
	is_int(a.ctx, HARDIRQ_OFFSET, "in hard interrupt context");
	ok(!hrtimer_active(&a.timer), "inactive after it ran");
	is_int(programmed, KTIME_MAX, "nothing left to program");

	/* Order, and reprogramming for an earlier timer. */
	order[0] = '\0';
	t0 = fake_ns;
	setup(&a, 'a', HRTIMER_MODE_REL); setup(&b, 'b', HRTIMER_MODE_REL);
	setup(&c, 'c', HRTIMER_MODE_REL); setup(&d, 'd', HRTIMER_MODE_ABS);
	hrtimer_start(&c.timer, 3000, HRTIMER_MODE_REL);
	is_int(programmed, t0 + 3000, "c first: programmed for c");
	hrtimer_start(&a.timer, 1000, HRTIMER_MODE_REL);
	is_int(programmed, t0 + 1000, "a earlier: reprogrammed for a");
	hrtimer_start(&b.timer, 2000, HRTIMER_MODE_REL);
	is_int(programmed, t0 + 1000, "b later: still a");
	hrtimer_start(&d.timer, t0 + 2000, HRTIMER_MODE_ABS);   /* same as b: after it */
	advance_to(t0 + 5000);
	is_str(order, "abdc", "one interrupt runs all due timers, in expiry order (FIFO on ties)");

	/* Cancel and re-arm. */
	t0 = fake_ns;
	setup(&a, 'a', HRTIMER_MODE_REL);
	is_int(hrtimer_try_to_cancel(&a.timer), 0, "try_to_cancel of an idle timer: 0");
	hrtimer_start(&a.timer, 1000, HRTIMER_MODE_REL);
	is_int(hrtimer_cancel(&a.timer), 1, "cancel of a queued timer: 1");
	ok(!hrtimer_active(&a.timer), "cancelled: inactive");
	advance_to(t0 + 2000);
	is_int(a.fired, 0, "a cancelled timer never runs");
	hrtimer_start(&a.timer, 1000, HRTIMER_MODE_REL);
	hrtimer_start(&a.timer, 5000, HRTIMER_MODE_REL);
	advance_to(fake_ns + 4999);
	is_int(a.fired, 0, "re-armed later: not at the old time");
	advance_to(fake_ns + 1);
	is_int(a.fired, 1, "re-armed: fires once, at the new time");

	/* A periodic timer: HRTIMER_RESTART after hrtimer_forward_now(). */
	t0 = fake_ns;
	setup(&b, 'b', HRTIMER_MODE_REL);
	b.restarts = 4;
	b.period = 1000;
	hrtimer_start(&b.timer, 1000, HRTIMER_MODE_REL);
	advance_to(t0 + 1000);
	advance_to(t0 + 2000);
	is_int(b.fired, 2, "periodic: fired at +1000 and +2000");
	advance_to(t0 + 5500);                /* two periods missed */
	is_int(b.fired, 3, "late by two periods: runs once");
	is_int(hrtimer_get_expires(&b.timer), t0 + 6000, "forwarded past now, on the period grid");
	is_int(b.overruns, 1 + 1 + 3, "hrtimer_forward_now counted the overruns");
	advance_to(t0 + 6000);
	is_int(b.fired, 4, "fourth run");
	ok(!hrtimer_active(&b.timer), "NORESTART: done");
	advance_to(t0 + 20000);
	is_int(b.fired, 4, "no fifth run");

	/* Soft timers run from HRTIMER_SOFTIRQ. */
	t0 = fake_ns;
	setup(&s, 's', HRTIMER_MODE_REL_SOFT);
	setup(&a, 'a', HRTIMER_MODE_REL_HARD);
	{
		unsigned int before = kstat_softirqs_cpu(HRTIMER_SOFTIRQ, 0);

		hrtimer_start(&s.timer, 500, HRTIMER_MODE_REL);
		is_int(programmed, t0 + 500, "a soft timer programs the device too");
		advance_to(t0 + 500);
		is_int(s.fired, 1, "soft timer ran");
		is_int(s.ctx, SOFTIRQ_OFFSET, "in softirq context, not hardirq");
		is_int(kstat_softirqs_cpu(HRTIMER_SOFTIRQ, 0), before + 1, "one HRTIMER softirq");
	}
	/* A soft timer due while a hard one is pending further out. */
	t0 = fake_ns;
	setup(&s, 's', HRTIMER_MODE_REL_SOFT);
	hrtimer_start(&a.timer, 3000, HRTIMER_MODE_REL);
	hrtimer_start(&s.timer, 1000, HRTIMER_MODE_REL);
	is_int(programmed, t0 + 1000, "the earlier (soft) one is programmed");
	advance_to(t0 + 1000);
	is_int(s.fired + a.fired * 10, 1, "soft ran, hard still waits");
	is_int(programmed, t0 + 3000, "then the hard one is programmed");
	advance_to(t0 + 3000);
	is_int(a.fired, 1, "hard ran at its time");
	is_int(warns, 0, "no WARNs");
	return done_testing();
}
