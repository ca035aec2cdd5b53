// SPDX-License-Identifier: MIT
/*
 * Host tests for wait queues and completions (kernel/sched/wait.c and
 * kernel/sched/completion.c), built against a fake scheduler defined
 * here: tasks are bare task_structs, "current" is whichever the test says,
 * try_to_wake_up() wakes a task sleeping in the given state and logs it,
 * and schedule_timeout() runs a per-test hook standing in for "whatever
 * happens while we sleep".
 *
 * Checked: non-exclusive waiters all woken, exclusive ones oldest first
 * and only nr_exclusive of them, a waiter already running does not use up
 * the exclusive budget, wake_up_interruptible() leaves uninterruptible
 * sleepers alone, autoremove unlinks exactly the woken entries,
 * finish_wait() after a wake-up and without one, prepare_to_wait() twice
 * queues once, a pending signal ends prepare_to_wait_event(); complete()
 * banks one wake-up per call, wakes one waiter, complete_all() lets all
 * through until reinit_completion(), timeouts return 0 and leave no entry.
 */
#include <linux/kernel.h>
#include <linux/sched.h>
#include <linux/wait.h>
#include <linux/completion.h>
#include <linux/errno.h>
#include "tap.h"

DEFINE_PER_CPU(struct task_struct *, current_task);
unsigned long host_irq_flags = 0x200;         /* IF set: interrupts on */

#define NR_TASKS 6
static struct task_struct tasks[NR_TASKS];
static char wake_log[64];             /* task numbers, in wake-up order */
static int schedule_timeout_calls;
static long (*sleep_hook)(long timeout);

static int task_no(struct task_struct *p) { return (int)(p - tasks); }

int try_to_wake_up(struct task_struct *p, unsigned int state, int wake_flags)
{
	size_t n = strlen(wake_log);

	if (!(p->__state & state))
		return 0;
	p->__state = TASK_RUNNING;
	if (n + 1 < sizeof(wake_log)) {
		wake_log[n] = (char)('0' + task_no(p));
		wake_log[n + 1] = '\0';
	}
	return 1;
}

long schedule_timeout(long timeout)
{
	schedule_timeout_calls++;
	return sleep_hook ? sleep_hook(timeout) : 0;
}

static int might_sleep_calls;
void __might_sleep(const char *file, int line)
{
	might_sleep_calls++;
}

void schedule(void)
{
	schedule_timeout(MAX_SCHEDULE_TIMEOUT);
}

static void reset(void)
{
	int i;

	memset(tasks, 0, sizeof(tasks));
	for (i = 0; i < NR_TASKS; i++)
		tasks[i].pid = 100 + i;
	wake_log[0] = '\0';
	schedule_timeout_calls = 0;
	might_sleep_calls = 0;
	sleep_hook = NULL;
	current_task = &tasks[0];
}

static void as(int i) { current_task = &tasks[i]; }

/* Task @i waits on @wq with a DEFINE_WAIT-style (autoremove) entry. */
static void wait_on(struct wait_queue_head *wq, struct wait_queue_entry *e, int i,
		    bool exclusive, int state)
{
	as(i);
	init_wait_entry(e, 0);
	if (exclusive)
		prepare_to_wait_exclusive(wq, e, state);
	else
		prepare_to_wait(wq, e, state);
}

static int queue_len(struct wait_queue_head *wq)
{
	struct list_head *pos;
	int n = 0;

	list_for_each(pos, &wq->head)
		n++;
	return n;
}

static void test_exclusive_order(void)
{
	DECLARE_WAIT_QUEUE_HEAD(wq);
	struct wait_queue_entry e[5];
	int i;

	reset();
	for (i = 0; i < 3; i++)
		wait_on(&wq, &e[i], i, true, TASK_UNINTERRUPTIBLE);
	wait_on(&wq, &e[3], 3, false, TASK_UNINTERRUPTIBLE);
	wait_on(&wq, &e[4], 4, false, TASK_INTERRUPTIBLE);
	is_int(tasks[2].__state, TASK_UNINTERRUPTIBLE, "prepare_to_wait_exclusive sets the state");
	is_int(queue_len(&wq), 5, "five entries queued");

	is_int(wake_up(&wq), 3, "wake_up: two non-exclusive + one exclusive woken");
	is_str(wake_log, "430", "all non-exclusive waiters, then the oldest exclusive one");
	ok(list_empty(&e[0].entry) && list_empty(&e[3].entry) && list_empty(&e[4].entry),
	   "autoremove: the woken entries are unlinked");
	ok(!list_empty(&e[1].entry) && !list_empty(&e[2].entry), "the others stay queued");
	is_int(tasks[1].__state, TASK_UNINTERRUPTIBLE, "exclusive waiter 1 still asleep");
	ok(list_first_entry(&wq.head, struct wait_queue_entry, entry) == &e[1],
	   "waiter 1 is now first in line");

	wake_log[0] = '\0';
	is_int(wake_up(&wq), 1, "second wake_up wakes one");
	is_str(wake_log, "1", "the next oldest exclusive waiter");

	wake_log[0] = '\0';
	is_int(wake_up_all(&wq), 1, "wake_up_all wakes the rest");
	is_str(wake_log, "2", "waiter 2");
	ok(!waitqueue_active(&wq), "queue empty");

	/* finish_wait after the wake-up removed the entry: harmless. */
	as(0);
	finish_wait(&wq, &e[0]);
	ok(list_empty(&e[0].entry) && !waitqueue_active(&wq), "finish_wait after autoremove is safe");
}

static void test_nr_exclusive(void)
{
	DECLARE_WAIT_QUEUE_HEAD(wq);
	struct wait_queue_entry e[5];
	int i;

	reset();
	for (i = 0; i < 5; i++)
		wait_on(&wq, &e[i], i, true, TASK_UNINTERRUPTIBLE);
	is_int(wake_up_nr(&wq, 2), 2, "wake_up_nr(2) wakes two");
	is_str(wake_log, "01", "the two oldest, oldest first");
	wake_log[0] = '\0';
	is_int(wake_up_nr(&wq, 2), 2, "again two");
	is_str(wake_log, "23", "the next two");
	wake_log[0] = '\0';
	is_int(wake_up_nr(&wq, 2), 1, "only one left");
	is_str(wake_log, "4", "the last");
}

static void test_running_waiter_not_counted(void)
{
	DECLARE_WAIT_QUEUE_HEAD(wq);
	struct wait_queue_entry e0, e1;

	reset();
	/* Plain entries (default_wake_function): they stay queued. */
	init_waitqueue_entry(&e0, &tasks[0]);
	init_waitqueue_entry(&e1, &tasks[1]);
	add_wait_queue_exclusive(&wq, &e0);
	add_wait_queue_exclusive(&wq, &e1);
	tasks[0].__state = TASK_RUNNING;        /* already woken, not yet gone */
	tasks[1].__state = TASK_INTERRUPTIBLE;
	is_int(wake_up(&wq), 1, "one task woken");
	is_str(wake_log, "1", "a running exclusive waiter does not use up the wake-up");
	is_int(queue_len(&wq), 2, "default_wake_function leaves entries queued");
	remove_wait_queue(&wq, &e0);
	remove_wait_queue(&wq, &e1);
	ok(!waitqueue_active(&wq), "remove_wait_queue unlinks");
}

static void test_modes(void)
{
	DECLARE_WAIT_QUEUE_HEAD(wq);
	struct wait_queue_entry e0, e1;

	reset();
	wait_on(&wq, &e0, 0, false, TASK_UNINTERRUPTIBLE);
	wait_on(&wq, &e1, 1, false, TASK_INTERRUPTIBLE);
	is_int(wake_up_interruptible(&wq), 1, "wake_up_interruptible wakes one");
	is_str(wake_log, "1", "only the interruptible sleeper");
	ok(!list_empty(&e0.entry), "the uninterruptible sleeper's entry stays");
	is_int(tasks[0].__state, TASK_UNINTERRUPTIBLE, "and it sleeps on");

	/* finish_wait without a wake-up: unlinks and sets running. */
	as(0);
	finish_wait(&wq, &e0);
	ok(list_empty(&e0.entry) && !waitqueue_active(&wq), "finish_wait unlinks an unwoken entry");
	is_int(tasks[0].__state, TASK_RUNNING, "finish_wait sets current running");

	/* prepare_to_wait twice queues the entry once. */
	wait_on(&wq, &e0, 0, false, TASK_INTERRUPTIBLE);
	prepare_to_wait(&wq, &e0, TASK_INTERRUPTIBLE);
	is_int(queue_len(&wq), 1, "prepare_to_wait twice: queued once");

	/* A pending signal ends an interruptible wait before sleeping. */
	tasks[0].ti_flags |= _TIF_SIGPENDING;
	is_int(prepare_to_wait_event(&wq, &e0, TASK_INTERRUPTIBLE), -ERESTARTSYS,
	       "prepare_to_wait_event: -ERESTARTSYS with a signal pending");
	ok(!waitqueue_active(&wq), "and the entry is unlinked");
	is_int(prepare_to_wait_event(&wq, &e0, TASK_UNINTERRUPTIBLE), 0,
	       "an uninterruptible wait ignores the signal");
	ok(waitqueue_active(&wq), "and queues");
	finish_wait(&wq, &e0);
	tasks[0].ti_flags = 0;
}

/* ---- wait_event_timeout ---- */

static bool cond;
static long set_cond_hook(long timeout)
{
	cond = true;
	return timeout - 3;
}

static void test_wait_event_timeout(void)
{
	DECLARE_WAIT_QUEUE_HEAD(wq);
	long r;

	reset();
	cond = false;
	r = wait_event_timeout(wq, cond, 10);
	is_int(r, 0, "wait_event_timeout: 0 when the time runs out");
	is_int(schedule_timeout_calls, 1, "slept once");
	ok(!waitqueue_active(&wq), "no entry left behind");
	is_int(tasks[0].__state, TASK_RUNNING, "running afterwards");

	reset();
	cond = false;
	sleep_hook = set_cond_hook;
	r = wait_event_timeout(wq, cond, 10);
	is_int(r, 7, "condition came true: the jiffies left");

	reset();
	cond = true;
	is_int(wait_event_timeout(wq, cond, 10), 10, "condition already true: no sleep, full timeout");
	is_int(schedule_timeout_calls, 0, "did not sleep");
}

/* ---- completions ---- */

static struct completion *hook_comp;
static long complete_hook(long timeout)
{
	complete(hook_comp);
	return timeout - 1;
}

static void test_completion(void)
{
	DECLARE_COMPLETION(c);
	struct wait_queue_entry e0, e1;

	reset();
	complete(&c);
	complete(&c);
	is_int(c.done, 2, "two complete() calls banked");
	is_int(wait_for_completion_timeout(&c, 10), 10, "banked: returns at once with the full timeout");
	is_int(wait_for_completion_timeout(&c, 10), 10, "second banked wake-up");
	is_int(schedule_timeout_calls, 0, "neither slept");
	is_int(might_sleep_calls, 2, "but both are might_sleep() points");
	is_int(wait_for_completion_timeout(&c, 10), 0, "third: times out with 0");
	is_int(schedule_timeout_calls, 1, "after sleeping");
	ok(!waitqueue_active(&c.wait), "the timed-out waiter left the queue");
	is_int(tasks[0].__state, TASK_RUNNING, "and runs");
	ok(!try_wait_for_completion(&c), "try_wait_for_completion: nothing banked");

	/* complete() while the waiter sleeps: it is woken and takes it. */
	reset();
	hook_comp = &c;
	sleep_hook = complete_hook;
	is_int(wait_for_completion_timeout(&c, 10), 9, "completed during the sleep: jiffies left");
	is_str(wake_log, "0", "the sleeper was woken");
	is_int(c.done, 0, "and consumed the completion");

	/* complete() wakes one queued waiter, the oldest. */
	reset();
	init_waitqueue_entry(&e0, &tasks[0]);
	init_waitqueue_entry(&e1, &tasks[1]);
	e0.flags = e1.flags = WQ_FLAG_EXCLUSIVE;
	list_add_tail(&e0.entry, &c.wait.head);
	list_add_tail(&e1.entry, &c.wait.head);
	tasks[0].__state = tasks[1].__state = TASK_UNINTERRUPTIBLE;
	complete(&c);
	is_str(wake_log, "0", "complete() wakes one waiter, the oldest");
	complete_all(&c);
	is_str(wake_log, "01", "complete_all() wakes the other");
	list_del_init(&e0.entry);
	list_del_init(&e1.entry);

	/* complete_all() lets every later waiter through. */
	reset();
	ok(wait_for_completion_timeout(&c, 5) == 5 && wait_for_completion_timeout(&c, 5) == 5 &&
	   wait_for_completion_timeout(&c, 5) == 5, "after complete_all() every wait passes");
	ok(completion_done(&c) && try_wait_for_completion(&c), "completion_done, try_wait");
	reinit_completion(&c);
	ok(!completion_done(&c), "reinit_completion: not done");
	is_int(wait_for_completion_timeout(&c, 5), 0, "and a wait times out again");

	/* An interruptible wait with a signal pending gives up at once. */
	reset();
	tasks[0].ti_flags |= _TIF_SIGPENDING;
	is_int(wait_for_completion_interruptible(&c), -ERESTARTSYS, "signal: -ERESTARTSYS");
	is_int(schedule_timeout_calls, 0, "without sleeping");
	ok(!waitqueue_active(&c.wait), "no entry left");
	is_int(host_irq_flags & 0x200, 0x200, "interrupts are on again after every wait");
}

int main(void)
{
	test_exclusive_order();
	test_nr_exclusive();
	test_running_waiter_not_counted();
	test_modes();
	test_wait_event_timeout();
	test_completion();
	return done_testing();
}
