/* SPDX-License-Identifier: GPL-3.0-or-later */
/* gazetteer.c - places by name from Debian's libgeonames (see model/gazetteer_internal.h).
 *
 * libgeonames answers queries by prefix and with its own ranking, and translates names through
 * gettext when the program's locale asks; a lookup that must never guess reads every place once
 * instead (geonames_get_city) under the C locale and keeps its own sorted index of name keys per
 * country. */
#define _GNU_SOURCE /* uselocale, newlocale */
#include "model/gazetteer_internal.h"

#include "core/internal.h"
#include "core/containers.h"
#include "core/names.h"

#include <ctype.h>
#include <geonames.h>
#include <locale.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

/* Spellings of places in the countries of coopnet's data that the gazetteer writes otherwise:
 * transliterations (Ajloun/Adjlun), French or local names (Saida/Sidon, Tanger/Tangier), forms
 * without the article the gazetteer has (Hilla/Al Hillah). The right-hand side is the gazetteer's
 * spelling; both sides are compared by their keys. Tal Afar has entries although the gazetteer
 * (GeoNames' cities as Debian ships them) lacks the place, so that the day it has it, it is
 * found. */
static const struct {
    const char *country, *spelling, *gazetteer;
} place_aliases[] = {
    {"IQ", "Tel Afar", "Tall Afar"},
    {"IQ", "Tal Afar", "Tall Afar"},
    {"IQ", "Basrah", "Basra"},
    {"IQ", "Arbil", "Erbil"},
    {"IQ", "Hawler", "Erbil"},
    {"IQ", "Sulaimaniya", "Sulaymaniyah"},
    {"IQ", "Sulaimani", "Sulaymaniyah"},
    {"IQ", "Slemani", "Sulaymaniyah"},
    {"IQ", "Dohuk", "Duhok"},
    {"IQ", "Dahuk", "Duhok"},
    {"IQ", "Baquba", "Baqubah"},
    {"IQ", "Kerbala", "Karbala"},
    {"IQ", "Amarah", "Amara"},
    {"IQ", "Hilla", "Al Hillah"},
    {"IQ", "Nasiriya", "Nasiriyah"},
    {"IQ", "Falluja", "Fallujah"},
    {"IQ", "Samawa", "As Samawah"},
    {"IQ", "Diwaniya", "Ad Diwaniyah"},
    {"JO", "Ajloun", "Adjlun"},
    {"JO", "Ajlun", "Adjlun"},
    {"JO", "Kerak", "Karak"},
    {"JO", "Tafileh", "At Tafilah"},
    {"JO", "Tafila", "At Tafilah"},
    {"JO", "Rusaifa", "Russeifa"},
    {"LB", "Saida", "Sidon"},
    {"LB", "Sayda", "Sidon"},
    {"LB", "Sour", "Tyre"},
    {"LB", "Sur", "Tyre"},
    {"LB", "Zahleh", "Zahle"},
    {"LB", "Jbeil", "Byblos"},
    {"LB", "Beyrouth", "Beirut"},
    {"LB", "Trablous", "Tripoli"},
    {"LB", "Tarablus", "Tripoli"},
    {"LB", "Nabatieh", "Nabatiye et Tahta"},
    {"LY", "Sebha", "Sabha"},
    {"LY", "Misrata", "Misratah"},
    {"LY", "Misurata", "Misratah"},
    {"LY", "Derna", "Darnah"},
    {"LY", "Khoms", "Al Khums"},
    {"MA", "Marrakech", "Marrakesh"},
    {"MA", "Tanger", "Tangier"},
    {"MA", "Fez", "Fes"},
    {"TN", "Ariana", "Aryanah"},
};
#define N_PLACE_ALIASES (sizeof place_aliases / sizeof place_aliases[0])

/* Folded Arabic articles, written apart in transliterations (Al Hillah, Ar Ramtha, El Kef). */
static const char *const article_words[] = {"al", "el", "ar",  "as",  "ad",  "an",
                                            "at", "az", "ash", "ath", "adh", "es",
                                            "ed", "er", "ez",  "en",  "ech", NULL};

/* Folded words that name a municipality as such, left out of a name read as a place. */
static const char *const municipality_words[] = {
    "municipality",
    "municipal",
    "municipalite",
    "municipio",
    "city",
    "town",
    "commune",
    "ville",
    "mairie",
    "baladiya",
    "baladiyah",
    "baladia",
    "greater",
    "council",
    "\xd8\xa8\xd9\x84\xd8\xaf\xd9\x8a\xd9\x87" /* بلديه */,
    NULL};
static const char *const connecting_words[] = {"of", "the", "de", "du", "des",
                                               "la", "d",   "l",  NULL};

typedef struct entry {
    coopnet_gazetteer_place_t place;
    const char *key, *article_key; /* arena strings */
} entry_t;

struct coopnet_gazetteer {
    coopnet_arena_t strings;
    entry_t *entries;
    size_t n_entries;
    size_t *by_key, *by_article_key; /* entry indices sorted by (country, key) */
    const char **alias_keys;         /* the key of each place_aliases[].spelling */
};

static bool in_list(const char *word, const char *const *list)
{
    for (size_t i = 0; list[i]; i++)
        if (strcmp(word, list[i]) == 0)
            return true;
    return false;
}

/* Apostrophes and the letters transliterations use for hamza and ayn, which people leave out
 * (Ma'an, Maan; ‘Anah, Anah): removed before folding rather than made into a space. */
static size_t apostrophe_length(const char *p)
{
    static const char *const marks[] = {"'",
                                        "`",
                                        "\xc2\xb4" /* ´ */,
                                        "\xca\xbb" /* ʻ */,
                                        "\xca\xbc" /* ʼ */,
                                        "\xca\xbe" /* ʾ */,
                                        "\xca\xbf" /* ʿ */,
                                        "\xe2\x80\x98" /* ‘ */,
                                        "\xe2\x80\x99" /* ’ */,
                                        NULL};
    for (size_t i = 0; marks[i]; i++)
        if (strncmp(p, marks[i], strlen(marks[i])) == 0)
            return strlen(marks[i]);
    return 0;
}

/* The key a place name is compared by: coopnet_i_names_key of the name without apostrophes. */
static char *place_key(const char *name)
{
    char *plain = malloc(strlen(name) + 1);
    if (plain == NULL)
        return NULL;
    size_t length = 0;
    for (const char *p = name; *p;) {
        size_t skip = apostrophe_length(p);
        if (skip > 0) {
            p += skip;
            continue;
        }
        plain[length++] = *p++;
    }
    plain[length] = '\0';
    char *key = coopnet_i_names_key(plain, true);
    free(plain);
    return key;
}

/* key without its article words (in place; the words stay sorted). */
static void drop_articles(char *key)
{
    char *out = key;
    char *state = NULL;
    bool first = true;
    for (char *word = strtok_r(key, " ", &state); word; word = strtok_r(NULL, " ", &state)) {
        if (in_list(word, article_words))
            continue;
        size_t length = strlen(word);
        if (!first)
            *out++ = ' ';
        memmove(out, word, length);
        out += length;
        first = false;
    }
    *out = '\0';
}

static const char *sort_key(const entry_t *entry, bool by_article)
{
    return by_article ? entry->article_key : entry->key;
}

static int compare_to(const entry_t *entry, const char *country, const char *key, bool by_article)
{
    int order = strcmp(entry->place.country, country);
    return order != 0 ? order : strcmp(sort_key(entry, by_article), key);
}

typedef struct sort_context {
    const entry_t *entries;
    bool by_article;
} sort_context_t;

static int compare_entries(const void *a, const void *b, void *context_pointer)
{
    const sort_context_t *context = context_pointer;
    const entry_t *x = &context->entries[*(const size_t *)a];
    const entry_t *y = &context->entries[*(const size_t *)b];
    int order =
        compare_to(x, y->place.country, sort_key(y, context->by_article), context->by_article);
    if (order != 0)
        return order;
    return *(const size_t *)a < *(const size_t *)b ? -1 : 1; /* stable: the gazetteer's order */
}

const char *coopnet_i_gazetteer_origin(void)
{
    return "GeoNames cities (Debian's libgeonames)";
}

size_t coopnet_i_gazetteer_size(const coopnet_gazetteer_t *gazetteer)
{
    return gazetteer->n_entries;
}

void coopnet_i_gazetteer_free(coopnet_gazetteer_t *gazetteer)
{
    if (gazetteer == NULL)
        return;
    coopnet_i_arena_destroy(&gazetteer->strings);
    free(gazetteer->entries);
    free(gazetteer->by_key);
    free(gazetteer->by_article_key);
    free(gazetteer->alias_keys);
    free(gazetteer);
}

static const char *keep(coopnet_gazetteer_t *gazetteer, const char *text)
{
    return coopnet_i_arena_strndup(&gazetteer->strings, text ? text : "", text ? strlen(text) : 0);
}

/* Reads place index into *entry; false when memory ran out. */
static bool read_place(coopnet_gazetteer_t *gazetteer, int index, entry_t *entry)
{
    GeonamesCity *city = geonames_get_city(index);
    if (city == NULL)
        return true; /* skipped: entry->key stays NULL */
    const char *country = geonames_city_get_country_code(city);
    bool ok = true;
    if (country != NULL && strlen(country) == 2) {
        entry->place.country[0] = (char)toupper((unsigned char)country[0]);
        entry->place.country[1] = (char)toupper((unsigned char)country[1]);
        entry->place.country[2] = '\0';
        entry->place.name = keep(gazetteer, geonames_city_get_name(city));
        entry->place.state = keep(gazetteer, geonames_city_get_state(city));
        entry->place.lat = geonames_city_get_latitude(city);
        entry->place.lon = geonames_city_get_longitude(city);
        entry->place.population = geonames_city_get_population(city);
        char *key = entry->place.name ? place_key(entry->place.name) : NULL;
        entry->key = key ? keep(gazetteer, key) : NULL;
        if (key != NULL)
            drop_articles(key);
        entry->article_key = key ? keep(gazetteer, key) : NULL;
        free(key);
        ok = entry->place.name && entry->place.state && entry->key && entry->article_key;
    }
    geonames_city_free(city);
    return ok;
}

int coopnet_i_gazetteer_open(coopnet_gazetteer_t **result, coopnet_error_t *err)
{
    *result = NULL;
    coopnet_gazetteer_t *gazetteer = calloc(1, sizeof *gazetteer);
    if (gazetteer == NULL)
        return COOPNET_ERROR(err, COOPNET_ENOMEM, "out of memory reading the gazetteer");
    coopnet_i_arena_init(&gazetteer->strings);
    int n_places = geonames_get_n_cities();
    if (n_places <= 0) {
        coopnet_i_gazetteer_free(gazetteer);
        return COOPNET_ERROR(err, COOPNET_EIO,
                             "the gazetteer has no places (is Debian's libgeonames0 complete?)");
    }
    gazetteer->entries = coopnet_i_alloc_array((size_t)n_places, sizeof *gazetteer->entries);
    gazetteer->by_key = coopnet_i_alloc_array((size_t)n_places, sizeof *gazetteer->by_key);
    gazetteer->by_article_key =
        coopnet_i_alloc_array((size_t)n_places, sizeof *gazetteer->by_article_key);
    gazetteer->alias_keys = coopnet_i_alloc_array(N_PLACE_ALIASES, sizeof *gazetteer->alias_keys);
    bool ok = gazetteer->entries && gazetteer->by_key && gazetteer->by_article_key &&
              gazetteer->alias_keys;
    /* names as the data has them, never translated by the caller's locale */
    locale_t c_locale = newlocale(LC_ALL_MASK, "C", (locale_t)0);
    locale_t previous = c_locale != (locale_t)0 ? uselocale(c_locale) : (locale_t)0;
    for (int i = 0; ok && i < n_places; i++) {
        entry_t *entry = &gazetteer->entries[gazetteer->n_entries];
        memset(entry, 0, sizeof *entry);
        ok = read_place(gazetteer, i, entry);
        if (ok && entry->key != NULL)
            gazetteer->n_entries++;
    }
    if (c_locale != (locale_t)0) {
        uselocale(previous);
        freelocale(c_locale);
    }
    for (size_t a = 0; ok && a < N_PLACE_ALIASES; a++) {
        char *key = place_key(place_aliases[a].spelling);
        gazetteer->alias_keys[a] = key ? keep(gazetteer, key) : NULL;
        ok = gazetteer->alias_keys[a] != NULL;
        free(key);
    }
    if (!ok) {
        coopnet_i_gazetteer_free(gazetteer);
        return COOPNET_ERROR(err, COOPNET_ENOMEM, "out of memory reading the gazetteer");
    }
    for (size_t i = 0; i < gazetteer->n_entries; i++)
        gazetteer->by_key[i] = gazetteer->by_article_key[i] = i;
    sort_context_t by_name = {gazetteer->entries, false}, by_article = {gazetteer->entries, true};
    qsort_r(gazetteer->by_key, gazetteer->n_entries, sizeof *gazetteer->by_key, compare_entries,
            &by_name);
    qsort_r(gazetteer->by_article_key, gazetteer->n_entries, sizeof *gazetteer->by_article_key,
            compare_entries, &by_article);
    *result = gazetteer;
    return COOPNET_OK;
}

/* Collects the places of country whose key (or article key) is key into match; returns how many
 * there are. */
static size_t collect(const coopnet_gazetteer_t *gazetteer, const char *country, const char *key,
                      bool by_article, coopnet_gazetteer_match_t *match)
{
    const size_t *index = by_article ? gazetteer->by_article_key : gazetteer->by_key;
    size_t low = 0, high = gazetteer->n_entries;
    while (low < high) { /* the first entry not before (country, key) */
        size_t middle = low + (high - low) / 2;
        if (compare_to(&gazetteer->entries[index[middle]], country, key, by_article) < 0)
            low = middle + 1;
        else
            high = middle;
    }
    coopnet_gazetteer_place_t kept[COOPNET_GAZETTEER_MAX_CANDIDATES];
    size_t n_kept = 0, n_found = 0;
    for (size_t i = low; i < gazetteer->n_entries &&
                         compare_to(&gazetteer->entries[index[i]], country, key, by_article) == 0;
         i++) {
        /* the most populous kept, in order of population (ties: the gazetteer's order) */
        const coopnet_gazetteer_place_t *place = &gazetteer->entries[index[i]].place;
        n_found++;
        size_t at = n_kept;
        while (at > 0 && kept[at - 1].population < place->population)
            at--;
        if (at == COOPNET_GAZETTEER_MAX_CANDIDATES)
            continue;
        if (n_kept < COOPNET_GAZETTEER_MAX_CANDIDATES)
            n_kept++;
        memmove(&kept[at + 1], &kept[at], (n_kept - 1 - at) * sizeof *kept);
        kept[at] = *place;
    }
    if (n_found > 0) {
        memcpy(match->candidates, kept, n_kept * sizeof *kept);
        match->n_candidates = n_kept;
        match->n_found = n_found;
    }
    return n_found;
}

int coopnet_i_gazetteer_lookup(const coopnet_gazetteer_t *gazetteer, const char *place,
                               const char *country, coopnet_gazetteer_match_t *match)
{
    memset(match, 0, sizeof *match);
    match->outcome = COOPNET_GAZETTEER_UNFOUND;
    char code[3] = {0};
    if (country == NULL || strlen(country) != 2)
        return COOPNET_OK;
    code[0] = (char)toupper((unsigned char)country[0]);
    code[1] = (char)toupper((unsigned char)country[1]);
    char *key = place_key(place);
    if (key == NULL)
        return COOPNET_ENOMEM;
    int status = COOPNET_OK;
    if (key[0] == '\0')
        goto cleanup;
    if (collect(gazetteer, code, key, false, match) > 0) {
        match->step = COOPNET_GAZETTEER_BY_NAME;
    } else {
        for (size_t a = 0; a < N_PLACE_ALIASES && match->n_found == 0; a++) {
            if (strcmp(place_aliases[a].country, code) != 0 ||
                strcmp(gazetteer->alias_keys[a], key) != 0)
                continue;
            char *target = place_key(place_aliases[a].gazetteer);
            if (target == NULL) {
                status = COOPNET_ENOMEM;
                goto cleanup;
            }
            match->alias = place_aliases[a].gazetteer; /* named even when not found */
            if (collect(gazetteer, code, target, false, match) > 0)
                match->step = COOPNET_GAZETTEER_BY_ALIAS;
            free(target);
        }
        if (match->n_found == 0) {
            match->step = COOPNET_GAZETTEER_BY_ARTICLE;
            drop_articles(key);
            if (key[0] != '\0')
                collect(gazetteer, code, key, true, match);
        }
    }
    if (match->n_found == 1 ||
        (match->n_found > 1 &&
         (double)match->candidates[0].population >=
             COOPNET_GAZETTEER_CLEAR_RATIO * (double)match->candidates[1].population))
        match->outcome = COOPNET_GAZETTEER_FOUND;
    else if (match->n_found > 1)
        match->outcome = COOPNET_GAZETTEER_AMBIGUOUS;

cleanup:
    free(key);
    return status;
}

char *coopnet_i_gazetteer_place_from_name(const char *name)
{
    size_t length = strlen(name);
    char *copy = strdup(name), *place = malloc(length + 1);
    if (copy == NULL || place == NULL) {
        free(copy);
        free(place);
        return NULL;
    }
    size_t used = 0;
    bool after_generic = false;
    char *state = NULL;
    for (char *word = strtok_r(copy, " \t", &state); word; word = strtok_r(NULL, " \t", &state)) {
        char *folded = coopnet_i_names_fold(word);
        if (folded == NULL) {
            free(copy);
            free(place);
            return NULL;
        }
        bool generic = in_list(folded, municipality_words);
        bool connecting = after_generic && in_list(folded, connecting_words);
        free(folded);
        if (generic || connecting) {
            after_generic = true;
            continue;
        }
        after_generic = false;
        size_t word_length = strlen(word);
        if (used > 0)
            place[used++] = ' ';
        memcpy(place + used, word, word_length);
        used += word_length;
    }
    place[used] = '\0';
    free(copy);
    if (used == 0) { /* only generic words ("City"): the name itself */
        free(place);
        return strdup(name);
    }
    return place;
}
