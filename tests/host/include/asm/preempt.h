/* SPDX-License-Identifier: MIT */
/* Host stand-in: one CPU, preempt_count in a plain variable the test defines. */
#ifndef _HOST_ASM_PREEMPT_H
#define _HOST_ASM_PREEMPT_H

extern unsigned long host_preempt_count;

static inline unsigned long preempt_count(void) { return host_preempt_count; }
#define __preempt_count_add(v) (host_preempt_count += (unsigned long)(v))
#define __preempt_count_sub(v) (host_preempt_count -= (unsigned long)(v))

#endif
