/* SPDX-License-Identifier: MIT */
/* The x86 side of interrupt delivery: vector -> irq_desc, per-CPU counters. */
#ifndef _ASM_X86_IRQ_H
#define _ASM_X86_IRQ_H

#include <asm/percpu.h>
#include <asm/ptrace.h>
#include <asm/irq_vectors.h>

struct irq_desc;

/*
 * Each CPU maps its vectors to descriptors on its own (an IRQ can have a
 * different vector on each CPU once the APIC is in use). NULL: unused.
 */
typedef struct irq_desc *vector_irq_t[NR_VECTORS];
DECLARE_PER_CPU(vector_irq_t, vector_irq);

/* Per-CPU interrupt statistics (Linux's irq_cpustat_t). */
struct irq_cpustat {
	unsigned int __nmi_count;          /* NMI row */
	unsigned int apic_timer_irqs;      /* LOC row: LAPIC timer ticks */
	unsigned int irq_spurious_count;   /* SPU row: APIC spurious vector */
	unsigned int irq_resched_count;    /* RES row: reschedule IPIs taken */
	unsigned int irq_call_count;       /* CAL row: call-function IPIs taken */
	unsigned int irq_tlb_count;        /* TLB row: shootdowns done for others */
	unsigned long unexpected_vectors;  /* vectors with no IRQ behind them */
	unsigned long last_vector;
	unsigned long last_orig_ax;
	unsigned int apic_irq_work_irqs;   /* IWI row: IRQ_WORK_VECTOR IPIs taken */
};
DECLARE_PER_CPU(struct irq_cpustat, irq_stat);

/* ERR row: 8259 spurious IRQ 7/15 and LAPIC errors (apic.c). */
extern unsigned long irq_err_count;
/* MIS row: mis-routed I/O APIC interrupts (later). */
extern unsigned long irq_mis_count;

void do_IRQ(struct pt_regs *regs, unsigned long vector);

/*
 * System vectors (>= FIRST_SYSTEM_VECTOR) are not IRQ lines: no irq_desc,
 * no flow handler. do_IRQ() calls the function registered here, inside
 * irq_enter()/irq_exit() on the IRQ stack; the handler itself sends the
 * LAPIC EOI. (Linux's DEFINE_IDTENTRY_SYSVEC handlers.)
 */
typedef void (*sysvec_handler_t)(struct pt_regs *regs);
int sysvec_register(unsigned int vector, sysvec_handler_t handler);
unsigned long nmi_count_cpu(unsigned int cpu);
void init_IRQ(void);

/* The pt_regs of the interrupt being handled on this CPU (get_irq_regs). */
struct pt_regs *get_irq_regs(void);

#endif
