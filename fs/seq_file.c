// SPDX-License-Identifier: MIT
/*
 * seq_file: text files built by a show function into a memory buffer.
 *
 * The output routines never allocate: they run inside show functions that
 * may hold spinlocks with interrupts disabled. Anything that does not fit
 * marks the pass as overflowed and is dropped; seq_show() then allocates a
 * buffer twice as large and runs the show function again from the start.
 * Show functions must therefore print the same text when run twice, which
 * holds for everything that only reads counters and names.
 */
#include <linux/kernel.h>
#include <linux/string.h>
#include <linux/errno.h>
#include <linux/slab.h>
#include <linux/seq_file.h>

/**
 * seq_release - free the text buffer of @m
 * @m: a seq_file filled by seq_show() (or all zeroes)
 *
 * Leaves @m empty and reusable.
 */
void seq_release(struct seq_file *m)
{
	kfree(m->buf);
	m->buf = NULL;
	m->size = 0;
	m->count = 0;
	m->overflow = false;
}

/**
 * seq_show - run @show until its whole output fits in @m
 * @m:    the file; its buffer, if any, is reused and grown as needed
 * @show: prints the file with seq_printf() etc.; returns 0 or -errno
 * @data: stored in m->private for @show
 *
 * Return: 0 with the text in m->buf[0..m->count), -ENOMEM if no buffer
 * large enough could be had (nothing is ever returned truncated), or the
 * negative error @show returned. On error m->count is 0.
 */
int seq_show(struct seq_file *m, seq_show_fn show, void *data)
{
	size_t size = m->size ? m->size : SEQ_BUF_INITIAL;
	int err;

	for (;;) {
		if (!m->buf) {
			m->buf = kmalloc(size, GFP_KERNEL);
			if (!m->buf) {
				m->size = 0;
				m->count = 0;
				return -ENOMEM;
			}
			m->size = size;
		}
		m->count = 0;
		m->overflow = false;
		m->private = data;
		err = show(m, SEQ_START_TOKEN);
		if (err < 0) {
			m->count = 0;
			return err;
		}
		if (!m->overflow)
			return 0;
		/* Too small: start again with twice the room. */
		kfree(m->buf);
		m->buf = NULL;
		m->count = 0;
		if (m->size >= SEQ_BUF_MAX) {
			m->size = 0;
			return -ENOMEM;
		}
		size = m->size * 2;
	}
}

/* Room left in this pass; 0 once anything has overflowed. */
static size_t seq_room(struct seq_file *m)
{
	if (m->overflow || !m->buf)
		return 0;
	return m->size - m->count;
}

/**
 * seq_write - append @len bytes of @data
 */
void seq_write(struct seq_file *m, const void *data, size_t len)
{
	if (len > seq_room(m)) {
		m->overflow = true;
		return;
	}
	memcpy(m->buf + m->count, data, len);
	m->count += len;
}

/**
 * seq_vprintf - append printf-formatted text (the kernel's vsnprintf formats)
 */
void seq_vprintf(struct seq_file *m, const char *fmt, va_list args)
{
	size_t room = seq_room(m);
	int len;

	if (!room) {
		m->overflow = true;
		return;
	}
	len = vsnprintf(m->buf + m->count, room, fmt, args);
	/* vsnprintf needs one byte for its NUL: equal to room means lost text. */
	if (len < 0 || (size_t)len >= room) {
		m->overflow = true;
		return;
	}
	m->count += len;
}

/**
 * seq_printf - append printf-formatted text
 */
void seq_printf(struct seq_file *m, const char *fmt, ...)
{
	va_list args;

	va_start(args, fmt);
	seq_vprintf(m, fmt, args);
	va_end(args);
}

/**
 * seq_puts - append a string
 */
void seq_puts(struct seq_file *m, const char *s)
{
	seq_write(m, s, strlen(s));
}

/**
 * seq_putc - append one character
 */
void seq_putc(struct seq_file *m, char c)
{
	seq_write(m, &c, 1);
}

/**
 * seq_put_decimal_ull_width - append @delimiter, then @num right-aligned
 * @m:         the file
 * @delimiter: printed first (may be "" or NULL)
 * @num:       the number
 * @width:     minimum field width, padded with spaces on the left (0: none)
 *
 * The fast path of /proc/stat's long "intr" line: no format parsing.
 */
void seq_put_decimal_ull_width(struct seq_file *m, const char *delimiter,
			       unsigned long long num, unsigned int width)
{
	char digits[20];
	unsigned int n = 0;

	if (delimiter && *delimiter)
		seq_puts(m, delimiter);
	do {
		digits[n++] = '0' + num % 10;
		num /= 10;
	} while (num);
	for (; width > n; width--)
		seq_putc(m, ' ');
	while (n)
		seq_putc(m, digits[--n]);
}

/**
 * seq_put_decimal_ull - append @delimiter, then @num in decimal
 */
void seq_put_decimal_ull(struct seq_file *m, const char *delimiter,
			 unsigned long long num)
{
	seq_put_decimal_ull_width(m, delimiter, num, 0);
}
