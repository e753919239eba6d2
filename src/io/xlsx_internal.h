/* SPDX-License-Identifier: GPL-3.0-or-later */
/* xlsx_internal.h - the cells of one worksheet of an Excel .xlsx workbook, read with libzip (the
 * container) and libxml2's streaming reader (the parts), for coopnet import. Not installed.
 *
 * What a cell's text is: a shared or inline string as written; a boolean as TRUE or FALSE; a
 * number in a cell whose number format is a date (the built-in date formats and any custom
 * format with a day or year in it) as an ISO date YYYY-MM-DD, counted in the workbook's date
 * system (1900, with Excel's phantom 29 February 1900, or 1904), the time of day dropped; any
 * other number as the shortest text that reads back to it (%.15g); a formula's cached value as
 * that value. A merged range gives its top-left text to every cell it covers (an event name
 * merged down its rows names each row), within the rows and columns that hold text.
 *
 * Hostile workbooks: no part is inflated beyond COOPNET_XLSX_MAX_PART_BYTES (whatever the zip
 * header claims), no sheet holds more than COOPNET_XLSX_MAX_CELLS cells (merged ranges
 * included), part names are resolved inside the package only (a name that climbs out of it is
 * an error), XML is read without network access, DTD loading or entity substitution.
 */
#ifndef COOPNET_XLSX_INTERNAL_H
#define COOPNET_XLSX_INTERNAL_H

#include "core/containers.h"
#include "coopnet/error.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* The most bytes one part (a sheet, the shared strings, the styles) may inflate to: 256 MiB. */
#define COOPNET_XLSX_MAX_PART_BYTES (256u << 20)
/* The most cells with text one sheet may hold, merged cells included: 8 million. */
#define COOPNET_XLSX_MAX_CELLS ((size_t)8 << 20)

typedef struct coopnet_xlsx_cell {
    uint32_t row;     /* 1-based, as Excel numbers rows */
    uint32_t column;  /* 0-based: A is 0 */
    const char *text; /* never empty; owned by the sheet */
} coopnet_xlsx_cell_t;

typedef struct coopnet_xlsx_sheet {
    const char *name;           /* the sheet's name, owned by the sheet */
    coopnet_xlsx_cell_t *cells; /* the cells with text, by row then column */
    size_t n_cells, capacity;
    /* rows whose only text is one range merged across columns (a title above a table) */
    uint32_t *title_rows;
    size_t n_title_rows;
    coopnet_arena_t strings;
} coopnet_xlsx_sheet_t;

/* Reads the sheet named sheet_name (compared without regard to ASCII case), or the workbook's
 * first sheet when sheet_name is NULL, of the .xlsx file at path into *sheet, which the caller
 * later releases with coopnet_i_xlsx_sheet_destroy (also after a failure). Returns COOPNET_OK;
 * COOPNET_EIO when the file cannot be read; COOPNET_EDATA when it is no workbook, lacks a part,
 * has a part too large or malformed, names a part outside the package, has no such sheet (err
 * lists the sheets), or a cell holds a spreadsheet error (#N/A, ...), a shared string that does
 * not exist, a date before 1900 or on the phantom 29 February 1900 (err names FILE:SHEET!CELL);
 * COOPNET_ENOMEM. O(size of the parts read + cells * log cells). */
int coopnet_i_xlsx_read_sheet(const char *path, const char *sheet_name, coopnet_xlsx_sheet_t *sheet,
                              coopnet_error_t *err);

/* Frees what the sheet holds; a zeroed sheet is accepted. */
void coopnet_i_xlsx_sheet_destroy(coopnet_xlsx_sheet_t *sheet);

/* Whether row is a title row of the sheet (see title_rows). O(titles). */
bool coopnet_i_xlsx_is_title_row(const coopnet_xlsx_sheet_t *sheet, uint32_t row);

/* Writes the A1 name of a column (0 -> "A", 26 -> "AA") into name (at least 8 bytes). */
void coopnet_i_xlsx_column_name(uint32_t column, char name[8]);

/* Whether path ends in .xlsx (ASCII case aside). */
bool coopnet_i_xlsx_is_workbook_path(const char *path);

#endif
