/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cli.h - what the command files of the coopnet tool share. The tool uses only the public API;
 * each command is one file, cmd_<name>.c, defining cli_command_<name>. */
#ifndef COOPNET_CLI_H
#define COOPNET_CLI_H

#include "cli_options.h"

#include <coopnet/coopnet.h>

#include <stdbool.h>
#include <stdio.h>

/* Exit statuses of the coopnet command (docs/exit-codes.md). The library returns coopnet error
 * codes; only the tool maps them to exit statuses (cli_exit_status). */
enum {
    COOPNET_EXIT_OK = 0,
    COOPNET_EXIT_FAILURE = 1, /* runtime failure: I/O, memory, internal */
    COOPNET_EXIT_USAGE = 2,   /* usage error: bad command line */
    COOPNET_EXIT_DATA = 3,    /* invalid input data */
    COOPNET_EXIT_INTERRUPTED = 130
};

/* The exit status for a coopnet error code: EINVAL 2, EDATA 3, EINTERRUPTED 130, other errors
 * 1, COOPNET_OK 0. */
int cli_exit_status(int code);

typedef struct cli_command {
    const char *name;
    const char *summary;  /* one line for `coopnet help` */
    const char *usage;    /* the usage lines, shown on a usage error */
    const char *help;     /* what the command does, before the options in --help */
    const char *examples; /* the end of --help, after the options: "Example:" and command lines */
    int (*run)(int argc, char **argv);
    /* the command builds no graph: it runs as started, without the restart onto glibc's
     * huge-page heap that pays off for commands building graph after graph (validate at 100 000
     * actors: the second start-up and the heap kept between its tables cost more than they
     * save) */
    bool without_huge_heap;
} cli_command_t;

#define CLI_COMMAND(name) extern const cli_command_t cli_command_##name;
#include "commands.def"
#undef CLI_COMMAND

/* The "Exit status:" section every help text ends with. */
extern const char cli_exit_codes_help[];

/* Prints "coopnet: MESSAGE" on stderr. */
void cli_error(const char *format, ...) __attribute__((format(printf, 1, 2)));

/* Prints the message, the command's usage and a pointer to --help on stderr; returns exit 2. */
int cli_usage_error(const cli_command_t *command, const char *format, ...)
    __attribute__((format(printf, 2, 3)));

/* Prints the full help of a command, its options from its table, on stdout; returns 0. */
int cli_print_help(const cli_command_t *command, const cli_option_t *options);

/* Prints err on stderr and returns its exit status. */
int cli_fail(const coopnet_error_t *err);

/* Set by --quiet: no warnings, no progress. */
extern bool cli_quiet;

/* Prints, once, a warning when the map data under geo figures cannot be read (unless quiet). */
void cli_warn_without_map_data(void);

/* Loads a bundle (directory or GraphML), printing its warnings (unless quiet) and errors on
 * stderr. Returns an exit status: 0 with *bundle set, else 1, 2 or 3. */
int cli_load_bundle(const char *path, coopnet_bundle_t **bundle);

/* Prints the kept diagnostics and the count of the others. */
void cli_print_diagnostics(const coopnet_diag_list_t *diags, bool warnings);

typedef struct cli_graph_options {
    coopnet_graph_options_t graph;
    char *exclude_text;   /* owned copy of the --exclude value, split in place */
    const char **exclude; /* owned array of pointers into exclude_text */
    char *layers_text;    /* owned copy of the --layer value (graph.layers points into it) */
    bool as_of_given, between_given; /* one of them at most */
} cli_graph_options_t;

/* The actor ids of a list option (--exclude, --from): an owned copy of the text split at commas. */
int cli_split_ids(const char *value, char **text, const char ***ids, size_t *n_ids);

void cli_graph_options_init(cli_graph_options_t *options);
void cli_graph_options_free(cli_graph_options_t *options);

/* The option table entries of the cooperation graph into the cli_graph_options_t *options: the
 * filters (--layer, --exclude, --level) alone, and with --weighting and --as-of. */
#define CLI_GRAPH_FILTER_OPTIONS(options)                                                          \
    CLI_VALUE("layer", "events|ties|formal|all",                                                   \
              "which relations make the cooperation graph, a comma\nlist of: events "              \
              "(co-attendance), ties (every\ntie type), formal (agreements and technical\n"        \
              "support), tie types (mou, partnership, ...) or all\n(default)",                     \
              (options), cli_parse_layer),                                                         \
        CLI_VALUE("exclude", "ID[,ID...]",                                                         \
                  "leave these actors out; their events stay (coopnet\nwhatif --without drops "    \
                  "those too)",                                                                    \
                  (options), cli_parse_exclude),                                                   \
        CLI_VALUE("level", "L[,L...]",                                                             \
                  "keep only these levels (local, regional, national,\ninternational)",            \
                  &(options)->graph.level_mask, cli_parse_levels),                                 \
        CLI_VALUE("window", "FROM/TO",                                                             \
                  "the study window undated rows and open interval sides\n('..') read as "         \
                  "(default: the data's first to last date)",                                      \
                  &(options)->graph.window, cli_parse_window),                                     \
        CLI_MEMORY_LIMIT_OPTION(&(options)->graph.memory_limit)
#define CLI_GRAPH_OPTIONS(options)                                                                 \
    CLI_GRAPH_FILTER_OPTIONS(options),                                                             \
        CLI_VALUE("weighting", "count|newman|jaccard",                                             \
                  "event-layer weight: shared events (default), sum of\n1/(size-1) over shared "   \
                  "events, or shared/either",                                                      \
                  &(options)->graph.weighting, cli_parse_weighting),                               \
        CLI_VALUE("backbone", "none|sdsm|fixed-row|min-shared:K",                                  \
                  "co-attending pairs linked: all (default), those\nsignificant at 0.05 (see "     \
                  "coopnet backbone),\nor those sharing at least K events",                        \
                  &(options)->graph.backbone, cli_parse_backbone),                                 \
        CLI_VALUE("as-of", "DATE",                                                                 \
                  "only events surely on or before DATE (the end of its\nmonth or year) and ties " \
                  "surely started by then and not\nended (a month or interval counts by its last " \
                  "day)",                                                                          \
                  (options), cli_parse_as_of),                                                     \
        CLI_VALUE("between", "FROM/TO",                                                            \
                  "only what surely took place in the window (either side\nmay be '..'): events "  \
                  "surely under way in it, ties\nsurely started by TO and not ended before FROM",  \
                  (options), cli_parse_between),                                                   \
        CLI_VALUE("as-of-mode", "certain|possible",                                                \
                  "with --as-of: keep what is surely before it (default)\nor what may be (a "      \
                  "month or interval by its first day)",                                           \
                  &(options)->graph.as_of_reading, cli_parse_reading)

/* --memory-limit: the budget of the command's large allocations (coopnet_graph_options_t). */
#define CLI_MEMORY_LIMIT_OPTION(bytes)                                                             \
    CLI_VALUE("memory-limit", "SIZE",                                                              \
              "refuse (exit 1) work whose large structures (the\ngraph, reach's state or "         \
              "sketches, snapshots'\nvalues) would take more than SIZE: bytes, or with\nK, M, "    \
              "G, T (KiB ... TiB); default 1.5G. reach --all:\nexact when its state fits, else "   \
              "estimated",                                                                         \
              (bytes), cli_parse_memory_limit)
int cli_parse_memory_limit(const cli_option_t *option, const char *value, void *field,
                           coopnet_error_t *err); /* uint64_t bytes */

int cli_parse_layer(const cli_option_t *option, const char *value, void *field,
                    coopnet_error_t *err); /* cli_graph_options_t */
int cli_parse_weighting(const cli_option_t *option, const char *value, void *field,
                        coopnet_error_t *err); /* coopnet_weighting_t */
int cli_parse_levels(const cli_option_t *option, const char *value, void *field,
                     coopnet_error_t *err); /* a level mask */
int cli_parse_backbone(const cli_option_t *option, const char *value, void *field,
                       coopnet_error_t *err); /* coopnet_graph_backbone_t */
int cli_parse_exclude(const cli_option_t *option, const char *value, void *field,
                      coopnet_error_t *err); /* cli_graph_options_t */
int cli_parse_as_of(const cli_option_t *option, const char *value, void *field,
                    coopnet_error_t *err); /* cli_graph_options_t */
int cli_parse_between(const cli_option_t *option, const char *value, void *field,
                      coopnet_error_t *err); /* cli_graph_options_t: graph.since and graph.as_of */
int cli_parse_window(const cli_option_t *option, const char *value, void *field,
                     coopnet_error_t *err); /* coopnet_date_t, an interval of two written sides */
int cli_parse_reading(const cli_option_t *option, const char *value, void *field,
                      coopnet_error_t *err); /* coopnet_reading_t */

/* --every: the step of a time axis, the same words (any case) and default in every command. */
#define CLI_DEFAULT_PERIOD COOPNET_PERIOD_QUARTER
#define CLI_EVERY_OPTION(period)                                                                   \
    CLI_VALUE("every", "year|quarter|month", "the step of the time axis (default quarter)",        \
              (period), cli_parse_period)

/* Writes the help of a command as --help shows it after the usage: description, options, old
 * spellings, examples. */
void cli_write_help(FILE *stream, const cli_command_t *command, const cli_option_t *options);

/* Opens -o FILE (or stdout when NULL); on failure prints and returns an exit status. */
int cli_open_output(const char *path, coopnet_output_t **output);

/* Commits the output; on failure prints and returns an exit status (1). */
int cli_commit_output(coopnet_output_t *output);

/* The progress display for the library's long computations (coopnet/progress.h): a bar with the
 * time left when stderr is a terminal, one line per stage otherwise ("coopnet: STAGE..."),
 * nothing with --quiet or when the environment sets COOPNET_PROGRESS=off (coopnet batch sets it
 * for its jobs). Pass the address of the result to the library. */
coopnet_progress_t cli_progress(void);

/* Ends a bar left open on the terminal (call before printing results or errors). */
void cli_progress_finish(void);

/* The program-wide texts of `coopnet help`, shared with the man page. */
typedef struct cli_program_text {
    const char *usage;       /* "usage: coopnet COMMAND ..." lines */
    const char *description; /* what coopnet does, one paragraph */
    const char *exit_codes;  /* "Exit status:" and the table of codes */
} cli_program_text_t;

/* Prints the man page coopnet(1) in roff: the program text, then each command's summary, usage
 * and help text, so the page says exactly what --help says (`coopnet help --man`). */
void cli_print_man_page(const cli_command_t *const *commands, size_t n_commands,
                        const cli_program_text_t *program);

/* Prints a bash completion script for the commands, their options (from their option tables) and
 * the values of options whose argument is a list "a|b|c" (`coopnet help --bash-completion`). */
void cli_print_bash_completion(const cli_command_t *const *commands, size_t n_commands);

#endif
