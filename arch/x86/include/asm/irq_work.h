/* SPDX-License-Identifier: MIT */
/*
 * The x86 half of irq_work (arch/x86/kernel/irq_work.c): IRQ_WORK_VECTOR
 * self-IPIs, counted per CPU in irq_stat.apic_irq_work_irqs (IWI row).
 */
#ifndef _ASM_X86_IRQ_WORK_H
#define _ASM_X86_IRQ_WORK_H

#include <asm/ptrace.h>

/* The IRQ_WORK_VECTOR system vector handler (registered by smp_ipi_init). */
void sysvec_irq_work(struct pt_regs *regs);

#endif
