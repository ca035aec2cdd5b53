// SPDX-License-Identifier: MIT
/*
 * Fuzz target for the IPv4 receive path: arbitrary bytes as an Ethernet
 * frame through eth_type_trans() and the ARP / IPv4 handlers (net/ipv4),
 * with UDP sockets bound on ports 7 and 9 so that deliveries happen, over
 * the network core stand-ins of tests/host/net_host.c.
 *
 * Input: byte 0 is a mode, the rest the frame. Mode bit 0 recomputes the
 * IPv4 header checksum and bit 1 the UDP/ICMP checksum before the frame
 * goes in, so that the fuzzer gets past them and into the deeper checks.
 *
 * The invariant (DESIGN.md: nothing is lost silently): every frame ends
 * exactly once, either dropped under a valid drop reason or consumed -
 * directly or after being read from the socket it was queued on - and
 * the sum of drops and deliveries equals the frames fed. Any violation,
 * leak or memory error aborts.
 *
 * Built two ways (tests/fuzz/run_fuzz.t): with clang's libFuzzer
 * (-fsanitize=fuzzer,address,undefined), or with -DNET_FUZZ_STANDALONE
 * and gcc's ASan/UBSan, where main() runs a seeded mutation driver over
 * valid ARP/ICMP/UDP templates.
 */
#include <linux/kernel.h>
#include <linux/in.h>
#include <linux/net.h>
#include <net/arp.h>
#include <net/ip.h>
#include <net/sock.h>
#include "net_host.h"
#include "net_frames.h"
#include <stdio.h>
#include <stdlib.h>

static struct socket *socks[2];
static unsigned long frames, delivered, dropped;
static bool ready;

static void setup_once(void)
{
	if (ready)
		return;
	net_host_reset();
	arp_init();
	ip_init();
	inet_dev_config(&net_host_eth0, htonl(IP_US), htonl(0xffffff00), htonl(IP_GW));
	if (sock_create_kern(SOCK_DGRAM, &socks[0]) || kernel_bind(socks[0], 0, 7) ||
	    sock_create_kern(SOCK_DGRAM, &socks[1]) || kernel_bind(socks[1], 0, 9))
		abort();
	ready = true;
}

static void fix_checksums(uint8_t *f, size_t len, int mode)
{
	size_t ihl, tot;

	if (len < 34 || get16(f + 12) != 0x0800)
		return;
	ihl = (f[14] & 15) * 4u;
	if (ihl < 20 || 14 + ihl > len)
		return;
	tot = get16(f + 16);
	if ((mode & 2) && tot >= ihl && 14 + tot <= len) {
		uint8_t *t = f + 14 + ihl;
		size_t tl = tot - ihl;

		if (f[23] == 17 && tl >= 8) {
			put16(t + 6, 0);
			put16(t + 6, ref_csum(t, tl, pseudo_sum(get32(f + 26), get32(f + 30), 17, (uint16_t)tl)));
		} else if (f[23] == 1 && tl >= 4) {
			put16(t + 2, 0);
			put16(t + 2, ref_csum(t, tl, 0));
		}
	}
	if (mode & 1) {
		put16(f + 24, 0);
		put16(f + 24, ref_csum(f + 14, ihl, 0));
	}
}

/* Feed one frame and check that it ended exactly once. */
static void feed(uint8_t *f, size_t len)
{
	uint8_t buf[2048];
	bool on_socket;

	frames++;
	net_host_ntx = 0;                  /* sent frames are not checked here */
	net_host_rx_frame(f, (unsigned int)len);
	on_socket = net_host_rx_end == -1;
	for (int i = 0; i < 2; i++)
		while (kernel_recvfrom(socks[i], buf, sizeof(buf), NULL, NULL, MSG_DONTWAIT, 0) >= 0)
			;
	if (net_host_rx_end == NET_HOST_RX_CONSUMED) {
		delivered++;
	} else if (net_host_rx_end >= 0 && net_host_rx_end < SKB_DROP_REASON_MAX && !on_socket) {
		dropped++;
	} else {
		fprintf(stderr, "frame %lu (len %zu) ended as %d, on socket %d\n",
			frames, len, net_host_rx_end, on_socket);
		abort();
	}
	if (frames != delivered + dropped)
		abort();
	if (net_host_rx_skb)
		abort();
	/* Output queued for ARP may build up: start afresh now and then. */
	if ((frames & 255) == 0) {
		neigh_flush_all();
		if (net_host_live_skbs() != 0)
			abort();
	}
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static uint8_t f[4096];

	setup_once();
	if (size < 1 || size - 1 > sizeof(f))
		return 0;
	memcpy(f, data + 1, size - 1);
	fix_checksums(f, size - 1, data[0]);
	feed(f, size - 1);
	return 0;
}

#ifdef NET_FUZZ_STANDALONE
static uint64_t rng = 0x9e3779b97f4a7c15ull;
static uint64_t next(void)
{
	rng ^= rng << 13;
	rng ^= rng >> 7;
	rng ^= rng << 17;
	return rng;
}

/* A valid frame of one of several kinds, to mutate. */
static size_t template(uint8_t *f, unsigned int kind)
{
	const uint8_t zero[6] = { 0 };
	uint8_t *ic = f + 34;

	switch (kind % 5) {
	case 0:
		return mk_arp(f, 1, MAC_GW, IP_GW, zero, IP_US, MAC_BC);
	case 1:
		return mk_arp(f, 2, MAC_GW, (uint32_t)(IP_GW + (next() & 7)), MAC_US, IP_US, MAC_US);
	case 2:
		return mk_udp(f, IP_GW, IP_US, 1234, (next() & 1) ? 7 : 9, "fuzzing", 7, 0);
	case 3:
		return mk_udp(f, (uint32_t)next(), IP_US, 1234, (uint16_t)next(), "x", 1, (int)(next() % 3));
	default:
		ic[0] = 8; ic[1] = 0; put16(ic + 2, 0); put16(ic + 4, 1); put16(ic + 6, 2);
		memcpy(ic + 8, "abcdefgh", 8);
		put16(ic + 2, ref_csum(ic, 16, 0));
		return mk_ip(f, IP_GW, IP_US, 1, 16);
	}
}

int main(int argc, char **argv)
{
	unsigned long iters = argc > 1 ? strtoul(argv[1], NULL, 10) : 200000;
	static uint8_t in[1 + 1600];

	if (argc > 2)
		rng = strtoull(argv[2], NULL, 10) | 1;
	for (unsigned long i = 0; i < iters; i++) {
		size_t len = template(in + 1, (unsigned int)next());
		unsigned int flips = (unsigned int)(next() % 4);

		in[0] = (uint8_t)next();
		for (unsigned int k = 0; k < flips; k++)
			in[1 + next() % (len + 8)] ^= (uint8_t)(1u << (next() % 8));
		switch (next() % 4) {
		case 0: len = next() % (len + 1); break;         /* truncate */
		case 1: len += next() % 32; break;               /* trailing junk */
		default: break;
		}
		LLVMFuzzerTestOneInput(in, len + 1);
	}
	neigh_flush_all();
	printf("frames %lu delivered %lu dropped %lu live_skbs %ld\n",
	       frames, delivered, dropped, net_host_live_skbs());
	return net_host_live_skbs() == 0 && frames == delivered + dropped ? 0 : 1;
}
#endif
