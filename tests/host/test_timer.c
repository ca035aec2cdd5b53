// SPDX-License-Identifier: MIT
/*
 * Host tests for the timer wheel (kernel/time/timer.c), driven the way the
 * kernel drives it: each tick advances jiffies and calls
 * run_local_timers() inside an interrupt, whose irq_exit() runs
 * TIMER_SOFTIRQ (kernel/softirq.c). Checked: a timer fires at exactly its
 * jiffy, in softirq context; timers fire in expiry order; mod_timer() and
 * del_timer() return values and re-arm semantics; an expiry in the past
 * fires at the next tick; timers more than one lap (256 jiffies) out fire
 * on their own lap only; the jiffies wrap; a base that fell behind
 * catches up in order; a function re-arming its timer for "now" runs it
 * at the next tick instead of looping; a function deleting a timer due in
 * the same jiffy; no softirq raised when nothing is due.
 *
 * The levels (cascading): starting with jiffies 2000 before the wrap,
 * timers on both sides of every level boundary up to 2^20 + 2^14 jiffies
 * out fire at exactly their jiffy and in expiry order; timers moved from
 * one level to another by mod_timer() fire only at their new jiffy;
 * deleted timers in higher levels never fire; the cascades really happen
 * (timer_cascades_cpu()) and the softirq runs about once per 256 jiffies,
 * not every tick, while only far timers are queued.
 */
#include <linux/kernel.h>
#include <linux/interrupt.h>
#include <linux/hardirq.h>
#include <linux/jiffies.h>
#include <linux/timer.h>
#include "tap.h"
#include "softirq_host.h"

struct probe {
	struct timer_list timer;      /* first: container of the timer */
	char name;
	unsigned int fired;
	unsigned long fired_at;
	unsigned long ctx;
	bool rearm_now;               /* mod_timer(jiffies) from the function */
	struct timer_list *victim;    /* del_timer() this from the function */
	int victim_ret;
};

static char fired_order[128];

static void probe_fn(struct timer_list *t)
{
	struct probe *p = (struct probe *)t;
	size_t n = strlen(fired_order);

	if (n + 1 < sizeof(fired_order)) {
		fired_order[n] = p->name;
		fired_order[n + 1] = '\0';
	}
	p->fired++;
	p->fired_at = jiffies;
	p->ctx = preempt_count();
	if (p->rearm_now && p->fired < 3)
		mod_timer(t, jiffies);
	if (p->victim)
		p->victim_ret = del_timer(p->victim);
}

static void tick_handler(void)
{
	run_local_timers();
}

/* One tick: jiffies++ and the tick interrupt. */
static void tick(void)
{
	jiffies++;
	host_interrupt(tick_handler);
}

static void ticks(unsigned int n)
{
	while (n--)
		tick();
}

static void setup(struct probe *p, char name)
{
	memset(p, 0, sizeof(*p));
	p->name = name;
	timer_setup(&p->timer, probe_fn, 0);
}

/* --- the levels ------------------------------------------------------ */

struct far {
	struct timer_list timer;
	unsigned long want;           /* the jiffy it must fire at, or 0: never */
	unsigned long fired_at;
	unsigned int fired;
	unsigned int seq;             /* firing order */
};

static unsigned int far_seq;

static void far_fn(struct timer_list *t)
{
	struct far *f = (struct far *)t;

	f->fired++;
	f->fired_at = jiffies;
	f->seq = ++far_seq;
}

#define NFAR 24

static void test_levels(void)
{
	static const unsigned long offs[NFAR] = {
		1, 255, 256, 257, 511, 512, 1000,
		(1UL << 14) - 1, 1UL << 14, (1UL << 14) + 1, 70000,
		(1UL << 20) - 1, 1UL << 20, (1UL << 20) + 1, (1UL << 20) + 2001,
		(1UL << 20) + (1UL << 14),
		/* 16..19: re-armed below; 20..23: deleted below */
		300, 40000, (1UL << 20) + 7, 5,
		600, 30000, (1UL << 20) + 3, 2000,
	};
	static struct far f[NFAR], huge;
	unsigned long j0, sirq0, casc0, last = 0;
	unsigned int i, early = 0, wrong = 0, order = 0;
	unsigned long total = (1UL << 20) + (1UL << 14) + 10;

	jiffies = ~0UL - 2000;             /* the wrap comes 2001 ticks in */
	j0 = jiffies;
	for (i = 0; i < NFAR; i++) {
		memset(&f[i], 0, sizeof(f[i]));
		timer_setup(&f[i].timer, far_fn, 0);
		f[i].want = j0 + offs[i];
		mod_timer(&f[i].timer, f[i].want);
	}
	memset(&huge, 0, sizeof(huge));
	timer_setup(&huge.timer, far_fn, 0);
	mod_timer(&huge.timer, j0 + (1UL << 33));   /* beyond level 4 */

	/* Move between levels: 1 -> 3, 2 -> 0, 3 -> 1, 0 -> 2. */
	f[16].want = j0 + (1UL << 20) + 99;
	is_int(mod_timer(&f[16].timer, f[16].want), 1, "level 1 -> 3: was pending");
	f[17].want = j0 + 3;
	mod_timer(&f[17].timer, f[17].want);
	f[18].want = j0 + 4000;
	mod_timer(&f[18].timer, f[18].want);
	f[19].want = j0 + 50000;
	mod_timer(&f[19].timer, f[19].want);
	for (i = 20; i < NFAR; i++) {
		is_int(del_timer(&f[i].timer), 1, "delete %lu out: was pending", offs[i]);
		f[i].want = 0;
	}

	sirq0 = kstat_softirqs_cpu(TIMER_SOFTIRQ, 0);
	casc0 = timer_cascades_cpu(0);
	for (unsigned long n = 0; n < total; n++) {
		tick();
		if (n == 3000)                /* delete one after it cascaded */
			is_int(del_timer(&f[15].timer), 1, "delete a cascaded 2^20 + 2^14 timer");
	}
	f[15].want = 0;
	for (i = 0; i < NFAR; i++) {
		if (!f[i].want) {
			if (f[i].fired)
				wrong++, printf("# deleted timer %u fired at +%lu\n", i, f[i].fired_at - j0);
			continue;
		}
		if (f[i].fired != 1 || f[i].fired_at != f[i].want) {
			wrong++;
			printf("# timer %u: fired %u times, at +%lu, want +%lu\n", i, f[i].fired,
			     f[i].fired_at - j0, f[i].want - j0);
		}
		if (f[i].fired && time_before(f[i].fired_at, f[i].want))
			early++;
	}
	is_int(wrong, 0, "every timer across levels 0..3 fired once, at exactly its jiffy");
	is_int(early, 0, "none early");
	/* Order: walking the firing sequence, the offsets never go down. */
	for (unsigned int k = 1; k <= far_seq; k++)
		for (i = 0; i < NFAR; i++)
			if (f[i].fired && f[i].seq == k) {
				if (f[i].want - j0 < last)
					order++;
				last = f[i].want - j0;
			}
	is_int(order, 0, "timers fired in expiry order");
	ok(jiffies < j0, "jiffies wrapped during the run");
	is_int(huge.fired, 0, "a timer 2^33 jiffies out has not fired");
	ok(timer_pending(&huge.timer), "and is still pending");
	ok(timer_cascades_cpu(0) - casc0 >= 15, "timers cascaded down levels (%lu)",
	   timer_cascades_cpu(0) - casc0);
	ok(kstat_softirqs_cpu(TIMER_SOFTIRQ, 0) - sirq0 < total / 256 + 64,
	   "TIMER softirq about once per 256 jiffies, not per tick (%u in %lu ticks)",
	   kstat_softirqs_cpu(TIMER_SOFTIRQ, 0) - (unsigned int)sirq0, total);
	is_int(del_timer(&huge.timer), 1, "the far timer deletes");
}

int main(void)
{
	static struct probe a, b, c, d, e, f;
	unsigned long j0;
	unsigned int t0;

	jiffies = 1000;
	setup(&a, 'a');
	ok(!timer_pending(&a.timer), "set up: not pending");
	is_int(mod_timer(&a.timer, jiffies + 5), 0, "mod_timer on an idle timer returns 0");
	ok(timer_pending(&a.timer), "armed: pending");
	is_int(mod_timer(&a.timer, 1000 + 5), 1, "mod_timer on a pending timer returns 1");
	ticks(4);
	is_int(a.fired, 0, "not fired one jiffy early");
	tick();
	is_int(a.fired, 1, "fired at its jiffy");
	is_int(a.fired_at, 1005, "at jiffies == expires");
	is_int(a.ctx, SOFTIRQ_OFFSET, "in softirq context");
	ok(!timer_pending(&a.timer), "not pending after it fired");
	ticks(300);
	is_int(a.fired, 1, "fires once");

	/* Ordering. */
	fired_order[0] = '\0';
	setup(&a, 'a'); setup(&b, 'b'); setup(&c, 'c'); setup(&d, 'd');
	j0 = jiffies;
	mod_timer(&c.timer, j0 + 3);
	mod_timer(&a.timer, j0 + 1);
	mod_timer(&b.timer, j0 + 2);
	mod_timer(&d.timer, j0 + 10);
	is_int(mod_timer(&d.timer, j0 + 2), 1, "moving d earlier: was pending");
	ticks(12);
	ok(!strcmp(fired_order, "abdc") || !strcmp(fired_order, "adbc"), "expiry order (got %s)", fired_order);
	is_int(d.fired, 1, "a moved timer fires once, at its new time");
	is_int(d.fired_at, j0 + 2, "moved to j0+2");
	is_int(b.fired_at, j0 + 2, "b at j0+2");
	is_int(c.fired_at, j0 + 3, "c at j0+3");

	/* del_timer */
	setup(&a, 'a');
	is_int(del_timer(&a.timer), 0, "del_timer of an idle timer returns 0");
	mod_timer(&a.timer, jiffies + 2);
	is_int(del_timer(&a.timer), 1, "del_timer of a pending timer returns 1");
	ok(!timer_pending(&a.timer), "deleted: not pending");
	ticks(5);
	is_int(a.fired, 0, "a deleted timer never fires");
	is_int(del_timer_sync(&a.timer), 0, "del_timer_sync of an idle timer returns 0");
	mod_timer(&a.timer, jiffies + 2);
	is_int(del_timer_sync(&a.timer), 1, "del_timer_sync of a pending timer returns 1");

	/* add_timer and an expiry in the past. */
	setup(&a, 'a');
	a.timer.expires = jiffies - 5;
	add_timer(&a.timer);
	tick();
	is_int(a.fired, 1, "expires in the past: fires at the next tick");

	/* More than one lap of the wheel out. */
	setup(&a, 'a'); setup(&b, 'b');
	j0 = jiffies;
	mod_timer(&a.timer, j0 + 300);
	mod_timer(&b.timer, j0 + 300 + 256);
	ticks(299);
	is_int(a.fired + b.fired, 0, "a long timer does not fire early");
	tick();
	is_int(a.fired, 1, "300 jiffies out: fires at its jiffy");
	is_int(b.fired, 0, "556 out, same bucket: waits another lap");
	ticks(255);
	is_int(b.fired, 0, "not one jiffy early");
	tick();
	is_int(b.fired, 1, "556 out: fires at its jiffy");
	is_int(b.fired_at, j0 + 556, "exactly");

	/* The wrap of jiffies. */
	jiffies = ~0UL - 10;
	setup(&a, 'a');
	mod_timer(&a.timer, jiffies + 20);
	ticks(19);
	is_int(a.fired, 0, "across the wrap: not early");
	tick();
	is_int(a.fired, 1, "across the wrap: fires");
	is_int(a.fired_at, 9, "at the wrapped jiffy");

	/* A base that fell behind (jiffies moved without its ticks). */
	fired_order[0] = '\0';
	setup(&a, 'a'); setup(&b, 'b'); setup(&c, 'c');
	j0 = jiffies;
	mod_timer(&b.timer, j0 + 4);
	mod_timer(&c.timer, j0 + 30);
	mod_timer(&a.timer, j0 + 2);
	jiffies += 9;
	tick();
	is_str(fired_order, "ab", "catching up: both due timers, in order");
	is_int(c.fired, 0, "the later one waits");
	del_timer(&c.timer);

	/* A function re-arming its timer for "now". */
	setup(&e, 'e');
	e.rearm_now = true;
	mod_timer(&e.timer, jiffies + 1);
	tick();
	is_int(e.fired, 1, "re-armed for now: not run again in the same pass");
	ok(timer_pending(&e.timer), "but pending");
	tick();
	is_int(e.fired, 2, "runs at the next tick");
	tick();
	is_int(e.fired, 3, "and the next");
	ticks(3);
	is_int(e.fired, 3, "stops when not re-armed");

	/* A function deleting a timer due in the same jiffy. */
	setup(&e, 'e'); setup(&f, 'f');
	mod_timer(&f.timer, jiffies + 1);
	mod_timer(&e.timer, jiffies + 1);
	e.victim = &f.timer;
	f.victim = &e.timer;
	tick();
	is_int(e.fired + f.fired, 1, "the first of two due timers deletes the other");
	is_int(e.fired ? e.victim_ret : f.victim_ret, 1, "del_timer returned 1 (it was pending)");

	/* Nothing due: no TIMER softirq. */
	setup(&a, 'a');
	mod_timer(&a.timer, jiffies + 50);
	ticks(2);
	t0 = kstat_softirqs_cpu(TIMER_SOFTIRQ, 0);
	ticks(40);
	is_int(kstat_softirqs_cpu(TIMER_SOFTIRQ, 0), t0, "no TIMER softirq while nothing is due");
	ticks(8);
	is_int(a.fired, 1, "fires at +50");
	is_int(kstat_softirqs_cpu(TIMER_SOFTIRQ, 0), t0 + 1, "one TIMER softirq for it");
	test_levels();
	is_int(warns, 0, "no WARNs");
	return done_testing();
}
