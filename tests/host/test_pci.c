// SPDX-License-Identifier: MIT
/*
 * Host tests for the portable PCI code (drivers/pci/): enumeration over a
 * fake configuration space, BAR sizing, the accessors' argument checks,
 * pci_enable_device() and the driver binding.
 *
 * The architecture's raw_pci_read()/raw_pci_write() are played by a fake
 * that behaves like hardware: a missing function reads all ones, a BAR
 * keeps only the address bits its size allows (so writing all ones reads
 * back the size mask), and a BAR written while the function still decodes
 * that space is recorded as a violation. The machine:
 *
 *   00:00.0 host bridge            00:01.0/.1/.3 multi-function ISA/IDE/ACPI
 *   00:03.0 NIC: 128K mem + 64 I/O 00:04.0 edu: 1M mem, INTA -> IRQ 11
 *   00:05.0 bridge -> bus 1-2, 64-bit BAR
 *   00:06.0 bridge left unnumbered by the firmware (secondary 0)
 *   00:07.0 64-bit prefetchable 8G BAR above 4G, unassigned BAR, line 0xff
 *   00:09.0 single-function device that also answers as function 1
 *   01:00.0 bridge -> bus 2          01:01.0 bridge claiming bus 1 (loop)
 *   01:02.0 second bridge -> bus 2   02:00.0 edu behind two bridges
 *   03:00.0 on a bus no bridge leads to
 */
#include <linux/kernel.h>
#include <linux/errno.h>
#include <linux/pci.h>
#include <linux/slab.h>
#include <linux/bug.h>
#include "tap.h"

unsigned long host_irq_flags = 0x200;

/* ---- kernel services ---- */

static unsigned long warns;
static char logbuf[16384];

void host_bug(const char *file, int line, unsigned int flags)
{
	if (!(flags & BUGFLAG_WARNING)) {
		printf("Bail out! BUG at %s:%d\n", file, line);
		abort();
	}
	warns++;
}

int printk(const char *fmt, ...)
{
	size_t n = strlen(logbuf);
	va_list ap;
	int r;

	va_start(ap, fmt);
	r = irqos_vsnprintf(logbuf + n, sizeof(logbuf) - n, fmt, ap);
	va_end(ap);
	return r;
}

int sprint_symbol(char *buf, unsigned long addr)
{
	return irqos_sprintf(buf, "0x%lx", addr);
}

void *kzalloc(size_t size, gfp_t gfp) { return calloc(1, size); }
void *kmalloc(size_t size, gfp_t gfp) { return malloc(size); }
void kfree(const void *p) { free((void *)p); }

/* ---- the fake configuration space ---- */

struct fake_fn {
	u8 cfg[256];
	u32 bar_wmask[6];    /* writable address bits; 0: BAR not implemented */
	bool bar_io[6];
	bool present;
};

static struct fake_fn fns[256][256];
static unsigned int sizing_violations, raw_reads, bad_raw;

static struct fake_fn *fn_at(unsigned int bus, unsigned int devfn)
{
	return bus < 256 && devfn < 256 && fns[bus][devfn].present ? &fns[bus][devfn] : NULL;
}

static void put(u8 *cfg, int reg, int len, u32 v)
{
	int i;

	for (i = 0; i < len; i++)
		cfg[reg + i] = v >> (8 * i);
}

static u32 get(const u8 *cfg, int reg, int len)
{
	u32 v = 0;
	int i;

	for (i = 0; i < len; i++)
		v |= (u32)cfg[reg + i] << (8 * i);
	return v;
}

int raw_pci_read(unsigned int bus, unsigned int devfn, int reg, int len, u32 *val)
{
	struct fake_fn *f = fn_at(bus, devfn);

	raw_reads++;
	if (reg < 0 || reg + len > 256 || (reg & (len - 1)))
		bad_raw++;
	*val = f ? get(f->cfg, reg, len) : (len == 4 ? ~0u : (1u << (8 * len)) - 1);
	return 0;
}

int raw_pci_write(unsigned int bus, unsigned int devfn, int reg, int len, u32 val)
{
	struct fake_fn *f = fn_at(bus, devfn);
	int nbars, bar;

	if (reg < 0 || reg + len > 256 || (reg & (len - 1)))
		bad_raw++;
	if (!f)
		return 0;
	nbars = (f->cfg[PCI_HEADER_TYPE] & 0x7f) == 1 ? 2 : 6;
	bar = (reg - PCI_BASE_ADDRESS_0) / 4;
	if (reg >= PCI_BASE_ADDRESS_0 && bar < nbars && len == 4) {
		u32 old = get(f->cfg, reg, 4), wm = f->bar_wmask[bar];
		u16 cmd = get(f->cfg, PCI_COMMAND, 2);

		if (cmd & (f->bar_io[bar] ? PCI_COMMAND_IO : PCI_COMMAND_MEMORY))
			sizing_violations++;
		put(f->cfg, reg, 4, (val & wm) | (old & ~wm));
		return 0;
	}
	put(f->cfg, reg, len, val);
	return 0;
}

int pci_direct_probe(void) { return 0; }
void pcibios_irq_init(void) { }

static unsigned int enable_irq_calls;
static int enable_irq_ret;
int pcibios_enable_irq(struct pci_dev *dev)
{
	enable_irq_calls++;
	return enable_irq_ret;
}

static struct fake_fn *add(unsigned int bus, unsigned int slot, unsigned int fn,
			   u16 vendor, u16 device, u32 class, u8 hdr)
{
	struct fake_fn *f = &fns[bus][PCI_DEVFN(slot, fn)];

	f->present = true;
	put(f->cfg, PCI_VENDOR_ID, 2, vendor);
	put(f->cfg, PCI_DEVICE_ID, 2, device);
	put(f->cfg, PCI_REVISION_ID, 4, class << 8 | 0x10);
	f->cfg[PCI_HEADER_TYPE] = hdr;
	f->cfg[PCI_INTERRUPT_LINE] = 0xff;
	return f;
}

/* BAR @n at @base, @size bytes (a power of two), @flags its low bits;
 * a 64-bit BAR (flags type 4) also takes BAR @n + 1. Unimplemented
 * address bits are hardwired to 0, as in hardware. */
static void bar(struct fake_fn *f, int n, u64 base, u64 size, u32 flags)
{
	bool io = flags & 1;
	u64 wm = ~(size - 1) & (io ? ~3ULL : ~0xfULL);

	f->bar_io[n] = io;
	f->bar_wmask[n] = (u32)wm;
	put(f->cfg, PCI_BASE_ADDRESS_0 + 4 * n, 4, (u32)base | flags);
	if ((flags & 7) == 4) {
		f->bar_wmask[n + 1] = (u32)(wm >> 32);
		put(f->cfg, PCI_BASE_ADDRESS_0 + 4 * (n + 1), 4, base >> 32);
	}
}

static void irq(struct fake_fn *f, u8 pin, u8 line)
{
	f->cfg[PCI_INTERRUPT_PIN] = pin;
	f->cfg[PCI_INTERRUPT_LINE] = line;
}

static void bridge(struct fake_fn *f, u8 pri, u8 sec, u8 sub)
{
	f->cfg[PCI_PRIMARY_BUS] = pri;
	f->cfg[PCI_SECONDARY_BUS] = sec;
	f->cfg[PCI_SUBORDINATE_BUS] = sub;
}

static void build_machine(void)
{
	struct fake_fn *f;

	add(0, 0, 0, 0x8086, 0x1237, 0x060000, 0);
	add(0, 1, 0, 0x8086, 0x7000, 0x060100, 0x80);
	f = add(0, 1, 1, 0x8086, 0x7010, 0x010180, 0);
	bar(f, 4, 0xc040, 16, 1);
	f = add(0, 1, 3, 0x8086, 0x7113, 0x068000, 0);
	irq(f, 1, 9);
	f = add(0, 3, 0, 0x8086, 0x100e, 0x020000, 0);
	bar(f, 0, 0xfeb40000, 128 << 10, 0);
	bar(f, 1, 0xc000, 64, 1);
	irq(f, 1, 11);
	put(f->cfg, PCI_COMMAND, 2, PCI_COMMAND_IO | PCI_COMMAND_MEMORY);
	f = add(0, 4, 0, 0x1234, 0x11e8, 0x00ff00, 0);
	bar(f, 0, 0xfe900000, 1 << 20, 0);
	irq(f, 1, 11);
	put(f->cfg, PCI_SUBSYSTEM_VENDOR_ID, 4, 0x11001af4);
	put(f->cfg, PCI_COMMAND, 2, PCI_COMMAND_MEMORY);
	f = add(0, 5, 0, 0x1b36, 0x0001, 0x060400, 1);
	bar(f, 0, 0xfeb71000, 256, 4);
	bridge(f, 0, 1, 2);
	irq(f, 1, 10);
	put(f->cfg, PCI_COMMAND, 2, PCI_COMMAND_MEMORY);
	f = add(0, 6, 0, 0x1b36, 0x0001, 0x060400, 1);
	bridge(f, 0, 0, 0);
	f = add(0, 7, 0, 0x1234, 0x5678, 0x030000, 0);
	bar(f, 0, 0x800000000ULL, 8ULL << 30, 0xc);
	bar(f, 2, 0, 4096, 0);
	irq(f, 1, 0xff);
	add(0, 9, 0, 0x1234, 0x0009, 0x088000, 0);
	add(0, 9, 1, 0x1234, 0x0091, 0x088000, 0);      /* must not be seen */
	f = add(1, 0, 0, 0x1b36, 0x0001, 0x060400, 1);
	bridge(f, 1, 2, 2);
	f = add(1, 1, 0, 0x1b36, 0x0001, 0x060400, 1);
	bridge(f, 1, 1, 1);
	f = add(1, 2, 0, 0x1b36, 0x0001, 0x060400, 1);
	bridge(f, 1, 2, 2);
	f = add(2, 0, 0, 0x1234, 0x11e8, 0x00ff00, 0);
	bar(f, 0, 0xfe800000, 1 << 20, 0);
	irq(f, 1, 10);
	add(3, 0, 0, 0x1234, 0x0003, 0x088000, 0);
}

/* ---- checks ---- */

static void test_scan(void)
{
	static const char *const want[] = {
		"0000:00:00.0", "0000:00:01.0", "0000:00:01.1", "0000:00:01.3",
		"0000:00:03.0", "0000:00:04.0", "0000:00:05.0", "0000:00:06.0",
		"0000:00:07.0", "0000:00:09.0", "0000:01:00.0", "0000:01:01.0",
		"0000:01:02.0", "0000:02:00.0",
	};
	struct pci_dev *d;
	unsigned int n = 0, bad = 0;

	pci_scan_bus(0);
	for_each_pci_dev(d) {
		if (n < ARRAY_SIZE(want) && strcmp(pci_name(d), want[n]))
			bad++;
		n++;
	}
	is_int(n, ARRAY_SIZE(want), "scan finds 14 functions (not 00:09.1, not bus 3)");
	is_int(bad, 0, "the list is in bus/devfn order with Linux's names");
	is_int(pci_bus_count, 3, "buses 0, 1 and 2 scanned, bus 2 once");
	is_int(sizing_violations, 0, "BARs are only sized with decoding off");
	is_int(bad_raw, 0, "every raw access is aligned and inside the 256 bytes");
	ok(strstr(logbuf, "pci 0000:00:06.0: PCI bridge to [bus 00-00] not configured by firmware"),
	   "the unnumbered bridge is reported");
	ok(strstr(logbuf, "pci 0000:00:04.0: [1234:11e8] type 00 class 0x00ff00\n"),
	   "devices are logged as Linux does: [vendor:device] type class");
	ok(strstr(logbuf, "pci 0000:00:04.0: reg 0x10: [mem 0xfe900000-0xfe9fffff]\n"),
	   "BARs are logged as Linux does");

	pci_scan_bus(0);
	n = 0;
	for_each_pci_dev(d)
		n++;
	is_int(n, ARRAY_SIZE(want), "a second scan adds nothing");
}

static void test_fields(void)
{
	struct pci_dev *d = pci_get_slot(0, PCI_DEVFN(4, 0));

	ok(d != NULL, "pci_get_slot finds 00:04.0");
	if (!d)
		return;
	is_int(d->vendor, 0x1234, "vendor");
	is_int(d->device, 0x11e8, "device");
	is_int(d->class, 0x00ff00, "class");
	is_int(d->revision, 0x10, "revision");
	is_int(d->subsystem_vendor, 0x1af4, "subsystem vendor");
	is_int(d->subsystem_device, 0x1100, "subsystem device");
	is_int(d->pin, 1, "pin A");
	is_int(d->irq, 11, "irq from Interrupt Line");
	is_int(pci_resource_start(d, 0), 0xfe900000, "BAR 0 start");
	is_int(pci_resource_len(d, 0), 1 << 20, "BAR 0 size 1M");
	is_int(pci_resource_flags(d, 0), IORESOURCE_MEM, "BAR 0 is 32-bit memory");
	is_int(pci_resource_len(d, 1), 0, "BAR 1 not implemented");
	is_int(get(fns[0][PCI_DEVFN(4, 0)].cfg, PCI_BASE_ADDRESS_0, 4), 0xfe900000,
	       "BAR 0 restored after sizing");
	is_int(get(fns[0][PCI_DEVFN(4, 0)].cfg, PCI_COMMAND, 2), PCI_COMMAND_MEMORY,
	       "Command restored after sizing");

	d = pci_get_slot(0, PCI_DEVFN(3, 0));
	is_int(pci_resource_len(d, 0), 128 << 10, "NIC: 128K memory BAR");
	is_int(pci_resource_flags(d, 1), IORESOURCE_IO, "NIC: I/O BAR");
	is_int(pci_resource_start(d, 1), 0xc000, "NIC: I/O BAR at 0xc000");
	is_int(pci_resource_len(d, 1), 64, "NIC: I/O BAR of 64 ports");

	d = pci_get_slot(0, PCI_DEVFN(1, 1));
	is_int(pci_resource_len(d, 4), 16, "function 1 of a multi-function device is scanned");

	d = pci_get_slot(0, PCI_DEVFN(7, 0));
	is_int(pci_resource_start(d, 0), 0x800000000ULL, "64-bit BAR: base above 4G");
	is_int(pci_resource_len(d, 0), 8ULL << 30, "64-bit BAR: 8G, sized over both halves");
	is_int(pci_resource_flags(d, 0), IORESOURCE_MEM | IORESOURCE_MEM_64 | IORESOURCE_PREFETCH,
	       "64-bit prefetchable flags");
	is_int(pci_resource_flags(d, 1), 0, "the upper half is not a BAR of its own");
	is_int(pci_resource_flags(d, 2), IORESOURCE_MEM | IORESOURCE_UNSET,
	       "a BAR left at 0 is marked unassigned");
	is_int(d->irq, 0, "Interrupt Line 0xff: no IRQ");

	d = pci_get_slot(0, PCI_DEVFN(5, 0));
	is_int(d->hdr_type, PCI_HEADER_TYPE_BRIDGE, "bridge header type");
	is_int(d->secondary, 1, "bridge secondary bus");
	is_int(d->subordinate, 2, "bridge subordinate bus");
	is_int(pci_resource_len(d, 0), 256, "bridge: its 64-bit BAR is sized");

	d = pci_get_device(0x1234, 0x11e8, NULL);
	ok(d && d->bus == 0, "pci_get_device: first edu on bus 0");
	d = pci_get_device(0x1234, 0x11e8, d);
	ok(d && d->bus == 2, "pci_get_device: the next one behind two bridges");
	ok(!pci_get_device(0x1234, 0x11e8, d), "pci_get_device: then no more");
	ok(!pci_get_slot(0, PCI_DEVFN(9, 1)), "00:09.1 was not scanned (function 0 is single-function)");
}

static void test_accessors(void)
{
	struct pci_dev *d = pci_get_slot(0, PCI_DEVFN(4, 0));
	u32 dw = 0;
	u16 w = 0;
	u8 b = 0;

	is_int(pci_read_config_dword(d, PCI_VENDOR_ID, &dw), 0, "aligned dword read: 0");
	is_int(dw, 0x11e81234, "vendor and device in one dword");
	is_int(pci_read_config_word(d, 1, &w), -EINVAL, "unaligned word: -EINVAL");
	is_int(w, 0xffff, "... and all ones");
	is_int(pci_read_config_dword(d, 0x3e, &dw), -EINVAL, "unaligned dword: -EINVAL");
	is_int(pci_read_config_byte(d, 256, &b), -EINVAL, "offset 256: -EINVAL");
	is_int(b, 0xff, "... and all ones");
	is_int(pci_read_config_byte(d, -1, &b), -EINVAL, "negative offset: -EINVAL");
	is_int(pci_write_config_word(d, 0xff, 0), -EINVAL, "word write past the end: -EINVAL");
	is_int(pci_bus_read_config_word(0, PCI_DEVFN(31, 7), PCI_VENDOR_ID, &w), 0,
	       "read of an empty slot: 0");
	is_int(w, 0xffff, "... reads all ones, as hardware does");
	is_int(bad_raw, 0, "no bad access reached the architecture");
}

static void test_enable(void)
{
	struct pci_dev *nic = pci_get_slot(0, PCI_DEVFN(3, 0));
	struct pci_dev *edu = pci_get_slot(0, PCI_DEVFN(4, 0));
	struct pci_dev *odd = pci_get_slot(0, PCI_DEVFN(7, 0));
	u8 *cfg = fns[0][PCI_DEVFN(4, 0)].cfg;

	put(cfg, PCI_COMMAND, 2, 0);
	put(fns[0][PCI_DEVFN(3, 0)].cfg, PCI_COMMAND, 2, 0);
	enable_irq_calls = 0;
	is_int(pci_enable_device(edu), 0, "pci_enable_device: 0");
	is_int(get(cfg, PCI_COMMAND, 2), PCI_COMMAND_MEMORY, "memory decoding only (no I/O BAR)");
	is_int(enable_irq_calls, 1, "the architecture set up the INTx line");
	is_int(pci_enable_device(edu), 0, "a nested enable: 0");
	is_int(enable_irq_calls, 1, "... and no second set-up");
	pci_set_master(edu);
	is_int(get(cfg, PCI_COMMAND, 2), PCI_COMMAND_MEMORY | PCI_COMMAND_MASTER, "pci_set_master");
	pci_intx(edu, false);
	ok(get(cfg, PCI_COMMAND, 2) & PCI_COMMAND_INTX_DISABLE, "pci_intx(false) sets Interrupt Disable");
	pci_intx(edu, true);
	ok(!(get(cfg, PCI_COMMAND, 2) & PCI_COMMAND_INTX_DISABLE), "pci_intx(true) clears it");
	pci_disable_device(edu);
	ok(get(cfg, PCI_COMMAND, 2) & PCI_COMMAND_MASTER, "one disable of two: still master");
	pci_disable_device(edu);
	is_int(get(cfg, PCI_COMMAND, 2), PCI_COMMAND_MEMORY, "last disable: bus master off, decoding on");
	warns = 0;
	pci_disable_device(edu);
	is_int(warns, 1, "an unbalanced disable WARNs");
	is_int(edu->enable_cnt, 0, "... and the count stays 0");

	is_int(pci_enable_device(nic), 0, "NIC enabled");
	is_int(get(fns[0][PCI_DEVFN(3, 0)].cfg, PCI_COMMAND, 2),
	       PCI_COMMAND_IO | PCI_COMMAND_MEMORY, "I/O and memory decoding for I/O + memory BARs");

	is_int(pci_enable_device(odd), -EINVAL, "a device with an unassigned BAR: -EINVAL");
	is_int(odd->enable_cnt, 0, "... and not counted as enabled");
	enable_irq_ret = -EBUSY;
	put(cfg, PCI_COMMAND, 2, 0);
	is_int(pci_enable_device(edu), -EBUSY, "the architecture's error is returned");
	is_int(get(cfg, PCI_COMMAND, 2), 0, "... and decoding stays off");
	is_int(edu->enable_cnt, 0, "... and the device is not enabled");
	enable_irq_ret = 0;
}

/* ---- drivers ---- */

static unsigned int probes, removes;
static struct pci_dev *probed[4];
static int fail_devfn = -1;

static int test_probe(struct pci_dev *dev, const struct pci_device_id *id)
{
	if (dev->bus == 0 && (int)dev->devfn == fail_devfn)
		return -ENODEV;
	if (probes < 4)
		probed[probes] = dev;
	probes++;
	pci_set_drvdata(dev, (void *)id->driver_data);
	return 0;
}

static void test_remove(struct pci_dev *dev)
{
	removes++;
}

static const struct pci_device_id edu_ids[] = {
	{ PCI_DEVICE(0x1234, 0x11e8), .driver_data = 42 },
	{ }
};
static struct pci_driver edu_drv = {
	.name = "edu", .id_table = edu_ids, .probe = test_probe, .remove = test_remove,
};
static const struct pci_device_id any_ids[] = {
	{ PCI_DEVICE(PCI_ANY_ID, 0x11e8) },
	{ }
};
static struct pci_driver any_drv = { .name = "any", .id_table = any_ids, .probe = test_probe };

static void test_drivers(void)
{
	struct pci_dev *e0 = pci_get_slot(0, PCI_DEVFN(4, 0));
	struct pci_dev *e2 = pci_get_slot(2, 0);

	fail_devfn = PCI_DEVFN(4, 0);
	is_int(pci_register_driver(&edu_drv), 0, "pci_register_driver: 0");
	is_int(probes, 1, "probe ran for the one matching device whose probe succeeded");
	ok(probed[0] == e2, "... which is 02:00.0");
	ok(e2->driver == &edu_drv && e0->driver == NULL, "the failed probe left 00:04.0 unbound");
	is_int((unsigned long)pci_get_drvdata(e2), 42, "probe got the matching id entry");
	ok(strstr(logbuf, "edu 0000:00:04.0: probe failed with error -19"), "the failure is reported");

	fail_devfn = -1;
	probes = 0;
	is_int(pci_register_driver(&any_drv), 0, "a second driver registers");
	is_int(probes, 1, "it gets only the unbound device");
	ok(e0->driver == &any_drv && e2->driver == &edu_drv, "each device bound once");

	pci_unregister_driver(&edu_drv);
	is_int(removes, 1, "unregister calls remove for its device");
	ok(e2->driver == NULL && pci_get_drvdata(e2) == NULL, "... and unbinds it");
	pci_bus_add_device(e2);
	ok(e2->driver == &any_drv, "a device offered again goes to a driver still registered");

	warns = 0;
	is_int(pci_register_driver(&(struct pci_driver){ .name = "x" }), -EINVAL,
	       "a driver without id_table/probe: -EINVAL");
	is_int(warns, 1, "... with a WARN");
}

int main(void)
{
	build_machine();
	test_scan();
	test_fields();
	test_accessors();
	test_enable();
	test_drivers();
	return done_testing();
}
