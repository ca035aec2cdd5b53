// SPDX-License-Identifier: MIT
/*
 * PCI enumeration: find every function on every bus at boot.
 *
 * Configuration space (PCI Local Bus Specification 3.0, chapter 6) is
 * probed device by device: a function exists if its Vendor ID is not
 * 0xffff. Function 0's Header Type says whether functions 1..7 may exist
 * (bit 7) and whether this is a PCI-to-PCI bridge (type 1), behind which
 * lies another bus - its Secondary Bus Number (PCI-to-PCI Bridge
 * Architecture Specification 1.2, 3.2.5.4). Bus 0 is scanned first, then
 * each bridge's secondary bus, recursively. The firmware has numbered the
 * buses and assigned the BARs and Interrupt Line; a bridge it left
 * unnumbered (secondary bus 0) is reported and not entered.
 *
 * BAR sizes are not stored anywhere: writing all ones to a BAR and
 * reading it back gives the mask of address bits the device decodes, and
 * the lowest set bit of that mask is the size (PCI 3.0, 6.2.5.1). Decoding
 * is switched off in the Command register meanwhile, so the device does
 * not answer at the bogus address, and the old values are put back.
 */
#include <linux/kernel.h>
#include <linux/init.h>
#include <linux/errno.h>
#include <linux/list.h>
#include <linux/slab.h>
#include <linux/gfp.h>
#include <linux/pci.h>

LIST_HEAD(pci_devices);
unsigned int pci_bus_count;       /* buses scanned */

static unsigned long buses_seen[256 / (8 * sizeof(unsigned long))];

/* Insert @dev into pci_devices keeping bus/devfn order. */
static void pci_device_add(struct pci_dev *dev)
{
	struct pci_dev *d;

	list_for_each_entry(d, &pci_devices, bus_list) {
		if (d->bus > dev->bus || (d->bus == dev->bus && d->devfn > dev->devfn)) {
			list_add_tail(&dev->bus_list, &d->bus_list);
			return;
		}
	}
	list_add_tail(&dev->bus_list, &pci_devices);
}

/* Size the BAR at @reg: its decode mask, with the old value restored. */
static u32 bar_mask(struct pci_dev *dev, int reg, u32 *orig)
{
	u32 mask;

	pci_read_config_dword(dev, reg, orig);
	pci_write_config_dword(dev, reg, ~0u);
	pci_read_config_dword(dev, reg, &mask);
	pci_write_config_dword(dev, reg, *orig);
	return mask;
}

/*
 * Read and size @nbars BARs. Returns after restoring the Command
 * register; nothing is printed while decoding is off (the VGA console
 * may be one of the devices being sized).
 */
static void pci_read_bases(struct pci_dev *dev, int nbars)
{
	u16 cmd;
	int i;

	pci_read_config_word(dev, PCI_COMMAND, &cmd);
	if (cmd & (PCI_COMMAND_IO | PCI_COMMAND_MEMORY))
		pci_write_config_word(dev, PCI_COMMAND,
				      cmd & ~(PCI_COMMAND_IO | PCI_COMMAND_MEMORY));

	for (i = 0; i < nbars; i++) {
		struct resource *res = &dev->resource[i];
		int reg = PCI_BASE_ADDRESS_0 + 4 * i;
		u32 lo, lomask, hi = 0, himask = 0;
		u64 base, mask;

		lomask = bar_mask(dev, reg, &lo);
		if (!lomask || lomask == ~0u)
			continue;       /* not implemented (or nothing answers) */
		if (lo & PCI_BASE_ADDRESS_SPACE_IO) {
			base = lo & PCI_BASE_ADDRESS_IO_MASK;
			mask = lomask & PCI_BASE_ADDRESS_IO_MASK & 0xffffffffu;
			res->flags = IORESOURCE_IO;
		} else {
			base = lo & PCI_BASE_ADDRESS_MEM_MASK;
			mask = lomask & PCI_BASE_ADDRESS_MEM_MASK & 0xffffffffu;
			res->flags = IORESOURCE_MEM;
			if (lo & PCI_BASE_ADDRESS_MEM_PREFETCH)
				res->flags |= IORESOURCE_PREFETCH;
			if ((lo & PCI_BASE_ADDRESS_MEM_TYPE_MASK) == PCI_BASE_ADDRESS_MEM_TYPE_64 &&
			    i + 1 < nbars) {
				himask = bar_mask(dev, reg + 4, &hi);
				base |= (u64)hi << 32;
				mask |= (u64)himask << 32;
				res->flags |= IORESOURCE_MEM_64;
				i++;    /* the next slot was the upper half */
			}
		}
		if (!mask) {
			res->flags = 0;
			continue;
		}
		res->start = base;
		res->end = base + (mask & -mask) - 1;
		if (!base)
			res->flags |= IORESOURCE_UNSET;
	}

	if (cmd & (PCI_COMMAND_IO | PCI_COMMAND_MEMORY))
		pci_write_config_word(dev, PCI_COMMAND, cmd);
}

static void pci_print_bases(struct pci_dev *dev, int nbars)
{
	int i;

	for (i = 0; i < nbars; i++) {
		struct resource *res = &dev->resource[i];

		if (!res->flags)
			continue;
		pr_info("pci %s: reg 0x%x: [%s %#llx-%#llx%s%s]%s\n", pci_name(dev),
			PCI_BASE_ADDRESS_0 + 4 * i,
			(res->flags & IORESOURCE_IO) ? "io " : "mem",
			(unsigned long long)res->start, (unsigned long long)res->end,
			(res->flags & IORESOURCE_MEM_64) ? " 64bit" : "",
			(res->flags & IORESOURCE_PREFETCH) ? " pref" : "",
			(res->flags & IORESOURCE_UNSET) ? " (not assigned by firmware)" : "");
	}
}

/* Read function bus/devfn into a new pci_dev; NULL if none answers. */
static struct pci_dev *pci_scan_device(unsigned int bus, unsigned int devfn)
{
	struct pci_dev *dev;
	u32 id, class;
	u8 hdr, line;
	int nbars;

	if (pci_bus_read_config_dword(bus, devfn, PCI_VENDOR_ID, &id) ||
	    (id & 0xffff) == 0xffff || (id & 0xffff) == 0)
		return NULL;
	dev = kzalloc(sizeof(*dev), GFP_KERNEL);
	if (!dev) {
		pr_err("pci %02x:%02x.%d: no memory for pci_dev\n",
		       bus, PCI_SLOT(devfn), PCI_FUNC(devfn));
		return NULL;
	}
	INIT_LIST_HEAD(&dev->bus_list);
	dev->bus = bus;
	dev->devfn = devfn;
	dev->vendor = id & 0xffff;
	dev->device = id >> 16;
	snprintf(dev->name, sizeof(dev->name), "0000:%02x:%02x.%d",
		 bus, PCI_SLOT(devfn), PCI_FUNC(devfn));

	pci_read_config_dword(dev, PCI_REVISION_ID, &class);
	dev->revision = class & 0xff;
	dev->class = class >> 8;
	pci_read_config_byte(dev, PCI_HEADER_TYPE, &hdr);
	dev->hdr_type = hdr & PCI_HEADER_TYPE_MASK;
	dev->multifunction = hdr & PCI_HEADER_TYPE_MFD;

	pci_read_config_byte(dev, PCI_INTERRUPT_PIN, &dev->pin);
	pci_read_config_byte(dev, PCI_INTERRUPT_LINE, &line);
	if (dev->pin > 4)
		dev->pin = 0;   /* not a valid pin: treat as none */
	/* 0xff means "unknown / not connected" on x86; IRQ 0 is the timer. */
	dev->irq = (dev->pin && line && line != 0xff) ? line : 0;

	switch (dev->hdr_type) {
	case PCI_HEADER_TYPE_NORMAL:
		nbars = PCI_STD_NUM_BARS;
		pci_read_config_word(dev, PCI_SUBSYSTEM_VENDOR_ID, &dev->subsystem_vendor);
		pci_read_config_word(dev, PCI_SUBSYSTEM_ID, &dev->subsystem_device);
		break;
	case PCI_HEADER_TYPE_BRIDGE:
		nbars = PCI_BRIDGE_NUM_BARS;
		pci_read_config_byte(dev, PCI_SECONDARY_BUS, &dev->secondary);
		pci_read_config_byte(dev, PCI_SUBORDINATE_BUS, &dev->subordinate);
		break;
	default:
		nbars = 0;      /* CardBus and unknown layouts: IDs only */
		break;
	}
	pci_read_bases(dev, nbars);

	pr_info("pci %s: [%04x:%04x] type %02x class 0x%06x\n", pci_name(dev),
		dev->vendor, dev->device, dev->hdr_type, dev->class);
	pci_print_bases(dev, nbars);
	return dev;
}


/* Enter the bus behind bridge @dev, if the firmware numbered it. */
static void pci_scan_bridge(struct pci_dev *dev)
{
	unsigned int sec = dev->secondary;

	if (!sec || sec <= dev->bus || dev->subordinate < sec) {
		pr_warn("pci %s: PCI bridge to [bus %02x-%02x] not configured by firmware; not scanned\n",
			pci_name(dev), dev->secondary, dev->subordinate);
		return;
	}
	pr_info("pci %s: PCI bridge to [bus %02x-%02x]\n", pci_name(dev),
		dev->secondary, dev->subordinate);
	pci_scan_bus(sec);
}

/**
 * pci_scan_bus - find the functions on @bus and on the buses behind it
 * @bus: bus number (0 for the whole machine)
 *
 * Scans all 32 slots of @bus, then the buses behind its bridges. Bus
 * numbers only grow going down (secondary > primary), and each bus is
 * entered at most once, so a misprogrammed bridge cannot loop. Devices
 * are added to pci_devices; drivers are not offered them here.
 */
void pci_scan_bus(unsigned int bus)
{
	const unsigned int bits = 8 * sizeof(unsigned long);
	unsigned int slot, fn, devfn;
	struct pci_dev *dev;

	if (buses_seen[bus / bits] & (1UL << (bus % bits)))
		return;
	buses_seen[bus / bits] |= 1UL << (bus % bits);
	pci_bus_count++;

	for (slot = 0; slot < 32; slot++) {
		for (fn = 0; fn < 8; fn++) {
			devfn = PCI_DEVFN(slot, fn);
			dev = pci_scan_device(bus, devfn);
			if (!dev) {
				if (fn == 0)
					break;  /* no function 0: the slot is empty */
				continue;
			}
			pci_device_add(dev);
			if (fn == 0 && !dev->multifunction)
				break;
		}
	}

	list_for_each_entry(dev, &pci_devices, bus_list)
		if (dev->bus == bus && dev->hdr_type == PCI_HEADER_TYPE_BRIDGE)
			pci_scan_bridge(dev);
}

/*
 * subsys_initcall: find the devices before any driver (device_initcall)
 * registers, then offer each device to the drivers already registered.
 */
static int __init pci_subsys_init(void)
{
	struct pci_dev *dev;
	unsigned int n = 0;

	if (pci_direct_probe()) {
		pr_info("PCI: no configuration mechanism #1; no PCI devices\n");
		return -ENODEV;
	}
	pci_scan_bus(0);
	for_each_pci_dev(dev)
		n++;
	pr_info("PCI: %u device%s on %u bus%s\n", n, n == 1 ? "" : "s",
		pci_bus_count, pci_bus_count == 1 ? "" : "es");
	pcibios_irq_init();
	for_each_pci_dev(dev)
		pci_bus_add_device(dev);
	return 0;
}
subsys_initcall(pci_subsys_init);
