/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cmd_import.c - `coopnet import attendance FILE.csv -o DIR`: from an attendance sheet to a
 * bundle and its import report. */
#include "cli.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

static int run_import(int argc, char **argv);

const cli_command_t cli_command_import = {
    .name = "import",
    .summary = "make a bundle from an attendance sheet (CSV or .xlsx), listing every merge and "
               "mapping",
    .usage = "usage: coopnet import attendance FILE.csv|FILE.xlsx [--sheet NAME]\n"
             "                      [--ties FILE [--ties-sheet NAME]] -o DIR\n"
             "                      [--map FIELD=HEADER,...] [--date-order dmy|mdy]\n"
             "                      [--no-geocode] [--max-errors N] [--quiet]",
    .help = "\nReads an attendance list - one row per organisation per event, as a spreadsheet\n"
            "exports it (fields separated by ',', ';' or tabs; UTF-8, with or without a BOM)\n"
            "or an Excel workbook (.xlsx: its first sheet, or --sheet NAME) - and writes a\n"
            "bundle into DIR (created when missing): actors.csv, events.csv,\n"
            "participation.csv, ties.csv and import-report.txt, all replaced together.\n"
            "\n"
            "Columns are found by their headers in English or French: event/evenement, date,\n"
            "organisation/organization/organisme, type, country/pays, city/ville, role, and\n"
            "optionally lat, lon, name_ar, name_fr, source, event type; or named with --map.\n"
            "Dates may be typed 15/03/2024, 2024-03-15, March 2024, mars 2024 or 2024; a date\n"
            "that cannot be read is an error, and 03/04/2024 needs --date-order unless a day\n"
            "above 12 in the column tells. Country names (English, French, Arabic) become ISO\n"
            "codes, organisation types levels, role words coopnet roles. Spellings of one\n"
            "organisation that are equal once case, accents, generic words (municipality of,\n"
            "commune de, ...) and word order are set aside are merged into one actor, the others\n"
            "kept in its aliases; near spellings are listed, not merged. Actors with a city (or\n"
            "local actors, by their name) and a country but no lat/lon get coordinates from\n"
            "the offline gazetteer, as `coopnet geocode` gives them (geo_source=gazetteer);\n"
            "ambiguous and unfound places are listed (--no-geocode: none looked up).\n"
            "\n"
            "The report (also printed) lists every merge, every mapped value and what is left\n"
            "for you to decide. Nothing is written when the input has an error: every problem\n"
            "is listed as FILE:LINE (the first 50, or --max-errors N; 0 lists all) and the\n"
            "exit status is 3. The bundle written passes\n"
            "`coopnet validate`.\n"
            "\n"
            "In a workbook, cells formatted as dates become dates (the workbook's 1900 or 1904\n"
            "date system); a range merged down a column (an event over its rows) names every\n"
            "row it covers; a title merged across the columns above the header is skipped. An\n"
            "error names the cell: attendance.xlsx:Sheet1!C14. A part that inflates beyond 256\n"
            "MiB, a part name outside the package or a missing part is refused (exit status 3).\n",
    .examples = "Example:\n"
                "  coopnet import attendance attendance.csv --ties mous.csv -o my-network\n"
                "  coopnet import attendance sheet.csv --map 'organisation=Org Name' -o net\n"
                "  coopnet import attendance log.xlsx --sheet 2024 --ties log.xlsx --ties-sheet "
                "MoUs -o net\n",
    .run = run_import};

static int parse_date_order(const cli_option_t *option, const char *value, void *field,
                            coopnet_error_t *err)
{
    coopnet_date_order_t *order = field;
    if (strcasecmp(value, "dmy") == 0)
        *order = COOPNET_DATE_ORDER_DMY;
    else if (strcasecmp(value, "mdy") == 0)
        *order = COOPNET_DATE_ORDER_MDY;
    else
        return coopnet_error_set(err, COOPNET_EINVAL,
                                 "unknown date order '%s' (expected dmy or mdy)", value);
    return COOPNET_OK;
}

static int run_import(int argc, char **argv)
{
    const cli_command_t *command = &cli_command_import;
    coopnet_import_options_t import;
    coopnet_import_options_init(&import);
    const char *directory = NULL;
    long long max_errors = COOPNET_DIAG_KEEP;
    const cli_option_t options[] = {
        CLI_STRING("output", 'o', "DIR", "the bundle directory to write (required)", &directory),
        CLI_STRING("ties", 0, "FILE",
                   "a list of ties (agreements, memberships, support...):\nfrom, to, type, date, "
                   "end, source, note",
                   &import.ties_path),
        CLI_STRING("sheet", 0, "NAME", "the sheet of an .xlsx attendance list (default: the first)",
                   &import.sheet),
        CLI_STRING("ties-sheet", 0, "NAME",
                   "the sheet of an .xlsx list of agreements (default: the\nfirst)",
                   &import.ties_sheet),
        CLI_STRING("map", 0, "FIELD=HEADER,...",
                   "the column of a field whose header is not recognised\n(fields: event, date, "
                   "organisation, type, country, city,\nrole, lat, lon, name_ar, name_fr, source, "
                   "event_type;\nties: from, to, type, start, end, source, note)",
                   &import.map),
        CLI_VALUE("date-order", "dmy|mdy",
                  "how to read 03/04/2024 when no day above 12 tells\n(day/month/year or "
                  "month/day/year)",
                  &import.date_order, parse_date_order),
        CLI_FLAG("no-geocode", 0,
                 "look no place up in the gazetteer: leave lat and lon\nas the sheet gives them",
                 &import.skip_geocode),
        CLI_QUIET("print only errors, not the report"),
        CLI_MAX_ERRORS(&max_errors),
        CLI_OPTION_END};
    int exit_status;
    int n_operands = cli_parse_options(command, options, argc, argv, &exit_status);
    if (n_operands < 0)
        return exit_status;
    if (n_operands != 2 || strcmp(argv[0], "attendance") != 0)
        return cli_usage_error(command,
                               n_operands >= 1 && strcmp(argv[0], "attendance") != 0
                                   ? "unknown sheet kind '%s' (expected attendance)"
                                   : "expected: attendance FILE.csv|FILE.xlsx",
                               n_operands >= 1 ? argv[0] : "");
    if (directory == NULL)
        return cli_usage_error(command, "expected -o DIR");

    coopnet_diag_list_t diags;
    coopnet_error_t err;
    char *report = NULL;
    coopnet_diag_list_init(&diags);
    coopnet_diag_list_keep_errors(&diags, (size_t)max_errors);
    int status = coopnet_import_attendance(argv[1], directory, &import, &report, &diags, &err);
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
