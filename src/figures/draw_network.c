/* SPDX-License-Identifier: GPL-3.0-or-later */
/* draw_network.c - the network figure: layout, node sizes and colours, edges with arrowheads for
 * directed ties, labels placed without overlap, legend (see draw.h). */
#include "figures/draw.h"
#include "figures/raster.h"
#include "core/containers.h"
#include "core/internal.h"
#include "core/l10n.h"
#include "coopnet/text.h"
#include "figures/basemap.h"
#include "figures/geo_layout.h"
#include "figures/labels.h"
#include "figures/layout_large.h"

#include <math.h>
#include <stdatomic.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define LEGEND_WIDTH 150.0
#define LABEL_TEXT_SIZE 256
#define LABEL_WRAP_WIDTH 120.0
#define GEO_SIDE_COLUMN_WIDTH 135.0
#define FR_ITERATIONS 1000
#define FR_EXACT_MAX_NODES 500 /* above: Barnes-Hut (layout_large.h) */
#define FR_LARGE_ITERATIONS 150
#define GEO_NODE_SCALE 0.65      /* maps are crowded: smaller nodes */
#define SPREAD_ALL_PAIRS_MAX 300 /* nodes: above, spread_nodes looks at neighbouring cells */
#define SPREAD_ROUNDS 4
#define SPREAD_ITERATIONS 60
#define SPREAD_LARGE_MIN_ITERATIONS 5
/* pairs of nodes a figure's spreading looks at, at most (about a second): a crowd too dense for
 * the room it has (100 000 actors in a snapshot panel: hundreds of nodes a cell) gets the sweeps
 * that fit, at least one; a 10 000-actor network page needs a third of this */
#define SPREAD_MAX_PAIRS 100000000.0
#define SPREAD_ROOM 34.0    /* pt between node rims: about one short label */
#define CROWD_MIN_NODES 200 /* nodes: above, a crowded canvas gets smaller nodes */
#define CROWD_SPACING 36.0  /* pt of canvas per node (square root) below which nodes shrink */
#define CROWD_MIN_SCALE 0.3 /* ... down to this fraction of their size */
#define EDGE_MIN_WIDTH 0.25 /* pt: thinner lines vanish in PNG */
#define EDGE_BATCH_MIN 2000 /* edges: above, lines of one width go in one path */
#define EDGE_BATCH_WIDTH_STEP 0.05 /* pt: widths rounded to this when batched */
#define EDGE_BATCH_SEGMENTS 4096   /* lines per path at most: bounds the stroker's memory */
#define EDGE_RASTER_SEGMENTS 512   /* lines per path into the image of a dense network */
/* lines gathered at most before they are painted (48 MB of them): the painting in order of
 * gathered lines, part after part, is the painting of all at once, without a second copy of
 * every link (380 MB at 7.9 million) */
#define EDGE_RASTER_GATHERED ((size_t)1 << 20)

typedef struct network_edge {
    igraph_integer_t from, to; /* node indices */
    double weight;
    bool to_side; /* geo: touches an actor drawn in the side column */
} network_edge_t;

typedef struct network_arrow {
    igraph_integer_t from, to; /* node indices: a directed tie from -> to */
} network_arrow_t;

/* Everything one network figure needs while it is being drawn. */
/* A map names under it the actors it could not label (draw_network_listing_unlabelled). */
typedef struct unlabelled_pass {
    const char *sentence; /* in: the sentence in the note, NULL: none */
    double reserve;       /* in: the least height of the note's area */
    bool measure;         /* in: only place the nodes and labels, draw nothing */
    char *next;           /* out (measure): the sentence for the labels dropped (g_free), or NULL */
    double used;          /* out: the height of the note's area */
    double next_height;   /* out (measure): the height of the note with next */
} unlabelled_pass_t;

typedef struct network_figure {
    const coopnet_bundle_t *bundle;
    const coopnet_render_options_t *options;
    coopnet_layout_kind_t kind;
    const coopnet_graph_t *graph;       /* not owned: the caller built it */
    const coopnet_two_mode_t *two_mode; /* bipartite; not owned */
    bool bipartite;
    coopnet_draw_categories_t categories;
    igraph_vector_t size_values; /* per vertex: the sizes given, or two-mode degree */
    const char *size_measure;    /* NULL: no sizing */
    double size_min, size_max;
    igraph_matrix_t positions; /* per node: x, y in layout units */
    coopnet_figure_node_t *nodes;
    size_t n_nodes;
    network_edge_t *edges;
    size_t n_edges;
    double weight_min, weight_max;
    double crowd_scale; /* node radii and line widths on a crowded canvas (1: roomy) */
    double node_scale;  /* node radii: crowd_scale, and smaller on maps */
    network_arrow_t *arrows;
    size_t n_arrows;
    bool *in_side_column; /* geo */
    size_t n_side, n_near_country;
    /* geo: actors of the list left out of it for want of room (the smallest by the size
     * measure), neither drawn nor labelled; the note counts them */
    bool *unlisted;
    size_t n_unlisted;
    coopnet_rect_t plot, legend, side_column, map;
    /* geo on a tall canvas: the unlocated actors in a multi-column list and the legend in
     * columns, both under a full-width map */
    bool geo_below;
    size_t side_columns;  /* columns of the unlocated actors' list (1: the side column) */
    double legend_column; /* geo_below: width of a legend section; 0: one column */
    double geo_lon_min, geo_lon_max, geo_lat_min, geo_lat_max, geo_cos;
    coopnet_basemap_t basemap;   /* geo: land and borders; closed when the data is missing */
    coopnet_geo_placement_t geo; /* geo: where each actor goes */
    coopnet_label_set_t labels;
    char note[2560];
    unlabelled_pass_t *unlabelled;           /* a map: the sentence naming its unlabelled actors */
    const igraph_matrix_t *given_positions;  /* force layouts: computed by the caller */
    const igraph_matrix_t *extent_positions; /* optional: the box mapped to the area is theirs */
    bool panel;                              /* snapshots: grey isolates, no legend */
    bool hide_links;                         /* the actors only (input.hide_links) */
    /* input.panel_degree: graph is the whole network, no edge is built, and the links of the
     * year drawn (for the choice of an image) are half the degrees' sum */
    const double *panel_degree;
    size_t panel_links;
    bool raster_dense;                      /* links and nodes as an image on a vector surface */
    coopnet_network_placement_t *placement; /* page positions kept between figures; may be NULL */
    double raster_pixel; /* drawing into the image of a dense network: a pixel in user units */
} network_figure_t;

static void network_figure_free(network_figure_t *figure)
{
    coopnet_i_draw_categories_destroy(&figure->categories);
    igraph_vector_destroy(&figure->size_values);
    igraph_matrix_destroy(&figure->positions);
    free(figure->nodes);
    free(figure->edges);
    free(figure->arrows);
    free(figure->in_side_column);
    free(figure->unlisted);
    coopnet_i_geo_placement_destroy(&figure->geo);
    coopnet_i_basemap_close(&figure->basemap);
    coopnet_i_label_set_destroy(&figure->labels);
}

/* ---- graph, nodes, edges ---- */

static int build_nodes_and_edges(network_figure_t *figure, coopnet_error_t *err)
{
    const coopnet_bundle_t *bundle = figure->bundle;
    int status = COOPNET_OK;
    const igraph_t *g = figure->bipartite ? &figure->two_mode->graph : &figure->graph->graph;
    figure->n_nodes = (size_t)igraph_vcount(g);
    figure->n_edges = figure->panel_degree != NULL ? 0 : (size_t)igraph_ecount(g);
    if (figure->panel_degree != NULL) {
        double degree_sum = 0;
        for (size_t v = 0; v < figure->n_nodes; v++)
            degree_sum += figure->panel_degree[v];
        figure->panel_links = (size_t)(degree_sum / 2);
    }
    figure->nodes = coopnet_i_alloc_array(figure->n_nodes + 1, sizeof *figure->nodes);
    figure->edges = coopnet_i_alloc_array(figure->n_edges + 1, sizeof *figure->edges);
    figure->arrows = coopnet_i_alloc_array(bundle->n_ties + 1, sizeof *figure->arrows);
    figure->in_side_column = calloc(figure->n_nodes + 1, sizeof(bool));
    figure->unlisted = calloc(figure->n_nodes + 1, sizeof(bool));
    if (!figure->nodes || !figure->edges || !figure->arrows || !figure->in_side_column ||
        !figure->unlisted)
        return COOPNET_ERROR(err, COOPNET_ENOMEM, "out of memory");
    for (size_t v = 0; v < figure->n_nodes; v++) {
        coopnet_figure_node_t *node = &figure->nodes[v];
        memset(node, 0, sizeof *node);
        node->actor = node->event = -1;
        node->value = NAN;
        coopnet_rgb_t color;
        if (figure->bipartite && VECTOR(figure->two_mode->is_event)[v]) {
            node->event = VECTOR(figure->two_mode->item)[v];
            color = coopnet_i_style_text;
        } else {
            node->actor = figure->bipartite ? VECTOR(figure->two_mode->item)[v]
                                            : VECTOR(figure->graph->actor_of_vertex)[v];
            color = coopnet_i_draw_category_color(&figure->categories, (size_t)node->actor);
        }
        node->red = color.r;
        node->green = color.g;
        node->blue = color.b;
    }
    figure->weight_min = INFINITY;
    figure->weight_max = -INFINITY;
    for (size_t e = 0; e < figure->n_edges; e++) {
        network_edge_t *edge = &figure->edges[e];
        edge->from = IGRAPH_FROM(g, (igraph_integer_t)e);
        edge->to = IGRAPH_TO(g, (igraph_integer_t)e);
        edge->weight = figure->bipartite ? 1.0 : VECTOR(figure->graph->weight)[e];
        edge->to_side = false;
        if (edge->weight < figure->weight_min)
            figure->weight_min = edge->weight;
        if (edge->weight > figure->weight_max)
            figure->weight_max = edge->weight;
    }
    if (figure->bipartite)
        return COOPNET_OK;
    /* arrowheads: directed ties the options keep, between two drawn actors, once per pair */
    coopnet_u64map_t arrow_pairs;
    coopnet_i_u64map_init(&arrow_pairs);
    for (size_t t = 0; t < bundle->n_ties && status == COOPNET_OK; t++) {
        const coopnet_tie_t *tie = &bundle->ties[t];
        if (!tie->directed || !coopnet_graph_keeps_tie(bundle, t, &figure->options->graph))
            continue;
        if (figure->options->graph.layer == COOPNET_LAYER_EVENTS)
            continue;
        igraph_integer_t from = VECTOR(figure->graph->vertex_of_actor)[tie->from];
        igraph_integer_t to = VECTOR(figure->graph->vertex_of_actor)[tie->to];
        if (from < 0 || to < 0 || from == to)
            continue;
        int64_t seen;
        if (coopnet_i_u64map_put(&arrow_pairs, (uint64_t)from << 32 | (uint64_t)to,
                                 (int64_t)figure->n_arrows, &seen) != 0)
            status = COOPNET_ERROR(err, COOPNET_ENOMEM, "out of memory");
        else if (seen < 0)
            figure->arrows[figure->n_arrows++] = (network_arrow_t){from, to};
    }
    coopnet_i_u64map_destroy(&arrow_pairs);
    return status;
}

/* Node sizes: the values given for the graph (checked to be its own), or on the two-mode graph
 * its degree (events attended, actors present); NaN (closeness, constraint of an isolated actor)
 * is drawn as 0, the smallest size. */
static int compute_sizes(network_figure_t *figure, const coopnet_vertex_values_t *sizes,
                         coopnet_error_t *err)
{
    int status = COOPNET_OK;
    figure->size_min = 0;
    figure->size_max = 0;
    figure->size_measure = NULL;
    if (figure->bipartite) {
        if (sizes->measure == NULL)
            return COOPNET_OK;
        igraph_vector_int_t degrees;
        COOPNET_IGRAPH_CHECK(err, status, igraph_vector_int_init(&degrees, 0), "degree");
        status = igraph_degree(&figure->two_mode->graph, &degrees, igraph_vss_all(), IGRAPH_ALL,
                               IGRAPH_LOOPS) == IGRAPH_SUCCESS
                     ? COOPNET_OK
                     : COOPNET_ERROR(err, COOPNET_EINTERNAL, "degree failed");
        if (status == COOPNET_OK &&
            igraph_vector_resize(&figure->size_values, igraph_vector_int_size(&degrees)) ==
                IGRAPH_SUCCESS) {
            for (igraph_integer_t v = 0; v < igraph_vector_int_size(&degrees); v++)
                VECTOR(figure->size_values)[v] = (double)VECTOR(degrees)[v];
            figure->size_measure = "degree";
        }
        igraph_vector_int_destroy(&degrees);
        if (status != COOPNET_OK)
            return status;
    } else if (sizes->values != NULL) {
        if ((status = coopnet_i_vertex_values_check(sizes, figure->graph, err)) != COOPNET_OK)
            return status;
        COOPNET_IGRAPH_CHECK(err, status, igraph_vector_update(&figure->size_values, sizes->values),
                             "sizes");
        figure->size_measure = sizes->measure ? sizes->measure : "size";
    }
    if (figure->size_measure == NULL)
        return COOPNET_OK;
    figure->size_min = INFINITY;
    figure->size_max = -INFINITY;
    for (size_t v = 0; v < figure->n_nodes; v++) {
        double value = VECTOR(figure->size_values)[v];
        if (isnan(value))
            value = 0;
        figure->nodes[v].value = value;
        if (value < figure->size_min)
            figure->size_min = value;
        if (value > figure->size_max)
            figure->size_max = value;
    }
cleanup:
    return status;
}

/* Area proportional to the value above the minimum, between the style's radii. */
static double radius_of_value(const network_figure_t *figure, double value)
{
    if (figure->size_measure == NULL || !(figure->size_max > figure->size_min) || isnan(value))
        return figure->size_measure == NULL
                   ? 5.0
                   : (COOPNET_STYLE_NODE_MIN_RADIUS + COOPNET_STYLE_NODE_MAX_RADIUS) / 2;
    double t = (value - figure->size_min) / (figure->size_max - figure->size_min);
    double min_area = COOPNET_STYLE_NODE_MIN_RADIUS * COOPNET_STYLE_NODE_MIN_RADIUS;
    double max_area = COOPNET_STYLE_NODE_MAX_RADIUS * COOPNET_STYLE_NODE_MAX_RADIUS;
    return sqrt(min_area + t * (max_area - min_area));
}

/* ---- layouts (in layout units; mapped to the plot later) ---- */

typedef struct order_key {
    size_t node;
    double primary, secondary;
} order_key_t;

static int compare_order_keys(const void *a, const void *b)
{
    const order_key_t *x = a, *y = b;
    if (x->primary != y->primary)
        return x->primary < y->primary ? -1 : 1;
    if (x->secondary != y->secondary)
        return x->secondary > y->secondary ? -1 : 1; /* larger first */
    return x->node < y->node ? -1 : x->node > y->node;
}

static int layout_circle(network_figure_t *figure, coopnet_error_t *err)
{
    const char *group_by =
        figure->options->group_by ? figure->options->group_by : figure->options->color_by;
    coopnet_draw_categories_t groups;
    int status = coopnet_i_draw_categories_init(&groups, figure->bundle, group_by, err);
    if (status != COOPNET_OK)
        return status;
    order_key_t *keys = coopnet_i_alloc_array(figure->n_nodes + 1, sizeof *keys);
    if (keys == NULL) {
        coopnet_i_draw_categories_destroy(&groups);
        return COOPNET_ERROR(err, COOPNET_ENOMEM, "out of memory");
    }
    for (size_t v = 0; v < figure->n_nodes; v++) {
        size_t category = groups.category[figure->nodes[v].actor];
        keys[v].node = v;
        keys[v].primary = category == SIZE_MAX ? 1e9 : (double)category;
        keys[v].secondary = isnan(figure->nodes[v].value) ? 0 : figure->nodes[v].value;
    }
    qsort(keys, figure->n_nodes, sizeof *keys, compare_order_keys);
    /* a gap of two slots between groups shows where one ends */
    size_t n_groups = 0;
    for (size_t i = 0; i < figure->n_nodes; i++)
        if (i == 0 || keys[i].primary != keys[i - 1].primary)
            n_groups++;
    double slots = (double)figure->n_nodes + (n_groups > 1 ? 2.0 * (double)n_groups : 0.0);
    double slot = 0;
    for (size_t i = 0; i < figure->n_nodes; i++) {
        if (i > 0 && keys[i].primary != keys[i - 1].primary)
            slot += 2;
        double angle = -G_PI / 2 + 2 * G_PI * slot / (slots > 0 ? slots : 1);
        MATRIX(figure->positions, keys[i].node, 0) = cos(angle);
        MATRIX(figure->positions, keys[i].node, 1) = sin(angle);
        slot += 1;
    }
    free(keys);
    coopnet_i_draw_categories_destroy(&groups);
    return COOPNET_OK;
}

/* Two ranks: events on the left ordered by date, actors on the right ordered by the mean rank
 * of the events they attended (one barycentre pass, which removes most crossings). */
static int layout_bipartite(network_figure_t *figure, coopnet_error_t *err)
{
    const coopnet_bundle_t *bundle = figure->bundle;
    order_key_t *keys = coopnet_i_alloc_array(figure->n_nodes + 1, sizeof *keys);
    double *event_rank = coopnet_i_alloc_array(figure->n_nodes + 1, sizeof(double));
    double *rank_sum = calloc(figure->n_nodes + 1, sizeof(double));
    size_t *rank_count = calloc(figure->n_nodes + 1, sizeof(size_t));
    if (keys == NULL || event_rank == NULL || rank_sum == NULL || rank_count == NULL) {
        free(keys);
        free(event_rank);
        free(rank_sum);
        free(rank_count);
        return COOPNET_ERROR(err, COOPNET_ENOMEM, "out of memory");
    }
    size_t n_events = 0, n_actors = 0;
    for (size_t v = 0; v < figure->n_nodes; v++) {
        if (figure->nodes[v].event < 0)
            continue;
        const coopnet_event_t *event = &bundle->events[figure->nodes[v].event];
        keys[n_events].node = v;
        keys[n_events].primary = event->date.precision == COOPNET_DATE_NONE ? 1e9 : event->date.day;
        keys[n_events].secondary = -(double)figure->nodes[v].event;
        n_events++;
    }
    qsort(keys, n_events, sizeof *keys, compare_order_keys);
    for (size_t i = 0; i < n_events; i++) {
        event_rank[keys[i].node] = (double)i;
        MATRIX(figure->positions, keys[i].node, 0) = 0;
        MATRIX(figure->positions, keys[i].node, 1) =
            n_events > 1 ? (double)i / (n_events - 1) : 0.5;
    }
    /* each edge joins an actor and an event: one pass sums the event ranks per actor, O(E) */
    for (size_t e = 0; e < figure->n_edges; e++) {
        igraph_integer_t from = figure->edges[e].from, to = figure->edges[e].to;
        bool from_is_event = figure->nodes[from].event >= 0;
        igraph_integer_t actor = from_is_event ? to : from, event = from_is_event ? from : to;
        if (figure->nodes[actor].event >= 0 || figure->nodes[event].event < 0)
            continue;
        rank_sum[actor] += event_rank[event];
        rank_count[actor]++;
    }
    for (size_t v = 0; v < figure->n_nodes; v++) {
        if (figure->nodes[v].event >= 0)
            continue;
        keys[n_actors].node = v;
        keys[n_actors].primary = rank_count[v] ? rank_sum[v] / (double)rank_count[v] : 1e9;
        keys[n_actors].secondary = -(double)figure->nodes[v].actor;
        n_actors++;
    }
    qsort(keys, n_actors, sizeof *keys, compare_order_keys);
    for (size_t i = 0; i < n_actors; i++) {
        MATRIX(figure->positions, keys[i].node, 0) = 1;
        MATRIX(figure->positions, keys[i].node, 1) =
            n_actors > 1 ? (double)i / (n_actors - 1) : 0.5;
    }
    free(keys);
    free(event_rank);
    free(rank_sum);
    free(rank_count);
    return COOPNET_OK;
}

/* The force layouts of graph (kind kk, drl, else fr) for seed into positions (resized). */
static int layout_force(const coopnet_graph_t *graph, coopnet_layout_kind_t kind,
                        unsigned long seed, igraph_matrix_t *positions, coopnet_error_t *err)
{
    int status = COOPNET_OK;
    const igraph_t *g = &graph->graph;
    igraph_integer_t n = igraph_vcount(g);
    igraph_rng_seed(igraph_rng_default(), seed);
    if (n == 0)
        return COOPNET_OK;
    if (kind == COOPNET_LAYOUT_KK) {
        COOPNET_IGRAPH_CHECK(err, status,
                             igraph_layout_kamada_kawai(g, positions, false, 50 * n, 0,
                                                        (igraph_real_t)n, NULL, NULL, NULL, NULL,
                                                        NULL),
                             "Kamada-Kawai layout");
    } else if (kind == COOPNET_LAYOUT_DRL) {
        igraph_layout_drl_options_t drl;
        COOPNET_IGRAPH_CHECK(err, status,
                             igraph_layout_drl_options_init(&drl, IGRAPH_LAYOUT_DRL_DEFAULT),
                             "DrL options");
        COOPNET_IGRAPH_CHECK(err, status,
                             igraph_layout_drl(g, positions, false, &drl, &graph->weight),
                             "DrL layout");
    } else {
        /* attraction grows with the square root of the weight: heavy ties pull, without
         * collapsing the actors of one large event onto a point */
        igraph_vector_t weights;
        COOPNET_IGRAPH_CHECK(err, status, igraph_vector_init_copy(&weights, &graph->weight),
                             "layout weights");
        for (igraph_integer_t e = 0; e < igraph_vector_size(&weights); e++)
            VECTOR(weights)[e] = sqrt(VECTOR(weights)[e]);
        /* exact repulsion (O(V^2) per iteration) up to FR_EXACT_MAX_NODES; above, far nodes
         * repel as groups (Barnes-Hut), so that 10 000 actors lay out in about a second */
        igraph_integer_t iterations = FR_LARGE_ITERATIONS;
        igraph_error_t igraph_status = IGRAPH_SUCCESS;
        if (n > FR_EXACT_MAX_NODES)
            status = coopnet_i_layout_large(g, &weights, iterations, positions, err);
        else
            igraph_status = igraph_layout_fruchterman_reingold(
                g, positions, false, FR_ITERATIONS, sqrt((double)n), IGRAPH_LAYOUT_NOGRID, &weights,
                NULL, NULL, NULL, NULL);
        igraph_vector_destroy(&weights);
        COOPNET_IGRAPH_CHECK(err, status, igraph_status, "Fruchterman-Reingold layout");
    }
cleanup:
    return status;
}

int coopnet_i_draw_network_positions(const coopnet_graph_t *graph, coopnet_layout_kind_t kind,
                                     unsigned long seed, igraph_matrix_t *positions,
                                     coopnet_error_t *err)
{
    int status = COOPNET_OK;
    if (kind != COOPNET_LAYOUT_AUTO && kind != COOPNET_LAYOUT_FR && kind != COOPNET_LAYOUT_KK &&
        kind != COOPNET_LAYOUT_DRL)
        return COOPNET_ERROR(err, COOPNET_EINVAL, "positions are computed for force layouts only");
    COOPNET_IGRAPH_CHECK(
        err, status, igraph_matrix_resize(positions, igraph_vcount(&graph->graph), 2), "layout");
    igraph_matrix_null(positions);
    status = layout_force(graph, kind, seed, positions, err);
cleanup:
    return status;
}

/* ---- geographic layout ---- */

static int layout_geo(network_figure_t *figure, coopnet_error_t *err)
{
    /* the land is drawn when the map data is there; without it the map is a bare graticule */
    coopnet_i_basemap_open(&figure->basemap, NULL);
    int status = coopnet_i_geo_placement_init(&figure->geo, figure->graph, &figure->basemap, err);
    if (status != COOPNET_OK)
        return status;
    const coopnet_geo_placement_t *geo = &figure->geo;
    figure->geo_lon_min = geo->lon_min;
    figure->geo_lon_max = geo->lon_max;
    figure->geo_lat_min = geo->lat_min;
    figure->geo_lat_max = geo->lat_max;
    figure->geo_cos = geo->cos_lat;
    for (size_t v = 0; v < figure->n_nodes; v++) {
        MATRIX(figure->positions, v, 0) = geo->lon[v];
        MATRIX(figure->positions, v, 1) = geo->lat[v];
        figure->nodes[v].approximate = geo->place[v] != COOPNET_GEO_LOCATED;
        figure->in_side_column[v] = geo->place[v] == COOPNET_GEO_LISTED;
    }
    figure->n_near_country = geo->counts[COOPNET_GEO_BY_COUNTRY];
    figure->n_side = geo->counts[COOPNET_GEO_LISTED];
    return COOPNET_OK;
}

/* ---- mapping to the page ---- */

/* Fits the nodes' bounding box to inner (each axis scaled on its own). */
static void refit(network_figure_t *figure, coopnet_rect_t inner)
{
    double min_x = INFINITY, max_x = -INFINITY, min_y = INFINITY, max_y = -INFINITY;
    for (size_t v = 0; v < figure->n_nodes; v++) {
        min_x = fmin(min_x, figure->nodes[v].x);
        max_x = fmax(max_x, figure->nodes[v].x);
        min_y = fmin(min_y, figure->nodes[v].y);
        max_y = fmax(max_y, figure->nodes[v].y);
    }
    for (size_t v = 0; v < figure->n_nodes; v++) {
        coopnet_figure_node_t *node = &figure->nodes[v];
        node->x = max_x > min_x ? inner.x + (node->x - min_x) / (max_x - min_x) * inner.w
                                : inner.x + inner.w / 2;
        node->y = max_y > min_y ? inner.y + (node->y - min_y) / (max_y - min_y) * inner.h
                                : inner.y + inner.h / 2;
    }
}

/* Pushes a and b (nodes i < j) apart when closer than their radii plus room; true if moved.
 * Distances by hypot (the small figures, placed as they always were) or, where thousands of
 * pairs are looked at (the grid), by a square root, several times faster; the two differ in
 * the last bit at most. */
static bool push_apart(coopnet_figure_node_t *a, coopnet_figure_node_t *b, size_t i, size_t j,
                       double room, bool by_square_root)
{
    double wanted = a->radius + b->radius + room;
    double dx = b->x - a->x, dy = b->y - a->y;
    if (fabs(dx) >= wanted || fabs(dy) >= wanted)
        return false;
    double distance = by_square_root ? sqrt(dx * dx + dy * dy) : hypot(dx, dy);
    if (distance >= wanted)
        return false;
    if (distance < 1e-6) {
        /* coincident: separate along a direction fixed by the indices */
        double angle = (double)(i * 7 + j * 13);
        dx = cos(angle);
        dy = sin(angle);
        distance = 1;
    } else {
        dx /= distance;
        dy /= distance;
    }
    double push = (wanted - distance) / 2 * 0.5;
    a->x -= dx * push;
    a->y -= dy * push;
    b->x += dx * push;
    b->y += dy * push;
    return true;
}

/* One sweep over every pair. O(V^2). */
static bool spread_sweep_all_pairs(network_figure_t *figure, double room)
{
    bool moved = false;
    for (size_t i = 0; i < figure->n_nodes; i++)
        for (size_t j = i + 1; j < figure->n_nodes; j++)
            moved |= push_apart(&figure->nodes[i], &figure->nodes[j], i, j, room, false);
    return moved;
}

/* Nodes bucketed by square cells at least as wide as the largest push distance. */
typedef struct spread_grid {
    size_t *cell_start; /* n_cells + 1 offsets into members */
    size_t *members;    /* node indices, by cell */
    size_t *cell_of;    /* per node */
    size_t capacity_cells, columns, rows;
    double x0, y0, cell;
} spread_grid_t;

/* One sweep over the pairs in neighbouring cells (the grid built from the positions at the
 * sweep's start). O(V * nodes per cell). */
static bool spread_sweep_grid(network_figure_t *figure, spread_grid_t *grid, double reach,
                              double room, double *pairs)
{
    size_t n = figure->n_nodes;
    double min_x = INFINITY, max_x = -INFINITY, min_y = INFINITY, max_y = -INFINITY;
    for (size_t v = 0; v < n; v++) {
        min_x = fmin(min_x, figure->nodes[v].x);
        max_x = fmax(max_x, figure->nodes[v].x);
        min_y = fmin(min_y, figure->nodes[v].y);
        max_y = fmax(max_y, figure->nodes[v].y);
    }
    /* cells of side reach, fewer (wider) when the grid would outgrow its arrays */
    grid->cell = reach;
    while ((size_t)((max_x - min_x) / grid->cell + 1) * (size_t)((max_y - min_y) / grid->cell + 1) >
           grid->capacity_cells)
        grid->cell *= 1.5;
    grid->x0 = min_x;
    grid->y0 = min_y;
    grid->columns = (size_t)((max_x - min_x) / grid->cell) + 1;
    grid->rows = (size_t)((max_y - min_y) / grid->cell) + 1;
    size_t n_cells = grid->columns * grid->rows;
    memset(grid->cell_start, 0, (n_cells + 1) * sizeof *grid->cell_start);
    for (size_t v = 0; v < n; v++) {
        size_t column = (size_t)((figure->nodes[v].x - grid->x0) / grid->cell);
        size_t row = (size_t)((figure->nodes[v].y - grid->y0) / grid->cell);
        grid->cell_of[v] = row * grid->columns + column;
        grid->cell_start[grid->cell_of[v] + 1]++;
    }
    for (size_t c = 0; c < n_cells; c++)
        grid->cell_start[c + 1] += grid->cell_start[c];
    for (size_t v = 0; v < n; v++) /* counting sort: members of a cell in node order */
        grid->members[grid->cell_start[grid->cell_of[v]]++] = v;
    for (size_t c = n_cells; c > 0; c--)
        grid->cell_start[c] = grid->cell_start[c - 1];
    grid->cell_start[0] = 0;
    bool moved = false;
    for (size_t i = 0; i < n; i++) {
        size_t column = grid->cell_of[i] % grid->columns, row = grid->cell_of[i] / grid->columns;
        for (size_t r = row > 0 ? row - 1 : 0; r <= row + 1 && r < grid->rows; r++)
            for (size_t c = column > 0 ? column - 1 : 0; c <= column + 1 && c < grid->columns;
                 c++) {
                size_t cell = r * grid->columns + c;
                *pairs += (double)(grid->cell_start[cell + 1] - grid->cell_start[cell]);
                for (size_t k = grid->cell_start[cell]; k < grid->cell_start[cell + 1]; k++) {
                    size_t j = grid->members[k];
                    if (j > i)
                        moved |= push_apart(&figure->nodes[i], &figure->nodes[j], i, j, room, true);
                }
            }
    }
    return moved;
}

/* Force layouts of cooperation graphs pack the actors of large events into a dense core while a
 * few peripheral actors stretch the scale. On the page, push apart every pair of nodes closer
 * than their radii plus room for a label, and refit: the core opens up, the periphery comes in.
 * All pairs up to SPREAD_ALL_PAIRS_MAX nodes, O(rounds * V^2); above, pairs in neighbouring
 * cells of a grid, O(rounds * V) for evenly spread nodes. */
static void spread_nodes(network_figure_t *figure, coopnet_rect_t inner)
{
    size_t n = figure->n_nodes;
    double room = fmin(SPREAD_ROOM, sqrt(inner.w * inner.h / (double)(n > 0 ? n : 1)) * 0.45);
    double max_radius = 0;
    for (size_t v = 0; v < n; v++)
        max_radius = fmax(max_radius, figure->nodes[v].radius);
    spread_grid_t grid = {0};
    bool use_grid = n > SPREAD_ALL_PAIRS_MAX;
    if (use_grid) {
        grid.capacity_cells = 4 * n;
        grid.cell_start = coopnet_i_alloc_array(grid.capacity_cells + 1, sizeof(size_t));
        grid.members = coopnet_i_alloc_array(n, sizeof(size_t));
        grid.cell_of = coopnet_i_alloc_array(n, sizeof(size_t));
        if (!grid.cell_start || !grid.members || !grid.cell_of)
            goto cleanup; /* out of memory: the nodes stay where the layout put them */
    }
    /* large graphs: fewer sweeps, each still opening up the densest places */
    int iterations = use_grid ? (int)fmax(SPREAD_LARGE_MIN_ITERATIONS,
                                          SPREAD_ITERATIONS * SPREAD_ALL_PAIRS_MAX / (double)n)
                              : SPREAD_ITERATIONS;
    double pairs = 0; /* looked at so far (grid), for SPREAD_MAX_PAIRS */
    int sweeps = 0;
    bool crowded = false;
    for (int round = 0; round < SPREAD_ROUNDS && !crowded; round++) {
        for (int iteration = 0; iteration < iterations; iteration++) {
            /* a sweep like the ones before would go over the bound: the crowd stays as it is */
            if (use_grid && sweeps > 0 && pairs / sweeps * (sweeps + 1) > SPREAD_MAX_PAIRS) {
                crowded = true;
                break;
            }
            bool moved = use_grid ? spread_sweep_grid(figure, &grid, 2 * max_radius + room + 1e-9,
                                                      room, &pairs)
                                  : spread_sweep_all_pairs(figure, room);
            sweeps++;
            if (!moved)
                break;
        }
        refit(figure, inner);
    }
cleanup:
    free(grid.cell_start);
    free(grid.members);
    free(grid.cell_of);
}

static void map_positions(network_figure_t *figure, coopnet_rect_t area)
{
    double pad = COOPNET_STYLE_NODE_MAX_RADIUS + 2;
    coopnet_rect_t inner = {area.x + pad, area.y + pad, area.w - 2 * pad, area.h - 2 * pad};
    if (figure->kind == COOPNET_LAYOUT_BIPARTITE) {
        /* room for the event titles on the left and the actor names on the right */
        double left = fmin(150, inner.w * 0.3), right = fmin(130, inner.w * 0.3);
        inner.x += left;
        inner.w -= left + right;
    }
    if (inner.w < 1)
        inner.w = 1;
    if (inner.h < 1)
        inner.h = 1;
    if (figure->kind == COOPNET_LAYOUT_GEO) {
        /* equirectangular, one scale for both axes, centred */
        double span_x = (figure->geo_lon_max - figure->geo_lon_min) * figure->geo_cos;
        double span_y = figure->geo_lat_max - figure->geo_lat_min;
        double scale = fmin(area.w / span_x, area.h / span_y);
        /* widen the shorter side's range so that the map fills the area */
        double extra_lon = (area.w / scale - span_x) / figure->geo_cos / 2;
        double extra_lat = (area.h / scale - span_y) / 2;
        figure->geo_lon_min -= extra_lon;
        figure->geo_lon_max += extra_lon;
        figure->geo_lat_min -= extra_lat;
        figure->geo_lat_max += extra_lat;
        /* a tall or wide area must not pad the map beyond the poles or the date line: the
         * map then keeps the clamped range, centred in the area */
        coopnet_i_geo_clamp_range(&figure->geo_lon_min, &figure->geo_lon_max, 180);
        coopnet_i_geo_clamp_range(&figure->geo_lat_min, &figure->geo_lat_max, 90);
        double map_w = (figure->geo_lon_max - figure->geo_lon_min) * figure->geo_cos * scale;
        double map_h = (figure->geo_lat_max - figure->geo_lat_min) * scale;
        figure->map = (coopnet_rect_t){area.x + (area.w - map_w) / 2, area.y + (area.h - map_h) / 2,
                                       map_w, map_h};
        for (size_t v = 0; v < figure->n_nodes; v++) {
            if (figure->in_side_column[v])
                continue;
            double lon = MATRIX(figure->positions, v, 0), lat = MATRIX(figure->positions, v, 1);
            figure->nodes[v].x =
                figure->map.x + (lon - figure->geo_lon_min) * figure->geo_cos * scale;
            figure->nodes[v].y = figure->map.y + (figure->geo_lat_max - lat) * scale;
        }
        return;
    }
    /* the box of the positions, or of the larger set they are part of (panels of one scale) */
    const igraph_matrix_t *box = figure->extent_positions && figure->kind != COOPNET_LAYOUT_CIRCLE
                                     ? figure->extent_positions
                                     : &figure->positions;
    double min_x = INFINITY, max_x = -INFINITY, min_y = INFINITY, max_y = -INFINITY;
    for (igraph_integer_t v = 0; v < igraph_matrix_nrow(box); v++) {
        min_x = fmin(min_x, MATRIX(*box, v, 0));
        max_x = fmax(max_x, MATRIX(*box, v, 0));
        min_y = fmin(min_y, MATRIX(*box, v, 1));
        max_y = fmax(max_y, MATRIX(*box, v, 1));
    }
    double span_x = max_x - min_x, span_y = max_y - min_y;
    bool keep_aspect = figure->kind == COOPNET_LAYOUT_CIRCLE;
    double scale_x = span_x > 0 ? inner.w / span_x : 0;
    double scale_y = span_y > 0 ? inner.h / span_y : 0;
    if (keep_aspect) {
        double scale = fmin(scale_x > 0 ? scale_x : INFINITY, scale_y > 0 ? scale_y : INFINITY);
        scale_x = scale_y = isfinite(scale) ? scale : 0;
    }
    double offset_x = inner.x + (inner.w - span_x * scale_x) / 2;
    double offset_y = inner.y + (inner.h - span_y * scale_y) / 2;
    for (size_t v = 0; v < figure->n_nodes; v++) {
        figure->nodes[v].x = offset_x + (MATRIX(figure->positions, v, 0) - min_x) * scale_x;
        figure->nodes[v].y = offset_y + (MATRIX(figure->positions, v, 1) - min_y) * scale_y;
    }
    bool force_directed = figure->kind == COOPNET_LAYOUT_FR || figure->kind == COOPNET_LAYOUT_KK ||
                          figure->kind == COOPNET_LAYOUT_DRL;
    if (force_directed)
        spread_nodes(figure, inner);
}

void coopnet_i_network_placement_destroy(coopnet_network_placement_t *placement)
{
    if (placement == NULL)
        return;
    free(placement->xy);
    free(placement->actors);
    memset(placement, 0, sizeof *placement);
}

/* Places figure's nodes where kept has their actors (moved to area), when kept holds every one
 * of them: the same actors at the same places in a panel of fewer actors (the network without
 * its convener beside the network today). False, placing nothing, otherwise. */
static bool place_kept_actors(network_figure_t *figure, const coopnet_network_placement_t *kept,
                              coopnet_rect_t area)
{
    size_t n_actors = figure->bundle->n_actors;
    long *slot = coopnet_i_alloc_array(n_actors + 1, sizeof *slot);
    if (slot == NULL)
        return false;
    for (size_t a = 0; a < n_actors; a++)
        slot[a] = -1;
    for (size_t i = 0; i < kept->n_nodes; i++)
        if (kept->actors[i] >= 0 && (size_t)kept->actors[i] < n_actors)
            slot[kept->actors[i]] = (long)i;
    bool all = true;
    for (size_t v = 0; v < figure->n_nodes && all; v++) {
        long actor = figure->nodes[v].actor;
        all = actor >= 0 && (size_t)actor < n_actors && slot[actor] >= 0;
    }
    for (size_t v = 0; v < figure->n_nodes && all; v++) {
        size_t i = (size_t)slot[figure->nodes[v].actor];
        figure->nodes[v].x = kept->xy[2 * i] + (area.x - kept->area.x);
        figure->nodes[v].y = kept->xy[2 * i + 1] + (area.y - kept->area.y);
    }
    free(slot);
    return all;
}

/* map_positions, or its result kept in figure->placement from a figure that placed every actor
 * of this one in an area of the same size (moved to this area); the result is kept when nothing
 * was. */
static void place_nodes(network_figure_t *figure, coopnet_rect_t area)
{
    /* small figures place their nodes in no time: the cache is for the spreading of large ones */
    coopnet_network_placement_t *kept =
        figure->n_nodes > SPREAD_ALL_PAIRS_MAX ? figure->placement : NULL;
    if (kept != NULL && kept->xy != NULL && kept->area.w == area.w && kept->area.h == area.h &&
        place_kept_actors(figure, kept, area))
        return;
    map_positions(figure, area);
    if (kept == NULL || kept->xy != NULL)
        return;
    kept->xy = coopnet_i_alloc_array(2 * figure->n_nodes + 1, sizeof *kept->xy);
    kept->actors = coopnet_i_alloc_array(figure->n_nodes + 1, sizeof *kept->actors);
    if (kept->xy == NULL || kept->actors == NULL) {
        coopnet_i_network_placement_destroy(kept); /* the next figure places its nodes again */
        return;
    }
    for (size_t v = 0; v < figure->n_nodes; v++) {
        kept->xy[2 * v] = figure->nodes[v].x;
        kept->xy[2 * v + 1] = figure->nodes[v].y;
        kept->actors[v] = figure->nodes[v].actor;
    }
    kept->n_nodes = figure->n_nodes;
    kept->area = area;
}

#define UNLABELLED_MAX_CHARS 600 /* the names of the map's unlabelled actors in its note */
#define MAX_UNLABELLED_PASSES 6
#define APPROXIMATE_RING 1.9 /* pt: the dashed ring around an approximate node, beyond its rim */
#define PLACE_GAP 2.0        /* pt between an approximate node's ring and any other node */
#define PLACE_STEP 3.0       /* pt between candidate positions */

/* The nodes fixed on the map so far, bucketed by square cells as wide as the largest distance
 * two node centres must keep, so that a spot is checked against the 3 x 3 cells around it. */
typedef struct place_grid {
    double x0, y0, cell;
    size_t columns, rows;
    size_t *head; /* per cell: the first node, SIZE_MAX: none */
    size_t *next; /* per node: the next node of its cell */
} place_grid_t;

static size_t grid_index(double value, double origin, double cell, size_t count)
{
    double index = floor((value - origin) / cell);
    return index < 0 ? 0 : index >= (double)count ? count - 1 : (size_t)index;
}

static void grid_add(place_grid_t *grid, const coopnet_figure_node_t *node, size_t v)
{
    size_t cell = grid_index(node->y, grid->y0, grid->cell, grid->rows) * grid->columns +
                  grid_index(node->x, grid->x0, grid->cell, grid->columns);
    grid->next[v] = grid->head[cell];
    grid->head[cell] = v;
}

/* True when approximate node v at (x, y) would touch a node already fixed (located, or
 * approximate and placed before it) or leave the map. O(nodes in the 3 x 3 cells). */
static bool spot_taken(const network_figure_t *figure, const place_grid_t *grid, size_t v, double x,
                       double y)
{
    double reach = figure->nodes[v].radius + APPROXIMATE_RING;
    coopnet_rect_t map = figure->map;
    if (x - reach < map.x || x + reach > map.x + map.w || y - reach < map.y ||
        y + reach > map.y + map.h)
        return true;
    size_t column = grid_index(x, grid->x0, grid->cell, grid->columns);
    size_t row = grid_index(y, grid->y0, grid->cell, grid->rows);
    for (size_t r = row > 0 ? row - 1 : 0; r <= row + 1 && r < grid->rows; r++)
        for (size_t c = column > 0 ? column - 1 : 0; c <= column + 1 && c < grid->columns; c++)
            for (size_t w = grid->head[r * grid->columns + c]; w != SIZE_MAX; w = grid->next[w]) {
                const coopnet_figure_node_t *other = &figure->nodes[w];
                double wanted = reach + PLACE_GAP + other->radius +
                                (other->approximate ? APPROXIMATE_RING : 0.0);
                double dx = other->x - x, dy = other->y - y;
                if (dx * dx + dy * dy < wanted * wanted)
                    return true;
            }
    return false;
}

typedef struct place_order {
    double radius;
    size_t node;
} place_order_t;

static int compare_place_order(const void *a, const void *b)
{
    const place_order_t *x = a, *y = b;
    if (x->radius != y->radius)
        return x->radius > y->radius ? -1 : 1;
    return x->node < y->node ? -1 : x->node > y->node;
}

/* How far out the last actor of one anchor was placed: the next starts a little inside it. */
typedef struct anchor_reach {
    double x, y, distance;
} anchor_reach_t;

/* Actors placed by country start at their country's anchor; each moves outwards from there to
 * the nearest spot where it and its dashed ring cover no located actor and no actor placed
 * before it, and stay on the map (rings of candidates PLACE_STEP apart, starting below-right).
 * The largest first, so that the small ones fill the gaps. An actor with no such spot stays at
 * the anchor (a map too small for its actors). Each search starts just inside the ring where
 * the anchor's previous actor went, so a country with many actors costs about O(candidates on
 * a few rings) per actor; a check looks at the nodes in neighbouring cells only. */
static int place_by_country(network_figure_t *figure, coopnet_error_t *err)
{
    size_t n = figure->n_nodes;
    int status = COOPNET_OK;
    double max_reach = 0;
    for (size_t v = 0; v < n; v++)
        max_reach = fmax(max_reach, figure->nodes[v].radius + APPROXIMATE_RING);
    place_grid_t grid = {0};
    grid.cell = 2 * max_reach + PLACE_GAP;
    grid.x0 = figure->map.x;
    grid.y0 = figure->map.y;
    grid.columns = (size_t)fmin(4096, fmax(1, ceil(figure->map.w / grid.cell)));
    grid.rows = (size_t)fmin(4096, fmax(1, ceil(figure->map.h / grid.cell)));
    grid.head = coopnet_i_alloc_array(grid.columns * grid.rows, sizeof *grid.head);
    grid.next = coopnet_i_alloc_array(n + 1, sizeof *grid.next);
    place_order_t *order = coopnet_i_alloc_array(n + 1, sizeof *order);
    anchor_reach_t *reached = coopnet_i_alloc_array(n + 1, sizeof *reached);
    if (grid.head == NULL || grid.next == NULL || order == NULL || reached == NULL) {
        status = COOPNET_ERROR(err, COOPNET_ENOMEM, "out of memory");
        goto cleanup;
    }
    for (size_t c = 0; c < grid.columns * grid.rows; c++)
        grid.head[c] = SIZE_MAX;
    size_t n_order = 0, n_reached = 0;
    for (size_t v = 0; v < n; v++) {
        if (figure->in_side_column[v])
            continue;
        if (figure->nodes[v].approximate)
            order[n_order++] = (place_order_t){figure->nodes[v].radius, v};
        else
            grid_add(&grid, &figure->nodes[v], v);
    }
    qsort(order, n_order, sizeof *order, compare_place_order);
    double max_distance = hypot(figure->map.w, figure->map.h);
    for (size_t i = 0; i < n_order; i++) {
        size_t v = order[i].node;
        coopnet_figure_node_t *node = &figure->nodes[v];
        double centre_x = node->x, centre_y = node->y;
        anchor_reach_t *anchor = NULL;
        for (size_t a = 0; a < n_reached && anchor == NULL; a++)
            if (reached[a].x == centre_x && reached[a].y == centre_y)
                anchor = &reached[a];
        if (anchor == NULL) {
            anchor = &reached[n_reached++];
            *anchor = (anchor_reach_t){centre_x, centre_y, 0};
        }
        double start = floor(fmax(0, anchor->distance - grid.cell) / PLACE_STEP) * PLACE_STEP;
        bool found = false;
        for (double distance = start; distance <= max_distance && !found; distance += PLACE_STEP) {
            int candidates =
                distance == 0 ? 1 : (int)fmax(8, floor(2 * G_PI * distance / PLACE_STEP));
            for (int k = 0; k < candidates && !found; k++) {
                double angle = G_PI / 4 + 2 * G_PI * k / candidates;
                double x = centre_x + distance * cos(angle), y = centre_y + distance * sin(angle);
                if (!spot_taken(figure, &grid, v, x, y)) {
                    node->x = x;
                    node->y = y;
                    anchor->distance = distance;
                    found = true;
                }
            }
        }
        grid_add(&grid, node, v);
    }
cleanup:
    free(grid.head);
    free(grid.next);
    free(order);
    free(reached);
    return status;
}

/* ---- drawing ---- */

static double edge_width(const network_figure_t *figure, double weight)
{
    double width = 0.6;
    if (figure->weight_max > figure->weight_min) {
        double t = (weight - figure->weight_min) / (figure->weight_max - figure->weight_min);
        width = 0.4 + 2.6 * sqrt(t);
    }
    return fmax(EDGE_MIN_WIDTH, width * figure->crowd_scale);
}

static int compare_edges_by_weight(const void *a, const void *b)
{
    const network_edge_t *x = a, *y = b;
    if (x->weight != y->weight)
        return x->weight < y->weight ? -1 : 1;
    if (x->from != y->from)
        return x->from < y->from ? -1 : 1;
    return x->to < y->to ? -1 : x->to > y->to;
}

#define EDGE_SORT_RADIX_MIN 65536  /* edges: from here a radix sort where it applies */
#define EDGE_SORT_MAX_WEIGHTS 1024 /* distinct weights the radix sort takes at most */

static atomic_bool radix_sort_enabled = true;
static atomic_size_t radix_sorts;

size_t coopnet_i_draw_set_radix_sort(bool enabled)
{
    atomic_store(&radix_sort_enabled, enabled);
    return atomic_load(&radix_sorts);
}

/* Where a weight stands among the n sorted distinct weights (it is one of them). */
static size_t weight_rank(const double *weights, size_t n, double weight)
{
    size_t lo = 0, hi = n;
    while (hi - lo > 1) {
        size_t middle = lo + (hi - lo) / 2;
        if (weights[middle] <= weight)
            lo = middle;
        else
            hi = middle;
    }
    return lo;
}

/* Sorts the edges as compare_edges_by_weight does. A co-attendance network has few distinct
 * weights, so an edge is a 64-bit key: its weight's rank among them, its ends and to_side, in
 * that order of significance; the keys are sorted by radix (a pass per 11 bits in use, a pass
 * skipped where every key has the same digit) and written back as edges. Where qsort took 1.9 s
 * of 7.9 million links this takes about a tenth, with 126 MB of keys (not a second copy of the
 * edges). Otherwise (many weights, more nodes than the key holds, no memory), qsort. */
#define EDGE_SORT_DIGIT_BITS 11
#define EDGE_SORT_DIGITS ((size_t)1 << EDGE_SORT_DIGIT_BITS)

/* The bits that hold every value below count. */
static int bits_for(uint64_t count)
{
    int bits = 0;
    while (bits < 64 && count > 1 && (count - 1) >> bits != 0)
        bits++;
    return bits;
}

static void sort_edges_by_weight(network_figure_t *figure)
{
    size_t n = figure->n_edges;
    network_edge_t *edges = figure->edges;
    double weights[EDGE_SORT_MAX_WEIGHTS];
    size_t n_weights = 0;
    bool radix = n >= EDGE_SORT_RADIX_MIN && atomic_load(&radix_sort_enabled);
    for (size_t e = 0; e < n && radix; e++) {
        double w = edges[e].weight;
        if (!isfinite(w)) {
            radix = false;
            break;
        }
        if (n_weights > 0 && weights[weight_rank(weights, n_weights, w)] == w)
            continue;
        if (n_weights == EDGE_SORT_MAX_WEIGHTS) {
            radix = false;
            break;
        }
        size_t at = n_weights > 0 && weights[0] <= w ? weight_rank(weights, n_weights, w) + 1 : 0;
        memmove(&weights[at + 1], &weights[at], (n_weights - at) * sizeof *weights);
        weights[at] = w;
        n_weights++;
    }
    int node_bits = bits_for(figure->n_nodes), rank_bits = bits_for(n_weights);
    int key_bits = rank_bits + 2 * node_bits + 1;
    uint64_t *keys = NULL, *spare = NULL;
    if (radix && key_bits <= 64) {
        keys = coopnet_i_alloc_array(n, sizeof *keys);
        spare = coopnet_i_alloc_array(n, sizeof *spare);
    }
    if (keys == NULL || spare == NULL) {
        free(keys);
        free(spare);
        qsort(edges, n, sizeof *edges, compare_edges_by_weight);
        return;
    }
    double last_weight = NAN;
    uint64_t rank = 0;
    for (size_t e = 0; e < n; e++) {
        if (edges[e].weight != last_weight) {
            last_weight = edges[e].weight;
            rank = weight_rank(weights, n_weights, last_weight);
        }
        keys[e] = rank << (2 * node_bits + 1) | (uint64_t)edges[e].from << (node_bits + 1) |
                  (uint64_t)edges[e].to << 1 | (uint64_t)edges[e].to_side;
    }
    for (int shift = 0; shift < key_bits; shift += EDGE_SORT_DIGIT_BITS) {
        const size_t digits = EDGE_SORT_DIGITS;
        const uint64_t mask = EDGE_SORT_DIGITS - 1;
        size_t start[EDGE_SORT_DIGITS + 1] = {0};
        for (size_t e = 0; e < n; e++)
            start[(keys[e] >> shift & mask) + 1]++;
        if (start[(keys[0] >> shift & mask) + 1] == n)
            continue; /* one digit for all */
        for (size_t d = 0; d < digits; d++)
            start[d + 1] += start[d];
        for (size_t e = 0; e < n; e++)
            spare[start[keys[e] >> shift & mask]++] = keys[e];
        uint64_t *sorted = spare;
        spare = keys;
        keys = sorted;
    }
    const uint64_t node_mask = ((uint64_t)1 << node_bits) - 1;
    for (size_t e = 0; e < n; e++) {
        uint64_t key = keys[e];
        edges[e].to_side = key & 1;
        edges[e].to = (igraph_integer_t)(key >> 1 & node_mask);
        edges[e].from = (igraph_integer_t)(key >> (node_bits + 1) & node_mask);
        edges[e].weight = weights[key >> (2 * node_bits + 1)];
    }
    free(keys);
    free(spare);
    atomic_fetch_add(&radix_sorts, 1);
}

static void edge_path(cairo_t *cr, const network_figure_t *figure, const network_edge_t *edge)
{
    const coopnet_figure_node_t *a = &figure->nodes[edge->from], *b = &figure->nodes[edge->to];
    cairo_move_to(cr, a->x, a->y);
    if (figure->kind == COOPNET_LAYOUT_BIPARTITE) {
        double middle = (a->x + b->x) / 2;
        cairo_curve_to(cr, middle, a->y, middle, b->y, b->x, b->y);
    } else {
        cairo_line_to(cr, b->x, b->y);
    }
}

/* Many edges: one path per line width (rounded to EDGE_BATCH_WIDTH_STEP), at most
 * EDGE_BATCH_SEGMENTS lines each, instead of one stroke (and one composite of its bounding box)
 * per edge; butt caps, which cannot be told from round ones at these widths. Within a path,
 * crossing lines do not darken each other, so that a dense graph reads as a light web rather
 * than a solid blot. */
static void draw_edges_batched(cairo_t *cr, const network_figure_t *figure, double alpha)
{
    /* into an image, straight lines are painted by coopnet (raster.h: the same look, a tenth of
     * the time) */
    coopnet_raster_t raster;
    bool painted = figure->kind != COOPNET_LAYOUT_BIPARTITE && coopnet_i_raster_begin(&raster, cr);
    cairo_set_line_cap(cr, CAIRO_LINE_CAP_BUTT);
    /* FAST halves the rasterising with the same look; into the image of a dense network (at
     * print resolution) NONE with lines at least a pixel wide, which reads the same in print at
     * a third of the time again */
    cairo_set_antialias(cr, figure->raster_pixel > 0 ? CAIRO_ANTIALIAS_NONE : CAIRO_ANTIALIAS_FAST);
    double path_width = -1;
    size_t in_path = 0;
    /* cairo's rasteriser inserts each line into a sorted list of the active ones: a path of
     * thousands of lines is quadratic; into an image, shorter paths (the vector surfaces only
     * write the path out) */
    size_t segments = figure->raster_pixel > 0 ? EDGE_RASTER_SEGMENTS : EDGE_BATCH_SEGMENTS;
    /* into an image the lines are gathered, then painted over the cores (byte-identical) */
    size_t gathered =
        figure->n_edges < EDGE_RASTER_GATHERED ? figure->n_edges : EDGE_RASTER_GATHERED;
    coopnet_raster_segment_t *lines =
        painted ? coopnet_i_alloc_array(gathered, sizeof *lines) : NULL;
    size_t n_lines = 0;
    bool next_batch = false;
    for (size_t e = 0; e < figure->n_edges; e++) {
        const network_edge_t *edge = &figure->edges[e];
        if (figure->in_side_column[edge->from] || figure->in_side_column[edge->to])
            continue;
        double width = fmax(fmax(EDGE_MIN_WIDTH, figure->raster_pixel),
                            round(edge_width(figure, edge->weight) / EDGE_BATCH_WIDTH_STEP) *
                                EDGE_BATCH_WIDTH_STEP);
        if (in_path > 0 && (width != path_width || in_path >= segments)) {
            if (lines)
                next_batch = true;
            else if (painted)
                coopnet_i_raster_next_batch(&raster);
            else
                cairo_stroke(cr);
            in_path = 0;
        }
        if (in_path == 0) {
            if (!painted)
                cairo_set_line_width(cr, width);
            path_width = width;
        }
        if (painted) {
            const coopnet_figure_node_t *a = &figure->nodes[edge->from];
            const coopnet_figure_node_t *b = &figure->nodes[edge->to];
            if (lines && n_lines == gathered) {
                coopnet_i_raster_lines(&raster, lines, n_lines, coopnet_i_style_edge, alpha);
                n_lines = 0;
            }
            if (lines)
                lines[n_lines++] =
                    (coopnet_raster_segment_t){a->x, a->y, b->x, b->y, width, next_batch};
            else /* no memory to gather them: one by one */
                coopnet_i_raster_line(&raster, a->x, a->y, b->x, b->y, width, coopnet_i_style_edge,
                                      alpha);
            next_batch = false;
        } else {
            edge_path(cr, figure, edge);
        }
        in_path++;
    }
    if (lines)
        coopnet_i_raster_lines(&raster, lines, n_lines, coopnet_i_style_edge, alpha);
    free(lines);
    if (painted)
        coopnet_i_raster_end(&raster);
    else if (in_path > 0)
        cairo_stroke(cr);
}

static void draw_edges(cairo_t *cr, network_figure_t *figure)
{
    if (figure->hide_links)
        return; /* hidden under the dots at a panel's size: coopnet_i_draw_panel_hides_links */
    /* light edges first, so heavy ones stay visible on top; alpha falls with density */
    sort_edges_by_weight(figure);
    double n = (double)figure->n_nodes;
    double density = n > 1 ? (double)figure->n_edges / (n * (n - 1) / 2) : 0;
    double alpha = density > 0.2 ? 0.22 : density > 0.05 ? 0.35 : 0.5;
    bool batched = figure->n_edges > EDGE_BATCH_MIN;
    cairo_save(cr);
    coopnet_i_style_set_color(cr, coopnet_i_style_edge, alpha);
    if (batched) {
        draw_edges_batched(cr, figure, alpha);
    } else {
        cairo_set_line_cap(cr, CAIRO_LINE_CAP_ROUND);
        for (size_t e = 0; e < figure->n_edges; e++) {
            const network_edge_t *edge = &figure->edges[e];
            if (figure->in_side_column[edge->from] || figure->in_side_column[edge->to])
                continue; /* the note says that links to the side column are not drawn */
            cairo_set_line_width(cr, edge_width(figure, edge->weight));
            edge_path(cr, figure, edge);
            cairo_stroke(cr);
        }
    }
    /* arrowheads at the target's rim */
    coopnet_i_style_set_color(cr, coopnet_i_style_text, 0.75);
    for (size_t i = 0; i < figure->n_arrows; i++) {
        const coopnet_figure_node_t *a = &figure->nodes[figure->arrows[i].from];
        const coopnet_figure_node_t *b = &figure->nodes[figure->arrows[i].to];
        if (figure->in_side_column[figure->arrows[i].from] ||
            figure->in_side_column[figure->arrows[i].to])
            continue;
        double dx = b->x - a->x, dy = b->y - a->y, length = hypot(dx, dy);
        if (length < b->radius + 6)
            continue;
        dx /= length;
        dy /= length;
        double tip_x = b->x - dx * (b->radius + 1), tip_y = b->y - dy * (b->radius + 1);
        double size = 5.0 * figure->crowd_scale;
        cairo_move_to(cr, tip_x, tip_y);
        cairo_line_to(cr, tip_x - dx * size - dy * size * 0.45,
                      tip_y - dy * size + dx * size * 0.45);
        cairo_line_to(cr, tip_x - dx * size + dy * size * 0.45,
                      tip_y - dy * size - dx * size * 0.45);
        cairo_close_path(cr);
        if (!batched)
            cairo_fill(cr);
    }
    if (batched)
        cairo_fill(cr); /* one composite for all the arrowheads */
    cairo_restore(cr);
}

static void draw_node(cairo_t *cr, const coopnet_figure_node_t *node, bool square, double scale)
{
    cairo_new_path(cr); /* text drawn before may leave a current point: no line from it */
    if (square)
        cairo_rectangle(cr, node->x - node->radius, node->y - node->radius, 2 * node->radius,
                        2 * node->radius);
    else
        cairo_arc(cr, node->x, node->y, node->radius, 0, 2 * G_PI);
    cairo_set_source_rgb(cr, node->red, node->green, node->blue);
    cairo_fill_preserve(cr);
    coopnet_i_style_set_color(cr, coopnet_i_style_white, 1.0);
    cairo_set_line_width(cr, COOPNET_STYLE_NODE_OUTLINE * fmin(1.0, scale));
    cairo_stroke(cr);
    if (node->approximate) {
        /* a dashed ring marks a position that is not the actor's own */
        double dash[] = {1.5, 1.2};
        cairo_save(cr);
        cairo_set_dash(cr, dash, 2, 0);
        coopnet_i_style_set_color(cr, coopnet_i_style_text, 0.9);
        cairo_set_line_width(cr, 0.7);
        cairo_arc(cr, node->x, node->y, node->radius + 1.2, 0, 2 * G_PI);
        cairo_stroke(cr);
        cairo_restore(cr);
    }
}

static int compare_nodes_by_radius(const void *a, const void *b)
{
    const coopnet_figure_node_t *const *x = a, *const *y = b;
    if ((*x)->radius != (*y)->radius)
        return (*x)->radius > (*y)->radius ? -1 : 1;
    return *x < *y ? -1 : *x > *y; /* stable: the nodes' order */
}

static void draw_nodes(cairo_t *cr, const network_figure_t *figure)
{
    /* larger nodes first, so small ones are never hidden beneath them */
    const coopnet_figure_node_t **order = coopnet_i_alloc_array(figure->n_nodes + 1, sizeof *order);
    cairo_save(cr);
    if (order == NULL) {
        for (size_t v = 0; v < figure->n_nodes; v++)
            if (figure->unlisted == NULL || !figure->unlisted[v])
                draw_node(cr, &figure->nodes[v], figure->nodes[v].event >= 0, figure->crowd_scale);
        cairo_restore(cr);
        return;
    }
    bool plain = figure->n_nodes > COOPNET_RASTER_MIN_NODES; /* discs only: coopnet can paint */
    size_t n_drawn = 0;
    for (size_t v = 0; v < figure->n_nodes; v++) {
        if (figure->unlisted != NULL && figure->unlisted[v])
            continue; /* left out of the list of a map */
        order[n_drawn++] = &figure->nodes[v];
        plain = plain && figure->nodes[v].event < 0 && !figure->nodes[v].approximate;
    }
    qsort(order, n_drawn, sizeof *order, compare_nodes_by_radius);
    coopnet_raster_t raster;
    if (plain && coopnet_i_raster_begin(&raster, cr)) {
        for (size_t i = 0; i < n_drawn; i++) {
            const coopnet_figure_node_t *node = order[i];
            coopnet_rgb_t fill = {node->red, node->green, node->blue};
            coopnet_i_raster_disc(&raster, node->x, node->y, node->radius, fill,
                                  COOPNET_STYLE_NODE_OUTLINE * fmin(1.0, figure->crowd_scale),
                                  coopnet_i_style_white);
        }
        coopnet_i_raster_end(&raster);
    } else {
        for (size_t i = 0; i < n_drawn; i++)
            draw_node(cr, order[i], order[i]->event >= 0, figure->crowd_scale);
    }
    free(order);
    cairo_restore(cr);
}

bool coopnet_i_draw_panel_hides_links(const coopnet_graph_t *graph)
{
    return igraph_ecount(&graph->graph) > COOPNET_PANEL_MAX_LINKS;
}

bool coopnet_i_draw_network_is_dense(const coopnet_graph_t *graph)
{
    return igraph_ecount(&graph->graph) > COOPNET_RASTER_MIN_LINKS ||
           igraph_vcount(&graph->graph) > COOPNET_RASTER_MIN_NODES;
}

/* A dense network on a vector surface: its links and nodes painted into one image at
 * COOPNET_RASTER_DPI, which is painted in their place. Every link as a PDF line costs ~40 bytes
 * and a node ~150, so 700 000 links made a 35 MB report; the image is a few hundred kB and
 * looks the same in print. False (nothing drawn) when the figure is not dense, the surface is
 * already raster, or the image cannot be made: the caller then draws vectors. */
static bool draw_network_image(cairo_t *cr, network_figure_t *figure)
{
    cairo_surface_type_t type = cairo_surface_get_type(cairo_get_target(cr));
    if (type != CAIRO_SURFACE_TYPE_PDF && type != CAIRO_SURFACE_TYPE_SVG &&
        type != CAIRO_SURFACE_TYPE_PS)
        return false;
    size_t links = figure->panel_degree != NULL ? figure->panel_links : figure->n_edges;
    if (links <= COOPNET_RASTER_MIN_LINKS && figure->n_nodes <= COOPNET_RASTER_MIN_NODES)
        return false;
    /* the nodes' extent: every link and arrowhead lies within it */
    double min_x = INFINITY, max_x = -INFINITY, min_y = INFINITY, max_y = -INFINITY;
    for (size_t v = 0; v < figure->n_nodes; v++) {
        const coopnet_figure_node_t *node = &figure->nodes[v];
        min_x = fmin(min_x, node->x - node->radius);
        max_x = fmax(max_x, node->x + node->radius);
        min_y = fmin(min_y, node->y - node->radius);
        max_y = fmax(max_y, node->y + node->radius);
    }
    if (!(max_x >= min_x && max_y >= min_y))
        return false;
    min_x = floor(min_x - 2);
    min_y = floor(min_y - 2);
    max_x = ceil(max_x + 2);
    max_y = ceil(max_y + 2);
    /* pixels per user unit: the resolution in device units (points on these surfaces) */
    double unit_x = 1, unit_y = 0;
    cairo_user_to_device_distance(cr, &unit_x, &unit_y);
    double scale = COOPNET_RASTER_DPI / 72.0 * fmax(hypot(unit_x, unit_y), 1e-3);
    double width = ceil((max_x - min_x) * scale), height = ceil((max_y - min_y) * scale);
    if (width < 1 || height < 1 || width > 20000 || height > 20000)
        return false;
    cairo_surface_t *image =
        cairo_image_surface_create(CAIRO_FORMAT_ARGB32, (int)width, (int)height);
    cairo_t *image_cr = cairo_create(image);
    if (cairo_status(image_cr) != CAIRO_STATUS_SUCCESS) {
        cairo_destroy(image_cr);
        cairo_surface_destroy(image);
        return false;
    }
    cairo_scale(image_cr, scale, scale);
    cairo_translate(image_cr, -min_x, -min_y);
    figure->raster_pixel = 1 / scale;
    draw_edges(image_cr, figure);
    draw_nodes(image_cr, figure);
    figure->raster_pixel = 0;
    cairo_destroy(image_cr);
    bool drawn = cairo_surface_status(image) == CAIRO_STATUS_SUCCESS;
    if (drawn) {
        cairo_save(cr);
        cairo_translate(cr, min_x, min_y);
        cairo_scale(cr, 1 / scale, 1 / scale);
        cairo_set_source_surface(cr, image, 0, 0);
        /* the image at its own resolution, smoothed by the viewer as any photograph */
        cairo_pattern_set_filter(cairo_get_source(cr), CAIRO_FILTER_GOOD);
        cairo_paint(cr);
        cairo_restore(cr);
    }
    cairo_surface_destroy(image);
    return drawn;
}

/* ---- legend ---- */

static double legend_dot_row(cairo_t *cr, double x, double y, double width, coopnet_rgb_t color,
                             const char *text, bool draw)
{
    double height = coopnet_i_style_text_height(cr, COOPNET_TEXT_BODY, text, width - 16);
    if (draw) {
        cairo_save(cr);
        cairo_arc(cr, x + 5, y + height / 2, 4.5, 0, 2 * G_PI);
        coopnet_i_style_set_color(cr, color, 1.0);
        cairo_fill(cr);
        cairo_restore(cr);
        coopnet_i_style_draw_text(cr, COOPNET_TEXT_BODY, text, x + 16, y, width - 16,
                                  COOPNET_ALIGN_LEFT, coopnet_i_style_text);
    }
    return height + 2;
}

static void format_value(double value, char *buffer, size_t size)
{
    if (fabs(value - round(value)) < 1e-9 && fabs(value) < 1e9)
        snprintf(buffer, size, "%.0f", value);
    else if (fabs(value) >= 100)
        snprintf(buffer, size, "%.0f", value);
    else if (fabs(value) >= 1)
        snprintf(buffer, size, "%.1f", value);
    else
        snprintf(buffer, size, "%.3f", value);
}

/* The start of the legend's next section: under the last one, or (sections in columns) at the
 * top of the next column; *bottom keeps the lowest point reached. */
static void legend_next_section(const network_figure_t *figure, coopnet_rect_t box, double *x,
                                double *y, double *bottom)
{
    *bottom = fmax(*bottom, *y);
    if (figure->legend_column > 0) {
        *x += figure->legend_column;
        *y = box.y;
    } else {
        *y += 8;
    }
}

/* Draws (or only measures, when draw is false) the legend; returns its height. */
static double legend(cairo_t *cr, network_figure_t *figure, coopnet_rect_t box, bool draw)
{
    double x = box.x, y = box.y, bottom = box.y;
    double w = figure->legend_column > 0 ? figure->legend_column - 12 : box.w;
    char text[256];
    const coopnet_draw_categories_t *categories = &figure->categories;
    const char *attribute = figure->options->color_by ? figure->options->color_by : "level";
    if (categories->is_level)
        snprintf(text, sizeof text, "%s", _("Level"));
    else /* TRANSLATORS: %s the actor attribute the colours show */
        snprintf(text, sizeof text, _("Colour: %s"), attribute);
    if (draw)
        coopnet_i_style_draw_text(cr, COOPNET_TEXT_HEADING, text, x, y, w, COOPNET_ALIGN_LEFT,
                                  coopnet_i_style_text);
    y += coopnet_i_style_text_height(cr, COOPNET_TEXT_HEADING, text, w) + 3;
    /* counts of the drawn actors per category */
    size_t counts[16] = {0};
    size_t missing = 0, other = 0;
    for (size_t v = 0; v < figure->n_nodes; v++) {
        if (figure->nodes[v].actor < 0)
            continue;
        size_t category = categories->category[figure->nodes[v].actor];
        if (category == SIZE_MAX)
            missing++;
        else if (category >= categories->n_names)
            other++;
        else if (category < 16)
            counts[category]++;
    }
    for (size_t i = 0; i < categories->n_names && i < 16; i++) {
        if (counts[i] == 0)
            continue;
        snprintf(text, sizeof text, "%s (%zu)", categories->names[i], counts[i]);
        coopnet_rgb_t color = categories->is_level ? coopnet_i_style_level_color((coopnet_level_t)i)
                                                   : coopnet_i_style_category_color(i);
        y += legend_dot_row(cr, x, y, w, color, text, draw);
    }
    if (other > 0) {
        snprintf(text, sizeof text, _("other (%zu)"), other);
        y += legend_dot_row(cr, x, y, w, coopnet_i_style_other, text, draw);
    }
    if (missing > 0) {
        snprintf(text, sizeof text, _("not given (%zu)"), missing);
        y += legend_dot_row(cr, x, y, w, coopnet_i_style_missing, text, draw);
    }
    if (figure->bipartite)
        y += legend_dot_row(cr, x, y, w, coopnet_i_style_text, _("event (square)"), draw);

    if (figure->size_measure != NULL && figure->size_max > figure->size_min) {
        legend_next_section(figure, box, &x, &y, &bottom);
        snprintf(text, sizeof text, _("Size: %s"),
                 coopnet_i_draw_measure_label(figure->size_measure));
        if (draw)
            coopnet_i_style_draw_text(cr, COOPNET_TEXT_HEADING, text, x, y, w, COOPNET_ALIGN_LEFT,
                                      coopnet_i_style_text);
        y += coopnet_i_style_text_height(cr, COOPNET_TEXT_HEADING, text, w) + 4;
        double samples[3] = {figure->size_min, (figure->size_min + figure->size_max) / 2,
                             figure->size_max};
        for (int i = 0; i < 3; i++) {
            double radius = radius_of_value(figure, samples[i]) * figure->node_scale;
            double row = fmax(2 * radius, 11) + 3;
            if (draw) {
                cairo_save(cr);
                cairo_arc(cr, x + COOPNET_STYLE_NODE_MAX_RADIUS, y + row / 2, radius, 0, 2 * G_PI);
                coopnet_i_style_set_color(cr, coopnet_i_style_other, 0.8);
                cairo_fill(cr);
                cairo_restore(cr);
                format_value(samples[i], text, sizeof text);
                double text_height = coopnet_i_style_text_height(cr, COOPNET_TEXT_BODY, text, 0);
                coopnet_i_style_draw_text(
                    cr, COOPNET_TEXT_BODY, text, x + 2 * COOPNET_STYLE_NODE_MAX_RADIUS + 6,
                    y + (row - text_height) / 2, 0, COOPNET_ALIGN_LEFT, coopnet_i_style_text);
            }
            y += row;
        }
    }
    if (figure->n_edges > 0) {
        legend_next_section(figure, box, &x, &y, &bottom);
        const char *heading = figure->bipartite ? _("Lines: attended") : _("Line width: weight");
        if (draw)
            coopnet_i_style_draw_text(cr, COOPNET_TEXT_HEADING, heading, x, y, w,
                                      COOPNET_ALIGN_LEFT, coopnet_i_style_text);
        y += coopnet_i_style_text_height(cr, COOPNET_TEXT_HEADING, heading, w) + 4;
        if (!figure->bipartite && figure->weight_max > figure->weight_min) {
            double samples[2] = {figure->weight_min, figure->weight_max};
            for (int i = 0; i < 2; i++) {
                format_value(samples[i], text, sizeof text);
                double text_height = coopnet_i_style_text_height(cr, COOPNET_TEXT_BODY, text, 0);
                if (draw) {
                    cairo_save(cr);
                    coopnet_i_style_set_color(cr, coopnet_i_style_edge, 0.9);
                    cairo_set_line_width(cr, edge_width(figure, samples[i]));
                    cairo_move_to(cr, x, y + text_height / 2);
                    cairo_line_to(cr, x + 22, y + text_height / 2);
                    cairo_stroke(cr);
                    cairo_restore(cr);
                    coopnet_i_style_draw_text(cr, COOPNET_TEXT_BODY, text, x + 28, y, 0,
                                              COOPNET_ALIGN_LEFT, coopnet_i_style_text);
                }
                y += text_height + 2;
            }
        }
        if (figure->n_arrows > 0) {
            const char *arrow_text = _("directed tie");
            double text_height = coopnet_i_style_text_height(cr, COOPNET_TEXT_BODY, arrow_text, 0);
            if (draw) {
                double middle = y + text_height / 2;
                cairo_save(cr);
                coopnet_i_style_set_color(cr, coopnet_i_style_edge, 0.9);
                cairo_set_line_width(cr, 0.8);
                cairo_move_to(cr, x, middle);
                cairo_line_to(cr, x + 18, middle);
                cairo_stroke(cr);
                coopnet_i_style_set_color(cr, coopnet_i_style_text, 0.75);
                cairo_move_to(cr, x + 23, middle);
                cairo_line_to(cr, x + 18, middle - 2.3);
                cairo_line_to(cr, x + 18, middle + 2.3);
                cairo_close_path(cr);
                cairo_fill(cr);
                cairo_restore(cr);
                coopnet_i_style_draw_text(cr, COOPNET_TEXT_BODY, arrow_text, x + 28, y, 0,
                                          COOPNET_ALIGN_LEFT, coopnet_i_style_text);
            }
            y += text_height + 2;
        }
    }
    if (figure->n_near_country > 0) {
        legend_next_section(figure, box, &x, &y, &bottom);
        const char *text_approx = _("placed near its country (no coordinates)");
        double height = coopnet_i_style_text_height(cr, COOPNET_TEXT_CAPTION, text_approx, w - 16);
        if (draw) {
            coopnet_figure_node_t sample = {0};
            sample.x = x + 5;
            sample.y = y + 6;
            sample.radius = 4;
            sample.red = sample.green = sample.blue = 0.55;
            sample.approximate = true;
            draw_node(cr, &sample, false, 1.0);
            coopnet_i_style_draw_text(cr, COOPNET_TEXT_CAPTION, text_approx, x + 16, y, w - 16,
                                      COOPNET_ALIGN_LEFT, coopnet_i_style_text);
        }
        y += height + 2;
    }
    return fmax(bottom, y) - box.y;
}

/* ---- geo decorations ---- */

/* The map: water, land and borders (when the map data is there), the graticule and its degree
 * labels. ENOMEM. */
static int draw_map(cairo_t *cr, network_figure_t *figure, coopnet_error_t *err)
{
    coopnet_rect_t map = figure->map;
    double span =
        fmax(figure->geo_lon_max - figure->geo_lon_min, figure->geo_lat_max - figure->geo_lat_min);
    double step = span > 60 ? 20 : span > 30 ? 10 : span > 12 ? 5 : span > 5 ? 2 : 1;
    double scale = map.w / ((figure->geo_lon_max - figure->geo_lon_min) * figure->geo_cos);
    char text[32];
    cairo_save(cr);
    coopnet_i_style_set_color(
        cr, figure->basemap.open ? coopnet_i_style_sea : coopnet_i_style_panel, 1.0);
    cairo_rectangle(cr, map.x, map.y, map.w, map.h);
    cairo_fill(cr);
    coopnet_map_frame_t frame = {map,
                                 figure->geo_lon_min,
                                 figure->geo_lon_max,
                                 figure->geo_lat_min,
                                 figure->geo_lat_max,
                                 figure->geo_cos,
                                 scale};
    int status = coopnet_i_basemap_draw(cr, &figure->basemap, &frame, figure->geo.countries,
                                        figure->geo.n_countries, err);
    if (status != COOPNET_OK) {
        cairo_restore(cr);
        return status;
    }
    /* the graticule over land and water alike, faint */
    coopnet_rgb_t line = figure->basemap.open ? coopnet_i_style_muted : coopnet_i_style_grid;
    double line_alpha = figure->basemap.open ? 0.18 : 1.0;
    cairo_set_line_width(cr, COOPNET_STYLE_HAIRLINE);
    for (double lon = ceil(figure->geo_lon_min / step) * step; lon <= figure->geo_lon_max;
         lon += step) {
        double x = map.x + (lon - figure->geo_lon_min) * figure->geo_cos * scale;
        coopnet_i_style_set_color(cr, line, line_alpha);
        cairo_move_to(cr, x, map.y);
        cairo_line_to(cr, x, map.y + map.h);
        cairo_stroke(cr);
        snprintf(text, sizeof text, "%g°%s", fabs(lon), lon < 0 ? "W" : lon > 0 ? "E" : "");
        coopnet_i_style_draw_text(cr, COOPNET_TEXT_CAPTION, text, x, map.y + map.h + 2, 0,
                                  COOPNET_ALIGN_CENTER, coopnet_i_style_muted);
    }
    for (double lat = ceil(figure->geo_lat_min / step) * step; lat <= figure->geo_lat_max;
         lat += step) {
        double y = map.y + (figure->geo_lat_max - lat) * scale;
        coopnet_i_style_set_color(cr, line, line_alpha);
        cairo_move_to(cr, map.x, y);
        cairo_line_to(cr, map.x + map.w, y);
        cairo_stroke(cr);
        snprintf(text, sizeof text, "%g°%s", fabs(lat), lat < 0 ? "S" : lat > 0 ? "N" : "");
        double height = coopnet_i_style_text_height(cr, COOPNET_TEXT_CAPTION, text, 0);
        coopnet_i_style_draw_text(cr, COOPNET_TEXT_CAPTION, text, map.x - 3, y - height / 2, 0,
                                  COOPNET_ALIGN_RIGHT, coopnet_i_style_muted);
    }
    cairo_restore(cr);
    return COOPNET_OK;
}

#define SIDE_LIST_ROW 15.0
#define SIDE_LIST_LINES 3 /* a long name wraps rather than being cut */
#define SIDE_LIST_COLUMN_MIN 130.0
/* the most of the content's height the list under a map takes: the map keeps the rest */
#define SIDE_LIST_MOST_SHARE 0.4

#define side_heading _("No location on the map")

/* The rows of the unlocated actors' list in its columns. */
static size_t side_rows(const network_figure_t *figure)
{
    size_t columns = figure->side_columns > 0 ? figure->side_columns : 1;
    return (figure->n_side - figure->n_unlisted + columns - 1) / columns;
}

/* The width left for a name in a list column of column_width: after the node's slot. */
static double side_text_width(double column_width)
{
    return column_width - 8 - 2 * COOPNET_STYLE_NODE_MAX_RADIUS * GEO_NODE_SCALE - 3 - 4;
}

/* The height of node v's row in the unlocated actors' list with columns column_width wide:
 * names are never cut, so a row is as tall as its name wrapped (on up to SIDE_LIST_LINES
 * lines). */
static double side_label_row(cairo_t *cr, const network_figure_t *figure, size_t v,
                             double column_width)
{
    char text[LABEL_TEXT_SIZE];
    coopnet_i_draw_actor_label(figure->bundle, (size_t)figure->nodes[v].actor,
                               figure->options->label_field, text, sizeof text);
    PangoLayout *layout = coopnet_i_style_layout(cr, COOPNET_TEXT_NODE_LABEL, text,
                                                 side_text_width(column_width), SIDE_LIST_LINES);
    if (layout == NULL)
        return SIDE_LIST_ROW; /* out of memory: the label placement will fail and say so */
    double width, height;
    coopnet_i_style_layout_size(layout, &width, &height);
    g_object_unref(layout);
    return fmax(SIDE_LIST_ROW, height + 4);
}

/* The tallest row of the list: every row of a list in columns is that tall. */
static double side_row_height(cairo_t *cr, const network_figure_t *figure, double column_width)
{
    double row = SIDE_LIST_ROW;
    for (size_t v = 0; v < figure->n_nodes; v++)
        if (figure->in_side_column[v] && !figure->unlisted[v])
            row = fmax(row, side_label_row(cr, figure, v, column_width));
    return row;
}

/* The height the list under the map takes at width (its columns decided here). */
static double side_list_height(cairo_t *cr, network_figure_t *figure, double width)
{
    double columns = floor(width / SIDE_LIST_COLUMN_MIN);
    figure->side_columns = columns < 1 ? 1 : (size_t)columns;
    double row = side_row_height(cr, figure, width / (double)figure->side_columns);
    return 6 + coopnet_i_style_text_height(cr, COOPNET_TEXT_HEADING, side_heading, width - 12) + 4 +
           (double)side_rows(figure) * row + 4;
}

/* The actors of the list, the largest first: by the size measure, then the drawn size, then
 * bundle order. NULL when out of memory; free. */
static order_key_t *listed_by_size(const network_figure_t *figure, size_t *n)
{
    order_key_t *keys = coopnet_i_alloc_array(figure->n_side + 1, sizeof *keys);
    *n = 0;
    if (keys == NULL)
        return NULL;
    for (size_t v = 0; v < figure->n_nodes; v++)
        if (figure->in_side_column[v])
            keys[(*n)++] = (order_key_t){v, 0,
                                         isnan(figure->nodes[v].value) ? figure->nodes[v].radius
                                                                       : figure->nodes[v].value};
    qsort(keys, *n, sizeof *keys, compare_order_keys);
    return keys;
}

/* Leaves out of the list of unlocated actors those its room cannot hold, content being the
 * frame's content area, and keeps the largest: under a map, the rows that fit in
 * SIDE_LIST_MOST_SHARE of its height (in the columns side_list_height chooses); on the right,
 * the names that fit under the heading, each as tall as its name wrapped. Hundreds of actors
 * without a place would otherwise push the map into a strip or be squeezed past reading. */
static int fit_side_list(cairo_t *cr, network_figure_t *figure, coopnet_rect_t content)
{
    memset(figure->unlisted, 0, figure->n_nodes * sizeof *figure->unlisted);
    figure->n_unlisted = 0;
    double room = 0, column_width = 0, below_room = 0;
    if (figure->geo_below) {
        double side = side_list_height(cr, figure, content.w);
        below_room = content.h * SIDE_LIST_MOST_SHARE;
        if (side <= below_room)
            return COOPNET_OK;
        double row = side_row_height(cr, figure, content.w / (double)figure->side_columns);
        room = below_room - (side - (double)side_rows(figure) * row); /* for the rows */
    } else {
        double legend_width = fmin(LEGEND_WIDTH, content.w * 0.3);
        double plot_width = content.w - legend_width - COOPNET_STYLE_GAP;
        column_width = fmin(GEO_SIDE_COLUMN_WIDTH, plot_width * 0.3);
        double heading =
            coopnet_i_style_text_height(cr, COOPNET_TEXT_HEADING, side_heading, column_width - 12);
        room = content.h - heading - 16;
    }
    size_t n;
    order_key_t *keys = listed_by_size(figure, &n);
    if (keys == NULL)
        return COOPNET_ENOMEM;
    size_t keep = 0;
    if (figure->geo_below) {
        /* rows of one height (the tallest name among those kept) in side_columns columns */
        double row = SIDE_LIST_ROW;
        for (; keep < n; keep++) {
            double taller = fmax(row, side_label_row(cr, figure, keys[keep].node,
                                                     content.w / (double)figure->side_columns));
            size_t rows = (keep + figure->side_columns) / figure->side_columns;
            if ((double)rows * taller > room && keep > 0)
                break;
            row = taller;
        }
    } else {
        double used = 0;
        for (; keep < n; keep++) {
            used += side_label_row(cr, figure, keys[keep].node, column_width) + 1;
            if (used > room && keep > 0)
                break;
        }
    }
    for (size_t i = keep; i < n; i++)
        figure->unlisted[keys[i].node] = true;
    figure->n_unlisted = n - keep;
    free(keys);
    return COOPNET_OK;
}

/* The column width of the unlocated actors' list. */
static double side_column_width(const network_figure_t *figure)
{
    return figure->side_column.w / (double)(figure->side_columns > 0 ? figure->side_columns : 1);
}

static void place_side_column(cairo_t *cr, network_figure_t *figure)
{
    coopnet_rect_t box = figure->side_column;
    for (size_t v = 0; v < figure->n_nodes; v++)
        if (figure->unlisted[v]) { /* not drawn: kept inside the canvas for the layout's sake */
            figure->nodes[v].x = box.x;
            figure->nodes[v].y = box.y;
            figure->nodes[v].radius = 0;
        }
    double top = box.y + 6;
    top += coopnet_i_style_text_height(cr, COOPNET_TEXT_HEADING, side_heading, box.w - 12) + 6;
    double column_width = side_column_width(figure);
    double node_x = COOPNET_STYLE_NODE_MAX_RADIUS * GEO_NODE_SCALE + 8;
    if (figure->geo_below) {
        /* columns of equal rows, down each column, then on to the next */
        double row = side_row_height(cr, figure, column_width);
        size_t rows = side_rows(figure), index = 0;
        for (size_t v = 0; v < figure->n_nodes; v++) {
            if (!figure->in_side_column[v] || figure->unlisted[v])
                continue;
            size_t column = index / rows, row_index = index % rows;
            figure->nodes[v].x = box.x + (double)column * column_width + node_x;
            figure->nodes[v].y = top + ((double)row_index + 0.5) * row;
            index++;
        }
        return;
    }
    /* one column: each row as tall as its name, all squeezed alike when the column is short */
    double total = 0;
    for (size_t v = 0; v < figure->n_nodes; v++)
        if (figure->in_side_column[v] && !figure->unlisted[v])
            total += side_label_row(cr, figure, v, column_width) + 1;
    double squeeze = total > 0 ? fmin(1.0, (box.y + box.h - top - 4) / total) : 1.0;
    double y = top;
    for (size_t v = 0; v < figure->n_nodes; v++) {
        if (!figure->in_side_column[v] || figure->unlisted[v])
            continue;
        double row = (side_label_row(cr, figure, v, column_width) + 1) * squeeze;
        figure->nodes[v].x = box.x + node_x;
        figure->nodes[v].y = y + row / 2;
        y += row;
    }
}

static void draw_side_column(cairo_t *cr, const network_figure_t *figure)
{
    coopnet_rect_t box = figure->side_column;
    cairo_save(cr);
    coopnet_i_style_set_color(cr, coopnet_i_style_panel, 1.0);
    cairo_rectangle(cr, box.x, box.y, box.w, box.h);
    cairo_fill(cr);
    cairo_restore(cr);
    coopnet_i_style_draw_text(cr, COOPNET_TEXT_HEADING, side_heading, box.x + 6, box.y + 6,
                              box.w - 12, COOPNET_ALIGN_LEFT, coopnet_i_style_text);
}

/* ---- the figure ---- */

static int prepare(network_figure_t *figure, const coopnet_network_input_t *input,
                   coopnet_error_t *err)
{
    const coopnet_render_options_t *options = figure->options;
    int status;
    if (figure->bipartite ? input->two_mode == NULL : input->graph == NULL)
        return COOPNET_ERROR(err, COOPNET_EINVAL, "no %s graph to draw",
                             figure->bipartite ? "two-mode" : "cooperation");
    if ((status = coopnet_i_draw_categories_init(&figure->categories, figure->bundle,
                                                 options->color_by, err)) != COOPNET_OK)
        return status;
    if ((status = build_nodes_and_edges(figure, err)) != COOPNET_OK)
        return status;
    if ((status = compute_sizes(figure, &input->sizes, err)) != COOPNET_OK)
        return status;
    COOPNET_IGRAPH_CHECK(
        err, status, igraph_matrix_resize(&figure->positions, (igraph_integer_t)figure->n_nodes, 2),
        "layout");
    igraph_matrix_null(&figure->positions);
    if (figure->given_positions != NULL) {
        bool force = figure->kind == COOPNET_LAYOUT_FR || figure->kind == COOPNET_LAYOUT_KK ||
                     figure->kind == COOPNET_LAYOUT_DRL;
        if (!force ||
            igraph_matrix_nrow(figure->given_positions) != (igraph_integer_t)figure->n_nodes)
            return COOPNET_ERROR(err, COOPNET_EINVAL,
                                 "positions given for another graph or layout (%lld rows for %zu "
                                 "nodes)",
                                 (long long)igraph_matrix_nrow(figure->given_positions),
                                 figure->n_nodes);
        COOPNET_IGRAPH_CHECK(err, status,
                             igraph_matrix_update(&figure->positions, figure->given_positions),
                             "positions");
    } else
        switch (figure->kind) {
        case COOPNET_LAYOUT_GEO:
            status = layout_geo(figure, err);
            break;
        case COOPNET_LAYOUT_CIRCLE:
            status = layout_circle(figure, err);
            break;
        case COOPNET_LAYOUT_BIPARTITE:
            status = layout_bipartite(figure, err);
            break;
        default:
            status =
                layout_force(figure->graph, figure->kind, options->seed, &figure->positions, err);
            break;
        }
    figure->crowd_scale = 1.0;
    figure->node_scale = figure->kind == COOPNET_LAYOUT_GEO ? GEO_NODE_SCALE : 1.0;
    for (size_t v = 0; v < figure->n_nodes && status == COOPNET_OK; v++)
        figure->nodes[v].radius = radius_of_value(figure, figure->nodes[v].value);
cleanup:
    return status;
}

/* The note under a map: the actors placed at a gazetteer's city point, near their country or
 * listed beside the map, and missing map data; whole sentences, so that a translation can order
 * its words. "" when there is none of these. */
static void geo_note(const network_figure_t *figure, char *note, size_t size)
{
    char near[768] = "", side[768] = "";
    bool located = figure->geo.counts[COOPNET_GEO_LOCATED] > 0;
    size_t n_near = figure->n_near_country, n_side = figure->n_side;
    if (n_near > 0 && figure->geo.map_data_missing)
        snprintf(near, sizeof near,
                 P_("%zu actor without coordinates is drawn with a dashed ring near the middle of "
                    "its country's located actors.",
                    "%zu actors without coordinates are drawn with a dashed ring near the middle "
                    "of their country's located actors.",
                    n_near),
                 n_near);
    else if (n_near > 0 && located)
        snprintf(near, sizeof near,
                 P_("%zu actor without coordinates is drawn with a dashed ring near the middle of "
                    "its country, clear of the located actors.",
                    "%zu actors without coordinates are drawn with a dashed ring near the middle "
                    "of their country, clear of the located actors.",
                    n_near),
                 n_near);
    else if (n_near > 0)
        snprintf(near, sizeof near,
                 P_("%zu actor without coordinates is drawn with a dashed ring near the middle of "
                    "its country (no actor has coordinates).",
                    "%zu actors without coordinates are drawn with a dashed ring near the middle "
                    "of their country (no actor has coordinates).",
                    n_near),
                 n_near);
    size_t n_left_out = figure->n_unlisted, n_listed = n_side - figure->n_unlisted;
    if (n_left_out > 0 && figure->geo_below)
        snprintf(side, sizeof side,
                 P_("%zu actors have no coordinates and no country on the map: the %zu largest "
                    "are listed under the map and %zu is left out for want of room; their links "
                    "are not drawn.",
                    "%zu actors have no coordinates and no country on the map: the %zu largest "
                    "are listed under the map and %zu are left out for want of room; their links "
                    "are not drawn.",
                    n_left_out),
                 n_side, n_listed, n_left_out);
    else if (n_left_out > 0)
        snprintf(side, sizeof side,
                 P_("%zu actors have no coordinates and no country on the map: the %zu largest "
                    "are listed on the right and %zu is left out for want of room; their links "
                    "are not drawn.",
                    "%zu actors have no coordinates and no country on the map: the %zu largest "
                    "are listed on the right and %zu are left out for want of room; their links "
                    "are not drawn.",
                    n_left_out),
                 n_side, n_listed, n_left_out);
    else if (n_side > 0 && figure->geo_below)
        snprintf(side, sizeof side,
                 P_("%zu actor with no coordinates and no country on the map is listed under the "
                    "map; its links are not drawn.",
                    "%zu actors with no coordinates and no country on the map are listed under "
                    "the map; their links are not drawn.",
                    n_side),
                 n_side);
    else if (n_side > 0)
        snprintf(side, sizeof side,
                 P_("%zu actor with no coordinates and no country on the map is listed on the "
                    "right; its links are not drawn.",
                    "%zu actors with no coordinates and no country on the map are listed on the "
                    "right; their links are not drawn.",
                    n_side),
                 n_side);
    /* coordinates that coopnet geocode filled are a city's point: say so */
    char gazetteer[512] = "";
    size_t n_gazetteer = 0;
    for (size_t v = 0; v < figure->n_nodes; v++) {
        long actor = figure->nodes[v].actor;
        if (actor < 0 || isnan(figure->bundle->actors[actor].lat))
            continue;
        const char *source =
            coopnet_bundle_actor_attribute(figure->bundle, (size_t)actor, "geo_source");
        n_gazetteer += source != NULL && strcmp(source, "gazetteer") == 0;
    }
    if (n_gazetteer > 0)
        snprintf(gazetteer, sizeof gazetteer,
                 P_("%zu actor is placed at its city's point in the GeoNames gazetteer "
                    "(geo_source=gazetteer), not at its own address.",
                    "%zu actors are placed at their cities' points in the GeoNames gazetteer "
                    "(geo_source=gazetteer), not at their own addresses.",
                    n_gazetteer),
                 n_gazetteer);
    const char *land =
        figure->geo.map_data_missing
            ? _("Land and borders are not drawn: the map data (Debian's gmt-dcw) is not installed.")
            : "";
    const char *unlabelled = figure->unlabelled != NULL && figure->unlabelled->sentence != NULL
                                 ? figure->unlabelled->sentence
                                 : "";
    if (!gazetteer[0] && !near[0] && !side[0] && !land[0] && !unlabelled[0]) {
        note[0] = '\0';
        return;
    }
    snprintf(note, size, "%s %s%s%s%s%s%s%s%s%s", _("Note:"), gazetteer,
             gazetteer[0] && (near[0] || side[0]) ? " " : "", near, near[0] && side[0] ? " " : "",
             side, (gazetteer[0] || near[0] || side[0]) && land[0] ? " " : "", land,
             (gazetteer[0] || near[0] || side[0] || land[0]) && unlabelled[0] ? " " : "",
             unlabelled);
}

/* The sentence naming the map labels that could not be placed (not those left out by --labels
 * top:N or by the automatic limit), or NULL when none was; g_free. */
static char *unlabelled_sentence(const network_figure_t *figure)
{
    GString *names = g_string_new(NULL);
    size_t n = 0;
    for (size_t i = 0; i < figure->labels.n_labels; i++) {
        const coopnet_figure_label_t *label = &figure->labels.labels[i];
        if (label->shown || figure->in_side_column[label->node])
            continue;
        if (n++ > 0)
            g_string_append(names, _(", "));
        g_string_append(names, label->text);
    }
    char *sentence = NULL;
    if (n > 0) {
        char *shown = coopnet_text_ellipsize(names->str, UNLABELLED_MAX_CHARS);
        sentence = g_strdup_printf(
            /* TRANSLATORS: %1$zu actors, %2$s their names, ", "-separated */
            P_("Not labelled for lack of room (%1$zu): %2$s.",
               "Not labelled for lack of room (%1$zu): %2$s.", n),
            n, shown ? shown : "");
        free(shown);
    }
    g_string_free(names, TRUE);
    return sentence;
}

static void default_title(const network_figure_t *figure, char *buffer, size_t size)
{
    /* the subject, not the bundle's folder: the source line names the data */
    const char *what = figure->kind == COOPNET_LAYOUT_GEO ? _("Where the cooperating actors are")
                       : figure->kind == COOPNET_LAYOUT_BIPARTITE ? _("Who attended which event")
                                                                  : _("Cooperation network");
    snprintf(buffer, size, "%s", what);
}

static void default_subtitle(const network_figure_t *figure, char *buffer, size_t size)
{
    const coopnet_render_options_t *options = figure->options;
    char as_of[COOPNET_DATE_TEXT_SIZE + 16] = "";
    if (options->graph.as_of.precision != COOPNET_DATE_NONE) {
        char date[COOPNET_DATE_TEXT_SIZE];
        coopnet_date_format(options->graph.as_of, date);
        snprintf(as_of, sizeof as_of, _(", as of %s"), date);
    }
    if (figure->bipartite) {
        size_t events = 0;
        for (size_t v = 0; v < figure->n_nodes; v++)
            events += figure->nodes[v].event >= 0;
        /* TRANSLATORS: %1$zu actors, %2$zu events, %3$s ", as of DATE" or nothing */
        snprintf(buffer, size, _("%1$zu actors (right) and %2$zu events (left, by date)%3$s"),
                 figure->n_nodes - events, events, as_of);
        return;
    }
    const char *layer = options->graph.layer == COOPNET_LAYER_EVENTS ? _("shared events")
                        : options->graph.layer == COOPNET_LAYER_TIES ? _("ties")
                                                                     : _("shared events and ties");
    char layers[160];
    if (options->graph.layers != NULL) { /* the relations named: "events, mou, formal" */
        snprintf(layers, sizeof layers, _("layers: %s"), options->graph.layers);
        for (char *p = layers; *p; p++)
            if (*p == '_')
                *p = ' ';
        layer = layers;
    }
    /* TRANSLATORS: %1$zu actors, %2$zu links, %3$s which relations, %4$s ", as of DATE" */
    snprintf(buffer, size, _("%1$zu actors, %2$zu links (%3$s)%4$s"), figure->n_nodes,
             figure->n_edges, layer, as_of);
}

static int place_labels(cairo_t *cr, network_figure_t *figure, coopnet_rect_t bounds,
                        coopnet_error_t *err)
{
    const coopnet_render_options_t *options = figure->options;
    int status = coopnet_i_label_set_init(&figure->labels, figure->n_nodes, err);
    if (status != COOPNET_OK || options->labels == COOPNET_LABELS_NONE)
        return status;
    /* rank: the size measure, then degree in the drawing, then bundle order */
    order_key_t *keys = coopnet_i_alloc_array(figure->n_nodes + 1, sizeof *keys);
    if (keys == NULL)
        return COOPNET_ERROR(err, COOPNET_ENOMEM, "out of memory");
    for (size_t v = 0; v < figure->n_nodes; v++) {
        keys[v].node = v;
        keys[v].primary = figure->in_side_column[v] ? 0 : 1; /* side column first: fixed slots */
        keys[v].secondary =
            isnan(figure->nodes[v].value) ? figure->nodes[v].radius : figure->nodes[v].value;
    }
    qsort(keys, figure->n_nodes, sizeof *keys, compare_order_keys);
    for (size_t v = 0; v < figure->n_nodes; v++)
        if (!figure->unlisted[v])
            coopnet_i_label_set_add_obstacle(&figure->labels, figure->nodes[v].x,
                                             figure->nodes[v].y, figure->nodes[v].radius + 0.5);
    size_t limit = figure->n_nodes;
    if (options->labels == COOPNET_LABELS_TOP)
        limit = options->label_top;
    else if (options->labels == COOPNET_LABELS_AUTO &&
             figure->n_nodes > COOPNET_LABELS_AUTO_ALL_MAX)
        limit = COOPNET_LABELS_AUTO_TOP;
    char text[LABEL_TEXT_SIZE];
    size_t labelled = 0;
    for (size_t i = 0; i < figure->n_nodes && status == COOPNET_OK; i++) {
        size_t v = keys[i].node;
        const coopnet_figure_node_t *node = &figure->nodes[v];
        if (node->event >= 0)
            snprintf(text, sizeof text, "%s", figure->bundle->events[node->event].title);
        else
            coopnet_i_draw_actor_label(figure->bundle, (size_t)node->actor, options->label_field,
                                       text, sizeof text);
        bool in_side = figure->in_side_column[v];
        if ((!in_side && labelled >= limit) || figure->unlisted[v])
            continue;
        coopnet_label_request_t request = {0};
        request.node = v;
        request.x = node->x;
        request.y = node->y;
        request.radius = node->radius;
        request.text = text;
        request.wrap_width = LABEL_WRAP_WIDTH;
        /* a map's labels stay on it, clear of the list and the legend */
        request.bounds = figure->kind == COOPNET_LAYOUT_GEO && !in_side ? figure->map : bounds;
        if (in_side) {
            request.fixed_side = COOPNET_LABEL_RIGHT;
            double column_width = side_column_width(figure);
            double column_right =
                figure->side_column.x +
                (floor((node->x - figure->side_column.x) / column_width) + 1) * column_width;
            request.wrap_width = column_right - 4 - (node->x + node->radius + 3);
            request.max_lines = SIDE_LIST_LINES;
            request.strict = true;
        } else if (figure->kind == COOPNET_LAYOUT_GEO) {
            request.strict = true; /* a cut place name reads as another place */
        } else if (figure->kind == COOPNET_LAYOUT_BIPARTITE) {
            request.fixed_side = node->event >= 0 ? COOPNET_LABEL_LEFT : COOPNET_LABEL_RIGHT;
            request.max_lines = 1;
            request.wrap_width = node->event >= 0 ? 150 : LABEL_WRAP_WIDTH;
        }
        status = coopnet_i_label_set_place(cr, &figure->labels, &request, err);
        if (!in_side)
            labelled++;
    }
    free(keys);
    return status;
}

static int export_layout(network_figure_t *figure, coopnet_rect_t canvas,
                         coopnet_figure_layout_t *layout, coopnet_error_t *err)
{
    layout->width = canvas.w;
    layout->height = canvas.h;
    layout->plot_x = figure->plot.x;
    layout->plot_y = figure->plot.y;
    layout->plot_w = figure->plot.w;
    layout->plot_h = figure->plot.h;
    layout->legend_x = figure->legend.x;
    layout->legend_y = figure->legend.y;
    layout->legend_w = figure->legend.w;
    layout->legend_h = figure->legend.h;
    layout->n_unplaced = figure->n_side;
    layout->n_unlisted = figure->n_unlisted;
    if (figure->kind == COOPNET_LAYOUT_GEO) {
        layout->map_x = figure->map.x;
        layout->map_y = figure->map.y;
        layout->map_w = figure->map.w;
        layout->map_h = figure->map.h;
        layout->lon_min = figure->geo_lon_min;
        layout->lon_max = figure->geo_lon_max;
        layout->lat_min = figure->geo_lat_min;
        layout->lat_max = figure->geo_lat_max;
    }
    layout->nodes = figure->nodes;
    layout->n_nodes = figure->n_nodes;
    figure->nodes = NULL;
    return coopnet_i_label_set_export(&figure->labels, &layout->labels, &layout->n_labels, err);
}

/* unlabelled: for a map, the sentence naming the actors it leaves without a label, or a pass
 * that only places them (unlabelled_pass_t); NULL otherwise. */
static int draw_network_unmirrored(cairo_t *cr, coopnet_rect_t rect,
                                   const coopnet_network_input_t *input,
                                   const coopnet_render_options_t *options,
                                   coopnet_figure_layout_t *layout, unlabelled_pass_t *unlabelled,
                                   coopnet_error_t *err);

/* A map names the actors it could not label under it, in the note. The note takes room from
 * the map, which may drop other labels, so the placement is repeated with the note it needs,
 * the note's area never shrinking, until the note of a placement fits the area that placement
 * had: the figure is then drawn with that area and that note, and the same labels (at most
 * MAX_UNLABELLED_PASSES placements; the note's area only grows, and the sentence is capped). */
static int draw_network_listing_unlabelled(cairo_t *cr, coopnet_rect_t rect,
                                           const coopnet_network_input_t *input,
                                           const coopnet_render_options_t *options,
                                           coopnet_figure_layout_t *layout, coopnet_error_t *err)
{
    bool map = (options->layout == COOPNET_LAYOUT_GEO) && !input->panel &&
               options->labels != COOPNET_LABELS_NONE;
    if (!map)
        return draw_network_unmirrored(cr, rect, input, options, layout, NULL, err);
    unlabelled_pass_t pass = {NULL, 0, true, NULL, 0, 0};
    char *sentence = NULL;
    int status = COOPNET_OK;
    for (int i = 0; i < MAX_UNLABELLED_PASSES && status == COOPNET_OK; i++) {
        pass.sentence = sentence;
        pass.measure = true;
        cairo_push_group(cr);
        status = draw_network_unmirrored(cr, rect, input, options, NULL, &pass, err);
        cairo_pattern_destroy(cairo_pop_group(cr));
        g_free(sentence);
        sentence = pass.next; /* the note this placement needs */
        pass.next = NULL;
        bool fits = pass.next_height <= pass.used + 0.01;
        pass.reserve = fmax(pass.used, pass.next_height);
        if (fits)
            break;
    }
    pass.sentence = sentence;
    pass.measure = false;
    if (status == COOPNET_OK)
        status = draw_network_unmirrored(cr, rect, input, options, layout, &pass, err);
    g_free(sentence);
    return status;
}

int coopnet_i_draw_network(cairo_t *cr, coopnet_rect_t rect, const coopnet_network_input_t *input,
                           const coopnet_render_options_t *options, coopnet_figure_layout_t *layout,
                           coopnet_error_t *err)
{
    if (!coopnet_i_style_mirrored(cr))
        return draw_network_listing_unlabelled(cr, rect, input, options, layout, err);
    cairo_save(cr);
    coopnet_i_style_mirror(cr, rect);
    int status = draw_network_listing_unlabelled(cr, rect, input, options, layout, err);
    cairo_restore(cr);
    return status;
}

static int draw_network_unmirrored(cairo_t *cr, coopnet_rect_t rect,
                                   const coopnet_network_input_t *input,
                                   const coopnet_render_options_t *options,
                                   coopnet_figure_layout_t *layout, unlabelled_pass_t *unlabelled,
                                   coopnet_error_t *err)
{
    const coopnet_bundle_t *bundle = input->bundle;
    network_figure_t figure;
    memset(&figure, 0, sizeof figure);
    int status = COOPNET_OK;
    figure.unlabelled = unlabelled;
    figure.bundle = bundle;
    figure.options = options;
    figure.graph = input->graph;
    figure.two_mode = input->two_mode;
    figure.given_positions = input->positions;
    figure.extent_positions = input->positions != NULL ? input->extent_positions : NULL;
    figure.panel = input->panel;
    figure.hide_links = input->hide_links;
    figure.panel_degree = input->hide_links ? input->panel_degree : NULL;
    figure.raster_dense = input->raster_dense;
    figure.placement = input->placement;
    figure.kind = options->layout;
    if (figure.kind == COOPNET_LAYOUT_AUTO)
        figure.kind = COOPNET_LAYOUT_FR;
    if (figure.kind == COOPNET_LAYOUT_TIMELINE)
        return coopnet_i_draw_timeline(cr, rect, bundle, options, layout, err);
    figure.bipartite = figure.kind == COOPNET_LAYOUT_BIPARTITE;
    bool vectors_ready = false;
    COOPNET_IGRAPH_CHECK(err, status, igraph_vector_init(&figure.size_values, 0), "sizes");
    if (igraph_matrix_init(&figure.positions, 0, 2) != IGRAPH_SUCCESS) {
        igraph_vector_destroy(&figure.size_values);
        return COOPNET_ERROR(err, COOPNET_ENOMEM, "out of memory");
    }
    vectors_ready = true;
    if ((status = prepare(&figure, input, err)) != COOPNET_OK)
        goto cleanup;
    if (figure.panel) {
        /* snapshots: actors without a link yet are grey, so the panels show the growth */
        for (size_t v = 0; v < figure.n_nodes; v++) {
            igraph_integer_t degree = 0;
            if (figure.panel_degree != NULL)
                degree = figure.panel_degree[v] > 0;
            else if (igraph_degree_1(&figure.graph->graph, &degree, (igraph_integer_t)v, IGRAPH_ALL,
                                     IGRAPH_LOOPS) != IGRAPH_SUCCESS)
                degree = 1; /* (cannot fail for a vertex of the graph) kept in colour */
            if (degree == 0) {
                figure.nodes[v].red = figure.nodes[v].green = figure.nodes[v].blue = 0.82;
            }
        }
    }

    char title[512], subtitle[512], caption[512];
    const char *title_text = options->figure.title, *caption_text = options->figure.caption;
    const char *subtitle_text = NULL;
    if (title_text == NULL) {
        default_title(&figure, title, sizeof title);
        title_text = title;
        default_subtitle(&figure, subtitle, sizeof subtitle);
        subtitle_text = subtitle;
    }
    if (caption_text == NULL) {
        coopnet_i_draw_default_caption(bundle, caption, sizeof caption);
        caption_text = caption;
    }
    /* a portrait canvas: the map takes the full width, with what is not on it below */
    figure.geo_below = figure.kind == COOPNET_LAYOUT_GEO && !figure.panel && rect.h > rect.w * 0.9;
    if (figure.kind == COOPNET_LAYOUT_GEO)
        geo_note(&figure, figure.note, sizeof figure.note); /* "" when there is nothing to say */
    if (figure.kind == COOPNET_LAYOUT_GEO && figure.n_side > 0) {
        /* the list's room, in the content area the frame leaves (measured, not drawn), decides
         * which actors it holds; the note says how many it leaves out */
        coopnet_rect_t estimate;
        cairo_push_group(cr);
        coopnet_i_style_draw_frame_reserving(
            cr, rect, title_text, subtitle_text, caption_text, figure.note[0] ? figure.note : NULL,
            figure.unlabelled != NULL ? figure.unlabelled->reserve : 0, &estimate);
        cairo_pattern_destroy(cairo_pop_group(cr));
        if (fit_side_list(cr, &figure, estimate) != COOPNET_OK) {
            status = COOPNET_ERROR(err, COOPNET_ENOMEM, "out of memory");
            goto cleanup;
        }
        geo_note(&figure, figure.note, sizeof figure.note);
    }
    cairo_save(cr);
    coopnet_rect_t content;
    double note_used = coopnet_i_style_draw_frame_reserving(
        cr, rect, title_text, subtitle_text, caption_text, figure.note[0] ? figure.note : NULL,
        figure.unlabelled != NULL ? figure.unlabelled->reserve : 0, &content);
    if (figure.unlabelled != NULL)
        figure.unlabelled->used = note_used;

    /* a crowded canvas (many nodes for its area) gets smaller nodes and thinner lines */
    double spacing =
        sqrt(content.w * content.h / (double)(figure.n_nodes > 0 ? figure.n_nodes : 1));
    if (figure.n_nodes > CROWD_MIN_NODES)
        figure.crowd_scale = fmax(CROWD_MIN_SCALE, fmin(1.0, spacing / CROWD_SPACING));
    figure.node_scale *= figure.crowd_scale;
    for (size_t v = 0; v < figure.n_nodes; v++)
        figure.nodes[v].radius *= figure.node_scale;

    /* the legend column on the right, the plot (and the geo side column) on the left */
    /* snapshot panels share one legend, drawn by the chart */
    double legend_width =
        figure.panel || figure.geo_below ? 0 : fmin(LEGEND_WIDTH, content.w * 0.3);
    double legend_gap = legend_width > 0 ? COOPNET_STYLE_GAP : 0;
    figure.legend =
        (coopnet_rect_t){content.x + content.w - legend_width, content.y, legend_width, 0};
    if (legend_width > 0)
        figure.legend.h = legend(cr, &figure, figure.legend, false);
    figure.plot =
        (coopnet_rect_t){content.x, content.y, content.w - legend_width - legend_gap, content.h};
    coopnet_rect_t area = figure.plot;
    if (figure.geo_below) {
        /* from the bottom up: the legend in columns, the list of unlocated actors, the map */
        figure.legend_column = content.w / 4;
        figure.legend = (coopnet_rect_t){content.x, 0, content.w, 0};
        figure.legend.h = legend(cr, &figure, figure.legend, false);
        double side = figure.n_side > 0 ? side_list_height(cr, &figure, content.w) : 0;
        double below = figure.legend.h + (side > 0 ? side + 8 : 0);
        area = (coopnet_rect_t){content.x + 26, content.y, content.w - 26, content.h - below - 16};
        if (area.h < 40)
            area.h = 40;
        map_positions(&figure, area);
        if ((status = place_by_country(&figure, err)) != COOPNET_OK) {
            cairo_restore(cr);
            goto cleanup;
        }
        /* the list right under the map (it may be shorter than its area) */
        figure.side_column =
            (coopnet_rect_t){content.x, figure.map.y + figure.map.h + 16, content.w, side};
        if (figure.n_side > 0)
            place_side_column(cr, &figure);
        figure.legend.y = figure.side_column.y + (side > 0 ? side + 8 : 0);
        legend_width = content.w;
    } else if (figure.kind == COOPNET_LAYOUT_GEO) {
        double side = figure.n_side > 0 ? fmin(GEO_SIDE_COLUMN_WIDTH, area.w * 0.3) : 0;
        figure.side_column = (coopnet_rect_t){area.x + area.w - side, area.y, side, area.h};
        figure.side_columns = 1;
        /* room for the graticule's degree labels on the left and below */
        area.x += 26;
        area.w -= 26 + (side > 0 ? side + COOPNET_STYLE_GAP : 0);
        area.h -= 12;
        map_positions(&figure, area);
        if ((status = place_by_country(&figure, err)) != COOPNET_OK) {
            cairo_restore(cr);
            goto cleanup;
        }
        if (figure.n_side > 0)
            place_side_column(cr, &figure);
    } else {
        place_nodes(&figure, area);
    }

    if ((status = place_labels(cr, &figure, figure.plot, err)) != COOPNET_OK) {
        cairo_restore(cr);
        goto cleanup;
    }
    if (figure.unlabelled != NULL && figure.unlabelled->measure) {
        /* the note this placement would need, and its height */
        unlabelled_pass_t *pass = figure.unlabelled;
        pass->next = figure.kind == COOPNET_LAYOUT_GEO ? unlabelled_sentence(&figure) : NULL;
        const char *given = pass->sentence;
        pass->sentence = pass->next;
        geo_note(&figure, figure.note, sizeof figure.note);
        pass->sentence = given;
        pass->next_height = coopnet_i_style_text_height(cr, COOPNET_TEXT_CAPTION,
                                                        figure.note[0] ? figure.note : NULL,
                                                        rect.w - 2 * COOPNET_STYLE_MARGIN);
        cairo_restore(cr);
        goto cleanup;
    }
    if (figure.kind == COOPNET_LAYOUT_GEO) {
        if ((status = draw_map(cr, &figure, err)) != COOPNET_OK) {
            cairo_restore(cr);
            goto cleanup;
        }
        if (figure.n_side > 0)
            draw_side_column(cr, &figure);
    }
    if (!(figure.raster_dense && draw_network_image(cr, &figure))) {
        draw_edges(cr, &figure);
        draw_nodes(cr, &figure);
    }
    if (input->ringed != NULL && *input->ringed >= 0 &&
        (size_t)*input->ringed < figure.n_nodes) { /* a ring a little outside the node's rim */
        const coopnet_figure_node_t *node = &figure.nodes[*input->ringed];
        coopnet_i_style_set_color(cr, coopnet_i_style_text, 1.0);
        cairo_set_line_width(cr, 1.5);
        cairo_new_path(cr);
        cairo_arc(cr, node->x, node->y, node->radius + 3.5, 0, 2 * G_PI);
        cairo_stroke(cr);
    }
    coopnet_i_label_set_draw(cr, &figure.labels);
    if (legend_width > 0)
        legend(cr, &figure, figure.legend, true);
    cairo_restore(cr);
    if (layout != NULL)
        status = export_layout(&figure, rect, layout, err);
cleanup:
    if (vectors_ready)
        network_figure_free(&figure);
    return status;
}

int coopnet_i_draw_network_sizes(const coopnet_graph_t *graph,
                                 const coopnet_render_options_t *options, igraph_vector_t *values,
                                 coopnet_vertex_values_t *sizes, coopnet_error_t *err)
{
    const char *measure = options->size_by ? options->size_by : "degree";
    *sizes = (coopnet_vertex_values_t){graph->build_id, NULL, NULL};
    if (strcmp(measure, "none") == 0)
        return COOPNET_OK;
    int status = coopnet_i_draw_measure(graph, measure, values, err);
    if (status == COOPNET_OK)
        *sizes = (coopnet_vertex_values_t){graph->build_id, values, measure};
    return status;
}
