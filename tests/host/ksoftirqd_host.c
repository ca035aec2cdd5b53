// SPDX-License-Identifier: MIT
/*
 * The scheduler services kernel/softirq.c uses for ksoftirqd, for the host
 * tests that link it (test_softirq, test_timer). There is one host "CPU"
 * and no real threads to switch to: wake_up_process() only counts the
 * wake-up and marks the task runnable, so a test can check when softirq.c
 * hands work to ksoftirqd and how irq_exit() behaves while ksoftirqd is
 * runnable; yield() gives the host CPU to other pthreads.
 */
#include <linux/kernel.h>
#include <linux/errno.h>
#include <linux/sched.h>
#include <linux/cpumask.h>
#include <sched.h>
#include "ksoftirqd_host.h"

struct cpumask __cpu_online_mask = { { 1UL } };
struct task_struct *current_task;

unsigned long host_wakeups;     /* wake_up_process() calls */
unsigned long host_yields;      /* yield() calls */

int wake_up_process(struct task_struct *p)
{
	__atomic_add_fetch(&host_wakeups, 1, __ATOMIC_RELAXED);
	if (p->__state == TASK_RUNNING)
		return 0;
	p->__state = TASK_RUNNING;
	return 1;
}

void schedule(void)
{
}

int cond_resched(void)
{
	return 0;
}

void yield(void)
{
	__atomic_add_fetch(&host_yields, 1, __ATOMIC_RELAXED);
	sched_yield();
}

struct task_struct *kthread_create_on_cpu(int (*threadfn)(void *data), void *data,
					  unsigned int cpu, const char *namefmt)
{
	return ERR_PTR(-ENOMEM);       /* the host tests never spawn threads */
}
