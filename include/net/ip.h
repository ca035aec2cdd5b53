/* SPDX-License-Identifier: MIT */
/*
 * IPv4 (net/ipv4/ip_input.c, ip_output.c, devinet.c).
 *
 * Each device may carry one IPv4 address in its in_device (dev->ip_ptr):
 * lo has 127.0.0.1/8, eth0 gets the kernel command line's ip=... (Linux's
 * ip=<client>:<server>:<gw>:<netmask> syntax; default 10.0.2.15/24
 * via 10.0.2.2, QEMU's user network), and "ifconfig IF ADDR [netmask M]"
 * sets any device's.
 *
 * Receive: ip_rcv() is the ETH_P_IP packet_type handler. It checks the
 * header, drops (counted by reason) what it does not handle, and hands
 * ICMP and UDP to icmp_rcv() and udp_rcv(). Transmit: ip_route_output()
 * picks the device (see ip_output.c), ip_send_skb() builds the header in
 * front of a transport payload and hands the frame to ARP (or straight to
 * a device that needs none, such as lo).
 */
#ifndef _NET_IP_H
#define _NET_IP_H

#include <linux/types.h>
#include <linux/netdevice.h>
#include <linux/ip.h>
#include <linux/in.h>

struct in_device {
	struct net_device *dev;
	__be32 ifa_address;     /* our address */
	__be32 ifa_mask;        /* netmask */
	__be32 gateway;         /* default route, 0: none */
};

static inline struct in_device *__in_dev_get(const struct net_device *dev)
{
	return dev->ip_ptr;
}

/* Counters are bumped from several CPUs at once: atomically, so none is lost. */
#define NET_INC_STATS(c) ((void)__atomic_fetch_add(&(c), 1, __ATOMIC_RELAXED))

/* SNMP-style counters ("netstat -s" Ip: section). */
struct ipstats {
	unsigned long in_receives, in_hdr_errors, in_addr_errors;
	unsigned long in_unknown_protos, in_discards, in_delivers;
	unsigned long out_requests, out_no_routes;
	unsigned long frag_fails;
};
extern struct ipstats ip_statistics;

#define IP_DEFAULT_TTL 64
/* Room for the link and IP headers in front of a transport payload. */
#define IP_HEADROOM (NET_SKB_PAD + ETH_HLEN + 20)

int ip_rcv(struct sk_buff *skb, struct net_device *dev,
	   struct packet_type *pt, struct net_device *orig_dev);
int ip_send_skb(struct sk_buff *skb, struct net_device *dev, __be32 saddr,
		__be32 daddr, u8 protocol);
struct net_device *ip_route_output(__be32 daddr, __be32 *saddr);
void ip_init(void);

/* devinet: addresses. */
int inet_dev_config(struct net_device *dev, __be32 addr, __be32 mask, __be32 gw);
bool inet_addr_is_local(const struct net_device *dev, __be32 addr);
int inet_parse_ip_option(const char *str, __be32 *addr, __be32 *mask, __be32 *gw);
struct net_device *inet_first_dev(void);
struct net_device *inet_addr_local_dev(__be32 addr);
__be32 inet_default_mask(__be32 addr);
int inet_parse_addr(const char *str, __be32 *out);

/* ifconfig IF [ADDR [netmask MASK]] [up|down], parsed. */
enum { IFCONFIG_KEEP, IFCONFIG_UP, IFCONFIG_DOWN };
struct ifconfig_req {
	bool has_addr, has_mask;
	__be32 addr, mask;        /* network order */
	int updown;               /* IFCONFIG_* */
	const char *error;        /* why parsing failed */
};
int inet_parse_ifconfig(int argc, char **argv, struct ifconfig_req *req);
int inet_set_ifaddr(struct net_device *dev, const struct ifconfig_req *req);

/* ICMP */
int icmp_rcv(struct sk_buff *skb);
void icmp_send_port_unreach(struct sk_buff *skb);
struct icmpstats {
	unsigned long in_msgs, in_errors, in_echos, out_echo_reps;
	unsigned long out_dest_unreachs, out_ratelimited;
};
extern struct icmpstats icmp_statistics;

/* Print an IPv4 address (network order) as dotted quad into @buf (16 bytes). */
char *ip_ntoa(__be32 addr, char *buf);

#endif
