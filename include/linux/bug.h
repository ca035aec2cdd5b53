/* SPDX-License-Identifier: MIT */
/*
 * BUG() and WARN(). As on Linux/x86 both compile to a ud2 instruction with an
 * entry in the __bug_table section; the invalid-opcode handler finds the
 * entry, prints the report with the registers and a call trace, and either
 * kills the kernel (BUG) or steps over the ud2 and carries on (WARN).
 */
#ifndef _LINUX_BUG_H
#define _LINUX_BUG_H

#include <linux/compiler.h>
#include <asm/bug.h>

#define BUGFLAG_WARNING (1 << 0)
#define BUGFLAG_ONCE    (1 << 1)
#define BUGFLAG_DONE    (1 << 2)

struct bug_entry {
	int bug_addr_disp;   /* ud2 address, relative to this field */
	int file_disp;       /* file name, relative to this field */
	unsigned short line;
	unsigned short flags;
};

enum bug_trap_type {
	BUG_TRAP_TYPE_NONE = 0,
	BUG_TRAP_TYPE_WARN = 1,
	BUG_TRAP_TYPE_BUG  = 2,
};

struct pt_regs;
enum bug_trap_type report_bug(unsigned long bug_addr, struct pt_regs *regs);
extern unsigned long warn_count;

#define BUG() do { __BUG_FLAGS(0); __builtin_unreachable(); } while (0)
#define BUG_ON(cond) do { if (unlikely(cond)) BUG(); } while (0)

#define __WARN_printf(flags, fmt...) do {		\
	printk(KERN_WARNING fmt);			\
	__BUG_FLAGS(BUGFLAG_WARNING | (flags));		\
} while (0)

#define WARN(cond, fmt...) ({				\
	int __ret_warn_on = !!(cond);			\
	if (unlikely(__ret_warn_on))			\
		__WARN_printf(0, fmt);			\
	unlikely(__ret_warn_on);			\
})

#define WARN_ON(cond) ({				\
	int __ret_warn_on = !!(cond);			\
	if (unlikely(__ret_warn_on))			\
		__BUG_FLAGS(BUGFLAG_WARNING);		\
	unlikely(__ret_warn_on);			\
})

#define WARN_ON_ONCE(cond) ({				\
	int __ret_warn_on = !!(cond);			\
	if (unlikely(__ret_warn_on))			\
		__BUG_FLAGS(BUGFLAG_WARNING | BUGFLAG_ONCE); \
	unlikely(__ret_warn_on);			\
})

#define WARN_ONCE(cond, fmt...) ({			\
	static bool __warned;				\
	int __ret_warn_once = !!(cond);			\
	if (unlikely(__ret_warn_once && !__warned)) {	\
		__warned = true;			\
		__WARN_printf(0, fmt);			\
	}						\
	unlikely(__ret_warn_once);			\
})

#endif
