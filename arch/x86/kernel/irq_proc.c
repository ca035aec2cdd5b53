// SPDX-License-Identifier: MIT
/*
 * The x86 rows at the end of /proc/interrupts, and the same counters'
 * share of /proc/stat's "intr" total.
 *
 * These interrupts never go through an irq_desc: NMIs, the local APIC's
 * own vectors (timer, spurious, IPIs ...), machine checks. Rows, order,
 * names and descriptions are Linux's (arch/x86/kernel/irq.c,
 * arch_show_interrupts) for an x86-64 SMP kernel with local APIC, thermal
 * and MCE support, which prints every one of these rows on every machine:
 *
 *	"%*s: " (prec)  then "%10u " per CPU  then "  Description\n"
 *	ERR and MIS are machine-wide: "%*s: %10u\n"
 *
 * Rows whose event irqos cannot receive yet are printed as zeros, which is
 * true: nothing delivers those vectors until the code that handles them
 * exists, and that code is where the counters will live. Each such row
 * names the irq_cpustat field Linux uses, to be added with the handler.
 * Linux's optional rows (PLT, HYP, HRE, HVS, and KVM's PIN/NPI/PIW) are
 * only printed when that hardware or hypervisor support is present; irqos
 * has none of it, so they are left out, as Linux leaves them out.
 */
#include <linux/kernel.h>
#include <linux/smp.h>
#include <linux/irq.h>
#include <linux/seq_file.h>
#include <asm/percpu.h>
#include <asm/irq.h>

static unsigned int nmi_count(unsigned int cpu)
{
	return per_cpu(irq_stat, cpu).__nmi_count;
}

static unsigned int local_timer_count(unsigned int cpu)
{
	return per_cpu(irq_stat, cpu).apic_timer_irqs;
}

static unsigned int spurious_count(unsigned int cpu)
{
	return per_cpu(irq_stat, cpu).irq_spurious_count;
}

static unsigned int resched_count(unsigned int cpu)
{
	return per_cpu(irq_stat, cpu).irq_resched_count;
}

static unsigned int irq_work_count(unsigned int cpu)
{
	return per_cpu(irq_stat, cpu).apic_irq_work_irqs;
}

static unsigned int call_count(unsigned int cpu)
{
	return per_cpu(irq_stat, cpu).irq_call_count;
}

static unsigned int tlb_count(unsigned int cpu)
{
	return per_cpu(irq_stat, cpu).irq_tlb_count;
}

/* Not delivered yet: see the file comment. */
static unsigned int not_yet(unsigned int cpu)
{
	return 0;
}

/**
 * struct arch_irq_row - one per-CPU row of the arch part
 * @sym:      the three-letter name in the first column
 * @desc:     the description after the counts
 * @count:    the counter of one CPU
 * @in_total: counted in /proc/stat's total (Linux's arch_irq_stat_cpu()
 *            leaves out TLB, part of CAL there, and DFR)
 */
struct arch_irq_row {
	const char *sym;
	const char *desc;
	unsigned int (*count)(unsigned int cpu);
	bool in_total;
};

static const struct arch_irq_row arch_rows[] = {
	{ "NMI", "Non-maskable interrupts",            nmi_count,      true },
	{ "LOC", "Local timer interrupts",             local_timer_count, true },
	{ "SPU", "Spurious interrupts",                spurious_count, true },
	{ "PMI", "Performance monitoring interrupts",  not_yet,        true },  /* apic_perf_irqs */
	{ "IWI", "IRQ work interrupts",                irq_work_count, true },
	{ "RTR", "APIC ICR read retries",              not_yet,        true },  /* icr_read_retry_count */
	{ "RES", "Rescheduling interrupts",            resched_count,  true },
	{ "CAL", "Function call interrupts",           call_count,     true },
	{ "TLB", "TLB shootdowns",                     tlb_count,      false },
	{ "TRM", "Thermal event interrupts",           not_yet,        true },  /* irq_thermal_count */
	{ "THR", "Threshold APIC interrupts",          not_yet,        true },  /* irq_threshold_count */
	{ "DFR", "Deferred Error APIC interrupts",     not_yet,        false }, /* irq_deferred_error_count */
	{ "MCE", "Machine check exceptions",           not_yet,        true },  /* mce_exception_count */
	{ "MCP", "Machine check polls",                not_yet,        true },  /* mce_poll_count */
};

/**
 * arch_show_interrupts - print the x86 rows of /proc/interrupts
 * @p:    the file
 * @prec: width of the first column, as for the IRQ numbers above
 *
 * Return: 0.
 */
int arch_show_interrupts(struct seq_file *p, int prec)
{
	unsigned int i, cpu;

	for (i = 0; i < ARRAY_SIZE(arch_rows); i++) {
		const struct arch_irq_row *row = &arch_rows[i];

		seq_printf(p, "%*s:", prec, row->sym);
		for_each_online_cpu(cpu)
			seq_put_decimal_ull_width(p, " ", row->count(cpu), 10);
		seq_printf(p, "   %s\n", row->desc);
	}
	seq_printf(p, "%*s: %10u\n", prec, "ERR",
		   (unsigned int)__atomic_load_n(&irq_err_count, __ATOMIC_RELAXED));
	seq_printf(p, "%*s: %10u\n", prec, "MIS",
		   (unsigned int)__atomic_load_n(&irq_mis_count, __ATOMIC_RELAXED));
	return 0;
}

/**
 * arch_irq_stat - interrupts counted outside irq_desc, for /proc/stat
 *
 * Linux's arch_irq_stat_cpu() summed over the CPUs, plus arch_irq_stat()
 * (ERR). MIS is not added: a mis-routed interrupt is also counted on its
 * line, as in Linux.
 */
u64 arch_irq_stat(void)
{
	u64 sum = __atomic_load_n(&irq_err_count, __ATOMIC_RELAXED);
	unsigned int i, cpu;

	for (cpu = 0; cpu < nr_cpu_ids; cpu++)
		for (i = 0; i < ARRAY_SIZE(arch_rows); i++)
			if (arch_rows[i].in_total)
				sum += arch_rows[i].count(cpu);
	return sum;
}
