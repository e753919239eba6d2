/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test_csv.c - the streaming CSV reader. */
#include "io/csv_internal.h"
#include "testing.h"

#include <coopnet/csv.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Reads all records of text; returns the fields joined as "a|b;c|d;" and the first error. */
static void read_all(const char *text, size_t size, char *joined, size_t joined_size,
                     coopnet_error_t *first_error, unsigned long long *error_line)
{
    coopnet_csv_t *csv;
    coopnet_error_t err;
    joined[0] = '\0';
    coopnet_error_clear(first_error);
    *error_line = 0;
    CHECK_INT(coopnet_csv_open_memory(text, size, "mem.csv", &csv, &err), COOPNET_OK);
    for (;;) {
        int have;
        int status = coopnet_csv_next(csv, &have, &err);
        if (status != COOPNET_OK) {
            if (first_error->code == COOPNET_OK) {
                *first_error = err;
                *error_line = coopnet_csv_record_line(csv);
            }
            continue;
        }
        if (!have)
            break;
        for (size_t f = 0; f < coopnet_csv_field_count(csv); f++) {
            strncat(joined, coopnet_csv_field(csv, f, NULL), joined_size - strlen(joined) - 1);
            strncat(joined, f + 1 < coopnet_csv_field_count(csv) ? "|" : ";",
                    joined_size - strlen(joined) - 1);
        }
    }
    coopnet_csv_close(csv);
}

#define READ(text) read_all(text, sizeof(text) - 1, joined, sizeof joined, &err, &line)

static void test_plain_and_quoted(void)
{
    char joined[512];
    coopnet_error_t err;
    unsigned long long line;
    READ("a,b,c\n1,2,3\n");
    CHECK_STR(joined, "a|b|c;1|2|3;");
    READ("a,b\r\n\"x, y\",\"he said \"\"hi\"\"\"\r\n");
    CHECK_STR(joined, "a|b;x, y|he said \"hi\";");
    READ("a,b\n\"two\nlines\",z\nlast,row");
    CHECK_STR(joined, "a|b;two\nlines|z;last|row;");
    READ("\xEF\xBB\xBFid,name\n1,F\xC3\xA8s\n");
    CHECK_STR(joined, "id|name;1|F\xC3\xA8s;");
    READ("a,,\n,,\n");
    CHECK_STR(joined, "a||;||;");
    CHECK_INT(err.code, COOPNET_OK);
}

static void test_line_numbers(void)
{
    const char text[] = "h\n\"multi\nline\"\nthird\n";
    coopnet_csv_t *csv;
    coopnet_error_t err;
    int have;
    CHECK_INT(coopnet_csv_open_memory(text, sizeof text - 1, "m", &csv, &err), COOPNET_OK);
    coopnet_csv_next(csv, &have, &err);
    CHECK_INT(coopnet_csv_record_line(csv), 1);
    coopnet_csv_next(csv, &have, &err);
    CHECK_INT(coopnet_csv_record_line(csv), 2);
    coopnet_csv_next(csv, &have, &err);
    CHECK_INT(coopnet_csv_record_line(csv), 4);
    CHECK_STR(coopnet_csv_field(csv, 0, NULL), "third");
    coopnet_csv_next(csv, &have, &err);
    CHECK_INT(have, 0);
    coopnet_csv_close(csv);
}

static void test_errors(void)
{
    char joined[512];
    coopnet_error_t err;
    unsigned long long line;
    READ("a,b\n1,\"open\n2,3\n");
    CHECK_INT(err.code, COOPNET_EDATA);
    CHECK_CONTAINS(err.message, "unterminated quoted field");
    CHECK_INT(line, 2);

    READ("a,b\n1,F\xE8s\n2,ok\n"); /* Latin-1: error, then the reader goes on */
    CHECK_INT(err.code, COOPNET_EDATA);
    CHECK_CONTAINS(err.message, "invalid UTF-8");
    CHECK_CONTAINS(err.message, "field 2");
    CHECK_INT(line, 2);
    CHECK_STR(joined, "a|b;2|ok;");

    READ("a,b\n1,x\xEF\xBB\xBFy\n");
    CHECK_CONTAINS(err.message, "byte-order mark in the middle");

    READ("\xFF\xFE"
         "a\0,\0b\0");
    CHECK_CONTAINS(err.message, "UTF-16");
    CHECK_STR(joined, "");

    READ("a,b\n1,x\0y\n");
    CHECK_CONTAINS(err.message, "NUL byte");

    READ("a,b\n1,ab\"c\n2,3\n");
    CHECK_CONTAINS(err.message, "a quote inside an unquoted field");
    CHECK_STR(joined, "a|b;2|3;");

    READ("a,b\n\"x\"y,2\n");
    CHECK_CONTAINS(err.message, "unexpected text after a closing quote");
}

/* The scanner reads unquoted text many bytes a step: a delimiter, a quote, a line end, NUL, an
 * invalid byte or a valid multi-byte character is found wherever it falls in a step (every
 * offset from 0 to 40 in a field, and past the step's end in a second field). */
static void test_scanner_at_every_offset(void)
{
    char text[256], joined[512], expected[512];
    coopnet_error_t err;
    unsigned long long line;
    for (int k = 0; k <= 40; k++) {
        char pad[64];
        memset(pad, 'x', (size_t)k);
        pad[k] = '\0';
        int n;
#define AT(middle)                                                                                 \
    (n = snprintf(text, sizeof text, "h1,h2\n%s" middle "yyyyy,zzzzzzzzzzzzzzzzzzzz\n2,ok\n", pad))
        AT(",");
        read_all(text, (size_t)n, joined, sizeof joined, &err, &line);
        snprintf(expected, sizeof expected, "h1|h2;%s|yyyyy|zzzzzzzzzzzzzzzzzzzz;2|ok;", pad);
        CHECK_STR(joined, expected);

        AT("\xC3\xA9"); /* é: valid, kept */
        read_all(text, (size_t)n, joined, sizeof joined, &err, &line);
        snprintf(expected, sizeof expected, "h1|h2;%s\xC3\xA9yyyyy|zzzzzzzzzzzzzzzzzzzz;2|ok;",
                 pad);
        CHECK_STR(joined, expected);
        CHECK_INT(err.code, COOPNET_OK);

        AT("\xE8"); /* Latin-1 è */
        read_all(text, (size_t)n, joined, sizeof joined, &err, &line);
        CHECK_CONTAINS(err.message, "field 1: invalid UTF-8");
        CHECK_INT(line, 2);
        CHECK_STR(joined, "h1|h2;2|ok;");

        AT("\r");
        read_all(text, (size_t)n, joined, sizeof joined, &err, &line);
        snprintf(expected, sizeof expected, "h1|h2;%s;yyyyy|zzzzzzzzzzzzzzzzzzzz;2|ok;", pad);
        CHECK_STR(joined, expected);

        memcpy(text, "h1,h2\n", 6); /* NUL inside: sized by hand */
        memset(text + 6, 'x', (size_t)k);
        memcpy(text + 6 + k, "\0yy,zz\n2,ok\n", 13);
        read_all(text, (size_t)(6 + k + 13), joined, sizeof joined, &err, &line);
        CHECK_CONTAINS(err.message, "NUL byte");
        CHECK_STR(joined, "h1|h2;2|ok;");

        /* the invalid byte in the second field, after a whole step of ASCII */
        n = snprintf(text, sizeof text, "h1,h2\nok,%s0123456789abcdef\xE8\n2,ok\n", pad);
        read_all(text, (size_t)n, joined, sizeof joined, &err, &line);
        CHECK_CONTAINS(err.message, "field 2: invalid UTF-8");

        if (k > 0) {
            AT("\"");
            read_all(text, (size_t)n, joined, sizeof joined, &err, &line);
            CHECK_CONTAINS(err.message, "a quote inside an unquoted field");
            CHECK_STR(joined, "h1|h2;2|ok;");
        }
#undef AT
    }
}

/* Reading ahead: a field of the next record when its bytes are at hand and unquoted; nothing is
 * consumed. */
static void test_peek_next_field(void)
{
    const char text[] = "h1,h2,h3\nab,cd,ef\n\"q\",rs,tu\nx,\"y\"\nlast,one";
    coopnet_csv_t *csv;
    coopnet_error_t err;
    int have;
    size_t length = 99;
    CHECK_INT(coopnet_csv_open_memory(text, sizeof text - 1, "m", &csv, &err), COOPNET_OK);
    CHECK(coopnet_i_csv_peek_field(csv, 0, &length) == NULL); /* nothing read yet */
    coopnet_csv_next(csv, &have, &err);
    const char *field = coopnet_i_csv_peek_field(csv, 1, &length);
    CHECK(field != NULL && length == 2 && strncmp(field, "cd", 2) == 0);
    field = coopnet_i_csv_peek_field(csv, 2, &length);
    CHECK(field != NULL && length == 2 && strncmp(field, "ef", 2) == 0);
    CHECK(coopnet_i_csv_peek_field(csv, 3, &length) == NULL); /* the record has three */
    coopnet_csv_next(csv, &have, &err);
    CHECK_STR(coopnet_csv_field(csv, 1, NULL), "cd");         /* the peek consumed nothing */
    CHECK(coopnet_i_csv_peek_field(csv, 1, &length) == NULL); /* a quote comes first */
    coopnet_csv_next(csv, &have, &err);
    field = coopnet_i_csv_peek_field(csv, 0, &length);
    CHECK(field != NULL && length == 1 && field[0] == 'x');
    CHECK(coopnet_i_csv_peek_field(csv, 1, &length) == NULL); /* quoted */
    coopnet_csv_next(csv, &have, &err);
    CHECK(coopnet_i_csv_peek_field(csv, 1, &length) == NULL); /* runs to the end of the input */
    coopnet_csv_close(csv);
}

/* A record of COOPNET_CSV_MAX_FIELDS fields is read; one more field is a fatal error on the
 * record's line (a line of commas must not cost a field record per comma). */
static void test_field_bound(void)
{
    size_t size = 2 * (COOPNET_CSV_MAX_FIELDS + 1) + 8;
    char *text = malloc(size);
    CHECK(text != NULL);
    if (text == NULL)
        return;
    for (int extra = 0; extra <= 1; extra++) {
        size_t n = 0;
        n += (size_t)snprintf(text, size, "h\n");
        for (int f = 0; f < COOPNET_CSV_MAX_FIELDS + extra; f++)
            text[n++] = f == 0 ? 'x' : ',';
        text[n++] = '\n';
        coopnet_csv_t *csv = NULL;
        coopnet_error_t err;
        int have_record = 0;
        CHECK_INT(coopnet_csv_open_memory(text, n, "wide.csv", &csv, &err), COOPNET_OK);
        CHECK_INT(coopnet_csv_next(csv, &have_record, &err), COOPNET_OK);
        int status = coopnet_csv_next(csv, &have_record, &err);
        if (extra == 0) {
            CHECK_INT(status, COOPNET_OK);
            CHECK_INT(coopnet_csv_field_count(csv), COOPNET_CSV_MAX_FIELDS);
        } else {
            CHECK_INT(status, COOPNET_EDATA);
            CHECK_STR(err.message, "record with more than 16384 fields (a spreadsheet's most "
                                   "columns)");
            CHECK_INT(coopnet_csv_record_line(csv), 2);
            CHECK_INT(coopnet_csv_next(csv, &have_record, &err), COOPNET_OK); /* fatal: the end */
            CHECK_INT(have_record, 0);
        }
        coopnet_csv_close(csv);
    }
    free(text);
}

static void test_open_missing(void)
{
    coopnet_csv_t *csv = (coopnet_csv_t *)1;
    coopnet_error_t err;
    CHECK_INT(coopnet_csv_open("/nonexistent/file.csv", "file.csv", &csv, &err), COOPNET_EIO);
    CHECK(csv == NULL);
    CHECK_CONTAINS(err.message, "cannot read 'file.csv'");
    coopnet_csv_close(NULL);
}

static void test_utf8_check(void)
{
    CHECK_INT(coopnet_utf8_check("abc", 3), 3);
    CHECK_INT(coopnet_utf8_check("\xD9\x81\xD8\xA7\xD8\xB3", 6), 6); /* فاس */
    CHECK_INT(coopnet_utf8_check("a\xC3", 2), 1);                    /* truncated */
    CHECK_INT(coopnet_utf8_check("\xC0\x80", 2), 0);                 /* overlong */
    CHECK_INT(coopnet_utf8_check("\xED\xA0\x80", 3), 0);             /* surrogate */
    CHECK_INT(coopnet_utf8_check("\xF0\x9F\x98\x80", 4), 4);         /* emoji */
    /* noncharacters (issue 18): U+FFFE, U+FFFF, U+FDD0-U+FDEF, U+nFFFE/U+nFFFF */
    CHECK_INT(coopnet_utf8_check("a\xEF\xBF\xBE", 4), 1);    /* U+FFFE */
    CHECK_INT(coopnet_utf8_check("\xEF\xBF\xBF", 3), 0);     /* U+FFFF */
    CHECK_INT(coopnet_utf8_check("\xEF\xB7\x90", 3), 0);     /* U+FDD0 */
    CHECK_INT(coopnet_utf8_check("\xEF\xB7\xAF", 3), 0);     /* U+FDEF */
    CHECK_INT(coopnet_utf8_check("\xEF\xB7\xB0", 3), 3);     /* U+FDF0 is a character */
    CHECK_INT(coopnet_utf8_check("\xF0\x9F\xBF\xBE", 4), 0); /* U+1FFFE */
    CHECK_INT(coopnet_utf8_check("\xF4\x8F\xBF\xBF", 4), 0); /* U+10FFFF */
    CHECK_INT(coopnet_utf8_check("\xEF\xBF\xBD", 3), 3);     /* U+FFFD is a character */
}

int main(void)
{
    TEST_RUN(test_plain_and_quoted);
    TEST_RUN(test_line_numbers);
    TEST_RUN(test_errors);
    TEST_RUN(test_field_bound);
    TEST_RUN(test_open_missing);
    TEST_RUN(test_utf8_check);
    TEST_RUN(test_scanner_at_every_offset);
    TEST_RUN(test_peek_next_field);
    return TEST_DONE();
}
