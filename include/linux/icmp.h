/* SPDX-License-Identifier: MIT */
/* The ICMP header (RFC 792). */
#ifndef _LINUX_ICMP_H
#define _LINUX_ICMP_H

#include <linux/types.h>
#include <linux/byteorder.h>

#define ICMP_ECHOREPLY     0
#define ICMP_DEST_UNREACH  3
#define ICMP_ECHO          8
#define ICMP_PORT_UNREACH  3   /* code of ICMP_DEST_UNREACH */

struct icmphdr {
	u8 type;
	u8 code;
	__sum16 checksum;          /* over the ICMP header and data */
	union {
		struct {
			__be16 id;
			__be16 sequence;
		} echo;
		__be32 gateway;
		u32 unused;
	} un;
} __attribute__((packed));

#endif
