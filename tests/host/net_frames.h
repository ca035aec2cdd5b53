/* SPDX-License-Identifier: MIT */
/*
 * Frame builders for the net host tests and the fuzz driver, written
 * independently of net/ipv4 (their own RFC 1071 checksum) so that a bug
 * in the stack's checksum code cannot hide itself.
 */
#ifndef _HOST_NET_FRAMES_H
#define _HOST_NET_FRAMES_H

#include <stdint.h>
#include <string.h>

static const uint8_t MAC_US[6] = { 0x52, 0x54, 0x00, 0x12, 0x34, 0x56 };
static const uint8_t MAC_GW[6] = { 0x52, 0x55, 0x0a, 0x00, 0x02, 0x02 };
static const uint8_t MAC_BC[6] = { 0xff, 0xff, 0xff, 0xff, 0xff, 0xff };
#define IP_US 0x0a00020fu    /* 10.0.2.15 */
#define IP_GW 0x0a000202u    /* 10.0.2.2 */

static inline void put16(uint8_t *p, uint16_t v) { p[0] = (uint8_t)(v >> 8); p[1] = (uint8_t)v; }
static inline void put32(uint8_t *p, uint32_t v) { put16(p, (uint16_t)(v >> 16)); put16(p + 2, (uint16_t)v); }
static inline uint16_t get16(const uint8_t *p) { return (uint16_t)(p[0] << 8 | p[1]); }
static inline uint32_t get32(const uint8_t *p) { return (uint32_t)get16(p) << 16 | get16(p + 2); }

/* RFC 1071, the slow obvious way; @init adds a pre-summed pseudo-header. */
static inline uint16_t ref_csum(const uint8_t *p, size_t len, uint32_t init)
{
	uint32_t s = init;

	for (size_t i = 0; i + 1 < len; i += 2)
		s += (uint32_t)(p[i] << 8 | p[i + 1]);
	if (len & 1)
		s += (uint32_t)p[len - 1] << 8;
	while (s >> 16)
		s = (s & 0xffff) + (s >> 16);
	return (uint16_t)~s;
}

static inline size_t mk_eth(uint8_t *f, const uint8_t *dst, const uint8_t *src, uint16_t type)
{
	memcpy(f, dst, 6);
	memcpy(f + 6, src, 6);
	put16(f + 12, type);
	return 14;
}

static inline size_t mk_arp(uint8_t *f, uint16_t op, const uint8_t *sha, uint32_t sip,
			    const uint8_t *tha, uint32_t tip, const uint8_t *eth_dst)
{
	size_t n = mk_eth(f, eth_dst, sha, 0x0806);

	put16(f + n, 1); put16(f + n + 2, 0x0800); f[n + 4] = 6; f[n + 5] = 4;
	put16(f + n + 6, op);
	memcpy(f + n + 8, sha, 6); put32(f + n + 14, sip);
	memcpy(f + n + 18, tha, 6); put32(f + n + 24, tip);
	return n + 28;
}

/* Ethernet + 20-byte IPv4 header + @plen payload bytes already at f+34. */
static inline size_t mk_ip(uint8_t *f, uint32_t src, uint32_t dst, uint8_t proto, size_t plen)
{
	uint8_t *ip = f + 14;

	mk_eth(f, MAC_US, MAC_GW, 0x0800);
	ip[0] = 0x45; ip[1] = 0;
	put16(ip + 2, (uint16_t)(20 + plen));
	put16(ip + 4, 0x1234); put16(ip + 6, 0x4000);
	ip[8] = 64; ip[9] = proto;
	put16(ip + 10, 0);
	put32(ip + 12, src); put32(ip + 16, dst);
	put16(ip + 10, ref_csum(ip, 20, 0));
	return 34 + plen;
}

static inline uint32_t pseudo_sum(uint32_t src, uint32_t dst, uint8_t proto, uint16_t len)
{
	return (src >> 16) + (src & 0xffff) + (dst >> 16) + (dst & 0xffff) + proto + len;
}

/* A UDP datagram (checksum computed unless @csum_mode: 1 zero, 2 corrupt). */
static inline size_t mk_udp(uint8_t *f, uint32_t src, uint32_t dst, uint16_t sport,
			    uint16_t dport, const void *data, size_t dlen, int csum_mode)
{
	uint8_t *u = f + 34;
	uint16_t ulen = (uint16_t)(8 + dlen);

	put16(u, sport); put16(u + 2, dport); put16(u + 4, ulen); put16(u + 6, 0);
	memcpy(u + 8, data, dlen);
	if (csum_mode != 1) {
		uint16_t c = ref_csum(u, ulen, pseudo_sum(src, dst, 17, ulen));

		put16(u + 6, c ? c : 0xffff);
		if (csum_mode == 2)
			u[6] ^= 0x40;
	}
	return mk_ip(f, src, dst, 17, ulen);
}

#endif
