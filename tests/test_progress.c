/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test_progress.c - the progress ticker: reports from whichever thread works, never two at once,
 * never "done" before the end. */
#include "core/internal.h"
#include "testing.h"

#include <pthread.h>
#include <stdatomic.h>
#include <time.h>

typedef struct record {
    pthread_t caller;
    atomic_int inside; /* callbacks running now: must never exceed 1 */
    int calls, from_workers, overlapping, done_before_end;
    uint64_t last_done, total;
    bool finished;
} record_t;

static void on_report(void *data, const char *stage, uint64_t done, uint64_t total)
{
    record_t *record = data;
    if (atomic_fetch_add(&record->inside, 1) != 0)
        record->overlapping++;
    CHECK_STR(stage, "work");
    record->calls++;
    if (!pthread_equal(pthread_self(), record->caller))
        record->from_workers++;
    if (done == total && total > 0 && !record->finished)
        record->done_before_end++;
    record->last_done = done;
    record->total = total;
    /* a slow display: other threads add work meanwhile and must not wait or report too */
    struct timespec pause = {0, 2000000};
    nanosleep(&pause, NULL);
    atomic_fetch_sub(&record->inside, 1);
}

#define UNITS_PER_WORKER 40

static void *worker(void *data)
{
    coopnet_i_ticker_t *ticker = data;
    struct timespec pause = {0, 20000000}; /* 40 x 20 ms: 0.8 s, four ticks at least */
    for (int i = 0; i < UNITS_PER_WORKER; i++) {
        nanosleep(&pause, NULL);
        coopnet_i_ticker_add(ticker, 1);
    }
    return NULL;
}

/* The caller only waits (as a pass does when its own share is done): the reports come from the
 * workers, at least one per tick, and none says "done" before coopnet_i_ticker_finish. */
static void test_reports_from_workers(void)
{
    record_t record;
    memset(&record, 0, sizeof record);
    record.caller = pthread_self();
    atomic_init(&record.inside, 0);
    coopnet_progress_t progress = {on_report, &record};
    coopnet_i_ticker_t ticker;
    enum { WORKERS = 3 };
    coopnet_i_ticker_init(&ticker, &progress, "work", WORKERS * UNITS_PER_WORKER);
    CHECK_INT(record.calls, 1);
    CHECK_INT(record.last_done, 0);
    pthread_t ids[WORKERS];
    for (int t = 0; t < WORKERS; t++)
        CHECK_INT(pthread_create(&ids[t], NULL, worker, &ticker), 0);
    for (int t = 0; t < WORKERS; t++)
        pthread_join(ids[t], NULL);
    CHECK(record.from_workers >= 2);
    CHECK(record.last_done < WORKERS * UNITS_PER_WORKER);
    record.finished = true;
    coopnet_i_ticker_finish(&ticker);
    CHECK_INT(record.last_done, WORKERS * UNITS_PER_WORKER);
    CHECK_INT(record.total, WORKERS * UNITS_PER_WORKER);
    CHECK_INT(record.overlapping, 0);
    CHECK_INT(record.done_before_end, 0);
    CHECK_INT(atomic_load(&ticker.done), WORKERS * UNITS_PER_WORKER);
    coopnet_i_ticker_destroy(&ticker);
}

/* Without a callback the ticker only counts. */
static void test_without_callback(void)
{
    coopnet_i_ticker_t ticker;
    coopnet_i_ticker_init(&ticker, NULL, "work", 10);
    for (int i = 0; i < 10; i++)
        coopnet_i_ticker_add(&ticker, 1);
    coopnet_i_ticker_finish(&ticker);
    CHECK_INT(atomic_load(&ticker.done), 10);
    coopnet_i_ticker_destroy(&ticker);
}

int main(void)
{
    TEST_RUN(test_reports_from_workers);
    TEST_RUN(test_without_callback);
    return TEST_DONE();
}
