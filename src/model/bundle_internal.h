/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bundle_internal.h - what the bundle loaders (CSV and GraphML) share. Not installed. */
#ifndef COOPNET_BUNDLE_INTERNAL_H
#define COOPNET_BUNDLE_INTERNAL_H

#include "core/containers.h"
#include "coopnet/bundle.h"
#include "coopnet/lang.h"

struct coopnet_bundle_internal {
    coopnet_arena_t strings;
    coopnet_strmap_t actor_ids;
    coopnet_strmap_t event_ids;
    coopnet_strmap_t source_refs; /* the id and the file of each source -> its index */
    size_t actor_capacity, event_capacity, participation_capacity, tie_capacity, source_capacity;
    /* the study window, set by coopnet_i_bundle_finish (coopnet_bundle_window) */
    bool has_window;
    int32_t window_first, window_last;
};

/* A new empty bundle named after path; NULL when out of memory. */
coopnet_bundle_t *coopnet_i_bundle_alloc(const char *path);

/* Builds event_start (sorting participations by event, then actor), emits the warnings about
 * undated events, small events, isolated actors and dates more than 50 years from the median date
 * of the data, and an error (on ties_file) for each pair of
 * actors whose ties' weights sum to infinity. Returns COOPNET_OK or COOPNET_ENOMEM. */
int coopnet_i_bundle_finish(coopnet_bundle_t *bundle, coopnet_diag_list_t *diags,
                            const char *actors_file, const char *events_file,
                            const char *ties_file);

/* The ISO code of the country text most likely means, for a suggestion in a message: its name
 * (coopnet_country_from_name), or a name one edit away (two for names of 8 letters or more) and
 * nearer than any other country's. Returns false when there is none. O(countries * length). */
bool coopnet_i_country_suggest(const char *text, char code[3]);

/* The ISO 3166-1 name of the country with alpha-2 code (upper case) in lang (Debian's
 * iso-codes: English, French, Arabic), or NULL for a code not in the standard. Static storage.
 * O(countries). */
const char *coopnet_i_country_iso_name(const char *code, coopnet_lang_t lang);

#endif
