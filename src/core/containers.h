/* SPDX-License-Identifier: GPL-3.0-or-later */
/* containers.h - the library's internal containers: a string arena and two hash maps.
 * Not installed. Every *_destroy accepts a zeroed or NULL object. */
#ifndef COOPNET_CONTAINERS_H
#define COOPNET_CONTAINERS_H

#include <stddef.h>
#include <stdint.h>

/* Arena: many small strings, freed together. */
typedef struct coopnet_arena_chunk coopnet_arena_chunk_t;
typedef struct coopnet_arena {
    coopnet_arena_chunk_t *chunks;
    size_t used, size; /* in the newest chunk */
} coopnet_arena_t;

void coopnet_i_arena_init(coopnet_arena_t *arena);
void coopnet_i_arena_destroy(coopnet_arena_t *arena);
/* A NUL-terminated copy of text[0..length) owned by the arena; NULL when out of memory. O(length).
 */
char *coopnet_i_arena_strndup(coopnet_arena_t *arena, const char *text, size_t length);
/* Moves the strings of from into arena (they live as long as arena now); from is left empty.
 * arena keeps filling its newest chunk. O(chunks of from). */
void coopnet_i_arena_adopt(coopnet_arena_t *arena, coopnet_arena_t *from);

/* String map: arena-owned or caller-owned keys (the map stores the pointer) to int64 values. */
#define COOPNET_STRMAP_HEAD 16
typedef struct coopnet_strmap_entry {
    const char *key; /* NULL: empty slot */
    int64_t value;
    /* the key's first COOPNET_STRMAP_HEAD bytes, zero-padded after its NUL: a key shorter than
     * that is compared here, in the slot's own cache line, without reading the key (a bundle's
     * ids are looked up a million times, each key elsewhere in memory). No hash is kept: 32
     * bytes an entry, two to a cache line and none across two (a table that grows hashes its
     * keys again) */
    char head[COOPNET_STRMAP_HEAD];
} coopnet_strmap_entry_t;

typedef struct coopnet_strmap {
    coopnet_strmap_entry_t *entries;
    size_t capacity, count;
} coopnet_strmap_t;

void coopnet_i_strmap_init(coopnet_strmap_t *map);
void coopnet_i_strmap_destroy(coopnet_strmap_t *map);
/* Value of key, or -1. O(1) expected. */
int64_t coopnet_i_strmap_get(const coopnet_strmap_t *map, const char *key);
/* Asks the processor to bring the slot where key[0..length) would be into its cache, so that a
 * get of it a little later does not wait for memory (a table of 100 000 ids is larger than the
 * caches near the core, and a bundle's lookups land anywhere in it). A hint: no effect on
 * results. O(length). */
void coopnet_i_strmap_prefetch(const coopnet_strmap_t *map, const char *key, size_t length);
/* Inserts key -> value unless key is present; *existing receives the old value or -1.
 * key must outlive the map. Returns 0, or -1 when out of memory. */
int coopnet_i_strmap_put(coopnet_strmap_t *map, const char *key, int64_t value, int64_t *existing);
/* Makes room for count keys in all, so that putting them does not grow the table step by step
 * (each step a new table, its pages cleared by the kernel, and every key moved). Returns 0, or -1
 * when out of memory (the map unchanged). */
int coopnet_i_strmap_reserve(coopnet_strmap_t *map, size_t count);

/* Integer map: uint64 keys (not UINT64_MAX) to int64 values. */
typedef struct coopnet_u64map {
    uint64_t *keys;
    int64_t *values;
    size_t capacity, count;
} coopnet_u64map_t;

void coopnet_i_u64map_init(coopnet_u64map_t *map);
void coopnet_i_u64map_destroy(coopnet_u64map_t *map);
int64_t coopnet_i_u64map_get(const coopnet_u64map_t *map, uint64_t key);
int coopnet_i_u64map_put(coopnet_u64map_t *map, uint64_t key, int64_t value, int64_t *existing);

uint64_t coopnet_i_hash_string(const char *text);

#endif
