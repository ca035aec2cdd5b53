// SPDX-License-Identifier: MIT
/*
 * High-resolution timers: callbacks at a nanosecond time on the monotonic
 * clock (ktime_get(), the TSC), independent of the jiffies tick.
 *
 * Each CPU has a base with two lists of queued timers sorted by expiry:
 * one for timers that run in hard interrupt context (the default and
 * HRTIMER_MODE_*_HARD) and one for HRTIMER_MODE_*_SOFT timers, which run
 * from HRTIMER_SOFTIRQ, as in Linux. A sorted list makes arming O(n) and
 * finding the next expiry O(1); with the handful of timers a CPU has here
 * that beats a tree for readability.
 *
 * Expiry. In high-resolution mode the CPU's clock event device (the local
 * APIC timer, one-shot or TSC-deadline) is programmed by
 * kernel/time/tick-common.c for the earlier of the next tick and the first
 * queued hrtimer (hrtimer_next_event()); its interrupt calls
 * hrtimer_interrupt(), which runs the due hard timers and raises
 * HRTIMER_SOFTIRQ for due soft ones. Arming a timer that becomes the
 * first one reprograms the device. Without a one-shot device ("highres=off",
 * "nolapic", or before the LAPIC timer takes over the tick) the periodic
 * tick calls hrtimer_run_queues() and timers expire with tick resolution.
 *
 * A timer is armed on the CPU that calls hrtimer_start(), unless its
 * callback is running right now: then it stays on its base, so
 * hrtimer_cancel() - which waits for a running callback - finds it. A
 * timer moving between bases points at migration_base meanwhile.
 */
#include <linux/kernel.h>
#include <linux/hrtimer.h>
#include <linux/clockchips.h>
#include <linux/interrupt.h>
#include <linux/spinlock.h>
#include <linux/percpu.h>
#include <linux/smp.h>
#include <linux/sched.h>
#include <linux/init.h>
#include <linux/string.h>
#include <linux/bug.h>
#include <linux/errno.h>
#include <linux/shell.h>
#include <asm/processor.h>

enum { HRTIMER_BASE_HARD, HRTIMER_BASE_SOFT, HRTIMER_NR_BASES };

/**
 * struct hrtimer_cpu_base - one CPU's hrtimers
 * @lock:              protects the lists and the timers' state on them
 * @active:            queued timers, by expiry: [HARD] and [SOFT]
 * @running:           the timer whose callback runs now, per list, or NULL
 * @softirq_activated: HRTIMER_SOFTIRQ is raised for due soft timers
 * @ready:             the lists are initialised
 * @nr_expired:        callbacks run on this CPU
 */
struct hrtimer_cpu_base {
	spinlock_t lock;
	struct list_head active[HRTIMER_NR_BASES];
	struct hrtimer *running[HRTIMER_NR_BASES];
	bool softirq_activated;
	bool ready;
	unsigned long nr_expired;
};
static DEFINE_PER_CPU(struct hrtimer_cpu_base, hrtimer_bases);
static struct hrtimer_cpu_base migration_base;   /* marker only, never locked */

/* "highres=off": keep the periodic tick; hrtimers expire from it. */
bool hrtimer_hres_enabled = true;

static int __init setup_hrtimer_hres(char *arg)
{
	if (!arg)
		return -EINVAL;
	if (!strcmp(arg, "off"))
		hrtimer_hres_enabled = false;
	else if (!strcmp(arg, "on"))
		hrtimer_hres_enabled = true;
	else
		return -EINVAL;
	return 0;
}
early_param("highres", setup_hrtimer_hres);

static void hrtimer_run_softirq(void);

/* This CPU's base, initialised on first use. Interrupts off. */
static struct hrtimer_cpu_base *this_cpu_hrtimer_base(void)
{
	struct hrtimer_cpu_base *base = this_cpu_ptr(&hrtimer_bases);
	static bool softirq_open;

	if (!base->ready) {
		INIT_LIST_HEAD(&base->active[HRTIMER_BASE_HARD]);
		INIT_LIST_HEAD(&base->active[HRTIMER_BASE_SOFT]);
		WRITE_ONCE(base->ready, true);
	}
	if (!READ_ONCE(softirq_open)) {
		open_softirq(HRTIMER_SOFTIRQ, hrtimer_run_softirq);
		WRITE_ONCE(softirq_open, true);
	}
	return base;
}

/**
 * hrtimer_init - initialise @timer; it is not armed
 * @timer:    the timer; set ->function afterwards
 * @clock_id: CLOCK_MONOTONIC (the only clock)
 * @mode:     HRTIMER_MODE_*; only its _SOFT/_HARD part is kept here
 */
void hrtimer_init(struct hrtimer *timer, int clock_id, enum hrtimer_mode mode)
{
	unsigned long flags;

	WARN_ON_ONCE(clock_id != CLOCK_MONOTONIC);
	memset(timer, 0, sizeof(*timer));
	INIT_LIST_HEAD(&timer->node);
	timer->is_soft = mode & HRTIMER_MODE_SOFT;
	local_irq_save(flags);
	timer->base = this_cpu_hrtimer_base();
	local_irq_restore(flags);
}

static bool callback_running(const struct hrtimer_cpu_base *base, const struct hrtimer *timer)
{
	return READ_ONCE(base->running[HRTIMER_BASE_HARD]) == timer ||
	       READ_ONCE(base->running[HRTIMER_BASE_SOFT]) == timer;
}

/* Lock the base @timer is on; wait out a move between bases. */
static struct hrtimer_cpu_base *lock_hrtimer_base(const struct hrtimer *timer,
						  unsigned long *flags)
{
	for (;;) {
		struct hrtimer_cpu_base *base = READ_ONCE(timer->base);

		if (base != &migration_base) {
			spin_lock_irqsave(&base->lock, *flags);
			if (READ_ONCE(timer->base) == base)
				return base;
			spin_unlock_irqrestore(&base->lock, *flags);
		}
		cpu_relax();
	}
}

/* Queue @timer in expiry order (after equal ones); true if it is first. */
static bool enqueue_hrtimer(struct hrtimer_cpu_base *base, struct hrtimer *timer)
{
	struct list_head *head = &base->active[timer->is_soft];
	struct hrtimer *pos;

	list_for_each_entry(pos, head, node)
		if (pos->expires > timer->expires)
			break;
	list_add_tail(&timer->node, &pos->node);        /* before @pos */
	WRITE_ONCE(timer->state, HRTIMER_STATE_ENQUEUED);
	return head->next == &timer->node;
}

static void remove_hrtimer(struct hrtimer *timer)
{
	list_del_init(&timer->node);
	WRITE_ONCE(timer->state, HRTIMER_STATE_INACTIVE);
}

/**
 * hrtimer_start_range_ns - (re-)arm @timer on this CPU
 * @timer:    the timer
 * @tim:      expiry, absolute or relative to now as @mode says
 * @range_ns: allowed slack; ignored (timers expire at @tim)
 * @mode:     HRTIMER_MODE_ABS or HRTIMER_MODE_REL
 *
 * A pending timer is moved. If it becomes this CPU's first timer, the
 * clock event device is reprogrammed for it.
 */
void hrtimer_start_range_ns(struct hrtimer *timer, ktime_t tim, u64 range_ns,
			    enum hrtimer_mode mode)
{
	struct hrtimer_cpu_base *base, *new_base;
	unsigned long flags;
	bool first;

	(void)range_ns;
	if (WARN_ON_ONCE(!timer->function))
		return;
	base = lock_hrtimer_base(timer, &flags);
	if (timer->state & HRTIMER_STATE_ENQUEUED)
		remove_hrtimer(timer);
	if (mode & HRTIMER_MODE_REL)
		tim = ktime_add(ktime_get(), tim);
	timer->expires = tim;
	new_base = this_cpu_hrtimer_base();
	if (new_base != base && !callback_running(base, timer)) {
		WRITE_ONCE(timer->base, &migration_base);
		spin_unlock(&base->lock);
		spin_lock(&new_base->lock);
		WRITE_ONCE(timer->base, new_base);
		base = new_base;
	}
	first = enqueue_hrtimer(base, timer);
	spin_unlock(&base->lock);
	if (first && base == new_base)
		tick_program_next_event();
	local_irq_restore(flags);
}

/**
 * hrtimer_try_to_cancel - disarm @timer unless its callback is running
 * @timer: the timer
 *
 * Return: 1 if it was queued (now it is not), 0 if it was not queued,
 * -1 if its callback runs right now (nothing was changed).
 */
int hrtimer_try_to_cancel(struct hrtimer *timer)
{
	struct hrtimer_cpu_base *base;
	unsigned long flags;
	int ret = 0;

	base = lock_hrtimer_base(timer, &flags);
	if (callback_running(base, timer))
		ret = -1;
	else if (timer->state & HRTIMER_STATE_ENQUEUED) {
		remove_hrtimer(timer);
		ret = 1;
	}
	spin_unlock_irqrestore(&base->lock, flags);
	return ret;
}

/**
 * hrtimer_cancel - disarm @timer and wait for a running callback to return
 * @timer: the timer
 *
 * Spins while the callback runs on another CPU. Not from the callback
 * itself, nor from a context that interrupted it on this CPU.
 *
 * Return: 1 if it was queued, 0 if not.
 */
int hrtimer_cancel(struct hrtimer *timer)
{
	for (;;) {
		int ret = hrtimer_try_to_cancel(timer);

		if (ret >= 0)
			return ret;
		cpu_relax();
	}
}

/**
 * hrtimer_active - is @timer queued or its callback running?
 * @timer: the timer
 */
bool hrtimer_active(const struct hrtimer *timer)
{
	struct hrtimer_cpu_base *base = READ_ONCE(timer->base);

	return hrtimer_is_queued(timer) ||
	       (base != &migration_base && callback_running(base, timer));
}

/**
 * hrtimer_forward - push @timer's expiry past @now in steps of @interval
 * @timer:    a timer that is not queued (typically from its callback)
 * @now:      the time to pass
 * @interval: the period
 *
 * Return: the number of periods added (overruns + 1), 0 if ->expires was
 * already after @now.
 */
u64 hrtimer_forward(struct hrtimer *timer, ktime_t now, ktime_t interval)
{
	ktime_t delta = ktime_sub(now, timer->expires);
	u64 n;

	if (delta < 0)
		return 0;
	if (WARN_ON_ONCE(hrtimer_is_queued(timer)) || WARN_ON_ONCE(interval <= 0))
		return 0;
	n = (u64)delta / (u64)interval + 1;
	timer->expires += (ktime_t)n * interval;
	return n;
}

/**
 * hrtimer_forward_now - hrtimer_forward() past ktime_get()
 * @timer:    the timer
 * @interval: the period
 */
u64 hrtimer_forward_now(struct hrtimer *timer, ktime_t interval)
{
	return hrtimer_forward(timer, ktime_get(), interval);
}

/**
 * hrtimer_get_remaining - time left until @timer's expiry (may be < 0)
 * @timer: the timer
 */
ktime_t hrtimer_get_remaining(const struct hrtimer *timer)
{
	return ktime_sub(READ_ONCE(timer->expires), ktime_get());
}

/*
 * Run the timers of list @idx due at @now. The callback runs with the
 * base unlocked (and, for soft timers, interrupts on); a timer it returns
 * HRTIMER_RESTART for is queued again at its (forwarded) ->expires unless
 * the callback already re-armed it.
 */
static void __run_hrtimer_list(struct hrtimer_cpu_base *base, int idx, ktime_t now)
{
	struct list_head *head = &base->active[idx];

	while (!list_empty(head)) {
		struct hrtimer *t = list_first_entry(head, struct hrtimer, node);
		enum hrtimer_restart (*fn)(struct hrtimer *) = t->function;
		enum hrtimer_restart restart;

		if (t->expires > now)
			break;
		remove_hrtimer(t);
		WRITE_ONCE(base->running[idx], t);
		if (idx == HRTIMER_BASE_SOFT) {
			spin_unlock_irq(&base->lock);
			restart = fn(t);
			spin_lock_irq(&base->lock);
		} else {
			spin_unlock(&base->lock);
			restart = fn(t);
			spin_lock(&base->lock);
		}
		if (restart == HRTIMER_RESTART && !(t->state & HRTIMER_STATE_ENQUEUED))
			enqueue_hrtimer(base, t);
		base->nr_expired++;
		WRITE_ONCE(base->running[idx], NULL);
	}
}

static bool list_due(struct hrtimer_cpu_base *base, int idx, ktime_t now)
{
	struct list_head *head = &base->active[idx];

	return !list_empty(head) && list_first_entry(head, struct hrtimer, node)->expires <= now;
}

/**
 * hrtimer_interrupt - run this CPU's due hard timers; raise the softirq
 *
 * From the clock event interrupt (kernel/time/tick-common.c), interrupts
 * off. The caller reprograms the device afterwards.
 */
void hrtimer_interrupt(void)
{
	struct hrtimer_cpu_base *base = this_cpu_hrtimer_base();
	ktime_t now;

	spin_lock(&base->lock);
	now = ktime_get();
	__run_hrtimer_list(base, HRTIMER_BASE_HARD, now);
	if (!base->softirq_activated && list_due(base, HRTIMER_BASE_SOFT, now)) {
		base->softirq_activated = true;
		raise_softirq_irqoff(HRTIMER_SOFTIRQ);
	}
	spin_unlock(&base->lock);
}

/**
 * hrtimer_run_queues - expire hrtimers from the periodic tick
 *
 * Low-resolution mode: called by tick_periodic() when this CPU has no
 * one-shot clock event device.
 */
void hrtimer_run_queues(void)
{
	hrtimer_interrupt();
}

/* HRTIMER_SOFTIRQ's action: run this CPU's due soft timers. */
static void hrtimer_run_softirq(void)
{
	struct hrtimer_cpu_base *base;

	local_irq_disable();
	base = this_cpu_hrtimer_base();
	spin_lock(&base->lock);
	__run_hrtimer_list(base, HRTIMER_BASE_SOFT, ktime_get());
	base->softirq_activated = false;
	spin_unlock(&base->lock);
	tick_program_next_event();
	local_irq_enable();
}

/**
 * hrtimer_next_event - this CPU's first hrtimer expiry, KTIME_MAX if none
 *
 * Soft timers count only while their softirq is not already raised.
 * Interrupts off.
 */
ktime_t hrtimer_next_event(void)
{
	struct hrtimer_cpu_base *base = this_cpu_hrtimer_base();
	ktime_t next = KTIME_MAX;
	int idx;

	spin_lock(&base->lock);
	for (idx = 0; idx < HRTIMER_NR_BASES; idx++) {
		struct list_head *head = &base->active[idx];
		ktime_t e;

		if (list_empty(head) || (idx == HRTIMER_BASE_SOFT && base->softirq_activated))
			continue;
		e = list_first_entry(head, struct hrtimer, node)->expires;
		if (e < next)
			next = e;
	}
	spin_unlock(&base->lock);
	return next;
}

/**
 * hrtimer_expired_cpu - hrtimer callbacks run on @cpu so far
 * @cpu: the CPU
 */
unsigned long hrtimer_expired_cpu(unsigned int cpu)
{
	return READ_ONCE(per_cpu(hrtimer_bases, cpu).nr_expired);
}

/* --- sleeping on an hrtimer ----------------------------------------------- */

struct hrtimer_sleeper {
	struct hrtimer timer;
	struct task_struct *task;       /* NULL once the timer woke it */
};

static enum hrtimer_restart hrtimer_wakeup(struct hrtimer *timer)
{
	struct hrtimer_sleeper *s = container_of(timer, struct hrtimer_sleeper, timer);
	struct task_struct *task = s->task;

	WRITE_ONCE(s->task, NULL);
	if (task)
		wake_up_process(task);
	return HRTIMER_NORESTART;
}

/**
 * schedule_hrtimeout_range - sleep until woken or @expires
 * @expires: the time (ABS) or span (REL); NULL sleeps until woken
 * @delta:   allowed slack; ignored
 * @mode:    HRTIMER_MODE_ABS or HRTIMER_MODE_REL
 *
 * The caller sets its task state first, as for schedule_timeout().
 *
 * Return: 0 when the time ran out, -EINTR when woken earlier.
 */
int schedule_hrtimeout_range(ktime_t *expires, u64 delta, enum hrtimer_mode mode)
{
	struct hrtimer_sleeper s;

	(void)delta;
	if (!expires) {
		schedule();
		return -EINTR;
	}
	if ((mode & HRTIMER_MODE_REL) && *expires <= 0) {
		__set_current_state(TASK_RUNNING);
		return 0;
	}
	hrtimer_init(&s.timer, CLOCK_MONOTONIC, mode);
	s.timer.function = hrtimer_wakeup;
	s.task = current;
	hrtimer_start(&s.timer, *expires, mode);
	if (READ_ONCE(s.task))
		schedule();
	hrtimer_cancel(&s.timer);
	__set_current_state(TASK_RUNNING);
	return READ_ONCE(s.task) ? -EINTR : 0;
}

/**
 * schedule_hrtimeout - schedule_hrtimeout_range() without slack
 * @expires: the time or span
 * @mode:    HRTIMER_MODE_ABS or HRTIMER_MODE_REL
 */
int schedule_hrtimeout(ktime_t *expires, enum hrtimer_mode mode)
{
	return schedule_hrtimeout_range(expires, 0, mode);
}

/**
 * usleep_range - sleep at least @min microseconds on an hrtimer
 * @min: the shortest sleep, us
 * @max: the longest wanted; the slack is not used for coalescing here
 */
void usleep_range(unsigned long min, unsigned long max)
{
	ktime_t end = ktime_add_us(ktime_get(), min);

	(void)max;
	for (;;) {
		set_current_state(TASK_UNINTERRUPTIBLE);
		if (!schedule_hrtimeout_range(&end, 0, HRTIMER_MODE_ABS))
			break;
	}
}

/* --- the "hrtimer" shell command ------------------------------------------ */

struct hrtimer_probe {
	struct hrtimer timer;
	ktime_t fired_at;
	volatile bool fired;
	bool hardirq, softirq;
	int cpu;
};

static enum hrtimer_restart hrtimer_probe_fn(struct hrtimer *t)
{
	struct hrtimer_probe *p = container_of(t, struct hrtimer_probe, timer);

	p->fired_at = ktime_get();
	p->hardirq = in_hardirq();
	p->softirq = in_serving_softirq();
	p->cpu = smp_processor_id();
	WRITE_ONCE(p->fired, true);
	return HRTIMER_NORESTART;
}

/* "hrtimer test US [soft]": arm a hard (or soft) timer for US microseconds
 * on this CPU and report how late it ran. "hrtimer": the resolution and
 * the per-CPU callbacks run so far. */
static int do_hrtimer(int argc, char **argv)
{
	static struct hrtimer_probe p;
	enum hrtimer_mode mode = HRTIMER_MODE_REL_HARD;
	unsigned long us;
	unsigned int cpu;
	ktime_t t0;

	if (argc == 1) {
		shell_printf("resolution: %s\n", tick_oneshot_active() ?
			     "high (one-shot clock event)" : "tick (periodic clock event)");
		for_each_online_cpu(cpu)
			shell_printf("CPU%u: %lu hrtimer callbacks\n", cpu, hrtimer_expired_cpu(cpu));
		return 0;
	}
	if (argc == 4 && !strcmp(argv[3], "soft"))
		mode = HRTIMER_MODE_REL_SOFT;
	else if (argc != 3)
		argc = 0;
	if (argc < 3 || strcmp(argv[1], "test") || kstrtoul(argv[2], 10, &us) ||
	    !us || us > 1000000) {
		shell_printf("usage: hrtimer [test US [soft]]   (1 <= US <= 1000000)\n");
		return -EINVAL;
	}
	memset(&p, 0, sizeof(p));
	hrtimer_init(&p.timer, CLOCK_MONOTONIC, mode);
	p.timer.function = hrtimer_probe_fn;
	t0 = ktime_get();
	hrtimer_start(&p.timer, us_to_ktime(us), mode);
	while (!READ_ONCE(p.fired)) {
		if (ktime_get() - t0 > (ktime_t)(2 * NSEC_PER_SEC)) {
			hrtimer_cancel(&p.timer);
			shell_printf("hrtimer: %lu us timer did not fire within 2 s\n", us);
			return -ETIMEDOUT;
		}
		cpu_relax();
	}
	shell_printf("hrtimer: %lu us timer fired after %lld us (late by %lld us) in %s on CPU%d\n",
		     us, (long long)ktime_to_us(p.fired_at - t0),
		     (long long)ktime_to_us(p.fired_at - t0 - us_to_ktime(us)),
		     p.hardirq ? "hardirq" : p.softirq ? "softirq" : "task context", p.cpu);
	return 0;
}
DEFINE_SHELL_CMD(hrtimer, "[test US [soft]]", "arm a high-resolution timer and show its lateness", do_hrtimer);
