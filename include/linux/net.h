/* SPDX-License-Identifier: MIT */
/*
 * struct socket and the in-kernel socket API (net/socket.c): what kernel
 * threads use instead of system calls.
 *
 *	sock_create_kern(SOCK_DGRAM, &sock);
 *	kernel_bind(sock, 0, 7);
 *	n = kernel_recvfrom(sock, buf, len, &saddr, &sport, 0, HZ);
 *	kernel_sendto(sock, buf, n, saddr, sport);
 *	sock_release(sock);
 */
#ifndef _LINUX_NET_H
#define _LINUX_NET_H

#include <linux/types.h>
#include <linux/byteorder.h>

struct sock;

typedef enum { SS_UNCONNECTED = 1, SS_CONNECTED } socket_state;

struct socket {
	socket_state state;
	short type;
	struct sock *sk;
};

int sock_create_kern(int type, struct socket **res);
int kernel_bind(struct socket *sock, __be32 addr, u16 port);
int kernel_sendto(struct socket *sock, const void *buf, size_t len,
		  __be32 daddr, u16 dport);
long kernel_recvfrom(struct socket *sock, void *buf, size_t len,
		     __be32 *saddr, u16 *sport, int flags, long timeout);
int kernel_sock_shutdown(struct socket *sock, int how);
void sock_release(struct socket *sock);

#endif
