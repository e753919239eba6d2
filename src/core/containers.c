/* SPDX-License-Identifier: GPL-3.0-or-later */
/* containers.c - string arena and hash maps (see containers.h). */
#include "core/containers.h"
#include "core/internal.h"

#include <stdlib.h>
#include <string.h>

#define ARENA_CHUNK ((size_t)1 << 20)
#define ARENA_CHUNK_MAX ((size_t)16 << 20)

struct coopnet_arena_chunk {
    coopnet_arena_chunk_t *next;
    char data[];
};

void coopnet_i_arena_init(coopnet_arena_t *arena)
{
    memset(arena, 0, sizeof *arena);
}

void coopnet_i_arena_destroy(coopnet_arena_t *arena)
{
    if (arena == NULL)
        return;
    coopnet_arena_chunk_t *chunk = arena->chunks;
    while (chunk) {
        coopnet_arena_chunk_t *next = chunk->next;
        free(chunk);
        chunk = next;
    }
    memset(arena, 0, sizeof *arena);
}

char *coopnet_i_arena_strndup(coopnet_arena_t *arena, const char *text, size_t length)
{
    static char empty[1];
    if (length == 0)
        return empty;
    if (arena->chunks == NULL || arena->used + length + 1 > arena->size) {
        /* chunks double up to ARENA_CHUNK_MAX, so that a large bundle's strings take a few
         * large blocks (with huge pages) and a small one's a megabyte */
        size_t next = arena->chunks == NULL            ? ARENA_CHUNK
                      : arena->size >= ARENA_CHUNK_MAX ? ARENA_CHUNK_MAX
                                                       : 2 * arena->size;
        size_t size = length + 1 > next ? length + 1 : next;
        coopnet_arena_chunk_t *chunk = malloc(sizeof *chunk + size);
        if (chunk == NULL)
            return NULL;
        coopnet_i_advise_huge(chunk, sizeof *chunk + size);
        chunk->next = arena->chunks;
        arena->chunks = chunk;
        arena->used = 0;
        arena->size = size;
    }
    char *copy = arena->chunks->data + arena->used;
    memcpy(copy, text, length);
    copy[length] = '\0';
    arena->used += length + 1;
    return copy;
}

void coopnet_i_arena_adopt(coopnet_arena_t *arena, coopnet_arena_t *from)
{
    if (from->chunks == NULL)
        return;
    if (arena->chunks == NULL) {
        *arena = *from;
    } else {
        coopnet_arena_chunk_t *last = from->chunks;
        while (last->next)
            last = last->next;
        last->next =
            arena->chunks->next; /* behind arena's newest chunk, which stays the open one */
        arena->chunks->next = from->chunks;
    }
    memset(from, 0, sizeof *from);
}

uint64_t coopnet_i_hash_string(const char *text)
{
    uint64_t hash = 1469598103934665603ULL; /* FNV-1a */
    for (const unsigned char *p = (const unsigned char *)text; *p; p++) {
        hash ^= *p;
        hash *= 1099511628211ULL;
    }
    return hash;
}

void coopnet_i_strmap_init(coopnet_strmap_t *map)
{
    memset(map, 0, sizeof *map);
}

void coopnet_i_strmap_destroy(coopnet_strmap_t *map)
{
    if (map == NULL)
        return;
    free(map->entries);
    memset(map, 0, sizeof *map);
}

/* A finaliser for the table slot: FNV-1a's low bits depend on the input only through
 * multiplications by 0x1b3, so ids that differ in their last characters (a000123, a000124)
 * crowd into a few runs of slots and linear probing degrades; mixed, they spread. */
static uint64_t mix64(uint64_t x)
{
    x ^= x >> 33;
    x *= 0xff51afd7ed558ccdULL;
    x ^= x >> 33;
    x *= 0xc4ceb9fe1a85ec53ULL;
    x ^= x >> 33;
    return x;
}

/* A key as the map compares it: its hash, length and head (see coopnet_strmap_entry_t). */
typedef struct strmap_probe {
    const char *key;
    size_t length;
    uint64_t hash;
    char head[COOPNET_STRMAP_HEAD];
} strmap_probe_t;

static void strmap_probe_init(strmap_probe_t *probe, const char *key)
{
    uint64_t hash = 1469598103934665603ULL; /* FNV-1a, as coopnet_i_hash_string */
    const unsigned char *p = (const unsigned char *)key;
    for (; *p; p++) {
        hash ^= *p;
        hash *= 1099511628211ULL;
    }
    probe->key = key;
    probe->length = (size_t)((const char *)p - key);
    probe->hash = hash;
    memset(probe->head, 0, sizeof probe->head);
    memcpy(probe->head, key,
           probe->length < COOPNET_STRMAP_HEAD ? probe->length : COOPNET_STRMAP_HEAD);
}

static int strmap_matches(const coopnet_strmap_entry_t *entry, const strmap_probe_t *probe)
{
    if (memcmp(entry->head, probe->head, COOPNET_STRMAP_HEAD) != 0)
        return 0;
    /* equal heads: both keys are the same short key, or both are at least a head long */
    return probe->length < COOPNET_STRMAP_HEAD ||
           strcmp(entry->key + COOPNET_STRMAP_HEAD, probe->key + COOPNET_STRMAP_HEAD) == 0;
}

static size_t strmap_slot(const coopnet_strmap_entry_t *entries, size_t capacity,
                          const strmap_probe_t *probe)
{
    size_t mask = capacity - 1;
    size_t slot = (size_t)mix64(probe->hash) & mask;
    while (entries[slot].key != NULL && !strmap_matches(&entries[slot], probe))
        slot = (slot + 1) & mask;
    return slot;
}

void coopnet_i_strmap_prefetch(const coopnet_strmap_t *map, const char *key, size_t length)
{
    if (map->capacity == 0)
        return;
    uint64_t hash = 1469598103934665603ULL; /* as strmap_probe_init */
    for (size_t i = 0; i < length; i++) {
        hash ^= (unsigned char)key[i];
        hash *= 1099511628211ULL;
    }
    __builtin_prefetch(&map->entries[(size_t)mix64(hash) & (map->capacity - 1)]);
}

int64_t coopnet_i_strmap_get(const coopnet_strmap_t *map, const char *key)
{
    if (map->capacity == 0)
        return -1;
    strmap_probe_t probe;
    strmap_probe_init(&probe, key);
    size_t slot = strmap_slot(map->entries, map->capacity, &probe);
    return map->entries[slot].key ? map->entries[slot].value : -1;
}

/* Moves the entries into a table of capacity slots (a power of two, more than twice the count). */
static int strmap_rehash(coopnet_strmap_t *map, size_t capacity)
{
    coopnet_strmap_entry_t *entries = calloc(capacity, sizeof *entries);
    if (entries == NULL)
        return -1;
    coopnet_i_advise_huge(entries, capacity * sizeof *entries);
    size_t mask = capacity - 1;
    for (size_t i = 0; i < map->capacity; i++) {
        if (map->entries[i].key == NULL)
            continue;
        /* the keys are distinct: the first free slot */
        size_t slot = (size_t)mix64(coopnet_i_hash_string(map->entries[i].key)) & mask;
        while (entries[slot].key != NULL)
            slot = (slot + 1) & mask;
        entries[slot] = map->entries[i];
    }
    free(map->entries);
    map->entries = entries;
    map->capacity = capacity;
    return 0;
}

int coopnet_i_strmap_reserve(coopnet_strmap_t *map, size_t count)
{
    size_t capacity = map->capacity ? map->capacity : 64;
    while ((count + 1) * 2 > capacity) {
        if (capacity > SIZE_MAX / 4 / sizeof *map->entries)
            return -1;
        capacity *= 2;
    }
    return capacity > map->capacity ? strmap_rehash(map, capacity) : 0;
}

int coopnet_i_strmap_put(coopnet_strmap_t *map, const char *key, int64_t value, int64_t *existing)
{
    if ((map->count + 1) * 2 > map->capacity &&
        strmap_rehash(map, map->capacity ? map->capacity * 2 : 64) != 0)
        return -1;
    strmap_probe_t probe;
    strmap_probe_init(&probe, key);
    size_t slot = strmap_slot(map->entries, map->capacity, &probe);
    if (map->entries[slot].key != NULL) {
        if (existing)
            *existing = map->entries[slot].value;
        return 0;
    }
    if (existing)
        *existing = -1;
    coopnet_strmap_entry_t *entry = &map->entries[slot];
    entry->key = key;
    entry->value = value;
    memcpy(entry->head, probe.head, sizeof entry->head);
    map->count++;
    return 0;
}

void coopnet_i_u64map_init(coopnet_u64map_t *map)
{
    memset(map, 0, sizeof *map);
}

void coopnet_i_u64map_destroy(coopnet_u64map_t *map)
{
    if (map == NULL)
        return;
    free(map->keys);
    free(map->values);
    memset(map, 0, sizeof *map);
}

static size_t u64map_slot(const uint64_t *keys, size_t capacity, uint64_t key)
{
    size_t mask = capacity - 1;
    size_t slot = (size_t)mix64(key) & mask;
    while (keys[slot] != UINT64_MAX && keys[slot] != key)
        slot = (slot + 1) & mask;
    return slot;
}

int64_t coopnet_i_u64map_get(const coopnet_u64map_t *map, uint64_t key)
{
    if (map->capacity == 0)
        return -1;
    size_t slot = u64map_slot(map->keys, map->capacity, key);
    return map->keys[slot] == key ? map->values[slot] : -1;
}

int coopnet_i_u64map_put(coopnet_u64map_t *map, uint64_t key, int64_t value, int64_t *existing)
{
    if ((map->count + 1) * 2 > map->capacity) {
        size_t capacity = map->capacity ? map->capacity * 2 : 1024;
        uint64_t *keys = malloc(capacity * sizeof *keys);
        int64_t *values = malloc(capacity * sizeof *values);
        if (keys == NULL || values == NULL) {
            free(keys);
            free(values);
            return -1;
        }
        memset(keys, 0xFF, capacity * sizeof *keys);
        for (size_t i = 0; i < map->capacity; i++) {
            if (map->keys[i] == UINT64_MAX)
                continue;
            size_t slot = u64map_slot(keys, capacity, map->keys[i]);
            keys[slot] = map->keys[i];
            values[slot] = map->values[i];
        }
        free(map->keys);
        free(map->values);
        map->keys = keys;
        map->values = values;
        map->capacity = capacity;
    }
    size_t slot = u64map_slot(map->keys, map->capacity, key);
    if (map->keys[slot] == key) {
        if (existing)
            *existing = map->values[slot];
        return 0;
    }
    if (existing)
        *existing = -1;
    map->keys[slot] = key;
    map->values[slot] = value;
    map->count++;
    return 0;
}
