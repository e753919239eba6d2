/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cmd_render.c - `coopnet render BUNDLE -o FILE`: the network figure. */
#include "cli.h"
#include "cli_figure.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int run_render(int argc, char **argv);

const cli_command_t cli_command_render = {
    .name = "render",
    .summary =
        "draw the cooperation network as PNG, PDF or SVG, with legend, title and source line",
    .usage = "usage: coopnet render [OPTIONS] BUNDLE -o FILE.{png,pdf,svg}",
    .help =
        "\nDraws the cooperation graph: nodes coloured by level (or --color-by), sized by a\n"
        "centrality measure, links as wide as their weight, arrowheads on directed ties, labels\n"
        "that never overlap (moved, then shortened with an ellipsis, then the lowest-ranked\n"
        "dropped), a legend, a title and a source line. The file is written atomically.\n"
        "Above 200 nodes a crowded canvas gets smaller nodes and thinner arrowheads; above\n"
        "2000 links, lines are drawn in one pass per width, so crossings do not darken.\n",
    .examples =
        "Examples:\n"
        "  coopnet render datasets/mena-hub -o mena.png\n"
        "  coopnet render datasets/mena-hub --layout geo -o mena-geo.pdf\n"
        "  coopnet render datasets/mena-hub --label-field name_ar --label top:15 -o mena-ar.svg\n",
    .run = run_render};

static int parse_layout(const cli_option_t *option, const char *value, void *field,
                        coopnet_error_t *err)
{
    (void)option;
    return coopnet_layout_kind_parse(value, field, err);
}

static int parse_labels(const cli_option_t *option, const char *value, void *field,
                        coopnet_error_t *err)
{
    (void)option;
    coopnet_render_options_t *render = field;
    return coopnet_label_mode_parse(value, &render->labels, &render->label_top, err);
}

static int run_render(int argc, char **argv)
{
    const cli_command_t *command = &cli_command_render;
    cli_graph_options_t graph_options;
    cli_graph_options_init(&graph_options);
    coopnet_render_options_t render;
    coopnet_render_options_init(&render);
    const char *output_path = NULL;
    int exit_status = COOPNET_EXIT_OK;
    coopnet_bundle_t *bundle = NULL;
    coopnet_error_t err;
    coopnet_figure_format_t format;

    const cli_option_t options[] = {
        CLI_STRING("output", 'o', "FILE", "the figure to write: .png, .pdf or .svg (required)",
                   &output_path),
        CLI_VALUE("layout", "NAME",
                  "fr (default; exact up to 500 actors, Barnes-Hut\n"
                  "approximation above: 10 000 actors in about a second),\n"
                  "kk, drl (igraph's DrL: slow, a minute at 10 000 actors),\n"
                  "geo (lat/lon on a map of land and borders), circle\n"
                  "(grouped by --group-by), bipartite (events and actors as\n"
                  "two ranks), timeline (who came to what, when)",
                  &render.layout, parse_layout),
        CLI_VALUE("seed", "N", "layout seed (default 1): same seed, same figure", &render.seed,
                  cli_parse_seed),
        CLI_STRING("color-by", 0, "ATTRIBUTE",
                   "actor attribute for colour (default level; Okabe-Ito)", &render.color_by),
        CLI_STRING("group-by", 0, "ATTRIBUTE",
                   "circle layout groups (default: the colour attribute)", &render.group_by),
        CLI_VALUE("size-by", "MEASURE",
                  "degree (default), strength, betweenness, closeness,\nharmonic, eigenvector, "
                  "pagerank, coreness,\nconstraint, or none",
                  &render.size_by, cli_parse_measure_or_none),
        CLI_VALUE("label", "auto|all|top:N|none",
                  "which nodes get labels (default auto: all up to 300\nnodes, the top 50 by "
                  "size above)",
                  &render, parse_labels),
        CLI_VALUE("label-field", "FIELD",
                  "short (default: acronym of long names), name, name_ar,\nname_fr, id",
                  &render.label_field, cli_parse_label_field),
        CLI_FIGURE_OPTIONS(&render.figure),
        CLI_GRAPH_OPTIONS(&graph_options),
        CLI_QUIET("do not print warnings"),
        CLI_SYNONYM("colour-by", "color-by"),
        CLI_OPTION_END};
    int n_operands = cli_parse_options(command, options, argc, argv, &exit_status);
    if (n_operands < 0)
        goto cleanup;
    if (n_operands != 1 || output_path == NULL) {
        exit_status = cli_usage_error(command, "expected one BUNDLE and -o FILE");
        goto cleanup;
    }
    if (coopnet_figure_format_from_path(output_path, &format, &err) != COOPNET_OK) {
        exit_status = cli_usage_error(command, "%s", err.message);
        goto cleanup;
    }
    if ((exit_status = cli_load_bundle(argv[0], &bundle)) != COOPNET_EXIT_OK)
        goto cleanup;
    render.graph = graph_options.graph;
    if (render.layout == COOPNET_LAYOUT_GEO)
        cli_warn_without_map_data();
    if (coopnet_render_network(bundle, &render, output_path, NULL, &err) != COOPNET_OK)
        exit_status = cli_fail(&err);
cleanup:
    coopnet_bundle_free(bundle);
    cli_graph_options_free(&graph_options);
    return exit_status;
}
