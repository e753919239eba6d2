/* cli_temporal.h - the options `reach` and `reach-curve` share. */
#ifndef COOPNET_CLI_TEMPORAL_H
#define COOPNET_CLI_TEMPORAL_H

#include "cli.h"

enum {
    CLI_OPT_SINCE = CLI_OPT_FIRST_COMMAND_OPTION,
    CLI_OPT_UNTIL,
    CLI_OPT_MAX_WAIT,
    CLI_OPT_MODE,
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

typedef struct cli_temporal_options {
    cli_graph_options_t graph;
    coopnet_temporal_options_t temporal;
    coopnet_table_format_t format;
    bool format_given;
} cli_temporal_options_t;

void cli_temporal_options_init(cli_temporal_options_t *options);
void cli_temporal_options_free(cli_temporal_options_t *options);

/* Handles a shared option: 1 handled, 0 not one of them, -1 after printing a usage error. */
int cli_temporal_option(cli_temporal_options_t *options, const cli_command_t *command, int opt,
                        const char *value);

/* The temporal options with the graph filters filled in (valid while options lives). */
const coopnet_temporal_options_t *cli_temporal_options_get(cli_temporal_options_t *options);

/* A progress callback drawing "stage: N%" on a terminal's stderr; nothing when quiet. */
extern const coopnet_progress_t cli_temporal_progress;

#endif
