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
 *
 * The transmit watchdog: a queue the driver stopped is woken by its TX
 * cleanup, so if the hardware stops sending (a wedged transmitter, a lost
 * TX interrupt) the queue stays stopped forever and every later frame
 * waits here, then is dropped as BACKLOG. For a driver with an
 * ndo_tx_timeout, a timer (dev_watchdog_timer_fn(), Linux's dev_watchdog())
 * runs every watchdog_timeo jiffies (5 s unless the driver sets it) while
 * the device is up with carrier. It
 * finds the queue stopped and no frame taken by the driver (trans_start,
 * stamped after each NETDEV_TX_OK) for longer than watchdog_timeo: it
 * prints "NETDEV WATCHDOG: eth0 (e1000): transmit queue 0 timed out N ms"
 * once per boot with a backtrace (a WARN_ONCE, as Linux), counts every
 * occurrence in dev->trans_timeout (ifconfig's "tx_timeout") and calls
 * ndo_tx_timeout, which schedules the driver's reset. A queue that is
 * running, or stopped but still moving, is never a timeout.
 */
#include <linux/kernel.h>
#include <linux/errno.h>
#include <linux/interrupt.h>
#include <linux/irqflags.h>
#include <linux/bottom_half.h>
#include <linux/percpu.h>
#include <linux/bug.h>
#include <linux/jiffies.h>
#include <linux/timer.h>
#include <linux/pci.h>
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
			netif_trans_update(dev);
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

/**
 * netdev_drivername - the name of the driver behind @dev, for messages
 * @dev: the device
 *
 * Return: the bound PCI driver's name, or "" for a device without one.
 */
const char *netdev_drivername(const struct net_device *dev)
{
	const struct pci_dev *pdev = dev->parent_pci;

	return pdev && pdev->driver ? pdev->driver->name : "";
}

/**
 * dev_watchdog_timer_fn - the transmit watchdog's timer (TIMER_SOFTIRQ)
 * @t: &dev->watchdog_timer, set up by alloc_etherdev()
 *
 * Re-arms itself while the device is up with carrier; dev_close() and
 * netif_carrier_off() take it down. Linux calls it dev_watchdog().
 */
void dev_watchdog_timer_fn(struct timer_list *t)
{
	struct net_device *dev = container_of(t, struct net_device, watchdog_timer);
	unsigned long start, now = jiffies;

	if (!netif_running(dev) || !netif_carrier_ok(dev))
		return;
	start = READ_ONCE(dev->trans_start);
	if (netif_queue_stopped(dev) && time_after(now, start + dev->watchdog_timeo)) {
		__atomic_fetch_add(&dev->trans_timeout, 1, __ATOMIC_RELAXED);
		WARN_ONCE(1, "NETDEV WATCHDOG: %s (%s): transmit queue %u timed out %lu ms\n",
			  dev->name, netdev_drivername(dev), 0u, jiffies_to_msecs(now - start));
		dev->netdev_ops->ndo_tx_timeout(dev, 0);
	}
	mod_timer(&dev->watchdog_timer, jiffies + dev->watchdog_timeo);
}

/**
 * dev_watchdog_up - start @dev's transmit watchdog
 * @dev: the device; called by dev_open() and netif_carrier_on(), any context
 *
 * Only for a driver with an ndo_tx_timeout, only while @dev is up with
 * carrier. A watchdog_timeo of 0 or less becomes 5 * HZ, as Linux's
 * default. trans_start restarts now, so time spent down or without a
 * link is not counted against the queue.
 */
void dev_watchdog_up(struct net_device *dev)
{
	if (!dev->netdev_ops || !dev->netdev_ops->ndo_tx_timeout ||
	    !netif_running(dev) || !netif_carrier_ok(dev))
		return;
	if (dev->watchdog_timeo <= 0)
		dev->watchdog_timeo = 5 * HZ;
	netif_trans_update(dev);
	if (WARN_ON_ONCE(!dev->watchdog_timer.function))
		return;                 /* not from alloc_etherdev() */
	if (!timer_pending(&dev->watchdog_timer))
		mod_timer(&dev->watchdog_timer, jiffies + dev->watchdog_timeo);
}

/**
 * dev_watchdog_down - stop @dev's transmit watchdog
 * @dev: the device; process context (dev_close()): waits for a running
 * dev_watchdog() to finish
 *
 * netif_carrier_off(), which may run in hard irq, only dequeues the timer:
 * a dev_watchdog() already running sees the carrier off and stops.
 */
void dev_watchdog_down(struct net_device *dev)
{
	if (dev->watchdog_timer.function)
		del_timer_sync(&dev->watchdog_timer);
}
