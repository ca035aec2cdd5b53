// SPDX-License-Identifier: MIT
/*
 * The scheduler: per-CPU run queues, wake-ups, the tick, and schedule().
 *
 * Each CPU has one struct rq. A runnable task is on exactly one of them
 * (task->on_rq), and there either runs (rq->curr) or waits in the list for
 * its priority: one FIFO list per real-time priority with a bitmap of the
 * non-empty ones, and one round-robin list for every SCHED_NORMAL task.
 * The CPU runs the most urgent task; when there is none it runs its idle
 * task (kernel/sched/idle.c).
 *
 * A task gives up the CPU in one of two ways:
 *
 *   - voluntarily: it sets a sleeping state (TASK_INTERRUPTIBLE, ...) and
 *     calls schedule(), which takes it off the run queue; a wake-up
 *     (try_to_wake_up()) puts it back;
 *   - by preemption: the tick (its time slice is over) or a wake-up (a more
 *     urgent task became runnable) sets TIF_NEED_RESCHED on the running
 *     task - with a reschedule IPI when that task is on another CPU - and
 *     the flag is acted on at the next preemption point: the return from
 *     an interrupt (irqentry_exit()), or the preempt_enable() that ends a
 *     non-preemptible section. preempt_count() must be 0 there: a task is
 *     never switched away from inside a spinlock, a softirq or a hardirq.
 *
 * Running tasks never move between CPUs. A wake-up may place a sleeping
 * task on another CPU (the least loaded one it may run on), and a task
 * whose allowed CPUs no longer include its own is moved when it next
 * leaves its CPU.
 *
 * Locking: p->pi_lock serialises wake-ups of p; rq->lock protects a run
 * queue and is taken inside pi_lock, always with interrupts off. During a
 * switch the lock is held by the old task and released by the new one
 * (finish_task_switch()); the raw lock forms keep it out of preempt_count,
 * which stays at 1 across every switch instead.
 */
#include <linux/sched.h>
#include <linux/kernel.h>
#include <linux/printk.h>
#include <linux/smp.h>
#include <linux/percpu.h>
#include <linux/hardirq.h>
#include <linux/jiffies.h>
#include <linux/bug.h>
#include <linux/errno.h>
#include <linux/init.h>
#include <asm/processor.h>

struct rq {
	spinlock_t lock;
	unsigned int nr_running;            /* runnable tasks, idle excluded */
	unsigned long rt_bitmap[2];         /* bit p: rt_queue[p] not empty */
	struct list_head rt_queue[MAX_RT_PRIO];
	struct list_head normal_queue;
	struct task_struct *curr;
	struct task_struct *idle;
	unsigned long nr_switches;
	int cpu;
};

static DEFINE_PER_CPU(struct rq, runqueues);
static bool scheduler_running;

#define cpu_rq(cpu) per_cpu_ptr(&runqueues, (cpu))
#define this_rq()   this_cpu_ptr(&runqueues)

struct task_struct *__switch_to_asm(struct task_struct *prev, struct task_struct *next);
void finish_task_switch(struct task_struct *prev);

static inline void rq_lock(struct rq *rq)   { raw_spin_lock_nopreempt(&rq->lock); }
static inline void rq_unlock(struct rq *rq) { raw_spin_unlock_nopreempt(&rq->lock); }

static bool rt_prio(int prio) { return prio < MAX_RT_PRIO; }

/* ---- run queue lists ---- */

static void enqueue_task(struct rq *rq, struct task_struct *p, bool head)
{
	if (rt_prio(p->prio)) {
		struct list_head *q = &rq->rt_queue[p->prio];

		if (head)
			list_add(&p->run_list, q);
		else
			list_add_tail(&p->run_list, q);
		rq->rt_bitmap[p->prio / 64] |= 1UL << (p->prio % 64);
	} else if (head) {
		list_add(&p->run_list, &rq->normal_queue);
	} else {
		list_add_tail(&p->run_list, &rq->normal_queue);
	}
}

static void dequeue_task(struct rq *rq, struct task_struct *p)
{
	list_del_init(&p->run_list);
	if (rt_prio(p->prio) && list_empty(&rq->rt_queue[p->prio]))
		rq->rt_bitmap[p->prio / 64] &= ~(1UL << (p->prio % 64));
}

/* The most urgent queued priority, or MAX_PRIO if nothing is queued. */
static int rq_best_prio(struct rq *rq)
{
	if (rq->rt_bitmap[0])
		return __builtin_ctzl(rq->rt_bitmap[0]);
	if (rq->rt_bitmap[1])
		return 64 + __builtin_ctzl(rq->rt_bitmap[1]);
	if (!list_empty(&rq->normal_queue))
		return list_first_entry(&rq->normal_queue, struct task_struct, run_list)->prio;
	return MAX_PRIO;
}

static struct task_struct *pick_next_task(struct rq *rq)
{
	struct task_struct *p;
	int prio = rq_best_prio(rq);

	if (prio == MAX_PRIO)
		return rq->idle;
	if (rt_prio(prio))
		p = list_first_entry(&rq->rt_queue[prio], struct task_struct, run_list);
	else
		p = list_first_entry(&rq->normal_queue, struct task_struct, run_list);
	dequeue_task(rq, p);
	return p;
}

/* A runnable task joins @rq (it is not running anywhere). */
static void activate_task(struct rq *rq, struct task_struct *p)
{
	if (p->time_slice <= 0)
		p->time_slice = SCHED_RR_TIMESLICE;
	enqueue_task(rq, p, false);
	WRITE_ONCE(p->on_rq, 1);
	rq->nr_running++;
}

/**
 * resched_curr_cpu - make @cpu's running task reschedule soon
 * @cpu: the CPU; the caller holds its rq lock
 *
 * Sets TIF_NEED_RESCHED; a remote CPU also gets a reschedule IPI, which
 * wakes it from "hlt" and makes its interrupt return act on the flag.
 */
void resched_curr_cpu(int cpu)
{
	struct task_struct *curr = cpu_rq(cpu)->curr;

	if (test_tsk_need_resched(curr))
		return;
	set_tsk_need_resched(curr);
	if (cpu != smp_processor_id())
		smp_send_reschedule(cpu);
}

/* @p was just made runnable on @rq: does it beat what runs there? */
static void check_preempt_curr(struct rq *rq, struct task_struct *p)
{
	if (p->prio < rq->curr->prio)
		resched_curr_cpu(rq->cpu);
}

/* ---- wake-ups ---- */

/*
 * Where to put a task that wakes up: its own CPU if it may only run there
 * or that CPU is idle; else the least loaded online CPU it may use.
 */
static int select_task_rq(struct task_struct *p)
{
	unsigned int best = task_cpu(p), cpu, best_load;

	if (p->nr_cpus_allowed == 1 || !scheduler_running)
		return cpumask_first(&p->cpus_mask);
	if (!cpumask_test_cpu(best, &p->cpus_mask) || !cpu_online(best))
		best = cpumask_first(&p->cpus_mask);
	best_load = READ_ONCE(cpu_rq(best)->nr_running);
	if (!best_load)
		return best;
	for_each_online_cpu(cpu) {
		unsigned int load = READ_ONCE(cpu_rq(cpu)->nr_running);

		if (cpumask_test_cpu(cpu, &p->cpus_mask) && load < best_load) {
			best = cpu;
			best_load = load;
		}
	}
	return best;
}

/**
 * try_to_wake_up - make @p runnable if it sleeps in one of @state
 * @p:     the task
 * @state: the sleeping states to wake it from (TASK_NORMAL, ...)
 * @wake_flags: unused, as in Linux's simplest callers
 *
 * Safe from any context, hard interrupt handlers included. If @p has set
 * its state but not yet left the CPU, it is simply set running again and
 * its schedule() returns at once.
 *
 * Return: 1 if @p was woken, 0 if it was not in @state.
 */
int try_to_wake_up(struct task_struct *p, unsigned int state, int wake_flags)
{
	unsigned long flags;
	struct rq *rq;
	int cpu;

	spin_lock_irqsave(&p->pi_lock, flags);
	if (!(READ_ONCE(p->__state) & state) ||
	    (READ_ONCE(p->__state) & (TASK_NEW | TASK_DEAD))) {
		spin_unlock_irqrestore(&p->pi_lock, flags);
		if (READ_ONCE(p->__state) == TASK_NEW && (state & TASK_NORMAL)) {
			/* A kthread's first wake_up_process() starts it. */
			wake_up_new_task(p);
			return 1;
		}
		return 0;
	}
	/* Still on a run queue (it has not got through schedule() yet). */
	rq = cpu_rq(task_cpu(p));
	rq_lock(rq);
	if (p->on_rq) {
		WRITE_ONCE(p->__state, TASK_RUNNING);
		rq_unlock(rq);
		spin_unlock_irqrestore(&p->pi_lock, flags);
		return 1;
	}
	rq_unlock(rq);

	cpu = select_task_rq(p);
	if (cpu != task_cpu(p)) {
		/* It may still be switching out on its old CPU: its stack is
		 * in use until that CPU's finish_task_switch() clears on_cpu. */
		while (__atomic_load_n(&p->on_cpu, __ATOMIC_ACQUIRE))
			cpu_relax();
		WRITE_ONCE(p->cpu, cpu);
	}
	rq = cpu_rq(cpu);
	rq_lock(rq);
	WRITE_ONCE(p->__state, TASK_RUNNING);
	activate_task(rq, p);
	check_preempt_curr(rq, p);
	rq_unlock(rq);
	spin_unlock_irqrestore(&p->pi_lock, flags);
	return 1;
}

/**
 * wake_up_process - wake @p from any sleep (not from TASK_NEW)
 * @p: the task
 *
 * Return: 1 if it was asleep and is now runnable, else 0.
 */
int wake_up_process(struct task_struct *p)
{
	return try_to_wake_up(p, TASK_NORMAL, 0);
}

/**
 * wake_up_state - wake @p if it sleeps in one of @state
 */
int wake_up_state(struct task_struct *p, unsigned int state)
{
	return try_to_wake_up(p, state, 0);
}

/**
 * wake_up_new_task - let a task made by kernel/fork.c run for the first time
 * @p: the task, in TASK_NEW
 */
void wake_up_new_task(struct task_struct *p)
{
	unsigned long flags;
	struct rq *rq;

	spin_lock_irqsave(&p->pi_lock, flags);
	if (READ_ONCE(p->__state) != TASK_NEW) {
		/* Two starters raced (wake_up_process and kthread_stop). */
		spin_unlock_irqrestore(&p->pi_lock, flags);
		return;
	}
	WRITE_ONCE(p->cpu, select_task_rq(p));
	rq = cpu_rq(p->cpu);
	rq_lock(rq);
	WRITE_ONCE(p->__state, TASK_RUNNING);
	activate_task(rq, p);
	check_preempt_curr(rq, p);
	rq_unlock(rq);
	spin_unlock_irqrestore(&p->pi_lock, flags);
}

/* ---- the switch ---- */

/* Queue runnable @p, on no run queue, on an allowed CPU (pi_lock held). */
static void enqueue_elsewhere(struct task_struct *p)
{
	struct rq *rq;

	WRITE_ONCE(p->cpu, select_task_rq(p));
	rq = cpu_rq(p->cpu);
	rq_lock(rq);
	activate_task(rq, p);
	check_preempt_curr(rq, p);
	rq_unlock(rq);
}

/* @p ran on a CPU it may no longer use: put it on an allowed one. */
static void move_task_away(struct task_struct *p)
{
	unsigned long flags;

	spin_lock_irqsave(&p->pi_lock, flags);
	enqueue_elsewhere(p);
	spin_unlock_irqrestore(&p->pi_lock, flags);
}

/**
 * finish_task_switch - the first thing a task does after being switched to
 * @prev: the task that ran before on this CPU
 *
 * Releases the run queue lock @prev took, turns interrupts back on, and
 * lets go of @prev: it may now run elsewhere, or - if it has exited - be
 * freed. preempt_count stays 1; the caller drops it.
 */
void finish_task_switch(struct task_struct *prev)
{
	struct rq *rq = this_rq();
	long state = READ_ONCE(prev->__state);
	bool migrate = prev->on_rq == 2;

	if (migrate)
		prev->on_rq = 0;
	__atomic_store_n(&prev->on_cpu, 0, __ATOMIC_RELEASE);
	rq_unlock(rq);
	local_irq_enable();
	if (migrate)
		move_task_away(prev);
	if (state == TASK_DEAD)
		put_task_struct(prev);      /* the reference it held on itself */
}

/* Called by a new task's first instructions (ret_from_fork_asm). */
void schedule_tail(struct task_struct *prev)
{
	finish_task_switch(prev);
	preempt_enable();
}

static void __schedule(bool preempt)
{
	struct task_struct *prev, *next;
	struct rq *rq;

	local_irq_disable();
	rq = this_rq();
	prev = rq->curr;
	rq_lock(rq);
	clear_tsk_need_resched(prev);

	if (!preempt && READ_ONCE(prev->__state) != TASK_RUNNING) {
		/* Going to sleep (or exiting): leave the run queue. */
		WRITE_ONCE(prev->on_rq, 0);
		rq->nr_running--;
		prev->sleep_start = jiffies;
	} else if (prev != rq->idle) {
		if (!cpumask_test_cpu(rq->cpu, &prev->cpus_mask)) {
			/* Its CPUs changed: finish_task_switch() moves it. */
			WRITE_ONCE(prev->on_rq, 2);
			rq->nr_running--;
		} else if (prev->time_slice <= 0) {
			prev->time_slice = SCHED_RR_TIMESLICE;
			enqueue_task(rq, prev, false);     /* its turn is over */
		} else {
			enqueue_task(rq, prev, true);      /* preempted: stays first */
		}
	}

	next = pick_next_task(rq);
	if (next == prev) {
		rq_unlock(rq);
		local_irq_enable();
		return;
	}
	if (preempt)
		prev->nivcsw++;
	else
		prev->nvcsw++;
	rq->nr_switches++;
	rq->curr = next;
	WRITE_ONCE(next->on_cpu, 1);
	prev = __switch_to_asm(prev, next);
	/* Now running as next, maybe much later; prev is whoever ran before. */
	finish_task_switch(prev);
}

unsigned long sched_atomic_bugs;
unsigned long sched_might_sleep_bugs;

/* Switch, and again as long as a reschedule is asked for meanwhile. */
static void schedule_loop(bool preempt)
{
	do {
		preempt_disable();
		__schedule(preempt);
		preempt_enable_no_resched();
	} while (need_resched());
}

static void schedule_bug(void)
{
	static int reports;
	struct task_struct *p = current;

	__atomic_fetch_add(&sched_atomic_bugs, 1, __ATOMIC_RELAXED);
	if (reports++ < 10) {
		printk(KERN_ERR "BUG: scheduling while atomic: %s/%d/0x%08lx\n",
		       p->comm, p->pid, preempt_count());
		dump_stack();
	}
}

/**
 * __might_sleep - might_sleep()'s check: may current sleep here?
 * @file: the caller's source file
 * @line: and line
 *
 * Counts every offence in sched_might_sleep_bugs; prints the report, with
 * the in_atomic()/irqs_disabled() values Linux shows and a backtrace, at
 * most once a second so a bug in a loop cannot flood the console. Quiet
 * before the scheduler runs and while init runs the initcalls with
 * interrupts off (nothing could switch then anyway).
 */
void __might_sleep(const char *file, int line)
{
	static unsigned long last_report;
	static bool reported;
	struct task_struct *p = current;
	bool irqs_off = irqs_disabled();

	if (likely(!preempt_count() && !irqs_off))
		return;
	if (!scheduler_running || (p->pid == 1 && irqs_off && !preempt_count()))
		return;
	__atomic_fetch_add(&sched_might_sleep_bugs, 1, __ATOMIC_RELAXED);
	if (reported && time_before(jiffies, last_report + HZ))
		return;
	reported = true;
	last_report = jiffies;
	printk(KERN_ERR "BUG: sleeping function called from invalid context at %s:%d\n",
	       file, line);
	printk(KERN_ERR "in_atomic(): %d, irqs_disabled(): %d, pid: %d, name: %s\n",
	       in_atomic(), irqs_off, p->pid, p->comm);
	dump_stack();
}

/**
 * schedule - give up the CPU
 *
 * If current has set a sleeping state it leaves the run queue until a
 * wake-up; otherwise it is queued again behind its peers if its time slice
 * is over. Returns, with interrupts enabled, when current is chosen again.
 *
 * Not from atomic context (preempt_count() != 0: a spinlock held, bottom
 * halves or preemption disabled, an interrupt handler): that is reported as
 * "BUG: scheduling while atomic" and the call returns with current set
 * running, without switching.
 */
void schedule(void)
{
	if (unlikely(preempt_count() || !scheduler_running)) {
		if (scheduler_running)
			schedule_bug();
		__set_current_state(TASK_RUNNING);
		return;
	}
	schedule_loop(false);
}

/**
 * schedule_preempt_disabled - schedule() for a caller holding one
 * preempt_disable() (the idle loop)
 */
void schedule_preempt_disabled(void)
{
	preempt_enable_no_resched();
	schedule();
	preempt_disable();
}

/* Used by the idle loop: switch without counting a voluntary switch. */
void schedule_idle(void)
{
	do {
		__schedule(true);
	} while (need_resched());
}

/**
 * preempt_schedule - the preemption point of preempt_enable()
 *
 * Reached when preempt_count() drops to 0. Switches if a reschedule is
 * pending and interrupts are on (with them off the caller is in a section
 * the next local_irq_enable()'s interrupt - or the tick - will end).
 */
void preempt_schedule(void)
{
	if (likely(!scheduler_running || !need_resched() || preempt_count() ||
		   irqs_disabled()))
		return;
	schedule_loop(true);
}

/**
 * preempt_schedule_irq - the preemption point of the interrupt return
 *
 * Called by irqentry_exit() with interrupts off and preempt_count() == 0,
 * when the interrupted task is asked to reschedule.
 */
void preempt_schedule_irq(void)
{
	do {
		preempt_disable();
		local_irq_enable();
		__schedule(true);
		local_irq_disable();
		preempt_enable_no_resched();
	} while (need_resched());
}

/**
 * cond_resched - give the CPU away here if someone more deserving waits
 *
 * Return: 1 if it rescheduled.
 */
int cond_resched(void)
{
	if (!need_resched() || preempt_count() || irqs_disabled())
		return 0;
	preempt_schedule();
	return 1;
}

/**
 * yield - let other runnable tasks of the same priority go first
 */
void yield(void)
{
	current->time_slice = 0;
	__set_current_state(TASK_RUNNING);
	schedule();
}

/* ---- the tick ---- */

/**
 * scheduler_tick - account a tick to the running task (hard irq context)
 *
 * A SCHED_NORMAL or SCHED_RR task that used up its slice is asked to let
 * queued tasks of the same or better priority run; SCHED_FIFO runs on.
 */
void scheduler_tick(void)
{
	struct rq *rq = this_rq();
	struct task_struct *curr;

	if (!scheduler_running)
		return;
	rq_lock(rq);
	curr = rq->curr;
	curr->sum_exec_ticks++;
	if (curr != rq->idle && curr->policy != SCHED_FIFO && --curr->time_slice <= 0) {
		if (rq_best_prio(rq) <= curr->prio) {
			curr->time_slice = 0;
			resched_curr_cpu(rq->cpu);
		} else {
			curr->time_slice = SCHED_RR_TIMESLICE;
		}
	}
	rq_unlock(rq);
}

/**
 * scheduler_ipi - a reschedule IPI arrived (RESCHEDULE_VECTOR)
 *
 * The sender has set TIF_NEED_RESCHED on our running task; this
 * interrupt's return acts on it. Nothing else to do.
 */
void scheduler_ipi(void)
{
}

/* ---- priorities and affinity ---- */

static void __setscheduler(struct task_struct *p, int policy, int rt_priority, int nice)
{
	p->policy = policy;
	p->rt_priority = rt_priority;
	if (policy == SCHED_NORMAL)
		p->static_prio = NICE_TO_PRIO(nice);
	p->normal_prio = policy == SCHED_NORMAL ? p->static_prio : MAX_RT_PRIO - 1 - rt_priority;
	p->prio = p->normal_prio;
}

static int change_sched(struct task_struct *p, int policy, int rt_priority, int nice)
{
	unsigned long flags;
	struct rq *rq;
	bool queued, running;
	int old;

	if (policy != SCHED_NORMAL && policy != SCHED_FIFO && policy != SCHED_RR)
		return -EINVAL;
	if (policy != SCHED_NORMAL && (rt_priority < 1 || rt_priority > MAX_RT_PRIO - 1))
		return -EINVAL;
	if (policy == SCHED_NORMAL && (nice < -20 || nice > 19))
		return -EINVAL;
	if (is_idle_task(p))
		return -EPERM;
	spin_lock_irqsave(&p->pi_lock, flags);
	rq = cpu_rq(task_cpu(p));
	rq_lock(rq);
	running = rq->curr == p;
	queued = p->on_rq == 1 && !running;
	if (queued)
		dequeue_task(rq, p);
	old = p->prio;
	__setscheduler(p, policy, rt_priority, nice);
	if (queued) {
		enqueue_task(rq, p, false);
		check_preempt_curr(rq, p);
	} else if (running && p->prio > old && rq_best_prio(rq) < p->prio) {
		resched_curr_cpu(rq->cpu);
	}
	rq_unlock(rq);
	spin_unlock_irqrestore(&p->pi_lock, flags);
	return 0;
}

/**
 * sched_setscheduler_nocheck - set @p's policy and real-time priority
 * @p:           the task
 * @policy:      SCHED_NORMAL, SCHED_FIFO or SCHED_RR
 * @rt_priority: 1..99 for FIFO/RR, 0 for NORMAL
 *
 * Return: 0, -EINVAL for a bad policy or priority, -EPERM for an idle task.
 */
int sched_setscheduler_nocheck(struct task_struct *p, int policy, int rt_priority)
{
	if (policy == SCHED_NORMAL && rt_priority)
		return -EINVAL;
	return change_sched(p, policy, rt_priority, task_nice(p));
}

/** sched_set_fifo - SCHED_FIFO at priority 50, as Linux gives IRQ threads */
void sched_set_fifo(struct task_struct *p)
{
	WARN_ON_ONCE(sched_setscheduler_nocheck(p, SCHED_FIFO, MAX_RT_PRIO / 2));
}

/** sched_set_fifo_low - SCHED_FIFO at priority 1 */
void sched_set_fifo_low(struct task_struct *p)
{
	WARN_ON_ONCE(sched_setscheduler_nocheck(p, SCHED_FIFO, 1));
}

/** sched_set_normal - SCHED_NORMAL with @nice */
void sched_set_normal(struct task_struct *p, int nice)
{
	WARN_ON_ONCE(change_sched(p, SCHED_NORMAL, 0, nice));
}

/** set_user_nice - change a SCHED_NORMAL task's nice value (-20..19) */
void set_user_nice(struct task_struct *p, long nice)
{
	if (p->policy == SCHED_NORMAL)
		WARN_ON_ONCE(change_sched(p, SCHED_NORMAL, 0, (int)nice));
	else
		p->static_prio = NICE_TO_PRIO((int)nice);
}

/** task_nice - @p's nice value */
int task_nice(const struct task_struct *p)
{
	return p->static_prio - DEFAULT_PRIO;
}

/**
 * set_cpus_allowed_ptr - restrict @p to the CPUs in @mask
 * @p:    the task
 * @mask: CPUs it may run on; must contain an online CPU
 *
 * A queued task is moved at once; a running one leaves its CPU at its
 * next switch (it is asked to reschedule).
 *
 * Return: 0 or -EINVAL.
 */
int set_cpus_allowed_ptr(struct task_struct *p, const struct cpumask *mask)
{
	unsigned long flags;
	struct cpumask ok;
	struct rq *rq;
	bool move = false;

	if (!cpumask_and(&ok, mask, cpu_online_mask) || (p->flags & PF_IDLE))
		return -EINVAL;
	spin_lock_irqsave(&p->pi_lock, flags);
	rq = cpu_rq(task_cpu(p));
	rq_lock(rq);
	cpumask_copy(&p->cpus_mask, mask);
	p->nr_cpus_allowed = cpumask_weight(mask);
	if (!cpumask_test_cpu(rq->cpu, mask)) {
		if (rq->curr == p) {
			resched_curr_cpu(rq->cpu);
		} else if (p->on_rq == 1) {
			dequeue_task(rq, p);
			WRITE_ONCE(p->on_rq, 0);
			rq->nr_running--;
			move = true;
		} else {
			WRITE_ONCE(p->cpu, cpumask_first(&ok));
		}
	}
	rq_unlock(rq);
	if (move)
		enqueue_elsewhere(p);
	spin_unlock_irqrestore(&p->pi_lock, flags);
	if (p == current && !cpumask_test_cpu(smp_processor_id(), mask))
		schedule();             /* leave this CPU now */
	return 0;
}

/* ---- queries ---- */

struct task_struct *idle_task(int cpu) { return cpu_rq(cpu)->idle; }
struct task_struct *cpu_curr_task(int cpu) { return READ_ONCE(cpu_rq(cpu)->curr); }
unsigned long nr_running_cpu(int cpu) { return READ_ONCE(cpu_rq(cpu)->nr_running); }
unsigned long nr_context_switches_cpu(int cpu) { return READ_ONCE(cpu_rq(cpu)->nr_switches); }

unsigned long nr_running(void)
{
	unsigned long n = 0;
	unsigned int cpu;

	for_each_online_cpu(cpu)
		n += nr_running_cpu(cpu);
	return n;
}

/** task_state_char - ps's STAT letter for @p: R, S, D, I, Z or N (new) */
char task_state_char(const struct task_struct *p)
{
	long s = READ_ONCE(p->__state);

	if (s == TASK_RUNNING)
		return is_idle_task(p) ? 'I' : 'R';
	if (s & TASK_DEAD)
		return 'Z';
	if (s & TASK_NEW)
		return 'N';
	if (s & TASK_INTERRUPTIBLE)
		return 'S';
	if ((s & TASK_IDLE) == TASK_IDLE)
		return 'I';
	return 'D';
}

/* ---- setup ---- */

/**
 * init_idle - make @idle the idle task of @cpu and its current task
 * @idle: a task whose stack is the one @cpu is running on
 * @cpu:  the CPU
 */
void init_idle(struct task_struct *idle, int cpu)
{
	struct rq *rq = cpu_rq(cpu);

	idle->__state = TASK_RUNNING;
	idle->flags |= PF_IDLE | PF_KTHREAD;
	idle->prio = idle->static_prio = idle->normal_prio = MAX_PRIO;
	idle->policy = SCHED_NORMAL;
	idle->cpu = cpu;
	idle->on_cpu = 1;
	cpumask_copy(&idle->cpus_mask, cpumask_of(cpu));
	idle->nr_cpus_allowed = 1;
	rq->idle = idle;
	rq->curr = idle;
}

/**
 * sched_init - set up every possible CPU's run queue; the boot context
 * becomes init_task, CPU 0's idle task
 */
void __init sched_init(void)
{
	unsigned int cpu;
	int i;

	for_each_cpu(cpu, cpu_possible_mask) {
		struct rq *rq = cpu_rq(cpu);

		spin_lock_init(&rq->lock);
		for (i = 0; i < MAX_RT_PRIO; i++)
			INIT_LIST_HEAD(&rq->rt_queue[i]);
		INIT_LIST_HEAD(&rq->normal_queue);
		rq->cpu = (int)cpu;
	}
	init_idle(&init_task, smp_processor_id());
	this_cpu_write(current_task, &init_task);
	scheduler_running = true;
}
