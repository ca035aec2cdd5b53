// SPDX-License-Identifier: MIT
/*
 * IPv4 transmit: route, then build the header in front of a transport
 * payload and hand the packet to the neighbour layer.
 *
 * Routing is the two-entry table every host has: the interface's own
 * subnet is reached directly, everything else via the default gateway.
 * The limited broadcast address goes to the Ethernet broadcast address.
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

/**
 * ip_route_output - the device for @daddr, and our source address on it
 * @saddr: set to the device's address (network order)
 * Returns NULL if no configured device exists.
 */
struct net_device *ip_route_output(__be32 daddr, __be32 *saddr)
{
	struct net_device *dev = inet_first_dev();
	struct in_device *in_dev;

	if (!dev)
		return NULL;
	in_dev = __in_dev_get(dev);
	*saddr = in_dev->ifa_address;
	return dev;
}

/* The next hop for @daddr on @in_dev: itself if on-link, else the gateway. */
static __be32 ip_nexthop(const struct in_device *in_dev, __be32 daddr)
{
	if (daddr == htonl(INADDR_BROADCAST))
		return daddr;
	if (((daddr ^ in_dev->ifa_address) & in_dev->ifa_mask) == 0)
		return daddr;
	return in_dev->gateway;
}

/**
 * ip_send_skb - put an IPv4 header in front of @skb and send it
 * @skb: data at the transport header, with IP_HEADROOM of headroom; consumed
 * @saddr, @daddr: network order
 * Returns 0 if the packet was sent or queued for ARP, else -errno.
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
	nexthop = ip_nexthop(in_dev, daddr);
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
