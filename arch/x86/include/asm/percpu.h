/* SPDX-License-Identifier: MIT */
/*
 * Per-CPU variables.
 *
 * DEFINE_PER_CPU puts a variable in the .data..percpu section, which is only
 * a template: setup_per_cpu_areas() gives every CPU its own copy and records
 * copy - template in __per_cpu_offset[cpu]. Each CPU keeps its own offset in
 * its GS base, so "%gs:var" addresses this CPU's copy of var in a single
 * instruction that cannot be torn by migration or an interrupt.
 */
#ifndef _ASM_X86_PERCPU_H
#define _ASM_X86_PERCPU_H

#include <linux/types.h>
#include <linux/compiler.h>

#define NR_CPUS 64

#define DECLARE_PER_CPU(type, name) extern __typeof__(type) name
#define DEFINE_PER_CPU(type, name) \
	__section(".data..percpu") __typeof__(type) name
#define DEFINE_PER_CPU_PAGE_ALIGNED(type, name) \
	__section(".data..percpu..page_aligned") __typeof__(type) name __aligned(4096)

extern unsigned long __per_cpu_offset[NR_CPUS];
extern char __per_cpu_start[], __per_cpu_end[];

#define per_cpu_ptr(ptr, cpu) \
	((__typeof__(ptr))((unsigned long)(ptr) + __per_cpu_offset[cpu]))
#define per_cpu(var, cpu) (*per_cpu_ptr(&(var), cpu))

#define this_cpu_read(var) ({						\
	__typeof__(var) __v;						\
	__asm__ __volatile__("mov %%gs:%1, %0" : "=r"(__v) : "m"(var));	\
	__v; })
#define this_cpu_write(var, val) do {					\
	__typeof__(var) __v = (val);					\
	__asm__ __volatile__("mov %1, %%gs:%0" : "+m"(var) : "r"(__v));	\
} while (0)
#define this_cpu_add(var, val) do {					\
	__typeof__(var) __v = (val);					\
	__asm__ __volatile__("add %1, %%gs:%0" : "+m"(var) : "r"(__v));	\
} while (0)
#define this_cpu_inc(var) this_cpu_add(var, 1)
#define this_cpu_dec(var) this_cpu_add(var, -1)

DECLARE_PER_CPU(unsigned long, this_cpu_off);
DECLARE_PER_CPU(int, cpu_number);

#define this_cpu_ptr(ptr) \
	((__typeof__(ptr))((unsigned long)(ptr) + this_cpu_read(this_cpu_off)))

void setup_per_cpu_areas(void);

#endif
