/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cli_options.h - the one option parser of the coopnet tool, table-driven (after git's
 * parse-options). Each command declares, in its run function, a table of its options: long name,
 * short name, the value's name in the help, the help, where the value goes (a pointer to the
 * command's variable) and how it is parsed. cli_parse_options reads argv against the table, so
 * every command handles --help, unknown options, missing and bad values, abbreviations and old
 * spellings the same way. The help's option list is written from the table; so are the man page
 * and the bash completion, which run each command with cli_describe set (as `git cmd -h` runs the
 * command's own parse_options). */
#ifndef COOPNET_CLI_OPTIONS_H
#define COOPNET_CLI_OPTIONS_H

#include <coopnet/coopnet.h>

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

typedef struct cli_option cli_option_t;

/* Parses value into field (the option's place in the argument struct); on a bad value returns a
 * coopnet error code with err saying why (the parser adds nothing: name the option in the
 * message when the value alone does not say what it is for). */
typedef int (*cli_option_parse_t)(const cli_option_t *option, const char *value, void *field,
                                  coopnet_error_t *err);

struct cli_option {
    const char *name;         /* long name without "--"; NULL ends a table */
    char short_name;          /* 'o' for -o, or 0 */
    const char *argument;     /* the value in the help ("FILE", "events|ties|all": a list of choices
                                 that completion offers); NULL: a flag, which takes no value */
    const char *help;         /* help lines, '\n' between them; NULL: not listed (an alias) */
    void *value;              /* where the value goes */
    cli_option_parse_t parse; /* NULL: a flag sets a bool, a value is kept as a const char * */
    long long min, max;       /* bounds for cli_parse_integer (max < min: no upper bound) */
    const char *alias_of;     /* an old spelling of that option: works, with a note */
    const char *implied;      /* an alias flag for an option with a value: that value */
    bool synonym;             /* an alias that is not deprecated: no note */
    bool *given;              /* optional: set when the option is given */
};

#define CLI_OPTION_END                                                                             \
    {                                                                                              \
        .name = NULL                                                                               \
    }

/* A flag: sets the bool *value_. */
#define CLI_FLAG(name_, short_, help_, value_)                                                     \
    {                                                                                              \
        .name = name_, .short_name = short_, .help = help_, .value = value_                        \
    }

/* An option whose value is kept as it is, in the const char * *value_. */
#define CLI_STRING(name_, short_, argument_, help_, value_)                                        \
    {                                                                                              \
        .name = name_, .short_name = short_, .argument = argument_, .help = help_, .value = value_ \
    }

/* An option whose value parse_ reads into *value_. */
#define CLI_VALUE(name_, argument_, help_, value_, parse_)                                         \
    {                                                                                              \
        .name = name_, .argument = argument_, .help = help_, .value = value_, .parse = parse_      \
    }

/* A whole number from min_ to max_ (max_ < min_: no upper bound) into the long long *value_. */
#define CLI_INTEGER(name_, argument_, help_, value_, min_, max_)                                   \
    {                                                                                              \
        .name = name_, .argument = argument_, .help = help_, .value = value_,                      \
        .parse = cli_parse_integer, .min = min_, .max = max_                                       \
    }

/* An old spelling kept for one release: --old works as --new, with a note on stderr. */
#define CLI_ALIAS(old_, new_)                                                                      \
    {                                                                                              \
        .name = old_, .alias_of = new_                                                             \
    }

/* An old flag standing for --new VALUE, with a note. */
#define CLI_ALIAS_VALUE(old_, new_, value_)                                                        \
    {                                                                                              \
        .name = old_, .alias_of = new_, .implied = value_                                          \
    }

/* Another accepted spelling, without a note (--colour-by for --color-by). */
#define CLI_SYNONYM(other_, name_)                                                                 \
    {                                                                                              \
        .name = other_, .alias_of = name_, .synonym = true                                         \
    }

/* --quiet: sets cli_quiet. */
#define CLI_QUIET(help_)                                                                           \
    {                                                                                              \
        .name = "quiet", .help = help_, .parse = cli_parse_quiet                                   \
    }

/* --max-errors N: the errors listed (0: all) into the long long *value_, COOPNET_DIAG_KEEP
 * unless given. */
#define CLI_MAX_ERRORS(value_)                                                                     \
    CLI_INTEGER("max-errors", "N",                                                                 \
                "list at most N errors, then count the others (default 50;\n0: all)", value_, 0,   \
                -1)

/* Value parsers. */
int cli_parse_integer(const cli_option_t *option, const char *value, void *field,
                      coopnet_error_t *err); /* long long, option->min to option->max */
int cli_parse_positive(const cli_option_t *option, const char *value, void *field,
                       coopnet_error_t *err); /* double > 0 */
int cli_parse_date(const cli_option_t *option, const char *value, void *field,
                   coopnet_error_t *err); /* coopnet_date_t, not empty */
int cli_parse_period(const cli_option_t *option, const char *value, void *field,
                     coopnet_error_t *err); /* coopnet_period_t: year, quarter, month, any case */
int cli_parse_country(const cli_option_t *option, const char *value, void *field,
                      coopnet_error_t *err); /* const char *, an ISO 3166-1 alpha-2 code */
int cli_parse_measure(const cli_option_t *option, const char *value, void *field,
                      coopnet_error_t *err); /* const char *: one measure's name */
int cli_parse_measure_or_none(const cli_option_t *option, const char *value, void *field,
                              coopnet_error_t *err); /* the same, or "none" */
int cli_parse_measure_list(const cli_option_t *option, const char *value, void *field,
                           coopnet_error_t *err); /* cli_measures_t */
int cli_parse_format(const cli_option_t *option, const char *value, void *field,
                     coopnet_error_t *err); /* coopnet_table_format_t: csv or json */
int cli_parse_quiet(const cli_option_t *option, const char *value, void *field,
                    coopnet_error_t *err);

int cli_parse_fraction(const cli_option_t *option, const char *value, void *field,
                       coopnet_error_t *err); /* double, 0 < value < 1 */
/* --approx EPS and --exact into a coopnet_centrality_policy_t: the method and epsilon; "give
 * --exact or --approx, not both". */
int cli_parse_approx(const cli_option_t *option, const char *value, void *field,
                     coopnet_error_t *err);
int cli_parse_exact_centrality(const cli_option_t *option, const char *value, void *field,
                               coopnet_error_t *err);

/* The choices of --table: parse with cli_parse_table into a const char *, the option's argument
 * being the list ("groups|actors|mixing"). */
int cli_parse_table(const cli_option_t *option, const char *value, void *field,
                    coopnet_error_t *err);

/* A list of actor ids (--from): an owned copy of the text, split at commas. Free with
 * cli_ids_free. */
typedef struct cli_ids {
    char *text;
    const char **ids;
    size_t n_ids;
} cli_ids_t;

void cli_ids_free(cli_ids_t *ids);

/* ID[,ID...] into a cli_ids_t, at most option->max ids. */
int cli_parse_ids(const cli_option_t *option, const char *value, void *field, coopnet_error_t *err);

/* --measure LIST of centrality and snapshots. */
typedef struct cli_measures {
    coopnet_measure_t items[COOPNET_MEASURE_COUNT];
    size_t n_items;
} cli_measures_t;

/* All measures in their default order. */
void cli_measures_init(cli_measures_t *measures);

struct cli_command;

/* Parses the options of argv[1..argc) (argv[0] is the command's name) against options, the
 * command's table. Options and operands may come in any order; "--" ends the options. Long
 * options may be abbreviated to a unique prefix and take their value as --name=VALUE or
 * --name VALUE; short ones as -o VALUE or -oVALUE. --help and -h print the help.
 * Returns the number of operands, moved to argv[0..n), or -1 when the command must stop with
 * *exit_status: 0 after --help, 2 after a usage error (printed with the usage). Notes on old
 * spellings go to stderr once parsing is done, unless --quiet. */
int cli_parse_options(const struct cli_command *command, const cli_option_t *options, int argc,
                      char **argv, int *exit_status);

/* Checks argv[1..argc) against options as cli_parse_options would (unknown, ambiguous and
 * repeated options, missing and bad values) without printing anything or setting cli_quiet, for
 * `batch` to check every job before running any: call it from a cli_describe callback, which
 * receives the command's table while the variables it points to are alive (values are parsed
 * into them; the command frees them as after a usage error). Operands are not checked. Returns
 * 0, or 2 with the first problem in message (size bytes). */
int cli_check_options(const struct cli_command *command, const cli_option_t *options, int argc,
                      char **argv, char *message, size_t size);

/* When set, cli_parse_options does not parse: it calls cli_describe with the command and its
 * table and returns -1 with exit status 0 (the man page and completion are written so). */
extern void (*cli_describe)(const struct cli_command *command, const cli_option_t *options,
                            void *context);
extern void *cli_describe_context;

/* Writes the option list of a table as --help shows it (aliases left out). */
void cli_write_options_help(FILE *stream, const cli_option_t *options);

/* Writes the old spellings of a table and their new names, one line each, for the help; nothing
 * when there are none. */
void cli_write_aliases_help(FILE *stream, const cli_option_t *options);

/* Calls visit for every option listed in the help of a table (aliases not). */
void cli_options_visit(const cli_option_t *options,
                       void (*visit)(const cli_option_t *option, void *context), void *context);

#endif
