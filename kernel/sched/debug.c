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
 *
 * "taskset -p PID" and "taskset -cp PID" show the CPUs a task may run on
 * (its cpus_mask), in util-linux taskset's words: "pid N's current
 * affinity mask: HEX" or "... list: 0-3". Only showing: an IRQ thread's
 * CPUs are the IRQ core's to set (/proc/irq/N/smp_affinity moves them).
 *
 * "spin MS [CPU]" makes load to look at with ps: a SCHED_NORMAL kernel
 * thread "spin/N" that keeps its CPU busy for MS milliseconds without ever
 * sleeping, then exits. Two of them on one CPU can only both progress by
 * tick preemption, which ps shows as NVCSW.
 */
#include <linux/sched.h>
#include <linux/kernel.h>
#include <linux/shell.h>
#include <linux/smp.h>
#include <linux/kthread.h>
#include <linux/jiffies.h>
#include <linux/errno.h>
#include <linux/string.h>
#include <linux/cpumask.h>
#include <asm/processor.h>

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

static int do_taskset(int argc, char **argv)
{
	struct task_struct *p;
	struct cpumask mask;
	unsigned long flags;
	bool list, found = false;
	char buf[64];
	int pid;

	list = argc == 3 && (!strcmp(argv[1], "-cp") || !strcmp(argv[1], "-pc"));
	if (argc != 3 || (!list && strcmp(argv[1], "-p")) || kstrtoint(argv[2], 10, &pid)) {
		shell_printf("usage: taskset -p PID | taskset -cp PID\n");
		return 1;
	}
	spin_lock_irqsave(&tasklist_lock, flags);
	list_for_each_entry(p, &task_list, tasks)
		if (p->pid == pid && !is_idle_task(p)) {
			cpumask_copy(&mask, &p->cpus_mask);
			found = true;
			break;
		}
	spin_unlock_irqrestore(&tasklist_lock, flags);
	if (!found) {
		shell_printf("taskset: failed to get pid %d's affinity: No such process\n", pid);
		return 1;
	}
	if (list)
		cpulist_scnprintf(buf, sizeof(buf), &mask);
	else
		cpumask_scnprintf(buf, sizeof(buf), &mask);
	shell_printf("pid %d's current affinity %s: %s\n", pid, list ? "list" : "mask", buf);
	return 0;
}
DEFINE_SHELL_CMD(taskset, "-p|-cp PID", "show the CPUs task PID may run on (hex mask or list)", do_taskset);

/* The body of a "spin" thread: @data is how many jiffies to stay busy. */
static int spin_fn(void *data)
{
	unsigned long end = jiffies + (unsigned long)data;

	while (time_before(jiffies, end))
		cpu_relax();
	return 0;
}

static int do_spin(int argc, char **argv)
{
	static unsigned int nr_spinners;
	struct task_struct *p;
	int ms, cpu = -1;

	if (argc < 2 || argc > 3 || kstrtoint(argv[1], 10, &ms) || ms < 1 || ms > 60000 ||
	    (argc == 3 && kstrtoint(argv[2], 10, &cpu))) {
		shell_printf("usage: spin MS [CPU]\n");
		return 1;
	}
	if (argc == 3 && (cpu < 0 || cpu >= (int)nr_cpu_ids || !cpu_online(cpu))) {
		shell_printf("spin: CPU %d is not online\n", cpu);
		return 1;
	}
	p = kthread_create(spin_fn, (void *)(unsigned long)msecs_to_jiffies(ms),
			   "spin/%u", nr_spinners++);
	if (IS_ERR(p)) {
		shell_printf("spin: cannot create a thread (%ld)\n", PTR_ERR(p));
		return 1;
	}
	if (cpu >= 0)
		kthread_bind(p, (unsigned int)cpu);
	shell_printf("%d\n", p->pid);
	wake_up_process(p);
	return 0;
}
DEFINE_SHELL_CMD(spin, "MS [CPU]", "start a kernel thread that keeps a CPU busy for MS milliseconds", do_spin);
