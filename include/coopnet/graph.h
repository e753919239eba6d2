/* SPDX-License-Identifier: GPL-3.0-or-later */
/* coopnet/graph.h - the graphs built from a bundle.
 *
 * The cooperation graph is undirected, simple and weighted: actors a and b are linked when they
 * attend at least one common event or share a tie. Options choose the layers, the weighting of
 * the event layer, a cut-off date and which actors take part. The two-mode graph links actors to
 * the events they attend.
 *
 * igraph types flow through this API: the graphs are ordinary igraph_t objects that the caller
 * may pass to any igraph function. Every *_init has a *_destroy that accepts a zeroed object.
 */
#ifndef COOPNET_GRAPH_H
#define COOPNET_GRAPH_H

#include "coopnet/api.h"

#include "coopnet/bundle.h"
#include "coopnet/error.h"

#include <igraph.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

typedef enum {
    COOPNET_LAYER_ALL = 0, /* events and ties */
    COOPNET_LAYER_EVENTS,
    COOPNET_LAYER_TIES
} coopnet_layer_t;

typedef enum {
    COOPNET_WEIGHTING_COUNT = 0, /* number of shared events */
    COOPNET_WEIGHTING_NEWMAN,    /* sum over shared events of 1 / (size - 1) */
    COOPNET_WEIGHTING_JACCARD    /* shared events / events of either */
} coopnet_weighting_t;

/* Which co-attending pairs keep their event-layer link (coopnet/backbone.h): every pair (the
 * default), the pairs significant under the SDSM or the fixed-row model at alpha 0.05 without
 * correction, or the pairs sharing at least min_shared events. Ties are not filtered. */
typedef enum {
    COOPNET_GRAPH_BACKBONE_NONE = 0,
    COOPNET_GRAPH_BACKBONE_SDSM,
    COOPNET_GRAPH_BACKBONE_FIXED_ROW,
    COOPNET_GRAPH_BACKBONE_MIN_SHARED
} coopnet_graph_backbone_kind_t;

typedef struct coopnet_graph_backbone {
    coopnet_graph_backbone_kind_t kind;
    int min_shared; /* K of COOPNET_GRAPH_BACKBONE_MIN_SHARED, >= 1 */
} coopnet_graph_backbone_t;

/* How a date known only within bounds is read (docs/temporal.md): CERTAIN counts what holds
 * whatever the exact day was, POSSIBLE what holds for some day within the bounds. */
typedef enum { COOPNET_READING_CERTAIN = 0, COOPNET_READING_POSSIBLE = 1 } coopnet_reading_t;

/* Parses "certain" or "possible"; COOPNET_EINVAL naming the value otherwise. */
COOPNET_API int coopnet_reading_parse(const char *text, coopnet_reading_t *reading,
                                      coopnet_error_t *err);
COOPNET_API const char *coopnet_reading_name(coopnet_reading_t reading);

typedef struct coopnet_graph_options {
    coopnet_layer_t layer;
    /* NULL: every tie type of the layer. Else the relation layers kept, as parsed by
     * coopnet_graph_parse_layers ("events,mou,formal"; not owned): ties count only when their
     * type is named, or "formal" names it (coopnet_tie_type_is_formal), or "ties" or "all" is */
    const char *layers;
    coopnet_weighting_t weighting;
    /* precision NONE: no cut-off. Else an event or tie counts when it is certainly on or before
     * the as-of date's last day (its latest possible day is), or with as_of_reading POSSIBLE when
     * it may be (its earliest possible day is); undated rows read as the whole study window */
    coopnet_date_t as_of;
    coopnet_reading_t as_of_reading;
    coopnet_date_t since; /* precision NONE: no lower bound; else (a window, with as_of)
                           * only events ending on or after it and ties not ended before */
    /* the study window undated rows and open interval sides read as: an interval date
     * (FROM/TO); precision NONE: the bundle's (coopnet_bundle_window) */
    coopnet_date_t window;
    const char *const *exclude; /* actor ids left out; n_exclude of them (not owned) */
    size_t n_exclude;
    unsigned level_mask; /* bit (1 << level) keeps that level; 0 keeps all */
    /* event ids left out, n_exclude_events of them (not owned): their co-attendance links go,
     * their participants stay (coopnet/whatif.h drops the events a withdrawn actor convened) */
    const char *const *exclude_events;
    size_t n_exclude_events;
    coopnet_graph_backbone_t backbone; /* zero: every co-attending pair */
    /* the memory budget, in bytes, of the large structures built from these options: the graph
     * and what the analyses of coopnet/ allocate for it (matrices, snapshots, sketches, images)
     * are estimated before they are allocated and refused (COOPNET_ELIMIT) over it. Default
     * COOPNET_DEFAULT_MEMORY_LIMIT */
    uint64_t memory_limit;
} coopnet_graph_options_t;

/* The default memory budget: 1.5 GiB, a fixed number rather than a share of this machine's memory
 * so that the same command gives the same result (exact or estimated reach) or the same refusal
 * on every machine. */
#define COOPNET_DEFAULT_MEMORY_LIMIT (UINT64_C(3) << 29)

/* The budget check every large allocation of the library makes before allocating: COOPNET_OK
 * when needed <= limit, else COOPNET_ELIMIT with the message "WHAT needs NEEDED, over the memory
 * limit LIMIT", WHAT formatted from format. O(1). */
COOPNET_API int coopnet_graph_check_memory(uint64_t limit, uint64_t needed, coopnet_error_t *err,
                                           const char *format, ...)
    __attribute__((format(printf, 4, 5)));

/* What the cooperation graph of bundle under options may take, in bytes, at most: an upper bound
 * on its links (below) times COOPNET_GRAPH_BYTES_PER_LINK, which covers the graph, its weights
 * and counts and the build's growing vectors. The bound on the links: the fewer of the sum over
 * kept events of k (k - 1) / 2 for k kept participants plus the kept ties, and half the sum over
 * kept actors of min(A - 1, the sizes less one of its events plus its ties). *links (may be NULL)
 * receives that bound. ENOMEM; EINVAL as coopnet_graph_init_cooperation for unknown excluded
 * ids. O(actors + events + participations + ties). */
COOPNET_API int coopnet_graph_estimate_memory(const coopnet_bundle_t *bundle,
                                              const coopnet_graph_options_t *options,
                                              uint64_t *bytes, uint64_t *links,
                                              coopnet_error_t *err);
#define COOPNET_GRAPH_BYTES_PER_LINK 128

/* Defaults: all layers, count weighting, no cut-off, every actor, the default memory limit. */
COOPNET_API void coopnet_graph_options_init(coopnet_graph_options_t *options);

/* The study window options give for bundle: options->window when set, else the bundle's
 * (coopnet_bundle_window). False, with days 0, when there is none: neither is set and the bundle
 * has no date. O(1). */
COOPNET_API bool coopnet_graph_options_window(const coopnet_graph_options_t *options,
                                              const coopnet_bundle_t *bundle, int32_t *first,
                                              int32_t *last);

/* Sets options->since and options->as_of to the window FROM/TO (an interval date; an open side
 * '..' leaves that bound unset): the one definition of `--between` and of each window of
 * `--compare`. Events and ties then count as options->as_of_reading says (certain: surely under
 * way in the window; possible: possibly). EINVAL when window is not an interval. O(1). */
COOPNET_API int coopnet_graph_options_set_between(coopnet_graph_options_t *options,
                                                  coopnet_date_t window, coopnet_error_t *err);

/* Parses the option values the command line takes ("events", "newman", "local,national");
 * COOPNET_EINVAL with a message naming the value otherwise. */
COOPNET_API int coopnet_graph_parse_layer(const char *text, coopnet_layer_t *layer,
                                          coopnet_error_t *err);
/* Parses a comma-separated list of relation layers: "events" (co-attendance), "ties" (every tie
 * type), "formal" (the agreement types), "all", or tie types ("mou,partnership"), and sets
 * options->layer to what the list spans and options->layers to text (which must outlive the
 * options) when the list names tie types. EINVAL naming an empty item. O(length). */
COOPNET_API int coopnet_graph_parse_layers(const char *text, coopnet_graph_options_t *options,
                                           coopnet_error_t *err);

/* EINVAL when options->layers names a tie type that is neither one of the recommended types
 * (docs/bundle-format.md) nor found in bundle, listing the types the data has. O(ties). */
COOPNET_API int coopnet_graph_check_layers(const coopnet_bundle_t *bundle,
                                           const coopnet_graph_options_t *options,
                                           coopnet_error_t *err);

COOPNET_API int coopnet_graph_parse_weighting(const char *text, coopnet_weighting_t *weighting,
                                              coopnet_error_t *err);
COOPNET_API int coopnet_graph_parse_levels(const char *text, unsigned *level_mask,
                                           coopnet_error_t *err);
/* "none", "sdsm", "fixed-row" or "min-shared:K" (K a whole number >= 1). */
COOPNET_API int coopnet_graph_parse_backbone(const char *text, coopnet_graph_backbone_t *backbone,
                                             coopnet_error_t *err);

/* True when the options keep this event / tie / actor (as-of date, filters, excluded events).
 * An excluded event is recognised by its id: O(n_exclude_events) per event; ids not in the
 * bundle are simply never matched (the graph builders reject them, below). */
COOPNET_API bool coopnet_graph_keeps_event(const coopnet_bundle_t *bundle, size_t event,
                                           const coopnet_graph_options_t *options);
COOPNET_API bool coopnet_graph_keeps_tie(const coopnet_bundle_t *bundle, size_t tie,
                                         const coopnet_graph_options_t *options);

/* The cooperation graph, and where it came from: the analyses of coopnet/nlc.h, groups.h,
 * brokerage.h and communities.h read the bundle and the options from the graph itself, so a
 * result always describes the graph it was computed on. */
typedef struct coopnet_graph {
    igraph_t graph;                    /* undirected, simple */
    igraph_vector_t weight;            /* per edge, > 0 */
    igraph_vector_int_t shared_events; /* per edge: events both ends attended */
    igraph_vector_int_t shared_ties;   /* per edge: ties between the ends */
    igraph_vector_int_t layer_set;     /* per edge: its index into layer_sets */
    /* The distinct sets of relation layers that support an edge, each as text: "events" when the
     * graph kept co-attendance for the pair (after the backbone), then the types of the kept ties
     * between the ends, distinct (strcmp) and sorted (strcmp), joined by ';'
     * ("events;mou;technical_support"). Read them with coopnet_graph_edge_layers. Owned. */
    char **layer_sets;
    size_t n_layer_sets;
    igraph_vector_int_t actor_of_vertex; /* vertex -> index into bundle->actors */
    igraph_vector_int_t vertex_of_actor; /* actor -> vertex, or -1 when filtered out */

    const coopnet_bundle_t *bundle;  /* built from this bundle: not owned, must outlive the graph */
    coopnet_graph_options_t options; /* an owned copy of the options that built it (its exclude
                                      * and exclude_events ids too), read-only */
    uint64_t build_id; /* unique to this build in the process (never 0): values computed for a
                        * graph can be checked against the graph they are given with */
    unsigned members_; /* internal: which members are initialised (coopnet_graph_destroy) */
} coopnet_graph_t;

/* Builds the cooperation graph of bundle under options. Vertices are the kept actors in bundle
 * order. Before building, refuses (COOPNET_ELIMIT, err naming the estimate and the limit) when
 * coopnet_graph_estimate_memory is over options->memory_limit. The graph keeps a pointer to bundle
 * (which must outlive it) and a copy of options (options itself may go away). With
 * options->backbone, a co-attending pair that the backbone does not keep has no shared events in
 * the graph (and no link unless a tie joins it). On failure graph is left destroyed and err says
 * why (EINVAL for an unknown actor among the excluded ids or an unknown event among the excluded
 * events, EDATA when the SDSM fit does not converge, ENOMEM). Cost: O(sum over events of size^2 +
 * ties log ties + events * excluded events) time, O(edges) memory beyond the graph, plus the
 * backbone's (coopnet_backbone_compute) with sdsm or fixed-row. */
COOPNET_API int coopnet_graph_init_cooperation(coopnet_graph_t *graph,
                                               const coopnet_bundle_t *bundle,
                                               const coopnet_graph_options_t *options,
                                               coopnet_error_t *err);

/* Frees what the graph owns. Accepts a zeroed object. */
COOPNET_API void coopnet_graph_destroy(coopnet_graph_t *graph);

/* The relation layers that support edge (0 <= edge < igraph_ecount(&graph->graph)), as text:
 * "events", "mou", "events;mou;technical_support" (see layer_sets). The one definition of a
 * link's layers: the exports, `nlc --table links` and the JSON/CSV of every command that lists
 * links read it. Points into graph (valid while it lives). O(1). */
COOPNET_API const char *coopnet_graph_edge_layers(const coopnet_graph_t *graph,
                                                  igraph_integer_t edge);

typedef struct coopnet_two_mode {
    igraph_t graph;                /* undirected; vertices: kept actors, then kept events */
    igraph_vector_bool_t is_event; /* per vertex: igraph's bipartite "types" */
    igraph_vector_int_t item;      /* per vertex: index of the actor or event in the bundle */
    igraph_integer_t n_actor_vertices;

    const coopnet_bundle_t *bundle;  /* built from this bundle: not owned, must outlive it */
    coopnet_graph_options_t options; /* an owned copy of the options that built it */
    unsigned members_;               /* internal: which members are initialised */
} coopnet_two_mode_t;

/* Builds the actor-event graph under the same options (the tie layer is ignored). O(V + E). */
COOPNET_API int coopnet_two_mode_init(coopnet_two_mode_t *two_mode, const coopnet_bundle_t *bundle,
                                      const coopnet_graph_options_t *options, coopnet_error_t *err);
COOPNET_API void coopnet_two_mode_destroy(coopnet_two_mode_t *two_mode);

/* Whole-graph figures for `coopnet info`. */
typedef struct coopnet_graph_summary {
    igraph_integer_t n_vertices, n_edges;
    double density;                /* edges / possible edges; 0 below 2 vertices */
    igraph_integer_t n_components; /* weakly connected components */
    igraph_integer_t largest_component;
    igraph_integer_t n_isolates;
    double total_weight;
} coopnet_graph_summary_t;

COOPNET_API int coopnet_graph_summarise(const coopnet_graph_t *graph,
                                        coopnet_graph_summary_t *summary, coopnet_error_t *err);

#ifdef __cplusplus
}
#endif
#endif
