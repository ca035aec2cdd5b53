// SPDX-License-Identifier: MIT
/*
 * Host tests for fs/seq_file.c: every output routine's exact bytes, the
 * buffer growing (show re-run on a doubled buffer) with nothing lost at
 * or around the boundaries, allocation failures returning -ENOMEM with no
 * partial text, show errors passed through, the size cap, buffer reuse,
 * and no leaks.
 */
#include <linux/kernel.h>
#include <linux/string.h>
#include <linux/errno.h>
#include <linux/seq_file.h>
#include "tap.h"
#include "proc_fakes.h"

static int runs;

static int show_formats(struct seq_file *m, void *v)
{
	runs++;
	seq_printf(m, "%s=%d;", "a", -5);
	seq_puts(m, "puts;");
	seq_putc(m, 'c');
	seq_write(m, "w\0x", 3);
	seq_put_decimal_ull(m, "intr ", 0);
	seq_put_decimal_ull(m, " ", 18446744073709551615ULL);
	seq_put_decimal_ull(m, NULL, 7);
	seq_put_decimal_ull_width(m, " ", 42, 10);
	seq_put_decimal_ull_width(m, "|", 1234567, 3);
	seq_put_decimal_ull_width(m, "", 0, 2);
	return 0;
}

static size_t big_len;
static int show_big(struct seq_file *m, void *v)
{
	size_t i;

	runs++;
	for (i = 0; i < big_len; i++)
		seq_putc(m, 'a' + i % 26);
	return 0;
}

static char blob[SEQ_BUF_MAX + 1];
static size_t blob_len;
static int show_blob(struct seq_file *m, void *v)
{
	runs++;
	seq_write(m, blob, blob_len);
	return 0;
}

static int show_printf_len(struct seq_file *m, void *v)
{
	runs++;
	seq_printf(m, "%.*s", (int)big_len, blob);
	return 0;
}

static int show_err(struct seq_file *m, void *v)
{
	seq_puts(m, "partial");
	return -EINVAL;
}

static void *seen_private, *seen_v;
static int show_private(struct seq_file *m, void *v)
{
	seen_private = m->private;
	seen_v = v;
	return 0;
}

static bool all_letters(struct seq_file *m, size_t len)
{
	size_t i;

	if (m->count != len)
		return false;
	for (i = 0; i < len; i++)
		if (m->buf[i] != 'a' + (char)(i % 26))
			return false;
	return true;
}

int main(void)
{
	struct seq_file m = { 0 };
	int data, err;

	/* Formats: exact bytes, including the NUL written by seq_write. */
	runs = 0;
	err = seq_show(&m, show_formats, NULL);
	is_int(err, 0, "seq_show returns 0");
	is_int(runs, 1, "short output: show ran once");
	is_int(m.count, 63, "formats: exact length");
	ok(!memcmp(m.buf, "a=-5;puts;cw\0xintr 0 184467440737095516157         42|1234567 0", 63),
	   "formats: printf, puts, putc, write (with a NUL), decimal, width padding, no truncation");
	is_int(m.size, SEQ_BUF_INITIAL, "first buffer is SEQ_BUF_INITIAL bytes");
	seq_release(&m);
	is_int(kmalloc_live, 0, "seq_release frees the buffer");
	ok(!m.buf && !m.size && !m.count, "seq_release leaves an empty seq_file");

	/* Growth: 10000 bytes need 4096 -> 8192 -> 16384. */
	for (int i = 0; i < (int)sizeof(blob); i++)
		blob[i] = 'a' + i % 26;
	runs = 0;
	big_len = 10000;
	err = seq_show(&m, show_big, NULL);
	is_int(err, 0, "10000 bytes: 0");
	is_int(runs, 3, "10000 bytes: show ran 3 times (4 KiB, 8 KiB, 16 KiB)");
	is_int(m.size, 16384, "10000 bytes: buffer grew to 16 KiB");
	ok(all_letters(&m, 10000), "10000 bytes: every byte there, in order");
	is_int(kmalloc_live, 1, "growth: the smaller buffers were freed");

	/* Reuse: the grown buffer is kept for the next file. */
	runs = 0;
	big_len = 5000;
	err = seq_show(&m, show_big, NULL);
	ok(!err && runs == 1 && m.size == 16384 && all_letters(&m, 5000),
	   "a second seq_show reuses the grown buffer (one run)");
	seq_release(&m);

	/* Boundaries: seq_write may fill the buffer to the last byte ... */
	runs = 0;
	blob_len = SEQ_BUF_INITIAL;
	err = seq_show(&m, show_blob, NULL);
	ok(!err && runs == 1 && m.count == SEQ_BUF_INITIAL,
	   "seq_write of exactly the buffer size fits in one run");
	seq_release(&m);
	runs = 0;
	big_len = SEQ_BUF_INITIAL + 1;
	err = seq_show(&m, show_big, NULL);
	ok(!err && runs == 2 && all_letters(&m, SEQ_BUF_INITIAL + 1),
	   "one byte more: grown and complete");
	seq_release(&m);
	/* ... while vsnprintf needs a byte for its NUL, so its text must not be
	 * counted as fitting when it only fits without the NUL. */
	runs = 0;
	big_len = SEQ_BUF_INITIAL;
	err = seq_show(&m, show_printf_len, NULL);
	ok(!err && runs == 2 && all_letters(&m, SEQ_BUF_INITIAL),
	   "seq_printf of exactly the buffer size: re-run, nothing cut");
	seq_release(&m);
	runs = 0;
	big_len = SEQ_BUF_INITIAL - 1;
	err = seq_show(&m, show_printf_len, NULL);
	ok(!err && runs == 1 && all_letters(&m, SEQ_BUF_INITIAL - 1),
	   "seq_printf of one byte less fits in one run");
	seq_release(&m);

	/* Allocation failures: -ENOMEM and no text, never a truncated file. */
	kmalloc_fail_nth(1);
	err = seq_show(&m, show_formats, NULL);
	ok(err == -ENOMEM && m.count == 0 && !m.buf, "first allocation fails: -ENOMEM, nothing");
	big_len = 10000;
	kmalloc_fail_nth(2);
	err = seq_show(&m, show_big, NULL);
	ok(err == -ENOMEM && m.count == 0 && !m.buf,
	   "growing fails: -ENOMEM, not the 4 KiB that fitted");
	is_int(kmalloc_live, 0, "failures leak nothing");
	kmalloc_fail_at = -1;

	/* The cap: at most SEQ_BUF_MAX bytes. */
	blob_len = SEQ_BUF_MAX;
	runs = 0;
	err = seq_show(&m, show_blob, NULL);
	ok(!err && m.count == SEQ_BUF_MAX && runs == 11,
	   "SEQ_BUF_MAX bytes fit (11 runs, 4 KiB to 4 MiB)");
	seq_release(&m);
	blob_len = SEQ_BUF_MAX + 1;
	err = seq_show(&m, show_blob, NULL);
	ok(err == -ENOMEM && !m.count && !m.buf, "one byte over SEQ_BUF_MAX: -ENOMEM");

	/* Show errors pass through, without partial text. */
	err = seq_show(&m, show_err, NULL);
	ok(err == -EINVAL && m.count == 0, "show's error is returned, text dropped");
	seq_release(&m);

	/* m->private and v. */
	err = seq_show(&m, show_private, &data);
	ok(!err && seen_private == &data && seen_v == SEQ_START_TOKEN,
	   "show sees data as m->private and SEQ_START_TOKEN as v");
	seq_release(&m);
	is_int(kmalloc_live, 0, "no leaks at the end");
	is_int(warns, 0, "no WARNs");
	return done_testing();
}
