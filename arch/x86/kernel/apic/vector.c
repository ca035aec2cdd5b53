// SPDX-License-Identifier: MIT
/*
 * Device vector allocation for the local APIC: which IDT vector, on which
 * CPU, each IRQ routed through an I/O APIC (or later MSI) arrives with.
 * See asm/hw_irq.h for the API and the two-step move protocol.
 *
 * The local APIC ranks interrupts by priority class, the vector's high
 * nibble (Intel SDM Vol. 3A, 11.8.3 "Interrupt, Task, and Processor
 * Priority"): it delivers the highest class first, and a vector in
 * service holds off everything in its own class and below. Early LAPICs
 * could also hold only two interrupts per class (one in IRR, one in
 * ISR). So, as Linux does, allocations are spread over the classes rather
 * than packed from 0x30 up: each new vector goes to the least used class
 * of that CPU (the lowest such class on a tie), at the lowest free vector
 * in it. On an empty CPU the first allocations are 0x30, 0x40, ..., 0xe0,
 * then 0x31, 0x41, ..., with 0x80 (IA32_SYSCALL_VECTOR, the int $0x80
 * gate) never handed out.
 *
 * The bookkeeping is plain arrays indexed by CPU, under one lock: vector
 * allocation happens when lines are set up or moved, never on the
 * interrupt path, except irq_complete_move() (a flag update) and the
 * cleanup the local timer tick runs when a move left work behind.
 */
#include <linux/kernel.h>
#include <linux/errno.h>
#include <linux/smp.h>
#include <linux/spinlock.h>
#include <linux/irqdesc.h>
#include <asm/irq.h>
#include <asm/irq_vectors.h>
#include <asm/apic.h>
#include <asm/hw_irq.h>

#define NR_CLASSES       (NR_VECTORS / 16)
#define FIRST_CLASS      (FIRST_DEVICE_VECTOR >> 4)          /* 0x3 */
#define LAST_CLASS       ((FIRST_SYSTEM_VECTOR - 1) >> 4)    /* 0xe */

static DEFINE_SPINLOCK(vector_lock);
/* Vectors taken on each CPU, including old ones awaiting cleanup. */
static unsigned long used_map[NR_CPUS][NR_VECTORS / 64];
/* Vectors taken per priority class, per CPU: what spreading balances. */
static unsigned char class_load[NR_CPUS][NR_CLASSES];
static unsigned int cpu_used[NR_CPUS];
/* The CPU has old vectors that irq_move_cleanup() should look at. */
static bool cleanup_wanted[NR_CPUS];
static struct irq_cfg irq_cfgs[NR_IRQS];

static bool is_device_vector(unsigned int v)
{
	return v >= FIRST_DEVICE_VECTOR && v < FIRST_SYSTEM_VECTOR &&
	       v != IA32_SYSCALL_VECTOR;
}

static bool test_used(unsigned int cpu, unsigned int v)
{
	return used_map[cpu][v / 64] & (1UL << (v % 64));
}

static void set_vector_irq(unsigned int cpu, unsigned int v, struct irq_desc *desc)
{
	/* One aligned pointer store: do_IRQ() on @cpu sees old or new. */
	WRITE_ONCE(per_cpu(vector_irq, cpu)[v], desc);
}

static void take(unsigned int cpu, unsigned int v, struct irq_desc *desc)
{
	used_map[cpu][v / 64] |= 1UL << (v % 64);
	class_load[cpu][v >> 4]++;
	cpu_used[cpu]++;
	set_vector_irq(cpu, v, desc);
}

static void release(unsigned int cpu, unsigned int v)
{
	if (!test_used(cpu, v))
		return;
	set_vector_irq(cpu, v, NULL);
	used_map[cpu][v / 64] &= ~(1UL << (v % 64));
	class_load[cpu][v >> 4]--;
	cpu_used[cpu]--;
}

/* The vector spreading picks on @cpu, or -ENOSPC. Lock held. */
static int find_vector(unsigned int cpu)
{
	int best = -ENOSPC;
	unsigned int class, v;

	for (class = FIRST_CLASS; class <= LAST_CLASS; class++) {
		for (v = class << 4; v < (class + 1) << 4; v++)
			if (is_device_vector(v) && !test_used(cpu, v))
				break;
		if (v == (class + 1) << 4)
			continue;                       /* class full */
		if (best < 0 || class_load[cpu][class] < class_load[cpu][best >> 4])
			best = v;
	}
	return best;
}

/**
 * irq_cfg - the vector state of @irq
 *
 * Return: its struct irq_cfg, or NULL if @irq >= NR_IRQS.
 */
struct irq_cfg *irq_cfg(unsigned int irq)
{
	return irq < NR_IRQS ? &irq_cfgs[irq] : NULL;
}

/**
 * irq_alloc_vector - give @irq a device vector on @cpu
 * @irq: Linux IRQ number
 * @cpu: the CPU that will receive it
 *
 * Maps per_cpu(vector_irq, @cpu)[vector] to @irq's descriptor.
 *
 * Return: the vector; -EINVAL for a bad @irq or @cpu, -EBUSY if @irq
 * already has a vector (use irq_move_vector()), -ENOSPC if @cpu has no
 * free device vector (then nothing changed).
 */
int irq_alloc_vector(unsigned int irq, unsigned int cpu)
{
	struct irq_cfg *cfg = irq_cfg(irq);
	unsigned long flags;
	int v;

	if (!cfg || cpu >= nr_cpu_ids || cpu >= NR_CPUS)
		return -EINVAL;
	spin_lock_irqsave(&vector_lock, flags);
	if (cfg->vector) {
		spin_unlock_irqrestore(&vector_lock, flags);
		return -EBUSY;
	}
	v = find_vector(cpu);
	if (v > 0) {
		take(cpu, v, irq_to_desc(irq));
		cfg->vector = v;
		cfg->cpu = cpu;
	}
	spin_unlock_irqrestore(&vector_lock, flags);
	return v;
}

/**
 * irq_free_vector - release @irq's vector (and an old one of a move)
 *
 * The caller has made sure the hardware no longer sends it (line masked
 * or shut down). Does nothing for an IRQ without a vector.
 */
void irq_free_vector(unsigned int irq)
{
	struct irq_cfg *cfg = irq_cfg(irq);
	unsigned long flags;

	if (!cfg)
		return;
	spin_lock_irqsave(&vector_lock, flags);
	if (cfg->vector)
		release(cfg->cpu, cfg->vector);
	if (cfg->old_vector)
		release(cfg->old_cpu, cfg->old_vector);
	*cfg = (struct irq_cfg){ 0 };
	spin_unlock_irqrestore(&vector_lock, flags);
}

/**
 * irq_move_vector - first step of moving @irq to @new_cpu
 * @irq:     an IRQ with a vector
 * @new_cpu: where it should arrive from now on (may be its current CPU:
 *           then it only changes vector)
 *
 * Allocates and maps a vector on @new_cpu; the old vector stays mapped
 * until irq_complete_move() and irq_move_cleanup() release it, so an
 * interrupt already sent to it is still handled. The caller reprograms
 * the controller afterwards.
 *
 * Return: the new vector; -EINVAL (bad arguments, no vector yet), -EBUSY
 * (the previous move has not finished), -ENOSPC (nothing changed).
 */
int irq_move_vector(unsigned int irq, unsigned int new_cpu)
{
	struct irq_cfg *cfg = irq_cfg(irq);
	unsigned long flags;
	int v;

	if (!cfg || new_cpu >= nr_cpu_ids || new_cpu >= NR_CPUS)
		return -EINVAL;
	spin_lock_irqsave(&vector_lock, flags);
	if (!cfg->vector) {
		v = -EINVAL;
	} else if (cfg->move_in_progress || cfg->cleanup_pending) {
		v = -EBUSY;
	} else {
		v = find_vector(new_cpu);
		if (v > 0) {
			take(new_cpu, v, irq_to_desc(irq));
			cfg->old_vector = cfg->vector;
			cfg->old_cpu = cfg->cpu;
			cfg->vector = v;
			cfg->cpu = new_cpu;
			cfg->move_in_progress = true;
		}
	}
	spin_unlock_irqrestore(&vector_lock, flags);
	return v;
}

/**
 * irq_complete_move - an interrupt of @irq arrived on @cpu, @vector
 *
 * Called by the chip's ack/eoi. If a move is in progress and this is the
 * new vector, the hardware has switched: queue the old vector for release
 * on its CPU. Interrupts still arriving on the old vector change nothing.
 */
void irq_complete_move(unsigned int irq, unsigned int cpu, unsigned int vector)
{
	struct irq_cfg *cfg = irq_cfg(irq);
	unsigned long flags;

	if (!cfg || !READ_ONCE(cfg->move_in_progress))
		return;
	spin_lock_irqsave(&vector_lock, flags);
	if (cfg->move_in_progress && cfg->cpu == cpu && cfg->vector == vector) {
		cfg->move_in_progress = false;
		cfg->cleanup_pending = true;
		cleanup_wanted[cfg->old_cpu] = true;
	}
	spin_unlock_irqrestore(&vector_lock, flags);
}

/**
 * irq_move_cleanup - release old vectors of finished moves on @cpu
 * @cpu: the CPU running this (its LAPIC is the one consulted)
 *
 * An old vector still requested or in service here (a last interrupt sent
 * before the switch) is kept for a later call. Cheap when there is
 * nothing to do; the local timer calls it every tick it is wanted.
 */
void irq_move_cleanup(unsigned int cpu)
{
	unsigned long flags;
	unsigned int irq;

	if (cpu >= NR_CPUS || !READ_ONCE(cleanup_wanted[cpu]))
		return;
	spin_lock_irqsave(&vector_lock, flags);
	cleanup_wanted[cpu] = false;
	for (irq = 0; irq < NR_IRQS; irq++) {
		struct irq_cfg *cfg = &irq_cfgs[irq];

		if (!cfg->cleanup_pending || cfg->old_cpu != cpu)
			continue;
		if (lapic_vector_pending(cfg->old_vector)) {
			cleanup_wanted[cpu] = true;     /* try again next time */
			continue;
		}
		release(cpu, cfg->old_vector);
		cfg->old_vector = 0;
		cfg->old_cpu = 0;
		cfg->cleanup_pending = false;
	}
	spin_unlock_irqrestore(&vector_lock, flags);
}

/**
 * irq_move_cleanup_pending - has @cpu old vectors waiting for irq_move_cleanup()?
 */
bool irq_move_cleanup_pending(unsigned int cpu)
{
	return cpu < NR_CPUS && READ_ONCE(cleanup_wanted[cpu]);
}

/**
 * irq_vector_used - is @vector of @cpu taken (by an IRQ, or awaiting cleanup)?
 */
bool irq_vector_used(unsigned int cpu, unsigned int vector)
{
	return cpu < NR_CPUS && vector < NR_VECTORS && test_used(cpu, vector);
}

/**
 * irq_vectors_in_use - device vectors taken on @cpu
 */
unsigned int irq_vectors_in_use(unsigned int cpu)
{
	return cpu < NR_CPUS ? READ_ONCE(cpu_used[cpu]) : 0;
}
