/* SPDX-License-Identifier: GPL-3.0-or-later */
/* geocode_internal.h - one actor's place looked up and reported the same way by coopnet geocode
 * (src/io/geocode.c) and coopnet import (src/io/import.c). Not installed. */
#ifndef COOPNET_GEOCODE_INTERNAL_H
#define COOPNET_GEOCODE_INTERNAL_H

#include "model/gazetteer_internal.h"

#include <stdbool.h>
#include <stdio.h>

/* What is known of an actor; the strings are the caller's. */
typedef struct coopnet_i_geocode_actor {
    const char *id, *name;
    const char *city;    /* its city, or NULL or "" when none is given */
    const char *country; /* ISO alpha-2, or "" */
    const char *type;    /* its type ("city", "person_group"), or NULL or "" */
    /* level local: without a city, its name is read as its place when its type is empty or
     * names a municipality, or its name does (coopnet_i_geocode_name_is_place) */
    bool local;
    bool has_coordinates;
    double lat, lon;   /* the coordinates it has (has_coordinates) */
    const char *where; /* "actors.csv:12", for the report */
} coopnet_i_geocode_actor_t;

/* The report's sections, written as actors are looked up; open with coopnet_i_geocode_log_open,
 * close with coopnet_i_geocode_log_finish or coopnet_i_geocode_log_destroy. */
typedef struct coopnet_i_geocode_log {
    FILE *filled, *ambiguous, *unfound;
    char *filled_text, *ambiguous_text, *unfound_text;
    size_t filled_size, ambiguous_size, unfound_size;
    size_t n_filled, n_replaced, n_had, n_ambiguous, n_unfound, n_nothing;
    FILE *nothing; /* ids of actors with no place to look up */
    char *nothing_text;
    size_t nothing_size;
} coopnet_i_geocode_log_t;

/* Whether a local actor without a city is a municipality whose name is its place: its type is
 * empty or means a municipality (city, municipality, commune, town, ville, mairie, بلدية...: the
 * local words of coopnet import's vocabulary), or its name holds such a word. A person, an NGO or a
 * school is not a place. O(length). */
bool coopnet_i_geocode_name_is_place(const coopnet_i_geocode_actor_t *actor);

/* Returns COOPNET_OK or COOPNET_ENOMEM (log then destroyed). */
int coopnet_i_geocode_log_open(coopnet_i_geocode_log_t *log);
void coopnet_i_geocode_log_destroy(coopnet_i_geocode_log_t *log);

/* Looks actor up (coopnet_i_gazetteer_lookup of its place) unless it has coordinates and
 * overwrite is false, logs the outcome, and sets *filled with *lat and *lon when the place was
 * found. Returns COOPNET_OK or COOPNET_ENOMEM. */
int coopnet_i_geocode_actor(const coopnet_gazetteer_t *gazetteer,
                            const coopnet_i_geocode_actor_t *actor, bool overwrite,
                            coopnet_i_geocode_log_t *log, bool *filled, double *lat, double *lon);

/* Writes the report of the logged actors to out (a summary line, then filled, ambiguous, not
 * found, nothing to look up) and destroys the log. Returns COOPNET_OK or COOPNET_ENOMEM. */
int coopnet_i_geocode_log_finish(coopnet_i_geocode_log_t *log, size_t gazetteer_size, FILE *out);

/* A coordinate as geocode writes it: 5 decimals (about a metre), "%.5f". */
#define COOPNET_I_GEOCODE_FORMAT "%.5f"

#endif
