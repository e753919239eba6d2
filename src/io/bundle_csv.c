/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bundle_csv.c - the validating reader of a bundle directory of CSV files (see coopnet/bundle.h
 * and docs/bundle-format.md): every row is checked, every problem listed as FILE:LINE. */
#include "model/bundle_internal.h"
#include "coopnet/csv.h"
#include "coopnet/library.h"
#include "coopnet/text.h"
#include "core/internal.h"
#include "core/names.h"
#include "io/csv_internal.h"
#include "io/loaders.h"
#include "io/suggest.h"
#include "coopnet/dedupe.h"

#include <ctype.h>
#include <errno.h>
#include <math.h>
#include <pthread.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>

/* ---- the table reader -------------------------------------------------------------------- */

#define MAX_KNOWN_COLUMNS 13
/* Cells of the columns a file has beyond the known ones, rows x columns, at most: 512 MiB of
 * pointers (docs/bundle-format.md). */
#define MAX_EXTRA_CELLS (1 << 26)

typedef struct table_spec {
    const char *file;
    const char *columns[MAX_KNOWN_COLUMNS]; /* NULL-terminated */
    int n_required;                         /* the first n_required columns are required */
} table_spec_t;

enum {
    ACTOR_ID,
    ACTOR_NAME,
    ACTOR_LEVEL,
    ACTOR_TYPE,
    ACTOR_COUNTRY,
    ACTOR_LAT,
    ACTOR_LON,
    ACTOR_NAME_AR,
    ACTOR_NAME_FR,
    ACTOR_SOURCE
};
enum {
    EVENT_ID,
    EVENT_TITLE,
    EVENT_DATE,
    EVENT_END,
    EVENT_TYPE,
    EVENT_PLACE,
    EVENT_COUNTRY,
    EVENT_LAT,
    EVENT_LON,
    EVENT_SOURCE,
    EVENT_DATE_SOURCE,
    EVENT_PARTICIPANTS
};
enum { PART_EVENT, PART_ACTOR, PART_ROLE, PART_SOURCE };
enum {
    TIE_FROM,
    TIE_TO,
    TIE_TYPE,
    TIE_START,
    TIE_END,
    TIE_DIRECTED,
    TIE_WEIGHT,
    TIE_SOURCE,
    TIE_NOTE,
    TIE_START_SOURCE
};

static const table_spec_t actors_spec = {
    "actors.csv",
    {"id", "name", "level", "type", "country", "lat", "lon", "name_ar", "name_fr", "source"},
    3};
static const table_spec_t events_spec = {"events.csv",
                                         {"id", "title", "date", "end", "type", "place", "country",
                                          "lat", "lon", "source", "date_source", "participants"},
                                         3};
static const table_spec_t participation_spec = {
    "participation.csv", {"event", "actor", "role", "source"}, 2};
enum { SOURCE_ID, SOURCE_TITLE, SOURCE_PUBLISHER, SOURCE_DATE, SOURCE_URL, SOURCE_FILE };
static const table_spec_t sources_spec = {
    "sources.csv", {"id", "title", "publisher", "date", "url", "file"}, 2};
static const table_spec_t ties_spec = {
    "ties.csv",
    {"from", "to", "type", "start", "end", "directed", "weight", "source", "note", "start_source"},
    3};

typedef struct table_reader {
    const table_spec_t *spec;
    /* ids of actor and event rows that failed validation: a reference to one is not reported
     * again as unknown (the row's own error says what is wrong) */
    coopnet_strmap_t *failed_actor_ids, *failed_event_ids;
    coopnet_strmap_t *normalised_ids; /* the table's ids written otherwise than in NFC */
    int check_sources; /* the bundle has a sources.csv: every citation names one of its rows */
    /* actors.csv and events.csv could be read: an unknown reference is an error */
    int check_actors, check_events;
    coopnet_csv_t *csv;
    coopnet_diag_list_t *diags;
    coopnet_bundle_t *bundle;
    coopnet_arena_t *strings; /* where kept values go: the bundle's, or a reading thread's own */
    coopnet_extra_columns_t *extra;
    size_t n_rows; /* rows kept so far (for the extra values array) */
    size_t extra_capacity;

    size_t n_header;
    long column_of[MAX_KNOWN_COLUMNS]; /* record index of each known column, or -1 */
    /* per header field: the known column (-1: none) and the extra column (-1: none) it holds,
     * so that a row is spread over the columns in O(fields) however wide the sheet */
    int *known_of_field;
    long *extra_of_field;

    uint64_t line;
    const char *value[MAX_KNOWN_COLUMNS]; /* trimmed values of the current row ("" if absent) */
    /* per known column, the last text kept (bundle strings): a value that repeats the row above
     * ("synthetic: ...", a source cited by a whole sheet) is kept once */
    const char *last_kept[MAX_KNOWN_COLUMNS];
    const char **extra_value; /* trimmed values of the extra columns */
    /* the fields of the current row in NFC, per header field (NULL: already NFC), and whether each
     * known column's value was written otherwise */
    char **nfc_field;
    size_t nfc_capacity;
    bool was_normalised[MAX_KNOWN_COLUMNS];
    char *scratch;
    size_t scratch_capacity;
    int row_failed;
    int fatal; /* the table cannot be read further (memory, I/O) */
    /* When not 0: the byte offset where another thread reads on; next_row ends there (landed) if a
     * record ends exactly there, and reads on past it otherwise (the other thread's rows are then
     * not used) */
    uint64_t stop_at;
    int landed;
    /* the known columns whose values each row looks up in lookup_map (-1: none): their slots
     * are fetched into the cache a row ahead, while the row before is checked (a table of
     * 100 000 ids is larger than the caches near the core; a lookup otherwise waits for memory) */
    int lookup_column[2];
    const coopnet_strmap_t *lookup_map;
    uint64_t first_byte; /* where the reader's part of the input starts */
} table_reader_t;

static void row_error(table_reader_t *reader, int column, const char *format, ...)
    __attribute__((format(printf, 3, 4)));

static void row_error(table_reader_t *reader, int column, const char *format, ...)
{
    char message[COOPNET_ERROR_MESSAGE_SIZE];
    va_list args;
    va_start(args, format);
    vsnprintf(message, sizeof message, format, args);
    va_end(args);
    if (column >= 0)
        coopnet_diag_add(reader->diags, COOPNET_DIAG_ERROR, reader->spec->file, reader->line,
                         "column '%s': %s", reader->spec->columns[column], message);
    else
        coopnet_diag_add(reader->diags, COOPNET_DIAG_ERROR, reader->spec->file, reader->line, "%s",
                         message);
    reader->row_failed = 1;
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

/* Reads the header line and maps the columns. Returns 0 when the table can be read. */
static int read_header(table_reader_t *reader, int *status, coopnet_error_t *err)
{
    int have_record = 0;
    const char *file = reader->spec->file;
    coopnet_error_t csv_err;
    int csv_status;
    /* skip blank lines before the header */
    for (;;) {
        csv_status = coopnet_csv_next(reader->csv, &have_record, &csv_err);
        if (csv_status == COOPNET_EDATA) {
            coopnet_diag_add(reader->diags, COOPNET_DIAG_ERROR, file,
                             coopnet_csv_record_line(reader->csv), "%s", csv_err.message);
            return -1;
        }
        if (csv_status != COOPNET_OK) {
            *status = csv_status;
            memcpy(err, &csv_err, sizeof csv_err);
            return -1;
        }
        if (!have_record) {
            coopnet_diag_add(reader->diags, COOPNET_DIAG_ERROR, file, 0,
                             "empty file (expected a header line naming the columns, e.g. '%s,%s')",
                             reader->spec->columns[0], reader->spec->columns[1]);
            return -1;
        }
        size_t length;
        if (coopnet_csv_field_count(reader->csv) > 1 ||
            (coopnet_csv_field(reader->csv, 0, &length), length > 0))
            break;
    }
    reader->line = coopnet_csv_record_line(reader->csv);
    size_t n_fields = coopnet_csv_field_count(reader->csv);
    /* spreadsheets leave empty columns at the right: ignore them */
    while (n_fields > 1 && coopnet_csv_field(reader->csv, n_fields - 1, NULL)[0] == '\0')
        n_fields--;
    reader->n_header = n_fields;
    for (int c = 0; c < MAX_KNOWN_COLUMNS; c++)
        reader->column_of[c] = -1;

    if (n_fields == 1 && strchr(coopnet_csv_field(reader->csv, 0, NULL), ';')) {
        row_error(reader, -1,
                  "the header '%s' looks separated by ';': coopnet reads comma-separated CSV "
                  "(RFC 4180); export the sheet as \"CSV UTF-8 (comma delimited)\"",
                  coopnet_csv_field(reader->csv, 0, NULL));
        return -1;
    }

    reader->known_of_field = coopnet_i_alloc_array(n_fields, sizeof *reader->known_of_field);
    reader->extra_of_field = coopnet_i_alloc_array(n_fields, sizeof *reader->extra_of_field);
    reader->extra->names = coopnet_i_alloc_array(n_fields, sizeof *reader->extra->names);
    reader->extra_value = coopnet_i_alloc_array(n_fields, sizeof *reader->extra_value);
    if (!reader->known_of_field || !reader->extra_of_field || !reader->extra->names ||
        !reader->extra_value) {
        *status = COOPNET_ERROR(err, COOPNET_ENOMEM, "out of memory reading '%s'", file);
        return -1;
    }
    coopnet_arena_t *strings = reader->strings;
    coopnet_strmap_t extra_names; /* for finding a repeated extra column in O(1) */
    coopnet_i_strmap_init(&extra_names);
    int ok = 1;
    for (size_t f = 0; f < n_fields; f++) {
        size_t length;
        const char *raw = coopnet_csv_field(reader->csv, f, &length);
        trim(&raw, &length);
        char *name = coopnet_i_arena_strndup(strings, raw, length);
        reader->known_of_field[f] = -1;
        reader->extra_of_field[f] = -1;
        if (name == NULL) {
            *status = COOPNET_ERROR(err, COOPNET_ENOMEM, "out of memory reading '%s'", file);
            ok = 0;
            break;
        }
        for (char *p = name; *p; p++)
            *p = (char)tolower((unsigned char)*p);
        if (name[0] == '\0') {
            row_error(reader, -1, "column %zu of the header has no name", f + 1);
            ok = 0;
            continue;
        }
        int known = -1;
        for (int c = 0; reader->spec->columns[c]; c++)
            if (strcmp(reader->spec->columns[c], name) == 0)
                known = c;
        int64_t existing = -1;
        if (known < 0 && coopnet_i_strmap_put(&extra_names, name, (int64_t)f, &existing) != 0) {
            *status = COOPNET_ERROR(err, COOPNET_ENOMEM, "out of memory reading '%s'", file);
            ok = 0;
            break;
        }
        if ((known >= 0 && reader->column_of[known] >= 0) || existing >= 0) {
            row_error(reader, -1, "column '%s' appears twice in the header", name);
            ok = 0;
        } else if (known >= 0) {
            reader->column_of[known] = (long)f;
            reader->known_of_field[f] = known;
        } else {
            reader->extra_of_field[f] = (long)reader->extra->n_columns;
            reader->extra->names[reader->extra->n_columns++] = name;
        }
    }
    coopnet_i_strmap_destroy(&extra_names);
    if (*status != COOPNET_OK)
        return -1;
    for (int c = 0; c < reader->spec->n_required; c++) {
        if (reader->column_of[c] < 0) {
            row_error(reader, -1, "missing required column '%s' in the header",
                      reader->spec->columns[c]);
            ok = 0;
        }
    }
    return ok ? 0 : -1;
}

/* The name of header field f: a known column or an extra one. */
static const char *field_name(const table_reader_t *reader, size_t f)
{
    if (reader->known_of_field[f] >= 0)
        return reader->spec->columns[reader->known_of_field[f]];
    if (reader->extra_of_field[f] >= 0)
        return reader->extra->names[reader->extra_of_field[f]];
    return "?";
}

/* A bidirectional-text override (U+202E, ...) makes a name display as another text (reversed
 * ids and extensions): a warning naming where it is. */
static void warn_bidi_controls(table_reader_t *reader, size_t f, const char *value)
{
    /* only where a bidi control can start (coopnet_text_bidi_control): 0xD8 or 0xE2 */
    for (const char *p = value; (p = strpbrk(p, "\xd8\xe2")) != NULL; p++) {
        if (coopnet_text_bidi_control(p) > 0) {
            coopnet_diag_add(reader->diags, COOPNET_DIAG_WARNING, reader->spec->file, reader->line,
                             "column '%s': value '%.*s' holds a bidirectional-text control at "
                             "byte %zu: it can make the text display as another",
                             field_name(reader, f), (int)coopnet_text_prefix(value, 60), value,
                             (size_t)(p - value) + 1);
            return;
        }
    }
}

/* A text starting with = + - @, tab or CR (not a number such as -33.5) is run as a formula by
 * spreadsheets when a CSV is opened: a warning, since such ids and names reach coopnet's CSV
 * output (which neutralises them with a leading apostrophe; docs/bundle-format.md). */
static void warn_formula_like(table_reader_t *reader, size_t f, const char *value)
{
    if (!coopnet_text_formula_like(value))
        return;
    const char *shown = value + (value[0] == '\t' || value[0] == '\r');
    char first[3] = {value[0], '\0', '\0'};
    if (value[0] == '\t' || value[0] == '\r') {
        first[0] = '\\';
        first[1] = value[0] == '\t' ? 't' : 'r';
    }
    coopnet_diag_add(reader->diags, COOPNET_DIAG_WARNING, reader->spec->file, reader->line,
                     "column '%s': value starting with '%s' (%.*s%s): a spreadsheet may run it "
                     "as a formula; coopnet's CSV output writes it with a leading apostrophe",
                     field_name(reader, f), first, (int)coopnet_text_prefix(shown, 40), shown,
                     strlen(shown) > 40 ? "..." : "");
}

/* Reads the next data row into reader->value (trimmed, NUL-terminated copies). Returns 1 for a
 * row, 0 at the end. Malformed rows are reported and skipped. */
/* Fetches the id-table slots of the lookup columns: of the current row (its n_fields fields read;
 * fetched already unless the row before could not see it) and of the next row when its bytes are
 * at hand. */
static void prefetch_lookups(const table_reader_t *reader, size_t n_fields)
{
    for (int k = 0; k < 2; k++) {
        int column = reader->lookup_column[k];
        if (column < 0 || reader->column_of[column] < 0)
            continue;
        size_t field = (size_t)reader->column_of[column], length;
        if (field < n_fields) {
            const char *raw = coopnet_csv_field(reader->csv, field, &length);
            coopnet_i_strmap_prefetch(reader->lookup_map, raw, length);
        }
        const char *next = coopnet_i_csv_peek_field(reader->csv, field, &length);
        if (next != NULL)
            coopnet_i_strmap_prefetch(reader->lookup_map, next, length);
    }
}

static int next_row(table_reader_t *reader, int *status, coopnet_error_t *err)
{
    const char *file = reader->spec->file;
    for (;;) {
        if (reader->stop_at > 0) {
            uint64_t at = coopnet_csv_bytes_read(reader->csv);
            if (at == reader->stop_at) {
                reader->landed = 1;
                return 0;
            }
            if (at > reader->stop_at)
                reader->stop_at = 0; /* a record runs over the offset: read on to the end */
        }
        int have_record;
        coopnet_error_t csv_err;
        int csv_status = coopnet_csv_next(reader->csv, &have_record, &csv_err);
        reader->line = coopnet_csv_record_line(reader->csv);
        if (csv_status == COOPNET_EDATA) {
            long bad = coopnet_csv_bad_field(reader->csv);
            if (bad >= 0 && (size_t)bad < reader->n_header) {
                const char *column = NULL;
                if (reader->known_of_field[bad] >= 0)
                    column = reader->spec->columns[reader->known_of_field[bad]];
                else if (reader->extra_of_field[bad] >= 0)
                    column = reader->extra->names[reader->extra_of_field[bad]];
                if (column) {
                    coopnet_diag_add(reader->diags, COOPNET_DIAG_ERROR, file, reader->line,
                                     "column '%s': %s", column, csv_err.message);
                    continue;
                }
            }
            coopnet_diag_add(reader->diags, COOPNET_DIAG_ERROR, file, reader->line, "%s",
                             csv_err.message);
            continue;
        }
        if (csv_status != COOPNET_OK) {
            *status = csv_status;
            memcpy(err, &csv_err, sizeof csv_err);
            reader->fatal = 1;
            return 0;
        }
        if (!have_record)
            return 0;

        size_t n_fields = coopnet_csv_field_count(reader->csv);
        size_t total = 0;
        int all_empty = 1;
        for (size_t f = 0; f < n_fields; f++) {
            size_t length;
            coopnet_csv_field(reader->csv, f, &length);
            total += length + 1;
            if (length > 0)
                all_empty = 0;
        }
        if (all_empty)
            continue; /* blank line or a row of empty cells */
        prefetch_lookups(reader, n_fields);
        size_t used = n_fields;
        while (used > reader->n_header && coopnet_csv_field(reader->csv, used - 1, NULL)[0] == 0)
            used--;
        if (used != reader->n_header) {
            coopnet_diag_add(reader->diags, COOPNET_DIAG_ERROR, file, reader->line,
                             "expected %zu fields as in the header, found %zu%s", reader->n_header,
                             used,
                             used < reader->n_header ? "" : " (a comma inside an unquoted field?)");
            continue;
        }
        /* every field in Unicode NFC, so that one text typed two ways (NFC and NFD "café") is
         * one id and outputs hold one spelling; the lengths may change */
        if (coopnet_i_grow((void **)&reader->nfc_field, &reader->nfc_capacity, reader->n_header,
                           sizeof *reader->nfc_field) != COOPNET_OK) {
            *status = COOPNET_ERROR(err, COOPNET_ENOMEM, "out of memory reading '%s'", file);
            reader->fatal = 1;
            return 0;
        }
        /* ASCII is its own NFC and holds no bidirectional-text control */
        bool ascii = coopnet_i_csv_record_ascii(reader->csv);
        bool out_of_memory = false;
        for (size_t f = 0; f < reader->n_header; f++)
            reader->nfc_field[f] = NULL;
        for (size_t f = 0; !ascii && f < reader->n_header; f++) {
            size_t length, nfc_length;
            const char *raw = coopnet_csv_field(reader->csv, f, &length);
            trim(&raw, &length);
            if (!coopnet_i_names_nfc(raw, length, &reader->nfc_field[f], &nfc_length))
                out_of_memory = true; /* the CSV reader checked the UTF-8 */
            total += nfc_length > length ? nfc_length - length : 0;
        }
        if (out_of_memory || coopnet_i_grow((void **)&reader->scratch, &reader->scratch_capacity,
                                            total + 1, 1) != COOPNET_OK) {
            for (size_t f = 0; f < reader->n_header; f++)
                free(reader->nfc_field[f]);
            *status = COOPNET_ERROR(err, COOPNET_ENOMEM, "out of memory reading '%s'", file);
            reader->fatal = 1;
            return 0;
        }
        char *out = reader->scratch;
        for (int c = 0; c < MAX_KNOWN_COLUMNS; c++) {
            reader->value[c] = "";
            reader->was_normalised[c] = false;
        }
        for (size_t f = 0; f < reader->n_header; f++) {
            size_t length;
            const char *raw = coopnet_csv_field(reader->csv, f, &length);
            trim(&raw, &length);
            char *nfc = reader->nfc_field[f];
            if (nfc != NULL) {
                raw = nfc;
                length = strlen(nfc);
            }
            memcpy(out, raw, length);
            out[length] = '\0';
            free(nfc);
            reader->nfc_field[f] = NULL;
            if (reader->known_of_field[f] >= 0) {
                reader->value[reader->known_of_field[f]] = out;
                reader->was_normalised[reader->known_of_field[f]] = nfc != NULL;
            } else if (reader->extra_of_field[f] >= 0) {
                reader->extra_value[reader->extra_of_field[f]] = out;
            }
            warn_formula_like(reader, f, out);
            if (!ascii)
                warn_bidi_controls(reader, f, out);
            out += length + 1;
        }
        reader->row_failed = 0;
        return 1;
    }
}

/* Keeps the extra values of the row just accepted (row index reader->n_rows). */
static int keep_extra(table_reader_t *reader)
{
    size_t n_columns = reader->extra->n_columns;
    if (n_columns == 0) {
        reader->n_rows++;
        return COOPNET_OK;
    }
    if ((reader->n_rows + 1) * n_columns > MAX_EXTRA_CELLS) {
        /* 8 bytes a cell, whatever its text: a file of empty cells in many extra columns
         * would otherwise cost 8 times its size */
        coopnet_diag_add(reader->diags, COOPNET_DIAG_ERROR, reader->spec->file, reader->line,
                         "the %zu columns coopnet does not define hold more than %d cells in "
                         "all (rows x columns): refused, so that memory stays bounded; remove "
                         "the columns the analysis does not need",
                         n_columns, MAX_EXTRA_CELLS);
        return COOPNET_EDATA;
    }
    if (coopnet_i_grow((void **)&reader->extra->values, &reader->extra_capacity,
                       (reader->n_rows + 1) * n_columns,
                       sizeof *reader->extra->values) != COOPNET_OK)
        return COOPNET_ENOMEM;
    for (size_t e = 0; e < n_columns; e++) {
        const char *value = reader->extra_value[e];
        char *copy = coopnet_i_arena_strndup(reader->strings, value, strlen(value));
        if (copy == NULL)
            return COOPNET_ENOMEM;
        reader->extra->values[reader->n_rows * n_columns + e] = copy;
    }
    reader->n_rows++;
    return COOPNET_OK;
}

/* The bundle's copy of the current row's value in column (NULL when memory ran out); a value
 * equal to the one kept from the row before is that same copy (bundle strings are read-only). */
static const char *keep_string(table_reader_t *reader, int column)
{
    const char *value = reader->value[column];
    const char *last = reader->last_kept[column];
    if (last != NULL && strcmp(last, value) == 0)
        return last;
    const char *kept = coopnet_i_arena_strndup(reader->strings, value, strlen(value));
    reader->last_kept[column] = kept;
    return kept;
}

/* A plain decimal ("-7.123", "34") read exactly without strtod when it is short: its digits as
 * a whole number below 2^53 divided by a power of ten up to 10^22, both exact doubles, which one
 * correctly rounded division makes the nearest double, as strtod gives (Clinger's fast path).
 * Returns 0 and *value, or -1 for any other text (strtod then decides). */
static int parse_short_decimal(const char *text, double *value)
{
    static const double powers[] = {1e0,  1e1,  1e2,  1e3,  1e4,  1e5,  1e6,  1e7,
                                    1e8,  1e9,  1e10, 1e11, 1e12, 1e13, 1e14, 1e15,
                                    1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22};
    const char *p = text;
    bool negative = *p == '-';
    if (*p == '-' || *p == '+')
        p++;
    uint64_t digits = 0;
    int n_digits = 0, n_fraction = -1;
    for (;; p++) {
        if (*p >= '0' && *p <= '9') {
            if (++n_digits > 15)
                return -1; /* 15 digits stay below 2^53 */
            digits = digits * 10 + (uint64_t)(*p - '0');
            if (n_fraction >= 0)
                n_fraction++;
        } else if (*p == '.' && n_fraction < 0) {
            n_fraction = 0;
        } else {
            break;
        }
    }
    if (*p != '\0' || n_digits == 0)
        return -1;
    double number = (double)digits / powers[n_fraction > 0 ? n_fraction : 0];
    *value = negative ? -number : number;
    return 0;
}

static int parse_number(const char *text, double *value)
{
    if (text[0] == '\0')
        return -1;
    if (parse_short_decimal(text, value) == 0)
        return 0;
    char *end;
    errno = 0;
    *value = strtod(text, &end);
    if (*end != '\0' || errno == ERANGE || !isfinite(*value))
        return -1;
    /* strtod accepts hex floats and "infinity": only plain decimal numbers are wanted */
    for (const char *p = text; *p; p++)
        if (!strchr("0123456789+-.eE", *p))
            return -1;
    return 0;
}

static void number_error(table_reader_t *reader, int column, const char *what)
{
    const char *text = reader->value[column];
    const char *hint = strchr(text, ',') ? " (use a point as the decimal separator)" : "";
    row_error(reader, column, "invalid number '%s'%s%s", text, what, hint);
}

/* Optional coordinates: both or neither. */
static void read_coordinates(table_reader_t *reader, int lat_column, int lon_column, double *lat,
                             double *lon)
{
    *lat = NAN;
    *lon = NAN;
    const char *lat_text = reader->value[lat_column];
    const char *lon_text = reader->value[lon_column];
    if (lat_text[0] == '\0' && lon_text[0] == '\0')
        return;
    if (lat_text[0] == '\0' || lon_text[0] == '\0') {
        row_error(reader, lat_text[0] ? lon_column : lat_column,
                  "empty while '%s' is given (give both coordinates or neither)",
                  reader->spec->columns[lat_text[0] ? lat_column : lon_column]);
        return;
    }
    double value;
    if (parse_number(lat_text, &value) != 0)
        number_error(reader, lat_column, "");
    else if (value < -90 || value > 90)
        row_error(reader, lat_column, "latitude '%s' outside [-90, 90]", lat_text);
    else
        *lat = value;
    if (parse_number(lon_text, &value) != 0)
        number_error(reader, lon_column, "");
    else if (value < -180 || value > 180)
        row_error(reader, lon_column, "longitude '%s' outside [-180, 180]", lon_text);
    else
        *lon = value;
}

/* The optional number of participants the sources state: "40", or "40+" for at least 40. */
static void read_stated_participants(table_reader_t *reader, int column, coopnet_event_t *event)
{
    const char *text = reader->value[column];
    if (text[0] == '\0')
        return;
    const char *end = text;
    uint64_t count = 0;
    while (*end >= '0' && *end <= '9' && count <= UINT32_MAX)
        count = count * 10 + (uint64_t)(*end++ - '0');
    bool at_least = *end == '+';
    if (end == text || count == 0 || count > UINT32_MAX || end[at_least] != '\0') {
        row_error(reader, column,
                  "invalid participant count '%s' (expected a whole number from 1, or N+ for at "
                  "least N: 40, 40+)",
                  text);
        return;
    }
    event->stated_participants = count;
    event->stated_at_least = at_least;
}

static const char *read_country(table_reader_t *reader, int column)
{
    const char *text = reader->value[column];
    if (text[0] == '\0')
        return "";
    char code[3] = {0};
    if (strlen(text) == 2) {
        code[0] = (char)toupper((unsigned char)text[0]);
        code[1] = (char)toupper((unsigned char)text[1]);
    }
    if (!coopnet_country_is_valid(code)) {
        char hint[64];
        if (strcasecmp(text, "UK") == 0)
            snprintf(hint, sizeof hint, " (the United Kingdom is 'GB')");
        else
            coopnet_i_suggest_country(text, hint, sizeof hint);
        row_error(reader, column, "unknown country code '%s' (expected ISO 3166-1 alpha-2)%s", text,
                  hint);
        return "";
    }
    return coopnet_i_arena_strndup(reader->strings, code, 2);
}

static coopnet_date_t read_date(table_reader_t *reader, int column)
{
    coopnet_date_t date;
    coopnet_error_t date_err;
    if (coopnet_date_parse(reader->value[column], &date, &date_err) != COOPNET_OK)
        row_error(reader, column, "%s", date_err.message);
    return date;
}

static int require_value(table_reader_t *reader, int column)
{
    if (reader->value[column][0] != '\0')
        return 1;
    row_error(reader, column, "empty value (required)");
    return 0;
}

/* ---- the four files ---------------------------------------------------------------------- */

typedef struct loader {
    coopnet_bundle_t *bundle;
    coopnet_diag_list_t *diags;
    int actors_ok, events_ok; /* their headers could be read: references can be checked */
    coopnet_strmap_t failed_actor_ids, failed_event_ids;
    /* the ids written otherwise than in NFC, of actors.csv and of events.csv (read side by side,
     * each by its own thread) */
    coopnet_strmap_t normalised_actor_ids, normalised_event_ids;
    int sources_ok;                       /* sources.csv was read: citations can be checked */
    coopnet_extra_columns_t source_extra; /* its extra columns (not kept in the bundle) */
    coopnet_arena_t *strings;             /* where kept values go: the bundle's, or a thread's */
} loader_t;

/* Each citation of a source cell ("ref: quote | ref: quote", or a bare "ref") must name a source
 * of sources.csv by its id or its file. */
static void check_citations(table_reader_t *reader, int column)
{
    const char *p = reader->value[column];
    if (!reader->check_sources || p[0] == '\0')
        return;
    while (*p) {
        const char *bar = strstr(p, " | ");
        size_t length = bar ? (size_t)(bar - p) : strlen(p);
        const char *colon = memchr(p, ':', length);
        size_t ref_length = colon ? (size_t)(colon - p) : length;
        const char *ref = p;
        trim(&ref, &ref_length);
        if (coopnet_bundle_find_source(reader->bundle, ref, ref_length) < 0) {
            char hint[256];
            coopnet_i_suggest_source(reader->bundle, ref, ref_length, hint, sizeof hint);
            row_error(reader, column,
                      "unknown source '%.*s' (neither an id nor a file of sources.csv)%s",
                      (int)(ref_length < 200 ? ref_length : 200), ref, hint);
            return;
        }
        p = bar ? bar + 3 : p + length;
    }
}

/* Remembers the id of an actor or event row that failed validation (best effort: out of memory,
 * a later reference is reported as unknown, as before). */
static void remember_failed_id(table_reader_t *reader, int column, coopnet_strmap_t *failed)
{
    const char *id = reader->value[column];
    if (failed == NULL || id[0] == '\0')
        return;
    const char *kept = coopnet_i_arena_strndup(reader->strings, id, strlen(id));
    if (kept != NULL)
        coopnet_i_strmap_put(failed, kept, 0, NULL);
}

/* The error for an id that an earlier row (on first_line) holds; when either was written in
 * another Unicode form than NFC (the loader normalises every field), says so, since the two rows
 * then look different in the file. */
static void duplicate_id_error(table_reader_t *reader, int column, uint64_t first_line)
{
    const char *id = reader->value[column];
    bool written_otherwise =
        reader->was_normalised[column] || coopnet_i_strmap_get(reader->normalised_ids, id) >= 0;
    row_error(reader, column, "duplicate id '%s' (first on line %llu%s)", id,
              (unsigned long long)first_line,
              written_otherwise ? "; the two are the same text once in Unicode NFC form, written "
                                  "with different code points (NFC and NFD)"
                                : "");
}

/* Remembers the id just kept (owned by the bundle's strings) when its row wrote it in another
 * Unicode form than NFC. */
static int remember_normalised_id(table_reader_t *reader, int column, const char *kept)
{
    if (!reader->was_normalised[column])
        return COOPNET_OK;
    return coopnet_i_strmap_put(reader->normalised_ids, kept, 0, NULL) == 0 ? COOPNET_OK
                                                                            : COOPNET_ENOMEM;
}

/* After this many rows, a table's arrays and id map are sized for the rest of its part of the
 * file. */
#define ROWS_BEFORE_ESTIMATE 4096

/* The rows the reader's part of the input will give, judged from the bytes its first rows took
 * (rows of a file are alike in length), with 5 % to spare: its array is then allocated once at
 * about its final size instead of doubled, each doubling copying it into fresh memory (the
 * largest cost of reading a large file is the kernel clearing fresh pages). 0 when the size of
 * the input is not known. */
static size_t expected_rows(const table_reader_t *reader, size_t rows)
{
    uint64_t end = reader->stop_at > 0 ? reader->stop_at : coopnet_i_csv_input_size(reader->csv);
    uint64_t read = coopnet_csv_bytes_read(reader->csv);
    if (rows == 0 || end <= read || read <= reader->first_byte)
        return 0;
    double bytes_per_row = (double)(read - reader->first_byte) / (double)rows;
    double wanted = (double)rows + (double)(end - read) / bytes_per_row * 1.05 + 64;
    return wanted < (double)(SIZE_MAX / 64) ? (size_t)wanted : 0;
}

static int read_actor_row(table_reader_t *reader)
{
    coopnet_bundle_t *bundle = reader->bundle;
    coopnet_bundle_internal_t *internal = bundle->internal;
    coopnet_actor_t actor;
    memset(&actor, 0, sizeof actor);
    actor.line = reader->line;
    if (require_value(reader, ACTOR_ID)) {
        long first = coopnet_bundle_find_actor(bundle, reader->value[ACTOR_ID]);
        if (first >= 0)
            duplicate_id_error(reader, ACTOR_ID, bundle->actors[first].line);
    }
    require_value(reader, ACTOR_NAME);
    int level = coopnet_level_parse(reader->value[ACTOR_LEVEL]);
    if (level < 0) {
        char hint[64];
        coopnet_i_suggest_level(reader->value[ACTOR_LEVEL], hint, sizeof hint);
        row_error(reader, ACTOR_LEVEL,
                  "unknown level '%s' (expected local, regional, national or international)%s",
                  reader->value[ACTOR_LEVEL], hint);
    }
    actor.level = level < 0 ? COOPNET_LEVEL_LOCAL : (coopnet_level_t)level;
    actor.country = read_country(reader, ACTOR_COUNTRY);
    read_coordinates(reader, ACTOR_LAT, ACTOR_LON, &actor.lat, &actor.lon);
    check_citations(reader, ACTOR_SOURCE);
    if (reader->row_failed) {
        remember_failed_id(reader, ACTOR_ID, reader->failed_actor_ids);
        return COOPNET_OK;
    }

    actor.id = keep_string(reader, ACTOR_ID);
    actor.name = keep_string(reader, ACTOR_NAME);
    actor.type = keep_string(reader, ACTOR_TYPE);
    actor.name_ar = keep_string(reader, ACTOR_NAME_AR);
    actor.name_fr = keep_string(reader, ACTOR_NAME_FR);
    actor.source = keep_string(reader, ACTOR_SOURCE);
    if (!actor.id || !actor.name || !actor.type || !actor.name_ar || !actor.name_fr ||
        !actor.source)
        return COOPNET_ENOMEM;
    if (bundle->n_actors == ROWS_BEFORE_ESTIMATE) {
        size_t expected = expected_rows(reader, bundle->n_actors);
        if (coopnet_i_reserve((void **)&bundle->actors, &internal->actor_capacity, expected,
                              sizeof *bundle->actors) != COOPNET_OK ||
            coopnet_i_strmap_reserve(&internal->actor_ids, expected) != 0)
            return COOPNET_ENOMEM;
    }
    if (coopnet_i_grow((void **)&bundle->actors, &internal->actor_capacity, bundle->n_actors + 1,
                       sizeof *bundle->actors) != COOPNET_OK ||
        coopnet_i_strmap_put(&internal->actor_ids, actor.id, (int64_t)bundle->n_actors, NULL) != 0)
        return COOPNET_ENOMEM;
    bundle->actors[bundle->n_actors++] = actor;
    if (remember_normalised_id(reader, ACTOR_ID, actor.id) != COOPNET_OK)
        return COOPNET_ENOMEM;
    return keep_extra(reader);
}

static int read_event_row(table_reader_t *reader)
{
    coopnet_bundle_t *bundle = reader->bundle;
    coopnet_bundle_internal_t *internal = bundle->internal;
    coopnet_event_t event;
    memset(&event, 0, sizeof event);
    event.line = reader->line;
    if (require_value(reader, EVENT_ID)) {
        long first = coopnet_bundle_find_event(bundle, reader->value[EVENT_ID]);
        if (first >= 0)
            duplicate_id_error(reader, EVENT_ID, bundle->events[first].line);
    }
    require_value(reader, EVENT_TITLE);
    event.date = read_date(reader, EVENT_DATE);
    event.end = read_date(reader, EVENT_END);
    if (event.end.precision != COOPNET_DATE_NONE) {
        if (event.date.precision == COOPNET_DATE_NONE && reader->value[EVENT_DATE][0] == '\0')
            row_error(reader, EVENT_END, "end '%s' given for an undated event",
                      reader->value[EVENT_END]);
        else if (event.date.precision != COOPNET_DATE_NONE &&
                 coopnet_date_last_day(event.end) < event.date.day)
            row_error(reader, EVENT_END, "end '%s' is before the date '%s'",
                      reader->value[EVENT_END], reader->value[EVENT_DATE]);
    }
    event.country = read_country(reader, EVENT_COUNTRY);
    read_coordinates(reader, EVENT_LAT, EVENT_LON, &event.lat, &event.lon);
    read_stated_participants(reader, EVENT_PARTICIPANTS, &event);
    check_citations(reader, EVENT_SOURCE);
    if (reader->row_failed) {
        remember_failed_id(reader, EVENT_ID, reader->failed_event_ids);
        return COOPNET_OK;
    }

    event.id = keep_string(reader, EVENT_ID);
    event.title = keep_string(reader, EVENT_TITLE);
    event.type = keep_string(reader, EVENT_TYPE);
    event.place = keep_string(reader, EVENT_PLACE);
    event.source = keep_string(reader, EVENT_SOURCE);
    event.date_source = keep_string(reader, EVENT_DATE_SOURCE);
    if (!event.id || !event.title || !event.type || !event.place || !event.source ||
        !event.date_source)
        return COOPNET_ENOMEM;
    if (bundle->n_events == ROWS_BEFORE_ESTIMATE) {
        size_t expected = expected_rows(reader, bundle->n_events);
        if (coopnet_i_reserve((void **)&bundle->events, &internal->event_capacity, expected,
                              sizeof *bundle->events) != COOPNET_OK ||
            coopnet_i_strmap_reserve(&internal->event_ids, expected) != 0)
            return COOPNET_ENOMEM;
    }
    if (coopnet_i_grow((void **)&bundle->events, &internal->event_capacity, bundle->n_events + 1,
                       sizeof *bundle->events) != COOPNET_OK ||
        coopnet_i_strmap_put(&internal->event_ids, event.id, (int64_t)bundle->n_events, NULL) != 0)
        return COOPNET_ENOMEM;
    bundle->events[bundle->n_events++] = event;
    if (remember_normalised_id(reader, EVENT_ID, event.id) != COOPNET_OK)
        return COOPNET_ENOMEM;
    return keep_extra(reader);
}

typedef struct participation_state {
    coopnet_u64map_t pairs; /* (event << 32 | actor) -> participation index */
    long last_event;        /* the event of the previous row: rows usually come by event */
    /* While each event's rows are contiguous (the usual layout), a duplicate (event, actor) can
     * only be in the current event's run: a per-actor note of the last event and row finds it
     * without the hash map. The first event to come back switches to the map for good. */
    int grouped;
    long current_event;
    unsigned char *event_seen; /* per event */
    int32_t *actor_last_event; /* per actor, -1 when none */
    size_t *actor_last_row;    /* per actor */
} participation_state_t;

/* The participation already kept for (event, actor), or -1 after noting this row as it. */
static int find_duplicate(participation_state_t *state, const coopnet_participation_t *rows,
                          size_t n_rows, long event, long actor, int64_t *existing)
{
    if (state->grouped && event != state->current_event && state->event_seen[event]) {
        state->grouped = 0; /* an event came back: from now on, the map of every pair */
        for (size_t p = 0; p < n_rows; p++) {
            const coopnet_participation_t *kept = &rows[p];
            uint64_t key = ((uint64_t)kept->event << 32) | (uint64_t)kept->actor;
            if (coopnet_i_u64map_put(&state->pairs, key, (int64_t)p, NULL) != 0)
                return COOPNET_ENOMEM;
        }
    }
    if (!state->grouped) {
        uint64_t key = ((uint64_t)event << 32) | (uint64_t)actor;
        return coopnet_i_u64map_put(&state->pairs, key, (int64_t)n_rows, existing) != 0
                   ? COOPNET_ENOMEM
                   : COOPNET_OK;
    }
    state->current_event = event;
    state->event_seen[event] = 1;
    if (state->actor_last_event[actor] == (int32_t)event) {
        *existing = (int64_t)state->actor_last_row[actor];
        return COOPNET_OK;
    }
    *existing = -1;
    state->actor_last_event[actor] = (int32_t)event;
    state->actor_last_row[actor] = n_rows;
    return COOPNET_OK;
}

static long find_reference(table_reader_t *reader, int column, int is_event, int checkable)
{
    const char *id = reader->value[column];
    if (!require_value(reader, column))
        return -1;
    long index = is_event ? coopnet_bundle_find_event(reader->bundle, id)
                          : coopnet_bundle_find_actor(reader->bundle, id);
    coopnet_strmap_t *failed = is_event ? reader->failed_event_ids : reader->failed_actor_ids;
    if (index < 0 && checkable && failed != NULL && coopnet_i_strmap_get(failed, id) >= 0)
        reader->row_failed = 1; /* its row's error was reported already */
    else if (index < 0 && checkable)
        row_error(reader, column, "unknown %s '%s' (not in %s)", is_event ? "event" : "actor", id,
                  is_event ? "events.csv" : "actors.csv");
    else if (index < 0)
        reader->row_failed = 1;
    return index;
}

static int participation_state_init(participation_state_t *state, const coopnet_bundle_t *bundle)
{
    memset(state, 0, sizeof *state);
    coopnet_i_u64map_init(&state->pairs);
    state->last_event = -1;
    state->grouped = 1;
    state->current_event = -1;
    size_t n_actors = bundle->n_actors ? bundle->n_actors : 1;
    state->event_seen = calloc(bundle->n_events ? bundle->n_events : 1, 1);
    state->actor_last_event = coopnet_i_alloc_array(n_actors, sizeof *state->actor_last_event);
    state->actor_last_row = coopnet_i_alloc_array(n_actors, sizeof *state->actor_last_row);
    if (!state->event_seen || !state->actor_last_event || !state->actor_last_row)
        return COOPNET_ENOMEM;
    memset(state->actor_last_event, 0xFF, n_actors * sizeof *state->actor_last_event);
    return COOPNET_OK;
}

static void participation_state_destroy(participation_state_t *state)
{
    coopnet_i_u64map_destroy(&state->pairs);
    free(state->event_seen);
    free(state->actor_last_event);
    free(state->actor_last_row);
    memset(state, 0, sizeof *state);
}

static void warn_repeated_pair(table_reader_t *reader, uint64_t line, int32_t event, int32_t actor,
                               uint64_t first_line)
{
    const coopnet_bundle_t *bundle = reader->bundle;
    coopnet_diag_add(reader->diags, COOPNET_DIAG_WARNING, reader->spec->file, line,
                     "actor '%s' is listed twice for event '%s' (first on line %llu); merged",
                     bundle->actors[actor].id, bundle->events[event].id,
                     (unsigned long long)first_line);
}

/* Checks the current row of participation.csv into *row (its source kept in reader->strings).
 * Returns 1 for a valid row, 0 for one with errors (said in reader->diags), -1 when out of
 * memory. *last_event is the event of the row before (rows usually come by event). Reads the
 * bundle only, so that two threads can check the two halves of a file at once. */
static int check_participation_row(table_reader_t *reader, long *last_event,
                                   coopnet_participation_t *row)
{
    const coopnet_bundle_t *bundle = reader->bundle;
    long event;
    if (*last_event >= 0 &&
        strcmp(reader->value[PART_EVENT], bundle->events[*last_event].id) == 0) {
        event = *last_event; /* the same answer as the lookup, without the hash table */
    } else {
        event = find_reference(reader, PART_EVENT, 1, reader->check_events);
        if (event >= 0)
            *last_event = event;
    }
    long actor = find_reference(reader, PART_ACTOR, 0, reader->check_actors);
    int role = reader->value[PART_ROLE][0] ? coopnet_role_parse(reader->value[PART_ROLE])
                                           : COOPNET_ROLE_PARTICIPANT;
    if (role < 0) {
        char hint[64];
        coopnet_i_suggest_role(reader->value[PART_ROLE], hint, sizeof hint);
        row_error(reader, PART_ROLE,
                  "unknown role '%s' (expected host, organiser, presenter, participant, learner, "
                  "funder or facilitator)%s",
                  reader->value[PART_ROLE], hint);
    }
    check_citations(reader, PART_SOURCE);
    if (reader->row_failed)
        return 0;
    *row = (coopnet_participation_t){(int32_t)event, (int32_t)actor, (coopnet_role_t)role,
                                     keep_string(reader, PART_SOURCE), reader->line};
    return row->source != NULL ? 1 : -1;
}

/* Keeps a valid row in the bundle, or merges it into the row kept already for its event and actor
 * (with a warning). Rows must come in the file's order. *first_line: the line of the row kept for
 * the pair. */
static int keep_participation(table_reader_t *reader, participation_state_t *state,
                              const coopnet_participation_t *row, uint64_t *first_line)
{
    coopnet_bundle_t *bundle = reader->bundle;
    int64_t existing;
    if (find_duplicate(state, bundle->participations, bundle->n_participations, row->event,
                       row->actor, &existing) != COOPNET_OK)
        return COOPNET_ENOMEM;
    if (existing >= 0) {
        coopnet_participation_t *first = &bundle->participations[existing];
        warn_repeated_pair(reader, row->line, row->event, row->actor, first->line);
        *first_line = first->line;
        if (first->role == COOPNET_ROLE_PARTICIPANT)
            first->role = row->role;
        return COOPNET_OK;
    }
    if (bundle->n_participations == ROWS_BEFORE_ESTIMATE &&
        coopnet_i_reserve((void **)&bundle->participations,
                          &bundle->internal->participation_capacity,
                          expected_rows(reader, bundle->n_participations),
                          sizeof *bundle->participations) != COOPNET_OK)
        return COOPNET_ENOMEM;
    if (coopnet_i_grow((void **)&bundle->participations, &bundle->internal->participation_capacity,
                       bundle->n_participations + 1, sizeof *bundle->participations) != COOPNET_OK)
        return COOPNET_ENOMEM;
    bundle->participations[bundle->n_participations++] = *row;
    *first_line = row->line;
    return keep_extra(reader);
}

static int read_participation_row(table_reader_t *reader, participation_state_t *state)
{
    coopnet_participation_t row;
    int valid = check_participation_row(reader, &state->last_event, &row);
    if (valid < 0)
        return COOPNET_ENOMEM;
    uint64_t first_line;
    return valid ? keep_participation(reader, state, &row, &first_line) : COOPNET_OK;
}

/* ---- participation.csv in two halves ------------------------------------------------------ */

/* A file this large (and two cores) is read by two threads: the calling one reads up to a line
 * start near the middle, another the rest into its own rows, diagnostics and strings, which are
 * then taken in the file's order, so that the outcome is the one reading: the same rows, the same
 * messages in the same order. */
#define SPLIT_MIN_BYTES ((uint64_t)1 << 20)

/* A repeated pair in the second half, kept among its diagnostics as a placeholder: the warning
 * names the line of the pair's first row, which is known only once the halves are joined. */
typedef struct repeat_note {
    size_t item; /* the placeholder among the half's kept diagnostics */
    size_t row;  /* the half's row of the pair */
} repeat_note_t;

typedef struct participation_half {
    table_reader_t reader;
    participation_state_t state; /* the pairs of the half */
    coopnet_diag_list_t diags;
    coopnet_arena_t strings;
    /* the half's valid rows, each pair once (a repeat merged into the first), lines counted from
     * the half's start: memory follows the distinct pairs, as in one reading */
    coopnet_participation_t *rows;
    size_t n_rows, capacity;
    repeat_note_t *notes;
    size_t n_notes, notes_capacity;
    int status;
    coopnet_error_t err;
} participation_half_t;

/* Keeps a checked row of the half, or merges a repeat into the half's first row of the pair with
 * a placeholder warning. */
static int keep_in_half(participation_half_t *half, const coopnet_participation_t *row)
{
    int64_t existing;
    if (find_duplicate(&half->state, half->rows, half->n_rows, row->event, row->actor, &existing) !=
        COOPNET_OK)
        return COOPNET_ENOMEM;
    if (existing < 0) {
        if (half->n_rows == ROWS_BEFORE_ESTIMATE &&
            coopnet_i_reserve((void **)&half->rows, &half->capacity,
                              expected_rows(&half->reader, half->n_rows),
                              sizeof *half->rows) != COOPNET_OK)
            return COOPNET_ENOMEM;
        if (coopnet_i_grow((void **)&half->rows, &half->capacity, half->n_rows + 1,
                           sizeof *half->rows) != COOPNET_OK)
            return COOPNET_ENOMEM;
        half->rows[half->n_rows++] = *row;
        return COOPNET_OK;
    }
    coopnet_participation_t *first = &half->rows[existing];
    if (first->role == COOPNET_ROLE_PARTICIPANT)
        first->role = row->role;
    size_t kept_before = half->diags.n_items;
    coopnet_diag_add(&half->diags, COOPNET_DIAG_WARNING, half->reader.spec->file, row->line,
                     "(repeated pair)");
    if (half->diags.n_items == kept_before)
        return COOPNET_OK; /* counted, not kept: no message to write */
    if (coopnet_i_grow((void **)&half->notes, &half->notes_capacity, half->n_notes + 1,
                       sizeof *half->notes) != COOPNET_OK)
        return COOPNET_ENOMEM;
    half->notes[half->n_notes++] = (repeat_note_t){kept_before, (size_t)existing};
    return COOPNET_OK;
}

static void *read_participation_half(void *argument)
{
    participation_half_t *half = argument;
    table_reader_t *reader = &half->reader;
    int status = COOPNET_OK;
    while (status == COOPNET_OK && next_row(reader, &status, &half->err)) {
        coopnet_participation_t row;
        int valid = check_participation_row(reader, &half->state.last_event, &row);
        if (valid < 0 || (valid > 0 && keep_in_half(half, &row) != COOPNET_OK))
            status = COOPNET_ERROR(&half->err, COOPNET_ENOMEM, "out of memory reading '%s'",
                                   reader->spec->file);
    }
    half->status = status;
    return NULL;
}

/* Sets half up to read csv (positioned at a record start) with main's header, on its own. */
static int participation_half_init(participation_half_t *half, const table_reader_t *main,
                                   coopnet_csv_t *csv)
{
    memset(half, 0, sizeof *half);
    int status = participation_state_init(&half->state, main->bundle);
    coopnet_diag_list_init(&half->diags);
    half->diags.keep_errors = main->diags->keep_errors;
    coopnet_i_arena_init(&half->strings);
    table_reader_t *reader = &half->reader;
    *reader = *main; /* the header's maps are shared, read-only */
    reader->csv = csv;
    reader->diags = &half->diags;
    reader->strings = &half->strings;
    memset(reader->last_kept, 0, sizeof reader->last_kept);
    reader->extra_value = NULL; /* a split file has no extra columns */
    reader->nfc_field = NULL;
    reader->nfc_capacity = 0;
    reader->scratch = NULL;
    reader->scratch_capacity = 0;
    reader->n_rows = reader->extra_capacity = 0;
    reader->stop_at = 0;
    reader->landed = reader->row_failed = reader->fatal = 0;
    reader->first_byte = coopnet_csv_bytes_read(csv);
    return status;
}

static void participation_half_destroy(participation_half_t *half)
{
    free(half->rows);
    free(half->notes);
    participation_state_destroy(&half->state);
    coopnet_diag_list_destroy(&half->diags);
    coopnet_i_arena_destroy(&half->strings);
    free(half->reader.nfc_field);
    free(half->reader.scratch);
    coopnet_csv_close(half->reader.csv);
}

/* Takes the second half's rows and diagnostics into the bundle after the first half's, in the
 * order of their lines (a row's own messages before the warning that it repeats a row), its
 * lines moved down by lines_before. */
static int take_participation_half(table_reader_t *reader, participation_state_t *state,
                                   participation_half_t *half, uint64_t lines_before)
{
    coopnet_diag_list_t *found = &half->diags;
    size_t next_diag = 0, next_note = 0;
    coopnet_bundle_t *bundle = reader->bundle;
    if (coopnet_i_reserve(
            (void **)&bundle->participations, &bundle->internal->participation_capacity,
            bundle->n_participations + half->n_rows, sizeof *bundle->participations) != COOPNET_OK)
        return COOPNET_ENOMEM;
    for (size_t r = 0; r <= half->n_rows; r++) {
        uint64_t line = r < half->n_rows ? half->rows[r].line + lines_before : UINT64_MAX;
        for (; next_diag < found->n_items; next_diag++) {
            coopnet_diag_t *item = &found->items[next_diag];
            uint64_t item_line = item->line > 0 ? item->line + lines_before : 0;
            if (item_line > line)
                break;
            if (next_note < half->n_notes && half->notes[next_note].item == next_diag) {
                /* the pair's first row was taken already: rows[].line is the line of the row
                 * kept for the pair */
                const coopnet_participation_t *pair = &half->rows[half->notes[next_note++].row];
                warn_repeated_pair(reader, item_line, pair->event, pair->actor, pair->line);
                free(item->file);
                free(item->message);
                item->file = item->message = NULL;
                continue;
            }
            item->line = item_line;
            coopnet_i_diag_list_take(reader->diags, item);
        }
        if (r == half->n_rows)
            break;
        coopnet_participation_t row = half->rows[r];
        row.line = line;
        uint64_t first_line;
        int status = keep_participation(reader, state, &row, &first_line);
        if (status != COOPNET_OK)
            return status;
        half->rows[r].line = first_line; /* for the warnings about its repeats */
    }
    /* the repeats counted but not kept are warnings the list does not keep either */
    coopnet_i_diag_list_count_dropped(reader->diags, found);
    coopnet_i_arena_adopt(reader->strings, &half->strings);
    return COOPNET_OK;
}

static int read_tie_row(table_reader_t *reader, loader_t *loader)
{
    coopnet_bundle_t *bundle = reader->bundle;
    coopnet_tie_t tie;
    memset(&tie, 0, sizeof tie);
    tie.line = reader->line;
    long from = find_reference(reader, TIE_FROM, 0, loader->actors_ok);
    long to = find_reference(reader, TIE_TO, 0, loader->actors_ok);
    if (from >= 0 && from == to)
        row_error(reader, TIE_TO, "self-tie: '%s' is tied to itself", reader->value[TIE_TO]);
    if (require_value(reader, TIE_TYPE)) {
        char hint[64];
        coopnet_i_suggest_tie_type(reader->value[TIE_TYPE], hint, sizeof hint);
        if (hint[0])
            coopnet_diag_add(reader->diags, COOPNET_DIAG_WARNING, reader->spec->file, reader->line,
                             "column 'type': tie type '%s' is none of the recommended types "
                             "(mou, partnership, membership, technical_support, funding, "
                             "peer_learning, request)%s",
                             reader->value[TIE_TYPE], hint);
    }
    tie.start = read_date(reader, TIE_START);
    tie.end = read_date(reader, TIE_END);
    if (tie.start.precision != COOPNET_DATE_NONE && tie.end.precision != COOPNET_DATE_NONE &&
        coopnet_date_last_day(tie.end) < tie.start.day)
        row_error(reader, TIE_END, "end '%s' is before the start '%s'", reader->value[TIE_END],
                  reader->value[TIE_START]);
    const char *directed = reader->value[TIE_DIRECTED];
    if (directed[0] == '\0' || strcasecmp(directed, "false") == 0)
        tie.directed = false;
    else if (strcasecmp(directed, "true") == 0)
        tie.directed = true;
    else
        row_error(reader, TIE_DIRECTED, "invalid value '%s' (expected true or false)", directed);
    tie.weight = 1;
    if (reader->value[TIE_WEIGHT][0] != '\0') {
        if (parse_number(reader->value[TIE_WEIGHT], &tie.weight) != 0)
            number_error(reader, TIE_WEIGHT, "");
        else if (tie.weight <= 0)
            row_error(reader, TIE_WEIGHT, "weight '%s' is not positive", reader->value[TIE_WEIGHT]);
    }
    check_citations(reader, TIE_SOURCE);
    if (reader->row_failed)
        return COOPNET_OK;
    tie.from = (int32_t)from;
    tie.to = (int32_t)to;
    tie.type = keep_string(reader, TIE_TYPE);
    tie.source = keep_string(reader, TIE_SOURCE);
    tie.note = keep_string(reader, TIE_NOTE);
    tie.start_source = keep_string(reader, TIE_START_SOURCE);
    if (!tie.type || !tie.source || !tie.note || !tie.start_source)
        return COOPNET_ENOMEM;
    if (coopnet_i_grow((void **)&bundle->ties, &bundle->internal->tie_capacity, bundle->n_ties + 1,
                       sizeof *bundle->ties) != COOPNET_OK)
        return COOPNET_ENOMEM;
    bundle->ties[bundle->n_ties++] = tie;
    return keep_extra(reader);
}

/* A source's id or file, unique among the ids and files of all sources. */
static const char *keep_source_ref(table_reader_t *reader, int column, size_t index)
{
    const char *ref = reader->value[column];
    if (ref[0] == '\0')
        return "";
    long first = coopnet_bundle_find_source(reader->bundle, ref, strlen(ref));
    if (first >= 0) {
        row_error(reader, column, "'%s' names the source on line %llu already", ref,
                  (unsigned long long)reader->bundle->sources[first].line);
        return "";
    }
    const char *kept = keep_string(reader, column);
    if (kept && coopnet_i_strmap_put(&reader->bundle->internal->source_refs, kept, (int64_t)index,
                                     NULL) != 0)
        return NULL;
    return kept;
}

static int read_source_row(table_reader_t *reader)
{
    coopnet_bundle_t *bundle = reader->bundle;
    coopnet_source_t source;
    memset(&source, 0, sizeof source);
    source.line = reader->line;
    require_value(reader, SOURCE_ID);
    require_value(reader, SOURCE_TITLE);
    source.date = read_date(reader, SOURCE_DATE);
    if (reader->row_failed)
        return COOPNET_OK;
    size_t index = bundle->n_sources;
    source.id = keep_source_ref(reader, SOURCE_ID, index);
    source.file = keep_source_ref(reader, SOURCE_FILE, index);
    source.title = keep_string(reader, SOURCE_TITLE);
    source.publisher = keep_string(reader, SOURCE_PUBLISHER);
    source.url = keep_string(reader, SOURCE_URL);
    if (!source.id || !source.file || !source.title || !source.publisher || !source.url)
        return COOPNET_ENOMEM;
    if (reader->row_failed)
        return COOPNET_OK;
    if (coopnet_i_grow((void **)&bundle->sources, &bundle->internal->source_capacity,
                       bundle->n_sources + 1, sizeof *bundle->sources) != COOPNET_OK)
        return COOPNET_ENOMEM;
    bundle->sources[bundle->n_sources++] = source;
    return keep_extra(reader);
}

typedef enum {
    TABLE_ACTORS,
    TABLE_EVENTS,
    TABLE_PARTICIPATION,
    TABLE_TIES,
    TABLE_SOURCES
} table_kind_t;
#define N_TABLES 5

/* Reads one table from an open reader (which it closes). Returns 1 in *header_ok when the header
 * was usable. */
static int read_table(loader_t *loader, table_kind_t kind, coopnet_csv_t *csv, int *header_ok,
                      coopnet_error_t *err, coopnet_csv_t *second_half, uint64_t second_half_at)
{
    static const table_spec_t *const specs[] = {&actors_spec, &events_spec, &participation_spec,
                                                &ties_spec, &sources_spec};
    coopnet_bundle_t *bundle = loader->bundle;
    coopnet_extra_columns_t *extras[] = {&bundle->actor_extra, &bundle->event_extra,
                                         &bundle->participation_extra, &bundle->tie_extra,
                                         &loader->source_extra};
    table_reader_t reader;
    memset(&reader, 0, sizeof reader);
    reader.spec = specs[kind];
    reader.csv = csv;
    reader.diags = loader->diags;
    reader.bundle = bundle;
    reader.extra = extras[kind];
    reader.failed_actor_ids = &loader->failed_actor_ids;
    reader.failed_event_ids = &loader->failed_event_ids;
    reader.normalised_ids =
        kind == TABLE_ACTORS ? &loader->normalised_actor_ids : &loader->normalised_event_ids;
    reader.check_sources = loader->sources_ok;
    reader.check_actors = loader->actors_ok;
    reader.check_events = loader->events_ok;
    reader.strings = loader->strings;
    /* the ids each row looks up: an actor's or event's own (is it there already?), a
     * participation's actor, a tie's two ends (a participation's event repeats the row above) */
    reader.lookup_column[0] = reader.lookup_column[1] = -1;
    reader.lookup_map =
        kind == TABLE_EVENTS ? &bundle->internal->event_ids : &bundle->internal->actor_ids;
    if (kind == TABLE_ACTORS || kind == TABLE_EVENTS)
        reader.lookup_column[0] = 0; /* ACTOR_ID, EVENT_ID */
    else if (kind == TABLE_PARTICIPATION)
        reader.lookup_column[0] = PART_ACTOR;
    else if (kind == TABLE_TIES) {
        reader.lookup_column[0] = TIE_FROM;
        reader.lookup_column[1] = TIE_TO;
    }
    participation_state_t participation_state;
    memset(&participation_state, 0, sizeof participation_state);
    if (kind == TABLE_PARTICIPATION &&
        participation_state_init(&participation_state, bundle) != COOPNET_OK) {
        participation_state_destroy(&participation_state);
        coopnet_csv_close(csv);
        coopnet_csv_close(second_half);
        *header_ok = 0;
        return COOPNET_ERROR(err, COOPNET_ENOMEM, "out of memory reading '%s'", reader.spec->file);
    }

    int status = COOPNET_OK;
    *header_ok = read_header(&reader, &status, err) == 0;
    participation_half_t half;
    pthread_t half_thread;
    int half_running = 0;
    if (second_half != NULL && *header_ok && reader.extra->n_columns == 0) {
        half_running = participation_half_init(&half, &reader, second_half) == COOPNET_OK &&
                       pthread_create(&half_thread, NULL, read_participation_half, &half) == 0;
        second_half = NULL; /* half owns it */
        if (half_running)
            reader.stop_at = second_half_at;
        else
            participation_half_destroy(&half);
    }
    coopnet_csv_close(second_half);
    if (*header_ok) {
        while (status == COOPNET_OK && next_row(&reader, &status, err)) {
            int row_status;
            switch (kind) {
            case TABLE_ACTORS:
                row_status = read_actor_row(&reader);
                break;
            case TABLE_EVENTS:
                row_status = read_event_row(&reader);
                break;
            case TABLE_PARTICIPATION:
                row_status = read_participation_row(&reader, &participation_state);
                break;
            case TABLE_SOURCES:
                row_status = read_source_row(&reader);
                break;
            default:
                row_status = read_tie_row(&reader, loader);
                break;
            }
            if (row_status == COOPNET_EDATA) /* said in diags: the extra cells' bound */
                status =
                    COOPNET_ERROR(err, row_status, "'%s' is too large to keep", reader.spec->file);
            else if (row_status != COOPNET_OK)
                status =
                    COOPNET_ERROR(err, row_status, "out of memory reading '%s'", reader.spec->file);
        }
    }
    if (half_running) {
        pthread_join(half_thread, NULL);
        if (status == COOPNET_OK && reader.landed && half.status != COOPNET_OK) {
            status = half.status;
            memcpy(err, &half.err, sizeof half.err);
        } else if (status == COOPNET_OK && reader.landed) {
            status = take_participation_half(&reader, &participation_state, &half,
                                             coopnet_i_csv_next_line(csv) - 1);
            if (status != COOPNET_OK)
                status =
                    COOPNET_ERROR(err, status, "out of memory reading '%s'", reader.spec->file);
        }
        participation_half_destroy(&half);
    }
    participation_state_destroy(&participation_state);
    free(reader.known_of_field);
    free(reader.extra_of_field);
    free(reader.extra_value);
    free(reader.scratch);
    free(reader.nfc_field);
    coopnet_csv_close(csv);
    return status;
}

/* ---- entry points ------------------------------------------------------------------------ */

typedef struct table_source {
    const char *file;
    const char *data; /* NULL: read from the directory */
    size_t size;
} table_source_t;

/* For a file read in two halves: a reader of the second half, and where it starts (the line after
 * the middle byte), in *second_half and *at; NULL when the file is small, the machine has one
 * core, or no line starts after the middle (the file is then read at once). */
static void open_second_half(const table_source_t *source, const char *file_path,
                             coopnet_csv_t **second_half, uint64_t *at)
{
    *second_half = NULL;
    *at = 0;
    if (coopnet_i_thread_count(2, 2) < 2)
        return;
    coopnet_error_t ignored;
    if (source->data != NULL) {
        if (source->size < SPLIT_MIN_BYTES)
            return;
        const char *newline =
            memchr(source->data + source->size / 2, '\n', source->size - source->size / 2);
        if (newline == NULL || (size_t)(newline + 1 - source->data) >= source->size)
            return;
        *at = (uint64_t)(newline + 1 - source->data);
        if (coopnet_csv_open_memory(source->data, source->size, source->file, second_half,
                                    &ignored) != COOPNET_OK)
            return;
    } else {
        struct stat info;
        if (stat(file_path, &info) != 0 || (uint64_t)info.st_size < SPLIT_MIN_BYTES)
            return;
        FILE *file = fopen(file_path, "rb");
        if (file == NULL)
            return;
        char window[1 << 16];
        uint64_t middle = (uint64_t)info.st_size / 2;
        size_t got =
            fseeko(file, (off_t)middle, SEEK_SET) == 0 ? fread(window, 1, sizeof window, file) : 0;
        fclose(file);
        const char *newline = memchr(window, '\n', got);
        if (newline == NULL || middle + (uint64_t)(newline + 1 - window) >= (uint64_t)info.st_size)
            return;
        *at = middle + (uint64_t)(newline + 1 - window);
        if (coopnet_csv_open(file_path, source->file, second_half, &ignored) != COOPNET_OK)
            return;
    }
    if (coopnet_i_csv_start_at(*second_half, *at, &ignored) != COOPNET_OK) {
        coopnet_csv_close(*second_half);
        *second_half = NULL;
    }
}

/* Opens the reader of one table into *csv, or leaves it NULL when the table is to be skipped (an
 * absent optional file; a missing required one, said in diags). *file_path: the file's path. */
static int open_table(const char *path, const table_source_t sources[N_TABLES], table_kind_t kind,
                      coopnet_diag_list_t *diags, char **file_path, coopnet_csv_t **csv,
                      coopnet_error_t *err)
{
    const table_source_t *source = &sources[kind];
    *csv = NULL;
    free(*file_path);
    *file_path = NULL;
    if (source->data != NULL)
        return coopnet_csv_open_memory(source->data, source->size, source->file, csv, err);
    if (path == NULL || sources[0].data != NULL)
        return COOPNET_OK; /* memory bundle without ties or sources */
    *file_path = malloc(strlen(path) + strlen(source->file) + 2);
    if (*file_path == NULL)
        return COOPNET_ERROR(err, COOPNET_ENOMEM, "out of memory loading '%s'", path);
    sprintf(*file_path, "%s/%s", path, source->file);
    struct stat info;
    if ((kind == TABLE_TIES || kind == TABLE_SOURCES) && stat(*file_path, &info) != 0 &&
        errno == ENOENT)
        return COOPNET_OK; /* ties.csv and sources.csv may be absent */
    coopnet_error_t open_err;
    if (coopnet_csv_open(*file_path, source->file, csv, &open_err) == COOPNET_OK)
        return COOPNET_OK;
    if (open_err.code == COOPNET_EIO && errno == ENOENT) {
        coopnet_diag_add(diags, COOPNET_DIAG_ERROR, source->file, 0,
                         "missing file: a bundle needs actors.csv, events.csv and "
                         "participation.csv (ties.csv is optional)");
        return COOPNET_OK;
    }
    memcpy(err, &open_err, sizeof open_err);
    return open_err.code;
}

/* events.csv read on another thread while the calling one reads actors.csv: the two tables are
 * independent. The thread keeps its diagnostics and strings apart; they are taken after it, the
 * diagnostics behind those of actors.csv, so that the outcome is the one reading. It reads with
 * a copy of the loader whose diags and strings are its own, and writes only the events' maps
 * (failed_event_ids, normalised_event_ids), which are taken back. */
typedef struct events_reading {
    loader_t loader;
    coopnet_diag_list_t diags;
    coopnet_arena_t strings;
    coopnet_csv_t *csv;
    int header_ok;
    int status;
    coopnet_error_t err;
} events_reading_t;

static void *read_events_table(void *argument)
{
    events_reading_t *reading = argument;
    reading->status = read_table(&reading->loader, TABLE_EVENTS, reading->csv, &reading->header_ok,
                                 &reading->err, NULL, 0);
    return NULL;
}

/* Reads actors.csv, and events.csv beside it on a second thread when the machine has two cores
 * and both files could be opened. ties.csv (*ties, when not NULL), which refers to actors only,
 * is then read by the calling thread once actors.csv is, while events.csv is still being read:
 * its diagnostics go to tie_diags, for the caller to add after participation.csv's, and *ties is
 * set to NULL (read and closed); otherwise *ties is left to the caller. */
static int read_actors_and_events(loader_t *loader, coopnet_csv_t *actors, coopnet_csv_t *events,
                                  coopnet_csv_t **ties, coopnet_diag_list_t *tie_diags,
                                  coopnet_error_t *err)
{
    events_reading_t reading;
    pthread_t thread;
    int started = 0;
    if (actors != NULL && events != NULL && coopnet_i_thread_count(2, 2) >= 2) {
        memset(&reading, 0, sizeof reading);
        reading.loader = *loader;
        coopnet_diag_list_init(&reading.diags);
        reading.diags.keep_errors = loader->diags->keep_errors;
        coopnet_i_arena_init(&reading.strings);
        reading.loader.diags = &reading.diags;
        reading.loader.strings = &reading.strings;
        reading.csv = events;
        started = pthread_create(&thread, NULL, read_events_table, &reading) == 0;
        if (!started) {
            coopnet_diag_list_destroy(&reading.diags);
            coopnet_i_arena_destroy(&reading.strings);
        }
    }
    int status = COOPNET_OK, header_ok = 0;
    if (actors != NULL) {
        status = read_table(loader, TABLE_ACTORS, actors, &header_ok, err, NULL, 0);
        loader->actors_ok = header_ok;
    }
    if (started && status == COOPNET_OK && *ties != NULL) {
        loader_t tie_loader = *loader; /* reads the actors' maps only */
        tie_loader.diags = tie_diags;
        status = read_table(&tie_loader, TABLE_TIES, *ties, &header_ok, err, NULL, 0);
        *ties = NULL;
    }
    if (!started) {
        if (status == COOPNET_OK && events != NULL) {
            status = read_table(loader, TABLE_EVENTS, events, &header_ok, err, NULL, 0);
            loader->events_ok = header_ok;
        } else {
            coopnet_csv_close(events);
        }
        return status;
    }
    pthread_join(thread, NULL);
    loader->events_ok = reading.header_ok;
    loader->failed_event_ids = reading.loader.failed_event_ids;
    loader->normalised_event_ids = reading.loader.normalised_event_ids;
    for (size_t i = 0; i < reading.diags.n_items; i++)
        coopnet_i_diag_list_take(loader->diags, &reading.diags.items[i]);
    coopnet_i_diag_list_count_dropped(loader->diags, &reading.diags);
    coopnet_diag_list_destroy(&reading.diags);
    coopnet_i_arena_adopt(loader->strings, &reading.strings);
    coopnet_i_arena_destroy(&reading.strings);
    if (status == COOPNET_OK && reading.status != COOPNET_OK) {
        status = reading.status;
        memcpy(err, &reading.err, sizeof reading.err);
    }
    return status;
}

/* The duplicate-name search (coopnet_dedupe_warn) on another thread beside the loader's last
 * checks (coopnet_i_bundle_finish), which leave the actors it reads alone. Its warnings are kept
 * apart and follow the loader's, as when it runs after the load. */
typedef struct duplicate_search {
    const coopnet_bundle_t *bundle;
    coopnet_diag_list_t diags;
    int status;
    coopnet_error_t err;
} duplicate_search_t;

static void *search_duplicates(void *argument)
{
    duplicate_search_t *search = argument;
    search->status = coopnet_dedupe_warn(search->bundle, &search->diags, &search->err);
    return NULL;
}

/* The loader's last checks, and the duplicate-name search when warn_duplicates: side by side on
 * two cores, or one after the other. The search's warnings are kept only when the checks find no
 * error (a bundle that does not load is not searched). */
static int finish_and_search(coopnet_bundle_t *bundle, coopnet_diag_list_t *diags,
                             bool warn_duplicates, coopnet_error_t *err)
{
    uint64_t errors_before = diags->n_errors;
    duplicate_search_t search;
    pthread_t thread;
    bool beside = false;
    if (warn_duplicates && coopnet_i_thread_count(2, 2) >= 2) {
        memset(&search, 0, sizeof search);
        search.bundle = bundle;
        coopnet_diag_list_init(&search.diags);
        search.diags.keep_errors = diags->keep_errors;
        beside = pthread_create(&thread, NULL, search_duplicates, &search) == 0;
        if (!beside)
            coopnet_diag_list_destroy(&search.diags);
    }
    int status = coopnet_i_bundle_finish(bundle, diags, "actors.csv", "events.csv", "ties.csv");
    bool loaded = status == COOPNET_OK && diags->n_errors == errors_before;
    if (!beside)
        return loaded && warn_duplicates ? coopnet_dedupe_warn(bundle, diags, err) : status;
    pthread_join(thread, NULL);
    if (loaded) {
        for (size_t i = 0; i < search.diags.n_items; i++)
            coopnet_i_diag_list_take(diags, &search.diags.items[i]);
        coopnet_i_diag_list_count_dropped(diags, &search.diags);
        if (search.status != COOPNET_OK) {
            status = search.status;
            memcpy(err, &search.err, sizeof search.err);
        }
    }
    coopnet_diag_list_destroy(&search.diags);
    return status;
}

static int load_tables(const char *path, const table_source_t sources[N_TABLES],
                       coopnet_diag_list_t *diags, bool warn_duplicates, coopnet_bundle_t **result,
                       coopnet_error_t *err)
{
    coopnet_library_init();
    *result = NULL;
    coopnet_bundle_t *bundle = coopnet_i_bundle_alloc(path);
    if (bundle == NULL)
        return COOPNET_ERROR(err, COOPNET_ENOMEM, "out of memory loading '%s'", path);
    loader_t loader;
    memset(&loader, 0, sizeof loader);
    loader.bundle = bundle;
    loader.diags = diags;
    loader.strings = &bundle->internal->strings;
    coopnet_i_strmap_init(&loader.failed_actor_ids);
    coopnet_i_strmap_init(&loader.failed_event_ids);
    coopnet_i_strmap_init(&loader.normalised_actor_ids);
    coopnet_i_strmap_init(&loader.normalised_event_ids);
    uint64_t errors_before = diags->n_errors;
    int status = COOPNET_OK;
    char *file_path = NULL;

    /* sources.csv first, so that every citation can be checked; then actors.csv and events.csv
     * (side by side), participation.csv and ties.csv, which refer to them */
    coopnet_csv_t *csv = NULL;
    int header_ok = 0;
    status = open_table(path, sources, TABLE_SOURCES, diags, &file_path, &csv, err);
    if (status == COOPNET_OK && csv != NULL) {
        status = read_table(&loader, TABLE_SOURCES, csv, &header_ok, err, NULL, 0);
        loader.sources_ok = header_ok;
    }
    coopnet_csv_t *actors = NULL, *events = NULL, *ties = NULL;
    coopnet_diag_list_t tie_diags;
    coopnet_diag_list_init(&tie_diags);
    tie_diags.keep_errors = diags->keep_errors;
    if (status == COOPNET_OK)
        status = open_table(path, sources, TABLE_ACTORS, diags, &file_path, &actors, err);
    if (status == COOPNET_OK)
        status = open_table(path, sources, TABLE_EVENTS, diags, &file_path, &events, err);
    if (status == COOPNET_OK)
        status = open_table(path, sources, TABLE_TIES, diags, &file_path, &ties, err);
    bool ties_early = ties != NULL;
    if (status == COOPNET_OK)
        status = read_actors_and_events(&loader, actors, events, &ties, &tie_diags, err);
    else {
        coopnet_csv_close(actors);
        coopnet_csv_close(events);
    }
    ties_early = ties_early && ties == NULL;
    if (status == COOPNET_OK) {
        status = open_table(path, sources, TABLE_PARTICIPATION, diags, &file_path, &csv, err);
        if (status == COOPNET_OK && csv != NULL) {
            coopnet_csv_t *second_half = NULL;
            uint64_t second_half_at = 0;
            open_second_half(&sources[TABLE_PARTICIPATION], file_path, &second_half,
                             &second_half_at);
            status = read_table(&loader, TABLE_PARTICIPATION, csv, &header_ok, err, second_half,
                                second_half_at);
        }
    }
    /* ties.csv last, as it comes in the bundle: read now, or its diagnostics taken now */
    if (status == COOPNET_OK && ties != NULL)
        status = read_table(&loader, TABLE_TIES, ties, &header_ok, err, NULL, 0);
    else
        coopnet_csv_close(ties);
    if (ties_early) {
        for (size_t i = 0; i < tie_diags.n_items; i++)
            coopnet_i_diag_list_take(diags, &tie_diags.items[i]);
        coopnet_i_diag_list_count_dropped(diags, &tie_diags);
    }
    coopnet_diag_list_destroy(&tie_diags);
    free(file_path);
    if (status == COOPNET_OK && path != NULL && sources[0].data == NULL)
        status = coopnet_i_bundle_read_ini(bundle, path, diags);
    coopnet_i_strmap_destroy(&loader.failed_actor_ids);
    coopnet_i_strmap_destroy(&loader.failed_event_ids);
    coopnet_i_strmap_destroy(&loader.normalised_actor_ids);
    coopnet_i_strmap_destroy(&loader.normalised_event_ids);
    free(loader.source_extra.names);
    free(loader.source_extra.values);
    if (status == COOPNET_OK && diags->n_errors == errors_before)
        status = finish_and_search(bundle, diags, warn_duplicates, err);
    if (status == COOPNET_ENOMEM && err->code != COOPNET_ENOMEM)
        COOPNET_ERROR(err, COOPNET_ENOMEM, "out of memory loading '%s'", path);
    if (status == COOPNET_OK && diags->n_errors > errors_before) {
        uint64_t count = diags->n_errors - errors_before;
        status = COOPNET_ERROR(err, COOPNET_EDATA, "'%s': %llu error%s in the data", path,
                               (unsigned long long)count, count == 1 ? "" : "s");
    }
    if (status != COOPNET_OK) {
        coopnet_bundle_free(bundle);
        return status;
    }
    *result = bundle;
    return COOPNET_OK;
}

int coopnet_i_bundle_load_directory(const char *path, coopnet_diag_list_t *diags,
                                    bool warn_duplicates, coopnet_bundle_t **bundle,
                                    coopnet_error_t *err)
{
    table_source_t sources[N_TABLES] = {{"actors.csv", NULL, 0},
                                        {"events.csv", NULL, 0},
                                        {"participation.csv", NULL, 0},
                                        {"ties.csv", NULL, 0},
                                        {"sources.csv", NULL, 0}};
    return load_tables(path, sources, diags, warn_duplicates, bundle, err);
}

int coopnet_bundle_load_memory(const char *actors_csv, size_t actors_size, const char *events_csv,
                               size_t events_size, const char *participation_csv,
                               size_t participation_size, const char *ties_csv, size_t ties_size,
                               coopnet_diag_list_t *diags, coopnet_bundle_t **bundle,
                               coopnet_error_t *err)
{
    table_source_t sources[N_TABLES] = {
        {"actors.csv", actors_csv ? actors_csv : "", actors_size},
        {"events.csv", events_csv ? events_csv : "", events_size},
        {"participation.csv", participation_csv ? participation_csv : "", participation_size},
        {"ties.csv", ties_csv, ties_size},
        {"sources.csv", NULL, 0}};
    return load_tables("<memory>", sources, diags, false, bundle, err);
}
