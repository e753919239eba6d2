/* SPDX-License-Identifier: GPL-3.0-or-later */
/* labels.h - placing text labels next to points so that no two labels overlap, none leaves its
 * bounds, and labels avoid the drawn nodes. Internal.
 *
 * Labels are placed one by one in rank order (most important first). For each, in this order:
 * move (eight positions around the node, near then farther), shorten (cut with an ellipsis to
 * 60% then 40% of its characters, on one line; not for a strict request), or drop it. A position
 * that covers another node is taken only when no clean one exists (never for a strict request).
 */
#ifndef COOPNET_LABELS_H
#define COOPNET_LABELS_H

#include "coopnet/render.h"
#include "figures/style.h"

typedef enum {
    COOPNET_LABEL_ANY = 0, /* choose among the eight positions */
    COOPNET_LABEL_RIGHT,   /* only to the right (side columns, two-rank layouts) */
    COOPNET_LABEL_LEFT
} coopnet_label_side_t;

typedef struct coopnet_label_request {
    size_t node;           /* index of the labelled node */
    double x, y, radius;   /* the node */
    const char *text;      /* copied */
    double wrap_width;     /* > 0: wrap at this width (pt) */
    int max_lines;         /* 0: 2 lines */
    coopnet_rect_t bounds; /* the label must stay inside */
    coopnet_label_side_t fixed_side;
    /* true: never cut and never over a node: the whole text wrapped on up to max_lines lines
     * (0: 3) where it covers nothing, or dropped (maps: a cut name reads as another place, a
     * covered node is an actor lost) */
    bool strict;
} coopnet_label_request_t;

typedef struct coopnet_label_obstacle {
    double x, y, radius;
} coopnet_label_obstacle_t;

/* Which shown labels and obstacles touch each cell of a grid over the first request's bounds
 * (things outside count in the border cells), so that a candidate position is checked against
 * its neighbours only. */
typedef struct coopnet_label_grid_entry {
    size_t item; /* label or obstacle index */
    size_t next; /* next entry of the same cell, SIZE_MAX: none */
} coopnet_label_grid_entry_t;

typedef struct coopnet_label_grid {
    double x0, y0, cell_w, cell_h;
    size_t columns, rows; /* 0: not built yet */
    size_t *label_head;   /* per cell: first entry, SIZE_MAX: none */
    size_t *obstacle_head;
    coopnet_label_grid_entry_t *entries;
    size_t n_entries, entry_capacity;
    bool failed; /* out of memory once: linear scans from then on */
} coopnet_label_grid_t;

typedef struct coopnet_label_set {
    coopnet_figure_label_t *labels;
    PangoLayout **layouts; /* per label, for drawing (NULL when dropped) */
    size_t n_labels, capacity;
    coopnet_label_obstacle_t *obstacles;
    size_t n_obstacles, obstacle_capacity;
    coopnet_label_grid_t grid;
} coopnet_label_set_t;

/* Prepares an empty set for about expected labels. ENOMEM. */
int coopnet_i_label_set_init(coopnet_label_set_t *set, size_t expected, coopnet_error_t *err);

/* Frees everything; accepts a zeroed set. */
void coopnet_i_label_set_destroy(coopnet_label_set_t *set);

/* A circle labels should not cover (a node). Silently ignored when out of memory. O(1). */
void coopnet_i_label_set_add_obstacle(coopnet_label_set_t *set, double x, double y, double radius);

/* Places one label (or records it dropped). ENOMEM. Per candidate position, O(labels and
 * obstacles near it) (a grid over the first request's bounds, built at the first call); at most
 * O(labels + obstacles) when everything is in one place. */
int coopnet_i_label_set_place(cairo_t *cr, coopnet_label_set_t *set,
                              const coopnet_label_request_t *request, coopnet_error_t *err);

/* Draws the shown labels in the node-label style with a white halo. */
void coopnet_i_label_set_draw(cairo_t *cr, const coopnet_label_set_t *set);

/* Moves the labels to a caller-owned array (free each text, then the array); the set keeps no
 * labels afterwards. ENOMEM. */
int coopnet_i_label_set_export(coopnet_label_set_t *set, coopnet_figure_label_t **labels,
                               size_t *n_labels, coopnet_error_t *err);

/* True when two boxes overlap (touching edges do not count). */
bool coopnet_i_label_boxes_overlap(double ax, double ay, double aw, double ah, double bx, double by,
                                   double bw, double bh);

#endif
