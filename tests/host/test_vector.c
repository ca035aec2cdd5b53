/* SPDX-License-Identifier: MIT */
/*
 * Host tests for the APIC device vector allocator,
 * arch/x86/kernel/apic/vector.c: the spreading order over priority
 * classes, IA32_SYSCALL_VECTOR never handed out, per-CPU independence,
 * exhaustion (-ENOSPC, nothing changed), free and reuse, and the two-step
 * move (old vector kept until the move is complete and the old CPU's
 * LAPIC has nothing of it pending).
 *
 * Built with percpu_array.h force-included, so each of the 4 host CPUs
 * has its own vector_irq[] table, as in the kernel. The LAPIC is a
 * stand-in: lapic_vector_pending() answers from fake_pending[].
 */
#include <linux/kernel.h>
#include <linux/errno.h>
#include <linux/irqdesc.h>
#include <asm/irq.h>
#include <asm/irq_vectors.h>
#include <asm/hw_irq.h>

#include <stdio.h>
#include <stdlib.h>

#include "tap.h"

/* --- what the kernel defines elsewhere --------------------------------- */
unsigned long host_irq_flags = 0x200;
unsigned int host_this_cpu;
DEFINE_PER_CPU(int, cpu_number);
DEFINE_PER_CPU(vector_irq_t, vector_irq);
unsigned int nr_cpu_ids = 3;     /* CPU 3 exists in the arrays, not for the kernel */
static struct irq_desc descs[NR_IRQS];
static bool fake_pending[NR_VECTORS];

struct irq_desc *irq_to_desc(unsigned int irq)
{
	return irq < NR_IRQS ? &descs[irq] : NULL;
}

bool lapic_vector_pending(unsigned int vector)
{
	return fake_pending[vector];
}

void host_bug(const char *file, int line, unsigned int flags)
{
	printf("# BUG/WARN at %s:%d\n", file, line);
	abort();
}

#define VI(cpu, v) (per_cpu(vector_irq, cpu)[v])
#define NR_DEVICE_VECTORS (FIRST_SYSTEM_VECTOR - FIRST_DEVICE_VECTOR - 1)  /* 187 */

/* --- tests ------------------------------------------------------------- */

static void test_spreading_order(void)
{
	static const int want[] = { 0x30, 0x40, 0x50, 0x60, 0x70, 0x81, 0x90, 0xa0,
				    0xb0, 0xc0, 0xd0, 0xe0, 0x31, 0x41 };
	unsigned int i, wrong = 0;
	bool mapped = true;

	for (i = 0; i < ARRAY_SIZE(want); i++) {
		int v = irq_alloc_vector(i, 0);

		if (v != want[i]) {
			printf("#   allocation %u: got 0x%x, expected 0x%x\n", i, v, want[i]);
			wrong++;
		}
		if (v > 0 && VI(0, v) != &descs[i])
			mapped = false;
	}
	is_int(wrong, 0, "one vector per priority class first, 0x80 skipped, then the next row");
	ok(mapped, "each vector maps to its IRQ's descriptor on CPU 0");
	is_int(irq_cfg(5)->vector, 0x81, "irq_cfg records the vector");
	is_int(irq_cfg(5)->cpu, 0, "... and the CPU");
	is_int(irq_vectors_in_use(0), ARRAY_SIZE(want), "CPU 0 counts its vectors");

	is_int(irq_alloc_vector(3, 0), -EBUSY, "an IRQ that has a vector: -EBUSY");
	is_int(irq_alloc_vector(20, 3), -EINVAL, "CPU >= nr_cpu_ids: -EINVAL");
	is_int(irq_alloc_vector(NR_IRQS, 0), -EINVAL, "IRQ >= NR_IRQS: -EINVAL");
	ok(!irq_cfg(NR_IRQS), "irq_cfg(NR_IRQS) is NULL");

	/* CPU 1 has its own vector space. */
	is_int(irq_alloc_vector(20, 1), 0x30, "CPU 1 starts at 0x30 too");
	ok(VI(1, 0x30) == &descs[20] && VI(0, 0x30) == &descs[0],
	   "CPU 1's vector 0x30 is IRQ 20, CPU 0's stays IRQ 0");

	for (i = 0; i < ARRAY_SIZE(want); i++)
		irq_free_vector(i);
	irq_free_vector(20);
	is_int(irq_vectors_in_use(0) + irq_vectors_in_use(1), 0, "all freed");
	ok(!VI(0, 0x30) && !VI(0, 0x81) && !VI(1, 0x30), "freed vectors unmapped");
	is_int(irq_cfg(5)->vector, 0, "freed IRQ has no vector");
}

static void test_exhaustion_and_reuse(void)
{
	bool seen[NR_VECTORS] = { false }, dup = false, range = true;
	unsigned int irq, n = 0, before;
	int v, last = -1;
	struct irq_desc *snapshot[NR_VECTORS];

	for (irq = 32; irq < NR_IRQS; irq++) {
		v = irq_alloc_vector(irq, 2);
		if (v < 0) {
			last = v;
			break;
		}
		n++;
		dup |= seen[v];
		seen[v] = true;
		range &= v >= FIRST_DEVICE_VECTOR && v < FIRST_SYSTEM_VECTOR;
	}
	is_int(n, NR_DEVICE_VECTORS, "187 device vectors on one CPU (0x30-0xeb without 0x80)");
	is_int(last, -ENOSPC, "the next allocation fails with -ENOSPC");
	ok(!seen[IA32_SYSCALL_VECTOR], "IA32_SYSCALL_VECTOR 0x80 never handed out");
	ok(!dup, "no vector handed out twice");
	ok(range, "all between FIRST_DEVICE_VECTOR and FIRST_SYSTEM_VECTOR");
	is_int(irq_cfg(irq)->vector, 0, "the refused IRQ has no vector");
	ok(!irq_vector_used(2, IA32_SYSCALL_VECTOR) && !VI(2, IA32_SYSCALL_VECTOR),
	   "0x80 is neither used nor mapped");

	/* A refusal changes nothing. */
	memcpy(snapshot, per_cpu(vector_irq, 2), sizeof(snapshot));
	before = irq_vectors_in_use(2);
	is_int(irq_alloc_vector(irq + 1, 2), -ENOSPC, "still -ENOSPC");
	is_int(irq_move_vector(32, 2), -ENOSPC, "a move onto the full CPU: -ENOSPC");
	ok(!memcmp(snapshot, per_cpu(vector_irq, 2), sizeof(snapshot)) &&
	   irq_vectors_in_use(2) == before && !irq_cfg(32)->move_in_progress,
	   "refusals leave vector_irq, the counts and the IRQ alone");

	/* Free one and the next allocation gets exactly it. */
	v = irq_cfg(100)->vector;
	irq_free_vector(100);
	ok(!VI(2, v) && !irq_vector_used(2, v), "freed vector unmapped and free");
	is_int(irq_alloc_vector(250, 2), v, "the only free vector is reused");
	ok(VI(2, v) == &descs[250], "... and maps to the new IRQ");

	for (irq = 32; irq < NR_IRQS; irq++)
		irq_free_vector(irq);
	is_int(irq_vectors_in_use(2), 0, "CPU 2 empty again");
}

static void test_move(void)
{
	struct irq_cfg *cfg = irq_cfg(40);
	int v0, v1;

	v0 = irq_alloc_vector(40, 0);
	v1 = irq_move_vector(40, 1);
	ok(v1 >= FIRST_DEVICE_VECTOR, "move to CPU 1: a vector there (0x%x)", v1);
	ok(cfg->vector == (unsigned int)v1 && cfg->cpu == 1 && cfg->old_vector == (unsigned int)v0 &&
	   cfg->old_cpu == 0 && cfg->move_in_progress, "cfg: new vector current, old one remembered");
	ok(VI(1, v1) == &descs[40] && VI(0, v0) == &descs[40],
	   "both vectors map to the IRQ while the move is in progress");
	is_int(irq_move_vector(40, 2), -EBUSY, "a second move before completion: -EBUSY");

	irq_complete_move(40, 0, v0);
	ok(cfg->move_in_progress && !irq_move_cleanup_pending(0),
	   "an interrupt on the old vector does not complete the move");
	irq_complete_move(40, 1, v1);
	ok(!cfg->move_in_progress && cfg->cleanup_pending && irq_move_cleanup_pending(0),
	   "one on the new vector does; CPU 0 has cleanup to do");
	is_int(irq_move_vector(40, 2), -EBUSY, "still -EBUSY until the old vector is released");

	irq_move_cleanup(1);
	ok(VI(0, v0) == &descs[40], "cleanup on the wrong CPU releases nothing");
	fake_pending[v0] = true;
	irq_move_cleanup(0);
	ok(VI(0, v0) == &descs[40] && irq_vector_used(0, v0) && irq_move_cleanup_pending(0),
	   "old vector still pending at CPU 0's LAPIC: kept, cleanup stays wanted");
	fake_pending[v0] = false;
	irq_move_cleanup(0);
	ok(!VI(0, v0) && !irq_vector_used(0, v0) && !cfg->cleanup_pending && !cfg->old_vector &&
	   !irq_move_cleanup_pending(0), "then released: unmapped, free, cfg clean");
	ok(VI(1, v1) == &descs[40], "the new vector stays");

	/* Same CPU, new vector; freeing mid-move releases both. */
	v0 = cfg->vector;
	v1 = irq_move_vector(40, 1);
	ok(v1 > 0 && v1 != v0 && VI(1, v0) == &descs[40] && VI(1, v1) == &descs[40],
	   "a move within CPU 1 keeps both vectors mapped");
	irq_free_vector(40);
	ok(!VI(1, v0) && !VI(1, v1) && irq_vectors_in_use(1) == 0, "free during a move releases both");
	is_int(irq_move_vector(40, 0), -EINVAL, "moving an IRQ without a vector: -EINVAL");
}

int main(void)
{
	unsigned int cpu;

	for (cpu = 0; cpu < NR_CPUS; cpu++)
		per_cpu(cpu_number, cpu) = cpu;
	for (cpu = 0; cpu < NR_IRQS; cpu++)
		descs[cpu].irq_data.irq = cpu;
	test_spreading_order();
	test_exhaustion_and_reuse();
	test_move();
	return done_testing();
}
