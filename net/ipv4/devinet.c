// SPDX-License-Identifier: MIT
/*
 * IPv4 addresses of network devices, the ip= boot option and the address
 * part of ifconfig.
 *
 * Every device may have one IPv4 address and netmask (and a default
 * gateway on that subnet), kept in a struct in_device hung off
 * dev->ip_ptr. The loopback device gets 127.0.0.1/8. The first Ethernet
 * device (eth0) is configured from Linux's ip= syntax,
 *	ip=<client-ip>:<server-ip>:<gw-ip>:<netmask>[:...]
 * of which the first four fields are used (the server is ignored; the
 * rest - hostname, device, autoconf - are accepted and ignored), and
 * default to QEMU user networking's 10.0.2.15/24 via 10.0.2.2. The
 * address is applied at late_initcall time, after the drivers registered
 * their devices; ip=off leaves every device unconfigured.
 */
#include <linux/kernel.h>
#include <linux/errno.h>
#include <linux/init.h>
#include <linux/string.h>
#include <linux/slab.h>
#include <linux/printk.h>
#include <linux/netdevice.h>
#include <net/ip.h>
#include <net/arp.h>

/**
 * ip_ntoa - format @addr (network order) as a dotted quad into @buf[16]
 */
char *ip_ntoa(__be32 addr, char *buf)
{
	u32 a = ntohl(addr);

	snprintf(buf, 16, "%u.%u.%u.%u", a >> 24, (a >> 16) & 0xff,
		 (a >> 8) & 0xff, a & 0xff);
	return buf;
}

/* Parse a dotted quad from *s, up to a ':' or the end. 0 or -EINVAL. */
static int parse_quad(const char **s, __be32 *out)
{
	const char *p = *s;
	u32 addr = 0;

	for (int part = 0; part < 4; part++) {
		unsigned int v = 0, digits = 0;

		while (*p >= '0' && *p <= '9' && digits < 4) {
			v = v * 10 + (unsigned int)(*p++ - '0');
			digits++;
		}
		if (!digits || digits > 3 || v > 255)
			return -EINVAL;
		addr = addr << 8 | v;
		if (part < 3 && *p++ != '.')
			return -EINVAL;
	}
	if (*p && *p != ':')
		return -EINVAL;
	*out = htonl(addr);
	*s = p;
	return 0;
}

/**
 * inet_parse_ip_option - parse Linux's ip=<client>:<server>:<gw>:<netmask>
 * @str: the option's value; empty fields keep the defaults given in
 *       *@addr, *@mask, *@gw
 * Returns 0, or -EINVAL (and nothing changed) if a field is malformed.
 */
int inet_parse_ip_option(const char *str, __be32 *addr, __be32 *mask, __be32 *gw)
{
	__be32 v[4] = { *addr, 0, *gw, *mask };
	const char *p = str;

	for (int field = 0; field < 4 && *p; field++) {
		if (*p != ':' && parse_quad(&p, &v[field]))
			return -EINVAL;
		if (*p == ':')
			p++;
		else if (*p)
			return -EINVAL;
	}
	if (!v[0])
		return -EINVAL;
	/* A netmask must be contiguous ones. */
	if (~ntohl(v[3]) & (~ntohl(v[3]) + 1))
		return -EINVAL;
	*addr = v[0];
	*gw = v[2];
	*mask = v[3];
	return 0;
}

static __be32 ic_addr = htonl(0x0a00020f);     /* 10.0.2.15 */
static __be32 ic_mask = htonl(0xffffff00);     /* /24 */
static __be32 ic_gw   = htonl(0x0a000202);     /* 10.0.2.2 */
static bool ic_off;

static int __init ip_auto_config_setup(char *str)
{
	if (!strcmp(str, "off") || !strcmp(str, "none")) {
		ic_off = true;
		return 1;
	}
	if (inet_parse_ip_option(str, &ic_addr, &ic_mask, &ic_gw))
		pr_warn("ip=%s: not <client-ip>:<server-ip>:<gw-ip>:<netmask>, using defaults\n", str);
	return 1;
}
__setup("ip=", ip_auto_config_setup);

/**
 * inet_dev_config - give @dev an IPv4 address, netmask and gateway
 * @gw: the default gateway through @dev, 0 for none
 * Returns 0 or -ENOMEM.
 */
int inet_dev_config(struct net_device *dev, __be32 addr, __be32 mask, __be32 gw)
{
	struct in_device *in_dev = __in_dev_get(dev);

	if (!in_dev) {
		in_dev = kzalloc(sizeof(*in_dev), GFP_KERNEL);
		if (!in_dev)
			return -ENOMEM;
		in_dev->dev = dev;
	}
	in_dev->ifa_address = addr;
	in_dev->ifa_mask = mask;
	in_dev->gateway = gw;
	WRITE_ONCE(dev->ip_ptr, in_dev);
	return 0;
}

/**
 * inet_addr_is_local - is @addr (network order) one @dev accepts?
 * Its own address, the limited broadcast and its subnet's broadcast; on
 * the loopback device, its whole subnet (127.0.0.0/8, as Linux).
 */
bool inet_addr_is_local(const struct net_device *dev, __be32 addr)
{
	const struct in_device *in_dev = __in_dev_get(dev);

	if (!in_dev)
		return false;
	if ((dev->flags & IFF_LOOPBACK) && in_dev->ifa_address &&
	    !((addr ^ in_dev->ifa_address) & in_dev->ifa_mask))
		return true;
	return addr == in_dev->ifa_address || addr == htonl(INADDR_BROADCAST) ||
	       addr == (in_dev->ifa_address | ~in_dev->ifa_mask);
}

/**
 * inet_addr_local_dev - the device whose own address is @addr, or NULL
 * @addr: network order; 0 matches nothing
 */
struct net_device *inet_addr_local_dev(__be32 addr)
{
	struct net_device *dev;

	if (!addr)
		return NULL;
	for_each_netdev(dev) {
		const struct in_device *in_dev = __in_dev_get(dev);

		if (in_dev && in_dev->ifa_address == addr)
			return dev;
	}
	return NULL;
}

/**
 * inet_first_dev - the first device with an IPv4 address that is not
 * loopback (eth0), or NULL
 */
struct net_device *inet_first_dev(void)
{
	struct net_device *dev;

	for_each_netdev(dev)
		if (__in_dev_get(dev) && !(dev->flags & IFF_LOOPBACK))
			return dev;
	return NULL;
}

/**
 * inet_default_mask - the classful netmask for @addr (network order), as
 * ifconfig uses when no netmask is given: /8, /16 or /24 for class A, B
 * or C; 0 for class D and E (no unicast netmask).
 */
__be32 inet_default_mask(__be32 addr)
{
	u32 a = ntohl(addr);

	if (!(a & 0x80000000u))
		return htonl(0xff000000u);
	if ((a & 0xc0000000u) == 0x80000000u)
		return htonl(0xffff0000u);
	if ((a & 0xe0000000u) == 0xc0000000u)
		return htonl(0xffffff00u);
	return 0;
}

/**
 * inet_parse_addr - parse a dotted quad (all of @str) into *@out
 * Returns 0, or -EINVAL (and *@out unchanged).
 */
int inet_parse_addr(const char *str, __be32 *out)
{
	const char *p = str;
	__be32 v;

	if (parse_quad(&p, &v) || *p)
		return -EINVAL;
	*out = v;
	return 0;
}

/**
 * inet_parse_ifconfig - parse the arguments after "ifconfig IF"
 * @argc, @argv: the words after the interface name
 * @req: filled in on success
 *
 * Accepts Linux ifconfig's forms: "up", "down", and
 * "ADDR [netmask MASK] [up|down]" (also "netmask MASK" alone). ADDR must
 * be a unicast dotted quad (not 0.0.0.0, not class D/E, not 255.255.255.255),
 * MASK contiguous ones. Without a netmask, a new ADDR gets the classful one.
 *
 * Return: 0, or -EINVAL with @req->error saying what is wrong.
 */
int inet_parse_ifconfig(int argc, char **argv, struct ifconfig_req *req)
{
	int i = 0;

	memset(req, 0, sizeof(*req));
	if (argc <= 0) {
		req->error = "nothing to do";
		return -EINVAL;
	}
	for (i = 0; i < argc; i++) {
		const char *w = argv[i];

		if (!strcmp(w, "up") || !strcmp(w, "down")) {
			if (req->updown) {
				req->error = "up/down given twice";
				return -EINVAL;
			}
			req->updown = w[0] == 'u' ? IFCONFIG_UP : IFCONFIG_DOWN;
		} else if (!strcmp(w, "netmask")) {
			if (req->has_mask || i + 1 >= argc) {
				req->error = i + 1 >= argc ? "netmask: missing MASK"
							   : "netmask given twice";
				return -EINVAL;
			}
			if (inet_parse_addr(argv[++i], &req->mask) ||
			    (~ntohl(req->mask) & (~ntohl(req->mask) + 1))) {
				req->error = "netmask: not a netmask (contiguous ones, e.g. 255.255.255.0)";
				return -EINVAL;
			}
			req->has_mask = true;
		} else if (!req->has_addr && !req->has_mask && !req->updown) {
			u32 a;

			if (inet_parse_addr(w, &req->addr)) {
				req->error = "unknown argument or bad address (want ADDR [netmask MASK] | up | down)";
				return -EINVAL;
			}
			a = ntohl(req->addr);
			if (!a || a == 0xffffffffu || !inet_default_mask(req->addr)) {
				req->error = "not a unicast address";
				return -EINVAL;
			}
			req->has_addr = true;
		} else {
			req->error = "unexpected argument (want ADDR [netmask MASK] [up|down])";
			return -EINVAL;
		}
	}
	if (req->has_addr && !req->has_mask)
		req->mask = inet_default_mask(req->addr);
	return 0;
}

/**
 * inet_set_ifaddr - apply the address part of an ifconfig request to @dev
 * @req: from inet_parse_ifconfig(), with has_addr or has_mask
 *
 * A netmask alone needs an address already there. The gateway is kept
 * only while it stays on the device's subnet (its route would otherwise
 * be unreachable, and Linux would delete it).
 *
 * Return: 0, -EADDRNOTAVAIL (netmask without an address) or -ENOMEM.
 */
int inet_set_ifaddr(struct net_device *dev, const struct ifconfig_req *req)
{
	const struct in_device *in_dev = __in_dev_get(dev);
	__be32 addr = in_dev ? in_dev->ifa_address : 0;
	__be32 gw = in_dev ? in_dev->gateway : 0;
	__be32 mask = in_dev ? in_dev->ifa_mask : 0;

	if (req->has_addr)
		addr = req->addr;
	if (req->has_mask || req->has_addr)
		mask = req->mask;
	if (!addr)
		return -EADDRNOTAVAIL;
	if ((gw ^ addr) & mask)
		gw = 0;
	return inet_dev_config(dev, addr, mask, gw);
}

static int __init inet_init(void)
{
	arp_init();
	ip_init();
	return 0;
}
fs_initcall(inet_init);

static int __init ip_auto_config(void)
{
	struct net_device *dev;
	char a[16], m[16], g[16];

	for_each_netdev(dev)            /* lo: 127.0.0.1/8, whatever ip= says */
		if ((dev->flags & IFF_LOOPBACK) &&
		    inet_dev_config(dev, htonl(INADDR_LOOPBACK), htonl(0xff000000u), 0))
			return -ENOMEM;
	if (ic_off)
		return 0;
	for_each_netdev(dev) {
		if (dev->flags & IFF_LOOPBACK)
			continue;
		if (inet_dev_config(dev, ic_addr, ic_mask, ic_gw))
			return -ENOMEM;
		pr_info("IP-Config: %s: addr %s mask %s gw %s\n", dev->name,
			ip_ntoa(ic_addr, a), ip_ntoa(ic_mask, m), ip_ntoa(ic_gw, g));
		break;          /* eth0 only */
	}
	return 0;
}
late_initcall(ip_auto_config);
