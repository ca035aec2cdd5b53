// SPDX-License-Identifier: MIT
/*
 * The device-independent core of the network stack: the list of network
 * devices, protocol handlers by ethertype, and the transmit entry point
 * with its NET_TX completion queue.
 *
 * Receive: NAPI, the NET_RX softirq and the backlog of netif_rx() are in
 * net/core/napi.c; netif_receive_skb() here hands their frames up.
 *
 * dev_open() and dev_close() bring a device up and down: ndo_open/ndo_stop,
 * IFF_UP, the transmit watchdog started and stopped (as it is by
 * netif_carrier_on/off()), and on close the transmit queue purged (each
 * frame counted). rtnl_lock() serialises them with a driver's reset.
 *
 * netif_receive_skb() delivers a frame to the packet_type registered for
 * its ethertype. A frame nobody speaks is dropped with reason
 * UNHANDLED_PROTO and counted in the device's rx_nohandler, as Linux does
 * (not in rx_dropped: the device did deliver it fine).
 *
 * Transmit: dev_queue_xmit() checks the device is up and hands the frame
 * to its transmit queue (net/sched/sch_generic.c), which feeds the driver;
 * NET_TX_SOFTIRQ (net_tx_action()) frees frames sent from hard irq
 * (dev_kfree_skb_irq()) and drains queues the drivers woke.
 */
#include <linux/kernel.h>
#include <linux/init.h>
#include <linux/errno.h>
#include <linux/string.h>
#include <linux/slab.h>
#include <linux/bug.h>
#include <linux/interrupt.h>
#include <linux/irqflags.h>
#include <linux/spinlock.h>
#include <linux/mutex.h>
#include <linux/preempt.h>
#include <linux/bottom_half.h>
#include <linux/smp.h>
#include <linux/ktime.h>
#include <linux/delay.h>
#include <linux/netdevice.h>
#include <linux/rtnetlink.h>
#include <net/pkt_sched.h>
#include <asm/processor.h>

LIST_HEAD(net_devices);
static DEFINE_SPINLOCK(dev_base_lock);
static int dev_next_index = 1;      /* lo, registered first, gets 1 */
static unsigned int dev_next_eth;

/* Frames freed from hard irq, waiting for NET_TX_SOFTIRQ (linked by ->next). */
static DEFINE_PER_CPU(struct sk_buff *, tx_completion_queue);


/* ---------------------------------------------------------------- devices */

/**
 * alloc_etherdev - a new Ethernet net_device with @sizeof_priv bytes of
 * driver-private data behind netdev_priv()
 * @sizeof_priv: size of the driver's private struct (may be 0)
 *
 * Return: the device, MTU 1500, broadcast ff:ff:ff:ff:ff:ff, not yet
 * registered; NULL if out of memory.
 */
struct net_device *alloc_etherdev(int sizeof_priv)
{
	struct net_device *dev = kzalloc(sizeof(*dev) + (sizeof_priv > 0 ? sizeof_priv : 0),
					 GFP_KERNEL);

	if (!dev)
		return NULL;
	INIT_LIST_HEAD(&dev->dev_list);
	dev->mtu = ETH_DATA_LEN;
	/* As on Linux a new device has a carrier until its driver says
	 * otherwise (a NIC calls netif_carrier_off() in probe). */
	dev->flags = IFF_BROADCAST | IFF_MULTICAST | IFF_RUNNING;
	dev->carrier = true;
	memset(dev->broadcast, 0xff, ETH_ALEN);
	dev->priv = sizeof_priv > 0 ? dev + 1 : NULL;
	dev->irq = -1;
	skb_queue_head_init(&dev->qdisc);
	dev->tx_queue_len = 1000;
	timer_setup(&dev->watchdog_timer, dev_watchdog_timer_fn, 0);
	return dev;
}

/** free_netdev - free a device from alloc_etherdev() that is not registered */
void free_netdev(struct net_device *dev)
{
	if (!dev)
		return;
	WARN_ON(!list_empty(&dev->dev_list));
	kfree(dev);
}

/**
 * register_netdev - make @dev visible (/proc/net/dev, dev_get_by_name)
 * @dev: from alloc_etherdev() (named here the next ethN) or a driver
 *       that named it itself (the loopback device's "lo")
 *
 * Interface indexes count from 1 in registration order; the loopback
 * device, registered first, is 1 as on Linux, and is always listed first.
 *
 * Return: 0, -EINVAL for an invalid MAC address (loopback has none), or
 * -EEXIST if the name is taken.
 */
int register_netdev(struct net_device *dev)
{
	bool loopback = dev->flags & IFF_LOOPBACK;
	unsigned long flags;

	if (!loopback && !is_valid_ether_addr(dev->dev_addr))
		return -EINVAL;
	if (dev->name[0] && dev_get_by_name(dev->name))
		return -EEXIST;
	spin_lock_irqsave(&dev_base_lock, flags);
	if (!dev->name[0])
		snprintf(dev->name, sizeof(dev->name), "eth%u", dev_next_eth++);
	dev->ifindex = dev_next_index++;
	if (loopback)
		list_add(&dev->dev_list, &net_devices);
	else
		list_add_tail(&dev->dev_list, &net_devices);
	spin_unlock_irqrestore(&dev_base_lock, flags);
	return 0;
}

/** unregister_netdev - take @dev off the device list (it must be down) */
void unregister_netdev(struct net_device *dev)
{
	unsigned long flags;

	spin_lock_irqsave(&dev_base_lock, flags);
	list_del_init(&dev->dev_list);
	spin_unlock_irqrestore(&dev_base_lock, flags);
}

/** dev_get_by_name - the registered device called @name, or NULL */
struct net_device *dev_get_by_name(const char *name)
{
	struct net_device *dev, *found = NULL;
	unsigned long flags;

	spin_lock_irqsave(&dev_base_lock, flags);
	for_each_netdev(dev) {
		if (!strcmp(dev->name, name)) {
			found = dev;
			break;
		}
	}
	spin_unlock_irqrestore(&dev_base_lock, flags);
	return found;
}

/**
 * dev_open - bring @dev up: the driver's ndo_open, then IFF_UP
 * @dev: a registered device
 *
 * Return: 0 (also if already up) or the driver's error (then still down).
 */
int dev_open(struct net_device *dev)
{
	int ret = 0;

	if (dev->flags & IFF_UP)
		return 0;
	if (dev->netdev_ops && dev->netdev_ops->ndo_open)
		ret = dev->netdev_ops->ndo_open(dev);
	if (!ret) {
		__atomic_fetch_or(&dev->flags, IFF_UP, __ATOMIC_SEQ_CST);
		dev_watchdog_up(dev);
	}
	return ret;
}

/**
 * dev_close - take @dev down: clear IFF_UP, the driver's ndo_stop, and
 * drop what still waits in its transmit queue
 * @dev: a registered device
 *
 * Process context. IFF_UP goes first, so no new frame is queued; then the
 * queue is given time to finish a drain that is under way on another CPU
 * before the driver stops (for a NIC: interrupts off, IRQ freed, NAPI
 * disabled). Frames left in the queue are dropped with reason DEV_DOWN and
 * counted in tx_dropped. dev_open() brings the device back.
 *
 * Return: 0 (also if already down) or the driver's ndo_stop error.
 */
int dev_close(struct net_device *dev)
{
	int ret = 0;

	if (!(__atomic_fetch_and(&dev->flags, ~IFF_UP, __ATOMIC_SEQ_CST) & IFF_UP))
		return 0;
	dev_watchdog_down(dev);
	while (__atomic_load_n(&dev->qdisc_running, __ATOMIC_ACQUIRE) & 1UL)
		msleep(1);
	if (dev->netdev_ops && dev->netdev_ops->ndo_stop)
		ret = dev->netdev_ops->ndo_stop(dev);
	qdisc_purge(dev, SKB_DROP_REASON_DEV_DOWN);
	return ret;
}

/** netif_carrier_on - the link is up: the device is RUNNING */
void netif_carrier_on(struct net_device *d)
{
	WRITE_ONCE(d->carrier, true);
	__atomic_fetch_or(&d->flags, IFF_RUNNING, __ATOMIC_SEQ_CST);
	dev_watchdog_up(d);
}

/** netif_carrier_off - the link is down */
void netif_carrier_off(struct net_device *d)
{
	WRITE_ONCE(d->carrier, false);
	__atomic_fetch_and(&d->flags, ~IFF_RUNNING, __ATOMIC_SEQ_CST);
	if (d->watchdog_timer.function)
		del_timer(&d->watchdog_timer);
}

static DEFINE_MUTEX(rtnl_mutex);

/**
 * rtnl_lock - serialise device configuration (Linux's RTNL)
 *
 * Held around dev_open()/dev_close() by ifconfig and by a driver's reset
 * (e1000_reset_task()), so that "ifconfig eth0 down" cannot run in the
 * middle of a reset. Process context.
 */
void rtnl_lock(void)
{
	mutex_lock(&rtnl_mutex);
}

/** rtnl_unlock - release the configuration lock */
void rtnl_unlock(void)
{
	mutex_unlock(&rtnl_mutex);
}

/* ------------------------------------------------------- protocol handlers */

static LIST_HEAD(ptype_base);      /* by ethertype */
static LIST_HEAD(ptype_all);       /* ETH_P_ALL taps: get a copy of everything */
static DEFINE_SPINLOCK(ptype_lock);
static unsigned long ptype_inflight;   /* handlers running right now */

/**
 * dev_add_pack - receive every frame of ethertype @pt->type with @pt->func
 * @pt: the handler; htons(ETH_P_ALL) makes it a tap that sees copies
 */
void dev_add_pack(struct packet_type *pt)
{
	unsigned long flags;

	spin_lock_irqsave(&ptype_lock, flags);
	list_add_tail(&pt->list, pt->type == htons(ETH_P_ALL) ? &ptype_all : &ptype_base);
	spin_unlock_irqrestore(&ptype_lock, flags);
}

/**
 * dev_remove_pack - stop delivering to @pt
 * @pt: a handler added with dev_add_pack()
 *
 * Process context: waits until no handler is running anywhere, so @pt
 * may be freed on return.
 */
void dev_remove_pack(struct packet_type *pt)
{
	unsigned long flags;

	spin_lock_irqsave(&ptype_lock, flags);
	list_del_init(&pt->list);
	spin_unlock_irqrestore(&ptype_lock, flags);
	while (__atomic_load_n(&ptype_inflight, __ATOMIC_ACQUIRE))
		cpu_relax();
}

#define PTYPE_MAX_DELIVER 8    /* handlers one frame is given to */

/*
 * Collect the taps and the handlers for @type (at most PTYPE_MAX_DELIVER)
 * with ptype_inflight raised, so dev_remove_pack() waits for them.
 */
static unsigned int ptype_collect(__be16 type, struct packet_type **out, unsigned int *ntaps)
{
	struct packet_type *pt;
	unsigned int n = 0;
	unsigned long flags;

	spin_lock_irqsave(&ptype_lock, flags);
	list_for_each_entry(pt, &ptype_all, list)
		if (n < PTYPE_MAX_DELIVER)
			out[n++] = pt;
	*ntaps = n;
	list_for_each_entry(pt, &ptype_base, list)
		if (pt->type == type && n < PTYPE_MAX_DELIVER)
			out[n++] = pt;
	__atomic_fetch_add(&ptype_inflight, 1, __ATOMIC_SEQ_CST);
	spin_unlock_irqrestore(&ptype_lock, flags);
	return n;
}

/**
 * netif_receive_skb - hand a received frame to its protocol
 * @skb: protocol set and data at the network header (eth_type_trans())
 *
 * Softirq (NAPI poll) context. Every ETH_P_ALL tap and every handler
 * registered for skb->protocol gets the frame: a copy each, the last one
 * the original. Consumes @skb.
 *
 * Return: NET_RX_SUCCESS, or NET_RX_DROP if no protocol handler took it.
 */
int netif_receive_skb(struct sk_buff *skb)
{
	struct net_device *dev = skb->dev;
	struct packet_type *pts[PTYPE_MAX_DELIVER];
	unsigned int i, n, ntaps;
	int ret = NET_RX_DROP;

	skb_reset_network_header(skb);
	n = ptype_collect(skb->protocol, pts, &ntaps);
	for (i = 0; i < n; i++) {
		struct sk_buff *s = skb;

		if (i + 1 < n || i < ntaps) {       /* not the last taker: a copy */
			s = skb_clone(skb, GFP_ATOMIC);
			if (!s) {
				__atomic_fetch_add(&this_cpu_ptr(&softnet_data)->dropped, 1,
						   __ATOMIC_RELAXED);
				continue;
			}
		}
		if (pts[i]->func(s, dev, pts[i], dev) == 0 && i >= ntaps)
			ret = NET_RX_SUCCESS;
		if (s == skb)
			skb = NULL;
	}
	__atomic_fetch_sub(&ptype_inflight, 1, __ATOMIC_SEQ_CST);
	if (skb) {      /* no protocol handler: taps only saw copies */
		if (n == ntaps) {
			if (dev)
				__atomic_fetch_add(&dev->stats.rx_nohandler, 1, __ATOMIC_RELAXED);
			kfree_skb_reason(skb, SKB_DROP_REASON_UNHANDLED_PROTO);
		} else {
			kfree_skb_reason(skb, SKB_DROP_REASON_NOMEM);
		}
	}
	return ret;
}

/* ---------------------------------------------------------------- transmit */

/**
 * dev_queue_xmit - send @skb on skb->dev
 * @skb: a complete frame (Ethernet header pushed); consumed
 *
 * The frame joins the device's transmit queue, which is drained into the
 * driver at once unless its ring is full (net/sched/sch_generic.c; while
 * the link is down frames are dropped there, counted as NO_CARRIER).
 *
 * Return: 0 if the frame was queued or sent; -ENETDOWN (device not up) or
 * -ENOBUFS (no carrier, or tx_queue_len frames already waiting), the
 * frame then dropped and counted in tx_dropped.
 */
int dev_queue_xmit(struct sk_buff *skb)
{
	struct net_device *dev = skb->dev;

	if (!dev || !(READ_ONCE(dev->flags) & IFF_UP) || !dev->netdev_ops ||
	    !dev->netdev_ops->ndo_start_xmit) {
		if (dev)
			__atomic_fetch_add(&dev->stats.tx_dropped, 1, __ATOMIC_RELAXED);
		kfree_skb_reason(skb, SKB_DROP_REASON_DEV_DOWN);
		return -ENETDOWN;
	}
	return qdisc_enqueue_run(skb, dev);
}

/**
 * dev_kfree_skb_irq - free a sent frame from hard interrupt context
 * @skb: the frame; freed later by NET_TX_SOFTIRQ on this CPU
 */
void dev_kfree_skb_irq(struct sk_buff *skb)
{
	struct sk_buff **q;
	unsigned long flags;

	if (!skb)
		return;
	local_irq_save(flags);
	q = this_cpu_ptr(&tx_completion_queue);
	skb->next = *q;
	*q = skb;
	raise_softirq_irqoff(NET_TX_SOFTIRQ);
	local_irq_restore(flags);
}

/** dev_kfree_skb_any - free a sent frame from any context */
void dev_kfree_skb_any(struct sk_buff *skb)
{
	if (in_hardirq() || irqs_disabled())
		dev_kfree_skb_irq(skb);
	else
		consume_skb(skb);
}

/* NET_TX_SOFTIRQ: free what dev_kfree_skb_irq() queued on this CPU. */
static void net_tx_action(void)
{
	struct sk_buff *skb;

	local_irq_disable();
	skb = *this_cpu_ptr(&tx_completion_queue);
	*this_cpu_ptr(&tx_completion_queue) = NULL;
	local_irq_enable();
	while (skb) {
		struct sk_buff *next = skb->next;

		skb->next = NULL;
		consume_skb(skb);
		skb = next;
	}
	/* Devices whose driver woke their queue (netif_wake_queue). */
	qdisc_run_output_queue();
}

/** net_dev_init - the NET_TX softirq (NET_RX: net/core/napi.c) */
static int __init net_dev_init(void)
{
	open_softirq(NET_TX_SOFTIRQ, net_tx_action);
	return 0;
}
subsys_initcall(net_dev_init);
