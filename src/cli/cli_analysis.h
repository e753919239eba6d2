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

#define CLI_ANALYSIS_OPTIONS                                                                       \
    CLI_GRAPH_OPTIONS, CLI_COMMON_OPTIONS, {"output", required_argument, NULL, 'o'},               \
    {                                                                                              \
        "format", required_argument, NULL, CLI_OPT_FORMAT                                          \
    }

#define CLI_ANALYSIS_OPTIONS_HELP                                                                  \
    "  -o, --output FILE          write there (atomically) instead of stdout\n"                    \
    "  --format csv|json          tidy CSV (default) or a JSON array of "                          \
    "objects\n" CLI_GRAPH_OPTIONS_HELP                                                             \
    "  --quiet                    no warnings, notes or progress\n"

void cli_analysis_init(cli_analysis_t *analysis, const cli_command_t *command);

/* Handles one shared option. Returns 1 when handled, 0 when opt is the command's own, or -1 when
 * the command must stop with *exit_status (0 after --help, 2 after a usage error). */
int cli_analysis_option(cli_analysis_t *analysis, int opt, const char *value, char **argv,
                        int *exit_status);

/* After option parsing: expects exactly one BUNDLE operand, loads it, builds the cooperation
 * graph and opens the output. Returns an exit status (0 to go on). */
int cli_analysis_start(cli_analysis_t *analysis, int argc, char **argv);

FILE *cli_analysis_stream(cli_analysis_t *analysis);

/* Commits the output; returns an exit status. */
int cli_analysis_finish(cli_analysis_t *analysis);

/* Frees everything; an uncommitted output is removed. */
void cli_analysis_free(cli_analysis_t *analysis);

/* Parses a non-negative integer option value into *value; usage error (returns 2) otherwise. */
int cli_analysis_parse_count(cli_analysis_t *analysis, const char *option, const char *text,
                             long long *value);

/* Writes the id, name, level and country cells of the actor of vertex v. */
void cli_analysis_actor_cells(cli_analysis_t *analysis, coopnet_table_t *table,
                              igraph_integer_t vertex);

#endif
