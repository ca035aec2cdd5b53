// SPDX-License-Identifier: MIT
/*
 * The idle loop: what a CPU runs when its run queue is empty.
 *
 * The idle task (swapper/N) halts until an interrupt. The test of
 * need_resched() and the halt are made atomic by doing the test with
 * interrupts off and halting with "sti; hlt": STI's one-instruction delay
 * means an interrupt that arrives after the test - a wake-up IPI, a device
 * whose handler wakes a thread on this CPU - is taken on the HLT and ends
 * it, so a wake-up can never be slept through.
 */
#include <linux/sched.h>
#include <linux/irqflags.h>
#include <linux/percpu.h>
#include <asm/irqflags.h>

void schedule_idle(void);

DEFINE_PER_CPU(unsigned long, idle_halts);   /* how often this CPU halted */

static void do_idle(void)
{
	while (!need_resched()) {
		local_irq_disable();
		if (need_resched()) {
			local_irq_enable();
			break;
		}
		this_cpu_inc(idle_halts);
		native_safe_halt();          /* returns with interrupts on */
	}
	schedule_idle();
}

/**
 * cpu_startup_entry - become this CPU's idle loop, forever
 *
 * The caller is the CPU's idle task (init_idle() made it so); it keeps
 * preemption disabled for good - the idle task only leaves the CPU
 * through schedule_idle().
 */
void __noreturn cpu_startup_entry(void)
{
	preempt_disable();
	local_irq_enable();
	for (;;)
		do_idle();
}
