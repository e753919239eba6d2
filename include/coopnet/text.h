/* SPDX-License-Identifier: GPL-3.0-or-later */
/* coopnet/text.h - text made safe or readable for messages: escaping what the data or the
 * command line could use to drive a terminal, and sizes in bytes for people. */
#ifndef COOPNET_TEXT_H
#define COOPNET_TEXT_H

#include "coopnet/api.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/* Copies text into buffer (size bytes, always terminated, truncated before a whole character or
 * escape) with every C0 control character written as \xNN, every C1 control (U+0080 to U+009F,
 * CSI among them), bidirectional-text control (U+202E, ...), surrogate and noncharacter (U+FFFE,
 * U+FDD0, ...) as \uNNNN, and every byte that is
 * not UTF-8 as \xNN, so that text from the data cannot retitle or clear a terminal or reorder a
 * message. Every coopnet_error_t message and diagnostic is escaped this way. O(length). */
COOPNET_API void coopnet_text_escape_controls(const char *text, char *buffer, size_t size);

/* The length in bytes of the longest prefix of text of at most max_bytes that ends on a whole
 * UTF-8 character (for "%.*s" in messages). O(length). */
COOPNET_API size_t coopnet_text_prefix(const char *text, size_t max_bytes);

/* The length in bytes of the bidirectional-text control (U+061C, U+200E, U+200F, U+202A-U+202E,
 * U+2066-U+2069) text starts with, or 0. O(1). */
COOPNET_API size_t coopnet_text_bidi_control(const char *text);

/* Whether a spreadsheet opening a CSV file would run text as a formula: it starts with = + - @,
 * a tab or a carriage return and is not a plain decimal number (-33.5 is a number). The table
 * writer neutralises such cells and validate warns about them. O(length). */
COOPNET_API bool coopnet_text_formula_like(const char *text);

/* bytes for people: "1.50 GiB", "400.0 MiB", "512 bytes", into buffer (truncated to size).
 * O(1). */
COOPNET_API void coopnet_text_format_bytes(uint64_t bytes, char *buffer, size_t size);

#ifdef __cplusplus
}
#endif
#endif
