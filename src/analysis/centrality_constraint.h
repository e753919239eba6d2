/* SPDX-License-Identifier: GPL-3.0-or-later */
/* centrality_constraint.h - internal: Burt's constraint over the cores (see centrality.c).
 *
 * igraph_constraint gives the same numbers but asks igraph for every neighbour list twice per
 * vertex and runs on one core: 45 s for 100 000 actors and 7.9 million links. This walks a
 * compact adjacency array instead and splits the vertices over the cores; each vertex's value is
 * computed by one thread in a fixed order, so the result does not depend on the thread count.
 */
#ifndef COOPNET_CENTRALITY_CONSTRAINT_H
#define COOPNET_CENTRALITY_CONSTRAINT_H

#include "coopnet/error.h"
#include "coopnet/progress.h"

#include <igraph.h>

/* Burt's constraint of every vertex of the undirected graph, as igraph 0.10 defines it:
 *   C_i = sum over the neighbours j of i of (p_ij + sum over the neighbours q of i of p_iq p_qj)^2
 * with p_ij = w_ij / s_i, w_ij the summed weight of the edges between i and j (each edge 1 when
 * weights is NULL) and s_i the strength of i without self-loops. Self-loops are ignored; a vertex
 * without other neighbours gets NaN. values is resized to vcount(graph).
 * progress: stage "constraint", one unit per vertex, from every thread.
 * Returns COOPNET_EINVAL when weights has not one weight per edge, COOPNET_ENOMEM (err filled;
 * values unspecified).
 * Cost: O(V + sum of squared degrees) time over the cores, O(V + E) memory plus V doubles per
 * thread. */
int coopnet_i_centrality_constraint(const igraph_t *graph, const igraph_vector_t *weights,
                                    igraph_vector_t *values, const coopnet_progress_t *progress,
                                    coopnet_error_t *err);

#endif
