/* SPDX-License-Identifier: MIT */
/*
 * High-resolution timers (kernel/time/hrtimer.c): callbacks at a
 * nanosecond time on the monotonic clock, not rounded to the tick.
 *
 *	hrtimer_init(&t, CLOCK_MONOTONIC, HRTIMER_MODE_REL);
 *	t.function = fn;                      returns HRTIMER_NORESTART/RESTART
 *	hrtimer_start(&t, us_to_ktime(300), HRTIMER_MODE_REL);
 *	hrtimer_cancel(&t);                   disarm, wait for a running fn
 *
 * Default and _HARD timers run in hard interrupt context, from the local
 * APIC timer's interrupt; _SOFT timers run from HRTIMER_SOFTIRQ. With the
 * clock event in one-shot mode the timer interrupt is programmed for the
 * first hrtimer, so the resolution is the TSC's; with "highres=off" (or
 * before the LAPIC timer is the tick) they expire from the periodic tick.
 */
#ifndef _LINUX_HRTIMER_H
#define _LINUX_HRTIMER_H

#include <linux/types.h>
#include <linux/ktime.h>
#include <linux/list.h>

#define CLOCK_MONOTONIC 1

enum hrtimer_mode {
	HRTIMER_MODE_ABS      = 0x00,   /* @tim is a point in time */
	HRTIMER_MODE_REL      = 0x01,   /* @tim is a span from now */
	HRTIMER_MODE_PINNED   = 0x02,   /* accepted: timers stay where armed */
	HRTIMER_MODE_SOFT     = 0x04,   /* run from HRTIMER_SOFTIRQ */
	HRTIMER_MODE_HARD     = 0x08,   /* run in hard interrupt context */
	HRTIMER_MODE_ABS_SOFT = HRTIMER_MODE_ABS | HRTIMER_MODE_SOFT,
	HRTIMER_MODE_REL_SOFT = HRTIMER_MODE_REL | HRTIMER_MODE_SOFT,
	HRTIMER_MODE_ABS_HARD = HRTIMER_MODE_ABS | HRTIMER_MODE_HARD,
	HRTIMER_MODE_REL_HARD = HRTIMER_MODE_REL | HRTIMER_MODE_HARD,
};

enum hrtimer_restart {
	HRTIMER_NORESTART,      /* done */
	HRTIMER_RESTART,        /* re-queue at ->expires (hrtimer_forward first) */
};

#define HRTIMER_STATE_INACTIVE 0x00
#define HRTIMER_STATE_ENQUEUED 0x01

struct hrtimer_cpu_base;

/**
 * struct hrtimer - one high-resolution timer
 * @node:     link in its base's list, sorted by @expires
 * @expires:  when it is due (absolute, ns on the monotonic clock)
 * @function: the callback; its return value says whether to re-queue
 * @base:     the CPU base it is on (or the migration marker)
 * @state:    HRTIMER_STATE_*
 * @is_soft:  expires from HRTIMER_SOFTIRQ, not hard interrupt context
 */
struct hrtimer {
	struct list_head node;
	ktime_t expires;
	enum hrtimer_restart (*function)(struct hrtimer *);
	struct hrtimer_cpu_base *base;
	u8 state;
	bool is_soft;
};

void hrtimer_init(struct hrtimer *timer, int clock_id, enum hrtimer_mode mode);
void hrtimer_start_range_ns(struct hrtimer *timer, ktime_t tim, u64 range_ns,
			    enum hrtimer_mode mode);
/**
 * hrtimer_start - (re-)arm @timer
 * @timer: the timer, set up with hrtimer_init()
 * @tim:   expiry: absolute or relative, as @mode says
 * @mode:  HRTIMER_MODE_ABS or _REL (the _SOFT/_HARD part is hrtimer_init()'s)
 */
static inline void hrtimer_start(struct hrtimer *timer, ktime_t tim, enum hrtimer_mode mode)
{
	hrtimer_start_range_ns(timer, tim, 0, mode);
}
int hrtimer_try_to_cancel(struct hrtimer *timer);
int hrtimer_cancel(struct hrtimer *timer);
bool hrtimer_active(const struct hrtimer *timer);
u64 hrtimer_forward(struct hrtimer *timer, ktime_t now, ktime_t interval);
u64 hrtimer_forward_now(struct hrtimer *timer, ktime_t interval);
ktime_t hrtimer_get_remaining(const struct hrtimer *timer);

/** hrtimer_is_queued - is @timer pending (armed, callback not started)? */
static inline bool hrtimer_is_queued(const struct hrtimer *timer)
{
	return READ_ONCE(timer->state) & HRTIMER_STATE_ENQUEUED;
}
static inline void hrtimer_set_expires(struct hrtimer *timer, ktime_t t) { timer->expires = t; }
static inline ktime_t hrtimer_get_expires(const struct hrtimer *timer) { return timer->expires; }

/* "highres=off" clears it: no one-shot clock events, tick resolution. */
extern bool hrtimer_hres_enabled;

/* For the tick code (kernel/time/tick-common.c). */
void hrtimer_interrupt(void);
void hrtimer_run_queues(void);
ktime_t hrtimer_next_event(void);
unsigned long hrtimer_expired_cpu(unsigned int cpu);

int schedule_hrtimeout_range(ktime_t *expires, u64 delta, enum hrtimer_mode mode);
int schedule_hrtimeout(ktime_t *expires, enum hrtimer_mode mode);
void usleep_range(unsigned long min, unsigned long max);

#endif /* _LINUX_HRTIMER_H */
