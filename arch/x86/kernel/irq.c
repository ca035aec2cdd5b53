// SPDX-License-Identifier: MIT
/*
 * Interrupt vectors 0x20-0xff arrive here from the irq_entries_start stubs
 * in entry_64.S, with the vector in orig_ax.
 *
 * common_interrupt() moves to this CPU's IRQ stack (so a handler never
 * eats into the interrupted task's stack) and calls do_IRQ(), which maps
 * the vector to an irq_desc through this CPU's vector_irq[] and runs the
 * line's flow handler inside irq_enter()/irq_exit(). A vector with no IRQ
 * behind it is counted and reported once per vector, never dropped
 * silently.
 */
#include <linux/kernel.h>
#include <linux/smp.h>
#include <linux/irq.h>
#include <linux/irqdesc.h>
#include <linux/hardirq.h>
#include <asm/ptrace.h>
#include <asm/desc.h>
#include <asm/irq.h>
#include <asm/i8259.h>
#include <asm/stacktrace.h>
#include <linux/sched.h>

DEFINE_PER_CPU(struct irq_cpustat, irq_stat);
DEFINE_PER_CPU(vector_irq_t, vector_irq);
DEFINE_PER_CPU(unsigned long, hardirq_stack_top);
DEFINE_PER_CPU(bool, hardirq_stack_inuse);
DEFINE_PER_CPU(struct pt_regs *, irq_regs);

unsigned long irq_err_count;
unsigned long irq_mis_count;

static sysvec_handler_t system_vectors[NR_VECTORS - FIRST_SYSTEM_VECTOR];

/**
 * sysvec_register - install the handler of system vector @vector
 *
 * Returns -EINVAL for a vector outside the system range, -EBUSY if taken.
 */
int sysvec_register(unsigned int vector, sysvec_handler_t handler)
{
	if (vector < FIRST_SYSTEM_VECTOR || vector >= NR_VECTORS || !handler)
		return -22;
	if (system_vectors[vector - FIRST_SYSTEM_VECTOR])
		return -16;
	system_vectors[vector - FIRST_SYSTEM_VECTOR] = handler;
	return 0;
}

/* Vectors already reported, so a storm on one does not flood the log. */
static unsigned long reported[NR_VECTORS / 64];

struct pt_regs *get_irq_regs(void)
{
	return this_cpu_read(irq_regs);
}

/**
 * ack_bad_irq - an interrupt arrived on a line nobody set up
 */
void ack_bad_irq(unsigned int irq)
{
	printk_once(KERN_CRIT "unexpected IRQ trap at irq %u\n", irq);
	__atomic_fetch_add(&irq_err_count, 1, __ATOMIC_RELAXED);
}

static void unexpected_vector(unsigned long vector)
{
	unsigned long bit = 1UL << (vector % 64);

	this_cpu_ptr(&irq_stat)->unexpected_vectors++;
	if (!(__atomic_fetch_or(&reported[vector / 64], bit, __ATOMIC_RELAXED) & bit))
		printk(KERN_EMERG "%s: %d.%lu No irq handler for vector\n",
		       "do_IRQ", smp_processor_id(), vector);
}

/**
 * do_IRQ - handle interrupt @vector on this CPU
 */
void do_IRQ(struct pt_regs *regs, unsigned long vector)
{
	struct irq_cpustat *st = this_cpu_ptr(&irq_stat);
	struct pt_regs *old_regs = this_cpu_read(irq_regs);
	struct irq_desc *desc;

	this_cpu_write(irq_regs, regs);
	irq_enter();
	st->last_vector = vector;
	st->last_orig_ax = regs->orig_ax;

	desc = this_cpu_read(vector_irq[vector]);
	if (vector >= FIRST_SYSTEM_VECTOR && system_vectors[vector - FIRST_SYSTEM_VECTOR])
		system_vectors[vector - FIRST_SYSTEM_VECTOR](regs);
	else if (!desc)
		unexpected_vector(vector);
	else if (!i8259A_spurious(desc))
		generic_handle_irq_desc(desc);

	irq_exit();
	this_cpu_write(irq_regs, old_regs);
}

/*
 * Call do_IRQ() on this CPU's IRQ stack. %rbx (callee-saved) keeps the old
 * stack pointer across the call; %rbp is left alone, so the frame-pointer
 * chain leads from the IRQ stack back to the interrupted stack.
 */
static void call_on_irqstack(struct pt_regs *regs, unsigned long vector,
			     unsigned long top)
{
	register unsigned long rdi __asm__("rdi") = (unsigned long)regs;
	register unsigned long rsi __asm__("rsi") = vector;

	__asm__ __volatile__("movq %%rsp, %%rbx\n\t"
			     "movq %[top], %%rsp\n\t"
			     "call do_IRQ\n\t"
			     "movq %%rbx, %%rsp"
			     : "+r"(rdi), "+r"(rsi)
			     : [top] "r"(top)
			     : "rbx", "rax", "rcx", "rdx", "r8", "r9", "r10",
			       "r11", "memory", "cc");
}

void irqentry_exit(struct pt_regs *regs);

/**
 * common_interrupt - C entry for every external interrupt vector
 */
void common_interrupt(struct pt_regs *regs, unsigned long vector)
{
	unsigned long top = this_cpu_read(hardirq_stack_top);

	vector &= 0xff;
	if (!top || this_cpu_read(hardirq_stack_inuse)) {
		/* Nested in softirqs on the IRQ stack: never preempt there. */
		do_IRQ(regs, vector);
		return;
	}
	this_cpu_write(hardirq_stack_inuse, true);
	call_on_irqstack(regs, vector, top);
	this_cpu_write(hardirq_stack_inuse, false);
	irqentry_exit(regs);
}

/**
 * irqentry_exit - the last step of an interrupt, back on the task's stack
 * @regs: the interrupted context
 *
 * Kernel preemption happens here: if the outermost interrupt interrupted a
 * preemptible task (preempt_count() == 0 - no spinlock, no softirq, not
 * an interrupt handler itself; interrupts were on) that was asked to
 * reschedule - by the tick, or by a wake-up this interrupt's handler or
 * softirqs performed - it gives up the CPU now, and this interrupt's
 * return resumes it whenever it is chosen again.
 */
void irqentry_exit(struct pt_regs *regs)
{
	if (!(regs->flags & X86_EFLAGS_IF) || preempt_count())
		return;
	if (need_resched())
		preempt_schedule_irq();
}

unsigned long nmi_count_cpu(unsigned int cpu)
{
	return per_cpu(irq_stat, cpu).__nmi_count;
}
