// SPDX-License-Identifier: MIT
/*
 * What a PCI driver does to its device before using it, through the
 * Command register (PCI Local Bus Specification 3.0, 6.2.2):
 *
 *   bit 0  I/O Space      answer I/O port accesses to the I/O BARs
 *   bit 1  Memory Space   answer memory accesses to the memory BARs
 *   bit 2  Bus Master     start transactions of its own (DMA, MSI)
 *   bit 10 Interrupt Disable   do not assert INTx#
 *
 * and lookups over the device list.
 */
#include <linux/kernel.h>
#include <linux/errno.h>
#include <linux/pci.h>

/* Set or clear @bits in @dev's Command register; returns the old value. */
static u16 pci_command_update(struct pci_dev *dev, u16 set, u16 clear)
{
	u16 old, new;

	pci_read_config_word(dev, PCI_COMMAND, &old);
	new = (old | set) & ~clear;
	if (new != old)
		pci_write_config_word(dev, PCI_COMMAND, new);
	return old;
}

/**
 * pci_enable_device - make @dev usable by its driver
 * @dev: the device
 *
 * Turns on I/O and/or memory decoding for the kinds of BARs the device
 * has, after letting the architecture set up its INTx line
 * (pcibios_enable_irq(): on x86 the line becomes level-triggered at the
 * 8259). Calls nest: only the first does the work, and
 * pci_disable_device() undoes one. Returns 0, or
 * -EINVAL if a BAR the device decodes has no address (the firmware did
 * not assign it, and irqos does not), or the error of pcibios_enable_irq().
 */
int pci_enable_device(struct pci_dev *dev)
{
	u16 set = 0;
	int i, ret;

	if (dev->enable_cnt++)
		return 0;
	for (i = 0; i < PCI_STD_NUM_BARS; i++) {
		unsigned long f = dev->resource[i].flags;

		if (!f)
			continue;
		if (f & IORESOURCE_UNSET) {
			pr_err("%s %s: BAR %d has no address assigned; not enabling\n",
			       dev->driver ? dev->driver->name : "pci", pci_name(dev), i);
			dev->enable_cnt--;
			return -EINVAL;
		}
		set |= (f & IORESOURCE_IO) ? PCI_COMMAND_IO : PCI_COMMAND_MEMORY;
	}
	ret = pcibios_enable_irq(dev);
	if (ret) {
		dev->enable_cnt--;
		return ret;
	}
	pci_command_update(dev, set, 0);
	return 0;
}

/**
 * pci_disable_device - undo one pci_enable_device()
 * @dev: the device
 *
 * When the last enable is undone the device stops mastering the bus (no
 * more DMA); decoding stays on, as in Linux, so a late register access
 * does not fault.
 */
void pci_disable_device(struct pci_dev *dev)
{
	if (WARN(!dev->enable_cnt, "pci %s: disabling an already disabled device\n",
		 pci_name(dev)))
		return;
	if (--dev->enable_cnt == 0)
		pci_command_update(dev, 0, PCI_COMMAND_MASTER);
}

/**
 * pci_set_master - let @dev start bus transactions (DMA, MSI writes)
 */
void pci_set_master(struct pci_dev *dev)
{
	pci_command_update(dev, PCI_COMMAND_MASTER, 0);
}

/**
 * pci_clear_master - stop @dev from starting bus transactions
 */
void pci_clear_master(struct pci_dev *dev)
{
	pci_command_update(dev, 0, PCI_COMMAND_MASTER);
}

/**
 * pci_intx - let @dev assert its INTx# pin (@enable) or forbid it
 *
 * Uses Interrupt Disable (Command bit 10, PCI 2.3 and later); a device
 * whose line is pending drops it while disabled.
 */
void pci_intx(struct pci_dev *dev, bool enable)
{
	if (enable)
		pci_command_update(dev, 0, PCI_COMMAND_INTX_DISABLE);
	else
		pci_command_update(dev, PCI_COMMAND_INTX_DISABLE, 0);
}

/**
 * pci_get_device - the next device with @vendor/@device after @from
 * @vendor: vendor ID or PCI_ANY_ID
 * @device: device ID or PCI_ANY_ID
 * @from: previous match, or NULL to start at the beginning
 *
 * Returns NULL after the last match. (No reference counting: devices are
 * never removed.)
 */
struct pci_dev *pci_get_device(unsigned int vendor, unsigned int device,
			       struct pci_dev *from)
{
	struct list_head *pos = from ? from->bus_list.next : pci_devices.next;

	for (; pos != &pci_devices; pos = pos->next) {
		struct pci_dev *d = list_entry(pos, struct pci_dev, bus_list);

		if ((vendor == PCI_ANY_ID || d->vendor == vendor) &&
		    (device == PCI_ANY_ID || d->device == device))
			return d;
	}
	return NULL;
}

/**
 * pci_get_slot - the function at @bus, @devfn, or NULL
 */
struct pci_dev *pci_get_slot(unsigned int bus, unsigned int devfn)
{
	struct pci_dev *d;

	for_each_pci_dev(d)
		if (d->bus == bus && d->devfn == devfn)
			return d;
	return NULL;
}

/**
 * pci_find_capability - where capability @cap starts in @dev's config space
 * @dev: the device
 * @cap: a capability ID (PCI_CAP_ID_*)
 *
 * Walks the capability list from PCI_CAPABILITY_LIST (when the Status
 * register says there is one). A list that loops or points into the
 * header is cut short rather than followed. Returns the offset, or 0.
 */
u8 pci_find_capability(struct pci_dev *dev, int cap)
{
	u16 status;
	u8 pos, id;
	int ttl = 48;   /* 192 bytes of capabilities hold at most 48 entries */

	pci_read_config_word(dev, PCI_STATUS, &status);
	if (!(status & PCI_STATUS_CAP_LIST))
		return 0;
	pci_read_config_byte(dev, PCI_CAPABILITY_LIST, &pos);
	while (ttl-- && pos >= 0x40) {
		pos &= ~3;
		pci_read_config_byte(dev, pos + PCI_CAP_LIST_ID, &id);
		if (id == 0xff)
			break;
		if (id == cap)
			return pos;
		pci_read_config_byte(dev, pos + PCI_CAP_LIST_NEXT, &pos);
	}
	return 0;
}
