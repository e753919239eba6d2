/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cmd_centrality.c - `coopnet centrality BUNDLE`: who holds the network together. */
#include "cli_analysis.h"

#include <stdlib.h>
#include <string.h>

static int run_centrality(int argc, char **argv);
static void note_approximation(const coopnet_centrality_policy_t *policy,
                               const coopnet_centrality_plan_t *plan,
                               const coopnet_measure_t *measures, size_t n_measures);
static int check_two_mode_options(cli_measures_t *measures, bool measure_given, bool weighted);
static int write_two_mode(cli_analysis_t *analysis, const coopnet_measure_t *measures,
                          size_t n_measures, bool events, long long top);

const cli_command_t cli_command_centrality = {
    .name = "centrality",
    .summary = "centrality of every actor: degree, betweenness, closeness, PageRank, constraint...",
    .usage = "usage: coopnet centrality [OPTIONS] BUNDLE",
    .help = "\nOne row per actor (id,name,level,country, then one column per measure in the\n"
            "order asked), sorted by the first measure, highest first. Measures:\n"
            "  degree       " COOPNET_MEASURE_TEXT_DEGREE "\n"
            "  strength     " COOPNET_MEASURE_TEXT_STRENGTH "\n"
            "  betweenness  " COOPNET_MEASURE_TEXT_BETWEENNESS "\n"
            "  closeness    " COOPNET_MEASURE_TEXT_CLOSENESS "\n"
            "  harmonic     " COOPNET_MEASURE_TEXT_HARMONIC "\n"
            "  eigenvector  " COOPNET_MEASURE_TEXT_EIGENVECTOR "\n"
            "  pagerank     " COOPNET_MEASURE_TEXT_PAGERANK "\n"
            "  coreness     " COOPNET_MEASURE_TEXT_CORENESS "\n"
            "  constraint   " COOPNET_MEASURE_TEXT_CONSTRAINT "\n"
            "Unweighted unless --weighted (strength always sums the weights); weighted, the\n"
            "path measures take 1/weight as the length of a link and eigenvector, pagerank\n"
            "and constraint use the weights.\n"
            "\n"
            "Exact when the exact betweenness, closeness and harmonic would take at most\n"
            "--time-budget seconds (estimated from a few timed searches), else estimated from\n"
            "samples with a stated error, with a note on stderr; --approx EPS always samples,\n"
            "--exact never does. Sampled, each of these measures gets a column\n"
            "MEASURE_error_bound after its own, and a last column confidence: every actor's\n"
            "value is within its bound of the exact one with that probability (per measure).\n"
            "Betweenness: one shortest path between each of r random pairs (Riondato &\n"
            "Kornaropoulos 2016), normalised betweenness within EPS, the raw value within\n"
            "EPS (n-1)(n-2)/2 (the bound column). Harmonic: searches from k random sources\n"
            "per component (Eppstein & Wang 2004; k = ln(2n/(1-P))/(2 EPS^2) + 1, smaller\n"
            "components exactly), within EPS; closeness from the same searches, each actor\n"
            "with its own bound. Same --seed, same output, whatever the number of cores.\n"
            "Weighted path measures are exact only.\n"
            "\n"
            "--two-mode measures the actor-event graph instead (an actor linked to the events\n"
            "it attended), normalised by Borgatti & Everett (1997) so that actors and events\n"
            "compare (default: degree,betweenness,closeness; the others have no two-mode\n"
            "definition):\n"
            "  degree       " COOPNET_TWO_MODE_TEXT_DEGREE "\n"
            "  betweenness  " COOPNET_TWO_MODE_TEXT_BETWEENNESS "\n"
            "  closeness    " COOPNET_TWO_MODE_TEXT_CLOSENESS "\n"
            "               (empty if isolated)\n"
            "With --events, the events follow the actors, each sorted by the first measure\n"
            "(--top N rows of each), in a table with a first column mode (actor or event);\n"
            "an event's name is its title and its level is empty.\n",
    .examples = "Examples:\n"
                "  coopnet centrality datasets/mena-hub --measure betweenness,degree --top 10\n"
                "  coopnet centrality datasets/davis-southern-women --two-mode --events\n",
    .run = run_centrality};

static int run_centrality(int argc, char **argv)
{
    cli_analysis_t analysis;
    cli_analysis_init(&analysis, &cli_command_centrality);
    cli_measures_t measure_option;
    cli_measures_init(&measure_option);
    const coopnet_measure_t *measures = measure_option.items;
    size_t n_measures = 0;
    bool weighted = false, two_mode = false, events = false, measure_given = false;
    long long top = -1;
    int exit_status = COOPNET_EXIT_OK;
    double *values = NULL;
    igraph_vector_int_t order;
    bool order_ready = false;
    igraph_vector_t measure_values[COOPNET_MEASURE_COUNT];
    size_t n_columns = 0;
    igraph_vector_t bounds[COOPNET_MEASURE_COUNT];
    size_t n_bounds = 0;
    coopnet_centrality_policy_t policy;
    coopnet_centrality_policy_init(&policy);
    long long seed = (long long)policy.approx.seed;
    coopnet_progress_t progress;
    coopnet_error_t err;

    const cli_option_t options[] = {
        {.name = "measure",
         .argument = "LIST",
         .help = "comma-separated measures (default: all, in the order\nabove)",
         .value = &measure_option,
         .parse = cli_parse_measure_list,
         .given = &measure_given},
        CLI_FLAG("weighted", 0, "use the link weights as described above", &weighted),
        CLI_FLAG("two-mode", 0, "measure the actor-event graph (see above)", &two_mode),
        CLI_FLAG("events", 0, "with --two-mode: the events' rows too", &events),
        CLI_INTEGER("top", "N", "only the first N rows", &top, 0, -1),
        CLI_VALUE("approx", "EPS",
                  "sample betweenness, closeness and harmonic, within\nEPS of exact (0 < EPS < 1; "
                  "see above)",
                  &policy, cli_parse_approx),
        CLI_VALUE("confidence", "P",
                  "probability that every actor is within its bound\n(0 < P < 1, default 0.95)",
                  &policy.approx.confidence, cli_parse_fraction),
        CLI_INTEGER("seed", "S", "seed of the samples (default 1)", &seed, 0, -1),
        CLI_VALUE("time-budget", "SECONDS", "exact when it would take at most this (default 60)",
                  &policy.time_budget, cli_parse_positive),
        {.name = "exact",
         .help = "exact whatever it takes (no sampling)",
         .value = &policy,
         .parse = cli_parse_exact_centrality},
        CLI_ANALYSIS_OPTIONS(&analysis),
        CLI_ALIAS("measures", "measure"),
        CLI_OPTION_END};
    int n_operands = cli_parse_options(&cli_command_centrality, options, argc, argv, &exit_status);
    if (n_operands < 0)
        goto cleanup;
    if (events && !two_mode) {
        exit_status = cli_usage_error(&cli_command_centrality, "--events needs --two-mode");
        goto cleanup;
    }
    if (two_mode && (exit_status = check_two_mode_options(&measure_option, measure_given,
                                                          weighted)) != COOPNET_EXIT_OK)
        goto cleanup;
    if (two_mode && policy.method == COOPNET_CENTRALITY_APPROX) {
        exit_status = cli_usage_error(&cli_command_centrality,
                                      "--approx does not apply to --two-mode (the two-mode "
                                      "measures are exact only)");
        goto cleanup;
    }
    n_measures = measure_option.n_items;
    for (size_t k = 0; weighted && policy.method == COOPNET_CENTRALITY_APPROX && k < n_measures;
         k++)
        if (coopnet_measure_has_approximation(measures[k], false)) {
            exit_status = cli_usage_error(&cli_command_centrality,
                                          "--approx does not apply to weighted %s (weighted "
                                          "path measures are exact only): drop --weighted or "
                                          "--approx",
                                          coopnet_measure_name(measures[k]));
            goto cleanup;
        }
    policy.approx.seed = (uint64_t)seed;
    if ((exit_status = cli_analysis_start(&analysis, n_operands, argv)) != COOPNET_EXIT_OK)
        goto cleanup;
    if (two_mode) {
        exit_status = write_two_mode(&analysis, measures, n_measures, events, top);
        goto cleanup;
    }

    igraph_integer_t n = igraph_vcount(&analysis.graph.graph);
    values = malloc(((size_t)n * n_measures + 1) * sizeof *values);
    order_ready = igraph_vector_int_init(&order, 0) == IGRAPH_SUCCESS;
    if (values == NULL || !order_ready) {
        cli_error("out of memory");
        exit_status = COOPNET_EXIT_FAILURE;
        goto cleanup;
    }
    for (; n_columns < n_measures; n_columns++)
        if (igraph_vector_init(&measure_values[n_columns], 0) != IGRAPH_SUCCESS) {
            cli_error("out of memory");
            exit_status = COOPNET_EXIT_FAILURE;
            goto cleanup;
        }
    for (; n_bounds < n_measures; n_bounds++)
        if (igraph_vector_init(&bounds[n_bounds], 0) != IGRAPH_SUCCESS) {
            cli_error("out of memory");
            exit_status = COOPNET_EXIT_FAILURE;
            goto cleanup;
        }
    coopnet_centrality_plan_t plan;
    if (coopnet_centrality_choose(&analysis.graph, measures, n_measures, weighted, &policy, &plan,
                                  &err) != COOPNET_OK) {
        exit_status = err.code == COOPNET_EINVAL
                          ? cli_usage_error(&cli_command_centrality, "%s", err.message)
                          : cli_fail(&err);
        goto cleanup;
    }
    note_approximation(&policy, &plan, measures, n_measures);
    progress = cli_progress();
    int status =
        coopnet_centrality_compute_planned(&analysis.graph, measures, n_measures, weighted, &plan,
                                           measure_values, bounds, NULL, &progress, &err);
    cli_progress_finish();
    if (status != COOPNET_OK) {
        exit_status = cli_fail(&err);
        goto cleanup;
    }
    for (size_t k = 0; k < n_measures; k++)
        memcpy(values + k * (size_t)n, VECTOR(measure_values[k]), (size_t)n * sizeof *values);
    if (coopnet_rank_vertices(&measure_values[0], &order, &err) != COOPNET_OK) {
        exit_status = cli_fail(&err);
        goto cleanup;
    }

    /* a sampled measure is followed by its bound; the confidence comes last */
    static const char *const bound_names[COOPNET_MEASURE_COUNT] = {
        [COOPNET_MEASURE_BETWEENNESS] = "betweenness_error_bound",
        [COOPNET_MEASURE_CLOSENESS] = "closeness_error_bound",
        [COOPNET_MEASURE_HARMONIC] = "harmonic_error_bound"};
    const char *columns[5 + 2 * COOPNET_MEASURE_COUNT] = {"id", "name", "level", "country"};
    size_t n_table_columns = 4;
    bool sampled = false;
    for (size_t k = 0; k < n_measures; k++) {
        columns[n_table_columns++] = coopnet_measure_name(measures[k]);
        if (igraph_vector_size(&bounds[k]) > 0) {
            columns[n_table_columns++] = bound_names[measures[k]];
            sampled = true;
        }
    }
    if (sampled)
        columns[n_table_columns++] = "confidence";
    coopnet_table_t table;
    coopnet_table_begin(&table, cli_analysis_stream(&analysis), analysis.format, columns,
                        n_table_columns);
    igraph_integer_t rows = top >= 0 && top < n ? (igraph_integer_t)top : n;
    for (igraph_integer_t r = 0; r < rows; r++) {
        igraph_integer_t v = VECTOR(order)[r];
        cli_analysis_actor_cells(&analysis, &table, v);
        for (size_t k = 0; k < n_measures; k++) {
            coopnet_table_number(&table, values[k * (size_t)n + (size_t)v]);
            if (igraph_vector_size(&bounds[k]) > 0)
                coopnet_table_number(&table, VECTOR(bounds[k])[v]);
        }
        if (sampled)
            coopnet_table_number(&table, plan.approx.confidence);
        coopnet_table_end_row(&table);
    }
    coopnet_table_end(&table);
    exit_status = cli_analysis_finish(&analysis);
cleanup:
    free(values);
    if (order_ready)
        igraph_vector_int_destroy(&order);
    for (size_t k = 0; k < n_columns; k++)
        igraph_vector_destroy(&measure_values[k]);
    for (size_t k = 0; k < n_bounds; k++)
        igraph_vector_destroy(&bounds[k]);
    cli_analysis_free(&analysis);
    return exit_status;
}

/* One line on stderr when the path measures are sampled: which, why, and the bound. */
static void note_approximation(const coopnet_centrality_policy_t *policy,
                               const coopnet_centrality_plan_t *plan,
                               const coopnet_measure_t *measures, size_t n_measures)
{
    if (plan->method != COOPNET_CENTRALITY_APPROX || cli_quiet)
        return;
    char names[64] = "";
    size_t n_sampled = 0;
    for (size_t k = 0; k < n_measures; k++)
        if (coopnet_measure_has_approximation(measures[k], false))
            n_sampled++;
    for (size_t k = 0, written = 0; k < n_measures; k++) {
        if (!coopnet_measure_has_approximation(measures[k], false))
            continue;
        written++;
        const char *separator = written == 1 ? "" : written == n_sampled ? " and " : ", ";
        size_t used = strlen(names);
        snprintf(names + used, sizeof names - used, "%s%s", separator,
                 coopnet_measure_name(measures[k]));
    }
    if (policy->method == COOPNET_CENTRALITY_AUTO)
        fprintf(stderr,
                "coopnet: note: exact %s would take about %.3g s, over the time budget of %g s: "
                "sampled instead, each actor within its *_error_bound of the exact value with "
                "probability %g (normalised betweenness and harmonic within %g; --exact forces "
                "the exact computation)\n",
                names, plan->exact_seconds, policy->time_budget, plan->approx.confidence,
                plan->approx.epsilon);
    else
        fprintf(stderr,
                "coopnet: note: %s %s approximate: each actor within its *_error_bound of the "
                "exact value with probability %g (normalised betweenness and harmonic within %g; "
                "seed %llu)\n",
                names, n_sampled == 1 ? "is" : "are", plan->approx.confidence, plan->approx.epsilon,
                (unsigned long long)plan->approx.seed);
}

/* --two-mode: only the measures with a two-mode definition (by default all of them), unweighted. */
static int check_two_mode_options(cli_measures_t *measures, bool measure_given, bool weighted)
{
    if (weighted)
        return cli_usage_error(&cli_command_centrality,
                               "--weighted does not apply to --two-mode (the actor-event graph "
                               "has no weights)");
    if (!measure_given) {
        static const coopnet_measure_t defaults[] = {
            COOPNET_MEASURE_DEGREE, COOPNET_MEASURE_BETWEENNESS, COOPNET_MEASURE_CLOSENESS};
        memcpy(measures->items, defaults, sizeof defaults);
        measures->n_items = sizeof defaults / sizeof *defaults;
        return COOPNET_EXIT_OK;
    }
    for (size_t k = 0; k < measures->n_items; k++)
        if (!coopnet_measure_has_two_mode(measures->items[k]))
            return cli_usage_error(&cli_command_centrality,
                                   "measure '%s' has no two-mode definition (two-mode "
                                   "measures: " COOPNET_TWO_MODE_MEASURE_NAMES ")",
                                   coopnet_measure_name(measures->items[k]));
    return COOPNET_EXIT_OK;
}

/* The rows of one mode (vertices first .. first + count of the two-mode graph), sorted by the
 * first measure, at most top of them (top < 0: all). */
static int write_mode_rows(cli_analysis_t *analysis, coopnet_table_t *table,
                           const coopnet_two_mode_t *graph, const igraph_vector_t *values,
                           size_t n_measures, bool mode_column, igraph_integer_t first,
                           igraph_integer_t count, long long top, igraph_vector_int_t *order)
{
    coopnet_error_t err;
    igraph_vector_t first_measure = {0}; /* filled by igraph_vector_view */
    igraph_vector_view(&first_measure, VECTOR(values[0]) + first, count);
    if (coopnet_rank_vertices(&first_measure, order, &err) != COOPNET_OK)
        return cli_fail(&err);
    igraph_integer_t rows = top >= 0 && top < count ? (igraph_integer_t)top : count;
    for (igraph_integer_t r = 0; r < rows; r++) {
        igraph_integer_t v = first + VECTOR(*order)[r];
        igraph_integer_t item = VECTOR(graph->item)[v];
        bool is_event = VECTOR(graph->is_event)[v];
        if (mode_column)
            coopnet_table_string(table, is_event ? "event" : "actor");
        if (is_event) {
            const coopnet_event_t *event = &analysis->bundle->events[item];
            coopnet_table_string(table, event->id);
            coopnet_table_string(table, event->title);
            coopnet_table_missing(table);
            coopnet_table_string(table, event->country);
        } else {
            cli_analysis_bundle_actor_cells(analysis, table, item);
        }
        for (size_t k = 0; k < n_measures; k++)
            coopnet_table_number(table, VECTOR(values[k])[v]);
        coopnet_table_end_row(table);
    }
    return COOPNET_EXIT_OK;
}

/* centrality --two-mode: the measures of the actor-event graph built with the same options as
 * the cooperation graph; the actors, then with events the events. */
static int write_two_mode(cli_analysis_t *analysis, const coopnet_measure_t *measures,
                          size_t n_measures, bool events, long long top)
{
    int exit_status = COOPNET_EXIT_OK;
    coopnet_two_mode_t graph;
    bool graph_ready = false, order_ready = false;
    igraph_vector_t values[COOPNET_MEASURE_COUNT];
    size_t n_values = 0;
    igraph_vector_int_t order;
    coopnet_progress_t progress;
    coopnet_error_t err;

    if (coopnet_two_mode_init(&graph, analysis->bundle, &analysis->graph.options, &err) !=
        COOPNET_OK) {
        exit_status = cli_fail(&err);
        goto cleanup;
    }
    graph_ready = true;
    order_ready = igraph_vector_int_init(&order, 0) == IGRAPH_SUCCESS;
    for (; order_ready && n_values < n_measures; n_values++)
        if (igraph_vector_init(&values[n_values], 0) != IGRAPH_SUCCESS)
            break;
    if (!order_ready || n_values < n_measures) {
        cli_error("out of memory");
        exit_status = COOPNET_EXIT_FAILURE;
        goto cleanup;
    }
    progress = cli_progress();
    int status =
        coopnet_centrality_two_mode_set(&graph, measures, n_measures, values, &progress, &err);
    cli_progress_finish();
    if (status != COOPNET_OK) {
        exit_status = cli_fail(&err);
        goto cleanup;
    }

    const char *columns[5 + COOPNET_MEASURE_COUNT] = {"mode", "id", "name", "level", "country"};
    size_t skip = events ? 0 : 1; /* the mode column only when both modes are written */
    for (size_t k = 0; k < n_measures; k++)
        columns[5 + k] = coopnet_measure_name(measures[k]);
    coopnet_table_t table;
    coopnet_table_begin(&table, cli_analysis_stream(analysis), analysis->format, columns + skip,
                        5 + n_measures - skip);
    igraph_integer_t n_actors = graph.n_actor_vertices;
    exit_status = write_mode_rows(analysis, &table, &graph, values, n_measures, events, 0, n_actors,
                                  top, &order);
    if (exit_status == COOPNET_EXIT_OK && events)
        exit_status = write_mode_rows(analysis, &table, &graph, values, n_measures, true, n_actors,
                                      igraph_vcount(&graph.graph) - n_actors, top, &order);
    coopnet_table_end(&table);
    if (exit_status == COOPNET_EXIT_OK)
        exit_status = cli_analysis_finish(analysis);
cleanup:
    for (size_t k = 0; k < n_values; k++)
        igraph_vector_destroy(&values[k]);
    if (order_ready)
        igraph_vector_int_destroy(&order);
    if (graph_ready)
        coopnet_two_mode_destroy(&graph);
    return exit_status;
}
