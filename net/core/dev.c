// SPDX-License-Identifier: MIT
/*
 * The device-independent core of the network stack: the list of network
 * devices, protocol handlers by ethertype, NAPI and the NET_RX softirq,
 * and the transmit entry point with its NET_TX completion queue.
 *
 * Receive, end to end (see include/linux/netdevice.h for the contract):
 * a driver's hard interrupt handler masks its device and calls
 * napi_schedule(), which puts the napi_struct on this CPU's
 * softnet_data.poll_list and raises NET_RX_SOFTIRQ. net_rx_action() then
 * polls each scheduled napi with at most its weight (and never more than
 * what is left of netdev_budget); a napi that used all it was given is
 * still busy and goes back to the tail of the list. When netdev_budget
 * frames or netdev_budget_usecs have been spent with work still listed,
 * the pass stops, counts a time_squeeze and raises NET_RX_SOFTIRQ again:
 * __do_softirq() restarts it a few times and then leaves it to
 * ksoftirqd/N, so a flood cannot starve the tasks on this CPU.
 *
 * A device without NAPI (lo) calls netif_rx() instead, from any context:
 * the frame joins this CPU's backlog, softnet_data.input_pkt_queue (at
 * most netdev_max_backlog frames; past that it is dropped as CPU_BACKLOG
 * and counted in softnet_data.dropped), and the per-CPU backlog NAPI,
 * whose poll is process_backlog() with weight dev_rx_weight, is scheduled
 * on the poll list like a device's - so netdev_budget, time_squeeze and
 * ksoftirqd apply to it too.
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

DEFINE_PER_CPU(struct softnet_data, softnet_data);
/* Frames freed from hard irq, waiting for NET_TX_SOFTIRQ (linked by ->next). */
static DEFINE_PER_CPU(struct sk_buff *, tx_completion_queue);

int netdev_budget = 300;
unsigned int netdev_budget_usecs = 2 * 1000000 / HZ;
int netdev_max_backlog = 1000;
int dev_rx_weight = 64;

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

/* -------------------------------------------------------------------- NAPI */

/**
 * netif_napi_add - give @dev a NAPI context polled by @poll
 * @dev: the device
 * @napi: the context (in the driver's private data)
 * @poll: called from NET_RX with a budget; returns frames handled
 *
 * The napi starts disabled: napi_enable() it when the device opens.
 */
void netif_napi_add(struct net_device *dev, struct napi_struct *napi,
		    int (*poll)(struct napi_struct *, int))
{
	INIT_LIST_HEAD(&napi->poll_list);
	napi->state = 1UL << NAPI_STATE_SCHED;
	napi->weight = NAPI_POLL_WEIGHT;
	napi->poll = poll;
	napi->dev = dev;
	dev->napi = napi;
	napi->polls = napi->completes = 0;
}

/** napi_enable - allow @n to be scheduled (after netif_napi_add or disable) */
void napi_enable(struct napi_struct *n)
{
	__atomic_fetch_and(&n->state, ~((1UL << NAPI_STATE_SCHED) | (1UL << NAPI_STATE_MISSED) |
					(1UL << NAPI_STATE_DISABLE)), __ATOMIC_SEQ_CST);
}

/**
 * napi_disable - stop @n from being scheduled and wait until it is idle
 * @n: the context
 *
 * Process context. On return no poll is running or pending: SCHED is
 * held on the disabled napi's behalf until napi_enable().
 */
void napi_disable(struct napi_struct *n)
{
	unsigned long s;

	__atomic_fetch_or(&n->state, 1UL << NAPI_STATE_DISABLE, __ATOMIC_SEQ_CST);
	for (;;) {
		s = __atomic_load_n(&n->state, __ATOMIC_ACQUIRE);
		if (!(s & (1UL << NAPI_STATE_SCHED)) &&
		    __atomic_compare_exchange_n(&n->state, &s, s | (1UL << NAPI_STATE_SCHED),
						false, __ATOMIC_SEQ_CST, __ATOMIC_SEQ_CST))
			break;
		msleep(1);
	}
	__atomic_fetch_and(&n->state, ~(1UL << NAPI_STATE_MISSED), __ATOMIC_SEQ_CST);
}

/**
 * napi_schedule_prep - claim @n for a poll
 * @n: the context
 *
 * Return: true if the caller must __napi_schedule() it; false if it is
 * disabled, or already scheduled - then MISSED is set so that the running
 * poll's napi_complete_done() keeps it scheduled: the new event is not lost.
 */
bool napi_schedule_prep(struct napi_struct *n)
{
	unsigned long s = __atomic_load_n(&n->state, __ATOMIC_ACQUIRE), want;

	do {
		if (s & (1UL << NAPI_STATE_DISABLE))
			return false;
		want = s | (1UL << NAPI_STATE_SCHED);
		if (s & (1UL << NAPI_STATE_SCHED))
			want |= 1UL << NAPI_STATE_MISSED;
	} while (!__atomic_compare_exchange_n(&n->state, &s, want, false,
					      __ATOMIC_SEQ_CST, __ATOMIC_SEQ_CST));
	return !(s & (1UL << NAPI_STATE_SCHED));
}

/**
 * __napi_schedule - queue @n (claimed by napi_schedule_prep) on this CPU
 * @n: the context
 *
 * Any context. Raises NET_RX_SOFTIRQ with interrupts off, so the softirq
 * runs on this interrupt's exit.
 */
void __napi_schedule(struct napi_struct *n)
{
	unsigned long flags;

	local_irq_save(flags);
	if (WARN_ON(!list_empty(&n->poll_list)))
		list_del_init(&n->poll_list);
	list_add_tail(&n->poll_list, &this_cpu_ptr(&softnet_data)->poll_list);
	raise_softirq_irqoff(NET_RX_SOFTIRQ);
	local_irq_restore(flags);
}

/**
 * napi_complete_done - leave polled mode after a poll that did @work_done
 * @n: the context, being polled
 * @work_done: frames handled (less than the budget)
 *
 * Return: true if @n is no longer scheduled and the driver may unmask its
 * interrupts; false if it was scheduled again meanwhile (MISSED) - then it
 * is put back on the poll list here and stays in polled mode.
 */
bool napi_complete_done(struct napi_struct *n, int work_done)
{
	unsigned long s = __atomic_load_n(&n->state, __ATOMIC_ACQUIRE), want;

	do {
		if (s & (1UL << NAPI_STATE_MISSED))
			want = s & ~(1UL << NAPI_STATE_MISSED);   /* stays SCHED */
		else
			want = s & ~(1UL << NAPI_STATE_SCHED);
	} while (!__atomic_compare_exchange_n(&n->state, &s, want, false,
					      __ATOMIC_SEQ_CST, __ATOMIC_SEQ_CST));
	if (s & (1UL << NAPI_STATE_MISSED)) {
		__napi_schedule(n);
		return false;
	}
	n->completes++;
	return true;
}

/*
 * Poll @n with @budget. Return frames handled; *@repoll: it used all it
 * was given and must be polled again (it is still SCHED).
 */
static int napi_poll(struct napi_struct *n, int budget, bool *repoll)
{
	int work;

	n->polls++;
	work = n->poll(n, budget);
	if (WARN_ON(work > budget))
		work = budget;
	*repoll = work == budget;
	if (*repoll && (__atomic_load_n(&n->state, __ATOMIC_ACQUIRE) &
			(1UL << NAPI_STATE_DISABLE))) {
		napi_complete_done(n, work);      /* let napi_disable() finish */
		*repoll = false;
	}
	return work;
}

/**
 * net_rx_action - the NET_RX_SOFTIRQ action: poll this CPU's napi list
 *
 * Runs until the list is empty, netdev_budget frames were handled or
 * netdev_budget_usecs passed; in the last two cases, with work left,
 * counts a time_squeeze and raises NET_RX_SOFTIRQ again.
 */
static void net_rx_action(void)
{
	struct softnet_data *sd = this_cpu_ptr(&softnet_data);
	u64 deadline = local_clock() + (u64)netdev_budget_usecs * 1000;
	int budget = netdev_budget;

	local_irq_disable();
	while (!list_empty(&sd->poll_list)) {
		struct napi_struct *n = list_first_entry(&sd->poll_list, struct napi_struct,
							 poll_list);
		bool repoll;
		int work;

		list_del_init(&n->poll_list);
		local_irq_enable();
		work = napi_poll(n, min(n->weight, budget), &repoll);
		local_irq_disable();
		if (repoll)
			list_add_tail(&n->poll_list, &sd->poll_list);
		sd->processed += work;
		budget -= work;
		if (budget <= 0 || local_clock() >= deadline) {
			if (!list_empty(&sd->poll_list)) {
				sd->time_squeeze++;
				raise_softirq_irqoff(NET_RX_SOFTIRQ);
			}
			break;
		}
	}
	local_irq_enable();
}

/* ---------------------------------------------------------------- backlog */

/**
 * softnet_backlog_len - frames waiting on @sd's backlog
 * @sd: a CPU's softnet_data
 */
unsigned int softnet_backlog_len(const struct softnet_data *sd)
{
	return skb_queue_len(&sd->input_pkt_queue);
}

/*
 * The backlog's NAPI poll: hand up to @quota frames from this CPU's
 * input_pkt_queue to the protocols. The queue is only touched on its own
 * CPU with interrupts off, so netif_rx() from a hard interrupt cannot
 * race with it; the frame is delivered with interrupts on.
 */
static int process_backlog(struct napi_struct *napi, int quota)
{
	struct softnet_data *sd = container_of(napi, struct softnet_data, backlog);
	int work = 0;

	while (work < quota) {
		struct sk_buff *skb;

		local_irq_disable();
		skb = __skb_dequeue(&sd->input_pkt_queue);
		if (!skb) {
			/* Empty: leave polled mode. The next netif_rx() on
			 * this CPU schedules the backlog again. */
			__atomic_store_n(&napi->state, 0UL, __ATOMIC_RELEASE);
			napi->completes++;
			local_irq_enable();
			break;
		}
		local_irq_enable();
		netif_receive_skb(skb);
		work++;
	}
	return work;
}

/* Queue @skb on this CPU's backlog; interrupts are off. */
static int enqueue_to_backlog(struct sk_buff *skb)
{
	struct softnet_data *sd = this_cpu_ptr(&softnet_data);

	if (skb_queue_len(&sd->input_pkt_queue) >= (u32)READ_ONCE(netdev_max_backlog)) {
		sd->dropped++;
		kfree_skb_reason(skb, SKB_DROP_REASON_CPU_BACKLOG);
		return NET_RX_DROP;
	}
	__skb_queue_tail(&sd->input_pkt_queue, skb);
	if (!(__atomic_fetch_or(&sd->backlog.state, 1UL << NAPI_STATE_SCHED, __ATOMIC_ACQ_REL) &
	      (1UL << NAPI_STATE_SCHED)))
		__napi_schedule(&sd->backlog);
	return NET_RX_SUCCESS;
}

/**
 * netif_rx - receive a frame from a device without NAPI
 * @skb: the frame, skb->dev and skb->protocol set (eth_type_trans());
 *       consumed
 *
 * Any context: hard interrupt, softirq or task. The frame joins this
 * CPU's backlog, which NET_RX drains through the backlog NAPI
 * (process_backlog()) within netdev_budget like any device. Called with
 * bottom halves enabled, it disables them around the queueing, so the
 * softirq runs as soon as they are enabled again - before netif_rx()
 * returns.
 *
 * Return: NET_RX_SUCCESS, or NET_RX_DROP if the backlog already held
 * netdev_max_backlog frames: the frame is then dropped with reason
 * CPU_BACKLOG and counted in softnet_data.dropped.
 */
int netif_rx(struct sk_buff *skb)
{
	/* Task context with interrupts on: run NET_RX on the way out. (With
	 * interrupts off, raising NET_RX has woken ksoftirqd instead.) */
	bool bh_off = !in_interrupt() && !irqs_disabled();
	unsigned long flags;
	int ret;

	if (bh_off)
		local_bh_disable();
	local_irq_save(flags);
	ret = enqueue_to_backlog(skb);
	local_irq_restore(flags);
	if (bh_off)
		local_bh_enable();
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

/** net_dev_init - the softnet lists, each CPU's backlog and the two network softirqs */
static int __init net_dev_init(void)
{
	unsigned int cpu;

	for (cpu = 0; cpu < nr_cpu_ids; cpu++) {
		struct softnet_data *sd = &per_cpu(softnet_data, cpu);

		INIT_LIST_HEAD(&sd->poll_list);
		skb_queue_head_init(&sd->input_pkt_queue);
		INIT_LIST_HEAD(&sd->backlog.poll_list);
		sd->backlog.poll = process_backlog;
		sd->backlog.weight = dev_rx_weight;
	}
	open_softirq(NET_TX_SOFTIRQ, net_tx_action);
	open_softirq(NET_RX_SOFTIRQ, net_rx_action);
	return 0;
}
subsys_initcall(net_dev_init);
