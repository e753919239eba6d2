/* SPDX-License-Identifier: GPL-3.0-or-later */
/* graph.c - the cooperation graph and the two-mode graph (see coopnet/graph.h). */
#include "coopnet/graph.h"
#include "coopnet/library.h"
#include "core/internal.h"

#include <stdlib.h>
#include <string.h>

void coopnet_graph_options_init(coopnet_graph_options_t *options)
{
    memset(options, 0, sizeof *options);
    options->layer = COOPNET_LAYER_ALL;
    options->weighting = COOPNET_WEIGHTING_COUNT;
    options->as_of.precision = COOPNET_DATE_NONE;
}

int coopnet_graph_parse_layer(const char *text, coopnet_layer_t *layer, coopnet_error_t *err)
{
    if (strcmp(text, "all") == 0)
        *layer = COOPNET_LAYER_ALL;
    else if (strcmp(text, "events") == 0)
        *layer = COOPNET_LAYER_EVENTS;
    else if (strcmp(text, "ties") == 0)
        *layer = COOPNET_LAYER_TIES;
    else
        return COOPNET_ERROR(err, COOPNET_EINVAL,
                             "unknown layer '%s' (expected events, ties or all)", text);
    return COOPNET_OK;
}

int coopnet_graph_parse_weighting(const char *text, coopnet_weighting_t *weighting,
                                  coopnet_error_t *err)
{
    if (strcmp(text, "count") == 0)
        *weighting = COOPNET_WEIGHTING_COUNT;
    else if (strcmp(text, "newman") == 0)
        *weighting = COOPNET_WEIGHTING_NEWMAN;
    else if (strcmp(text, "jaccard") == 0)
        *weighting = COOPNET_WEIGHTING_JACCARD;
    else
        return COOPNET_ERROR(err, COOPNET_EINVAL,
                             "unknown weighting '%s' (expected count, newman or jaccard)", text);
    return COOPNET_OK;
}

int coopnet_graph_parse_levels(const char *text, unsigned *level_mask, coopnet_error_t *err)
{
    *level_mask = 0;
    const char *start = text;
    for (;;) {
        const char *comma = strchr(start, ',');
        size_t length = comma ? (size_t)(comma - start) : strlen(start);
        char level[32];
        if (length == 0 || length >= sizeof level)
            return COOPNET_ERROR(err, COOPNET_EINVAL, "invalid level list '%s'", text);
        memcpy(level, start, length);
        level[length] = '\0';
        int parsed = coopnet_level_parse(level);
        if (parsed < 0)
            return COOPNET_ERROR(
                err, COOPNET_EINVAL,
                "unknown level '%s' (expected local, regional, national or international)", level);
        *level_mask |= 1u << parsed;
        if (comma == NULL)
            return COOPNET_OK;
        start = comma + 1;
    }
}

static int32_t cutoff_day(const coopnet_graph_options_t *options)
{
    return coopnet_date_last_day(options->as_of);
}

bool coopnet_graph_keeps_event(const coopnet_bundle_t *bundle, size_t event,
                               const coopnet_graph_options_t *options)
{
    if (options->layer == COOPNET_LAYER_TIES)
        return false;
    const coopnet_event_t *e = &bundle->events[event];
    if (options->since.precision != COOPNET_DATE_NONE) {
        coopnet_date_t last = e->end.precision != COOPNET_DATE_NONE ? e->end : e->date;
        if (e->date.precision == COOPNET_DATE_NONE ||
            coopnet_date_last_day(last) < options->since.day)
            return false;
    }
    if (options->as_of.precision == COOPNET_DATE_NONE)
        return true;
    return e->date.precision != COOPNET_DATE_NONE && e->date.day <= cutoff_day(options);
}

bool coopnet_graph_keeps_tie(const coopnet_bundle_t *bundle, size_t tie,
                             const coopnet_graph_options_t *options)
{
    if (options->layer == COOPNET_LAYER_EVENTS)
        return false;
    if (options->as_of.precision == COOPNET_DATE_NONE)
        return true;
    const coopnet_tie_t *t = &bundle->ties[tie];
    int32_t cutoff = cutoff_day(options);
    if (t->start.precision == COOPNET_DATE_NONE || t->start.day > cutoff)
        return false;
    /* with a window, a tie counts when it was active at some time in it */
    int32_t active_until =
        options->since.precision != COOPNET_DATE_NONE ? options->since.day : cutoff;
    return t->end.precision == COOPNET_DATE_NONE || coopnet_date_last_day(t->end) >= active_until;
}

/* Marks the kept actors: vertex_of_actor[a] = vertex or -1; fills actor_of_vertex. */
static int select_actors(const coopnet_bundle_t *bundle, const coopnet_graph_options_t *options,
                         igraph_vector_int_t *vertex_of_actor, igraph_vector_int_t *actor_of_vertex,
                         coopnet_error_t *err)
{
    igraph_integer_t n_actors = (igraph_integer_t)bundle->n_actors;
    int status = COOPNET_OK;
    COOPNET_IGRAPH_CHECK(err, status, igraph_vector_int_resize(vertex_of_actor, n_actors),
                         "selecting actors");
    igraph_vector_int_fill(vertex_of_actor, 0);
    for (size_t i = 0; i < options->n_exclude; i++) {
        long actor = coopnet_bundle_find_actor(bundle, options->exclude[i]);
        if (actor < 0)
            return COOPNET_ERROR(err, COOPNET_EINVAL,
                                 "unknown actor '%s' among the actors to exclude",
                                 options->exclude[i]);
        VECTOR(*vertex_of_actor)[actor] = -1;
    }
    igraph_vector_int_clear(actor_of_vertex);
    for (igraph_integer_t a = 0; a < n_actors; a++) {
        unsigned bit = 1u << bundle->actors[a].level;
        if (VECTOR(*vertex_of_actor)[a] < 0 ||
            (options->level_mask && !(options->level_mask & bit))) {
            VECTOR(*vertex_of_actor)[a] = -1;
            continue;
        }
        VECTOR(*vertex_of_actor)[a] = igraph_vector_int_size(actor_of_vertex);
        COOPNET_IGRAPH_CHECK(err, status, igraph_vector_int_push_back(actor_of_vertex, a),
                             "selecting actors");
    }
cleanup:
    return status;
}

void coopnet_graph_destroy(coopnet_graph_t *graph)
{
    if (graph == NULL)
        return;
    /* igraph objects that were never initialised are all-zero: skip them */
    if (graph->graph.n != 0 || graph->graph.from.stor_begin != NULL)
        igraph_destroy(&graph->graph);
    if (graph->weight.stor_begin)
        igraph_vector_destroy(&graph->weight);
    if (graph->shared_events.stor_begin)
        igraph_vector_int_destroy(&graph->shared_events);
    if (graph->shared_ties.stor_begin)
        igraph_vector_int_destroy(&graph->shared_ties);
    if (graph->actor_of_vertex.stor_begin)
        igraph_vector_int_destroy(&graph->actor_of_vertex);
    if (graph->vertex_of_actor.stor_begin)
        igraph_vector_int_destroy(&graph->vertex_of_actor);
    memset(graph, 0, sizeof *graph);
}

static int compare_int32(const void *a, const void *b)
{
    int32_t x = *(const int32_t *)a, y = *(const int32_t *)b;
    return x < y ? -1 : x > y;
}

/* Per-vertex workspace of the pair accumulation (sparse accumulator over the other end). */
typedef struct accumulator {
    int32_t *shared_events;
    double *event_weight;
    int32_t *shared_ties;
    double *tie_weight;
    int32_t *touched; /* the other ends seen for the current vertex */
    size_t n_touched;
    unsigned char *seen;
} accumulator_t;

static void touch(accumulator_t *acc, int32_t other)
{
    if (!acc->seen[other]) {
        acc->seen[other] = 1;
        acc->touched[acc->n_touched++] = other;
    }
}

int coopnet_graph_init_cooperation(coopnet_graph_t *graph, const coopnet_bundle_t *bundle,
                                   const coopnet_graph_options_t *options, coopnet_error_t *err)
{
    coopnet_library_init();
    memset(graph, 0, sizeof *graph);
    int status = COOPNET_OK;
    igraph_vector_int_t edges;
    memset(&edges, 0, sizeof edges);
    accumulator_t acc;
    memset(&acc, 0, sizeof acc);
    size_t *actor_event_start = NULL; /* CSR: kept events of each vertex */
    int32_t *actor_events = NULL;
    int32_t *events_of_vertex = NULL; /* kept events per vertex (for jaccard) */
    size_t *tie_start = NULL;         /* CSR: ties owned by the smaller end vertex */
    int32_t *tie_other = NULL;
    double *tie_weight = NULL;
    size_t n_rows = bundle->n_participations;

    COOPNET_IGRAPH_CHECK(err, status, igraph_vector_int_init(&graph->vertex_of_actor, 0),
                         "building the cooperation graph");
    COOPNET_IGRAPH_CHECK(err, status, igraph_vector_int_init(&graph->actor_of_vertex, 0),
                         "building the cooperation graph");
    COOPNET_IGRAPH_CHECK(err, status, igraph_vector_int_init(&edges, 0),
                         "building the cooperation graph");
    COOPNET_IGRAPH_CHECK(err, status, igraph_vector_init(&graph->weight, 0),
                         "building the cooperation graph");
    COOPNET_IGRAPH_CHECK(err, status, igraph_vector_int_init(&graph->shared_events, 0),
                         "building the cooperation graph");
    COOPNET_IGRAPH_CHECK(err, status, igraph_vector_int_init(&graph->shared_ties, 0),
                         "building the cooperation graph");
    if ((status = select_actors(bundle, options, &graph->vertex_of_actor, &graph->actor_of_vertex,
                                err)) != COOPNET_OK)
        goto cleanup;

    size_t n_vertices = (size_t)igraph_vector_int_size(&graph->actor_of_vertex);
    const igraph_integer_t *vertex_of = VECTOR(graph->vertex_of_actor);
    actor_event_start = calloc(n_vertices + 1, sizeof *actor_event_start);
    actor_events = coopnet_i_alloc_array(n_rows, sizeof *actor_events);
    events_of_vertex = calloc(n_vertices + 1, sizeof *events_of_vertex);
    tie_start = calloc(n_vertices + 1, sizeof *tie_start);
    tie_other = coopnet_i_alloc_array(bundle->n_ties, sizeof *tie_other);
    tie_weight = coopnet_i_alloc_array(bundle->n_ties, sizeof *tie_weight);
    acc.shared_events = calloc(n_vertices + 1, sizeof *acc.shared_events);
    acc.event_weight = calloc(n_vertices + 1, sizeof *acc.event_weight);
    acc.shared_ties = calloc(n_vertices + 1, sizeof *acc.shared_ties);
    acc.tie_weight = calloc(n_vertices + 1, sizeof *acc.tie_weight);
    acc.touched = coopnet_i_alloc_array(n_vertices + 1, sizeof *acc.touched);
    acc.seen = calloc(n_vertices + 1, 1);
    if (!actor_event_start || !actor_events || !events_of_vertex || !tie_start || !tie_other ||
        !tie_weight || !acc.shared_events || !acc.event_weight || !acc.shared_ties ||
        !acc.tie_weight || !acc.touched || !acc.seen) {
        status = COOPNET_ERROR(err, COOPNET_ENOMEM, "out of memory building the cooperation graph");
        goto cleanup;
    }

    /* the kept events of each kept actor, as a CSR index */
    for (size_t e = 0; e < bundle->n_events; e++) {
        if (!coopnet_graph_keeps_event(bundle, e, options))
            continue;
        for (size_t p = bundle->event_start[e]; p < bundle->event_start[e + 1]; p++) {
            igraph_integer_t v = vertex_of[bundle->participations[p].actor];
            if (v >= 0)
                actor_event_start[v + 1]++;
        }
    }
    for (size_t v = 0; v < n_vertices; v++) {
        events_of_vertex[v] = (int32_t)actor_event_start[v + 1];
        actor_event_start[v + 1] += actor_event_start[v];
    }
    {
        for (size_t e = 0; e < bundle->n_events; e++) {
            if (!coopnet_graph_keeps_event(bundle, e, options))
                continue;
            for (size_t p = bundle->event_start[e]; p < bundle->event_start[e + 1]; p++) {
                igraph_integer_t v = vertex_of[bundle->participations[p].actor];
                if (v >= 0)
                    actor_events[actor_event_start[v] + (size_t)--events_of_vertex[v]] = (int32_t)e;
            }
        }
        for (size_t v = 0; v < n_vertices; v++)
            events_of_vertex[v] = (int32_t)(actor_event_start[v + 1] - actor_event_start[v]);
    }

    /* the kept ties, owned by their smaller end */
    for (size_t t = 0; t < bundle->n_ties; t++) {
        if (!coopnet_graph_keeps_tie(bundle, t, options))
            continue;
        igraph_integer_t a = vertex_of[bundle->ties[t].from], b = vertex_of[bundle->ties[t].to];
        if (a >= 0 && b >= 0)
            tie_start[(a < b ? a : b) + 1]++;
    }
    for (size_t v = 0; v < n_vertices; v++)
        tie_start[v + 1] += tie_start[v];
    {
        size_t *next = coopnet_i_alloc_array(n_vertices + 1, sizeof *next);
        if (next == NULL) {
            status =
                COOPNET_ERROR(err, COOPNET_ENOMEM, "out of memory building the cooperation graph");
            goto cleanup;
        }
        memcpy(next, tie_start, (n_vertices + 1) * sizeof *next);
        for (size_t t = 0; t < bundle->n_ties; t++) {
            if (!coopnet_graph_keeps_tie(bundle, t, options))
                continue;
            igraph_integer_t a = vertex_of[bundle->ties[t].from], b = vertex_of[bundle->ties[t].to];
            if (a < 0 || b < 0)
                continue;
            size_t slot = next[a < b ? a : b]++;
            tie_other[slot] = (int32_t)(a < b ? b : a);
            tie_weight[slot] = bundle->ties[t].weight;
        }
        free(next);
    }

    for (size_t u = 0; u < n_vertices; u++) {
        acc.n_touched = 0;
        for (size_t k = actor_event_start[u]; k < actor_event_start[u + 1]; k++) {
            size_t e = (size_t)actor_events[k];
            size_t size = bundle->event_start[e + 1] - bundle->event_start[e];
            double newman = size > 1 ? 1.0 / (double)(size - 1) : 0.0;
            for (size_t p = bundle->event_start[e]; p < bundle->event_start[e + 1]; p++) {
                igraph_integer_t v = vertex_of[bundle->participations[p].actor];
                if (v <= (igraph_integer_t)u)
                    continue;
                touch(&acc, (int32_t)v);
                acc.shared_events[v]++;
                acc.event_weight[v] += newman;
            }
        }
        for (size_t k = tie_start[u]; k < tie_start[u + 1]; k++) {
            int32_t v = tie_other[k];
            touch(&acc, v);
            acc.shared_ties[v]++;
            acc.tie_weight[v] += tie_weight[k];
        }
        qsort(acc.touched, acc.n_touched, sizeof *acc.touched, compare_int32);
        for (size_t i = 0; i < acc.n_touched; i++) {
            int32_t v = acc.touched[i];
            double event_weight = 0;
            int32_t shared = acc.shared_events[v];
            if (shared > 0) {
                if (options->weighting == COOPNET_WEIGHTING_COUNT)
                    event_weight = shared;
                else if (options->weighting == COOPNET_WEIGHTING_NEWMAN)
                    event_weight = acc.event_weight[v];
                else
                    event_weight = (double)shared /
                                   (double)(events_of_vertex[u] + events_of_vertex[v] - shared);
            }
            COOPNET_IGRAPH_CHECK(err, status,
                                 igraph_vector_int_push_back(&edges, (igraph_integer_t)u),
                                 "building the cooperation graph");
            COOPNET_IGRAPH_CHECK(err, status, igraph_vector_int_push_back(&edges, v),
                                 "building the cooperation graph");
            COOPNET_IGRAPH_CHECK(
                err, status,
                igraph_vector_push_back(&graph->weight, event_weight + acc.tie_weight[v]),
                "building the cooperation graph");
            COOPNET_IGRAPH_CHECK(err, status,
                                 igraph_vector_int_push_back(&graph->shared_events, shared),
                                 "building the cooperation graph");
            COOPNET_IGRAPH_CHECK(
                err, status, igraph_vector_int_push_back(&graph->shared_ties, acc.shared_ties[v]),
                "building the cooperation graph");
            acc.seen[v] = 0;
            acc.shared_events[v] = 0;
            acc.event_weight[v] = 0;
            acc.shared_ties[v] = 0;
            acc.tie_weight[v] = 0;
        }
    }
    COOPNET_IGRAPH_CHECK(
        err, status,
        igraph_create(&graph->graph, &edges, (igraph_integer_t)n_vertices, IGRAPH_UNDIRECTED),
        "building the cooperation graph");
cleanup:
    if (edges.stor_begin)
        igraph_vector_int_destroy(&edges);
    free(actor_event_start);
    free(actor_events);
    free(events_of_vertex);
    free(tie_start);
    free(tie_other);
    free(tie_weight);
    free(acc.shared_events);
    free(acc.event_weight);
    free(acc.shared_ties);
    free(acc.tie_weight);
    free(acc.touched);
    free(acc.seen);
    if (status != COOPNET_OK) {
        /* igraph_create failed or never ran: the graph member is not initialised */
        memset(&graph->graph, 0, sizeof graph->graph);
        coopnet_graph_destroy(graph);
    }
    return status;
}

int coopnet_two_mode_init(coopnet_two_mode_t *two_mode, const coopnet_bundle_t *bundle,
                          const coopnet_graph_options_t *options, coopnet_error_t *err)
{
    coopnet_library_init();
    memset(two_mode, 0, sizeof *two_mode);
    int status = COOPNET_OK;
    igraph_vector_int_t vertex_of_actor, actor_of_vertex, edges;
    memset(&vertex_of_actor, 0, sizeof vertex_of_actor);
    memset(&actor_of_vertex, 0, sizeof actor_of_vertex);
    memset(&edges, 0, sizeof edges);
    int graph_ready = 0;
    COOPNET_IGRAPH_CHECK(err, status, igraph_vector_int_init(&vertex_of_actor, 0),
                         "building the two-mode graph");
    COOPNET_IGRAPH_CHECK(err, status, igraph_vector_int_init(&actor_of_vertex, 0),
                         "building the two-mode graph");
    COOPNET_IGRAPH_CHECK(err, status, igraph_vector_int_init(&edges, 0),
                         "building the two-mode graph");
    COOPNET_IGRAPH_CHECK(err, status, igraph_vector_bool_init(&two_mode->is_event, 0),
                         "building the two-mode graph");
    COOPNET_IGRAPH_CHECK(err, status, igraph_vector_int_init(&two_mode->item, 0),
                         "building the two-mode graph");
    if ((status = select_actors(bundle, options, &vertex_of_actor, &actor_of_vertex, err)) !=
        COOPNET_OK)
        goto cleanup;
    igraph_integer_t n_actor_vertices = igraph_vector_int_size(&actor_of_vertex);
    two_mode->n_actor_vertices = n_actor_vertices;
    for (igraph_integer_t v = 0; v < n_actor_vertices; v++) {
        COOPNET_IGRAPH_CHECK(err, status, igraph_vector_bool_push_back(&two_mode->is_event, 0),
                             "building the two-mode graph");
        COOPNET_IGRAPH_CHECK(
            err, status, igraph_vector_int_push_back(&two_mode->item, VECTOR(actor_of_vertex)[v]),
            "building the two-mode graph");
    }
    coopnet_graph_options_t event_options = *options;
    if (event_options.layer == COOPNET_LAYER_TIES)
        event_options.layer = COOPNET_LAYER_ALL;
    for (size_t e = 0; e < bundle->n_events; e++) {
        if (!coopnet_graph_keeps_event(bundle, e, &event_options))
            continue;
        igraph_integer_t event_vertex = igraph_vector_int_size(&two_mode->item);
        COOPNET_IGRAPH_CHECK(err, status, igraph_vector_bool_push_back(&two_mode->is_event, 1),
                             "building the two-mode graph");
        COOPNET_IGRAPH_CHECK(err, status,
                             igraph_vector_int_push_back(&two_mode->item, (igraph_integer_t)e),
                             "building the two-mode graph");
        for (size_t p = bundle->event_start[e]; p < bundle->event_start[e + 1]; p++) {
            igraph_integer_t v = VECTOR(vertex_of_actor)[bundle->participations[p].actor];
            if (v < 0)
                continue;
            COOPNET_IGRAPH_CHECK(err, status, igraph_vector_int_push_back(&edges, v),
                                 "building the two-mode graph");
            COOPNET_IGRAPH_CHECK(err, status, igraph_vector_int_push_back(&edges, event_vertex),
                                 "building the two-mode graph");
        }
    }
    COOPNET_IGRAPH_CHECK(err, status,
                         igraph_create(&two_mode->graph, &edges,
                                       igraph_vector_int_size(&two_mode->item), IGRAPH_UNDIRECTED),
                         "building the two-mode graph");
    graph_ready = 1;
cleanup:
    if (vertex_of_actor.stor_begin)
        igraph_vector_int_destroy(&vertex_of_actor);
    if (actor_of_vertex.stor_begin)
        igraph_vector_int_destroy(&actor_of_vertex);
    if (edges.stor_begin)
        igraph_vector_int_destroy(&edges);
    if (status != COOPNET_OK) {
        if (!graph_ready)
            memset(&two_mode->graph, 0, sizeof two_mode->graph);
        coopnet_two_mode_destroy(two_mode);
    }
    return status;
}

void coopnet_two_mode_destroy(coopnet_two_mode_t *two_mode)
{
    if (two_mode == NULL)
        return;
    if (two_mode->graph.n != 0 || two_mode->graph.from.stor_begin != NULL)
        igraph_destroy(&two_mode->graph);
    if (two_mode->is_event.stor_begin)
        igraph_vector_bool_destroy(&two_mode->is_event);
    if (two_mode->item.stor_begin)
        igraph_vector_int_destroy(&two_mode->item);
    memset(two_mode, 0, sizeof *two_mode);
}

int coopnet_graph_summarise(const coopnet_graph_t *graph, coopnet_graph_summary_t *summary,
                            coopnet_error_t *err)
{
    int status = COOPNET_OK;
    igraph_vector_int_t sizes;
    memset(&sizes, 0, sizeof sizes);
    memset(summary, 0, sizeof *summary);
    summary->n_vertices = igraph_vcount(&graph->graph);
    summary->n_edges = igraph_ecount(&graph->graph);
    double n = (double)summary->n_vertices;
    summary->density = n > 1 ? 2.0 * (double)summary->n_edges / (n * (n - 1)) : 0.0;
    summary->total_weight = igraph_vector_sum(&graph->weight);
    COOPNET_IGRAPH_CHECK(err, status, igraph_vector_int_init(&sizes, 0), "summarising the graph");
    COOPNET_IGRAPH_CHECK(err, status,
                         igraph_connected_components(&graph->graph, NULL, &sizes,
                                                     &summary->n_components, IGRAPH_WEAK),
                         "counting components");
    for (igraph_integer_t c = 0; c < summary->n_components; c++) {
        if (VECTOR(sizes)[c] > summary->largest_component)
            summary->largest_component = VECTOR(sizes)[c];
        if (VECTOR(sizes)[c] == 1)
            summary->n_isolates++;
    }
cleanup:
    if (sizes.stor_begin)
        igraph_vector_int_destroy(&sizes);
    return status;
}
