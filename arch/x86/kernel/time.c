// SPDX-License-Identifier: MIT
/*
 * The PC's default timer interrupt: IRQ 0, raised by PIT channel 0
 * (arch/x86/kernel/i8253.c) HZ times a second, routed through the 8259
 * (or, later, pin 2 of the I/O APIC) like any other device interrupt.
 *
 * time_init() programs the PIT and requests IRQ 0 with the flags Linux
 * uses for its default timer IRQ:
 *
 *   IRQF_TIMER        a timer: never threaded, never suspended
 *   IRQF_NOBALANCING  keep it where it is: jiffies has a single writer
 *   IRQF_IRQPOLL      when booted with "irqpoll", this line is the one
 *                     whose interrupts drive the misrouted-IRQ poller
 *
 * so it appears in /proc/interrupts as "0: ... XT-PIC timer". Each
 * interrupt becomes one tick (kernel/time/tick-common.c).
 */
#define pr_fmt(fmt) "time: " fmt

#include <linux/init.h>
#include <linux/kernel.h>
#include <linux/interrupt.h>
#include <linux/smp.h>
#include <linux/tick.h>
#include <asm/i8253.h>
#include <asm/time.h>
#include <asm/apic.h>

/**
 * timer_interrupt - the handler of IRQ 0
 * @irq: 0
 * @dev_id: NULL (the line is not shared)
 *
 * The PIT has no status to read or clear: an interrupt on IRQ 0 is a
 * tick - until the local APIC timer has taken the tick over
 * (arch/x86/kernel/apic/apic.c); then it is the stopped PIT's last edge,
 * counted on IRQ 0 but not a tick. Runs in hard interrupt context with
 * interrupts off.
 *
 * Return: IRQ_HANDLED.
 */
static irqreturn_t timer_interrupt(int irq, void *dev_id)
{
	if (!apic_timer_is_tick())
		tick_periodic(smp_processor_id());
	return IRQ_HANDLED;
}

static void __init setup_default_timer_irq(void)
{
	unsigned long flags = IRQF_NOBALANCING | IRQF_IRQPOLL | IRQF_TIMER;
	int ret;

	ret = request_irq(PIT_TIMER_IRQ, timer_interrupt, flags, "timer", NULL);
	if (ret)
		pr_err("Failed to register legacy timer interrupt (%d)\n", ret);
}

/**
 * time_init - start the periodic tick
 *
 * Requests IRQ 0 for timer_interrupt(), then programs PIT channel 0 for HZ
 * interrupts a second. Call once on the boot CPU after init_IRQ() (the
 * 8259 must own IRQ 0) and before interrupts are enabled; the first tick
 * arrives after local_irq_enable(). tsc_init() may run before or after:
 * it uses only channel 2.
 */
void __init time_init(void)
{
	setup_default_timer_irq();
	setup_pit_timer();
}
