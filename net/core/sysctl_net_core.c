// SPDX-License-Identifier: MIT
/*
 * /proc/sys/net/core/netdev_budget and netdev_budget_usecs: the limits of
 * one net_rx_action() pass (net/core/napi.c), and netdev_max_backlog: how
 * many frames netif_rx() may queue per CPU. Readable and writable as in
 * Linux ("echo 64 > /proc/sys/net/core/netdev_budget"), so the budget's
 * effect - time_squeeze in /proc/net/softnet_stat, NET_RX handed to
 * ksoftirqd - can be watched on live traffic.
 *
 * Values are decimal, one per file, newline-terminated; netdev_budget
 * and netdev_max_backlog must be 1..INT_MAX and netdev_budget_usecs
 * 1..10^7 (-EINVAL otherwise).
 */
#include <linux/kernel.h>
#include <linux/init.h>
#include <linux/errno.h>
#include <linux/string.h>
#include <linux/proc_fs.h>
#include <linux/seq_file.h>
#include <linux/netdevice.h>

#define KNOB_BUDGET ((void *)1)
#define KNOB_USECS  ((void *)2)
#define KNOB_BACKLOG ((void *)3)

static int knob_show(struct seq_file *m, void *v)
{
	if (m->private == KNOB_BUDGET)
		seq_printf(m, "%d\n", READ_ONCE(netdev_budget));
	else if (m->private == KNOB_BACKLOG)
		seq_printf(m, "%d\n", READ_ONCE(netdev_max_backlog));
	else
		seq_printf(m, "%u\n", READ_ONCE(netdev_budget_usecs));
	return 0;
}

static ssize_t knob_write(void *data, const char *buf, size_t count)
{
	char tmp[16];
	unsigned long v;
	size_t n = count;

	while (n && (buf[n - 1] == '\n' || buf[n - 1] == ' '))
		n--;
	if (!n || n >= sizeof(tmp))
		return -EINVAL;
	memcpy(tmp, buf, n);
	tmp[n] = 0;
	if (kstrtoul(tmp, 10, &v) || !v)
		return -EINVAL;
	if (data == KNOB_BUDGET) {
		if (v > 0x7fffffffUL)
			return -EINVAL;
		WRITE_ONCE(netdev_budget, (int)v);
	} else if (data == KNOB_BACKLOG) {
		if (v > 0x7fffffffUL)
			return -EINVAL;
		WRITE_ONCE(netdev_max_backlog, (int)v);
	} else {
		if (v > 10000000UL)
			return -EINVAL;
		WRITE_ONCE(netdev_budget_usecs, (unsigned int)v);
	}
	return count;
}

static const struct proc_ops knob_ops = {
	.proc_show = knob_show,
	.proc_write = knob_write,
};

static int __init sysctl_net_core_init(void)
{
	struct proc_dir_entry *sys, *net, *core;

	sys = proc_mkdir("sys", NULL);
	net = sys ? proc_mkdir("net", sys) : NULL;
	core = net ? proc_mkdir("core", net) : NULL;
	if (!core ||
	    !proc_create_data("netdev_budget", 0644, core, &knob_ops, KNOB_BUDGET) ||
	    !proc_create_data("netdev_budget_usecs", 0644, core, &knob_ops, KNOB_USECS) ||
	    !proc_create_data("netdev_max_backlog", 0644, core, &knob_ops, KNOB_BACKLOG))
		return -ENOMEM;
	return 0;
}
fs_initcall(sysctl_net_core_init);
