/* SPDX-License-Identifier: GPL-3.0-or-later */
/* coopnet/diag.h - diagnostics: the errors and warnings found while validating input.
 *
 * A loader that finds invalid data does not stop at the first problem: it records every error and
 * warning here with its file and line, keeps going, and finally returns COOPNET_EDATA if any error
 * was recorded. The list keeps the first COOPNET_DIAG_KEEP of each severity (or as many errors as
 * coopnet_diag_list_keep_errors says) and counts the rest, so memory stays bounded on any input.
 */
#ifndef COOPNET_DIAG_H
#define COOPNET_DIAG_H

#include "coopnet/api.h"

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

#define COOPNET_DIAG_KEEP 50

typedef enum { COOPNET_DIAG_ERROR = 0, COOPNET_DIAG_WARNING = 1 } coopnet_diag_severity_t;

typedef struct coopnet_diag {
    coopnet_diag_severity_t severity;
    char *file;    /* base name of the file ("events.csv"), owned by the list; may be "" */
    uint64_t line; /* 1-based line where the record starts; 0 when not about a line */
    char *message; /* "column 'date': invalid date '31/01/2024' (...)", owned by the list */
} coopnet_diag_t;

typedef struct coopnet_diag_list {
    coopnet_diag_t *items; /* the kept diagnostics, in the order found */
    size_t n_items;
    size_t capacity;
    uint64_t n_errors;   /* all errors found, kept or not */
    uint64_t n_warnings; /* all warnings found, kept or not */
    size_t kept_errors;
    size_t kept_warnings;
    size_t keep_errors; /* the most errors kept: 0 for COOPNET_DIAG_KEEP, SIZE_MAX for all */
} coopnet_diag_list_t;

/* Initialises an empty list. O(1). */
COOPNET_API void coopnet_diag_list_init(coopnet_diag_list_t *list);

/* Keeps the first max_errors errors (0: all of them, however many: memory then grows with the
 * errors of the input) instead of COOPNET_DIAG_KEEP; the others are still counted. Call it
 * before adding. O(1). */
COOPNET_API void coopnet_diag_list_keep_errors(coopnet_diag_list_t *list, size_t max_errors);

/* Frees what the list owns; the list may then be initialised again. NULL is accepted. */
COOPNET_API void coopnet_diag_list_destroy(coopnet_diag_list_t *list);

/* Records a diagnostic. Counted always; kept when fewer than COOPNET_DIAG_KEEP of its severity
 * (of errors: the number coopnet_diag_list_keep_errors set) are kept already. Running out of memory
 * only drops the text (the count stays right). */
COOPNET_API void coopnet_diag_add(coopnet_diag_list_t *list, coopnet_diag_severity_t severity,
                                  const char *file, uint64_t line, const char *format, ...)
    __attribute__((format(printf, 5, 6)));

/* Formats one diagnostic as "FILE:LINE: error: MESSAGE" into buffer (always terminated). */
COOPNET_API void coopnet_diag_format(const coopnet_diag_t *diag, char *buffer, size_t size);

#ifdef __cplusplus
}
#endif
#endif
