/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test_communities.c - Leiden on two triangles joined by one link. */
#include "analysis_fixtures.h"
#include "testing.h"

static const char actors[] = "id,name,level,country\n"
                             "a,A,local,MA\n"
                             "b,B,local,MA\n"
                             "c,C,national,MA\n"
                             "d,D,local,TN\n"
                             "e,E,local,TN\n"
                             "f,F,international,\n"
                             "g,G,local,IQ\n";
static const char ties[] = "from,to,type\n"
                           "a,b,x\n"
                           "b,c,x\n"
                           "a,c,x\n"
                           "d,e,x\n"
                           "e,f,x\n"
                           "d,f,x\n"
                           "c,d,x\n";

static void test_two_triangles(void)
{
    coopnet_bundle_t *bundle = fixture_bundle(actors, NULL, NULL, ties);
    CHECK(bundle != NULL);
    if (bundle == NULL)
        return;
    coopnet_graph_options_t options;
    coopnet_graph_options_init(&options);
    coopnet_graph_t graph = {0};
    coopnet_communities_t communities;
    coopnet_error_t err;
    CHECK_INT(coopnet_graph_init_cooperation(&graph, bundle, &options, &err), COOPNET_OK);
    CHECK_INT(coopnet_communities_compute(&graph, 1.0, false, 7, &communities, &err), COOPNET_OK);
    /* the triangles and the isolated g */
    CHECK_INT(communities.n_communities, 3);
    const igraph_integer_t *m = VECTOR(communities.membership);
    CHECK(m[0] == m[1] && m[1] == m[2]);
    CHECK(m[3] == m[4] && m[4] == m[5]);
    CHECK(m[0] != m[3]);
    CHECK_INT(m[6], 2); /* the smallest community is numbered last */
    /* Q = sum over communities of (internal / m - (degrees / 2m)^2) = 2 (3/7 - (7/14)^2) */
    CHECK_NEAR(communities.modularity, 2 * (3.0 / 7 - 0.25), 1e-9);
    CHECK_INT(MATRIX(communities.by_level, m[0], COOPNET_LEVEL_LOCAL), 2);
    CHECK_INT(MATRIX(communities.by_level, m[0], COOPNET_LEVEL_NATIONAL), 1);
    char countries[64];
    CHECK_INT(coopnet_communities_countries(&communities, &graph, m[3], countries, sizeof countries,
                                            &err),
              COOPNET_OK);
    CHECK_STR(countries, "TN 2, (none) 1");
    coopnet_communities_destroy(&communities);

    CHECK_INT(coopnet_communities_compute(&graph, 0, false, 7, &communities, &err), COOPNET_EINVAL);
    CHECK_CONTAINS(err.message, "resolution must be positive");
    coopnet_communities_destroy(&communities);
    coopnet_graph_destroy(&graph);

    /* without links every actor is alone and the modularity is undefined */
    options.layer = COOPNET_LAYER_EVENTS;
    CHECK_INT(coopnet_graph_init_cooperation(&graph, bundle, &options, &err), COOPNET_OK);
    CHECK_INT(coopnet_communities_compute(&graph, 1.0, true, 7, &communities, &err), COOPNET_OK);
    CHECK_INT(communities.n_communities, 7);
    CHECK(isnan(communities.modularity));
    coopnet_communities_destroy(&communities);
    coopnet_graph_destroy(&graph);
    coopnet_bundle_free(bundle);
}

int main(void)
{
    TEST_RUN(test_two_triangles);
    return TEST_DONE();
}
