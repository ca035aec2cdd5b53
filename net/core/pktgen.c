// SPDX-License-Identifier: MIT
/*
 * A minimal packet generator: hand-built broadcast ARP requests sent with
 * dev_queue_xmit(). It exists so the driver and NAPI can be tested end to
 * end before (and independently of) the IPv4 stack: QEMU's user network
 * answers every "who has 10.0.2.2" with an ARP reply, which comes back in
 * through the NIC's interrupt, NAPI and netif_receive_skb().
 *
 * Shell: "pktgen [-q] ethN [COUNT [TARGET-IP]]" sends COUNT requests and
 * reports how many the driver took (with -q: how many dev_queue_xmit()
 * accepted - it does not wait while the driver's queue is stopped, so
 * frames wait in the device's qdisc, as a socket's would); the replies show in ifconfig's RX
 * counters (and in netdrops as UNHANDLED_PROTO while nothing speaks ARP).
 */
#include <linux/kernel.h>
#include <linux/errno.h>
#include <linux/string.h>
#include <linux/delay.h>
#include <linux/shell.h>
#include <linux/netdevice.h>
#include <net/pktgen.h>

#define ARP_LEN 28   /* Ethernet/IPv4 ARP payload */

static void put_be16(u8 *p, u16 v)
{
	p[0] = v >> 8;
	p[1] = v & 0xff;
}

static void put_be32(u8 *p, u32 v)
{
	put_be16(p, v >> 16);
	put_be16(p + 2, v & 0xffff);
}

/**
 * pktgen_arp_request - broadcast "who has @tip? tell @sip" on @dev
 * @dev: an up device
 * @sip: sender IPv4 address, host byte order
 * @tip: target IPv4 address, host byte order
 *
 * Return: 0 if the driver took the frame, else dev_queue_xmit()'s error
 * or -ENOMEM.
 */
int pktgen_arp_request(struct net_device *dev, u32 sip, u32 tip)
{
	struct sk_buff *skb = alloc_skb(NET_SKB_PAD + ETH_ZLEN, GFP_KERNEL);
	u8 *a;

	if (!skb)
		return -ENOMEM;
	skb_reserve(skb, NET_SKB_PAD + ETH_HLEN);
	a = skb_put(skb, ARP_LEN);
	put_be16(a, 1);                  /* hardware: Ethernet */
	put_be16(a + 2, ETH_P_IP);
	a[4] = ETH_ALEN;
	a[5] = 4;
	put_be16(a + 6, 1);              /* request */
	memcpy(a + 8, dev->dev_addr, ETH_ALEN);
	put_be32(a + 14, sip);
	memset(a + 18, 0, ETH_ALEN);
	put_be32(a + 24, tip);
	eth_header(skb, dev, ETH_P_ARP, NULL, NULL);
	/* Pad to the Ethernet minimum ourselves; the NIC would too. */
	memset(skb_put(skb, ETH_ZLEN - skb->len), 0, ETH_ZLEN - ETH_HLEN - ARP_LEN);
	return dev_queue_xmit(skb);
}

/**
 * pktgen_arp_burst - send @count ARP requests, waiting out a full ring
 * @dev: the device
 * @sip: sender address
 * @tip: target address
 * @count: requests to send
 * @sent: set to the number the driver took
 *
 * Process context: while the driver has stopped its queue this sleeps a
 * millisecond at a time (up to a second in all) instead of dropping.
 *
 * Return: 0, or the first error that ended the burst.
 */
int pktgen_arp_burst(struct net_device *dev, u32 sip, u32 tip, unsigned int count,
		     unsigned int *sent)
{
	unsigned int waited = 0;
	int ret = 0;

	*sent = 0;
	while (*sent < count) {
		if (netif_queue_stopped(dev)) {
			if (++waited > 1000)
				return -ETIMEDOUT;
			msleep(1);
			continue;
		}
		ret = pktgen_arp_request(dev, sip, tip);
		if (ret)
			return ret;
		(*sent)++;
	}
	return 0;
}

/**
 * pktgen_is_arp_reply_from - is @arp (data at the ARP header) a reply
 * whose sender is @sip (host byte order)?
 */
bool pktgen_is_arp_reply_from(const u8 *arp, unsigned int len, u32 sip)
{
	if (len < ARP_LEN)
		return false;
	return arp[6] == 0 && arp[7] == 2 &&
	       ((u32)arp[14] << 24 | (u32)arp[15] << 16 | (u32)arp[16] << 8 | arp[17]) == sip;
}

static int parse_ip(const char *s, u32 *ip)
{
	unsigned long part;
	unsigned int i;
	u32 v = 0;

	for (i = 0; i < 4; i++) {
		char buf[4];
		unsigned int n = 0;

		while (*s && *s != '.' && n < 3)
			buf[n++] = *s++;
		buf[n] = 0;
		if (!n || kstrtoul(buf, 10, &part) || part > 255)
			return -EINVAL;
		v = v << 8 | part;
		if (i < 3 && *s++ != '.')
			return -EINVAL;
	}
	if (*s)
		return -EINVAL;
	*ip = v;
	return 0;
}

static int do_pktgen(int argc, char **argv)
{
	unsigned long count = 1;
	u32 tip = PKTGEN_SLIRP_GATEWAY;
	struct net_device *dev;
	unsigned int sent;
	bool nowait = false;
	int ret;

	if (argc > 1 && !strcmp(argv[1], "-q")) {
		nowait = true;
		argc--;
		argv++;
	}
	if (argc < 2 || argc > 4) {
		shell_printf("usage: pktgen [-q] ethN [COUNT [TARGET-IP]]\n");
		return -EINVAL;
	}
	dev = dev_get_by_name(argv[1]);
	if (!dev) {
		shell_printf("pktgen: %s: no such device (-ENODEV)\n", argv[1]);
		return -ENODEV;
	}
	if (argc > 2 && (kstrtoul(argv[2], 0, &count) || !count || count > 1000000)) {
		shell_printf("pktgen: COUNT must be 1..1000000, not '%s' (-EINVAL)\n", argv[2]);
		return -EINVAL;
	}
	if (argc > 3 && parse_ip(argv[3], &tip)) {
		shell_printf("pktgen: bad IPv4 address '%s' (-EINVAL)\n", argv[3]);
		return -EINVAL;
	}
	if (nowait) {
		/* Every frame to the qdisc; stop at the first refusal. */
		for (sent = 0, ret = 0; sent < count && !ret; )
			if (!(ret = pktgen_arp_request(dev, PKTGEN_SLIRP_GUEST, tip)))
				sent++;
	} else {
		ret = pktgen_arp_burst(dev, PKTGEN_SLIRP_GUEST, tip, count, &sent);
	}
	shell_printf("pktgen: %s: sent %u of %lu ARP requests for %u.%u.%u.%u%s\n", dev->name,
		     sent, count, tip >> 24, (tip >> 16) & 0xff, (tip >> 8) & 0xff, tip & 0xff,
		     ret ? " (stopped by an error)" : "");
	return ret;
}
DEFINE_SHELL_CMD(pktgen, "[-q] ethN [COUNT [TARGET-IP]]",
		 "send ARP requests by hand (tests the NIC path); -q: queue, never wait",
		 do_pktgen);
