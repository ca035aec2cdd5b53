/* SPDX-License-Identifier: MIT */
/*
 * Kernel threads (kernel/kthread.c).
 *
 *	p = kthread_create(fn, data, "name/%d", n);   made, not yet running
 *	kthread_bind(p, cpu);                         optional, before the start
 *	wake_up_process(p);                           runs fn(data)
 *	...
 *	ret = kthread_stop(p);                        kthread_should_stop() turns
 *	                                              true; wait for fn's return
 *
 * kthread_run() is create + wake_up_process. A thread function that may
 * be stopped loops until kthread_should_stop() and must not exit on its own
 * before kthread_stop() (the stopper holds a reference, so that is safe,
 * but the return value is then the function's own).
 */
#ifndef _LINUX_KTHREAD_H
#define _LINUX_KTHREAD_H

#include <linux/sched.h>
#include <linux/errno.h>

__printf(4, 5)
struct task_struct *kthread_create_on_node(int (*threadfn)(void *data), void *data,
					   int node, const char namefmt[], ...);
#define kthread_create(threadfn, data, namefmt, ...) \
	kthread_create_on_node(threadfn, data, -1, namefmt, ##__VA_ARGS__)

/* A thread bound to @cpu, named by @namefmt with the CPU number ("ksoftirqd/%u"). */
struct task_struct *kthread_create_on_cpu(int (*threadfn)(void *data), void *data,
					  unsigned int cpu, const char *namefmt);

#define kthread_run(threadfn, data, namefmt, ...) ({			\
	struct task_struct *__k =					\
		kthread_create(threadfn, data, namefmt, ##__VA_ARGS__);	\
	if (!IS_ERR(__k))						\
		wake_up_process(__k);					\
	__k; })

void kthread_bind(struct task_struct *k, unsigned int cpu);
void kthread_bind_mask(struct task_struct *k, const struct cpumask *mask);
int kthread_stop(struct task_struct *k);
bool kthread_should_stop(void);
void *kthread_data(struct task_struct *k);
void kthread_exit_notify(struct task_struct *tsk);

#endif
