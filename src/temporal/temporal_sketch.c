/* SPDX-License-Identifier: GPL-3.0-or-later */
/* temporal_sketch.c - reach from every source at once, estimated with HyperLogLog sketches.
 *
 * Each actor carries a sketch of a set of actors: 2^p registers, each holding the "smallest"
 * element of the set that hashes to it, as one 32-bit word that compares like the element's
 * key and then its arrival:
 *
 *     bits 31..26  63 - rho   rho = 1 + leading zeros of the hash after its p bucket bits,
 *                             so the smallest word holds the largest rho (HyperLogLog's
 *                             register); 63 (the empty word) means an empty register
 *     bits 25..16  tie-break  ten more hash bits, so that one element wins a register
 *     bits 15..0   arrival    backward pass: the index of the day that element is first
 *                             reached; ARRIVAL_SELF for the actor's own element
 *
 * The union of two sketches is the register-wise minimum. Because the key of a register is a
 * fixed function of the element, the element left in a non-empty register is a uniform sample
 * of the set's elements that hash there, with its arrival: the closeness estimate averages
 * 1/tau over those samples.
 *
 * Forward pass (in-reach): the sketch of b is the set of sources that have reached b; in date
 * order a contact's senders' sketches (of the day before) join its receivers' pending rows,
 * which join the state when the day ends, exactly like the exact bitset pass.
 *
 * Backward pass (out-reach, closeness): the sketch of a is the set of actors a reaches with
 * the contacts after the current day; in reverse date order a contact's receivers' sketches
 * (of the day after), each with the receiver itself stamped with today, join its senders'
 * pending rows. A receiver informed today can pass on only after today, so reading the state of
 * the day after is what keeps same-day contacts from chaining; an actor's earliest arrival from
 * a over contacts from day d on is the minimum of its arrival over later contacts and of the
 * arrivals through today's contacts, which is what the register-wise minimum keeps.
 *
 * Repeats: in the possible reading a contact dated only to a range (an undated tie spans the
 * whole window) has an entry on every day of it, and the takers already hold what its givers
 * gave the day before. What they give today differs from that only in the registers the givers'
 * sketches changed at the step before and in the givers' own elements (stamped with today in
 * the backward pass), so a repeat hands on just those registers, as single-register updates
 * applied at the day's end: the same minimum as the whole rows, at a few words instead of a
 * thousand per member and day (a 100 000-actor bundle with 5 000 undated ties: the backward
 * pass went from minutes to seconds).
 */
#include "coopnet/temporal.h"

#include "core/internal.h"
#include "temporal/temporal_internal.h"
#include "temporal/temporal_sketch.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#define EMPTY_WORD UINT32_MAX
#define ARRIVAL_SELF UINT32_C(0xFFFF)
#define KEY_SHIFT 16
#define MAX_SKETCH_DAYS 65534
/* The most registers a sketch's change at one step may touch for a repeat to hand it on
 * register by register (else the repeat merges whole rows). */
#define DELTA_MAX 16

double coopnet_temporal_sketch_error(int precision)
{
    return 1.04 / sqrt(ldexp(1.0, precision));
}

uint64_t coopnet_temporal_all_sources_estimate_memory(const coopnet_temporal_network_t *network,
                                                      int precision)
{
    uint64_t n = network->n_kept, m = UINT64_C(1) << precision;
    /* state and at most n pending rows, plus per-actor keys, rows, estimates, the registers
     * changed at the last step and the 64 counts of the registers by value (a repeat's
     * single-register updates of a day, at most a quarter of the rows they replace, are left
     * out) */
    return 2 * n * m * sizeof(uint32_t) +
           n * (32 + DELTA_MAX * sizeof(uint16_t) + 8 + 64 * sizeof(uint32_t)) +
           m * sizeof(uint32_t);
}

typedef struct sketch_pass {
    const coopnet_temporal_network_t *network;
    size_t n, registers;
    int precision;
    uint32_t *state;      /* n rows of `registers` words */
    uint32_t *merged;     /* one contact's union */
    uint32_t *pending;    /* one day's rows for the actors taking something */
    size_t pending_rows;  /* capacity in rows */
    int32_t *pending_row; /* per compact actor, -1: none today */
    int32_t *touched;     /* actors with a pending row today */
    uint32_t *own_bucket; /* per compact actor: the register of its own element */
    uint32_t *own_key;    /* per compact actor: its element's word without the arrival */
    double *estimate;     /* per compact actor: the estimate of its sketch's count */
    /* per compact actor, 64 counts: its registers by their top six bits (sketch_count_of), kept
     * as registers change, so that a day's changed sketches are counted without reading their
     * rows again (half the forward pass's time when it was) */
    uint32_t *by_value;
    int64_t *changed_step; /* per compact actor: the last step its sketch changed */
    /* what changed at that step, for repeats (below): per compact actor, up to DELTA_MAX
     * register indexes, delta_count of them, or -1 when more changed */
    int32_t *delta_count;
    uint16_t *delta_register;
    /* one day's single-register updates from repeats, applied at the day's end */
    int32_t *point_taker;
    uint32_t *point_register, *point_word;
    size_t n_points, points_capacity;
    int32_t *changed_today; /* the actors whose sketch changed at the day's end */
    size_t n_changed_today;
    /* the certain reading: what a contact gathered, held until it hands it on */
    int32_t *held_row;  /* per contact, -1: none */
    int32_t *held_free; /* rows free for reuse */
    size_t n_free, n_held_rows, held_capacity;
    uint32_t *held;
} sketch_pass_t;

/* A 64-bit hash of an actor's id (FNV-1a, then the splitmix64 finaliser to spread the bits), so
 * that the estimate does not depend on the order of actors.csv or on the filters. */
static uint64_t hash_id(const char *id)
{
    uint64_t hash = UINT64_C(14695981039346656037);
    for (const unsigned char *c = (const unsigned char *)id; *c; c++)
        hash = (hash ^ *c) * UINT64_C(1099511628211);
    hash ^= hash >> 30;
    hash *= UINT64_C(0xbf58476d1ce4e5b9);
    hash ^= hash >> 27;
    hash *= UINT64_C(0x94d049bb133111eb);
    hash ^= hash >> 31;
    return hash;
}

static void element_of(const sketch_pass_t *pass, const char *id, uint32_t *bucket, uint32_t *key)
{
    uint64_t hash = hash_id(id);
    int p = pass->precision;
    uint64_t rest = hash << p; /* the 64 - p bits after the bucket bits */
    int rho = rest == 0 ? 64 - p + 1 : __builtin_clzll(rest) + 1;
    if (rho > 64 - p + 1)
        rho = 64 - p + 1;
    uint32_t tie_break = (uint32_t)((hash * UINT64_C(0x9e3779b97f4a7c15)) >> 54); /* 10 bits */
    *bucket = (uint32_t)(hash >> (64 - p));
    *key = ((uint32_t)(63 - rho) << 26) | (tie_break << KEY_SHIFT);
}

/* sigma and tau of Ertl's improved estimator (Ertl 2017, "New cardinality estimation algorithms
 * for HyperLogLog sketches", algorithm 6): series summed until they stop changing. */
static double ertl_sigma(double x)
{
    if (x == 1.0)
        return INFINITY;
    double y = 1.0, z = x, previous;
    do {
        x *= x;
        previous = z;
        z += x * y;
        y += y;
    } while (z != previous);
    return z;
}

static double ertl_tau(double x)
{
    if (x == 0.0 || x == 1.0)
        return 0.0;
    double y = 1.0, z = 1.0 - x, previous;
    do {
        x = sqrt(x);
        previous = z;
        y *= 0.5;
        z -= (1.0 - x) * (1.0 - x) * y;
    } while (z != previous);
    return z / 3.0;
}

/* The estimated count of a sketch. HyperLogLog's raw estimate (Flajolet et al. 2007) is biased
 * between about 2.5 m and 5 m, where linear counting no longer helps; Ertl's estimator, from the
 * histogram of register values, is nearly unbiased over the whole range without the empirical
 * bias tables of Heule et al. 2013, and behaves like linear counting for small counts. */
/* From the registers' values (by_value[v]: how many have v as their top six bits, 63 - rank). */
static double sketch_count_of(const sketch_pass_t *pass, const uint32_t *by_value)
{
    uint32_t histogram[64];
    for (int v = 0; v < 64; v++)
        histogram[63 - v] = by_value[v];
    size_t m = pass->registers;
    int q = 64 - pass->precision; /* hash bits after the bucket: ranks 1 .. q + 1 */
    double md = (double)m;
    double z = md * ertl_tau(1.0 - histogram[q + 1] / md);
    for (int k = q; k >= 1; k--)
        z = 0.5 * (z + histogram[k]);
    z += md * ertl_sigma(histogram[0] / md);
    return md * md / (2.0 * log(2.0) * z);
}

static double sketch_count(const sketch_pass_t *pass, const uint32_t *row)
{
    uint32_t by_value[64] = {0};
    for (size_t j = 0; j < pass->registers; j++)
        by_value[row[j] >> 26]++;
    return sketch_count_of(pass, by_value);
}

static void pass_free(sketch_pass_t *pass)
{
    free(pass->state);
    free(pass->merged);
    free(pass->pending);
    free(pass->pending_row);
    free(pass->touched);
    free(pass->own_bucket);
    free(pass->own_key);
    free(pass->estimate);
    free(pass->by_value);
    free(pass->changed_step);
    free(pass->delta_count);
    free(pass->delta_register);
    free(pass->point_taker);
    free(pass->point_register);
    free(pass->point_word);
    free(pass->changed_today);
    free(pass->held_row);
    free(pass->held_free);
    free(pass->held);
    memset(pass, 0, sizeof *pass);
}

static int pass_init(sketch_pass_t *pass, const coopnet_temporal_network_t *network, int precision,
                     coopnet_error_t *err)
{
    memset(pass, 0, sizeof *pass);
    pass->network = network;
    pass->n = network->n_kept;
    pass->precision = precision;
    pass->registers = (size_t)1 << precision;
    size_t n = pass->n, m = pass->registers;
    pass->state = coopnet_i_alloc_array(n * m + 1, sizeof *pass->state);
    pass->merged = coopnet_i_alloc_array(m, sizeof *pass->merged);
    pass->pending_row = coopnet_i_alloc_array(n + 1, sizeof *pass->pending_row);
    pass->touched = coopnet_i_alloc_array(n + 1, sizeof *pass->touched);
    pass->own_bucket = coopnet_i_alloc_array(n + 1, sizeof *pass->own_bucket);
    pass->own_key = coopnet_i_alloc_array(n + 1, sizeof *pass->own_key);
    pass->estimate = coopnet_i_alloc_array(n + 1, sizeof *pass->estimate);
    pass->by_value = coopnet_i_alloc_array((n + 1) * 64, sizeof *pass->by_value);
    pass->changed_step = coopnet_i_alloc_array(n + 1, sizeof *pass->changed_step);
    pass->delta_count = coopnet_i_alloc_array(n + 1, sizeof *pass->delta_count);
    pass->delta_register = coopnet_i_alloc_array((n + 1) * DELTA_MAX, sizeof *pass->delta_register);
    pass->changed_today = coopnet_i_alloc_array(n + 1, sizeof *pass->changed_today);
    pass->held_row = coopnet_i_alloc_array(network->n_contacts + 1, sizeof *pass->held_row);
    pass->held_free = coopnet_i_alloc_array(network->n_contacts + 1, sizeof *pass->held_free);
    if (!pass->state || !pass->merged || !pass->pending_row || !pass->touched ||
        !pass->own_bucket || !pass->own_key || !pass->estimate || !pass->by_value ||
        !pass->changed_step || !pass->delta_count || !pass->delta_register ||
        !pass->changed_today || !pass->held_row || !pass->held_free) {
        int status = COOPNET_ERROR(
            err, COOPNET_ENOMEM, "out of memory: sketches for %zu actors need %llu bytes", n,
            (unsigned long long)coopnet_temporal_all_sources_estimate_memory(network, precision));
        pass_free(pass);
        return status;
    }
    const coopnet_bundle_t *bundle = network->bundle;
    for (size_t a = 0; a < n; a++) {
        element_of(pass, bundle->actors[network->actor_of_compact[a]].id, &pass->own_bucket[a],
                   &pass->own_key[a]);
        pass->pending_row[a] = -1;
    }
    return COOPNET_OK;
}

/* Every actor's sketch back to the set holding only itself. */
static void pass_reset(sketch_pass_t *pass)
{
    size_t m = pass->registers;
    for (size_t a = 0; a < pass->n; a++) {
        uint32_t *row = pass->state + a * m;
        for (size_t j = 0; j < m; j++)
            row[j] = EMPTY_WORD;
        row[pass->own_bucket[a]] = pass->own_key[a] | ARRIVAL_SELF;
        uint32_t *by_value = pass->by_value + a * 64;
        memset(by_value, 0, 64 * sizeof *by_value);
        by_value[EMPTY_WORD >> 26] = (uint32_t)m - 1;
        by_value[(pass->own_key[a] | ARRIVAL_SELF) >> 26]++;
        pass->changed_step[a] = -2;
        pass->delta_count[a] = 0;
    }
    pass->n_points = 0;
    for (size_t c = 0; c < pass->network->n_contacts; c++)
        pass->held_row[c] = -1;
    pass->n_free = pass->n_held_rows = 0;
    if (pass->n == 0)
        return; /* no row to count (the state is a one-element placeholder) */
    double single = sketch_count(pass, pass->state);
    for (size_t a = 0; a < pass->n; a++)
        pass->estimate[a] = single;
}

static inline void merge_row(uint32_t *restrict into, const uint32_t *restrict from, size_t m)
{
    for (size_t j = 0; j < m; j++)
        into[j] = from[j] < into[j] ? from[j] : into[j];
}

/* Register j of actor's sketch goes from the word before to after at step: written, counted
 * in by_value and noted (its first change of the step starts the step's list). */
static void note_change(sketch_pass_t *pass, int32_t actor, size_t step, size_t j, uint32_t *slot,
                        uint32_t after)
{
    uint32_t *by_value = pass->by_value + (size_t)actor * 64;
    by_value[*slot >> 26]--;
    by_value[after >> 26]++;
    *slot = after;
    if (pass->changed_step[actor] != (int64_t)step) {
        pass->changed_step[actor] = (int64_t)step;
        pass->delta_count[actor] = 0;
        pass->changed_today[pass->n_changed_today++] = actor;
    }
    int32_t count = pass->delta_count[actor];
    if (count < 0)
        return;
    if (count == DELTA_MAX) {
        pass->delta_count[actor] = -1; /* too many to hand on one by one */
        return;
    }
    pass->delta_register[(size_t)actor * DELTA_MAX + (size_t)count] = (uint16_t)j;
    pass->delta_count[actor] = count + 1;
}

/* The day's end for one actor's pending row: the register-wise minimum, each change noted. */
static void merge_pending(sketch_pass_t *pass, int32_t actor, const uint32_t *from, size_t step)
{
    uint32_t *into = pass->state + (size_t)actor * pass->registers;
    size_t m = pass->registers, j = 0;
    /* sixteen registers at a time are compared at once; most blocks have no change */
    for (; j + 16 <= m; j += 16) {
        uint32_t smaller = 0;
        for (size_t k = 0; k < 16; k++)
            smaller |= from[j + k] < into[j + k];
        if (smaller == 0)
            continue;
        for (size_t k = j; k < j + 16; k++)
            if (from[k] < into[k])
                note_change(pass, actor, step, k, &into[k], from[k]);
    }
    for (; j < m; j++)
        if (from[j] < into[j])
            note_change(pass, actor, step, j, &into[j], from[j]);
}

static int push_point(sketch_pass_t *pass, int32_t taker, uint32_t j, uint32_t word,
                      coopnet_error_t *err)
{
    if (pass->n_points == pass->points_capacity) {
        size_t capacity = pass->points_capacity ? 2 * pass->points_capacity : 1024;
        int32_t *takers = coopnet_i_realloc_array(pass->point_taker, capacity, sizeof *takers);
        if (takers != NULL)
            pass->point_taker = takers;
        uint32_t *registers =
            coopnet_i_realloc_array(pass->point_register, capacity, sizeof *registers);
        if (registers != NULL)
            pass->point_register = registers;
        uint32_t *words = coopnet_i_realloc_array(pass->point_word, capacity, sizeof *words);
        if (words != NULL)
            pass->point_word = words;
        if (takers == NULL || registers == NULL || words == NULL)
            return COOPNET_ERROR(err, COOPNET_ENOMEM, "out of memory estimating reach");
        pass->points_capacity = capacity;
    }
    pass->point_taker[pass->n_points] = taker;
    pass->point_register[pass->n_points] = j;
    pass->point_word[pass->n_points++] = word;
    return COOPNET_OK;
}

/* A repeat entry (docs above) handed on register by register: for every taker, the registers its
 * givers changed at the step before and, backward, the givers' own elements stamped today.
 * Returns 1 when done so, 0 when the entry must merge whole rows (a giver changed too many
 * registers, or the updates would cost more than the rows), or an error. */
static int hand_on_repeat(sketch_pass_t *pass, bool forward, size_t first, size_t last, size_t step,
                          uint32_t stamp, coopnet_error_t *err)
{
    const coopnet_temporal_network_t *network = pass->network;
    const uint8_t gives = forward ? TEMPORAL_SENDS : TEMPORAL_RECEIVES;
    const uint8_t takes = forward ? TEMPORAL_RECEIVES : TEMPORAL_SENDS;
    size_t n_words = 0, n_givers = 0, n_takers = 0;
    for (size_t i = first; i < last; i++) {
        n_takers += (network->member_flags[i] & takes) != 0;
        if (!(network->member_flags[i] & gives))
            continue;
        int32_t giver = network->member_actor[i];
        n_givers++;
        if (pass->changed_step[giver] == (int64_t)step - 1) {
            if (pass->delta_count[giver] < 0)
                return 0;
            n_words += (size_t)pass->delta_count[giver];
        }
        n_words += !forward; /* its own element, stamped today */
    }
    if (n_words * n_takers > (n_givers + n_takers) * pass->registers / 4)
        return 0;
    size_t m = pass->registers;
    for (size_t t = first; t < last; t++) {
        if (!(network->member_flags[t] & takes))
            continue;
        int32_t taker = network->member_actor[t];
        for (size_t i = first; i < last; i++) {
            if (!(network->member_flags[i] & gives))
                continue;
            int32_t giver = network->member_actor[i];
            int status;
            if (pass->changed_step[giver] == (int64_t)step - 1)
                for (int32_t d = 0; d < pass->delta_count[giver]; d++) {
                    uint32_t j = pass->delta_register[(size_t)giver * DELTA_MAX + (size_t)d];
                    if ((status = push_point(pass, taker, j, pass->state[(size_t)giver * m + j],
                                             err)) != COOPNET_OK)
                        return status;
                }
            if (!forward && (status = push_point(pass, taker, pass->own_bucket[giver],
                                                 pass->own_key[giver] | stamp, err)) != COOPNET_OK)
                return status;
        }
    }
    return 1;
}

/* One pass. forward: senders give to receivers in date order; else receivers give to senders in
 * reverse date order, stamping themselves with the day's index. day_pairs (forward only, may be
 * NULL) gets the rise of the summed in-reach estimates per day. */
static int run_pass(sketch_pass_t *pass, bool forward, const coopnet_progress_t *progress,
                    uint64_t units_before, uint64_t total_units, double *day_rise,
                    coopnet_error_t *err)
{
    const coopnet_temporal_network_t *network = pass->network;
    size_t n = pass->n, m = pass->registers;
    const uint8_t gives = forward ? TEMPORAL_SENDS : TEMPORAL_RECEIVES;
    const uint8_t takes = forward ? TEMPORAL_RECEIVES : TEMPORAL_SENDS;
    const uint8_t gather = temporal_gather_phase(!forward);
    size_t entries_done = 0, next_report = 0, report_every = network->n_entries / 100 + 1;
    pass_reset(pass);
    for (size_t step = 0; step < network->n_days; step++) {
        size_t k = forward ? step : network->n_days - 1 - step;
        uint32_t stamp = forward ? 0 : (uint32_t)k;
        size_t n_touched = 0;
        for (size_t e = network->day_start[k]; e < network->day_start[k + 1]; e++) {
            const temporal_entry_t *entry = &network->entries[e];
            size_t c = (size_t)entry->contact;
            bool repeat = coopnet_i_temporal_entry_is_repeat(network, entry, !forward);
            size_t first = network->member_start[c], last = network->member_start[c + 1];
            bool any = false, any_taker = false;
            if (repeat) {
                int handed = hand_on_repeat(pass, forward, first, last, step, stamp, err);
                if (handed < 0)
                    return handed;
                if (handed == 1)
                    continue;
            }
            /* whole rows; forward, a repeat's givers unchanged since the step before have
             * nothing new (backward their own elements are: stamped today) */
            bool skip_unchanged = forward && repeat;
            if (!(entry->phase & gather)) {
                /* the certain reading: hand on at hi what was gathered at lo */
                if (pass->held_row[c] < 0)
                    continue;
                memcpy(pass->merged, pass->held + (size_t)pass->held_row[c] * m,
                       m * sizeof(uint32_t));
                pass->held_free[pass->n_free++] = pass->held_row[c];
                pass->held_row[c] = -1;
                any = true;
            }
            for (size_t i = first; i < last && (entry->phase & gather); i++) {
                if (!(network->member_flags[i] & gives))
                    continue;
                int32_t giver = network->member_actor[i];
                if (skip_unchanged && pass->changed_step[giver] != (int64_t)step - 1)
                    continue;
                if (!any)
                    memcpy(pass->merged, pass->state + (size_t)giver * m, m * sizeof(uint32_t));
                else
                    merge_row(pass->merged, pass->state + (size_t)giver * m, m);
                any = true;
                uint32_t own = pass->own_key[giver] | stamp;
                uint32_t *slot = pass->merged + pass->own_bucket[giver];
                if (own < *slot)
                    *slot = own;
            }
            if (entry->phase != TEMPORAL_BOTH && (entry->phase & gather)) {
                if (!any)
                    continue;
                if (pass->n_free == 0 && pass->n_held_rows == pass->held_capacity) {
                    size_t capacity = pass->held_capacity ? 2 * pass->held_capacity : 8;
                    uint32_t *grown =
                        coopnet_i_realloc_array(pass->held, capacity * m, sizeof *grown);
                    if (grown == NULL)
                        return COOPNET_ERROR(err, COOPNET_ENOMEM, "out of memory estimating reach");
                    pass->held = grown;
                    pass->held_capacity = capacity;
                }
                int32_t row = pass->n_free > 0 ? pass->held_free[--pass->n_free]
                                               : (int32_t)pass->n_held_rows++;
                pass->held_row[c] = row;
                memcpy(pass->held + (size_t)row * m, pass->merged, m * sizeof(uint32_t));
                continue;
            }
            for (size_t i = first; i < last && !any_taker; i++)
                any_taker = (network->member_flags[i] & takes) != 0;
            if (!any || !any_taker)
                continue;
            for (size_t i = first; i < last; i++) {
                if (!(network->member_flags[i] & takes))
                    continue;
                int32_t taker = network->member_actor[i];
                if (pass->pending_row[taker] >= 0) {
                    merge_row(pass->pending + (size_t)pass->pending_row[taker] * m, pass->merged,
                              m);
                    continue;
                }
                if (n_touched == pass->pending_rows) {
                    size_t rows = pass->pending_rows ? 2 * pass->pending_rows : 64;
                    if (rows > n)
                        rows = n;
                    uint32_t *grown =
                        coopnet_i_realloc_array(pass->pending, rows * m, sizeof *grown);
                    if (grown == NULL)
                        return COOPNET_ERROR(err, COOPNET_ENOMEM, "out of memory estimating reach");
                    pass->pending = grown;
                    pass->pending_rows = rows;
                }
                pass->pending_row[taker] = (int32_t)n_touched;
                pass->touched[n_touched++] = taker;
                memcpy(pass->pending + (size_t)pass->pending_row[taker] * m, pass->merged,
                       m * sizeof(uint32_t));
            }
        }
        /* the day's end: pending rows, then single registers, each change noted */
        pass->n_changed_today = 0;
        for (size_t t = 0; t < n_touched; t++) {
            int32_t actor = pass->touched[t];
            merge_pending(pass, actor, pass->pending + (size_t)pass->pending_row[actor] * m, step);
            pass->pending_row[actor] = -1;
        }
        for (size_t p = 0; p < pass->n_points; p++) {
            int32_t actor = pass->point_taker[p];
            uint32_t j = pass->point_register[p], *slot = pass->state + (size_t)actor * m + j;
            if (pass->point_word[p] < *slot)
                note_change(pass, actor, step, j, slot, pass->point_word[p]);
        }
        pass->n_points = 0;
        double rise = 0.0;
        for (size_t t = 0; day_rise != NULL && t < pass->n_changed_today; t++) {
            int32_t actor = pass->changed_today[t];
            double count = sketch_count_of(pass, pass->by_value + (size_t)actor * 64);
            rise += count - pass->estimate[actor];
            pass->estimate[actor] = count;
        }
        if (day_rise != NULL)
            day_rise[k] = rise;
        entries_done += network->day_start[k + 1] - network->day_start[k];
        if (entries_done >= next_report) {
            coopnet_progress_report(progress, "temporal reach (estimate)",
                                    units_before + entries_done, total_units);
            next_report = entries_done + report_every;
        }
    }
    return COOPNET_OK;
}

/* Out-reach and the closeness sum of every actor from the backward pass's sketches. */
static void read_out_reach(const sketch_pass_t *pass, uint64_t *out_reach, double *closeness_sum)
{
    const coopnet_temporal_network_t *network = pass->network;
    size_t m = pass->registers;
    for (size_t a = 0; a < pass->n; a++) {
        const uint32_t *row = pass->state + a * m;
        double reached = sketch_count(pass, row) - 1.0;
        if (reached < 0.0)
            reached = 0.0;
        double inverse_tau_sum = 0.0;
        size_t samples = 0;
        for (size_t j = 0; j < m; j++) {
            uint32_t arrival = row[j] & ARRIVAL_SELF;
            if (row[j] == EMPTY_WORD || arrival == ARRIVAL_SELF ||
                (j == pass->own_bucket[a] && (row[j] & ~ARRIVAL_SELF) == pass->own_key[a]))
                continue;
            inverse_tau_sum +=
                1.0 / ((double)network->day_list[arrival] - network->since_day + 1.0);
            samples++;
        }
        /* the rounded count, so that closeness is exact where the count is */
        out_reach[a] = (uint64_t)llround(reached);
        closeness_sum[a] =
            samples > 0 ? (double)out_reach[a] * inverse_tau_sum / (double)samples : 0.0;
    }
}

/* The estimate; with_out_reach false, the pass in date order alone (see
 * coopnet_i_temporal_all_sources_estimate_in). */
static int estimate_all(const coopnet_temporal_network_t *network, int precision,
                        bool with_out_reach, const coopnet_progress_t *progress,
                        coopnet_temporal_all_t *all, coopnet_error_t *err)
{
    int status = COOPNET_OK;
    size_t n = network->n_kept;
    sketch_pass_t pass = {0};
    uint64_t *out_reach = NULL;
    double *closeness_sum = NULL, *day_rise = NULL;
    memset(all, 0, sizeof *all);
    if (precision < COOPNET_TEMPORAL_SKETCH_MIN_PRECISION ||
        precision > COOPNET_TEMPORAL_SKETCH_MAX_PRECISION)
        return COOPNET_ERROR(err, COOPNET_EINVAL, "sketch precision '%d' is not between %d and %d",
                             precision, COOPNET_TEMPORAL_SKETCH_MIN_PRECISION,
                             COOPNET_TEMPORAL_SKETCH_MAX_PRECISION);
    if (network->max_wait >= 0)
        return COOPNET_ERROR(err, COOPNET_EINVAL,
                             "the reach estimate cannot honour a maximum wait");
    if (network->n_days > MAX_SKETCH_DAYS)
        return COOPNET_ERROR(err, COOPNET_EINVAL,
                             "the reach estimate handles at most %d contact days, not %zu",
                             MAX_SKETCH_DAYS, network->n_days);

    all->n_actors = network->n_actors;
    all->n_kept = n;
    all->n_days = network->n_days;
    all->precision = precision;
    all->relative_standard_error = coopnet_temporal_sketch_error(precision);
    all->out_reach = coopnet_i_alloc_array(network->n_actors + 1, sizeof *all->out_reach);
    all->in_reach = coopnet_i_alloc_array(network->n_actors + 1, sizeof *all->in_reach);
    all->closeness = coopnet_i_alloc_array(network->n_actors + 1, sizeof *all->closeness);
    all->days = coopnet_i_alloc_array(network->n_days + 1, sizeof *all->days);
    all->new_pairs = coopnet_i_alloc_array(network->n_days + 1, sizeof *all->new_pairs);
    if (with_out_reach) {
        out_reach = coopnet_i_alloc_array(n + 1, sizeof *out_reach);
        closeness_sum = coopnet_i_alloc_array(n + 1, sizeof *closeness_sum);
    }
    day_rise = coopnet_i_alloc_array(network->n_days + 1, sizeof *day_rise);
    if (!all->out_reach || !all->in_reach || !all->closeness || !all->days || !all->new_pairs ||
        (with_out_reach && (!out_reach || !closeness_sum)) || !day_rise) {
        status = COOPNET_ERROR(err, COOPNET_ENOMEM, "out of memory estimating reach");
        goto cleanup;
    }
    if ((status = pass_init(&pass, network, precision, err)) != COOPNET_OK)
        goto cleanup;
    if (network->n_days > 0)
        memcpy(all->days, network->day_list, network->n_days * sizeof *all->days);

    /* progress in schedule entries, of which each pass runs all (a contact of the possible
     * reading has one a day) */
    uint64_t units = (with_out_reach ? 2 : 1) * (uint64_t)network->n_entries;
    coopnet_progress_report(progress, "temporal reach (estimate)", 0, units);
    if (with_out_reach) {
        if ((status = run_pass(&pass, false, progress, 0, units, NULL, err)) != COOPNET_OK)
            goto cleanup;
        read_out_reach(&pass, out_reach, closeness_sum);
    }
    if ((status = run_pass(&pass, true, progress, units - network->n_entries, units, day_rise,
                           err)) != COOPNET_OK)
        goto cleanup;
    coopnet_progress_report(progress, "temporal reach (estimate)", units, units);

    /* new pairs per day: the rise of the rounded running total, never negative */
    double running = 0.0;
    uint64_t counted = 0;
    for (size_t k = 0; k < network->n_days; k++) {
        running += day_rise[k];
        uint64_t total = running > 0.0 ? (uint64_t)llround(running) : 0;
        all->new_pairs[k] = total > counted ? total - counted : 0;
        counted += all->new_pairs[k];
    }
    all->total_pairs = counted;
    for (size_t a = 0; a < network->n_actors; a++) {
        int32_t compact = network->compact_of_actor[a];
        if (compact < 0) {
            all->out_reach[a] = all->in_reach[a] = -1;
            all->closeness[a] = NAN;
            continue;
        }
        double in_count = pass.estimate[compact] - 1.0;
        all->out_reach[a] = with_out_reach ? (int64_t)out_reach[compact] : -1;
        all->in_reach[a] = in_count > 0.0 ? (int64_t)llround(in_count) : 0;
        all->closeness[a] = !with_out_reach ? NAN
                            : n > 1         ? closeness_sum[compact] / (double)(n - 1)
                                            : 0.0;
    }
cleanup:
    pass_free(&pass);
    free(out_reach);
    free(closeness_sum);
    free(day_rise);
    if (status != COOPNET_OK)
        coopnet_temporal_all_destroy(all);
    return status;
}

int coopnet_temporal_all_sources_estimate(const coopnet_temporal_network_t *network, int precision,
                                          const coopnet_progress_t *progress,
                                          coopnet_temporal_all_t *all, coopnet_error_t *err)
{
    return estimate_all(network, precision, true, progress, all, err);
}

int coopnet_i_temporal_all_sources_estimate_in(const coopnet_temporal_network_t *network,
                                               int precision, const coopnet_progress_t *progress,
                                               coopnet_temporal_all_t *all, coopnet_error_t *err)
{
    return estimate_all(network, precision, false, progress, all, err);
}
