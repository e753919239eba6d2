/* SPDX-License-Identifier: GPL-3.0-or-later */
/* layout_large.h - a force-directed layout for graphs too large for the exact
 * Fruchterman-Reingold of igraph (O(V^2) per iteration). Internal.
 *
 * Fruchterman-Reingold forces (attraction w * d^2, repulsion 1 / d) with the repulsion of far
 * groups of nodes taken from their centre of mass (Barnes-Hut quadtree), a weak pull towards the
 * centre, and then small components brought in to the rim of the largest one, so that a few
 * pairs of actors do not shrink the main network to a dot. O(iterations * (V log V + E)) time,
 * spread over the cores with the same result on any number of them; O(V + E) memory (the links
 * kept compact, 8 bytes each).
 */
#ifndef COOPNET_LAYOUT_LARGE_H
#define COOPNET_LAYOUT_LARGE_H

#include "coopnet/error.h"

#include <igraph.h>

/* Lays out graph (undirected use of its edges) into positions (initialised by the caller;
 * resized to V x 2), attraction along edge e scaled by weights[e] (NULL: 1). Random start from
 * igraph's default generator, which the caller seeds. ENOMEM, EINTERNAL (igraph). */
int coopnet_i_layout_large(const igraph_t *graph, const igraph_vector_t *weights,
                           igraph_integer_t iterations, igraph_matrix_t *positions,
                           coopnet_error_t *err);

#endif
