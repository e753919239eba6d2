/* SPDX-License-Identifier: GPL-3.0-or-later */
/* coopnet/chart.h - charts of a bundle for reports: rankings, the level x level (NLC) density
 * matrix, yearly snapshots of the network, event participation over time, and peer-learning
 * reach over time (coopnet/temporal.h).
 *
 * Each chart has axes with ticks and labels, gridlines, a title and a source line, and is written
 * atomically as PNG, PDF or SVG (the output path's extension), in the style of coopnet/render.h.
 */
#ifndef COOPNET_CHART_H
#define COOPNET_CHART_H

#include "coopnet/api.h"

#include "coopnet/render.h"
#include "coopnet/temporal.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef enum {
    COOPNET_CHART_RANKING = 0,   /* horizontal bars: top N actors by a measure, coloured by level */
    COOPNET_CHART_NLC_MATRIX,    /* heat map of level x level density, values in the cells */
    COOPNET_CHART_SNAPSHOTS,     /* small multiples of the network as of each year */
    COOPNET_CHART_PARTICIPATION, /* events per quarter by type, stacked bars */
    COOPNET_CHART_REACH_CURVE    /* lines: reachability ratio, or actors reached per source */
} coopnet_chart_kind_t;

/* Parses "ranking", "nlc-matrix", "snapshots", "participation", "reach-curve"; EINVAL naming
 * the value otherwise. */
COOPNET_API int coopnet_chart_kind_parse(const char *text, coopnet_chart_kind_t *kind,
                                         coopnet_error_t *err);

#define COOPNET_CHART_MAX_SOURCES 6 /* reach-curve lines, one distinct colour each */

typedef struct coopnet_chart_options {
    coopnet_figure_options_t figure;
    coopnet_graph_options_t graph;
    const char *measure; /* ranking: a measure of coopnet_measure_names; NULL: degree */
    size_t top;          /* ranking: bars; 0: 15 */
    const char *country; /* nlc-matrix: this country's cells of coopnet_nlc_compute (its actors
                            and, as nlc counts them, every international actor); NULL: the
                            whole network */
    unsigned long seed;  /* snapshots: layout seed */
    coopnet_label_field_t label_field;
    coopnet_period_t period; /* reach-curve: one point per month, quarter (default) or year */
    /* reach-curve: actor ids; with none, the network's reachability ratio (share of ordered
     * pairs linked by a time-respecting path); with some, one line per source of the actors it
     * reaches. Not owned. At most COOPNET_CHART_MAX_SOURCES. */
    const char *const *sources;
    size_t n_sources;
} coopnet_chart_options_t;

COOPNET_API void coopnet_chart_options_init(coopnet_chart_options_t *options);

/* Draws chart kind of bundle and writes it to path (.png, .pdf, .svg) atomically. EINVAL for a
 * bad option (unknown measure, country, source or --exclude id, a filtered-out source, too many
 * sources), EDATA when the data cannot make the chart (no dated event for snapshots or
 * participation, no dated contact for reach-curve), EIO, ENOMEM, EINTERNAL; the destination is
 * then untouched. Each chart computes its analysis (coopnet/centrality.h, nlc.h, temporal.h) and
 * draws what it gives: the nlc-matrix cells are those `coopnet nlc` prints. Cost: ranking
 * O(measure + V log V); nlc-matrix O(V log V + E); snapshots one FR layout plus
 * one graph per year; participation O(events); reach-curve as coopnet_temporal_all_sources
 * (no source) or one coopnet_temporal_reach_forward per source. */
COOPNET_API int coopnet_chart_render(const coopnet_bundle_t *bundle, coopnet_chart_kind_t kind,
                                     const coopnet_chart_options_t *options, const char *path,
                                     coopnet_error_t *err);

#ifdef __cplusplus
}
#endif
#endif
