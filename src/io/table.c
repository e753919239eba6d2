/* SPDX-License-Identifier: GPL-3.0-or-later */
/* table.c - tidy CSV / JSON tables (see coopnet/table.h). */
#include "coopnet/table.h"
#include "coopnet/text.h"

#include <stdbool.h>

#include <math.h>
#include <string.h>

void coopnet_csv_write_field(FILE *stream, const char *value)
{
    if (strpbrk(value, ",\"\r\n") == NULL) {
        fputs(value, stream);
        return;
    }
    fputc('"', stream);
    for (const char *p = value; *p; p++) {
        if (*p == '"')
            fputc('"', stream);
        fputc(*p, stream);
    }
    fputc('"', stream);
}

void coopnet_json_write_string(FILE *stream, const char *value)
{
    fputc('"', stream);
    for (const unsigned char *p = (const unsigned char *)value; *p; p++) {
        switch (*p) {
        case '"':
            fputs("\\\"", stream);
            break;
        case '\\':
            fputs("\\\\", stream);
            break;
        case '\n':
            fputs("\\n", stream);
            break;
        case '\r':
            fputs("\\r", stream);
            break;
        case '\t':
            fputs("\\t", stream);
            break;
        default:
            if (*p < 0x20)
                fprintf(stream, "\\u%04x", *p);
            else
                fputc(*p, stream);
        }
    }
    fputc('"', stream);
}

void coopnet_table_begin(coopnet_table_t *table, FILE *stream, coopnet_table_format_t format,
                         const char *const *columns, size_t n_columns)
{
    table->stream = stream;
    table->format = format;
    table->columns = columns;
    table->n_columns = n_columns;
    table->column = 0;
    table->n_rows = 0;
    if (format == COOPNET_TABLE_JSON) {
        fputc('[', stream);
        return;
    }
    for (size_t c = 0; c < n_columns; c++) {
        if (c > 0)
            fputc(',', stream);
        coopnet_csv_write_field(stream, columns[c]);
    }
    fputc('\n', stream);
}

/* Writes what comes before a cell: a separator, or the row's opening and the key. */
static int start_cell(coopnet_table_t *table)
{
    if (table->column >= table->n_columns)
        return 0;
    FILE *stream = table->stream;
    if (table->format == COOPNET_TABLE_JSON) {
        if (table->column == 0)
            fputs(table->n_rows > 0 ? ",\n{" : "\n{", stream);
        else
            fputc(',', stream);
        coopnet_json_write_string(stream, table->columns[table->column]);
        fputc(':', stream);
    } else if (table->column > 0) {
        fputc(',', stream);
    }
    table->column++;
    return 1;
}

/* value with a leading apostrophe, quoted when needed, so that a spreadsheet shows it as text. */
static void write_neutralised(FILE *stream, const char *value)
{
    bool quote = strpbrk(value, ",\"\r\n") != NULL;
    if (quote)
        fputc('"', stream);
    fputc('\'', stream);
    for (const char *p = value; *p; p++) {
        if (quote && *p == '"')
            fputc('"', stream);
        fputc(*p, stream);
    }
    if (quote)
        fputc('"', stream);
}

void coopnet_table_string(coopnet_table_t *table, const char *value)
{
    if (!start_cell(table))
        return;
    value = value ? value : "";
    if (table->format == COOPNET_TABLE_JSON)
        coopnet_json_write_string(table->stream, value);
    else if (table->format == COOPNET_TABLE_CSV && coopnet_text_formula_like(value))
        write_neutralised(table->stream, value);
    else
        coopnet_csv_write_field(table->stream, value);
}

void coopnet_table_number(coopnet_table_t *table, double value)
{
    if (!isfinite(value)) {
        coopnet_table_missing(table);
        return;
    }
    if (!start_cell(table))
        return;
    if (value == 0)
        value = 0; /* no "-0" */
    fprintf(table->stream, "%.10g", value);
}

void coopnet_table_integer(coopnet_table_t *table, long long value)
{
    if (!start_cell(table))
        return;
    fprintf(table->stream, "%lld", value);
}

void coopnet_table_missing(coopnet_table_t *table)
{
    if (!start_cell(table))
        return;
    if (table->format == COOPNET_TABLE_JSON)
        fputs("null", table->stream);
}

void coopnet_table_end_row(coopnet_table_t *table)
{
    while (table->column < table->n_columns)
        coopnet_table_missing(table);
    fputs(table->format == COOPNET_TABLE_JSON ? "}" : "\n", table->stream);
    table->column = 0;
    table->n_rows++;
}

void coopnet_table_end(coopnet_table_t *table)
{
    if (table->format == COOPNET_TABLE_JSON)
        fputs(table->n_rows > 0 ? "\n]\n" : "]\n", table->stream);
}

int coopnet_table_parse_format(const char *text)
{
    if (strcmp(text, "csv") == 0)
        return COOPNET_TABLE_CSV;
    if (strcmp(text, "json") == 0)
        return COOPNET_TABLE_JSON;
    if (strcmp(text, "csv-raw") == 0)
        return COOPNET_TABLE_CSV_RAW;
    return -1;
}
