/* SPDX-License-Identifier: GPL-3.0-or-later */
/* snapshots.c - centralities at each year, quarter or month (see coopnet/snapshots.h). */
#include "coopnet/rank.h"
#include "coopnet/snapshots.h"
#include "analysis/snapshots_internal.h"
#include "model/graph_internal.h"
#include "coopnet/library.h"
#include "core/internal.h"

#include <gsl/gsl_statistics_double.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

void coopnet_snapshots_destroy(coopnet_snapshots_t *snapshots)
{
    if (snapshots == NULL)
        return;
    free(snapshots->dates);
    free(snapshots->values);
    free(snapshots->ranks);
    free(snapshots->changes);
    if (snapshots->actor_of_vertex.stor_begin)
        igraph_vector_int_destroy(&snapshots->actor_of_vertex);
    memset(snapshots, 0, sizeof *snapshots);
}

/* The competition ranks of one step's values, by the toolkit's one ranking (coopnet/rank.h);
 * order is the caller's workspace. */
static int rank_values(const double *values, double *ranks, igraph_integer_t n,
                       igraph_vector_int_t *order, coopnet_error_t *err)
{
    igraph_vector_t view;
    memset(&view, 0, sizeof view); /* filled by igraph_vector_view; gcc cannot see it */
    igraph_vector_view(&view, values, n);
    int status = coopnet_rank_vertices(&view, order, err);
    if (status == COOPNET_OK)
        coopnet_rank_competition(&view, order, ranks);
    return status;
}

/* Spearman correlation and the largest moves between two steps of one measure. */
static void compare_steps(const double *old_values, const double *new_values,
                          const double *old_ranks, const double *new_ranks, igraph_integer_t n,
                          double *x, double *y, double *work, coopnet_snapshot_change_t *change)
{
    size_t m = 0;
    *change = (coopnet_snapshot_change_t){NAN, 0, -1, -1, 0, 0};
    for (igraph_integer_t v = 0; v < n; v++) {
        if (isnan(old_values[v]) || isnan(new_values[v]))
            continue;
        x[m] = old_values[v];
        y[m] = new_values[v];
        m++;
        double gained = old_ranks[v] - new_ranks[v];
        if (gained > change->rose_by) {
            change->rose_by = gained;
            change->rose = v;
        }
        if (-gained > change->fell_by) {
            change->fell_by = -gained;
            change->fell = v;
        }
    }
    change->n_actors = (igraph_integer_t)m;
    if (m >= 2)
        change->spearman = gsl_stats_spearman(x, 1, y, 1, m, work);
}

void coopnet_i_snapshot_graphs_free(coopnet_graph_t *graphs, size_t n)
{
    if (graphs == NULL)
        return;
    for (size_t s = 0; s < n; s++)
        coopnet_graph_destroy(&graphs[s]);
    free(graphs);
}

int coopnet_snapshots_compute(const coopnet_bundle_t *bundle,
                              const coopnet_graph_options_t *options, coopnet_period_t period,
                              int32_t window_days, const coopnet_measure_t *measures,
                              size_t n_measures, bool weighted, const coopnet_progress_t *progress,
                              coopnet_snapshots_t *snapshots, coopnet_error_t *err)
{
    return coopnet_i_snapshots_compute_with_graphs(bundle, options, period, window_days, measures,
                                                   n_measures, weighted, progress, snapshots, NULL,
                                                   err);
}

/* The steps: the end of every period from first_day's to last_end, none after the cut-off (the
 * options' as-of date: a snapshot never uses data the caller left out), and the cut-off itself
 * as the last step when it falls inside a period. Writes them to dates when not NULL; returns
 * how many. */
static size_t step_days(int32_t first_day, int32_t last_end, int32_t cutoff,
                        coopnet_period_t period, coopnet_date_t *dates)
{
    size_t n = 0;
    int32_t end = coopnet_period_end(first_day, period), added = INT32_MIN;
    for (; end <= last_end && end <= cutoff; end = coopnet_period_end(end + 1, period)) {
        if (dates != NULL)
            dates[n] = coopnet_date_from_day(end);
        added = end;
        n++;
    }
    if (end <= last_end && cutoff >= first_day && cutoff > added) {
        if (dates != NULL)
            dates[n] = coopnet_date_from_day(cutoff);
        n++;
    }
    return n;
}

int coopnet_i_snapshots_compute_with_graphs(const coopnet_bundle_t *bundle,
                                            const coopnet_graph_options_t *options,
                                            coopnet_period_t period, int32_t window_days,
                                            const coopnet_measure_t *measures, size_t n_measures,
                                            bool weighted, const coopnet_progress_t *progress,
                                            coopnet_snapshots_t *snapshots,
                                            coopnet_graph_t **graphs, coopnet_error_t *err)
{
    int status = COOPNET_OK;
    coopnet_graph_t *kept = NULL; /* graphs != NULL: every step's graph, handed over */
    coopnet_graph_t graph = {0};
    igraph_vector_t values[COOPNET_MEASURE_COUNT];
    size_t n_values = 0;            /* initialised vectors of values[] */
    igraph_vector_int_t rank_order; /* workspace of rank_values */
    bool have_rank_order = false;
    double *x = NULL, *y = NULL, *spearman_work = NULL;

    coopnet_library_init();
    memset(snapshots, 0, sizeof *snapshots);
    if (graphs != NULL)
        *graphs = NULL;
    if (window_days < 0)
        return COOPNET_ERROR(err, COOPNET_EINVAL, "negative window of %ld days", (long)window_days);
    if (n_measures == 0 || n_measures > COOPNET_MEASURE_COUNT)
        return COOPNET_ERROR(err, COOPNET_EINVAL, "between 1 and %d measures needed, not %zu",
                             COOPNET_MEASURE_COUNT, n_measures);
    snapshots->n_measures = n_measures;
    memcpy(snapshots->measures, measures, n_measures * sizeof *measures);
    COOPNET_IGRAPH_CHECK(err, status, igraph_vector_int_init(&snapshots->actor_of_vertex, 0),
                         "snapshots");
    for (; n_values < n_measures; n_values++)
        COOPNET_IGRAPH_CHECK(err, status, igraph_vector_init(&values[n_values], 0), "snapshots");
    COOPNET_IGRAPH_CHECK(err, status, igraph_vector_int_init(&rank_order, 0), "snapshots");
    have_rank_order = true;

    coopnet_date_t first, last;
    coopnet_bundle_date_range(bundle, &first, &last);
    if (first.precision == COOPNET_DATE_NONE)
        goto cleanup; /* nothing dated: no steps */
    int32_t last_end = coopnet_period_end(coopnet_date_last_day(last), period);
    int32_t cutoff = options->as_of.precision == COOPNET_DATE_NONE
                         ? INT32_MAX
                         : coopnet_date_last_day(options->as_of);
    /* a window's lower bound (--between FROM/..) moves the first step: none before it */
    int32_t start = first.day;
    bool bounded_below = options->since.precision != COOPNET_DATE_NONE;
    if (bounded_below && options->since.day > start)
        start = options->since.day;
    size_t n_steps = step_days(start, last_end, cutoff, period, NULL);
    snapshots->dates = coopnet_i_alloc_array(n_steps, sizeof *snapshots->dates);
    if (snapshots->dates == NULL) {
        status = COOPNET_ERROR(err, COOPNET_ENOMEM, "out of memory for snapshots");
        goto cleanup;
    }
    snapshots->n_steps = step_days(start, last_end, cutoff, period, snapshots->dates);
    if (graphs != NULL && (kept = calloc(n_steps + 1, sizeof *kept)) == NULL) {
        status = COOPNET_ERROR(err, COOPNET_ENOMEM, "out of memory for snapshots");
        goto cleanup;
    }

    coopnet_graph_options_t step_options = *options;
    size_t expected_links = 0;
    uint64_t total_steps = snapshots->n_steps;
    coopnet_progress_report(progress, "snapshots", 0, total_steps);
    for (size_t s = 0; s < snapshots->n_steps; s++) {
        step_options.as_of = snapshots->dates[s];
        /* cumulative from the caller's lower bound, or the rolling window when it starts later */
        step_options.since = options->since;
        int32_t window_start = snapshots->dates[s].day - window_days + 1;
        if (window_days > 0 && (!bounded_below || window_start > options->since.day))
            step_options.since = coopnet_date_from_day(window_start);
        /* room for the step before's links, a guess: cumulative steps only grow (a rolling
         * window may shrink, and then holds some room unused) */
        if ((status = coopnet_i_graph_init_cooperation_sized(&graph, bundle, &step_options,
                                                             expected_links, err)) != COOPNET_OK)
            goto cleanup;
        expected_links = (size_t)igraph_ecount(&graph.graph);
        igraph_integer_t n = igraph_vcount(&graph.graph);
        if (s == 0) {
            snapshots->n_vertices = n;
            COOPNET_IGRAPH_CHECK(
                err, status,
                igraph_vector_int_update(&snapshots->actor_of_vertex, &graph.actor_of_vertex),
                "snapshots");
            size_t cells = snapshots->n_steps * n_measures * (size_t)n;
            /* a year typed 1023 for 2023 makes a thousand years of monthly steps */
            if ((status = coopnet_graph_check_memory(
                     options->memory_limit,
                     (uint64_t)cells * (sizeof *snapshots->values + sizeof *snapshots->ranks), err,
                     "%zu snapshots of %zu measures for %lld actors", (size_t)snapshots->n_steps,
                     n_measures, (long long)n)) != COOPNET_OK)
                goto cleanup;
            snapshots->values = coopnet_i_alloc_array(cells, sizeof *snapshots->values);
            snapshots->ranks = coopnet_i_alloc_array(cells, sizeof *snapshots->ranks);
            snapshots->changes =
                coopnet_i_alloc_array(snapshots->n_steps * n_measures, sizeof *snapshots->changes);
            x = coopnet_i_alloc_array((size_t)n, sizeof *x);
            y = coopnet_i_alloc_array((size_t)n, sizeof *y);
            spearman_work = coopnet_i_alloc_array(2 * (size_t)n, sizeof *spearman_work);
            if (!snapshots->values || !snapshots->ranks || !snapshots->changes || !x || !y ||
                !spearman_work) {
                status = COOPNET_ERROR(err, COOPNET_ENOMEM, "out of memory for snapshots");
                goto cleanup;
            }
        }
        if ((status = coopnet_centrality_compute_set(&graph, measures, n_measures, weighted, values,
                                                     NULL, err)) != COOPNET_OK)
            goto cleanup;
        for (size_t k = 0; k < n_measures; k++) {
            size_t offset = (s * n_measures + k) * (size_t)n;
            memcpy(snapshots->values + offset, VECTOR(values[k]), (size_t)n * sizeof(double));
            if ((status = rank_values(snapshots->values + offset, snapshots->ranks + offset, n,
                                      &rank_order, err)) != COOPNET_OK)
                goto cleanup;
            if (s > 0) {
                size_t before = offset - n_measures * (size_t)n;
                compare_steps(snapshots->values + before, snapshots->values + offset,
                              snapshots->ranks + before, snapshots->ranks + offset, n, x, y,
                              spearman_work, &snapshots->changes[(s - 1) * n_measures + k]);
            }
        }
        if (kept != NULL) {
            kept[s] = graph; /* moved: the array owns it now */
            memset(&graph, 0, sizeof graph);
        }
        coopnet_graph_destroy(&graph);
        coopnet_progress_report(progress, "snapshots", s + 1, total_steps);
    }

cleanup:
    coopnet_graph_destroy(&graph);
    for (size_t k = 0; k < n_values; k++)
        igraph_vector_destroy(&values[k]);
    if (have_rank_order)
        igraph_vector_int_destroy(&rank_order);
    free(x);
    free(y);
    free(spearman_work);
    if (status != COOPNET_OK) {
        coopnet_i_snapshot_graphs_free(kept, snapshots->n_steps);
        coopnet_snapshots_destroy(snapshots);
        kept = NULL;
    }
    if (graphs != NULL)
        *graphs = kept;
    return status;
}

int coopnet_snapshots_change_between(const coopnet_snapshots_t *snapshots, size_t measure,
                                     size_t from, size_t to, coopnet_snapshot_change_t *change,
                                     coopnet_error_t *err)
{
    if (measure >= snapshots->n_measures || from >= snapshots->n_steps || to >= snapshots->n_steps)
        return COOPNET_ERROR(err, COOPNET_EINVAL,
                             "no change between steps %zu and %zu of measure %zu (%zu steps, %zu "
                             "measures)",
                             from, to, measure, snapshots->n_steps, snapshots->n_measures);
    size_t n = (size_t)snapshots->n_vertices;
    double *x = coopnet_i_alloc_array(n + 1, sizeof *x);
    double *y = coopnet_i_alloc_array(n + 1, sizeof *y);
    double *work = coopnet_i_alloc_array(2 * n + 1, sizeof *work);
    int status = COOPNET_OK;
    if (x == NULL || y == NULL || work == NULL) {
        status = COOPNET_ERROR(err, COOPNET_ENOMEM, "out of memory comparing snapshots");
    } else {
        size_t a = (from * snapshots->n_measures + measure) * n;
        size_t b = (to * snapshots->n_measures + measure) * n;
        compare_steps(snapshots->values + a, snapshots->values + b, snapshots->ranks + a,
                      snapshots->ranks + b, (igraph_integer_t)n, x, y, work, change);
    }
    free(x);
    free(y);
    free(work);
    return status;
}
