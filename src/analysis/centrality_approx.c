/* SPDX-License-Identifier: GPL-3.0-or-later */
/* centrality_approx.c - betweenness by sampled shortest paths (Riondato & Kornaropoulos 2016),
 * closeness and harmonic centrality by sampled sources (Eppstein & Wang 2004), each with its
 * error bound, over the cores (see coopnet/centrality.h for the bounds). */
#include "analysis/centrality_approx.h"
#include "analysis/centrality_paths.h"
#include "coopnet/centrality.h"
#include "coopnet/library.h"
#include "core/internal.h"
#include "core/random.h"

#include <math.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

/* Sources of closeness and harmonic are cut into this many contiguous blocks, each with its own
 * sums, added in block order: the result does not depend on the number of threads. */
#define SOURCE_BLOCKS 16
/* Pairs are handed out to the threads this many at a time. */
#define PAIR_CHUNK 64
/* The stream of the source sample of component c is item SOURCE_STREAM + c (pairs use 0..r-1). */
#define SOURCE_STREAM (UINT64_C(1) << 62)

/* ---- the components and their bounds ---------------------------------------------------- */

int coopnet_i_centrality_components(const coopnet_i_adjacency_t *graph,
                                    coopnet_i_components_t *components, coopnet_error_t *err)
{
    int32_t n = graph->n;
    memset(components, 0, sizeof *components);
    components->of_vertex = malloc(((size_t)n + 1) * sizeof *components->of_vertex);
    components->hub_distance = malloc(((size_t)n + 1) * sizeof *components->hub_distance);
    components->member = malloc(((size_t)n + 1) * sizeof *components->member);
    components->first = malloc(((size_t)n + 2) * sizeof *components->first);
    components->hub_eccentricity = malloc(((size_t)n + 1) * sizeof *components->hub_eccentricity);
    if (!components->of_vertex || !components->hub_distance || !components->member ||
        !components->first || !components->hub_eccentricity) {
        coopnet_i_centrality_components_free(components);
        return COOPNET_ERROR(err, COOPNET_ENOMEM, "out of memory for the components");
    }
    int32_t *of_vertex = components->of_vertex, *member = components->member;
    int32_t *distance = components->hub_distance;
    for (int32_t v = 0; v < n; v++)
        of_vertex[v] = -1;
    int32_t filled = 0, count = 0;
    for (int32_t root = 0; root < n; root++) {
        if (of_vertex[root] >= 0)
            continue;
        /* the component: a search from root, its members stored contiguously in member[] */
        int32_t begin = filled, hub = root;
        member[filled++] = root;
        of_vertex[root] = count;
        for (int32_t head = begin; head < filled; head++) {
            int32_t v = member[head];
            if (graph->start[v + 1] - graph->start[v] > graph->start[hub + 1] - graph->start[hub])
                hub = v;
            for (int64_t k = graph->start[v]; k < graph->start[v + 1]; k++) {
                int32_t w = graph->neighbour[k];
                if (of_vertex[w] < 0) {
                    of_vertex[w] = count;
                    member[filled++] = w;
                }
            }
        }
        /* distances from its highest-degree vertex: bounds on every member's eccentricity */
        for (int32_t i = begin; i < filled; i++)
            distance[member[i]] = -1;
        int32_t *queue = graph->queue, head = 0, tail = 1, eccentricity = 0;
        queue[0] = hub;
        distance[hub] = 0;
        while (head < tail) {
            int32_t v = queue[head++];
            eccentricity = distance[v];
            for (int64_t k = graph->start[v]; k < graph->start[v + 1]; k++) {
                int32_t w = graph->neighbour[k];
                if (distance[w] < 0) {
                    distance[w] = distance[v] + 1;
                    queue[tail++] = w;
                }
            }
        }
        components->first[count] = begin;
        components->hub_eccentricity[count] = eccentricity;
        int32_t size = filled - begin;
        int32_t diameter_bound = 2 * eccentricity < size - 1 ? 2 * eccentricity : size - 1;
        if (diameter_bound + 1 > components->vertex_diameter)
            components->vertex_diameter = diameter_bound + 1;
        count++;
    }
    components->first[count] = filled;
    components->count = count;
    return COOPNET_OK;
}

void coopnet_i_centrality_components_free(coopnet_i_components_t *components)
{
    free(components->of_vertex);
    free(components->hub_distance);
    free(components->member);
    free(components->first);
    free(components->hub_eccentricity);
    memset(components, 0, sizeof *components);
}

int64_t coopnet_i_centrality_pair_samples(int64_t n, int64_t vertex_diameter,
                                          const coopnet_centrality_approx_t *approx)
{
    if (n < 3 || vertex_diameter < 3)
        return 0; /* no shortest path has an inside: every betweenness is 0 */
    double epsilon = approx->epsilon * (double)(n - 2) / (double)n;
    double delta = 1.0 - approx->confidence;
    double r = 0.5 / (epsilon * epsilon) *
               (floor(log2((double)(vertex_diameter - 2))) + 1.0 + log(1.0 / delta));
    return (int64_t)ceil(r);
}

int64_t coopnet_i_centrality_source_samples(int64_t n, const coopnet_centrality_approx_t *approx)
{
    if (n < 2)
        return 0;
    double delta = 1.0 - approx->confidence;
    double k = log(2.0 * (double)n / delta) / (2.0 * approx->epsilon * approx->epsilon);
    return (int64_t)ceil(k) + 1; /* + 1: an actor drawn as a source does not count for itself */
}

/* ---- the work shared by the threads ------------------------------------------------------ */

typedef struct approx_job {
    const coopnet_i_adjacency_t *graph;
    const coopnet_i_components_t *components;
    uint64_t seed;
    /* betweenness */
    int64_t n_pairs;
    atomic_llong next_pair;
    /* closeness and harmonic */
    const int32_t *source;
    int64_t n_sources;
    int32_t n_blocks;
    double *block_distance, *block_inverse; /* n_blocks x n */
    atomic_int next_block;
    const coopnet_progress_t *progress; /* borrowed */
    coopnet_i_ticker_t ticker;          /* the running stage, counted from every thread */
} approx_job_t;

typedef struct approx_thread {
    approx_job_t *job;
    int32_t *distance, *order; /* the searches from a source, and from u of a pair */
    double *paths;
    int32_t *distance_v, *order_v; /* from v of a pair (bidirectional search) */
    double *paths_v;
    int32_t *meeting; /* the vertices where the two searches of a pair meet */
    double *count; /* betweenness: paths through each vertex, whole numbers (exact in any order) */
} approx_thread_t;

static void thread_free(approx_thread_t *thread)
{
    free(thread->distance);
    free(thread->order);
    free(thread->paths);
    free(thread->distance_v);
    free(thread->order_v);
    free(thread->paths_v);
    free(thread->meeting);
    free(thread->count);
}

static int thread_alloc(approx_thread_t *thread, int32_t n, bool pairs)
{
    size_t size = (size_t)n + 1;
    thread->distance = malloc(size * sizeof *thread->distance);
    thread->order = malloc(size * sizeof *thread->order);
    thread->paths = malloc(size * sizeof *thread->paths);
    if (!thread->distance || !thread->order || !thread->paths)
        return -1;
    if (pairs) {
        thread->distance_v = malloc(size * sizeof *thread->distance_v);
        thread->order_v = malloc(size * sizeof *thread->order_v);
        thread->paths_v = malloc(size * sizeof *thread->paths_v);
        thread->meeting = malloc(size * sizeof *thread->meeting);
        thread->count = calloc(size, sizeof *thread->count);
        if (!thread->distance_v || !thread->order_v || !thread->paths_v || !thread->meeting ||
            !thread->count)
            return -1;
        for (int32_t v = 0; v < n; v++)
            thread->distance_v[v] = -1;
    }
    for (int32_t v = 0; v < n; v++)
        thread->distance[v] = -1;
    return 0;
}

/* One side of the bidirectional search of a pair: its distances, path counts and the vertices it
 * reached in order (order[0 .. reached)), of which order[level_start ..] are the frontier. */
typedef struct search_side {
    int32_t *distance, *order;
    double *paths;
    int32_t reached, level_start;
} search_side_t;

static void side_start(search_side_t *side, int32_t root)
{
    side->order[0] = root;
    side->distance[root] = 0;
    side->paths[root] = 1;
    side->reached = 1;
    side->level_start = 0;
}

/* The work of expanding the frontier: the sum of its degrees. */
static int64_t frontier_cost(const search_side_t *side, const int64_t *start)
{
    int64_t cost = 0;
    for (int32_t i = side->level_start; i < side->reached; i++)
        cost += start[side->order[i] + 1] - start[side->order[i]];
    return cost;
}

/* Expands side's frontier by one level. The vertices it discovers that the other side has
 * reached go to meeting[]; returns their count. */
static int32_t side_expand(search_side_t *side, const search_side_t *other, const int64_t *start,
                           const int32_t *neighbour, int32_t *meeting)
{
    int32_t n_meeting = 0, level_end = side->reached;
    for (int32_t i = side->level_start; i < level_end; i++) {
        int32_t x = side->order[i];
        int32_t next = side->distance[x] + 1;
        for (int64_t k = start[x]; k < start[x + 1]; k++) {
            int32_t w = neighbour[k];
            if (side->distance[w] < 0) {
                side->distance[w] = next;
                side->paths[w] = 0;
                side->order[side->reached++] = w;
                if (other->distance[w] >= 0)
                    meeting[n_meeting++] = w;
            }
            if (side->distance[w] == next)
                side->paths[w] += side->paths[x];
        }
    }
    side->level_start = level_end;
    return n_meeting;
}

/* Walks from w back to the root of side, one shortest path drawn uniformly (each step to a
 * predecessor p of x with probability paths[p] / paths[x]), counting every vertex on the way but
 * the root; w itself is not counted. */
static void walk_to_root(const search_side_t *side, const int64_t *start, const int32_t *neighbour,
                         int32_t w, coopnet_i_random_t *random, double *count)
{
    while (side->distance[w] > 1) {
        double pick = coopnet_i_random_uniform(random) * side->paths[w];
        int32_t previous = side->distance[w] - 1, chosen = -1;
        for (int64_t k = start[w]; k < start[w + 1]; k++) {
            int32_t p = neighbour[k];
            if (side->distance[p] != previous)
                continue;
            chosen = p; /* the last predecessor when rounding leaves pick >= the total */
            if (pick < side->paths[p])
                break;
            pick -= side->paths[p];
        }
        count[chosen] += 1;
        w = chosen;
    }
}

/* One sampled pair (u, v) and one of its shortest paths drawn uniformly, each vertex inside it
 * counted once. A balanced bidirectional breadth-first search (the side with the cheaper
 * frontier grows by a level) stops at the first level where the two meet: the meeting vertices
 * m are then all at distance L from u and d - L from v, every shortest path crosses exactly one,
 * through m by paths_u[m] paths_v[m] of them; m is drawn with that weight, then the two halves
 * walking back to u and to v: each path has probability 1 / (number of shortest paths). */
static void sample_pair(approx_thread_t *thread, int64_t index)
{
    const approx_job_t *job = thread->job;
    const int64_t *start = job->graph->start;
    const int32_t *neighbour = job->graph->neighbour;
    coopnet_i_random_t random;
    coopnet_i_random_seed_item(&random, job->seed, (uint64_t)index);
    int32_t n = job->graph->n;
    int32_t u = (int32_t)coopnet_i_random_below(&random, (uint64_t)n);
    int32_t v = (int32_t)coopnet_i_random_below(&random, (uint64_t)n - 1);
    if (v >= u)
        v++;
    if (job->components->of_vertex[u] != job->components->of_vertex[v])
        return;

    search_side_t from_u = {thread->distance, thread->order, thread->paths, 0, 0};
    search_side_t from_v = {thread->distance_v, thread->order_v, thread->paths_v, 0, 0};
    side_start(&from_u, u);
    side_start(&from_v, v);
    int32_t n_meeting = 0;
    while (n_meeting == 0) {
        /* both frontiers are non-empty: u and v are in one component and have not met */
        bool grow_u = frontier_cost(&from_u, start) <= frontier_cost(&from_v, start);
        search_side_t *grown = grow_u ? &from_u : &from_v;
        if (grown->level_start == grown->reached)
            break; /* cannot happen within a component; never loop forever */
        n_meeting =
            side_expand(grown, grow_u ? &from_v : &from_u, start, neighbour, thread->meeting);
    }
    double total = 0;
    for (int32_t i = 0; i < n_meeting; i++)
        total += from_u.paths[thread->meeting[i]] * from_v.paths[thread->meeting[i]];
    double pick = coopnet_i_random_uniform(&random) * total;
    int32_t middle = n_meeting > 0 ? thread->meeting[n_meeting - 1] : u;
    for (int32_t i = 0; i < n_meeting; i++) {
        double weight = from_u.paths[thread->meeting[i]] * from_v.paths[thread->meeting[i]];
        if (pick < weight) {
            middle = thread->meeting[i];
            break;
        }
        pick -= weight;
    }
    if (n_meeting > 0) {
        if (middle != u && middle != v)
            thread->count[middle] += 1;
        walk_to_root(&from_u, start, neighbour, middle, &random, thread->count);
        walk_to_root(&from_v, start, neighbour, middle, &random, thread->count);
    }
    for (int32_t i = 0; i < from_u.reached; i++)
        from_u.distance[from_u.order[i]] = -1;
    for (int32_t i = 0; i < from_v.reached; i++)
        from_v.distance[from_v.order[i]] = -1;
}

static void run_pairs(approx_thread_t *thread)
{
    approx_job_t *job = thread->job;
    for (;;) {
        int64_t first = atomic_fetch_add(&job->next_pair, PAIR_CHUNK);
        if (first >= job->n_pairs)
            return;
        int64_t last = first + PAIR_CHUNK < job->n_pairs ? first + PAIR_CHUNK : job->n_pairs;
        for (int64_t i = first; i < last; i++)
            sample_pair(thread, i);
        coopnet_i_ticker_add(&job->ticker, (uint64_t)(last - first));
    }
}

/* Direction-optimising breadth-first search (Beamer, Asanovic & Patterson 2012): a level is grown
 * top-down (the frontier's neighbours) while its frontier is small, bottom-up (every unreached
 * vertex of the component looks for a neighbour in the frontier, and stops at the first) when the
 * frontier's links are more than one BOTTOM_UP_EDGES-th of the links left to reach and it holds at
 * least one BOTTOM_UP_VERTICES-th of the component. The dense middle levels of a cooperation graph
 * then cost a fraction of their links. */
#define BOTTOM_UP_EDGES 14
#define BOTTOM_UP_VERTICES 24

/* A full search from source, its distances added to the block's sums of every vertex reached. */
static void search_source(approx_thread_t *thread, int32_t source, double *distance_sum,
                          double *inverse_sum)
{
    const coopnet_i_adjacency_t *graph = thread->job->graph;
    const coopnet_i_components_t *components = thread->job->components;
    const int64_t *start = graph->start;
    const int32_t *neighbour = graph->neighbour;
    int32_t *distance = thread->distance, *order = thread->order;
    int32_t c = components->of_vertex[source];
    const int32_t *members = components->member + components->first[c];
    int32_t size = components->first[c + 1] - components->first[c];
    int64_t edges_left = 0; /* links of the vertices not reached yet */
    for (int32_t i = 0; i < size; i++)
        edges_left += start[members[i] + 1] - start[members[i]];

    int32_t level_start = 0, tail = 1;
    order[0] = source;
    distance[source] = 0;
    edges_left -= start[source + 1] - start[source];
    for (int32_t level = 0; level_start < tail; level++) {
        int32_t level_end = tail;
        int64_t frontier_edges = 0;
        for (int32_t i = level_start; i < level_end; i++)
            frontier_edges += start[order[i] + 1] - start[order[i]];
        bool bottom_up = frontier_edges * BOTTOM_UP_EDGES > edges_left &&
                         (int64_t)(level_end - level_start) * BOTTOM_UP_VERTICES >= size;
        if (bottom_up) {
            for (int32_t i = 0; i < size; i++) {
                int32_t w = members[i];
                if (distance[w] >= 0)
                    continue;
                for (int64_t k = start[w]; k < start[w + 1]; k++)
                    if (distance[neighbour[k]] == level) {
                        distance[w] = level + 1;
                        order[tail++] = w;
                        break;
                    }
            }
        } else {
            for (int32_t i = level_start; i < level_end; i++) {
                int32_t x = order[i];
                for (int64_t k = start[x]; k < start[x + 1]; k++) {
                    int32_t w = neighbour[k];
                    if (distance[w] < 0) {
                        distance[w] = level + 1;
                        order[tail++] = w;
                    }
                }
            }
        }
        for (int32_t i = level_end; i < tail; i++)
            edges_left -= start[order[i] + 1] - start[order[i]];
        level_start = level_end;
    }
    for (int32_t i = 1; i < tail; i++) {
        int32_t w = order[i];
        distance_sum[w] += distance[w];
        inverse_sum[w] += 1.0 / distance[w];
    }
    for (int32_t i = 0; i < tail; i++)
        distance[order[i]] = -1;
}

static void run_sources(approx_thread_t *thread)
{
    approx_job_t *job = thread->job;
    size_t n = (size_t)job->graph->n;
    for (;;) {
        int32_t block = atomic_fetch_add(&job->next_block, 1);
        if (block >= job->n_blocks)
            return;
        int64_t first = job->n_sources * block / job->n_blocks;
        int64_t last = job->n_sources * (block + 1) / job->n_blocks;
        for (int64_t i = first; i < last; i++) {
            search_source(thread, job->source[i], job->block_distance + (size_t)block * n,
                          job->block_inverse + (size_t)block * n);
            coopnet_i_ticker_add(&job->ticker, 1);
        }
    }
}

typedef struct approx_run {
    approx_thread_t *thread;
    bool pairs;
} approx_run_t;

static void *thread_main(void *data)
{
    approx_run_t *run = data;
    if (run->pairs)
        run_pairs(run->thread);
    else
        run_sources(run->thread);
    return NULL;
}

/* Runs the pairs (pairs) or the sources of job over n_threads threads, the calling one
 * included. Fewer helpers when thread creation fails: the calling thread does their share. */
static void run_threads(approx_thread_t *threads, int n_threads, bool pairs)
{
    pthread_t ids[PATHS_MAX_THREADS];
    approx_run_t runs[PATHS_MAX_THREADS];
    int n_started = 0;
    for (int t = 1; t < n_threads; t++) {
        runs[t].thread = &threads[t];
        runs[t].pairs = pairs;
        if (pthread_create(&ids[t], NULL, thread_main, &runs[t]) != 0)
            break;
        n_started = t;
    }
    if (pairs)
        run_pairs(&threads[0]);
    else
        run_sources(&threads[0]);
    for (int t = 1; t <= n_started; t++)
        pthread_join(ids[t], NULL);
}

/* ---- the estimates ----------------------------------------------------------------------- */

static int estimate_betweenness(approx_job_t *job, approx_thread_t *threads, int n_threads,
                                double epsilon, igraph_vector_t *values, igraph_vector_t *bounds,
                                coopnet_error_t *err)
{
    int32_t n = job->graph->n;
    int status = COOPNET_OK;
    COOPNET_IGRAPH_CHECK(err, status, igraph_vector_resize(values, n), "betweenness");
    if (bounds)
        COOPNET_IGRAPH_CHECK(err, status, igraph_vector_resize(bounds, n), "betweenness bounds");
    atomic_store(&job->next_pair, 0);
    coopnet_i_ticker_init(&job->ticker, job->progress, "sampled paths", (uint64_t)job->n_pairs);
    if (job->n_pairs > 0)
        run_threads(threads, n_threads, true);
    coopnet_i_ticker_finish(&job->ticker);
    coopnet_i_ticker_destroy(&job->ticker);
    /* count / r estimates the share of ordered pairs' paths through v: raw is that times
     * n (n - 1) / 2; the counts are whole numbers, so the sum is exact in any order */
    double pairs = (double)n * (double)(n - 1) / 2.0;
    double bound = job->n_pairs > 0 ? epsilon * (double)(n - 1) * (double)(n - 2) / 2.0 : 0.0;
    for (int32_t v = 0; v < n; v++) {
        double count = 0;
        for (int t = 0; t < n_threads && job->n_pairs > 0; t++)
            count += threads[t].count[v];
        VECTOR(*values)[v] = job->n_pairs > 0 ? count / (double)job->n_pairs * pairs : 0.0;
        if (bounds)
            VECTOR(*bounds)[v] = bound;
    }
cleanup:
    return status;
}

/* The sources: every vertex of a component of at most k vertices, k drawn without replacement
 * (a partial Fisher-Yates shuffle of a copy of its members, from its own stream) of a larger
 * one. */
static int draw_sources(const coopnet_i_components_t *components, int64_t k, uint64_t seed,
                        int32_t **source_out, int64_t *n_sources, coopnet_error_t *err)
{
    int64_t total = 0;
    for (int32_t c = 0; c < components->count; c++) {
        int64_t size = components->first[c + 1] - components->first[c];
        total += size <= k ? size : k;
    }
    int32_t *source = malloc(((size_t)components->first[components->count] + 1) * sizeof *source);
    if (source == NULL)
        return COOPNET_ERROR(err, COOPNET_ENOMEM, "out of memory for the sampled sources");
    memcpy(source, components->member,
           (size_t)components->first[components->count] * sizeof *source);
    int64_t filled = 0;
    for (int32_t c = 0; c < components->count; c++) {
        int32_t *members = source + components->first[c];
        int64_t size = components->first[c + 1] - components->first[c];
        int64_t take = size <= k ? size : k;
        if (size > k) {
            coopnet_i_random_t random;
            coopnet_i_random_seed_item(&random, seed, SOURCE_STREAM + (uint64_t)c);
            for (int64_t i = 0; i < take; i++) {
                int64_t j = i + (int64_t)coopnet_i_random_below(&random, (uint64_t)(size - i));
                int32_t swap = members[i];
                members[i] = members[j];
                members[j] = swap;
            }
        }
        memmove(source + filled, members, (size_t)take * sizeof *source);
        filled += take;
    }
    *source_out = source;
    *n_sources = total;
    return COOPNET_OK;
}

static int estimate_sources(approx_job_t *job, approx_thread_t *threads, int n_threads, int64_t k,
                            const coopnet_centrality_approx_t *approx, igraph_vector_t *closeness,
                            igraph_vector_t *closeness_bounds, igraph_vector_t *harmonic,
                            igraph_vector_t *harmonic_bounds, coopnet_error_t *err)
{
    int status = COOPNET_OK;
    const coopnet_i_components_t *components = job->components;
    int32_t n = job->graph->n;
    int32_t *source = NULL;
    bool *is_source = NULL;
    igraph_vector_t *outputs[4] = {closeness, closeness_bounds, harmonic, harmonic_bounds};
    for (int i = 0; i < 4; i++)
        if (outputs[i])
            COOPNET_IGRAPH_CHECK(err, status, igraph_vector_resize(outputs[i], n),
                                 "sampled sources");
    if ((status = draw_sources(components, k, job->seed, &source, &job->n_sources, err)) !=
        COOPNET_OK)
        goto cleanup;
    job->source = source;
    job->n_blocks = job->n_sources < SOURCE_BLOCKS ? (int32_t)job->n_sources : SOURCE_BLOCKS;
    size_t cells = (size_t)job->n_blocks * (size_t)n + 1;
    job->block_distance = calloc(cells, sizeof *job->block_distance);
    job->block_inverse = calloc(cells, sizeof *job->block_inverse);
    is_source = calloc((size_t)n + 1, sizeof *is_source);
    if (!job->block_distance || !job->block_inverse || !is_source) {
        status = COOPNET_ERROR(err, COOPNET_ENOMEM, "out of memory for the sampled sources");
        goto cleanup;
    }
    for (int64_t i = 0; i < job->n_sources; i++)
        is_source[source[i]] = true;
    atomic_store(&job->next_block, 0);
    coopnet_i_ticker_init(&job->ticker, job->progress, "sampled sources", (uint64_t)job->n_sources);
    if (job->n_sources > 0)
        run_threads(threads, n_threads, false);
    coopnet_i_ticker_finish(&job->ticker);
    coopnet_i_ticker_destroy(&job->ticker);

    double log_term = log(2.0 * (double)n / (1.0 - approx->confidence));
    for (int32_t v = 0; v < n; v++) {
        double distance_sum = 0, inverse_sum = 0;
        for (int32_t block = 0; block < job->n_blocks; block++) {
            distance_sum += job->block_distance[(size_t)block * (size_t)n + (size_t)v];
            inverse_sum += job->block_inverse[(size_t)block * (size_t)n + (size_t)v];
        }
        int32_t c = components->of_vertex[v];
        int64_t size = components->first[c + 1] - components->first[c];
        bool exact = size <= k;
        /* sources other than v itself: all of the component, or k less v if drawn */
        double m = exact ? (double)(size - 1) : (double)(k - (is_source[v] ? 1 : 0));
        double closeness_value = NAN, closeness_bound = NAN, harmonic_value = 0, harmonic_bound = 0;
        if (size > 1) {
            double mean_distance = distance_sum / m;
            double share = (double)(size - 1) / (double)(n - 1);
            closeness_value = 1.0 / mean_distance;
            harmonic_value = share * inverse_sum / m;
            closeness_bound = 0;
            if (!exact) {
                /* D: an upper bound on every distance from v, fixed before the sampling */
                double eccentricity = components->hub_distance[v] + components->hub_eccentricity[c];
                if (eccentricity > (double)(size - 1))
                    eccentricity = (double)(size - 1);
                double spread = sqrt(log_term / (2.0 * m));
                double t = (eccentricity - 1.0) * spread;
                double low = mean_distance - t < 1.0 ? 1.0 : mean_distance - t;
                double above = 1.0 / low - closeness_value;
                double below = closeness_value - 1.0 / (mean_distance + t);
                closeness_bound = above > below ? above : below;
                harmonic_bound = share * (1.0 - 1.0 / eccentricity) * spread;
            }
        } else if (n <= 1) {
            harmonic_value = NAN;
            harmonic_bound = NAN;
        }
        if (closeness) {
            VECTOR(*closeness)[v] = closeness_value;
            if (closeness_bounds)
                VECTOR(*closeness_bounds)[v] = closeness_bound;
        }
        if (harmonic) {
            VECTOR(*harmonic)[v] = harmonic_value;
            if (harmonic_bounds)
                VECTOR(*harmonic_bounds)[v] = harmonic_bound;
        }
    }
cleanup:
    free(source);
    free(is_source);
    free(job->block_distance);
    free(job->block_inverse);
    job->block_distance = job->block_inverse = NULL;
    job->source = NULL;
    return status;
}

int coopnet_i_centrality_approximate(const igraph_t *graph,
                                     const coopnet_centrality_approx_t *approx, int n_threads,
                                     igraph_vector_t *betweenness,
                                     igraph_vector_t *betweenness_bounds,
                                     igraph_vector_t *closeness, igraph_vector_t *closeness_bounds,
                                     igraph_vector_t *harmonic, igraph_vector_t *harmonic_bounds,
                                     coopnet_centrality_sampling_t *sampling,
                                     const coopnet_progress_t *progress, coopnet_error_t *err)
{
    int status = COOPNET_OK;
    igraph_integer_t vcount = igraph_vcount(graph);
    if (vcount > INT32_MAX - 1)
        return COOPNET_ERROR(err, COOPNET_ENOMEM, "graph too large for the shortest paths");
    int32_t n = (int32_t)vcount;
    coopnet_i_adjacency_t adjacency = {.n = n};
    coopnet_i_components_t components;
    approx_thread_t threads[PATHS_MAX_THREADS];
    approx_job_t job;
    memset(&components, 0, sizeof components);
    memset(threads, 0, sizeof threads);
    memset(&job, 0, sizeof job);
    if (sampling)
        memset(sampling, 0, sizeof *sampling);

    if ((status = coopnet_i_centrality_adjacency(graph, &adjacency.start, &adjacency.neighbour,
                                                 NULL, err)) != COOPNET_OK)
        goto cleanup;
    adjacency.queue = malloc(((size_t)n + 1) * sizeof *adjacency.queue);
    if (adjacency.queue == NULL) {
        status = COOPNET_ERROR(err, COOPNET_ENOMEM, "out of memory for the shortest paths");
        goto cleanup;
    }
    if ((status = coopnet_i_centrality_components(&adjacency, &components, err)) != COOPNET_OK)
        goto cleanup;

    int64_t n_pairs =
        betweenness ? coopnet_i_centrality_pair_samples(n, components.vertex_diameter, approx) : 0;
    int64_t k = closeness || harmonic ? coopnet_i_centrality_source_samples(n, approx) : 0;
    if (sampling) {
        sampling->pairs = n_pairs;
        sampling->vertex_diameter = components.vertex_diameter;
        for (int32_t c = 0; c < components.count; c++)
            if (components.first[c + 1] - components.first[c] > k && k > 0)
                sampling->sources = k;
    }
    if (n_threads <= 0)
        n_threads = coopnet_i_centrality_threads(PATHS_MAX_THREADS);
    if (n_threads > PATHS_MAX_THREADS)
        n_threads = PATHS_MAX_THREADS;
    job.graph = &adjacency;
    job.components = &components;
    job.seed = approx->seed;
    job.n_pairs = n_pairs;
    job.progress = progress;
    for (int t = 0; t < n_threads; t++) {
        threads[t].job = &job;
        if (thread_alloc(&threads[t], n, betweenness != NULL && n_pairs > 0) != 0) {
            status = COOPNET_ERROR(err, COOPNET_ENOMEM, "out of memory for the shortest paths");
            goto cleanup;
        }
    }
    if (betweenness &&
        (status = estimate_betweenness(&job, threads, n_threads, approx->epsilon, betweenness,
                                       betweenness_bounds, err)) != COOPNET_OK)
        goto cleanup;
    if ((closeness || harmonic) &&
        (status = estimate_sources(&job, threads, n_threads, k, approx, closeness, closeness_bounds,
                                   harmonic, harmonic_bounds, err)) != COOPNET_OK)
        goto cleanup;

cleanup:
    for (int t = 0; t < n_threads && t < PATHS_MAX_THREADS; t++)
        thread_free(&threads[t]);
    coopnet_i_centrality_components_free(&components);
    free(adjacency.start);
    free(adjacency.neighbour);
    free(adjacency.queue);
    return status;
}

/* Pairs and sources timed by coopnet_i_centrality_approx_time. */
#define TIMED_PAIRS 32
#define TIMED_SOURCES 4

static double seconds_now(void)
{
    struct timespec now;
    clock_gettime(CLOCK_MONOTONIC, &now);
    return (double)now.tv_sec + 1e-9 * (double)now.tv_nsec;
}

int coopnet_i_centrality_approx_time(const igraph_t *graph, bool betweenness, bool sources,
                                     const coopnet_centrality_approx_t *approx, size_t n_approx,
                                     double *seconds, coopnet_error_t *err)
{
    int status = COOPNET_OK;
    igraph_integer_t vcount = igraph_vcount(graph);
    if (vcount > INT32_MAX - 1)
        return COOPNET_ERROR(err, COOPNET_ENOMEM, "graph too large for the shortest paths");
    int32_t n = (int32_t)vcount;
    coopnet_i_adjacency_t adjacency = {.n = n};
    coopnet_i_components_t components;
    approx_thread_t thread;
    approx_job_t job;
    double *sums = NULL;
    memset(&components, 0, sizeof components);
    memset(&thread, 0, sizeof thread);
    memset(&job, 0, sizeof job);
    for (size_t i = 0; i < n_approx; i++)
        seconds[i] = 0;
    if (n == 0)
        return COOPNET_OK;
    if ((status = coopnet_i_centrality_adjacency(graph, &adjacency.start, &adjacency.neighbour,
                                                 NULL, err)) != COOPNET_OK)
        goto cleanup;
    adjacency.queue = malloc(((size_t)n + 1) * sizeof *adjacency.queue);
    sums = calloc(2 * (size_t)n + 1, sizeof *sums);
    if (adjacency.queue == NULL || sums == NULL || thread_alloc(&thread, n, true) != 0) {
        status = COOPNET_ERROR(err, COOPNET_ENOMEM, "out of memory for the shortest paths");
        goto cleanup;
    }
    if ((status = coopnet_i_centrality_components(&adjacency, &components, err)) != COOPNET_OK)
        goto cleanup;
    job.graph = &adjacency;
    job.components = &components;
    job.seed = approx[0].seed;
    thread.job = &job;

    /* the cost of one pair and of one source, on this machine, as the sampling runs them */
    double begin = seconds_now();
    for (int64_t i = 0; betweenness && n >= 3 && i < TIMED_PAIRS; i++)
        sample_pair(&thread, i); /* (no pair to draw below 3 vertices: none sampled either) */
    double per_pair = (seconds_now() - begin) / TIMED_PAIRS;
    begin = seconds_now();
    for (int32_t i = 0; sources && i < TIMED_SOURCES; i++)
        search_source(&thread, (int32_t)((int64_t)n * i / TIMED_SOURCES), sums, sums + n);
    double per_source = (seconds_now() - begin) / TIMED_SOURCES;
    double threads = coopnet_i_centrality_threads(PATHS_MAX_THREADS);

    for (size_t i = 0; i < n_approx; i++) {
        double total = 0;
        if (betweenness)
            total += per_pair * (double)coopnet_i_centrality_pair_samples(
                                    n, components.vertex_diameter, &approx[i]);
        int64_t k = sources ? coopnet_i_centrality_source_samples(n, &approx[i]) : 0;
        for (int32_t c = 0; c < components.count && k > 0; c++) {
            int64_t size = components.first[c + 1] - components.first[c];
            total += per_source * (double)(size < k ? size : k);
        }
        seconds[i] = total / threads;
    }
cleanup:
    thread_free(&thread);
    free(sums);
    coopnet_i_centrality_components_free(&components);
    free(adjacency.start);
    free(adjacency.neighbour);
    free(adjacency.queue);
    return status;
}

/* ---- the public entry points ------------------------------------------------------------- */

int coopnet_centrality_approx_check(const coopnet_centrality_approx_t *approx, coopnet_error_t *err)
{
    if (!(approx->epsilon > 0 && approx->epsilon < 1))
        return COOPNET_ERROR(err, COOPNET_EINVAL,
                             "the error bound must be above 0 and below 1, not %g",
                             approx->epsilon);
    if (!(approx->confidence > 0 && approx->confidence < 1))
        return COOPNET_ERROR(err, COOPNET_EINVAL,
                             "the confidence must be above 0 and below 1, not %g",
                             approx->confidence);
    return COOPNET_OK;
}

int coopnet_i_centrality_refuse_weighted(const coopnet_measure_t *measures, size_t n_measures,
                                         bool weighted, coopnet_error_t *err)
{
    for (size_t k = 0; weighted && k < n_measures; k++)
        if (coopnet_measure_has_approximation(measures[k], false))
            return COOPNET_ERROR(err, COOPNET_EINVAL,
                                 "weighted %s has no approximation (only the unweighted path "
                                 "measures are sampled): compute it exactly or unweighted",
                                 coopnet_measure_name(measures[k]));
    return COOPNET_OK;
}

bool coopnet_measure_has_approximation(coopnet_measure_t measure, bool weighted)
{
    return !weighted &&
           (measure == COOPNET_MEASURE_BETWEENNESS || measure == COOPNET_MEASURE_CLOSENESS ||
            measure == COOPNET_MEASURE_HARMONIC);
}

int coopnet_centrality_approximate_set(const coopnet_graph_t *graph,
                                       const coopnet_measure_t *measures, size_t n_measures,
                                       bool weighted, const coopnet_centrality_approx_t *approx,
                                       igraph_vector_t *values, igraph_vector_t *error_bounds,
                                       coopnet_centrality_sampling_t *sampling,
                                       const coopnet_progress_t *progress, coopnet_error_t *err)
{
    int status;
    igraph_vector_t *estimate[COOPNET_MEASURE_COUNT] = {NULL};
    igraph_vector_t *bound[COOPNET_MEASURE_COUNT] = {NULL};
    bool any = false;

    coopnet_library_init();
    if (sampling)
        memset(sampling, 0, sizeof *sampling);
    if ((status = coopnet_centrality_approx_check(approx, err)) != COOPNET_OK ||
        (status = coopnet_i_centrality_refuse_weighted(measures, n_measures, weighted, err)) !=
            COOPNET_OK)
        return status;
    for (size_t k = 0; k < n_measures; k++) {
        coopnet_measure_t measure = measures[k];
        if ((int)measure < 0 || measure >= COOPNET_MEASURE_COUNT)
            return COOPNET_ERROR(err, COOPNET_EINVAL, "unknown measure %d", (int)measure);
        if (coopnet_measure_has_approximation(measure, weighted)) {
            estimate[measure] = &values[k];
            bound[measure] = error_bounds ? &error_bounds[k] : NULL;
            any = true;
        }
    }
    if (any && (status = coopnet_i_centrality_approximate(
                    &graph->graph, approx, 0, estimate[COOPNET_MEASURE_BETWEENNESS],
                    bound[COOPNET_MEASURE_BETWEENNESS], estimate[COOPNET_MEASURE_CLOSENESS],
                    bound[COOPNET_MEASURE_CLOSENESS], estimate[COOPNET_MEASURE_HARMONIC],
                    bound[COOPNET_MEASURE_HARMONIC], sampling, progress, err)) != COOPNET_OK)
        return status;
    for (size_t k = 0; k < n_measures; k++) {
        if (estimate[measures[k]] == &values[k])
            continue;
        if (error_bounds)
            igraph_vector_clear(&error_bounds[k]);
        const char *stage = coopnet_measure_name(measures[k]);
        coopnet_progress_report(progress, stage, 0, 1);
        if ((status = coopnet_centrality_compute(graph, measures[k], weighted, &values[k], err)) !=
            COOPNET_OK)
            return status;
        coopnet_progress_report(progress, stage, 1, 1);
    }
    return COOPNET_OK;
}
