/* SPDX-License-Identifier: MIT */
/*
 * A tiny packet generator (net/core/pktgen.c) for tests and the shell:
 * it builds frames by hand and sends them with dev_queue_xmit(), so the
 * receive path can be exercised without an IP stack. Against QEMU's user
 * networking an ARP request for the gateway 10.0.2.2 always draws a reply.
 */
#ifndef _NET_PKTGEN_H
#define _NET_PKTGEN_H

#include <linux/types.h>
#include <linux/byteorder.h>

struct net_device;

/* QEMU user networking ("slirp") addresses, host byte order. */
#define PKTGEN_SLIRP_GUEST   0x0a00020fu   /* 10.0.2.15 */
#define PKTGEN_SLIRP_GATEWAY 0x0a000202u   /* 10.0.2.2 */

int pktgen_arp_request(struct net_device *dev, u32 sip, u32 tip);
int pktgen_arp_burst(struct net_device *dev, u32 sip, u32 tip, unsigned int count,
		     unsigned int *sent);
bool pktgen_is_arp_reply_from(const u8 *arp, unsigned int len, u32 sip);

#endif
