/* SPDX-License-Identifier: GPL-3.0-or-later */
/* centrality.c - actor centralities on the cooperation graph (see coopnet/centrality.h). */
#include "coopnet/centrality.h"
#include "analysis/centrality_constraint.h"
#include "analysis/centrality_paths.h"
#include "coopnet/library.h"
#include "core/internal.h"

#include <math.h>
#ifdef _OPENMP
#include <omp.h>
#endif
#include <string.h>

/* The one list of measure names: the command line, the figures and the report read it. */
const char *const coopnet_measure_names[COOPNET_MEASURE_COUNT + 1] = {
    "degree",      "strength", "betweenness", "closeness",  "harmonic",
    "eigenvector", "pagerank", "coreness",    "constraint", NULL};

static const char *const measure_descriptions[COOPNET_MEASURE_COUNT] = {
    COOPNET_MEASURE_TEXT_DEGREE,    COOPNET_MEASURE_TEXT_STRENGTH, COOPNET_MEASURE_TEXT_BETWEENNESS,
    COOPNET_MEASURE_TEXT_CLOSENESS, COOPNET_MEASURE_TEXT_HARMONIC, COOPNET_MEASURE_TEXT_EIGENVECTOR,
    COOPNET_MEASURE_TEXT_PAGERANK,  COOPNET_MEASURE_TEXT_CORENESS, COOPNET_MEASURE_TEXT_CONSTRAINT};

const coopnet_measure_t coopnet_measure_defaults[COOPNET_MEASURE_COUNT] = {
    COOPNET_MEASURE_DEGREE,    COOPNET_MEASURE_STRENGTH, COOPNET_MEASURE_BETWEENNESS,
    COOPNET_MEASURE_CLOSENESS, COOPNET_MEASURE_HARMONIC, COOPNET_MEASURE_EIGENVECTOR,
    COOPNET_MEASURE_PAGERANK,  COOPNET_MEASURE_CORENESS, COOPNET_MEASURE_CONSTRAINT};

const char *coopnet_measure_name(coopnet_measure_t measure)
{
    if ((int)measure < 0 || measure >= COOPNET_MEASURE_COUNT)
        return "";
    return coopnet_measure_names[measure];
}

const char *coopnet_measure_description(coopnet_measure_t measure)
{
    if ((int)measure < 0 || measure >= COOPNET_MEASURE_COUNT)
        return "";
    return measure_descriptions[measure];
}

int coopnet_measure_parse(const char *name)
{
    for (int m = 0; m < COOPNET_MEASURE_COUNT; m++)
        if (strcmp(name, coopnet_measure_names[m]) == 0)
            return m;
    return -1;
}

int coopnet_measure_parse_list(const char *text, coopnet_measure_t *measures, size_t capacity,
                               size_t *n_measures, coopnet_error_t *err)
{
    *n_measures = 0;
    const char *start = text;
    for (;;) {
        const char *comma = strchr(start, ',');
        size_t length = comma ? (size_t)(comma - start) : strlen(start);
        char name[32];
        if (length == 0 || length >= sizeof name)
            return COOPNET_ERROR(err, COOPNET_EINVAL, "invalid measure list '%s'", text);
        memcpy(name, start, length);
        name[length] = '\0';
        int measure = coopnet_measure_parse(name);
        if (measure < 0)
            return COOPNET_ERROR(err, COOPNET_EINVAL,
                                 "unknown measure '%s' (expected degree, strength, betweenness, "
                                 "closeness, harmonic, eigenvector, pagerank, coreness or "
                                 "constraint)",
                                 name);
        for (size_t i = 0; i < *n_measures; i++)
            if (measures[i] == (coopnet_measure_t)measure)
                return COOPNET_ERROR(err, COOPNET_EINVAL, "measure '%s' given twice", name);
        if (*n_measures == capacity)
            return COOPNET_ERROR(err, COOPNET_EINVAL, "too many measures in '%s'", text);
        measures[(*n_measures)++] = (coopnet_measure_t)measure;
        if (comma == NULL)
            return COOPNET_OK;
        start = comma + 1;
    }
}

/* Edge lengths for the weighted path measures: a stronger tie is a shorter step. */
static int inverse_weights(const igraph_vector_t *weight, igraph_vector_t *length,
                           coopnet_error_t *err)
{
    int status = COOPNET_OK;
    COOPNET_IGRAPH_CHECK(err, status, igraph_vector_update(length, weight), "edge lengths");
    for (igraph_integer_t e = 0; e < igraph_vector_size(length); e++)
        VECTOR(*length)[e] = 1.0 / VECTOR(*length)[e];
cleanup:
    return status;
}

int coopnet_centrality_compute(const coopnet_graph_t *graph, coopnet_measure_t measure,
                               bool weighted, igraph_vector_t *values, coopnet_error_t *err)
{
    int status = COOPNET_OK;
    const igraph_t *g = &graph->graph;
    const igraph_vector_t *weights = weighted ? &graph->weight : NULL;
    igraph_vector_t length;
    igraph_vector_int_t integer_values;
    bool have_length = false, have_integers = false;
    igraph_integer_t n = igraph_vcount(g);

    coopnet_library_init();
    if ((int)measure < 0 || measure >= COOPNET_MEASURE_COUNT)
        return COOPNET_ERROR(err, COOPNET_EINVAL, "unknown measure %d", (int)measure);

    switch (measure) {
    case COOPNET_MEASURE_DEGREE:
    case COOPNET_MEASURE_CORENESS:
        COOPNET_IGRAPH_CHECK(err, status, igraph_vector_int_init(&integer_values, n),
                             "integer measure");
        have_integers = true;
        if (measure == COOPNET_MEASURE_DEGREE)
            COOPNET_IGRAPH_CHECK(
                err, status,
                igraph_degree(g, &integer_values, igraph_vss_all(), IGRAPH_ALL, IGRAPH_NO_LOOPS),
                "degree");
        else
            COOPNET_IGRAPH_CHECK(err, status, igraph_coreness(g, &integer_values, IGRAPH_ALL),
                                 "coreness");
        COOPNET_IGRAPH_CHECK(err, status, igraph_vector_resize(values, n), "measure values");
        for (igraph_integer_t v = 0; v < n; v++)
            VECTOR(*values)[v] = (double)VECTOR(integer_values)[v];
        break;
    case COOPNET_MEASURE_STRENGTH:
        COOPNET_IGRAPH_CHECK(err, status,
                             igraph_strength(g, values, igraph_vss_all(), IGRAPH_ALL,
                                             IGRAPH_NO_LOOPS, &graph->weight),
                             "strength");
        break;
    case COOPNET_MEASURE_BETWEENNESS:
    case COOPNET_MEASURE_CLOSENESS:
    case COOPNET_MEASURE_HARMONIC:
        if (!weighted) {
            status = coopnet_i_centrality_paths(
                g, measure == COOPNET_MEASURE_BETWEENNESS ? values : NULL,
                measure == COOPNET_MEASURE_CLOSENESS ? values : NULL,
                measure == COOPNET_MEASURE_HARMONIC ? values : NULL, NULL, err);
            if (status != COOPNET_OK)
                goto cleanup;
            break;
        }
        /* weighted: igraph's Dijkstra searches with 1 / weight as the length */
        COOPNET_IGRAPH_CHECK(err, status, igraph_vector_init(&length, 0), "edge lengths");
        have_length = true;
        if ((status = inverse_weights(&graph->weight, &length, err)) != COOPNET_OK)
            goto cleanup;
        if (measure == COOPNET_MEASURE_BETWEENNESS)
            COOPNET_IGRAPH_CHECK(
                err, status,
                igraph_betweenness(g, values, igraph_vss_all(), IGRAPH_UNDIRECTED, &length),
                "betweenness");
        else if (measure == COOPNET_MEASURE_CLOSENESS)
            COOPNET_IGRAPH_CHECK(err, status,
                                 igraph_closeness(g, values, NULL, NULL, igraph_vss_all(),
                                                  IGRAPH_ALL, &length, true),
                                 "closeness");
        else
            COOPNET_IGRAPH_CHECK(
                err, status,
                igraph_harmonic_centrality(g, values, igraph_vss_all(), IGRAPH_ALL, &length, true),
                "harmonic centrality");
        break;
    case COOPNET_MEASURE_EIGENVECTOR: {
        igraph_real_t eigenvalue;
        COOPNET_IGRAPH_CHECK(err, status,
                             igraph_eigenvector_centrality(g, values, &eigenvalue,
                                                           IGRAPH_UNDIRECTED, true, weights, NULL),
                             "eigenvector centrality");
        break;
    }
    case COOPNET_MEASURE_PAGERANK: {
        igraph_real_t eigenvalue;
#ifdef _OPENMP
        /* PRPACK adds up over OpenMP threads in the order they finish: on one thread the last
         * bits, and so the order of near ties, are the same in every run */
        int threads = omp_get_max_threads();
        omp_set_num_threads(1);
#endif
        igraph_error_t failed =
            igraph_pagerank(g, IGRAPH_PAGERANK_ALGO_PRPACK, values, &eigenvalue, igraph_vss_all(),
                            IGRAPH_UNDIRECTED, 0.85, weights, NULL);
#ifdef _OPENMP
        omp_set_num_threads(threads);
#endif
        COOPNET_IGRAPH_CHECK(err, status, failed, "pagerank");
        break;
    }
    case COOPNET_MEASURE_CONSTRAINT:
        status = coopnet_i_centrality_constraint(g, weights, values, NULL, err);
        if (status != COOPNET_OK)
            goto cleanup;
        break;
    }

    if (measure == COOPNET_MEASURE_CLOSENESS) {
        /* igraph gives NaN here already; make it explicit for any version that gives 0 (the
         * constraint is coopnet's own and gives NaN itself). */
        igraph_vector_int_t degrees;
        COOPNET_IGRAPH_CHECK(err, status, igraph_vector_int_init(&degrees, n), "degrees");
        igraph_error_t degree_status =
            igraph_degree(g, &degrees, igraph_vss_all(), IGRAPH_ALL, IGRAPH_NO_LOOPS);
        if (degree_status == IGRAPH_SUCCESS)
            for (igraph_integer_t v = 0; v < n; v++)
                if (VECTOR(degrees)[v] == 0)
                    VECTOR(*values)[v] = NAN;
        igraph_vector_int_destroy(&degrees);
        COOPNET_IGRAPH_CHECK(err, status, degree_status, "degrees");
    }

cleanup:
    if (have_length)
        igraph_vector_destroy(&length);
    if (have_integers)
        igraph_vector_int_destroy(&integer_values);
    return status;
}

int coopnet_centrality_compute_set(const coopnet_graph_t *graph, const coopnet_measure_t *measures,
                                   size_t n_measures, bool weighted, igraph_vector_t *values,
                                   const coopnet_progress_t *progress, coopnet_error_t *err)
{
    int status = COOPNET_OK;
    igraph_vector_t *path_output[COOPNET_MEASURE_COUNT] = {NULL};
    bool shared_pass = false;

    coopnet_library_init();
    for (size_t k = 0; k < n_measures; k++) {
        if ((int)measures[k] < 0 || measures[k] >= COOPNET_MEASURE_COUNT)
            return COOPNET_ERROR(err, COOPNET_EINVAL, "unknown measure %d", (int)measures[k]);
        bool path_measure = measures[k] == COOPNET_MEASURE_BETWEENNESS ||
                            measures[k] == COOPNET_MEASURE_CLOSENESS ||
                            measures[k] == COOPNET_MEASURE_HARMONIC;
        if (!weighted && path_measure) {
            path_output[measures[k]] = &values[k];
            shared_pass = true;
        }
    }
    if (shared_pass && (status = coopnet_i_centrality_paths(
                            &graph->graph, path_output[COOPNET_MEASURE_BETWEENNESS],
                            path_output[COOPNET_MEASURE_CLOSENESS],
                            path_output[COOPNET_MEASURE_HARMONIC], progress, err)) != COOPNET_OK)
        return status;
    for (size_t k = 0; k < n_measures; k++) {
        if (path_output[measures[k]] == &values[k])
            continue;
        if (measures[k] == COOPNET_MEASURE_CONSTRAINT) {
            /* reports its own progress, from every thread */
            if ((status = coopnet_i_centrality_constraint(&graph->graph,
                                                          weighted ? &graph->weight : NULL,
                                                          &values[k], progress, err)) != COOPNET_OK)
                return status;
            continue;
        }
        const char *stage = coopnet_measure_name(measures[k]);
        coopnet_progress_report(progress, stage, 0, 1);
        if ((status = coopnet_centrality_compute(graph, measures[k], weighted, &values[k], err)) !=
            COOPNET_OK)
            return status;
        coopnet_progress_report(progress, stage, 1, 1);
    }
    return COOPNET_OK;
}
