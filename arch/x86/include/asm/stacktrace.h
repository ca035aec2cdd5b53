/* SPDX-License-Identifier: MIT */
/*
 * The stacks a CPU can be running on, so the unwinder knows where a frame
 * pointer may legitimately point and can label the trace: <TASK>, <IRQ>,
 * <#DF>, <NMI>, <#DB>, <#MC>, as Linux does.
 */
#ifndef _ASM_X86_STACKTRACE_H
#define _ASM_X86_STACKTRACE_H

#include <linux/types.h>
#include <asm/desc.h>
#include <asm/percpu.h>

enum stack_type {
	STACK_TYPE_UNKNOWN,
	STACK_TYPE_TASK,
	STACK_TYPE_IRQ,
	STACK_TYPE_EXCEPTION,
	STACK_TYPE_BOOT,
};

struct stack_info {
	enum stack_type type;
	unsigned long begin, end;   /* [begin, end) */
	const char *name;
};

/* This CPU's stacks; filled by cpu_init() and the stack switch in start_kernel. */
struct cpu_stacks {
	unsigned long task_base;                    /* lowest address, THREAD_SIZE long */
	unsigned long irq_base;                     /* 0 until the IRQ stack exists */
	unsigned long ist_base[N_EXCEPTION_STACKS]; /* EXCEPTION_STKSZ long each */
};
DECLARE_PER_CPU(struct cpu_stacks, cpu_stacks);

bool get_stack_info(unsigned long addr, struct stack_info *info);
/* If @addr is in the guard page just below a known stack, describe that stack. */
bool stack_guard_page_hit(unsigned long addr, struct stack_info *info);
void show_trace_log_lvl(unsigned long bp, const char *log_lvl);

#endif
