/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test_centrality_constraint.c - coopnet's Burt's constraint against igraph_constraint on random
 * graphs, weighted and not, with the awkward cases (isolated vertices, parallel edges, self-loops,
 * a vertex whose only edge is a loop, no vertex), against values worked by hand, and the same bits
 * whatever the number of threads. */
#include "analysis/centrality_constraint.h"
#include "testing.h"

#include <coopnet/coopnet.h>

#include <math.h>
#include <stdlib.h>
#include <string.h>

static int same(double a, double b)
{
    if (isnan(a) || isnan(b))
        return isnan(a) && isnan(b);
    return fabs(a - b) <= 1e-12 * (1 + fabs(a) + fabs(b));
}

/* igraph gives 0 to a vertex whose only edges are self-loops; coopnet NaN (no contact at all),
 * as its centrality table always did. */
static int igraph_agrees(const igraph_t *graph, igraph_integer_t v, double expected, double value)
{
    igraph_integer_t degree;
    igraph_degree_1(graph, &degree, v, IGRAPH_ALL, IGRAPH_NO_LOOPS);
    if (degree == 0)
        return isnan(value);
    return same(expected, value);
}

static void compare_with_igraph(const igraph_t *graph, const igraph_vector_t *weights,
                                const char *what)
{
    igraph_vector_t expected, values;
    igraph_vector_init(&expected, 0);
    igraph_vector_init(&values, 0);
    coopnet_error_t err;
    CHECK_INT(coopnet_i_centrality_constraint(graph, weights, &values, NULL, &err), COOPNET_OK);
    igraph_constraint(graph, &expected, igraph_vss_all(), weights);
    igraph_integer_t n = igraph_vcount(graph);
    CHECK_INT(igraph_vector_size(&values), n);
    int mismatches = 0;
    for (igraph_integer_t v = 0; v < n; v++)
        mismatches += !igraph_agrees(graph, v, VECTOR(expected)[v], VECTOR(values)[v]);
    if (mismatches)
        fprintf(stderr, "  %s%s: %d values differ from igraph\n", what,
                weights ? " (weighted)" : "", mismatches);
    CHECK_INT(mismatches, 0);
    igraph_vector_destroy(&expected);
    igraph_vector_destroy(&values);
}

static void random_weights(const igraph_t *graph, igraph_vector_t *weights)
{
    igraph_vector_resize(weights, igraph_ecount(graph));
    for (igraph_integer_t e = 0; e < igraph_ecount(graph); e++)
        VECTOR(*weights)[e] = (double)RNG_INTEGER(1, 9);
}

static void test_random_graphs(void)
{
    igraph_vector_t weights;
    igraph_vector_init(&weights, 0);
    igraph_rng_seed(igraph_rng_default(), 7);
    for (int round = 0; round < 30; round++) {
        igraph_t graph;
        igraph_integer_t n = 2 + round * 9;
        double p = round % 3 == 0 ? 0.02 : (round % 3 == 1 ? 0.1 : 0.4);
        igraph_erdos_renyi_game_gnp(&graph, n, p, IGRAPH_UNDIRECTED, IGRAPH_NO_LOOPS);
        compare_with_igraph(&graph, NULL, "G(n, p)");
        random_weights(&graph, &weights);
        compare_with_igraph(&graph, &weights, "G(n, p)");
        /* parallel edges and self-loops */
        igraph_vector_int_t extra;
        igraph_vector_int_init(&extra, 0);
        for (igraph_integer_t k = 0; k < n / 2; k++) {
            igraph_vector_int_push_back(&extra, RNG_INTEGER(0, n - 1));
            igraph_vector_int_push_back(&extra, RNG_INTEGER(0, n - 1));
        }
        igraph_add_edges(&graph, &extra, NULL);
        igraph_vector_int_destroy(&extra);
        compare_with_igraph(&graph, NULL, "multigraph with loops");
        random_weights(&graph, &weights);
        compare_with_igraph(&graph, &weights, "multigraph with loops");
        igraph_destroy(&graph);
    }
    igraph_vector_destroy(&weights);
}

static void test_small_cases(void)
{
    igraph_t graph;
    igraph_vector_t values;
    igraph_vector_init(&values, 0);
    coopnet_error_t err;

    igraph_empty(&graph, 0, IGRAPH_UNDIRECTED);
    CHECK_INT(coopnet_i_centrality_constraint(&graph, NULL, &values, NULL, &err), COOPNET_OK);
    CHECK_INT(igraph_vector_size(&values), 0);
    igraph_destroy(&graph);

    /* a star with centre 0 and four leaves, one isolated vertex 5, a loop on the isolated 6:
     * the centre has four unconnected contacts, (1/4)^2 each; a leaf one, 1 */
    igraph_small(&graph, 7, IGRAPH_UNDIRECTED, 0, 1, 0, 2, 0, 3, 0, 4, 6, 6, -1);
    CHECK_INT(coopnet_i_centrality_constraint(&graph, NULL, &values, NULL, &err), COOPNET_OK);
    CHECK_NEAR(VECTOR(values)[0], 0.25, 1e-15);
    CHECK_NEAR(VECTOR(values)[1], 1.0, 1e-15);
    CHECK(isnan(VECTOR(values)[5]));
    CHECK(isnan(VECTOR(values)[6]));
    igraph_destroy(&graph);

    /* a triangle: each contact is p = 1/2 direct plus 1/2 x 1/2 through the third, so
     * 2 x (3/4)^2 = 9/8 */
    igraph_small(&graph, 3, IGRAPH_UNDIRECTED, 0, 1, 1, 2, 2, 0, -1);
    CHECK_INT(coopnet_i_centrality_constraint(&graph, NULL, &values, NULL, &err), COOPNET_OK);
    for (int v = 0; v < 3; v++)
        CHECK_NEAR(VECTOR(values)[v], 9.0 / 8.0, 1e-15);

    /* the wrong number of weights is refused */
    igraph_vector_t weights;
    igraph_vector_init(&weights, 2);
    CHECK_INT(coopnet_i_centrality_constraint(&graph, &weights, &values, NULL, &err),
              COOPNET_EINVAL);
    igraph_vector_destroy(&weights);
    igraph_destroy(&graph);
    igraph_vector_destroy(&values);
}

/* Each vertex is computed by one thread in a fixed order: a graph large enough to be split over
 * the threads gives the same bits every time (and the same as igraph to rounding). */
static void test_same_every_run(void)
{
    igraph_t graph;
    igraph_rng_seed(igraph_rng_default(), 11);
    igraph_barabasi_game(&graph, 5000, 1, 6, NULL, true, 1, IGRAPH_UNDIRECTED,
                         IGRAPH_BARABASI_PSUMTREE, NULL);
    igraph_vector_t first, again;
    igraph_vector_init(&first, 0);
    igraph_vector_init(&again, 0);
    coopnet_error_t err;
    CHECK_INT(coopnet_i_centrality_constraint(&graph, NULL, &first, NULL, &err), COOPNET_OK);
    for (int run = 0; run < 3; run++) {
        CHECK_INT(coopnet_i_centrality_constraint(&graph, NULL, &again, NULL, &err), COOPNET_OK);
        int differ = 0;
        for (igraph_integer_t v = 0; v < igraph_vcount(&graph); v++)
            differ += memcmp(&VECTOR(first)[v], &VECTOR(again)[v], sizeof(double)) != 0;
        CHECK_INT(differ, 0);
    }
    compare_with_igraph(&graph, NULL, "preferential attachment");
    igraph_vector_destroy(&first);
    igraph_vector_destroy(&again);
    igraph_destroy(&graph);
}

int main(void)
{
    TEST_RUN(test_random_graphs);
    TEST_RUN(test_small_cases);
    TEST_RUN(test_same_every_run);
    return TEST_DONE();
}
