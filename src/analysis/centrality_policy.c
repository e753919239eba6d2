/* SPDX-License-Identifier: GPL-3.0-or-later */
/* centrality_policy.c - exact or approximate path measures: the one policy that chooses between
 * the exact pass (centrality_paths.c) and the sampling (centrality_approx.c) by the time the exact
 * pass would take on this machine (see coopnet/centrality.h). */
#include "analysis/centrality_approx.h"
#include "analysis/centrality_paths.h"
#include "coopnet/centrality.h"
#include "coopnet/library.h"
#include "core/internal.h"

#include <math.h>
#include <string.h>

/* The error bounds AUTO tries, finest first, when exact is over the budget. */
static const double auto_epsilons[] = {0.01, 0.02, 0.05, 0.1, 0.2};
#define N_AUTO_EPSILONS (sizeof auto_epsilons / sizeof *auto_epsilons)

void coopnet_centrality_policy_init(coopnet_centrality_policy_t *policy)
{
    memset(policy, 0, sizeof *policy);
    policy->method = COOPNET_CENTRALITY_AUTO;
    policy->time_budget = COOPNET_CENTRALITY_DEFAULT_TIME_BUDGET;
    policy->approx.epsilon = 0;
    policy->approx.confidence = COOPNET_CENTRALITY_DEFAULT_CONFIDENCE;
    policy->approx.seed = 1;
}

/* AUTO over budget: the policy's epsilon, or the finest of auto_epsilons that fits the budget
 * (the coarsest when none does), with its estimated time. */
static int auto_epsilon(const coopnet_graph_t *graph, bool betweenness, bool sources,
                        const coopnet_centrality_policy_t *policy, coopnet_centrality_plan_t *plan,
                        coopnet_error_t *err)
{
    coopnet_centrality_approx_t tried[N_AUTO_EPSILONS];
    double searches[N_AUTO_EPSILONS];
    size_t n_tried = policy->approx.epsilon > 0 ? 1 : N_AUTO_EPSILONS;
    for (size_t i = 0; i < n_tried; i++) {
        tried[i] = policy->approx;
        if (n_tried > 1)
            tried[i].epsilon = auto_epsilons[i];
    }
    int status = coopnet_i_centrality_approx_searches(&graph->graph, betweenness, sources, tried,
                                                      n_tried, searches, err);
    if (status != COOPNET_OK)
        return status;
    /* a sampled search costs at most a plain breadth-first search, without the betweenness
     * accumulation of the exact pass (timed the same way: a few, spread over the vertices) */
    double plain_seconds;
    if ((status = coopnet_i_centrality_paths_time(&graph->graph, false, &plain_seconds, err)) !=
        COOPNET_OK)
        return status;
    double n = (double)igraph_vcount(&graph->graph);
    double per_search = n > 0 ? plain_seconds / n : 0;
    size_t chosen = n_tried - 1;
    for (size_t i = 0; i < n_tried; i++)
        if (searches[i] * per_search <= policy->time_budget) {
            chosen = i;
            break;
        }
    plan->approx = tried[chosen];
    plan->approx_seconds = searches[chosen] * per_search;
    return COOPNET_OK;
}

int coopnet_centrality_choose(const coopnet_graph_t *graph, const coopnet_measure_t *measures,
                              size_t n_measures, bool weighted,
                              const coopnet_centrality_policy_t *policy,
                              coopnet_centrality_plan_t *plan, coopnet_error_t *err)
{
    int status;
    bool path = false, betweenness = false, sources = false, weighted_path = false;

    coopnet_library_init();
    memset(plan, 0, sizeof *plan);
    plan->method = COOPNET_CENTRALITY_EXACT;
    plan->approx = policy->approx;
    if (!(policy->time_budget >= 0))
        return COOPNET_ERROR(err, COOPNET_EINVAL,
                             "the time budget must be 0 or more seconds, not %g",
                             policy->time_budget);
    for (size_t k = 0; k < n_measures; k++) {
        if (coopnet_measure_has_approximation(measures[k], false) && weighted)
            weighted_path = true;
        if (!coopnet_measure_has_approximation(measures[k], weighted))
            continue;
        path = true;
        if (measures[k] == COOPNET_MEASURE_BETWEENNESS)
            betweenness = true;
        else
            sources = true;
    }
    switch (policy->method) {
    case COOPNET_CENTRALITY_EXACT:
        return COOPNET_OK;
    case COOPNET_CENTRALITY_APPROX:
        if (weighted_path)
            return COOPNET_ERROR(err, COOPNET_EINVAL,
                                 "the weighted path measures (betweenness, closeness, harmonic) "
                                 "have no approximation: compute them exactly or unweighted");
        if ((status = coopnet_centrality_approx_check(&policy->approx, err)) != COOPNET_OK)
            return status;
        if (path)
            plan->method = COOPNET_CENTRALITY_APPROX;
        return COOPNET_OK;
    case COOPNET_CENTRALITY_AUTO:
        break;
    default:
        return COOPNET_ERROR(err, COOPNET_EINVAL, "unknown centrality method %d",
                             (int)policy->method);
    }
    if (!path)
        return COOPNET_OK; /* nothing to sample: exact (weighted path measures included) */
    coopnet_centrality_approx_t checked = policy->approx;
    if (checked.epsilon == 0)
        checked.epsilon = auto_epsilons[0];
    if ((status = coopnet_centrality_approx_check(&checked, err)) != COOPNET_OK)
        return status;
    if ((status = coopnet_i_centrality_paths_time(&graph->graph, betweenness, &plan->exact_seconds,
                                                  err)) != COOPNET_OK)
        return status;
    if (plan->exact_seconds <= policy->time_budget)
        return COOPNET_OK;
    if ((status = auto_epsilon(graph, betweenness, sources, policy, plan, err)) != COOPNET_OK)
        return status;
    plan->method = COOPNET_CENTRALITY_APPROX;
    return COOPNET_OK;
}

int coopnet_centrality_compute_planned(const coopnet_graph_t *graph,
                                       const coopnet_measure_t *measures, size_t n_measures,
                                       bool weighted, const coopnet_centrality_plan_t *plan,
                                       igraph_vector_t *values, igraph_vector_t *error_bounds,
                                       coopnet_centrality_sampling_t *sampling,
                                       const coopnet_progress_t *progress, coopnet_error_t *err)
{
    if (plan->method == COOPNET_CENTRALITY_APPROX)
        return coopnet_centrality_approximate_set(graph, measures, n_measures, weighted,
                                                  &plan->approx, values, error_bounds, sampling,
                                                  progress, err);
    if (sampling)
        memset(sampling, 0, sizeof *sampling);
    for (size_t k = 0; error_bounds && k < n_measures; k++)
        igraph_vector_clear(&error_bounds[k]);
    return coopnet_centrality_compute_set(graph, measures, n_measures, weighted, values, progress,
                                          err);
}
