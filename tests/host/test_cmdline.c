// SPDX-License-Identifier: MIT
/* Host tests for lib/cmdline.c: read-only lookups in a raw command line. */
#include <linux/init.h>
#include <linux/string.h>
#include "tap.h"

static void test_bool(void)
{
	const char *cl = "console=ttyS0 quietx nosmp  noapic=1 \"quoted\" x=\"quiet here\" ";

	is_int(cmdline_find_option_bool(cl, "nosmp"), 22, "bare option found at its 1-based position");
	is_int(cmdline_find_option_bool(cl, "quiet"), 0, "quiet does not match quietx");
	is_int(cmdline_find_option_bool(cl, "quietx"), 15, "quietx itself matches");
	is_int(cmdline_find_option_bool(cl, "noapic"), 0, "noapic=1 is not a bare option");
	is_int(cmdline_find_option_bool(cl, "ttyS0"), 0, "a value is not an option");
	is_int(cmdline_find_option_bool(cl, "console"), 0, "an option with a value is not bare");
	ok(cmdline_find_option_bool(cl, "quoted") > 0, "a quoted bare word matches");
	is_int(cmdline_find_option_bool(cl, "here"), 0, "words inside a quoted value do not match");
	is_int(cmdline_find_option_bool(cl, "nosm"), 0, "prefixes do not match");
	is_int(cmdline_find_option_bool("nosmp", "nosmp"), 1, "option at the very start");
	is_int(cmdline_find_option_bool("a\tnosmp\n", "nosmp"), 3, "tabs and newlines separate");
	is_int(cmdline_find_option_bool("", "nosmp"), 0, "empty command line");
	is_int(cmdline_find_option_bool(NULL, "nosmp"), 0, "NULL command line");
}

static void test_value(void)
{
	const char *cl = "root=/dev/sda1 console=tty0 foo=\"a b c\" \"bar=d e\" empty= console=ttyS0,115200 x=quiet";
	char buf[32];

	is_int(cmdline_find_option(cl, "root", buf, sizeof(buf)), 9, "value length returned");
	is_str(buf, "/dev/sda1", "value copied");
	is_int(cmdline_find_option(cl, "console", buf, sizeof(buf)), 12, "last occurrence wins");
	is_str(buf, "ttyS0,115200", "last console value");
	is_int(cmdline_find_option(cl, "foo", buf, sizeof(buf)), 5, "quoted value length without quotes");
	is_str(buf, "a b c", "quoted value keeps its spaces");
	is_int(cmdline_find_option(cl, "bar", buf, sizeof(buf)), 3, "wholly quoted word");
	is_str(buf, "d e", "wholly quoted word value");
	is_int(cmdline_find_option(cl, "empty", buf, sizeof(buf)), 0, "empty value is found, length 0");
	is_str(buf, "", "empty value");
	is_int(cmdline_find_option(cl, "quiet", buf, sizeof(buf)), -1, "value text is not an option name");
	is_int(cmdline_find_option(cl, "roo", buf, sizeof(buf)), -1, "prefix of a name does not match");
	is_int(cmdline_find_option(cl, "b", buf, sizeof(buf)), -1, "words inside quotes are not options");
	is_int(cmdline_find_option("nosmp", "nosmp", buf, sizeof(buf)), -1, "bare option has no value");

	memset(buf, 'X', sizeof(buf));
	is_int(cmdline_find_option(cl, "root", buf, 5), 9, "truncated: full length still returned");
	is_str(buf, "/dev", "truncated value is terminated");
	is_int(buf[5], 'X', "nothing written past bufsize");
	is_int(cmdline_find_option(cl, "root", NULL, 0), 9, "length query without a buffer");
}

int main(void)
{
	test_bool();
	test_value();
	return done_testing();
}
