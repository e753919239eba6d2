/* SPDX-License-Identifier: GPL-3.0-or-later */
/* coopnet/generate.h - synthetic bundles with the structure of real cooperation data.
 *
 * For benchmarks, tests and demonstrations at any scale. The generated bundle has countries
 * (real ISO 3166-1 codes, real approximate coordinates) each with local actors (cities) grouped
 * in regions, one regional actor (governorate) per region and a few national bodies, plus
 * international partners. Events are mostly national (within one country), some sub-national
 * (one region) and a few cross-country regional ones convened by international partners; their
 * sizes are heavy-tailed (log-normal, at least 2) and their dates spread over the years with
 * more events in later years. Most national and sub-national events continue a series: the
 * participants of the previous meeting in the same country or region come back, so links
 * repeat as they do in real data. Actors differ in activity (Pareto weights, higher for national
 * and international actors). Ties are agreements between levels: local-governorate, local- and
 * regional-national, national-international, local-international, peer learning across
 * countries. Every actor takes part in at least one event or tie when there are enough
 * participations.
 *
 * The output is a function of the options only: the same options give the same bytes on every
 * run and machine (a random generator of our own, xoshiro256**, seeded from the seed).
 */
#ifndef COOPNET_GENERATE_H
#define COOPNET_GENERATE_H

#include "coopnet/api.h"

#include "coopnet/error.h"
#include "coopnet/progress.h"

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/* The largest number of countries (the generator's table of real countries). */
#define COOPNET_GENERATE_MAX_COUNTRIES 60

typedef struct coopnet_generate_options {
    size_t n_actors;    /* at least 2 */
    size_t n_events;    /* at least 1 */
    size_t n_countries; /* 1 .. COOPNET_GENERATE_MAX_COUNTRIES, at most n_actors */
    double mean_size;   /* mean participants per event, >= 2 and below n_actors; the total of
                           participations is round(n_events * mean_size) */
    size_t n_ties;      /* agreements */
    int n_years;        /* 1 .. 100: events and ties fall in the years up to last_year */
    int last_year;      /* 1100 .. 9999 */
    uint64_t seed;
} coopnet_generate_options_t;

/* Defaults: 1000 actors, 1000 events, 8 countries, mean size 10, 500 ties, 10 years up to
 * 2025, seed 1. */
COOPNET_API void coopnet_generate_options_init(coopnet_generate_options_t *options);

/* Checks the options; COOPNET_EINVAL with a message naming the bad value otherwise. O(1). */
COOPNET_API int coopnet_generate_check(const coopnet_generate_options_t *options,
                                       coopnet_error_t *err);

/* Writes actors.csv, events.csv, participation.csv and ties.csv into directory (created when
 * missing, its parent must exist), each atomically through coopnet/output.h: a failed run
 * leaves no partial file (files already committed before a later one failed stay). progress
 * (may be NULL) gets the stage "generate" per event. Returns COOPNET_EINVAL for bad options,
 * COOPNET_EIO when the directory or a file cannot be written, COOPNET_ENOMEM. Cost:
 * O(actors + participations + ties) time and memory (4 bytes per participation, to seat the
 * participants of a series again). */
COOPNET_API int coopnet_generate_write(const char *directory,
                                       const coopnet_generate_options_t *options,
                                       const coopnet_progress_t *progress, coopnet_error_t *err);

#ifdef __cplusplus
}
#endif
#endif
