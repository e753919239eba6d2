/* SPDX-License-Identifier: GPL-3.0-or-later */
/* coopnet/nlc.h - national-local cooperation: links between levels, per country.
 *
 * For each country and for the whole network ("*"), the cooperation-graph edges between each
 * pair of levels, the number of such edges possible and the density. An edge between two actors
 * of the same country counts for that country; an edge with an international actor counts for
 * the country of the other end (so within a country the international level holds every
 * international actor of the graph); an edge between actors of two different countries, or
 * between two international actors, counts only for the whole network. Actors without a country
 * count only for the whole network.
 */
#ifndef COOPNET_NLC_H
#define COOPNET_NLC_H

#include "coopnet/api.h"

#include "coopnet/bundle.h"
#include "coopnet/error.h"
#include "coopnet/graph.h"

#include <igraph.h>

#ifdef __cplusplus
extern "C" {
#endif

typedef struct coopnet_nlc_pair {
    const char *country;              /* "*" for the whole network; else points into the bundle */
    coopnet_level_t level_a, level_b; /* level_a <= level_b */
    igraph_integer_t edges;
    igraph_integer_t n_a, n_b; /* actors at level_a and at level_b (as counted for country) */
    double possible;           /* pairs of actors at these levels: n_a n_b, or n (n - 1) / 2 */
    double density;            /* edges / possible; NaN when nothing is possible */
} coopnet_nlc_pair_t;

/* How many local and regional actors of a country reach one of its national actors directly. */
typedef struct coopnet_nlc_reach {
    const char *country;          /* points into the bundle */
    igraph_integer_t subnational; /* local and regional actors of the country */
    igraph_integer_t linked;      /* of them, with an edge to a national actor of the country */
    igraph_integer_t national;    /* national actors of the country */
    double share; /* linked / subnational; NaN when there are none, or when the data has no
                   * national actor of the country (unknown, not 0%) */
} coopnet_nlc_reach_t;

typedef struct coopnet_nlc {
    coopnet_nlc_pair_t *pairs; /* the whole network's 10 pairs first, then each country's 9
                                  (no international-international), countries alphabetically */
    size_t n_pairs;
    coopnet_nlc_reach_t *reach; /* one per country, alphabetically */
    size_t n_countries;
} coopnet_nlc_t;

/* Computes the level-pair table and the reach of national actors of graph (its bundle,
 * graph->bundle, must outlive nlc: the country strings point into it). On success *nlc is owned by
 * the caller (coopnet_nlc_destroy); on failure (COOPNET_ENOMEM) it is left destroyed. O(V log V +
 * E) time, O(V + countries) memory. */
COOPNET_API int coopnet_nlc_compute(const coopnet_graph_t *graph, coopnet_nlc_t *nlc,
                                    coopnet_error_t *err);

/* Frees what nlc owns. Accepts a zeroed object. */
COOPNET_API void coopnet_nlc_destroy(coopnet_nlc_t *nlc);

#ifdef __cplusplus
}
#endif
#endif
