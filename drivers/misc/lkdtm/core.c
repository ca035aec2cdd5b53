// SPDX-License-Identifier: MIT
/*
 * lkdtm - the kernel dump test module: crash the kernel on purpose.
 *
 * After Linux's LKDTM. The shell's "fault <kind>" runs one of the
 * functions below, each of which makes the CPU raise one exception, so the
 * exception path and the oops report can be seen (and tested) end to end.
 * They are deliberately tiny and never inlined, so the oops names them.
 */
#include <linux/kernel.h>
#include <linux/string.h>
#include <linux/shell.h>
#include <linux/errno.h>
#include <asm/traps.h>

#define LKDTM_PF_ADDR 0x00000000dead0000UL   /* unmapped: the identity map is gone */
#define LKDTM_GP_ADDR 0xdead000000000000UL   /* non-canonical: #GP, not #PF */

/* 256 stubs of "int $N; ret", 4 bytes apart: int needs an immediate. */
__asm__(".pushsection .text\n"
	".balign 16\n"
	".globl lkdtm_INT_table\n"
	".type lkdtm_INT_table, @function\n"
	"lkdtm_INT_table:\n"
	"n = 0\n"
	".rept 256\n"
	".balign 4\n"
	".byte 0xcd, n\n"             /* int $n, always the 2-byte form */
	"ret\n"
	"n = n + 1\n"
	".endr\n"
	".size lkdtm_INT_table, . - lkdtm_INT_table\n"
	".popsection");
extern const char lkdtm_INT_table[];

static noinline void lkdtm_DIVIDE(void)
{
	/* A real div: a C division by a constant zero is undefined and the
	 * compiler would be free to drop it. */
	__asm__ __volatile__("xorl %%ecx, %%ecx\n\t"
			     "movl $1, %%eax\n\t"
			     "xorl %%edx, %%edx\n\t"
			     "divl %%ecx" ::: "eax", "ecx", "edx");
}

static noinline void lkdtm_INT3(void)
{
	__asm__ __volatile__("int3");
}

static noinline void lkdtm_UD(void)
{
	__asm__ __volatile__("ud2");
}

static noinline void lkdtm_GP(void)
{
	(void)*(volatile unsigned long *)LKDTM_GP_ADDR;
}

static noinline void lkdtm_PF(void)
{
	(void)*(volatile unsigned long *)LKDTM_PF_ADDR;
}

/* Each level keeps 1 KiB live across the recursive call, so the 16 KiB
 * kernel stack runs into its guard page after a dozen levels. */
static noinline int lkdtm_recurse(int depth)
{
	volatile char buf[1024];

	buf[0] = depth;
	buf[sizeof(buf) - 1] = depth;
	if (depth > 1000000)
		return buf[0];
	return lkdtm_recurse(depth + 1) + buf[sizeof(buf) - 1];
}

static noinline void lkdtm_DF(void)
{
	shell_printf("lkdtm: recursing until the stack guard page (expect a double fault)\n");
	lkdtm_recurse(0);
}

static noinline void lkdtm_INT(unsigned int n)
{
	((void (*)(void))(lkdtm_INT_table + 4 * n))();
}

static const struct {
	const char *name;
	void (*fn)(void);
	const char *what;
} kinds[] = {
	{ "divide", lkdtm_DIVIDE, "divide error (#DE, fault)" },
	{ "int3",   lkdtm_INT3,   "breakpoint (#BP, trap: resumes)" },
	{ "ud",     lkdtm_UD,     "invalid opcode (#UD, fault)" },
	{ "gp",     lkdtm_GP,     "general protection, non-canonical address (#GP)" },
	{ "pf",     lkdtm_PF,     "page fault at 0xdead0000 (#PF)" },
	{ "df",     lkdtm_DF,     "kernel stack overflow -> double fault (#DF, abort)" },
};

static noinline int lkdtm_do_fault(int argc, char **argv)
{
	unsigned long n;
	unsigned int i;

	if (argc == 3 && !strcmp(argv[1], "int")) {
		if (kstrtoul(argv[2], 0, &n) || n > 255) {
			shell_printf("fault: int: vector must be 0..255\n");
			return -EINVAL;
		}
		lkdtm_INT(n);
		shell_printf("lkdtm: int $%lu returned\n", n);
		return 0;
	}
	if (argc == 2) {
		for (i = 0; i < ARRAY_SIZE(kinds); i++) {
			if (strcmp(argv[1], kinds[i].name))
				continue;
			kinds[i].fn();
			shell_printf("lkdtm: %s returned\n", kinds[i].name);
			return 0;
		}
	}
	shell_printf("usage: fault <kind>, or fault int N (0..255)\n");
	for (i = 0; i < ARRAY_SIZE(kinds); i++)
		shell_printf("  %-8s %s\n", kinds[i].name, kinds[i].what);
	return -EINVAL;
}
DEFINE_SHELL_CMD(fault, "<kind>|int N", "raise an exception on purpose (see 'fault')", lkdtm_do_fault);
