/* SPDX-License-Identifier: MIT */
/*
 * Host stand-ins for what kernel/irq/thread.c needs from the scheduler:
 * kthread_create() makes a task that never runs (a test runs a thread's
 * work with irq_thread_step()), wake_up_process() only counts, and
 * anything that would really sleep (schedule(), a wait_event() whose
 * condition is false) fails the test loudly instead of hanging it.
 */
#ifndef _TESTS_HOST_IRQ_THREAD_HOST_H
#define _TESTS_HOST_IRQ_THREAD_HOST_H

#include <linux/sched.h>

extern unsigned int host_kthreads_created;  /* kthread_create() calls that succeeded */
extern unsigned int host_kthreads_live;     /* created and not stopped */
extern unsigned int host_kthreads_stopped;
extern bool host_kthread_fail;              /* next kthread_create() fails -ENOMEM */
extern unsigned int host_wq_wakeups;        /* wake_up*() calls */
extern int host_bh_depth;                   /* local_bh_disable() nesting */

/* wake_up_process() calls on @p since it was created. */
/* set_cpus_allowed_ptr(): calls, the last mask applied, what it returns. */
extern unsigned int host_set_cpus_calls;
extern unsigned long host_cpus_allowed;
extern int host_set_cpus_ret;

unsigned int host_task_wakeups(struct task_struct *p);

#endif
