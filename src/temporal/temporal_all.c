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

static int pass_bitsets(const coopnet_temporal_network_t *network,
                        const coopnet_progress_t *progress, all_counts_t *counts,
                        uint64_t *new_pairs, coopnet_error_t *err)
{
    int status = COOPNET_OK;
    size_t n = network->n_kept, words = (n + 63) / 64;
    uint64_t *state = coopnet_i_alloc_array(n * words + 1, sizeof *state);
    uint64_t *sources = coopnet_i_alloc_array(words + 1, sizeof *sources);
    int32_t *pending_row = coopnet_i_alloc_array(n + 1, sizeof *pending_row);
    int32_t *touched = coopnet_i_alloc_array(n + 1, sizeof *touched);
    uint64_t *pending = NULL;
    size_t pending_capacity = 0;
    if (!state || !sources || !pending_row || !touched) {
        status = COOPNET_ERROR(err, COOPNET_ENOMEM, "out of memory: %zu actors need %llu bytes", n,
                               (unsigned long long)coopnet_temporal_all_sources_memory(network));
        goto cleanup;
    }
    memset(state, 0, n * words * sizeof *state);
    for (size_t a = 0; a < n; a++) {
        state[a * words + a / 64] |= UINT64_C(1) << (a % 64);
        pending_row[a] = -1;
    }

    size_t contacts_done = 0, next_report = 0, report_every = network->n_contacts / 200 + 1;
    coopnet_progress_report(progress, "temporal reach", 0, network->n_contacts);
    for (size_t k = 0; k < network->n_days; k++) {
        size_t n_touched = 0;
        double inverse_tau = 1.0 / ((double)network->day_list[k] - network->since_day + 1.0);
        for (size_t c = network->day_start[k]; c < network->day_start[k + 1]; c++) {
            bool any = false;
            for (size_t m = network->member_start[c]; m < network->member_start[c + 1]; m++) {
                if (!(network->member_flags[m] & TEMPORAL_SENDS))
                    continue;
                const uint64_t *row = state + (size_t)network->member_actor[m] * words;
                if (!any)
                    memcpy(sources, row, words * sizeof *sources);
                else
                    for (size_t w = 0; w < words; w++)
                        sources[w] |= row[w];
                any = true;
            }
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
        contacts_done = network->day_start[k + 1];
        if (contacts_done >= next_report) {
            coopnet_progress_report(progress, "temporal reach", contacts_done, network->n_contacts);
            next_report = contacts_done + report_every;
        }
    }
    coopnet_progress_report(progress, "temporal reach", network->n_contacts, network->n_contacts);
cleanup:
    free(state);
    free(sources);
    free(pending_row);
    free(touched);
    free(pending);
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

    size_t next_report = 0, report_every = network->n_contacts / 200 + 1;
    coopnet_progress_report(progress, "temporal reach", 0, network->n_contacts);
    for (size_t k = 0; k < network->n_days; k++) {
        int64_t day = (int64_t)network->day_list[k] - network->since_day; /* >= 0 */
        int64_t low64 = 2 * (day - network->max_wait);
        const int32_t low = low64 < INT32_MIN + 1 ? INT32_MIN + 1 : (int32_t)low64;
        const int32_t today = (int32_t)(2 * day);
        double inverse_tau = 1.0 / ((double)day + 1.0);
        for (size_t c = network->day_start[k]; c < network->day_start[k + 1]; c++) {
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
        size_t contacts_done = network->day_start[k + 1];
        if (contacts_done >= next_report) {
            coopnet_progress_report(progress, "temporal reach", contacts_done, network->n_contacts);
            next_report = contacts_done + report_every;
        }
    }
    coopnet_progress_report(progress, "temporal reach", network->n_contacts, network->n_contacts);
cleanup:
    free(last);
    free(valid);
    free(first_today);
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
    all->new_pairs = coopnet_i_alloc_array(network->n_days + 1, sizeof *all->new_pairs);
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

    status = network->max_wait >= 0 ? pass_latest(network, progress, &counts, all->new_pairs, err)
                                    : pass_bitsets(network, progress, &counts, all->new_pairs, err);
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
