/* SPDX-License-Identifier: GPL-3.0-or-later */
/* snapshots_internal.h - the snapshots analysis for the report, which also draws the graphs it
 * analyses. Internal: not installed. */
#ifndef COOPNET_ANALYSIS_SNAPSHOTS_INTERNAL_H
#define COOPNET_ANALYSIS_SNAPSHOTS_INTERNAL_H

#include "coopnet/snapshots.h"

/* coopnet_snapshots_compute, handing over the cooperation graph of every step as well: on success
 * *graphs is an array of snapshots->n_steps graphs (step order; NULL with no step) owned by the
 * caller (coopnet_i_snapshot_graphs_free), so that a figure of the snapshots draws the graphs
 * that were analysed instead of building them again. On failure *graphs is NULL. Cost as
 * coopnet_snapshots_compute, plus the graphs' memory. */
int coopnet_i_snapshots_compute_with_graphs(const coopnet_bundle_t *bundle,
                                            const coopnet_graph_options_t *options,
                                            coopnet_period_t period, int32_t window_days,
                                            const coopnet_measure_t *measures, size_t n_measures,
                                            bool weighted, const coopnet_progress_t *progress,
                                            coopnet_snapshots_t *snapshots,
                                            coopnet_graph_t **graphs, coopnet_error_t *err);

/* Frees n graphs and the array. NULL is accepted. */
void coopnet_i_snapshot_graphs_free(coopnet_graph_t *graphs, size_t n);

#endif
