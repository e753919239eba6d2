/* SPDX-License-Identifier: GPL-3.0-or-later */
/* progress.c - progress reports of long computations (see coopnet/progress.h). */
#include "coopnet/progress.h"
#include "core/internal.h"

#include <stddef.h>
#include <time.h>

void coopnet_progress_report(const coopnet_progress_t *progress, const char *stage, uint64_t done,
                             uint64_t total)
{
    if (progress != NULL && progress->callback != NULL)
        progress->callback(progress->data, stage, done, total);
}

static long long monotonic_ns(void)
{
    struct timespec now;
    clock_gettime(CLOCK_MONOTONIC, &now);
    return (long long)now.tv_sec * 1000000000LL + now.tv_nsec;
}

#define TICK_NS ((long long)(COOPNET_I_TICK_SECONDS * 1e9))

void coopnet_i_ticker_init(coopnet_i_ticker_t *ticker, const coopnet_progress_t *progress,
                           const char *stage, uint64_t total)
{
    ticker->progress = progress != NULL && progress->callback != NULL ? progress : NULL;
    ticker->stage = stage;
    ticker->total = total;
    atomic_init(&ticker->done, 0);
    atomic_init(&ticker->next_report_ns, monotonic_ns() + TICK_NS);
    pthread_mutex_init(&ticker->lock, NULL);
    coopnet_progress_report(ticker->progress, stage, 0, total);
}

void coopnet_i_ticker_add(coopnet_i_ticker_t *ticker, uint64_t units)
{
    uint64_t done = atomic_fetch_add(&ticker->done, units) + units;
    if (ticker->progress == NULL)
        return;
    long long due = atomic_load_explicit(&ticker->next_report_ns, memory_order_relaxed);
    long long now = monotonic_ns();
    if (now < due)
        return;
    /* one thread wins the report of this tick; the others go on working */
    if (!atomic_compare_exchange_strong(&ticker->next_report_ns, &due, now + TICK_NS))
        return;
    if (pthread_mutex_trylock(&ticker->lock) != 0)
        return;
    coopnet_progress_report(ticker->progress, ticker->stage,
                            done < ticker->total ? done : ticker->total - (ticker->total > 0),
                            ticker->total);
    pthread_mutex_unlock(&ticker->lock);
}

void coopnet_i_ticker_finish(coopnet_i_ticker_t *ticker)
{
    pthread_mutex_lock(&ticker->lock);
    coopnet_progress_report(ticker->progress, ticker->stage, ticker->total, ticker->total);
    pthread_mutex_unlock(&ticker->lock);
}

void coopnet_i_ticker_destroy(coopnet_i_ticker_t *ticker)
{
    pthread_mutex_destroy(&ticker->lock);
}
