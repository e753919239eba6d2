/* SPDX-License-Identifier: GPL-3.0-or-later */
/* coopnet/dedupe.h - likely duplicate actors of a bundle: found and reported (validate's
 * warnings, coopnet_dedupe_write_candidates), and merged only as a file of decisions the user
 * reviewed says (coopnet_dedupe_apply).
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

#include <stdio.h>

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

/* Loads path as coopnet_bundle_load does and adds coopnet_dedupe_warn's warnings after the
 * loader's: what `coopnet validate` checks. For a bundle directory the search for duplicate
 * actors runs on a second core beside the loader's last checks, so that it adds little to the
 * load's time; the diagnostics are those of the one after the other. The same returns as
 * coopnet_bundle_load, and COOPNET_ENOMEM when the search runs out of memory (*bundle is then
 * NULL, as for any failure). */
COOPNET_API int coopnet_bundle_validate(const char *path, coopnet_diag_list_t *diags,
                                        coopnet_bundle_t **bundle, coopnet_error_t *err);

/* Writes the pairs coopnet_dedupe_warn warns about as CSV to out, for the user to review: a
 * header merge_into,merge_from,reason and one row per pair (the earlier actor kept, the later
 * merged into it; the reason names both names, their lines in actors.csv and the rule that
 * matched). *count (when not NULL) receives the number of pairs. Returns COOPNET_OK or
 * COOPNET_ENOMEM. O(total length of the names) expected. */
COOPNET_API int coopnet_dedupe_write_candidates(const coopnet_bundle_t *bundle, FILE *out,
                                                size_t *count, coopnet_error_t *err);

/* Merges the actors of a bundle directory as the decisions file says and writes the result into
 * output_directory (created when missing; its bundle files and dedupe-report.txt replaced
 * together, coopnet_output_commit_all). The decisions are a CSV file with the columns
 * merge_into and merge_from (others, such as reason, are ignored): each row merges the actor
 * merge_from into merge_into; chains (c into b, b into a) end in the last one. For each merge:
 * participation.csv and ties.csv are rewritten to the kept id, the merged actor's row leaves
 * actors.csv and its names (name, name_fr, name_ar, aliases) join the kept actor's aliases
 * column (added when missing; '|'-separated); an empty value of the kept actor is filled from
 * the merged one, a different one is kept and reported; participations of one actor in one
 * event become one row (the more specific role kept); a tie that would join an actor to itself
 * is left out. events.csv and sources.csv are copied as they are. The result is loaded back by
 * the bundle loader before anything is written.
 *
 * *report (when not NULL) receives the text of dedupe-report.txt (every merge, rewritten and
 * dropped row, filled and conflicting value), which the caller frees. Returns COOPNET_OK;
 * COOPNET_EDATA when the bundle does not load or the decisions are wrong (unknown actor, an
 * actor merged into itself or into two others, a cycle, no merge_into/merge_from column: in
 * diags with DECISIONS:LINE), nothing written; COOPNET_EINVAL when output_directory is the
 * bundle itself; COOPNET_EIO, COOPNET_ENOMEM. O(size of the bundle's files). */
COOPNET_API int coopnet_dedupe_apply(const char *bundle_directory, const char *decisions_path,
                                     const char *output_directory, char **report,
                                     coopnet_diag_list_t *diags, coopnet_error_t *err);

#ifdef __cplusplus
}
#endif
#endif
