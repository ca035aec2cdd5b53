/* SPDX-License-Identifier: MIT */
/*
 * Kernel services for the seq_file / procfs / /proc/interrupts host tests:
 * WARN and printk that count and echo as TAP comments, and a kmalloc on
 * top of malloc that counts live blocks (leaks) and can be told to fail.
 * Include once, after the kernel headers and tap.h.
 */
#ifndef _HOST_PROC_FAKES_H
#define _HOST_PROC_FAKES_H

#include <linux/kernel.h>
#include <linux/bug.h>
#include <linux/slab.h>

unsigned long host_irq_flags = 0x200;

static unsigned long warns;          /* WARN()s so far */
static long kmalloc_live;            /* blocks allocated and not freed */
static long kmalloc_calls;           /* kmalloc/kzalloc calls */
static long kmalloc_fail_at = -1;    /* fail the call with this number */
static bool kmalloc_fail_all;        /* fail every call */

void host_bug(const char *file, int line, unsigned int flags)
{
	if (!(flags & BUGFLAG_WARNING)) {
		printf("Bail out! BUG at %s:%d\n", file, line);
		abort();
	}
	__atomic_add_fetch(&warns, 1, __ATOMIC_RELAXED);
}

int printk(const char *fmt, ...)
{
	char line[512];
	const char *p = line;
	va_list ap;

	va_start(ap, fmt);
	__builtin_vsnprintf(line, sizeof(line), fmt, ap);
	va_end(ap);
	if (p[0] == KERN_SOH_ASCII && p[1])
		p += 2;
	printf("# %s%s", p, p[0] && p[__builtin_strlen(p) - 1] == '\n' ? "" : "\n");
	return (int)__builtin_strlen(p);
}

int sprint_symbol(char *buf, unsigned long addr)
{
	return irqos_sprintf(buf, "0x%lx", addr);
}

void *kmalloc(size_t size, gfp_t gfp)
{
	long n = __atomic_add_fetch(&kmalloc_calls, 1, __ATOMIC_RELAXED);
	void *p;

	if (kmalloc_fail_all || n == kmalloc_fail_at || !size)
		return NULL;
	p = malloc(size);
	if (p)
		__atomic_add_fetch(&kmalloc_live, 1, __ATOMIC_RELAXED);
	return p;
}

void *kzalloc(size_t size, gfp_t gfp)
{
	void *p = kmalloc(size, gfp);

	if (p)
		__builtin_memset(p, 0, size);
	return p;
}

void kfree(const void *p)
{
	if (!p)
		return;
	__atomic_sub_fetch(&kmalloc_live, 1, __ATOMIC_RELAXED);
	free((void *)p);
}

/* Make the @nth kmalloc from now on fail (1 = the next one). */
static inline void kmalloc_fail_nth(long nth)
{
	kmalloc_fail_at = kmalloc_calls + nth;
}

#endif
