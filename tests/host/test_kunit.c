// SPDX-License-Identifier: MIT
/*
 * Host tests for lib/kunit/test.c: fake suites with passing, failing and
 * skipped cases must produce KTAP byte for byte as Linux's KUnit prints it.
 * The output is captured from a fake console; since the fake clock stays
 * at 0, every line starts with the 15-character "[    0.000000] " stamp,
 * which is stripped before comparing.
 */
#include <kunit/test.h>
#include <linux/kernel.h>
#include <linux/console.h>
#include <linux/init.h>
#include <linux/kallsyms.h>
#include "tap.h"

/* Start of .init.setup (for kunit.enable=); section_end.c closes it. */
__asm__(".pushsection .init.setup,\"aw\"\n\t.balign 8\n\t"
	".globl __setup_start\n__setup_start:\n\t.popsection\n");

unsigned long host_irq_flags = 0x200;
char boot_command_line[COMMAND_LINE_SIZE];
char saved_command_line[COMMAND_LINE_SIZE];

u64 local_clock(void)
{
	return 0;
}

int sprint_symbol(char *buf, unsigned long addr)
{
	return irqos_sprintf(buf, "0x%lx", addr);
}

static char out[64 * 1024];
static size_t out_len;

/* Keep each line without its timestamp. */
static void cap_write(struct console *con, const char *s, unsigned int len)
{
	static const char stamp[] = "[    0.000000] ";

	if (len >= sizeof(stamp) - 1 && !strncmp(s, stamp, sizeof(stamp) - 1)) {
		s += sizeof(stamp) - 1;
		len -= sizeof(stamp) - 1;
	}
	if (out_len + len < sizeof(out)) {
		memcpy(out + out_len, s, len);
		out_len += len;
		out[out_len] = '\0';
	}
}

static struct console cap = { .name = "cap", .index = -1, .write = cap_write };

static void clear(void)
{
	out_len = 0;
	out[0] = '\0';
}

/* --- the example suite, as in the KTAP sample ------------------------- */
static int fail_line;

static void example_simple_test(struct kunit *test)
{
	KUNIT_EXPECT_EQ(test, 1 + 1, 2);
	KUNIT_EXPECT_STREQ(test, "irq", "irq");
	KUNIT_EXPECT_TRUE(test, 1);
}

static void example_fail_test(struct kunit *test)
{
	fail_line = __LINE__ + 1;
	KUNIT_EXPECT_EQ(test, 1 + 1, 3);
}

static void example_skip_test(struct kunit *test)
{
	kunit_skip(test, "reason");
	KUNIT_EXPECT_TRUE(test, false);	/* never reached */
}

static struct kunit_case example_cases[] = {
	KUNIT_CASE(example_simple_test),
	KUNIT_CASE(example_fail_test),
	KUNIT_CASE(example_skip_test),
	{}
};
static struct kunit_suite example_suite = { .name = "example", .test_cases = example_cases };

/* --- a suite exercising init/exit, ASSERT and skip-after-fail --------- */
static int suite_inits, suite_exits, case_inits, case_exits, after_assert;
static int marker;

static int lc_suite_init(struct kunit_suite *s) { suite_inits++; return 0; }
static void lc_suite_exit(struct kunit_suite *s) { suite_exits++; }
static int lc_init(struct kunit *test) { case_inits++; test->priv = &marker; return 0; }
static void lc_exit(struct kunit *test) { case_exits++; }

static void lc_priv(struct kunit *test)
{
	KUNIT_EXPECT_PTR_EQ(test, test->priv, &marker);
}

static void lc_assert(struct kunit *test)
{
	KUNIT_ASSERT_TRUE(test, false);
	after_assert = 1;
}

static void lc_fail_then_skip(struct kunit *test)
{
	KUNIT_EXPECT_STREQ(test, "a", "b");
	kunit_skip(test, "too late");
}

static struct kunit_case lc_cases[] = {
	KUNIT_CASE(lc_priv),
	KUNIT_CASE(lc_assert),
	KUNIT_CASE(lc_fail_then_skip),
	{}
};
static struct kunit_suite lc_suite = {
	.name = "lifecycle", .suite_init = lc_suite_init, .suite_exit = lc_suite_exit,
	.init = lc_init, .exit = lc_exit, .test_cases = lc_cases,
};

/* --- every case skipped ----------------------------------------------- */
static void skip_a(struct kunit *test) { kunit_skip(test, "no hardware"); }
static void skip_b(struct kunit *test) { kunit_mark_skipped(test, "%s", ""); }
static struct kunit_case skip_cases[] = { KUNIT_CASE(skip_a), KUNIT_CASE(skip_b), {} };
static struct kunit_suite skip_suite = { .name = "skipper", .test_cases = skip_cases };

/* --- a suite whose setup fails ---------------------------------------- */
static int ran_broken;
static int broken_init(struct kunit_suite *s) { return -12; }
static void broken_case(struct kunit *test) { ran_broken = 1; }
static struct kunit_case broken_cases[] = { KUNIT_CASE(broken_case), {} };
static struct kunit_suite broken_suite = {
	.name = "broken", .suite_init = broken_init, .test_cases = broken_cases,
};

/* The registered set, as the linker would collect it. */
#define NSUITES 4
__attribute__((used)) struct kunit_suite *const test_suites[NSUITES] = {
	&example_suite, &lc_suite, &skip_suite, &broken_suite,
};
__asm__(".globl __kunit_suites_start\n\t.set __kunit_suites_start, test_suites\n\t"
	".globl __kunit_suites_end\n\t.set __kunit_suites_end, test_suites + "
	__stringify(NSUITES) " * 8\n");

static const char example_ktap_fmt[] =
	"KTAP version 1\n"
	"1..1\n"
	"    KTAP version 1\n"
	"    # Subtest: example\n"
	"    1..3\n"
	"    ok 1 example_simple_test\n"
	"    # example_fail_test: EXPECTATION FAILED at tests/host/test_kunit.c:%d\n"
	"    Expected 1 + 1 == 3, but\n"
	"        1 + 1 == 2 (0x2)\n"
	"        3 == 3 (0x3)\n"
	"    not ok 2 example_fail_test\n"
	"    ok 3 example_skip_test # SKIP reason\n"
	"# example: pass:1 fail:1 skip:1 total:3\n"
	"# Totals: pass:1 fail:1 skip:1 total:3\n"
	"not ok 1 example\n";

static void test_example(void)
{
	char want[2048];
	int failed;

	clear();
	failed = __kunit_test_suites_run(&test_suites[0], &test_suites[1]);
	irqos_snprintf(want, sizeof(want), example_ktap_fmt, fail_line);
	is_str(out, want, "example suite prints Linux's KTAP exactly");
	is_int(failed, 1, "one failed case reported");
	is_int(example_cases[1].status, KUNIT_FAILURE, "case status recorded: fail");
	is_int(example_cases[2].status, KUNIT_SKIPPED, "case status recorded: skip");
}

static void test_lifecycle(void)
{
	const char *want =
		"KTAP version 1\n"
		"1..2\n"
		"    KTAP version 1\n"
		"    # Subtest: lifecycle\n"
		"    1..3\n"
		"    ok 1 lc_priv\n";
	int failed;

	clear();
	failed = __kunit_test_suites_run(&test_suites[1], &test_suites[3]);
	is_int(failed, 2, "lifecycle: ASSERT and fail-then-skip are failures");
	ok(!strncmp(out, want, strlen(want)), "plan counts both suites; init's priv reaches the case");
	ok(strstr(out, "    # lc_assert: EXPECTATION FAILED at tests/host/test_kunit.c:") != NULL,
	   "ASSERT failure reported");
	ok(strstr(out, "    Expected false to be true, but is false\n    not ok 2 lc_assert\n") != NULL,
	   "ASSERT message, then the result");
	is_int(after_assert, 0, "KUNIT_ASSERT returns from the case");
	ok(strstr(out, "    Expected \"a\" == \"b\", but\n"
		       "        \"a\" == \"a\"\n"
		       "        \"b\" == \"b\"\n"
		       "    not ok 3 lc_fail_then_skip\n") != NULL,
	   "STREQ message; a skip after a failure does not hide it");
	ok(strstr(out, "# lifecycle: pass:1 fail:2 skip:0 total:3\n"
		       "# Totals: pass:1 fail:2 skip:0 total:3\n"
		       "not ok 1 lifecycle\n") != NULL, "lifecycle totals and result");
	is_int(suite_inits, 1, "suite_init once");
	is_int(suite_exits, 1, "suite_exit once");
	is_int(case_inits, 3, "init per case");
	is_int(case_exits, 3, "exit per case, even after a failed ASSERT");
	ok(strstr(out, "    ok 1 skip_a # SKIP no hardware\n"
		       "    ok 2 skip_b # SKIP\n"
		       "# skipper: pass:0 fail:0 skip:2 total:2\n"
		       "# Totals: pass:0 fail:0 skip:2 total:2\n"
		       "ok 2 skipper # SKIP\n") != NULL,
	   "a suite with every case skipped is 'ok # SKIP'");
}

static void test_broken_suite(void)
{
	const char *want =
		"KTAP version 1\n"
		"1..1\n"
		"    KTAP version 1\n"
		"    # Subtest: broken\n"
		"    1..1\n"
		"    # failed to initialize (-12)\n"
		"    not ok 1 broken_case\n"
		"# broken: pass:0 fail:1 skip:0 total:1\n"
		"# Totals: pass:0 fail:1 skip:0 total:1\n"
		"not ok 1 broken\n";

	clear();
	is_int(__kunit_test_suites_run(&test_suites[3], &test_suites[4]), 1,
	       "failed suite_init counts its cases as failed");
	is_str(out, want, "failed suite_init output");
	is_int(ran_broken, 0, "cases of a suite that failed to initialize do not run");
}

static void test_enable_and_filter(void)
{
	char en[] = "kunit.enable=1", f1[] = "kunit.filter_glob=sk*",
	     f2[] = "kunit.filter_glob=ex?mple.*skip*", f3[] = "kunit.filter_glob=nomatch";

	clear();
	is_int(kunit_run_all_tests(), 0, "disabled by default: nothing runs");
	is_str(out, "", "and nothing is printed");

	parse_early_options(en);
	ok(kunit_enabled, "kunit.enable=1 enables");
	clear();
	is_int(kunit_run_all_tests(), 4, "all suites: 1 + 2 + 0 + 1 failures");
	ok(!strncmp(out, "KTAP version 1\n1..4\n", 20), "plan covers all four suites");
	ok(strstr(out, "\nnot ok 4 broken\n") != NULL, "suites numbered in order");

	parse_early_options(f1);
	clear();
	is_int(kunit_run_all_tests(), 0, "filter sk* runs only skipper");
	ok(!strncmp(out, "KTAP version 1\n1..1\n", 20), "plan counts matching suites only");
	ok(strstr(out, "ok 1 skipper # SKIP\n") != NULL && !strstr(out, "example"),
	   "the filtered suite is number 1");

	parse_early_options(f2);
	clear();
	is_int(kunit_run_all_tests(), 0, "suite.case filter picks one case");
	ok(strstr(out, "    1..1\n    ok 1 example_skip_test # SKIP reason\n") != NULL,
	   "case plan and numbering follow the case filter");

	parse_early_options(f3);
	clear();
	is_int(kunit_run_all_tests(), 0, "no match: nothing fails");
	is_str(out, "KTAP version 1\n1..0\n", "and an empty plan is printed");
}

int main(void)
{
	register_console(&cap);
	test_example();
	test_lifecycle();
	test_broken_suite();
	test_enable_and_filter();
	return done_testing();
}
