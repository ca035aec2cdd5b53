/* SPDX-License-Identifier: MIT */
/*
 * Init-only code and data, and kernel command-line options.
 *
 * early_param("name", fn) runs fn(value) for "name=value" (or fn(NULL) for a
 * bare "name") while setup_arch() is still running, before memory is set up.
 * __setup("name=", fn) runs fn(rest-of-argument) later in start_kernel().
 */
#ifndef _LINUX_INIT_H
#define _LINUX_INIT_H

#include <linux/compiler.h>

#define __init      __section(".init.text") __cold
#define __initdata  __section(".init.data")
#define __initconst __section(".init.rodata")

#define COMMAND_LINE_SIZE 2048

/*
 * Initcalls: functions run once during boot, level by level, after the
 * core (memory, traps, the IRQ layer) is up and before the shell starts.
 * Within a level, link order decides. A non-zero return is reported.
 */
typedef int (*initcall_t)(void);

#define __define_initcall(fn, level)					\
	static initcall_t __initcall_##fn##level			\
		__used __section(".initcall" #level ".init") __aligned(8) = fn

#define core_initcall(fn)     __define_initcall(fn, 1)
#define postcore_initcall(fn) __define_initcall(fn, 2)
#define arch_initcall(fn)     __define_initcall(fn, 3)
#define subsys_initcall(fn)   __define_initcall(fn, 4)
#define fs_initcall(fn)       __define_initcall(fn, 5)
#define device_initcall(fn)   __define_initcall(fn, 6)
#define late_initcall(fn)     __define_initcall(fn, 7)

void do_initcalls(void);

struct obs_kernel_param {
	const char *str;
	int (*setup_func)(char *);
	int early;
};

#define __setup_param(str, unique_id, fn, early)			\
	static const char __setup_str_##unique_id[] __initconst		\
		__aligned(1) = str;					\
	static const struct obs_kernel_param __setup_##unique_id	\
		__used __section(".init.setup") __aligned(8)		\
		= { __setup_str_##unique_id, fn, early }

#define __setup(str, fn)     __setup_param(str, fn, fn, 0)
#define early_param(str, fn) __setup_param(str, fn, fn, 1)

extern char boot_command_line[COMMAND_LINE_SIZE];
extern char saved_command_line[COMMAND_LINE_SIZE];

/* kernel/params.c */
void parse_early_param(void);
void parse_early_options(char *cmdline);
int parse_args(const char *doing, char *args,
	       int (*unknown)(char *param, char *val, const char *doing, void *arg),
	       void *arg);
char *next_arg(char *args, char **param, char **val);
/* Runs every __setup() handler that matches; reports unknown options. */
void parse_setup_params(char *cmdline);
/* Search a raw command line for the last "name=value": copies the value into
 * @buf and returns its length (0 for "name="), or -1 if absent. The _bool
 * form returns the 1-based word position of a bare "name", or 0. */
int cmdline_find_option(const char *cmdline, const char *option, char *buf, int bufsize);
int cmdline_find_option_bool(const char *cmdline, const char *option);

#endif
