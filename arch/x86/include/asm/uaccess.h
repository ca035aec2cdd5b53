/* SPDX-License-Identifier: MIT */
/*
 * Reading kernel memory that may not be mapped, without oopsing: the load
 * has an __ex_table entry, so a #PF or #GP on it resumes at the fixup,
 * which makes the read report -EFAULT. (copy_from_user will be built the
 * same way once user mode exists.)
 */
#ifndef _ASM_X86_UACCESS_H
#define _ASM_X86_UACCESS_H

#include <linux/types.h>
#include <asm/extable.h>

/* get_kernel_nofault(val, ptr) - 0 on success, -EFAULT (-14) on a fault. */
#define get_kernel_nofault(val, ptr) ({					\
	int __err = 0;							\
	__typeof__((__typeof__(*(ptr)))0) __v = 0;		\
	__asm__ __volatile__("1: mov %[src], %[dst]\n"			\
			     "2:\n"					\
			     ".pushsection .fixup, \"ax\"\n"		\
			     "3: movl $-14, %[err]\n"			\
			     "   jmp 2b\n"				\
			     ".popsection\n"				\
			     _ASM_EXTABLE(1b, 3b)			\
			     : [err] "+r"(__err), [dst] "+r"(__v)	\
			     : [src] "m"(*(ptr)));			\
	(val) = __v;							\
	__err; })

/* put_kernel_nofault(ptr, val) - 0 on success, -EFAULT on a fault. */
#define put_kernel_nofault(ptr, val) ({					\
	int __err = 0;							\
	__typeof__(*(ptr)) __v = (val);					\
	__asm__ __volatile__("1: mov %[v], %[dst]\n"			\
			     "2:\n"					\
			     ".pushsection .fixup, \"ax\"\n"		\
			     "3: movl $-14, %[err]\n"			\
			     "   jmp 2b\n"				\
			     ".popsection\n"				\
			     _ASM_EXTABLE(1b, 3b)			\
			     : [err] "+r"(__err), [dst] "=m"(*(ptr))	\
			     : [v] "r"(__v) : "memory");		\
	__err; })

long copy_from_kernel_nofault(void *dst, const void *src, size_t size);

#endif
