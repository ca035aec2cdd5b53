// SPDX-License-Identifier: MIT
/*
 * KUnit suite "edu_msi": QEMU's edu devices interrupting by MSI
 * (drivers/pci/msi.c, arch/x86/kernel/apic/msi.c), checked from the
 * config-space message to the handler's counters.
 *
 * Runs when the kernel was booted with "edu.msi=1" and the devices did
 * get MSI; otherwise every case is skipped (tests/scenarios/kunit.t has a
 * boot with edu.msi=1 and checks these cases ran). QEMU's edu has a
 * 64-bit MSI capability with one vector and no per-vector masking, and
 * sends one message per write to its raise register.
 */
#include <kunit/test.h>
#include <linux/kernel.h>
#include <linux/interrupt.h>
#include <linux/irq.h>
#include <linux/irqdesc.h>
#include <linux/irqflags.h>
#include <linux/errno.h>
#include <linux/pci.h>
#include <linux/msi.h>
#include <asm/apic.h>
#include <asm/hw_irq.h>
#include <asm/irq.h>
#include <asm/irq_vectors.h>
#include <asm/msidef.h>
#include <asm/processor.h>
#include <asm/tsc.h>

#include "edu.h"

#define WAIT_MS 500

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

static void spin_ms(unsigned int ms)
{
	u64 t = local_clock();

	while (local_clock() - t < (u64)ms * 1000000)
		cpu_relax();
}

#define NEED_MSI(test, edu) do {					\
	if (!(edu))							\
		kunit_skip(test, "no edu device (boot QEMU with -device edu)"); \
	if (!(edu)->msi)						\
		kunit_skip(test, "edu devices on INTx (boot with edu.msi=1)"); \
	KUNIT_ASSERT_FALSE(test, irqs_disabled());			\
} while (0)

/* Every device has its own PCI-MSI IRQ above the fixed ones, edge flow,
 * Linux's hwirq, MSI enabled and INTx disabled in config space. */
static void edu_msi_test_setup(struct kunit *test)
{
	struct edu_device *e0 = edu_get(0);
	unsigned int i, j;

	NEED_MSI(test, e0);
	for (i = 0; i < edu_count(); i++) {
		struct edu_device *e = edu_get(i);
		struct irq_desc *desc = irq_to_desc(e->irq);
		u16 cmd, ctrl;

		KUNIT_EXPECT_TRUE(test, e->msi);
		KUNIT_EXPECT_TRUE(test, e->pdev->msi_enabled);
		KUNIT_EXPECT_EQ(test, e->irq, e->pdev->irq);
		KUNIT_EXPECT_EQ(test, pci_irq_vector(e->pdev, 0), (int)e->irq);
		KUNIT_EXPECT_EQ(test, pci_irq_vector(e->pdev, 1), -EINVAL);
		KUNIT_EXPECT_GE(test, e->irq, 24);
		KUNIT_EXPECT_GE(test, e->irq, arch_msi_first_irq());
		KUNIT_ASSERT_TRUE(test, desc != NULL);
		KUNIT_EXPECT_STREQ(test, desc->irq_data.chip->name, "PCI-MSI");
		KUNIT_EXPECT_STREQ(test, desc->name, "edge");
		KUNIT_EXPECT_TRUE(test, desc->handle_irq == handle_edge_irq);
		KUNIT_EXPECT_FALSE(test, desc->status_use_accessors & IRQ_LEVEL);
		KUNIT_EXPECT_TRUE(test, desc->irq_data.domain != NULL);
		KUNIT_EXPECT_EQ(test, desc->irq_data.hwirq,
				(unsigned long)(e->pdev->bus << 8 | e->pdev->devfn) << 11);
		/* one handler: the line is not shared */
		KUNIT_ASSERT_TRUE(test, desc->action != NULL);
		KUNIT_EXPECT_PTR_EQ(test, desc->action->dev_id, e);
		KUNIT_EXPECT_TRUE(test, desc->action->next == NULL);

		KUNIT_ASSERT_NE(test, e->pdev->msi_cap, 0);
		pci_read_config_word(e->pdev, e->pdev->msi_cap + PCI_MSI_FLAGS, &ctrl);
		KUNIT_EXPECT_TRUE(test, ctrl & PCI_MSI_FLAGS_ENABLE);
		KUNIT_EXPECT_EQ(test, ctrl & PCI_MSI_FLAGS_QSIZE, 0);     /* one vector */
		pci_read_config_word(e->pdev, PCI_COMMAND, &cmd);
		KUNIT_EXPECT_TRUE(test, cmd & PCI_COMMAND_INTX_DISABLE);
		KUNIT_EXPECT_TRUE(test, cmd & PCI_COMMAND_MASTER);
		for (j = 0; j < i; j++)
			KUNIT_EXPECT_NE(test, e->irq, edu_get(j)->irq);
	}
}

/* The message in config space sends the IRQ's vector to its CPU's APIC,
 * and that CPU maps the vector back to the IRQ. */
static void edu_msi_test_message(struct kunit *test)
{
	struct edu_device *e0 = edu_get(0);
	unsigned int i;

	NEED_MSI(test, e0);
	for (i = 0; i < edu_count(); i++) {
		struct edu_device *e = edu_get(i);
		const struct irq_cfg *cfg = irq_cfg(e->irq);
		struct msi_msg msg;

		KUNIT_ASSERT_TRUE(test, cfg && cfg->vector);
		KUNIT_ASSERT_TRUE(test, e->pdev->msi_desc != NULL);
		__pci_read_msi_msg(e->pdev->msi_desc, &msg);
		KUNIT_EXPECT_EQ(test, msg.address_lo,
				0xfee00000u | x86_cpu_to_apicid[cfg->cpu] << 12);
		KUNIT_EXPECT_EQ(test, msg.address_hi, 0);
		KUNIT_EXPECT_EQ(test, msg.data, cfg->vector);     /* fixed, edge */
		KUNIT_EXPECT_GE(test, cfg->vector, FIRST_DEVICE_VECTOR);
		KUNIT_EXPECT_LT(test, cfg->vector, FIRST_SYSTEM_VECTOR);
		KUNIT_EXPECT_PTR_EQ(test, per_cpu(vector_irq, cfg->cpu)[cfg->vector],
				    irq_to_desc(e->irq));
	}
}

/* A raise on edu0 is one message: edu0's handler on edu0's IRQ runs
 * once, kstat counts it there, and edu1 hears nothing. */
static void edu_msi_test_raise_own_irq(struct kunit *test)
{
	struct edu_device *e0 = edu_get(0), *e1 = edu_get(1);
	unsigned long h0, h1 = 0, u0, u1 = 0;
	unsigned int k0, k1 = 0;

	NEED_MSI(test, e0);
	h0 = e0->handled;
	u0 = e0->unhandled;
	k0 = kstat_irqs(e0->irq);
	if (e1) {
		h1 = e1->handled;
		u1 = e1->unhandled;
		k1 = kstat_irqs(e1->irq);
	}
	edu_raise(e0, 0x20);
	KUNIT_ASSERT_TRUE(test, wait_for(&e0->handled, h0));
	spin_ms(10);    /* room for a wrong second delivery to show */
	KUNIT_EXPECT_EQ(test, e0->handled, h0 + 1);
	KUNIT_EXPECT_EQ(test, e0->unhandled, u0);
	KUNIT_EXPECT_EQ(test, e0->last_status, 0x20);
	KUNIT_EXPECT_EQ(test, e0->last_irq, (int)e0->irq);
	KUNIT_EXPECT_EQ(test, edu_irq_status(e0), 0);
	KUNIT_EXPECT_EQ(test, kstat_irqs(e0->irq), k0 + 1);
	if (e1) {
		KUNIT_EXPECT_EQ(test, e1->handled, h1);
		KUNIT_EXPECT_EQ(test, e1->unhandled, u1);     /* not asked: not shared */
		KUNIT_EXPECT_EQ(test, kstat_irqs(e1->irq), k1);
	}
}

/* kstat counts every message of a series once. */
static void edu_msi_test_kstat_counts(struct kunit *test)
{
	struct edu_device *e0 = edu_get(0);
	unsigned int before, i;

	NEED_MSI(test, e0);
	before = kstat_irqs(e0->irq);
	for (i = 0; i < 5; i++) {
		unsigned long h = e0->handled;

		edu_raise(e0, 1u << i);
		KUNIT_ASSERT_TRUE(test, wait_for(&e0->handled, h));
	}
	KUNIT_EXPECT_EQ(test, kstat_irqs(e0->irq), before + 5);
}

/* disable_irq() on the edge line: the message that comes is acked and
 * kept (PENDING), not handled; enable_irq() replays it (irq_retrigger,
 * a self-IPI of the vector) and the handler runs exactly once. */
static void edu_msi_test_disable_enable(struct kunit *test)
{
	struct edu_device *e0 = edu_get(0);
	struct irq_desc *desc;
	unsigned int k;
	unsigned long h;

	NEED_MSI(test, e0);
	desc = irq_to_desc(e0->irq);
	h = e0->handled;
	k = kstat_irqs(e0->irq);
	disable_irq(e0->irq);
	edu_raise(e0, 0x40);
	spin_ms(20);
	KUNIT_EXPECT_EQ(test, e0->handled, h);
	KUNIT_EXPECT_EQ(test, edu_irq_status(e0), 0x40);
	KUNIT_EXPECT_TRUE(test, READ_ONCE(desc->istate) & IRQS_PENDING);
	enable_irq(e0->irq);
	KUNIT_ASSERT_TRUE(test, wait_for(&e0->handled, h));
	spin_ms(10);
	KUNIT_EXPECT_EQ(test, e0->handled, h + 1);
	KUNIT_EXPECT_EQ(test, e0->last_status, 0x40);
	KUNIT_EXPECT_EQ(test, edu_irq_status(e0), 0);
	KUNIT_EXPECT_EQ(test, kstat_irqs(e0->irq), k + 1);
	KUNIT_EXPECT_FALSE(test, READ_ONCE(desc->istate) & IRQS_PENDING);
}

/* Wait for @irq's move to be finished, old vector released (the old
 * CPU's tick does the cleanup); false after WAIT_MS. */
static bool wait_move_done(unsigned int irq)
{
	const struct irq_cfg *cfg = irq_cfg(irq);
	u64 start = local_clock();

	while (READ_ONCE(cfg->move_in_progress) || READ_ONCE(cfg->cleanup_pending)) {
		if (local_clock() - start > (u64)WAIT_MS * 1000000)
			return false;
		cpu_relax();
	}
	return true;
}

/* Move edu0's MSI to @cpu through the chip's irq_set_affinity; then the
 * message names @cpu's APIC and new vector and a raise is handled there. */
static void msi_move_and_raise(struct kunit *test, struct edu_device *e, unsigned int cpu)
{
	struct irq_desc *desc = irq_to_desc(e->irq);
	const struct irq_cfg *cfg = irq_cfg(e->irq);
	struct msi_msg msg;
	unsigned long flags, h;
	unsigned int k;
	int ret;

	spin_lock_irqsave(&desc->lock, flags);
	ret = desc->irq_data.chip->irq_set_affinity(&desc->irq_data, 1UL << cpu, false);
	spin_unlock_irqrestore(&desc->lock, flags);
	KUNIT_ASSERT_EQ(test, ret, 0);
	KUNIT_EXPECT_EQ(test, cfg->cpu, cpu);
	__pci_read_msi_msg(e->pdev->msi_desc, &msg);
	KUNIT_EXPECT_EQ(test, msg.address_lo, 0xfee00000u | x86_cpu_to_apicid[cpu] << 12);
	KUNIT_EXPECT_EQ(test, msg.data, cfg->vector);

	h = e->handled;
	k = kstat_irqs_cpu(e->irq, cpu);
	edu_raise(e, 0x200);
	KUNIT_ASSERT_TRUE(test, wait_for(&e->handled, h));
	KUNIT_EXPECT_EQ(test, kstat_irqs_cpu(e->irq, cpu), k + 1);
	KUNIT_EXPECT_TRUE(test, wait_move_done(e->irq));
}

/* irq_set_affinity on the PCI-MSI chip retargets the message: to CPU 1,
 * delivered there, and back to CPU 0. Needs a second CPU. */
static void edu_msi_test_affinity(struct kunit *test)
{
	struct edu_device *e0 = edu_get(0);

	NEED_MSI(test, e0);
	if (!(READ_ONCE(apic_cpus_ready) & 2))
		kunit_skip(test, "needs CPU 1 (boot with -smp 2 or more)");
	KUNIT_ASSERT_TRUE(test, wait_move_done(e0->irq));
	KUNIT_EXPECT_EQ(test, irq_to_desc(e0->irq)->irq_data.chip->irq_set_affinity(
				irq_get_irq_data(e0->irq), 0, false), -EINVAL);
	msi_move_and_raise(test, e0, 1);
	msi_move_and_raise(test, e0, 0);
}

/* An MSI IRQ is the device's alone: a second handler is refused. */
static int dummy_cookie;

static void edu_msi_test_not_shared(struct kunit *test)
{
	struct edu_device *e0 = edu_get(0);

	NEED_MSI(test, e0);
	KUNIT_EXPECT_EQ(test, request_irq(e0->irq, edu_irq_handler, IRQF_SHARED, "edu-x",
					  &dummy_cookie), -EBUSY);
	KUNIT_EXPECT_TRUE(test, irq_to_desc(e0->irq)->action->next == NULL);
}

static struct kunit_case edu_msi_test_cases[] = {
	KUNIT_CASE(edu_msi_test_setup),
	KUNIT_CASE(edu_msi_test_message),
	KUNIT_CASE(edu_msi_test_raise_own_irq),
	KUNIT_CASE(edu_msi_test_kstat_counts),
	KUNIT_CASE(edu_msi_test_disable_enable),
	KUNIT_CASE(edu_msi_test_not_shared),
	KUNIT_CASE(edu_msi_test_affinity),
	{}
};

static struct kunit_suite edu_msi_test_suite = {
	.name = "edu_msi",
	.test_cases = edu_msi_test_cases,
};
kunit_test_suite(edu_msi_test_suite);
