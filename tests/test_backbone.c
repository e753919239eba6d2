/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test_backbone.c - significant co-attendance: the Poisson-binomial tail against enumeration, the
 * hypergeometric tail against the formula, the BiCM fit's margins, the corrections and the
 * error paths (tests/reference/backbone_check.py compares whole outputs with numpy/scipy). */
#include "model/backbone_internal.h"
#include "analysis_fixtures.h"
#include "testing.h"

#include <stdlib.h>

/* P(X >= s) by enumerating the 2^n outcomes of n Bernoulli variables. */
static double enumerated_tail(const double *q, int n, int at_least)
{
    double tail = 0;
    for (unsigned outcome = 0; outcome < (1u << n); outcome++) {
        double probability = 1;
        int successes = 0;
        for (int i = 0; i < n; i++) {
            bool success = outcome & (1u << i);
            probability *= success ? q[i] : 1 - q[i];
            successes += success;
        }
        if (successes >= at_least)
            tail += probability;
    }
    return tail;
}

static void test_poisson_binomial_against_enumeration(void)
{
    /* Classes with multiplicities: 3 x 0.1, 1 x 0.75, 4 x 0.33, 2 x 0.5, 1 x 0 and 1 x 1. */
    const double q[] = {0.1, 0.75, 0.33, 0.5, 0.0, 1.0};
    const igraph_integer_t count[] = {3, 1, 4, 2, 1, 1};
    double expanded[12];
    int n = 0;
    for (int c = 0; c < 6; c++)
        for (igraph_integer_t r = 0; r < count[c]; r++)
            expanded[n++] = q[c];
    double workspace[16];
    for (int s = 0; s <= n + 1; s++)
        CHECK_NEAR(coopnet_i_poisson_binomial_upper(q, count, 6, s, workspace),
                   enumerated_tail(expanded, n, s), 1e-14);
    /* A tiny tail keeps its relative precision: P(X >= 12) = 0 (one q is 0); P(X >= 11). */
    CHECK(coopnet_i_poisson_binomial_upper(q, count, 6, 12, workspace) == 0);
    double all_but_zero = 1e-3 * 0.75 * pow(0.33, 4) * 0.25;
    CHECK_NEAR(coopnet_i_poisson_binomial_upper(q, count, 6, 11, workspace) / all_but_zero, 1,
               1e-12);
}

static void test_refined_normal(void)
{
    /* The refined normal approximation by hand: q = 0.2 x 50 events, s = 15: mu = 10,
     * sigma^2 = 8, gamma = 50 0.16 0.6 / 8^1.5, x = 4.5 / sqrt 8. */
    const double q[] = {0.2};
    const igraph_integer_t count[] = {50};
    double sigma = sqrt(8.0), gamma = 50 * 0.16 * 0.6 / (8 * sigma), x = 4.5 / sigma;
    double expected =
        0.5 * erfc(x / sqrt(2.0)) - gamma * (1 - x * x) * exp(-x * x / 2) / sqrt(2 * M_PI) / 6;
    CHECK_NEAR(coopnet_i_poisson_binomial_upper_rna(q, count, 1, 15), expected, 1e-14);
    /* And it is close to the exact binomial tail there. */
    double workspace[16];
    CHECK_NEAR(coopnet_i_poisson_binomial_upper_rna(q, count, 1, 15),
               coopnet_i_poisson_binomial_upper(q, count, 1, 15, workspace), 5e-3);
    /* No variance: the count is certain. */
    const double certain[] = {1.0};
    CHECK(coopnet_i_poisson_binomial_upper_rna(certain, count, 1, 50) == 1.0);
    CHECK(coopnet_i_poisson_binomial_upper_rna(certain, count, 1, 51) == 0.0);
}

/* Fits a dense matrix with one class per row and column; checks the margins. */
static void check_fit(const int *matrix, int rows, int cols)
{
    igraph_integer_t row_degree[32], col_degree[32], ones[32];
    double probability[32 * 32];
    for (int i = 0; i < 32; i++)
        ones[i] = 1;
    for (int r = 0; r < rows; r++) {
        row_degree[r] = 0;
        for (int c = 0; c < cols; c++)
            row_degree[r] += matrix[r * cols + c];
    }
    for (int c = 0; c < cols; c++) {
        col_degree[c] = 0;
        for (int r = 0; r < rows; r++)
            col_degree[c] += matrix[r * cols + c];
    }
    igraph_integer_t iterations = -1;
    double residual = -1;
    coopnet_error_t err;
    CHECK_INT(coopnet_i_backbone_fit(row_degree, ones, (size_t)rows, col_degree, ones, (size_t)cols,
                                     probability, &iterations, &residual, &err),
              COOPNET_OK);
    CHECK(residual >= 0 && residual <= 1e-9);
    for (int r = 0; r < rows; r++) {
        double sum = 0;
        for (int c = 0; c < cols; c++) {
            double p = probability[r * cols + c];
            CHECK(p >= 0 && p <= 1);
            sum += p;
        }
        CHECK_NEAR(sum, (double)row_degree[r], 1e-9);
    }
    for (int c = 0; c < cols; c++) {
        double sum = 0;
        for (int r = 0; r < rows; r++)
            sum += probability[r * cols + c];
        CHECK_NEAR(sum, (double)col_degree[c], 1e-9);
    }
}

static void test_fit_margins(void)
{
    /* R backbone's own SDSM test matrix. */
    const int small[] = {1, 0, 1, 1, 0, 1, 0, 0, 1, 0, 0, 1};
    check_fit(small, 3, 4);
    /* A random 15 x 12 matrix, then with a full row, a full column and an empty row. */
    int random[15 * 12];
    srand(7);
    for (int i = 0; i < 15 * 12; i++)
        random[i] = rand() % 3 == 0;
    check_fit(random, 15, 12);
    for (int c = 0; c < 12; c++) {
        random[0 * 12 + c] = 1;
        random[4 * 12 + c] = 0;
    }
    for (int r = 0; r < 15; r++)
        random[r * 12 + 5] = r != 4;
    check_fit(random, 15, 12);
}

static void test_fit_errors(void)
{
    igraph_integer_t rows[] = {1, 1}, cols[] = {1, 1, 1}, ones[] = {1, 1, 1};
    double probability[6];
    igraph_integer_t iterations;
    double residual;
    coopnet_error_t err;
    /* Margins that no matrix has (2 cells one way, 3 the other): the fit cannot converge. */
    CHECK_INT(coopnet_i_backbone_fit(rows, ones, 2, cols, ones, 3, probability, &iterations,
                                     &residual, &err),
              COOPNET_EDATA);
    CHECK_CONTAINS(err.message, "did not converge");
    CHECK_CONTAINS(err.message, "residual");
    CHECK(residual > 0.1);
    igraph_integer_t too_large[] = {4, 1};
    CHECK_INT(coopnet_i_backbone_fit(too_large, ones, 2, cols, ones, 3, probability, &iterations,
                                     &residual, &err),
              COOPNET_EINVAL);
    CHECK_CONTAINS(err.message, "row degree 4 out of range 0..3");
}

/* a: e1 e2 e3; b: e1 e2; c: e4; d: e3 e4. */
static const char hand_actors[] = "id,name,level\n"
                                  "a,A,local\n"
                                  "b,B,local\n"
                                  "c,C,local\n"
                                  "d,D,local\n"
                                  "lonely,L,local\n";
static const char hand_events[] = "id,title,date\n"
                                  "e1,E1,2024\n"
                                  "e2,E2,2024\n"
                                  "e3,E3,2024\n"
                                  "e4,E4,2024\n"
                                  "empty,Empty,2024\n";
static const char hand_participation[] = "event,actor\n"
                                         "e1,a\n"
                                         "e2,a\n"
                                         "e3,a\n"
                                         "e1,b\n"
                                         "e2,b\n"
                                         "e4,c\n"
                                         "e3,d\n"
                                         "e4,d\n";

static const coopnet_backbone_pair_t *find_pair(const coopnet_bundle_t *bundle,
                                                const coopnet_backbone_t *backbone, const char *a,
                                                const char *b)
{
    for (size_t p = 0; p < backbone->n_pairs; p++)
        if (strcmp(bundle->actors[backbone->pairs[p].actor_a].id, a) == 0 &&
            strcmp(bundle->actors[backbone->pairs[p].actor_b].id, b) == 0)
            return &backbone->pairs[p];
    return NULL;
}

static void test_fixed_row_by_hand(void)
{
    coopnet_bundle_t *bundle = fixture_bundle(hand_actors, hand_events, hand_participation, NULL);
    CHECK(bundle != NULL);
    if (bundle == NULL)
        return;
    coopnet_graph_options_t graph_options;
    coopnet_graph_options_init(&graph_options);
    coopnet_two_mode_t two_mode = {0};
    coopnet_backbone_t backbone = {0};
    coopnet_backbone_options_t options;
    coopnet_backbone_options_init(&options);
    options.model = COOPNET_BACKBONE_FIXED_ROW;
    coopnet_error_t err;
    CHECK_INT(coopnet_two_mode_init(&two_mode, bundle, &graph_options, &err), COOPNET_OK);
    CHECK_INT(coopnet_backbone_compute(&two_mode, &options, &backbone, &err), COOPNET_OK);
    /* The empty event and the lonely actor are not in the matrix: 4 actors, 4 events. */
    CHECK_INT(backbone.n_actors, 4);
    CHECK_INT(backbone.n_events, 4);
    CHECK_NEAR(backbone.n_tests, 6, 0);
    /* Pairs sharing an event: a-b (2), a-d (1), c-d (1). */
    CHECK_INT(backbone.n_pairs, 3);
    const coopnet_backbone_pair_t *ab = find_pair(bundle, &backbone, "a", "b");
    const coopnet_backbone_pair_t *ad = find_pair(bundle, &backbone, "a", "d");
    const coopnet_backbone_pair_t *cd = find_pair(bundle, &backbone, "c", "d");
    CHECK(ab && ad && cd);
    if (ab && ad && cd) {
        /* k_a = 3, k_b = 2, N = 4: P(X >= 2) = C(3,2) C(1,0) / C(4,2) = 3/6. */
        CHECK_INT(ab->shared, 2);
        CHECK_NEAR(ab->expected, 1.5, 1e-15);
        CHECK_NEAR(ab->p_value, 0.5, 1e-14);
        /* k_a = 3, k_d = 2: P(X >= 1) = 1 (two events out of four must meet three). */
        CHECK_NEAR(ad->p_value, 1.0, 1e-14);
        /* k_c = 1, k_d = 2: P(X >= 1) = 1 - C(3,2) / C(4,2) = 1/2. */
        CHECK_NEAR(cd->p_value, 0.5, 1e-14);
        CHECK_NEAR(cd->expected, 0.5, 1e-15);
        CHECK(!ab->kept && !ad->kept && !cd->kept);
    }
    coopnet_backbone_destroy(&backbone);
    /* alpha 0.75 keeps the two pairs at 1/2, unless corrected: Bonferroni 6 x 0.5, Holm
     * 6 x 0.5 for the first. */
    options.alpha = 0.75;
    CHECK_INT(coopnet_backbone_compute(&two_mode, &options, &backbone, &err), COOPNET_OK);
    CHECK_INT(backbone.n_kept, 2);
    coopnet_backbone_destroy(&backbone);
    options.correction = COOPNET_BACKBONE_CORRECTION_BONFERRONI;
    CHECK_INT(coopnet_backbone_compute(&two_mode, &options, &backbone, &err), COOPNET_OK);
    CHECK_INT(backbone.n_kept, 0);
    CHECK_NEAR(backbone.pairs[0].adjusted, 1.0, 0);
    coopnet_backbone_destroy(&backbone);
    coopnet_two_mode_destroy(&two_mode);
    coopnet_bundle_free(bundle);
}

static void test_davis(void)
{
    coopnet_bundle_t *bundle = fixture_dataset("davis-southern-women");
    CHECK(bundle != NULL);
    if (bundle == NULL)
        return;
    coopnet_graph_options_t graph_options;
    coopnet_graph_options_init(&graph_options);
    coopnet_two_mode_t two_mode = {0};
    coopnet_backbone_t backbone = {0};
    coopnet_backbone_options_t options;
    coopnet_backbone_options_init(&options);
    coopnet_error_t err;
    CHECK_INT(coopnet_two_mode_init(&two_mode, bundle, &graph_options, &err), COOPNET_OK);
    CHECK_INT(coopnet_backbone_compute(&two_mode, &options, &backbone, &err), COOPNET_OK);
    CHECK_INT(backbone.n_actors, 18);
    CHECK_INT(backbone.n_events, 14);
    CHECK_INT(backbone.n_pairs, 139);
    CHECK(!backbone.approximate);
    CHECK(backbone.residual <= 14 * 1e-10);
    /* Under the SDSM no pair of women is significant at 0.05: the smallest p-value is Olivia
     * Carleton and Flora Price's (2 shared events, 0.0884 by numpy/scipy's DFT). */
    CHECK_INT(backbone.n_kept, 0);
    const coopnet_backbone_pair_t *olivia_flora =
        find_pair(bundle, &backbone, "olivia_carleton", "flora_price");
    CHECK(olivia_flora != NULL);
    if (olivia_flora)
        CHECK_NEAR(olivia_flora->p_value, 0.08837234617805621, 1e-9);
    /* Holm's first adjusted p-value is m times the smallest. */
    double smallest = 1;
    for (size_t p = 0; p < backbone.n_pairs; p++)
        smallest = fmin(smallest, backbone.pairs[p].p_value);
    coopnet_backbone_destroy(&backbone);
    options.correction = COOPNET_BACKBONE_CORRECTION_HOLM;
    CHECK_INT(coopnet_backbone_compute(&two_mode, &options, &backbone, &err), COOPNET_OK);
    double smallest_adjusted = 1;
    for (size_t p = 0; p < backbone.n_pairs; p++) {
        smallest_adjusted = fmin(smallest_adjusted, backbone.pairs[p].adjusted);
        CHECK(backbone.pairs[p].adjusted >= backbone.pairs[p].p_value);
    }
    CHECK_NEAR(smallest_adjusted, fmin(1.0, 153 * smallest), 1e-15);
    coopnet_backbone_destroy(&backbone);
    /* Fixed-row keeps 17 pairs (checked against scipy's hypergeom). */
    options.model = COOPNET_BACKBONE_FIXED_ROW;
    options.correction = COOPNET_BACKBONE_CORRECTION_NONE;
    CHECK_INT(coopnet_backbone_compute(&two_mode, &options, &backbone, &err), COOPNET_OK);
    CHECK_INT(backbone.n_kept, 17);
    coopnet_backbone_destroy(&backbone);
    coopnet_two_mode_destroy(&two_mode);
    coopnet_bundle_free(bundle);
}

static void test_options(void)
{
    coopnet_error_t err;
    coopnet_backbone_model_t model;
    coopnet_backbone_correction_t correction;
    double alpha = 0;
    CHECK_INT(coopnet_backbone_parse_model("fixed-row", &model, &err), COOPNET_OK);
    CHECK_INT(model, COOPNET_BACKBONE_FIXED_ROW);
    CHECK_INT(coopnet_backbone_parse_model("fdsm", &model, &err), COOPNET_EINVAL);
    CHECK_STR(err.message, "unknown backbone model 'fdsm' (expected sdsm or fixed-row)");
    CHECK_INT(coopnet_backbone_parse_correction("holm", &correction, &err), COOPNET_OK);
    CHECK_INT(correction, COOPNET_BACKBONE_CORRECTION_HOLM);
    CHECK_INT(coopnet_backbone_parse_correction("fdr", &correction, &err), COOPNET_EINVAL);
    CHECK_STR(err.message, "unknown correction 'fdr' (expected none, holm or bonferroni)");
    CHECK_INT(coopnet_backbone_parse_alpha("0.01", &alpha, &err), COOPNET_OK);
    CHECK_NEAR(alpha, 0.01, 0);
    const char *bad[] = {"0", "1", "-0.1", "x", "0.05x", "", "nan"};
    for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
        CHECK_INT(coopnet_backbone_parse_alpha(bad[i], &alpha, &err), COOPNET_EINVAL);
        CHECK_CONTAINS(err.message, "expected a number between 0 and 1");
    }
    CHECK_STR(coopnet_backbone_model_name(COOPNET_BACKBONE_SDSM), "sdsm");
    CHECK_STR(coopnet_backbone_model_name((coopnet_backbone_model_t)9), "");
    CHECK_STR(coopnet_backbone_correction_name(COOPNET_BACKBONE_CORRECTION_BONFERRONI),
              "bonferroni");

    /* compute rejects bad options and leaves the result destroyed. */
    coopnet_bundle_t *bundle = fixture_bundle(hand_actors, hand_events, hand_participation, NULL);
    coopnet_graph_options_t graph_options;
    coopnet_graph_options_init(&graph_options);
    coopnet_two_mode_t two_mode = {0};
    coopnet_backbone_t backbone = {0};
    coopnet_backbone_options_t options;
    coopnet_backbone_options_init(&options);
    options.alpha = 2;
    CHECK_INT(coopnet_two_mode_init(&two_mode, bundle, &graph_options, &err), COOPNET_OK);
    CHECK_INT(coopnet_backbone_compute(&two_mode, &options, &backbone, &err), COOPNET_EINVAL);
    CHECK(backbone.pairs == NULL && backbone.n_pairs == 0);
    coopnet_backbone_destroy(&backbone);
    coopnet_backbone_destroy(NULL);
    coopnet_two_mode_destroy(&two_mode);
    coopnet_bundle_free(bundle);
}

/* The graph option: the co-attendance links of a backbone, ties kept whatever it says. */
static void test_graph_option(void)
{
    coopnet_error_t err;
    coopnet_graph_backbone_t option;
    CHECK_INT(coopnet_graph_parse_backbone("min-shared:3", &option, &err), COOPNET_OK);
    CHECK_INT(option.kind, COOPNET_GRAPH_BACKBONE_MIN_SHARED);
    CHECK_INT(option.min_shared, 3);
    CHECK_INT(coopnet_graph_parse_backbone("fixed-row", &option, &err), COOPNET_OK);
    CHECK_INT(option.kind, COOPNET_GRAPH_BACKBONE_FIXED_ROW);
    const char *bad[] = {"min-shared:0", "min-shared:", "min-shared:-2", "min-shared:2x",
                         "min-shared: 2"};
    for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
        CHECK_INT(coopnet_graph_parse_backbone(bad[i], &option, &err), COOPNET_EINVAL);
        CHECK_CONTAINS(err.message, "min-shared:K needs a whole number K >= 1");
    }
    CHECK_INT(coopnet_graph_parse_backbone("fdsm", &option, &err), COOPNET_EINVAL);
    CHECK_STR(err.message,
              "unknown backbone 'fdsm' (expected none, sdsm, fixed-row or min-shared:K)");

    /* The hand-worked bundle plus a tie b-c (no shared event) and a tie a-d (one shared). */
    static const char ties[] = "from,to,type\n"
                               "b,c,mou\n"
                               "a,d,mou\n";
    coopnet_bundle_t *bundle = fixture_bundle(hand_actors, hand_events, hand_participation, ties);
    CHECK(bundle != NULL);
    if (bundle == NULL)
        return;
    coopnet_graph_options_t options;
    coopnet_graph_options_init(&options);
    coopnet_graph_t graph = {0};
    /* No backbone: a-b, a-d, b-c, c-d. */
    CHECK_INT(coopnet_graph_init_cooperation(&graph, bundle, &options, &err), COOPNET_OK);
    CHECK_INT(igraph_ecount(&graph.graph), 4);
    coopnet_graph_destroy(&graph);
    /* min-shared:2 keeps a-b's events; a-d and b-c stay by their ties; c-d goes. */
    CHECK_INT(coopnet_graph_parse_backbone("min-shared:2", &options.backbone, &err), COOPNET_OK);
    CHECK_INT(coopnet_graph_init_cooperation(&graph, bundle, &options, &err), COOPNET_OK);
    CHECK_INT(igraph_ecount(&graph.graph), 3);
    for (igraph_integer_t e = 0; e < igraph_ecount(&graph.graph); e++) {
        long a = VECTOR(graph.actor_of_vertex)[IGRAPH_FROM(&graph.graph, e)];
        long b = VECTOR(graph.actor_of_vertex)[IGRAPH_TO(&graph.graph, e)];
        if (a > b) { /* igraph may store an undirected edge either way round */
            long swap = a;
            a = b;
            b = swap;
        }
        const char *from = bundle->actors[a].id, *to = bundle->actors[b].id;
        if (strcmp(from, "a") == 0 && strcmp(to, "b") == 0) {
            CHECK_INT(VECTOR(graph.shared_events)[e], 2);
            CHECK_NEAR(VECTOR(graph.weight)[e], 2, 0);
        } else {
            /* a-d, b-c: the tie alone, its weight 1 */
            CHECK_INT(VECTOR(graph.shared_events)[e], 0);
            CHECK_INT(VECTOR(graph.shared_ties)[e], 1);
            CHECK_NEAR(VECTOR(graph.weight)[e], 1, 0);
            CHECK((strcmp(from, "a") == 0 && strcmp(to, "d") == 0) ||
                  (strcmp(from, "b") == 0 && strcmp(to, "c") == 0));
        }
    }
    CHECK_INT(graph.options.backbone.min_shared, 2);
    coopnet_graph_destroy(&graph);
    /* fixed-row at 0.05 keeps no co-attendance here (p = 1/2 at best): the two ties. */
    CHECK_INT(coopnet_graph_parse_backbone("fixed-row", &options.backbone, &err), COOPNET_OK);
    CHECK_INT(coopnet_graph_init_cooperation(&graph, bundle, &options, &err), COOPNET_OK);
    CHECK_INT(igraph_ecount(&graph.graph), 2);
    coopnet_graph_destroy(&graph);
    coopnet_bundle_free(bundle);

    /* On Davis the graph's co-attendance links are exactly the kept pairs of the backbone. */
    bundle = fixture_dataset("davis-southern-women");
    CHECK(bundle != NULL);
    if (bundle == NULL)
        return;
    coopnet_graph_options_init(&options);
    options.backbone.kind = COOPNET_GRAPH_BACKBONE_FIXED_ROW;
    CHECK_INT(coopnet_graph_init_cooperation(&graph, bundle, &options, &err), COOPNET_OK);
    CHECK_INT(igraph_ecount(&graph.graph), 17);
    coopnet_two_mode_t two_mode = {0};
    coopnet_backbone_t backbone = {0};
    coopnet_backbone_options_t test;
    coopnet_backbone_options_init(&test);
    test.model = COOPNET_BACKBONE_FIXED_ROW;
    CHECK_INT(coopnet_two_mode_init(&two_mode, bundle, &options, &err), COOPNET_OK);
    CHECK_INT(coopnet_backbone_compute(&two_mode, &test, &backbone, &err), COOPNET_OK);
    for (size_t p = 0; p < backbone.n_pairs; p++) {
        const coopnet_backbone_pair_t *pair = &backbone.pairs[p];
        igraph_integer_t edge = -1;
        igraph_get_eid(&graph.graph, &edge, VECTOR(graph.vertex_of_actor)[pair->actor_a],
                       VECTOR(graph.vertex_of_actor)[pair->actor_b], IGRAPH_UNDIRECTED, false);
        CHECK((edge >= 0) == pair->kept);
        if (edge >= 0)
            CHECK_INT(VECTOR(graph.shared_events)[edge], pair->shared);
    }
    coopnet_backbone_destroy(&backbone);
    coopnet_two_mode_destroy(&two_mode);
    coopnet_graph_destroy(&graph);
    /* SDSM keeps none of them. */
    options.backbone.kind = COOPNET_GRAPH_BACKBONE_SDSM;
    CHECK_INT(coopnet_graph_init_cooperation(&graph, bundle, &options, &err), COOPNET_OK);
    CHECK_INT(igraph_ecount(&graph.graph), 0);
    coopnet_graph_destroy(&graph);
    coopnet_bundle_free(bundle);
}

int main(void)
{
    TEST_RUN(test_poisson_binomial_against_enumeration);
    TEST_RUN(test_refined_normal);
    TEST_RUN(test_fit_margins);
    TEST_RUN(test_fit_errors);
    TEST_RUN(test_fixed_row_by_hand);
    TEST_RUN(test_davis);
    TEST_RUN(test_options);
    TEST_RUN(test_graph_option);
    return TEST_DONE();
}
