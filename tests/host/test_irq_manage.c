// SPDX-License-Identifier: MIT
/*
 * Host tests for the driver API of kernel/irq/manage.c: request_irq()
 * (every refusal, and that a refused request changes nothing), shared
 * chains, starting and shutting a line down, free_irq(), the nesting
 * depth of disable_irq()/enable_irq(), lazy disabling, replay of an edge
 * that came in while the line was disabled, and that disable_irq() and
 * free_irq() wait for a handler running on another CPU.
 */
#include <linux/kernel.h>
#include <linux/irq.h>
#include <linux/irqdesc.h>
#include <linux/interrupt.h>
#include <linux/errno.h>
#include <linux/string.h>
#include "irq_host.h"
#include "irq_thread_host.h"
#include "tap.h"
#include <pthread.h>
#include <unistd.h>

#define IRQ 10

static struct fake_dev a, b, c, x;

static void reset(struct irq_chip *chip, irq_flow_handler_t flow)
{
	irq_host_reset();
	a = (struct fake_dev){ .name = "a", .ret = IRQ_HANDLED };
	b = (struct fake_dev){ .name = "b", .ret = IRQ_HANDLED };
	c = (struct fake_dev){ .name = "c", .ret = IRQ_HANDLED };
	x = (struct fake_dev){ .name = "x", .ret = IRQ_HANDLED };
	if (chip)
		setup_line(IRQ, chip, flow);
}

static void free_all(unsigned int irq)
{
	while (D(irq)->action)
		free_irq(irq, D(irq)->action->dev_id);
}

/* ------------------------------------------------- refused requests */
struct snap {
	struct irqaction *action;
	char chain[256];
	unsigned int state, istate, depth, status;
	long allocs;
	unsigned int procs;
};

static void take(struct snap *s, unsigned int irq)
{
	struct irq_desc *d = D(irq);

	s->action = d->action;
	strlcpy(s->chain, chain(irq), sizeof(s->chain));
	s->state = d->irq_data.state;
	s->istate = d->istate;
	s->depth = d->depth;
	s->status = d->status_use_accessors;
	s->allocs = host_live_allocs;
	s->procs = host_irq_procs;
	trace_clear();
	log_clear();
}

static void unchanged(struct snap *s, unsigned int irq, bool chip_calls_ok, const char *what)
{
	struct irq_desc *d = D(irq);

	ok(d->action == s->action && !strcmp(chain(irq), s->chain),
	   "%s: action chain unchanged (%s)", what, s->chain);
	is_int(d->irq_data.state, s->state, "%s: irq_data state unchanged", what);
	is_int(d->istate, s->istate, "%s: istate unchanged", what);
	is_int(d->depth, s->depth, "%s: depth unchanged", what);
	is_int(d->status_use_accessors, s->status, "%s: line settings unchanged", what);
	is_int(host_live_allocs, s->allocs, "%s: nothing allocated is left behind", what);
	is_int(host_irq_procs, s->procs, "%s: no /proc entry registered", what);
	if (!chip_calls_ok)
		is_str(irq_trace, "", "%s: no chip calls", what);
}

static void test_request_errors(void)
{
	struct snap s;

	/* A line with one handler already, so "unchanged" means something. */
	reset(&fake_chip_full, handle_edge_irq);
	ok(!request_irq(IRQ, fake_handler, IRQF_SHARED | IRQF_TRIGGER_RISING, "a", &a),
	   "setup: shared edge handler a");

	take(&s, IRQ);
	is_int(request_irq(IRQ, NULL, IRQF_SHARED | IRQF_TRIGGER_RISING, "x", &x), -EINVAL,
	       "NULL handler: -EINVAL");
	unchanged(&s, IRQ, false, "NULL handler");

	take(&s, IRQ);
	is_int(request_irq(IRQ, fake_handler, IRQF_SHARED | IRQF_TRIGGER_RISING, "x", NULL), -EINVAL,
	       "IRQF_SHARED without dev_id: -EINVAL");
	unchanged(&s, IRQ, false, "shared without dev_id");

	take(&s, IRQ);
	is_int(request_threaded_irq(IRQ, NULL, NULL, IRQF_SHARED | IRQF_TRIGGER_RISING, "x", &x),
	       -EINVAL, "neither handler nor thread_fn: -EINVAL");
	unchanged(&s, IRQ, false, "no handler at all");

	take(&s, IRQ);
	is_int(request_threaded_irq(IRQ, NULL, fake_handler2,
				    IRQF_SHARED | IRQF_TRIGGER_RISING, "x", &x), -EINVAL,
	       "thread_fn without a primary handler and without IRQF_ONESHOT: -EINVAL");
	ok(log_has("Threaded irq requested with handler=NULL and !ONESHOT for x (irq 10)\n"),
	   "refusal reported as Linux does");
	unchanged(&s, IRQ, false, "NULL handler, !ONESHOT");
	is_int(host_kthreads_live, 0, "NULL handler, !ONESHOT: the thread made for it was stopped");

	take(&s, IRQ);
	is_int(request_irq(IRQ, fake_handler, IRQF_TRIGGER_RISING, "x", &x), -EBUSY,
	       "non-shared on a shared line: -EBUSY");
	ok(log_has("Flags mismatch irq 10. 00000001 (x) vs. 00000081 (a)\n"),
	   "mismatch reported with both flags and names");
	unchanged(&s, IRQ, false, "non-shared on shared");

	take(&s, IRQ);
	is_int(request_irq(IRQ, fake_handler, IRQF_SHARED | IRQF_TRIGGER_FALLING, "x", &x), -EBUSY,
	       "trigger mismatch (rising vs falling): -EBUSY");
	unchanged(&s, IRQ, false, "trigger mismatch");

	/* As Linux: a request that names no trigger type takes the line's. */
	take(&s, IRQ);
	is_int(request_irq(IRQ, fake_handler, IRQF_SHARED, "x", &x), 0,
	       "no trigger type on a rising line: inherits it and shares");
	ok(irq_to_desc(IRQ)->action->next &&
	   (irq_to_desc(IRQ)->action->next->flags & IRQF_TRIGGER_MASK) == IRQF_TRIGGER_RISING,
	   "... and its action records the inherited rising type");
	is_str((const char *)free_irq(IRQ, &x), "x", "... and leaves with free_irq");
	ok(!strcmp(chain(IRQ), s.chain), "... the chain is back to %s", s.chain);
	is_int(D(IRQ)->irq_data.state, s.state, "... the line's state is as before");
	is_int(host_live_allocs, s.allocs, "... and the action was freed");

	take(&s, IRQ);
	is_int(request_irq(IRQ, fake_handler, IRQF_SHARED | IRQF_TRIGGER_RISING | IRQF_ONESHOT,
			   "x", &x), -EBUSY, "IRQF_ONESHOT mismatch: -EBUSY");
	unchanged(&s, IRQ, false, "oneshot mismatch");

	take(&s, IRQ);
	is_int(request_irq(IRQ, fake_handler, IRQF_SHARED | IRQF_TRIGGER_RISING | IRQF_PERCPU,
			   "x", &x), -EBUSY, "IRQF_PERCPU mismatch: -EBUSY");
	unchanged(&s, IRQ, false, "percpu mismatch");

	take(&s, IRQ);
	is_int(request_irq(IRQ, fake_handler, IRQF_TRIGGER_RISING | IRQF_PROBE_SHARED, "x", &x),
	       -EBUSY, "IRQF_PROBE_SHARED mismatch: -EBUSY");
	is_str(host_log, "", "IRQF_PROBE_SHARED mismatch: quietly");
	unchanged(&s, IRQ, false, "probe-shared mismatch");

	/* The line still works, with only a on it. */
	trace_clear();
	raise_irq(IRQ);
	is_str(irq_trace, "ack h:a", "after the refusals: only a runs");
	is_int(x.calls, 0, "no refused handler ever ran");
	free_all(IRQ);

	/* Non-shared line: a second non-shared, or a shared, request. */
	reset(&fake_chip_full, handle_edge_irq);
	ok(!request_irq(IRQ, fake_handler, 0, "a", &a), "setup: non-shared a");
	take(&s, IRQ);
	is_int(request_irq(IRQ, fake_handler, 0, "x", &x), -EBUSY, "second non-shared: -EBUSY");
	ok(log_has("Flags mismatch irq 10. 00000000 (x) vs. 00000000 (a)\n"), "second non-shared: reported");
	unchanged(&s, IRQ, false, "second non-shared");
	take(&s, IRQ);
	is_int(request_irq(IRQ, fake_handler, IRQF_SHARED, "x", &x), -EBUSY,
	       "shared on a non-shared line: -EBUSY");
	unchanged(&s, IRQ, false, "shared on non-shared");
	free_all(IRQ);

	/* Level trigger mismatch. */
	reset(&fake_chip_full, handle_fasteoi_irq);
	ok(!request_irq(IRQ, fake_handler, IRQF_SHARED | IRQF_TRIGGER_HIGH, "a", &a), "setup: shared level-high a");
	take(&s, IRQ);
	is_int(request_irq(IRQ, fake_handler, IRQF_SHARED | IRQF_TRIGGER_LOW, "x", &x), -EBUSY,
	       "trigger mismatch (high vs low): -EBUSY");
	unchanged(&s, IRQ, false, "high vs low");
	free_all(IRQ);

	/* Lines that cannot be requested. */
	reset(&fake_chip_full, handle_edge_irq);
	take(&s, 20);
	is_int(request_irq(20, fake_handler, 0, "x", &x), -EINVAL, "line without a chip (IRQ_NOREQUEST): -EINVAL");
	unchanged(&s, 20, false, "unset line");
	irq_set_status_flags(IRQ, IRQ_NOREQUEST);
	take(&s, IRQ);
	is_int(request_irq(IRQ, fake_handler, 0, "x", &x), -EINVAL, "IRQ_NOREQUEST line: -EINVAL");
	unchanged(&s, IRQ, false, "IRQ_NOREQUEST");
	irq_clear_status_flags(20, IRQ_NOREQUEST);
	take(&s, 20);
	is_int(request_irq(20, fake_handler, 0, "x", &x), -ENOSYS, "no_irq_chip line: -ENOSYS");
	unchanged(&s, 20, false, "no_irq_chip");
	is_int(request_irq(NR_IRQS, fake_handler, 0, "x", &x), -EINVAL, "irq NR_IRQS: -EINVAL");
	is_int(request_irq(~0u, fake_handler, 0, "x", &x), -EINVAL, "irq ~0: -EINVAL");
	is_int(request_irq(NR_IRQS, fake_handler, IRQF_SHARED, "x", &x), -EINVAL,
	       "irq NR_IRQS, shared: -EINVAL");
	is_int(host_live_allocs, 0, "out of range: nothing allocated");

	/* irq_set_type fails: the request fails with its error. */
	reset(&fake_chip_full, handle_edge_irq);
	fake_hw[IRQ].set_type_ret = -EINVAL;
	take(&s, IRQ);
	is_int(request_irq(IRQ, fake_handler, IRQF_TRIGGER_RISING, "x", &x), -EINVAL,
	       "chip refuses the trigger type: its error");
	is_str(irq_trace, "set_type", "refused trigger: set_type tried, line not started");
	unchanged(&s, IRQ, true, "refused trigger");
	fake_hw[IRQ].set_type_ret = 0;
	is_int(x.calls, 0, "refused trigger: handler never ran");
}

/*
 * The first sharer did not choose a trigger type; the second one's choice
 * becomes the line's. A refused request must not change it, and once it
 * is chosen a third sharer must agree with it (Linux: trigger type "set").
 */
static void test_trigger_adoption(void)
{
	struct snap s;

	reset(&fake_chip_full, handle_edge_irq);
	ok(!request_irq(IRQ, fake_handler, IRQF_SHARED, "a", &a), "setup: shared a, no trigger type");
	take(&s, IRQ);
	is_int(request_irq(IRQ, fake_handler, IRQF_TRIGGER_RISING, "x", &x), -EBUSY,
	       "non-shared rising on shared line: -EBUSY");
	unchanged(&s, IRQ, false, "refused request with a trigger type");
	free_all(IRQ);

	reset(&fake_chip_full, handle_edge_irq);
	ok(!request_irq(IRQ, fake_handler, IRQF_SHARED, "a", &a), "setup: shared a, no trigger type");
	ok(!request_irq(IRQ, fake_handler, IRQF_SHARED | IRQF_TRIGGER_RISING, "b", &b),
	   "second sharer chooses rising");
	is_int(irqd_get_trigger_type(&D(IRQ)->irq_data), IRQ_TYPE_EDGE_RISING, "line now rising");
	is_int(request_irq(IRQ, fake_handler, IRQF_SHARED | IRQF_TRIGGER_HIGH, "c", &c), -EBUSY,
	       "third sharer with level-high on a rising line: -EBUSY");
	is_str(chain(IRQ), "a,b", "third sharer not attached");
	free_all(IRQ);
}

/* ------------------------------------------------- successful requests */
static void test_request(void)
{
	struct irq_chip enable_chip = fake_chip;	/* no startup, has enable */
	struct irqaction *act;
	static const char name_a[] = "dev-a";

	enable_chip.irq_enable = fake_enable;

	reset(&fake_chip_full, handle_edge_irq);
	ok(!irq_has_action(IRQ), "no action before request");
	is_int(request_irq(IRQ, fake_handler, IRQF_TRIGGER_RISING, name_a, &a), 0, "request_irq: 0");
	is_str(irq_trace, "set_type startup", "first request: set the trigger type, then start the line");
	is_int(fake_hw[IRQ].last_type, IRQ_TYPE_EDGE_RISING, "set_type got IRQ_TYPE_EDGE_RISING");
	is_int(D(IRQ)->depth, 0, "started: depth 0");
	ok(!(dstate(IRQ) & (IRQD_IRQ_DISABLED | IRQD_IRQ_MASKED)), "started: not disabled, not masked");
	ok(dstate(IRQ) & IRQD_IRQ_STARTED, "started: IRQD_IRQ_STARTED");
	ok(!fake_hw[IRQ].masked, "started: hardware unmasked");
	is_int(irqd_get_trigger_type(&D(IRQ)->irq_data), IRQ_TYPE_EDGE_RISING, "trigger type recorded");
	ok(!(dstate(IRQ) & IRQD_LEVEL) && !(D(IRQ)->status_use_accessors & IRQ_LEVEL), "edge: not IRQ_LEVEL");
	ok(irq_has_action(IRQ), "irq_has_action");
	is_int(host_irq_procs, 1, "register_irq_proc called");
	is_int(host_irq_proc_last, IRQ, "register_irq_proc for this irq");
	act = D(IRQ)->action;
	ok(act && act->handler == fake_handler && act->dev_id == &a && act->name == name_a &&
	   act->irq == IRQ && act->flags == IRQF_TRIGGER_RISING && !act->next,
	   "the irqaction holds handler, dev_id, name, irq, flags");
	free_all(IRQ);

	/* Shared: started once, chain in request order. */
	reset(&fake_chip_full, handle_edge_irq);
	ok(!request_irq(IRQ, fake_handler, IRQF_SHARED, "a", &a), "shared a");
	trace_clear();
	ok(!request_irq(IRQ, fake_handler2, IRQF_SHARED, "b", &b), "shared b");
	ok(!request_irq(IRQ, fake_handler, IRQF_SHARED, "c", &c), "shared c");
	is_str(irq_trace, "", "later sharers: no chip calls");
	is_int(fake_hw[IRQ].startups, 1, "shared line started once");
	is_str(chain(IRQ), "a,b,c", "chain in request order");
	raise_irq(IRQ);
	is_str(irq_trace, "ack h:a h:b h:c", "handlers run in request order");
	free_all(IRQ);

	/* Without irq_startup: irq_enable, else unmask. */
	reset(&enable_chip, handle_edge_irq);
	ok(!request_irq(IRQ, fake_handler, 0, "a", &a), "request on a chip with irq_enable");
	is_str(irq_trace, "enable", "no irq_startup: irq_enable");
	ok(!(dstate(IRQ) & (IRQD_IRQ_DISABLED | IRQD_IRQ_MASKED)) && hw_agrees(IRQ), "enabled, unmasked");
	free_all(IRQ);
	reset(&fake_chip, handle_edge_irq);
	ok(!request_irq(IRQ, fake_handler, 0, "a", &a), "request on a chip with neither");
	is_str(irq_trace, "unmask", "no irq_startup, no irq_enable: unmask");
	ok(!(dstate(IRQ) & (IRQD_IRQ_DISABLED | IRQD_IRQ_MASKED)) && hw_agrees(IRQ), "enabled, unmasked");
	free_all(IRQ);

	/* Level trigger. */
	reset(&fake_chip_full, handle_fasteoi_irq);
	ok(!request_irq(IRQ, fake_handler, IRQF_TRIGGER_LOW, "a", &a), "request level-low");
	is_int(fake_hw[IRQ].last_type, IRQ_TYPE_LEVEL_LOW, "set_type got IRQ_TYPE_LEVEL_LOW");
	ok((dstate(IRQ) & IRQD_LEVEL) && (D(IRQ)->status_use_accessors & IRQ_LEVEL),
	   "level trigger: IRQD_LEVEL and IRQ_LEVEL");
	free_all(IRQ);

	/* irq_set_irq_type directly. */
	reset(&fake_chip_full, handle_edge_irq);
	is_int(irq_set_irq_type(IRQ, IRQ_TYPE_LEVEL_HIGH), 0, "irq_set_irq_type level-high");
	ok(D(IRQ)->status_use_accessors & IRQ_LEVEL, "now IRQ_LEVEL");
	is_int(irq_set_irq_type(IRQ, IRQ_TYPE_EDGE_FALLING), 0, "irq_set_irq_type edge-falling");
	ok(!(D(IRQ)->status_use_accessors & IRQ_LEVEL) && !(dstate(IRQ) & IRQD_LEVEL), "IRQ_LEVEL cleared");
	is_int(irqd_get_trigger_type(&D(IRQ)->irq_data), IRQ_TYPE_EDGE_FALLING, "trigger falling");
	fake_hw[IRQ].set_type_ret = -EINVAL;
	is_int(irq_set_irq_type(IRQ, IRQ_TYPE_LEVEL_HIGH), -EINVAL, "chip refuses: its error");
	is_int(irqd_get_trigger_type(&D(IRQ)->irq_data), IRQ_TYPE_EDGE_FALLING, "refused: trigger unchanged");
	is_int(irq_set_irq_type(NR_IRQS, IRQ_TYPE_LEVEL_HIGH), -EINVAL, "irq_set_irq_type out of range");

	/* IRQF_NO_AUTOEN: requested but left disabled until enable_irq(),
	 * which starts it (irq_startup pairs with the irq_shutdown of the
	 * last free_irq). */
	reset(&fake_chip_full, handle_edge_irq);
	ok(!request_irq(IRQ, fake_handler, IRQF_NO_AUTOEN, "a", &a), "request IRQF_NO_AUTOEN");
	is_str(irq_trace, "", "IRQF_NO_AUTOEN: not started");
	is_int(D(IRQ)->depth, 1, "IRQF_NO_AUTOEN: depth 1");
	ok(dstate(IRQ) & IRQD_IRQ_DISABLED, "IRQF_NO_AUTOEN: disabled");
	raise_irq(IRQ);
	is_int(a.calls, 0, "IRQF_NO_AUTOEN: interrupt not handled");
	trace_clear();
	enable_irq(IRQ);
	is_int(D(IRQ)->depth, 0, "IRQF_NO_AUTOEN, enable_irq: depth 0");
	is_int(fake_hw[IRQ].startups, 1, "IRQF_NO_AUTOEN, enable_irq: irq_startup called (line never started)");
	ok(dstate(IRQ) & IRQD_IRQ_STARTED, "IRQF_NO_AUTOEN, enable_irq: IRQD_IRQ_STARTED");
	ok(!fake_hw[IRQ].masked && hw_agrees(IRQ), "IRQF_NO_AUTOEN, enable_irq: unmasked");
	free_all(IRQ);
	is_int(fake_hw[IRQ].shutdowns, fake_hw[IRQ].startups, "irq_shutdown calls match irq_startup calls");

	/* Requested IRQF_NO_AUTOEN and freed without ever being enabled:
	 * never started, so not shut down at the chip either. */
	reset(&fake_chip_full, handle_edge_irq);
	ok(!request_irq(IRQ, fake_handler, IRQF_NO_AUTOEN, "a", &a), "request IRQF_NO_AUTOEN");
	free_all(IRQ);
	is_str(irq_trace, "", "IRQF_NO_AUTOEN, freed unenabled: no chip calls");
	is_int(fake_hw[IRQ].shutdowns, 0, "IRQF_NO_AUTOEN, freed unenabled: no irq_shutdown");
	ok((dstate(IRQ) & IRQD_IRQ_DISABLED) && D(IRQ)->depth == 1, "freed unenabled: disabled, depth 1");

	/* IRQ_NOAUTOEN set on the line by its controller. */
	reset(&fake_chip_full, handle_edge_irq);
	irq_set_status_flags(IRQ, IRQ_NOAUTOEN);
	ok(!request_irq(IRQ, fake_handler, 0, "a", &a), "request on IRQ_NOAUTOEN line");
	is_int(fake_hw[IRQ].startups, 0, "IRQ_NOAUTOEN: not started");
	is_int(D(IRQ)->depth, 1, "IRQ_NOAUTOEN: depth 1");
	enable_irq(IRQ);
	is_int(D(IRQ)->depth, 0, "IRQ_NOAUTOEN: enable_irq -> depth 0");
	ok(!(dstate(IRQ) & IRQD_IRQ_DISABLED), "IRQ_NOAUTOEN: enable_irq -> enabled");
	free_all(IRQ);
}

/* ------------------------------------------------------------- free_irq */
static void test_free(void)
{
	struct snap s;
	static const char name_b[] = "dev-b";

	reset(&fake_chip_full, handle_edge_irq);
	ok(!request_irq(IRQ, fake_handler, IRQF_SHARED, "a", &a), "shared a");
	ok(!request_irq(IRQ, fake_handler2, IRQF_SHARED, name_b, &b), "shared b");
	ok(!request_irq(IRQ, fake_handler, IRQF_SHARED, "c", &c), "shared c");
	is_int(host_live_allocs, 3, "three irqactions allocated");

	/* Unknown dev_id: WARN, nothing changes. */
	take(&s, IRQ);
	ok(free_irq(IRQ, &x) == NULL, "free_irq unknown dev_id: NULL");
	is_int(host_warns, 1, "free_irq unknown dev_id: WARN");
	ok(host_warn_flags & BUGFLAG_WARNING, "free_irq unknown dev_id: a warning, not a BUG");
	ok(log_has("Trying to free already-free IRQ 10\n"), "free_irq unknown dev_id: reported");
	unchanged(&s, IRQ, false, "free unknown dev_id");

	/* The middle of three. */
	trace_clear();
	ok(free_irq(IRQ, &b) == name_b, "free_irq returns the devname given to request_irq");
	is_str(chain(IRQ), "a,c", "middle freed: a,c remain in order");
	is_str(irq_trace, "", "not the last: no chip calls");
	is_int(host_live_allocs, 2, "freed action released");
	ok(dstate(IRQ) & IRQD_IRQ_STARTED, "not the last: line still started");
	raise_irq(IRQ);
	is_str(irq_trace, "ack h:a h:c", "after freeing b: a and c run");
	is_int(b.calls, 0, "b not run after free");

	/* The first, then the last. */
	trace_clear();
	ok(!strcmp(free_irq(IRQ, &a), "a"), "free first: devname a");
	is_str(chain(IRQ), "c", "first freed: c remains");
	is_str(irq_trace, "", "still not the last: no chip calls");
	ok(!strcmp(free_irq(IRQ, &c), "c"), "free last: devname c");
	is_str(irq_trace, "shutdown", "last free: irq_shutdown");
	ok(!D(IRQ)->action && !irq_has_action(IRQ), "last free: no action");
	is_int(D(IRQ)->depth, 1, "last free: depth 1");
	ok((dstate(IRQ) & (IRQD_IRQ_DISABLED | IRQD_IRQ_MASKED)) == (IRQD_IRQ_DISABLED | IRQD_IRQ_MASKED),
	   "last free: disabled and masked");
	ok(!(dstate(IRQ) & IRQD_IRQ_STARTED), "last free: not started");
	ok(fake_hw[IRQ].masked, "last free: hardware masked");
	is_int(host_live_allocs, 0, "every irqaction released");
	trace_clear();
	raise_irq(IRQ);
	is_int(a.calls + c.calls, 2, "after the last free no handler runs");

	/* free_irq on a line with nothing on it, or out of range. */
	host_warns = 0;
	ok(free_irq(IRQ, &a) == NULL, "free_irq on an empty line: NULL");
	is_int(host_warns, 1, "free_irq on an empty line: WARN");
	ok(free_irq(NR_IRQS, &a) == NULL, "free_irq(NR_IRQS): NULL");

	/* Shut down through mask when the chip has no irq_shutdown. */
	reset(&fake_chip, handle_level_irq);
	ok(!request_irq(IRQ, fake_handler, 0, "a", &a), "request on fake_chip");
	trace_clear();
	free_irq(IRQ, &a);
	is_str(irq_trace, "mask", "last free without irq_shutdown: mask");
	ok(fake_hw[IRQ].masked && hw_agrees(IRQ), "masked");
	ok(dstate(IRQ) & IRQD_IRQ_DISABLED, "disabled");

	/* Without shutdown but with irq_disable: the line ends up off. */
	{
		struct irq_chip dchip = fake_chip;

		dchip.irq_disable = fake_disable;
		reset(&dchip, handle_level_irq);
		ok(!request_irq(IRQ, fake_handler, 0, "a", &a), "request on a chip with irq_disable");
		free_irq(IRQ, &a);
		ok(fake_hw[IRQ].masked && hw_agrees(IRQ) && (dstate(IRQ) & IRQD_IRQ_DISABLED),
		   "last free with irq_disable: off and masked");
	}

	/* From interrupt context: a WARN. */
	reset(&fake_chip_full, handle_edge_irq);
	ok(!request_irq(IRQ, fake_handler, 0, "a", &a), "request");
	host_preempt_count = HARDIRQ_OFFSET;
	free_irq(IRQ, &a);
	host_preempt_count = 0;
	ok(log_has("Trying to free IRQ 10 from IRQ context!"), "free_irq in interrupt context: WARN");

	/* A line freed while disabled starts afresh on the next request. */
	reset(&fake_chip_full, handle_edge_irq);
	ok(!request_irq(IRQ, fake_handler, 0, "a", &a), "request");
	disable_irq(IRQ);
	disable_irq(IRQ);
	free_irq(IRQ, &a);
	trace_clear();
	ok(!request_irq(IRQ, fake_handler, 0, "b", &b), "request again after free while disabled");
	is_str(irq_trace, "startup", "re-request: started again");
	is_int(D(IRQ)->depth, 0, "re-request: depth 0");
	raise_irq(IRQ);
	is_int(b.calls, 1, "re-request: handler runs");
	free_all(IRQ);
}

/* ------------------------------------------------ disable_irq / enable_irq */
static void test_disable_enable(void)
{
	struct snap s;

	/* Depth: N disables need N enables. */
	reset(&fake_chip, handle_edge_irq);
	ok(!request_irq(IRQ, fake_handler, 0, "a", &a), "request");
	disable_irq(IRQ);
	disable_irq(IRQ);
	disable_irq_nosync(IRQ);
	is_int(D(IRQ)->depth, 3, "three disables: depth 3");
	enable_irq(IRQ);
	enable_irq(IRQ);
	is_int(D(IRQ)->depth, 1, "two enables: depth 1");
	ok(dstate(IRQ) & IRQD_IRQ_DISABLED, "depth 1: still disabled");
	raise_irq(IRQ);
	is_int(a.calls, 0, "depth 1: handler not run");
	enable_irq(IRQ);
	is_int(D(IRQ)->depth, 0, "third enable: depth 0");
	ok(!(dstate(IRQ) & IRQD_IRQ_DISABLED), "depth 0: enabled");
	is_int(a.calls, 1, "pending edge delivered on the last enable only");
	raise_irq(IRQ);
	is_int(a.calls, 2, "enabled: handler runs");

	/* Unbalanced enable: WARN, nothing changes. */
	take(&s, IRQ);
	host_warns = 0;
	enable_irq(IRQ);
	is_int(host_warns, 1, "unbalanced enable: WARN");
	ok(host_warn_flags & BUGFLAG_WARNING, "unbalanced enable: a warning");
	ok(log_has("Unbalanced enable for IRQ 10\n"), "unbalanced enable: reported");
	unchanged(&s, IRQ, false, "unbalanced enable");
	free_all(IRQ);

	/* enable_irq on a line without a controller. */
	take(&s, 20);
	host_warns = 0;
	enable_irq(20);
	is_int(host_warns, 1, "enable_irq before setup: WARN");
	ok(log_has("enable_irq before setup/request_irq: irq 20"), "enable_irq before setup: reported");
	unchanged(&s, 20, false, "enable before setup");
	disable_irq(NR_IRQS);
	enable_irq(NR_IRQS);
	disable_irq_nosync(~0u);
	synchronize_irq(NR_IRQS);
	ok(1, "out-of-range disable/enable/synchronize: no crash");

	/* Lazy disable: no chip call, state only; masked when one arrives. */
	reset(&fake_chip, handle_edge_irq);
	ok(!request_irq(IRQ, fake_handler, 0, "a", &a), "request");
	trace_clear();
	disable_irq(IRQ);
	is_str(irq_trace, "", "lazy disable: no chip call");
	ok((dstate(IRQ) & IRQD_IRQ_DISABLED) && !(dstate(IRQ) & IRQD_IRQ_MASKED), "lazy disable: disabled, not masked");
	ok(!fake_hw[IRQ].masked, "lazy disable: hardware still unmasked");
	raise_irq(IRQ);
	is_str(irq_trace, "mask_ack", "interrupt while lazily disabled: masked then");
	ok(D(IRQ)->istate & IRQS_PENDING, "interrupt while disabled: IRQS_PENDING");
	is_int(a.calls, 0, "interrupt while disabled: handler not run");
	trace_clear();
	enable_irq(IRQ);
	is_str(irq_trace, "unmask ack h:a", "enable: unmask, edge replayed once");
	is_int(a.calls, 1, "enable: handler ran once");
	ok(!(D(IRQ)->istate & IRQS_PENDING), "enable: nothing pending");
	trace_clear();
	disable_irq(IRQ);
	enable_irq(IRQ);
	is_str(irq_trace, "", "disable+enable with nothing in between: no chip calls at all");
	is_int(a.calls, 1, "nothing pending: no replay");
	free_all(IRQ);

	/* A level line is not replayed: still asserted, it comes again. */
	reset(&fake_chip, handle_level_irq);
	ok(!request_irq(IRQ, fake_handler, IRQF_TRIGGER_HIGH, "a", &a), "request level-high");
	disable_irq(IRQ);
	raise_irq(IRQ);
	is_int(a.calls, 0, "level, disabled: not run");
	trace_clear();
	enable_irq(IRQ);
	is_str(irq_trace, "unmask", "level enable: unmask only");
	is_int(a.calls, 0, "level enable: no replay");
	free_all(IRQ);
	reset(&fake_chip, handle_level_irq);
	irq_set_status_flags(IRQ, IRQ_LEVEL);
	ok(!request_irq(IRQ, fake_handler, 0, "a", &a), "request on an IRQ_LEVEL line");
	disable_irq(IRQ);
	raise_irq(IRQ);
	enable_irq(IRQ);
	is_int(a.calls, 0, "IRQ_LEVEL line: no replay on enable");
	free_all(IRQ);

	/* A chip with irq_disable is told at once, and only once when nested. */
	reset(&fake_chip_full, handle_edge_irq);
	ok(!request_irq(IRQ, fake_handler, 0, "a", &a), "request on full chip");
	trace_clear();
	disable_irq(IRQ);
	disable_irq(IRQ);
	is_str(irq_trace, "disable", "chip irq_disable: called once for two nested disables");
	ok(fake_hw[IRQ].masked && hw_agrees(IRQ), "chip irq_disable: masked");
	trace_clear();
	enable_irq(IRQ);
	is_str(irq_trace, "", "inner enable: no chip call");
	enable_irq(IRQ);
	is_str(irq_trace, "enable", "outer enable: irq_enable");
	ok(!fake_hw[IRQ].masked && hw_agrees(IRQ), "enabled: unmasked");
	free_all(IRQ);

	/* IRQ_DISABLE_UNLAZY: masked at disable time. */
	reset(&fake_chip, handle_edge_irq);
	irq_set_status_flags(IRQ, IRQ_DISABLE_UNLAZY);
	ok(!request_irq(IRQ, fake_handler, 0, "a", &a), "request on an unlazy line");
	trace_clear();
	disable_irq(IRQ);
	is_str(irq_trace, "mask", "IRQ_DISABLE_UNLAZY: mask at disable_irq");
	ok(fake_hw[IRQ].masked && hw_agrees(IRQ), "unlazy: masked");
	disable_irq(IRQ);
	is_str(irq_trace, "mask", "unlazy, nested: no second mask");
	trace_clear();
	enable_irq(IRQ);
	enable_irq(IRQ);
	is_str(irq_trace, "unmask", "unlazy enable: unmask");
	ok(!fake_hw[IRQ].masked && hw_agrees(IRQ), "unlazy enable: unmasked");
	free_all(IRQ);
}

/* ---------------- waiting for a handler running on another CPU --------- */
static volatile int in_handler, handler_done;

static void hook_slow(struct fake_dev *dev, int irq)
{
	in_handler = 1;
	usleep(200 * 1000);
	handler_done = 1;
}

/* The interrupt on "CPU 1". Not through raise_irq_on(): preempt_count and
 * cpu_number are single host globals, and this CPU's hardirq count would
 * make the main thread's free_irq() look like it runs in interrupt context. */
static void *other_cpu(void *arg)
{
	generic_handle_irq(IRQ);
	return NULL;
}

static void test_synchronize(void)
{
	pthread_t t;

	for (int pass = 0; pass < 2; pass++) {
		reset(&fake_chip, handle_edge_irq);
		ok(!request_irq(IRQ, fake_handler, 0, "a", &a), "request");
		a.hook = hook_slow;
		irq_trace_on = false;
		in_handler = handler_done = 0;
		/* Interrupts "off" in this thread too, so the two threads never
		 * disagree about the one shared flags word. */
		host_irq_flags = 0;
		pthread_create(&t, NULL, other_cpu, NULL);
		while (!in_handler)
			usleep(1000);
		if (pass == 0) {
			disable_irq(IRQ);
			ok(handler_done, "disable_irq returns only after the running handler finished");
		} else {
			free_irq(IRQ, &a);
			ok(handler_done, "free_irq returns only after the running handler finished");
		}
		pthread_join(t, NULL);
		host_irq_flags = 0x200;
		a.hook = NULL;
		if (pass == 0) {
			disable_irq_nosync(IRQ);
			is_int(D(IRQ)->depth, 2, "disable_irq after synchronizing: depth counted");
			enable_irq(IRQ);
			enable_irq(IRQ);
			free_all(IRQ);
		}
	}
}

int main(void)
{
	alarm(120);
	test_request_errors();
	test_trigger_adoption();
	test_request();
	test_free();
	test_disable_enable();
	test_synchronize();
	irq_host_reset();
	is_int(host_live_allocs, 0, "every irqaction freed");
	return done_testing();
}
