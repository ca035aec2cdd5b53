// SPDX-License-Identifier: MIT
/*
 * The global CPU masks (include/linux/cpumask.h).
 *
 * cpu_online_mask starts with the boot CPU, which is CPU 0 and running
 * by definition; arch/x86/kernel/smpboot.c adds each AP once it has its
 * descriptor tables, stacks and Local APIC and is about to take
 * interrupts. Code that sends IPIs or prints per-CPU columns walks this
 * mask, so a CPU that never answered the startup IPIs is simply absent.
 *
 * cpu_up() starts one secondary CPU through the architecture (smp_init()
 * calls it for each CPU at boot; there is no CPU hotplug).
 *
 * cpu_possible_mask is every CPU number below nr_cpu_ids (the CPUs the
 * firmware listed, and the per-CPU areas that exist). nr_cpu_ids is only
 * known once the MADT is parsed, so the mask holds all NR_CPUS bits and
 * relies on every cpumask operation ignoring bits at or above nr_cpu_ids.
 */
#include <linux/kernel.h>
#include <linux/cpumask.h>
#include <linux/smp.h>
#include <linux/errno.h>
#include <asm/smp.h>

struct cpumask __cpu_online_mask = { { 1UL } };
struct cpumask __cpu_possible_mask = { { ~0UL } };

#define ONE(i)   { { 1UL << (i) } }
#define EIGHT(i) ONE(i), ONE(i + 1), ONE(i + 2), ONE(i + 3), \
		 ONE(i + 4), ONE(i + 5), ONE(i + 6), ONE(i + 7)
const struct cpumask __cpu_bit_masks[BITS_PER_LONG] = {
	EIGHT(0), EIGHT(8), EIGHT(16), EIGHT(24),
	EIGHT(32), EIGHT(40), EIGHT(48), EIGHT(56),
};

/**
 * set_cpu_online - add @cpu to or remove it from cpu_online_mask
 *
 * Atomic: an AP marks itself online while other CPUs read the mask.
 */
void set_cpu_online(unsigned int cpu, bool online)
{
	if (online)
		cpumask_set_cpu(cpu, &__cpu_online_mask);
	else
		cpumask_clear_cpu(cpu, &__cpu_online_mask);
}

/**
 * cpu_up - start secondary CPU @cpu and wait until it is online
 *
 * Return: 0 when @cpu is online (also if it already was), -EINVAL for a
 * CPU number the firmware did not list, or the architecture's error when
 * the CPU did not answer (it is then left offline).
 */
int cpu_up(unsigned int cpu)
{
	if (cpu >= nr_cpu_ids)
		return -EINVAL;
	if (cpu_online(cpu))
		return 0;
	return __cpu_up(cpu);
}
