// SPDX-License-Identifier: MIT
/*
 * KUnit suite "x86_irq": the path from vector to handler, driven by
 * interrupts on IRQ 3's vector (nothing is wired to COM2 under QEMU, so
 * no real interrupt competes): do_IRQ finds the descriptor through
 * vector_irq[], the flow masks/acks and unmasks, the handler runs on the
 * per-CPU IRQ stack in hardirq context, and the driver API
 * (disable/enable depth, lazy masking, edge replay, errors) behaves on
 * the real controller. By default IRQ 3 is an I/O APIC edge line: the
 * interrupt is a self-IPI on its vector through the local APIC (so its
 * EOI is real) and masking is the RTE's mask bit. Under "noapic" or
 * "nolapic" it is the 8259's: a software "int $0x23" and the IMR.
 */
#include <kunit/test.h>
#include <linux/kernel.h>
#include <linux/interrupt.h>
#include <linux/irqdesc.h>
#include <linux/hardirq.h>
#include <linux/errno.h>
#include <linux/bug.h>
#include <asm/irq.h>
#include <asm/i8259.h>
#include <asm/apic.h>
#include <asm/hw_irq.h>
#include <asm/io_apic.h>
#include <asm/stacktrace.h>
#include <asm/processor.h>
#include <asm/page.h>

#define TEST_IRQ 3

struct probe {
	unsigned int calls;
	unsigned long sp;
	unsigned long preempt;
	bool in_irq, in_nmi;
	irqreturn_t ret;
};

static irqreturn_t probe_handler(int irq, void *dev_id)
{
	struct probe *p = dev_id;

	p->calls++;
	p->sp = current_stack_pointer_val();
	p->preempt = preempt_count();
	p->in_irq = in_irq();
	p->in_nmi = in_nmi();
	return p->ret;
}

static void raise_irq3(void)
{
	if (irq_is_ioapic(TEST_IRQ))
		apic_self_ipi_wait(irq_cfg(TEST_IRQ)->vector);
	else
		__asm__ __volatile__("int $0x23" ::: "memory");
}

/* Is IRQ 3 masked at its controller? */
static bool test_irq_masked(void)
{
	u64 rte;

	if (!ioapic_read_irq_entry(TEST_IRQ, &rte))
		return rte & IO_APIC_RTE_MASKED;
	return i8259A_get_mask() & (1u << TEST_IRQ);
}

/* Wait (bounded) for a replay sent as an IPI to reach the handler. */
static void wait_calls(struct probe *p, unsigned int n)
{
	unsigned long i;

	for (i = 0; READ_ONCE(p->calls) < n && i < 10000000; i++)
		cpu_relax();
}

static void vector_maps_to_isa_irqs(struct kunit *test)
{
	unsigned int irq;

	/* 0x7f is the last device vector the allocator would hand out. */
	KUNIT_EXPECT_NULL(test, this_cpu_read(vector_irq[0x7f]));
	if (!io_apic_irqs) {
		for (irq = 0; irq < NR_LEGACY_IRQS; irq++)
			KUNIT_EXPECT_PTR_EQ(test, this_cpu_read(vector_irq[ISA_IRQ_VECTOR(irq)]),
					    irq_to_desc(irq));
		KUNIT_EXPECT_PTR_EQ(test, irq_get_chip(0), &i8259A_chip);
		KUNIT_EXPECT_STREQ(test, irq_get_chip(0)->name, "XT-PIC");
		KUNIT_ASSERT_NOT_NULL(test, irq_to_desc(2)->action);
		KUNIT_EXPECT_STREQ(test, irq_to_desc(2)->action->name, "cascade");
		return;
	}
	/* I/O APIC: each routed ISA IRQ on its own vector; 0x27/0x2f kept for
	 * the 8259's spurious IRQs; no cascade. */
	for (irq = 0; irq < NR_LEGACY_IRQS; irq++) {
		if (!(io_apic_irqs & (1UL << irq)))
			continue;
		KUNIT_EXPECT_TRUE(test, irq_is_ioapic(irq));
		KUNIT_EXPECT_PTR_EQ(test, this_cpu_read(vector_irq[irq_cfg(irq)->vector]),
				    irq_to_desc(irq));
	}
	KUNIT_EXPECT_PTR_EQ(test, this_cpu_read(vector_irq[ISA_IRQ_VECTOR(7)]), irq_to_desc(7));
	KUNIT_EXPECT_NULL(test, this_cpu_read(vector_irq[ISA_IRQ_VECTOR(3)]));
	KUNIT_EXPECT_STREQ(test, irq_get_chip(0)->name, "IO-APIC");
	KUNIT_EXPECT_NULL(test, irq_to_desc(2)->action);
}

static void handler_runs_in_hardirq_on_irq_stack(struct kunit *test)
{
	struct probe p = { .ret = IRQ_HANDLED };
	const struct cpu_stacks *s = this_cpu_ptr(&cpu_stacks);
	unsigned int before = kstat_irqs(TEST_IRQ);

	KUNIT_ASSERT_EQ(test, request_irq(TEST_IRQ, probe_handler, 0, "kunit", &p), 0);
	KUNIT_EXPECT_FALSE(test, test_irq_masked());  /* started: unmasked */
	raise_irq3();
	KUNIT_EXPECT_EQ(test, p.calls, 1);
	KUNIT_EXPECT_TRUE(test, p.in_irq);
	KUNIT_EXPECT_FALSE(test, p.in_nmi);
	KUNIT_EXPECT_EQ(test, p.preempt, HARDIRQ_OFFSET);
	KUNIT_EXPECT_NE(test, s->irq_base, 0);
	KUNIT_EXPECT_TRUE(test, p.sp >= s->irq_base && p.sp < s->irq_base + THREAD_SIZE);
	KUNIT_EXPECT_EQ(test, preempt_count(), 0);          /* irq_exit undid it */
	KUNIT_EXPECT_EQ(test, kstat_irqs(TEST_IRQ), before + 1);
	/* level flow: masked+acked before the handler, unmasked after */
	KUNIT_EXPECT_FALSE(test, test_irq_masked());
	KUNIT_EXPECT_STREQ(test, (const char *)free_irq(TEST_IRQ, &p), "kunit");
	KUNIT_EXPECT_TRUE(test, test_irq_masked());  /* shut down: masked */
}

static void disable_is_lazy_and_enable_replays_edge(struct kunit *test)
{
	struct probe p = { .ret = IRQ_HANDLED };
	struct irq_desc *desc = irq_to_desc(TEST_IRQ);

	KUNIT_ASSERT_EQ(test, request_irq(TEST_IRQ, probe_handler, 0, "kunit", &p), 0);
	disable_irq(TEST_IRQ);
	disable_irq(TEST_IRQ);
	KUNIT_EXPECT_EQ(test, desc->depth, 2);
	/* lazy: not masked until an interrupt actually comes */
	KUNIT_EXPECT_FALSE(test, test_irq_masked());
	raise_irq3();
	KUNIT_EXPECT_EQ(test, p.calls, 0);
	KUNIT_EXPECT_TRUE(test, desc->istate & IRQS_PENDING);
	KUNIT_EXPECT_TRUE(test, test_irq_masked());
	enable_irq(TEST_IRQ);
	KUNIT_EXPECT_EQ(test, p.calls, 0);                   /* depth 1: still off */
	enable_irq(TEST_IRQ);
	/* IRQ 3 is an ISA edge line: the pending edge is replayed now (in
	 * software, or by the I/O APIC chip as a self-IPI) */
	wait_calls(&p, 1);
	KUNIT_EXPECT_EQ(test, p.calls, 1);
	KUNIT_EXPECT_FALSE(test, desc->istate & IRQS_PENDING);
	KUNIT_EXPECT_FALSE(test, test_irq_masked());
	KUNIT_EXPECT_EQ(test, desc->depth, 0);
	free_irq(TEST_IRQ, &p);
}

static void shared_line_runs_every_handler(struct kunit *test)
{
	struct probe a = { .ret = IRQ_NONE }, b = { .ret = IRQ_HANDLED };
	struct irq_desc *desc = irq_to_desc(TEST_IRQ);

	KUNIT_ASSERT_EQ(test, request_irq(TEST_IRQ, probe_handler, IRQF_SHARED, "kunit-a", &a), 0);
	KUNIT_ASSERT_EQ(test, request_irq(TEST_IRQ, probe_handler, IRQF_SHARED, "kunit-b", &b), 0);
	raise_irq3();
	KUNIT_EXPECT_EQ(test, a.calls, 1);
	KUNIT_EXPECT_EQ(test, b.calls, 1);
	KUNIT_EXPECT_EQ(test, desc->irqs_unhandled, 0);     /* b claimed it */
	KUNIT_EXPECT_STREQ(test, desc->action->name, "kunit-a");
	KUNIT_EXPECT_STREQ(test, desc->action->next->name, "kunit-b");
	free_irq(TEST_IRQ, &a);
	raise_irq3();
	KUNIT_EXPECT_EQ(test, a.calls, 1);
	KUNIT_EXPECT_EQ(test, b.calls, 2);
	free_irq(TEST_IRQ, &b);
	KUNIT_EXPECT_NULL(test, desc->action);
}

static void request_errors_change_nothing(struct kunit *test)
{
	struct probe p = { .ret = IRQ_HANDLED }, q = p;
	struct irq_desc *desc = irq_to_desc(TEST_IRQ);
	unsigned long warns = warn_count;

	KUNIT_EXPECT_EQ(test, request_irq(NR_IRQS, probe_handler, 0, "x", &p), -EINVAL);
	KUNIT_EXPECT_EQ(test, request_irq(200, probe_handler, 0, "x", &p), -EINVAL); /* no chip */
	KUNIT_EXPECT_EQ(test, request_irq(TEST_IRQ, NULL, 0, "x", &p), -EINVAL);
	KUNIT_EXPECT_EQ(test, request_irq(TEST_IRQ, probe_handler, IRQF_SHARED, "x", NULL), -EINVAL);
	KUNIT_ASSERT_EQ(test, request_irq(TEST_IRQ, probe_handler, 0, "first", &p), 0);
	KUNIT_EXPECT_EQ(test, request_irq(TEST_IRQ, probe_handler, IRQF_SHARED | IRQF_PROBE_SHARED, "second", &q), -EBUSY);
	KUNIT_EXPECT_STREQ(test, desc->action->name, "first");
	KUNIT_EXPECT_NULL(test, desc->action->next);
	/* freeing an unknown dev_id: a WARN, NULL, the chain intact */
	KUNIT_EXPECT_NULL(test, free_irq(TEST_IRQ, &q));
	KUNIT_EXPECT_EQ(test, warn_count, warns + 1);
	KUNIT_EXPECT_STREQ(test, desc->action->name, "first");
	free_irq(TEST_IRQ, &p);
	/* enable without disable: "Unbalanced enable", depth stays 1 (shut down) */
	KUNIT_ASSERT_EQ(test, request_irq(TEST_IRQ, probe_handler, 0, "again", &p), 0);
	enable_irq(TEST_IRQ);
	KUNIT_EXPECT_EQ(test, warn_count, warns + 2);
	KUNIT_EXPECT_EQ(test, desc->depth, 0);
	free_irq(TEST_IRQ, &p);
}

static void spurious_irq7_is_not_delivered(struct kunit *test)
{
	struct probe p = { .ret = IRQ_HANDLED };
	unsigned long err = irq_err_count;
	int ret = request_irq(7, probe_handler, IRQF_SHARED, "kunit-lpt", &p);

	KUNIT_ASSERT_EQ(test, ret, 0);
	/* A software int to vector 0x27 finds IRQ 7 not in service in the
	 * 8259's ISR: exactly what the hardware's spurious IRQ 7 looks like. */
	__asm__ __volatile__("int $0x27" ::: "memory");
	KUNIT_EXPECT_EQ(test, p.calls, 0);
	KUNIT_EXPECT_EQ(test, irq_err_count, err + 1);
	KUNIT_EXPECT_EQ(test, kstat_irqs(7), 0);
	free_irq(7, &p);
	/* the slave's IRQ 15 the same way (it also EOIs the master's cascade) */
	KUNIT_ASSERT_EQ(test, request_irq(15, probe_handler, IRQF_SHARED, "kunit-ide", &p), 0);
	__asm__ __volatile__("int $0x2f" ::: "memory");
	KUNIT_EXPECT_EQ(test, p.calls, 0);
	KUNIT_EXPECT_EQ(test, irq_err_count, err + 2);
	free_irq(15, &p);
}

static struct kunit_case x86_irq_test_cases[] = {
	KUNIT_CASE(vector_maps_to_isa_irqs),
	KUNIT_CASE(handler_runs_in_hardirq_on_irq_stack),
	KUNIT_CASE(disable_is_lazy_and_enable_replays_edge),
	KUNIT_CASE(shared_line_runs_every_handler),
	KUNIT_CASE(request_errors_change_nothing),
	KUNIT_CASE(spurious_irq7_is_not_delivered),
	{}
};

static struct kunit_suite x86_irq_test_suite = {
	.name = "x86_irq",
	.test_cases = x86_irq_test_cases,
};
kunit_test_suite(x86_irq_test_suite);
