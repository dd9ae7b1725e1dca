/*
 * testlib.h - the tiny unit-test framework of dyad's tests/unit programs.
 *
 *     TEST(parses_dates) { CHECK_STR_EQ(got, "2021-09-28"); }
 *     int main(void) { RUN(parses_dates); return testlib_done(); }
 *
 * A test passes when none of its checks failed. Each program ends with the
 * line "RESULT passed=P failed=F" that tests/run adds up.
 */
#ifndef DYAD_TESTLIB_H
#define DYAD_TESTLIB_H

#include <math.h>
#include <stdio.h>
#include <string.h>

static int testlib_failed_checks;
static int testlib_passed, testlib_failed;
static const char *testlib_current;

#define TEST(name) static void name(void)

#define TESTLIB_FAIL(...)                                                     \
	do {                                                                      \
		testlib_failed_checks++;                                              \
		fprintf(stderr, "  %s:%d: %s: ", __FILE__, __LINE__, testlib_current); \
		fprintf(stderr, __VA_ARGS__);                                         \
		fputc('\n', stderr);                                                  \
	} while (0)

#define CHECK(cond)                                                           \
	do {                                                                      \
		if (!(cond))                                                          \
			TESTLIB_FAIL("check failed: %s", #cond);                          \
	} while (0)

#define CHECK_INT_EQ(got, want)                                               \
	do {                                                                      \
		long long g_ = (long long)(got), w_ = (long long)(want);              \
		if (g_ != w_)                                                         \
			TESTLIB_FAIL("%s = %lld, want %lld", #got, g_, w_);               \
	} while (0)

#define CHECK_STR_EQ(got, want)                                               \
	do {                                                                      \
		const char *g_ = (got), *w_ = (want);                                 \
		if (!g_ || !w_ ? g_ != w_ : strcmp(g_, w_) != 0)                      \
			TESTLIB_FAIL("%s = \"%s\", want \"%s\"", #got, g_ ? g_ : "(null)",  \
			             w_ ? w_ : "(null)");                                 \
	} while (0)

#define CHECK_NEAR(got, want, eps)                                            \
	do {                                                                      \
		double g_ = (got), w_ = (want);                                       \
		if (fabs(g_ - w_) > (eps))                                            \
			TESTLIB_FAIL("%s = %g, want %g", #got, g_, w_);                   \
	} while (0)

#define RUN(name)                                                             \
	do {                                                                      \
		testlib_current = #name;                                              \
		int before_ = testlib_failed_checks;                                  \
		name();                                                               \
		if (testlib_failed_checks == before_) {                               \
			testlib_passed++;                                                 \
		} else {                                                              \
			testlib_failed++;                                                 \
			fprintf(stderr, "FAIL %s\n", #name);                              \
		}                                                                     \
	} while (0)

static inline int testlib_done(void)
{
	printf("RESULT passed=%d failed=%d\n", testlib_passed, testlib_failed);
	return testlib_failed ? 1 : 0;
}

#endif
