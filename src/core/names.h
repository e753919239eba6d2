/* SPDX-License-Identifier: GPL-3.0-or-later */
/* names.h - names compared the way a careful reader compares them, and ids made from names.
 * Not installed: shared by the importer (src/io/import*.c), the country table and the duplicate
 * check (src/model/).
 *
 * Unicode normalisation (NFKD, then combining marks dropped) and case folding are GLib's
 * (g_utf8_normalize, g_utf8_casefold), not tables of our own. GLib aborts the process when it
 * cannot allocate; every other failure here is reported as NULL (out of memory).
 *
 * Every result is a malloc'd NUL-terminated string owned by the caller (free); text must be
 * valid UTF-8 (the CSV reader checks it). Each function is O(length of text), but
 * coopnet_i_names_key which sorts its words, O(w log w) for w words.
 */
#ifndef COOPNET_NAMES_H
#define COOPNET_NAMES_H

#include <stdbool.h>
#include <stddef.h>

/* The text folded for comparison: accents and other combining marks removed, case folded,
 * compatibility forms unified (ﬁ, full-width letters), Arabic letter variants unified (ة as ه,
 * ى as ي, tatweel dropped), every run of characters that are not letters or digits (spaces,
 * punctuation, apostrophes) one space, no space at either end. "Municipalité de  Sousse" ->
 * "municipalite de sousse". */
char *coopnet_i_names_fold(const char *text);

/* The comparison key of a name: its folded words without the little words (of, the, de, la, du,
 * des, l, d, et, and), without the generic words of a municipality when remove_generic is set
 * (municipality, city, town, commune, municipalite, ville, mairie, baladiya, بلدية, مدينة ...;
 * unless nothing else is left), each word once, sorted. "Municipality of Sousse", "Sousse
 * Municipality", "Municipalité de Sousse" and "sousse" all give "sousse". */
char *coopnet_i_names_key(const char *text, bool remove_generic);

/* An identifier for a name: its folded words without the generic words of a municipality (unless
 * nothing else is left), transliterated to ASCII (Latin letters without their accents, æ as ae,
 * Arabic with a small letter table: "بلدية سوسة" -> "sousa"), joined by '_', at most
 * max_length bytes (cut at a word when it can be). "" when nothing of the name can be written in
 * ASCII (a caller then numbers it). */
char *coopnet_i_names_slug(const char *text, size_t max_length);

/* The Levenshtein distance between a and b counted in characters, or limit + 1 when it is
 * larger than limit. O(length(a) * length(b)); allocates nothing for words of up to 64
 * characters. */
size_t coopnet_i_names_distance(const char *a, const char *b, size_t limit);

/* The NFC (canonical composition) form of the length bytes at text, which need not be
 * NUL-terminated: "cafe\u0301" (NFD) and "caf\u00e9" give the same bytes, so that one text typed
 * two ways is one id. Sets *nfc to NULL when text is already NFC (always for ASCII, checked
 * without allocating), otherwise to a malloc'd NUL-terminated copy of *nfc_length bytes (which
 * may be longer or shorter than length). Returns false when text is not valid UTF-8 or memory
 * ran out (*nfc is then NULL). O(length). */
bool coopnet_i_names_nfc(const char *text, size_t length, char **nfc, size_t *nfc_length);

/* The case-folded form of NUL-terminated UTF-8 text (g_utf8_casefold: "Fès" and "FÈS" give the
 * same bytes), malloc'd; NULL when memory ran out. O(length). */
char *coopnet_i_names_casefold(const char *text);

/* True when text holds a letter of the Arabic script. O(length). */
bool coopnet_i_names_has_arabic(const char *text);

#endif
