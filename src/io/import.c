/* SPDX-License-Identifier: GPL-3.0-or-later */
/* import.c - an attendance list (and a list of agreements) to a bundle, with a report of every
 * decision (see coopnet/import.h and docs/import.md).
 *
 * The work is done in passes over rows held in memory, so that nothing is written before the
 * whole input has been read and every problem listed: read the sheets; read every value (dates
 * with the day/month order of their column, countries, roles, coordinates); group the mentions
 * of organisations into actors (names equal once case, accents, generic words and word order
 * are set aside, in the same country); group rows into events; write the four files to memory,
 * load them back with the bundle loader, and only then commit them, with the report, together. */
#include "coopnet/import.h"
#include "core/containers.h"
#include "core/internal.h"
#include "core/names.h"
#include "coopnet/bundle.h"
#include "coopnet/csv.h"
#include "coopnet/date.h"
#include "coopnet/output.h"
#include "io/geocode_internal.h"
#include "io/import_internal.h"
#include "io/xlsx_internal.h"
#include "model/bundle_internal.h"
#include "model/dedupe_internal.h"

#include <errno.h>
#include <math.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* ---- the sheets --------------------------------------------------------------------------------
 */

/* The fields of each sheet, the required ones first. */
enum {
    A_EVENT,
    A_ORGANISATION,
    A_DATE,
    A_TYPE,
    A_COUNTRY,
    A_CITY,
    A_ROLE,
    A_LAT,
    A_LON,
    A_NAME_AR,
    A_NAME_FR,
    A_SOURCE,
    A_EVENT_TYPE,
    N_ATTENDANCE_FIELDS
};
enum { T_FROM, T_TO, T_TYPE, T_START, T_END, T_SOURCE, T_NOTE, N_TIE_FIELDS };
#define MAX_FIELDS N_ATTENDANCE_FIELDS

typedef struct field_spec {
    const char *name;        /* the field's name (in --map and in the report) */
    const char *headers[16]; /* folded header names that mean it, NULL-terminated */
} field_spec_t;

static const field_spec_t attendance_fields[N_ATTENDANCE_FIELDS] = {
    {"event",
     {"event", "event name", "event title", "evenement", "nom de l evenement", "titre", "title",
      "activity", "activite", "meeting", "reunion", NULL}},
    {"organisation",
     {"organisation", "organization", "organisme", "org", "organisation name", "organization name",
      "nom de l organisme", "institution", "actor", "acteur", "entity", "entite", "structure",
      NULL}},
    {"date", {"date", "event date", "date of event", "date de l evenement", "when", NULL}},
    {"type",
     {"type", "organisation type", "organization type", "type d organisme", "type of organisation",
      "type of organization", "category", "categorie", "org type", NULL}},
    {"country", {"country", "pays", "country code", NULL}},
    {"city", {"city", "ville", "location", "lieu", "place", "localite", NULL}},
    {"role", {"role", "participation role", "role in event", "capacity", NULL}},
    {"lat", {"lat", "latitude", NULL}},
    {"lon", {"lon", "lng", "long", "longitude", NULL}},
    {"name_ar", {"name ar", "arabic name", "nom arabe", "nom en arabe", NULL}},
    {"name_fr", {"name fr", "french name", "nom francais", "nom en francais", NULL}},
    {"source", {"source", "sources", "reference", NULL}},
    {"event_type", {"event type", "type of event", "type d evenement", "format", NULL}},
};

static const field_spec_t tie_fields[N_TIE_FIELDS] = {
    {"from",
     {"from", "organisation 1", "organization 1", "party 1", "partner 1", "party a", "de", NULL}},
    {"to",
     {"to", "organisation 2", "organization 2", "party 2", "partner 2", "party b", "a", NULL}},
    {"type", {"type", "agreement", "agreement type", "tie type", "type d accord", "nature", NULL}},
    {"start",
     {"start", "date", "signed", "date signed", "signature", "date de signature", "debut",
      "start date", NULL}},
    {"end", {"end", "end date", "fin", "date de fin", "expiry", NULL}},
    {"source", {"source", "sources", "reference", NULL}},
    {"note", {"note", "notes", "remarks", "remarque", "comment", "commentaire", NULL}},
};

typedef struct sheet {
    const char *path;
    /* where its rows are, in messages: the path of a CSV file, "FILE.xlsx:SHEET" for a workbook
     * (whose lines are the sheet's row numbers) */
    const char *where;
    bool is_workbook;
    long column_of[MAX_FIELDS]; /* the column (0-based) of each field, -1 when none */
    const field_spec_t *fields;
    size_t n_fields;
    char delimiter;
    const char *header_of[MAX_FIELDS]; /* the header naming each field, or NULL */
    char *unused_headers;              /* "'Notes', 'Phone'" or NULL */
    const char **values;               /* n_rows * n_fields, "" when absent */
    uint64_t *lines;
    size_t n_rows, capacity;
} sheet_t;

typedef struct importer {
    const coopnet_import_options_t *options;
    coopnet_diag_list_t *diags;
    coopnet_arena_t strings;
    sheet_t attendance, ties;
    FILE *report; /* sections are written to these streams, then joined */
    char *report_text;
    size_t report_size;
    FILE *merges, *mapped, *left;
    char *merges_text, *mapped_text, *left_text;
    size_t merges_size, mapped_size, left_size;
    coopnet_strmap_t mapped_seen; /* "kind\x1fvalue" lines already written to mapped */
    coopnet_strmap_t countries;   /* country cell -> its code's two letters (c0 << 8 | c1), 0 */
} importer_t;

static void sheet_destroy(sheet_t *sheet)
{
    free(sheet->values);
    free(sheet->lines);
    free(sheet->unused_headers);
}

static const char *keep(importer_t *importer, const char *text)
{
    return coopnet_i_arena_strndup(&importer->strings, text, strlen(text));
}

static void data_error(importer_t *importer, const char *file, uint64_t line, const char *format,
                       ...) __attribute__((format(printf, 4, 5)));

static void data_error(importer_t *importer, const char *file, uint64_t line, const char *format,
                       ...)
{
    char message[COOPNET_ERROR_MESSAGE_SIZE];
    va_list args;
    va_start(args, format);
    vsnprintf(message, sizeof message, format, args);
    va_end(args);
    coopnet_diag_add(importer->diags, COOPNET_DIAG_ERROR, file, line, "%s", message);
}

/* An error about the cell of field in the row at line: FILE:LINE for a CSV file,
 * FILE.xlsx:SHEET!C14 for a workbook (field -1: the row, FILE.xlsx:SHEET:14). */
static void sheet_error(importer_t *importer, const sheet_t *sheet, uint64_t line, int field,
                        const char *format, ...) __attribute__((format(printf, 5, 6)));

static void sheet_error(importer_t *importer, const sheet_t *sheet, uint64_t line, int field,
                        const char *format, ...)
{
    char message[COOPNET_ERROR_MESSAGE_SIZE];
    va_list args;
    va_start(args, format);
    vsnprintf(message, sizeof message, format, args);
    va_end(args);
    if (sheet->is_workbook && field >= 0 && sheet->column_of[field] >= 0 && line > 0) {
        char column[8], cell_name[COOPNET_ERROR_MESSAGE_SIZE / 2];
        coopnet_i_xlsx_column_name((uint32_t)sheet->column_of[field], column);
        snprintf(cell_name, sizeof cell_name, "%s!%s%llu", sheet->where, column,
                 (unsigned long long)line);
        coopnet_diag_add(importer->diags, COOPNET_DIAG_ERROR, cell_name, 0, "%s", message);
        return;
    }
    coopnet_diag_add(importer->diags, COOPNET_DIAG_ERROR, sheet->where, line, "%s", message);
}

/* The delimiter of a CSV file: the most frequent of ',', ';' and tab outside quotes on its first
 * non-blank line (',' when none). */
static int sniff_delimiter(const char *path, char *delimiter, coopnet_error_t *err)
{
    FILE *file = fopen(path, "rb");
    if (file == NULL)
        return COOPNET_ERROR(err, COOPNET_EIO, "cannot read '%s': %s", path, strerror(errno));
    char buffer[65536];
    size_t got = fread(buffer, 1, sizeof buffer, file);
    fclose(file);
    size_t counts[3] = {0};
    const char candidates[3] = {',', ';', '\t'};
    bool in_quotes = false, seen_text = false;
    for (size_t i = 0; i < got; i++) {
        char c = buffer[i];
        if (c == '"')
            in_quotes = !in_quotes;
        if (!in_quotes && (c == '\n' || c == '\r')) {
            if (seen_text)
                break;
            continue;
        }
        if (c != ' ' && c != '\n' && c != '\r')
            seen_text = true;
        for (int k = 0; k < 3 && !in_quotes; k++)
            counts[k] += c == candidates[k];
    }
    int best = 0;
    for (int k = 1; k < 3; k++)
        if (counts[k] > counts[best])
            best = k;
    *delimiter = candidates[best];
    return COOPNET_OK;
}

static void trim(const char **text, size_t *length)
{
    while (*length > 0 && (**text == ' ' || **text == '\t')) {
        (*text)++;
        (*length)--;
    }
    while (*length > 0 && ((*text)[*length - 1] == ' ' || (*text)[*length - 1] == '\t'))
        (*length)--;
}

/* The field an explicit mapping gives to a header ("organisation=Org Name"), or -1; -2 when the
 * mapping names a field of no sheet. */
static int mapped_field(const sheet_t *sheet, const char *map, const char *folded_header)
{
    if (map == NULL)
        return -1;
    int found = -1;
    char *copy = strdup(map);
    char *state = NULL;
    for (char *item = copy ? strtok_r(copy, ",", &state) : NULL; item && found < 0;
         item = strtok_r(NULL, ",", &state)) {
        char *equals = strchr(item, '=');
        if (equals == NULL)
            continue;
        *equals = '\0';
        char *field = coopnet_i_names_fold(item);
        char *header = coopnet_i_names_fold(equals + 1);
        if (field && header && strcmp(header, folded_header) == 0) {
            for (size_t f = 0; f < sheet->n_fields; f++) {
                char *name = coopnet_i_names_fold(sheet->fields[f].name);
                bool same =
                    name && (strcmp(name, field) == 0 || (strcmp(field, "organization") == 0 &&
                                                          strcmp(name, "organisation") == 0));
                free(name);
                if (same)
                    found = (int)f;
            }
        }
        free(field);
        free(header);
    }
    free(copy);
    return found;
}

/* Checks a --map text: every item FIELD=HEADER with a known field. */
static int check_map(const char *map, coopnet_error_t *err)
{
    if (map == NULL)
        return COOPNET_OK;
    char *copy = strdup(map);
    if (copy == NULL)
        return COOPNET_ERROR(err, COOPNET_ENOMEM, "out of memory");
    int status = COOPNET_OK;
    char *state = NULL;
    for (char *item = strtok_r(copy, ",", &state); item && status == COOPNET_OK;
         item = strtok_r(NULL, ",", &state)) {
        char *equals = strchr(item, '=');
        if (equals == NULL || equals == item || equals[1] == '\0') {
            status =
                COOPNET_ERROR(err, COOPNET_EINVAL, "column mapping '%s' is not FIELD=HEADER", item);
            break;
        }
        *equals = '\0';
        char *field = coopnet_i_names_fold(item);
        bool known = field && strcmp(field, "organization") == 0;
        for (size_t f = 0; field && f < N_ATTENDANCE_FIELDS; f++) {
            char *name = coopnet_i_names_fold(attendance_fields[f].name);
            known = known || (name && strcmp(name, field) == 0);
            free(name);
        }
        for (size_t f = 0; field && f < N_TIE_FIELDS; f++) {
            char *name = coopnet_i_names_fold(tie_fields[f].name);
            known = known || (name && strcmp(name, field) == 0);
            free(name);
        }
        if (!known)
            status = COOPNET_ERROR(
                err, COOPNET_EINVAL,
                "unknown field '%s' in the column mapping (expected event, date, organisation, "
                "type, country, city, role, lat, lon, name_ar, name_fr, source, event_type; for "
                "the ties from, to, type, start, end, source, note)",
                item);
        free(field);
    }
    free(copy);
    return status;
}

/* The rows of a sheet, from a CSV file or a workbook's sheet, one at a time. */
typedef struct row_source {
    coopnet_csv_t *csv;               /* a CSV file, or */
    const coopnet_xlsx_sheet_t *book; /* a workbook's sheet */
    size_t next_cell;                 /* of book: the first cell of the next row */
    const coopnet_xlsx_cell_t *cells; /* of book: the current row's cells */
    size_t n_cells;
    uint64_t line; /* of book: the current row's number */
} row_source_t;

/* Moves to the next row. Returns COOPNET_OK with *have_row 0 at the end; for a CSV file,
 * COOPNET_EDATA for a malformed record (csv_err says why; the next call goes on). */
static int source_next(row_source_t *source, int *have_row, coopnet_error_t *csv_err)
{
    if (source->csv != NULL)
        return coopnet_csv_next(source->csv, have_row, csv_err);
    const coopnet_xlsx_sheet_t *book = source->book;
    for (;;) {
        if (source->next_cell >= book->n_cells) {
            *have_row = 0;
            return COOPNET_OK;
        }
        size_t first = source->next_cell, last = first;
        while (last < book->n_cells && book->cells[last].row == book->cells[first].row)
            last++;
        source->next_cell = last;
        source->cells = book->cells + first;
        source->n_cells = last - first;
        source->line = book->cells[first].row;
        *have_row = 1;
        return COOPNET_OK;
    }
}

static uint64_t source_line(const row_source_t *source)
{
    return source->csv != NULL ? coopnet_csv_record_line(source->csv) : source->line;
}

static size_t source_field_count(const row_source_t *source)
{
    if (source->csv != NULL)
        return coopnet_csv_field_count(source->csv);
    return source->n_cells > 0 ? (size_t)source->cells[source->n_cells - 1].column + 1 : 0;
}

/* The text of column c of the current row ("" when the cell is empty). */
static const char *source_field(const row_source_t *source, size_t c, size_t *length)
{
    if (source->csv != NULL)
        return coopnet_csv_field(source->csv, c, length);
    size_t low = 0, high = source->n_cells; /* the row's cells are sorted by column */
    while (low < high) {
        size_t middle = low + (high - low) / 2;
        if (source->cells[middle].column < c)
            low = middle + 1;
        else
            high = middle;
    }
    if (low < source->n_cells && source->cells[low].column == c) {
        *length = strlen(source->cells[low].text);
        return source->cells[low].text;
    }
    *length = 0;
    return "";
}

/* Reads the header of a sheet: which column holds each field. Returns COOPNET_OK, COOPNET_EDATA
 * when a required field (the first n_required) has no column (in the diagnostics), or
 * COOPNET_ENOMEM. */
static int read_header(importer_t *importer, sheet_t *sheet, const row_source_t *source,
                       size_t n_header, long *field_of_column, size_t n_required,
                       coopnet_error_t *err)
{
    FILE *unused = NULL;
    char *unused_text = NULL;
    size_t unused_size = 0;
    unused = open_memstream(&unused_text, &unused_size);
    if (unused == NULL)
        return COOPNET_ERROR(err, COOPNET_ENOMEM, "out of memory reading '%s'", sheet->path);
    for (size_t c = 0; c < n_header; c++) {
        size_t length;
        const char *raw = source_field(source, c, &length);
        trim(&raw, &length);
        field_of_column[c] = -1;
        if (length == 0)
            continue;
        const char *header = coopnet_i_arena_strndup(&importer->strings, raw, length);
        char *folded = coopnet_i_names_fold(header);
        if (header == NULL || folded == NULL) {
            free(folded);
            fclose(unused);
            free(unused_text);
            return COOPNET_ERROR(err, COOPNET_ENOMEM, "out of memory reading '%s'", sheet->path);
        }
        int field = mapped_field(sheet, importer->options->map, folded);
        for (size_t f = 0; field < 0 && f < sheet->n_fields; f++)
            for (size_t h = 0; sheet->fields[f].headers[h] && field < 0; h++)
                if (strcmp(folded, sheet->fields[f].headers[h]) == 0 && !sheet->header_of[f])
                    field = (int)f;
        free(folded);
        if (field >= 0 && sheet->header_of[field] == NULL) {
            sheet->header_of[field] = header;
            sheet->column_of[field] = (long)c;
            field_of_column[c] = field;
        } else {
            fprintf(unused, "%s'%s'", ftell(unused) > 0 ? ", " : "", header);
        }
    }
    fclose(unused);
    sheet->unused_headers = unused_text;
    int status = COOPNET_OK;
    for (size_t f = 0; f < n_required; f++) {
        if (sheet->header_of[f] == NULL) {
            data_error(importer, sheet->where, source_line(source),
                       "no column for the %s (a header such as '%s', or map one: %s=HEADER)",
                       sheet->fields[f].name, sheet->fields[f].headers[0], sheet->fields[f].name);
            status = COOPNET_EDATA;
        }
    }
    return status;
}

/* Opens the rows of a sheet: a workbook (.xlsx) read whole, or a CSV file with its delimiter
 * sniffed. A workbook's problems (not a workbook, no such sheet, a bad cell, a zip bomb) are
 * one error in the diagnostics, returned as COOPNET_EDATA. */
static int open_rows(importer_t *importer, sheet_t *sheet, coopnet_xlsx_sheet_t *book,
                     row_source_t *source, coopnet_error_t *err)
{
    memset(source, 0, sizeof *source);
    for (size_t f = 0; f < MAX_FIELDS; f++)
        sheet->column_of[f] = -1;
    sheet->where = sheet->path;
    if (!coopnet_i_xlsx_is_workbook_path(sheet->path)) {
        int status = sniff_delimiter(sheet->path, &sheet->delimiter, err);
        if (status == COOPNET_OK)
            status = coopnet_csv_open(sheet->path, NULL, &source->csv, err);
        if (status == COOPNET_OK)
            status = coopnet_csv_set_delimiter(source->csv, sheet->delimiter, err);
        return status;
    }
    sheet->is_workbook = true;
    sheet->delimiter = ',';
    const char *sheet_name = sheet->fields == attendance_fields ? importer->options->sheet
                                                                : importer->options->ties_sheet;
    int status = coopnet_i_xlsx_read_sheet(sheet->path, sheet_name, book, err);
    if (status == COOPNET_EDATA) {
        coopnet_diag_add(importer->diags, COOPNET_DIAG_ERROR, "", 0, "%s", err->message);
        return status;
    }
    if (status != COOPNET_OK)
        return status;
    size_t size = strlen(sheet->path) + strlen(book->name) + 2;
    char *where = malloc(size);
    if (where == NULL)
        return COOPNET_ERROR(err, COOPNET_ENOMEM, "out of memory reading '%s'", sheet->path);
    snprintf(where, size, "%s:%s", sheet->path, book->name);
    sheet->where = keep(importer, where);
    free(where);
    if (sheet->where == NULL)
        return COOPNET_ERROR(err, COOPNET_ENOMEM, "out of memory reading '%s'", sheet->path);
    source->book = book;
    return COOPNET_OK;
}

/* Reads a whole sheet into memory; problems of the file go to the diagnostics. */
static int read_sheet(importer_t *importer, sheet_t *sheet, size_t n_required, coopnet_error_t *err)
{
    row_source_t source;
    coopnet_xlsx_sheet_t book;
    memset(&book, 0, sizeof book);
    long field_of_column[4096];
    int status = open_rows(importer, sheet, &book, &source, err);
    if (status == COOPNET_EDATA && sheet->is_workbook) {
        coopnet_i_xlsx_sheet_destroy(&book);
        return COOPNET_OK; /* in the diagnostics */
    }
    size_t n_header = 0;
    bool header_read = false, had_csv_error = false;
    uint64_t errors_before = importer->diags->n_errors;
    while (status == COOPNET_OK) {
        int have_record = 0;
        coopnet_error_t csv_err;
        int csv_status = source_next(&source, &have_record, &csv_err);
        uint64_t line = source_line(&source);
        if (csv_status == COOPNET_EDATA) {
            long bad = coopnet_csv_bad_field(source.csv);
            if (header_read && bad >= 0 && (size_t)bad < n_header && field_of_column[bad] >= 0)
                data_error(importer, sheet->where, line, "column '%s': %s",
                           sheet->header_of[field_of_column[bad]], csv_err.message);
            else
                data_error(importer, sheet->where, line, "%s", csv_err.message);
            had_csv_error = true;
            continue;
        }
        if (csv_status != COOPNET_OK) {
            memcpy(err, &csv_err, sizeof csv_err);
            status = csv_status;
            break;
        }
        if (!have_record)
            break;
        size_t n_columns = source_field_count(&source);
        size_t used = 0; /* columns up to the last non-empty one */
        for (size_t c = 0; c < n_columns; c++) {
            size_t length;
            const char *raw = source_field(&source, c, &length);
            trim(&raw, &length);
            if (length > 0)
                used = c + 1;
        }
        if (used == 0)
            continue; /* a blank line or a row of empty cells */
        if (!header_read) {
            if (source.book != NULL && coopnet_i_xlsx_is_title_row(source.book, (uint32_t)line))
                continue; /* a title merged across the columns above the header */
            header_read = true;
            if (used > sizeof field_of_column / sizeof field_of_column[0]) {
                data_error(importer, sheet->where, line, "more than %zu columns",
                           sizeof field_of_column / sizeof field_of_column[0]);
                break;
            }
            n_header = used;
            status =
                read_header(importer, sheet, &source, n_header, field_of_column, n_required, err);
            if (status == COOPNET_EDATA) { /* a missing column, in the diagnostics: no rows */
                status = COOPNET_OK;
                break;
            }
            continue;
        }
        if (used > n_header) {
            if (sheet->is_workbook)
                data_error(importer, sheet->where, line,
                           "%zu columns, more than the %zu of the header", used, n_header);
            else
                data_error(importer, sheet->where, line,
                           "%zu fields, more than the %zu of the header (a '%c' inside an "
                           "unquoted field?)",
                           used, n_header, sheet->delimiter == '\t' ? ' ' : sheet->delimiter);
            continue;
        }
        if (coopnet_i_grow((void **)&sheet->values, &sheet->capacity,
                           (sheet->n_rows + 1) * sheet->n_fields, sizeof *sheet->values) != 0 ||
            (sheet->lines = coopnet_i_realloc_array(sheet->lines, sheet->n_rows + 1,
                                                    sizeof *sheet->lines)) == NULL) {
            status = COOPNET_ERROR(err, COOPNET_ENOMEM, "out of memory reading '%s'", sheet->path);
            break;
        }
        const char **row = sheet->values + sheet->n_rows * sheet->n_fields;
        for (size_t f = 0; f < sheet->n_fields; f++)
            row[f] = "";
        for (size_t c = 0; c < used; c++) {
            if (field_of_column[c] < 0)
                continue;
            size_t length;
            const char *raw = source_field(&source, c, &length);
            trim(&raw, &length);
            const char *value = coopnet_i_arena_strndup(&importer->strings, raw, length);
            if (value == NULL) {
                status =
                    COOPNET_ERROR(err, COOPNET_ENOMEM, "out of memory reading '%s'", sheet->path);
                break;
            }
            row[field_of_column[c]] = value;
        }
        sheet->lines[sheet->n_rows++] = line;
    }
    if (status == COOPNET_OK && !header_read && !had_csv_error)
        data_error(importer, sheet->where, 0,
                   sheet->is_workbook ? "empty sheet (expected a header row)"
                                      : "empty file (expected a header line)");
    else if (status == COOPNET_OK && sheet->n_rows == 0 && !had_csv_error &&
             importer->diags->n_errors == errors_before)
        data_error(importer, sheet->where, 0, "no rows below the header: nothing to import");
    coopnet_csv_close(source.csv);
    coopnet_i_xlsx_sheet_destroy(&book);
    return status;
}

static const char *cell(const sheet_t *sheet, size_t row, int field)
{
    return sheet->values[row * sheet->n_fields + (size_t)field];
}

/* ---- the report ---------------------------------------------------------------------------- */

/* A mapped value, written once per distinct (kind, value) with its first line. */
static void note_mapped(importer_t *importer, const char *kind, const char *value, const char *file,
                        uint64_t line, const char *format, ...)
    __attribute__((format(printf, 6, 7)));

static void note_mapped(importer_t *importer, const char *kind, const char *value, const char *file,
                        uint64_t line, const char *format, ...)
{
    char key[1024];
    snprintf(key, sizeof key, "%s\x1f%s", kind, value);
    const char *kept = keep(importer, key);
    int64_t existing = 0;
    if (kept == NULL || coopnet_i_strmap_put(&importer->mapped_seen, kept, 0, &existing) != 0 ||
        existing >= 0)
        return;
    fprintf(importer->mapped, "  %s '%s' -> ", kind, value);
    va_list args;
    va_start(args, format);
    vfprintf(importer->mapped, format, args);
    va_end(args);
    fprintf(importer->mapped, " (first on %s:%llu)\n", file, (unsigned long long)line);
}

static int compare_lines(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Writes the lines of text sorted (the mapped values grouped by kind). */
static void write_sorted_lines(FILE *out, char *text)
{
    size_t n_lines = 0;
    for (const char *p = text; *p; p++)
        n_lines += *p == '\n';
    char **lines = coopnet_i_alloc_array(n_lines + 1, sizeof *lines);
    if (lines == NULL) {
        fputs(text, out);
        return;
    }
    size_t n = 0;
    char *state = NULL;
    for (char *line = strtok_r(text, "\n", &state); line; line = strtok_r(NULL, "\n", &state))
        lines[n++] = line;
    qsort(lines, n, sizeof *lines, compare_lines);
    for (size_t i = 0; i < n; i++)
        fprintf(out, "%s\n", lines[i]);
    free(lines);
}

/* ---- values -------------------------------------------------------------------------------- */

/* The ISO date of every row's date cell (NULL-terminated texts in iso[row], "" when empty), the
 * day/month order decided once for the whole column. */
static int read_dates(importer_t *importer, const sheet_t *sheet, int field, char (*iso)[11])
{
    coopnet_date_order_t order = importer->options->date_order;
    uint64_t day_first_line = 0, month_first_line = 0, ambiguous_line = 0;
    const char *day_first_text = NULL, *month_first_text = NULL, *ambiguous_text = NULL;
    coopnet_import_date_t *dates = coopnet_i_alloc_array(sheet->n_rows + 1, sizeof *dates);
    unsigned char *valid = calloc(sheet->n_rows + 1, 1);
    if (dates == NULL || valid == NULL) {
        free(dates);
        free(valid);
        return COOPNET_ENOMEM;
    }
    const char *column = field >= 0 ? sheet->header_of[field] : NULL;
    for (size_t r = 0; r < sheet->n_rows; r++) {
        iso[r][0] = '\0';
        const char *text = field >= 0 ? cell(sheet, r, field) : "";
        if (text[0] == '\0')
            continue;
        char message[256];
        if (coopnet_i_import_read_date(text, &dates[r], message, sizeof message) != 0) {
            sheet_error(importer, sheet, sheet->lines[r], field, "column '%s': %s", column,
                        message);
            continue;
        }
        valid[r] = 1;
        if (!dates[r].numeric_pair)
            continue;
        if (dates[r].first > 12 && !day_first_line) {
            day_first_line = sheet->lines[r];
            day_first_text = text;
        } else if (dates[r].second > 12 && !month_first_line) {
            month_first_line = sheet->lines[r];
            month_first_text = text;
        } else if (dates[r].first != dates[r].second && dates[r].first <= 12 &&
                   dates[r].second <= 12 && !ambiguous_line) {
            ambiguous_line = sheet->lines[r];
            ambiguous_text = text;
        }
    }
    const char *basis = "given";
    char basis_text[256];
    if (order == COOPNET_DATE_ORDER_UNKNOWN) {
        if (day_first_line && month_first_line) {
            sheet_error(importer, sheet, month_first_line, field,
                        "column '%s': date '%s' has its month first but '%s' (line %llu) its day "
                        "first: give the date order (dmy or mdy) and correct the other dates",
                        column, month_first_text, day_first_text,
                        (unsigned long long)day_first_line);
        } else if (day_first_line) {
            order = COOPNET_DATE_ORDER_DMY;
            snprintf(basis_text, sizeof basis_text, "day/month/year, as '%s' on line %llu shows",
                     day_first_text, (unsigned long long)day_first_line);
            basis = basis_text;
        } else if (month_first_line) {
            order = COOPNET_DATE_ORDER_MDY;
            snprintf(basis_text, sizeof basis_text, "month/day/year, as '%s' on line %llu shows",
                     month_first_text, (unsigned long long)month_first_line);
            basis = basis_text;
        } else if (ambiguous_line) {
            sheet_error(importer, sheet, ambiguous_line, field,
                        "column '%s': ambiguous date '%s': no date of the column has a day above "
                        "12 to tell day/month/year from month/day/year; give the date order (dmy "
                        "or mdy)",
                        column, ambiguous_text);
        }
    }
    for (size_t r = 0; r < sheet->n_rows; r++) {
        if (!valid[r])
            continue;
        char message[256];
        coopnet_date_order_t row_order = order;
        if (dates[r].numeric_pair && dates[r].first == dates[r].second &&
            row_order == COOPNET_DATE_ORDER_UNKNOWN)
            row_order = COOPNET_DATE_ORDER_DMY; /* 05/05/2024 reads the same either way */
        if (dates[r].numeric_pair && row_order == COOPNET_DATE_ORDER_UNKNOWN)
            continue; /* reported above */
        const char *text = cell(sheet, r, field);
        if (coopnet_i_import_format_date(&dates[r], row_order, iso[r], message, sizeof message) !=
            0) {
            sheet_error(importer, sheet, sheet->lines[r], field, "column '%s': date '%s': %s",
                        column, text, message);
            continue;
        }
        if (strcmp(text, iso[r]) != 0)
            note_mapped(importer, "date", text, sheet->where, sheet->lines[r], "%s%s%s%s", iso[r],
                        dates[r].numeric_pair ? " (" : "",
                        dates[r].numeric_pair
                            ? (importer->options->date_order != COOPNET_DATE_ORDER_UNKNOWN
                                   ? (order == COOPNET_DATE_ORDER_DMY ? "day/month/year, as given"
                                                                      : "month/day/year, as given")
                                   : basis)
                            : "",
                        dates[r].numeric_pair ? ")" : "");
    }
    free(dates);
    free(valid);
    return COOPNET_OK;
}

/* coopnet_country_from_name, the table searched once per distinct text (a sheet repeats its
 * countries on every row). */
static bool lookup_country(importer_t *importer, const char *text, char code[3])
{
    int64_t cached = coopnet_i_strmap_get(&importer->countries, text);
    if (cached < 0) {
        const char *kept_text = keep(importer, text);
        cached = coopnet_country_from_name(text, code)
                     ? ((unsigned char)code[0] << 8 | (unsigned char)code[1])
                     : 0;
        if (kept_text != NULL) /* out of memory: not cached, still right */
            coopnet_i_strmap_put(&importer->countries, kept_text, cached, NULL);
    }
    if (cached <= 0)
        return false;
    code[0] = (char)(cached >> 8);
    code[1] = (char)(cached & 0xFF);
    code[2] = '\0';
    return true;
}

/* The ISO code of a country cell ("" when empty or unknown: listed for the user). */
static const char *read_country(importer_t *importer, const char *text, const char *file,
                                uint64_t line)
{
    if (text[0] == '\0')
        return "";
    char code[3];
    if (lookup_country(importer, text, code)) {
        if (strcmp(code, text) != 0)
            note_mapped(importer, "country", text, file, line, "%s", code);
        return keep(importer, code);
    }
    char key[512];
    snprintf(key, sizeof key, "unknown country\x1f%s", text);
    const char *kept = keep(importer, key);
    int64_t existing = 0;
    if (kept && coopnet_i_strmap_put(&importer->mapped_seen, kept, 0, &existing) == 0 &&
        existing < 0) {
        char suggestion[64] = "";
        char near[3];
        if (coopnet_i_country_suggest(text, near))
            snprintf(suggestion, sizeof suggestion, " (%s?)", near);
        fprintf(importer->left,
                "  country '%s' (%s:%llu) is no country name or code known%s: the country is "
                "left empty\n",
                text, file, (unsigned long long)line, suggestion);
    }
    return "";
}

/* ---- actors -------------------------------------------------------------------------------- */

/* One mention of an organisation: an attendance row, or one end of an agreement. */
typedef struct mention {
    const char *name, *country, *type, *city, *lat, *lon, *name_ar, *name_fr, *source;
    const char *file;
    uint64_t line;
    char *key;     /* the comparison key of name (owned) */
    size_t parent; /* union-find */
    size_t actor;
} mention_t;

typedef struct actor {
    size_t first_mention;
    const char *id, *name, *name_ar, *name_fr, *type, *country, *city, *lat, *lon, *source;
    const char *level_from;
    const char *geo_source; /* "gazetteer" when geocoded, else NULL */
    int level;
    FILE *aliases;
    char *aliases_text;
    size_t aliases_size;
} actor_t;

static size_t find_root(mention_t *mentions, size_t m)
{
    while (mentions[m].parent != m) {
        mentions[m].parent = mentions[mentions[m].parent].parent;
        m = mentions[m].parent;
    }
    return m;
}

/* Joins two groups, the earlier mention staying the root (so actors come in file order). */
static void join(mention_t *mentions, size_t a, size_t b)
{
    size_t root_a = find_root(mentions, a), root_b = find_root(mentions, b);
    if (root_a == root_b)
        return;
    if (root_a < root_b)
        mentions[root_b].parent = root_a;
    else
        mentions[root_a].parent = root_b;
}

/* Groups the mentions: equal keys in the same country; a name_ar or name_fr given on a row links
 * its names; a mention without a country joins the one group of its key that has one. */
static int group_mentions(importer_t *importer, mention_t *mentions, size_t n_mentions)
{
    coopnet_strmap_t by_key_country, by_key, ambiguous;
    coopnet_i_strmap_init(&by_key_country);
    coopnet_i_strmap_init(&by_key);
    coopnet_i_strmap_init(&ambiguous);
    int status = COOPNET_ENOMEM;
    /* by_key: key -> the first mention with a country; ambiguous: the keys of two countries */
    for (size_t m = 0; m < n_mentions; m++) {
        const char *names[3] = {mentions[m].name, mentions[m].name_ar, mentions[m].name_fr};
        for (int k = 0; k < 3; k++) {
            if (names[k][0] == '\0')
                continue;
            char *key = k == 0 ? mentions[m].key : coopnet_i_names_key(names[k], true);
            if (key == NULL)
                goto cleanup;
            char grouped[2048];
            snprintf(grouped, sizeof grouped, "%s\x1f%s", key, mentions[m].country);
            const char *kept_grouped = keep(importer, grouped), *kept_key = keep(importer, key);
            if (k != 0)
                free(key);
            if (kept_grouped == NULL || kept_key == NULL)
                goto cleanup;
            int64_t first;
            if (coopnet_i_strmap_put(&by_key_country, kept_grouped, (int64_t)m, &first) != 0)
                goto cleanup;
            if (first >= 0)
                join(mentions, (size_t)first, m);
            if (mentions[m].country[0] == '\0')
                continue;
            int64_t with_country;
            if (coopnet_i_strmap_put(&by_key, kept_key, (int64_t)m, &with_country) != 0)
                goto cleanup;
            /* two countries: a mention without one cannot tell which it is */
            if (with_country >= 0 &&
                strcmp(mentions[with_country].country, mentions[m].country) != 0 &&
                coopnet_i_strmap_put(&ambiguous, kept_key, 0, NULL) != 0)
                goto cleanup;
        }
    }
    for (size_t m = 0; m < n_mentions; m++) {
        if (mentions[m].country[0] != '\0')
            continue;
        int64_t with_country = coopnet_i_strmap_get(&by_key, mentions[m].key);
        if (with_country >= 0 && coopnet_i_strmap_get(&ambiguous, mentions[m].key) >= 0) {
            fprintf(importer->left,
                    "  '%s' (%s:%llu) has no country and its name is used in several countries: "
                    "kept apart\n",
                    mentions[m].name, mentions[m].file, (unsigned long long)mentions[m].line);
        } else if (with_country >= 0 &&
                   find_root(mentions, (size_t)with_country) != find_root(mentions, m)) {
            join(mentions, (size_t)with_country, m);
            fprintf(importer->merges,
                    "  '%s' (%s:%llu), without a country, taken as '%s' (%s:%llu) of %s, the one "
                    "organisation of that name\n",
                    mentions[m].name, mentions[m].file, (unsigned long long)mentions[m].line,
                    mentions[with_country].name, mentions[with_country].file,
                    (unsigned long long)mentions[with_country].line,
                    mentions[with_country].country);
        }
    }
    status = COOPNET_OK;
cleanup:
    coopnet_i_strmap_destroy(&by_key_country);
    coopnet_i_strmap_destroy(&by_key);
    coopnet_i_strmap_destroy(&ambiguous);
    return status;
}

/* Doubled letters once, then no vowels: "sousse" -> "ss", "tunis" -> "tns". */
static void consonant_skeleton(const char *slug, char *skeleton, size_t size)
{
    size_t n = 0;
    char previous = 0;
    for (const char *p = slug; *p && n + 1 < size; p++) {
        char c = *p;
        if (c == previous)
            continue;
        previous = c;
        if (strchr("aeiouyw_h", c))
            continue;
        skeleton[n++] = c;
    }
    skeleton[n] = '\0';
}

typedef struct near_context {
    importer_t *importer;
    const mention_t *mentions;
    const actor_t *actors;
} near_context_t;

/* A pair of actors the duplicate rule of validate finds (coopnet/dedupe.h): listed. */
static int list_near_pair(const coopnet_i_dedupe_pair_t *pair, void *context)
{
    const near_context_t *near = context;
    const actor_t *x = &near->actors[pair->earlier], *y = &near->actors[pair->later];
    const mention_t *first_x = &near->mentions[x->first_mention];
    const mention_t *first_y = &near->mentions[y->first_mention];
    fprintf(near->importer->left,
            "  '%s' (id %s, %s:%llu) and '%s' (id %s, %s:%llu): '%s' and '%s' are %s: not "
            "merged; if they are one organisation, write one spelling in the sheet\n",
            x->name, x->id, first_x->file, (unsigned long long)first_x->line, y->name, y->id,
            first_y->file, (unsigned long long)first_y->line, pair->earlier_name, pair->later_name,
            pair->distance == 0 ? "the same name in other words" : "one letter apart");
    return COOPNET_OK;
}

/* Lists pairs of actors that may be one (not merged): those validate will warn about (names
 * one letter apart), and an Arabic-only name whose transliteration has the consonants of a
 * Latin name in the same country. bundle is the one written, actors in the same order. */
static int list_near_actors(importer_t *importer, const mention_t *mentions, const actor_t *actors,
                            size_t n_actors, const coopnet_bundle_t *bundle)
{
    near_context_t context = {importer, mentions, actors};
    int status = coopnet_i_dedupe_pairs(bundle, list_near_pair, &context);
    if (status != COOPNET_OK)
        return status;
    size_t *arabic = coopnet_i_alloc_array(n_actors + 1, sizeof *arabic);
    char(*skeleton)[64] = coopnet_i_alloc_array(n_actors + 1, sizeof *skeleton);
    if (arabic == NULL || skeleton == NULL) {
        free(arabic);
        free(skeleton);
        return COOPNET_ENOMEM;
    }
    size_t n_arabic = 0;
    for (size_t a = 0; a < n_actors; a++) {
        consonant_skeleton(actors[a].id, skeleton[a], sizeof skeleton[a]);
        if (coopnet_i_names_has_arabic(actors[a].name))
            arabic[n_arabic++] = a;
    }
    for (size_t i = 0; i < n_arabic; i++) {
        const actor_t *y = &actors[arabic[i]];
        if (strlen(skeleton[arabic[i]]) < 2)
            continue;
        for (size_t a = 0; a < n_actors; a++) {
            const actor_t *x = &actors[a];
            if ((x->country[0] && y->country[0] && strcmp(x->country, y->country) != 0) ||
                coopnet_i_names_has_arabic(x->name) ||
                strcmp(skeleton[a], skeleton[arabic[i]]) != 0)
                continue;
            fprintf(importer->left,
                    "  '%s' (id %s, %s:%llu) may be '%s' (id %s, %s:%llu): their consonants "
                    "sound alike; if so, give the Arabic name in a name_ar column of the "
                    "other's rows and import again\n",
                    y->name, y->id, mentions[y->first_mention].file,
                    (unsigned long long)mentions[y->first_mention].line, x->name, x->id,
                    mentions[x->first_mention].file,
                    (unsigned long long)mentions[x->first_mention].line);
        }
    }
    free(arabic);
    free(skeleton);
    return COOPNET_OK;
}

/* A unique id from a name: its slug, then with the country, then numbered. */
static const char *unique_id(importer_t *importer, coopnet_strmap_t *ids, const char *name,
                             const char *qualifier, const char *fallback, size_t number)
{
    char *slug = coopnet_i_names_slug(name, 40);
    if (slug == NULL)
        return NULL;
    char candidate[128];
    if (slug[0] == '\0')
        snprintf(candidate, sizeof candidate, "%s_%zu", fallback, number);
    else
        snprintf(candidate, sizeof candidate, "%s", slug);
    for (int attempt = 0; coopnet_i_strmap_get(ids, candidate) >= 0; attempt++) {
        if (attempt == 0 && qualifier && qualifier[0]) {
            char *lower = coopnet_i_names_slug(qualifier, 20);
            snprintf(candidate, sizeof candidate, "%s_%s", slug[0] ? slug : fallback,
                     lower ? lower : "");
            free(lower);
        } else {
            snprintf(candidate, sizeof candidate, "%s_%d", slug[0] ? slug : fallback, attempt + 1);
        }
    }
    free(slug);
    const char *id = keep(importer, candidate);
    if (id == NULL || coopnet_i_strmap_put(ids, id, 0, NULL) != 0)
        return NULL;
    return id;
}

/* Adds a spelling to the actor's aliases unless it is there or is the name. */
static void add_alias(actor_t *actor, const char *spelling)
{
    if (strcmp(spelling, actor->name) == 0 || spelling[0] == '\0')
        return;
    fflush(actor->aliases);
    if (actor->aliases_text) {
        const char *p = actor->aliases_text;
        size_t length = strlen(spelling);
        while (p && *p) {
            const char *bar = strchr(p, '|');
            size_t part = bar ? (size_t)(bar - p) : strlen(p);
            if (part == length && strncmp(p, spelling, length) == 0)
                return;
            p = bar ? bar + 1 : NULL;
        }
    }
    fprintf(actor->aliases, "%s%s", ftell(actor->aliases) > 0 ? "|" : "", spelling);
}

/* Builds the actors from the grouped mentions, their attributes from their first mentions that
 * give each, and reports merges and conflicts. */
static int build_actors(importer_t *importer, mention_t *mentions, size_t n_mentions,
                        actor_t **result, size_t *n_result)
{
    actor_t *actors = coopnet_i_alloc_array(n_mentions + 1, sizeof *actors);
    coopnet_strmap_t ids;
    coopnet_i_strmap_init(&ids);
    if (actors == NULL)
        return COOPNET_ENOMEM;
    size_t n_actors = 0;
    for (size_t m = 0; m < n_mentions; m++) {
        size_t root = find_root(mentions, m);
        if (root == m) {
            actor_t *actor = &actors[n_actors];
            memset(actor, 0, sizeof *actor);
            actor->first_mention = m;
            actor->aliases = open_memstream(&actor->aliases_text, &actor->aliases_size);
            if (actor->aliases == NULL)
                return COOPNET_ENOMEM;
            actor->name = actor->name_ar = actor->name_fr = actor->type = actor->city = "";
            actor->lat = actor->lon = actor->source = "";
            actor->country = mentions[m].country;
            actor->level = -1;
            mentions[m].actor = n_actors++;
        } else {
            mentions[m].actor = mentions[root].actor;
        }
    }
    /* names: the first spelling in Latin letters, else the first; Arabic spellings as name_ar */
    for (size_t m = 0; m < n_mentions; m++) {
        actor_t *actor = &actors[mentions[m].actor];
        const mention_t *mention = &mentions[m];
        if (actor->name[0] == '\0' && !coopnet_i_names_has_arabic(mention->name))
            actor->name = mention->name;
        if (actor->name_ar[0] == '\0')
            actor->name_ar = mention->name_ar[0]                         ? mention->name_ar
                             : coopnet_i_names_has_arabic(mention->name) ? mention->name
                                                                         : "";
#define FIRST_GIVEN(field)                                                                         \
    if (actor->field[0] == '\0')                                                                   \
        actor->field = mention->field;
        FIRST_GIVEN(name_fr)
        FIRST_GIVEN(type)
        FIRST_GIVEN(city)
        FIRST_GIVEN(source)
#undef FIRST_GIVEN
        if (actor->lat[0] == '\0' && mention->lat[0] != '\0') {
            actor->lat = mention->lat;
            actor->lon = mention->lon;
        }
    }
    for (size_t a = 0; a < n_actors; a++) {
        actor_t *actor = &actors[a];
        const mention_t *first = &mentions[actor->first_mention];
        if (actor->name[0] == '\0')
            actor->name = first->name;
        if (actor->source[0] == '\0') {
            char provenance[512];
            const char *base = strrchr(first->file, '/');
            snprintf(provenance, sizeof provenance, "%s:%llu", base ? base + 1 : first->file,
                     (unsigned long long)first->line);
            actor->source = keep(importer, provenance);
        }
        actor->id = unique_id(importer, &ids, actor->name, actor->country, "actor", a + 1);
        if (actor->id == NULL || actor->source == NULL)
            return COOPNET_ENOMEM;
    }
    /* spellings, merges and conflicts */
    for (size_t m = 0; m < n_mentions; m++) {
        actor_t *actor = &actors[mentions[m].actor];
        const mention_t *mention = &mentions[m];
        if (strcmp(mention->name, actor->name_ar) != 0)
            add_alias(actor, mention->name);
        const char *phrase;
        if (mention->type[0] && actor->type[0] && strcmp(mention->type, actor->type) != 0 &&
            coopnet_i_import_level(mention->type, &phrase) !=
                coopnet_i_import_level(actor->type, &phrase)) {
            char key[1024];
            snprintf(key, sizeof key, "type conflict\x1f%s\x1f%s", actor->id, mention->type);
            const char *kept = keep(importer, key);
            int64_t existing = 0;
            if (kept && coopnet_i_strmap_put(&importer->mapped_seen, kept, 0, &existing) == 0 &&
                existing < 0)
                fprintf(importer->left,
                        "  '%s' (id %s) has the type '%s' on %s:%llu but '%s' first, which "
                        "gives another level: the first is kept\n",
                        actor->name, actor->id, mention->type, mention->file,
                        (unsigned long long)mention->line, actor->type);
        }
    }
    /* the distinct spellings of each merged actor, for the report: each actor's mentions in a
     * list (next_mention), each spelling once (the map of actor and spelling) */
    size_t *next_mention = coopnet_i_alloc_array(n_mentions + 1, sizeof *next_mention);
    size_t *last_mention = coopnet_i_alloc_array(n_actors + 1, sizeof *last_mention);
    coopnet_strmap_t spellings;
    coopnet_i_strmap_init(&spellings);
    if (next_mention == NULL || last_mention == NULL) {
        free(next_mention);
        free(last_mention);
        return COOPNET_ENOMEM;
    }
    for (size_t a = 0; a < n_actors; a++)
        last_mention[a] = actors[a].first_mention;
    for (size_t m = 0; m < n_mentions; m++) {
        next_mention[m] = SIZE_MAX;
        if (m != actors[mentions[m].actor].first_mention)
            last_mention[mentions[m].actor] = next_mention[last_mention[mentions[m].actor]] = m;
    }
    for (size_t a = 0; a < n_actors; a++) {
        actor_t *actor = &actors[a];
        fflush(actor->aliases);
        if (actor->aliases_size == 0)
            continue;
        fprintf(importer->merges, "  %s: '%s' (%s:%llu)", actor->id,
                mentions[actor->first_mention].name, mentions[actor->first_mention].file,
                (unsigned long long)mentions[actor->first_mention].line);
        bool same_key = true;
        for (size_t m = next_mention[actor->first_mention]; m != SIZE_MAX; m = next_mention[m]) {
            char spelling[2048];
            snprintf(spelling, sizeof spelling, "%zu\x1f%s", a, mentions[m].name);
            const char *kept = keep(importer, spelling);
            int64_t seen = 0;
            if (strcmp(mentions[m].name, mentions[actor->first_mention].name) == 0 ||
                kept == NULL || coopnet_i_strmap_put(&spellings, kept, 0, &seen) != 0 || seen >= 0)
                continue;
            fprintf(importer->merges, ", '%s' (%s:%llu)", mentions[m].name, mentions[m].file,
                    (unsigned long long)mentions[m].line);
            same_key = same_key && strcmp(mentions[m].key, mentions[actor->first_mention].key) == 0;
        }
        fprintf(importer->merges, ": %s\n",
                same_key ? "the same name once case, accents, word order and generic words "
                           "(municipality of, city of, commune de, ...) are set aside"
                         : "linked by a name_ar or name_fr given on their rows, or by the same "
                           "name set aside as above");
    }
    free(next_mention);
    free(last_mention);
    coopnet_i_strmap_destroy(&spellings);
    coopnet_i_strmap_destroy(&ids);
    *result = actors;
    *n_result = n_actors;
    return COOPNET_OK;
}

/* The level of each actor: from its type, else from its name, else local by default (listed). */
static void assign_levels(importer_t *importer, actor_t *actors, size_t n_actors,
                          const mention_t *mentions)
{
    for (size_t a = 0; a < n_actors; a++) {
        actor_t *actor = &actors[a];
        const mention_t *first = &mentions[actor->first_mention];
        const char *phrase = NULL;
        if (actor->type[0] && (actor->level = coopnet_i_import_level(actor->type, &phrase)) >= 0) {
            actor->level_from = "type";
            note_mapped(importer, "type", actor->type, first->file, first->line, "level %s",
                        coopnet_level_name((coopnet_level_t)actor->level));
            continue;
        }
        if ((actor->level = coopnet_i_import_level(actor->name, &phrase)) >= 0) {
            actor->level_from = "name";
            fprintf(importer->mapped, "  name '%s' -> level %s (the word '%s'%s)\n", actor->name,
                    coopnet_level_name((coopnet_level_t)actor->level), phrase,
                    actor->type[0] ? ", its type says nothing" : ", no type given");
            continue;
        }
        actor->level = COOPNET_LEVEL_LOCAL;
        actor->level_from = "default";
        fprintf(importer->left,
                "  level of '%s' (id %s, %s:%llu) unknown (type '%s'): written as local, with "
                "level_from=default; correct it in actors.csv\n",
                actor->name, actor->id, first->file, (unsigned long long)first->line, actor->type);
    }
}

/* ---- writing ------------------------------------------------------------------------------- */

/* Writes one CSV field, quoted when it must be. */
static void csv_field(FILE *out, const char *text, bool last)
{
    bool quote = strpbrk(text, ",\"\r\n") != NULL || (text[0] == ' ') ||
                 (text[0] && text[strlen(text) - 1] == ' ');
    if (quote) {
        fputc('"', out);
        for (const char *p = text; *p; p++) {
            if (*p == '"')
                fputc('"', out);
            fputc(*p, out);
        }
        fputc('"', out);
    } else {
        fputs(text, out);
    }
    fputc(last ? '\n' : ',', out);
}

typedef struct event {
    const char *id, *title, *date, *type, *source;
    size_t first_row;
} event_t;

typedef struct participation {
    size_t event, actor;
    int role; /* -1: none given */
    const char *source;
    uint64_t line;
} participation_t;

typedef struct tie {
    size_t from, to;
    const char *type, *start, *end, *source, *note;
} tie_t;

typedef struct bundle_text {
    char *text[4];
    size_t size[4];
} bundle_text_t;

static int write_bundle(const actor_t *actors, size_t n_actors, const event_t *events,
                        size_t n_events, const participation_t *rows, size_t n_rows,
                        const tie_t *ties, size_t n_ties, bundle_text_t *out)
{
    FILE *files[4];
    for (int f = 0; f < 4; f++) {
        files[f] = open_memstream(&out->text[f], &out->size[f]);
        if (files[f] == NULL) {
            for (int g = 0; g < f; g++)
                fclose(files[g]);
            return COOPNET_ENOMEM;
        }
    }
    fputs("id,name,level,type,country,lat,lon,name_ar,name_fr,source,city,aliases,level_from,"
          "geo_source\n",
          files[0]);
    for (size_t a = 0; a < n_actors; a++) {
        const actor_t *actor = &actors[a];
        const char *values[] = {actor->id,
                                actor->name,
                                coopnet_level_name((coopnet_level_t)actor->level),
                                actor->type,
                                actor->country,
                                actor->lat,
                                actor->lon,
                                actor->name_ar,
                                actor->name_fr,
                                actor->source,
                                actor->city,
                                actor->aliases_text ? actor->aliases_text : "",
                                actor->level_from,
                                actor->geo_source ? actor->geo_source : ""};
        for (size_t v = 0; v < sizeof values / sizeof values[0]; v++)
            csv_field(files[0], values[v], v + 1 == sizeof values / sizeof values[0]);
    }
    fputs("id,title,date,end,type,place,country,lat,lon,source\n", files[1]);
    for (size_t e = 0; e < n_events; e++) {
        const event_t *event = &events[e];
        const char *values[] = {event->id, event->title, event->date, "", event->type,
                                "",        "",           "",          "", event->source};
        for (size_t v = 0; v < 10; v++)
            csv_field(files[1], values[v], v == 9);
    }
    fputs("event,actor,role,source\n", files[2]);
    for (size_t p = 0; p < n_rows; p++) {
        const participation_t *row = &rows[p];
        if (row->event == (size_t)-1)
            continue; /* merged into an earlier row */
        csv_field(files[2], events[row->event].id, false);
        csv_field(files[2], actors[row->actor].id, false);
        csv_field(files[2], row->role >= 0 ? coopnet_role_name((coopnet_role_t)row->role) : "",
                  false);
        csv_field(files[2], row->source, true);
    }
    fputs("from,to,type,start,end,directed,weight,source,note\n", files[3]);
    for (size_t t = 0; t < n_ties; t++) {
        const tie_t *tie = &ties[t];
        const char *values[] = {
            actors[tie->from].id, actors[tie->to].id, tie->type, tie->start, tie->end, "false", "1",
            tie->source,          tie->note};
        for (size_t v = 0; v < 9; v++)
            csv_field(files[3], values[v], v == 8);
    }
    int status = COOPNET_OK;
    for (int f = 0; f < 4; f++)
        if (fclose(files[f]) != 0)
            status = COOPNET_ENOMEM;
    return status;
}

/* Writes the files of the bundle and the report into directory, all together. */
static int commit_files(const char *directory, const bundle_text_t *bundle, const char *report,
                        coopnet_error_t *err)
{
    static const char *const names[] = {"actors.csv", "events.csv", "participation.csv", "ties.csv",
                                        "import-report.txt"};
    coopnet_output_t *outputs[5] = {NULL};
    bool created = false;
    struct stat info;
    if (stat(directory, &info) != 0) {
        if (mkdir(directory, 0777) != 0)
            return COOPNET_ERROR(err, COOPNET_EIO, "cannot create '%s': %s", directory,
                                 strerror(errno));
        created = true;
    } else if (!S_ISDIR(info.st_mode)) {
        return COOPNET_ERROR(err, COOPNET_EIO, "cannot write into '%s': not a directory",
                             directory);
    }
    char *path = malloc(strlen(directory) + 32);
    int status = path ? COOPNET_OK : COOPNET_ERROR(err, COOPNET_ENOMEM, "out of memory");
    for (int f = 0; f < 5 && status == COOPNET_OK; f++) {
        sprintf(path, "%s/%s", directory, names[f]);
        status = coopnet_output_open(path, &outputs[f], err);
        if (status != COOPNET_OK)
            break;
        const char *text = f < 4 ? bundle->text[f] : report;
        size_t size = f < 4 ? bundle->size[f] : strlen(report);
        if (fwrite(text, 1, size, coopnet_output_stream(outputs[f])) != size)
            status =
                COOPNET_ERROR(err, COOPNET_EIO, "cannot write '%s': %s", path, strerror(errno));
    }
    if (status == COOPNET_OK)
        status = coopnet_output_commit_all(outputs, 5, err);
    for (int f = 0; f < 5; f++)
        coopnet_output_abort(outputs[f]);
    free(path);
    if (status != COOPNET_OK && created)
        rmdir(directory); /* a directory made for a bundle that could not be written */
    return status;
}

/* ---- coordinates --------------------------------------------------------------------------- */

/* Fills lat, lon and geo_source of the actors with a place (a city, or the name of a local actor)
 * and a country but no coordinates from the gazetteer, logging every outcome in log (opened
 * here). */
static int geocode_actors(importer_t *importer, actor_t *actors, size_t n_actors,
                          const mention_t *mentions, coopnet_i_geocode_log_t *log,
                          size_t *gazetteer_size, coopnet_error_t *err)
{
    coopnet_gazetteer_t *gazetteer = NULL;
    int status = coopnet_i_gazetteer_open(&gazetteer, err);
    if (status != COOPNET_OK)
        return status;
    *gazetteer_size = coopnet_i_gazetteer_size(gazetteer);
    if (coopnet_i_geocode_log_open(log) != COOPNET_OK) {
        coopnet_i_gazetteer_free(gazetteer);
        return COOPNET_ERROR(err, COOPNET_ENOMEM, "out of memory geocoding the actors");
    }
    for (size_t a = 0; a < n_actors && status == COOPNET_OK; a++) {
        actor_t *actor = &actors[a];
        const mention_t *first = &mentions[actor->first_mention];
        char where[512];
        const char *base = strrchr(first->file, '/');
        snprintf(where, sizeof where, "%s:%llu", base ? base + 1 : first->file,
                 (unsigned long long)first->line);
        coopnet_i_geocode_actor_t looked_up = {.id = actor->id,
                                               .name = actor->name,
                                               .city = actor->city,
                                               .type = actor->type,
                                               .country = actor->country,
                                               .local = actor->level == COOPNET_LEVEL_LOCAL,
                                               .has_coordinates = actor->lat[0] != '\0',
                                               .where = where};
        bool filled = false;
        double lat, lon;
        if (coopnet_i_geocode_actor(gazetteer, &looked_up, false, log, &filled, &lat, &lon) !=
            COOPNET_OK) {
            status = COOPNET_ERROR(err, COOPNET_ENOMEM, "out of memory geocoding the actors");
            break;
        }
        if (!filled)
            continue;
        char text[2][32];
        snprintf(text[0], sizeof text[0], COOPNET_I_GEOCODE_FORMAT, lat);
        snprintf(text[1], sizeof text[1], COOPNET_I_GEOCODE_FORMAT, lon);
        actor->lat = keep(importer, text[0]);
        actor->lon = keep(importer, text[1]);
        actor->geo_source = "gazetteer";
        if (actor->lat == NULL || actor->lon == NULL)
            status = COOPNET_ERROR(err, COOPNET_ENOMEM, "out of memory geocoding the actors");
    }
    coopnet_i_gazetteer_free(gazetteer);
    return status;
}

/* ---- the import ---------------------------------------------------------------------------- */

void coopnet_import_options_init(coopnet_import_options_t *options)
{
    memset(options, 0, sizeof *options);
}

/* Reads lat and lon cells: both numbers in range, with a decimal comma accepted (mapped), else
 * dropped and listed. */
static void read_coordinates(importer_t *importer, const char **lat, const char **lon,
                             const char *file, uint64_t line)
{
    if ((*lat)[0] == '\0' && (*lon)[0] == '\0')
        return;
    double values[2];
    const char *texts[2] = {*lat, *lon};
    char fixed[2][64];
    bool ok = (*lat)[0] && (*lon)[0];
    for (int k = 0; k < 2 && ok; k++) {
        snprintf(fixed[k], sizeof fixed[k], "%s", texts[k]);
        char *comma = strchr(fixed[k], ',');
        if (comma && !strchr(comma + 1, ','))
            *comma = '.';
        char *end;
        errno = 0;
        values[k] = strtod(fixed[k], &end);
        ok = end != fixed[k] && *end == '\0' && errno == 0 && isfinite(values[k]) &&
             strspn(fixed[k], "0123456789.-+") == strlen(fixed[k]);
    }
    ok = ok && fabs(values[0]) <= 90 && fabs(values[1]) <= 180;
    if (!ok) {
        fprintf(importer->left,
                "  coordinates '%s', '%s' (%s:%llu) are not a latitude and a longitude: left "
                "out\n",
                *lat, *lon, file, (unsigned long long)line);
        *lat = *lon = "";
        return;
    }
    for (int k = 0; k < 2; k++) {
        if (strcmp(fixed[k], texts[k]) != 0) {
            note_mapped(importer, k == 0 ? "lat" : "lon", texts[k], file, line, "%s", fixed[k]);
            const char *kept = keep(importer, fixed[k]);
            if (kept)
                *(k == 0 ? lat : lon) = kept;
        }
    }
}

/* A city cell "Sousse, Tunisia" gives the country when none is given. */
static void split_city(importer_t *importer, const char **city, const char **country_text,
                       const char *file, uint64_t line)
{
    const char *comma = strrchr(*city, ',');
    if ((*country_text)[0] != '\0' || comma == NULL)
        return;
    const char *tail = comma + 1;
    while (*tail == ' ')
        tail++;
    char code[3];
    if (!lookup_country(importer, tail, code))
        return;
    size_t length = (size_t)(comma - *city);
    while (length > 0 && (*city)[length - 1] == ' ')
        length--;
    const char *head = coopnet_i_arena_strndup(&importer->strings, *city, length);
    if (head == NULL)
        return;
    note_mapped(importer, "city", *city, file, line, "city '%s', country '%s'", head, tail);
    *country_text = keep(importer, tail);
    *city = head;
}

static int fill_mention(mention_t *mention, const char *name, const char *file, uint64_t line)
{
    static const char empty[] = "";
    mention->name = name;
    mention->file = file;
    mention->line = line;
    mention->country = mention->type = mention->city = mention->lat = mention->lon = empty;
    mention->name_ar = mention->name_fr = mention->source = empty;
    mention->key = coopnet_i_names_key(name, true);
    return mention->key ? COOPNET_OK : COOPNET_ENOMEM;
}

int coopnet_import_attendance(const char *path, const char *directory,
                              const coopnet_import_options_t *options, char **report,
                              coopnet_diag_list_t *diags, coopnet_error_t *err)
{
    if (report)
        *report = NULL;
    coopnet_error_t local_err;
    if (err == NULL)
        err = &local_err;
    memset(err, 0, sizeof *err);
    int status = check_map(options->map, err);
    if (status != COOPNET_OK)
        return status;

    importer_t importer;
    memset(&importer, 0, sizeof importer);
    importer.options = options;
    importer.diags = diags;
    coopnet_i_arena_init(&importer.strings);
    coopnet_i_strmap_init(&importer.mapped_seen);
    coopnet_i_strmap_init(&importer.countries);
    importer.attendance =
        (sheet_t){.path = path, .fields = attendance_fields, .n_fields = N_ATTENDANCE_FIELDS};
    importer.ties =
        (sheet_t){.path = options->ties_path, .fields = tie_fields, .n_fields = N_TIE_FIELDS};
    char(*dates)[11] = NULL, (*tie_starts)[11] = NULL, (*tie_ends)[11] = NULL;
    mention_t *mentions = NULL;
    size_t n_mentions = 0;
    actor_t *actors = NULL;
    size_t n_actors = 0;
    event_t *events = NULL;
    size_t n_events = 0;
    participation_t *rows = NULL;
    tie_t *ties = NULL;
    size_t n_ties = 0;
    bundle_text_t bundle_text = {{NULL}, {0}};
    coopnet_strmap_t event_keys, event_ids, pairs;
    coopnet_i_strmap_init(&event_keys);
    coopnet_i_strmap_init(&event_ids);
    coopnet_i_strmap_init(&pairs);
    coopnet_bundle_t *check = NULL;
    coopnet_i_geocode_log_t places = {0};
    size_t gazetteer_size = 0;
    coopnet_diag_list_t check_diags;
    coopnet_diag_list_init(&check_diags);
    uint64_t errors_before = diags->n_errors;
    const sheet_t *sheet = &importer.attendance;
    const sheet_t *tie_sheet = &importer.ties;

    importer.merges = open_memstream(&importer.merges_text, &importer.merges_size);
    importer.mapped = open_memstream(&importer.mapped_text, &importer.mapped_size);
    importer.left = open_memstream(&importer.left_text, &importer.left_size);
    importer.report = open_memstream(&importer.report_text, &importer.report_size);
    if (!importer.merges || !importer.mapped || !importer.left || !importer.report) {
        status = COOPNET_ERROR(err, COOPNET_ENOMEM, "out of memory importing '%s'", path);
        goto cleanup;
    }

    /* 1. the sheets */
    status = read_sheet(&importer, &importer.attendance, A_ORGANISATION + 1, err);
    if (status == COOPNET_OK && options->ties_path)
        status = read_sheet(&importer, &importer.ties, T_TO + 1, err);
    if (status != COOPNET_OK || diags->n_errors > errors_before)
        goto finish;

    /* 2. values */
    size_t n_rows = sheet->n_rows, n_tie_rows = tie_sheet->n_rows;
    dates = coopnet_i_alloc_array(n_rows + 1, sizeof *dates);
    tie_starts = coopnet_i_alloc_array(n_tie_rows + 1, sizeof *tie_starts);
    tie_ends = coopnet_i_alloc_array(n_tie_rows + 1, sizeof *tie_ends);
    mentions = coopnet_i_alloc_array(n_rows + 2 * n_tie_rows + 1, sizeof *mentions);
    rows = coopnet_i_alloc_array(n_rows + 1, sizeof *rows);
    events = coopnet_i_alloc_array(n_rows + 1, sizeof *events);
    ties = coopnet_i_alloc_array(n_tie_rows + 1, sizeof *ties);
    if (!dates || !tie_starts || !tie_ends || !mentions || !rows || !events || !ties) {
        status = COOPNET_ERROR(err, COOPNET_ENOMEM, "out of memory importing '%s'", path);
        goto cleanup;
    }
    if (read_dates(&importer, sheet, sheet->header_of[A_DATE] ? A_DATE : -1, dates) != COOPNET_OK ||
        (options->ties_path &&
         (read_dates(&importer, tie_sheet, tie_sheet->header_of[T_START] ? T_START : -1,
                     tie_starts) != COOPNET_OK ||
          read_dates(&importer, tie_sheet, tie_sheet->header_of[T_END] ? T_END : -1, tie_ends) !=
              COOPNET_OK))) {
        status = COOPNET_ERROR(err, COOPNET_ENOMEM, "out of memory importing '%s'", path);
        goto cleanup;
    }
    for (size_t r = 0; r < n_rows; r++) {
        uint64_t line = sheet->lines[r];
        const char *organisation = cell(sheet, r, A_ORGANISATION);
        if (cell(sheet, r, A_EVENT)[0] == '\0')
            sheet_error(&importer, sheet, line, A_EVENT, "column '%s': empty event",
                        sheet->header_of[A_EVENT]);
        if (organisation[0] == '\0') {
            sheet_error(&importer, sheet, line, A_ORGANISATION, "column '%s': empty organisation",
                        sheet->header_of[A_ORGANISATION]);
            continue;
        }
        mention_t *mention = &mentions[n_mentions];
        mention->parent = n_mentions;
        if (fill_mention(mention, organisation, sheet->where, line) != COOPNET_OK) {
            status = COOPNET_ERROR(err, COOPNET_ENOMEM, "out of memory importing '%s'", path);
            goto cleanup;
        }
        n_mentions++;
        const char *city = cell(sheet, r, A_CITY), *country_text = cell(sheet, r, A_COUNTRY);
        split_city(&importer, &city, &country_text, sheet->where, line);
        mention->city = city;
        mention->country = read_country(&importer, country_text, sheet->where, line);
        mention->type = cell(sheet, r, A_TYPE);
        mention->lat = cell(sheet, r, A_LAT);
        mention->lon = cell(sheet, r, A_LON);
        read_coordinates(&importer, &mention->lat, &mention->lon, sheet->where, line);
        mention->name_ar = cell(sheet, r, A_NAME_AR);
        mention->name_fr = cell(sheet, r, A_NAME_FR);
        mention->source = cell(sheet, r, A_SOURCE);
        if (mention->country == NULL) {
            status = COOPNET_ERROR(err, COOPNET_ENOMEM, "out of memory importing '%s'", path);
            goto cleanup;
        }
        const char *role_text = cell(sheet, r, A_ROLE);
        rows[r].role = -1;
        if (role_text[0]) {
            rows[r].role = coopnet_i_import_role(role_text);
            if (rows[r].role < 0)
                fprintf(importer.left,
                        "  role '%s' (%s:%llu) is no coopnet role (host, organiser, presenter, "
                        "participant, learner, funder, facilitator): written empty, which counts "
                        "as participant\n",
                        role_text, sheet->where, (unsigned long long)line);
            else if (strcmp(role_text, coopnet_role_name((coopnet_role_t)rows[r].role)) != 0)
                note_mapped(&importer, "role", role_text, sheet->where, line, "%s",
                            coopnet_role_name((coopnet_role_t)rows[r].role));
        }
        rows[r].actor = n_mentions - 1; /* a mention for now, its actor below */
        rows[r].line = line;
    }
    for (size_t r = 0; r < n_tie_rows; r++) {
        uint64_t line = tie_sheet->lines[r];
        const char *ends[2] = {cell(tie_sheet, r, T_FROM), cell(tie_sheet, r, T_TO)};
        bool ok = true;
        for (int k = 0; k < 2; k++) {
            if (ends[k][0] == '\0') {
                sheet_error(&importer, tie_sheet, line, k == 0 ? T_FROM : T_TO,
                            "column '%s': empty organisation",
                            tie_sheet->header_of[k == 0 ? T_FROM : T_TO]);
                ok = false;
            }
        }
        const char *type_text = cell(tie_sheet, r, T_TYPE);
        if (type_text[0] == '\0') {
            sheet_error(&importer, tie_sheet, line, T_TYPE,
                        "%s: empty agreement type (mou, partnership, membership, ...)",
                        tie_sheet->header_of[T_TYPE] ? "column 'type'" : "no type column");
            ok = false;
        }
        if (!ok)
            continue;
        tie_t *tie = &ties[n_ties++];
        for (int k = 0; k < 2; k++) {
            mention_t *mention = &mentions[n_mentions];
            mention->parent = n_mentions;
            if (fill_mention(mention, ends[k], tie_sheet->where, line) != COOPNET_OK) {
                status = COOPNET_ERROR(err, COOPNET_ENOMEM, "out of memory importing '%s'", path);
                goto cleanup;
            }
            *(k == 0 ? &tie->from : &tie->to) = n_mentions++;
        }
        const char *type = coopnet_i_import_tie_type(type_text);
        if (type == NULL) {
            type = type_text;
            note_mapped(&importer, "agreement type", type_text, tie_sheet->where, line,
                        "kept as written (not one of mou, partnership, membership, "
                        "technical_support, funding, peer_learning, request)");
        } else if (strcmp(type, type_text) != 0) {
            note_mapped(&importer, "agreement type", type_text, tie_sheet->where, line, "%s", type);
        }
        tie->type = type;
        tie->start = tie_starts[r];
        tie->end = tie_ends[r];
        tie->source = cell(tie_sheet, r, T_SOURCE);
        tie->note = cell(tie_sheet, r, T_NOTE);
        if (tie->source[0] == '\0') {
            char provenance[512];
            const char *base = strrchr(tie_sheet->where, '/');
            snprintf(provenance, sizeof provenance, "%s:%llu", base ? base + 1 : tie_sheet->where,
                     (unsigned long long)line);
            tie->source = keep(&importer, provenance);
        }
    }
    if (diags->n_errors > errors_before)
        goto finish;

    /* 3. actors */
    status = group_mentions(&importer, mentions, n_mentions);
    if (status == COOPNET_OK)
        status = build_actors(&importer, mentions, n_mentions, &actors, &n_actors);
    if (status != COOPNET_OK) {
        status = COOPNET_ERROR(err, COOPNET_ENOMEM, "out of memory importing '%s'", path);
        goto cleanup;
    }
    assign_levels(&importer, actors, n_actors, mentions);

    /* 4. events and participations */
    for (size_t r = 0; r < n_rows; r++) {
        char *folded = coopnet_i_names_fold(cell(sheet, r, A_EVENT));
        char key[2048];
        snprintf(key, sizeof key, "%s\x1f%s", folded ? folded : "", dates[r]);
        free(folded);
        const char *kept = keep(&importer, key);
        int64_t existing;
        if (kept == NULL ||
            coopnet_i_strmap_put(&event_keys, kept, (int64_t)n_events, &existing) != 0) {
            status = COOPNET_ERROR(err, COOPNET_ENOMEM, "out of memory importing '%s'", path);
            goto cleanup;
        }
        if (existing < 0) {
            event_t *event = &events[n_events];
            event->title = cell(sheet, r, A_EVENT);
            event->date = dates[r];
            event->type = cell(sheet, r, A_EVENT_TYPE);
            event->source = cell(sheet, r, A_SOURCE);
            event->first_row = r;
            if (event->source[0] == '\0') {
                char provenance[512];
                const char *base = strrchr(sheet->where, '/');
                snprintf(provenance, sizeof provenance, "%s:%llu", base ? base + 1 : sheet->where,
                         (unsigned long long)sheet->lines[r]);
                event->source = keep(&importer, provenance);
            }
            event->id =
                unique_id(&importer, &event_ids, event->title, event->date, "event", n_events + 1);
            if (event->id == NULL || event->source == NULL) {
                status = COOPNET_ERROR(err, COOPNET_ENOMEM, "out of memory importing '%s'", path);
                goto cleanup;
            }
            existing = (int64_t)n_events++;
        } else if (strcmp(events[existing].title, cell(sheet, r, A_EVENT)) != 0) {
            fprintf(importer.merges,
                    "  event '%s' (%s:%llu) is '%s' (%s:%llu): the same title "
                    "once case and accents are set aside, the same date\n",
                    cell(sheet, r, A_EVENT), path, (unsigned long long)sheet->lines[r],
                    events[existing].title, path,
                    (unsigned long long)sheet->lines[events[existing].first_row]);
        }
        rows[r].event = (size_t)existing;
        rows[r].actor = mentions[rows[r].actor].actor;
        rows[r].source = cell(sheet, r, A_SOURCE);
        if (rows[r].source[0] == '\0') {
            char provenance[512];
            const char *base = strrchr(sheet->where, '/');
            snprintf(provenance, sizeof provenance, "%s:%llu", base ? base + 1 : sheet->where,
                     (unsigned long long)sheet->lines[r]);
            rows[r].source = keep(&importer, provenance);
        }
        /* the same organisation twice at one event (two spellings merged): one participation */
        snprintf(key, sizeof key, "%zu\x1f%zu", rows[r].event, rows[r].actor);
        kept = keep(&importer, key);
        if (kept == NULL || coopnet_i_strmap_put(&pairs, kept, (int64_t)r, &existing) != 0) {
            status = COOPNET_ERROR(err, COOPNET_ENOMEM, "out of memory importing '%s'", path);
            goto cleanup;
        }
        if (existing >= 0) {
            participation_t *first = &rows[existing];
            const char *first_role =
                first->role >= 0 ? coopnet_role_name((coopnet_role_t)first->role) : "participant";
            fprintf(importer.merges,
                    "  %s:%llu: '%s' at '%s' again (first on line %llu): one participation",
                    sheet->where, (unsigned long long)rows[r].line, cell(sheet, r, A_ORGANISATION),
                    events[rows[r].event].title, (unsigned long long)first->line);
            if (rows[r].role >= 0 && rows[r].role != COOPNET_ROLE_PARTICIPANT &&
                (first->role < 0 || first->role == COOPNET_ROLE_PARTICIPANT)) {
                first->role = rows[r].role;
                fprintf(importer.merges, ", role %s",
                        coopnet_role_name((coopnet_role_t)first->role));
            } else if (rows[r].role >= 0 && first->role >= 0 && rows[r].role != first->role) {
                fprintf(importer.merges, ", role %s kept (this row says %s)", first_role,
                        coopnet_role_name((coopnet_role_t)rows[r].role));
            }
            fputc('\n', importer.merges);
            rows[r].event = (size_t)-1;
        }
    }
    size_t kept_ties = 0;
    for (size_t t = 0; t < n_ties; t++) {
        tie_t tie = ties[t];
        tie.from = mentions[tie.from].actor;
        tie.to = mentions[tie.to].actor;
        if (tie.from == tie.to) {
            fprintf(importer.left,
                    "  agreement of '%s' with '%s' (%s:%llu) links one organisation to itself "
                    "once their names are merged: left out\n",
                    mentions[ties[t].from].name, mentions[ties[t].to].name, tie_sheet->where,
                    (unsigned long long)mentions[ties[t].from].line);
            continue;
        }
        coopnet_date_t start, end;
        coopnet_error_t date_err;
        if (tie.start[0] && tie.end[0] &&
            coopnet_date_parse(tie.start, &start, &date_err) == COOPNET_OK &&
            coopnet_date_parse(tie.end, &end, &date_err) == COOPNET_OK &&
            coopnet_date_last_day(end) < start.day) { /* as the loader compares them */
            data_error(&importer, tie_sheet->where, mentions[ties[t].from].line,
                       "end '%s' is before the start '%s'", tie.end, tie.start);
            continue;
        }
        ties[kept_ties++] = tie;
    }
    n_ties = kept_ties;
    if (diags->n_errors > errors_before)
        goto finish;

    /* 5. coordinates from the gazetteer, then the bundle, checked by the loader before anything
     * is written */
    if (!options->skip_geocode) {
        status =
            geocode_actors(&importer, actors, n_actors, mentions, &places, &gazetteer_size, err);
        if (status != COOPNET_OK)
            goto cleanup;
    }
    status =
        write_bundle(actors, n_actors, events, n_events, rows, n_rows, ties, n_ties, &bundle_text);
    if (status != COOPNET_OK) {
        status = COOPNET_ERROR(err, COOPNET_ENOMEM, "out of memory importing '%s'", path);
        goto cleanup;
    }
    if (coopnet_bundle_load_memory(bundle_text.text[0], bundle_text.size[0], bundle_text.text[1],
                                   bundle_text.size[1], bundle_text.text[2], bundle_text.size[2],
                                   bundle_text.text[3], bundle_text.size[3], &check_diags, &check,
                                   err) != COOPNET_OK) {
        char first[COOPNET_ERROR_MESSAGE_SIZE + 256] = "";
        for (size_t i = 0; i < check_diags.n_items; i++)
            if (check_diags.items[i].severity == COOPNET_DIAG_ERROR) {
                coopnet_diag_format(&check_diags.items[i], first, sizeof first);
                break;
            }
        status =
            err->code == COOPNET_EDATA
                ? COOPNET_ERROR(err, COOPNET_EINTERNAL,
                                "the imported bundle does not pass validation (a bug): %s", first)
                : err->code;
        goto cleanup;
    }
    if (list_near_actors(&importer, mentions, actors, n_actors, check) != COOPNET_OK) {
        status = COOPNET_ERROR(err, COOPNET_ENOMEM, "out of memory importing '%s'", path);
        goto cleanup;
    }

finish:
    if (status == COOPNET_OK && diags->n_errors > errors_before) {
        uint64_t count = diags->n_errors - errors_before;
        status =
            COOPNET_ERROR(err, COOPNET_EDATA, "'%s': %llu error%s in the data; nothing written",
                          path, (unsigned long long)count, count == 1 ? "" : "s");
        goto cleanup;
    }
    if (status != COOPNET_OK)
        goto cleanup;

    /* 6. the report, then every file together */
    fclose(importer.merges);
    fclose(importer.mapped);
    fclose(importer.left);
    importer.merges = importer.mapped = importer.left = NULL;
    {
        FILE *out = importer.report;
        fprintf(out, "coopnet import attendance %s -> %s\n\n", path, directory);
        const sheet_t *read_sheets[2] = {sheet, tie_sheet};
        for (int s = 0; s < (options->ties_path ? 2 : 1); s++) {
            const sheet_t *read = read_sheets[s];
            const char *separator = read->delimiter == ','   ? "comma-separated"
                                    : read->delimiter == ';' ? "semicolon-separated"
                                                             : "tab-separated";
            if (read->is_workbook)
                fprintf(out, "%s%s (sheet '%s' of the workbook), %zu row%s",
                        s ? "; " : "read: ", read->path, read->where + strlen(read->path) + 1,
                        read->n_rows, read->n_rows == 1 ? "" : "s");
            else
                fprintf(out, "%s%s (%s), %zu row%s", s ? "; " : "read: ", read->path, separator,
                        read->n_rows, read->n_rows == 1 ? "" : "s");
        }
        fprintf(out, "\nwrote: %zu actors, %zu events, %zu participations, %zu ties\n", n_actors,
                n_events, (size_t)check->n_participations, n_ties);
        const sheet_t *sheets[2] = {sheet, tie_sheet};
        for (int s = 0; s < (options->ties_path ? 2 : 1); s++) {
            fprintf(out, "columns of %s:", sheets[s]->where);
            for (size_t f = 0; f < sheets[s]->n_fields; f++)
                if (sheets[s]->header_of[f])
                    fprintf(out, " %s <- '%s';", sheets[s]->fields[f].name,
                            sheets[s]->header_of[f]);
            fprintf(out, " not used: %s\n",
                    sheets[s]->unused_headers && sheets[s]->unused_headers[0]
                        ? sheets[s]->unused_headers
                        : "none");
        }
        fprintf(out, "\nmerged (one actor, several spellings or rows):\n%s",
                importer.merges_size ? importer.merges_text : "  nothing\n");
        fprintf(out, "\nmapped values:\n");
        if (importer.mapped_size)
            write_sorted_lines(out, importer.mapped_text);
        else
            fputs("  nothing\n", out);
        fprintf(out, "\nleft for you to decide:\n%s",
                importer.left_size ? importer.left_text : "  nothing\n");
        if (options->skip_geocode) {
            fputs("\nplaces: not looked up (no coordinates filled from the gazetteer)\n", out);
        } else {
            fputs("\n", out);
            if (coopnet_i_geocode_log_finish(&places, gazetteer_size, out) != COOPNET_OK) {
                status = COOPNET_ERROR(err, COOPNET_ENOMEM, "out of memory importing '%s'", path);
                goto cleanup;
            }
        }
        fclose(out);
        importer.report = NULL;
    }
    status = commit_files(directory, &bundle_text, importer.report_text, err);
    if (status == COOPNET_OK && report) {
        *report = importer.report_text;
        importer.report_text = NULL;
    }

cleanup:
    if (importer.merges)
        fclose(importer.merges);
    if (importer.mapped)
        fclose(importer.mapped);
    if (importer.left)
        fclose(importer.left);
    if (importer.report)
        fclose(importer.report);
    free(importer.merges_text);
    free(importer.mapped_text);
    free(importer.left_text);
    free(importer.report_text);
    for (size_t m = 0; m < n_mentions; m++)
        free(mentions[m].key);
    for (size_t a = 0; a < n_actors; a++) {
        if (actors[a].aliases)
            fclose(actors[a].aliases);
        free(actors[a].aliases_text);
    }
    for (int f = 0; f < 4; f++)
        free(bundle_text.text[f]);
    free(actors);
    free(mentions);
    free(events);
    free(rows);
    free(ties);
    free(dates);
    free(tie_starts);
    free(tie_ends);
    coopnet_bundle_free(check);
    coopnet_i_geocode_log_destroy(&places);
    coopnet_diag_list_destroy(&check_diags);
    coopnet_i_strmap_destroy(&event_keys);
    coopnet_i_strmap_destroy(&event_ids);
    coopnet_i_strmap_destroy(&pairs);
    coopnet_i_strmap_destroy(&importer.mapped_seen);
    coopnet_i_strmap_destroy(&importer.countries);
    coopnet_i_arena_destroy(&importer.strings);
    sheet_destroy(&importer.attendance);
    sheet_destroy(&importer.ties);
    return status;
}
