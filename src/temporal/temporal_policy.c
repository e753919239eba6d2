/* SPDX-License-Identifier: GPL-3.0-or-later */
/* temporal_policy.c - reach from all sources, exact or estimated: the one policy that chooses
 * between temporal_all.c and temporal_sketch.c by the memory the exact state needs (see
 * coopnet/temporal.h). */
#include "coopnet/temporal.h"
#include "coopnet/text.h"
#include "core/internal.h"
#include "temporal/temporal_internal.h"
#include "temporal/temporal_sketch.h"

#include <stdio.h>

void coopnet_temporal_all_policy_init(coopnet_temporal_all_policy_t *policy)
{
    policy->method = COOPNET_TEMPORAL_ALL_AUTO;
    policy->memory_limit = COOPNET_TEMPORAL_DEFAULT_MEMORY_LIMIT;
    policy->precision = COOPNET_TEMPORAL_SKETCH_DEFAULT_PRECISION;
}

int coopnet_temporal_all_sources_choose(const coopnet_temporal_network_t *network,
                                        const coopnet_temporal_all_policy_t *policy,
                                        coopnet_temporal_all_method_t *method, coopnet_error_t *err)
{
    uint64_t limit =
        policy->memory_limit > 0 ? policy->memory_limit : COOPNET_TEMPORAL_DEFAULT_MEMORY_LIMIT;
    uint64_t exact_needed = coopnet_temporal_all_sources_memory(network);
    uint64_t estimate_needed =
        coopnet_temporal_all_sources_estimate_memory(network, policy->precision);
    *method = policy->method;
    if (*method == COOPNET_TEMPORAL_ALL_AUTO) {
        if (exact_needed <= limit) {
            *method = COOPNET_TEMPORAL_ALL_EXACT;
        } else if (network->max_wait >= 0) {
            char needed_text[32], limit_text[32];
            coopnet_text_format_bytes(exact_needed, needed_text, sizeof needed_text);
            coopnet_text_format_bytes(limit, limit_text, sizeof limit_text);
            return COOPNET_ERROR(err, COOPNET_EINVAL,
                                 "exact reach with a maximum wait for %zu actors needs %s, "
                                 "over the memory limit %s, and the estimate cannot honour "
                                 "a maximum wait",
                                 network->n_kept, needed_text, limit_text);
        } else if (estimate_needed <= limit) {
            *method = COOPNET_TEMPORAL_ALL_ESTIMATE;
        } else {
            char exact_text[32];
            coopnet_text_format_bytes(exact_needed, exact_text, sizeof exact_text);
            return coopnet_graph_check_memory(limit, estimate_needed, err,
                                              "reach from all sources of %zu actors needs %s "
                                              "exact, and its estimate at precision %d",
                                              network->n_kept, exact_text, policy->precision);
        }
    }
    if (*method == COOPNET_TEMPORAL_ALL_ESTIMATE && network->max_wait >= 0)
        return COOPNET_ERROR(err, COOPNET_EINVAL,
                             "the reach estimate cannot honour a maximum wait (reach then "
                             "depends on when each actor was informed)");
    if (*method == COOPNET_TEMPORAL_ALL_EXACT)
        return coopnet_graph_check_memory(limit, exact_needed, err,
                                          "exact reach from all sources of %zu actors",
                                          network->n_kept);
    return coopnet_graph_check_memory(limit, estimate_needed, err,
                                      "the reach estimate of %zu actors at precision %d",
                                      network->n_kept, policy->precision);
}

/* By policy; an estimate with its reverse pass (out-reach) only when with_out_reach. */
static int by_policy(const coopnet_temporal_network_t *network,
                     const coopnet_temporal_all_policy_t *policy, bool with_out_reach,
                     const coopnet_progress_t *progress, coopnet_temporal_all_t *all,
                     coopnet_error_t *err)
{
    coopnet_temporal_all_method_t method;
    int status = coopnet_temporal_all_sources_choose(network, policy, &method, err);
    if (status != COOPNET_OK)
        return status;
    if (method == COOPNET_TEMPORAL_ALL_EXACT)
        return coopnet_temporal_all_sources(network, progress, all, err);
    return with_out_reach ? coopnet_temporal_all_sources_estimate(network, policy->precision,
                                                                  progress, all, err)
                          : coopnet_i_temporal_all_sources_estimate_in(network, policy->precision,
                                                                       progress, all, err);
}

int coopnet_temporal_all_sources_by_policy(const coopnet_temporal_network_t *network,
                                           const coopnet_temporal_all_policy_t *policy,
                                           const coopnet_progress_t *progress,
                                           coopnet_temporal_all_t *all, coopnet_error_t *err)
{
    return by_policy(network, policy, true, progress, all, err);
}

int coopnet_i_temporal_all_sources_by_policy_in(const coopnet_temporal_network_t *network,
                                                const coopnet_temporal_all_policy_t *policy,
                                                const coopnet_progress_t *progress,
                                                coopnet_temporal_all_t *all, coopnet_error_t *err)
{
    return by_policy(network, policy, false, progress, all, err);
}

int coopnet_temporal_all_sources_of(const coopnet_bundle_t *bundle,
                                    const coopnet_graph_options_t *graph_options,
                                    coopnet_reading_t reading,
                                    const coopnet_temporal_all_policy_t *policy,
                                    const coopnet_progress_t *progress, coopnet_temporal_all_t *all,
                                    coopnet_error_t *err)
{
    coopnet_temporal_options_t options;
    coopnet_temporal_options_init(&options);
    options.graph = *graph_options;
    options.reading = reading;
    coopnet_temporal_network_t *network = NULL;
    int status = coopnet_temporal_network_alloc(bundle, &options, &network, err);
    if (status == COOPNET_OK)
        status = coopnet_temporal_all_sources_by_policy(network, policy, progress, all, err);
    coopnet_temporal_network_free(network);
    return status;
}
