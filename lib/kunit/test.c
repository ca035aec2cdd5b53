/* SPDX-License-Identifier: MIT */
/*
 * lib/kunit/test.c - the runner for in-kernel unit tests.
 *
 * Suites register with kunit_test_suites(), which puts pointers to them in
 * the .kunit_test_suites section (bounded by __kunit_suites_start/_end from
 * the linker script). With "kunit.enable=1" on the command line the boot
 * runs every suite whose name matches "kunit.filter_glob=" and prints the
 * results as KTAP version 1 (Documentation/dev-tools/ktap.rst in Linux),
 * line for line as Linux's KUnit does, so kunit.py and other KTAP parsers
 * read it unchanged:
 *
 *   KTAP version 1
 *   1..<suites>
 *       KTAP version 1
 *       # Subtest: <suite>
 *       1..<cases>
 *       [    # <case>: EXPECTATION FAILED at <file>:<line>
 *            <message lines>]
 *       ok|not ok <n> <case>[ # SKIP <reason>]
 *   # <suite>: pass:P fail:F skip:S total:T
 *   # Totals: pass:P fail:F skip:S total:T
 *   ok|not ok <n> <suite>[ # SKIP]
 *
 * The filter may also be "suite_glob.case_glob" to pick cases. Globs know
 * '*' (any run of characters) and '?' (any one character).
 */
#include <kunit/test.h>
#include <linux/kernel.h>
#include <linux/string.h>
#include <linux/init.h>

#define SUBTEST_INDENT "    "
#define FILTER_MAX 128

extern struct kunit_suite *const __kunit_suites_start[], *const __kunit_suites_end[];

bool kunit_enabled;
static char filter_glob[FILTER_MAX];

/*
 * Does @str match @pat? '*' matches any run, '?' any one character. On a
 * mismatch after a '*', retry with the '*' swallowing one more character;
 * only the last '*' needs remembering, which keeps this linear in practice.
 */
static bool glob_match(const char *pat, const char *str, size_t patlen)
{
	const char *pend = pat + patlen;
	const char *star = NULL, *retry = NULL;

	while (*str) {
		if (pat < pend && (*pat == '?' || *pat == *str)) {
			pat++;
			str++;
		} else if (pat < pend && *pat == '*') {
			star = ++pat;
			retry = str;
		} else if (star) {
			pat = star;
			str = ++retry;
		} else {
			return false;
		}
	}
	while (pat < pend && *pat == '*')
		pat++;
	return pat == pend;
}

/* Length of the suite part of the filter ("suite.case" or just "suite"). */
static size_t filter_suite_len(void)
{
	const char *dot = strchr(filter_glob, '.');

	return dot ? (size_t)(dot - filter_glob) : strlen(filter_glob);
}

static bool suite_selected(const struct kunit_suite *suite)
{
	return !filter_glob[0] ||
	       glob_match(filter_glob, suite->name, filter_suite_len());
}

static bool case_selected(const struct kunit_case *c)
{
	const char *dot = strchr(filter_glob, '.');

	return !dot || glob_match(dot + 1, c->name, strlen(dot + 1));
}

/**
 * kunit_fail - record a failed expectation and print why.
 * @test: the running test
 * @file: source file of the check
 * @line: line of the check
 * @fmt: message; may span several lines
 *
 * The first message line is indented to the case's level; continuation
 * lines carry their own deeper indentation (the check macros put 8 spaces
 * there), exactly as Linux prints them.
 */
void kunit_fail(struct kunit *test, const char *file, int line, const char *fmt, ...)
{
	char msg[512];
	char *p, *nl;
	va_list args;
	bool first = true;

	test->status = KUNIT_FAILURE;
	printk(KERN_ERR SUBTEST_INDENT "# %s: EXPECTATION FAILED at %s:%d\n",
	       test->name, file, line);

	va_start(args, fmt);
	vscnprintf(msg, sizeof(msg), fmt, args);
	va_end(args);

	for (p = msg; *p; p = nl + 1) {
		nl = strchr(p, '\n');
		if (nl)
			*nl = '\0';
		if (first || (*p != ' ' && *p != '\t'))
			printk(KERN_ERR SUBTEST_INDENT "%s\n", p);
		else
			printk(KERN_ERR "%s\n", p);
		first = false;
		if (!nl)
			break;
	}
}

/**
 * kunit_mark_skipped - mark the running test as skipped.
 * @test: the running test
 * @fmt: the reason, printed after "# SKIP"
 *
 * A test that has already failed stays failed: the failure must not be
 * hidden by a later skip.
 */
void kunit_mark_skipped(struct kunit *test, const char *fmt, ...)
{
	va_list args;

	if (test->status == KUNIT_FAILURE)
		return;
	test->status = KUNIT_SKIPPED;
	va_start(args, fmt);
	vscnprintf(test->status_comment, sizeof(test->status_comment), fmt, args);
	va_end(args);
}

/* "ok 3 name # SKIP reason", at the given indent. */
static void print_result(const char *indent, enum kunit_status status, int n,
			 const char *name, const char *comment)
{
	if (status == KUNIT_SKIPPED)
		printk(KERN_INFO "%sok %d %s # SKIP%s%s\n", indent, n, name,
		       comment[0] ? " " : "", comment);
	else
		printk(KERN_INFO "%s%s %d %s\n", indent,
		       status == KUNIT_SUCCESS ? "ok" : "not ok", n, name);
}

/* Run one case with a fresh @test, which then holds the outcome. */
static void run_case(struct kunit_suite *suite, struct kunit_case *c,
		     struct kunit *test)
{
	int err;

	memset(test, 0, sizeof(*test));
	test->name = c->name;
	test->status = KUNIT_SUCCESS;
	if (suite->init) {
		err = suite->init(test);
		if (err) {
			printk(KERN_ERR SUBTEST_INDENT "# %s: failed to initialize (%d)\n",
			       c->name, err);
			test->status = KUNIT_FAILURE;
		}
	}
	if (test->status == KUNIT_SUCCESS) {
		c->run_case(test);
		if (suite->exit)
			suite->exit(test);
	}
	c->status = test->status;
}

/*
 * Run one suite as test number @n and print its results. Returns the
 * number of failed cases.
 */
static int run_suite(struct kunit_suite *suite, int n)
{
	int pass = 0, fail = 0, skip = 0, planned = 0, i = 0, err = 0;
	enum kunit_status status;
	struct kunit_case *c;
	struct kunit test;

	for (c = suite->test_cases; c && c->run_case; c++)
		if (case_selected(c))
			planned++;

	printk(KERN_INFO SUBTEST_INDENT "KTAP version 1\n");
	printk(KERN_INFO SUBTEST_INDENT "# Subtest: %s\n", suite->name);
	printk(KERN_INFO SUBTEST_INDENT "1..%d\n", planned);

	if (suite->suite_init)
		err = suite->suite_init(suite);
	if (err)
		printk(KERN_ERR SUBTEST_INDENT "# failed to initialize (%d)\n", err);

	for (c = suite->test_cases; c && c->run_case; c++) {
		if (!case_selected(c))
			continue;
		if (err) {	/* no case can run without its suite set up */
			c->status = KUNIT_FAILURE;
			test.status_comment[0] = '\0';
		} else {
			run_case(suite, c, &test);
		}
		print_result(SUBTEST_INDENT, c->status, ++i, c->name,
			     test.status_comment);
		if (c->status == KUNIT_SKIPPED)
			skip++;
		else if (c->status == KUNIT_FAILURE)
			fail++;
		else
			pass++;
	}
	if (!err && suite->suite_exit)
		suite->suite_exit(suite);

	printk(KERN_INFO "# %s: pass:%d fail:%d skip:%d total:%d\n",
	       suite->name, pass, fail, skip, planned);
	printk(KERN_INFO "# Totals: pass:%d fail:%d skip:%d total:%d\n",
	       pass, fail, skip, planned);

	/* As in Linux: failed if any case failed, skipped if none passed. */
	if (fail || err)
		status = KUNIT_FAILURE;
	else if (pass)
		status = KUNIT_SUCCESS;
	else
		status = KUNIT_SKIPPED;
	print_result("", status, n, suite->name, "");
	return fail;
}

/**
 * __kunit_test_suites_run - run the suites in [@start, @end) that match
 * the filter, printing a complete KTAP document.
 * @start: first suite pointer
 * @end: one past the last
 *
 * Return: the number of failed test cases.
 */
int __kunit_test_suites_run(struct kunit_suite *const *start,
			    struct kunit_suite *const *end)
{
	struct kunit_suite *const *s;
	int planned = 0, n = 0, failed = 0;

	for (s = start; s < end; s++)
		if (*s && suite_selected(*s))
			planned++;

	printk(KERN_INFO "KTAP version 1\n");
	printk(KERN_INFO "1..%d\n", planned);
	for (s = start; s < end; s++) {
		if (*s && suite_selected(*s))
			failed += run_suite(*s, ++n);
	}
	return failed;
}

/**
 * kunit_run_all_tests - run every registered suite, if "kunit.enable=1".
 *
 * Return: the number of failed test cases (0 when KUnit is disabled).
 */
int kunit_run_all_tests(void)
{
	if (!kunit_enabled)
		return 0;
	return __kunit_test_suites_run(__kunit_suites_start, __kunit_suites_end);
}

static int __init kunit_enable_setup(char *str)
{
	if (!str || !strcmp(str, "1") || !strcmp(str, "y") || !strcmp(str, "Y"))
		kunit_enabled = true;
	else if (!strcmp(str, "0") || !strcmp(str, "n") || !strcmp(str, "N"))
		kunit_enabled = false;
	else
		return -1;
	return 0;
}
early_param("kunit.enable", kunit_enable_setup);

static int __init kunit_filter_setup(char *str)
{
	if (!str)
		return -1;
	/* Copied: the command line buffer @str points into may be reused. */
	strlcpy(filter_glob, str, sizeof(filter_glob));
	return 0;
}
early_param("kunit.filter_glob", kunit_filter_setup);
