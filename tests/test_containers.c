/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test_containers.c - the string map's reserve and prefetch, and the array reserve. */
#include "core/containers.h"
#include "core/internal.h"
#include "testing.h"

#include <stdio.h>
#include <stdlib.h>

/* Room made up front is used: putting the reserved count of keys does not grow the table, every
 * key is found, and a reserve after puts keeps what the map holds. */
static void test_strmap_reserve(void)
{
    enum { N = 5000 };
    static char keys[N][40];
    coopnet_strmap_t map;
    coopnet_i_strmap_init(&map);
    CHECK_INT(coopnet_i_strmap_reserve(&map, N), 0);
    size_t capacity = map.capacity;
    CHECK(capacity >= 2 * N);
    for (int i = 0; i < N; i++) {
        snprintf(keys[i], sizeof keys[i], i % 2 ? "k%d" : "a longer key, number %d", i);
        coopnet_i_strmap_prefetch(&map, keys[i], strlen(keys[i])); /* a hint: changes nothing */
        CHECK_INT(coopnet_i_strmap_put(&map, keys[i], i, NULL), 0);
    }
    CHECK_INT(map.capacity, capacity);
    CHECK_INT(coopnet_i_strmap_reserve(&map, 4 * N), 0);
    CHECK(map.capacity >= 8 * N);
    CHECK_INT(map.count, N);
    for (int i = 0; i < N; i++)
        CHECK_INT(coopnet_i_strmap_get(&map, keys[i]), i);
    CHECK_INT(coopnet_i_strmap_get(&map, "k0"), -1);
    CHECK_INT(coopnet_i_strmap_reserve(&map, 10), 0); /* never shrinks */
    CHECK(map.capacity >= 8 * N);
    coopnet_i_strmap_destroy(&map);

    coopnet_strmap_t empty;
    coopnet_i_strmap_init(&empty);
    coopnet_i_strmap_prefetch(&empty, "x", 1);
    CHECK_INT(coopnet_i_strmap_get(&empty, "x"), -1);
    coopnet_i_strmap_destroy(&empty);
}

static void test_array_reserve(void)
{
    int *values = NULL;
    size_t capacity = 0;
    CHECK_INT(coopnet_i_reserve((void **)&values, &capacity, 1000, sizeof *values), COOPNET_OK);
    CHECK_INT(capacity, 1000);
    for (int i = 0; i < 1000; i++)
        values[i] = i;
    CHECK_INT(coopnet_i_reserve((void **)&values, &capacity, 10, sizeof *values), COOPNET_OK);
    CHECK_INT(capacity, 1000);
    CHECK_INT(coopnet_i_grow((void **)&values, &capacity, 1001, sizeof *values), COOPNET_OK);
    CHECK(capacity >= 1001);
    CHECK_INT(values[999], 999);
    free(values);
}

int main(void)
{
    TEST_RUN(test_strmap_reserve);
    TEST_RUN(test_array_reserve);
    return TEST_DONE();
}
