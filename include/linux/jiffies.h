/* SPDX-License-Identifier: MIT */
/* jiffies: ticks of the periodic timer since boot, HZ per second. */
#ifndef _LINUX_JIFFIES_H
#define _LINUX_JIFFIES_H

#include <linux/types.h>

#ifndef HZ
#define HZ 250
#endif

extern volatile unsigned long jiffies;

/* Wrap-safe comparisons: true if a is after b. */
#define time_after(a, b)     ((long)((b) - (a)) < 0)
#define time_before(a, b)    time_after(b, a)
#define time_after_eq(a, b)  ((long)((a) - (b)) >= 0)
#define time_before_eq(a, b) time_after_eq(b, a)

static inline unsigned long msecs_to_jiffies(unsigned long ms)
{
	return (ms * HZ + 999) / 1000;
}
static inline unsigned long jiffies_to_msecs(unsigned long j)
{
	return j * 1000 / HZ;
}

#endif
