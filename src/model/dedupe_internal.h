/* SPDX-License-Identifier: GPL-3.0-or-later */
/* dedupe_internal.h - the pairs of likely duplicate actors, for the validate warnings
 * (coopnet_dedupe_warn) and the import report (src/io/import.c): one rule for both. Not
 * installed. */
#ifndef COOPNET_DEDUPE_INTERNAL_H
#define COOPNET_DEDUPE_INTERNAL_H

#include "coopnet/bundle.h"

#include <stddef.h>

/* A pair: actors earlier < later (bundle indices), the names that matched ("name", "name_fr",
 * "name_ar" or "alias", and the spelling), and 0 for equal keys or 1 for one letter apart. */
typedef struct coopnet_i_dedupe_pair {
    size_t earlier, later;
    const char *earlier_kind, *earlier_name, *later_kind, *later_name;
    size_t distance;
} coopnet_i_dedupe_pair_t;

/* Calls found once for each pair of likely duplicate actors (the rule of coopnet/dedupe.h), in
 * the order of the later actor. The pair's strings live until found returns. found returns
 * COOPNET_OK or a status that stops the search. Returns COOPNET_OK, COOPNET_ENOMEM or found's
 * status. O(total length of the names) expected. */
int coopnet_i_dedupe_pairs(const coopnet_bundle_t *bundle,
                           int (*found)(const coopnet_i_dedupe_pair_t *pair, void *context),
                           void *context);

/* Why the pair was found, into reason: "the names are equal once case, accents, ... are set
 * aside" or "its alias 'X' and the other's name 'Y' are one letter apart". */
void coopnet_i_dedupe_pair_reason(const coopnet_i_dedupe_pair_t *pair, char *reason, size_t size);

#endif
