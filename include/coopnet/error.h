/* SPDX-License-Identifier: GPL-3.0-or-later */
/* coopnet/error.h - the one error type of coopnet.
 *
 * Every fallible function of the library returns an int status: COOPNET_OK (0) on success or one
 * of the codes below, and fills the caller's coopnet_error_t with a message saying what failed and
 * where ("actors.csv:12: column 'level': unknown level 'city'"). The library never prints and
 * never exits; the command-line tool prints the message and maps the code to its exit status
 * (docs/exit-codes.md): exit statuses are the tool's business, not the library's.
 */
#ifndef COOPNET_ERROR_H
#define COOPNET_ERROR_H

#include "coopnet/api.h"

#include <stdarg.h>

#ifdef __cplusplus
extern "C" {
#endif

/* Status codes. The coopnet tool exits with the status noted for each (docs/exit-codes.md). */
enum {
    COOPNET_OK = 0,
    COOPNET_ENOMEM = 1,       /* out of memory                                  -> exit 1 */
    COOPNET_EIO = 2,          /* a file could not be read or written            -> exit 1 */
    COOPNET_EINVAL = 3,       /* a bad argument or option value                 -> exit 2 */
    COOPNET_EDATA = 4,        /* invalid input data (a bundle, GraphML, a job)  -> exit 3 */
    COOPNET_EINTERNAL = 5,    /* igraph, GSL or cairo failed unexpectedly       -> exit 1 */
    COOPNET_EINTERRUPTED = 6, /* stopped by a signal                          -> exit 130 */
    COOPNET_ELIMIT = 7        /* refused: would exceed the memory limit       -> exit 1 */
};

#define COOPNET_ERROR_MESSAGE_SIZE 1024

typedef struct coopnet_error {
    int code;                                 /* COOPNET_OK when nothing failed */
    char message[COOPNET_ERROR_MESSAGE_SIZE]; /* lower case, no full stop, subject quoted */
} coopnet_error_t;

/* Resets err to COOPNET_OK with an empty message. err may be NULL. */
COOPNET_API void coopnet_error_clear(coopnet_error_t *err);

/* Records code and a printf-style message in err (which may be NULL) and returns code, so that a
 * failing function can `return coopnet_error_set(err, COOPNET_EIO, "cannot read '%s'", path);`.
 * Every error of the library passes through here: one breakpoint catches them all. */
COOPNET_API int coopnet_error_set(coopnet_error_t *err, int code, const char *format, ...)
    __attribute__((format(printf, 3, 4)));
COOPNET_API int coopnet_error_setv(coopnet_error_t *err, int code, const char *format,
                                   va_list args);

/* Prepends "prefix: " to the message already in err; returns err->code. */
COOPNET_API int coopnet_error_prefix(coopnet_error_t *err, const char *format, ...)
    __attribute__((format(printf, 2, 3)));

/* A short description of a status code ("invalid input data"). Never NULL. */
COOPNET_API const char *coopnet_error_string(int code);

/* Shorthand used throughout the library. */
#define COOPNET_ERROR(err, code, ...) coopnet_error_set((err), (code), __VA_ARGS__)

#ifdef __cplusplus
}
#endif
#endif
