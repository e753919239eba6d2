/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cmd_backbone.c - `coopnet backbone BUNDLE`: which co-attending pairs share more events than
 * chance (SDSM or fixed-row model, coopnet/backbone.h). */
#include "cli_analysis.h"

#include <stdio.h>

static int run_backbone(int argc, char **argv);

const cli_command_t cli_command_backbone = {
    .name = "backbone",
    .summary = "significant co-attendance: the pairs sharing more events than chance",
    .usage = "usage: coopnet backbone [OPTIONS] BUNDLE",
    .help = "\nFor every pair of actors with at least one shared event, the shared events, the\n"
            "number expected under the null model and the upper-tail p-value:\n"
            "  from,to,shared,expected,p_value,kept\n"
            "p_value is unadjusted; kept = 1 when the p-value after the correction is below\n"
            "alpha. sdsm: each actor-event cell is an independent coin whose probability is\n"
            "fitted so that expected actor degrees and event sizes match the observed ones\n"
            "(Neal 2014); fixed-row: each actor's events are a random subset of its size\n"
            "(hypergeometric). The family of tests is every pair of actors with an event.\n"
            "--as-of, --exclude and --level choose the actors and events; --layer and\n"
            "--weighting do not apply (ties play no part), --backbone is refused.\n"
            "A summary line (pairs tested, pairs kept) goes to stderr, not with --quiet.\n"
            "Definitions: docs/measures.md.\n",
    .examples = "Examples:\n"
                "  coopnet backbone datasets/davis-southern-women\n"
                "  coopnet backbone datasets/mena-hub --model fixed-row --correction holm\n",
    .run = run_backbone};

static int parse_model(const cli_option_t *option, const char *value, void *field,
                       coopnet_error_t *err)
{
    (void)option;
    return coopnet_backbone_parse_model(value, field, err);
}

static int parse_correction(const cli_option_t *option, const char *value, void *field,
                            coopnet_error_t *err)
{
    (void)option;
    return coopnet_backbone_parse_correction(value, field, err);
}

static int parse_alpha(const cli_option_t *option, const char *value, void *field,
                       coopnet_error_t *err)
{
    (void)option;
    return coopnet_backbone_parse_alpha(value, field, err);
}

static int run_backbone(int argc, char **argv)
{
    cli_analysis_t analysis;
    cli_analysis_init(&analysis, &cli_command_backbone);
    coopnet_two_mode_t two_mode = {0};
    coopnet_backbone_t backbone = {0};
    coopnet_backbone_options_t backbone_options;
    coopnet_backbone_options_init(&backbone_options);
    int exit_status = COOPNET_EXIT_OK;
    coopnet_error_t err;

    const cli_option_t options[] = {
        CLI_VALUE("model", "sdsm|fixed-row", "the null model (default sdsm)",
                  &backbone_options.model, parse_model),
        CLI_VALUE("alpha", "A", "significance level, between 0 and 1 (default 0.05)",
                  &backbone_options.alpha, parse_alpha),
        CLI_VALUE("correction", "none|holm|bonferroni",
                  "multiple-testing correction (default none)", &backbone_options.correction,
                  parse_correction),
        CLI_ANALYSIS_OPTIONS(&analysis), CLI_OPTION_END};
    int n_operands = cli_parse_options(&cli_command_backbone, options, argc, argv, &exit_status);
    if (n_operands < 0)
        goto cleanup;
    if (analysis.graph_options.graph.backbone.kind != COOPNET_GRAPH_BACKBONE_NONE) {
        exit_status = cli_usage_error(&cli_command_backbone,
                                      "--backbone filters the cooperation graph; backbone tests "
                                      "the pairs itself (use --model)");
        goto cleanup;
    }
    if ((exit_status = cli_analysis_start(&analysis, n_operands, argv)) != COOPNET_EXIT_OK)
        goto cleanup;
    if (coopnet_two_mode_init(&two_mode, analysis.bundle, &analysis.graph_options.graph, &err) !=
            COOPNET_OK ||
        coopnet_backbone_compute(&two_mode, &backbone_options, &backbone, &err) != COOPNET_OK) {
        exit_status = cli_fail(&err);
        goto cleanup;
    }
    static const char *const columns[] = {"from", "to", "shared", "expected", "p_value", "kept"};
    coopnet_table_t table;
    coopnet_table_begin(&table, cli_analysis_stream(&analysis), analysis.format, columns, 6);
    for (size_t p = 0; p < backbone.n_pairs; p++) {
        const coopnet_backbone_pair_t *pair = &backbone.pairs[p];
        coopnet_table_string(&table, analysis.bundle->actors[pair->actor_a].id);
        coopnet_table_string(&table, analysis.bundle->actors[pair->actor_b].id);
        coopnet_table_integer(&table, pair->shared);
        coopnet_table_number(&table, pair->expected);
        coopnet_table_number(&table, pair->p_value);
        coopnet_table_integer(&table, pair->kept);
        coopnet_table_end_row(&table);
    }
    coopnet_table_end(&table);
    if ((exit_status = cli_analysis_finish(&analysis)) != COOPNET_EXIT_OK)
        goto cleanup;
    if (!cli_quiet)
        fprintf(stderr,
                "coopnet: backbone: %s%s, %zu pairs with shared events tested of %.0f pairs of "
                "%lld actors over %lld events, %zu kept at alpha %g (correction %s)\n",
                coopnet_backbone_model_name(backbone_options.model),
                backbone.approximate ? " (refined normal approximation)" : "", backbone.n_pairs,
                backbone.n_tests, (long long)backbone.n_actors, (long long)backbone.n_events,
                backbone.n_kept, backbone_options.alpha,
                coopnet_backbone_correction_name(backbone_options.correction));
cleanup:
    coopnet_backbone_destroy(&backbone);
    coopnet_two_mode_destroy(&two_mode);
    cli_analysis_free(&analysis);
    return exit_status;
}
