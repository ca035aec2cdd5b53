/* SPDX-License-Identifier: MIT */
/*
 * x86 encoding of BUG()/WARN(): a ud2 plus a __bug_table entry. The memory
 * clobber tells the compiler the report (and warn_count) may change memory.
 */
#ifndef _ASM_X86_BUG_H
#define _ASM_X86_BUG_H

#define ASM_UD2 ".byte 0x0f, 0x0b"
#define LEN_UD2 2

#define __BUG_FLAGS(flags)						\
	__asm__ __volatile__("1:\t" ASM_UD2 "\n"			\
		".pushsection __bug_table,\"aw\"\n"			\
		"2:\t.long 1b - 2b\n"					\
		"\t.long %c0 - 2b - 4\n"				\
		"\t.word %c1\n"						\
		"\t.word %c2\n"						\
		"\t.org 2b + 12\n"					\
		".popsection" :: "i"(__FILE__), "i"(__LINE__),		\
		"i"(flags) : "memory")

#endif
