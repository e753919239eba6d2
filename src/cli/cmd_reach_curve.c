/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cmd_reach_curve.c - `coopnet reach-curve BUNDLE --every PERIOD [--from ID]`: how peer-learning
 * reach grew over time (docs/temporal.md). */
#include "cli_temporal.h"

#include <stdio.h>

static int run_reach_curve(int argc, char **argv);

const cli_command_t cli_command_reach_curve = {
    .name = "reach-curve",
    .summary = "how time-respecting reach grew, by month, quarter or year",
    .usage = "usage: coopnet reach-curve [OPTIONS] BUNDLE [--every year|quarter|month] [--from ID]",
    .help = "\nOne row per period, from the period of --since to that of the last contact, dated\n"
            "by the period's last day:\n"
            "  with --from ID   date,reached: actors ID has reached by then (cumulative)\n"
            "  without          date,reachability_ratio,mean_out_reach: the fraction of ordered\n"
            "                   pairs a != b where a reaches b with the contacts up to then, and\n"
            "                   the mean number of actors each actor reaches\n"
            "--exact, --estimate, --precision and --memory-limit are for the curve of all\n"
            "sources (without --from).\n",
    .examples = "Example:\n"
                "  coopnet reach-curve datasets/mena-hub --every quarter --exclude scn_mena_hub\n",
    .run = run_reach_curve};

/* The certain curve, then the possible one (the same when every date is exact); relative_error:
 * 0 when exact, else the estimate's, in a last column. */
static void write_curve(const coopnet_temporal_curve_t *certain,
                        const coopnet_temporal_curve_t *possible, bool one_source,
                        double relative_error, coopnet_table_format_t format, FILE *stream)
{
    static const char *const source_columns[] = {"date", "reached", "reached_possible"};
    static const char *const all_columns[] = {"date",
                                              "reachability_ratio",
                                              "mean_out_reach",
                                              "reachability_ratio_possible",
                                              "mean_out_reach_possible",
                                              "relative_standard_error"};
    coopnet_table_t table;
    coopnet_table_begin(&table, stream, format, one_source ? source_columns : all_columns,
                        one_source             ? 3
                        : relative_error > 0.0 ? 6
                                               : 5);
    for (size_t s = 0; s < certain->n_steps; s++) {
        /* the possible curve may end a period later or earlier: hold its last value */
        size_t p = s < possible->n_steps ? s : possible->n_steps - 1;
        char date[COOPNET_DATE_TEXT_SIZE];
        coopnet_date_format(coopnet_date_from_day(certain->day[s]), date);
        coopnet_table_string(&table, date);
        if (one_source) {
            coopnet_table_integer(&table, (long long)certain->reached[s]);
            coopnet_table_integer(&table, (long long)possible->reached[p]);
        } else {
            coopnet_table_number(&table, certain->ratio[s]);
            coopnet_table_number(&table, certain->mean_reach[s]);
            coopnet_table_number(&table, possible->ratio[p]);
            coopnet_table_number(&table, possible->mean_reach[p]);
            if (relative_error > 0.0)
                coopnet_table_number(&table, relative_error);
        }
        coopnet_table_end_row(&table);
    }
    coopnet_table_end(&table);
}

static int run_reach_curve(int argc, char **argv)
{
    const cli_command_t *command = &cli_command_reach_curve;
    cli_temporal_options_t temporal_options;
    cli_temporal_options_init(&temporal_options);
    const char *output_path = NULL, *from_id = NULL;
    cli_ids_t from = {0};
    coopnet_period_t period = CLI_DEFAULT_PERIOD;
    int exit_status = COOPNET_EXIT_OK;
    coopnet_bundle_t *bundle = NULL;
    cli_readings_t readings = {0};
    coopnet_temporal_reach_t reach[2] = {{0}};
    coopnet_temporal_all_t all[2] = {{0}};
    coopnet_temporal_curve_t curve[2] = {{0}};
    coopnet_output_t *output = NULL;
    coopnet_error_t err;

    const cli_option_t options[] = {CLI_EVERY_OPTION(&period),
                                    {.name = "from",
                                     .argument = "ID",
                                     .help = "the curve of one source",
                                     .value = &from,
                                     .parse = cli_parse_ids,
                                     .max = 1},
                                    CLI_TEMPORAL_OPTIONS(&temporal_options),
                                    CLI_STRING("output", 'o', "FILE",
                                               "write to FILE (atomically) instead of stdout",
                                               &output_path),
                                    CLI_QUIET("no warnings, no progress"),
                                    CLI_TEMPORAL_ALL_OPTIONS(&temporal_options),
                                    CLI_OPTION_END};
    int n_operands = cli_parse_options(command, options, argc, argv, &exit_status);
    if (n_operands < 0)
        goto cleanup;
    from_id = from.n_ids > 0 ? from.ids[0] : NULL;
    if (n_operands != 1) {
        exit_status = cli_usage_error(command, "expected one BUNDLE");
        goto cleanup;
    }
    if ((exit_status = cli_temporal_check_all(&temporal_options, command, from_id == NULL)) !=
        COOPNET_EXIT_OK)
        goto cleanup;
    if ((exit_status = cli_load_bundle(argv[0], &bundle)) != COOPNET_EXIT_OK)
        goto cleanup;
    if (cli_readings_alloc(bundle, cli_temporal_options_get(&temporal_options), &readings, &err) !=
        COOPNET_OK) {
        exit_status = err.code == COOPNET_EINVAL ? cli_usage_error(command, "%s", err.message)
                                                 : cli_fail(&err);
        goto cleanup;
    }
    long source = -1;
    if (from_id != NULL &&
        (source = cli_temporal_find_actor(readings.certain, command, "--from", from_id)) < 0) {
        exit_status = COOPNET_EXIT_USAGE;
        goto cleanup;
    }
    cli_readings_note(&readings);
    int status = COOPNET_OK;
    size_t n_readings = readings.possible == readings.certain ? 1 : 2;
    for (size_t r = 0; r < n_readings && status == COOPNET_OK; r++) {
        const coopnet_temporal_network_t *network = r ? readings.possible : readings.certain;
        if (from_id != NULL) {
            status = coopnet_temporal_reach_forward(network, (size_t)source, &reach[r], &err);
            if (status == COOPNET_OK)
                status = coopnet_temporal_curve_source(network, &reach[r], period, &curve[r], &err);
        } else {
            if ((exit_status = cli_temporal_all_sources(&temporal_options, network, &all[r])) !=
                COOPNET_EXIT_OK)
                goto cleanup;
            status = coopnet_temporal_curve_all(network, &all[r], period, &curve[r], &err);
        }
    }
    if (status != COOPNET_OK) {
        exit_status = cli_fail(&err);
        goto cleanup;
    }
    if ((exit_status = cli_open_output(output_path, &output)) != COOPNET_EXIT_OK)
        goto cleanup;
    double relative_error = all[0].relative_standard_error > all[1].relative_standard_error
                                ? all[0].relative_standard_error
                                : all[1].relative_standard_error;
    write_curve(&curve[0], &curve[n_readings - 1], from_id != NULL, relative_error,
                temporal_options.format, coopnet_output_stream(output));
    exit_status = cli_commit_output(output);
    output = NULL;
cleanup:
    coopnet_output_abort(output);
    for (size_t r = 0; r < 2; r++) {
        coopnet_temporal_curve_destroy(&curve[r]);
        coopnet_temporal_all_destroy(&all[r]);
        coopnet_temporal_reach_destroy(&reach[r]);
    }
    cli_readings_free(&readings);
    coopnet_bundle_free(bundle);
    cli_temporal_options_free(&temporal_options);
    cli_ids_free(&from);
    return exit_status;
}
