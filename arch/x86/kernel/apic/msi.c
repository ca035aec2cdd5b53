// SPDX-License-Identifier: MIT
/*
 * The "PCI-MSI" irq_chip: interrupts that PCI devices deliver as memory
 * writes straight to a local APIC (Intel SDM Vol. 3A, 11.11 "Message
 * Signalled Interrupts"; the message format is in asm/msidef.h, the
 * device side in drivers/pci/msi.c).
 *
 * An MSI has no interrupt controller of its own between device and CPU:
 * the message names the destination APIC and the vector. So
 *
 *   irq_ack       the LAPIC's EOI (MSI is edge: handle_edge_irq, acked
 *                 before the handlers, so the next message can be taken)
 *   irq_mask      the device's per-vector mask bit, when it has one. A
 *   irq_unmask    device without one (QEMU's edu) cannot be masked:
 *                 these do nothing there, which the edge flow's lazy
 *                 disable tolerates - a message arriving while the line
 *                 is disabled is acked and remembered (IRQS_PENDING), and
 *                 enable_irq() replays it through irq_retrigger.
 *   irq_set_affinity  a vector on the new CPU (irq_move_vector), then the
 *                 message rewritten to name that CPU's APIC and vector.
 *   irq_retrigger a fixed IPI of the line's vector to its CPU: exactly
 *                 what the device's message would have been.
 *
 * In /proc/interrupts the hwirq column is Linux's PCI-MSI number for the
 * vector: (bus << 8 | devfn) << 11 | vector index, so 00:04.0's first
 * vector is 65536:
 *
 *	 24:         12   PCI-MSI 65536-edge      edu
 */
#include <linux/kernel.h>
#include <linux/errno.h>
#include <linux/smp.h>
#include <linux/irq.h>
#include <linux/irqdesc.h>
#include <linux/pci.h>
#include <linux/msi.h>
#include <asm/apic.h>
#include <asm/hw_irq.h>
#include <asm/irq.h>
#include <asm/mpspec.h>
#include <asm/msidef.h>

/* The number space of MSI hwirqs; only its address matters (non-NULL
 * makes /proc/interrupts print the hwirq). */
static const char pci_msi_domain[] = "PCI-MSI";

/* Linux's pci_msi_domain_calc_hwirq() numbering, for vector 0. */
static unsigned long pci_msi_hwirq(const struct pci_dev *dev)
{
	return (unsigned long)((dev->bus & 0xff) << 8 | (dev->devfn & 0xff)) << 11;
}

/* The message that sends @irq's current vector to its current CPU. */
static int irq_msi_compose_msg(unsigned int irq, struct msi_msg *msg)
{
	const struct irq_cfg *cfg = irq_cfg(irq);
	u32 apicid;

	if (!cfg || !cfg->vector)
		return -EINVAL;
	apicid = x86_cpu_to_apicid[cfg->cpu];
	if (apicid > MSI_MAX_DEST_APICID)
		return -EINVAL;     /* needs interrupt remapping, which irqos lacks */
	msg->address_hi = MSI_ADDR_BASE_HI;
	msg->address_lo = MSI_ADDR_BASE_LO | MSI_ADDR_DEST_ID(apicid);
	msg->data = MSI_DATA_VECTOR(cfg->vector) | MSI_DATA_DELIVERY_FIXED;
	return 0;
}

/* Edge: EOI the LAPIC before the handlers; the vector is in use, so a
 * move to it is complete. */
static void msi_ack(struct irq_data *d)
{
	irq_complete_move(d->irq, smp_processor_id(), this_cpu_read(irq_stat.last_vector));
	apic_eoi();
}

/*
 * Deliver to one CPU of @mask whose LAPIC is set up: stay if the current
 * CPU is in it, else the first. The new vector is mapped before the
 * message changes and the old one stays mapped until the first message
 * on the new one (asm/hw_irq.h), so messages in flight are not lost. The
 * address and data are two config writes: a device without masking that
 * fires between them sends the new CPU the old vector, which that CPU
 * reports as unexpected (counted, never silent) - Linux closes this
 * window with an intermediate step on the old CPU; irqos does not yet.
 */
static int msi_set_affinity(struct irq_data *d, unsigned long mask, bool force)
{
	unsigned long usable = mask & READ_ONCE(apic_cpus_ready);
	const struct irq_cfg *cfg = irq_cfg(d->irq);
	struct msi_msg msg;
	unsigned int cpu;
	int v;

	if (!usable || !cfg)
		return -EINVAL;
	if (usable & (1UL << cfg->cpu))
		return 0;
	cpu = __builtin_ctzl(usable);
	if (x86_cpu_to_apicid[cpu] > MSI_MAX_DEST_APICID)
		return -EINVAL;
	v = irq_move_vector(d->irq, cpu);
	if (v < 0)
		return v;
	if (irq_msi_compose_msg(d->irq, &msg))
		return -EINVAL;
	pci_write_msi_msg(d->irq, &msg);
	return 0;
}

/* Replay an edge: the line's vector, to its CPU, as a fixed IPI. */
static int msi_retrigger(struct irq_data *d)
{
	const struct irq_cfg *cfg = irq_cfg(d->irq);

	if (!cfg || !cfg->vector)
		return 0;
	__apic_send_IPI(cfg->cpu, cfg->vector);
	return 1;
}

static struct irq_chip pci_msi_chip = {
	.name             = "PCI-MSI",
	.irq_mask         = pci_msi_mask_irq,
	.irq_unmask       = pci_msi_unmask_irq,
	.irq_ack          = msi_ack,
	.irq_set_affinity = msi_set_affinity,
	.irq_retrigger    = msi_retrigger,
};

/**
 * arch_msi_available - can a PCI device's message reach a CPU?
 *
 * Only with a local APIC in use ("nolapic" or no APIC: INTx only).
 */
bool arch_msi_available(void)
{
	return apic_available && READ_ONCE(apic_cpus_ready);
}

/**
 * arch_msi_first_irq - where MSI IRQ numbers start
 *
 * After the 16 legacy IRQs and every I/O APIC's GSIs, as on Linux: with
 * QEMU's one 24-pin I/O APIC the first MSI is IRQ 24.
 */
unsigned int arch_msi_first_irq(void)
{
	unsigned int top = 16;
	int i;

	for (i = 0; i < nr_ioapics; i++)
		top = max_t(unsigned int, top, mp_ioapics[i].gsi_base + mp_ioapics[i].nr_pins);
	return top;
}

/**
 * arch_setup_msi_irq - make desc->irq @dev's MSI line
 *
 * A vector on the first CPU whose LAPIC is up, the PCI-MSI chip with the
 * edge flow, Linux's hwirq, and the message written to the device.
 * Return: 0, or -ENOSPC (no vector), -EINVAL (no usable CPU).
 */
int arch_setup_msi_irq(struct pci_dev *dev, struct msi_desc *desc)
{
	unsigned long ready = READ_ONCE(apic_cpus_ready);
	unsigned int irq = desc->irq, cpu;
	struct irq_desc *idesc = irq_to_desc(irq);
	struct msi_msg msg;
	unsigned long flags;
	int v;

	if (!ready || !idesc)
		return -EINVAL;
	cpu = ready & 1 ? 0 : __builtin_ctzl(ready);
	v = irq_alloc_vector(irq, cpu);
	if (v < 0)
		return v;
	if (irq_msi_compose_msg(irq, &msg)) {
		irq_free_vector(irq);
		return -EINVAL;
	}
	irq_set_chip_and_handler_name(irq, &pci_msi_chip, handle_edge_irq, "edge");
	irq_set_chip_data(irq, desc);
	spin_lock_irqsave(&idesc->lock, flags);
	idesc->irq_data.hwirq = pci_msi_hwirq(dev);
	idesc->irq_data.domain = pci_msi_domain;
	idesc->irq_data.state &= ~(IRQD_TRIGGER_MASK | IRQD_LEVEL);
	idesc->irq_data.state |= IRQ_TYPE_EDGE_RISING | IRQD_DEFAULT_TRIGGER_SET;
	idesc->status_use_accessors &= ~IRQ_LEVEL;
	spin_unlock_irqrestore(&idesc->lock, flags);
	pci_write_msi_msg(irq, &msg);
	return 0;
}

/**
 * arch_teardown_msi_irq - release @irq's vector (MSI already disabled)
 */
void arch_teardown_msi_irq(unsigned int irq)
{
	irq_free_vector(irq);
}
