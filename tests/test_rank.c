/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test_rank.c - the one ranking: decreasing, NaN last, ties in index order; the top k. */
#include "testing.h"

#include <coopnet/coopnet.h>

#include <math.h>

static void test_order_and_ties(void)
{
    /* values 2, NaN, 5, 2, 7, NaN, 5 -> 4 (7), 2 and 6 (5, by index), 0 and 3 (2), 1 and 5 (NaN) */
    const double data[] = {2, NAN, 5, 2, 7, NAN, 5};
    const igraph_integer_t expected[] = {4, 2, 6, 0, 3, 1, 5};
    igraph_vector_t values;
    igraph_vector_int_t order;
    coopnet_error_t err;
    igraph_vector_init_array(&values, data, 7);
    igraph_vector_int_init(&order, 0);
    CHECK_INT(coopnet_rank_vertices(&values, &order, &err), COOPNET_OK);
    CHECK_INT(igraph_vector_int_size(&order), 7);
    for (int i = 0; i < 7 && i < igraph_vector_int_size(&order); i++)
        CHECK_INT(VECTOR(order)[i], expected[i]);
    CHECK_INT(coopnet_rank_top(&values, 3, &order, &err), COOPNET_OK);
    CHECK_INT(igraph_vector_int_size(&order), 3);
    for (int i = 0; i < 3 && i < igraph_vector_int_size(&order); i++)
        CHECK_INT(VECTOR(order)[i], expected[i]);
    CHECK_INT(coopnet_rank_top(&values, 100, &order, &err), COOPNET_OK);
    CHECK_INT(igraph_vector_int_size(&order), 7);
    igraph_vector_resize(&values, 0);
    CHECK_INT(coopnet_rank_vertices(&values, &order, &err), COOPNET_OK);
    CHECK_INT(igraph_vector_int_size(&order), 0);
    igraph_vector_destroy(&values);
    igraph_vector_int_destroy(&order);
}

/* Competition ranks from the one ranking: ties share the better rank, NaN has none. */
static void test_competition(void)
{
    static const double data[] = {3, 5, NAN, 5, 1, 3};
    igraph_vector_t values;
    igraph_vector_int_t order;
    coopnet_error_t err;
    igraph_vector_init_array(&values, data, 6);
    igraph_vector_int_init(&order, 0);
    CHECK_INT(coopnet_rank_vertices(&values, &order, &err), COOPNET_OK);
    double ranks[6];
    coopnet_rank_competition(&values, &order, ranks);
    static const double expected[] = {3, 1, NAN, 1, 5, 3};
    for (int i = 0; i < 6; i++) {
        if (isnan(expected[i]))
            CHECK(isnan(ranks[i]));
        else
            CHECK_NEAR(ranks[i], expected[i], 0);
    }
    igraph_vector_destroy(&values);
    igraph_vector_int_destroy(&order);
}

int main(void)
{
    TEST_RUN(test_order_and_ties);
    TEST_RUN(test_competition);
    return TEST_DONE();
}
