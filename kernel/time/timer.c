// SPDX-License-Identifier: MIT
/*
 * The timer wheel: timer_list timers on the jiffies timeline.
 *
 * Each CPU has a base: a wheel of WHEEL_SIZE buckets, a timer in bucket
 * (expires % WHEEL_SIZE), and @clk, the next jiffy the base has not
 * processed yet. Processing jiffy j walks bucket j % WHEEL_SIZE and runs
 * the timers in it whose expiry has come; a timer more than WHEEL_SIZE
 * jiffies out stays in its bucket and is skipped until its lap comes.
 * A timer armed for a jiffy the base has already processed goes into the
 * bucket of @clk, so it runs at the next processed jiffy - never lost.
 *
 * Cost: arming and deleting are O(1); each processed jiffy costs the length
 * of one bucket, i.e. O(timers / WHEEL_SIZE) for evenly spread expiries.
 * This is a single-level hashed wheel, simpler than Linux's multi-level
 * wheel: no cascading, and exact expiry at every distance, at the price of
 * long timers being looked at once per lap.
 *
 * The tick calls run_local_timers() on every CPU in hard interrupt
 * context; it raises TIMER_SOFTIRQ only when the base may have something
 * due (@next_expiry is a lower bound of the earliest expiry), and the
 * softirq runs the timers with interrupts on. A timer runs on the CPU
 * whose base it is on: the CPU that last armed it (add_timer_on() picks
 * one), unless it was still pending or running elsewhere.
 */
#include <linux/kernel.h>
#include <linux/timer.h>
#include <linux/jiffies.h>
#include <linux/interrupt.h>
#include <linux/spinlock.h>
#include <linux/percpu.h>
#include <linux/smp.h>
#include <linux/bug.h>
#include <asm/processor.h>

#define WHEEL_BITS 8
#define WHEEL_SIZE (1U << WHEEL_BITS)
#define WHEEL_MASK (WHEEL_SIZE - 1)

/**
 * struct timer_base - one CPU's timers
 * @lock:          protects everything here and the queued timers' links
 * @running_timer: the timer whose function runs now, or NULL
 * @clk:           next jiffy to process
 * @next_expiry:   no pending timer expires before this (a lower bound)
 * @count:         pending timers
 * @clk_valid:     @clk has been set from jiffies once
 * @buckets:       the wheel; each a singly linked list with back pointers
 */
struct timer_base {
	spinlock_t lock;
	struct timer_list *running_timer;
	unsigned long clk;
	unsigned long next_expiry;
	unsigned int count;
	bool clk_valid;
	struct timer_list *buckets[WHEEL_SIZE];
};
static DEFINE_PER_CPU(struct timer_base, timer_bases);

static struct timer_base *cpu_base(unsigned int cpu)
{
	return &per_cpu(timer_bases, cpu);
}

/**
 * timer_setup - initialise @timer to call @function; it is not armed
 * @timer:    the timer
 * @function: called in softirq context when it expires
 * @flags:    TIMER_DEFERRABLE, TIMER_PINNED, TIMER_IRQSAFE
 */
void timer_setup(struct timer_list *timer, void (*function)(struct timer_list *),
		 unsigned int flags)
{
	timer->next = NULL;
	timer->pprev = NULL;
	timer->expires = 0;
	timer->function = function;
	timer->flags = (flags & TIMER_INIT_FLAGS) | smp_processor_id();
}

/*
 * Lock the base @timer is on and return it. A timer moving between bases
 * is marked TIMER_MIGRATING meanwhile; wait for the move to end.
 */
static struct timer_base *lock_timer_base(struct timer_list *timer, unsigned long *flags)
{
	for (;;) {
		u32 tf = READ_ONCE(timer->flags);

		if (!(tf & TIMER_MIGRATING)) {
			struct timer_base *base = cpu_base(tf & TIMER_CPUMASK);

			spin_lock_irqsave(&base->lock, *flags);
			if (READ_ONCE(timer->flags) == tf)
				return base;
			spin_unlock_irqrestore(&base->lock, *flags);
		}
		cpu_relax();
	}
}

static void detach_timer(struct timer_base *base, struct timer_list *timer)
{
	*timer->pprev = timer->next;
	if (timer->next)
		timer->next->pprev = timer->pprev;
	timer->next = NULL;
	WRITE_ONCE(timer->pprev, NULL);
	base->count--;
}

static void enqueue_timer(struct timer_base *base, struct timer_list *timer)
{
	unsigned long when = timer->expires;
	struct timer_list **head;

	if (!base->count && (!base->clk_valid || time_after(jiffies, base->clk) ||
			     time_after(base->clk, jiffies + 1))) {
		/* Nothing queued: skip the idle jiffies instead of walking
		 * them. (@clk is at most jiffies + 1 - the jiffy after the
		 * one being processed - unless jiffies was set by hand.) */
		base->clk = jiffies;
		base->clk_valid = true;
	}
	if (time_before(when, base->clk))
		when = base->clk;
	head = &base->buckets[when & WHEEL_MASK];
	timer->next = *head;
	if (*head)
		(*head)->pprev = &timer->next;
	*head = timer;
	WRITE_ONCE(timer->pprev, head);
	if (!base->count || time_before(when, base->next_expiry))
		WRITE_ONCE(base->next_expiry, when);
	base->count++;
}

/*
 * Arm @timer for @expires on @cpu's base - or on the base it is on, if it
 * is pending there or its function runs there (so del_timer_sync() finds
 * it). Returns whether it was pending.
 */
static int __mod_timer(struct timer_list *timer, unsigned long expires, unsigned int cpu)
{
	struct timer_base *base, *new_base;
	unsigned long flags;
	int was_pending;

	if (!READ_ONCE(timer->function) && WARN_ON_ONCE(1))
		return 0;
	init_timers();
	base = lock_timer_base(timer, &flags);
	was_pending = timer_pending(timer);
	if (was_pending)
		detach_timer(base, timer);
	new_base = cpu_base(cpu);
	if (new_base != base && base->running_timer != timer &&
	    !(timer->flags & TIMER_PINNED)) {
		WRITE_ONCE(timer->flags, (timer->flags & ~TIMER_CPUMASK) | TIMER_MIGRATING);
		spin_unlock(&base->lock);
		spin_lock(&new_base->lock);
		base = new_base;
		WRITE_ONCE(timer->flags, (timer->flags & ~(TIMER_CPUMASK | TIMER_MIGRATING)) | cpu);
	}
	timer->expires = expires;
	enqueue_timer(base, timer);
	spin_unlock_irqrestore(&base->lock, flags);
	return was_pending;
}

/**
 * mod_timer - (re-)arm @timer for jiffy @expires, on this CPU
 * @timer:   the timer, set up with timer_setup()
 * @expires: absolute jiffies value; a past one runs at the next tick
 *
 * Return: 1 if it was pending (it is moved), 0 if it was not.
 */
int mod_timer(struct timer_list *timer, unsigned long expires)
{
	return __mod_timer(timer, expires, smp_processor_id());
}

/**
 * add_timer - arm a timer that is not pending for its ->expires
 * @timer: the timer
 */
void add_timer(struct timer_list *timer)
{
	WARN_ON_ONCE(timer_pending(timer));
	__mod_timer(timer, timer->expires, smp_processor_id());
}

/**
 * add_timer_on - as add_timer(), on @cpu's base: it runs on @cpu
 * @timer: the timer
 * @cpu:   an online CPU
 */
void add_timer_on(struct timer_list *timer, int cpu)
{
	WARN_ON_ONCE(timer_pending(timer));
	__mod_timer(timer, timer->expires, cpu);
}

/**
 * del_timer - disarm @timer; its function may still be running elsewhere
 * @timer: the timer
 *
 * Return: 1 if it was pending, 0 if not.
 */
int del_timer(struct timer_list *timer)
{
	struct timer_base *base;
	unsigned long flags;
	int was_pending;

	if (!timer_pending(timer))
		return 0;
	base = lock_timer_base(timer, &flags);
	was_pending = timer_pending(timer);
	if (was_pending)
		detach_timer(base, timer);
	spin_unlock_irqrestore(&base->lock, flags);
	return was_pending;
}

/**
 * del_timer_sync - disarm @timer and wait until its function has returned
 * @timer: the timer
 *
 * Spins while the function runs on another CPU. Not from the timer's own
 * function, nor from interrupt context while it may run on this CPU: that
 * would wait for itself.
 *
 * Return: 1 if it was pending, 0 if not.
 */
int del_timer_sync(struct timer_list *timer)
{
	for (;;) {
		struct timer_base *base;
		unsigned long flags;
		int was_pending;

		base = lock_timer_base(timer, &flags);
		if (base->running_timer != timer) {
			was_pending = timer_pending(timer);
			if (was_pending)
				detach_timer(base, timer);
			spin_unlock_irqrestore(&base->lock, flags);
			return was_pending;
		}
		spin_unlock_irqrestore(&base->lock, flags);
		cpu_relax();
	}
}

/* The earliest expiry in @base, found by looking at every queued timer. */
static unsigned long base_next_expiry(struct timer_base *base)
{
	unsigned long next = base->clk + WHEEL_SIZE;
	unsigned int i;

	for (i = 0; i < WHEEL_SIZE; i++) {
		struct timer_list *t;

		for (t = base->buckets[i]; t; t = t->next)
			if (time_before(t->expires, next))
				next = t->expires;
	}
	return next;
}

/*
 * Process every jiffy up to now. A jiffy's due timers are first moved to a
 * local list (still pending: del_timer() can take one off it), the base's
 * clock is advanced, and then each is unlinked and called with the base
 * unlocked and interrupts on; @running_timer tells del_timer_sync() whose
 * function runs. Advancing first means a function that re-arms its timer
 * for "now" runs it at the next jiffy instead of looping here.
 */
static void __run_timers(struct timer_base *base)
{
	spin_lock_irq(&base->lock);
	while (base->count && time_after_eq(jiffies, base->clk)) {
		struct timer_list **pp = &base->buckets[base->clk & WHEEL_MASK];
		struct timer_list *due = NULL, **tail = &due, *t;

		while ((t = *pp)) {
			if (time_after(t->expires, base->clk)) {
				pp = &t->next;          /* a later lap */
				continue;
			}
			*pp = t->next;                  /* unlink from the bucket */
			if (t->next)
				t->next->pprev = pp;
			t->next = NULL;
			*tail = t;                      /* append to @due */
			WRITE_ONCE(t->pprev, tail);
			tail = &t->next;
		}
		base->clk++;
		while ((t = due)) {
			void (*fn)(struct timer_list *) = t->function;

			detach_timer(base, t);
			base->running_timer = t;
			spin_unlock_irq(&base->lock);
			fn(t);
			spin_lock_irq(&base->lock);
			base->running_timer = NULL;
		}
	}
	if (!base->count && time_after(jiffies, base->clk))
		base->clk = jiffies;
	WRITE_ONCE(base->next_expiry, base->count ? base_next_expiry(base) : base->clk);
	spin_unlock_irq(&base->lock);
}

/**
 * run_timer_softirq - TIMER_SOFTIRQ's action: run this CPU's due timers
 */
void run_timer_softirq(void)
{
	__run_timers(this_cpu_ptr(&timer_bases));
}

/**
 * run_local_timers - from the tick: raise TIMER_SOFTIRQ if a timer is due
 *
 * Hard interrupt context. Reads the base without its lock: a stale value
 * only moves the softirq to the next tick.
 */
void run_local_timers(void)
{
	struct timer_base *base = this_cpu_ptr(&timer_bases);

	if (READ_ONCE(base->count) && time_after_eq(jiffies, READ_ONCE(base->next_expiry)))
		raise_softirq_irqoff(TIMER_SOFTIRQ);
}

/**
 * init_timers - attach TIMER_SOFTIRQ's action (idempotent)
 *
 * Done on the first arming, so timers work whenever this file is linked.
 */
void init_timers(void)
{
	static bool done;

	if (!READ_ONCE(done)) {
		open_softirq(TIMER_SOFTIRQ, run_timer_softirq);
		WRITE_ONCE(done, true);
	}
}

