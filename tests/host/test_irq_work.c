// SPDX-License-Identifier: MIT
/*
 * Host tests for irq_work (kernel/irq_work.c) on one host "CPU". The
 * architecture is faked: arch_irq_work_raise() counts self-IPIs, and the
 * test delivers the "interrupt" by calling irq_work_run() inside a
 * simulated hard IRQ, as sysvec_irq_work() would. Checked:
 *
 *   - one self-IPI per empty->non-empty transition of the raised list, not
 *     one per work; a pending work is refused and runs once;
 *   - works run oldest first, in hard IRQ context, with PENDING clear and
 *     BUSY set while the function runs, both clear after;
 *   - a function may queue its own work again, which raises a new IPI and
 *     runs at the next interrupt (not in a loop inside this one);
 *   - IRQ_WORK_LAZY works raise nothing and run from irq_work_tick();
 *     without an IPI (arch_irq_work_has_interrupt() false) every work goes
 *     to the tick;
 *   - a work queued "from an NMI" while the list is being emptied (a
 *     function queueing another work mid-run) is not lost;
 *   - irq_work_queue_on() an offline CPU is refused.
 */
#include <linux/kernel.h>
#include <linux/irq_work.h>
#include <linux/hardirq.h>
#include <linux/preempt.h>
#include <linux/cpumask.h>
#include <linux/smp.h>
#include <asm/irq.h>
#include "tap.h"
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>

unsigned long host_irq_flags = 0x200;
unsigned long host_preempt_count;
int cpu_number;
unsigned int nr_cpu_ids = 1;
DEFINE_PER_CPU(struct irq_cpustat, irq_stat);
struct cpumask __cpu_online_mask = { { 1 } };

static unsigned int raises, raises_on;
static bool has_interrupt = true;
static unsigned long warns;

void arch_irq_work_raise(void) { raises++; }
void arch_irq_work_raise_on(int cpu) { raises_on++; }
bool arch_irq_work_has_interrupt(void) { return has_interrupt; }

void host_bug(const char *file, int line, unsigned int flags)
{
	printf("# WARN at %s:%d\n", file, line);
	warns++;
}

int printk(const char *fmt, ...) { (void)fmt; return 0; }

/* The IRQ_WORK_VECTOR interrupt: irqs off, hard IRQ count, run the list. */
static void deliver(void)
{
	unsigned long flags = host_irq_flags;

	host_irq_flags &= ~0x200UL;
	host_preempt_count += HARDIRQ_OFFSET;
	irq_work_run();
	host_preempt_count -= HARDIRQ_OFFSET;
	host_irq_flags = flags;
}

static void tick(void)
{
	host_preempt_count += HARDIRQ_OFFSET;
	irq_work_tick();
	host_preempt_count -= HARDIRQ_OFFSET;
}

struct probe {
	struct irq_work work;
	char name;
	unsigned int runs;
	unsigned long ctx;
	unsigned int flags_in_fn;
	unsigned int requeue;              /* queue itself again */
	struct irq_work *also;             /* queue this other work from the fn */
	bool also_ret;
};

static char order[32];

static void probe_fn(struct irq_work *w)
{
	struct probe *p = container_of(w, struct probe, work);
	size_t n = strlen(order);

	if (n + 1 < sizeof(order)) {
		order[n] = p->name;
		order[n + 1] = 0;
	}
	p->runs++;
	p->ctx = preempt_count();
	p->flags_in_fn = w->flags;
	if (p->requeue) {
		p->requeue--;
		ok(irq_work_queue(w), "%c: queueing itself from its function is accepted", p->name);
	}
	if (p->also) {
		p->also_ret = irq_work_queue(p->also);
		p->also = NULL;
	}
}

static void probe_init(struct probe *p, char name)
{
	memset(p, 0, sizeof(*p));
	init_irq_work(&p->work, probe_fn);
	p->name = name;
}

static void reset(void)
{
	raises = raises_on = 0;
	order[0] = 0;
	has_interrupt = true;
}

static void test_one_ipi_per_batch(void)
{
	struct probe a, b, c;

	reset();
	probe_init(&a, 'a');
	probe_init(&b, 'b');
	probe_init(&c, 'c');
	ok(irq_work_queue(&a.work), "a queued");
	is_int(raises, 1, "the first work raises the IPI");
	ok(!irq_work_queue(&a.work), "a again: refused while pending");
	ok(irq_work_is_pending(&a.work) && irq_work_is_busy(&a.work), "a is PENDING|BUSY");
	ok(irq_work_queue(&b.work), "b queued");
	ok(irq_work_queue(&c.work), "c queued");
	is_int(raises, 1, "b and c ride on the same IPI");
	deliver();
	is_str(order, "abc", "run oldest first");
	is_int(a.runs, 1, "a ran once");
	is_int(a.ctx & HARDIRQ_MASK, HARDIRQ_OFFSET, "in hard IRQ context");
	is_int(a.flags_in_fn, IRQ_WORK_BUSY, "while running: BUSY, not PENDING");
	is_int(a.work.flags, 0, "after: neither");
	ok(!irq_work_is_busy(&c.work), "c not busy");
	deliver();
	is_str(order, "abc", "a second interrupt runs nothing");
	ok(irq_work_queue(&a.work), "a can be queued again");
	is_int(raises, 2, "and raises a new IPI");
	deliver();
	is_int(a.runs, 2, "a ran again");
}

static void test_requeue_from_function(void)
{
	struct probe a;

	reset();
	probe_init(&a, 'a');
	a.requeue = 2;
	irq_work_queue(&a.work);
	deliver();
	is_int(a.runs, 1, "requeued work does not loop within one interrupt");
	is_int(raises, 2, "its requeue raised a new IPI");
	ok(irq_work_is_pending(&a.work), "and it is pending");
	is_int(a.flags_in_fn, IRQ_WORK_BUSY, "it was not pending when it re-queued itself");
	deliver();
	deliver();
	is_int(a.runs, 3, "ran three times over three interrupts");
	is_int(a.work.flags, 0, "idle at the end");
	is_int(irq_work_run_count(0) >= 3, 1, "irq_work_run_count counts runs");
}

static void test_queue_other_while_running(void)
{
	struct probe a, b;

	reset();
	probe_init(&a, 'a');
	probe_init(&b, 'b');
	a.also = &b.work;      /* like an NMI queueing while the list runs */
	irq_work_queue(&a.work);
	deliver();
	ok(a.also_ret, "b queued from a's function");
	is_int(b.runs, 0, "b waits for the next interrupt");
	is_int(raises, 2, "which b's queueing raised");
	deliver();
	is_int(b.runs, 1, "b ran");
	is_str(order, "ab", "in order");
}

static void test_lazy_and_no_interrupt(void)
{
	struct probe a, l;

	reset();
	probe_init(&a, 'a');
	probe_init(&l, 'l');
	init_irq_work(&l.work, probe_fn);
	l.work.flags = IRQ_WORK_LAZY;
	ok(irq_work_queue(&l.work), "lazy work queued");
	is_int(raises, 0, "lazy: no IPI");
	deliver();
	is_int(l.runs, 0, "lazy: not run by the IPI handler");
	tick();
	is_int(l.runs, 1, "lazy: run by the tick");
	is_int(l.work.flags, IRQ_WORK_LAZY, "lazy flag kept, PENDING/BUSY clear");

	has_interrupt = false;
	ok(irq_work_queue(&a.work), "no IPI available: queued anyway");
	is_int(raises, 0, "no IPI sent");
	tick();
	is_int(a.runs, 1, "the tick ran it");
	has_interrupt = true;
}

static void test_queue_on(void)
{
	struct probe a;

	reset();
	probe_init(&a, 'a');
	ok(!irq_work_queue_on(&a.work, 1), "CPU 1 is offline: refused");
	ok(!irq_work_is_busy(&a.work), "and not claimed");
	ok(irq_work_queue_on(&a.work, 0), "this CPU: accepted");
	is_int(raises, 1, "as a self-IPI");
	is_int(raises_on, 0, "not a remote one");
	deliver();
	is_int(a.runs, 1, "ran");
	irq_work_sync(&a.work);
	is_int(warns, 0, "irq_work_sync with interrupts on: no WARN");
}

int main(void)
{
	test_one_ipi_per_batch();
	test_requeue_from_function();
	test_queue_other_while_running();
	test_lazy_and_no_interrupt();
	test_queue_on();
	return done_testing();
}
