/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cmd_centrality.c - `coopnet centrality BUNDLE`: who holds the network together. */
#include "cli_analysis.h"

#include <stdlib.h>
#include <string.h>

static int run_centrality(int argc, char **argv);

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
            "and constraint use the weights.\n",
    .examples = "Example:\n"
                "  coopnet centrality datasets/mena-hub --measure betweenness,degree --top 10\n",
    .run = run_centrality};

static int run_centrality(int argc, char **argv)
{
    cli_analysis_t analysis;
    cli_analysis_init(&analysis, &cli_command_centrality);
    cli_measures_t measure_option;
    cli_measures_init(&measure_option);
    const coopnet_measure_t *measures = measure_option.items;
    size_t n_measures = 0;
    bool weighted = false;
    long long top = -1;
    int exit_status = COOPNET_EXIT_OK;
    double *values = NULL;
    igraph_vector_int_t order;
    bool order_ready = false;
    igraph_vector_t measure_values[COOPNET_MEASURE_COUNT];
    size_t n_columns = 0;
    coopnet_progress_t progress;
    coopnet_error_t err;

    const cli_option_t options[] = {
        CLI_VALUE("measure", "LIST", "comma-separated measures (default: all, in the order\nabove)",
                  &measure_option, cli_parse_measure_list),
        CLI_FLAG("weighted", 0, "use the link weights as described above", &weighted),
        CLI_INTEGER("top", "N", "only the first N rows", &top, 0, -1),
        CLI_ANALYSIS_OPTIONS(&analysis),
        CLI_ALIAS("measures", "measure"),
        CLI_OPTION_END};
    int n_operands = cli_parse_options(&cli_command_centrality, options, argc, argv, &exit_status);
    if (n_operands < 0)
        goto cleanup;
    n_measures = measure_option.n_items;
    if ((exit_status = cli_analysis_start(&analysis, n_operands, argv)) != COOPNET_EXIT_OK)
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
