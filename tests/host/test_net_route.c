// SPDX-License-Identifier: MIT
/*
 * Host tests for IPv4 output route choice (ip_route_output() in
 * net/ipv4/ip_output.c), sending through a device without ARP or one that
 * is down (ip_send_skb(), neigh_output()), and the address part of
 * ifconfig (inet_parse_ifconfig(), inet_set_ifaddr() in devinet.c).
 *
 * The device list is net_host.c's eth0 (10.0.2.15/24, gateway 10.0.2.2)
 * plus a loopback device lo (127.0.0.1/8) and a second Ethernet device
 * eth1 (192.168.5.1/16, no gateway) made here. Every expected answer is
 * written out by hand from the rules in ip_output.c's file comment.
 */
#include <linux/kernel.h>
#include <linux/errno.h>
#include <linux/string.h>
#include <linux/in.h>
#include <net/arp.h>
#include <net/ip.h>
#include "tap.h"
#include "net_host.h"
#include "net_frames.h"

static struct net_device lo = {
	.name = "lo",
	.mtu = 65536,
	.flags = IFF_UP | IFF_LOOPBACK | IFF_RUNNING,
};
static struct net_device eth1 = {
	.name = "eth1",
	.mtu = 1500,
	.flags = IFF_UP | IFF_BROADCAST,
	.dev_addr = { 0x52, 0x54, 0x00, 0x12, 0x34, 0x57 },
	.broadcast = { 0xff, 0xff, 0xff, 0xff, 0xff, 0xff },
};

static __be32 ip(unsigned a, unsigned b, unsigned c, unsigned d)
{
	return htonl(a << 24 | b << 16 | c << 8 | d);
}

/* Route @dst; expect device @want (NULL: no route) and source @src. */
static void route(__be32 dst, struct net_device *want, __be32 src, const char *what)
{
	__be32 saddr = 0;
	unsigned long noroutes = ip_statistics.out_no_routes;
	struct net_device *dev = ip_route_output(dst, &saddr);
	char a[16], b[16];

	ok(dev == want, "%s: %s -> %s (got %s)", what, ip_ntoa(dst, a),
	   want ? want->name : "no route", dev ? dev->name : "no route");
	if (want)
		ok(saddr == src, "%s: source %s (got %s)", what, ip_ntoa(src, a), ip_ntoa(saddr, b));
	is_int(ip_statistics.out_no_routes - noroutes, want ? 0 : 1,
	       "%s: OutNoRoutes %s", what, want ? "unchanged" : "counted once");
}

static void test_routes(void)
{
	void *saved;

	route(ip(127, 0, 0, 1), &lo, ip(127, 0, 0, 1), "loopback address");
	route(ip(127, 9, 8, 7), &lo, ip(127, 0, 0, 1), "anywhere in 127/8");
	route(ip(10, 0, 2, 15), &lo, ip(10, 0, 2, 15), "eth0's own address");
	route(ip(192, 168, 5, 1), &lo, ip(192, 168, 5, 1), "eth1's own address");
	route(ip(10, 0, 2, 7), &net_host_eth0, ip(10, 0, 2, 15), "on eth0's subnet");
	route(ip(10, 0, 2, 255), &net_host_eth0, ip(10, 0, 2, 15), "eth0's subnet broadcast");
	route(ip(192, 168, 200, 9), &eth1, ip(192, 168, 5, 1), "on eth1's /16");
	route(ip(8, 8, 8, 8), &net_host_eth0, ip(10, 0, 2, 15), "elsewhere: eth0's gateway");
	route(htonl(INADDR_BROADCAST), &net_host_eth0, ip(10, 0, 2, 15),
	      "limited broadcast: first non-loopback device");

	/* Without eth0's gateway nothing reaches 8.8.8.8. */
	inet_dev_config(&net_host_eth0, htonl(IP_US), htonl(0xffffff00), 0);
	route(ip(8, 8, 8, 8), NULL, 0, "no default gateway");
	/* eth1 with a gateway becomes the default route. */
	inet_dev_config(&eth1, ip(192, 168, 5, 1), htonl(0xffff0000), ip(192, 168, 0, 1));
	route(ip(8, 8, 8, 8), &eth1, ip(192, 168, 5, 1), "eth1's gateway");
	inet_dev_config(&eth1, ip(192, 168, 5, 1), htonl(0xffff0000), 0);
	inet_dev_config(&net_host_eth0, htonl(IP_US), htonl(0xffffff00), htonl(IP_GW));

	/* lo without an address: nothing local can be reached. */
	saved = lo.ip_ptr;
	lo.ip_ptr = NULL;
	route(ip(127, 0, 0, 1), NULL, 0, "127.0.0.1 without lo's address");
	lo.ip_ptr = saved;
}

/* UDP-ish payload through ip_send_skb() on @dev to @dst. */
static int send_on(struct net_device *dev, __be32 src, __be32 dst)
{
	struct sk_buff *skb = alloc_skb(IP_HEADROOM + 8, GFP_KERNEL);

	skb_reserve(skb, IP_HEADROOM);
	memset(skb_put(skb, 8), 0x5a, 8);
	return ip_send_skb(skb, dev, src, dst, IPPROTO_UDP);
}

static void test_send_paths(void)
{
	const uint8_t zero[6] = { 0 };
	unsigned long tx_dropped = net_host_eth0.stats.tx_dropped;

	net_host_reset();
	neigh_flush_all();
	/* lo needs no ARP: the frame leaves at once, to the all-zero address. */
	is_int(send_on(&lo, ip(10, 0, 2, 15), ip(10, 0, 2, 15)), 0, "send through lo: 0");
	is_int(net_host_ntx, 1, "lo: one frame out, no ARP request first");
	ok(!memcmp(net_host_tx[0].data, zero, 6) && get16(net_host_tx[0].data + 12) == 0x0800 &&
	   get32(net_host_tx[0].data + 30) == IP_US,
	   "lo: IPv4 frame to 00:00:00:00:00:00 for 10.0.2.15");

	/* eth0 with an empty neighbour table asks ARP first. */
	net_host_reset();
	is_int(send_on(&net_host_eth0, htonl(IP_US), ip(10, 0, 2, 7)), 0, "send on eth0: queued for ARP");
	ok(net_host_ntx == 1 && get16(net_host_tx[0].data + 12) == 0x0806,
	   "eth0: an ARP request goes out first");

	/* A device that is down: -ENETDOWN, counted, nothing sent. */
	net_host_reset();
	net_host_eth0.flags &= ~IFF_UP;
	is_int(send_on(&net_host_eth0, htonl(IP_US), htonl(IP_GW)), -ENETDOWN, "eth0 down: -ENETDOWN");
	net_host_eth0.flags |= IFF_UP;
	is_int(net_host_ntx, 0, "eth0 down: nothing sent");
	is_int(net_host_eth0.stats.tx_dropped - tx_dropped, 1, "eth0 down: tx_dropped + 1");
	is_int(skb_drop_count[SKB_DROP_REASON_DEV_DOWN], 1, "eth0 down: one DEV_DOWN drop");
	neigh_flush_all();
}

/* Parse "ifconfig IF <args>"; @args space-separated. */
static int parse(const char *args, struct ifconfig_req *req)
{
	static char buf[128];
	char *argv[8];
	int argc = 0;

	strcpy(buf, args);
	for (char *p = buf; *p && argc < 8;) {
		while (*p == ' ')
			*p++ = 0;
		if (!*p)
			break;
		argv[argc++] = p;
		while (*p && *p != ' ')
			p++;
	}
	return inet_parse_ifconfig(argc, argv, req);
}

static void good(const char *args, bool has_addr, __be32 addr, bool has_mask, __be32 mask,
		 int updown)
{
	struct ifconfig_req r;
	int ret = parse(args, &r);

	is_int(ret, 0, "ifconfig eth0 %s: accepted", args);
	ok(r.has_addr == has_addr && (!has_addr || r.addr == addr) && r.has_mask == has_mask &&
	   ((!has_addr && !has_mask) || r.mask == mask) && r.updown == updown,
	   "ifconfig eth0 %s: addr %d/%08x mask %d/%08x updown %d", args, r.has_addr,
	   ntohl(r.addr), r.has_mask, ntohl(r.mask), r.updown);
}

static void bad(const char *args, const char *why)
{
	struct ifconfig_req r;

	is_int(parse(args, &r), -EINVAL, "ifconfig eth0 '%s': -EINVAL (%s)", args, why);
	ok(r.error && r.error[0], "ifconfig eth0 '%s': says why: %s", args, r.error ? r.error : "");
}

static void test_ifconfig_parse(void)
{
	good("up", false, 0, false, 0, IFCONFIG_UP);
	good("down", false, 0, false, 0, IFCONFIG_DOWN);
	good("10.1.2.3", true, ip(10, 1, 2, 3), false, ip(255, 0, 0, 0), IFCONFIG_KEEP);
	good("172.16.9.1", true, ip(172, 16, 9, 1), false, ip(255, 255, 0, 0), IFCONFIG_KEEP);
	good("192.168.1.1", true, ip(192, 168, 1, 1), false, ip(255, 255, 255, 0), IFCONFIG_KEEP);
	good("10.1.2.3 netmask 255.255.255.128 up", true, ip(10, 1, 2, 3), true,
	     ip(255, 255, 255, 128), IFCONFIG_UP);
	good("netmask 255.255.0.0", false, 0, true, ip(255, 255, 0, 0), IFCONFIG_KEEP);
	good("10.0.0.9 down", true, ip(10, 0, 0, 9), false, ip(255, 0, 0, 0), IFCONFIG_DOWN);

	bad("", "nothing");
	bad("1.2.3", "three parts");
	bad("1.2.3.256", "part > 255");
	bad("1.2.3.4x", "trailing junk");
	bad("1..2.3", "empty part");
	bad("foo", "a word");
	bad("0.0.0.0", "not unicast");
	bad("255.255.255.255", "broadcast");
	bad("224.0.0.1", "multicast");
	bad("10.0.0.1 netmask", "no mask");
	bad("10.0.0.1 netmask 255.0.255.0", "holes in the mask");
	bad("10.0.0.1 netmask 255.255.0.0 netmask 255.0.0.0", "mask twice");
	bad("up down", "up and down");
	bad("10.0.0.1 10.0.0.2", "two addresses");
	bad("up 10.0.0.1", "address after up");
}

static void test_set_ifaddr(void)
{
	static struct net_device eth2 = { .name = "eth2", .flags = IFF_UP };
	struct ifconfig_req r;
	const struct in_device *in;

	/* A netmask needs an address: nothing changes. */
	parse("netmask 255.255.0.0", &r);
	is_int(inet_set_ifaddr(&eth2, &r), -EADDRNOTAVAIL, "netmask alone, no address: -EADDRNOTAVAIL");
	ok(!eth2.ip_ptr, "and no in_device was made");

	/* eth0: a new address on the same /24 keeps the gateway ... */
	parse("10.0.2.20 netmask 255.255.255.0", &r);
	is_int(inet_set_ifaddr(&net_host_eth0, &r), 0, "eth0 10.0.2.20/24: 0");
	in = __in_dev_get(&net_host_eth0);
	ok(in->ifa_address == ip(10, 0, 2, 20) && in->ifa_mask == ip(255, 255, 255, 0) &&
	   in->gateway == htonl(IP_GW), "eth0 10.0.2.20/24, gateway 10.0.2.2 kept");
	/* ... a netmask alone keeps the address ... */
	parse("netmask 255.255.0.0", &r);
	is_int(inet_set_ifaddr(&net_host_eth0, &r), 0, "eth0 netmask 255.255.0.0: 0");
	ok(in->ifa_address == ip(10, 0, 2, 20) && in->ifa_mask == ip(255, 255, 0, 0) &&
	   in->gateway == htonl(IP_GW), "eth0 10.0.2.20/16, gateway kept");
	/* ... one on another subnet loses it (no route to the gateway). */
	parse("172.20.0.5", &r);
	is_int(inet_set_ifaddr(&net_host_eth0, &r), 0, "eth0 172.20.0.5: 0");
	ok(in->ifa_address == ip(172, 20, 0, 5) && in->ifa_mask == ip(255, 255, 0, 0) &&
	   in->gateway == 0, "eth0 172.20.0.5/16 (classful), gateway dropped");
	route(ip(172, 20, 9, 9), &net_host_eth0, ip(172, 20, 0, 5), "after ifconfig");
	route(ip(8, 8, 8, 8), NULL, 0, "after ifconfig, no gateway left");
	inet_dev_config(&net_host_eth0, htonl(IP_US), htonl(0xffffff00), htonl(IP_GW));
}

int main(void)
{
	net_host_reset();
	arp_init();
	ip_init();
	/* /proc/net/dev order: lo first, then eth0, eth1. */
	list_add(&lo.dev_list, &net_devices);
	list_add_tail(&eth1.dev_list, &net_devices);
	inet_dev_config(&lo, htonl(INADDR_LOOPBACK), htonl(0xff000000), 0);
	inet_dev_config(&net_host_eth0, htonl(IP_US), htonl(0xffffff00), htonl(IP_GW));
	inet_dev_config(&eth1, ip(192, 168, 5, 1), htonl(0xffff0000), 0);

	test_routes();
	test_send_paths();
	test_ifconfig_parse();
	test_set_ifaddr();
	is_int(net_host_live_skbs(), 0, "no sk_buff leaked");
	return done_testing();
}
