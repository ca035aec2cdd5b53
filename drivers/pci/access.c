// SPDX-License-Identifier: MIT
/*
 * PCI configuration space accessors: the portable face of configuration
 * reads and writes. Each one checks its arguments and hands the access to
 * the architecture's raw_pci_read()/raw_pci_write() (on x86 configuration
 * mechanism #1, arch/x86/pci/direct.c, which serialises them).
 *
 * Register offsets are in <linux/pci_regs.h>. An access must be naturally
 * aligned (a word at an even offset, a dword at a multiple of four) and
 * inside the 256-byte space; anything else returns -EINVAL and, for
 * reads, all ones - the value a missing device gives - so a caller that
 * ignores the error still sees "nothing there".
 */
#include <linux/kernel.h>
#include <linux/errno.h>
#include <linux/pci.h>

/* A @len-byte access at @where must stay inside one aligned unit. */
static bool pci_bad_access(unsigned int bus, unsigned int devfn, int where, int len)
{
	return bus > 255 || devfn > 255 || where < 0 || where > 256 - len ||
	       (where & (len - 1));
}

#define PCI_OP_READ(size, type, len)						\
int pci_bus_read_config_##size(unsigned int bus, unsigned int devfn,		\
			       int where, type *val)				\
{										\
	u32 v = ~0u;								\
	int ret = -EINVAL;							\
										\
	if (!pci_bad_access(bus, devfn, where, len))				\
		ret = raw_pci_read(bus, devfn, where, len, &v);			\
	*val = (type)v;								\
	return ret;								\
}

#define PCI_OP_WRITE(size, type, len)						\
int pci_bus_write_config_##size(unsigned int bus, unsigned int devfn,		\
				int where, type val)				\
{										\
	if (pci_bad_access(bus, devfn, where, len))				\
		return -EINVAL;							\
	return raw_pci_write(bus, devfn, where, len, val);			\
}

/**
 * pci_bus_read_config_byte - read a byte of bus/devfn's configuration space
 *
 * The word and dword forms are alike. Returns 0 or -EINVAL (bad bus,
 * devfn or offset, or an unaligned offset); on error *val is all ones.
 */
PCI_OP_READ(byte, u8, 1)
PCI_OP_READ(word, u16, 2)
PCI_OP_READ(dword, u32, 4)

/**
 * pci_bus_write_config_byte - write a byte of bus/devfn's configuration space
 *
 * The word and dword forms are alike. Returns 0 or -EINVAL.
 */
PCI_OP_WRITE(byte, u8, 1)
PCI_OP_WRITE(word, u16, 2)
PCI_OP_WRITE(dword, u32, 4)

/**
 * pci_read_config_byte - read a byte of @dev's configuration space
 * @dev: the function
 * @where: offset (PCI_* from <linux/pci_regs.h>)
 * @val: where the value goes
 *
 * The word and dword forms are alike. Returns 0 or -EINVAL.
 */
int pci_read_config_byte(const struct pci_dev *dev, int where, u8 *val)
{
	return pci_bus_read_config_byte(dev->bus, dev->devfn, where, val);
}

int pci_read_config_word(const struct pci_dev *dev, int where, u16 *val)
{
	return pci_bus_read_config_word(dev->bus, dev->devfn, where, val);
}

int pci_read_config_dword(const struct pci_dev *dev, int where, u32 *val)
{
	return pci_bus_read_config_dword(dev->bus, dev->devfn, where, val);
}

/**
 * pci_write_config_byte - write a byte of @dev's configuration space
 * @dev: the function
 * @where: offset
 * @val: the value
 *
 * The word and dword forms are alike. Returns 0 or -EINVAL.
 */
int pci_write_config_byte(const struct pci_dev *dev, int where, u8 val)
{
	return pci_bus_write_config_byte(dev->bus, dev->devfn, where, val);
}

int pci_write_config_word(const struct pci_dev *dev, int where, u16 val)
{
	return pci_bus_write_config_word(dev->bus, dev->devfn, where, val);
}

int pci_write_config_dword(const struct pci_dev *dev, int where, u32 val)
{
	return pci_bus_write_config_dword(dev->bus, dev->devfn, where, val);
}
