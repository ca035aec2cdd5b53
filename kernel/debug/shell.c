// SPDX-License-Identifier: MIT
/*
 * The kernel shell: a line editor on the console and a table of commands.
 *
 * Input comes from the tty layer (drivers/tty/tty_buffer.c), which the
 * UART and keyboard interrupt handlers fill; while it is empty the shell
 * sleeps in "sti; hlt" until the next interrupt. Commands come from the .shell_cmds section (include/linux/shell.h), so
 * drivers add their own without this file knowing about them.
 */
#include <linux/kernel.h>
#include <linux/string.h>
#include <linux/ctype.h>
#include <linux/console.h>
#include <linux/shell.h>
#include <linux/tty.h>
#include <linux/reboot.h>
#include <linux/mm.h>
#include <linux/slab.h>
#include <linux/vmalloc.h>
#include <linux/proc_fs.h>
#include <asm/processor.h>
#include <asm/tsc.h>

#define LINE_MAX 256

extern const struct shell_cmd __start_shell_cmds[], __stop_shell_cmds[];

unsigned long shell_lines_too_long;   /* lines refused for overflowing LINE_MAX */

static void shell_puts(const char *s)
{
	console_write_all(s, strlen(s));
}

static void shell_putc(char c)
{
	console_write_all(&c, 1);
}

/**
 * shell_printf - command output: straight to the consoles, not the log
 */
int shell_printf(const char *fmt, ...)
{
	static char buf[512];
	va_list args;
	int len;

	va_start(args, fmt);
	len = vscnprintf(buf, sizeof(buf), fmt, args);
	va_end(args);
	console_write_all(buf, len);
	return len;
}

/* The shell (init) sleeps on a wait queue until input arrives: see
 * tty_read_char(); the console input tasklet wakes it. */
static int shell_getc(void)
{
	return tty_read_char();
}

/*
 * Read one line with echo. Backspace/DEL erase, ^U kills the line, ^C
 * abandons it; escape sequences (arrow keys) are swallowed. Characters
 * past the end of the buffer are counted; a line that lost any is
 * refused rather than run truncated. Returns the number dropped.
 */
static int read_line(char *buf, int size)
{
	int len = 0, c, dropped = 0;

	for (;;) {
		c = shell_getc();
		if (c == '\r' || c == '\n') {
			shell_puts("\n");
			break;
		}
		if (c == 0x7f || c == '\b') {
			if (len) {
				len--;
				shell_puts("\b \b");
			}
		} else if (c == 0x15) {                 /* ^U */
			while (len) {
				len--;
				shell_puts("\b \b");
			}
		} else if (c == 0x03) {                 /* ^C */
			shell_puts("^C\n");
			len = 0;
			break;
		} else if (c == 0x1b) {                 /* ESC [ x */
			if (shell_getc() == '[')
				shell_getc();
		} else if (isprint(c)) {
			if (len < size - 1) {
				buf[len++] = c;
				shell_putc(c);
			} else {
				dropped++;
				shell_putc('\a');
			}
		}
	}
	buf[len] = '\0';
	return dropped;
}

static int split_args(char *line, char **argv)
{
	int argc = 0;

	while (*line) {
		while (isspace(*line))
			*line++ = '\0';
		if (!*line)
			break;
		if (argc == SHELL_MAX_ARGS)
			return -1;
		argv[argc++] = line;
		while (*line && !isspace(*line))
			line++;
	}
	return argc;
}

static const struct shell_cmd *find_cmd(const char *name)
{
	const struct shell_cmd *c;

	for (c = __start_shell_cmds; c < __stop_shell_cmds; c++)
		if (!strcmp(c->name, name))
			return c;
	return NULL;
}

/**
 * shell_exec_line - run one command line; returns the command's status
 */
int shell_exec_line(char *line)
{
	char *argv[SHELL_MAX_ARGS + 1];
	const struct shell_cmd *cmd;
	int argc = split_args(line, argv);

	if (argc < 0) {
		shell_printf("too many arguments (at most %d); not run\n", SHELL_MAX_ARGS);
		return -1;
	}
	if (argc == 0)
		return 0;
	argv[argc] = NULL;
	cmd = find_cmd(argv[0]);
	if (!cmd) {
		shell_printf("%s: command not found\n", argv[0]);
		return 127;
	}
	return cmd->fn(argc, argv);
}

/**
 * shell_main - prompt, read, run, forever
 */
void shell_main(void)
{
	static char line[LINE_MAX];

	for (;;) {
		int dropped;

		shell_puts(SHELL_PROMPT);
		dropped = read_line(line, sizeof(line));
		if (dropped) {
			shell_lines_too_long++;
			shell_printf("shell: line too long: %d characters past %d were dropped; not run\n",
				     dropped, LINE_MAX - 1);
			continue;
		}
		shell_exec_line(line);
	}
}

/* ---- the basic commands ---- */

static int do_help(int argc, char **argv)
{
	const struct shell_cmd *c;

	for (c = __start_shell_cmds; c < __stop_shell_cmds; c++) {
		char left[40];

		snprintf(left, sizeof(left), "%s%s%s", c->name,
			 c->usage[0] ? " " : "", c->usage);
		shell_printf("  %-24s %s\n", left, c->help);
	}
	return 0;
}
DEFINE_SHELL_CMD(help, "", "list the commands", do_help);

/*
 * echo WORDS [> FILE]: the words joined by single spaces, then a newline.
 * A redirection ("> FILE", ">FILE", or ">>" alike: /proc files have no
 * end to append to) may stand anywhere among the words, the last one
 * wins, as in sh; the text then goes to the file (kernel/debug/shell_fs.c).
 */
static int do_echo(int argc, char **argv)
{
	static char text[LINE_MAX + 1];   /* the words fit: they came from one line */
	const char *path = NULL;
	size_t len = 0;
	int i;

	for (i = 1; i < argc; i++) {
		const char *w = argv[i];

		if (w[0] == '>') {
			w += w[1] == '>' ? 2 : 1;
			if (!*w)
				w = argv[++i];
			if (!w) {
				shell_printf("sh: syntax error near unexpected token `newline'\n");
				return 2;
			}
			path = w;
			continue;
		}
		len += scnprintf(text + len, sizeof(text) - len, "%s%s", len ? " " : "", w);
	}
	len += scnprintf(text + len, sizeof(text) - len, "\n");
	if (path)
		return shell_write_file("echo", path, text, len);
	shell_printf("%s", text);
	return 0;
}
DEFINE_SHELL_CMD(echo, "[words...] [> FILE]", "print the words, or write them to FILE", do_echo);

static int do_dmesg(int argc, char **argv)
{
	static char buf[1100];
	u64 seq = printk_first_seq();
	size_t len;

	while ((len = printk_read_formatted(&seq, buf, sizeof(buf))) > 0)
		console_write_all(buf, len);
	if (printk_dropped)
		shell_printf("dmesg: %llu older messages were overwritten\n",
		       (unsigned long long)printk_dropped);
	return 0;
}
DEFINE_SHELL_CMD(dmesg, "", "print the kernel log", do_dmesg);

static int do_uptime(int argc, char **argv)
{
	u64 ns = local_clock();

	shell_printf("up %llu.%06llu s\n", (unsigned long long)(ns / 1000000000ULL),
	       (unsigned long long)(ns % 1000000000ULL) / 1000);
	return 0;
}
DEFINE_SHELL_CMD(uptime, "", "time since boot", do_uptime);

static int do_poweroff(int argc, char **argv)
{
	machine_power_off();
}
DEFINE_SHELL_CMD(poweroff, "", "power the machine off (ACPI S5)", do_poweroff);

static int do_reboot(int argc, char **argv)
{
	machine_restart();
}
DEFINE_SHELL_CMD(reboot, "", "restart the machine", do_reboot);

static int do_meminfo(int argc, char **argv)
{
	struct page_alloc_stats *p = &page_alloc_stats;
	struct kmalloc_stats *k = &kmalloc_stats;

	shell_printf("MemTotal:       %8lu kB\n", p->total_pages * (PAGE_SIZE / 1024));
	shell_printf("MemFree:        %8lu kB\n", nr_free_pages() * (PAGE_SIZE / 1024));
	shell_printf("PageAllocFail:  %8lu\n", p->failed);
	shell_printf("PageBadOrder:   %8lu\n", p->bad_order);
	shell_printf("PageBadFree:    %8lu\n", p->bad_free);
	shell_printf("KmallocCalls:   %8lu\n", k->alloc_calls);
	shell_printf("KmallocFail:    %8lu\n", k->failed);
	shell_printf("KmallocBadFree: %8lu\n", k->bad_free);
	shell_printf("VmallocAreas:   %8lu\n", vmalloc_stats.areas);
	shell_printf("VmallocPages:   %8lu\n", vmalloc_stats.pages);
	return 0;
}
DEFINE_SHELL_CMD(meminfo, "", "memory and allocator counters", do_meminfo);
