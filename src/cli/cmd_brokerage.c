/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cmd_brokerage.c - `coopnet brokerage BUNDLE --by ATTRIBUTE`: Gould and Fernandez roles. */
#include "cli_analysis.h"

#include <stdio.h>

static int run_brokerage(int argc, char **argv);

const cli_command_t cli_command_brokerage = {
    .name = "brokerage",
    .summary = "Gould-Fernandez brokerage roles of every actor between groups, with z-scores",
    .usage = "usage: coopnet brokerage [OPTIONS] --by ATTRIBUTE BUNDLE",
    .help = "\nCounts, for every actor j, the two-paths i -> j -> k with no link i -> k on the\n"
            "directed cooperation graph (shared events and undirected ties are two arcs, a\n"
            "directed tie one), by the groups of i, j, k (as R's sna::brokerage):\n"
            "  coordinator     i, j, k in one group\n"
            "  itinerant       i and k in one group, j in another\n"
            "  gatekeeper      j and k in one group, i in another\n"
            "  representative  i and j in one group, k in another\n"
            "  liaison         i, j, k in three different groups\n"
            "  total           all of them\n"
            "z_* = (count - expected) / sd under a random digraph of the same density (sna's\n"
            "formulas; empty when the variance is 0). Columns:\n"
            "  id,name,group,coordinator,...,total,z_coordinator,...,z_total\n",
    .examples = "Example:\n"
                "  coopnet brokerage datasets/mena-hub --by level\n",
    .run = run_brokerage};

static int run_brokerage(int argc, char **argv)
{
    cli_analysis_t analysis;
    cli_analysis_init(&analysis, &cli_command_brokerage);
    coopnet_brokerage_t brokerage = {0};
    const char *by = NULL;
    bool with_expected = false;
    int exit_status = COOPNET_EXIT_OK;
    coopnet_error_t err;
    enum { ROLES = COOPNET_BROKERAGE_ROLE_COUNT };
    char names[2 * ROLES][32];
    const char *columns[3 + 3 * ROLES] = {"id", "name", "group"};

    const cli_option_t options[] = {
        CLI_STRING("by", 0, "ATTRIBUTE", "the actor attribute defining the groups (required)", &by),
        CLI_FLAG("expected", 0, "add the expected counts (expected_coordinator, ...)",
                 &with_expected),
        CLI_ANALYSIS_OPTIONS(&analysis), CLI_OPTION_END};
    int n_operands = cli_parse_options(&cli_command_brokerage, options, argc, argv, &exit_status);
    if (n_operands < 0)
        goto cleanup;
    if (by == NULL) {
        exit_status = cli_usage_error(&cli_command_brokerage, "--by ATTRIBUTE is required");
        goto cleanup;
    }
    if ((exit_status = cli_analysis_start(&analysis, n_operands, argv)) != COOPNET_EXIT_OK)
        goto cleanup;
    if (coopnet_brokerage_compute(&analysis.graph, by, &brokerage, &err) != COOPNET_OK) {
        exit_status = cli_fail(&err);
        goto cleanup;
    }
    for (int role = 0; role < ROLES; role++) {
        const char *name = coopnet_brokerage_role_name((coopnet_brokerage_role_t)role);
        columns[3 + role] = name;
        snprintf(names[role], sizeof names[role], "z_%s", name);
        columns[3 + ROLES + role] = names[role];
        snprintf(names[ROLES + role], sizeof names[ROLES + role], "expected_%s", name);
        columns[3 + 2 * ROLES + role] = names[ROLES + role];
    }
    coopnet_table_t table;
    coopnet_table_begin(&table, cli_analysis_stream(&analysis), analysis.format, columns,
                        3 + (with_expected ? 3 : 2) * ROLES);
    const coopnet_partition_t *partition = &brokerage.partition;
    for (igraph_integer_t v = 0; v < igraph_vcount(&analysis.graph.graph); v++) {
        const coopnet_actor_t *actor =
            &analysis.bundle->actors[VECTOR(analysis.graph.actor_of_vertex)[v]];
        coopnet_table_string(&table, actor->id);
        coopnet_table_string(&table, actor->name);
        coopnet_table_string(&table, partition->labels[VECTOR(partition->group_of_vertex)[v]]);
        for (int role = 0; role < ROLES; role++)
            coopnet_table_number(&table, MATRIX(brokerage.counts, v, role));
        for (int role = 0; role < ROLES; role++)
            coopnet_table_number(&table, MATRIX(brokerage.z, v, role));
        for (int role = 0; with_expected && role < ROLES; role++)
            coopnet_table_number(&table, MATRIX(brokerage.expected, v, role));
        coopnet_table_end_row(&table);
    }
    coopnet_table_end(&table);
    exit_status = cli_analysis_finish(&analysis);
cleanup:
    coopnet_brokerage_destroy(&brokerage);
    cli_analysis_free(&analysis);
    return exit_status;
}
