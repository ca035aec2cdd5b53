/* SPDX-License-Identifier: MIT */
/*
 * UDP (net/ipv4/udp.c): the port table of bound sockets, receive into a
 * socket's queue, and transmit. Kernel users go through net/socket.c.
 */
#ifndef _NET_UDP_H
#define _NET_UDP_H

#include <linux/types.h>
#include <linux/skbuff.h>
#include <linux/udp.h>
#include <net/sock.h>

struct udpstats {
	unsigned long in_datagrams, no_ports, in_errors, rcvbuf_errors;
	unsigned long out_datagrams, csum_errors;
};
extern struct udpstats udp_statistics;

int udp_rcv(struct sk_buff *skb);
int udp_bind(struct sock *sk, __be32 addr, u16 port);
void udp_unhash(struct sock *sk);
struct sock *udp_lookup(__be32 daddr, u16 dport);   /* holds a reference */
int udp_sendto(struct sock *sk, const void *buf, size_t len, __be32 daddr, u16 dport);
/* Visit every bound socket (under the table lock: @fn must not sleep). */
void udp_for_each_sock(void (*fn)(struct sock *sk, void *arg), void *arg);

#endif
