// SPDX-License-Identifier: MIT
/*
 * Host tests for the flow handlers of kernel/irq/chip.c and the action walk
 * of kernel/irq/handle.c, against a fake irq_chip that records its calls.
 *
 * For every flow: the exact sequence of chip methods around the handlers;
 * no handler ever runs nested inside itself (an interrupt raised from
 * inside a handler plays the same interrupt arriving on another CPU while
 * the handlers run); an interrupt that cannot be handled now is marked
 * IRQS_PENDING and never lost; and the kstat counting rule, which is:
 * a flow handler counts one interrupt on this CPU when it goes on to run
 * the action chain - not when the line is disabled, has no action or is
 * already being handled (an edge folded into a running invocation and
 * replayed by its loop is not counted again) - except handle_percpu_irq
 * and handle_bad_irq, which count every interrupt.
 */
#include <linux/kernel.h>
#include <linux/irq.h>
#include <linux/irqdesc.h>
#include <linux/interrupt.h>
#include <linux/errno.h>
#include "irq_host.h"
#include "tap.h"
#include <unistd.h>

#define IRQ 10

static struct fake_dev a, b;

static void devs_reset(void)
{
	a = (struct fake_dev){ .name = "a", .ret = IRQ_HANDLED };
	b = (struct fake_dev){ .name = "b", .ret = IRQ_HANDLED };
}

/* A line with chip and flow, one handler "a" requested, trace cleared. */
static void line_with_a(struct irq_chip *chip, irq_flow_handler_t flow, unsigned long flags)
{
	irq_host_reset();
	devs_reset();
	setup_line(IRQ, chip, flow);
	if (request_irq(IRQ, fake_handler, flags, "a", &a))
		printf("Bail out! request_irq failed\n"), exit(1);
	trace_clear();
}

static void done_line(void)
{
	while (D(IRQ)->action)
		free_irq(IRQ, D(IRQ)->action->dev_id);
}

/* Hooks: the same interrupt arrives again (on CPU 1) while "a" runs. */
static unsigned int reraise_on_calls;   /* bit n: re-raise during call n+1 */
static unsigned int reraise_times = 1;  /* how many edges each time */

static void hook_reraise(struct fake_dev *dev, int irq)
{
	if (reraise_on_calls & (1u << (dev->calls - 1)))
		for (unsigned int i = 0; i < reraise_times; i++)
			raise_irq_on(irq, 1);
}

static void hook_reraise_and_disable(struct fake_dev *dev, int irq)
{
	if (dev->calls == 1) {
		raise_irq_on(irq, 1);
		disable_irq_nosync(irq);
	}
}

static void hook_enable_irqs(struct fake_dev *dev, int irq)
{
	host_irq_flags |= 0x200;
}

static void check_context(struct fake_dev *d, const char *what)
{
	ok(d->saw_irqs_disabled, "%s: handler runs with interrupts off", what);
	ok(d->saw_in_irq, "%s: handler runs in hardirq context", what);
	ok(d->saw_inprogress, "%s: IRQD_IRQ_INPROGRESS set while handlers run", what);
	ok(!d->saw_lock_held, "%s: desc->lock dropped while handlers run", what);
	is_int(d->last_irq, IRQ, "%s: handler is passed its irq", what);
}

static void check_after(const char *what)
{
	ok(!(dstate(IRQ) & IRQD_IRQ_INPROGRESS), "%s: INPROGRESS clear afterwards", what);
	ok(!spin_is_locked(&D(IRQ)->lock), "%s: desc->lock released", what);
	ok(hw_agrees(IRQ), "%s: IRQD_IRQ_MASKED matches the hardware", what);
	is_int(fake_hw[IRQ].wrong_irq, 0, "%s: chip always handed the line's irq_data", what);
}

/* ---------------------------------------------------------------- level */
static void test_level(void)
{
	line_with_a(&fake_chip, handle_level_irq, 0);
	raise_irq(IRQ);
	is_str(irq_trace, "mask_ack h:a unmask", "level: mask_ack, handler, unmask");
	is_int(a.calls, 1, "level: handler ran once");
	is_int(kstat_irqs(IRQ), 1, "level: counted once");
	is_int(kstat_irqs_cpu(IRQ, 0), 1, "level: counted on CPU 0");
	ok(!fake_hw[IRQ].masked, "level: line unmasked at the end");
	ok(!(D(IRQ)->istate & IRQS_PENDING), "level: nothing pending");
	check_context(&a, "level");
	check_after("level");
	done_line();

	/* A chip without irq_mask_ack: mask, then ack. */
	line_with_a(&fake_chip_noma, handle_level_irq, 0);
	raise_irq(IRQ);
	is_str(irq_trace, "mask ack h:a unmask", "level, no mask_ack: mask, ack, handler, unmask");
	check_after("level noma");
	done_line();

	/* Shared: every handler runs, in request order. */
	line_with_a(&fake_chip, handle_level_irq, IRQF_SHARED);
	ok(!request_irq(IRQ, fake_handler2, IRQF_SHARED, "b", &b), "level: second sharer");
	trace_clear();
	raise_irq(IRQ);
	is_str(irq_trace, "mask_ack h:a h:b unmask", "level shared: both handlers between mask_ack and unmask");
	is_int(kstat_irqs(IRQ), 1, "level shared: one interrupt counted once");
	b.ret = IRQ_NONE;
	a.ret = IRQ_HANDLED;
	trace_clear();
	raise_irq(IRQ);
	is_str(irq_trace, "mask_ack h:a h:b unmask", "level shared: later handlers run after one said HANDLED");
	done_line();
}

static void test_level_reentry(void)
{
	line_with_a(&fake_chip, handle_level_irq, 0);
	a.hook = hook_reraise;
	reraise_on_calls = 1;
	raise_irq(IRQ);
	is_str(irq_trace, "mask_ack h:a mask_ack unmask",
	       "level re-entry: second CPU masks+acks, does not run the handler");
	is_int(a.calls, 1, "level re-entry: handler ran once");
	is_int(a.max_depth, 1, "level re-entry: never nested");
	is_int(kstat_irqs(IRQ), 1, "level re-entry: the refused interrupt is not counted");
	is_int(kstat_irqs_cpu(IRQ, 1), 0, "level re-entry: nothing counted on CPU 1");
	ok(!fake_hw[IRQ].masked, "level re-entry: unmasked once the first CPU is done");
	check_after("level re-entry");
	done_line();

	line_with_a(&fake_chip_noma, handle_level_irq, 0);
	a.hook = hook_reraise;
	reraise_on_calls = 1;
	raise_irq(IRQ);
	is_str(irq_trace, "mask ack h:a ack unmask",
	       "level re-entry, no mask_ack: an already masked line is only acked");
	is_int(a.calls, 1, "level re-entry noma: handler ran once");
	check_after("level re-entry noma");
	done_line();
}

static void test_level_disabled(void)
{
	/* A level line is one whose trigger type says so (IRQ_LEVEL), not
	 * merely one with the level flow: only that stops the replay. */
	line_with_a(&fake_chip, handle_level_irq, 0);
	irq_set_status_flags(IRQ, IRQ_LEVEL);
	disable_irq(IRQ);
	is_str(irq_trace, "", "level disable_irq: lazy, no chip call");
	raise_irq(IRQ);
	is_str(irq_trace, "mask_ack", "level disabled: masked and acked, no handler");
	is_int(a.calls, 0, "level disabled: handler not run");
	ok(D(IRQ)->istate & IRQS_PENDING, "level disabled: IRQS_PENDING");
	ok(fake_hw[IRQ].masked && hw_agrees(IRQ), "level disabled: stays masked");
	is_int(kstat_irqs(IRQ), 0, "level disabled: not counted");
	trace_clear();
	raise_irq(IRQ);
	is_int(a.calls, 0, "level disabled: second interrupt not run either");
	trace_clear();
	enable_irq(IRQ);
	is_str(irq_trace, "unmask", "level enable_irq: unmask, no replay (still asserted = comes again)");
	is_int(a.calls, 0, "level enable_irq: handler not replayed");
	trace_clear();
	raise_irq(IRQ);
	is_str(irq_trace, "mask_ack h:a unmask", "level after enable: normal flow");
	ok(!(D(IRQ)->istate & IRQS_PENDING), "level after enable: pending cleared by running the handlers");
	is_int(kstat_irqs(IRQ), 1, "level after enable: counted");
	check_after("level disabled");
	done_line();

	/* Disabled from inside its own handler: stays masked afterwards. */
	line_with_a(&fake_chip, handle_level_irq, 0);
	a.hook = hook_reraise_and_disable;
	raise_irq(IRQ);
	is_str(irq_trace, "mask_ack h:a mask_ack",
	       "level, handler disables its line: no unmask after the handlers");
	ok(fake_hw[IRQ].masked, "level, disabled in handler: line left masked");
	a.hook = NULL;
	trace_clear();
	enable_irq(IRQ);
	is_str(irq_trace, "unmask", "level, disabled in handler: enable_irq unmasks");
	check_after("level disabled in handler");
	done_line();

	/* A line with a chip but nobody requested it. */
	irq_host_reset();
	devs_reset();
	setup_line(IRQ, &fake_chip, handle_level_irq);
	raise_irq(IRQ);
	is_str(irq_trace, "mask_ack", "level, no action: masked and acked");
	ok(D(IRQ)->istate & IRQS_PENDING, "level, no action: IRQS_PENDING");
	is_int(kstat_irqs(IRQ), 0, "level, no action: not counted");
	is_int(host_ack_bad_irqs, 0, "level, no action: not a bad irq");
}

/* ----------------------------------------------------------------- edge */
static void test_edge(void)
{
	line_with_a(&fake_chip, handle_edge_irq, 0);
	raise_irq(IRQ);
	is_str(irq_trace, "ack h:a", "edge: ack first, then the handler; no mask");
	is_int(a.calls, 1, "edge: handler ran once");
	is_int(kstat_irqs(IRQ), 1, "edge: counted once");
	ok(!fake_hw[IRQ].masked, "edge: line stays unmasked");
	check_context(&a, "edge");
	check_after("edge");
	done_line();
}

static void test_edge_replay(void)
{
	/* One edge while the handler runs: marked pending, masked+acked by
	 * the second CPU, replayed (after an unmask) by the first. */
	line_with_a(&fake_chip, handle_edge_irq, 0);
	a.hook = hook_reraise;
	reraise_on_calls = 1;
	reraise_times = 1;
	raise_irq(IRQ);
	is_str(irq_trace, "ack h:a mask_ack unmask h:a",
	       "edge during handler: mask_ack'ed, then unmask and replay");
	is_int(a.calls, 2, "edge replay: handler ran twice, nothing lost");
	is_int(a.max_depth, 1, "edge replay: never nested");
	ok(!(D(IRQ)->istate & IRQS_PENDING), "edge replay: nothing left pending");
	ok(!fake_hw[IRQ].masked, "edge replay: line unmasked at the end");
	is_int(kstat_irqs(IRQ), 1, "edge replay: folded edge not counted again");
	is_int(kstat_irqs_cpu(IRQ, 1), 0, "edge replay: nothing counted on the second CPU");
	check_after("edge replay");
	done_line();

	/* Without irq_mask_ack: mask then ack. */
	line_with_a(&fake_chip_noma, handle_edge_irq, 0);
	a.hook = hook_reraise;
	reraise_on_calls = 1;
	raise_irq(IRQ);
	is_str(irq_trace, "ack h:a mask ack unmask h:a", "edge replay, no mask_ack: mask, ack");
	is_int(a.calls, 2, "edge replay noma: handler ran twice");
	check_after("edge replay noma");
	done_line();

	/* Two edges during one run coalesce into one replay. */
	line_with_a(&fake_chip, handle_edge_irq, 0);
	a.hook = hook_reraise;
	reraise_on_calls = 1;
	reraise_times = 2;
	raise_irq(IRQ);
	is_str(irq_trace, "ack h:a mask_ack mask_ack unmask h:a", "two edges during the handler: one replay");
	is_int(a.calls, 2, "two edges: handler ran twice");
	reraise_times = 1;
	done_line();

	/* An edge during the replay is replayed too: the loop runs until
	 * nothing is pending. */
	line_with_a(&fake_chip, handle_edge_irq, 0);
	a.hook = hook_reraise;
	reraise_on_calls = 3;	/* during calls 1 and 2 */
	raise_irq(IRQ);
	is_str(irq_trace, "ack h:a mask_ack unmask h:a mask_ack unmask h:a",
	       "edge during the replay: replayed again");
	is_int(a.calls, 3, "edge during replay: handler ran three times");
	is_int(a.max_depth, 1, "edge during replay: never nested");
	check_after("edge replay x2");
	done_line();

	/* The handler disables its line after the second edge came: the loop
	 * stops, the edge stays pending, enable_irq() delivers it. */
	line_with_a(&fake_chip, handle_edge_irq, 0);
	a.hook = hook_reraise_and_disable;
	raise_irq(IRQ);
	is_str(irq_trace, "ack h:a mask_ack", "edge replay stops once the line is disabled");
	is_int(a.calls, 1, "edge, disabled in handler: no replay while disabled");
	ok(D(IRQ)->istate & IRQS_PENDING, "edge, disabled in handler: still pending");
	a.hook = NULL;
	trace_clear();
	enable_irq(IRQ);
	is_str(irq_trace, "unmask ack h:a", "edge, disabled in handler: enable_irq unmasks and replays");
	is_int(a.calls, 2, "edge, disabled in handler: the edge was not lost");
	ok(!(D(IRQ)->istate & IRQS_PENDING), "edge, disabled in handler: pending cleared");
	check_after("edge disabled in handler");
	done_line();
}

static void test_edge_disabled(void)
{
	unsigned int enters;

	line_with_a(&fake_chip, handle_edge_irq, 0);
	disable_irq(IRQ);
	is_str(irq_trace, "", "edge disable_irq: lazy, no chip call");
	raise_irq(IRQ);
	is_str(irq_trace, "mask_ack", "edge disabled: mask_ack, no handler");
	is_int(a.calls, 0, "edge disabled: handler not run");
	ok(D(IRQ)->istate & IRQS_PENDING, "edge disabled: IRQS_PENDING");
	is_int(kstat_irqs(IRQ), 0, "edge disabled: not counted");
	ok(fake_hw[IRQ].masked && hw_agrees(IRQ), "edge disabled: masked");
	trace_clear();
	enters = host_irq_enters;
	host_preempt_count = 0;
	enable_irq(IRQ);
	/* The software replay runs the flow handler, which acks as usual. */
	is_str(irq_trace, "unmask ack h:a", "edge enable_irq: unmask, then the pending edge is replayed");
	is_int(a.calls, 1, "edge enable_irq: handler ran once");
	ok(a.saw_in_irq && a.saw_irqs_disabled, "edge replay runs in hardirq context, interrupts off");
	/* Hardirq context entered raw, not via irq_enter()/irq_exit(): the
	 * replay must not run softirqs inside enable_irq()'s caller. */
	is_int(host_irq_enters - enters, 0, "edge replay does not go through irq_enter/irq_exit");
	is_int(host_irq_exits, host_irq_enters, "edge replay: irq_exit matches irq_enter");
	is_int(host_preempt_count, 0, "edge replay: preempt_count balanced");
	is_int(kstat_irqs(IRQ), 1, "edge replay: counted once");
	ok(!(D(IRQ)->istate & (IRQS_PENDING | IRQS_REPLAY)), "edge replay: pending and replay clear");
	check_after("edge disabled");
	done_line();

	/* A chip that can retrigger in hardware: no software replay. */
	{
		struct irq_chip rchip = fake_chip;

		rchip.irq_retrigger = fake_retrigger;
		line_with_a(&rchip, handle_edge_irq, 0);
		fake_hw[IRQ].retrigger_ret = 1;
		disable_irq(IRQ);
		raise_irq(IRQ);
		trace_clear();
		enable_irq(IRQ);
		is_str(irq_trace, "unmask retrigger", "edge enable_irq with irq_retrigger: hardware resend");
		is_int(a.calls, 0, "hardware resend: handler not called directly");
		ok(D(IRQ)->istate & IRQS_REPLAY, "hardware resend: IRQS_REPLAY while in flight");
		trace_clear();
		raise_irq(IRQ);	/* the resent interrupt arrives */
		is_str(irq_trace, "ack h:a", "resent interrupt handled by the normal flow");
		ok(!(D(IRQ)->istate & (IRQS_REPLAY | IRQS_PENDING)), "resent interrupt: replay and pending clear");
		done_line();

		/* irq_retrigger fails: fall back to the software replay. */
		line_with_a(&rchip, handle_edge_irq, 0);
		fake_hw[IRQ].retrigger_ret = 0;
		disable_irq(IRQ);
		raise_irq(IRQ);
		trace_clear();
		enable_irq(IRQ);
		is_str(irq_trace, "unmask retrigger ack h:a", "retrigger failed: software replay");
		is_int(a.calls, 1, "retrigger failed: handler ran once");
		ok(!(D(IRQ)->istate & (IRQS_REPLAY | IRQS_PENDING)), "retrigger failed: replay and pending clear");
		done_line();
	}

	/* No action: masked, pending. */
	irq_host_reset();
	setup_line(IRQ, &fake_chip, handle_edge_irq);
	raise_irq(IRQ);
	is_str(irq_trace, "mask_ack", "edge, no action: mask_ack");
	ok(D(IRQ)->istate & IRQS_PENDING, "edge, no action: IRQS_PENDING");
	is_int(kstat_irqs(IRQ), 0, "edge, no action: not counted");
}

/* -------------------------------------------------------------- fasteoi */
static void test_fasteoi(void)
{
	struct irq_chip ifh = fake_chip;

	ifh.flags = IRQCHIP_EOI_IF_HANDLED;

	line_with_a(&fake_chip, handle_fasteoi_irq, 0);
	raise_irq(IRQ);
	is_str(irq_trace, "h:a eoi", "fasteoi: handler then eoi, no mask/ack");
	is_int(kstat_irqs(IRQ), 1, "fasteoi: counted");
	check_context(&a, "fasteoi");
	check_after("fasteoi");

	/* Re-entry: the second CPU only EOIs. */
	a.hook = hook_reraise;
	reraise_on_calls = 1;
	a.calls = 0;
	trace_clear();
	raise_irq(IRQ);
	is_str(irq_trace, "h:a eoi eoi", "fasteoi re-entry: the refused interrupt is EOIed, not run");
	is_int(a.calls, 1, "fasteoi re-entry: handler ran once");
	is_int(a.max_depth, 1, "fasteoi re-entry: never nested");
	is_int(kstat_irqs(IRQ), 2, "fasteoi re-entry: the refused interrupt is not counted");
	a.hook = NULL;

	/* Disabled: mask, pending, eoi. */
	disable_irq(IRQ);
	trace_clear();
	raise_irq(IRQ);
	is_str(irq_trace, "mask eoi", "fasteoi disabled: mask, eoi, no handler");
	ok(D(IRQ)->istate & IRQS_PENDING, "fasteoi disabled: IRQS_PENDING");
	is_int(kstat_irqs(IRQ), 2, "fasteoi disabled: not counted");
	check_after("fasteoi disabled");
	enable_irq(IRQ);
	done_line();

	/* IRQCHIP_EOI_IF_HANDLED: no eoi when the handlers did not run. */
	line_with_a(&ifh, handle_fasteoi_irq, 0);
	raise_irq(IRQ);
	is_str(irq_trace, "h:a eoi", "EOI_IF_HANDLED: handled -> eoi");
	disable_irq(IRQ);
	trace_clear();
	raise_irq(IRQ);
	is_str(irq_trace, "mask", "EOI_IF_HANDLED disabled: mask, no eoi");
	ok(D(IRQ)->istate & IRQS_PENDING, "EOI_IF_HANDLED disabled: IRQS_PENDING");
	enable_irq(IRQ);
	a.hook = hook_reraise;
	reraise_on_calls = 1;
	trace_clear();
	raise_irq(IRQ);
	is_str(irq_trace, "h:a eoi", "EOI_IF_HANDLED re-entry: the refused interrupt gets no eoi");
	a.hook = NULL;
	done_line();

	/* No action at all. */
	irq_host_reset();
	setup_line(IRQ, &fake_chip, handle_fasteoi_irq);
	raise_irq(IRQ);
	is_str(irq_trace, "eoi", "fasteoi, no action (already masked): eoi even so");
	ok(D(IRQ)->istate & IRQS_PENDING, "fasteoi, no action: IRQS_PENDING");
	is_int(kstat_irqs(IRQ), 0, "fasteoi, no action: not counted");
	irq_host_reset();
	setup_line(IRQ, &ifh, handle_fasteoi_irq);
	raise_irq(IRQ);
	is_str(irq_trace, "", "EOI_IF_HANDLED, no action: no eoi");

	/* IRQF_ONESHOT: masked around the handler. */
	devs_reset();
	line_with_a(&fake_chip, handle_fasteoi_irq, IRQF_ONESHOT);
	raise_irq(IRQ);
	is_str(irq_trace, "mask h:a eoi unmask", "fasteoi oneshot: mask, handler, eoi, unmask");
	check_after("fasteoi oneshot");
	done_line();
}

/* --------------------------------------------------------------- simple */
static void test_simple(void)
{
	line_with_a(&fake_chip_full, handle_simple_irq, 0);
	raise_irq(IRQ);
	is_str(irq_trace, "h:a", "simple: no chip calls at all");
	is_int(kstat_irqs(IRQ), 1, "simple: counted");
	check_context(&a, "simple");

	a.hook = hook_reraise;
	reraise_on_calls = 1;
	a.calls = 0;
	trace_clear();
	raise_irq(IRQ);
	is_str(irq_trace, "h:a", "simple re-entry: refused silently");
	is_int(a.calls, 1, "simple re-entry: handler ran once");
	is_int(kstat_irqs(IRQ), 2, "simple re-entry: not counted");
	a.hook = NULL;

	disable_irq_nosync(IRQ);
	trace_clear();
	raise_irq(IRQ);
	is_str(irq_trace, "", "simple disabled: no chip call from the flow");
	is_int(a.calls, 1, "simple disabled: handler not run");
	ok(D(IRQ)->istate & IRQS_PENDING, "simple disabled: IRQS_PENDING");
	is_int(kstat_irqs(IRQ), 2, "simple disabled: not counted");
	enable_irq(IRQ);
	done_line();
}

/* --------------------------------------------------------------- percpu */
static void test_percpu(void)
{
	line_with_a(&fake_chip, handle_percpu_irq, IRQF_PERCPU);
	raise_irq_on(IRQ, 2);
	is_str(irq_trace, "ack h:a eoi", "percpu: ack, handler, eoi");
	is_int(a.calls, 1, "percpu: handler ran once");
	is_int(kstat_irqs_cpu(IRQ, 2), 1, "percpu: counted on the CPU that took it");
	is_int(kstat_irqs_cpu(IRQ, 0), 0, "percpu: not on another CPU");
	is_int(kstat_irqs(IRQ), 1, "percpu: total 1");
	ok(a.saw_irqs_disabled && a.saw_in_irq, "percpu: hardirq context, interrupts off");
	ok(dstate(IRQ) & IRQD_PER_CPU, "IRQF_PERCPU marks the line IRQD_PER_CPU");
	done_line();

	/* No action: still acked, counted and EOIed - the flow has no state. */
	irq_host_reset();
	setup_line(IRQ, &fake_chip, handle_percpu_irq);
	raise_irq(IRQ);
	is_str(irq_trace, "ack eoi", "percpu, no action: ack, eoi");
	is_int(kstat_irqs(IRQ), 1, "percpu, no action: counted anyway");
}

/* ------------------------------------------------------------------ bad */
static void test_bad(void)
{
	irq_host_reset();
	raise_irq(200);
	is_int(host_ack_bad_irqs, 1, "bad irq: ack_bad_irq called");
	is_int(host_ack_bad_irq_last, 200, "bad irq: with its irq number");
	is_int(kstat_irqs(200), 1, "bad irq: counted");
	is_str(irq_trace, "", "bad irq: no chip calls");
	ok(log_has("irq 200, desc: ") && log_has("depth: 1, count: 0, unhandled: 0\n"),
	   "bad irq: descriptor reported");
	raise_irq(200);
	is_int(host_ack_bad_irqs, 2, "bad irq: counted every time");
	is_int(kstat_irqs(200), 2, "bad irq: kstat every time");
	is_int(log_count("irq 200, desc"), 1, "bad irq: reported once");

	is_int(generic_handle_irq(NR_IRQS), -EINVAL, "generic_handle_irq(NR_IRQS): -EINVAL");
	is_int(generic_handle_irq(~0u), -EINVAL, "generic_handle_irq(~0): -EINVAL");
	is_int(host_ack_bad_irqs, 2, "out of range: nothing handled");
}

/* ------------------------------------------------- handle.c rules, kstat */
static void test_handle_event(void)
{
	/* A handler that turns interrupts on is caught, and they are turned
	 * off again before the next handler. */
	line_with_a(&fake_chip, handle_level_irq, IRQF_SHARED);
	ok(!request_irq(IRQ, fake_handler2, IRQF_SHARED, "b", &b), "second sharer");
	a.hook = hook_enable_irqs;
	raise_irq(IRQ);
	is_int(host_warns, 1, "handler enabling interrupts: WARN");
	ok(host_warn_flags & BUGFLAG_WARNING, "handler enabling interrupts: a warning, not a BUG");
	ok(log_has("irq 10 handler fake_handler enabled interrupts"), "handler enabling interrupts: named");
	ok(b.saw_irqs_disabled, "next handler runs with interrupts off again");
	raise_irq(IRQ);
	is_int(host_warns, 1, "handler enabling interrupts: warned once");
	ok(b.saw_irqs_disabled, "...but interrupts turned off every time");
	a.hook = NULL;
	done_line();

	/* kstat per CPU, totals. */
	line_with_a(&fake_chip, handle_edge_irq, 0);
	raise_irq_on(IRQ, 0);
	raise_irq_on(IRQ, 1);
	raise_irq_on(IRQ, 1);
	raise_irq_on(IRQ, 3);
	is_int(kstat_irqs_cpu(IRQ, 0), 1, "kstat CPU 0");
	is_int(kstat_irqs_cpu(IRQ, 1), 2, "kstat CPU 1");
	is_int(kstat_irqs_cpu(IRQ, 2), 0, "kstat CPU 2");
	is_int(kstat_irqs_cpu(IRQ, 3), 1, "kstat CPU 3");
	is_int(kstat_irqs(IRQ), 4, "kstat_irqs sums the CPUs");
	is_int(D(IRQ)->tot_count, 4, "tot_count");
	raise_irq(200);
	is_int(kstat_irqs_total(), 5, "kstat_irqs_total sums every line");
	is_int(kstat_irqs_cpu(IRQ, NR_CPUS), 0, "kstat_irqs_cpu: CPU out of range is 0");
	is_int(kstat_irqs_cpu(NR_IRQS, 0), 0, "kstat_irqs_cpu: irq out of range is 0");
	done_line();

	/* Chips that lack methods do not crash any flow. */
	{
		static struct irq_chip bare = { .name = "bare" };
		irq_flow_handler_t flows[] = { handle_level_irq, handle_edge_irq,
			handle_fasteoi_irq, handle_simple_irq, handle_percpu_irq };

		for (unsigned int i = 0; i < ARRAY_SIZE(flows); i++) {
			line_with_a(&bare, flows[i], 0);
			raise_irq(IRQ);
			is_int(a.calls, 1, "chip without methods, flow %u: handler ran", i);
			disable_irq(IRQ);
			enable_irq(IRQ);
			done_line();
		}
		line_with_a(&dummy_irq_chip, handle_level_irq, 0);
		raise_irq(IRQ);
		is_int(a.calls, 1, "dummy_irq_chip: handler ran");
		done_line();
	}
}

int main(void)
{
	alarm(120);	/* a handler run with desc->lock held would deadlock */
	test_bad();	/* first: handle_bad_irq reports only once per boot */
	test_level();
	test_level_reentry();
	test_level_disabled();
	test_edge();
	test_edge_replay();
	test_edge_disabled();
	test_fasteoi();
	test_simple();
	test_percpu();
	test_handle_event();
	irq_host_reset();
	is_int(host_live_allocs, 0, "every irqaction freed");
	return done_testing();
}
