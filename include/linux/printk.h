/* SPDX-License-Identifier: MIT */
/*
 * printk - the kernel log. A message may begin with a KERN_<LEVEL> prefix
 * (an SOH byte followed by a digit); messages above console_loglevel are
 * stored in the log buffer but not printed on the consoles.
 */
#ifndef _LINUX_PRINTK_H
#define _LINUX_PRINTK_H

#include <linux/types.h>
#include <linux/compiler.h>
#include <linux/stdarg.h>

#define KERN_SOH     "\001"
#define KERN_SOH_ASCII '\001'
#define KERN_EMERG   KERN_SOH "0"
#define KERN_ALERT   KERN_SOH "1"
#define KERN_CRIT    KERN_SOH "2"
#define KERN_ERR     KERN_SOH "3"
#define KERN_WARNING KERN_SOH "4"
#define KERN_NOTICE  KERN_SOH "5"
#define KERN_INFO    KERN_SOH "6"
#define KERN_DEBUG   KERN_SOH "7"
#define KERN_DEFAULT ""
#define KERN_CONT    KERN_SOH "c"

#define LOGLEVEL_EMERG   0
#define LOGLEVEL_ALERT   1
#define LOGLEVEL_CRIT    2
#define LOGLEVEL_ERR     3
#define LOGLEVEL_WARNING 4
#define LOGLEVEL_NOTICE  5
#define LOGLEVEL_INFO    6
#define LOGLEVEL_DEBUG   7

#define CONSOLE_LOGLEVEL_DEFAULT 7  /* print everything but debug */
#define CONSOLE_LOGLEVEL_QUIET   4
#define MESSAGE_LOGLEVEL_DEFAULT 4  /* level of a message without a prefix */

extern int console_loglevel;
/* Non-zero while an oops/panic report is being printed (dumpstack.c). */
extern int oops_in_progress;
/* printk calls made while this CPU already held the log lock (an
 * exception inside printk): written straight to the consoles. */
extern unsigned long printk_recursion_count;

__printf(1, 2) int printk(const char *fmt, ...);
int vprintk(const char *fmt, va_list args);

#ifndef pr_fmt
#define pr_fmt(fmt) fmt
#endif

#define pr_emerg(fmt, ...)   printk(KERN_EMERG pr_fmt(fmt), ##__VA_ARGS__)
#define pr_alert(fmt, ...)   printk(KERN_ALERT pr_fmt(fmt), ##__VA_ARGS__)
#define pr_crit(fmt, ...)    printk(KERN_CRIT pr_fmt(fmt), ##__VA_ARGS__)
#define pr_err(fmt, ...)     printk(KERN_ERR pr_fmt(fmt), ##__VA_ARGS__)
#define pr_warn(fmt, ...)    printk(KERN_WARNING pr_fmt(fmt), ##__VA_ARGS__)
#define pr_notice(fmt, ...)  printk(KERN_NOTICE pr_fmt(fmt), ##__VA_ARGS__)
#define pr_info(fmt, ...)    printk(KERN_INFO pr_fmt(fmt), ##__VA_ARGS__)
#define pr_debug(fmt, ...)   printk(KERN_DEBUG pr_fmt(fmt), ##__VA_ARGS__)
#define pr_cont(fmt, ...)    printk(KERN_CONT fmt, ##__VA_ARGS__)

/* Print once per call site, for reports that would otherwise flood. */
#define printk_once(fmt, ...) ({				\
	static bool __print_once;				\
	bool __ret = !__print_once;				\
	if (!__print_once) {					\
		__print_once = true;				\
		printk(fmt, ##__VA_ARGS__);			\
	}							\
	__ret;							\
})
#define pr_info_once(fmt, ...) printk_once(KERN_INFO pr_fmt(fmt), ##__VA_ARGS__)
#define pr_warn_once(fmt, ...) printk_once(KERN_WARNING pr_fmt(fmt), ##__VA_ARGS__)
#define pr_err_once(fmt, ...)  printk_once(KERN_ERR pr_fmt(fmt), ##__VA_ARGS__)

/*
 * The log buffer. Each record keeps its sequence number, level and the
 * local_clock() time it was stored at. Readers (dmesg) walk by sequence
 * number; records overwritten by newer ones are skipped and counted.
 */
struct printk_record {
	u64 seq;
	u64 ts_nsec;
	u8 level;
	u16 text_len;
	char text[];
};

/* Copy the record with sequence >= *seq into @buf as "[    s.uuuuuu] text\n";
 * advances *seq past it. Returns the length, 0 when there is no more. */
size_t printk_read_formatted(u64 *seq, char *buf, size_t size);
u64 printk_first_seq(void);
u64 printk_next_seq(void);
extern u64 printk_dropped;        /* records overwritten before anyone read them */

/* Clock for timestamps, in ns since boot; provided by the arch (TSC). */
u64 local_clock(void);

void dump_stack(void);

#endif
