/* SPDX-License-Identifier: GPL-3.0-or-later */
/* threads.c - how many threads a parallel pass uses (see core/internal.h). */
#include "core/internal.h"

#include <unistd.h>

int coopnet_i_thread_count(int64_t n_tasks, int most)
{
    long online = sysconf(_SC_NPROCESSORS_ONLN);
    int count = online > 0 ? (int)(online < most ? online : most) : 1;
    if (count < 1)
        count = 1;
    return count < n_tasks ? count : (n_tasks > 0 ? (int)n_tasks : 1);
}
