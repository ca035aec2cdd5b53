// SPDX-License-Identifier: MIT
/*
 * nmi_backtrace - ask CPUs for their call traces through NMIs.
 *
 * The caller fills backtrace_mask with the CPUs it wants to hear from,
 * prints its own trace directly if it is one of them (an NMI to itself
 * would tell nothing more), and has the architecture send an NMI to the
 * rest. Each of those finds its bit set in its NMI handler, prints
 * "NMI backtrace for cpu N", the registers the NMI interrupted and the
 * call trace from its NMI stack through the interrupted code, and clears
 * its bit. The caller waits up to 10 seconds for the mask to empty; a CPU
 * still in it then did not take the NMI (hung with NMIs blocked, or
 * offline in all but name) and is named.
 *
 * One request at a time. Printing is serialized by backtrace_lock, a bare
 * test-and-set lock: it is only ever taken by a CPU that is either in its
 * NMI handler or printing its own trace with its bit already clear, so a
 * CPU never waits for itself.
 */
#include <linux/kernel.h>
#include <linux/smp.h>
#include <linux/cpumask.h>
#include <linux/nmi.h>
#include <linux/delay.h>
#include <linux/irqflags.h>
#include <linux/spinlock.h>
#include <asm/traps.h>
#include <asm/ptrace.h>

#define BACKTRACE_WAIT_MS 10000

void dump_stack(void);

static cpumask_t backtrace_mask;
static unsigned long backtrace_busy;
static spinlock_t backtrace_lock = __SPIN_LOCK_UNLOCKED(backtrace_lock);
static DEFINE_PER_CPU(unsigned long, backtraces);

static void print_backtrace(struct pt_regs *regs)
{
	unsigned int cpu = smp_processor_id();

	spin_lock(&backtrace_lock);
	printk(KERN_WARNING "NMI backtrace for cpu %u\n", cpu);
	if (regs)
		show_regs(regs);
	else
		dump_stack();
	this_cpu_inc(backtraces);
	spin_unlock(&backtrace_lock);
}

/**
 * nmi_cpu_backtrace - print this CPU's trace if a backtrace asked for it
 * @regs: what the NMI interrupted, or NULL outside an NMI
 *
 * Return: true if this CPU was asked (its NMI is then accounted for).
 */
bool nmi_cpu_backtrace(struct pt_regs *regs)
{
	unsigned int cpu = smp_processor_id();

	if (!cpumask_test_cpu(cpu, &backtrace_mask))
		return false;
	print_backtrace(regs);
	cpumask_clear_cpu(cpu, &backtrace_mask);
	return true;
}

/**
 * nmi_trigger_cpumask_backtrace - the traces of @mask's online CPUs
 * @mask:        the CPUs asked
 * @exclude_cpu: a CPU to leave out, or -1
 * @raise:       sends the NMIs to a mask of CPUs
 *
 * Return: true if every CPU asked printed its trace within 10 seconds,
 * or another request was already running (its output is on the way).
 */
bool nmi_trigger_cpumask_backtrace(const struct cpumask *mask, int exclude_cpu,
				   void (*raise)(const struct cpumask *mask))
{
	unsigned int this_cpu = smp_processor_id();
	cpumask_t want;
	unsigned long flags;
	char list[128];
	bool self;
	int ms;

	if (__atomic_exchange_n(&backtrace_busy, 1, __ATOMIC_ACQUIRE))
		return true;
	cpumask_and(&want, mask, cpu_online_mask);
	if (exclude_cpu >= 0)
		__cpumask_clear_cpu(exclude_cpu, &want);
	self = cpumask_test_cpu(this_cpu, &want);
	__cpumask_clear_cpu(this_cpu, &want);

	if (self) {
		local_irq_save(flags);
		print_backtrace(NULL);
		local_irq_restore(flags);
	}
	if (!cpumask_empty(&want)) {
		cpulist_scnprintf(list, sizeof(list), &want);
		pr_info("Sending NMI from CPU %u to CPUs %s:\n", this_cpu, list);
		/* Publish the request before any NMI can look at it. */
		__atomic_store_n(&backtrace_mask.bits[0], want.bits[0], __ATOMIC_SEQ_CST);
		raise(&want);
	}
	for (ms = 0; ms < BACKTRACE_WAIT_MS && !cpumask_empty(&backtrace_mask); ms++)
		mdelay(1);
	cpumask_copy(&want, &backtrace_mask);
	if (!cpumask_empty(&want)) {
		cpulist_scnprintf(list, sizeof(list), &want);
		pr_warn("NMI backtrace: no answer from CPUs %s\n", list);
		/* Forget them: a late NMI must not print into the next request. */
		__atomic_store_n(&backtrace_mask.bits[0], 0UL, __ATOMIC_SEQ_CST);
	}
	__atomic_store_n(&backtrace_busy, 0, __ATOMIC_RELEASE);
	return cpumask_empty(&want);
}

/**
 * nmi_backtrace_count - traces @cpu has printed for nmi_backtrace
 */
unsigned long nmi_backtrace_count(unsigned int cpu)
{
	return per_cpu(backtraces, cpu);
}
