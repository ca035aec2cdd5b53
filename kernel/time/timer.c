// SPDX-License-Identifier: MIT
/*
 * The timer wheel: timer_list timers on the jiffies timeline.
 *
 * Each CPU has a base holding a classic hierarchical ("cascading") wheel
 * of five levels, and @clk, the next jiffy the base has not processed:
 *
 *   level 0 (tv1)  256 buckets of 1 jiffy      timers due in [clk, clk + 2^8)
 *   level 1 (tv2)   64 buckets of 2^8 jiffies  due before clk + 2^14
 *   level 2 (tv3)   64 buckets of 2^14         due before clk + 2^20
 *   level 3 (tv4)   64 buckets of 2^20         due before clk + 2^26
 *   level 4 (tv5)   64 buckets of 2^26         everything later
 *
 * A level-0 bucket holds timers of exactly one expiry, so processing
 * jiffy j just runs bucket j % 256. Whenever the level-0 index wraps to 0,
 * the current bucket of level 1 is emptied and its timers are re-queued
 * ("cascaded") by their exact expiry, which lands them in level 0; when
 * level 1's index wraps too, level 2 cascades into level 1, and so on.
 * Precision guarantee: every timer runs at the first processed jiffy at or
 * after its ->expires, at any distance - there is no granularity loss.
 * Timers further out than level 4 reaches (2^32 jiffies) sit in the last
 * bucket level 4 can name and are re-queued, still exactly, when it
 * cascades. A timer armed for a jiffy already processed goes into the
 * level-0 bucket of @clk, so it runs at the next processed jiffy.
 *
 * Cost: arming and deleting are O(1); a processed jiffy costs its bucket,
 * plus, once every 256 jiffies, a cascade of one higher bucket. Linux's
 * current wheel trades the cascade for coarser expiry of far timers; this
 * one keeps the older exact design because it is easy to reason about.
 *
 * The tick calls run_local_timers() on every CPU in hard interrupt
 * context; it raises TIMER_SOFTIRQ only when the base may have something
 * to do (@next_expiry is a lower bound of the next due timer or cascade),
 * and the softirq runs the timers with interrupts on. A timer runs on the
 * CPU whose base it is on: the CPU that last armed it (add_timer_on()
 * picks one), unless it was still pending or running elsewhere.
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

#define TVR_BITS 8                      /* level 0 */
#define TVN_BITS 6                      /* levels 1..4 */
#define TVR_SIZE (1UL << TVR_BITS)
#define TVN_SIZE (1UL << TVN_BITS)
#define TVR_MASK (TVR_SIZE - 1)
#define TVN_MASK (TVN_SIZE - 1)
#define TVN_LEVELS 4
/* First jiffy distance that no longer fits level @n (0..4). */
#define LEVEL_END(n) (1UL << (TVR_BITS + (n) * TVN_BITS))
/* Index into level @n + 1 of jiffy @j. */
#define TVN_INDEX(j, n) (((j) >> (TVR_BITS + (n) * TVN_BITS)) & TVN_MASK)

/**
 * struct timer_base - one CPU's timers
 * @lock:          protects everything here and the queued timers' links
 * @running_timer: the timer whose function runs now, or NULL
 * @clk:           next jiffy to process
 * @next_expiry:   no pending timer expires before this (a lower bound)
 * @count:         pending timers
 * @clk_valid:     @clk has been set from jiffies once
 * @tv1:           level 0; each bucket a singly linked list with back pointers
 * @tvn:           levels 1..4
 * @cascades:      timers moved down a level (for tests and curiosity)
 */
struct timer_base {
	spinlock_t lock;
	struct timer_list *running_timer;
	unsigned long clk;
	unsigned long next_expiry;
	unsigned int count;
	bool clk_valid;
	unsigned long cascades;
	struct timer_list *tv1[TVR_SIZE];
	struct timer_list *tvn[TVN_LEVELS][TVN_SIZE];
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

/* The bucket for a timer due at @when, seen from @base->clk. */
static struct timer_list **timer_bucket(struct timer_base *base, unsigned long when)
{
	unsigned long delta = when - base->clk;
	unsigned int n;

	if ((long)delta < 0)                    /* already due */
		return &base->tv1[base->clk & TVR_MASK];
	if (delta < LEVEL_END(0))
		return &base->tv1[when & TVR_MASK];
	for (n = 0; n < TVN_LEVELS - 1; n++)
		if (delta < LEVEL_END(n + 1))
			return &base->tvn[n][TVN_INDEX(when, n)];
	/* Level 4 names at most 2^32 jiffies ahead: park a farther timer in
	 * the last bucket it can name; the cascade re-queues it exactly. */
	if (delta >= LEVEL_END(TVN_LEVELS))
		when = base->clk + LEVEL_END(TVN_LEVELS) - 1;
	return &base->tvn[TVN_LEVELS - 1][TVN_INDEX(when, TVN_LEVELS - 1)];
}

static void link_timer(struct timer_list **head, struct timer_list *timer)
{
	timer->next = *head;
	if (*head)
		(*head)->pprev = &timer->next;
	*head = timer;
	WRITE_ONCE(timer->pprev, head);
}

static void enqueue_timer(struct timer_base *base, struct timer_list *timer)
{
	unsigned long when = timer->expires;

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
	link_timer(timer_bucket(base, when), timer);
	if (time_after(when, base->clk | TVR_MASK))
		when = (base->clk | TVR_MASK) + 1;     /* it waits for a cascade */
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

/*
 * A lower bound of when @base next has work: the first non-empty level-0
 * bucket from @clk on, else the next cascade (level 0 wrapping), since
 * every timer in a higher level is due at or after it.
 */
static unsigned long base_next_expiry(struct timer_base *base)
{
	unsigned long j;

	for (j = base->clk; j != ((base->clk | TVR_MASK) + 1); j++)
		if (base->tv1[j & TVR_MASK])
			return j;
	return j;
}

/*
 * Move every timer in bucket @idx of level @n + 1 down by re-queueing it
 * for its expiry. Returns @idx: zero means this level wrapped too and
 * the next level up must cascade as well.
 */
static unsigned int cascade(struct timer_base *base, unsigned int n, unsigned int idx)
{
	struct timer_list *t = base->tvn[n][idx], *next;

	base->tvn[n][idx] = NULL;
	for (; t; t = next) {
		next = t->next;
		link_timer(timer_bucket(base, time_before(t->expires, base->clk) ?
					base->clk : t->expires), t);
		base->cascades++;
	}
	return idx;
}

/*
 * Process every jiffy up to now. At a level-0 wrap the higher levels
 * cascade first. A jiffy's bucket is then moved to a local list (its
 * timers still pending: del_timer() can take one off it), the base's
 * clock is advanced, and each is unlinked and called with the base
 * unlocked and interrupts on; @running_timer tells del_timer_sync() whose
 * function runs. Advancing first means a function that re-arms its timer
 * for "now" runs it at the next jiffy instead of looping here.
 */
static void __run_timers(struct timer_base *base)
{
	spin_lock_irq(&base->lock);
	while (base->count && time_after_eq(jiffies, base->clk)) {
		unsigned int idx = base->clk & TVR_MASK, n;
		struct timer_list *due, *t;

		for (n = 0; !idx && n < TVN_LEVELS; n++)
			if (cascade(base, n, TVN_INDEX(base->clk, n)))
				break;
		due = base->tv1[idx];
		base->tv1[idx] = NULL;
		if (due)
			WRITE_ONCE(due->pprev, &due);
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
 * timer_cascades_cpu - timers moved down a level of @cpu's wheel so far
 * @cpu: the CPU
 */
unsigned long timer_cascades_cpu(unsigned int cpu)
{
	return READ_ONCE(cpu_base(cpu)->cascades);
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

