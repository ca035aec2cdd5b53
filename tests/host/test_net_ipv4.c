// SPDX-License-Identifier: MIT
/*
 * Host tests for IPv4 receive (net/ipv4/ip_input.c), ICMP echo
 * (icmp.c), UDP (udp.c) and kernel sockets (net/socket.c), fed Ethernet
 * frames built independently in net_frames.h, against the network core
 * stand-ins of net_host.c and the real wait queues (kernel/sched/wait.c)
 * with a fake scheduler.
 *
 * Checked: the header checksum helper against the reference; bad version,
 * ihl, truncated tot_len, checksum, options, MF and offset fragments,
 * another host's address and an unknown protocol are each dropped under
 * their own reason and nothing is sent; Ethernet padding is trimmed; an
 * echo request gets an echo reply with exactly the expected bytes; UDP
 * with a good, absent (0) and corrupt checksum; no socket: NO_SOCKET and
 * an ICMP port unreachable quoting the datagram; a socket's receive
 * buffer limit drops SOCKET_RCVBUFF and counts sk_drops; each datagram
 * wakes exactly one of several exclusive sleepers; kernel_recvfrom()
 * sleeps and is woken by a datagram arriving meanwhile, times out with
 * -EAGAIN, returns at once with MSG_DONTWAIT, and returns 0 on shutdown;
 * kernel_sendto() builds a valid UDP/IP frame.
 */
#include <linux/kernel.h>
#include <linux/errno.h>
#include <linux/in.h>
#include <linux/net.h>
#include <linux/wait.h>
#include <net/checksum.h>
#include <net/arp.h>
#include <net/ip.h>
#include <net/udp.h>
#include <net/sock.h>
#include "tap.h"
#include "net_host.h"
#include "net_frames.h"

static struct socket *sock;      /* bound to port 7 */

static void setup(void)
{
	net_host_reset();
}

static void rx(const uint8_t *f, size_t len)
{
	net_host_rx_frame(f, (unsigned int)len);
}

static void test_csum(void)
{
	uint8_t buf[101];

	for (int i = 0; i < 101; i++)
		buf[i] = (uint8_t)(i * 37 + 11);
	for (int n = 0; n <= 101; n += 17)
		is_int(ntohs(ip_compute_csum(buf, (unsigned)n)), ref_csum(buf, (size_t)n, 0),
		       "ip_compute_csum over %d bytes matches RFC 1071", n);
}

/* Feed a bad variant of a valid UDP frame to port 7; expect @reason. */
static void bad_ip(const char *what, void (*mutate)(uint8_t *f, size_t *len),
		   enum skb_drop_reason reason)
{
	uint8_t f[128];
	size_t len;

	setup();
	len = mk_udp(f, IP_GW, IP_US, 4000, 7, "hello", 5, 0);
	mutate(f, &len);
	rx(f, len);
	is_int(skb_drop_count[reason], 1, "%s: dropped as %s", what, skb_drop_reason_names[reason]);
	ok(net_host_ntx == 0 && skb_queue_empty(&sock->sk->sk_receive_queue),
	   "%s: nothing delivered, nothing sent", what);
}

static void fix_csum(uint8_t *f)
{
	size_t ihl = (f[14] & 15) * 4u;

	put16(f + 24, 0);
	put16(f + 24, ref_csum(f + 14, ihl, 0));
}
static void m_version(uint8_t *f, size_t *len) { f[14] = 0x65; fix_csum(f); }
static void m_ihl(uint8_t *f, size_t *len) { f[14] = 0x44; put16(f + 24, 0); put16(f + 24, ref_csum(f + 14, 20, 0)); }
static void m_totlen(uint8_t *f, size_t *len) { put16(f + 16, 200); fix_csum(f); }
static void m_csum(uint8_t *f, size_t *len) { f[25] ^= 1; }
static void m_frag_mf(uint8_t *f, size_t *len) { put16(f + 20, 0x2000); fix_csum(f); }
static void m_frag_off(uint8_t *f, size_t *len) { put16(f + 20, 0x0010); fix_csum(f); }
static void m_other(uint8_t *f, size_t *len) { put32(f + 30, 0x0a000299); fix_csum(f); }
static void m_proto(uint8_t *f, size_t *len) { f[23] = 6; fix_csum(f); }
static void m_short(uint8_t *f, size_t *len) { *len = 14 + 19; }
static void m_options(uint8_t *f, size_t *len)
{
	/* ihl 6: a NOP option word inserted after the header */
	memmove(f + 38, f + 34, *len - 34);
	memset(f + 34, 1, 4);
	*len += 4;
	f[14] = 0x46;
	put16(f + 16, (uint16_t)(get16(f + 16) + 4));
	fix_csum(f);
}

static void test_ip_drops(void)
{
	bad_ip("version 6", m_version, SKB_DROP_REASON_IP_INHDR);
	bad_ip("ihl 4", m_ihl, SKB_DROP_REASON_IP_INHDR);
	bad_ip("tot_len beyond the frame", m_totlen, SKB_DROP_REASON_PKT_TOO_SMALL);
	bad_ip("header checksum", m_csum, SKB_DROP_REASON_IP_CSUM);
	bad_ip("options (ihl 6)", m_options, SKB_DROP_REASON_IP_OPTIONS);
	bad_ip("MF fragment", m_frag_mf, SKB_DROP_REASON_IP_FRAG);
	bad_ip("fragment offset", m_frag_off, SKB_DROP_REASON_IP_FRAG);
	bad_ip("another host's address", m_other, SKB_DROP_REASON_OTHERHOST);
	bad_ip("TCP", m_proto, SKB_DROP_REASON_UNHANDLED_PROTO);
	bad_ip("19-byte IP header", m_short, SKB_DROP_REASON_PKT_TOO_SMALL);
}

static void test_icmp_echo(void)
{
	uint8_t f[128], want[128];
	uint8_t *ic = f + 34;
	const uint8_t payload[] = "0123456789abcdefghijklmnopqrstuv";   /* 33 bytes with NUL */
	size_t plen = 8 + sizeof(payload), len;
	const uint8_t *r;

	setup();
	ic[0] = 8; ic[1] = 0; put16(ic + 2, 0); put16(ic + 4, 0xbeef); put16(ic + 6, 42);
	memcpy(ic + 8, payload, sizeof(payload));
	put16(ic + 2, ref_csum(ic, plen, 0));
	len = mk_ip(f, IP_GW, IP_US, 1, plen);
	rx(f, len);
	is_int(net_host_ntx, 1, "echo request: one frame out");
	r = net_host_tx[0].data;
	is_int(net_host_tx[0].len, len, "echo reply is as long as the request");
	/* The expected reply, built by hand: swap addresses, type 0, new checksums. */
	memcpy(want, f, len);
	memcpy(want, MAC_GW, 6);
	memcpy(want + 6, MAC_US, 6);
	want[14 + 8] = 64;
	put16(want + 18, get16(r + 18));         /* IP id: the sender's choice */
	put32(want + 26, IP_US);
	put32(want + 30, IP_GW);
	put16(want + 24, 0);
	put16(want + 24, ref_csum(want + 14, 20, 0));
	want[34] = 0;
	put16(want + 36, 0);
	put16(want + 36, ref_csum(want + 34, plen, 0));
	ok(!memcmp(r, want, len), "echo reply bytes exact (id 0xbeef, seq 42, payload, both checksums)");
	is_int(icmp_statistics.out_echo_reps, 1, "OutEchoReps counted");

	/* A broadcast echo request is not answered. */
	setup();
	len = mk_ip(f, IP_GW, 0xffffffffu, 1, plen);
	memcpy(f, MAC_BC, 6);
	rx(f, len);
	is_int(net_host_ntx, 0, "broadcast ping: no reply");
}

static long recv_now(void *buf, size_t n, __be32 *sa, u16 *sp)
{
	return kernel_recvfrom(sock, buf, n, sa, sp, MSG_DONTWAIT, 0);
}

static void test_udp(void)
{
	uint8_t f[128], buf[64];
	__be32 sa;
	u16 sp;
	size_t len;
	long n;

	setup();
	len = mk_udp(f, IP_GW, IP_US, 4000, 7, "hello", 5, 0);
	memset(f + len, 0xee, 60 - len);           /* Ethernet padding to 60 */
	rx(f, 60);
	n = recv_now(buf, sizeof(buf), &sa, &sp);
	ok(n == 5 && !memcmp(buf, "hello", 5) && sa == htonl(IP_GW) && sp == 4000,
	   "good checksum, padded frame: 5 bytes 'hello' from 10.0.2.2:4000");
	len = mk_udp(f, IP_GW, IP_US, 4001, 7, "world!", 6, 1);
	rx(f, len);
	n = recv_now(buf, sizeof(buf), &sa, &sp);
	ok(n == 6 && !memcmp(buf, "world!", 6) && sp == 4001, "zero checksum (none): delivered");
	len = mk_udp(f, IP_GW, IP_US, 4002, 7, "bad", 3, 2);
	rx(f, len);
	is_int(skb_drop_count[SKB_DROP_REASON_UDP_CSUM], 1, "corrupt checksum: UDP_CSUM drop");
	is_int(recv_now(buf, sizeof(buf), NULL, NULL), -EAGAIN, "... and nothing to read");
	len = mk_udp(f, IP_GW, IP_US, 4003, 7, "truncate me", 11, 0);
	rx(f, len);
	n = recv_now(buf, 4, NULL, NULL);
	ok(n == 4 && !memcmp(buf, "trun", 4), "a short buffer gets the first bytes");

	/* No socket: dropped, and the sender told. */
	setup();
	len = mk_udp(f, IP_GW, IP_US, 4004, 9999, "nobody", 6, 0);
	rx(f, len);
	is_int(skb_drop_count[SKB_DROP_REASON_NO_SOCKET], 1, "closed port: NO_SOCKET drop");
	ok(net_host_ntx == 1 && get16(net_host_tx[0].data + 12) == 0x0800 &&
	   net_host_tx[0].data[23] == 1 && net_host_tx[0].data[34] == 3 && net_host_tx[0].data[35] == 3 &&
	   !memcmp(net_host_tx[0].data + 42, f + 14, 28) &&
	   ref_csum(net_host_tx[0].data + 34, net_host_tx[0].len - 34, 0) == 0,
	   "... ICMP port unreachable quoting the IP header + 8 bytes, valid checksum");
}

static void test_rcvbuf(void)
{
	uint8_t f[128], buf[64];
	struct sock *sk = sock->sk;
	size_t len;
	int i;

	setup();
	len = mk_udp(f, IP_GW, IP_US, 4000, 7, "0123456789", 10, 0);
	/* Room for exactly 3 of these datagrams. */
	rx(f, len);
	sk->sk_rcvbuf = sk->sk_rmem_alloc * 3;
	sk->sk_drops = 0;
	for (i = 0; i < 4; i++)
		rx(f, len);
	is_int(skb_queue_len(&sk->sk_receive_queue), 3, "receive queue holds sk_rcvbuf's worth: 3");
	is_int(skb_drop_count[SKB_DROP_REASON_SOCKET_RCVBUFF], 2, "2 dropped SOCKET_RCVBUFF");
	is_int(sk->sk_drops, 2, "sk_drops counts them");
	recv_now(buf, sizeof(buf), NULL, NULL);
	rx(f, len);
	is_int(skb_queue_len(&sk->sk_receive_queue), 3, "reading one makes room for one more");
	while (recv_now(buf, sizeof(buf), NULL, NULL) > 0)
		;
	is_int(sk->sk_rmem_alloc, 0, "all read: nothing charged");
	sk->sk_rcvbuf = SK_RMEM_DEFAULT;
}

static uint8_t hook_frame[128];
static size_t hook_len;
static int hook_mode;   /* 0: deliver, 1: nothing (time out), 2: shut down */

static long sleep_hook(long timeout)
{
	if (hook_mode == 0)
		rx(hook_frame, hook_len);          /* the softirq, while we sleep */
	else if (hook_mode == 2)
		kernel_sock_shutdown(sock, RCV_SHUTDOWN);
	else
		return 0;
	return timeout - 1;
}

static void test_wakeups(void)
{
	struct wait_queue_entry w[4];
	uint8_t buf[64];
	__be32 sa;
	u16 sp;
	long n;

	setup();
	hook_len = mk_udp(hook_frame, IP_GW, IP_US, 5555, 7, "wake", 4, 0);
	for (int t = 1; t <= 3; t++) {
		net_host_set_current(t);
		init_wait_entry(&w[t], 0);
		prepare_to_wait_exclusive(&sock->sk->sk_wq, &w[t], TASK_INTERRUPTIBLE);
	}
	net_host_set_current(0);
	rx(hook_frame, hook_len);
	is_str(net_host_wake_log, "1", "one datagram wakes exactly one of three exclusive sleepers");
	rx(hook_frame, hook_len);
	is_str(net_host_wake_log, "12", "the next wakes the next one");
	for (int t = 1; t <= 3; t++) {
		net_host_set_current(t);
		finish_wait(&sock->sk->sk_wq, &w[t]);
	}
	net_host_set_current(0);
	while (recv_now(buf, sizeof(buf), NULL, NULL) > 0)
		;

	setup();
	net_host_sleep_hook = sleep_hook;
	hook_mode = 0;
	n = kernel_recvfrom(sock, buf, sizeof(buf), &sa, &sp, 0, 100);
	ok(n == 4 && !memcmp(buf, "wake", 4) && sp == 5555, "recvfrom sleeps; a datagram arriving meanwhile is returned");
	is_int(net_host_sleeps, 1, "... after exactly one sleep");
	is_str(net_host_wake_log, "0", "... and the softirq woke the sleeper");
	ok(list_empty(&sock->sk->sk_wq.head), "... which left the wait queue");

	setup();
	net_host_sleep_hook = sleep_hook;
	hook_mode = 1;
	is_int(kernel_recvfrom(sock, buf, sizeof(buf), NULL, NULL, 0, 100), -EAGAIN, "nothing arrives: -EAGAIN after the timeout");
	is_int(net_host_sleeps, 1, "... one sleep");
	is_int(kernel_recvfrom(sock, buf, sizeof(buf), NULL, NULL, MSG_DONTWAIT, 100), -EAGAIN, "MSG_DONTWAIT: -EAGAIN");
	is_int(net_host_sleeps, 1, "... without sleeping");
	sock->sk->sk_err = 111;
	is_int(kernel_recvfrom(sock, buf, sizeof(buf), NULL, NULL, 0, 100), -111, "a pending sk_err is returned");
	is_int(sock->sk->sk_err, 0, "... and cleared");

	hook_mode = 2;
	sock->sk->sk_drops = 0;
	is_int(kernel_recvfrom(sock, buf, sizeof(buf), NULL, NULL, 0, 100), 0, "shutdown while sleeping: returns 0");
	rx(hook_frame, hook_len);
	is_int(sock->sk->sk_drops, 1, "a datagram after shutdown is dropped and counted");
	sock->sk->sk_shutdown = 0;
}

static void test_sendto(void)
{
	struct socket *s2;
	const uint8_t *t;
	uint16_t ulen;

	setup();
	if (sock_create_kern(SOCK_DGRAM, &s2))
		return;
	is_int(kernel_bind(s2, 0, 7), -EADDRINUSE, "binding a taken port: -EADDRINUSE");
	is_int(kernel_sendto(s2, "ping", 4, htonl(IP_GW), 7), 4, "sendto returns the length");
	ok(s2->sk->inet_num >= 32768, "an unbound socket gets an ephemeral port on send");
	is_int(net_host_ntx, 1, "one frame out (gateway already resolved)");
	t = net_host_tx[0].data;
	ulen = get16(t + 38);
	ok(!memcmp(t, MAC_GW, 6) && get16(t + 12) == 0x0800 && t[14] == 0x45 && t[22] == 64 &&
	   t[23] == 17 && get16(t + 20) == 0x4000 && ref_csum(t + 14, 20, 0) == 0,
	   "IPv4 header: version/ihl, TTL 64, UDP, DF, valid checksum");
	ok(get32(t + 26) == IP_US && get32(t + 30) == IP_GW && get16(t + 36) == 7 && ulen == 12 &&
	   !memcmp(t + 42, "ping", 4) && ref_csum(t + 34, ulen, pseudo_sum(IP_US, IP_GW, 17, ulen)) == 0,
	   "UDP header and payload, checksum valid with the pseudo-header");
	sock_release(s2);
}

static void test_ip_option(void)
{
	static const struct { const char *s; int ret; uint32_t a, m, g; } cases[] = {
		{ "192.168.1.5:192.168.1.1:192.168.1.254:255.255.0.0", 0, 0xc0a80105, 0xffff0000, 0xc0a801fe },
		{ "10.0.2.20", 0, 0x0a000214, 0xffffff00, 0x0a000202 },       /* defaults kept */
		{ "10.0.2.21::10.0.2.1", 0, 0x0a000215, 0xffffff00, 0x0a000201 },
		{ "10.0.2.22:::255.255.255.252:myhost:eth0:off", 0, 0x0a000216, 0xfffffffc, 0x0a000202 },
		{ "10.0.2.300", -EINVAL, 0, 0, 0 },
		{ "10.0.2", -EINVAL, 0, 0, 0 },
		{ "dhcp", -EINVAL, 0, 0, 0 },
		{ "10.0.2.23:::255.0.255.0", -EINVAL, 0, 0, 0 },              /* holes in the mask */
		{ ":::255.255.0.0", 0, 0x0a00020f, 0xffff0000, 0x0a000202 },   /* empty client: default */
	};

	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		__be32 a = htonl(0x0a00020f), m = htonl(0xffffff00), g = htonl(0x0a000202);
		int ret = inet_parse_ip_option(cases[i].s, &a, &m, &g);

		if (cases[i].ret)
			ok(ret == cases[i].ret && a == htonl(0x0a00020f) && m == htonl(0xffffff00),
			   "ip=%s: -EINVAL, defaults untouched", cases[i].s);
		else
			ok(ret == 0 && a == htonl(cases[i].a) && m == htonl(cases[i].m) && g == htonl(cases[i].g),
			   "ip=%s: address, netmask, gateway", cases[i].s);
	}
}

int main(void)
{
	uint8_t f[64];
	const uint8_t zero[6] = { 0 };

	net_host_reset();
	arp_init();
	ip_init();
	inet_dev_config(&net_host_eth0, htonl(IP_US), htonl(0xffffff00), htonl(IP_GW));
	if (sock_create_kern(SOCK_DGRAM, &sock) || kernel_bind(sock, 0, 7))
		return 1;
	/* Learn the gateway, so that replies go out at once. */
	net_host_rx_frame(f, (unsigned int)mk_arp(f, 1, MAC_GW, IP_GW, zero, IP_US, MAC_BC));

	test_csum();
	test_ip_option();
	test_ip_drops();
	test_icmp_echo();
	test_udp();
	test_rcvbuf();
	test_wakeups();
	test_sendto();
	sock_release(sock);
	neigh_flush_all();
	is_int(net_host_live_skbs(), 0, "no sk_buff leaked");
	return done_testing();
}
