/* SPDX-License-Identifier: GPL-3.0-or-later */
/* testing.h - the tiny test harness of coopnet's test programs.
 *
 * A test program is a main() that calls TEST_RUN(function) for each test function; checks
 * record failures with file and line and carry on; TEST_DONE() prints "N passed, N failed" and
 * returns the exit status ctest reads. */
#ifndef COOPNET_TESTING_H
#define COOPNET_TESTING_H

#include <math.h>
#include <stdio.h>
#include <string.h>

static int testing_checks_failed;
static int testing_tests_passed, testing_tests_failed;

#define CHECK(condition)                                                                           \
    do {                                                                                           \
        if (!(condition)) {                                                                        \
            fprintf(stderr, "%s:%d: check failed: %s\n", __FILE__, __LINE__, #condition);          \
            testing_checks_failed++;                                                               \
        }                                                                                          \
    } while (0)

#define CHECK_INT(actual, expected)                                                                \
    do {                                                                                           \
        long long actual_ = (long long)(actual), expected_ = (long long)(expected);                \
        if (actual_ != expected_) {                                                                \
            fprintf(stderr, "%s:%d: %s is %lld, expected %lld\n", __FILE__, __LINE__, #actual,     \
                    actual_, expected_);                                                           \
            testing_checks_failed++;                                                               \
        }                                                                                          \
    } while (0)

#define CHECK_NEAR(actual, expected, tolerance)                                                    \
    do {                                                                                           \
        double actual_ = (actual), expected_ = (expected);                                         \
        if (!(fabs(actual_ - expected_) <= (tolerance)) &&                                         \
            !(isnan(actual_) && isnan(expected_))) {                                               \
            fprintf(stderr, "%s:%d: %s is %.12g, expected %.12g\n", __FILE__, __LINE__, #actual,   \
                    actual_, expected_);                                                           \
            testing_checks_failed++;                                                               \
        }                                                                                          \
    } while (0)

#define CHECK_STR(actual, expected)                                                                \
    do {                                                                                           \
        const char *actual_ = (actual), *expected_ = (expected);                                   \
        if (actual_ == NULL || strcmp(actual_, expected_) != 0) {                                  \
            fprintf(stderr, "%s:%d: %s is \"%s\", expected \"%s\"\n", __FILE__, __LINE__, #actual, \
                    actual_ ? actual_ : "(null)", expected_);                                      \
            testing_checks_failed++;                                                               \
        }                                                                                          \
    } while (0)

/* The text contains the fragment. */
#define CHECK_CONTAINS(text, fragment)                                                             \
    do {                                                                                           \
        const char *text_ = (text), *fragment_ = (fragment);                                       \
        if (text_ == NULL || strstr(text_, fragment_) == NULL) {                                   \
            fprintf(stderr, "%s:%d: \"%s\" does not contain \"%s\"\n", __FILE__, __LINE__,         \
                    text_ ? text_ : "(null)", fragment_);                                          \
            testing_checks_failed++;                                                               \
        }                                                                                          \
    } while (0)

#define TEST_RUN(function)                                                                         \
    do {                                                                                           \
        int before_ = testing_checks_failed;                                                       \
        function();                                                                                \
        if (testing_checks_failed == before_) {                                                    \
            testing_tests_passed++;                                                                \
        } else {                                                                                   \
            testing_tests_failed++;                                                                \
            fprintf(stderr, "FAILED: %s\n", #function);                                            \
        }                                                                                          \
    } while (0)

#define TEST_DONE()                                                                                \
    (printf("%d passed, %d failed\n", testing_tests_passed, testing_tests_failed),                 \
     testing_tests_failed == 0 ? 0 : 1)

#endif
