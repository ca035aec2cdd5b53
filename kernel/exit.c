// SPDX-License-Identifier: MIT
/*
 * The end of a task. A kernel thread ends by returning from its function
 * (ret_from_fork_asm calls do_exit() with the return value) or by calling
 * do_exit() itself. Its stack is still in use until the scheduler has
 * switched away from it, so it is freed from the next task's
 * finish_task_switch(), when the task's own reference is dropped.
 */
#include <linux/sched.h>
#include <linux/kthread.h>
#include <linux/kernel.h>
#include <linux/printk.h>
#include <linux/hardirq.h>
#include <linux/bug.h>

/**
 * do_exit - end the current task with @code
 * @code: its exit code, handed to kthread_stop()
 */
__noreturn void do_exit(long code)
{
	struct task_struct *tsk = current;

	if (WARN_ON_ONCE(in_interrupt() || is_idle_task(tsk)))
		panic("Attempted to kill %s!", is_idle_task(tsk) ? "the idle task" : "in interrupt");
	if (preempt_count()) {
		printk(KERN_ERR "note: %s[%d] exited with preempt_count %lu\n",
		       tsk->comm, tsk->pid, preempt_count());
		__preempt_count_sub(preempt_count());
	}
	/* From here on the task counts as gone (it is finishing its exit). */
	tsk->flags |= PF_EXITING;
	tsk->exit_code = (int)code;
	if (tsk->flags & PF_KTHREAD)
		kthread_exit_notify(tsk);
	set_current_state(TASK_DEAD);
	schedule();
	BUG();
	for (;;)
		;
}
