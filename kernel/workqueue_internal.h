/* SPDX-License-Identifier: MIT */
/*
 * What kernel/workqueue.c shares with kernel/workqueue_debug.c: the
 * per-CPU worker pools (Linux keeps its struct worker here).
 */
#ifndef _KERNEL_WORKQUEUE_INTERNAL_H
#define _KERNEL_WORKQUEUE_INTERNAL_H

#include <linux/types.h>
#include <linux/list.h>
#include <linux/spinlock.h>
#include <linux/percpu.h>
#include <linux/workqueue.h>

struct task_struct;

/**
 * struct worker_pool - one CPU's works and the thread that runs them
 * @lock:         protects the fields below and works' @entry
 * @worklist:     queued works, oldest first
 * @task:         kworker/@cpu, NULL until workqueue_init()
 * @current_work: the work being run, NULL between works
 * @cpu:          the CPU
 * @works_run:    works finished (barriers of flush included)
 */
struct worker_pool {
	spinlock_t lock;
	struct list_head worklist;
	struct task_struct *task;
	struct work_struct *current_work;
	unsigned int cpu;
	unsigned long works_run;
};

DECLARE_PER_CPU(struct worker_pool, cpu_worker_pools);
/* Set once every online CPU's kworker exists (workqueue_init). */
extern bool wq_pools_ready;

#endif
