/* SPDX-License-Identifier: MIT */
/*
 * lib/string.c - the C string and memory routines the kernel needs.
 *
 * The kernel is built -ffreestanding, so nothing here comes from a C
 * library, yet the compiler may still emit calls to memcpy/memset/memmove/
 * memcmp for structure copies and initialisers. Those four must therefore
 * exist and must not themselves be turned back into calls to themselves:
 * the loops below are plain enough that GCC keeps them as loops, which the
 * build checks by disassembly (no self-calls in string.o).
 *
 * Comparisons treat bytes as unsigned char, as the C standard requires, so
 * "\xff" sorts after "a" whatever the signedness of char.
 */
#include <linux/string.h>
#include <linux/ctype.h>

/* Word-at-a-time copies are only used when both pointers share alignment. */
typedef unsigned long __attribute__((__may_alias__)) word_t;
#define WORD_SIZE sizeof(word_t)
#define WORD_ALIGNED(p) (((uintptr_t)(p) & (WORD_SIZE - 1)) == 0)

/**
 * memcpy - copy @n bytes from @src to @dst; the areas must not overlap.
 * @dst: destination
 * @src: source
 * @n: number of bytes
 *
 * Return: @dst.
 */
void *memcpy(void *dst, const void *src, size_t n)
{
	unsigned char *d = dst;
	const unsigned char *s = src;

	if (WORD_ALIGNED(d) && WORD_ALIGNED(s)) {
		for (; n >= WORD_SIZE; n -= WORD_SIZE) {
			*(word_t *)d = *(const word_t *)s;
			d += WORD_SIZE;
			s += WORD_SIZE;
		}
	}
	while (n--)
		*d++ = *s++;
	return dst;
}

/**
 * memmove - copy @n bytes from @src to @dst; the areas may overlap.
 * @dst: destination
 * @src: source
 * @n: number of bytes
 *
 * Copies backwards when @dst lies above @src so that no source byte is
 * overwritten before it has been read.
 *
 * Return: @dst.
 */
void *memmove(void *dst, const void *src, size_t n)
{
	unsigned char *d = dst;
	const unsigned char *s = src;

	if (d == s || n == 0)
		return dst;
	if ((uintptr_t)d < (uintptr_t)s || (uintptr_t)d >= (uintptr_t)s + n)
		return memcpy(dst, src, n);
	d += n;
	s += n;
	while (n--)
		*--d = *--s;
	return dst;
}

/**
 * memset - fill @n bytes at @s with the byte value @c.
 * @s: area to fill
 * @c: value (converted to unsigned char)
 * @n: number of bytes
 *
 * Return: @s.
 */
void *memset(void *s, int c, size_t n)
{
	unsigned char *p = s;
	word_t word = (unsigned char)c;

	if (WORD_ALIGNED(p) && n >= WORD_SIZE) {
		/* Replicate the byte into every lane of a word. */
		word |= word << 8;
		word |= word << 16;
		word |= word << 32;
		for (; n >= WORD_SIZE; n -= WORD_SIZE) {
			*(word_t *)p = word;
			p += WORD_SIZE;
		}
	}
	while (n--)
		*p++ = (unsigned char)c;
	return s;
}

/**
 * memcmp - compare two memory areas byte by byte.
 * @a: first area
 * @b: second area
 * @n: number of bytes
 *
 * Return: <0, 0 or >0 as the first differing byte of @a is below, equal to
 * or above that of @b (compared as unsigned char).
 */
int memcmp(const void *a, const void *b, size_t n)
{
	const unsigned char *x = a, *y = b;

	for (; n; n--, x++, y++) {
		if (*x != *y)
			return *x - *y;
	}
	return 0;
}

/**
 * memchr - find the first byte equal to @c in the first @n bytes of @s.
 * @s: area to search
 * @c: byte value (converted to unsigned char)
 * @n: number of bytes
 *
 * Return: pointer to the byte, or NULL if it does not occur.
 */
void *memchr(const void *s, int c, size_t n)
{
	const unsigned char *p = s;

	for (; n; n--, p++) {
		if (*p == (unsigned char)c)
			return (void *)p;
	}
	return NULL;
}

/**
 * strlen - length of a NUL-terminated string, not counting the NUL.
 * @s: the string
 */
size_t strlen(const char *s)
{
	const char *p = s;

	while (*p)
		p++;
	return p - s;
}

/**
 * strnlen - like strlen() but never looks at more than @max bytes.
 * @s: the string
 * @max: upper bound on the result
 */
size_t strnlen(const char *s, size_t max)
{
	size_t n = 0;

	while (n < max && s[n])
		n++;
	return n;
}

/**
 * strcmp - compare two strings.
 * @a: first string
 * @b: second string
 *
 * Return: <0, 0 or >0 as @a sorts before, equal to or after @b.
 */
int strcmp(const char *a, const char *b)
{
	const unsigned char *x = (const unsigned char *)a;
	const unsigned char *y = (const unsigned char *)b;

	while (*x && *x == *y) {
		x++;
		y++;
	}
	return *x - *y;
}

/**
 * strncmp - compare at most @n bytes of two strings.
 * @a: first string
 * @b: second string
 * @n: maximum number of bytes to compare
 */
int strncmp(const char *a, const char *b, size_t n)
{
	const unsigned char *x = (const unsigned char *)a;
	const unsigned char *y = (const unsigned char *)b;

	for (; n; n--, x++, y++) {
		if (*x != *y)
			return *x - *y;
		if (!*x)
			break;
	}
	return 0;
}

/**
 * strchr - find the first occurrence of @c in @s.
 * @s: the string
 * @c: character; searching for '\0' finds the terminator
 *
 * Return: pointer to the character, or NULL.
 */
char *strchr(const char *s, int c)
{
	for (;; s++) {
		if (*s == (char)c)
			return (char *)s;
		if (!*s)
			return NULL;
	}
}

/**
 * strrchr - find the last occurrence of @c in @s.
 * @s: the string
 * @c: character; searching for '\0' finds the terminator
 *
 * Return: pointer to the character, or NULL.
 */
char *strrchr(const char *s, int c)
{
	const char *last = NULL;

	for (;; s++) {
		if (*s == (char)c)
			last = s;
		if (!*s)
			return (char *)last;
	}
}

/**
 * strstr - find the first occurrence of @n inside @h.
 * @h: the haystack
 * @n: the needle; an empty needle matches at @h
 *
 * Return: pointer to the match in @h, or NULL.
 */
char *strstr(const char *h, const char *n)
{
	size_t hl, nl = strlen(n);

	if (!nl)
		return (char *)h;
	for (hl = strlen(h); hl >= nl; hl--, h++) {
		if (!memcmp(h, n, nl))
			return (char *)h;
	}
	return NULL;
}

/**
 * strlcpy - copy a string into a buffer of @size bytes, always terminated.
 * @dst: destination buffer
 * @src: source string
 * @size: size of @dst; with 0 nothing is written
 *
 * Return: strlen(@src), so a result >= @size means @src was truncated.
 */
size_t strlcpy(char *dst, const char *src, size_t size)
{
	size_t len = strlen(src);

	if (size) {
		size_t n = len < size - 1 ? len : size - 1;

		memcpy(dst, src, n);
		dst[n] = '\0';
	}
	return len;
}

/**
 * strlcat - append @src to the string in @dst, a buffer of @size bytes.
 * @dst: destination, holding a NUL-terminated string
 * @src: string to append
 * @size: size of @dst
 *
 * The result is always NUL-terminated when @dst held a terminator within
 * @size bytes to begin with.
 *
 * Return: the length the full concatenation would have; >= @size means
 * truncation.
 */
size_t strlcat(char *dst, const char *src, size_t size)
{
	size_t dl = strnlen(dst, size);

	if (dl == size)		/* no terminator in @dst: nothing safe to do */
		return size + strlen(src);
	return dl + strlcpy(dst + dl, src, size - dl);
}

/**
 * strcpy - copy @src, including its terminator, to @dst.
 * @dst: destination, large enough for @src
 * @src: source string
 *
 * Return: @dst.
 */
char *strcpy(char *dst, const char *src)
{
	char *d = dst;

	while ((*d++ = *src++))
		;
	return dst;
}

/**
 * skip_spaces - step past leading whitespace.
 * @s: the string
 *
 * Return: pointer to the first non-whitespace character of @s.
 */
char *skip_spaces(const char *s)
{
	while (isspace((unsigned char)*s))
		s++;
	return (char *)s;
}

/**
 * strim - remove leading and trailing whitespace.
 * @s: the string, modified in place
 *
 * Trailing whitespace is cut off by writing a NUL; leading whitespace is
 * skipped by returning a pointer past it, so callers must use the result.
 *
 * Return: pointer to the first non-whitespace character of @s.
 */
char *strim(char *s)
{
	size_t len = strlen(s);

	while (len && isspace((unsigned char)s[len - 1]))
		len--;
	s[len] = '\0';
	return skip_spaces(s);
}

/**
 * str_has_prefix - does @s begin with @prefix?
 * @s: the string
 * @prefix: the prefix; an empty prefix always matches
 */
bool str_has_prefix(const char *s, const char *prefix)
{
	return strncmp(s, prefix, strlen(prefix)) == 0;
}
