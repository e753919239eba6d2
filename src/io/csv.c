/* SPDX-License-Identifier: GPL-3.0-or-later */
/* csv.c - streaming RFC 4180 reader (see coopnet/csv.h). */
#include "coopnet/csv.h"
#include "core/internal.h"
#include "io/csv_internal.h"

#include <errno.h>
#include <stdio.h>
#ifdef __SSE2__
#include <emmintrin.h>
#endif
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#define READ_CHUNK ((size_t)1 << 20)

struct coopnet_csv {
    FILE *file; /* NULL when reading from memory */
    char *name;
    const char *data; /* the bytes being scanned: the chunk buffer, or the caller's memory */
    size_t data_length;
    size_t position;
    char *chunk; /* owned read buffer (file input only) */
    int at_end;  /* no more bytes beyond data[data_length) */
    uint64_t bytes_before_data;

    char *record; /* fields of the current record, each NUL-terminated */
    size_t record_length, record_capacity;
    /* where each field starts in record: 32 bits suffice under COOPNET_CSV_MAX_RECORD, and at
     * most COOPNET_CSV_MAX_FIELDS of them, so that a line of commas costs a few bytes a comma */
    uint32_t *field_start;
    size_t n_fields, field_capacity;

    uint64_t line; /* line at the read position */
    uint64_t record_line;
    long bad_field;
    char delimiter; /* ',' unless coopnet_csv_set_delimiter chose another */
    /* the bytes that end an unquoted run: the delimiter, CR, LF and the quote (one table lookup
     * a byte in the scanner instead of four comparisons) */
    unsigned char stops[256];
    /* the current record holds a byte outside printable-or-control ASCII (NUL or 0x80 and up):
     * only then are its fields checked as UTF-8 (coopnet_i_csv_record_ascii) */
    int record_not_ascii;
    int started;
    int fatal;
};

static void set_stops(coopnet_csv_t *csv, char delimiter)
{
    memset(csv->stops, 0, sizeof csv->stops);
    csv->stops[(unsigned char)delimiter] = 1;
    csv->stops['\n'] = csv->stops['\r'] = csv->stops['"'] = 1;
    csv->delimiter = delimiter;
}

static int alloc_reader(const char *name, coopnet_csv_t **csv, coopnet_error_t *err)
{
    coopnet_csv_t *reader = calloc(1, sizeof *reader);
    if (reader == NULL)
        return COOPNET_ERROR(err, COOPNET_ENOMEM, "out of memory opening '%s'", name);
    reader->name = strdup(name);
    reader->line = 1;
    reader->bad_field = -1;
    set_stops(reader, ',');
    if (reader->name == NULL) {
        free(reader);
        return COOPNET_ERROR(err, COOPNET_ENOMEM, "out of memory opening '%s'", name);
    }
    *csv = reader;
    return COOPNET_OK;
}

int coopnet_csv_open(const char *path, const char *display_name, coopnet_csv_t **csv,
                     coopnet_error_t *err)
{
    *csv = NULL;
    const char *name = display_name ? display_name : path;
    FILE *file = fopen(path, "rb");
    if (file == NULL)
        return COOPNET_ERROR(err, COOPNET_EIO, "cannot read '%s': %s", name, strerror(errno));
    coopnet_csv_t *reader = NULL;
    int status = alloc_reader(name, &reader, err);
    if (status != COOPNET_OK) {
        fclose(file);
        return status;
    }
    reader->file = file;
    reader->chunk = malloc(READ_CHUNK);
    if (reader->chunk == NULL) {
        coopnet_csv_close(reader);
        return COOPNET_ERROR(err, COOPNET_ENOMEM, "out of memory opening '%s'", name);
    }
    reader->data = reader->chunk;
    *csv = reader;
    return COOPNET_OK;
}

int coopnet_csv_open_memory(const char *data, size_t size, const char *display_name,
                            coopnet_csv_t **csv, coopnet_error_t *err)
{
    *csv = NULL;
    coopnet_csv_t *reader = NULL;
    int status = alloc_reader(display_name ? display_name : "<memory>", &reader, err);
    if (status != COOPNET_OK)
        return status;
    reader->data = data;
    reader->data_length = size;
    reader->at_end = 1;
    *csv = reader;
    return COOPNET_OK;
}

void coopnet_csv_close(coopnet_csv_t *csv)
{
    if (csv == NULL)
        return;
    if (csv->file)
        fclose(csv->file);
    free(csv->chunk);
    free(csv->name);
    free(csv->record);
    free(csv->field_start);
    free(csv);
}

/* Makes at least one unread byte available; returns 0 at the end of input, -1 on a read error. */
static int refill(coopnet_csv_t *csv)
{
    if (csv->position < csv->data_length)
        return 1;
    if (csv->at_end)
        return 0;
    csv->bytes_before_data += csv->data_length;
    size_t got = fread(csv->chunk, 1, READ_CHUNK, csv->file);
    csv->data_length = got;
    csv->position = 0;
    if (got < READ_CHUNK) {
        if (ferror(csv->file))
            return -1;
        csv->at_end = 1;
    }
    return got > 0;
}

static int append_bytes(coopnet_csv_t *csv, const char *bytes, size_t count)
{
    if (csv->record_length + count + 1 > COOPNET_CSV_MAX_RECORD)
        return COOPNET_EDATA;
    if (csv->record_length + count + 1 > csv->record_capacity &&
        coopnet_i_grow((void **)&csv->record, &csv->record_capacity, csv->record_length + count + 1,
                       1) != COOPNET_OK)
        return COOPNET_ENOMEM;
    memcpy(csv->record + csv->record_length, bytes, count);
    csv->record_length += count;
    return COOPNET_OK;
}

/* The status of start_field past COOPNET_CSV_MAX_FIELDS (memory_error words it). */
#define TOO_MANY_FIELDS (-1)

static int start_field(coopnet_csv_t *csv)
{
    if (csv->n_fields == COOPNET_CSV_MAX_FIELDS)
        return TOO_MANY_FIELDS;
    if (csv->n_fields + 1 > csv->field_capacity &&
        coopnet_i_grow((void **)&csv->field_start, &csv->field_capacity, csv->n_fields + 1,
                       sizeof *csv->field_start) != COOPNET_OK)
        return COOPNET_ENOMEM;
    csv->field_start[csv->n_fields++] = (uint32_t)csv->record_length;
    return COOPNET_OK;
}

static int end_field(coopnet_csv_t *csv)
{
    char terminator = '\0';
    return append_bytes(csv, &terminator, 1);
}

/* U+FDD0 to U+FDEF and the last two code points of every plane: valid UTF-8, but reserved for a
 * program's internal use, and XML (GraphML, GEXF) forbids U+FFFE and U+FFFF. */
static int is_noncharacter(unsigned int code)
{
    return (code >= 0xFDD0 && code <= 0xFDEF) || (code & 0xFFFE) == 0xFFFE;
}

/* The code point of a well-formed 3- or 4-byte sequence at text[0..length) that is a
 * noncharacter, else 0. */
static unsigned int noncharacter_at(const unsigned char *text, size_t length)
{
    unsigned int code;
    size_t need = (text[0] & 0xF0) == 0xE0 ? 2 : (text[0] & 0xF8) == 0xF0 ? 3 : 0;
    if (need == 0 || length <= need)
        return 0;
    for (size_t k = 1; k <= need; k++)
        if ((text[k] & 0xC0) != 0x80)
            return 0;
    if (need == 2)
        code = (text[0] & 0x0Fu) << 12 | (text[1] & 0x3Fu) << 6 | (text[2] & 0x3Fu);
    else
        code = (text[0] & 0x07u) << 18 | (text[1] & 0x3Fu) << 12 | (text[2] & 0x3Fu) << 6 |
               (text[3] & 0x3Fu);
    if (code < (need == 2 ? 0x800u : 0x10000u))
        return 0; /* overlong: invalid UTF-8, not a noncharacter */
    /* the UTF-8 check has passed everything but the noncharacter test when this is one */
    return is_noncharacter(code) ? code : 0;
}

size_t coopnet_utf8_check(const char *text, size_t length)
{
    const unsigned char *bytes = (const unsigned char *)text;
    size_t i = 0;
    while (i < length) {
        /* fast path: eight ASCII bytes, none of them NUL */
        const uint64_t high_bits = 0x8080808080808080ULL, low_bits = 0x0101010101010101ULL;
        while (length - i >= 8) {
            uint64_t word;
            memcpy(&word, bytes + i, sizeof word);
            if ((word & high_bits) != 0 || ((word - low_bits) & ~word & high_bits) != 0)
                break;
            i += 8;
        }
        if (i >= length)
            break;
        unsigned char c = bytes[i];
        if (c >= 0x01 && c < 0x80) {
            i++;
            continue;
        }
        if (c == 0)
            return i;
        size_t need;
        unsigned int code;
        if (c >= 0xC2 && c <= 0xDF) {
            need = 1;
            code = c & 0x1F;
        } else if (c >= 0xE0 && c <= 0xEF) {
            need = 2;
            code = c & 0x0F;
        } else if (c >= 0xF0 && c <= 0xF4) {
            need = 3;
            code = c & 0x07;
        } else {
            return i;
        }
        if (need >= length - i)
            return i;
        for (size_t k = 1; k <= need; k++) {
            if ((bytes[i + k] & 0xC0) != 0x80)
                return i;
            code = (code << 6) | (bytes[i + k] & 0x3F);
        }
        if ((need == 2 && code < 0x800) || (need == 3 && (code < 0x10000 || code > 0x10FFFF)) ||
            (code >= 0xD800 && code <= 0xDFFF) || code == 0xFEFF || is_noncharacter(code))
            return i;
        i += need + 1;
    }
    return length;
}

/* Skips the rest of the physical line after a malformed quoted field. */
static void skip_line(coopnet_csv_t *csv)
{
    for (;;) {
        int more = refill(csv);
        if (more <= 0)
            return;
        const char *start = csv->data + csv->position;
        const char *newline = memchr(start, '\n', csv->data_length - csv->position);
        if (newline) {
            csv->position += (size_t)(newline - start) + 1;
            csv->line++;
            return;
        }
        csv->position = csv->data_length;
    }
}

static int fail(coopnet_csv_t *csv, coopnet_error_t *err, int fatal, const char *format, ...)
    __attribute__((format(printf, 4, 5)));

static int fail(coopnet_csv_t *csv, coopnet_error_t *err, int fatal, const char *format, ...)
{
    va_list args;
    va_start(args, format);
    coopnet_error_setv(err, COOPNET_EDATA, format, args);
    va_end(args);
    if (fatal)
        csv->fatal = 1;
    return COOPNET_EDATA;
}

static int check_start(coopnet_csv_t *csv, coopnet_error_t *err)
{
    csv->started = 1;
    if (refill(csv) <= 0)
        return COOPNET_OK;
    /* a short memory input or chunk still holds the first bytes of the file here */
    const unsigned char *bytes = (const unsigned char *)csv->data;
    size_t available = csv->data_length;
    csv->record_line = 1; /* problems found here are on the first line */
    if (available >= 2 &&
        ((bytes[0] == 0xFF && bytes[1] == 0xFE) || (bytes[0] == 0xFE && bytes[1] == 0xFF)))
        return fail(csv, err, 1,
                    "the file is UTF-16 encoded; save it as UTF-8 (\"CSV UTF-8\" in spreadsheets)");
    if (available >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF)
        csv->position = 3;
    return COOPNET_OK;
}

static int memory_error(coopnet_csv_t *csv, coopnet_error_t *err, int status)
{
    csv->fatal = 1;
    if (status == COOPNET_EDATA)
        return COOPNET_ERROR(err, COOPNET_EDATA, "record longer than %zu MiB",
                             COOPNET_CSV_MAX_RECORD >> 20);
    if (status == TOO_MANY_FIELDS)
        return COOPNET_ERROR(err, COOPNET_EDATA,
                             "record with more than %d fields (a spreadsheet's most columns)",
                             COOPNET_CSV_MAX_FIELDS);
    return COOPNET_ERROR(err, COOPNET_ENOMEM, "out of memory reading '%s'", csv->name);
}

/* The first byte of data[i..end) that ends an unquoted run (csv->stops) or is not ASCII (NUL,
 * 0x80 and up: the record then needs its UTF-8 checked), or end. Sixteen bytes a step where the
 * machine has SSE2 (every x86-64), a table lookup a byte elsewhere. */
static size_t scan_unquoted(const coopnet_csv_t *csv, const char *data, size_t i, size_t end)
{
#ifdef __SSE2__
    const __m128i delimiter = _mm_set1_epi8(csv->delimiter), quote = _mm_set1_epi8('"'),
                  newline = _mm_set1_epi8('\n'), carriage = _mm_set1_epi8('\r'),
                  zero = _mm_setzero_si128();
    while (end - i >= 16) {
        __m128i bytes = _mm_loadu_si128((const __m128i *)(const void *)(data + i));
        __m128i hit = _mm_or_si128(
            _mm_or_si128(_mm_cmpeq_epi8(bytes, delimiter), _mm_cmpeq_epi8(bytes, quote)),
            _mm_or_si128(_mm_cmpeq_epi8(bytes, newline), _mm_cmpeq_epi8(bytes, carriage)));
        /* the sign bit marks 0x80 and up, as the mask reads it */
        int mask = _mm_movemask_epi8(_mm_or_si128(hit, _mm_cmpeq_epi8(bytes, zero))) |
                   _mm_movemask_epi8(bytes);
        if (mask != 0)
            return i + (size_t)__builtin_ctz((unsigned int)mask);
        i += 16;
    }
#endif
    const unsigned char *stops = csv->stops;
    while (i < end && !stops[(unsigned char)data[i]] && (unsigned char)data[i] - 1u < 0x7Fu)
        i++;
    return i;
}

int coopnet_csv_next(coopnet_csv_t *csv, int *have_record, coopnet_error_t *err)
{
    *have_record = 0;
    csv->record_length = 0;
    csv->n_fields = 0;
    csv->bad_field = -1;
    csv->record_not_ascii = 0;
    if (csv->fatal)
        return COOPNET_OK;
    if (!csv->started) {
        int status = check_start(csv, err);
        if (status != COOPNET_OK)
            return status;
    }

    int more = refill(csv);
    if (more < 0) {
        csv->fatal = 1;
        return COOPNET_ERROR(err, COOPNET_EIO, "cannot read '%s': %s", csv->name, strerror(errno));
    }
    if (more == 0)
        return COOPNET_OK;

    csv->record_line = csv->line;
    int status;
    int in_quotes = 0;
    int field_was_quoted = 0;
    if ((status = start_field(csv)) != COOPNET_OK)
        return memory_error(csv, err, status);

    for (;;) {
        more = refill(csv);
        if (more < 0) {
            csv->fatal = 1;
            return COOPNET_ERROR(err, COOPNET_EIO, "cannot read '%s': %s", csv->name,
                                 strerror(errno));
        }
        if (more == 0) {
            if (in_quotes)
                return fail(csv, err, 1,
                            "unterminated quoted field running to the end of the file");
            break;
        }
        const char *data = csv->data;
        size_t end = csv->data_length;
        size_t i = csv->position;

        if (in_quotes) {
            /* copy up to the next quote, counting newlines */
            size_t span_start = i;
            while (i < end && data[i] != '"') {
                if (data[i] == '\n')
                    csv->line++;
                else if ((unsigned char)data[i] - 1u >= 0x7Fu)
                    csv->record_not_ascii = 1;
                i++;
            }
            if ((status = append_bytes(csv, data + span_start, i - span_start)) != COOPNET_OK)
                return memory_error(csv, err, status);
            csv->position = i;
            if (i == end)
                continue;
            csv->position = i + 1; /* past the quote */
            if (refill(csv) > 0 && csv->data[csv->position] == '"') {
                if ((status = append_bytes(csv, "\"", 1)) != COOPNET_OK)
                    return memory_error(csv, err, status);
                csv->position++;
                continue;
            }
            in_quotes = 0;
            continue;
        }

        /* unquoted: scan to the next delimiter */
        size_t span_start = i;
        for (;;) {
            i = scan_unquoted(csv, data, i, end);
            if (i == end || csv->stops[(unsigned char)data[i]])
                break;
            csv->record_not_ascii = 1; /* NUL or a byte of a multi-byte character: read on */
            i++;
        }
        if (i > span_start) {
            if (field_was_quoted) {
                csv->position = i;
                skip_line(csv);
                return fail(csv, err, 0, "field %zu: unexpected text after a closing quote",
                            csv->n_fields);
            }
            if ((status = append_bytes(csv, data + span_start, i - span_start)) != COOPNET_OK)
                return memory_error(csv, err, status);
        }
        csv->position = i;
        if (i == end)
            continue;
        char c = data[i];
        csv->position = i + 1;
        if (c == '"') {
            size_t field_length = csv->record_length - csv->field_start[csv->n_fields - 1];
            if (field_length > 0 || field_was_quoted) {
                skip_line(csv);
                return fail(csv, err, 0,
                            "field %zu: a quote inside an unquoted field (quote the whole field "
                            "and double the quote: \"\")",
                            csv->n_fields);
            }
            in_quotes = 1;
            field_was_quoted = 1;
            continue;
        }
        if (c == csv->delimiter) {
            if ((status = end_field(csv)) != COOPNET_OK ||
                (status = start_field(csv)) != COOPNET_OK)
                return memory_error(csv, err, status);
            field_was_quoted = 0;
            continue;
        }
        /* end of record: LF, CR or CRLF */
        if (c == '\r' && refill(csv) > 0 && csv->data[csv->position] == '\n')
            csv->position++;
        csv->line++;
        break;
    }
    if ((status = end_field(csv)) != COOPNET_OK)
        return memory_error(csv, err, status);

    for (size_t f = 0; csv->record_not_ascii && f < csv->n_fields; f++) {
        size_t length;
        const char *field = coopnet_csv_field(csv, f, &length);
        size_t bad = coopnet_utf8_check(field, length);
        if (bad == length)
            continue;
        csv->bad_field = (long)f;
        unsigned char byte = (unsigned char)field[bad];
        if (byte == 0)
            return fail(csv, err, 0, "field %zu: NUL byte (is the file UTF-16 encoded?)", f + 1);
        if (byte == 0xEF && bad + 2 < length && (unsigned char)field[bad + 1] == 0xBB &&
            (unsigned char)field[bad + 2] == 0xBF)
            return fail(csv, err, 0, "field %zu: byte-order mark in the middle of the file", f + 1);
        unsigned int noncharacter =
            noncharacter_at((const unsigned char *)field + bad, length - bad);
        if (noncharacter != 0)
            return fail(csv, err, 0,
                        "field %zu: Unicode noncharacter U+%04X at offset %zu (not allowed in "
                        "text; XML exports could not carry it)",
                        f + 1, noncharacter, bad);
        return fail(csv, err, 0,
                    "field %zu: invalid UTF-8 (byte 0x%02x at offset %zu; is the file Latin-1? "
                    "save it as UTF-8)",
                    f + 1, byte, bad);
    }
    *have_record = 1;
    return COOPNET_OK;
}

int coopnet_i_csv_start_at(coopnet_csv_t *csv, uint64_t offset, coopnet_error_t *err)
{
    if (csv->started)
        return COOPNET_ERROR(err, COOPNET_EINVAL,
                             "'%s' can start elsewhere only before its first record", csv->name);
    if (csv->file == NULL) {
        if (offset > csv->data_length)
            return COOPNET_ERROR(err, COOPNET_EINVAL, "offset %llu is past the end of '%s'",
                                 (unsigned long long)offset, csv->name);
        csv->position = (size_t)offset;
    } else {
        if (offset > (uint64_t)INT64_MAX || fseeko(csv->file, (off_t)offset, SEEK_SET) != 0)
            return COOPNET_ERROR(err, COOPNET_EIO, "cannot read '%s': %s", csv->name,
                                 strerror(errno));
        csv->bytes_before_data = offset;
    }
    csv->started = 1;
    return COOPNET_OK;
}

const char *coopnet_i_csv_peek_field(const coopnet_csv_t *csv, size_t index, size_t *length)
{
    if (csv->fatal || !csv->started)
        return NULL;
    const char *p = csv->data + csv->position, *end = csv->data + csv->data_length;
    for (size_t f = 0;; f++) {
        const char *start = p;
        while (p < end && *p != csv->delimiter && *p != '\n' && *p != '\r' && *p != '"')
            p++;
        if (p == end || *p == '"')
            return NULL; /* past the bytes at hand, or quoted: not worth reading ahead */
        if (f == index) {
            *length = (size_t)(p - start);
            return start;
        }
        if (*p != csv->delimiter)
            return NULL; /* the record ends before the field */
        p++;
    }
}

uint64_t coopnet_i_csv_input_size(const coopnet_csv_t *csv)
{
    if (csv->file == NULL)
        return csv->data_length;
    struct stat info;
    if (fstat(fileno(csv->file), &info) != 0 || !S_ISREG(info.st_mode) || info.st_size < 0)
        return 0;
    return (uint64_t)info.st_size;
}

bool coopnet_i_csv_record_ascii(const coopnet_csv_t *csv)
{
    return !csv->record_not_ascii;
}

uint64_t coopnet_i_csv_next_line(const coopnet_csv_t *csv)
{
    return csv->line;
}

int coopnet_csv_set_delimiter(coopnet_csv_t *csv, char delimiter, coopnet_error_t *err)
{
    if (csv->started)
        return COOPNET_ERROR(err, COOPNET_EINVAL,
                             "the delimiter of '%s' must be set before its first record",
                             csv->name);
    if (delimiter == '"' || delimiter == '\n' || delimiter == '\r' || delimiter == '\0' ||
        (unsigned char)delimiter >= 0x80)
        return COOPNET_ERROR(err, COOPNET_EINVAL, "cannot use byte 0x%02x as a CSV delimiter",
                             (unsigned char)delimiter);
    set_stops(csv, delimiter);
    return COOPNET_OK;
}

size_t coopnet_csv_field_count(const coopnet_csv_t *csv)
{
    return csv->n_fields;
}

const char *coopnet_csv_field(const coopnet_csv_t *csv, size_t i, size_t *length)
{
    size_t start = csv->field_start[i];
    size_t stop = i + 1 < csv->n_fields ? csv->field_start[i + 1] - 1 : csv->record_length - 1;
    if (length)
        *length = stop - start;
    return csv->record + start;
}

uint64_t coopnet_csv_record_line(const coopnet_csv_t *csv)
{
    return csv->record_line;
}

long coopnet_csv_bad_field(const coopnet_csv_t *csv)
{
    return csv->bad_field;
}

const char *coopnet_csv_name(const coopnet_csv_t *csv)
{
    return csv->name;
}

uint64_t coopnet_csv_bytes_read(const coopnet_csv_t *csv)
{
    return csv->bytes_before_data + csv->position;
}
