/* SPDX-License-Identifier: GPL-3.0-or-later */
/* centrality_constraint.c - Burt's constraint over the cores (see centrality_constraint.h). */
#include "analysis/centrality_constraint.h"
#include "analysis/centrality_paths.h"
#include "core/internal.h"

#include <math.h>
#include <stdatomic.h>
#include <stdint.h>
#include <stdlib.h>

/* Vertices are handed to the threads this many at a time. */
#define CONSTRAINT_CHUNK 64

typedef struct constraint_job {
    int32_t n;
    const int64_t *start; /* CSR: neighbours of v are neighbour[start[v] .. start[v + 1]) */
    const int32_t *neighbour;
    const int32_t *edge;     /* the edge behind each neighbour slot */
    const double *weights;   /* per edge; NULL: every edge weighs 1 */
    const double *strength;  /* per vertex, self-loops left out */
    double *values;          /* per vertex, the result */
    atomic_int next_vertex;  /* the first vertex of the next chunk to take */
    coopnet_i_ticker_t done; /* "constraint", one unit per vertex */
} constraint_job_t;

static double slot_weight(const constraint_job_t *job, int64_t slot)
{
    return job->weights ? job->weights[job->edge[slot]] : 1.0;
}

/* The constraint of vertex i. contribution[] holds 0 for every neighbour of i on entry and on
 * return (other entries are scratch: they are cleared before they are next read). */
static double constraint_of(const constraint_job_t *job, int32_t i, double *contribution)
{
    const int64_t *start = job->start;
    const int32_t *neighbour = job->neighbour;
    if (start[i] == start[i + 1])
        return NAN;
    for (int64_t a = start[i]; a < start[i + 1]; a++)
        contribution[neighbour[a]] = 0;
    /* direct: p_ij */
    for (int64_t a = start[i]; a < start[i + 1]; a++)
        contribution[neighbour[a]] += slot_weight(job, a) / job->strength[i];
    /* indirect: p_iq p_qj for every neighbour q of i and every neighbour j of q; j need not be a
     * neighbour of i (those sums are never read) */
    for (int64_t a = start[i]; a < start[i + 1]; a++) {
        int32_t q = neighbour[a];
        double via = slot_weight(job, a) / job->strength[i] / job->strength[q];
        if (job->weights)
            for (int64_t b = start[q]; b < start[q + 1]; b++)
                contribution[neighbour[b]] += via * slot_weight(job, b);
        else
            for (int64_t b = start[q]; b < start[q + 1]; b++)
                contribution[neighbour[b]] += via;
    }
    /* a parallel edge lists a neighbour twice: it is counted once (then its sum is 0) */
    double sum = 0;
    for (int64_t a = start[i]; a < start[i + 1]; a++) {
        int32_t j = neighbour[a];
        sum += contribution[j] * contribution[j];
        contribution[j] = 0;
    }
    return sum;
}

static void *constraint_worker(void *data)
{
    constraint_job_t *job = data;
    double *contribution = calloc((size_t)job->n + 1, sizeof *contribution);
    if (contribution == NULL)
        return NULL; /* the other threads take the vertices */
    for (;;) {
        int32_t first = atomic_fetch_add(&job->next_vertex, CONSTRAINT_CHUNK);
        if (first >= job->n)
            break;
        int32_t last = job->n - first < CONSTRAINT_CHUNK ? job->n : first + CONSTRAINT_CHUNK;
        for (int32_t i = first; i < last; i++)
            job->values[i] = constraint_of(job, i, contribution);
        coopnet_i_ticker_add(&job->done, (uint64_t)(last - first));
    }
    free(contribution);
    return NULL;
}

int coopnet_i_centrality_constraint(const igraph_t *graph, const igraph_vector_t *weights,
                                    igraph_vector_t *values, const coopnet_progress_t *progress,
                                    coopnet_error_t *err)
{
    int status = COOPNET_OK;
    igraph_integer_t vcount = igraph_vcount(graph);
    int64_t *start = NULL;
    int32_t *neighbour = NULL, *edge = NULL;
    double *strength = NULL;
    constraint_job_t job = {0};

    if (vcount > INT32_MAX - CONSTRAINT_CHUNK)
        return COOPNET_ERROR(err, COOPNET_ENOMEM, "graph too large for the constraint");
    if (weights && igraph_vector_size(weights) != igraph_ecount(graph))
        return COOPNET_ERROR(err, COOPNET_EINVAL, "constraint: %lld weights for %lld edges",
                             (long long)igraph_vector_size(weights),
                             (long long)igraph_ecount(graph));
    COOPNET_IGRAPH_CHECK(err, status, igraph_vector_resize(values, vcount), "constraint");
    if ((status = coopnet_i_centrality_adjacency(graph, &start, &neighbour, weights ? &edge : NULL,
                                                 err)) != COOPNET_OK)
        goto cleanup;
    strength = coopnet_i_alloc_array((size_t)vcount + 1, sizeof *strength);
    if (strength == NULL) {
        status = COOPNET_ERROR(err, COOPNET_ENOMEM, "out of memory for the constraint");
        goto cleanup;
    }
    job.n = (int32_t)vcount;
    job.start = start;
    job.neighbour = neighbour;
    job.edge = edge;
    job.weights = weights ? VECTOR(*weights) : NULL;
    job.strength = strength;
    job.values = VECTOR(*values);
    for (int32_t v = 0; v < job.n; v++) {
        double sum = 0;
        for (int64_t a = start[v]; a < start[v + 1]; a++)
            sum += slot_weight(&job, a);
        strength[v] = sum;
    }
    atomic_init(&job.next_vertex, 0);
    coopnet_i_ticker_init(&job.done, progress, "constraint", (uint64_t)job.n);
    coopnet_i_threads_run(
        coopnet_i_thread_count(job.n / CONSTRAINT_CHUNK + 1, COOPNET_I_MAX_THREADS),
        constraint_worker, &job);
    /* a thread without workspace took no vertex; if none had one, vertices are left */
    if (atomic_load(&job.next_vertex) < job.n)
        status = COOPNET_ERROR(err, COOPNET_ENOMEM, "out of memory for the constraint");
    else
        coopnet_i_ticker_finish(&job.done);
    coopnet_i_ticker_destroy(&job.done);

cleanup:
    free(start);
    free(neighbour);
    free(edge);
    free(strength);
    return status;
}
