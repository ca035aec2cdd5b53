// SPDX-License-Identifier: MIT
/*
 * The local APIC of each CPU (Intel SDM Vol. 3A, chapter 11 "Advanced
 * Programmable Interrupt Controller (APIC)"): register access in xAPIC
 * (MMIO) and x2APIC (MSR) mode, per-CPU setup, the spurious, error and
 * local timer vectors, and the timer's calibration and takeover of the
 * tick from the PIT.
 *
 * Mode. x2APIC (11.12) is used when CPUID.1:ECX bit 21 says the CPU has
 * it, unless "nox2apic"; then every register is MSR 0x800 + offset/16 and
 * the MMIO page is not used. Otherwise the 4 KiB register page is
 * ioremap()ed from IA32_APICBASE (the MADT's address is checked against
 * it). "nolapic" leaves the LAPIC alone: interrupts stay on the 8259 and
 * the PIT stays the tick, as before this file existed.
 *
 * Local vector table as programmed by setup_local_APIC():
 *   LVT timer   LOCAL_TIMER_VECTOR 0xec, periodic or TSC-deadline
 *   LINT0       the 8259's INTR pin: ExtINT on the boot CPU while the 8259
 *               delivers the devices ("virtual wire", noapic), else masked
 *   LINT1       NMI where the MADT says so (the PC convention: LINT1)
 *   LVT error   ERROR_APIC_VECTOR 0xfe
 *   perf, thermal  masked
 *   spurious    SPURIOUS_APIC_VECTOR 0xff, APIC software-enabled
 *
 * Timer calibration, and why this way: the LAPIC timer's input clock
 * (the bus or core crystal clock) is not architecturally known, so it is
 * timed against PIT channel 2, exactly as tsc.c times the TSC: polling
 * the channel's OUT pin for a 10 ms one-shot while the LAPIC counts down
 * from 0xffffffff, interrupts off, median of five runs. This needs no
 * interrupt and no jiffies (so it runs in apic_intr_mode_init(), before
 * anything ticks), and under TCG both clocks follow QEMU's virtual clock:
 * a vCPU descheduled by the host during one run skews only that run,
 * which the median discards. Counting LAPIC ticks over some jiffies would
 * need the PIT interrupt first and is no more accurate.
 */
#define pr_fmt(fmt) "APIC: " fmt

#include <linux/kernel.h>
#include <linux/init.h>
#include <linux/errno.h>
#include <linux/string.h>
#include <linux/smp.h>
#include <linux/tick.h>
#include <linux/clockchips.h>
#include <linux/hrtimer.h>
#include <linux/percpu.h>
#include <asm/apic.h>
#include <asm/hw_irq.h>
#include <asm/io.h>
#include <asm/io_apic.h>
#include <asm/i8253.h>
#include <asm/irq.h>
#include <asm/irq_vectors.h>
#include <asm/mpspec.h>
#include <asm/msr.h>
#include <asm/page.h>
#include <asm/processor.h>
#include <asm/tsc.h>

#define X2APIC_MSR_BASE      0x800      /* x2APIC register = MSR 0x800 + offset/16 */
#define CPUID1_ECX_X2APIC    (1u << 21)
#define CPUID1_ECX_TSC_DEADLINE (1u << 24)
#define APICBASE_ADDR_MASK   0x000ffffffffff000ULL  /* bits 12-51 */

/* PIT channel 2 gate and output, as in tsc.c (system control port B). */
#define PORT_B               0x61
#define PORT_B_GATE2         0x01
#define PORT_B_SPEAKER       0x02
#define PORT_B_OUT2          0x20
#define CAL_MS               10
#define CAL_LATCH            (PIT_TICK_RATE * CAL_MS / 1000)
#define CAL_RUNS             5
#define CAL_POLL_LIMIT       1000000UL

bool x2apic_mode;
bool apic_available = true;
unsigned long apic_cpus_ready;
u32 lapic_timer_period;
bool lapic_tsc_deadline;

static void *lapic_base;            /* xAPIC register page */
static u64 lapic_phys;
static bool nox2apic, notscdeadline;
static bool virtual_wire;           /* the 8259 reaches the boot CPU via LINT0 */
static bool timer_is_tick;          /* apic_timer_handover() done */
static u64 tsc_period;              /* TSC cycles per tick (deadline mode) */
static DEFINE_PER_CPU(u64, lapic_deadline);
/* One-shot mode (unless "highres=off"): each CPU's timer is a clock event
 * device that kernel/time/tick-common.c programs for the next tick or
 * hrtimer, whichever comes first. */
bool lapic_timer_oneshot;
static DEFINE_PER_CPU(struct clock_event_device, lapic_events);
/* LAPIC counts (after divide by 16) per ms of ktime_get(): measured against
 * the TSC itself, since one-shot expiries are asked for in TSC time. */
static u64 lapic_counts_per_ms;

static int __init parse_nolapic(char *arg)
{
	apic_available = false;
	return 0;
}
early_param("nolapic", parse_nolapic);

static int __init parse_nox2apic(char *arg)
{
	nox2apic = true;
	return 0;
}
early_param("nox2apic", parse_nox2apic);

/* "lapic=notscdeadline": periodic timer mode even if TSC-deadline exists. */
static int __init parse_lapic(char *arg)
{
	if (!arg || strcmp(arg, "notscdeadline"))
		return -EINVAL;
	notscdeadline = true;
	return 0;
}
early_param("lapic", parse_lapic);

/**
 * apic_read - read a local APIC register of this CPU
 * @reg: its xAPIC offset (APIC_ID, APIC_LVR, ...)
 */
u32 apic_read(u32 reg)
{
	if (x2apic_mode)
		return (u32)native_read_msr(X2APIC_MSR_BASE + (reg >> 4));
	return readl(lapic_base + reg);
}

/**
 * apic_write - write a local APIC register of this CPU
 * @reg: its xAPIC offset; in x2APIC mode APIC_ICR2 and APIC_DFR do not
 *       exist (use apic_icr_write() for IPIs)
 * @val: the value
 */
void apic_write(u32 reg, u32 val)
{
	if (x2apic_mode)
		native_write_msr(X2APIC_MSR_BASE + (reg >> 4), val);
	else
		writel(val, lapic_base + reg);
}

/**
 * apic_eoi - end of interrupt at this CPU's LAPIC
 *
 * Clears the highest ISR bit. For a level-triggered vector (its TMR bit
 * set) the LAPIC also broadcasts the EOI to the I/O APICs, which clears
 * the pin's Remote IRR.
 */
void apic_eoi(void)
{
	apic_write(APIC_EOI, 0);
}

/**
 * read_apic_id - the running CPU's local APIC ID (32 bits in x2APIC mode)
 */
u32 read_apic_id(void)
{
	u32 id = apic_read(APIC_ID);

	return x2apic_mode ? id : id >> 24;
}

/**
 * apic_test_vector - bit @vector of a 256-bit LAPIC register
 * @reg:    APIC_IRR, APIC_ISR or APIC_TMR (eight 32-bit words, 16 bytes apart)
 * @vector: 0-255
 */
bool apic_test_vector(u32 reg, unsigned int vector)
{
	return (apic_read(reg + (vector / 32) * 0x10) >> (vector % 32)) & 1;
}

/**
 * lapic_vector_pending - is @vector requested or in service on this CPU?
 *
 * True while the local APIC still has it in its IRR or ISR: an interrupt
 * on it has been accepted but not yet EOIed.
 */
bool lapic_vector_pending(unsigned int vector)
{
	return apic_test_vector(APIC_IRR, vector) || apic_test_vector(APIC_ISR, vector);
}

/**
 * apic_timer_is_tick - has the local APIC timer replaced the PIT as the tick?
 *
 * False before apic_timer_handover() and under "nolapic" or when the
 * timer could not be calibrated.
 */
bool apic_timer_is_tick(void)
{
	return READ_ONCE(timer_is_tick);
}

/**
 * apic_self_ipi_wait - raise @vector on this CPU, wait until it is handled
 *
 * For tests that need a real interrupt on a vector: sends a fixed self-IPI
 * with interrupts off, waits until the IRR shows it, lets it in, and waits
 * until the handler's EOI cleared it from IRR and ISR (bounded: a vector
 * that is never EOIed makes this return after about a second of polls).
 * Call with interrupts enabled.
 */
void apic_self_ipi_wait(unsigned int vector)
{
	unsigned long flags, n;

	local_irq_save(flags);
	__apic_send_IPI_self(vector);
	for (n = 0; !apic_test_vector(APIC_IRR, vector) && n < CAL_POLL_LIMIT; n++)
		cpu_relax();
	local_irq_restore(flags);
	for (n = 0; lapic_vector_pending(vector) && n < CAL_POLL_LIMIT; n++)
		cpu_relax();
}

/**
 * apic_mode_name - "x2APIC", "xAPIC", or "none" when no LAPIC is in use
 */
const char *apic_mode_name(void)
{
	if (!apic_available)
		return "none";
	return x2apic_mode ? "x2APIC" : "xAPIC";
}

/* --- system vectors ----------------------------------------------------- */

/*
 * SPURIOUS_APIC_VECTOR: the LAPIC raised an interrupt whose source went
 * away before the CPU took it (SDM 11.9). It sets no ISR bit, so it gets
 * no EOI - an EOI would retire some other, real interrupt. If the ISR bit
 * IS set, something sent a real message on 0xff (an IPI, a bad RTE): that
 * one needs its EOI, or it would block every vector below it.
 */
static void sysvec_spurious_apic_interrupt(struct pt_regs *regs)
{
	this_cpu_inc(irq_stat.irq_spurious_count);
	if (apic_test_vector(APIC_ISR, SPURIOUS_APIC_VECTOR)) {
		apic_eoi();
		printk_once(KERN_INFO "APIC: vector 0xff was a real interrupt on CPU%d (acked)\n",
			    smp_processor_id());
	}
}

static const char *const esr_names[8] = {
	"Send CS error", "Receive CS error", "Send accept error",
	"Receive accept error", "Redirectable IPI", "Send illegal vector",
	"Received illegal vector", "Illegal register address",
};

/*
 * ERROR_APIC_VECTOR: the LAPIC found an error (SDM 11.5.3). The ESR
 * shows the errors latched by the last write to it, so write, then read.
 * Counted in irq_err_count (the ERR row), reported the first time only.
 */
static void sysvec_error_interrupt(struct pt_regs *regs)
{
	static bool reported;
	u32 v0, v;
	int i;

	v0 = apic_read(APIC_ESR);
	apic_write(APIC_ESR, 0);
	v = apic_read(APIC_ESR);
	apic_eoi();
	__atomic_fetch_add(&irq_err_count, 1, __ATOMIC_RELAXED);
	if (READ_ONCE(reported))
		return;
	WRITE_ONCE(reported, true);
	printk(KERN_ERR "APIC error on CPU%d: %02x(%02x)", smp_processor_id(), v0, v);
	for (i = 0; i < 8; i++)
		if (v & (1u << i))
			printk(KERN_CONT ", %s", esr_names[i]);
	printk(KERN_CONT "\n");
}

/* Program the next TSC deadline, one period after the last one. */
static void lapic_next_deadline(void)
{
	u64 now = rdtsc(), next = this_cpu_read(lapic_deadline) + tsc_period;

	/* Ticks missed with interrupts off are not replayed, as in
	 * periodic mode, where the IRR holds at most one. */
	if ((s64)(next - now) <= 0)
		next = now + tsc_period;
	this_cpu_write(lapic_deadline, next);
	wrmsrl(MSR_IA32_TSC_DEADLINE, next);
}

/*
 * One-shot programming, for the clock event device: an interrupt at
 * @expires (ns, monotonic clock). TSC-deadline mode converts the span to
 * TSC cycles; LVTT one-shot mode to LAPIC counts at the calibrated
 * lapic_timer_period counts per tick. A time already past fires at once.
 */
static int lapic_next_ktime(ktime_t expires, struct clock_event_device *dev)
{
	s64 delta = ktime_sub(expires, ktime_get());

	(void)dev;
	if (delta < 0)
		delta = 0;
	if (lapic_tsc_deadline) {
		u64 cycles = (u64)delta * tsc_khz / 1000000;

		wrmsrl(MSR_IA32_TSC_DEADLINE, rdtsc() + cycles + 1);
	} else {
		u64 counts;

		if (delta > (s64)NSEC_PER_SEC)         /* the tick comes first anyway */
			delta = NSEC_PER_SEC;
		counts = (u64)delta * lapic_counts_per_ms / NSEC_PER_MSEC;

		if (counts > 0xffffffffULL)
			counts = 0xffffffffULL;
		apic_write(APIC_TMICT, counts ? (u32)counts : 1);
	}
	return 0;
}

/*
 * LOCAL_TIMER_VECTOR: this CPU's tick. Counted in apic_timer_irqs (the
 * LOC row); tick_periodic() advances jiffies on tick_do_timer_cpu only.
 * In one-shot mode an interrupt is a tick, an hrtimer expiry, or both
 * (tick_handle_oneshot() sorts it out), so LOC counts both.
 * A finished vector move leaves its old vector to release here.
 */
static void sysvec_apic_timer_interrupt(struct pt_regs *regs)
{
	unsigned int cpu = smp_processor_id();

	this_cpu_inc(irq_stat.apic_timer_irqs);
	if (lapic_timer_oneshot) {
		apic_eoi();
		tick_handle_oneshot(this_cpu_ptr(&lapic_events));
		irq_move_cleanup(cpu);
		return;
	}
	if (lapic_tsc_deadline)
		lapic_next_deadline();
	apic_eoi();
	tick_periodic(cpu);
	irq_move_cleanup(cpu);
}

/* --- per-CPU setup ------------------------------------------------------ */

/**
 * setup_local_APIC - program the running CPU's local APIC
 *
 * Enables it (and x2APIC mode if chosen) in IA32_APICBASE, masks every
 * LVT entry, retires ISR bits left over from firmware, sets TPR 0 (accept
 * all vectors), the spurious vector with the software enable bit, LINT0,
 * LINT1 as NMI per the MADT, and the error LVT, clearing the ESR around
 * it. Call with interrupts off on each CPU, boot CPU first (from
 * apic_intr_mode_init()); the timer is started separately by
 * apic_timer_init_this_cpu().
 */
void setup_local_APIC(void)
{
	unsigned int cpu = smp_processor_id(), maxlvt, i;
	u32 uid = cpu < NR_CPUS ? x86_cpu_to_acpiid[cpu] : 0, lint0;
	u64 base;

	if (!apic_available)
		return;
	/* Disabled -> xAPIC -> x2APIC: SDM 11.12.5 allows only these steps. */
	rdmsrl(MSR_IA32_APICBASE, base);
	if (!(base & MSR_IA32_APICBASE_ENABLE)) {
		base |= MSR_IA32_APICBASE_ENABLE;
		wrmsrl(MSR_IA32_APICBASE, base);
	}
	if (x2apic_mode && !(base & MSR_IA32_APICBASE_EXTD))
		wrmsrl(MSR_IA32_APICBASE, base | MSR_IA32_APICBASE_EXTD);

	maxlvt = APIC_LVR_MAXLVT(apic_read(APIC_LVR));
	apic_write(APIC_LVTT, APIC_LVT_MASKED);          /* one-shot, stopped */
	apic_write(APIC_TMICT, 0);
	apic_write(APIC_LVT0, APIC_LVT_MASKED | APIC_DM_EXTINT);
	apic_write(APIC_LVT1, APIC_LVT_MASKED | APIC_DM_NMI);
	apic_write(APIC_LVTERR, APIC_LVT_MASKED | ERROR_APIC_VECTOR);
	if (maxlvt >= 4)
		apic_write(APIC_LVTPC, APIC_LVT_MASKED);
	if (maxlvt >= 5)
		apic_write(APIC_LVTTHMR, APIC_LVT_MASKED);

	apic_write(APIC_TASKPRI, 0);
	/* An ISR bit never EOIed (firmware, a crashed kernel before a
	 * kexec) would hold off its whole class: retire them. */
	for (i = 0; i < NR_VECTORS; i++) {
		bool any = false;
		unsigned int r;

		for (r = 0; r < 8; r++)
			any |= apic_read(APIC_ISR + r * 0x10) != 0;
		if (!any)
			break;
		apic_eoi();
	}
	apic_write(APIC_SPIV, APIC_SPIV_APIC_ENABLED | SPURIOUS_APIC_VECTOR);

	if (cpu == 0 && virtual_wire)
		lint0 = APIC_DM_EXTINT;
	else if (mp_lint_is_nmi(uid, 0))
		lint0 = APIC_DM_NMI;
	else
		lint0 = APIC_DM_EXTINT | APIC_LVT_MASKED;
	apic_write(APIC_LVT0, lint0);
	apic_write(APIC_LVT1, mp_lint_is_nmi(uid, 1) ? APIC_DM_NMI : APIC_LVT_MASKED);

	apic_write(APIC_ESR, 0);
	apic_write(APIC_LVTERR, ERROR_APIC_VECTOR);
	apic_write(APIC_ESR, 0);
	apic_read(APIC_ESR);

	__atomic_fetch_or(&apic_cpus_ready, 1UL << cpu, __ATOMIC_SEQ_CST);
	pr_info("CPU%u: local APIC ID 0x%x, version 0x%x, %s, LINT0 %s, LINT1 %s\n", cpu,
		read_apic_id(), APIC_LVR_VERSION(apic_read(APIC_LVR)), apic_mode_name(),
		lint0 & APIC_LVT_MASKED ? "masked" :
		(lint0 & APIC_DM_MASK) == APIC_DM_NMI ? "NMI" : "ExtINT (virtual wire)",
		mp_lint_is_nmi(uid, 1) ? "NMI" : "masked");
}

/* --- the timer ---------------------------------------------------------- */

/* LAPIC counts while PIT channel 2 runs CAL_LATCH ticks; 0 on failure. */
static u32 __init lapic_measure(void)
{
	u8 portb = inb(PORT_B);
	unsigned long loops;
	u32 cur;

	outb((portb & ~PORT_B_SPEAKER) | PORT_B_GATE2, PORT_B);
	spin_lock(&i8253_lock);
	outb(PIT_SEL_CH2 | PIT_RW_LOHI | PIT_MODE0, PIT_MODE);
	outb(CAL_LATCH & 0xff, PIT_CH2);
	outb(CAL_LATCH >> 8, PIT_CH2);
	spin_unlock(&i8253_lock);
	apic_write(APIC_TMICT, 0xffffffff);      /* both clocks start here */
	for (loops = 0; !(inb(PORT_B) & PORT_B_OUT2); loops++)
		if (loops == CAL_POLL_LIMIT)
			break;
	cur = apic_read(APIC_TMCCT);
	apic_write(APIC_TMICT, 0);
	outb(portb & ~PORT_B_SPEAKER, PORT_B);
	if (loops == 0 || loops == CAL_POLL_LIMIT || cur == 0)
		return 0;
	return 0xffffffff - cur;
}

/*
 * Measure the LAPIC timer against PIT channel 2 (see the file comment)
 * and choose the mode. Boot CPU, interrupts off, LVT timer masked.
 */
static void __init calibrate_APIC_clock(void)
{
	u32 runs[CAL_RUNS], v;
	u64 hz;
	int i, j;

	apic_write(APIC_TDCR, APIC_TDR_DIV_16);
	apic_write(APIC_LVTT, APIC_LVT_MASKED | LOCAL_TIMER_VECTOR);
	for (i = 0; i < CAL_RUNS; i++) {
		v = lapic_measure();
		if (!v) {
			pr_warn("timer calibration failed (PIT channel 2 does not count): PIT stays the tick\n");
			return;
		}
		for (j = i; j > 0 && runs[j - 1] > v; j--)
			runs[j] = runs[j - 1];
		runs[j] = v;
	}
	hz = (u64)runs[CAL_RUNS / 2] * PIT_TICK_RATE / CAL_LATCH;
	if (hz / HZ < 100) {
		pr_warn("timer runs at %llu Hz, too slow to be believed: PIT stays the tick\n",
			(unsigned long long)hz);
		return;
	}
	lapic_timer_period = (hz + HZ / 2) / HZ;
	pr_info("timer: %llu.%03llu MHz after divide by 16 (PIT channel 2, %d runs of %d ms, spread %llu ppm), %u counts per tick\n",
		(unsigned long long)(hz / 1000000), (unsigned long long)(hz / 1000 % 1000),
		CAL_RUNS, CAL_MS,
		(unsigned long long)(runs[CAL_RUNS - 1] - runs[0]) * 1000000ULL / runs[CAL_RUNS / 2],
		lapic_timer_period);

	if ((cpuid_ecx(1) & CPUID1_ECX_TSC_DEADLINE) && tsc_khz && !notscdeadline) {
		lapic_tsc_deadline = true;
		tsc_period = (u64)tsc_khz * 1000 / HZ;
		pr_info("TSC deadline timer available: %llu TSC cycles per tick\n",
			(unsigned long long)tsc_period);
	}
}

/**
 * apic_timer_init_this_cpu - start the running CPU's local tick
 *
 * LOCAL_TIMER_VECTOR at HZ: TSC-deadline mode (the next deadline is
 * written to IA32_TSC_DEADLINE on every tick) when the CPU has it, else
 * periodic mode with the calibrated count. Call with interrupts off after
 * setup_local_APIC() on the same CPU - on the boot CPU
 * apic_timer_handover() does it; the SMP bring-up calls it on each AP.
 * Does nothing if the timer was not calibrated (nolapic, no PIT).
 */
void apic_timer_init_this_cpu(void)
{
	struct clock_event_device *dev = this_cpu_ptr(&lapic_events);

	if (!apic_available || !lapic_timer_period)
		return;
	lapic_timer_oneshot = hrtimer_hres_enabled;
	if (lapic_tsc_deadline) {
		apic_write(APIC_LVTT, APIC_LVT_TIMER_TSCDEADLINE | LOCAL_TIMER_VECTOR);
		/* SDM 11.5.4.2: the LVT write must reach the LAPIC before the
		 * WRMSR that arms the deadline, or the MSR write may be lost. */
		__asm__ __volatile__("mfence" ::: "memory");
		if (!lapic_timer_oneshot) {
			this_cpu_write(lapic_deadline, rdtsc() + tsc_period);
			wrmsrl(MSR_IA32_TSC_DEADLINE, this_cpu_read(lapic_deadline));
		}
	} else {
		apic_write(APIC_TDCR, APIC_TDR_DIV_16);
		apic_write(APIC_LVTT, (lapic_timer_oneshot ? APIC_LVT_TIMER_ONESHOT :
				       APIC_LVT_TIMER_PERIODIC) | LOCAL_TIMER_VECTOR);
		if (!lapic_timer_oneshot)
			apic_write(APIC_TMICT, lapic_timer_period);
	}
	if (lapic_timer_oneshot) {
		dev->name = "lapic";
		dev->set_next_ktime = lapic_next_ktime;
		tick_setup_oneshot(dev);
	}
}

/*
 * The handover, as Linux's setup_boot_APIC_clock(): the boot CPU's LAPIC
 * timer becomes the tick that advances jiffies, and PIT channel 0 stops.
 * IRQ 0 keeps its "timer" action (its count freezes in /proc/interrupts,
 * as on Linux). An initcall, because time_init() starts the PIT after
 * apic_intr_mode_init(); interrupts are still off here, so no tick is
 * counted twice or lost.
 */
/*
 * For one-shot mode: how many LAPIC counts pass per ms of the TSC clock.
 * The PIT-based lapic_timer_period is fine for a periodic tick, but a
 * one-shot expiry asked for in ktime must land on ktime: under a busy
 * TCG host the two PIT calibrations can disagree by tens of percent, and
 * an event that comes early costs a second interrupt. Three runs of 2 ms
 * with interrupts off; the median. Falls back to lapic_timer_period.
 */
static void __init lapic_measure_against_tsc(void)
{
	u64 runs[3], t;
	int i, j;

	lapic_counts_per_ms = (u64)lapic_timer_period * HZ / 1000;
	if (!local_clock())
		return;
	apic_write(APIC_TDCR, APIC_TDR_DIV_16);
	apic_write(APIC_LVTT, APIC_LVT_MASKED | LOCAL_TIMER_VECTOR);
	for (i = 0; i < 3; i++) {
		u64 t0, t1;
		u32 c0, c1;

		apic_write(APIC_TMICT, 0xffffffff);
		t0 = local_clock();
		c0 = apic_read(APIC_TMCCT);
		do
			t1 = local_clock();
		while (t1 - t0 < 2 * NSEC_PER_MSEC);
		c1 = apic_read(APIC_TMCCT);
		runs[i] = (u64)(c0 - c1) * NSEC_PER_MSEC / (t1 - t0);
	}
	apic_write(APIC_TMICT, 0);
	for (i = 1; i < 3; i++)                  /* sort three */
		for (j = i; j > 0 && runs[j - 1] > runs[j]; j--)
			t = runs[j], runs[j] = runs[j - 1], runs[j - 1] = t;
	if (runs[1])
		lapic_counts_per_ms = runs[1];
	pr_info("timer: %llu counts per ms against the TSC (the PIT said %llu) for one-shot mode\n",
		(unsigned long long)lapic_counts_per_ms,
		(unsigned long long)lapic_timer_period * HZ / 1000);
}

static int __init apic_timer_handover(void)
{
	unsigned long flags;

	if (!apic_available || !lapic_timer_period)
		return 0;
	local_irq_save(flags);
	if (hrtimer_hres_enabled && !lapic_tsc_deadline)
		lapic_measure_against_tsc();
	apic_timer_init_this_cpu();
	pit_timer_shutdown();
	timer_is_tick = true;
	local_irq_restore(flags);
	pr_info("local timer (LOC) is the tick: %s mode, %u Hz, vector 0x%02x; PIT channel 0 stopped\n",
		lapic_tsc_deadline ? (lapic_timer_oneshot ? "TSC-deadline one-shot" : "TSC-deadline") :
		(lapic_timer_oneshot ? "one-shot" : "periodic"), HZ, LOCAL_TIMER_VECTOR);
	return 0;
}
core_initcall(apic_timer_handover);

/* --- boot --------------------------------------------------------------- */

/**
 * apic_intr_mode_init - move the boot CPU from the 8259 to its LAPIC
 *
 * Called from start_kernel() right after init_IRQ() (8259 set up, no
 * device IRQ requested yet, interrupts off). Picks the mode, maps the
 * registers, registers the spurious, error and local timer vectors,
 * programs the boot CPU's LAPIC, then - unless "noapic" or there is no
 * I/O APIC - moves the ISA IRQs to the I/O APIC (setup_IO_APIC()), and
 * calibrates the timer. Under "noapic" the 8259 keeps delivering every
 * device through LINT0 (virtual wire mode). Under "nolapic" nothing
 * changes at all.
 */
void __init apic_intr_mode_init(void)
{
	bool ioapic;
	u64 base;

	if (!apic_available) {
		pr_info("local APIC not used (nolapic or absent): devices and tick stay on the 8259 and PIT\n");
		return;
	}
	rdmsrl(MSR_IA32_APICBASE, base);
	lapic_phys = base & APICBASE_ADDR_MASK;
	if (lapic_phys != mp_lapic_addr)
		pr_warn("MADT says the LAPIC is at 0x%llx, IA32_APICBASE 0x%llx: using the latter\n",
			(unsigned long long)mp_lapic_addr, (unsigned long long)lapic_phys);
	if (base & MSR_IA32_APICBASE_EXTD) {
		x2apic_mode = true;
		if (nox2apic)
			pr_warn("nox2apic ignored: the firmware already switched to x2APIC mode\n");
	} else if ((cpuid_ecx(1) & CPUID1_ECX_X2APIC) && !nox2apic) {
		x2apic_mode = true;
	}
	if (!x2apic_mode) {
		lapic_base = ioremap(lapic_phys, PAGE_SIZE);
		if (!lapic_base) {
			pr_err("cannot map the LAPIC at 0x%llx: staying on the 8259\n",
			       (unsigned long long)lapic_phys);
			apic_available = false;
			return;
		}
	}
	pr_info("Switched APIC routing to: physical %s\n", x2apic_mode ? "x2apic" : "flat");

	if (sysvec_register(SPURIOUS_APIC_VECTOR, sysvec_spurious_apic_interrupt) ||
	    sysvec_register(ERROR_APIC_VECTOR, sysvec_error_interrupt) ||
	    sysvec_register(LOCAL_TIMER_VECTOR, sysvec_apic_timer_interrupt))
		pr_err("a system vector was already taken\n");

	ioapic = !skip_ioapic_setup && nr_ioapics > 0;
	virtual_wire = !ioapic;
	setup_local_APIC();
	if (ioapic && !setup_IO_APIC()) {
		/* No usable I/O APIC after all: reopen the 8259's wire. */
		virtual_wire = true;
		apic_write(APIC_LVT0, APIC_DM_EXTINT);
		ioapic = false;
	}
	if (!ioapic)
		pr_info("devices stay on the 8259, through LINT0 (virtual wire)%s\n",
			skip_ioapic_setup ? ": noapic" : "");
	calibrate_APIC_clock();
}
