/* SPDX-License-Identifier: GPL-3.0-or-later */
/* error.c - the one error path of coopnet (see coopnet/error.h). */
#include "coopnet/error.h"
#include "coopnet/text.h"

#include <stdio.h>
#include <string.h>

void coopnet_error_clear(coopnet_error_t *err)
{
    if (err == NULL)
        return;
    err->code = COOPNET_OK;
    err->message[0] = '\0';
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
    case COOPNET_ELIMIT:
        return "over the memory limit";
    default:
        return "unknown error";
    }
}
