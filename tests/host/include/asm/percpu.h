/* SPDX-License-Identifier: MIT */
/* Host stand-in: one CPU; "per-CPU" variables are plain globals. */
#ifndef _HOST_ASM_PERCPU_H
#define _HOST_ASM_PERCPU_H

#define NR_CPUS 4
#define DECLARE_PER_CPU(type, name) extern __typeof__(type) name
#define DEFINE_PER_CPU(type, name) __typeof__(type) name
#define per_cpu(var, cpu) (*((void)(cpu), &(var)))
#define per_cpu_ptr(ptr, cpu) ((void)(cpu), (ptr))
#define this_cpu_ptr(ptr) (ptr)
#define this_cpu_read(var) (var)
#define this_cpu_write(var, val) ((var) = (val))
#define this_cpu_add(var, val) ((var) += (val))
#define this_cpu_inc(var) ((var)++)
#define this_cpu_dec(var) ((var)--)

extern int cpu_number;

#endif
