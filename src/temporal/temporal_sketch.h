/* SPDX-License-Identifier: GPL-3.0-or-later */
/* temporal_sketch.h - reach from all sources in parts, for the report. Internal. */
#ifndef COOPNET_TEMPORAL_SKETCH_H
#define COOPNET_TEMPORAL_SKETCH_H

#include "coopnet/temporal.h"

/* coopnet_temporal_all_sources_estimate without its pass in reverse date order: in_reach,
 * new_pairs and total_pairs as it gives them, bit for bit; out_reach -1 and closeness NaN for
 * every actor (not computed). Half the time: for the report, whose curve needs the pairs by day
 * and whose few named sources get exact single-source reach instead. Failures and ownership as
 * coopnet_temporal_all_sources_estimate. */
int coopnet_i_temporal_all_sources_estimate_in(const coopnet_temporal_network_t *network,
                                               int precision, const coopnet_progress_t *progress,
                                               coopnet_temporal_all_t *all, coopnet_error_t *err);

/* coopnet_temporal_all_sources_by_policy, its estimate without the reverse pass
 * (coopnet_i_temporal_all_sources_estimate_in: no out-reach); exact as that function. */
int coopnet_i_temporal_all_sources_by_policy_in(const coopnet_temporal_network_t *network,
                                                const coopnet_temporal_all_policy_t *policy,
                                                const coopnet_progress_t *progress,
                                                coopnet_temporal_all_t *all, coopnet_error_t *err);

/* How many sources coopnet_i_temporal_reach_counts takes at once (a bit each in one word). */
#define COOPNET_I_TEMPORAL_COUNTS_MAX 64

/* reached[s]: how many actors sources[s] (bundle actor indices, n_sources of them, at most
 * COOPNET_I_TEMPORAL_COUNTS_MAX) reaches in network, the n_reached of
 * coopnet_temporal_reach_forward from each: the exact all-sources pass (bit sets) run for these
 * sources alone, a 64-bit word per actor, and no pathway (a pass from one source of a possible
 * reading at 100 000 actors kept 2.8 GB of pathway records). In temporal_all.c. EINVAL for a
 * source out of range or filtered out, or a network with a maximum wait; ENOMEM.
 * O(schedule entries' members + actors) time; about 40 bytes per actor. */
int coopnet_i_temporal_reach_counts(const coopnet_temporal_network_t *network,
                                    const size_t *sources, size_t n_sources, int64_t *reached,
                                    coopnet_error_t *err);

#endif
