/* SPDX-License-Identifier: MIT */
/* Bits of RFLAGS, CR0, CR4 and EFER (Intel SDM Vol. 3A, 2.3 and 2.5). */
#ifndef _ASM_X86_PROCESSOR_FLAGS_H
#define _ASM_X86_PROCESSOR_FLAGS_H

#define X86_EFLAGS_CF   0x00000001
#define X86_EFLAGS_FIXED 0x00000002 /* bit 1 always reads 1 */
#define X86_EFLAGS_PF   0x00000004
#define X86_EFLAGS_ZF   0x00000040
#define X86_EFLAGS_SF   0x00000080
#define X86_EFLAGS_TF   0x00000100  /* single-step: #DB after each insn */
#define X86_EFLAGS_IF   0x00000200  /* maskable interrupts enabled */
#define X86_EFLAGS_DF   0x00000400
#define X86_EFLAGS_OF   0x00000800
#define X86_EFLAGS_IOPL 0x00003000
#define X86_EFLAGS_NT   0x00004000
#define X86_EFLAGS_RF   0x00010000  /* resume: suppress instruction #DB */
#define X86_EFLAGS_AC   0x00040000
#define X86_EFLAGS_ID   0x00200000

#define X86_CR0_PE 0x00000001  /* protected mode */
#define X86_CR0_MP 0x00000002
#define X86_CR0_EM 0x00000004
#define X86_CR0_TS 0x00000008
#define X86_CR0_ET 0x00000010
#define X86_CR0_NE 0x00000020  /* native x87 error reporting (#MF) */
#define X86_CR0_WP 0x00010000  /* ring 0 honours read-only pages */
#define X86_CR0_AM 0x00040000
#define X86_CR0_PG 0x80000000  /* paging */

#define X86_CR4_PSE        0x00000010
#define X86_CR4_PAE        0x00000020
#define X86_CR4_MCE        0x00000040
#define X86_CR4_PGE        0x00000080  /* global pages */
#define X86_CR4_OSFXSR     0x00000200
#define X86_CR4_OSXMMEXCPT 0x00000400
#define X86_CR4_FSGSBASE   0x00010000

#define MSR_EFER        0xc0000080
#define EFER_SCE        (1 << 0)   /* SYSCALL enable */
#define EFER_LME        (1 << 8)   /* long mode enable */
#define EFER_LMA        (1 << 10)  /* long mode active */
#define EFER_NX         (1 << 11)  /* no-execute page bit */

#define MSR_FS_BASE        0xc0000100
#define MSR_GS_BASE        0xc0000101
#define MSR_KERNEL_GS_BASE 0xc0000102

#endif
