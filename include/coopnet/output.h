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

/* Opens path for writing; NULL or "-" writes to standard output (not atomic, not closed). When
 * path exists the new file keeps its mode and (where permitted) its owner and group; a new file
 * gets 0666 under the umask. Temporaries of crashed runs (.coopnet-XXXXXX older than a day) in
 * path's directory are removed. On
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

/* Commits the n outputs of one run together: all are flushed, synced and closed first, and only
 * when all are complete are they renamed into place, so a failure leaves every destination as it
 * was (a rename failing after others succeeded, rare, is reported but cannot be undone). Frees
 * every output and sets outputs[i] to NULL, on success and on failure. O(n). */
COOPNET_API int coopnet_output_commit_all(coopnet_output_t **outputs, size_t n,
                                          coopnet_error_t *err);

/* Removes the temporary file and frees output. NULL is accepted. */
COOPNET_API void coopnet_output_abort(coopnet_output_t *output);

/* Removes every temporary file still open. Async-signal-safe: for a SIGINT/SIGTERM handler. */
COOPNET_API void coopnet_output_remove_all_temporary(void);

#ifdef __cplusplus
}
#endif
#endif
