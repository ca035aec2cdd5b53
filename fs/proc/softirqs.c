// SPDX-License-Identifier: MIT
/*
 * /proc/softirqs - how often each softirq's action ran, per CPU.
 *
 * Linux's layout byte for byte, so tools that parse Linux's file (mpstat,
 * monitoring agents) read this one:
 *
 *                     CPU0       CPU1
 *           HI:          0          0
 *        TIMER:        812        790
 *       ...
 *
 * a header of 20 spaces and "CPU%-8d" per possible CPU, then one row per
 * softirq in number order: the name right-aligned in 12 columns and a
 * colon, then " %10u" per possible CPU. A column per *possible* CPU (not
 * online), as Linux, so the columns do not move when a CPU comes up.
 * The counts come from kernel/softirq.c (kstat_softirqs_cpu()); each is
 * read once, without stopping the CPUs, so a row is a snapshot per cell.
 */
#include <linux/kernel.h>
#include <linux/init.h>
#include <linux/errno.h>
#include <linux/interrupt.h>
#include <linux/cpumask.h>
#include <linux/proc_fs.h>

static int show_softirqs(struct seq_file *p, void *v)
{
	unsigned int i, cpu;

	seq_puts(p, "                    ");
	for (cpu = 0; cpu < nr_cpu_ids; cpu++)
		seq_printf(p, "CPU%-8u", cpu);
	seq_putc(p, '\n');
	for (i = 0; i < NR_SOFTIRQS; i++) {
		seq_printf(p, "%12s:", softirq_to_name[i]);
		for (cpu = 0; cpu < nr_cpu_ids; cpu++)
			seq_printf(p, " %10u", kstat_softirqs_cpu(i, cpu));
		seq_putc(p, '\n');
	}
	return 0;
}

/* Register /proc/softirqs once procfs is up (as /proc/stat). */
static int __init proc_softirqs_init(void)
{
	if (!proc_create_single("softirqs", 0444, NULL, show_softirqs))
		return -ENOMEM;
	return 0;
}
fs_initcall(proc_softirqs_init);
