/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cli.h - what the command files of the coopnet tool share. The tool uses only the public API;
 * each command is one file, cmd_<name>.c, defining cli_command_<name>. */
#ifndef COOPNET_CLI_H
#define COOPNET_CLI_H

#include <coopnet/coopnet.h>

#include <getopt.h>
#include <stdbool.h>

typedef struct cli_command {
    const char *name;
    const char *summary; /* one line for `coopnet help` */
    const char *usage;   /* the usage lines, shown on a usage error */
    const char *help;    /* the rest of --help: description, options, example */
    int (*run)(int argc, char **argv);
} cli_command_t;

#define CLI_COMMAND(name) extern const cli_command_t cli_command_##name;
#include "commands.def"
#undef CLI_COMMAND

/* Whether name is a command of the tool (reach-curve or reach_curve alike). */
bool cli_command_known(const char *name);

/* The "Exit status:" section every help text ends with. */
extern const char cli_exit_codes_help[];

/* Prints "coopnet: MESSAGE" on stderr. */
void cli_error(const char *format, ...) __attribute__((format(printf, 1, 2)));

/* Prints the message, the command's usage and a pointer to --help on stderr; returns exit 2. */
int cli_usage_error(const cli_command_t *command, const char *format, ...)
    __attribute__((format(printf, 2, 3)));

/* Prints the full help of a command on stdout; returns 0. */
int cli_print_help(const cli_command_t *command);

/* Prints err on stderr and returns its exit status. */
int cli_fail(const coopnet_error_t *err);

/* Set by --quiet: no warnings, no progress. */
extern bool cli_quiet;

/* Loads a bundle (directory or GraphML), printing its warnings (unless quiet) and errors on
 * stderr. Returns an exit status: 0 with *bundle set, else 1, 2 or 3. */
int cli_load_bundle(const char *path, coopnet_bundle_t **bundle);

/* Prints the kept diagnostics and the count of the others. */
void cli_print_diagnostics(const coopnet_diag_list_t *diags, bool warnings);

/* Options shared by every command working on the cooperation graph. */
enum {
    CLI_OPT_LAYER = 1000,
    CLI_OPT_WEIGHTING,
    CLI_OPT_AS_OF,
    CLI_OPT_EXCLUDE,
    CLI_OPT_LEVEL,
    CLI_OPT_FORMAT,
    CLI_OPT_QUIET,
    CLI_OPT_HELP,
    CLI_OPT_FIRST_COMMAND_OPTION /* commands number their own options from here */
};

#define CLI_GRAPH_OPTIONS                                                                          \
    {"layer", required_argument, NULL, CLI_OPT_LAYER},                                             \
        {"weighting", required_argument, NULL, CLI_OPT_WEIGHTING},                                 \
        {"as-of", required_argument, NULL, CLI_OPT_AS_OF},                                         \
        {"exclude", required_argument, NULL, CLI_OPT_EXCLUDE},                                     \
    {                                                                                              \
        "level", required_argument, NULL, CLI_OPT_LEVEL                                            \
    }

#define CLI_COMMON_OPTIONS                                                                         \
    {"quiet", no_argument, NULL, CLI_OPT_QUIET},                                                   \
    {                                                                                              \
        "help", no_argument, NULL, CLI_OPT_HELP                                                    \
    }

/* The help text of the shared graph options, for the commands' --help. */
#define CLI_GRAPH_OPTIONS_HELP                                                                     \
    "  --layer events|ties|all    which links make the cooperation graph (default all)\n"          \
    "  --weighting count|newman|jaccard\n"                                                         \
    "                             event-layer weight: shared events (default), sum of\n"           \
    "                             1/(size-1) over shared events, or shared/either\n"               \
    "  --as-of DATE               only events dated on or before DATE and ties started on\n"       \
    "                             or before it and not ended\n"                                    \
    "  --exclude ID[,ID...]       leave these actors out (e.g. the convening hub)\n"               \
    "  --level L[,L...]           keep only these levels (local, regional, national,\n"            \
    "                             international)\n"

typedef struct cli_graph_options {
    coopnet_graph_options_t graph;
    char *exclude_text;   /* owned copy of the --exclude value, split in place */
    const char **exclude; /* owned array of pointers into exclude_text */
} cli_graph_options_t;

void cli_graph_options_init(cli_graph_options_t *options);
void cli_graph_options_free(cli_graph_options_t *options);

/* Handles one of the shared options. Returns 1 when handled, 0 when opt is not one of them,
 * or -1 after printing a usage error (exit 2). */
int cli_graph_option(cli_graph_options_t *options, const cli_command_t *command, int opt,
                     const char *value);

/* Handles --quiet and --help; returns 1 handled, 0 not; *exit_now set for --help. */
int cli_common_option(const cli_command_t *command, int opt, int *exit_now);

/* Reports an unknown option or a missing argument from getopt_long ('?' or ':'); returns 2. */
int cli_bad_option(const cli_command_t *command, char **argv);

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

/* Prints a bash completion script for the commands, their options (read from the option lines of
 * the help texts) and the values of options documented as "a|b|c" (`coopnet help
 * --bash-completion`). */
void cli_print_bash_completion(const cli_command_t *const *commands, size_t n_commands);

/* Prepares getopt_long for a new command (argv[0] is the command name). */
void cli_reset_getopt(void);

#endif
