/* SPDX-License-Identifier: GPL-3.0-or-later */
/* coopnet/whatif.h - what if an actor withdrew: the cooperation graph before and after.
 *
 * Withdrawing actors removes them from the cooperation graph and, unless keep_events, the events
 * they convened: those where one of them takes part as host, organiser or facilitator. An event
 * with several conveners goes when any of them withdraws (the event is assumed not to happen
 * without it). Removing the actor alone (what the graph option exclude does) keeps its
 * workshops, so the others still sit together in them and the network looks as connected as
 * before; dropping the events too is the honest answer to "would the others still be linked?".
 * Ties between the remaining actors stay.
 *
 * The "after" graph is built from the "before" graph's own options (layer, weighting, dates,
 * levels, exclusions) plus the withdrawn actors in exclude and the dropped events in
 * exclude_events (coopnet/graph.h), so both graphs describe the same data under the same options.
 *
 * Fragmentation is Borgatti's (2006) key-player measure F = 1 - sum_k s_k (s_k - 1) / (n (n - 1))
 * over the components k of sizes s_k of a graph of n actors: 0 when every actor reaches every
 * other, 1 when no one reaches anyone (docs/measures.md). "After" is measured on the remaining
 * actors.
 */
#ifndef COOPNET_WHATIF_H
#define COOPNET_WHATIF_H

#include "coopnet/api.h"

#include "coopnet/bundle.h"
#include "coopnet/error.h"
#include "coopnet/graph.h"

#include <igraph.h>
#include <stdbool.h>
#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

/* Borgatti's fragmentation of graph (undirected): NaN below 2 vertices, where nothing can be
 * fragmented. COOPNET_ENOMEM on failure. O(V + E). */
COOPNET_API int coopnet_whatif_fragmentation(const igraph_t *graph, double *fragmentation,
                                             coopnet_error_t *err);

/* The connectedness of one cooperation graph. */
typedef struct coopnet_whatif_side {
    igraph_integer_t actors, links;
    igraph_integer_t events;            /* events the graph's options keep */
    igraph_integer_t components;        /* connected components, isolated actors included */
    igraph_integer_t largest_component; /* actors in the largest; 0 for an empty graph */
    igraph_integer_t isolated;          /* actors without a link */
    igraph_integer_t isolated_by_level[COOPNET_LEVEL_COUNT];
    double fragmentation; /* coopnet_whatif_fragmentation; NaN below 2 actors */
} coopnet_whatif_side_t;

/* NLC links (coopnet/nlc.h) between one subnational level and the national level of a country,
 * before and after. Every link after was a link before, so after - before is the number lost. */
typedef struct coopnet_whatif_nlc {
    const char *country;   /* "*" for the whole network, else points into the bundle */
    coopnet_level_t level; /* COOPNET_LEVEL_LOCAL or COOPNET_LEVEL_REGIONAL, with national */
    igraph_integer_t before, after;
} coopnet_whatif_nlc_t;

typedef struct coopnet_whatif {
    coopnet_whatif_side_t before, after;
    coopnet_whatif_nlc_t *nlc; /* the countries of the before graph's NLC table in its order
                                  (the whole network "*" first), local then regional */
    size_t n_nlc;
    size_t *withdrawn; /* actor indexes, in bundle order, each once */
    size_t n_withdrawn;
    size_t *dropped_events; /* event indexes, in bundle order: events the before graph keeps
                               that a withdrawn actor convened (none with keep_events) */
    size_t n_dropped_events;
    size_t *isolated; /* actor indexes, in bundle order: linked before, isolated after */
    size_t n_isolated;
    coopnet_graph_t graph_after; /* the after graph (owned; its options say what it left out) */
} coopnet_whatif_t;

/* Withdraws the actors with the n_withdraw ids withdraw (duplicates allowed; an actor already
 * left out of before still has its events dropped) from the cooperation graph before, and
 * compares. before (and its bundle) must outlive the result (country strings and the after
 * graph point into the bundle). On success *whatif is the caller's (coopnet_whatif_destroy); on
 * failure it is left destroyed: COOPNET_EINVAL for an id that is no actor of the bundle ("unknown
 * actor 'x' among the actors to withdraw"), COOPNET_ENOMEM. Cost: one graph build (coopnet/graph.h)
 * plus O(participations + V log V + E) for the events and the comparison. */
COOPNET_API int coopnet_whatif_compute(const coopnet_graph_t *before, const char *const *withdraw,
                                       size_t n_withdraw, bool keep_events,
                                       coopnet_whatif_t *whatif, coopnet_error_t *err);

/* Frees what whatif owns. Accepts a zeroed object. */
COOPNET_API void coopnet_whatif_destroy(coopnet_whatif_t *whatif);

/* One actor tried by coopnet_whatif_rank: the graph after it withdrew with its events. */
typedef struct coopnet_whatif_ranked {
    double rank; /* competition rank ("1224", coopnet_rank_competition): 1 + the number of actors
                  * tried whose withdrawal fragments more; NaN when the fragmentation is */
    igraph_integer_t vertex; /* in the graph ranked */
    size_t actor;            /* index into the bundle */
    igraph_integer_t degree; /* in the graph ranked */
    size_t n_dropped_events; /* events it convened */
    size_t n_isolated;       /* actors linked before, isolated after */
    coopnet_whatif_side_t after;
} coopnet_whatif_ranked_t;

typedef struct coopnet_whatif_ranking {
    coopnet_whatif_side_t before;
    coopnet_whatif_ranked_t *items; /* by fragmentation after, highest first (coopnet/rank.h:
                                       NaN last, ties in bundle order) */
    size_t n_items;                 /* how many were tried: every actor, or the top by degree */
} coopnet_whatif_ranking_t;

/* The key players of graph: for every actor of graph, or when top > 0 only for the top actors
 * by degree (ties in bundle order) to bound the cost, the graph after it withdraws with the
 * events it convened, ranked by fragmentation. On success *ranking is the caller's
 * (coopnet_whatif_ranking_destroy); on failure (COOPNET_ENOMEM) it is left destroyed. Cost: one
 * graph build per actor tried, O(candidates * (sum over events of size^2 + ties + participations
 * + events * events convened)), and O(V + events) memory beyond one graph. */
COOPNET_API int coopnet_whatif_rank(const coopnet_graph_t *graph, size_t top,
                                    coopnet_whatif_ranking_t *ranking, coopnet_error_t *err);

/* Frees what ranking owns. Accepts a zeroed object. */
COOPNET_API void coopnet_whatif_ranking_destroy(coopnet_whatif_ranking_t *ranking);

/* How many events graph keeps that actor (an index into graph->bundle->actors) hosted, organised
 * or facilitated: the events that stay in a graph which merely excludes the actor, and that a
 * withdrawal with its events would drop. O(participations). */
COOPNET_API size_t coopnet_whatif_convened_events(const coopnet_graph_t *graph, size_t actor);

/* The same for every actor at once: counts[a] for each a < graph->bundle->n_actors (counts must
 * hold that many). O(participations) in all, where calling coopnet_whatif_convened_events per
 * actor is O(actors x participations). */
COOPNET_API void coopnet_whatif_convened_counts(const coopnet_graph_t *graph, size_t *counts);

/* True when an actor taking part in an event in role convenes it (host, organiser, facilitator):
 * the one rule by which a withdrawal drops events, for callers that apply it themselves (the
 * explorer's "without" filter, coopnet/explore.h). O(1). */
COOPNET_API bool coopnet_whatif_role_convenes(coopnet_role_t role);

#ifdef __cplusplus
}
#endif
#endif
