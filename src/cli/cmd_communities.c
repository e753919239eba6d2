/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cmd_communities.c - `coopnet communities BUNDLE`: Leiden communities and their make-up. */
#include "cli_analysis.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>

static int run_communities(int argc, char **argv);

const cli_command_t cli_command_communities = {
    "communities", "clusters of the cooperation graph (Leiden, modularity) and their make-up",
    "usage: coopnet communities [OPTIONS] BUNDLE",
    "\nFinds communities with igraph's Leiden algorithm maximising modularity (node\n"
    "weights = degrees, resolution R / 2m, so R = 1 is plain modularity; larger R,\n"
    "smaller communities). Community 1 is the largest. Writes id,name,community; with\n"
    "--summary, each community's make-up:\n"
    "  community,actors,local,regional,national,international,countries\n"
    "The modularity is printed on stderr.\n\n"
    "Options:\n"
    "  --resolution R             resolution factor (default 1)\n"
    "  --seed S                   seed of igraph's generator (default 1)\n"
    "  --weighted                 use the link weights (strengths, total weight)\n"
    "  --summary                  the make-up table instead\n" CLI_ANALYSIS_OPTIONS_HELP
    "\nExample:\n"
    "  coopnet communities datasets/mena-hub --exclude scn_mena_hub --summary\n",
    run_communities};

enum { OPT_RESOLUTION = CLI_OPT_FIRST_COMMAND_OPTION, OPT_SEED, OPT_WEIGHTED, OPT_SUMMARY };

static int run_communities(int argc, char **argv)
{
    static const struct option options[] = {CLI_ANALYSIS_OPTIONS,
                                            {"resolution", required_argument, NULL, OPT_RESOLUTION},
                                            {"seed", required_argument, NULL, OPT_SEED},
                                            {"weighted", no_argument, NULL, OPT_WEIGHTED},
                                            {"summary", no_argument, NULL, OPT_SUMMARY},
                                            {NULL, 0, NULL, 0}};
    cli_analysis_t analysis;
    cli_analysis_init(&analysis, &cli_command_communities);
    coopnet_communities_t communities = {0};
    double resolution = 1;
    long long seed = 1;
    bool weighted = false, summary = false;
    int opt, exit_status = COOPNET_EXIT_OK;
    coopnet_error_t err;

    while ((opt = getopt_long(argc, argv, ":ho:", options, NULL)) != -1) {
        int handled = cli_analysis_option(&analysis, opt, optarg, argv, &exit_status);
        if (handled < 0)
            goto cleanup;
        if (handled > 0)
            continue;
        if (opt == OPT_RESOLUTION) {
            char *end = NULL;
            errno = 0;
            resolution = strtod(optarg, &end);
            if (errno != 0 || end == optarg || *end != '\0' || !(resolution > 0)) {
                exit_status = cli_usage_error(&cli_command_communities,
                                              "--resolution needs a number > 0, not '%s'", optarg);
                goto cleanup;
            }
        } else if (opt == OPT_SEED) {
            if ((exit_status = cli_analysis_parse_count(&analysis, "--seed", optarg, &seed)) != 0)
                goto cleanup;
        } else if (opt == OPT_WEIGHTED) {
            weighted = true;
        } else if (opt == OPT_SUMMARY) {
            summary = true;
        } else {
            exit_status = cli_bad_option(&cli_command_communities, argv);
            goto cleanup;
        }
    }
    if ((exit_status = cli_analysis_start(&analysis, argc, argv)) != COOPNET_EXIT_OK)
        goto cleanup;
    if (coopnet_communities_compute(&analysis.graph, resolution, weighted, (unsigned long)seed,
                                    &communities, &err) != COOPNET_OK) {
        exit_status = cli_fail(&err);
        goto cleanup;
    }
    if (!cli_quiet)
        fprintf(stderr, "coopnet: %lld communities, modularity %.6f\n",
                (long long)communities.n_communities, communities.modularity);
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
