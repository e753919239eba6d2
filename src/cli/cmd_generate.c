/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cmd_generate.c - `coopnet generate -o DIR`: a synthetic bundle of any size. */
#include "cli.h"

#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>

static int run_generate(int argc, char **argv);

const cli_command_t cli_command_generate = {
    "generate",
    "write a synthetic bundle with realistic structure, of any size (benchmarks, demos)",
    "usage: coopnet generate -o DIR [--actors N] [--events M] [--countries K] [--mean-size S]\n"
    "                        [--ties T] [--years Y] [--last-year YEAR] [--seed SEED]",
    "\nWrites actors.csv, events.csv, participation.csv and ties.csv into DIR (created\n"
    "when missing). The bundle has K countries (real ISO codes) with national bodies,\n"
    "governorates (regional) and cities (local) grouped in regions, plus international\n"
    "partners (2% of the actors); events mostly within one country, some within one\n"
    "region and about 6% across countries, convened by partners; heavy-tailed\n"
    "(log-normal) event sizes of mean S, at least 2; dates over Y years ending with\n"
    "YEAR, more of them in later years, ids in date order; actors of heavy-tailed\n"
    "activity; T agreements between levels. Every actor takes part in an event or a\n"
    "tie when there are enough participations. The same options give the same bytes.\n"
    "There are round(M * S) participations.\n\n"
    "Options:\n"
    "  -o, --output DIR     the directory to write (required)\n"
    "  --actors N           actors (default 1000)\n"
    "  --events M           events (default 1000)\n"
    "  --countries K        countries, 1 to 60 (default 8)\n"
    "  --mean-size S        mean participants per event, at least 2 (default 10)\n"
    "  --ties T             agreements (default: half the actors)\n"
    "  --years Y            years the dates spread over (default 10)\n"
    "  --last-year YEAR     the last of those years (default 2025)\n"
    "  --seed SEED          random seed (default 1)\n"
    "  --quiet              print nothing on success\n\n"
    "Example:\n"
    "  coopnet generate -o city-network --actors 100000 --events 100000 --seed 7\n",
    run_generate};

enum {
    OPT_ACTORS = CLI_OPT_FIRST_COMMAND_OPTION,
    OPT_EVENTS,
    OPT_COUNTRIES,
    OPT_MEAN_SIZE,
    OPT_TIES,
    OPT_YEARS,
    OPT_LAST_YEAR,
    OPT_SEED
};

/* A non-negative whole number in full; -1 when the text is not one. */
static int parse_count(const char *text, unsigned long long *value)
{
    char *end;
    errno = 0;
    if (text[0] < '0' || text[0] > '9')
        return -1;
    *value = strtoull(text, &end, 10);
    return *end != '\0' || errno == ERANGE ? -1 : 0;
}

static const char *option_name(int opt)
{
    static const char *const names[] = {"--actors", "--events", "--countries", "--mean-size",
                                        "--ties",   "--years",  "--last-year", "--seed"};
    return names[opt - OPT_ACTORS];
}

static int run_generate(int argc, char **argv)
{
    static const struct option options[] = {CLI_COMMON_OPTIONS,
                                            {"output", required_argument, NULL, 'o'},
                                            {"actors", required_argument, NULL, OPT_ACTORS},
                                            {"events", required_argument, NULL, OPT_EVENTS},
                                            {"countries", required_argument, NULL, OPT_COUNTRIES},
                                            {"mean-size", required_argument, NULL, OPT_MEAN_SIZE},
                                            {"ties", required_argument, NULL, OPT_TIES},
                                            {"years", required_argument, NULL, OPT_YEARS},
                                            {"last-year", required_argument, NULL, OPT_LAST_YEAR},
                                            {"seed", required_argument, NULL, OPT_SEED},
                                            {NULL, 0, NULL, 0}};
    coopnet_generate_options_t generate;
    coopnet_generate_options_init(&generate);
    const char *directory = NULL;
    int ties_given = 0;
    int opt, exit_now = 0;
    while ((opt = getopt_long(argc, argv, "ho:", options, NULL)) != -1) {
        if (opt == 'o') {
            directory = optarg;
            continue;
        }
        if (cli_common_option(&cli_command_generate, opt, &exit_now)) {
            if (exit_now)
                return COOPNET_EXIT_OK;
            continue;
        }
        if (opt < OPT_ACTORS || opt > OPT_SEED)
            return cli_bad_option(&cli_command_generate, argv);
        unsigned long long value = 0;
        if (opt == OPT_MEAN_SIZE) {
            char *end;
            errno = 0;
            generate.mean_size = strtod(optarg, &end);
            if (optarg[0] == '\0' || *end != '\0' || errno == ERANGE)
                return cli_usage_error(&cli_command_generate, "invalid number '%s' for %s", optarg,
                                       option_name(opt));
            continue;
        }
        if (parse_count(optarg, &value) != 0 || (opt != OPT_SEED && value > 1ULL << 40))
            return cli_usage_error(&cli_command_generate, "invalid count '%s' for %s", optarg,
                                   option_name(opt));
        switch (opt) {
        case OPT_ACTORS:
            generate.n_actors = (size_t)value;
            break;
        case OPT_EVENTS:
            generate.n_events = (size_t)value;
            break;
        case OPT_COUNTRIES:
            generate.n_countries = (size_t)value;
            break;
        case OPT_TIES:
            generate.n_ties = (size_t)value;
            ties_given = 1;
            break;
        case OPT_YEARS:
            generate.n_years = value > 100000 ? 100000 : (int)value;
            break;
        case OPT_LAST_YEAR:
            generate.last_year = value > 100000 ? 100000 : (int)value;
            break;
        default:
            generate.seed = value;
            break;
        }
    }
    if (optind != argc || directory == NULL)
        return cli_usage_error(&cli_command_generate, "expected -o DIR and no other argument");
    if (!ties_given)
        generate.n_ties = generate.n_actors / 2;

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
