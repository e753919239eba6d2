/* SPDX-License-Identifier: GPL-3.0-or-later */
/* centrality_two_mode.c - degree, betweenness and closeness on the actor-event graph with
 * Borgatti & Everett's normalisations (see coopnet/centrality.h). */
#include "analysis/centrality_paths.h"
#include "coopnet/centrality.h"
#include "coopnet/library.h"
#include "core/internal.h"

#include <math.h>
#include <stdint.h>

bool coopnet_measure_has_two_mode(coopnet_measure_t measure)
{
    return measure == COOPNET_MEASURE_DEGREE || measure == COOPNET_MEASURE_BETWEENNESS ||
           measure == COOPNET_MEASURE_CLOSENESS;
}

/* The largest betweenness a vertex can have when its mode has n_own vertices and the other mode
 * n_other (Borgatti & Everett 1997): attained when it is the only link between the vertices of
 * the other mode, spread as evenly as possible over the n_own vertices. 0 when the other mode is
 * empty. Exact below 2^53, that is for modes of up to about 10^7 vertices. */
static double betweenness_maximum(int64_t n_own, int64_t n_other)
{
    if (n_own < 1 || n_other < 1)
        return 0;
    int64_t s = (n_own - 1) / n_other, t = (n_own - 1) % n_other;
    int64_t twice = n_other * n_other * (s + 1) * (s + 1) + n_other * (s + 1) * (2 * t - s - 1) -
                    t * (2 * s - t + 3);
    return (double)twice / 2.0;
}

/* Rescales raw values in place: per mode, degree by 1 / n_other, betweenness by 1 / its maximum,
 * closeness (reached / distance sum) by the least distance sum and the share of the graph
 * reached. Undefined (NaN) where the scale is. */
static void normalise(const coopnet_two_mode_t *two_mode, coopnet_measure_t measure,
                      igraph_vector_t *values)
{
    igraph_integer_t n = igraph_vector_size(values);
    int64_t n_actors = two_mode->n_actor_vertices, n_events = (int64_t)n - n_actors;
    double scale[2]; /* [0]: actors, [1]: events */
    for (int mode = 0; mode < 2; mode++) {
        int64_t n_own = mode ? n_events : n_actors, n_other = mode ? n_actors : n_events;
        double denominator;
        if (measure == COOPNET_MEASURE_DEGREE)
            denominator = (double)n_other;
        else if (measure == COOPNET_MEASURE_BETWEENNESS)
            denominator = betweenness_maximum(n_own, n_other);
        else /* closeness: an isolated vertex is NaN already, so n > 1 below */
            denominator = (double)(n - 1) / (double)(n_other + 2 * (n_own - 1));
        scale[mode] = denominator > 0 ? 1.0 / denominator : NAN;
    }
    for (igraph_integer_t v = 0; v < n; v++)
        VECTOR(*values)[v] *= scale[VECTOR(two_mode->is_event)[v] ? 1 : 0];
}

int coopnet_centrality_two_mode_set(const coopnet_two_mode_t *two_mode,
                                    const coopnet_measure_t *measures, size_t n_measures,
                                    igraph_vector_t *values, const coopnet_progress_t *progress,
                                    coopnet_error_t *err)
{
    int status = COOPNET_OK;
    const igraph_t *g = &two_mode->graph;
    igraph_vector_t *betweenness = NULL, *closeness = NULL;

    coopnet_library_init();
    for (size_t k = 0; k < n_measures; k++) {
        if ((int)measures[k] < 0 || measures[k] >= COOPNET_MEASURE_COUNT)
            return COOPNET_ERROR(err, COOPNET_EINVAL, "unknown measure %d", (int)measures[k]);
        if (!coopnet_measure_has_two_mode(measures[k]))
            return COOPNET_ERROR(err, COOPNET_EINVAL,
                                 "measure '%s' has no two-mode definition (two-mode "
                                 "measures: " COOPNET_TWO_MODE_MEASURE_NAMES ")",
                                 coopnet_measure_name(measures[k]));
        for (size_t j = 0; j < k; j++)
            if (measures[j] == measures[k])
                return COOPNET_ERROR(err, COOPNET_EINVAL, "measure '%s' given twice",
                                     coopnet_measure_name(measures[k]));
        if (measures[k] == COOPNET_MEASURE_BETWEENNESS)
            betweenness = &values[k];
        else if (measures[k] == COOPNET_MEASURE_CLOSENESS)
            closeness = &values[k];
    }
    if ((betweenness || closeness) &&
        (status = coopnet_i_centrality_paths(g, betweenness, closeness, NULL, progress, err)) !=
            COOPNET_OK)
        return status;
    for (size_t k = 0; k < n_measures; k++) {
        if (measures[k] == COOPNET_MEASURE_DEGREE) /* unweighted strength: the degree */
            COOPNET_IGRAPH_CHECK(
                err, status,
                igraph_strength(g, &values[k], igraph_vss_all(), IGRAPH_ALL, IGRAPH_NO_LOOPS, NULL),
                "degree");
        normalise(two_mode, measures[k], &values[k]);
    }
cleanup:
    return status;
}

int coopnet_centrality_two_mode(const coopnet_two_mode_t *two_mode, coopnet_measure_t measure,
                                igraph_vector_t *values, coopnet_error_t *err)
{
    return coopnet_centrality_two_mode_set(two_mode, &measure, 1, values, NULL, err);
}
