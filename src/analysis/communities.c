/* SPDX-License-Identifier: GPL-3.0-or-later */
/* communities.c - Leiden communities maximising modularity (see coopnet/communities.h). */
#include "coopnet/communities.h"
#include "coopnet/library.h"
#include "core/internal.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void coopnet_communities_destroy(coopnet_communities_t *communities)
{
    if (communities == NULL)
        return;
    if (communities->membership.stor_begin)
        igraph_vector_int_destroy(&communities->membership);
    if (communities->by_level.data.stor_begin)
        igraph_matrix_int_destroy(&communities->by_level);
    memset(communities, 0, sizeof *communities);
}

typedef struct community_order {
    igraph_integer_t community, size, first_vertex;
} community_order_t;

static int compare_community_order(const void *a, const void *b)
{
    const community_order_t *x = a, *y = b;
    if (x->size != y->size)
        return x->size > y->size ? -1 : 1;
    return (x->first_vertex > y->first_vertex) - (x->first_vertex < y->first_vertex);
}

/* Renumbers membership so that community 0 is the largest. */
static int number_by_size(igraph_vector_int_t *membership, igraph_integer_t n_communities,
                          coopnet_error_t *err)
{
    igraph_integer_t n = igraph_vector_int_size(membership);
    community_order_t *order = calloc((size_t)n_communities + 1, sizeof *order);
    igraph_integer_t *new_number =
        coopnet_i_alloc_array((size_t)n_communities + 1, sizeof *new_number);
    if (order == NULL || new_number == NULL) {
        free(order);
        free(new_number);
        return COOPNET_ERROR(err, COOPNET_ENOMEM, "out of memory numbering communities");
    }
    for (igraph_integer_t c = 0; c < n_communities; c++) {
        order[c].community = c;
        order[c].first_vertex = n;
    }
    for (igraph_integer_t v = 0; v < n; v++) {
        community_order_t *o = &order[VECTOR(*membership)[v]];
        o->size++;
        if (v < o->first_vertex)
            o->first_vertex = v;
    }
    qsort(order, (size_t)n_communities, sizeof *order, compare_community_order);
    for (igraph_integer_t rank = 0; rank < n_communities; rank++)
        new_number[order[rank].community] = rank;
    for (igraph_integer_t v = 0; v < n; v++)
        VECTOR(*membership)[v] = new_number[VECTOR(*membership)[v]];
    free(order);
    free(new_number);
    return COOPNET_OK;
}

int coopnet_communities_compute(const coopnet_graph_t *graph, double resolution, bool weighted,
                                unsigned long seed, coopnet_communities_t *communities,
                                coopnet_error_t *err)
{
    const coopnet_bundle_t *bundle = graph->bundle;
    int status = COOPNET_OK;
    const igraph_t *g = &graph->graph;
    igraph_integer_t n = igraph_vcount(g);
    const igraph_vector_t *weights = weighted ? &graph->weight : NULL;
    igraph_vector_t node_weights;
    bool have_node_weights = false;

    coopnet_library_init();
    memset(communities, 0, sizeof *communities);
    if (!(resolution > 0) || !isfinite(resolution))
        return COOPNET_ERROR(err, COOPNET_EINVAL, "resolution must be positive, not %g",
                             resolution);
    communities->resolution = resolution;
    COOPNET_IGRAPH_CHECK(err, status, igraph_vector_int_init(&communities->membership, n),
                         "communities");
    COOPNET_IGRAPH_CHECK(err, status, igraph_vector_init(&node_weights, n), "communities");
    have_node_weights = true;
    COOPNET_IGRAPH_CHECK(
        err, status,
        igraph_strength(g, &node_weights, igraph_vss_all(), IGRAPH_ALL, IGRAPH_NO_LOOPS, weights),
        "communities");
    double total = igraph_vector_sum(&node_weights) / 2; /* m, or the total weight */

    if (total <= 0) {
        for (igraph_integer_t v = 0; v < n; v++)
            VECTOR(communities->membership)[v] = v;
        communities->n_communities = n;
        communities->modularity = NAN;
    } else {
        COOPNET_IGRAPH_CHECK(err, status, igraph_rng_seed(igraph_rng_default(), seed),
                             "seeding igraph's generator");
        COOPNET_IGRAPH_CHECK(err, status,
                             igraph_community_leiden(
                                 g, weights, &node_weights, resolution / (2 * total), 0.01, false,
                                 -1, &communities->membership, &communities->n_communities, NULL),
                             "leiden communities");
        if ((status = number_by_size(&communities->membership, communities->n_communities, err)) !=
            COOPNET_OK)
            goto cleanup;
        COOPNET_IGRAPH_CHECK(err, status,
                             igraph_modularity(g, &communities->membership, weights, resolution,
                                               IGRAPH_UNDIRECTED, &communities->modularity),
                             "modularity");
    }

    COOPNET_IGRAPH_CHECK(err, status,
                         igraph_matrix_int_init(&communities->by_level, communities->n_communities,
                                                COOPNET_LEVEL_COUNT),
                         "communities");
    for (igraph_integer_t v = 0; v < n; v++) {
        const coopnet_actor_t *actor = &bundle->actors[VECTOR(graph->actor_of_vertex)[v]];
        MATRIX(communities->by_level, VECTOR(communities->membership)[v], actor->level)++;
    }

cleanup:
    if (have_node_weights)
        igraph_vector_destroy(&node_weights);
    if (status != COOPNET_OK)
        coopnet_communities_destroy(communities);
    return status;
}

typedef struct country_count {
    const char *country;
    size_t n;
} country_count_t;

static int compare_country_names(const void *a, const void *b)
{
    return strcmp(((const country_count_t *)a)->country, ((const country_count_t *)b)->country);
}

static int compare_country_counts(const void *a, const void *b)
{
    const country_count_t *x = a, *y = b;
    if (x->n != y->n)
        return x->n > y->n ? -1 : 1;
    return strcmp(x->country, y->country);
}

int coopnet_communities_countries(const coopnet_communities_t *communities,
                                  const coopnet_graph_t *graph, igraph_integer_t community,
                                  char *buffer, size_t size, coopnet_error_t *err)
{
    const coopnet_bundle_t *bundle = graph->bundle;
    igraph_integer_t n = igraph_vector_int_size(&communities->membership);
    country_count_t *counts = calloc((size_t)n + 1, sizeof *counts);
    if (counts == NULL)
        return COOPNET_ERROR(err, COOPNET_ENOMEM, "out of memory counting countries");
    size_t n_members = 0;
    for (igraph_integer_t v = 0; v < n; v++) {
        if (VECTOR(communities->membership)[v] != community)
            continue;
        const char *country = bundle->actors[VECTOR(graph->actor_of_vertex)[v]].country;
        counts[n_members++].country = country[0] ? country : "(none)";
    }
    qsort(counts, n_members, sizeof *counts, compare_country_names);
    size_t distinct = 0;
    for (size_t i = 0; i < n_members; i++) {
        if (distinct == 0 || strcmp(counts[distinct - 1].country, counts[i].country) != 0)
            counts[distinct++] = (country_count_t){counts[i].country, 0};
        counts[distinct - 1].n++;
    }
    qsort(counts, distinct, sizeof *counts, compare_country_counts);
    size_t used = 0;
    if (size > 0)
        buffer[0] = '\0';
    for (size_t i = 0; i < distinct && used < size; i++) {
        int written = snprintf(buffer + used, size - used, "%s%s %zu", i ? ", " : "",
                               counts[i].country, counts[i].n);
        if (written < 0)
            break;
        used += (size_t)written;
    }
    free(counts);
    return COOPNET_OK;
}
