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

/* relative_error: 0 when exact, else the estimate's, written in a fourth column */
static void write_curve(const coopnet_temporal_curve_t *curve, bool one_source,
                        double relative_error, coopnet_table_format_t format, FILE *stream)
{
    static const char *const source_columns[] = {"date", "reached"};
    static const char *const all_columns[] = {"date", "reachability_ratio", "mean_out_reach",
                                              "relative_standard_error"};
    coopnet_table_t table;
    coopnet_table_begin(&table, stream, format, one_source ? source_columns : all_columns,
                        one_source             ? 2
                        : relative_error > 0.0 ? 4
                                               : 3);
    for (size_t s = 0; s < curve->n_steps; s++) {
        char date[COOPNET_DATE_TEXT_SIZE];
        coopnet_date_format(coopnet_date_from_day(curve->day[s]), date);
        coopnet_table_string(&table, date);
        if (one_source) {
            coopnet_table_integer(&table, (long long)curve->reached[s]);
        } else {
            coopnet_table_number(&table, curve->ratio[s]);
            coopnet_table_number(&table, curve->mean_reach[s]);
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
    coopnet_temporal_network_t *network = NULL;
    coopnet_temporal_reach_t reach = {0};
    coopnet_temporal_all_t all = {0};
    coopnet_temporal_curve_t curve = {0};
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
    if (coopnet_temporal_network_alloc(bundle, cli_temporal_options_get(&temporal_options),
                                       &network, &err) != COOPNET_OK) {
        exit_status = err.code == COOPNET_EINVAL ? cli_usage_error(command, "%s", err.message)
                                                 : cli_fail(&err);
        goto cleanup;
    }
    int status;
    if (from_id != NULL) {
        long source = cli_temporal_find_actor(network, command, "--from", from_id);
        if (source < 0) {
            exit_status = COOPNET_EXIT_USAGE;
            goto cleanup;
        }
        status = coopnet_temporal_reach_forward(network, (size_t)source, &reach, &err);
        if (status == COOPNET_OK)
            status = coopnet_temporal_curve_source(network, &reach, period, &curve, &err);
    } else {
        if ((exit_status = cli_temporal_all_sources(&temporal_options, network, &all)) !=
            COOPNET_EXIT_OK)
            goto cleanup;
        status = coopnet_temporal_curve_all(network, &all, period, &curve, &err);
    }
    if (status != COOPNET_OK) {
        exit_status = cli_fail(&err);
        goto cleanup;
    }
    if ((exit_status = cli_open_output(output_path, &output)) != COOPNET_EXIT_OK)
        goto cleanup;
    write_curve(&curve, from_id != NULL, all.relative_standard_error, temporal_options.format,
                coopnet_output_stream(output));
    exit_status = cli_commit_output(output);
    output = NULL;
cleanup:
    coopnet_output_abort(output);
    coopnet_temporal_curve_destroy(&curve);
    coopnet_temporal_all_destroy(&all);
    coopnet_temporal_reach_destroy(&reach);
    coopnet_temporal_network_free(network);
    coopnet_bundle_free(bundle);
    cli_temporal_options_free(&temporal_options);
    cli_ids_free(&from);
    return exit_status;
}
