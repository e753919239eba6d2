/* SPDX-License-Identifier: GPL-3.0-or-later */
/* threads.c - how many threads a parallel pass uses (see core/internal.h). */
#include "core/internal.h"

#include <pthread.h>
#include <stdatomic.h>
#include <unistd.h>

static atomic_int thread_limit; /* 0: the cores online */

void coopnet_i_threads_set_limit(int most)
{
    atomic_store(&thread_limit, most > 0 ? most : 0);
}

int coopnet_i_thread_count(int64_t n_tasks, int most)
{
    int limit = atomic_load(&thread_limit);
    long online = limit > 0 ? limit : sysconf(_SC_NPROCESSORS_ONLN);
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
