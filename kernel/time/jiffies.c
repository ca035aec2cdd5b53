// SPDX-License-Identifier: MIT
/*
 * jiffies - the number of timer ticks since boot.
 *
 * The tick is the PIT's IRQ 0 at HZ per second (arch/x86/kernel/i8253.c,
 * time.c); each one is counted by tick_periodic() in tick-common.c, on one
 * CPU only (tick_do_timer_cpu), so a plain increment is enough: readers on
 * other CPUs see an aligned word that is either old or new, never torn.
 * Compare jiffies values only with time_after() and friends
 * (linux/jiffies.h), which stay right across the wrap at ULONG_MAX.
 *
 * It starts at 0 and does not advance until interrupts are enabled after
 * the initcalls: code that waits on jiffies must not run before that.
 */
#include <linux/jiffies.h>
#include <linux/compiler.h>

volatile unsigned long jiffies;
