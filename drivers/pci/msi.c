// SPDX-License-Identifier: MIT
/*
 * PCI Message Signaled Interrupts: the device side (PCI Local Bus
 * Specification 3.0, 6.8.1; register layout in linux/pci_regs.h).
 *
 * pci_alloc_irq_vectors() chooses how a device interrupts, best first:
 * MSI when the flags allow it, the device has the capability, the
 * architecture can deliver it and "pci=nomsi" was not given; else its
 * INTx line when PCI_IRQ_LEGACY allows that. For MSI it
 *
 *   1. allocates an IRQ number above the fixed ones (irq_alloc_desc_from),
 *   2. lets the architecture give it a vector, the PCI-MSI chip and the
 *      edge flow, and compose the message (arch_setup_msi_irq),
 *   3. writes address and data, asks for one vector (Multiple Message
 *      Enable 0), masks it if it can, enables MSI and sets Interrupt
 *      Disable in the Command register - from now on the device writes
 *      messages instead of asserting INTx#,
 *   4. makes dev->irq the MSI IRQ (the INTx one is kept to go back to).
 *
 * The vector starts masked where the device can mask; the PCI-MSI chip
 * unmasks it when the driver's request_irq() starts the line.
 * Multi-message MSI (several vectors from one capability) is not
 * implemented: one vector is what every irqos driver asks for.
 */
#include <linux/kernel.h>
#include <linux/init.h>
#include <linux/errno.h>
#include <linux/string.h>
#include <linux/slab.h>
#include <linux/gfp.h>
#include <linux/irq.h>
#include <linux/pci.h>
#include <linux/msi.h>


static bool pci_msi_disable;   /* "pci=nomsi" */

/*
 * "pci=" options, Linux's syntax (a comma-separated list); irqos knows
 * only "nomsi": never use MSI, every device stays on its INTx line.
 */
static int __init pci_setup(char *str)
{
	while (str && *str) {
		char *next = strchr(str, ',');

		if (next)
			*next++ = '\0';
		if (!strcmp(str, "nomsi"))
			pci_msi_disable = true;
		else
			pr_info("PCI: unknown option \"%s\"\n", str);
		str = next;
	}
	return 0;
}
early_param("pci", pci_setup);

/**
 * pci_msi_enabled - may MSI be used at all ("pci=nomsi" not given)?
 */
int pci_msi_enabled(void)
{
	return !pci_msi_disable;
}

/* Offsets of the data and mask registers, by layout. */
static int msi_data_reg(const struct msi_desc *d)
{
	return d->pos + (d->is_64 ? PCI_MSI_DATA_64 : PCI_MSI_DATA_32);
}

static int msi_mask_reg(const struct msi_desc *d)
{
	return d->pos + (d->is_64 ? PCI_MSI_MASK_64 : PCI_MSI_MASK_32);
}

/**
 * pci_write_msi_msg - program @msg into the device whose MSI IRQ is @irq
 *
 * Address first, data last. Without per-vector masking a message sent
 * between the writes would combine the new address with the old data;
 * the PCI-MSI chip's affinity change accepts that window (see
 * arch/x86/kernel/apic/msi.c).
 */
void pci_write_msi_msg(unsigned int irq, struct msi_msg *msg)
{
	struct irq_data *d = irq_get_irq_data(irq);
	struct msi_desc *desc = d ? d->chip_data : NULL;

	if (WARN(!desc, "pci_write_msi_msg: IRQ %u is not an MSI\n", irq))
		return;
	pci_write_config_dword(desc->dev, desc->pos + PCI_MSI_ADDRESS_LO, msg->address_lo);
	if (desc->is_64)
		pci_write_config_dword(desc->dev, desc->pos + PCI_MSI_ADDRESS_HI,
				       msg->address_hi);
	pci_write_config_word(desc->dev, msi_data_reg(desc), (u16)msg->data);
	desc->msg = *msg;
}

/**
 * __pci_read_msi_msg - read the message back from the device's capability
 */
void __pci_read_msi_msg(struct msi_desc *desc, struct msi_msg *msg)
{
	u16 data;

	pci_read_config_dword(desc->dev, desc->pos + PCI_MSI_ADDRESS_LO, &msg->address_lo);
	msg->address_hi = 0;
	if (desc->is_64)
		pci_read_config_dword(desc->dev, desc->pos + PCI_MSI_ADDRESS_HI,
				      &msg->address_hi);
	pci_read_config_word(desc->dev, msi_data_reg(desc), &data);
	msg->data = data;
}

static void msi_set_mask_bit(struct irq_data *d, bool mask)
{
	struct msi_desc *desc = d->chip_data;

	if (!desc || !desc->can_mask)
		return;
	desc->masked = mask ? desc->masked | 1 : desc->masked & ~1u;
	pci_write_config_dword(desc->dev, msi_mask_reg(desc), desc->masked);
}

/**
 * pci_msi_mask_irq - set the vector's mask bit: the device holds the
 * message back (and sets its pending bit) until unmasked. A device
 * without per-vector masking cannot be masked at all: nothing is done,
 * and the core's lazy disable (PENDING, replay on enable) covers it.
 */
void pci_msi_mask_irq(struct irq_data *d)
{
	msi_set_mask_bit(d, true);
}

/** pci_msi_unmask_irq - clear the vector's mask bit (if it has one) */
void pci_msi_unmask_irq(struct irq_data *d)
{
	msi_set_mask_bit(d, false);
}

static void msi_set_enable(struct pci_dev *dev, u8 pos, bool enable)
{
	u16 ctrl;

	pci_read_config_word(dev, pos + PCI_MSI_FLAGS, &ctrl);
	ctrl &= ~PCI_MSI_FLAGS_ENABLE;
	if (enable)
		ctrl |= PCI_MSI_FLAGS_ENABLE;
	pci_write_config_word(dev, pos + PCI_MSI_FLAGS, ctrl);
}

/* Switch @dev to one MSI vector; 0 or -errno with nothing changed. */
static int msi_capability_init(struct pci_dev *dev)
{
	struct msi_desc *desc;
	u8 pos = dev->msi_cap;
	u16 ctrl;
	int irq, ret;

	desc = kzalloc(sizeof(*desc), GFP_KERNEL);
	if (!desc)
		return -ENOMEM;
	pci_read_config_word(dev, pos + PCI_MSI_FLAGS, &ctrl);
	desc->dev = dev;
	desc->pos = pos;
	desc->is_64 = ctrl & PCI_MSI_FLAGS_64BIT;
	desc->can_mask = ctrl & PCI_MSI_FLAGS_MASKBIT;
	desc->default_irq = dev->irq;

	/* Off while it is programmed; one vector (Multiple Message Enable 0). */
	msi_set_enable(dev, pos, false);
	pci_write_config_word(dev, pos + PCI_MSI_FLAGS,
			      ctrl & ~(PCI_MSI_FLAGS_ENABLE | PCI_MSI_FLAGS_QSIZE));
	if (desc->can_mask) {
		desc->masked = 1;   /* until request_irq() starts the line */
		pci_write_config_dword(dev, msi_mask_reg(desc), desc->masked);
	}

	irq = irq_alloc_desc_from(arch_msi_first_irq());
	if (irq < 0) {
		ret = irq;
		goto err_free;
	}
	desc->irq = irq;
	ret = arch_setup_msi_irq(dev, desc);   /* writes the message */
	if (ret)
		goto err_irq;

	pci_intx(dev, false);
	pci_set_master(dev);        /* a message is a bus-master write */
	msi_set_enable(dev, pos, true);
	dev->msi_desc = desc;
	dev->msi_enabled = true;
	dev->irq = irq;
	return 0;

err_irq:
	irq_free_desc(irq);
err_free:
	kfree(desc);
	return ret;
}

/**
 * pci_alloc_irq_vectors - choose and set up @dev's interrupt vectors
 * @dev:      the device, enabled (pci_enable_device)
 * @min_vecs: the fewest vectors the driver can work with (>= 1)
 * @max_vecs: the most it can use
 * @flags:    the kinds allowed: PCI_IRQ_MSI, PCI_IRQ_LEGACY (MSI-X is
 *            never chosen)
 *
 * Tries MSI (one vector), then the INTx line. Vector N's IRQ is then
 * pci_irq_vector(@dev, N), for request_irq(); an MSI IRQ is the device's
 * alone, the INTx line may be shared (IRQF_SHARED).
 *
 * Return: the number of vectors (1), or -EINVAL (bad arguments, or MSI
 * already on), -ENOSPC (none of the allowed kinds is available), or the
 * error setting up MSI when INTx is not allowed.
 */
int pci_alloc_irq_vectors(struct pci_dev *dev, unsigned int min_vecs,
			  unsigned int max_vecs, unsigned int flags)
{
	int ret = -ENOSPC;

	if (!min_vecs || max_vecs < min_vecs || dev->msi_enabled)
		return -EINVAL;
	if ((flags & PCI_IRQ_MSI) && min_vecs == 1 && pci_msi_enabled() &&
	    arch_msi_available()) {
		if (!dev->msi_cap)
			dev->msi_cap = pci_find_capability(dev, PCI_CAP_ID_MSI);
		if (dev->msi_cap) {
			ret = msi_capability_init(dev);
			if (!ret)
				return 1;
			pr_info("pci %s: MSI setup failed (%d)%s\n", pci_name(dev), ret,
				flags & PCI_IRQ_LEGACY ? ", using INTx" : "");
		}
	}
	if ((flags & PCI_IRQ_LEGACY) && min_vecs == 1 && dev->irq) {
		pci_intx(dev, true);
		return 1;
	}
	return ret;
}

/**
 * pci_irq_vector - the Linux IRQ of @dev's vector @nr
 *
 * Return: the IRQ, or -EINVAL when @nr is not a vector the device has
 * (only vector 0 exists: the MSI vector, or the INTx line).
 */
int pci_irq_vector(struct pci_dev *dev, unsigned int nr)
{
	if (nr != 0 || !dev->irq)
		return -EINVAL;
	return dev->irq;
}

/**
 * pci_free_irq_vectors - undo pci_alloc_irq_vectors()
 *
 * The driver has freed the IRQ (free_irq) first. MSI is switched off,
 * INTx back on, and dev->irq is the INTx line again.
 */
void pci_free_irq_vectors(struct pci_dev *dev)
{
	struct msi_desc *desc = dev->msi_desc;

	if (!dev->msi_enabled)
		return;
	msi_set_enable(dev, desc->pos, false);
	pci_intx(dev, true);
	arch_teardown_msi_irq(desc->irq);
	irq_free_desc(desc->irq);
	dev->irq = desc->default_irq;
	dev->msi_enabled = false;
	dev->msi_desc = NULL;
	kfree(desc);
}
