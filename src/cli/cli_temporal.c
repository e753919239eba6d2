/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cli_temporal.c - the options `reach` and `reach-curve` share. */
#include "cli_temporal.h"

#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void cli_temporal_options_init(cli_temporal_options_t *options)
{
    cli_graph_options_init(&options->graph);
    coopnet_temporal_options_init(&options->temporal);
    options->format = COOPNET_TABLE_CSV;
    options->format_given = false;
    options->all_method = CLI_TEMPORAL_ALL_AUTO;
    options->all_option_given = false;
    options->precision = COOPNET_TEMPORAL_SKETCH_DEFAULT_PRECISION;
    options->memory_limit = COOPNET_TEMPORAL_DEFAULT_MEMORY_LIMIT;
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

/* "1073741824", "512M", "1.5G", "2GiB": bytes, or binary K/M/G/T with an optional "iB" or "B".
 * Returns false unless the whole text is such a size of at least one byte. */
static bool parse_size(const char *text, uint64_t *bytes)
{
    char *end;
    errno = 0;
    double value = strtod(text, &end);
    if (errno != 0 || end == text || !(value >= 1.0) || text[0] == '-' || text[0] == '+')
        return false;
    static const char units[] = "KMGT";
    const char *unit = *end ? strchr(units, *end >= 'a' ? *end - 'a' + 'A' : *end) : NULL;
    if (unit != NULL) {
        value = ldexp(value, 10 * (int)(unit - units + 1));
        end++;
        if (strcmp(end, "iB") == 0 || strcmp(end, "B") == 0)
            end += strlen(end);
    }
    if (*end != '\0' || value > 0x1p62)
        return false;
    *bytes = (uint64_t)value;
    return true;
}

int cli_temporal_option(cli_temporal_options_t *options, const cli_command_t *command, int opt,
                        const char *value)
{
    coopnet_error_t err;
    switch (opt) {
    case CLI_OPT_ESTIMATE:
    case CLI_OPT_EXACT: {
        cli_temporal_all_method_t method =
            opt == CLI_OPT_ESTIMATE ? CLI_TEMPORAL_ALL_ESTIMATE : CLI_TEMPORAL_ALL_EXACT;
        if (options->all_method != CLI_TEMPORAL_ALL_AUTO && options->all_method != method) {
            cli_usage_error(command, "give --exact or --estimate, not both");
            return -1;
        }
        options->all_method = method;
        options->all_option_given = true;
        return 1;
    }
    case CLI_OPT_PRECISION: {
        char *end;
        errno = 0;
        long precision = strtol(value, &end, 10);
        if (errno != 0 || end == value || *end != '\0' ||
            precision < COOPNET_TEMPORAL_SKETCH_MIN_PRECISION ||
            precision > COOPNET_TEMPORAL_SKETCH_MAX_PRECISION) {
            cli_usage_error(command, "--precision: expected a number from %d to %d, not '%s'",
                            COOPNET_TEMPORAL_SKETCH_MIN_PRECISION,
                            COOPNET_TEMPORAL_SKETCH_MAX_PRECISION, value);
            return -1;
        }
        options->precision = (int)precision;
        options->all_option_given = true;
        return 1;
    }
    case CLI_OPT_MEMORY_LIMIT:
        if (!parse_size(value, &options->memory_limit)) {
            cli_usage_error(command, "--memory-limit: expected a size such as 800M or 2G, not '%s'",
                            value);
            return -1;
        }
        options->all_option_given = true;
        return 1;
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

int cli_temporal_check_all(const cli_temporal_options_t *options, const cli_command_t *command,
                           bool all_sources)
{
    if (!all_sources && options->all_option_given)
        return cli_usage_error(command, "--exact, --estimate, --precision and --memory-limit are "
                                        "for reach from all sources");
    if (options->all_method == CLI_TEMPORAL_ALL_ESTIMATE && options->temporal.max_wait >= 0)
        return cli_usage_error(command, "--estimate cannot honour --max-wait (reach then depends "
                                        "on when each actor was informed); use --exact");
    return COOPNET_EXIT_OK;
}

/* "1.50 GiB", "400.0 MiB", "512 bytes". */
static void format_size(uint64_t bytes, char *buffer, size_t size)
{
    if (bytes >= (UINT64_C(1) << 30))
        snprintf(buffer, size, "%.2f GiB", ldexp((double)bytes, -30));
    else if (bytes >= (UINT64_C(1) << 20))
        snprintf(buffer, size, "%.1f MiB", ldexp((double)bytes, -20));
    else
        snprintf(buffer, size, "%llu bytes", (unsigned long long)bytes);
}

int cli_temporal_all_sources(const cli_temporal_options_t *options,
                             const coopnet_temporal_network_t *network, coopnet_temporal_all_t *all)
{
    coopnet_error_t err;
    coopnet_temporal_all_policy_t policy;
    coopnet_temporal_all_policy_init(&policy);
    policy.method = options->all_method == CLI_TEMPORAL_ALL_EXACT ? COOPNET_TEMPORAL_ALL_EXACT
                    : options->all_method == CLI_TEMPORAL_ALL_ESTIMATE
                        ? COOPNET_TEMPORAL_ALL_ESTIMATE
                        : COOPNET_TEMPORAL_ALL_AUTO;
    policy.memory_limit = options->memory_limit;
    policy.precision = options->precision;
    coopnet_temporal_all_method_t method;
    if (coopnet_temporal_all_sources_choose(network, &policy, &method, &err) != COOPNET_OK) {
        cli_error("%s: raise --memory-limit, or drop --max-wait", err.message);
        return COOPNET_EXIT_FAILURE;
    }
    if (policy.method == COOPNET_TEMPORAL_ALL_AUTO && method == COOPNET_TEMPORAL_ALL_ESTIMATE &&
        !cli_quiet) {
        char needed_text[32], limit_text[32];
        format_size(coopnet_temporal_all_sources_memory(network), needed_text, sizeof needed_text);
        format_size(options->memory_limit, limit_text, sizeof limit_text);
        fprintf(stderr,
                "coopnet: note: exact reach for %zu actors needs %s, over the memory "
                "limit %s: estimating with HyperLogLog sketches (relative standard error "
                "%.2f%%; --exact forces the exact computation)\n",
                coopnet_temporal_network_actors(network), needed_text, limit_text,
                100.0 * coopnet_temporal_sketch_error(options->precision));
    }
    policy.method = method;
    coopnet_progress_t progress = cli_progress();
    int status = coopnet_temporal_all_sources_by_policy(network, &policy, &progress, all, &err);
    cli_progress_finish();
    return status == COOPNET_OK ? COOPNET_EXIT_OK : cli_fail(&err);
}
