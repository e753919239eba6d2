/* SPDX-License-Identifier: GPL-3.0-or-later */
/* gazetteer_internal.h - places looked up by name in an offline gazetteer: the GeoNames cities
 * that Debian's libgeonames carries (about 24 000 populated places of 15 000 people or more, and
 * the capitals), for coopnet geocode and coopnet import (src/io/geocode.c, src/io/import.c).
 * Not installed.
 *
 * The rule (docs/geocode.md): a place is looked up only among the gazetteer's places of the
 * actor's country, never guessed:
 *   1. names equal once case, accents, apostrophes, punctuation, little words (de, la, of...) and
 *      word order are set aside (GLib's normalisation and case folding: coopnet_i_names_key);
 *   2. else the alias table, for spellings the gazetteer does not carry (Saida is Sidon, Ajloun is
 *      Adjlun, Marrakech is Marrakesh);
 *   3. else names equal once an Arabic article (al, el, ar, as, ...) is left out on both sides
 *      (Miqdadiyah is Al Miqdadiyah).
 * The first step that finds a place decides. Several places found in one step are one place
 * when the most populous has at least COOPNET_GAZETTEER_CLEAR_RATIO times the people of the
 * next; otherwise the place is ambiguous and not filled.
 */
#ifndef COOPNET_GAZETTEER_INTERNAL_H
#define COOPNET_GAZETTEER_INTERNAL_H

#include "coopnet/error.h"

#include <stddef.h>
#include <stdint.h>

/* The population ratio that makes the most populous of several places of one name the place
 * meant (Newport, Wales, 306 844 people, over Newport, England, 24 884). */
#define COOPNET_GAZETTEER_CLEAR_RATIO 10.0

/* How many candidates an ambiguous lookup keeps (the most populous first). */
#define COOPNET_GAZETTEER_MAX_CANDIDATES 5

typedef struct coopnet_gazetteer coopnet_gazetteer_t;

/* One place of the gazetteer; its strings belong to the gazetteer. */
typedef struct coopnet_gazetteer_place {
    const char *name;  /* as the gazetteer writes it ("Tall Kayf", "Sidon") */
    const char *state; /* its first-level division ("South Governorate"), or "" */
    char country[3];   /* ISO 3166-1 alpha-2 */
    double lat, lon;
    uint32_t population;
} coopnet_gazetteer_place_t;

typedef enum {
    COOPNET_GAZETTEER_FOUND = 0,
    COOPNET_GAZETTEER_AMBIGUOUS, /* several places, none with a clear majority of people */
    COOPNET_GAZETTEER_UNFOUND
} coopnet_gazetteer_outcome_t;

typedef enum {
    COOPNET_GAZETTEER_BY_NAME = 0, /* step 1 */
    COOPNET_GAZETTEER_BY_ALIAS,    /* step 2: alias is the gazetteer's spelling */
    COOPNET_GAZETTEER_BY_ARTICLE   /* step 3 */
} coopnet_gazetteer_step_t;

typedef struct coopnet_gazetteer_match {
    coopnet_gazetteer_outcome_t outcome;
    coopnet_gazetteer_step_t step; /* the step that found it (FOUND, AMBIGUOUS) */
    /* the gazetteer's spelling the alias table gives for the place (whether or not the gazetteer
     * has it), else NULL */
    const char *alias;
    /* FOUND: candidates[0] is the place; AMBIGUOUS: the most populous first. n_found counts every
     * place found in the deciding step (more than the candidates kept when it is large). */
    coopnet_gazetteer_place_t candidates[COOPNET_GAZETTEER_MAX_CANDIDATES];
    size_t n_candidates, n_found;
} coopnet_gazetteer_match_t;

/* Reads the gazetteer (libgeonames' places, in the C locale so that no translation of their
 * names applies) and indexes them by country and name key. On success *gazetteer is owned by the
 * caller (coopnet_i_gazetteer_free). COOPNET_ENOMEM, or COOPNET_EIO when libgeonames has no
 * places. O(places * name length + places log places): about 0.1 s for 24 000 places. */
int coopnet_i_gazetteer_open(coopnet_gazetteer_t **gazetteer, coopnet_error_t *err);

/* NULL is accepted. */
void coopnet_i_gazetteer_free(coopnet_gazetteer_t *gazetteer);

/* How many places the gazetteer holds, and where they come from (a static string). */
size_t coopnet_i_gazetteer_size(const coopnet_gazetteer_t *gazetteer);
const char *coopnet_i_gazetteer_origin(void);

/* Looks place up among the places of country (ISO alpha-2, any case) by the rule above and fills
 * *match. Returns COOPNET_OK or COOPNET_ENOMEM. O(log places + length of place). */
int coopnet_i_gazetteer_lookup(const coopnet_gazetteer_t *gazetteer, const char *place,
                               const char *country, coopnet_gazetteer_match_t *match);

/* The place an actor's name names, for an actor without a city: the name without the generic
 * words of a municipality (municipality, city, commune, municipalite, baladiya, greater...):
 * "Greater Amman Municipality" -> "Amman", "Municipalité de Sousse" -> "Sousse". Malloc'd (the
 * caller frees it); NULL when memory ran out. O(length). */
char *coopnet_i_gazetteer_place_from_name(const char *name);

#endif
