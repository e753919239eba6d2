/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cmd_explore.c - `coopnet explore BUNDLE -o FILE.html`: the interactive explorer page. */
#include "cli.h"
#include "cli_figure.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int run_explore(int argc, char **argv);

const cli_command_t cli_command_explore = {
    .name = "explore",
    .summary = "write an interactive explorer: one offline HTML page with every node's and "
               "link's sources",
    .usage = "usage: coopnet explore [OPTIONS] BUNDLE -o FILE.html",
    .help =
        "\nWrites one self-contained HTML page (no server, no network: the data, the code and\n"
        "Debian's D3 library, " COOPNET_EXPLORE_D3_PATH ", are inline) with\n"
        "the network where coopnet render places it (same layout, seed, colours and labels),\n"
        "zoom and pan; hover for an actor's level, country, type, degree and betweenness; click\n"
        "an actor or a link for the events and ties behind it, each with its source document,\n"
        "quote and date as written. Filters by level, country, layer (co-attendance, each tie\n"
        "type), as-of date (as --as-of and --as-of-mode), name (English, French, Arabic) and\n"
        "'without' an actor and the events it convened (as coopnet whatif --without); a map (the "
        "geo layout's positions on a\n"
        "graticule, when actors have lat/lon); a timeline of who came to what, when; sortable\n"
        "tables and CSV downloads of the current filter. The file is written atomically.\n",
    .examples = "Examples:\n"
                "  coopnet explore datasets/mena-hub -o mena.html\n"
                "  coopnet explore datasets/mena-hub --layout geo -o mena-map.html\n",
    .run = run_explore};

static int parse_layout(const cli_option_t *option, const char *value, void *field,
                        coopnet_error_t *err)
{
    (void)option;
    return coopnet_layout_kind_parse(value, field, err);
}

static int run_explore(int argc, char **argv)
{
    const cli_command_t *command = &cli_command_explore;
    cli_graph_options_t graph_options;
    cli_graph_options_init(&graph_options);
    coopnet_explore_options_t explore;
    coopnet_explore_options_init(&explore);
    const char *output_path = NULL;
    int exit_status = COOPNET_EXIT_OK;
    coopnet_bundle_t *bundle = NULL;
    coopnet_error_t err;

    const cli_option_t options[] = {
        CLI_STRING("output", 'o', "FILE", "the page to write, FILE.html (required)", &output_path),
        CLI_VALUE("layout", "NAME",
                  "the network view's positions, as coopnet render: fr\n"
                  "(default), kk, drl, geo, circle",
                  &explore.render.layout, parse_layout),
        CLI_VALUE("seed", "N", "layout seed (default 1): the seed of coopnet render",
                  &explore.render.seed, cli_parse_seed),
        CLI_STRING("title", 0, "TEXT", "the page's title (default: Cooperation network: NAME)",
                   &explore.render.figure.title),
        CLI_STRING("d3", 0, "FILE",
                   "the D3 3.x library to inline (default\n" COOPNET_EXPLORE_D3_PATH
                   ",\nDebian's libjs-d3)",
                   &explore.d3_path),
        CLI_GRAPH_FILTER_OPTIONS(&graph_options),
        CLI_QUIET("do not print warnings"),
        CLI_OPTION_END};
    int n_operands = cli_parse_options(command, options, argc, argv, &exit_status);
    if (n_operands < 0)
        goto cleanup;
    if (n_operands != 1 || output_path == NULL) {
        exit_status = cli_usage_error(command, "expected one BUNDLE and -o FILE.html");
        goto cleanup;
    }
    if (explore.render.layout == COOPNET_LAYOUT_BIPARTITE ||
        explore.render.layout == COOPNET_LAYOUT_TIMELINE) {
        exit_status =
            cli_usage_error(command, "--layout: the explorer places actors by fr, kk, drl, geo or "
                                     "circle (its timeline is a view of its own)");
        goto cleanup;
    }
    if ((exit_status = cli_load_bundle(argv[0], &bundle)) != COOPNET_EXIT_OK)
        goto cleanup;
    explore.render.graph = graph_options.graph;
    if (coopnet_explore_write(bundle, &explore, output_path, &err) != COOPNET_OK)
        exit_status = cli_fail(&err);
cleanup:
    coopnet_bundle_free(bundle);
    cli_graph_options_free(&graph_options);
    return exit_status;
}
