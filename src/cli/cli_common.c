/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cli_common.c - what the commands share: messages, loading, shared options, output. */
#include "cli.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

bool cli_quiet;

const char cli_exit_codes_help[] =
    "Exit status:\n"
    "  0    success\n"
    "  1    runtime failure (a file cannot be read or written, out of memory)\n"
    "  2    usage error (unknown command or option, bad option value)\n"
    "  3    invalid input data (every problem is listed as FILE:LINE: message)\n"
    "  130  interrupted (Ctrl-C), 143 terminated: no partial output file is left\n";

int cli_print_help(const cli_command_t *command)
{
    printf("%s\n%s\n%s", command->usage, command->help, cli_exit_codes_help);
    return COOPNET_EXIT_OK;
}

/* The names of the commands, from the same list as main.c's table but without referring to the
 * commands themselves, so that batch can check a job file without depending on main.c. */
static const char *const command_names[] = {
#define CLI_COMMAND(name) #name,
#include "commands.def"
#undef CLI_COMMAND
};

bool cli_command_known(const char *name)
{
    for (size_t i = 0; i < sizeof command_names / sizeof command_names[0]; i++) {
        const char *known = command_names[i];
        size_t k = 0;
        /* reach_curve is spelt reach-curve on the command line */
        while (known[k] != '\0' && (name[k] == known[k] || (known[k] == '_' && name[k] == '-')))
            k++;
        if (known[k] == '\0' && name[k] == '\0')
            return true;
    }
    return false;
}

void cli_error(const char *format, ...)
{
    va_list args;
    va_start(args, format);
    fputs("coopnet: ", stderr);
    vfprintf(stderr, format, args);
    fputc('\n', stderr);
    va_end(args);
}

int cli_usage_error(const cli_command_t *command, const char *format, ...)
{
    va_list args;
    va_start(args, format);
    fprintf(stderr, "coopnet %s: ", command->name);
    vfprintf(stderr, format, args);
    va_end(args);
    fprintf(stderr, "\n%s\nTry 'coopnet %s --help' for more information.\n", command->usage,
            command->name);
    return COOPNET_EXIT_USAGE;
}

int cli_fail(const coopnet_error_t *err)
{
    cli_error("%s", err->message);
    return coopnet_error_exit_status(err->code);
}

void cli_print_diagnostics(const coopnet_diag_list_t *diags, bool warnings)
{
    char line[COOPNET_ERROR_MESSAGE_SIZE + 256];
    for (size_t i = 0; i < diags->n_items; i++) {
        if (diags->items[i].severity == COOPNET_DIAG_WARNING && !warnings)
            continue;
        coopnet_diag_format(&diags->items[i], line, sizeof line);
        fprintf(stderr, "%s\n", line);
    }
    if (diags->n_errors > diags->kept_errors)
        fprintf(stderr, "... and %llu more errors\n",
                (unsigned long long)(diags->n_errors - diags->kept_errors));
    if (warnings && diags->n_warnings > diags->kept_warnings)
        fprintf(stderr, "... and %llu more warnings\n",
                (unsigned long long)(diags->n_warnings - diags->kept_warnings));
}

int cli_load_bundle(const char *path, coopnet_bundle_t **bundle)
{
    coopnet_diag_list_t diags;
    coopnet_error_t err;
    coopnet_diag_list_init(&diags);
    coopnet_error_clear(&err);
    int status = coopnet_bundle_load(path, &diags, bundle, &err);
    cli_print_diagnostics(&diags, !cli_quiet);
    coopnet_diag_list_destroy(&diags);
    if (status != COOPNET_OK)
        return cli_fail(&err);
    return COOPNET_EXIT_OK;
}

void cli_graph_options_init(cli_graph_options_t *options)
{
    memset(options, 0, sizeof *options);
    coopnet_graph_options_init(&options->graph);
}

void cli_graph_options_free(cli_graph_options_t *options)
{
    free(options->exclude_text);
    free(options->exclude);
    memset(options, 0, sizeof *options);
}

static int split_exclude(cli_graph_options_t *options, const char *value)
{
    free(options->exclude_text);
    free(options->exclude);
    options->exclude_text = strdup(value);
    size_t count = 1;
    for (const char *p = value; *p; p++)
        count += *p == ',';
    options->exclude = calloc(count, sizeof *options->exclude);
    if (options->exclude_text == NULL || options->exclude == NULL)
        return -1;
    size_t n = 0;
    for (char *token = strtok(options->exclude_text, ","); token; token = strtok(NULL, ","))
        options->exclude[n++] = token;
    options->graph.exclude = options->exclude;
    options->graph.n_exclude = n;
    return 0;
}

int cli_graph_option(cli_graph_options_t *options, const cli_command_t *command, int opt,
                     const char *value)
{
    coopnet_error_t err;
    int status = COOPNET_OK;
    switch (opt) {
    case CLI_OPT_LAYER:
        status = coopnet_graph_parse_layer(value, &options->graph.layer, &err);
        break;
    case CLI_OPT_WEIGHTING:
        status = coopnet_graph_parse_weighting(value, &options->graph.weighting, &err);
        break;
    case CLI_OPT_AS_OF:
        status = coopnet_date_parse(value, &options->graph.as_of, &err);
        if (status == COOPNET_OK && options->graph.as_of.precision == COOPNET_DATE_NONE)
            status = coopnet_error_set(&err, COOPNET_EINVAL, "--as-of needs a date");
        break;
    case CLI_OPT_EXCLUDE:
        if (split_exclude(options, value) != 0) {
            cli_error("out of memory");
            return -1;
        }
        break;
    case CLI_OPT_LEVEL:
        status = coopnet_graph_parse_levels(value, &options->graph.level_mask, &err);
        break;
    default:
        return 0;
    }
    if (status != COOPNET_OK) {
        cli_usage_error(command, "%s", err.message);
        return -1;
    }
    return 1;
}

int cli_common_option(const cli_command_t *command, int opt, int *exit_now)
{
    if (opt == CLI_OPT_QUIET) {
        cli_quiet = true;
        return 1;
    }
    if (opt == CLI_OPT_HELP || opt == 'h') {
        cli_print_help(command);
        *exit_now = 1;
        return 1;
    }
    return 0;
}

int cli_bad_option(const cli_command_t *command, char **argv)
{
    extern int optind, optopt;
    const char *word = argv[optind - 1];
    if (optopt && optopt < 256)
        return cli_usage_error(command, "unknown option or missing value '-%c'", optopt);
    return cli_usage_error(command, "unknown option or missing value '%s'", word);
}

int cli_open_output(const char *path, coopnet_output_t **output)
{
    coopnet_error_t err;
    if (coopnet_output_open(path, output, &err) != COOPNET_OK)
        return cli_fail(&err);
    return COOPNET_EXIT_OK;
}

int cli_commit_output(coopnet_output_t *output)
{
    coopnet_error_t err;
    if (coopnet_output_commit(output, &err) != COOPNET_OK)
        return cli_fail(&err);
    return COOPNET_EXIT_OK;
}

void cli_reset_getopt(void)
{
    extern int optind, opterr;
    optind = 1;
    opterr = 0;
}
