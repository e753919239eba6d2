/* SPDX-License-Identifier: GPL-3.0-or-later */
/* coopnet/output.h - output files written atomically.
 *
 * Results are written to a temporary file in the destination's directory and renamed over the
 * destination only when complete, so a failed or interrupted run never leaves a partial or
 * truncated file and an existing file stays untouched until the new one is whole.
 */
#ifndef COOPNET_OUTPUT_H
#define COOPNET_OUTPUT_H

#include "coopnet/api.h"

#include "coopnet/error.h"

#include <stdio.h>

#ifdef __cplusplus
extern "C" {
#endif

typedef struct coopnet_output coopnet_output_t;

/* Opens path for writing; NULL or "-" writes to standard output (not atomic, not closed). On
 * success *output is owned by the caller, who must call coopnet_output_commit or
 * coopnet_output_abort. On failure (EIO: directory missing or read-only) *output is NULL. O(1). */
COOPNET_API int coopnet_output_open(const char *path, coopnet_output_t **output,
                                    coopnet_error_t *err);

/* The stream to write to. */
COOPNET_API FILE *coopnet_output_stream(coopnet_output_t *output);

/* The path of the temporary file (for writers such as cairo that need a file name), or NULL for
 * standard output. */
COOPNET_API const char *coopnet_output_temporary_path(const coopnet_output_t *output);

/* Flushes, syncs and renames into place, then frees output. On failure (disk full, ...) the
 * temporary file is removed, the destination is untouched, and err says why (EIO). */
COOPNET_API int coopnet_output_commit(coopnet_output_t *output, coopnet_error_t *err);

/* Removes the temporary file and frees output. NULL is accepted. */
COOPNET_API void coopnet_output_abort(coopnet_output_t *output);

/* Removes every temporary file still open. Async-signal-safe: for a SIGINT/SIGTERM handler. */
COOPNET_API void coopnet_output_remove_all_temporary(void);

#ifdef __cplusplus
}
#endif
#endif
