/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cli_temporal.h - the options `reach` and `reach-curve` share. */
#ifndef COOPNET_CLI_TEMPORAL_H
#define COOPNET_CLI_TEMPORAL_H

#include "cli.h"

/* The option table entries `reach` and `reach-curve` share, into a cli_temporal_options_t
 * *options: the temporal options, the cooperation-graph filters that make sense over time
 * (--as-of and --weighting do not: --until is the cut-off, and reach is unweighted) and --format.
 */
#define CLI_TEMPORAL_OPTIONS(options)                                                              \
    CLI_VALUE("since", "DATE",                                                                     \
              "the source is informed before DATE and uses contacts\nfrom DATE on (default: the "  \
              "bundle's earliest date)",                                                           \
              &(options)->temporal.since, cli_parse_date),                                         \
        CLI_VALUE("until", "DATE", "ignore contacts after DATE (end of its month or year)",        \
                  &(options)->temporal.until, cli_parse_date),                                     \
        CLI_VALUE("max-wait", "DAYS",                                                              \
                  "each contact after the first at most DAYS days after\nthe contact that "        \
                  "informed the one passing it on",                                                \
                  &(options)->temporal.max_wait, cli_parse_max_wait),                              \
        CLI_VALUE(                                                                                 \
            "mode", "all|presenter",                                                               \
            "who passes knowledge on at events: every participant\n(default) or presenters, "      \
            "hosts, organisers, facilitators",                                                     \
            &(options)->temporal.mode, cli_parse_mode),                                            \
        CLI_GRAPH_FILTER_OPTIONS(&(options)->graph),                                               \
    {                                                                                              \
        .name = "format", .argument = "csv|csv-raw|json", .help = "output format (default csv)",   \
        .value = &(options)->format, .parse = cli_parse_format, .given = &(options)->format_given  \
    }

/* The options choosing how all-sources reach is computed. */
#define CLI_TEMPORAL_ALL_OPTIONS(options)                                                          \
    {.name = "exact",                                                                              \
     .help = "exact all-sources reach whatever its memory needs",                                  \
     .value = (options),                                                                           \
     .parse = cli_parse_exact,                                                                     \
     .given = &(options)->all_option_given},                                                       \
        {.name = "estimate",                                                                       \
         .help = "estimate it with HyperLogLog sketches (not with\n--max-wait); a column "         \
                 "relative_standard_error\nthen gives their error, 1.04/sqrt(2^P)",                \
         .value = (options),                                                                       \
         .parse = cli_parse_estimate,                                                              \
         .given = &(options)->all_option_given},                                                   \
    {                                                                                              \
        .name = "precision", .argument = "P",                                                      \
        .help = "sketch precision, 2^P registers per actor, 4..16\n(default 10: 3.25%, 4 KiB "     \
                "per actor)",                                                                      \
        .value = &(options)->all_policy.precision, .parse = cli_parse_precision,                   \
        .given = &(options)->all_option_given                                                      \
    }

int cli_parse_max_wait(const cli_option_t *option, const char *value, void *field,
                       coopnet_error_t *err); /* int32_t days */
int cli_parse_mode(const cli_option_t *option, const char *value, void *field,
                   coopnet_error_t *err); /* coopnet_temporal_mode_t */
int cli_parse_exact(const cli_option_t *option, const char *value, void *field,
                    coopnet_error_t *err); /* cli_temporal_options_t */
int cli_parse_estimate(const cli_option_t *option, const char *value, void *field,
                       coopnet_error_t *err); /* cli_temporal_options_t */
int cli_parse_precision(const cli_option_t *option, const char *value, void *field,
                        coopnet_error_t *err); /* int */

typedef struct cli_temporal_options {
    cli_graph_options_t graph;
    coopnet_temporal_options_t temporal;
    coopnet_table_format_t format;
    bool format_given;
    coopnet_temporal_all_policy_t
        all_policy;        /* --exact/--estimate, --precision (the memory limit is graph's) */
    bool all_option_given; /* one of them was given */
} cli_temporal_options_t;

void cli_temporal_options_init(cli_temporal_options_t *options);
void cli_temporal_options_free(cli_temporal_options_t *options);

/* The temporal options with the graph filters filled in (valid while options lives). */
const coopnet_temporal_options_t *cli_temporal_options_get(cli_temporal_options_t *options);

/* Checks the options of all-sources reach once parsing is done: all_sources says whether the
 * command computes it (else --exact, --estimate and --precision are usage errors); --estimate
 * excludes --exact and --max-wait. Returns 0 or, after printing a usage error, 2. */
int cli_temporal_check_all(const cli_temporal_options_t *options, const cli_command_t *command,
                           bool all_sources);

/* All-sources reach, exact or estimated as the options say (printing the note when it switches
 * to the estimate). Returns an exit status; prints the error on failure. */
int cli_temporal_all_sources(const cli_temporal_options_t *options,
                             const coopnet_temporal_network_t *network,
                             coopnet_temporal_all_t *all);

/* The index of the actor id, kept by the network's filters, or -1 after printing a usage error
 * naming option ("--from: unknown actor 'x'"). */
long cli_temporal_find_actor(const coopnet_temporal_network_t *network,
                             const cli_command_t *command, const char *option, const char *id);

/* The two readings of the same contacts (docs/temporal.md): one network when every date is
 * exact. cli_readings_alloc returns a library status (err says why); free with
 * cli_readings_free. */
typedef struct cli_readings {
    coopnet_temporal_network_t *certain, *possible;
} cli_readings_t;

int cli_readings_alloc(const coopnet_bundle_t *bundle, const coopnet_temporal_options_t *options,
                       cli_readings_t *readings, coopnet_error_t *err);
void cli_readings_free(cli_readings_t *readings);

/* One note on stderr (not with --quiet) when the readings differ: some dates are bounds. */
void cli_readings_note(const cli_readings_t *readings);

#endif
