/* SPDX-License-Identifier: GPL-3.0-or-later */
/* coopnet/table.h - tidy result tables written as CSV or JSON.
 *
 * Every analysis command writes its results through this: one header, then rows of cells,
 * written as RFC 4180 CSV (quoted where needed) or as a JSON array of objects keyed by column.
 * Numbers are written with up to 10 significant digits (enough for 1e-6 comparisons of the
 * measures), NaN and missing values as an empty CSV field or JSON null.
 */
#ifndef COOPNET_TABLE_H
#define COOPNET_TABLE_H

#include "coopnet/api.h"

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#ifdef __cplusplus
extern "C" {
#endif

typedef enum {
    COOPNET_TABLE_CSV = 0, /* text cells a spreadsheet would run as a formula (starting with
                            * = + - @, tab or CR) get a leading apostrophe */
    COOPNET_TABLE_JSON = 1,
    COOPNET_TABLE_CSV_RAW = 2 /* CSV with every cell exactly as the data, for programs */
} coopnet_table_format_t;

typedef struct coopnet_table {
    FILE *stream;
    coopnet_table_format_t format;
    const char *const *columns; /* not owned; must outlive the table */
    size_t n_columns;
    size_t column; /* next cell's column */
    uint64_t n_rows;
} coopnet_table_t;

/* Starts a table on stream: writes the CSV header, or the opening bracket of the JSON array. */
COOPNET_API void coopnet_table_begin(coopnet_table_t *table, FILE *stream,
                                     coopnet_table_format_t format, const char *const *columns,
                                     size_t n_columns);

/* Cells of the current row, in column order. */
COOPNET_API void coopnet_table_string(coopnet_table_t *table, const char *value);
COOPNET_API void coopnet_table_number(coopnet_table_t *table, double value); /* NaN: missing */
COOPNET_API void coopnet_table_integer(coopnet_table_t *table, long long value);
COOPNET_API void coopnet_table_missing(coopnet_table_t *table);

/* Ends the current row (missing cells are written as missing). */
COOPNET_API void coopnet_table_end_row(coopnet_table_t *table);

/* Ends the table (closing bracket for JSON). */
COOPNET_API void coopnet_table_end(coopnet_table_t *table);

/* Parses "csv", "csv-raw" or "json"; returns -1 when unknown. */
COOPNET_API int coopnet_table_parse_format(const char *text);

/* Writes one CSV field, quoted when it holds a comma, quote, CR or LF. */
COOPNET_API void coopnet_csv_write_field(FILE *stream, const char *value);

/* Writes a JSON string literal (with quotes), escaping as RFC 8259 requires. */
COOPNET_API void coopnet_json_write_string(FILE *stream, const char *value);

#ifdef __cplusplus
}
#endif
#endif
