/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cmd_chart.c - `coopnet chart KIND BUNDLE -o FILE`: charts for reports. */
#include "cli.h"
#include "cli_figure.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int run_chart(int argc, char **argv);

const cli_command_t cli_command_chart = {
    .name = "chart",
    .summary = "draw a chart: ranking, nlc-matrix, snapshots, participation or reach-curve (PNG, "
               "PDF, SVG)",
    .usage = "usage: coopnet chart [OPTIONS] KIND BUNDLE -o FILE.{png,pdf,svg}",
    .help = "\nDraws one chart of the bundle, with axes, gridlines, a title and a source line:\n"
            "  ranking        horizontal bars: the top actors by a measure, coloured by level\n"
            "  nlc-matrix     heat map of the density of links between levels (local, regional,\n"
            "                 national, international), values in the cells; --country CC\n"
            "  snapshots      small multiples: the network as of the end of each year, every\n"
            "                 actor in the same place in every panel\n"
            "  participation  events per quarter, stacked by event type\n"
            "  reach-curve    reach over time along time-respecting paths (see `coopnet reach`):\n"
            "                 the share of actor pairs linked, or with --from one line per source\n"
            "                 of the actors it reaches\n",
    .examples = "Examples:\n"
                "  coopnet chart ranking datasets/mena-hub --measure betweenness -o ranking.png\n"
                "  coopnet chart nlc-matrix datasets/mena-hub --country MA -o nlc-ma.pdf\n"
                "  coopnet chart reach-curve datasets/mena-hub --from saida,fes -o reach.png\n",
    .run = run_chart};

static int run_chart(int argc, char **argv)
{
    const cli_command_t *command = &cli_command_chart;
    cli_graph_options_t graph_options;
    cli_graph_options_init(&graph_options);
    coopnet_chart_options_t chart;
    coopnet_chart_options_init(&chart);
    const char *output_path = NULL;
    int exit_status = COOPNET_EXIT_OK;
    coopnet_bundle_t *bundle = NULL;
    coopnet_error_t err;
    coopnet_figure_format_t format;
    coopnet_chart_kind_t kind;
    long long top = 15;
    cli_ids_t from = {0};
    bool reach_options = false, top_given = false;

    const cli_option_t options[] = {
        CLI_STRING("output", 'o', "FILE", "the chart to write: .png, .pdf or .svg (required)",
                   &output_path),
        CLI_VALUE("measure", "MEASURE",
                  "ranking: degree (default), strength, betweenness,\ncloseness, harmonic, "
                  "eigenvector, pagerank,\ncoreness, constraint",
                  &chart.measure, cli_parse_measure),
        {.name = "top",
         .argument = "N",
         .help = "ranking: how many actors (default 15)",
         .value = &top,
         .parse = cli_parse_integer,
         .min = 1,
         .max = 1000,
         .given = &top_given},
        CLI_VALUE("country", "CC",
                  "nlc-matrix: only the links between actors of this\ncountry (ISO code)",
                  &chart.country, cli_parse_country),
        CLI_VALUE("seed", "N", "snapshots: layout seed (default 1)", &chart.seed, cli_parse_seed),
        {.name = "every",
         .argument = "year|quarter|month",
         .help = "reach-curve: the step of the time axis (default quarter)",
         .value = &chart.period,
         .parse = cli_parse_period,
         .given = &reach_options},
        {.name = "from",
         .argument = "ID[,ID...]",
         .help = "reach-curve: source actors (at most 6), one line each",
         .value = &from,
         .parse = cli_parse_ids,
         .max = COOPNET_CHART_MAX_SOURCES,
         .given = &reach_options},
        CLI_VALUE("label-field", "FIELD", "short (default), name, name_ar, name_fr, id",
                  &chart.label_field, cli_parse_label_field),
        CLI_FIGURE_OPTIONS(&chart.figure),
        CLI_GRAPH_OPTIONS(&graph_options),
        CLI_QUIET("do not print warnings"),
        CLI_OPTION_END};
    chart.period = CLI_DEFAULT_PERIOD;
    int n_operands = cli_parse_options(command, options, argc, argv, &exit_status);
    if (n_operands < 0)
        goto cleanup;
    chart.top = (size_t)top;
    chart.sources = from.ids;
    chart.n_sources = from.n_ids;
    if (n_operands != 2 || output_path == NULL) {
        exit_status = cli_usage_error(command, "expected KIND, one BUNDLE and -o FILE");
        goto cleanup;
    }
    if (coopnet_chart_kind_parse(argv[0], &kind, &err) != COOPNET_OK ||
        coopnet_figure_format_from_path(output_path, &format, &err) != COOPNET_OK) {
        exit_status = cli_usage_error(command, "%s", err.message);
        goto cleanup;
    }
    if (reach_options && kind != COOPNET_CHART_REACH_CURVE) {
        exit_status = cli_usage_error(command, "--every and --from are for reach-curve only");
        goto cleanup;
    }
    if (top_given && kind != COOPNET_CHART_RANKING) { /* it was silently ignored */
        exit_status = cli_usage_error(command, "--top is for the ranking chart only");
        goto cleanup;
    }
    if ((exit_status = cli_load_bundle(argv[1], &bundle)) != COOPNET_EXIT_OK)
        goto cleanup;
    chart.graph = graph_options.graph;
    if (coopnet_chart_render(bundle, kind, &chart, output_path, &err) != COOPNET_OK)
        exit_status = err.code == COOPNET_EINVAL ? cli_usage_error(command, "%s", err.message)
                                                 : cli_fail(&err);
cleanup:
    cli_ids_free(&from);
    coopnet_bundle_free(bundle);
    cli_graph_options_free(&graph_options);
    return exit_status;
}
