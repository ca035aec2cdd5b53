/* SPDX-License-Identifier: MIT */
/*
 * The Internet checksum (RFC 1071): the 16-bit one's complement of the
 * one's complement sum of the data taken as big-endian 16-bit words. The
 * running sum (__wsum) is kept as a 32-bit accumulator of those words in
 * host order and folded at the end; the folded result is returned in
 * network order so that it can be stored straight into a header.
 */
#ifndef _NET_CHECKSUM_H
#define _NET_CHECKSUM_H

#include <linux/types.h>
#include <linux/byteorder.h>

/**
 * csum_partial - add @len bytes at @buf to the running sum @sum
 * An odd trailing byte counts as the high byte of a zero-padded word.
 */
static inline __wsum csum_partial(const void *buf, unsigned int len, __wsum sum)
{
	const u8 *p = buf;
	u64 acc = sum;

	while (len >= 2) {
		acc += (u32)((p[0] << 8) | p[1]);
		p += 2;
		len -= 2;
	}
	if (len)
		acc += (u32)(p[0] << 8);
	while (acc >> 32)
		acc = (acc & 0xffffffff) + (acc >> 32);
	return (__wsum)acc;
}

/** csum_fold - fold a running sum to 16 bits and complement it (network order) */
static inline __sum16 csum_fold(__wsum sum)
{
	u32 s = sum;

	s = (s & 0xffff) + (s >> 16);
	s = (s & 0xffff) + (s >> 16);
	return htons((u16)~s);
}

/** ip_compute_csum - the checksum of @len bytes at @buf */
static inline __sum16 ip_compute_csum(const void *buf, unsigned int len)
{
	return csum_fold(csum_partial(buf, len, 0));
}

/**
 * csum_tcpudp_nofold - start a UDP/TCP sum with the IPv4 pseudo-header
 * @saddr, @daddr: addresses, network order; @len: transport length, host
 * order; @proto: IPPROTO_*.
 */
static inline __wsum csum_tcpudp_nofold(__be32 saddr, __be32 daddr, u16 len,
					u8 proto, __wsum sum)
{
	u32 s = ntohl(saddr), d = ntohl(daddr);
	u64 acc = sum;

	acc += (s >> 16) + (s & 0xffff) + (d >> 16) + (d & 0xffff);
	acc += proto;
	acc += len;
	while (acc >> 32)
		acc = (acc & 0xffffffff) + (acc >> 32);
	return (__wsum)acc;
}

#endif
