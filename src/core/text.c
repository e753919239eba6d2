/* SPDX-License-Identifier: GPL-3.0-or-later */
/* text.c - text made safe or readable for messages (see coopnet/text.h). */
#include "coopnet/text.h"

#include <errno.h>
#include <math.h>
#include <stdlib.h>
#include <stdio.h>
#include <string.h>

/* The length of the bidirectional-text control starting at text (U+061C, U+200E, U+200F,
 * U+202A to U+202E, U+2066 to U+2069), 0 when there is none there. */
static size_t bidi_control_length(const unsigned char *text, unsigned *code_point)
{
    if (text[0] == 0xD8 && text[1] == 0x9C) {
        *code_point = 0x061C;
        return 2;
    }
    if (text[0] != 0xE2 || text[1] == 0 || text[2] == 0)
        return 0;
    unsigned point = ((text[0] & 0x0Fu) << 12) | ((text[1] & 0x3Fu) << 6) | (text[2] & 0x3Fu);
    if (point == 0x200E || point == 0x200F || (point >= 0x202A && point <= 0x202E) ||
        (point >= 0x2066 && point <= 0x2069)) {
        *code_point = point;
        return 3;
    }
    return 0;
}

size_t coopnet_text_bidi_control(const char *text)
{
    unsigned unused;
    return bidi_control_length((const unsigned char *)text, &unused);
}

void coopnet_text_escape_controls(const char *text, char *buffer, size_t size)
{
    if (size == 0)
        return;
    size_t out = 0;
    const unsigned char *p = (const unsigned char *)text;
    while (*p != '\0') {
        char escape[8];
        size_t length = 0, consumed = 1;
        unsigned code_point;
        if (*p < 0x20 || *p == 0x7F) {
            length = (size_t)snprintf(escape, sizeof escape, "\\x%02x", *p);
        } else if ((consumed = bidi_control_length(p, &code_point)) > 0) {
            length = (size_t)snprintf(escape, sizeof escape, "\\u%04x", code_point);
        } else {
            consumed = 1;
            escape[0] = (char)*p;
            length = 1;
        }
        if (out + length >= size)
            break;
        memcpy(buffer + out, escape, length);
        out += length;
        p += consumed;
    }
    buffer[out] = '\0';
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
    return text[0] != '\0' && strchr("=+-@\t\r", text[0]) != NULL && !plain_number(text);
}
