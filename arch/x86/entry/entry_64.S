/* SPDX-License-Identifier: MIT */
/*
 * arch/x86/entry/entry_64.S - the way into the kernel from an exception or
 * an interrupt, and the way back out.
 *
 * On an exception or interrupt the CPU (Intel SDM Vol. 3A, 6.14) aligns RSP
 * to 16 bytes (or loads an IST stack), then pushes SS, RSP, RFLAGS, CS, RIP
 * and, for some exceptions, an error code. Every stub here makes that frame
 * uniform: it pushes -1 where the CPU pushed no error code (exceptions) or
 * the vector number (interrupts), so the word below RIP is always orig_ax.
 * Then the general registers are pushed, completing struct pt_regs
 * (asm/ptrace.h), and the C handler is called as
 *
 *	handler(struct pt_regs *regs, unsigned long orig_ax, unsigned long vector)
 *
 * Before the call %rbp is set to regs + 1: an odd "frame pointer" that the
 * unwinder (arch/x86/kernel/dumpstack.c) recognises as "an exception frame
 * is here", so call traces continue through the interrupted code.
 */
#include <asm/ptrace.h>
#include <asm/segment.h>

#define FIRST_EXTERNAL_VECTOR 0x20
#define NR_VECTORS 256

	.section .entry.text, "ax"

.macro PUSH_REGS
	pushq	%rdi
	pushq	%rsi
	pushq	%rdx
	pushq	%rcx
	pushq	%rax
	pushq	%r8
	pushq	%r9
	pushq	%r10
	pushq	%r11
	pushq	%rbx
	pushq	%rbp
	pushq	%r12
	pushq	%r13
	pushq	%r14
	pushq	%r15
.endm

.macro POP_REGS
	popq	%r15
	popq	%r14
	popq	%r13
	popq	%r12
	popq	%rbp
	popq	%rbx
	popq	%r11
	popq	%r10
	popq	%r9
	popq	%r8
	popq	%rax
	popq	%rcx
	popq	%rdx
	popq	%rsi
	popq	%rdi
.endm

/*
 * Coming from user mode, GS holds the user's base: swap in the kernel's
 * per-CPU base (kept in MSR_KERNEL_GS_BASE). Kernel-to-kernel entries keep
 * GS as it is. (No user mode exists yet; the check is here so the entry
 * path has its final shape.)
 */
.macro SWAPGS_IF_USER
	testb	$3, CS(%rsp)
	jz	.Lno_swapgs_\@
	swapgs
.Lno_swapgs_\@:
.endm

/*
 * idtentry - an exception stub.
 * has_error_code: 0 = the CPU never pushes one (we push -1); 1 = the CPU
 * pushes one for a real exception. A software "int N" to such a vector
 * pushes none, which would shift the whole frame by a word. The stub tells
 * the two apart by the stack alignment: the CPU's pushes start from a
 * 16-byte-aligned RSP, so after five words RSP % 16 == 8 and after six
 * (with an error code) RSP % 16 == 0.
 */
.macro idtentry vector, asmsym, cfunc, has_error_code
	.globl	\asmsym
	.type	\asmsym, @function
	.balign	16
\asmsym:
	.if \has_error_code
	testq	$8, %rsp
	jz	.Lhave_code_\@
	pushq	$-1
.Lhave_code_\@:
	.else
	pushq	$-1
	.endif
	PUSH_REGS
	SWAPGS_IF_USER
	cld
	movq	%rsp, %rdi
	movq	ORIG_RAX(%rsp), %rsi
	movl	$\vector, %edx
	leaq	1(%rsp), %rbp
	call	\cfunc
	jmp	exc_return
	.size	\asmsym, . - \asmsym
.endm

idtentry  0 asm_exc_divide_error            exc_divide_error            0
idtentry  1 asm_exc_debug                   exc_debug                   0
idtentry  2 asm_exc_nmi                     exc_nmi                     0
idtentry  3 asm_exc_int3                    exc_int3                    0
idtentry  4 asm_exc_overflow                exc_overflow                0
idtentry  5 asm_exc_bounds                  exc_bounds                  0
idtentry  6 asm_exc_invalid_op              exc_invalid_op              0
idtentry  7 asm_exc_device_not_available    exc_device_not_available    0
idtentry  8 asm_exc_double_fault            exc_double_fault            1
idtentry  9 asm_exc_coproc_segment_overrun  exc_coproc_segment_overrun  0
idtentry 10 asm_exc_invalid_tss             exc_invalid_tss             1
idtentry 11 asm_exc_segment_not_present     exc_segment_not_present     1
idtentry 12 asm_exc_stack_segment           exc_stack_segment           1
idtentry 13 asm_exc_general_protection      exc_general_protection      1
idtentry 14 asm_exc_page_fault              exc_page_fault              1
idtentry 15 asm_exc_spurious_interrupt_bug  exc_spurious_interrupt_bug  0
idtentry 16 asm_exc_coprocessor_error       exc_coprocessor_error       0
idtentry 17 asm_exc_alignment_check         exc_alignment_check         1
idtentry 18 asm_exc_machine_check           exc_machine_check           0
idtentry 19 asm_exc_simd_coprocessor_error  exc_simd_coprocessor_error  0
idtentry 20 asm_exc_virtualization_exception exc_virtualization_exception 0
idtentry 21 asm_exc_control_protection      exc_control_protection      1

/* Vectors 22-31 are reserved by Intel; some AMD ones push an error code,
 * so let the alignment check decide. */
.irp v, 22,23,24,25,26,27,28,29,30,31
idtentry \v asm_exc_reserved_\v exc_reserved 1
.endr

/* The common way back from an exception. */
exc_return:
	SWAPGS_IF_USER
	POP_REGS
	addq	$8, %rsp                /* orig_ax */
	iretq

/*
 * Interrupt vectors 0x20-0xff: one 16-byte stub each, generated here,
 * pushing its vector (so orig_ax == vector) and joining common_interrupt.
 * idt.c points gate N at irq_entries_start + (N - 0x20) * 16.
 */
	.balign 16
	.globl irq_entries_start
irq_entries_start:
	vector = FIRST_EXTERNAL_VECTOR
	.rept NR_VECTORS - FIRST_EXTERNAL_VECTOR
	pushq	$vector
	jmp	asm_common_interrupt
	.balign 16
	vector = vector + 1
	.endr
	.globl irq_entries_end
irq_entries_end:

	.type asm_common_interrupt, @function
asm_common_interrupt:
	PUSH_REGS
	SWAPGS_IF_USER
	cld
	movq	%rsp, %rdi
	movq	ORIG_RAX(%rsp), %rsi
	movq	%rsi, %rdx
	leaq	1(%rsp), %rbp
	call	common_interrupt
	/*
	 * ret_from_intr: common_interrupt() has left the IRQ stack and, as
	 * its last act (irqentry_exit() in arch/x86/kernel/irq.c), checked
	 * TIF_NEED_RESCHED: a preemptible task that was asked to give up the
	 * CPU has done so there and come back here when it was chosen again.
	 */
	.globl ret_from_intr
ret_from_intr:
	SWAPGS_IF_USER
	POP_REGS
	addq	$8, %rsp                /* the vector */
	iretq
	.size asm_common_interrupt, . - asm_common_interrupt

/*
 * __switch_to_asm(prev, next) - the one place a CPU stops running one task
 * and starts running another (called by kernel/sched/core.c with the
 * runqueue lock held and interrupts off).
 *
 * The C calling convention says the caller has already saved what it
 * needs of the other registers, so only the callee-saved ones are pushed
 * onto prev's stack, and prev's %rsp is kept in prev->thread.sp. Loading
 * next->thread.sp switches stacks; popping undoes what next pushed when it
 * was switched out (or what copy_thread() laid out for a new task), and
 * __switch_to() finishes in C and returns prev - into next's frame.
 */
#define TASK_threadsp 16	/* offsetof(struct task_struct, thread.sp), asserted in process.c */

	.text
	.globl __switch_to_asm
	.type __switch_to_asm, @function
__switch_to_asm:
	pushq	%rbp
	pushq	%rbx
	pushq	%r12
	pushq	%r13
	pushq	%r14
	pushq	%r15
	movq	%rsp, TASK_threadsp(%rdi)
	movq	TASK_threadsp(%rsi), %rsp
	popq	%r15
	popq	%r14
	popq	%r13
	popq	%r12
	popq	%rbx
	popq	%rbp
	jmp	__switch_to
	.size __switch_to_asm, . - __switch_to_asm

/*
 * ret_from_fork_asm - where a new task's first switch-in "returns" to.
 * %rax is the task switched away from (__switch_to's result); copy_thread()
 * left the thread function in %rbx and its argument in %r12, and %rbp = 0,
 * which ends call traces here.
 */
	.globl ret_from_fork_asm
	.type ret_from_fork_asm, @function
ret_from_fork_asm:
	movq	%rax, %rdi
	call	schedule_tail
	movq	%r12, %rdi
	call	*%rbx
	movq	%rax, %rdi
	call	do_exit
	ud2
	.size ret_from_fork_asm, . - ret_from_fork_asm
