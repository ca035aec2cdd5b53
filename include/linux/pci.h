/* SPDX-License-Identifier: MIT */
/*
 * PCI: devices found at boot and the drivers that bind to them.
 *
 * subsys_initcall(pci_subsys_init) (drivers/pci/probe.c) walks the buses
 * through configuration space, bus 0 first and then every bus behind a
 * PCI-to-PCI bridge, and makes a struct pci_dev for each function it
 * finds: IDs, class, base address registers (sized) and the INTx pin and
 * line. The firmware (SeaBIOS under QEMU, the BIOS on a PC) has already
 * assigned addresses to the BARs and routed each INTx pin to an ISA IRQ,
 * written to Interrupt Line; irqos uses what it finds and reassigns
 * nothing.
 *
 * A driver registers from a device_initcall:
 *
 *	static const struct pci_device_id ids[] = {
 *		{ PCI_DEVICE(0x1234, 0x11e8) }, { }
 *	};
 *	static struct pci_driver drv = {
 *		.name = "edu", .id_table = ids, .probe = edu_probe,
 *	};
 *	static int __init edu_init(void) { return pci_register_driver(&drv); }
 *	device_initcall(edu_init);
 *
 * and its probe() runs once for each matching device, in bus order. It
 * calls pci_enable_device() (turns on decoding and sets up the INTx line
 * as level-triggered), maps BARs with ioremap(pci_resource_start(),
 * pci_resource_len()) and requests pdev->irq with IRQF_SHARED: PCI
 * interrupt lines are shared by design.
 */
#ifndef _LINUX_PCI_H
#define _LINUX_PCI_H

#include <linux/types.h>
#include <linux/list.h>
#include <linux/ioport.h>
#include <linux/pci_regs.h>
#include <linux/pci_ids.h>

#define PCI_DEVFN(slot, func)  ((((slot) & 0x1f) << 3) | ((func) & 0x07))
#define PCI_SLOT(devfn)        (((devfn) >> 3) & 0x1f)
#define PCI_FUNC(devfn)        ((devfn) & 0x07)

#define PCI_STD_NUM_BARS  6         /* BARs of a type 0 header */
#define PCI_BRIDGE_NUM_BARS 2       /* BARs of a type 1 header */
#define PCI_ANY_ID        (~0u)

struct pci_driver;
struct msi_desc;

/**
 * struct pci_dev - one PCI function
 * @bus_list:      on pci_devices, sorted by bus then devfn
 * @bus:           bus number
 * @devfn:         device (slot) << 3 | function
 * @vendor:        vendor ID
 * @device:        device ID
 * @subsystem_vendor: subsystem vendor ID (type 0 headers; else 0)
 * @subsystem_device: subsystem ID
 * @class:         base class << 16 | subclass << 8 | programming interface
 * @revision:      revision ID
 * @hdr_type:      header type without the multi-function bit
 * @multifunction: function 0 said functions 1..7 may exist
 * @pin:           interrupt pin: 0 none, 1..4 INTA#..INTD#
 * @irq:           the IRQ the firmware routed @pin to (Interrupt Line),
 *                 0 if the device has no pin or the line is not routed
 * @secondary:     bridges: the bus behind the bridge
 * @subordinate:   bridges: the highest bus number behind it
 * @resource:      BARs; resource[i] is BAR i (the upper half of a 64-bit
 *                 BAR has flags 0)
 * @driver:        the bound driver, or NULL
 * @driver_data:   the driver's (pci_set_drvdata)
 * @enable_cnt:    pci_enable_device() calls not yet undone
 * @msi_cap:       offset of the MSI capability in config space, 0 if none
 * @msi_enabled:   MSI is on (pci_alloc_irq_vectors); @irq is then the
 *                 MSI IRQ and @msi_desc holds the INTx one to go back to
 * @msi_desc:      the message of the enabled MSI vector (linux/msi.h)
 * @name:          "0000:BB:DD.F", as Linux names PCI devices
 */
struct pci_dev {
	struct list_head bus_list;
	unsigned int bus;
	unsigned int devfn;
	u16 vendor;
	u16 device;
	u16 subsystem_vendor;
	u16 subsystem_device;
	unsigned int class;
	u8 revision;
	u8 hdr_type;
	bool multifunction;
	u8 pin;
	unsigned int irq;
	u8 secondary;
	u8 subordinate;
	struct resource resource[PCI_STD_NUM_BARS];
	struct pci_driver *driver;
	void *driver_data;
	unsigned int enable_cnt;
	u8 msi_cap;
	bool msi_enabled;
	struct msi_desc *msi_desc;
	char name[16];
};

/**
 * struct pci_device_id - a device a driver handles
 * @vendor: vendor ID, or PCI_ANY_ID
 * @device: device ID, or PCI_ANY_ID
 * @driver_data: for the driver; handed back through the matched entry
 *
 * Tables end with an all-zero entry.
 */
struct pci_device_id {
	u32 vendor;
	u32 device;
	unsigned long driver_data;
};

#define PCI_DEVICE(vend, dev)  .vendor = (vend), .device = (dev)

/**
 * struct pci_driver - a driver for PCI devices
 * @name:     shown in logs and by lspci -v ("Kernel driver in use")
 * @id_table: the devices it handles
 * @probe:    bind to @dev; 0 on success, else a negative errno and the
 *            device stays unbound
 * @remove:   unbind (pci_unregister_driver); may be NULL
 * @node:     on the list of registered drivers
 */
struct pci_driver {
	const char *name;
	const struct pci_device_id *id_table;
	int (*probe)(struct pci_dev *dev, const struct pci_device_id *id);
	void (*remove)(struct pci_dev *dev);
	struct list_head node;
};

/* Every function found, in bus/devfn order. */
extern struct list_head pci_devices;
#define for_each_pci_dev(d) list_for_each_entry(d, &pci_devices, bus_list)

/* drivers/pci/access.c: configuration space, 0 or -EINVAL. */
int pci_bus_read_config_byte(unsigned int bus, unsigned int devfn, int where, u8 *val);
int pci_bus_read_config_word(unsigned int bus, unsigned int devfn, int where, u16 *val);
int pci_bus_read_config_dword(unsigned int bus, unsigned int devfn, int where, u32 *val);
int pci_bus_write_config_byte(unsigned int bus, unsigned int devfn, int where, u8 val);
int pci_bus_write_config_word(unsigned int bus, unsigned int devfn, int where, u16 val);
int pci_bus_write_config_dword(unsigned int bus, unsigned int devfn, int where, u32 val);
int pci_read_config_byte(const struct pci_dev *dev, int where, u8 *val);
int pci_read_config_word(const struct pci_dev *dev, int where, u16 *val);
int pci_read_config_dword(const struct pci_dev *dev, int where, u32 *val);
int pci_write_config_byte(const struct pci_dev *dev, int where, u8 val);
int pci_write_config_word(const struct pci_dev *dev, int where, u16 val);
int pci_write_config_dword(const struct pci_dev *dev, int where, u32 val);

/* drivers/pci/pci.c */
int pci_enable_device(struct pci_dev *dev);
void pci_disable_device(struct pci_dev *dev);
void pci_set_master(struct pci_dev *dev);
void pci_clear_master(struct pci_dev *dev);
void pci_intx(struct pci_dev *dev, bool enable);
u8 pci_find_capability(struct pci_dev *dev, int cap);
struct pci_dev *pci_get_device(unsigned int vendor, unsigned int device,
			       struct pci_dev *from);
struct pci_dev *pci_get_slot(unsigned int bus, unsigned int devfn);

/* drivers/pci/pci-driver.c */
int pci_register_driver(struct pci_driver *drv);
void pci_unregister_driver(struct pci_driver *drv);
void pci_bus_add_device(struct pci_dev *dev);

/* drivers/pci/probe.c: buses scanned so far; the scan itself (done at
 * boot by a subsys_initcall) */
extern unsigned int pci_bus_count;
void pci_scan_bus(unsigned int bus);

/*
 * Provided by the architecture (on x86: arch/x86/pci/direct.c and irq.c).
 *
 * raw_pci_read/raw_pci_write: @len (1, 2 or 4) bytes at register @reg
 * (aligned to @len, below 256) of bus/devfn; 0 or -EINVAL. Reading a
 * function that does not exist gives all ones, as the hardware does.
 * pci_direct_probe: 0 if configuration space can be reached, else -ENODEV.
 * pcibios_irq_init: after the scan, find and report the interrupt router.
 * pcibios_enable_irq: set up @dev's INTx line before its driver requests
 * it (pci_enable_device); 0 or -errno.
 */
int raw_pci_read(unsigned int bus, unsigned int devfn, int reg, int len, u32 *val);
int raw_pci_write(unsigned int bus, unsigned int devfn, int reg, int len, u32 val);
int pci_direct_probe(void);
void pcibios_irq_init(void);
int pcibios_enable_irq(struct pci_dev *dev);

static inline const char *pci_name(const struct pci_dev *dev) { return dev->name; }
static inline void *pci_get_drvdata(struct pci_dev *dev) { return dev->driver_data; }
static inline void pci_set_drvdata(struct pci_dev *dev, void *data) { dev->driver_data = data; }

#define pci_resource_start(dev, bar) ((dev)->resource[(bar)].start)
#define pci_resource_end(dev, bar)   ((dev)->resource[(bar)].end)
#define pci_resource_flags(dev, bar) ((dev)->resource[(bar)].flags)
#define pci_resource_len(dev, bar)   resource_size(&(dev)->resource[(bar)])

/* drivers/pci/msi.c: interrupt vectors - MSI, else the INTx line. */
#define PCI_IRQ_LEGACY    (1 << 0)  /* the INTx line (pdev->irq) */
#define PCI_IRQ_MSI       (1 << 1)  /* Message Signaled Interrupts */
#define PCI_IRQ_MSIX      (1 << 2)  /* MSI-X: not implemented, never chosen */
#define PCI_IRQ_ALL_TYPES (PCI_IRQ_LEGACY | PCI_IRQ_MSI | PCI_IRQ_MSIX)

int pci_alloc_irq_vectors(struct pci_dev *dev, unsigned int min_vecs,
			  unsigned int max_vecs, unsigned int flags);
int pci_irq_vector(struct pci_dev *dev, unsigned int nr);
void pci_free_irq_vectors(struct pci_dev *dev);
int pci_msi_enabled(void);

#endif
