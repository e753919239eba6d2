/* SPDX-License-Identifier: GPL-3.0-or-later */
/* coopnet/communities.h - Leiden communities of the cooperation graph.
 *
 * igraph's Leiden algorithm maximising modularity: node weights are the degrees (strengths when
 * weighted) and the resolution is R / (2m) for m edges (total weight when weighted), so R = 1 is
 * Newman-Girvan modularity and larger R gives more, smaller communities.
 */
#ifndef COOPNET_COMMUNITIES_H
#define COOPNET_COMMUNITIES_H

#include "coopnet/api.h"

#include "coopnet/bundle.h"
#include "coopnet/error.h"
#include "coopnet/graph.h"

#include <igraph.h>
#include <stdbool.h>

#ifdef __cplusplus
extern "C" {
#endif

typedef struct coopnet_communities {
    igraph_vector_int_t membership; /* per vertex: community, 0 = the largest */
    igraph_integer_t n_communities;
    double modularity;            /* at the resolution asked; NaN for a graph without edges */
    double resolution;            /* R */
    igraph_matrix_int_t by_level; /* communities x levels: actors of each level */
} coopnet_communities_t;

/* Finds communities of graph with igraph's Leiden algorithm, iterated until
 * stable, seeded with seed through igraph's default generator (reproducible). Communities are
 * numbered by size, largest first (ties: by their smallest vertex). A graph without edges gives
 * every actor its own community. On success *communities is owned by the caller
 * (coopnet_communities_destroy); on failure it is left destroyed: COOPNET_EINVAL when
 * resolution is not positive, COOPNET_ENOMEM, COOPNET_EINTERNAL.
 * Cost: O(E) per Leiden pass, a few passes in practice; O(V + E) memory. */
COOPNET_API int coopnet_communities_compute(const coopnet_graph_t *graph, double resolution,
                                            bool weighted, unsigned long seed,
                                            coopnet_communities_t *communities,
                                            coopnet_error_t *err);

/* Frees what communities owns. Accepts a zeroed object. */
COOPNET_API void coopnet_communities_destroy(coopnet_communities_t *communities);

/* The countries of community c's actors with their counts, most frequent first, as
 * "MA 7, IQ 5, (none) 3", into buffer (truncated to size). O(V log V); allocates a workspace. */
COOPNET_API int coopnet_communities_countries(const coopnet_communities_t *communities,
                                              const coopnet_graph_t *graph,
                                              igraph_integer_t community, char *buffer, size_t size,
                                              coopnet_error_t *err);

#ifdef __cplusplus
}
#endif
#endif
