/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test_temporal.c - time-respecting reach: hand-worked cases, a brute-force reference on random
 * bundles (every command's numbers), the mena-hub pathways and the error paths. */
#include "temporal_fixtures.h"
#include "testing.h"

#include <coopnet/coopnet.h>

#include <limits.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ---- helpers ------------------------------------------------------------------------------- */

static long actor_of(const coopnet_bundle_t *bundle, const char *id)
{
    long a = coopnet_bundle_find_actor(bundle, id);
    CHECK(a >= 0);
    return a;
}

static int32_t day_of(const char *text)
{
    coopnet_date_t date;
    coopnet_error_t err;
    CHECK_INT(coopnet_date_parse(text, &date, &err), COOPNET_OK);
    return date.day;
}

/* Forward reach from source under options; network and reach are freed by the caller. */
static void reach_from(const coopnet_bundle_t *bundle, const coopnet_temporal_options_t *options,
                       const char *source, coopnet_temporal_network_t **network,
                       coopnet_temporal_reach_t *reach)
{
    coopnet_error_t err;
    memset(reach, 0, sizeof *reach);
    CHECK_INT(coopnet_temporal_network_alloc(bundle, options, network, &err), COOPNET_OK);
    if (*network)
        CHECK_INT(
            coopnet_temporal_reach_forward(*network, (size_t)actor_of(bundle, source), reach, &err),
            COOPNET_OK);
}

static const char line_actors[] = "id,name,level\n"
                                  "a,A,local\nb,B,local\nc,C,national\nd,D,local\n";

/* ---- hand-worked cases --------------------------------------------------------------------- */

/* Two contacts on the same day do not chain; the next day they do. */
static void test_same_day_no_chaining(void)
{
    coopnet_bundle_t *bundle = load(line_actors,
                                    "id,title,date\ne1,One,2024-01-01\ne2,Two,2024-01-01\n"
                                    "e3,Three,2024-01-02\n",
                                    "event,actor\ne1,a\ne1,b\ne2,b\ne2,c\ne3,c\ne3,d\n", NULL);
    CHECK(bundle != NULL);
    coopnet_temporal_options_t options;
    coopnet_temporal_options_init(&options);
    coopnet_temporal_network_t *network = NULL;
    coopnet_temporal_reach_t reach;
    reach_from(bundle, &options, "a", &network, &reach);
    CHECK_INT(reach.day[actor_of(bundle, "b")], day_of("2024-01-01"));
    CHECK_INT(reach.hops[actor_of(bundle, "b")], 1);
    CHECK_INT(reach.day[actor_of(bundle, "c")], COOPNET_TEMPORAL_NEVER);
    CHECK_INT(reach.day[actor_of(bundle, "d")], COOPNET_TEMPORAL_NEVER);
    CHECK_INT(reach.n_reached, 1);
    coopnet_temporal_reach_destroy(&reach);
    /* from b the same day reaches a and c, and d the next day */
    CHECK_INT(coopnet_temporal_reach_forward(network, (size_t)actor_of(bundle, "b"), &reach, NULL),
              COOPNET_OK);
    CHECK_INT(reach.day[actor_of(bundle, "c")], day_of("2024-01-01"));
    CHECK_INT(reach.day[actor_of(bundle, "d")], day_of("2024-01-02"));
    CHECK_INT(reach.hops[actor_of(bundle, "d")], 2);
    CHECK_INT(reach.via[actor_of(bundle, "d")].kind, COOPNET_CONTACT_EVENT);
    CHECK_INT(reach.via[actor_of(bundle, "d")].index, coopnet_bundle_find_event(bundle, "e3"));
    coopnet_temporal_reach_destroy(&reach);
    coopnet_temporal_network_free(network);
    coopnet_bundle_free(bundle);
}

/* A directed tie carries knowledge one way; an undirected one both ways. */
static void test_directed_ties(void)
{
    coopnet_bundle_t *bundle =
        load(line_actors, "id,title,date\n", "event,actor\n",
             "from,to,type,start,directed\na,b,peer_learning,2024-02-01,true\n"
             "b,c,peer_learning,2024-03-01,false\nc,d,mou,,false\n");
    CHECK(bundle != NULL);
    coopnet_temporal_options_t options;
    coopnet_temporal_options_init(&options);
    coopnet_temporal_network_t *network = NULL;
    coopnet_temporal_reach_t reach;
    reach_from(bundle, &options, "a", &network, &reach);
    CHECK_INT(reach.day[actor_of(bundle, "b")], day_of("2024-02-01"));
    CHECK_INT(reach.via[actor_of(bundle, "b")].kind, COOPNET_CONTACT_TIE);
    CHECK_INT(reach.via[actor_of(bundle, "b")].index, 0);
    CHECK_INT(reach.day[actor_of(bundle, "c")], day_of("2024-03-01"));
    CHECK_INT(reach.hops[actor_of(bundle, "c")], 2);
    /* the undated c-d tie may be on any day up to 2024-03-01: never surely after c knew */
    CHECK_INT(reach.day[actor_of(bundle, "d")], COOPNET_TEMPORAL_NEVER);
    coopnet_temporal_reach_destroy(&reach);
    CHECK_INT(coopnet_temporal_reach_forward(network, (size_t)actor_of(bundle, "b"), &reach, NULL),
              COOPNET_OK);
    CHECK_INT(reach.day[actor_of(bundle, "a")], COOPNET_TEMPORAL_NEVER); /* against the tie */
    CHECK_INT(reach.day[actor_of(bundle, "c")], day_of("2024-03-01"));
    coopnet_temporal_reach_destroy(&reach);
    /* c reaches b (undirected) but not a */
    CHECK_INT(coopnet_temporal_reach_backward(network, (size_t)actor_of(bundle, "c"), &reach, NULL),
              COOPNET_OK);
    CHECK_INT(reach.day[actor_of(bundle, "a")], day_of("2024-02-01"));
    CHECK_INT(reach.hops[actor_of(bundle, "a")], 2);
    CHECK_INT(reach.day[actor_of(bundle, "b")], day_of("2024-03-01"));
    /* the undated c-d tie falls somewhere in the study window (2024-02-01 to 2024-03-01): d
     * certainly tells c by its end, setting out on the window's first day at the latest */
    CHECK_INT(reach.day[actor_of(bundle, "d")], day_of("2024-02-01"));
    coopnet_temporal_reach_destroy(&reach);
    coopnet_temporal_network_free(network);
    coopnet_bundle_free(bundle);
}

/* An undated event falls anywhere in the study window (here March 2024, from the month), a
 * month anywhere in it: the certain reading informs at their last day, the possible one at
 * their first, and neither chains two contacts of the same day. */
static void test_undated_and_month_bounds(void)
{
    coopnet_bundle_t *bundle = load(line_actors,
                                    "id,title,date\nundated,U,\nmonthly,M,2024-03\n"
                                    "daily,D,2024-03-01\nlater,L,2024-03-02\n",
                                    "event,actor\nundated,a\nundated,b\nmonthly,a\nmonthly,c\n"
                                    "daily,c\ndaily,d\nlater,c\nlater,b\n",
                                    NULL);
    CHECK(bundle != NULL);
    coopnet_temporal_options_t options;
    coopnet_temporal_options_init(&options);
    coopnet_temporal_network_t *network = NULL;
    coopnet_temporal_reach_t reach;
    reach_from(bundle, &options, "a", &network, &reach);
    CHECK(!coopnet_temporal_network_is_exact(network));
    CHECK_INT(coopnet_temporal_network_contacts(network), 4);
    CHECK_INT(reach.day[actor_of(bundle, "c")], day_of("2024-03-31"));
    CHECK_INT(reach.day[actor_of(bundle, "b")], day_of("2024-03-31"));
    CHECK_INT(reach.via[actor_of(bundle, "b")].index, 0); /* the undated event */
    CHECK_INT(reach.day[actor_of(bundle, "d")], COOPNET_TEMPORAL_NEVER);
    coopnet_temporal_reach_destroy(&reach);
    coopnet_temporal_network_free(network);

    options.reading = COOPNET_READING_POSSIBLE;
    reach_from(bundle, &options, "a", &network, &reach);
    CHECK_INT(reach.day[actor_of(bundle, "c")], day_of("2024-03-01"));
    CHECK_INT(reach.day[actor_of(bundle, "b")], day_of("2024-03-01"));
    CHECK_INT(reach.hops[actor_of(bundle, "b")], 1);
    /* c may know on 2024-03-01 at the earliest: the daily event that day comes too soon */
    CHECK_INT(reach.day[actor_of(bundle, "d")], COOPNET_TEMPORAL_NEVER);
    coopnet_temporal_reach_destroy(&reach);
    coopnet_temporal_network_free(network);
    coopnet_bundle_free(bundle);
}

/* The hand-worked cases of docs/temporal.md: two events dated 2024 never chain certainly but
 * may chain; a day then a year that holds it chains possibly only; an interval that closes
 * before another opens chains certainly. */
static void test_interval_chains(void)
{
    static const struct {
        const char *first, *second;
        bool certain, possible;
    } cases[] = {{"2024", "2024", false, true},
                 {"2024-01-31", "2024", false, true},
                 {"2024-01/2024-02-10", "2024-02-11/2024-03", true, true},
                 {"2024-01/2024-02-10", "2024-02-10/2024-03", false, true},
                 {"2024-03", "2024-01/2024-02", false, false}};
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        char events[256];
        snprintf(events, sizeof events, "id,title,date\nfirst,F,%s\nsecond,S,%s\n", cases[i].first,
                 cases[i].second);
        coopnet_bundle_t *bundle =
            load(line_actors, events, "event,actor\nfirst,a\nfirst,b\nsecond,b\nsecond,c\n", NULL);
        CHECK(bundle != NULL);
        if (bundle == NULL)
            continue;
        for (int reading = 0; reading < 2; reading++) {
            coopnet_temporal_options_t options;
            coopnet_temporal_options_init(&options);
            options.reading = (coopnet_reading_t)reading;
            coopnet_temporal_network_t *network = NULL;
            coopnet_temporal_reach_t reach;
            reach_from(bundle, &options, "a", &network, &reach);
            bool expected =
                reading == COOPNET_READING_CERTAIN ? cases[i].certain : cases[i].possible;
            if ((reach.day[actor_of(bundle, "c")] != COOPNET_TEMPORAL_NEVER) != expected)
                fprintf(stderr, "case %s then %s, %s reading\n", cases[i].first, cases[i].second,
                        coopnet_reading_name((coopnet_reading_t)reading));
            CHECK_INT(reach.day[actor_of(bundle, "c")] != COOPNET_TEMPORAL_NEVER, expected);
            coopnet_temporal_reach_destroy(&reach);
            coopnet_temporal_network_free(network);
        }
        coopnet_bundle_free(bundle);
    }
}

/* The maximum wait, and fewest hops that come from a later, shorter path to an intermediary. */
static void test_max_wait_and_hops(void)
{
    coopnet_bundle_t *bundle =
        load(line_actors,
             "id,title,date\ne1,One,2024-01-01\ne2,Two,2024-01-02\n"
             "e3,Three,2024-01-03\ne4,Four,2024-01-06\n",
             "event,actor\ne1,a\ne1,b\ne2,b\ne2,c\ne3,a\ne3,c\ne4,c\ne4,d\n", NULL);
    CHECK(bundle != NULL);
    coopnet_temporal_options_t options;
    coopnet_temporal_options_init(&options);
    coopnet_temporal_network_t *network = NULL;
    coopnet_temporal_reach_t reach;
    reach_from(bundle, &options, "a", &network, &reach);
    long c = actor_of(bundle, "c"), d = actor_of(bundle, "d");
    CHECK_INT(reach.day[c], day_of("2024-01-02"));
    CHECK_INT(reach.hops[c], 2);
    /* d: c was informed again on the 3rd in one hop, so two hops */
    CHECK_INT(reach.day[d], day_of("2024-01-06"));
    CHECK_INT(reach.hops[d], 2);
    coopnet_temporal_step_t *steps = NULL;
    size_t n_steps = 0;
    CHECK_INT(coopnet_temporal_reach_path(network, &reach, (size_t)d, &steps, &n_steps, NULL),
              COOPNET_OK);
    CHECK_INT(n_steps, 2);
    if (n_steps == 2) {
        CHECK_INT(steps[0].contact.index, coopnet_bundle_find_event(bundle, "e3"));
        CHECK_INT(steps[1].to, d);
    }
    free(steps);
    coopnet_temporal_reach_destroy(&reach);
    coopnet_temporal_network_free(network);

    options.max_wait = 2; /* c (informed on the 3rd) is stale by the 6th */
    reach_from(bundle, &options, "a", &network, &reach);
    CHECK_INT(reach.day[c], day_of("2024-01-02"));
    CHECK_INT(reach.day[d], COOPNET_TEMPORAL_NEVER);
    coopnet_temporal_reach_destroy(&reach);
    coopnet_temporal_network_free(network);
    options.max_wait = 3;
    reach_from(bundle, &options, "a", &network, &reach);
    CHECK_INT(reach.day[d], day_of("2024-01-06"));
    CHECK_INT(reach.hops[d], 2);
    coopnet_temporal_reach_destroy(&reach);
    coopnet_temporal_network_free(network);
    coopnet_bundle_free(bundle);
}

/* In presenter mode a learner receives but does not pass on. */
static void test_presenter_mode(void)
{
    coopnet_bundle_t *bundle =
        load(line_actors, "id,title,date\ne1,One,2024-01-01\n",
             "event,actor,role\ne1,a,learner\ne1,b,presenter\ne1,c,host\n", NULL);
    CHECK(bundle != NULL);
    coopnet_temporal_options_t options;
    coopnet_temporal_options_init(&options);
    options.mode = COOPNET_TEMPORAL_MODE_PRESENTER;
    coopnet_temporal_network_t *network = NULL;
    coopnet_temporal_reach_t reach;
    reach_from(bundle, &options, "a", &network, &reach);
    CHECK_INT(reach.n_reached, 0);
    coopnet_temporal_reach_destroy(&reach);
    CHECK_INT(coopnet_temporal_reach_forward(network, (size_t)actor_of(bundle, "b"), &reach, NULL),
              COOPNET_OK);
    CHECK_INT(reach.n_reached, 2);
    coopnet_temporal_reach_destroy(&reach);
    coopnet_temporal_network_free(network);
    coopnet_bundle_free(bundle);
}

/* ---- the brute-force reference ------------------------------------------------------------- */

#define MAX_ACTORS 8
#define MAX_CONTACTS 16
#define MAX_HOPS 24
#define MAX_STATES 4096
#define SOURCE_TIME INT32_MIN

typedef struct brute_contact {
    int32_t day;
    coopnet_contact_ref_t ref;
    bool sends[MAX_ACTORS], receives[MAX_ACTORS];
} brute_contact_t;

typedef struct brute_world {
    const coopnet_bundle_t *bundle;
    size_t n; /* bundle actors */
    bool kept[MAX_ACTORS];
    size_t n_kept;
    int32_t since, until, max_wait;
    size_t n_contacts;
    brute_contact_t contacts[MAX_CONTACTS];
} brute_world_t;

/* The contacts as the semantics define them, read straight from the bundle. */
static void brute_world_init(brute_world_t *world, const coopnet_bundle_t *bundle,
                             const coopnet_temporal_options_t *options)
{
    memset(world, 0, sizeof *world);
    world->bundle = bundle;
    world->n = bundle->n_actors;
    for (size_t a = 0; a < world->n; a++) {
        bool excluded = false;
        for (size_t i = 0; i < options->graph.n_exclude; i++)
            excluded |= strcmp(options->graph.exclude[i], bundle->actors[a].id) == 0;
        unsigned mask = options->graph.level_mask;
        world->kept[a] = !excluded && (mask == 0 || (mask & (1u << bundle->actors[a].level)));
        world->n_kept += world->kept[a];
    }
    int32_t earliest = INT32_MAX;
    for (size_t e = 0; e < bundle->n_events; e++)
        if (bundle->events[e].date.precision != COOPNET_DATE_NONE &&
            bundle->events[e].date.day < earliest)
            earliest = bundle->events[e].date.day;
    for (size_t t = 0; t < bundle->n_ties; t++)
        if (bundle->ties[t].start.precision != COOPNET_DATE_NONE &&
            bundle->ties[t].start.day < earliest)
            earliest = bundle->ties[t].start.day;
    if (earliest == INT32_MAX) /* nothing dated: no contacts, any since will do */
        earliest = 0;
    world->since = options->since.precision ? options->since.day : earliest;
    world->until = options->until.precision ? coopnet_date_last_day(options->until) : INT32_MAX;
    world->max_wait = options->max_wait;
    if (options->graph.layer != COOPNET_LAYER_TIES)
        for (size_t e = 0; e < bundle->n_events; e++) {
            coopnet_date_t date = bundle->events[e].date;
            if (date.precision == COOPNET_DATE_NONE || date.day < world->since ||
                date.day > world->until)
                continue;
            brute_contact_t *c = &world->contacts[world->n_contacts++];
            memset(c, 0, sizeof *c);
            c->day = date.day;
            c->ref = (coopnet_contact_ref_t){COOPNET_CONTACT_EVENT, (int32_t)e};
            for (size_t p = 0; p < bundle->n_participations; p++) {
                const coopnet_participation_t *part = &bundle->participations[p];
                if ((size_t)part->event != e || !world->kept[part->actor])
                    continue;
                coopnet_role_t r = part->role;
                c->receives[part->actor] = true;
                c->sends[part->actor] = options->mode == COOPNET_TEMPORAL_MODE_ALL ||
                                        r == COOPNET_ROLE_PRESENTER || r == COOPNET_ROLE_HOST ||
                                        r == COOPNET_ROLE_ORGANISER ||
                                        r == COOPNET_ROLE_FACILITATOR;
            }
        }
    if (options->graph.layer != COOPNET_LAYER_EVENTS)
        for (size_t t = 0; t < bundle->n_ties; t++) {
            const coopnet_tie_t *tie = &bundle->ties[t];
            if (tie->start.precision == COOPNET_DATE_NONE || tie->start.day < world->since ||
                tie->start.day > world->until || !world->kept[tie->from] || !world->kept[tie->to])
                continue;
            brute_contact_t *c = &world->contacts[world->n_contacts++];
            memset(c, 0, sizeof *c);
            c->day = tie->start.day;
            c->ref = (coopnet_contact_ref_t){COOPNET_CONTACT_TIE, (int32_t)t};
            c->sends[tie->from] = c->receives[tie->to] = true;
            if (!tie->directed)
                c->sends[tie->to] = c->receives[tie->from] = true;
        }
}

typedef struct brute_state {
    int32_t actor, time, hops;
} brute_state_t;

typedef struct brute_result {
    int32_t arrival[MAX_ACTORS];        /* COOPNET_TEMPORAL_NEVER: not reached */
    int32_t hops[MAX_ACTORS];           /* at arrival */
    int32_t fewest[MAX_ACTORS];         /* over every arrival day */
    bool via[MAX_ACTORS][MAX_CONTACTS]; /* contacts ending a fewest-hop path at arrival */
} brute_result_t;

static bool can_pass(const brute_world_t *world, brute_state_t s, const brute_contact_t *c)
{
    if (!c->sends[s.actor])
        return false;
    if (s.time == SOURCE_TIME)
        return true;
    return c->day > s.time && (world->max_wait < 0 || c->day - s.time <= world->max_wait);
}

/* Every (actor, day, hops) state reachable from source along time-respecting paths, by
 * closure; with only_first >= 0 the source's own first contact must be that one. */
static void brute_forward(const brute_world_t *world, size_t source, int only_first,
                          brute_result_t *result)
{
    static brute_state_t states[MAX_STATES];
    size_t n_states = 0;
    states[n_states++] = (brute_state_t){(int32_t)source, SOURCE_TIME, 0};
    for (size_t i = 0; i < n_states; i++) {
        brute_state_t s = states[i];
        for (size_t c = 0; c < world->n_contacts; c++) {
            if (s.time == SOURCE_TIME && only_first >= 0 && (int)c != only_first)
                continue;
            if (!can_pass(world, s, &world->contacts[c]))
                continue;
            for (size_t y = 0; y < world->n; y++) {
                if (y == (size_t)s.actor || !world->contacts[c].receives[y])
                    continue;
                brute_state_t next = {(int32_t)y, world->contacts[c].day, s.hops + 1};
                bool seen = false;
                for (size_t j = 0; j < n_states && !seen; j++)
                    seen = states[j].actor == next.actor && states[j].time == next.time &&
                           states[j].hops == next.hops;
                if (!seen && n_states < MAX_STATES)
                    states[n_states++] = next;
            }
        }
    }
    CHECK(n_states < MAX_STATES);
    memset(result, 0, sizeof *result);
    for (size_t y = 0; y < MAX_ACTORS; y++) {
        result->arrival[y] = COOPNET_TEMPORAL_NEVER;
        result->hops[y] = result->fewest[y] = -1;
    }
    for (size_t i = 1; i < n_states; i++) {
        brute_state_t s = states[i];
        if ((size_t)s.actor == source)
            continue;
        int32_t *arrival = &result->arrival[s.actor], *hops = &result->hops[s.actor];
        if (*arrival == COOPNET_TEMPORAL_NEVER || s.time < *arrival ||
            (s.time == *arrival && s.hops < *hops)) {
            *arrival = s.time;
            *hops = s.hops;
        }
        if (result->fewest[s.actor] < 0 || s.hops < result->fewest[s.actor])
            result->fewest[s.actor] = s.hops;
    }
    /* the contacts that end a fewest-hop path on the arrival day */
    for (size_t i = 0; i < n_states; i++) {
        brute_state_t s = states[i];
        for (size_t c = 0; c < world->n_contacts; c++) {
            if (s.time == SOURCE_TIME && only_first >= 0 && (int)c != only_first)
                continue;
            if (!can_pass(world, s, &world->contacts[c]))
                continue;
            for (size_t y = 0; y < world->n; y++)
                if (y != (size_t)s.actor && y != source && world->contacts[c].receives[y] &&
                    world->contacts[c].day == result->arrival[y] && s.hops + 1 == result->hops[y])
                    result->via[y][c] = true;
        }
    }
}

/* The first contact in (kind, index) order among the flagged ones. */
static coopnet_contact_ref_t first_ref(const brute_world_t *world, const bool *flags)
{
    coopnet_contact_ref_t best = {COOPNET_CONTACT_EVENT, -1};
    for (size_t c = 0; c < world->n_contacts; c++) {
        if (!flags[c])
            continue;
        coopnet_contact_ref_t ref = world->contacts[c].ref;
        if (best.index < 0 || ref.kind < best.kind ||
            (ref.kind == best.kind && ref.index < best.index))
            best = ref;
    }
    return best;
}

static int brute_contact_of(const brute_world_t *world, coopnet_contact_ref_t ref)
{
    for (size_t c = 0; c < world->n_contacts; c++)
        if (world->contacts[c].ref.kind == ref.kind && world->contacts[c].ref.index == ref.index)
            return (int)c;
    return -1;
}

/* A pathway is a time-respecting path from `from` to `to` with hops steps ending on `last` (or
 * starting on it, backward). */
static void check_path(const brute_world_t *world, const coopnet_temporal_step_t *steps,
                       size_t n_steps, size_t from, size_t to, int32_t hops, int32_t day,
                       bool backward)
{
    CHECK_INT(n_steps, hops);
    if (n_steps == 0 || (int32_t)n_steps != hops)
        return;
    CHECK_INT(steps[0].from, from);
    CHECK_INT(steps[n_steps - 1].to, to);
    CHECK_INT(backward ? steps[0].date.day : steps[n_steps - 1].date.day, day);
    for (size_t i = 0; i < n_steps; i++) {
        int c = brute_contact_of(world, steps[i].contact);
        CHECK(c >= 0);
        if (c < 0)
            return;
        CHECK(world->contacts[c].sends[steps[i].from]);
        CHECK(world->contacts[c].receives[steps[i].to]);
        CHECK_INT(steps[i].date.day, world->contacts[c].day);
        if (i > 0) {
            CHECK_INT(steps[i].from, steps[i - 1].to);
            CHECK(steps[i].date.day > steps[i - 1].date.day);
            if (world->max_wait >= 0)
                CHECK(steps[i].date.day - steps[i - 1].date.day <= world->max_wait);
        }
    }
}

/* Every command's numbers against the reference, on one random bundle. */
static void compare_with_brute_force(const coopnet_bundle_t *bundle,
                                     const coopnet_temporal_options_t *options)
{
    brute_world_t world;
    brute_world_init(&world, bundle, options);
    coopnet_temporal_network_t *network = NULL;
    coopnet_error_t err;
    CHECK_INT(coopnet_temporal_network_alloc(bundle, options, &network, &err), COOPNET_OK);
    if (network == NULL)
        return;
    CHECK_INT(coopnet_temporal_network_since(network), world.since);
    coopnet_temporal_all_t all = {0};
    CHECK_INT(coopnet_temporal_all_sources(network, NULL, &all, &err), COOPNET_OK);
    static brute_result_t results[MAX_ACTORS];
    int64_t in_reach[MAX_ACTORS] = {0};

    for (size_t a = 0; a < world.n; a++) {
        if (!world.kept[a])
            continue;
        brute_forward(&world, a, -1, &results[a]);
        const brute_result_t *expected = &results[a];
        coopnet_temporal_reach_t reach = {0};
        CHECK_INT(coopnet_temporal_reach_forward(network, a, &reach, &err), COOPNET_OK);
        int64_t out_reach = 0;
        double closeness = 0;
        for (size_t y = 0; y < world.n; y++) {
            CHECK_INT(reach.day[y], expected->arrival[y]);
            CHECK_INT(reach.hops[y], expected->hops[y]);
            if (expected->arrival[y] == COOPNET_TEMPORAL_NEVER)
                continue;
            coopnet_contact_ref_t via = first_ref(&world, expected->via[y]);
            CHECK_INT(reach.via[y].kind, via.kind);
            CHECK_INT(reach.via[y].index, via.index);
            out_reach++;
            in_reach[y]++;
            closeness += 1.0 / ((double)expected->arrival[y] - world.since + 1.0);
            coopnet_temporal_step_t *steps = NULL;
            size_t n_steps = 0;
            CHECK_INT(coopnet_temporal_reach_path(network, &reach, y, &steps, &n_steps, &err),
                      COOPNET_OK);
            check_path(&world, steps, n_steps, a, y, expected->hops[y], expected->arrival[y],
                       false);
            free(steps);
        }
        CHECK_INT(reach.n_reached, out_reach);
        CHECK_INT(all.out_reach[a], out_reach);
        CHECK_NEAR(all.closeness[a], world.n_kept > 1 ? closeness / (double)(world.n_kept - 1) : 0,
                   1e-12);

        /* the curve of this source: actors reached by the end of each month */
        coopnet_temporal_curve_t curve = {0};
        CHECK_INT(
            coopnet_temporal_curve_source(network, &reach, COOPNET_PERIOD_MONTH, &curve, &err),
            COOPNET_OK);
        for (size_t s = 0; s < curve.n_steps; s++) {
            uint64_t by_then = 0;
            for (size_t y = 0; y < world.n; y++)
                by_then += expected->arrival[y] != COOPNET_TEMPORAL_NEVER &&
                           expected->arrival[y] <= curve.day[s];
            CHECK_INT(curve.reached[s], by_then);
        }
        coopnet_temporal_curve_destroy(&curve);
        coopnet_temporal_reach_destroy(&reach);
    }

    for (size_t b = 0; b < world.n; b++) {
        if (!world.kept[b]) {
            CHECK_INT(all.in_reach[b], -1);
            continue;
        }
        CHECK_INT(all.in_reach[b], in_reach[b]);
        /* backward: the latest first-contact day from which a reaches b */
        coopnet_temporal_reach_t reach = {0};
        CHECK_INT(coopnet_temporal_reach_backward(network, b, &reach, &err), COOPNET_OK);
        for (size_t a = 0; a < world.n; a++) {
            int32_t departure = COOPNET_TEMPORAL_NEVER, hops = -1;
            bool first[MAX_CONTACTS] = {false};
            if (world.kept[a] && a != b && results[a].arrival[b] != COOPNET_TEMPORAL_NEVER) {
                for (size_t c = 0; c < world.n_contacts; c++) {
                    brute_result_t only;
                    brute_forward(&world, a, (int)c, &only);
                    if (only.fewest[b] < 0)
                        continue;
                    int32_t day = world.contacts[c].day;
                    if (day > departure) {
                        departure = day;
                        hops = INT32_MAX;
                        memset(first, 0, sizeof first);
                    }
                    if (day == departure && only.fewest[b] <= hops) {
                        if (only.fewest[b] < hops)
                            memset(first, 0, sizeof first);
                        hops = only.fewest[b];
                        first[c] = true;
                    }
                }
            }
            CHECK_INT(reach.day[a], departure);
            CHECK_INT(reach.hops[a], hops);
            if (departure == COOPNET_TEMPORAL_NEVER)
                continue;
            coopnet_contact_ref_t via = first_ref(&world, first);
            CHECK_INT(reach.via[a].kind, via.kind);
            CHECK_INT(reach.via[a].index, via.index);
            coopnet_temporal_step_t *steps = NULL;
            size_t n_steps = 0;
            CHECK_INT(coopnet_temporal_reach_path(network, &reach, a, &steps, &n_steps, &err),
                      COOPNET_OK);
            check_path(&world, steps, n_steps, a, b, hops, departure, true);
            free(steps);
        }
        coopnet_temporal_reach_destroy(&reach);
    }

    /* the whole-network curve: ordered pairs reached by the end of each month */
    coopnet_temporal_curve_t curve = {0};
    CHECK_INT(coopnet_temporal_curve_all(network, &all, COOPNET_PERIOD_MONTH, &curve, &err),
              COOPNET_OK);
    for (size_t s = 0; s < curve.n_steps; s++) {
        uint64_t pairs = 0;
        for (size_t a = 0; a < world.n; a++)
            for (size_t y = 0; world.kept[a] && y < world.n; y++)
                pairs += results[a].arrival[y] != COOPNET_TEMPORAL_NEVER &&
                         results[a].arrival[y] <= curve.day[s];
        CHECK_INT(curve.reached[s], pairs);
        double n = (double)world.n_kept;
        CHECK_NEAR(curve.ratio[s], n > 1 ? (double)pairs / (n * (n - 1)) : 0, 1e-12);
    }
    coopnet_temporal_curve_destroy(&curve);
    coopnet_temporal_all_destroy(&all);
    coopnet_temporal_network_free(network);
}

static void test_brute_force_random(void)
{
    int compared = 0, with_wait = 0, presenter = 0, failed_before = testing_checks_failed;
    for (uint64_t seed = 1; seed <= 600; seed++) {
        rng_state = seed;
        coopnet_bundle_t *bundle = random_bundle(MAX_ACTORS, 7, false);
        CHECK(bundle != NULL);
        if (bundle == NULL)
            continue;
        const char *exclude[1];
        coopnet_temporal_options_t options;
        random_options(bundle, &options, exclude, true);
        /* exact dates: both readings are the exact-date semantics */
        options.reading = seed % 2 ? COOPNET_READING_POSSIBLE : COOPNET_READING_CERTAIN;
        compare_with_brute_force(bundle, &options);
        coopnet_bundle_free(bundle);
        compared++;
        with_wait += options.max_wait >= 0;
        presenter += options.mode == COOPNET_TEMPORAL_MODE_PRESENTER;
        if (testing_checks_failed != failed_before) {
            fprintf(stderr, "brute force: first disagreement with seed %llu\n",
                    (unsigned long long)seed);
            break;
        }
    }
    CHECK_INT(compared, 600);
    CHECK(with_wait > 100 && presenter > 100);
}

/* ---- mena-hub ------------------------------------------------------------------------------ */

static void test_mena_hub(void)
{
    coopnet_diag_list_t diags;
    coopnet_diag_list_init(&diags);
    coopnet_bundle_t *bundle = NULL;
    coopnet_error_t err;
    CHECK_INT(coopnet_bundle_load(COOPNET_SOURCE_DIR "/datasets/mena-hub", &diags, &bundle, &err),
              COOPNET_OK);
    coopnet_diag_list_destroy(&diags);
    if (bundle == NULL)
        return;
    coopnet_temporal_options_t options;
    coopnet_temporal_options_init(&options);
    coopnet_temporal_network_t *network = NULL;
    coopnet_temporal_reach_t reach;

    /* Saida presented its youth council at Valletta; Fes heard it there */
    reach_from(bundle, &options, "saida", &network, &reach);
    long fes = actor_of(bundle, "fes");
    long valletta = coopnet_bundle_find_event(bundle, "valletta_workshop_2024");
    CHECK_INT(reach.day[fes], day_of("2024-01-31"));
    coopnet_temporal_step_t *steps = NULL;
    size_t n_steps = 0;
    CHECK_INT(coopnet_temporal_reach_path(network, &reach, (size_t)fes, &steps, &n_steps, &err),
              COOPNET_OK);
    CHECK_INT(n_steps, 1);
    if (n_steps == 1) {
        CHECK_INT(steps[0].from, actor_of(bundle, "saida"));
        CHECK_INT(steps[0].to, fes);
        CHECK_INT(steps[0].contact.kind, COOPNET_CONTACT_EVENT);
        CHECK_INT(steps[0].contact.index, valletta);
    }
    free(steps);
    coopnet_temporal_reach_destroy(&reach);
    coopnet_temporal_network_free(network);

    /* the same in presenter mode: Saida presented there */
    options.mode = COOPNET_TEMPORAL_MODE_PRESENTER;
    reach_from(bundle, &options, "saida", &network, &reach);
    CHECK_INT(reach.day[fes], day_of("2024-01-31"));
    coopnet_temporal_reach_destroy(&reach);
    coopnet_temporal_network_free(network);
    options.mode = COOPNET_TEMPORAL_MODE_ALL;

    /* Sabha presented at the Amman solutions exchange, Halabja and Tel Afar took it home. The
     * documents bound those dates only loosely; a bounded (or undated) contact still reaches in
     * one step whatever its day: Sabha reaches both in either reading */
    for (int reading = 0; reading < 2; reading++) {
        options.reading = (coopnet_reading_t)reading;
        reach_from(bundle, &options, "sabha", &network, &reach);
        CHECK(reach.day[actor_of(bundle, "halabja")] != COOPNET_TEMPORAL_NEVER);
        CHECK(reach.day[actor_of(bundle, "tel_afar")] != COOPNET_TEMPORAL_NEVER);
        if (reading == 0) {
            coopnet_temporal_reach_destroy(&reach);
            coopnet_temporal_network_free(network);
        }
    }
    coopnet_temporal_reach_destroy(&reach);
    coopnet_temporal_network_free(network);
    coopnet_bundle_free(bundle);
}

/* ---- errors -------------------------------------------------------------------------------- */

static void test_errors(void)
{
    coopnet_bundle_t *bundle =
        load(line_actors, "id,title,date\ne1,One,2024-01-01\n", "event,actor\ne1,a\ne1,b\n", NULL);
    CHECK(bundle != NULL);
    coopnet_temporal_options_t options;
    coopnet_temporal_options_init(&options);
    coopnet_temporal_network_t *network = NULL;
    coopnet_error_t err;
    coopnet_temporal_mode_t mode;
    coopnet_period_t period;

    CHECK_INT(coopnet_temporal_parse_mode("loud", &mode, &err), COOPNET_EINVAL);
    CHECK_CONTAINS(err.message, "'loud'");
    CHECK_INT(coopnet_temporal_parse_mode("Presenter", &mode, &err), COOPNET_OK);
    CHECK_INT(mode, COOPNET_TEMPORAL_MODE_PRESENTER);
    CHECK_INT(coopnet_period_parse("week", &period, &err), COOPNET_EINVAL);
    CHECK_CONTAINS(err.message, "'week'");
    CHECK_INT(coopnet_period_parse("quarter", &period, &err), COOPNET_OK);

    const char *exclude[] = {"nobody"};
    options.graph.exclude = exclude;
    options.graph.n_exclude = 1;
    CHECK_INT(coopnet_temporal_network_alloc(bundle, &options, &network, &err), COOPNET_EINVAL);
    CHECK_CONTAINS(err.message, "'nobody'");
    CHECK(network == NULL);

    coopnet_temporal_options_init(&options);
    coopnet_date_parse("2024-02", &options.since, &err);
    coopnet_date_parse("2024-01", &options.until, &err);
    CHECK_INT(coopnet_temporal_network_alloc(bundle, &options, &network, &err), COOPNET_EINVAL);
    CHECK_CONTAINS(err.message, "is before since date");

    coopnet_temporal_options_init(&options);
    exclude[0] = "b";
    options.graph.exclude = exclude;
    options.graph.n_exclude = 1;
    CHECK_INT(coopnet_temporal_network_alloc(bundle, &options, &network, &err), COOPNET_OK);
    coopnet_temporal_reach_t reach = {0};
    CHECK_INT(coopnet_temporal_reach_forward(network, 99, &reach, &err), COOPNET_EINVAL);
    CHECK_INT(coopnet_temporal_reach_backward(network, (size_t)actor_of(bundle, "b"), &reach, &err),
              COOPNET_EINVAL);
    CHECK_CONTAINS(err.message, "'b' is filtered out");
    CHECK(reach.day == NULL);
    CHECK_INT(coopnet_temporal_reach_forward(network, (size_t)actor_of(bundle, "a"), &reach, &err),
              COOPNET_OK);
    CHECK_INT(reach.n_reached, 0);
    coopnet_temporal_step_t *steps = NULL;
    size_t n_steps = 7;
    CHECK_INT(coopnet_temporal_reach_path(network, &reach, 99, &steps, &n_steps, &err),
              COOPNET_EINVAL);
    CHECK_INT(coopnet_temporal_reach_path(network, &reach, (size_t)actor_of(bundle, "c"), &steps,
                                          &n_steps, &err),
              COOPNET_OK);
    CHECK(steps == NULL);
    CHECK_INT(n_steps, 0);
    coopnet_temporal_reach_destroy(&reach);
    coopnet_temporal_reach_destroy(&reach); /* twice: a destroyed object is zeroed */
    coopnet_temporal_network_free(network);
    coopnet_temporal_network_free(NULL);
    coopnet_temporal_all_destroy(NULL);
    coopnet_temporal_curve_destroy(NULL);
    coopnet_bundle_free(bundle);
}

int main(void)
{
    coopnet_library_init();
    TEST_RUN(test_same_day_no_chaining);
    TEST_RUN(test_directed_ties);
    TEST_RUN(test_undated_and_month_bounds);
    TEST_RUN(test_interval_chains);
    TEST_RUN(test_max_wait_and_hops);
    TEST_RUN(test_presenter_mode);
    TEST_RUN(test_brute_force_random);
    TEST_RUN(test_mena_hub);
    TEST_RUN(test_errors);
    return TEST_DONE();
}
