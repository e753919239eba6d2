/* SPDX-License-Identifier: GPL-3.0-or-later */
/* csv_internal.h - what the library's own readers do with a coopnet_csv_t beyond coopnet/csv.h.
 * Internal: not installed. */
#ifndef COOPNET_IO_CSV_INTERNAL_H
#define COOPNET_IO_CSV_INTERNAL_H

#include "coopnet/csv.h"

#include <stdbool.h>

/* Makes a reader that has not read a record yet start at byte offset of its input, which must be
 * where a record starts: nothing before it is read, the byte-order mark and UTF-16 checks of a
 * file's first bytes are not made, and records are numbered from line 1 (the caller adds the
 * lines before offset). coopnet_csv_bytes_read then counts from the input's start. For reading
 * the second half of a large file on another thread. Returns COOPNET_EIO when the file cannot
 * seek there, COOPNET_EINVAL past the end. O(1). */
int coopnet_i_csv_start_at(coopnet_csv_t *csv, uint64_t offset, coopnet_error_t *err);

/* The line the next record starts on (after the last one read: coopnet_csv_record_line is where
 * that one started). O(1). */
uint64_t coopnet_i_csv_next_line(const coopnet_csv_t *csv);

/* The raw bytes of field index of the record after the current one, in *length, when they are
 * at hand in the reader's buffer and no quote comes before their end; else NULL. A hint for
 * reading ahead (a lookup's memory fetched a row early): no check is made, nothing is consumed.
 * O(bytes up to the field). */
const char *coopnet_i_csv_peek_field(const coopnet_csv_t *csv, size_t index, size_t *length);

/* The size in bytes of the whole input (a memory input's, a regular file's), or 0 when it is not
 * known (a pipe). O(1). */
uint64_t coopnet_i_csv_input_size(const coopnet_csv_t *csv);

/* Whether every byte of the current record is ASCII other than NUL (its UTF-8 was then not
 * checked, and needs no Unicode normalisation): readers skip the work that only other text
 * needs. O(1). */
bool coopnet_i_csv_record_ascii(const coopnet_csv_t *csv);

#endif
