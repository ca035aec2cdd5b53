// SPDX-License-Identifier: MIT
/*
 * The table of interrupt descriptors.
 *
 * irqos allocates all NR_IRQS descriptors statically (Linux can allocate
 * them sparsely). Until a controller claims a line, it has no_irq_chip and
 * handle_bad_irq, and request_irq() refuses it.
 */
#include <linux/kernel.h>
#include <linux/init.h>
#include <linux/irq.h>
#include <linux/irqdesc.h>
#include <linux/smp.h>

struct irq_desc irq_desc[NR_IRQS];
unsigned int nr_irqs = NR_IRQS;

/**
 * early_irq_init - put every descriptor in its "no controller" state
 */
void __init early_irq_init(void)
{
	unsigned int i;

	for (i = 0; i < NR_IRQS; i++) {
		struct irq_desc *desc = &irq_desc[i];

		spin_lock_init(&desc->lock);
		desc->irq_data.irq = i;
		desc->irq_data.hwirq = i;
		desc->irq_data.chip = &no_irq_chip;
		desc->irq_data.state = IRQD_IRQ_DISABLED | IRQD_IRQ_MASKED;
		desc->handle_irq = handle_bad_irq;
		desc->depth = 1;
		desc->status_use_accessors = IRQ_NOREQUEST | IRQ_NOPROBE;
		desc->name = NULL;
	}
}

/**
 * irq_to_desc - the descriptor of Linux IRQ @irq, or NULL if out of range
 */
struct irq_desc *irq_to_desc(unsigned int irq)
{
	return irq < NR_IRQS ? &irq_desc[irq] : NULL;
}

/**
 * generic_handle_irq - run the flow handler of @irq (interrupts off)
 *
 * Returns -EINVAL for an IRQ number with no descriptor.
 */
int generic_handle_irq(unsigned int irq)
{
	struct irq_desc *desc = irq_to_desc(irq);

	if (!desc)
		return -22;
	generic_handle_irq_desc(desc);
	return 0;
}

unsigned int kstat_irqs_cpu(unsigned int irq, int cpu)
{
	struct irq_desc *desc = irq_to_desc(irq);

	return desc && cpu >= 0 && cpu < NR_CPUS ? READ_ONCE(desc->kstat_irqs[cpu]) : 0;
}

/**
 * kstat_irqs - interrupts handled on @irq, summed over all CPUs
 */
unsigned int kstat_irqs(unsigned int irq)
{
	unsigned int sum = 0, cpu;

	for (cpu = 0; cpu < nr_cpu_ids; cpu++)
		sum += kstat_irqs_cpu(irq, cpu);
	return sum;
}

/**
 * kstat_irqs_total - interrupts handled on every IRQ line, all CPUs
 */
u64 kstat_irqs_total(void)
{
	u64 sum = 0;
	unsigned int i;

	for (i = 0; i < NR_IRQS; i++)
		sum += kstat_irqs(i);
	return sum;
}
