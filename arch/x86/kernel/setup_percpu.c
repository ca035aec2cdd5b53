// SPDX-License-Identifier: MIT
/*
 * Per-CPU areas: one private copy of the .data..percpu template for every
 * possible CPU. See asm/percpu.h for how %gs reaches it.
 */
#include <linux/kernel.h>
#include <linux/init.h>
#include <linux/string.h>
#include <linux/gfp.h>
#include <linux/smp.h>
#include <asm/percpu.h>
#include <asm/msr.h>
#include <asm/page.h>

unsigned long __per_cpu_offset[NR_CPUS];
DEFINE_PER_CPU(unsigned long, this_cpu_off);
DEFINE_PER_CPU(int, cpu_number);

/* The boot CPU until acpi_boot_init() counts the MADT's enabled CPUs. */
unsigned int nr_cpu_ids = 1;

/**
 * setup_per_cpu_areas - allocate and fill every CPU's area; switch GS
 *
 * Until now the boot CPU ran with GS base 0, i.e. on the template itself;
 * its copy is taken after early boot wrote to it, so nothing is lost.
 */
void __init setup_per_cpu_areas(void)
{
	unsigned long size = __per_cpu_end - __per_cpu_start;
	unsigned int order = 0, cpu;

	while ((PAGE_SIZE << order) < size)
		order++;
	for (cpu = 0; cpu < nr_cpu_ids; cpu++) {
		unsigned long area = __get_free_pages(GFP_KERNEL, order);

		if (!area)
			panic("setup_per_cpu_areas: out of memory for CPU %u", cpu);
		memcpy((void *)area, __per_cpu_start, size);
		__per_cpu_offset[cpu] = area - (unsigned long)__per_cpu_start;
		per_cpu(this_cpu_off, cpu) = __per_cpu_offset[cpu];
		per_cpu(cpu_number, cpu) = cpu;
	}
	wrmsrl(MSR_GS_BASE, __per_cpu_offset[0]);
	pr_info("percpu: %u CPU area(s) of %lu bytes\n", nr_cpu_ids, size);
}
