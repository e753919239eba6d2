/* SPDX-License-Identifier: GPL-3.0-or-later */
/* graph.c - the cooperation graph and the two-mode graph (see coopnet/graph.h). */
#include "coopnet/graph.h"
#include "coopnet/backbone.h"
#include "coopnet/library.h"
#include "coopnet/text.h"
#include "core/internal.h"
#include "model/graph_internal.h"

#include <errno.h>
#include <glib.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

void coopnet_graph_options_init(coopnet_graph_options_t *options)
{
    memset(options, 0, sizeof *options);
    options->layer = COOPNET_LAYER_ALL;
    options->weighting = COOPNET_WEIGHTING_COUNT;
    options->as_of.precision = COOPNET_DATE_NONE;
    options->memory_limit = COOPNET_DEFAULT_MEMORY_LIMIT;
}

int coopnet_graph_check_memory(uint64_t limit, uint64_t needed, coopnet_error_t *err,
                               const char *format, ...)
{
    if (limit == 0)
        limit = COOPNET_DEFAULT_MEMORY_LIMIT;
    if (needed <= limit)
        return COOPNET_OK;
    char what[512], needed_text[32], limit_text[32];
    va_list args;
    va_start(args, format);
    vsnprintf(what, sizeof what, format, args);
    va_end(args);
    coopnet_text_format_bytes(needed, needed_text, sizeof needed_text);
    coopnet_text_format_bytes(limit, limit_text, sizeof limit_text);
    if (strcmp(needed_text, limit_text) == 0) { /* close: the bytes tell them apart */
        snprintf(needed_text, sizeof needed_text, "%llu bytes", (unsigned long long)needed);
        snprintf(limit_text, sizeof limit_text, "%llu bytes", (unsigned long long)limit);
    }
    return COOPNET_ERROR(err, COOPNET_ELIMIT, "%s needs %s, over the memory limit %s", what,
                         needed_text, limit_text);
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

/* Calls visit(item, length, context) for each comma-separated item of list until it returns
 * true; returns whether one did. */
static bool any_layer(const char *list, bool (*visit)(const char *, size_t, const void *),
                      const void *context)
{
    for (const char *item = list; item != NULL;) {
        const char *comma = strchr(item, ',');
        size_t length = comma ? (size_t)(comma - item) : strlen(item);
        if (visit(item, length, context))
            return true;
        item = comma ? comma + 1 : NULL;
    }
    return false;
}

static bool layer_is(const char *item, size_t length, const char *name)
{
    return strlen(name) == length && strncasecmp(item, name, length) == 0;
}

static bool layer_keeps_type(const char *item, size_t length, const void *context)
{
    const char *type = context;
    return layer_is(item, length, "ties") || layer_is(item, length, "all") ||
           (layer_is(item, length, "formal") && coopnet_tie_type_is_formal(type)) ||
           layer_is(item, length, type);
}

int coopnet_graph_parse_layers(const char *text, coopnet_graph_options_t *options,
                               coopnet_error_t *err)
{
    bool events = false, ties = false, types = false;
    for (const char *item = text;;) {
        const char *comma = strchr(item, ',');
        size_t length = comma ? (size_t)(comma - item) : strlen(item);
        if (length == 0)
            return COOPNET_ERROR(err, COOPNET_EINVAL,
                                 "empty layer in '%s' (expected events, ties, formal, all or tie "
                                 "types, separated by commas)",
                                 text);
        if (layer_is(item, length, "all"))
            events = ties = true;
        else if (layer_is(item, length, "events"))
            events = true;
        else if (layer_is(item, length, "ties"))
            ties = true;
        else
            types = true;
        if (comma == NULL)
            break;
        item = comma + 1;
    }
    options->layer = !events         ? COOPNET_LAYER_TIES
                     : ties || types ? COOPNET_LAYER_ALL
                                     : COOPNET_LAYER_EVENTS;
    options->layers = types && !ties ? text : NULL;
    return COOPNET_OK;
}

static const char *const recommended_tie_types[] = {
    "mou", "partnership", "membership", "technical_support", "funding", "peer_learning", "request"};

typedef struct layer_check {
    const coopnet_bundle_t *bundle;
    const char *unknown;
    size_t unknown_length;
} layer_check_t;

static bool layer_is_unknown(const char *item, size_t length, const void *context)
{
    layer_check_t *check = (layer_check_t *)context;
    static const char *const words[] = {"events", "ties", "formal", "all"};
    for (size_t i = 0; i < sizeof words / sizeof words[0]; i++)
        if (layer_is(item, length, words[i]))
            return false;
    for (size_t i = 0; i < sizeof recommended_tie_types / sizeof recommended_tie_types[0]; i++)
        if (layer_is(item, length, recommended_tie_types[i]))
            return false;
    for (size_t t = 0; t < check->bundle->n_ties; t++)
        if (layer_is(item, length, check->bundle->ties[t].type))
            return false;
    check->unknown = item;
    check->unknown_length = length;
    return true;
}

int coopnet_graph_check_layers(const coopnet_bundle_t *bundle,
                               const coopnet_graph_options_t *options, coopnet_error_t *err)
{
    layer_check_t check = {bundle, NULL, 0};
    if (options->layers == NULL || !any_layer(options->layers, layer_is_unknown, &check))
        return COOPNET_OK;
    char found[512] = "";
    size_t used = 0;
    for (size_t t = 0; t < bundle->n_ties && used + 64 < sizeof found; t++) {
        bool seen = false;
        for (size_t u = 0; u < t && !seen; u++)
            seen = strcasecmp(bundle->ties[u].type, bundle->ties[t].type) == 0;
        if (!seen)
            used += (size_t)snprintf(found + used, sizeof found - used, "%s%s", used ? ", " : "",
                                     bundle->ties[t].type);
    }
    return COOPNET_ERROR(err, COOPNET_EINVAL,
                         "unknown layer '%.*s' (expected events, ties, formal, all or a tie type; "
                         "the data's tie types: %s)",
                         (int)check.unknown_length, check.unknown, used ? found : "none");
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

int coopnet_graph_parse_backbone(const char *text, coopnet_graph_backbone_t *backbone,
                                 coopnet_error_t *err)
{
    static const char min_shared[] = "min-shared:";
    memset(backbone, 0, sizeof *backbone);
    if (strcmp(text, "none") == 0)
        backbone->kind = COOPNET_GRAPH_BACKBONE_NONE;
    else if (strcmp(text, "sdsm") == 0)
        backbone->kind = COOPNET_GRAPH_BACKBONE_SDSM;
    else if (strcmp(text, "fixed-row") == 0)
        backbone->kind = COOPNET_GRAPH_BACKBONE_FIXED_ROW;
    else if (strncmp(text, min_shared, sizeof min_shared - 1) == 0) {
        const char *number = text + sizeof min_shared - 1;
        char *end = NULL;
        errno = 0;
        long k = strtol(number, &end, 10);
        if (end == number || *end != '\0' || errno != 0 || k < 1 || k > INT32_MAX ||
            !(*number >= '0' && *number <= '9'))
            return COOPNET_ERROR(err, COOPNET_EINVAL,
                                 "invalid backbone '%s' (min-shared:K needs a whole number K >= 1)",
                                 text);
        backbone->kind = COOPNET_GRAPH_BACKBONE_MIN_SHARED;
        backbone->min_shared = (int)k;
    } else
        return COOPNET_ERROR(err, COOPNET_EINVAL,
                             "unknown backbone '%s' (expected none, sdsm, fixed-row or "
                             "min-shared:K)",
                             text);
    return COOPNET_OK;
}

int coopnet_reading_parse(const char *text, coopnet_reading_t *reading, coopnet_error_t *err)
{
    if (strcmp(text, "certain") == 0)
        *reading = COOPNET_READING_CERTAIN;
    else if (strcmp(text, "possible") == 0)
        *reading = COOPNET_READING_POSSIBLE;
    else
        return COOPNET_ERROR(err, COOPNET_EINVAL,
                             "unknown reading '%s' (expected certain or possible)", text);
    return COOPNET_OK;
}

const char *coopnet_reading_name(coopnet_reading_t reading)
{
    return reading == COOPNET_READING_POSSIBLE ? "possible" : "certain";
}

bool coopnet_graph_options_window(const coopnet_graph_options_t *options,
                                  const coopnet_bundle_t *bundle, int32_t *first, int32_t *last)
{
    if (options->window.precision != COOPNET_DATE_NONE) {
        *first = options->window.day;
        *last = coopnet_date_last_day(options->window);
        return true;
    }
    return coopnet_bundle_window(bundle, first, last);
}

int coopnet_graph_options_set_between(coopnet_graph_options_t *options, coopnet_date_t window,
                                      coopnet_error_t *err)
{
    if (window.precision != COOPNET_DATE_INTERVAL)
        return COOPNET_ERROR(err, COOPNET_EINVAL,
                             "a window needs FROM/TO (2024-01/2024-12, or '..' for an open side)");
    coopnet_date_t none = {0};
    options->since =
        window.start_precision == COOPNET_DATE_NONE ? none : coopnet_date_from_day(window.day);
    options->as_of = window.end_precision == COOPNET_DATE_NONE
                         ? none
                         : coopnet_date_from_day(coopnet_date_last_day(window));
    return COOPNET_OK;
}

/* The day of date the reading counts against a cut-off: its latest possible day (certain) or
 * its earliest (possible). */
static int32_t reading_day(const coopnet_graph_options_t *options, const coopnet_bundle_t *bundle,
                           coopnet_date_t date, coopnet_reading_t reading, bool latest_certain)
{
    int32_t first, last, lo, hi;
    coopnet_graph_options_window(options, bundle, &first, &last);
    coopnet_date_bounds(date, first, last, &lo, &hi);
    return (reading == COOPNET_READING_CERTAIN) == latest_certain ? hi : lo;
}

bool coopnet_graph_keeps_event(const coopnet_bundle_t *bundle, size_t event,
                               const coopnet_graph_options_t *options)
{
    if (options->layer == COOPNET_LAYER_TIES)
        return false;
    const coopnet_event_t *e = &bundle->events[event];
    for (size_t i = 0; i < options->n_exclude_events; i++)
        if (strcmp(options->exclude_events[i], e->id) == 0)
            return false;
    coopnet_reading_t reading = options->as_of_reading;
    if (options->since.precision != COOPNET_DATE_NONE) {
        /* still under way on or after since: its last day (certain: its earliest possible) */
        coopnet_date_t last = e->end.precision != COOPNET_DATE_NONE ? e->end : e->date;
        int32_t first_day, last_day, lo, hi;
        coopnet_graph_options_window(options, bundle, &first_day, &last_day);
        coopnet_date_bounds(last, first_day, last_day, &lo, &hi);
        if (last.precision != COOPNET_DATE_NONE && last.precision != COOPNET_DATE_INTERVAL)
            lo = hi; /* "2024-03" as the last day: the event runs through March */
        if ((reading == COOPNET_READING_CERTAIN ? lo : hi) < options->since.day)
            return false;
    }
    if (options->as_of.precision == COOPNET_DATE_NONE)
        return true;
    return reading_day(options, bundle, e->date, reading, true) <=
           coopnet_date_last_day(options->as_of);
}

bool coopnet_graph_keeps_tie(const coopnet_bundle_t *bundle, size_t tie,
                             const coopnet_graph_options_t *options)
{
    if (options->layer == COOPNET_LAYER_EVENTS)
        return false;
    if (options->layers != NULL &&
        !any_layer(options->layers, layer_keeps_type, bundle->ties[tie].type))
        return false;
    bool has_cutoff = options->as_of.precision != COOPNET_DATE_NONE;
    if (!has_cutoff && options->since.precision == COOPNET_DATE_NONE)
        return true;
    const coopnet_tie_t *t = &bundle->ties[tie];
    coopnet_reading_t reading = options->as_of_reading;
    int32_t cutoff = has_cutoff ? coopnet_date_last_day(options->as_of) : INT32_MAX;
    if (has_cutoff && reading_day(options, bundle, t->start, reading, true) > cutoff)
        return false;
    /* with a window, a tie counts when it was active at some time in it: its end (certain: the
     * earliest day it may have ended) is not before the window */
    int32_t active_until =
        options->since.precision != COOPNET_DATE_NONE ? options->since.day : cutoff;
    return t->end.precision == COOPNET_DATE_NONE ||
           reading_day(options, bundle, t->end, reading, false) >= active_until;
}

/* Which members of a coopnet_graph_t or coopnet_two_mode_t are initialised: destroy frees those and
 * only those, without reading igraph's private fields. */
enum {
    MEMBER_GRAPH = 1u << 0,
    MEMBER_WEIGHT = 1u << 1,
    MEMBER_SHARED_EVENTS = 1u << 2,
    MEMBER_SHARED_TIES = 1u << 3,
    MEMBER_ACTOR_OF_VERTEX = 1u << 4,
    MEMBER_VERTEX_OF_ACTOR = 1u << 5,
    MEMBER_OPTIONS = 1u << 6,
    MEMBER_IS_EVENT = 1u << 7, /* two-mode only */
    MEMBER_ITEM = 1u << 8,     /* two-mode only */
    MEMBER_LAYER_SET = 1u << 9
};

static atomic_uint_fast64_t graph_builds;

uint64_t coopnet_i_graph_build_count(void)
{
    return (uint64_t)atomic_load(&graph_builds);
}

/* An owned copy of n ids in one block (the pointers first, then the strings; free it with
 * free((void *)*copy)); NULL when n is 0. */
static int copy_ids(const char *const *ids, size_t n, const char *const **copy,
                    coopnet_error_t *err)
{
    *copy = NULL;
    if (n == 0)
        return COOPNET_OK;
    size_t bytes = 0;
    for (size_t i = 0; i < n; i++)
        bytes += strlen(ids[i]) + 1;
    size_t pointers = n * sizeof(char *);
    char **block = malloc(pointers + bytes);
    if (block == NULL)
        return COOPNET_ERROR(err, COOPNET_ENOMEM, "out of memory copying the graph options");
    char *text = (char *)block + pointers;
    for (size_t i = 0; i < n; i++) {
        size_t length = strlen(ids[i]) + 1;
        memcpy(text, ids[i], length);
        block[i] = text;
        text += length;
    }
    *copy = (const char *const *)block;
    return COOPNET_OK;
}

static void free_options_copy(coopnet_graph_options_t *copy)
{
    free((void *)copy->exclude);
    free((void *)copy->exclude_events);
    free((void *)copy->layers);
}

/* *copy = *options, with the exclude and exclude_events ids copied into blocks that copy owns
 * (free_options_copy frees them). On failure copy owns nothing. */
static int copy_options(coopnet_graph_options_t *copy, const coopnet_graph_options_t *options,
                        coopnet_error_t *err)
{
    *copy = *options;
    copy->exclude = NULL;
    copy->exclude_events = NULL;
    copy->layers = NULL;
    if (options->layers != NULL && (copy->layers = strdup(options->layers)) == NULL)
        return COOPNET_ERROR(err, COOPNET_ENOMEM, "out of memory copying the graph options");
    int status = copy_ids(options->exclude, options->n_exclude, &copy->exclude, err);
    if (status == COOPNET_OK)
        status = copy_ids(options->exclude_events, options->n_exclude_events, &copy->exclude_events,
                          err);
    if (status != COOPNET_OK) {
        free_options_copy(copy);
        copy->exclude = copy->exclude_events = NULL;
        copy->layers = NULL;
    }
    return status;
}

/* EINVAL naming the first id of options->exclude_events that is no event of bundle. */
static int check_excluded_events(const coopnet_bundle_t *bundle,
                                 const coopnet_graph_options_t *options, coopnet_error_t *err)
{
    for (size_t i = 0; i < options->n_exclude_events; i++)
        if (coopnet_bundle_find_event(bundle, options->exclude_events[i]) < 0)
            return COOPNET_ERROR(err, COOPNET_EINVAL,
                                 "unknown event '%s' among the events to exclude",
                                 options->exclude_events[i]);
    return COOPNET_OK;
}

int coopnet_i_graph_select_actors(const coopnet_bundle_t *bundle,
                                  const coopnet_graph_options_t *options,
                                  igraph_vector_int_t *vertex_of_actor,
                                  igraph_vector_int_t *actor_of_vertex, coopnet_error_t *err)
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

/* The bound of coopnet_graph_estimate_memory on the links among the kept actors (vertex_of:
 * actor -> vertex or -1); *largest_event receives the most kept participants of one event. */
static int bound_links(const coopnet_bundle_t *bundle, const coopnet_graph_options_t *options,
                       const igraph_integer_t *vertex_of, size_t n_vertices, uint64_t *links,
                       uint64_t *largest_event, coopnet_error_t *err)
{
    *links = 0;
    *largest_event = 0;
    if (n_vertices < 2)
        return COOPNET_OK;
    /* per vertex: an upper bound on its neighbours (events' sizes less one, plus ties) */
    uint64_t *reach_of = calloc(n_vertices, sizeof *reach_of);
    if (reach_of == NULL)
        return COOPNET_ERROR(err, COOPNET_ENOMEM, "out of memory estimating the graph");
    uint64_t pairs = 0; /* sum over events of k (k - 1) / 2, plus the ties */
    bool events = options->layer != COOPNET_LAYER_TIES;
    for (size_t e = 0; events && e < bundle->n_events; e++) {
        if (!coopnet_graph_keeps_event(bundle, e, options))
            continue;
        uint64_t kept = 0;
        for (size_t p = bundle->event_start[e]; p < bundle->event_start[e + 1]; p++)
            kept += vertex_of[bundle->participations[p].actor] >= 0;
        if (kept < 2)
            continue;
        if (kept > *largest_event)
            *largest_event = kept;
        pairs += kept * (kept - 1) / 2;
        for (size_t p = bundle->event_start[e]; p < bundle->event_start[e + 1]; p++) {
            igraph_integer_t v = vertex_of[bundle->participations[p].actor];
            if (v >= 0)
                reach_of[v] += kept - 1;
        }
    }
    for (size_t t = 0; options->layer != COOPNET_LAYER_EVENTS && t < bundle->n_ties; t++) {
        if (!coopnet_graph_keeps_tie(bundle, t, options))
            continue;
        igraph_integer_t a = vertex_of[bundle->ties[t].from], b = vertex_of[bundle->ties[t].to];
        if (a < 0 || b < 0 || a == b)
            continue;
        pairs++;
        reach_of[a]++;
        reach_of[b]++;
    }
    uint64_t ends = 0;
    for (size_t v = 0; v < n_vertices; v++)
        ends += reach_of[v] < n_vertices - 1 ? reach_of[v] : n_vertices - 1;
    free(reach_of);
    *links = ends / 2 < pairs ? ends / 2 : pairs;
    return COOPNET_OK;
}

/* ELIMIT when the graph's estimate is over options->memory_limit, naming the largest event. */
static int check_graph_memory(const coopnet_bundle_t *bundle,
                              const coopnet_graph_options_t *options,
                              const igraph_integer_t *vertex_of, size_t n_vertices,
                              coopnet_error_t *err)
{
    uint64_t links, largest;
    int status = bound_links(bundle, options, vertex_of, n_vertices, &links, &largest, err);
    if (status != COOPNET_OK)
        return status;
    uint64_t needed = links * COOPNET_GRAPH_BYTES_PER_LINK;
    char largest_text[96] = "";
    if (largest > 0)
        snprintf(largest_text, sizeof largest_text, ": its largest event has %llu participants",
                 (unsigned long long)largest);
    return coopnet_graph_check_memory(options->memory_limit, needed, err,
                                      "the cooperation graph (%zu actors, up to %llu links%s)",
                                      n_vertices, (unsigned long long)links, largest_text);
}

int coopnet_graph_estimate_memory(const coopnet_bundle_t *bundle,
                                  const coopnet_graph_options_t *options, uint64_t *bytes,
                                  uint64_t *links, coopnet_error_t *err)
{
    coopnet_library_init();
    igraph_vector_int_t vertex_of_actor, actor_of_vertex;
    int status = COOPNET_OK;
    uint64_t bound = 0, largest;
    COOPNET_IGRAPH_CHECK(err, status, igraph_vector_int_init(&vertex_of_actor, 0),
                         "estimating the graph");
    if (igraph_vector_int_init(&actor_of_vertex, 0) != IGRAPH_SUCCESS) {
        igraph_vector_int_destroy(&vertex_of_actor);
        return COOPNET_ERROR(err, COOPNET_ENOMEM, "out of memory estimating the graph");
    }
    status =
        coopnet_i_graph_select_actors(bundle, options, &vertex_of_actor, &actor_of_vertex, err);
    if (status == COOPNET_OK)
        status =
            bound_links(bundle, options, VECTOR(vertex_of_actor),
                        (size_t)igraph_vector_int_size(&actor_of_vertex), &bound, &largest, err);
    igraph_vector_int_destroy(&vertex_of_actor);
    igraph_vector_int_destroy(&actor_of_vertex);
cleanup:
    if (bytes)
        *bytes = bound * COOPNET_GRAPH_BYTES_PER_LINK;
    if (links)
        *links = bound;
    return status;
}

void coopnet_graph_destroy(coopnet_graph_t *graph)
{
    if (graph == NULL)
        return;
    unsigned members = graph->members_;
    if (members & MEMBER_GRAPH)
        igraph_destroy(&graph->graph);
    if (members & MEMBER_WEIGHT)
        igraph_vector_destroy(&graph->weight);
    if (members & MEMBER_SHARED_EVENTS)
        igraph_vector_int_destroy(&graph->shared_events);
    if (members & MEMBER_SHARED_TIES)
        igraph_vector_int_destroy(&graph->shared_ties);
    if (members & MEMBER_ACTOR_OF_VERTEX)
        igraph_vector_int_destroy(&graph->actor_of_vertex);
    if (members & MEMBER_VERTEX_OF_ACTOR)
        igraph_vector_int_destroy(&graph->vertex_of_actor);
    if (members & MEMBER_LAYER_SET)
        igraph_vector_int_destroy(&graph->layer_set);
    if (members & MEMBER_OPTIONS)
        free_options_copy(&graph->options);
    for (size_t i = 0; i < graph->n_layer_sets; i++)
        free(graph->layer_sets[i]);
    free(graph->layer_sets);
    memset(graph, 0, sizeof *graph);
}

int coopnet_i_graph_keep_vertices_only(coopnet_graph_t *graph, coopnet_error_t *err)
{
    if (!(graph->members_ & MEMBER_GRAPH))
        return COOPNET_ERROR(err, COOPNET_EINVAL, "keeping the vertices of a graph not built");
    igraph_t vertices;
    if (igraph_empty(&vertices, igraph_vcount(&graph->graph), IGRAPH_UNDIRECTED) != IGRAPH_SUCCESS)
        return COOPNET_ERROR(err, COOPNET_ENOMEM, "out of memory");
    igraph_destroy(&graph->graph);
    graph->graph = vertices;
    /* resizing to 0 keeps the storage; resize_min gives it back */
    igraph_vector_clear(&graph->weight);
    igraph_vector_resize_min(&graph->weight);
    igraph_vector_int_clear(&graph->shared_events);
    igraph_vector_int_resize_min(&graph->shared_events);
    igraph_vector_int_clear(&graph->shared_ties);
    igraph_vector_int_resize_min(&graph->shared_ties);
    igraph_vector_int_clear(&graph->layer_set);
    igraph_vector_int_resize_min(&graph->layer_set);
    return COOPNET_OK;
}

const char *coopnet_graph_edge_layers(const coopnet_graph_t *graph, igraph_integer_t edge)
{
    return graph->layer_sets[VECTOR(graph->layer_set)[edge]];
}

static int compare_int32(const void *a, const void *b)
{
    int32_t x = *(const int32_t *)a, y = *(const int32_t *)b;
    return x < y ? -1 : x > y;
}

/* A kept tie as its smaller end vertex sees it. */
typedef struct tie_slot {
    int32_t other; /* the other end vertex */
    int32_t type;  /* index into builder->type_names */
    double weight;
} tie_slot_t;

/* The workspace of one build: CSR indexes of the kept events and ties of every vertex, and a
 * sparse accumulator over the other end of the pairs of the current vertex. Allocated once per
 * build (never in the per-vertex loop). */
typedef struct builder {
    size_t n_vertices;
    size_t *event_start;       /* CSR: kept events of each vertex */
    int32_t *events;           /* their indexes in the bundle */
    int32_t *events_of_vertex; /* kept events per vertex (for jaccard) */
    size_t *tie_start;         /* CSR: ties owned by the smaller end vertex */
    tie_slot_t *ties;          /* each sorted by its other end, then type */
    const char **type_names;   /* the distinct tie types of the bundle, sorted (strcmp) */
    size_t n_types;
    /* the accumulator, indexed by the other end */
    int32_t *shared_events;
    double *event_weight; /* sum of 1 / (size - 1) over the shared events */
    int32_t *shared_ties;
    double *shared_tie_weight;
    int32_t *touched; /* the other ends seen for the current vertex */
    size_t n_touched;
    unsigned char *seen;
    /* the layer sets found so far: their text -> index + 1 in graph->layer_sets (keys owned by
     * the graph), the text of the current edge's, and graph->layer_sets' capacity */
    GHashTable *layer_set_index;
    char *layer_text;
    size_t layer_text_capacity;
    size_t layer_sets_capacity;
    igraph_integer_t events_only; /* the index of the layer set "events", -1 until found */
} builder_t;

static void builder_free(builder_t *builder)
{
    free(builder->event_start);
    free(builder->events);
    free(builder->events_of_vertex);
    free(builder->tie_start);
    free(builder->ties);
    free(builder->type_names);
    free(builder->shared_events);
    free(builder->event_weight);
    free(builder->shared_ties);
    free(builder->shared_tie_weight);
    free(builder->touched);
    free(builder->seen);
    free(builder->layer_text);
    if (builder->layer_set_index != NULL)
        g_hash_table_destroy(builder->layer_set_index);
}

/* On failure (COOPNET_ENOMEM) the builder is left for builder_free. */
static int builder_alloc(builder_t *builder, size_t n_vertices, const coopnet_bundle_t *bundle,
                         coopnet_error_t *err)
{
    size_t slots = n_vertices + 1;
    builder->n_vertices = n_vertices;
    builder->event_start = calloc(slots, sizeof *builder->event_start);
    builder->events = coopnet_i_alloc_array(bundle->n_participations, sizeof *builder->events);
    builder->events_of_vertex = calloc(slots, sizeof *builder->events_of_vertex);
    builder->tie_start = calloc(slots, sizeof *builder->tie_start);
    builder->ties = coopnet_i_alloc_array(bundle->n_ties, sizeof *builder->ties);
    builder->type_names = coopnet_i_alloc_array(bundle->n_ties, sizeof *builder->type_names);
    builder->shared_events = calloc(slots, sizeof *builder->shared_events);
    builder->event_weight = calloc(slots, sizeof *builder->event_weight);
    builder->shared_ties = calloc(slots, sizeof *builder->shared_ties);
    builder->shared_tie_weight = calloc(slots, sizeof *builder->shared_tie_weight);
    builder->touched = coopnet_i_alloc_array(slots, sizeof *builder->touched);
    builder->seen = calloc(slots, 1);
    builder->layer_set_index = g_hash_table_new(g_str_hash, g_str_equal);
    builder->events_only = -1;
    if (!builder->event_start || !builder->events || !builder->events_of_vertex ||
        !builder->tie_start || !builder->ties || !builder->type_names || !builder->shared_events ||
        !builder->event_weight || !builder->shared_ties || !builder->shared_tie_weight ||
        !builder->touched || !builder->seen)
        return COOPNET_ERROR(err, COOPNET_ENOMEM, "out of memory building the cooperation graph");
    return COOPNET_OK;
}

/* The kept events of each kept actor, as a CSR index (two passes: count, then fill). */
static void index_kept_events(builder_t *builder, const coopnet_bundle_t *bundle,
                              const coopnet_graph_options_t *options,
                              const igraph_integer_t *vertex_of)
{
    size_t *start = builder->event_start;
    int32_t *count = builder->events_of_vertex;
    for (size_t e = 0; e < bundle->n_events; e++) {
        if (!coopnet_graph_keeps_event(bundle, e, options))
            continue;
        for (size_t p = bundle->event_start[e]; p < bundle->event_start[e + 1]; p++) {
            igraph_integer_t v = vertex_of[bundle->participations[p].actor];
            if (v >= 0)
                start[v + 1]++;
        }
    }
    for (size_t v = 0; v < builder->n_vertices; v++) {
        count[v] = (int32_t)start[v + 1];
        start[v + 1] += start[v];
    }
    for (size_t e = 0; e < bundle->n_events; e++) {
        if (!coopnet_graph_keeps_event(bundle, e, options))
            continue;
        for (size_t p = bundle->event_start[e]; p < bundle->event_start[e + 1]; p++) {
            igraph_integer_t v = vertex_of[bundle->participations[p].actor];
            if (v >= 0)
                builder->events[start[v] + (size_t)--count[v]] = (int32_t)e;
        }
    }
    for (size_t v = 0; v < builder->n_vertices; v++)
        count[v] = (int32_t)(start[v + 1] - start[v]);
}

static int compare_names(const void *a, const void *b)
{
    return strcmp(*(const char *const *)a, *(const char *const *)b);
}

static int compare_tie_slots(const void *a, const void *b)
{
    const tie_slot_t *x = a, *y = b;
    if (x->other != y->other)
        return x->other < y->other ? -1 : 1;
    return x->type < y->type ? -1 : x->type > y->type;
}

/* builder->type_names: the distinct tie types of the bundle, sorted. O(T log T). */
static void index_tie_types(builder_t *builder, const coopnet_bundle_t *bundle)
{
    for (size_t t = 0; t < bundle->n_ties; t++)
        builder->type_names[t] = bundle->ties[t].type;
    qsort(builder->type_names, bundle->n_ties, sizeof *builder->type_names, compare_names);
    size_t n = 0;
    for (size_t t = 0; t < bundle->n_ties; t++)
        if (n == 0 || strcmp(builder->type_names[n - 1], builder->type_names[t]) != 0)
            builder->type_names[n++] = builder->type_names[t];
    builder->n_types = n;
}

/* The kept ties between kept actors, each owned by its smaller end, as a CSR index (each vertex's
 * sorted by other end, then type, for the layers of its edges). */
static int index_kept_ties(builder_t *builder, const coopnet_bundle_t *bundle,
                           const coopnet_graph_options_t *options,
                           const igraph_integer_t *vertex_of, coopnet_error_t *err)
{
    size_t *start = builder->tie_start;
    index_tie_types(builder, bundle);
    for (size_t t = 0; t < bundle->n_ties; t++) {
        if (!coopnet_graph_keeps_tie(bundle, t, options))
            continue;
        igraph_integer_t a = vertex_of[bundle->ties[t].from], b = vertex_of[bundle->ties[t].to];
        if (a >= 0 && b >= 0)
            start[(a < b ? a : b) + 1]++;
    }
    for (size_t v = 0; v < builder->n_vertices; v++)
        start[v + 1] += start[v];
    size_t *next = coopnet_i_alloc_array(builder->n_vertices + 1, sizeof *next);
    if (next == NULL)
        return COOPNET_ERROR(err, COOPNET_ENOMEM, "out of memory building the cooperation graph");
    memcpy(next, start, (builder->n_vertices + 1) * sizeof *next);
    for (size_t t = 0; t < bundle->n_ties; t++) {
        if (!coopnet_graph_keeps_tie(bundle, t, options))
            continue;
        igraph_integer_t a = vertex_of[bundle->ties[t].from], b = vertex_of[bundle->ties[t].to];
        if (a < 0 || b < 0)
            continue;
        size_t slot = next[a < b ? a : b]++;
        const char **type = bsearch(&bundle->ties[t].type, builder->type_names, builder->n_types,
                                    sizeof *builder->type_names, compare_names);
        builder->ties[slot] =
            (tie_slot_t){(int32_t)(a < b ? b : a), (int32_t)(type - builder->type_names),
                         bundle->ties[t].weight};
    }
    free(next);
    for (size_t v = 0; v < builder->n_vertices; v++)
        qsort(builder->ties + start[v], start[v + 1] - start[v], sizeof *builder->ties,
              compare_tie_slots);
    return COOPNET_OK;
}

static void touch(builder_t *builder, int32_t other)
{
    if (!builder->seen[other]) {
        builder->seen[other] = 1;
        builder->touched[builder->n_touched++] = other;
    }
}

/* Accumulates what vertex u shares with every later vertex (events, ties). */
static void accumulate_pairs_of(builder_t *builder, const coopnet_bundle_t *bundle,
                                const igraph_integer_t *vertex_of, size_t u)
{
    builder->n_touched = 0;
    for (size_t k = builder->event_start[u]; k < builder->event_start[u + 1]; k++) {
        size_t e = (size_t)builder->events[k];
        size_t size = bundle->event_start[e + 1] - bundle->event_start[e];
        double newman = size > 1 ? 1.0 / (double)(size - 1) : 0.0;
        for (size_t p = bundle->event_start[e]; p < bundle->event_start[e + 1]; p++) {
            igraph_integer_t v = vertex_of[bundle->participations[p].actor];
            if (v <= (igraph_integer_t)u)
                continue;
            touch(builder, (int32_t)v);
            builder->shared_events[v]++;
            builder->event_weight[v] += newman;
        }
    }
    for (size_t k = builder->tie_start[u]; k < builder->tie_start[u + 1]; k++) {
        int32_t v = builder->ties[k].other;
        touch(builder, v);
        builder->shared_ties[v]++;
        builder->shared_tie_weight[v] += builder->ties[k].weight;
    }
    qsort(builder->touched, builder->n_touched, sizeof *builder->touched, compare_int32);
}

/* The weight of the pair (u, v) from the shared events under weighting, plus the ties'. */
static double pair_weight(const builder_t *builder, coopnet_weighting_t weighting, size_t u,
                          int32_t v)
{
    double event_weight = 0;
    int32_t shared = builder->shared_events[v];
    if (shared > 0) {
        if (weighting == COOPNET_WEIGHTING_COUNT)
            event_weight = shared;
        else if (weighting == COOPNET_WEIGHTING_NEWMAN)
            event_weight = builder->event_weight[v];
        else
            event_weight = (double)shared / (double)(builder->events_of_vertex[u] +
                                                     builder->events_of_vertex[v] - shared);
    }
    return event_weight + builder->shared_tie_weight[v];
}

/* Whether the backbone keeps the pair of actors (a, b), a < b: its pairs are sorted by actor_a,
 * then actor_b. */
static bool backbone_keeps(const coopnet_backbone_t *backbone, igraph_integer_t a,
                           igraph_integer_t b)
{
    size_t low = 0, high = backbone->n_pairs;
    while (low < high) {
        size_t middle = low + (high - low) / 2;
        const coopnet_backbone_pair_t *pair = &backbone->pairs[middle];
        if (pair->actor_a < a || (pair->actor_a == a && pair->actor_b < b))
            low = middle + 1;
        else
            high = middle;
    }
    return low < backbone->n_pairs && backbone->pairs[low].actor_a == a &&
           backbone->pairs[low].actor_b == b && backbone->pairs[low].kept;
}

/* Removes the shared events of the pairs of u that the backbone option does not keep (backbone:
 * the tested pairs, for sdsm and fixed-row). */
static void filter_backbone(builder_t *builder, const coopnet_graph_t *graph,
                            const coopnet_backbone_t *backbone, size_t u)
{
    const coopnet_graph_backbone_t *option = &graph->options.backbone;
    const igraph_integer_t *actor_of = VECTOR(graph->actor_of_vertex);
    for (size_t i = 0; i < builder->n_touched; i++) {
        int32_t v = builder->touched[i];
        int32_t shared = builder->shared_events[v];
        if (shared == 0)
            continue;
        bool kept = option->kind == COOPNET_GRAPH_BACKBONE_MIN_SHARED
                        ? shared >= option->min_shared
                        : backbone_keeps(backbone, actor_of[u], actor_of[v]);
        if (!kept) {
            builder->shared_events[v] = 0;
            builder->event_weight[v] = 0;
        }
    }
}

/* Appends name to the layer text of the current edge (length bytes so far), after a ';'. */
static int append_layer(builder_t *builder, size_t *length, const char *name, coopnet_error_t *err)
{
    size_t name_length = strlen(name);
    if (coopnet_i_grow((void **)&builder->layer_text, &builder->layer_text_capacity,
                       *length + name_length + 2, 1) != COOPNET_OK)
        return COOPNET_ERROR(err, COOPNET_ENOMEM, "out of memory building the cooperation graph");
    if (*length > 0)
        builder->layer_text[(*length)++] = ';';
    memcpy(builder->layer_text + *length, name, name_length);
    *length += name_length;
    builder->layer_text[*length] = '\0';
    return COOPNET_OK;
}

/* *index receives the index in graph->layer_sets of the layers of the edge (u, v), added when
 * new: "events" when the pair kept shared events, then the types of its ties, read from u's tie
 * slots from *tie on (which moves past v's: the other ends come in increasing order). */
static int find_layer_set(builder_t *builder, coopnet_graph_t *graph, size_t u, int32_t v,
                          size_t *tie, igraph_integer_t *index, coopnet_error_t *err)
{
    size_t end = builder->tie_start[u + 1], length = 0;
    int status = COOPNET_OK;
    while (*tie < end && builder->ties[*tie].other < v)
        (*tie)++;
    bool tied = *tie < end && builder->ties[*tie].other == v;
    if (!tied && builder->events_only >= 0) { /* most links: co-attendance alone */
        *index = builder->events_only;
        return COOPNET_OK;
    }
    if (builder->shared_events[v] > 0 &&
        (status = append_layer(builder, &length, "events", err)) != COOPNET_OK)
        return status;
    for (int32_t last_type = -1; *tie < end && builder->ties[*tie].other == v; (*tie)++) {
        int32_t type = builder->ties[*tie].type;
        if (type != last_type &&
            (status = append_layer(builder, &length, builder->type_names[type], err)) != COOPNET_OK)
            return status;
        last_type = type;
    }
    gpointer found = g_hash_table_lookup(builder->layer_set_index, builder->layer_text);
    if (found != NULL) {
        *index = (igraph_integer_t)GPOINTER_TO_SIZE(found) - 1;
        if (!tied)
            builder->events_only = *index;
        return COOPNET_OK;
    }
    char *text = strdup(builder->layer_text);
    if (text == NULL ||
        coopnet_i_grow((void **)&graph->layer_sets, &builder->layer_sets_capacity,
                       graph->n_layer_sets + 1, sizeof *graph->layer_sets) != COOPNET_OK) {
        free(text);
        return COOPNET_ERROR(err, COOPNET_ENOMEM, "out of memory building the cooperation graph");
    }
    graph->layer_sets[graph->n_layer_sets++] = text;
    g_hash_table_insert(builder->layer_set_index, text, GSIZE_TO_POINTER(graph->n_layer_sets));
    *index = (igraph_integer_t)graph->n_layer_sets - 1;
    if (!tied)
        builder->events_only = *index;
    return COOPNET_OK;
}

/* Room for `more` elements after the size of each vector, growing by doubling (igraph's own
 * reserve grows to the exact size asked, which appending vertex by vertex makes quadratic). */
static igraph_error_t reserve_int(igraph_vector_int_t *vector, igraph_integer_t more)
{
    igraph_integer_t needed = igraph_vector_int_size(vector) + more;
    igraph_integer_t capacity = igraph_vector_int_capacity(vector);
    return needed <= capacity
               ? IGRAPH_SUCCESS
               : igraph_vector_int_reserve(vector, needed > 2 * capacity ? needed : 2 * capacity);
}

static igraph_error_t reserve_real(igraph_vector_t *vector, igraph_integer_t more)
{
    igraph_integer_t needed = igraph_vector_size(vector) + more;
    igraph_integer_t capacity = igraph_vector_capacity(vector);
    return needed <= capacity
               ? IGRAPH_SUCCESS
               : igraph_vector_reserve(vector, needed > 2 * capacity ? needed : 2 * capacity);
}

/* Room for `more` links after the graph's links so far: in edges (two ends each) and in the
 * per-link vectors. */
static igraph_error_t reserve_links(coopnet_graph_t *graph, igraph_vector_int_t *edges,
                                    igraph_integer_t more)
{
    igraph_error_t failed;
    if ((failed = reserve_int(edges, 2 * more)) != IGRAPH_SUCCESS ||
        (failed = reserve_real(&graph->weight, more)) != IGRAPH_SUCCESS ||
        (failed = reserve_int(&graph->shared_events, more)) != IGRAPH_SUCCESS ||
        (failed = reserve_int(&graph->shared_ties, more)) != IGRAPH_SUCCESS)
        return failed;
    return reserve_int(&graph->layer_set, more);
}

/* Appends the edges of u to its later neighbours (in vertex order) and clears the accumulator. */
static int add_edges_of(builder_t *builder, coopnet_graph_t *graph, igraph_vector_int_t *edges,
                        size_t u, coopnet_error_t *err)
{
    int status = COOPNET_OK;
    size_t tie = builder->tie_start[u];
    igraph_integer_t more = (igraph_integer_t)builder->n_touched;
    igraph_integer_t at = igraph_vector_size(&graph->weight); /* the next link's index */
    COOPNET_IGRAPH_CHECK(err, status, reserve_links(graph, edges, more),
                         "building the cooperation graph");
    /* written in place within the room reserved, the sizes set once at the end */
    for (size_t i = 0; i < builder->n_touched; i++) {
        int32_t v = builder->touched[i];
        if (builder->shared_events[v] == 0 && builder->shared_ties[v] == 0) {
            builder->seen[v] = 0; /* co-attendance left out by the backbone, and no tie */
            builder->event_weight[v] = 0;
            builder->shared_tie_weight[v] = 0;
            continue;
        }
        igraph_integer_t layer_set = 0;
        if ((status = find_layer_set(builder, graph, u, v, &tie, &layer_set, err)) != COOPNET_OK)
            goto cleanup;
        VECTOR(*edges)[2 * at] = (igraph_integer_t)u;
        VECTOR(*edges)[2 * at + 1] = v;
        VECTOR(graph->weight)[at] = pair_weight(builder, graph->options.weighting, u, v);
        VECTOR(graph->shared_events)[at] = builder->shared_events[v];
        VECTOR(graph->shared_ties)[at] = builder->shared_ties[v];
        VECTOR(graph->layer_set)[at] = layer_set;
        at++;
        builder->seen[v] = 0;
        builder->shared_events[v] = 0;
        builder->event_weight[v] = 0;
        builder->shared_ties[v] = 0;
        builder->shared_tie_weight[v] = 0;
    }
cleanup:
    /* within the capacity: these only set the sizes */
    igraph_vector_int_resize(edges, 2 * at);
    igraph_vector_resize(&graph->weight, at);
    igraph_vector_int_resize(&graph->shared_events, at);
    igraph_vector_int_resize(&graph->shared_ties, at);
    igraph_vector_int_resize(&graph->layer_set, at);
    return status;
}

/* The graph's members, each marked in members_ once initialised (destroy frees those). */
static int init_members(coopnet_graph_t *graph, coopnet_error_t *err)
{
    int status = COOPNET_OK;
    COOPNET_IGRAPH_CHECK(err, status, igraph_vector_int_init(&graph->vertex_of_actor, 0),
                         "building the cooperation graph");
    graph->members_ |= MEMBER_VERTEX_OF_ACTOR;
    COOPNET_IGRAPH_CHECK(err, status, igraph_vector_int_init(&graph->actor_of_vertex, 0),
                         "building the cooperation graph");
    graph->members_ |= MEMBER_ACTOR_OF_VERTEX;
    COOPNET_IGRAPH_CHECK(err, status, igraph_vector_init(&graph->weight, 0),
                         "building the cooperation graph");
    graph->members_ |= MEMBER_WEIGHT;
    COOPNET_IGRAPH_CHECK(err, status, igraph_vector_int_init(&graph->shared_events, 0),
                         "building the cooperation graph");
    graph->members_ |= MEMBER_SHARED_EVENTS;
    COOPNET_IGRAPH_CHECK(err, status, igraph_vector_int_init(&graph->shared_ties, 0),
                         "building the cooperation graph");
    graph->members_ |= MEMBER_SHARED_TIES;
    COOPNET_IGRAPH_CHECK(err, status, igraph_vector_int_init(&graph->layer_set, 0),
                         "building the cooperation graph");
    graph->members_ |= MEMBER_LAYER_SET;
cleanup:
    return status;
}

/* For the sdsm and fixed-row backbone options, the pairs tested on the two-mode graph of the same
 * options; otherwise nothing. */
static int test_backbone(const coopnet_bundle_t *bundle, const coopnet_graph_options_t *options,
                         coopnet_backbone_t *backbone, coopnet_error_t *err)
{
    coopnet_graph_backbone_kind_t kind = options->backbone.kind;
    if ((kind != COOPNET_GRAPH_BACKBONE_SDSM && kind != COOPNET_GRAPH_BACKBONE_FIXED_ROW) ||
        options->layer == COOPNET_LAYER_TIES)
        return COOPNET_OK;
    coopnet_backbone_options_t test;
    coopnet_backbone_options_init(&test);
    test.model =
        kind == COOPNET_GRAPH_BACKBONE_SDSM ? COOPNET_BACKBONE_SDSM : COOPNET_BACKBONE_FIXED_ROW;
    coopnet_two_mode_t two_mode;
    int status = coopnet_two_mode_init(&two_mode, bundle, options, err);
    if (status == COOPNET_OK)
        status = coopnet_backbone_compute(&two_mode, &test, backbone, err);
    coopnet_two_mode_destroy(&two_mode);
    return status;
}

int coopnet_graph_init_cooperation(coopnet_graph_t *graph, const coopnet_bundle_t *bundle,
                                   const coopnet_graph_options_t *options, coopnet_error_t *err)
{
    return coopnet_i_graph_init_cooperation_sized(graph, bundle, options, 0, err);
}

int coopnet_i_graph_init_cooperation_sized(coopnet_graph_t *graph, const coopnet_bundle_t *bundle,
                                           const coopnet_graph_options_t *options,
                                           size_t expected_links, coopnet_error_t *err)
{
    coopnet_library_init();
    memset(graph, 0, sizeof *graph);
    int status = COOPNET_OK;
    igraph_vector_int_t edges;
    bool have_edges = false;
    builder_t builder;
    memset(&builder, 0, sizeof builder);
    coopnet_backbone_t backbone = {0};

    graph->bundle = bundle;
    if ((status = copy_options(&graph->options, options, err)) != COOPNET_OK)
        goto cleanup;
    graph->members_ |= MEMBER_OPTIONS;
    if ((status = init_members(graph, err)) != COOPNET_OK)
        goto cleanup;
    options = &graph->options;
    COOPNET_IGRAPH_CHECK(err, status, igraph_vector_int_init(&edges, 0),
                         "building the cooperation graph");
    have_edges = true;
    if ((status = coopnet_i_graph_select_actors(bundle, options, &graph->vertex_of_actor,
                                                &graph->actor_of_vertex, err)) != COOPNET_OK ||
        (status = check_excluded_events(bundle, options, err)) != COOPNET_OK ||
        (status = coopnet_graph_check_layers(bundle, options, err)) != COOPNET_OK)
        goto cleanup;
    size_t n_vertices = (size_t)igraph_vector_int_size(&graph->actor_of_vertex);
    const igraph_integer_t *vertex_of = VECTOR(graph->vertex_of_actor);
    if ((status = check_graph_memory(bundle, options, vertex_of, n_vertices, err)) != COOPNET_OK)
        goto cleanup;
    if ((status = builder_alloc(&builder, n_vertices, bundle, err)) != COOPNET_OK)
        goto cleanup;
    if (expected_links > 0)
        COOPNET_IGRAPH_CHECK(err, status,
                             reserve_links(graph, &edges, (igraph_integer_t)expected_links),
                             "building the cooperation graph");
    index_kept_events(&builder, bundle, options, vertex_of);
    if ((status = index_kept_ties(&builder, bundle, options, vertex_of, err)) != COOPNET_OK)
        goto cleanup;
    if ((status = test_backbone(bundle, options, &backbone, err)) != COOPNET_OK)
        goto cleanup;
    bool filter = options->backbone.kind != COOPNET_GRAPH_BACKBONE_NONE;
    for (size_t u = 0; u < n_vertices; u++) {
        accumulate_pairs_of(&builder, bundle, vertex_of, u);
        if (filter)
            filter_backbone(&builder, graph, &backbone, u);
        if ((status = add_edges_of(&builder, graph, &edges, u, err)) != COOPNET_OK)
            goto cleanup;
    }
    COOPNET_IGRAPH_CHECK(
        err, status,
        igraph_create(&graph->graph, &edges, (igraph_integer_t)n_vertices, IGRAPH_UNDIRECTED),
        "building the cooperation graph");
    graph->members_ |= MEMBER_GRAPH;
    graph->build_id = (uint64_t)atomic_fetch_add(&graph_builds, 1) + 1;
cleanup:
    if (have_edges)
        igraph_vector_int_destroy(&edges);
    builder_free(&builder);
    coopnet_backbone_destroy(&backbone);
    if (status != COOPNET_OK)
        coopnet_graph_destroy(graph);
    return status;
}

int coopnet_two_mode_init(coopnet_two_mode_t *two_mode, const coopnet_bundle_t *bundle,
                          const coopnet_graph_options_t *options, coopnet_error_t *err)
{
    coopnet_library_init();
    memset(two_mode, 0, sizeof *two_mode);
    int status = COOPNET_OK;
    two_mode->bundle = bundle;
    if ((status = copy_options(&two_mode->options, options, err)) != COOPNET_OK)
        return status;
    two_mode->members_ |= MEMBER_OPTIONS;
    options = &two_mode->options;
    igraph_vector_int_t vertex_of_actor, actor_of_vertex, edges;
    memset(&vertex_of_actor, 0, sizeof vertex_of_actor);
    memset(&actor_of_vertex, 0, sizeof actor_of_vertex);
    memset(&edges, 0, sizeof edges);
    COOPNET_IGRAPH_CHECK(err, status, igraph_vector_int_init(&vertex_of_actor, 0),
                         "building the two-mode graph");
    COOPNET_IGRAPH_CHECK(err, status, igraph_vector_int_init(&actor_of_vertex, 0),
                         "building the two-mode graph");
    COOPNET_IGRAPH_CHECK(err, status, igraph_vector_int_init(&edges, 0),
                         "building the two-mode graph");
    COOPNET_IGRAPH_CHECK(err, status, igraph_vector_bool_init(&two_mode->is_event, 0),
                         "building the two-mode graph");
    two_mode->members_ |= MEMBER_IS_EVENT;
    COOPNET_IGRAPH_CHECK(err, status, igraph_vector_int_init(&two_mode->item, 0),
                         "building the two-mode graph");
    two_mode->members_ |= MEMBER_ITEM;
    if ((status = coopnet_i_graph_select_actors(bundle, options, &vertex_of_actor, &actor_of_vertex,
                                                err)) != COOPNET_OK ||
        (status = check_excluded_events(bundle, options, err)) != COOPNET_OK)
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
    two_mode->members_ |= MEMBER_GRAPH;
cleanup:
    if (vertex_of_actor.stor_begin)
        igraph_vector_int_destroy(&vertex_of_actor);
    if (actor_of_vertex.stor_begin)
        igraph_vector_int_destroy(&actor_of_vertex);
    if (edges.stor_begin)
        igraph_vector_int_destroy(&edges);
    if (status != COOPNET_OK)
        coopnet_two_mode_destroy(two_mode);
    return status;
}

void coopnet_two_mode_destroy(coopnet_two_mode_t *two_mode)
{
    if (two_mode == NULL)
        return;
    unsigned members = two_mode->members_;
    if (members & MEMBER_GRAPH)
        igraph_destroy(&two_mode->graph);
    if (members & MEMBER_IS_EVENT)
        igraph_vector_bool_destroy(&two_mode->is_event);
    if (members & MEMBER_ITEM)
        igraph_vector_int_destroy(&two_mode->item);
    if (members & MEMBER_OPTIONS)
        free_options_copy(&two_mode->options);
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
