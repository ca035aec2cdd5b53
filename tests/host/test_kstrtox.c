// SPDX-License-Identifier: MIT
/* Host tests for lib/kstrtox.c: strict and lenient number parsing. */
#include <linux/kernel.h>
#include <linux/errno.h>
#include "tap.h"

static void test_simple(void)
{
	char *end;

	is_int(simple_strtoul("123abc", &end, 10), 123, "simple_strtoul decimal");
	is_str(end, "abc", "simple_strtoul stops at junk");
	is_int(simple_strtoul("0x1fZ", &end, 0), 0x1f, "base 0: 0x is hex");
	is_str(end, "Z", "endp after hex digits");
	is_int(simple_strtoul("0755", &end, 0), 0755, "base 0: leading 0 is octal");
	is_int(simple_strtoul("0789", &end, 0), 07, "octal stops at 8");
	is_str(end, "89", "endp at the first non-octal digit");
	is_int(simple_strtoul("42", NULL, 0), 42, "base 0: decimal");
	is_int(simple_strtoul("0x", &end, 0), 0, "lone 0x is the number 0");
	is_str(end, "x", "lone 0x leaves the x");
	is_int(simple_strtoul("0xg", &end, 16), 0, "0x without hex digit");
	is_str(end, "xg", "0xg: only the 0 is consumed");
	is_int(simple_strtoul("ff", NULL, 16), 255, "base 16 without prefix");
	is_int(simple_strtoul("0XFF", NULL, 16), 255, "base 16 with 0X prefix");
	is_int(simple_strtoul("", &end, 10), 0, "empty string is 0");
	is_int(simple_strtoul("101", NULL, 2), 5, "base 2");
	ok(simple_strtoull("99999999999999999999999", NULL, 10) == ~0ULL,
	   "simple_strtoull saturates on overflow");
	ok(simple_strtoull("18446744073709551615", NULL, 10) == ~0ULL,
	   "simple_strtoull U64_MAX exactly");
	is_int(simple_strtol("-42x", &end, 10), -42, "simple_strtol negative");
	is_str(end, "x", "simple_strtol endp");
	is_int(simple_strtol("-0x10", NULL, 0), -16, "simple_strtol negative hex");
	ok(simple_strtol("-9223372036854775808", NULL, 10) == (-LONG_MAX - 1),
	   "simple_strtol LONG_MIN");
	ok(simple_strtol("9999999999999999999", NULL, 10) == LONG_MAX, "simple_strtol saturates");
}

static void test_kstrtoul(void)
{
	unsigned long v = 7;

	is_int(kstrtoul("4096", 10, &v), 0, "kstrtoul ok");
	is_int(v, 4096, "kstrtoul value");
	is_int(kstrtoul("4096\n", 10, &v), 0, "kstrtoul accepts one trailing newline");
	is_int(kstrtoul("4096\n\n", 10, &v), -EINVAL, "but not two");
	is_int(kstrtoul("+5", 10, &v), 0, "kstrtoul accepts a plus sign");
	is_int(v, 5, "plus value");
	v = 7;
	is_int(kstrtoul("-5", 10, &v), -EINVAL, "kstrtoul rejects a minus sign");
	is_int(v, 7, "result untouched on error");
	is_int(kstrtoul("", 10, &v), -EINVAL, "kstrtoul empty");
	is_int(kstrtoul("\n", 10, &v), -EINVAL, "kstrtoul newline only");
	is_int(kstrtoul("12a", 10, &v), -EINVAL, "kstrtoul trailing junk");
	is_int(kstrtoul(" 12", 10, &v), -EINVAL, "kstrtoul leading space");
	is_int(kstrtoul("0x10", 0, &v), 0, "kstrtoul base 0 hex");
	is_int(v, 16, "hex value");
	is_int(kstrtoul("0x10", 16, &v), 0, "kstrtoul base 16 with prefix");
	is_int(kstrtoul("010", 0, &v), 0, "kstrtoul base 0 octal");
	is_int(v, 8, "octal value");
	is_int(kstrtoul("0x", 0, &v), -EINVAL, "kstrtoul 0x alone is junk");
	is_int(kstrtoul("18446744073709551615", 10, &v), 0, "kstrtoul ULONG_MAX");
	ok(v == ~0UL, "ULONG_MAX value");
	is_int(kstrtoul("18446744073709551616", 10, &v), -ERANGE, "kstrtoul overflow is -ERANGE");
	is_int(kstrtoul("99999999999999999999999999", 10, &v), -ERANGE, "kstrtoul big overflow");
	is_int(kstrtoul("9999999999999999999999x", 10, &v), -EINVAL, "junk beats overflow");
}

static void test_kstrtoint(void)
{
	int v = 3;

	is_int(kstrtoint("-17", 10, &v), 0, "kstrtoint negative");
	is_int(v, -17, "negative value");
	is_int(kstrtoint("2147483647", 10, &v), 0, "kstrtoint INT_MAX");
	is_int(v, 2147483647, "INT_MAX value");
	is_int(kstrtoint("-2147483648", 10, &v), 0, "kstrtoint INT_MIN");
	is_int(v, -2147483647 - 1, "INT_MIN value");
	v = 3;
	is_int(kstrtoint("2147483648", 10, &v), -ERANGE, "kstrtoint INT_MAX+1");
	is_int(kstrtoint("-2147483649", 10, &v), -ERANGE, "kstrtoint INT_MIN-1");
	is_int(kstrtoint("-9223372036854775809", 10, &v), -ERANGE, "kstrtoint far below");
	is_int(v, 3, "untouched after -ERANGE");
	is_int(kstrtoint("-", 10, &v), -EINVAL, "kstrtoint lone minus");
	is_int(kstrtoint("--1", 10, &v), -EINVAL, "kstrtoint double minus");
	is_int(kstrtoint("-0x10\n", 0, &v), 0, "kstrtoint negative hex with newline");
	is_int(v, -16, "negative hex value");
	is_int(kstrtoint("3.0", 10, &v), -EINVAL, "kstrtoint rejects decimals");
}

static void test_memparse(void)
{
	char *end;

	ok(memparse("64M", &end) == 64ULL << 20, "memparse 64M");
	is_str(end, "", "memparse consumes the suffix");
	ok(memparse("2g", NULL) == 2ULL << 30, "memparse lower-case g");
	ok(memparse("1T", NULL) == 1ULL << 40, "memparse T");
	ok(memparse("3k@0x1000", &end) == 3072, "memparse k");
	is_str(end, "@0x1000", "memparse stops after the suffix");
	ok(memparse("0x1000", &end) == 0x1000, "memparse hex, no suffix");
	is_str(end, "", "no suffix end");
	ok(memparse("512", &end) == 512, "memparse plain bytes");
	ok(memparse("1x", &end) == 1, "memparse unknown suffix not consumed");
	is_str(end, "x", "unknown suffix left");
	ok(memparse("1P", NULL) == 1ULL << 50, "memparse P");
	ok(memparse("1E", NULL) == 1ULL << 60, "memparse E");
}

int main(void)
{
	test_simple();
	test_kstrtoul();
	test_kstrtoint();
	test_memparse();
	return done_testing();
}
