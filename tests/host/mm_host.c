// SPDX-License-Identifier: MIT
/* Kernel services for the mm host tests: see mm_host.h. */
#include <linux/kernel.h>
#include <linux/printk.h>
#include <linux/bug.h>
#include <stdio.h>
#include <stdlib.h>
#include "mm_host.h"

unsigned char *host_phys_base;
unsigned long host_irq_flags = 0x200;
unsigned long warns;
char logbuf[1 << 16];
size_t loglen;

void host_bug(const char *file, int line, unsigned int flags)
{
	if (!(flags & BUGFLAG_WARNING)) {
		printf("Bail out! BUG at %s:%d\n", file, line);
		abort();
	}
	warns++;
}

int printk(const char *fmt, ...)
{
	char line[512];
	const char *p = line;
	va_list ap;
	size_t n;

	va_start(ap, fmt);
	__builtin_vsnprintf(line, sizeof(line), fmt, ap);
	va_end(ap);
	if (p[0] == KERN_SOH_ASCII && p[1])
		p += 2;
	n = __builtin_strlen(p);
	if (loglen + n >= sizeof(logbuf))
		loglen = 0;
	__builtin_memcpy(logbuf + loglen, p, n + 1);
	loglen += n;
	printf("# %s", p);
	if (n && p[n - 1] != '\n')
		printf("\n");
	return (int)n;
}

void *memset(void *s, int c, size_t n)
{
	return __builtin_memset(s, c, n);
}

void panic(const char *fmt, ...)
{
	printf("Bail out! panic: %s\n", fmt);
	abort();
}

static unsigned long long rng = 0x9e3779b97f4a7c15ULL;

unsigned long rnd(unsigned long n)
{
	rng ^= rng << 13;
	rng ^= rng >> 7;
	rng ^= rng << 17;
	return (unsigned long)(rng % n);
}

void shuffle(void **v, unsigned long n)
{
	unsigned long i;

	for (i = n; i > 1; i--) {
		unsigned long j = rnd(i);
		void *t = v[i - 1];

		v[i - 1] = v[j];
		v[j] = t;
	}
}
