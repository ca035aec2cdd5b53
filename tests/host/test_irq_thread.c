// SPDX-License-Identifier: MIT
/*
 * Host tests for threaded interrupt handlers (kernel/irq/thread.c and the
 * IRQF_ONESHOT parts of manage.c, chip.c and handle.c), against the fake
 * irq_chip of irq_host.c and the fake kthreads of irq_thread_host.c.
 *
 * No thread runs on the host: after an interrupt the test plays the
 * irq/N-name thread by calling irq_thread_step(), the body of its loop.
 * The chip call trace then shows exactly what the hardware saw: for a
 * oneshot level line "mask_ack" at the interrupt, no unmask, and the
 * unmask only after the thread function ("h:NAME") has returned.
 * IRQTF_AFFINITY is checked the same way: irq_set_affinity() marks the
 * threads, the test plays the thread calling irq_thread_check_affinity(),
 * and the fake set_cpus_allowed_ptr() records the mask it was given.
 */
#include <linux/kernel.h>
#include <linux/irq.h>
#include <linux/irqdesc.h>
#include <linux/interrupt.h>
#include <linux/sched.h>
#include <linux/errno.h>
#include <linux/string.h>
#include "irq_host.h"
#include "irq_thread_host.h"
#include "../../kernel/irq/internals.h"
#include "tap.h"
#include <unistd.h>

#define IRQ 10

static struct fake_dev a, b;

static void line(struct irq_chip *chip, irq_flow_handler_t flow)
{
	irq_host_reset();
	a = (struct fake_dev){ .name = "a", .ret = IRQ_HANDLED };
	b = (struct fake_dev){ .name = "b", .ret = IRQ_HANDLED };
	host_wq_wakeups = 0;
	setup_line(IRQ, chip, flow);
}

static void free_all(void)
{
	while (D(IRQ)->action)
		free_irq(IRQ, D(IRQ)->action->dev_id);
}

static struct irqaction *action_of(void *dev_id)
{
	struct irqaction *act;

	for (act = D(IRQ)->action; act; act = act->next)
		if (act->dev_id == dev_id)
			return act;
	return NULL;
}

/* Request: the default primary handler, the thread, its name and policy. */
static void test_request(void)
{
	struct irqaction *act;
	unsigned int live = host_kthreads_live;

	line(&fake_chip, handle_level_irq);
	is_int(request_threaded_irq(IRQ, NULL, fake_handler, IRQF_ONESHOT, "a", &a), 0,
	       "NULL handler + thread_fn + IRQF_ONESHOT on a level line: accepted");
	act = D(IRQ)->action;
	ok(act && act->handler == irq_default_primary_handler,
	   "the primary handler is irq_default_primary_handler");
	ok(act && act->thread_fn == fake_handler, "thread_fn kept");
	ok(act && act->thread, "a thread was created");
	if (!act || !act->thread)
		return;
	is_str(act->thread->comm, "irq/10-a", "thread named irq/N-name");
	is_int(act->thread->policy, SCHED_FIFO, "thread is SCHED_FIFO");
	is_int(act->thread->rt_priority, 50, "at priority 50");
	is_int(host_task_wakeups(act->thread), 1, "started once (to sleep in its loop)");
	is_int(act->thread_mask, 1, "first oneshot action owns bit 0");
	is_int(host_kthreads_live, live + 1, "one thread live");
	free_all();
	is_int(host_kthreads_live, live, "free_irq stopped the thread");

	line(&fake_chip, handle_level_irq);
	ok(!request_threaded_irq(IRQ, NULL, fake_handler, IRQF_ONESHOT,
				 "a-very-long-device", &a), "long name: accepted");
	is_str(D(IRQ)->action->thread->comm, "irq/10-a-very-l",
	       "thread name cut to 15 characters");
	free_all();

	line(&fake_chip, handle_level_irq);
	host_kthread_fail = true;
	is_int(request_threaded_irq(IRQ, NULL, fake_handler, IRQF_ONESHOT, "a", &a), -ENOMEM,
	       "no thread: -ENOMEM");
	ok(!D(IRQ)->action, "nothing attached");
	is_int(host_live_allocs, 0, "the action was freed");

	/* A refused request stops the thread it had made. */
	line(&fake_chip, handle_level_irq);
	ok(!request_irq(IRQ, fake_handler, IRQF_SHARED, "a", &a), "setup: shared handler a");
	live = host_kthreads_live;
	is_int(request_threaded_irq(IRQ, NULL, fake_handler2, IRQF_SHARED | IRQF_ONESHOT, "b", &b),
	       -EBUSY, "oneshot sharer of a non-oneshot line: -EBUSY");
	is_int(host_kthreads_live, live, "its thread was stopped again");
	is_str(chain(IRQ), "a", "chain unchanged");
	free_all();
}

/* The oneshot level flow: masked from the interrupt until the thread ends. */
static void test_oneshot_level(void)
{
	struct irqaction *act;

	line(&fake_chip, handle_level_irq);
	ok(!request_threaded_irq(IRQ, NULL, fake_handler, IRQF_ONESHOT, "a", &a), "setup");
	act = D(IRQ)->action;
	trace_clear();

	raise_irq(IRQ);
	is_str(irq_trace, "mask_ack", "interrupt: mask+ack, no handler yet, NO unmask");
	ok(fake_hw[IRQ].masked && irqd_irq_masked(&D(IRQ)->irq_data),
	   "line masked (hardware and IRQD_IRQ_MASKED) while the thread is pending");
	is_int(D(IRQ)->threads_oneshot, 1, "its oneshot bit is set");
	is_int(D(IRQ)->threads_active, 1, "one thread active");
	is_int(host_task_wakeups(act->thread), 2, "the thread was woken");
	is_int(kstat_irqs(IRQ), 1, "counted once, at the hard interrupt");
	is_int(a.calls, 0, "thread_fn not run in hardirq context");

	ok(irq_thread_step(act), "thread: a run was pending");
	is_str(irq_trace, "mask_ack h:a unmask", "thread_fn ran, then the line was unmasked");
	ok(!fake_hw[IRQ].masked && hw_agrees(IRQ), "line unmasked");
	ok(!a.saw_in_irq && !a.saw_irqs_disabled,
	   "thread_fn ran in process context with interrupts on");
	is_int(D(IRQ)->threads_oneshot, 0, "oneshot bit cleared");
	is_int(D(IRQ)->threads_active, 0, "no thread active");
	is_int(host_wq_wakeups, 1, "synchronize_irq() waiters woken");
	ok(!irq_thread_step(act), "no second run without an interrupt");
	is_str(irq_trace, "mask_ack h:a unmask", "and no chip call");

	/* Disabled while the thread runs: the thread does not unmask. */
	trace_clear();
	raise_irq(IRQ);
	disable_irq_nosync(IRQ);
	irq_thread_step(act);
	is_str(irq_trace, "mask_ack h:a", "disabled meanwhile: the thread leaves it masked");
	enable_irq(IRQ);
	is_str(irq_trace, "mask_ack h:a unmask", "enable_irq() unmasks");
	synchronize_irq(IRQ);
	free_all();
}

/* A real primary handler that decides to wake the thread. */
static void test_primary_wakes(void)
{
	struct irqaction *act;

	line(&fake_chip, handle_level_irq);
	a.ret = IRQ_WAKE_THREAD;
	ok(!request_threaded_irq(IRQ, fake_handler, fake_handler2, IRQF_ONESHOT, "a", &a), "setup");
	act = D(IRQ)->action;
	trace_clear();
	raise_irq(IRQ);
	is_str(irq_trace, "mask_ack h:a", "primary ran in the interrupt; no unmask");
	ok(a.saw_in_irq, "primary in hardirq context");
	irq_thread_step(act);
	is_str(irq_trace, "mask_ack h:a h:a unmask", "thread_fn, then unmask");

	/* IRQ_HANDLED from the primary: no thread, unmasked at once. */
	a.ret = IRQ_HANDLED;
	trace_clear();
	raise_irq(IRQ);
	is_str(irq_trace, "mask_ack h:a unmask", "IRQ_HANDLED: plain level flow");
	ok(!irq_thread_step(act), "and no thread run");
	free_all();
}

/* Two oneshot threads on a shared line: the last one to finish unmasks. */
static void test_oneshot_shared(void)
{
	struct irqaction *aa, *ab;

	line(&fake_chip, handle_level_irq);
	ok(!request_threaded_irq(IRQ, NULL, fake_handler, IRQF_SHARED | IRQF_ONESHOT, "a", &a) &&
	   !request_threaded_irq(IRQ, NULL, fake_handler, IRQF_SHARED | IRQF_ONESHOT, "b", &b),
	   "setup: two oneshot threaded actions");
	aa = action_of(&a);
	ab = action_of(&b);
	is_int(aa->thread_mask, 1, "a owns bit 0");
	is_int(ab->thread_mask, 2, "b owns bit 1");
	trace_clear();
	raise_irq(IRQ);
	is_int(D(IRQ)->threads_oneshot, 3, "both threads pending");
	irq_thread_step(ab);
	is_str(irq_trace, "mask_ack h:b", "b finished first: still masked");
	ok(fake_hw[IRQ].masked, "line masked while a has not run");
	irq_thread_step(aa);
	is_str(irq_trace, "mask_ack h:b h:a unmask", "a finished: unmasked");
	free_all();
}

/* fasteoi: masked around the handlers, EOI at once, unmask after the thread. */
static void test_oneshot_fasteoi(void)
{
	line(&fake_chip, handle_fasteoi_irq);
	ok(!request_threaded_irq(IRQ, NULL, fake_handler, IRQF_ONESHOT, "a", &a), "setup");
	trace_clear();
	raise_irq(IRQ);
	is_str(irq_trace, "mask eoi", "fasteoi: mask, eoi, no unmask");
	irq_thread_step(D(IRQ)->action);
	is_str(irq_trace, "mask eoi h:a unmask", "unmask after the thread");
	free_all();
}

/* Edge: nothing to mask; a second edge while the thread runs runs it again. */
static void hook_reraise_once(struct fake_dev *dev, int irq)
{
	if (dev->calls == 1)
		raise_irq_on(irq, 1);
}

static void test_edge_rerun(void)
{
	struct irqaction *act;

	line(&fake_chip, handle_edge_irq);
	ok(!request_threaded_irq(IRQ, NULL, fake_handler, IRQF_ONESHOT | IRQF_TRIGGER_RISING,
				 "a", &a), "setup");
	act = D(IRQ)->action;
	trace_clear();
	raise_irq(IRQ);
	raise_irq(IRQ);
	is_int(D(IRQ)->threads_active, 1, "two edges before the thread ran: one run pending");
	is_int(host_task_wakeups(act->thread), 2, "woken once (plus the start)");
	irq_thread_step(act);
	ok(!irq_thread_step(act), "one run covered both edges");
	is_int(a.calls, 1, "thread_fn ran once");

	a.hook = hook_reraise_once;
	a.calls = 0;
	raise_irq(IRQ);
	irq_thread_step(act);
	is_int(D(IRQ)->threads_active, 1, "an edge during the run asked for another");
	is_int(D(IRQ)->threads_oneshot, 1, "and kept the oneshot bit for it");
	ok(irq_thread_step(act), "second run");
	is_int(D(IRQ)->threads_oneshot, 0, "bit cleared after it");
	is_int(a.calls, 2, "thread_fn ran twice");
	ok(!strstr(irq_trace, "mask"), "an edge line is never masked for its thread");
	free_all();
}

/* The spurious detector counts a woken thread as handled. */
static void test_spurious_accounting(void)
{
	line(&fake_chip, handle_level_irq);
	a.ret = IRQ_WAKE_THREAD;
	ok(!request_threaded_irq(IRQ, fake_handler, fake_handler2, IRQF_ONESHOT, "a", &a), "setup");
	for (int i = 0; i < 10; i++) {
		raise_irq(IRQ);
		irq_thread_step(D(IRQ)->action);
	}
	is_int(D(IRQ)->irqs_unhandled, 0, "IRQ_WAKE_THREAD is not unhandled");
	free_all();

	/* IRQ_WAKE_THREAD from an action without a thread: told once. */
	line(&fake_chip, handle_level_irq);
	a.ret = IRQ_WAKE_THREAD;
	ok(!request_irq(IRQ, fake_handler, 0, "a", &a), "setup: no thread_fn");
	raise_irq(IRQ);
	raise_irq(IRQ);
	is_int(log_count("IRQ 10 device a returned IRQ_WAKE_THREAD but no thread function available.\n"),
	       1, "reported once");
	is_int(D(IRQ)->threads_active, 0, "nothing woken");
	ok(!fake_hw[IRQ].masked, "the line is unmasked as usual");
	free_all();
}

/* irqfixup: a misrouted interrupt polls a threaded line - its thread runs. */
static void test_misrouted_poll(void)
{
	line(&fake_chip, handle_level_irq);
	setup_line(IRQ + 2, &fake_chip, handle_level_irq);
	a.ret = IRQ_WAKE_THREAD;
	b.ret = IRQ_NONE;
	ok(!request_threaded_irq(IRQ, fake_handler, fake_handler2, IRQF_SHARED | IRQF_ONESHOT,
				 "a", &a) &&
	   !request_irq(IRQ + 2, fake_handler, 0, "b", &b), "setup: threaded a on 10, b on 12");
	irqfixup = IRQ_MISROUTED_FIXUP;
	raise_irq(IRQ + 2);
	is_int(a.calls, 1, "IRQ_NONE on 12 polled line 10's primary");
	is_int(D(IRQ)->threads_active, 1, "which woke its thread");
	ok(irq_thread_step(D(IRQ)->action), "the thread runs");
	is_int(a.calls, 2, "thread_fn ran");
	is_int(D(IRQ + 2)->irqs_unhandled, 0, "the poll's claim is credited to line 12");
	irqfixup = 0;
	free_all();
	while (D(IRQ + 2)->action)
		free_irq(IRQ + 2, D(IRQ + 2)->action->dev_id);
}

/* "threadirqs": forced threading of plain request_irq() handlers. */
static int bh_seen = -1;

static void hook_bh(struct fake_dev *dev, int irq)
{
	(void)dev;
	(void)irq;
	bh_seen = host_bh_depth;
}

static void test_forced(void)
{
	struct irqaction *act;

	line(&fake_chip, handle_level_irq);
	force_irqthreads_enabled = true;
	a.hook = hook_bh;
	ok(!request_irq(IRQ, fake_handler, IRQF_SHARED, "a", &a), "request_irq under threadirqs");
	act = D(IRQ)->action;
	ok(act->flags & IRQF_ONESHOT, "IRQF_ONESHOT added");
	ok(act->handler == irq_default_primary_handler, "primary: the default handler");
	ok(act->thread_fn == fake_handler, "the driver's handler became the thread_fn");
	ok(act->thread && !strcmp(act->thread->comm, "irq/10-a"), "thread irq/10-a");
	trace_clear();
	raise_irq(IRQ);
	is_str(irq_trace, "mask_ack", "interrupt: masked, handler not run yet");
	is_int(kstat_irqs(IRQ), 1, "/proc/interrupts count unchanged: one per interrupt");
	irq_thread_step(act);
	is_str(irq_trace, "mask_ack h:a unmask", "forced thread ran the handler, then unmasked");
	is_int(bh_seen, 1, "forced handler runs with bottom halves disabled");
	ok(a.saw_irqs_disabled && !a.saw_in_irq,
	   "forced handler runs with interrupts off, in process context");
	is_int(host_bh_depth, 0, "bottom halves enabled again after");
	ok(!irqs_disabled(), "interrupts on again after");
	free_all();

	/* Left in hard interrupt context. */
	static const struct { unsigned long flags; const char *what; } keep[] = {
		{ IRQF_NO_THREAD, "IRQF_NO_THREAD" },
		{ IRQF_TIMER, "IRQF_TIMER" },
		{ IRQF_PERCPU, "IRQF_PERCPU" },
	};
	for (unsigned int i = 0; i < ARRAY_SIZE(keep); i++) {
		line(&fake_chip, handle_level_irq);
		ok(!request_irq(IRQ, fake_handler, keep[i].flags, "a", &a), "%s: request", keep[i].what);
		act = D(IRQ)->action;
		ok(act->handler == fake_handler && !act->thread && !(act->flags & IRQF_ONESHOT),
		   "%s: not forced", keep[i].what);
		trace_clear();
		raise_irq(IRQ);
		ok(!strcmp(irq_trace, "mask_ack h:a unmask") || keep[i].flags & IRQF_PERCPU,
		   "%s: handler ran in the interrupt", keep[i].what);
		free_all();
	}

	/* A driver's own oneshot threaded request keeps its primary. */
	line(&fake_chip, handle_level_irq);
	ok(!request_threaded_irq(IRQ, fake_handler, fake_handler2, IRQF_ONESHOT, "a", &a),
	   "threaded request under threadirqs");
	act = D(IRQ)->action;
	ok(act->handler == fake_handler && act->thread_fn == fake_handler2 &&
	   !(act->thread_flags & (1UL << IRQTF_FORCED_THREAD)), "left as the driver asked");
	free_all();
	force_irqthreads_enabled = false;

	line(&fake_chip, handle_level_irq);
	ok(!request_irq(IRQ, fake_handler, 0, "a", &a), "without threadirqs");
	ok(D(IRQ)->action->handler == fake_handler && !D(IRQ)->action->thread,
	   "request_irq() is not threaded");
	free_all();
}

/*
 * A controller that steers: like the I/O APIC it targets one CPU, the
 * lowest of the mask, and reports it - unless told to report nothing or
 * to refuse.
 */
static bool aff_silent;
static int aff_ret;

static int aff_set_affinity(struct irq_data *d, unsigned long mask, bool force)
{
	(void)force;
	if (aff_ret)
		return aff_ret;
	if (!aff_silent)
		irq_to_desc(d->irq)->effective_affinity = mask & -mask;
	return 0;
}

static struct irq_chip aff_chip;

static bool affinity_flag(struct irqaction *act)
{
	return act->thread_flags & (1UL << IRQTF_AFFINITY);
}

static void set_aff(unsigned long bits, int want, const char *what)
{
	cpumask_t m = { { bits } };

	is_int(irq_set_affinity(IRQ, &m), want, what);
}

/* IRQTF_AFFINITY: set on every thread of the line, applied by the thread. */
static void test_thread_affinity(void)
{
	struct irqaction *act, *act2;
	struct irq_desc *desc;
	unsigned int calls;

	aff_chip = fake_chip;
	aff_chip.irq_set_affinity = aff_set_affinity;
	aff_silent = false;
	aff_ret = 0;
	host_set_cpus_ret = 0;
	line(&aff_chip, handle_fasteoi_irq);
	desc = D(IRQ);
	ok(!request_threaded_irq(IRQ, NULL, fake_handler, IRQF_ONESHOT | IRQF_SHARED, "a", &a),
	   "setup a threaded action on a steerable line");
	act = action_of(&a);
	ok(affinity_flag(act), "a new thread is marked to follow the line");
	is_int(desc->effective_affinity, 1, "startup: the controller targets CPU 0");

	calls = host_set_cpus_calls;
	ok(irq_thread_check_affinity(act), "the thread applies the mark");
	is_int(host_set_cpus_calls, calls + 1, "one set_cpus_allowed_ptr()");
	is_int(host_cpus_allowed, 1, "to CPU 0, the effective affinity");
	ok(!affinity_flag(act), "mark consumed");
	ok(!irq_thread_check_affinity(act), "no mark: nothing to do");
	is_int(host_set_cpus_calls, calls + 1, "and no second call");

	/* Two CPUs asked for, one targeted: the thread takes the target. */
	ok(!request_threaded_irq(IRQ, NULL, fake_handler2, IRQF_ONESHOT | IRQF_SHARED, "b", &b),
	   "a second threaded action on the line");
	act2 = action_of(&b);
	irq_thread_check_affinity(act2);
	set_aff(0xc, 0, "affinity 2-3");
	is_int(desc->effective_affinity, 0x4, "the controller targets CPU 2");
	ok(affinity_flag(act) && affinity_flag(act2), "both threads of the line are marked");
	ok(irq_thread_check_affinity(act), "thread a follows");
	is_int(host_cpus_allowed, 0x4, "to CPU 2 (effective), not CPUs 2-3 (requested)");
	ok(irq_thread_check_affinity(act2), "thread b follows");
	is_int(host_cpus_allowed, 0x4, "to CPU 2 as well");

	/* A refused move marks nothing. */
	aff_ret = -ENOSPC;
	set_aff(0x8, -ENOSPC, "the controller refuses CPU 3");
	aff_ret = 0;
	ok(!affinity_flag(act) && !affinity_flag(act2), "a refused move marks no thread");
	is_int(desc->effective_affinity, 0x4, "still on CPU 2");

	/* A controller that reports nothing delivers to the mask's CPUs. */
	aff_silent = true;
	set_aff(0xa, 0, "affinity 1,3 on a controller that reports no target");
	ok(irq_thread_check_affinity(act), "thread a follows");
	is_int(host_cpus_allowed, 0xa, "to CPUs 1 and 3");
	aff_silent = false;

	/* No effective affinity at all: the requested mask. */
	desc->effective_affinity = 0;
	desc->affinity = 0x6;
	is_int(irq_thread_affinity_mask(desc), 0x6, "no effective affinity: the requested one");

	/* set_cpus_allowed_ptr() fails: the mark stays for the next run. */
	set_aff(0x2, 0, "affinity CPU 1");
	host_set_cpus_ret = -EINVAL;
	ok(!irq_thread_check_affinity(act), "the move fails");
	ok(affinity_flag(act), "the mark stays");
	host_set_cpus_ret = 0;
	ok(irq_thread_check_affinity(act), "next run: applied");
	is_int(host_cpus_allowed, 0x2, "to CPU 1");
	free_all();

	/* A per-CPU line: its threads are never moved. */
	line(&aff_chip, handle_fasteoi_irq);
	ok(!request_threaded_irq(IRQ, NULL, fake_handler, IRQF_ONESHOT | IRQF_PERCPU, "a", &a),
	   "setup a threaded per-CPU action");
	act = action_of(&a);
	set_aff(0x4, -EINVAL, "a per-CPU line cannot be steered");
	is_int(irq_thread_affinity_mask(D(IRQ)), 0, "no CPUs for its thread");
	calls = host_set_cpus_calls;
	ok(!irq_thread_check_affinity(act), "its thread leaves its CPUs alone");
	is_int(host_set_cpus_calls, calls, "no set_cpus_allowed_ptr()");
	free_all();
}

int main(void)
{
	alarm(60);
	test_request();
	test_oneshot_level();
	test_primary_wakes();
	test_oneshot_shared();
	test_oneshot_fasteoi();
	test_edge_rerun();
	test_spurious_accounting();
	test_misrouted_poll();
	test_forced();
	test_thread_affinity();
	irq_host_reset();
	is_int(host_live_allocs, 0, "every irqaction freed");
	is_int(host_kthreads_live, 0, "every thread stopped");
	return done_testing();
}
