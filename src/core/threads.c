/* SPDX-License-Identifier: GPL-3.0-or-later */
/* threads.c - how many threads a parallel pass uses (see core/internal.h). */
#include "core/internal.h"

#include <pthread.h>
#include <unistd.h>

int coopnet_i_thread_count(int64_t n_tasks, int most)
{
    long online = sysconf(_SC_NPROCESSORS_ONLN);
    int count = online > 0 ? (int)(online < most ? online : most) : 1;
    if (count < 1)
        count = 1;
    return count < n_tasks ? count : (n_tasks > 0 ? (int)n_tasks : 1);
}

void coopnet_i_threads_run(int n_threads, void *(*worker)(void *), void *argument)
{
    pthread_t ids[COOPNET_I_MAX_THREADS];
    int started = 0;
    if (n_threads > COOPNET_I_MAX_THREADS)
        n_threads = COOPNET_I_MAX_THREADS;
    for (; started < n_threads - 1; started++)
        if (pthread_create(&ids[started], NULL, worker, argument) != 0)
            break;
    worker(argument);
    for (int t = 0; t < started; t++)
        pthread_join(ids[t], NULL);
}
