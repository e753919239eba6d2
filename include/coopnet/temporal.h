/* SPDX-License-Identifier: GPL-3.0-or-later */
/* coopnet/temporal.h - peer-learning reach over time (docs/temporal.md).
 *
 * Every dated event is one group contact at its date among its participants; every tie with a
 * start date is a contact at that date between its ends (one-way when directed). Knowledge
 * travels along time-respecting paths: a sequence of contacts with strictly increasing dates,
 * where, with a maximum wait W, each contact after the first is at most W days after the
 * contact that informed the actor passing it on. Inside one event an informed participant
 * informs all others at once (one hop); in presenter mode only presenters, hosts, organisers and
 * facilitators pass knowledge on at events.
 *
 * A coopnet_temporal_network_t holds the contacts of a bundle under the options, sorted by
 * date; the analyses below run on it:
 *   - coopnet_temporal_reach_forward / _backward: one source (or target), exact arrival
 *     (departure) date, fewest hops and the last (first) contact per actor, and pathways;
 *   - coopnet_temporal_all_sources: every source at once with bitsets, out/in reach and
 *     harmonic temporal closeness, and the number of newly reachable pairs per contact day;
 *     coopnet_temporal_all_sources_estimate: the same estimated with HyperLogLog sketches, in
 *     memory linear in the actors;
 *   - coopnet_temporal_curve_*: cumulative reach by month, quarter or year.
 */
#ifndef COOPNET_TEMPORAL_H
#define COOPNET_TEMPORAL_H

#include "coopnet/api.h"

#include "coopnet/bundle.h"
#include "coopnet/error.h"
#include "coopnet/graph.h"
#include "coopnet/progress.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

typedef enum {
    COOPNET_TEMPORAL_MODE_ALL = 0,  /* every participant of an event passes knowledge on */
    COOPNET_TEMPORAL_MODE_PRESENTER /* only presenter, host, organiser, facilitator pass it on */
} coopnet_temporal_mode_t;

typedef struct coopnet_temporal_options {
    /* layer, exclude and level_mask choose the contacts and actors; an as_of date drops what
     * coopnet_graph_keeps_event / _keeps_tie drop; window is the study window undated contacts
     * and open interval sides read as; weighting is ignored */
    coopnet_graph_options_t graph;
    /* how contacts known only within bounds chain (docs/temporal.md): CERTAIN (the default)
     * follows paths that hold whatever the exact days were, POSSIBLE paths that hold for some
     * days within the bounds; with exact dates both agree */
    coopnet_reading_t reading;
    coopnet_date_t since;         /* first day of its period; NONE: the bundle's earliest date */
    coopnet_date_t until;         /* last day of its period; NONE: no limit */
    int32_t max_wait;             /* days, >= 0; negative: no limit */
    coopnet_temporal_mode_t mode; /* who passes knowledge on at events */
} coopnet_temporal_options_t;

/* Defaults: all contacts and actors, no since/until, no maximum wait, mode all, the certain
 * reading. */
COOPNET_API void coopnet_temporal_options_init(coopnet_temporal_options_t *options);

/* Parses "all" or "presenter"; COOPNET_EINVAL naming the value otherwise. */
COOPNET_API int coopnet_temporal_parse_mode(const char *text, coopnet_temporal_mode_t *mode,
                                            coopnet_error_t *err);

/* True for the roles that pass knowledge on in presenter mode. */
COOPNET_API bool coopnet_temporal_role_passes(coopnet_role_t role);

/* A contact: the event or the tie it comes from. */
typedef enum { COOPNET_CONTACT_EVENT = 0, COOPNET_CONTACT_TIE = 1 } coopnet_contact_kind_t;

typedef struct coopnet_contact_ref {
    coopnet_contact_kind_t kind;
    int32_t index; /* into bundle->events or bundle->ties; -1: none */
} coopnet_contact_ref_t;

typedef struct coopnet_temporal_network coopnet_temporal_network_t;

/* Builds the contacts of bundle under options (copied). bundle must outlive the network.
 * On success *network is owned by the caller (coopnet_temporal_network_free); on failure it is
 * NULL and err says why: EINVAL for an unknown --exclude id or until before since, ENOMEM.
 * O(participations + ties + C log C) for C contacts. */
COOPNET_API int coopnet_temporal_network_alloc(const coopnet_bundle_t *bundle,
                                               const coopnet_temporal_options_t *options,
                                               coopnet_temporal_network_t **network,
                                               coopnet_error_t *err);

/* Frees the network. NULL is accepted. */
COOPNET_API void coopnet_temporal_network_free(coopnet_temporal_network_t *network);

/* The networks of both readings of bundle under options (options->reading is ignored): on
 * success *certain, and *possible when some contact is known only within bounds; *possible is
 * NULL when every contact is exact (the readings then agree). Both owned by the caller
 * (coopnet_temporal_network_free); on failure both NULL. Failures and cost as
 * coopnet_temporal_network_alloc, once or twice. */
COOPNET_API int coopnet_temporal_networks_alloc(const coopnet_bundle_t *bundle,
                                                const coopnet_temporal_options_t *options,
                                                coopnet_temporal_network_t **certain,
                                                coopnet_temporal_network_t **possible,
                                                coopnet_error_t *err);

/* What the network was built from and with. */
COOPNET_API const coopnet_bundle_t *
coopnet_temporal_network_bundle(const coopnet_temporal_network_t *network);
COOPNET_API size_t coopnet_temporal_network_contacts(const coopnet_temporal_network_t *network);
/* The reading the network was built for, and whether every contact is known to the day (then
 * the certain and the possible reading give the same results). */
COOPNET_API coopnet_reading_t
coopnet_temporal_network_reading(const coopnet_temporal_network_t *network);
COOPNET_API bool coopnet_temporal_network_is_exact(const coopnet_temporal_network_t *network);
/* Actors kept by the filters (the n of the closeness and the ratios). */
COOPNET_API size_t coopnet_temporal_network_actors(const coopnet_temporal_network_t *network);
COOPNET_API bool coopnet_temporal_network_keeps_actor(const coopnet_temporal_network_t *network,
                                                      size_t actor);
/* The first day counted (since) and the last (INT32_MAX without until). */
COOPNET_API int32_t coopnet_temporal_network_since(const coopnet_temporal_network_t *network);
COOPNET_API int32_t coopnet_temporal_network_until(const coopnet_temporal_network_t *network);
/* The days [*lo, *hi] a contact of the network may fall on (its bounds read against the study
 * window, within since..until); false (0, 0) when the network does not hold it. O(contacts). */
COOPNET_API bool coopnet_temporal_contact_bounds(const coopnet_temporal_network_t *network,
                                                 coopnet_contact_ref_t contact, int32_t *lo,
                                                 int32_t *hi);
/* The date of a contact as written in the bundle (an event's date, a tie's start). */
COOPNET_API coopnet_date_t coopnet_temporal_contact_date(const coopnet_temporal_network_t *network,
                                                         coopnet_contact_ref_t contact);

/* ---- one source or one target ------------------------------------------------------------ */

#define COOPNET_TEMPORAL_NEVER INT32_MIN

typedef struct coopnet_temporal_record coopnet_temporal_record_t; /* internal */

typedef struct coopnet_temporal_reach {
    bool backward;   /* false: from source; true: towards target (the field is named source) */
    int32_t source;  /* bundle actor index */
    size_t n_actors; /* bundle->n_actors; the arrays below have this many entries */
    /* forward: arrival day; backward: the latest departure day; COOPNET_TEMPORAL_NEVER when
     * not reached, for the source itself and for filtered-out actors */
    int32_t *day;
    int32_t *hops;              /* fewest contacts among the paths on that day; -1: none */
    coopnet_contact_ref_t *via; /* forward: the last contact; backward: the first one */
    size_t n_reached;           /* actors other than the source with a day */

    /* the records the pathways are read from (internal) */
    coopnet_temporal_record_t *records;
    int32_t *first_record; /* per actor, -1: none */
} coopnet_temporal_reach_t;

/* Earliest arrival from source (a bundle actor index) to every actor, in one pass over the
 * contacts in date order. reach must be zeroed or destroyed; on success it owns its arrays
 * (coopnet_temporal_reach_destroy). Fails with EINVAL when source is out of range or filtered
 * out, ENOMEM; reach is left destroyed then. O(M + A) time and memory for M contact members
 * (participations plus tie ends) and A actors. */
COOPNET_API int coopnet_temporal_reach_forward(const coopnet_temporal_network_t *network,
                                               size_t source, coopnet_temporal_reach_t *reach,
                                               coopnet_error_t *err);

/* Latest departure towards target: for every actor a that can reach target, the latest date of
 * the first contact of a path from a to target, the fewest hops among such paths and that first
 * contact. One pass in reverse date order. Same contract and cost as the forward pass. */
COOPNET_API int coopnet_temporal_reach_backward(const coopnet_temporal_network_t *network,
                                                size_t target, coopnet_temporal_reach_t *reach,
                                                coopnet_error_t *err);

/* Frees the arrays. Accepts a zeroed object. */
COOPNET_API void coopnet_temporal_reach_destroy(coopnet_temporal_reach_t *reach);

/* One step of a pathway: from passes knowledge to to at contact on date. */
typedef struct coopnet_temporal_step {
    int32_t from, to; /* bundle actor indices */
    coopnet_contact_ref_t contact;
    coopnet_date_t date;
} coopnet_temporal_step_t;

/* The pathway between the reach's source and actor, in date order: forward, from the source to
 * actor arriving on actor's arrival day with the fewest hops; backward, from actor to the
 * target leaving on actor's departure day with the fewest hops. *steps (caller frees with
 * free()) gets *n_steps entries; both are NULL/0 when actor is not reached. EINVAL when actor is
 * out of range, ENOMEM. O(hops). */
COOPNET_API int coopnet_temporal_reach_path(const coopnet_temporal_network_t *network,
                                            const coopnet_temporal_reach_t *reach, size_t actor,
                                            coopnet_temporal_step_t **steps, size_t *n_steps,
                                            coopnet_error_t *err);

/* ---- all sources --------------------------------------------------------------------------- */

typedef struct coopnet_temporal_all {
    size_t n_actors;      /* bundle->n_actors */
    size_t n_kept;        /* actors kept by the filters */
    int64_t *out_reach;   /* per actor: actors it reaches (itself excluded); -1: filtered out */
    int64_t *in_reach;    /* per actor: actors that reach it; -1: filtered out */
    double *closeness;    /* (1/(n_kept-1)) sum over reached b of 1/(arrival - since + 1) */
    size_t n_days;        /* contact days */
    int32_t *days;        /* ascending */
    uint64_t *new_pairs;  /* per contact day: ordered pairs (a, b), a != b, first reached then */
    uint64_t total_pairs; /* all ordered pairs reached */
    int precision;        /* 0: exact; else the estimate's sketch precision p (2^p registers) */
    double relative_standard_error; /* 0 when exact; the estimate's 1.04 / sqrt(2^p) */
} coopnet_temporal_all_t;

/* Reach of every kept actor as a source, in one pass over the contacts in date order carrying a
 * bitset of sources per actor (with a maximum wait: the latest day each actor was informed by
 * each source). all must be zeroed or destroyed; on success it owns its arrays. progress may be
 * NULL (stage "temporal reach", one unit per contact). ENOMEM when the state does not fit; all
 * is left destroyed on failure. Cost without a maximum wait O(M A / 64 + P) time and A^2/8 bytes;
 * with one O(M A) time and 4 A^2 bytes, for M contact members, A kept actors and P reached
 * pairs. */
COOPNET_API int coopnet_temporal_all_sources(const coopnet_temporal_network_t *network,
                                             const coopnet_progress_t *progress,
                                             coopnet_temporal_all_t *all, coopnet_error_t *err);

/* The memory in bytes coopnet_temporal_all_sources needs for its state. O(1). */
COOPNET_API uint64_t coopnet_temporal_all_sources_memory(const coopnet_temporal_network_t *network);

COOPNET_API void coopnet_temporal_all_destroy(coopnet_temporal_all_t *all);

/* ---- all sources, estimated ---------------------------------------------------------------- */

#define COOPNET_TEMPORAL_SKETCH_MIN_PRECISION 4
#define COOPNET_TEMPORAL_SKETCH_MAX_PRECISION 16
#define COOPNET_TEMPORAL_SKETCH_DEFAULT_PRECISION 10

/* The relative standard error of a HyperLogLog count with 2^precision registers,
 * 1.04 / sqrt(2^precision) (3.25% at the default precision 10). O(1). */
COOPNET_API double coopnet_temporal_sketch_error(int precision);

/* The same results as coopnet_temporal_all_sources, estimated with one HyperLogLog sketch of
 * 2^precision registers per actor, for networks whose exact state does not fit in memory
 * (docs/temporal.md, "The estimate"). out_reach and in_reach are rounded estimates with relative
 * standard error all->relative_standard_error (near exact for counts well below 2^precision,
 * where linear counting applies); temporal_closeness is the estimated out-reach times the mean
 * of 1/tau over one sampled reached actor per register; new_pairs and total_pairs are the
 * rounded estimated sums of in-reach by day. Out-reach and closeness come from one pass over
 * the contacts in reverse date order (each sender's sketch takes the union of its receivers'
 * sketches of the day after), in-reach and new_pairs from one pass in date order. The result
 * depends only on the network, the precision and the actors' ids: the same input gives the same
 * numbers. A maximum wait is not supported (reach from an actor then depends on when it was
 * informed, which one sketch per actor cannot hold): EINVAL, as for a precision outside
 * COOPNET_TEMPORAL_SKETCH_MIN/MAX_PRECISION or more than 65534 contact days; ENOMEM. all must be
 * zeroed or destroyed; it is left destroyed on failure. progress may be NULL (stage "temporal
 * reach (estimate)", two units per contact). Cost O(M 2^p) time for M contact members, and
 * 4 * 2^p bytes per kept actor plus as much again for one day's receivers at most. */
COOPNET_API int coopnet_temporal_all_sources_estimate(const coopnet_temporal_network_t *network,
                                                      int precision,
                                                      const coopnet_progress_t *progress,
                                                      coopnet_temporal_all_t *all,
                                                      coopnet_error_t *err);

/* The memory in bytes coopnet_temporal_all_sources_estimate needs at most. O(1). */
COOPNET_API uint64_t coopnet_temporal_all_sources_estimate_memory(
    const coopnet_temporal_network_t *network, int precision);

/* ---- all sources: exact or estimated ------------------------------------------------------- */

typedef enum {
    COOPNET_TEMPORAL_ALL_AUTO = 0, /* exact when its state fits in memory_limit, else estimated */
    COOPNET_TEMPORAL_ALL_EXACT,    /* exact (within memory_limit) */
    COOPNET_TEMPORAL_ALL_ESTIMATE  /* HyperLogLog sketches (no maximum wait) */
} coopnet_temporal_all_method_t;

#define COOPNET_TEMPORAL_DEFAULT_MEMORY_LIMIT COOPNET_DEFAULT_MEMORY_LIMIT /* coopnet/graph.h */

/* How all-sources reach is computed: the one policy of the library, used by the reach commands
 * and the report alike. */
typedef struct coopnet_temporal_all_policy {
    coopnet_temporal_all_method_t method; /* default AUTO */
    uint64_t memory_limit; /* the budget (coopnet/graph.h): bytes the exact state, or else the
                            * estimate's, may take (default 1.5 GiB; 0: the default) */
    int precision;         /* sketch precision of the estimate (default 10) */
} coopnet_temporal_all_policy_t;

COOPNET_API void coopnet_temporal_all_policy_init(coopnet_temporal_all_policy_t *policy);

/* The method policy gives for network, into *method (EXACT or ESTIMATE): AUTO becomes EXACT when
 * coopnet_temporal_all_sources_memory(network) <= memory_limit, else ESTIMATE. EINVAL when the
 * estimate would be needed (chosen, or over the limit under AUTO) but the network has a maximum
 * wait, which the estimate cannot honour; err then names the memory needed and the limit.
 * COOPNET_ELIMIT when the method's memory (coopnet_temporal_all_sources_memory or
 * coopnet_temporal_all_sources_estimate_memory) is over memory_limit: under AUTO, when neither
 * fits; err names the estimate and the limit. O(1). */
COOPNET_API int coopnet_temporal_all_sources_choose(const coopnet_temporal_network_t *network,
                                                    const coopnet_temporal_all_policy_t *policy,
                                                    coopnet_temporal_all_method_t *method,
                                                    coopnet_error_t *err);

/* Reach from all sources by policy: chooses as coopnet_temporal_all_sources_choose, then runs
 * coopnet_temporal_all_sources or coopnet_temporal_all_sources_estimate. all->precision says which
 * ran (0: exact). Ownership, failures and cost as those functions. */
COOPNET_API int coopnet_temporal_all_sources_by_policy(const coopnet_temporal_network_t *network,
                                                       const coopnet_temporal_all_policy_t *policy,
                                                       const coopnet_progress_t *progress,
                                                       coopnet_temporal_all_t *all,
                                                       coopnet_error_t *err);

/* Reach from all sources, by policy, of the contacts graph_options keep in bundle, in one
 * reading: builds the network, runs coopnet_temporal_all_sources_by_policy and frees it. all must
 * be zeroed; ownership, failures and cost as those two functions. */
COOPNET_API int coopnet_temporal_all_sources_of(const coopnet_bundle_t *bundle,
                                                const coopnet_graph_options_t *graph_options,
                                                coopnet_reading_t reading,
                                                const coopnet_temporal_all_policy_t *policy,
                                                const coopnet_progress_t *progress,
                                                coopnet_temporal_all_t *all, coopnet_error_t *err);

/* ---- reach curves -------------------------------------------------------------------------- */

typedef struct coopnet_temporal_curve {
    size_t n_steps;
    int32_t *day;       /* last day of each period, ascending */
    uint64_t *reached;  /* cumulative: actors (one source) or ordered pairs (all sources) */
    double *ratio;      /* all sources: reached / (A (A - 1)); one source: reached / (A - 1) */
    double *mean_reach; /* all sources: reached / A; one source: equal to reached */
} coopnet_temporal_curve_t;

/* Steps run from the period holding the network's since day to the period holding its last
 * contact day (one step when there is no contact). curve must be zeroed or destroyed; on
 * failure (ENOMEM) it is left destroyed. O(actors + steps) for one source, O(days + steps)
 * for all sources. */
COOPNET_API int coopnet_temporal_curve_source(const coopnet_temporal_network_t *network,
                                              const coopnet_temporal_reach_t *reach,
                                              coopnet_period_t period,
                                              coopnet_temporal_curve_t *curve,
                                              coopnet_error_t *err);
COOPNET_API int coopnet_temporal_curve_all(const coopnet_temporal_network_t *network,
                                           const coopnet_temporal_all_t *all,
                                           coopnet_period_t period, coopnet_temporal_curve_t *curve,
                                           coopnet_error_t *err);

COOPNET_API void coopnet_temporal_curve_destroy(coopnet_temporal_curve_t *curve);

#ifdef __cplusplus
}
#endif
#endif
