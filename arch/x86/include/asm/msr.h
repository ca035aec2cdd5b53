/* SPDX-License-Identifier: MIT */
/* Model-specific registers. rdmsr of an MSR the CPU lacks raises #GP. */
#ifndef _ASM_X86_MSR_H
#define _ASM_X86_MSR_H

#include <linux/types.h>
#include <asm/extable.h>
#include <asm/processor-flags.h>

static inline u64 native_read_msr(u32 msr)
{
	u32 lo, hi;

	__asm__ __volatile__("rdmsr" : "=a"(lo), "=d"(hi) : "c"(msr));
	return ((u64)hi << 32) | lo;
}

static inline void native_write_msr(u32 msr, u64 val)
{
	__asm__ __volatile__("wrmsr" :: "c"(msr), "a"((u32)val), "d"((u32)(val >> 32)) : "memory");
}

#define rdmsrl(msr, val) ((val) = native_read_msr(msr))
#define wrmsrl(msr, val) native_write_msr(msr, val)

/*
 * rdmsrl_safe - read an MSR that may not exist. The rdmsr has an exception
 * table entry: on #GP the handler resumes at the out-of-line fixup, which
 * sets err and jumps back. Returns 0 or -EIO.
 */
static inline int rdmsrl_safe(u32 msr, u64 *val)
{
	u32 lo, hi;
	int err;

	__asm__ __volatile__("1: rdmsr\n"
			     "2:\n"
			     ".pushsection .fixup, \"ax\"\n"
			     "3: movl $1, %[err]\n"
			     "   jmp 2b\n"
			     ".popsection\n"
			     _ASM_EXTABLE(1b, 3b)
			     : [err] "=r"(err), "=a"(lo), "=d"(hi)
			     : "c"(msr), "0"(0));
	if (err) {
		*val = 0;
		return -5; /* -EIO */
	}
	*val = ((u64)hi << 32) | lo;
	return 0;
}

#endif
