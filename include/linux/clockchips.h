/* SPDX-License-Identifier: MIT */
/*
 * Clock event devices: per-CPU timers that interrupt once at a programmed
 * time. The local APIC timer is one (arch/x86/kernel/apic/apic.c, one-shot
 * or TSC-deadline mode); kernel/time/tick-common.c drives it, programming
 * it for the earlier of the next tick and the first hrtimer, and
 * emulating the periodic tick when the tick's time comes.
 */
#ifndef _LINUX_CLOCKCHIPS_H
#define _LINUX_CLOCKCHIPS_H

#include <linux/ktime.h>

/**
 * struct clock_event_device - a per-CPU one-shot event source
 * @name:          for messages
 * @set_next_ktime: interrupt at (or very soon after) @expires on the
 *                 monotonic clock; a time in the past interrupts at once
 * @events:        times it was programmed
 */
struct clock_event_device {
	const char *name;
	int (*set_next_ktime)(ktime_t expires, struct clock_event_device *dev);
	unsigned long events;
};

/* kernel/time/tick-common.c */
void tick_setup_oneshot(struct clock_event_device *dev);
void tick_handle_oneshot(struct clock_event_device *dev);
void tick_program_next_event(void);
bool tick_oneshot_active(void);

#endif /* _LINUX_CLOCKCHIPS_H */
