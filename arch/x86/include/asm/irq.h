/* SPDX-License-Identifier: MIT */
#ifndef _ASM_X86_IRQ_H
#define _ASM_X86_IRQ_H

#include <asm/percpu.h>
#include <asm/ptrace.h>

/* Per-CPU interrupt statistics (Linux's irq_cpustat_t). */
struct irq_cpustat {
	unsigned long unexpected_vectors;   /* vectors with no IRQ behind them */
	unsigned long last_vector;
	unsigned long last_orig_ax;
};
DECLARE_PER_CPU(struct irq_cpustat, irq_stat);

void do_IRQ(struct pt_regs *regs, unsigned long vector);
unsigned long nmi_count_cpu(unsigned int cpu);

#endif
