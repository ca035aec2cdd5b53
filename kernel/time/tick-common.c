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
 *   4. without a one-shot clock event device, hrtimer_run_queues(): the
 *      hrtimers expire with tick resolution.
 *
 * One-shot mode (the second half of this file). Once a CPU's local APIC
 * timer is its tick, it is a one-shot clock event device: each interrupt
 * is programmed for the earlier of the next tick time and the first
 * hrtimer. tick_handle_oneshot() emulates the periodic tick on that grid
 * (next tick = previous + TICK_NSEC, on the monotonic clock), so jiffies
 * still advance at HZ, and runs the due hrtimers in between. An interrupt
 * a little early for the tick (within TICK_SLACK_NSEC: the LAPIC timer
 * and the TSC are calibrated separately) counts as the tick rather than
 * costing a second interrupt. Ticks missed with interrupts off are not
 * replayed, as in periodic mode.
 */
#include <linux/tick.h>
#include <linux/jiffies.h>
#include <linux/interrupt.h>
#include <linux/timer.h>
#include <linux/compiler.h>
#include <linux/sched.h>
#include <linux/hrtimer.h>
#include <linux/clockchips.h>
#include <linux/percpu.h>
#include <linux/smp.h>
#include <linux/irqflags.h>

#define TICK_NSEC ((s64)(NSEC_PER_SEC / HZ))
#define TICK_SLACK_NSEC (TICK_NSEC / 8)
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
	if (!tick_oneshot_active())
		hrtimer_run_queues();
	irq_work_tick();   /* lazy irq_works; all of them without IPIs */
	scheduler_tick();
}

static DEFINE_PER_CPU(struct clock_event_device *, tick_cpu_device);
static DEFINE_PER_CPU(ktime_t, tick_next_period);

/**
 * tick_oneshot_active - does this CPU's tick come from a one-shot device?
 */
bool tick_oneshot_active(void)
{
	return this_cpu_read(tick_cpu_device) != NULL;
}

/**
 * tick_program_next_event - program this CPU's device for its next event
 *
 * The earlier of the next tick and the first hrtimer. Interrupts off;
 * nothing to do without a one-shot device.
 */
void tick_program_next_event(void)
{
	struct clock_event_device *dev = this_cpu_read(tick_cpu_device);
	ktime_t next, h;

	if (!dev)
		return;
	next = this_cpu_read(tick_next_period);
	h = hrtimer_next_event();
	if (h < next)
		next = h;
	dev->events++;
	dev->set_next_ktime(next, dev);
}

/**
 * tick_setup_oneshot - make @dev this CPU's tick, in one-shot mode
 * @dev: the CPU's clock event device, ready to be programmed
 *
 * Interrupts off. The first tick is one period from now.
 */
void tick_setup_oneshot(struct clock_event_device *dev)
{
	this_cpu_write(tick_next_period, ktime_add_ns(ktime_get(), TICK_NSEC));
	this_cpu_write(tick_cpu_device, dev);
	tick_program_next_event();
}

/**
 * tick_handle_oneshot - the one-shot device's interrupt on this CPU
 * @dev: the device
 *
 * Hard interrupt context. Takes the tick if its time has come, runs the
 * due hrtimers, and programs the next event.
 */
void tick_handle_oneshot(struct clock_event_device *dev)
{
	ktime_t now = ktime_get(), next = this_cpu_read(tick_next_period);

	(void)dev;
	if (now >= next - TICK_SLACK_NSEC) {
		next += TICK_NSEC;
		if (next <= now)
			next = ktime_add_ns(now, TICK_NSEC);
		this_cpu_write(tick_next_period, next);
		tick_periodic(smp_processor_id());
	}
	hrtimer_interrupt();
	tick_program_next_event();
}
