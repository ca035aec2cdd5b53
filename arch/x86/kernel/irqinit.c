// SPDX-License-Identifier: MIT
/*
 * init_IRQ() - wire the legacy interrupts: the 8259s, ISA IRQs 0-15 on
 * vectors 0x20-0x2f of this CPU, and this CPU's hard-IRQ stack.
 */
#include <linux/kernel.h>
#include <linux/init.h>
#include <linux/irqdesc.h>
#include <linux/vmalloc.h>
#include <asm/irq.h>
#include <asm/i8259.h>
#include <asm/irq_vectors.h>
#include <asm/stacktrace.h>
#include <asm/page.h>

DECLARE_PER_CPU(unsigned long, hardirq_stack_top);

/**
 * irq_init_percpu_irqstack - give @cpu its hard-IRQ stack (guard-paged)
 */
int irq_init_percpu_irqstack(unsigned int cpu)
{
	void *stack;

	if (per_cpu(hardirq_stack_top, cpu))
		return 0;
	stack = vmalloc_named(THREAD_SIZE, "IRQ stack");
	if (!stack)
		return -12;
	per_cpu(cpu_stacks, cpu).irq_base = (unsigned long)stack;
	per_cpu(hardirq_stack_top, cpu) = (unsigned long)stack + THREAD_SIZE;
	return 0;
}

/**
 * init_IRQ - set up the interrupt controllers and legacy vectors
 */
void __init init_IRQ(void)
{
	unsigned int irq;

	early_irq_init();
	for (irq = 0; irq < NR_LEGACY_IRQS; irq++)
		this_cpu_write(vector_irq[ISA_IRQ_VECTOR(irq)], irq_to_desc(irq));
	if (irq_init_percpu_irqstack(0))
		panic("init_IRQ: no memory for the IRQ stack");
	init_ISA_irqs();
}
