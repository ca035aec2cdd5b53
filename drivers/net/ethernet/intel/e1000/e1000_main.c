// SPDX-License-Identifier: MIT
/*
 * Driver for the Intel 82540EM and 82574L gigabit Ethernet controllers
 * that QEMU emulates as "-device e1000" (hw/net/e1000.c) and "-device
 * e1000e" (hw/net/e1000e_core.c): PCI probe, descriptor rings, the
 * interrupt handler and the NAPI poll. What differs between the two, and
 * why one driver is enough, is in e1000_hw.c.
 *
 * The receive path this driver is the bottom of:
 *
 *   frame arrives -> the device DMAs it into the buffer of the descriptor
 *   at RDH, sets DD|EOP, advances RDH and (after the ITR throttle) raises
 *   ICR.RXT0 -> INTA# (level, maybe shared with edu on IRQ 11) or an MSI
 *   (edge, the device's own IRQ) -> e1000_intr(): read ICR (which clears
 *   it and drops the line); 0 means "not mine" - IRQ_NONE; else mask
 *   everything (IMC) and napi_schedule() -> NET_RX_SOFTIRQ ->
 *   e1000_clean(): free sent frames, then pass up to @budget received
 *   frames to netif_receive_skb(), refilling each slot with a fresh buffer
 *   and handing it back through RDT -> fewer than @budget:
 *   napi_complete_done() and unmask (IMS). Causes that arrived while the
 *   device was masked interrupt again at that IMS write - as a level on
 *   INTx, as a new message on MSI - so an edge is never lost.
 *
 * A slot is never left without a buffer: if no new buffer can be
 * allocated the received frame is dropped (rx_dropped) and its buffer
 * goes straight back to the device. The ring keeps one slot back (RDT is
 * the last slot cleaned), so RDH == RDT always means "no buffers" to the
 * device, never "all buffers".
 *
 * Interrupt mode, as Linux's e1000e chooses it: MSI when the model has
 * the capability (the 82574L; the 82540EM has none) and MSI is available
 * (a local APIC, no "pci=nomsi"), else the INTx line, shared. "e1000.msi=0"
 * forces INTx.
 *
 * Interrupt moderation: ITR holds the minimum gap between interrupts in
 * 256 ns units; "e1000.itr=N" (interrupts per second, default 8000 as
 * Linux's e1000 in its conservative mode; 0 = off) or "e1000 itr N" sets
 * it. QEMU's 82574 never goes below 500 units (7813 interrupts/s).
 *
 * Transmit timeout: if the device stops sending, the ring fills, the queue
 * stays stopped and the core's watchdog (net/sched/sch_generic.c, every
 * 5 s) calls e1000_tx_timeout(), which schedules the adapter's reset
 * (e1000_reset.c, with the "e1000 txhang" fault injection).
 */
#include <linux/kernel.h>
#include <linux/init.h>
#include <linux/errno.h>
#include <linux/string.h>
#include <linux/slab.h>
#include <linux/gfp.h>
#include <linux/interrupt.h>
#include <linux/pci.h>
#include <linux/netdevice.h>
#include <asm/io.h>
#include <asm/page.h>
#include <asm/processor.h>

#include "e1000.h"

#define E1000_MAX_DEVICES 4

static struct e1000_adapter *adapters[E1000_MAX_DEVICES];
static unsigned int nr_adapters;
static u32 e1000_itr_param = 8000;
static bool e1000_use_msi = true;

static int __init e1000_itr_setup(char *arg)
{
	unsigned long v;

	if (!arg || kstrtoul(arg, 0, &v) || v > 100000 || (v && v < 100))
		return -EINVAL;     /* the range e1000_set_itr() accepts */
	e1000_itr_param = v;
	return 0;
}
early_param("e1000.itr", e1000_itr_setup);

static int __init e1000_msi_setup(char *arg)
{
	unsigned long v;

	if (!arg || kstrtoul(arg, 0, &v) || v > 1)
		return -EINVAL;
	e1000_use_msi = v;
	return 0;
}
early_param("e1000.msi", e1000_msi_setup);

/** e1000_get - adapter @n in probe order, or NULL */
struct e1000_adapter *e1000_get(unsigned int n)
{
	return n < READ_ONCE(nr_adapters) ? adapters[n] : NULL;
}

/** e1000_rd - read device register @reg */
u32 e1000_rd(struct e1000_adapter *a, u32 reg)
{
	return readl((u8 *)a->hw_addr + reg);
}

/** e1000_wr - write device register @reg */
void e1000_wr(struct e1000_adapter *a, u32 reg, u32 val)
{
	writel(val, (u8 *)a->hw_addr + reg);
}

/**
 * e1000_set_itr - limit the device to @ints_per_sec interrupts a second
 * @a: the adapter
 * @ints_per_sec: 0 for no limit, else 100..100000
 *
 * Return: 0 or -EINVAL.
 */
int e1000_set_itr(struct e1000_adapter *a, u32 ints_per_sec)
{
	if (ints_per_sec && (ints_per_sec < 100 || ints_per_sec > 100000))
		return -EINVAL;
	a->itr = ints_per_sec;
	e1000_wr(a, E1000_ITR, ints_per_sec ? 1000000000u / (ints_per_sec * 256u) : 0);
	return 0;
}

/* Report the link as Linux's e1000 does and set the carrier. */
static void e1000_check_link(struct e1000_adapter *a)
{
	struct net_device *dev = a->netdev;
	u32 status = e1000_rd(a, E1000_STATUS);
	bool up = status & E1000_STATUS_LU;

	if (up == netif_carrier_ok(dev))
		return;
	if (up) {
		u32 speed = status & E1000_STATUS_SPEED_MASK;

		pr_info("e1000: %s NIC Link is Up %d Mbps %s Duplex, Flow Control: RX/TX\n",
			dev->name, !speed ? 10 : speed == E1000_STATUS_SPEED_100 ? 100 : 1000,
			(status & E1000_STATUS_FD) ? "Full" : "Half");
		netif_carrier_on(dev);
		netif_wake_queue(dev);
	} else {
		pr_info("e1000: %s NIC Link is Down\n", dev->name);
		netif_carrier_off(dev);
	}
}

/** e1000_tx_free - transmit descriptors the driver may fill now */
unsigned int e1000_tx_free(struct e1000_adapter *a)
{
	/* One slot stays empty so that TDH == TDT means "nothing queued". */
	return (a->tx_clean + E1000_TX_RING - a->tx_use - 1) % E1000_TX_RING;
}

static netdev_tx_t e1000_xmit_frame(struct sk_buff *skb, struct net_device *dev)
{
	struct e1000_adapter *a = netdev_priv(dev);
	struct e1000_tx_desc *d;
	unsigned long flags;

	spin_lock_irqsave(&a->tx_lock, flags);
	if (e1000_tx_free(a) < 1) {
		netif_stop_queue(dev);
		a->tx_busy++;
		spin_unlock_irqrestore(&a->tx_lock, flags);
		return NETDEV_TX_BUSY;
	}
	d = &a->tx_ring[a->tx_use];
	d->buffer_addr = __pa(skb->data);
	d->length = (u16)skb->len;
	d->cso = 0;
	d->css = 0;
	d->special = 0;
	d->status = 0;
	d->cmd = E1000_TXD_CMD_EOP | E1000_TXD_CMD_IFCS | E1000_TXD_CMD_RS;
	a->tx_skb[a->tx_use] = skb;
	a->tx_use = (a->tx_use + 1) % E1000_TX_RING;
	barrier();     /* the descriptor is in memory before the device is told */
	e1000_wr(a, E1000_TDT, a->tx_use);
	if (e1000_tx_free(a) < 2)
		netif_stop_queue(dev);
	spin_unlock_irqrestore(&a->tx_lock, flags);
	return NETDEV_TX_OK;
}

/*
 * Free the frames the device has sent; wake the queue once there is room.
 * The ring is walked under tx_lock (interrupts off); the frames are freed
 * after it is dropped, straight away rather than through NET_TX.
 */
static void e1000_clean_tx(struct e1000_adapter *a)
{
	struct net_device *dev = a->netdev;
	struct sk_buff *done = NULL;
	unsigned long flags;

	spin_lock_irqsave(&a->tx_lock, flags);
	while (a->tx_clean != a->tx_use) {
		struct e1000_tx_desc *d = &a->tx_ring[a->tx_clean];
		struct sk_buff *skb = a->tx_skb[a->tx_clean];

		if (!(READ_ONCE(d->status) & E1000_TXD_STAT_DD))
			break;
		dev->stats.tx_packets++;
		dev->stats.tx_bytes += skb->len;
		a->tx_skb[a->tx_clean] = NULL;
		d->status = 0;
		skb->next = done;
		done = skb;
		a->tx_clean = (a->tx_clean + 1) % E1000_TX_RING;
	}
	if (netif_queue_stopped(dev) && e1000_tx_free(a) >= E1000_TX_WAKE &&
	    netif_carrier_ok(dev))
		netif_wake_queue(dev);
	spin_unlock_irqrestore(&a->tx_lock, flags);
	while (done) {
		struct sk_buff *next = done->next;

		done->next = NULL;
		dev_kfree_skb_any(done);
		done = next;
	}
}

/* Give slot @i the buffer @skb and clear its write-back. */
static void e1000_rx_slot(struct e1000_adapter *a, unsigned int i, struct sk_buff *skb)
{
	struct e1000_rx_desc *d = &a->rx_ring[i];

	a->rx_skb[i] = skb;
	d->buffer_addr = __pa(skb->data);
	d->length = 0;
	d->errors = 0;
	d->status = 0;
}

/* Pass up to @budget received frames up the stack; the number passed. */
static int e1000_clean_rx(struct e1000_adapter *a, int budget)
{
	struct net_device *dev = a->netdev;
	int done = 0;
	int last = -1;

	while (done < budget) {
		unsigned int i = a->rx_next;
		struct e1000_rx_desc *d = &a->rx_ring[i];
		struct sk_buff *skb = a->rx_skb[i], *fresh;
		u8 status = READ_ONCE(d->status);
		unsigned int len;

		if (!(status & E1000_RXD_STAT_DD))
			break;
		barrier();     /* length and errors after DD */
		len = d->length;
		done++;
		if (!(status & E1000_RXD_STAT_EOP) || (d->errors & E1000_RXD_ERR_FRAME) ||
		    len > E1000_RXBUFFER) {
			dev->stats.rx_errors++;
			if (d->errors & E1000_RXD_ERR_CE)
				dev->stats.rx_crc_errors++;
			else if (!(status & E1000_RXD_STAT_EOP) || len > E1000_RXBUFFER)
				dev->stats.rx_length_errors++;
			else
				dev->stats.rx_frame_errors++;
			e1000_rx_slot(a, i, skb);          /* reuse the buffer */
		} else if (!(fresh = netdev_alloc_skb(dev, E1000_RXBUFFER))) {
			dev->stats.rx_dropped++;
			a->rx_no_buffer++;
			e1000_rx_slot(a, i, skb);
		} else {
			e1000_rx_slot(a, i, fresh);
			skb_put(skb, len);
			skb->protocol = eth_type_trans(skb, dev);
			dev->stats.rx_packets++;
			dev->stats.rx_bytes += len;
			if (skb->pkt_type == PACKET_MULTICAST)
				dev->stats.multicast++;
			netif_receive_skb(skb);
		}
		last = i;
		a->rx_next = (i + 1) % E1000_RX_RING;
	}
	if (last >= 0) {
		barrier();     /* the refilled descriptors before RDT moves */
		e1000_wr(a, E1000_RDT, last);
	}
	return done;
}

/**
 * e1000_irq_disable - mask every cause: the device cannot interrupt
 * @a: the adapter
 *
 * Causes still collect in ICR while masked.
 */
void e1000_irq_disable(struct e1000_adapter *a)
{
	WRITE_ONCE(a->polling, true);
	e1000_wr(a, E1000_IMC, ~0u);
}

/**
 * e1000_irq_enable - unmask the causes the driver handles
 * @a: the adapter
 *
 * Causes that collected in ICR while masked interrupt at once: the line
 * goes up again (INTx), or the device sends a new message (MSI).
 */
void e1000_irq_enable(struct e1000_adapter *a)
{
	WRITE_ONCE(a->polling, false);
	e1000_wr(a, E1000_IMS, E1000_IMS_ENABLE);
}

/* The NAPI poll: transmit completions, then receive within @budget. */
static int e1000_clean(struct napi_struct *napi, int budget)
{
	struct e1000_adapter *a = container_of(napi, struct e1000_adapter, napi);
	int work;

	e1000_clean_tx(a);
	work = e1000_clean_rx(a, budget);
	e1000_update_missed(a);
	if (work < budget && napi_complete_done(napi, work))
		e1000_irq_enable(a);
	return work;
}

/**
 * e1000_intr - the interrupt handler
 * @irq: the line (shared with other devices when INTx)
 * @data: the net_device
 *
 * Return: IRQ_NONE if the device has no cause pending (another device
 * on the line interrupted, or the device is masked for polling), else
 * IRQ_HANDLED with the device masked and its NAPI scheduled.
 */
static irqreturn_t e1000_intr(int irq, void *data)
{
	struct net_device *dev = data;
	struct e1000_adapter *a = netdev_priv(dev);
	u32 icr;

	/* Masked for NAPI: this device is not asserting the line. Leave ICR
	 * alone - its causes re-raise the interrupt when IMS is restored. */
	if (READ_ONCE(a->polling)) {
		a->irq_none++;
		return IRQ_NONE;
	}
	icr = e1000_rd(a, E1000_ICR);
	if (!icr || ((a->info->flags & E1000_FLAG_IAME) && !(icr & E1000_ICR_INT_ASSERTED))) {
		a->irq_none++;
		return IRQ_NONE;
	}
	a->irqs++;
	a->icr_seen |= icr;
	if (icr & E1000_ICR_LSC) {
		a->lsc++;
		e1000_check_link(a);
	}
	if (icr & E1000_ICR_RXO) {
		a->rxo++;
		dev->stats.rx_fifo_errors++;
	}
	e1000_irq_disable(a);
	napi_schedule(&a->napi);
	return IRQ_HANDLED;
}

/* Rings and buffers; the device is still disabled. */
static int e1000_setup_rings(struct e1000_adapter *a)
{
	unsigned int i;

	a->rx_ring = (void *)__get_free_page(GFP_KERNEL | __GFP_ZERO);
	a->tx_ring = (void *)__get_free_page(GFP_KERNEL | __GFP_ZERO);
	if (!a->rx_ring || !a->tx_ring)
		return -ENOMEM;
	for (i = 0; i < E1000_RX_RING; i++) {
		struct sk_buff *skb = netdev_alloc_skb(a->netdev, E1000_RXBUFFER);

		if (!skb)
			return -ENOMEM;
		e1000_rx_slot(a, i, skb);
	}
	return 0;
}

static void e1000_free_rings(struct e1000_adapter *a)
{
	unsigned int i;

	for (i = 0; i < E1000_RX_RING; i++) {
		consume_skb(a->rx_skb[i]);
		a->rx_skb[i] = NULL;
	}
	if (a->rx_ring)
		free_page((unsigned long)a->rx_ring);
	if (a->tx_ring)
		free_page((unsigned long)a->tx_ring);
	a->rx_ring = NULL;
	a->tx_ring = NULL;
}

/*
 * After close (device stopped, no poll running): free the frames still on
 * the transmit ring (sent ones counted as sent, the rest as dropped with
 * reason DEV_DOWN) and forget receive write-backs nobody polled, so that
 * open starts from clean rings and nothing leaks across down/up cycles.
 * The receive buffers stay for the next open.
 */
static void e1000_release_rings(struct e1000_adapter *a)
{
	unsigned int i;

	for (i = 0; i < E1000_TX_RING; i++) {
		struct sk_buff *skb = a->tx_skb[i];

		if (skb && (a->tx_ring[i].status & E1000_TXD_STAT_DD)) {
			a->netdev->stats.tx_packets++;
			a->netdev->stats.tx_bytes += skb->len;
			consume_skb(skb);
		} else if (skb) {               /* never sent: a counted drop */
			a->netdev->stats.tx_dropped++;
			kfree_skb_reason(skb, SKB_DROP_REASON_DEV_DOWN);
		}
		a->tx_skb[i] = NULL;
		a->tx_ring[i].status = 0;
	}
	for (i = 0; i < E1000_RX_RING; i++)
		a->rx_ring[i].status = 0;
}

/* Program the rings, filters and interrupt moderation; start RX and TX. */
static void e1000_configure(struct e1000_adapter *a)
{
	const u8 *m = a->netdev->dev_addr;
	unsigned int i;

	e1000_configure_model(a);
	for (i = 0; i < 128; i++)
		e1000_wr(a, E1000_MTA + 4 * i, 0);
	e1000_wr(a, E1000_RAL0, m[0] | m[1] << 8 | m[2] << 16 | (u32)m[3] << 24);
	e1000_wr(a, E1000_RAH0, m[4] | m[5] << 8 | E1000_RAH_AV);

	e1000_wr(a, E1000_RDBAL, (u32)__pa(a->rx_ring));
	e1000_wr(a, E1000_RDBAH, (u32)((u64)__pa(a->rx_ring) >> 32));
	e1000_wr(a, E1000_RDLEN, E1000_RX_RING * sizeof(struct e1000_rx_desc));
	e1000_wr(a, E1000_RDH, 0);
	e1000_wr(a, E1000_RDT, E1000_RX_RING - 1);
	a->rx_next = 0;
	e1000_wr(a, E1000_RDTR, 0);
	e1000_wr(a, E1000_RADV, 0);

	e1000_wr(a, E1000_TDBAL, (u32)__pa(a->tx_ring));
	e1000_wr(a, E1000_TDBAH, (u32)((u64)__pa(a->tx_ring) >> 32));
	e1000_wr(a, E1000_TDLEN, E1000_TX_RING * sizeof(struct e1000_tx_desc));
	e1000_wr(a, E1000_TDH, 0);
	e1000_wr(a, E1000_TDT, 0);
	a->tx_use = a->tx_clean = 0;
	e1000_wr(a, E1000_TIDV, 0);
	e1000_wr(a, E1000_TIPG, E1000_TIPG_DEFAULT);
	e1000_wr(a, E1000_TCTL, E1000_TCTL_EN | E1000_TCTL_PSP | (0x0f << E1000_TCTL_CT_SHIFT) |
		 (0x40 << E1000_TCTL_COLD_SHIFT) | E1000_TCTL_RTLC);

	e1000_set_itr(a, a->itr);
	e1000_wr(a, E1000_RCTL, E1000_RCTL_EN | E1000_RCTL_BAM | E1000_RCTL_SZ_2048 |
		 E1000_RCTL_SECRC | E1000_RCTL_RDMTS_HALF);
}

/** e1000_open - ndo_open: program the rings, request the IRQ, start */
int e1000_open(struct net_device *dev)
{
	struct e1000_adapter *a = netdev_priv(dev);
	unsigned long flags = a->msi ? 0 : IRQF_SHARED;
	int ret;

	e1000_configure(a);
	WRITE_ONCE(a->polling, false);   /* a poll cut short by close left it set */
	napi_enable(&a->napi);
	/* Linux's e1000 names its action after the interface. */
	ret = request_irq(a->irq, e1000_intr, flags, dev->name, dev);
	if (ret) {
		napi_disable(&a->napi);
		return ret;
	}
	e1000_rd(a, E1000_ICR);                  /* drop causes from before */
	e1000_irq_enable(a);
	netif_start_queue(dev);
	a->opened = true;
	e1000_check_link(a);
	return 0;
}

/**
 * e1000_close - ndo_stop: stop the device, free the IRQ, release the rings
 * @dev: the interface
 *
 * Frames left on the transmit ring are counted as sent (DD) or dropped.
 */
int e1000_close(struct net_device *dev)
{
	struct e1000_adapter *a = netdev_priv(dev);

	if (!a->opened)                 /* a reset whose reopen failed */
		return 0;
	a->opened = false;
	netif_stop_queue(dev);
	e1000_wr(a, E1000_IMC, ~0u);
	e1000_wr(a, E1000_RCTL, 0);
	e1000_wr(a, E1000_TCTL, 0);
	napi_disable(&a->napi);
	free_irq(a->irq, dev);
	netif_carrier_off(dev);
	e1000_release_rings(a);
	return 0;
}

static const struct net_device_ops e1000_netdev_ops = {
	.ndo_open = e1000_open,
	.ndo_stop = e1000_close,
	.ndo_start_xmit = e1000_xmit_frame,
	.ndo_tx_timeout = e1000_tx_timeout,
};

static int e1000_probe(struct pci_dev *pdev, const struct pci_device_id *id)
{
	struct net_device *dev;
	struct e1000_adapter *a;
	bool want_msi;
	int ret;

	if (nr_adapters >= E1000_MAX_DEVICES)
		return -ENOSPC;
	if (!(pci_resource_flags(pdev, 0) & IORESOURCE_MEM))
		return -ENODEV;
	ret = pci_enable_device(pdev);
	if (ret)
		return ret;
	pci_set_master(pdev);
	dev = alloc_etherdev(sizeof(*a));
	if (!dev) {
		ret = -ENOMEM;
		goto err_disable;
	}
	a = netdev_priv(dev);
	a->netdev = dev;
	a->pdev = pdev;
	a->info = (const struct e1000_info *)id->driver_data;
	a->itr = e1000_itr_param;
	spin_lock_init(&a->tx_lock);
	INIT_WORK(&a->reset_task, e1000_reset_task);
	dev->netdev_ops = &e1000_netdev_ops;
	dev->watchdog_timeo = 5 * HZ;
	dev->parent_pci = pdev;
	a->hw_addr = ioremap(pci_resource_start(pdev, 0), pci_resource_len(pdev, 0));
	if (!a->hw_addr) {
		ret = -ENOMEM;
		goto err_free;
	}

	e1000_reset_hw(a);
	ret = e1000_read_mac_addr(a, dev->dev_addr);
	if (ret || !is_valid_ether_addr(dev->dev_addr)) {
		pr_err("e1000 %s: no valid MAC address in the EEPROM (%d)\n", pci_name(pdev), ret);
		ret = -EIO;
		goto err_unmap;
	}
	want_msi = e1000_use_msi && (a->info->flags & E1000_FLAG_MSI);
	ret = pci_alloc_irq_vectors(pdev, 1, 1, PCI_IRQ_LEGACY | (want_msi ? PCI_IRQ_MSI : 0));
	if (ret < 0) {
		pr_err("e1000 %s: no IRQ: %d\n", pci_name(pdev), ret);
		goto err_unmap;
	}
	a->irq = pci_irq_vector(pdev, 0);
	a->msi = pdev->msi_enabled;
	if (want_msi && !a->msi)
		pr_info("e1000 %s: MSI unavailable (pci=nomsi, or no local APIC): using INTx\n",
			pci_name(pdev));
	dev->irq = a->irq;
	netif_napi_add(dev, &a->napi, e1000_clean);
	netif_carrier_off(dev);

	ret = e1000_setup_rings(a);
	if (ret)
		goto err_rings;
	ret = register_netdev(dev);
	if (ret)
		goto err_rings;
	pci_set_drvdata(pdev, a);
	pr_info("e1000 %s: (%s) %02x:%02x:%02x:%02x:%02x:%02x\n", pci_name(pdev), a->info->bus,
		dev->dev_addr[0], dev->dev_addr[1], dev->dev_addr[2], dev->dev_addr[3],
		dev->dev_addr[4], dev->dev_addr[5]);
	pr_info("e1000 %s: %s: Intel(R) PRO/1000 Network Connection (%s), IRQ %d%s\n",
		pci_name(pdev), dev->name, a->info->name, a->irq, a->msi ? " (MSI)" : "");
	adapters[nr_adapters] = a;
	WRITE_ONCE(nr_adapters, nr_adapters + 1);
	/* No network configuration tool yet: bring the interface up now. */
	ret = dev_open(dev);
	if (ret)
		pr_err("e1000: %s: open failed: %d\n", dev->name, ret);
	return 0;

err_rings:
	e1000_free_rings(a);
	pci_free_irq_vectors(pdev);
err_unmap:
	iounmap(a->hw_addr);
err_free:
	free_netdev(dev);
err_disable:
	pci_disable_device(pdev);
	return ret;
}

static const struct pci_device_id e1000_ids[] = {
	{ PCI_DEVICE(PCI_VENDOR_ID_INTEL, E1000_DEV_ID_82540EM),
	  .driver_data = (unsigned long)&e1000_82540_info },
	{ PCI_DEVICE(PCI_VENDOR_ID_INTEL, E1000_DEV_ID_82574L),
	  .driver_data = (unsigned long)&e1000_82574_info },
	{ }
};

static struct pci_driver e1000_driver = {
	.name = "e1000",
	.id_table = e1000_ids,
	.probe = e1000_probe,
};

static int __init e1000_init_module(void)
{
	return pci_register_driver(&e1000_driver);
}
device_initcall(e1000_init_module);
