/* SPDX-License-Identifier: MIT */
/* The UDP header (RFC 768). */
#ifndef _LINUX_UDP_H
#define _LINUX_UDP_H

#include <linux/types.h>
#include <linux/byteorder.h>

struct udphdr {
	__be16 source;
	__be16 dest;
	__be16 len;        /* header + data, bytes */
	__sum16 check;     /* 0: not computed by the sender */
} __attribute__((packed));

#endif
