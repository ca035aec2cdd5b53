/* SPDX-License-Identifier: MIT */
/*
 * A device's transmit queue (net/sched/sch_generic.c), the part of
 * Linux's queueing discipline layer irqos has: one pfifo queue per
 * device (dev->qdisc), drained into the driver's ndo_start_xmit.
 */
#ifndef _NET_PKT_SCHED_H
#define _NET_PKT_SCHED_H

#include <linux/netdevice.h>

/* Queue @skb on @dev (up) and drain. 0, or -ENOBUFS with @skb dropped. */
int qdisc_enqueue_run(struct sk_buff *skb, struct net_device *dev);
/* Hand what waits to the driver until empty or the driver stops the queue. */
void qdisc_run(struct net_device *dev);
/* Drop every waiting frame with @reason, each counted in tx_dropped. */
void qdisc_purge(struct net_device *dev, enum skb_drop_reason reason);
/* NET_TX: drain the queues netif_wake_queue() scheduled on this CPU. */
void qdisc_run_output_queue(void);

#endif
