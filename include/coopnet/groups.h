/* SPDX-License-Identifier: GPL-3.0-or-later */
/* coopnet/groups.h - actors grouped by an attribute: E-I index, mixing, permutation test.
 *
 * A partition assigns each vertex of the cooperation graph to the group of its value of an actor
 * attribute (level, country, type, or an extra column of actors.csv). Krackhardt and Stern's E-I
 * index of a set of edges is (external - internal) / (external + internal): -1 when every edge
 * stays inside groups, +1 when every edge crosses. Edges are counted once and unweighted.
 */
#ifndef COOPNET_GROUPS_H
#define COOPNET_GROUPS_H

#include "coopnet/api.h"

#include "coopnet/bundle.h"
#include "coopnet/error.h"
#include "coopnet/graph.h"
#include "coopnet/progress.h"

#include <igraph.h>

#ifdef __cplusplus
extern "C" {
#endif

typedef struct coopnet_partition {
    size_t n_groups;
    /* Per group, its value: points into the bundle's strings or to static text ("(none)" for an
     * empty value), so the bundle must outlive the partition. Sorted: levels in their order
     * local, regional, national, international; other attributes alphabetically. */
    const char **labels;
    igraph_vector_int_t group_of_vertex; /* per vertex, index into labels */
    igraph_vector_int_t group_size;      /* per group, its number of vertices */
} coopnet_partition_t;

/* Groups the vertices of graph by an attribute of its bundle's actors. COOPNET_EINVAL naming the
 * attribute when actors.csv has no such column. On failure partition is left destroyed.
 * O(V log V). */
COOPNET_API int coopnet_partition_init(coopnet_partition_t *partition, const coopnet_graph_t *graph,
                                       const char *attribute, coopnet_error_t *err);

/* Frees what the partition owns. Accepts a zeroed object. */
COOPNET_API void coopnet_partition_destroy(coopnet_partition_t *partition);

/* E-I figures of the whole network or of one group. */
typedef struct coopnet_ei {
    igraph_integer_t actors;
    igraph_integer_t internal; /* edges with both ends in the group (the network: in any group) */
    igraph_integer_t external; /* edges with exactly one end in the group (network: crossing) */
    double ei;                 /* NaN when the group has no edges */
    double expected_ei;        /* mean E-I over the permutations (NaN without permutations) */
    double p_value;            /* two-sided, see coopnet_groups_compute */
} coopnet_ei_t;

typedef struct coopnet_groups {
    coopnet_partition_t partition;
    coopnet_ei_t network;
    coopnet_ei_t *groups;               /* partition.n_groups of them */
    igraph_vector_int_t actor_internal; /* per vertex: its partners in its own group */
    igraph_vector_int_t actor_external; /* per vertex: its partners in other groups */
    igraph_vector_t actor_ei;           /* per vertex; NaN for an isolated actor */
    igraph_matrix_int_t mixing;         /* groups x groups: edges between them (symmetric;
                                           the diagonal holds each group's internal edges) */
    double assortativity;               /* igraph's normalised nominal assortativity */
    igraph_integer_t permutations;
    unsigned long seed;
} coopnet_groups_t;

/* Computes the E-I index of the network, of each group and of each actor, the mixing matrix and
 * the nominal assortativity of graph grouped by attribute, and runs a permutation test:
 * `permutations` times, the attribute values are shuffled over the actors (GSL's Mersenne
 * Twister seeded with seed, so the result is reproducible) and the E-I indices recomputed. The
 * expected E-I is their mean; the two-sided p-value is (1 + k) / (1 + permutations) where k counts
 * the permutations whose E-I is at least as far from the expected value as the observed one
 * (Phipson and Smyth's unbiased estimate). permutations may be 0 (expected and p NaN).
 * progress (may be NULL) hears of the permutations. On success *groups is initialised and owned
 * by the caller (coopnet_groups_destroy); on failure it is left destroyed: COOPNET_EINVAL for an
 * unknown attribute, COOPNET_ENOMEM, COOPNET_EINTERNAL.
 * Cost: O(V log V + (permutations + 1) * (E + V)) time, O(V + E + groups^2) memory, plus the
 * permuted values (permutations x groups doubles) when they fit in 64 MB (the permutations then
 * run once instead of twice; the results are the same). */
COOPNET_API int coopnet_groups_compute(const coopnet_graph_t *graph, const char *attribute,
                                       igraph_integer_t permutations, unsigned long seed,
                                       const coopnet_progress_t *progress, coopnet_groups_t *groups,
                                       coopnet_error_t *err);

/* Frees what groups owns. Accepts a zeroed object. */
COOPNET_API void coopnet_groups_destroy(coopnet_groups_t *groups);

#ifdef __cplusplus
}
#endif
#endif
