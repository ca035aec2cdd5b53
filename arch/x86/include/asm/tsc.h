/* SPDX-License-Identifier: MIT */
/* The time-stamp counter: rdtsc and its calibration against the PIT. */
#ifndef _ASM_X86_TSC_H
#define _ASM_X86_TSC_H

#include <linux/types.h>

static inline u64 rdtsc(void)
{
	u32 lo, hi;

	__asm__ __volatile__("rdtsc" : "=a"(lo), "=d"(hi));
	return ((u64)hi << 32) | lo;
}

extern unsigned long tsc_khz;   /* 0 until tsc_init() has calibrated */
void tsc_init(void);
/* Nanoseconds since tsc_init() (0 before). Used for printk timestamps. */
u64 local_clock(void);

#endif
