// SPDX-License-Identifier: MIT
/*
 * Looking at the workqueue workers from outside kernel/workqueue.c: which
 * task is CPU N's kworker, how many works it has run, which work the
 * running kworker is in, and the `workqueue` shell command that prints a
 * row per CPU (worker, pid, works queued, running or not, works run).
 */
#include <linux/kernel.h>
#include <linux/workqueue.h>
#include <linux/sched.h>
#include <linux/spinlock.h>
#include <linux/percpu.h>
#include <linux/smp.h>
#include <linux/cpumask.h>
#include <linux/shell.h>
#include "workqueue_internal.h"

/**
 * kworker_task - the kworker of @cpu
 */
struct task_struct *kworker_task(unsigned int cpu)
{
	if (cpu >= nr_cpu_ids || !wq_pools_ready)
		return NULL;
	return READ_ONCE(per_cpu(cpu_worker_pools, cpu).task);
}

/**
 * kworker_works_run - works the kworker of @cpu has finished
 */
unsigned long kworker_works_run(unsigned int cpu)
{
	if (cpu >= nr_cpu_ids)
		return 0;
	return READ_ONCE(per_cpu(cpu_worker_pools, cpu).works_run);
}

/**
 * current_work - the work this kworker is running, or NULL
 */
struct work_struct *current_work(void)
{
	struct worker_pool *pool = this_cpu_ptr(&cpu_worker_pools);

	return pool->task == current ? READ_ONCE(pool->current_work) : NULL;
}

static int do_workqueue(int argc, char **argv)
{
	unsigned int cpu, queued;
	struct worker_pool *pool;
	struct work_struct *w;
	unsigned long flags;

	shell_printf("CPU  WORKER        PID  QUEUED  RUNNING  WORKS_RUN\n");
	for_each_online_cpu(cpu) {
		pool = per_cpu_ptr(&cpu_worker_pools, cpu);
		queued = 0;
		spin_lock_irqsave(&pool->lock, flags);
		list_for_each_entry(w, &pool->worklist, entry)
			queued++;
		spin_unlock_irqrestore(&pool->lock, flags);
		shell_printf("%3u  %-12s %4d  %6u  %7s  %9lu\n", cpu,
			     pool->task ? pool->task->comm : "-",
			     pool->task ? pool->task->pid : -1, queued,
			     READ_ONCE(pool->current_work) ? "yes" : "no",
			     READ_ONCE(pool->works_run));
	}
	return 0;
}
DEFINE_SHELL_CMD(workqueue, "", "per-CPU kworkers: queued works, running, works run", do_workqueue);
