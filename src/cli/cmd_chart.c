/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cmd_chart.c - `coopnet chart KIND BUNDLE -o FILE`: charts for reports. */
#include "cli.h"
#include "cli_figure.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int run_chart(int argc, char **argv);

const cli_command_t cli_command_chart = {
    "chart",
    "draw a chart: ranking, nlc-matrix, snapshots, participation or reach-curve (PNG, PDF, SVG)",
    "usage: coopnet chart [OPTIONS] KIND BUNDLE -o FILE.{png,pdf,svg}",
    "\nDraws one chart of the bundle, with axes, gridlines, a title and a source line:\n"
    "  ranking        horizontal bars: the top actors by a measure, coloured by level\n"
    "  nlc-matrix     heat map of the density of links between levels (local, regional,\n"
    "                 national, international), values in the cells; --country CC\n"
    "  snapshots      small multiples: the network as of the end of each year, every\n"
    "                 actor in the same place in every panel\n"
    "  participation  events per quarter, stacked by event type\n"
    "  reach-curve    reach over time along time-respecting paths (see `coopnet reach`):\n"
    "                 the share of actor pairs linked, or with --from one line per source\n"
    "                 of the actors it reaches\n\n"
    "Options:\n"
    "  -o, --output FILE          the chart to write: .png, .pdf or .svg (required)\n"
    "  --measure MEASURE          ranking: degree (default), strength, betweenness,\n"
    "                             closeness, harmonic, eigenvector, pagerank,\n"
    "                             coreness, constraint\n"
    "  --top N                    ranking: how many actors (default 15)\n"
    "  --country CC               nlc-matrix: only actors of this country (ISO code)\n"
    "  --seed N                   snapshots: layout seed (default 1)\n"
    "  --every PERIOD             reach-curve: month, quarter (default) or year\n"
    "  --from ID[,ID...]          reach-curve: source actors (at most 6), one line each\n"
    "  --label-field FIELD        short (default), name, name_ar, name_fr, "
    "id\n" CLI_FIGURE_OPTIONS_HELP CLI_GRAPH_OPTIONS_HELP
    "  --quiet                    do not print warnings\n\n"
    "Examples:\n"
    "  coopnet chart ranking datasets/mena-hub --measure betweenness -o ranking.png\n"
    "  coopnet chart nlc-matrix datasets/mena-hub --country MA -o nlc-ma.pdf\n"
    "  coopnet chart reach-curve datasets/mena-hub --from saida,fes -o reach.png\n",
    run_chart};

enum {
    OPT_MEASURE = CLI_OPT_FIRST_COMMAND_OPTION,
    OPT_TOP,
    OPT_COUNTRY,
    OPT_SEED,
    OPT_LABEL_FIELD,
    OPT_EVERY,
    OPT_FROM
};

static int run_chart(int argc, char **argv)
{
    static const struct option options[] = {
        CLI_GRAPH_OPTIONS,
        CLI_COMMON_OPTIONS,
        CLI_FIGURE_OPTIONS,
        {"output", required_argument, NULL, 'o'},
        {"measure", required_argument, NULL, OPT_MEASURE},
        {"top", required_argument, NULL, OPT_TOP},
        {"country", required_argument, NULL, OPT_COUNTRY},
        {"seed", required_argument, NULL, OPT_SEED},
        {"label-field", required_argument, NULL, OPT_LABEL_FIELD},
        {"every", required_argument, NULL, OPT_EVERY},
        {"from", required_argument, NULL, OPT_FROM},
        {NULL, 0, NULL, 0}};
    const cli_command_t *command = &cli_command_chart;
    cli_graph_options_t graph_options;
    cli_graph_options_init(&graph_options);
    coopnet_chart_options_t chart;
    coopnet_chart_options_init(&chart);
    const char *output_path = NULL;
    int opt;
    int exit_status = COOPNET_EXIT_OK;
    coopnet_bundle_t *bundle = NULL;
    coopnet_error_t err;
    coopnet_figure_format_t format;
    coopnet_chart_kind_t kind;
    unsigned long top;
    char *from_text = NULL; /* owned copy of --from, split in place */
    const char *sources[COOPNET_CHART_MAX_SOURCES];
    bool reach_options = false;

    while ((opt = getopt_long(argc, argv, "ho:", options, NULL)) != -1) {
        int status = COOPNET_OK;
        switch (opt) {
        case 'o':
            output_path = optarg;
            continue;
        case OPT_MEASURE:
            if (!cli_is_measure(optarg))
                status = coopnet_error_set(&err, COOPNET_EINVAL,
                                           "unknown measure '%s': use degree, strength, "
                                           "betweenness, closeness, harmonic, eigenvector, "
                                           "pagerank, coreness or constraint",
                                           optarg);
            chart.measure = optarg;
            break;
        case OPT_TOP:
            status = cli_parse_seed(optarg, &top, &err);
            if (status != COOPNET_OK || top == 0 || top > 1000)
                status = coopnet_error_set(&err, COOPNET_EINVAL,
                                           "--top needs a number from 1 to 1000, not '%s'", optarg);
            chart.top = (size_t)top;
            break;
        case OPT_COUNTRY:
            if (!coopnet_country_is_valid(optarg))
                status = coopnet_error_set(&err, COOPNET_EINVAL,
                                           "bad country '%s': use an ISO 3166-1 alpha-2 code "
                                           "such as MA",
                                           optarg);
            chart.country = optarg;
            break;
        case OPT_SEED:
            status = cli_parse_seed(optarg, &chart.seed, &err);
            break;
        case OPT_LABEL_FIELD:
            status = coopnet_label_field_parse(optarg, &chart.label_field, &err);
            break;
        case OPT_EVERY:
            status = coopnet_period_parse(optarg, &chart.period, &err);
            reach_options = true;
            break;
        case OPT_FROM:
            free(from_text);
            from_text = strdup(optarg);
            if (from_text == NULL) {
                coopnet_error_set(&err, COOPNET_ENOMEM, "out of memory");
                exit_status = cli_fail(&err);
                goto cleanup;
            }
            chart.n_sources = 0;
            reach_options = true;
            for (char *id = strtok(from_text, ","); id != NULL; id = strtok(NULL, ",")) {
                if (chart.n_sources == COOPNET_CHART_MAX_SOURCES) {
                    status =
                        coopnet_error_set(&err, COOPNET_EINVAL, "--from takes at most %d actors",
                                          COOPNET_CHART_MAX_SOURCES);
                    break;
                }
                sources[chart.n_sources++] = id;
            }
            if (status == COOPNET_OK && chart.n_sources == 0)
                status = coopnet_error_set(&err, COOPNET_EINVAL, "--from needs actor ids, not '%s'",
                                           optarg);
            chart.sources = sources;
            break;
        default:
            if (!cli_figure_shared_option(command, &chart.figure, &graph_options, opt, optarg, argv,
                                          &exit_status))
                goto cleanup;
            continue;
        }
        if (status != COOPNET_OK) {
            exit_status = cli_usage_error(command, "%s", err.message);
            goto cleanup;
        }
    }
    if (optind + 2 != argc || output_path == NULL) {
        exit_status = cli_usage_error(command, "expected KIND, one BUNDLE and -o FILE");
        goto cleanup;
    }
    if (coopnet_chart_kind_parse(argv[optind], &kind, &err) != COOPNET_OK ||
        coopnet_figure_format_from_path(output_path, &format, &err) != COOPNET_OK) {
        exit_status = cli_usage_error(command, "%s", err.message);
        goto cleanup;
    }
    if (reach_options && kind != COOPNET_CHART_REACH_CURVE) {
        exit_status = cli_usage_error(command, "--every and --from are for reach-curve only");
        goto cleanup;
    }
    if ((exit_status = cli_load_bundle(argv[optind + 1], &bundle)) != COOPNET_EXIT_OK)
        goto cleanup;
    chart.graph = graph_options.graph;
    if (coopnet_chart_render(bundle, kind, &chart, output_path, &err) != COOPNET_OK)
        exit_status = err.code == COOPNET_EINVAL ? cli_usage_error(command, "%s", err.message)
                                                 : cli_fail(&err);
cleanup:
    free(from_text);
    coopnet_bundle_free(bundle);
    cli_graph_options_free(&graph_options);
    return exit_status;
}
