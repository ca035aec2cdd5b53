/* SPDX-License-Identifier: MIT */
/*
 * The periodic tick (kernel/time/tick-common.c): what the kernel does on
 * every interrupt of the tick device (the PIT, IRQ 0, HZ times a second).
 */
#ifndef _LINUX_TICK_H
#define _LINUX_TICK_H

/* The CPU that advances jiffies: the one that receives the PIT's IRQ 0. */
extern int tick_do_timer_cpu;

/* Ticks handled, on any CPU (only those on tick_do_timer_cpu advance
 * jiffies, so tick_count - jiffies counts ticks that went elsewhere). */
extern unsigned long tick_count;

void tick_periodic(int cpu);

#endif /* _LINUX_TICK_H */
