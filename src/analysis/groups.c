/* SPDX-License-Identifier: GPL-3.0-or-later */
/* groups.c - partitions by attribute, E-I index, mixing, permutation test (see
 * coopnet/groups.h). */
#include "coopnet/groups.h"
#include "coopnet/library.h"
#include "core/internal.h"

#include <gsl/gsl_randist.h>
#include <gsl/gsl_rng.h>
#include <limits.h>
#include <math.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>

static const char no_value_label[] = "(none)";

static const char *const builtin_attributes[] = {"id",      "name",    "level",   "type",
                                                 "country", "name_ar", "name_fr", "source"};

static bool attribute_exists(const coopnet_bundle_t *bundle, const char *attribute)
{
    for (size_t i = 0; i < sizeof builtin_attributes / sizeof *builtin_attributes; i++)
        if (strcmp(builtin_attributes[i], attribute) == 0)
            return true;
    for (size_t c = 0; c < bundle->actor_extra.n_columns; c++)
        if (strcmp(bundle->actor_extra.names[c], attribute) == 0)
            return true;
    return false;
}

typedef struct keyed_vertex {
    const char *value;
    int order; /* sorts before value: level order, empty values last */
    igraph_integer_t vertex;
} keyed_vertex_t;

static int compare_keyed_vertices(const void *a, const void *b)
{
    const keyed_vertex_t *x = a, *y = b;
    if (x->order != y->order)
        return x->order < y->order ? -1 : 1;
    int by_value = strcmp(x->value, y->value);
    if (by_value != 0)
        return by_value;
    return (x->vertex > y->vertex) - (x->vertex < y->vertex);
}

void coopnet_partition_destroy(coopnet_partition_t *partition)
{
    if (partition == NULL)
        return;
    free(partition->labels);
    if (partition->group_of_vertex.stor_begin)
        igraph_vector_int_destroy(&partition->group_of_vertex);
    if (partition->group_size.stor_begin)
        igraph_vector_int_destroy(&partition->group_size);
    memset(partition, 0, sizeof *partition);
}

int coopnet_partition_init(coopnet_partition_t *partition, const coopnet_graph_t *graph,
                           const char *attribute, coopnet_error_t *err)
{
    const coopnet_bundle_t *bundle = graph->bundle;
    int status = COOPNET_OK;
    keyed_vertex_t *keys = NULL;
    memset(partition, 0, sizeof *partition);
    igraph_integer_t n = igraph_vcount(&graph->graph);
    bool by_level = strcmp(attribute, "level") == 0;

    if (!attribute_exists(bundle, attribute))
        return COOPNET_ERROR(err, COOPNET_EINVAL, "unknown actor attribute '%s'", attribute);
    COOPNET_IGRAPH_CHECK(err, status, igraph_vector_int_init(&partition->group_of_vertex, n),
                         "grouping actors");
    COOPNET_IGRAPH_CHECK(err, status, igraph_vector_int_init(&partition->group_size, 0),
                         "grouping actors");
    keys = coopnet_i_alloc_array((size_t)n, sizeof *keys);
    partition->labels = coopnet_i_alloc_array((size_t)n, sizeof *partition->labels);
    if (keys == NULL || partition->labels == NULL) {
        status = COOPNET_ERROR(err, COOPNET_ENOMEM, "out of memory grouping actors");
        goto cleanup;
    }
    for (igraph_integer_t v = 0; v < n; v++) {
        size_t actor = (size_t)VECTOR(graph->actor_of_vertex)[v];
        const char *value = coopnet_bundle_actor_attribute(bundle, actor, attribute);
        keys[v].vertex = v;
        keys[v].value = value && value[0] ? value : no_value_label;
        keys[v].order = value && value[0] ? 0 : INT_MAX;
        if (by_level && value && value[0])
            keys[v].order = coopnet_level_parse(value);
    }
    qsort(keys, (size_t)n, sizeof *keys, compare_keyed_vertices);
    for (igraph_integer_t i = 0; i < n; i++) {
        if (i == 0 || compare_keyed_vertices(
                          &(keyed_vertex_t){keys[i].value, keys[i].order, 0},
                          &(keyed_vertex_t){keys[i - 1].value, keys[i - 1].order, 0}) != 0) {
            partition->labels[partition->n_groups++] = keys[i].value;
            COOPNET_IGRAPH_CHECK(err, status,
                                 igraph_vector_int_push_back(&partition->group_size, 0),
                                 "grouping actors");
        }
        igraph_integer_t group = (igraph_integer_t)partition->n_groups - 1;
        VECTOR(partition->group_of_vertex)[keys[i].vertex] = group;
        VECTOR(partition->group_size)[group]++;
    }
cleanup:
    free(keys);
    if (status != COOPNET_OK)
        coopnet_partition_destroy(partition);
    return status;
}

void coopnet_groups_destroy(coopnet_groups_t *groups)
{
    if (groups == NULL)
        return;
    coopnet_partition_destroy(&groups->partition);
    free(groups->groups);
    if (groups->actor_internal.stor_begin)
        igraph_vector_int_destroy(&groups->actor_internal);
    if (groups->actor_external.stor_begin)
        igraph_vector_int_destroy(&groups->actor_external);
    if (groups->actor_ei.stor_begin)
        igraph_vector_destroy(&groups->actor_ei);
    if (groups->mixing.data.stor_begin)
        igraph_matrix_int_destroy(&groups->mixing);
    memset(groups, 0, sizeof *groups);
}

static double ei_index(igraph_integer_t internal, igraph_integer_t external)
{
    if (internal + external == 0)
        return NAN;
    return (double)(external - internal) / (double)(external + internal);
}

/* The edges by one of their ends, as 32-bit vertex ids: the permutation test reads them once
 * per permutation. Each edge once, under its igraph "from" end: the other ends of vertex u's
 * edges are other[start[u] .. start[u + 1]), so a permutation reads one id per edge (a quarter of
 * the bytes of igraph's edge list) and compares it with u's group, read once per vertex. */
typedef struct edge_ends {
    int32_t *other;  /* per edge, grouped by the end it is stored under */
    size_t *start;   /* n_vertices + 1 */
    size_t n;        /* edges */
    int32_t *degree; /* per vertex: its edges among these */
    size_t n_vertices;
} edge_ends_t;

/* Counts internal and external edges per group and for the network under group_of;
 * the E-I of each group goes to ei[group] and the network's to ei[n_groups]. O(V + E +
 * groups). */
static void count_ei(const edge_ends_t *edges, const int32_t *group_of, size_t n_groups,
                     igraph_integer_t *internal, igraph_integer_t *external, double *ei)
{
    /* only the internal edges are counted edge by edge: a group's external edges are its
     * members' edge ends less twice its internal edges, summed per vertex (V, not E) */
    memset(internal, 0, (n_groups + 1) * sizeof *internal);
    memset(external, 0, (n_groups + 1) * sizeof *external);
    /* branch-free (a random group per link makes a branch a coin toss): a vertex's edges
     * whose other end shares its group are summed in two independent counts, then added to
     * the group's once per vertex */
    for (size_t u = 0; u < edges->n_vertices; u++) {
        int32_t a = group_of[u];
        const int32_t *other = edges->other + edges->start[u];
        size_t count = edges->start[u + 1] - edges->start[u], k = 0;
        uint32_t even = 0, odd = 0;
        for (; k + 2 <= count; k += 2) {
            even += group_of[other[k]] == a;
            odd += group_of[other[k + 1]] == a;
        }
        if (k < count)
            even += group_of[other[k]] == a;
        internal[a] += (igraph_integer_t)even + odd;
    }
    for (size_t v = 0; v < edges->n_vertices; v++)
        external[group_of[v]] += edges->degree[v]; /* edge ends, for now */
    for (size_t g = 0; g < n_groups; g++) {
        external[g] -= 2 * internal[g];
        internal[n_groups] += internal[g];
        external[n_groups] += external[g];
    }
    external[n_groups] /= 2; /* each external edge was counted at both of its groups */
    for (size_t g = 0; g <= n_groups; g++)
        ei[g] = ei_index(internal[g], external[g]);
}

/* Permuted E-I values kept for the one-pass test: 8 M doubles, 64 MB at most. */
#define PERMUTED_KEPT_MAX (8u << 20)

/* The permutation test in batches: one generator shuffles PERMUTATION_BATCH assignments in order
 * (so the permutations, and every number, are those of a single sequential run whatever the
 * number of threads); the threads then count the E-I of the batch's assignments, O(links) each,
 * which is where the time goes; the values are used in permutation order. Below
 * PARALLEL_MIN_LINKS links one thread does it all (starting threads would cost more). */
#define PERMUTATION_BATCH 64
#define PERMUTATION_MAX_THREADS 8
#define PARALLEL_MIN_LINKS 20000

typedef struct permutation_batch {
    const edge_ends_t *edges;
    size_t n_groups, n;
    const int32_t *assignments; /* count x n: each permutation's group per vertex */
    double *values;             /* count x (n_groups + 1): their E-I values */
    int count;
    atomic_int next;
    coopnet_i_ticker_t *ticker;
} permutation_batch_t;

typedef struct permutation_counter {
    permutation_batch_t *batch;
    igraph_integer_t *internal, *external; /* n_groups + 1 each */
} permutation_counter_t;

static void *count_batch(void *data)
{
    permutation_counter_t *counter = data;
    permutation_batch_t *batch = counter->batch;
    for (;;) {
        int i = atomic_fetch_add(&batch->next, 1);
        if (i >= batch->count)
            return NULL;
        count_ei(batch->edges, batch->assignments + (size_t)i * batch->n, batch->n_groups,
                 counter->internal, counter->external,
                 batch->values + (size_t)i * (batch->n_groups + 1));
        coopnet_i_ticker_add(batch->ticker, 1);
    }
}

/* Counts the batch over n_counters threads, the calling one included (fewer when a thread
 * cannot start: the others do its share). */
static void count_batch_in_threads(permutation_batch_t *batch, permutation_counter_t *counters,
                                   int n_counters)
{
    pthread_t ids[PERMUTATION_MAX_THREADS];
    int n_started = 0;
    atomic_store(&batch->next, 0);
    for (int t = 1; t < n_counters; t++) {
        if (pthread_create(&ids[t], NULL, count_batch, &counters[t]) != 0)
            break;
        n_started = t;
    }
    count_batch(&counters[0]);
    for (int t = 1; t <= n_started; t++)
        pthread_join(ids[t], NULL);
}

/* Adds one permutation's E-I values (ei[k], k <= n_groups; NaN skipped) to their sums. */
static void add_to_mean(const double *ei, size_t n_groups, double *sum, igraph_integer_t *defined)
{
    for (size_t k = 0; k <= n_groups; k++) {
        if (isnan(ei[k]))
            continue;
        sum[k] += ei[k];
        defined[k]++;
    }
}

/* Counts, per group and for the network, whether one permutation's E-I is at least as far from
 * the expected E-I as the observed one. */
static void count_extreme(const coopnet_groups_t *groups, const double *ei, size_t n_groups,
                          igraph_integer_t *extreme)
{
    for (size_t k = 0; k <= n_groups; k++) {
        if (isnan(ei[k]))
            continue;
        const coopnet_ei_t *row = k < n_groups ? &groups->groups[k] : &groups->network;
        if (fabs(ei[k] - row->expected_ei) >= fabs(row->ei - row->expected_ei) - 1e-12)
            extreme[k]++;
    }
}

int coopnet_groups_compute(const coopnet_graph_t *graph, const char *attribute,
                           igraph_integer_t permutations, unsigned long seed,
                           const coopnet_progress_t *progress, coopnet_groups_t *groups,
                           coopnet_error_t *err)
{
    int status = COOPNET_OK;
    const igraph_t *g = &graph->graph;
    igraph_integer_t n = igraph_vcount(g), n_edges = igraph_ecount(g);
    igraph_integer_t *internal = NULL, *external = NULL;
    int32_t *shuffled = NULL, *group_of32 = NULL; /* a group per vertex */
    edge_ends_t edges = {0};
    double *observed = NULL, *sum = NULL;
    igraph_integer_t *defined = NULL, *extreme = NULL;
    double *kept = NULL; /* permutations x (groups + 1) permuted E-I values, when they fit */
    gsl_rng *rng = NULL;
    int32_t *batch_assignments = NULL;
    double *batch_values = NULL;
    igraph_integer_t *counter_counts = NULL;
    coopnet_i_ticker_t ticker;
    bool ticker_started = false;

    coopnet_library_init();
    memset(groups, 0, sizeof *groups);
    if (permutations < 0)
        return COOPNET_ERROR(err, COOPNET_EINVAL, "negative number of permutations");
    if ((status = coopnet_partition_init(&groups->partition, graph, attribute, err)) != COOPNET_OK)
        goto cleanup;
    size_t n_groups = groups->partition.n_groups;
    const igraph_integer_t *group_of = VECTOR(groups->partition.group_of_vertex);
    groups->permutations = permutations;
    groups->seed = seed;

    COOPNET_IGRAPH_CHECK(err, status, igraph_vector_int_init(&groups->actor_internal, n),
                         "e-i index");
    COOPNET_IGRAPH_CHECK(err, status, igraph_vector_int_init(&groups->actor_external, n),
                         "e-i index");
    COOPNET_IGRAPH_CHECK(err, status, igraph_vector_init(&groups->actor_ei, n), "e-i index");
    COOPNET_IGRAPH_CHECK(err, status,
                         igraph_matrix_int_init(&groups->mixing, (igraph_integer_t)n_groups,
                                                (igraph_integer_t)n_groups),
                         "mixing matrix");
    groups->groups = calloc(n_groups + 1, sizeof *groups->groups);
    internal = coopnet_i_alloc_array(n_groups + 1, sizeof *internal);
    external = coopnet_i_alloc_array(n_groups + 1, sizeof *external);
    observed = coopnet_i_alloc_array(n_groups + 1, sizeof *observed);
    sum = calloc(n_groups + 1, sizeof *sum);
    defined = calloc(n_groups + 1, sizeof *defined);
    extreme = calloc(n_groups + 1, sizeof *extreme);
    shuffled = coopnet_i_alloc_array((size_t)n, sizeof *shuffled);
    group_of32 = coopnet_i_alloc_array((size_t)n, sizeof *group_of32);
    edges.other = coopnet_i_alloc_array((size_t)n_edges, sizeof *edges.other);
    edges.start = calloc((size_t)n + 2, sizeof *edges.start);
    edges.degree = calloc((size_t)n + 1, sizeof *edges.degree);
    if (!groups->groups || !internal || !external || !observed || !sum || !defined || !extreme ||
        !shuffled || !group_of32 || !edges.other || !edges.start || !edges.degree) {
        status = COOPNET_ERROR(err, COOPNET_ENOMEM, "out of memory computing the e-i index");
        goto cleanup;
    }

    for (igraph_integer_t e = 0; e < n_edges; e++) {
        igraph_integer_t u = IGRAPH_FROM(g, e), v = IGRAPH_TO(g, e);
        igraph_integer_t a = group_of[u], b = group_of[v];
        if (a == b) {
            VECTOR(groups->actor_internal)[u]++;
            VECTOR(groups->actor_internal)[v]++;
            MATRIX(groups->mixing, a, a)++;
        } else {
            VECTOR(groups->actor_external)[u]++;
            VECTOR(groups->actor_external)[v]++;
            MATRIX(groups->mixing, a, b)++;
            MATRIX(groups->mixing, b, a)++;
        }
    }
    for (igraph_integer_t v = 0; v < n; v++)
        VECTOR(groups->actor_ei)
    [v] = ei_index(VECTOR(groups->actor_internal)[v], VECTOR(groups->actor_external)[v]);

    if (n > INT32_MAX || n_groups > INT32_MAX) {
        status =
            COOPNET_ERROR(err, COOPNET_EINVAL, "more than %ld actors or groups", (long)INT32_MAX);
        goto cleanup;
    }
    edges.n = (size_t)n_edges;
    /* counting sort by the "from" end (igraph's edges of a built graph mostly come in that
     * order already) */
    for (igraph_integer_t e = 0; e < n_edges; e++) {
        edges.start[IGRAPH_FROM(g, e) + 2]++;
        edges.degree[IGRAPH_FROM(g, e)]++;
        edges.degree[IGRAPH_TO(g, e)]++;
    }
    for (igraph_integer_t v = 0; v < n; v++)
        edges.start[v + 2] += edges.start[v + 1];
    for (igraph_integer_t e = 0; e < n_edges; e++)
        edges.other[edges.start[IGRAPH_FROM(g, e) + 1]++] = (int32_t)IGRAPH_TO(g, e);
    edges.n_vertices = (size_t)n;
    for (igraph_integer_t v = 0; v < n; v++)
        group_of32[v] = (int32_t)group_of[v];
    count_ei(&edges, group_of32, n_groups, internal, external, observed);
    for (size_t k = 0; k <= n_groups; k++) {
        coopnet_ei_t *row = k < n_groups ? &groups->groups[k] : &groups->network;
        row->actors = k < n_groups ? VECTOR(groups->partition.group_size)[k] : n;
        row->internal = internal[k];
        row->external = external[k];
        row->ei = observed[k];
        row->expected_ei = NAN;
        row->p_value = NAN;
    }
    /* The network row was written through groups->network; keep groups->groups[n_groups] unused
     * (allocated so that one loop serves both). */

    COOPNET_IGRAPH_CHECK(err, status,
                         igraph_assortativity_nominal(g, &groups->partition.group_of_vertex,
                                                      &groups->assortativity, IGRAPH_UNDIRECTED,
                                                      true),
                         "nominal assortativity");

    /* without actors there is nothing to shuffle (GSL's shuffle of 0 elements crashes): the
     * expected values and p-values stay NaN, as for permutations == 0 */
    if (permutations > 0 && n > 0) {
        rng = gsl_rng_alloc(gsl_rng_mt19937);
        if (rng == NULL) {
            status = COOPNET_ERROR(err, COOPNET_ENOMEM, "out of memory for the random generator");
            goto cleanup;
        }
        /* The permuted E-I values are kept when they fit in PERMUTED_KEPT_MAX doubles (the
         * report's 999 permutations of a few dozen groups: under a megabyte), so the
         * permutations run once: the mean first, then the count of values at least as far from
         * it as the observed one. Otherwise two passes over the same seeded sequence, at
         * O(groups) memory however many permutations are asked. Both give the same numbers. */
        size_t row_size = n_groups + 1;
        if ((uint64_t)permutations * row_size <= PERMUTED_KEPT_MAX)
            kept = coopnet_i_alloc_array((size_t)permutations * row_size, sizeof *kept);
        int passes = kept != NULL ? 1 : 2;
        uint64_t total = (uint64_t)passes * (uint64_t)permutations;
        int n_counters = n_edges >= PARALLEL_MIN_LINKS
                             ? coopnet_i_thread_count(PERMUTATION_BATCH, PERMUTATION_MAX_THREADS)
                             : 1;
        batch_assignments =
            coopnet_i_alloc_array((size_t)PERMUTATION_BATCH * (size_t)n, sizeof *batch_assignments);
        batch_values =
            coopnet_i_alloc_array((size_t)PERMUTATION_BATCH * row_size, sizeof *batch_values);
        counter_counts =
            coopnet_i_alloc_array((size_t)n_counters * 2 * row_size, sizeof *counter_counts);
        if (!batch_assignments || !batch_values || !counter_counts) {
            status = COOPNET_ERROR(err, COOPNET_ENOMEM, "out of memory for the permutations");
            goto cleanup;
        }
        permutation_counter_t counters[PERMUTATION_MAX_THREADS];
        permutation_batch_t batch = {.edges = &edges,
                                     .n_groups = n_groups,
                                     .n = (size_t)n,
                                     .assignments = batch_assignments,
                                     .values = batch_values,
                                     .ticker = &ticker};
        for (int t = 0; t < n_counters; t++) {
            counters[t].batch = &batch;
            counters[t].internal = counter_counts + (size_t)t * 2 * row_size;
            counters[t].external = counters[t].internal + row_size;
        }
        coopnet_i_ticker_init(&ticker, progress, "permutations", total);
        ticker_started = true;
        for (int pass = 0; pass < passes; pass++) {
            gsl_rng_set(rng, seed);
            /* the shuffle's swaps depend on n and the generator only, not on the element size:
             * the same permutations as of igraph_integer_t groups */
            memcpy(shuffled, group_of32, (size_t)n * sizeof *shuffled);
            for (igraph_integer_t first = 0; first < permutations; first += PERMUTATION_BATCH) {
                igraph_integer_t left = permutations - first;
                batch.count = left < PERMUTATION_BATCH ? (int)left : PERMUTATION_BATCH;
                for (int i = 0; i < batch.count; i++) {
                    gsl_ran_shuffle(rng, shuffled, (size_t)n, sizeof *shuffled);
                    memcpy(batch_assignments + (size_t)i * (size_t)n, shuffled,
                           (size_t)n * sizeof *shuffled);
                }
                count_batch_in_threads(&batch, counters, n_counters);
                for (int i = 0; i < batch.count; i++) {
                    const double *values = batch_values + (size_t)i * row_size;
                    if (kept != NULL)
                        memcpy(kept + (size_t)(first + i) * row_size, values,
                               row_size * sizeof *kept);
                    if (pass == 0)
                        add_to_mean(values, n_groups, sum, defined);
                    else
                        count_extreme(groups, values, n_groups, extreme);
                }
            }
            if (pass == 0)
                for (size_t k = 0; k <= n_groups; k++) {
                    coopnet_ei_t *row = k < n_groups ? &groups->groups[k] : &groups->network;
                    row->expected_ei = defined[k] ? sum[k] / (double)defined[k] : NAN;
                }
        }
        for (igraph_integer_t p = 0; kept != NULL && p < permutations; p++)
            count_extreme(groups, kept + (size_t)p * row_size, n_groups, extreme);
        for (size_t k = 0; k <= n_groups; k++) {
            coopnet_ei_t *row = k < n_groups ? &groups->groups[k] : &groups->network;
            if (!isnan(row->ei) && defined[k] > 0)
                row->p_value = (1.0 + (double)extreme[k]) / (1.0 + (double)defined[k]);
        }
        coopnet_i_ticker_finish(&ticker);
    }

cleanup:
    if (ticker_started)
        coopnet_i_ticker_destroy(&ticker);
    free(batch_assignments);
    free(batch_values);
    free(counter_counts);
    gsl_rng_free(rng);
    free(internal);
    free(external);
    free(observed);
    free(sum);
    free(defined);
    free(extreme);
    free(shuffled);
    free(kept);
    free(group_of32);
    free(edges.other);
    free(edges.start);
    free(edges.degree);
    if (status != COOPNET_OK)
        coopnet_groups_destroy(groups);
    return status;
}
