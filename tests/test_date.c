/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test_date.c - ISO 8601 dates at known precision. */
#include "testing.h"

#include <coopnet/date.h>

static void test_parse_and_format(void)
{
    coopnet_date_t date;
    coopnet_error_t err;
    char text[COOPNET_DATE_TEXT_SIZE];
    CHECK_INT(coopnet_date_parse("2024-01-31", &date, &err), COOPNET_OK);
    CHECK_INT(date.precision, COOPNET_DATE_DAY);
    CHECK_INT(date.day, 19753); /* days from 1970-01-01 */
    coopnet_date_format(date, text);
    CHECK_STR(text, "2024-01-31");
    CHECK_INT(coopnet_date_parse("2024-02", &date, &err), COOPNET_OK);
    CHECK_INT(date.precision, COOPNET_DATE_MONTH);
    coopnet_date_format(date, text);
    CHECK_STR(text, "2024-02");
    coopnet_date_format_day(date, text);
    CHECK_STR(text, "2024-02-01");
    CHECK_INT(coopnet_date_last_day(date), coopnet_date_days_from_civil(2024, 2, 29));
    CHECK_INT(coopnet_date_parse("2023", &date, &err), COOPNET_OK);
    CHECK_INT(date.day, coopnet_date_days_from_civil(2023, 1, 1));
    CHECK_INT(coopnet_date_last_day(date), coopnet_date_days_from_civil(2023, 12, 31));
    coopnet_date_format(date, text);
    CHECK_STR(text, "2023");
    CHECK_INT(coopnet_date_parse("", &date, &err), COOPNET_OK);
    CHECK_INT(date.precision, COOPNET_DATE_NONE);
    coopnet_date_format(date, text);
    CHECK_STR(text, "");
}

static void test_round_trip(void)
{
    for (int32_t day = -800000; day <= 800000; day += 97) {
        int y, m, d;
        coopnet_date_civil_from_days(day, &y, &m, &d);
        CHECK_INT(coopnet_date_days_from_civil(y, m, d), day);
    }
}

static void test_invalid(void)
{
    static const char *const bad[] = {"31/01/2024", "2024-13",    "2023-02-29", "2024-1-5",
                                      "24-01-01",   "2024-01-32", "abcd",       "2024-01-31T10:00",
                                      "0999",       "2024-00"};
    coopnet_date_t date;
    coopnet_error_t err;
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        CHECK_INT(coopnet_date_parse(bad[i], &date, &err), COOPNET_EDATA);
        CHECK_CONTAINS(err.message, bad[i]);
        CHECK_CONTAINS(err.message, "ISO 8601");
    }
    coopnet_date_parse("31/01/2024", &date, &err);
    CHECK_CONTAINS(err.message, "write 2024-01-31 for 31/01/2024");
    coopnet_date_parse("05.03.2024", &date, &err);
    CHECK_CONTAINS(err.message, "write 2024-03-05 for 05.03.2024");
    CHECK_INT(coopnet_date_parse("2024-02-29", &date, &err), COOPNET_OK); /* leap year */
}

static int32_t day_of(int y, int m, int d)
{
    return coopnet_date_days_from_civil(y, m, d);
}

static void test_intervals(void)
{
    coopnet_date_t date;
    coopnet_error_t err;
    char text[COOPNET_DATE_TEXT_SIZE];
    int32_t lo, hi;
    static const char *const round_trips[] = {
        "2024-01-31/2024-09-30", "2023-10/2023-12",      "../2025-12", "2024-02/..",
        "2024/2025-03-01",       "2024-01-31/2024-01-31"};
    for (size_t i = 0; i < sizeof round_trips / sizeof round_trips[0]; i++) {
        CHECK_INT(coopnet_date_parse(round_trips[i], &date, &err), COOPNET_OK);
        CHECK_INT(date.precision, COOPNET_DATE_INTERVAL);
        coopnet_date_format(date, text);
        CHECK_STR(text, round_trips[i]);
    }
    CHECK_INT(coopnet_date_parse("2023-10/2023-12", &date, &err), COOPNET_OK);
    CHECK_INT(date.day, day_of(2023, 10, 1));
    CHECK_INT(coopnet_date_last_day(date), day_of(2023, 12, 31));
    CHECK(!coopnet_date_is_exact(date));
    coopnet_date_bounds(date, day_of(2000, 1, 1), day_of(2030, 1, 1), &lo, &hi);
    CHECK_INT(lo, day_of(2023, 10, 1));
    CHECK_INT(hi, day_of(2023, 12, 31));
    /* open sides and undated dates read the window */
    CHECK_INT(coopnet_date_parse("../2025-12", &date, &err), COOPNET_OK);
    coopnet_date_bounds(date, day_of(2023, 3, 1), day_of(2026, 6, 30), &lo, &hi);
    CHECK_INT(lo, day_of(2023, 3, 1));
    CHECK_INT(hi, day_of(2025, 12, 31));
    coopnet_date_format_day(date, text);
    CHECK_STR(text, "");
    CHECK_INT(coopnet_date_parse("2024-02/..", &date, &err), COOPNET_OK);
    coopnet_date_bounds(date, day_of(2023, 3, 1), day_of(2026, 6, 30), &lo, &hi);
    CHECK_INT(lo, day_of(2024, 2, 1));
    CHECK_INT(hi, day_of(2026, 6, 30));
    /* a window that ends before the written start: the interval is that one day */
    coopnet_date_bounds(date, day_of(2023, 3, 1), day_of(2023, 6, 30), &lo, &hi);
    CHECK_INT(lo, day_of(2024, 2, 1));
    CHECK_INT(hi, day_of(2024, 2, 1));
    CHECK_INT(coopnet_date_parse("", &date, &err), COOPNET_OK);
    coopnet_date_bounds(date, 10, 20, &lo, &hi);
    CHECK_INT(lo, 10);
    CHECK_INT(hi, 20);
    /* plain dates: their period */
    CHECK_INT(coopnet_date_parse("2024", &date, &err), COOPNET_OK);
    coopnet_date_bounds(date, 0, 0, &lo, &hi);
    CHECK_INT(lo, day_of(2024, 1, 1));
    CHECK_INT(hi, day_of(2024, 12, 31));
    CHECK(!coopnet_date_is_exact(date));
    CHECK_INT(coopnet_date_parse("2024-03-04", &date, &err), COOPNET_OK);
    CHECK(coopnet_date_is_exact(date));

    /* errors name the text and why */
    CHECK_INT(coopnet_date_parse("2024-09-30/2024-01-31", &date, &err), COOPNET_EDATA);
    CHECK_CONTAINS(err.message, "'2024-09-30/2024-01-31'");
    CHECK_CONTAINS(err.message, "start (2024-09-30) is after its end (2024-01-31)");
    CHECK_INT(coopnet_date_parse("2024-03/2024-02", &date, &err), COOPNET_EDATA);
    CHECK_CONTAINS(err.message, "after its end (2024-02-29)");
    CHECK_INT(coopnet_date_parse("../..", &date, &err), COOPNET_EDATA);
    CHECK_CONTAINS(err.message, "both sides open");
    CHECK_INT(coopnet_date_parse("2024-01/2024-13", &date, &err), COOPNET_EDATA);
    CHECK_CONTAINS(err.message, "the end is not a date");
    CHECK_INT(coopnet_date_parse("2024-01/2024-02/2024-03", &date, &err), COOPNET_EDATA);
    CHECK_INT(coopnet_date_parse("2024/01/01", &date, &err), COOPNET_EDATA);
    CHECK_CONTAINS(err.message, "invalid date '2024/01/01' (expected ISO 8601");
    CHECK_INT(coopnet_date_parse("..x/2024", &date, &err), COOPNET_EDATA);
    CHECK_INT(coopnet_date_parse("2024-01/", &date, &err), COOPNET_EDATA);
    /* a spreadsheet day is still a day with a hint, not an interval */
    CHECK_INT(coopnet_date_parse("31/01/2024", &date, &err), COOPNET_EDATA);
    CHECK_CONTAINS(err.message, "write 2024-01-31");
}

int main(void)
{
    TEST_RUN(test_intervals);
    TEST_RUN(test_parse_and_format);
    TEST_RUN(test_round_trip);
    TEST_RUN(test_invalid);
    return TEST_DONE();
}
