// SPDX-License-Identifier: MIT
/*
 * The architecture's half of a task switch.
 *
 * copy_thread() lays out a new task's stack so that the first
 * __switch_to_asm() into it pops a prepared frame and "returns" to
 * ret_from_fork_asm (arch/x86/entry/entry_64.S):
 *
 *	stack + THREAD_SIZE  ->  +---------------------+
 *	                         | 0 (end of the stack) |
 *	                         | ret_from_fork_asm    |  return address
 *	                         | %rbp = 0             |
 *	                         | %rbx = fn            |
 *	                         | %r12 = arg           |
 *	                         | %r13, %r14, %r15 = 0 |
 *	thread.sp            ->  +---------------------+
 *
 * __switch_to() does the rest of a switch in C: it makes next the CPU's
 * current task, and points the TSS's rsp0 and the unwinder's idea of "the
 * task stack" (cpu_stacks.task_base) at next's stack.
 */
#include <linux/sched.h>
#include <linux/kernel.h>
#include <asm/page.h>
#include <asm/stacktrace.h>

DEFINE_PER_CPU(struct task_struct *, current_task);

void cpu_set_kernel_stack(unsigned long top);
void ret_from_fork_asm(void);

_Static_assert(__builtin_offsetof(struct task_struct, thread.sp) == 16,
	       "entry_64.S's TASK_threadsp");

/* The frame __switch_to_asm pops, lowest address first. */
struct inactive_task_frame {
	unsigned long r15, r14, r13, r12, bx, bp;
	unsigned long ret_addr;
	unsigned long end;            /* a zero word at the very top */
};

/**
 * copy_thread - prepare @p's stack to start in @fn(@arg)
 * @p:   a new task with its stack allocated
 * @fn:  the thread function; its return value goes to do_exit()
 * @arg: its argument
 */
void copy_thread(struct task_struct *p, int (*fn)(void *), void *arg)
{
	struct inactive_task_frame *f =
		(void *)((unsigned long)p->stack + THREAD_SIZE - sizeof(*f));

	*f = (struct inactive_task_frame){
		.bx = (unsigned long)fn,
		.r12 = (unsigned long)arg,
		.ret_addr = (unsigned long)ret_from_fork_asm,
	};
	p->thread.sp = (unsigned long)f;
}

/**
 * __switch_to - finish switching from @prev to @next (interrupts off)
 * @prev: the task this CPU ran until now
 * @next: the task it runs from now; we are already on its stack
 *
 * Return: @prev, which the scheduler needs to finish the switch.
 */
struct task_struct *__switch_to(struct task_struct *prev,
					  struct task_struct *next)
{
	this_cpu_write(current_task, next);
	this_cpu_ptr(&cpu_stacks)->task_base = (unsigned long)next->stack;
	cpu_set_kernel_stack((unsigned long)next->stack + THREAD_SIZE);
	return prev;
}
