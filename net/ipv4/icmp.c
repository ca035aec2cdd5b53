// SPDX-License-Identifier: MIT
/*
 * ICMP (RFC 792): answer echo requests ("ping") and tell senders of UDP to
 * a closed port that it is closed.
 *
 * An echo reply carries the request's identifier, sequence number and
 * data unchanged, with a fresh checksum, and goes back to the request's
 * source. Port-unreachable errors quote the offending IP header and the
 * first 8 bytes after it (RFC 792), and are rate-limited to
 * ICMP_RATELIMIT_BURST per second, counted when suppressed. Other ICMP
 * types are counted and dropped (UNHANDLED_PROTO).
 */
#include <linux/kernel.h>
#include <linux/string.h>
#include <linux/jiffies.h>
#include <linux/spinlock.h>
#include <linux/netdevice.h>
#include <linux/ip.h>
#include <linux/icmp.h>
#include <linux/in.h>
#include <net/checksum.h>
#include <net/ip.h>

struct icmpstats icmp_statistics;

#define ICMP_RATELIMIT_BURST 10

/* Send an ICMP message: @hdr then @len bytes at @data, to @daddr. */
static void icmp_push_reply(struct net_device *dev, const struct icmphdr *hdr,
			    const void *data, unsigned int len, __be32 saddr, __be32 daddr)
{
	struct icmphdr *icmph;
	struct sk_buff *skb;

	skb = alloc_skb(IP_HEADROOM + sizeof(*icmph) + len, GFP_ATOMIC);
	if (!skb)
		return;
	skb_reserve(skb, IP_HEADROOM);
	icmph = skb_put(skb, sizeof(*icmph));
	*icmph = *hdr;
	icmph->checksum = 0;
	memcpy(skb_put(skb, len), data, len);
	skb_reset_transport_header(skb);
	icmph->checksum = ip_compute_csum(icmph, sizeof(*icmph) + len);
	ip_send_skb(skb, dev, saddr, daddr, IPPROTO_ICMP);
}

/**
 * icmp_rcv - handle an ICMP message addressed to us; consumes @skb
 * skb->data is at the ICMP header; the IP header is at network_header.
 */
int icmp_rcv(struct sk_buff *skb)
{
	const struct iphdr *iph = (const struct iphdr *)skb_network_header(skb);
	struct icmphdr hdr;

	NET_INC_STATS(icmp_statistics.in_msgs);
	if (!pskb_may_pull(skb, sizeof(hdr))) {
		NET_INC_STATS(icmp_statistics.in_errors);
		kfree_skb_reason(skb, SKB_DROP_REASON_PKT_TOO_SMALL);
		return NET_RX_DROP;
	}
	if (csum_fold(csum_partial(skb->data, skb->len, 0)) != 0) {
		NET_INC_STATS(icmp_statistics.in_errors);
		kfree_skb_reason(skb, SKB_DROP_REASON_IP_CSUM);
		return NET_RX_DROP;
	}
	memcpy(&hdr, skb->data, sizeof(hdr));
	if (hdr.type != ICMP_ECHO || hdr.code != 0) {
		kfree_skb_reason(skb, SKB_DROP_REASON_UNHANDLED_PROTO);
		return NET_RX_DROP;
	}
	NET_INC_STATS(icmp_statistics.in_echos);
	/* Never answer a broadcast ping (smurf amplification). */
	if (iph->daddr == htonl(INADDR_BROADCAST) || skb->pkt_type == PACKET_BROADCAST) {
		consume_skb(skb);
		return NET_RX_SUCCESS;
	}
	hdr.type = ICMP_ECHOREPLY;
	NET_INC_STATS(icmp_statistics.out_echo_reps);
	icmp_push_reply(skb->dev, &hdr, skb->data + sizeof(hdr),
			skb->len - sizeof(hdr), iph->daddr, iph->saddr);
	consume_skb(skb);
	return NET_RX_SUCCESS;
}

static DEFINE_SPINLOCK(icmp_rl_lock);
static unsigned long icmp_rl_stamp;
static unsigned int icmp_rl_count;

static bool icmp_ratelimit_ok(void)
{
	unsigned long flags;
	bool ok;

	spin_lock_irqsave(&icmp_rl_lock, flags);
	if (time_after_eq(jiffies, icmp_rl_stamp + HZ)) {
		icmp_rl_stamp = jiffies;
		icmp_rl_count = 0;
	}
	ok = icmp_rl_count < ICMP_RATELIMIT_BURST;
	if (ok)
		icmp_rl_count++;
	spin_unlock_irqrestore(&icmp_rl_lock, flags);
	return ok;
}

/**
 * icmp_send_port_unreach - tell the sender of @skb that its port is closed
 * @skb: the UDP datagram (network_header valid); not consumed
 */
void icmp_send_port_unreach(struct sk_buff *skb)
{
	const struct iphdr *iph = (const struct iphdr *)skb_network_header(skb);
	unsigned int quote = iph->ihl * 4u + 8;
	struct icmphdr hdr = { .type = ICMP_DEST_UNREACH, .code = ICMP_PORT_UNREACH };
	unsigned int avail = (unsigned int)(skb_tail_pointer(skb) - (const unsigned char *)iph);

	if (iph->daddr == htonl(INADDR_BROADCAST) || skb->pkt_type != PACKET_HOST)
		return;
	if (!icmp_ratelimit_ok()) {
		NET_INC_STATS(icmp_statistics.out_ratelimited);
		return;
	}
	if (quote > avail)
		quote = avail;
	NET_INC_STATS(icmp_statistics.out_dest_unreachs);
	icmp_push_reply(skb->dev, &hdr, iph, quote, iph->daddr, iph->saddr);
}
