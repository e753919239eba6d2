/* SPDX-License-Identifier: GPL-3.0-or-later */
/* suggest.c - the nearest allowed value for an unknown one (see io/suggest.h). */
#include "io/suggest.h"
#include "core/names.h"
#include "coopnet/bundle.h"
#include "io/import_internal.h"
#include "model/bundle_internal.h"

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* The allowed value nearest to text (folded), one edit away or two for long words; NULL when
 * none or two are equally near. */
static const char *nearest(const char *text, const char *const *allowed, size_t n_allowed)
{
    char *folded = coopnet_i_names_fold(text);
    if (folded == NULL)
        return NULL;
    size_t limit = strlen(folded) >= 8 ? 2 : strlen(folded) >= 4 ? 1 : 0;
    size_t best = limit + 1;
    const char *found = NULL;
    bool tie = false;
    for (size_t i = 0; i < n_allowed; i++) {
        char *candidate = coopnet_i_names_fold(allowed[i]);
        size_t distance = candidate ? coopnet_i_names_distance(folded, candidate, limit) : best;
        free(candidate);
        if (distance < best) {
            best = distance;
            found = allowed[i];
            tie = false;
        } else if (distance == best && found != NULL) {
            tie = true;
        }
    }
    free(folded);
    return found && !tie && best <= limit ? found : NULL;
}

static void write_hint(const char *value, char *hint, size_t size)
{
    if (value == NULL)
        hint[0] = '\0';
    else
        snprintf(hint, size, " (did you mean %s?)", value);
}

void coopnet_i_suggest_level(const char *text, char *hint, size_t size)
{
    static const char *const levels[] = {"local", "regional", "national", "international"};
    const char *phrase;
    int level = coopnet_i_import_level(text, &phrase);
    write_hint(level >= 0 ? coopnet_level_name((coopnet_level_t)level) : nearest(text, levels, 4),
               hint, size);
}

void coopnet_i_suggest_role(const char *text, char *hint, size_t size)
{
    static const char *const roles[] = {"host",    "organiser", "presenter",  "participant",
                                        "learner", "funder",    "facilitator"};
    int role = coopnet_i_import_role(text);
    write_hint(role >= 0 ? coopnet_role_name((coopnet_role_t)role) : nearest(text, roles, 7), hint,
               size);
}

void coopnet_i_suggest_country(const char *text, char *hint, size_t size)
{
    char code[3];
    write_hint(coopnet_i_country_suggest(text, code) ? code : NULL, hint, size);
}

void coopnet_i_suggest_source(const coopnet_bundle_t *bundle, const char *ref, size_t length,
                              char *hint, size_t size)
{
    hint[0] = '\0';
    char *text = strndup(ref, length);
    const char **names = calloc(2 * bundle->n_sources + 1, sizeof *names);
    size_t n = 0;
    for (size_t s = 0; names && s < bundle->n_sources; s++) {
        names[n++] = bundle->sources[s].id;
        if (bundle->sources[s].file && bundle->sources[s].file[0])
            names[n++] = bundle->sources[s].file;
    }
    if (text && names)
        write_hint(nearest(text, names, n), hint, size);
    free(names);
    free(text);
}

void coopnet_i_suggest_tie_type(const char *text, char *hint, size_t size)
{
    static const char *const types[] = {
        "mou",     "partnership",   "membership", "technical_support",
        "funding", "peer_learning", "request"};
    hint[0] = '\0';
    for (size_t i = 0; i < 7; i++)
        if (strcasecmp(text, types[i]) == 0)
            return;
    const char *type = coopnet_i_import_tie_type(text);
    write_hint(type ? type : nearest(text, types, 7), hint, size);
}
