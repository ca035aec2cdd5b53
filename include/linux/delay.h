/* SPDX-License-Identifier: MIT */
#ifndef _LINUX_DELAY_H
#define _LINUX_DELAY_H

/* Busy-wait delays, calibrated against the TSC (arch/x86/kernel/tsc.c). */
void udelay(unsigned long usecs);
void ndelay(unsigned long nsecs);
static inline void mdelay(unsigned long msecs)
{
	while (msecs--)
		udelay(1000);
}

/* Sleep at least @msecs on the timer wheel (kernel/time/sleep.c). */
void msleep(unsigned int msecs);
unsigned long msleep_interruptible(unsigned int msecs);

#endif
