/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test_centrality.c - the nine measures, and the two-mode ones, against hand-worked values and
 * networkx's values for the Davis southern women (tests/reference/davis_centrality.py prints the
 * tables below). */
#include "analysis_fixtures.h"
#include "testing.h"

#include <coopnet/coopnet.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

typedef struct davis_reference {
    const char *name;
    double value[COOPNET_MEASURE_COUNT];
} davis_reference_t;

/* unweighted: degree, strength, betweenness, closeness, harmonic, eigenvector, pagerank, coreness,
 * constraint */
static const davis_reference_t davis_unweighted[] = {
    {"Evelyn Jefferson", {17, 50, 1.37662337662, 1, 1, 1, 0.0604742273865, 14, 0.221137273083}},
    {"Laura Mandeville",
     {15, 45, 0.363636363636, 0.894736842105, 0.941176470588, 0.911050354932, 0.0540814434675, 14,
      0.228110888559}},
    {"Theresa Anderson", {17, 57, 1.37662337662, 1, 1, 1, 0.0604742273865, 14, 0.221137273083}},
    {"Brenda Rogers",
     {15, 46, 0.363636363636, 0.894736842105, 0.941176470588, 0.911050354932, 0.0540814434675, 14,
      0.228110888559}},
    {"Charlotte McDowd",
     {11, 24, 0, 0.739130434783, 0.823529411765, 0.68051503335, 0.0417577734379, 11,
      0.237628502706}},
    {"Frances Anderson",
     {15, 32, 0.363636363636, 0.894736842105, 0.941176470588, 0.911050354932, 0.0540814434675, 14,
      0.228110888559}},
    {"Eleanor Nye",
     {15, 36, 0.363636363636, 0.894736842105, 0.941176470588, 0.911050354932, 0.0540814434675, 14,
      0.228110888559}},
    {"Pearl Oglethorpe",
     {16, 31, 0.727272727273, 0.944444444444, 0.970588235294, 0.959107081176, 0.0572308146872, 14,
      0.224711116452}},
    {"Ruth DeSand", {17, 40, 1.37662337662, 1, 1, 1, 0.0604742273865, 14, 0.221137273083}},
    {"Verne Sanderson", {17, 38, 1.37662337662, 1, 1, 1, 0.0604742273865, 14, 0.221137273083}},
    {"Myra Liddel",
     {16, 33, 0.727272727273, 0.944444444444, 0.970588235294, 0.959107081176, 0.0572308146872, 14,
      0.224711116452}},
    {"Katherina Rogers",
     {16, 37, 0.727272727273, 0.944444444444, 0.970588235294, 0.959107081176, 0.0572308146872, 14,
      0.224711116452}},
    {"Sylvia Avondale", {17, 46, 1.37662337662, 1, 1, 1, 0.0604742273865, 14, 0.221137273083}},
    {"Nora Fayette", {17, 43, 1.37662337662, 1, 1, 1, 0.0604742273865, 14, 0.221137273083}},
    {"Helen Lloyd", {17, 34, 1.37662337662, 1, 1, 1, 0.0604742273865, 14, 0.221137273083}},
    {"Dorothy Murchison",
     {16, 24, 0.727272727273, 0.944444444444, 0.970588235294, 0.959107081176, 0.0572308146872, 14,
      0.224711116452}},
    {"Olivia Carleton",
     {12, 14, 0, 0.772727272727, 0.852941176471, 0.740122891951, 0.0448368011189, 12,
      0.236046240562}},
    {"Flora Price",
     {12, 14, 0, 0.772727272727, 0.852941176471, 0.740122891951, 0.0448368011189, 12,
      0.236046240562}},
};
/* weighted: degree, strength, betweenness, closeness, harmonic, eigenvector, pagerank, coreness,
 * constraint */
static const davis_reference_t davis_weighted[] = {
    {"Evelyn Jefferson",
     {17, 50, 4.5, 2.24175824176, 2.99437270843, 0.900906689358, 0.0741503541636, 14,
      0.257788548985}},
    {"Laura Mandeville",
     {15, 45, 0.333333333333, 2.08163265306, 2.85294117647, 0.84967763574, 0.0667524300857, 14,
      0.277677419738}},
    {"Theresa Anderson",
     {17, 57, 34.3333333333, 2.625, 3.37647058824, 1, 0.0834853606165, 14, 0.245721501006}},
    {"Brenda Rogers",
     {15, 46, 1.5, 2.10309278351, 2.91176470588, 0.860530429395, 0.0681440358, 14, 0.276038004733}},
    {"Charlotte McDowd",
     {11, 24, 0, 1.67213114754, 2.00215470804, 0.49269045101, 0.0390050802608, 11, 0.321460337697}},
    {"Frances Anderson",
     {15, 32, 0, 1.74358974359, 2.19543201896, 0.616471878791, 0.049754341196, 14, 0.288596508643}},
    {"Eleanor Nye",
     {15, 36, 0, 1.90654205607, 2.30392156863, 0.676097792555, 0.0550991590765, 14,
      0.268369461711}},
    {"Pearl Oglethorpe",
     {16, 31, 0, 1.78947368421, 1.94397759104, 0.548744123116, 0.0494162717814, 14,
      0.244203285745}},
    {"Ruth DeSand",
     {17, 40, 0, 2.06060606061, 2.35294117647, 0.702891608842, 0.0612867530697, 14,
      0.242167667066}},
    {"Verne Sanderson",
     {17, 38, 0, 2.10930576071, 2.3487394958, 0.652516346787, 0.0588125163672, 14, 0.24363827235}},
    {"Myra Liddel",
     {16, 33, 0, 1.83783783784, 2.14117647059, 0.559255119034, 0.0522911969628, 14,
      0.256298321311}},
    {"Katherina Rogers",
     {16, 37, 0, 1.95777351248, 2.41316526611, 0.627838559997, 0.0575667783149, 14,
      0.264186715795}},
    {"Sylvia Avondale",
     {17, 46, 8, 2.35255354201, 2.85462184874, 0.771812874988, 0.06950249571, 14, 0.247715434718}},
    {"Nora Fayette",
     {17, 43, 26.8333333333, 2.28919525489, 2.6487394958, 0.716364437667, 0.0660012857887, 14,
      0.244907266659}},
    {"Helen Lloyd",
     {17, 34, 0, 1.859375, 2.15032679739, 0.585315226137, 0.0534633392025, 14, 0.252206988194}},
    {"Dorothy Murchison",
     {16, 24, 0, 1.54545454545, 1.63725490196, 0.41298617955, 0.0403175645793, 14, 0.246194175464}},
    {"Olivia Carleton",
     {12, 14, 0, 1.15179867721, 1.21955581482, 0.219131771878, 0.0274755185122, 12,
      0.264070166551}},
    {"Flora Price",
     {12, 14, 0, 1.15179867721, 1.21955581482, 0.219131771878, 0.0274755185122, 12,
      0.264070166551}},
};

typedef struct davis_two_mode_reference {
    const char *name; /* an actor's name, or an event as networkx names it (E1 for e1) */
    double value[3];
} davis_two_mode_reference_t;

/* two-mode: degree, betweenness, closeness */
static const davis_two_mode_reference_t davis_two_mode[] = {
    {"Evelyn Jefferson", {0.5714285714285714, 0.096584721080292674, 0.80000000000000004}},
    {"Laura Mandeville", {0.5, 0.051357613268725358, 0.72727272727272729}},
    {"Theresa Anderson", {0.5714285714285714, 0.087594685479446766, 0.80000000000000004}},
    {"Brenda Rogers", {0.5, 0.049486599816007198, 0.72727272727272729}},
    {"Charlotte McDowd", {0.2857142857142857, 0.010596096282664414, 0.59999999999999998}},
    {"Frances Anderson", {0.2857142857142857, 0.010714342869605979, 0.66666666666666663}},
    {"Eleanor Nye", {0.2857142857142857, 0.0094441233447302795, 0.66666666666666663}},
    {"Pearl Oglethorpe", {0.21428571428571427, 0.0068003233340138067, 0.66666666666666663}},
    {"Ruth DeSand", {0.2857142857142857, 0.016783108139791406, 0.70588235294117652}},
    {"Verne Sanderson", {0.2857142857142857, 0.015737665757646964, 0.70588235294117652}},
    {"Myra Liddel", {0.2857142857142857, 0.016344348365012626, 0.68571428571428572}},
    {"Katherina Rogers", {0.42857142857142855, 0.047362754029819695, 0.72727272727272729}},
    {"Sylvia Avondale", {0.5, 0.071709145085018286, 0.77419354838709675}},
    {"Nora Fayette", {0.5714285714285714, 0.11346136204298476, 0.80000000000000004}},
    {"Helen Lloyd", {0.3571428571428571, 0.042387540064348271, 0.72727272727272729}},
    {"Dorothy Murchison", {0.14285714285714285, 0.0019535268594996565, 0.64864864864864868}},
    {"Olivia Carleton", {0.14285714285714285, 0.0050545052362633326, 0.58536585365853655}},
    {"Flora Price", {0.14285714285714285, 0.0050545052362633326, 0.58536585365853655}},
    {"E1", {0.16666666666666666, 0.0021543107826293671, 0.52380952380952384}},
    {"E2", {0.16666666666666666, 0.0020886968954039286, 0.52380952380952384}},
    {"E3", {0.33333333333333331, 0.018224390852527181, 0.5641025641025641}},
    {"E4", {0.22222222222222221, 0.0077020526738029406, 0.53658536585365857}},
    {"E5", {0.44444444444444442, 0.037694442525006672, 0.59459459459459463}},
    {"E6", {0.44444444444444442, 0.065016350475160717, 0.6875}},
    {"E7", {0.55555555555555558, 0.12950174424519842, 0.73333333333333328}},
    {"E8", {0.77777777777777768, 0.24381946234957552, 0.84615384615384615}},
    {"E9", {0.66666666666666663, 0.22551359177204106, 0.7857142857142857}},
    {"E10", {0.27777777777777779, 0.011442302600971925, 0.55000000000000004}},
    {"E11", {0.22222222222222221, 0.019665390889191541, 0.53658536585365857}},
    {"E12", {0.33333333333333331, 0.018094182051395145, 0.5641025641025641}},
    {"E13", {0.16666666666666666, 0.0022406559877955761, 0.52380952380952384}},
    {"E14", {0.16666666666666666, 0.0022406559877955761, 0.52380952380952384}},
};

/* The two-mode measures of the Davis actor-event graph against networkx's bipartite module, to
 * rounding (coopnet computes them in its own C). */
static void test_davis_two_mode(void)
{
    coopnet_bundle_t *bundle = fixture_dataset("davis-southern-women");
    CHECK(bundle != NULL);
    if (bundle == NULL)
        return;
    coopnet_graph_options_t options;
    coopnet_graph_options_init(&options);
    coopnet_two_mode_t two_mode;
    coopnet_error_t err;
    CHECK_INT(coopnet_two_mode_init(&two_mode, bundle, &options, &err), COOPNET_OK);
    static const coopnet_measure_t measures[3] = {
        COOPNET_MEASURE_DEGREE, COOPNET_MEASURE_BETWEENNESS, COOPNET_MEASURE_CLOSENESS};
    igraph_vector_t values[3];
    for (int k = 0; k < 3; k++)
        igraph_vector_init(&values[k], 0);
    CHECK_INT(coopnet_centrality_two_mode_set(&two_mode, measures, 3, values, NULL, &err),
              COOPNET_OK);
    size_t n_rows = sizeof davis_two_mode / sizeof *davis_two_mode;
    CHECK_INT(igraph_vcount(&two_mode.graph), (igraph_integer_t)n_rows);
    double largest[3] = {0, 0, 0};
    for (size_t r = 0; r < n_rows; r++) {
        long vertex = -1;
        for (igraph_integer_t v = 0; v < igraph_vcount(&two_mode.graph); v++) {
            igraph_integer_t item = VECTOR(two_mode.item)[v];
            const char *name =
                VECTOR(two_mode.is_event)[v] ? bundle->events[item].id : bundle->actors[item].name;
            if (strcasecmp(name, davis_two_mode[r].name) == 0)
                vertex = (long)v;
        }
        CHECK(vertex >= 0);
        if (vertex < 0)
            continue;
        for (int k = 0; k < 3; k++) {
            double difference = fabs(VECTOR(values[k])[vertex] - davis_two_mode[r].value[k]);
            largest[k] = difference > largest[k] ? difference : largest[k];
            CHECK_NEAR(VECTOR(values[k])[vertex], davis_two_mode[r].value[k], 1e-14);
        }
    }
    printf("Davis two-mode, largest difference from networkx: degree %.3g, betweenness %.3g, "
           "closeness %.3g\n",
           largest[0], largest[1], largest[2]);
    for (int k = 0; k < 3; k++)
        igraph_vector_destroy(&values[k]);
    coopnet_two_mode_destroy(&two_mode);
    coopnet_bundle_free(bundle);
}

static void check_davis(bool weighted, const davis_reference_t *reference)
{
    coopnet_bundle_t *bundle = fixture_dataset("davis-southern-women");
    CHECK(bundle != NULL);
    if (bundle == NULL)
        return;
    coopnet_graph_options_t options;
    coopnet_graph_options_init(&options);
    coopnet_graph_t graph = {0};
    coopnet_error_t err;
    CHECK_INT(coopnet_graph_init_cooperation(&graph, bundle, &options, &err), COOPNET_OK);
    igraph_vector_t values;
    igraph_vector_init(&values, 0);
    for (int m = 0; m < COOPNET_MEASURE_COUNT; m++) {
        CHECK_INT(coopnet_centrality_compute(&graph, (coopnet_measure_t)m, weighted, &values, &err),
                  COOPNET_OK);
        CHECK_INT(igraph_vector_size(&values), 18);
        for (size_t r = 0; r < 18; r++) {
            long vertex = -1;
            for (igraph_integer_t v = 0; v < igraph_vcount(&graph.graph); v++) {
                size_t actor = (size_t)VECTOR(graph.actor_of_vertex)[v];
                if (strcmp(bundle->actors[actor].name, reference[r].name) == 0)
                    vertex = (long)v;
            }
            CHECK(vertex >= 0);
            if (vertex < 0)
                continue;
            double actual = VECTOR(values)[vertex], expected = reference[r].value[m];
            if (!(fabs(actual - expected) <= 1e-6))
                fprintf(stderr, "%s %s %s\n", weighted ? "weighted" : "unweighted",
                        coopnet_measure_name((coopnet_measure_t)m), reference[r].name);
            CHECK_NEAR(actual, expected, 1e-6);
        }
    }
    igraph_vector_destroy(&values);
    coopnet_graph_destroy(&graph);
    coopnet_bundle_free(bundle);
}

static void test_davis_unweighted(void)
{
    check_davis(false, davis_unweighted);
}

static void test_davis_weighted(void)
{
    check_davis(true, davis_weighted);
}

/* A path a - b - c (ties of weight 1, 2) and an isolated d, worked by hand:
 * degree 1 2 1 0; strength 1 3 2 0; betweenness 0 1 0 0; closeness 2/3 1 2/3 NaN;
 * harmonic (1 + 1/2)/3, 2/3, (1 + 1/2)/3, 0; coreness 1 1 1 0; eigenvector of a path of three:
 * 1/sqrt 2, 1, 1/sqrt 2 (d: 0); constraint: a and c have one partner (1), b two with no tie
 * between them (1/4 + 1/4); d NaN. Weighted with distance 1/weight: b-c has length 1/2, so
 * closeness of a = 1 / mean(1, 1.5) = 0.8, of c = 1 / mean(0.5, 1.5) = 1, of b = 1 / 0.75;
 * weighted constraint of b = (1/3)^2 + (2/3)^2 = 5/9. */
static const char path_actors[] = "id,name,level,country\n"
                                  "a,A,local,MA\n"
                                  "b,B,national,MA\n"
                                  "c,C,local,MA\n"
                                  "d,D,regional,TN\n";
static const char path_ties[] = "from,to,type,weight\n"
                                "a,b,agreement,1\n"
                                "b,c,agreement,2\n";

static void test_hand_worked_path(void)
{
    coopnet_bundle_t *bundle = fixture_bundle(path_actors, NULL, NULL, path_ties);
    CHECK(bundle != NULL);
    if (bundle == NULL)
        return;
    coopnet_graph_options_t options;
    coopnet_graph_options_init(&options);
    coopnet_graph_t graph = {0};
    coopnet_error_t err;
    CHECK_INT(coopnet_graph_init_cooperation(&graph, bundle, &options, &err), COOPNET_OK);
    static const double unweighted[][4] = {
        [COOPNET_MEASURE_DEGREE] = {1, 2, 1, 0},
        [COOPNET_MEASURE_STRENGTH] = {1, 3, 2, 0},
        [COOPNET_MEASURE_BETWEENNESS] = {0, 1, 0, 0},
        [COOPNET_MEASURE_CLOSENESS] = {2.0 / 3, 1, 2.0 / 3, NAN},
        [COOPNET_MEASURE_HARMONIC] = {0.5, 2.0 / 3, 0.5, 0},
        [COOPNET_MEASURE_EIGENVECTOR] = {0.70710678118654752, 1, 0.70710678118654752, 0},
        [COOPNET_MEASURE_PAGERANK] = {NAN, NAN, NAN, NAN}, /* not hand-worked */
        [COOPNET_MEASURE_CORENESS] = {1, 1, 1, 0},
        [COOPNET_MEASURE_CONSTRAINT] = {1, 0.5, 1, NAN},
    };
    static const double weighted[][4] = {
        [COOPNET_MEASURE_BETWEENNESS] = {0, 1, 0, 0},
        [COOPNET_MEASURE_CLOSENESS] = {0.8, 1 / 0.75, 1, NAN},
        [COOPNET_MEASURE_HARMONIC] = {(1 + 1 / 1.5) / 3, (1 + 2) / 3.0, (2 + 1 / 1.5) / 3, 0},
        [COOPNET_MEASURE_CONSTRAINT] = {1, 5.0 / 9, 1, NAN},
    };
    static const char *const ids[] = {"a", "b", "c", "d"};
    igraph_vector_t values;
    igraph_vector_init(&values, 0);
    for (int m = 0; m < COOPNET_MEASURE_COUNT; m++) {
        if (m == COOPNET_MEASURE_PAGERANK)
            continue;
        CHECK_INT(coopnet_centrality_compute(&graph, (coopnet_measure_t)m, false, &values, &err),
                  COOPNET_OK);
        for (int i = 0; i < 4; i++)
            CHECK_NEAR(VECTOR(values)[fixture_vertex(bundle, &graph, ids[i])], unweighted[m][i],
                       1e-9);
    }
    static const coopnet_measure_t weighted_measures[] = {
        COOPNET_MEASURE_BETWEENNESS, COOPNET_MEASURE_CLOSENESS, COOPNET_MEASURE_HARMONIC,
        COOPNET_MEASURE_CONSTRAINT};
    for (size_t k = 0; k < sizeof weighted_measures / sizeof *weighted_measures; k++) {
        coopnet_measure_t m = weighted_measures[k];
        CHECK_INT(coopnet_centrality_compute(&graph, m, true, &values, &err), COOPNET_OK);
        for (int i = 0; i < 4; i++)
            CHECK_NEAR(VECTOR(values)[fixture_vertex(bundle, &graph, ids[i])], weighted[m][i],
                       1e-9);
    }
    /* PageRank sums to 1 whatever the graph. */
    CHECK_INT(coopnet_centrality_compute(&graph, COOPNET_MEASURE_PAGERANK, false, &values, &err),
              COOPNET_OK);
    CHECK_NEAR(igraph_vector_sum(&values), 1.0, 1e-9);
    igraph_vector_destroy(&values);
    coopnet_graph_destroy(&graph);
    coopnet_bundle_free(bundle);
}

/* Two-mode measures on a tree of five actors and two events, plus an actor at no event:
 *   e1: a1 a2 a3    e2: a3 a4    a5: none        (n = 5 actors, m = 2 events, N = 7)
 * Degree: actors deg / 2, events deg / 5. Raw betweenness (pairs cut apart by the vertex): e1
 * separates {a1}, {a2}, {a3 e2 a4}: 1 + 3 + 3 = 7; a3 separates {a1 a2 e1} from {e2 a4}: 6; e2
 * separates {a4} from the other four: 4. Maxima: actors s = 4 div 2 = 2, t = 0:
 * [4 * 9 + 2 * 3 * (-3) - 0] / 2 = 9; events s = 1 div 5 = 0, t = 1: [25 + 5 * 1 * 1 - 1 * 2] / 2
 * = 14. Closeness: least distance sums 2 + 2 * 4 = 10 (actors), 5 + 2 * 1 = 7 (events), over the
 * distance sum, times the 5 vertices reached / (N - 1) = 6: a1, a2 sum 1 + 2 + 2 + 3 + 4 = 12;
 * a3 1 + 1 + 2 + 2 + 2 = 8 (above 1: a5 is out of reach, networkx's formula allows it); a4 14;
 * e1 1 + 1 + 1 + 2 + 3 = 8; e2 10; a5 isolated: NaN. */
static const char two_mode_actors[] = "id,name,level,country\n"
                                      "a1,A1,local,MA\n"
                                      "a2,A2,local,MA\n"
                                      "a3,A3,national,MA\n"
                                      "a4,A4,local,TN\n"
                                      "a5,A5,local,TN\n";
static const char two_mode_events[] = "id,title,date\n"
                                      "e1,E1,2024-01-01\n"
                                      "e2,E2,2024-02-01\n";
static const char two_mode_participation[] = "event,actor\n"
                                             "e1,a1\n"
                                             "e1,a2\n"
                                             "e1,a3\n"
                                             "e2,a3\n"
                                             "e2,a4\n";

static void test_two_mode_hand_worked(void)
{
    coopnet_bundle_t *bundle =
        fixture_bundle(two_mode_actors, two_mode_events, two_mode_participation, NULL);
    CHECK(bundle != NULL);
    if (bundle == NULL)
        return;
    coopnet_graph_options_t options;
    coopnet_graph_options_init(&options);
    coopnet_two_mode_t two_mode;
    coopnet_error_t err;
    CHECK_INT(coopnet_two_mode_init(&two_mode, bundle, &options, &err), COOPNET_OK);
    CHECK_INT(igraph_vcount(&two_mode.graph), 7);
    /* a1..a5, e1, e2 */
    static const double expected[][7] = {
        [COOPNET_MEASURE_DEGREE] = {0.5, 0.5, 1, 0.5, 0, 3.0 / 5, 2.0 / 5},
        [COOPNET_MEASURE_BETWEENNESS] = {0, 0, 6.0 / 9, 0, 0, 7.0 / 14, 4.0 / 14},
        [COOPNET_MEASURE_CLOSENESS] = {10.0 / 12 * 5 / 6, 10.0 / 12 * 5 / 6, 10.0 / 8 * 5 / 6,
                                       10.0 / 14 * 5 / 6, NAN, 7.0 / 8 * 5 / 6, 7.0 / 10 * 5 / 6},
    };
    static const coopnet_measure_t measures[] = {COOPNET_MEASURE_CLOSENESS, COOPNET_MEASURE_DEGREE,
                                                 COOPNET_MEASURE_BETWEENNESS};
    igraph_vector_t values[3];
    for (int k = 0; k < 3; k++)
        igraph_vector_init(&values[k], 0);
    for (int k = 0; k < 3; k++) {
        CHECK_INT(coopnet_centrality_two_mode(&two_mode, measures[k], &values[k], &err),
                  COOPNET_OK);
        CHECK_INT(igraph_vector_size(&values[k]), 7);
        for (int v = 0; v < 7; v++)
            CHECK_NEAR(VECTOR(values[k])[v], expected[measures[k]][v], 1e-12);
    }
    /* All three at once (one shared pass) give the same. */
    CHECK_INT(coopnet_centrality_two_mode_set(&two_mode, measures, 3, values, NULL, &err),
              COOPNET_OK);
    for (int k = 0; k < 3; k++)
        for (int v = 0; v < 7; v++)
            CHECK_NEAR(VECTOR(values[k])[v], expected[measures[k]][v], 1e-12);
    CHECK(coopnet_measure_has_two_mode(COOPNET_MEASURE_CLOSENESS));
    CHECK(!coopnet_measure_has_two_mode(COOPNET_MEASURE_PAGERANK));
    CHECK_INT(coopnet_centrality_two_mode(&two_mode, COOPNET_MEASURE_PAGERANK, &values[0], &err),
              COOPNET_EINVAL);
    CHECK_CONTAINS(err.message, "measure 'pagerank' has no two-mode definition");
    CHECK_INT(coopnet_centrality_two_mode(&two_mode, (coopnet_measure_t)99, &values[0], &err),
              COOPNET_EINVAL);
    CHECK_CONTAINS(err.message, "unknown measure 99");
    static const coopnet_measure_t twice[] = {COOPNET_MEASURE_CLOSENESS, COOPNET_MEASURE_CLOSENESS};
    CHECK_INT(coopnet_centrality_two_mode_set(&two_mode, twice, 2, values, NULL, &err),
              COOPNET_EINVAL);
    CHECK_CONTAINS(err.message, "measure 'closeness' given twice");
    coopnet_two_mode_destroy(&two_mode);

    /* Only e1 kept: no actor can lie between two vertices (maximum 0: NaN); e1 lies between
     * the 3 pairs of its three actors, of at most [25 + 5 * 1 * (-1)] / 2 = 10 for the five
     * actors. Without events every measure of an actor is undefined. */
    CHECK_INT(coopnet_date_parse("2024-01-15", &options.as_of, &err), COOPNET_OK);
    CHECK_INT(coopnet_two_mode_init(&two_mode, bundle, &options, &err), COOPNET_OK);
    CHECK_INT(igraph_vcount(&two_mode.graph), 6);
    CHECK_INT(coopnet_centrality_two_mode(&two_mode, COOPNET_MEASURE_BETWEENNESS, &values[0], &err),
              COOPNET_OK);
    for (int v = 0; v < 5; v++)
        CHECK(isnan(VECTOR(values[0])[v]));
    CHECK_NEAR(VECTOR(values[0])[5], 0.3, 1e-12);
    coopnet_two_mode_destroy(&two_mode);
    CHECK_INT(coopnet_date_parse("2023-01-01", &options.as_of, &err), COOPNET_OK);
    CHECK_INT(coopnet_two_mode_init(&two_mode, bundle, &options, &err), COOPNET_OK);
    CHECK_INT(igraph_vcount(&two_mode.graph), 5);
    CHECK_INT(coopnet_centrality_two_mode_set(&two_mode, measures, 3, values, NULL, &err),
              COOPNET_OK);
    for (int k = 0; k < 3; k++)
        for (int v = 0; v < 5; v++)
            CHECK(isnan(VECTOR(values[k])[v]));
    coopnet_two_mode_destroy(&two_mode);
    for (int k = 0; k < 3; k++)
        igraph_vector_destroy(&values[k]);
    coopnet_bundle_free(bundle);
}

/* PageRank is the same to the last bit in every run (igraph's PRPACK, left to OpenMP threads,
 * added up in the order they finished: the order of near ties changed between runs). A
 * generated bundle of 3 000 actors (about 130 000 links), five runs. */
static void test_pagerank_same_every_run(void)
{
    char directory[] = "/tmp/coopnet-test-pagerank-XXXXXX";
    CHECK(mkdtemp(directory) != NULL);
    char path[64];
    snprintf(path, sizeof path, "%s/bundle", directory);
    coopnet_generate_options_t generate;
    coopnet_generate_options_init(&generate);
    generate.n_actors = 3000;
    generate.n_events = 3000;
    generate.seed = 5;
    coopnet_error_t err;
    CHECK_INT(coopnet_generate_write(path, &generate, NULL, &err), COOPNET_OK);
    coopnet_diag_list_t diags;
    coopnet_diag_list_init(&diags);
    coopnet_bundle_t *bundle = NULL;
    CHECK_INT(coopnet_bundle_load(path, &diags, &bundle, &err), COOPNET_OK);
    coopnet_diag_list_destroy(&diags);
    if (bundle != NULL) { /* the files go in every case, below */
        coopnet_graph_options_t options;
        coopnet_graph_options_init(&options);
        coopnet_graph_t graph = {0};
        CHECK_INT(coopnet_graph_init_cooperation(&graph, bundle, &options, &err), COOPNET_OK);
        igraph_vector_t first, again;
        igraph_vector_init(&first, 0);
        igraph_vector_init(&again, 0);
        CHECK_INT(coopnet_centrality_compute(&graph, COOPNET_MEASURE_PAGERANK, true, &first, &err),
                  COOPNET_OK);
        for (int run = 0; run < 4; run++) {
            CHECK_INT(
                coopnet_centrality_compute(&graph, COOPNET_MEASURE_PAGERANK, true, &again, &err),
                COOPNET_OK);
            CHECK(igraph_vector_size(&again) == igraph_vector_size(&first) &&
                  memcmp(VECTOR(again), VECTOR(first),
                         (size_t)igraph_vector_size(&first) * sizeof(double)) == 0);
        }
        igraph_vector_destroy(&first);
        igraph_vector_destroy(&again);
        coopnet_graph_destroy(&graph);
        coopnet_bundle_free(bundle);
    }
    const char *const names[] = {"actors.csv", "events.csv", "participation.csv", "ties.csv"};
    for (size_t i = 0; i < 4; i++) {
        char file[96];
        snprintf(file, sizeof file, "%s/%s", path, names[i]);
        remove(file);
    }
    remove(path);
    remove(directory);
}

static void test_names_and_errors(void)
{
    for (int m = 0; m < COOPNET_MEASURE_COUNT; m++) {
        CHECK_INT(coopnet_measure_parse(coopnet_measure_name((coopnet_measure_t)m)), m);
        CHECK(strlen(coopnet_measure_description((coopnet_measure_t)m)) > 10);
        CHECK(strchr(coopnet_measure_description((coopnet_measure_t)m), '\n') == NULL);
    }
    CHECK_INT(coopnet_measure_parse("Degree"), -1);
    CHECK_STR(coopnet_measure_name((coopnet_measure_t)COOPNET_MEASURE_COUNT), "");
    CHECK_STR(coopnet_measure_description((coopnet_measure_t)-1), "");

    coopnet_measure_t measures[COOPNET_MEASURE_COUNT];
    size_t n = 0;
    coopnet_error_t err;
    CHECK_INT(
        coopnet_measure_parse_list("pagerank,degree", measures, COOPNET_MEASURE_COUNT, &n, &err),
        COOPNET_OK);
    CHECK_INT(n, 2);
    CHECK_INT(measures[0], COOPNET_MEASURE_PAGERANK);
    CHECK_INT(measures[1], COOPNET_MEASURE_DEGREE);
    CHECK_INT(coopnet_measure_parse_list("degree,rank", measures, COOPNET_MEASURE_COUNT, &n, &err),
              COOPNET_EINVAL);
    CHECK_CONTAINS(err.message, "unknown measure 'rank'");
    CHECK_INT(
        coopnet_measure_parse_list("degree,degree", measures, COOPNET_MEASURE_COUNT, &n, &err),
        COOPNET_EINVAL);
    CHECK_CONTAINS(err.message, "measure 'degree' given twice");
    CHECK_INT(coopnet_measure_parse_list("degree,", measures, COOPNET_MEASURE_COUNT, &n, &err),
              COOPNET_EINVAL);
    CHECK_CONTAINS(err.message, "invalid measure list 'degree,'");
    CHECK_INT(coopnet_measure_parse_list("degree,pagerank", measures, 1, &n, &err), COOPNET_EINVAL);
    CHECK_CONTAINS(err.message, "too many measures");

    coopnet_graph_t graph = {0};
    igraph_empty(&graph.graph, 0, IGRAPH_UNDIRECTED);
    igraph_vector_init(&graph.weight, 0);
    igraph_vector_t values;
    igraph_vector_init(&values, 3);
    CHECK_INT(coopnet_centrality_compute(&graph, (coopnet_measure_t)99, false, &values, &err),
              COOPNET_EINVAL);
    CHECK_CONTAINS(err.message, "unknown measure 99");
    /* The empty graph gives empty vectors, not failures. */
    for (int m = 0; m < COOPNET_MEASURE_COUNT; m++) {
        CHECK_INT(coopnet_centrality_compute(&graph, (coopnet_measure_t)m, true, &values, &err),
                  COOPNET_OK);
        CHECK_INT(igraph_vector_size(&values), 0);
    }
    igraph_vector_destroy(&values);
    igraph_vector_destroy(&graph.weight);
    igraph_destroy(&graph.graph);
}

int main(void)
{
    TEST_RUN(test_davis_unweighted);
    TEST_RUN(test_davis_weighted);
    TEST_RUN(test_hand_worked_path);
    TEST_RUN(test_two_mode_hand_worked);
    TEST_RUN(test_davis_two_mode);
    TEST_RUN(test_pagerank_same_every_run);
    TEST_RUN(test_names_and_errors);
    return TEST_DONE();
}
