/* SPDX-License-Identifier: GPL-3.0-or-later */
/* temporal_all.c - reach from every source at once.
 *
 * Without a maximum wait, each actor carries the set of sources that have informed it as a
 * bitset; a contact ORs its senders' sets and hands the union to its receivers. To keep one
 * day's contacts from chaining, the unions go to per-day pending rows that join the state when
 * the day ends.
 *
 * With a maximum wait W, each actor carries per source the latest day it was informed, coded
 * as 2 * day + flag, where the flag of a value written today says whether the actor could
 * already pass that source on today (from an earlier day within W). Contacts of the same day
 * then read yesterday's validity without a second copy of the state.
 */
#include "coopnet/temporal.h"

#include "core/internal.h"
#include "temporal/temporal_internal.h"
#include "temporal/temporal_sketch.h"

#include <limits.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void coopnet_temporal_all_destroy(coopnet_temporal_all_t *all)
{
    if (all == NULL)
        return;
    free(all->out_reach);
    free(all->in_reach);
    free(all->closeness);
    free(all->days);
    free(all->new_pairs);
    memset(all, 0, sizeof *all);
}

uint64_t coopnet_temporal_all_sources_memory(const coopnet_temporal_network_t *network)
{
    uint64_t n = network->n_kept;
    if (network->max_wait >= 0)
        return n * n * sizeof(int32_t);
    uint64_t words = (n + 63) / 64;
    return 2 * n * words * sizeof(uint64_t); /* state and at most n pending rows */
}

typedef struct all_counts {
    uint64_t *out_reach, *in_reach; /* per compact actor */
    double *closeness_sum;          /* per compact actor */
} all_counts_t;

/* A bit per source in every actor's set, passed on in date order. The sources are the compact
 * actors source_actor[0 .. n_sources) (source_actor NULL: every kept actor, bit a for actor a);
 * counts->out_reach and closeness_sum are per source, in_reach per actor (from those sources),
 * new_pairs per day. */
static int pass_bitsets(const coopnet_temporal_network_t *network, const int32_t *source_actor,
                        size_t n_sources, const coopnet_progress_t *progress, all_counts_t *counts,
                        uint64_t *new_pairs, coopnet_error_t *err)
{
    int status = COOPNET_OK;
    size_t n = network->n_kept;
    if (source_actor == NULL)
        n_sources = n;
    size_t words = (n_sources + 63) / 64;
    uint64_t *state = coopnet_i_alloc_array(n * words + 1, sizeof *state);
    uint64_t *sources = coopnet_i_alloc_array(words + 1, sizeof *sources);
    int32_t *pending_row = coopnet_i_alloc_array(n + 1, sizeof *pending_row);
    int32_t *touched = coopnet_i_alloc_array(n + 1, sizeof *touched);
    uint64_t *pending = NULL;
    size_t pending_capacity = 0;
    /* per compact actor: the day its set last grew (the possible reading's repeats) */
    int32_t *changed_on = coopnet_i_alloc_array(n + 1, sizeof *changed_on);
    /* per contact: its held row (the certain reading, from its lo to its hi), -1: none */
    int32_t *held_row = coopnet_i_alloc_array(network->n_contacts + 1, sizeof *held_row);
    int32_t *held_free = coopnet_i_alloc_array(network->n_contacts + 1, sizeof *held_free);
    uint64_t *held = NULL;
    size_t n_held = 0, held_capacity = 0, free_held = 0;
    if (!state || !sources || !pending_row || !touched || !changed_on || !held_row || !held_free) {
        status = COOPNET_ERROR(err, COOPNET_ENOMEM, "out of memory: %zu actors need %llu bytes", n,
                               (unsigned long long)coopnet_temporal_all_sources_memory(network));
        goto cleanup;
    }
    memset(state, 0, n * words * sizeof *state);
    for (size_t a = 0; a < n; a++) {
        pending_row[a] = -1;
        changed_on[a] = INT32_MIN;
    }
    for (size_t b = 0; b < n_sources; b++) {
        size_t actor = source_actor != NULL ? (size_t)source_actor[b] : b;
        state[actor * words + b / 64] |= UINT64_C(1) << (b % 64);
    }
    for (size_t c = 0; c < network->n_contacts; c++)
        held_row[c] = -1;

    size_t entries_done = 0, next_report = 0, report_every = network->n_entries / 200 + 1;
    coopnet_progress_report(progress, "temporal reach", 0, network->n_entries);
    for (size_t k = 0; k < network->n_days; k++) {
        size_t n_touched = 0;
        int32_t today = network->day_list[k];
        double inverse_tau = 1.0 / ((double)today - network->since_day + 1.0);
        for (size_t i = network->day_start[k]; i < network->day_start[k + 1]; i++) {
            const temporal_entry_t *entry = &network->entries[i];
            size_t c = (size_t)entry->contact;
            bool repeat = coopnet_i_temporal_entry_is_repeat(network, entry, false);
            bool any = false;
            if (entry->phase & TEMPORAL_GATHER) {
                for (size_t m = network->member_start[c]; m < network->member_start[c + 1]; m++) {
                    if (!(network->member_flags[m] & TEMPORAL_SENDS))
                        continue;
                    int32_t actor = network->member_actor[m];
                    if (repeat && changed_on[actor] != today - 1)
                        continue;
                    const uint64_t *row = state + (size_t)actor * words;
                    if (!any)
                        memcpy(sources, row, words * sizeof *sources);
                    else
                        for (size_t w = 0; w < words; w++)
                            sources[w] |= row[w];
                    any = true;
                }
                if (entry->phase == TEMPORAL_GATHER) {
                    /* the certain reading: hold what the senders surely knew until hi */
                    if (!any)
                        continue;
                    if (held_row[c] < 0) {
                        if (free_held == 0 && n_held == held_capacity) {
                            size_t capacity = held_capacity ? 2 * held_capacity : 16;
                            uint64_t *grown =
                                coopnet_i_realloc_array(held, capacity * words + 1, sizeof *grown);
                            if (grown == NULL) {
                                status = COOPNET_ERROR(err, COOPNET_ENOMEM,
                                                       "out of memory computing reach");
                                goto cleanup;
                            }
                            held = grown;
                            held_capacity = capacity;
                        }
                        held_row[c] = free_held > 0 ? held_free[--free_held] : (int32_t)n_held++;
                    }
                    memcpy(held + (size_t)held_row[c] * words, sources, words * sizeof *sources);
                    continue;
                }
            } else {
                if (held_row[c] < 0)
                    continue;
                memcpy(sources, held + (size_t)held_row[c] * words, words * sizeof *sources);
                held_free[free_held++] = held_row[c];
                held_row[c] = -1;
                any = true;
            }
            if (!any)
                continue;
            for (size_t m = network->member_start[c]; m < network->member_start[c + 1]; m++) {
                if (!(network->member_flags[m] & TEMPORAL_RECEIVES))
                    continue;
                int32_t actor = network->member_actor[m];
                if (pending_row[actor] < 0) {
                    if ((n_touched + 1) * words > pending_capacity) {
                        size_t capacity = pending_capacity ? 2 * pending_capacity : 64 * words;
                        if (capacity > n * words)
                            capacity = n * words;
                        uint64_t *grown = coopnet_i_realloc_array(pending, capacity, sizeof *grown);
                        if (grown == NULL) {
                            status =
                                COOPNET_ERROR(err, COOPNET_ENOMEM, "out of memory computing reach");
                            goto cleanup;
                        }
                        pending = grown;
                        pending_capacity = capacity;
                    }
                    pending_row[actor] = (int32_t)n_touched;
                    touched[n_touched++] = actor;
                    memcpy(pending + (size_t)pending_row[actor] * words, sources,
                           words * sizeof *sources);
                } else {
                    uint64_t *row = pending + (size_t)pending_row[actor] * words;
                    for (size_t w = 0; w < words; w++)
                        row[w] |= sources[w];
                }
            }
        }
        uint64_t day_pairs = 0;
        for (size_t i = 0; i < n_touched; i++) {
            int32_t actor = touched[i];
            uint64_t *row = state + (size_t)actor * words;
            const uint64_t *incoming = pending + (size_t)pending_row[actor] * words;
            pending_row[actor] = -1;
            for (size_t w = 0; w < words; w++) {
                uint64_t fresh = incoming[w] & ~row[w];
                if (fresh == 0)
                    continue;
                row[w] |= fresh;
                changed_on[actor] = today;
                uint64_t count = (uint64_t)__builtin_popcountll(fresh);
                day_pairs += count;
                counts->in_reach[actor] += count;
                while (fresh) {
                    size_t source = w * 64 + (size_t)__builtin_ctzll(fresh);
                    fresh &= fresh - 1;
                    counts->out_reach[source]++;
                    counts->closeness_sum[source] += inverse_tau;
                }
            }
        }
        new_pairs[k] = day_pairs;
        entries_done = network->day_start[k + 1];
        if (entries_done >= next_report) {
            coopnet_progress_report(progress, "temporal reach", entries_done, network->n_entries);
            next_report = entries_done + report_every;
        }
    }
    coopnet_progress_report(progress, "temporal reach", network->n_entries, network->n_entries);
cleanup:
    free(state);
    free(sources);
    free(pending_row);
    free(touched);
    free(pending);
    free(changed_on);
    free(held_row);
    free(held_free);
    free(held);
    return status;
}

#define LAST_NEVER INT32_MIN
#define LAST_SOURCE INT32_MAX

static int pass_latest(const coopnet_temporal_network_t *network,
                       const coopnet_progress_t *progress, all_counts_t *counts,
                       uint64_t *new_pairs, coopnet_error_t *err)
{
    int status = COOPNET_OK;
    size_t n = network->n_kept;
    int32_t *last = coopnet_i_alloc_array(n * n + 1, sizeof *last);
    uint32_t *valid = coopnet_i_alloc_array(n + 1, sizeof *valid); /* per source: valid senders */
    int32_t *first_today = calloc(n + 1, sizeof *first_today);     /* per source: new receivers */
    if (!last || !valid || !first_today) {
        status = COOPNET_ERROR(err, COOPNET_ENOMEM, "out of memory: %zu actors need %llu bytes", n,
                               (unsigned long long)coopnet_temporal_all_sources_memory(network));
        goto cleanup;
    }
    for (size_t i = 0; i < n * n; i++)
        last[i] = LAST_NEVER;
    for (size_t a = 0; a < n; a++)
        last[a * n + a] = LAST_SOURCE;

    size_t next_report = 0, report_every = network->n_entries / 200 + 1;
    coopnet_progress_report(progress, "temporal reach", 0, network->n_entries);
    for (size_t k = 0; k < network->n_days; k++) {
        int64_t day = (int64_t)network->day_list[k] - network->since_day; /* >= 0 */
        int64_t low64 = 2 * (day - network->max_wait);
        const int32_t low = low64 < INT32_MIN + 1 ? INT32_MIN + 1 : (int32_t)low64;
        const int32_t today = (int32_t)(2 * day);
        double inverse_tau = 1.0 / ((double)day + 1.0);
        for (size_t i = network->day_start[k]; i < network->day_start[k + 1]; i++) {
            size_t c = (size_t)network->entries[i].contact; /* every entry gathers and hands */
            memset(valid, 0, n * sizeof *valid);
            /* a sender passes a source on when informed within W days before today: a value
             * from an earlier day >= low, or one written today whose flag is set */
            for (size_t m = network->member_start[c]; m < network->member_start[c + 1]; m++) {
                if (!(network->member_flags[m] & TEMPORAL_SENDS))
                    continue;
                const int32_t *row = last + (size_t)network->member_actor[m] * n;
                for (size_t a = 0; a < n; a++)
                    valid[a] += (uint32_t)((row[a] >= low) & (row[a] != today));
            }
            uint32_t any_valid = 0;
            for (size_t a = 0; a < n; a++)
                any_valid |= valid[a];
            if (any_valid == 0)
                continue;
            /* branch-free so that it vectorises: values before today (v < today) take the
             * sources some other sender passes on; the flag says whether the receiver could
             * already pass the source on today */
            for (size_t m = network->member_start[c]; m < network->member_start[c + 1]; m++) {
                if (!(network->member_flags[m] & TEMPORAL_RECEIVES))
                    continue;
                int32_t actor = network->member_actor[m];
                int32_t *row = last + (size_t)actor * n;
                const int32_t sends = (network->member_flags[m] & TEMPORAL_SENDS) != 0;
                int32_t received = 0;
                for (size_t a = 0; a < n; a++) {
                    int32_t value = row[a];
                    int32_t usable = value >= low;
                    int32_t take = (value < today) & ((int32_t)valid[a] > (usable & sends));
                    int32_t first = take & (value == LAST_NEVER);
                    row[a] = take ? today + usable : value;
                    first_today[a] += first;
                    received += first;
                }
                counts->in_reach[actor] += (uint64_t)received;
            }
        }
        uint64_t day_pairs = 0;
        for (size_t a = 0; a < n; a++) {
            if (first_today[a] == 0)
                continue;
            day_pairs += (uint64_t)first_today[a];
            counts->out_reach[a] += (uint64_t)first_today[a];
            counts->closeness_sum[a] += first_today[a] * inverse_tau;
            first_today[a] = 0;
        }
        new_pairs[k] = day_pairs;
        size_t entries_done = network->day_start[k + 1];
        if (entries_done >= next_report) {
            coopnet_progress_report(progress, "temporal reach", entries_done, network->n_entries);
            next_report = entries_done + report_every;
        }
    }
    coopnet_progress_report(progress, "temporal reach", network->n_entries, network->n_entries);
cleanup:
    free(last);
    free(valid);
    free(first_today);
    return status;
}

/* The certain reading with bounded dates and a maximum wait: whether an actor can pass a source
 * on depends on the contact that informed it and on the next one, which one value per (actor,
 * source) cannot hold; run the one-source scan from every source. O(A (M + A)). */
static int pass_per_source(const coopnet_temporal_network_t *network,
                           const coopnet_progress_t *progress, all_counts_t *counts,
                           uint64_t *new_pairs, coopnet_error_t *err)
{
    int status = COOPNET_OK;
    coopnet_temporal_reach_t reach = {0};
    coopnet_progress_report(progress, "temporal reach", 0, network->n_kept);
    for (size_t s = 0; s < network->n_kept; s++) {
        size_t source = (size_t)network->actor_of_compact[s];
        if ((status = coopnet_temporal_reach_forward(network, source, &reach, err)) != COOPNET_OK)
            return status;
        for (size_t a = 0; a < network->n_actors; a++) {
            int32_t day = reach.day[a];
            if (day == COOPNET_TEMPORAL_NEVER || a == source)
                continue;
            counts->out_reach[s]++;
            counts->in_reach[network->compact_of_actor[a]]++;
            counts->closeness_sum[s] += 1.0 / ((double)day - network->since_day + 1.0);
            /* the day's index: arrival days are schedule days */
            size_t lo = 0, hi = network->n_days;
            while (lo + 1 < hi) {
                size_t mid = (lo + hi) / 2;
                if (network->day_list[mid] <= day)
                    lo = mid;
                else
                    hi = mid;
            }
            new_pairs[lo]++;
        }
        coopnet_temporal_reach_destroy(&reach);
        coopnet_progress_report(progress, "temporal reach", s + 1, network->n_kept);
    }
    return status;
}

int coopnet_temporal_all_sources(const coopnet_temporal_network_t *network,
                                 const coopnet_progress_t *progress, coopnet_temporal_all_t *all,
                                 coopnet_error_t *err)
{
    int status = COOPNET_OK;
    size_t n = network->n_kept;
    all_counts_t counts = {0};
    memset(all, 0, sizeof *all);
    all->n_actors = network->n_actors;
    all->n_kept = n;
    all->n_days = network->n_days;
    all->out_reach = coopnet_i_alloc_array(network->n_actors + 1, sizeof *all->out_reach);
    all->in_reach = coopnet_i_alloc_array(network->n_actors + 1, sizeof *all->in_reach);
    all->closeness = coopnet_i_alloc_array(network->n_actors + 1, sizeof *all->closeness);
    all->days = coopnet_i_alloc_array(network->n_days + 1, sizeof *all->days);
    all->new_pairs = calloc(network->n_days + 1, sizeof *all->new_pairs);
    counts.out_reach = calloc(n + 1, sizeof *counts.out_reach);
    counts.in_reach = calloc(n + 1, sizeof *counts.in_reach);
    counts.closeness_sum = calloc(n + 1, sizeof *counts.closeness_sum);
    if (!all->out_reach || !all->in_reach || !all->closeness || !all->days || !all->new_pairs ||
        !counts.out_reach || !counts.in_reach || !counts.closeness_sum) {
        status = COOPNET_ERROR(err, COOPNET_ENOMEM, "out of memory computing reach");
        goto cleanup;
    }
    if (network->n_days > 0)
        memcpy(all->days, network->day_list, network->n_days * sizeof *all->days);

    if (network->max_wait < 0)
        status = pass_bitsets(network, NULL, 0, progress, &counts, all->new_pairs, err);
    else if (network->reading == COOPNET_READING_CERTAIN && !network->exact)
        status = pass_per_source(network, progress, &counts, all->new_pairs, err);
    else
        status = pass_latest(network, progress, &counts, all->new_pairs, err);
    if (status != COOPNET_OK)
        goto cleanup;

    for (size_t k = 0; k < network->n_days; k++)
        all->total_pairs += all->new_pairs[k];
    for (size_t a = 0; a < network->n_actors; a++) {
        int32_t compact = network->compact_of_actor[a];
        if (compact < 0) {
            all->out_reach[a] = all->in_reach[a] = -1;
            all->closeness[a] = NAN;
            continue;
        }
        all->out_reach[a] = (int64_t)counts.out_reach[compact];
        all->in_reach[a] = (int64_t)counts.in_reach[compact];
        all->closeness[a] = n > 1 ? counts.closeness_sum[compact] / (double)(n - 1) : 0.0;
    }
cleanup:
    free(counts.out_reach);
    free(counts.in_reach);
    free(counts.closeness_sum);
    if (status != COOPNET_OK)
        coopnet_temporal_all_destroy(all);
    return status;
}

int coopnet_i_temporal_reach_counts(const coopnet_temporal_network_t *network,
                                    const size_t *sources, size_t n_sources, int64_t *reached,
                                    coopnet_error_t *err)
{
    if (n_sources > COOPNET_I_TEMPORAL_COUNTS_MAX)
        return COOPNET_ERROR(err, COOPNET_EINVAL, "at most %d sources at once, not %zu",
                             COOPNET_I_TEMPORAL_COUNTS_MAX, n_sources);
    if (network->max_wait >= 0)
        return COOPNET_ERROR(err, COOPNET_EINVAL, "counting reach cannot honour a maximum wait");
    int32_t source_actor[COOPNET_I_TEMPORAL_COUNTS_MAX];
    for (size_t s = 0; s < n_sources; s++) {
        if (sources[s] >= network->n_actors)
            return COOPNET_ERROR(err, COOPNET_EINVAL, "actor index %zu out of range", sources[s]);
        if (network->compact_of_actor[sources[s]] < 0)
            return COOPNET_ERROR(err, COOPNET_EINVAL, "actor '%s' is filtered out",
                                 network->bundle->actors[sources[s]].id);
        source_actor[s] = network->compact_of_actor[sources[s]];
    }
    all_counts_t counts;
    counts.out_reach = calloc(n_sources + 1, sizeof *counts.out_reach);
    counts.in_reach = calloc(network->n_kept + 1, sizeof *counts.in_reach);
    counts.closeness_sum = calloc(n_sources + 1, sizeof *counts.closeness_sum);
    uint64_t *new_pairs = calloc(network->n_days + 1, sizeof *new_pairs);
    int status = COOPNET_OK;
    if (!counts.out_reach || !counts.in_reach || !counts.closeness_sum || !new_pairs)
        status = COOPNET_ERROR(err, COOPNET_ENOMEM, "out of memory counting reach");
    else
        status = pass_bitsets(network, source_actor, n_sources, NULL, &counts, new_pairs, err);
    for (size_t s = 0; status == COOPNET_OK && s < n_sources; s++)
        reached[s] = (int64_t)counts.out_reach[s];
    free(counts.out_reach);
    free(counts.in_reach);
    free(counts.closeness_sum);
    free(new_pairs);
    return status;
}
