// SPDX-License-Identifier: MIT
/*
 * Kernel threads: creating, binding, stopping (include/linux/kthread.h).
 *
 * Linux creates kthreads through a helper thread (kthreadd) so that they
 * inherit a clean context; irqos has no user context to be clean of, so
 * kthread_create() builds the task directly in the caller. Every kthread
 * starts in kthread(), which runs the thread function unless the thread
 * was stopped before it ever ran, and ends in do_exit() with its result.
 */
#include <linux/kthread.h>
#include <linux/completion.h>
#include <linux/kernel.h>
#include <linux/slab.h>
#include <linux/bug.h>

#define KTHREAD_SHOULD_STOP 0x1

struct kthread {
	unsigned long flags;
	int (*threadfn)(void *);
	void *data;
	struct completion exited;
};

static struct kthread *to_kthread(struct task_struct *k)
{
	WARN_ON_ONCE(!(k->flags & PF_KTHREAD));
	return k->kthread;
}

static int kthread(void *arg)
{
	struct kthread *self = arg;

	if (READ_ONCE(self->flags) & KTHREAD_SHOULD_STOP)
		return -EINTR;
	return self->threadfn(self->data);
}

static struct task_struct *__kthread_create(int (*threadfn)(void *), void *data,
					    int cpu, const char *name)
{
	struct kthread *kt = kzalloc(sizeof(*kt), GFP_KERNEL);
	struct task_struct *p;

	if (!kt)
		return ERR_PTR(-ENOMEM);
	kt->threadfn = threadfn;
	kt->data = data;
	init_completion(&kt->exited);
	p = create_kthread_task(kthread, kt, name, cpu);
	if (!p) {
		kfree(kt);
		return ERR_PTR(-ENOMEM);
	}
	p->kthread = kt;
	return p;
}

/**
 * kthread_create_on_node - make a kernel thread, stopped until woken
 * @threadfn: its function; the return value is what kthread_stop() returns
 * @data:     its argument
 * @node:     ignored (one memory node)
 * @namefmt:  printf-style name, e.g. "kworker/%u"
 *
 * Return: the task (start it with wake_up_process()), or ERR_PTR(-ENOMEM).
 */
struct task_struct *kthread_create_on_node(int (*threadfn)(void *data), void *data,
					   int node, const char namefmt[], ...)
{
	char name[TASK_COMM_LEN];
	va_list ap;

	va_start(ap, namefmt);
	vsnprintf(name, sizeof(name), namefmt, ap);
	va_end(ap);
	return __kthread_create(threadfn, data, -1, name);
}

/**
 * kthread_create_on_cpu - make a kernel thread bound to @cpu
 * @threadfn: its function
 * @data:     its argument
 * @cpu:      the CPU; also the number in @namefmt
 * @namefmt:  a name with one %u, e.g. "ksoftirqd/%u"
 */
struct task_struct *kthread_create_on_cpu(int (*threadfn)(void *data), void *data,
					  unsigned int cpu, const char *namefmt)
{
	char name[TASK_COMM_LEN];
	struct task_struct *p;

	snprintf(name, sizeof(name), namefmt, cpu);
	p = __kthread_create(threadfn, data, (int)cpu, name);
	if (!IS_ERR(p))
		p->flags |= PF_NO_SETAFFINITY;
	return p;
}

/**
 * kthread_bind_mask - set the CPUs a not-yet-started thread may run on
 */
void kthread_bind_mask(struct task_struct *k, const struct cpumask *mask)
{
	if (WARN_ON(READ_ONCE(k->__state) != TASK_NEW))
		return;
	cpumask_copy(&k->cpus_mask, mask);
	k->nr_cpus_allowed = cpumask_weight(mask);
	k->cpu = cpumask_first(mask);
	k->flags |= PF_NO_SETAFFINITY;
}

/**
 * kthread_bind - bind a not-yet-started thread to @cpu
 * @k:   the thread, as kthread_create() returned it
 * @cpu: the CPU
 */
void kthread_bind(struct task_struct *k, unsigned int cpu)
{
	kthread_bind_mask(k, cpumask_of(cpu));
}

/**
 * kthread_should_stop - has kthread_stop() been called on current?
 */
bool kthread_should_stop(void)
{
	struct kthread *kt = current->kthread;

	return kt && (READ_ONCE(kt->flags) & KTHREAD_SHOULD_STOP);
}

/** kthread_data - the @data a kthread was created with */
void *kthread_data(struct task_struct *k)
{
	return to_kthread(k)->data;
}

/* do_exit() of a kthread: release kthread_stop(). */
void kthread_exit_notify(struct task_struct *tsk)
{
	if (tsk->kthread)
		complete_all(&tsk->kthread->exited);
}

/**
 * kthread_stop - make @k's kthread_should_stop() true and wait for its end
 * @k: a thread from kthread_create(); started or not
 *
 * A thread that was never started does not run its function at all.
 *
 * Return: the thread function's result, or -EINTR if it never ran.
 */
int kthread_stop(struct task_struct *k)
{
	struct kthread *kt = to_kthread(k);
	int ret;

	if (WARN_ON_ONCE(k == current))
		return -EINVAL;
	get_task_struct(k);
	__atomic_fetch_or(&kt->flags, KTHREAD_SHOULD_STOP, __ATOMIC_SEQ_CST);
	if (READ_ONCE(k->__state) == TASK_NEW)
		wake_up_new_task(k);
	else
		wake_up_process(k);
	wait_for_completion(&kt->exited);
	ret = k->exit_code;
	put_task_struct(k);
	return ret;
}
