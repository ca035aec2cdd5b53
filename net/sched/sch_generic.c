// SPDX-License-Identifier: MIT
/*
 * A network device's transmit queue: Linux's default queueing discipline
 * reduced to what irqos needs, one pfifo queue per device (dev->qdisc,
 * tx_queue_len frames, 1000 as Linux's txqueuelen) between
 * dev_queue_xmit() and the driver's ndo_start_xmit.
 *
 * Why a queue at all: a NIC's transmit ring is finite. When the driver
 * fills it, it calls netif_stop_queue() (or answers NETDEV_TX_BUSY), and
 * frames wait here instead of being lost. When its TX cleanup has freed
 * slots it calls netif_wake_queue(), which puts the device on this CPU's
 * output queue and raises NET_TX_SOFTIRQ; net_tx_action() then calls
 * qdisc_run_output_queue() and the frames leave in the order they were
 * queued. Only a full queue drops (reason BACKLOG, counted in
 * tx_dropped). One CPU at a time drains a device's queue (qdisc_running);
 * a CPU that finds it busy leaves its frame to the one draining.
 *
 * Without carrier (link down) nothing reaches the driver: new frames are
 * refused and frames already waiting are dropped at the next drain, each
 * counted as NO_CARRIER - the part Linux's noop qdisc plays between
 * netif_carrier_off() and netif_carrier_on(), instead of frames handed to
 * a dead link and lost uncounted.
 */
#include <linux/kernel.h>
#include <linux/errno.h>
#include <linux/interrupt.h>
#include <linux/irqflags.h>
#include <linux/bottom_half.h>
#include <linux/percpu.h>
#include <linux/netdevice.h>
#include <net/pkt_sched.h>

/* Devices whose transmit queue waits to be drained, per CPU (linked by
 * dev->next_sched). */
static DEFINE_PER_CPU(struct net_device *, output_queue);

static void qdisc_drop(struct sk_buff *skb, struct net_device *dev,
		       enum skb_drop_reason reason)
{
	__atomic_fetch_add(&dev->stats.tx_dropped, 1, __ATOMIC_RELAXED);
	kfree_skb_reason(skb, reason);
}

/**
 * qdisc_purge - drop every frame waiting in @dev's transmit queue
 * @dev: the device
 * @reason: why (DEV_DOWN from dev_close(), NO_CARRIER when the link is down)
 *
 * Each frame is counted in tx_dropped and by @reason.
 */
void qdisc_purge(struct net_device *dev, enum skb_drop_reason reason)
{
	struct sk_buff *skb;

	while ((skb = skb_dequeue(&dev->qdisc)))
		qdisc_drop(skb, dev, reason);
}

/**
 * qdisc_run - hand @dev's waiting frames to its driver
 * @dev: the device
 *
 * Until the queue is empty or the driver stops it. A driver that answers
 * NETDEV_TX_BUSY gets the frame back at the head of the queue, to be
 * retried when it wakes the queue. Returns at once if another CPU is
 * draining: that CPU looks again before it lets go, so it sends our frame.
 */
void qdisc_run(struct net_device *dev)
{
	struct sk_buff *skb;
	bool busy = false;

	do {
		if (__atomic_fetch_or(&dev->qdisc_running, 1UL, __ATOMIC_ACQUIRE) & 1UL)
			return;
		local_bh_disable();
		if (!netif_carrier_ok(dev))
			qdisc_purge(dev, SKB_DROP_REASON_NO_CARRIER);
		while (!netif_queue_stopped(dev) && (skb = skb_dequeue(&dev->qdisc))) {
			if (dev->netdev_ops->ndo_start_xmit(skb, dev) != NETDEV_TX_OK) {
				skb_queue_head(&dev->qdisc, skb);
				busy = true;
				break;
			}
		}
		__atomic_store_n(&dev->qdisc_running, 0UL, __ATOMIC_RELEASE);
		local_bh_enable();
		/* A frame queued while we were finishing found the bit set. */
	} while (!busy && !netif_queue_stopped(dev) && !skb_queue_empty(&dev->qdisc));
}

/**
 * qdisc_enqueue_run - queue @skb for @dev's driver and drain the queue
 * @skb: a complete frame; consumed
 * @dev: an up device with an ndo_start_xmit (dev_queue_xmit() checked)
 *
 * Return: 0 if the frame was queued or sent; -ENOBUFS if the device has
 * no carrier (reason NO_CARRIER) or tx_queue_len frames already wait
 * (reason BACKLOG) - the frame then dropped and counted in tx_dropped.
 */
int qdisc_enqueue_run(struct sk_buff *skb, struct net_device *dev)
{
	if (!netif_carrier_ok(dev)) {
		qdisc_drop(skb, dev, SKB_DROP_REASON_NO_CARRIER);
		return -ENOBUFS;
	}
	if (skb_queue_len(&dev->qdisc) >= dev->tx_queue_len) {
		qdisc_drop(skb, dev, SKB_DROP_REASON_BACKLOG);
		return -ENOBUFS;
	}
	skb_queue_tail(&dev->qdisc, skb);
	qdisc_run(dev);
	return 0;
}

/**
 * netif_wake_queue - the driver has ring space again: allow transmits
 * @d: the device; any context (drivers call it from TX cleanup)
 *
 * If frames wait, the device joins this CPU's output queue and
 * NET_TX_SOFTIRQ is raised to drain it (Linux's __netif_schedule()).
 */
void netif_wake_queue(struct net_device *d)
{
	unsigned long flags;

	netif_start_queue(d);
	if (skb_queue_empty(&d->qdisc) ||
	    (__atomic_fetch_or(&d->qdisc_scheduled, 1UL, __ATOMIC_ACQ_REL) & 1UL))
		return;
	local_irq_save(flags);
	d->next_sched = this_cpu_read(output_queue);
	this_cpu_write(output_queue, d);
	raise_softirq_irqoff(NET_TX_SOFTIRQ);
	local_irq_restore(flags);
}

/**
 * qdisc_run_output_queue - drain the queues woken on this CPU
 *
 * Called by net_tx_action() in NET_TX_SOFTIRQ.
 */
void qdisc_run_output_queue(void)
{
	struct net_device *dev;

	local_irq_disable();
	dev = this_cpu_read(output_queue);
	this_cpu_write(output_queue, NULL);
	local_irq_enable();
	while (dev) {
		struct net_device *next = dev->next_sched;

		__atomic_store_n(&dev->qdisc_scheduled, 0UL, __ATOMIC_RELEASE);
		qdisc_run(dev);
		dev = next;
	}
}
