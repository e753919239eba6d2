/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cmd_geocode.c - `coopnet geocode BUNDLE`: lat and lon from the offline gazetteer for actors
 * that have a place and a country but no coordinates, with a report of what was filled and what
 * was not. */
#include "cli.h"

#include <stdio.h>
#include <stdlib.h>

static int run_geocode(int argc, char **argv);

const cli_command_t cli_command_geocode = {
    .name = "geocode",
    .summary = "fill actors' missing lat/lon from an offline gazetteer, listing what it cannot "
               "place",
    .usage = "usage: coopnet geocode BUNDLE [-o NEW_BUNDLE] [--dry-run] [--overwrite] [--quiet]",
    .help = "\nLooks up the place of every actor that has a country and no coordinates in\n"
            "GeoNames' cities (about 24 000 places, offline, from Debian's libgeonames) and\n"
            "writes lat, lon and geo_source=gazetteer on the actors it places. The place is the\n"
            "city column when the bundle has one; otherwise, for a local actor whose type (or\n"
            "name) says it is a municipality, its name without the generic words of a\n"
            "municipality (Greater Amman Municipality: Amman). Other actors are listed.\n"
            "\n"
            "A place is looked up in its actor's country only: names equal once case, accents,\n"
            "apostrophes, little words and word order are set aside; else an alias table of\n"
            "other spellings (Saida is Sidon, Ajloun is Adjlun); else names equal without an\n"
            "Arabic article (Miqdadiyah: Al Miqdadiyah). Nothing is guessed: when several places\n"
            "bear the name and none has ten times the people of the next, the place is listed\n"
            "as ambiguous with its candidates; a place not found is listed. Coordinates already\n"
            "in the data are kept (--overwrite replaces them, reporting how far they move).\n"
            "\n"
            "actors.csv is replaced atomically, every other column and row kept byte for byte\n"
            "(lat, lon and geo_source are added when missing); with -o NEW_BUNDLE the bundle is\n"
            "written there instead, its other files copied. The report (on standard output)\n"
            "lists every actor filled, ambiguous and not found. A bundle with errors is not\n"
            "geocoded (exit status 3, the errors listed).\n",
    .examples = "Example:\n"
                "  coopnet geocode my-network --dry-run     # what would be filled\n"
                "  coopnet geocode my-network               # fill actors.csv\n"
                "  coopnet render my-network --layout geo -o map.png\n",
    .run = run_geocode};

static int run_geocode(int argc, char **argv)
{
    const cli_command_t *command = &cli_command_geocode;
    coopnet_geocode_options_t geocode;
    coopnet_geocode_options_init(&geocode);
    long long max_errors = COOPNET_DIAG_KEEP;
    const cli_option_t options[] = {
        CLI_STRING("output", 'o', "NEW_BUNDLE",
                   "write the geocoded bundle into this directory instead\nof changing BUNDLE",
                   &geocode.output_directory),
        CLI_FLAG("dry-run", 0, "print the report only; write nothing", &geocode.dry_run),
        CLI_FLAG("overwrite", 0,
                 "look up actors that have coordinates too, and replace\nthem with the "
                 "gazetteer's",
                 &geocode.overwrite),
        CLI_QUIET("print only errors, not the report"),
        CLI_MAX_ERRORS(&max_errors),
        CLI_OPTION_END};
    int exit_status;
    int n_operands = cli_parse_options(command, options, argc, argv, &exit_status);
    if (n_operands < 0)
        return exit_status;
    if (n_operands != 1)
        return cli_usage_error(command, "expected one BUNDLE");

    coopnet_diag_list_t diags;
    coopnet_error_t err;
    coopnet_error_clear(&err);
    char *report = NULL;
    coopnet_diag_list_init(&diags);
    coopnet_diag_list_keep_errors(&diags, (size_t)max_errors);
    int status = coopnet_geocode_bundle(argv[0], &geocode, &report, &diags, &err);
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
