// SPDX-License-Identifier: MIT
/*
 * Binding PCI drivers to PCI devices - a very small driver model.
 *
 * A driver names the devices it handles in an ID table. When it
 * registers, every unbound device that matches is offered to its probe(),
 * in bus order; when a device is found after a driver registered (not the
 * case at boot, where the scan comes first), it is offered to the drivers
 * already there. A device is bound to at most one driver, the first whose
 * probe() returns 0.
 */
#include <linux/kernel.h>
#include <linux/errno.h>
#include <linux/list.h>
#include <linux/pci.h>

static LIST_HEAD(pci_drivers);

static const struct pci_device_id *pci_match_id(const struct pci_device_id *ids,
						const struct pci_dev *dev)
{
	for (; ids && (ids->vendor || ids->device); ids++)
		if ((ids->vendor == PCI_ANY_ID || ids->vendor == dev->vendor) &&
		    (ids->device == PCI_ANY_ID || ids->device == dev->device))
			return ids;
	return NULL;
}

/* Offer @dev to @drv; true if it bound. */
static bool pci_try_bind(struct pci_driver *drv, struct pci_dev *dev)
{
	const struct pci_device_id *id;
	int ret;

	if (dev->driver)
		return false;
	id = pci_match_id(drv->id_table, dev);
	if (!id)
		return false;
	dev->driver = drv;              /* visible to probe (log prefixes) */
	ret = drv->probe(dev, id);
	if (ret) {
		dev->driver = NULL;
		pr_warn("%s %s: probe failed with error %d\n", drv->name,
			pci_name(dev), ret);
		return false;
	}
	return true;
}

/**
 * pci_register_driver - register @drv and probe the devices it matches
 * @drv: the driver; @name, @id_table and @probe are required
 *
 * Returns 0 (even if no device matched, or a probe failed: that is
 * reported per device), or -EINVAL for an incomplete driver.
 */
int pci_register_driver(struct pci_driver *drv)
{
	struct pci_dev *dev;

	if (WARN(!drv->name || !drv->id_table || !drv->probe,
		 "pci_register_driver: incomplete driver %p\n", drv))
		return -EINVAL;
	list_add_tail(&drv->node, &pci_drivers);
	for_each_pci_dev(dev)
		pci_try_bind(drv, dev);
	return 0;
}

/**
 * pci_unregister_driver - unbind @drv from its devices and forget it
 * @drv: a registered driver
 *
 * Calls remove() for each bound device.
 */
void pci_unregister_driver(struct pci_driver *drv)
{
	struct pci_dev *dev;

	for_each_pci_dev(dev) {
		if (dev->driver != drv)
			continue;
		if (drv->remove)
			drv->remove(dev);
		dev->driver = NULL;
		dev->driver_data = NULL;
	}
	list_del(&drv->node);
}

/**
 * pci_bus_add_device - offer a newly found device to the registered drivers
 * @dev: the device, already on pci_devices
 */
void pci_bus_add_device(struct pci_dev *dev)
{
	struct pci_driver *drv;

	list_for_each_entry(drv, &pci_drivers, node)
		if (pci_try_bind(drv, dev))
			return;
}
