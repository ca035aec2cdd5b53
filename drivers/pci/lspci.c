// SPDX-License-Identifier: MIT
/*
 * The shell's "lspci": the PCI devices found at boot, in the formats of
 * pciutils' lspci, which on Linux reads the same registers from sysfs.
 *
 *   lspci      one line per function, as "lspci -n" prints it:
 *                00:04.0 00ff: 1234:11e8 (rev 10)
 *              bus:slot.function, class (base class and subclass),
 *              vendor:device, and the revision if it is not 0
 *   lspci -v   the same line, then the lines of "lspci -vv" that concern
 *              interrupts and addresses, each indented by a tab:
 *                Subsystem: 1af4:1100
 *                Control: I/O- Mem+ BusMaster- DisINTx-
 *                Status: Cap+ INTx-
 *                Interrupt: pin A routed to IRQ 11
 *                Region 0: Memory at fea00000 (32-bit, non-prefetchable) [size=1M]
 *                Bus: primary=00, secondary=01, subordinate=01   (bridges)
 *                Kernel driver in use: edu
 *              and an empty line after each device.
 *
 * Control and Status are read live: "INTx+" means the device is
 * asserting its interrupt pin right now.
 */
#include <linux/kernel.h>
#include <linux/string.h>
#include <linux/errno.h>
#include <linux/shell.h>
#include <linux/pci.h>

static const char *plus(unsigned int v, unsigned int bit)
{
	return (v & bit) ? "+" : "-";
}

/* "64", "4K", "1M": the size in the largest unit that divides it. */
static void format_size(char *buf, size_t len, u64 size)
{
	static const char units[] = "KMGT";
	int u = -1;

	while (size >= 1024 && !(size % 1024) && u < 3) {
		size /= 1024;
		u++;
	}
	if (u < 0)
		snprintf(buf, len, "%llu", (unsigned long long)size);
	else
		snprintf(buf, len, "%llu%c", (unsigned long long)size, units[u]);
}

static void show_region(const struct pci_dev *dev, int bar, u16 cmd)
{
	const struct resource *res = &dev->resource[bar];
	char size[24], at[24];
	bool off;

	format_size(size, sizeof(size), resource_size(res));
	if (res->flags & IORESOURCE_UNSET)
		strlcpy(at, "<unassigned>", sizeof(at));
	else
		snprintf(at, sizeof(at), "%llx", (unsigned long long)res->start);
	if (res->flags & IORESOURCE_IO) {
		off = !(cmd & PCI_COMMAND_IO);
		shell_printf("\tRegion %d: I/O ports at %s%s [size=%s]\n", bar, at,
			     off ? " [disabled]" : "", size);
	} else {
		off = !(cmd & PCI_COMMAND_MEMORY);
		shell_printf("\tRegion %d: Memory at %s (%s, %s)%s [size=%s]\n", bar, at,
			     (res->flags & IORESOURCE_MEM_64) ? "64-bit" : "32-bit",
			     (res->flags & IORESOURCE_PREFETCH) ? "prefetchable"
								: "non-prefetchable",
			     off ? " [disabled]" : "", size);
	}
}

static void show_verbose(const struct pci_dev *dev)
{
	u16 cmd, status;
	int bar;

	pci_read_config_word(dev, PCI_COMMAND, &cmd);
	pci_read_config_word(dev, PCI_STATUS, &status);
	if (dev->hdr_type == PCI_HEADER_TYPE_NORMAL &&
	    (dev->subsystem_vendor || dev->subsystem_device))
		shell_printf("\tSubsystem: %04x:%04x\n", dev->subsystem_vendor,
			     dev->subsystem_device);
	shell_printf("\tControl: I/O%s Mem%s BusMaster%s DisINTx%s\n",
		     plus(cmd, PCI_COMMAND_IO), plus(cmd, PCI_COMMAND_MEMORY),
		     plus(cmd, PCI_COMMAND_MASTER), plus(cmd, PCI_COMMAND_INTX_DISABLE));
	shell_printf("\tStatus: Cap%s INTx%s\n", plus(status, PCI_STATUS_CAP_LIST),
		     plus(status, PCI_STATUS_INTERRUPT));
	if (dev->pin) {
		if (dev->irq)
			shell_printf("\tInterrupt: pin %c routed to IRQ %u\n",
				     'A' + dev->pin - 1, dev->irq);
		else
			shell_printf("\tInterrupt: pin %c not routed\n", 'A' + dev->pin - 1);
	}
	for (bar = 0; bar < PCI_STD_NUM_BARS; bar++)
		if (dev->resource[bar].flags)
			show_region(dev, bar, cmd);
	if (dev->hdr_type == PCI_HEADER_TYPE_BRIDGE)
		shell_printf("\tBus: primary=%02x, secondary=%02x, subordinate=%02x\n",
			     dev->bus, dev->secondary, dev->subordinate);
	if (dev->driver)
		shell_printf("\tKernel driver in use: %s\n", dev->driver->name);
	shell_printf("\n");
}

static int do_lspci(int argc, char **argv)
{
	bool verbose = false;
	struct pci_dev *dev;
	int i;

	for (i = 1; i < argc; i++) {
		if (!strcmp(argv[i], "-v") || !strcmp(argv[i], "-vv")) {
			verbose = true;
		} else if (strcmp(argv[i], "-n")) {
			shell_printf("lspci: unknown option '%s' (usage: lspci [-n] [-v])\n",
				     argv[i]);
			return -EINVAL;
		}
	}
	for_each_pci_dev(dev) {
		shell_printf("%02x:%02x.%d %04x: %04x:%04x", dev->bus, PCI_SLOT(dev->devfn),
			     PCI_FUNC(dev->devfn), dev->class >> 8, dev->vendor, dev->device);
		if (dev->revision)
			shell_printf(" (rev %02x)", dev->revision);
		shell_printf("\n");
		if (verbose)
			show_verbose(dev);
	}
	return 0;
}
DEFINE_SHELL_CMD(lspci, "[-v]", "list PCI devices (-v: IRQ, BARs, driver)", do_lspci);
