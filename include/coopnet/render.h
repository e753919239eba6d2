/* SPDX-License-Identifier: GPL-3.0-or-later */
/* coopnet/render.h - network diagrams of the cooperation graph as PNG, PDF or SVG.
 *
 * coopnet_render_network lays the graph out (force-directed, geographic, circular, two-mode or
 * as a timeline of who came to what), maps an attribute to colour and a centrality measure to
 * node size, places labels so that they never overlap or leave the canvas, adds a legend, a
 * title and a source line, and writes the figure atomically through coopnet/output.h.
 *
 * The positions and label boxes it used are returned as a coopnet_figure_layout_t, so that
 * callers and tests can check the figure on data rather than on pixels. Units: points (1/72 in)
 * for PDF and SVG; a PNG canvas of W x H pixels at D dpi is W*72/D x H*72/D points.
 */
#ifndef COOPNET_RENDER_H
#define COOPNET_RENDER_H

#include "coopnet/api.h"

#include "coopnet/bundle.h"
#include "coopnet/centrality.h"
#include "coopnet/lang.h"
#include "coopnet/error.h"
#include "coopnet/graph.h"

#include <stdbool.h>
#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

typedef enum {
    COOPNET_FIGURE_PNG = 0,
    COOPNET_FIGURE_PDF,
    COOPNET_FIGURE_SVG
} coopnet_figure_format_t;

/* The format named by a path's extension (.png, .pdf, .svg, any case); EINVAL otherwise. */
COOPNET_API int coopnet_figure_format_from_path(const char *path, coopnet_figure_format_t *format,
                                                coopnet_error_t *err);

/* What every figure shares: its frame, size and background. */
typedef struct coopnet_figure_options {
    const char *title;    /* NULL: a default title; "": none */
    const char *caption;  /* source line; NULL: "Source: BUNDLE, FIRST to LAST"; "": none */
    double width, height; /* pixels for PNG, points for PDF/SVG; 0: the figure's default */
    double dpi;           /* PNG only; 0: 200 */
    bool transparent;     /* PNG only: transparent instead of white background */
    /* chart and render: NULL, or where the numbers the figure draws go, one row per bar, cell,
     * panel, point or node with its values and labels as drawn (columns: docs/figures.md), as
     * CSV (formula cells neutralised, coopnet/table.h), JSON when the path ends in .json;
     * written atomically and committed together with the figure. */
    const char *data_path;
    /* The language of the fixed texts (legends, axes, default title and caption, notes, month
     * names); Arabic charts are mirrored (right to left). With the default label field, French
     * and Arabic figures label actors by name_fr / name_ar where present. Default English. */
    coopnet_lang_t lang;
    /* Arabic-Indic digits in an Arabic figure's texts (coopnet/lang.h); default Western. */
    coopnet_digits_t digits;
} coopnet_figure_options_t;

COOPNET_API void coopnet_figure_options_init(coopnet_figure_options_t *options);

typedef enum {
    COOPNET_LAYOUT_AUTO = 0,  /* fr */
    COOPNET_LAYOUT_FR,        /* Fruchterman-Reingold: exact up to 500 nodes, Barnes-Hut above */
    COOPNET_LAYOUT_KK,        /* Kamada-Kawai */
    COOPNET_LAYOUT_DRL,       /* DrL (igraph): slow (a minute and 660 MB at 10 000 actors) */
    COOPNET_LAYOUT_GEO,       /* lat/lon, equirectangular */
    COOPNET_LAYOUT_CIRCLE,    /* on a circle, grouped by an attribute */
    COOPNET_LAYOUT_BIPARTITE, /* actors and events as two rows */
    COOPNET_LAYOUT_TIMELINE   /* events on a time axis, actors as rows */
} coopnet_layout_kind_t;

/* Parses "fr", "kk", "drl", "geo", "circle", "bipartite", "timeline"; EINVAL otherwise. */
COOPNET_API int coopnet_layout_kind_parse(const char *text, coopnet_layout_kind_t *kind,
                                          coopnet_error_t *err);

typedef enum {
    COOPNET_LABELS_ALL = 0,
    COOPNET_LABELS_TOP,
    COOPNET_LABELS_NONE,
    COOPNET_LABELS_AUTO /* all up to COOPNET_LABELS_AUTO_ALL_MAX nodes, else the top
                           COOPNET_LABELS_AUTO_TOP: labels on thousands of nodes are unreadable */
} coopnet_label_mode_t;

#define COOPNET_LABELS_AUTO_ALL_MAX 300
#define COOPNET_LABELS_AUTO_TOP 50

typedef enum {
    /* SHORT and NAME: in a French or Arabic figure, name_fr or name_ar where the data has it */
    COOPNET_LABEL_FIELD_SHORT = 0, /* the acronym a name ends with ("... (AMPCC)"), else the name */
    COOPNET_LABEL_FIELD_NAME,
    COOPNET_LABEL_FIELD_NAME_AR, /* falls back to name when empty */
    COOPNET_LABEL_FIELD_NAME_FR, /* falls back to name when empty */
    COOPNET_LABEL_FIELD_ID
} coopnet_label_field_t;

/* Parses "auto", "all", "none", "top:N" (N >= 1) and "short", "name", "name_ar", "name_fr", "id".
 */
COOPNET_API int coopnet_label_mode_parse(const char *text, coopnet_label_mode_t *mode, size_t *top,
                                         coopnet_error_t *err);
COOPNET_API int coopnet_label_field_parse(const char *text, coopnet_label_field_t *field,
                                          coopnet_error_t *err);

typedef struct coopnet_render_options {
    coopnet_figure_options_t figure;
    coopnet_graph_options_t graph; /* which actors and links (as coopnet/graph.h) */
    coopnet_layout_kind_t layout;
    unsigned long seed;   /* layouts are deterministic for a seed */
    const char *color_by; /* actor attribute; NULL or "level": the level colours */
    const char *group_by; /* circle layout: groups; NULL: the color_by attribute */
    const char *size_by;  /* a measure (coopnet_measure_names); NULL: "degree";
                             "none": all nodes the same size */
    coopnet_label_mode_t labels;
    size_t label_top; /* for COOPNET_LABELS_TOP */
    coopnet_label_field_t label_field;
} coopnet_render_options_t;

/* Defaults: auto layout, seed 1, colour by level, size by degree, auto labels, short names. */
COOPNET_API void coopnet_render_options_init(coopnet_render_options_t *options);

/* The measures size_by accepts: coopnet_measure_names of coopnet/centrality.h (the same list;
 * this name is kept as an alias for one release). */
#define coopnet_render_measure_names coopnet_measure_names

/* One drawn node: an actor, or an event in the bipartite and timeline layouts. */
typedef struct coopnet_figure_node {
    long actor;    /* index into bundle->actors, or -1 */
    long event;    /* index into bundle->events, or -1 */
    double x, y;   /* centre, points from the canvas's top left */
    double radius; /* points; 0: not drawn (geo: left out of a full list of unlocated actors) */
    double red, green, blue;
    double value;     /* the size measure (NAN when not sized) */
    bool approximate; /* geo: placed near its country or in the side column */
} coopnet_figure_node_t;

/* One label: the box is where the text was (or would have been) drawn. */
typedef struct coopnet_figure_label {
    size_t node; /* index into nodes */
    char *text;  /* as drawn, possibly shortened with an ellipsis (owned by the layout) */
    double x, y, w, h;
    bool shown;     /* false: dropped because it could not be placed */
    bool shortened; /* the text was cut with an ellipsis */
} coopnet_figure_label_t;

typedef struct coopnet_figure_layout {
    double width, height; /* the canvas, points */
    coopnet_figure_node_t *nodes;
    size_t n_nodes;
    coopnet_figure_label_t *labels; /* in rank order: most important first */
    size_t n_labels;
    double plot_x, plot_y, plot_w, plot_h;         /* where the graph was drawn */
    double legend_x, legend_y, legend_w, legend_h; /* the legend's box (w 0: none) */
    size_t n_unplaced; /* geo: actors without a location (side column) */
    /* geo: the map's box (points) and the longitudes and latitudes at its edges (an
     * equirectangular projection, linear in each); map_w 0 for the other layouts */
    double map_x, map_y, map_w, map_h;
    double lon_min, lon_max, lat_min, lat_max;
    /* geo: of the n_unplaced, those the list had no room for (the smallest by the size
     * measure): not drawn, radius 0 at the list's top left corner; the figure's note counts
     * them */
    size_t n_unlisted;
} coopnet_figure_layout_t;

/* Frees the layout and its strings. NULL is accepted. */
COOPNET_API void coopnet_figure_layout_free(coopnet_figure_layout_t *layout);

/* Draws the cooperation graph of bundle under options and writes it to path (.png, .pdf or
 * .svg; "-" or NULL: PNG on standard output) atomically. When layout is not NULL, *layout
 * receives what was drawn (owned by the caller: coopnet_figure_layout_free), else nothing is
 * kept. Fails with EINVAL (unknown attribute or measure, bad size), EDATA (geo layout with no
 * actor it can place: none has coordinates, and none has a country the map data knows; timeline
 * with no dated event), EIO (cannot write), ENOMEM, EINTERNAL (cairo);
 * the destination is then untouched and *layout NULL. Cost: the layout (FR: O(iterations * V^2)
 * up to 500 nodes, O(iterations * (V log V + E)) above; circle: O(V); geo: O(V) plus reading
 * the countries on the map from the map data, about 0.3 s, plus O(candidates) spots checked per
 * actor without coordinates) plus O(V + E)
 * drawing plus label placement, O(L) candidate checks per label for L labels packed in one
 * place, about O(1) when they are spread. */
COOPNET_API int coopnet_render_network(const coopnet_bundle_t *bundle,
                                       const coopnet_render_options_t *options, const char *path,
                                       coopnet_figure_layout_t **layout, coopnet_error_t *err);

/* Checks that the map data the geo layout draws land, coasts and country borders from can be
 * read: the Digital Chart of the World of Debian's gmt-dcw (/usr/share/gmt-dcw/dcw-gmt.nc), or
 * the file the environment variable COOPNET_MAP_DATA names (docs/maps.md). COOPNET_OK, or EIO
 * with err naming the file and the reason; geo figures are then drawn without land, and their
 * note says so. O(the file's header). */
COOPNET_API int coopnet_render_map_data_check(coopnet_error_t *err);

#ifdef __cplusplus
}
#endif
#endif
