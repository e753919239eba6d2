/* SPDX-License-Identifier: GPL-3.0-or-later */
/* coopnet/geocode.h - coordinates for actors that have a place but no lat/lon, from an offline
 * gazetteer (GeoNames cities, as Debian's libgeonames carries them), never guessed.
 *
 * An actor's place is its `city` column when the bundle has one and it is not empty; otherwise,
 * for an actor of level local (a municipality), its name without the generic words of a
 * municipality ("Greater Amman Municipality" is Amman). The place is looked up among the
 * gazetteer's places of the actor's country only: names equal once case, accents, apostrophes,
 * little words and word order are set aside; else a small table of other spellings (Saida is
 * Sidon); else names equal without an Arabic article (Miqdadiyah is Al Miqdadiyah). Several places
 * of one name count as one when the most populous has ten times the people of the next;
 * otherwise the place is ambiguous. Ambiguous and unfound places are listed, not filled
 * (docs/geocode.md).
 */
#ifndef COOPNET_GEOCODE_H
#define COOPNET_GEOCODE_H

#include "coopnet/api.h"

#include "coopnet/diag.h"
#include "coopnet/error.h"

#include <stdbool.h>

#ifdef __cplusplus
extern "C" {
#endif

typedef struct coopnet_geocode_options {
    /* NULL: the bundle's own actors.csv is replaced (atomically); else the bundle is written into
     * this directory (created when missing): actors.csv geocoded, events.csv,
     * participation.csv, ties.csv and sources.csv copied byte for byte. Not copied. */
    const char *output_directory;
    bool dry_run;   /* look up and report, write nothing */
    bool overwrite; /* look up actors that have coordinates too and replace them */
} coopnet_geocode_options_t;

/* Defaults: in place, written, existing coordinates kept. */
COOPNET_API void coopnet_geocode_options_init(coopnet_geocode_options_t *options);

/* Loads and validates the bundle directory at path, looks up the place of every actor that has
 * one, a country and no coordinates (with options->overwrite, coordinates or not), and writes
 * actors.csv with lat, lon and geo_source filled for the places found: geo_source is
 * "gazetteer" on each filled row. Columns lat, lon and geo_source are added (at the end of the
 * header's columns, empty on other rows) when missing; every other column, row and byte of
 * actors.csv is kept as it was. Nothing is written when no actor is filled and no
 * output_directory is given.
 *
 * *report (when report is not NULL) receives the text of the report - filled, already placed,
 * ambiguous (with their candidates), not found, nothing to look up - which the caller frees
 * (free). Returns COOPNET_EDATA when the bundle has errors (in diags), COOPNET_EINVAL when path is
 * not a bundle directory, COOPNET_EIO when a file cannot be read or written (nothing is then
 * changed), COOPNET_ENOMEM. *report is NULL on failure. O(gazetteer places * log places +
 * bundle size).
 */
COOPNET_API int coopnet_geocode_bundle(const char *path, const coopnet_geocode_options_t *options,
                                       char **report, coopnet_diag_list_t *diags,
                                       coopnet_error_t *err);

#ifdef __cplusplus
}
#endif
#endif
