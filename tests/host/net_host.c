// SPDX-License-Identifier: MIT
/*
 * Host stand-ins for the network core and the scheduler, for the
 * net/ipv4 host tests and the fuzz driver. See net_host.h.
 */
#include <linux/kernel.h>
#include <linux/string.h>
#include <linux/skbuff.h>
#include <linux/netdevice.h>
#include <linux/timer.h>
#include <linux/jiffies.h>
#include <linux/sched.h>
#include <linux/slab.h>
#include "net_host.h"
#include <stdlib.h>

volatile unsigned long jiffies;
unsigned long host_irq_flags = 0x200;
DEFINE_PER_CPU(struct task_struct *, current_task);

struct net_host_frame net_host_tx[NET_HOST_MAX_TX];
int net_host_ntx;
long net_host_live_skbs;
struct packet_type *net_host_packs[4];
int net_host_npacks;
LIST_HEAD(net_devices);
struct net_device net_host_eth0 = {
	.name = "eth0",
	.mtu = 1500,
	.flags = IFF_UP | IFF_BROADCAST,
	.dev_addr = { 0x52, 0x54, 0x00, 0x12, 0x34, 0x56 },
	.broadcast = { 0xff, 0xff, 0xff, 0xff, 0xff, 0xff },
};

const char *const skb_drop_reason_names[SKB_DROP_REASON_MAX] = {
	[SKB_DROP_REASON_NOT_SPECIFIED] = "NOT_SPECIFIED",
	[SKB_DROP_REASON_NO_SOCKET] = "NO_SOCKET",
	[SKB_DROP_REASON_PKT_TOO_SMALL] = "PKT_TOO_SMALL",
	[SKB_DROP_REASON_SOCKET_RCVBUFF] = "SOCKET_RCVBUFF",
	[SKB_DROP_REASON_UNHANDLED_PROTO] = "UNHANDLED_PROTO",
	[SKB_DROP_REASON_IP_CSUM] = "IP_CSUM",
	[SKB_DROP_REASON_IP_INHDR] = "IP_INHDR",
	[SKB_DROP_REASON_IP_FRAG] = "IP_FRAG",
	[SKB_DROP_REASON_IP_OPTIONS] = "IP_OPTIONS",
	[SKB_DROP_REASON_OTHERHOST] = "OTHERHOST",
	[SKB_DROP_REASON_UDP_CSUM] = "UDP_CSUM",
	[SKB_DROP_REASON_ARP_BAD] = "ARP_BAD",
	[SKB_DROP_REASON_NEIGH_FAILED] = "NEIGH_FAILED",
	[SKB_DROP_REASON_NOMEM] = "NOMEM",
	[SKB_DROP_REASON_BACKLOG] = "BACKLOG",
	[SKB_DROP_REASON_TX_RING_FULL] = "TX_RING_FULL",
	[SKB_DROP_REASON_DEV_DOWN] = "DEV_DOWN",
};
unsigned long skb_drop_count[SKB_DROP_REASON_MAX];
struct skb_stats skb_stats;

/* ---- sk_buff ---- */
struct sk_buff *alloc_skb(unsigned int size, gfp_t gfp)
{
	struct sk_buff *skb = calloc(1, sizeof(*skb));

	if (!skb)
		return NULL;
	skb->head = malloc(size ? size : 1);
	skb->data = skb->head;
	skb->end = size;
	net_host_live_skbs++;
	skb_stats.allocated++;
	return skb;
}

static void free_skb(struct sk_buff *skb)
{
	if (!skb)
		return;
	free(skb->head);
	free(skb);
	net_host_live_skbs--;
	skb_stats.freed++;
}

struct sk_buff *net_host_rx_skb;
int net_host_rx_end = -1;

void kfree_skb_reason(struct sk_buff *skb, enum skb_drop_reason reason)
{
	if (!skb)
		return;
	if (reason >= SKB_DROP_REASON_MAX)
		abort();
	if (skb == net_host_rx_skb) {
		if (net_host_rx_end != -1)
			abort();            /* ended twice */
		net_host_rx_end = (int)reason;
		net_host_rx_skb = NULL;
	}
	skb_drop_count[reason]++;
	skb_stats.dropped++;
	free_skb(skb);
}
void kfree_skb(struct sk_buff *skb) { kfree_skb_reason(skb, SKB_DROP_REASON_NOT_SPECIFIED); }
void consume_skb(struct sk_buff *skb)
{
	if (skb && skb == net_host_rx_skb) {
		if (net_host_rx_end != -1)
			abort();
		net_host_rx_end = NET_HOST_RX_CONSUMED;
		net_host_rx_skb = NULL;
	}
	free_skb(skb);
}

void *skb_put(struct sk_buff *skb, unsigned int len)
{
	void *p = skb_tail_pointer(skb);

	if (skb->tail + len > skb->end)
		abort();          /* the kernel BUG()s */
	skb->tail += len;
	skb->len += len;
	return p;
}

void *skb_push(struct sk_buff *skb, unsigned int len)
{
	if (len > skb_headroom(skb))
		abort();
	skb->data -= len;
	skb->len += len;
	return skb->data;
}

void *skb_pull(struct sk_buff *skb, unsigned int len)
{
	if (len > skb->len)
		return NULL;
	skb->data += len;
	skb->len -= len;
	return skb->data;
}

void skb_trim(struct sk_buff *skb, unsigned int len)
{
	if (len < skb->len) {
		skb->len = len;
		skb->tail = (unsigned int)(skb->data - skb->head) + len;
	}
}

void skb_queue_head_init(struct sk_buff_head *q)
{
	q->next = q->prev = (struct sk_buff *)q;
	q->qlen = 0;
	spin_lock_init(&q->lock);
}

void __skb_queue_tail(struct sk_buff_head *q, struct sk_buff *skb)
{
	struct sk_buff *last = q->prev;

	skb->next = (struct sk_buff *)q;
	skb->prev = last;
	last->next = skb;
	q->prev = skb;
	q->qlen++;
}

struct sk_buff *__skb_dequeue(struct sk_buff_head *q)
{
	struct sk_buff *skb = q->next;

	if (skb == (struct sk_buff *)q)
		return NULL;
	q->next = skb->next;
	skb->next->prev = (struct sk_buff *)q;
	skb->next = skb->prev = NULL;
	q->qlen--;
	return skb;
}

void skb_queue_tail(struct sk_buff_head *q, struct sk_buff *skb) { __skb_queue_tail(q, skb); }
struct sk_buff *skb_dequeue(struct sk_buff_head *q) { return __skb_dequeue(q); }
void skb_queue_purge(struct sk_buff_head *q)
{
	struct sk_buff *skb;

	while ((skb = __skb_dequeue(q)))
		kfree_skb(skb);
}

/* ---- devices ---- */
int dev_queue_xmit(struct sk_buff *skb)
{
	if (net_host_ntx < NET_HOST_MAX_TX && skb->len <= sizeof(net_host_tx[0].data)) {
		net_host_tx[net_host_ntx].len = skb->len;
		memcpy(net_host_tx[net_host_ntx].data, skb->data, skb->len);
		net_host_ntx++;
	}
	consume_skb(skb);
	return 0;
}

void dev_add_pack(struct packet_type *pt)
{
	if (net_host_npacks < 4)
		net_host_packs[net_host_npacks++] = pt;
}

int eth_header(struct sk_buff *skb, struct net_device *dev, u16 type,
	       const u8 *daddr, const u8 *saddr)
{
	struct ethhdr *eth = skb_push(skb, ETH_HLEN);

	memcpy(eth->h_dest, daddr ? daddr : dev->broadcast, ETH_ALEN);
	memcpy(eth->h_source, saddr ? saddr : dev->dev_addr, ETH_ALEN);
	eth->h_proto = htons(type);
	skb_reset_mac_header(skb);
	return ETH_HLEN;
}

__be16 eth_type_trans(struct sk_buff *skb, struct net_device *dev)
{
	const struct ethhdr *eth = (const struct ethhdr *)skb->data;

	skb->dev = dev;
	skb_reset_mac_header(skb);
	skb_pull(skb, ETH_HLEN);
	if (is_multicast_ether_addr(eth->h_dest))
		skb->pkt_type = is_broadcast_ether_addr(eth->h_dest) ?
				PACKET_BROADCAST : PACKET_MULTICAST;
	else if (!ether_addr_equal(eth->h_dest, dev->dev_addr))
		skb->pkt_type = PACKET_OTHERHOST;
	else
		skb->pkt_type = PACKET_HOST;
	return eth->h_proto;
}

int net_host_rx_frame(const void *frame, unsigned int len)
{
	struct sk_buff *skb = alloc_skb(NET_SKB_PAD + len, GFP_ATOMIC);

	skb_reserve(skb, NET_SKB_PAD);
	memcpy(skb_put(skb, len), frame, len);
	net_host_rx_skb = skb;
	net_host_rx_end = -1;
	if (len < ETH_HLEN) {
		kfree_skb_reason(skb, SKB_DROP_REASON_PKT_TOO_SMALL);
		return NET_RX_DROP;
	}
	skb->protocol = eth_type_trans(skb, &net_host_eth0);
	for (int i = 0; i < net_host_npacks; i++)
		if (net_host_packs[i]->type == skb->protocol)
			return net_host_packs[i]->func(skb, &net_host_eth0,
						       net_host_packs[i], &net_host_eth0);
	kfree_skb_reason(skb, SKB_DROP_REASON_UNHANDLED_PROTO);
	return NET_RX_DROP;
}

/* ---- timers on fake jiffies ---- */
#define MAX_TIMERS 64
static struct timer_list *armed[MAX_TIMERS];

void timer_setup(struct timer_list *t, void (*fn)(struct timer_list *), unsigned int flags)
{
	t->function = fn;
	t->flags = flags;
	t->pprev = NULL;
	t->next = NULL;
}

int del_timer(struct timer_list *t)
{
	for (int i = 0; i < MAX_TIMERS; i++)
		if (armed[i] == t) {
			armed[i] = NULL;
			t->pprev = NULL;
			return 1;
		}
	return 0;
}
int del_timer_sync(struct timer_list *t) { return del_timer(t); }

int mod_timer(struct timer_list *t, unsigned long expires)
{
	int was = del_timer(t);

	t->expires = expires;
	for (int i = 0; i < MAX_TIMERS; i++)
		if (!armed[i]) {
			armed[i] = t;
			t->pprev = &t->next;   /* timer_pending() */
			return was;
		}
	abort();
}

int net_host_timers_pending(void)
{
	int n = 0;

	for (int i = 0; i < MAX_TIMERS; i++)
		n += armed[i] != NULL;
	return n;
}

void net_host_set_jiffies(unsigned long j)
{
	for (;;) {
		struct timer_list *due = NULL;

		for (int i = 0; i < MAX_TIMERS; i++)
			if (armed[i] && time_after_eq(j, armed[i]->expires) &&
			    (!due || time_before(armed[i]->expires, due->expires)))
				due = armed[i];
		if (!due)
			break;
		jiffies = due->expires > jiffies ? due->expires : jiffies;
		del_timer(due);
		due->function(due);
	}
	jiffies = j;
}

/* ---- memory, printk ---- */
void *kmalloc(size_t size, gfp_t gfp) { return malloc(size ? size : 1); }
void *kzalloc(size_t size, gfp_t gfp) { return calloc(1, size ? size : 1); }
void kfree(const void *p) { free((void *)p); }

int printk(const char *fmt, ...)
{
	return 0;
}

/* ---- fake scheduler ---- */
struct task_struct net_host_tasks[NET_HOST_NR_TASKS];
char net_host_wake_log[64];
long (*net_host_sleep_hook)(long timeout);
int net_host_sleeps;

void net_host_set_current(int task)
{
	current_task = &net_host_tasks[task];
}

int try_to_wake_up(struct task_struct *p, unsigned int state, int wake_flags)
{
	size_t n = strlen(net_host_wake_log);

	if (!(p->__state & state))
		return 0;
	p->__state = TASK_RUNNING;
	if (n + 1 < sizeof(net_host_wake_log)) {
		net_host_wake_log[n] = (char)('0' + (p - net_host_tasks));
		net_host_wake_log[n + 1] = '\0';
	}
	return 1;
}

long schedule_timeout(long timeout)
{
	net_host_sleeps++;
	return net_host_sleep_hook ? net_host_sleep_hook(timeout) : 0;
}
void schedule(void) { schedule_timeout(MAX_SCHEDULE_TIMEOUT); }
void __might_sleep(const char *file, int line) { }

void net_host_reset(void)
{
	net_host_ntx = 0;
	memset(skb_drop_count, 0, sizeof(skb_drop_count));
	memset(net_host_wake_log, 0, sizeof(net_host_wake_log));
	net_host_sleep_hook = NULL;
	net_host_sleeps = 0;
	for (int i = 0; i < NET_HOST_NR_TASKS; i++) {
		memset(&net_host_tasks[i], 0, sizeof(net_host_tasks[i]));
		net_host_tasks[i].pid = 100 + i;
	}
	current_task = &net_host_tasks[0];
	if (!net_host_eth0.dev_list.next)
		list_add_tail(&net_host_eth0.dev_list, &net_devices);
}

/* lib/vsprintf.c's %pS; the network code never prints symbols. */
int sprint_symbol(char *buf, unsigned long addr)
{
	buf[0] = '\0';
	return 0;
}
