/* SPDX-License-Identifier: MIT */
/*
 * The ARP header (RFC 826) and, for Ethernet/IPv4 (the only kind irqos
 * speaks), the body that follows it.
 */
#ifndef _LINUX_IF_ARP_H
#define _LINUX_IF_ARP_H

#include <linux/types.h>
#include <linux/byteorder.h>
#include <linux/if_ether.h>

#define ARPHRD_ETHER 1

#define ARPOP_REQUEST 1
#define ARPOP_REPLY   2

struct arphdr {
	__be16 ar_hrd;     /* hardware type, ARPHRD_ETHER */
	__be16 ar_pro;     /* protocol type, ETH_P_IP */
	u8 ar_hln;         /* hardware address length, 6 */
	u8 ar_pln;         /* protocol address length, 4 */
	__be16 ar_op;      /* ARPOP_REQUEST / ARPOP_REPLY */
} __attribute__((packed));

/* What follows struct arphdr for hrd ETHER / pro IP. */
struct arp_eth_body {
	u8 ar_sha[ETH_ALEN];   /* sender hardware address */
	__be32 ar_sip;         /* sender IP */
	u8 ar_tha[ETH_ALEN];   /* target hardware address */
	__be32 ar_tip;         /* target IP */
} __attribute__((packed));

#endif
