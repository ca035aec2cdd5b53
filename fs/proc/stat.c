// SPDX-License-Identifier: MIT
/*
 * /proc/stat - kernel and system statistics.
 *
 * Only the lines irqos can fill with true values are printed, in Linux's
 * format; tools look lines up by their first word, so a missing line is
 * an honest "unknown" rather than a misleading zero:
 *
 *	intr TOTAL N0 N1 ... N(nr_irqs-1)
 *
 * N<i> is the number of interrupts IRQ i has handled on all CPUs; TOTAL is
 * their sum plus the interrupts the architecture counts outside any IRQ
 * line (arch_irq_stat(): NMIs, local APIC vectors, ERR ...), as Linux adds
 * arch_irq_stat_cpu() and arch_irq_stat(). Every IRQ number below nr_irqs
 * gets a field, used or not, so field i+2 is always IRQ i.
 *
 * Left out until they exist: the "cpu" time lines (no per-CPU time
 * accounting yet), ctxt, btime (needs the RTC at boot), processes,
 * procs_running, procs_blocked, and the softirq line.
 */
#include <linux/kernel.h>
#include <linux/init.h>
#include <linux/errno.h>
#include <linux/slab.h>
#include <linux/irq.h>
#include <linux/irqdesc.h>
#include <linux/proc_fs.h>
#include <linux/interrupt.h>
#include <linux/smp.h>

static int show_stat(struct seq_file *p, void *v)
{
	unsigned int n = nr_irqs, i;
	unsigned int *counts;
	u64 sum = 0;

	/*
	 * Read every counter once, so the total is exactly the sum of the
	 * fields printed (plus the arch part) even while interrupts arrive.
	 */
	counts = kmalloc(n * sizeof(*counts), GFP_KERNEL);
	if (!counts)
		return -ENOMEM;
	for (i = 0; i < n; i++) {
		counts[i] = kstat_irqs(i);
		sum += counts[i];
	}
	sum += arch_irq_stat();

	seq_put_decimal_ull(p, "intr ", sum);
	for (i = 0; i < n; i++)
		seq_put_decimal_ull(p, " ", counts[i]);
	seq_putc(p, '\n');
	kfree(counts);

	/* "softirq <total> <HI> <TIMER> ...": each summed over the CPUs,
	 * the last line of Linux's /proc/stat. */
	{
		u64 per[NR_SOFTIRQS] = { 0 }, total = 0;
		unsigned int nr, cpu;

		for (nr = 0; nr < NR_SOFTIRQS; nr++) {
			for (cpu = 0; cpu < nr_cpu_ids; cpu++)
				per[nr] += kstat_softirqs_cpu(nr, cpu);
			total += per[nr];
		}
		seq_put_decimal_ull(p, "softirq ", total);
		for (nr = 0; nr < NR_SOFTIRQS; nr++)
			seq_put_decimal_ull(p, " ", per[nr]);
		seq_putc(p, '\n');
	}
	return 0;
}

static int __init proc_stat_init(void)
{
	return proc_create_single("stat", 0, NULL, show_stat) ? 0 : -ENOMEM;
}
fs_initcall(proc_stat_init);
