/* SPDX-License-Identifier: GPL-3.0-or-later */
/* temporal.c - the contacts of a bundle, and reach from one source or towards one target. */
#include "coopnet/temporal.h"

#include "core/internal.h"
#include "temporal/temporal_internal.h"

#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

void coopnet_temporal_options_init(coopnet_temporal_options_t *options)
{
    memset(options, 0, sizeof *options);
    coopnet_graph_options_init(&options->graph);
    options->max_wait = -1;
    options->mode = COOPNET_TEMPORAL_MODE_ALL;
}

int coopnet_temporal_parse_mode(const char *text, coopnet_temporal_mode_t *mode,
                                coopnet_error_t *err)
{
    if (strcasecmp(text, "all") == 0)
        *mode = COOPNET_TEMPORAL_MODE_ALL;
    else if (strcasecmp(text, "presenter") == 0)
        *mode = COOPNET_TEMPORAL_MODE_PRESENTER;
    else
        return COOPNET_ERROR(err, COOPNET_EINVAL, "unknown mode '%s' (expected all or presenter)",
                             text);
    return COOPNET_OK;
}

bool coopnet_temporal_role_passes(coopnet_role_t role)
{
    return role == COOPNET_ROLE_PRESENTER || role == COOPNET_ROLE_HOST ||
           role == COOPNET_ROLE_ORGANISER || role == COOPNET_ROLE_FACILITATOR;
}

/* ---- the network of contacts --------------------------------------------------------------- */

void coopnet_temporal_network_free(coopnet_temporal_network_t *network)
{
    if (network == NULL)
        return;
    free(network->compact_of_actor);
    free(network->actor_of_compact);
    free(network->contacts);
    free(network->member_start);
    free(network->member_actor);
    free(network->member_flags);
    free(network->entries);
    free(network->day_list);
    free(network->day_start);
    free(network);
}

static int compare_refs(coopnet_contact_ref_t x, coopnet_contact_ref_t y)
{
    if (x.kind != y.kind)
        return x.kind < y.kind ? -1 : 1;
    return (x.index > y.index) - (x.index < y.index);
}

static int compare_contacts(const void *a, const void *b)
{
    const temporal_contact_t *x = a, *y = b;
    if (x->lo != y->lo)
        return x->lo < y->lo ? -1 : 1;
    return compare_refs(x->ref, y->ref);
}

/* qsort has no context argument: the contacts the entries point into, while sorting */
static _Thread_local const temporal_contact_t *sorting_contacts;

static int compare_entries(const void *a, const void *b)
{
    const temporal_entry_t *x = a, *y = b;
    if (x->day != y->day)
        return x->day < y->day ? -1 : 1;
    int order = compare_refs(sorting_contacts[x->contact].ref, sorting_contacts[y->contact].ref);
    return order ? order : (x->phase > y->phase) - (x->phase < y->phase);
}

static int select_actors(coopnet_temporal_network_t *network, coopnet_error_t *err)
{
    const coopnet_bundle_t *bundle = network->bundle;
    const coopnet_graph_options_t *graph = &network->options.graph;
    for (size_t a = 0; a < bundle->n_actors; a++)
        network->compact_of_actor[a] = 0;
    for (size_t i = 0; i < graph->n_exclude; i++) {
        long actor = coopnet_bundle_find_actor(bundle, graph->exclude[i]);
        if (actor < 0)
            return COOPNET_ERROR(err, COOPNET_EINVAL,
                                 "unknown actor '%s' among the actors to exclude",
                                 graph->exclude[i]);
        network->compact_of_actor[actor] = -1;
    }
    network->n_kept = 0;
    for (size_t a = 0; a < bundle->n_actors; a++) {
        unsigned bit = 1u << bundle->actors[a].level;
        if (network->compact_of_actor[a] < 0 || (graph->level_mask && !(graph->level_mask & bit))) {
            network->compact_of_actor[a] = -1;
            continue;
        }
        network->compact_of_actor[a] = (int32_t)network->n_kept;
        network->actor_of_compact[network->n_kept++] = (int32_t)a;
    }
    return COOPNET_OK;
}

/* The days contact date may fall on in this network's reading: its bounds (an undated date or
 * an open side: the study window), within since..until. The possible reading clips them to
 * since..until; the certain one keeps only dates surely within it. False: none. */
static bool contact_days(coopnet_temporal_network_t *network, coopnet_date_t date,
                         int32_t window_first, int32_t window_last, bool have_window,
                         temporal_contact_t *contact)
{
    if (date.precision == COOPNET_DATE_NONE && !have_window)
        return false;
    coopnet_date_bounds(date, window_first, window_last, &contact->lo, &contact->hi);
    /* exact: both readings agree, which a contact the certain reading drops can change */
    network->exact &= contact->lo == contact->hi;
    if (network->reading == COOPNET_READING_CERTAIN)
        return contact->lo >= network->since_day && contact->hi <= network->until_day;
    if (contact->lo < network->since_day)
        contact->lo = network->since_day;
    if (contact->hi > network->until_day)
        contact->hi = network->until_day;
    return contact->lo <= contact->hi;
}

/* Appends the kept members of a contact; returns how many, and whether one of them sends. */
static size_t append_members(coopnet_temporal_network_t *network, coopnet_contact_ref_t ref,
                             bool *has_sender)
{
    const coopnet_bundle_t *bundle = network->bundle;
    size_t before = network->n_members;
    *has_sender = false;
    if (ref.kind == COOPNET_CONTACT_EVENT) {
        for (size_t p = bundle->event_start[ref.index]; p < bundle->event_start[ref.index + 1];
             p++) {
            int32_t member = network->compact_of_actor[bundle->participations[p].actor];
            if (member < 0)
                continue;
            uint8_t flags = TEMPORAL_RECEIVES;
            if (network->options.mode == COOPNET_TEMPORAL_MODE_ALL ||
                coopnet_temporal_role_passes(bundle->participations[p].role))
                flags |= TEMPORAL_SENDS;
            *has_sender |= (flags & TEMPORAL_SENDS) != 0;
            network->member_actor[network->n_members] = member;
            network->member_flags[network->n_members++] = flags;
        }
    } else {
        const coopnet_tie_t *tie = &bundle->ties[ref.index];
        int32_t from = network->compact_of_actor[tie->from],
                to = network->compact_of_actor[tie->to];
        if (from >= 0 && to >= 0 && from != to) {
            network->member_actor[network->n_members] = from;
            network->member_flags[network->n_members++] =
                TEMPORAL_SENDS | (tie->directed ? 0 : TEMPORAL_RECEIVES);
            network->member_actor[network->n_members] = to;
            network->member_flags[network->n_members++] =
                TEMPORAL_RECEIVES | (tie->directed ? 0 : TEMPORAL_SENDS);
            *has_sender = true;
        }
    }
    return network->n_members - before;
}

int coopnet_temporal_network_alloc(const coopnet_bundle_t *bundle,
                                   const coopnet_temporal_options_t *options,
                                   coopnet_temporal_network_t **result, coopnet_error_t *err)
{
    int status = COOPNET_OK;
    coopnet_temporal_network_t *network = calloc(1, sizeof *network);
    *result = NULL;
    if (network == NULL)
        return COOPNET_ERROR(err, COOPNET_ENOMEM, "out of memory building the contacts");
    network->bundle = bundle;
    network->options = *options;
    network->n_actors = bundle->n_actors;
    network->max_wait = options->max_wait < 0 ? -1 : options->max_wait;

    network->reading = options->reading;
    network->exact = true;
    int32_t window_first, window_last;
    bool have_window =
        coopnet_graph_options_window(&options->graph, bundle, &window_first, &window_last);
    network->since_day = options->since.precision != COOPNET_DATE_NONE ? options->since.day
                         : have_window                                 ? window_first
                                                                       : 0;
    network->until_day = options->until.precision != COOPNET_DATE_NONE
                             ? coopnet_date_last_day(options->until)
                             : INT32_MAX;
    if (options->since.precision != COOPNET_DATE_NONE &&
        options->until.precision != COOPNET_DATE_NONE && network->until_day < network->since_day) {
        char since_text[COOPNET_DATE_TEXT_SIZE], until_text[COOPNET_DATE_TEXT_SIZE];
        coopnet_date_format(options->since, since_text);
        coopnet_date_format(options->until, until_text);
        status = COOPNET_ERROR(err, COOPNET_EINVAL, "until date '%s' is before since date '%s'",
                               until_text, since_text);
        goto cleanup;
    }

    size_t max_contacts = bundle->n_events + bundle->n_ties;
    size_t max_members = bundle->n_participations + 2 * bundle->n_ties;
    network->compact_of_actor = coopnet_i_alloc_array(bundle->n_actors + 1, sizeof(int32_t));
    network->actor_of_compact = coopnet_i_alloc_array(bundle->n_actors + 1, sizeof(int32_t));
    network->contacts = coopnet_i_alloc_array(max_contacts + 1, sizeof *network->contacts);
    network->member_start = coopnet_i_alloc_array(max_contacts + 1, sizeof(size_t));
    network->member_actor = coopnet_i_alloc_array(max_members + 1, sizeof(int32_t));
    network->member_flags = coopnet_i_alloc_array(max_members + 1, 1);
    if (!network->compact_of_actor || !network->actor_of_compact || !network->contacts ||
        !network->member_start || !network->member_actor || !network->member_flags) {
        status = COOPNET_ERROR(err, COOPNET_ENOMEM, "out of memory building the contacts");
        goto cleanup;
    }
    if ((status = select_actors(network, err)) != COOPNET_OK ||
        (status = coopnet_graph_check_layers(bundle, &options->graph, err)) != COOPNET_OK)
        goto cleanup;

    /* the contacts within since..until, by their earliest day */
    for (size_t e = 0; e < bundle->n_events; e++) {
        temporal_contact_t *contact = &network->contacts[network->n_contacts];
        if (coopnet_graph_keeps_event(bundle, e, &options->graph) &&
            contact_days(network, bundle->events[e].date, window_first, window_last, have_window,
                         contact)) {
            contact->ref = (coopnet_contact_ref_t){COOPNET_CONTACT_EVENT, (int32_t)e};
            network->n_contacts++;
        }
    }
    for (size_t t = 0; t < bundle->n_ties; t++) {
        temporal_contact_t *contact = &network->contacts[network->n_contacts];
        if (coopnet_graph_keeps_tie(bundle, t, &options->graph) &&
            contact_days(network, bundle->ties[t].start, window_first, window_last, have_window,
                         contact)) {
            contact->ref = (coopnet_contact_ref_t){COOPNET_CONTACT_TIE, (int32_t)t};
            network->n_contacts++;
        }
    }
    qsort(network->contacts, network->n_contacts, sizeof *network->contacts, compare_contacts);

    /* members, dropping contacts where nobody can pass anything to anybody else */
    size_t kept = 0;
    uint64_t n_entries = 0;
    for (size_t c = 0; c < network->n_contacts; c++) {
        bool has_sender;
        size_t start = network->n_members;
        size_t n = append_members(network, network->contacts[c].ref, &has_sender);
        if (n < 2 || !has_sender) {
            network->n_members = start;
            continue;
        }
        network->member_start[kept] = start;
        network->contacts[kept++] = network->contacts[c];
        const temporal_contact_t *contact = &network->contacts[kept - 1];
        n_entries += contact->lo == contact->hi ? 1
                     : network->reading == COOPNET_READING_CERTAIN
                         ? 2
                         : (uint64_t)contact->hi - contact->lo + 1;
    }
    network->n_contacts = kept;
    network->member_start[kept] = network->n_members;

    /* the schedule: each contact's days (possible reading) or its gathering and handing days
     * (certain reading) */
    if (n_entries > (UINT64_C(1) << 31)) {
        status = COOPNET_ERROR(err, COOPNET_ENOMEM,
                               "the possible reading needs %llu contact-days (contacts times the "
                               "days each may fall on), more than 2^31: narrow the widest "
                               "dates or the window",
                               (unsigned long long)n_entries);
        goto cleanup;
    }
    network->entries = coopnet_i_alloc_array((size_t)n_entries + 1, sizeof *network->entries);
    network->day_list = coopnet_i_alloc_array((size_t)n_entries + 1, sizeof(int32_t));
    network->day_start = coopnet_i_alloc_array((size_t)n_entries + 1, sizeof(size_t));
    if (!network->entries || !network->day_list || !network->day_start) {
        status = COOPNET_ERROR(err, COOPNET_ENOMEM, "out of memory building the contacts");
        goto cleanup;
    }
    for (size_t c = 0; c < network->n_contacts; c++) {
        const temporal_contact_t *contact = &network->contacts[c];
        temporal_entry_t *entry = network->entries + network->n_entries;
        if (contact->lo == contact->hi) {
            entry[0] = (temporal_entry_t){contact->lo, (int32_t)c, TEMPORAL_BOTH};
            network->n_entries++;
        } else if (network->reading == COOPNET_READING_CERTAIN) {
            entry[0] = (temporal_entry_t){contact->lo, (int32_t)c, TEMPORAL_GATHER};
            entry[1] = (temporal_entry_t){contact->hi, (int32_t)c, TEMPORAL_HAND};
            network->n_entries += 2;
        } else {
            for (int64_t day = contact->lo; day <= contact->hi; day++)
                network->entries[network->n_entries++] =
                    (temporal_entry_t){(int32_t)day, (int32_t)c, TEMPORAL_BOTH};
        }
    }
    sorting_contacts = network->contacts;
    qsort(network->entries, network->n_entries, sizeof *network->entries, compare_entries);
    sorting_contacts = NULL;

    for (size_t i = 0; i < network->n_entries; i++) {
        if (i == 0 || network->entries[i].day != network->entries[i - 1].day) {
            network->day_list[network->n_days] = network->entries[i].day;
            network->day_start[network->n_days++] = i;
        }
    }
    network->day_start[network->n_days] = network->n_entries;
    *result = network;
    return COOPNET_OK;
cleanup:
    coopnet_temporal_network_free(network);
    return status;
}

int coopnet_temporal_networks_alloc(const coopnet_bundle_t *bundle,
                                    const coopnet_temporal_options_t *options,
                                    coopnet_temporal_network_t **certain,
                                    coopnet_temporal_network_t **possible, coopnet_error_t *err)
{
    coopnet_temporal_options_t reading = *options;
    reading.reading = COOPNET_READING_CERTAIN;
    *possible = NULL;
    int status = coopnet_temporal_network_alloc(bundle, &reading, certain, err);
    if (status != COOPNET_OK || (*certain)->exact)
        return status;
    reading.reading = COOPNET_READING_POSSIBLE;
    if ((status = coopnet_temporal_network_alloc(bundle, &reading, possible, err)) != COOPNET_OK) {
        coopnet_temporal_network_free(*certain);
        *certain = NULL;
    }
    return status;
}

const coopnet_bundle_t *coopnet_temporal_network_bundle(const coopnet_temporal_network_t *network)
{
    return network->bundle;
}

size_t coopnet_temporal_network_contacts(const coopnet_temporal_network_t *network)
{
    return network->n_contacts;
}

coopnet_reading_t coopnet_temporal_network_reading(const coopnet_temporal_network_t *network)
{
    return network->reading;
}

bool coopnet_temporal_network_is_exact(const coopnet_temporal_network_t *network)
{
    return network->exact;
}

size_t coopnet_temporal_network_actors(const coopnet_temporal_network_t *network)
{
    return network->n_kept;
}

bool coopnet_temporal_network_keeps_actor(const coopnet_temporal_network_t *network, size_t actor)
{
    return actor < network->n_actors && network->compact_of_actor[actor] >= 0;
}

int32_t coopnet_temporal_network_since(const coopnet_temporal_network_t *network)
{
    return network->since_day;
}

int32_t coopnet_temporal_network_until(const coopnet_temporal_network_t *network)
{
    return network->until_day;
}

bool coopnet_temporal_contact_bounds(const coopnet_temporal_network_t *network,
                                     coopnet_contact_ref_t contact, int32_t *lo, int32_t *hi)
{
    for (size_t c = 0; c < network->n_contacts; c++) {
        if (network->contacts[c].ref.kind == contact.kind &&
            network->contacts[c].ref.index == contact.index) {
            *lo = network->contacts[c].lo;
            *hi = network->contacts[c].hi;
            return true;
        }
    }
    *lo = *hi = 0;
    return false;
}

coopnet_date_t coopnet_temporal_contact_date(const coopnet_temporal_network_t *network,
                                             coopnet_contact_ref_t contact)
{
    const coopnet_bundle_t *bundle = network->bundle;
    if (contact.index < 0)
        return (coopnet_date_t){0};
    return contact.kind == COOPNET_CONTACT_EVENT ? bundle->events[contact.index].date
                                                 : bundle->ties[contact.index].start;
}

/* ---- one source: the earliest-arrival scan ------------------------------------------------- */

/* An actor informed at scan time `time` with `hops` contacts, by `contact` from the record
 * `parent`. The records an actor can still pass on form a deque (older/newer links) ordered by
 * time and by strictly increasing hops: a newer record with no more hops makes older ones
 * useless, and the oldest expire first under a maximum wait, so the front is the best one. */
struct coopnet_temporal_record {
    int32_t actor; /* compact index */
    int32_t time;  /* scan time: the day forward, minus the day backward; PERMANENT: the source */
    int32_t sent;  /* scan time the informing contact gathered (== time unless it spans days) */
    int32_t hops;
    int32_t contact; /* index into network->contacts; -1 for the source */
    int32_t parent;  /* record; -1 for the source */
    int32_t older, newer;
};

#define PERMANENT INT32_MIN

typedef struct held {
    int32_t best, second, best_actor; /* what a contact gathered, until it hands it on */
    int32_t sent;
} held_t;

typedef struct scan_state {
    coopnet_temporal_record_t *records;
    size_t n_records;
    int32_t *front, *back; /* per compact actor: the deque's ends, -1: empty */
    int32_t *pending;      /* per compact actor: today's record, -1: none */
    /* keep_all only: per compact actor, today's record whose informing contact gathered last
     * (the one a maximum wait keeps usable longest), when not the fewest-hops one; -1: none */
    int32_t *pending_fresh;
    int32_t *touched; /* actors with a pending record today */
    size_t n_touched;
    int32_t *changed_at; /* per compact actor: scan time of its last new record */
    held_t *held;        /* per contact */
    /* certain reading, bounded dates and a maximum wait: whether a record can still be passed
     * on depends on when the next contact hands on, which is not monotone in scan order; keep
     * every record and search them */
    bool keep_all;
} scan_state_t;

/* The actor's best record still able to pass knowledge on at a contact that gathers at scan time
 * `time` and hands on at `hand_time`, or -1. */
static int32_t usable_record(scan_state_t *state, int32_t actor, int32_t time, int32_t hand_time,
                             int32_t max_wait)
{
    int32_t r = state->front[actor];
    if (max_wait < 0)
        return r;
    if (state->keep_all) {
        int32_t best = -1;
        for (; r >= 0; r = state->records[r].newer) {
            const coopnet_temporal_record_t *record = &state->records[r];
            if ((record->time == PERMANENT || (int64_t)hand_time - record->sent <= max_wait) &&
                (best < 0 || record->hops < state->records[best].hops))
                best = r;
        }
        return best;
    }
    while (r >= 0 && state->records[r].time != PERMANENT &&
           (int64_t)time - state->records[r].time > max_wait) {
        r = state->records[r].newer;
        state->front[actor] = r;
        if (r < 0)
            state->back[actor] = -1;
        else
            state->records[r].older = -1;
    }
    return r;
}

static void push_record(scan_state_t *state, int32_t actor, int32_t r)
{
    coopnet_temporal_record_t *records = state->records;
    while (!state->keep_all && state->back[actor] >= 0 &&
           records[state->back[actor]].hops >= records[r].hops) {
        state->back[actor] = records[state->back[actor]].older;
        if (state->back[actor] < 0)
            state->front[actor] = -1;
        else
            records[state->back[actor]].newer = -1;
    }
    records[r].older = state->back[actor];
    records[r].newer = -1;
    if (state->back[actor] >= 0)
        records[state->back[actor]].newer = r;
    else
        state->front[actor] = r;
    state->back[actor] = r;
}

/* Offers actor a record for today; keeps the one with the fewest hops (the first on a tie; with
 * keep_all the freshest on a tie), and with keep_all also the freshest one. */
static void offer(scan_state_t *state, int32_t actor, int32_t time, int32_t sent, int32_t parent,
                  int32_t contact)
{
    coopnet_temporal_record_t record = {actor,   time,   sent, state->records[parent].hops + 1,
                                        contact, parent, -1,   -1};
    int32_t p = state->pending[actor];
    if (p < 0) {
        p = (int32_t)state->n_records++;
        state->pending[actor] = p;
        state->touched[state->n_touched++] = actor;
        state->records[p] = record;
        return;
    }
    coopnet_temporal_record_t *best = &state->records[p];
    if (!state->keep_all) {
        if (record.hops < best->hops)
            *best = record;
        return;
    }
    if (record.hops < best->hops || (record.hops == best->hops && record.sent > best->sent)) {
        coopnet_temporal_record_t displaced = *best;
        *best = record;
        record = displaced; /* it may still be the freshest */
    }
    int32_t f = state->pending_fresh[actor];
    const coopnet_temporal_record_t *fresh = f >= 0 ? &state->records[f] : best;
    if (record.sent > fresh->sent ||
        (record.sent == fresh->sent && record.hops < fresh->hops && f >= 0)) {
        if (f < 0) {
            f = (int32_t)state->n_records++;
            state->pending_fresh[actor] = f;
        }
        state->records[f] = record;
    }
}

void coopnet_temporal_reach_destroy(coopnet_temporal_reach_t *reach)
{
    if (reach == NULL)
        return;
    free(reach->day);
    free(reach->hops);
    free(reach->via);
    free(reach->records);
    free(reach->first_record);
    memset(reach, 0, sizeof *reach);
}

/* In the possible reading without a maximum wait, a contact on a later day of its bounds can
 * only pass on what one of its senders learnt the day before: skip it otherwise. */
bool coopnet_i_temporal_entry_is_repeat(const coopnet_temporal_network_t *network,
                                        const temporal_entry_t *entry, bool backward)
{
    const temporal_contact_t *contact = &network->contacts[entry->contact];
    return network->reading == COOPNET_READING_POSSIBLE && network->max_wait < 0 &&
           entry->day != (backward ? contact->hi : contact->lo);
}

static int scan(const coopnet_temporal_network_t *network, size_t source, bool backward,
                coopnet_temporal_reach_t *reach, coopnet_error_t *err)
{
    int status = COOPNET_OK;
    size_t n = network->n_kept;
    scan_state_t state = {0};
    memset(reach, 0, sizeof *reach);
    if (source >= network->n_actors)
        return COOPNET_ERROR(err, COOPNET_EINVAL, "actor index %zu out of range", source);
    if (network->compact_of_actor[source] < 0)
        return COOPNET_ERROR(err, COOPNET_EINVAL, "actor '%s' is filtered out",
                             network->bundle->actors[source].id);
    int32_t origin = network->compact_of_actor[source];

    reach->backward = backward;
    reach->source = (int32_t)source;
    reach->n_actors = network->n_actors;
    reach->day = coopnet_i_alloc_array(network->n_actors + 1, sizeof *reach->day);
    reach->hops = coopnet_i_alloc_array(network->n_actors + 1, sizeof *reach->hops);
    reach->via = coopnet_i_alloc_array(network->n_actors + 1, sizeof *reach->via);
    reach->first_record = coopnet_i_alloc_array(network->n_actors + 1, sizeof *reach->first_record);
    /* at most one record per member per entry; a possible-reading contact can recur daily */
    size_t max_records = network->n_members + 1;
    if (network->reading == COOPNET_READING_CERTAIN && !network->exact && network->max_wait >= 0)
        max_records = 2 * network->n_members + 1; /* a fresh record beside the fewest-hops one */
    else if (network->reading == COOPNET_READING_POSSIBLE && !network->exact) {
        max_records = 1;
        for (size_t i = 0; i < network->n_entries; i++) {
            size_t c = (size_t)network->entries[i].contact;
            max_records += network->member_start[c + 1] - network->member_start[c];
        }
    }
    state.records = coopnet_i_alloc_array(max_records, sizeof *state.records);
    state.front = coopnet_i_alloc_array(n + 1, sizeof(int32_t));
    state.back = coopnet_i_alloc_array(n + 1, sizeof(int32_t));
    state.pending = coopnet_i_alloc_array(n + 1, sizeof(int32_t));
    state.pending_fresh = coopnet_i_alloc_array(n + 1, sizeof(int32_t));
    state.touched = coopnet_i_alloc_array(n + 1, sizeof(int32_t));
    state.changed_at = coopnet_i_alloc_array(n + 1, sizeof(int32_t));
    state.held = coopnet_i_alloc_array(network->n_contacts + 1, sizeof *state.held);
    if (!reach->day || !reach->hops || !reach->via || !reach->first_record || !state.records ||
        !state.front || !state.back || !state.pending || !state.pending_fresh || !state.touched ||
        !state.changed_at || !state.held) {
        status = COOPNET_ERROR(err, COOPNET_ENOMEM, "out of memory computing reach");
        goto cleanup;
    }
    state.keep_all =
        network->reading == COOPNET_READING_CERTAIN && !network->exact && network->max_wait >= 0;
    for (size_t a = 0; a < n; a++) {
        state.front[a] = state.back[a] = state.pending[a] = state.pending_fresh[a] = -1;
        state.changed_at[a] = PERMANENT;
    }
    for (size_t c = 0; c < network->n_contacts; c++)
        state.held[c].best = -1;
    state.records[0] = (coopnet_temporal_record_t){origin, PERMANENT, PERMANENT, 0, -1, -1, -1, -1};
    state.n_records = 1;
    state.front[origin] = state.back[origin] = 0;

    /* backward runs the same scan on the mirrored network: reversed days, senders and
     * receivers swapped, a contact gathering at its last day and handing on at its first */
    const uint8_t sends = backward ? TEMPORAL_RECEIVES : TEMPORAL_SENDS;
    const uint8_t receives = backward ? TEMPORAL_SENDS : TEMPORAL_RECEIVES;
    const uint8_t gather = temporal_gather_phase(backward);
    for (size_t k = 0; k < network->n_days; k++) {
        size_t day_index = backward ? network->n_days - 1 - k : k;
        int32_t time = backward ? -network->day_list[day_index] : network->day_list[day_index];
        state.n_touched = 0;
        for (size_t i = network->day_start[day_index]; i < network->day_start[day_index + 1]; i++) {
            const temporal_entry_t *entry = &network->entries[i];
            size_t c = (size_t)entry->contact;
            const temporal_contact_t *contact = &network->contacts[c];
            bool repeat = coopnet_i_temporal_entry_is_repeat(network, entry, backward);
            held_t got = {-1, -1, -1, time};
            if (entry->phase & gather) {
                int32_t hand_time = backward ? -contact->lo : contact->hi;
                for (size_t m = network->member_start[c]; m < network->member_start[c + 1]; m++) {
                    if (!(network->member_flags[m] & sends))
                        continue;
                    int32_t actor = network->member_actor[m];
                    if (repeat && state.changed_at[actor] != time - 1)
                        continue;
                    int32_t r = usable_record(&state, actor, time, hand_time, network->max_wait);
                    if (r < 0)
                        continue;
                    if (got.best < 0 || state.records[r].hops < state.records[got.best].hops) {
                        got.second = got.best;
                        got.best = r;
                        got.best_actor = actor;
                    } else if (got.second < 0 ||
                               state.records[r].hops < state.records[got.second].hops) {
                        got.second = r;
                    }
                }
                if (entry->phase != TEMPORAL_BOTH) {
                    state.held[c] = got;
                    continue;
                }
            } else {
                got = state.held[c];
            }
            if (got.best < 0)
                continue;
            for (size_t m = network->member_start[c]; m < network->member_start[c + 1]; m++) {
                int32_t actor = network->member_actor[m];
                if (!(network->member_flags[m] & receives) || actor == origin)
                    continue;
                int32_t parent = actor == got.best_actor ? got.second : got.best;
                if (parent >= 0)
                    offer(&state, actor, time, got.sent, parent, (int32_t)c);
            }
        }
        /* today's records take effect only now: no chaining within one day */
        for (size_t i = 0; i < state.n_touched; i++) {
            int32_t actor = state.touched[i];
            push_record(&state, actor, state.pending[actor]);
            state.pending[actor] = -1;
            if (state.pending_fresh[actor] >= 0) {
                push_record(&state, actor, state.pending_fresh[actor]);
                state.pending_fresh[actor] = -1;
            }
            state.changed_at[actor] = time;
        }
    }

    for (size_t a = 0; a < network->n_actors; a++) {
        reach->day[a] = COOPNET_TEMPORAL_NEVER;
        reach->hops[a] = -1;
        reach->via[a] = (coopnet_contact_ref_t){COOPNET_CONTACT_EVENT, -1};
        reach->first_record[a] = -1;
    }
    /* records are created in scan order, so an actor's first one is its earliest */
    for (size_t r = state.n_records; r-- > 1;) {
        const coopnet_temporal_record_t *record = &state.records[r];
        int32_t actor = network->actor_of_compact[record->actor];
        reach->first_record[actor] = (int32_t)r;
    }
    for (size_t a = 0; a < network->n_actors; a++) {
        int32_t r = reach->first_record[a];
        if (r < 0)
            continue;
        const coopnet_temporal_record_t *record = &state.records[r];
        reach->day[a] = backward ? -record->time : record->time;
        reach->hops[a] = record->hops;
        reach->via[a] = network->contacts[record->contact].ref;
        reach->n_reached++;
    }
    reach->records = state.records;
    state.records = NULL;
cleanup:
    free(state.records);
    free(state.front);
    free(state.back);
    free(state.pending);
    free(state.pending_fresh);
    free(state.touched);
    free(state.changed_at);
    free(state.held);
    if (status != COOPNET_OK)
        coopnet_temporal_reach_destroy(reach);
    return status;
}

int coopnet_temporal_reach_forward(const coopnet_temporal_network_t *network, size_t source,
                                   coopnet_temporal_reach_t *reach, coopnet_error_t *err)
{
    return scan(network, source, false, reach, err);
}

int coopnet_temporal_reach_backward(const coopnet_temporal_network_t *network, size_t target,
                                    coopnet_temporal_reach_t *reach, coopnet_error_t *err)
{
    return scan(network, target, true, reach, err);
}

int coopnet_temporal_reach_path(const coopnet_temporal_network_t *network,
                                const coopnet_temporal_reach_t *reach, size_t actor,
                                coopnet_temporal_step_t **steps, size_t *n_steps,
                                coopnet_error_t *err)
{
    *steps = NULL;
    *n_steps = 0;
    if (actor >= reach->n_actors)
        return COOPNET_ERROR(err, COOPNET_EINVAL, "actor index %zu out of range", actor);
    int32_t r = reach->first_record[actor];
    if (r < 0)
        return COOPNET_OK;
    size_t n = (size_t)reach->records[r].hops;
    coopnet_temporal_step_t *path = coopnet_i_alloc_array(n, sizeof *path);
    if (path == NULL)
        return COOPNET_ERROR(err, COOPNET_ENOMEM, "out of memory reading a pathway");
    /* forward, the records lead back from actor to the source: fill from the end; backward,
     * they lead on from actor to the target: fill from the start */
    for (size_t k = 0; k < n; k++) {
        const coopnet_temporal_record_t *record = &reach->records[r];
        int32_t here = network->actor_of_compact[record->actor];
        int32_t there = network->actor_of_compact[reach->records[record->parent].actor];
        coopnet_contact_ref_t ref = network->contacts[record->contact].ref;
        coopnet_temporal_step_t step = {reach->backward ? here : there,
                                        reach->backward ? there : here, ref,
                                        coopnet_temporal_contact_date(network, ref)};
        path[reach->backward ? k : n - 1 - k] = step;
        r = record->parent;
    }
    *steps = path;
    *n_steps = n;
    return COOPNET_OK;
}
