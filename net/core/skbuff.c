// SPDX-License-Identifier: MIT
/*
 * Socket buffers: allocation, the head/data/tail/end arithmetic, queues
 * and counted drops (the API is include/linux/skbuff.h).
 *
 * An sk_buff and its data are two kmalloc()s: the struct from its own
 * size class, the buffer from the size class that fits (kmalloc's classes
 * are powers of two up to 2048, carved from whole pages, so a buffer never
 * straddles a page; larger ones come whole from the page allocator). The
 * buffer is therefore physically contiguous and a driver may hand
 * __pa(skb->data) to a device for DMA.
 *
 * Why every drop has a reason: the design rule "nothing is lost silently".
 * kfree_skb_reason() bumps skb_drop_count[reason]; the "netdrops" shell
 * command (net/core/net-procfs.c) prints the table by name.
 */
#include <linux/kernel.h>
#include <linux/errno.h>
#include <linux/string.h>
#include <linux/slab.h>
#include <linux/bug.h>
#include <linux/skbuff.h>
#include <linux/netdevice.h>

const char *const skb_drop_reason_names[SKB_DROP_REASON_MAX] = {
	[SKB_DROP_REASON_NOT_SPECIFIED]   = "NOT_SPECIFIED",
	[SKB_DROP_REASON_NO_SOCKET]       = "NO_SOCKET",
	[SKB_DROP_REASON_PKT_TOO_SMALL]   = "PKT_TOO_SMALL",
	[SKB_DROP_REASON_SOCKET_RCVBUFF]  = "SOCKET_RCVBUFF",
	[SKB_DROP_REASON_UNHANDLED_PROTO] = "UNHANDLED_PROTO",
	[SKB_DROP_REASON_IP_CSUM]         = "IP_CSUM",
	[SKB_DROP_REASON_IP_INHDR]        = "IP_INHDR",
	[SKB_DROP_REASON_IP_FRAG]         = "IP_FRAG",
	[SKB_DROP_REASON_IP_OPTIONS]      = "IP_OPTIONS",
	[SKB_DROP_REASON_OTHERHOST]       = "OTHERHOST",
	[SKB_DROP_REASON_UDP_CSUM]        = "UDP_CSUM",
	[SKB_DROP_REASON_ARP_BAD]         = "ARP_BAD",
	[SKB_DROP_REASON_NEIGH_FAILED]    = "NEIGH_FAILED",
	[SKB_DROP_REASON_NOMEM]           = "NOMEM",
	[SKB_DROP_REASON_BACKLOG]         = "BACKLOG",
	[SKB_DROP_REASON_TX_RING_FULL]    = "TX_RING_FULL",
	[SKB_DROP_REASON_DEV_DOWN]        = "DEV_DOWN",
	[SKB_DROP_REASON_CPU_BACKLOG]     = "CPU_BACKLOG",
	[SKB_DROP_REASON_NO_CARRIER]      = "NO_CARRIER",
};

unsigned long skb_drop_count[SKB_DROP_REASON_MAX];
struct skb_stats skb_stats;
void (*skb_free_trace)(struct sk_buff *skb, int reason);

static void stat_inc(unsigned long *c)
{
	__atomic_fetch_add(c, 1, __ATOMIC_RELAXED);
}

/**
 * alloc_skb - a new, empty sk_buff with @size bytes of buffer
 * @size: buffer bytes (headroom + data + tailroom)
 * @gfp: GFP_ATOMIC from interrupt or softirq context
 *
 * Return: the skb with data == tail == head and len 0, or NULL (counted
 * in skb_stats.alloc_failed).
 */
struct sk_buff *alloc_skb(unsigned int size, gfp_t gfp)
{
	struct sk_buff *skb;

	if (!size || size > 0xffff)
		goto fail;
	skb = kzalloc(sizeof(*skb), gfp);
	if (!skb)
		goto fail;
	skb->head = kmalloc(size, gfp);
	if (!skb->head) {
		kfree(skb);
		goto fail;
	}
	skb->data = skb->head;
	skb->tail = 0;
	skb->end = size;
	stat_inc(&skb_stats.allocated);
	return skb;
fail:
	stat_inc(&skb_stats.alloc_failed);
	return NULL;
}

/**
 * netdev_alloc_skb - a receive buffer for @dev
 * @dev: the device that will fill it (recorded in skb->dev)
 * @size: bytes of data room after the NET_SKB_PAD headroom
 */
struct sk_buff *netdev_alloc_skb(struct net_device *dev, unsigned int size)
{
	struct sk_buff *skb = alloc_skb(size + NET_SKB_PAD, GFP_ATOMIC);

	if (skb) {
		skb_reserve(skb, NET_SKB_PAD);
		skb->dev = dev;
	}
	return skb;
}

static void skb_release(struct sk_buff *skb)
{
	WARN_ON(skb->next || skb->prev);   /* still on a queue */
	kfree(skb->head);
	skb->head = NULL;
	kfree(skb);
	stat_inc(&skb_stats.freed);
}

/**
 * kfree_skb_reason - drop a packet, counting why
 * @skb: the packet (NULL is ignored)
 * @reason: counted in skb_drop_count[]; out of range counts NOT_SPECIFIED
 */
void kfree_skb_reason(struct sk_buff *skb, enum skb_drop_reason reason)
{
	if (!skb)
		return;
	if (WARN_ON((unsigned int)reason >= SKB_DROP_REASON_MAX))
		reason = SKB_DROP_REASON_NOT_SPECIFIED;
	stat_inc(&skb_drop_count[reason]);
	stat_inc(&skb_stats.dropped);
	if (skb_free_trace)
		skb_free_trace(skb, (int)reason);
	skb_release(skb);
}

/** kfree_skb - drop a packet for an unspecified reason */
void kfree_skb(struct sk_buff *skb)
{
	kfree_skb_reason(skb, SKB_DROP_REASON_NOT_SPECIFIED);
}

/** consume_skb - free a packet that was delivered or sent (not a drop) */
void consume_skb(struct sk_buff *skb)
{
	if (!skb)
		return;
	if (skb_free_trace)
		skb_free_trace(skb, SKB_CONSUMED);
	skb_release(skb);
}

/**
 * skb_clone - a private copy of @skb (irqos does not share buffers)
 * @skb: the original
 * @gfp: allocation flags
 *
 * Return: a new skb with the same buffer contents, offsets and metadata,
 * not on any queue and owned by no socket; NULL if out of memory.
 */
struct sk_buff *skb_clone(struct sk_buff *skb, gfp_t gfp)
{
	struct sk_buff *n = alloc_skb(skb->end, gfp);

	if (!n)
		return NULL;
	memcpy(n->head, skb->head, skb->end);
	n->data = n->head + skb_headroom(skb);
	n->tail = skb->tail;
	n->len = skb->len;
	n->dev = skb->dev;
	n->protocol = skb->protocol;
	n->mac_header = skb->mac_header;
	n->network_header = skb->network_header;
	n->transport_header = skb->transport_header;
	n->pkt_type = skb->pkt_type;
	n->ip_summed = skb->ip_summed;
	memcpy(n->cb, skb->cb, sizeof(n->cb));
	return n;
}

/**
 * skb_put - extend the data at the tail by @len bytes
 * @skb: the buffer
 * @len: bytes to add
 *
 * Return: the first added byte. Running past end is a kernel bug: BUG().
 */
void *skb_put(struct sk_buff *skb, unsigned int len)
{
	void *old = skb_tail_pointer(skb);

	BUG_ON(len > skb_tailroom(skb));
	skb->tail += len;
	skb->len += len;
	return old;
}

/**
 * skb_push - extend the data at the front by @len bytes (add a header)
 * @skb: the buffer
 * @len: bytes to add
 *
 * Return: the new data pointer. Running past head is a kernel bug: BUG().
 */
void *skb_push(struct sk_buff *skb, unsigned int len)
{
	BUG_ON(len > skb_headroom(skb));
	skb->data -= len;
	skb->len += len;
	return skb->data;
}

/**
 * skb_pull - remove @len bytes from the front (a parsed header)
 * @skb: the buffer
 * @len: bytes to remove
 *
 * Return: the new data pointer, or NULL with nothing changed if the packet
 * is shorter than @len.
 */
void *skb_pull(struct sk_buff *skb, unsigned int len)
{
	if (len > skb->len)
		return NULL;
	skb->data += len;
	skb->len -= len;
	return skb->data;
}

/**
 * skb_trim - shorten the packet to @len bytes (a no-op if not longer)
 * @skb: the buffer
 * @len: new length
 */
void skb_trim(struct sk_buff *skb, unsigned int len)
{
	if (len >= skb->len)
		return;
	skb->len = len;
	skb->tail = (unsigned int)(skb->data - skb->head) + len;
}

/** skb_queue_head_init - an empty queue with its lock */
void skb_queue_head_init(struct sk_buff_head *q)
{
	spin_lock_init(&q->lock);
	q->next = q->prev = (struct sk_buff *)q;
	q->qlen = 0;
}

/**
 * __skb_queue_tail - append @skb to @q; the caller holds q->lock
 * @q: the queue
 * @skb: an skb on no queue (one already queued is WARNed about and left
 *	where it is: linking it twice would corrupt both lists)
 */
void __skb_queue_tail(struct sk_buff_head *q, struct sk_buff *skb)
{
	struct sk_buff *last = q->prev;

	if (WARN_ON(skb->next || skb->prev))
		return;
	skb->next = (struct sk_buff *)q;
	skb->prev = last;
	last->next = skb;
	q->prev = skb;
	WRITE_ONCE(q->qlen, q->qlen + 1);
}

/** __skb_dequeue - remove and return @q's first skb (NULL if empty); lock held */
struct sk_buff *__skb_dequeue(struct sk_buff_head *q)
{
	struct sk_buff *skb = q->next;

	if (skb == (struct sk_buff *)q)
		return NULL;
	q->next = skb->next;
	skb->next->prev = (struct sk_buff *)q;
	skb->next = skb->prev = NULL;
	WRITE_ONCE(q->qlen, q->qlen - 1);
	return skb;
}

/** skb_queue_head - put @skb first on @q under its lock, from any context */
void skb_queue_head(struct sk_buff_head *q, struct sk_buff *skb)
{
	unsigned long flags;
	struct sk_buff *first;

	spin_lock_irqsave(&q->lock, flags);
	first = q->next;
	if (!WARN_ON(skb->next || skb->prev)) {
		skb->prev = (struct sk_buff *)q;
		skb->next = first;
		first->prev = skb;
		q->next = skb;
		WRITE_ONCE(q->qlen, q->qlen + 1);
	}
	spin_unlock_irqrestore(&q->lock, flags);
}

/** skb_queue_tail - append @skb to @q under its lock, from any context */
void skb_queue_tail(struct sk_buff_head *q, struct sk_buff *skb)
{
	unsigned long flags;

	spin_lock_irqsave(&q->lock, flags);
	__skb_queue_tail(q, skb);
	spin_unlock_irqrestore(&q->lock, flags);
}

/** skb_dequeue - remove @q's first skb under its lock; NULL if empty */
struct sk_buff *skb_dequeue(struct sk_buff_head *q)
{
	unsigned long flags;
	struct sk_buff *skb;

	spin_lock_irqsave(&q->lock, flags);
	skb = __skb_dequeue(q);
	spin_unlock_irqrestore(&q->lock, flags);
	return skb;
}

/** skb_queue_purge - drop everything on @q (counted as NOT_SPECIFIED) */
void skb_queue_purge(struct sk_buff_head *q)
{
	struct sk_buff *skb;

	while ((skb = skb_dequeue(q)))
		kfree_skb(skb);
}
