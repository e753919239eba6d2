/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test_nlc.c - national-local cooperation counts and links on graphs worked by hand. */
#include "analysis_fixtures.h"
#include "testing.h"

#include <math.h>

/* MA: l1, l2 local, r1 regional, n1 national; TN: l3 local, n2 national; i1 international.
 * Links: l1-n1, l1-l2, r1-n1, l3-i1, n1-i1, n2-i1 and l1-l3 (across countries). */
static const char actors[] = "id,name,level,country\n"
                             "l1,L1,local,MA\n"
                             "l2,L2,local,MA\n"
                             "r1,R1,regional,MA\n"
                             "n1,N1,national,MA\n"
                             "l3,L3,local,TN\n"
                             "n2,N2,national,TN\n"
                             "i1,I1,international,\n";
static const char ties[] = "from,to,type\n"
                           "l1,n1,agreement\n"
                           "l1,l2,agreement\n"
                           "r1,n1,agreement\n"
                           "l3,i1,agreement\n"
                           "n1,i1,agreement\n"
                           "n2,i1,agreement\n"
                           "l1,l3,agreement\n";

static const coopnet_nlc_pair_t *find_pair(const coopnet_nlc_t *nlc, const char *country,
                                           coopnet_level_t a, coopnet_level_t b)
{
    for (size_t p = 0; p < nlc->n_pairs; p++)
        if (strcmp(nlc->pairs[p].country, country) == 0 && nlc->pairs[p].level_a == a &&
            nlc->pairs[p].level_b == b)
            return &nlc->pairs[p];
    return NULL;
}

static void check_pair(const coopnet_nlc_t *nlc, const char *country, coopnet_level_t a,
                       coopnet_level_t b, long edges, double possible)
{
    const coopnet_nlc_pair_t *pair = find_pair(nlc, country, a, b);
    CHECK(pair != NULL);
    if (pair == NULL)
        return;
    CHECK_INT(pair->edges, edges);
    CHECK_NEAR(pair->possible, possible, 1e-12);
    CHECK_NEAR(pair->density, possible > 0 ? edges / possible : NAN, 1e-12);
}

static void test_hand_worked(void)
{
    coopnet_bundle_t *bundle = fixture_bundle(actors, NULL, NULL, ties);
    CHECK(bundle != NULL);
    if (bundle == NULL)
        return;
    coopnet_graph_options_t options;
    coopnet_graph_options_init(&options);
    coopnet_graph_t graph = {0};
    coopnet_nlc_t nlc = {0};
    coopnet_error_t err;
    CHECK_INT(coopnet_graph_init_cooperation(&graph, bundle, &options, &err), COOPNET_OK);
    CHECK_INT(coopnet_nlc_compute(&graph, &nlc, &err), COOPNET_OK);
    CHECK_INT(nlc.n_pairs, 10 + 2 * 9);
    CHECK_STR(nlc.pairs[0].country, "*");
    CHECK_STR(nlc.pairs[10].country, "MA");
    CHECK_STR(nlc.pairs[19].country, "TN");

    const coopnet_level_t L = COOPNET_LEVEL_LOCAL, R = COOPNET_LEVEL_REGIONAL,
                          N = COOPNET_LEVEL_NATIONAL, I = COOPNET_LEVEL_INTERNATIONAL;
    check_pair(&nlc, "*", L, L, 2, 3);
    check_pair(&nlc, "*", L, R, 0, 3);
    check_pair(&nlc, "*", L, N, 1, 6);
    check_pair(&nlc, "*", R, N, 1, 2);
    check_pair(&nlc, "*", L, I, 1, 3);
    check_pair(&nlc, "*", N, I, 2, 2);
    check_pair(&nlc, "*", I, I, 0, 0);
    check_pair(&nlc, "MA", L, L, 1, 1);
    check_pair(&nlc, "MA", L, N, 1, 2);
    check_pair(&nlc, "MA", R, N, 1, 1);
    check_pair(&nlc, "MA", N, I, 1, 1);
    check_pair(&nlc, "MA", L, I, 0, 2);
    check_pair(&nlc, "TN", L, I, 1, 1);
    check_pair(&nlc, "TN", N, I, 1, 1);
    check_pair(&nlc, "TN", L, N, 0, 1);
    check_pair(&nlc, "TN", L, L, 0, 0);
    CHECK(find_pair(&nlc, "MA", I, I) == NULL);

    CHECK_INT(nlc.n_countries, 2);
    CHECK_STR(nlc.reach[0].country, "MA");
    CHECK_INT(nlc.reach[0].subnational, 3);
    CHECK_INT(nlc.reach[0].linked, 2);
    CHECK_INT(nlc.reach[0].national, 1);
    CHECK_NEAR(nlc.reach[0].share, 2.0 / 3, 1e-12);
    CHECK_INT(nlc.reach[1].subnational, 1);
    CHECK_INT(nlc.reach[1].linked, 0);
    CHECK_NEAR(nlc.reach[1].share, 0, 1e-12);

    coopnet_nlc_destroy(&nlc);
    coopnet_nlc_destroy(&nlc); /* twice: a destroyed object is zeroed */
    coopnet_graph_destroy(&graph);
    coopnet_bundle_free(bundle);
}

/* A country whose national bodies are not in the data: its share is unknown (NaN), not 0%. */
static void test_no_national_body(void)
{
    static const char lonely[] = "id,name,level,country\n"
                                 "l1,L1,local,FR\n"
                                 "i1,I1,international,\n";
    static const char tie[] = "from,to,type\nl1,i1,agreement\n";
    coopnet_bundle_t *bundle = fixture_bundle(lonely, NULL, NULL, tie);
    CHECK(bundle != NULL);
    if (bundle == NULL)
        return;
    coopnet_graph_options_t options;
    coopnet_graph_options_init(&options);
    coopnet_graph_t graph = {0};
    coopnet_nlc_t nlc;
    coopnet_error_t err;
    CHECK_INT(coopnet_graph_init_cooperation(&graph, bundle, &options, &err), COOPNET_OK);
    CHECK_INT(coopnet_nlc_compute(&graph, &nlc, &err), COOPNET_OK);
    CHECK_INT(nlc.n_countries, 1);
    if (nlc.n_countries == 1) {
        CHECK_INT(nlc.reach[0].subnational, 1);
        CHECK_INT(nlc.reach[0].national, 0);
        CHECK(isnan(nlc.reach[0].share));
    }
    coopnet_nlc_destroy(&nlc);
    coopnet_graph_destroy(&graph);
    coopnet_bundle_free(bundle);
}

static void test_mena_hub_totals(void)
{
    /* every edge counts once for the whole network */
    coopnet_bundle_t *bundle = fixture_dataset("mena-hub");
    CHECK(bundle != NULL);
    if (bundle == NULL)
        return;
    coopnet_graph_options_t options;
    coopnet_graph_options_init(&options);
    coopnet_graph_t graph = {0};
    coopnet_nlc_t nlc = {0};
    coopnet_error_t err;
    CHECK_INT(coopnet_graph_init_cooperation(&graph, bundle, &options, &err), COOPNET_OK);
    CHECK_INT(coopnet_nlc_compute(&graph, &nlc, &err), COOPNET_OK);
    long total = 0;
    double possible = 0;
    for (size_t p = 0; p < 10; p++) {
        total += nlc.pairs[p].edges;
        possible += nlc.pairs[p].possible;
    }
    CHECK_INT(total, igraph_ecount(&graph.graph));
    double n = (double)igraph_vcount(&graph.graph);
    CHECK_NEAR(possible, n * (n - 1) / 2, 1e-9);
    coopnet_nlc_destroy(&nlc);
    coopnet_graph_destroy(&graph);
    coopnet_bundle_free(bundle);
}

/* National-local links, by hand. MA: n1 national; a, b, c local; r regional. TN: x local.
 * n1-a: only the workshop w1 (2024-03-10)           -> co-attendance, first 2024-03-10
 * n1-b: w1, an MoU from 2022-06 and undated support  -> formal, first 2022-06
 * n1-c: only the undated meeting w0                  -> co-attendance, no first date
 * n1-r: w0 and a request tie from 2023               -> ties, first 2023
 * n1-x (other country) and a-b (both local) are not national-local links. The actors are
 * listed out of id order to check the sorting. */
static const char link_actors[] = "id,name,level,country\n"
                                  "r,Region R,regional,MA\n"
                                  "c,City C,local,MA\n"
                                  "b,City B,local,MA\n"
                                  "a,City A,local,MA\n"
                                  "n1,Ministry N1,national,MA\n"
                                  "x,City X,local,TN\n";
static const char link_events[] = "id,title,date\n"
                                  "w0,Meeting,\n"
                                  "w1,Workshop,2024-03-10\n";
static const char link_participation[] = "event,actor\n"
                                         "w0,n1\nw0,c\nw0,r\n"
                                         "w1,n1\nw1,a\nw1,b\nw1,x\n";
static const char link_ties[] = "from,to,type,start\n"
                                "b,n1,technical_support,\n"
                                "n1,b,mou,2022-06\n"
                                "r,n1,request,2023\n";

static void check_link(const coopnet_nlc_link_t *link, const char *other, long shared_events,
                       long ties, const char *tie_types, const char *first_date,
                       coopnet_nlc_basis_t basis)
{
    char date[COOPNET_DATE_TEXT_SIZE];
    coopnet_date_format(link->first_date, date);
    CHECK_STR(link->country, "MA");
    CHECK_STR(link->national->id, "n1");
    CHECK_STR(link->other->id, other);
    CHECK_INT(link->shared_events, shared_events);
    CHECK_INT(link->ties, ties);
    CHECK_STR(link->tie_types, tie_types);
    CHECK_STR(date, first_date);
    CHECK_STR(coopnet_nlc_basis_name(link->basis), coopnet_nlc_basis_name(basis));
}

static void test_links_hand_worked(void)
{
    coopnet_bundle_t *bundle =
        fixture_bundle(link_actors, link_events, link_participation, link_ties);
    CHECK(bundle != NULL);
    if (bundle == NULL)
        return;
    coopnet_graph_options_t options;
    coopnet_graph_options_init(&options);
    coopnet_graph_t graph = {0};
    coopnet_nlc_links_t links = {0};
    coopnet_error_t err;
    CHECK_INT(coopnet_graph_init_cooperation(&graph, bundle, &options, &err), COOPNET_OK);
    CHECK_INT(coopnet_nlc_links_compute(&graph, &links, &err), COOPNET_OK);
    CHECK_INT(links.n_links, 4);
    if (links.n_links == 4) {
        check_link(&links.links[0], "a", 1, 0, "", "2024-03-10", COOPNET_NLC_BASIS_CO_ATTENDANCE);
        check_link(&links.links[1], "b", 1, 2, "mou;technical_support", "2022-06",
                   COOPNET_NLC_BASIS_FORMAL);
        check_link(&links.links[2], "c", 1, 0, "", "", COOPNET_NLC_BASIS_CO_ATTENDANCE);
        check_link(&links.links[3], "r", 1, 1, "request", "2023", COOPNET_NLC_BASIS_TIES);
        CHECK_STR(coopnet_level_name(links.links[3].other->level), "regional");
    }
    coopnet_nlc_links_destroy(&links);
    coopnet_nlc_links_destroy(&links); /* twice: a destroyed object is zeroed */
    coopnet_graph_destroy(&graph);

    /* the graph's options decide: with the event layer only, no tie supports a link */
    options.layer = COOPNET_LAYER_EVENTS;
    CHECK_INT(coopnet_graph_init_cooperation(&graph, bundle, &options, &err), COOPNET_OK);
    CHECK_INT(coopnet_nlc_links_compute(&graph, &links, &err), COOPNET_OK);
    CHECK_INT(links.n_links, 4);
    if (links.n_links == 4) {
        check_link(&links.links[1], "b", 1, 0, "", "2024-03-10", COOPNET_NLC_BASIS_CO_ATTENDANCE);
        check_link(&links.links[3], "r", 1, 0, "", "", COOPNET_NLC_BASIS_CO_ATTENDANCE);
    }
    coopnet_nlc_links_destroy(&links);
    coopnet_graph_destroy(&graph);

    /* and with ties only, a pair that only met has no link */
    options.layer = COOPNET_LAYER_TIES;
    CHECK_INT(coopnet_graph_init_cooperation(&graph, bundle, &options, &err), COOPNET_OK);
    CHECK_INT(coopnet_nlc_links_compute(&graph, &links, &err), COOPNET_OK);
    CHECK_INT(links.n_links, 2);
    if (links.n_links == 2) {
        check_link(&links.links[0], "b", 0, 2, "mou;technical_support", "2022-06",
                   COOPNET_NLC_BASIS_FORMAL);
        check_link(&links.links[1], "r", 0, 1, "request", "2023", COOPNET_NLC_BASIS_TIES);
    }
    coopnet_nlc_links_destroy(&links);
    coopnet_graph_destroy(&graph);
    coopnet_bundle_free(bundle);
}

/* Every link of the list is an edge of the graph that the level-pair table counts. */
static void test_links_agree_with_pairs(void)
{
    coopnet_bundle_t *bundle = fixture_dataset("mena-hub");
    CHECK(bundle != NULL);
    if (bundle == NULL)
        return;
    coopnet_graph_options_t options;
    coopnet_graph_options_init(&options);
    coopnet_graph_t graph = {0};
    coopnet_nlc_t nlc = {0};
    coopnet_nlc_links_t links = {0};
    coopnet_error_t err;
    CHECK_INT(coopnet_graph_init_cooperation(&graph, bundle, &options, &err), COOPNET_OK);
    CHECK_INT(coopnet_nlc_compute(&graph, &nlc, &err), COOPNET_OK);
    CHECK_INT(coopnet_nlc_links_compute(&graph, &links, &err), COOPNET_OK);
    long national_subnational = 0;
    for (size_t p = 10; p < nlc.n_pairs; p++)
        if (nlc.pairs[p].level_b == COOPNET_LEVEL_NATIONAL &&
            nlc.pairs[p].level_a < COOPNET_LEVEL_NATIONAL)
            national_subnational += nlc.pairs[p].edges;
    CHECK_INT(links.n_links, national_subnational);
    CHECK_INT(links.n_links, 19);
    coopnet_nlc_links_destroy(&links);
    coopnet_nlc_destroy(&nlc);
    coopnet_graph_destroy(&graph);
    coopnet_bundle_free(bundle);
}

int main(void)
{
    TEST_RUN(test_hand_worked);
    TEST_RUN(test_links_hand_worked);
    TEST_RUN(test_links_agree_with_pairs);
    TEST_RUN(test_mena_hub_totals);
    TEST_RUN(test_no_national_body);
    return TEST_DONE();
}
