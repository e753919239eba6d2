/* SPDX-License-Identifier: GPL-3.0-or-later */
/* date.c - ISO 8601 dates at known precision (see coopnet/date.h). */
#include "coopnet/date.h"

#include <stdio.h>
#include <string.h>
#include <strings.h>

/* Howard Hinnant's days-from-civil algorithm, written out for the proleptic Gregorian calendar. */
int32_t coopnet_date_days_from_civil(int year, int month, int day)
{
    year -= month <= 2;
    int era = (year >= 0 ? year : year - 399) / 400;
    int year_of_era = year - era * 400;
    int day_of_year = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1;
    int day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
    return era * 146097 + day_of_era - 719468;
}

void coopnet_date_civil_from_days(int32_t days, int *year, int *month, int *day)
{
    days += 719468;
    int era = (days >= 0 ? days : days - 146096) / 146097;
    int day_of_era = days - era * 146097;
    int year_of_era =
        (day_of_era - day_of_era / 1460 + day_of_era / 36524 - day_of_era / 146096) / 365;
    int day_of_year = day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
    int month_index = (5 * day_of_year + 2) / 153;
    *day = day_of_year - (153 * month_index + 2) / 5 + 1;
    *month = month_index < 10 ? month_index + 3 : month_index - 9;
    *year = year_of_era + era * 400 + (*month <= 2);
}

static int days_in_month(int year, int month)
{
    static const int days[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    int leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    return month == 2 && leap ? 29 : days[month - 1];
}

static int read_digits(const char *text, int count, int *value)
{
    *value = 0;
    for (int i = 0; i < count; i++) {
        if (text[i] < '0' || text[i] > '9')
            return 0;
        *value = *value * 10 + (text[i] - '0');
    }
    return 1;
}

static int bad_date(const char *text, coopnet_error_t *err)
{
    char hint[96] = "";
    int first, second, year;
    char separator[2];
    /* day/month/year as spreadsheets write it: show the same date in ISO order */
    if (sscanf(text, "%d%1[/.-]%d%*[/.-]%d", &first, separator, &second, &year) == 4 &&
        year >= 1000 && first >= 1 && first <= 31 && second >= 1 && second <= 12)
        snprintf(hint, sizeof hint, "; write %04d-%02d-%02d for %s (year-month-day)", year, second,
                 first, text);
    else if (strchr(text, 'T') || strchr(text, ' '))
        snprintf(hint, sizeof hint, "; give the day only, without a time");
    return coopnet_error_set(err, COOPNET_EDATA,
                             "invalid date '%s' (expected ISO 8601 YYYY, YYYY-MM or YYYY-MM-DD, or "
                             "an interval START/END%s)",
                             text, hint);
}

/* One calendar point: "YYYY", "YYYY-MM" or "YYYY-MM-DD" of `length` bytes. 0 when invalid. */
static int parse_point(const char *text, size_t length, coopnet_date_t *date)
{
    int year, month = 1, day = 1;
    if (length != 4 && length != 7 && length != 10)
        return 0;
    if (!read_digits(text, 4, &year) || year < 1000)
        return 0;
    coopnet_date_precision_t precision = COOPNET_DATE_YEAR;
    if (length >= 7) {
        if (text[4] != '-' || !read_digits(text + 5, 2, &month) || month < 1 || month > 12)
            return 0;
        precision = COOPNET_DATE_MONTH;
    }
    if (length == 10) {
        if (text[7] != '-' || !read_digits(text + 8, 2, &day) || day < 1 ||
            day > days_in_month(year, month))
            return 0;
        precision = COOPNET_DATE_DAY;
    }
    *date = (coopnet_date_t){coopnet_date_days_from_civil(year, month, day), precision, 0, 0, 0};
    return 1;
}

static int bad_interval(const char *text, const char *why, coopnet_error_t *err)
{
    return coopnet_error_set(err, COOPNET_EDATA,
                             "invalid date interval '%s' (%s; expected START/END with each side "
                             "YYYY, YYYY-MM, YYYY-MM-DD or '..' for open)",
                             text, why);
}

static int parse_interval(const char *text, const char *slash, coopnet_date_t *date,
                          coopnet_error_t *err)
{
    const char *end_text = slash + 1;
    size_t start_length = (size_t)(slash - text), end_length = strlen(end_text);
    bool open_start = start_length == 2 && memcmp(text, "..", 2) == 0;
    bool open_end = end_length == 2 && memcmp(end_text, "..", 2) == 0;
    coopnet_date_t start = {0}, end = {0};
    if (open_start && open_end)
        return bad_interval(text, "both sides open; leave the field empty when undated", err);
    if (!open_start && !parse_point(text, start_length, &start))
        return bad_interval(text, "the start is not a date", err);
    if (!open_end && !parse_point(end_text, end_length, &end))
        return bad_interval(text, "the end is not a date", err);
    date->precision = COOPNET_DATE_INTERVAL;
    date->day = open_start ? COOPNET_DATE_OPEN_START : start.day;
    date->last = open_end ? COOPNET_DATE_OPEN_END : coopnet_date_last_day(end);
    date->start_precision = (uint8_t)(open_start ? COOPNET_DATE_NONE : start.precision);
    date->end_precision = (uint8_t)(open_end ? COOPNET_DATE_NONE : end.precision);
    if (!open_start && !open_end && start.day > date->last) {
        char first[COOPNET_DATE_TEXT_SIZE], last[COOPNET_DATE_TEXT_SIZE];
        coopnet_date_format_day(start, first);
        coopnet_date_format_day(coopnet_date_from_day(date->last), last);
        *date = (coopnet_date_t){0};
        return coopnet_error_set(err, COOPNET_EDATA,
                                 "invalid date interval '%s': its start (%s) is after its end "
                                 "(%s)",
                                 text, first, last);
    }
    return 0;
}

int coopnet_date_parse(const char *text, coopnet_date_t *date, coopnet_error_t *err)
{
    *date = (coopnet_date_t){0};
    size_t length = strlen(text);
    if (length == 0)
        return 0;
    const char *slash = strchr(text, '/');
    /* "31/01/2024" is a spreadsheet day, not an interval: bad_date gives its hint */
    if (slash != NULL && strchr(slash + 1, '/') == NULL &&
        (slash - text == 4 || slash - text == 7 || slash - text == 10 ||
         (slash - text == 2 && text[0] == '.')))
        return parse_interval(text, slash, date, err);
    if (!parse_point(text, length, date))
        return bad_date(text, err);
    return 0;
}

static void format_point(int32_t day, coopnet_date_precision_t precision,
                         char buffer[COOPNET_DATE_TEXT_SIZE])
{
    int year, month, unused;
    coopnet_date_civil_from_days(day, &year, &month, &unused);
    if (precision == COOPNET_DATE_YEAR)
        snprintf(buffer, COOPNET_DATE_TEXT_SIZE, "%04d", year);
    else if (precision == COOPNET_DATE_MONTH)
        snprintf(buffer, COOPNET_DATE_TEXT_SIZE, "%04d-%02d", year, month);
    else
        snprintf(buffer, COOPNET_DATE_TEXT_SIZE, "%04d-%02d-%02d", year, month, unused);
}

void coopnet_date_format(coopnet_date_t date, char buffer[COOPNET_DATE_TEXT_SIZE])
{
    if (date.precision == COOPNET_DATE_NONE) {
        buffer[0] = '\0';
        return;
    }
    if (date.precision != COOPNET_DATE_INTERVAL) {
        format_point(date.day, date.precision, buffer);
        return;
    }
    char start[COOPNET_DATE_TEXT_SIZE] = "..", end[COOPNET_DATE_TEXT_SIZE] = "..";
    if (date.start_precision != COOPNET_DATE_NONE)
        format_point(date.day, (coopnet_date_precision_t)date.start_precision, start);
    if (date.end_precision != COOPNET_DATE_NONE) {
        /* the end side prints its own period: the one that holds the latest day */
        format_point(date.last, (coopnet_date_precision_t)date.end_precision, end);
    }
    snprintf(buffer, COOPNET_DATE_TEXT_SIZE, "%s/%s", start, end);
}

void coopnet_date_format_day(coopnet_date_t date, char buffer[COOPNET_DATE_TEXT_SIZE])
{
    if (date.precision == COOPNET_DATE_NONE ||
        (date.precision == COOPNET_DATE_INTERVAL && date.start_precision == COOPNET_DATE_NONE)) {
        buffer[0] = '\0';
        return;
    }
    coopnet_date_format(coopnet_date_from_day(date.day), buffer);
}

bool coopnet_date_is_exact(coopnet_date_t date)
{
    return date.precision == COOPNET_DATE_DAY ||
           (date.precision == COOPNET_DATE_INTERVAL && date.start_precision != COOPNET_DATE_NONE &&
            date.end_precision != COOPNET_DATE_NONE && date.day == date.last);
}

void coopnet_date_bounds(coopnet_date_t date, int32_t window_first, int32_t window_last,
                         int32_t *earliest, int32_t *latest)
{
    if (date.precision == COOPNET_DATE_NONE) {
        *earliest = window_first;
        *latest = window_last;
        return;
    }
    *earliest = date.day;
    *latest = coopnet_date_last_day(date);
    if (date.precision != COOPNET_DATE_INTERVAL)
        return;
    /* an open side reads the window's edge, whatever day the loader resolved it to */
    bool open_start = date.start_precision == COOPNET_DATE_NONE;
    bool open_end = date.end_precision == COOPNET_DATE_NONE;
    if (open_start)
        *earliest = window_first;
    if (open_end)
        *latest = window_last;
    /* an open side beyond the written one: the interval is that one day */
    if (*earliest > *latest) {
        if (open_start)
            *earliest = *latest;
        else
            *latest = *earliest;
    }
}

coopnet_date_t coopnet_date_from_day(int32_t day)
{
    return (coopnet_date_t){day, COOPNET_DATE_DAY, 0, 0, 0};
}

int32_t coopnet_date_last_day(coopnet_date_t date)
{
    if (date.precision == COOPNET_DATE_INTERVAL)
        return date.last;
    int year, month, day;
    coopnet_date_civil_from_days(date.day, &year, &month, &day);
    switch (date.precision) {
    case COOPNET_DATE_YEAR:
        return coopnet_date_days_from_civil(year, 12, 31);
    case COOPNET_DATE_MONTH:
        return coopnet_date_days_from_civil(year, month, days_in_month(year, month));
    default:
        return date.day;
    }
}

static const char *const period_names[] = {"month", "quarter", "year"};

int coopnet_period_parse(const char *text, coopnet_period_t *period, coopnet_error_t *err)
{
    for (int p = COOPNET_PERIOD_MONTH; p <= COOPNET_PERIOD_YEAR; p++) {
        if (strcasecmp(text, period_names[p]) == 0) {
            *period = (coopnet_period_t)p;
            return COOPNET_OK;
        }
    }
    return COOPNET_ERROR(err, COOPNET_EINVAL,
                         "unknown period '%s' (expected month, quarter or year)", text);
}

const char *coopnet_period_name(coopnet_period_t period)
{
    return (unsigned)period <= COOPNET_PERIOD_YEAR ? period_names[period] : "unknown";
}

int32_t coopnet_period_end(int32_t day, coopnet_period_t period)
{
    int year, month, unused;
    coopnet_date_civil_from_days(day, &year, &month, &unused);
    if (period == COOPNET_PERIOD_YEAR)
        month = 12;
    else if (period == COOPNET_PERIOD_QUARTER)
        month = (month - 1) / 3 * 3 + 3;
    return month == 12 ? coopnet_date_days_from_civil(year + 1, 1, 1) - 1
                       : coopnet_date_days_from_civil(year, month + 1, 1) - 1;
}
