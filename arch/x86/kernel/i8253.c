// SPDX-License-Identifier: MIT
/*
 * PIT channel 0 as the periodic tick: the 8253/8254 programmable interval
 * timer, whose channel 0 output is wired to ISA IRQ 0 on every PC.
 *
 * Intel 8254 datasheet (231164), "Mode 2 - Rate Generator": after the
 * control word and a count N are written, the counter runs down from N at
 * 1.193182 MHz; when it reaches 1, OUT0 goes low for one input clock, the
 * counter reloads N and starts again. Each rising edge of OUT0 is one
 * interrupt on IRQ 0, so N = PIT_LATCH gives HZ interrupts per second
 * with no software reloading. (Mode 3, the square wave, would do as well;
 * mode 2 has an exact period for odd N too.)
 *
 * The interrupt handler is not here: arch/x86/kernel/time.c requests IRQ 0
 * and turns each interrupt into a tick (kernel/time/tick-common.c).
 *
 * Channel 2 belongs to the TSC calibration (tsc.c), which uses the same
 * mode port 0x43. A control word names its channel in bits 7-6 and resets
 * only that channel's state, so the two never disturb each other's counts;
 * i8253_lock only keeps two CPUs from interleaving a control word and the
 * data bytes that must follow it. Port 0x61 (channel 2's gate) is not
 * touched here at all.
 */
#define pr_fmt(fmt) "i8253: " fmt

#include <linux/init.h>
#include <linux/kernel.h>
#include <linux/jiffies.h>
#include <asm/i8253.h>
#include <asm/io.h>

DEFINE_SPINLOCK(i8253_lock);

/* The channel 0 count must fit the 16-bit counter (0 would mean 65536). */
BUILD_BUG_ON(PIT_LATCH < 2 || PIT_LATCH > 0xffff);

/**
 * setup_pit_timer - make PIT channel 0 interrupt HZ times a second
 *
 * Programs mode 2 (rate generator) with PIT_LATCH. From the moment the
 * high byte is written the counter runs and IRQ 0 starts firing, so the
 * caller should have the IRQ 0 handler in place (or interrupts off).
 */
void __init setup_pit_timer(void)
{
	unsigned long flags;

	spin_lock_irqsave(&i8253_lock, flags);
	outb(PIT_SEL_CH0 | PIT_RW_LOHI | PIT_MODE2, PIT_MODE);
	outb(PIT_LATCH & 0xff, PIT_CH0);
	outb(PIT_LATCH >> 8, PIT_CH0);
	spin_unlock_irqrestore(&i8253_lock, flags);

	pr_info("PIT channel 0: mode 2, count %lu, %u Hz (%lu.%03lu Hz exact)\n",
		PIT_LATCH, HZ, PIT_TICK_RATE / PIT_LATCH,
		(PIT_TICK_RATE % PIT_LATCH) * 1000 / PIT_LATCH);
}

/**
 * pit_timer_shutdown - stop channel 0 from interrupting
 *
 * Writing a mode 0 control word without a count leaves the counter stopped
 * with OUT0 low: no more edges on IRQ 0 (datasheet: "after writing the
 * control word, OUT is initially low" and counting starts only when a
 * count is loaded). Emulated PITs (QEMU's, KVM's in-kernel one) only
 * reprogram their timer when a count is loaded and would go on in mode
 * 2, so a count of 1 follows: in mode 0 that is one last edge two input
 * clocks later (under 2 us, while the caller still has interrupts off),
 * after which OUT0 stays high for good.
 */
void pit_timer_shutdown(void)
{
	unsigned long flags;

	spin_lock_irqsave(&i8253_lock, flags);
	outb(PIT_SEL_CH0 | PIT_RW_LOHI | PIT_MODE0, PIT_MODE);
	outb(1, PIT_CH0);
	outb(0, PIT_CH0);
	spin_unlock_irqrestore(&i8253_lock, flags);
}

/**
 * pit_read_count - the current value of channel 0's counter
 *
 * Latches the count (counter latch command: channel 0, RW bits 00) so the
 * two byte reads see one consistent value while the counter keeps running.
 *
 * Return: the count, between PIT_LATCH and 1 in mode 2.
 */
u16 pit_read_count(void)
{
	unsigned long flags;
	u8 lo, hi;

	spin_lock_irqsave(&i8253_lock, flags);
	outb(PIT_SEL_CH0 | PIT_RW_LATCH, PIT_MODE);
	lo = inb(PIT_CH0);
	hi = inb(PIT_CH0);
	spin_unlock_irqrestore(&i8253_lock, flags);
	return (u16)(hi << 8 | lo);
}
