/* SPDX-License-Identifier: MIT */
/* Internet protocol numbers and special IPv4 addresses (RFC 791, 1700). */
#ifndef _LINUX_IN_H
#define _LINUX_IN_H

#include <linux/byteorder.h>

#define IPPROTO_IP   0
#define IPPROTO_ICMP 1
#define IPPROTO_TCP  6
#define IPPROTO_UDP  17

#define INADDR_ANY       ((u32)0x00000000)   /* host order */
#define INADDR_BROADCAST ((u32)0xffffffff)
#define INADDR_LOOPBACK  ((u32)0x7f000001)   /* 127.0.0.1, host order */

#define SOCK_DGRAM 2
#define AF_INET    2

/* kernel_recvfrom() flags */
#define MSG_DONTWAIT 0x40

#endif
