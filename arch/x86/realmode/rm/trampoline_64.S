/* SPDX-License-Identifier: MIT */
/*
 * arch/x86/realmode/rm/trampoline_64.S - how an Application Processor
 * gets from the Startup IPI to the kernel's 64-bit C code.
 *
 * After INIT and a Startup IPI with vector VV, an AP runs in real mode at
 * CS:IP = (VV << 8):0, i.e. physical VV * 4 KiB, with no stack, interrupts
 * off and paging off (Intel SDM Vol. 3A, 8.4.4 and 9.1). The code from
 * trampoline_start to trampoline_end is copied to that page by
 * arch/x86/kernel/smpboot.c (see asm/realmode.h for the layout), so it
 * must not depend on where it was linked:
 *
 *  - 16-bit: every reference is an offset from trampoline_start, taken
 *    relative to CS (DS = CS); %ebx gets the page's physical address;
 *  - 32-bit: flat segments; references are %ebx + offset;
 *  - the far pointers, the GDT base, CR3 and EFER are filled into the copy
 *    by smpboot.c, which knows where it put it.
 *
 * The way up is the one the boot CPU took in head_64.S (SDM 9.8.5):
 * protected mode with a flat GDT, then PAE, CR3, EFER.LME (+NXE, which the
 * kernel's NX page-table bits require), CR0.PG, and a far jump to a
 * 64-bit code segment. The page table is the trampoline's own: it maps
 * this page 1:1 (so the instruction after "mov %eax, %cr0" can still be
 * fetched) and shares the kernel's upper half. The last trampoline
 * instruction jumps to secondary_startup_64 at its kernel address, the
 * only absolute address here (an immediate, resolved at link time, which
 * the copy keeps).
 *
 * secondary_startup_64, in the kernel's text, leaves the trampoline's
 * tables and GDT behind, finds which CPU it is by its APIC ID, and calls
 * start_secondary(cpu) on that CPU's own stack with its per-CPU GS base.
 */
#include <asm/processor-flags.h>
#include <asm/segment.h>

#define CR0_STATE (X86_CR0_PG | X86_CR0_WP | X86_CR0_NE | X86_CR0_ET | \
		   X86_CR0_MP | X86_CR0_PE)
#define TR(x) ((x) - trampoline_start)

	.section .rodata.trampoline, "a"
	.balign 16
	.globl trampoline_start
	.code16
trampoline_start:
	cli
	cld
	movw	%cs, %ax
	movw	%ax, %ds
	movw	%ax, %es
	movw	%ax, %ss
	xorl	%ebx, %ebx
	movw	%ax, %bx
	shll	$4, %ebx                /* %ebx = physical address of this page */

	lgdtl	TR(tr_gdt_desc)         /* 32-bit base: the "l" suffix */
	movl	%cr0, %eax
	orl	$X86_CR0_PE, %eax
	movl	%eax, %cr0
	ljmpl	*TR(tr_pm_ptr)          /* to tr_startup_32, CS = 32-bit code */

	.code32
	.globl tr_startup_32
tr_startup_32:
	movl	$__KERNEL_DS, %eax
	movl	%eax, %ds
	movl	%eax, %es
	movl	%eax, %ss
	movl	%eax, %fs
	movl	%eax, %gs

	movl	$(X86_CR4_PAE | X86_CR4_PGE), %eax
	movl	%eax, %cr4
	movl	TR(tr_cr3)(%ebx), %eax
	movl	%eax, %cr3
	movl	$MSR_EFER, %ecx
	rdmsr
	orl	TR(tr_efer)(%ebx), %eax
	wrmsr
	movl	$CR0_STATE, %eax
	movl	%eax, %cr0              /* paging on: IA-32e mode, compatibility */
	ljmpl	*TR(tr_lm_ptr)(%ebx)    /* a 64-bit CS makes it 64-bit mode */

	.code64
	.globl tr_startup_64
tr_startup_64:
	movabsq	$secondary_startup_64, %rax
	jmpq	*%rax

	/* Accessed bits preset: loading a selector then writes nothing. */
	.balign 8
	.globl tr_gdt
tr_gdt:
	.quad 0                                 /* null */
	.quad 0x00cf9b000000ffff                /* 0x08 __KERNEL32_CS */
	.quad 0x00af9b000000ffff                /* 0x10 __KERNEL_CS: L=1 */
	.quad 0x00cf93000000ffff                /* 0x18 __KERNEL_DS */
tr_gdt_end:
	.balign 4
	.word 0                                 /* aligns the base below */
	.globl tr_gdt_desc
tr_gdt_desc:
	.word tr_gdt_end - tr_gdt - 1
	.long 0                                 /* filled: physical tr_gdt */
	.globl tr_pm_ptr, tr_lm_ptr, tr_cr3, tr_efer
tr_pm_ptr:
	.long 0                                 /* filled: physical tr_startup_32 */
	.word __KERNEL32_CS
tr_lm_ptr:
	.long 0                                 /* filled: physical tr_startup_64 */
	.word __KERNEL_CS
	.balign 4
tr_cr3:
	.long 0                                 /* filled: the trampoline PGD */
tr_efer:
	.long 0                                 /* filled: LME, and NX if used */
	.globl trampoline_end
trampoline_end:

/*
 * secondary_startup_64 - the AP's first instruction at a kernel address
 *
 * Still on the trampoline's page table (whose low half is only the
 * trampoline page) and GDT (in that page), and without a stack. Load a
 * GDT that lives in the kernel, then the kernel's own page tables and the boot CPU's CR4 (PGE
 * and whatever else it runs with). Then pick this CPU's number: the
 * initial APIC ID from CPUID (leaf 0xb's 32-bit x2APIC ID when the CPU
 * has it, else leaf 1's 8-bit one) looked up in x86_cpu_to_apicid[]. An
 * AP that is not listed, or whose stack the boot CPU has not set (it gave
 * up on it, or never asked), halts for good instead of sharing another
 * CPU's stack.
 */
	.text
	.code64
	.globl secondary_startup_64
	.type secondary_startup_64, @function
secondary_startup_64:
	lgdt	smpboot_gdt_descr(%rip)
	movl	$__KERNEL_DS, %eax
	movl	%eax, %ds
	movl	%eax, %es
	movl	%eax, %ss
	xorl	%eax, %eax
	movl	%eax, %fs
	movl	%eax, %gs
	/* CS keeps selector 0x10, whose descriptor is the same in both
	 * GDTs; there is no stack yet for a far return to reload it, and
	 * cpu_init() reloads it from the per-CPU GDT soon. */
	movq	smpboot_cr3(%rip), %rax
	movq	%rax, %cr3
	movq	smpboot_cr4(%rip), %rax
	movq	%rax, %cr4

	xorl	%eax, %eax
	cpuid
	cmpl	$0xb, %eax
	jb	2f
	movl	$0xb, %eax
	xorl	%ecx, %ecx
	cpuid
	testl	%ebx, %ebx              /* leaf 0xb implemented? */
	jz	2f
	movl	%edx, %r8d              /* x2APIC ID */
	jmp	3f
2:	movl	$1, %eax
	cpuid
	shrl	$24, %ebx
	movl	%ebx, %r8d              /* initial APIC ID, bits 31-24 */
3:
	xorl	%edi, %edi              /* CPU number being tried */
	movl	nr_cpu_ids(%rip), %r9d
	leaq	x86_cpu_to_apicid(%rip), %rsi
4:	cmpl	%r9d, %edi
	jae	.Lap_halt
	cmpl	(%rsi, %rdi, 4), %r8d
	je	5f
	incl	%edi
	jmp	4b
5:
	leaq	smpboot_stack_top(%rip), %rsi
	movq	(%rsi, %rdi, 8), %rsp
	testq	%rsp, %rsp
	jz	.Lap_halt
	leaq	__per_cpu_offset(%rip), %rsi
	movq	(%rsi, %rdi, 8), %rax
	movq	%rax, %rdx
	shrq	$32, %rdx
	movl	$MSR_GS_BASE, %ecx
	wrmsr
	xorl	%ebp, %ebp              /* terminates the frame-pointer chain */
	call	start_secondary         /* (%edi = cpu); never returns */
.Lap_halt:
	cli
	hlt
	jmp	.Lap_halt
	.size secondary_startup_64, . - secondary_startup_64

	/* Writable, although the accessed bits are preset here too. */
	.data
	.balign 8
smpboot_gdt:
	.quad 0
	.quad 0x00cf9b000000ffff                /* 0x08 __KERNEL32_CS */
	.quad 0x00af9b000000ffff                /* 0x10 __KERNEL_CS */
	.quad 0x00cf93000000ffff                /* 0x18 __KERNEL_DS */
smpboot_gdt_end:
	.balign 8
	.word 0, 0, 0
smpboot_gdt_descr:
	.word smpboot_gdt_end - smpboot_gdt - 1
	.quad smpboot_gdt
