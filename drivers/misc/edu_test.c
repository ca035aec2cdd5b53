// SPDX-License-Identifier: MIT
/*
 * KUnit suite "edu": real device interrupts through the whole path,
 * caused by QEMU's edu device (drivers/misc/edu.c) and checked at both
 * ends - the device's interrupt status register and the handler's
 * per-device counters - plus the core's counters in between.
 *
 * tests/scenarios/kunit.t boots with "-device edu,addr=4 -device
 * edu,addr=8". On QEMU's "pc" machine slot S's INTA# goes to PIRQ link
 * (S - 1) mod 4 and SeaBIOS routes links A..D to IRQs 10, 10, 11, 11, so
 * slots 4 and 8 are both on PIRQD, IRQ 11 (arch/x86/pci/irq.c): two
 * devices on one shared, level-triggered line. Without edu devices every
 * case is skipped; the sharing cases need two on one line. Booted with
 * "edu.msi=1" the devices use MSI and these INTx cases are skipped; the
 * "edu_msi" suite (edu_msi_test.c) covers that boot.
 */
#include <kunit/test.h>
#include <linux/kernel.h>
#include <linux/interrupt.h>
#include <linux/irq.h>
#include <linux/irqdesc.h>
#include <linux/irqflags.h>
#include <linux/errno.h>
#include <linux/pci.h>
#include <linux/vmalloc.h>
#include <asm/io.h>
#include <asm/page.h>
#include <asm/processor.h>
#include <asm/tsc.h>

#include "edu.h"

#define WAIT_MS 500
#define ELCR_PORT(irq) (0x4d0 + ((irq) >> 3))   /* 8259 Edge/Level Control */

/* Wait until *@counter moves past @old; false after WAIT_MS. */
static bool wait_for(unsigned long *counter, unsigned long old)
{
	u64 start = local_clock();

	while (READ_ONCE(*counter) == old) {
		if (local_clock() - start > (u64)WAIT_MS * 1000000)
			return false;
		cpu_relax();
	}
	return true;
}

/* Both devices, if two share a line; else NULL and the case is skipped. */
static bool get_shared_pair(struct edu_device **a, struct edu_device **b)
{
	*a = edu_get(0);
	*b = edu_get(1);
	return *a && *b && (*a)->irq == (*b)->irq;
}

#define NEED_EDU(test, edu) do {					\
	if (!(edu))							\
		kunit_skip(test, "no edu device (boot QEMU with -device edu)"); \
	if ((edu)->msi)							\
		kunit_skip(test, "edu.msi=1: INTx cases (see the edu_msi suite)"); \
	KUNIT_ASSERT_FALSE(test, irqs_disabled());			\
} while (0)

/* Probe found the devices, named them in order, and set up a level line. */
static void edu_test_probe(struct kunit *test)
{
	struct edu_device *e0 = edu_get(0);
	unsigned int i;

	NEED_EDU(test, e0);
	for (i = 0; i < edu_count(); i++) {
		struct edu_device *e = edu_get(i);
		char want[8];

		snprintf(want, sizeof(want), "edu%u", i);
		KUNIT_EXPECT_STREQ(test, e->name, want);
		KUNIT_EXPECT_PTR_EQ(test, pci_get_drvdata(e->pdev), e);
		KUNIT_EXPECT_STREQ(test, e->pdev->driver->name, "edu");
		KUNIT_EXPECT_EQ(test, e->pdev->vendor, 0x1234);
		KUNIT_EXPECT_EQ(test, e->pdev->device, 0x11e8);
		KUNIT_EXPECT_EQ(test, e->pdev->pin, 1);             /* INTA# */
		KUNIT_EXPECT_EQ(test, e->irq, e->pdev->irq);
		KUNIT_EXPECT_EQ(test, pci_resource_len(e->pdev, 0), 1024 * 1024);
		KUNIT_EXPECT_TRUE(test, is_vmalloc_addr(e->mmio));
		KUNIT_EXPECT_EQ(test, edu_irq_status(e), 0);
		if (i)  /* probe order is bus order */
			KUNIT_EXPECT_GT(test, e->pdev->devfn, edu_get(i - 1)->pdev->devfn);
	}
	/* pci_enable_device made the PCI line level-triggered at the 8259. */
	KUNIT_ASSERT_LT(test, e0->irq, 16);
	KUNIT_EXPECT_TRUE(test, inb(ELCR_PORT(e0->irq)) & (1u << (e0->irq & 7)));
	KUNIT_EXPECT_TRUE(test, irq_to_desc(e0->irq)->status_use_accessors & IRQ_LEVEL);
	KUNIT_EXPECT_TRUE(test, irq_has_action(e0->irq));
}

/* A raise on edu0 runs edu0's handler with edu0 as dev_id, and it acks. */
static void edu_test_raise_runs_own_handler(struct kunit *test)
{
	struct edu_device *e0 = edu_get(0), *e1 = edu_get(1);
	unsigned long h0, h1 = 0;

	NEED_EDU(test, e0);
	h0 = e0->handled;
	if (e1)
		h1 = e1->handled;
	edu_raise(e0, 0x10);
	KUNIT_ASSERT_TRUE(test, wait_for(&e0->handled, h0));
	KUNIT_EXPECT_EQ(test, e0->handled, h0 + 1);
	KUNIT_EXPECT_EQ(test, e0->last_status, 0x10);
	KUNIT_EXPECT_EQ(test, e0->last_irq, (int)e0->irq);
	KUNIT_EXPECT_EQ(test, edu_irq_status(e0), 0);       /* acknowledged */
	if (e1)
		KUNIT_EXPECT_EQ(test, e1->handled, h1);        /* not edu1's */
}

/* Two devices on one line: each raise reaches the right dev_id; the
 * other device's handler runs too and answers IRQ_NONE. */
static void edu_test_shared_line_dev_id(struct kunit *test)
{
	struct edu_device *a, *b;
	unsigned long ha, hb, ua, ub;

	if (!get_shared_pair(&a, &b))
		kunit_skip(test, "needs two edu devices on one IRQ");
	KUNIT_ASSERT_FALSE(test, irqs_disabled());
	ha = a->handled, hb = b->handled, ua = a->unhandled, ub = b->unhandled;

	edu_raise(b, 0x20);
	KUNIT_ASSERT_TRUE(test, wait_for(&b->handled, hb));
	KUNIT_EXPECT_EQ(test, b->last_status, 0x20);
	KUNIT_EXPECT_EQ(test, a->handled, ha);
	KUNIT_EXPECT_EQ(test, a->unhandled, ua + 1);        /* asked, said "not mine" */

	edu_raise(a, 0x40);
	KUNIT_ASSERT_TRUE(test, wait_for(&a->handled, ha));
	KUNIT_EXPECT_EQ(test, a->last_status, 0x40);
	KUNIT_EXPECT_EQ(test, b->handled, hb + 1);
	KUNIT_EXPECT_EQ(test, b->unhandled, ub + 1);
}

/* Both devices assert the line before the CPU takes it: one pass over the
 * action chain serves both, each handler acking its own device. */
static void edu_test_shared_line_both_pending(struct kunit *test)
{
	struct edu_device *a, *b;
	unsigned long ha, hb, flags;
	unsigned int before;

	if (!get_shared_pair(&a, &b))
		kunit_skip(test, "needs two edu devices on one IRQ");
	ha = a->handled, hb = b->handled;
	before = kstat_irqs(a->irq);
	local_irq_save(flags);
	edu_raise(a, 0x2);
	edu_raise(b, 0x4);
	local_irq_restore(flags);
	KUNIT_ASSERT_TRUE(test, wait_for(&a->handled, ha));
	KUNIT_ASSERT_TRUE(test, wait_for(&b->handled, hb));
	KUNIT_EXPECT_EQ(test, a->last_status, 0x2);
	KUNIT_EXPECT_EQ(test, b->last_status, 0x4);
	KUNIT_EXPECT_EQ(test, edu_irq_status(a) | edu_irq_status(b), 0);
	/* One interrupt if this CPU is the one the line is delivered to;
	 * at most one per device in any case. */
	KUNIT_EXPECT_GE(test, kstat_irqs(a->irq), before + 1);
	KUNIT_EXPECT_LE(test, kstat_irqs(a->irq), before + 2);
}

/* kstat_irqs() counts each delivered interrupt once. */
static void edu_test_kstat_counts_raises(struct kunit *test)
{
	struct edu_device *e0 = edu_get(0);
	unsigned int before, i;

	NEED_EDU(test, e0);
	before = kstat_irqs(e0->irq);
	for (i = 0; i < 5; i++) {
		unsigned long h = e0->handled;

		edu_raise(e0, 1u << i);
		KUNIT_ASSERT_TRUE(test, wait_for(&e0->handled, h));
	}
	KUNIT_EXPECT_EQ(test, kstat_irqs(e0->irq), before + 5);
}

/* disable_irq() stops delivery; the device keeps its line asserted (a
 * level interrupt is a state, not an event), and enable_irq() gets it
 * delivered. */
static void edu_test_disable_enable(struct kunit *test)
{
	struct edu_device *e0 = edu_get(0);
	unsigned long h;
	u16 status;
	u64 t;

	NEED_EDU(test, e0);
	h = e0->handled;
	disable_irq(e0->irq);
	edu_raise(e0, 0x80);
	t = local_clock();
	while (local_clock() - t < 20 * 1000000ULL)     /* 20 ms: ample under TCG */
		cpu_relax();
	KUNIT_EXPECT_EQ(test, e0->handled, h);
	KUNIT_EXPECT_EQ(test, edu_irq_status(e0), 0x80);
	pci_read_config_word(e0->pdev, PCI_STATUS, &status);
	KUNIT_EXPECT_TRUE(test, status & PCI_STATUS_INTERRUPT);  /* INTA# asserted */
	enable_irq(e0->irq);
	KUNIT_ASSERT_TRUE(test, wait_for(&e0->handled, h));
	KUNIT_EXPECT_EQ(test, e0->last_status, 0x80);
	KUNIT_EXPECT_EQ(test, edu_irq_status(e0), 0);
	pci_read_config_word(e0->pdev, PCI_STATUS, &status);
	KUNIT_EXPECT_FALSE(test, status & PCI_STATUS_INTERRUPT);
}

static int dummy_cookie;

/* free_irq() takes exactly edu0's action off the line; request_irq()
 * puts it back; the line's sharing rules are enforced. */
static void edu_test_free_request_round_trip(struct kunit *test)
{
	struct edu_device *e0 = edu_get(0), *e1 = edu_get(1);
	unsigned long h, u0;

	NEED_EDU(test, e0);
	KUNIT_EXPECT_EQ(test, request_irq(e0->irq, edu_irq_handler, IRQF_SHARED, "edu", NULL),
			-EINVAL);
	KUNIT_EXPECT_EQ(test, request_irq(e0->irq, edu_irq_handler, 0, "edu-excl", &dummy_cookie),
			-EBUSY);

	KUNIT_EXPECT_STREQ(test, (const char *)free_irq(e0->irq, e0), "edu");
	if (e1 && e1->irq == e0->irq) {
		/* edu1 is still there, edu0's handler is not. */
		u0 = e0->unhandled;
		h = e1->handled;
		KUNIT_EXPECT_TRUE(test, irq_has_action(e0->irq));
		edu_raise(e1, 0x8);
		KUNIT_EXPECT_TRUE(test, wait_for(&e1->handled, h));
		KUNIT_EXPECT_EQ(test, e0->unhandled, u0);
	} else {
		KUNIT_EXPECT_FALSE(test, irq_has_action(e0->irq));
	}

	KUNIT_ASSERT_EQ(test, request_irq(e0->irq, edu_irq_handler, IRQF_SHARED, "edu", e0), 0);
	h = e0->handled;
	edu_raise(e0, 0x100);
	KUNIT_ASSERT_TRUE(test, wait_for(&e0->handled, h));
	KUNIT_EXPECT_EQ(test, e0->last_status, 0x100);
}

static struct kunit_case edu_test_cases[] = {
	KUNIT_CASE(edu_test_probe),
	KUNIT_CASE(edu_test_raise_runs_own_handler),
	KUNIT_CASE(edu_test_shared_line_dev_id),
	KUNIT_CASE(edu_test_shared_line_both_pending),
	KUNIT_CASE(edu_test_kstat_counts_raises),
	KUNIT_CASE(edu_test_disable_enable),
	KUNIT_CASE(edu_test_free_request_round_trip),
	{}
};

static struct kunit_suite edu_test_suite = {
	.name = "edu",
	.test_cases = edu_test_cases,
};
kunit_test_suite(edu_test_suite);
