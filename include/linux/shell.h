/* SPDX-License-Identifier: MIT */
/*
 * The kernel's built-in shell (kernel/debug/shell.c), irqos's stand-in for
 * a user-space shell until user mode exists - the same role kdb plays in
 * Linux. Any file can add a command:
 *
 *	static int do_hello(int argc, char **argv) { ... return 0; }
 *	DEFINE_SHELL_CMD(hello, "say hello", do_hello);
 */
#ifndef _LINUX_SHELL_H
#define _LINUX_SHELL_H

#include <linux/compiler.h>

#define SHELL_MAX_ARGS 16
#define SHELL_PROMPT "irqos# "

struct shell_cmd {
	const char *name;
	const char *usage;     /* arguments, "" if none */
	const char *help;
	int (*fn)(int argc, char **argv);
};

#define DEFINE_SHELL_CMD(_name, _usage, _help, _fn)			\
	static const struct shell_cmd __shell_cmd_##_name		\
		__used __section(".shell_cmds") __aligned(8) = {	\
		.name = #_name, .usage = _usage, .help = _help, .fn = _fn }

__noreturn void shell_main(void);
/* Command output: written to the consoles, not stored in the kernel log. */
__printf(1, 2) int shell_printf(const char *fmt, ...);
/* Run one command line (used by shell_main and by tests). */
int shell_exec_line(char *line);

#endif
