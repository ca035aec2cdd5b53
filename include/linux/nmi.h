/* SPDX-License-Identifier: MIT */
/*
 * NMI backtraces (lib/nmi_backtrace.c): make CPUs print their registers
 * and call trace from an NMI, which arrives even when a CPU spins with
 * interrupts disabled - the way to see where a stuck CPU is.
 *
 * Each function returns true if every CPU asked has printed its trace
 * within 10 seconds (the calling CPU prints its own directly, without an
 * NMI). Output of different CPUs never interleaves: each trace is printed
 * whole under one lock, "NMI backtrace for cpu N" first.
 */
#ifndef _LINUX_NMI_H
#define _LINUX_NMI_H

#include <linux/types.h>
#include <linux/cpumask.h>

struct pt_regs;

bool trigger_all_cpu_backtrace(void);
bool trigger_allbutself_cpu_backtrace(void);
bool trigger_cpumask_backtrace(const struct cpumask *mask);
bool trigger_single_cpu_backtrace(int cpu);

/* The generic engine; @raise sends the NMIs (architecture). */
bool nmi_trigger_cpumask_backtrace(const struct cpumask *mask, int exclude_cpu,
				   void (*raise)(const struct cpumask *mask));
/* In an NMI (@regs) or not (NULL): print this CPU's trace if asked to. */
bool nmi_cpu_backtrace(struct pt_regs *regs);
/* Traces printed by @cpu so far (for tests and the `cpus` command). */
unsigned long nmi_backtrace_count(unsigned int cpu);

#endif
