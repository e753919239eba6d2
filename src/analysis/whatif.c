/* SPDX-License-Identifier: GPL-3.0-or-later */
/* whatif.c - the cooperation graph before and after actors withdraw (see coopnet/whatif.h). */
#include "coopnet/whatif.h"
#include "coopnet/nlc.h"
#include "coopnet/rank.h"
#include "core/internal.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

/* F = 1 - sum_k s_k (s_k - 1) / (n (n - 1)), the one definition of fragmentation. */
static double fragmentation_of_sizes(const igraph_vector_int_t *sizes, igraph_integer_t n)
{
    if (n < 2)
        return NAN;
    double reachable_pairs = 0;
    for (igraph_integer_t k = 0; k < igraph_vector_int_size(sizes); k++) {
        double size = (double)VECTOR(*sizes)[k];
        reachable_pairs += size * (size - 1);
    }
    return 1.0 - reachable_pairs / ((double)n * (double)(n - 1));
}

int coopnet_whatif_fragmentation(const igraph_t *graph, double *fragmentation, coopnet_error_t *err)
{
    int status = COOPNET_OK;
    igraph_vector_int_t sizes;
    memset(&sizes, 0, sizeof sizes);
    *fragmentation = NAN;
    COOPNET_IGRAPH_CHECK(err, status, igraph_vector_int_init(&sizes, 0), "measuring fragmentation");
    COOPNET_IGRAPH_CHECK(err, status,
                         igraph_connected_components(graph, NULL, &sizes, NULL, IGRAPH_WEAK),
                         "measuring fragmentation");
    *fragmentation = fragmentation_of_sizes(&sizes, igraph_vcount(graph));
cleanup:
    if (sizes.stor_begin)
        igraph_vector_int_destroy(&sizes);
    return status;
}

bool coopnet_whatif_role_convenes(coopnet_role_t role)
{
    return role == COOPNET_ROLE_HOST || role == COOPNET_ROLE_ORGANISER ||
           role == COOPNET_ROLE_FACILITATOR;
}

/* The workspace of withdrawals from one before graph, allocated once (coopnet_whatif_rank tries
 * one withdrawal per actor with it). */
typedef struct withdrawal {
    const coopnet_graph_t *before;
    unsigned char *withdrawn;       /* per actor of the bundle */
    unsigned char *kept_before;     /* per event: kept by the before graph's options */
    igraph_integer_t events_before; /* how many */
    const char **exclude;           /* the before options' ids, then the withdrawn actors' */
    const char **exclude_events;    /* the before options' ids, then the dropped events' */
    size_t *dropped;                /* the dropped events of the last build */
    size_t n_dropped;
    igraph_vector_int_t sizes, degree_before, degree_after; /* stor_begin NULL: not initialised */
} withdrawal_t;

static void withdrawal_free(withdrawal_t *withdrawal)
{
    free(withdrawal->withdrawn);
    free(withdrawal->kept_before);
    free(withdrawal->exclude);
    free(withdrawal->exclude_events);
    free(withdrawal->dropped);
    if (withdrawal->sizes.stor_begin)
        igraph_vector_int_destroy(&withdrawal->sizes);
    if (withdrawal->degree_before.stor_begin)
        igraph_vector_int_destroy(&withdrawal->degree_before);
    if (withdrawal->degree_after.stor_begin)
        igraph_vector_int_destroy(&withdrawal->degree_after);
    memset(withdrawal, 0, sizeof *withdrawal);
}

/* On failure (COOPNET_ENOMEM) the workspace is left for withdrawal_free. */
static int withdrawal_alloc(withdrawal_t *withdrawal, const coopnet_graph_t *before,
                            coopnet_error_t *err)
{
    const coopnet_bundle_t *bundle = before->bundle;
    const coopnet_graph_options_t *options = &before->options;
    int status = COOPNET_OK;
    memset(withdrawal, 0, sizeof *withdrawal);
    withdrawal->before = before;
    withdrawal->withdrawn = calloc(bundle->n_actors + 1, 1);
    withdrawal->kept_before = calloc(bundle->n_events + 1, 1);
    withdrawal->exclude =
        coopnet_i_alloc_array(options->n_exclude + bundle->n_actors, sizeof(const char *));
    withdrawal->exclude_events =
        coopnet_i_alloc_array(options->n_exclude_events + bundle->n_events, sizeof(const char *));
    withdrawal->dropped = coopnet_i_alloc_array(bundle->n_events, sizeof(size_t));
    if (!withdrawal->withdrawn || !withdrawal->kept_before || !withdrawal->exclude ||
        !withdrawal->exclude_events || !withdrawal->dropped)
        return COOPNET_ERROR(err, COOPNET_ENOMEM, "out of memory comparing the withdrawal");
    COOPNET_IGRAPH_CHECK(err, status, igraph_vector_int_init(&withdrawal->sizes, 0),
                         "comparing the withdrawal");
    COOPNET_IGRAPH_CHECK(err, status, igraph_vector_int_init(&withdrawal->degree_before, 0),
                         "comparing the withdrawal");
    COOPNET_IGRAPH_CHECK(err, status, igraph_vector_int_init(&withdrawal->degree_after, 0),
                         "comparing the withdrawal");
    for (size_t e = 0; e < bundle->n_events; e++)
        if (coopnet_graph_keeps_event(bundle, e, options)) {
            withdrawal->kept_before[e] = 1;
            withdrawal->events_before++;
        }
cleanup:
    return status;
}

/* The events the before graph keeps that a withdrawn actor convened, into dropped (bundle
 * order). O(participations). */
static void find_dropped_events(withdrawal_t *withdrawal)
{
    const coopnet_bundle_t *bundle = withdrawal->before->bundle;
    withdrawal->n_dropped = 0;
    for (size_t e = 0; e < bundle->n_events; e++) {
        if (!withdrawal->kept_before[e])
            continue;
        for (size_t p = bundle->event_start[e]; p < bundle->event_start[e + 1]; p++) {
            const coopnet_participation_t *participation = &bundle->participations[p];
            if (withdrawal->withdrawn[participation->actor] &&
                coopnet_whatif_role_convenes(participation->role)) {
                withdrawal->dropped[withdrawal->n_dropped++] = e;
                break;
            }
        }
    }
}

/* Builds the after graph: the before graph's options with the withdrawn actors (and, unless
 * keep_events, their dropped events) left out. On failure after is left destroyed. */
static int build_after(withdrawal_t *withdrawal, bool keep_events, coopnet_graph_t *after,
                       coopnet_error_t *err)
{
    const coopnet_graph_t *before = withdrawal->before;
    const coopnet_bundle_t *bundle = before->bundle;
    coopnet_graph_options_t options = before->options;
    size_t n_exclude = options.n_exclude;
    if (n_exclude > 0) /* memcpy from NULL is undefined even for 0 bytes */
        memcpy(withdrawal->exclude, options.exclude, n_exclude * sizeof(const char *));
    for (size_t a = 0; a < bundle->n_actors; a++)
        if (withdrawal->withdrawn[a])
            withdrawal->exclude[n_exclude++] = bundle->actors[a].id;
    options.exclude = withdrawal->exclude;
    options.n_exclude = n_exclude;

    withdrawal->n_dropped = 0;
    if (!keep_events)
        find_dropped_events(withdrawal);
    size_t n_exclude_events = options.n_exclude_events;
    if (n_exclude_events > 0)
        memcpy(withdrawal->exclude_events, options.exclude_events,
               n_exclude_events * sizeof(const char *));
    for (size_t i = 0; i < withdrawal->n_dropped; i++)
        withdrawal->exclude_events[n_exclude_events++] = bundle->events[withdrawal->dropped[i]].id;
    options.exclude_events = withdrawal->exclude_events;
    options.n_exclude_events = n_exclude_events;
    return coopnet_graph_init_cooperation(after, bundle, &options, err);
}

/* The connectedness of graph, which keeps events events; its vertex degrees into degree. */
static int describe(const coopnet_graph_t *graph, igraph_integer_t events,
                    igraph_vector_int_t *sizes, igraph_vector_int_t *degree,
                    coopnet_whatif_side_t *side, coopnet_error_t *err)
{
    int status = COOPNET_OK;
    memset(side, 0, sizeof *side);
    side->actors = igraph_vcount(&graph->graph);
    side->links = igraph_ecount(&graph->graph);
    side->events = events;
    COOPNET_IGRAPH_CHECK(
        err, status,
        igraph_connected_components(&graph->graph, NULL, sizes, &side->components, IGRAPH_WEAK),
        "counting components");
    for (igraph_integer_t k = 0; k < side->components; k++)
        if (VECTOR(*sizes)[k] > side->largest_component)
            side->largest_component = VECTOR(*sizes)[k];
    side->fragmentation = fragmentation_of_sizes(sizes, side->actors);
    COOPNET_IGRAPH_CHECK(
        err, status,
        igraph_degree(&graph->graph, degree, igraph_vss_all(), IGRAPH_ALL, IGRAPH_NO_LOOPS),
        "counting isolated actors");
    for (igraph_integer_t v = 0; v < side->actors; v++) {
        if (VECTOR(*degree)[v] > 0)
            continue;
        side->isolated++;
        side->isolated_by_level[graph->bundle->actors[VECTOR(graph->actor_of_vertex)[v]].level]++;
    }
cleanup:
    return status;
}

/* Whether the actor of vertex v of after was linked in before (degrees in the workspace). */
static bool newly_isolated(const withdrawal_t *withdrawal, const coopnet_graph_t *after,
                           igraph_integer_t v)
{
    if (VECTOR(withdrawal->degree_after)[v] > 0)
        return false;
    igraph_integer_t actor = VECTOR(after->actor_of_vertex)[v];
    igraph_integer_t before_vertex = VECTOR(withdrawal->before->vertex_of_actor)[actor];
    return before_vertex >= 0 && VECTOR(withdrawal->degree_before)[before_vertex] > 0;
}

/* The links between level and national per country, before and after, into whatif->nlc. */
static int compare_nlc(const coopnet_graph_t *before, coopnet_whatif_t *whatif,
                       coopnet_error_t *err)
{
    coopnet_nlc_t nlc_before = {0}, nlc_after = {0};
    int status = coopnet_nlc_compute(before, &nlc_before, err);
    if (status == COOPNET_OK)
        status = coopnet_nlc_compute(&whatif->graph_after, &nlc_after, err);
    if (status != COOPNET_OK)
        goto cleanup;
    whatif->nlc = coopnet_i_alloc_array(nlc_before.n_pairs, sizeof *whatif->nlc);
    if (whatif->nlc == NULL) {
        status = COOPNET_ERROR(err, COOPNET_ENOMEM, "out of memory comparing the withdrawal");
        goto cleanup;
    }
    for (size_t p = 0; p < nlc_before.n_pairs; p++) {
        const coopnet_nlc_pair_t *pair = &nlc_before.pairs[p];
        if (pair->level_b != COOPNET_LEVEL_NATIONAL || pair->level_a == COOPNET_LEVEL_NATIONAL)
            continue;
        coopnet_whatif_nlc_t *row = &whatif->nlc[whatif->n_nlc++];
        row->country = pair->country;
        row->level = pair->level_a;
        row->before = pair->edges;
        for (size_t q = 0; q < nlc_after.n_pairs; q++) {
            const coopnet_nlc_pair_t *match = &nlc_after.pairs[q];
            if (match->level_a == pair->level_a && match->level_b == pair->level_b &&
                strcmp(match->country, pair->country) == 0) {
                row->after = match->edges;
                break;
            }
        }
    }
cleanup:
    coopnet_nlc_destroy(&nlc_before);
    coopnet_nlc_destroy(&nlc_after);
    return status;
}

void coopnet_whatif_destroy(coopnet_whatif_t *whatif)
{
    if (whatif == NULL)
        return;
    free(whatif->nlc);
    free(whatif->withdrawn);
    free(whatif->dropped_events);
    free(whatif->isolated);
    coopnet_graph_destroy(&whatif->graph_after);
    memset(whatif, 0, sizeof *whatif);
}

int coopnet_whatif_compute(const coopnet_graph_t *before, const char *const *withdraw,
                           size_t n_withdraw, bool keep_events, coopnet_whatif_t *whatif,
                           coopnet_error_t *err)
{
    memset(whatif, 0, sizeof *whatif);
    const coopnet_bundle_t *bundle = before->bundle;
    withdrawal_t withdrawal;
    int status = withdrawal_alloc(&withdrawal, before, err);
    if (status != COOPNET_OK)
        goto cleanup;
    for (size_t i = 0; i < n_withdraw; i++) {
        long actor = coopnet_bundle_find_actor(bundle, withdraw[i]);
        if (actor < 0) {
            status = COOPNET_ERROR(err, COOPNET_EINVAL,
                                   "unknown actor '%s' among the actors to withdraw", withdraw[i]);
            goto cleanup;
        }
        withdrawal.withdrawn[actor] = 1;
    }
    if ((status = build_after(&withdrawal, keep_events, &whatif->graph_after, err)) != COOPNET_OK)
        goto cleanup;
    if ((status = describe(before, withdrawal.events_before, &withdrawal.sizes,
                           &withdrawal.degree_before, &whatif->before, err)) != COOPNET_OK ||
        (status = describe(&whatif->graph_after,
                           withdrawal.events_before - (igraph_integer_t)withdrawal.n_dropped,
                           &withdrawal.sizes, &withdrawal.degree_after, &whatif->after, err)) !=
            COOPNET_OK)
        goto cleanup;

    igraph_integer_t n_after = igraph_vcount(&whatif->graph_after.graph);
    whatif->withdrawn = coopnet_i_alloc_array(bundle->n_actors, sizeof(size_t));
    whatif->dropped_events = coopnet_i_alloc_array(withdrawal.n_dropped, sizeof(size_t));
    whatif->isolated = coopnet_i_alloc_array((size_t)n_after, sizeof(size_t));
    if (!whatif->withdrawn || !whatif->dropped_events || !whatif->isolated) {
        status = COOPNET_ERROR(err, COOPNET_ENOMEM, "out of memory comparing the withdrawal");
        goto cleanup;
    }
    for (size_t a = 0; a < bundle->n_actors; a++)
        if (withdrawal.withdrawn[a])
            whatif->withdrawn[whatif->n_withdrawn++] = a;
    memcpy(whatif->dropped_events, withdrawal.dropped, withdrawal.n_dropped * sizeof(size_t));
    whatif->n_dropped_events = withdrawal.n_dropped;
    for (igraph_integer_t v = 0; v < n_after; v++)
        if (newly_isolated(&withdrawal, &whatif->graph_after, v))
            whatif->isolated[whatif->n_isolated++] =
                (size_t)VECTOR(whatif->graph_after.actor_of_vertex)[v];
    status = compare_nlc(before, whatif, err);
cleanup:
    withdrawal_free(&withdrawal);
    if (status != COOPNET_OK)
        coopnet_whatif_destroy(whatif);
    return status;
}

void coopnet_whatif_ranking_destroy(coopnet_whatif_ranking_t *ranking)
{
    if (ranking == NULL)
        return;
    free(ranking->items);
    memset(ranking, 0, sizeof *ranking);
}

/* The candidates of the ranking into candidates, in vertex (bundle) order: every vertex, or the
 * top ones by degree (ties in vertex order) when top > 0. */
static int choose_candidates(const withdrawal_t *withdrawal, size_t top,
                             igraph_vector_int_t *candidates, coopnet_error_t *err)
{
    int status = COOPNET_OK;
    igraph_vector_t degree;
    igraph_integer_t n = igraph_vector_int_size(&withdrawal->degree_before);
    COOPNET_IGRAPH_CHECK(err, status, igraph_vector_init(&degree, n), "choosing the actors to try");
    for (igraph_integer_t v = 0; v < n; v++)
        VECTOR(degree)[v] = (double)VECTOR(withdrawal->degree_before)[v];
    status = coopnet_rank_top(&degree, top > 0 ? top : (size_t)n, candidates, err);
    igraph_vector_destroy(&degree);
    if (status == COOPNET_OK)
        igraph_vector_int_sort(candidates);
cleanup:
    return status;
}

/* Tries the withdrawal of the actor of vertex with its events, into item. */
static int try_withdrawal(withdrawal_t *withdrawal, igraph_integer_t vertex,
                          coopnet_whatif_ranked_t *item, coopnet_error_t *err)
{
    const coopnet_graph_t *before = withdrawal->before;
    coopnet_graph_t after = {0};
    size_t actor = (size_t)VECTOR(before->actor_of_vertex)[vertex];
    memset(item, 0, sizeof *item);
    item->vertex = vertex;
    item->actor = actor;
    item->degree = VECTOR(withdrawal->degree_before)[vertex];
    withdrawal->withdrawn[actor] = 1;
    int status = build_after(withdrawal, false, &after, err);
    withdrawal->withdrawn[actor] = 0;
    if (status != COOPNET_OK)
        goto cleanup;
    item->n_dropped_events = withdrawal->n_dropped;
    status = describe(&after, withdrawal->events_before - (igraph_integer_t)withdrawal->n_dropped,
                      &withdrawal->sizes, &withdrawal->degree_after, &item->after, err);
    if (status != COOPNET_OK)
        goto cleanup;
    for (igraph_integer_t v = 0; v < igraph_vcount(&after.graph); v++)
        if (newly_isolated(withdrawal, &after, v))
            item->n_isolated++;
cleanup:
    coopnet_graph_destroy(&after);
    return status;
}

int coopnet_whatif_rank(const coopnet_graph_t *graph, size_t top, coopnet_whatif_ranking_t *ranking,
                        coopnet_error_t *err)
{
    memset(ranking, 0, sizeof *ranking);
    withdrawal_t withdrawal;
    coopnet_whatif_ranked_t *tried = NULL;
    igraph_vector_int_t candidates, order;
    igraph_vector_t fragmentation;
    memset(&candidates, 0, sizeof candidates);
    memset(&order, 0, sizeof order);
    memset(&fragmentation, 0, sizeof fragmentation);
    int status = withdrawal_alloc(&withdrawal, graph, err);
    if (status != COOPNET_OK)
        goto cleanup;
    COOPNET_IGRAPH_CHECK(err, status, igraph_vector_int_init(&candidates, 0),
                         "ranking withdrawals");
    COOPNET_IGRAPH_CHECK(err, status, igraph_vector_int_init(&order, 0), "ranking withdrawals");
    COOPNET_IGRAPH_CHECK(err, status, igraph_vector_init(&fragmentation, 0), "ranking withdrawals");
    if ((status = describe(graph, withdrawal.events_before, &withdrawal.sizes,
                           &withdrawal.degree_before, &ranking->before, err)) != COOPNET_OK ||
        (status = choose_candidates(&withdrawal, top, &candidates, err)) != COOPNET_OK)
        goto cleanup;
    size_t n_candidates = (size_t)igraph_vector_int_size(&candidates);
    tried = coopnet_i_alloc_array(n_candidates, sizeof *tried);
    ranking->items = coopnet_i_alloc_array(n_candidates, sizeof *ranking->items);
    if (tried == NULL || ranking->items == NULL) {
        status = COOPNET_ERROR(err, COOPNET_ENOMEM, "out of memory ranking withdrawals");
        goto cleanup;
    }
    COOPNET_IGRAPH_CHECK(err, status,
                         igraph_vector_resize(&fragmentation, (igraph_integer_t)n_candidates),
                         "ranking withdrawals");
    for (size_t i = 0; i < n_candidates; i++) {
        status = try_withdrawal(&withdrawal, VECTOR(candidates)[i], &tried[i], err);
        if (status != COOPNET_OK)
            goto cleanup;
        VECTOR(fragmentation)[i] = tried[i].after.fragmentation;
    }
    if ((status = coopnet_rank_vertices(&fragmentation, &order, err)) != COOPNET_OK)
        goto cleanup;
    double *ranks = coopnet_i_alloc_array(n_candidates, sizeof *ranks);
    if (ranks == NULL) {
        status = COOPNET_ERROR(err, COOPNET_ENOMEM, "out of memory ranking withdrawals");
        goto cleanup;
    }
    coopnet_rank_competition(&fragmentation, &order, ranks);
    for (size_t i = 0; i < n_candidates; i++) {
        igraph_integer_t tried_index = VECTOR(order)[i];
        ranking->items[i] = tried[tried_index];
        ranking->items[i].rank = ranks[tried_index];
    }
    free(ranks);
    ranking->n_items = n_candidates;
cleanup:
    free(tried);
    if (fragmentation.stor_begin)
        igraph_vector_destroy(&fragmentation);
    if (order.stor_begin)
        igraph_vector_int_destroy(&order);
    if (candidates.stor_begin)
        igraph_vector_int_destroy(&candidates);
    withdrawal_free(&withdrawal);
    if (status != COOPNET_OK)
        coopnet_whatif_ranking_destroy(ranking);
    return status;
}

size_t coopnet_whatif_convened_events(const coopnet_graph_t *graph, size_t actor)
{
    const coopnet_bundle_t *bundle = graph->bundle;
    size_t count = 0;
    for (size_t e = 0; e < bundle->n_events; e++) {
        if (!coopnet_graph_keeps_event(bundle, e, &graph->options))
            continue;
        for (size_t p = bundle->event_start[e]; p < bundle->event_start[e + 1]; p++) {
            const coopnet_participation_t *participation = &bundle->participations[p];
            if ((size_t)participation->actor == actor &&
                coopnet_whatif_role_convenes(participation->role)) {
                count++;
                break;
            }
        }
    }
    return count;
}

void coopnet_whatif_convened_counts(const coopnet_graph_t *graph, size_t *counts)
{
    const coopnet_bundle_t *bundle = graph->bundle;
    memset(counts, 0, bundle->n_actors * sizeof *counts);
    for (size_t e = 0; e < bundle->n_events; e++) {
        if (!coopnet_graph_keeps_event(bundle, e, &graph->options))
            continue;
        /* an actor convening one event in two roles counts once: its rows are merged, so each
         * actor has one participation per event */
        for (size_t p = bundle->event_start[e]; p < bundle->event_start[e + 1]; p++) {
            const coopnet_participation_t *participation = &bundle->participations[p];
            if (coopnet_whatif_role_convenes(participation->role))
                counts[participation->actor]++;
        }
    }
}
