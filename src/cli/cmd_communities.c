/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cmd_communities.c - `coopnet communities BUNDLE`: Leiden communities and their make-up. */
#include "cli_analysis.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int run_communities(int argc, char **argv);

const cli_command_t cli_command_communities = {
    .name = "communities",
    .summary = "clusters of the cooperation graph (Leiden, modularity) and their make-up",
    .usage = "usage: coopnet communities [OPTIONS] BUNDLE",
    .help = "\nFinds communities with igraph's Leiden algorithm maximising modularity (node\n"
            "weights = degrees, resolution R / 2m, so R = 1 is plain modularity; larger R,\n"
            "smaller communities). Community 1 is the largest. Writes id,name,community; with\n"
            "--table summary, each community's make-up:\n"
            "  community,actors,local,regional,national,international,countries\n"
            "The modularity is printed on stderr.\n",
    .examples = "Example:\n"
                "  coopnet communities datasets/mena-hub --exclude scn_mena_hub --table summary\n",
    .run = run_communities};

static int run_communities(int argc, char **argv)
{
    cli_analysis_t analysis;
    cli_analysis_init(&analysis, &cli_command_communities);
    coopnet_communities_t communities = {0};
    double resolution = 1;
    long long seed = 1;
    bool weighted = false;
    const char *table_name = "actors";
    int exit_status = COOPNET_EXIT_OK;
    coopnet_error_t err;

    const cli_option_t options[] = {
        CLI_VALUE("resolution", "R", "resolution factor (default 1)", &resolution,
                  cli_parse_positive),
        CLI_INTEGER("seed", "N", "seed of igraph's generator (default 1)", &seed, 0, -1),
        CLI_FLAG("weighted", 0, "use the link weights (strengths, total weight)", &weighted),
        CLI_VALUE("table", "actors|summary",
                  "actors (default): id,name,community; summary: each\ncommunity's make-up",
                  &table_name, cli_parse_table),
        CLI_ANALYSIS_OPTIONS(&analysis),
        CLI_ALIAS_VALUE("summary", "table", "summary"),
        CLI_OPTION_END};
    int n_operands = cli_parse_options(&cli_command_communities, options, argc, argv, &exit_status);
    if (n_operands < 0)
        goto cleanup;
    bool summary = strcmp(table_name, "summary") == 0;
    if ((exit_status = cli_analysis_start(&analysis, n_operands, argv)) != COOPNET_EXIT_OK)
        goto cleanup;
    if (coopnet_communities_compute(&analysis.graph, resolution, weighted, (unsigned long)seed,
                                    &communities, &err) != COOPNET_OK) {
        exit_status = cli_fail(&err);
        goto cleanup;
    }
    if (!cli_quiet)
        fprintf(stderr, "coopnet: %lld communities, modularity %.6f\n",
                (long long)communities.n_communities, communities.modularity);
    if (!communities.converged) /* the partition is usable, but say it is not a stable one */
        fprintf(stderr,
                "coopnet: note: Leiden stopped after %d passes without converging; the "
                "communities may change with --seed\n",
                communities.passes);
    coopnet_table_t table;
    if (summary) {
        static const char *const columns[] = {"community", "actors",        "local",    "regional",
                                              "national",  "international", "countries"};
        coopnet_table_begin(&table, cli_analysis_stream(&analysis), analysis.format, columns, 7);
        for (igraph_integer_t c = 0; c < communities.n_communities; c++) {
            char countries[1024];
            if (coopnet_communities_countries(&communities, &analysis.graph, c, countries,
                                              sizeof countries, &err) != COOPNET_OK) {
                exit_status = cli_fail(&err);
                goto cleanup;
            }
            long long actors = 0;
            for (int level = 0; level < COOPNET_LEVEL_COUNT; level++)
                actors += MATRIX(communities.by_level, c, level);
            coopnet_table_integer(&table, c + 1);
            coopnet_table_integer(&table, actors);
            for (int level = 0; level < COOPNET_LEVEL_COUNT; level++)
                coopnet_table_integer(&table, MATRIX(communities.by_level, c, level));
            coopnet_table_string(&table, countries);
            coopnet_table_end_row(&table);
        }
    } else {
        static const char *const columns[] = {"id", "name", "community"};
        coopnet_table_begin(&table, cli_analysis_stream(&analysis), analysis.format, columns, 3);
        for (igraph_integer_t v = 0; v < igraph_vcount(&analysis.graph.graph); v++) {
            const coopnet_actor_t *actor =
                &analysis.bundle->actors[VECTOR(analysis.graph.actor_of_vertex)[v]];
            coopnet_table_string(&table, actor->id);
            coopnet_table_string(&table, actor->name);
            coopnet_table_integer(&table, VECTOR(communities.membership)[v] + 1);
            coopnet_table_end_row(&table);
        }
    }
    coopnet_table_end(&table);
    exit_status = cli_analysis_finish(&analysis);
cleanup:
    coopnet_communities_destroy(&communities);
    cli_analysis_free(&analysis);
    return exit_status;
}
