/* SPDX-License-Identifier: MIT */
/*
 * Message Signaled Interrupts.
 *
 * An MSI-capable PCI function interrupts by writing a 32-bit value (the
 * message data) to an address (the message address) instead of asserting
 * its INTx# pin. On x86 the address window 0xfee00000 is the local APICs
 * and the write becomes an interrupt: the address picks the destination
 * CPU, the data the vector (asm/msi.h's layout, Intel SDM Vol. 3A 11.11).
 * The message is edge-like - one write, one interrupt - and never shared.
 *
 * Who does what:
 *   drivers/pci/msi.c         finds the capability, allocates the IRQ,
 *                             writes the message, enables MSI and turns
 *                             INTx off (pci_alloc_irq_vectors()), and
 *                             the reverse; masks through the capability.
 *   arch/x86/kernel/apic/msi.c  the "PCI-MSI" irq_chip, and composes the
 *                             message from the IRQ's vector and CPU.
 *
 * irqos does single-vector MSI; MSI-X is not implemented.
 */
#ifndef _LINUX_MSI_H
#define _LINUX_MSI_H

#include <linux/types.h>

struct pci_dev;
struct irq_data;

/**
 * struct msi_msg - what the device writes, and where
 * @address_lo: message address, low 32 bits
 * @address_hi: high 32 bits (0 on x86 without an IOMMU)
 * @data:       message data
 */
struct msi_msg {
	u32 address_lo;
	u32 address_hi;
	u32 data;
};

/**
 * struct msi_desc - the MSI vector of one device
 * @dev:         the device
 * @irq:         its Linux IRQ
 * @default_irq: the INTx IRQ to give back to dev->irq on disable
 * @pos:         offset of the MSI capability
 * @is_64:       the capability has the 64-bit layout
 * @can_mask:    per-vector masking capable
 * @masked:      the mask bits as last written (only bit 0 used)
 * @msg:         the message as last written
 */
struct msi_desc {
	struct pci_dev *dev;
	unsigned int irq;
	unsigned int default_irq;
	u8 pos;
	bool is_64;
	bool can_mask;
	u32 masked;
	struct msi_msg msg;
};

/* drivers/pci/msi.c: program the message; read it back from the device. */
void pci_write_msi_msg(unsigned int irq, struct msi_msg *msg);
void __pci_read_msi_msg(struct msi_desc *desc, struct msi_msg *msg);
/* Set / clear the per-vector mask bit (nothing without one). */
void pci_msi_mask_irq(struct irq_data *d);
void pci_msi_unmask_irq(struct irq_data *d);

/*
 * The architecture's part (arch/x86/kernel/apic/msi.c):
 * arch_setup_msi_irq: give desc->irq a vector, the PCI-MSI chip and edge
 *   flow, and write the message; 0 or -errno.
 * arch_teardown_msi_irq: release what setup took (the vector).
 * arch_msi_available: can MSI be delivered at all (a local APIC in use)?
 * arch_msi_first_irq: the lowest IRQ number MSI may take (above the
 *   legacy and I/O APIC lines).
 */
int arch_setup_msi_irq(struct pci_dev *dev, struct msi_desc *desc);
void arch_teardown_msi_irq(unsigned int irq);
bool arch_msi_available(void);
unsigned int arch_msi_first_irq(void);

#endif /* _LINUX_MSI_H */
