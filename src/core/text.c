/* SPDX-License-Identifier: GPL-3.0-or-later */
/* text.c - text made safe or readable for messages (see coopnet/text.h). */
#include "coopnet/text.h"

#include <errno.h>
#include <glib.h>
#include <stdbool.h>
#include <math.h>
#include <stdlib.h>
#include <stdio.h>
#include <string.h>

/* Bidirectional-text controls: U+061C, U+200E, U+200F, U+202A to U+202E, U+2066 to U+2069. */
static bool is_bidi_control(unsigned code_point)
{
    return code_point == 0x061C || code_point == 0x200E || code_point == 0x200F ||
           (code_point >= 0x202A && code_point <= 0x202E) ||
           (code_point >= 0x2066 && code_point <= 0x2069);
}

/* The length of the well-formed UTF-8 sequence at text (1 to 4) and its code point, or 0 when
 * text does not start one (a stray continuation byte, an overlong or truncated sequence). */
static size_t utf8_sequence(const unsigned char *text, unsigned *code_point)
{
    unsigned char lead = text[0];
    size_t length = lead < 0x80                    ? 1
                    : lead >= 0xC2 && lead <= 0xDF ? 2
                    : lead >= 0xE0 && lead <= 0xEF ? 3
                    : lead >= 0xF0 && lead <= 0xF4 ? 4
                                                   : 0;
    if (length == 0)
        return 0;
    unsigned point = length == 1 ? lead : lead & (0x7Fu >> length);
    for (size_t i = 1; i < length; i++) {
        if ((text[i] & 0xC0) != 0x80)
            return 0;
        point = (point << 6) | (text[i] & 0x3Fu);
    }
    if ((length == 3 && point < 0x800) || (length == 4 && (point < 0x10000 || point > 0x10FFFF)))
        return 0;
    *code_point = point;
    return length;
}

size_t coopnet_text_bidi_control(const char *text)
{
    /* every bidi control starts with 0xD8 (U+061C) or 0xE2 (U+200E to U+2069): a byte test
     * first, since loaders call this at every byte of every field */
    unsigned char first = (unsigned char)text[0];
    if (first != 0xD8 && first != 0xE2)
        return 0;
    unsigned code_point;
    size_t length = utf8_sequence((const unsigned char *)text, &code_point);
    return length > 0 && is_bidi_control(code_point) ? length : 0;
}

void coopnet_text_escape_controls(const char *text, char *buffer, size_t size)
{
    if (size == 0)
        return;
    size_t out = 0;
    const unsigned char *p = (const unsigned char *)text;
    while (*p != '\0') {
        char piece[8];
        unsigned code_point = 0;
        size_t length, consumed = utf8_sequence(p, &code_point);
        if (consumed == 0) { /* not UTF-8: the byte, escaped */
            consumed = 1;
            length = (size_t)snprintf(piece, sizeof piece, "\\x%02x", *p);
        } else if (code_point < 0x20 || code_point == 0x7F) {
            length = (size_t)snprintf(piece, sizeof piece, "\\x%02x", code_point);
        } else if ((code_point >= 0x80 && code_point <= 0x9F) || is_bidi_control(code_point) ||
                   (code_point >= 0xD800 && code_point <= 0xDFFF) ||
                   (code_point >= 0xFDD0 && code_point <= 0xFDEF) ||
                   (code_point & 0xFFFE) == 0xFFFE) { /* C1 (CSI), bidi, surrogates, nonchars */
            length = (size_t)snprintf(piece, sizeof piece, "\\u%04x", code_point);
        } else {
            memcpy(piece, p, consumed);
            length = consumed;
        }
        if (out + length >= size)
            break; /* truncated before a whole character or escape, never inside one */
        memcpy(buffer + out, piece, length);
        out += length;
        p += consumed;
    }
    buffer[out] = '\0';
}

static bool joins_previous(gunichar c);

size_t coopnet_text_prefix(const char *text, size_t max_bytes)
{
    size_t length = strlen(text);
    if (length <= max_bytes)
        return length;
    while (max_bytes > 0 && ((unsigned char)text[max_bytes] & 0xC0) == 0x80)
        max_bytes--; /* back to the start of the character that would be cut */
    /* and back over the marks that would lose their letter */
    while (max_bytes > 0) {
        gunichar c = g_utf8_get_char_validated(text + max_bytes, (gssize)(length - max_bytes));
        if (c >= 0x110000 || !joins_previous(c)) /* invalid or partial: (gunichar)-1 or -2 */
            break;
        const char *previous = g_utf8_find_prev_char(text, text + max_bytes);
        if (previous == NULL)
            break;
        max_bytes = (size_t)(previous - text);
    }
    return max_bytes;
}

/* A character that belongs to the one before it: a combining mark, a variation selector, a
 * zero-width joiner, an emoji modifier. */
static bool joins_previous(gunichar c)
{
    return g_unichar_ismark(c) || c == 0x200D || (c >= 0xFE00 && c <= 0xFE0F) ||
           (c >= 0xE0100 && c <= 0xE01EF) || (c >= 0x1F3FB && c <= 0x1F3FF);
}

const char *coopnet_text_next_cluster(const char *p)
{
    const char *next = coopnet_text_next_char(p);
    while (*next != '\0') {
        gunichar c = g_utf8_get_char_validated(next, -1);
        if (c >= 0x110000 || !joins_previous(c))
            break;
        next = coopnet_text_next_char(next);
    }
    return next;
}

const char *coopnet_text_next_char(const char *p)
{
    const char *next = g_utf8_next_char(p);
    for (const char *q = p + 1; q < next; q++)
        if (((unsigned char)*q & 0xC0) != 0x80)
            return q; /* not a continuation byte: a broken or cut sequence ends here */
    return next;
}

void coopnet_text_copy(char *buffer, size_t size, const char *text)
{
    if (size == 0)
        return;
    const char *p = text ? text : "";
    size_t length = strlen(p);
    if (length < size) {
        memcpy(buffer, p, length + 1);
        return;
    }
    size_t keep = size > sizeof "…" ? coopnet_text_prefix(p, size - sizeof "…") : 0;
    memcpy(buffer, p, keep);
    if (keep + sizeof "…" <= size)
        memcpy(buffer + keep, "…", sizeof "…");
    else
        buffer[keep] = '\0';
}

size_t coopnet_text_cut(const char *text, size_t max_chars, bool *shortened)
{
    if (shortened)
        *shortened = false;
    if (max_chars < 2)
        max_chars = 2;
    const char *p = text, *cut = NULL;
    size_t n_chars = 0;
    while (*p != '\0' && n_chars < max_chars) {
        if (n_chars == max_chars - 1)
            cut = p;
        p = coopnet_text_next_char(p);
        n_chars++;
    }
    if (*p == '\0')
        return (size_t)(p - text); /* fits */
    if (cut == NULL)
        cut = p;
    /* never separate a character from the marks after it, nor the two sides of a joiner: back
     * off to the start of that cluster */
    while (cut > text && (joins_previous(g_utf8_get_char_validated(cut, -1)) ||
                          g_utf8_get_char_validated(g_utf8_prev_char(cut), -1) == 0x200D))
        cut = g_utf8_prev_char(cut);
    if (shortened)
        *shortened = true;
    return (size_t)(cut - text);
}

char *coopnet_text_ellipsize(const char *text, size_t max_chars)
{
    bool shortened;
    size_t length = coopnet_text_cut(text ? text : "", max_chars, &shortened);
    char *copy = malloc(length + sizeof "…");
    if (copy == NULL)
        return NULL;
    memcpy(copy, text ? text : "", length);
    strcpy(copy + length, shortened ? "…" : "");
    return copy;
}

void coopnet_text_format_bytes(uint64_t bytes, char *buffer, size_t size)
{
    if (bytes >= (UINT64_C(1) << 30))
        snprintf(buffer, size, "%.2f GiB", ldexp((double)bytes, -30));
    else if (bytes >= (UINT64_C(1) << 20))
        snprintf(buffer, size, "%.1f MiB", ldexp((double)bytes, -20));
    else
        snprintf(buffer, size, "%llu bytes", (unsigned long long)bytes);
}

/* A plain decimal number ("-33.5", "+2", "1e-3"), which a spreadsheet shows as a number. */
static bool plain_number(const char *text)
{
    if (text[0] == '\0' || strspn(text, "0123456789+-.eE") != strlen(text))
        return false;
    char *end;
    errno = 0;
    double value = strtod(text, &end);
    return *end == '\0' && errno != ERANGE && isfinite(value);
}

bool coopnet_text_formula_like(const char *text)
{
    switch (text[0]) { /* every field of a bundle is asked: no search of a string */
    case '=':
    case '+':
    case '-':
    case '@':
    case '\t':
    case '\r':
        return !plain_number(text);
    default:
        return false;
    }
}
