/* SPDX-License-Identifier: MIT */
/*
 * Host per-CPU variables with one real copy per CPU, for tests whose code
 * under test keeps state in several CPUs' copies (vector_irq[] of each CPU
 * in test_vector). The default shim (tests/host/include/asm/percpu.h)
 * folds every CPU onto one copy, which would make CPU 1's table CPU 0's.
 *
 * Force-included (-include) ahead of everything, this takes that shim's
 * place: a per-CPU variable becomes an array of NR_CPUS copies, per_cpu()
 * indexes it, and the this_cpu_*() operations use host_this_cpu, which the
 * test sets. Only plain variables work with this_cpu_*(): "irq_stat.x"
 * (a member of a per-CPU struct) does not, which is fine for the code it
 * is used with.
 */
#ifndef _HOST_PERCPU_ARRAY_H
#define _HOST_PERCPU_ARRAY_H
#define _HOST_ASM_PERCPU_H      /* the one-copy shim must not be used too */

#define NR_CPUS 4

extern unsigned int host_this_cpu;

#define DECLARE_PER_CPU(type, name) extern __typeof__(type) name[NR_CPUS]
#define DEFINE_PER_CPU(type, name) __typeof__(type) name[NR_CPUS]
#define per_cpu(var, cpu)          ((var)[cpu])
#define per_cpu_ptr(ptr, cpu)      (&(*(ptr))[cpu])
#define this_cpu_ptr(ptr)          per_cpu_ptr(ptr, host_this_cpu)
#define this_cpu_read(var)         ((var)[host_this_cpu])
#define this_cpu_write(var, val)   ((var)[host_this_cpu] = (val))
#define this_cpu_add(var, val)     ((var)[host_this_cpu] += (val))
#define this_cpu_inc(var)          ((var)[host_this_cpu]++)
#define this_cpu_dec(var)          ((var)[host_this_cpu]--)

DECLARE_PER_CPU(int, cpu_number);

#endif
