// SPDX-License-Identifier: MIT
/*
 * Sockets for kernel threads: struct sock's receive queue and the
 * in-kernel socket calls (sock_create_kern, kernel_bind, kernel_sendto,
 * kernel_recvfrom, sock_release). Only UDP (SOCK_DGRAM) exists.
 *
 * The receive side is where the network receive path ends. The NET_RX
 * softirq queues a datagram with sock_queue_rcv_skb(): charge its memory
 * to sk_rmem_alloc (over sk_rcvbuf: drop as SOCKET_RCVBUFF and count
 * sk_drops), append it to sk_receive_queue and wake one exclusive waiter
 * on sk_wq. A reader in kernel_recvfrom() that found the queue empty
 * sleeps the classic way: prepare_to_wait_exclusive() in
 * TASK_INTERRUPTIBLE, re-check error, shutdown and the queue (a datagram
 * may have arrived in between), schedule_timeout(), finish_wait(), loop.
 * Exclusive waits mean one datagram wakes one reader, not a herd.
 */
#include <linux/kernel.h>
#include <linux/string.h>
#include <linux/slab.h>
#include <linux/sched.h>
#include <linux/wait.h>
#include <linux/errno.h>
#include <linux/in.h>
#include <linux/net.h>
#include <net/sock.h>
#include <net/ip.h>
#include <net/udp.h>

/**
 * sk_alloc - a new, unbound sock of @type
 */
struct sock *sk_alloc(int type, u8 protocol)
{
	struct sock *sk = kzalloc(sizeof(*sk), GFP_KERNEL);

	if (!sk)
		return NULL;
	INIT_LIST_HEAD(&sk->sk_node);
	sk->sk_refcnt = 1;
	sk->sk_type = type;
	sk->sk_protocol = protocol;
	skb_queue_head_init(&sk->sk_receive_queue);
	sk->sk_rcvbuf = SK_RMEM_DEFAULT;
	init_waitqueue_head(&sk->sk_wq);
	return sk;
}

/**
 * sock_put - drop a reference to @sk; the last one frees it
 */
void sock_put(struct sock *sk)
{
	if (__atomic_sub_fetch(&sk->sk_refcnt, 1, __ATOMIC_SEQ_CST) == 0) {
		skb_queue_purge(&sk->sk_receive_queue);
		kfree(sk);
	}
}

/**
 * sock_queue_rcv_skb - queue @skb on @sk and wake one reader
 * Returns 0, or -ENOMEM after dropping @skb (SOCKET_RCVBUFF, sk_drops) if
 * the socket's receive buffer is full, or -EPIPE if it is shut down.
 */
int sock_queue_rcv_skb(struct sock *sk, struct sk_buff *skb)
{
	int size = (int)skb_truesize(skb);

	if (READ_ONCE(sk->sk_shutdown) & RCV_SHUTDOWN) {
		__atomic_fetch_add(&sk->sk_drops, 1, __ATOMIC_RELAXED);
		kfree_skb_reason(skb, SKB_DROP_REASON_NO_SOCKET);
		return -EPIPE;
	}
	if (__atomic_add_fetch(&sk->sk_rmem_alloc, size, __ATOMIC_SEQ_CST) > sk->sk_rcvbuf) {
		__atomic_sub_fetch(&sk->sk_rmem_alloc, size, __ATOMIC_SEQ_CST);
		__atomic_fetch_add(&sk->sk_drops, 1, __ATOMIC_RELAXED);
		kfree_skb_reason(skb, SKB_DROP_REASON_SOCKET_RCVBUFF);
		return -ENOMEM;
	}
	skb->sk = sk;
	skb_queue_tail(&sk->sk_receive_queue, skb);
	NET_INC_STATS(sk->rx_packets);
	wake_up_interruptible(&sk->sk_wq);
	return 0;
}

/**
 * sock_dequeue_rcv_skb - take the oldest datagram off @sk, uncharging it
 */
struct sk_buff *sock_dequeue_rcv_skb(struct sock *sk)
{
	struct sk_buff *skb = skb_dequeue(&sk->sk_receive_queue);

	if (skb) {
		__atomic_sub_fetch(&sk->sk_rmem_alloc, (int)skb_truesize(skb), __ATOMIC_SEQ_CST);
		skb->sk = NULL;
	}
	return skb;
}

/**
 * sock_create_kern - make a kernel socket; only SOCK_DGRAM (UDP)
 * Returns 0 and *@res, -EINVAL for another type, -ENOMEM.
 */
int sock_create_kern(int type, struct socket **res)
{
	struct socket *sock;

	if (type != SOCK_DGRAM)
		return -EINVAL;
	sock = kzalloc(sizeof(*sock), GFP_KERNEL);
	if (!sock)
		return -ENOMEM;
	sock->sk = sk_alloc(type, IPPROTO_UDP);
	if (!sock->sk) {
		kfree(sock);
		return -ENOMEM;
	}
	sock->type = (short)type;
	sock->state = SS_UNCONNECTED;
	*res = sock;
	return 0;
}

/**
 * kernel_bind - bind @sock to @addr:@port (network-order address, 0 = any;
 * host-order port, 0 = ephemeral)
 */
int kernel_bind(struct socket *sock, __be32 addr, u16 port)
{
	return udp_bind(sock->sk, addr, port);
}

/**
 * kernel_sendto - send one datagram; returns @len or -errno
 */
int kernel_sendto(struct socket *sock, const void *buf, size_t len,
		  __be32 daddr, u16 dport)
{
	return udp_sendto(sock->sk, buf, len, daddr, dport);
}

/* What ends a wait other than a datagram: error, shutdown (as -errno / 0). */
static int sock_wait_error(struct sock *sk, bool *stop)
{
	int err = READ_ONCE(sk->sk_err);

	*stop = true;
	if (err) {
		WRITE_ONCE(sk->sk_err, 0);
		return -err;
	}
	if (READ_ONCE(sk->sk_shutdown) & RCV_SHUTDOWN)
		return 0;
	*stop = false;
	return 0;
}

/**
 * kernel_recvfrom - receive one datagram into @buf
 * @len: room in @buf; a longer datagram is truncated (the rest discarded)
 * @saddr, @sport: set to the sender (network-order address, host-order
 *                 port); either may be NULL
 * @flags: MSG_DONTWAIT not to sleep
 * @timeout: jiffies to sleep at most; MAX_SCHEDULE_TIMEOUT for ever
 * Returns the bytes copied; 0 after shutdown; -EAGAIN if nothing arrived
 * in time (or at once with MSG_DONTWAIT); -EINTR on a signal; -sk_err.
 */
long kernel_recvfrom(struct socket *sock, void *buf, size_t len,
		     __be32 *saddr, u16 *sport, int flags, long timeout)
{
	struct sock *sk = sock->sk;
	struct wait_queue_entry wait;
	struct sk_buff *skb;
	size_t n;
	bool stop;
	int err;

	for (;;) {
		skb = sock_dequeue_rcv_skb(sk);
		if (skb)
			break;
		err = sock_wait_error(sk, &stop);
		if (stop)
			return err;
		if ((flags & MSG_DONTWAIT) || !timeout)
			return -EAGAIN;
		if (signal_pending(current))
			return -EINTR;

		init_wait_entry(&wait, 0);
		prepare_to_wait_exclusive(&sk->sk_wq, &wait, TASK_INTERRUPTIBLE);
		/* Re-check after queueing: a wake-up from here on is not lost. */
		if (skb_queue_empty(&sk->sk_receive_queue) && !READ_ONCE(sk->sk_err) &&
		    !(READ_ONCE(sk->sk_shutdown) & RCV_SHUTDOWN))
			timeout = schedule_timeout(timeout);
		finish_wait(&sk->sk_wq, &wait);
	}

	n = UDP_SKB_CB(skb)->data_len;
	if (n > len)
		n = len;
	memcpy(buf, skb->data + UDP_SKB_CB(skb)->data_off, n);
	if (saddr)
		*saddr = UDP_SKB_CB(skb)->saddr;
	if (sport)
		*sport = ntohs(UDP_SKB_CB(skb)->sport);
	consume_skb(skb);
	return (long)n;
}

/**
 * kernel_sock_shutdown - stop receiving and/or sending; wakes all readers
 * @how: RCV_SHUTDOWN, SEND_SHUTDOWN or both
 */
int kernel_sock_shutdown(struct socket *sock, int how)
{
	struct sock *sk = sock->sk;

	if (how & ~SHUTDOWN_MASK)
		return -EINVAL;
	__atomic_fetch_or(&sk->sk_shutdown, (u8)how, __ATOMIC_SEQ_CST);
	wake_up_interruptible_all(&sk->sk_wq);
	return 0;
}

/**
 * sock_release - close @sock: unbind, wake readers, free when unreferenced
 */
void sock_release(struct socket *sock)
{
	struct sock *sk = sock->sk;

	udp_unhash(sk);
	kernel_sock_shutdown(sock, SHUTDOWN_MASK);
	sock_put(sk);
	kfree(sock);
}
