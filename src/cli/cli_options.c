/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cli_options.c - the table-driven option parser and the value parsers (see cli_options.h). */
#include "cli.h"

#include <errno.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void (*cli_describe)(const cli_command_t *command, const cli_option_t *options, void *context);
void *cli_describe_context;

#define MAX_FOUND 16

/* Set while cli_check_options runs: usage errors go here instead of stderr. The values are
 * parsed into the command's variables as usual (the command is stopped in its describe mode
 * right after, and frees what they hold on its way out, as after any usage error), but --quiet
 * does not set the tool's global cli_quiet. */
static char *check_message;
static size_t check_message_size;

/* cli_usage_error, or in a check the message kept for the caller. */
static int usage_error(const cli_command_t *command, const char *format, ...)
    __attribute__((format(printf, 2, 3)));
static int usage_error(const cli_command_t *command, const char *format, ...)
{
    char message[COOPNET_ERROR_MESSAGE_SIZE];
    va_list args;
    va_start(args, format);
    vsnprintf(message, sizeof message, format, args);
    va_end(args);
    if (check_message != NULL) {
        if (check_message[0] == '\0')
            snprintf(check_message, check_message_size, "%s", message);
        return COOPNET_EXIT_USAGE;
    }
    return cli_usage_error(command, "%s", message);
}

/* Collects the entries named name (exact) or, when prefix, starting with its first length
 * characters. Returns the count found, at most MAX_FOUND. */
static size_t find_options(const cli_option_t *table, const char *name, size_t length, bool prefix,
                           const cli_option_t **found)
{
    size_t n_found = 0;
    for (const cli_option_t *option = table; option->name != NULL; option++) {
        bool match =
            prefix ? strncmp(option->name, name, length) == 0
                   : strlen(option->name) == length && strncmp(option->name, name, length) == 0;
        if (match && n_found < MAX_FOUND)
            found[n_found++] = option;
    }
    return n_found;
}

static const cli_option_t *find_short(const cli_option_t *table, char short_name)
{
    for (const cli_option_t *option = table; option->name != NULL; option++)
        if (option->short_name == short_name && short_name != 0)
            return option;
    return NULL;
}

/* The option an alias stands for (itself when it is none). */
static const cli_option_t *resolve_alias(const cli_option_t *table, const cli_option_t *option)
{
    const cli_option_t *target[MAX_FOUND];
    if (option->alias_of == NULL ||
        find_options(table, option->alias_of, strlen(option->alias_of), false, target) == 0)
        return option;
    return target[0];
}

/* Notes on the old spellings used, printed once parsing is done; and the options given so far
 * (aliases resolved), so that a repeat is refused instead of silently replacing the first value
 * (--exclude a --exclude b once excluded only b). */
#define MAX_GIVEN 64
typedef struct alias_notes {
    const cli_option_t *used[8];
    size_t n_used;
    const cli_option_t *given[MAX_GIVEN];
    size_t n_given;
} alias_notes_t;

/* A usage error when option (resolved) takes a value and was given before. Flags may repeat. */
static int check_repeat(const cli_command_t *command, alias_notes_t *notes,
                        const cli_option_t *option)
{
    if (option->argument == NULL || option->parse == cli_parse_quiet)
        return COOPNET_EXIT_OK;
    for (size_t i = 0; i < notes->n_given; i++)
        if (notes->given[i] == option)
            return usage_error(command, "option '--%s' given twice: give it once%s", option->name,
                               option->parse == cli_parse_ids ||
                                       option->parse == cli_parse_exclude ||
                                       option->parse == cli_parse_levels
                                   ? " with a comma-separated list (a,b)"
                                   : "");
    if (notes->n_given < MAX_GIVEN)
        notes->given[notes->n_given++] = option;
    return COOPNET_EXIT_OK;
}

static void remember_alias(alias_notes_t *notes, const cli_option_t *alias)
{
    if (alias->alias_of == NULL || alias->synonym)
        return;
    for (size_t i = 0; i < notes->n_used; i++)
        if (notes->used[i] == alias)
            return;
    if (notes->n_used < sizeof notes->used / sizeof notes->used[0])
        notes->used[notes->n_used++] = alias;
}

static void print_alias_notes(const alias_notes_t *notes)
{
    if (cli_quiet)
        return;
    for (size_t i = 0; i < notes->n_used; i++) {
        const cli_option_t *alias = notes->used[i];
        fprintf(stderr,
                "coopnet: note: --%s is now --%s%s%s; the old spelling will be removed in the "
                "next release\n",
                alias->name, alias->alias_of, alias->implied ? " " : "",
                alias->implied ? alias->implied : "");
    }
}

/* Applies one option: value is its argument, NULL for a flag. Returns 0, or 2 after a usage
 * error. */
static int apply_option(const cli_command_t *command, const cli_option_t *option, const char *value)
{
    if (check_message != NULL && option->parse == cli_parse_quiet)
        return COOPNET_EXIT_OK; /* a check changes no global state */
    void *field = option->value;
    coopnet_error_t err;
    coopnet_error_clear(&err);
    if (option->parse != NULL) {
        if (option->parse(option, value, field, &err) != COOPNET_OK)
            return usage_error(command, "%s", err.message);
    } else if (option->argument == NULL) {
        *(bool *)field = true;
    } else {
        *(const char **)field = value;
    }
    if (option->given != NULL)
        *option->given = true;
    return COOPNET_EXIT_OK;
}

/* Handles "--name", "--name=value" or "--name value" at argv[*index]. Returns 0 or 2. */
static int parse_long(const cli_command_t *command, const cli_option_t *options, int argc,
                      char **argv, int *index, alias_notes_t *notes)
{
    const char *word = argv[*index] + 2;
    const char *equals = strchr(word, '=');
    size_t length = equals ? (size_t)(equals - word) : strlen(word);
    const cli_option_t *found[MAX_FOUND];
    size_t n_found = find_options(options, word, length, false, found);
    if (n_found == 0) {
        /* a unique prefix: every match (aliases resolved) is one option */
        n_found = find_options(options, word, length, true, found);
        for (size_t i = 1; i < n_found; i++)
            if (resolve_alias(options, found[i]) != resolve_alias(options, found[0]))
                return usage_error(command, "ambiguous option '--%.*s' (--%s or --%s?)",
                                   (int)length, word, found[0]->name, found[i]->name);
    }
    if (n_found == 0)
        return usage_error(command, "unknown option '--%.*s'", (int)length, word);
    const cli_option_t *spelled = found[0];
    const cli_option_t *target = resolve_alias(options, spelled);
    remember_alias(notes, spelled);
    /* an old flag standing for a value (--summary for --table summary) may repeat like a flag */
    int repeat = spelled->implied != NULL ? COOPNET_EXIT_OK : check_repeat(command, notes, target);
    if (repeat != COOPNET_EXIT_OK)
        return repeat;
    const char *value = NULL;
    if (spelled->implied != NULL || target->argument == NULL) {
        if (equals != NULL)
            return usage_error(command, "option '--%s' takes no value", spelled->name);
        value = spelled->implied;
    } else if (equals != NULL) {
        value = equals + 1;
    } else if (*index + 1 < argc) {
        value = argv[++*index];
    } else {
        return usage_error(command, "option '--%s' needs a value (%s)", spelled->name,
                           target->argument);
    }
    return apply_option(command, target, value);
}

/* Handles "-x", "-xVALUE", "-x VALUE" or clustered flags "-kq" at argv[*index]. */
static int parse_short(const cli_command_t *command, const cli_option_t *options, int argc,
                       char **argv, int *index, alias_notes_t *notes)
{
    for (const char *letter = argv[*index] + 1; *letter != '\0'; letter++) {
        const cli_option_t *option = find_short(options, *letter);
        if (option == NULL)
            return usage_error(command, "unknown option '-%c'", *letter);
        int repeat = check_repeat(command, notes, option);
        if (repeat != COOPNET_EXIT_OK)
            return repeat;
        if (option->argument == NULL) {
            int status = apply_option(command, option, NULL);
            if (status != COOPNET_EXIT_OK)
                return status;
            continue;
        }
        const char *value = letter[1] != '\0' ? letter + 1 : NULL;
        if (value == NULL && *index + 1 < argc)
            value = argv[++*index];
        if (value == NULL)
            return usage_error(command, "option '-%c' needs a value (%s)", *letter,
                               option->argument);
        return apply_option(command, option, value);
    }
    return COOPNET_EXIT_OK;
}

static bool is_help(const char *word)
{
    return strcmp(word, "--help") == 0 || strcmp(word, "-h") == 0;
}

int cli_check_options(const cli_command_t *command, const cli_option_t *options, int argc,
                      char **argv, char *message, size_t size)
{
    if (size == 0)
        return COOPNET_EXIT_USAGE;
    message[0] = '\0';
    check_message = message;
    check_message_size = size;
    alias_notes_t notes = {{NULL}, 0, {NULL}, 0};
    int status = COOPNET_EXIT_OK;
    for (int i = 1; i < argc && status == COOPNET_EXIT_OK; i++) {
        const char *word = argv[i];
        if (strcmp(word, "--") == 0)
            break;
        if (word[0] != '-' || word[1] == '\0' || is_help(word))
            continue;
        status = word[1] == '-' ? parse_long(command, options, argc, argv, &i, &notes)
                                : parse_short(command, options, argc, argv, &i, &notes);
    }
    check_message = NULL;
    check_message_size = 0;
    return status;
}

int cli_parse_options(const cli_command_t *command, const cli_option_t *options, int argc,
                      char **argv, int *exit_status)
{
    alias_notes_t notes = {{NULL}, 0, {NULL}, 0};
    int n_operands = 0;
    bool options_done = false;
    if (cli_describe != NULL) {
        cli_describe(command, options, cli_describe_context);
        *exit_status = COOPNET_EXIT_OK;
        return -1;
    }
    /* --help wins wherever it is, even after a bad option */
    for (int i = 1; i < argc && strcmp(argv[i], "--") != 0; i++)
        if (is_help(argv[i])) {
            *exit_status = cli_print_help(command, options);
            return -1;
        }
    for (int i = 1; i < argc; i++) {
        char *word = argv[i];
        int status = COOPNET_EXIT_OK;
        if (options_done || word[0] != '-' || word[1] == '\0')
            argv[n_operands++] = word; /* i >= n_operands: nothing unread is overwritten */
        else if (strcmp(word, "--") == 0)
            options_done = true;
        else if (word[1] == '-')
            status = parse_long(command, options, argc, argv, &i, &notes);
        else
            status = parse_short(command, options, argc, argv, &i, &notes);
        if (status != COOPNET_EXIT_OK) {
            *exit_status = status;
            return -1;
        }
    }
    print_alias_notes(&notes);
    *exit_status = COOPNET_EXIT_OK;
    return n_operands;
}

/* --- value parsers ------------------------------------------------------------------------ */

int cli_parse_integer(const cli_option_t *option, const char *value, void *field,
                      coopnet_error_t *err)
{
    char *end;
    errno = 0;
    long long parsed = strtoll(value, &end, 10);
    bool bounded = option->max >= option->min;
    if (errno != 0 || end == value || *end != '\0' || parsed < option->min ||
        (bounded && parsed > option->max)) {
        if (bounded)
            return coopnet_error_set(err, COOPNET_EINVAL,
                                     "--%s needs a whole number from %lld to %lld, not '%s'",
                                     option->name, option->min, option->max, value);
        return coopnet_error_set(err, COOPNET_EINVAL, "--%s needs a whole number >= %lld, not '%s'",
                                 option->name, option->min, value);
    }
    *(long long *)field = parsed;
    return COOPNET_OK;
}

int cli_parse_positive(const cli_option_t *option, const char *value, void *field,
                       coopnet_error_t *err)
{
    char *end;
    errno = 0;
    double parsed = strtod(value, &end);
    /* an underflow to a tiny positive number (1e-308) is still a number > 0 */
    bool range_error = errno == ERANGE && !(parsed > 0 && isfinite(parsed));
    if (end == value || *end != '\0' || range_error || !(parsed > 0) || !isfinite(parsed))
        return coopnet_error_set(err, COOPNET_EINVAL, "--%s needs a finite number > 0, not '%s'",
                                 option->name, value);
    *(double *)field = parsed;
    return COOPNET_OK;
}

int cli_parse_date(const cli_option_t *option, const char *value, void *field, coopnet_error_t *err)
{
    coopnet_date_t *date = field;
    if (value[0] != '\0' && strspn(value, "0123456789") == strlen(value) && strlen(value) < 4)
        return coopnet_error_set(err, COOPNET_EINVAL,
                                 "--%s needs FROM/TO (2023-01/2025-12), not '%s': a number of "
                                 "days, the steps of snapshots over a sliding window, is "
                                 "snapshots --trailing DAYS",
                                 option->name, value);
    if (coopnet_date_parse(value, date, err) != COOPNET_OK)
        return coopnet_error_prefix(err, "--%s", option->name);
    if (date->precision == COOPNET_DATE_NONE)
        return coopnet_error_set(err, COOPNET_EINVAL, "--%s needs a date", option->name);
    if (date->precision == COOPNET_DATE_INTERVAL)
        return coopnet_error_set(err, COOPNET_EINVAL,
                                 "--%s needs one date (YYYY, YYYY-MM or YYYY-MM-DD), not the "
                                 "interval '%s'",
                                 option->name, value);
    return COOPNET_OK;
}

int cli_parse_as_of(const cli_option_t *option, const char *value, void *field,
                    coopnet_error_t *err)
{
    cli_graph_options_t *options = field;
    if (options->between_given)
        return coopnet_error_set(err, COOPNET_EINVAL, "give --as-of or --between, not both");
    int status = cli_parse_date(option, value, &options->graph.as_of, err);
    options->as_of_given = status == COOPNET_OK;
    return status;
}

int cli_parse_between(const cli_option_t *option, const char *value, void *field,
                      coopnet_error_t *err)
{
    cli_graph_options_t *options = field;
    coopnet_date_t window;
    if (options->as_of_given)
        return coopnet_error_set(err, COOPNET_EINVAL, "give --as-of or --between, not both");
    if (coopnet_date_parse(value, &window, err) != COOPNET_OK)
        return coopnet_error_prefix(err, "--%s", option->name);
    if (window.precision != COOPNET_DATE_INTERVAL)
        return coopnet_error_set(err, COOPNET_EINVAL,
                                 "--%s needs FROM/TO (2024-01/2024-12, or '..' for an open side), "
                                 "not '%s'",
                                 option->name, value);
    int status = coopnet_graph_options_set_between(&options->graph, window, err);
    options->between_given = status == COOPNET_OK;
    return status;
}

int cli_parse_window(const cli_option_t *option, const char *value, void *field,
                     coopnet_error_t *err)
{
    coopnet_date_t *date = field;
    if (value[0] != '\0' && strspn(value, "0123456789") == strlen(value) && strlen(value) < 4)
        return coopnet_error_set(err, COOPNET_EINVAL,
                                 "--%s needs FROM/TO (2023-01/2025-12), not '%s': a number of "
                                 "days, the steps of snapshots over a sliding window, is "
                                 "snapshots --trailing DAYS",
                                 option->name, value);
    if (coopnet_date_parse(value, date, err) != COOPNET_OK)
        return coopnet_error_prefix(err, "--%s", option->name);
    if (date->precision != COOPNET_DATE_INTERVAL || date->start_precision == COOPNET_DATE_NONE ||
        date->end_precision == COOPNET_DATE_NONE)
        return coopnet_error_set(err, COOPNET_EINVAL,
                                 "--%s needs FROM/TO with both sides written "
                                 "(2023-01/2025-12), not '%s'",
                                 option->name, value);
    return COOPNET_OK;
}

int cli_parse_reading(const cli_option_t *option, const char *value, void *field,
                      coopnet_error_t *err)
{
    if (coopnet_reading_parse(value, field, err) != COOPNET_OK)
        return coopnet_error_prefix(err, "--%s", option->name);
    return COOPNET_OK;
}

int cli_parse_period(const cli_option_t *option, const char *value, void *field,
                     coopnet_error_t *err)
{
    (void)option;
    return coopnet_period_parse(value, field, err);
}

int cli_parse_country(const cli_option_t *option, const char *value, void *field,
                      coopnet_error_t *err)
{
    if (!coopnet_country_is_valid(value))
        return coopnet_error_set(err, COOPNET_EINVAL,
                                 "--%s '%s': expected an ISO 3166-1 alpha-2 code in upper case, "
                                 "such as MA",
                                 option->name, value);
    *(const char **)field = value;
    return COOPNET_OK;
}

int cli_parse_measure(const cli_option_t *option, const char *value, void *field,
                      coopnet_error_t *err)
{
    (void)option;
    coopnet_measure_t measure;
    size_t n = 0;
    if (coopnet_measure_parse_list(value, &measure, 1, &n, err) != COOPNET_OK)
        return err->code;
    *(const char **)field = coopnet_measure_name(measure);
    return COOPNET_OK;
}

int cli_parse_measure_or_none(const cli_option_t *option, const char *value, void *field,
                              coopnet_error_t *err)
{
    if (strcmp(value, "none") == 0) {
        *(const char **)field = value;
        return COOPNET_OK;
    }
    if (cli_parse_measure(option, value, field, err) != COOPNET_OK)
        return coopnet_error_set(err, COOPNET_EINVAL,
                                 "unknown measure '%s' (expected degree, strength, betweenness, "
                                 "closeness, harmonic, eigenvector, pagerank, coreness, "
                                 "constraint or none)",
                                 value);
    return COOPNET_OK;
}

void cli_ids_free(cli_ids_t *ids)
{
    free(ids->text);
    free(ids->ids);
    memset(ids, 0, sizeof *ids);
}

int cli_parse_ids(const cli_option_t *option, const char *value, void *field, coopnet_error_t *err)
{
    cli_ids_t *ids = field;
    if (cli_split_ids(value, &ids->text, &ids->ids, &ids->n_ids) != 0)
        return coopnet_error_set(err, COOPNET_ENOMEM, "out of memory");
    if (ids->n_ids == 0)
        return coopnet_error_set(err, COOPNET_EINVAL, "--%s needs actor ids, not '%s'",
                                 option->name, value);
    if (option->max == 1 && ids->n_ids > 1)
        return coopnet_error_set(err, COOPNET_EINVAL, "--%s takes one actor id, not '%s'",
                                 option->name, value);
    if (option->max > 0 && ids->n_ids > (size_t)option->max)
        return coopnet_error_set(err, COOPNET_EINVAL, "--%s takes at most %lld actors",
                                 option->name, option->max);
    return COOPNET_OK;
}

void cli_measures_init(cli_measures_t *measures)
{
    memcpy(measures->items, coopnet_measure_defaults, sizeof measures->items);
    measures->n_items = COOPNET_MEASURE_COUNT;
}

int cli_parse_measure_list(const cli_option_t *option, const char *value, void *field,
                           coopnet_error_t *err)
{
    (void)option;
    cli_measures_t *measures = field;
    return coopnet_measure_parse_list(value, measures->items, COOPNET_MEASURE_COUNT,
                                      &measures->n_items, err);
}

int cli_parse_format(const cli_option_t *option, const char *value, void *field,
                     coopnet_error_t *err)
{
    (void)option;
    int format = coopnet_table_parse_format(value);
    if (format < 0)
        return coopnet_error_set(err, COOPNET_EINVAL,
                                 "unknown format '%s' (expected csv, csv-raw or json)", value);
    *(coopnet_table_format_t *)field = (coopnet_table_format_t)format;
    return COOPNET_OK;
}

int cli_parse_quiet(const cli_option_t *option, const char *value, void *field,
                    coopnet_error_t *err)
{
    (void)option, (void)value, (void)field, (void)err;
    cli_quiet = true;
    return COOPNET_OK;
}

int cli_parse_table(const cli_option_t *option, const char *value, void *field,
                    coopnet_error_t *err)
{
    size_t length = strlen(value);
    for (const char *choice = option->argument; choice != NULL && *choice != '\0';) {
        const char *bar = strchr(choice, '|');
        size_t choice_length = bar ? (size_t)(bar - choice) : strlen(choice);
        if (choice_length == length && strncmp(choice, value, length) == 0) {
            *(const char **)field = value;
            return COOPNET_OK;
        }
        choice = bar ? bar + 1 : choice + choice_length;
    }
    char expected[256];
    size_t n = 0;
    for (const char *c = option->argument; *c != '\0' && n + 6 < sizeof expected; c++) {
        if (*c != '|') {
            expected[n++] = *c;
            continue;
        }
        const char *separator = strchr(c + 1, '|') ? ", " : " or ";
        memcpy(expected + n, separator, strlen(separator));
        n += strlen(separator);
    }
    expected[n] = '\0';
    return coopnet_error_set(err, COOPNET_EINVAL, "unknown table '%s' (expected %s)", value,
                             expected);
}

/* --- exact or approximate centrality ---------------------------------------------------- */

/* A number strictly between 0 and 1 (NaN refused) into the double *field. */
int cli_parse_fraction(const cli_option_t *option, const char *value, void *field,
                       coopnet_error_t *err)
{
    char *end;
    double parsed = strtod(value, &end);
    if (end == value || *end != '\0' || !(parsed > 0 && parsed < 1))
        return coopnet_error_set(err, COOPNET_EINVAL,
                                 "--%s needs a number above 0 and below 1, not '%s'", option->name,
                                 value);
    *(double *)field = parsed;
    return COOPNET_OK;
}

static int set_method(coopnet_centrality_policy_t *policy, coopnet_centrality_method_t method,
                      coopnet_error_t *err)
{
    if (policy->method != COOPNET_CENTRALITY_AUTO && policy->method != method)
        return coopnet_error_set(err, COOPNET_EINVAL, "give --exact or --approx, not both");
    policy->method = method;
    return COOPNET_OK;
}

/* --approx EPS: the sampling, with its error bound. */
int cli_parse_approx(const cli_option_t *option, const char *value, void *field,
                     coopnet_error_t *err)
{
    coopnet_centrality_policy_t *policy = field;
    if (cli_parse_fraction(option, value, &policy->approx.epsilon, err) != COOPNET_OK)
        return err->code;
    return set_method(policy, COOPNET_CENTRALITY_APPROX, err);
}

int cli_parse_exact_centrality(const cli_option_t *option, const char *value, void *field,
                               coopnet_error_t *err)
{
    (void)option, (void)value;
    return set_method(field, COOPNET_CENTRALITY_EXACT, err);
}

/* --- the cooperation graph's options ----------------------------------------------------- */

int cli_split_ids(const char *value, char **text, const char ***ids, size_t *n_ids)
{
    free(*text);
    free(*ids);
    *ids = NULL;
    *n_ids = 0;
    *text = strdup(value);
    size_t count = 1;
    for (const char *p = value; *p; p++)
        count += *p == ',';
    *ids = calloc(count, sizeof **ids);
    if (*text == NULL || *ids == NULL)
        return -1;
    size_t n = 0;
    for (char *token = strtok(*text, ","); token; token = strtok(NULL, ","))
        (*ids)[n++] = token;
    *n_ids = n;
    return 0;
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

int cli_parse_memory_limit(const cli_option_t *option, const char *value, void *field,
                           coopnet_error_t *err)
{
    if (!parse_size(value, field))
        return coopnet_error_set(err, COOPNET_EINVAL,
                                 "--%s needs a size such as 800M or 2G, not '%s'", option->name,
                                 value);
    return COOPNET_OK;
}

int cli_parse_exclude(const cli_option_t *option, const char *value, void *field,
                      coopnet_error_t *err)
{
    (void)option;
    cli_graph_options_t *options = field;
    if (cli_split_ids(value, &options->exclude_text, &options->exclude, &options->graph.n_exclude))
        return coopnet_error_set(err, COOPNET_ENOMEM, "out of memory");
    options->graph.exclude = options->exclude;
    return COOPNET_OK;
}

int cli_parse_layer(const cli_option_t *option, const char *value, void *field,
                    coopnet_error_t *err)
{
    (void)option;
    cli_graph_options_t *options = field;
    char *text = strdup(value);
    if (text == NULL)
        return coopnet_error_set(err, COOPNET_ENOMEM, "out of memory");
    int status = coopnet_graph_parse_layers(text, &options->graph, err);
    if (status != COOPNET_OK) {
        free(text);
        return status;
    }
    free(options->layers_text);
    options->layers_text = text;
    return COOPNET_OK;
}

int cli_parse_weighting(const cli_option_t *option, const char *value, void *field,
                        coopnet_error_t *err)
{
    (void)option;
    return coopnet_graph_parse_weighting(value, field, err);
}

int cli_parse_backbone(const cli_option_t *option, const char *value, void *field,
                       coopnet_error_t *err)
{
    (void)option;
    return coopnet_graph_parse_backbone(value, field, err);
}

int cli_parse_levels(const cli_option_t *option, const char *value, void *field,
                     coopnet_error_t *err)
{
    (void)option;
    return coopnet_graph_parse_levels(value, field, err);
}

/* --- help ---------------------------------------------------------------------------------- */

void cli_options_visit(const cli_option_t *options,
                       void (*visit)(const cli_option_t *option, void *context), void *context)
{
    for (const cli_option_t *option = options; option->name != NULL; option++)
        if (option->help != NULL)
            visit(option, context);
}

#define HELP_COLUMN 29 /* where the help of an option starts */

static void write_option_help(const cli_option_t *option, void *context)
{
    FILE *stream = context;
    int width;
    if (option->short_name != 0)
        width = fprintf(stream, "  -%c, --%s", option->short_name, option->name);
    else
        width = fprintf(stream, "  --%s", option->name);
    if (option->argument != NULL)
        width += fprintf(stream, " %s", option->argument);
    if (width > HELP_COLUMN - 2)
        fprintf(stream, "\n%*s", HELP_COLUMN, "");
    else
        fprintf(stream, "%*s", HELP_COLUMN - width, "");
    for (const char *c = option->help; *c != '\0'; c++) {
        fputc(*c, stream);
        if (*c == '\n' && c[1] != '\0')
            fprintf(stream, "%*s", HELP_COLUMN, "");
    }
    fputc('\n', stream);
}

void cli_write_options_help(FILE *stream, const cli_option_t *options)
{
    cli_options_visit(options, write_option_help, stream);
    fprintf(stream, "  -h, --help%*sshow this help\n", HELP_COLUMN - 12, "");
}

static void write_aliases(const cli_option_t *options, FILE *stream, bool *first)
{
    for (const cli_option_t *option = options; option->name != NULL; option++) {
        if (option->alias_of == NULL || option->synonym)
            continue;
        fprintf(stream, "%s--%s (now --%s%s%s)", *first ? "" : ", ", option->name, option->alias_of,
                option->implied ? " " : "", option->implied ? option->implied : "");
        *first = false;
    }
}

void cli_write_aliases_help(FILE *stream, const cli_option_t *options)
{
    char *text = NULL;
    size_t size = 0;
    FILE *buffer = open_memstream(&text, &size);
    bool first = true;
    if (buffer == NULL)
        return;
    write_aliases(options, buffer, &first);
    fclose(buffer);
    if (!first) {
        /* wrapped at 80 columns, indented by two */
        fputs("\nOld spellings, still accepted until the next release (with a note):\n", stream);
        size_t column = 0;
        for (char *word = strtok(text, " "); word != NULL; word = strtok(NULL, " ")) {
            size_t length = strlen(word);
            if (column == 0) {
                column = (size_t)fprintf(stream, "  %s", word);
            } else if (column + 1 + length > 80) {
                column = (size_t)fprintf(stream, "\n  %s", word) - 1;
            } else {
                column += (size_t)fprintf(stream, " %s", word);
            }
        }
        fputc('\n', stream);
    }
    free(text);
}

void cli_write_help(FILE *stream, const cli_command_t *command, const cli_option_t *options)
{
    fprintf(stream, "%s\nOptions:\n", command->help);
    cli_write_options_help(stream, options);
    cli_write_aliases_help(stream, options);
    fprintf(stream, "\n%s", command->examples);
}

int cli_print_help(const cli_command_t *command, const cli_option_t *options)
{
    printf("%s\n", command->usage);
    cli_write_help(stdout, command, options);
    printf("\n%s", cli_exit_codes_help);
    return COOPNET_EXIT_OK;
}
