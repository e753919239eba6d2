/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test_centrality_approx.c - sampled betweenness, closeness and harmonic centrality against the
 * exact values on generated graphs where exact is affordable: over many seeded runs, count the
 * runs in which some actor is further from the exact value than the stated bound and compare
 * with the confidence; the top 20 of a graph with hubs; the same seed gives the same values
 * whatever the number of threads; bad settings; the policy. */
#include "analysis/centrality_approx.h"
#include "analysis/centrality_paths.h"
#include "analysis_fixtures.h"
#include "testing.h"

#include <coopnet/coopnet.h>

#include <math.h>
#include <stdlib.h>

#define RUNS 50

/* A preferential-attachment graph (a few clear hubs) of n vertices, m links per new vertex. */
static void hub_graph(igraph_t *graph, igraph_integer_t n, igraph_integer_t m, unsigned long seed)
{
    igraph_rng_seed(igraph_rng_default(), seed);
    igraph_barabasi_game(graph, n, 1.0, m, NULL, true, 1.0, IGRAPH_UNDIRECTED,
                         IGRAPH_BARABASI_PSUMTREE, NULL);
}

typedef struct exact_values {
    igraph_vector_t betweenness, closeness, harmonic;
} exact_values_t;

static void exact_init(exact_values_t *exact, const igraph_t *graph)
{
    coopnet_error_t err;
    igraph_vector_init(&exact->betweenness, 0);
    igraph_vector_init(&exact->closeness, 0);
    igraph_vector_init(&exact->harmonic, 0);
    CHECK_INT(coopnet_i_centrality_paths(graph, &exact->betweenness, &exact->closeness,
                                         &exact->harmonic, NULL, &err),
              COOPNET_OK);
}

static void exact_destroy(exact_values_t *exact)
{
    igraph_vector_destroy(&exact->betweenness);
    igraph_vector_destroy(&exact->closeness);
    igraph_vector_destroy(&exact->harmonic);
}

/* The actors of one run further from exact than bound (scale: the bound's units per unit of the
 * value), and the largest error over the bound seen. */
static int count_outside(const igraph_vector_t *estimate, const igraph_vector_t *bound,
                         const igraph_vector_t *exact, double *worst_ratio)
{
    int outside = 0;
    for (igraph_integer_t v = 0; v < igraph_vector_size(exact); v++) {
        double error = fabs(VECTOR(*estimate)[v] - VECTOR(*exact)[v]);
        if (isnan(VECTOR(*exact)[v]) && isnan(VECTOR(*estimate)[v]))
            continue;
        if (!(error <= VECTOR(*bound)[v] + 1e-12))
            outside++;
        double ratio = VECTOR(*bound)[v] > 0 ? error / VECTOR(*bound)[v] : 0;
        if (ratio > *worst_ratio)
            *worst_ratio = ratio;
    }
    return outside;
}

/* Over RUNS seeds: a run fails when any actor is outside its bound. The bounds hold with
 * probability >= confidence each run, so failed runs must stay well below (1 - confidence) RUNS. */
static void test_error_within_bound(void)
{
    igraph_t graph;
    hub_graph(&graph, 2000, 2, 7);
    igraph_integer_t n = igraph_vcount(&graph);
    exact_values_t exact;
    exact_init(&exact, &graph);
    coopnet_centrality_approx_t approx = {.epsilon = 0.1, .confidence = 0.9, .seed = 0};
    igraph_vector_t betweenness, betweenness_bound, closeness, closeness_bound, harmonic,
        harmonic_bound;
    igraph_vector_init(&betweenness, 0);
    igraph_vector_init(&betweenness_bound, 0);
    igraph_vector_init(&closeness, 0);
    igraph_vector_init(&closeness_bound, 0);
    igraph_vector_init(&harmonic, 0);
    igraph_vector_init(&harmonic_bound, 0);
    int failed[3] = {0, 0, 0};
    double worst[3] = {0, 0, 0};
    coopnet_centrality_sampling_t sampling;
    coopnet_error_t err;
    for (int run = 0; run < RUNS; run++) {
        approx.seed = (uint64_t)run + 1;
        CHECK_INT(coopnet_i_centrality_approximate(
                      &graph, &approx, 0, &betweenness, &betweenness_bound, &closeness,
                      &closeness_bound, &harmonic, &harmonic_bound, &sampling, NULL, &err),
                  COOPNET_OK);
        failed[0] +=
            count_outside(&betweenness, &betweenness_bound, &exact.betweenness, &worst[0]) > 0;
        failed[1] += count_outside(&closeness, &closeness_bound, &exact.closeness, &worst[1]) > 0;
        failed[2] += count_outside(&harmonic, &harmonic_bound, &exact.harmonic, &worst[2]) > 0;
    }
    /* the raw betweenness bound is epsilon on the normalised scale; harmonic's is at most epsilon
     */
    CHECK_NEAR(VECTOR(betweenness_bound)[0], 0.1 * (double)(n - 1) * (double)(n - 2) / 2, 1e-6);
    for (igraph_integer_t v = 0; v < n; v++)
        CHECK(VECTOR(harmonic_bound)[v] <= 0.1 && VECTOR(closeness_bound)[v] > 0);
    /* sampled for real: fewer sources than vertices */
    CHECK(sampling.sources > 0 && sampling.sources < n);
    CHECK(sampling.pairs > 0 && sampling.vertex_diameter >= 3);
    printf("  %d runs, %lld pairs, %lld sources: failed runs %d %d %d (betweenness, closeness, "
           "harmonic); largest error / bound %.3f %.3f %.3f\n",
           RUNS, (long long)sampling.pairs, (long long)sampling.sources, failed[0], failed[1],
           failed[2], worst[0], worst[1], worst[2]);
    /* (1 - confidence) RUNS = 5 failed runs allowed by the guarantee; ask for half of it */
    for (int m = 0; m < 3; m++)
        CHECK(failed[m] <= (int)((1 - approx.confidence) * RUNS / 2));

    igraph_vector_destroy(&betweenness);
    igraph_vector_destroy(&betweenness_bound);
    igraph_vector_destroy(&closeness);
    igraph_vector_destroy(&closeness_bound);
    igraph_vector_destroy(&harmonic);
    igraph_vector_destroy(&harmonic_bound);
    exact_destroy(&exact);
    igraph_destroy(&graph);
}

/* A square lattice has many shortest paths between most pairs, of very different counts through
 * each vertex: a path drawn other than uniformly (a predecessor drawn uniformly instead of by its
 * path count, a bidirectional meeting point drawn by the wrong weight) moves the central
 * vertices' betweenness by several times a bound of 0.01. */
static void test_uniform_paths_on_a_lattice(void)
{
    igraph_t graph;
    igraph_vector_int_t dimensions;
    igraph_vector_int_init_int(&dimensions, 2, 12, 12);
    igraph_square_lattice(&graph, &dimensions, 1, IGRAPH_UNDIRECTED, false, NULL);
    igraph_vector_int_destroy(&dimensions);
    igraph_integer_t n = igraph_vcount(&graph);
    exact_values_t exact;
    exact_init(&exact, &graph);
    coopnet_centrality_approx_t approx = {.epsilon = 0.01, .confidence = 0.95, .seed = 5};
    igraph_vector_t betweenness, bound;
    igraph_vector_init(&betweenness, 0);
    igraph_vector_init(&bound, 0);
    coopnet_error_t err;
    coopnet_centrality_sampling_t sampling;
    double worst = 0, worst_z = 0;
    double ordered_pairs =
        (double)n * (double)(n - 1) / 2; /* raw = share of ordered pairs x this */
    for (int run = 0; run < 3; run++) {
        approx.seed = 5 + (uint64_t)run;
        CHECK_INT(coopnet_i_centrality_approximate(&graph, &approx, 0, &betweenness, &bound, NULL,
                                                   NULL, NULL, NULL, &sampling, NULL, &err),
                  COOPNET_OK);
        CHECK_INT(count_outside(&betweenness, &bound, &exact.betweenness, &worst), 0);
        /* each sample puts v on its path with probability b, the exact share: the estimate is
         * a mean of r such draws, so its error is within 5 standard deviations for all 144
         * vertices but with probability about 1e-4; a biased draw of the path is not */
        double r = (double)sampling.pairs;
        for (igraph_integer_t v = 0; v < n; v++) {
            double b = VECTOR(exact.betweenness)[v] / ordered_pairs;
            double estimate = VECTOR(betweenness)[v] / ordered_pairs;
            double deviation = sqrt(b * (1 - b) / r);
            if (deviation > 0 && fabs(estimate - b) / deviation > worst_z)
                worst_z = fabs(estimate - b) / deviation;
        }
    }
    double pairs = (double)(n - 1) * (double)(n - 2) / 2;
    printf("  12 x 12 lattice: largest normalised error %.4f (bound 0.01), largest error %.2f "
           "standard deviations\n",
           worst * VECTOR(bound)[0] / pairs, worst_z);
    CHECK(worst_z < 5);
    igraph_vector_destroy(&betweenness);
    igraph_vector_destroy(&bound);
    exact_destroy(&exact);
    igraph_destroy(&graph);
}

/* When k is at least the component's size, every vertex is a source: closeness and harmonic are
 * exact (bound 0), through the direction-optimising search, on a dense graph (its middle levels
 * grow bottom-up) and a sparse one. */
static void test_all_sources_exact(void)
{
    for (int dense = 0; dense <= 1; dense++) {
        igraph_t graph;
        igraph_rng_seed(igraph_rng_default(), 17);
        if (dense)
            igraph_erdos_renyi_game_gnm(&graph, 400, 12000, IGRAPH_UNDIRECTED, false);
        else
            hub_graph(&graph, 400, 1, 17);
        igraph_integer_t n = igraph_vcount(&graph);
        exact_values_t exact;
        exact_init(&exact, &graph);
        coopnet_centrality_approx_t approx = {.epsilon = 0.05, .confidence = 0.95, .seed = 1};
        igraph_vector_t closeness, closeness_bound, harmonic, harmonic_bound;
        igraph_vector_init(&closeness, 0);
        igraph_vector_init(&closeness_bound, 0);
        igraph_vector_init(&harmonic, 0);
        igraph_vector_init(&harmonic_bound, 0);
        coopnet_error_t err;
        coopnet_centrality_sampling_t sampling;
        CHECK_INT(coopnet_i_centrality_approximate(&graph, &approx, 0, NULL, NULL, &closeness,
                                                   &closeness_bound, &harmonic, &harmonic_bound,
                                                   &sampling, NULL, &err),
                  COOPNET_OK);
        CHECK_INT(sampling.sources, 0); /* k > n: no component sampled */
        int differences = 0;
        for (igraph_integer_t v = 0; v < n; v++) {
            differences += !(fabs(VECTOR(closeness)[v] - VECTOR(exact.closeness)[v]) < 1e-12);
            differences += !(fabs(VECTOR(harmonic)[v] - VECTOR(exact.harmonic)[v]) < 1e-12);
            differences += VECTOR(closeness_bound)[v] != 0 || VECTOR(harmonic_bound)[v] != 0;
        }
        CHECK_INT(differences, 0);
        igraph_vector_destroy(&closeness);
        igraph_vector_destroy(&closeness_bound);
        igraph_vector_destroy(&harmonic);
        igraph_vector_destroy(&harmonic_bound);
        exact_destroy(&exact);
        igraph_destroy(&graph);
    }
}

/* The vertices of the top count by value, highest first (ties by vertex number). */
static void top_vertices(const igraph_vector_t *values, int count, igraph_integer_t *top)
{
    igraph_vector_int_t order;
    igraph_vector_int_init(&order, 0);
    coopnet_error_t err;
    CHECK_INT(coopnet_rank_vertices(values, &order, &err), COOPNET_OK);
    for (int i = 0; i < count; i++)
        top[i] = VECTOR(order)[i];
    igraph_vector_int_destroy(&order);
}

/* On a graph with clear hubs, the sampled top 20 is the exact top 20 (as a set, give or take
 * the last places, where neighbours differ by less than the bound). */
static void test_top_ranking(void)
{
    igraph_t graph;
    hub_graph(&graph, 3000, 1, 11);
    exact_values_t exact;
    exact_init(&exact, &graph);
    coopnet_centrality_approx_t approx = {.epsilon = 0.02, .confidence = 0.95, .seed = 3};
    igraph_vector_t betweenness, harmonic;
    igraph_vector_init(&betweenness, 0);
    igraph_vector_init(&harmonic, 0);
    coopnet_error_t err;
    CHECK_INT(coopnet_i_centrality_approximate(&graph, &approx, 0, &betweenness, NULL, NULL, NULL,
                                               &harmonic, NULL, NULL, NULL, &err),
              COOPNET_OK);
    const igraph_vector_t *estimates[2] = {&betweenness, &harmonic};
    const igraph_vector_t *exacts[2] = {&exact.betweenness, &exact.harmonic};
    for (int m = 0; m < 2; m++) {
        igraph_integer_t expected[20], got[20];
        top_vertices(exacts[m], 20, expected);
        top_vertices(estimates[m], 20, got);
        int common = 0;
        for (int i = 0; i < 20; i++)
            for (int j = 0; j < 20; j++)
                common += expected[i] == got[j];
        printf("  top 20 of %s: %d in common, first %s\n", m == 0 ? "betweenness" : "harmonic",
               common, expected[0] == got[0] ? "the same" : "differs");
        CHECK(common >= 17);
        CHECK_INT(got[0], expected[0]);
    }
    igraph_vector_destroy(&betweenness);
    igraph_vector_destroy(&harmonic);
    exact_destroy(&exact);
    igraph_destroy(&graph);
}

/* Several components: those of at most k vertices are searched from every vertex (exact,
 * bound 0); an isolated vertex has NaN closeness and harmonic 0, as the exact pass gives. */
static void test_components_and_threads(void)
{
    igraph_t graph, hubs, small;
    hub_graph(&hubs, 1500, 2, 5);
    igraph_small(&small, 5, IGRAPH_UNDIRECTED, 0, 1, 1, 2, 2, 3, -1); /* a path and an isolate */
    igraph_disjoint_union(&graph, &hubs, &small); /* a new graph: hubs and small stay owned */
    igraph_destroy(&hubs);
    igraph_destroy(&small);
    igraph_integer_t n = igraph_vcount(&graph);
    exact_values_t exact;
    exact_init(&exact, &graph);
    coopnet_centrality_approx_t approx = {.epsilon = 0.15, .confidence = 0.95, .seed = 99};
    igraph_vector_t values[3][3], bounds[3][3];
    coopnet_error_t err;
    for (int threads = 1; threads <= 3; threads++) {
        for (int m = 0; m < 3; m++) {
            igraph_vector_init(&values[threads - 1][m], 0);
            igraph_vector_init(&bounds[threads - 1][m], 0);
        }
        igraph_vector_t *value = values[threads - 1], *bound = bounds[threads - 1];
        CHECK_INT(coopnet_i_centrality_approximate(&graph, &approx, threads, &value[0], &bound[0],
                                                   &value[1], &bound[1], &value[2], &bound[2], NULL,
                                                   NULL, &err),
                  COOPNET_OK);
    }
    /* the same bits whatever the number of threads */
    int differences = 0;
    for (int threads = 2; threads <= 3; threads++)
        for (int m = 0; m < 3; m++)
            for (igraph_integer_t v = 0; v < n; v++) {
                double a = VECTOR(values[0][m])[v], b = VECTOR(values[threads - 1][m])[v];
                differences += !(a == b || (isnan(a) && isnan(b)));
            }
    CHECK_INT(differences, 0);
    /* the path 1500-1501-1502-1503 and the isolate 1504: exact */
    for (igraph_integer_t v = 1500; v < 1504; v++) {
        CHECK_NEAR(VECTOR(values[0][1])[v], VECTOR(exact.closeness)[v], 1e-12);
        CHECK_NEAR(VECTOR(values[0][2])[v], VECTOR(exact.harmonic)[v], 1e-12);
        CHECK_NEAR(VECTOR(bounds[0][1])[v], 0, 0);
        CHECK_NEAR(VECTOR(bounds[0][2])[v], 0, 0);
    }
    CHECK(isnan(VECTOR(values[0][1])[1504]));
    CHECK_NEAR(VECTOR(values[0][2])[1504], 0, 0);
    /* a vertex off every path has betweenness 0 in any sample */
    CHECK_NEAR(VECTOR(values[0][0])[1504], 0, 0);
    CHECK_NEAR(VECTOR(values[0][0])[1500], 0, 0);

    /* another seed, other samples */
    approx.seed = 100;
    igraph_vector_t other;
    igraph_vector_init(&other, 0);
    CHECK_INT(coopnet_i_centrality_approximate(&graph, &approx, 0, &other, NULL, NULL, NULL, NULL,
                                               NULL, NULL, NULL, &err),
              COOPNET_OK);
    differences = 0;
    for (igraph_integer_t v = 0; v < n; v++)
        differences += VECTOR(other)[v] != VECTOR(values[0][0])[v];
    CHECK(differences > 0);
    igraph_vector_destroy(&other);
    for (int t = 0; t < 3; t++)
        for (int m = 0; m < 3; m++) {
            igraph_vector_destroy(&values[t][m]);
            igraph_vector_destroy(&bounds[t][m]);
        }
    exact_destroy(&exact);
    igraph_destroy(&graph);
}

/* The smallest graphs: no vertex, one, an edge, a path of three (the only one with an inside),
 * and the policy's timing of them; values within their bounds of exact. */
static void test_small_graphs(void)
{
    coopnet_centrality_approx_t approx = {.epsilon = 0.1, .confidence = 0.95, .seed = 4};
    for (int n = 0; n <= 3; n++) {
        igraph_t graph;
        igraph_vector_int_t edges;
        igraph_vector_int_init(&edges, 0);
        for (int v = 0; v + 1 < n; v++) {
            igraph_vector_int_push_back(&edges, v);
            igraph_vector_int_push_back(&edges, v + 1);
        }
        igraph_create(&graph, &edges, n, IGRAPH_UNDIRECTED);
        igraph_vector_int_destroy(&edges);
        exact_values_t exact;
        exact_init(&exact, &graph);
        igraph_vector_t values[3], bounds[3];
        for (int m = 0; m < 3; m++) {
            igraph_vector_init(&values[m], 0);
            igraph_vector_init(&bounds[m], 0);
        }
        coopnet_error_t err;
        coopnet_centrality_sampling_t sampling;
        CHECK_INT(coopnet_i_centrality_approximate(&graph, &approx, 0, &values[0], &bounds[0],
                                                   &values[1], &bounds[1], &values[2], &bounds[2],
                                                   &sampling, NULL, &err),
                  COOPNET_OK);
        CHECK_INT(sampling.pairs > 0, n == 3);
        double worst = 0;
        CHECK_INT(count_outside(&values[0], &bounds[0], &exact.betweenness, &worst), 0);
        CHECK_INT(count_outside(&values[1], &bounds[1], &exact.closeness, &worst), 0);
        if (n > 1)
            CHECK_INT(count_outside(&values[2], &bounds[2], &exact.harmonic, &worst), 0);
        double seconds[2] = {-1, -1};
        coopnet_centrality_approx_t settings[2] = {approx, approx};
        settings[1].epsilon = 0.5;
        CHECK_INT(coopnet_i_centrality_approx_time(&graph, true, true, settings, 2, seconds, &err),
                  COOPNET_OK);
        CHECK(seconds[0] >= 0 && seconds[1] >= 0);
        for (int m = 0; m < 3; m++) {
            igraph_vector_destroy(&values[m]);
            igraph_vector_destroy(&bounds[m]);
        }
        exact_destroy(&exact);
        igraph_destroy(&graph);
    }
}

static void test_bad_settings(void)
{
    const double bad_epsilons[] = {0, -0.1, 1, 1.5, NAN};
    coopnet_error_t err;
    for (size_t i = 0; i < sizeof bad_epsilons / sizeof *bad_epsilons; i++) {
        coopnet_centrality_approx_t approx = {.epsilon = bad_epsilons[i], .confidence = 0.95};
        CHECK_INT(coopnet_centrality_approx_check(&approx, &err), COOPNET_EINVAL);
        CHECK_CONTAINS(err.message, "error bound");
    }
    const double bad_confidences[] = {0, 1, -0.5, 2, NAN};
    for (size_t i = 0; i < sizeof bad_confidences / sizeof *bad_confidences; i++) {
        coopnet_centrality_approx_t approx = {.epsilon = 0.1, .confidence = bad_confidences[i]};
        CHECK_INT(coopnet_centrality_approx_check(&approx, &err), COOPNET_EINVAL);
        CHECK_CONTAINS(err.message, "confidence");
    }
    coopnet_centrality_approx_t good = {.epsilon = 0.5, .confidence = 0.5};
    CHECK_INT(coopnet_centrality_approx_check(&good, &err), COOPNET_OK);
}

/* The public set function and the policy on a bundle. */
static void test_policy(void)
{
    coopnet_bundle_t *bundle = fixture_dataset("mena-hub");
    CHECK(bundle != NULL);
    if (bundle == NULL)
        return;
    coopnet_error_t err;
    coopnet_graph_options_t options;
    coopnet_graph_options_init(&options);
    coopnet_graph_t graph;
    CHECK_INT(coopnet_graph_init_cooperation(&graph, bundle, &options, &err), COOPNET_OK);
    const coopnet_measure_t measures[] = {COOPNET_MEASURE_DEGREE, COOPNET_MEASURE_BETWEENNESS,
                                          COOPNET_MEASURE_HARMONIC};
    coopnet_centrality_policy_t policy;
    coopnet_centrality_policy_init(&policy);
    coopnet_centrality_plan_t plan;

    policy.time_budget = INFINITY;
    CHECK_INT(coopnet_centrality_choose(&graph, measures, 3, false, &policy, &plan, &err),
              COOPNET_OK);
    CHECK_INT(plan.method, COOPNET_CENTRALITY_EXACT);
    CHECK(plan.exact_seconds > 0);

    policy.time_budget = 0; /* nothing fits: the coarsest bound of the ladder */
    CHECK_INT(coopnet_centrality_choose(&graph, measures, 3, false, &policy, &plan, &err),
              COOPNET_OK);
    CHECK_INT(plan.method, COOPNET_CENTRALITY_APPROX);
    CHECK_NEAR(plan.approx.epsilon, 0.2, 0);
    policy.approx.epsilon = 0.07;
    CHECK_INT(coopnet_centrality_choose(&graph, measures, 3, false, &policy, &plan, &err),
              COOPNET_OK);
    CHECK_NEAR(plan.approx.epsilon, 0.07, 0);
    /* weighted path measures have no approximation: exact under AUTO, refused under APPROX */
    CHECK_INT(coopnet_centrality_choose(&graph, measures, 3, true, &policy, &plan, &err),
              COOPNET_OK);
    CHECK_INT(plan.method, COOPNET_CENTRALITY_EXACT);
    policy.method = COOPNET_CENTRALITY_APPROX;
    CHECK_INT(coopnet_centrality_choose(&graph, measures, 3, true, &policy, &plan, &err),
              COOPNET_EINVAL);
    CHECK_CONTAINS(err.message, "no approximation");
    /* nothing to sample: exact */
    CHECK_INT(coopnet_centrality_choose(&graph, measures, 1, false, &policy, &plan, &err),
              COOPNET_OK);
    CHECK_INT(plan.method, COOPNET_CENTRALITY_EXACT);
    policy.time_budget = NAN;
    CHECK_INT(coopnet_centrality_choose(&graph, measures, 3, false, &policy, &plan, &err),
              COOPNET_EINVAL);
    policy.time_budget = 60;
    policy.approx.confidence = 1;
    CHECK_INT(coopnet_centrality_choose(&graph, measures, 3, false, &policy, &plan, &err),
              COOPNET_EINVAL);

    /* the planned run: bounds for the sampled measures, none (size 0) for degree */
    policy.approx.confidence = 0.95;
    policy.approx.epsilon = 0.1;
    CHECK_INT(coopnet_centrality_choose(&graph, measures, 3, false, &policy, &plan, &err),
              COOPNET_OK);
    CHECK_INT(plan.method, COOPNET_CENTRALITY_APPROX);
    igraph_vector_t values[3], bounds[3], exact;
    for (int k = 0; k < 3; k++) {
        igraph_vector_init(&values[k], 0);
        igraph_vector_init(&bounds[k], 5);
    }
    igraph_vector_init(&exact, 0);
    coopnet_centrality_sampling_t sampling;
    CHECK_INT(coopnet_centrality_compute_planned(&graph, measures, 3, false, &plan, values, bounds,
                                                 &sampling, NULL, &err),
              COOPNET_OK);
    igraph_integer_t n = igraph_vcount(&graph.graph);
    CHECK_INT(igraph_vector_size(&bounds[0]), 0);
    CHECK_INT(igraph_vector_size(&bounds[1]), n);
    CHECK_INT(igraph_vector_size(&bounds[2]), n);
    CHECK(sampling.pairs > 0);
    CHECK_INT(coopnet_centrality_compute(&graph, COOPNET_MEASURE_DEGREE, false, &exact, &err),
              COOPNET_OK);
    for (igraph_integer_t v = 0; v < n; v++)
        CHECK_NEAR(VECTOR(values[0])[v], VECTOR(exact)[v], 0);
    CHECK_INT(coopnet_centrality_compute(&graph, COOPNET_MEASURE_BETWEENNESS, false, &exact, &err),
              COOPNET_OK);
    for (igraph_integer_t v = 0; v < n; v++)
        CHECK(fabs(VECTOR(values[1])[v] - VECTOR(exact)[v]) <= VECTOR(bounds[1])[v]);
    /* exact plan: no bounds */
    plan.method = COOPNET_CENTRALITY_EXACT;
    CHECK_INT(coopnet_centrality_compute_planned(&graph, measures, 3, false, &plan, values, bounds,
                                                 &sampling, NULL, &err),
              COOPNET_OK);
    CHECK_INT(igraph_vector_size(&bounds[1]), 0);
    CHECK_INT(sampling.pairs, 0);
    /* bad settings reach the caller */
    plan.method = COOPNET_CENTRALITY_APPROX;
    plan.approx.epsilon = 0;
    CHECK_INT(coopnet_centrality_compute_planned(&graph, measures, 3, false, &plan, values, bounds,
                                                 NULL, NULL, &err),
              COOPNET_EINVAL);
    for (int k = 0; k < 3; k++) {
        igraph_vector_destroy(&values[k]);
        igraph_vector_destroy(&bounds[k]);
    }
    igraph_vector_destroy(&exact);
    coopnet_graph_destroy(&graph);
    coopnet_bundle_free(bundle);
}

int main(void)
{
    TEST_RUN(test_bad_settings);
    TEST_RUN(test_small_graphs);
    TEST_RUN(test_policy);
    TEST_RUN(test_components_and_threads);
    TEST_RUN(test_uniform_paths_on_a_lattice);
    TEST_RUN(test_all_sources_exact);
    TEST_RUN(test_top_ranking);
    TEST_RUN(test_error_within_bound);
    return TEST_DONE();
}
