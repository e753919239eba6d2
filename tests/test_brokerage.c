/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test_brokerage.c - Gould-Fernandez counts and sna's moments on a digraph worked by hand. */
#include "analysis_fixtures.h"
#include "testing.h"

/* a (local) -> b (national) -> c (local) directed ties, b - d (international) undirected.
 * Arcs: a->b, b->c, b->d, d->b. Two-paths with no closing arc, all through b:
 *   a->b->c  a, c local, b national          itinerant
 *   a->b->d  three levels                    liaison
 *   d->b->c  three levels                    liaison
 * (d->b->d and b->d->b return to their start.) */
static const char actors[] = "id,name,level,country\n"
                             "a,A,local,MA\n"
                             "b,B,national,MA\n"
                             "c,C,local,MA\n"
                             "d,D,international,\n";
static const char ties[] = "from,to,type,directed\n"
                           "a,b,funding,true\n"
                           "b,c,funding,true\n"
                           "b,d,agreement,false\n";

static void test_hand_worked(void)
{
    coopnet_bundle_t *bundle = fixture_bundle(actors, NULL, NULL, ties);
    CHECK(bundle != NULL);
    if (bundle == NULL)
        return;
    coopnet_graph_options_t options;
    coopnet_graph_options_init(&options);
    coopnet_graph_t graph = {0};
    coopnet_brokerage_t brokerage;
    coopnet_error_t err;
    CHECK_INT(coopnet_graph_init_cooperation(&graph, bundle, &options, &err), COOPNET_OK);
    CHECK_INT(coopnet_brokerage_compute(&graph, "level", &brokerage, &err), COOPNET_OK);
    CHECK_INT(brokerage.n_arcs, 4);
    CHECK_NEAR(brokerage.density, 4.0 / 12, 1e-12);
    long b = fixture_vertex(bundle, &graph, "b");
    CHECK_NEAR(MATRIX(brokerage.counts, b, COOPNET_BROKERAGE_COORDINATOR), 0, 0);
    CHECK_NEAR(MATRIX(brokerage.counts, b, COOPNET_BROKERAGE_ITINERANT), 1, 0);
    CHECK_NEAR(MATRIX(brokerage.counts, b, COOPNET_BROKERAGE_GATEKEEPER), 0, 0);
    CHECK_NEAR(MATRIX(brokerage.counts, b, COOPNET_BROKERAGE_REPRESENTATIVE), 0, 0);
    CHECK_NEAR(MATRIX(brokerage.counts, b, COOPNET_BROKERAGE_LIAISON), 2, 0);
    CHECK_NEAR(MATRIX(brokerage.counts, b, COOPNET_BROKERAGE_TOTAL), 3, 0);
    const char *others[] = {"a", "c", "d"};
    for (int i = 0; i < 3; i++)
        CHECK_NEAR(MATRIX(brokerage.counts, fixture_vertex(bundle, &graph, others[i]),
                          COOPNET_BROKERAGE_TOTAL),
                   0, 0);

    /* sna's moments for b (group national of size 1; others: local 2, international 1),
     * d = 1/3: q = d^2 (1 - d) = 2/27, r = (d (1 - d))^3 = 8/729. */
    double q = 2.0 / 27, r = 8.0 / 729;
    CHECK_NEAR(MATRIX(brokerage.expected, b, COOPNET_BROKERAGE_COORDINATOR), 0, 1e-12);
    CHECK(isnan(MATRIX(brokerage.z, b, COOPNET_BROKERAGE_COORDINATOR)));
    double e_itinerant = q * (2 * 1 + 1 * 0);
    double v_itinerant = e_itinerant * (1 - q) + 2 * 0 * r; /* n_h (n_h-1)(n_h-2) = 0 */
    CHECK_NEAR(MATRIX(brokerage.z, b, COOPNET_BROKERAGE_ITINERANT),
               (1 - e_itinerant) / sqrt(v_itinerant), 1e-9);
    double e_liaison = q * ((2 + 1) * (2 + 1) - (4 + 1));
    /* 4 sum_h n_h C(N - n_h - n_g, 2): local 2 C(1, 2) = 0, international 1 C(2, 2) = 1 */
    double v_liaison = e_liaison * (1 - q) + 4 * 1 * r;
    CHECK_NEAR(MATRIX(brokerage.z, b, COOPNET_BROKERAGE_LIAISON), (2 - e_liaison) / sqrt(v_liaison),
               1e-9);
    double e_total = q * 3 * 2, v_total = e_total * (1 - q) + 2 * 3 * 2 * 1 * r;
    CHECK_NEAR(MATRIX(brokerage.expected, b, COOPNET_BROKERAGE_TOTAL), 4.0 / 9, 1e-12);
    CHECK_NEAR(MATRIX(brokerage.z, b, COOPNET_BROKERAGE_TOTAL), (3 - e_total) / sqrt(v_total),
               1e-9);
    /* a (local, n_g = 2): gatekeeper/representative E = q (N - n_g)(n_g - 1) = 2q,
     * V = E (1 - q) + 2 ((n_g - 1) C(2, 2) + 2 C(1, 2)) r = 2q (1 - q) + 2r */
    long a = fixture_vertex(bundle, &graph, "a");
    CHECK_NEAR(MATRIX(brokerage.expected, a, COOPNET_BROKERAGE_GATEKEEPER), 2 * q, 1e-12);
    CHECK_NEAR(MATRIX(brokerage.z, a, COOPNET_BROKERAGE_REPRESENTATIVE),
               -2 * q / sqrt(2 * q * (1 - q) + 2 * r), 1e-9);
    coopnet_brokerage_destroy(&brokerage);

    /* the events layer alone has no arcs: every count 0 */
    options.layer = COOPNET_LAYER_EVENTS;
    coopnet_graph_destroy(&graph);
    CHECK_INT(coopnet_graph_init_cooperation(&graph, bundle, &options, &err), COOPNET_OK);
    CHECK_INT(coopnet_brokerage_compute(&graph, "level", &brokerage, &err), COOPNET_OK);
    CHECK_INT(brokerage.n_arcs, 0);
    CHECK_NEAR(MATRIX(brokerage.counts, b, COOPNET_BROKERAGE_TOTAL), 0, 0);
    coopnet_brokerage_destroy(&brokerage);

    CHECK_INT(coopnet_brokerage_compute(&graph, "colour", &brokerage, &err), COOPNET_EINVAL);
    coopnet_brokerage_destroy(&brokerage);
    CHECK_STR(coopnet_brokerage_role_name(COOPNET_BROKERAGE_GATEKEEPER), "gatekeeper");
    CHECK_STR(coopnet_brokerage_role_name((coopnet_brokerage_role_t)9), "");
    coopnet_graph_destroy(&graph);
    coopnet_bundle_free(bundle);
}

/* An event shared by a, b, c is two arcs per pair: a triangle, so no two-path is open. */
static void test_events_are_two_arcs(void)
{
    coopnet_bundle_t *bundle =
        fixture_bundle(actors, "id,title,date\ne1,E1,2024-01-01\n",
                       "event,actor\ne1,a\ne1,b\ne1,c\n", "from,to,type,directed\n");
    CHECK(bundle != NULL);
    if (bundle == NULL)
        return;
    coopnet_graph_options_t options;
    coopnet_graph_options_init(&options);
    coopnet_graph_t graph = {0};
    coopnet_brokerage_t brokerage;
    coopnet_error_t err;
    CHECK_INT(coopnet_graph_init_cooperation(&graph, bundle, &options, &err), COOPNET_OK);
    CHECK_INT(coopnet_brokerage_compute(&graph, "level", &brokerage, &err), COOPNET_OK);
    CHECK_INT(brokerage.n_arcs, 6);
    for (igraph_integer_t v = 0; v < 4; v++)
        CHECK_NEAR(MATRIX(brokerage.counts, v, COOPNET_BROKERAGE_TOTAL), 0, 0);
    coopnet_brokerage_destroy(&brokerage);
    coopnet_graph_destroy(&graph);
    coopnet_bundle_free(bundle);
}

int main(void)
{
    TEST_RUN(test_hand_worked);
    TEST_RUN(test_events_are_two_arcs);
    return TEST_DONE();
}
