/* SPDX-License-Identifier: GPL-3.0-or-later */
/* coopnet/date.h - ISO 8601 calendar dates at the precision they are known.
 *
 * A date is a range of days it may fall on: an exact day ("2024-01-31"), a month or a year
 * (any day in it: "2024-01", "2024"), an ISO 8601 interval ("2024-01-31/2024-09-30", either side
 * a day, month or year, or ".." for open), or nothing (an empty field: undated). It is kept as
 * the day number of its earliest day (days since 1970-01-01, so "2024-01" orders as 2024-01-01),
 * its precision, and for an interval its latest day and each side's precision, so every form
 * prints back as written. coopnet_date_bounds gives any date's [earliest, latest] days, reading
 * an open side or an undated field as the edge of a study window (docs/temporal.md).
 */
#ifndef COOPNET_DATE_H
#define COOPNET_DATE_H

#include "coopnet/api.h"

#include "coopnet/error.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

typedef enum {
    COOPNET_DATE_NONE = 0,    /* unknown: an empty field */
    COOPNET_DATE_YEAR = 1,    /* YYYY */
    COOPNET_DATE_MONTH = 2,   /* YYYY-MM */
    COOPNET_DATE_DAY = 3,     /* YYYY-MM-DD */
    COOPNET_DATE_INTERVAL = 4 /* START/END: some day from START's first day to END's last */
} coopnet_date_precision_t;

typedef struct coopnet_date {
    /* days since 1970-01-01 of the earliest day: the period's first day; for an interval, its
     * start's first day (an open start: COOPNET_DATE_OPEN_START as parsed; a loaded bundle
     * resolves it to its study window's first day, see coopnet_bundle_window) */
    int32_t day;
    coopnet_date_precision_t precision; /* COOPNET_DATE_NONE: no date (day is 0) */
    /* INTERVAL only: the latest day (an open end: COOPNET_DATE_OPEN_END as parsed, the window's
     * last day once loaded) and the precision each side was written with (NONE for an open
     * side ".."); zero otherwise */
    int32_t last;
    uint8_t start_precision, end_precision;
} coopnet_date_t;

#define COOPNET_DATE_OPEN_START INT32_MIN
#define COOPNET_DATE_OPEN_END INT32_MAX

/* Size of a buffer that holds any formatted date, intervals included. */
#define COOPNET_DATE_TEXT_SIZE 32

/* Parses "YYYY", "YYYY-MM", "YYYY-MM-DD" (years 1000-9999, a real calendar day) or an interval
 * "START/END" of two of those, either of which may be ".." (open), into *date. An empty text
 * gives a date of precision NONE. On failure returns COOPNET_EDATA with a message naming the
 * text: for an interval whose start is after its end both sides and their days, and for
 * common spreadsheet forms such as "31/01/2024" a hint. O(length). */
COOPNET_API int coopnet_date_parse(const char *text, coopnet_date_t *date, coopnet_error_t *err);

/* Writes the date as written ("2024", "2024-01", "2024-01-31", "2024-01-31/2024-09",
 * "../2025-12"; "" for none). */
COOPNET_API void coopnet_date_format(coopnet_date_t date, char buffer[COOPNET_DATE_TEXT_SIZE]);

/* True when the date is known to the day (precision DAY, or an interval of one day). */
COOPNET_API bool coopnet_date_is_exact(coopnet_date_t date);

/* The date's earliest and latest possible days, reading an undated date or an open side of an
 * interval (a side of precision NONE) as the study window's edge (window_first, window_last).
 * A written side outside the window is kept: bounds are never narrowed to the window. O(1). */
COOPNET_API void coopnet_date_bounds(coopnet_date_t date, int32_t window_first, int32_t window_last,
                                     int32_t *earliest, int32_t *latest);

/* Writes the date's earliest day as YYYY-MM-DD ("" for none or an open start). */
COOPNET_API void coopnet_date_format_day(coopnet_date_t date, char buffer[COOPNET_DATE_TEXT_SIZE]);

/* The day number of a calendar day (proleptic Gregorian). */
COOPNET_API int32_t coopnet_date_days_from_civil(int year, int month, int day);

/* The calendar day of a day number. */
COOPNET_API void coopnet_date_civil_from_days(int32_t days, int *year, int *month, int *day);

/* A date of day precision for a day number. */
COOPNET_API coopnet_date_t coopnet_date_from_day(int32_t day);

/* The last day of the date's period ("2024-02" -> 2024-02-29); an interval's latest day
 * (COOPNET_DATE_OPEN_END when open). */
COOPNET_API int32_t coopnet_date_last_day(coopnet_date_t date);

/* The calendar periods of curves, snapshots and charts: one type for all of them. */
typedef enum {
    COOPNET_PERIOD_MONTH = 0,
    COOPNET_PERIOD_QUARTER,
    COOPNET_PERIOD_YEAR
} coopnet_period_t;

/* Parses "month", "quarter" or "year" in any case ("Year" too); COOPNET_EINVAL naming the text
 * otherwise. O(1). */
COOPNET_API int coopnet_period_parse(const char *text, coopnet_period_t *period,
                                     coopnet_error_t *err);

/* The name of period ("month", "quarter", "year"). O(1). */
COOPNET_API const char *coopnet_period_name(coopnet_period_t period);

/* The last day (days since 1970-01-01) of the period that contains day. O(1). */
COOPNET_API int32_t coopnet_period_end(int32_t day, coopnet_period_t period);

#ifdef __cplusplus
}
#endif
#endif
