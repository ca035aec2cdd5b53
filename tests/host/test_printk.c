// SPDX-License-Identifier: MIT
/*
 * Host tests for kernel/printk/printk.c: what is stored versus printed per
 * level, KERN_CONT and multi-line messages, the dmesg format, the ring
 * wrapping (with printk_dropped counting exactly the unread losses), the
 * early parameters, the console list, and the recursion fallback.
 *
 * The clock is fake (fake_ns), so timestamps are known; consoles are fake
 * and record everything written to them. The tests share the one global
 * log, so they run in a fixed order and each states what it expects.
 */
#include <linux/kernel.h>
#include <linux/printk.h>
#include <linux/console.h>
#include <linux/init.h>
#include <linux/kallsyms.h>
#include "tap.h"

/* Start of .init.setup; the end comes from section_end.c (see there). */
__asm__(".pushsection .init.setup,\"aw\"\n\t.balign 8\n\t"
	".globl __setup_start\n__setup_start:\n\t.popsection\n");

extern unsigned long printk_recursion_count;
void console_flush_on_panic(void);

unsigned long host_irq_flags = 0x200;
char boot_command_line[COMMAND_LINE_SIZE];
char saved_command_line[COMMAND_LINE_SIZE];

int sprint_symbol(char *buf, unsigned long addr)
{
	return irqos_sprintf(buf, "0x%lx", addr);
}

static u64 fake_ns;
static bool recurse_once;

/* Called by printk with its lock held: the place to simulate recursion. */
u64 local_clock(void)
{
	if (recurse_once) {
		recurse_once = false;
		printk(KERN_ERR "nested\n");
	}
	return fake_ns;
}

struct fake_console {
	struct console con;
	char out[1 << 20];
	size_t len;
	const char *input;	/* characters read_char hands out */
};

static void fake_write(struct console *con, const char *s, unsigned int len)
{
	struct fake_console *fc = container_of(con, struct fake_console, con);

	if (fc->len + len < sizeof(fc->out)) {
		memcpy(fc->out + fc->len, s, len);
		fc->len += len;
		fc->out[fc->len] = '\0';
	}
}

static int fake_read(struct console *con)
{
	struct fake_console *fc = container_of(con, struct fake_console, con);

	return fc->input && *fc->input ? *fc->input++ : -1;
}

static struct fake_console con_a = { .con = { .name = "fake", .index = 0, .write = fake_write, .read_char = fake_read } };
static struct fake_console con_b = { .con = { .name = "other", .index = -1, .write = fake_write, .read_char = fake_read } };
static struct fake_console con_boot = { .con = { .name = "early", .index = 0, .write = fake_write, .flags = CON_BOOT } };

static void clear(struct fake_console *fc)
{
	fc->len = 0;
	fc->out[0] = '\0';
}

/* Everything still in the log, as dmesg would print it. */
static char dmesg_buf[256 * 1024];
static const char *dmesg(void)
{
	u64 seq = printk_first_seq();
	size_t len = 0, n;

	while ((n = printk_read_formatted(&seq, dmesg_buf + len, sizeof(dmesg_buf) - len)))
		len += n;
	dmesg_buf[len] = '\0';
	return dmesg_buf;
}

/* The newest record, formatted. */
static const char *last_record(void)
{
	static char buf[2048];
	u64 seq = printk_next_seq() - 1;

	if (!printk_read_formatted(&seq, buf, sizeof(buf)))
		return "<none>";
	return buf;
}

static void test_before_console(void)
{
	fake_ns = 100000;	/* 0.000100 s */
	printk(KERN_INFO "early message\n");
	is_int(printk_next_seq(), 1, "first record stored with no console");
	register_console(&con_boot.con);
	is_str(con_boot.out, "[    0.000100] early message\n"
	       "[    0.000100] printk: console [early0] enabled\n",
	       "first console gets the backlog, then its own announcement");
	register_console(&con_a.con);
	is_str(con_a.out, "[    0.000100] printk: console [fake0] enabled\n",
	       "a later console gets only what comes after it");
	clear(&con_boot);
	printk("after\n");
	is_str(con_boot.out, "", "registering a real console retired the boot console");
	ok(strstr(con_a.out, "] after\n") != NULL, "real console prints");
}

static void test_levels(void)
{
	u64 seq0 = printk_next_seq();
	int n;

	clear(&con_a);
	fake_ns = 12345678901234ULL;	/* 12345.678901 s */
	printk(KERN_DEBUG "debug line\n");
	printk(KERN_INFO "info line\n");
	printk(KERN_ERR "err line\n");
	n = printk("default %d\n", 42);
	is_int(n, 11, "printk returns the message length");
	is_str(con_a.out, "[12345.678901] info line\n[12345.678901] err line\n"
	       "[12345.678901] default 42\n",
	       "console shows levels below console_loglevel, not KERN_DEBUG");
	is_int(printk_next_seq() - seq0, 4, "all four messages are stored");
	ok(strstr(dmesg(), "[12345.678901] debug line\n") != NULL, "dmesg shows the debug line");

	clear(&con_a);
	console_loglevel = 4;
	printk(KERN_WARNING "warn\n");
	printk("default level is 4\n");
	printk(KERN_ERR "err\n");
	is_str(con_a.out, "[12345.678901] err\n", "console_loglevel 4 shows only levels 0..3");
	console_loglevel = CONSOLE_LOGLEVEL_DEFAULT;

	fake_ns = 123456000000000ULL;
	printk(KERN_INFO "wide\n");
	is_str(last_record(), "[123456.000000] wide\n", "seconds wider than 5 digits grow");
	fake_ns = 0;
	printk(KERN_INFO "zero\n");
	is_str(last_record(), "[    0.000000] zero\n", "time 0");
}

static void test_lines_and_cont(void)
{
	u64 seq0;

	fake_ns = 2000000;
	clear(&con_a);
	seq0 = printk_next_seq();
	printk(KERN_INFO "one\ntwo\nthree\n");
	is_int(printk_next_seq() - seq0, 3, "three lines become three records");
	is_str(con_a.out, "[    0.002000] one\n[    0.002000] two\n[    0.002000] three\n",
	       "each line printed with its own timestamp");

	clear(&con_a);
	seq0 = printk_next_seq();
	printk(KERN_INFO "part1 ");
	is_int(printk_next_seq(), seq0, "a partial line is not a record yet");
	is_str(con_a.out, "", "nor printed");
	fake_ns = 3000000;	/* continuations keep the first piece's time */
	pr_cont("part%d ", 2);
	pr_cont("done\n");
	is_int(printk_next_seq() - seq0, 1, "KERN_CONT pieces make one record");
	is_str(con_a.out, "[    0.002000] part1 part2 done\n", "joined line printed once");

	clear(&con_a);
	printk(KERN_DEBUG "dbg-cont ");
	pr_cont("end\n");
	is_str(con_a.out, "", "continuation keeps the first piece's level");
	is_str(last_record(), "[    0.003000] dbg-cont end\n", "but is stored");

	clear(&con_a);
	seq0 = printk_next_seq();
	printk(KERN_INFO "unterminated");
	printk(KERN_INFO "next message\n");
	is_int(printk_next_seq() - seq0, 2, "a new message flushes the partial line");
	is_str(con_a.out, "[    0.003000] unterminated\n[    0.003000] next message\n",
	       "both printed, in order");

	clear(&con_a);
	printk(KERN_INFO "p");
	pr_cont("q\nr\n");
	is_str(con_a.out, "[    0.003000] pq\n[    0.003000] r\n",
	       "a multi-line continuation finishes the line, then starts new ones");

	clear(&con_a);
	pr_cont("orphan\n");
	is_str(con_a.out, "[    0.003000] orphan\n", "KERN_CONT with nothing pending starts a line");

	clear(&con_a);
	printk(KERN_INFO "pending on panic");
	console_flush_on_panic();
	is_str(con_a.out, "[    0.003000] pending on panic\n", "panic flush prints a partial line");
}

/* Deterministic text for record @i: its number plus filler of varying length. */
static int make_text(char *buf, unsigned int i)
{
	unsigned int len = (i * 2654435761u >> 7) % 700;
	int n = irqos_sprintf(buf, "rec %u:", i);

	memset(buf + n, 'a' + i % 26, len);
	buf[n + len] = '\0';
	return n + len;
}

static void test_wrap(void)
{
	static char want[1024], line[2048];
	u64 first, next, s, read_upto, dropped0, console_seen;
	unsigned int base, i;
	int bad = 0;

	clear(&con_a);
	unregister_console(&con_a.con);	/* keep the capture small */
	console_seen = printk_next_seq();	/* where the console stopped */

	/* Fixed-size records: 100 chars -> 120-byte records. */
	dmesg();			/* everything so far is now "read" */
	read_upto = printk_next_seq();
	dropped0 = printk_dropped;
	for (i = 0; i < 3000; i++)
		printk(KERN_INFO "%-96s%03u\n", "fixed", i % 1000);
	first = printk_first_seq();
	next = printk_next_seq();
	ok(first > read_upto, "the ring wrapped past what dmesg had read");
	ok(next - first >= 1090 && next - first <= 1092,
	   "a 128 KiB ring holds 1090..1092 records of 120 bytes (has %llu)",
	   (unsigned long long)(next - first));
	is_int(printk_dropped - dropped0, first - read_upto,
	       "printk_dropped counts exactly the unread records overwritten");

	/* Reading from an overwritten seq jumps to the oldest survivor. */
	s = 0;
	ok(printk_read_formatted(&s, line, sizeof(line)) > 0, "reading seq 0 still returns a record");
	is_int(s, first + 1, "and resumes after the oldest surviving record");

	/* Random lengths: every surviving record must read back intact. */
	base = (unsigned int)printk_next_seq();
	for (i = 0; i < 20000; i++) {
		make_text(want, base + i);
		printk(KERN_NOTICE "%s\n", want);
		if (i % 997 == 0 || i == 19999) {
			u64 seq = printk_first_seq();
			size_t n;

			while ((n = printk_read_formatted(&seq, line, sizeof(line)))) {
				u64 rs = seq - 1;

				if (rs < base)	/* a "fixed" one from above */
					continue;
				make_text(want, (unsigned int)rs);
				if (n != strlen(want) + 16 ||
				    strncmp(line, "[    0.003000] ", 15) ||
				    strncmp(line + 15, want, strlen(want)) || line[n - 1] != '\n') {
					if (bad++ < 3)
						printf("# record %llu: '%.60s'\n", (unsigned long long)rs, line);
				}
			}
		}
	}
	is_int(bad, 0, "20000 records of random length: every survivor reads back intact");

	ok(printk_next_seq() - printk_first_seq() > 100, "the ring still holds many records");

	/* A console registered after overflow is told what it missed. */
	first = printk_first_seq();
	register_console(&con_a.con);
	irqos_snprintf(want, sizeof(want), "** %llu printk messages dropped **\n[    0.003000] ",
		       (unsigned long long)(first - console_seen));
	ok(!strncmp(con_a.out, want, strlen(want)),
	   "late console is told exactly how many records it missed");
	make_text(want, (unsigned int)first);
	ok(!strncmp(strchr(con_a.out, ']') + 2, want, strlen(want)),
	   "and then gets the oldest surviving record");
	clear(&con_a);
}

static void test_consoles(void)
{
	u64 seq;

	fake_ns = 5000000;
	register_console(&con_b.con);
	ok(strstr(con_b.out, "[    0.005000] printk: console [other] enabled\n") != NULL,
	   "console without index is announced by name");
	clear(&con_a);
	clear(&con_b);
	printk(KERN_INFO "to both\n");
	is_str(con_a.out, "[    0.005000] to both\n", "first console");
	is_str(con_b.out, "[    0.005000] to both\n", "second console");

	seq = printk_next_seq();
	console_write_all("raw", 3);
	is_int(printk_next_seq(), seq, "console_write_all bypasses the log");
	ok(strstr(con_a.out, "raw") && strstr(con_b.out, "raw"), "but reaches every console");

	con_a.input = "";
	con_b.input = "xy";
	is_int(console_read_char(), 'x', "console_read_char polls every console");
	is_int(console_read_char(), 'y', "in order");
	is_int(console_read_char(), -1, "-1 when nothing is waiting");

	unregister_console(&con_b.con);
	clear(&con_b);
	printk(KERN_INFO "only a\n");
	is_str(con_b.out, "", "unregistered console gets nothing");
}

static void test_recursion(void)
{
	u64 seq = printk_next_seq();
	const char *nested, *outer;

	clear(&con_a);
	fake_ns = 6000000;
	recurse_once = true;
	printk(KERN_INFO "outer\n");
	is_int(printk_recursion_count, 1, "recursion detected and counted");
	nested = strstr(con_a.out, "[    0.006000] nested\n");
	outer = strstr(con_a.out, "[    0.006000] outer\n");
	ok(nested != NULL, "nested message written straight to the console");
	ok(outer != NULL && nested < outer, "outer message follows it");
	is_int(printk_next_seq() - seq, 1, "only the outer message is in the log");
	printk(KERN_INFO "after recursion\n");
	ok(strstr(con_a.out, "after recursion") != NULL, "printk works normally afterwards");
}

static void test_early_params(void)
{
	char l1[] = "quiet", l2[] = "loglevel=2", l3[] = "debug", l4[] = "loglevel=x";
	char l5[] = "ignore_loglevel";

	parse_early_options(l1);
	is_int(console_loglevel, 4, "quiet sets console_loglevel 4");
	parse_early_options(l2);
	is_int(console_loglevel, 2, "loglevel=2");
	parse_early_options(l3);
	is_int(console_loglevel, 10, "debug sets console_loglevel 10");
	parse_early_options(l4);
	is_int(console_loglevel, 10, "a malformed loglevel is ignored");
	ok(strstr(last_record(), "Malformed early option 'loglevel'") != NULL, "and reported");

	console_loglevel = 1;
	clear(&con_a);
	printk(KERN_DEBUG "hidden\n");
	is_str(con_a.out, "", "loglevel 1 hides debug output");
	parse_early_options(l5);
	clear(&con_a);
	printk(KERN_DEBUG "shown\n");
	is_str(con_a.out, "[    0.006000] shown\n", "ignore_loglevel prints everything");
}

int main(void)
{
	test_before_console();
	test_levels();
	test_lines_and_cont();
	test_wrap();
	test_consoles();
	test_recursion();
	test_early_params();
	return done_testing();
}
