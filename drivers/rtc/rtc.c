// SPDX-License-Identifier: MIT
/*
 * The PC's CMOS real-time clock on ISA IRQ 8: a Motorola MC146818A or a
 * compatible block in the chipset's south bridge. Registers and bits are in
 * include/linux/mc146818rtc.h; the datasheet is Motorola's "MC146818A
 * Real-Time Clock Plus RAM (RTC)", sections "Register A" to "Register D"
 * and "Periodic Interrupt Selection".
 *
 * Two uses here, after Linux's classic drivers/char/rtc.c:
 *
 *  - The time of day, read from the clock registers. The chip updates them
 *    once a second and for up to ~2 ms (UIP set) they are not stable, so a
 *    reading is repeated until two agree.
 *
 *  - Periodic interrupts at 32768 >> (RS - 1) Hz, RS from register A bits
 *    3-0, enabled by PIE in register B: 2 Hz to 8192 Hz in powers of two.
 *    The chip raises IRQ 8 and holds it until register C is read; reading
 *    C returns which events happened (PF, AF, UF) and clears them. A
 *    handler that forgot to read C would never see another interrupt, so
 *    rtc_interrupt() reads it first thing - and if IRQF is clear there, the
 *    interrupt was not the RTC's and it says IRQ_NONE.
 *
 * Readers sleep on a wait queue, as on Linux's /dev/rtc: the handler
 * accumulates what happened in rtc_irq_data - the number of interrupts
 * since the last read in bits 8 and up, the register C flags of the
 * latest one in bits 0-7 - and calls wake_up_interruptible(&rtc_wait).
 * rtc_read_wait() sleeps TASK_INTERRUPTIBLE (ps shows S) until that word
 * is non-zero, then takes it and clears it, which is what read() on
 * /dev/rtc returns. No CPU time is spent while waiting: the reader is off
 * the run queue until the real IRQ 8 wakes it.
 */
#define pr_fmt(fmt) "rtc: " fmt

#include <linux/init.h>
#include <linux/kernel.h>
#include <linux/errno.h>
#include <linux/interrupt.h>
#include <linux/irqflags.h>
#include <linux/jiffies.h>
#include <linux/mc146818rtc.h>
#include <linux/rtc.h>
#include <linux/shell.h>
#include <linux/string.h>
#include <linux/sched.h>
#include <linux/wait.h>
#include <asm/irqflags.h>
#include <asm/processor.h>
#include <asm/tsc.h>

#define RTC_FREQ_DEFAULT  1024          /* RS = 6, what firmware leaves */
#define RTC_UIP_LOOPS     10000         /* ~10 ms of port reads; UIP lasts <= 2 ms */
#define RTC_READ_TRIES    10            /* reads of the clock until two agree */

DEFINE_SPINLOCK(rtc_lock);
struct rtc_stats rtc_stats;

static unsigned long rtc_irq_total;           /* interrupts handled */
static unsigned long rtc_irq_data;            /* count << 8 | flags, unread */
static DECLARE_WAIT_QUEUE_HEAD(rtc_wait);
static unsigned int rtc_freq;                 /* periodic rate in Hz */
static bool rtc_pie;                          /* PIE set in register B */
static bool rtc_present, rtc_irq_ok;

/**
 * rtc_interrupt - IRQ 8 handler
 * @irq: 8
 * @dev_id: &rtc_stats
 *
 * Reads register C, which both tells what happened and acknowledges it at
 * the chip (lowering IRQ 8). Counts the events, adds one interrupt to
 * rtc_irq_data (keeping the newest flags in its low byte) and wakes the
 * readers sleeping on rtc_wait.
 *
 * Return: IRQ_HANDLED, or IRQ_NONE if the RTC had not asserted its IRQ.
 */
static irqreturn_t rtc_interrupt(int irq, void *dev_id)
{
	u8 c;

	spin_lock(&rtc_lock);
	c = CMOS_READ(RTC_REG_C);
	if (c & RTC_IRQF) {
		rtc_irq_data += RTC_IRQ_DATA_ONE;
		rtc_irq_data = (rtc_irq_data & ~RTC_IRQ_DATA_FLAGS) | (c & RTC_IRQ_DATA_FLAGS);
		/* Under the lock with the data: a reader's sum matches it. */
		WRITE_ONCE(rtc_irq_total, rtc_irq_total + 1);
	}
	spin_unlock(&rtc_lock);

	if (!(c & RTC_IRQF)) {
		rtc_stats.none++;
		return IRQ_NONE;
	}
	rtc_stats.irqs++;
	if (c & RTC_PF)
		rtc_stats.periodic++;
	if (c & RTC_AF)
		rtc_stats.alarm++;
	if (c & RTC_UF)
		rtc_stats.update++;
	wake_up_interruptible(&rtc_wait);
	return IRQ_HANDLED;
}

static unsigned int bcd2bin(u8 v)
{
	return (v & 0x0f) + (v >> 4) * 10;
}

/* Wait (bounded) until no update is in progress. Called with rtc_lock. */
static bool rtc_wait_uip(void)
{
	unsigned int i;

	for (i = 0; i < RTC_UIP_LOOPS; i++) {
		if (!(CMOS_READ(RTC_REG_A) & RTC_UIP))
			return true;
		cpu_relax();
	}
	return false;
}

/* One raw reading of the clock: regs[] indexed by register number. */
static bool rtc_read_raw(u8 regs[RTC_REG_B + 1], u8 *century)
{
	unsigned long flags;
	bool ok;
	int r;

	spin_lock_irqsave(&rtc_lock, flags);
	ok = rtc_wait_uip();
	for (r = RTC_SECONDS; r <= RTC_REG_B; r++)
		regs[r] = CMOS_READ(r);
	*century = CMOS_READ(RTC_CENTURY);
	spin_unlock_irqrestore(&rtc_lock, flags);
	return ok;
}

/**
 * rtc_read_time - the current date and time from the CMOS clock
 * @tm: filled in (tm_mon 0-11, tm_year since 1900, as struct tm)
 *
 * Reads until two consecutive readings agree, so an update between the
 * seconds and the minutes cannot produce 12:59:00 for 13:00:00. Handles BCD
 * or binary and 12- or 24-hour modes as register B says.
 *
 * Return: 0, -ENODEV without an RTC, -EIO if the clock never held still.
 */
int rtc_read_time(struct rtc_time *tm)
{
	u8 a[RTC_REG_B + 1], b[RTC_REG_B + 1], ca, cb;
	unsigned int sec, min, hour, mday, mon, year, wday, cent;
	bool pm, bcd;
	int i;

	if (!rtc_present)
		return -ENODEV;
	for (i = 0; i < RTC_READ_TRIES; i++) {
		if (rtc_read_raw(a, &ca) && rtc_read_raw(b, &cb) &&
		    !memcmp(a, b, RTC_REG_A) && ca == cb)
			break;
	}
	if (i == RTC_READ_TRIES)
		return -EIO;

	bcd = !(a[RTC_REG_B] & RTC_DM_BINARY);
	pm = !(a[RTC_REG_B] & RTC_24H) && (a[RTC_HOURS] & 0x80);
	a[RTC_HOURS] &= 0x7f;
#define CONV(v) (bcd ? bcd2bin(v) : (unsigned int)(v))
	sec = CONV(a[RTC_SECONDS]);
	min = CONV(a[RTC_MINUTES]);
	hour = CONV(a[RTC_HOURS]);
	mday = CONV(a[RTC_DAY_OF_MONTH]);
	mon = CONV(a[RTC_MONTH]);
	year = CONV(a[RTC_YEAR]);
	wday = CONV(a[RTC_DAY_OF_WEEK]);
	cent = CONV(ca);
#undef CONV
	if (!(a[RTC_REG_B] & RTC_24H))
		hour = (hour % 12) + (pm ? 12 : 0);
	/* The century byte is a PC convention; without a sane one, pivot at 70. */
	if (cent >= 19 && cent <= 21)
		year += cent * 100;
	else
		year += year < 70 ? 2000 : 1900;

	tm->tm_sec = sec;
	tm->tm_min = min;
	tm->tm_hour = hour;
	tm->tm_mday = mday;
	tm->tm_mon = (int)mon - 1;
	tm->tm_year = (int)year - 1900;
	tm->tm_wday = wday ? (int)wday - 1 : 0;
	return 0;
}

/**
 * rtc_irq_set_freq - set the periodic interrupt rate
 * @freq: 2, 4, 8, ... 8192 Hz
 *
 * Writes the rate select bits of register A, keeping the divider bits.
 * Takes effect at once, whether or not periodic interrupts are enabled.
 *
 * Return: 0, -EINVAL if @freq is not a power of two in range, -ENODEV
 * without an RTC.
 */
int rtc_irq_set_freq(unsigned int freq)
{
	unsigned long flags;
	unsigned int rs = 16;
	u8 a;

	if (freq < RTC_FREQ_MIN || freq > RTC_FREQ_MAX || (freq & (freq - 1)))
		return -EINVAL;
	if (!rtc_present)
		return -ENODEV;
	/* 32768 >> (rs - 1) == freq  <=>  rs = 16 - log2(freq) */
	while (freq > 1) {
		freq >>= 1;
		rs--;
	}
	spin_lock_irqsave(&rtc_lock, flags);
	a = CMOS_READ(RTC_REG_A);
	CMOS_WRITE((a & ~RTC_RATE_SELECT) | rs, RTC_REG_A);
	rtc_freq = 32768 >> (rs - 1);
	spin_unlock_irqrestore(&rtc_lock, flags);
	return 0;
}

/** rtc_irq_get_freq - the periodic interrupt rate in Hz */
unsigned int rtc_irq_get_freq(void)
{
	return rtc_freq;
}

/**
 * rtc_irq_set_state - turn periodic interrupts on or off (PIE)
 * @enabled: true to enable
 *
 * Turning them off also reads register C, so a flag that was raised just
 * before does not leave IRQ 8 asserted.
 */
void rtc_irq_set_state(bool enabled)
{
	unsigned long flags;
	u8 b;

	if (!rtc_present)
		return;
	spin_lock_irqsave(&rtc_lock, flags);
	b = CMOS_READ(RTC_REG_B);
	b = enabled ? (b | RTC_PIE) : (b & ~RTC_PIE);
	CMOS_WRITE(b, RTC_REG_B);
	if (!enabled)
		CMOS_READ(RTC_REG_C);
	rtc_pie = enabled;
	spin_unlock_irqrestore(&rtc_lock, flags);
}

/** rtc_irq_get_state - whether periodic interrupts are enabled */
bool rtc_irq_get_state(void)
{
	return rtc_pie;
}

/** rtc_irq_count - RTC interrupts handled since boot */
unsigned long rtc_irq_count(void)
{
	return READ_ONCE(rtc_irq_total);
}

/* Take what the handler accumulated since the last read, and clear it. */
static unsigned long rtc_take_irq_data(void)
{
	unsigned long flags, data;

	spin_lock_irqsave(&rtc_lock, flags);
	data = rtc_irq_data;
	rtc_irq_data = 0;
	spin_unlock_irqrestore(&rtc_lock, flags);
	return data;
}

/**
 * rtc_read_wait - a read() of /dev/rtc: sleep until an RTC interrupt
 * @data: set to the interrupts since the last read << 8 | their flags
 *        (RTC_IRQF, RTC_PF, RTC_AF, RTC_UF of the latest one)
 * @timeout: the longest sleep in jiffies; 0 does not sleep (O_NONBLOCK),
 *           MAX_SCHEDULE_TIMEOUT sleeps for as long as it takes
 *
 * Sleeps TASK_INTERRUPTIBLE on rtc_wait until rtc_interrupt() has
 * accumulated something, then takes it and clears it, so two reads never
 * report the same interrupt. With several readers each interrupt goes to
 * whichever takes it first; the others sleep on. Task context only.
 *
 * Return: 0 with *@data set; -EAGAIN if nothing was pending and @timeout
 * was 0 or sleeping is impossible (interrupts off, atomic context);
 * -ETIMEDOUT; -ERESTARTSYS if a signal ended the sleep; -ENODEV without
 * the RTC's interrupt.
 */
int rtc_read_wait(unsigned long *data, long timeout)
{
	unsigned long d;
	long left = timeout;

	if (!rtc_irq_ok)
		return -ENODEV;
	for (;;) {
		d = rtc_take_irq_data();
		if (d) {
			*data = d;
			return 0;
		}
		if (!left)
			return timeout ? -ETIMEDOUT : -EAGAIN;
		if (irqs_disabled() || in_atomic())
			return -EAGAIN;
		left = wait_event_interruptible_timeout(rtc_wait,
							READ_ONCE(rtc_irq_data) != 0, left);
		if (left < 0)
			return (int)left;
		/* A condition true just as the time ran out left 1 jiffy: take
		 * the data on the next round, then stop. */
	}
}

/**
 * rtc_wait_irq - sleep until the RTC interrupt count differs from @seen
 * @seen: a value of rtc_irq_count() the caller has dealt with
 * @timeout_ms: give up after this long
 * @now: if not NULL, the new count
 *
 * Sleeps on rtc_wait like rtc_read_wait(), but leaves rtc_irq_data to the
 * readers: it only watches the running total.
 *
 * Return: 0, -ETIMEDOUT, -ERESTARTSYS, or -EAGAIN if called where it
 * cannot sleep (interrupts off, atomic context).
 */
int rtc_wait_irq(unsigned long seen, unsigned int timeout_ms, unsigned long *now)
{
	long left = (long)msecs_to_jiffies(timeout_ms) + 1;
	int ret = 0;

	if (rtc_irq_count() == seen) {
		if (irqs_disabled() || in_atomic())
			ret = -EAGAIN;
		else
			left = wait_event_interruptible_timeout(rtc_wait,
								rtc_irq_count() != seen, left);
		if (!ret && left <= 0)
			ret = left ? (int)left : -ETIMEDOUT;
	}
	if (now)
		*now = rtc_irq_count();
	return ret;
}

/*
 * Find the RTC, program 1024 Hz with periodic interrupts off, clear any
 * stale flags and take IRQ 8. Runs with interrupts off (initcall).
 */
static int __init rtc_init(void)
{
	unsigned long flags;
	struct rtc_time tm;
	u8 a, d;
	int ret;

	spin_lock_irqsave(&rtc_lock, flags);
	a = CMOS_READ(RTC_REG_A);
	d = CMOS_READ(RTC_REG_D);
	spin_unlock_irqrestore(&rtc_lock, flags);
	/* No chip: the ports float to 0xff. A stopped divider: no clock. */
	if (a == 0xff || (a & RTC_DIV_CTL) != RTC_REF_CLCK_32KHZ) {
		pr_info("no MC146818 RTC found (register A = 0x%02x)\n", a);
		return -ENODEV;
	}
	rtc_present = true;
	rtc_irq_set_state(false);
	rtc_irq_set_freq(RTC_FREQ_DEFAULT);

	ret = request_irq(RTC_IRQ, rtc_interrupt, 0, "rtc0", &rtc_stats);
	if (ret) {
		pr_err("rtc0: cannot get IRQ %d (%d)\n", RTC_IRQ, ret);
		return ret;
	}
	rtc_irq_ok = true;
	if (!(d & RTC_VRT))
		pr_warn("rtc0: battery was dead, the time is not valid\n");
	if (!rtc_read_time(&tm))
		pr_info("rtc0: MC146818 at I/O 0x%x, irq %d: %04d-%02d-%02d %02d:%02d:%02d UTC\n",
			RTC_PORT_INDEX, RTC_IRQ, tm.tm_year + 1900, tm.tm_mon + 1,
			tm.tm_mday, tm.tm_hour, tm.tm_min, tm.tm_sec);
	return 0;
}
device_initcall(rtc_init);

/* ---- shell: rtc [rate N | on | off | wait N | read N] ---- */

static int rtc_show(void)
{
	struct rtc_time tm;
	unsigned long flags;
	u8 b, d;
	int ret = rtc_read_time(&tm);

	if (ret) {
		shell_printf("rtc: cannot read the clock (%d)\n", ret);
		return ret;
	}
	spin_lock_irqsave(&rtc_lock, flags);
	b = CMOS_READ(RTC_REG_B);
	d = CMOS_READ(RTC_REG_D);
	spin_unlock_irqrestore(&rtc_lock, flags);

	/* The layout of Linux's /proc/driver/rtc, plus the counters. */
	shell_printf("rtc_time\t: %02d:%02d:%02d\n", tm.tm_hour, tm.tm_min, tm.tm_sec);
	shell_printf("rtc_date\t: %04d-%02d-%02d\n", tm.tm_year + 1900,
		     tm.tm_mon + 1, tm.tm_mday);
	shell_printf("BCD\t\t: %s\n", b & RTC_DM_BINARY ? "no" : "yes");
	shell_printf("24hr\t\t: %s\n", b & RTC_24H ? "yes" : "no");
	shell_printf("periodic_IRQ\t: %s\n", b & RTC_PIE ? "yes" : "no");
	shell_printf("periodic_freq\t: %u\n", rtc_freq);
	shell_printf("irq\t\t: %d%s\n", RTC_IRQ, rtc_irq_ok ? "" : " (not requested)");
	shell_printf("irq_count\t: %lu\n", rtc_irq_count());
	shell_printf("irq_periodic\t: %lu\n", rtc_stats.periodic);
	shell_printf("irq_not_ours\t: %lu\n", rtc_stats.none);
	shell_printf("batt_status\t: %s\n", d & RTC_VRT ? "okay" : "dead");
	return 0;
}

/* Wait for @n interrupts and report how long they took. */
static int rtc_cmd_wait(unsigned long n)
{
	unsigned long seen = rtc_irq_count(), got = 0, now, j0 = jiffies;
	unsigned int timeout_ms;
	u64 t0 = local_clock(), ns;
	int ret = 0;

	if (!rtc_pie) {
		shell_printf("rtc: periodic interrupts are off (rtc on)\n");
		return -EAGAIN;
	}
	/* Twice the expected time, plus a second for slow emulation. */
	timeout_ms = (unsigned int)(n * 2000 / rtc_freq) + 1000;
	while (got < n) {
		ret = rtc_wait_irq(seen, timeout_ms, &now);
		if (ret)
			break;
		got += now - seen;
		seen = now;
	}
	ns = local_clock() - t0;
	/* Both clocks: the TSC's ns, and the PIT's ticks as a cross-check. */
	shell_printf("%lu interrupts in %llu.%03llu ms (%lu ticks at %d Hz)%s\n",
		     got, (unsigned long long)(ns / 1000000),
		     (unsigned long long)(ns / 1000 % 1000), jiffies - j0, HZ,
		     ret == -ETIMEDOUT ? " (timed out)" : "");
	return ret;
}

/*
 * "rtc read N": what a program reading /dev/rtc N times sees. Turns
 * periodic interrupts on at the current rate, does N blocking reads and
 * prints each one's interrupt count and flags and the jiffies it slept,
 * then puts PIE back as it was.
 */
static int rtc_cmd_read(unsigned long n)
{
	bool was_on = rtc_pie;
	unsigned long i, data, j, last = jiffies, total = 0, j0 = jiffies;
	/* Eight periods, plus a second for slow emulation. */
	long timeout = (long)msecs_to_jiffies(8000 / rtc_freq + 1000);
	int ret = 0;

	rtc_take_irq_data();    /* a read reports interrupts after it started */
	if (!was_on)
		rtc_irq_set_state(true);
	for (i = 1; i <= n; i++) {
		ret = rtc_read_wait(&data, timeout);
		j = jiffies;
		if (ret) {
			shell_printf("read %lu: error %d\n", i, ret);
			break;
		}
		shell_printf("read %lu: %lu interrupts, flags 0x%02lx, %lu jiffies\n", i,
			     data / RTC_IRQ_DATA_ONE, data & RTC_IRQ_DATA_FLAGS, j - last);
		total += data / RTC_IRQ_DATA_ONE;
		last = j;
	}
	if (!was_on)
		rtc_irq_set_state(false);
	shell_printf("%lu reads, %lu interrupts at %u Hz in %lu jiffies (HZ=%d)\n",
		     i - 1, total, rtc_freq, jiffies - j0, HZ);
	return ret;
}

static int do_rtc(int argc, char **argv)
{
	unsigned long v;
	int ret;

	if (!rtc_present) {
		shell_printf("rtc: no RTC\n");
		return -ENODEV;
	}
	if (argc == 1)
		return rtc_show();
	if (argc == 2 && !strcmp(argv[1], "on")) {
		rtc_irq_set_state(true);
		return 0;
	}
	if (argc == 2 && !strcmp(argv[1], "off")) {
		rtc_irq_set_state(false);
		return 0;
	}
	if (argc == 3 && !strcmp(argv[1], "rate")) {
		ret = kstrtoul(argv[2], 0, &v);
		if (ret || v > RTC_FREQ_MAX || rtc_irq_set_freq(v)) {
			shell_printf("rtc: invalid rate %s: must be a power of two from %d to %d Hz\n",
				     argv[2], RTC_FREQ_MIN, RTC_FREQ_MAX);
			return -EINVAL;
		}
		return 0;
	}
	if (argc == 3 && !strcmp(argv[1], "wait")) {
		if (kstrtoul(argv[2], 0, &v) || !v || v > 100000) {
			shell_printf("rtc: wait: a count from 1 to 100000\n");
			return -EINVAL;
		}
		return rtc_cmd_wait(v);
	}
	if (argc == 3 && !strcmp(argv[1], "read")) {
		if (kstrtoul(argv[2], 0, &v) || !v || v > 10000) {
			shell_printf("rtc: read: a count from 1 to 10000\n");
			return -EINVAL;
		}
		return rtc_cmd_read(v);
	}
	shell_printf("usage: rtc [rate N | on | off | wait N | read N]\n");
	return -EINVAL;
}
DEFINE_SHELL_CMD(rtc, "[rate N|on|off|wait N|read N]",
		 "CMOS clock: time, periodic IRQ 8 rate and count", do_rtc);
