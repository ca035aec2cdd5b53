/* SPDX-License-Identifier: MIT */
/*
 * cpumask - a set of CPU numbers, as Linux's struct cpumask.
 *
 * irqos supports at most NR_CPUS (64) CPUs, so a mask is one unsigned
 * long: bit N is CPU N. The set operations are inline one-liners over that
 * word; the single-bit updates that other CPUs may race with
 * (cpumask_set_cpu, cpumask_clear_cpu, the test_and_ variants) are atomic,
 * the __ variants are not - the same split Linux makes with set_bit() and
 * __set_bit().
 *
 * Masks only make sense below nr_cpu_ids (the CPUs the firmware listed,
 * "possible" CPUs); the iterators and the text formats stop there, as
 * Linux's do with nr_cpumask_bits.
 *
 * Two text formats, Linux's (lib/cpumask.c):
 *  - hex, as /proc/irq/N/smp_affinity: 32-bit groups, most significant
 *    first, separated by commas; the leading group has just enough digits
 *    for nr_cpu_ids bits ("f" with 4 CPUs, "ffff" with 16, "1,ffffffff"
 *    with 33);
 *  - list, as /proc/irq/N/smp_affinity_list: ranges "0-3,5".
 *
 * The global masks: cpu_online_mask (CPUs running and taking interrupts;
 * the boot CPU from the start, APs as arch/x86/kernel/smpboot.c brings them
 * up) and cpu_possible_mask (0 .. nr_cpu_ids - 1, however nr_cpu_ids was
 * set: every operation here ignores bits at or above it).
 */
#ifndef _LINUX_CPUMASK_H
#define _LINUX_CPUMASK_H

#include <linux/types.h>
#include <linux/compiler.h>
#include <asm/percpu.h>

#define BITS_PER_LONG 64
BUILD_BUG_ON(NR_CPUS > BITS_PER_LONG);

typedef struct cpumask {
	unsigned long bits[1];
} cpumask_t;

extern unsigned int nr_cpu_ids;
#define nr_cpumask_bits nr_cpu_ids

#define cpumask_bits(maskp) ((maskp)->bits)
#define CPU_MASK_NONE ((cpumask_t){ { 0UL } })
/* Every bit below nr_cpu_ids. */
#define __cpumask_valid_bits() \
	(nr_cpu_ids >= BITS_PER_LONG ? ~0UL : (1UL << nr_cpu_ids) - 1)

extern struct cpumask __cpu_online_mask;
extern struct cpumask __cpu_possible_mask;
#define cpu_online_mask   ((const struct cpumask *)&__cpu_online_mask)
#define cpu_possible_mask ((const struct cpumask *)&__cpu_possible_mask)

/* One single-CPU mask per CPU, for cpumask_of(). */
extern const struct cpumask __cpu_bit_masks[BITS_PER_LONG];
#define cpumask_of(cpu) (&__cpu_bit_masks[(cpu)])

static inline unsigned long __cpumask_word(const struct cpumask *m)
{
	return READ_ONCE(m->bits[0]);
}

static inline void cpumask_set_cpu(unsigned int cpu, struct cpumask *m)
{
	__atomic_fetch_or(&m->bits[0], 1UL << cpu, __ATOMIC_SEQ_CST);
}

static inline void cpumask_clear_cpu(unsigned int cpu, struct cpumask *m)
{
	__atomic_fetch_and(&m->bits[0], ~(1UL << cpu), __ATOMIC_SEQ_CST);
}

static inline void __cpumask_set_cpu(unsigned int cpu, struct cpumask *m)
{
	m->bits[0] |= 1UL << cpu;
}

static inline void __cpumask_clear_cpu(unsigned int cpu, struct cpumask *m)
{
	m->bits[0] &= ~(1UL << cpu);
}

static inline bool cpumask_test_cpu(unsigned int cpu, const struct cpumask *m)
{
	return cpu < BITS_PER_LONG && (__cpumask_word(m) >> cpu) & 1;
}

static inline bool cpumask_test_and_set_cpu(unsigned int cpu, struct cpumask *m)
{
	return (__atomic_fetch_or(&m->bits[0], 1UL << cpu, __ATOMIC_SEQ_CST) >> cpu) & 1;
}

static inline bool cpumask_test_and_clear_cpu(unsigned int cpu, struct cpumask *m)
{
	return (__atomic_fetch_and(&m->bits[0], ~(1UL << cpu), __ATOMIC_SEQ_CST) >> cpu) & 1;
}

static inline void cpumask_clear(struct cpumask *m) { m->bits[0] = 0; }
static inline void cpumask_setall(struct cpumask *m) { m->bits[0] = __cpumask_valid_bits(); }
static inline void cpumask_copy(struct cpumask *d, const struct cpumask *s)
{
	d->bits[0] = __cpumask_word(s);
}

/* The binary operations return whether the result is non-empty, as Linux's. */
static inline bool cpumask_and(struct cpumask *d, const struct cpumask *a,
			       const struct cpumask *b)
{
	return (d->bits[0] = __cpumask_word(a) & __cpumask_word(b)) != 0;
}

static inline void cpumask_or(struct cpumask *d, const struct cpumask *a,
			      const struct cpumask *b)
{
	d->bits[0] = __cpumask_word(a) | __cpumask_word(b);
}

static inline bool cpumask_andnot(struct cpumask *d, const struct cpumask *a,
				  const struct cpumask *b)
{
	return (d->bits[0] = __cpumask_word(a) & ~__cpumask_word(b)) != 0;
}

static inline bool cpumask_empty(const struct cpumask *m)
{
	return !(__cpumask_word(m) & __cpumask_valid_bits());
}

static inline bool cpumask_equal(const struct cpumask *a, const struct cpumask *b)
{
	return !((__cpumask_word(a) ^ __cpumask_word(b)) & __cpumask_valid_bits());
}

static inline bool cpumask_intersects(const struct cpumask *a, const struct cpumask *b)
{
	return (__cpumask_word(a) & __cpumask_word(b) & __cpumask_valid_bits()) != 0;
}

static inline bool cpumask_subset(const struct cpumask *a, const struct cpumask *b)
{
	return !(__cpumask_word(a) & ~__cpumask_word(b) & __cpumask_valid_bits());
}

/* Bits set in @w. (No libgcc in the kernel, so no __builtin_popcountl
 * without -mpopcnt: the classic parallel sum instead.) */
static inline unsigned int hweight_long(unsigned long w)
{
	w -= (w >> 1) & 0x5555555555555555UL;
	w = (w & 0x3333333333333333UL) + ((w >> 2) & 0x3333333333333333UL);
	w = (w + (w >> 4)) & 0x0f0f0f0f0f0f0f0fUL;
	return (w * 0x0101010101010101UL) >> 56;
}

static inline unsigned int cpumask_weight(const struct cpumask *m)
{
	return hweight_long(__cpumask_word(m) & __cpumask_valid_bits());
}

/**
 * cpumask_next - the first CPU in @m after @n (-1 starts the search)
 *
 * Return: that CPU, or nr_cpu_ids (or more) if there is none.
 */
static inline unsigned int cpumask_next(int n, const struct cpumask *m)
{
	unsigned long w = __cpumask_word(m) & __cpumask_valid_bits();

	if (n + 1 >= BITS_PER_LONG)
		return nr_cpu_ids;
	w &= ~0UL << (n + 1);
	return w ? (unsigned int)__builtin_ctzl(w) : nr_cpu_ids;
}

static inline unsigned int cpumask_first(const struct cpumask *m)
{
	return cpumask_next(-1, m);
}

/* The first CPU in @m other than @cpu, or nr_cpu_ids. */
static inline unsigned int cpumask_any_but(const struct cpumask *m, unsigned int cpu)
{
	unsigned int i = cpumask_first(m);

	return i == cpu ? cpumask_next(i, m) : i;
}
#define cpumask_any(m) cpumask_first(m)

#define for_each_cpu(cpu, mask)						\
	for ((cpu) = cpumask_first(mask); (cpu) < nr_cpu_ids;		\
	     (cpu) = cpumask_next((cpu), (mask)))
#define for_each_online_cpu(cpu)   for_each_cpu((cpu), cpu_online_mask)
#define for_each_possible_cpu(cpu) for_each_cpu((cpu), cpu_possible_mask)

#define cpu_online(cpu)   cpumask_test_cpu((cpu), cpu_online_mask)
#define cpu_possible(cpu) cpumask_test_cpu((cpu), cpu_possible_mask)
#define num_online_cpus()   cpumask_weight(cpu_online_mask)
#define num_possible_cpus() cpumask_weight(cpu_possible_mask)

/* kernel/cpu.c: mark @cpu online (smpboot) or offline. */
void set_cpu_online(unsigned int cpu, bool online);

/*
 * Text formats (lib/cpumask.c). The parsers accept a trailing newline (a
 * shell's "echo" writes one) and surrounding blanks, and return 0,
 * -EINVAL for a malformed string, -EOVERFLOW (hex) or -ERANGE (list) for a
 * CPU number at or above nr_cpu_ids. @dst is only written on success.
 */
int cpumask_parse(const char *buf, struct cpumask *dst);
int cpulist_parse(const char *buf, struct cpumask *dst);
/* Like scnprintf: the text without a newline, truncated to @size - 1. */
int cpumask_scnprintf(char *buf, size_t size, const struct cpumask *m);
int cpulist_scnprintf(char *buf, size_t size, const struct cpumask *m);
/* The /proc file body: the hex (@list false) or list text and "\n";
 * @buf has room for PAGE_SIZE bytes. Returns the length. */
int cpumap_print_to_pagebuf(bool list, char *buf, const struct cpumask *m);

#endif
