/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cmd_dedupe.c - `coopnet dedupe BUNDLE`: the likely duplicate actors as a list to review, and
 * `--apply DECISIONS.csv -o DIR`: the merge of the pairs the user kept. */
#include "cli.h"

#include <stdio.h>
#include <stdlib.h>

static int run_dedupe(int argc, char **argv);

const cli_command_t cli_command_dedupe = {
    .name = "dedupe",
    .summary = "list likely duplicate actors for review, and merge the pairs you accept",
    .usage = "usage: coopnet dedupe BUNDLE [-o DECISIONS.csv]\n"
             "       coopnet dedupe BUNDLE --apply DECISIONS.csv -o NEW_BUNDLE [--quiet]",
    .help =
        "\nWithout --apply, writes the pairs of actors that `coopnet validate` warns about as a\n"
        "CSV file to review (standard output, or -o FILE): merge_into,merge_from,reason - the\n"
        "earlier actor kept, the later merged into it, the reason naming both names and the\n"
        "rule that matched (names equal once case, accents, generic words and word order\n"
        "are set aside, or one letter apart). Nothing is merged.\n"
        "\n"
        "Delete the rows you do not accept (or swap the two ids to keep the other one), then\n"
        "run with --apply: each remaining row merges merge_from into merge_into, and the\n"
        "result goes to NEW_BUNDLE (never over the bundle itself): participation.csv and\n"
        "ties.csv rewritten to the kept id, the merged spellings kept in the aliases column,\n"
        "empty values of the kept actor filled from the merged one (differing values kept\n"
        "and listed), two participations of one actor in one event made one (the more\n"
        "specific role kept), a tie of an actor with itself left out. events.csv and\n"
        "sources.csv are copied. dedupe-report.txt (also printed) lists every change; the\n"
        "result is loaded back before it is written, so it passes `coopnet validate`.\n"
        "A wrong decisions file (an unknown id, an actor merged into two others, a circle)\n"
        "is listed as FILE:LINE with exit status 3 and nothing written.\n",
    .examples = "Example:\n"
                "  coopnet dedupe my-network -o decisions.csv\n"
                "  coopnet dedupe my-network --apply decisions.csv -o my-network-merged\n",
    .run = run_dedupe};

static int run_dedupe(int argc, char **argv)
{
    const cli_command_t *command = &cli_command_dedupe;
    const char *output_path = NULL, *decisions = NULL;
    long long max_errors = COOPNET_DIAG_KEEP;
    const cli_option_t options[] = {
        CLI_STRING("output", 'o', "PATH",
                   "the list to write (default: standard output), or with\n--apply the new "
                   "bundle directory (required)",
                   &output_path),
        CLI_STRING("apply", 0, "DECISIONS.csv",
                   "merge the pairs of this file (merge_into,merge_from)", &decisions),
        CLI_MAX_ERRORS(&max_errors), CLI_QUIET("print only errors, not the report"),
        CLI_OPTION_END};
    int exit_status;
    int n_operands = cli_parse_options(command, options, argc, argv, &exit_status);
    if (n_operands < 0)
        return exit_status;
    if (n_operands != 1)
        return cli_usage_error(command, "expected one BUNDLE");
    if (decisions != NULL && output_path == NULL)
        return cli_usage_error(command, "--apply needs -o NEW_BUNDLE (the merged bundle's "
                                        "directory)");

    coopnet_error_t err;
    coopnet_error_clear(&err);
    if (decisions != NULL) {
        coopnet_diag_list_t diags;
        coopnet_diag_list_init(&diags);
        coopnet_diag_list_keep_errors(&diags, (size_t)max_errors);
        char *report = NULL;
        int status = coopnet_dedupe_apply(argv[0], decisions, output_path, &report, &diags, &err);
        cli_print_diagnostics(&diags, !cli_quiet);
        if (status == COOPNET_EINVAL)
            exit_status = cli_usage_error(command, "%s", err.message);
        else if (status != COOPNET_OK)
            exit_status = cli_fail(&err);
        else {
            if (!cli_quiet)
                fputs(report, stdout);
            exit_status = COOPNET_EXIT_OK;
        }
        free(report);
        coopnet_diag_list_destroy(&diags);
        return exit_status;
    }

    coopnet_bundle_t *bundle = NULL;
    exit_status = cli_load_bundle(argv[0], &bundle);
    if (exit_status != COOPNET_EXIT_OK)
        return exit_status;
    coopnet_output_t *output = NULL;
    exit_status = cli_open_output(output_path, &output);
    if (exit_status == COOPNET_EXIT_OK) {
        size_t count = 0;
        int status =
            coopnet_dedupe_write_candidates(bundle, coopnet_output_stream(output), &count, &err);
        if (status == COOPNET_OK)
            status = coopnet_output_commit(output, &err);
        else
            coopnet_output_abort(output);
        if (status != COOPNET_OK)
            exit_status = cli_fail(&err);
        else if (!cli_quiet)
            fprintf(stderr,
                    "coopnet: %zu pair%s of likely duplicate actors%s; review %s, then: coopnet "
                    "dedupe %s --apply %s -o NEW_BUNDLE\n",
                    count, count == 1 ? "" : "s", count ? "" : " (nothing to merge)",
                    output_path ? output_path : "the list", argv[0],
                    output_path ? output_path : "DECISIONS.csv");
    }
    coopnet_bundle_free(bundle);
    return exit_status;
}
