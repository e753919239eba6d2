/* SPDX-License-Identifier: GPL-3.0-or-later */
/* random.h - internal: the library's own random generator, xoshiro256** seeded by splitmix64, so
 * that a seed gives the same stream on every run, machine and igraph build. Header-only. */
#ifndef COOPNET_RANDOM_H
#define COOPNET_RANDOM_H

#include <stdint.h>

typedef struct coopnet_i_random {
    uint64_t s[4];
} coopnet_i_random_t;

/* One step of splitmix64: advances *x and returns a well-mixed 64-bit value. */
static inline uint64_t coopnet_i_splitmix64(uint64_t *x)
{
    uint64_t z = (*x += 0x9e3779b97f4a7c15ULL);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    return z ^ (z >> 31);
}

static inline void coopnet_i_random_seed(coopnet_i_random_t *random, uint64_t seed)
{
    for (int i = 0; i < 4; i++)
        random->s[i] = coopnet_i_splitmix64(&seed);
}

/* A stream of its own for item number index under seed (a sample, a component): the stream does
 * not depend on which thread draws it or in which order. */
static inline void coopnet_i_random_seed_item(coopnet_i_random_t *random, uint64_t seed,
                                              uint64_t index)
{
    uint64_t mixed = seed;
    uint64_t first = coopnet_i_splitmix64(&mixed);
    coopnet_i_random_seed(random, first ^ (index * 0xd1b54a32d192ed03ULL));
}

static inline uint64_t coopnet_i_random_rotl(uint64_t x, int k)
{
    return (x << k) | (x >> (64 - k));
}

static inline uint64_t coopnet_i_random_next(coopnet_i_random_t *random)
{
    uint64_t *s = random->s;
    uint64_t result = coopnet_i_random_rotl(s[1] * 5, 7) * 9;
    uint64_t t = s[1] << 17;
    s[2] ^= s[0];
    s[3] ^= s[1];
    s[1] ^= s[2];
    s[0] ^= s[3];
    s[2] ^= t;
    s[3] = coopnet_i_random_rotl(s[3], 45);
    return result;
}

/* Uniform in [0, 1). */
static inline double coopnet_i_random_uniform(coopnet_i_random_t *random)
{
    return (double)(coopnet_i_random_next(random) >> 11) * 0x1.0p-53;
}

/* Uniform in [0, n), n > 0, by Lemire's multiply-shift with rejection: exactly uniform. */
static inline uint64_t coopnet_i_random_below(coopnet_i_random_t *random, uint64_t n)
{
    unsigned __int128 product = (unsigned __int128)coopnet_i_random_next(random) * n;
    uint64_t low = (uint64_t)product;
    if (low < n) {
        uint64_t threshold = -n % n;
        while (low < threshold) {
            product = (unsigned __int128)coopnet_i_random_next(random) * n;
            low = (uint64_t)product;
        }
    }
    return (uint64_t)(product >> 64);
}

#endif
