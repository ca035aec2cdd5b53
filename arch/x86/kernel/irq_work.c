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
 */
#include <linux/kernel.h>
#include <linux/irq_work.h>
#include <linux/irqflags.h>
#include <asm/apic.h>
#include <asm/msr.h>
#include <asm/irq.h>
#include <asm/irq_vectors.h>
#include <asm/irq_work.h>
#include <asm/smp.h>
#include <asm/processor.h>

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
