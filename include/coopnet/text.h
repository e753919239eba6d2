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
 * UTF-8 character, never between a letter and its combining marks (for "%.*s" in messages and
 * for cut copies). O(length). */
COOPNET_API size_t coopnet_text_prefix(const char *text, size_t max_bytes);

/* The longest text, in characters, that a figure or the report lays out (docs/options.md, "Long
 * text"): a title (--title, captions, the report's title) is ellipsised at COOPNET_TEXT_MAX_TITLE,
 * a name, an event's title, a place or a source's title at COOPNET_TEXT_MAX_NAME, and any other
 * piece of text given to the text layout at COOPNET_TEXT_MAX_LAYOUT, so that a 10 MB name costs
 * no more to draw than a short one. Outputs that are data (CSV, GraphML, the explorer's JSON)
 * keep the full text. */
#define COOPNET_TEXT_MAX_TITLE 300
#define COOPNET_TEXT_MAX_NAME 200
#define COOPNET_TEXT_MAX_LAYOUT 2000

/* The length in bytes of the part of text shown when it may take at most max_chars characters
 * (max_chars >= 2): all of it when it has at most max_chars characters, otherwise its first
 * max_chars - 1 characters, backed off so that no combining mark, variation selector or
 * zero-width joiner is separated from the character it belongs to, leaving room for "…".
 * *shortened (may be NULL) says which. Reads at most max_chars characters of text: O(max_chars). */
COOPNET_API size_t coopnet_text_cut(const char *text, size_t max_chars, bool *shortened);

/* text ellipsised to at most max_chars characters (coopnet_text_cut, then "…"), as a malloc'd copy
 * owned by the caller (free); NULL when memory ran out. O(max_chars). */
COOPNET_API char *coopnet_text_ellipsize(const char *text, size_t max_chars);

/* The character after the one p points to in UTF-8 text (p must not point to the terminating
 * NUL): a byte that does not start a valid sequence counts as one character, and the end of a
 * string cut inside a character is never passed. O(1). */
COOPNET_API const char *coopnet_text_next_char(const char *p);

/* As coopnet_text_next_char, then past the characters that belong to it (combining marks,
 * variation selectors, a zero-width joiner and what it joins): where text may be cut without
 * separating a letter from its marks. O(length of the cluster). */
COOPNET_API const char *coopnet_text_next_cluster(const char *p);

/* Copies text into buffer (size bytes, always terminated when size > 0): whole when it fits,
 * otherwise as many whole characters as fit followed by "…", never cut inside a character.
 * O(size). */
COOPNET_API void coopnet_text_copy(char *buffer, size_t size, const char *text);

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
