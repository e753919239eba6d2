/* SPDX-License-Identifier: GPL-3.0-or-later */
/* progress.c - progress reports of long computations (see coopnet/progress.h). */
#include "coopnet/progress.h"

#include <stddef.h>

void coopnet_progress_report(const coopnet_progress_t *progress, const char *stage, uint64_t done,
                             uint64_t total)
{
    if (progress != NULL && progress->callback != NULL)
        progress->callback(progress->data, stage, done, total);
}
