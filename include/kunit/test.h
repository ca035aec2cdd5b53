/* SPDX-License-Identifier: MIT */
/*
 * In-kernel unit tests in the style of KUnit. Suites live next to the code
 * they test and register with kunit_test_suites(); booting with
 * "kunit.enable=1" (optionally "kunit.filter_glob=<suite glob>") runs them
 * and prints KTAP version 1 on the console; the kernel then exits QEMU with
 * a status saying whether everything passed (see arch/x86/kernel/reboot.c).
 *
 * KUNIT_EXPECT_* record a failure and carry on; KUNIT_ASSERT_* record it and
 * return from the test case function (use them only in the case function
 * itself, not in helpers it calls).
 */
#ifndef _KUNIT_TEST_H
#define _KUNIT_TEST_H

#include <linux/types.h>
#include <linux/compiler.h>
#include <linux/printk.h>

enum kunit_status {
	KUNIT_SUCCESS,
	KUNIT_FAILURE,
	KUNIT_SKIPPED,
};

struct kunit {
	const char *name;          /* of the running case */
	enum kunit_status status;
	char status_comment[128];  /* skip reason */
	void *priv;                /* for suite init/exit */
};

struct kunit_case {
	void (*run_case)(struct kunit *test);
	const char *name;
	/* filled in by the runner */
	enum kunit_status status;
};

struct kunit_suite {
	const char *name;
	int (*suite_init)(struct kunit_suite *suite);
	void (*suite_exit)(struct kunit_suite *suite);
	int (*init)(struct kunit *test);
	void (*exit)(struct kunit *test);
	struct kunit_case *test_cases;   /* terminated by an empty entry */
};

#define KUNIT_CASE(fn) { .run_case = fn, .name = #fn }

/* kunit_test_suites(&a, &b, ...) - register suites for the boot-time run. */
#define __kunit_paste2(a, b) a##b
#define __kunit_paste(a, b) __kunit_paste2(a, b)
#define kunit_test_suites(...)						\
	static struct kunit_suite *__kunit_paste(__kunit_suites_, __COUNTER__)[] \
		__used __section(".kunit_test_suites") __aligned(8) =	\
		{ __VA_ARGS__ }
#define kunit_test_suite(suite) kunit_test_suites(&suite)

extern bool kunit_enabled;
/* Runs every registered suite matching the filter; returns failed cases. */
int kunit_run_all_tests(void);
/* Runs the suites in [start, end) - used by host tests of the runner. */
int __kunit_test_suites_run(struct kunit_suite *const *start,
			    struct kunit_suite *const *end);

__printf(4, 5) void kunit_fail(struct kunit *test, const char *file, int line,
			       const char *fmt, ...);
__printf(2, 3) void kunit_mark_skipped(struct kunit *test, const char *fmt, ...);

#define kunit_info(test, fmt, ...) printk(KERN_INFO "    # %s: " fmt "\n", (test)->name, ##__VA_ARGS__)
#define kunit_err(test, fmt, ...)  printk(KERN_ERR "    # %s: " fmt "\n", (test)->name, ##__VA_ARGS__)

#define kunit_skip(test, fmt, ...) do {					\
	kunit_mark_skipped(test, fmt, ##__VA_ARGS__);			\
	return;								\
} while (0)

#define __KUNIT_CHECK(test, cond, ret, fmt, ...) do {			\
	if (!(cond)) {							\
		kunit_fail(test, __FILE__, __LINE__, fmt, ##__VA_ARGS__); \
		ret;							\
	}								\
} while (0)

/* Ordering compares as unsigned when either side has an unsigned type, so
 * kernel addresses (above 2^63) order correctly. */
#define __kunit_is_unsigned(x) ((__typeof__(x))-1 > (__typeof__(x))0)
#define __KUNIT_BINOP(test, ret, l, op, r) do {				\
	long long __l = (long long)(l), __r = (long long)(r);		\
	bool __u = __kunit_is_unsigned(l) || __kunit_is_unsigned(r);	\
	__KUNIT_CHECK(test, __u ? (unsigned long long)__l op (unsigned long long)__r \
			       : __l op __r, ret,			\
		"Expected %s %s %s, but\n        %s == %lld (0x%llx)\n        %s == %lld (0x%llx)", \
		#l, #op, #r, #l, __l, (unsigned long long)__l, #r, __r,	\
		(unsigned long long)__r);				\
} while (0)

#define __KUNIT_STREQ(test, ret, l, r) do {				\
	const char *__l = (l), *__r = (r);				\
	__KUNIT_CHECK(test, __l && __r && !__builtin_strcmp(__l, __r), ret, \
		"Expected %s == %s, but\n        %s == \"%s\"\n        %s == \"%s\"", \
		#l, #r, #l, __l ? __l : "(null)", #r, __r ? __r : "(null)"); \
} while (0)

#define KUNIT_EXPECT_TRUE(t, c)    __KUNIT_CHECK(t, (c), (void)0, "Expected %s to be true, but is false", #c)
#define KUNIT_EXPECT_FALSE(t, c)   __KUNIT_CHECK(t, !(c), (void)0, "Expected %s to be false, but is true", #c)
#define KUNIT_EXPECT_EQ(t, l, r)   __KUNIT_BINOP(t, (void)0, l, ==, r)
#define KUNIT_EXPECT_NE(t, l, r)   __KUNIT_BINOP(t, (void)0, l, !=, r)
#define KUNIT_EXPECT_LT(t, l, r)   __KUNIT_BINOP(t, (void)0, l, <, r)
#define KUNIT_EXPECT_LE(t, l, r)   __KUNIT_BINOP(t, (void)0, l, <=, r)
#define KUNIT_EXPECT_GT(t, l, r)   __KUNIT_BINOP(t, (void)0, l, >, r)
#define KUNIT_EXPECT_GE(t, l, r)   __KUNIT_BINOP(t, (void)0, l, >=, r)
#define KUNIT_EXPECT_PTR_EQ(t, l, r) __KUNIT_BINOP(t, (void)0, (unsigned long)(l), ==, (unsigned long)(r))
#define KUNIT_EXPECT_NULL(t, p)    __KUNIT_CHECK(t, (p) == NULL, (void)0, "Expected %s to be NULL", #p)
#define KUNIT_EXPECT_NOT_NULL(t, p) __KUNIT_CHECK(t, (p) != NULL, (void)0, "Expected %s not to be NULL", #p)
#define KUNIT_EXPECT_STREQ(t, l, r) __KUNIT_STREQ(t, (void)0, l, r)

#define KUNIT_ASSERT_TRUE(t, c)    __KUNIT_CHECK(t, (c), return, "Expected %s to be true, but is false", #c)
#define KUNIT_ASSERT_FALSE(t, c)   __KUNIT_CHECK(t, !(c), return, "Expected %s to be false, but is true", #c)
#define KUNIT_ASSERT_EQ(t, l, r)   __KUNIT_BINOP(t, return, l, ==, r)
#define KUNIT_ASSERT_NE(t, l, r)   __KUNIT_BINOP(t, return, l, !=, r)
#define KUNIT_ASSERT_LT(t, l, r)   __KUNIT_BINOP(t, return, l, <, r)
#define KUNIT_ASSERT_GE(t, l, r)   __KUNIT_BINOP(t, return, l, >=, r)
#define KUNIT_ASSERT_GT(t, l, r)   __KUNIT_BINOP(t, return, l, >, r)
#define KUNIT_ASSERT_LE(t, l, r)   __KUNIT_BINOP(t, return, l, <=, r)
#define KUNIT_ASSERT_NULL(t, p)    __KUNIT_CHECK(t, (p) == NULL, return, "Expected %s to be NULL", #p)
#define KUNIT_ASSERT_NOT_NULL(t, p) __KUNIT_CHECK(t, (p) != NULL, return, "Expected %s not to be NULL", #p)

#endif
