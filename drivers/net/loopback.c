// SPDX-License-Identifier: MIT
/*
 * The loopback device, lo: a network device whose transmit is its own
 * receive. Every packet irqos sends to itself - to 127.0.0.0/8 or to one
 * of its own addresses (ip_route_output() picks lo for those) - goes
 * through it, so a local datagram takes the same path as one from the
 * wire after the driver: dev_queue_xmit() -> loopback_xmit() -> netif_rx()
 * -> this CPU's backlog -> NET_RX (process_backlog) -> ip_rcv(). Nothing
 * reaches a NIC.
 *
 * As on Linux, lo is IFF_LOOPBACK|IFF_UP|IFF_RUNNING (flags=73) with MTU 65536 and
 * no ARP; its frames carry an Ethernet header with all-zero addresses
 * (its dev_addr and broadcast are zero, so eth_type_trans() calls them
 * PACKET_HOST). It is registered before any NIC, at fs_initcall time,
 * so it is ifindex 1 and listed first in /proc/net/dev; the IPv4 layer
 * gives it 127.0.0.1/8.
 *
 * Counting: a frame the backlog took counts as one transmitted and one
 * received packet (Linux counts both on success); one the backlog
 * refused (full: netdev_max_backlog frames waiting) is counted in
 * tx_dropped here, in softnet_stat's dropped column and as CPU_BACKLOG.
 */
#include <linux/kernel.h>
#include <linux/init.h>
#include <linux/errno.h>
#include <linux/string.h>
#include <linux/slab.h>
#include <linux/printk.h>
#include <linux/netdevice.h>

#define LOOPBACK_MTU 65536

static struct net_device *loopback_dev;

/* ndo_start_xmit: the frame comes straight back in through netif_rx(). */
static netdev_tx_t loopback_xmit(struct sk_buff *skb, struct net_device *dev)
{
	unsigned int len = skb->len;

	skb->protocol = eth_type_trans(skb, dev);
	if (netif_rx(skb) == NET_RX_SUCCESS) {
		__atomic_fetch_add(&dev->stats.tx_packets, 1, __ATOMIC_RELAXED);
		__atomic_fetch_add(&dev->stats.tx_bytes, len, __ATOMIC_RELAXED);
		__atomic_fetch_add(&dev->stats.rx_packets, 1, __ATOMIC_RELAXED);
		__atomic_fetch_add(&dev->stats.rx_bytes, len, __ATOMIC_RELAXED);
	} else {
		__atomic_fetch_add(&dev->stats.tx_dropped, 1, __ATOMIC_RELAXED);
	}
	return NETDEV_TX_OK;       /* taken either way: netif_rx() consumed it */
}

static int loopback_open(struct net_device *dev)
{
	netif_carrier_on(dev);
	return 0;
}

static int loopback_stop(struct net_device *dev)
{
	netif_carrier_off(dev);
	return 0;
}

static const struct net_device_ops loopback_ops = {
	.ndo_open = loopback_open,
	.ndo_stop = loopback_stop,
	.ndo_start_xmit = loopback_xmit,
};

/**
 * loopback_dev_get - the loopback device, or NULL before it is registered
 */
struct net_device *loopback_dev_get(void)
{
	return loopback_dev;
}

/* Registered at fs_initcall: after the network core (subsys_initcall),
 * before any NIC driver (device_initcall), so lo is ifindex 1. */
static int __init loopback_net_init(void)
{
	struct net_device *dev = alloc_etherdev(0);
	int ret;

	if (!dev)
		return -ENOMEM;
	strcpy(dev->name, "lo");
	dev->flags = IFF_LOOPBACK;             /* UP and RUNNING once open */
	dev->mtu = LOOPBACK_MTU;
	memset(dev->broadcast, 0, ETH_ALEN);    /* dev_addr is zero too */
	dev->netdev_ops = &loopback_ops;
	ret = register_netdev(dev);
	if (ret) {
		free_netdev(dev);
		return ret;
	}
	ret = dev_open(dev);
	if (ret) {
		pr_err("lo: open failed: %d\n", ret);
		return ret;
	}
	loopback_dev = dev;
	return 0;
}
fs_initcall(loopback_net_init);
