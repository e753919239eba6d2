/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cmd_nlc.c - `coopnet nlc BUNDLE`: national-local cooperation by country and level. */
#include "cli_analysis.h"

static int run_nlc(int argc, char **argv);

const cli_command_t cli_command_nlc = {
    "nlc", "national-local cooperation: links between levels per country, reach of national bodies",
    "usage: coopnet nlc [OPTIONS] BUNDLE",
    "\nFor each country and for the whole network (country *), the links of the\n"
    "cooperation graph between each pair of levels (local, regional, national,\n"
    "international), the number possible and the density:\n"
    "  country,level_a,level_b,edges,possible,density\n"
    "A link with an international actor counts for the country of the other end;\n"
    "links between two countries count only for *. With --summary, per country:\n"
    "  country,subnational,linked,national,share\n"
    "subnational = its local and regional actors, linked = those with a direct link\n"
    "to a national actor of the same country, share = linked / subnational.\n\n"
    "Options:\n"
    "  --summary                  the per-country reach table instead\n" CLI_ANALYSIS_OPTIONS_HELP
    "\nExample:\n"
    "  coopnet nlc datasets/mena-hub --exclude scn_mena_hub --summary\n",
    run_nlc};

enum { OPT_SUMMARY = CLI_OPT_FIRST_COMMAND_OPTION };

static int run_nlc(int argc, char **argv)
{
    static const struct option options[] = {
        CLI_ANALYSIS_OPTIONS, {"summary", no_argument, NULL, OPT_SUMMARY}, {NULL, 0, NULL, 0}};
    cli_analysis_t analysis;
    cli_analysis_init(&analysis, &cli_command_nlc);
    coopnet_nlc_t nlc = {0};
    bool summary = false;
    int opt, exit_status = COOPNET_EXIT_OK;
    coopnet_error_t err;

    while ((opt = getopt_long(argc, argv, ":ho:", options, NULL)) != -1) {
        int handled = cli_analysis_option(&analysis, opt, optarg, argv, &exit_status);
        if (handled < 0)
            goto cleanup;
        if (handled > 0)
            continue;
        if (opt != OPT_SUMMARY) {
            exit_status = cli_bad_option(&cli_command_nlc, argv);
            goto cleanup;
        }
        summary = true;
    }
    if ((exit_status = cli_analysis_start(&analysis, argc, argv)) != COOPNET_EXIT_OK)
        goto cleanup;
    if (coopnet_nlc_compute(&analysis.graph, &nlc, &err) != COOPNET_OK) {
        exit_status = cli_fail(&err);
        goto cleanup;
    }
    coopnet_table_t table;
    if (summary) {
        static const char *const columns[] = {"country", "subnational", "linked", "national",
                                              "share"};
        coopnet_table_begin(&table, cli_analysis_stream(&analysis), analysis.format, columns, 5);
        for (size_t c = 0; c < nlc.n_countries; c++) {
            const coopnet_nlc_reach_t *reach = &nlc.reach[c];
            coopnet_table_string(&table, reach->country);
            coopnet_table_integer(&table, reach->subnational);
            coopnet_table_integer(&table, reach->linked);
            coopnet_table_integer(&table, reach->national);
            coopnet_table_number(&table, reach->share);
            coopnet_table_end_row(&table);
        }
    } else {
        static const char *const columns[] = {"country", "level_a",  "level_b",
                                              "edges",   "possible", "density"};
        coopnet_table_begin(&table, cli_analysis_stream(&analysis), analysis.format, columns, 6);
        for (size_t p = 0; p < nlc.n_pairs; p++) {
            const coopnet_nlc_pair_t *pair = &nlc.pairs[p];
            coopnet_table_string(&table, pair->country);
            coopnet_table_string(&table, coopnet_level_name(pair->level_a));
            coopnet_table_string(&table, coopnet_level_name(pair->level_b));
            coopnet_table_integer(&table, pair->edges);
            coopnet_table_number(&table, pair->possible);
            coopnet_table_number(&table, pair->density);
            coopnet_table_end_row(&table);
        }
    }
    coopnet_table_end(&table);
    exit_status = cli_analysis_finish(&analysis);
cleanup:
    coopnet_nlc_destroy(&nlc);
    cli_analysis_free(&analysis);
    return exit_status;
}
