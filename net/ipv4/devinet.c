// SPDX-License-Identifier: MIT
/*
 * IPv4 addresses of network devices, and the ip= boot option.
 *
 * irqos gives one Ethernet device (the first registered, eth0) one IPv4
 * address, netmask and default gateway, kept in a struct in_device hung
 * off dev->ip_ptr. They come from Linux's ip= syntax,
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
 * Its own address, the limited broadcast and its subnet's broadcast.
 */
bool inet_addr_is_local(const struct net_device *dev, __be32 addr)
{
	const struct in_device *in_dev = __in_dev_get(dev);

	if (!in_dev)
		return false;
	return addr == in_dev->ifa_address || addr == htonl(INADDR_BROADCAST) ||
	       addr == (in_dev->ifa_address | ~in_dev->ifa_mask);
}

/**
 * inet_first_dev - the device with an IPv4 address (eth0), or NULL
 */
struct net_device *inet_first_dev(void)
{
	struct net_device *dev;

	for_each_netdev(dev)
		if (__in_dev_get(dev))
			return dev;
	return NULL;
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

	if (ic_off)
		return 0;
	for_each_netdev(dev) {
		if (inet_dev_config(dev, ic_addr, ic_mask, ic_gw))
			return -ENOMEM;
		pr_info("IP-Config: %s: addr %s mask %s gw %s\n", dev->name,
			ip_ntoa(ic_addr, a), ip_ntoa(ic_mask, m), ip_ntoa(ic_gw, g));
		break;          /* eth0 only */
	}
	return 0;
}
late_initcall(ip_auto_config);
