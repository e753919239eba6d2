/* SPDX-License-Identifier: GPL-3.0-or-later */
/* draw_timeline.c - the "who came to what, when" chart: dated events on a time axis, one row per
 * actor, a dot where an actor took part (see draw.h). */
#include "figures/draw.h"
#include "core/internal.h"
#include "core/l10n.h"
#include "model/graph_internal.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define ROW_HEIGHT 13.0
#define HEADER_HEIGHT 140.0
#define AXIS_HEIGHT 30.0
#define MAX_ROW_LABEL_WIDTH 170.0
#define MIN_COLUMN_GAP 11.0
#define DOT_RADIUS 3.6
#define LEGEND_HEIGHT 20.0

typedef struct timeline_column {
    size_t event;
    double x;
    bool dated;  /* sort key: dated first, */
    int32_t day; /* by date, then by event */
} timeline_column_t;

/* A row while the rows are sorted: the keys travel with the actor (no outside state). */
typedef struct timeline_row_key {
    size_t actor;
    long first_column;
    coopnet_level_t level;
    const char *name;
} timeline_row_key_t;

typedef struct timeline {
    const coopnet_bundle_t *bundle;
    size_t *rows; /* actor indices in row order */
    size_t n_rows;
    long *row_of_actor;
    timeline_column_t *columns; /* dated (by date), then undated */
    size_t n_dated, n_columns;
    size_t n_bounded; /* in the side strip with a date the sources bound only loosely */
    int32_t first_day, last_day;
} timeline_t;

/* The widest date (in days) a column is placed in time with: a month. */
#define MAX_PLACED_SPAN 31

static void timeline_free(timeline_t *timeline)
{
    free(timeline->rows);
    free(timeline->row_of_actor);
    free(timeline->columns);
}

static int compare_columns(const void *a, const void *b)
{
    const timeline_column_t *x = a, *y = b;
    if (x->dated != y->dated)
        return x->dated ? -1 : 1;
    if (x->dated && x->day != y->day)
        return x->day < y->day ? -1 : 1;
    return x->event < y->event ? -1 : x->event > y->event;
}

static int compare_rows(const void *a, const void *b)
{
    const timeline_row_key_t *x = a, *y = b;
    if (x->first_column != y->first_column)
        return x->first_column < y->first_column ? -1 : 1;
    if (x->level != y->level)
        return x->level > y->level ? -1 : 1; /* international first: conveners on top */
    return strcmp(x->name, y->name);
}

/* Rows and columns of the timeline: the actors options keep (coopnet_i_graph_select_actors, no
 * graph needed) that attend a kept event. O(actors + participations + events log events). */
static int timeline_build(timeline_t *timeline, const coopnet_bundle_t *bundle,
                          const coopnet_render_options_t *options, coopnet_error_t *err)
{
    memset(timeline, 0, sizeof *timeline);
    timeline->bundle = bundle;
    igraph_vector_int_t vertex_of_actor, actor_of_vertex;
    timeline_row_key_t *keys = NULL;
    long *first_column = NULL;
    int status = COOPNET_OK;
    if (igraph_vector_int_init(&vertex_of_actor, 0) != IGRAPH_SUCCESS)
        return COOPNET_ERROR(err, COOPNET_ENOMEM, "out of memory");
    if (igraph_vector_int_init(&actor_of_vertex, 0) != IGRAPH_SUCCESS) {
        igraph_vector_int_destroy(&vertex_of_actor);
        return COOPNET_ERROR(err, COOPNET_ENOMEM, "out of memory");
    }
    if ((status = coopnet_i_graph_select_actors(bundle, &options->graph, &vertex_of_actor,
                                                &actor_of_vertex, err)) != COOPNET_OK)
        goto cleanup;
    timeline->columns = coopnet_i_alloc_array(bundle->n_events + 1, sizeof *timeline->columns);
    timeline->rows = coopnet_i_alloc_array(bundle->n_actors + 1, sizeof(size_t));
    timeline->row_of_actor = coopnet_i_alloc_array(bundle->n_actors + 1, sizeof(long));
    first_column = coopnet_i_alloc_array(bundle->n_actors + 1, sizeof(long));
    keys = coopnet_i_alloc_array(bundle->n_actors + 1, sizeof *keys);
    if (!timeline->columns || !timeline->rows || !timeline->row_of_actor || !first_column ||
        !keys) {
        status = COOPNET_ERROR(err, COOPNET_ENOMEM, "out of memory");
        goto cleanup;
    }
    for (size_t e = 0; e < bundle->n_events; e++) {
        if (!coopnet_graph_keeps_event(bundle, e, &options->graph))
            continue;
        if (bundle->event_start[e + 1] == bundle->event_start[e])
            continue;
        /* placed in time when its date is known to within a month; an event the sources bound
         * only loosely (a year, a wide or open interval) goes to the side strip with its
         * bounds, not to its earliest day, where it would look dated */
        coopnet_date_t date = bundle->events[e].date;
        bool dated =
            date.precision == COOPNET_DATE_DAY || date.precision == COOPNET_DATE_MONTH ||
            (date.precision == COOPNET_DATE_INTERVAL && date.start_precision != COOPNET_DATE_NONE &&
             date.end_precision != COOPNET_DATE_NONE &&
             coopnet_date_last_day(date) - date.day <= MAX_PLACED_SPAN);
        timeline->n_bounded += date.precision != COOPNET_DATE_NONE && !dated;
        timeline->columns[timeline->n_columns++] = (timeline_column_t){e, 0, dated, date.day};
        if (dated)
            timeline->n_dated++;
    }
    qsort(timeline->columns, timeline->n_columns, sizeof *timeline->columns, compare_columns);
    if (timeline->n_dated == 0) {
        char hint[512];
        coopnet_bundle_undated_hint(bundle, hint, sizeof hint);
        status = COOPNET_ERROR(err, COOPNET_EDATA,
                               "the timeline needs dated events; '%s' has none under these "
                               "options: %s",
                               bundle->name, hint);
        goto cleanup;
    }
    timeline->first_day = bundle->events[timeline->columns[0].event].date.day;
    timeline->last_day =
        coopnet_date_last_day(bundle->events[timeline->columns[timeline->n_dated - 1].event].date);
    for (size_t a = 0; a < bundle->n_actors; a++) {
        first_column[a] = -1;
        timeline->row_of_actor[a] = -1;
    }
    for (size_t c = timeline->n_columns; c-- > 0;) {
        size_t e = timeline->columns[c].event;
        for (size_t p = bundle->event_start[e]; p < bundle->event_start[e + 1]; p++) {
            size_t actor = (size_t)bundle->participations[p].actor;
            if (VECTOR(vertex_of_actor)[actor] >= 0)
                first_column[actor] = (long)c;
        }
    }
    size_t n_rows = 0;
    for (size_t a = 0; a < bundle->n_actors; a++)
        if (first_column[a] >= 0)
            keys[n_rows++] = (timeline_row_key_t){a, first_column[a], bundle->actors[a].level,
                                                  bundle->actors[a].name};
    qsort(keys, n_rows, sizeof *keys, compare_rows);
    for (size_t r = 0; r < n_rows; r++) {
        timeline->rows[r] = keys[r].actor;
        timeline->row_of_actor[keys[r].actor] = (long)r;
    }
    timeline->n_rows = n_rows;
cleanup:
    free(keys);
    free(first_column);
    igraph_vector_int_destroy(&vertex_of_actor);
    igraph_vector_int_destroy(&actor_of_vertex);
    return status;
}

double coopnet_i_draw_timeline_default_height(const coopnet_bundle_t *bundle,
                                              const coopnet_render_options_t *options)
{
    timeline_t timeline;
    coopnet_error_t err;
    double height = 540;
    if (timeline_build(&timeline, bundle, options, &err) == COOPNET_OK)
        height = fmax(360, 2 * COOPNET_STYLE_MARGIN + 80 + HEADER_HEIGHT + AXIS_HEIGHT +
                               LEGEND_HEIGHT + ROW_HEIGHT * (double)timeline.n_rows + 40);
    timeline_free(&timeline);
    return height;
}

static double day_to_x(const timeline_t *timeline, coopnet_rect_t band, double day)
{
    double span = (double)(timeline->last_day - timeline->first_day);
    if (span <= 0)
        return band.x + band.w / 2;
    return band.x + (day - timeline->first_day) / span * band.w;
}

static bool is_convening_role(coopnet_role_t role)
{
    return role == COOPNET_ROLE_ORGANISER || role == COOPNET_ROLE_HOST ||
           role == COOPNET_ROLE_FUNDER;
}

static void draw_dot(cairo_t *cr, double x, double y, coopnet_rgb_t color, bool convening)
{
    cairo_arc(cr, x, y, DOT_RADIUS, 0, 2 * G_PI);
    coopnet_i_style_set_color(cr, color, 1.0);
    cairo_fill(cr);
    if (convening) {
        cairo_arc(cr, x, y, DOT_RADIUS + 1.8, 0, 2 * G_PI);
        coopnet_i_style_set_color(cr, coopnet_i_style_text, 1.0);
        cairo_set_line_width(cr, 0.9);
        cairo_stroke(cr);
    }
}

static void draw_time_axis(cairo_t *cr, const timeline_t *timeline, coopnet_rect_t band, double top,
                           double bottom)
{
    int first_year, first_month, last_year, last_month, day;
    coopnet_date_civil_from_days(timeline->first_day, &first_year, &first_month, &day);
    coopnet_date_civil_from_days(timeline->last_day, &last_year, &last_month, &day);
    int span_years = last_year - first_year;
    int step_months = span_years >= 8 ? 12 * (span_years / 8 + 1) : span_years >= 3 ? 12 : 3;
    char text[32];
    cairo_save(cr);
    cairo_set_line_width(cr, COOPNET_STYLE_HAIRLINE);
    for (int year = first_year; year <= last_year + 1; year++) {
        for (int month = 1; month <= 12; month += step_months < 12 ? step_months : 12) {
            if (step_months > 12 && (year - first_year) % (step_months / 12) != 0)
                continue;
            int32_t tick = coopnet_date_days_from_civil(year, month, 1);
            if (tick < timeline->first_day || tick > timeline->last_day)
                continue;
            double x = day_to_x(timeline, band, tick);
            coopnet_i_style_set_color(cr, month == 1 ? coopnet_i_style_edge : coopnet_i_style_grid,
                                      1.0);
            cairo_move_to(cr, x, top);
            cairo_line_to(cr, x, bottom + 4);
            cairo_stroke(cr);
            if (month == 1)
                snprintf(text, sizeof text, "%d", year);
            else
                snprintf(text, sizeof text, _("Q%d"), (month - 1) / 3 + 1);
            coopnet_i_style_draw_text(cr, month == 1 ? COOPNET_TEXT_HEADING : COOPNET_TEXT_TICK,
                                      text, x, bottom + 6, 0, COOPNET_ALIGN_CENTER,
                                      month == 1 ? coopnet_i_style_text : coopnet_i_style_muted);
        }
    }
    coopnet_i_style_set_color(cr, coopnet_i_style_text, 1.0);
    cairo_set_line_width(cr, COOPNET_STYLE_AXIS_LINE);
    cairo_move_to(cr, band.x - 4, bottom);
    cairo_line_to(cr, band.x + band.w + 4, bottom);
    cairo_stroke(cr);
    cairo_restore(cr);
}

/* An event's title drawn upwards from its column's foot, ellipsized to the header height. */
static void draw_column_heading(cairo_t *cr, const char *title, double x, double foot,
                                double length)
{
    PangoLayout *layout = coopnet_i_style_layout(cr, COOPNET_TEXT_CAPTION, title, length, 1);
    if (layout == NULL)
        return;
    double height;
    coopnet_i_style_layout_size(layout, NULL, &height);
    cairo_save(cr);
    cairo_translate(cr, x - height / 2, foot);
    cairo_rotate(cr, -G_PI / 2);
    coopnet_i_style_draw_layout(cr, layout, 0, 0, COOPNET_ALIGN_LEFT, coopnet_i_style_text);
    cairo_restore(cr);
    g_object_unref(layout);
}

/* Where the parts of the timeline go inside the frame's content. */
typedef struct timeline_geometry {
    double label_width;           /* the row labels, right-aligned against plot_left */
    double rows_top, rows_bottom; /* the rows, under the legend and the column headings */
    double row_height;
    double plot_left, plot_right; /* what the zebra rows span */
    coopnet_rect_t band;          /* the dated columns, along the time axis */
    size_t n_undated;
    double undated_left, undated_width; /* the undated columns' strip, right of the band */
} timeline_geometry_t;

/* The default title says what is shown and the subtitle counts it; the caption names the
 * source. Draws them and gives the content rectangle left inside. */
static void draw_timeline_frame(cairo_t *cr, coopnet_rect_t rect, const timeline_t *timeline,
                                const coopnet_render_options_t *options, coopnet_rect_t *content)
{
    char title[512], subtitle[256], caption[512];
    const char *title_text = options->figure.title, *subtitle_text = NULL;
    const char *caption_text = options->figure.caption;
    if (title_text == NULL) {
        snprintf(title, sizeof title, "%s", _("Who came to what, when"));
        title_text = title;
        if (timeline->n_bounded > 0)
            snprintf(subtitle, sizeof subtitle,
                     _("%1$zu actors at %2$zu events (%3$zu placed in time, %4$zu dated only "
                       "within bounds set apart)"),
                     timeline->n_rows, timeline->n_columns, timeline->n_dated, timeline->n_bounded);
        else
            snprintf(subtitle, sizeof subtitle,
                     _("%1$zu actors at %2$zu events (%3$zu dated, in time order)"),
                     timeline->n_rows, timeline->n_columns, timeline->n_dated);
        subtitle_text = subtitle;
    }
    if (caption_text == NULL) {
        coopnet_i_draw_default_caption(timeline->bundle, caption, sizeof caption);
        caption_text = caption;
    }
    coopnet_i_style_draw_frame(cr, rect, title_text, subtitle_text, caption_text, NULL, content);
}

/* Row labels as wide as the widest (capped); rows sharing the height left under the legend and
 * the headings, at most 18 pt so that a short timeline does not spread out; the undated columns
 * in a strip of their own on the right. */
static void timeline_geometry_compute(timeline_geometry_t *geometry, cairo_t *cr,
                                      const timeline_t *timeline, coopnet_label_field_t label_field,
                                      coopnet_rect_t content)
{
    char label[256];
    double label_width = 0;
    for (size_t r = 0; r < timeline->n_rows; r++) {
        coopnet_i_draw_actor_label(timeline->bundle, timeline->rows[r], label_field, label,
                                   sizeof label);
        label_width =
            fmax(label_width, coopnet_i_style_text_width(cr, COOPNET_TEXT_NODE_LABEL, label));
    }
    geometry->label_width = fmin(label_width, fmin(MAX_ROW_LABEL_WIDTH, content.w * 0.35));
    geometry->rows_top = content.y + LEGEND_HEIGHT + HEADER_HEIGHT;
    double rows_bottom = content.y + content.h - AXIS_HEIGHT;
    double row_height =
        timeline->n_rows ? (rows_bottom - geometry->rows_top) / (double)timeline->n_rows : 0;
    if (row_height > 18)
        row_height = 18;
    geometry->row_height = row_height;
    geometry->rows_bottom = geometry->rows_top + row_height * (double)timeline->n_rows;
    geometry->plot_left = content.x + geometry->label_width + 10;
    geometry->plot_right = content.x + content.w - 6;
    size_t n_undated = timeline->n_columns - timeline->n_dated;
    geometry->n_undated = n_undated;
    geometry->undated_width = n_undated ? fmin(content.w * 0.3, 16.0 * (double)n_undated + 24) : 0;
    geometry->undated_left = geometry->plot_right - geometry->undated_width;
    geometry->band = (coopnet_rect_t){geometry->plot_left + 10, geometry->rows_top,
                                      geometry->plot_right - geometry->plot_left - 20 -
                                          (n_undated ? geometry->undated_width + 16 : 0),
                                      geometry->rows_bottom - geometry->rows_top};
}

/* Column positions: dated columns by time, nudged right when closer than a dot allows, and
 * shifted back from the last when that pushed them past the band; undated columns spread evenly
 * over their strip. */
static void place_columns(timeline_t *timeline, const timeline_geometry_t *geometry)
{
    const coopnet_bundle_t *bundle = timeline->bundle;
    timeline_column_t *columns = timeline->columns;
    coopnet_rect_t band = geometry->band;
    for (size_t c = 0; c < timeline->n_dated; c++) {
        double x = day_to_x(timeline, band, bundle->events[columns[c].event].date.day);
        if (c > 0 && x < columns[c - 1].x + MIN_COLUMN_GAP)
            x = columns[c - 1].x + MIN_COLUMN_GAP;
        columns[c].x = x;
    }
    double overflow = timeline->n_dated ? columns[timeline->n_dated - 1].x - (band.x + band.w) : 0;
    for (size_t c = timeline->n_dated; overflow > 0 && c-- > 0;) {
        columns[c].x -= overflow;
        if (c > 0 && columns[c - 1].x + MIN_COLUMN_GAP <= columns[c].x)
            break;
    }
    for (size_t c = timeline->n_dated; c < timeline->n_columns; c++)
        columns[c].x = geometry->undated_left + 12 +
                       (geometry->undated_width - 24) * ((double)(c - timeline->n_dated) + 0.5) /
                           (double)geometry->n_undated;
}

/* Every other row shaded, so that the eye can follow a row across, and its label on the left. */
static void draw_rows(cairo_t *cr, const timeline_t *timeline, const timeline_geometry_t *geometry,
                      coopnet_label_field_t label_field)
{
    char label[256];
    for (size_t r = 0; r < timeline->n_rows; r++) {
        double y = geometry->rows_top + geometry->row_height * (double)r;
        if (r % 2 == 0) {
            coopnet_i_style_set_color(cr, coopnet_i_style_panel, 1.0);
            cairo_rectangle(cr, geometry->plot_left, y, geometry->plot_right - geometry->plot_left,
                            geometry->row_height);
            cairo_fill(cr);
        }
        coopnet_i_draw_actor_label(timeline->bundle, timeline->rows[r], label_field, label,
                                   sizeof label);
        PangoLayout *text =
            coopnet_i_style_layout(cr, COOPNET_TEXT_NODE_LABEL, label, geometry->label_width, 1);
        if (text == NULL)
            continue;
        double height;
        coopnet_i_style_layout_size(text, NULL, &height);
        pango_layout_set_alignment(text, PANGO_ALIGN_RIGHT);
        coopnet_i_style_draw_layout(cr, text, geometry->plot_left - 6,
                                    y + (geometry->row_height - height) / 2, COOPNET_ALIGN_RIGHT,
                                    coopnet_i_style_text);
        g_object_unref(text);
    }
}

/* The undated strip's own baseline and heading: its columns have no place in time. */
static void draw_undated_axis(cairo_t *cr, const timeline_t *timeline,
                              const timeline_geometry_t *geometry)
{
    if (geometry->n_undated == 0)
        return;
    const char *heading = timeline->n_bounded == 0 ? _("undated")
                          : timeline->n_bounded == geometry->n_undated
                              ? _("dated only within bounds")
                              : _("undated or only bounded");
    coopnet_i_style_set_color(cr, coopnet_i_style_edge, 1.0);
    cairo_set_line_width(cr, COOPNET_STYLE_AXIS_LINE);
    cairo_move_to(cr, geometry->undated_left, geometry->rows_bottom);
    cairo_line_to(cr, geometry->plot_right, geometry->rows_bottom);
    cairo_stroke(cr);
    coopnet_i_style_draw_text(
        cr, COOPNET_TEXT_HEADING, heading, geometry->undated_left + geometry->undated_width / 2,
        geometry->rows_bottom + 6, 0, COOPNET_ALIGN_CENTER, coopnet_i_style_muted);
}

/* Each event's column: a hairline through the rows, the event's title above them. */
static void draw_event_columns(cairo_t *cr, const timeline_t *timeline,
                               const timeline_geometry_t *geometry)
{
    for (size_t c = 0; c < timeline->n_columns; c++) {
        double x = timeline->columns[c].x;
        coopnet_i_style_set_color(cr, coopnet_i_style_edge, 0.6);
        cairo_set_line_width(cr, COOPNET_STYLE_HAIRLINE);
        cairo_move_to(cr, x, geometry->rows_top - 4);
        cairo_line_to(cr, x, geometry->rows_bottom);
        cairo_stroke(cr);
        const coopnet_event_t *event = &timeline->bundle->events[timeline->columns[c].event];
        char heading[1024], date[COOPNET_DATE_TEXT_SIZE];
        coopnet_date_format(event->date, date);
        if (c >= timeline->n_dated && date[0])
            snprintf(heading, sizeof heading, "%s (%s)", date, event->title);
        else
            snprintf(heading, sizeof heading, "%s", event->title);
        draw_column_heading(cr, heading, x, geometry->rows_top - 6, HEADER_HEIGHT - 10);
    }
}

/* Readies layout for the dots: room for every participation of a column (allocated once here,
 * not per dot; actors the options leave out have no row and get no node) and the plot area.
 * ENOMEM leaves layout->nodes NULL. */
static int timeline_layout_begin(coopnet_figure_layout_t *layout, const timeline_t *timeline,
                                 coopnet_rect_t rect, const timeline_geometry_t *geometry,
                                 coopnet_error_t *err)
{
    const coopnet_bundle_t *bundle = timeline->bundle;
    size_t n_dots = 0;
    for (size_t c = 0; c < timeline->n_columns; c++) {
        size_t e = timeline->columns[c].event;
        n_dots += bundle->event_start[e + 1] - bundle->event_start[e];
    }
    layout->nodes = coopnet_i_alloc_array(n_dots + 1, sizeof *layout->nodes);
    if (layout->nodes == NULL)
        return COOPNET_ERROR(err, COOPNET_ENOMEM, "out of memory");
    layout->width = rect.w;
    layout->height = rect.h;
    layout->plot_x = geometry->band.x;
    layout->plot_y = geometry->band.y;
    layout->plot_w = geometry->plot_right - geometry->band.x;
    layout->plot_h = geometry->band.h;
    return COOPNET_OK;
}

static void layout_add_dot(coopnet_figure_layout_t *layout,
                           const coopnet_participation_t *participation, size_t event, double x,
                           double y, coopnet_rgb_t color)
{
    coopnet_figure_node_t *node = &layout->nodes[layout->n_nodes++];
    memset(node, 0, sizeof *node);
    node->actor = participation->actor;
    node->event = (long)event;
    node->x = x;
    node->y = y;
    node->radius = DOT_RADIUS;
    node->red = color.r;
    node->green = color.g;
    node->blue = color.b;
    node->value = NAN;
}

/* A dot where an actor took part, in its level's colour, ringed when it convened the event; each
 * also into layout when it is not NULL (sized by timeline_layout_begin). */
static void draw_participation_marks(cairo_t *cr, const timeline_t *timeline,
                                     const timeline_geometry_t *geometry,
                                     coopnet_figure_layout_t *layout)
{
    const coopnet_bundle_t *bundle = timeline->bundle;
    for (size_t c = 0; c < timeline->n_columns; c++) {
        size_t e = timeline->columns[c].event;
        for (size_t p = bundle->event_start[e]; p < bundle->event_start[e + 1]; p++) {
            const coopnet_participation_t *participation = &bundle->participations[p];
            long row = timeline->row_of_actor[participation->actor];
            if (row < 0)
                continue;
            double x = timeline->columns[c].x;
            double y = geometry->rows_top + geometry->row_height * ((double)row + 0.5);
            coopnet_rgb_t color =
                coopnet_i_style_level_color(bundle->actors[participation->actor].level);
            draw_dot(cr, x, y, color, is_convening_role(participation->role));
            if (layout != NULL)
                layout_add_dot(layout, participation, e, x, y, color);
        }
    }
}

/* The legend in one line above the headings: the levels, international first as in the rows,
 * then the ring that marks a convening role. */
static void draw_timeline_legend(cairo_t *cr, coopnet_rect_t content,
                                 coopnet_figure_layout_t *layout)
{
    double x = content.x, legend_y = content.y;
    for (int level = COOPNET_LEVEL_COUNT - 1; level >= 0; level--) {
        draw_dot(cr, x + DOT_RADIUS, legend_y + 6,
                 coopnet_i_style_level_color((coopnet_level_t)level), false);
        const char *name = coopnet_i_draw_level_label((coopnet_level_t)level);
        coopnet_i_style_draw_text(cr, COOPNET_TEXT_BODY, name, x + 10, legend_y, 0,
                                  COOPNET_ALIGN_LEFT, coopnet_i_style_text);
        x += 10 + coopnet_i_style_text_width(cr, COOPNET_TEXT_BODY, name) + 14;
    }
    draw_dot(cr, x + DOT_RADIUS + 2, legend_y + 6, coopnet_i_style_missing, true);
    coopnet_i_style_draw_text(cr, COOPNET_TEXT_BODY, _("organiser, host or funder"), x + 14,
                              legend_y, 0, COOPNET_ALIGN_LEFT, coopnet_i_style_text);
    if (layout != NULL) {
        layout->legend_x = content.x;
        layout->legend_y = legend_y;
        layout->legend_w = x + 14 + 120 - content.x;
        layout->legend_h = LEGEND_HEIGHT;
    }
}

int coopnet_i_draw_timeline(cairo_t *cr, coopnet_rect_t rect, const coopnet_bundle_t *bundle,
                            const coopnet_render_options_t *options,
                            coopnet_figure_layout_t *layout, coopnet_error_t *err)
{
    timeline_t timeline;
    int status = timeline_build(&timeline, bundle, options, err);
    if (status != COOPNET_OK) {
        timeline_free(&timeline);
        return status;
    }
    cairo_save(cr);
    coopnet_rect_t content;
    draw_timeline_frame(cr, rect, &timeline, options, &content);
    timeline_geometry_t geometry;
    timeline_geometry_compute(&geometry, cr, &timeline, options->label_field, content);
    place_columns(&timeline, &geometry);
    draw_rows(cr, &timeline, &geometry, options->label_field);
    draw_time_axis(cr, &timeline, geometry.band, geometry.rows_top, geometry.rows_bottom);
    draw_undated_axis(cr, &timeline, &geometry);
    draw_event_columns(cr, &timeline, &geometry);
    if (layout != NULL &&
        (status = timeline_layout_begin(layout, &timeline, rect, &geometry, err)) != COOPNET_OK)
        goto cleanup;
    draw_participation_marks(cr, &timeline, &geometry, layout);
    draw_timeline_legend(cr, content, layout);
cleanup:
    cairo_restore(cr);
    timeline_free(&timeline);
    return status;
}
