// SPDX-License-Identifier: MIT
/*
 * Sending inter-processor interrupts through the local APIC's Interrupt
 * Command Register (Intel SDM Vol. 3A, 11.6 "Issuing Interprocessor
 * Interrupts"; 11.12.9 for the x2APIC ICR).
 *
 * xAPIC: the ICR is two 32-bit MMIO registers. The destination APIC ID
 * goes in bits 24-31 of ICR2 (0x310); writing the low word (0x300) sends.
 * Bit 12 (delivery status) stays set while the LAPIC is still sending
 * the previous IPI, and the ICR must not be rewritten until it clears.
 * The two writes must not be split by an interrupt whose handler sends an
 * IPI of its own, so they run with interrupts off.
 *
 * x2APIC: one 64-bit MSR (0x830), destination in bits 32-63; a single
 * WRMSR sends, and there is no busy bit to wait for. x2APIC MSR writes
 * are not serializing (SDM 11.12.3), so an mfence first makes the
 * sender's earlier stores visible before the target can react to the IPI.
 *
 * Fixed-mode IPIs carry APIC_INT_ASSERT: the SDM asks for the level bit
 * to be 1 for every delivery mode but INIT de-assert.
 */
#include <linux/kernel.h>
#include <linux/irqflags.h>
#include <linux/smp.h>
#include <asm/apic.h>
#include <asm/msr.h>
#include <asm/processor.h>

#define X2APIC_MSR_ICR     0x830
#define X2APIC_MSR_SELF_IPI 0x83f
#define ICR_BUSY_LIMIT     1000000UL

static void xapic_wait_icr_idle(void)
{
	unsigned long n;

	for (n = 0; apic_read(APIC_ICR) & APIC_ICR_BUSY; n++) {
		if (n == ICR_BUSY_LIMIT) {
			pr_err_once("APIC: ICR still busy after %lu polls, sending anyway\n", n);
			return;
		}
		cpu_relax();
	}
}

/**
 * apic_icr_write - send one IPI
 * @low:  ICR bits 0-31: vector | delivery mode | level | shorthand
 * @dest: the target's APIC ID (ignored when @low has a shorthand)
 *
 * In xAPIC mode it first waits for the previous IPI to leave.
 */
void apic_icr_write(u32 low, u32 dest)
{
	unsigned long flags;

	if (x2apic_mode) {
		__asm__ __volatile__("mfence" ::: "memory");
		native_write_msr(X2APIC_MSR_ICR, ((u64)dest << 32) | low);
		return;
	}
	local_irq_save(flags);
	xapic_wait_icr_idle();
	apic_write(APIC_ICR2, dest << 24);
	apic_write(APIC_ICR, low);
	local_irq_restore(flags);
}

/**
 * __apic_send_IPI - fixed-mode IPI with @vector to CPU @cpu
 */
void __apic_send_IPI(unsigned int cpu, unsigned int vector)
{
	if (cpu >= nr_cpu_ids) {
		WARN(1, "IPI to CPU %u of %u\n", cpu, nr_cpu_ids);
		return;
	}
	apic_icr_write(APIC_DM_FIXED | APIC_INT_ASSERT | vector, x86_cpu_to_apicid[cpu]);
}

/**
 * __apic_send_IPI_self - fixed-mode IPI with @vector to the running CPU
 *
 * x2APIC has a register for exactly this; xAPIC uses the "self"
 * shorthand. The interrupt arrives as soon as interrupts are enabled.
 */
void __apic_send_IPI_self(unsigned int vector)
{
	if (x2apic_mode) {
		__asm__ __volatile__("mfence" ::: "memory");
		native_write_msr(X2APIC_MSR_SELF_IPI, vector & APIC_VECTOR_MASK);
		return;
	}
	apic_icr_write(APIC_DEST_SELF | APIC_DM_FIXED | APIC_INT_ASSERT | vector, 0);
}

/**
 * __apic_send_IPI_allbutself - fixed-mode IPI to every other CPU
 */
void __apic_send_IPI_allbutself(unsigned int vector)
{
	if (nr_cpu_ids < 2)
		return;
	apic_icr_write(APIC_DEST_ALLBUT | APIC_DM_FIXED | APIC_INT_ASSERT | vector, 0);
}

/**
 * __apic_send_IPI_mask - fixed-mode IPI to each CPU in @cpumask
 * @cpumask: bit n = CPU n; bits at or above nr_cpu_ids are ignored
 */
void __apic_send_IPI_mask(unsigned long cpumask, unsigned int vector)
{
	unsigned int cpu;

	for (cpu = 0; cpu < nr_cpu_ids && cpu < NR_CPUS; cpu++)
		if (cpumask & (1UL << cpu))
			__apic_send_IPI(cpu, vector);
}

/**
 * apic_send_nmi - send an NMI to CPU @cpu (the vector field is ignored)
 */
void apic_send_nmi(unsigned int cpu)
{
	if (cpu >= nr_cpu_ids) {
		WARN(1, "NMI to CPU %u of %u\n", cpu, nr_cpu_ids);
		return;
	}
	apic_icr_write(APIC_DM_NMI | APIC_INT_ASSERT, x86_cpu_to_apicid[cpu]);
}
