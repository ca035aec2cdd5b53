/* SPDX-License-Identifier: MIT */
/*
 * PCI vendor and device IDs that irqos's code names (the PCI-SIG assigns
 * vendor IDs; each vendor its device IDs). Only what is used is here.
 */
#ifndef _LINUX_PCI_IDS_H
#define _LINUX_PCI_IDS_H

#define PCI_VENDOR_ID_INTEL            0x8086
#define PCI_DEVICE_ID_INTEL_82441      0x1237  /* i440FX host bridge (QEMU "pc") */
#define PCI_DEVICE_ID_INTEL_82371SB_0  0x7000  /* PIIX3 PCI-to-ISA bridge: PIRQ router */
#define PCI_DEVICE_ID_INTEL_82371AB_0  0x7110  /* PIIX4 PCI-to-ISA bridge: same PIRQ registers */

#define PCI_VENDOR_ID_QEMU             0x1234  /* QEMU's own devices (edu, std VGA) */
#define PCI_DEVICE_ID_QEMU_EDU         0x11e8  /* hw/misc/edu.c, docs/specs/edu.rst */

#endif
