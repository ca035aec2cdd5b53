/* SPDX-License-Identifier: MIT */
/*
 * lib/kstrtox.c - string to integer conversion.
 *
 * Two families, as in Linux:
 *
 *   simple_strto*()  lenient: convert the leading digits, report where they
 *                    stopped through @endp, and never fail. Overflow
 *                    saturates at the type's maximum.
 *   kstrto*()        strict: the whole string must be one number, optionally
 *                    followed by a single '\n' (so text written to a /proc
 *                    file by "echo" parses); anything else is -EINVAL, and a
 *                    value that does not fit is -ERANGE.
 *
 * Base 0 means "guess from the prefix": 0x/0X is hex, a leading 0 is octal,
 * anything else decimal. Base 16 also accepts an optional 0x prefix.
 */
#include <linux/kernel.h>
#include <linux/ctype.h>
#include <linux/errno.h>

/* Value of hex digit @c, or 16 (bigger than any base) if it is not one. */
static unsigned int digit_value(char c)
{
	if (isdigit((unsigned char)c))
		return c - '0';
	c = tolower((unsigned char)c);
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	return 16;
}

/*
 * Work out the base and skip the prefix. "0x" counts as a prefix only when
 * a hex digit follows, so "0xg" is the number 0 followed by "xg".
 */
static const char *fixup_base(const char *s, unsigned int *base)
{
	bool hex_prefix = s[0] == '0' && tolower((unsigned char)s[1]) == 'x' &&
			  isxdigit((unsigned char)s[2]);

	if (*base == 0) {
		if (hex_prefix)
			*base = 16;
		else if (s[0] == '0')
			*base = 8;
		else
			*base = 10;
	}
	if (*base == 16 && hex_prefix)
		s += 2;
	return s;
}

/*
 * Convert the digits at @s in @base. Stores the value in @res (saturated on
 * overflow) and returns the number of digits consumed; *@overflow is set
 * when the value did not fit in 64 bits.
 */
static size_t parse_digits(const char *s, unsigned int base,
			   unsigned long long *res, bool *overflow)
{
	unsigned long long v = 0;
	unsigned int d;
	size_t n = 0;

	*overflow = false;
	while ((d = digit_value(s[n])) < base) {
		if (v > (U64_MAX - d) / base) {
			*overflow = true;
			v = U64_MAX;
		} else if (!*overflow) {
			v = v * base + d;
		}
		n++;
	}
	*res = v;
	return n;
}

/**
 * simple_strtoull - convert the leading digits of a string.
 * @cp: the string
 * @endp: if not NULL, set to the first character not converted
 * @base: 2..16, or 0 to guess from the prefix
 *
 * Return: the value; U64_MAX if it overflowed, 0 if there were no digits.
 */
unsigned long long simple_strtoull(const char *cp, char **endp, unsigned int base)
{
	unsigned long long v;
	bool overflow;
	const char *s = fixup_base(cp, &base);

	s += parse_digits(s, base, &v, &overflow);
	if (endp)
		*endp = (char *)s;
	return v;
}

/**
 * simple_strtoul - simple_strtoull() for unsigned long.
 * @cp: the string
 * @endp: if not NULL, set to the first character not converted
 * @base: 2..16, or 0 to guess from the prefix
 */
unsigned long simple_strtoul(const char *cp, char **endp, unsigned int base)
{
	return simple_strtoull(cp, endp, base);
}

/**
 * simple_strtol - convert the leading digits of a string, with a sign.
 * @cp: the string, optionally starting with '-'
 * @endp: if not NULL, set to the first character not converted
 * @base: 2..16, or 0 to guess from the prefix
 *
 * Return: the value, saturated at LONG_MAX / -LONG_MAX - 1.
 */
long simple_strtol(const char *cp, char **endp, unsigned int base)
{
	unsigned long long v;

	if (*cp == '-') {
		v = simple_strtoull(cp + 1, endp, base);
		return v > (unsigned long long)LONG_MAX ? -LONG_MAX - 1 : -(long)v;
	}
	v = simple_strtoull(cp, endp, base);
	return v > (unsigned long long)LONG_MAX ? LONG_MAX : (long)v;
}

/*
 * The strict core: an optional '+', digits, an optional '\n', the end.
 * A '-' is junk here; kstrtoll() handles it before calling in.
 */
static int parse_strict(const char *s, unsigned int base, unsigned long long *res)
{
	unsigned long long v;
	bool overflow;
	size_t n;

	if (*s == '+')
		s++;
	s = fixup_base(s, &base);
	n = parse_digits(s, base, &v, &overflow);
	if (n == 0)
		return -EINVAL;
	s += n;
	if (*s == '\n')
		s++;
	if (*s)
		return -EINVAL;
	if (overflow)
		return -ERANGE;
	*res = v;
	return 0;
}

/* Signed strict conversion into the range of long long. */
static int kstrtoll(const char *s, unsigned int base, long long *res)
{
	unsigned long long v;
	int ret;

	if (*s == '-') {
		ret = parse_strict(s + 1, base, &v);
		if (ret)
			return ret;
		if (v > (unsigned long long)LONG_MAX + 1)
			return -ERANGE;
		*res = -(long long)(v - 1) - 1;	/* no overflow for LLONG_MIN */
		return 0;
	}
	ret = parse_strict(s, base, &v);
	if (ret)
		return ret;
	if (v > (unsigned long long)LONG_MAX)
		return -ERANGE;
	*res = (long long)v;
	return 0;
}

/**
 * kstrtoul - convert a whole string to an unsigned long.
 * @s: the string: optional '+', digits, optional trailing newline
 * @base: 2..16, or 0 to guess from the prefix
 * @res: where the value goes; untouched on error
 *
 * Return: 0, -EINVAL for anything that is not a number (including a '-'
 * sign and the empty string), or -ERANGE if the value does not fit.
 */
int kstrtoul(const char *s, unsigned int base, unsigned long *res)
{
	unsigned long long v;
	int ret = parse_strict(s, base, &v);

	if (ret)
		return ret;
	if (v > ULONG_MAX)
		return -ERANGE;
	*res = v;
	return 0;
}

/**
 * kstrtoint - convert a whole string to an int.
 * @s: the string: optional sign, digits, optional trailing newline
 * @base: 2..16, or 0 to guess from the prefix
 * @res: where the value goes; untouched on error
 *
 * Return: 0, -EINVAL for anything that is not a number, or -ERANGE if the
 * value does not fit in an int.
 */
int kstrtoint(const char *s, unsigned int base, int *res)
{
	long long v;
	int ret = kstrtoll(s, base, &v);

	if (ret)
		return ret;
	if (v > INT_MAX || v < -INT_MAX - 1)
		return -ERANGE;
	*res = (int)v;
	return 0;
}

/**
 * memparse - parse a size such as "64M" or "0x1000".
 * @ptr: the string: a number (base guessed from its prefix) followed by an
 *       optional K, M, G, T, P or E suffix, any case, each a factor of 1024
 * @retptr: if not NULL, set to the first character after the number and
 *          suffix
 *
 * Return: the size in bytes.
 */
unsigned long long memparse(const char *ptr, char **retptr)
{
	char *end;
	unsigned long long v = simple_strtoull(ptr, &end, 0);
	unsigned int shift = 0;

	switch (tolower((unsigned char)*end)) {
	case 'e':
		shift += 10;
		/* fall through */
	case 'p':
		shift += 10;
		/* fall through */
	case 't':
		shift += 10;
		/* fall through */
	case 'g':
		shift += 10;
		/* fall through */
	case 'm':
		shift += 10;
		/* fall through */
	case 'k':
		shift += 10;
		end++;
		break;
	}
	v <<= shift;
	if (retptr)
		*retptr = end;
	return v;
}
