// SPDX-License-Identifier: MIT
/*
 * Legacy PCI interrupt routing on PCs: how a device's INTx# pin becomes
 * an ISA IRQ at the 8259.
 *
 * On the board, each slot's INTA#..INTD# pins are wired to four PIRQ
 * links, PIRQA#..PIRQD#, rotated from slot to slot so that single-
 * function devices (which all use INTA#) spread over the links. The
 * chipset's interrupt router - in the PIIX3/PIIX4 PCI-to-ISA bridge, PCI
 * function 0 - steers each link to one ISA IRQ through its PIRQ Route
 * Control registers (Intel 82371SB PIIX3 datasheet, PIRQRC[A:D]):
 *
 *   0x60..0x63  PIRQRC[A..D], one byte per link
 *               bit 7     1 = routing disabled
 *               bits 3..0 the ISA IRQ (3-7, 9-12, 14, 15)
 *
 * The firmware programs the router and writes the result into every
 * device's Interrupt Line register; irqos takes Interrupt Line as it is.
 * PCI lines are level-triggered and active low, and several devices
 * share one: the 8259 must see them as level-triggered, which the
 * Edge/Level Control Register (ELCR, ports 0x4d0/0x4d1, one bit per IRQ)
 * selects. pcibios_enable_irq() sets that bit through the 8259 driver's
 * elcr_set_level_irq() before the driver requests the IRQ.
 *
 * With the I/O APIC in charge, the PIIX's routed PIRQ also drives the I/O
 * APIC input of the same ISA IRQ number (on QEMU's "pc"), so that pin is
 * made level-triggered with the fasteoi flow (mp_set_pci_irq()); its
 * polarity is active low unless the MADT overrides it - QEMU's MADT says
 * "high" for IRQs 5, 9, 10 and 11. Boards whose PCI INTx reach the I/O
 * APIC on pins 16-23 (ICH and later) say so only in ACPI's _PRT, which is
 * AML that irqos does not run: boot those with "noapic".
 *
 * Under QEMU's "pc" machine the wiring is link = (slot - 1 + pin) mod 4
 * (pin 0 = INTA#) and SeaBIOS routes PIRQA..D to IRQs 10, 10, 11, 11: the
 * edu devices at slots 4 and 8 both land on PIRQD and IRQ 11, the e1000
 * at slot 3 on PIRQC, also IRQ 11.
 */
#include <linux/kernel.h>
#include <linux/init.h>
#include <linux/pci.h>
#include <asm/i8259.h>
#include <asm/io_apic.h>

#define PIRQ_ROUTE_BASE    0x60   /* PIRQRC[A]; B, C, D follow */
#define PIRQ_ROUTE_OFF     0x80   /* bit 7: this link is not routed */
#define PIRQ_ROUTE_IRQ     0x0f   /* bits 3..0: the ISA IRQ */
#define NR_PIRQ_LINKS      4

static struct pci_dev *pirq_router;

static const char *pin_name(u8 pin)
{
	static const char *const names[] = { "?", "A", "B", "C", "D" };

	return names[pin <= 4 ? pin : 0];
}

/**
 * pcibios_irq_init - find the PIRQ router and report its routing
 *
 * Called by the PCI scan (drivers/pci/probe.c) once the devices are
 * known. It changes nothing: the log line documents which ISA IRQ each
 * link goes to, which is what decides who shares an IRQ.
 */
void __init pcibios_irq_init(void)
{
	char buf[96];
	int i, len = 0;
	u8 r;

	pirq_router = pci_get_device(PCI_VENDOR_ID_INTEL, PCI_DEVICE_ID_INTEL_82371SB_0, NULL);
	if (!pirq_router)
		pirq_router = pci_get_device(PCI_VENDOR_ID_INTEL,
					     PCI_DEVICE_ID_INTEL_82371AB_0, NULL);
	if (!pirq_router) {
		pr_info("PCI: no PIIX interrupt router; using Interrupt Line as found\n");
		return;
	}
	for (i = 0; i < NR_PIRQ_LINKS; i++) {
		pci_read_config_byte(pirq_router, PIRQ_ROUTE_BASE + i, &r);
		if (r & PIRQ_ROUTE_OFF)
			len += scnprintf(buf + len, sizeof(buf) - len, " PIRQ%c->off", 'A' + i);
		else
			len += scnprintf(buf + len, sizeof(buf) - len, " PIRQ%c->IRQ%u",
					 'A' + i, r & PIRQ_ROUTE_IRQ);
	}
	pr_info("PCI: PIRQ router %04x:%04x at %s:%s\n", pirq_router->vendor,
		pirq_router->device, pci_name(pirq_router), buf);
}

/**
 * pcibios_enable_irq - prepare @dev's INTx line for request_irq()
 * @dev: the device being enabled
 *
 * A device with an interrupt pin routed to ISA IRQ 1..15 gets that IRQ
 * switched to level-triggered at the 8259 (elcr_set_level_irq(), which
 * does nothing if it already is) and, when the I/O APIC routes it, at the
 * I/O APIC too (mp_set_pci_irq(): level, fasteoi flow). A pin the
 * firmware did not route is reported; the device can still be enabled,
 * but pdev->irq stays 0. Returns 0.
 */
int pcibios_enable_irq(struct pci_dev *dev)
{
	bool low = true;

	if (!dev->pin)
		return 0;
	if (!dev->irq) {
		pr_warn("pci %s: PCI INT %s: no IRQ assigned by firmware\n",
			pci_name(dev), pin_name(dev->pin));
		return 0;
	}
	if (dev->irq < 16)
		elcr_set_level_irq(dev->irq);
	if (!mp_set_pci_irq(dev->irq, &low))
		pr_info("pci %s: PCI INT %s -> GSI %d (level, %s) -> IRQ %u\n", pci_name(dev),
			pin_name(dev->pin), mp_irq_to_gsi(dev->irq), low ? "low" : "high", dev->irq);
	else
		pr_info("pci %s: PCI INT %s -> IRQ %u (level, low)\n", pci_name(dev),
			pin_name(dev->pin), dev->irq);
	return 0;
}
