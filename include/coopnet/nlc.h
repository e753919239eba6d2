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
    /* of the linked, by what (an actor may count in both): those with a link that carries a
     * formal tie (coopnet_tie_type_is_formal: an agreement or technical support), and those with
     * a link that carries shared events (co-attendees, after the backbone); the shares are of
     * subnational, NaN when share is */
    igraph_integer_t linked_formal, co_attendees;
    double formal_share, co_attendee_share;
    /* events the graph kept for co-attendance, attended by an actor of the country, with more
     * participants stated than named (coopnet_event_has_unnamed_participants): when > 0 and not
     * every subnational actor is linked, linked is a lower bound (the unnamed may be the missing
     * links) */
    igraph_integer_t unnamed_events;
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

/* What supports a national-local link: its strongest relation. */
typedef enum {
    COOPNET_NLC_BASIS_CO_ATTENDANCE = 0, /* shared events only, no tie */
    COOPNET_NLC_BASIS_TIES,              /* a tie, none of a formal type */
    COOPNET_NLC_BASIS_FORMAL             /* a tie of a formal type (coopnet_tie_type_is_formal) */
} coopnet_nlc_basis_t;

/* One link of the cooperation graph between a national actor and a local or regional actor of
 * the same country, and what supports it. */
typedef struct coopnet_nlc_link {
    const char *country;             /* points into the bundle */
    const coopnet_actor_t *national; /* points into the bundle */
    const coopnet_actor_t *other;    /* local or regional; points into the bundle */
    igraph_integer_t edge;           /* the link's edge in graph->graph */
    igraph_integer_t shared_events;  /* graph->shared_events of the edge */
    igraph_integer_t ties;           /* graph->shared_ties of the edge */
    const char *layers;              /* the layers that support it (coopnet_graph_edge_layers:
                                      * "events;mou"); points into the graph */
    const char *tie_types;           /* the distinct types of those ties, sorted, joined by ';'
                                      * ("mou;technical_support"), the layers after "events";
                                      * "" when none; points into the graph */
    coopnet_date_t first_date;       /* the earliest date of a dated shared event or tie start
                                      * (at its precision); precision NONE when none is dated */
    coopnet_nlc_basis_t basis;
} coopnet_nlc_link_t;

typedef struct coopnet_nlc_links {
    coopnet_nlc_link_t *links; /* by country, then national id, then other id (strcmp) */
    size_t n_links;
} coopnet_nlc_links_t;

/* Lists the national-local and national-regional links of graph, per country. The shared events
 * and ties of a link are those the graph was built with (graph->options: layer, dates, excluded
 * events, backbone), so the counts are the graph's own per-edge counts and first_date only looks
 * at the events the graph kept for the pair. graph->bundle must outlive links (the strings and
 * actors point into it), and so must graph (the layers point into it). On success *links is owned
 * by the caller (coopnet_nlc_links_destroy); on failure (COOPNET_ENOMEM) it is left destroyed.
 * Cost: O(E + L log L + T log d + sum over kept dated events of national participants x size x log
 * d) time, L links, T ties, d the largest degree; O(E + T) memory. */
COOPNET_API int coopnet_nlc_links_compute(const coopnet_graph_t *graph, coopnet_nlc_links_t *links,
                                          coopnet_error_t *err);

/* Frees what links owns. Accepts a zeroed object. */
COOPNET_API void coopnet_nlc_links_destroy(coopnet_nlc_links_t *links);

/* "co-attendance", "ties" or "formal". */
COOPNET_API const char *coopnet_nlc_basis_name(coopnet_nlc_basis_t basis);

#ifdef __cplusplus
}
#endif
#endif
