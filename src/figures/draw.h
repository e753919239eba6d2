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
#include "coopnet/nlc.h"
#include "coopnet/output.h"
#include "coopnet/render.h"
#include "coopnet/table.h"
#include "figures/style.h"

#include <cairo.h>

/* Values per vertex tied to the graph they were computed on: a figure given values checks that
 * they belong to the graph it draws (the same build_id, one value per vertex) and fails with
 * EINVAL otherwise, so that values of another graph (another as-of date, other filters) are
 * never drawn silently. */
typedef struct coopnet_vertex_values {
    uint64_t build_id;             /* graph->build_id of the graph they were computed on */
    const igraph_vector_t *values; /* one per vertex of that graph; NULL: none */
    const char *measure;           /* what they are ("betweenness"), for legends and axes */
} coopnet_vertex_values_t;

/* COOPNET_OK when values (values->values not NULL) were computed on graph; EINVAL naming the
 * measure otherwise. O(1). */
int coopnet_i_vertex_values_check(const coopnet_vertex_values_t *values,
                                  const coopnet_graph_t *graph, coopnet_error_t *err);

/* What a network figure draws, computed by the caller (not owned; all outlive the call). */
typedef struct coopnet_network_input {
    const coopnet_bundle_t *bundle;
    /* the cooperation graph built under options->graph (every layout but bipartite) */
    const coopnet_graph_t *graph;
    const coopnet_two_mode_t *two_mode; /* bipartite: the actor-event graph, same options */
    /* node sizes, values of graph (values NULL: none); bipartite: any measure sizes by the
     * two-mode degree, none (measure NULL) by nothing */
    coopnet_vertex_values_t sizes;
    /* force layouts (fr, kk, drl) only, optional: positions in layout units, one row per vertex
     * of graph (coopnet_i_draw_network_positions); NULL: the layout is computed here */
    const igraph_matrix_t *positions;
    /* optional, with positions: positions of a larger set of actors these are part of (in the
     * same layout units); the figure maps their bounding box to its area, so that a panel of a
     * subset keeps the scale and place of the whole (the dependence page's "without" panel) */
    const igraph_matrix_t *extent_positions;
    bool panel; /* a snapshots panel: actors without a link in grey, no legend */
    const igraph_integer_t *ringed; /* optional: a vertex drawn with a ring around it */
    bool hide_links;                /* draw the actors only (coopnet_i_draw_panel_hides_links) */
    /* optional, panels with hide_links: per vertex of graph, its links in the year the panel
     * shows; an actor without one is grey. graph may then be the whole network (the year's own
     * graph is not needed when its links are not drawn). NULL: graph's own degree */
    const double *panel_degree;
    /* On a vector surface (PDF, SVG, PS), a dense network (coopnet_i_draw_network_is_dense) has
     * its links and nodes painted as one image at COOPNET_RASTER_DPI (labels, legend and frame
     * stay vector): megabytes instead of tens. Off: every link a vector line. */
    bool raster_dense;
    /* Optional, force layouts: the nodes' page positions (2 per node) after the spreading, kept
     * from the first figure drawn with this cache and reused by the next ones drawn in a
     * rectangle of the same size (the panels of the snapshots chart share positions and size,
     * so the spreading is done once). NULL: computed every time. */
    struct coopnet_network_placement *placement;
} coopnet_network_input_t;

/* The page positions of coopnet_network_input_t.placement; zero it before the first use and
 * free it with coopnet_i_network_placement_destroy. */
typedef struct coopnet_network_placement {
    double *xy;          /* 2 per node; NULL: nothing kept yet */
    long *actors;        /* the bundle actor of each node (-1: an event) */
    size_t n_nodes;      /* nodes of the figure that filled it */
    coopnet_rect_t area; /* the plot area they were fitted to */
} coopnet_network_placement_t;

void coopnet_i_network_placement_destroy(coopnet_network_placement_t *placement);

/* Resolution of the image of a dense network on a vector surface (print quality). */
#define COOPNET_RASTER_DPI 200.0
/* Networks with more links or more actors than these count as dense. */
#define COOPNET_RASTER_MIN_LINKS 5000
#define COOPNET_RASTER_MIN_NODES 2000

/* Whether raster_dense paints graph's network as an image: more than COOPNET_RASTER_MIN_LINKS
 * links or COOPNET_RASTER_MIN_NODES actors. O(1). */
bool coopnet_i_draw_network_is_dense(const coopnet_graph_t *graph);

/* For tests: whether large networks' links are sorted by weight with a radix sort (the default)
 * or with qsort, which must give the same order; returns how many sets of links were radix
 * sorted so far. */
size_t coopnet_i_draw_set_radix_sort(bool enabled);

/* Whether panels (coopnet_network_input_t.panel: the snapshots' years, the report's
 * before/after) of the network graph, or of parts of it, should be drawn with their actors only
 * (hide_links): over this many links, at a panel's size the links make one grey mass under the
 * dots, hidden by them, and drawing them took most of a 10 000-actor report. The actor's colour
 * (grey: no link) still says whether it is linked; the figure's text says the links are left
 * out. O(1). */
#define COOPNET_PANEL_MAX_LINKS 250000
bool coopnet_i_draw_panel_hides_links(const coopnet_graph_t *graph);

/* The network figure (every layout but timeline) of input under options (options->graph must be
 * the options graph was built with; options->size_by is not read: input->sizes says it). layout
 * may be NULL; otherwise it receives the nodes and labels drawn (the caller frees it with
 * coopnet_figure_layout_free). EINVAL for sizes or positions of another graph. */
int coopnet_i_draw_network(cairo_t *cr, coopnet_rect_t rect, const coopnet_network_input_t *input,
                           const coopnet_render_options_t *options, coopnet_figure_layout_t *layout,
                           coopnet_error_t *err);

/* The force layout (kind fr, kk or drl; auto: fr) of graph for seed, in layout units, into
 * positions (caller-initialised; resized to V x 2). Deterministic for a graph and a seed; the
 * cost of coopnet_render_network's layout. */
int coopnet_i_draw_network_positions(const coopnet_graph_t *graph, coopnet_layout_kind_t kind,
                                     unsigned long seed, igraph_matrix_t *positions,
                                     coopnet_error_t *err);

/* The size measure of options (size_by: NULL degree, "none" none) computed on graph into values
 * (caller-initialised), and sizes set to it (sizes->values NULL for "none"). For the facades. */
int coopnet_i_draw_network_sizes(const coopnet_graph_t *graph,
                                 const coopnet_render_options_t *options, igraph_vector_t *values,
                                 coopnet_vertex_values_t *sizes, coopnet_error_t *err);

/* The "who came to what, when" chart: dated events on a time axis, actors as rows. */
int coopnet_i_draw_timeline(cairo_t *cr, coopnet_rect_t rect, const coopnet_bundle_t *bundle,
                            const coopnet_render_options_t *options,
                            coopnet_figure_layout_t *layout, coopnet_error_t *err);

/* The height (pt) the timeline wants at the default width: a row per actor. */
double coopnet_i_draw_timeline_default_height(const coopnet_bundle_t *bundle,
                                              const coopnet_render_options_t *options);

/* The charts of coopnet/chart.h, drawn from results the caller computed (the facades in chart.c
 * compute them; the report reads them from its model). */

/* Ranking: the top options->top actors of graph by values (a measure computed on graph), in
 * coopnet_rank_vertices order. NaN values are drawn as 0 bars. EINVAL when values do not belong to
 * graph. O(V log V). */
int coopnet_i_draw_chart_ranking(cairo_t *cr, coopnet_rect_t rect, const coopnet_graph_t *graph,
                                 const coopnet_vertex_values_t *values,
                                 const coopnet_chart_options_t *options, coopnet_error_t *err);

/* The level x level density matrix of country (NULL or "": the whole network, "*") exactly as
 * nlc gives it (coopnet_nlc_compute; the same cells `coopnet nlc` prints), with the actors per
 * level of that country beside the rows; a country nlc does not list (no actor of it in the
 * graph) has every cell n/a. O(pairs). */
int coopnet_i_draw_chart_nlc_matrix(cairo_t *cr, coopnet_rect_t rect,
                                    const coopnet_bundle_t *bundle, const coopnet_nlc_t *nlc,
                                    const char *country, const coopnet_chart_options_t *options,
                                    coopnet_error_t *err);

/* The cells the NLC matrix of country draws: matrix (COOPNET_LEVEL_COUNT squared, row-major,
 * symmetric, NaN: no possible pair, as for international x international within a country) and
 * the actors per level (n_a, n_b of its pairs). A country nlc does not list: every cell NaN,
 * no actor. O(pairs). */
void coopnet_i_chart_nlc_cells(const coopnet_nlc_t *nlc, const char *country,
                               double matrix[COOPNET_LEVEL_COUNT * COOPNET_LEVEL_COUNT],
                               size_t counts[COOPNET_LEVEL_COUNT]);

/* Snapshot panels: the cooperation graph as of the end of each year (as coopnet_snapshots_compute
 * steps by year), at most COOPNET_SNAPSHOT_MAX_PANELS, the last ones up to the as-of year. */
#define COOPNET_SNAPSHOT_MAX_PANELS 12
typedef struct coopnet_snapshot_panels {
    size_t n_panels;
    int years[COOPNET_SNAPSHOT_MAX_PANELS];
    const coopnet_graph_t *graphs[COOPNET_SNAPSHOT_MAX_PANELS]; /* the panels' graphs */
    /* coopnet_i_snapshot_panels_lend_degrees: per panel, the degree of each vertex of graphs[p]
     * (then the whole network, its links hidden) in that year; NULL: the graphs' own */
    const double *degrees[COOPNET_SNAPSHOT_MAX_PANELS];
    coopnet_date_t as_of[COOPNET_SNAPSHOT_MAX_PANELS]; /* the day each panel shows */
    coopnet_graph_t *owned; /* built by coopnet_i_snapshot_panels_init; NULL when lent */
    size_t n_owned;
    bool raster_dense; /* as coopnet_network_input_t.raster_dense, for every panel */
} coopnet_snapshot_panels_t;

/* Builds the panels' graphs of bundle under graph_options (for the chart facade); EDATA when the
 * bundle has no date. On failure panels is left destroyed. Cost: one graph per panel. */
int coopnet_i_snapshot_panels_init(coopnet_snapshot_panels_t *panels,
                                   const coopnet_bundle_t *bundle,
                                   const coopnet_graph_options_t *graph_options,
                                   coopnet_error_t *err);

/* The panels drawn from graphs a yearly snapshots analysis kept (n_steps of them, ending on
 * dates; coopnet_i_snapshots_compute_with_graphs): lent, not copied, so they must outlive the
 * panels. as_of (precision NONE: none) caps the last year as coopnet_i_snapshot_panels_init
 * does. O(steps). */
void coopnet_i_snapshot_panels_lend(coopnet_snapshot_panels_t *panels,
                                    const coopnet_graph_t *graphs, const coopnet_date_t *dates,
                                    size_t n_steps, coopnet_date_t as_of);

/* The panels of a yearly snapshots analysis that kept no graph, for a network whose panels hide
 * their links (coopnet_i_draw_panel_hides_links(full)): each panel draws full's vertices, grey
 * where degrees (n_steps rows of full's vertex count, the analysis's degree values, in full's
 * vertex order) has 0 that year. Lent: full and degrees must outlive the panels. O(steps). */
void coopnet_i_snapshot_panels_lend_degrees(coopnet_snapshot_panels_t *panels,
                                            const coopnet_graph_t *full, const double *degrees,
                                            const coopnet_date_t *dates, size_t n_steps,
                                            coopnet_date_t as_of);

/* Frees what the panels own. Accepts a zeroed object. */
void coopnet_i_snapshot_panels_destroy(coopnet_snapshot_panels_t *panels);

/* Snapshots: the panels, every actor at its position of the full network's force layout
 * (positions of full, the graph of all years under the same options). EINVAL when the positions
 * or a panel do not match full's vertices. O(panels x (V + E)). */
int coopnet_i_draw_chart_snapshots(cairo_t *cr, coopnet_rect_t rect, const coopnet_bundle_t *bundle,
                                   const coopnet_graph_t *full, const igraph_matrix_t *positions,
                                   const coopnet_snapshot_panels_t *panels,
                                   const coopnet_chart_options_t *options, coopnet_error_t *err);

/* Participation: events per quarter by type, counted from the bundle under options->graph (a
 * tally, not an analysis). O(events x types). */
int coopnet_i_draw_chart_participation(cairo_t *cr, coopnet_rect_t rect,
                                       const coopnet_bundle_t *bundle,
                                       const coopnet_chart_options_t *options,
                                       coopnet_error_t *err);

/* Reach curve: n_curves curves (coopnet_temporal_curve_all: one, the reachability ratio; or
 * coopnet_temporal_curve_source: one per source, sources[i] the actor of curve i), all by
 * options->period, of a temporal network of n_actors actors. EDATA when the curves are empty.
 * O(curves x steps). */
/* possible: NULL, or n_curves curves of the possible reading, drawn as a band above each line
 * (the certain reading) where they differ. */
int coopnet_i_draw_chart_reach_curve(cairo_t *cr, coopnet_rect_t rect,
                                     const coopnet_bundle_t *bundle,
                                     const coopnet_temporal_curve_t *curves,
                                     const coopnet_temporal_curve_t *possible, size_t n_curves,
                                     const size_t *sources, size_t n_actors,
                                     const coopnet_chart_options_t *options, coopnet_error_t *err);

/* A test hook: once set, every chart drawn reports the numbers it drew, in drawing order.
 * ranking: label the measure, values the bars, items the actors (bundle indices); nlc-matrix:
 * label the country ("*": whole network), values the 16 cells row-major (NaN: n/a), items the
 * actors per level; reach-curve: once per line, label "*" (values: percent of pairs linked) or
 * the source's id (actors reached), one value per period; snapshots: once per panel, label its
 * year, values the links drawn, items the actors drawn with a link. Not thread-safe: for tests
 * only; NULL unsets it. */
typedef void (*coopnet_chart_probe_t)(coopnet_chart_kind_t kind, const char *label,
                                      const double *values, size_t n_values, const size_t *items,
                                      size_t n_items, void *data);
void coopnet_i_chart_set_probe(coopnet_chart_probe_t probe, void *data);

/* Draws into a page of the format of path and writes it atomically through coopnet/output.h.
 * width/height as coopnet_figure_options_t (pixels for PNG at dpi, points otherwise); the draw
 * callback receives the whole canvas in points. On failure the destination is untouched. */
typedef int (*coopnet_draw_callback_t)(cairo_t *cr, coopnet_rect_t canvas, void *data,
                                       coopnet_error_t *err);
int coopnet_i_figure_write(const char *path, const coopnet_figure_options_t *figure,
                           double default_width_pt, double default_height_pt,
                           coopnet_draw_callback_t draw, void *data, coopnet_error_t *err);

/* Refuses (COOPNET_ELIMIT, coopnet_graph_check_memory) a figure whose image would be over limit
 * bytes: the PNG canvas at its size and dpi, or for PDF and SVG, when it draws a network
 * (network_image), the image a dense network is painted as (COOPNET_RASTER_DPI, the whole
 * canvas at most), 4 bytes a pixel. COOPNET_OK when the path or size is bad (the writer says
 * so). O(1). */
int coopnet_i_figure_check_memory(const char *path, const coopnet_figure_options_t *figure,
                                  double default_width_pt, double default_height_pt,
                                  bool network_image, uint64_t limit, coopnet_error_t *err);

/* Writes the numbers a figure draws (figure->data_path) as a table on stream in format, from
 * the job the figure was drawn from (after the drawing). */
typedef int (*coopnet_figure_data_callback_t)(FILE *stream, coopnet_table_format_t format,
                                              void *data, coopnet_error_t *err);

/* coopnet_i_figure_write, and when figure->data_path is set, the data table write_data writes
 * from the same data, both committed together (coopnet_output_commit_all): a failure leaves
 * both destinations as they were. */
int coopnet_i_figure_write_with_data(const char *path, const coopnet_figure_options_t *figure,
                                     double default_width_pt, double default_height_pt,
                                     coopnet_draw_callback_t draw,
                                     coopnet_figure_data_callback_t write_data, void *data,
                                     coopnet_error_t *err);

/* The same, but the complete figure is left in *written, uncommitted, for the caller to commit
 * with the other outputs of its run (coopnet_output_commit_all) or abort. On failure *written
 * is NULL and nothing is left behind. */
int coopnet_i_figure_write_uncommitted(const char *path, const coopnet_figure_options_t *figure,
                                       double default_width_pt, double default_height_pt,
                                       coopnet_draw_callback_t draw, void *data,
                                       coopnet_output_t **written, coopnet_error_t *err);

/* Draws as coopnet_i_figure_write does, on a recording surface of the same canvas in points
 * (figure's width and height taken as points), and keeps nothing: for callers that want what a
 * figure would draw (its layout) without a file. EINVAL for a size out of range, EINTERNAL
 * (cairo), or the draw callback's error. */
int coopnet_i_figure_record(const coopnet_figure_options_t *figure, double default_width_pt,
                            double default_height_pt, coopnet_draw_callback_t draw, void *data,
                            coopnet_error_t *err);

/* What coopnet_render_network draws for bundle under options (a force, geo or circle layout;
 * EINVAL for bipartite and timeline), given the cooperation graph built under options->graph,
 * without writing a file: the nodes' positions, radii and colours and the labels are those of
 * the PNG, PDF and SVG files of the default size. On success *layout is the caller's
 * (coopnet_figure_layout_free); on failure NULL. Cost: coopnet_render_network's. */
int coopnet_i_render_network_layout(const coopnet_bundle_t *bundle,
                                    const coopnet_render_options_t *options,
                                    const coopnet_graph_t *graph, coopnet_figure_layout_t **layout,
                                    coopnet_error_t *err);

/* The default caption: "Source: NAME, FIRST to LAST" (or without dates), into buffer. */
void coopnet_i_draw_default_caption(const coopnet_bundle_t *bundle, char *buffer, size_t size);

/* Texts in the current language (core/l10n.h): a level's name ("local"; as a legend entry or a
 * table cell), its short form for narrow headers ("reg."), a measure's name ("degree";
 * unknown names are returned as they are), a month's name (1-12; abbreviated: "Jan"). Static
 * strings. O(1). */
const char *coopnet_i_draw_level_label(coopnet_level_t level);
const char *coopnet_i_draw_level_abbreviation(coopnet_level_t level);
const char *coopnet_i_draw_measure_label(const char *measure);
const char *coopnet_i_draw_month_name(int month, bool abbreviated);

/* A date in words in the current language: "5 March 2024", "March 2024", "2024" by its
 * precision; "" for no date. */
void coopnet_i_draw_date_words(coopnet_date_t date, char *buffer, size_t size);

/* The label text of actor under field (short: trailing acronym in parentheses, else name). */
void coopnet_i_draw_actor_label(const coopnet_bundle_t *bundle, size_t actor,
                                coopnet_label_field_t field, char *buffer, size_t size);

/* The values of measure (coopnet_measure_names) for every vertex of graph, into values
 * (initialised by the caller; resized): unweighted except strength. EINVAL for an unknown
 * measure. O(measure). */
int coopnet_i_draw_measure(const coopnet_graph_t *graph, const char *measure,
                           igraph_vector_t *values, coopnet_error_t *err);

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

/* Axis helpers for the charts: "nice" tick steps covering [low, high]. */
double coopnet_i_draw_nice_step(double span, int target_ticks);

/* A figure's title and caption as drawn: cut at COOPNET_TEXT_MAX_TITLE characters with an
 * ellipsis (coopnet/text.h), so that a 128 KiB --title costs no more than a short one. */
typedef struct coopnet_i_shown_figure {
    char *title, *caption; /* the ellipsised copies (NULL: the option is used as it is) */
} coopnet_i_shown_figure_t;

/* Points options->title and options->caption at shortened copies owned by shown when they are
 * too long. COOPNET_OK or COOPNET_ENOMEM (shown is then still to be destroyed). O(300). */
int coopnet_i_shown_figure_init(coopnet_i_shown_figure_t *shown, coopnet_figure_options_t *options);

/* Frees the copies; accepts a zeroed or half-initialised shown. */
void coopnet_i_shown_figure_destroy(coopnet_i_shown_figure_t *shown);

#endif
