/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cmd_snapshots.c - `coopnet snapshots BUNDLE --every STEP`: centralities over time. */
#include "cli_analysis.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

static int run_snapshots(int argc, char **argv);

const cli_command_t cli_command_snapshots = {
    "snapshots", "centralities as of each year, quarter or month, and how ranks changed",
    "usage: coopnet snapshots [OPTIONS] --every year|quarter|month BUNDLE",
    "\nRebuilds the cooperation graph as of the last day of each year, quarter or\n"
    "month from the earliest to the latest date of the bundle (cumulative: every\n"
    "dated event so far and the ties active that day; undated events never count)\n"
    "and computes the measures (see `coopnet centrality --help`), in long form:\n"
    "  date,id,name,measure,value,rank\n"
    "rank 1 is the highest value; equal values share the best rank. With --changes,\n"
    "between consecutive steps, per measure: the Spearman rank correlation over the\n"
    "actors with values at both (GSL) and the actors that rose and fell most:\n"
    "  from,to,measure,spearman,actors,rose_id,rose_name,rose_by,fell_id,fell_name,\n"
    "  fell_by\n\n"
    "Options:\n"
    "  --every year|quarter|month the step (required)\n"
    "  --window DAYS              only events and ties active in the last DAYS days of\n"
    "                             each step, instead of everything so far\n"
    "  --measures LIST            comma-separated measures (default: all nine)\n"
    "  --weighted                 weighted measures, as in coopnet centrality\n"
    "  --changes                  the changes table instead\n" CLI_ANALYSIS_OPTIONS_HELP
    "\nExample:\n"
    "  coopnet snapshots datasets/mena-hub --every quarter --measures degree --changes\n",
    run_snapshots};

enum {
    OPT_EVERY = CLI_OPT_FIRST_COMMAND_OPTION,
    OPT_WINDOW,
    OPT_MEASURES,
    OPT_WEIGHTED,
    OPT_CHANGES
};

static void actor_cells(const coopnet_bundle_t *bundle, const coopnet_snapshots_t *snapshots,
                        coopnet_table_t *table, igraph_integer_t vertex)
{
    if (vertex < 0) {
        coopnet_table_missing(table);
        coopnet_table_missing(table);
        return;
    }
    const coopnet_actor_t *actor = &bundle->actors[VECTOR(snapshots->actor_of_vertex)[vertex]];
    coopnet_table_string(table, actor->id);
    coopnet_table_string(table, actor->name);
}

static int run_snapshots(int argc, char **argv)
{
    static const struct option options[] = {CLI_ANALYSIS_OPTIONS,
                                            {"every", required_argument, NULL, OPT_EVERY},
                                            {"window", required_argument, NULL, OPT_WINDOW},
                                            {"measures", required_argument, NULL, OPT_MEASURES},
                                            {"weighted", no_argument, NULL, OPT_WEIGHTED},
                                            {"changes", no_argument, NULL, OPT_CHANGES},
                                            {NULL, 0, NULL, 0}};
    cli_analysis_t analysis;
    cli_analysis_init(&analysis, &cli_command_snapshots);
    coopnet_snapshots_t snapshots = {0};
    coopnet_measure_t measures[COOPNET_MEASURE_COUNT];
    size_t n_measures = COOPNET_MEASURE_COUNT;
    memcpy(measures, coopnet_measure_defaults, sizeof measures);
    coopnet_period_t step = COOPNET_PERIOD_YEAR;
    bool have_step = false, weighted = false, changes = false;
    long long window = 0;
    int opt, exit_status = COOPNET_EXIT_OK;
    coopnet_error_t err;

    while ((opt = getopt_long(argc, argv, ":ho:", options, NULL)) != -1) {
        int handled = cli_analysis_option(&analysis, opt, optarg, argv, &exit_status);
        if (handled < 0)
            goto cleanup;
        if (handled > 0)
            continue;
        if (opt == OPT_EVERY) {
            if (coopnet_period_parse(optarg, &step, &err) != COOPNET_OK) {
                exit_status = cli_usage_error(&cli_command_snapshots, "%s", err.message);
                goto cleanup;
            }
            have_step = true;
        } else if (opt == OPT_WINDOW) {
            if ((exit_status = cli_analysis_parse_count(&analysis, "--window", optarg, &window)) !=
                0)
                goto cleanup;
            if (window == 0 || window > 1000000) {
                exit_status = cli_usage_error(&cli_command_snapshots,
                                              "--window needs 1 to 1000000 days, not '%s'", optarg);
                goto cleanup;
            }
        } else if (opt == OPT_MEASURES) {
            if (coopnet_measure_parse_list(optarg, measures, COOPNET_MEASURE_COUNT, &n_measures,
                                           &err) != COOPNET_OK) {
                exit_status = cli_usage_error(&cli_command_snapshots, "%s", err.message);
                goto cleanup;
            }
        } else if (opt == OPT_WEIGHTED) {
            weighted = true;
        } else if (opt == OPT_CHANGES) {
            changes = true;
        } else {
            exit_status = cli_bad_option(&cli_command_snapshots, argv);
            goto cleanup;
        }
    }
    if (!have_step) {
        exit_status =
            cli_usage_error(&cli_command_snapshots, "--every year|quarter|month is required");
        goto cleanup;
    }
    if ((exit_status = cli_analysis_start(&analysis, argc, argv)) != COOPNET_EXIT_OK)
        goto cleanup;
    coopnet_progress_t progress = cli_progress();
    int status = coopnet_snapshots_compute(analysis.bundle, &analysis.graph_options.graph, step,
                                           (int32_t)window, measures, n_measures, weighted,
                                           &progress, &snapshots, &err);
    cli_progress_finish();
    if (status != COOPNET_OK) {
        exit_status = cli_fail(&err);
        goto cleanup;
    }
    if (snapshots.n_steps == 0 && !cli_quiet)
        cli_error("warning: the bundle has no dated event or tie: no snapshots");

    coopnet_table_t table;
    igraph_integer_t n = snapshots.n_vertices;
    char date[COOPNET_DATE_TEXT_SIZE], previous[COOPNET_DATE_TEXT_SIZE];
    if (changes) {
        static const char *const columns[] = {"from",    "to",        "measure",   "spearman",
                                              "actors",  "rose_id",   "rose_name", "rose_by",
                                              "fell_id", "fell_name", "fell_by"};
        coopnet_table_begin(&table, cli_analysis_stream(&analysis), analysis.format, columns, 11);
        for (size_t s = 1; s < snapshots.n_steps; s++) {
            coopnet_date_format(snapshots.dates[s - 1], previous);
            coopnet_date_format(snapshots.dates[s], date);
            for (size_t k = 0; k < n_measures; k++) {
                const coopnet_snapshot_change_t *change =
                    &snapshots.changes[(s - 1) * n_measures + k];
                coopnet_table_string(&table, previous);
                coopnet_table_string(&table, date);
                coopnet_table_string(&table, coopnet_measure_name(measures[k]));
                coopnet_table_number(&table, change->spearman);
                coopnet_table_integer(&table, change->n_actors);
                actor_cells(analysis.bundle, &snapshots, &table, change->rose);
                coopnet_table_number(&table, change->rose >= 0 ? change->rose_by : NAN);
                actor_cells(analysis.bundle, &snapshots, &table, change->fell);
                coopnet_table_number(&table, change->fell >= 0 ? change->fell_by : NAN);
                coopnet_table_end_row(&table);
            }
        }
    } else {
        static const char *const columns[] = {"date", "id", "name", "measure", "value", "rank"};
        coopnet_table_begin(&table, cli_analysis_stream(&analysis), analysis.format, columns, 6);
        for (size_t s = 0; s < snapshots.n_steps; s++) {
            coopnet_date_format(snapshots.dates[s], date);
            for (size_t k = 0; k < n_measures; k++) {
                size_t offset = (s * n_measures + k) * (size_t)n;
                for (igraph_integer_t v = 0; v < n; v++) {
                    coopnet_table_string(&table, date);
                    actor_cells(analysis.bundle, &snapshots, &table, v);
                    coopnet_table_string(&table, coopnet_measure_name(measures[k]));
                    coopnet_table_number(&table, snapshots.values[offset + (size_t)v]);
                    coopnet_table_number(&table, snapshots.ranks[offset + (size_t)v]);
                    coopnet_table_end_row(&table);
                }
            }
        }
    }
    coopnet_table_end(&table);
    exit_status = cli_analysis_finish(&analysis);
cleanup:
    coopnet_snapshots_destroy(&snapshots);
    cli_analysis_free(&analysis);
    return exit_status;
}
