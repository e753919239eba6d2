/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cli_temporal.h - the options `reach` and `reach-curve` share. */
#ifndef COOPNET_CLI_TEMPORAL_H
#define COOPNET_CLI_TEMPORAL_H

#include "cli.h"

enum {
    CLI_OPT_SINCE = CLI_OPT_FIRST_COMMAND_OPTION,
    CLI_OPT_UNTIL,
    CLI_OPT_MAX_WAIT,
    CLI_OPT_MODE,
    CLI_OPT_ESTIMATE,
    CLI_OPT_EXACT,
    CLI_OPT_PRECISION,
    CLI_OPT_MEMORY_LIMIT,
    CLI_OPT_TEMPORAL_NEXT /* the commands number their own options from here */
};

/* The cooperation-graph filters that make sense over time (--as-of and --weighting do not:
 * --until is the cut-off, and reach is unweighted), the temporal options and --format. */
#define CLI_TEMPORAL_OPTIONS                                                                       \
    {"layer", required_argument, NULL, CLI_OPT_LAYER},                                             \
        {"exclude", required_argument, NULL, CLI_OPT_EXCLUDE},                                     \
        {"level", required_argument, NULL, CLI_OPT_LEVEL},                                         \
        {"format", required_argument, NULL, CLI_OPT_FORMAT},                                       \
        {"since", required_argument, NULL, CLI_OPT_SINCE},                                         \
        {"until", required_argument, NULL, CLI_OPT_UNTIL},                                         \
        {"max-wait", required_argument, NULL, CLI_OPT_MAX_WAIT},                                   \
        {"estimate", no_argument, NULL, CLI_OPT_ESTIMATE},                                         \
        {"exact", no_argument, NULL, CLI_OPT_EXACT},                                               \
        {"precision", required_argument, NULL, CLI_OPT_PRECISION},                                 \
        {"memory-limit", required_argument, NULL, CLI_OPT_MEMORY_LIMIT},                           \
    {                                                                                              \
        "mode", required_argument, NULL, CLI_OPT_MODE                                              \
    }

#define CLI_TEMPORAL_OPTIONS_HELP                                                                  \
    "  --since DATE               the source is informed before DATE and uses contacts\n"          \
    "                             from DATE on (default: the bundle's earliest date)\n"            \
    "  --until DATE               ignore contacts after DATE (end of its month or year)\n"         \
    "  --max-wait DAYS            each contact after the first at most DAYS days after\n"          \
    "                             the contact that informed the one passing it on\n"               \
    "  --mode all|presenter       who passes knowledge on at events: every participant\n"          \
    "                             (default) or presenters, hosts, organisers, facilitators\n"      \
    "  --layer events|ties|all    which contacts count (default all)\n"                            \
    "  --exclude ID[,ID...]       leave these actors out (e.g. the convening hub)\n"               \
    "  --level L[,L...]           keep only these levels\n"                                        \
    "  --format csv|json          output format (default csv)\n"                                   \
    "  -o, --output FILE          write to FILE (atomically) instead of stdout\n"                  \
    "  --quiet                    no warnings, no progress\n"

/* The help of the options choosing how all-sources reach is computed. */
#define CLI_TEMPORAL_ALL_OPTIONS_HELP                                                              \
    "  --exact                    exact all-sources reach whatever its memory needs\n"             \
    "  --estimate                 estimate it with HyperLogLog sketches (not with\n"               \
    "                             --max-wait); a column relative_standard_error\n"                 \
    "                             then gives their error, 1.04/sqrt(2^P)\n"                        \
    "  --precision P              sketch precision, 2^P registers per actor, 4..16\n"              \
    "                             (default 10: 3.25%, 4 KiB per actor)\n"                          \
    "  --memory-limit SIZE        without --exact or --estimate: exact when its state\n"           \
    "                             fits in SIZE (bytes, or with K, M, G: KiB, MiB, GiB;\n"          \
    "                             default 1.5G), else the estimate, with a note on\n"              \
    "                             stderr (none with --quiet: the output says it)\n"

typedef enum {
    CLI_TEMPORAL_ALL_AUTO = 0, /* exact when it fits in the memory limit, else estimated */
    CLI_TEMPORAL_ALL_EXACT,
    CLI_TEMPORAL_ALL_ESTIMATE
} cli_temporal_all_method_t;

typedef struct cli_temporal_options {
    cli_graph_options_t graph;
    coopnet_temporal_options_t temporal;
    coopnet_table_format_t format;
    bool format_given;
    cli_temporal_all_method_t all_method;
    bool all_option_given; /* one of --exact --estimate --precision --memory-limit */
    int precision;
    uint64_t memory_limit; /* bytes */
} cli_temporal_options_t;

void cli_temporal_options_init(cli_temporal_options_t *options);
void cli_temporal_options_free(cli_temporal_options_t *options);

/* Handles a shared option: 1 handled, 0 not one of them, -1 after printing a usage error. */
int cli_temporal_option(cli_temporal_options_t *options, const cli_command_t *command, int opt,
                        const char *value);

/* The temporal options with the graph filters filled in (valid while options lives). */
const coopnet_temporal_options_t *cli_temporal_options_get(cli_temporal_options_t *options);

/* Checks the options of all-sources reach once parsing is done: all_sources says whether the
 * command computes it (else --exact, --estimate, --precision and --memory-limit are usage
 * errors); --estimate excludes --exact and --max-wait. Returns 0 or, after printing a usage
 * error, 2. */
int cli_temporal_check_all(const cli_temporal_options_t *options, const cli_command_t *command,
                           bool all_sources);

/* All-sources reach, exact or estimated as the options say (printing the note when it switches
 * to the estimate). Returns an exit status; prints the error on failure. */
int cli_temporal_all_sources(const cli_temporal_options_t *options,
                             const coopnet_temporal_network_t *network,
                             coopnet_temporal_all_t *all);


#endif
