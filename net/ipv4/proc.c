// SPDX-License-Identifier: MIT
/*
 * The IPv4 stack made visible: shell commands in the formats of the tools
 * a Linux user already knows.
 *
 *	arp          the neighbour cache, as `ip neigh` prints it:
 *	             10.0.2.2 dev eth0 lladdr 52:55:0a:00:02:02 REACHABLE
 *	netstat      UDP sockets, as `netstat -uan` prints them
 *	netstat -s   the Ip/Icmp/Udp/Arp counters, every drop reason with a
 *	             non-zero count, and drops per socket
 *
 * and /proc/net/arp, /proc/net/udp and /proc/net/snmp in Linux's layouts
 * (the snmp Icmp line with the classic 27 fields, before Linux 6.0 added
 * the two OutRateLimit ones; counters irqos does not keep read 0).
 *
 * Entries are copied out under their table's lock and printed after it is
 * dropped, so that console output never runs with interrupts off.
 */
#include <linux/kernel.h>
#include <linux/errno.h>
#include <linux/string.h>
#include <linux/init.h>
#include <linux/shell.h>
#include <linux/proc_fs.h>
#include <linux/seq_file.h>
#include <linux/netdevice.h>
#include <net/ip.h>
#include <net/arp.h>
#include <net/udp.h>
#include <net/sock.h>

struct neigh_snap {
	int n;
	struct { __be32 ip; char dev[IFNAMSIZ]; u8 ha[ETH_ALEN]; u8 state; } e[ARP_TABLE_SIZE];
};

static void neigh_snap_one(const struct neighbour *n, void *arg)
{
	struct neigh_snap *s = arg;

	if (s->n >= ARP_TABLE_SIZE)
		return;
	s->e[s->n].ip = n->ip;
	strlcpy(s->e[s->n].dev, n->dev ? n->dev->name : "?", IFNAMSIZ);
	memcpy(s->e[s->n].ha, n->ha, ETH_ALEN);
	s->e[s->n].state = n->nud_state;
	s->n++;
}

static int do_arp(int argc, char **argv)
{
	static struct neigh_snap snap;
	char ip[16];

	if (argc > 1 && !strcmp(argv[1], "flush")) {
		neigh_flush_all();
		return 0;
	}
	snap.n = 0;
	neigh_for_each(neigh_snap_one, &snap);
	for (int i = 0; i < snap.n; i++) {
		const u8 *h = snap.e[i].ha;

		if (snap.e[i].state & (NUD_REACHABLE | NUD_STALE))
			shell_printf("%s dev %s lladdr %02x:%02x:%02x:%02x:%02x:%02x %s\n",
				     ip_ntoa(snap.e[i].ip, ip), snap.e[i].dev,
				     h[0], h[1], h[2], h[3], h[4], h[5],
				     neigh_state_name(snap.e[i].state));
		else
			shell_printf("%s dev %s %s\n", ip_ntoa(snap.e[i].ip, ip),
				     snap.e[i].dev, neigh_state_name(snap.e[i].state));
	}
	return 0;
}
DEFINE_SHELL_CMD(arp, "[flush]", "show (or flush) the ARP neighbour cache, like ip neigh", do_arp);

#define SOCK_SNAP_MAX 32
struct sock_snap {
	int n;
	struct { __be32 addr; u16 port; int rmem; unsigned long drops, rx, tx; } e[SOCK_SNAP_MAX];
};

static void sock_snap_one(struct sock *sk, void *arg)
{
	struct sock_snap *s = arg;

	if (s->n >= SOCK_SNAP_MAX)
		return;
	s->e[s->n].addr = sk->inet_rcv_saddr;
	s->e[s->n].port = sk->inet_num;
	s->e[s->n].rmem = READ_ONCE(sk->sk_rmem_alloc);
	s->e[s->n].drops = READ_ONCE(sk->sk_drops);
	s->e[s->n].rx = sk->rx_packets;
	s->e[s->n].tx = sk->tx_packets;
	s->n++;
}

static void netstat_stats(const struct sock_snap *snap)
{
	shell_printf("Ip: InReceives %lu InHdrErrors %lu InAddrErrors %lu InUnknownProtos %lu InDiscards %lu InDelivers %lu OutRequests %lu OutNoRoutes %lu FragFails %lu\n",
		     ip_statistics.in_receives, ip_statistics.in_hdr_errors,
		     ip_statistics.in_addr_errors, ip_statistics.in_unknown_protos,
		     ip_statistics.in_discards, ip_statistics.in_delivers,
		     ip_statistics.out_requests, ip_statistics.out_no_routes,
		     ip_statistics.frag_fails);
	shell_printf("Icmp: InMsgs %lu InErrors %lu InEchos %lu OutEchoReps %lu OutDestUnreachs %lu OutRateLimited %lu\n",
		     icmp_statistics.in_msgs, icmp_statistics.in_errors,
		     icmp_statistics.in_echos, icmp_statistics.out_echo_reps,
		     icmp_statistics.out_dest_unreachs, icmp_statistics.out_ratelimited);
	shell_printf("Udp: InDatagrams %lu NoPorts %lu InErrors %lu OutDatagrams %lu RcvbufErrors %lu InCsumErrors %lu\n",
		     udp_statistics.in_datagrams, udp_statistics.no_ports,
		     udp_statistics.in_errors, udp_statistics.out_datagrams,
		     udp_statistics.rcvbuf_errors, udp_statistics.csum_errors);
	shell_printf("Arp: InRequests %lu InReplies %lu OutRequests %lu OutReplies %lu Learned %lu Failed %lu QueueDrops %lu\n",
		     arp_statistics.in_requests, arp_statistics.in_replies,
		     arp_statistics.out_requests, arp_statistics.out_replies,
		     arp_statistics.learned, arp_statistics.failed,
		     arp_statistics.queue_drops);
	shell_printf("Drops:\n");
	for (int r = 0; r < SKB_DROP_REASON_MAX; r++)
		if (READ_ONCE(skb_drop_count[r]))
			shell_printf("    %s %lu\n", skb_drop_reason_names[r],
				     READ_ONCE(skb_drop_count[r]));
	for (int i = 0; i < snap->n; i++)
		shell_printf("udp port %u: received %lu sent %lu drops %lu\n",
			     snap->e[i].port, snap->e[i].rx, snap->e[i].tx, snap->e[i].drops);
}

static int do_netstat(int argc, char **argv)
{
	static struct sock_snap snap;
	char ip[16], local[24];

	snap.n = 0;
	udp_for_each_sock(sock_snap_one, &snap);
	if (argc > 1 && !strcmp(argv[1], "-s")) {
		netstat_stats(&snap);
		return 0;
	}
	shell_printf("Proto Recv-Q Send-Q Local Address           Foreign Address         State\n");
	for (int i = 0; i < snap.n; i++) {
		snprintf(local, sizeof(local), "%s:%u", ip_ntoa(snap.e[i].addr, ip),
			 snap.e[i].port);
		shell_printf("%-5s %6d %6d %-23s %-23s\n", "udp", snap.e[i].rmem, 0,
			     local, "0.0.0.0:*");
	}
	return 0;
}
DEFINE_SHELL_CMD(netstat, "[-s]", "UDP sockets like netstat -uan; -s: protocol counters and drops", do_netstat);

/* ifconfig's IPv4 line: "inet 10.0.2.15  netmask 255.255.255.0  broadcast 10.0.2.255". */
static void inet_ifconfig(struct net_device *dev, char *buf, size_t len)
{
	const struct in_device *in_dev = __in_dev_get(dev);
	char a[16], m[16], b[16];

	if (!in_dev)
		return;
	if (dev->flags & IFF_LOOPBACK) {        /* as Linux's ifconfig: no broadcast */
		snprintf(buf, len, "inet %s  netmask %s", ip_ntoa(in_dev->ifa_address, a),
			 ip_ntoa(in_dev->ifa_mask, m));
		return;
	}
	snprintf(buf, len, "inet %s  netmask %s  broadcast %s",
		 ip_ntoa(in_dev->ifa_address, a), ip_ntoa(in_dev->ifa_mask, m),
		 ip_ntoa(in_dev->ifa_address | ~in_dev->ifa_mask, b));
}

/* /proc/net/arp, as Linux's arp_seq_show(): ATF_COM (0x2) once resolved. */
static int arp_seq_show(struct seq_file *m, void *v)
{
	static struct neigh_snap snap;
	char ip[16], hw[18];

	snap.n = 0;
	neigh_for_each(neigh_snap_one, &snap);
	seq_puts(m, "IP address       HW type     Flags       HW address            Mask     Device\n");
	for (int i = 0; i < snap.n; i++) {
		const u8 *h = snap.e[i].ha;
		bool complete = snap.e[i].state & (NUD_REACHABLE | NUD_STALE);

		snprintf(hw, sizeof(hw), "%02x:%02x:%02x:%02x:%02x:%02x",
			 h[0], h[1], h[2], h[3], h[4], h[5]);
		seq_printf(m, "%-16s 0x%-10x0x%-10x%-17s     %-8s %s\n",
			   ip_ntoa(snap.e[i].ip, ip), 1, complete ? 0x2 : 0x0, hw, "*",
			   snap.e[i].dev);
	}
	return 0;
}

/* /proc/net/udp: lines padded to 127 columns, addresses as raw hex words. */
static int udp_seq_show(struct seq_file *m, void *v)
{
	static struct sock_snap snap;
	char line[160];

	snap.n = 0;
	udp_for_each_sock(sock_snap_one, &snap);
	seq_printf(m, "%-127s\n", "   sl  local_address rem_address   st tx_queue rx_queue tr "
		   "tm->when retrnsmt   uid  timeout inode ref pointer drops");
	for (int i = 0; i < snap.n; i++) {
		snprintf(line, sizeof(line),
			 "%5u: %08X:%04X %08X:%04X %02X %08X:%08X %02X:%08lX %08X %5u %8d %lu %d %016lx %lu",
			 snap.e[i].port % 128u, snap.e[i].addr, snap.e[i].port, 0u, 0u, 7u,
			 0u, (unsigned int)snap.e[i].rmem, 0u, 0ul, 0u, 0u, 0, 0ul, 2, 0ul,
			 snap.e[i].drops);
		seq_printf(m, "%-127s\n", line);
	}
	return 0;
}

static int snmp_seq_show(struct seq_file *m, void *v)
{
	const struct ipstats *ip = &ip_statistics;
	const struct icmpstats *ic = &icmp_statistics;
	const struct udpstats *u = &udp_statistics;

	seq_puts(m, "Ip: Forwarding DefaultTTL InReceives InHdrErrors InAddrErrors ForwDatagrams "
		    "InUnknownProtos InDiscards InDelivers OutRequests OutDiscards OutNoRoutes "
		    "ReasmTimeout ReasmReqds ReasmOKs ReasmFails FragOKs FragFails FragCreates\n");
	seq_printf(m, "Ip: 2 %d %lu %lu %lu 0 %lu %lu %lu %lu 0 %lu 0 0 0 0 0 %lu 0\n",
		   IP_DEFAULT_TTL, ip->in_receives, ip->in_hdr_errors, ip->in_addr_errors,
		   ip->in_unknown_protos, ip->in_discards, ip->in_delivers,
		   ip->out_requests, ip->out_no_routes, ip->frag_fails);
	seq_puts(m, "Icmp: InMsgs InErrors InCsumErrors InDestUnreachs InTimeExcds InParmProbs "
		    "InSrcQuenchs InRedirects InEchos InEchoReps InTimestamps InTimestampReps "
		    "InAddrMasks InAddrMaskReps OutMsgs OutErrors OutDestUnreachs OutTimeExcds "
		    "OutParmProbs OutSrcQuenchs OutRedirects OutEchos OutEchoReps OutTimestamps "
		    "OutTimestampReps OutAddrMasks OutAddrMaskReps\n");
	seq_printf(m, "Icmp: %lu %lu 0 0 0 0 0 0 %lu 0 0 0 0 0 %lu 0 %lu 0 0 0 0 0 %lu 0 0 0 0\n",
		   ic->in_msgs, ic->in_errors, ic->in_echos,
		   ic->out_echo_reps + ic->out_dest_unreachs, ic->out_dest_unreachs,
		   ic->out_echo_reps);
	seq_puts(m, "Udp: InDatagrams NoPorts InErrors OutDatagrams RcvbufErrors SndbufErrors "
		    "InCsumErrors IgnoredMulti MemErrors\n");
	seq_printf(m, "Udp: %lu %lu %lu %lu %lu 0 %lu 0 0\n", u->in_datagrams, u->no_ports,
		   u->in_errors, u->out_datagrams, u->rcvbuf_errors, u->csum_errors);
	return 0;
}

static int __init inet_proc_init(void)
{
	inet_ifconfig_line = inet_ifconfig;
	if (!proc_net)
		return -ENOENT;
	if (!proc_create_single("arp", 0444, proc_net, arp_seq_show) ||
	    !proc_create_single("udp", 0444, proc_net, udp_seq_show) ||
	    !proc_create_single("snmp", 0444, proc_net, snmp_seq_show))
		return -ENOMEM;
	return 0;
}
late_initcall(inet_proc_init);
