/* SPDX-License-Identifier: MIT */
/*
 * Device vectors under the APIC: which vector, on which CPU, each IRQ is
 * delivered with (arch/x86/kernel/apic/vector.c).
 *
 * Under the 8259 every ISA IRQ n has the fixed vector 0x20 + n on the boot
 * CPU. With the local APIC, vectors are a per-CPU resource handed out to
 * IRQs as they are routed (I/O APIC pins, MSI): each CPU has the vectors
 * FIRST_DEVICE_VECTOR (0x30) to FIRST_SYSTEM_VECTOR - 1 (0xeb), less
 * IA32_SYSCALL_VECTOR (0x80), and per_cpu(vector_irq, cpu)[vector] points
 * at the irq_desc each one belongs to.
 *
 * Moving an IRQ to another vector or CPU (affinity) takes two steps,
 * because an interrupt may already be on its way to the old vector when
 * the controller is reprogrammed:
 *
 *   irq_move_vector()     allocates the new vector and maps it; the old
 *                         one stays mapped (move_in_progress). The caller
 *                         then points the hardware at the new one.
 *   irq_complete_move()   called from the chip's ack/eoi: the first
 *                         interrupt that arrives on the new vector proves
 *                         the hardware uses it; the old vector is queued
 *                         for release on the old CPU (cleanup_pending).
 *   irq_move_cleanup()    run on the old CPU (from its local timer tick,
 *                         or an IPI): releases the old vector once that
 *                         CPU's LAPIC has it neither pending nor in service.
 */
#ifndef _ASM_X86_HW_IRQ_H
#define _ASM_X86_HW_IRQ_H

#include <linux/types.h>

/**
 * struct irq_cfg - the vector of one IRQ
 * @vector:           current vector, 0 if none
 * @cpu:              the CPU @vector is allocated on
 * @old_vector:       previous vector while a move is not finished, else 0
 * @old_cpu:          its CPU
 * @move_in_progress: the new vector is not known to be in use yet
 * @cleanup_pending:  it is; @old_vector waits for release on @old_cpu
 */
struct irq_cfg {
	unsigned int vector;
	unsigned int cpu;
	unsigned int old_vector;
	unsigned int old_cpu;
	bool move_in_progress;
	bool cleanup_pending;
};

/* The cfg of @irq, or NULL if @irq is out of range. */
struct irq_cfg *irq_cfg(unsigned int irq);

int irq_alloc_vector(unsigned int irq, unsigned int cpu);
void irq_free_vector(unsigned int irq);
int irq_move_vector(unsigned int irq, unsigned int new_cpu);
void irq_complete_move(unsigned int irq, unsigned int cpu, unsigned int vector);
void irq_move_cleanup(unsigned int cpu);
/* Is @vector taken on @cpu (by an IRQ, or reserved)? */
bool irq_vector_used(unsigned int cpu, unsigned int vector);
/* Device vectors allocated on @cpu. */
unsigned int irq_vectors_in_use(unsigned int cpu);
/* Does @cpu have old vectors waiting for irq_move_cleanup()? */
bool irq_move_cleanup_pending(unsigned int cpu);

#endif /* _ASM_X86_HW_IRQ_H */
