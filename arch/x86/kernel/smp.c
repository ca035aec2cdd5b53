// SPDX-License-Identifier: MIT
/*
 * The SMP inter-processor interrupts (Intel SDM Vol. 3A, 10.6): a CPU
 * writes its Local APIC's Interrupt Command Register and another CPU's
 * Local APIC raises the vector there, like any interrupt.
 *
 *   RESCHEDULE_VECTOR            "run the scheduler": counted in RES
 *   CALL_FUNCTION_VECTOR         "run your call queue" (many targets)
 *   CALL_FUNCTION_SINGLE_VECTOR  the same, sent to a single target
 *   REBOOT_VECTOR                "stop": smp_send_stop()
 *
 * Both call-function vectors run kernel/smp.c's queue and count in CAL,
 * as in Linux. The handlers are system vectors: do_IRQ() calls them on the
 * IRQ stack inside irq_enter()/irq_exit(), and each sends its own EOI -
 * first, so an IPI sent while the handler runs is not lost (the Local APIC
 * holds one more request per vector in the IRR once the ISR bit is clear).
 */
#define pr_fmt(fmt) "smp: " fmt

#include <linux/kernel.h>
#include <linux/init.h>
#include <linux/smp.h>
#include <linux/sched.h>
#include <linux/cpumask.h>
#include <linux/irqflags.h>
#include <linux/delay.h>
#include <linux/bug.h>
#include <linux/string.h>
#include <linux/shell.h>
#include <linux/hardirq.h>
#include <asm/apic.h>
#include <asm/tsc.h>
#include <asm/irq.h>
#include <asm/irq_vectors.h>
#include <asm/smp.h>
#include <linux/nmi.h>
#include <asm/nmi.h>
#include <asm/irq_work.h>

bool smp_ipis_ready;

static void sysvec_reschedule_ipi(struct pt_regs *regs)
{
	apic_eoi();
	this_cpu_inc(irq_stat.irq_resched_count);
	/* The sender set TIF_NEED_RESCHED on our current task; the return
	 * from this interrupt (irqentry_exit) acts on it. */
	scheduler_ipi();
}

static void sysvec_call_function(struct pt_regs *regs)
{
	apic_eoi();
	this_cpu_inc(irq_stat.irq_call_count);
	generic_smp_call_function_interrupt();
}

static void sysvec_call_function_single(struct pt_regs *regs)
{
	apic_eoi();
	this_cpu_inc(irq_stat.irq_call_count);
	generic_smp_call_function_single_interrupt();
}

static cpumask_t stopped_cpus;

static void __noreturn stop_this_cpu(void)
{
	local_irq_disable();
	cpumask_set_cpu(smp_processor_id(), &stopped_cpus);
	for (;;)
		native_halt();
}

static void sysvec_reboot(struct pt_regs *regs)
{
	apic_eoi();
	stop_this_cpu();
}

/**
 * smp_send_reschedule - make @cpu take a reschedule IPI
 * @cpu: an online CPU; the calling CPU may name itself
 *
 * An offline target is a caller's bug: WARN and send nothing, as Linux.
 */
void smp_send_reschedule(int cpu)
{
	if (WARN((unsigned int)cpu >= nr_cpu_ids || !cpu_online(cpu),
		 "sched: Unexpected reschedule of offline CPU#%d!\n", cpu))
		return;
	if (smp_ipis_ready)
		__apic_send_IPI(cpu, RESCHEDULE_VECTOR);
}

/* kernel/smp.c queued a call for @cpu, whose queue was empty. */
void arch_send_call_function_single_ipi(int cpu)
{
	__apic_send_IPI(cpu, CALL_FUNCTION_SINGLE_VECTOR);
}

/* The same for several CPUs at once. */
void arch_send_call_function_ipi_mask(const struct cpumask *mask)
{
	__apic_send_IPI_mask(cpumask_bits(mask)[0], CALL_FUNCTION_VECTOR);
}

/**
 * smp_send_stop - stop every other CPU (for panic and power-off)
 *
 * Sends REBOOT_VECTOR to the other online CPUs, whose handler disables
 * interrupts and halts, and waits up to a second for them to say so. A
 * CPU spinning with interrupts off does not take the vector; it is left
 * running (Linux follows up with an NMI; a halted machine is all irqos
 * needs, and the NMI path is busy being what the backtrace uses).
 */
void smp_send_stop(void)
{
	unsigned int this_cpu = smp_processor_id(), cpu;
	cpumask_t others;
	int us;

	if (!smp_ipis_ready || num_online_cpus() < 2)
		return;
	cpumask_copy(&others, cpu_online_mask);
	__cpumask_clear_cpu(this_cpu, &others);
	for_each_cpu(cpu, &others)
		__apic_send_IPI(cpu, REBOOT_VECTOR);
	for (us = 0; us < 1000000; us += 10) {
		if (cpumask_subset(&others, &stopped_cpus))
			break;
		udelay(10);
	}
	for_each_cpu(cpu, &others)
		if (cpumask_test_cpu(cpu, &stopped_cpus))
			set_cpu_online(cpu, false);
}

/**
 * smp_ipi_init - install the IPI handlers (before any AP can send one)
 */
void __init smp_ipi_init(void)
{
	static const struct {
		unsigned int vector;
		sysvec_handler_t handler;
	} ipis[] = {
		{ RESCHEDULE_VECTOR,           sysvec_reschedule_ipi },
		{ CALL_FUNCTION_VECTOR,        sysvec_call_function },
		{ CALL_FUNCTION_SINGLE_VECTOR, sysvec_call_function_single },
		{ REBOOT_VECTOR,               sysvec_reboot },
		{ IRQ_WORK_VECTOR,             sysvec_irq_work },   /* arch/x86/kernel/irq_work.c */
	};
	unsigned int i;
	int err;

	for (i = 0; i < ARRAY_SIZE(ipis); i++) {
		err = sysvec_register(ipis[i].vector, ipis[i].handler);
		if (err) {
			pr_err("vector 0x%02x is taken (%d): no IPIs\n", ipis[i].vector, err);
			return;
		}
	}
	smp_ipis_ready = true;
}

/* ---- nmi_backtrace, the x86 half (Linux: arch/x86/kernel/apic/hw_nmi.c) ---- */

static void nmi_raise_cpu_backtrace(const struct cpumask *mask)
{
	unsigned int cpu;

	for_each_cpu(cpu, mask)
		apic_send_nmi(cpu);
}

/**
 * trigger_cpumask_backtrace - NMI the CPUs of @mask for their traces
 */
bool trigger_cpumask_backtrace(const struct cpumask *mask)
{
	return nmi_trigger_cpumask_backtrace(mask, -1, nmi_raise_cpu_backtrace);
}

/**
 * trigger_all_cpu_backtrace - every online CPU prints its trace
 */
bool trigger_all_cpu_backtrace(void)
{
	return trigger_cpumask_backtrace(cpu_online_mask);
}

/**
 * trigger_allbutself_cpu_backtrace - every other online CPU prints its trace
 */
bool trigger_allbutself_cpu_backtrace(void)
{
	return nmi_trigger_cpumask_backtrace(cpu_online_mask, smp_processor_id(),
					     nmi_raise_cpu_backtrace);
}

/**
 * trigger_single_cpu_backtrace - CPU @cpu prints its trace
 */
bool trigger_single_cpu_backtrace(int cpu)
{
	if ((unsigned int)cpu >= nr_cpu_ids || !cpu_online(cpu))
		return false;
	return trigger_cpumask_backtrace(cpumask_of(cpu));
}

/* ---- shell commands: ipi, nmi, backtrace ---- */

static void print_online_cpus(void)
{
	char list[128];

	cpulist_scnprintf(list, sizeof(list), cpu_online_mask);
	shell_printf("%s", list);
}

/* "N" (an online CPU) or "all"; -1 for all, -2 (and a message) if bad. */
static int parse_cpu_arg(const char *cmd, const char *arg)
{
	unsigned long cpu;

	if (!strcmp(arg, "all"))
		return -1;
	if (kstrtoul(arg, 0, &cpu) || cpu >= nr_cpu_ids || !cpu_online(cpu)) {
		shell_printf("%s: CPU %s is not online (online: ", cmd, arg);
		print_online_cpus();
		shell_printf(")\n");
		return -2;
	}
	return cpu;
}

static unsigned int irq_stat_of(unsigned int cpu, bool call)
{
	const struct irq_cpustat *s = per_cpu_ptr(&irq_stat, cpu);

	return call ? READ_ONCE(s->irq_call_count) : READ_ONCE(s->irq_resched_count);
}

static void ipi_record(void *arg)
{
	unsigned long *preempt = (unsigned long *)arg + smp_processor_id();

	*preempt = preempt_count() | 1UL << 63;     /* bit 63: it ran */
}

/* One IPI of @kind to @cpu, and what its counter did. */
static void ipi_one(unsigned int cpu, bool call)
{
	static unsigned long ran[NR_CPUS];
	unsigned int before = irq_stat_of(cpu, call);
	u64 t0 = rdtsc(), us;
	int waited;

	if (!call) {
		smp_send_reschedule(cpu);
		for (waited = 0; irq_stat_of(cpu, false) == before && waited < 1000000; waited += 10)
			udelay(10);
		us = tsc_khz ? (rdtsc() - t0) * 1000 / tsc_khz : 0;
		shell_printf("CPU%u: RESCHEDULE_VECTOR 0x%02x: RES %u -> %u (%llu us)\n", cpu,
			     RESCHEDULE_VECTOR, before, irq_stat_of(cpu, false),
			     (unsigned long long)us);
		return;
	}
	ran[cpu] = 0;
	smp_call_function_single(cpu, ipi_record, ran, 1);
	us = tsc_khz ? (rdtsc() - t0) * 1000 / tsc_khz : 0;
	if (cpu == (unsigned int)smp_processor_id())
		shell_printf("CPU%u: called locally", cpu);
	else
		shell_printf("CPU%u: CALL_FUNCTION_SINGLE_VECTOR 0x%02x", cpu,
			     CALL_FUNCTION_SINGLE_VECTOR);
	shell_printf(": ran with preempt_count %#lx (%s), CAL %u -> %u (%llu us)\n",
		     ran[cpu] & ~(1UL << 63),
		     !(ran[cpu] >> 63) ? "did not run" :
		     ran[cpu] & HARDIRQ_MASK ? "hard IRQ" : "task, interrupts off",
		     before, irq_stat_of(cpu, true), (unsigned long long)us);
}

static int do_ipi(int argc, char **argv)
{
	unsigned int cpu;
	bool call;
	int which;

	if (argc != 3 || (strcmp(argv[1], "resched") && strcmp(argv[1], "call"))) {
		shell_printf("usage: ipi resched|call CPU|all\n");
		return 1;
	}
	if (!smp_ipis_ready) {
		shell_printf("ipi: no Local APIC, no IPIs\n");
		return 1;
	}
	call = !strcmp(argv[1], "call");
	which = parse_cpu_arg("ipi", argv[2]);
	if (which == -2)
		return 1;
	for_each_online_cpu(cpu)
		if (which == -1 || (unsigned int)which == cpu)
			ipi_one(cpu, call);
	return 0;
}
DEFINE_SHELL_CMD(ipi, "resched|call CPU|all",
		 "send a reschedule IPI or a function call to a CPU (or each) and show RES/CAL",
		 do_ipi);

static int do_nmi(int argc, char **argv)
{
	unsigned int cpu, before[NR_CPUS];
	unsigned long done;
	int which, waited;

	if (argc != 2) {
		shell_printf("usage: nmi CPU|all\n");
		return 1;
	}
	if (!apic_available) {
		shell_printf("nmi: no Local APIC\n");
		return 1;
	}
	which = parse_cpu_arg("nmi", argv[1]);
	if (which == -2)
		return 1;
	for_each_online_cpu(cpu) {
		if (which != -1 && (unsigned int)which != cpu)
			continue;
		before[cpu] = nmi_count_cpu(cpu);
		done = nmi_done_count(cpu);
		apic_send_nmi(cpu);
		/* Until its handler is through, so its report comes first. */
		for (waited = 0; nmi_done_count(cpu) == done && waited < 1000000; waited += 10)
			udelay(10);
		shell_printf("CPU%u: NMI IPI: NMI %u -> %lu\n", cpu, before[cpu], nmi_count_cpu(cpu));
	}
	return 0;
}
DEFINE_SHELL_CMD(nmi, "CPU|all",
		 "send an NMI IPI; no handler claims it, so the CPU reports it as unknown",
		 do_nmi);

static int do_backtrace(int argc, char **argv)
{
	bool answered;
	int which = -1;

	if (argc > 2) {
		shell_printf("usage: backtrace [CPU]\n");
		return 1;
	}
	if (!apic_available) {
		shell_printf("backtrace: no Local APIC\n");
		return 1;
	}
	if (argc == 2 && (which = parse_cpu_arg("backtrace", argv[1])) == -2)
		return 1;
	answered = which == -1 ? trigger_all_cpu_backtrace() : trigger_single_cpu_backtrace(which);
	return answered ? 0 : 1;
}
DEFINE_SHELL_CMD(backtrace, "[CPU]",
		 "every CPU (or one) prints its registers and call trace from an NMI (nmi_backtrace)",
		 do_backtrace);
