/* SPDX-License-Identifier: GPL-3.0-or-later */
/* suggest.h - the nearest allowed value for an unknown one, for the loaders' messages
 * ("unknown role 'speaker' (...) (did you mean presenter?)"). Not installed.
 *
 * Each writes " (did you mean VALUE?)" into hint (size bytes), or "" when no allowed value is
 * close: the word's meaning in coopnet import's vocabularies (speaker -> presenter, city ->
 * local, Jordan -> JO, memorandum of understanding -> mou), else an allowed value one edit away
 * (two for words of eight letters or more). O(vocabulary * length). */
#ifndef COOPNET_SUGGEST_H
#define COOPNET_SUGGEST_H

#include <stddef.h>

void coopnet_i_suggest_level(const char *text, char *hint, size_t size);
void coopnet_i_suggest_role(const char *text, char *hint, size_t size);
void coopnet_i_suggest_country(const char *text, char *hint, size_t size);

/* For a tie type that is not one of the recommended ones (mou, partnership, membership,
 * technical_support, funding, peer_learning, request, in any case): the one it likely means,
 * or "" (a type of one's own is allowed). */
void coopnet_i_suggest_tie_type(const char *text, char *hint, size_t size);

/* For a citation that names no source of sources.csv (ref, length bytes): the source id or file
 * it is nearest to (one edit away, two for long names; case aside), or "". O(sources * length). */
struct coopnet_bundle;
void coopnet_i_suggest_source(const struct coopnet_bundle *bundle, const char *ref, size_t length,
                              char *hint, size_t size);

#endif
