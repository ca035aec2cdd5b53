// SPDX-License-Identifier: MIT
/*
 * Host tests for kernel/irq/spurious.c, the "nobody cared" detector:
 * its exact thresholds (a window of 100,000 interrupts, disabled when more
 * than 99,900 of them were IRQ_NONE), the HZ/10 spacing that restarts the
 * count, the report's text, what disabling does to the line, bogus return
 * values, "noirqdebug", polling of a disabled line every HZ/10, a new
 * shared handler bringing the line back, and irqfixup/irqpoll.
 *
 * jiffies starts 300 s before it wraps, as Linux's INITIAL_JIFFIES does,
 * so the spacing tests cross the wrap.
 */
#include <linux/kernel.h>
#include <linux/irq.h>
#include <linux/irqdesc.h>
#include <linux/interrupt.h>
#include <linux/jiffies.h>
#include <linux/string.h>
#include "irq_host.h"
#include "tap.h"
#include <pthread.h>
#include <unistd.h>

#define IRQ 10
#define WINDOW 100000
#define THRESHOLD 99900

static struct fake_dev a, b, c, d;

/* An edge line (fake_chip) with a and b sharing it; both say IRQ_NONE. */
static void shared_line(irq_flow_handler_t flow)
{
	irq_host_reset();
	a = (struct fake_dev){ .name = "a", .ret = IRQ_NONE };
	b = (struct fake_dev){ .name = "b", .ret = IRQ_NONE };
	c = (struct fake_dev){ .name = "c", .ret = IRQ_HANDLED };
	d = (struct fake_dev){ .name = "d", .ret = IRQ_HANDLED };
	setup_line(IRQ, &fake_chip, flow);
	if (request_irq(IRQ, fake_handler, IRQF_SHARED, "a", &a) ||
	    request_irq(IRQ, fake_handler2, IRQF_SHARED, "b", &b))
		printf("Bail out! request_irq failed\n"), exit(1);
	trace_clear();
	log_clear();
}

static void free_all(unsigned int irq)
{
	while (D(irq)->action)
		free_irq(irq, D(irq)->action->dev_id);
}

/* @n interrupts, a answering @ret_a and b @ret_b, every @step jiffies. */
static void storm(unsigned int n, irqreturn_t ret_a, irqreturn_t ret_b, unsigned long step)
{
	a.ret = ret_a;
	b.ret = ret_b;
	irq_trace_on = false;
	for (unsigned int i = 0; i < n; i++) {
		jiffies += step;
		raise_irq(IRQ);
	}
	irq_trace_on = true;
	trace_clear();
}

static bool spurious_disabled(void)
{
	return D(IRQ)->istate & IRQS_SPURIOUS_DISABLED;
}

static const char *handler_line(irq_handler_t h, const char *name)
{
	static char buf[2][64];
	static int i;

	i ^= 1;
	irqos_snprintf(buf[i], sizeof(buf[i]), "[<%016lx>] %s\n", (unsigned long)h, name);
	return buf[i];
}

/* ---------------------------------------------------- the threshold */
static void test_nobody_cared(void)
{
	const char *p_cared, *p_handlers, *p_a, *p_b, *p_dis;

	shared_line(handle_edge_irq);
	storm(WINDOW - 1, IRQ_NONE, IRQ_NONE, 0);
	ok(!spurious_disabled(), "99,999 unhandled: not yet disabled");
	is_int(D(IRQ)->irq_count, WINDOW - 1, "99,999 unhandled: irq_count");
	is_int(D(IRQ)->irqs_unhandled, WINDOW - 1, "99,999 unhandled: irqs_unhandled");
	is_int(D(IRQ)->depth, 0, "99,999 unhandled: depth 0");
	is_str(host_log, "", "99,999 unhandled: nothing reported");
	is_int(host_dump_stacks, 0, "99,999 unhandled: no backtrace");

	raise_irq(IRQ);
	ok(spurious_disabled(), "100,000th unhandled: IRQS_SPURIOUS_DISABLED");
	is_str(irq_trace, "ack h:a h:b mask", "100,000th: handlers ran, then the line was masked");
	is_int(D(IRQ)->depth, 1, "disabled: depth 0 -> 1");
	ok(dstate(IRQ) & IRQD_IRQ_DISABLED, "disabled: IRQD_IRQ_DISABLED");
	ok((dstate(IRQ) & IRQD_IRQ_MASKED) && fake_hw[IRQ].masked, "disabled: masked at once");
	is_int(host_dump_stacks, 1, "report: one backtrace");
	p_cared = strstr(host_log, "irq 10: nobody cared (try booting with the \"irqpoll\" option)\n");
	p_handlers = strstr(host_log, "handlers:\n");
	p_a = strstr(host_log, handler_line(fake_handler, "fake_handler"));
	p_b = strstr(host_log, handler_line(fake_handler2, "fake_handler2"));
	p_dis = strstr(host_log, "Disabling IRQ #10\n");
	ok(p_cared, "report: \"irq 10: nobody cared (try booting with the \\\"irqpoll\\\" option)\"");
	ok(p_handlers, "report: \"handlers:\"");
	ok(p_a, "report: names fake_handler with its address");
	ok(p_b, "report: names fake_handler2 with its address");
	ok(p_dis, "report: \"Disabling IRQ #10\"");
	ok(p_cared && p_handlers && p_a && p_b && p_dis &&
	   p_cared < p_handlers && p_handlers < p_a && p_a < p_b && p_b < p_dis,
	   "report: in order, handlers in chain order");
	is_int(D(IRQ)->irq_count, 0, "new window: irq_count 0");
	is_int(D(IRQ)->irqs_unhandled, 0, "new window: irqs_unhandled 0");

	raise_irq(IRQ);
	is_int(a.calls, WINDOW, "disabled line: handlers no longer run");
	ok(D(IRQ)->istate & IRQS_PENDING, "disabled line: interrupt left pending");
	free_all(IRQ);

	/* Level flow: disabled in the middle, the flow does not unmask. */
	shared_line(handle_level_irq);
	storm(WINDOW - 1, IRQ_NONE, IRQ_NONE, 0);
	raise_irq(IRQ);
	is_str(irq_trace, "mask_ack h:a h:b", "level: the 100,000th leaves the line masked");
	ok(spurious_disabled() && fake_hw[IRQ].masked && D(IRQ)->depth == 1, "level: disabled, masked, depth 1");
	free_all(IRQ);
}

static void test_threshold(void)
{
	/* 99,901 unhandled then 99 handled: 100,000 in the window, more than
	 * 99,900 unhandled - disabled on the 100,000th, a handled one. */
	shared_line(handle_edge_irq);
	storm(THRESHOLD + 1, IRQ_NONE, IRQ_NONE, 0);
	storm(98, IRQ_HANDLED, IRQ_NONE, 0);
	ok(!spurious_disabled(), "99,901 unhandled + 98 handled: not yet");
	is_int(D(IRQ)->irqs_unhandled, THRESHOLD + 1, "handled interrupts do not reset irqs_unhandled");
	storm(1, IRQ_HANDLED, IRQ_NONE, 0);
	ok(spurious_disabled(), "99,901 unhandled of 100,000: disabled");
	ok(log_has("irq 10: nobody cared"), "99,901 of 100,000: reported");
	free_all(IRQ);

	/* 99,900 unhandled of 100,000: not disabled; the window restarts. */
	shared_line(handle_edge_irq);
	storm(THRESHOLD, IRQ_NONE, IRQ_NONE, 0);
	storm(WINDOW - THRESHOLD, IRQ_NONE, IRQ_HANDLED, 0);
	ok(!spurious_disabled(), "99,900 unhandled of 100,000: not disabled");
	is_str(host_log, "", "99,900 of 100,000: nothing reported");
	is_int(D(IRQ)->depth, 0, "99,900 of 100,000: depth 0");
	is_int(D(IRQ)->irq_count, 0, "99,900 of 100,000: window restarted (irq_count 0)");
	is_int(D(IRQ)->irqs_unhandled, 0, "99,900 of 100,000: irqs_unhandled 0");
	storm(1000, IRQ_HANDLED, IRQ_HANDLED, 0);
	is_int(D(IRQ)->irq_count, 0, "handled interrupts alone open no window");
	free_all(IRQ);
}

static void test_spacing(void)
{
	unsigned long j0;

	/* More than HZ/10 between unhandled interrupts: never a storm. */
	shared_line(handle_edge_irq);
	jiffies = -300UL * HZ;
	j0 = jiffies;
	storm(WINDOW - 1, IRQ_NONE, IRQ_NONE, HZ / 10 + 1);
	ok((long)(jiffies - j0) > 0 && jiffies < j0, "jiffies wrapped during the run");
	is_int(D(IRQ)->irqs_unhandled, 1, "spaced out: count restarts at 1 each time");
	is_int(D(IRQ)->irq_count, WINDOW - 1, "spaced out: but every one is in the window");
	storm(1, IRQ_NONE, IRQ_NONE, HZ / 10 + 1);
	ok(!spurious_disabled(), "unhandled every HZ/10+1 jiffies: never disabled");
	storm(WINDOW, IRQ_NONE, IRQ_NONE, HZ / 10 + 1);
	ok(!spurious_disabled(), "200,000 spaced out: still not disabled");
	is_str(host_log, "", "spaced out: nothing reported");
	free_all(IRQ);

	/* Exactly HZ/10 apart is still "in quick succession". */
	shared_line(handle_edge_irq);
	jiffies = -300UL * HZ;
	storm(WINDOW, IRQ_NONE, IRQ_NONE, HZ / 10);
	ok(spurious_disabled(), "unhandled every HZ/10 jiffies: disabled");
	free_all(IRQ);

	/* A storm in one jiffy just before jiffies wraps: last_unhandled +
	 * HZ/10 wraps to a small number, which a plain ">" would take as
	 * long ago, restarting the count on every interrupt. */
	shared_line(handle_edge_irq);
	jiffies = -10UL;
	storm(WINDOW, IRQ_NONE, IRQ_NONE, 0);
	ok(spurious_disabled(), "storm at the jiffies wrap: disabled (wrap-safe comparison)");
	free_all(IRQ);

	/* One long pause in a storm restarts the count. */
	shared_line(handle_edge_irq);
	storm(WINDOW / 2, IRQ_NONE, IRQ_NONE, 0);
	jiffies += HZ / 10 + 1;
	storm(WINDOW / 2, IRQ_NONE, IRQ_NONE, 0);
	ok(!spurious_disabled(), "a pause of HZ/10+1 in the middle: not disabled");
	is_int(D(IRQ)->irqs_unhandled, 0, "window ended with the restarted count below threshold");
	free_all(IRQ);
}

static void test_bogus_and_shared(void)
{
	/* Bogus return value: reported, not counted as unhandled. */
	shared_line(handle_edge_irq);
	free_irq(IRQ, &b);
	a.ret = (irqreturn_t)0x10;
	raise_irq(IRQ);
	ok(log_has("irq event 10: bogus return value 10\n"), "bogus return: \"irq event 10: bogus return value 10\"");
	ok(!log_has("nobody cared"), "bogus return: not \"nobody cared\"");
	is_int(host_dump_stacks, 1, "bogus return: backtrace");
	ok(log_has("handlers:\n") && log_has(handler_line(fake_handler, "fake_handler")),
	   "bogus return: handlers listed");
	is_int(D(IRQ)->irqs_unhandled, 0, "bogus return: not counted as unhandled");
	is_int(D(IRQ)->irq_count, 0, "bogus return: not counted in the window");
	ok(!spurious_disabled(), "bogus return: line not disabled");
	/* OR-ed with another handler's IRQ_HANDLED: still bogus. */
	ok(!request_irq(IRQ, fake_handler2, IRQF_SHARED, "b", &b), "add b");
	b.ret = IRQ_HANDLED;
	log_clear();
	raise_irq(IRQ);
	ok(log_has("irq event 10: bogus return value 11\n"), "bogus OR handled: \"bogus return value 11\"");
	/* IRQ_WAKE_THREAD and IRQ_HANDLED|IRQ_WAKE_THREAD are not bogus. */
	a.ret = IRQ_WAKE_THREAD;
	b.ret = IRQ_HANDLED;
	log_clear();
	raise_irq(IRQ);
	ok(!log_has("bogus"), "IRQ_HANDLED|IRQ_WAKE_THREAD: not bogus");
	free_all(IRQ);

	/* One handler says IRQ_NONE, another IRQ_HANDLED: handled. */
	shared_line(handle_edge_irq);
	storm(1000, IRQ_NONE, IRQ_HANDLED, 0);
	is_int(b.calls, 1000, "NONE then HANDLED: both run every time");
	is_int(a.calls, 1000, "NONE then HANDLED: the first one too");
	is_int(D(IRQ)->irqs_unhandled, 0, "NONE then HANDLED: not unhandled");
	is_int(D(IRQ)->irq_count, 0, "NONE then HANDLED: no window opened");
	storm(1000, IRQ_HANDLED, IRQ_NONE, 0);
	is_int(D(IRQ)->irqs_unhandled, 0, "HANDLED then NONE: not unhandled");
	storm(WINDOW, IRQ_HANDLED, IRQ_NONE, 0);
	ok(!spurious_disabled(), "100,000 with one handler claiming each: not disabled");
	free_all(IRQ);

	/* A new handler gets a fresh window. */
	shared_line(handle_edge_irq);
	free_irq(IRQ, &b);
	storm(WINDOW / 2, IRQ_NONE, IRQ_NONE, 0);
	is_int(D(IRQ)->irqs_unhandled, WINDOW / 2, "half a storm counted");
	ok(!request_irq(IRQ, fake_handler2, IRQF_SHARED, "b", &b), "add b");
	is_int(D(IRQ)->irq_count, 0, "new handler: irq_count 0");
	is_int(D(IRQ)->irqs_unhandled, 0, "new handler: irqs_unhandled 0");
	free_all(IRQ);

	/* noirqdebug: the detector is off. */
	shared_line(handle_edge_irq);
	noirqdebug = 1;
	storm(WINDOW + 1, IRQ_NONE, IRQ_NONE, 0);
	ok(!spurious_disabled(), "noirqdebug: 100,001 unhandled, not disabled");
	is_int(D(IRQ)->irqs_unhandled, 0, "noirqdebug: nothing counted");
	is_int(D(IRQ)->irq_count, 0, "noirqdebug: no window");
	is_str(host_log, "", "noirqdebug: nothing reported");
	noirqdebug = 0;
	free_all(IRQ);
}

/* -------------------------------------- polling, and coming back */
static void test_poll_and_reenable(void)
{
	unsigned long j;

	/* Another, healthy line whose handler must not be polled. */
	shared_line(handle_edge_irq);
	setup_line(11, &fake_chip, handle_edge_irq);
	ok(!request_irq(11, fake_handler, IRQF_SHARED, "d", &d), "healthy shared line 11");
	jiffies = 1000;
	storm(WINDOW, IRQ_NONE, IRQ_NONE, 0);
	ok(spurious_disabled(), "line 10 disabled as spurious");
	j = jiffies;
	ok(host_mod_timer_calls > 0, "disabling arms poll_spurious_irq_timer");
	is_int(host_mod_timer_expires, j + HZ / 10, "poll timer due HZ/10 later");
	a.calls = b.calls = 0;

	jiffies = j + HZ / 10 - 1;
	poll_spurious_irqs();
	is_int(a.calls + b.calls, 0, "poll before HZ/10: handlers not run");
	jiffies = j + HZ / 10;
	poll_spurious_irqs();
	is_str(irq_trace, "h:a h:b", "poll after HZ/10: every handler of the line, no chip calls");
	is_int(a.calls, 1, "poll: a once");
	is_int(b.calls, 1, "poll: b once");
	ok(a.saw_inprogress, "poll: IRQD_IRQ_INPROGRESS while polling");
	ok(!(dstate(IRQ) & IRQD_IRQ_INPROGRESS), "poll: INPROGRESS cleared afterwards");
	is_int(d.calls, 0, "poll: a healthy line is not polled");
	ok(spurious_disabled() && fake_hw[IRQ].masked, "poll: line stays disabled and masked");
	poll_spurious_irqs();
	is_int(a.calls, 1, "poll again at the same jiffy: nothing");
	jiffies = j + 2 * (HZ / 10) - 1;
	poll_spurious_irqs();
	is_int(a.calls, 1, "next poll not before another HZ/10");
	jiffies = j + 2 * (HZ / 10);
	poll_spurious_irqs();
	is_int(a.calls, 2, "next poll after another HZ/10");
	is_int(D(IRQ)->irqs_unhandled, 0, "polling does not count unhandled interrupts");

	/* A new sharer brings the line back. */
	trace_clear();
	ok(!request_irq(IRQ, fake_handler, IRQF_SHARED, "c", &c), "new sharer on the spurious line");
	ok(!spurious_disabled(), "new sharer: IRQS_SPURIOUS_DISABLED cleared");
	is_int(D(IRQ)->depth, 0, "new sharer: depth back to 0");
	ok(!(dstate(IRQ) & IRQD_IRQ_DISABLED), "new sharer: enabled");
	is_str(irq_trace, "unmask", "new sharer: line unmasked");
	ok(!fake_hw[IRQ].masked, "new sharer: hardware unmasked");
	trace_clear();
	raise_irq(IRQ);
	is_str(irq_trace, "ack h:a h:b h:c", "re-enabled: all three handlers run");
	jiffies += 10 * HZ;
	a.calls = 0;
	poll_spurious_irqs();
	is_int(a.calls, 0, "re-enabled: no longer polled");
	free_all(IRQ);
	free_all(11);

	/* Disabled as spurious while also disabled by a driver: the new
	 * sharer undoes only the spurious disable. */
	shared_line(handle_edge_irq);
	disable_irq(IRQ);
	enable_irq(IRQ);
	storm(WINDOW, IRQ_NONE, IRQ_NONE, 0);
	disable_irq(IRQ);
	is_int(D(IRQ)->depth, 2, "spurious + driver disable: depth 2");
	ok(!request_irq(IRQ, fake_handler, IRQF_SHARED, "c", &c), "new sharer");
	is_int(D(IRQ)->depth, 1, "new sharer: depth 1, the driver's disable stays");
	ok(dstate(IRQ) & IRQD_IRQ_DISABLED, "new sharer: still disabled for the driver");
	enable_irq(IRQ);
	ok(!(dstate(IRQ) & IRQD_IRQ_DISABLED), "driver's enable: enabled");
	free_all(IRQ);

	/* Freed entirely and requested again: a fresh start. */
	shared_line(handle_edge_irq);
	storm(WINDOW, IRQ_NONE, IRQ_NONE, 0);
	free_all(IRQ);
	ok(!request_irq(IRQ, fake_handler, 0, "c", &c), "request after freeing a spurious line");
	ok(!spurious_disabled() && D(IRQ)->depth == 0 && !(dstate(IRQ) & IRQD_IRQ_DISABLED),
	   "fresh start: enabled, not spurious");
	raise_irq(IRQ);
	is_int(c.calls, 1, "fresh start: handler runs");
	free_all(IRQ);
}

/* ------------------------------------------------ irqfixup / irqpoll */
static void test_misrouted(void)
{
	/* Line 10: a non-shared handler that never claims. Line 11: a shared
	 * device that does. Line 12: non-shared, claims - never polled. */
	shared_line(handle_edge_irq);
	free_irq(IRQ, &b);
	setup_line(11, &fake_chip, handle_edge_irq);
	setup_line(12, &fake_chip, handle_edge_irq);
	ok(!request_irq(11, fake_handler, IRQF_SHARED, "c", &c), "shared line 11");
	ok(!request_irq(12, fake_handler, 0, "d", &d), "non-shared line 12");
	irqfixup = IRQ_MISROUTED_FIXUP;
	trace_clear();
	raise_irq(IRQ);
	is_str(irq_trace, "ack h:a h:c", "irqfixup: unclaimed interrupt tried on shared line 11");
	is_int(d.calls, 0, "irqfixup: a non-shared line is not tried");
	is_int(D(IRQ)->irqs_unhandled, 0, "irqfixup: claimed elsewhere, not unhandled");
	storm(WINDOW, IRQ_NONE, IRQ_NONE, 0);
	ok(!spurious_disabled(), "irqfixup: misrouted storm claimed elsewhere, not disabled");
	is_int(c.calls, WINDOW + 1, "irqfixup: line 11's handler ran for each");
	/* Line 11 disabled: not tried. */
	disable_irq(11);
	c.calls = 0;
	raise_irq(IRQ);
	is_int(c.calls, 0, "irqfixup: a disabled line is not tried");
	is_int(D(IRQ)->irqs_unhandled, 1, "irqfixup: nobody claimed it, counted");
	enable_irq(11);
	/* Claimed by its own handler: nothing tried. */
	a.ret = IRQ_HANDLED;
	raise_irq(IRQ);
	is_int(c.calls, 0, "irqfixup: a claimed interrupt is not tried elsewhere");

	/* irqpoll: the timer's interrupt polls every shared line. */
	setup_line(0, &fake_chip, handle_edge_irq);
	{
		static struct fake_dev t = { .name = "timer", .ret = IRQ_HANDLED };

		ok(!request_irq(0, fake_handler, IRQF_TIMER | IRQF_IRQPOLL, "timer", &t), "timer with IRQF_IRQPOLL");
		raise_irq(0);
		is_int(c.calls, 0, "irqfixup only: the timer does not poll");
		irqfixup = IRQ_MISROUTED_POLL;
		raise_irq(0);
		is_int(c.calls, 1, "irqpoll: the timer's interrupt polls line 11");
		is_int(d.calls, 0, "irqpoll: not the non-shared line 12");
		free_all(0);
	}
	irqfixup = 0;
	free_all(IRQ);
	free_all(11);
	free_all(12);
}

/*
 * irqfixup polls line 11 (its handler runs with IRQD_IRQ_INPROGRESS set)
 * while line 11's own interrupt arrives on another CPU. That interrupt
 * must not be lost: it is handled once the poll is over, and the line is
 * not left masked. (A real thread plays the other CPU: it must be able to
 * wait for the poll to finish.)
 */
static volatile int poll_started;

static void hook_block_in_poll(struct fake_dev *dev, int irq)
{
	if ((D(irq)->istate & IRQS_POLL_INPROGRESS) && !poll_started) {
		poll_started = 1;
		usleep(200 * 1000);
	}
}

static void *line11_on_other_cpu(void *arg)
{
	while (!poll_started)
		usleep(1000);
	generic_handle_irq(11);	/* not raise_irq_on: see test_irq_manage.c */
	return NULL;
}

static void test_interrupt_during_poll(irq_flow_handler_t flow, const char *what)
{
	pthread_t t;

	shared_line(handle_edge_irq);
	free_irq(IRQ, &b);
	setup_line(11, &fake_chip, flow);
	ok(!request_irq(11, fake_handler, IRQF_SHARED, "c", &c), "%s: shared line 11", what);
	c.hook = hook_block_in_poll;
	irqfixup = IRQ_MISROUTED_FIXUP;
	irq_trace_on = false;
	poll_started = 0;
	host_irq_flags = 0;	/* both "CPUs" agree: interrupts off */
	pthread_create(&t, NULL, line11_on_other_cpu, NULL);
	raise_irq(IRQ);
	pthread_join(t, NULL);
	host_irq_flags = 0x200;
	irq_trace_on = true;
	ok(poll_started, "%s: line 11 was polled", what);
	is_int(c.calls, 2, "%s: line 11's own interrupt during the poll was handled", what);
	ok(!fake_hw[11].masked, "%s: line 11 not left masked", what);
	ok(!(D(11)->istate & IRQS_PENDING), "%s: nothing left pending on line 11", what);
	irqfixup = 0;
	c.hook = NULL;
	free_all(IRQ);
	free_all(11);
}

int main(void)
{
	alarm(300);
	jiffies = -300UL * HZ;
	test_nobody_cared();
	test_threshold();
	test_spacing();
	test_bogus_and_shared();
	test_poll_and_reenable();
	test_misrouted();
	test_interrupt_during_poll(handle_edge_irq, "edge");
	test_interrupt_during_poll(handle_level_irq, "level");
	irq_host_reset();
	is_int(host_live_allocs, 0, "every irqaction freed");
	return done_testing();
}
