// SPDX-License-Identifier: MIT
/*
 * The network core's text interface: /proc/net/dev, /proc/net/softnet_stat
 * and the shell commands "ifconfig" (show, and IF up|down|ADDR [netmask M])
 * and "netdrops".
 *
 * /proc/net/dev and /proc/net/softnet_stat are Linux's formats byte for
 * byte, so ifstat, sar -n DEV and softnet_stat scripts parse them:
 *
 * /proc/net/dev - two header lines, then per device "%6s:" and sixteen
 * counters (receive: bytes packets errs drop fifo frame compressed
 * multicast; transmit: bytes packets errs drop fifo colls carrier
 * compressed). "drop" is rx_dropped + rx_missed_errors, "frame" the sum
 * of the length/over/crc/frame errors, "carrier" the sum of the carrier/
 * aborted/window/heartbeat errors - the columns fold the detailed
 * counters exactly as Linux does. lo, ifindex 1, comes first.
 *
 * /proc/net/softnet_stat - one line per possible CPU of 13 "%08x"
 * fields, as Linux 6.1: processed, dropped, time_squeeze, six zeros
 * (fields Linux retired), received_rps, flow_limit_count (0: no flow
 * limit), the backlog length (frames waiting in netif_rx()'s
 * input_pkt_queue) and the CPU number.
 */
#include <linux/kernel.h>
#include <linux/init.h>
#include <linux/errno.h>
#include <linux/string.h>
#include <linux/cpumask.h>
#include <linux/proc_fs.h>
#include <linux/seq_file.h>
#include <linux/shell.h>
#include <linux/irqdesc.h>
#include <linux/netdevice.h>
#include <linux/rtnetlink.h>
#include <net/ip.h>

struct proc_dir_entry *proc_net;
void (*inet_ifconfig_line)(struct net_device *dev, char *buf, size_t len);

static int dev_seq_show(struct seq_file *m, void *v)
{
	struct net_device *dev;

	seq_puts(m, "Inter-|   Receive                                                |  Transmit\n");
	seq_puts(m, " face |bytes    packets errs drop fifo frame compressed multicast|"
		    "bytes    packets errs drop fifo colls carrier compressed\n");
	for_each_netdev(dev) {
		const struct net_device_stats *s = &dev->stats;

		seq_printf(m, "%6s:%8lu %7lu %4lu %4lu %4lu %5lu %10lu %9lu "
			   "%8lu %7lu %4lu %4lu %4lu %5lu %7lu %10lu\n",
			   dev->name, s->rx_bytes, s->rx_packets, s->rx_errors,
			   s->rx_dropped + s->rx_missed_errors, s->rx_fifo_errors,
			   s->rx_length_errors + s->rx_over_errors + s->rx_crc_errors +
			   s->rx_frame_errors,
			   s->rx_compressed, s->multicast,
			   s->tx_bytes, s->tx_packets, s->tx_errors, s->tx_dropped,
			   s->tx_fifo_errors, s->collisions,
			   s->tx_carrier_errors + s->tx_aborted_errors + s->tx_window_errors +
			   s->tx_heartbeat_errors,
			   s->tx_compressed);
	}
	return 0;
}

static int softnet_seq_show(struct seq_file *m, void *v)
{
	unsigned int cpu;

	for (cpu = 0; cpu < nr_cpu_ids; cpu++) {
		const struct softnet_data *sd = &per_cpu(softnet_data, cpu);

		seq_printf(m, "%08x %08x %08x %08x %08x %08x %08x %08x %08x %08x %08x %08x %08x\n",
			   READ_ONCE(sd->processed), READ_ONCE(sd->dropped),
			   READ_ONCE(sd->time_squeeze), 0, 0, 0, 0, 0, 0,
			   READ_ONCE(sd->received_rps), 0, softnet_backlog_len(sd), cpu);
	}
	return 0;
}

static int __init net_procfs_init(void)
{
	proc_net = proc_mkdir("net", NULL);
	if (!proc_net)
		return -ENOMEM;
	if (!proc_create_single("dev", 0444, proc_net, dev_seq_show) ||
	    !proc_create_single("softnet_stat", 0444, proc_net, softnet_seq_show))
		return -ENOMEM;
	return 0;
}
fs_initcall(net_procfs_init);

/* ---- shell ---- */

static void print_flags(unsigned int f)
{
	static const struct { unsigned int bit; const char *name; } names[] = {
		{ IFF_UP, "UP" }, { IFF_BROADCAST, "BROADCAST" }, { IFF_LOOPBACK, "LOOPBACK" },
		{ IFF_RUNNING, "RUNNING" }, { IFF_PROMISC, "PROMISC" },
		{ IFF_MULTICAST, "MULTICAST" },
	};
	const char *sep = "";
	unsigned int i;

	shell_printf("flags=%u<", f);
	for (i = 0; i < ARRAY_SIZE(names); i++) {
		if (f & names[i].bit) {
			shell_printf("%s%s", sep, names[i].name);
			sep = ",";
		}
	}
	shell_printf(">");
}

static void ifconfig_one(struct net_device *dev)
{
	const struct net_device_stats *s = &dev->stats;
	const u8 *a = dev->dev_addr;

	shell_printf("%s: ", dev->name);
	print_flags(READ_ONCE(dev->flags));
	shell_printf("  mtu %u\n", dev->mtu);
	if (inet_ifconfig_line) {
		char buf[128];

		buf[0] = 0;
		inet_ifconfig_line(dev, buf, sizeof(buf));
		if (buf[0])
			shell_printf("        %s\n", buf);
	}
	if (dev->flags & IFF_LOOPBACK)
		shell_printf("        loop  txqueuelen %u  (Local Loopback)\n", dev->tx_queue_len);
	else
		shell_printf("        ether %02x:%02x:%02x:%02x:%02x:%02x  txqueuelen %u  (Ethernet)\n",
			     a[0], a[1], a[2], a[3], a[4], a[5], dev->tx_queue_len);
	shell_printf("        RX packets %lu  bytes %lu\n", s->rx_packets, s->rx_bytes);
	shell_printf("        RX errors %lu  dropped %lu  overruns %lu  frame %lu\n",
		     s->rx_errors, s->rx_dropped + s->rx_missed_errors, s->rx_fifo_errors,
		     s->rx_length_errors + s->rx_over_errors + s->rx_crc_errors +
		     s->rx_frame_errors);
	shell_printf("        TX packets %lu  bytes %lu\n", s->tx_packets, s->tx_bytes);
	shell_printf("        TX errors %lu  dropped %lu overruns %lu  carrier %lu  collisions %lu\n",
		     s->tx_errors, s->tx_dropped, s->tx_fifo_errors, s->tx_carrier_errors,
		     s->collisions);
	if (dev->irq >= 0)
		shell_printf("        device interrupt %d  interrupts %u\n", dev->irq,
			     kstat_irqs(dev->irq));
	if (dev->netdev_ops && dev->netdev_ops->ndo_tx_timeout)
		shell_printf("        tx watchdog %lu ms  tx_timeout %lu\n",
			     jiffies_to_msecs(dev->watchdog_timeo), READ_ONCE(dev->trans_timeout));
	if (dev->napi)
		shell_printf("        napi polls %lu  completes %lu  rx_nohandler %lu\n",
			     READ_ONCE(dev->napi->polls), READ_ONCE(dev->napi->completes),
			     s->rx_nohandler);
	shell_printf("\n");
}

/*
 * ifconfig IF ADDR [netmask MASK] [up|down] | IF up | IF down: set the
 * address (devinet), then bring the device up (dev_open) or down
 * (dev_close). Bad input changes nothing.
 */
static int ifconfig_set(struct net_device *dev, int argc, char **argv)
{
	struct ifconfig_req req;
	int ret;

	ret = inet_parse_ifconfig(argc, argv, &req);
	if (ret) {
		shell_printf("ifconfig: %s: %s\n", dev->name, req.error);
		return ret;
	}
	if (req.has_addr || req.has_mask) {
		ret = inet_set_ifaddr(dev, &req);
		if (ret) {
			shell_printf("ifconfig: %s: %s\n", dev->name,
				     ret == -EADDRNOTAVAIL ? "no address to apply the netmask to"
							   : "out of memory");
			return ret;
		}
	}
	rtnl_lock();
	if (req.updown == IFCONFIG_UP) {
		ret = dev_open(dev);
		if (ret)
			shell_printf("ifconfig: %s: up failed: error %d\n", dev->name, ret);
	} else if (req.updown == IFCONFIG_DOWN) {
		ret = dev_close(dev);
		if (ret)
			shell_printf("ifconfig: %s: down failed: error %d\n", dev->name, ret);
	}
	rtnl_unlock();
	return ret;
}

static int do_ifconfig(int argc, char **argv)
{
	struct net_device *dev;

	if (argc > 1) {
		dev = dev_get_by_name(argv[1]);
		if (!dev) {
			shell_printf("%s: error fetching interface information: Device not found\n",
				     argv[1]);
			return -ENODEV;
		}
		if (argc > 2)
			return ifconfig_set(dev, argc - 2, argv + 2);
		ifconfig_one(dev);
		return 0;
	}
	for_each_netdev(dev)
		ifconfig_one(dev);
	return 0;
}
DEFINE_SHELL_CMD(ifconfig, "[IF [ADDR [netmask MASK]] [up|down]]",
		 "network interfaces: show flags, address, counters; set address, up, down",
		 do_ifconfig);

static int do_netdrops(int argc, char **argv)
{
	unsigned int i;

	shell_printf("skb: allocated %lu freed %lu alloc_failed %lu dropped %lu\n",
		     READ_ONCE(skb_stats.allocated), READ_ONCE(skb_stats.freed),
		     READ_ONCE(skb_stats.alloc_failed), READ_ONCE(skb_stats.dropped));
	for (i = 0; i < SKB_DROP_REASON_MAX; i++)
		shell_printf("%-16s %lu\n", skb_drop_reason_names[i], READ_ONCE(skb_drop_count[i]));
	return 0;
}
DEFINE_SHELL_CMD(netdrops, "", "dropped packets by reason (kfree_skb_reason)", do_netdrops);
