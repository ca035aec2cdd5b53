/* SPDX-License-Identifier: MIT */
/*
 * ARP and the neighbour cache (net/ipv4/arp.c).
 *
 * One table of IPv4 -> Ethernet address entries, each in a state:
 *	INCOMPLETE  a request is out; up to ARP_QUEUE_LEN packets wait for it;
 *	            re-sent every ARP_RETRANS_TIME, FAILED after ARP_MAX_PROBES
 *	REACHABLE   confirmed by a reply within ARP_REACHABLE_TIME
 *	STALE       older than that; still used, and re-confirmed on use
 *	FAILED      no answer; the waiting packets were dropped (NEIGH_FAILED)
 * Each entry has a timer_list that moves it along.
 */
#ifndef _NET_ARP_H
#define _NET_ARP_H

#include <linux/types.h>
#include <linux/netdevice.h>
#include <linux/timer.h>
#include <linux/jiffies.h>

#define NUD_NONE       0x00
#define NUD_INCOMPLETE 0x01
#define NUD_REACHABLE  0x02
#define NUD_STALE      0x04
#define NUD_FAILED     0x20

#define ARP_TABLE_SIZE      32
#define ARP_QUEUE_LEN       3
#define ARP_MAX_PROBES      3
#define ARP_RETRANS_TIME    (HZ)        /* 1 s between requests */
#define ARP_REACHABLE_TIME  (30 * HZ)   /* REACHABLE -> STALE */

struct neighbour {
	__be32 ip;
	struct net_device *dev;
	u8 ha[ETH_ALEN];
	u8 nud_state;
	u8 probes;                      /* requests sent while INCOMPLETE */
	unsigned long updated;          /* jiffies of the last confirmation */
	struct sk_buff_head arp_queue;  /* packets waiting for resolution */
	struct timer_list timer;
};

struct arpstats {
	unsigned long in_requests, in_replies, out_requests, out_replies;
	unsigned long learned, failed, queue_drops;
};
extern struct arpstats arp_statistics;

int arp_rcv(struct sk_buff *skb, struct net_device *dev,
	    struct packet_type *pt, struct net_device *orig_dev);
/* Send an IP packet (data at the IP header) to @nexthop: now if its address
 * is known, else after resolution. Consumes @skb. */
int neigh_output(struct sk_buff *skb, struct net_device *dev, __be32 nexthop);
/* Look up @ip; copies the entry into @out. Returns false if absent. */
bool neigh_lookup_copy(__be32 ip, struct neighbour *out);
/* Visit every entry (under the table lock: @fn must not sleep). */
void neigh_for_each(void (*fn)(const struct neighbour *n, void *arg), void *arg);
const char *neigh_state_name(u8 state);
void neigh_flush_all(void);
void arp_init(void);

#endif
