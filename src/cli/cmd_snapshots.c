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
            "  fell_by\n"
            "With --compare FROM/TO,FROM/TO, two windows instead of the steps, each read as\n"
            "--between reads its window (certain by default, --as-of-mode possible), side by\n"
            "side with the change, per actor and measure:\n"
            "  window_1,window_2,reading,id,name,measure,value_1,value_2,change,linked_1,\n"
            "  linked_2\n"
            "linked_N = the actor has a link in window N. With --table changes, one row:\n"
            "  window_1,window_2,reading,links_1,links_2,kept,gained,lost,linked_1,linked_2,\n"
            "  entering,leaving\n"
            "gained/lost = links in the second/first window only; entering/leaving = actors\n"
            "linked in the second/first window only.\n",
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

/* --compare: the measures in both windows, or (changes) the one row of what changed. */
static int write_compared(cli_analysis_t *analysis, const cli_compare_t *compare,
                          const coopnet_measure_t *measures, size_t n_measures, bool weighted,
                          bool changes)
{
    coopnet_table_t table;
    const coopnet_snapshots_comparison_t *change = &compare->change;
    if (changes) {
        static const char *const columns[] = {"window_1", "window_2", "reading",  "links_1",
                                              "links_2",  "kept",     "gained",   "lost",
                                              "linked_1", "linked_2", "entering", "leaving"};
        coopnet_table_begin(&table, cli_analysis_stream(analysis), analysis->format, columns, 12);
        cli_compare_cells(analysis, compare, &table);
        coopnet_table_integer(&table, change->links[0]);
        coopnet_table_integer(&table, change->links[1]);
        coopnet_table_integer(&table, change->kept);
        coopnet_table_integer(&table, change->gained);
        coopnet_table_integer(&table, change->lost);
        coopnet_table_integer(&table, change->linked[0]);
        coopnet_table_integer(&table, change->linked[1]);
        coopnet_table_integer(&table, change->entering);
        coopnet_table_integer(&table, change->leaving);
        coopnet_table_end_row(&table);
        coopnet_table_end(&table);
        return cli_analysis_finish(analysis);
    }
    igraph_vector_t values[2][COOPNET_MEASURE_COUNT];
    size_t initialised = 0;
    int exit_status = COOPNET_EXIT_OK;
    coopnet_error_t err;
    for (; initialised < 2 * n_measures; initialised++)
        if (igraph_vector_init(&values[initialised / n_measures][initialised % n_measures], 0) !=
            IGRAPH_SUCCESS) {
            coopnet_error_set(&err, COOPNET_ENOMEM, "out of memory");
            exit_status = cli_fail(&err);
            goto cleanup;
        }
    if (coopnet_centrality_compute_set(&analysis->graph, measures, n_measures, weighted, values[0],
                                       NULL, &err) != COOPNET_OK ||
        coopnet_centrality_compute_set(&compare->second, measures, n_measures, weighted, values[1],
                                       NULL, &err) != COOPNET_OK) {
        exit_status = cli_fail(&err);
        goto cleanup;
    }
    static const char *const columns[] = {"window_1", "window_2", "reading", "id",
                                          "name",     "measure",  "value_1", "value_2",
                                          "change",   "linked_1", "linked_2"};
    coopnet_table_begin(&table, cli_analysis_stream(analysis), analysis->format, columns, 11);
    for (size_t k = 0; k < n_measures; k++)
        for (igraph_integer_t v = 0; v < igraph_vcount(&analysis->graph.graph); v++) {
            double first = VECTOR(values[0][k])[v], second = VECTOR(values[1][k])[v];
            int linked_in = (int)VECTOR(change->linked_in)[v];
            const coopnet_actor_t *actor =
                &analysis->bundle->actors[VECTOR(analysis->graph.actor_of_vertex)[v]];
            cli_compare_cells(analysis, compare, &table);
            coopnet_table_string(&table, actor->id);
            coopnet_table_string(&table, actor->name);
            coopnet_table_string(&table, coopnet_measure_name(measures[k]));
            coopnet_table_number(&table, first);
            coopnet_table_number(&table, second);
            coopnet_table_number(&table, second - first);
            coopnet_table_string(&table, linked_in & 1 ? "true" : "false");
            coopnet_table_string(&table, linked_in & 2 ? "true" : "false");
            coopnet_table_end_row(&table);
        }
    coopnet_table_end(&table);
    exit_status = cli_analysis_finish(analysis);
cleanup:
    for (size_t i = 0; i < initialised; i++)
        igraph_vector_destroy(&values[i / n_measures][i % n_measures]);
    return exit_status;
}

static int run_snapshots(int argc, char **argv)
{
    cli_analysis_t analysis;
    cli_analysis_init(&analysis, &cli_command_snapshots);
    cli_compare_t compare = {0};
    coopnet_snapshots_t snapshots = {0};
    cli_measures_t measure_option;
    cli_measures_init(&measure_option);
    const coopnet_measure_t *measures = measure_option.items;
    size_t n_measures = 0;
    coopnet_period_t period = CLI_DEFAULT_PERIOD;
    const char *table_name = "values";
    bool weighted = false;
    long long trailing = 0;
    int exit_status = COOPNET_EXIT_OK;
    coopnet_error_t err;

    const cli_option_t options[] = {
        CLI_EVERY_OPTION(&period),
        /* not --window: that is every graph command's study window (FROM/TO) */
        CLI_INTEGER("trailing", "DAYS",
                    "only events and ties active in the last DAYS days of\neach step, instead of "
                    "everything so far",
                    &trailing, 1, 1000000),
        CLI_VALUE("measure", "LIST", "comma-separated measures (default: all nine)",
                  &measure_option, cli_parse_measure_list),
        CLI_FLAG("weighted", 0, "weighted measures, as in coopnet centrality", &weighted),
        CLI_VALUE("table", "values|changes",
                  "values (default): one row per step, actor and measure;\nchanges: how ranks "
                  "changed between steps",
                  &table_name, cli_parse_table),
        CLI_COMPARE_OPTION(&compare), CLI_ANALYSIS_OPTIONS(&analysis),
        CLI_ALIAS("measures", "measure"), CLI_ALIAS_VALUE("changes", "table", "changes"),
        CLI_OPTION_END};
    int n_operands = cli_parse_options(&cli_command_snapshots, options, argc, argv, &exit_status);
    if (n_operands < 0)
        goto cleanup;
    n_measures = measure_option.n_items;
    bool changes = strcmp(table_name, "changes") == 0;
    if (compare.given) {
        if (trailing > 0) {
            exit_status = cli_usage_error(&cli_command_snapshots,
                                          "--compare gives the windows: drop --trailing");
            goto cleanup;
        }
        if ((exit_status = cli_analysis_start_compare(&analysis, n_operands, argv, &compare)) ==
            COOPNET_EXIT_OK)
            exit_status =
                write_compared(&analysis, &compare, measures, n_measures, weighted, changes);
        goto cleanup;
    }
    if ((exit_status = cli_analysis_start(&analysis, n_operands, argv)) != COOPNET_EXIT_OK)
        goto cleanup;
    coopnet_progress_t progress = cli_progress();
    int status = coopnet_snapshots_compute(analysis.bundle, &analysis.graph_options.graph, period,
                                           (int32_t)trailing, measures, n_measures, weighted,
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
    cli_compare_free(&compare);
    coopnet_snapshots_destroy(&snapshots);
    cli_analysis_free(&analysis);
    return exit_status;
}
