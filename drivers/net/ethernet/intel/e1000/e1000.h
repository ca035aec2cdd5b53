/* SPDX-License-Identifier: MIT */
/*
 * The e1000 driver's private state (e1000_main.c), shared with its shell
 * command and KUnit suite.
 */
#ifndef _E1000_H
#define _E1000_H

#include <linux/types.h>
#include <linux/spinlock.h>
#include <linux/netdevice.h>
#include <linux/pci.h>
#include <linux/workqueue.h>
#include "e1000_hw.h"

#define E1000_RX_RING   256
#define E1000_TX_RING   256
#define E1000_RXBUFFER  2048       /* RCTL.BSIZE */
#define E1000_TX_WAKE   32         /* free TX descriptors to restart the queue */

/* Interrupts the driver uses (IMS when not polling). */
#define E1000_IMS_ENABLE (E1000_ICR_RXT0 | E1000_ICR_RXO | E1000_ICR_RXDMT0 | \
			  E1000_ICR_LSC | E1000_ICR_TXDW)

/* e1000_info.flags */
#define E1000_FLAG_MSI     (1u << 0)  /* has an MSI capability worth using */
#define E1000_FLAG_IAME    (1u << 1)  /* ICR.INT_ASSERTED; CTRL_EXT.IAME auto-masks IAM */
#define E1000_FLAG_RFCTL   (1u << 2)  /* RFCTL.EXTEN selects extended RX descriptors */

/**
 * struct e1000_info - what differs between the models this driver drives
 * @name: Intel's part name, printed at probe and by the "e1000" command
 * @bus: the bus as Linux's probe line shows it ("PCI:33MHz:32-bit")
 * @eerd_start: EERD bit that starts a read; @eerd_done: bit set when done
 * @eerd_addr_shift: where the word address goes in EERD
 * @flags: E1000_FLAG_*
 *
 * Chosen by the pci_device_id's driver_data (e1000_hw.c has the table).
 */
struct e1000_info {
	const char *name;
	const char *bus;
	u32 eerd_start, eerd_done;
	unsigned int eerd_addr_shift;
	unsigned int flags;
};

extern const struct e1000_info e1000_82540_info, e1000_82574_info;

/**
 * struct e1000_adapter - one 82540EM or 82574L
 * @info: the model
 * @rx_next: next receive descriptor to look at (the device's RDH chases it)
 * @tx_use: next free transmit descriptor; @tx_clean: oldest not yet cleaned
 * @polling: interrupts masked for NAPI: the device cannot be interrupting
 * @irqs: interrupts claimed; @irq_none: calls that found ICR 0 (shared line)
 * @icr_seen: every ICR cause bit seen, ORed
 * @mpc_probed: MPC was found non-zero once and its read behaviour tested;
 * @mpc_running_total: MPC does not clear on read (QEMU), @mpc_last its
 * value at the last read (see e1000_update_missed())
 * @reset_task: the reset the transmit watchdog asks for (e1000_tx_timeout())
 * @tx_timeout_count: e1000_tx_timeout() calls; @resets: resets done;
 * @txhang: "e1000 txhang" fault injections
 */
struct e1000_adapter {
	struct net_device *netdev;
	struct pci_dev *pdev;
	const struct e1000_info *info;
	void *hw_addr;                    /* BAR 0, ioremap()ed */
	struct napi_struct napi;
	int irq;
	bool msi;
	bool polling;
	bool opened;                      /* between e1000_open() and e1000_close() */
	u32 itr;                          /* interrupts/s, 0: no throttling */

	struct e1000_rx_desc *rx_ring;
	struct sk_buff *rx_skb[E1000_RX_RING];
	unsigned int rx_next;

	struct e1000_tx_desc *tx_ring;
	struct sk_buff *tx_skb[E1000_TX_RING];
	unsigned int tx_use, tx_clean;
	spinlock_t tx_lock;

	unsigned long irqs, irq_none, lsc, rxo, rx_no_buffer, tx_busy;
	u32 icr_seen;
	bool mpc_probed, mpc_running_total;
	u32 mpc_last;

	struct work_struct reset_task;
	unsigned long tx_timeout_count, resets, txhang;
};

struct e1000_adapter *e1000_get(unsigned int n);
u32 e1000_rd(struct e1000_adapter *a, u32 reg);
void e1000_wr(struct e1000_adapter *a, u32 reg, u32 val);
int e1000_set_itr(struct e1000_adapter *a, u32 ints_per_sec);
unsigned int e1000_tx_free(struct e1000_adapter *a);
void e1000_update_missed(struct e1000_adapter *a);
void e1000_irq_disable(struct e1000_adapter *a);
void e1000_irq_enable(struct e1000_adapter *a);
void e1000_reset_hw(struct e1000_adapter *a);
int e1000_read_mac_addr(struct e1000_adapter *a, u8 *mac);
void e1000_configure_model(struct e1000_adapter *a);
int e1000_open(struct net_device *dev);
int e1000_close(struct net_device *dev);
/* e1000_reset.c */
void e1000_tx_timeout(struct net_device *dev, unsigned int txqueue);
void e1000_reset_task(struct work_struct *work);
void e1000_inject_txhang(struct e1000_adapter *a);

#endif
