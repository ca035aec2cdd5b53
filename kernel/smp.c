// SPDX-License-Identifier: MIT
/*
 * Cross-CPU function calls (include/linux/smp.h) and smp_init().
 *
 * Every CPU owns a call queue: a lock-free singly linked stack of
 * call_single_data. A sender pushes a csd with compare-and-swap and sends
 * the target a call-function IPI only when it found the queue empty: a
 * non-empty queue already has an IPI on the way, and the target takes the
 * whole queue with one atomic exchange, so anything pushed after that
 * exchange finds the queue empty again and sends a fresh IPI. Nothing is
 * ever popped singly, so the lock-free stack has no ABA problem.
 *
 * The target runs the calls in arrival order (the exchanged stack is
 * reversed first) from its IPI handler. A csd is "locked" (CSD_FLAG_LOCK)
 * from queueing until the target is finished with it:
 *  - a waiting sender (CSD_FLAG_SYNC) spins until the function returned,
 *    so its csd can live on its stack;
 *  - an asynchronous call is unlocked before its function runs, and its
 *    csd is a per-CPU slot (one per target, in cfd_data) that the next
 *    call to the same target re-locks, waiting if it is still queued.
 *
 * Anyone spinning on a csd with interrupts disabled also runs its own
 * queue while it waits: two CPUs that wait for each other that way would
 * otherwise never take each other's IPI.
 */
#define pr_fmt(fmt) "smp: " fmt

#include <linux/kernel.h>
#include <linux/init.h>
#include <linux/smp.h>
#include <linux/cpumask.h>
#include <linux/irqflags.h>
#include <linux/errno.h>
#include <linux/bug.h>
#include <asm/processor.h>
#include <asm/smp.h>

struct call_queue {
	call_single_data_t *first;
};

/* Per-sender slots for asynchronous and many-target calls. */
struct call_function_data {
	call_single_data_t csd[NR_CPUS];
};

static DEFINE_PER_CPU(struct call_queue, call_single_queue);
static DEFINE_PER_CPU(struct call_function_data, cfd_data);

static bool csd_locked(const call_single_data_t *csd)
{
	return __atomic_load_n(&csd->flags, __ATOMIC_ACQUIRE) & CSD_FLAG_LOCK;
}

/* Wait until the target is done with @csd. */
static void csd_lock_wait(call_single_data_t *csd)
{
	while (csd_locked(csd)) {
		if (irqs_disabled())
			generic_smp_call_function_single_interrupt();
		cpu_relax();
	}
}

static void csd_lock(call_single_data_t *csd, bool sync)
{
	csd_lock_wait(csd);
	csd->flags = CSD_FLAG_LOCK | (sync ? CSD_FLAG_SYNC : 0);
}

static void csd_unlock(call_single_data_t *csd)
{
	__atomic_store_n(&csd->flags, 0, __ATOMIC_RELEASE);
}

/* Push @csd on @cpu's queue; true if the queue was empty (send an IPI). */
static bool csd_enqueue(unsigned int cpu, call_single_data_t *csd)
{
	struct call_queue *q = per_cpu_ptr(&call_single_queue, cpu);
	call_single_data_t *first = __atomic_load_n(&q->first, __ATOMIC_RELAXED);

	do {
		csd->next = first;
	} while (!__atomic_compare_exchange_n(&q->first, &first, csd, true,
					      __ATOMIC_RELEASE, __ATOMIC_RELAXED));
	return first == NULL;
}

/**
 * generic_smp_call_function_single_interrupt - run this CPU's queued calls
 *
 * Called by the call-function IPI handlers, with interrupts off; also by a
 * CPU that spins on a csd with interrupts off (see the file comment).
 */
void generic_smp_call_function_single_interrupt(void)
{
	struct call_queue *q = this_cpu_ptr(&call_single_queue);
	call_single_data_t *list, *prev = NULL, *next;

	list = __atomic_exchange_n(&q->first, NULL, __ATOMIC_ACQUIRE);
	while (list) {                  /* newest first: reverse */
		next = list->next;
		list->next = prev;
		prev = list;
		list = next;
	}
	for (list = prev; list; list = next) {
		smp_call_func_t func = list->func;
		void *info = list->info;

		/* The csd may be reused (or leave the sender's stack) the
		 * moment it is unlocked: read everything first. */
		next = list->next;
		if (list->flags & CSD_FLAG_SYNC) {
			func(info);
			csd_unlock(list);
		} else {
			csd_unlock(list);
			func(info);
		}
	}
}

/**
 * __smp_call_single_queue - queue a prepared csd on @cpu, IPI if needed
 * @cpu: the target; may be the calling CPU, which then takes a real
 *       call-function IPI from itself (Linux's scheduler uses this path)
 * @csd: func and info set, flags as csd_lock() leaves them; the caller
 *       keeps it alive until the target has run it
 */
void __smp_call_single_queue(int cpu, call_single_data_t *csd)
{
	unsigned long flags;

	local_irq_save(flags);
	if (csd_enqueue(cpu, csd))
		arch_send_call_function_single_ipi(cpu);
	local_irq_restore(flags);
}

/**
 * smp_call_function_single - run @func(@info) on @cpu
 * @cpu:  the target; the calling CPU runs it at once, interrupts off
 * @func: called in the target's IPI handler: hard-IRQ context, IRQs off
 * @info: its argument
 * @wait: return only after @func has returned on @cpu
 *
 * Return: 0, or -ENXIO if @cpu is not online.
 */
int smp_call_function_single(int cpu, smp_call_func_t func, void *info, int wait)
{
	call_single_data_t stack_csd = { 0 }, *csd;
	unsigned long flags;

	if ((unsigned int)cpu == (unsigned int)smp_processor_id()) {
		local_irq_save(flags);
		func(info);
		local_irq_restore(flags);
		return 0;
	}
	if ((unsigned int)cpu >= nr_cpu_ids || !cpu_online(cpu))
		return -ENXIO;
	WARN_ON_ONCE(wait && irqs_disabled() && !oops_in_progress);

	local_irq_save(flags);
	csd = wait ? &stack_csd : &this_cpu_ptr(&cfd_data)->csd[cpu];
	csd_lock(csd, wait);
	csd->func = func;
	csd->info = info;
	if (csd_enqueue(cpu, csd))
		arch_send_call_function_single_ipi(cpu);
	local_irq_restore(flags);
	if (wait)
		csd_lock_wait(csd);
	return 0;
}

/*
 * Queue @func on every online CPU of @mask except this one, send the IPIs,
 * optionally run it here too, then optionally wait for all of them. The
 * queueing runs with interrupts off so an interrupt handler on this CPU
 * cannot reuse cfd_data half-way; the wait works on a copy of the mask.
 */
static void call_function_many(const struct cpumask *mask, smp_call_func_t func,
			       void *info, bool wait, bool run_local)
{
	unsigned int this_cpu = smp_processor_id(), cpu, n = 0, last = 0;
	struct call_function_data *cfd;
	cpumask_t targets, ipi = CPU_MASK_NONE;
	unsigned long flags;

	cpumask_and(&targets, mask, cpu_online_mask);
	__cpumask_clear_cpu(this_cpu, &targets);
	/* Only a wait for another CPU can deadlock; with nobody else
	 * online (early boot, -smp 1) interrupts may well be off. */
	if (wait && !cpumask_empty(&targets))
		WARN_ON_ONCE(irqs_disabled() && !oops_in_progress);
	local_irq_save(flags);
	cfd = this_cpu_ptr(&cfd_data);
	for_each_cpu(cpu, &targets) {
		call_single_data_t *csd = &cfd->csd[cpu];

		csd_lock(csd, wait);
		csd->func = func;
		csd->info = info;
		if (csd_enqueue(cpu, csd)) {
			__cpumask_set_cpu(cpu, &ipi);
			n++;
			last = cpu;
		}
	}
	/* One target gets the single-call vector, as in Linux. */
	if (n == 1)
		arch_send_call_function_single_ipi(last);
	else if (n > 1)
		arch_send_call_function_ipi_mask(&ipi);
	if (run_local && cpumask_test_cpu(this_cpu, mask))
		func(info);
	local_irq_restore(flags);

	if (wait)
		for_each_cpu(cpu, &targets)
			csd_lock_wait(&cfd->csd[cpu]);
}

/**
 * smp_call_function_many - run @func(@info) on the online CPUs of @mask
 * @mask: the targets; the calling CPU is left out even if it is in @mask
 * @func: called in each target's IPI handler (hard-IRQ, IRQs off)
 * @info: its argument
 * @wait: return only after @func has returned on every target
 */
void smp_call_function_many(const struct cpumask *mask, smp_call_func_t func,
			    void *info, bool wait)
{
	call_function_many(mask, func, info, wait, false);
}

/**
 * smp_call_function - run @func(@info) on every other online CPU
 */
void smp_call_function(smp_call_func_t func, void *info, int wait)
{
	call_function_many(cpu_online_mask, func, info, wait, false);
}

/**
 * on_each_cpu_mask - run @func(@info) on the online CPUs of @mask,
 * the calling one included (there with interrupts off)
 */
void on_each_cpu_mask(const struct cpumask *mask, smp_call_func_t func,
		      void *info, bool wait)
{
	call_function_many(mask, func, info, wait, true);
}

/**
 * on_each_cpu - run @func(@info) on every online CPU, this one included
 */
void on_each_cpu(smp_call_func_t func, void *info, int wait)
{
	call_function_many(cpu_online_mask, func, info, wait, true);
}

/* "maxcpus=N": bring up at most N CPUs at boot, the boot CPU included
 * (0 or 1: the boot CPU alone), as Linux. */
static unsigned int setup_max_cpus = NR_CPUS;

static int __init maxcpus_setup(char *str)
{
	unsigned long n;

	if (!str || kstrtoul(str, 0, &n))
		return -EINVAL;
	setup_max_cpus = n ? n : 1;
	return 0;
}
early_param("maxcpus", maxcpus_setup);

/**
 * smp_init - bring up every secondary CPU the firmware listed
 *
 * Called once by the boot CPU, after its own Local APIC works and before
 * the initcalls. A CPU that does not come up is reported by the
 * architecture and left offline; everything else goes on.
 */
void __init smp_init(void)
{
	unsigned int cpu;

	smp_prepare_cpus(setup_max_cpus);
	pr_info("Bringing up secondary CPUs ...\n");
	for (cpu = 0; cpu < nr_cpu_ids; cpu++) {
		if (num_online_cpus() >= setup_max_cpus)
			break;
		if (!cpu_online(cpu))
			cpu_up(cpu);
	}
	/* The architecture prints the summary, "Brought up N CPUs" included. */
	smp_cpus_done(setup_max_cpus);
}
