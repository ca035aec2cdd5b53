/* SPDX-License-Identifier: MIT */
/*
 * ktime_t: a point or a span on the monotonic clock, in nanoseconds.
 *
 * CLOCK_MONOTONIC here is the TSC as read by local_clock()
 * (arch/x86/kernel/tsc.c): nanoseconds since tsc_init(), never stepped.
 * A signed 64-bit count of ns lasts 292 years, so plain arithmetic does.
 */
#ifndef _LINUX_KTIME_H
#define _LINUX_KTIME_H

#include <linux/types.h>

typedef s64 ktime_t;

#ifndef NSEC_PER_USEC
#define NSEC_PER_USEC 1000ULL
#endif
#ifndef NSEC_PER_MSEC
#define NSEC_PER_MSEC 1000000ULL
#endif
#ifndef NSEC_PER_SEC
#define NSEC_PER_SEC 1000000000ULL
#endif

#define KTIME_MAX ((ktime_t)~(1ULL << 63))

u64 local_clock(void);

/**
 * ktime_get - the monotonic clock now
 *
 * Return: ns since boot (the TSC's calibration), 0 before tsc_init().
 */
static inline ktime_t ktime_get(void)
{
	return (ktime_t)local_clock();
}

static inline ktime_t ns_to_ktime(u64 ns) { return (ktime_t)ns; }
static inline ktime_t us_to_ktime(u64 us) { return (ktime_t)(us * NSEC_PER_USEC); }
static inline ktime_t ms_to_ktime(u64 ms) { return (ktime_t)(ms * NSEC_PER_MSEC); }
static inline s64 ktime_to_ns(ktime_t kt) { return kt; }
static inline s64 ktime_to_us(ktime_t kt) { return kt / (s64)NSEC_PER_USEC; }
static inline s64 ktime_to_ms(ktime_t kt) { return kt / (s64)NSEC_PER_MSEC; }
static inline ktime_t ktime_add(ktime_t a, ktime_t b) { return a + b; }
static inline ktime_t ktime_sub(ktime_t a, ktime_t b) { return a - b; }
static inline ktime_t ktime_add_ns(ktime_t kt, u64 ns) { return kt + (s64)ns; }
static inline ktime_t ktime_add_us(ktime_t kt, u64 us) { return kt + (s64)(us * NSEC_PER_USEC); }

/** ktime_compare - <0, 0 or >0 as @a is before, at or after @b */
static inline int ktime_compare(ktime_t a, ktime_t b)
{
	return a < b ? -1 : a > b;
}
static inline bool ktime_before(ktime_t a, ktime_t b) { return a < b; }
static inline bool ktime_after(ktime_t a, ktime_t b) { return a > b; }
static inline s64 ktime_us_delta(ktime_t later, ktime_t earlier)
{
	return ktime_to_us(later - earlier);
}

#endif /* _LINUX_KTIME_H */
