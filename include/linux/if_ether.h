/* SPDX-License-Identifier: MIT */
/* Ethernet frame layout and ethertypes (IEEE 802.3). */
#ifndef _LINUX_IF_ETHER_H
#define _LINUX_IF_ETHER_H

#include <linux/types.h>
#include <linux/byteorder.h>

#define ETH_ALEN      6      /* octets in a MAC address */
#define ETH_HLEN      14     /* destination, source, type */
#define ETH_ZLEN      60     /* minimum frame without the FCS */
#define ETH_DATA_LEN  1500   /* maximum payload (MTU) */
#define ETH_FRAME_LEN 1514   /* maximum frame without the FCS */
#define ETH_FCS_LEN   4

#define ETH_P_IP   0x0800
#define ETH_P_ARP  0x0806
#define ETH_P_IPV6 0x86DD
#define ETH_P_ALL  0x0003    /* packet_type: every protocol (taps) */

struct ethhdr {
	u8 h_dest[ETH_ALEN];
	u8 h_source[ETH_ALEN];
	__be16 h_proto;
} __attribute__((packed));

#endif
