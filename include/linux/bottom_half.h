/* SPDX-License-Identifier: MIT */
/*
 * Bottom-half (softirq) disabling, as Linux's <linux/bottom_half.h>.
 *
 * local_bh_disable() adds SOFTIRQ_DISABLE_OFFSET to preempt_count, so
 * in_softirq() is true and no softirq runs on this CPU - not at irq_exit(),
 * not from another local_bh_enable() - until the matching
 * local_bh_enable(). That is how task code shares data with a softirq or
 * tasklet on the same CPU without turning interrupts off. Disabling nests;
 * the last local_bh_enable() runs what became pending meanwhile.
 */
#ifndef _LINUX_BOTTOM_HALF_H
#define _LINUX_BOTTOM_HALF_H

void local_bh_disable(void);
void local_bh_enable(void);

#endif
