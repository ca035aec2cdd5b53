// SPDX-License-Identifier: MIT
/*
 * KUnit suite "irq_devices": real interrupts from real (emulated) devices
 * arrive through the 8259 and the generic IRQ layer and are counted per
 * IRQ. Nothing here calls a handler directly; every interrupt is raised by
 * the device:
 *
 *   IRQ 0  PIT channel 0, HZ a second: kstat_irqs(0) and jiffies advance
 *          - until the local APIC timer takes the tick over (LOC on CPU 0,
 *          arch/x86/kernel/apic/apic.c), which is the default; then the
 *          tick checks count that, and the PIT's own case is skipped
 *   IRQ 8  CMOS RTC periodic interrupt at 1024 Hz; disable_irq() stops
 *          delivery and enable_irq() brings it back
 *   IRQ 4  16550 in loopback (MCR bit 4): a byte written to THR comes back
 *          on RX, raises the receive interrupt, and lands in the tty ring
 *
 * Waits are timed with the TSC (local_clock()) and halt the CPU with
 * "sti; hlt" once the tick is known to be running, so they are bounded.
 * Rates are judged against a second clock: the PIT's against the TSC with
 * a wide margin (under TCG on a busy host the boot-time TSC calibration
 * can be off by a factor of three), the RTC's against jiffies - two
 * independent timer chips, compared closely.
 * The runner calls us with interrupts enabled; suite_init checks that.
 */
#include <kunit/test.h>
#include <linux/kernel.h>
#include <linux/delay.h>
#include <linux/errno.h>
#include <linux/string.h>
#include <linux/interrupt.h>
#include <linux/irqdesc.h>
#include <linux/jiffies.h>
#include <linux/rtc.h>
#include <linux/mc146818rtc.h>
#include <linux/serial_8250.h>
#include <linux/serial_reg.h>
#include <linux/tty.h>
#include <asm/i8253.h>
#include <asm/apic.h>
#include <asm/io_apic.h>
#include <asm/irq.h>
#include <asm/io.h>
#include <asm/irqflags.h>
#include <asm/processor.h>
#include <asm/tsc.h>

#define NSEC_PER_MSEC 1000000ULL
#define UART_LOOP_BYTE 0x5a

/* The interrupts that advance jiffies: CPU 0's LAPIC timer or IRQ 0. */
static unsigned long tick_irqs(void)
{
	if (apic_timer_is_tick())
		return per_cpu(irq_stat, 0).apic_timer_irqs;
	return kstat_irqs(0);
}

/*
 * Let @ms milliseconds pass with interrupts enabled. Halts between
 * interrupts once a timer tick has been seen during the wait (so a halt
 * cannot last longer than a tick), spins before. Returns the ns elapsed.
 */
static u64 wait_ms(unsigned int ms)
{
	unsigned long ticks = tick_irqs();
	u64 t0 = local_clock(), now;

	while ((now = local_clock()) - t0 < ms * NSEC_PER_MSEC) {
		if (tick_irqs() != ticks)
			native_safe_halt();
		else
			cpu_relax();
	}
	return now - t0;
}

/* Wait up to @ms for *@p to differ from @old; true if it did. */
static bool wait_change(volatile unsigned long *p, unsigned long old, unsigned int ms)
{
	u64 t0 = local_clock();

	while (*p == old) {
		if (local_clock() - t0 > ms * NSEC_PER_MSEC)
			return false;
		cpu_relax();
	}
	return true;
}

static int irq_devices_suite_init(struct kunit_suite *suite)
{
	if (irqs_disabled()) {
		printk(KERN_ERR "    # irq_devices: interrupts are disabled: the runner must enable them first\n");
		return -EINVAL;
	}
	return 0;
}

/* The legacy devices own their lines under Linux's names and flags. */
static void legacy_lines_have_their_handlers(struct kunit *test)
{
	static const struct { unsigned int irq; const char *name; } lines[] = {
		{ 0, "timer" }, { 1, "i8042" }, { 4, "ttyS0" }, { 8, "rtc0" },
	};
	struct irq_desc *desc;
	unsigned int i;

	for (i = 0; i < ARRAY_SIZE(lines); i++) {
		desc = irq_to_desc(lines[i].irq);
		KUNIT_ASSERT_NOT_NULL(test, desc);
		KUNIT_ASSERT_NOT_NULL(test, desc->action);
		KUNIT_EXPECT_STREQ(test, desc->action->name, lines[i].name);
	}
	desc = irq_to_desc(0);
	KUNIT_EXPECT_EQ(test, desc->action->flags,
			IRQF_NOBALANCING | IRQF_IRQPOLL | IRQF_TIMER);
}

/* Channel 0 runs in mode 2 with PIT_LATCH: its count is always in range
 * and it moves. */
static void pit_channel0_counts(struct kunit *test)
{
	u16 a = pit_read_count(), b;
	unsigned int i, moved = 0;

	if (apic_timer_is_tick())
		kunit_skip(test, "PIT channel 0 is stopped: the local APIC timer is the tick");
	for (i = 0; i < 50; i++) {
		udelay(20);
		b = pit_read_count();
		KUNIT_EXPECT_LE(test, b, PIT_LATCH);
		KUNIT_EXPECT_GE(test, b, 1);
		moved += b != a;
		a = b;
	}
	KUNIT_EXPECT_GT(test, moved, 25);
}

static void pit_tick_advances_jiffies(struct kunit *test)
{
	unsigned long j0, j1, k0, k1, flags, expected;
	u64 ns;

	/* Both read with interrupts off, so no tick falls between them. */
	local_irq_save(flags);
	j0 = jiffies;
	k0 = tick_irqs();
	local_irq_restore(flags);
	ns = wait_ms(200);
	local_irq_save(flags);
	j1 = jiffies;
	k1 = tick_irqs();
	local_irq_restore(flags);

	expected = (unsigned long)(ns * HZ / 1000000000ULL);
	kunit_info(test, "%lu ticks, %lu jiffies in %llu us (HZ=%d: %lu expected)",
		   k1 - k0, j1 - j0, (unsigned long long)ns / 1000, HZ, expected);
	/*
	 * Generous, for the TSC's sake (see the top of the file); still far
	 * from the firmware's 18.2 Hz or a PIT that was never programmed.
	 * rtc_periodic_irq_1024hz checks the tick rate closely.
	 */
	KUNIT_EXPECT_GE(test, k1 - k0, expected / 5);
	KUNIT_EXPECT_LE(test, k1 - k0, expected * 5 + 2);
	/* IRQ 0 (8259: CPU 0) or CPU 0's LAPIC timer: the owner of jiffies. */
	KUNIT_EXPECT_EQ(test, j1 - j0, k1 - k0);
}

static void rtc_periodic_irq_1024hz(struct kunit *test)
{
	unsigned int old_freq = rtc_irq_get_freq();
	bool old_state = rtc_irq_get_state();
	unsigned long c0, c1, k0, k1, j0, j1, n0, n1, none0, expected, flags;
	u64 ns;

	KUNIT_ASSERT_EQ(test, rtc_irq_set_freq(1024), 0);
	KUNIT_EXPECT_EQ(test, rtc_irq_set_freq(1000), -EINVAL);
	KUNIT_EXPECT_EQ(test, rtc_irq_set_freq(16384), -EINVAL);
	KUNIT_EXPECT_EQ(test, rtc_irq_set_freq(1), -EINVAL);
	KUNIT_EXPECT_EQ(test, rtc_irq_get_freq(), 1024);

	none0 = rtc_stats.none;
	rtc_irq_set_state(true);
	wait_ms(10);            /* past the first, partial period */
	local_irq_save(flags);
	c0 = rtc_irq_count();
	k0 = kstat_irqs(RTC_IRQ);
	n0 = rtc_stats.none;
	j0 = jiffies;
	local_irq_restore(flags);
	ns = wait_ms(100);
	local_irq_save(flags);
	c1 = rtc_irq_count();
	k1 = kstat_irqs(RTC_IRQ);
	n1 = rtc_stats.none;
	j1 = jiffies;
	local_irq_restore(flags);
	rtc_irq_set_state(false);

	/* The PIT's jiffies are the yardstick: 1024 / HZ per tick. */
	expected = (j1 - j0) * 1024 / HZ;
	kunit_info(test, "%lu RTC interrupts in %lu jiffies, %llu us (%lu expected)",
		   c1 - c0, j1 - j0, (unsigned long long)ns / 1000, expected);
	KUNIT_ASSERT_GT(test, j1 - j0, 0);
	KUNIT_EXPECT_GE(test, c1 - c0, expected * 2 / 3);
	KUNIT_EXPECT_LE(test, c1 - c0, expected * 3 / 2 + 2);
	/* Each one went through IRQ 8's descriptor, and none was "not ours" -
	 * on the 8259. QEMU's I/O APIC model delivers an edge pin again each
	 * time the RTC re-raises its still-high line, which it does every
	 * period until register C is read; a handler late by a period (a
	 * vCPU descheduled under TCG, -smp 4) then finds nothing to do. A
	 * real I/O APIC sees no second edge. So there, allow a few. */
	KUNIT_EXPECT_EQ(test, k1 - k0, (c1 - c0) + (n1 - n0));
	if (irq_is_ioapic(RTC_IRQ))
		KUNIT_EXPECT_LE(test, rtc_stats.none - none0, (c1 - c0) / 16 + 1);
	else
		KUNIT_EXPECT_EQ(test, rtc_stats.none, none0);

	/* PIE off: nothing more arrives. */
	c0 = rtc_irq_count();
	wait_ms(20);
	KUNIT_EXPECT_EQ(test, rtc_irq_count(), c0);

	rtc_irq_set_freq(old_freq);
	rtc_irq_set_state(old_state);
}

static void disable_irq_stops_rtc_delivery(struct kunit *test)
{
	unsigned long c0, c1, k0;
	bool back;

	KUNIT_ASSERT_EQ(test, rtc_irq_set_freq(1024), 0);
	rtc_irq_set_state(true);
	c0 = rtc_irq_count();
	wait_ms(20);
	KUNIT_EXPECT_GT(test, rtc_irq_count(), c0);

	disable_irq(RTC_IRQ);
	c0 = rtc_irq_count();
	k0 = kstat_irqs(RTC_IRQ);
	wait_ms(30);            /* ~30 periods: the RTC keeps asking */
	c1 = rtc_irq_count();
	KUNIT_EXPECT_EQ(test, c1, c0);
	/* At most the one interrupt that finds the line disabled is counted. */
	KUNIT_EXPECT_LE(test, kstat_irqs(RTC_IRQ) - k0, 1);

	enable_irq(RTC_IRQ);
	back = false;
	{
		u64 t0 = local_clock();

		while (!back && local_clock() - t0 < 200 * NSEC_PER_MSEC) {
			wait_ms(1);
			back = rtc_irq_count() != c1;
		}
	}
	KUNIT_EXPECT_TRUE(test, back);
	rtc_irq_set_state(false);
	rtc_irq_set_freq(1024);
}

/*
 * The UART is the console, so the loopback window is kept short and
 * nothing is printed inside it (output would loop back as input). QEMU
 * delivers the interrupt in loopback; real 16550s force OUT2 inactive in
 * loopback, which on PCs disconnects the IRQ, so this is an emulator test.
 */
static void uart_loopback_raises_irq4(struct kunit *test)
{
	struct uart_8250_port *up = serial8250_get_port(0);
	unsigned long k0, k1, in0, in1, flags;
	unsigned int i, n;
	int c, found = -1;
	u64 t0;

	KUNIT_ASSERT_NOT_NULL(test, up);
	KUNIT_ASSERT_TRUE(test, up->irq_active);
	/* Let queued console output go out before TX is looped back. */
	for (t0 = local_clock(); serial8250_tx_pending(up) &&
	     local_clock() - t0 < 100 * NSEC_PER_MSEC; )
		wait_ms(1);

	local_irq_save(flags);
	k0 = kstat_irqs(up->irq);
	in0 = tty_input_chars;
	for (i = 0; i < 10000 && !(inb(up->iobase + UART_LSR) & UART_LSR_TEMT); i++)
		cpu_relax();
	outb(up->mcr | UART_MCR_LOOP, up->iobase + UART_MCR);
	outb(UART_LOOP_BYTE, up->iobase + UART_TX);
	local_irq_restore(flags);

	/* The receive (or RX-timeout) interrupt takes a few character times. */
	wait_change((volatile unsigned long *)&tty_input_chars, in0, 100);
	local_irq_save(flags);
	outb(up->mcr, up->iobase + UART_MCR);
	k1 = kstat_irqs(up->irq);
	in1 = tty_input_chars;
	local_irq_restore(flags);

	KUNIT_EXPECT_GT(test, k1, k0);
	KUNIT_EXPECT_GE(test, in1, in0 + 1);
	/* Find our byte (a key typed meanwhile could precede it). */
	n = tty_buffer_count();
	for (i = 0; i < n && found < 0; i++) {
		c = tty_buffer_get_char();
		if (c == UART_LOOP_BYTE)
			found = c;
	}
	KUNIT_EXPECT_EQ(test, found, UART_LOOP_BYTE);
}

static struct kunit_case irq_devices_cases[] = {
	KUNIT_CASE(legacy_lines_have_their_handlers),
	KUNIT_CASE(pit_channel0_counts),
	KUNIT_CASE(pit_tick_advances_jiffies),
	KUNIT_CASE(rtc_periodic_irq_1024hz),
	KUNIT_CASE(disable_irq_stops_rtc_delivery),
	KUNIT_CASE(uart_loopback_raises_irq4),
	{}
};

static struct kunit_suite irq_devices_suite = {
	.name = "irq_devices",
	.suite_init = irq_devices_suite_init,
	.test_cases = irq_devices_cases,
};
kunit_test_suite(irq_devices_suite);
