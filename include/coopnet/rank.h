/* SPDX-License-Identifier: GPL-3.0-or-later */
/* coopnet/rank.h - the order of vertices (or actors) by a value, best first.
 *
 * One ranking for the whole toolkit (the centrality table, the ranking chart, the report's
 * tables): values in decreasing order; NaN (an undefined value, such as the closeness of an
 * isolated actor) after every number; equal values, and NaNs among themselves, in increasing
 * index order. For a measure on the cooperation graph the index is the vertex, and vertices are
 * the kept actors in bundle order, so ties keep the order of actors.csv.
 */
#ifndef COOPNET_RANK_H
#define COOPNET_RANK_H

#include "coopnet/api.h"

#include "coopnet/error.h"

#include <igraph.h>
#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

/* Every index of values in ranking order into order (caller-initialised, resized to the length
 * of values). On failure (COOPNET_ENOMEM) order is unspecified but still the caller's.
 * Reentrant. O(n log n) time, O(n) extra memory. */
COOPNET_API int coopnet_rank_vertices(const igraph_vector_t *values, igraph_vector_int_t *order,
                                      coopnet_error_t *err);

/* The first top indices of that ranking (fewer when values is shorter) into order
 * (caller-initialised, resized). Same failures and cost as coopnet_rank_vertices. */
COOPNET_API int coopnet_rank_top(const igraph_vector_t *values, size_t top,
                                 igraph_vector_int_t *order, coopnet_error_t *err);

/* Competition ranks ("1224") from that ranking: ranks[i] = 1 + the number of values greater
 * than values[i], so equal values share the better rank; NaN for a NaN value. order is what
 * coopnet_rank_vertices gave for values; ranks holds one entry per value. The snapshots' ranks
 * and rank changes are these. O(n). */
COOPNET_API void coopnet_rank_competition(const igraph_vector_t *values,
                                          const igraph_vector_int_t *order, double *ranks);

#ifdef __cplusplus
}
#endif
#endif
