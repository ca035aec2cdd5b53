// SPDX-License-Identifier: MIT
/*
 * irq_work on x86: the "run your irq_works" interrupt is a Local APIC IPI
 * on IRQ_WORK_VECTOR, sent to this CPU (a self-IPI) or to another one.
 *
 * The self-IPI has to be sendable from an NMI, which may have interrupted
 * this CPU in the middle of sending some other IPI. In x2APIC mode the
 * SELF_IPI MSR is one write and has no shared state. In xAPIC mode a
 * normal send writes ICR2 (destination) and then ICR (command); if we
 * wrote ICR2 in between, the interrupted IPI would go to our destination.
 * So the self-IPI writes only ICR, with the "self" shorthand that ignores
 * ICR2, and waits for the send to complete before returning, so that the
 * interrupted sender finds the ICR idle as it left it.
 *
 * The handler counts each interrupt in irq_stat.apic_irq_work_irqs - the
 * IWI row of /proc/interrupts - and runs the CPU's raised list.
 *
 * The `irqwork` shell command raises them on demand: N in a row (each run
 * before the next is queued, so IWI moves by exactly N), or one from a
 * real NMI IPI whose handler queues it.
 */
#include <linux/kernel.h>
#include <linux/irq_work.h>
#include <linux/irqflags.h>
#include <linux/hardirq.h>
#include <linux/smp.h>
#include <linux/string.h>
#include <linux/shell.h>
#include <asm/apic.h>
#include <asm/nmi.h>
#include <asm/msr.h>
#include <asm/irq.h>
#include <asm/irq_vectors.h>
#include <asm/irq_work.h>
#include <asm/smp.h>
#include <asm/processor.h>
#include <asm/tsc.h>

#define X2APIC_MSR_SELF_IPI 0x83f   /* x2APIC: write a vector, get it here */

/**
 * sysvec_irq_work - IRQ_WORK_VECTOR: run this CPU's raised irq_works
 * @regs: the interrupted context
 */
void sysvec_irq_work(struct pt_regs *regs)
{
	apic_eoi();   /* first: a work queued by a work raises a new IPI */
	this_cpu_inc(irq_stat.apic_irq_work_irqs);
	irq_work_run();
}

/**
 * arch_irq_work_has_interrupt - can irq_work be raised with an IPI yet?
 *
 * False without a Local APIC or before smp_ipi_init() installed the
 * handler; kernel/irq_work.c then leaves the works to the tick.
 */
bool arch_irq_work_has_interrupt(void)
{
	return apic_available && READ_ONCE(smp_ipis_ready);
}

static void xapic_wait_icr_idle_nmi(void)
{
	unsigned int spins;

	/* Bounded: a stuck ICR must not hang an NMI handler. */
	for (spins = 0; spins < 1000000; spins++) {
		if (!(apic_read(APIC_ICR) & APIC_ICR_BUSY))
			return;
		cpu_relax();
	}
}

/**
 * arch_irq_work_raise - send IRQ_WORK_VECTOR to this CPU (NMI-safe)
 */
void arch_irq_work_raise(void)
{
	unsigned long flags;

	if (x2apic_mode) {
		__asm__ __volatile__("mfence" ::: "memory");
		native_write_msr(X2APIC_MSR_SELF_IPI, IRQ_WORK_VECTOR);
		return;
	}
	local_irq_save(flags);
	xapic_wait_icr_idle_nmi();
	apic_write(APIC_ICR, APIC_DEST_SELF | APIC_DM_FIXED | APIC_INT_ASSERT | IRQ_WORK_VECTOR);
	xapic_wait_icr_idle_nmi();
	local_irq_restore(flags);
}

/**
 * arch_irq_work_raise_on - send IRQ_WORK_VECTOR to CPU @cpu (not from NMI)
 */
void arch_irq_work_raise_on(int cpu)
{
	__apic_send_IPI(cpu, IRQ_WORK_VECTOR);
}

/* ---- the `irqwork` shell command ---- */

static struct {
	unsigned long runs;
	int cpu;
	bool hardirq, nmi;
	unsigned long nmis_done;   /* the CPU's finished NMIs when it ran */
} cmd_seen;

static void irqwork_cmd_fn(struct irq_work *work)
{
	int cpu = smp_processor_id();

	cmd_seen.runs++;
	cmd_seen.cpu = cpu;
	cmd_seen.hardirq = in_hardirq();
	cmd_seen.nmi = in_nmi();
	cmd_seen.nmis_done = nmi_done_count(cpu);
}

static struct irq_work cmd_work = IRQ_WORK_INIT(irqwork_cmd_fn);
static int nmi_cmd_target = -1;     /* the CPU whose next NMI queues cmd_work */
static bool nmi_cmd_in_nmi, nmi_cmd_queued;
static volatile bool nmi_cmd_done;

static int irqwork_cmd_nmi(unsigned int type, struct pt_regs *regs)
{
	if (__atomic_load_n(&nmi_cmd_target, __ATOMIC_ACQUIRE) != (int)smp_processor_id())
		return NMI_DONE;
	WRITE_ONCE(nmi_cmd_target, -1);
	nmi_cmd_in_nmi = in_nmi();
	nmi_cmd_queued = irq_work_queue(&cmd_work);   /* the whole point */
	__atomic_store_n(&nmi_cmd_done, true, __ATOMIC_RELEASE);
	return NMI_HANDLED;
}

/* Spin (not sleep: we must stay on this CPU) until @work is idle. */
static bool wait_work_idle(struct irq_work *work)
{
	unsigned long spins;

	for (spins = 0; irq_work_is_busy(work) && spins < 100000000; spins++)
		cpu_relax();
	return !irq_work_is_busy(work);
}

static unsigned int iwi_of(unsigned int cpu)
{
	return READ_ONCE(per_cpu(irq_stat, cpu).apic_irq_work_irqs);
}

/* irqwork nmi CPU: an NMI IPI whose handler queues the work there. */
static int irqwork_from_nmi(unsigned long cpu)
{
	static bool registered;
	unsigned int iwi0 = iwi_of(cpu), nmi0 = per_cpu(irq_stat, cpu).__nmi_count;
	unsigned long done0 = nmi_done_count(cpu);
	unsigned long spins;

	if (!registered) {
		if (register_nmi_handler(NMI_LOCAL, irqwork_cmd_nmi, 0, "irqwork")) {
			shell_printf("irqwork: cannot register the NMI handler\n");
			return 1;
		}
		registered = true;
	}
	memset(&cmd_seen, 0, sizeof(cmd_seen));
	cmd_seen.cpu = -1;
	nmi_cmd_done = nmi_cmd_in_nmi = nmi_cmd_queued = false;
	__atomic_store_n(&nmi_cmd_target, (int)cpu, __ATOMIC_RELEASE);
	apic_send_nmi(cpu);
	for (spins = 0; !__atomic_load_n(&nmi_cmd_done, __ATOMIC_ACQUIRE) && spins < 100000000; spins++)
		cpu_relax();
	if (!nmi_cmd_done) {
		WRITE_ONCE(nmi_cmd_target, -1);
		shell_printf("irqwork: the NMI never reached CPU %lu's handler\n", cpu);
		return 1;
	}
	wait_work_idle(&cmd_work);
	shell_printf("irqwork: NMI on CPU %lu (handler in NMI: %s) queued it: %s; "
		     "it ran %lu time(s) on CPU %d in %s, after the NMI: %s; NMI %u -> %u, IWI %u -> %u (+%u)\n",
		     cpu, nmi_cmd_in_nmi ? "yes" : "no", nmi_cmd_queued ? "yes" : "no",
		     cmd_seen.runs, cmd_seen.cpu,
		     cmd_seen.nmi ? "NMI" : cmd_seen.hardirq ? "hard IRQ" : "task",
		     cmd_seen.nmis_done > done0 ? "yes" : "no",
		     nmi0, per_cpu(irq_stat, cpu).__nmi_count, iwi0, iwi_of(cpu), iwi_of(cpu) - iwi0);
	return cmd_seen.runs == 1 ? 0 : 1;
}

static int do_irqwork(int argc, char **argv)
{
	unsigned long n, i, cpu;
	unsigned int before, after;
	u64 t0, ns;
	bool nmi = argc == 3 && !strcmp(argv[1], "nmi");

	if (argc < 2 || argc > 3 || (!nmi && (kstrtoul(argv[1], 0, &n) || n > 100000))) {
		shell_printf("usage: irqwork N [CPU] | irqwork nmi CPU\n");
		return 1;
	}
	cpu = smp_processor_id();   /* a running task never migrates */
	if (argc == 3 && (kstrtoul(argv[2], 0, &cpu) || cpu >= nr_cpu_ids || !cpu_online(cpu))) {
		shell_printf("irqwork: CPU %s is not online\n", argv[2]);
		return 1;
	}
	if (!arch_irq_work_has_interrupt() && (nmi || cpu != (unsigned long)smp_processor_id())) {
		shell_printf("irqwork: no IRQ_WORK_VECTOR IPIs (no local APIC)\n");
		return 1;
	}
	if (nmi)
		return irqwork_from_nmi(cpu);

	before = iwi_of(cpu);
	cmd_seen.runs = 0;
	cmd_seen.cpu = -1;
	t0 = local_clock();
	/* One at a time, each run before the next is queued: N interrupts. */
	for (i = 0; i < n; i++)
		if (!irq_work_queue_on(&cmd_work, cpu) || !wait_work_idle(&cmd_work))
			break;
	ns = local_clock() - t0;
	after = iwi_of(cpu);
	shell_printf("irqwork: %lu queued on CPU %lu, %lu ran (last on CPU %d), IWI %u -> %u (+%u), %llu ns from queue to idle each\n",
		     i, cpu, cmd_seen.runs, cmd_seen.cpu, before, after, after - before,
		     i ? (unsigned long long)(ns / i) : 0ULL);
	return i == n ? 0 : 1;
}
DEFINE_SHELL_CMD(irqwork, "N [CPU] | nmi CPU",
		 "queue N irq_works one after another on this CPU (or CPU), or one from an NMI on CPU; show IWI",
		 do_irqwork);
