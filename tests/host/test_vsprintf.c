// SPDX-License-Identifier: MIT
/*
 * Host tests for lib/vsprintf.c. Where the kernel's formats overlap C's,
 * the kernel's output is compared with the host C library's snprintf over
 * every combination of flags, width, precision and length modifier; the
 * kernel-only parts (%p, %pS, %ps, return values) are checked literally.
 */
/* Kernel headers first: libc's headers may then redefine the same macros
 * (va_start, INT_MAX, ...) without a warning, being system headers. */
#include <linux/kernel.h>
#include <linux/kallsyms.h>
#include "tap.h"
#include <limits.h>

/* host_rename.h renamed snprintf to irqos_snprintf; get libc's back too. */
#undef snprintf
#undef vsnprintf
int snprintf(char *str, size_t size, const char *fmt, ...);

/* A fake kallsyms: one function "fake_fn" at 0x1000..0x10ff. */
int sprint_symbol(char *buf, unsigned long addr)
{
	if (addr >= 0x1000 && addr < 0x1100)
		return irqos_sprintf(buf, "fake_fn+0x%lx/0x100", addr - 0x1000);
	return irqos_sprintf(buf, "0x%lx", addr);
}

enum lenkind { L_HH, L_H, L_INT, L_L, L_LL, L_Z, L_T };
static const char *const len_str[] = { "hh", "h", "", "l", "ll", "z", "t" };

/* Format one value both ways; returns 1 if they agree. */
static int agree(const char *fmt, enum lenkind lk, long long v,
		 char *mine, char *libc, size_t size)
{
	int a = 0, b = 0;

	switch (lk) {
	case L_HH: case L_H: case L_INT:
		a = irqos_snprintf(mine, size, fmt, (int)v);
		b = snprintf(libc, size, fmt, (int)v);
		break;
	case L_L:
		a = irqos_snprintf(mine, size, fmt, (long)v);
		b = snprintf(libc, size, fmt, (long)v);
		break;
	case L_LL:
		a = irqos_snprintf(mine, size, fmt, v);
		b = snprintf(libc, size, fmt, v);
		break;
	case L_Z:
		a = irqos_snprintf(mine, size, fmt, (size_t)v);
		b = snprintf(libc, size, fmt, (size_t)v);
		break;
	case L_T:
		a = irqos_snprintf(mine, size, fmt, (ptrdiff_t)v);
		b = snprintf(libc, size, fmt, (ptrdiff_t)v);
		break;
	}
	return a == b && !strcmp(mine, libc);
}

/* Every flag set x width x precision x conversion, for one length. */
static void test_integers(enum lenkind lk)
{
	static const char flagchars[] = "-+ #0";
	static const char *const widths[] = { "", "1", "7", "22" };
	static const char *const precs[] = { "", ".", ".0", ".1", ".5", ".25" };
	static const char convs[] = "diuxXo";
	static const long long values[] = {
		0, 1, -1, 7, 8, 42, -42, 255, 256, 0x7fff, -0x8000, 65535,
		INT_MAX, INT_MIN, UINT_MAX, LLONG_MAX, LLONG_MIN, 0x123456789abcdefLL,
	};
	char fmt[32], mine[128], libc[128], zfmt[16], zmine[64], zlibc[64];
	int checked = 0, bad = 0, skipped = 0;

	for (unsigned int fl = 0; fl < 32; fl++)
	for (size_t w = 0; w < ARRAY_SIZE(widths); w++)
	for (size_t p = 0; p < ARRAY_SIZE(precs); p++)
	for (const char *c = convs; *c; c++)
	for (size_t v = 0; v < ARRAY_SIZE(values); v++) {
		char *f = fmt;

		*f++ = '%';
		for (int i = 0; i < 5; i++)
			if (fl & (1u << i))
				*f++ = flagchars[i];
		f += irqos_sprintf(f, "%s%s%s%c", widths[w], precs[p], len_str[lk], *c);
		/* Linux (and we) print "0x" for a zero value under '#'; C does
		 * not. Those cases are checked separately below. */
		if ((fl & 8) && (*c == 'x' || *c == 'X')) {
			irqos_sprintf(zfmt, "%%%sx", len_str[lk]);
			agree(zfmt, lk, values[v], zmine, zlibc, sizeof(zmine));
			if (!strcmp(zlibc, "0")) {
				skipped++;
				continue;
			}
		}
		checked++;
		if (!agree(fmt, lk, values[v], mine, libc, sizeof(mine))) {
			if (bad++ < 5)
				printf("# fmt '%s' value %lld: mine '%s' libc '%s'\n",
				       fmt, values[v], mine, libc);
		}
	}
	ok(bad == 0, "integers with length '%s': %d formats agree with libc (%d differ, %d '#x of 0' left to Linux's rule)",
	   len_str[lk], checked, bad, skipped);
}

/* Linux's '#' rule for hex: the prefix is printed for zero too. */
static void test_alt_hex_zero(void)
{
	char buf[64];

	irqos_snprintf(buf, sizeof(buf), "%#x", 0);
	is_str(buf, "0x0", "%%#x of 0 is 0x0 (Linux), not 0 (C)");
	irqos_snprintf(buf, sizeof(buf), "%#018llx", 0ULL);
	is_str(buf, "0x0000000000000000", "%%#018llx of 0: the e820 map's first line");
	irqos_snprintf(buf, sizeof(buf), "%#018llx", 0x9fbffULL);
	is_str(buf, "0x000000000009fbff", "%%#018llx of 0x9fbff");
	irqos_snprintf(buf, sizeof(buf), "%#X", 0);
	is_str(buf, "0X0", "%%#X of 0 is 0X0");
}

static void test_strings_chars(void)
{
	static const char *const fmts[] = {
		"%s", "%10s", "%-10s", "%.2s", "%10.2s", "%-10.2s", "%.0s", "%1s",
		"[%c]", "[%5c]", "[%-5c]", "%%", "a%%b%s",
	};
	static const char *const strs[] = { "", "x", "irqos", "interrupts!" };
	char mine[64], libc[64];
	int bad = 0, n = 0;

	for (size_t f = 0; f < ARRAY_SIZE(fmts); f++) {
		for (size_t s = 0; s < ARRAY_SIZE(strs); s++) {
			int a, b;

			if (strchr(fmts[f], 'c')) {
				a = irqos_snprintf(mine, sizeof(mine), fmts[f], strs[s][0] ? strs[s][0] : 'Z');
				b = snprintf(libc, sizeof(libc), fmts[f], strs[s][0] ? strs[s][0] : 'Z');
			} else {
				a = irqos_snprintf(mine, sizeof(mine), fmts[f], strs[s]);
				b = snprintf(libc, sizeof(libc), fmts[f], strs[s]);
			}
			n++;
			if (a != b || strcmp(mine, libc)) {
				bad++;
				printf("# fmt '%s': mine '%s' (%d) libc '%s' (%d)\n",
				       fmts[f], mine, a, libc, b);
			}
		}
	}
	ok(bad == 0, "%d string/char formats agree with libc", n);
}

static void test_star(void)
{
	char mine[64], libc[64];
	static const int args[] = { -12, -1, 0, 3, 9 };
	int bad = 0;

	for (size_t i = 0; i < ARRAY_SIZE(args); i++) {
		for (size_t j = 0; j < ARRAY_SIZE(args); j++) {
			int a = irqos_snprintf(mine, sizeof(mine), "[%*.*d|%*s|%.*s]",
					       args[i], args[j], 42, args[i], "ab", args[j], "abcdefghijkl");
			int b = snprintf(libc, sizeof(libc), "[%*.*d|%*s|%.*s]",
					 args[i], args[j], 42, args[i], "ab", args[j], "abcdefghijkl");

			if (a != b || strcmp(mine, libc)) {
				bad++;
				printf("# * %d/%d: mine '%s' libc '%s'\n", args[i], args[j], mine, libc);
			}
		}
	}
	ok(bad == 0, "'*' width and precision, including negative, agree with libc");
}

/* Truncation and the return values of every entry point. */
static int call_vscnprintf(char *buf, size_t size, const char *fmt, ...)
{
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = irqos_vscnprintf(buf, size, fmt, ap);
	va_end(ap);
	return n;
}

static void test_truncation(void)
{
	char buf[16];

	memset(buf, 'X', sizeof(buf));
	is_int(irqos_snprintf(buf, 5, "%d", 123456), 6, "snprintf returns the untruncated length");
	is_str(buf, "1234", "snprintf truncates and terminates");
	is_int(buf[5], 'X', "snprintf writes nothing past size");

	memset(buf, 'X', sizeof(buf));
	is_int(irqos_snprintf(buf, 1, "abc"), 3, "snprintf size 1 length");
	is_int(buf[0], 0, "snprintf size 1 gives empty string");
	is_int(buf[1], 'X', "snprintf size 1 touches one byte");

	is_int(irqos_snprintf(NULL, 0, "%s-%d", "abc", 12345), 9, "snprintf(NULL, 0) measures");

	memset(buf, 'X', sizeof(buf));
	is_int(call_vscnprintf(buf, 5, "%d", 123456), 4, "vscnprintf returns what was stored");
	is_str(buf, "1234", "vscnprintf stores the truncated text");
	is_int(call_vscnprintf(buf, sizeof(buf), "%s", "short"), 5, "vscnprintf untruncated");
	is_int(call_vscnprintf(buf, 0, "%s", "short"), 0, "vscnprintf size 0 is 0");
	is_int(call_vscnprintf(buf, 1, "%s", "short"), 0, "vscnprintf size 1 is 0");
	is_int(irqos_scnprintf(buf, 4, "%s", "abcdef"), 3, "scnprintf capped at size-1");
	is_str(buf, "abc", "scnprintf text");
	is_int(irqos_scnprintf(buf, 8, "%d", 7), 1, "scnprintf short");

	is_int(irqos_sprintf(buf, "%05d|%x", 42, 255), 8, "sprintf return");
	is_str(buf, "00042|ff", "sprintf text");

	/* At every buffer size, the same bytes and return value as libc. */
	const char *volatile tfmt = "%-6d|%s|%#x";	/* truncation is the point */
	int bad = 0;
	for (size_t size = 0; size <= sizeof(buf); size++) {
		char mine[16], libc[16];
		int a, b;

		memset(mine, 'M', sizeof(mine));
		memset(libc, 'M', sizeof(libc));
		a = irqos_snprintf(mine, size, tfmt, -17, "ab", 0xbeef);
		b = snprintf(libc, size, tfmt, -17, "ab", 0xbeef);
		if (a != b || memcmp(mine, libc, sizeof(mine)))
			bad++;
	}
	is_int(bad, 0, "truncation at sizes 0..16 matches libc byte for byte");

	/* Appending with scnprintf never runs past the end. */
	int len = 0;
	for (int i = 0; i < 10; i++)
		len += irqos_scnprintf(buf + len, sizeof(buf) - len, "%d,", i);
	is_int(len, 15, "scnprintf append loop stops at size-1");
	is_str(buf, "0,1,2,3,4,5,6,7", "scnprintf append loop text");
}

static void test_kernel_formats(void)
{
	char *volatile null = NULL;	/* hidden from -Wformat-overflow */
	char buf[128];
	int n;

	irqos_snprintf(buf, sizeof(buf), "%s", null);
	is_str(buf, "(null)", "%%s NULL prints (null)");
	irqos_snprintf(buf, sizeof(buf), "[%8s]", null);
	is_str(buf, "[  (null)]", "%%s NULL honours width");

	irqos_snprintf(buf, sizeof(buf), "%p", (void *)0x1234);
	is_str(buf, "0000000000001234", "%%p is 16 zero-padded hex digits, no 0x");
	irqos_snprintf(buf, sizeof(buf), "%px", (void *)0xffffffff81000000UL);
	is_str(buf, "ffffffff81000000", "%%px raw address");
	irqos_snprintf(buf, sizeof(buf), "%p|%px", (void *)0, (void *)1);
	is_str(buf, "0000000000000000|0000000000000001", "%%p and %%px of small values");
	irqos_snprintf(buf, sizeof(buf), "%pa", (void *)0x10);
	is_str(buf, "0000000000000010a", "%%p followed by an unknown letter keeps it");

	n = irqos_snprintf(buf, sizeof(buf), "at %pS!", (void *)0x1010);
	is_str(buf, "at fake_fn+0x10/0x100!", "%%pS prints symbol+off/len");
	is_int(n, 22, "%%pS return value");
	irqos_snprintf(buf, sizeof(buf), "%ps()", (void *)0x1010);
	is_str(buf, "fake_fn()", "%%ps prints just the name");
	irqos_snprintf(buf, sizeof(buf), "%ps", (void *)0x5000);
	is_str(buf, "0x5000", "%%ps without a symbol prints the address");
	irqos_snprintf(buf, sizeof(buf), "%pS", (void *)0x5000);
	is_str(buf, "0x5000", "%%pS without a symbol prints the address");
	irqos_snprintf(buf, sizeof(buf), "[%-12ps]", (void *)0x1000);
	is_str(buf, "[fake_fn     ]", "%%ps honours width and '-'");
	n = irqos_snprintf(buf, 6, "%pS", (void *)0x1010);
	is_int(n, 18, "%%pS truncated still returns the full length");
	is_str(buf, "fake_", "%%pS truncated text");

	const char *volatile odd = "%y|%";	/* hidden from -Wformat */
	irqos_snprintf(buf, sizeof(buf), odd);
	is_str(buf, "%y|%", "unknown conversion and trailing %% are printed");
	irqos_snprintf(buf, sizeof(buf), "%lu %zu %llx", 18446744073709551615UL,
		       (size_t)4096, 0xdeadbeefcafeULL);
	is_str(buf, "18446744073709551615 4096 deadbeefcafe", "64-bit values");
	irqos_snprintf(buf, sizeof(buf), "%hhd %hhu %hd %hu", 0x1ff, 0x1ff, 0x18000, 0x18000);
	is_str(buf, "-1 255 -32768 32768", "hh and h truncate to char and short");
	irqos_snprintf(buf, sizeof(buf), "[%5lu.%06lu]", 12UL, 3456UL);
	is_str(buf, "[   12.003456]", "printk timestamp format");
}

int main(void)
{
	test_alt_hex_zero();
	for (int lk = L_HH; lk <= L_T; lk++)
		test_integers(lk);
	test_strings_chars();
	test_star();
	test_truncation();
	test_kernel_formats();
	return done_testing();
}
