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
#include <stdio.h>

volatile unsigned long jiffies;
unsigned long host_irq_flags = 0x200;
DEFINE_PER_CPU(struct task_struct *, current_task);

struct net_host_frame net_host_tx[NET_HOST_MAX_TX];
int net_host_ntx;
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

/* ---- sk_buff: the real net/core/skbuff.c; its end-of-life trace hook
 * records how the frame under test ended ---- */
struct sk_buff *net_host_rx_skb;
int net_host_rx_end = -1;

static void net_host_skb_end(struct sk_buff *skb, int reason)
{
	if (skb != net_host_rx_skb)
		return;
	if (net_host_rx_end != -1)
		abort();                    /* ended twice */
	net_host_rx_end = reason == SKB_CONSUMED ? NET_HOST_RX_CONSUMED : reason;
	net_host_rx_skb = NULL;
}

/* skbuff.c's BUG_ON/WARN_ON: a broken skb is a test failure, loudly. */
void host_bug(const char *file, int line, unsigned int flags)
{
	fprintf(stderr, "%s at %s:%d\n", (flags & BUGFLAG_WARNING) ? "WARN" : "BUG", file, line);
	abort();
}

/* Allocated and not yet freed. */
long net_host_live_skbs(void)
{
	return (long)(skb_stats.allocated - skb_stats.freed);
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

/* eth_header() and eth_type_trans() are the real net/ethernet/eth.c. */

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
	skb_free_trace = net_host_skb_end;
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
