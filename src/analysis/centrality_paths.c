/* SPDX-License-Identifier: GPL-3.0-or-later */
/* centrality_paths.c - betweenness, closeness and harmonic centrality in one breadth-first pass
 * per source, over the cores (see centrality_paths.h). */
#include "analysis/centrality_paths.h"
#include "core/internal.h"

#include <math.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

/* Sources are cut into this many contiguous blocks, each with its own betweenness sums, added in
 * block order at the end: the result is the same whatever the number of threads. */
#define PATHS_BLOCKS 16

typedef struct paths_job {
    int32_t n;
    const int64_t *start; /* CSR: neighbours of v are neighbour[start[v] .. start[v + 1]) */
    const int32_t *neighbour;
    int32_t n_blocks;
    double *block_betweenness; /* n_blocks x n, NULL when not wanted */
    double *closeness, *harmonic;
    atomic_int next_block;
    coopnet_i_ticker_t sources_done; /* "shortest paths", one unit per source, from every thread */
} paths_job_t;

typedef struct paths_workspace {
    int32_t *distance, *order;
    double *paths, *dependency;
} paths_workspace_t;

static void workspace_free(paths_workspace_t *work)
{
    free(work->distance);
    free(work->order);
    free(work->paths);
    free(work->dependency);
}

static int workspace_alloc(paths_workspace_t *work, int32_t n)
{
    size_t count = (size_t)n + 1;
    work->distance = malloc(count * sizeof *work->distance);
    work->order = malloc(count * sizeof *work->order);
    work->paths = malloc(count * sizeof *work->paths);
    work->dependency = malloc(count * sizeof *work->dependency);
    if (!work->distance || !work->order || !work->paths || !work->dependency) {
        workspace_free(work);
        return -1;
    }
    for (int32_t v = 0; v < n; v++)
        work->distance[v] = -1;
    return 0;
}

/* One breadth-first search from source: its closeness and harmonic values, and the dependencies
 * of the source on every vertex added to betweenness (when not NULL). Leaves distance[] all -1. */
static void search_from(const paths_job_t *job, paths_workspace_t *work, int32_t source,
                        double *betweenness)
{
    const int64_t *start = job->start;
    const int32_t *neighbour = job->neighbour;
    int32_t *distance = work->distance, *order = work->order;
    double *paths = work->paths, *dependency = work->dependency;
    int32_t head = 0, tail = 1;

    order[0] = source;
    distance[source] = 0;
    paths[source] = 1;
    while (head < tail) {
        int32_t v = order[head++];
        int32_t next = distance[v] + 1;
        double via = paths[v];
        for (int64_t k = start[v]; k < start[v + 1]; k++) {
            int32_t w = neighbour[k];
            if (distance[w] < 0) {
                distance[w] = next;
                paths[w] = 0;
                order[tail++] = w;
            }
            if (distance[w] == next)
                paths[w] += via;
        }
    }

    double distance_sum = 0, inverse_sum = 0;
    for (int32_t i = 1; i < tail; i++) {
        double d = distance[order[i]];
        distance_sum += d;
        inverse_sum += 1.0 / d;
    }
    if (job->closeness)
        job->closeness[source] = tail > 1 ? (double)(tail - 1) / distance_sum : NAN;
    if (job->harmonic)
        job->harmonic[source] = job->n > 1 ? inverse_sum / (double)(job->n - 1) : NAN;

    if (betweenness) {
        for (int32_t i = 0; i < tail; i++)
            dependency[order[i]] = 0;
        for (int32_t i = tail - 1; i > 0; i--) {
            int32_t w = order[i];
            int32_t previous = distance[w] - 1;
            double share = (1.0 + dependency[w]) / paths[w];
            for (int64_t k = start[w]; k < start[w + 1]; k++) {
                int32_t v = neighbour[k];
                if (distance[v] == previous)
                    dependency[v] += paths[v] * share;
            }
            betweenness[w] += dependency[w];
        }
    }
    for (int32_t i = 0; i < tail; i++)
        distance[order[i]] = -1;
}

/* Runs blocks until none is left. */
static void run_blocks(paths_job_t *job, paths_workspace_t *work)
{
    for (;;) {
        int32_t block = atomic_fetch_add(&job->next_block, 1);
        if (block >= job->n_blocks)
            return;
        int32_t first = (int32_t)((int64_t)job->n * block / job->n_blocks);
        int32_t last = (int32_t)((int64_t)job->n * (block + 1) / job->n_blocks);
        double *betweenness =
            job->block_betweenness ? job->block_betweenness + (size_t)block * (size_t)job->n : NULL;
        for (int32_t s = first; s < last; s++) {
            search_from(job, work, s, betweenness);
            coopnet_i_ticker_add(&job->sources_done, 1);
        }
    }
}

typedef struct paths_thread {
    paths_job_t *job;
    paths_workspace_t work;
} paths_thread_t;

static void *thread_main(void *data)
{
    paths_thread_t *thread = data;
    run_blocks(thread->job, &thread->work);
    return NULL;
}

int coopnet_i_centrality_threads(int64_t n_tasks)
{
    return coopnet_i_thread_count(n_tasks, PATHS_MAX_THREADS);
}

int coopnet_i_centrality_adjacency(const igraph_t *graph, int64_t **start_out,
                                   int32_t **neighbour_out, int32_t **edge_out,
                                   coopnet_error_t *err)
{
    int32_t n = (int32_t)igraph_vcount(graph);
    igraph_integer_t m = igraph_ecount(graph);
    if (edge_out && m > INT32_MAX)
        return COOPNET_ERROR(err, COOPNET_ENOMEM, "graph too large for its adjacency array");
    int64_t *start = calloc((size_t)n + 2, sizeof *start);
    int32_t *neighbour = coopnet_i_alloc_array(2 * (size_t)m + 1, sizeof *neighbour);
    int32_t *edge = edge_out ? coopnet_i_alloc_array(2 * (size_t)m + 1, sizeof *edge) : NULL;
    if (start == NULL || neighbour == NULL || (edge_out && edge == NULL)) {
        free(start);
        free(neighbour);
        free(edge);
        return COOPNET_ERROR(err, COOPNET_ENOMEM, "out of memory for the adjacency array");
    }
    for (igraph_integer_t e = 0; e < m; e++) {
        igraph_integer_t from = IGRAPH_FROM(graph, e), to = IGRAPH_TO(graph, e);
        if (from == to)
            continue;
        start[from + 2]++;
        start[to + 2]++;
    }
    for (int32_t v = 0; v < n; v++)
        start[v + 2] += start[v + 1];
    /* start[v + 1] is now where v's neighbours begin; filling advances it to where they end */
    for (igraph_integer_t e = 0; e < m; e++) {
        igraph_integer_t from = IGRAPH_FROM(graph, e), to = IGRAPH_TO(graph, e);
        if (from == to)
            continue;
        if (edge) {
            edge[start[from + 1]] = (int32_t)e;
            edge[start[to + 1]] = (int32_t)e;
        }
        neighbour[start[from + 1]++] = (int32_t)to;
        neighbour[start[to + 1]++] = (int32_t)from;
    }
    *start_out = start;
    *neighbour_out = neighbour;
    if (edge_out)
        *edge_out = edge;
    return COOPNET_OK;
}

int coopnet_i_centrality_paths(const igraph_t *graph, igraph_vector_t *betweenness,
                               igraph_vector_t *closeness, igraph_vector_t *harmonic,
                               const coopnet_progress_t *progress, coopnet_error_t *err)
{
    int status = COOPNET_OK;
    igraph_integer_t vcount = igraph_vcount(graph);
    if (vcount > INT32_MAX - 1)
        return COOPNET_ERROR(err, COOPNET_ENOMEM, "graph too large for the shortest paths");
    int32_t n = (int32_t)vcount;
    int64_t *start = NULL;
    int32_t *neighbour = NULL;
    paths_thread_t threads[PATHS_MAX_THREADS];
    pthread_t ids[PATHS_MAX_THREADS];
    int n_threads = 0, n_started = 0;
    bool ticker_started = false;
    paths_job_t job;
    memset(&job, 0, sizeof job);
    memset(threads, 0, sizeof threads);

    igraph_vector_t *outputs[3] = {betweenness, closeness, harmonic};
    for (int k = 0; k < 3; k++)
        if (outputs[k])
            COOPNET_IGRAPH_CHECK(err, status, igraph_vector_resize(outputs[k], vcount),
                                 "shortest paths");
    if ((status = coopnet_i_centrality_adjacency(graph, &start, &neighbour, NULL, err)) !=
        COOPNET_OK)
        goto cleanup;

    job.n = n;
    job.start = start;
    job.neighbour = neighbour;
    job.n_blocks = n < PATHS_BLOCKS ? n : PATHS_BLOCKS;
    job.closeness = closeness ? VECTOR(*closeness) : NULL;
    job.harmonic = harmonic ? VECTOR(*harmonic) : NULL;
    atomic_init(&job.next_block, 0);
    if (betweenness) {
        job.block_betweenness =
            calloc((size_t)job.n_blocks * (size_t)n + 1, sizeof *job.block_betweenness);
        if (job.block_betweenness == NULL) {
            status = COOPNET_ERROR(err, COOPNET_ENOMEM, "out of memory for the shortest paths");
            goto cleanup;
        }
    }

    n_threads = coopnet_i_centrality_threads(job.n_blocks);
    for (int t = 0; t < n_threads; t++) {
        threads[t].job = &job;
        if (workspace_alloc(&threads[t].work, n) != 0) {
            status = COOPNET_ERROR(err, COOPNET_ENOMEM, "out of memory for the shortest paths");
            goto cleanup;
        }
    }
    coopnet_i_ticker_init(&job.sources_done, progress, "shortest paths", (uint64_t)n);
    ticker_started = true;
    for (int t = 1; t < n_threads; t++) {
        if (pthread_create(&ids[t], NULL, thread_main, &threads[t]) != 0)
            break; /* fewer helpers: the calling thread picks up their blocks */
        n_started = t;
    }
    run_blocks(&job, &threads[0].work);
    for (int t = 1; t <= n_started; t++)
        pthread_join(ids[t], NULL);
    coopnet_i_ticker_finish(&job.sources_done);

    if (betweenness) {
        double *sum = VECTOR(*betweenness);
        for (int32_t v = 0; v < n; v++)
            sum[v] = 0;
        for (int32_t block = 0; block < job.n_blocks; block++) {
            const double *part = job.block_betweenness + (size_t)block * (size_t)n;
            for (int32_t v = 0; v < n; v++)
                sum[v] += part[v];
        }
        for (int32_t v = 0; v < n; v++)
            sum[v] /= 2; /* each unordered pair was searched from both ends */
    }

cleanup:
    if (ticker_started)
        coopnet_i_ticker_destroy(&job.sources_done);
    for (int t = 0; t < n_threads; t++)
        workspace_free(&threads[t].work);
    free(job.block_betweenness);
    free(start);
    free(neighbour);
    return status;
}

/* The sources timed: spread over the vertex numbers, so that a graph whose first vertices are
 * all in a small component is not timed on those alone. */
#define PATHS_TIMED_SOURCES 8

static double seconds_now(void)
{
    struct timespec now;
    clock_gettime(CLOCK_MONOTONIC, &now);
    return (double)now.tv_sec + 1e-9 * (double)now.tv_nsec;
}

int coopnet_i_centrality_paths_time(const igraph_t *graph, bool betweenness, double *seconds,
                                    coopnet_error_t *err)
{
    int status = COOPNET_OK;
    igraph_integer_t vcount = igraph_vcount(graph);
    *seconds = 0;
    if (vcount == 0)
        return COOPNET_OK;
    if (vcount > INT32_MAX - 1)
        return COOPNET_ERROR(err, COOPNET_ENOMEM, "graph too large for the shortest paths");
    int32_t n = (int32_t)vcount;
    int64_t *start = NULL;
    int32_t *neighbour = NULL;
    paths_job_t job;
    paths_workspace_t work;
    double *sums = NULL;
    memset(&job, 0, sizeof job);
    memset(&work, 0, sizeof work);
    if ((status = coopnet_i_centrality_adjacency(graph, &start, &neighbour, NULL, err)) !=
        COOPNET_OK)
        return status;
    job.n = n;
    job.start = start;
    job.neighbour = neighbour;
    sums = calloc((size_t)n + 1, sizeof *sums);
    if (sums == NULL || workspace_alloc(&work, n) != 0) {
        status = COOPNET_ERROR(err, COOPNET_ENOMEM, "out of memory for the shortest paths");
        goto cleanup;
    }
    int32_t timed = n < PATHS_TIMED_SOURCES ? n : PATHS_TIMED_SOURCES;
    double begin = seconds_now();
    for (int32_t i = 0; i < timed; i++)
        search_from(&job, &work, (int32_t)((int64_t)n * i / timed), betweenness ? sums : NULL);
    double per_source = (seconds_now() - begin) / timed;
    *seconds = per_source * (double)n / coopnet_i_centrality_threads(PATHS_BLOCKS);
cleanup:
    workspace_free(&work);
    free(sums);
    free(start);
    free(neighbour);
    return status;
}
