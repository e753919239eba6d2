/* SPDX-License-Identifier: GPL-3.0-or-later */
/* brokerage.c - Gould and Fernandez brokerage roles, as sna::brokerage counts them (see
 * coopnet/brokerage.h for the definitions and the null model). */
#include "coopnet/brokerage.h"
#include "coopnet/library.h"
#include "core/internal.h"

#include <math.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>

static const char *const role_names[COOPNET_BROKERAGE_ROLE_COUNT] = {
    "coordinator", "itinerant", "gatekeeper", "representative", "liaison", "total"};

const char *coopnet_brokerage_role_name(coopnet_brokerage_role_t role)
{
    if ((int)role < 0 || role >= COOPNET_BROKERAGE_ROLE_COUNT)
        return "";
    return role_names[role];
}

void coopnet_brokerage_destroy(coopnet_brokerage_t *brokerage)
{
    if (brokerage == NULL)
        return;
    coopnet_partition_destroy(&brokerage->partition);
    if (brokerage->counts.data.stor_begin)
        igraph_matrix_destroy(&brokerage->counts);
    if (brokerage->expected.data.stor_begin)
        igraph_matrix_destroy(&brokerage->expected);
    if (brokerage->z.data.stor_begin)
        igraph_matrix_destroy(&brokerage->z);
    memset(brokerage, 0, sizeof *brokerage);
}

/* The directed version of the cooperation graph as arrays of out-neighbours: two arcs per edge
 * with shared events, plus the kept ties (two arcs when undirected, one when directed), without
 * loops or multiple arcs; each vertex's out-neighbours in increasing order. */
typedef struct arcs {
    int64_t *start; /* out-neighbours of v: head[start[v] .. start[v + 1]) */
    int32_t *head;
    int64_t n_arcs;
} arcs_t;

static void arcs_free(arcs_t *arcs)
{
    free(arcs->start);
    free(arcs->head);
    memset(arcs, 0, sizeof *arcs);
}

static int compare_int32(const void *a, const void *b)
{
    int32_t x = *(const int32_t *)a, y = *(const int32_t *)b;
    return (x > y) - (x < y);
}

/* One arc u -> v before simplification: counted into start[u + 2] when head is NULL, else
 * written at start[u + 1], which then advances. */
static void put_arc(int64_t *start, int32_t *head, igraph_integer_t u, igraph_integer_t v)
{
    if (head)
        head[start[u + 1]++] = (int32_t)v;
    else
        start[u + 2]++;
}

static void put_arcs(const coopnet_graph_t *graph, int64_t *start, int32_t *head)
{
    const coopnet_bundle_t *bundle = graph->bundle;
    const igraph_t *g = &graph->graph;
    for (igraph_integer_t e = 0; e < igraph_ecount(g); e++) {
        igraph_integer_t u = IGRAPH_FROM(g, e), v = IGRAPH_TO(g, e);
        if (VECTOR(graph->shared_events)[e] == 0 || u == v)
            continue;
        put_arc(start, head, u, v);
        put_arc(start, head, v, u);
    }
    for (size_t t = 0; t < bundle->n_ties; t++) {
        if (!coopnet_graph_keeps_tie(bundle, t, &graph->options))
            continue;
        const coopnet_tie_t *tie = &bundle->ties[t];
        igraph_integer_t u = VECTOR(graph->vertex_of_actor)[tie->from];
        igraph_integer_t v = VECTOR(graph->vertex_of_actor)[tie->to];
        if (u < 0 || v < 0 || u == v)
            continue;
        put_arc(start, head, u, v);
        if (!tie->directed)
            put_arc(start, head, v, u);
    }
}

static int build_arcs(const coopnet_graph_t *graph, arcs_t *arcs, coopnet_error_t *err)
{
    igraph_integer_t n = igraph_vcount(&graph->graph);
    memset(arcs, 0, sizeof *arcs);
    if (n > INT32_MAX)
        return COOPNET_ERROR(err, COOPNET_ENOMEM, "graph too large for brokerage roles");
    int64_t *start = calloc((size_t)n + 2, sizeof *start);
    if (start == NULL)
        return COOPNET_ERROR(err, COOPNET_ENOMEM, "out of memory counting brokerage roles");
    put_arcs(graph, start, NULL);
    for (igraph_integer_t v = 0; v < n; v++)
        start[v + 2] += start[v + 1];
    int32_t *head = coopnet_i_alloc_array((size_t)start[n + 1] + 1, sizeof *head);
    if (head == NULL) {
        free(start);
        return COOPNET_ERROR(err, COOPNET_ENOMEM, "out of memory counting brokerage roles");
    }
    /* start[u + 1] is where u's arcs begin; filling advances it to where they end */
    put_arcs(graph, start, head);
    /* sort each list and drop repeats, moving the lists down over the room freed */
    int64_t kept = 0;
    for (igraph_integer_t v = 0; v < n; v++) {
        int64_t first = start[v], last = start[v + 1];
        qsort(head + first, (size_t)(last - first), sizeof *head, compare_int32);
        start[v] = kept;
        for (int64_t a = first; a < last; a++)
            if (a == first || head[a] != head[a - 1])
                head[kept++] = head[a];
    }
    start[n] = kept;
    arcs->start = start;
    arcs->head = head;
    arcs->n_arcs = kept;
    return COOPNET_OK;
}

static double choose2(double x)
{
    return x < 2 ? 0 : x * (x - 1) / 2;
}

/* sna's moments for a broker of a group of size n_g among groups of sizes sizes[]. */
static void role_moments(double density, double n_total, double n_group,
                         const igraph_vector_int_t *sizes, igraph_integer_t group,
                         double expected[COOPNET_BROKERAGE_ROLE_COUNT],
                         double variance[COOPNET_BROKERAGE_ROLE_COUNT])
{
    double q = density * density * (1 - density);
    double r = pow(density * (1 - density), 3);
    double others_pairs = 0, others_triples = 0, others_sum = 0, others_squares = 0,
           liaison_extra = 0;
    for (igraph_integer_t h = 0; h < igraph_vector_int_size(sizes); h++) {
        if (h == group)
            continue;
        double n_h = (double)VECTOR(*sizes)[h];
        others_pairs += n_h * (n_h - 1);
        others_triples += n_h * (n_h - 1) * (n_h - 2);
        others_sum += n_h;
        others_squares += n_h * n_h;
        liaison_extra += n_h * choose2(n_total - n_h - n_group);
    }
    double n_g = n_group, n = n_total;
    expected[COOPNET_BROKERAGE_COORDINATOR] = q * (n_g - 1) * (n_g - 2);
    variance[COOPNET_BROKERAGE_COORDINATOR] = expected[COOPNET_BROKERAGE_COORDINATOR] * (1 - q) +
                                              2 * (n_g - 1) * (n_g - 2) * (n_g - 3) * r;
    expected[COOPNET_BROKERAGE_ITINERANT] = q * others_pairs;
    variance[COOPNET_BROKERAGE_ITINERANT] =
        expected[COOPNET_BROKERAGE_ITINERANT] * (1 - q) + 2 * others_triples * r;
    double across = q * (n - n_g) * (n_g - 1);
    double across_variance =
        across * (1 - q) + 2 * ((n_g - 1) * choose2(n - n_g) + (n - n_g) * choose2(n_g - 1)) * r;
    expected[COOPNET_BROKERAGE_GATEKEEPER] = expected[COOPNET_BROKERAGE_REPRESENTATIVE] = across;
    variance[COOPNET_BROKERAGE_GATEKEEPER] = variance[COOPNET_BROKERAGE_REPRESENTATIVE] =
        across_variance;
    expected[COOPNET_BROKERAGE_LIAISON] = q * (others_sum * others_sum - others_squares);
    variance[COOPNET_BROKERAGE_LIAISON] =
        expected[COOPNET_BROKERAGE_LIAISON] * (1 - q) + 4 * liaison_extra * r;
    expected[COOPNET_BROKERAGE_TOTAL] = q * (n - 1) * (n - 2);
    variance[COOPNET_BROKERAGE_TOTAL] =
        expected[COOPNET_BROKERAGE_TOTAL] * (1 - q) + 2 * (n - 1) * (n - 2) * (n - 3) * r;
}

/* The role counts, over threads: each takes blocks of brokers' sources i in turn and counts the
 * two-paths i -> j -> k without an arc i -> k into its own table (per middle vertex j, n x roles),
 * and the tables are summed; counts are whole numbers, so the sums are the same in any order and
 * with any number of threads. For one i and j the role of k depends only on whether k is in j's
 * group, in i's, or in neither: the k are tallied three ways and the roles follow. */
#define ROLE_BLOCK 64

typedef struct role_job {
    const arcs_t *arcs;
    const int32_t *group;
    int32_t n;
    atomic_llong next_vertex;               /* the first vertex of the next block */
    int64_t *counts[COOPNET_I_MAX_THREADS]; /* per thread: n x COOPNET_BROKERAGE_ROLE_COUNT */
    atomic_int next_thread;
} role_job_t;

static void count_roles_from(const role_job_t *job, int32_t i, int32_t *marked_by, int64_t *counts)
{
    const int64_t *start = job->arcs->start;
    const int32_t *head = job->arcs->head, *group = job->group;
    int32_t stamp = i + 1;
    for (int64_t a = start[i]; a < start[i + 1]; a++)
        marked_by[head[a]] = stamp;
    marked_by[i] = stamp; /* k = i is no two-path either */
    int32_t group_i = group[i];
    for (int64_t a = start[i]; a < start[i + 1]; a++) {
        int32_t j = head[a], group_j = group[j];
        int64_t all = 0, in_group_j = 0, in_group_i = 0;
        for (int64_t b = start[j]; b < start[j + 1]; b++) {
            int32_t k = head[b];
            int64_t open = marked_by[k] != stamp;
            all += open;
            in_group_j += open & (group[k] == group_j);
            in_group_i += open & (group[k] == group_i);
        }
        int64_t *row = counts + (size_t)j * COOPNET_BROKERAGE_ROLE_COUNT;
        if (group_i == group_j) {
            row[COOPNET_BROKERAGE_COORDINATOR] += in_group_j;
            row[COOPNET_BROKERAGE_REPRESENTATIVE] += all - in_group_j;
        } else {
            row[COOPNET_BROKERAGE_GATEKEEPER] += in_group_j;
            row[COOPNET_BROKERAGE_ITINERANT] += in_group_i;
            row[COOPNET_BROKERAGE_LIAISON] += all - in_group_j - in_group_i;
        }
        row[COOPNET_BROKERAGE_TOTAL] += all;
    }
}

static void *count_role_blocks(void *data)
{
    role_job_t *job = data;
    int thread = atomic_fetch_add(&job->next_thread, 1);
    int32_t *marked_by = calloc((size_t)job->n + 1, sizeof *marked_by);
    int64_t *counts = calloc((size_t)job->n * COOPNET_BROKERAGE_ROLE_COUNT + 1, sizeof *counts);
    if (marked_by == NULL || counts == NULL) {
        free(marked_by);
        free(counts);
        return NULL; /* the other threads take the blocks */
    }
    job->counts[thread] = counts;
    for (;;) {
        int64_t first = atomic_fetch_add(&job->next_vertex, ROLE_BLOCK);
        if (first >= job->n)
            break;
        int64_t last = first + ROLE_BLOCK < job->n ? first + ROLE_BLOCK : job->n;
        for (int64_t i = first; i < last; i++)
            count_roles_from(job, (int32_t)i, marked_by, counts);
    }
    free(marked_by);
    return NULL;
}

static int count_roles(const arcs_t *arcs, const igraph_integer_t *group, igraph_integer_t n,
                       igraph_matrix_t *counts, coopnet_error_t *err)
{
    int status = COOPNET_OK;
    role_job_t job = {.arcs = arcs, .n = (int32_t)n};
    int32_t *group32 = coopnet_i_alloc_array((size_t)n + 1, sizeof *group32);
    if (group32 == NULL)
        return COOPNET_ERROR(err, COOPNET_ENOMEM, "out of memory counting brokerage roles");
    for (igraph_integer_t v = 0; v < n; v++)
        group32[v] = (int32_t)group[v];
    job.group = group32;
    atomic_init(&job.next_vertex, 0);
    atomic_init(&job.next_thread, 0);
    coopnet_i_threads_run(coopnet_i_thread_count(n / ROLE_BLOCK + 1, COOPNET_I_MAX_THREADS),
                          count_role_blocks, &job);
    /* a thread without workspace took no block; if none had one, blocks are left */
    if (atomic_load(&job.next_vertex) < n) {
        status = COOPNET_ERROR(err, COOPNET_ENOMEM, "out of memory counting brokerage roles");
        goto cleanup;
    }
    for (int t = 0; t < COOPNET_I_MAX_THREADS; t++) {
        if (job.counts[t] == NULL)
            continue;
        for (igraph_integer_t j = 0; j < n; j++)
            for (int role = 0; role < COOPNET_BROKERAGE_ROLE_COUNT; role++)
                MATRIX(*counts, j, role) +=
                    (double)job.counts[t][(size_t)j * COOPNET_BROKERAGE_ROLE_COUNT + role];
    }
cleanup:
    for (int t = 0; t < COOPNET_I_MAX_THREADS; t++)
        free(job.counts[t]);
    free(group32);
    return status;
}

int coopnet_brokerage_compute(const coopnet_graph_t *graph, const char *attribute,
                              coopnet_brokerage_t *brokerage, coopnet_error_t *err)
{
    int status = COOPNET_OK;
    arcs_t arcs = {0};
    double *moments = NULL; /* per group: expected values, then variances, of each role */
    igraph_integer_t n = igraph_vcount(&graph->graph);

    coopnet_library_init();
    memset(brokerage, 0, sizeof *brokerage);
    if ((status = coopnet_partition_init(&brokerage->partition, graph, attribute, err)) !=
        COOPNET_OK)
        goto cleanup;
    COOPNET_IGRAPH_CHECK(err, status,
                         igraph_matrix_init(&brokerage->counts, n, COOPNET_BROKERAGE_ROLE_COUNT),
                         "brokerage");
    COOPNET_IGRAPH_CHECK(err, status,
                         igraph_matrix_init(&brokerage->expected, n, COOPNET_BROKERAGE_ROLE_COUNT),
                         "brokerage");
    COOPNET_IGRAPH_CHECK(err, status,
                         igraph_matrix_init(&brokerage->z, n, COOPNET_BROKERAGE_ROLE_COUNT),
                         "brokerage");
    if ((status = build_arcs(graph, &arcs, err)) != COOPNET_OK)
        goto cleanup;
    const igraph_integer_t *group = VECTOR(brokerage->partition.group_of_vertex);
    if ((status = count_roles(&arcs, group, n, &brokerage->counts, err)) != COOPNET_OK)
        goto cleanup;

    brokerage->n_arcs = arcs.n_arcs;
    brokerage->density = n > 1 ? (double)brokerage->n_arcs / ((double)n * (double)(n - 1)) : 0;
    size_t n_groups = brokerage->partition.n_groups;
    moments = coopnet_i_alloc_array(2 * n_groups * COOPNET_BROKERAGE_ROLE_COUNT, sizeof *moments);
    if (moments == NULL) {
        status = COOPNET_ERROR(err, COOPNET_ENOMEM, "out of memory counting brokerage roles");
        goto cleanup;
    }
    for (size_t g = 0; g < n_groups; g++)
        role_moments(brokerage->density, (double)n,
                     (double)VECTOR(brokerage->partition.group_size)[g],
                     &brokerage->partition.group_size, (igraph_integer_t)g,
                     moments + 2 * g * COOPNET_BROKERAGE_ROLE_COUNT,
                     moments + (2 * g + 1) * COOPNET_BROKERAGE_ROLE_COUNT);
    for (igraph_integer_t v = 0; v < n; v++) {
        const double *expected = moments + 2 * (size_t)group[v] * COOPNET_BROKERAGE_ROLE_COUNT;
        const double *variance = expected + COOPNET_BROKERAGE_ROLE_COUNT;
        for (int role = 0; role < COOPNET_BROKERAGE_ROLE_COUNT; role++) {
            MATRIX(brokerage->expected, v, role) = expected[role];
            MATRIX(brokerage->z, v, role) =
                variance[role] > 0
                    ? (MATRIX(brokerage->counts, v, role) - expected[role]) / sqrt(variance[role])
                    : NAN;
        }
    }

cleanup:
    free(moments);
    arcs_free(&arcs);
    if (status != COOPNET_OK)
        coopnet_brokerage_destroy(brokerage);
    return status;
}
