/* SPDX-License-Identifier: GPL-3.0-or-later */
/* coopnet/import.h - from the sheets researchers keep to a bundle.
 *
 * coopnet_import_attendance reads an attendance list (one row per organisation per event, CSV
 * with ',', ';' or tab between fields, as spreadsheets export it) and optionally a list of
 * agreements, reconciles what a careful researcher would (spellings of one organisation,
 * country names, organisation types, role words, the dates people type) and writes a bundle
 * (docs/bundle-format.md) with an import report that lists every merge, every mapped value and
 * everything it left for the user (docs/import.md).
 */
#ifndef COOPNET_IMPORT_H
#define COOPNET_IMPORT_H

#include "coopnet/api.h"

#include "coopnet/diag.h"
#include "coopnet/error.h"

#include <stdbool.h>

#ifdef __cplusplus
extern "C" {
#endif

/* How to read a date such as 03/04/2024. */
typedef enum {
    COOPNET_DATE_ORDER_UNKNOWN = 0, /* from the column: a day above 12 tells; else an error */
    COOPNET_DATE_ORDER_DMY,         /* day/month/year */
    COOPNET_DATE_ORDER_MDY          /* month/day/year */
} coopnet_date_order_t;

typedef struct coopnet_import_options {
    const char *ties_path; /* a list of agreements (from, to, type, date, ...), or NULL */
    /* "field=Header,field=Header": the column holding each field when its header is not one
     * of the names recognised (fields: event, date, organisation, type, country, city, role,
     * lat, lon, name_ar, name_fr, source, event_type; for the ties: from, to, type, start,
     * end, source, note); NULL for none. Not copied. */
    const char *map;
    coopnet_date_order_t date_order;
    /* the sheet to read when the attendance list (sheet) or the agreements (ties_sheet) are an
     * Excel workbook (a path ending in .xlsx), by name; NULL for the workbook's first sheet */
    const char *sheet, *ties_sheet;
    /* false (the default): actors with a city (or local actors, by their name) and a country but
     * no lat/lon get coordinates from the gazetteer, as coopnet_geocode_bundle gives them
     * (geo_source=gazetteer), and the report lists the places filled, ambiguous and not found;
     * true: no place is looked up */
    bool skip_geocode;
} coopnet_import_options_t;

/* Defaults: no ties, no map, date order from the data. */
COOPNET_API void coopnet_import_options_init(coopnet_import_options_t *options);

/* Reads the attendance list at path (and options->ties_path) and writes the bundle into the
 * directory (created when missing, its four files and import-report.txt replaced together:
 * coopnet_output_commit_all). Before writing, the bundle is read back by the bundle loader, so
 * a bundle it writes passes `coopnet validate`.
 *
 * On success *report (when report is not NULL) receives the text of import-report.txt, which
 * the caller frees (free). Problems in the input (a missing column, an empty organisation, a
 * date that cannot be read or is ambiguous, a row with more fields than the header) go to diags
 * with their file and line, and the function returns COOPNET_EDATA without creating or
 * changing anything; COOPNET_EINVAL for a bad options->map (err says why); COOPNET_EIO when a
 * file cannot be read or written; COOPNET_ENOMEM. *report is NULL on failure.
 * O(rows * length of a row) expected, and O(Arabic-only names * actors) for the names listed
 * as sounding alike; near spellings are searched as coopnet_dedupe_warn does (one letter apart,
 * up to COOPNET_DEDUPE_NEAR_LIMIT actors). Memory: the sheets and the bundle's text. */
COOPNET_API int coopnet_import_attendance(const char *path, const char *directory,
                                          const coopnet_import_options_t *options, char **report,
                                          coopnet_diag_list_t *diags, coopnet_error_t *err);

#ifdef __cplusplus
}
#endif
#endif
