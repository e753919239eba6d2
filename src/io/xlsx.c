/* SPDX-License-Identifier: GPL-3.0-or-later */
/* xlsx.c - one worksheet of an .xlsx workbook as cells of text (see io/xlsx_internal.h).
 *
 * The package is a zip (libzip) of XML parts (libxml2's streaming reader, fed from the zip
 * stream so that no part is held whole): _rels/.rels names the workbook, the workbook names its
 * sheets and their relationship ids, the workbook's relationships give each sheet's part, the
 * shared strings and the styles; the styles say which cells are dates. */
#include "io/xlsx_internal.h"
#include "core/internal.h"
#include "coopnet/date.h"

#include <errno.h>
#include <libxml/xmlreader.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <zip.h>

/* ---- parts: names, streams ------------------------------------------------------------------ */

typedef struct part_stream {
    zip_file_t *file;
    size_t read; /* bytes inflated so far */
    bool too_large;
    bool failed;
} part_stream_t;

static int part_read(void *context, char *buffer, int length)
{
    part_stream_t *stream = context;
    zip_int64_t got = zip_fread(stream->file, buffer, (zip_uint64_t)length);
    if (got < 0) {
        stream->failed = true;
        return -1;
    }
    stream->read += (size_t)got;
    if (stream->read > COOPNET_XLSX_MAX_PART_BYTES) {
        stream->too_large = true;
        return -1;
    }
    return (int)got;
}

static int part_close(void *context)
{
    (void)context; /* closed by close_part, which knows whether the stream failed */
    return 0;
}

typedef struct workbook {
    const char *path; /* the .xlsx file, for messages */
    zip_t *zip;
    char xml_error[256]; /* the first complaint of libxml2 about the current part */
} workbook_t;

static void keep_xml_error(void *context, const xmlError *error)
{
    workbook_t *book = context;
    if (book->xml_error[0] == '\0' && error != NULL && error->message != NULL) {
        snprintf(book->xml_error, sizeof book->xml_error, "line %d: %s", error->line,
                 error->message);
        size_t length = strlen(book->xml_error);
        if (length > 0 && book->xml_error[length - 1] == '\n')
            book->xml_error[length - 1] = '\0';
    }
}

/* Opens the part name for streaming. Returns COOPNET_OK, or COOPNET_EDATA when the package has
 * no such part (required) or it would inflate beyond the bound; *reader NULL when an optional
 * part is missing. */
static int open_part(workbook_t *book, const char *name, bool required, part_stream_t *stream,
                     xmlTextReaderPtr *reader, coopnet_error_t *err)
{
    *reader = NULL;
    memset(stream, 0, sizeof *stream);
    zip_stat_t stat;
    zip_stat_init(&stat);
    if (zip_stat(book->zip, name, 0, &stat) != 0) {
        if (!required)
            return COOPNET_OK;
        return COOPNET_ERROR(err, COOPNET_EDATA, "'%s': the workbook has no part '%s'", book->path,
                             name);
    }
    if ((stat.valid & ZIP_STAT_SIZE) && stat.size > COOPNET_XLSX_MAX_PART_BYTES)
        return COOPNET_ERROR(err, COOPNET_EDATA,
                             "'%s': part '%s' inflates to %llu bytes, more than the %u MiB a part "
                             "may hold (a zip bomb?)",
                             book->path, name, (unsigned long long)stat.size,
                             COOPNET_XLSX_MAX_PART_BYTES >> 20);
    stream->file = zip_fopen(book->zip, name, 0);
    if (stream->file == NULL)
        return COOPNET_ERROR(err, COOPNET_EDATA, "'%s': cannot open part '%s': %s", book->path,
                             name, zip_strerror(book->zip));
    book->xml_error[0] = '\0';
    *reader = xmlReaderForIO(part_read, part_close, stream, name, NULL,
                             XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
    if (*reader == NULL) {
        zip_fclose(stream->file);
        stream->file = NULL;
        return COOPNET_ERROR(err, COOPNET_ENOMEM, "out of memory reading '%s'", book->path);
    }
    xmlTextReaderSetStructuredErrorHandler(*reader, (xmlStructuredErrorFunc)keep_xml_error, book);
    return COOPNET_OK;
}

/* Closes the part; when read ended in -1 (an error), says why. */
static int close_part(workbook_t *book, const char *name, part_stream_t *stream,
                      xmlTextReaderPtr reader, int read, int status, coopnet_error_t *err)
{
    if (status == COOPNET_OK && read < 0) {
        if (stream->too_large)
            status = COOPNET_ERROR(err, COOPNET_EDATA,
                                   "'%s': part '%s' inflates to more than the %u MiB a part may "
                                   "hold (a zip bomb?)",
                                   book->path, name, COOPNET_XLSX_MAX_PART_BYTES >> 20);
        else if (stream->failed)
            status = COOPNET_ERROR(err, COOPNET_EDATA, "'%s': cannot inflate part '%s': %s",
                                   book->path, name, zip_file_strerror(stream->file));
        else
            status = COOPNET_ERROR(err, COOPNET_EDATA, "'%s': malformed XML in part '%s' (%s)",
                                   book->path, name,
                                   book->xml_error[0] ? book->xml_error : "cannot parse");
    }
    xmlFreeTextReader(reader);
    if (stream->file != NULL)
        zip_fclose(stream->file);
    stream->file = NULL;
    return status;
}

/* The part a relationship target names, resolved against the folder of the part that holds the
 * relationship ("xl/" for xl/workbook.xml); '.' and '..' segments are resolved and a name that
 * climbs above the package's root is refused. Returns a malloc'd name, or NULL with err set. */
static char *resolve_part(workbook_t *book, const char *base_folder, const char *target,
                          coopnet_error_t *err)
{
    size_t size = strlen(base_folder) + strlen(target) + 2;
    char *joined = malloc(size);
    char *resolved = malloc(size);
    if (joined == NULL || resolved == NULL) {
        free(joined);
        free(resolved);
        COOPNET_ERROR(err, COOPNET_ENOMEM, "out of memory reading '%s'", book->path);
        return NULL;
    }
    if (target[0] == '/')
        snprintf(joined, size, "%s", target + 1);
    else
        snprintf(joined, size, "%s%s", base_folder, target);
    size_t length = 0;
    char *state = NULL;
    bool escapes = false;
    for (char *segment = strtok_r(joined, "/", &state); segment;
         segment = strtok_r(NULL, "/", &state)) {
        if (strcmp(segment, ".") == 0)
            continue;
        if (strcmp(segment, "..") == 0) {
            if (length == 0) {
                escapes = true;
                break;
            }
            while (length > 0 && resolved[length - 1] != '/')
                length--;
            if (length > 0)
                length--; /* the '/' before the dropped segment */
            continue;
        }
        if (length > 0)
            resolved[length++] = '/';
        size_t n = strlen(segment);
        memcpy(resolved + length, segment, n);
        length += n;
    }
    resolved[length] = '\0';
    free(joined);
    if (escapes || length == 0) {
        COOPNET_ERROR(err, COOPNET_EDATA, "'%s': part name '%s' lies outside the package",
                      book->path, target);
        free(resolved);
        return NULL;
    }
    return resolved;
}

static bool ends_with(const char *text, const char *suffix)
{
    size_t n = strlen(text), m = strlen(suffix);
    return n >= m && strcmp(text + n - m, suffix) == 0;
}

/* The value of the attribute with this local name, in any namespace (r:id) or none. */
static xmlChar *attribute_any_namespace(xmlTextReaderPtr reader, const char *local_name,
                                        bool namespaced)
{
    if (xmlTextReaderMoveToFirstAttribute(reader) != 1)
        return NULL;
    xmlChar *value = NULL;
    do {
        const char *name = (const char *)xmlTextReaderConstLocalName(reader);
        bool has_namespace = xmlTextReaderConstNamespaceUri(reader) != NULL;
        if (name && strcmp(name, local_name) == 0 && has_namespace == namespaced) {
            value = xmlTextReaderValue(reader);
            break;
        }
    } while (xmlTextReaderMoveToNextAttribute(reader) == 1);
    xmlTextReaderMoveToElement(reader);
    return value;
}

static char *attribute(xmlTextReaderPtr reader, const char *name)
{
    return (char *)xmlTextReaderGetAttribute(reader, (const xmlChar *)name);
}

/* ---- relationships ------------------------------------------------------------------------ */

/* The relationships of a part: type suffix and id -> target. */
typedef struct relationship {
    char *id, *type, *target;
} relationship_t;

typedef struct relationships {
    relationship_t *items;
    size_t count, capacity;
} relationships_t;

static void relationships_destroy(relationships_t *rels)
{
    for (size_t i = 0; i < rels->count; i++) {
        xmlFree(rels->items[i].id);
        xmlFree(rels->items[i].type);
        xmlFree(rels->items[i].target);
    }
    free(rels->items);
}

static int read_relationships(workbook_t *book, const char *name, relationships_t *rels,
                              coopnet_error_t *err)
{
    part_stream_t stream;
    xmlTextReaderPtr reader;
    int status = open_part(book, name, true, &stream, &reader, err);
    if (status != COOPNET_OK)
        return status;
    int read;
    while (status == COOPNET_OK && (read = xmlTextReaderRead(reader)) == 1) {
        const char *element = (const char *)xmlTextReaderConstLocalName(reader);
        if (xmlTextReaderNodeType(reader) != XML_READER_TYPE_ELEMENT ||
            strcmp(element, "Relationship") != 0)
            continue;
        char *mode = attribute(reader, "TargetMode");
        bool external = mode && strcasecmp(mode, "External") == 0;
        xmlFree(mode);
        if (external)
            continue;
        if (coopnet_i_grow((void **)&rels->items, &rels->capacity, rels->count + 1,
                           sizeof *rels->items) != 0) {
            status = COOPNET_ERROR(err, COOPNET_ENOMEM, "out of memory reading '%s'", book->path);
            break;
        }
        relationship_t *rel = &rels->items[rels->count++];
        rel->id = attribute(reader, "Id");
        rel->type = attribute(reader, "Type");
        rel->target = attribute(reader, "Target");
        if (rel->id == NULL || rel->type == NULL || rel->target == NULL)
            status = COOPNET_ERROR(err, COOPNET_EDATA,
                                   "'%s': a relationship in '%s' lacks its Id, Type or Target",
                                   book->path, name);
    }
    return close_part(book, name, &stream, reader, read, status, err);
}

static const relationship_t *relationship_of_type(const relationships_t *rels, const char *suffix)
{
    for (size_t i = 0; i < rels->count; i++)
        if (ends_with(rels->items[i].type, suffix))
            return &rels->items[i];
    return NULL;
}

/* ---- the workbook: sheets and date system ------------------------------------------------ */

typedef struct sheet_entry {
    char *name, *relationship_id;
} sheet_entry_t;

typedef struct workbook_info {
    sheet_entry_t *sheets;
    size_t n_sheets, capacity;
    bool date1904;
} workbook_info_t;

static void workbook_info_destroy(workbook_info_t *info)
{
    for (size_t i = 0; i < info->n_sheets; i++) {
        xmlFree(info->sheets[i].name);
        xmlFree(info->sheets[i].relationship_id);
    }
    free(info->sheets);
}

static int read_workbook(workbook_t *book, const char *name, workbook_info_t *info,
                         coopnet_error_t *err)
{
    part_stream_t stream;
    xmlTextReaderPtr reader;
    int status = open_part(book, name, true, &stream, &reader, err);
    if (status != COOPNET_OK)
        return status;
    int read;
    while (status == COOPNET_OK && (read = xmlTextReaderRead(reader)) == 1) {
        if (xmlTextReaderNodeType(reader) != XML_READER_TYPE_ELEMENT)
            continue;
        const char *element = (const char *)xmlTextReaderConstLocalName(reader);
        if (strcmp(element, "workbookPr") == 0) {
            char *flag = attribute(reader, "date1904");
            info->date1904 = flag && (strcmp(flag, "1") == 0 || strcasecmp(flag, "true") == 0);
            xmlFree(flag);
        } else if (strcmp(element, "sheet") == 0) {
            if (coopnet_i_grow((void **)&info->sheets, &info->capacity, info->n_sheets + 1,
                               sizeof *info->sheets) != 0) {
                status =
                    COOPNET_ERROR(err, COOPNET_ENOMEM, "out of memory reading '%s'", book->path);
                break;
            }
            sheet_entry_t *entry = &info->sheets[info->n_sheets++];
            entry->name = attribute(reader, "name");
            entry->relationship_id = (char *)attribute_any_namespace(reader, "id", true);
            if (entry->name == NULL || entry->relationship_id == NULL)
                status = COOPNET_ERROR(err, COOPNET_EDATA,
                                       "'%s': a sheet in '%s' lacks its name or relationship id",
                                       book->path, name);
        }
    }
    return close_part(book, name, &stream, reader, read, status, err);
}

/* ---- shared strings and the text of a string item ----------------------------------------- */

typedef struct shared_strings {
    const char **items;
    size_t count, capacity;
} shared_strings_t;

/* Appends text to a growing buffer. Returns 0, or -1 when out of memory or beyond the bound. */
static int append_text(char **buffer, size_t *length, size_t *capacity, const char *text)
{
    size_t n = strlen(text);
    if (*length + n + 1 > COOPNET_XLSX_MAX_PART_BYTES)
        return -1;
    if (coopnet_i_grow((void **)buffer, capacity, *length + n + 1, 1) != 0)
        return -1;
    memcpy(*buffer + *length, text, n + 1);
    *length += n;
    return 0;
}

/* Decodes the _xHHHH_ escapes of OOXML strings (a carriage return is _x000D_) in place: a
 * control character becomes a space, any other code point its UTF-8 bytes. */
static void decode_escapes(char *text)
{
    char *out = text;
    for (const char *in = text; *in;) {
        unsigned code;
        int used = 0;
        if (in[0] == '_' && in[1] == 'x' && sscanf(in, "_x%4x_%n", &code, &used) == 1 &&
            used == 7) {
            in += 7;
            if (code < 0x20 || code == 0x7f) {
                *out++ = ' ';
            } else if (code < 0x80) {
                *out++ = (char)code;
            } else if (code < 0x800) {
                *out++ = (char)(0xc0 | (code >> 6));
                *out++ = (char)(0x80 | (code & 0x3f));
            } else {
                *out++ = (char)(0xe0 | (code >> 12));
                *out++ = (char)(0x80 | ((code >> 6) & 0x3f));
                *out++ = (char)(0x80 | (code & 0x3f));
            }
            continue;
        }
        *out++ = *in++;
    }
    *out = '\0';
}

/* With the reader on a <si> or <is> element: the text of its runs (<t>), phonetic readings
 * (<rPh>) left out, into the arena. Leaves the reader on the element's end. NULL when out of
 * memory or too long. */
static const char *read_string_item(xmlTextReaderPtr reader, coopnet_arena_t *arena, int *read)
{
    char *buffer = NULL;
    size_t length = 0, capacity = 0;
    bool failed = append_text(&buffer, &length, &capacity, "") != 0;
    if (xmlTextReaderIsEmptyElement(reader)) {
        const char *kept = failed ? NULL : coopnet_i_arena_strndup(arena, "", 0);
        free(buffer);
        return kept;
    }
    int depth = xmlTextReaderDepth(reader), phonetic_depth = -1;
    while (!failed && (*read = xmlTextReaderRead(reader)) == 1) {
        int type = xmlTextReaderNodeType(reader), node_depth = xmlTextReaderDepth(reader);
        const char *element = (const char *)xmlTextReaderConstLocalName(reader);
        if (type == XML_READER_TYPE_END_ELEMENT && node_depth == depth)
            break;
        if (type == XML_READER_TYPE_ELEMENT && strcmp(element, "rPh") == 0 &&
            !xmlTextReaderIsEmptyElement(reader))
            phonetic_depth = node_depth;
        else if (type == XML_READER_TYPE_END_ELEMENT && node_depth == phonetic_depth)
            phonetic_depth = -1;
        else if ((type == XML_READER_TYPE_TEXT || type == XML_READER_TYPE_SIGNIFICANT_WHITESPACE ||
                  type == XML_READER_TYPE_CDATA || type == XML_READER_TYPE_WHITESPACE) &&
                 phonetic_depth < 0) {
            const char *text = (const char *)xmlTextReaderConstValue(reader);
            if (text && type != XML_READER_TYPE_WHITESPACE)
                failed = append_text(&buffer, &length, &capacity, text) != 0;
        }
    }
    const char *kept = NULL;
    if (!failed && *read == 1) {
        decode_escapes(buffer);
        kept = coopnet_i_arena_strndup(arena, buffer, strlen(buffer));
    }
    free(buffer);
    return kept;
}

static int read_shared_strings(workbook_t *book, const char *name, coopnet_arena_t *arena,
                               shared_strings_t *table, coopnet_error_t *err)
{
    part_stream_t stream;
    xmlTextReaderPtr reader;
    int status = open_part(book, name, false, &stream, &reader, err);
    if (status != COOPNET_OK || reader == NULL)
        return status;
    int read;
    while (status == COOPNET_OK && (read = xmlTextReaderRead(reader)) == 1) {
        if (xmlTextReaderNodeType(reader) != XML_READER_TYPE_ELEMENT ||
            strcmp((const char *)xmlTextReaderConstLocalName(reader), "si") != 0)
            continue;
        const char *text = read_string_item(reader, arena, &read);
        if (read != 1)
            break;
        if (text == NULL || coopnet_i_grow((void **)&table->items, &table->capacity,
                                           table->count + 1, sizeof *table->items) != 0) {
            status = COOPNET_ERROR(err, COOPNET_ENOMEM, "out of memory reading '%s'", book->path);
            break;
        }
        table->items[table->count++] = text;
    }
    return close_part(book, name, &stream, reader, read, status, err);
}

/* ---- styles: which cell formats are dates ------------------------------------------------- */

/* Whether a number format code shows a date: a day or a year outside quoted text, escapes and
 * [...] sections (colours, locales, elapsed hours). A format of months and hours alone is a time
 * (its m are minutes) and is not a date. */
static bool format_code_is_date(const char *code)
{
    bool in_quotes = false;
    int depth = 0;
    for (const char *c = code; *c; c++) {
        if (*c == '"') {
            in_quotes = !in_quotes;
            continue;
        }
        if (in_quotes)
            continue;
        if (*c == '\\' || *c == '_' || *c == '*') {
            if (c[1])
                c++;
            continue;
        }
        if (*c == '[')
            depth++;
        else if (*c == ']' && depth > 0)
            depth--;
        else if (depth == 0 && (*c == 'd' || *c == 'D' || *c == 'y' || *c == 'Y'))
            return true;
    }
    return false;
}

static bool builtin_format_is_date(long id)
{
    return (id >= 14 && id <= 17) || id == 22 || (id >= 27 && id <= 36) || (id >= 50 && id <= 58);
}

typedef struct styles {
    unsigned char *is_date; /* per cell format index (the s attribute) */
    size_t count, capacity;
} styles_t;

static int read_styles(workbook_t *book, const char *name, styles_t *styles, coopnet_error_t *err)
{
    part_stream_t stream;
    xmlTextReaderPtr reader;
    int status = open_part(book, name, false, &stream, &reader, err);
    if (status != COOPNET_OK || reader == NULL)
        return status;
    long *date_formats = NULL; /* custom format ids that are dates */
    size_t n_date_formats = 0, date_capacity = 0;
    int read, cell_formats_depth = -1;
    while (status == COOPNET_OK && (read = xmlTextReaderRead(reader)) == 1) {
        int type = xmlTextReaderNodeType(reader);
        const char *element = (const char *)xmlTextReaderConstLocalName(reader);
        if (type == XML_READER_TYPE_END_ELEMENT && strcmp(element, "cellXfs") == 0) {
            cell_formats_depth = -1;
            continue;
        }
        if (type != XML_READER_TYPE_ELEMENT)
            continue;
        if (strcmp(element, "cellXfs") == 0 && !xmlTextReaderIsEmptyElement(reader)) {
            cell_formats_depth = xmlTextReaderDepth(reader);
        } else if (strcmp(element, "numFmt") == 0) {
            char *id = attribute(reader, "numFmtId"), *code = attribute(reader, "formatCode");
            if (id && code && format_code_is_date(code)) {
                if (coopnet_i_grow((void **)&date_formats, &date_capacity, n_date_formats + 1,
                                   sizeof *date_formats) != 0)
                    status = COOPNET_ENOMEM;
                else
                    date_formats[n_date_formats++] = strtol(id, NULL, 10);
            }
            xmlFree(id);
            xmlFree(code);
        } else if (strcmp(element, "xf") == 0 && cell_formats_depth >= 0 &&
                   xmlTextReaderDepth(reader) == cell_formats_depth + 1) {
            char *id_text = attribute(reader, "numFmtId");
            long id = id_text ? strtol(id_text, NULL, 10) : 0;
            xmlFree(id_text);
            bool is_date = builtin_format_is_date(id);
            for (size_t i = 0; i < n_date_formats && !is_date; i++)
                is_date = date_formats[i] == id;
            if (coopnet_i_grow((void **)&styles->is_date, &styles->capacity, styles->count + 1,
                               1) != 0)
                status = COOPNET_ENOMEM;
            else
                styles->is_date[styles->count++] = is_date;
        }
    }
    free(date_formats);
    if (status == COOPNET_ENOMEM)
        COOPNET_ERROR(err, COOPNET_ENOMEM, "out of memory reading '%s'", book->path);
    return close_part(book, name, &stream, reader, read, status, err);
}

/* ---- the sheet ----------------------------------------------------------------------------- */

void coopnet_i_xlsx_column_name(uint32_t column, char name[8])
{
    char reversed[8];
    size_t n = 0;
    uint64_t value = (uint64_t)column + 1;
    while (value > 0 && n < 7) {
        value--;
        reversed[n++] = (char)('A' + value % 26);
        value /= 26;
    }
    for (size_t i = 0; i < n; i++)
        name[i] = reversed[n - 1 - i];
    name[n] = '\0';
}

/* Reads "C14" into column 2 and row 14. Returns 0, or -1 when it is no cell reference. */
static int parse_reference(const char *reference, uint32_t *row, uint32_t *column)
{
    uint64_t col = 0, r = 0;
    const char *c = reference;
    for (; *c >= 'A' && *c <= 'Z'; c++) {
        col = col * 26 + (uint64_t)(*c - 'A' + 1);
        if (col > 16384)
            return -1;
    }
    if (c == reference)
        return -1;
    const char *digits = c;
    for (; *c >= '0' && *c <= '9'; c++) {
        r = r * 10 + (uint64_t)(*c - '0');
        if (r > 1048576)
            return -1;
    }
    if (c == digits || *c != '\0' || r == 0)
        return -1;
    *row = (uint32_t)r;
    *column = (uint32_t)(col - 1);
    return 0;
}

typedef struct merge_range {
    uint32_t first_row, first_column, last_row, last_column;
} merge_range_t;

typedef struct sheet_reader {
    workbook_t *book;
    const char *part;
    coopnet_xlsx_sheet_t *sheet;
    const shared_strings_t *shared;
    const styles_t *styles;
    bool date1904;
    merge_range_t *merges;
    size_t n_merges, merge_capacity;
    coopnet_error_t *err;
} sheet_reader_t;

static int cell_error(sheet_reader_t *context, uint32_t row, uint32_t column, const char *format,
                      const char *detail)
{
    char column_name[8];
    coopnet_i_xlsx_column_name(column, column_name);
    char message[COOPNET_ERROR_MESSAGE_SIZE];
    snprintf(message, sizeof message, format, detail);
    return COOPNET_ERROR(context->err, COOPNET_EDATA, "%s:%s!%s%u: %s", context->book->path,
                         context->sheet->name, column_name, row, message);
}

static int add_cell(sheet_reader_t *context, uint32_t row, uint32_t column, const char *text)
{
    coopnet_xlsx_sheet_t *sheet = context->sheet;
    if (sheet->n_cells >= COOPNET_XLSX_MAX_CELLS)
        return COOPNET_ERROR(context->err, COOPNET_EDATA,
                             "'%s': sheet '%s' holds more than %zu cells with text",
                             context->book->path, sheet->name, COOPNET_XLSX_MAX_CELLS);
    if (coopnet_i_grow((void **)&sheet->cells, &sheet->capacity, sheet->n_cells + 1,
                       sizeof *sheet->cells) != 0)
        return COOPNET_ERROR(context->err, COOPNET_ENOMEM, "out of memory reading '%s'",
                             context->book->path);
    sheet->cells[sheet->n_cells++] = (coopnet_xlsx_cell_t){row, column, text};
    return COOPNET_OK;
}

/* The text of a cell from its type (t), style (s) and raw value (<v> or <is>). */
static int cell_text(sheet_reader_t *context, uint32_t row, uint32_t column, const char *type,
                     const char *style, const char *raw, const char **text)
{
    coopnet_arena_t *arena = &context->sheet->strings;
    *text = NULL;
    if (type != NULL && strcmp(type, "s") == 0) {
        char *end;
        errno = 0;
        unsigned long long index = strtoull(raw, &end, 10);
        if (end == raw || *end != '\0' || errno != 0 || index >= context->shared->count)
            return cell_error(context, row, column,
                              "shared string '%s' does not exist in the workbook's table", raw);
        *text = context->shared->items[index];
        return COOPNET_OK;
    }
    if (type != NULL && strcmp(type, "e") == 0)
        return cell_error(context, row, column, "the cell holds the spreadsheet error '%s'", raw);
    if (type != NULL && strcmp(type, "b") == 0) {
        *text = strcmp(raw, "1") == 0 ? "TRUE" : "FALSE";
        return COOPNET_OK;
    }
    if (type != NULL && strcmp(type, "d") == 0) { /* an ISO 8601 date and time */
        size_t length = strcspn(raw, "T");
        *text = coopnet_i_arena_strndup(arena, raw, length);
        return *text ? COOPNET_OK : COOPNET_ERROR(context->err, COOPNET_ENOMEM, "out of memory");
    }
    if (type != NULL && strcmp(type, "n") != 0) { /* str, inlineStr: text as written */
        *text = raw;
        return COOPNET_OK;
    }
    char *end;
    double number = strtod(raw, &end);
    if (end == raw || *end != '\0' || !isfinite(number))
        return cell_error(context, row, column, "'%s' is not a number", raw);
    unsigned long style_index = style ? strtoul(style, NULL, 10) : 0;
    bool is_date = style_index < context->styles->count && context->styles->is_date[style_index];
    char buffer[64];
    if (is_date) {
        double day = floor(number);
        int32_t epoch;
        if (context->date1904) {
            epoch = coopnet_date_days_from_civil(1904, 1, 1);
        } else {
            if (day == 60)
                return cell_error(context, row, column,
                                  "date serial %s is 29 February 1900, a day that does not exist "
                                  "(Excel's 1900 leap-year bug)",
                                  raw);
            /* serial 1 is 1 January 1900; from 61 on, one phantom day (29 February 1900) */
            epoch = coopnet_date_days_from_civil(1899, 12, day < 60 ? 31 : 30);
        }
        if (day < (context->date1904 ? 0 : 1) || day > 2958465)
            return cell_error(context, row, column,
                              "date serial %s lies outside the dates a spreadsheet can hold", raw);
        int year, month, day_of_month;
        coopnet_date_civil_from_days(epoch + (int32_t)day, &year, &month, &day_of_month);
        snprintf(buffer, sizeof buffer, "%04d-%02d-%02d", year, month, day_of_month);
    } else {
        snprintf(buffer, sizeof buffer, "%.15g", number);
    }
    *text = coopnet_i_arena_strndup(arena, buffer, strlen(buffer));
    return *text ? COOPNET_OK : COOPNET_ERROR(context->err, COOPNET_ENOMEM, "out of memory");
}

static int add_merge(sheet_reader_t *context, const char *reference)
{
    char first[32], last[32];
    const char *colon = strchr(reference, ':');
    if (colon == NULL || (size_t)(colon - reference) >= sizeof first ||
        strlen(colon + 1) >= sizeof last)
        return COOPNET_OK; /* a single cell or nonsense: nothing to spread */
    memcpy(first, reference, (size_t)(colon - reference));
    first[colon - reference] = '\0';
    strcpy(last, colon + 1);
    merge_range_t range;
    if (parse_reference(first, &range.first_row, &range.first_column) != 0 ||
        parse_reference(last, &range.last_row, &range.last_column) != 0 ||
        range.last_row < range.first_row || range.last_column < range.first_column)
        return COOPNET_ERROR(context->err, COOPNET_EDATA,
                             "'%s': sheet '%s' merges the cells '%s', which is no range",
                             context->book->path, context->sheet->name, reference);
    if (coopnet_i_grow((void **)&context->merges, &context->merge_capacity, context->n_merges + 1,
                       sizeof *context->merges) != 0)
        return COOPNET_ERROR(context->err, COOPNET_ENOMEM, "out of memory");
    context->merges[context->n_merges++] = range;
    return COOPNET_OK;
}

static int compare_cells(const void *a, const void *b)
{
    const coopnet_xlsx_cell_t *x = a, *y = b;
    if (x->row != y->row)
        return x->row < y->row ? -1 : 1;
    return x->column < y->column ? -1 : x->column > y->column;
}

static uint64_t position_key(uint32_t row, uint32_t column)
{
    return (uint64_t)row << 16 | column;
}

/* The number of cells of row in the sorted cells[0..n). O(log n). */
static size_t cells_in_row(const coopnet_xlsx_cell_t *cells, size_t n, uint32_t row)
{
    size_t low = 0, high = n;
    while (low < high) { /* the first cell of the row or after */
        size_t middle = low + (high - low) / 2;
        if (cells[middle].row < row)
            low = middle + 1;
        else
            high = middle;
    }
    size_t first = low;
    high = n;
    while (low < high) { /* the first cell after the row */
        size_t middle = low + (high - low) / 2;
        if (cells[middle].row <= row)
            low = middle + 1;
        else
            high = middle;
    }
    return low - first;
}

/* Spreads each merged range's top-left text over the cells it covers (clipped to the rows and
 * columns that hold text) and notes the title rows; leaves the cells sorted. The positions looked
 * at are bounded (COOPNET_XLSX_MAX_CELLS), so that overlapping ranges cost no more than cells. */
static int spread_merges(sheet_reader_t *context)
{
    coopnet_xlsx_sheet_t *sheet = context->sheet;
    if (sheet->n_cells > 1)
        qsort(sheet->cells, sheet->n_cells, sizeof *sheet->cells, compare_cells);
    if (context->n_merges == 0)
        return COOPNET_OK;
    int status = COOPNET_OK;
    coopnet_u64map_t positions;
    coopnet_i_u64map_init(&positions);
    uint32_t last_row = 0, last_column = 0;
    size_t n_read = sheet->n_cells, visits = 0;
    for (size_t i = 0; i < n_read && status == COOPNET_OK; i++) {
        if (coopnet_i_u64map_put(&positions,
                                 position_key(sheet->cells[i].row, sheet->cells[i].column),
                                 (int64_t)i, NULL) != 0)
            status = COOPNET_ERROR(context->err, COOPNET_ENOMEM, "out of memory");
        if (sheet->cells[i].row > last_row)
            last_row = sheet->cells[i].row;
        if (sheet->cells[i].column > last_column)
            last_column = sheet->cells[i].column;
    }
    for (size_t m = 0; m < context->n_merges && status == COOPNET_OK; m++) {
        merge_range_t range = context->merges[m];
        int64_t origin =
            coopnet_i_u64map_get(&positions, position_key(range.first_row, range.first_column));
        if (origin < 0 || (size_t)origin >= n_read)
            continue; /* an empty merged range */
        const char *text = sheet->cells[origin].text;
        if (range.first_row == range.last_row && range.last_column > range.first_column &&
            cells_in_row(sheet->cells, n_read, range.first_row) == 1) {
            uint32_t *grown = coopnet_i_realloc_array(sheet->title_rows, sheet->n_title_rows + 1,
                                                      sizeof *sheet->title_rows);
            if (grown == NULL) {
                status = COOPNET_ERROR(context->err, COOPNET_ENOMEM, "out of memory");
                break;
            }
            sheet->title_rows = grown;
            sheet->title_rows[sheet->n_title_rows++] = range.first_row;
            continue; /* a title above the table names no column */
        }
        for (uint32_t row = range.first_row; row <= range.last_row && row <= last_row; row++)
            for (uint32_t column = range.first_column;
                 column <= range.last_column && column <= last_column && status == COOPNET_OK;
                 column++) {
                if (++visits > COOPNET_XLSX_MAX_CELLS) {
                    status =
                        COOPNET_ERROR(context->err, COOPNET_EDATA,
                                      "'%s': the merged ranges of sheet '%s' cover more than "
                                      "%zu cells",
                                      context->book->path, sheet->name, COOPNET_XLSX_MAX_CELLS);
                    break;
                }
                uint64_t key = position_key(row, column);
                int64_t existing;
                if (coopnet_i_u64map_put(&positions, key, (int64_t)sheet->n_cells, &existing) != 0)
                    status = COOPNET_ERROR(context->err, COOPNET_ENOMEM, "out of memory");
                else if (existing < 0)
                    status = add_cell(context, row, column, text);
            }
    }
    coopnet_i_u64map_destroy(&positions);
    if (status == COOPNET_OK && sheet->n_cells > n_read)
        qsort(sheet->cells, sheet->n_cells, sizeof *sheet->cells, compare_cells);
    return status;
}

static int read_cells(sheet_reader_t *context)
{
    workbook_t *book = context->book;
    part_stream_t stream;
    xmlTextReaderPtr reader;
    int status = open_part(book, context->part, true, &stream, &reader, context->err);
    if (status != COOPNET_OK)
        return status;
    uint32_t row = 0, next_column = 0;
    char *type = NULL, *style = NULL;
    const char *raw = NULL;
    uint32_t cell_row = 0, cell_column = 0;
    bool in_cell = false;
    int read;
    while (status == COOPNET_OK && (read = xmlTextReaderRead(reader)) == 1) {
        int node = xmlTextReaderNodeType(reader);
        const char *element = (const char *)xmlTextReaderConstLocalName(reader);
        if (node == XML_READER_TYPE_ELEMENT && strcmp(element, "row") == 0) {
            char *number = attribute(reader, "r");
            unsigned long value = number ? strtoul(number, NULL, 10) : 0;
            xmlFree(number);
            row = value >= 1 && value <= 1048576 ? (uint32_t)value : row + 1;
            next_column = 0;
        } else if (node == XML_READER_TYPE_ELEMENT && strcmp(element, "c") == 0) {
            char *reference = attribute(reader, "r");
            cell_row = row;
            cell_column = next_column;
            if (reference != NULL && parse_reference(reference, &cell_row, &cell_column) != 0)
                status = COOPNET_ERROR(context->err, COOPNET_EDATA,
                                       "'%s': sheet '%s': '%s' is no cell reference", book->path,
                                       context->sheet->name, reference);
            xmlFree(reference);
            next_column = cell_column + 1;
            if (cell_row == 0)
                cell_row = row = row == 0 ? 1 : row;
            xmlFree(type);
            xmlFree(style);
            type = attribute(reader, "t");
            style = attribute(reader, "s");
            raw = NULL;
            in_cell = !xmlTextReaderIsEmptyElement(reader);
        } else if (node == XML_READER_TYPE_ELEMENT && in_cell && strcmp(element, "v") == 0) {
            xmlChar *value = xmlTextReaderReadString(reader);
            raw = value ? coopnet_i_arena_strndup(&context->sheet->strings, (const char *)value,
                                                  strlen((const char *)value))
                        : "";
            xmlFree(value);
            if (raw == NULL)
                status = COOPNET_ERROR(context->err, COOPNET_ENOMEM, "out of memory");
        } else if (node == XML_READER_TYPE_ELEMENT && in_cell && strcmp(element, "is") == 0) {
            raw = read_string_item(reader, &context->sheet->strings, &read);
            if (read != 1)
                break;
            if (raw == NULL)
                status = COOPNET_ERROR(context->err, COOPNET_ENOMEM, "out of memory");
        } else if (node == XML_READER_TYPE_END_ELEMENT && in_cell && strcmp(element, "c") == 0) {
            in_cell = false;
            const char *text = NULL;
            if (raw != NULL && raw[0] != '\0')
                status = cell_text(context, cell_row, cell_column, type, style, raw, &text);
            if (status == COOPNET_OK && text != NULL && text[0] != '\0')
                status = add_cell(context, cell_row, cell_column, text);
        } else if (node == XML_READER_TYPE_ELEMENT && strcmp(element, "mergeCell") == 0) {
            char *reference = attribute(reader, "ref");
            if (reference != NULL)
                status = add_merge(context, reference);
            xmlFree(reference);
        }
    }
    xmlFree(type);
    xmlFree(style);
    status = close_part(book, context->part, &stream, reader, read, status, context->err);
    if (status == COOPNET_OK)
        status = spread_merges(context);
    return status;
}

/* ---- the whole read ----------------------------------------------------------------------- */

static char *folder_of(const char *part)
{
    const char *slash = strrchr(part, '/');
    size_t length = slash ? (size_t)(slash - part) + 1 : 0;
    char *folder = malloc(length + 1);
    if (folder) {
        memcpy(folder, part, length);
        folder[length] = '\0';
    }
    return folder;
}

/* "xl/_rels/workbook.xml.rels" for "xl/workbook.xml". */
static char *relationships_part_of(const char *part)
{
    const char *slash = strrchr(part, '/');
    size_t folder = slash ? (size_t)(slash - part) + 1 : 0;
    size_t size = strlen(part) + 16;
    char *name = malloc(size);
    if (name)
        snprintf(name, size, "%.*s_rels/%s.rels", (int)folder, part, part + folder);
    return name;
}

bool coopnet_i_xlsx_is_workbook_path(const char *path)
{
    size_t n = strlen(path);
    return n >= 5 && strcasecmp(path + n - 5, ".xlsx") == 0;
}

bool coopnet_i_xlsx_is_title_row(const coopnet_xlsx_sheet_t *sheet, uint32_t row)
{
    for (size_t i = 0; i < sheet->n_title_rows; i++)
        if (sheet->title_rows[i] == row)
            return true;
    return false;
}

void coopnet_i_xlsx_sheet_destroy(coopnet_xlsx_sheet_t *sheet)
{
    if (sheet == NULL)
        return;
    free(sheet->cells);
    free(sheet->title_rows);
    coopnet_i_arena_destroy(&sheet->strings);
    memset(sheet, 0, sizeof *sheet);
}

int coopnet_i_xlsx_read_sheet(const char *path, const char *sheet_name, coopnet_xlsx_sheet_t *sheet,
                              coopnet_error_t *err)
{
    memset(sheet, 0, sizeof *sheet);
    coopnet_i_arena_init(&sheet->strings);
    workbook_t book = {.path = path};
    relationships_t package_rels = {0}, workbook_rels = {0};
    workbook_info_t info = {0};
    shared_strings_t shared = {0};
    styles_t styles = {0};
    char *workbook_part = NULL, *workbook_rels_part = NULL, *folder = NULL, *sheet_part = NULL;
    char *strings_part = NULL, *styles_part = NULL;
    sheet_reader_t context = {.book = &book, .sheet = sheet, .err = err};
    int status = COOPNET_OK;

    FILE *probe = fopen(path, "rb");
    if (probe == NULL)
        return COOPNET_ERROR(err, COOPNET_EIO, "cannot read '%s': %s", path, strerror(errno));
    fclose(probe);
    int zip_error = 0;
    book.zip = zip_open(path, ZIP_RDONLY | ZIP_CHECKCONS, &zip_error);
    if (book.zip == NULL) {
        zip_error_t error;
        zip_error_init_with_code(&error, zip_error);
        status = COOPNET_ERROR(err, COOPNET_EDATA, "'%s' is not an Excel workbook (.xlsx): %s",
                               path, zip_error_strerror(&error));
        zip_error_fini(&error);
        goto cleanup;
    }
    status = read_relationships(&book, "_rels/.rels", &package_rels, err);
    if (status != COOPNET_OK)
        goto cleanup;
    const relationship_t *document = relationship_of_type(&package_rels, "/officeDocument");
    if (document == NULL) {
        status = COOPNET_ERROR(err, COOPNET_EDATA,
                               "'%s': the package names no workbook (no officeDocument in "
                               "_rels/.rels)",
                               path);
        goto cleanup;
    }
    workbook_part = resolve_part(&book, "", document->target, err);
    if (workbook_part == NULL) {
        status = err->code;
        goto cleanup;
    }
    workbook_rels_part = relationships_part_of(workbook_part);
    folder = folder_of(workbook_part);
    if (workbook_rels_part == NULL || folder == NULL) {
        status = COOPNET_ERROR(err, COOPNET_ENOMEM, "out of memory reading '%s'", path);
        goto cleanup;
    }
    if ((status = read_workbook(&book, workbook_part, &info, err)) != COOPNET_OK ||
        (status = read_relationships(&book, workbook_rels_part, &workbook_rels, err)) != COOPNET_OK)
        goto cleanup;
    const sheet_entry_t *chosen = NULL;
    for (size_t i = 0; i < info.n_sheets && chosen == NULL; i++)
        if (sheet_name == NULL || strcasecmp(info.sheets[i].name, sheet_name) == 0)
            chosen = &info.sheets[i];
    if (chosen == NULL) {
        char names[512] = "";
        size_t used = 0;
        for (size_t i = 0; i < info.n_sheets && used < sizeof names; i++)
            used += (size_t)snprintf(names + used, sizeof names - used, "%s'%s'", i ? ", " : "",
                                     info.sheets[i].name);
        status = sheet_name
                     ? COOPNET_ERROR(err, COOPNET_EDATA, "'%s' has no sheet '%s' (its sheets: %s)",
                                     path, sheet_name, names)
                     : COOPNET_ERROR(err, COOPNET_EDATA, "'%s' has no sheet", path);
        goto cleanup;
    }
    sheet->name = coopnet_i_arena_strndup(&sheet->strings, chosen->name, strlen(chosen->name));
    if (sheet->name == NULL) {
        status = COOPNET_ERROR(err, COOPNET_ENOMEM, "out of memory reading '%s'", path);
        goto cleanup;
    }
    const relationship_t *sheet_rel = NULL;
    for (size_t i = 0; i < workbook_rels.count && sheet_rel == NULL; i++)
        if (strcmp(workbook_rels.items[i].id, chosen->relationship_id) == 0)
            sheet_rel = &workbook_rels.items[i];
    if (sheet_rel == NULL) {
        status = COOPNET_ERROR(err, COOPNET_EDATA,
                               "'%s': sheet '%s' has no part (relationship '%s' is missing from "
                               "'%s')",
                               path, sheet->name, chosen->relationship_id, workbook_rels_part);
        goto cleanup;
    }
    if ((sheet_part = resolve_part(&book, folder, sheet_rel->target, err)) == NULL) {
        status = err->code;
        goto cleanup;
    }
    const relationship_t *strings_rel = relationship_of_type(&workbook_rels, "/sharedStrings");
    const relationship_t *styles_rel = relationship_of_type(&workbook_rels, "/styles");
    if (strings_rel &&
        (strings_part = resolve_part(&book, folder, strings_rel->target, err)) == NULL) {
        status = err->code;
        goto cleanup;
    }
    if (styles_rel &&
        (styles_part = resolve_part(&book, folder, styles_rel->target, err)) == NULL) {
        status = err->code;
        goto cleanup;
    }
    if (strings_part && (status = read_shared_strings(&book, strings_part, &sheet->strings, &shared,
                                                      err)) != COOPNET_OK)
        goto cleanup;
    if (styles_part && (status = read_styles(&book, styles_part, &styles, err)) != COOPNET_OK)
        goto cleanup;
    context.part = sheet_part;
    context.shared = &shared;
    context.styles = &styles;
    context.date1904 = info.date1904;
    status = read_cells(&context);

cleanup:
    free(context.merges);
    free(shared.items);
    free(styles.is_date);
    free(workbook_part);
    free(workbook_rels_part);
    free(folder);
    free(sheet_part);
    free(strings_part);
    free(styles_part);
    relationships_destroy(&package_rels);
    relationships_destroy(&workbook_rels);
    workbook_info_destroy(&info);
    if (book.zip != NULL)
        zip_discard(book.zip);
    return status;
}
