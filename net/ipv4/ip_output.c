// SPDX-License-Identifier: MIT
/*
 * IPv4 transmit: route, then build the header in front of a transport
 * payload and hand the packet to the neighbour layer.
 *
 * Routing (ip_route_output) is the small table every host has, walked in
 * the order Linux's local, main and default routes would decide it:
 *
 *   1. 127.0.0.0/8 and the machine's own addresses (any device's) are
 *      local: they go through lo, never onto a wire. The source address
 *      is lo's 127.0.0.1 for 127/8 and the destination itself otherwise.
 *   2. 255.255.255.255 leaves through the first configured non-loopback
 *      device (eth0), to the Ethernet broadcast address.
 *   3. A destination on a device's subnet is reached directly through
 *      that device (the first such device in /proc/net/dev order).
 *   4. Anything else goes to the first device with a default gateway.
 *   5. Otherwise there is no route: NULL, counted in OutNoRoutes, and the
 *      sender gets -ENETUNREACH.
 *
 * A device that is down keeps its routes (simpler than Linux, which
 * removes them): sending through it fails with -ENETDOWN, counted in its
 * tx_dropped and as a DEV_DOWN drop, rather than silently elsewhere.
 * Every packet is sent with DF set (irqos never fragments), TTL 64 and an
 * ID from one counter.
 */
#include <linux/kernel.h>
#include <linux/errno.h>
#include <linux/netdevice.h>
#include <linux/ip.h>
#include <linux/in.h>
#include <net/checksum.h>
#include <net/ip.h>
#include <net/arp.h>

static u16 ip_ident;

static struct net_device *loopback_dev_with_addr(void)
{
	struct net_device *dev;

	for_each_netdev(dev)
		if ((dev->flags & IFF_LOOPBACK) && __in_dev_get(dev))
			return dev;
	return NULL;
}

/**
 * ip_route_output - the device for @daddr, and our source address on it
 * @daddr: the destination, network order
 * @saddr: set to the source address to use (network order)
 *
 * See the file comment for the order of the rules.
 *
 * Return: the device, or NULL if no route leads to @daddr (counted in
 * OutNoRoutes).
 */
struct net_device *ip_route_output(__be32 daddr, __be32 *saddr)
{
	struct net_device *dev;
	bool loop = (ntohl(daddr) >> 24) == 127;

	if (loop || inet_addr_local_dev(daddr)) {
		dev = loopback_dev_with_addr();
		if (dev) {
			*saddr = loop ? __in_dev_get(dev)->ifa_address : daddr;
			return dev;
		}
	} else if (daddr == htonl(INADDR_BROADCAST)) {
		dev = inet_first_dev();
		if (dev) {
			*saddr = __in_dev_get(dev)->ifa_address;
			return dev;
		}
	} else {
		for_each_netdev(dev) {
			const struct in_device *in_dev = __in_dev_get(dev);

			if (in_dev && in_dev->ifa_address && !(dev->flags & IFF_LOOPBACK) &&
			    !((daddr ^ in_dev->ifa_address) & in_dev->ifa_mask)) {
				*saddr = in_dev->ifa_address;
				return dev;
			}
		}
		for_each_netdev(dev) {
			const struct in_device *in_dev = __in_dev_get(dev);

			if (in_dev && in_dev->gateway && in_dev->ifa_address &&
			    !(dev->flags & IFF_LOOPBACK)) {
				*saddr = in_dev->ifa_address;
				return dev;
			}
		}
	}
	NET_INC_STATS(ip_statistics.out_no_routes);
	return NULL;
}

/* The next hop for @daddr on @dev: itself if on-link (always, on a device
 * without neighbours such as lo), else the gateway. */
static __be32 ip_nexthop(const struct net_device *dev, const struct in_device *in_dev,
			 __be32 daddr)
{
	if (daddr == htonl(INADDR_BROADCAST) || (dev->flags & (IFF_LOOPBACK | IFF_NOARP)))
		return daddr;
	if (((daddr ^ in_dev->ifa_address) & in_dev->ifa_mask) == 0)
		return daddr;
	return in_dev->gateway;
}

/**
 * ip_send_skb - put an IPv4 header in front of @skb and send it
 * @skb: data at the transport header, with IP_HEADROOM of headroom; consumed
 * @saddr, @daddr: network order
 * Returns 0 if the packet was sent or queued for ARP, else -errno
 * (-ENETDOWN: @dev is down; the packet is counted in its tx_dropped).
 */
int ip_send_skb(struct sk_buff *skb, struct net_device *dev, __be32 saddr,
		__be32 daddr, u8 protocol)
{
	struct in_device *in_dev = __in_dev_get(dev);
	unsigned int len = skb->len + sizeof(struct iphdr);
	struct iphdr *iph;
	__be32 nexthop;

	NET_INC_STATS(ip_statistics.out_requests);
	if (!in_dev || len > dev->mtu) {
		kfree_skb_reason(skb, SKB_DROP_REASON_NOT_SPECIFIED);
		return in_dev ? -EMSGSIZE : -ENETUNREACH;
	}
	if (!(READ_ONCE(dev->flags) & IFF_UP)) {
		__atomic_fetch_add(&dev->stats.tx_dropped, 1, __ATOMIC_RELAXED);
		kfree_skb_reason(skb, SKB_DROP_REASON_DEV_DOWN);
		return -ENETDOWN;
	}
	nexthop = ip_nexthop(dev, in_dev, daddr);
	if (!nexthop) {
		NET_INC_STATS(ip_statistics.out_no_routes);
		kfree_skb_reason(skb, SKB_DROP_REASON_NOT_SPECIFIED);
		return -ENETUNREACH;
	}
	iph = skb_push(skb, sizeof(*iph));
	skb_reset_network_header(skb);
	iph->version = 4;
	iph->ihl = 5;
	iph->tos = 0;
	iph->tot_len = htons((u16)len);
	iph->id = htons(__atomic_fetch_add(&ip_ident, 1, __ATOMIC_RELAXED));
	iph->frag_off = htons(IP_DF);
	iph->ttl = IP_DEFAULT_TTL;
	iph->protocol = protocol;
	iph->check = 0;
	iph->saddr = saddr;
	iph->daddr = daddr;
	iph->check = ip_compute_csum(iph, sizeof(*iph));
	return neigh_output(skb, dev, nexthop);
}
