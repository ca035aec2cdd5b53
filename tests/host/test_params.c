// SPDX-License-Identifier: MIT
/*
 * Host tests for kernel/params.c: next_arg() splitting and quoting,
 * parse_args(), early_param() versus __setup() handlers, '-'/'_'
 * equivalence, and the single "Unknown kernel command line parameters"
 * report.
 *
 * The kernel finds its handlers between the linker symbols __setup_start
 * and __setup_end. Here a table is built by hand and the two symbols are
 * defined in assembly as its start and end, so params.c links unchanged.
 */
#include <linux/init.h>
#include <linux/kernel.h>
#include <linux/string.h>
#include <linux/errno.h>
#include <linux/kallsyms.h>
#include "tap.h"

char boot_command_line[COMMAND_LINE_SIZE];
char saved_command_line[COMMAND_LINE_SIZE];

/* printk stand-in: everything params.c prints, concatenated. */
static char logged[4096];

int vprintk(const char *fmt, va_list args)
{
	size_t n = strlen(logged);

	return irqos_vsnprintf(logged + n, sizeof(logged) - n, fmt, args);
}

int printk(const char *fmt, ...)
{
	va_list args;
	int n;

	va_start(args, fmt);
	n = vprintk(fmt, args);
	va_end(args);
	return n;
}

/* vsprintf.c's %pS needs it; nothing here prints symbols. */
int sprint_symbol(char *buf, unsigned long addr)
{
	return irqos_sprintf(buf, "0x%lx", addr);
}

/* What each handler saw: the value (or "<NULL>") and how often it ran. */
struct seen {
	char val[64];
	int calls;
};
static struct seen s_loglevel, s_quiet, s_foo_bar, s_bad, s_console, s_nosmp,
		   s_decline, s_quoted, s_twice1, s_twice2;

static void record(struct seen *s, const char *val)
{
	strlcpy(s->val, val ? val : "<NULL>", sizeof(s->val));
	s->calls++;
}

static int h_loglevel(char *v) { record(&s_loglevel, v); return 0; }
static int h_quiet(char *v)    { record(&s_quiet, v); return 0; }
static int h_foo_bar(char *v)  { record(&s_foo_bar, v); return 0; }
static int h_bad(char *v)      { record(&s_bad, v); return -EINVAL; }
static int h_console(char *v)  { record(&s_console, v); return 1; }
static int h_nosmp(char *v)    { record(&s_nosmp, v); return 1; }
static int h_decline(char *v)  { record(&s_decline, v); return 0; }
static int h_quoted(char *v)   { record(&s_quoted, v); return 1; }
static int h_twice1(char *v)   { record(&s_twice1, v); return 0; }
static int h_twice2(char *v)   { record(&s_twice2, v); return 1; }

#define NSETUP 10
__attribute__((used)) const struct obs_kernel_param test_setup_table[NSETUP] = {
	{ "loglevel", h_loglevel, 1 },
	{ "quiet", h_quiet, 1 },
	{ "foo_bar", h_foo_bar, 1 },
	{ "bad", h_bad, 1 },
	{ "console=", h_console, 0 },
	{ "nosmp", h_nosmp, 0 },
	{ "decline=", h_decline, 0 },
	{ "quo-ted=", h_quoted, 0 },
	{ "twice=", h_twice1, 0 },
	{ "twice=", h_twice2, 0 },
};
_Static_assert(sizeof(struct obs_kernel_param) == 24, "table stride in the asm below");
__asm__(".globl __setup_start\n\t.set __setup_start, test_setup_table\n\t"
	".globl __setup_end\n\t.set __setup_end, test_setup_table + "
	__stringify(NSETUP) " * 24\n");

static void reset(void)
{
	memset(&s_loglevel, 0, sizeof(struct seen));
	s_quiet = s_foo_bar = s_bad = s_console = s_nosmp = s_decline =
		s_quoted = s_twice1 = s_twice2 = s_loglevel;
	logged[0] = '\0';
}

static void test_next_arg(void)
{
	char line[] = "  a=1 b \"c=d e\" f=\"g h\" i=x=y  j= \"k\"";
	char *args = skip_spaces(line), *param, *val;

	args = next_arg(args, &param, &val);
	ok(!strcmp(param, "a") && val && !strcmp(val, "1"), "a=1");
	args = next_arg(args, &param, &val);
	ok(!strcmp(param, "b") && val == NULL, "bare b has NULL value");
	args = next_arg(args, &param, &val);
	is_str(param, "c", "wholly quoted word: name");
	is_str(val, "d e", "wholly quoted word: value without quotes");
	args = next_arg(args, &param, &val);
	is_str(param, "f", "quoted value: name");
	is_str(val, "g h", "quoted value: quotes stripped, space kept");
	args = next_arg(args, &param, &val);
	is_str(param, "i", "only the first '=' splits");
	is_str(val, "x=y", "later '=' belong to the value");
	args = next_arg(args, &param, &val);
	ok(!strcmp(param, "j") && val && !strcmp(val, ""), "j= gives an empty, non-NULL value");
	args = next_arg(args, &param, &val);
	ok(!strcmp(param, "k") && val == NULL, "quoted bare word");
	is_str(args, "", "end of line");
}

struct collected {
	char text[256];
	int n;
};

static int collect(char *param, char *val, const char *doing, void *arg)
{
	struct collected *c = arg;
	size_t len = strlen(c->text);

	irqos_snprintf(c->text + len, sizeof(c->text) - len, "%s[%s=%s]",
		       c->n++ ? " " : "", param, val ? val : "NULL");
	return strcmp(param, "stop") ? 0 : -EINVAL;
}

static void test_parse_args(void)
{
	struct collected c = { "", 0 };
	char line1[] = "x=1 y -- z=2 w";
	char line2[] = "a stop b";

	is_int(parse_args("test", line1, collect, &c), 0, "parse_args returns 0");
	is_str(c.text, "[x=1] [y=NULL]", "parse_args stops at --");

	memset(&c, 0, sizeof(c));
	logged[0] = '\0';
	is_int(parse_args("test", line2, collect, &c), -EINVAL, "an error from the callback is returned");
	is_str(c.text, "[a=NULL] [stop=NULL]", "and parsing stops there");
	ok(strstr(logged, "test: error -22 parsing parameter 'stop'") != NULL,
	   "the error is reported");
}

static void test_early(void)
{
	reset();
	strcpy(boot_command_line, "root=/dev/sda loglevel=3 quiet foo-bar=on bad=x loglevel");
	parse_early_param();
	is_int(s_loglevel.calls, 2, "loglevel handler ran for each occurrence");
	is_str(s_loglevel.val, "<NULL>", "bare loglevel passes NULL");
	is_int(s_quiet.calls, 1, "quiet ran once");
	is_str(s_quiet.val, "<NULL>", "bare quiet passes NULL");
	is_str(s_foo_bar.val, "on", "foo-bar= reaches the foo_bar handler");
	is_int(s_bad.calls, 1, "failing handler ran");
	ok(strstr(logged, "Malformed early option 'bad'") != NULL, "failure is reported");
	is_int(s_console.calls + s_nosmp.calls, 0, "late handlers do not run early");
	is_str(boot_command_line, "root=/dev/sda loglevel=3 quiet foo-bar=on bad=x loglevel",
	       "boot_command_line is not modified");

	parse_early_param();
	is_int(s_quiet.calls, 1, "parse_early_param runs only once");

	reset();
	char line[] = "loglevel=\"7\" quiet=yes";
	parse_early_options(line);
	is_str(s_loglevel.val, "7", "parse_early_options: quoted value");
	is_str(s_quiet.val, "yes", "a value is passed even to a flag-style handler");
}

static void test_setup(void)
{
	char line[] = "console=ttyS0,115200 loglevel=3 quiet nosmp decline=1 "
		      "quo_ted=\"a b\" twice=2 mystery=1 bogus consolex=1 nosmpx "
		      "loglevelx -- after=1";

	reset();
	parse_setup_params(line);
	is_str(s_console.val, "ttyS0,115200", "__setup(\"console=\") gets the text after '='");
	is_int(s_nosmp.calls, 2, "__setup(\"nosmp\") is a prefix match, as in Linux");
	is_str(s_nosmp.val, "x", "so nosmpx reaches it with the rest of the word");
	is_str(s_decline.val, "1", "a handler returning 0 still ran");
	is_str(s_quoted.val, "a b", "quoted value, '_' in the name matches '-'");
	is_int(s_twice1.calls, 1, "first of two handlers ran");
	is_int(s_twice2.calls, 1, "second handler ran after the first declined");
	is_int(s_loglevel.calls + s_quiet.calls, 0, "early handlers do not run again");
	is_str(logged, KERN_WARNING "Unknown kernel command line parameters "
	       "\"decline=1 mystery=1 bogus consolex=1 loglevelx\", will be passed to user space.\n",
	       "one report lists every unclaimed parameter, early ones excluded");

	reset();
	char clean[] = "console=tty0 quiet loglevel=5";
	parse_setup_params(clean);
	is_str(logged, "", "no report when everything was claimed");
}

int main(void)
{
	test_next_arg();
	test_parse_args();
	test_early();
	test_setup();
	return done_testing();
}
