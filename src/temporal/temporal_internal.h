/* SPDX-License-Identifier: GPL-3.0-or-later */
/* temporal_internal.h - the contact list the temporal analyses share; not installed. */
#ifndef COOPNET_TEMPORAL_INTERNAL_H
#define COOPNET_TEMPORAL_INTERNAL_H

#include "coopnet/temporal.h"

#include <stdint.h>

/* Member flags: a member passes knowledge on (sends) and/or takes it in (receives). */
enum { TEMPORAL_SENDS = 1, TEMPORAL_RECEIVES = 2 };

typedef struct temporal_contact {
    int32_t day; /* first day of the date's period */
    coopnet_contact_ref_t ref;
} temporal_contact_t;

struct coopnet_temporal_network {
    const coopnet_bundle_t *bundle;
    coopnet_temporal_options_t options;
    int32_t since_day, until_day, max_wait; /* max_wait < 0: none */

    size_t n_actors;           /* bundle actors */
    int32_t *compact_of_actor; /* kept actors numbered 0..n_kept-1; -1: filtered out */
    int32_t *actor_of_compact;
    size_t n_kept;

    /* contacts sorted by (day, events before ties, index); members of contact c are
     * member_actor/member_flags[member_start[c] .. member_start[c + 1]), compact indices */
    size_t n_contacts;
    temporal_contact_t *contacts;
    size_t *member_start;
    int32_t *member_actor;
    uint8_t *member_flags;
    size_t n_members;

    /* contact days: contacts of day_list[k] are [day_start[k], day_start[k + 1]) */
    size_t n_days;
    int32_t *day_list;
    size_t *day_start;
};

#endif
