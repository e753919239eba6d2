/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cmd_centrality.c - `coopnet centrality BUNDLE`: who holds the network together. */
#include "cli_analysis.h"

#include <stdlib.h>
#include <string.h>

static int run_centrality(int argc, char **argv);

const cli_command_t cli_command_centrality = {
    "centrality",
    "centrality of every actor: degree, betweenness, closeness, PageRank, constraint...",
    "usage: coopnet centrality [OPTIONS] BUNDLE",
    "\nOne row per actor (id,name,level,country, then one column per measure in the\n"
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
    "and constraint use the weights.\n\n"
    "Options:\n"
    "  --measures LIST            comma-separated measures (default: all, in the order\n"
    "                             above)\n"
    "  --weighted                 use the link weights as described above\n"
    "  --top N                    only the first N rows\n" CLI_ANALYSIS_OPTIONS_HELP "\n"
    "Example:\n"
    "  coopnet centrality datasets/mena-hub --measures betweenness,degree --top 10\n",
    run_centrality};

enum { OPT_MEASURES = CLI_OPT_FIRST_COMMAND_OPTION, OPT_WEIGHTED, OPT_TOP };

static int run_centrality(int argc, char **argv)
{
    static const struct option options[] = {CLI_ANALYSIS_OPTIONS,
                                            {"measures", required_argument, NULL, OPT_MEASURES},
                                            {"weighted", no_argument, NULL, OPT_WEIGHTED},
                                            {"top", required_argument, NULL, OPT_TOP},
                                            {NULL, 0, NULL, 0}};
    cli_analysis_t analysis;
    cli_analysis_init(&analysis, &cli_command_centrality);
    coopnet_measure_t measures[COOPNET_MEASURE_COUNT];
    size_t n_measures = COOPNET_MEASURE_COUNT;
    memcpy(measures, coopnet_measure_defaults, sizeof measures);
    bool weighted = false;
    long long top = -1;
    int opt, exit_status = COOPNET_EXIT_OK;
    double *values = NULL;
    igraph_vector_int_t order;
    bool order_ready = false;
    igraph_vector_t measure_values[COOPNET_MEASURE_COUNT];
    size_t n_columns = 0;
    coopnet_progress_t progress;
    coopnet_error_t err;

    while ((opt = getopt_long(argc, argv, ":ho:", options, NULL)) != -1) {
        int handled = cli_analysis_option(&analysis, opt, optarg, argv, &exit_status);
        if (handled < 0)
            goto cleanup;
        if (handled > 0)
            continue;
        if (opt == OPT_MEASURES) {
            if (coopnet_measure_parse_list(optarg, measures, COOPNET_MEASURE_COUNT, &n_measures,
                                           &err) != COOPNET_OK) {
                exit_status = cli_usage_error(&cli_command_centrality, "%s", err.message);
                goto cleanup;
            }
        } else if (opt == OPT_WEIGHTED) {
            weighted = true;
        } else if (opt == OPT_TOP) {
            if ((exit_status = cli_analysis_parse_count(&analysis, "--top", optarg, &top)) != 0)
                goto cleanup;
        } else {
            exit_status = cli_bad_option(&cli_command_centrality, argv);
            goto cleanup;
        }
    }
    if ((exit_status = cli_analysis_start(&analysis, argc, argv)) != COOPNET_EXIT_OK)
        goto cleanup;

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
    progress = cli_progress();
    int status = coopnet_centrality_compute_set(&analysis.graph, measures, n_measures, weighted,
                                                measure_values, &progress, &err);
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

    const char *columns[4 + COOPNET_MEASURE_COUNT] = {"id", "name", "level", "country"};
    for (size_t k = 0; k < n_measures; k++)
        columns[4 + k] = coopnet_measure_name(measures[k]);
    coopnet_table_t table;
    coopnet_table_begin(&table, cli_analysis_stream(&analysis), analysis.format, columns,
                        4 + n_measures);
    igraph_integer_t rows = top >= 0 && top < n ? (igraph_integer_t)top : n;
    for (igraph_integer_t r = 0; r < rows; r++) {
        igraph_integer_t v = VECTOR(order)[r];
        cli_analysis_actor_cells(&analysis, &table, v);
        for (size_t k = 0; k < n_measures; k++)
            coopnet_table_number(&table, values[k * (size_t)n + (size_t)v]);
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
    cli_analysis_free(&analysis);
    return exit_status;
}
