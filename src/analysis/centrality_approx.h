/* SPDX-License-Identifier: GPL-3.0-or-later */
/* centrality_approx.h - internal: betweenness, closeness and harmonic centrality estimated from
 * samples, with their error bounds (the method and the bounds are in coopnet/centrality.h). */
#ifndef COOPNET_CENTRALITY_APPROX_H
#define COOPNET_CENTRALITY_APPROX_H

#include "coopnet/centrality.h"
#include "coopnet/error.h"
#include "coopnet/progress.h"

#include <igraph.h>
#include <stdint.h>

/* The graph as the searches read it (centrality_paths.h's CSR arrays) and a queue of n + 1. */
typedef struct coopnet_i_adjacency {
    int32_t n;
    int64_t *start;
    int32_t *neighbour;
    int32_t *queue;
} coopnet_i_adjacency_t;

/* The connected components, each with the distances from its highest-degree vertex (the hub):
 * ecc(v) <= hub_distance[v] + hub_eccentricity[of_vertex[v]], and the diameter of a component is
 * at most twice its hub's eccentricity. */
typedef struct coopnet_i_components {
    int32_t count;
    int32_t *of_vertex;        /* component of each vertex, numbered by their lowest vertex */
    int32_t *member;           /* the vertices, component by component */
    int32_t *first;            /* component c's members: member[first[c] .. first[c + 1]) */
    int32_t *hub_distance;     /* distance of each vertex from its component's hub */
    int32_t *hub_eccentricity; /* per component */
    int64_t vertex_diameter;   /* upper bound on the vertices of any shortest path */
} coopnet_i_components_t;

/* Fills components for graph (queue used as scratch). COOPNET_ENOMEM, nothing left allocated.
 * Free with coopnet_i_centrality_components_free (accepts a zeroed struct). O(V + E). */
int coopnet_i_centrality_components(const coopnet_i_adjacency_t *graph,
                                    coopnet_i_components_t *components, coopnet_error_t *err);
void coopnet_i_centrality_components_free(coopnet_i_components_t *components);

/* r, the pairs sampled for betweenness on n vertices with the vertex diameter bound; 0 when
 * n < 3 or the bound is below 3 (no path has an inside). k, the sources sampled per component
 * for closeness and harmonic (0 when n < 2). approx already checked. O(1). */
int64_t coopnet_i_centrality_pair_samples(int64_t n, int64_t vertex_diameter,
                                          const coopnet_centrality_approx_t *approx);
int64_t coopnet_i_centrality_source_samples(int64_t n, const coopnet_centrality_approx_t *approx);

/* Estimates the wanted measures (NULL: not wanted) of the undirected, unweighted graph with
 * approx (checked by the caller) over n_threads threads (0: the cores, at most
 * PATHS_MAX_THREADS; the values do not depend on it). Each wanted value vector and each
 * non-NULL bounds vector is resized to vcount; values are in igraph's units (raw betweenness),
 * bounds in the same units. sampling may be NULL. progress as coopnet_centrality_approximate_set.
 * COOPNET_ENOMEM with err; outputs then unspecified. Cost: O((r + k) E) time over the threads,
 * O(V + E) memory plus per thread 3 V and 2 x 16 V doubles for the source blocks. */
int coopnet_i_centrality_approximate(const igraph_t *graph,
                                     const coopnet_centrality_approx_t *approx, int n_threads,
                                     igraph_vector_t *betweenness,
                                     igraph_vector_t *betweenness_bounds,
                                     igraph_vector_t *closeness, igraph_vector_t *closeness_bounds,
                                     igraph_vector_t *harmonic, igraph_vector_t *harmonic_bounds,
                                     coopnet_centrality_sampling_t *sampling,
                                     const coopnet_progress_t *progress, coopnet_error_t *err);

/* The searches coopnet_i_centrality_approximate would run on graph for each of the n_approx
 * settings approx[i] (pairs when betweenness, sources when sources), into searches[i], for the
 * time estimate of the policy. COOPNET_ENOMEM. Cost: O(V + E). */
int coopnet_i_centrality_approx_searches(const igraph_t *graph, bool betweenness, bool sources,
                                         const coopnet_centrality_approx_t *approx, size_t n_approx,
                                         double *searches, coopnet_error_t *err);

#endif
