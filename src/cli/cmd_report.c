/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cmd_report.c - `coopnet report [BUNDLE] -o FILE.pdf`: the mapping report as a PDF. */
#include "cli.h"
#include "cli_figure.h"

#include <limits.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static int run_report(int argc, char **argv);

const cli_command_t cli_command_report = {
    .name = "report",
    .summary = "write the multi-page PDF mapping report of a bundle (default: the MENA dataset)",
    .usage = "usage: coopnet report [OPTIONS] [BUNDLE] -o FILE.pdf",
    .help = "\nWrites an A4 PDF report on BUNDLE (default: the bundled datasets/mena-hub): title "
            "and\n"
            "scope, the network, who holds it together, national-local cooperation, groups and\n"
            "brokers, peer-learning reach, change over time, sources and method notes, each with "
            "a\n"
            "commentary computed from the data. The date on the pages comes from the data "
            "(--as-of,\n"
            "else the latest date in the bundle), so the same input gives the same PDF bytes.\n"
            "The file is written atomically: a failed or interrupted run leaves no partial file.\n",
    .examples = "Examples:\n"
                "  coopnet report -o mena-report.pdf\n"
                "  coopnet report datasets/mena-hub --country MA --png-dir figures -o morocco.pdf\n"
                "  coopnet report datasets/mena-hub --lang ar -o mena-ar.pdf\n",
    .run = run_report};

/* The bundled MENA dataset: next to the program in the source tree (build/coopnet ->
 * datasets/), in the installed data directory, or in the source tree it was built from. */
static int find_default_bundle(char *path, size_t size)
{
    char program[PATH_MAX];
    struct stat info;
    ssize_t length = readlink("/proc/self/exe", program, sizeof program - 1);
    if (length > 0) {
        program[length] = '\0';
        char *slash = strrchr(program, '/');
        if (slash != NULL) {
            *slash = '\0';
            static const char *const relative[] = {"../datasets/mena-hub",
                                                   "../share/coopnet/datasets/mena-hub"};
            for (size_t i = 0; i < sizeof relative / sizeof relative[0]; i++) {
                snprintf(path, size, "%s/%s", program, relative[i]);
                if (stat(path, &info) == 0 && S_ISDIR(info.st_mode))
                    return 0;
            }
        }
    }
#ifdef COOPNET_SOURCE_DIR
    snprintf(path, size, "%s/datasets/mena-hub", COOPNET_SOURCE_DIR);
    if (stat(path, &info) == 0 && S_ISDIR(info.st_mode))
        return 0;
#endif
    return -1;
}

static int run_report(int argc, char **argv)
{
    coopnet_report_options_t report_options;
    coopnet_report_options_init(&report_options);
    const char *output_path = NULL;
    char bundle_path[PATH_MAX];
    int exit_status = COOPNET_EXIT_OK;
    coopnet_bundle_t *bundle = NULL;
    coopnet_output_t *output = NULL;
    coopnet_error_t err;
    coopnet_progress_t progress = {NULL, NULL};

    const cli_option_t options[] = {
        CLI_STRING("output", 'o', "FILE", "the PDF to write (required; '-' for standard output)",
                   &output_path),
        CLI_STRING("title", 0, "TEXT",
                   "the report's title (default: 'National-local cooperation\nin' the "
                   "countries of its local and regional actors,\nand its years); a long one is "
                   "set smaller and cut",
                   &report_options.title),
        CLI_VALUE("country", "CC",
                  "one country's actors (ISO code) plus the national and\ninternational actors "
                  "tied to them",
                  &report_options.country, cli_parse_country),
        CLI_VALUE("as-of", "DATE", "the network as it stood on DATE", &report_options.as_of,
                  cli_parse_date),
        CLI_STRING("png-dir", 0, "DIR", "also write every figure as a PNG into DIR",
                   &report_options.png_directory),
        CLI_VALUE("approx", "EPS",
                  "estimate betweenness from samples, within EPS of\nexact (normalised; see "
                  "'coopnet centrality --help')",
                  &report_options.centrality, cli_parse_approx),
        CLI_VALUE("time-budget", "SECONDS",
                  "exact betweenness when it would take at most this\n(default 5), else "
                  "estimated",
                  &report_options.centrality.time_budget, cli_parse_positive),
        {.name = "exact",
         .help = "exact betweenness whatever it takes",
         .value = &report_options.centrality,
         .parse = cli_parse_exact_centrality},
        CLI_VALUE("lang", "en|fr|ar",
                  "the report's language (default en); ar pages run right\nto left",
                  &report_options.lang, cli_parse_lang),
        CLI_DIGITS_OPTION(&report_options.digits),
        CLI_MEMORY_LIMIT_OPTION(&report_options.memory_limit),
        CLI_QUIET("no warnings, no progress"),
        CLI_OPTION_END};
    int n_operands = cli_parse_options(&cli_command_report, options, argc, argv, &exit_status);
    if (n_operands < 0)
        goto cleanup;
    if (n_operands > 1 || output_path == NULL) {
        exit_status =
            cli_usage_error(&cli_command_report, "expected at most one BUNDLE and -o FILE.pdf");
        goto cleanup;
    }
    if (n_operands == 1) {
        snprintf(bundle_path, sizeof bundle_path, "%s", argv[0]);
    } else if (find_default_bundle(bundle_path, sizeof bundle_path) != 0) {
        cli_error("cannot find the bundled dataset 'datasets/mena-hub'; name a BUNDLE");
        exit_status = COOPNET_EXIT_FAILURE;
        goto cleanup;
    }
    if ((exit_status = cli_load_bundle(bundle_path, &bundle)) != COOPNET_EXIT_OK)
        goto cleanup;
    if ((exit_status = cli_open_output(output_path, &output)) != COOPNET_EXIT_OK)
        goto cleanup;
    cli_warn_without_map_data(); /* page 3 is a map */
    progress = cli_progress();
    report_options.progress = &progress;
    if (coopnet_report_write_pdf(bundle, &report_options, coopnet_output_stream(output), &err) !=
        COOPNET_OK) {
        cli_progress_finish();
        exit_status = cli_fail(&err);
        goto cleanup;
    }
    cli_progress_finish();
    exit_status = cli_commit_output(output);
    output = NULL;
cleanup:
    coopnet_output_abort(output);
    coopnet_bundle_free(bundle);
    return exit_status;
}
