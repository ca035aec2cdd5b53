/* SPDX-License-Identifier: MIT */
/*
 * The time-stamp counter: measuring its rate, and turning it into
 * nanoseconds (local_clock(), printk timestamps) and busy-wait delays.
 *
 * The TSC (Intel SDM Vol. 3B, 18.17 "Time-Stamp Counter") counts at a fixed
 * rate on every CPU this kernel cares about ("invariant TSC"), but nothing
 * architectural tells us that rate. So we time it against a clock of known
 * frequency: channel 2 of the 8254 programmable interval timer, 1.193182 MHz
 * (the PC's 14.31818 MHz crystal / 12) since the IBM PC. Channel 2 is the
 * one whose gate and output software can reach, through port 0x61 ("system
 * control port B"), and it drives only the speaker, which we keep off.
 *
 * 8254 datasheet (Intel 231164): mode 0 "interrupt on terminal count" - after
 * the count is written, OUT goes low, the counter runs down at 1.193182 MHz
 * while GATE is high, and OUT goes high when it reaches zero. Polling OUT
 * (port 0x61 bit 5) and reading the TSC at both ends gives TSC ticks per
 * CALIBRATE_MS milliseconds.
 *
 * Without a working PIT (some recent machines gate it off) the rate comes
 * from CPUID leaf 0x15 (TSC/crystal ratio) or 0x16 (base frequency), and
 * failing those we assume 1 GHz and say so.
 */
#define pr_fmt(fmt) "tsc: " fmt

#include <linux/delay.h>
#include <linux/init.h>
#include <linux/irqflags.h>
#include <linux/kernel.h>
#include <asm/io.h>
#include <asm/processor.h>
#include <asm/tsc.h>

#define PIT_TICK_RATE     1193182UL  /* Hz */
#define PIT_CH2           0x42       /* channel 2 counter */
#define PIT_MODE          0x43       /* mode/command register (write only) */
#define PIT_SEL_CH2       0x80       /* command bits 7-6: channel 2 */
#define PIT_RW_LOHI       0x30       /* bits 5-4: write low byte, then high */
#define PIT_MODE0         0x00       /* bits 3-1: interrupt on terminal count */

#define PORT_B            0x61       /* system control port B */
#define PORT_B_GATE2      0x01       /* r/w: PIT channel 2 gate */
#define PORT_B_SPEAKER    0x02       /* r/w: channel 2 output to the speaker */
#define PORT_B_OUT2       0x20       /* read: PIT channel 2 OUT pin */

#define CALIBRATE_MS      10
#define CALIBRATE_LATCH   (PIT_TICK_RATE * CALIBRATE_MS / 1000)  /* 11931 ticks */
#define CALIBRATE_RUNS    5          /* median of five: one SMI or VM exit can't skew it */
/* Port 0x61 reads while waiting for OUT: ~1 us each on real hardware, so
 * about a second - a hundred times the expected 10 ms. */
#define PIT_POLL_LIMIT    1000000UL

#define TSC_KHZ_MIN       1000UL        /* 1 MHz: anything slower is a failed measurement */
#define TSC_KHZ_MAX       100000000UL   /* 100 GHz */
#define TSC_KHZ_FALLBACK  1000000UL     /* 1 GHz, when nothing else works */

/* ns = ((tsc - tsc_boot) * tsc_mult) >> TSC_SHIFT. 2^32 keeps the error of
 * the rounded multiplier below one part in 10^9 for any rate under 4 GHz. */
#define TSC_SHIFT         32
#define NSEC_PER_MSEC     1000000ULL

unsigned long tsc_khz;
static u64 tsc_mult;         /* 0 until calibrated: local_clock() returns 0 */
static u64 tsc_boot;         /* TSC at tsc_init(): local_clock()'s zero */

/*
 * One measurement: TSC ticks while PIT channel 2 counts CALIBRATE_LATCH
 * ticks. Returns 0 if the PIT does not behave (OUT already high, or never
 * rising).
 */
static u64 __init pit_measure_tsc(void)
{
	u8 portb = inb(PORT_B);
	unsigned long loops;
	u64 t0, t1;

	/* Gate on so channel 2 counts; speaker off so nothing clicks. */
	outb((portb & ~PORT_B_SPEAKER) | PORT_B_GATE2, PORT_B);

	/* Setting mode 0 drives OUT low; writing the count starts the run. */
	outb(PIT_SEL_CH2 | PIT_RW_LOHI | PIT_MODE0, PIT_MODE);
	outb(CALIBRATE_LATCH & 0xff, PIT_CH2);
	outb(CALIBRATE_LATCH >> 8, PIT_CH2);
	t0 = rdtsc();

	for (loops = 0; !(inb(PORT_B) & PORT_B_OUT2); loops++)
		if (loops == PIT_POLL_LIMIT)
			break;
	t1 = rdtsc();
	outb(portb & ~PORT_B_SPEAKER, PORT_B);

	/* loops == 0: OUT was high at once, so the counter never ran. */
	if (loops == 0 || loops == PIT_POLL_LIMIT || t1 <= t0)
		return 0;
	return t1 - t0;
}

/* Median of CALIBRATE_RUNS measurements, converted to kHz; 0 on failure. */
static unsigned long __init pit_calibrate_tsc(void)
{
	u64 runs[CALIBRATE_RUNS], v;
	int i, j;

	for (i = 0; i < CALIBRATE_RUNS; i++) {
		v = pit_measure_tsc();
		if (!v)
			return 0;       /* one failure means the PIT is unusable */
		/* insertion sort as we go */
		for (j = i; j > 0 && runs[j - 1] > v; j--)
			runs[j] = runs[j - 1];
		runs[j] = v;
	}
	/* The spread says how much to trust it: tens of ppm on bare metal. */
	pr_info("PIT calibration: %d runs of %d ms, spread %llu ppm\n",
		CALIBRATE_RUNS, CALIBRATE_MS,
		(runs[CALIBRATE_RUNS - 1] - runs[0]) * 1000000ULL / runs[CALIBRATE_RUNS / 2]);
	/* ticks per CALIBRATE_LATCH PIT ticks -> ticks per ms */
	return runs[CALIBRATE_RUNS / 2] * PIT_TICK_RATE / (CALIBRATE_LATCH * 1000);
}

/* The rate CPUID reports, if it does (Intel SDM Vol. 2A, CPUID leaves
 * 15H "Time Stamp Counter and Nominal Core Crystal Clock" and 16H). */
static unsigned long __init cpuid_tsc_khz(void)
{
	u32 max, a, b, c, d;

	cpuid(0, &max, &b, &c, &d);
	if (max >= 0x15) {
		/* EAX/EBX = TSC/crystal ratio, ECX = crystal Hz (0: unknown) */
		cpuid(0x15, &a, &b, &c, &d);
		if (a && b && c)
			return (u64)c * b / a / 1000;
	}
	if (max >= 0x16) {
		/* EAX[15:0] = processor base frequency in MHz */
		cpuid(0x16, &a, &b, &c, &d);
		if (a & 0xffff)
			return (unsigned long)(a & 0xffff) * 1000;
	}
	return 0;
}

static bool tsc_khz_sane(unsigned long khz)
{
	return khz >= TSC_KHZ_MIN && khz <= TSC_KHZ_MAX;
}

/**
 * tsc_init - measure the TSC rate and start local_clock()
 *
 * Calibrates against PIT channel 2 with interrupts off (about 50 ms), falls
 * back to CPUID, then to an assumed 1 GHz. Sets tsc_khz and the
 * cycles-to-nanoseconds factor; from here on local_clock() counts from 0 and
 * udelay() is accurate. Call once on the boot CPU, early, after the console.
 */
void __init tsc_init(void)
{
	unsigned long flags, khz;
	const char *how = "PIT";

	local_irq_save(flags);
	khz = pit_calibrate_tsc();
	local_irq_restore(flags);

	if (!tsc_khz_sane(khz)) {
		if (khz)
			pr_warn("PIT calibration gave %lu kHz, not believable\n", khz);
		else
			pr_warn("PIT channel 2 does not count, cannot calibrate against it\n");
		khz = cpuid_tsc_khz();
		how = "CPUID";
	}
	if (!tsc_khz_sane(khz)) {
		khz = TSC_KHZ_FALLBACK;
		how = "a guess";
		pr_warn("no way to measure the TSC: assuming %lu MHz, delays and times will be wrong\n",
			khz / 1000);
	}

	/* Publish the zero point before the factor that makes it used. */
	WRITE_ONCE(tsc_boot, rdtsc());
	barrier();
	WRITE_ONCE(tsc_mult, ((NSEC_PER_MSEC << TSC_SHIFT) + khz / 2) / khz);
	WRITE_ONCE(tsc_khz, khz);
	pr_info("Detected %lu.%03lu MHz processor (from %s)\n",
		khz / 1000, khz % 1000, how);
}

/**
 * local_clock - nanoseconds since tsc_init()
 *
 * One rdtsc, one 64x64->128-bit multiply and a shift: cheap enough for
 * every printk and trace event. No division, no floating point.
 *
 * Return: time since tsc_init() in ns, or 0 before it ran.
 */
u64 local_clock(void)
{
	u64 mult = READ_ONCE(tsc_mult);

	if (!mult)
		return 0;
	barrier();
	return (u64)(((unsigned __int128)(rdtsc() - READ_ONCE(tsc_boot)) * mult) >> TSC_SHIFT);
}

static void tsc_delay(u64 cycles)
{
	u64 start = rdtsc();

	while (rdtsc() - start < cycles)
		cpu_relax();
}

/**
 * udelay - busy-wait
 * @usecs: microseconds
 *
 * Spins on the TSC. Before tsc_init() it falls back to port 0x80 writes,
 * roughly a microsecond each on PC chipsets (much less under QEMU), so early
 * delays are at best approximate.
 */
void udelay(unsigned long usecs)
{
	unsigned long khz = READ_ONCE(tsc_khz);

	if (!khz) {
		while (usecs--)
			io_delay();
		return;
	}
	tsc_delay((u64)usecs * khz / 1000);
}

/**
 * ndelay - busy-wait
 * @nsecs: nanoseconds
 *
 * As udelay(); before tsc_init() it rounds up to whole microseconds.
 */
void ndelay(unsigned long nsecs)
{
	unsigned long khz = READ_ONCE(tsc_khz);

	if (!khz) {
		udelay(DIV_ROUND_UP(nsecs, 1000));
		return;
	}
	tsc_delay(DIV_ROUND_UP((u64)nsecs * khz, NSEC_PER_MSEC));
}
