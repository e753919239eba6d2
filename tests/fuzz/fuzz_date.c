/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fuzz_date.c - libFuzzer target: date parsing. A date that parses must print back to the same
 * text, and its period must be well formed; one that does not must say why. */
#include "fuzz_common.h"

#include <stdint.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size > 64)
        return 0; /* dates are short; longer inputs only repeat the length check */
    char text[65];
    memcpy(text, data, size);
    text[size] = '\0';
    coopnet_date_t date;
    coopnet_error_t err;
    if (coopnet_date_parse(text, &date, &err) != COOPNET_OK) {
        FUZZ_ASSERT(err.code == COOPNET_EDATA);
        FUZZ_ASSERT(strstr(err.message, "invalid date") != NULL);
        return 0;
    }
    char printed[COOPNET_DATE_TEXT_SIZE];
    coopnet_date_format(date, printed);
    FUZZ_ASSERT(strcmp(printed, text) == 0);
    if (date.precision == COOPNET_DATE_NONE)
        return 0;
    FUZZ_ASSERT(coopnet_date_last_day(date) >= date.day);
    int year, month, day;
    coopnet_date_civil_from_days(date.day, &year, &month, &day);
    FUZZ_ASSERT(coopnet_date_days_from_civil(year, month, day) == date.day);
    if (date.precision == COOPNET_DATE_YEAR || date.precision == COOPNET_DATE_MONTH) {
        /* the day after a month or a year is the first of a month (not so for an interval,
         * whose end may be any day or open: COOPNET_DATE_OPEN_END + 1 overflows) */
        coopnet_date_civil_from_days(coopnet_date_last_day(date) + 1, &year, &month, &day);
        FUZZ_ASSERT(day == 1);
    }
    /* the first day spells out the date's start: all of a day, month or year ("2024-02" is
     * "2024-02-01"), the part before the '/' of an interval with a start ("2024-02/2929") */
    char first_day[COOPNET_DATE_TEXT_SIZE];
    coopnet_date_format_day(date, first_day);
    size_t start = strcspn(text, "/");
    if (strncmp(text, "..", 2) != 0)
        FUZZ_ASSERT(strncmp(first_day, text, start) == 0);
    return 0;
}
