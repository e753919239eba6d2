/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test_whatif.c - withdrawing actors, with and without their events, on a bundle worked by hand,
 * and the ranking of key players. */
#include "analysis_fixtures.h"
#include "testing.h"

#include <math.h>

/* A hub convenes three of the four workshops, as on an attendance sheet from Tunisia and Jordan.
 *
 *   w1 (hub host):        hub tunis sfax mtn donor      a clique of 5: 10 links
 *   w2 (hub organiser):   hub amman irbid mol           a clique of 4:  6 links
 *   w3 (hub facilitator): hub tunis amman               new: tunis-amman only (1)
 *   w4 (mtn host):        mtn tunis                     nothing new
 *   tie irbid-zarqa (mou)                               1 link
 *
 * Before: 9 actors, 18 links, 4 events, 1 component of 9, no one isolated, F = 0.
 *
 * The hub withdraws with its events (w1, w2, w3 dropped; w4 and the tie stay): 8 actors, links
 * mtn-tunis and irbid-zarqa (2), 1 event; components {tunis, mtn} {irbid, zarqa} {sfax} {amman}
 * {mol} {donor}: 6, the largest 2, 4 isolated (local: sfax, amman; national: mol; international:
 * donor), all four newly. F = 1 - (2 * 1 + 2 * 1) / (8 * 7) = 1 - 4/56 = 13/14.
 *
 * NLC national-local links: before, TN mtn-tunis, mtn-sfax (2), JO mol-amman, mol-irbid (2), the
 * whole network 4; after, TN mtn-tunis (1), JO 0, the whole network 1. No regional actors.
 *
 * The hub withdraws but its events stay: 8 actors, 18 - 7 (the hub's links) = 11 links, one
 * component (tunis-amman from w3 joins the two countries, zarqa through irbid), F = 0.
 *
 * The donor, who convened nothing: no event dropped, 18 - 4 = 14 links, one component, F = 0. */
static const char actors[] = "id,name,level,country\n"
                             "hub,Hub,international,\n"
                             "tunis,Tunis,local,TN\n"
                             "sfax,Sfax,local,TN\n"
                             "mtn,Ministry TN,national,TN\n"
                             "amman,Amman,local,JO\n"
                             "irbid,Irbid,local,JO\n"
                             "mol,Ministry JO,national,JO\n"
                             "zarqa,Zarqa,local,JO\n"
                             "donor,Donor,international,\n";
static const char events[] = "id,title,date\n"
                             "w1,Workshop 1,2023-03-01\n"
                             "w2,Workshop 2,2023-06-01\n"
                             "w3,Workshop 3,2023-09-01\n"
                             "w4,Visit,2024-01-15\n";
static const char participation[] = "event,actor,role\n"
                                    "w1,hub,host\nw1,tunis,participant\nw1,sfax,participant\n"
                                    "w1,mtn,participant\nw1,donor,participant\n"
                                    "w2,hub,organiser\nw2,amman,participant\n"
                                    "w2,irbid,participant\nw2,mol,participant\n"
                                    "w3,hub,facilitator\nw3,tunis,presenter\nw3,amman,learner\n"
                                    "w4,mtn,host\nw4,tunis,participant\n";
static const char ties[] = "from,to,type\nirbid,zarqa,mou\n";

static const char *actor_id(const coopnet_bundle_t *bundle, size_t actor)
{
    return bundle->actors[actor].id;
}

static void check_nlc_row(const coopnet_whatif_t *whatif, size_t row, const char *country,
                          coopnet_level_t level, long before, long after)
{
    CHECK(row < whatif->n_nlc);
    if (row >= whatif->n_nlc)
        return;
    CHECK_STR(whatif->nlc[row].country, country);
    CHECK_INT(whatif->nlc[row].level, level);
    CHECK_INT(whatif->nlc[row].before, before);
    CHECK_INT(whatif->nlc[row].after, after);
}

static void test_hub_with_its_events(void)
{
    coopnet_bundle_t *bundle = fixture_bundle(actors, events, participation, ties);
    CHECK(bundle != NULL);
    if (bundle == NULL)
        return;
    coopnet_graph_options_t options;
    coopnet_graph_options_init(&options);
    coopnet_graph_t graph = {0};
    coopnet_whatif_t whatif = {0};
    coopnet_error_t err;
    const char *hub[] = {"hub", "hub"}; /* a duplicate counts once */
    CHECK_INT(coopnet_graph_init_cooperation(&graph, bundle, &options, &err), COOPNET_OK);
    CHECK_INT(coopnet_whatif_compute(&graph, hub, 2, false, &whatif, &err), COOPNET_OK);

    CHECK_INT(whatif.before.actors, 9);
    CHECK_INT(whatif.before.links, 18);
    CHECK_INT(whatif.before.events, 4);
    CHECK_INT(whatif.before.components, 1);
    CHECK_INT(whatif.before.largest_component, 9);
    CHECK_INT(whatif.before.isolated, 0);
    CHECK_NEAR(whatif.before.fragmentation, 0, 1e-12);

    CHECK_INT(whatif.after.actors, 8);
    CHECK_INT(whatif.after.links, 2);
    CHECK_INT(whatif.after.events, 1);
    CHECK_INT(whatif.after.components, 6);
    CHECK_INT(whatif.after.largest_component, 2);
    CHECK_INT(whatif.after.isolated, 4);
    CHECK_INT(whatif.after.isolated_by_level[COOPNET_LEVEL_LOCAL], 2);
    CHECK_INT(whatif.after.isolated_by_level[COOPNET_LEVEL_REGIONAL], 0);
    CHECK_INT(whatif.after.isolated_by_level[COOPNET_LEVEL_NATIONAL], 1);
    CHECK_INT(whatif.after.isolated_by_level[COOPNET_LEVEL_INTERNATIONAL], 1);
    CHECK_NEAR(whatif.after.fragmentation, 13.0 / 14.0, 1e-12);

    CHECK_INT(whatif.n_withdrawn, 1);
    CHECK_STR(actor_id(bundle, whatif.withdrawn[0]), "hub");
    CHECK_INT(whatif.n_dropped_events, 3);
    if (whatif.n_dropped_events == 3) {
        CHECK_STR(bundle->events[whatif.dropped_events[0]].id, "w1");
        CHECK_STR(bundle->events[whatif.dropped_events[1]].id, "w2");
        CHECK_STR(bundle->events[whatif.dropped_events[2]].id, "w3");
    }
    CHECK_INT(whatif.n_isolated, 4);
    if (whatif.n_isolated == 4) {
        CHECK_STR(actor_id(bundle, whatif.isolated[0]), "sfax");
        CHECK_STR(actor_id(bundle, whatif.isolated[1]), "amman");
        CHECK_STR(actor_id(bundle, whatif.isolated[2]), "mol");
        CHECK_STR(actor_id(bundle, whatif.isolated[3]), "donor");
    }
    CHECK_INT(whatif.n_nlc, 6);
    check_nlc_row(&whatif, 0, "*", COOPNET_LEVEL_LOCAL, 4, 1);
    check_nlc_row(&whatif, 1, "*", COOPNET_LEVEL_REGIONAL, 0, 0);
    check_nlc_row(&whatif, 2, "JO", COOPNET_LEVEL_LOCAL, 2, 0);
    check_nlc_row(&whatif, 3, "JO", COOPNET_LEVEL_REGIONAL, 0, 0);
    check_nlc_row(&whatif, 4, "TN", COOPNET_LEVEL_LOCAL, 2, 1);
    check_nlc_row(&whatif, 5, "TN", COOPNET_LEVEL_REGIONAL, 0, 0);

    /* the after graph says what it left out */
    CHECK_INT(whatif.graph_after.options.n_exclude, 1);
    CHECK_INT(whatif.graph_after.options.n_exclude_events, 3);
    double fragmentation = -1;
    CHECK_INT(coopnet_whatif_fragmentation(&whatif.graph_after.graph, &fragmentation, &err),
              COOPNET_OK);
    CHECK_NEAR(fragmentation, whatif.after.fragmentation, 1e-15);

    coopnet_whatif_destroy(&whatif);
    coopnet_whatif_destroy(&whatif);
    coopnet_graph_destroy(&graph);
    coopnet_bundle_free(bundle);
}

/* The counts of every actor at once are those of coopnet_whatif_convened_events actor by actor,
 * also with an event left out by the options. */
static void test_convened_counts(void)
{
    coopnet_bundle_t *bundle = fixture_bundle(actors, events, participation, ties);
    CHECK(bundle != NULL);
    if (bundle == NULL)
        return;
    for (int pass = 0; pass < 2; pass++) {
        coopnet_graph_options_t options;
        coopnet_graph_options_init(&options);
        const char *left_out[] = {bundle->events[0].id};
        if (pass == 1) {
            options.exclude_events = left_out;
            options.n_exclude_events = 1;
        }
        coopnet_graph_t graph = {0};
        coopnet_error_t err;
        CHECK_INT(coopnet_graph_init_cooperation(&graph, bundle, &options, &err), COOPNET_OK);
        size_t counts[64];
        CHECK(bundle->n_actors <= 64);
        coopnet_whatif_convened_counts(&graph, counts);
        size_t total = 0;
        for (size_t a = 0; a < bundle->n_actors && a < 64; a++) {
            CHECK_INT(counts[a], coopnet_whatif_convened_events(&graph, a));
            total += counts[a];
        }
        CHECK(total > 0); /* the fixture's hub convenes */
        coopnet_graph_destroy(&graph);
    }
    coopnet_bundle_free(bundle);
}

static void test_keep_events_and_non_convener(void)
{
    coopnet_bundle_t *bundle = fixture_bundle(actors, events, participation, ties);
    CHECK(bundle != NULL);
    if (bundle == NULL)
        return;
    coopnet_graph_options_t options;
    coopnet_graph_options_init(&options);
    coopnet_graph_t graph = {0};
    coopnet_whatif_t whatif = {0};
    coopnet_error_t err;
    const char *hub[] = {"hub"};
    CHECK_INT(coopnet_graph_init_cooperation(&graph, bundle, &options, &err), COOPNET_OK);
    CHECK_INT(coopnet_whatif_compute(&graph, hub, 1, true, &whatif, &err), COOPNET_OK);
    CHECK_INT(whatif.after.actors, 8);
    CHECK_INT(whatif.after.links, 11);
    CHECK_INT(whatif.after.events, 4);
    CHECK_INT(whatif.after.components, 1);
    CHECK_INT(whatif.after.isolated, 0);
    CHECK_NEAR(whatif.after.fragmentation, 0, 1e-12);
    CHECK_INT(whatif.n_dropped_events, 0);
    CHECK_INT(whatif.n_isolated, 0);
    check_nlc_row(&whatif, 0, "*", COOPNET_LEVEL_LOCAL, 4, 4);
    coopnet_whatif_destroy(&whatif);

    const char *donor[] = {"donor"};
    CHECK_INT(coopnet_whatif_compute(&graph, donor, 1, false, &whatif, &err), COOPNET_OK);
    CHECK_INT(whatif.n_dropped_events, 0);
    CHECK_INT(whatif.after.links, 14);
    CHECK_INT(whatif.after.events, 4);
    CHECK_INT(whatif.after.components, 1);
    CHECK_NEAR(whatif.after.fragmentation, 0, 1e-12);
    coopnet_whatif_destroy(&whatif);

    /* an unknown id: EINVAL, the result left destroyed */
    const char *unknown[] = {"hub", "nobody"};
    CHECK_INT(coopnet_whatif_compute(&graph, unknown, 2, false, &whatif, &err), COOPNET_EINVAL);
    CHECK_STR(err.message, "unknown actor 'nobody' among the actors to withdraw");
    CHECK(whatif.nlc == NULL && whatif.n_dropped_events == 0);
    coopnet_whatif_destroy(&whatif);
    coopnet_graph_destroy(&graph);

    /* the graph's own options carry over: with ties only, no event is dropped */
    options.layer = COOPNET_LAYER_TIES;
    CHECK_INT(coopnet_graph_init_cooperation(&graph, bundle, &options, &err), COOPNET_OK);
    CHECK_INT(coopnet_whatif_compute(&graph, hub, 1, false, &whatif, &err), COOPNET_OK);
    CHECK_INT(whatif.before.events, 0);
    CHECK_INT(whatif.n_dropped_events, 0);
    CHECK_INT(whatif.after.links, 1);
    CHECK_INT(whatif.graph_after.options.layer, COOPNET_LAYER_TIES);
    coopnet_whatif_destroy(&whatif);
    coopnet_graph_destroy(&graph);
    coopnet_bundle_free(bundle);
}

/* The ranking: the hub 13/14, irbid 1 - 7 * 6 / 56 = 1/4 (zarqa cut off), every other
 * withdrawal leaves one component (0), in bundle order. Degrees: hub 7, tunis 5, sfax, mtn,
 * amman, irbid, donor 4, mol 3, zarqa 1: the top 3 are hub, tunis and sfax (bundle order). */
static void test_rank(void)
{
    coopnet_bundle_t *bundle = fixture_bundle(actors, events, participation, ties);
    CHECK(bundle != NULL);
    if (bundle == NULL)
        return;
    coopnet_graph_options_t options;
    coopnet_graph_options_init(&options);
    coopnet_graph_t graph = {0};
    coopnet_whatif_ranking_t ranking = {0};
    coopnet_error_t err;
    CHECK_INT(coopnet_graph_init_cooperation(&graph, bundle, &options, &err), COOPNET_OK);
    CHECK_INT(coopnet_whatif_rank(&graph, 0, &ranking, &err), COOPNET_OK);
    CHECK_INT(ranking.n_items, 9);
    CHECK_NEAR(ranking.before.fragmentation, 0, 1e-12);
    static const char *const expected[] = {"hub",   "irbid", "tunis", "sfax", "mtn",
                                           "amman", "mol",   "zarqa", "donor"};
    for (size_t i = 0; i < ranking.n_items && i < 9; i++)
        CHECK_STR(actor_id(bundle, ranking.items[i].actor), expected[i]);
    if (ranking.n_items == 9) {
        CHECK_NEAR(ranking.items[0].after.fragmentation, 13.0 / 14.0, 1e-12);
        CHECK_INT(ranking.items[0].n_dropped_events, 3);
        CHECK_INT(ranking.items[0].n_isolated, 4);
        CHECK_INT(ranking.items[0].degree, 7);
        CHECK_NEAR(ranking.items[1].after.fragmentation, 0.25, 1e-12);
        CHECK_INT(ranking.items[1].n_isolated, 1);
        CHECK_INT(ranking.items[4].n_dropped_events, 1); /* mtn hosted w4 */
        CHECK_NEAR(ranking.items[4].after.fragmentation, 0, 1e-12);
        /* competition ranks: the seven zeros share rank 3 */
        CHECK_NEAR(ranking.items[0].rank, 1, 0);
        CHECK_NEAR(ranking.items[1].rank, 2, 0);
        CHECK_NEAR(ranking.items[2].rank, 3, 0);
        CHECK_NEAR(ranking.items[8].rank, 3, 0);
    }
    coopnet_whatif_ranking_destroy(&ranking);

    CHECK_INT(coopnet_whatif_rank(&graph, 3, &ranking, &err), COOPNET_OK);
    CHECK_INT(ranking.n_items, 3);
    static const char *const top[] = {"hub", "tunis", "sfax"};
    for (size_t i = 0; i < ranking.n_items && i < 3; i++)
        CHECK_STR(actor_id(bundle, ranking.items[i].actor), top[i]);
    coopnet_whatif_ranking_destroy(&ranking);
    coopnet_whatif_ranking_destroy(&ranking);
    coopnet_graph_destroy(&graph);
    coopnet_bundle_free(bundle);
}

/* No actors: nothing to fragment (NaN), any id unknown, an empty ranking. */
static void test_empty_bundle(void)
{
    coopnet_bundle_t *bundle = fixture_bundle("id,name,level,country\n", NULL, NULL, NULL);
    CHECK(bundle != NULL);
    if (bundle == NULL)
        return;
    coopnet_graph_options_t options;
    coopnet_graph_options_init(&options);
    coopnet_graph_t graph = {0};
    coopnet_whatif_t whatif = {0};
    coopnet_whatif_ranking_t ranking = {0};
    coopnet_error_t err;
    CHECK_INT(coopnet_graph_init_cooperation(&graph, bundle, &options, &err), COOPNET_OK);
    const char *hub[] = {"hub"};
    CHECK_INT(coopnet_whatif_compute(&graph, hub, 1, false, &whatif, &err), COOPNET_EINVAL);
    CHECK_INT(coopnet_whatif_compute(&graph, NULL, 0, false, &whatif, &err), COOPNET_OK);
    CHECK_INT(whatif.before.actors, 0);
    CHECK_INT(whatif.after.components, 0);
    CHECK_INT(whatif.after.largest_component, 0);
    CHECK(isnan(whatif.after.fragmentation));
    CHECK_INT(whatif.n_dropped_events + whatif.n_isolated + whatif.n_withdrawn, 0);
    coopnet_whatif_destroy(&whatif);
    CHECK_INT(coopnet_whatif_rank(&graph, 5, &ranking, &err), COOPNET_OK);
    CHECK_INT(ranking.n_items, 0);
    CHECK(isnan(ranking.before.fragmentation));
    coopnet_whatif_ranking_destroy(&ranking);
    coopnet_graph_destroy(&graph);
    coopnet_bundle_free(bundle);
}

/* Two actors: either withdrawal leaves one, whose fragmentation is undefined: NaN ranks, in
 * bundle order. */
static void test_rank_undefined(void)
{
    coopnet_bundle_t *bundle =
        fixture_bundle("id,name,level,country\na,A,local,TN\nb,B,national,TN\n", NULL, NULL,
                       "from,to,type\na,b,mou\n");
    CHECK(bundle != NULL);
    if (bundle == NULL)
        return;
    coopnet_graph_options_t options;
    coopnet_graph_options_init(&options);
    coopnet_graph_t graph = {0};
    coopnet_whatif_ranking_t ranking = {0};
    coopnet_error_t err;
    CHECK_INT(coopnet_graph_init_cooperation(&graph, bundle, &options, &err), COOPNET_OK);
    CHECK_INT(coopnet_whatif_rank(&graph, 0, &ranking, &err), COOPNET_OK);
    CHECK_INT(ranking.n_items, 2);
    if (ranking.n_items == 2) {
        CHECK_STR(actor_id(bundle, ranking.items[0].actor), "a");
        CHECK_STR(actor_id(bundle, ranking.items[1].actor), "b");
        CHECK(isnan(ranking.items[0].rank) && isnan(ranking.items[1].after.fragmentation));
        CHECK_INT(ranking.items[0].after.actors, 1);
        CHECK_INT(ranking.items[0].n_isolated, 1);
    }
    coopnet_whatif_ranking_destroy(&ranking);
    coopnet_graph_destroy(&graph);
    coopnet_bundle_free(bundle);
}

/* Fragmentation directly: a path of 3 and an isolated vertex, 1 - 3 * 2 / (4 * 3) = 1/2; one
 * vertex: NaN. */
static void test_fragmentation(void)
{
    igraph_t graph;
    coopnet_error_t err;
    double fragmentation = 0;
    igraph_small(&graph, 4, IGRAPH_UNDIRECTED, 0, 1, 1, 2, -1);
    CHECK_INT(coopnet_whatif_fragmentation(&graph, &fragmentation, &err), COOPNET_OK);
    CHECK_NEAR(fragmentation, 0.5, 1e-15);
    igraph_destroy(&graph);
    igraph_empty(&graph, 1, IGRAPH_UNDIRECTED);
    CHECK_INT(coopnet_whatif_fragmentation(&graph, &fragmentation, &err), COOPNET_OK);
    CHECK(isnan(fragmentation));
    igraph_destroy(&graph);
}

int main(void)
{
    coopnet_library_init();
    TEST_RUN(test_hub_with_its_events);
    TEST_RUN(test_keep_events_and_non_convener);
    TEST_RUN(test_rank);
    TEST_RUN(test_rank_undefined);
    TEST_RUN(test_empty_bundle);
    TEST_RUN(test_fragmentation);
    TEST_RUN(test_convened_counts);
    return TEST_DONE();
}
