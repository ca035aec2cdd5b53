/* SPDX-License-Identifier: MIT */
/*
 * arch/x86/boot/head_64.S - from the boot loader to 64-bit C.
 *
 * Two ways in, one way on:
 *  - PVH (QEMU -kernel): the ELF note below gives the 32-bit physical entry
 *    pvh_start_xen; %ebx holds the physical address of struct hvm_start_info.
 *  - Multiboot2 (GRUB): the header below gives mb2_entry; %eax holds the
 *    magic 0x36d76289 and %ebx the physical address of the information.
 * Both enter in 32-bit protected mode, paging off, interrupts off, no stack.
 *
 * startup_32 clears .bss, builds temporary page tables (the first 4 GiB
 * mapped three times with 2 MiB pages: identity, at PAGE_OFFSET, and the
 * first GiB at __START_KERNEL_map), enables PAE, long mode, NX and paging,
 * and far-jumps into 64-bit code, which moves to the higher half and calls
 * x86_64_start_kernel(protocol, info). arch/x86/mm/init_64.c replaces these
 * tables with the real ones soon after (Intel SDM Vol. 3A, 9.8.5).
 */
#include <asm/page.h>
#include <asm/processor-flags.h>
#include <asm/segment.h>

#define PHYS(x) ((x) - __START_KERNEL_map)
#define MB2_MAGIC       0xe85250d6    /* in the header */
#define MB2_BOOT_MAGIC  0x36d76289    /* in %eax at entry */
#define XEN_ELFNOTE_PHYS32_ENTRY 18
#define BOOT_PVH 1
#define BOOT_MULTIBOOT2 2
#define EARLY_PTE (_PAGE_PRESENT | _PAGE_RW)
#define _PAGE_PRESENT 0x1
#define _PAGE_RW 0x2
#define _PAGE_PSE 0x80

/* ---- Multiboot2 header (Multiboot2 spec, 3.1) ---- */
	.section .head.multiboot2, "a"
	.balign 8
mb2_header:
	.long MB2_MAGIC
	.long 0                               /* architecture: i386 protected mode */
	.long mb2_header_end - mb2_header
	.long -(MB2_MAGIC + 0 + (mb2_header_end - mb2_header))
	.balign 8
	.word 3, 0                            /* entry address tag */
	.long 12
	.long PHYS(mb2_entry)
	.balign 8
	.word 0, 0                            /* end tag */
	.long 8
mb2_header_end:

/* ---- PVH entry note, read by QEMU's -kernel loader ---- */
	.section .note.Xen, "a", @note
	.balign 4
	.long 4                               /* namesz: "Xen\0" */
	.long 8                               /* descsz */
	.long XEN_ELFNOTE_PHYS32_ENTRY
	.asciz "Xen"
	.balign 4
	.quad PHYS(pvh_start_xen)
	.balign 4

	.section .head.text, "ax"
	.code32
	.globl pvh_start_xen
pvh_start_xen:
	movl	$BOOT_PVH, %esi
	jmp	startup_32

	.globl mb2_entry
mb2_entry:
	cmpl	$MB2_BOOT_MAGIC, %eax
	jne	.Lhalt32
	movl	$BOOT_MULTIBOOT2, %esi

startup_32:
	cli
	cld
	/* Clear .bss (no stack yet; %ebx and %esi must survive). */
	movl	$PHYS(__bss_start), %edi
	movl	$PHYS(__bss_stop), %ecx
	subl	%edi, %ecx
	shrl	$2, %ecx
	xorl	%eax, %eax
	rep stosl

	movl	$PHYS(early_stack_end), %esp
	movl	%esi, PHYS(boot_protocol)
	movl	%ebx, PHYS(boot_info_phys)

	/* Long mode is required; NX is used when present. */
	movl	$0x80000000, %eax
	cpuid
	cmpl	$0x80000001, %eax
	jb	.Lno_longmode
	movl	$0x80000001, %eax
	cpuid
	btl	$29, %edx
	jnc	.Lno_longmode
	xorl	%edi, %edi
	btl	$20, %edx
	jnc	1f
	movl	$EFER_NX, %edi
	movl	$1, PHYS(boot_cpu_has_nx)
1:
	/* PD entries: 2048 x 2 MiB = the first 4 GiB. */
	movl	$PHYS(early_pmd), %edx
	xorl	%ecx, %ecx
2:	movl	%ecx, %eax
	shll	$21, %eax
	orl	$(EARLY_PTE | _PAGE_PSE), %eax
	movl	%eax, (%edx, %ecx, 8)
	movl	%ecx, %eax
	shrl	$11, %eax                      /* bits 32+ of (i << 21) */
	movl	%eax, 4(%edx, %ecx, 8)
	incl	%ecx
	cmpl	$2048, %ecx
	jb	2b
	/* PUD: 4 entries -> the four PD pages. */
	movl	$PHYS(early_pud), %edx
	movl	$PHYS(early_pmd) + EARLY_PTE, %eax
	movl	%eax, 0(%edx)
	addl	$4096, %eax
	movl	%eax, 8(%edx)
	addl	$4096, %eax
	movl	%eax, 16(%edx)
	addl	$4096, %eax
	movl	%eax, 24(%edx)
	/* Kernel-map PUD: slot 510 (0xffffffff80000000) -> the first PD. */
	movl	$PHYS(early_pud_kernel), %edx
	movl	$PHYS(early_pmd) + EARLY_PTE, %eax
	movl	%eax, 510 * 8(%edx)
	/* PGD: identity (0), direct map (273 = PAGE_OFFSET), kernel (511). */
	movl	$PHYS(early_top_pgt), %edx
	movl	$PHYS(early_pud) + EARLY_PTE, %eax
	movl	%eax, 0(%edx)
	movl	%eax, 273 * 8(%edx)
	movl	$PHYS(early_pud_kernel) + EARLY_PTE, %eax
	movl	%eax, 511 * 8(%edx)

	/* PAE on, then CR3, then EFER.LME (+NX), then paging and WP. */
	movl	$(X86_CR4_PAE | X86_CR4_PGE), %eax
	movl	%eax, %cr4
	movl	$PHYS(early_top_pgt), %eax
	movl	%eax, %cr3
	movl	$MSR_EFER, %ecx
	rdmsr
	orl	$EFER_LME, %eax
	orl	%edi, %eax
	wrmsr
	movl	$(X86_CR0_PG | X86_CR0_WP | X86_CR0_NE | X86_CR0_ET | X86_CR0_MP | X86_CR0_PE), %eax
	movl	%eax, %cr0

	lgdt	PHYS(early_gdt_descr32)
	ljmp	$__KERNEL_CS, $PHYS(startup_64)

.Lno_longmode:
	/* Say so on COM1 (polled, no init needed under QEMU/most BIOSes). */
	movl	$PHYS(no_lm_msg), %esi
3:	lodsb
	testb	%al, %al
	jz	.Lhalt32
	movw	$0x3f8, %dx
	outb	%al, %dx
	jmp	3b
.Lhalt32:
	cli
	hlt
	jmp	.Lhalt32

	.code64
startup_64:
	/* Still on the identity map: go to the kernel's own addresses. */
	movabsq	$1f, %rax
	jmp	*%rax
1:
	lgdt	early_gdt_descr(%rip)
	movl	$__KERNEL_DS, %eax
	movl	%eax, %ds
	movl	%eax, %es
	movl	%eax, %ss
	xorl	%eax, %eax
	movl	%eax, %fs
	movl	%eax, %gs
	/* GS base 0: per-CPU accesses hit the .data..percpu template until
	 * setup_per_cpu_areas() gives this CPU its own copy. */
	movl	$MSR_GS_BASE, %ecx
	xorl	%edx, %edx
	wrmsr
	/* Reload CS with a far return so it holds a 64-bit selector. */
	leaq	2f(%rip), %rax
	pushq	$__KERNEL_CS
	pushq	%rax
	lretq
2:
	leaq	early_stack_end(%rip), %rsp
	xorl	%ebp, %ebp              /* terminates the frame-pointer chain */
	movl	boot_protocol(%rip), %edi
	movl	boot_info_phys(%rip), %esi
	call	x86_64_start_kernel
3:	cli
	hlt
	jmp	3b

	.section .rodata
no_lm_msg:
	.asciz "irqos: this CPU does not support 64-bit long mode\r\n"

	.balign 8
early_gdt:
	.quad 0                                 /* null */
	.quad 0x00cf9a000000ffff                /* 0x08 __KERNEL32_CS */
	.quad 0x00af9a000000ffff                /* 0x10 __KERNEL_CS: L=1 */
	.quad 0x00cf92000000ffff                /* 0x18 __KERNEL_DS */
early_gdt_end:
early_gdt_descr32:
	.word early_gdt_end - early_gdt - 1
	.long PHYS(early_gdt)
	.balign 8
early_gdt_descr:
	.word early_gdt_end - early_gdt - 1
	.quad early_gdt

	.data
	.globl boot_protocol, boot_info_phys, boot_cpu_has_nx
boot_protocol:   .long 0
boot_info_phys:  .long 0
boot_cpu_has_nx: .long 0

	.section .bss..page_aligned, "aw", @nobits
	.balign 4096
early_top_pgt:    .skip 4096
early_pud:        .skip 4096
early_pud_kernel: .skip 4096
early_pmd:        .skip 4 * 4096
	/* The boot stack, with an unmapped guard page below it once
	 * init_mem_mapping() builds the real page tables. */
	.globl early_stack_guard, early_stack, early_stack_end
early_stack_guard: .skip 4096
early_stack:       .skip 16384
early_stack_end:
