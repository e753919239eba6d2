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

enum { LINKED = 1, LINKED_FORMAL = 2, LINKED_EVENTS = 4 };

/* Per layer set of graph (coopnet_graph_edge_layers): LINKED_FORMAL when one of its layers is a
 * formal tie type, LINKED_EVENTS when it holds the events layer. NULL when out of memory. */
static unsigned char *layer_set_bits(const coopnet_graph_t *graph)
{
    unsigned char *bits = calloc(graph->n_layer_sets + 1, 1);
    if (bits == NULL)
        return NULL;
    char layer[256];
    for (size_t i = 0; i < graph->n_layer_sets; i++)
        for (const char *item = graph->layer_sets[i]; item != NULL;) {
            const char *separator = strchr(item, ';');
            size_t length = separator ? (size_t)(separator - item) : strlen(item);
            if (length < sizeof layer) {
                memcpy(layer, item, length);
                layer[length] = '\0';
                /* "events" opens a set only as the co-attendance layer */
                if (item == graph->layer_sets[i] && strcmp(layer, "events") == 0)
                    bits[i] |= LINKED_EVENTS;
                else if (coopnet_tie_type_is_formal(layer))
                    bits[i] |= LINKED_FORMAL;
            }
            item = separator ? separator + 1 : NULL;
        }
    return bits;
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
    unsigned char *linked = NULL;   /* per vertex: LINKED_* bits */
    size_t *last_event = NULL;      /* per country: the last event counted in unnamed_events */
    unsigned char *set_bits = NULL; /* per layer set of the graph: LINKED_FORMAL, LINKED_EVENTS */
    memset(nlc, 0, sizeof *nlc);

    countries = coopnet_i_alloc_array((size_t)n, sizeof *countries);
    country_of = coopnet_i_alloc_array((size_t)n, sizeof *country_of);
    linked = calloc((size_t)n + 1, 1);
    set_bits = layer_set_bits(graph);
    if (!countries || !country_of || !linked || !set_bits) {
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
        /* reach: a subnational actor with a link to a national actor of its own country */
        if (country_of[u] >= 0 && country_of[u] == country_of[v]) {
            unsigned char bits = LINKED | set_bits[VECTOR(graph->layer_set)[e]];
            if (a->level == COOPNET_LEVEL_NATIONAL && b->level < COOPNET_LEVEL_NATIONAL)
                linked[v] |= bits;
            if (b->level == COOPNET_LEVEL_NATIONAL && a->level < COOPNET_LEVEL_NATIONAL)
                linked[u] |= bits;
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
        nlc->reach[country_of[v]].linked += (linked[v] & LINKED) != 0;
        nlc->reach[country_of[v]].linked_formal += (linked[v] & LINKED_FORMAL) != 0;
        nlc->reach[country_of[v]].co_attendees += (linked[v] & LINKED_EVENTS) != 0;
    }
    /* events with participants the data does not name, per country that took part in them */
    if (graph->options.layer != COOPNET_LAYER_TIES) {
        last_event = coopnet_i_alloc_array(n_countries + 1, sizeof *last_event);
        if (last_event == NULL) {
            status = COOPNET_ERROR(err, COOPNET_ENOMEM,
                                   "out of memory computing national-local "
                                   "links");
            goto cleanup;
        }
        for (size_t c = 0; c < n_countries; c++)
            last_event[c] = SIZE_MAX;
        for (size_t e = 0; e < bundle->n_events; e++) {
            if (!coopnet_event_has_unnamed_participants(bundle, e) ||
                !coopnet_graph_keeps_event(bundle, e, &graph->options))
                continue;
            for (size_t p = bundle->event_start[e]; p < bundle->event_start[e + 1]; p++) {
                igraph_integer_t v =
                    VECTOR(graph->vertex_of_actor)[bundle->participations[p].actor];
                if (v < 0 || country_of[v] < 0 || last_event[country_of[v]] == e)
                    continue;
                last_event[country_of[v]] = e; /* once per event and country */
                nlc->reach[country_of[v]].unnamed_events++;
            }
        }
    }
    for (size_t c = 0; c < n_countries; c++) {
        coopnet_nlc_reach_t *reach = &nlc->reach[c];
        /* without a national actor of the country in the data the share is unknown, not 0 */
        bool known = reach->subnational && reach->national;
        reach->share = known ? (double)reach->linked / (double)reach->subnational : NAN;
        reach->formal_share =
            known ? (double)reach->linked_formal / (double)reach->subnational : NAN;
        reach->co_attendee_share =
            known ? (double)reach->co_attendees / (double)reach->subnational : NAN;
    }
    nlc->n_countries = n_countries;
cleanup:
    free(countries);
    free(country_of);
    free(level_count);
    free(edge_count);
    free(linked);
    free(last_event);
    free(set_bits);
    if (status != COOPNET_OK)
        coopnet_nlc_destroy(nlc);
    return status;
}

/* ---- the links themselves ---------------------------------------------------------------- */

const char *coopnet_nlc_basis_name(coopnet_nlc_basis_t basis)
{
    switch (basis) {
    case COOPNET_NLC_BASIS_FORMAL:
        return "formal";
    case COOPNET_NLC_BASIS_TIES:
        return "ties";
    case COOPNET_NLC_BASIS_CO_ATTENDANCE:
    default:
        return "co-attendance";
    }
}

void coopnet_nlc_links_destroy(coopnet_nlc_links_t *links)
{
    if (links == NULL)
        return;
    free(links->links);
    memset(links, 0, sizeof *links);
}

static int compare_links(const void *a, const void *b)
{
    const coopnet_nlc_link_t *x = a, *y = b;
    int order = strcmp(x->country, y->country);
    if (order == 0)
        order = strcmp(x->national->id, y->national->id);
    return order != 0 ? order : strcmp(x->other->id, y->other->id);
}

/* Keeps the earlier of two dates; on the same first day, the more precise one ("2023-01-01" says
 * more than "2023"). */
static void keep_earliest(coopnet_date_t *earliest, coopnet_date_t date)
{
    if (date.precision == COOPNET_DATE_NONE)
        return;
    if (earliest->precision == COOPNET_DATE_NONE || date.day < earliest->day ||
        (date.day == earliest->day && date.precision > earliest->precision))
        *earliest = date;
}

/* Fills links with the national-local links among the edges of graph, unsorted; returns how
 * many. */
static size_t find_links(const coopnet_graph_t *graph, coopnet_nlc_link_t *links)
{
    const coopnet_bundle_t *bundle = graph->bundle;
    const igraph_t *g = &graph->graph;
    size_t n_links = 0;
    for (igraph_integer_t e = 0; e < igraph_ecount(g); e++) {
        const coopnet_actor_t *a =
            &bundle->actors[VECTOR(graph->actor_of_vertex)[IGRAPH_FROM(g, e)]];
        const coopnet_actor_t *b = &bundle->actors[VECTOR(graph->actor_of_vertex)[IGRAPH_TO(g, e)]];
        if (b->level == COOPNET_LEVEL_NATIONAL) {
            const coopnet_actor_t *swap = a;
            a = b;
            b = swap;
        }
        if (a->level != COOPNET_LEVEL_NATIONAL || b->level >= COOPNET_LEVEL_NATIONAL ||
            a->country[0] == '\0' || strcmp(a->country, b->country) != 0)
            continue;
        coopnet_nlc_link_t *link = &links[n_links++];
        memset(link, 0, sizeof *link);
        link->country = a->country;
        link->national = a;
        link->other = b;
        link->edge = e;
        link->shared_events = VECTOR(graph->shared_events)[e];
        link->ties = VECTOR(graph->shared_ties)[e];
        link->layers = coopnet_graph_edge_layers(graph, e);
        /* "events" comes first in a layer set: the tie types are what follows it */
        link->tie_types = link->layers;
        if (strncmp(link->tie_types, "events", 6) == 0 &&
            (link->tie_types[6] == '\0' || link->tie_types[6] == ';'))
            link->tie_types += link->tie_types[6] == ';' ? 7 : 6;
    }
    return n_links;
}

/* The link of the edge between the vertices of two actors, or -1. */
static long link_between(const coopnet_graph_t *graph, const long *link_of_edge, size_t actor_a,
                         size_t actor_b)
{
    igraph_integer_t u = VECTOR(graph->vertex_of_actor)[actor_a];
    igraph_integer_t v = VECTOR(graph->vertex_of_actor)[actor_b];
    igraph_integer_t edge = -1;
    if (u < 0 || v < 0 || u == v)
        return -1;
    /* with error = false igraph reports a missing edge as -1, not as an error */
    if (igraph_get_eid(&graph->graph, &edge, u, v, IGRAPH_UNDIRECTED, false) != IGRAPH_SUCCESS ||
        edge < 0)
        return -1;
    return link_of_edge[edge];
}

int coopnet_nlc_links_compute(const coopnet_graph_t *graph, coopnet_nlc_links_t *links,
                              coopnet_error_t *err)
{
    const coopnet_bundle_t *bundle = graph->bundle;
    const coopnet_graph_options_t *options = &graph->options;
    int status = COOPNET_OK;
    size_t n_edges = (size_t)igraph_ecount(&graph->graph);
    long *link_of_edge = NULL;
    memset(links, 0, sizeof *links);

    links->links = coopnet_i_alloc_array(n_edges + 1, sizeof *links->links);
    link_of_edge = coopnet_i_alloc_array(n_edges + 1, sizeof *link_of_edge);
    if (!links->links || !link_of_edge) {
        status = COOPNET_ERROR(err, COOPNET_ENOMEM, "out of memory listing national-local links");
        goto cleanup;
    }
    links->n_links = find_links(graph, links->links);
    qsort(links->links, links->n_links, sizeof *links->links, compare_links);
    for (size_t e = 0; e < n_edges; e++)
        link_of_edge[e] = -1;
    for (size_t l = 0; l < links->n_links; l++)
        link_of_edge[links->links[l].edge] = (long)l;

    /* the basis and first tie start of each link, from the ties the graph kept (the same
     * options decide) */
    for (size_t t = 0; t < bundle->n_ties; t++) {
        const coopnet_tie_t *tie = &bundle->ties[t];
        long l = coopnet_graph_keeps_tie(bundle, t, options)
                     ? link_between(graph, link_of_edge, (size_t)tie->from, (size_t)tie->to)
                     : -1;
        if (l < 0)
            continue;
        coopnet_nlc_link_t *link = &links->links[l];
        keep_earliest(&link->first_date, tie->start);
        if (coopnet_tie_type_is_formal(tie->type))
            link->basis = COOPNET_NLC_BASIS_FORMAL;
        else if (link->basis != COOPNET_NLC_BASIS_FORMAL)
            link->basis = COOPNET_NLC_BASIS_TIES;
    }

    /* the first dated shared event of each link whose co-attendance the graph kept */
    for (size_t e = 0; e < bundle->n_events; e++) {
        const coopnet_event_t *event = &bundle->events[e];
        if (event->date.precision == COOPNET_DATE_NONE ||
            !coopnet_graph_keeps_event(bundle, e, options))
            continue;
        for (size_t p = bundle->event_start[e]; p < bundle->event_start[e + 1]; p++) {
            size_t national = (size_t)bundle->participations[p].actor;
            if (bundle->actors[national].level != COOPNET_LEVEL_NATIONAL)
                continue;
            for (size_t q = bundle->event_start[e]; q < bundle->event_start[e + 1]; q++) {
                long l = link_between(graph, link_of_edge, national,
                                      (size_t)bundle->participations[q].actor);
                if (l >= 0 && links->links[l].shared_events > 0)
                    keep_earliest(&links->links[l].first_date, event->date);
            }
        }
    }
cleanup:
    free(link_of_edge);
    if (status != COOPNET_OK)
        coopnet_nlc_links_destroy(links);
    return status;
}
