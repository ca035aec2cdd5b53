// SPDX-License-Identifier: MIT
/*
 * KUnit suite "smp": the secondary CPUs and what CPUs do to each other.
 *
 *  - every CPU the MADT lists is online, on its own per-CPU area, stack,
 *    IST stacks and APIC ID, and takes its own local timer ticks (LOC);
 *  - each IPI kind reaches exactly its targets: the per-CPU RES, CAL, TLB
 *    and NMI counters move by one on each target and nowhere else;
 *  - a waiting smp_call_function_many() returns only after every target
 *    ran the function (each target is slow on purpose);
 *  - a TLB shootdown leaves no CPU reading a page through a stale entry;
 *  - NMIs: a self-NMI, NMI IPIs, an NMI inside a hard-IRQ handler (the
 *    preempt_count nesting is right and restored), nmi_backtrace.
 *
 * At -smp 1 the cases that need a second CPU are skipped; everything a
 * single CPU can do to itself (self IPIs, self NMI, local calls) runs.
 */
#include <kunit/test.h>
#include <linux/kernel.h>
#include <linux/smp.h>
#include <linux/cpumask.h>
#include <linux/nmi.h>
#include <linux/delay.h>
#include <linux/hardirq.h>
#include <linux/irqflags.h>
#include <linux/vmalloc.h>
#include <linux/gfp.h>
#include <linux/mm.h>
#include <linux/string.h>
#include <linux/errno.h>
#include <asm/apic.h>
#include <asm/desc.h>
#include <asm/irq.h>
#include <asm/nmi.h>
#include <asm/page.h>
#include <asm/processor.h>
#include <asm/pgtable_types.h>
#include <asm/smp.h>
#include <asm/stacktrace.h>
#include <asm/tlbflush.h>

#define SECOND 1000000UL

unsigned long cpu_tss_ist(int i);

/* Spin (interrupts as they are) until @cond holds or @us pass; its value. */
#define WAIT_FOR(cond, us) ({						\
	unsigned long __w = 0;						\
	while (!(cond) && __w < (us)) {					\
		udelay(10);						\
		__w += 10;						\
	}								\
	(cond);								\
})

enum stat { ST_RES, ST_CAL, ST_TLB, ST_NMI, ST_LOC };

static unsigned int stat(unsigned int cpu, enum stat which)
{
	const struct irq_cpustat *s = per_cpu_ptr(&irq_stat, cpu);

	switch (which) {
	case ST_RES: return READ_ONCE(s->irq_resched_count);
	case ST_CAL: return READ_ONCE(s->irq_call_count);
	case ST_TLB: return READ_ONCE(s->irq_tlb_count);
	case ST_NMI: return READ_ONCE(s->__nmi_count);
	default:     return READ_ONCE(s->apic_timer_irqs);
	}
}

static void snapshot(unsigned int *v, enum stat which)
{
	unsigned int cpu;

	for_each_online_cpu(cpu)
		v[cpu] = stat(cpu, which);
}

/* Each online CPU's counter moved by exactly one if in @targets, else 0. */
static void expect_moved(struct kunit *test, const unsigned int *before,
			 enum stat which, const struct cpumask *targets)
{
	unsigned int cpu;

	for_each_online_cpu(cpu)
		KUNIT_EXPECT_EQ(test, stat(cpu, which) - before[cpu],
				cpumask_test_cpu(cpu, targets) ? 1u : 0u);
}

static void others_mask(cpumask_t *m)
{
	cpumask_copy(m, cpu_online_mask);
	__cpumask_clear_cpu(smp_processor_id(), m);
}

/* ---- bring-up ---- */

struct cpu_seen {
	bool ran, irqs_off, in_irq;
	unsigned long per_cpu_off, ist_nmi, sp;
	u32 apicid;
};

static void record_cpu(void *arg)
{
	struct cpu_seen *s = (struct cpu_seen *)arg + smp_processor_id();

	s->per_cpu_off = this_cpu_read(this_cpu_off);
	s->apicid = apic_available ? read_apic_id() : 0;
	s->ist_nmi = cpu_tss_ist(IST_INDEX_NMI);
	s->sp = current_stack_pointer_val();
	s->irqs_off = irqs_disabled();
	s->in_irq = in_irq();
	WRITE_ONCE(s->ran, true);
}

static void every_cpu_is_online_with_its_own_state(struct kunit *test)
{
	static struct cpu_seen seen[NR_CPUS];
	unsigned int cpu, self = smp_processor_id();

	KUNIT_EXPECT_TRUE(test, cpu_online(0));
	KUNIT_EXPECT_EQ(test, num_online_cpus(), nr_cpu_ids);
	memset(seen, 0, sizeof(seen));
	on_each_cpu(record_cpu, seen, 1);
	for_each_online_cpu(cpu) {
		const struct cpu_stacks *st = per_cpu_ptr(&cpu_stacks, cpu);

		KUNIT_EXPECT_TRUE(test, seen[cpu].ran);
		KUNIT_EXPECT_TRUE(test, seen[cpu].irqs_off);
		KUNIT_EXPECT_EQ(test, seen[cpu].per_cpu_off, __per_cpu_offset[cpu]);
		KUNIT_EXPECT_EQ(test, per_cpu(cpu_number, cpu), (int)cpu);
		if (apic_available)
			KUNIT_EXPECT_EQ(test, seen[cpu].apicid, x86_cpu_to_apicid[cpu]);
		KUNIT_EXPECT_NE(test, seen[cpu].ist_nmi, 0);
		KUNIT_EXPECT_NE(test, st->task_base, 0);
		KUNIT_EXPECT_NE(test, st->irq_base, 0);
		if (cpu == self)
			continue;
		/* Remote calls run in the IPI handler, on that CPU's IRQ stack. */
		KUNIT_EXPECT_TRUE(test, seen[cpu].in_irq);
		KUNIT_EXPECT_TRUE(test, seen[cpu].sp >= st->irq_base &&
				  seen[cpu].sp < st->irq_base + THREAD_SIZE);
		KUNIT_EXPECT_NE(test, seen[cpu].ist_nmi, seen[self].ist_nmi);
	}
}

static void every_cpu_takes_loc_ticks(struct kunit *test)
{
	unsigned int before[NR_CPUS], cpu;

	if (!lapic_timer_period)
		kunit_skip(test, "the LAPIC timer is not calibrated: the PIT is the tick");
	snapshot(before, ST_LOC);
	for_each_online_cpu(cpu)
		KUNIT_EXPECT_TRUE(test, WAIT_FOR(stat(cpu, ST_LOC) - before[cpu] >= 3, SECOND));
}

/* ---- reschedule ---- */

static void resched_ipi_reaches_only_its_target(struct kunit *test)
{
	unsigned int before[NR_CPUS], target;

	if (!smp_ipis_ready)
		kunit_skip(test, "no Local APIC: no IPIs");
	for_each_online_cpu(target) {   /* this CPU included: a self IPI */
		snapshot(before, ST_RES);
		smp_send_reschedule(target);
		KUNIT_EXPECT_TRUE(test, WAIT_FOR(stat(target, ST_RES) != before[target], SECOND));
		expect_moved(test, before, ST_RES, cpumask_of(target));
	}
}

/* ---- call function ---- */

struct call_rec {
	unsigned long seq;                 /* last sequence number handed out */
	unsigned long ran[NR_CPUS];        /* sequence number per CPU, 0 = not run */
	bool in_irq[NR_CPUS], irqs_off[NR_CPUS];
	unsigned int slow_us;
};

static void record_call(void *arg)
{
	struct call_rec *r = arg;
	unsigned int cpu = smp_processor_id();

	if (r->slow_us)
		udelay(r->slow_us);
	r->in_irq[cpu] = in_irq();
	r->irqs_off[cpu] = irqs_disabled();
	WRITE_ONCE(r->ran[cpu], __atomic_add_fetch(&r->seq, 1, __ATOMIC_SEQ_CST));
}

static void call_single_on_self_runs_here_irqs_off(struct kunit *test)
{
	static struct call_rec r;
	unsigned int self = smp_processor_id(), before[NR_CPUS];

	memset(&r, 0, sizeof(r));
	snapshot(before, ST_CAL);
	KUNIT_EXPECT_EQ(test, smp_call_function_single(self, record_call, &r, 1), 0);
	KUNIT_EXPECT_EQ(test, r.ran[self], 1);
	KUNIT_EXPECT_TRUE(test, r.irqs_off[self]);
	KUNIT_EXPECT_FALSE(test, r.in_irq[self]);
	KUNIT_EXPECT_FALSE(test, irqs_disabled());
	expect_moved(test, before, ST_CAL, &CPU_MASK_NONE);
	KUNIT_EXPECT_EQ(test, smp_call_function_single(nr_cpu_ids, record_call, &r, 1), -ENXIO);
	KUNIT_EXPECT_EQ(test, smp_call_function_single(-1, record_call, &r, 1), -ENXIO);
	KUNIT_EXPECT_EQ(test, r.seq, 1);
}

static void call_single_reaches_only_its_target(struct kunit *test)
{
	static struct call_rec r;
	unsigned int before[NR_CPUS], target, cpu;
	cpumask_t others;

	others_mask(&others);
	if (cpumask_empty(&others))
		kunit_skip(test, "needs a second CPU");
	for_each_cpu(target, &others) {
		memset(&r, 0, sizeof(r));
		r.slow_us = 1000;
		snapshot(before, ST_CAL);
		KUNIT_EXPECT_EQ(test, smp_call_function_single(target, record_call, &r, 1), 0);
		/* wait=1: it has run, completely, on the target alone. */
		for_each_online_cpu(cpu)
			KUNIT_EXPECT_EQ(test, r.ran[cpu], cpu == target ? 1ul : 0ul);
		KUNIT_EXPECT_TRUE(test, r.in_irq[target]);
		KUNIT_EXPECT_TRUE(test, r.irqs_off[target]);
		expect_moved(test, before, ST_CAL, cpumask_of(target));
	}
	/* Without waiting: it runs soon after, there. */
	target = cpumask_first(&others);
	memset(&r, 0, sizeof(r));
	KUNIT_EXPECT_EQ(test, smp_call_function_single(target, record_call, &r, 0), 0);
	KUNIT_EXPECT_TRUE(test, WAIT_FOR(READ_ONCE(r.ran[target]) != 0, SECOND));
}

static void call_many_waits_for_every_target(struct kunit *test)
{
	static struct call_rec r;
	unsigned int before[NR_CPUS], cpu, n, self = smp_processor_id();
	unsigned long seen = 0;
	cpumask_t others, one;

	others_mask(&others);
	if (cpumask_empty(&others))
		kunit_skip(test, "needs a second CPU");
	n = cpumask_weight(&others);

	/* The whole online mask: every CPU but the caller, each slow. */
	memset(&r, 0, sizeof(r));
	r.slow_us = 2000;
	snapshot(before, ST_CAL);
	smp_call_function_many(cpu_online_mask, record_call, &r, true);
	KUNIT_EXPECT_EQ(test, r.seq, n);
	KUNIT_EXPECT_EQ(test, r.ran[self], 0);
	for_each_cpu(cpu, &others) {
		KUNIT_EXPECT_TRUE(test, r.ran[cpu] >= 1 && r.ran[cpu] <= n);
		seen |= 1UL << r.ran[cpu];
		KUNIT_EXPECT_TRUE(test, r.in_irq[cpu]);
	}
	KUNIT_EXPECT_EQ(test, seen, ((1UL << n) - 1) << 1);   /* 1..n, each once */
	expect_moved(test, before, ST_CAL, &others);

	/* One CPU of the mask: only that one. */
	cpumask_clear(&one);
	__cpumask_set_cpu(cpumask_first(&others), &one);
	memset(&r, 0, sizeof(r));
	snapshot(before, ST_CAL);
	smp_call_function_many(&one, record_call, &r, true);
	KUNIT_EXPECT_EQ(test, r.seq, 1);
	KUNIT_EXPECT_EQ(test, r.ran[cpumask_first(&one)], 1);
	expect_moved(test, before, ST_CAL, &one);
}

static void on_each_cpu_includes_the_caller(struct kunit *test)
{
	static struct call_rec r;
	unsigned int before[NR_CPUS], cpu, self = smp_processor_id();
	cpumask_t others;

	memset(&r, 0, sizeof(r));
	others_mask(&others);
	snapshot(before, ST_CAL);
	on_each_cpu(record_call, &r, 1);
	KUNIT_EXPECT_EQ(test, r.seq, num_online_cpus());
	for_each_online_cpu(cpu)
		KUNIT_EXPECT_NE(test, r.ran[cpu], 0);
	KUNIT_EXPECT_TRUE(test, r.irqs_off[self]);
	expect_moved(test, before, ST_CAL, &others);
}

/* ---- TLB shootdown ---- */

#define MAGIC_OLD 0x01d01d01d01d01d0UL
#define MAGIC_NEW 0x0e40e40e40e40e40UL

struct tlb_probe {
	unsigned long va;
	unsigned long val[NR_CPUS];
};

static void read_probe(void *arg)
{
	struct tlb_probe *p = arg;

	p->val[smp_processor_id()] = READ_ONCE(*(unsigned long *)p->va);
}

static void tlb_shootdown_leaves_no_stale_mapping(struct kunit *test)
{
	static struct tlb_probe p;
	unsigned long old_page = get_zeroed_page(GFP_KERNEL);
	unsigned long new_page = get_zeroed_page(GFP_KERNEL);
	struct vm_struct *area = get_vm_area(PAGE_SIZE, "kunit tlb");
	unsigned int before[NR_CPUS], cpu, stale = 0;
	cpumask_t others;

	KUNIT_ASSERT_TRUE(test, old_page && new_page && area);
	*(unsigned long *)old_page = MAGIC_OLD;
	*(unsigned long *)new_page = MAGIC_NEW;
	p.va = area->addr;
	KUNIT_ASSERT_EQ(test, map_kernel_page(p.va, __pa(old_page), PAGE_KERNEL), 0);

	/* Every CPU reads the page, so its TLB holds the translation. */
	on_each_cpu(read_probe, &p, 1);
	for_each_online_cpu(cpu)
		KUNIT_EXPECT_EQ(test, p.val[cpu], MAGIC_OLD);

	/* Point the PTE elsewhere; map_kernel_page flushes this CPU only. */
	KUNIT_ASSERT_EQ(test, map_kernel_page(p.va, __pa(new_page), PAGE_KERNEL), 0);
	on_each_cpu(read_probe, &p, 1);
	for_each_online_cpu(cpu)
		stale += p.val[cpu] == MAGIC_OLD;
	kunit_info(test, "%u of %u CPUs still read the old page before the shootdown",
		   stale, num_online_cpus());

	others_mask(&others);
	snapshot(before, ST_TLB);
	flush_tlb_kernel_range(p.va, p.va + PAGE_SIZE);
	expect_moved(test, before, ST_TLB, &others);
	memset(p.val, 0, sizeof(p.val));
	on_each_cpu(read_probe, &p, 1);
	for_each_online_cpu(cpu)
		KUNIT_EXPECT_EQ(test, p.val[cpu], MAGIC_NEW);

	/* A big range is a full flush; it must work as well. */
	snapshot(before, ST_TLB);
	flush_tlb_kernel_range(p.va, p.va + 64 * PAGE_SIZE);
	expect_moved(test, before, ST_TLB, &others);

	free_vm_area(area);
	flush_tlb_kernel_range(p.va, p.va + PAGE_SIZE);
	free_page(old_page);
	free_page(new_page);
}

/* ---- NMIs ---- */

static unsigned long nmi_expected;        /* CPUs that should get a test NMI */
static struct {
	unsigned long preempt;
	bool in_nmi;
} nmi_saw[NR_CPUS];

static int kunit_nmi_handler(unsigned int type, struct pt_regs *regs)
{
	unsigned int cpu = smp_processor_id();

	if (!(__atomic_load_n(&nmi_expected, __ATOMIC_ACQUIRE) & (1UL << cpu)))
		return NMI_DONE;
	nmi_saw[cpu].preempt = preempt_count();
	nmi_saw[cpu].in_nmi = in_nmi();
	__atomic_fetch_and(&nmi_expected, ~(1UL << cpu), __ATOMIC_RELEASE);
	return NMI_HANDLED;
}

static bool nmi_arrived(unsigned int cpu)
{
	return !(__atomic_load_n(&nmi_expected, __ATOMIC_ACQUIRE) & (1UL << cpu));
}

/* Send a test NMI to @cpu; true once its handler claimed it. */
static bool send_test_nmi(unsigned int cpu)
{
	__atomic_fetch_or(&nmi_expected, 1UL << cpu, __ATOMIC_SEQ_CST);
	apic_send_nmi(cpu);
	return WAIT_FOR(nmi_arrived(cpu), SECOND);
}

static int smp_nmi_init(struct kunit *test)
{
	nmi_expected = 0;
	memset(nmi_saw, 0, sizeof(nmi_saw));
	return register_nmi_handler(NMI_LOCAL, kunit_nmi_handler, 0, "kunit_nmi");
}

static void smp_nmi_exit(struct kunit *test)
{
	unregister_nmi_handler(NMI_LOCAL, "kunit_nmi");
	nmi_expected = 0;
}

static void self_nmi_is_counted_and_claimed(struct kunit *test)
{
	unsigned int self = smp_processor_id(), before[NR_CPUS];
	unsigned long unknown = nmi_unknown_count(self), base = preempt_count();

	if (!apic_available)
		kunit_skip(test, "no Local APIC");
	snapshot(before, ST_NMI);
	KUNIT_ASSERT_TRUE(test, send_test_nmi(self));
	expect_moved(test, before, ST_NMI, cpumask_of(self));
	KUNIT_EXPECT_TRUE(test, nmi_saw[self].in_nmi);
	KUNIT_EXPECT_EQ(test, nmi_saw[self].preempt, base + NMI_OFFSET + HARDIRQ_OFFSET);
	KUNIT_EXPECT_EQ(test, preempt_count(), base);
	KUNIT_EXPECT_EQ(test, nmi_unknown_count(self), unknown);
}

static void nmi_ipi_reaches_only_its_target(struct kunit *test)
{
	unsigned int before[NR_CPUS], target;
	cpumask_t others;

	others_mask(&others);
	if (!apic_available || cpumask_empty(&others))
		kunit_skip(test, "needs a second CPU");
	for_each_cpu(target, &others) {
		snapshot(before, ST_NMI);
		KUNIT_EXPECT_TRUE(test, send_test_nmi(target));
		expect_moved(test, before, ST_NMI, cpumask_of(target));
		KUNIT_EXPECT_TRUE(test, nmi_saw[target].in_nmi);
	}
}

struct nmi_in_irq {
	unsigned long preempt_before, preempt_after;
	bool in_irq, nmi_claimed, done;
};

/* Runs in the call-function IPI handler: hard-IRQ context. */
static void nmi_inside_irq_func(void *arg)
{
	struct nmi_in_irq *r = arg;

	r->preempt_before = preempt_count();
	r->in_irq = in_irq();
	r->nmi_claimed = send_test_nmi(smp_processor_id());
	r->preempt_after = preempt_count();
	WRITE_ONCE(r->done, true);
}

static void nmi_inside_hardirq_handler_restores_state(struct kunit *test)
{
	static struct nmi_in_irq r;
	unsigned int self = smp_processor_id(), cal[NR_CPUS], nmi[NR_CPUS];
	unsigned long base = preempt_count();
	call_single_data_t csd = {
		.func = nmi_inside_irq_func, .info = &r,
		.flags = CSD_FLAG_LOCK | CSD_FLAG_SYNC,
	};

	if (!apic_available || !smp_ipis_ready)
		kunit_skip(test, "no Local APIC");
	memset(&r, 0, sizeof(r));
	snapshot(cal, ST_CAL);
	snapshot(nmi, ST_NMI);
	/* A real call-function IPI from this CPU to itself. */
	__smp_call_single_queue(self, &csd);
	if (!WAIT_FOR(!(READ_ONCE(csd.flags) & CSD_FLAG_LOCK), SECOND)) {
		/* Never delivered: take the csd off the queue before it dies. */
		local_irq_disable();
		generic_smp_call_function_single_interrupt();
		local_irq_enable();
		kunit_fail(test, __FILE__, __LINE__, "the self IPI never arrived");
		return;
	}
	KUNIT_EXPECT_TRUE(test, r.done);
	KUNIT_EXPECT_TRUE(test, r.in_irq);
	KUNIT_EXPECT_EQ(test, r.preempt_before, base + HARDIRQ_OFFSET);
	KUNIT_EXPECT_TRUE(test, r.nmi_claimed);
	/* In the NMI: the IRQ's hardirq count, plus nmi_enter()'s NMI and
	 * hardirq counts; after it, exactly the IRQ's again. */
	KUNIT_EXPECT_TRUE(test, nmi_saw[self].in_nmi);
	KUNIT_EXPECT_EQ(test, nmi_saw[self].preempt, base + 2 * HARDIRQ_OFFSET + NMI_OFFSET);
	KUNIT_EXPECT_EQ(test, r.preempt_after, r.preempt_before);
	KUNIT_EXPECT_EQ(test, preempt_count(), base);
	KUNIT_EXPECT_FALSE(test, irqs_disabled());
	expect_moved(test, cal, ST_CAL, cpumask_of(self));
	expect_moved(test, nmi, ST_NMI, cpumask_of(self));
}

static void nmi_backtrace_answers_from_every_cpu(struct kunit *test)
{
	unsigned long before[NR_CPUS];
	unsigned int cpu;

	if (!apic_available)
		kunit_skip(test, "no Local APIC");
	for_each_online_cpu(cpu)
		before[cpu] = nmi_backtrace_count(cpu);
	KUNIT_EXPECT_TRUE(test, trigger_all_cpu_backtrace());
	for_each_online_cpu(cpu)
		KUNIT_EXPECT_EQ(test, nmi_backtrace_count(cpu) - before[cpu], 1);
	KUNIT_EXPECT_FALSE(test, trigger_single_cpu_backtrace(nr_cpu_ids));
}

static struct kunit_case smp_test_cases[] = {
	KUNIT_CASE(every_cpu_is_online_with_its_own_state),
	KUNIT_CASE(every_cpu_takes_loc_ticks),
	KUNIT_CASE(resched_ipi_reaches_only_its_target),
	KUNIT_CASE(call_single_on_self_runs_here_irqs_off),
	KUNIT_CASE(call_single_reaches_only_its_target),
	KUNIT_CASE(call_many_waits_for_every_target),
	KUNIT_CASE(on_each_cpu_includes_the_caller),
	KUNIT_CASE(tlb_shootdown_leaves_no_stale_mapping),
	KUNIT_CASE(self_nmi_is_counted_and_claimed),
	KUNIT_CASE(nmi_ipi_reaches_only_its_target),
	KUNIT_CASE(nmi_inside_hardirq_handler_restores_state),
	KUNIT_CASE(nmi_backtrace_answers_from_every_cpu),
	{}
};

static struct kunit_suite smp_test_suite = {
	.name = "smp",
	.init = smp_nmi_init,
	.exit = smp_nmi_exit,
	.test_cases = smp_test_cases,
};
kunit_test_suite(smp_test_suite);
