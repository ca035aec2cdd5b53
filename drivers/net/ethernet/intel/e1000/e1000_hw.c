// SPDX-License-Identifier: MIT
/*
 * The two Intel gigabit controllers the e1000 driver runs, and the few
 * places where they differ: reset, reading the MAC address out of the
 * EEPROM, and the 82574's extra interrupt and receive controls.
 *
 *   82540EM  PCI 8086:100e  QEMU "-device e1000"   INTx only
 *   82574L   PCI 8086:10d3  QEMU "-device e1000e"  INTx, MSI (and MSI-X)
 *
 * Linux drives the 82574L with a separate driver (e1000e) because it also
 * uses the part's PCI Express features: extended and packet-split receive
 * descriptors, MSI-X with one vector per queue, its NVM and PHY families.
 * irqos uses none of those. The 82574 still understands the 8254x's
 * legacy descriptors (16 bytes, the same fields) and keeps the registers
 * this driver programs - CTRL, STATUS, ICR/IMS/IMC, ITR, RCTL/TCTL, the
 * RX and TX ring registers, RAL/RAH, MTA - at the same offsets with the
 * same bits, so one driver covers both and only what is below differs:
 *
 * EEPROM: both read a 16-bit word through EERD, data in bits 31:16, but
 *   the 82574 moved the word address to bits 15:2 and the done flag to
 *   bit 1 (the 8254x: address in 15:8, done in bit 4). The MAC address is
 *   read from the EEPROM on both - RAL0/RAH0 after reset hold it too, but
 *   the EEPROM is where it lives (what the hardware loads RAL0/RAH0 from,
 *   and what QEMU's "mac=" writes), and the driver writes RAL0/RAH0 itself.
 *
 * ICR: a read returns the causes and clears them on both (the 82574 does
 *   so whenever it is not in MSI-X mode, and QEMU's model follows that).
 *   The 82574 adds ICR.INT_ASSERTED (bit 31: "I am interrupting"), and
 *   CTRL_EXT.IAME: with it set, an ICR read that finds INT_ASSERTED also
 *   clears the IAM causes from IMS. The driver sets IAME and IAM = all
 *   causes, as Linux's e1000e does, so the handler's one ICR read acks and
 *   masks the device together - no new message can slip out between the
 *   read and the IMC write that the 82540EM needs (and that changes
 *   nothing on the 82574). An ICR without INT_ASSERTED is "not mine".
 *
 * MSI: QEMU's 82574 sends a message when a cause is set in both ICR and IMS
 *   that had not already been signalled; masking (IMS = 0) forgets what was
 *   signalled, so causes that arrive while NAPI has the device masked are
 *   sent as a new message when the poll's IMS write unmasks them - nothing
 *   waits for a level that an edge interrupt would never re-deliver.
 *
 * Receive descriptors: the 82574 writes extended descriptors when
 *   RFCTL.EXTEN is set; the driver clears it to keep the legacy layout.
 */
#include <linux/kernel.h>
#include <linux/errno.h>
#include <linux/delay.h>

#include "e1000.h"

const struct e1000_info e1000_82540_info = {
	.name = "82540EM",
	.bus = "PCI:33MHz:32-bit",
	.eerd_start = E1000_EERD_START,
	.eerd_done = E1000_EERD_DONE,
	.eerd_addr_shift = E1000_EERD_ADDR_SHIFT,
	.flags = 0,
};

const struct e1000_info e1000_82574_info = {
	.name = "82574L",
	.bus = "PCI Express",
	.eerd_start = E1000_EERD_82574_START,
	.eerd_done = E1000_EERD_82574_DONE,
	.eerd_addr_shift = E1000_EERD_82574_ADDR_SHIFT,
	.flags = E1000_FLAG_MSI | E1000_FLAG_IAME | E1000_FLAG_RFCTL,
};

/**
 * e1000_reset_hw - quiet the device, reset it and set the link up
 * @a: the adapter, registers mapped
 *
 * Interrupts masked and pending causes dropped, receive and transmit off,
 * CTRL.RST (self-clearing), then CTRL.SLU so the MAC follows the PHY.
 */
void e1000_reset_hw(struct e1000_adapter *a)
{
	unsigned int tries;

	e1000_wr(a, E1000_IMC, ~0u);
	e1000_wr(a, E1000_RCTL, 0);
	e1000_wr(a, E1000_TCTL, 0);
	e1000_wr(a, E1000_CTRL, e1000_rd(a, E1000_CTRL) | E1000_CTRL_RST);
	for (tries = 0; tries < 100 && (e1000_rd(a, E1000_CTRL) & E1000_CTRL_RST); tries++)
		udelay(10);
	e1000_wr(a, E1000_IMC, ~0u);
	e1000_rd(a, E1000_ICR);          /* IMS is 0: this read clears ICR on both */
	e1000_wr(a, E1000_CTRL, e1000_rd(a, E1000_CTRL) | E1000_CTRL_SLU | E1000_CTRL_ASDE);
}

/* One EEPROM word through EERD, in the model's layout. */
static int e1000_read_eeprom_word(struct e1000_adapter *a, unsigned int word, u16 *data)
{
	const struct e1000_info *m = a->info;
	unsigned int tries;
	u32 v = 0;

	e1000_wr(a, E1000_EERD, (word << m->eerd_addr_shift) | m->eerd_start);
	for (tries = 0; tries < 1000; tries++) {
		v = e1000_rd(a, E1000_EERD);
		if (v & m->eerd_done)
			break;
		udelay(5);
	}
	if (!(v & m->eerd_done))
		return -ETIMEDOUT;
	*data = v >> E1000_EERD_DATA_SHIFT;
	return 0;
}

/**
 * e1000_read_mac_addr - the MAC address from EEPROM words 0-2
 * @a: the adapter
 * @mac: 6 bytes; each word holds two, low byte first
 *
 * Return: 0, or -ETIMEDOUT if the EEPROM never reported a word done.
 */
int e1000_read_mac_addr(struct e1000_adapter *a, u8 *mac)
{
	unsigned int w;

	for (w = 0; w < 3; w++) {
		u16 v;
		int ret = e1000_read_eeprom_word(a, w, &v);

		if (ret)
			return ret;
		mac[2 * w] = v & 0xff;
		mac[2 * w + 1] = v >> 8;
	}
	return 0;
}

/**
 * e1000_configure_model - the model's own settings before RX and TX start
 * @a: the adapter
 *
 * 82574: legacy receive descriptors (RFCTL.EXTEN clear), and an ICR read
 * that clears the causes and masks every one of them (CTRL_EXT.IAME,
 * IAM all ones). Nothing on the 82540EM.
 */
void e1000_configure_model(struct e1000_adapter *a)
{
	u32 flags = a->info->flags;

	if (flags & E1000_FLAG_RFCTL)
		e1000_wr(a, E1000_RFCTL, e1000_rd(a, E1000_RFCTL) & ~E1000_RFCTL_EXTEN);
	if (flags & E1000_FLAG_IAME) {
		e1000_wr(a, E1000_IAM, ~0u);
		e1000_wr(a, E1000_CTRL_EXT, e1000_rd(a, E1000_CTRL_EXT) | E1000_CTRL_EXT_IAME);
	}
}
