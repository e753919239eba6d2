/* SPDX-License-Identifier: GPL-3.0-or-later */
/* centrality_paths.h - internal: the unweighted path measures in one pass (see centrality.c).
 *
 * Betweenness, closeness and harmonic centrality of an unweighted graph all come from a
 * breadth-first search out of every vertex. igraph runs one set of searches per measure; this
 * runs one set for all three (Brandes 2001, with the dependencies accumulated by rescanning
 * neighbours instead of keeping predecessor lists), on a compact int32 adjacency array, split over
 * the machine's cores. The searches do not call igraph, so threads are safe with Debian's igraph,
 * which is built without thread safety.
 */
#ifndef COOPNET_CENTRALITY_PATHS_H
#define COOPNET_CENTRALITY_PATHS_H

#include "coopnet/error.h"
#include "coopnet/progress.h"

#include <igraph.h>
#include <stdbool.h>
#include <stdint.h>

/* The most threads the path measures use. */
#define PATHS_MAX_THREADS 8

/* Any of the three outputs may be NULL (not wanted); the others are resized to vcount(graph) and
 * receive, for the undirected graph as igraph 0.10 defines them:
 *   betweenness  raw (unnormalised) betweenness, each unordered pair counted once;
 *   closeness    reached / sum of distances to the reached vertices, NaN if none is reached;
 *   harmonic     sum over the other vertices of 1 / distance, divided by (vcount - 1).
 * Parallel edges count as separate paths, as in igraph; self-loops are ignored. The results do
 * not depend on the number of threads (partial sums are added in a fixed order).
 * progress: stage "shortest paths", one unit per source vertex. Returns COOPNET_ENOMEM or
 * COOPNET_EINTERNAL (thread creation) with err filled; outputs are then unspecified.
 * Cost: O(V E) time, O(V + E) memory per thread plus 3 V doubles per block of sources. */
int coopnet_i_centrality_paths(const igraph_t *graph, igraph_vector_t *betweenness,
                               igraph_vector_t *closeness, igraph_vector_t *harmonic,
                               const coopnet_progress_t *progress, coopnet_error_t *err);

/* The undirected adjacency of graph as int32 CSR arrays (neighbours of v are
 * neighbour[start[v] .. start[v + 1])), self-loops left out, parallel edges kept. When edge is not
 * NULL, *edge receives the id of the edge behind each neighbour slot (graphs of up to INT32_MAX
 * edges). The caller frees the arrays with free(). COOPNET_ENOMEM with err filled (nothing
 * allocated). O(V + E). */
int coopnet_i_centrality_adjacency(const igraph_t *graph, int64_t **start, int32_t **neighbour,
                                   int32_t **edge, coopnet_error_t *err);

/* The threads to use for n_tasks independent tasks: the cores online, at most PATHS_MAX_THREADS
 * and at most n_tasks (at least 1). */
int coopnet_i_centrality_threads(int64_t n_tasks);

/* An estimate of the wall-clock seconds coopnet_i_centrality_paths takes on graph on this
 * machine: a few searches timed (with the betweenness accumulation when betweenness), times the
 * vertex count over the threads. COOPNET_ENOMEM. Cost: O(E) for the adjacency plus 8 searches. */
int coopnet_i_centrality_paths_time(const igraph_t *graph, bool betweenness, double *seconds,
                                    coopnet_error_t *err);

#endif
