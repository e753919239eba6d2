/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cli_analysis.h - what the analysis commands (centrality, nlc, groups, brokerage, communities,
 * snapshots) share: the options -o/--format plus the cooperation-graph filters, loading the
 * bundle, building the graph and the atomic output. */
#ifndef COOPNET_CLI_ANALYSIS_H
#define COOPNET_CLI_ANALYSIS_H

#include "cli.h"

#include <stdio.h>

typedef struct cli_analysis {
    const cli_command_t *command;
    cli_graph_options_t graph_options;
    coopnet_table_format_t format;
    const char *output_path; /* NULL: stdout */
    coopnet_bundle_t *bundle;
    coopnet_graph_t graph;
    coopnet_output_t *output;
} cli_analysis_t;

/* The option table entries every analysis command shares, into the cli_analysis_t *analysis. */
#define CLI_ANALYSIS_OPTIONS(analysis)                                                             \
    CLI_STRING("output", 'o', "FILE", "write there (atomically) instead of stdout",                \
               &(analysis)->output_path),                                                          \
        CLI_VALUE("format", "csv|csv-raw|json",                                                    \
                  "tidy CSV (default), CSV without formula guards, or JSON", &(analysis)->format,  \
                  cli_parse_format),                                                               \
        CLI_GRAPH_OPTIONS(&(analysis)->graph_options), CLI_QUIET("no warnings, notes or progress")

void cli_analysis_init(cli_analysis_t *analysis, const cli_command_t *command);

/* After option parsing: expects exactly one BUNDLE operand, loads it, builds the cooperation
 * graph and opens the output. Returns an exit status (0 to go on). */
int cli_analysis_start(cli_analysis_t *analysis, int n_operands, char **operands);

FILE *cli_analysis_stream(cli_analysis_t *analysis);

/* Commits the output; returns an exit status. */
int cli_analysis_finish(cli_analysis_t *analysis);

/* Frees everything; an uncommitted output is removed. */
void cli_analysis_free(cli_analysis_t *analysis);

/* Writes the id, name, level and country cells of the actor of vertex v. */
void cli_analysis_actor_cells(cli_analysis_t *analysis, coopnet_table_t *table,
                              igraph_integer_t vertex);

/* The same cells for the actor of index actor_index in the bundle. */
void cli_analysis_bundle_actor_cells(cli_analysis_t *analysis, coopnet_table_t *table,
                                     igraph_integer_t actor_index);

/* --compare FROM/TO,FROM/TO (nlc, snapshots): the cooperation graph of each window, the first
 * being analysis->graph once started, and what changed between them. */
typedef struct cli_compare {
    bool given;
    coopnet_date_t windows[2];
    char window_text[2][COOPNET_DATE_TEXT_SIZE]; /* as the output cells write them */
    coopnet_graph_t second;                      /* the second window's graph */
    coopnet_snapshots_comparison_t change;
} cli_compare_t;

#define CLI_COMPARE_OPTION(compare)                                                                \
    CLI_VALUE("compare", "FROM/TO,FROM/TO",                                                        \
              "two windows side by side with the change, each read\nas --between reads its "       \
              "window (--as-of-mode)",                                                             \
              (compare), cli_parse_compare)

int cli_parse_compare(const cli_option_t *option, const char *value, void *field,
                      coopnet_error_t *err); /* cli_compare_t */

/* cli_analysis_start for --compare: the first window's graph becomes analysis->graph, the
 * second's compare->second, and compare->change what changed. A usage error (2) with --as-of or
 * --between. Returns an exit status (0 to go on). */
int cli_analysis_start_compare(cli_analysis_t *analysis, int n_operands, char **operands,
                               cli_compare_t *compare);

/* The cells window_1, window_2, reading of every --compare row. */
void cli_compare_cells(const cli_analysis_t *analysis, const cli_compare_t *compare,
                       coopnet_table_t *table);

void cli_compare_free(cli_compare_t *compare);

#endif
