// SPDX-License-Identifier: MIT
/*
 * Host test of the printk ring's layout, from a known empty state (hence
 * its own process): a record is a 20-byte header plus its text, rounded
 * up to 8 bytes, so every offset below can be computed, and the wrap cases that
 * random traffic only rarely hits are driven on purpose:
 *
 *   - a reader that caught up exactly where the writer then wraps, and
 *     comes back only after the writer has reused that very spot;
 *   - a tail too small even for a wrap marker (wrap implied by size);
 *   - a record exactly filling the ring.
 */
#include <linux/kernel.h>
#include <linux/printk.h>
#include <linux/console.h>
#include <linux/kallsyms.h>
#include "tap.h"

unsigned long host_irq_flags = 0x200;

u64 local_clock(void)
{
	return 0;
}

int sprint_symbol(char *buf, unsigned long addr)
{
	return irqos_sprintf(buf, "0x%lx", addr);
}

#define RING 131072
#define STAMP "[    0.000000] "

/* Log record @id with a text of exactly @len (>= 4) characters. */
static void put(unsigned int id, int len)
{
	printk(KERN_INFO "%04x%.*s\n", id & 0xffff, len - 4,
	       "----------------------------------------------------------------"
	       "----------------------------------------------------------------"
	       "----------------------------------------------------------------");
}

/* Read the record at *seq and check it is record @id of length @len. */
static int read_is(u64 *seq, unsigned int id, int len)
{
	char line[512], want[16];

	if (printk_read_formatted(seq, line, sizeof(line)) != (size_t)(15 + len + 1))
		return 0;
	irqos_snprintf(want, sizeof(want), "%04x", id & 0xffff);
	return !strncmp(line, STAMP, 15) && !strncmp(line + 15, want, 4);
}

int main(void)
{
	u64 seq = 0;
	unsigned int i, id = 0;
	int bad = 0;

	/* 1092 records of 20 + 100 bytes fill [0, 131040); 32 bytes remain. */
	for (i = 0; i < 1092; i++)
		put(id++, 100);
	is_int(printk_first_seq(), 0, "1092 records of 120 bytes fit without a drop");
	for (i = 0; i < 1092; i++)
		bad += !read_is(&seq, i, 100);
	is_int(bad, 0, "all read back; the reader is caught up at offset 131040");

	/* Record 1092 wraps to offset 0 (marker at 131040), dropping record 0. */
	put(id++, 100);
	is_int(printk_first_seq(), 1, "wrapping dropped exactly the record at offset 0");
	is_int(printk_dropped, 0, "a record dmesg had read is not counted as dropped");

	/*
	 * 24-byte records from offset 120 on: the 5456th lands at 131040,
	 * where the wrap marker was, while record 1092 is still the oldest.
	 */
	for (i = 0; i < 5456; i++)
		put(id++, 4);
	is_int(printk_first_seq(), 1092, "record 1092 (at offset 0) is now the oldest");
	ok(read_is(&seq, 1092, 100), "reader resumes with record 1092, not what overwrote the marker");
	ok(read_is(&seq, 1093, 4), "then the next one");
	is_int(printk_dropped, 0, "the 1091 records dropped meanwhile had all been read");

	/*
	 * Catch up. The writer is at 131064, after the 24-byte record at
	 * 131040: a tail of 8 bytes, too small for a marker, so the next
	 * record wraps to 0 by size alone.
	 */
	while (printk_read_formatted(&seq, (char[512]){0}, 512))
		;
	put(id++, 4);
	ok(read_is(&seq, id - 1, 4), "a wrap with no room for a marker reads back");
	put(id++, 4);
	ok(read_is(&seq, id - 1, 4), "and so does the record after it");
	return done_testing();
}
