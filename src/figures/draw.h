/* SPDX-License-Identifier: GPL-3.0-or-later */
/* draw.h - every figure of coopnet drawn into a given cairo context inside a given rectangle
 * (points), so that the render and chart commands and the multi-page report compose the same
 * drawings. Internal: cairo types stay inside src/.
 *
 * Each draw function draws its own frame (title, caption) inside rect when the options give them;
 * pass "" for both to get the bare figure. They leave cr's state as they found it (save/restore)
 * and return COOPNET_OK or an error; cairo's sticky status is checked by the caller once the
 * page is done (coopnet_i_figure_write does).
 */
#ifndef COOPNET_DRAW_H
#define COOPNET_DRAW_H

#include "coopnet/chart.h"
#include "coopnet/render.h"
#include "figures/style.h"

#include <cairo.h>

/* The network figure (every layout but timeline). layout may be NULL; otherwise it receives the
 * nodes and labels drawn (the caller frees it with coopnet_figure_layout_free). */
int coopnet_i_draw_network(cairo_t *cr, coopnet_rect_t rect, const coopnet_bundle_t *bundle,
                           const coopnet_render_options_t *options, coopnet_figure_layout_t *layout,
                           coopnet_error_t *err);

/* Layout positions (FR, in layout units) of the cooperation graph under options, into positions
 * (initialised by the caller; resized to V x 2), and the network drawn with given positions
 * (same options' actors; size_by should be "none" so that every panel spreads the same way).
 * Used by the snapshots chart: the same actor keeps its place across panels. */
int coopnet_i_draw_network_positions(const coopnet_bundle_t *bundle,
                                     const coopnet_render_options_t *options,
                                     igraph_matrix_t *positions, coopnet_error_t *err);
int coopnet_i_draw_network_fixed(cairo_t *cr, coopnet_rect_t rect, const coopnet_bundle_t *bundle,
                                 const coopnet_render_options_t *options,
                                 const igraph_matrix_t *positions, coopnet_error_t *err);

/* The "who came to what, when" chart: dated events on a time axis, actors as rows. */
int coopnet_i_draw_timeline(cairo_t *cr, coopnet_rect_t rect, const coopnet_bundle_t *bundle,
                            const coopnet_render_options_t *options,
                            coopnet_figure_layout_t *layout, coopnet_error_t *err);

/* The height (pt) the timeline wants at the default width: a row per actor. */
double coopnet_i_draw_timeline_default_height(const coopnet_bundle_t *bundle,
                                              const coopnet_render_options_t *options);

/* The charts of coopnet/chart.h. */
int coopnet_i_draw_chart_ranking(cairo_t *cr, coopnet_rect_t rect, const coopnet_bundle_t *bundle,
                                 const coopnet_chart_options_t *options, coopnet_error_t *err);
int coopnet_i_draw_chart_nlc_matrix(cairo_t *cr, coopnet_rect_t rect,
                                    const coopnet_bundle_t *bundle,
                                    const coopnet_chart_options_t *options, coopnet_error_t *err);
int coopnet_i_draw_chart_snapshots(cairo_t *cr, coopnet_rect_t rect, const coopnet_bundle_t *bundle,
                                   const coopnet_chart_options_t *options, coopnet_error_t *err);
int coopnet_i_draw_chart_participation(cairo_t *cr, coopnet_rect_t rect,
                                       const coopnet_bundle_t *bundle,
                                       const coopnet_chart_options_t *options,
                                       coopnet_error_t *err);
int coopnet_i_draw_chart_reach_curve(cairo_t *cr, coopnet_rect_t rect,
                                     const coopnet_bundle_t *bundle,
                                     const coopnet_chart_options_t *options, coopnet_error_t *err);

/* Draws into a page of the format of path and writes it atomically through coopnet/output.h.
 * width/height as coopnet_figure_options_t (pixels for PNG at dpi, points otherwise); the draw
 * callback receives the whole canvas in points. On failure the destination is untouched. */
typedef int (*coopnet_draw_callback_t)(cairo_t *cr, coopnet_rect_t canvas, void *data,
                                       coopnet_error_t *err);
int coopnet_i_figure_write(const char *path, const coopnet_figure_options_t *figure,
                           double default_width_pt, double default_height_pt,
                           coopnet_draw_callback_t draw, void *data, coopnet_error_t *err);

/* The default caption: "Source: NAME, FIRST to LAST" (or without dates), into buffer. */
void coopnet_i_draw_default_caption(const coopnet_bundle_t *bundle, char *buffer, size_t size);

/* The label text of actor under field (short: trailing acronym in parentheses, else name). */
void coopnet_i_draw_actor_label(const coopnet_bundle_t *bundle, size_t actor,
                                coopnet_label_field_t field, char *buffer, size_t size);

/* The values of measure (coopnet_render_measure_names) for every vertex of graph, into values
 * (initialised by the caller; resized), NaN drawn as 0. precomputed (may be NULL): the measure
 * already computed for graph, used when its length is the vertex count. EINVAL for an unknown
 * measure. O(measure), O(V) with precomputed values. */
int coopnet_i_draw_measure(const coopnet_graph_t *graph, const char *measure,
                           const igraph_vector_t *precomputed, igraph_vector_t *values,
                           coopnet_error_t *err);

/* Categories of an actor attribute for colouring: category[actor] is an index into the palette
 * (coopnet_i_style_category_color; the most frequent values first, the rest "other"), names[i] the
 * value of category i (pointers into the bundle), n_names how many. For "level" the categories
 * are the levels and their colours. Missing values get category SIZE_MAX. EINVAL for an unknown
 * attribute. category must hold n_actors entries, names coopnet_i_style_category_count() + 1. */
typedef struct coopnet_draw_categories {
    size_t *category;
    const char **names;
    size_t *counts; /* actors per category (same length as names) */
    size_t n_names;
    bool other;   /* some values were lumped into "other" (category n_names) */
    bool missing; /* some actors have no value */
    bool is_level;
} coopnet_draw_categories_t;

int coopnet_i_draw_categories_init(coopnet_draw_categories_t *categories,
                                   const coopnet_bundle_t *bundle, const char *attribute,
                                   coopnet_error_t *err);
void coopnet_i_draw_categories_destroy(coopnet_draw_categories_t *categories);
coopnet_rgb_t coopnet_i_draw_category_color(const coopnet_draw_categories_t *categories,
                                            size_t actor);

/* The geo layout's padded range [*low, *high] of latitudes (limit 90) or longitudes (limit 180)
 * brought inside [-limit, limit]: a range running over one end is moved back by the overrun,
 * keeping its span, and a span wider than 2 * limit becomes [-limit, limit]. O(1). */
void coopnet_i_draw_geo_clamp_range(double *low, double *high, double limit);

/* Axis helpers for the charts: "nice" tick steps covering [low, high]. */
double coopnet_i_draw_nice_step(double span, int target_ticks);

#endif
