/* SPDX-License-Identifier: GPL-3.0-or-later */
/* coopnet/snapshots.h - centralities of the cooperation graph over time.
 *
 * The graph is rebuilt as of the last day of each year, quarter or month from the earliest to
 * the latest date of the bundle: cumulatively (every dated event up to that day and the ties
 * active on it) or, with a window of DAYS, from the events and ties active in the last DAYS days
 * only. Undated events and ties without a start date are never in a snapshot. Every snapshot
 * has the same vertices (the actors the options keep), so values line up across steps.
 */
#ifndef COOPNET_SNAPSHOTS_H
#define COOPNET_SNAPSHOTS_H

#include "coopnet/api.h"

#include "coopnet/bundle.h"
#include "coopnet/centrality.h"
#include "coopnet/error.h"
#include "coopnet/graph.h"
#include "coopnet/progress.h"

#include <igraph.h>

#ifdef __cplusplus
extern "C" {
#endif

typedef struct coopnet_snapshot_change {
    double spearman;           /* rank correlation over actors with values at both steps */
    igraph_integer_t n_actors; /* actors that correlation is over */
    igraph_integer_t rose;     /* vertex whose rank improved most, or -1 if none improved */
    igraph_integer_t fell;     /* vertex whose rank dropped most, or -1 if none dropped */
    double rose_by, fell_by;   /* places gained / lost (both >= 0) */
} coopnet_snapshot_change_t;

typedef struct coopnet_snapshots {
    size_t n_steps;
    coopnet_date_t *dates; /* per step: its as-of day (day precision) */
    size_t n_measures;
    coopnet_measure_t measures[COOPNET_MEASURE_COUNT];
    igraph_integer_t n_vertices;
    igraph_vector_int_t actor_of_vertex; /* vertex -> index into bundle->actors */
    /* values[(step * n_measures + measure) * n_vertices + vertex]; ranks the same way:
     * 1 for the highest value, equal values share the best rank, NaN for a NaN value. */
    double *values;
    double *ranks;
    /* changes[(step - 1) * n_measures + measure], for step >= 1 */
    coopnet_snapshot_change_t *changes;
} coopnet_snapshots_t;

/* Computes measures (n_measures of them, at most COOPNET_MEASURE_COUNT) on the cooperation graph
 * of bundle under options (its as_of and since are replaced per step) at every step; window_days
 * 0 is cumulative. progress (may be NULL) hears of each step. A bundle without any date gives
 * zero steps. On success *snapshots is owned by the caller (coopnet_snapshots_destroy); on
 * failure it is left destroyed: COOPNET_EINVAL (negative window, no or too many measures),
 * COOPNET_ENOMEM, COOPNET_EINTERNAL, COOPNET_ELIMIT when the graph (coopnet_graph_init_cooperation)
 * or the values and ranks, 16 bytes x steps x measures x V, are over options->memory_limit.
 * Cost: steps x (graph construction + the measures' costs, see coopnet_centrality_compute);
 * memory O(steps x measures x V). */
COOPNET_API int coopnet_snapshots_compute(const coopnet_bundle_t *bundle,
                                          const coopnet_graph_options_t *options,
                                          coopnet_period_t period, int32_t window_days,
                                          const coopnet_measure_t *measures, size_t n_measures,
                                          bool weighted, const coopnet_progress_t *progress,
                                          coopnet_snapshots_t *snapshots, coopnet_error_t *err);

/* Frees what snapshots owns. Accepts a zeroed object. */
COOPNET_API void coopnet_snapshots_destroy(coopnet_snapshots_t *snapshots);

/* The change of measure (an index into snapshots->measures) between any two steps, as the
 * consecutive changes are computed: Spearman correlation, largest rise and fall. A text that sets
 * a correlation beside a table of first-to-last gains must use the same two steps. EINVAL for a
 * step or measure out of range, ENOMEM. O(V log V) time, O(V) memory. */
COOPNET_API int coopnet_snapshots_change_between(const coopnet_snapshots_t *snapshots,
                                                 size_t measure, size_t from, size_t to,
                                                 coopnet_snapshot_change_t *change,
                                                 coopnet_error_t *err);

/* ---- two windows side by side (`snapshots --compare`, `nlc --compare`) ---------------------- */

/* Parses "FROM/TO,FROM/TO" (each an interval date, either side may be '..') into windows[0] and
 * windows[1]. EINVAL naming the value unless there are exactly two intervals. O(length). */
COOPNET_API int coopnet_snapshots_parse_windows(const char *text, coopnet_date_t windows[2],
                                                coopnet_error_t *err);

/* What changed between the cooperation graphs of two windows built from the same bundle with the
 * same options but the window (coopnet_graph_options_set_between), so that both have the same
 * vertices. An actor is *linked* in a window when it has at least one link in that window's
 * graph; it *enters* when linked in the second window and not in the first, and *leaves* the
 * other way round. */
typedef struct coopnet_snapshots_comparison {
    igraph_integer_t links[2];     /* the links (edges) of each window's graph */
    igraph_integer_t gained, lost; /* links in the second window only / in the first only */
    igraph_integer_t kept;         /* links in both */
    igraph_integer_t linked[2];    /* actors with a link in each window */
    igraph_integer_t entering;     /* actors linked in the second window only */
    igraph_integer_t leaving;      /* actors linked in the first window only */
    igraph_vector_int_t linked_in; /* per vertex: bit 0 linked in the first, bit 1 in the
                                    * second (0: in neither, 3: in both) */
} coopnet_snapshots_comparison_t;

/* Compares the graphs first and second (built as above). On success *change is owned by the
 * caller (coopnet_snapshots_comparison_destroy); on failure it is left destroyed: EINVAL when the
 * two graphs do not have the same vertices (not built from the same bundle and actor filters),
 * ENOMEM. O(V + E log d) time, d the largest degree; O(V) memory. */
COOPNET_API int coopnet_snapshots_compare(const coopnet_graph_t *first,
                                          const coopnet_graph_t *second,
                                          coopnet_snapshots_comparison_t *change,
                                          coopnet_error_t *err);

/* Frees what change owns. Accepts a zeroed object. */
COOPNET_API void coopnet_snapshots_comparison_destroy(coopnet_snapshots_comparison_t *change);

#ifdef __cplusplus
}
#endif
#endif
