// SPDX-License-Identifier: MIT
/*
 * Making tasks. irqos has no user processes yet, so every task is a kernel
 * thread: a task_struct from kmalloc, a THREAD_SIZE stack from vmalloc
 * (with its guard page below, so an overflow faults instead of silently
 * corrupting a neighbour), a pid, and a place in the list of all tasks.
 *
 * A task is freed when its last reference goes (put_task_struct()): it
 * holds one on itself until it has exited and been switched away from for
 * the last time (kernel/sched/core.c: finish_task_switch()), and whoever
 * waits for it (kthread_stop()) holds another.
 */
#include <linux/sched.h>
#include <linux/kernel.h>
#include <linux/slab.h>
#include <linux/vmalloc.h>
#include <linux/string.h>
#include <linux/smp.h>
#include <linux/bug.h>
#include <asm/page.h>

void copy_thread(struct task_struct *p, int (*fn)(void *), void *arg);

/* The boot CPU's idle task; its stack is the one the boot code set up. */
struct task_struct init_task = {
	.__state = TASK_RUNNING,
	.usage = 1,
	.comm = "swapper/0",
	.run_list = LIST_HEAD_INIT(init_task.run_list),
	.tasks = LIST_HEAD_INIT(init_task.tasks),
};

LIST_HEAD(task_list);
DEFINE_SPINLOCK(tasklist_lock);
static int last_pid;

static void task_list_add(struct task_struct *p)
{
	unsigned long flags;

	spin_lock_irqsave(&tasklist_lock, flags);
	list_add_tail(&p->tasks, &task_list);
	spin_unlock_irqrestore(&tasklist_lock, flags);
}

/* A task with a stack, not yet on any list, in TASK_NEW. */
static struct task_struct *alloc_task(const char *name)
{
	struct task_struct *p = kzalloc(sizeof(*p), GFP_KERNEL);

	if (!p)
		return NULL;
	p->stack = vmalloc_named(THREAD_SIZE, "task stack");
	if (!p->stack) {
		kfree(p);
		return NULL;
	}
	p->__state = TASK_NEW;
	p->usage = 1;
	p->policy = SCHED_NORMAL;
	p->static_prio = p->normal_prio = p->prio = DEFAULT_PRIO;
	p->time_slice = SCHED_RR_TIMESLICE;
	INIT_LIST_HEAD(&p->run_list);
	INIT_LIST_HEAD(&p->tasks);
	spin_lock_init(&p->pi_lock);
	strlcpy(p->comm, name, sizeof(p->comm));
	return p;
}

/**
 * create_kthread_task - a new kernel thread that will run @fn(@arg)
 * @fn:   the thread function; returning from it exits the thread
 * @arg:  its argument
 * @name: its name (comm), truncated to 15 characters
 * @cpu:  the CPU to bind it to, or -1 for any online CPU
 *
 * The task is left in TASK_NEW: wake_up_new_task() starts it.
 *
 * Return: the task, or NULL without memory.
 */
struct task_struct *create_kthread_task(int (*fn)(void *), void *arg,
					const char *name, int cpu)
{
	struct task_struct *p = alloc_task(name);

	if (!p)
		return NULL;
	p->flags = PF_KTHREAD;
	p->pid = __atomic_add_fetch(&last_pid, 1, __ATOMIC_RELAXED);
	if (cpu >= 0) {
		cpumask_copy(&p->cpus_mask, cpumask_of(cpu));
		p->cpu = cpu;
	} else {
		cpumask_copy(&p->cpus_mask, cpu_possible_mask);
		p->cpu = smp_processor_id();
	}
	p->nr_cpus_allowed = cpumask_weight(&p->cpus_mask);
	copy_thread(p, fn, arg);
	task_list_add(p);
	return p;
}

/**
 * fork_idle - the idle task ("swapper/N", pid 0) of a CPU being brought up
 * @cpu: the CPU
 *
 * Its stack is the one the CPU starts on, so it is made runnable on the
 * spot by init_idle() when the CPU gets there.
 */
struct task_struct *fork_idle(int cpu)
{
	char name[TASK_COMM_LEN];
	struct task_struct *p;

	snprintf(name, sizeof(name), "swapper/%d", cpu);
	p = alloc_task(name);
	if (!p)
		return NULL;
	p->flags = PF_KTHREAD | PF_IDLE;
	task_list_add(p);
	return p;
}

/**
 * put_task_struct - drop a reference to @p, freeing it with the last
 * @p: the task; it must have exited if this can be the last reference
 *
 * Frees the stack, which may flush TLBs on every CPU: call with
 * interrupts enabled.
 */
void put_task_struct(struct task_struct *p)
{
	unsigned long flags;

	if (__atomic_sub_fetch(&p->usage, 1, __ATOMIC_ACQ_REL))
		return;
	if (WARN_ON_ONCE(READ_ONCE(p->__state) != TASK_DEAD || p == &init_task))
		return;
	spin_lock_irqsave(&tasklist_lock, flags);
	list_del(&p->tasks);
	spin_unlock_irqrestore(&tasklist_lock, flags);
	vfree(p->stack);
	kfree(p->kthread);
	kfree(p);
}

/**
 * find_task_by_pid - the task with pid @pid (0: CPU 0's idle), or NULL
 *
 * The result is only stable while the caller knows the task cannot exit.
 */
struct task_struct *find_task_by_pid(int pid)
{
	struct task_struct *p, *found = NULL;
	unsigned long flags;

	if (pid == 0)
		return &init_task;
	spin_lock_irqsave(&tasklist_lock, flags);
	list_for_each_entry(p, &task_list, tasks)
		if (p->pid == pid && !(p->flags & PF_IDLE)) {
			found = p;
			break;
		}
	spin_unlock_irqrestore(&tasklist_lock, flags);
	return found;
}
