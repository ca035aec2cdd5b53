// SPDX-License-Identifier: MIT
/*
 * Fake kthreads, wake-ups and bottom-half switches for the host tests of
 * kernel/irq/ (see irq_thread_host.h). No thread ever runs here.
 */
#include <linux/kernel.h>
#include <linux/sched.h>
#include <linux/kthread.h>
#include <linux/wait.h>
#include <linux/errno.h>
#include <linux/string.h>
#include <linux/bottom_half.h>
#include <linux/cpumask.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include "irq_thread_host.h"

unsigned int host_kthreads_created, host_kthreads_live, host_kthreads_stopped;
bool host_kthread_fail;
unsigned int host_wq_wakeups;
unsigned int host_set_cpus_calls;
unsigned long host_cpus_allowed;
int host_set_cpus_ret;
int host_bh_depth;

DEFINE_PER_CPU(struct task_struct *, current_task);

struct host_kthread {
	struct task_struct task;     /* first: the task pointer is ours */
	int (*fn)(void *data);
	void *data;
	unsigned int wakeups;
};

static struct host_kthread *to_host(struct task_struct *p)
{
	return (struct host_kthread *)p;
}

struct task_struct *kthread_create_on_node(int (*threadfn)(void *data), void *data,
					   int node, const char namefmt[], ...)
{
	struct host_kthread *k;
	va_list ap;

	(void)node;
	if (host_kthread_fail) {
		host_kthread_fail = false;
		return ERR_PTR(-ENOMEM);
	}
	k = calloc(1, sizeof(*k));
	if (!k)
		abort();
	va_start(ap, namefmt);
	vsnprintf(k->task.comm, sizeof(k->task.comm), namefmt, ap);
	va_end(ap);
	k->task.__state = TASK_NEW;
	k->fn = threadfn;
	k->data = data;
	host_kthreads_created++;
	host_kthreads_live++;
	return &k->task;
}

int wake_up_process(struct task_struct *p)
{
	to_host(p)->wakeups++;
	return 1;
}

unsigned int host_task_wakeups(struct task_struct *p)
{
	return to_host(p)->wakeups;
}

int kthread_stop(struct task_struct *p)
{
	host_kthreads_live--;
	host_kthreads_stopped++;
	free(to_host(p));
	return 0;
}

bool kthread_should_stop(void)
{
	return false;
}

int set_cpus_allowed_ptr(struct task_struct *p, const struct cpumask *mask)
{
	(void)p;
	host_set_cpus_calls++;
	if (host_set_cpus_ret)
		return host_set_cpus_ret;
	host_cpus_allowed = __cpumask_word(mask);
	return 0;
}

void sched_set_fifo(struct task_struct *p)
{
	p->policy = SCHED_FIFO;
	p->rt_priority = 50;
}

void schedule(void)
{
	fprintf(stderr, "Bail out! schedule() called in a host test: it would sleep forever\n");
	abort();
}

void init_wait_entry(struct wait_queue_entry *e, int flags)
{
	e->flags = flags;
}

long prepare_to_wait_event(struct wait_queue_head *wq, struct wait_queue_entry *e, int state)
{
	(void)wq;
	(void)e;
	(void)state;
	return 0;
}

void finish_wait(struct wait_queue_head *wq, struct wait_queue_entry *e)
{
	(void)wq;
	(void)e;
}

int __wake_up(struct wait_queue_head *wq, unsigned int mode, int nr, void *key)
{
	(void)wq;
	(void)mode;
	(void)nr;
	(void)key;
	host_wq_wakeups++;
	return 0;
}

void local_bh_disable(void)
{
	host_bh_depth++;
}

void local_bh_enable(void)
{
	host_bh_depth--;
}
