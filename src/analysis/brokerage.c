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

/* Appends the arc u -> v. */
static igraph_error_t push_arc(igraph_vector_int_t *arcs, igraph_integer_t u, igraph_integer_t v)
{
    IGRAPH_CHECK(igraph_vector_int_push_back(arcs, u));
    return igraph_vector_int_push_back(arcs, v);
}

/* The directed version of the cooperation graph: two arcs per edge with shared events, plus the
 * kept ties (two arcs when undirected, one when directed), without multiple arcs. */
static int build_digraph(const coopnet_graph_t *graph, igraph_t *digraph, coopnet_error_t *err)
{
    const coopnet_bundle_t *bundle = graph->bundle;
    const coopnet_graph_options_t *options = &graph->options;
    int status = COOPNET_OK;
    igraph_vector_int_t arcs;
    bool have_arcs = false;
    const igraph_t *g = &graph->graph;
    COOPNET_IGRAPH_CHECK(err, status, igraph_vector_int_init(&arcs, 0), "directed graph");
    have_arcs = true;
    for (igraph_integer_t e = 0; e < igraph_ecount(g); e++) {
        if (VECTOR(graph->shared_events)[e] == 0)
            continue;
        igraph_integer_t u = IGRAPH_FROM(g, e), v = IGRAPH_TO(g, e);
        COOPNET_IGRAPH_CHECK(err, status, push_arc(&arcs, u, v), "directed graph");
        COOPNET_IGRAPH_CHECK(err, status, push_arc(&arcs, v, u), "directed graph");
    }
    for (size_t t = 0; t < bundle->n_ties; t++) {
        if (!coopnet_graph_keeps_tie(bundle, t, options))
            continue;
        const coopnet_tie_t *tie = &bundle->ties[t];
        igraph_integer_t u = VECTOR(graph->vertex_of_actor)[tie->from];
        igraph_integer_t v = VECTOR(graph->vertex_of_actor)[tie->to];
        if (u < 0 || v < 0 || u == v)
            continue;
        COOPNET_IGRAPH_CHECK(err, status, push_arc(&arcs, u, v), "directed graph");
        if (!tie->directed)
            COOPNET_IGRAPH_CHECK(err, status, push_arc(&arcs, v, u), "directed graph");
    }
    COOPNET_IGRAPH_CHECK(err, status, igraph_create(digraph, &arcs, igraph_vcount(g), true),
                         "directed graph");
    igraph_error_t simplified = igraph_simplify(digraph, true, true, NULL);
    if (simplified != IGRAPH_SUCCESS) {
        igraph_destroy(digraph);
        COOPNET_IGRAPH_CHECK(err, status, simplified, "directed graph");
    }
cleanup:
    if (have_arcs)
        igraph_vector_int_destroy(&arcs);
    return status;
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
 * two-paths i -> j -> k into its own table (per middle vertex j, n x roles), and the tables are
 * summed; counts are whole numbers, so the sums are the same in any order and with any number of
 * threads. */
#define ROLE_BLOCK 64
#define ROLE_MAX_THREADS 8

typedef struct role_counter {
    const igraph_adjlist_t *out;
    const igraph_integer_t *group;
    igraph_integer_t n;
    atomic_llong *next;          /* the next block's first vertex, shared */
    double *counts;              /* n x COOPNET_BROKERAGE_ROLE_COUNT, row-major, this thread's */
    igraph_integer_t *marked_by; /* marked_by[k] == i + 1: arc i -> k exists */
} role_counter_t;

static void *count_role_blocks(void *data)
{
    role_counter_t *counter = data;
    const igraph_integer_t *group = counter->group;
    for (;;) {
        igraph_integer_t first = (igraph_integer_t)atomic_fetch_add(counter->next, ROLE_BLOCK);
        if (first >= counter->n)
            return NULL;
        igraph_integer_t last = first + ROLE_BLOCK < counter->n ? first + ROLE_BLOCK : counter->n;
        for (igraph_integer_t i = first; i < last; i++) {
            igraph_vector_int_t *from_i = igraph_adjlist_get(counter->out, i);
            igraph_integer_t n_from_i = igraph_vector_int_size(from_i);
            for (igraph_integer_t a = 0; a < n_from_i; a++)
                counter->marked_by[VECTOR(*from_i)[a]] = i + 1;
            for (igraph_integer_t a = 0; a < n_from_i; a++) {
                igraph_integer_t j = VECTOR(*from_i)[a];
                igraph_vector_int_t *from_j = igraph_adjlist_get(counter->out, j);
                igraph_integer_t n_from_j = igraph_vector_int_size(from_j);
                double *row = counter->counts + (size_t)j * COOPNET_BROKERAGE_ROLE_COUNT;
                for (igraph_integer_t b = 0; b < n_from_j; b++) {
                    igraph_integer_t k = VECTOR(*from_j)[b];
                    if (k == i || k == j || counter->marked_by[k] == i + 1)
                        continue;
                    coopnet_brokerage_role_t role;
                    if (group[i] == group[j])
                        role = group[j] == group[k] ? COOPNET_BROKERAGE_COORDINATOR
                                                    : COOPNET_BROKERAGE_REPRESENTATIVE;
                    else if (group[j] == group[k])
                        role = COOPNET_BROKERAGE_GATEKEEPER;
                    else if (group[i] == group[k])
                        role = COOPNET_BROKERAGE_ITINERANT;
                    else
                        role = COOPNET_BROKERAGE_LIAISON;
                    row[role] += 1;
                    row[COOPNET_BROKERAGE_TOTAL] += 1;
                }
            }
        }
    }
}

static int count_roles(const igraph_adjlist_t *out, const igraph_integer_t *group,
                       igraph_integer_t n, igraph_matrix_t *counts, coopnet_error_t *err)
{
    int status = COOPNET_OK;
    role_counter_t counters[ROLE_MAX_THREADS];
    pthread_t ids[ROLE_MAX_THREADS];
    atomic_llong next = 0;
    int n_threads = coopnet_i_thread_count(n / ROLE_BLOCK + 1, ROLE_MAX_THREADS);
    int n_ready = 0;
    for (; n_ready < n_threads; n_ready++) {
        role_counter_t *counter = &counters[n_ready];
        counter->out = out;
        counter->group = group;
        counter->n = n;
        counter->next = &next;
        counter->counts = calloc((size_t)n * COOPNET_BROKERAGE_ROLE_COUNT + 1, sizeof(double));
        counter->marked_by = calloc((size_t)n + 1, sizeof *counter->marked_by);
        if (counter->counts == NULL || counter->marked_by == NULL) {
            free(counter->counts);
            free(counter->marked_by);
            break;
        }
    }
    if (n_ready == 0) {
        status = COOPNET_ERROR(err, COOPNET_ENOMEM, "out of memory counting brokerage roles");
        goto cleanup;
    }
    int n_started = 0; /* threads beyond the calling one; fewer when one cannot start */
    for (int t = 1; t < n_ready; t++) {
        if (pthread_create(&ids[t], NULL, count_role_blocks, &counters[t]) != 0)
            break;
        n_started = t;
    }
    count_role_blocks(&counters[0]);
    for (int t = 1; t <= n_started; t++)
        pthread_join(ids[t], NULL);
    for (int t = 0; t < n_ready; t++)
        for (igraph_integer_t j = 0; j < n; j++)
            for (int role = 0; role < COOPNET_BROKERAGE_ROLE_COUNT; role++)
                MATRIX(*counts, j, role) +=
                    counters[t].counts[(size_t)j * COOPNET_BROKERAGE_ROLE_COUNT + role];
cleanup:
    for (int t = 0; t < n_ready; t++) {
        free(counters[t].counts);
        free(counters[t].marked_by);
    }
    return status;
}

int coopnet_brokerage_compute(const coopnet_graph_t *graph, const char *attribute,
                              coopnet_brokerage_t *brokerage, coopnet_error_t *err)
{
    int status = COOPNET_OK;
    igraph_t digraph;
    bool have_digraph = false;
    igraph_adjlist_t out;
    bool have_out = false;
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
    if ((status = build_digraph(graph, &digraph, err)) != COOPNET_OK)
        goto cleanup;
    have_digraph = true;
    COOPNET_IGRAPH_CHECK(
        err, status,
        igraph_adjlist_init(&digraph, &out, IGRAPH_OUT, IGRAPH_NO_LOOPS, IGRAPH_NO_MULTIPLE),
        "brokerage");
    have_out = true;
    const igraph_integer_t *group = VECTOR(brokerage->partition.group_of_vertex);
    if ((status = count_roles(&out, group, n, &brokerage->counts, err)) != COOPNET_OK)
        goto cleanup;

    brokerage->n_arcs = igraph_ecount(&digraph);
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
    if (have_out)
        igraph_adjlist_destroy(&out);
    if (have_digraph)
        igraph_destroy(&digraph);
    if (status != COOPNET_OK)
        coopnet_brokerage_destroy(brokerage);
    return status;
}
