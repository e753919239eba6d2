/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cmd_report.c - `coopnet report [BUNDLE] -o FILE.pdf`: the mapping report as a PDF. */
#include "cli.h"

#include <limits.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static int run_report(int argc, char **argv);

const cli_command_t cli_command_report = {
    "report", "write the multi-page PDF mapping report of a bundle (default: the MENA dataset)",
    "usage: coopnet report [OPTIONS] [BUNDLE] -o FILE.pdf",
    "\nWrites an A4 PDF report on BUNDLE (default: the bundled datasets/mena-hub): title and\n"
    "scope, the network, who holds it together, national-local cooperation, groups and\n"
    "brokers, peer-learning reach, change over time, sources and method notes, each with a\n"
    "commentary computed from the data. The date on the pages comes from the data (--as-of,\n"
    "else the latest date in the bundle), so the same input gives the same PDF bytes.\n"
    "The file is written atomically: a failed or interrupted run leaves no partial file.\n\n"
    "Options:\n"
    "  -o, --output FILE          the PDF to write (required; '-' for standard output)\n"
    "  --title TEXT               the report's title (default 'Cooperation network mapping')\n"
    "  --country CC               one country's actors (ISO code) plus the national and\n"
    "                             international actors tied to them\n"
    "  --as-of DATE               the network as it stood on DATE\n"
    "  --png-dir DIR              also write every figure as a PNG into DIR\n"
    "  --quiet                    no warnings, no progress\n\n"
    "Example:\n"
    "  coopnet report -o mena-report.pdf\n"
    "  coopnet report datasets/mena-hub --country MA --png-dir figures -o morocco.pdf\n",
    run_report};

enum { OPT_TITLE = CLI_OPT_FIRST_COMMAND_OPTION, OPT_COUNTRY, OPT_PNG_DIR };

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
    static const struct option options[] = {CLI_COMMON_OPTIONS,
                                            {"output", required_argument, NULL, 'o'},
                                            {"title", required_argument, NULL, OPT_TITLE},
                                            {"country", required_argument, NULL, OPT_COUNTRY},
                                            {"as-of", required_argument, NULL, CLI_OPT_AS_OF},
                                            {"png-dir", required_argument, NULL, OPT_PNG_DIR},
                                            {NULL, 0, NULL, 0}};
    coopnet_report_options_t report_options;
    coopnet_report_options_init(&report_options);
    const char *output_path = NULL;
    char bundle_path[PATH_MAX];
    int opt, exit_now = 0;
    int exit_status = COOPNET_EXIT_OK;
    coopnet_bundle_t *bundle = NULL;
    coopnet_output_t *output = NULL;
    coopnet_error_t err;
    coopnet_progress_t progress = {NULL, NULL};

    while ((opt = getopt_long(argc, argv, "ho:", options, NULL)) != -1) {
        switch (opt) {
        case 'o':
            output_path = optarg;
            continue;
        case OPT_TITLE:
            report_options.title = optarg;
            continue;
        case OPT_COUNTRY:
            report_options.country = optarg;
            if (!coopnet_country_is_valid(optarg)) {
                exit_status = cli_usage_error(&cli_command_report,
                                              "--country '%s': expected an ISO 3166-1 alpha-2 "
                                              "code in upper case, such as MA",
                                              optarg);
                goto cleanup;
            }
            continue;
        case OPT_PNG_DIR:
            report_options.png_directory = optarg;
            continue;
        case CLI_OPT_AS_OF:
            if (coopnet_date_parse(optarg, &report_options.as_of, &err) != COOPNET_OK ||
                report_options.as_of.precision == COOPNET_DATE_NONE) {
                exit_status = cli_usage_error(&cli_command_report,
                                              "--as-of '%s': expected a "
                                              "date YYYY, YYYY-MM or YYYY-MM-DD",
                                              optarg);
                goto cleanup;
            }
            continue;
        default:
            break;
        }
        if (cli_common_option(&cli_command_report, opt, &exit_now)) {
            if (exit_now)
                goto cleanup;
            continue;
        }
        exit_status = cli_bad_option(&cli_command_report, argv);
        goto cleanup;
    }
    if (optind + 1 < argc || output_path == NULL) {
        exit_status = cli_usage_error(&cli_command_report, "expected at most one BUNDLE and -o "
                                                           "FILE.pdf");
        goto cleanup;
    }
    if (optind < argc) {
        snprintf(bundle_path, sizeof bundle_path, "%s", argv[optind]);
    } else if (find_default_bundle(bundle_path, sizeof bundle_path) != 0) {
        cli_error("cannot find the bundled dataset 'datasets/mena-hub'; name a BUNDLE");
        exit_status = COOPNET_EXIT_FAILURE;
        goto cleanup;
    }
    if ((exit_status = cli_load_bundle(bundle_path, &bundle)) != COOPNET_EXIT_OK)
        goto cleanup;
    if ((exit_status = cli_open_output(output_path, &output)) != COOPNET_EXIT_OK)
        goto cleanup;
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
