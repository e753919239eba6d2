/* SPDX-License-Identifier: GPL-3.0-or-later */
/* render.c - the network figure to a file: coopnet_render_network (see coopnet/render.h), a thin
 * entry point over figures/draw_network.c and figures/draw_timeline.c. */
#include "coopnet/render.h"
#include "figures/basemap.h"
#include "figures/draw.h"
#include "core/internal.h"
#include "coopnet/text.h"
#include "model/bundle_display.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

/* The network figure's canvas (points) when the options give no size. */
#define DEFAULT_WIDTH_PT 720.0
#define DEFAULT_HEIGHT_PT 540.0

typedef struct network_job {
    const coopnet_network_input_t *input;
    const coopnet_render_options_t *options;
    coopnet_figure_layout_t *layout;
} network_job_t;

static int draw_network_job(cairo_t *cr, coopnet_rect_t canvas, void *data, coopnet_error_t *err)
{
    network_job_t *job = data;
    return coopnet_i_draw_network(cr, canvas, job->input, job->options, job->layout, err);
}

static const char *const node_data_columns[] = {
    "kind", "id", "label",  "label_shown",  "level",      "country",
    "x",    "y",  "radius", "size_measure", "size_value", "placement"};

/* figure->data_path: one row per node drawn, in drawing order, with its label as drawn (empty
 * when it has none; label_shown false when it was dropped for lack of room), its place on the
 * canvas in points from the top left, and whether the geo layout placed it only near its
 * country (approximate). */
static int write_node_data(FILE *stream, coopnet_table_format_t format, void *data,
                           coopnet_error_t *err)
{
    const network_job_t *job = data;
    const coopnet_figure_layout_t *layout = job->layout;
    const coopnet_bundle_t *bundle = job->input->bundle;
    const char *measure = job->input->sizes.measure;
    size_t n_nodes = layout ? layout->n_nodes : 0;
    const coopnet_figure_label_t **label_of = calloc(n_nodes + 1, sizeof *label_of);
    if (label_of == NULL)
        return COOPNET_ERROR(err, COOPNET_ENOMEM, "out of memory");
    for (size_t l = 0; l < (layout ? layout->n_labels : 0); l++)
        if (layout->labels[l].node < n_nodes)
            label_of[layout->labels[l].node] = &layout->labels[l];
    coopnet_table_t table;
    coopnet_table_begin(&table, stream, format, node_data_columns,
                        sizeof node_data_columns / sizeof *node_data_columns);
    for (size_t i = 0; i < n_nodes; i++) {
        const coopnet_figure_node_t *node = &layout->nodes[i];
        const coopnet_actor_t *actor = node->actor >= 0 ? &bundle->actors[node->actor] : NULL;
        const coopnet_event_t *event = node->event >= 0 ? &bundle->events[node->event] : NULL;
        const coopnet_figure_label_t *label = label_of[i];
        coopnet_table_string(&table, actor ? "actor" : "event");
        coopnet_table_string(&table, actor ? actor->id : event ? event->id : "");
        coopnet_table_string(&table, label ? label->text : "");
        coopnet_table_string(&table, label && label->shown ? "true" : "false");
        coopnet_table_string(&table, actor ? coopnet_level_name(actor->level) : "");
        coopnet_table_string(&table, actor ? actor->country : "");
        coopnet_table_number(&table, node->x);
        coopnet_table_number(&table, node->y);
        coopnet_table_number(&table, node->radius);
        coopnet_table_string(&table, measure && !isnan(node->value) ? measure : "");
        coopnet_table_number(&table, node->value);
        coopnet_table_string(&table, node->approximate ? "approximate" : "exact");
        coopnet_table_end_row(&table);
    }
    coopnet_table_end(&table);
    free(label_of);
    return COOPNET_OK;
}

static int render_network(const coopnet_bundle_t *bundle, const coopnet_render_options_t *options,
                          const char *path, coopnet_figure_layout_t **layout, coopnet_error_t *err)
{
    /* compute: the graph the layout draws and the size measure on it; then draw */
    coopnet_graph_t graph = {0};
    coopnet_two_mode_t two_mode;
    igraph_vector_t size_values;
    coopnet_network_input_t input = {0};
    network_job_t job = {&input, options, NULL};
    int status = COOPNET_OK;
    memset(&two_mode, 0, sizeof two_mode);
    input.bundle = bundle;
    if (layout != NULL)
        *layout = NULL;
    if (igraph_vector_init(&size_values, 0) != IGRAPH_SUCCESS)
        return COOPNET_ERROR(err, COOPNET_ENOMEM, "out of memory");
    /* the layout is kept for the caller, and for the data the figure draws */
    if ((layout != NULL || options->figure.data_path != NULL) &&
        (job.layout = calloc(1, sizeof *job.layout)) == NULL) {
        status = COOPNET_ERROR(err, COOPNET_ENOMEM, "out of memory");
        goto cleanup;
    }
    double width = DEFAULT_WIDTH_PT, height = DEFAULT_HEIGHT_PT;
    if (options->layout == COOPNET_LAYOUT_TIMELINE) {
        height = coopnet_i_draw_timeline_default_height(bundle, options);
    } else if (options->layout == COOPNET_LAYOUT_BIPARTITE) {
        if ((status = coopnet_two_mode_init(&two_mode, bundle, &options->graph, err)) != COOPNET_OK)
            goto cleanup;
        input.two_mode = &two_mode;
        bool sized = options->size_by == NULL || strcmp(options->size_by, "none") != 0;
        input.sizes.measure = sized ? "degree" : NULL;
    } else {
        if ((status = coopnet_graph_init_cooperation(&graph, bundle, &options->graph, err)) !=
                COOPNET_OK ||
            (status = coopnet_i_draw_network_sizes(&graph, options, &size_values, &input.sizes,
                                                   err)) != COOPNET_OK)
            goto cleanup;
        input.graph = &graph;
    }
    if ((status = coopnet_i_figure_check_memory(path, &options->figure, width, height, true,
                                                options->graph.memory_limit, err)) != COOPNET_OK)
        goto cleanup;
    status = coopnet_i_figure_write_with_data(path, &options->figure, width, height,
                                              draw_network_job, write_node_data, &job, err);
    if (status == COOPNET_OK && layout != NULL) {
        *layout = job.layout;
        job.layout = NULL;
    }
cleanup:
    coopnet_figure_layout_free(job.layout);
    igraph_vector_destroy(&size_values);
    coopnet_two_mode_destroy(&two_mode);
    coopnet_graph_destroy(&graph);
    return status;
}

int coopnet_i_render_network_layout(const coopnet_bundle_t *bundle,
                                    const coopnet_render_options_t *options,
                                    const coopnet_graph_t *graph, coopnet_figure_layout_t **layout,
                                    coopnet_error_t *err)
{
    igraph_vector_t size_values;
    coopnet_network_input_t input = {0};
    network_job_t job = {&input, options, NULL};
    int status = COOPNET_OK;
    *layout = NULL;
    if (options->layout == COOPNET_LAYOUT_TIMELINE || options->layout == COOPNET_LAYOUT_BIPARTITE)
        return COOPNET_ERROR(err, COOPNET_EINVAL,
                             "the %s layout has no position per actor of the cooperation graph",
                             options->layout == COOPNET_LAYOUT_TIMELINE ? "timeline" : "bipartite");
    if (igraph_vector_init(&size_values, 0) != IGRAPH_SUCCESS)
        return COOPNET_ERROR(err, COOPNET_ENOMEM, "out of memory");
    if ((job.layout = calloc(1, sizeof *job.layout)) == NULL) {
        status = COOPNET_ERROR(err, COOPNET_ENOMEM, "out of memory");
        goto cleanup;
    }
    input.bundle = bundle;
    input.graph = graph;
    /* the same canvas and the same drawing as coopnet_render_network's */
    if ((status = coopnet_i_draw_network_sizes(graph, options, &size_values, &input.sizes, err)) !=
            COOPNET_OK ||
        (status = coopnet_i_figure_record(&options->figure, DEFAULT_WIDTH_PT, DEFAULT_HEIGHT_PT,
                                          draw_network_job, &job, err)) != COOPNET_OK)
        goto cleanup;
    *layout = job.layout;
    job.layout = NULL;
cleanup:
    coopnet_figure_layout_free(job.layout);
    igraph_vector_destroy(&size_values);
    return status;
}

int coopnet_render_map_data_check(coopnet_error_t *err)
{
    coopnet_basemap_t map;
    int status = coopnet_i_basemap_open(&map, err);
    coopnet_i_basemap_close(&map);
    return status;
}

/* The figure is drawn from the bundle as it is shown (long names ellipsised) with the title and
 * caption cut at COOPNET_TEXT_MAX_TITLE characters (coopnet/text.h). */
int coopnet_render_network(const coopnet_bundle_t *bundle, const coopnet_render_options_t *options,
                           const char *path, coopnet_figure_layout_t **layout, coopnet_error_t *err)
{
    if (layout != NULL)
        *layout = NULL;
    const coopnet_bundle_t *display = NULL;
    coopnet_render_options_t shown = *options;
    coopnet_i_shown_figure_t figure;
    if (coopnet_i_shown_figure_init(&figure, &shown.figure) != COOPNET_OK ||
        coopnet_i_bundle_display_alloc(bundle, &display) != COOPNET_OK) {
        coopnet_i_shown_figure_destroy(&figure);
        return COOPNET_ERROR(err, COOPNET_ENOMEM, "out of memory");
    }
    int status = render_network(display, &shown, path, layout, err);
    coopnet_i_bundle_display_free(display, bundle);
    coopnet_i_shown_figure_destroy(&figure);
    return status;
}
