// SPDX-License-Identifier: MIT
/*
 * IPv4 receive: ip_rcv(), the ETH_P_IP packet_type handler, called from
 * the NET_RX softirq with skb->data at the IP header.
 *
 * The header is checked in the order a router would (RFC 1122 3.2.1):
 * length and version, header checksum, total length against what arrived
 * (Ethernet pads short frames to 60 bytes; the padding is trimmed), then
 * the things irqos does not implement - options and fragments - and the
 * destination. Each failure drops the packet under its own reason, so
 * every packet that is not delivered is counted. What remains goes to
 * ICMP or UDP with skb->data at the transport header.
 */
#include <linux/kernel.h>
#include <linux/netdevice.h>
#include <linux/ip.h>
#include <linux/in.h>
#include <net/checksum.h>
#include <net/ip.h>
#include <net/udp.h>

struct ipstats ip_statistics;

static int ip_drop(struct sk_buff *skb, enum skb_drop_reason reason)
{
	kfree_skb_reason(skb, reason);
	return NET_RX_DROP;
}

/**
 * ip_rcv - handle one received IPv4 packet; consumes @skb
 * Returns NET_RX_SUCCESS if it was delivered to a protocol, else NET_RX_DROP.
 */
int ip_rcv(struct sk_buff *skb, struct net_device *dev,
	   struct packet_type *pt, struct net_device *orig_dev)
{
	struct in_device *in_dev = __in_dev_get(dev);
	const struct iphdr *iph;
	unsigned int ihl, tot_len;
	u16 frag;

	NET_INC_STATS(ip_statistics.in_receives);
	if (skb->pkt_type == PACKET_OTHERHOST) {
		NET_INC_STATS(ip_statistics.in_addr_errors);
		return ip_drop(skb, SKB_DROP_REASON_OTHERHOST);
	}
	if (!pskb_may_pull(skb, sizeof(struct iphdr))) {
		NET_INC_STATS(ip_statistics.in_hdr_errors);
		return ip_drop(skb, SKB_DROP_REASON_PKT_TOO_SMALL);
	}
	iph = (const struct iphdr *)skb->data;
	ihl = iph->ihl * 4u;
	if (iph->version != 4 || ihl < sizeof(struct iphdr)) {
		NET_INC_STATS(ip_statistics.in_hdr_errors);
		return ip_drop(skb, SKB_DROP_REASON_IP_INHDR);
	}
	if (!pskb_may_pull(skb, ihl)) {
		NET_INC_STATS(ip_statistics.in_hdr_errors);
		return ip_drop(skb, SKB_DROP_REASON_PKT_TOO_SMALL);
	}
	if (csum_fold(csum_partial(iph, ihl, 0)) != 0) {
		NET_INC_STATS(ip_statistics.in_hdr_errors);
		return ip_drop(skb, SKB_DROP_REASON_IP_CSUM);
	}
	tot_len = ntohs(iph->tot_len);
	if (tot_len > skb->len) {
		NET_INC_STATS(ip_statistics.in_hdr_errors);
		return ip_drop(skb, SKB_DROP_REASON_PKT_TOO_SMALL);
	}
	if (tot_len < ihl) {
		NET_INC_STATS(ip_statistics.in_hdr_errors);
		return ip_drop(skb, SKB_DROP_REASON_IP_INHDR);
	}
	if (skb->len > tot_len)
		skb_trim(skb, tot_len);
	if (ihl > sizeof(struct iphdr)) {
		NET_INC_STATS(ip_statistics.in_discards);
		return ip_drop(skb, SKB_DROP_REASON_IP_OPTIONS);
	}
	frag = ntohs(iph->frag_off);
	if (frag & (IP_MF | IP_OFFSET)) {
		NET_INC_STATS(ip_statistics.frag_fails);
		return ip_drop(skb, SKB_DROP_REASON_IP_FRAG);
	}
	/* lo carries what the machine sends itself: any of its addresses. */
	if (!in_dev || !in_dev->ifa_address ||
	    (!inet_addr_is_local(dev, iph->daddr) &&
	     !((dev->flags & IFF_LOOPBACK) && inet_addr_local_dev(iph->daddr)))) {
		NET_INC_STATS(ip_statistics.in_addr_errors);
		return ip_drop(skb, SKB_DROP_REASON_OTHERHOST);
	}
	/* TTL is only checked when forwarding; a local delivery takes TTL 0 too. */

	skb_reset_network_header(skb);
	skb_pull(skb, ihl);
	skb_reset_transport_header(skb);
	switch (iph->protocol) {
	case IPPROTO_ICMP:
		NET_INC_STATS(ip_statistics.in_delivers);
		return icmp_rcv(skb);
	case IPPROTO_UDP:
		NET_INC_STATS(ip_statistics.in_delivers);
		return udp_rcv(skb);
	default:
		NET_INC_STATS(ip_statistics.in_unknown_protos);
		return ip_drop(skb, SKB_DROP_REASON_UNHANDLED_PROTO);
	}
}

static struct packet_type ip_packet_type = {
	.type = htons(ETH_P_IP),
	.func = ip_rcv,
};

/**
 * ip_init - register the ETH_P_IP handler
 */
void ip_init(void)
{
	dev_add_pack(&ip_packet_type);
}
