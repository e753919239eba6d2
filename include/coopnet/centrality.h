/* SPDX-License-Identifier: GPL-3.0-or-later */
/* coopnet/centrality.h - actor centralities on the cooperation graph.
 *
 * Nine measures on the undirected cooperation graph, as igraph 0.10 defines them (igraph computes
 * them, except the unweighted betweenness, closeness and harmonic centrality: coopnet runs those
 * three in one shared breadth-first pass, checked against igraph in the tests). Unweighted unless
 * asked (strength always sums the edge weights); weighted, the path-based measures (betweenness,
 * closeness, harmonic) take 1 / weight as the length of an edge, so that a stronger tie is a
 * shorter path, and eigenvector, pagerank and constraint use the weights directly. Degree and
 * coreness ignore weights.
 */
#ifndef COOPNET_CENTRALITY_H
#define COOPNET_CENTRALITY_H

#include "coopnet/api.h"

#include "coopnet/error.h"
#include "coopnet/graph.h"
#include "coopnet/progress.h"

#include <igraph.h>
#include <stdbool.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

typedef enum {
    COOPNET_MEASURE_DEGREE,
    COOPNET_MEASURE_STRENGTH,
    COOPNET_MEASURE_BETWEENNESS,
    COOPNET_MEASURE_CLOSENESS,
    COOPNET_MEASURE_HARMONIC,
    COOPNET_MEASURE_EIGENVECTOR,
    COOPNET_MEASURE_PAGERANK,
    COOPNET_MEASURE_CORENESS,
    COOPNET_MEASURE_CONSTRAINT
} coopnet_measure_t;
#define COOPNET_MEASURE_COUNT 9

/* One-line definitions of the measures (coopnet_measure_description returns them; the command
 * line's --help strings are built from the same macros). */
#define COOPNET_MEASURE_TEXT_DEGREE "number of distinct linked actors"
#define COOPNET_MEASURE_TEXT_STRENGTH "sum of the weights of the actor's links"
#define COOPNET_MEASURE_TEXT_BETWEENNESS                                                           \
    "shortest paths between other actors passing through the actor (raw, igraph)"
#define COOPNET_MEASURE_TEXT_CLOSENESS                                                             \
    "inverse of the mean distance to the actors it reaches (empty if isolated)"
#define COOPNET_MEASURE_TEXT_HARMONIC "mean of inverse distances to all other actors"
#define COOPNET_MEASURE_TEXT_EIGENVECTOR "eigenvector centrality, scaled so the maximum is 1"
#define COOPNET_MEASURE_TEXT_PAGERANK "PageRank, damping 0.85 (values sum to 1)"
#define COOPNET_MEASURE_TEXT_CORENESS "k-core index (largest k of a k-core holding the actor)"
#define COOPNET_MEASURE_TEXT_CONSTRAINT                                                            \
    "Burt's constraint: linked actors tied to each other (low = broker; empty if isolated)"

/* The names of the measures as the command line spells them ("betweenness"), in enum order,
 * NULL-terminated: the one list every command, figure and report uses. */
extern COOPNET_API const char *const coopnet_measure_names[COOPNET_MEASURE_COUNT + 1];

/* The measure's name as the command line spells it ("betweenness"); "" when out of range. */
COOPNET_API const char *coopnet_measure_name(coopnet_measure_t measure);

/* The measure named name (exact, lower case), or -1 when unknown. O(1). */
COOPNET_API int coopnet_measure_parse(const char *name);

/* One line defining the measure, for --help and the method notes of reports; "" when out of
 * range. */
COOPNET_API const char *coopnet_measure_description(coopnet_measure_t measure);

/* Computes measure for every vertex of graph into values (caller-initialised igraph vector,
 * resized to vcount; values[v] belongs to graph->actor_of_vertex[v]). weighted as described above.
 * Values that are undefined are NaN: closeness and constraint of an isolated actor.
 * On failure returns COOPNET_EINVAL for an unknown measure, COOPNET_ENOMEM or COOPNET_EINTERNAL
 * (igraph's reason in err); values is then unspecified but still owned by the caller.
 * Cost: degree, strength, coreness O(V + E); betweenness O(V E) unweighted, O(V E log V)
 * weighted; closeness and harmonic the same; eigenvector and pagerank O(E) per iteration;
 * constraint O(V d^2) for d the largest degree. Memory O(V + E). */
COOPNET_API int coopnet_centrality_compute(const coopnet_graph_t *graph, coopnet_measure_t measure,
                                           bool weighted, igraph_vector_t *values,
                                           coopnet_error_t *err);

/* Computes n_measures measures (distinct, as from coopnet_measure_parse_list) into values[k]
 * (caller-initialised vectors, one per measure, resized to vcount), as coopnet_centrality_compute
 * does one by one, but unweighted betweenness, closeness and harmonic share a single
 * breadth-first search from every vertex, run over the machine's cores (the results do not depend
 * on the number of cores). progress: stage "shortest paths" per source, then one stage per other
 * measure. On failure the same errors as coopnet_centrality_compute; values stay owned by the
 * caller. Cost: one O(V E) pass for all the unweighted path measures, plus the others' costs. */
COOPNET_API int coopnet_centrality_compute_set(const coopnet_graph_t *graph,
                                               const coopnet_measure_t *measures, size_t n_measures,
                                               bool weighted, igraph_vector_t *values,
                                               const coopnet_progress_t *progress,
                                               coopnet_error_t *err);

/* ---- approximation with a stated error ------------------------------------------------------
 *
 * Unweighted betweenness, closeness and harmonic centrality estimated from samples, each with a
 * bound that holds for every actor at once with probability at least confidence (per measure):
 *
 *   betweenness  Riondato & Kornaropoulos (2016): r pairs (u, v) of distinct actors drawn
 *                uniformly, one shortest path between them drawn uniformly, 1/r added to each
 *                vertex inside it; r = ceil((0.5 / e^2) (floor(log2(VD - 2)) + 1 + ln(1/delta)))
 *                with delta = 1 - confidence and e = epsilon (n - 2) / n (their estimate is over
 *                ordered pairs, n (n - 1) of them; igraph and networkx normalise by
 *                (n - 1)(n - 2) / 2 unordered pairs). VD, the vertex diameter (vertices on a
 *                longest shortest path), is bounded from above by one breadth-first search per
 *                component from its highest-degree vertex h: VD <= min(2 ecc(h), |C| - 1) + 1.
 *                The normalised betweenness (raw / ((n - 1)(n - 2) / 2)) is then within epsilon
 *                of the exact value for every actor; the raw value, which coopnet reports, within
 *                epsilon (n - 1)(n - 2) / 2.
 *   harmonic     Eppstein & Wang (2004) sampled sources with Hoeffding's bound: in each component
 *   closeness    C of more than k vertices, k sources drawn uniformly without replacement (the
 *                smaller components are searched from every vertex: exact, bound 0);
 *                k = ceil(ln(2 n / delta) / (2 epsilon^2)) + 1. For an actor v with m sampled
 *                sources other than itself (k or k - 1), the mean of 1 / d(s, v) over them
 *                estimates the mean over C - v, a mean of values in [1/D, 1] (D >= ecc(v), here
 *                min(d(v, h) + ecc(h), |C| - 1)), so by Hoeffding (valid without replacement)
 *                and the union bound over the n actors, harmonic is within
 *                (|C| - 1)/(n - 1) (1 - 1/D) sqrt(ln(2 n / delta) / (2 m)) <= epsilon.
 *                Closeness = 1 / mean distance: the sampled mean distance is within
 *                t = (D - 1) sqrt(ln(2 n / delta) / (2 m)) of the exact one, so closeness lies
 *                in [1 / (mean + t), 1 / max(1, mean - t)], and its bound is the larger distance
 *                from the estimate to the ends of that interval: per actor, not capped at
 *                epsilon (it grows with the distances).
 *
 * The samples are drawn from seed with the library's own generator, each sample from a stream of
 * its own, and summed exactly or in a fixed order: the same seed gives the same values whatever
 * the number of threads. */

#define COOPNET_CENTRALITY_DEFAULT_CONFIDENCE 0.95
#define COOPNET_CENTRALITY_DEFAULT_TIME_BUDGET 60.0 /* seconds */

typedef struct coopnet_centrality_approx {
    double epsilon;    /* additive bound, in (0, 1) */
    double confidence; /* probability that every actor is within its bound, in (0, 1) */
    uint64_t seed;
} coopnet_centrality_approx_t;

/* What an approximation sampled, for method notes. */
typedef struct coopnet_centrality_sampling {
    int64_t pairs;           /* betweenness: r, 0 when betweenness was not estimated */
    int64_t sources;         /* closeness and harmonic: k per large component, 0 when none */
    int64_t vertex_diameter; /* the upper bound VD used for r */
} coopnet_centrality_sampling_t;

/* COOPNET_EINVAL unless 0 < epsilon < 1 and 0 < confidence < 1 (NaN refused), with a message
 * naming the bad value. O(1). */
COOPNET_API int coopnet_centrality_approx_check(const coopnet_centrality_approx_t *approx,
                                                coopnet_error_t *err);

/* True when measure is estimated by coopnet_centrality_approximate_set (betweenness, closeness,
 * harmonic, unweighted); the others are always exact. O(1). */
COOPNET_API bool coopnet_measure_has_approximation(coopnet_measure_t measure, bool weighted);

/* As coopnet_centrality_compute_set, but unweighted betweenness, closeness and harmonic are
 * estimated as described above, and error_bounds[k] (caller-initialised; the array may be NULL)
 * receives each actor's bound for measure k in the measure's own units (raw betweenness), or is
 * resized to 0 for a measure computed exactly. sampling (may be NULL) receives the sample sizes.
 * progress: stages "sampled paths" (per pair) and "sampled sources" (per source). EINVAL for a
 * bad approx (coopnet_centrality_approx_check) or with weighted and a path measure (the weighted
 * path measures are exact only); else the failures of coopnet_centrality_compute_set. Cost:
 * O(r E + k E) time for the sampled measures, O(V + E) memory per thread plus 2 V doubles per
 * block of sources, plus the other measures' costs. */
COOPNET_API int coopnet_centrality_approximate_set(
    const coopnet_graph_t *graph, const coopnet_measure_t *measures, size_t n_measures,
    bool weighted, const coopnet_centrality_approx_t *approx, igraph_vector_t *values,
    igraph_vector_t *error_bounds, coopnet_centrality_sampling_t *sampling,
    const coopnet_progress_t *progress, coopnet_error_t *err);

/* ---- exact or approximate: the one policy ------------------------------------------------- */

typedef enum {
    COOPNET_CENTRALITY_AUTO = 0, /* exact when its estimated time fits time_budget, else approx */
    COOPNET_CENTRALITY_EXACT,    /* exact whatever it costs */
    COOPNET_CENTRALITY_APPROX    /* sampled, with approx.epsilon */
} coopnet_centrality_method_t;

/* How the path measures are computed: the one policy of the library, used by `centrality` and
 * the report alike. Under AUTO, when exact is over budget, epsilon is approx.epsilon when set
 * (> 0), else the smallest of 0.01, 0.02, 0.05, 0.1, 0.2 whose estimated time fits the budget
 * (0.2 when none does). */
typedef struct coopnet_centrality_policy {
    coopnet_centrality_method_t method; /* default AUTO */
    double time_budget;                 /* seconds exact may take under AUTO (default 60) */
    coopnet_centrality_approx_t approx; /* default epsilon 0 (AUTO picks), confidence 0.95,
                                           seed 1 */
} coopnet_centrality_policy_t;

COOPNET_API void coopnet_centrality_policy_init(coopnet_centrality_policy_t *policy);

/* The choice made for a graph. */
typedef struct coopnet_centrality_plan {
    coopnet_centrality_method_t method; /* EXACT or APPROX */
    coopnet_centrality_approx_t approx; /* the epsilon, confidence and seed used by APPROX */
    double exact_seconds;  /* estimated wall time of the exact path measures; 0 if not estimated */
    double approx_seconds; /* the same for the approximation; 0 if not estimated */
} coopnet_centrality_plan_t;

/* The plan policy gives for measures on graph: EXACT when no measure has an approximation
 * (coopnet_measure_has_approximation) or policy->method is EXACT; APPROX when it is APPROX;
 * under AUTO, EXACT when the estimated time of the exact path measures (from a short calibration:
 * a few searches timed on this machine) is at most time_budget, else APPROX with epsilon as the
 * policy says. EINVAL for a bad policy (time_budget negative or NaN, or approx for APPROX; with
 * a message) and for APPROX with weighted path measures. Cost: O(V + E) plus a few searches. */
COOPNET_API int coopnet_centrality_choose(const coopnet_graph_t *graph,
                                          const coopnet_measure_t *measures, size_t n_measures,
                                          bool weighted, const coopnet_centrality_policy_t *policy,
                                          coopnet_centrality_plan_t *plan, coopnet_error_t *err);

/* Runs plan (from coopnet_centrality_choose): coopnet_centrality_compute_set for EXACT (then
 * every error_bounds[k] is resized to 0), coopnet_centrality_approximate_set for APPROX.
 * Arguments, ownership, failures and cost as those functions. */
COOPNET_API int coopnet_centrality_compute_planned(
    const coopnet_graph_t *graph, const coopnet_measure_t *measures, size_t n_measures,
    bool weighted, const coopnet_centrality_plan_t *plan, igraph_vector_t *values,
    igraph_vector_t *error_bounds, coopnet_centrality_sampling_t *sampling,
    const coopnet_progress_t *progress, coopnet_error_t *err);

/* Parses a comma-separated list of measure names ("degree,pagerank") into measures (room for
 * capacity entries; repeats are refused). *n_measures receives the count. COOPNET_EINVAL with a
 * message naming the bad or repeated name. O(length). */
COOPNET_API int coopnet_measure_parse_list(const char *text, coopnet_measure_t *measures,
                                           size_t capacity, size_t *n_measures,
                                           coopnet_error_t *err);

/* The default measures of `coopnet centrality`: all nine in enum order. */
extern COOPNET_API const coopnet_measure_t coopnet_measure_defaults[COOPNET_MEASURE_COUNT];

/* Two-mode measures: degree, betweenness and closeness on the actor-event graph (coopnet/graph.h,
 * coopnet_two_mode_t), for actors and events alike, each normalised by the largest value a vertex
 * of its mode could reach given the sizes of the two modes (Borgatti & Everett 1997; Borgatti &
 * Halgin 2011), so that actors and events are comparable (1 is the maximum on a connected graph;
 * closeness can exceed it on a disconnected one, as networkx's can). With n_own the
 * vertices of the vertex's mode (actors for an actor), n_other those of the other mode and
 * N = n_own + n_other:
 *   degree       deg(v) / n_other: the share of the events an actor attended (of the actors
 *                an event gathered);
 *   betweenness  raw betweenness on the two-mode graph (shortest paths between any two of its
 *                vertices, actors or events, each unordered pair once) divided by
 *                max = [n_other^2 (s + 1)^2 + n_other (s + 1)(2t - s - 1) - t (2s - t + 3)] / 2,
 *                s = (n_own - 1) div n_other, t = (n_own - 1) mod n_other;
 *   closeness    (n_other + 2 (n_own - 1)) / sum of the distances from v to the r_v - 1
 *                vertices it reaches, times (r_v - 1) / (N - 1): the smallest possible distance
 *                sum over the actual one, scaled down by the share of the graph v reaches (so a
 *                vertex in a small component does not look central).
 * These are networkx.algorithms.bipartite's degree_centrality, betweenness_centrality and
 * closeness_centrality (normalized=True). Undefined values are NaN where networkx gives 0 or
 * fails: closeness of an isolated vertex (networkx: 0); degree when the other mode is empty and
 * betweenness when its maximum is 0 (of every actor when there is one event, of every event when
 * there is one actor, of a mode when the other is empty; networkx divides by zero). */
/* The measures with a two-mode definition, for messages. */
#define COOPNET_TWO_MODE_MEASURE_NAMES "degree, betweenness, closeness"

/* One-line definitions of the two-mode measures, for --help. */
#define COOPNET_TWO_MODE_TEXT_DEGREE "share of the other mode it is linked to"
#define COOPNET_TWO_MODE_TEXT_BETWEENNESS "betweenness over the most its mode allows"
#define COOPNET_TWO_MODE_TEXT_CLOSENESS                                                            \
    "least possible distance sum over its own, times the share reached"

/* True for the measures with a two-mode definition: degree, betweenness, closeness. O(1). */
COOPNET_API bool coopnet_measure_has_two_mode(coopnet_measure_t measure);

/* Computes the two-mode measure (above) of every vertex of two_mode->graph into values
 * (caller-initialised, resized to its vcount: the actors' values first, then the events', in the
 * order of two_mode->item). On failure returns COOPNET_EINVAL for a measure without a two-mode
 * definition, COOPNET_ENOMEM or COOPNET_EINTERNAL; values is then unspecified but still owned by
 * the caller. Cost: degree O(V + E); betweenness and closeness O(V E), memory O(V + E). */
COOPNET_API int coopnet_centrality_two_mode(const coopnet_two_mode_t *two_mode,
                                            coopnet_measure_t measure, igraph_vector_t *values,
                                            coopnet_error_t *err);

/* The same for n_measures distinct two-mode measures into values[k] (caller-initialised), with
 * one breadth-first pass for betweenness and closeness together, run over the machine's cores
 * (progress: stage "shortest paths", per source vertex). Same failures and cost, and
 * COOPNET_EINVAL for a measure given twice. */
COOPNET_API int coopnet_centrality_two_mode_set(const coopnet_two_mode_t *two_mode,
                                                const coopnet_measure_t *measures,
                                                size_t n_measures, igraph_vector_t *values,
                                                const coopnet_progress_t *progress,
                                                coopnet_error_t *err);

#ifdef __cplusplus
}
#endif
#endif
