/* SPDX-License-Identifier: MIT */
/*
 * The x86 side of SMP (arch/x86/kernel/smpboot.c, arch/x86/kernel/smp.c):
 * starting Application Processors with INIT-SIPI-SIPI, and the IPIs that
 * kernel/smp.c's cross-CPU calls and smp_send_reschedule() send through
 * the Local APIC. Linux reaches these through its smp_ops table; irqos
 * has one implementation, so the generic names are plain aliases.
 */
#ifndef _ASM_X86_SMP_H
#define _ASM_X86_SMP_H

#include <linux/types.h>
#include <linux/cpumask.h>

void native_smp_prepare_cpus(unsigned int max_cpus);
int native_cpu_up(unsigned int cpu);
void native_smp_cpus_done(unsigned int max_cpus);
#define smp_prepare_cpus native_smp_prepare_cpus
#define __cpu_up         native_cpu_up
#define smp_cpus_done    native_smp_cpus_done

void arch_send_call_function_single_ipi(int cpu);
void arch_send_call_function_ipi_mask(const struct cpumask *mask);

/* True once smp_ipi_init() installed the handlers: IPIs can be sent. */
extern bool smp_ipis_ready;
void smp_ipi_init(void);
/* Halt every other online CPU (REBOOT_VECTOR). */
void smp_send_stop(void);

/* Called on each AP by secondary_startup_64 (trampoline_64.S). */
void start_secondary(unsigned int cpu) __attribute__((__noreturn__));

#endif
