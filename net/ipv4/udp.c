// SPDX-License-Identifier: MIT
/*
 * UDP (RFC 768): a table of bound sockets, receive into their queues, and
 * transmit.
 *
 * Receive (udp_rcv, from ip_rcv in the NET_RX softirq): the length and,
 * when the sender computed one, the checksum over the IPv4 pseudo-header
 * are checked; the socket bound to the destination port gets the datagram
 * on its receive queue (sock_queue_rcv_skb), which wakes one reader. No
 * socket: the datagram is dropped as NO_SOCKET and the sender told with
 * an ICMP port unreachable (rate-limited).
 *
 * Sockets live in UDP_HTABLE_SIZE buckets by port, under one lock taken
 * with interrupts off. A lookup takes a reference so that the socket
 * survives until its datagram is queued even if it is being released.
 */
#include <linux/kernel.h>
#include <linux/errno.h>
#include <linux/string.h>
#include <linux/spinlock.h>
#include <linux/list.h>
#include <linux/netdevice.h>
#include <linux/ip.h>
#include <linux/udp.h>
#include <linux/in.h>
#include <net/checksum.h>
#include <net/ip.h>
#include <net/udp.h>
#include <net/sock.h>

struct udpstats udp_statistics;

#define UDP_HTABLE_SIZE 64

static struct list_head udp_table[UDP_HTABLE_SIZE];
static bool udp_table_ready;
static DEFINE_SPINLOCK(udp_lock);

static struct list_head *udp_bucket(u16 port)
{
	if (!udp_table_ready) {
		for (int i = 0; i < UDP_HTABLE_SIZE; i++)
			INIT_LIST_HEAD(&udp_table[i]);
		udp_table_ready = true;
	}
	return &udp_table[port % UDP_HTABLE_SIZE];
}

static struct sock *__udp_lookup(__be32 daddr, u16 dport)
{
	struct sock *sk;

	list_for_each_entry(sk, udp_bucket(dport), sk_node)
		if (sk->inet_num == dport &&
		    (!sk->inet_rcv_saddr || sk->inet_rcv_saddr == daddr))
			return sk;
	return NULL;
}

/**
 * udp_lookup - the socket bound to @dport for @daddr, with a reference
 */
struct sock *udp_lookup(__be32 daddr, u16 dport)
{
	struct sock *sk;
	unsigned long flags;

	spin_lock_irqsave(&udp_lock, flags);
	sk = __udp_lookup(daddr, dport);
	if (sk)
		sock_hold(sk);
	spin_unlock_irqrestore(&udp_lock, flags);
	return sk;
}

/**
 * udp_bind - bind @sk to @port (host order; 0: an ephemeral port)
 * Returns 0, -EINVAL if already bound, -EADDRINUSE if the port is taken.
 */
int udp_bind(struct sock *sk, __be32 addr, u16 port)
{
	static u16 next_ephemeral = 32768;
	unsigned long flags;
	int ret = 0;

	spin_lock_irqsave(&udp_lock, flags);
	if (sk->inet_num) {
		ret = -EINVAL;
		goto out;
	}
	if (!port) {
		for (int tries = 0; tries < 28232 && !port; tries++) {
			u16 p = next_ephemeral++;

			if (next_ephemeral > 60999)
				next_ephemeral = 32768;
			if (!__udp_lookup(0, p) && !__udp_lookup(addr, p))
				port = p;
		}
		if (!port) {
			ret = -EADDRINUSE;
			goto out;
		}
	} else if (__udp_lookup(addr, port)) {
		ret = -EADDRINUSE;
		goto out;
	}
	sk->inet_num = port;
	sk->inet_rcv_saddr = addr;
	sock_hold(sk);          /* the table's reference */
	list_add_tail(&sk->sk_node, udp_bucket(port));
out:
	spin_unlock_irqrestore(&udp_lock, flags);
	return ret;
}

/**
 * udp_unhash - take @sk out of the port table (no more deliveries)
 */
void udp_unhash(struct sock *sk)
{
	unsigned long flags;
	bool hashed;

	spin_lock_irqsave(&udp_lock, flags);
	hashed = sk->inet_num != 0;
	if (hashed) {
		list_del(&sk->sk_node);
		sk->inet_num = 0;
	}
	spin_unlock_irqrestore(&udp_lock, flags);
	if (hashed)
		sock_put(sk);
}

/**
 * udp_for_each_sock - call @fn on every bound socket, under the table lock
 */
void udp_for_each_sock(void (*fn)(struct sock *sk, void *arg), void *arg)
{
	unsigned long flags;
	struct sock *sk;

	spin_lock_irqsave(&udp_lock, flags);
	for (int i = 0; i < UDP_HTABLE_SIZE; i++)
		list_for_each_entry(sk, udp_bucket((u16)i), sk_node)
			fn(sk, arg);
	spin_unlock_irqrestore(&udp_lock, flags);
}

static int udp_drop(struct sk_buff *skb, enum skb_drop_reason reason)
{
	kfree_skb_reason(skb, reason);
	return NET_RX_DROP;
}

/**
 * udp_rcv - deliver a UDP datagram to its socket; consumes @skb
 * skb->data is at the UDP header; the IP header is at network_header.
 */
int udp_rcv(struct sk_buff *skb)
{
	const struct iphdr *iph = (const struct iphdr *)skb_network_header(skb);
	struct udphdr uh;
	struct sock *sk;
	unsigned int ulen;
	int ret;

	if (!pskb_may_pull(skb, sizeof(uh))) {
		NET_INC_STATS(udp_statistics.in_errors);
		return udp_drop(skb, SKB_DROP_REASON_PKT_TOO_SMALL);
	}
	memcpy(&uh, skb->data, sizeof(uh));
	ulen = ntohs(uh.len);
	if (ulen < sizeof(uh) || ulen > skb->len) {
		NET_INC_STATS(udp_statistics.in_errors);
		return udp_drop(skb, SKB_DROP_REASON_PKT_TOO_SMALL);
	}
	if (ulen < skb->len)
		skb_trim(skb, ulen);
	if (uh.check) {
		__wsum sum = csum_tcpudp_nofold(iph->saddr, iph->daddr, (u16)ulen,
						IPPROTO_UDP, 0);

		if (csum_fold(csum_partial(skb->data, ulen, sum)) != 0) {
			NET_INC_STATS(udp_statistics.in_errors);
			NET_INC_STATS(udp_statistics.csum_errors);
			return udp_drop(skb, SKB_DROP_REASON_UDP_CSUM);
		}
	}

	sk = udp_lookup(iph->daddr, ntohs(uh.dest));
	if (!sk) {
		NET_INC_STATS(udp_statistics.no_ports);
		icmp_send_port_unreach(skb);
		return udp_drop(skb, SKB_DROP_REASON_NO_SOCKET);
	}
	UDP_SKB_CB(skb)->saddr = iph->saddr;
	UDP_SKB_CB(skb)->sport = uh.source;
	UDP_SKB_CB(skb)->data_off = sizeof(uh);
	UDP_SKB_CB(skb)->data_len = (u16)(ulen - sizeof(uh));
	ret = sock_queue_rcv_skb(sk, skb);
	if (ret) {
		NET_INC_STATS(udp_statistics.rcvbuf_errors);
		NET_INC_STATS(udp_statistics.in_errors);
	} else {
		NET_INC_STATS(udp_statistics.in_datagrams);
	}
	sock_put(sk);
	return ret ? NET_RX_DROP : NET_RX_SUCCESS;
}

/**
 * udp_sendto - send @len bytes at @buf from @sk to @daddr:@dport
 * Binds @sk to an ephemeral port first if it is unbound.
 * Returns @len, or -errno.
 */
int udp_sendto(struct sock *sk, const void *buf, size_t len, __be32 daddr, u16 dport)
{
	struct net_device *dev;
	struct udphdr *uh;
	struct sk_buff *skb;
	__be32 saddr;
	unsigned int ulen = (unsigned int)len + sizeof(*uh);
	int ret;

	if (sk->sk_shutdown & SEND_SHUTDOWN)
		return -EPIPE;
	if (len > ETH_DATA_LEN - sizeof(struct iphdr) - sizeof(*uh))
		return -EMSGSIZE;
	if (!sk->inet_num) {
		ret = udp_bind(sk, 0, 0);
		if (ret)
			return ret;
	}
	dev = ip_route_output(daddr, &saddr);
	if (!dev)
		return -ENETUNREACH;
	if (sk->inet_rcv_saddr)
		saddr = sk->inet_rcv_saddr;
	skb = alloc_skb(IP_HEADROOM + ulen, GFP_KERNEL);
	if (!skb)
		return -ENOBUFS;
	skb_reserve(skb, IP_HEADROOM);
	uh = skb_put(skb, sizeof(*uh));
	uh->source = htons(sk->inet_num);
	uh->dest = htons(dport);
	uh->len = htons((u16)ulen);
	uh->check = 0;
	memcpy(skb_put(skb, (unsigned int)len), buf, len);
	uh->check = csum_fold(csum_partial(uh, ulen,
			csum_tcpudp_nofold(saddr, daddr, (u16)ulen, IPPROTO_UDP, 0)));
	if (!uh->check)
		uh->check = 0xffff;     /* 0 means "no checksum" on the wire */
	skb_reset_transport_header(skb);
	skb->sk = NULL;
	ret = ip_send_skb(skb, dev, saddr, daddr, IPPROTO_UDP);
	if (ret)
		return ret;
	NET_INC_STATS(udp_statistics.out_datagrams);
	NET_INC_STATS(sk->tx_packets);
	return (int)len;
}
