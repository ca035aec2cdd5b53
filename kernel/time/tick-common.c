// SPDX-License-Identifier: MIT
/*
 * The periodic tick: the work done on every interrupt of the tick device.
 *
 * The tick device is PIT channel 0 on IRQ 0 (arch/x86/kernel/i8253.c),
 * programmed for HZ interrupts a second; arch/x86/kernel/time.c's
 * timer_interrupt() calls tick_periodic() from hard interrupt context.
 * Per tick:
 *
 *   1. jiffies++ - only on tick_do_timer_cpu, so jiffies has one writer;
 *   2. run_local_timers() - on every CPU, raise TIMER_SOFTIRQ if a
 *      timer_list on this CPU's wheel is due (kernel/time/timer.c); the
 *      timers run at this interrupt's irq_exit().
 *
 *   3. scheduler_tick() - charge the tick to the running task; one whose
 *      time slice is used up is asked to reschedule (kernel/sched/core.c).
 */
#include <linux/tick.h>
#include <linux/jiffies.h>
#include <linux/interrupt.h>
#include <linux/timer.h>
#include <linux/compiler.h>
#include <linux/sched.h>
#include <linux/irq_work.h>

/* The 8259 delivers IRQ 0 to the boot CPU only; that is CPU 0. */
int tick_do_timer_cpu;
unsigned long tick_count;

/**
 * tick_periodic - account one tick on @cpu
 * @cpu: the CPU that took the tick interrupt
 *
 * Called with interrupts off, in hard interrupt context. Advances jiffies
 * if @cpu owns the timekeeping, then looks for due timers.
 */
void tick_periodic(int cpu)
{
	__atomic_fetch_add(&tick_count, 1, __ATOMIC_RELAXED);   /* every CPU's tick */
	if (cpu == READ_ONCE(tick_do_timer_cpu))
		jiffies++;
	run_local_timers();
	irq_work_tick();   /* lazy irq_works; all of them without IPIs */
	scheduler_tick();
}
