/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cli_common.c - what the commands share: messages, loading, shared options, output. */
#include "cli.h"

#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

bool cli_quiet;

const char cli_exit_codes_help[] =
    "Exit status:\n"
    "  0    success\n"
    "  1    runtime failure (a file cannot be read or written, out of memory,\n"
    "       work refused over --memory-limit)\n"
    "  2    usage error (unknown command or option, bad option value)\n"
    "  3    invalid input data (every problem is listed as FILE:LINE: message)\n"
    "  130  interrupted (Ctrl-C), 143 terminated: no partial output file is left\n";

int cli_exit_status(int code)
{
    switch (code) {
    case COOPNET_OK:
        return COOPNET_EXIT_OK;
    case COOPNET_EINVAL:
        return COOPNET_EXIT_USAGE;
    case COOPNET_EDATA:
        return COOPNET_EXIT_DATA;
    case COOPNET_EINTERRUPTED:
        return COOPNET_EXIT_INTERRUPTED;
    default:
        return COOPNET_EXIT_FAILURE;
    }
}

/* Prints the formatted message with control characters escaped (an argument or a value from
 * the data could otherwise drive the terminal). */
static void print_escaped(const char *format, va_list args)
{
    char raw[COOPNET_ERROR_MESSAGE_SIZE], escaped[COOPNET_ERROR_MESSAGE_SIZE];
    vsnprintf(raw, sizeof raw, format, args);
    coopnet_text_escape_controls(raw, escaped, sizeof escaped);
    fputs(escaped, stderr);
}

void cli_error(const char *format, ...)
{
    va_list args;
    va_start(args, format);
    fputs("coopnet: ", stderr);
    print_escaped(format, args);
    fputc('\n', stderr);
    va_end(args);
}

int cli_usage_error(const cli_command_t *command, const char *format, ...)
{
    va_list args;
    va_start(args, format);
    fprintf(stderr, "coopnet %s: ", command->name);
    print_escaped(format, args);
    va_end(args);
    fprintf(stderr, "\n%s\nTry 'coopnet %s --help' for more information.\n", command->usage,
            command->name);
    return COOPNET_EXIT_USAGE;
}

int cli_fail(const coopnet_error_t *err)
{
    if (err->code == COOPNET_ELIMIT)
        cli_error("%s: raise --memory-limit to allow it", err->message);
    else
        cli_error("%s", err->message);
    return cli_exit_status(err->code);
}

/* Prints every error and at most max_warnings warnings, in file order; returns the warnings
 * printed. */
static size_t print_items(const coopnet_diag_list_t *diags, size_t max_warnings)
{
    char line[COOPNET_ERROR_MESSAGE_SIZE + 256];
    size_t warnings = 0;
    for (size_t i = 0; i < diags->n_items; i++) {
        bool warning = diags->items[i].severity == COOPNET_DIAG_WARNING;
        if (warning && warnings == max_warnings)
            continue;
        warnings += warning;
        coopnet_diag_format(&diags->items[i], line, sizeof line);
        fprintf(stderr, "%s\n", line);
    }
    return warnings;
}

void cli_print_diagnostics(const coopnet_diag_list_t *diags, bool warnings)
{
    print_items(diags, warnings ? SIZE_MAX : 0);
    if (diags->n_errors > diags->kept_errors)
        fprintf(stderr, "... and %llu more error%s (--max-errors 0 lists them all)\n",
                (unsigned long long)(diags->n_errors - diags->kept_errors),
                diags->n_errors - diags->kept_errors == 1 ? "" : "s");
    if (warnings && diags->n_warnings > diags->kept_warnings)
        fprintf(stderr, "... and %llu more warnings\n",
                (unsigned long long)(diags->n_warnings - diags->kept_warnings));
}

#define SHOWN_WARNINGS 3 /* of a bundle that loads: validate shows the rest */

int cli_load_bundle(const char *path, coopnet_bundle_t **bundle)
{
    coopnet_diag_list_t diags;
    coopnet_error_t err;
    coopnet_diag_list_init(&diags);
    coopnet_error_clear(&err);
    int status = coopnet_bundle_load(path, &diags, bundle, &err);
    if (status != COOPNET_OK) {
        cli_print_diagnostics(&diags, !cli_quiet); /* everything: the run stops here */
    } else if (!cli_quiet && diags.n_warnings > 0) {
        /* the first few warnings, then a pointer: the same list on every command was noise
         * (validate prints them all) */
        size_t shown = print_items(&diags, SHOWN_WARNINGS);
        char shown_path[512];
        coopnet_text_escape_controls(path, shown_path, sizeof shown_path);
        if (diags.n_warnings > shown)
            fprintf(stderr,
                    "coopnet: ... and %llu more warning%s about the data ('coopnet validate %s' "
                    "lists them all)\n",
                    (unsigned long long)(diags.n_warnings - shown),
                    diags.n_warnings - shown == 1 ? "" : "s", shown_path);
    }
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
    free(options->layers_text);
    memset(options, 0, sizeof *options);
}

int cli_open_output(const char *path, coopnet_output_t **output)
{
    coopnet_error_t err;
    *output = NULL;
    if (path != NULL &&
        path[0] == '\0') { /* -o '' : a usage error, not a file that cannot be made */
        cli_error("-o needs a file name (or - for standard output), not ''");
        return COOPNET_EXIT_USAGE;
    }
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

void cli_warn_without_map_data(void)
{
    coopnet_error_t err;
    if (cli_quiet || coopnet_render_map_data_check(&err) == COOPNET_OK)
        return;
    fprintf(stderr, "coopnet: warning: %s; maps are drawn without land and borders\n", err.message);
}
