/* SPDX-License-Identifier: MIT */
/*
 * seq_file - build a text file in memory, then hand it out.
 *
 * A /proc file is produced by a "show" function that prints the whole
 * file with seq_printf() and friends into m->buf. The buffer has a fixed
 * size while show runs, so printing never allocates (show functions may
 * hold spinlocks with interrupts off). When the text does not fit, the
 * output routines only set m->overflow; seq_show() then throws the text
 * away, doubles the buffer and runs show again, as Linux's seq_read() does.
 * The result is therefore never silently truncated: it is either complete
 * or the reader gets -ENOMEM.
 *
 *	static int foo_show(struct seq_file *m, void *v)
 *	{
 *		seq_printf(m, "count %u\n", foo_count);
 *		return 0;
 *	}
 *
 *	struct seq_file m = { 0 };
 *	int err = seq_show(&m, foo_show, NULL);   // text in m.buf[0..m.count)
 *	...
 *	seq_release(&m);
 */
#ifndef _LINUX_SEQ_FILE_H
#define _LINUX_SEQ_FILE_H

#include <linux/types.h>
#include <linux/compiler.h>
#include <linux/stdarg.h>

/* First buffer size; doubled on every overflow (Linux starts at a page). */
#define SEQ_BUF_INITIAL 4096
/* Larger outputs are refused with -ENOMEM instead of eating all memory. */
#define SEQ_BUF_MAX     (4UL << 20)

/**
 * struct seq_file - a text file being built
 * @buf:      the text (not NUL-terminated), kmalloc'ed by seq_show()
 * @size:     bytes allocated at @buf
 * @count:    bytes of text in @buf
 * @overflow: something did not fit during this pass; the pass is redone
 * @private:  the show function's data (single_open()'s "data")
 */
struct seq_file {
	char *buf;
	size_t size;
	size_t count;
	bool overflow;
	void *private;
};

/* Linux passes this as @v to single_open()-style show functions. */
#define SEQ_START_TOKEN ((void *)1)

typedef int (*seq_show_fn)(struct seq_file *m, void *v);

int seq_show(struct seq_file *m, seq_show_fn show, void *data);
void seq_release(struct seq_file *m);

__printf(2, 3) void seq_printf(struct seq_file *m, const char *fmt, ...);
__printf(2, 0) void seq_vprintf(struct seq_file *m, const char *fmt, va_list args);
void seq_puts(struct seq_file *m, const char *s);
void seq_putc(struct seq_file *m, char c);
void seq_write(struct seq_file *m, const void *data, size_t len);
void seq_put_decimal_ull(struct seq_file *m, const char *delimiter,
			 unsigned long long num);
void seq_put_decimal_ull_width(struct seq_file *m, const char *delimiter,
			       unsigned long long num, unsigned int width);

/* True once this pass has lost output (it will be redone bigger). */
static inline bool seq_has_overflowed(struct seq_file *m)
{
	return m->overflow;
}

#endif
