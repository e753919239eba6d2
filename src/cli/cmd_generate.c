/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cmd_generate.c - `coopnet generate -o DIR`: a synthetic bundle of any size. */
#include "cli.h"

#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>

static int run_generate(int argc, char **argv);

const cli_command_t cli_command_generate = {
    .name = "generate",
    .summary = "write a synthetic bundle with realistic structure, of any size (benchmarks, demos)",
    .usage =
        "usage: coopnet generate -o DIR [--actors N] [--events M] [--countries K] [--mean-size S]\n"
        "                        [--ties T] [--years Y] [--last-year YEAR] [--seed SEED]",
    .help = "\nWrites actors.csv, events.csv, participation.csv and ties.csv into DIR (created\n"
            "when missing). The bundle has K countries (real ISO codes) with national bodies,\n"
            "governorates (regional) and cities (local) grouped in regions, plus international\n"
            "organisations (2% of the actors); events mostly within one country, some within\n"
            "one region and about 6% across countries, convened by the international\n"
            "organisations; heavy-tailed (log-normal) event sizes of mean S, at least 2; dates\n"
            "over Y years ending with YEAR, more of them in later years, ids in date order;\n"
            "actors of heavy-tailed activity; T ties between levels (partnership, funding,\n"
            "technical_support, membership). Every actor takes part in an event or a tie\n"
            "when there are enough participations. The same options give the same bytes.\n"
            "There are round(M * S) participations. Place names are made up, distinct and\n"
            "never one letter apart, so that validate warns about no likely duplicates.\n",
    .examples = "Example:\n"
                "  coopnet generate -o city-network --actors 100000 --events 100000 --seed 7\n",
    .run = run_generate};

/* A number, any: coopnet_generate_check says what it must be. */
static int parse_number(const cli_option_t *option, const char *value, void *field,
                        coopnet_error_t *err)
{
    char *end;
    errno = 0;
    double parsed = strtod(value, &end);
    if (value[0] == '\0' || *end != '\0' || errno == ERANGE)
        return coopnet_error_set(err, COOPNET_EINVAL, "--%s needs a number, not '%s'", option->name,
                                 value);
    *(double *)field = parsed;
    return COOPNET_OK;
}

static int run_generate(int argc, char **argv)
{
    coopnet_generate_options_t generate;
    coopnet_generate_options_init(&generate);
    const char *directory = NULL;
    bool ties_given = false;
    long long actors = (long long)generate.n_actors, events = (long long)generate.n_events;
    long long countries = (long long)generate.n_countries, ties = 0;
    long long years = generate.n_years, last_year = generate.last_year;
    long long seed = (long long)generate.seed;
    const long long most = 1LL << 40;
    const cli_option_t options[] = {
        CLI_STRING("output", 'o', "DIR", "the directory to write (required)", &directory),
        CLI_INTEGER("actors", "N", "actors (default 1000)", &actors, 0, most),
        CLI_INTEGER("events", "M", "events (default 1000)", &events, 0, most),
        CLI_INTEGER("countries", "K", "countries, 1 to 60 (default 8)", &countries, 0, most),
        CLI_VALUE("mean-size", "S", "mean participants per event, at least 2 (default 10)",
                  &generate.mean_size, parse_number),
        {.name = "ties",
         .argument = "T",
         .help = "ties between actors (default: half the actors)",
         .value = &ties,
         .parse = cli_parse_integer,
         .min = 0,
         .max = most,
         .given = &ties_given},
        CLI_INTEGER("years", "Y", "years the dates spread over (default 10)", &years, 0, 100000),
        CLI_INTEGER("last-year", "YEAR", "the last of those years (default 2025)", &last_year, 0,
                    100000),
        CLI_INTEGER("seed", "N", "random seed (default 1)", &seed, 0, -1),
        CLI_QUIET("print nothing on success"),
        CLI_OPTION_END};
    int exit_status;
    int n_operands = cli_parse_options(&cli_command_generate, options, argc, argv, &exit_status);
    if (n_operands < 0)
        return exit_status;
    if (n_operands != 0 || directory == NULL)
        return cli_usage_error(&cli_command_generate, "expected -o DIR and no other argument");
    generate.n_actors = (size_t)actors;
    generate.n_events = (size_t)events;
    generate.n_countries = (size_t)countries;
    generate.n_ties = ties_given ? (size_t)ties : generate.n_actors / 2;
    generate.n_years = (int)years;
    generate.last_year = (int)last_year;
    generate.seed = (uint64_t)seed;

    coopnet_error_t err;
    if (coopnet_generate_check(&generate, &err) != COOPNET_OK)
        return cli_usage_error(&cli_command_generate, "%s", err.message);
    if (coopnet_generate_write(directory, &generate, NULL, &err) != COOPNET_OK)
        return cli_fail(&err);
    if (!cli_quiet)
        printf("wrote '%s': %zu actors, %zu events, %.0f participations, %zu ties\n", directory,
               generate.n_actors, generate.n_events,
               (double)llround(generate.mean_size * (double)generate.n_events), generate.n_ties);
    return COOPNET_EXIT_OK;
}
