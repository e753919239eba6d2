/* SPDX-License-Identifier: GPL-3.0-or-later */
/* internal.h - helpers shared by the library's modules; not installed. */
#ifndef COOPNET_INTERNAL_H
#define COOPNET_INTERNAL_H

#include "coopnet/diag.h"
#include "coopnet/error.h"
#include "coopnet/progress.h"

#include <igraph.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stddef.h>
#include <stdint.h>

/* Turns a failed igraph call into a coopnet error naming what was being done and igraph's own
 * reason (recorded by the handler coopnet_library_init installs). Returns the coopnet code. */
int coopnet_i_igraph_failed(coopnet_error_t *err, igraph_error_t igraph_code, const char *what);

/* Runs an igraph call; on failure records the error and jumps to the function's cleanup label. */
#define COOPNET_IGRAPH_CHECK(err, status, call, what)                                              \
    do {                                                                                           \
        igraph_error_t igraph_status_ = (call);                                                    \
        if (igraph_status_ != IGRAPH_SUCCESS) {                                                    \
            (status) = coopnet_i_igraph_failed((err), igraph_status_, (what));                     \
            goto cleanup;                                                                          \
        }                                                                                          \
    } while (0)

/* Allocation helpers: NULL on overflow or exhaustion. */
void *coopnet_i_alloc_array(size_t count, size_t size);
void *coopnet_i_realloc_array(void *pointer, size_t count, size_t size);

/* Grows *array (of *capacity elements of size bytes) to hold at least needed elements. */
int coopnet_i_grow(void **array, size_t *capacity, size_t needed, size_t size);
/* Makes *array hold exactly wanted elements when it holds fewer (for an array whose final size
 * is known or well estimated: one allocation, instead of doublings that each copy it). */
int coopnet_i_reserve(void **array, size_t *capacity, size_t wanted, size_t size);

/* Asks the kernel for transparent huge pages over [pointer, pointer + bytes) when the block is
 * large (4 MiB or more; Linux, where THP is "madvise"): a large array is then faulted in 2 MiB at
 * a time instead of 4 KiB (a 100 000-actor bundle: a fifth of the page faults). Advisory only:
 * nothing changes where the kernel or the system does not offer it. */
void coopnet_i_advise_huge(void *pointer, size_t bytes);

/* Moves item (its file and message) to the end of list, counted and kept as coopnet_diag_add
 * would (freed when the list keeps no more of its severity); item's pointers become NULL. For a
 * list found on another thread, taken in the order of its lines. O(1) amortised. */
void coopnet_i_diag_list_take(coopnet_diag_list_t *list, coopnet_diag_t *item);
/* Counts in list the diagnostics that list from found but did not keep (after taking its kept
 * ones: each of them comes after every kept one of its severity). O(1). */
void coopnet_i_diag_list_count_dropped(coopnet_diag_list_t *list, const coopnet_diag_list_t *from);

/* The threads a pass of n_tasks independent tasks uses: the cores online, at most `most` and at
 * most n_tasks (at least 1). Results must never depend on it. */
int coopnet_i_thread_count(int64_t n_tasks, int most);
/* For tests: passes use at most `most` threads from now on (0: as many as cores online), so that
 * a test can check a result is the same on one thread as on several. */
void coopnet_i_threads_set_limit(int most);

/* Runs worker(argument) on n_threads threads at once, the calling thread being one of them, and
 * returns when all have returned. The workers share argument and take their tasks from it (an
 * atomic counter), so that a thread that cannot start (its tasks then go to the others) changes
 * nothing but the time. At most COOPNET_I_MAX_THREADS. */
#define COOPNET_I_MAX_THREADS 16
void coopnet_i_threads_run(int n_threads, void *(*worker)(void *), void *argument);

/* A progress ticker: the work of one stage counted from any number of threads, reported through
 * a coopnet_progress_t at most every COOPNET_I_TICK_SECONDS and whenever a thread adds work
 * after that (so a long stage reports whichever thread is working, not only the caller's).
 * The callback is never called by two threads at once (a mutex; a thread that finds it taken
 * skips that report). Use: init (reports 0 of total), add from the workers, finish (reports
 * total of total) after joining them, destroy. */
#define COOPNET_I_TICK_SECONDS 0.2

typedef struct coopnet_i_ticker {
    const coopnet_progress_t *progress; /* borrowed; NULL: the ticker only counts */
    const char *stage;                  /* borrowed */
    uint64_t total;
    atomic_ullong done;
    atomic_llong next_report_ns; /* CLOCK_MONOTONIC time of the next report */
    pthread_mutex_t lock;
} coopnet_i_ticker_t;

void coopnet_i_ticker_init(coopnet_i_ticker_t *ticker, const coopnet_progress_t *progress,
                           const char *stage, uint64_t total);
void coopnet_i_ticker_add(coopnet_i_ticker_t *ticker, uint64_t units);
void coopnet_i_ticker_finish(coopnet_i_ticker_t *ticker);
void coopnet_i_ticker_destroy(coopnet_i_ticker_t *ticker);

#endif
