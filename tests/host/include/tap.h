/* SPDX-License-Identifier: MIT */
/*
 * A tiny TAP producer for host unit tests. Each test binary prints a plan
 * at the end ("1..N") and exits non-zero if any check failed, so prove
 * reports it.
 */
#ifndef _HOST_TAP_H
#define _HOST_TAP_H

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <stdarg.h>

static int tap_n, tap_failed;

static inline int tap_ok(int cond, const char *file, int line, const char *fmt, ...)
{
	va_list ap;

	tap_n++;
	printf("%sok %d - ", cond ? "" : "not ", tap_n);
	va_start(ap, fmt);
	vprintf(fmt, ap);
	va_end(ap);
	printf("\n");
	if (!cond) {
		tap_failed++;
		printf("#   Failed test at %s line %d\n", file, line);
	}
	fflush(stdout);
	return cond;
}

#define ok(cond, ...) tap_ok(!!(cond), __FILE__, __LINE__, __VA_ARGS__)

/* is_int/is_str print both values on failure. */
#define is_int(got, want, ...) ({					\
	long long __g = (long long)(got), __w = (long long)(want);	\
	int __r = ok(__g == __w, __VA_ARGS__);				\
	if (!__r)							\
		printf("#          got: %lld\n#     expected: %lld\n", __g, __w); \
	__r;								\
})
#define is_str(got, want, ...) ({					\
	const char *__g = (got), *__w = (want);				\
	int __r = ok(__g && __w && strcmp(__g, __w) == 0, __VA_ARGS__);	\
	if (!__r)							\
		printf("#          got: '%s'\n#     expected: '%s'\n",	\
		       __g ? __g : "(null)", __w ? __w : "(null)");	\
	__r;								\
})

static inline int done_testing(void)
{
	printf("1..%d\n", tap_n);
	return tap_failed ? 1 : 0;
}

#endif
