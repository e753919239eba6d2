/* SPDX-License-Identifier: GPL-3.0-or-later */
/* temporal_fixtures.h - small random bundles and reach options for the temporal tests
 * (test_temporal.c against a brute-force reference, test_temporal_sketch.c against the exact
 * pass). Header-only; each test program includes it once. The generator is a fixed LCG: set
 * rng_state to a seed, then draw a bundle and its options. */
#ifndef COOPNET_TEMPORAL_FIXTURES_H
#define COOPNET_TEMPORAL_FIXTURES_H

#include <coopnet/coopnet.h>

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

/* A bundle from CSV texts (ties may be NULL); NULL after printing the error when it fails. */
static coopnet_bundle_t *load(const char *actors, const char *events, const char *participation,
                              const char *ties)
{
    coopnet_diag_list_t diags;
    coopnet_diag_list_init(&diags);
    coopnet_bundle_t *bundle = NULL;
    coopnet_error_t err;
    int status = coopnet_bundle_load_memory(actors, strlen(actors), events, strlen(events),
                                            participation, strlen(participation), ties,
                                            ties ? strlen(ties) : 0, &diags, &bundle, &err);
    if (status != COOPNET_OK)
        fprintf(stderr, "load failed: %s\n", err.message);
    coopnet_diag_list_destroy(&diags);
    return bundle;
}

static uint64_t rng_state;
static uint32_t rng(void)
{
    rng_state = rng_state * 6364136223846793005ULL + 1442695040888963407ULL;
    return (uint32_t)(rng_state >> 33);
}
static int rng_below(int n)
{
    return (int)(rng() % (uint32_t)n);
}

/* exact days only: bounded dates are checked against tests/reference/temporal_intervals_check.py */
static const char *const random_days[] = {"2024-01-01", "2024-01-02", "2024-01-03", "2024-01-05",
                                          "2024-01-08", "2024-01-09", "2024-02-01", "2024-01-04"};
static const char *const random_roles[] = {"participant", "presenter",   "host",  "learner",
                                           "organiser",   "facilitator", "funder"};

#define RANDOM_BUNDLE_MAX_ACTORS 16

/* A random bundle of 2 to max_actors actors (at most RANDOM_BUNDLE_MAX_ACTORS), fewer than
 * event_choices events and fewer than 6 ties, drawn from rng_state. With reversed, the same
 * bundle (the same draws) with actors.csv in reverse order. */
static coopnet_bundle_t *random_bundle(int max_actors, int event_choices, bool reversed)
{
    char actors[1024], events[1024], participation[4096], ties[2048];
    int n = 2 + rng_below(max_actors - 1);
    int n_events = rng_below(event_choices), n_ties = rng_below(6);
    int levels[RANDOM_BUNDLE_MAX_ACTORS];
    for (int a = 0; a < n; a++)
        levels[a] = rng_below(3);
    size_t at = (size_t)snprintf(actors, sizeof actors, "id,name,level\n");
    for (int i = 0; i < n; i++) {
        int a = reversed ? n - 1 - i : i;
        at += (size_t)snprintf(actors + at, sizeof actors - at, "a%d,Actor %d,%s\n", a, a,
                               levels[a] ? "local" : "national");
    }
    at = (size_t)snprintf(events, sizeof events, "id,title,date\n");
    size_t pat = (size_t)snprintf(participation, sizeof participation, "event,actor,role\n");
    for (int e = 0; e < n_events; e++) {
        at += (size_t)snprintf(events + at, sizeof events - at, "e%d,Event %d,%s\n", e, e,
                               random_days[rng_below(8)]);
        int size = 1 + rng_below(n);
        for (int k = 0; k < size; k++)
            pat += (size_t)snprintf(participation + pat, sizeof participation - pat, "e%d,a%d,%s\n",
                                    e, rng_below(n), random_roles[rng_below(7)]);
    }
    at = (size_t)snprintf(ties, sizeof ties, "from,to,type,start,directed\n");
    for (int t = 0; t < n_ties; t++) {
        int from = rng_below(n), to = (from + 1 + rng_below(n - 1)) % n;
        at += (size_t)snprintf(ties + at, sizeof ties - at, "a%d,a%d,peer_learning,%s,%s\n", from,
                               to, random_days[rng_below(8)], rng_below(2) ? "true" : "false");
    }
    return load(actors, events, participation, ties);
}

/* Random --since/--until/--mode/--exclude/--level/--layer, and --max-wait when with_max_wait
 * (the estimate has none), drawn from rng_state. exclude: room for one id. */
static void random_options(const coopnet_bundle_t *bundle, coopnet_temporal_options_t *options,
                           const char **exclude, bool with_max_wait)
{
    coopnet_error_t err;
    coopnet_temporal_options_init(options);
    static const char *const bounds[] = {"2024-01-02", "2024-01-03", "2024-01-05", "2024-01"};
    if (rng_below(3) == 0)
        coopnet_date_parse(bounds[rng_below(4)], &options->since, &err);
    if (rng_below(3) == 0) {
        coopnet_date_parse(bounds[rng_below(4)], &options->until, &err);
        if (options->since.precision && coopnet_date_last_day(options->until) < options->since.day)
            options->until.precision = COOPNET_DATE_NONE;
    }
    if (with_max_wait)
        options->max_wait = rng_below(2) ? -1 : rng_below(5);
    options->mode = rng_below(3) == 0 ? COOPNET_TEMPORAL_MODE_PRESENTER : COOPNET_TEMPORAL_MODE_ALL;
    if (rng_below(5) == 0) {
        exclude[0] = bundle->actors[rng_below((int)bundle->n_actors)].id;
        options->graph.exclude = exclude;
        options->graph.n_exclude = 1;
    }
    if (rng_below(6) == 0)
        options->graph.level_mask = 1u << COOPNET_LEVEL_LOCAL;
    if (rng_below(6) == 0)
        options->graph.layer = rng_below(2) ? COOPNET_LAYER_EVENTS : COOPNET_LAYER_TIES;
}

#endif
