/* SPDX-License-Identifier: MIT */
/*
 * Symmetric multiprocessing: which CPU am I, and how CPUs ask each other
 * to do things (kernel/smp.c, arch/x86/kernel/smp.c).
 *
 * A cross-CPU function call queues a call_single_data ("csd") on the
 * target CPU's call queue and sends it an IPI (CALL_FUNCTION_VECTOR, or
 * CALL_FUNCTION_SINGLE_VECTOR for one target); the target runs the
 * function in its IPI handler, in hard-IRQ context with interrupts off.
 * With @wait the caller spins until every target has returned from the
 * function; then it must not have interrupts disabled (a target could be
 * waiting for this CPU in the same way: WARN, as Linux). A call aimed at
 * the calling CPU runs right there, with interrupts off, as it would in
 * the handler.
 *
 * smp_call_function_many() and smp_call_function() leave the calling CPU
 * out; on_each_cpu() and on_each_cpu_mask() include it.
 */
#ifndef _LINUX_SMP_H
#define _LINUX_SMP_H

#include <linux/types.h>
#include <linux/cpumask.h>
#include <asm/percpu.h>

#define smp_processor_id() this_cpu_read(cpu_number)
extern unsigned int nr_cpu_ids;

typedef void (*smp_call_func_t)(void *info);

/**
 * struct __call_single_data - one queued cross-CPU call
 * @next:  link in the target CPU's call queue
 * @func:  what to run on the target
 * @info:  its argument
 * @flags: CSD_FLAG_LOCK while queued or running; CSD_FLAG_SYNC when the
 *         sender waits for @func to return (else the slot is released
 *         before @func runs, so it can be reused at once)
 */
struct __call_single_data {
	struct __call_single_data *next;
	smp_call_func_t func;
	void *info;
	unsigned int flags;
};
typedef struct __call_single_data call_single_data_t;

#define CSD_FLAG_LOCK 0x01
#define CSD_FLAG_SYNC 0x02

int smp_call_function_single(int cpu, smp_call_func_t func, void *info, int wait);
void smp_call_function_many(const struct cpumask *mask, smp_call_func_t func,
			    void *info, bool wait);
void smp_call_function(smp_call_func_t func, void *info, int wait);
void on_each_cpu(smp_call_func_t func, void *info, int wait);
void on_each_cpu_mask(const struct cpumask *mask, smp_call_func_t func,
		      void *info, bool wait);
void smp_send_reschedule(int cpu);

/* Queue @csd (func, info, flags = CSD_FLAG_LOCK [| CSD_FLAG_SYNC]) on
 * @cpu - even this CPU - and send the IPI if its queue was empty. */
void __smp_call_single_queue(int cpu, call_single_data_t *csd);

/* Run this CPU's queued calls: the call-function IPI handlers' work. */
void generic_smp_call_function_single_interrupt(void);
#define generic_smp_call_function_interrupt generic_smp_call_function_single_interrupt

/* Bring up the secondary CPUs (kernel/smp.c), once, at boot. */
void smp_init(void);
/* Start one CPU (kernel/cpu.c): 0, or -errno if it did not come online. */
int cpu_up(unsigned int cpu);

#endif
