/* SPDX-License-Identifier: MIT */
/* preempt_count lives in a per-CPU word, updated with one %gs instruction. */
#ifndef _ASM_X86_PREEMPT_H
#define _ASM_X86_PREEMPT_H

#include <asm/percpu.h>

DECLARE_PER_CPU(unsigned long, __preempt_count);

static __always_inline unsigned long preempt_count(void)
{
	return this_cpu_read(__preempt_count);
}
#define __preempt_count_add(v) this_cpu_add(__preempt_count, (unsigned long)(v))
#define __preempt_count_sub(v) this_cpu_add(__preempt_count, -(unsigned long)(v))

/* Drop the count by one; true if it reached 0 (a "dec; sete" on %gs). */
static __always_inline bool __preempt_count_dec_and_test(void)
{
	bool zero;

	__asm__ __volatile__("decq %%gs:%0; sete %1"
			     : "+m"(__preempt_count), "=qm"(zero) :: "memory");
	return zero;
}

/* kernel/sched/core.c: reschedule now if asked to and allowed to. */
void preempt_schedule(void);

#endif
