// SPDX-License-Identifier: MIT
/*
 * KUnit suite "e1000": the receive path from a real (emulated) 82540EM or
 * 82574L interrupt to netif_receive_skb(). Frames are caused, not faked: the
 * suite broadcasts ARP requests for 10.0.2.2 (net/core/pktgen.c) and
 * QEMU's user network answers each one, so every reply comes in through
 * the device's DMA, its interrupt, NAPI and the protocol dispatch, where
 * an ETH_P_ALL tap counts it.
 *
 * tests/scenarios/e1000.t boots with "-nic user,model=e1000" plus an edu
 * device in slot 4: e1000 (slot 3, PIRQC) and edu (slot 4, PIRQD) both
 * get IRQ 11 from SeaBIOS, so the shared-line case runs. Without an e1000
 * every case is skipped. tests/scenarios/e1000e.t runs the suite on the
 * 82574L ("-nic user,model=e1000e"), on MSI - where the shared-line case
 * is skipped and the MSI case runs - and on INTx ("pci=nomsi").
 *
 * QEMU's e1000 holds received frames for a second after RCTL is written
 * (its flush_queue_timer), so the first wait is long.
 *
 * The last case checks that the reset a transmit timeout schedules
 * (e1000_reset.c) waits for rtnl_lock() and skips a downed interface.
 */
#include <kunit/test.h>
#include <linux/kernel.h>
#include <linux/string.h>
#include <linux/delay.h>
#include <linux/errno.h>
#include <linux/interrupt.h>
#include <linux/irqdesc.h>
#include <linux/irq.h>
#include <linux/netdevice.h>
#include <linux/pci.h>
#include <linux/msi.h>
#include <linux/rtnetlink.h>
#include <linux/workqueue.h>
#include <net/pktgen.h>

#include "e1000.h"
#include "../../../../misc/edu.h"

static unsigned long replies;    /* ARP replies from 10.0.2.2 seen by the tap */

static int reply_tap(struct sk_buff *skb, struct net_device *dev,
		     struct packet_type *pt, struct net_device *orig)
{
	if (skb->protocol == htons(ETH_P_ARP) &&
	    pktgen_is_arp_reply_from(skb->data, skb->len, PKTGEN_SLIRP_GATEWAY))
		__atomic_fetch_add(&replies, 1, __ATOMIC_SEQ_CST);
	consume_skb(skb);
	return 0;
}

static struct packet_type tap = { .type = htons(ETH_P_ALL), .func = reply_tap };

#define NEED_E1000(test, a) do {					\
	if (!(a))							\
		kunit_skip(test, "no e1000 (boot QEMU with -nic user,model=e1000)"); \
} while (0)

/* Wait up to @ms for replies to reach @want. */
static bool wait_replies(unsigned long want, unsigned int ms)
{
	while (__atomic_load_n(&replies, __ATOMIC_SEQ_CST) < want && ms--)
		msleep(1);
	return __atomic_load_n(&replies, __ATOMIC_SEQ_CST) >= want;
}

/* Wait until the adapter is out of polled mode (interrupts unmasked). */
static bool wait_unmasked(struct e1000_adapter *a)
{
	unsigned int ms = 500;

	while (READ_ONCE(a->polling) && ms--)
		msleep(1);
	return !READ_ONCE(a->polling);
}

/* Probe bound the device, named it eth0, read QEMU's MAC and opened it. */
static void e1000_test_probe(struct kunit *test)
{
	static const u8 qemu_mac[ETH_ALEN] = { 0x52, 0x54, 0x00, 0x12, 0x34, 0x56 };
	struct e1000_adapter *a = e1000_get(0);

	NEED_E1000(test, a);
	KUNIT_EXPECT_STREQ(test, a->netdev->name, "eth0");
	KUNIT_EXPECT_PTR_EQ(test, dev_get_by_name("eth0"), a->netdev);
	KUNIT_EXPECT_STREQ(test, a->pdev->driver->name, "e1000");
	KUNIT_EXPECT_TRUE(test, ether_addr_equal(a->netdev->dev_addr, qemu_mac));
	KUNIT_EXPECT_EQ(test, a->netdev->flags & (IFF_UP | IFF_RUNNING), IFF_UP | IFF_RUNNING);
	KUNIT_EXPECT_TRUE(test, netif_carrier_ok(a->netdev));
	KUNIT_EXPECT_TRUE(test, e1000_rd(a, E1000_STATUS) & E1000_STATUS_LU);
	KUNIT_EXPECT_EQ(test, e1000_rd(a, E1000_RDLEN), E1000_RX_RING * 16u);
	KUNIT_EXPECT_TRUE(test, e1000_rd(a, E1000_RCTL) & E1000_RCTL_EN);
	KUNIT_EXPECT_TRUE(test, wait_unmasked(a));
	KUNIT_EXPECT_EQ(test, e1000_rd(a, E1000_IMS), E1000_IMS_ENABLE);
	/* The model follows the PCI ID, and the 82574's own settings are in. */
	KUNIT_EXPECT_PTR_EQ(test, a->info, a->pdev->device == E1000_DEV_ID_82574L ?
			    &e1000_82574_info : &e1000_82540_info);
	if (a->pdev->device == E1000_DEV_ID_82574L) {
		KUNIT_EXPECT_STREQ(test, a->info->name, "82574L");
		KUNIT_EXPECT_TRUE(test, a->info->flags & E1000_FLAG_MSI);
		KUNIT_EXPECT_TRUE(test, e1000_rd(a, E1000_CTRL_EXT) & E1000_CTRL_EXT_IAME);
		KUNIT_EXPECT_EQ(test, e1000_rd(a, E1000_IAM), ~0u);
		KUNIT_EXPECT_FALSE(test, e1000_rd(a, E1000_RFCTL) & E1000_RFCTL_EXTEN);
	}
}

/*
 * One request, one reply: the reply raised an interrupt (counted on the
 * IRQ line and by the driver), NAPI polled and completed, and the
 * completion unmasked the device again (IMS reads back the full mask).
 */
static void e1000_test_arp_reply_interrupt(struct kunit *test)
{
	struct e1000_adapter *a = e1000_get(0);
	unsigned long r0, irqs0, completes0, rxp0;
	unsigned int kstat0;

	NEED_E1000(test, a);
	dev_add_pack(&tap);
	r0 = __atomic_load_n(&replies, __ATOMIC_SEQ_CST);
	irqs0 = READ_ONCE(a->irqs);
	completes0 = READ_ONCE(a->napi.completes);
	rxp0 = READ_ONCE(a->netdev->stats.rx_packets);
	kstat0 = kstat_irqs(a->irq);
	KUNIT_EXPECT_EQ(test, pktgen_arp_request(a->netdev, PKTGEN_SLIRP_GUEST,
						 PKTGEN_SLIRP_GATEWAY), 0);
	KUNIT_EXPECT_TRUE(test, wait_replies(r0 + 1, 3000));
	KUNIT_EXPECT_TRUE(test, wait_unmasked(a));
	dev_remove_pack(&tap);

	KUNIT_EXPECT_GT(test, READ_ONCE(a->irqs), irqs0);
	KUNIT_EXPECT_GT(test, kstat_irqs(a->irq), kstat0);
	KUNIT_EXPECT_TRUE(test, a->icr_seen & E1000_ICR_RXT0);
	KUNIT_EXPECT_GT(test, READ_ONCE(a->napi.completes), completes0);
	KUNIT_EXPECT_GE(test, READ_ONCE(a->netdev->stats.rx_packets), rxp0 + 1);
	KUNIT_EXPECT_EQ(test, e1000_rd(a, E1000_IMS), E1000_IMS_ENABLE);
	KUNIT_EXPECT_GE(test, READ_ONCE(a->netdev->stats.tx_packets), 1UL);
}

/*
 * 600 requests in bursts of 60: every reply arrives although the rings
 * hold 256, so both wrapped; afterwards the device's RDH is where the
 * driver will look next and RDT one behind (no slot left empty), and
 * nothing was dropped or missed.
 */
static void e1000_test_ring_wraparound(struct kunit *test)
{
	struct e1000_adapter *a = e1000_get(0);
	unsigned long r0, rxp0, txp0;
	unsigned int i, sent;

	NEED_E1000(test, a);
	dev_add_pack(&tap);
	r0 = __atomic_load_n(&replies, __ATOMIC_SEQ_CST);
	rxp0 = READ_ONCE(a->netdev->stats.rx_packets);
	txp0 = READ_ONCE(a->netdev->stats.tx_packets);
	for (i = 0; i < 10; i++) {
		KUNIT_ASSERT_EQ(test, pktgen_arp_burst(a->netdev, PKTGEN_SLIRP_GUEST,
						       PKTGEN_SLIRP_GATEWAY, 60, &sent), 0);
		KUNIT_ASSERT_EQ(test, sent, 60u);
		if (!wait_replies(r0 + 60 * (i + 1), 3000))
			break;
	}
	KUNIT_EXPECT_EQ(test, __atomic_load_n(&replies, __ATOMIC_SEQ_CST) - r0, 600UL);
	KUNIT_EXPECT_TRUE(test, wait_unmasked(a));
	dev_remove_pack(&tap);

	KUNIT_EXPECT_GE(test, READ_ONCE(a->netdev->stats.rx_packets) - rxp0, 600UL);
	KUNIT_EXPECT_GE(test, READ_ONCE(a->netdev->stats.tx_packets) - txp0, 600UL);
	KUNIT_EXPECT_EQ(test, e1000_rd(a, E1000_RDH), a->rx_next);
	KUNIT_EXPECT_EQ(test, e1000_rd(a, E1000_RDT), (a->rx_next + E1000_RX_RING - 1) % E1000_RX_RING);
	KUNIT_EXPECT_EQ(test, e1000_rd(a, E1000_TDH), a->tx_use);
	KUNIT_EXPECT_EQ(test, a->tx_clean, a->tx_use);
	KUNIT_EXPECT_EQ(test, a->rx_no_buffer, 0UL);
	KUNIT_EXPECT_EQ(test, a->netdev->stats.rx_missed_errors, 0UL);
	KUNIT_EXPECT_EQ(test, a->netdev->stats.rx_errors, 0UL);
}

/*
 * On a line shared with edu, an edu interrupt reaches e1000_intr() too:
 * ICR is 0, so it says IRQ_NONE (counted) and edu's handler claims it.
 */
static void e1000_test_shared_line_irq_none(struct kunit *test)
{
	struct e1000_adapter *a = e1000_get(0);
	struct edu_device *edu = edu_get(0);
	unsigned long none0, irqs0, handled0;
	unsigned int ms = 500;

	NEED_E1000(test, a);
	if (!edu || edu->msi || a->msi || edu->irq != (unsigned int)a->irq)
		kunit_skip(test, "needs an edu device sharing the e1000's INTx line");
	KUNIT_ASSERT_TRUE(test, wait_unmasked(a));
	none0 = READ_ONCE(a->irq_none);
	irqs0 = READ_ONCE(a->irqs);
	handled0 = READ_ONCE(edu->handled);
	edu_raise(edu, 0x4);
	while (READ_ONCE(edu->handled) == handled0 && ms--)
		msleep(1);
	KUNIT_EXPECT_GT(test, READ_ONCE(edu->handled), handled0);
	KUNIT_EXPECT_GT(test, READ_ONCE(a->irq_none), none0);
	KUNIT_EXPECT_EQ(test, READ_ONCE(a->irqs), irqs0);
}

/*
 * On MSI the NIC has an IRQ of its own: the PCI-MSI chip's, edge flow,
 * one action (not IRQF_SHARED) named after the interface; in config
 * space MSI is enabled and INTx disabled.
 */
static void e1000_test_msi(struct kunit *test)
{
	struct e1000_adapter *a = e1000_get(0);
	struct irq_desc *desc;
	u16 ctrl, cmd;

	NEED_E1000(test, a);
	if (!a->msi)
		kunit_skip(test, "%s on INTx (MSI needs an 82574L, a local APIC, "
			   "no pci=nomsi, e1000.msi=1)", a->info->name);
	KUNIT_EXPECT_TRUE(test, a->info->flags & E1000_FLAG_MSI);
	KUNIT_EXPECT_TRUE(test, a->pdev->msi_enabled);
	KUNIT_EXPECT_EQ(test, a->irq, pci_irq_vector(a->pdev, 0));
	KUNIT_EXPECT_EQ(test, a->netdev->irq, a->irq);
	KUNIT_EXPECT_GE(test, a->irq, arch_msi_first_irq());
	desc = irq_to_desc(a->irq);
	KUNIT_ASSERT_TRUE(test, desc && desc->action);
	KUNIT_EXPECT_STREQ(test, desc->irq_data.chip->name, "PCI-MSI");
	KUNIT_EXPECT_TRUE(test, desc->handle_irq == handle_edge_irq);
	KUNIT_EXPECT_PTR_EQ(test, desc->action->dev_id, (void *)a->netdev);
	KUNIT_EXPECT_STREQ(test, desc->action->name, a->netdev->name);
	KUNIT_EXPECT_FALSE(test, desc->action->flags & IRQF_SHARED);
	KUNIT_EXPECT_TRUE(test, desc->action->next == NULL);
	KUNIT_ASSERT_NE(test, a->pdev->msi_cap, 0);
	pci_read_config_word(a->pdev, a->pdev->msi_cap + PCI_MSI_FLAGS, &ctrl);
	KUNIT_EXPECT_TRUE(test, ctrl & PCI_MSI_FLAGS_ENABLE);
	pci_read_config_word(a->pdev, PCI_COMMAND, &cmd);
	KUNIT_EXPECT_TRUE(test, cmd & PCI_COMMAND_INTX_DISABLE);
}

/*
 * A cause that arrives while the device is masked is not lost. The test
 * masks the device the way the handler does (e1000_irq_disable), with
 * NAPI held off meanwhile; an ARP reply then lands in the ring (RDH
 * moves) and nothing interrupts. The driver's unmask (e1000_irq_enable,
 * what a completing NAPI poll does) must then interrupt at once - on MSI
 * (edge) only a new message can do that - and NAPI passes the reply up.
 */
static void e1000_test_masked_cause_interrupts_on_unmask(struct kunit *test)
{
	struct e1000_adapter *a = e1000_get(0);
	unsigned long r0, irqs0, r_masked;
	unsigned int kstat0, kstat_masked, rdh0, ms;

	NEED_E1000(test, a);
	KUNIT_ASSERT_TRUE(test, wait_unmasked(a));
	dev_add_pack(&tap);
	napi_disable(&a->napi);          /* waits out a poll that is running */
	e1000_irq_disable(a);
	napi_enable(&a->napi);
	r0 = __atomic_load_n(&replies, __ATOMIC_SEQ_CST);
	irqs0 = READ_ONCE(a->irqs);
	kstat0 = kstat_irqs(a->irq);
	rdh0 = e1000_rd(a, E1000_RDH);

	KUNIT_EXPECT_EQ(test, pktgen_arp_request(a->netdev, PKTGEN_SLIRP_GUEST,
						 PKTGEN_SLIRP_GATEWAY), 0);
	for (ms = 0; ms < 3000 && e1000_rd(a, E1000_RDH) == rdh0; ms++)
		msleep(1);
	msleep(20);                      /* time for an interrupt that should not come */
	kstat_masked = kstat_irqs(a->irq);
	r_masked = __atomic_load_n(&replies, __ATOMIC_SEQ_CST);

	e1000_irq_enable(a);
	KUNIT_EXPECT_TRUE(test, wait_replies(r0 + 1, 1000));
	KUNIT_EXPECT_TRUE(test, wait_unmasked(a));
	dev_remove_pack(&tap);

	KUNIT_EXPECT_NE(test, e1000_rd(a, E1000_RDH), rdh0);   /* the reply came in masked */
	KUNIT_EXPECT_EQ(test, kstat_masked, kstat0);           /* without an interrupt */
	KUNIT_EXPECT_EQ(test, r_masked, r0);                   /* nor a poll */
	KUNIT_EXPECT_GT(test, kstat_irqs(a->irq), kstat0);     /* the unmask interrupted */
	KUNIT_EXPECT_GT(test, READ_ONCE(a->irqs), irqs0);
	KUNIT_EXPECT_EQ(test, e1000_rd(a, E1000_IMS), E1000_IMS_ENABLE);
}

/* ITR: interrupts/s to 256 ns units; out-of-range values refused. */
static void e1000_test_itr(struct kunit *test)
{
	struct e1000_adapter *a = e1000_get(0);
	u32 old;

	NEED_E1000(test, a);
	old = a->itr;
	KUNIT_EXPECT_EQ(test, e1000_set_itr(a, 8000), 0);
	KUNIT_EXPECT_EQ(test, e1000_rd(a, E1000_ITR), 488u);
	KUNIT_EXPECT_EQ(test, e1000_set_itr(a, 0), 0);
	KUNIT_EXPECT_EQ(test, e1000_rd(a, E1000_ITR), 0u);
	KUNIT_EXPECT_EQ(test, e1000_set_itr(a, 50), -EINVAL);
	KUNIT_EXPECT_EQ(test, e1000_rd(a, E1000_ITR), 0u);
	KUNIT_EXPECT_EQ(test, e1000_set_itr(a, old), 0);
}

/*
 * The reset a transmit timeout asks for runs under rtnl_lock(): while the
 * lock is held (as ifconfig holds it around dev_open()/dev_close()) the
 * reset waits; an interface taken down meanwhile is not reset at all; an
 * up one is, and then sends and receives again.
 */
static void e1000_test_reset_waits_for_rtnl(struct kunit *test)
{
	struct e1000_adapter *a = e1000_get(0);
	struct net_device *dev;
	unsigned long resets, r0;

	NEED_E1000(test, a);
	dev = a->netdev;
	resets = READ_ONCE(a->resets);
	rtnl_lock();
	dev->netdev_ops->ndo_tx_timeout(dev, 0);
	msleep(200);
	KUNIT_EXPECT_EQ(test, READ_ONCE(a->resets), resets);   /* waiting for the lock */
	KUNIT_EXPECT_EQ(test, dev_close(dev), 0);
	rtnl_unlock();
	flush_work(&a->reset_task);
	KUNIT_EXPECT_EQ(test, READ_ONCE(a->resets), resets);   /* down: nothing to reset */
	KUNIT_EXPECT_FALSE(test, netif_running(dev));

	rtnl_lock();
	KUNIT_EXPECT_EQ(test, dev_open(dev), 0);
	rtnl_unlock();
	dev->netdev_ops->ndo_tx_timeout(dev, 0);
	flush_work(&a->reset_task);
	KUNIT_EXPECT_EQ(test, READ_ONCE(a->resets), resets + 1);
	KUNIT_EXPECT_TRUE(test, netif_running(dev) && netif_carrier_ok(dev));

	dev_add_pack(&tap);
	r0 = __atomic_load_n(&replies, __ATOMIC_SEQ_CST);
	KUNIT_EXPECT_EQ(test, pktgen_arp_request(dev, PKTGEN_SLIRP_GUEST, PKTGEN_SLIRP_GATEWAY), 0);
	KUNIT_EXPECT_TRUE(test, wait_replies(r0 + 1, 3000));
	dev_remove_pack(&tap);
}

static struct kunit_case e1000_test_cases[] = {
	KUNIT_CASE(e1000_test_probe),
	KUNIT_CASE(e1000_test_arp_reply_interrupt),
	KUNIT_CASE(e1000_test_ring_wraparound),
	KUNIT_CASE(e1000_test_shared_line_irq_none),
	KUNIT_CASE(e1000_test_msi),
	KUNIT_CASE(e1000_test_masked_cause_interrupts_on_unmask),
	KUNIT_CASE(e1000_test_itr),
	KUNIT_CASE(e1000_test_reset_waits_for_rtnl),
	{}
};

static struct kunit_suite e1000_test_suite = {
	.name = "e1000",
	.test_cases = e1000_test_cases,
};
kunit_test_suite(e1000_test_suite);
