// SPDX-License-Identifier: MIT
/*
 * KUnit suite "loopback": the loopback device lo (drivers/net/loopback.c)
 * with the real IPv4/UDP stack and kernel sockets on top. A datagram to
 * 127.0.0.1 must go socket -> ip_route_output() (lo) -> ip_send_skb() ->
 * dev_queue_xmit() -> loopback_xmit() -> netif_rx() -> this CPU's backlog
 * -> NET_RX (process_backlog) -> ip_rcv() -> udp_rcv() -> the receiving
 * socket, and be counted exactly once at each step. Needs no NIC.
 */
#include <kunit/test.h>
#include <linux/kernel.h>
#include <linux/string.h>
#include <linux/errno.h>
#include <linux/jiffies.h>
#include <linux/cpumask.h>
#include <linux/in.h>
#include <linux/net.h>
#include <linux/netdevice.h>
#include <net/ip.h>

#define LO_TEST_PORT 4242

static unsigned long softnet_processed_total(void)
{
	unsigned long sum = 0;
	unsigned int cpu;

	for (cpu = 0; cpu < nr_cpu_ids; cpu++)
		sum += READ_ONCE(per_cpu(softnet_data, cpu).processed);
	return sum;
}

/* lo is there as Linux has it: ifindex 1, first, UP|LOOPBACK|RUNNING, 64K MTU. */
static void loopback_test_device(struct kunit *test)
{
	struct net_device *lo = dev_get_by_name("lo");
	const struct in_device *in;

	KUNIT_ASSERT_NOT_NULL(test, lo);
	KUNIT_EXPECT_PTR_EQ(test, lo, loopback_dev_get());
	KUNIT_EXPECT_EQ(test, lo->ifindex, 1);
	KUNIT_EXPECT_PTR_EQ(test, list_first_entry(&net_devices, struct net_device, dev_list), lo);
	KUNIT_EXPECT_EQ(test, lo->flags, (unsigned int)(IFF_UP | IFF_LOOPBACK | IFF_RUNNING));
	KUNIT_EXPECT_EQ(test, lo->mtu, 65536u);
	in = __in_dev_get(lo);
	KUNIT_ASSERT_NOT_NULL(test, in);
	KUNIT_EXPECT_EQ(test, in->ifa_address, htonl(INADDR_LOOPBACK));
	KUNIT_EXPECT_EQ(test, in->ifa_mask, htonl(0xff000000u));
}

/*
 * One datagram to 127.0.0.1 comes back through lo: lo counts one frame
 * sent and one received (14 + 20 + 8 + 5 bytes each), NET_RX processed
 * exactly one more frame, and the receiver sees the payload from
 * 127.0.0.1 and the sender's port.
 */
static void loopback_test_udp_roundtrip(struct kunit *test)
{
	struct net_device *lo = dev_get_by_name("lo");
	struct socket *rx = NULL, *tx = NULL;
	unsigned long txp, rxp, txb, rxb, processed;
	char buf[16];
	__be32 from = 0;
	u16 sport = 0;
	long n;

	KUNIT_ASSERT_NOT_NULL(test, lo);
	KUNIT_ASSERT_EQ(test, sock_create_kern(SOCK_DGRAM, &rx), 0);
	KUNIT_ASSERT_EQ(test, kernel_bind(rx, 0, LO_TEST_PORT), 0);
	KUNIT_ASSERT_EQ(test, sock_create_kern(SOCK_DGRAM, &tx), 0);
	txp = lo->stats.tx_packets;
	rxp = lo->stats.rx_packets;
	txb = lo->stats.tx_bytes;
	rxb = lo->stats.rx_bytes;
	processed = softnet_processed_total();

	KUNIT_EXPECT_EQ(test, kernel_sendto(tx, "hello", 5, htonl(INADDR_LOOPBACK), LO_TEST_PORT), 5);
	n = kernel_recvfrom(rx, buf, sizeof(buf), &from, &sport, 0, HZ);
	KUNIT_EXPECT_EQ(test, n, 5L);
	KUNIT_EXPECT_EQ(test, memcmp(buf, "hello", 5), 0);
	KUNIT_EXPECT_EQ(test, from, htonl(INADDR_LOOPBACK));
	KUNIT_EXPECT_NE(test, sport, 0);
	KUNIT_EXPECT_EQ(test, lo->stats.tx_packets - txp, 1ul);
	KUNIT_EXPECT_EQ(test, lo->stats.rx_packets - rxp, 1ul);
	KUNIT_EXPECT_EQ(test, lo->stats.tx_bytes - txb, 47ul);
	KUNIT_EXPECT_EQ(test, lo->stats.rx_bytes - rxb, 47ul);
	KUNIT_EXPECT_EQ(test, softnet_processed_total() - processed, 1ul);
	/* Nothing more arrives: the frame was delivered once. */
	KUNIT_EXPECT_EQ(test, kernel_recvfrom(rx, buf, sizeof(buf), &from, &sport, MSG_DONTWAIT, 0),
			-EAGAIN);
	sock_release(tx);
	sock_release(rx);
}

/*
 * lo down: a datagram to 127.0.0.1 fails with -ENETDOWN and is counted
 * (lo's tx_dropped, a DEV_DOWN drop); up again, datagrams flow.
 */
static void loopback_test_down_up(struct kunit *test)
{
	struct net_device *lo = dev_get_by_name("lo");
	unsigned long dropped, reason = skb_drop_count[SKB_DROP_REASON_DEV_DOWN];
	struct socket *rx = NULL, *tx = NULL;
	char buf[8];
	__be32 from;
	u16 sport;

	KUNIT_ASSERT_NOT_NULL(test, lo);
	KUNIT_ASSERT_EQ(test, sock_create_kern(SOCK_DGRAM, &rx), 0);
	KUNIT_ASSERT_EQ(test, kernel_bind(rx, 0, LO_TEST_PORT + 1), 0);
	KUNIT_ASSERT_EQ(test, sock_create_kern(SOCK_DGRAM, &tx), 0);
	dropped = lo->stats.tx_dropped;

	KUNIT_EXPECT_EQ(test, dev_close(lo), 0);
	KUNIT_EXPECT_FALSE(test, lo->flags & IFF_UP);
	KUNIT_EXPECT_FALSE(test, lo->flags & IFF_RUNNING);
	KUNIT_EXPECT_EQ(test, kernel_sendto(tx, "x", 1, htonl(INADDR_LOOPBACK), LO_TEST_PORT + 1),
			-ENETDOWN);
	KUNIT_EXPECT_EQ(test, lo->stats.tx_dropped - dropped, 1ul);
	KUNIT_EXPECT_EQ(test, skb_drop_count[SKB_DROP_REASON_DEV_DOWN] - reason, 1ul);
	KUNIT_EXPECT_EQ(test, dev_close(lo), 0);        /* already down: nothing */

	KUNIT_EXPECT_EQ(test, dev_open(lo), 0);
	KUNIT_EXPECT_EQ(test, lo->flags, (unsigned int)(IFF_UP | IFF_LOOPBACK | IFF_RUNNING));
	KUNIT_EXPECT_EQ(test, kernel_sendto(tx, "y", 1, htonl(INADDR_LOOPBACK), LO_TEST_PORT + 1), 1);
	KUNIT_EXPECT_EQ(test, kernel_recvfrom(rx, buf, sizeof(buf), &from, &sport, 0, HZ), 1L);
	KUNIT_EXPECT_EQ(test, buf[0], 'y');
	sock_release(tx);
	sock_release(rx);
}

/* Without any other configured device, an outside address has no route:
 * -ENETUNREACH and OutNoRoutes counted. */
static void loopback_test_no_route(struct kunit *test)
{
	unsigned long noroutes = ip_statistics.out_no_routes;
	struct socket *tx = NULL;

	if (inet_first_dev())
		kunit_skip(test, "a NIC is configured: 192.0.2.1 has a route");
	KUNIT_ASSERT_EQ(test, sock_create_kern(SOCK_DGRAM, &tx), 0);
	KUNIT_EXPECT_EQ(test, kernel_sendto(tx, "z", 1, htonl(0xc0000201u), 9), -ENETUNREACH);
	KUNIT_EXPECT_EQ(test, ip_statistics.out_no_routes - noroutes, 1ul);
	sock_release(tx);
}

static struct kunit_case loopback_test_cases[] = {
	KUNIT_CASE(loopback_test_device),
	KUNIT_CASE(loopback_test_udp_roundtrip),
	KUNIT_CASE(loopback_test_down_up),
	KUNIT_CASE(loopback_test_no_route),
	{}
};

static struct kunit_suite loopback_test_suite = {
	.name = "loopback",
	.test_cases = loopback_test_cases,
};
kunit_test_suite(loopback_test_suite);
