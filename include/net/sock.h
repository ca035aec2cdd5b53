/* SPDX-License-Identifier: MIT */
/*
 * struct sock - the protocol side of a socket (net/socket.c, net/ipv4/udp.c).
 *
 * Received datagrams wait on sk_receive_queue. Their memory is charged to
 * sk_rmem_alloc; a datagram that would push it past sk_rcvbuf is dropped
 * (SKB_DROP_REASON_SOCKET_RCVBUFF) and counted in sk_drops. Readers sleep
 * on sk_wq as exclusive waiters, so each queued datagram wakes one reader.
 */
#ifndef _NET_SOCK_H
#define _NET_SOCK_H

#include <linux/types.h>
#include <linux/list.h>
#include <linux/spinlock.h>
#include <linux/wait.h>
#include <linux/skbuff.h>

#define SK_RMEM_DEFAULT 212992      /* Linux's net.core.rmem_default */

#define RCV_SHUTDOWN  1
#define SEND_SHUTDOWN 2
#define SHUTDOWN_MASK 3

struct sock {
	struct list_head sk_node;          /* in the UDP port table */
	int sk_refcnt;                     /* atomic */
	int sk_type;                       /* SOCK_DGRAM */
	u8 sk_protocol;                    /* IPPROTO_UDP */
	struct sk_buff_head sk_receive_queue;
	int sk_rcvbuf;                     /* bytes */
	int sk_rmem_alloc;                 /* atomic: bytes charged by queued skbs */
	unsigned long sk_drops;            /* atomic: datagrams dropped at this socket */
	int sk_err;                        /* pending error (positive errno) */
	u8 sk_shutdown;                    /* RCV_SHUTDOWN | SEND_SHUTDOWN */
	wait_queue_head_t sk_wq;           /* readers sleeping in recvfrom */
	__be32 inet_rcv_saddr;             /* bound address (0: any) */
	u16 inet_num;                      /* bound local port, host order; 0: unbound */
	unsigned long rx_packets, tx_packets; /* delivered / sent datagrams */
};

/* The memory an skb charges to a socket's receive budget. */
static inline unsigned int skb_truesize(const struct sk_buff *skb)
{
	return skb->end + (unsigned int)sizeof(struct sk_buff);
}

static inline void sock_hold(struct sock *sk)
{
	__atomic_fetch_add(&sk->sk_refcnt, 1, __ATOMIC_SEQ_CST);
}
void sock_put(struct sock *sk);
struct sock *sk_alloc(int type, u8 protocol);

/* skb->cb while queued on a socket: where the datagram came from.
 * Packed: sk_buff.cb[] has no alignment guarantee. */
struct udp_skb_cb {
	__be32 saddr;
	__be16 sport;
	u16 data_off;       /* payload offset from skb->data */
	u16 data_len;
} __attribute__((packed));
#define UDP_SKB_CB(skb) ((struct udp_skb_cb *)((skb)->cb))

int sock_queue_rcv_skb(struct sock *sk, struct sk_buff *skb);
struct sk_buff *sock_dequeue_rcv_skb(struct sock *sk);

#endif
