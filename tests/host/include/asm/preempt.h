/* SPDX-License-Identifier: MIT */
/* Host stand-in: one CPU, preempt_count in a plain variable the test defines. */
#ifndef _HOST_ASM_PREEMPT_H
#define _HOST_ASM_PREEMPT_H

/* Weak, so a test that does not look at it need not define it. */
__attribute__((weak)) unsigned long host_preempt_count;

static inline unsigned long preempt_count(void) { return host_preempt_count; }
#define __preempt_count_add(v) (host_preempt_count += (unsigned long)(v))
#define __preempt_count_sub(v) (host_preempt_count -= (unsigned long)(v))
static inline _Bool __preempt_count_dec_and_test(void) { return --host_preempt_count == 0; }
/* One thread, no scheduler: a preemption point does nothing. */
static inline void preempt_schedule(void) { }

#endif
