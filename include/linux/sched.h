/* SPDX-License-Identifier: MIT */
/*
 * Tasks and the scheduler's interface (kernel/sched/core.c).
 *
 * Every thread of control in irqos is a task_struct: the per-CPU idle
 * tasks ("swapper/N", pid 0), init (pid 1, which runs the initcalls and then
 * the shell or the KUnit suites) and kernel threads (kernel/kthread.c).
 * A task has its own kernel stack, THREAD_SIZE bytes from vmalloc with a
 * guard page below it, and while it is switched out its callee-saved
 * registers sit on that stack with thread.sp pointing at them
 * (arch/x86/entry/entry_64.S: __switch_to_asm).
 *
 * Priorities follow Linux's one scale, lower is more urgent:
 *   prio   0 .. 98   SCHED_FIFO / SCHED_RR, prio = 99 - rt_priority
 *   prio 100 .. 139  SCHED_NORMAL, prio = 120 + nice (round-robin here)
 *   prio 140         the idle task
 * A runnable real-time task always runs before a normal one; normal tasks
 * share the CPU in time slices of SCHED_RR_TIMESLICE ticks.
 */
#ifndef _LINUX_SCHED_H
#define _LINUX_SCHED_H

#include <linux/types.h>
#include <linux/compiler.h>
#include <linux/list.h>
#include <linux/cpumask.h>
#include <linux/spinlock.h>
#include <linux/preempt.h>
#include <asm/current.h>

/* Task states (task_struct.__state). */
#define TASK_RUNNING         0x0000
#define TASK_INTERRUPTIBLE   0x0001
#define TASK_UNINTERRUPTIBLE 0x0002
#define TASK_DEAD            0x0080
#define TASK_WAKEKILL        0x0100
#define TASK_NEW             0x0800
#define TASK_KILLABLE        (TASK_WAKEKILL | TASK_UNINTERRUPTIBLE)
#define TASK_NORMAL          (TASK_INTERRUPTIBLE | TASK_UNINTERRUPTIBLE)
/* An uninterruptible sleep that is not "load": what idle kthreads use. */
#define TASK_NOLOAD          0x0400
#define TASK_IDLE            (TASK_UNINTERRUPTIBLE | TASK_NOLOAD)

/* Scheduling policies. */
#define SCHED_NORMAL 0
#define SCHED_FIFO   1
#define SCHED_RR     2

#define MAX_RT_PRIO       100
#define DEFAULT_PRIO      120
#define MAX_PRIO          140
#define NICE_TO_PRIO(n)   (DEFAULT_PRIO + (n))
#define SCHED_RR_TIMESLICE 4     /* ticks: 16 ms at HZ=250 */

/* task_struct.flags */
#define PF_IDLE       0x00000002
#define PF_EXITING    0x00000004
#define PF_KTHREAD    0x00200000
#define PF_NO_SETAFFINITY 0x04000000

/* thread_info flags (task_struct.ti_flags) */
#define TIF_SIGPENDING   2
#define TIF_NEED_RESCHED 3
#define _TIF_SIGPENDING   (1UL << TIF_SIGPENDING)
#define _TIF_NEED_RESCHED (1UL << TIF_NEED_RESCHED)

#define TASK_COMM_LEN 16
#define MAX_SCHEDULE_TIMEOUT ((long)(~0UL >> 1))

struct thread_struct {
	unsigned long sp;            /* saved %rsp while switched out */
};

struct kthread;

/**
 * struct task_struct - one thread of control
 * @ti_flags:   TIF_* bits (TIF_NEED_RESCHED), set by other CPUs atomically
 * @__state:    TASK_RUNNING or a sleeping state; read with READ_ONCE
 * @stack:      lowest address of the THREAD_SIZE kernel stack
 * @usage:      references; the task is freed when the last one goes
 * @on_rq:      1 while queued on (or running from) a runqueue
 * @on_cpu:     1 while a CPU is executing it (until its switch-out ends)
 * @cpu:        the CPU whose runqueue it is, or last was, on
 * @prio:       effective priority (see above); @static_prio for normal tasks
 * @policy:     SCHED_NORMAL / SCHED_FIFO / SCHED_RR
 * @rt_priority: 1..99 for the real-time policies
 * @time_slice: ticks left of a SCHED_NORMAL / SCHED_RR turn
 * @cpus_mask:  where it may run; @nr_cpus_allowed its weight
 * @run_list:   link in its runqueue's list for @prio
 * @tasks:      link in the list of all tasks (ps)
 * @pi_lock:    serialises wake-ups of this task
 * @nvcsw, @nivcsw: voluntary / involuntary context switches
 * @sum_exec_ticks: ticks during which it was the running task
 * @kthread:    kernel/kthread.c's data, for PF_KTHREAD tasks
 */
struct task_struct {
	unsigned long ti_flags;
	volatile long __state;
	struct thread_struct thread;
	void *stack;
	int usage;
	int on_rq;
	int on_cpu;
	int cpu;
	int prio;
	int static_prio;
	int normal_prio;
	unsigned int policy;
	unsigned int rt_priority;
	int time_slice;
	unsigned int flags;
	int pid;
	int exit_code;
	struct cpumask cpus_mask;
	int nr_cpus_allowed;
	struct list_head run_list;
	struct list_head tasks;
	spinlock_t pi_lock;
	unsigned long nvcsw, nivcsw;
	unsigned long sum_exec_ticks;
	unsigned long sleep_start;      /* jiffies when it last went to sleep */
	struct kthread *kthread;
	char comm[TASK_COMM_LEN];
};

extern struct task_struct init_task;    /* swapper/0: the boot CPU's idle task */
extern struct list_head task_list;      /* every task, under tasklist_lock */
extern spinlock_t tasklist_lock;

#define task_cpu(p) READ_ONCE((p)->cpu)
#define task_is_running(p) (READ_ONCE((p)->__state) == TASK_RUNNING)
#define is_idle_task(p) (((p)->flags & PF_IDLE) != 0)

/* Set current's state: the store is followed by a full barrier, so the
 * condition the caller checks next cannot be read before it. */
#define __set_current_state(s) WRITE_ONCE(current->__state, (s))
#define set_current_state(s) do {					\
	WRITE_ONCE(current->__state, (s));				\
	__atomic_thread_fence(__ATOMIC_SEQ_CST);			\
} while (0)

static inline void set_tsk_need_resched(struct task_struct *p)
{
	__atomic_fetch_or(&p->ti_flags, _TIF_NEED_RESCHED, __ATOMIC_SEQ_CST);
}
static inline void clear_tsk_need_resched(struct task_struct *p)
{
	__atomic_fetch_and(&p->ti_flags, ~_TIF_NEED_RESCHED, __ATOMIC_SEQ_CST);
}
static inline bool test_tsk_need_resched(struct task_struct *p)
{
	return READ_ONCE(p->ti_flags) & _TIF_NEED_RESCHED;
}

/* kernel/sched/core.c */
void sched_init(void);
void schedule(void);
void schedule_preempt_disabled(void);
void preempt_schedule_irq(void);
int wake_up_process(struct task_struct *p);
int wake_up_state(struct task_struct *p, unsigned int state);
int try_to_wake_up(struct task_struct *p, unsigned int state, int wake_flags);
void wake_up_new_task(struct task_struct *p);
void scheduler_tick(void);
void scheduler_ipi(void);
void resched_curr_cpu(int cpu);
void init_idle(struct task_struct *idle, int cpu);
struct task_struct *idle_task(int cpu);
struct task_struct *cpu_curr_task(int cpu);
int sched_setscheduler_nocheck(struct task_struct *p, int policy, int rt_priority);
void sched_set_fifo(struct task_struct *p);
void sched_set_fifo_low(struct task_struct *p);
void sched_set_normal(struct task_struct *p, int nice);
void set_user_nice(struct task_struct *p, long nice);
int task_nice(const struct task_struct *p);
int set_cpus_allowed_ptr(struct task_struct *p, const struct cpumask *mask);
void yield(void);
int cond_resched(void);
unsigned long nr_running_cpu(int cpu);
unsigned long nr_context_switches_cpu(int cpu);
unsigned long nr_running(void);
char task_state_char(const struct task_struct *p);
__noreturn void cpu_startup_entry(void);       /* kernel/sched/idle.c */
void sched_init_smp(void);

/* kernel/time/timer.c: sleep for @timeout jiffies in the state set before */
long schedule_timeout(long timeout);
long schedule_timeout_interruptible(long timeout);
long schedule_timeout_uninterruptible(long timeout);
long schedule_timeout_idle(long timeout);

/* kernel/fork.c */
struct task_struct *create_kthread_task(int (*fn)(void *), void *arg,
					const char *name, int cpu);
struct task_struct *fork_idle(int cpu);
void put_task_struct(struct task_struct *p);
static inline void get_task_struct(struct task_struct *p)
{
	__atomic_fetch_add(&p->usage, 1, __ATOMIC_RELAXED);
}
struct task_struct *find_task_by_pid(int pid);

/* kernel/exit.c */
__noreturn void do_exit(long code);

/* Signals are not delivered to kernel threads; TIF_SIGPENDING is the hook
 * an interruptible sleep checks (wait_event_interruptible()). */
static inline bool signal_pending(struct task_struct *p)
{
	return READ_ONCE(p->ti_flags) & _TIF_SIGPENDING;
}
static inline bool signal_pending_state(unsigned int state, struct task_struct *p)
{
	return (state & TASK_INTERRUPTIBLE) && signal_pending(p);
}

static inline bool need_resched(void)
{
	return test_tsk_need_resched(current);
}

/*
 * Sleeping in the wrong place (kernel/sched/core.c): how many times
 * schedule() was called in atomic context ("BUG: scheduling while atomic")
 * and how many times might_sleep() caught a caller that may not sleep.
 * Both are reported with a backtrace, the first few times only.
 */
extern unsigned long sched_atomic_bugs;
extern unsigned long sched_might_sleep_bugs;
void __might_sleep(const char *file, int line);

/**
 * might_sleep - annotate a function that may sleep
 *
 * Reports "BUG: sleeping function called from invalid context" when
 * reached with preemption or interrupts disabled, whether or not this
 * particular call would actually have slept.
 */
#define might_sleep() __might_sleep(__FILE__, __LINE__)

#endif
