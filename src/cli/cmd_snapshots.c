/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cmd_snapshots.c - `coopnet snapshots BUNDLE --every STEP`: centralities over time. */
#include "cli_analysis.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

static int run_snapshots(int argc, char **argv);

const cli_command_t cli_command_snapshots = {
    .name = "snapshots",
    .summary = "centralities as of each year, quarter or month, and how ranks changed",
    .usage = "usage: coopnet snapshots [OPTIONS] [--every year|quarter|month] BUNDLE",
    .help = "\nRebuilds the cooperation graph as of the last day of each year, quarter or\n"
            "month from the earliest to the latest date of the bundle (cumulative: every\n"
            "dated event so far and the ties active that day; undated events never count)\n"
            "and computes the measures (see `coopnet centrality --help`), in long form:\n"
            "  date,id,name,measure,value,rank\n"
            "rank 1 is the highest value; equal values share the best rank. With --table\n"
            "changes, between consecutive steps, per measure: the Spearman rank correlation\n"
            "over the actors with values at both (GSL) and the actors that rose and fell most:\n"
            "  from,to,measure,spearman,actors,rose_id,rose_name,rose_by,fell_id,fell_name,\n"
            "  fell_by\n",
    .examples = "Example:\n"
                "  coopnet snapshots datasets/mena-hub --every quarter --measure degree --table "
                "changes\n",
    .run = run_snapshots};

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
    cli_analysis_t analysis;
    cli_analysis_init(&analysis, &cli_command_snapshots);
    coopnet_snapshots_t snapshots = {0};
    cli_measures_t measure_option;
    cli_measures_init(&measure_option);
    const coopnet_measure_t *measures = measure_option.items;
    size_t n_measures = 0;
    coopnet_period_t period = CLI_DEFAULT_PERIOD;
    const char *table_name = "values";
    bool weighted = false;
    long long window = 0;
    int exit_status = COOPNET_EXIT_OK;
    coopnet_error_t err;

    const cli_option_t options[] = {
        CLI_EVERY_OPTION(&period),
        CLI_INTEGER("window", "DAYS",
                    "only events and ties active in the last DAYS days of\neach step, instead of "
                    "everything so far",
                    &window, 1, 1000000),
        CLI_VALUE("measure", "LIST", "comma-separated measures (default: all nine)",
                  &measure_option, cli_parse_measure_list),
        CLI_FLAG("weighted", 0, "weighted measures, as in coopnet centrality", &weighted),
        CLI_VALUE("table", "values|changes",
                  "values (default): one row per step, actor and measure;\nchanges: how ranks "
                  "changed between steps",
                  &table_name, cli_parse_table),
        CLI_ANALYSIS_OPTIONS(&analysis),
        CLI_ALIAS("measures", "measure"),
        CLI_ALIAS_VALUE("changes", "table", "changes"),
        CLI_OPTION_END};
    int n_operands = cli_parse_options(&cli_command_snapshots, options, argc, argv, &exit_status);
    if (n_operands < 0)
        goto cleanup;
    n_measures = measure_option.n_items;
    bool changes = strcmp(table_name, "changes") == 0;
    if ((exit_status = cli_analysis_start(&analysis, n_operands, argv)) != COOPNET_EXIT_OK)
        goto cleanup;
    coopnet_progress_t progress = cli_progress();
    int status = coopnet_snapshots_compute(analysis.bundle, &analysis.graph_options.graph, period,
                                           (int32_t)window, measures, n_measures, weighted,
                                           &progress, &snapshots, &err);
    cli_progress_finish();
    if (status != COOPNET_OK) {
        exit_status = cli_fail(&err);
        goto cleanup;
    }
    if (snapshots.n_steps == 0) { /* as chart snapshots: the data cannot give any */
        char hint[512];
        coopnet_bundle_undated_hint(analysis.bundle, hint, sizeof hint);
        cli_error("snapshots need dated events or ties; '%s' has none: %s", analysis.bundle->name,
                  hint);
        exit_status = COOPNET_EXIT_DATA;
        goto cleanup;
    }

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
