/* SPDX-License-Identifier: GPL-3.0-or-later */
/* explore.c - the interactive explorer page (see coopnet/explore.h): the bundle, the network
 * figure's layout, the measures and each link's evidence as JSON, between the page's template,
 * the D3 library and the page's code (src/report/explore.html and explore.js, embedded at build
 * time by cmake/embed-files.cmake). */
#include "coopnet/explore.h"
#include "coopnet/centrality.h"
#include "coopnet/graph.h"
#include "coopnet/library.h"
#include "coopnet/output.h"
#include "coopnet/whatif.h"
#include "core/internal.h"
#include "figures/basemap.h"
#include "figures/draw.h"

#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "explore_page.inc" /* explore_template[], explore_code[] */

/* The template's places for the parts the writer fills in, in this order. */
static const char *const template_marks[] = {"<!--coopnet:d3-->", "<!--coopnet:data-->",
                                             "<!--coopnet:code-->"};
#define N_MARKS (sizeof template_marks / sizeof template_marks[0])

#define D3_MAX_BYTES (16u << 20) /* a D3 build is a few hundred kB: anything larger is wrong */

/* The basemap's outlines in the page: a vertex closer than BASEMAP_TOLERANCE (pt of the figure's
 * canvas) to the last one kept is dropped, and coordinates are written in tenths of a point
 * (BASEMAP_UNITS per point). The MENA map view opens at about 1.3 pixels per point, where 0.3 pt
 * is under half a pixel (zoomed in further, coasts show their corners), for 0.23 MB of outlines. */
#define BASEMAP_TOLERANCE 0.3
#define BASEMAP_UNITS 10.0

void coopnet_explore_options_init(coopnet_explore_options_t *options)
{
    memset(options, 0, sizeof *options);
    coopnet_render_options_init(&options->render);
}

/* ---- JSON that cannot end its <script> element ---- */

/* Writes text as a JSON string safe inside <script>: besides JSON's own escapes, '<', '>' and '&'
 * as \u escapes (so neither "</script" nor "<!--" can appear) and U+2028, U+2029 (line
 * terminators to older JavaScript). The bundle's text is valid UTF-8 (the loader checks it). */
static void json_string(FILE *out, const char *text)
{
    fputc('"', out);
    for (const unsigned char *p = (const unsigned char *)(text ? text : ""); *p; p++) {
        switch (*p) {
        case '"':
            fputs("\\\"", out);
            break;
        case '\\':
            fputs("\\\\", out);
            break;
        case '\n':
            fputs("\\n", out);
            break;
        case '\r':
            fputs("\\r", out);
            break;
        case '\t':
            fputs("\\t", out);
            break;
        case '<':
        case '>':
        case '&':
            fprintf(out, "\\u%04x", *p);
            break;
        case 0xE2:
            if (p[1] == 0x80 && (p[2] == 0xA8 || p[2] == 0xA9)) {
                fprintf(out, "\\u%04x", p[2] == 0xA8 ? 0x2028 : 0x2029);
                p += 2;
                break;
            }
            fputc(*p, out);
            break;
        default:
            if (*p < 0x20 || *p == 0x7F)
                fprintf(out, "\\u%04x", *p);
            else
                fputc(*p, out);
        }
    }
    fputc('"', out);
}

static void json_key_string(FILE *out, const char *key, const char *text)
{
    fprintf(out, ",\"%s\":", key);
    json_string(out, text);
}

/* A number, or null for NaN and infinities (JSON has neither). */
static void json_number(FILE *out, double value)
{
    if (isfinite(value))
        fprintf(out, "%.10g", value);
    else
        fputs("null", out);
}

static void json_key_number(FILE *out, const char *key, double value)
{
    fprintf(out, ",\"%s\":", key);
    json_number(out, value);
}

/* A date as written (key prefix) with its bounds as day numbers (prefix_bounds: days since
 * 1970-01-01, an undated date or an open side read as the study window's edge), the same for an
 * end when there is one (end, end_bounds), the span from the earliest day to the latest of either
 * (d0, d1: what the timeline draws), whether the date was written at all and whether it is one
 * known day. The page's as-of filter compares the bounds as coopnet_graph_keeps_event and
 * coopnet_graph_keeps_tie do. */
static void json_date(FILE *out, const char *prefix, coopnet_date_t date, coopnet_date_t end,
                      int32_t window_first, int32_t window_last)
{
    char text[COOPNET_DATE_TEXT_SIZE];
    int32_t earliest = 0, latest = 0, end_earliest = 0, end_latest = 0;
    coopnet_date_format(date, text);
    json_key_string(out, prefix, text);
    coopnet_date_bounds(date, window_first, window_last, &earliest, &latest);
    fprintf(out, ",\"%s_bounds\":[%ld,%ld]", prefix, (long)earliest, (long)latest);
    int32_t span_end = latest;
    if (end.precision != COOPNET_DATE_NONE) {
        coopnet_date_format(end, text);
        json_key_string(out, "end", text);
        coopnet_date_bounds(end, window_first, window_last, &end_earliest, &end_latest);
        fprintf(out, ",\"end_bounds\":[%ld,%ld]", (long)end_earliest, (long)end_latest);
        if (end_latest > span_end)
            span_end = end_latest;
    }
    fprintf(out, ",\"d0\":%ld,\"d1\":%ld,\"dated\":%s,\"exact\":%s", (long)earliest, (long)span_end,
            date.precision != COOPNET_DATE_NONE ? "true" : "false",
            coopnet_date_is_exact(date) ? "true" : "false");
}

static void json_color(FILE *out, double red, double green, double blue)
{
    fprintf(out, "\"#%02x%02x%02x\"", (int)lround(red * 255), (int)lround(green * 255),
            (int)lround(blue * 255));
}

/* ---- the evidence of each link ---- */

/* Per edge of the graph, the page's indexes of the events and ties that make it, in CSR form:
 * the items of edge e are items[start[e] .. start[e + 1]). */
typedef struct evidence {
    size_t *event_start, *events; /* page event indexes */
    size_t *tie_start, *ties;     /* page tie indexes */
} evidence_t;

static void evidence_free(evidence_t *evidence)
{
    free(evidence->event_start);
    free(evidence->events);
    free(evidence->tie_start);
    free(evidence->ties);
}

/* What the page holds: the graph's vertices, the events and ties the graph's options keep (ties
 * between two vertices), each with its index in the page's arrays (-1: left out). */
typedef struct page_items {
    long *event_index; /* per bundle event */
    long *tie_index;   /* per bundle tie */
    size_t n_events, n_ties;
} page_items_t;

static void page_items_free(page_items_t *items)
{
    free(items->event_index);
    free(items->tie_index);
}

static int page_items_init(page_items_t *items, const coopnet_graph_t *graph, coopnet_error_t *err)
{
    const coopnet_bundle_t *bundle = graph->bundle;
    memset(items, 0, sizeof *items);
    items->event_index = coopnet_i_alloc_array(bundle->n_events + 1, sizeof(long));
    items->tie_index = coopnet_i_alloc_array(bundle->n_ties + 1, sizeof(long));
    if (!items->event_index || !items->tie_index)
        return COOPNET_ERROR(err, COOPNET_ENOMEM, "out of memory");
    bool events_link = graph->options.layer != COOPNET_LAYER_TIES;
    bool ties_link = graph->options.layer != COOPNET_LAYER_EVENTS;
    for (size_t e = 0; e < bundle->n_events; e++)
        items->event_index[e] = events_link && coopnet_graph_keeps_event(bundle, e, &graph->options)
                                    ? (long)items->n_events++
                                    : -1;
    for (size_t t = 0; t < bundle->n_ties; t++) {
        const coopnet_tie_t *tie = &bundle->ties[t];
        bool kept = ties_link && coopnet_graph_keeps_tie(bundle, t, &graph->options) &&
                    VECTOR(graph->vertex_of_actor)[tie->from] >= 0 &&
                    VECTOR(graph->vertex_of_actor)[tie->to] >= 0;
        items->tie_index[t] = kept ? (long)items->n_ties++ : -1;
    }
    return COOPNET_OK;
}

/* The edge between two vertices, or -1 (a pair the backbone does not link). */
static igraph_integer_t edge_between(const coopnet_graph_t *graph, igraph_integer_t from,
                                     igraph_integer_t to)
{
    igraph_integer_t edge = -1;
    if (igraph_get_eid(&graph->graph, &edge, from, to, IGRAPH_UNDIRECTED, false) != IGRAPH_SUCCESS)
        return -1;
    return edge;
}

/* Counts (fill false) or records (fill true) every event's co-attending pairs and every tie on the
 * edges they make. */
static void evidence_pass(evidence_t *evidence, const coopnet_graph_t *graph,
                          const page_items_t *items, size_t *event_fill, size_t *tie_fill,
                          bool fill)
{
    const coopnet_bundle_t *bundle = graph->bundle;
    for (size_t e = 0; e < bundle->n_events; e++) {
        if (items->event_index[e] < 0)
            continue;
        for (size_t p = bundle->event_start[e]; p < bundle->event_start[e + 1]; p++) {
            igraph_integer_t from = VECTOR(graph->vertex_of_actor)[bundle->participations[p].actor];
            if (from < 0)
                continue;
            for (size_t q = p + 1; q < bundle->event_start[e + 1]; q++) {
                igraph_integer_t to =
                    VECTOR(graph->vertex_of_actor)[bundle->participations[q].actor];
                igraph_integer_t edge = to < 0 || to == from ? -1 : edge_between(graph, from, to);
                /* a pair the backbone leaves unlinked by events may still be linked by a tie */
                if (edge < 0 || VECTOR(graph->shared_events)[edge] == 0)
                    continue;
                if (fill)
                    evidence->events[event_fill[edge]++] = (size_t)items->event_index[e];
                else
                    evidence->event_start[edge + 1]++;
            }
        }
    }
    for (size_t t = 0; t < bundle->n_ties; t++) {
        if (items->tie_index[t] < 0)
            continue;
        const coopnet_tie_t *tie = &bundle->ties[t];
        igraph_integer_t edge = edge_between(graph, VECTOR(graph->vertex_of_actor)[tie->from],
                                             VECTOR(graph->vertex_of_actor)[tie->to]);
        if (edge < 0)
            continue;
        if (fill)
            evidence->ties[tie_fill[edge]++] = (size_t)items->tie_index[t];
        else
            evidence->tie_start[edge + 1]++;
    }
}

static int evidence_init(evidence_t *evidence, const coopnet_graph_t *graph,
                         const page_items_t *items, coopnet_error_t *err)
{
    size_t n_edges = (size_t)igraph_ecount(&graph->graph);
    size_t *event_fill = NULL, *tie_fill = NULL;
    int status = COOPNET_OK;
    memset(evidence, 0, sizeof *evidence);
    evidence->event_start = calloc(n_edges + 1, sizeof(size_t));
    evidence->tie_start = calloc(n_edges + 1, sizeof(size_t));
    if (!evidence->event_start || !evidence->tie_start) {
        status = COOPNET_ERROR(err, COOPNET_ENOMEM, "out of memory listing the links' evidence");
        goto cleanup;
    }
    evidence_pass(evidence, graph, items, NULL, NULL, false);
    for (size_t e = 0; e < n_edges; e++) {
        evidence->event_start[e + 1] += evidence->event_start[e];
        evidence->tie_start[e + 1] += evidence->tie_start[e];
    }
    evidence->events = coopnet_i_alloc_array(evidence->event_start[n_edges] + 1, sizeof(size_t));
    evidence->ties = coopnet_i_alloc_array(evidence->tie_start[n_edges] + 1, sizeof(size_t));
    event_fill = coopnet_i_alloc_array(n_edges + 1, sizeof(size_t));
    tie_fill = coopnet_i_alloc_array(n_edges + 1, sizeof(size_t));
    if (!evidence->events || !evidence->ties || !event_fill || !tie_fill) {
        status = COOPNET_ERROR(err, COOPNET_ENOMEM, "out of memory listing the links' evidence");
        goto cleanup;
    }
    memcpy(event_fill, evidence->event_start, n_edges * sizeof(size_t));
    memcpy(tie_fill, evidence->tie_start, n_edges * sizeof(size_t));
    evidence_pass(evidence, graph, items, event_fill, tie_fill, true);
    /* one definition of a link: the graph's own counts of its shared events and ties */
    for (size_t e = 0; e < n_edges; e++)
        if (evidence->event_start[e + 1] - evidence->event_start[e] !=
                (size_t)VECTOR(graph->shared_events)[e] ||
            evidence->tie_start[e + 1] - evidence->tie_start[e] !=
                (size_t)VECTOR(graph->shared_ties)[e]) {
            status =
                COOPNET_ERROR(err, COOPNET_EINTERNAL,
                              "link %zu: the evidence listed differs from the graph's counts", e);
            goto cleanup;
        }
cleanup:
    free(event_fill);
    free(tie_fill);
    if (status != COOPNET_OK)
        evidence_free(evidence);
    return status;
}

/* ---- the D3 library ---- */

/* Reads the library into *text (owned by the caller). EIO naming the file and the package when it
 * cannot be read; EDATA when it holds what would end its <script> element. */
static int read_d3(const char *path, char **text, size_t *size, coopnet_error_t *err)
{
    *text = NULL;
    FILE *file = fopen(path, "rb");
    if (file == NULL)
        return COOPNET_ERROR(err, COOPNET_EIO,
                             "cannot read the D3 library '%s': %s (install Debian's libjs-d3)",
                             path, strerror(errno));
    char *buffer = malloc(D3_MAX_BYTES + 1);
    if (buffer == NULL) {
        fclose(file);
        return COOPNET_ERROR(err, COOPNET_ENOMEM, "out of memory reading '%s'", path);
    }
    size_t length = fread(buffer, 1, D3_MAX_BYTES + 1, file);
    bool failed = ferror(file);
    fclose(file);
    if (failed || length > D3_MAX_BYTES || length == 0) {
        free(buffer);
        return COOPNET_ERROR(err, COOPNET_EIO, "cannot read the D3 library '%s': %s", path,
                             failed        ? "read error"
                             : length == 0 ? "empty file"
                                           : "larger than 16 MB");
    }
    buffer[length] = '\0';
    for (size_t i = 0; i < length; i++)
        if (buffer[i] == '<' &&
            (strncasecmp(buffer + i, "</script", 8) == 0 || strncmp(buffer + i, "<!--", 4) == 0)) {
            free(buffer);
            return COOPNET_ERROR(err, COOPNET_EDATA,
                                 "the D3 library '%s' holds '</script' or '<!--' at byte %zu: it "
                                 "cannot be inlined in a page",
                                 path, i);
        }
    *text = buffer;
    *size = length;
    return COOPNET_OK;
}

/* ---- the data ---- */

typedef struct page_data {
    const coopnet_bundle_t *bundle;
    const coopnet_graph_t *graph;
    const coopnet_explore_options_t *options;
    const coopnet_figure_layout_t *layout;
    const coopnet_figure_layout_t *map; /* the geo layout's drawing; NULL: no actor is located */
    const igraph_vector_t *degree, *betweenness;
    const page_items_t *items;
    const evidence_t *evidence;
    coopnet_basemap_t *basemap;  /* closed when the map data cannot be read */
    const char *basemap_problem; /* why not ("" when open) */
} page_data_t;

/* Each node's shown label (NULL: none) into label_of (one entry per node). O(nodes + labels). */
static void labels_of_nodes(const coopnet_figure_layout_t *layout,
                            const coopnet_figure_label_t **label_of)
{
    for (size_t v = 0; v < layout->n_nodes; v++)
        label_of[v] = NULL;
    for (size_t l = 0; l < layout->n_labels; l++)
        if (layout->labels[l].shown && layout->labels[l].node < layout->n_nodes)
            label_of[layout->labels[l].node] = &layout->labels[l];
}

static void json_label(FILE *out, const char *key, const coopnet_figure_label_t *label)
{
    if (label == NULL)
        return;
    fprintf(out, ",\"%s\":{\"text\":", key);
    json_string(out, label->text);
    fprintf(out, ",\"x\":%.2f,\"y\":%.2f,\"w\":%.2f,\"h\":%.2f}", label->x, label->y, label->w,
            label->h);
}

static void write_actors(FILE *out, const page_data_t *data,
                         const coopnet_figure_label_t **label_of,
                         const coopnet_figure_label_t **map_label_of)
{
    const coopnet_bundle_t *bundle = data->bundle;
    const coopnet_figure_layout_t *layout = data->layout;
    /* the layout's nodes are the graph's vertices in order; labels refer to nodes */
    labels_of_nodes(layout, label_of);
    if (data->map != NULL)
        labels_of_nodes(data->map, map_label_of);
    fputs(",\"actors\":[", out);
    for (size_t v = 0; v < layout->n_nodes; v++) {
        const coopnet_figure_node_t *node = &layout->nodes[v];
        const coopnet_actor_t *actor = &bundle->actors[node->actor];
        fputs(v ? ",{\"id\":" : "{\"id\":", out);
        json_string(out, actor->id);
        json_key_string(out, "name", actor->name);
        json_key_string(out, "name_fr", actor->name_fr);
        json_key_string(out, "name_ar", actor->name_ar);
        fprintf(out, ",\"level\":%d", (int)actor->level);
        json_key_string(out, "type", actor->type);
        json_key_string(out, "country", actor->country);
        json_key_number(out, "lat", actor->lat);
        json_key_number(out, "lon", actor->lon);
        json_key_string(out, "source", actor->source);
        fprintf(out, ",\"line\":%llu,\"x\":%.2f,\"y\":%.2f,\"r\":%.2f,\"color\":",
                (unsigned long long)actor->line, node->x, node->y, node->radius);
        json_color(out, node->red, node->green, node->blue);
        json_key_number(out, "degree", VECTOR(*data->degree)[v]);
        json_key_number(out, "betweenness", VECTOR(*data->betweenness)[v]);
        json_label(out, "label", label_of[v]);
        if (data->map != NULL) {
            const coopnet_figure_node_t *place = &data->map->nodes[v];
            fprintf(out, ",\"map\":{\"x\":%.2f,\"y\":%.2f,\"r\":%.2f,\"approximate\":%s}", place->x,
                    place->y, place->radius, place->approximate ? "true" : "false");
            json_label(out, "map_label", map_label_of[v]);
        }
        fputc('}', out);
    }
    fputc(']', out);
}

/* The map's projection, x = a lon + b and y = c lat + d in the figure's points, from the geo
 * layout's frame (the map's box and the longitudes and latitudes at its edges), for the page's
 * graticule; null when the layout has no map. */
static void write_map_projection(FILE *out, const coopnet_figure_layout_t *map)
{
    if (map == NULL || !(map->map_w > 0 && map->map_h > 0 && map->lon_max > map->lon_min &&
                         map->lat_max > map->lat_min)) {
        fputs(",\"projection\":null", out);
        return;
    }
    double a = map->map_w / (map->lon_max - map->lon_min), b = map->map_x - a * map->lon_min;
    double c = -map->map_h / (map->lat_max - map->lat_min), d = map->map_y - c * map->lat_max;
    fprintf(out, ",\"projection\":{\"lon\":[%.8g,%.8g],\"lat\":[%.8g,%.8g]", a, b, c, d);
    fprintf(out, ",\"box\":[%.2f,%.2f,%.2f,%.2f],\"extent\":[%.6g,%.6g,%.6g,%.6g]}", map->map_x,
            map->map_y, map->map_w, map->map_h, map->lon_min, map->lon_max, map->lat_min,
            map->lat_max);
}

/* A number of tenths of a point in an SVG path: a space before it unless its minus sign
 * separates it from the one before. */
static void path_number(FILE *out, long value, bool first)
{
    fprintf(out, first || value < 0 ? "%ld" : " %ld", value);
}

/* Where write_outline writes: the page, and whether a country came before. */
typedef struct outline_writer {
    FILE *out;
    bool any;
} outline_writer_t;

/* One country of the basemap: {"id": ISO code, "named": in the data, "d": an SVG path in tenths
 * of a point, each ring "M x y l dx dy ... z"}. */
static int write_outline(const coopnet_basemap_outline_t *outline, void *data, coopnet_error_t *err)
{
    (void)err;
    outline_writer_t *writer = data;
    FILE *out = writer->out;
    fputs(writer->any ? ",{\"id\":" : "{\"id\":", out);
    writer->any = true;
    json_string(out, outline->country);
    fprintf(out, ",\"named\":%s,\"d\":\"", outline->named ? "true" : "false");
    for (size_t r = 0; r < outline->n_rings; r++) {
        const double *xy = outline->xy;
        size_t first = outline->ring_start[r], end = outline->ring_start[r + 1];
        long x = lround(xy[2 * first] * BASEMAP_UNITS),
             y = lround(xy[2 * first + 1] * BASEMAP_UNITS);
        fputc('M', out);
        path_number(out, x, true);
        path_number(out, y, false);
        bool any = false;
        for (size_t k = first + 1; k < end; k++) {
            long next_x = lround(xy[2 * k] * BASEMAP_UNITS);
            long next_y = lround(xy[2 * k + 1] * BASEMAP_UNITS);
            if (next_x == x && next_y == y)
                continue;
            if (!any)
                fputc('l', out);
            path_number(out, next_x - x, !any);
            path_number(out, next_y - y, false);
            any = true;
            x = next_x;
            y = next_y;
        }
        fputc('z', out);
    }
    fputs("\"}", out);
    return COOPNET_OK;
}

/* The basemap under the map view: the colours of the figures' maps, and the countries whose box
 * meets the map's extent, outlined as coopnet_i_basemap_draw outlines them (clipped to the map's
 * box by the page), the data's countries marked named; or, when the map data cannot be read, no
 * country and the reason (the page says it). null when there is no map. ENOMEM. */
static int write_basemap(FILE *out, const page_data_t *data, coopnet_error_t *err)
{
    const coopnet_figure_layout_t *map = data->map;
    if (map == NULL || !(map->map_w > 0 && map->map_h > 0)) {
        fputs(",\"basemap\":null", out);
        return COOPNET_OK;
    }
    fputs(",\"basemap\":{\"colors\":{\"sea\":", out);
    json_color(out, coopnet_i_style_sea.r, coopnet_i_style_sea.g, coopnet_i_style_sea.b);
    fputs(",\"land\":", out);
    json_color(out, coopnet_i_style_land.r, coopnet_i_style_land.g, coopnet_i_style_land.b);
    fputs(",\"named\":", out);
    json_color(out, coopnet_i_style_land_named.r, coopnet_i_style_land_named.g,
               coopnet_i_style_land_named.b);
    fputs(",\"border\":", out);
    json_color(out, coopnet_i_style_border.r, coopnet_i_style_border.g, coopnet_i_style_border.b);
    fprintf(out, "},\"scale\":%g", 1 / BASEMAP_UNITS);
    json_key_string(out, "problem", data->basemap_problem);
    /* the countries of the graph's actors, once each, are the named ones */
    const coopnet_bundle_t *bundle = data->bundle;
    const char **named = coopnet_i_alloc_array(map->n_nodes + 1, sizeof *named);
    if (named == NULL)
        return COOPNET_ERROR(err, COOPNET_ENOMEM, "out of memory");
    size_t n_named = 0;
    for (size_t v = 0; v < map->n_nodes; v++) {
        const char *country = bundle->actors[map->nodes[v].actor].country;
        bool seen = country == NULL || country[0] == '\0';
        for (size_t i = 0; i < n_named && !seen; i++)
            seen = strcmp(named[i], country) == 0;
        if (!seen)
            named[n_named++] = country;
    }
    coopnet_map_frame_t frame = {{map->map_x, map->map_y, map->map_w, map->map_h},
                                 map->lon_min,
                                 map->lon_max,
                                 map->lat_min,
                                 map->lat_max,
                                 map->map_w / (map->lon_max - map->lon_min) /
                                     (map->map_h / (map->lat_max - map->lat_min)),
                                 map->map_h / (map->lat_max - map->lat_min)};
    fputs(",\"countries\":[", out);
    outline_writer_t writer = {out, false};
    int status = coopnet_i_basemap_each_outline(data->basemap, &frame, BASEMAP_TOLERANCE, named,
                                                n_named, write_outline, &writer, err);
    free(named);
    fputs("]}", out);
    return status;
}

static void write_events(FILE *out, const page_data_t *data, int32_t first, int32_t last)
{
    const coopnet_bundle_t *bundle = data->bundle;
    const coopnet_graph_t *graph = data->graph;
    bool any = false;
    fputs(",\"events\":[", out);
    for (size_t e = 0; e < bundle->n_events; e++) {
        if (data->items->event_index[e] < 0)
            continue;
        const coopnet_event_t *event = &bundle->events[e];
        fputs(any ? ",{\"id\":" : "{\"id\":", out);
        any = true;
        json_string(out, event->id);
        json_key_string(out, "title", event->title);
        json_date(out, "date", event->date, event->end, first, last);
        json_key_string(out, "date_source", event->date_source);
        json_key_string(out, "type", event->type);
        json_key_string(out, "place", event->place);
        json_key_string(out, "country", event->country);
        json_key_string(out, "source", event->source);
        fprintf(out, ",\"line\":%llu,\"participants\":[", (unsigned long long)event->line);
        bool any_participant = false;
        for (size_t p = bundle->event_start[e]; p < bundle->event_start[e + 1]; p++) {
            const coopnet_participation_t *participation = &bundle->participations[p];
            igraph_integer_t vertex = VECTOR(graph->vertex_of_actor)[participation->actor];
            if (vertex < 0)
                continue;
            fprintf(out, "%s[%ld,%d,", any_participant ? "," : "", (long)vertex,
                    (int)participation->role);
            any_participant = true;
            json_string(out, participation->source);
            fprintf(out, ",%llu]", (unsigned long long)participation->line);
        }
        fputs("]}", out);
    }
    fputc(']', out);
}

static void write_ties(FILE *out, const page_data_t *data, int32_t first, int32_t last)
{
    const coopnet_bundle_t *bundle = data->bundle;
    const coopnet_graph_t *graph = data->graph;
    bool any = false;
    fputs(",\"ties\":[", out);
    for (size_t t = 0; t < bundle->n_ties; t++) {
        if (data->items->tie_index[t] < 0)
            continue;
        const coopnet_tie_t *tie = &bundle->ties[t];
        fprintf(out, "%s{\"from\":%ld,\"to\":%ld", any ? "," : "",
                (long)VECTOR(graph->vertex_of_actor)[tie->from],
                (long)VECTOR(graph->vertex_of_actor)[tie->to]);
        any = true;
        json_key_string(out, "type", tie->type);
        json_date(out, "start", tie->start, tie->end, first, last);
        json_key_string(out, "start_source", tie->start_source);
        fprintf(out, ",\"directed\":%s", tie->directed ? "true" : "false");
        json_key_number(out, "weight", tie->weight);
        json_key_string(out, "source", tie->source);
        json_key_string(out, "note", tie->note);
        fprintf(out, ",\"line\":%llu}", (unsigned long long)tie->line);
    }
    fputc(']', out);
}

static void write_links(FILE *out, const page_data_t *data)
{
    const igraph_t *g = &data->graph->graph;
    const evidence_t *evidence = data->evidence;
    fputs(",\"links\":[", out);
    for (igraph_integer_t e = 0; e < igraph_ecount(g); e++) {
        fprintf(out, "%s[%ld,%ld,", e ? "," : "", (long)IGRAPH_FROM(g, e), (long)IGRAPH_TO(g, e));
        json_number(out, VECTOR(data->graph->weight)[e]);
        fputs(",[", out);
        for (size_t i = evidence->event_start[e]; i < evidence->event_start[e + 1]; i++)
            fprintf(out, "%s%zu", i > evidence->event_start[e] ? "," : "", evidence->events[i]);
        fputs("],[", out);
        for (size_t i = evidence->tie_start[e]; i < evidence->tie_start[e + 1]; i++)
            fprintf(out, "%s%zu", i > evidence->tie_start[e] ? "," : "", evidence->ties[i]);
        fputs("]]", out);
    }
    fputc(']', out);
}

/* ENOMEM (the basemap's workspace); the page is then incomplete and must be dropped. */
static int write_data(FILE *out, const page_data_t *data, const coopnet_figure_label_t **label_of,
                      const coopnet_figure_label_t **map_label_of, coopnet_error_t *err)
{
    const coopnet_bundle_t *bundle = data->bundle;
    const coopnet_render_options_t *render = &data->options->render;
    int32_t first = 0, last = 0;
    coopnet_graph_options_window(&data->graph->options, bundle, &first, &last);
    char caption[512];
    coopnet_i_draw_default_caption(bundle, caption, sizeof caption);
    fputs("{\"format\":1", out);
    json_key_string(out, "generator", "coopnet");
    json_key_string(out, "version", coopnet_version());
    json_key_string(out, "bundle", bundle->name);
    json_key_string(out, "title", render->figure.title ? render->figure.title : "");
    json_key_string(out, "caption", render->figure.caption ? render->figure.caption : caption);
    fprintf(out, ",\"canvas\":[%.2f,%.2f],\"window\":[%ld,%ld]", data->layout->width,
            data->layout->height, (long)first, (long)last);
    fprintf(out, ",\"layer\":%d", (int)data->graph->options.layer);
    fputs(",\"levels\":[", out);
    for (int level = 0; level < COOPNET_LEVEL_COUNT; level++) {
        coopnet_rgb_t color = coopnet_i_style_level_color((coopnet_level_t)level);
        fputs(level ? ",{\"name\":" : "{\"name\":", out);
        json_string(out, coopnet_level_name((coopnet_level_t)level));
        fputs(",\"color\":", out);
        json_color(out, color.r, color.g, color.b);
        fputc('}', out);
    }
    fputs("],\"roles\":[", out);
    for (int role = 0; role < COOPNET_ROLE_COUNT; role++) {
        fputs(role ? ",{\"name\":" : "{\"name\":", out);
        json_string(out, coopnet_role_name((coopnet_role_t)role));
        fprintf(out, ",\"convenes\":%s}",
                coopnet_whatif_role_convenes((coopnet_role_t)role) ? "true" : "false");
    }
    fputs("],\"measures\":{\"degree\":", out);
    json_string(out, coopnet_measure_description(COOPNET_MEASURE_DEGREE));
    fputs(",\"betweenness\":", out);
    json_string(out, coopnet_measure_description(COOPNET_MEASURE_BETWEENNESS));
    fputc('}', out);
    write_actors(out, data, label_of, map_label_of);
    fprintf(out, ",\"map\":%s", data->map != NULL ? "true" : "false");
    write_map_projection(out, data->map);
    int status = write_basemap(out, data, err);
    write_events(out, data, first, last);
    write_ties(out, data, first, last);
    write_links(out, data);
    fputs(",\"sources\":[", out);
    for (size_t s = 0; s < bundle->n_sources; s++) {
        const coopnet_source_t *source = &bundle->sources[s];
        char date[COOPNET_DATE_TEXT_SIZE];
        coopnet_date_format(source->date, date);
        fputs(s ? ",{\"id\":" : "{\"id\":", out);
        json_string(out, source->id);
        json_key_string(out, "title", source->title);
        json_key_string(out, "publisher", source->publisher);
        json_key_string(out, "date", date);
        json_key_string(out, "url", source->url);
        json_key_string(out, "file", source->file);
        fputc('}', out);
    }
    fputs("]}", out);
    return status;
}

/* The map view's drawing: the geo layout of the figures, under the same options. *map is NULL
 * (and the status OK) when no actor has a location (EDATA from the geo layout). */
static int map_layout(const coopnet_bundle_t *bundle, const coopnet_render_options_t *render,
                      const coopnet_graph_t *graph, coopnet_figure_layout_t **map,
                      coopnet_error_t *err)
{
    coopnet_render_options_t geo = *render;
    geo.layout = COOPNET_LAYOUT_GEO;
    int status = coopnet_i_render_network_layout(bundle, &geo, graph, map, err);
    if (status != COOPNET_EDATA)
        return status;
    coopnet_error_clear(err); /* no map, which is no failure */
    return COOPNET_OK;
}

/* Writes the template with the library, the data and the code at their marks. ENOMEM as
 * write_data. */
static int write_page(FILE *out, const char *d3, size_t d3_size, const page_data_t *data,
                      const coopnet_figure_label_t **label_of,
                      const coopnet_figure_label_t **map_label_of, coopnet_error_t *err)
{
    int status = COOPNET_OK;
    const char *rest = explore_template;
    for (size_t m = 0; m < N_MARKS; m++) {
        const char *mark = strstr(rest, template_marks[m]);
        fwrite(rest, 1, (size_t)(mark - rest), out);
        if (m == 0)
            fwrite(d3, 1, d3_size, out);
        else if (m == 1)
            status = write_data(out, data, label_of, map_label_of, err);
        else
            fputs(explore_code, out);
        rest = mark + strlen(template_marks[m]);
    }
    fputs(rest, out);
    return status;
}

int coopnet_explore_write(const coopnet_bundle_t *bundle, const coopnet_explore_options_t *options,
                          const char *path, coopnet_error_t *err)
{
    coopnet_graph_t graph = {0};
    coopnet_figure_layout_t *layout = NULL, *map = NULL;
    const coopnet_figure_label_t **label_of = NULL, **map_label_of = NULL;
    igraph_vector_t degree, betweenness;
    page_items_t items = {0};
    evidence_t evidence = {0};
    coopnet_output_t *output = NULL;
    char *d3 = NULL;
    size_t d3_size = 0;
    coopnet_basemap_t basemap = {0};
    char basemap_problem[sizeof err->message] = "";
    int status = COOPNET_OK;
    if (igraph_vector_init(&degree, 0) != IGRAPH_SUCCESS)
        return COOPNET_ERROR(err, COOPNET_ENOMEM, "out of memory");
    if (igraph_vector_init(&betweenness, 0) != IGRAPH_SUCCESS) {
        igraph_vector_destroy(&degree);
        return COOPNET_ERROR(err, COOPNET_ENOMEM, "out of memory");
    }
    /* the template is ours: its marks are there (a test checks), but never write past a lost one */
    for (size_t m = 0; m < N_MARKS; m++)
        if (strstr(explore_template, template_marks[m]) == NULL) {
            status = COOPNET_ERROR(err, COOPNET_EINTERNAL, "the explorer's template lacks %s",
                                   template_marks[m]);
            goto cleanup;
        }
    const char *d3_path = options->d3_path ? options->d3_path : COOPNET_EXPLORE_D3_PATH;
    if ((status = read_d3(d3_path, &d3, &d3_size, err)) != COOPNET_OK ||
        (status = coopnet_graph_init_cooperation(&graph, bundle, &options->render.graph, err)) !=
            COOPNET_OK ||
        (status = coopnet_i_render_network_layout(bundle, &options->render, &graph, &layout,
                                                  err)) != COOPNET_OK ||
        (status = map_layout(bundle, &options->render, &graph, &map, err)) != COOPNET_OK ||
        (status = coopnet_centrality_compute(&graph, COOPNET_MEASURE_DEGREE, false, &degree,
                                             err)) != COOPNET_OK ||
        (status = coopnet_centrality_compute(&graph, COOPNET_MEASURE_BETWEENNESS, false,
                                             &betweenness, err)) != COOPNET_OK ||
        (status = page_items_init(&items, &graph, err)) != COOPNET_OK ||
        (status = evidence_init(&evidence, &graph, &items, err)) != COOPNET_OK)
        goto cleanup;
    if (layout->n_nodes != (size_t)igraph_vcount(&graph.graph) ||
        (map != NULL && map->n_nodes != layout->n_nodes)) {
        status = COOPNET_ERROR(err, COOPNET_EINTERNAL, "the layout has %zu nodes for %ld actors",
                               layout->n_nodes, (long)igraph_vcount(&graph.graph));
        goto cleanup;
    }
    label_of = coopnet_i_alloc_array(layout->n_nodes + 1, sizeof *label_of);
    map_label_of = coopnet_i_alloc_array(layout->n_nodes + 1, sizeof *map_label_of);
    if (label_of == NULL || map_label_of == NULL) {
        status = COOPNET_ERROR(err, COOPNET_ENOMEM, "out of memory");
        goto cleanup;
    }
    /* without the map data the map keeps its graticule and the page says why it has no land */
    if (map != NULL) {
        coopnet_error_t map_err = {0};
        if (coopnet_i_basemap_open(&basemap, &map_err) != COOPNET_OK)
            snprintf(basemap_problem, sizeof basemap_problem, "%s", map_err.message);
    }
    if ((status = coopnet_output_open(path, &output, err)) != COOPNET_OK)
        goto cleanup;
    page_data_t data = {bundle, &graph,    options,  layout,         map, &degree, &betweenness,
                        &items, &evidence, &basemap, basemap_problem};
    if ((status = write_page(coopnet_output_stream(output), d3, d3_size, &data, label_of,
                             map_label_of, err)) != COOPNET_OK)
        goto cleanup;
    status = coopnet_output_commit(output, err);
    output = NULL;
cleanup:
    coopnet_output_abort(output);
    evidence_free(&evidence);
    page_items_free(&items);
    igraph_vector_destroy(&betweenness);
    igraph_vector_destroy(&degree);
    free(label_of);
    free(map_label_of);
    coopnet_figure_layout_free(map);
    coopnet_figure_layout_free(layout);
    coopnet_graph_destroy(&graph);
    coopnet_i_basemap_close(&basemap);
    free(d3);
    return status;
}
