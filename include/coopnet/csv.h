/* SPDX-License-Identifier: GPL-3.0-or-later */
/* coopnet/csv.h - a streaming RFC 4180 CSV reader.
 *
 * Reads one record at a time through a fixed-size buffer, so memory is bounded by the longest
 * record, not by the file. Accepts quoted fields with embedded commas, quotes and newlines, CRLF
 * or LF line ends, and a UTF-8 byte-order mark at the start. Every field is checked to be valid
 * UTF-8 without NUL bytes. Problems are reported as COOPNET_EDATA with the line of the record:
 * the caller can record it and call coopnet_csv_next again to go on with the next record, except
 * after a fatal problem (an unterminated quote, a UTF-16 file, an I/O error), after which the
 * reader reports the end of the input. A record longer than COOPNET_CSV_MAX_RECORD or with more
 * than COOPNET_CSV_MAX_FIELDS fields is such a fatal problem.
 */
#ifndef COOPNET_CSV_H
#define COOPNET_CSV_H

#include "coopnet/api.h"

#include "coopnet/error.h"

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

typedef struct coopnet_csv coopnet_csv_t;

/* The longest record accepted; a longer one is a fatal error (bounded memory on hostile input). */
#define COOPNET_CSV_MAX_RECORD ((size_t)256 << 20)

/* The most fields a record may have, the column limit of Excel and LibreOffice Calc; more is a
 * fatal error. With the record bound, the reader holds at most its 1 MiB read buffer, the record
 * (its bytes plus one per field) and 4 bytes per field: about 257 MiB, whatever the input. */
#define COOPNET_CSV_MAX_FIELDS 16384

/* Opens path for reading. display_name names the file in messages (NULL: path). On success *csv
 * is owned by the caller (coopnet_csv_close); on failure *csv is NULL and err says why (EIO,
 * ENOMEM). O(1). */
COOPNET_API int coopnet_csv_open(const char *path, const char *display_name, coopnet_csv_t **csv,
                                 coopnet_error_t *err);

/* Reads from memory instead; data must outlive the reader (it is not copied). */
COOPNET_API int coopnet_csv_open_memory(const char *data, size_t size, const char *display_name,
                                        coopnet_csv_t **csv, coopnet_error_t *err);

/* Closes the file and frees the reader. NULL is accepted. */
COOPNET_API void coopnet_csv_close(coopnet_csv_t *csv);

/* Reads the next record. *have_record is 1 when a record was read, 0 at the end of the input.
 * Returns COOPNET_OK, or COOPNET_EDATA (message without the file and line, see
 * coopnet_csv_record_line) for a malformed record, COOPNET_EIO or COOPNET_ENOMEM. After a
 * non-fatal EDATA the record is skipped and the next call goes on. O(record length). */
COOPNET_API int coopnet_csv_next(coopnet_csv_t *csv, int *have_record, coopnet_error_t *err);

/* Reads fields separated by delimiter (';' or a tab, say) instead of ','; call it before the
 * first coopnet_csv_next. Returns COOPNET_EINVAL (reader unchanged) for a quote, a line end, NUL,
 * a non-ASCII byte, or after reading has begun. O(1). */
COOPNET_API int coopnet_csv_set_delimiter(coopnet_csv_t *csv, char delimiter, coopnet_error_t *err);

/* The number of fields of the current record (at least 1). */
COOPNET_API size_t coopnet_csv_field_count(const coopnet_csv_t *csv);

/* Field i of the current record, NUL-terminated, valid until the next coopnet_csv_next;
 * *length (if not NULL) receives its length in bytes. i must be below the field count. */
COOPNET_API const char *coopnet_csv_field(const coopnet_csv_t *csv, size_t i, size_t *length);

/* The 1-based line on which the current (or the malformed) record starts. */
COOPNET_API uint64_t coopnet_csv_record_line(const coopnet_csv_t *csv);

/* For an invalid-UTF-8 error: the 0-based field index that held it, else -1. */
COOPNET_API long coopnet_csv_bad_field(const coopnet_csv_t *csv);

/* The name given at open time. */
COOPNET_API const char *coopnet_csv_name(const coopnet_csv_t *csv);

/* Bytes consumed so far (for progress). */
COOPNET_API uint64_t coopnet_csv_bytes_read(const coopnet_csv_t *csv);

/* Checks that text[0..length) is valid UTF-8 without NUL bytes, byte-order marks or Unicode
 * noncharacters (U+FDD0 to U+FDEF, U+FFFE and U+FFFF of every plane). Returns the
 * offset of the first bad byte, or length when all is well. */
COOPNET_API size_t coopnet_utf8_check(const char *text, size_t length);

#ifdef __cplusplus
}
#endif
#endif
