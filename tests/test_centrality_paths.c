/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test_centrality_paths.c - the one-pass betweenness, closeness and harmonic centrality against
 * igraph's own functions on random graphs with the awkward cases: isolated vertices, several
 * components, parallel edges, self-loops, a single vertex, no vertex; and the same results
 * whatever the number of threads (the partial sums are added in a fixed order). */
#include "analysis/centrality_paths.h"
#include "analysis_fixtures.h"
#include "testing.h"

#include <coopnet/coopnet.h>

#include <math.h>
#include <stdlib.h>

static int same(double a, double b)
{
    if (isnan(a) || isnan(b))
        return isnan(a) && isnan(b);
    return fabs(a - b) <= 1e-9 * (1 + fabs(a) + fabs(b));
}

/* igraph's harmonic centrality of a graph with one vertex is 0 or NaN depending on the version;
 * the closeness of an isolated vertex is NaN in both. */
static void compare_with_igraph(const igraph_t *graph, const char *what)
{
    igraph_vector_t expected, betweenness, closeness, harmonic;
    igraph_vector_init(&expected, 0);
    igraph_vector_init(&betweenness, 0);
    igraph_vector_init(&closeness, 0);
    igraph_vector_init(&harmonic, 0);
    coopnet_error_t err;
    CHECK_INT(coopnet_i_centrality_paths(graph, &betweenness, &closeness, &harmonic, NULL, &err),
              COOPNET_OK);
    igraph_integer_t n = igraph_vcount(graph);
    CHECK_INT(igraph_vector_size(&betweenness), n);

    int mismatches = 0;
    igraph_betweenness(graph, &expected, igraph_vss_all(), IGRAPH_UNDIRECTED, NULL);
    for (igraph_integer_t v = 0; v < n; v++)
        mismatches += !same(VECTOR(expected)[v], VECTOR(betweenness)[v]);
    igraph_closeness(graph, &expected, NULL, NULL, igraph_vss_all(), IGRAPH_ALL, NULL, true);
    for (igraph_integer_t v = 0; v < n; v++)
        mismatches += !same(VECTOR(expected)[v], VECTOR(closeness)[v]);
    if (n > 1) {
        igraph_harmonic_centrality(graph, &expected, igraph_vss_all(), IGRAPH_ALL, NULL, true);
        for (igraph_integer_t v = 0; v < n; v++)
            mismatches += !same(VECTOR(expected)[v], VECTOR(harmonic)[v]);
    }
    if (mismatches)
        fprintf(stderr, "  %s: %d values differ from igraph\n", what, mismatches);
    CHECK_INT(mismatches, 0);

    /* each output alone gives the same values as all three together */
    igraph_vector_t alone;
    igraph_vector_init(&alone, 0);
    CHECK_INT(coopnet_i_centrality_paths(graph, NULL, NULL, &alone, NULL, &err), COOPNET_OK);
    for (igraph_integer_t v = 0; v < n; v++)
        CHECK(same(VECTOR(alone)[v], VECTOR(harmonic)[v]));
    CHECK_INT(coopnet_i_centrality_paths(graph, &alone, NULL, NULL, NULL, &err), COOPNET_OK);
    for (igraph_integer_t v = 0; v < n; v++)
        CHECK(VECTOR(alone)[v] == VECTOR(betweenness)[v]); /* bit for bit */
    igraph_vector_destroy(&alone);
    igraph_vector_destroy(&expected);
    igraph_vector_destroy(&betweenness);
    igraph_vector_destroy(&closeness);
    igraph_vector_destroy(&harmonic);
}

static void test_random_graphs(void)
{
    igraph_rng_seed(igraph_rng_default(), 42);
    for (int round = 0; round < 30; round++) {
        igraph_t graph;
        igraph_integer_t n = 2 + round * 7;
        double p = round % 3 == 0 ? 0.02 : (round % 3 == 1 ? 0.1 : 0.4);
        igraph_erdos_renyi_game_gnp(&graph, n, p, IGRAPH_UNDIRECTED, IGRAPH_NO_LOOPS);
        compare_with_igraph(&graph, "G(n, p)");
        /* parallel edges and self-loops */
        igraph_vector_int_t extra;
        igraph_vector_int_init(&extra, 0);
        for (igraph_integer_t k = 0; k < n / 2; k++) {
            igraph_integer_t a = RNG_INTEGER(0, n - 1), b = RNG_INTEGER(0, n - 1);
            igraph_vector_int_push_back(&extra, a);
            igraph_vector_int_push_back(&extra, b);
        }
        igraph_add_edges(&graph, &extra, NULL);
        igraph_vector_int_destroy(&extra);
        compare_with_igraph(&graph, "multigraph with loops");
        igraph_destroy(&graph);
    }
}

static void test_small_cases(void)
{
    igraph_t graph;
    igraph_empty(&graph, 0, IGRAPH_UNDIRECTED);
    compare_with_igraph(&graph, "no vertex");
    igraph_destroy(&graph);
    igraph_empty(&graph, 1, IGRAPH_UNDIRECTED);
    compare_with_igraph(&graph, "one vertex");
    igraph_destroy(&graph);
    igraph_empty(&graph, 5, IGRAPH_UNDIRECTED);
    compare_with_igraph(&graph, "five isolated vertices");
    igraph_destroy(&graph);
    igraph_small(&graph, 5, IGRAPH_UNDIRECTED, 0, 1, 1, 2, 2, 3, 3, 4, -1); /* path 0-1-2-3-4 */
    igraph_vector_t betweenness, closeness;
    igraph_vector_init(&betweenness, 0);
    igraph_vector_init(&closeness, 0);
    coopnet_error_t err;
    CHECK_INT(coopnet_i_centrality_paths(&graph, &betweenness, &closeness, NULL, NULL, &err),
              COOPNET_OK);
    /* by hand: the middle vertex lies on 2 x 2 paths, its neighbours on 3 */
    CHECK_NEAR(VECTOR(betweenness)[2], 4, 1e-12);
    CHECK_NEAR(VECTOR(betweenness)[1], 3, 1e-12);
    CHECK_NEAR(VECTOR(betweenness)[0], 0, 1e-12);
    CHECK_NEAR(VECTOR(closeness)[0], 4.0 / 10.0, 1e-12); /* distances 1 + 2 + 3 + 4 */
    igraph_vector_destroy(&betweenness);
    igraph_vector_destroy(&closeness);
    igraph_destroy(&graph);
}

/* The public entry point: unweighted path measures in one call equal one call each. */
static void test_compute_set(void)
{
    coopnet_error_t err;
    coopnet_bundle_t *bundle = fixture_dataset("mena-hub");
    CHECK(bundle != NULL);
    if (bundle == NULL)
        return;
    coopnet_graph_options_t options;
    coopnet_graph_options_init(&options);
    coopnet_graph_t graph;
    CHECK_INT(coopnet_graph_init_cooperation(&graph, bundle, &options, &err), COOPNET_OK);
    coopnet_measure_t measures[COOPNET_MEASURE_COUNT];
    igraph_vector_t values[COOPNET_MEASURE_COUNT], one;
    for (int m = 0; m < COOPNET_MEASURE_COUNT; m++) {
        measures[m] = coopnet_measure_defaults[m];
        igraph_vector_init(&values[m], 0);
    }
    igraph_vector_init(&one, 0);
    for (int weighted = 0; weighted <= 1; weighted++) {
        CHECK_INT(coopnet_centrality_compute_set(&graph, measures, COOPNET_MEASURE_COUNT, weighted,
                                                 values, NULL, &err),
                  COOPNET_OK);
        for (int m = 0; m < COOPNET_MEASURE_COUNT; m++) {
            CHECK_INT(coopnet_centrality_compute(&graph, measures[m], weighted, &one, &err),
                      COOPNET_OK);
            CHECK_INT(igraph_vector_size(&values[m]), igraph_vcount(&graph.graph));
            for (igraph_integer_t v = 0; v < igraph_vcount(&graph.graph); v++)
                CHECK(same(VECTOR(values[m])[v], VECTOR(one)[v]));
        }
    }
    coopnet_measure_t unknown = (coopnet_measure_t)42;
    CHECK_INT(coopnet_centrality_compute_set(&graph, &unknown, 1, false, values, NULL, &err),
              COOPNET_EINVAL);
    for (int m = 0; m < COOPNET_MEASURE_COUNT; m++)
        igraph_vector_destroy(&values[m]);
    igraph_vector_destroy(&one);
    coopnet_graph_destroy(&graph);
    coopnet_bundle_free(bundle);
}

int main(void)
{
    TEST_RUN(test_random_graphs);
    TEST_RUN(test_small_cases);
    TEST_RUN(test_compute_set);
    return TEST_DONE();
}
