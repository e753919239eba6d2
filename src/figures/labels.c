/* SPDX-License-Identifier: GPL-3.0-or-later */
/* labels.c - label placement without overlap (see labels.h). */
#include "figures/labels.h"
#include "core/internal.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#define LABEL_PADDING 1.0 /* air kept between two labels */
#define GRID_CELL 24.0    /* pt: about two lines of label text */
#define GRID_MAX_SIDE 256 /* cells per side at most */
#define ELLIPSIS "\xE2\x80\xA6"

int coopnet_i_label_set_init(coopnet_label_set_t *set, size_t expected, coopnet_error_t *err)
{
    memset(set, 0, sizeof *set);
    set->capacity = expected + 1;
    set->labels = coopnet_i_alloc_array(set->capacity, sizeof *set->labels);
    set->layouts = coopnet_i_alloc_array(set->capacity, sizeof *set->layouts);
    set->obstacle_capacity = expected + 1;
    set->obstacles = coopnet_i_alloc_array(set->obstacle_capacity, sizeof *set->obstacles);
    if (!set->labels || !set->layouts || !set->obstacles) {
        coopnet_i_label_set_destroy(set);
        return COOPNET_ERROR(err, COOPNET_ENOMEM, "out of memory");
    }
    return COOPNET_OK;
}

void coopnet_i_label_set_destroy(coopnet_label_set_t *set)
{
    if (set == NULL)
        return;
    for (size_t i = 0; i < set->n_labels; i++) {
        if (set->labels)
            free(set->labels[i].text);
        if (set->layouts && set->layouts[i])
            g_object_unref(set->layouts[i]);
    }
    free(set->labels);
    free(set->layouts);
    free(set->obstacles);
    free(set->grid.label_head);
    free(set->grid.obstacle_head);
    free(set->grid.entries);
    memset(set, 0, sizeof *set);
}

/* ---- the grid ---- */

static void grid_give_up(coopnet_label_grid_t *grid)
{
    free(grid->label_head);
    free(grid->obstacle_head);
    free(grid->entries);
    memset(grid, 0, sizeof *grid);
    grid->failed = true;
}

static bool grid_ready(const coopnet_label_grid_t *grid)
{
    return grid->columns > 0 && !grid->failed;
}

/* The cells a box touches (clamped to the grid: outside things go to the border cells). */
static void grid_cells(const coopnet_label_grid_t *grid, double x, double y, double w, double h,
                       size_t *column0, size_t *column1, size_t *row0, size_t *row1)
{
    double c0 = floor((x - grid->x0) / grid->cell_w), c1 = floor((x + w - grid->x0) / grid->cell_w);
    double r0 = floor((y - grid->y0) / grid->cell_h), r1 = floor((y + h - grid->y0) / grid->cell_h);
    double last_column = (double)(grid->columns - 1), last_row = (double)(grid->rows - 1);
    *column0 = (size_t)fmin(fmax(c0, 0), last_column);
    *column1 = (size_t)fmin(fmax(c1, 0), last_column);
    *row0 = (size_t)fmin(fmax(r0, 0), last_row);
    *row1 = (size_t)fmin(fmax(r1, 0), last_row);
}

/* Adds item (its box) to the cells under heads; false when out of memory. */
static bool grid_insert(coopnet_label_grid_t *grid, size_t *heads, size_t item, double x, double y,
                        double w, double h)
{
    size_t column0, column1, row0, row1;
    grid_cells(grid, x, y, w, h, &column0, &column1, &row0, &row1);
    for (size_t row = row0; row <= row1; row++)
        for (size_t column = column0; column <= column1; column++) {
            if (grid->n_entries == grid->entry_capacity &&
                coopnet_i_grow((void **)&grid->entries, &grid->entry_capacity, grid->n_entries + 1,
                               sizeof *grid->entries) != 0)
                return false;
            size_t cell = row * grid->columns + column;
            grid->entries[grid->n_entries] = (coopnet_label_grid_entry_t){item, heads[cell]};
            heads[cell] = grid->n_entries++;
        }
    return true;
}

static bool grid_insert_obstacle(coopnet_label_grid_t *grid, const coopnet_label_obstacle_t *o,
                                 size_t index)
{
    return grid_insert(grid, grid->obstacle_head, index, o->x - o->radius, o->y - o->radius,
                       2 * o->radius, 2 * o->radius);
}

/* Builds the grid over bounds with the obstacles so far; gives up quietly when out of memory. */
static void grid_build(coopnet_label_set_t *set, coopnet_rect_t bounds)
{
    coopnet_label_grid_t *grid = &set->grid;
    double w = fmax(bounds.w, 1), h = fmax(bounds.h, 1);
    grid->columns = (size_t)fmin(GRID_MAX_SIDE, fmax(1, ceil(w / GRID_CELL)));
    grid->rows = (size_t)fmin(GRID_MAX_SIDE, fmax(1, ceil(h / GRID_CELL)));
    grid->x0 = bounds.x;
    grid->y0 = bounds.y;
    grid->cell_w = w / (double)grid->columns;
    grid->cell_h = h / (double)grid->rows;
    size_t n_cells = grid->columns * grid->rows;
    grid->label_head = coopnet_i_alloc_array(n_cells, sizeof *grid->label_head);
    grid->obstacle_head = coopnet_i_alloc_array(n_cells, sizeof *grid->obstacle_head);
    if (grid->label_head == NULL || grid->obstacle_head == NULL) {
        grid_give_up(grid);
        return;
    }
    memset(grid->label_head, 0xff, n_cells * sizeof *grid->label_head); /* SIZE_MAX */
    memset(grid->obstacle_head, 0xff, n_cells * sizeof *grid->obstacle_head);
    for (size_t i = 0; i < set->n_obstacles; i++)
        if (!grid_insert_obstacle(grid, &set->obstacles[i], i)) {
            grid_give_up(grid);
            return;
        }
}

void coopnet_i_label_set_add_obstacle(coopnet_label_set_t *set, double x, double y, double radius)
{
    if (set->n_obstacles == set->obstacle_capacity &&
        coopnet_i_grow((void **)&set->obstacles, &set->obstacle_capacity, set->n_obstacles + 1,
                       sizeof *set->obstacles) != 0)
        return;
    set->obstacles[set->n_obstacles] = (coopnet_label_obstacle_t){x, y, radius};
    if (grid_ready(&set->grid) &&
        !grid_insert_obstacle(&set->grid, &set->obstacles[set->n_obstacles], set->n_obstacles))
        grid_give_up(&set->grid);
    set->n_obstacles++;
}

bool coopnet_i_label_boxes_overlap(double ax, double ay, double aw, double ah, double bx, double by,
                                   double bw, double bh)
{
    return ax < bx + bw && bx < ax + aw && ay < by + bh && by < ay + ah;
}

static bool circle_hits_box(const coopnet_label_obstacle_t *circle, double x, double y, double w,
                            double h)
{
    double nearest_x = fmax(x, fmin(circle->x, x + w));
    double nearest_y = fmax(y, fmin(circle->y, y + h));
    double dx = circle->x - nearest_x, dy = circle->y - nearest_y;
    return dx * dx + dy * dy < circle->radius * circle->radius;
}

static bool hits_label(const coopnet_figure_label_t *other, double x, double y, double w, double h)
{
    return other->shown && coopnet_i_label_boxes_overlap(
                               x - LABEL_PADDING, y - LABEL_PADDING, w + 2 * LABEL_PADDING,
                               h + 2 * LABEL_PADDING, other->x, other->y, other->w, other->h);
}

static bool hits_obstacle(const coopnet_label_obstacle_t *obstacle,
                          const coopnet_label_request_t *request, double x, double y, double w,
                          double h)
{
    if (obstacle->x == request->x && obstacle->y == request->y)
        return false; /* its own node */
    return circle_hits_box(obstacle, x, y, w, h);
}

/* 0: free; 1: covers a node but no label; 2: covers a label or leaves the bounds. */
static int candidate_cost(const coopnet_label_set_t *set, const coopnet_label_request_t *request,
                          double x, double y, double w, double h)
{
    const coopnet_rect_t *b = &request->bounds;
    if (x < b->x || y < b->y || x + w > b->x + b->w || y + h > b->y + b->h)
        return 2;
    const coopnet_label_grid_t *grid = &set->grid;
    if (!grid_ready(grid)) {
        for (size_t i = 0; i < set->n_labels; i++)
            if (hits_label(&set->labels[i], x, y, w, h))
                return 2;
        for (size_t i = 0; i < set->n_obstacles; i++)
            if (hits_obstacle(&set->obstacles[i], request, x, y, w, h))
                return 1;
        return 0;
    }
    size_t column0, column1, row0, row1;
    grid_cells(grid, x - LABEL_PADDING, y - LABEL_PADDING, w + 2 * LABEL_PADDING,
               h + 2 * LABEL_PADDING, &column0, &column1, &row0, &row1);
    for (size_t row = row0; row <= row1; row++)
        for (size_t column = column0; column <= column1; column++)
            for (size_t e = grid->label_head[row * grid->columns + column]; e != SIZE_MAX;
                 e = grid->entries[e].next)
                if (hits_label(&set->labels[grid->entries[e].item], x, y, w, h))
                    return 2;
    grid_cells(grid, x, y, w, h, &column0, &column1, &row0, &row1);
    for (size_t row = row0; row <= row1; row++)
        for (size_t column = column0; column <= column1; column++)
            for (size_t e = grid->obstacle_head[row * grid->columns + column]; e != SIZE_MAX;
                 e = grid->entries[e].next)
                if (hits_obstacle(&set->obstacles[grid->entries[e].item], request, x, y, w, h))
                    return 1;
    return 0;
}

/* Finds the best position for a w x h box; returns its cost (0 free, 1 on a node, 2 none). */
static int best_position(const coopnet_label_set_t *set, const coopnet_label_request_t *request,
                         double w, double h, double *best_x, double *best_y)
{
    static const double gaps[] = {2.0, 7.0, 14.0};
    int best = 3;
    double r = request->radius;
    int n_positions = request->fixed_side == COOPNET_LABEL_ANY ? 8 : 1;
    int n_gaps = request->fixed_side == COOPNET_LABEL_ANY ? 3 : 1;
    for (int g = 0; g < n_gaps; g++) {
        double gap = gaps[g];
        for (int p = 0; p < n_positions; p++) {
            int position = request->fixed_side == COOPNET_LABEL_LEFT ? 1 : p;
            double x, y;
            switch (position) {
            case 0: /* right */
                x = request->x + r + gap;
                y = request->y - h / 2;
                break;
            case 1: /* left */
                x = request->x - r - gap - w;
                y = request->y - h / 2;
                break;
            case 2: /* above */
                x = request->x - w / 2;
                y = request->y - r - gap / 2 - h;
                break;
            case 3: /* below */
                x = request->x - w / 2;
                y = request->y + r + gap / 2;
                break;
            case 4: /* above right */
                x = request->x + r * 0.7 + gap / 2;
                y = request->y - r * 0.7 - gap / 2 - h;
                break;
            case 5: /* below right */
                x = request->x + r * 0.7 + gap / 2;
                y = request->y + r * 0.7 + gap / 2;
                break;
            case 6: /* above left */
                x = request->x - r * 0.7 - gap / 2 - w;
                y = request->y - r * 0.7 - gap / 2 - h;
                break;
            default: /* below left */
                x = request->x - r * 0.7 - gap / 2 - w;
                y = request->y + r * 0.7 + gap / 2;
                break;
            }
            int cost = candidate_cost(set, request, x, y, w, h);
            if (cost < best) {
                best = cost;
                *best_x = x;
                *best_y = y;
                if (cost == 0)
                    return 0;
            }
        }
    }
    return best;
}

/* text cut to about fraction of its characters, on a character boundary, with an ellipsis */
static char *shortened_text(const char *text, double fraction)
{
    glong length = g_utf8_strlen(text, -1);
    glong keep = (glong)floor((double)length * fraction);
    if (keep < 3)
        keep = 3;
    if (keep >= length)
        return NULL;
    const char *end = g_utf8_offset_to_pointer(text, keep);
    while (end > text && end[-1] == ' ')
        end--;
    size_t bytes = (size_t)(end - text);
    char *result = malloc(bytes + sizeof ELLIPSIS);
    if (result == NULL)
        return NULL;
    memcpy(result, text, bytes);
    memcpy(result + bytes, ELLIPSIS, sizeof ELLIPSIS);
    return result;
}

int coopnet_i_label_set_place(cairo_t *cr, coopnet_label_set_t *set,
                              const coopnet_label_request_t *request, coopnet_error_t *err)
{
    if (set->n_labels == set->capacity &&
        coopnet_i_grow((void **)&set->labels, &set->capacity, set->n_labels + 1,
                       sizeof *set->labels) != 0)
        return COOPNET_ERROR(err, COOPNET_ENOMEM, "out of memory");
    if (set->capacity > 0) {
        PangoLayout **layouts =
            coopnet_i_realloc_array(set->layouts, set->capacity, sizeof *set->layouts);
        if (layouts == NULL)
            return COOPNET_ERROR(err, COOPNET_ENOMEM, "out of memory");
        set->layouts = layouts;
    }
    if (set->grid.columns == 0 && !set->grid.failed)
        grid_build(set, request->bounds);
    coopnet_figure_label_t *label = &set->labels[set->n_labels];
    memset(label, 0, sizeof *label);
    label->node = request->node;
    int max_lines = request->max_lines > 0 ? request->max_lines : request->strict ? 3 : 2;
    PangoLayout *layout = coopnet_i_style_layout(cr, COOPNET_TEXT_NODE_LABEL, request->text,
                                                 request->wrap_width, max_lines);
    char *text = strdup(request->text);
    if (layout == NULL || text == NULL) {
        if (layout)
            g_object_unref(layout);
        free(text);
        return COOPNET_ERROR(err, COOPNET_ENOMEM, "out of memory");
    }
    double w, h, x = request->x + request->radius + 2, y = request->y;
    coopnet_i_style_layout_size(layout, &w, &h);
    bool shortened = pango_layout_is_ellipsized(layout);
    int cost = best_position(set, request, w, h, &x, &y);
    /* shorten: one line, fewer characters */
    static const double fractions[] = {0.6, 0.4};
    for (int i = 0; i < 2 && cost > 1 && !request->strict; i++) {
        char *short_text = shortened_text(request->text, fractions[i]);
        if (short_text == NULL)
            break;
        PangoLayout *short_layout =
            coopnet_i_style_layout(cr, COOPNET_TEXT_NODE_LABEL, short_text, 0, 0);
        if (short_layout == NULL) {
            free(short_text);
            break;
        }
        double short_w, short_h, short_x = x, short_y = y;
        coopnet_i_style_layout_size(short_layout, &short_w, &short_h);
        int short_cost = best_position(set, request, short_w, short_h, &short_x, &short_y);
        if (short_cost <= 1) {
            g_object_unref(layout);
            free(text);
            layout = short_layout;
            text = short_text;
            w = short_w;
            h = short_h;
            x = short_x;
            y = short_y;
            cost = short_cost;
            shortened = true;
        } else {
            g_object_unref(short_layout);
            free(short_text);
        }
    }
    label->text = text;
    label->x = x;
    label->y = y;
    label->w = w;
    label->h = h;
    label->shortened = shortened;
    label->shown = cost <= (request->strict ? 0 : 1);
    if (!label->shown) {
        g_object_unref(layout);
        layout = NULL;
    }
    set->layouts[set->n_labels] = layout;
    if (label->shown && grid_ready(&set->grid) &&
        !grid_insert(&set->grid, set->grid.label_head, set->n_labels, x, y, w, h))
        grid_give_up(&set->grid);
    set->n_labels++;
    return COOPNET_OK;
}

void coopnet_i_label_set_draw(cairo_t *cr, const coopnet_label_set_t *set)
{
    cairo_save(cr);
    for (size_t i = 0; i < set->n_labels; i++) {
        const coopnet_figure_label_t *label = &set->labels[i];
        PangoLayout *layout = set->layouts[i];
        if (!label->shown || layout == NULL)
            continue;
        PangoRectangle logical;
        pango_layout_get_extents(layout, NULL, &logical);
        double left = (double)logical.x / PANGO_SCALE;
        /* a white halo keeps the text legible over edges */
        coopnet_i_style_show_layout(cr, layout, label->x - left, label->y, label->x + label->w / 2,
                                    true);
        coopnet_i_style_set_color(cr, coopnet_i_style_white, 0.85);
        cairo_set_line_width(cr, 2.2);
        cairo_set_line_join(cr, CAIRO_LINE_JOIN_ROUND);
        cairo_stroke(cr);
        coopnet_i_style_draw_layout(cr, layout, label->x, label->y, COOPNET_ALIGN_LEFT,
                                    coopnet_i_style_text);
    }
    cairo_restore(cr);
}

int coopnet_i_label_set_export(coopnet_label_set_t *set, coopnet_figure_label_t **labels,
                               size_t *n_labels, coopnet_error_t *err)
{
    *labels = coopnet_i_alloc_array(set->n_labels + 1, sizeof **labels);
    if (*labels == NULL)
        return COOPNET_ERROR(err, COOPNET_ENOMEM, "out of memory");
    memcpy(*labels, set->labels, set->n_labels * sizeof **labels);
    *n_labels = set->n_labels;
    for (size_t i = 0; i < set->n_labels; i++) {
        set->labels[i].text = NULL; /* moved */
        if (set->layouts[i])
            g_object_unref(set->layouts[i]);
        set->layouts[i] = NULL;
    }
    set->n_labels = 0;
    grid_give_up(&set->grid); /* it indexed the labels moved out: rebuilt at the next place */
    set->grid.failed = false;
    return COOPNET_OK;
}
