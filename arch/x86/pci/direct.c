// SPDX-License-Identifier: MIT
/*
 * PCI configuration space through configuration mechanism #1: the host
 * bridge's CONFIG_ADDRESS register at I/O port 0xcf8 and CONFIG_DATA at
 * 0xcfc (PCI Local Bus Specification 3.0, 3.2.2.3.2). Every PC chipset
 * since the early 1990s has it, QEMU's i440FX and Q35 included.
 *
 * A configuration access is two port accesses: write the address
 *
 *   bit 31      enable (1 = configuration cycle)
 *   bits 23..16 bus, 15..11 device, 10..8 function
 *   bits 7..2   dword register number; bits 1..0 zero
 *
 * to 0xcf8, then read or write 0xcfc + (reg & 3) with the access width.
 * The pair must not be interleaved with another CPU's or an interrupt
 * handler's pair, so pci_config_lock is taken with interrupts off.
 * Only the first 256 bytes are reachable this way; PCI Express extended
 * space (ECAM, MMCONFIG) is not supported.
 */
#include <linux/kernel.h>
#include <linux/errno.h>
#include <linux/spinlock.h>
#include <linux/pci.h>
#include <asm/io.h>

/* The two registers (PCI Local Bus Specification 3.0, 3.2.2.3.2). */
#define PCI_CONF1_ADDRESS_PORT  0xcf8        /* CONFIG_ADDRESS: 32-bit, the address */
#define PCI_CONF1_DATA_PORT     0xcfc        /* CONFIG_DATA: 0xcfc..0xcff, the dword selected */

/* CONFIG_ADDRESS fields. */
#define PCI_CONF1_ENABLE        0x80000000u  /* bit 31: this is a configuration cycle */
#define PCI_CONF1_BUS_SHIFT     16           /* bits 23..16: bus number */
#define PCI_CONF1_DEVFN_SHIFT   8            /* bits 15..11 device, 10..8 function */
#define PCI_CONF1_REG_MASK      0xfc         /* bits 7..2: dword-aligned register */

static DEFINE_SPINLOCK(pci_config_lock);

static u32 conf1_address(unsigned int bus, unsigned int devfn, int reg)
{
	return PCI_CONF1_ENABLE | (bus << PCI_CONF1_BUS_SHIFT) |
	       (devfn << PCI_CONF1_DEVFN_SHIFT) | (reg & PCI_CONF1_REG_MASK);
}

static bool bad_access(unsigned int bus, unsigned int devfn, int reg, int len)
{
	if (bus > 255 || devfn > 255 || reg < 0 || reg > 255)
		return true;
	if (len != 1 && len != 2 && len != 4)
		return true;
	return reg & (len - 1);      /* must not cross a dword */
}

/**
 * raw_pci_read - read @len bytes of configuration space
 * @bus: bus number, 0..255
 * @devfn: device << 3 | function
 * @reg: byte offset, aligned to @len, below 256
 * @len: 1, 2 or 4
 * @val: the value read (all ones if no function answers)
 *
 * Returns 0, or -EINVAL (and *@val all ones) for a bad argument.
 */
int raw_pci_read(unsigned int bus, unsigned int devfn, int reg, int len, u32 *val)
{
	u16 port = PCI_CONF1_DATA_PORT + (reg & 3);
	unsigned long flags;

	if (bad_access(bus, devfn, reg, len)) {
		*val = ~0u;
		return -EINVAL;
	}
	spin_lock_irqsave(&pci_config_lock, flags);
	outl(conf1_address(bus, devfn, reg), PCI_CONF1_ADDRESS_PORT);
	switch (len) {
	case 1:
		*val = inb(port);
		break;
	case 2:
		*val = inw(port);
		break;
	default:
		*val = inl(port);
		break;
	}
	spin_unlock_irqrestore(&pci_config_lock, flags);
	return 0;
}

/**
 * raw_pci_write - write @len bytes of configuration space
 * @bus: bus number, 0..255
 * @devfn: device << 3 | function
 * @reg: byte offset, aligned to @len, below 256
 * @len: 1, 2 or 4
 * @val: the value; only its low @len bytes are written
 *
 * Returns 0 or -EINVAL.
 */
int raw_pci_write(unsigned int bus, unsigned int devfn, int reg, int len, u32 val)
{
	u16 port = PCI_CONF1_DATA_PORT + (reg & 3);
	unsigned long flags;

	if (bad_access(bus, devfn, reg, len))
		return -EINVAL;
	spin_lock_irqsave(&pci_config_lock, flags);
	outl(conf1_address(bus, devfn, reg), PCI_CONF1_ADDRESS_PORT);
	switch (len) {
	case 1:
		outb(val, port);
		break;
	case 2:
		outw(val, port);
		break;
	default:
		outl(val, port);
		break;
	}
	spin_unlock_irqrestore(&pci_config_lock, flags);
	return 0;
}

/**
 * pci_direct_probe - is configuration mechanism #1 there?
 *
 * CONFIG_ADDRESS is a real 32-bit register on a mechanism #1 host
 * bridge: what is written with bit 31 set reads back unchanged. On a
 * machine without one the port floats (reads all ones) or belongs to
 * something else. Returns 0 if it answers, -ENODEV otherwise.
 */
int pci_direct_probe(void)
{
	unsigned long flags;
	u32 saved, got;

	spin_lock_irqsave(&pci_config_lock, flags);
	saved = inl(PCI_CONF1_ADDRESS_PORT);
	outl(PCI_CONF1_ENABLE, PCI_CONF1_ADDRESS_PORT);
	got = inl(PCI_CONF1_ADDRESS_PORT);
	outl(saved, PCI_CONF1_ADDRESS_PORT);
	spin_unlock_irqrestore(&pci_config_lock, flags);
	if (got != PCI_CONF1_ENABLE)
		return -ENODEV;
	pr_info("PCI: Using configuration type 1 for base access\n");
	return 0;
}
