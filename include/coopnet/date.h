/* SPDX-License-Identifier: GPL-3.0-or-later */
/* coopnet/date.h - ISO 8601 calendar dates at the precision they are known.
 *
 * A date is kept as the day number of the first day of its period (days since 1970-01-01, so
 * "2024-01" orders as 2024-01-01) plus its precision, so "2024" prints back as "2024".
 */
#ifndef COOPNET_DATE_H
#define COOPNET_DATE_H

#include "coopnet/api.h"

#include "coopnet/error.h"

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

typedef enum {
    COOPNET_DATE_NONE = 0,  /* unknown: an empty field */
    COOPNET_DATE_YEAR = 1,  /* YYYY */
    COOPNET_DATE_MONTH = 2, /* YYYY-MM */
    COOPNET_DATE_DAY = 3    /* YYYY-MM-DD */
} coopnet_date_precision_t;

typedef struct coopnet_date {
    int32_t day;                        /* days since 1970-01-01 of the period's first day */
    coopnet_date_precision_t precision; /* COOPNET_DATE_NONE: no date (day is 0) */
} coopnet_date_t;

/* Size of a buffer that holds any formatted date. */
#define COOPNET_DATE_TEXT_SIZE 16

/* Parses "YYYY", "YYYY-MM" or "YYYY-MM-DD" (years 1000-9999, a real calendar day) into *date.
 * An empty text gives a date of precision NONE. On failure returns COOPNET_EDATA with a message
 * naming the text and, for common spreadsheet forms such as "31/01/2024", a hint. O(length). */
COOPNET_API int coopnet_date_parse(const char *text, coopnet_date_t *date, coopnet_error_t *err);

/* Writes the date at its precision ("2024", "2024-01", "2024-01-31"; "" for none). */
COOPNET_API void coopnet_date_format(coopnet_date_t date, char buffer[COOPNET_DATE_TEXT_SIZE]);

/* Writes the first day of the date's period as YYYY-MM-DD ("" for none). */
COOPNET_API void coopnet_date_format_day(coopnet_date_t date, char buffer[COOPNET_DATE_TEXT_SIZE]);

/* The day number of a calendar day (proleptic Gregorian). */
COOPNET_API int32_t coopnet_date_days_from_civil(int year, int month, int day);

/* The calendar day of a day number. */
COOPNET_API void coopnet_date_civil_from_days(int32_t days, int *year, int *month, int *day);

/* A date of day precision for a day number. */
COOPNET_API coopnet_date_t coopnet_date_from_day(int32_t day);

/* The last day of the date's period ("2024-02" -> 2024-02-29). */
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
