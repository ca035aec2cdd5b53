/* SPDX-License-Identifier: MIT */
/*
 * struct pt_regs - the register frame every exception and interrupt entry
 * builds on the stack (arch/x86/entry/entry_64.S). The bottom five words
 * (ip, cs, flags, sp, ss) are pushed by the CPU; orig_ax is the error code
 * for exceptions (-1 when the vector has none) and the vector number for
 * interrupts; the rest are pushed by the entry code.
 */
#ifndef _ASM_X86_PTRACE_H
#define _ASM_X86_PTRACE_H

/* Byte offsets, for the assembly. */
#define R15 0
#define R14 8
#define R13 16
#define R12 24
#define RBP 32
#define RBX 40
#define R11 48
#define R10 56
#define R9  64
#define R8  72
#define RAX 80
#define RCX 88
#define RDX 96
#define RSI 104
#define RDI 112
#define ORIG_RAX 120
#define RIP 128
#define CS  136
#define EFLAGS 144
#define RSP 152
#define SS  160
#define SIZEOF_PTREGS 168

#ifndef __ASSEMBLY__
#include <linux/types.h>

struct pt_regs {
	unsigned long r15, r14, r13, r12, bp, bx;
	unsigned long r11, r10, r9, r8, ax, cx, dx, si, di;
	unsigned long orig_ax;
	/* pushed by the CPU */
	unsigned long ip, cs, flags, sp, ss;
};

static inline int user_mode(const struct pt_regs *regs)
{
	return (regs->cs & 3) != 0;
}

static inline unsigned long instruction_pointer(const struct pt_regs *regs)
{
	return regs->ip;
}
#endif

#endif
