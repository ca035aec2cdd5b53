/* SPDX-License-Identifier: MIT */
/*
 * lib/vsprintf.c - formatted output into a buffer.
 *
 * The conversions are C's (%d %i %u %x %X %o %c %s %%, with the flags
 * "-0+ #", width, precision, '*' and the hh/h/l/ll/z/t/j length modifiers)
 * plus the kernel's pointer extensions:
 *
 *   %p, %px   the raw address as 16 hex digits without "0x" (irqos is a
 *             teaching kernel, so unlike Linux it never hashes pointers)
 *   %pS       symbol+0xoffset/0xsize via sprint_symbol()
 *   %ps       just the symbol name (or the hex address if none is known)
 *
 * Only the letter that names a known extension is consumed after %p, so
 * "%pa" prints the pointer followed by a literal 'a'.
 *
 * Everything funnels through one output cursor that counts every character
 * but stores only those that fit, which gives vsnprintf() its C return value
 * (the length the whole output would have had) for free.
 */
#include <linux/kernel.h>
#include <linux/string.h>
#include <linux/ctype.h>
#include <linux/kallsyms.h>

/* Output cursor: @pos keeps counting after the buffer is full. */
struct outbuf {
	char *buf;
	size_t size;
	size_t pos;
};

/* Parsed conversion specification. */
struct spec {
	unsigned int flags;
	int width;		/* -1: none */
	int precision;		/* -1: none */
	unsigned int base;
};

#define F_LEFT   0x01	/* '-': pad on the right */
#define F_ZERO   0x02	/* '0': pad numbers with zeros */
#define F_PLUS   0x04	/* '+': always print a sign */
#define F_SPACE  0x08	/* ' ': space where a '+' would go */
#define F_ALT    0x10	/* '#': 0x / leading 0 */
#define F_SIGNED 0x20	/* conversion is signed (%d, %i) */
#define F_UPPER  0x40	/* %X */

/* Length modifiers, in increasing width. */
enum length { LEN_HH, LEN_H, LEN_INT, LEN_L, LEN_LL, LEN_SIZE, LEN_PTRDIFF };

static void put(struct outbuf *o, char c)
{
	if (o->pos < o->size)
		o->buf[o->pos] = c;
	o->pos++;
}

static void put_n(struct outbuf *o, char c, int n)
{
	while (n-- > 0)
		put(o, c);
}

/* A string honouring width, precision (a maximum length) and '-'. */
static void put_str(struct outbuf *o, const char *s, const struct spec *sp)
{
	size_t len, max = sp->precision >= 0 ? (size_t)sp->precision : (size_t)-1;
	int pad;

	if (!s)
		s = "(null)";
	len = strnlen(s, max);
	pad = sp->width > (int)len ? sp->width - (int)len : 0;
	if (!(sp->flags & F_LEFT))
		put_n(o, ' ', pad);
	while (len--)
		put(o, *s++);
	if (sp->flags & F_LEFT)
		put_n(o, ' ', pad);
}

/*
 * A number: [padding][sign or 0x][zeros][digits][padding]. @neg says the
 * magnitude @num came from a negative value.
 */
static void put_num(struct outbuf *o, unsigned long long num, bool neg,
		    const struct spec *sp)
{
	static const char lower[] = "0123456789abcdef", upper[] = "0123456789ABCDEF";
	const char *digits = (sp->flags & F_UPPER) ? upper : lower;
	char tmp[24];		/* 22 octal digits cover 64 bits */
	char sign = 0;
	const char *prefix = "";
	int n = 0, zeros, width, plen;

	/* C: precision 0 with value 0 prints no digits at all. */
	if (!(num == 0 && sp->precision == 0)) {
		do {
			tmp[n++] = digits[num % sp->base];
			num /= sp->base;
		} while (num);
	}

	if (sp->flags & F_SIGNED) {
		if (neg)
			sign = '-';
		else if (sp->flags & F_PLUS)
			sign = '+';
		else if (sp->flags & F_SPACE)
			sign = ' ';
	}
	if (sp->flags & F_ALT) {
		/* Linux, unlike C, prefixes zero too: "%#018llx" of 0 is
		 * 0x0000000000000000, as in the e820 map lines. */
		if (sp->base == 16)
			prefix = (sp->flags & F_UPPER) ? "0X" : "0x";
		else if (sp->base == 8 && (n == 0 || tmp[n - 1] != '0'))
			tmp[n++] = '0';	/* '#' forces a leading zero */
	}
	plen = (sign ? 1 : 0) + (int)strlen(prefix);

	zeros = sp->precision > n ? sp->precision - n : 0;
	width = sp->width - plen - zeros - n;
	/* '0' pads to the width, unless '-' or a precision says otherwise. */
	if ((sp->flags & F_ZERO) && !(sp->flags & F_LEFT) && sp->precision < 0 && width > 0) {
		zeros += width;
		width = 0;
	}

	if (!(sp->flags & F_LEFT))
		put_n(o, ' ', width);
	if (sign)
		put(o, sign);
	while (*prefix)
		put(o, *prefix++);
	put_n(o, '0', zeros);
	while (n)
		put(o, tmp[--n]);
	if (sp->flags & F_LEFT)
		put_n(o, ' ', width);
}

/*
 * %p and its extensions. @fmt points just after the 'p'; returns how many
 * extension letters were consumed.
 */
static int put_pointer(struct outbuf *o, const char *fmt, void *ptr, struct spec *sp)
{
	char sym[KSYM_SYMBOL_LEN];
	char *plus;

	switch (*fmt) {
	case 'S':
	case 's':
		sprint_symbol(sym, (unsigned long)ptr);
		if (*fmt == 's') {
			plus = strchr(sym, '+');
			if (plus)
				*plus = '\0';
		}
		put_str(o, sym, sp);
		return 1;
	case 'x':
	default:
		/* Full-width zero-padded hex unless the caller set a width. */
		if (sp->width < 0) {
			sp->width = 2 * (int)sizeof(void *);
			sp->flags |= F_ZERO;
		}
		sp->base = 16;
		sp->flags &= ~(F_SIGNED | F_ALT | F_UPPER);
		put_num(o, (unsigned long)ptr, false, sp);
		return *fmt == 'x';
	}
}

/* Parse a decimal field width/precision; *fmt is advanced past it. */
static int parse_int(const char **fmt)
{
	int v = 0;

	while (isdigit((unsigned char)**fmt)) {
		if (v < INT_MAX / 10)
			v = v * 10 + (**fmt - '0');
		(*fmt)++;
	}
	return v;
}

/**
 * vsnprintf - format a string into a buffer.
 * @buf: destination
 * @size: size of @buf, including room for the terminating NUL
 * @fmt: format string (see the top of this file)
 * @args: arguments for @fmt
 *
 * The output is always NUL-terminated when @size > 0.
 *
 * Return: the number of characters the full output has (excluding the NUL),
 * which may exceed @size - 1 when the output was truncated.
 */
int vsnprintf(char *buf, size_t size, const char *fmt, va_list args)
{
	struct outbuf o = { buf, size, 0 };
	unsigned long long num;
	struct spec sp;
	enum length len;
	bool neg;

	for (; *fmt; fmt++) {
		if (*fmt != '%') {
			put(&o, *fmt);
			continue;
		}
		fmt++;
		sp.flags = 0;
		sp.width = -1;
		sp.precision = -1;
		sp.base = 10;

		for (;; fmt++) {
			if (*fmt == '-')
				sp.flags |= F_LEFT;
			else if (*fmt == '0')
				sp.flags |= F_ZERO;
			else if (*fmt == '+')
				sp.flags |= F_PLUS;
			else if (*fmt == ' ')
				sp.flags |= F_SPACE;
			else if (*fmt == '#')
				sp.flags |= F_ALT;
			else
				break;
		}

		if (*fmt == '*') {
			sp.width = va_arg(args, int);
			if (sp.width < 0) {	/* C: a negative '*' width means '-' */
				sp.flags |= F_LEFT;
				sp.width = sp.width == -INT_MAX - 1 ? INT_MAX : -sp.width;
			}
			fmt++;
		} else if (isdigit((unsigned char)*fmt)) {
			sp.width = parse_int(&fmt);
		}

		if (*fmt == '.') {
			fmt++;
			if (*fmt == '*') {
				sp.precision = va_arg(args, int);
				if (sp.precision < 0)	/* as if omitted */
					sp.precision = -1;
				fmt++;
			} else {
				sp.precision = parse_int(&fmt);
			}
		}

		len = LEN_INT;
		switch (*fmt) {
		case 'h':
			len = fmt[1] == 'h' ? LEN_HH : LEN_H;
			fmt += len == LEN_HH ? 2 : 1;
			break;
		case 'l':
			len = fmt[1] == 'l' ? LEN_LL : LEN_L;
			fmt += len == LEN_LL ? 2 : 1;
			break;
		case 'j':
			len = LEN_LL;
			fmt++;
			break;
		case 'z':
			len = LEN_SIZE;
			fmt++;
			break;
		case 't':
			len = LEN_PTRDIFF;
			fmt++;
			break;
		}

		switch (*fmt) {
		case '%':
			put(&o, '%');
			continue;
		case 'c': {
			char c = (char)va_arg(args, int);
			int pad = sp.width > 1 ? sp.width - 1 : 0;

			if (!(sp.flags & F_LEFT))
				put_n(&o, ' ', pad);
			put(&o, c);
			if (sp.flags & F_LEFT)
				put_n(&o, ' ', pad);
			continue;
		}
		case 's':
			put_str(&o, va_arg(args, const char *), &sp);
			continue;
		case 'p':
			fmt += put_pointer(&o, fmt + 1, va_arg(args, void *), &sp);
			continue;
		case 'd':
		case 'i':
			sp.flags |= F_SIGNED;
			break;
		case 'u':
			break;
		case 'x':
			sp.base = 16;
			break;
		case 'X':
			sp.base = 16;
			sp.flags |= F_UPPER;
			break;
		case 'o':
			sp.base = 8;
			break;
		case '\0':
			/* A lone '%' at the end: print it rather than run off. */
			put(&o, '%');
			fmt--;
			continue;
		default:
			/* Unknown conversion: show it verbatim so the bug is visible. */
			put(&o, '%');
			put(&o, *fmt);
			continue;
		}

		neg = false;
		if (sp.flags & F_SIGNED) {
			long long v;

			switch (len) {
			case LEN_HH:      v = (signed char)va_arg(args, int); break;
			case LEN_H:       v = (short)va_arg(args, int); break;
			case LEN_L:       v = va_arg(args, long); break;
			case LEN_LL:      v = va_arg(args, long long); break;
			case LEN_SIZE:    v = va_arg(args, ssize_t); break;
			case LEN_PTRDIFF: v = va_arg(args, ptrdiff_t); break;
			default:          v = va_arg(args, int); break;
			}
			neg = v < 0;
			/* Negate in unsigned arithmetic so LLONG_MIN works. */
			num = neg ? -(unsigned long long)v : (unsigned long long)v;
		} else {
			switch (len) {
			case LEN_HH:      num = (unsigned char)va_arg(args, unsigned int); break;
			case LEN_H:       num = (unsigned short)va_arg(args, unsigned int); break;
			case LEN_L:       num = va_arg(args, unsigned long); break;
			case LEN_LL:      num = va_arg(args, unsigned long long); break;
			case LEN_SIZE:    num = va_arg(args, size_t); break;
			case LEN_PTRDIFF: num = (unsigned long long)va_arg(args, ptrdiff_t); break;
			default:          num = va_arg(args, unsigned int); break;
			}
		}
		put_num(&o, num, neg, &sp);
	}

	if (size)
		buf[o.pos < size ? o.pos : size - 1] = '\0';
	return o.pos > INT_MAX ? INT_MAX : (int)o.pos;
}

/**
 * vscnprintf - format a string into a buffer, returning what was stored.
 * @buf: destination
 * @size: size of @buf, including room for the terminating NUL
 * @fmt: format string
 * @args: arguments for @fmt
 *
 * Return: the number of characters written to @buf (excluding the NUL),
 * never more than @size - 1; 0 when @size is 0.
 */
int vscnprintf(char *buf, size_t size, const char *fmt, va_list args)
{
	int n = vsnprintf(buf, size, fmt, args);

	if ((size_t)n < size)
		return n;
	return size ? (int)(size - 1) : 0;
}

/**
 * snprintf - format a string into a buffer; see vsnprintf().
 * @buf: destination
 * @size: size of @buf
 * @fmt: format string
 *
 * Return: the length the full output has, even when truncated.
 */
int snprintf(char *buf, size_t size, const char *fmt, ...)
{
	va_list args;
	int n;

	va_start(args, fmt);
	n = vsnprintf(buf, size, fmt, args);
	va_end(args);
	return n;
}

/**
 * scnprintf - format a string into a buffer; see vscnprintf().
 * @buf: destination
 * @size: size of @buf
 * @fmt: format string
 *
 * Return: the number of characters actually stored, excluding the NUL.
 */
int scnprintf(char *buf, size_t size, const char *fmt, ...)
{
	va_list args;
	int n;

	va_start(args, fmt);
	n = vscnprintf(buf, size, fmt, args);
	va_end(args);
	return n;
}

/**
 * sprintf - format a string into a buffer assumed to be large enough.
 * @buf: destination
 * @fmt: format string
 *
 * Prefer snprintf(); this exists for callers that size @buf by construction.
 *
 * Return: the number of characters written, excluding the NUL.
 */
int sprintf(char *buf, const char *fmt, ...)
{
	va_list args;
	int n;

	va_start(args, fmt);
	n = vsnprintf(buf, INT_MAX, fmt, args);
	va_end(args);
	return n;
}
