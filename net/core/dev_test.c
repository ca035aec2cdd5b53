// SPDX-License-Identifier: MIT
/*
 * KUnit suite "netcore": NAPI scheduling and the NET_RX softirq's budget
 * (net/core/napi.c), protocol dispatch and Ethernet classification. These
 * need no NIC: a napi_struct with a scripted poll function is scheduled
 * from task context with bottom halves off, so net_rx_action() runs from
 * the real softirq path (local_bh_enable(), __do_softirq(), ksoftirqd) -
 * only the device is missing. The e1000 suite covers the same path from
 * a real interrupt.
 *
 * netif_rx() and the per-CPU backlog are driven the same way: frames
 * queued with bottom halves off (or from a real hard interrupt, an
 * irq_work self-IPI) and drained by the backlog NAPI in NET_RX.
 */
#include <kunit/test.h>
#include <linux/kernel.h>
#include <linux/string.h>
#include <linux/errno.h>
#include <linux/slab.h>
#include <linux/delay.h>
#include <linux/smp.h>
#include <linux/sched.h>
#include <linux/bottom_half.h>
#include <linux/interrupt.h>
#include <linux/irq_work.h>
#include <linux/netdevice.h>
#include <asm/current.h>

#define NAPI_BIT(b) (1UL << NAPI_STATE_##b)

/* A NAPI context whose poll does what the test says. */
struct fake_napi {
	struct napi_struct napi;
	struct net_device dev;
	int budgets[16];          /* the first budgets it was given */
	unsigned int nbudgets;
	unsigned long total;      /* frames it claimed to handle */
	unsigned long limit;      /* complete once this many were handled */
	bool saw_ksoftirqd;       /* a poll ran in this CPU's ksoftirqd */
	bool wrong_cpu;           /* a poll ran on another CPU */
	int cpu;
	bool done;
};

/* Always uses its whole budget until ->limit, then completes with 0. */
static int fake_poll(struct napi_struct *n, int budget)
{
	struct fake_napi *f = container_of(n, struct fake_napi, napi);

	if (f->nbudgets < ARRAY_SIZE(f->budgets))
		f->budgets[f->nbudgets++] = budget;
	if (smp_processor_id() != f->cpu)
		f->wrong_cpu = true;
	if (current == per_cpu(ksoftirqd, f->cpu))
		f->saw_ksoftirqd = true;
	if (f->total + budget > f->limit) {
		if (napi_complete_done(n, 0))
			WRITE_ONCE(f->done, true);
		return 0;
	}
	f->total += budget;
	return budget;
}

static void fake_init(struct fake_napi *f, unsigned long limit)
{
	memset(f, 0, sizeof(*f));
	INIT_LIST_HEAD(&f->dev.dev_list);
	strcpy(f->dev.name, "fake0");
	f->limit = limit;
	netif_napi_add(&f->dev, &f->napi, fake_poll);
	napi_enable(&f->napi);
}

static bool wait_done(struct fake_napi *f, unsigned int ms)
{
	while (!READ_ONCE(f->done) && ms--)
		msleep(1);
	return READ_ONCE(f->done);
}

/*
 * A napi that always uses its budget: each net_rx_action() pass stops at
 * netdev_budget frames - the polls get min(weight, what is left): 64, 64,
 * 64, 64, 44 - counts a time_squeeze and raises NET_RX again; past
 * __do_softirq()'s restart limit the passes run in ksoftirqd.
 */
static void netcore_test_budget_exhaustion(struct kunit *test)
{
	static struct fake_napi f;
	unsigned int squeeze0, processed0, passes, usecs = netdev_budget_usecs;
	struct softnet_data *sd;

	KUNIT_EXPECT_EQ(test, netdev_budget, 300);
	KUNIT_EXPECT_EQ(test, netdev_budget_usecs, 2u * 1000000 / HZ);
	/* Only the frame budget may end a pass here, even on a slow host. */
	netdev_budget_usecs = 1000000;
	fake_init(&f, 300UL * 100);
	local_bh_disable();
	f.cpu = smp_processor_id();
	sd = &per_cpu(softnet_data, f.cpu);
	squeeze0 = READ_ONCE(sd->time_squeeze);
	processed0 = READ_ONCE(sd->processed);
	KUNIT_EXPECT_TRUE(test, napi_schedule(&f.napi));
	local_bh_enable();
	wait_done(&f, 5000);
	netdev_budget_usecs = usecs;
	KUNIT_ASSERT_TRUE(test, READ_ONCE(f.done));
	KUNIT_ASSERT_GE(test, f.nbudgets, 6u);
	KUNIT_EXPECT_EQ(test, f.budgets[0], 64);
	KUNIT_EXPECT_EQ(test, f.budgets[1], 64);
	KUNIT_EXPECT_EQ(test, f.budgets[2], 64);
	KUNIT_EXPECT_EQ(test, f.budgets[3], 64);
	KUNIT_EXPECT_EQ(test, f.budgets[4], 44);
	KUNIT_EXPECT_EQ(test, f.budgets[5], 64);   /* a new pass, a new budget */
	KUNIT_EXPECT_EQ(test, f.total, 300UL * 100);    /* 100 full passes */
	KUNIT_EXPECT_FALSE(test, f.wrong_cpu);
	/* 100 passes of 300 frames; each but the last ended with work left. */
	passes = READ_ONCE(sd->time_squeeze) - squeeze0;
	KUNIT_EXPECT_EQ(test, passes, 100u);
	KUNIT_EXPECT_EQ(test, READ_ONCE(sd->processed) - processed0, (unsigned int)f.total);
	KUNIT_EXPECT_TRUE(test, f.saw_ksoftirqd);
	KUNIT_EXPECT_EQ(test, f.napi.completes, 1UL);
	KUNIT_EXPECT_EQ(test, f.napi.state, 0UL);
	napi_disable(&f.napi);
}

/*
 * Scheduling twice does not queue twice: the second napi_schedule_prep()
 * fails and sets MISSED; napi_complete_done() then keeps it scheduled and
 * re-queues it, so the missed event gets its poll.
 */
static void netcore_test_schedule_once_missed(struct kunit *test)
{
	static struct fake_napi f;

	fake_init(&f, 0);
	local_bh_disable();
	f.cpu = smp_processor_id();
	KUNIT_EXPECT_TRUE(test, napi_schedule_prep(&f.napi));     /* "being polled" */
	KUNIT_EXPECT_EQ(test, f.napi.state, NAPI_BIT(SCHED));
	KUNIT_EXPECT_FALSE(test, napi_schedule_prep(&f.napi));
	KUNIT_EXPECT_FALSE(test, napi_schedule(&f.napi));
	KUNIT_EXPECT_EQ(test, f.napi.state, NAPI_BIT(SCHED) | NAPI_BIT(MISSED));
	KUNIT_EXPECT_TRUE(test, list_empty(&f.napi.poll_list));
	/* The poll ends: MISSED turns into one more poll. */
	KUNIT_EXPECT_FALSE(test, napi_complete_done(&f.napi, 0));
	KUNIT_EXPECT_EQ(test, f.napi.state, NAPI_BIT(SCHED));
	KUNIT_EXPECT_FALSE(test, list_empty(&f.napi.poll_list));
	KUNIT_EXPECT_EQ(test, f.napi.completes, 0UL);
	local_bh_enable();            /* NET_RX runs it */
	KUNIT_ASSERT_TRUE(test, wait_done(&f, 1000));
	KUNIT_EXPECT_EQ(test, f.napi.polls, 1UL);
	KUNIT_EXPECT_EQ(test, f.napi.completes, 1UL);
	KUNIT_EXPECT_EQ(test, f.napi.state, 0UL);
	KUNIT_EXPECT_TRUE(test, list_empty(&f.napi.poll_list));

	/* Disabled: cannot be scheduled; enabled again: can. */
	napi_disable(&f.napi);
	KUNIT_EXPECT_FALSE(test, napi_schedule_prep(&f.napi));
	napi_enable(&f.napi);
	KUNIT_EXPECT_TRUE(test, napi_schedule_prep(&f.napi));
	KUNIT_EXPECT_TRUE(test, napi_complete_done(&f.napi, 0));
	KUNIT_EXPECT_EQ(test, f.napi.state, 0UL);
}

static unsigned int proto_seen, tap_seen;

static int test_proto_rcv(struct sk_buff *skb, struct net_device *dev,
			  struct packet_type *pt, struct net_device *orig)
{
	if (skb->len == 46 && skb->data[0] == 0xab)
		proto_seen++;
	consume_skb(skb);
	return 0;
}

static int test_tap_rcv(struct sk_buff *skb, struct net_device *dev,
			struct packet_type *pt, struct net_device *orig)
{
	if (skb->protocol == htons(0x88b5))
		tap_seen++;
	consume_skb(skb);
	return 0;
}

static struct sk_buff *test_frame(struct net_device *dev, const u8 *dst)
{
	struct sk_buff *skb = alloc_skb(NET_SKB_PAD + ETH_ZLEN, GFP_KERNEL);

	if (!skb)
		return NULL;
	skb_reserve(skb, NET_SKB_PAD + ETH_HLEN);
	memset(skb_put(skb, 46), 0xab, 46);
	eth_header(skb, dev, 0x88b5, dst, NULL);   /* IEEE local experimental */
	skb->protocol = eth_type_trans(skb, dev);
	return skb;
}

/* Unknown ethertypes are dropped and counted; registered ones delivered,
 * with a copy to each ETH_P_ALL tap. */
static void netcore_test_dispatch(struct kunit *test)
{
	static struct fake_napi f;
	struct packet_type pt = { .type = htons(0x88b5), .func = test_proto_rcv };
	struct packet_type tap = { .type = htons(ETH_P_ALL), .func = test_tap_rcv };
	unsigned long unhandled = skb_drop_count[SKB_DROP_REASON_UNHANDLED_PROTO];
	struct sk_buff *skb;
	int ret;

	fake_init(&f, 0);
	memcpy(f.dev.dev_addr, "\x02\x00\x00\x00\x00\x01", ETH_ALEN);
	memset(f.dev.broadcast, 0xff, ETH_ALEN);
	proto_seen = tap_seen = 0;

	skb = test_frame(&f.dev, NULL);
	KUNIT_ASSERT_NOT_NULL(test, skb);
	local_bh_disable();
	ret = netif_receive_skb(skb);
	local_bh_enable();
	KUNIT_EXPECT_EQ(test, ret, NET_RX_DROP);
	KUNIT_EXPECT_EQ(test, skb_drop_count[SKB_DROP_REASON_UNHANDLED_PROTO], unhandled + 1);
	KUNIT_EXPECT_EQ(test, f.dev.stats.rx_nohandler, 1UL);

	dev_add_pack(&pt);
	dev_add_pack(&tap);
	skb = test_frame(&f.dev, NULL);
	KUNIT_ASSERT_NOT_NULL(test, skb);
	local_bh_disable();
	ret = netif_receive_skb(skb);
	local_bh_enable();
	dev_remove_pack(&tap);
	dev_remove_pack(&pt);
	KUNIT_EXPECT_EQ(test, ret, NET_RX_SUCCESS);
	KUNIT_EXPECT_EQ(test, proto_seen, 1u);
	KUNIT_EXPECT_EQ(test, tap_seen, 1u);
	KUNIT_EXPECT_EQ(test, skb_drop_count[SKB_DROP_REASON_UNHANDLED_PROTO], unhandled + 1);
	KUNIT_EXPECT_EQ(test, f.dev.stats.rx_nohandler, 1UL);
}

/* eth_type_trans(): pkt_type from the destination, protocol, header pulled. */
static void netcore_test_eth_type_trans(struct kunit *test)
{
	static struct fake_napi f;
	static const u8 mcast[ETH_ALEN] = { 0x01, 0x00, 0x5e, 0, 0, 1 };
	static const u8 other[ETH_ALEN] = { 0x02, 0, 0, 0, 0, 9 };
	struct sk_buff *skb;

	fake_init(&f, 0);
	memcpy(f.dev.dev_addr, "\x02\x00\x00\x00\x00\x01", ETH_ALEN);
	memset(f.dev.broadcast, 0xff, ETH_ALEN);

	skb = test_frame(&f.dev, NULL);
	KUNIT_ASSERT_NOT_NULL(test, skb);
	KUNIT_EXPECT_EQ(test, skb->pkt_type, PACKET_BROADCAST);
	KUNIT_EXPECT_EQ(test, skb->protocol, htons(0x88b5));
	KUNIT_EXPECT_EQ(test, skb->len, 46u);
	KUNIT_EXPECT_EQ(test, skb->data - skb_mac_header(skb), ETH_HLEN);
	consume_skb(skb);

	skb = test_frame(&f.dev, mcast);
	KUNIT_ASSERT_NOT_NULL(test, skb);
	KUNIT_EXPECT_EQ(test, skb->pkt_type, PACKET_MULTICAST);
	consume_skb(skb);
	skb = test_frame(&f.dev, f.dev.dev_addr);
	KUNIT_ASSERT_NOT_NULL(test, skb);
	KUNIT_EXPECT_EQ(test, skb->pkt_type, PACKET_HOST);
	consume_skb(skb);
	skb = test_frame(&f.dev, other);
	KUNIT_ASSERT_NOT_NULL(test, skb);
	KUNIT_EXPECT_EQ(test, skb->pkt_type, PACKET_OTHERHOST);
	consume_skb(skb);
}

/* A device whose "ring" takes ring_free frames, then is full. */
static struct qdisc_probe {
	struct net_device *dev;
	unsigned int ring_free;
	unsigned int sent;
	u8 order[32];             /* first payload byte of each frame sent */
} qp;

static netdev_tx_t probe_xmit(struct sk_buff *skb, struct net_device *dev)
{
	if (!qp.ring_free) {
		netif_stop_queue(dev);
		return NETDEV_TX_BUSY;
	}
	if (qp.sent < ARRAY_SIZE(qp.order))
		qp.order[qp.sent] = skb->data[0];
	qp.sent++;
	if (!--qp.ring_free)
		netif_stop_queue(dev);   /* as a driver does when its ring fills */
	consume_skb(skb);
	return NETDEV_TX_OK;
}

static const struct net_device_ops probe_ops = { .ndo_start_xmit = probe_xmit };

static int probe_send(u8 tag)
{
	struct sk_buff *skb = alloc_skb(64, GFP_KERNEL);

	if (!skb)
		return -ENOMEM;
	*(u8 *)skb_put(skb, 1) = tag;
	skb->dev = qp.dev;
	return dev_queue_xmit(skb);
}

/*
 * A full ring does not lose frames: they wait in the device's queue and
 * leave, in order, when the driver wakes the queue; only a full queue
 * drops, counted.
 */
static void netcore_test_qdisc_waits_for_ring(struct kunit *test)
{
	unsigned long drops = skb_drop_count[SKB_DROP_REASON_BACKLOG];
	unsigned int i;

	memset(&qp, 0, sizeof(qp));
	qp.dev = alloc_etherdev(0);
	KUNIT_ASSERT_NOT_NULL(test, qp.dev);
	qp.dev->netdev_ops = &probe_ops;
	qp.dev->flags |= IFF_UP;
	qp.dev->tx_queue_len = 8;
	qp.ring_free = 3;
	for (i = 0; i < 10; i++)
		KUNIT_EXPECT_EQ(test, probe_send((u8)i), 0);
	KUNIT_EXPECT_EQ(test, qp.sent, 3u);                 /* the ring took 3 */
	KUNIT_EXPECT_EQ(test, skb_queue_len(&qp.dev->qdisc), 7u); /* 7 wait */
	KUNIT_EXPECT_EQ(test, probe_send(10), 0);
	KUNIT_EXPECT_EQ(test, probe_send(11), -ENOBUFS);    /* 8 waiting: full */
	KUNIT_EXPECT_EQ(test, skb_drop_count[SKB_DROP_REASON_BACKLOG], drops + 1);
	KUNIT_EXPECT_EQ(test, qp.dev->stats.tx_dropped, 1ul);

	/* TX cleanup frees the ring and wakes the queue: NET_TX drains it. */
	local_bh_disable();
	qp.ring_free = 100;
	netif_wake_queue(qp.dev);
	local_bh_enable();                                  /* runs NET_TX */
	for (i = 0; i < 100 && qp.sent < 11; i++)
		msleep(1);
	KUNIT_EXPECT_EQ(test, qp.sent, 11u);
	KUNIT_EXPECT_EQ(test, skb_queue_len(&qp.dev->qdisc), 0u);
	for (i = 0; i < 11; i++)
		KUNIT_EXPECT_EQ(test, qp.order[i], (u8)i);
	free_netdev(qp.dev);
}

/* ---- netif_rx() and the backlog ---- */

#define BACKLOG_BURST 1500

static struct sk_buff *burst[BACKLOG_BURST];

/*
 * 1500 frames netif_rx()'d on one CPU with bottom halves off: exactly
 * netdev_max_backlog (1000) wait on the backlog, the other 500 are
 * dropped as CPU_BACKLOG and counted in softnet_data.dropped. Enabling
 * bottom halves delivers all 1000, each once, within the budget: passes
 * of 300 frames (polls of 64,64,64,64,44), so the pass after each of the
 * first three has work left: three time_squeezes, NET_RX raised again.
 */
static void netcore_test_backlog_overflow(struct kunit *test)
{
	struct packet_type pt = { .type = htons(0x88b5), .func = test_proto_rcv };
	static struct fake_napi f;
	unsigned long reason0 = skb_drop_count[SKB_DROP_REASON_CPU_BACKLOG];
	unsigned int dropped0, processed0, squeeze0, queued = 0, refused = 0, i, ms;
	unsigned long polls0;
	unsigned int usecs = netdev_budget_usecs;
	struct softnet_data *sd;

	KUNIT_EXPECT_EQ(test, netdev_max_backlog, 1000);
	KUNIT_EXPECT_EQ(test, dev_rx_weight, 64);
	fake_init(&f, 0);
	memcpy(f.dev.dev_addr, "\x02\x00\x00\x00\x00\x01", ETH_ALEN);
	memset(f.dev.broadcast, 0xff, ETH_ALEN);
	for (i = 0; i < BACKLOG_BURST; i++) {
		burst[i] = test_frame(&f.dev, NULL);
		KUNIT_ASSERT_NOT_NULL(test, burst[i]);
	}
	proto_seen = 0;
	dev_add_pack(&pt);
	netdev_budget_usecs = 1000000;      /* only the frame budget ends a pass */

	local_bh_disable();
	sd = this_cpu_ptr(&softnet_data);
	dropped0 = READ_ONCE(sd->dropped);
	processed0 = READ_ONCE(sd->processed);
	squeeze0 = READ_ONCE(sd->time_squeeze);
	polls0 = sd->backlog.polls;
	KUNIT_EXPECT_EQ(test, softnet_backlog_len(sd), 0u);
	for (i = 0; i < BACKLOG_BURST; i++) {
		if (netif_rx(burst[i]) == NET_RX_SUCCESS)
			queued++;
		else
			refused++;
	}
	KUNIT_EXPECT_EQ(test, queued, 1000u);
	KUNIT_EXPECT_EQ(test, refused, 500u);
	KUNIT_EXPECT_EQ(test, softnet_backlog_len(sd), 1000u);
	KUNIT_EXPECT_EQ(test, READ_ONCE(sd->dropped) - dropped0, 500u);
	KUNIT_EXPECT_EQ(test, skb_drop_count[SKB_DROP_REASON_CPU_BACKLOG] - reason0, 500ul);
	KUNIT_EXPECT_EQ(test, proto_seen, 0u);             /* nothing before NET_RX */
	KUNIT_EXPECT_TRUE(test, sd->backlog.state & NAPI_BIT(SCHED));
	local_bh_enable();                                 /* NET_RX drains it */

	for (ms = 0; ms < 5000 && (READ_ONCE(proto_seen) < 1000 ||
				   READ_ONCE(sd->backlog.state)); ms++)
		msleep(1);
	netdev_budget_usecs = usecs;
	dev_remove_pack(&pt);
	KUNIT_EXPECT_EQ(test, READ_ONCE(proto_seen), 1000u);
	KUNIT_EXPECT_EQ(test, softnet_backlog_len(sd), 0u);
	KUNIT_EXPECT_EQ(test, READ_ONCE(sd->processed) - processed0, 1000u);
	KUNIT_EXPECT_EQ(test, READ_ONCE(sd->time_squeeze) - squeeze0, 3u);
	/* 300 + 300 + 300 + 100 frames: 5 + 5 + 5 + 2 polls (the last one
	 * finds the queue empty and leaves polled mode). */
	KUNIT_EXPECT_EQ(test, sd->backlog.polls - polls0, 17ul);
	KUNIT_EXPECT_EQ(test, sd->backlog.state, 0UL);
	KUNIT_EXPECT_EQ(test, READ_ONCE(sd->dropped) - dropped0, 500u);
}

static struct {
	struct sk_buff *skb;
	int ret;
	bool in_hardirq;
	int cpu;
	bool ran;
} hardirq_rx;

static void hardirq_rx_fn(struct irq_work *w)
{
	hardirq_rx.in_hardirq = in_hardirq();
	hardirq_rx.cpu = smp_processor_id();
	hardirq_rx.ret = netif_rx(hardirq_rx.skb);
	WRITE_ONCE(hardirq_rx.ran, true);
}

/* netif_rx() from a real hard interrupt (an irq_work self-IPI): the frame
 * is delivered by NET_RX on that interrupt's exit. */
static void netcore_test_netif_rx_hardirq(struct kunit *test)
{
	struct packet_type pt = { .type = htons(0x88b5), .func = test_proto_rcv };
	static struct irq_work w;
	static struct fake_napi f;
	unsigned int ms, processed0;

	fake_init(&f, 0);
	memcpy(f.dev.dev_addr, "\x02\x00\x00\x00\x00\x01", ETH_ALEN);
	memset(f.dev.broadcast, 0xff, ETH_ALEN);
	memset(&hardirq_rx, 0, sizeof(hardirq_rx));
	hardirq_rx.skb = test_frame(&f.dev, NULL);
	KUNIT_ASSERT_NOT_NULL(test, hardirq_rx.skb);
	proto_seen = 0;
	dev_add_pack(&pt);
	init_irq_work(&w, hardirq_rx_fn);
	local_bh_disable();                 /* stay on this CPU until queued */
	processed0 = READ_ONCE(this_cpu_ptr(&softnet_data)->processed);
	hardirq_rx.cpu = -1;
	KUNIT_EXPECT_TRUE(test, irq_work_queue(&w));
	local_bh_enable();
	for (ms = 0; ms < 2000 && !READ_ONCE(proto_seen); ms++)
		msleep(1);
	irq_work_sync(&w);
	dev_remove_pack(&pt);
	KUNIT_EXPECT_TRUE(test, READ_ONCE(hardirq_rx.ran));
	KUNIT_EXPECT_TRUE(test, hardirq_rx.in_hardirq);
	KUNIT_EXPECT_EQ(test, hardirq_rx.ret, NET_RX_SUCCESS);
	KUNIT_EXPECT_EQ(test, READ_ONCE(proto_seen), 1u);
	KUNIT_ASSERT_GE(test, hardirq_rx.cpu, 0);
	KUNIT_EXPECT_EQ(test, READ_ONCE(per_cpu(softnet_data, hardirq_rx.cpu).processed) -
			processed0, 1u);
}

static struct kunit_case netcore_test_cases[] = {
	KUNIT_CASE(netcore_test_budget_exhaustion),
	KUNIT_CASE(netcore_test_schedule_once_missed),
	KUNIT_CASE(netcore_test_dispatch),
	KUNIT_CASE(netcore_test_eth_type_trans),
	KUNIT_CASE(netcore_test_qdisc_waits_for_ring),
	KUNIT_CASE(netcore_test_backlog_overflow),
	KUNIT_CASE(netcore_test_netif_rx_hardirq),
	{}
};

static struct kunit_suite netcore_test_suite = {
	.name = "netcore",
	.test_cases = netcore_test_cases,
};
kunit_test_suite(netcore_test_suite);
