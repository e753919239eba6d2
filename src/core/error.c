/* SPDX-License-Identifier: GPL-3.0-or-later */
/* error.c - the one error path of coopnet (see coopnet/error.h). */
#include "coopnet/error.h"

#include <stdio.h>
#include <string.h>

void coopnet_error_clear(coopnet_error_t *err)
{
    if (err == NULL)
        return;
    err->code = COOPNET_OK;
    err->message[0] = '\0';
}

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

int coopnet_error_setv(coopnet_error_t *err, int code, const char *format, va_list args)
{
    if (err == NULL)
        return code;
    err->code = code;
    char raw[COOPNET_ERROR_MESSAGE_SIZE];
    vsnprintf(raw, sizeof raw, format, args);
    coopnet_text_escape_controls(raw, err->message, sizeof err->message);
    return code;
}

int coopnet_error_set(coopnet_error_t *err, int code, const char *format, ...)
{
    va_list args;
    va_start(args, format);
    coopnet_error_setv(err, code, format, args);
    va_end(args);
    return code;
}

int coopnet_error_prefix(coopnet_error_t *err, const char *format, ...)
{
    if (err == NULL)
        return COOPNET_EINTERNAL;
    char prefix[COOPNET_ERROR_MESSAGE_SIZE];
    char old[COOPNET_ERROR_MESSAGE_SIZE];
    va_list args;
    va_start(args, format);
    vsnprintf(prefix, sizeof prefix, format, args);
    va_end(args);
    memcpy(old, err->message, sizeof old);
    char raw[2 * COOPNET_ERROR_MESSAGE_SIZE];
    snprintf(raw, sizeof raw, "%s: %s", prefix, old); /* old is escaped already: no control */
    coopnet_text_escape_controls(raw, err->message, sizeof err->message);
    return err->code;
}

const char *coopnet_error_string(int code)
{
    switch (code) {
    case COOPNET_OK:
        return "success";
    case COOPNET_ENOMEM:
        return "out of memory";
    case COOPNET_EIO:
        return "input/output error";
    case COOPNET_EINVAL:
        return "invalid argument";
    case COOPNET_EDATA:
        return "invalid input data";
    case COOPNET_EINTERNAL:
        return "internal error";
    case COOPNET_EINTERRUPTED:
        return "interrupted";
    default:
        return "unknown error";
    }
}
