// SPDX-License-Identifier: MIT
/*
 * KUnit suite "irq_affinity": irq_set_affinity() and the /proc/irq/N/
 * affinity files (kernel/irq/manage.c, kernel/irq/proc.c).
 *
 * The error paths run everywhere. The moving cases need an edu device
 * (tests/scenarios/kunit.t boots with two, sharing IRQ 11 through an I/O
 * APIC pin) and at least three online CPUs: the line is sent to CPU 2,
 * real interrupts are raised, and only CPU 2's count of the line may
 * grow; then it comes back to CPU 0. Every case restores the line's
 * affinity and the default affinity it found.
 */
#include <kunit/test.h>
#include <linux/kernel.h>
#include <linux/interrupt.h>
#include <linux/irq.h>
#include <linux/irqdesc.h>
#include <linux/irqflags.h>
#include <linux/cpumask.h>
#include <linux/errno.h>
#include <linux/string.h>
#include <linux/proc_fs.h>
#include <linux/seq_file.h>
#include <asm/processor.h>
#include <asm/tsc.h>

#include "../../drivers/misc/edu.h"

#define WAIT_MS 500

/* Sets @edu to edu0 if its line can be steered, else skips the case. */
#define NEED_STEERABLE_EDU(test, edu) do {				\
	(edu) = edu_get(0);						\
	if (!(edu))							\
		kunit_skip(test, "no edu device (boot QEMU with -device edu)"); \
	if ((edu)->msi)							\
		kunit_skip(test, "edu uses MSI here: the edu_msi suite moves it"); \
	if (!irq_can_set_affinity((edu)->irq))				\
		kunit_skip(test, "IRQ %u cannot be steered (noapic?)", (edu)->irq); \
} while (0)

static unsigned long desc_affinity(unsigned int irq, bool effective)
{
	struct irq_desc *desc = irq_to_desc(irq);

	return effective ? READ_ONCE(desc->effective_affinity) : READ_ONCE(desc->affinity);
}

static void restore_affinity(unsigned int irq, unsigned long bits)
{
	cpumask_t m = { { bits } };

	irq_set_affinity(irq, &m);
}

/* Bad requests are -EINVAL and change nothing. */
static void affinity_test_errors(struct kunit *test)
{
	cpumask_t empty = CPU_MASK_NONE, beyond = { { 0 } };
	unsigned int irq;
	unsigned long aff, eff;

	KUNIT_EXPECT_EQ(test, irq_set_affinity(NR_IRQS, cpumask_of(0)), -EINVAL);
	KUNIT_EXPECT_EQ(test, irq_set_affinity(NR_IRQS - 1, cpumask_of(0)), -EINVAL);
	KUNIT_EXPECT_FALSE(test, irq_can_set_affinity(NR_IRQS));

	/* A line with a steerable controller, if any (none under noapic). */
	for (irq = 0; irq < nr_irqs; irq++)
		if (irq_can_set_affinity(irq))
			break;
	if (irq == nr_irqs)
		kunit_skip(test, "no steerable IRQ line");
	aff = desc_affinity(irq, false);
	eff = desc_affinity(irq, true);
	KUNIT_EXPECT_EQ(test, irq_set_affinity(irq, &empty), -EINVAL);
	KUNIT_EXPECT_EQ(test, irq_set_affinity(irq, NULL), -EINVAL);
	/* CPUs that do not exist: only bits at or above nr_cpu_ids. */
	if (nr_cpu_ids < BITS_PER_LONG) {
		beyond.bits[0] = ~0UL << nr_cpu_ids;
		KUNIT_EXPECT_EQ(test, irq_set_affinity(irq, &beyond), -EINVAL);
	}
	KUNIT_EXPECT_EQ(test, desc_affinity(irq, false), aff);
	KUNIT_EXPECT_EQ(test, desc_affinity(irq, true), eff);
}

/* The line follows its affinity: counted on CPU 2 only, then CPU 0. */
static void affinity_test_move_edu(struct kunit *test)
{
	struct edu_device *edu;
	unsigned int irq, cpu, i;
	unsigned int before[NR_CPUS], after;
	unsigned long saved;

	NEED_STEERABLE_EDU(test, edu);
	irq = edu->irq;
	saved = desc_affinity(irq, false);

	if (num_online_cpus() < 3 || !cpu_online(2))
		kunit_skip(test, "needs CPU 2 online (-smp 4)");
	KUNIT_ASSERT_FALSE(test, irqs_disabled());

	KUNIT_ASSERT_EQ(test, irq_set_affinity(irq, cpumask_of(2)), 0);
	KUNIT_EXPECT_EQ(test, desc_affinity(irq, false), 1UL << 2);
	KUNIT_EXPECT_EQ(test, desc_affinity(irq, true), 1UL << 2);
	for_each_possible_cpu(cpu)
		before[cpu] = kstat_irqs_cpu(irq, cpu);
	for (i = 0; i < 3; i++)
		KUNIT_EXPECT_TRUE(test, edu_raise_wait(edu, WAIT_MS));
	for_each_possible_cpu(cpu) {
		after = kstat_irqs_cpu(irq, cpu);
		if (cpu == 2)
			KUNIT_EXPECT_GE(test, after, before[cpu] + 3);
		else
			KUNIT_EXPECT_EQ(test, after, before[cpu]);
	}

	/* And back to CPU 0. */
	KUNIT_ASSERT_EQ(test, irq_set_affinity(irq, cpumask_of(0)), 0);
	KUNIT_EXPECT_EQ(test, desc_affinity(irq, true), 1UL);
	for_each_possible_cpu(cpu)
		before[cpu] = kstat_irqs_cpu(irq, cpu);
	KUNIT_EXPECT_TRUE(test, edu_raise_wait(edu, WAIT_MS));
	KUNIT_EXPECT_GE(test, kstat_irqs_cpu(irq, 0), before[0] + 1);
	KUNIT_EXPECT_EQ(test, kstat_irqs_cpu(irq, 2), before[2]);

	restore_affinity(irq, saved);
}

/* Read a /proc file into @buf (NUL-terminated); the error or 0. */
static int read_file(const char *path, char *buf, size_t size)
{
	struct seq_file m = { 0 };
	int err = proc_read_path(path, &m);

	if (!err)
		snprintf(buf, size, "%.*s", (int)m.count, m.buf);
	seq_release(&m);
	return err;
}

static ssize_t write_str(const char *path, const char *s)
{
	return proc_write_path(path, s, strlen(s));
}

/* /proc/irq/N/smp_affinity{,_list} read and write through the core. */
static void affinity_test_proc(struct kunit *test)
{
	struct edu_device *edu;
	unsigned int irq;
	unsigned long saved;
	char path[48], list_path[48], eff_path[48], buf[64];

	NEED_STEERABLE_EDU(test, edu);
	irq = edu->irq;
	saved = desc_affinity(irq, false);

	snprintf(path, sizeof(path), "/proc/irq/%u/smp_affinity", irq);
	snprintf(list_path, sizeof(list_path), "/proc/irq/%u/smp_affinity_list", irq);
	snprintf(eff_path, sizeof(eff_path), "/proc/irq/%u/effective_affinity_list", irq);

	/* CPU 0, as a hex mask. */
	KUNIT_ASSERT_EQ(test, write_str(path, "1\n"), 2);
	KUNIT_EXPECT_EQ(test, desc_affinity(irq, false), 1UL);
	KUNIT_ASSERT_EQ(test, read_file(path, buf, sizeof(buf)), 0);
	KUNIT_EXPECT_STREQ(test, buf, "1\n");
	KUNIT_ASSERT_EQ(test, read_file(eff_path, buf, sizeof(buf)), 0);
	KUNIT_EXPECT_STREQ(test, buf, "0\n");

	if (cpu_online(2)) {
		KUNIT_EXPECT_EQ(test, write_str(path, "4\n"), 2);
		KUNIT_EXPECT_EQ(test, desc_affinity(irq, false), 1UL << 2);
		KUNIT_EXPECT_EQ(test, desc_affinity(irq, true), 1UL << 2);
		KUNIT_ASSERT_EQ(test, read_file(list_path, buf, sizeof(buf)), 0);
		KUNIT_EXPECT_STREQ(test, buf, "2\n");
		KUNIT_EXPECT_EQ(test, write_str(list_path, "0-1\n"), 4);
		KUNIT_EXPECT_EQ(test, desc_affinity(irq, false), 3UL);
		KUNIT_EXPECT_EQ(test, desc_affinity(irq, true), 1UL);
	}

	/* Refused: no CPU, malformed, CPUs that do not exist. */
	saved = desc_affinity(irq, false);
	KUNIT_EXPECT_EQ(test, write_str(path, "0\n"), -EINVAL);
	KUNIT_EXPECT_EQ(test, write_str(path, "xyz\n"), -EINVAL);
	KUNIT_EXPECT_EQ(test, write_str(list_path, "\n"), -EINVAL);
	if (nr_cpu_ids < 32) {
		snprintf(buf, sizeof(buf), "%x\n", 1U << nr_cpu_ids);
		KUNIT_EXPECT_EQ(test, write_str(path, buf), -EOVERFLOW);
		snprintf(buf, sizeof(buf), "%u\n", nr_cpu_ids);
		KUNIT_EXPECT_EQ(test, write_str(list_path, buf), -ERANGE);
	}
	KUNIT_EXPECT_EQ(test, desc_affinity(irq, false), saved);

	restore_affinity(irq, saved);
}

/* /proc/irq/default_smp_affinity: all CPUs; a mask without one is refused. */
static void affinity_test_default(struct kunit *test)
{
	const char *path = "/proc/irq/default_smp_affinity";
	cpumask_t saved = irq_default_affinity;
	char want[32], buf[64];

	cpumask_scnprintf(buf, sizeof(buf), cpu_possible_mask);
	snprintf(want, sizeof(want), "%s\n", buf);
	KUNIT_ASSERT_EQ(test, read_file(path, buf, sizeof(buf)), 0);
	KUNIT_EXPECT_STREQ(test, buf, want);
	KUNIT_EXPECT_EQ(test, write_str(path, "0\n"), -EINVAL);
	KUNIT_EXPECT_EQ(test, write_str(path, "1\n"), 2);
	KUNIT_EXPECT_EQ(test, irq_default_affinity.bits[0], 1UL);
	KUNIT_ASSERT_EQ(test, read_file(path, buf, sizeof(buf)), 0);
	KUNIT_EXPECT_STREQ(test, buf, "1\n");
	cpumask_copy(&irq_default_affinity, &saved);
}

static struct kunit_case affinity_test_cases[] = {
	KUNIT_CASE(affinity_test_errors),
	KUNIT_CASE(affinity_test_move_edu),
	KUNIT_CASE(affinity_test_proc),
	KUNIT_CASE(affinity_test_default),
	{}
};

static struct kunit_suite affinity_test_suite = {
	.name = "irq_affinity",
	.test_cases = affinity_test_cases,
};
kunit_test_suite(affinity_test_suite);
