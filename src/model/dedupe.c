/* SPDX-License-Identifier: GPL-3.0-or-later */
/* dedupe.c - likely duplicate actors, warned about (see coopnet/dedupe.h). */
#include "coopnet/dedupe.h"
#include "core/containers.h"
#include "core/internal.h"
#include "core/names.h"
#include "model/dedupe_internal.h"

#include <ctype.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* One name of an actor and its key. */
typedef struct name_entry {
    size_t actor;
    const char *name, *kind; /* kind: "name", "name_fr", "name_ar" or "alias" */
    const char *key;
} name_entry_t;

typedef struct dedupe {
    const coopnet_bundle_t *bundle;
    coopnet_arena_t strings;
    name_entry_t *entries;
    size_t n_entries, capacity;
    coopnet_strmap_t by_key_country, by_key, near;
    coopnet_u64map_t reported; /* actor pairs already reported */
    int (*found)(const coopnet_i_dedupe_pair_t *pair, void *context);
    void *context;
} dedupe_t;

static bool countries_differ(const coopnet_actor_t *a, const coopnet_actor_t *b)
{
    return a->country[0] && b->country[0] && strcmp(a->country, b->country) != 0;
}

/* Reports the pair of entries, once per pair of actors. */
static int warn(dedupe_t *dedupe, int64_t earlier, size_t later, size_t distance)
{
    if (earlier < 0)
        return COOPNET_OK;
    const name_entry_t *x = &dedupe->entries[earlier], *y = &dedupe->entries[later];
    if (x->actor == y->actor ||
        countries_differ(&dedupe->bundle->actors[x->actor], &dedupe->bundle->actors[y->actor]))
        return COOPNET_OK;
    if (distance > 0 && coopnet_i_names_distance(x->key, y->key, 1) > 1)
        return COOPNET_OK; /* two deletions meet, but the names are two edits apart */
    size_t low = x->actor < y->actor ? x->actor : y->actor;
    size_t high = x->actor < y->actor ? y->actor : x->actor;
    int64_t seen;
    if (coopnet_i_u64map_put(&dedupe->reported, (uint64_t)low << 32 | high, 0, &seen) != 0)
        return COOPNET_ENOMEM;
    if (seen >= 0)
        return COOPNET_OK;
    if (x->actor > y->actor) {
        const name_entry_t *swap = x;
        x = y;
        y = swap;
    }
    coopnet_i_dedupe_pair_t pair = {x->actor, y->actor, x->kind, x->name,
                                    y->kind,  y->name,  distance};
    return dedupe->found(&pair, dedupe->context);
}

static const char *joined(dedupe_t *dedupe, const char *prefix, const char *key, const char *suffix)
{
    size_t lengths[3] = {strlen(prefix), strlen(key), strlen(suffix)};
    size_t length = lengths[0] + lengths[1] + lengths[2];
    char buffer[256]; /* most names: no allocation beside the arena's */
    char *text = length < sizeof buffer ? buffer : malloc(length + 1);
    if (text == NULL)
        return NULL;
    memcpy(text, prefix, lengths[0]);
    memcpy(text + lengths[0], key, lengths[1]);
    memcpy(text + lengths[0] + lengths[1], suffix, lengths[2]);
    const char *kept = coopnet_i_arena_strndup(&dedupe->strings, text, length);
    if (text != buffer)
        free(text);
    return kept;
}

static bool ascii_key(const char *key)
{
    for (const char *p = key; *p; p++)
        if ((unsigned char)*p >= 0x80)
            return false;
    return true;
}

/* The one-letter search: keys one deletion apart share a deletion variant or are one. */
static int check_near(dedupe_t *dedupe, size_t entry)
{
    const char *key = dedupe->entries[entry].key;
    size_t length = strlen(key);
    if (length < 6 || !ascii_key(key))
        return COOPNET_OK;
    const char *as_key = joined(dedupe, "K", key, "");
    const char *as_variant = joined(dedupe, "D", key, "");
    if (as_key == NULL || as_variant == NULL)
        return COOPNET_ENOMEM;
    int status = warn(dedupe, coopnet_i_strmap_get(&dedupe->near, as_variant), entry, 1);
    char *variant = malloc(length + 2);
    if (variant == NULL)
        return COOPNET_ENOMEM;
    for (size_t i = 0; i < length && status == COOPNET_OK; i++) {
        if (isdigit((unsigned char)key[i]) || (i > 0 && key[i] == key[i - 1]))
            continue; /* a digit tells things apart; a doubled letter gives the same variant */
        variant[0] = 'D';
        memcpy(variant + 1, key, i);
        memcpy(variant + 1 + i, key + i + 1, length - i);
        const char *kept = coopnet_i_arena_strndup(&dedupe->strings, variant, length);
        if (kept == NULL) {
            status = COOPNET_ENOMEM;
            break;
        }
        variant[0] = 'K';
        int64_t shorter = coopnet_i_strmap_get(&dedupe->near, variant);
        int64_t sibling;
        if (coopnet_i_strmap_put(&dedupe->near, kept, (int64_t)entry, &sibling) != 0) {
            status = COOPNET_ENOMEM;
            break;
        }
        status = warn(dedupe, shorter, entry, 1);
        if (status == COOPNET_OK)
            status = warn(dedupe, sibling, entry, 1);
    }
    free(variant);
    if (status == COOPNET_OK && coopnet_i_strmap_put(&dedupe->near, as_key, (int64_t)entry, NULL))
        status = COOPNET_ENOMEM;
    return status;
}

/* A name made ready to be added: its copy, its key and the key with the actor's country and
 * without (key NULL: nothing to add, the name being empty or all generic words). */
typedef struct prepared_name {
    const char *name, *key, *with_country;
} prepared_name_t;

/* The key a name of an actor without a country is kept under (its key and the separator: the
 * start of with_country), in buffer when it fits, else in the arena; looked up only, never kept,
 * so that most take no memory. NULL when out of memory. */
static const char *without_country(dedupe_t *dedupe, const prepared_name_t *prepared, char *buffer,
                                   size_t size)
{
    size_t length = strlen(prepared->key);
    if (length + 2 > size)
        return joined(dedupe, prepared->key, "\x1f", "");
    memcpy(buffer, prepared->key, length);
    buffer[length] = '\x1f';
    buffer[length + 1] = '\0';
    return buffer;
}

static int prepare_name(dedupe_t *dedupe, size_t actor, const char *name, size_t length,
                        prepared_name_t *prepared)
{
    memset(prepared, 0, sizeof *prepared);
    while (length > 0 && (*name == ' ' || *name == '\t')) {
        name++;
        length--;
    }
    while (length > 0 && (name[length - 1] == ' ' || name[length - 1] == '\t'))
        length--;
    if (length == 0)
        return COOPNET_OK;
    /* a whole name (the bundle's, trimmed by the loader) is used where it is: it outlives the
     * search */
    const char *kept_name =
        name[length] == '\0' ? name : coopnet_i_arena_strndup(&dedupe->strings, name, length);
    char *key = kept_name ? coopnet_i_names_key(kept_name, true) : NULL;
    const char *kept_key = key ? coopnet_i_arena_strndup(&dedupe->strings, key, strlen(key)) : NULL;
    bool empty = key && key[0] == '\0';
    free(key);
    if (kept_key == NULL)
        return COOPNET_ENOMEM;
    if (empty)
        return COOPNET_OK;
    const char *country = dedupe->bundle->actors[actor].country;
    prepared->name = kept_name;
    prepared->key = kept_key;
    prepared->with_country = joined(dedupe, kept_key, "\x1f", country);
    if (prepared->with_country == NULL)
        return COOPNET_ENOMEM;
    return COOPNET_OK;
}

/* Fetches the slots that adding the prepared name will read into the cache, while the name
 * before is added (the maps of 100 000 names are larger than the caches near the core). */
static void prefetch_name(const dedupe_t *dedupe, size_t actor, const prepared_name_t *prepared)
{
    if (prepared->key == NULL)
        return;
    if (dedupe->bundle->actors[actor].country[0]) {
        coopnet_i_strmap_prefetch(&dedupe->by_key_country, prepared->with_country,
                                  strlen(prepared->with_country));
        size_t length = strlen(prepared->key) + 1; /* the key and its separator */
        coopnet_i_strmap_prefetch(&dedupe->by_key_country, prepared->with_country, length);
    }
    coopnet_i_strmap_prefetch(&dedupe->by_key, prepared->key, strlen(prepared->key));
}

static int apply_name(dedupe_t *dedupe, size_t actor, const prepared_name_t *prepared,
                      const char *kind)
{
    if (prepared->key == NULL)
        return COOPNET_OK;
    if (coopnet_i_grow((void **)&dedupe->entries, &dedupe->capacity, dedupe->n_entries + 1,
                       sizeof *dedupe->entries) != COOPNET_OK)
        return COOPNET_ENOMEM;
    size_t entry = dedupe->n_entries++;
    dedupe->entries[entry] = (name_entry_t){actor, prepared->name, kind, prepared->key};
    const char *with_country = prepared->with_country;
    int status;
    if (dedupe->bundle->actors[actor].country[0]) {
        char buffer[256];
        const char *without_key = without_country(dedupe, prepared, buffer, sizeof buffer);
        if (without_key == NULL)
            return COOPNET_ENOMEM;
        status =
            warn(dedupe, coopnet_i_strmap_get(&dedupe->by_key_country, with_country), entry, 0);
        if (status == COOPNET_OK)
            status =
                warn(dedupe, coopnet_i_strmap_get(&dedupe->by_key_country, without_key), entry, 0);
    } else {
        status = warn(dedupe, coopnet_i_strmap_get(&dedupe->by_key, prepared->key), entry, 0);
    }
    if (status == COOPNET_OK &&
        (coopnet_i_strmap_put(&dedupe->by_key_country, with_country, (int64_t)entry, NULL) != 0 ||
         coopnet_i_strmap_put(&dedupe->by_key, prepared->key, (int64_t)entry, NULL) != 0))
        status = COOPNET_ENOMEM;
    if (status == COOPNET_OK && dedupe->bundle->n_actors <= COOPNET_DEDUPE_NEAR_LIMIT)
        status = check_near(dedupe, entry);
    return status;
}

static int add_name(dedupe_t *dedupe, size_t actor, const char *name, size_t length,
                    const char *kind)
{
    prepared_name_t prepared;
    int status = prepare_name(dedupe, actor, name, length, &prepared);
    return status == COOPNET_OK ? apply_name(dedupe, actor, &prepared, kind) : status;
}

/* The file the actors come from, for the warnings. */
static const char *actors_file(const coopnet_bundle_t *bundle, char *buffer, size_t size)
{
    const char *path = bundle->path ? bundle->path : "";
    size_t length = strlen(path);
    bool graphml = (length > 8 && strcmp(path + length - 8, ".graphml") == 0) ||
                   (length > 4 && strcmp(path + length - 4, ".xml") == 0);
    if (!graphml)
        return "actors.csv";
    const char *slash = strrchr(path, '/');
    snprintf(buffer, size, "%s", slash ? slash + 1 : path);
    return buffer;
}

int coopnet_i_dedupe_pairs(const coopnet_bundle_t *bundle,
                           int (*found)(const coopnet_i_dedupe_pair_t *pair, void *context),
                           void *context)
{
    dedupe_t dedupe;
    memset(&dedupe, 0, sizeof dedupe);
    dedupe.bundle = bundle;
    dedupe.found = found;
    dedupe.context = context;
    coopnet_i_arena_init(&dedupe.strings);
    coopnet_i_strmap_init(&dedupe.by_key_country);
    coopnet_i_strmap_init(&dedupe.by_key);
    coopnet_i_strmap_init(&dedupe.near);
    /* a name each, the usual case; more (other languages, aliases) grow the maps */
    if (coopnet_i_strmap_reserve(&dedupe.by_key_country, bundle->n_actors) != 0 ||
        coopnet_i_strmap_reserve(&dedupe.by_key, bundle->n_actors) != 0) {
        coopnet_i_strmap_destroy(&dedupe.by_key_country);
        coopnet_i_strmap_destroy(&dedupe.by_key);
        return COOPNET_ENOMEM;
    }
    coopnet_i_u64map_init(&dedupe.reported);
    int status = COOPNET_OK;
    /* each actor's name is prepared one actor ahead, its slots fetched meanwhile */
    prepared_name_t next;
    memset(&next, 0, sizeof next);
    if (bundle->n_actors > 0)
        status =
            prepare_name(&dedupe, 0, bundle->actors[0].name, strlen(bundle->actors[0].name), &next);
    for (size_t a = 0; a < bundle->n_actors && status == COOPNET_OK; a++) {
        const coopnet_actor_t *actor = &bundle->actors[a];
        prepared_name_t current = next;
        if (a + 1 < bundle->n_actors) {
            const char *name = bundle->actors[a + 1].name;
            status = prepare_name(&dedupe, a + 1, name, strlen(name), &next);
            prefetch_name(&dedupe, a + 1, &next);
        }
        if (status == COOPNET_OK)
            status = apply_name(&dedupe, a, &current, "name");
        if (status == COOPNET_OK)
            status = add_name(&dedupe, a, actor->name_fr, strlen(actor->name_fr), "name_fr");
        if (status == COOPNET_OK)
            status = add_name(&dedupe, a, actor->name_ar, strlen(actor->name_ar), "name_ar");
        const char *aliases = coopnet_bundle_actor_attribute(bundle, a, "aliases");
        for (const char *p = aliases; p && *p && status == COOPNET_OK;) {
            size_t part = strcspn(p, "|;");
            status = add_name(&dedupe, a, p, part, "alias");
            p += part + (p[part] != '\0');
        }
    }
    free(dedupe.entries);
    coopnet_i_strmap_destroy(&dedupe.by_key_country);
    coopnet_i_strmap_destroy(&dedupe.by_key);
    coopnet_i_strmap_destroy(&dedupe.near);
    coopnet_i_u64map_destroy(&dedupe.reported);
    coopnet_i_arena_destroy(&dedupe.strings);
    return status;
}

typedef struct warning_context {
    const coopnet_bundle_t *bundle;
    coopnet_diag_list_t *diags;
    const char *file;
} warning_context_t;

void coopnet_i_dedupe_pair_reason(const coopnet_i_dedupe_pair_t *pair, char *reason, size_t size)
{
    char names[COOPNET_ERROR_MESSAGE_SIZE / 2];
    if (strcmp(pair->earlier_kind, "name") == 0 && strcmp(pair->later_kind, "name") == 0)
        snprintf(names, sizeof names, "the names");
    else
        snprintf(names, sizeof names, "its %s '%s' and the other's %s '%s'", pair->later_kind,
                 pair->later_name, pair->earlier_kind, pair->earlier_name);
    snprintf(reason, size, "%s %s", names,
             pair->distance == 0 ? "are equal once case, accents, generic words (municipality "
                                   "of, city of, ...) and word order are set aside"
                                 : "are one letter apart");
}

/* The warning of a pair, on the later actor's line. */
static int add_warning(const coopnet_i_dedupe_pair_t *pair, void *context)
{
    const warning_context_t *warning = context;
    const coopnet_actor_t *first = &warning->bundle->actors[pair->earlier];
    const coopnet_actor_t *second = &warning->bundle->actors[pair->later];
    char reason[COOPNET_ERROR_MESSAGE_SIZE];
    coopnet_i_dedupe_pair_reason(pair, reason, sizeof reason);
    coopnet_diag_add(warning->diags, COOPNET_DIAG_WARNING, warning->file, second->line,
                     "actor '%s' ('%s') may be the same as '%s' ('%s', line %llu): %s; if they "
                     "are one actor, merge the rows (keeping the other spellings in aliases)",
                     second->id, second->name, first->id, first->name,
                     (unsigned long long)first->line, reason);
    return COOPNET_OK;
}

int coopnet_dedupe_warn(const coopnet_bundle_t *bundle, coopnet_diag_list_t *diags,
                        coopnet_error_t *err)
{
    char file[256];
    warning_context_t context = {bundle, diags, actors_file(bundle, file, sizeof file)};
    if (coopnet_i_dedupe_pairs(bundle, add_warning, &context) != COOPNET_OK)
        return COOPNET_ERROR(err, COOPNET_ENOMEM, "out of memory looking for duplicate actors");
    return COOPNET_OK;
}
