// SPDX-License-Identifier: MIT
/*
 * "ps": every task, one line each, in pid order of creation:
 *
 *	  PID CPU STAT CLS RTPRIO  NI PRI  VCSW NVCSW TICKS COMMAND
 *
 * CPU is the CPU the task runs on or last ran on; STAT is R (running or
 * runnable), S (interruptible sleep), D (uninterruptible), I (idle: the
 * swapper tasks and TASK_IDLE sleepers), N (created, never started) or Z
 * (exited, not yet freed). CLS is ps's policy column: TS for SCHED_NORMAL,
 * FF for SCHED_FIFO, RR for SCHED_RR; RTPRIO and NI are "-" where they do
 * not apply, as in procps. PRI is the kernel's prio (0 most urgent .. 140
 * idle). VCSW/NVCSW count voluntary and involuntary switches away, TICKS
 * the ticks that found the task running.
 */
#include <linux/sched.h>
#include <linux/kernel.h>
#include <linux/shell.h>
#include <linux/smp.h>

static const char *policy_name(const struct task_struct *p)
{
	switch (p->policy) {
	case SCHED_FIFO: return "FF";
	case SCHED_RR:   return "RR";
	default:         return "TS";
	}
}

static void ps_line(const struct task_struct *p)
{
	char rt[8] = "-", ni[8] = "-";

	if (p->policy != SCHED_NORMAL)
		snprintf(rt, sizeof(rt), "%u", p->rt_priority);
	else if (!is_idle_task(p))
		snprintf(ni, sizeof(ni), "%d", task_nice(p));
	shell_printf("%5d %3d %-4c %-3s %6s %3s %3d %5lu %5lu %5lu %s\n",
		     p->pid, task_cpu(p), task_state_char(p), policy_name(p),
		     rt, ni, p->prio, p->nvcsw, p->nivcsw, p->sum_exec_ticks, p->comm);
}

static int do_ps(int argc, char **argv)
{
	struct task_struct *p;
	unsigned long flags;
	unsigned int cpu;

	if (argc != 1) {
		shell_printf("usage: ps\n");
		return 1;
	}
	shell_printf("  PID CPU STAT CLS RTPRIO  NI PRI  VCSW NVCSW TICKS COMMAND\n");
	/* The idle tasks first, as pid 0 on each CPU. */
	for_each_online_cpu(cpu)
		ps_line(idle_task((int)cpu));
	/* Printing under the lock keeps every task alive while we look;
	 * shell_printf() only queues output. */
	spin_lock_irqsave(&tasklist_lock, flags);
	list_for_each_entry(p, &task_list, tasks)
		if (!is_idle_task(p))
			ps_line(p);
	spin_unlock_irqrestore(&tasklist_lock, flags);
	return 0;
}
DEFINE_SHELL_CMD(ps, "", "list tasks: pid, CPU, state, policy, priority, switches, name", do_ps);
