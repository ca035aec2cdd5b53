/* SPDX-License-Identifier: MIT */
/*
 * Timers on the jiffies timeline (kernel/time/timer.c): a timer_list runs
 * its function once, in TIMER_SOFTIRQ on the CPU whose base it is queued
 * on, at the first tick at or after @expires.
 *
 *	timer_setup(&t, fn, 0);
 *	mod_timer(&t, jiffies + HZ / 10);   (re-)arm; from any context
 *	del_timer_sync(&t);                 disarm and wait for a running fn
 */
#ifndef _LINUX_TIMER_H
#define _LINUX_TIMER_H

#include <linux/types.h>
#include <linux/compiler.h>

/**
 * struct timer_list - one timer
 * @next:     link in its wheel bucket (or the list being run)
 * @pprev:    the pointer that points at this timer; NULL when not pending
 * @expires:  the jiffy it is due at
 * @function: called in softirq context with the timer
 * @flags:    TIMER_* flags and, in TIMER_CPUMASK, the CPU of its base
 */
struct timer_list {
	struct timer_list *next;
	struct timer_list **pprev;
	unsigned long expires;
	void (*function)(struct timer_list *);
	u32 flags;
};

/* @flags layout, as Linux. */
#define TIMER_CPUMASK    0x0003FFFF
#define TIMER_MIGRATING  0x00040000   /* between two bases; wait */
#define TIMER_DEFERRABLE 0x00080000   /* accepted; the tick is periodic anyway */
#define TIMER_PINNED     0x00100000   /* stays on its CPU when re-armed */
#define TIMER_IRQSAFE    0x00200000   /* accepted; all functions run irqs-on */
#define TIMER_INIT_FLAGS (TIMER_DEFERRABLE | TIMER_PINNED | TIMER_IRQSAFE)

#define __TIMER_INITIALIZER(_function, _flags) {			\
		.function = (_function), .flags = (_flags) }
/* A static timer, on CPU 0's base until first armed elsewhere. */
#define DEFINE_TIMER(_name, _function)					\
	struct timer_list _name = __TIMER_INITIALIZER(_function, 0)

void timer_setup(struct timer_list *timer, void (*function)(struct timer_list *),
		 unsigned int flags);

/**
 * timer_pending - is @timer queued (armed and not yet run)?
 * @timer: the timer
 */
static inline bool timer_pending(const struct timer_list *timer)
{
	return READ_ONCE(timer->pprev) != NULL;
}

int mod_timer(struct timer_list *timer, unsigned long expires);
void add_timer(struct timer_list *timer);
void add_timer_on(struct timer_list *timer, int cpu);
int del_timer(struct timer_list *timer);
int del_timer_sync(struct timer_list *timer);

void run_local_timers(void);
void run_timer_softirq(void);
void init_timers(void);
unsigned long timer_cascades_cpu(unsigned int cpu);

#endif
