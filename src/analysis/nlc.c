/* SPDX-License-Identifier: GPL-3.0-or-later */
/* nlc.c - national-local cooperation by country and level (see coopnet/nlc.h). */
#include "coopnet/nlc.h"
#include "core/internal.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

void coopnet_nlc_destroy(coopnet_nlc_t *nlc)
{
    if (nlc == NULL)
        return;
    free(nlc->pairs);
    free(nlc->reach);
    memset(nlc, 0, sizeof *nlc);
}

static int compare_strings(const void *a, const void *b)
{
    return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/* The row of the pair (a, b) in a block of level pairs: (0,0) (0,1) ... (0,3) (1,1) ... (3,3). */
static size_t pair_slot(int a, int b)
{
    if (a > b) {
        int swap = a;
        a = b;
        b = swap;
    }
    static const size_t first_of[COOPNET_LEVEL_COUNT] = {0, 4, 7, 9};
    return first_of[a] + (size_t)(b - a);
}

#define NLC_NETWORK_PAIRS 10 /* all pairs of the four levels */
#define NLC_COUNTRY_PAIRS 9  /* the same without international-international */

static bool is_international(const coopnet_actor_t *actor)
{
    return actor->level == COOPNET_LEVEL_INTERNATIONAL;
}

int coopnet_nlc_compute(const coopnet_graph_t *graph, coopnet_nlc_t *nlc, coopnet_error_t *err)
{
    const coopnet_bundle_t *bundle = graph->bundle;
    int status = COOPNET_OK;
    const igraph_t *g = &graph->graph;
    igraph_integer_t n = igraph_vcount(g), n_edges = igraph_ecount(g);
    const char **countries = NULL;
    long *country_of = NULL;                          /* per vertex: index into countries, or -1 */
    double(*level_count)[COOPNET_LEVEL_COUNT] = NULL; /* per country, then the network */
    igraph_integer_t(*edge_count)[NLC_NETWORK_PAIRS] = NULL;
    unsigned char *linked = NULL;
    memset(nlc, 0, sizeof *nlc);

    countries = coopnet_i_alloc_array((size_t)n, sizeof *countries);
    country_of = coopnet_i_alloc_array((size_t)n, sizeof *country_of);
    linked = calloc((size_t)n + 1, 1);
    if (!countries || !country_of || !linked) {
        status = COOPNET_ERROR(err, COOPNET_ENOMEM, "out of memory computing national-local links");
        goto cleanup;
    }

    size_t n_countries = 0;
    for (igraph_integer_t v = 0; v < n; v++) {
        const coopnet_actor_t *actor = &bundle->actors[VECTOR(graph->actor_of_vertex)[v]];
        if (!is_international(actor) && actor->country[0])
            countries[n_countries++] = actor->country;
    }
    qsort(countries, n_countries, sizeof *countries, compare_strings);
    size_t distinct = 0;
    for (size_t i = 0; i < n_countries; i++)
        if (distinct == 0 || strcmp(countries[distinct - 1], countries[i]) != 0)
            countries[distinct++] = countries[i];
    n_countries = distinct;

    level_count = calloc(n_countries + 1, sizeof *level_count);
    edge_count = calloc(n_countries + 1, sizeof *edge_count);
    nlc->pairs = coopnet_i_alloc_array(NLC_NETWORK_PAIRS + NLC_COUNTRY_PAIRS * n_countries,
                                       sizeof *nlc->pairs);
    nlc->reach = coopnet_i_alloc_array(n_countries + 1, sizeof *nlc->reach);
    if (!level_count || !edge_count || !nlc->pairs || !nlc->reach) {
        status = COOPNET_ERROR(err, COOPNET_ENOMEM, "out of memory computing national-local links");
        goto cleanup;
    }

    size_t network = n_countries; /* the whole network's row of the count tables */
    double international = 0;
    for (igraph_integer_t v = 0; v < n; v++) {
        const coopnet_actor_t *actor = &bundle->actors[VECTOR(graph->actor_of_vertex)[v]];
        country_of[v] = -1;
        level_count[network][actor->level]++;
        if (is_international(actor)) {
            international++;
            continue;
        }
        if (actor->country[0] == '\0')
            continue;
        const char **found =
            bsearch(&actor->country, countries, n_countries, sizeof *countries, compare_strings);
        country_of[v] = found - countries;
        level_count[country_of[v]][actor->level]++;
    }
    for (size_t c = 0; c < n_countries; c++)
        level_count[c][COOPNET_LEVEL_INTERNATIONAL] = international;

    for (igraph_integer_t e = 0; e < n_edges; e++) {
        igraph_integer_t u = IGRAPH_FROM(g, e), v = IGRAPH_TO(g, e);
        const coopnet_actor_t *a = &bundle->actors[VECTOR(graph->actor_of_vertex)[u]];
        const coopnet_actor_t *b = &bundle->actors[VECTOR(graph->actor_of_vertex)[v]];
        size_t slot = pair_slot(a->level, b->level);
        edge_count[network][slot]++;
        long country = -1;
        if (is_international(a))
            country = country_of[v];
        else if (is_international(b))
            country = country_of[u];
        else if (country_of[u] == country_of[v])
            country = country_of[u];
        if (country >= 0)
            edge_count[country][slot]++;
        /* reach: a subnational actor with a national partner of its own country */
        if (country_of[u] >= 0 && country_of[u] == country_of[v]) {
            if (a->level == COOPNET_LEVEL_NATIONAL && b->level < COOPNET_LEVEL_NATIONAL)
                linked[v] = 1;
            if (b->level == COOPNET_LEVEL_NATIONAL && a->level < COOPNET_LEVEL_NATIONAL)
                linked[u] = 1;
        }
    }

    /* the whole network first, then the countries */
    for (size_t k = 0; k <= n_countries; k++) {
        size_t row = k == 0 ? network : k - 1;
        int n_levels_b = COOPNET_LEVEL_COUNT;
        for (int la = 0; la < COOPNET_LEVEL_COUNT; la++)
            for (int lb = la; lb < n_levels_b; lb++) {
                if (row != network && la == COOPNET_LEVEL_INTERNATIONAL)
                    continue;
                coopnet_nlc_pair_t *pair = &nlc->pairs[nlc->n_pairs++];
                double na = level_count[row][la], nb = level_count[row][lb];
                pair->country = row == network ? "*" : countries[row];
                pair->level_a = (coopnet_level_t)la;
                pair->level_b = (coopnet_level_t)lb;
                pair->edges = edge_count[row][pair_slot(la, lb)];
                pair->n_a = (igraph_integer_t)na;
                pair->n_b = (igraph_integer_t)nb;
                pair->possible = la == lb ? na * (na - 1) / 2 : na * nb;
                pair->density = pair->possible > 0 ? (double)pair->edges / pair->possible : NAN;
            }
    }

    for (size_t c = 0; c < n_countries; c++) {
        coopnet_nlc_reach_t *reach = &nlc->reach[c];
        memset(reach, 0, sizeof *reach);
        reach->country = countries[c];
        reach->national = (igraph_integer_t)level_count[c][COOPNET_LEVEL_NATIONAL];
    }
    for (igraph_integer_t v = 0; v < n; v++) {
        const coopnet_actor_t *actor = &bundle->actors[VECTOR(graph->actor_of_vertex)[v]];
        if (country_of[v] < 0 || actor->level >= COOPNET_LEVEL_NATIONAL)
            continue;
        nlc->reach[country_of[v]].subnational++;
        nlc->reach[country_of[v]].linked += linked[v];
    }
    for (size_t c = 0; c < n_countries; c++) {
        coopnet_nlc_reach_t *reach = &nlc->reach[c];
        /* without a national actor of the country in the data the share is unknown, not 0 */
        reach->share = reach->subnational && reach->national
                           ? (double)reach->linked / (double)reach->subnational
                           : NAN;
    }
    nlc->n_countries = n_countries;
cleanup:
    free(countries);
    free(country_of);
    free(level_count);
    free(edge_count);
    free(linked);
    if (status != COOPNET_OK)
        coopnet_nlc_destroy(nlc);
    return status;
}
