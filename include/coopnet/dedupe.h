/* SPDX-License-Identifier: GPL-3.0-or-later */
/* coopnet/dedupe.h - likely duplicate actors of a bundle, found and reported, never merged.
 *
 * Two actors are likely one when one of the names of each - the name, name_fr, name_ar and every
 * alias of the extra column `aliases` (separated by '|' or ';') - are equal once case, accents,
 * little words (of, de, la, ...), the generic words of a municipality (municipality, city,
 * commune, ville, بلدية, ...) and word order are set aside, or (in bundles of at most
 * COOPNET_DEDUPE_NEAR_LIMIT actors) one letter apart in names of at least six letters, digits
 * aside; and their countries do not differ. Names are compared with GLib's Unicode normalisation
 * and case folding (src/core/names.c), the rules coopnet import merges by.
 */
#ifndef COOPNET_DEDUPE_H
#define COOPNET_DEDUPE_H

#include "coopnet/api.h"

#include "coopnet/bundle.h"
#include "coopnet/diag.h"
#include "coopnet/error.h"

#ifdef __cplusplus
extern "C" {
#endif

/* Above this many actors the one-letter search is skipped (its memory grows with the letters of
 * every name); equal names are still found. */
#define COOPNET_DEDUPE_NEAR_LIMIT 5000

/* Adds a warning to diags for each pair of likely duplicate actors, on the line of the later one
 * in actors.csv (or the GraphML file), naming both actors, both names and the earlier line:
 * "actor 'sousse_2' ('Sousse Municipality') may be the same as 'sousse' ('Municipality of
 * Sousse', line 2): names equal once case, accents, generic words and word order are set aside".
 * Each pair is reported once. Returns COOPNET_OK, or COOPNET_ENOMEM (err says so; the warnings
 * found so far stay in diags). O(total length of the names) expected. */
COOPNET_API int coopnet_dedupe_warn(const coopnet_bundle_t *bundle, coopnet_diag_list_t *diags,
                                    coopnet_error_t *err);

#ifdef __cplusplus
}
#endif
#endif
