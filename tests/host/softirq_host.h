/* SPDX-License-Identifier: MIT */
/*
 * Kernel services for the softirq and timer host tests (test_softirq.c,
 * test_timer.c), which build kernel/softirq.c and kernel/time/timer.c
 * for one host "CPU": RFLAGS.IF, preempt_count, the CPU number and
 * jiffies are plain variables; local_clock() is a fake clock the test
 * moves by hand; WARN()s are counted. Include once, after tap.h.
 */
#ifndef _SOFTIRQ_HOST_H
#define _SOFTIRQ_HOST_H

#include <linux/kernel.h>
#include <linux/bug.h>
#include <asm/tsc.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>

unsigned long host_irq_flags = 0x200;
unsigned long host_preempt_count;
int cpu_number;
unsigned int nr_cpu_ids = 1;
volatile unsigned long jiffies;

static unsigned long warns;       /* WARN()s so far */
static u64 fake_ns;               /* what local_clock() returns */

u64 local_clock(void)
{
	return __atomic_load_n(&fake_ns, __ATOMIC_RELAXED);
}

void host_bug(const char *file, int line, unsigned int flags)
{
	if (!(flags & BUGFLAG_WARNING)) {
		printf("Bail out! BUG at %s:%d\n", file, line);
		abort();
	}
	printf("# WARN at %s:%d\n", file, line);
	__atomic_add_fetch(&warns, 1, __ATOMIC_RELAXED);
}

int printk(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	printf("# ");
	vprintf(fmt, ap);
	va_end(ap);
	return 0;
}

/* A hardware interrupt as do_IRQ() brackets it: irqs off, a handler. */
static inline void host_interrupt(void (*handler)(void))
{
	unsigned long flags = host_irq_flags;

	host_irq_flags &= ~0x200UL;
	irq_enter();
	if (handler)
		handler();
	irq_exit();
	host_irq_flags = flags;
}

#endif
