// SPDX-License-Identifier: MIT
/*
 * ARP (RFC 826) for Ethernet/IPv4 and the neighbour cache it fills.
 *
 * Receive (arp_rcv, the ETH_P_ARP packet_type): a request for our address
 * is answered; a request or reply addressed to us teaches us the sender's
 * hardware address (an entry we already have is refreshed by any ARP
 * packet from that sender). Anything malformed is dropped as ARP_BAD.
 *
 * Transmit (neigh_output): a device without ARP (IFF_NOARP, or lo) sends
 * every IP packet to its dev->broadcast at once. Otherwise a packet for a
 * next hop whose address is known goes straight out with an Ethernet
 * header; one for an unknown next hop waits on
 * its INCOMPLETE entry (at most ARP_QUEUE_LEN packets; more are dropped
 * as NEIGH_FAILED) while the entry's timer re-sends the request every
 * second. The reply flushes the queue; three unanswered requests drop it.
 *
 * The table is small and fixed (ARP_TABLE_SIZE entries, a linear search)
 * and guarded by one lock taken with interrupts off, because it is used
 * from the NET_RX softirq, timers and process context alike. Frames are
 * never handed to dev_queue_xmit() with the lock held.
 */
#include <linux/kernel.h>
#include <linux/errno.h>
#include <linux/string.h>
#include <linux/spinlock.h>
#include <linux/jiffies.h>
#include <linux/netdevice.h>
#include <linux/if_arp.h>
#include <net/arp.h>
#include <net/ip.h>

struct arpstats arp_statistics;

static struct neighbour arp_tbl[ARP_TABLE_SIZE];
static DEFINE_SPINLOCK(arp_lock);

/**
 * neigh_state_name - the ip-neigh name of a NUD_* state
 */
const char *neigh_state_name(u8 state)
{
	switch (state) {
	case NUD_INCOMPLETE: return "INCOMPLETE";
	case NUD_REACHABLE:  return "REACHABLE";
	case NUD_STALE:      return "STALE";
	case NUD_FAILED:     return "FAILED";
	default:             return "NONE";
	}
}

/* Build and send one ARP packet. Called without arp_lock. */
static void arp_send(struct net_device *dev, u16 op, __be32 tip, const u8 *tha,
		     const u8 *dest_hw)
{
	struct in_device *in_dev = __in_dev_get(dev);
	struct sk_buff *skb;
	struct arphdr *arp;
	struct arp_eth_body *body;

	if (!in_dev)
		return;
	skb = alloc_skb(NET_SKB_PAD + ETH_HLEN + sizeof(*arp) + sizeof(*body), GFP_ATOMIC);
	if (!skb)
		return;
	skb_reserve(skb, NET_SKB_PAD + ETH_HLEN);
	skb_reset_network_header(skb);
	arp = skb_put(skb, sizeof(*arp));
	arp->ar_hrd = htons(ARPHRD_ETHER);
	arp->ar_pro = htons(ETH_P_IP);
	arp->ar_hln = ETH_ALEN;
	arp->ar_pln = 4;
	arp->ar_op = htons(op);
	body = skb_put(skb, sizeof(*body));
	memcpy(body->ar_sha, dev->dev_addr, ETH_ALEN);
	body->ar_sip = in_dev->ifa_address;
	if (tha)
		memcpy(body->ar_tha, tha, ETH_ALEN);
	else
		memset(body->ar_tha, 0, ETH_ALEN);
	body->ar_tip = tip;
	skb->dev = dev;
	skb->protocol = htons(ETH_P_ARP);
	if (eth_header(skb, dev, ETH_P_ARP, dest_hw, dev->dev_addr) < 0) {
		kfree_skb_reason(skb, SKB_DROP_REASON_NOT_SPECIFIED);
		return;
	}
	if (op == ARPOP_REQUEST)
		NET_INC_STATS(arp_statistics.out_requests);
	else
		NET_INC_STATS(arp_statistics.out_replies);
	dev_queue_xmit(skb);
}

/* Send @skb (data at the IP header) to @ha. */
static int neigh_xmit_to(struct sk_buff *skb, struct net_device *dev, const u8 *ha)
{
	skb->dev = dev;
	skb->protocol = htons(ETH_P_IP);
	if (eth_header(skb, dev, ETH_P_IP, ha, dev->dev_addr) < 0) {
		kfree_skb_reason(skb, SKB_DROP_REASON_NOT_SPECIFIED);
		return -ENOMEM;
	}
	return dev_queue_xmit(skb);
}

static struct neighbour *__neigh_find(__be32 ip)
{
	for (int i = 0; i < ARP_TABLE_SIZE; i++)
		if (arp_tbl[i].nud_state != NUD_NONE && arp_tbl[i].ip == ip)
			return &arp_tbl[i];
	return NULL;
}

/* A free slot, else the oldest FAILED/STALE/REACHABLE one (not INCOMPLETE). */
static struct neighbour *__neigh_alloc(void)
{
	struct neighbour *victim = NULL;

	for (int i = 0; i < ARP_TABLE_SIZE; i++) {
		struct neighbour *n = &arp_tbl[i];

		if (n->nud_state == NUD_NONE)
			return n;
		if (n->nud_state == NUD_INCOMPLETE)
			continue;
		if (!victim || time_before(n->updated, victim->updated))
			victim = n;
	}
	if (victim) {
		del_timer(&victim->timer);
		victim->nud_state = NUD_NONE;
	}
	return victim;
}

/* Entry confirmed with hardware address @ha: REACHABLE, and take its queue. */
static void __neigh_confirm(struct neighbour *n, const u8 *ha, struct sk_buff_head *out)
{
	struct sk_buff *skb;

	memcpy(n->ha, ha, ETH_ALEN);
	n->nud_state = NUD_REACHABLE;
	n->probes = 0;
	n->updated = jiffies;
	mod_timer(&n->timer, jiffies + ARP_REACHABLE_TIME);
	while ((skb = __skb_dequeue(&n->arp_queue)))
		__skb_queue_tail(out, skb);
}

static void neigh_send_queue(struct sk_buff_head *q, struct net_device *dev, const u8 *ha)
{
	struct sk_buff *skb;

	while ((skb = __skb_dequeue(q)))
		neigh_xmit_to(skb, dev, ha);
}

static void neigh_timer_handler(struct timer_list *t)
{
	struct neighbour *n = container_of(t, struct neighbour, timer);
	struct sk_buff_head dropq;
	struct net_device *dev = NULL;
	struct sk_buff *skb;
	unsigned long flags;
	__be32 ip = 0;

	skb_queue_head_init(&dropq);
	spin_lock_irqsave(&arp_lock, flags);
	switch (n->nud_state) {
	case NUD_REACHABLE:
		n->nud_state = NUD_STALE;
		break;
	case NUD_INCOMPLETE:
		if (n->probes >= ARP_MAX_PROBES) {
			n->nud_state = NUD_FAILED;
			n->updated = jiffies;
			NET_INC_STATS(arp_statistics.failed);
			while ((skb = __skb_dequeue(&n->arp_queue)))
				__skb_queue_tail(&dropq, skb);
			/* Forget the failure after a while so a later send retries. */
			mod_timer(&n->timer, jiffies + ARP_REACHABLE_TIME);
		} else {
			n->probes++;
			dev = n->dev;
			ip = n->ip;
			mod_timer(&n->timer, jiffies + ARP_RETRANS_TIME);
		}
		break;
	case NUD_FAILED:
		n->nud_state = NUD_NONE;
		break;
	default:
		break;
	}
	spin_unlock_irqrestore(&arp_lock, flags);

	while ((skb = __skb_dequeue(&dropq)))
		kfree_skb_reason(skb, SKB_DROP_REASON_NEIGH_FAILED);
	if (dev)
		arp_send(dev, ARPOP_REQUEST, ip, NULL, NULL);
}

/**
 * neigh_output - send an IP packet to the neighbour @nexthop
 * @skb: data at the IP header; consumed
 * Resolves @nexthop first if needed; see the file comment.
 */
int neigh_output(struct sk_buff *skb, struct net_device *dev, __be32 nexthop)
{
	struct neighbour *n;
	unsigned long flags;
	bool request = false, refresh = false;
	u8 ha[ETH_ALEN];

	/* No neighbours to resolve: broadcasts, and devices without ARP
	 * (lo's frames go to its all-zero "broadcast" address). */
	if (nexthop == htonl(INADDR_BROADCAST) || (dev->flags & (IFF_LOOPBACK | IFF_NOARP)))
		return neigh_xmit_to(skb, dev, dev->broadcast);

	spin_lock_irqsave(&arp_lock, flags);
	n = __neigh_find(nexthop);
	if (n && (n->nud_state & (NUD_REACHABLE | NUD_STALE))) {
		memcpy(ha, n->ha, ETH_ALEN);
		refresh = n->nud_state == NUD_STALE &&
			  time_after(jiffies, n->updated + ARP_RETRANS_TIME);
		if (refresh)
			n->updated = jiffies;   /* at most one refresh per second */
		spin_unlock_irqrestore(&arp_lock, flags);
		if (refresh)
			arp_send(dev, ARPOP_REQUEST, nexthop, NULL, NULL);
		return neigh_xmit_to(skb, dev, ha);
	}
	if (n && n->nud_state == NUD_FAILED) {
		/* Resolution failed recently: try again from scratch. */
		del_timer(&n->timer);
		n->nud_state = NUD_NONE;
		n = NULL;
	}
	if (!n) {
		n = __neigh_alloc();
		if (!n) {
			spin_unlock_irqrestore(&arp_lock, flags);
			NET_INC_STATS(arp_statistics.queue_drops);
			kfree_skb_reason(skb, SKB_DROP_REASON_NEIGH_FAILED);
			return -ENOBUFS;
		}
		n->ip = nexthop;
		n->dev = dev;
		n->nud_state = NUD_INCOMPLETE;
		n->probes = 1;
		n->updated = jiffies;
		memset(n->ha, 0, ETH_ALEN);
		mod_timer(&n->timer, jiffies + ARP_RETRANS_TIME);
		request = true;
	}
	if (skb_queue_len(&n->arp_queue) >= ARP_QUEUE_LEN) {
		spin_unlock_irqrestore(&arp_lock, flags);
		NET_INC_STATS(arp_statistics.queue_drops);
		kfree_skb_reason(skb, SKB_DROP_REASON_NEIGH_FAILED);
		return -ENOBUFS;
	}
	skb->dev = dev;
	__skb_queue_tail(&n->arp_queue, skb);
	spin_unlock_irqrestore(&arp_lock, flags);
	if (request)
		arp_send(dev, ARPOP_REQUEST, nexthop, NULL, NULL);
	return 0;
}

/**
 * arp_rcv - the ETH_P_ARP handler; consumes @skb
 */
int arp_rcv(struct sk_buff *skb, struct net_device *dev,
	    struct packet_type *pt, struct net_device *orig_dev)
{
	struct in_device *in_dev = __in_dev_get(dev);
	struct sk_buff_head sendq;
	struct arp_eth_body body;
	struct arphdr *arp;
	struct neighbour *n;
	unsigned long flags;
	bool for_us, reply = false;
	u16 op;

	if (!pskb_may_pull(skb, sizeof(*arp) + sizeof(body)))
		goto bad;
	arp = (struct arphdr *)skb->data;
	if (arp->ar_hrd != htons(ARPHRD_ETHER) || arp->ar_pro != htons(ETH_P_IP) ||
	    arp->ar_hln != ETH_ALEN || arp->ar_pln != 4)
		goto bad;
	op = ntohs(arp->ar_op);
	if (op != ARPOP_REQUEST && op != ARPOP_REPLY)
		goto bad;
	memcpy(&body, arp + 1, sizeof(body));
	/* A multicast or zero sender hardware address is never learned. */
	if (!is_valid_ether_addr(body.ar_sha))
		goto bad;
	if (!in_dev || !in_dev->ifa_address) {
		consume_skb(skb);
		return NET_RX_SUCCESS;
	}
	if (op == ARPOP_REQUEST)
		NET_INC_STATS(arp_statistics.in_requests);
	else
		NET_INC_STATS(arp_statistics.in_replies);

	for_us = body.ar_tip == in_dev->ifa_address;
	skb_queue_head_init(&sendq);
	spin_lock_irqsave(&arp_lock, flags);
	n = __neigh_find(body.ar_sip);
	if (n || (for_us && body.ar_sip)) {
		if (!n) {
			n = __neigh_alloc();
			if (n) {
				n->ip = body.ar_sip;
				n->dev = dev;
				NET_INC_STATS(arp_statistics.learned);
			}
		}
		if (n)
			__neigh_confirm(n, body.ar_sha, &sendq);
	}
	spin_unlock_irqrestore(&arp_lock, flags);

	if (for_us && op == ARPOP_REQUEST)
		reply = true;
	if (reply)
		arp_send(dev, ARPOP_REPLY, body.ar_sip, body.ar_sha, body.ar_sha);
	neigh_send_queue(&sendq, dev, body.ar_sha);
	consume_skb(skb);
	return NET_RX_SUCCESS;
bad:
	kfree_skb_reason(skb, SKB_DROP_REASON_ARP_BAD);
	return NET_RX_DROP;
}

/**
 * neigh_lookup_copy - copy the cache entry for @ip into @out
 */
bool neigh_lookup_copy(__be32 ip, struct neighbour *out)
{
	struct neighbour *n;
	unsigned long flags;
	bool found = false;

	spin_lock_irqsave(&arp_lock, flags);
	n = __neigh_find(ip);
	if (n) {
		memcpy(out, n, sizeof(*out));
		found = true;
	}
	spin_unlock_irqrestore(&arp_lock, flags);
	return found;
}

/**
 * neigh_for_each - call @fn on every entry in use, under the table lock
 */
void neigh_for_each(void (*fn)(const struct neighbour *n, void *arg), void *arg)
{
	unsigned long flags;

	spin_lock_irqsave(&arp_lock, flags);
	for (int i = 0; i < ARP_TABLE_SIZE; i++)
		if (arp_tbl[i].nud_state != NUD_NONE)
			fn(&arp_tbl[i], arg);
	spin_unlock_irqrestore(&arp_lock, flags);
}

/**
 * neigh_flush_all - forget every entry, dropping what waits on them
 */
void neigh_flush_all(void)
{
	struct sk_buff_head dropq;
	struct sk_buff *skb;
	unsigned long flags;

	skb_queue_head_init(&dropq);
	for (int i = 0; i < ARP_TABLE_SIZE; i++)
		del_timer_sync(&arp_tbl[i].timer);
	spin_lock_irqsave(&arp_lock, flags);
	for (int i = 0; i < ARP_TABLE_SIZE; i++) {
		arp_tbl[i].nud_state = NUD_NONE;
		while ((skb = __skb_dequeue(&arp_tbl[i].arp_queue)))
			__skb_queue_tail(&dropq, skb);
	}
	spin_unlock_irqrestore(&arp_lock, flags);
	while ((skb = __skb_dequeue(&dropq)))
		kfree_skb_reason(skb, SKB_DROP_REASON_NEIGH_FAILED);
}

static struct packet_type arp_packet_type = {
	.type = htons(ETH_P_ARP),
	.func = arp_rcv,
};

/**
 * arp_init - set up the table and register the ETH_P_ARP handler
 */
void arp_init(void)
{
	for (int i = 0; i < ARP_TABLE_SIZE; i++) {
		skb_queue_head_init(&arp_tbl[i].arp_queue);
		timer_setup(&arp_tbl[i].timer, neigh_timer_handler, 0);
	}
	dev_add_pack(&arp_packet_type);
}
