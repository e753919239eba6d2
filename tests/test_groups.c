/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test_groups.c - partitions, E-I index, mixing and the permutation test, worked by hand. */
#include "analysis_fixtures.h"
#include "testing.h"

#include <gsl/gsl_randist.h>
#include <gsl/gsl_rng.h>
#include <stdlib.h>

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

/* A bundle big enough for the permutations to be counted by several threads (over 20 000
 * links): 300 actors of four levels, 60 events of 40 participants drawn by a fixed LCG. */
static coopnet_bundle_t *large_bundle(void)
{
    static const char *const levels[] = {"local", "regional", "national", "international"};
    size_t size = 1 << 20;
    char *actors_csv = malloc(size), *events_csv = malloc(size), *participation_csv = malloc(size);
    size_t a = 0, e = 0, p = 0;
    a += (size_t)snprintf(actors_csv + a, size - a, "id,name,level,country\n");
    for (int i = 0; i < 300; i++)
        a +=
            (size_t)snprintf(actors_csv + a, size - a, "a%d,Actor %d,%s,MA\n", i, i, levels[i % 4]);
    e += (size_t)snprintf(events_csv + e, size - e, "id,title,date\n");
    p += (size_t)snprintf(participation_csv + p, size - p, "event,actor\n");
    unsigned long state = 12345;
    for (int k = 0; k < 60; k++) {
        e += (size_t)snprintf(events_csv + e, size - e, "e%d,Event %d,2024-01-%02d\n", k, k,
                              k % 28 + 1);
        char taken[300] = {0};
        for (int j = 0; j < 40; j++) {
            int actor;
            do {
                state = state * 6364136223846793005UL + 1442695040888963407UL;
                actor = (int)((state >> 33) % 300);
            } while (taken[actor]);
            taken[actor] = 1;
            p += (size_t)snprintf(participation_csv + p, size - p, "e%d,a%d\n", k, actor);
        }
    }
    coopnet_bundle_t *bundle = fixture_bundle(actors_csv, events_csv, participation_csv, NULL);
    free(actors_csv);
    free(events_csv);
    free(participation_csv);
    return bundle;
}

typedef struct progress_record {
    uint64_t last_done, total;
    int calls;
} progress_record_t;

static void record_progress(void *data, const char *stage, uint64_t done, uint64_t total)
{
    progress_record_t *record = data;
    (void)stage;
    record->last_done = done;
    record->total = total;
    record->calls++;
}

/* The permutations are shuffled in batches and counted over the threads: every number must be
 * that of one sequential run of the seeded generator, worked out here independently. */
static void test_permutations_in_batches(void)
{
    coopnet_bundle_t *bundle = large_bundle();
    CHECK(bundle != NULL);
    if (bundle == NULL)
        return;
    coopnet_graph_options_t options;
    coopnet_graph_options_init(&options);
    coopnet_graph_t graph;
    coopnet_error_t err;
    CHECK_INT(coopnet_graph_init_cooperation(&graph, bundle, &options, &err), COOPNET_OK);
    igraph_integer_t n = igraph_vcount(&graph.graph), m = igraph_ecount(&graph.graph);
    CHECK(m > 20000);
    const igraph_integer_t permutations = 130; /* two whole batches of 64 and a partial one */
    progress_record_t record = {0, 0, 0};
    coopnet_progress_t progress = {record_progress, &record};
    coopnet_groups_t groups;
    CHECK_INT(coopnet_groups_compute(&graph, "level", permutations, 7, &progress, &groups, &err),
              COOPNET_OK);
    CHECK_INT(record.total, permutations); /* all values kept: one pass */
    CHECK_INT(record.last_done, permutations);

    int32_t *shuffled = malloc((size_t)n * sizeof *shuffled);
    double *network_ei = malloc((size_t)permutations * sizeof *network_ei);
    for (igraph_integer_t v = 0; v < n; v++)
        shuffled[v] = (int32_t)VECTOR(groups.partition.group_of_vertex)[v];
    gsl_rng *rng = gsl_rng_alloc(gsl_rng_mt19937);
    gsl_rng_set(rng, 7);
    double sum = 0;
    for (igraph_integer_t k = 0; k < permutations; k++) {
        gsl_ran_shuffle(rng, shuffled, (size_t)n, sizeof *shuffled);
        long internal = 0, external = 0;
        for (igraph_integer_t edge = 0; edge < m; edge++) {
            if (shuffled[IGRAPH_FROM(&graph.graph, edge)] ==
                shuffled[IGRAPH_TO(&graph.graph, edge)])
                internal++;
            else
                external++;
        }
        network_ei[k] = (double)(external - internal) / (double)(external + internal);
        sum += network_ei[k];
    }
    double expected = sum / (double)permutations;
    long extreme = 0;
    for (igraph_integer_t k = 0; k < permutations; k++)
        if (fabs(network_ei[k] - expected) >= fabs(groups.network.ei - expected) - 1e-12)
            extreme++;
    CHECK(groups.network.expected_ei == expected);
    CHECK_NEAR(groups.network.p_value, (1.0 + (double)extreme) / (1.0 + (double)permutations),
               1e-15);
    gsl_rng_free(rng);
    free(shuffled);
    free(network_ei);
    coopnet_groups_destroy(&groups);
    coopnet_graph_destroy(&graph);
    coopnet_bundle_free(bundle);
}

int main(void)
{
    TEST_RUN(test_partition);
    TEST_RUN(test_ei_by_hand);
    TEST_RUN(test_permutations);
    TEST_RUN(test_permutations_in_batches);
    return TEST_DONE();
}
