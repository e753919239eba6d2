/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test_groups.c - partitions, E-I index, mixing and the permutation test, worked by hand. */
#include "analysis_fixtures.h"
#include "testing.h"

/* The graph of test_nlc.c: levels local {l1, l2, l3}, regional {r1}, national {n1, n2},
 * international {i1}; links l1-n1, l1-l2, r1-n1, l3-i1, n1-i1, n2-i1, l1-l3. */
static const char actors[] = "id,name,level,country,sector\n"
                             "l1,L1,local,MA,urban\n"
                             "l2,L2,local,MA,urban\n"
                             "r1,R1,regional,MA,\n"
                             "n1,N1,national,MA,security\n"
                             "l3,L3,local,TN,urban\n"
                             "n2,N2,national,TN,security\n"
                             "i1,I1,international,,donor\n";
static const char ties[] = "from,to,type\n"
                           "l1,n1,agreement\n"
                           "l1,l2,agreement\n"
                           "r1,n1,agreement\n"
                           "l3,i1,agreement\n"
                           "n1,i1,agreement\n"
                           "n2,i1,agreement\n"
                           "l1,l3,agreement\n";

typedef struct fixture {
    coopnet_bundle_t *bundle;
    coopnet_graph_t graph;
} fixture_t;

static bool fixture_open(fixture_t *f)
{
    memset(f, 0, sizeof *f);
    f->bundle = fixture_bundle(actors, NULL, NULL, ties);
    if (f->bundle == NULL)
        return false;
    coopnet_graph_options_t options;
    coopnet_graph_options_init(&options);
    coopnet_error_t err;
    return coopnet_graph_init_cooperation(&f->graph, f->bundle, &options, &err) == COOPNET_OK;
}

static void fixture_close(fixture_t *f)
{
    coopnet_graph_destroy(&f->graph);
    coopnet_bundle_free(f->bundle);
}

static void test_partition(void)
{
    fixture_t f;
    CHECK(fixture_open(&f));
    coopnet_partition_t partition;
    coopnet_error_t err;
    CHECK_INT(coopnet_partition_init(&partition, &f.graph, "level", &err), COOPNET_OK);
    CHECK_INT(partition.n_groups, 4);
    CHECK_STR(partition.labels[0], "local");
    CHECK_STR(partition.labels[3], "international");
    CHECK_INT(VECTOR(partition.group_size)[0], 3);
    coopnet_partition_destroy(&partition);
    /* an extra column; the empty value is its own group, last */
    CHECK_INT(coopnet_partition_init(&partition, &f.graph, "sector", &err), COOPNET_OK);
    CHECK_INT(partition.n_groups, 4);
    CHECK_STR(partition.labels[0], "donor");
    CHECK_STR(partition.labels[3], "(none)");
    coopnet_partition_destroy(&partition);
    CHECK_INT(coopnet_partition_init(&partition, &f.graph, "colour", &err), COOPNET_EINVAL);
    CHECK_STR(err.message, "unknown actor attribute 'colour'");
    coopnet_partition_destroy(&partition);
    fixture_close(&f);
}

static void test_ei_by_hand(void)
{
    fixture_t f;
    CHECK(fixture_open(&f));
    coopnet_groups_t groups;
    coopnet_error_t err;
    CHECK_INT(coopnet_groups_compute(&f.graph, "level", 0, 1, NULL, &groups, &err), COOPNET_OK);
    CHECK_INT(groups.network.actors, 7);
    CHECK_INT(groups.network.internal, 2);
    CHECK_INT(groups.network.external, 5);
    CHECK_NEAR(groups.network.ei, 3.0 / 7, 1e-12);
    CHECK(isnan(groups.network.expected_ei));
    CHECK(isnan(groups.network.p_value));
    /* local: internal l1-l2, l1-l3; external l1-n1, l3-i1 */
    CHECK_INT(groups.groups[0].internal, 2);
    CHECK_INT(groups.groups[0].external, 2);
    CHECK_NEAR(groups.groups[0].ei, 0, 1e-12);
    CHECK_INT(groups.groups[2].internal, 0); /* national */
    CHECK_INT(groups.groups[2].external, 4);
    CHECK_NEAR(groups.groups[2].ei, 1, 1e-12);
    CHECK_INT(groups.groups[3].external, 3); /* international */
    /* l1: partners n1 (other level), l2 and l3 (same) */
    long l1 = fixture_vertex(f.bundle, &f.graph, "l1");
    CHECK_INT(VECTOR(groups.actor_internal)[l1], 2);
    CHECK_INT(VECTOR(groups.actor_external)[l1], 1);
    CHECK_NEAR(VECTOR(groups.actor_ei)[l1], -1.0 / 3, 1e-12);
    CHECK_INT(MATRIX(groups.mixing, 0, 0), 2);
    CHECK_INT(MATRIX(groups.mixing, 0, 2), 1);
    CHECK_INT(MATRIX(groups.mixing, 2, 0), 1);
    CHECK_INT(MATRIX(groups.mixing, 2, 3), 2);
    CHECK_INT(MATRIX(groups.mixing, 1, 1), 0);
    CHECK(groups.assortativity < 0); /* links mostly cross levels */
    coopnet_groups_destroy(&groups);
    fixture_close(&f);
}

static void test_permutations(void)
{
    fixture_t f;
    CHECK(fixture_open(&f));
    coopnet_groups_t first, second;
    coopnet_error_t err;
    CHECK_INT(coopnet_groups_compute(&f.graph, "level", 20000, 42, NULL, &first, &err), COOPNET_OK);
    CHECK_INT(coopnet_groups_compute(&f.graph, "level", 20000, 42, NULL, &second, &err),
              COOPNET_OK);
    /* reproducible with a fixed seed */
    CHECK(first.network.expected_ei == second.network.expected_ei);
    CHECK(first.network.p_value == second.network.p_value);
    for (size_t g = 0; g < first.partition.n_groups; g++)
        CHECK(first.groups[g].p_value == second.groups[g].p_value ||
              (isnan(first.groups[g].p_value) && isnan(second.groups[g].p_value)));
    /* With 7 links, the network E-I is 1 - 2 I / 7; a link is internal with probability
     * sum n_g (n_g - 1) / (N (N - 1)) = (6 + 0 + 2 + 0) / 42, so E[E-I] = 1 - 16/42. */
    CHECK_NEAR(first.network.expected_ei, 1 - 16.0 / 42, 0.01);
    CHECK(first.network.p_value > 0 && first.network.p_value <= 1);
    coopnet_groups_destroy(&first);
    coopnet_groups_destroy(&second);
    CHECK_INT(coopnet_groups_compute(&f.graph, "level", -1, 1, NULL, &first, &err), COOPNET_EINVAL);
    CHECK_INT(coopnet_groups_compute(&f.graph, "nope", 10, 1, NULL, &first, &err), COOPNET_EINVAL);
    coopnet_groups_destroy(&first);
    fixture_close(&f);
}

int main(void)
{
    TEST_RUN(test_partition);
    TEST_RUN(test_ei_by_hand);
    TEST_RUN(test_permutations);
    return TEST_DONE();
}
