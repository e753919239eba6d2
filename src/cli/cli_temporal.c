/* cli_temporal.c - the options `reach` and `reach-curve` share. */
#include "cli_temporal.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

void cli_temporal_options_init(cli_temporal_options_t *options)
{
    cli_graph_options_init(&options->graph);
    coopnet_temporal_options_init(&options->temporal);
    options->format = COOPNET_TABLE_CSV;
    options->format_given = false;
}

void cli_temporal_options_free(cli_temporal_options_t *options)
{
    cli_graph_options_free(&options->graph);
}

static int parse_date_option(const cli_command_t *command, const char *name, const char *value,
                             coopnet_date_t *date)
{
    coopnet_error_t err;
    if (coopnet_date_parse(value, date, &err) != COOPNET_OK) {
        cli_usage_error(command, "--%s: %s", name, err.message);
        return -1;
    }
    if (date->precision == COOPNET_DATE_NONE) {
        cli_usage_error(command, "--%s needs a date", name);
        return -1;
    }
    return 1;
}

int cli_temporal_option(cli_temporal_options_t *options, const cli_command_t *command, int opt,
                        const char *value)
{
    coopnet_error_t err;
    switch (opt) {
    case CLI_OPT_SINCE:
        return parse_date_option(command, "since", value, &options->temporal.since);
    case CLI_OPT_UNTIL:
        return parse_date_option(command, "until", value, &options->temporal.until);
    case CLI_OPT_MAX_WAIT: {
        char *end;
        errno = 0;
        long days = strtol(value, &end, 10);
        if (errno != 0 || end == value || *end != '\0' || days < 0 || days > 100000000) {
            cli_usage_error(command, "--max-wait: expected a number of days, not '%s'", value);
            return -1;
        }
        options->temporal.max_wait = (int32_t)days;
        return 1;
    }
    case CLI_OPT_MODE:
        if (coopnet_temporal_parse_mode(value, &options->temporal.mode, &err) != COOPNET_OK) {
            cli_usage_error(command, "%s", err.message);
            return -1;
        }
        return 1;
    case CLI_OPT_FORMAT: {
        int format = coopnet_table_parse_format(value);
        if (format < 0) {
            cli_usage_error(command, "unknown format '%s' (expected csv or json)", value);
            return -1;
        }
        options->format = (coopnet_table_format_t)format;
        options->format_given = true;
        return 1;
    }
    default:
        return cli_graph_option(&options->graph, command, opt, value);
    }
}

const coopnet_temporal_options_t *cli_temporal_options_get(cli_temporal_options_t *options)
{
    options->temporal.graph = options->graph.graph;
    return &options->temporal;
}

static void draw_progress(void *data, const char *stage, uint64_t done, uint64_t total)
{
    (void)data;
    if (cli_quiet || total == 0 || !isatty(STDERR_FILENO))
        return;
    fprintf(stderr, "\r%s: %3d%%", stage, (int)(100.0 * (double)done / (double)total));
    if (done == total)
        fputc('\n', stderr);
    fflush(stderr);
}

const coopnet_progress_t cli_temporal_progress = {draw_progress, NULL};
