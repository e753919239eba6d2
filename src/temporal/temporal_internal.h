/* SPDX-License-Identifier: GPL-3.0-or-later */
/* temporal_internal.h - the contact list the temporal analyses share; not installed. */
#ifndef COOPNET_TEMPORAL_INTERNAL_H
#define COOPNET_TEMPORAL_INTERNAL_H

#include "coopnet/temporal.h"

#include <stdbool.h>
#include <stdint.h>

/* Member flags: a member passes knowledge on (sends) and/or takes it in (receives). */
enum { TEMPORAL_SENDS = 1, TEMPORAL_RECEIVES = 2 };

/* A contact may fall on any day of [lo, hi] (its date's bounds, within since..until). */
typedef struct temporal_contact {
    int32_t lo, hi;
    coopnet_contact_ref_t ref;
} temporal_contact_t;

/* What a contact does on the day of a schedule entry (docs/temporal.md): GATHER takes the union
 * of what its senders know, HAND gives it to its receivers; an exact contact, and every day of
 * a contact in the possible reading, does both at once. In the certain reading a contact of
 * bounds [lo, hi], lo < hi, gathers at lo and hands on at hi: only what its senders surely knew
 * before it reaches its receivers, who surely know it only after it. */
enum { TEMPORAL_GATHER = 1, TEMPORAL_HAND = 2, TEMPORAL_BOTH = 3 };

typedef struct temporal_entry {
    int32_t day;
    int32_t contact; /* index into network->contacts */
    uint8_t phase;   /* TEMPORAL_GATHER, _HAND or _BOTH */
} temporal_entry_t;

struct coopnet_temporal_network {
    const coopnet_bundle_t *bundle;
    coopnet_temporal_options_t options;
    int32_t since_day, until_day, max_wait; /* max_wait < 0: none */
    coopnet_reading_t reading;
    bool exact; /* every contact has lo == hi: both readings agree */

    size_t n_actors;           /* bundle actors */
    int32_t *compact_of_actor; /* kept actors numbered 0..n_kept-1; -1: filtered out */
    int32_t *actor_of_compact;
    size_t n_kept;

    /* contacts sorted by (lo, events before ties, index); members of contact c are
     * member_actor/member_flags[member_start[c] .. member_start[c + 1]), compact indices */
    size_t n_contacts;
    temporal_contact_t *contacts;
    size_t *member_start;
    int32_t *member_actor;
    uint8_t *member_flags;
    size_t n_members;

    /* the schedule: entries sorted by (day, events before ties, index); the entries of day
     * day_list[k] are [day_start[k], day_start[k + 1]) */
    size_t n_entries;
    temporal_entry_t *entries;
    size_t n_days;
    int32_t *day_list;
    size_t *day_start;
};

/* The phase of an entry that gathers in a pass in this direction (backward passes run the
 * mirrored network: a contact gathers at its hi and hands on at its lo). */
static inline uint8_t temporal_gather_phase(bool backward)
{
    return backward ? TEMPORAL_HAND : TEMPORAL_GATHER;
}

/* Whether a schedule entry is a later day of a contact whose days the possible reading without a
 * maximum wait repeats: it can only pass on what a sender learnt the scan step before. */
bool coopnet_i_temporal_entry_is_repeat(const coopnet_temporal_network_t *network,
                                        const temporal_entry_t *entry, bool backward);

#endif
