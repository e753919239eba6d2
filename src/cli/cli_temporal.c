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
    coopnet_temporal_all_policy_init(&options->all_policy);
    options->all_option_given = false;
}

void cli_temporal_options_free(cli_temporal_options_t *options)
{
    cli_graph_options_free(&options->graph);
}

static int set_all_method(cli_temporal_options_t *options, coopnet_temporal_all_method_t method,
                          coopnet_error_t *err)
{
    coopnet_temporal_all_method_t *chosen = &options->all_policy.method;
    if (*chosen != COOPNET_TEMPORAL_ALL_AUTO && *chosen != method)
        return coopnet_error_set(err, COOPNET_EINVAL, "give --exact or --estimate, not both");
    *chosen = method;
    return COOPNET_OK;
}

int cli_parse_exact(const cli_option_t *option, const char *value, void *field,
                    coopnet_error_t *err)
{
    (void)option, (void)value;
    return set_all_method(field, COOPNET_TEMPORAL_ALL_EXACT, err);
}

int cli_parse_estimate(const cli_option_t *option, const char *value, void *field,
                       coopnet_error_t *err)
{
    (void)option, (void)value;
    return set_all_method(field, COOPNET_TEMPORAL_ALL_ESTIMATE, err);
}

int cli_parse_precision(const cli_option_t *option, const char *value, void *field,
                        coopnet_error_t *err)
{
    cli_option_t bounded = *option;
    bounded.min = COOPNET_TEMPORAL_SKETCH_MIN_PRECISION;
    bounded.max = COOPNET_TEMPORAL_SKETCH_MAX_PRECISION;
    long long precision;
    if (cli_parse_integer(&bounded, value, &precision, err) != COOPNET_OK)
        return err->code;
    *(int *)field = (int)precision;
    return COOPNET_OK;
}

int cli_parse_max_wait(const cli_option_t *option, const char *value, void *field,
                       coopnet_error_t *err)
{
    cli_option_t bounded = *option;
    bounded.min = 0;
    bounded.max = 100000000;
    long long days;
    if (cli_parse_integer(&bounded, value, &days, err) != COOPNET_OK)
        return err->code;
    *(int32_t *)field = (int32_t)days;
    return COOPNET_OK;
}

int cli_parse_mode(const cli_option_t *option, const char *value, void *field, coopnet_error_t *err)
{
    (void)option;
    return coopnet_temporal_parse_mode(value, field, err);
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
        return cli_usage_error(
            command, "--exact, --estimate and --precision are for reach from all sources");
    if (options->all_policy.method == COOPNET_TEMPORAL_ALL_ESTIMATE &&
        options->temporal.max_wait >= 0)
        return cli_usage_error(command, "--estimate cannot honour --max-wait (reach then depends "
                                        "on when each actor was informed); use --exact");
    return COOPNET_EXIT_OK;
}

int cli_temporal_all_sources(const cli_temporal_options_t *options,
                             const coopnet_temporal_network_t *network, coopnet_temporal_all_t *all)
{
    coopnet_error_t err;
    coopnet_temporal_all_policy_t policy = options->all_policy;
    policy.memory_limit = options->graph.graph.memory_limit;
    coopnet_temporal_all_method_t method;
    int chosen = coopnet_temporal_all_sources_choose(network, &policy, &method, &err);
    if (chosen == COOPNET_ELIMIT)
        return cli_fail(&err);
    if (chosen != COOPNET_OK) {
        /* options that cannot go together for this bundle: a usage error (exit 2) */
        cli_error("%s: raise --memory-limit, or drop --max-wait", err.message);
        return COOPNET_EXIT_USAGE;
    }
    if (policy.method == COOPNET_TEMPORAL_ALL_AUTO && method == COOPNET_TEMPORAL_ALL_ESTIMATE &&
        !cli_quiet) {
        char needed_text[32], limit_text[32];
        coopnet_text_format_bytes(coopnet_temporal_all_sources_memory(network), needed_text,
                                  sizeof needed_text);
        coopnet_text_format_bytes(policy.memory_limit, limit_text, sizeof limit_text);
        fprintf(stderr,
                "coopnet: note: exact reach for %zu actors needs %s, over the memory "
                "limit %s: estimating with HyperLogLog sketches (relative standard error "
                "%.2f%%; --exact with a larger --memory-limit computes it exactly)\n",
                coopnet_temporal_network_actors(network), needed_text, limit_text,
                100.0 * coopnet_temporal_sketch_error(policy.precision));
    }
    policy.method = method;
    coopnet_progress_t progress = cli_progress();
    int status = coopnet_temporal_all_sources_by_policy(network, &policy, &progress, all, &err);
    cli_progress_finish();
    return status == COOPNET_OK ? COOPNET_EXIT_OK : cli_fail(&err);
}

long cli_temporal_find_actor(const coopnet_temporal_network_t *network,
                             const cli_command_t *command, const char *option, const char *id)
{
    long actor = coopnet_bundle_find_actor(coopnet_temporal_network_bundle(network), id);
    if (actor < 0) {
        cli_usage_error(command, "%s: unknown actor '%s'", option, id);
        return -1;
    }
    if (!coopnet_temporal_network_keeps_actor(network, (size_t)actor)) {
        cli_usage_error(command, "%s: actor '%s' is filtered out by --exclude or --level", option,
                        id);
        return -1;
    }
    return actor;
}

/* The two readings of the same contacts: certain and possible are one network when every
 * date is exact. */
void cli_readings_free(cli_readings_t *readings)
{
    if (readings->possible != readings->certain)
        coopnet_temporal_network_free(readings->possible);
    coopnet_temporal_network_free(readings->certain);
    readings->certain = readings->possible = NULL;
}

int cli_readings_alloc(const coopnet_bundle_t *bundle, const coopnet_temporal_options_t *given,
                       cli_readings_t *readings, coopnet_error_t *err)
{
    readings->certain = readings->possible = NULL;
    int32_t first, last;
    if (!coopnet_bundle_window(bundle, &first, &last)) {
        /* undated events would be read as possible on any day of a window there is none of */
        char hint[512];
        coopnet_bundle_undated_hint(bundle, hint, sizeof hint);
        return COOPNET_ERROR(err, COOPNET_EDATA,
                             "temporal reach needs dated events or ties; '%s' has none: %s",
                             bundle->name, hint);
    }
    int status = coopnet_temporal_networks_alloc(bundle, given, &readings->certain,
                                                 &readings->possible, err);
    if (status == COOPNET_OK && readings->possible == NULL)
        readings->possible = readings->certain; /* exact: one network serves both */
    return status;
}

/* One line on stderr when dates are known only within bounds: the two readings then differ. */
void cli_readings_note(const cli_readings_t *readings)
{
    if (cli_quiet || readings->possible == readings->certain)
        return;
    fprintf(stderr,
            "coopnet: note: some contacts are dated only within bounds (a month, a year, an "
            "interval, or undated: the study window); 'certain' marks what holds whatever the "
            "exact days were (docs/temporal.md)\n");
}
