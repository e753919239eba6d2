/* SPDX-License-Identifier: GPL-3.0-or-later */
/* country.c - country names (English, French, Arabic, everyday) to ISO 3166-1 alpha-2 codes
 * (see coopnet/bundle.h). The table is generated from Debian's iso-codes. */
#include "core/names.h"
#include "coopnet/bundle.h"
#include "model/bundle_internal.h"

#include <stdlib.h>
#include <string.h>

typedef struct country_name_row {
    const char *code, *alpha3, *english, *french, *arabic;
} country_name_row_t;

typedef struct country_alias_row {
    const char *code, *name;
} country_alias_row_t;

#include "model/country_names.inc"

#define N_COUNTRIES (sizeof country_names / sizeof country_names[0])
#define N_ALIASES (sizeof country_aliases / sizeof country_aliases[0])
#define NAMES_PER_COUNTRY 5

/* The folded text without a leading article ("the", "le", "la", "l", "les"), which people
 * write or leave out ("la Tunisie", "the Netherlands"). NULL when out of memory. */
static char *country_fold(const char *text)
{
    char *folded = coopnet_i_names_fold(text);
    if (folded == NULL)
        return NULL;
    static const char *const articles[] = {"the ", "le ", "la ", "l ", "les ", NULL};
    for (size_t i = 0; articles[i]; i++) {
        size_t length = strlen(articles[i]);
        if (strncmp(folded, articles[i], length) == 0) {
            memmove(folded, folded + length, strlen(folded + length) + 1);
            break;
        }
    }
    return folded;
}

/* Name k of the table: the names of each country, then the aliases. */
static const char *table_name(size_t k, const char **code)
{
    if (k < N_COUNTRIES * NAMES_PER_COUNTRY) {
        const country_name_row_t *row = &country_names[k / NAMES_PER_COUNTRY];
        const char *const names[NAMES_PER_COUNTRY] = {row->code, row->alpha3, row->english,
                                                      row->french, row->arabic};
        *code = row->code;
        return names[k % NAMES_PER_COUNTRY];
    }
    const country_alias_row_t *row = &country_aliases[k - N_COUNTRIES * NAMES_PER_COUNTRY];
    *code = row->code;
    return row->name;
}

/* The code of the table name nearest to text: at distance 0, or (when limit > 0) at most limit
 * edits away and nearer than any other country's name. */
static bool nearest_country(const char *text, size_t limit, char code[3])
{
    char *folded = country_fold(text);
    if (folded == NULL || folded[0] == '\0') {
        free(folded);
        return false;
    }
    size_t best = limit + 1;
    const char *best_code = NULL;
    bool tie = false;
    for (size_t k = 0; k < N_COUNTRIES * NAMES_PER_COUNTRY + N_ALIASES && best > 0; k++) {
        const char *row_code;
        char *name = country_fold(table_name(k, &row_code));
        if (name == NULL)
            break;
        size_t distance = strcmp(name, folded) == 0 ? 0
                          : limit == 0              ? 1
                                                    : coopnet_i_names_distance(name, folded, limit);
        /* a short code is not near a name ("IQ" is not one edit from "IL"'s country) */
        if (distance > 0 && strlen(name) <= 3)
            distance = limit + 1;
        if (distance < best) {
            best = distance;
            best_code = row_code;
            tie = false;
        } else if (distance == best && best_code && strcmp(best_code, row_code) != 0) {
            tie = true;
        }
        free(name);
    }
    free(folded);
    if (best_code == NULL || best > limit || (tie && best > 0))
        return false;
    memcpy(code, best_code, 3);
    return true;
}

bool coopnet_country_from_name(const char *name, char code[3])
{
    return nearest_country(name, 0, code);
}

bool coopnet_i_country_suggest(const char *text, char code[3])
{
    size_t length = strlen(text);
    return nearest_country(text, length >= 8 ? 2 : length >= 4 ? 1 : 0, code);
}

const char *coopnet_i_country_iso_name(const char *code, coopnet_lang_t lang)
{
    for (size_t i = 0; i < N_COUNTRIES; i++)
        if (strcmp(country_names[i].code, code) == 0)
            return lang == COOPNET_LANG_FR   ? country_names[i].french
                   : lang == COOPNET_LANG_AR ? country_names[i].arabic
                                             : country_names[i].english;
    return NULL;
}
