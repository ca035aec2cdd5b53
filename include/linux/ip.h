/* SPDX-License-Identifier: MIT */
/* The IPv4 header (RFC 791). Multi-byte fields are in network order. */
#ifndef _LINUX_IP_H
#define _LINUX_IP_H

#include <linux/types.h>
#include <linux/byteorder.h>

struct iphdr {
	u8 ihl:4,          /* header length in 32-bit words (low nibble first on x86) */
	   version:4;
	u8 tos;
	__be16 tot_len;    /* header + payload, bytes */
	__be16 id;
	__be16 frag_off;   /* flags (DF, MF) and fragment offset in 8-byte units */
	u8 ttl;
	u8 protocol;
	__sum16 check;     /* one's complement of the header's one's complement sum */
	__be32 saddr;
	__be32 daddr;
} __attribute__((packed));

#define IP_DF     0x4000   /* frag_off bits, host order */
#define IP_MF     0x2000
#define IP_OFFSET 0x1fff

#endif
