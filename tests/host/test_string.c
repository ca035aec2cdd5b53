// SPDX-License-Identifier: MIT
/*
 * Host tests for lib/string.c. host_rename.h maps the names to irqos_*, so
 * every call below reaches the kernel's implementation, not libc's.
 */
#include "tap.h"
#include <linux/string.h>

/* Byte-by-byte reference for memmove, via a scratch copy. */
static void ref_move(unsigned char *buf, size_t dst, size_t src, size_t n)
{
	unsigned char tmp[256];
	size_t i;

	for (i = 0; i < n; i++)
		tmp[i] = buf[src + i];
	for (i = 0; i < n; i++)
		buf[dst + i] = tmp[i];
}

static void test_mem(void)
{
	unsigned char a[256], b[256];
	size_t i, d, s, n;
	int bad;

	/* memset at every alignment and length, guarding the neighbours. */
	bad = 0;
	for (s = 0; s < 16; s++) {
		for (n = 0; n < 40; n++) {
			for (i = 0; i < sizeof(a); i++)
				a[i] = 0x11;
			if (memset(a + s, 0xab, n) != a + s)
				bad++;
			for (i = 0; i < 64; i++) {
				unsigned char want = (i >= s && i < s + n) ? 0xab : 0x11;

				if (a[i] != want)
					bad++;
			}
		}
	}
	is_int(bad, 0, "memset: every offset/length fills exactly its range");

	/* memcpy at mixed alignments. */
	bad = 0;
	for (i = 0; i < sizeof(b); i++)
		b[i] = (unsigned char)(i * 7 + 3);
	for (d = 0; d < 9; d++) {
		for (s = 0; s < 9; s++) {
			for (n = 0; n < 70; n += 3) {
				for (i = 0; i < sizeof(a); i++)
					a[i] = 0;
				if (memcpy(a + d, b + s, n) != a + d)
					bad++;
				for (i = 0; i < 100; i++) {
					unsigned char want = (i >= d && i < d + n) ? b[s + i - d] : 0;

					if (a[i] != want)
						bad++;
				}
			}
		}
	}
	is_int(bad, 0, "memcpy: copies exactly n bytes at all alignments");

	/* memmove with overlap in both directions, against the reference. */
	bad = 0;
	srand(1);
	for (i = 0; i < 2000; i++) {
		d = rand() % 128;
		s = rand() % 128;
		n = rand() % 128;
		for (size_t k = 0; k < sizeof(a); k++)
			a[k] = b[k] = (unsigned char)rand();
		memmove(a + d, a + s, n);
		ref_move(b, d, s, n);
		if (memcmp(a, b, sizeof(a)))
			bad++;
	}
	is_int(bad, 0, "memmove: 2000 random overlapping moves match reference");

	ok(memcmp("abc", "abd", 3) < 0, "memcmp: c < d");
	ok(memcmp("abd", "abc", 3) > 0, "memcmp: d > c");
	is_int(memcmp("abc", "abd", 2), 0, "memcmp: only n bytes compared");
	ok(memcmp("\xff", "\x01", 1) > 0, "memcmp: bytes compare unsigned");

	const char *hay = "hello\0world";
	ok(memchr(hay, 'w', 11) == hay + 6, "memchr: finds past a NUL");
	ok(memchr(hay, 'w', 6) == NULL, "memchr: respects n");
	ok(memchr("\xff", 0xff, 1) != NULL, "memchr: high byte value");
}

static void test_str(void)
{
	char buf[16];

	is_int(strlen(""), 0, "strlen empty");
	is_int(strlen("irqos"), 5, "strlen");
	is_int(strnlen("irqos", 3), 3, "strnlen capped");
	is_int(strnlen("irq", 10), 3, "strnlen short");

	ok(strcmp("a", "b") < 0, "strcmp a < b");
	ok(strcmp("ab", "a") > 0, "strcmp longer sorts after prefix");
	is_int(strcmp("same", "same"), 0, "strcmp equal");
	ok(strcmp("\xe9", "e") > 0, "strcmp compares unsigned chars");
	is_int(strncmp("abcX", "abcY", 3), 0, "strncmp stops at n");
	ok(strncmp("abcX", "abcY", 4) < 0, "strncmp sees the difference");
	is_int(strncmp("ab", "ab", 100), 0, "strncmp stops at NUL");

	const char *s = "a.b.c";
	ok(strchr(s, '.') == s + 1, "strchr first");
	ok(strrchr(s, '.') == s + 3, "strrchr last");
	ok(strchr(s, '\0') == s + 5, "strchr finds terminator");
	ok(strrchr(s, 'z') == NULL, "strrchr missing");
	ok(strchr(s, 'z') == NULL, "strchr missing");

	const char *h = "interrupt";
	ok(strstr(h, "rupt") == h + 5, "strstr finds at the end");
	ok(strstr(h, "") == h, "strstr empty needle");
	ok(strstr(h, "rupts") == NULL, "strstr needle longer than rest");
	ok(strstr("aaab", "aab") != NULL, "strstr overlapping partial match");

	is_int(strlcpy(buf, "0123456789abcdefXYZ", sizeof(buf)), 19, "strlcpy returns source length");
	is_str(buf, "0123456789abcde", "strlcpy truncates and terminates");
	is_int(strlcpy(buf, "x", 0), 1, "strlcpy size 0");
	is_str(buf, "0123456789abcde", "strlcpy size 0 writes nothing");

	strcpy(buf, "abc");
	is_int(strlcat(buf, "def", sizeof(buf)), 6, "strlcat return");
	is_str(buf, "abcdef", "strlcat appends");
	is_int(strlcat(buf, "0123456789", sizeof(buf)), 16, "strlcat overflow return");
	is_str(buf, "abcdef012345678", "strlcat truncates");
	is_int(strlcat(buf, "x", 4), 4 + 1, "strlcat without room: size + len");

	ok(strcpy(buf, "copy") == buf, "strcpy returns dst");
	is_str(buf, "copy", "strcpy copies");

	is_str(skip_spaces(" \t\n x "), "x ", "skip_spaces");
	char t[] = "  trim me \n ";
	is_str(strim(t), "trim me", "strim both ends");
	char e[] = "   ";
	is_str(strim(e), "", "strim all spaces");

	ok(str_has_prefix("console=ttyS0", "console="), "str_has_prefix yes");
	ok(!str_has_prefix("con", "console"), "str_has_prefix shorter string");
	ok(str_has_prefix("x", ""), "str_has_prefix empty prefix");
}

int main(void)
{
	test_mem();
	test_str();
	return done_testing();
}
