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
#include <linux/errno.h>

struct irq_desc irq_desc[NR_IRQS];
unsigned int nr_irqs = NR_IRQS;

#define LONG_BITS (8 * (unsigned int)sizeof(unsigned long))

/* IRQs handed out by irq_alloc_desc_from(), under sparse_lock. */
static unsigned long allocated_irqs[NR_IRQS / LONG_BITS];
static DEFINE_SPINLOCK(sparse_lock);

/**
 * early_irq_init - put every descriptor in its "no controller" state
 */
void __init early_irq_init(void)
{
	unsigned int i;

	for (i = 0; i < NR_IRQS / LONG_BITS; i++)
		allocated_irqs[i] = 0;
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
		desc->affinity = ~0UL;          /* every possible CPU */
		desc->effective_affinity = 1UL; /* CPU 0 until a controller says */
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

/* Reset @desc to the state early_irq_init() gave it. */
static void desc_set_defaults(struct irq_desc *desc, unsigned int irq)
{
	unsigned int cpu;

	desc->irq_data.hwirq = irq;
	desc->irq_data.domain = NULL;
	desc->irq_data.chip = &no_irq_chip;
	desc->irq_data.chip_data = NULL;
	desc->irq_data.state = IRQD_IRQ_DISABLED | IRQD_IRQ_MASKED;
	desc->handle_irq = handle_bad_irq;
	desc->depth = 1;
	desc->istate = 0;
	desc->status_use_accessors = IRQ_NOREQUEST | IRQ_NOPROBE;
	desc->name = NULL;
	desc->tot_count = desc->irq_count = desc->irqs_unhandled = 0;
	desc->affinity = ~0UL;          /* every possible CPU */
	desc->effective_affinity = 1UL; /* CPU 0 until a controller says */
	for (cpu = 0; cpu < NR_CPUS; cpu++)
		desc->kstat_irqs[cpu] = 0;
}

/**
 * irq_alloc_desc_from - allocate a free IRQ number at or above @from
 * @from: the lowest acceptable number (MSI: above the I/O APIC GSIs)
 *
 * A number is free when nobody allocated it and no controller claimed it
 * (the legacy and GSI lines are claimed statically, by their chips).
 * The descriptor starts in the "no controller" state, counts zeroed.
 * Return: the IRQ, or -ENOSPC.
 */
int irq_alloc_desc_from(unsigned int from)
{
	unsigned long flags;
	unsigned int irq;
	int ret = -ENOSPC;

	spin_lock_irqsave(&sparse_lock, flags);
	for (irq = from; irq < NR_IRQS; irq++) {
		struct irq_desc *desc = &irq_desc[irq];

		if (allocated_irqs[irq / LONG_BITS] & (1UL << (irq % LONG_BITS)))
			continue;
		if (desc->irq_data.chip != &no_irq_chip || desc->action)
			continue;
		allocated_irqs[irq / LONG_BITS] |= 1UL << (irq % LONG_BITS);
		spin_lock(&desc->lock);
		desc_set_defaults(desc, irq);
		spin_unlock(&desc->lock);
		ret = irq;
		break;
	}
	spin_unlock_irqrestore(&sparse_lock, flags);
	return ret;
}

/**
 * irq_free_desc - give back an IRQ from irq_alloc_desc_from()
 * @irq: the IRQ; its handlers must have been freed
 */
void irq_free_desc(unsigned int irq)
{
	unsigned long flags;
	struct irq_desc *desc = irq_to_desc(irq);

	if (WARN(!desc || !(allocated_irqs[irq / LONG_BITS] & (1UL << (irq % LONG_BITS))),
		 "irq_free_desc: IRQ %u was not allocated\n", irq))
		return;
	if (WARN(desc->action, "irq_free_desc: IRQ %u still has handlers\n", irq))
		return;
	spin_lock_irqsave(&sparse_lock, flags);
	spin_lock(&desc->lock);
	desc_set_defaults(desc, irq);
	spin_unlock(&desc->lock);
	allocated_irqs[irq / LONG_BITS] &= ~(1UL << (irq % LONG_BITS));
	spin_unlock_irqrestore(&sparse_lock, flags);
}
