/* SPDX-License-Identifier: MIT */
/*
 * struct sk_buff - one packet and the buffer it lives in (net/core/skbuff.c).
 *
 * The buffer is one contiguous allocation:
 *
 *	head          data              tail             end
 *	 |  headroom   |  the packet      |   tailroom     |
 *
 * skb_reserve() makes headroom before anything is written, skb_put()
 * appends at tail, skb_push() prepends a header in front of data,
 * skb_pull() consumes one from the front as a layer is parsed. len is
 * always tail - data. Receive: the driver fills a buffer with a frame,
 * skb_put()s its length and hands it up; each layer skb_pull()s its header
 * after setting the matching *_header offset. Transmit is the same in
 * reverse with skb_push().
 *
 * skb_queue_head / skb_queue_tail / skb_dequeue form sk_buff_head queues
 * (a socket's receive queue, a device's backlog) with their own lock.
 */
#ifndef _LINUX_SKBUFF_H
#define _LINUX_SKBUFF_H

#include <linux/types.h>
#include <linux/compiler.h>
#include <linux/spinlock.h>
#include <linux/gfp.h>
#include <linux/byteorder.h>

struct net_device;
struct sock;

struct sk_buff {
	struct sk_buff *next, *prev;    /* in an sk_buff_head */
	struct net_device *dev;         /* received on / to be sent by */
	struct sock *sk;                /* owning socket, if any */
	unsigned char *head, *data;
	unsigned int tail, end;         /* offsets from head */
	unsigned int len;
	__be16 protocol;                /* ethertype, network byte order */
	u16 mac_header, network_header, transport_header; /* offsets from head */
	u8 pkt_type;                    /* PACKET_HOST, _BROADCAST, _MULTICAST, _OTHERHOST */
	u8 ip_summed;                   /* CHECKSUM_NONE / CHECKSUM_UNNECESSARY */
	char cb[48];                    /* per-layer scratch (e.g. the UDP source) */
};

#define PACKET_HOST      0
#define PACKET_BROADCAST 1
#define PACKET_MULTICAST 2
#define PACKET_OTHERHOST 3

#define CHECKSUM_NONE        0
#define CHECKSUM_UNNECESSARY 1

struct sk_buff_head {
	struct sk_buff *next, *prev;    /* first and last; the head itself when empty */
	u32 qlen;
	spinlock_t lock;
};

/* Allocation (net/core/skbuff.c): from a slab cache of buffers. */
struct sk_buff *alloc_skb(unsigned int size, gfp_t gfp);
/* For drivers: size bytes of data room after NET_SKB_PAD headroom. */
struct sk_buff *netdev_alloc_skb(struct net_device *dev, unsigned int size);
/*
 * Why a packet was dropped: every kfree_skb_reason() is counted under its
 * reason in skb_drop_count[] (shown by the "netstat -s"-like shell output),
 * so nothing is lost silently.
 */
enum skb_drop_reason {
	SKB_DROP_REASON_NOT_SPECIFIED,
	SKB_DROP_REASON_NO_SOCKET,        /* no socket bound to the port */
	SKB_DROP_REASON_PKT_TOO_SMALL,    /* shorter than its headers say */
	SKB_DROP_REASON_SOCKET_RCVBUFF,   /* socket receive queue full */
	SKB_DROP_REASON_UNHANDLED_PROTO,  /* ethertype / IP protocol we do not speak */
	SKB_DROP_REASON_IP_CSUM,          /* bad IPv4 header checksum */
	SKB_DROP_REASON_IP_INHDR,         /* bad IPv4 header (version, ihl, length) */
	SKB_DROP_REASON_IP_FRAG,          /* fragments: not reassembled */
	SKB_DROP_REASON_IP_OPTIONS,       /* IPv4 options: not handled */
	SKB_DROP_REASON_OTHERHOST,        /* not for us */
	SKB_DROP_REASON_UDP_CSUM,         /* bad UDP checksum */
	SKB_DROP_REASON_ARP_BAD,          /* malformed or unsupported ARP */
	SKB_DROP_REASON_NEIGH_FAILED,     /* ARP resolution failed / queue full */
	SKB_DROP_REASON_NOMEM,            /* no memory for a buffer */
	SKB_DROP_REASON_BACKLOG,          /* a per-CPU or device queue was full */
	SKB_DROP_REASON_TX_RING_FULL,     /* transmit ring full and queue not stopped */
	SKB_DROP_REASON_DEV_DOWN,         /* device not up */
	SKB_DROP_REASON_CPU_BACKLOG,      /* netif_rx(): this CPU's backlog is full */
	SKB_DROP_REASON_NO_CARRIER,       /* transmit while the link is down */
	SKB_DROP_REASON_MAX,
};
extern const char *const skb_drop_reason_names[SKB_DROP_REASON_MAX];
extern unsigned long skb_drop_count[SKB_DROP_REASON_MAX];

void kfree_skb_reason(struct sk_buff *skb, enum skb_drop_reason reason);

/*
 * The end of every sk_buff's life, as Linux's kfree_skb / consume_skb
 * tracepoints see it (what the drop monitor listens to): called just
 * before the skb is freed, with the drop reason, or SKB_CONSUMED from
 * consume_skb(). NULL when nobody listens.
 */
#define SKB_CONSUMED (-1)
extern void (*skb_free_trace)(struct sk_buff *skb, int reason);
void kfree_skb(struct sk_buff *skb);       /* a drop, reason NOT_SPECIFIED */
void consume_skb(struct sk_buff *skb);     /* a normal end of life */
struct sk_buff *skb_clone(struct sk_buff *skb, gfp_t gfp); /* a full copy here */

#define NET_SKB_PAD 64

static inline unsigned char *skb_tail_pointer(const struct sk_buff *skb)
{
	return skb->head + skb->tail;
}
static inline unsigned int skb_headroom(const struct sk_buff *skb)
{
	return (unsigned int)(skb->data - skb->head);
}
static inline unsigned int skb_tailroom(const struct sk_buff *skb)
{
	return skb->end - skb->tail;
}
static inline void skb_reserve(struct sk_buff *skb, unsigned int len)
{
	skb->data += len;
	skb->tail += len;
}
/* Append @len bytes; returns where they go. Overrunning end is a BUG. */
void *skb_put(struct sk_buff *skb, unsigned int len);
/* Prepend @len bytes; returns the new data. Underrunning head is a BUG. */
void *skb_push(struct sk_buff *skb, unsigned int len);
/* Consume @len bytes from the front; NULL (nothing changed) if len > skb->len. */
void *skb_pull(struct sk_buff *skb, unsigned int len);
/* Cut the packet to @len bytes (drops link-layer padding). */
void skb_trim(struct sk_buff *skb, unsigned int len);
/* True if @len bytes are available at data (the parsers' bounds check). */
static inline bool pskb_may_pull(struct sk_buff *skb, unsigned int len)
{
	return len <= skb->len;
}

static inline void skb_reset_mac_header(struct sk_buff *skb)
{
	skb->mac_header = (u16)(skb->data - skb->head);
}
static inline void skb_reset_network_header(struct sk_buff *skb)
{
	skb->network_header = (u16)(skb->data - skb->head);
}
static inline void skb_reset_transport_header(struct sk_buff *skb)
{
	skb->transport_header = (u16)(skb->data - skb->head);
}
static inline unsigned char *skb_mac_header(const struct sk_buff *skb)
{
	return skb->head + skb->mac_header;
}
static inline unsigned char *skb_network_header(const struct sk_buff *skb)
{
	return skb->head + skb->network_header;
}
static inline unsigned char *skb_transport_header(const struct sk_buff *skb)
{
	return skb->head + skb->transport_header;
}

/* Queues. The locked forms take q->lock with interrupts saved. */
void skb_queue_head_init(struct sk_buff_head *q);
void skb_queue_tail(struct sk_buff_head *q, struct sk_buff *skb);
void skb_queue_head(struct sk_buff_head *q, struct sk_buff *skb);
struct sk_buff *skb_dequeue(struct sk_buff_head *q);
void __skb_queue_tail(struct sk_buff_head *q, struct sk_buff *skb);
struct sk_buff *__skb_dequeue(struct sk_buff_head *q);
void skb_queue_purge(struct sk_buff_head *q);
static inline u32 skb_queue_len(const struct sk_buff_head *q) { return READ_ONCE(q->qlen); }
static inline bool skb_queue_empty(const struct sk_buff_head *q)
{
	return READ_ONCE(q->next) == (const struct sk_buff *)q;
}

/* Counters of net/core/skbuff.c (meminfo-style, for "netstat -s"). */
struct skb_stats {
	unsigned long allocated, freed, alloc_failed, dropped;
};
extern struct skb_stats skb_stats;

#endif
