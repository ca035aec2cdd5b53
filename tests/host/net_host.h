/* SPDX-License-Identifier: MIT */
/*
 * Host stand-ins for what net/ipv4 and net/socket.c call outside
 * themselves: the sk_buff API (faithful to include/linux/skbuff.h: one
 * buffer, head/data/tail/end, counted drops), a net_device list, a
 * dev_queue_xmit() that captures every transmitted frame, dev_add_pack(),
 * eth_header()/eth_type_trans(), a fake-jiffies timer list, and a fake
 * scheduler for wait queues (try_to_wake_up() logs who it woke;
 * schedule_timeout() runs a hook: "what happens while we sleep").
 */
#ifndef _HOST_NET_HOST_H
#define _HOST_NET_HOST_H

#include <linux/types.h>
#include <linux/netdevice.h>
#include <linux/sched.h>

#define NET_HOST_MAX_TX 64

struct net_host_frame {
	unsigned int len;
	u8 data[2048];
};

extern struct net_host_frame net_host_tx[NET_HOST_MAX_TX];
extern int net_host_ntx;               /* frames dev_queue_xmit() took */
long net_host_live_skbs(void);         /* allocated and not yet freed */
extern struct packet_type *net_host_packs[4];
extern int net_host_npacks;

/* A registered eth0 with MAC 52:54:00:12:34:56. */
extern struct net_device net_host_eth0;

/* How the last net_host_rx_frame() skb ended: a drop reason, or
 * NET_HOST_RX_CONSUMED (a normal end, e.g. read from a socket); -1 while it
 * lives (e.g. queued on a socket). */
#define NET_HOST_RX_CONSUMED 1000
extern struct sk_buff *net_host_rx_skb;
extern int net_host_rx_end;

void net_host_reset(void);             /* forget frames, drops, stats */
/* Build an skb holding @len bytes of a frame and pass it through
 * eth_type_trans() and the packet_type for its ethertype, as the core would. */
int net_host_rx_frame(const void *frame, unsigned int len);
/* Move the fake clock to @j, running every timer due by then, in order. */
void net_host_set_jiffies(unsigned long j);
int net_host_timers_pending(void);

/* Fake scheduler */
#define NET_HOST_NR_TASKS 4
extern struct task_struct net_host_tasks[NET_HOST_NR_TASKS];
extern char net_host_wake_log[64];     /* task numbers, in wake-up order */
extern long (*net_host_sleep_hook)(long timeout);
extern int net_host_sleeps;
void net_host_set_current(int task);

#endif
