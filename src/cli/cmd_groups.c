/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cmd_groups.c - `coopnet groups BUNDLE --by ATTRIBUTE`: E-I index, mixing, permutation test. */
#include "cli_analysis.h"

#include <math.h>

#include <stdio.h>
#include <string.h>

static int run_groups(int argc, char **argv);

const cli_command_t cli_command_groups = {
    .name = "groups",
    .summary = "E-I index and mixing of actors grouped by an attribute, with a permutation test",
    .usage = "usage: coopnet groups [OPTIONS] --by ATTRIBUTE BUNDLE",
    .help = "\nGroups the actors by ATTRIBUTE (level, country, type or an extra column of\n"
            "actors.csv) and computes Krackhardt and Stern's E-I index, (external - internal)\n"
            "/ (external + internal) over links counted once and unweighted (-1: every link\n"
            "inside groups, +1: every link across):\n"
            "  group,actors,internal,external,ei,expected_ei,p_value\n"
            "with the whole network on the row whose group is *. The permutation test shuffles\n"
            "the attribute over the actors (GSL Mersenne Twister, seeded): expected_ei is the\n"
            "mean E-I over the permutations, p_value = (1 + k) / (1 + permutations) with k the\n"
            "permutations at least as far from expected_ei as the observed value (two-sided).\n"
            "Nominal assortativity by the same attribute is printed on stderr.\n",
    .examples = "Example:\n"
                "  coopnet groups datasets/mena-hub --by level --exclude scn_mena_hub\n",
    .run = run_groups};

static int run_groups(int argc, char **argv)
{
    cli_analysis_t analysis;
    cli_analysis_init(&analysis, &cli_command_groups);
    coopnet_groups_t groups = {0};
    const char *by = NULL, *which = "groups";
    long long permutations = 10000, seed = 1;
    int exit_status = COOPNET_EXIT_OK;
    coopnet_error_t err;

    const cli_option_t options[] = {
        CLI_STRING("by", 0, "ATTRIBUTE", "the actor attribute to group by (required)", &by),
        CLI_INTEGER("permutations", "N",
                    "permutations of the test (default 10000, at most\n10000000; 0: none)",
                    &permutations, 0, 10000000),
        CLI_INTEGER("seed", "N", "seed of the permutations (default 1)", &seed, 0, -1),
        CLI_VALUE("table", "groups|actors|mixing",
                  "groups (default); actors: id,name,group,internal,\nexternal,ei per actor; "
                  "mixing: group_a,group_b,edges",
                  &which, cli_parse_table),
        CLI_ANALYSIS_OPTIONS(&analysis),
        CLI_OPTION_END};
    int n_operands = cli_parse_options(&cli_command_groups, options, argc, argv, &exit_status);
    if (n_operands < 0)
        goto cleanup;
    if (by == NULL) {
        exit_status = cli_usage_error(&cli_command_groups, "--by ATTRIBUTE is required");
        goto cleanup;
    }
    if ((exit_status = cli_analysis_start(&analysis, n_operands, argv)) != COOPNET_EXIT_OK)
        goto cleanup;
    coopnet_progress_t progress = cli_progress();
    int status = coopnet_groups_compute(&analysis.graph, by, (igraph_integer_t)permutations,
                                        (unsigned long)seed, &progress, &groups, &err);
    cli_progress_finish();
    if (status != COOPNET_OK) {
        exit_status = cli_fail(&err);
        goto cleanup;
    }
    if (!cli_quiet && isnan(groups.assortativity)) /* printf would say "-nan" */
        fprintf(stderr,
                "coopnet: nominal assortativity by '%s': undefined (no link, or one group)\n", by);
    else if (!cli_quiet)
        fprintf(stderr, "coopnet: nominal assortativity by '%s': %.6f\n", by, groups.assortativity);

    coopnet_table_t table;
    const coopnet_partition_t *partition = &groups.partition;
    if (strcmp(which, "groups") == 0) {
        static const char *const columns[] = {"group", "actors",      "internal", "external",
                                              "ei",    "expected_ei", "p_value"};
        coopnet_table_begin(&table, cli_analysis_stream(&analysis), analysis.format, columns, 7);
        for (size_t k = 0; k <= partition->n_groups; k++) {
            const coopnet_ei_t *row = k == 0 ? &groups.network : &groups.groups[k - 1];
            coopnet_table_string(&table, k == 0 ? "*" : partition->labels[k - 1]);
            coopnet_table_integer(&table, row->actors);
            coopnet_table_integer(&table, row->internal);
            coopnet_table_integer(&table, row->external);
            coopnet_table_number(&table, row->ei);
            coopnet_table_number(&table, row->expected_ei);
            coopnet_table_number(&table, row->p_value);
            coopnet_table_end_row(&table);
        }
    } else if (strcmp(which, "actors") == 0) {
        static const char *const columns[] = {"id", "name", "group", "internal", "external", "ei"};
        coopnet_table_begin(&table, cli_analysis_stream(&analysis), analysis.format, columns, 6);
        for (igraph_integer_t v = 0; v < igraph_vcount(&analysis.graph.graph); v++) {
            const coopnet_actor_t *actor =
                &analysis.bundle->actors[VECTOR(analysis.graph.actor_of_vertex)[v]];
            coopnet_table_string(&table, actor->id);
            coopnet_table_string(&table, actor->name);
            coopnet_table_string(&table, partition->labels[VECTOR(partition->group_of_vertex)[v]]);
            coopnet_table_integer(&table, VECTOR(groups.actor_internal)[v]);
            coopnet_table_integer(&table, VECTOR(groups.actor_external)[v]);
            coopnet_table_number(&table, VECTOR(groups.actor_ei)[v]);
            coopnet_table_end_row(&table);
        }
    } else {
        static const char *const columns[] = {"group_a", "group_b", "edges"};
        coopnet_table_begin(&table, cli_analysis_stream(&analysis), analysis.format, columns, 3);
        for (size_t a = 0; a < partition->n_groups; a++)
            for (size_t b = 0; b < partition->n_groups; b++) {
                coopnet_table_string(&table, partition->labels[a]);
                coopnet_table_string(&table, partition->labels[b]);
                coopnet_table_integer(&table, MATRIX(groups.mixing, a, b));
                coopnet_table_end_row(&table);
            }
    }
    coopnet_table_end(&table);
    exit_status = cli_analysis_finish(&analysis);
cleanup:
    coopnet_groups_destroy(&groups);
    cli_analysis_free(&analysis);
    return exit_status;
}
