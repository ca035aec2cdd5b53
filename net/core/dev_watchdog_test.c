// SPDX-License-Identifier: MIT
/*
 * KUnit suite "netdev_watchdog": the transmit watchdog
 * (net/sched/sch_generic.c) on a fake device. Its ndo_start_xmit takes a
 * frame and stops the queue, as a driver whose ring just filled, and
 * nothing ever wakes it - the picture of a transmitter that stopped
 * sending. Its ndo_tx_timeout records each call and then does what a
 * driver's reset ends with: the ring is empty again, the queue wakes.
 *
 * With watchdog_timeo at 25 jiffies (100 ms) the real timer wheel runs
 * dev_watchdog in TIMER_SOFTIRQ; the cases check that ndo_tx_timeout is
 * called exactly once per stall, from softirq, only after watchdog_timeo
 * without a frame taken, and never while the queue is running, while it
 * is stopped but frames still go out, without carrier, or with the device
 * down. The e1000 side (a real stuck transmitter, the reset) is
 * tests/scenarios/e1000_watchdog.t.
 */
#include <kunit/test.h>
#include <linux/kernel.h>
#include <linux/string.h>
#include <linux/errno.h>
#include <linux/delay.h>
#include <linux/jiffies.h>
#include <linux/interrupt.h>
#include <linux/netdevice.h>

#define WD_TIMEO 25                /* jiffies: 100 ms at HZ=250 */

static struct wd_fake {
	bool stop_on_xmit;           /* ndo_start_xmit stops the queue */
	unsigned int xmits;
	unsigned int timeouts;       /* ndo_tx_timeout calls */
	unsigned int bad_txqueue;    /* calls for a queue other than 0 */
	unsigned int not_softirq;    /* calls from outside softirq */
	unsigned long stalled_for;   /* jiffies since trans_start at the last call */
} wd;

static netdev_tx_t wd_xmit(struct sk_buff *skb, struct net_device *dev)
{
	wd.xmits++;
	if (wd.stop_on_xmit)
		netif_stop_queue(dev);
	consume_skb(skb);
	return NETDEV_TX_OK;
}

static void wd_tx_timeout(struct net_device *dev, unsigned int txqueue)
{
	WRITE_ONCE(wd.stalled_for, jiffies - READ_ONCE(dev->trans_start));
	if (txqueue)
		wd.bad_txqueue++;
	if (!in_softirq())
		wd.not_softirq++;
	WRITE_ONCE(wd.timeouts, wd.timeouts + 1);
	netif_wake_queue(dev);       /* "reset": the ring is empty again */
}

static int wd_open(struct net_device *dev)
{
	netif_start_queue(dev);
	return 0;
}

static int wd_stop(struct net_device *dev)
{
	netif_stop_queue(dev);
	return 0;
}

static const struct net_device_ops wd_ops = {
	.ndo_open = wd_open,
	.ndo_stop = wd_stop,
	.ndo_start_xmit = wd_xmit,
	.ndo_tx_timeout = wd_tx_timeout,
};

static struct net_device *wd_dev(struct kunit *test)
{
	struct net_device *dev = alloc_etherdev(0);

	memset(&wd, 0, sizeof(wd));
	if (!dev)
		return NULL;
	strcpy(dev->name, "wdog0");
	dev->netdev_ops = &wd_ops;
	dev->watchdog_timeo = WD_TIMEO;
	wd.stop_on_xmit = true;
	KUNIT_EXPECT_EQ(test, dev_open(dev), 0);
	KUNIT_EXPECT_TRUE(test, timer_pending(&dev->watchdog_timer));
	return dev;
}

static void wd_free(struct kunit *test, struct net_device *dev)
{
	dev_close(dev);
	KUNIT_EXPECT_FALSE(test, timer_pending(&dev->watchdog_timer));
	free_netdev(dev);
}

static int wd_send(struct net_device *dev)
{
	struct sk_buff *skb = alloc_skb(64, GFP_KERNEL);

	if (!skb)
		return -ENOMEM;
	skb_put(skb, 60);
	memset(skb->data, 0, 60);
	skb->dev = dev;
	return dev_queue_xmit(skb);
}

/* Sleep @periods watchdog periods (and a little) of real timer ticks. */
static void wd_wait(unsigned int periods)
{
	msleep(jiffies_to_msecs(WD_TIMEO) * periods + 20);
}

/* Two stalls, one call each, late enough; the counter agrees. */
static void wd_test_once_per_stall(struct kunit *test)
{
	struct net_device *dev = wd_dev(test);
	unsigned int stall;

	KUNIT_ASSERT_NOT_NULL(test, dev);
	for (stall = 1; stall <= 2; stall++) {
		KUNIT_EXPECT_EQ(test, wd_send(dev), 0);
		KUNIT_EXPECT_TRUE(test, netif_queue_stopped(dev));
		wd_wait(4);
		KUNIT_EXPECT_EQ(test, READ_ONCE(wd.timeouts), stall);
		KUNIT_EXPECT_EQ(test, READ_ONCE(dev->trans_timeout), (unsigned long)stall);
		KUNIT_EXPECT_GT(test, READ_ONCE(wd.stalled_for), (unsigned long)WD_TIMEO);
		KUNIT_EXPECT_FALSE(test, netif_queue_stopped(dev));   /* the "reset" woke it */
	}
	KUNIT_EXPECT_EQ(test, wd.xmits, 2u);
	KUNIT_EXPECT_EQ(test, wd.bad_txqueue, 0u);
	KUNIT_EXPECT_EQ(test, wd.not_softirq, 0u);
	wd_free(test, dev);
}

/* A running queue is not a stall, however long it stays idle. */
static void wd_test_running_queue(struct kunit *test)
{
	struct net_device *dev = wd_dev(test);

	KUNIT_ASSERT_NOT_NULL(test, dev);
	wd.stop_on_xmit = false;
	KUNIT_EXPECT_EQ(test, wd_send(dev), 0);
	wd_wait(4);
	KUNIT_EXPECT_EQ(test, READ_ONCE(wd.timeouts), 0u);
	KUNIT_EXPECT_EQ(test, READ_ONCE(dev->trans_timeout), 0ul);
	KUNIT_EXPECT_TRUE(test, timer_pending(&dev->watchdog_timer));  /* still watching */
	wd_free(test, dev);
}

/*
 * Stopped at every look, yet frames keep going out (a driver at line
 * rate stops and wakes its queue all the time): trans_start moves, so no
 * timeout.
 */
static void wd_test_stopped_but_moving(struct kunit *test)
{
	struct net_device *dev = wd_dev(test);
	unsigned int i;

	KUNIT_ASSERT_NOT_NULL(test, dev);
	for (i = 0; i < 16; i++) {
		netif_start_queue(dev);
		KUNIT_EXPECT_EQ(test, wd_send(dev), 0);    /* stops it again */
		msleep(jiffies_to_msecs(WD_TIMEO) / 4);
	}
	KUNIT_EXPECT_EQ(test, wd.xmits, 16u);
	KUNIT_EXPECT_EQ(test, READ_ONCE(wd.timeouts), 0u);
	wd_free(test, dev);
}

/*
 * No carrier, no watchdog: a stopped queue without a link is not the
 * driver's fault. When the link comes back the clock restarts, and a
 * queue still stuck is then reported once.
 */
static void wd_test_no_carrier(struct kunit *test)
{
	struct net_device *dev = wd_dev(test);

	KUNIT_ASSERT_NOT_NULL(test, dev);
	KUNIT_EXPECT_EQ(test, wd_send(dev), 0);
	netif_carrier_off(dev);
	KUNIT_EXPECT_FALSE(test, timer_pending(&dev->watchdog_timer));
	wd_wait(4);
	KUNIT_EXPECT_EQ(test, READ_ONCE(wd.timeouts), 0u);
	KUNIT_EXPECT_TRUE(test, netif_queue_stopped(dev));

	netif_carrier_on(dev);
	KUNIT_EXPECT_TRUE(test, timer_pending(&dev->watchdog_timer));
	wd_wait(4);
	KUNIT_EXPECT_EQ(test, READ_ONCE(wd.timeouts), 1u);
	wd_free(test, dev);
}

/* A device taken down with its queue stuck: the timer is gone. */
static void wd_test_device_down(struct kunit *test)
{
	struct net_device *dev = wd_dev(test);

	KUNIT_ASSERT_NOT_NULL(test, dev);
	KUNIT_EXPECT_EQ(test, wd_send(dev), 0);
	KUNIT_EXPECT_EQ(test, dev_close(dev), 0);
	KUNIT_EXPECT_FALSE(test, timer_pending(&dev->watchdog_timer));
	wd_wait(4);
	KUNIT_EXPECT_EQ(test, READ_ONCE(wd.timeouts), 0u);
	/* Carrier coming back to a down device does not start it either. */
	netif_carrier_off(dev);
	netif_carrier_on(dev);
	KUNIT_EXPECT_FALSE(test, timer_pending(&dev->watchdog_timer));

	/* Up again: 5 s is the default when the driver sets no timeout. */
	dev->watchdog_timeo = 0;
	KUNIT_EXPECT_EQ(test, dev_open(dev), 0);
	KUNIT_EXPECT_EQ(test, dev->watchdog_timeo, 5 * HZ);
	wd_free(test, dev);
}

static struct kunit_case wd_test_cases[] = {
	KUNIT_CASE(wd_test_once_per_stall),
	KUNIT_CASE(wd_test_running_queue),
	KUNIT_CASE(wd_test_stopped_but_moving),
	KUNIT_CASE(wd_test_no_carrier),
	KUNIT_CASE(wd_test_device_down),
	{}
};

static struct kunit_suite wd_test_suite = {
	.name = "netdev_watchdog",
	.test_cases = wd_test_cases,
};
kunit_test_suite(wd_test_suite);
