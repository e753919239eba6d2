/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cmd_validate.c - `coopnet validate BUNDLE`: check every line of a bundle. */
#include "cli.h"

#include <stdio.h>

static int run_validate(int argc, char **argv);

const cli_command_t cli_command_validate = {
    .name = "validate",
    .summary = "check a bundle and list every error and warning with its file and line",
    .usage = "usage: coopnet validate [--quiet] [--max-errors N] BUNDLE",
    .help = "\nReads the bundle (a directory of actors.csv, events.csv, participation.csv and\n"
            "optionally ties.csv, or a GraphML file) and checks every line against the bundle\n"
            "format (docs/bundle-format.md). Errors and warnings go to stderr as FILE:LINE:\n"
            "messages naming the column and the value; the first 50 of each are shown, then a\n"
            "count (--max-errors N shows N errors, 0 all of them; the exit status is 3 all\n"
            "the same). Likely duplicate actors are warned about (never merged): names, name_fr,\n"
            "name_ar or aliases equal once case, accents, generic words (municipality of,\n"
            "commune de, ...) and word order are set aside, or one letter apart. On success\n"
            "prints one line:\n"
            "  ok: N actors, N events, N participations, N ties (N warnings)\n",
    .examples = "Example:\n"
                "  coopnet validate datasets/mena-hub\n",
    .run = run_validate,
    .without_huge_heap = true};

static int run_validate(int argc, char **argv)
{
    long long max_errors = COOPNET_DIAG_KEEP;
    const cli_option_t options[] = {CLI_QUIET("do not print warnings"), CLI_MAX_ERRORS(&max_errors),
                                    CLI_OPTION_END};
    int exit_status;
    int n_operands = cli_parse_options(&cli_command_validate, options, argc, argv, &exit_status);
    if (n_operands < 0)
        return exit_status;
    if (n_operands != 1)
        return cli_usage_error(&cli_command_validate, "expected one BUNDLE");

    coopnet_diag_list_t diags;
    coopnet_error_t err;
    coopnet_bundle_t *bundle = NULL;
    coopnet_diag_list_init(&diags);
    coopnet_diag_list_keep_errors(&diags, (size_t)max_errors);
    int status = coopnet_bundle_validate(argv[0], &diags, &bundle, &err);
    cli_print_diagnostics(&diags, !cli_quiet);
    exit_status = COOPNET_EXIT_OK;
    if (status != COOPNET_OK) {
        exit_status = cli_fail(&err);
    } else {
        printf("ok: %zu actors, %zu events, %zu participations, %zu ties (%llu warning%s)\n",
               bundle->n_actors, bundle->n_events, bundle->n_participations, bundle->n_ties,
               (unsigned long long)diags.n_warnings, diags.n_warnings == 1 ? "" : "s");
    }
    coopnet_bundle_free(bundle);
    coopnet_diag_list_destroy(&diags);
    return exit_status;
}
