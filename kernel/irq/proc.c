// SPDX-License-Identifier: MIT
/*
 * The IRQ layer's text files: /proc/interrupts (show_interrupts) and the
 * per-line directories /proc/irq/N/.
 *
 * /proc/interrupts has Linux's layout byte for byte, so tools written for
 * Linux (util-linux lsirq, irqbalance, scripts using awk) read it. With
 * two CPUs:
 *
 *	"           CPU0       CPU1       "
 *	"  0:        123          0    XT-PIC   0-edge      timer"
 *	"NMI:          0          0   Non-maskable interrupts"
 *
 * The header is prec+8 spaces and "CPU%-8d" per online CPU (a CPU that
 * did not come up has no column, as in Linux). An IRQ line is, in
 * order: the IRQ number "%*d:" (prec wide), " %10u" per CPU and one " ",
 * the chip name " %8s", the hwirq " %*lu" (prec wide; blank when the
 * line's controller has no irq_domain, as the 8259's), the flow name
 * "-%-8s" (desc->name, if set), then "  " and the handler names joined
 * by ", ". The architecture's rows (NMI, LOC, ... ERR, MIS) follow, from
 * arch_show_interrupts().
 *
 * prec, the width of the first column, is Linux's: at least 3, plus one
 * digit for every power of ten from 1000 up to nr_irqs.
 *
 * /proc/irq/N/ holds, as in Linux:
 *   smp_affinity, smp_affinity_list   the CPUs asked for (read/write, hex
 *                                     mask "f" / list "0-3")
 *   effective_affinity[_list]         the CPUs the controller targets
 *   spurious                          the "nobody cared" detector's state
 * and /proc/irq/default_smp_affinity the mask a line gets when started.
 * Writes follow Linux's write_irq_affinity(): a line whose controller
 * cannot steer it (the 8259) is -EIO; a malformed mask is the parser's
 * error (-EINVAL, or -EOVERFLOW / -ERANGE for a CPU at or above
 * nr_cpu_ids); a mask without an online CPU is -EINVAL.
 *
 * Differences from Linux, all because the structures differ:
 *  - A line is shown when it has a handler, as in current Linux (older kernels
 *    also showed handler-less lines that had counts).
 */
#include <linux/kernel.h>
#include <linux/init.h>
#include <linux/errno.h>
#include <linux/jiffies.h>
#include <linux/smp.h>
#include <linux/spinlock.h>
#include <linux/irq.h>
#include <linux/irqdesc.h>
#include <linux/interrupt.h>
#include <linux/seq_file.h>
#include <linux/proc_fs.h>
#include <linux/cpumask.h>

static struct proc_dir_entry *root_irq_dir;        /* /proc/irq */
static struct proc_dir_entry *irq_dir[NR_IRQS];    /* /proc/irq/N */
/* Makes register_irq_proc()'s check-and-create atomic between CPUs. */
static DEFINE_SPINLOCK(register_lock);

/* Width of the IRQ-number column: Linux's rule, from nr_irqs. */
static int irq_col_width(unsigned int nirqs)
{
	unsigned long limit = 1000;
	int prec = 3;

	while (prec < 10 && limit <= nirqs) {
		prec++;
		limit *= 10;
	}
	return prec;
}

/* One line of /proc/interrupts for @irq, if it has a handler. */
static void show_irq_line(struct seq_file *p, unsigned int irq, int prec)
{
	struct irq_desc *desc = irq_to_desc(irq);
	struct irqaction *action;
	struct irq_chip *chip;
	unsigned long flags;
	unsigned int cpu;

	if (!desc)
		return;
	/* The lock keeps the action chain and the names still while printed. */
	spin_lock_irqsave(&desc->lock, flags);
	action = desc->action;
	if (!action)
		goto out;

	seq_printf(p, "%*u:", prec, irq);
	for_each_online_cpu(cpu)
		seq_put_decimal_ull_width(p, " ", kstat_irqs_cpu(irq, cpu), 10);
	seq_putc(p, ' ');

	chip = desc->irq_data.chip;
	if (!chip)
		seq_printf(p, " %8s", "None");
	else
		seq_printf(p, " %8s", chip->name ? chip->name : "-");
	/* The controller's own line number, for controllers that translate
	 * (an irq_domain: I/O APIC, MSI); the 8259's pins are the IRQ
	 * numbers themselves, and Linux leaves the column blank for them. */
	if (desc->irq_data.domain)
		seq_printf(p, " %*lu", prec, desc->irq_data.hwirq);
	else
		seq_printf(p, " %*s", prec, "");
	if (desc->name)
		seq_printf(p, "-%-8s", desc->name);

	seq_printf(p, "  %s", action->name);
	while ((action = action->next))
		seq_printf(p, ", %s", action->name);
	seq_putc(p, '\n');
out:
	spin_unlock_irqrestore(&desc->lock, flags);
}

/**
 * show_interrupts - print all of /proc/interrupts
 * @p: the file
 * @v: unused: unlike Linux's seq_operations, which call this once per IRQ
 *     with *(loff_t *)v as the index, irqos prints the whole file in one
 *     call (a single_open()-style show function)
 *
 * Return: 0, or what arch_show_interrupts() returned.
 */
int show_interrupts(struct seq_file *p, void *v)
{
	int prec = irq_col_width(nr_irqs);
	unsigned int cpu, irq;

	seq_printf(p, "%*s", prec + 8, "");
	for_each_online_cpu(cpu)
		seq_printf(p, "CPU%-8u", cpu);
	seq_putc(p, '\n');

	for (irq = 0; irq < nr_irqs; irq++)
		show_irq_line(p, irq, prec);

	return arch_show_interrupts(p, prec);
}

/*
 * /proc/irq/N/spurious: the spurious-detection state of one line
 * (kernel/irq/spurious.c), in Linux's three lines. irq_count counts the
 * interrupts of the current detection window, not all of them.
 */
static int irq_spurious_proc_show(struct seq_file *m, void *v)
{
	struct irq_desc *desc = irq_to_desc((unsigned long)m->private);
	unsigned int count, unhandled, last;
	unsigned long flags;

	if (!desc)
		return -ENOENT;
	spin_lock_irqsave(&desc->lock, flags);
	count = desc->irq_count;
	unhandled = desc->irqs_unhandled;
	last = (unsigned int)jiffies_to_msecs(desc->last_unhandled);
	spin_unlock_irqrestore(&desc->lock, flags);

	seq_printf(m, "count %u\nunhandled %u\nlast_unhandled %u ms\n",
		   count, unhandled, last);
	return 0;
}

/* --- affinity files ----------------------------------------------------- */

/* A mask's text and "\n", as cpumap_print_to_pagebuf() without a page. */
static void seq_cpumask(struct seq_file *m, unsigned long bits, bool list)
{
	cpumask_t mask = { { bits } };
	char buf[200];

	if (list)
		cpulist_scnprintf(buf, sizeof(buf), &mask);
	else
		cpumask_scnprintf(buf, sizeof(buf), &mask);
	seq_printf(m, "%s\n", buf);
}

/* The proc data: the IRQ number, with bit 31 for the _list variants. */
#define AFF_LIST 0x80000000UL

static int irq_affinity_show(struct seq_file *m, bool effective)
{
	unsigned long data = (unsigned long)m->private;
	struct irq_desc *desc = irq_to_desc(data & ~AFF_LIST);
	unsigned long flags, bits;

	if (!desc)
		return -ENOENT;
	spin_lock_irqsave(&desc->lock, flags);
	bits = effective ? desc->effective_affinity : desc->affinity;
	spin_unlock_irqrestore(&desc->lock, flags);
	seq_cpumask(m, bits, data & AFF_LIST);
	return 0;
}

static int irq_affinity_proc_show(struct seq_file *m, void *v)
{
	return irq_affinity_show(m, false);
}

static int irq_effective_aff_proc_show(struct seq_file *m, void *v)
{
	return irq_affinity_show(m, true);
}

static ssize_t irq_affinity_proc_write(void *data, const char *buf, size_t count)
{
	unsigned int irq = (unsigned long)data & ~AFF_LIST;
	cpumask_t mask;
	int err;

	if (!irq_can_set_affinity(irq))
		return -EIO;
	if ((unsigned long)data & AFF_LIST)
		err = cpulist_parse(buf, &mask);
	else
		err = cpumask_parse(buf, &mask);
	if (err)
		return err;
	/* At least one online CPU must stay targeted (empty masks included). */
	if (!cpumask_intersects(&mask, cpu_online_mask))
		return -EINVAL;
	err = irq_set_affinity(irq, &mask);
	return err ? err : (ssize_t)count;
}

static const struct proc_ops irq_affinity_proc_ops = {
	.proc_show  = irq_affinity_proc_show,
	.proc_write = irq_affinity_proc_write,
};

static const struct proc_ops irq_effective_aff_proc_ops = {
	.proc_show  = irq_effective_aff_proc_show,
};

static int default_affinity_show(struct seq_file *m, void *v)
{
	seq_cpumask(m, __cpumask_word(&irq_default_affinity), false);
	return 0;
}

static ssize_t default_affinity_write(void *data, const char *buf, size_t count)
{
	cpumask_t mask;
	int err;

	err = cpumask_parse(buf, &mask);
	if (err)
		return err;
	if (!cpumask_intersects(&mask, cpu_online_mask))
		return -EINVAL;
	cpumask_copy(&irq_default_affinity, &mask);
	return count;
}

static const struct proc_ops default_affinity_proc_ops = {
	.proc_show  = default_affinity_show,
	.proc_write = default_affinity_write,
};

/* The four affinity files of /proc/irq/@irq; false if one is missing. */
static bool create_affinity_files(struct proc_dir_entry *dir, unsigned int irq)
{
	void *data = (void *)(unsigned long)irq;
	void *list = (void *)((unsigned long)irq | AFF_LIST);

	return proc_create_data("smp_affinity", 0644, dir, &irq_affinity_proc_ops, data) &&
	       proc_create_data("smp_affinity_list", 0644, dir, &irq_affinity_proc_ops, list) &&
	       proc_create_data("effective_affinity", 0444, dir,
				&irq_effective_aff_proc_ops, data) &&
	       proc_create_data("effective_affinity_list", 0444, dir,
				&irq_effective_aff_proc_ops, list);
}

/**
 * register_irq_proc - create /proc/irq/@irq/ and the files in it
 * @irq:  the Linux IRQ number
 * @desc: its descriptor
 *
 * Called by the IRQ core whenever a handler is installed (process
 * context) and at boot for every line with a controller; a line that
 * already has its directory is left alone, so calling it again is
 * harmless. Lines without a controller (no_irq_chip) get none, as in
 * Linux. Creation failures (out of memory) leave the line without a
 * directory; the next call tries again.
 */
void register_irq_proc(unsigned int irq, struct irq_desc *desc)
{
	struct proc_dir_entry *dir;
	unsigned long flags;
	char name[12];

	if (irq >= NR_IRQS || !desc || desc->irq_data.chip == &no_irq_chip)
		return;

	spin_lock_irqsave(&register_lock, flags);
	if (!root_irq_dir) {
		root_irq_dir = proc_mkdir("irq", NULL);
		if (root_irq_dir &&
		    !proc_create_data("default_smp_affinity", 0644, root_irq_dir,
				      &default_affinity_proc_ops, NULL)) {
			proc_remove(root_irq_dir);
			root_irq_dir = NULL;
		}
	}
	if (!root_irq_dir || irq_dir[irq])
		goto out;

	snprintf(name, sizeof(name), "%u", irq);
	dir = proc_mkdir(name, root_irq_dir);
	if (!dir)
		goto out;
	if (!proc_create_single_data("spurious", 0444, dir, irq_spurious_proc_show,
				     (void *)(unsigned long)irq) ||
	    !create_affinity_files(dir, irq)) {
		proc_remove(dir);
		goto out;
	}
	irq_dir[irq] = dir;
out:
	spin_unlock_irqrestore(&register_lock, flags);
}

/*
 * /proc/interrupts (which Linux registers from fs/proc/interrupts.c), and
 * /proc/irq with a directory for every line that has a controller by the
 * time initcalls run (Linux's init_irq_proc()); later lines get theirs
 * from request_irq().
 */
static int __init init_irq_proc(void)
{
	unsigned int irq;

	/* Mode 0 means 0444, readable by all, as Linux registers it. */
	if (!proc_create_single("interrupts", 0, NULL, show_interrupts))
		return -ENOMEM;
	for (irq = 0; irq < nr_irqs && irq < NR_IRQS; irq++)
		register_irq_proc(irq, irq_to_desc(irq));
	return root_irq_dir ? 0 : -ENOMEM;
}
fs_initcall(init_irq_proc);
