/* SPDX-License-Identifier: GPL-3.0-or-later */
/* coopnet/progress.h - progress of long computations.
 *
 * Functions that can run for more than about a second (layouts of large graphs, all-sources
 * reach, permutation tests, reports) take a `const coopnet_progress_t *` (NULL: no reports) and
 * call coopnet_progress_report as they go. The library only calls back; the command-line tool
 * draws a bar with the time left on a terminal, one line per stage otherwise, or nothing with
 * --quiet.
 */
#ifndef COOPNET_PROGRESS_H
#define COOPNET_PROGRESS_H

#include "coopnet/api.h"

#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/* stage: a short name ("betweenness", "permutations"); done of total units (total 0: unknown).
 * Called with done == 0 when a stage starts and done == total when it ends. */
typedef void (*coopnet_progress_callback_t)(void *data, const char *stage, uint64_t done,
                                            uint64_t total);

typedef struct coopnet_progress {
    coopnet_progress_callback_t callback;
    void *data;
} coopnet_progress_t;

/* Calls progress->callback unless progress or its callback is NULL. Cheap enough for loops, but
 * callers should report at most a few hundred times per stage. */
COOPNET_API void coopnet_progress_report(const coopnet_progress_t *progress, const char *stage,
                                         uint64_t done, uint64_t total);

#ifdef __cplusplus
}
#endif
#endif
