/* SPDX-License-Identifier: GPL-3.0-or-later */
/* coopnet/brokerage.h - Gould and Fernandez brokerage roles.
 *
 * Counted as R's sna::brokerage counts them, on the directed version of the cooperation graph:
 * an edge from shared events or an undirected tie is two arcs, a directed tie one arc in its
 * direction. For every two-path i -> j -> k with i, j, k distinct and no arc i -> k, the broker
 * j gets one role by the groups of i, j and k:
 *   coordinator     i, j, k in one group             (sna's w_I)
 *   itinerant       i and k in one group, j in another (w_O)
 *   gatekeeper      j and k in one group, i in another (b_OI: j controls access to its group)
 *   representative  i and j in one group, k in another (b_IO: j speaks for its group)
 *   liaison         i, j, k in three groups           (b_O)
 * and total is their sum. Expected counts and variances are sna's, under a random digraph of
 * the same density d = arcs / (N (N - 1)); with q = d^2 (1 - d), r = d^3 (1 - d)^3, n_g the size of
 * the broker's group g and N the number of actors:
 *   coordinator     E = q (n_g - 1)(n_g - 2)          V = E (1 - q) + 2 (n_g - 1)(n_g - 2)(n_g - 3)
 * r itinerant       E = q sum_{h != g} n_h (n_h - 1)  V = E (1 - q) + 2 sum_{h != g} n_h (n_h -
 * 1)(n_h - 2) r gatekeeper, representative  E = q (N - n_g)(n_g - 1) V = E (1 - q) + 2 ((n_g - 1)
 * C(N - n_g, 2) + (N - n_g) C(n_g - 1, 2)) r liaison         E = q ((sum_{h != g} n_h)^2 - sum_{h
 * != g} n_h^2) V = E (1 - q) + 4 sum_{h != g} n_h C(N - n_h - n_g, 2) r total           E = q (N -
 * 1)(N - 2)              V = E (1 - q) + 2 (N - 1)(N - 2)(N - 3) r and z = (count - E) / sqrt(V)
 * (NaN when V = 0).
 */
#ifndef COOPNET_BROKERAGE_H
#define COOPNET_BROKERAGE_H

#include "coopnet/api.h"

#include "coopnet/bundle.h"
#include "coopnet/error.h"
#include "coopnet/graph.h"
#include "coopnet/groups.h"

#include <igraph.h>

#ifdef __cplusplus
extern "C" {
#endif

typedef enum {
    COOPNET_BROKERAGE_COORDINATOR,
    COOPNET_BROKERAGE_ITINERANT,
    COOPNET_BROKERAGE_GATEKEEPER,
    COOPNET_BROKERAGE_REPRESENTATIVE,
    COOPNET_BROKERAGE_LIAISON,
    COOPNET_BROKERAGE_TOTAL
} coopnet_brokerage_role_t;
#define COOPNET_BROKERAGE_ROLE_COUNT 6

/* "coordinator", ..., "total"; "" when out of range. */
COOPNET_API const char *coopnet_brokerage_role_name(coopnet_brokerage_role_t role);

typedef struct coopnet_brokerage {
    coopnet_partition_t partition;
    igraph_matrix_t counts;   /* vertices x roles */
    igraph_matrix_t expected; /* vertices x roles, under the null */
    igraph_matrix_t z;        /* vertices x roles; NaN when the variance is 0 */
    igraph_integer_t n_arcs;  /* arcs of the directed version */
    double density;           /* arcs / (N (N - 1)); 0 below two actors */
} coopnet_brokerage_t;

/* Counts the roles of every vertex of graph grouped by attribute (the ties kept by the graph's own
 * options, graph->options, say which keep their direction), with expected values and z-scores as
 * above. On success *brokerage is owned by the caller (coopnet_brokerage_destroy); on failure it is
 * left destroyed: COOPNET_EINVAL for an unknown attribute, COOPNET_ENOMEM, COOPNET_EINTERNAL.
 * Cost: O(V + E + ties + sum over vertices of the two-paths through it) time, O(V + E) memory. */
COOPNET_API int coopnet_brokerage_compute(const coopnet_graph_t *graph, const char *attribute,
                                          coopnet_brokerage_t *brokerage, coopnet_error_t *err);

/* Frees what brokerage owns. Accepts a zeroed object. */
COOPNET_API void coopnet_brokerage_destroy(coopnet_brokerage_t *brokerage);

#ifdef __cplusplus
}
#endif
#endif
