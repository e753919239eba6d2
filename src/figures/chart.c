/* SPDX-License-Identifier: GPL-3.0-or-later */
/* chart.c - rankings, the NLC density matrix, yearly snapshots, event participation and the
 * reach curve (see coopnet/chart.h and draw.h). */
#include "coopnet/chart.h"
#include "coopnet/rank.h"
#include "figures/draw.h"
#include "core/internal.h"
#include "core/l10n.h"
#include "coopnet/text.h"
#include "model/bundle_display.h"

#include <ctype.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define DEFAULT_TOP 15

static coopnet_chart_probe_t chart_probe; /* tests only (draw.h) */
static void *chart_probe_data;

void coopnet_i_chart_set_probe(coopnet_chart_probe_t probe, void *data)
{
    chart_probe = probe;
    chart_probe_data = data;
}

static void probe_call(coopnet_chart_kind_t kind, const char *label, const double *values,
                       size_t n_values, const size_t *items, size_t n_items)
{
    if (chart_probe != NULL)
        chart_probe(kind, label, values, n_values, items, n_items, chart_probe_data);
}

void coopnet_chart_options_init(coopnet_chart_options_t *options)
{
    memset(options, 0, sizeof *options);
    coopnet_figure_options_init(&options->figure);
    coopnet_graph_options_init(&options->graph);
    options->seed = 1;
    options->label_field = COOPNET_LABEL_FIELD_SHORT;
    options->period = COOPNET_PERIOD_QUARTER;
}

int coopnet_chart_kind_parse(const char *text, coopnet_chart_kind_t *kind, coopnet_error_t *err)
{
    static const char *const names[] = {"ranking", "nlc-matrix", "snapshots", "participation",
                                        "reach-curve"};
    for (size_t i = 0; i < sizeof names / sizeof names[0]; i++) {
        if (strcmp(text, names[i]) == 0) {
            *kind = (coopnet_chart_kind_t)i;
            return COOPNET_OK;
        }
    }
    return COOPNET_ERROR(err, COOPNET_EINVAL,
                         "unknown chart '%s': use ranking, nlc-matrix, snapshots, participation or "
                         "reach-curve",
                         text);
}

/* ---- shared chart pieces ---- */

static void frame(cairo_t *cr, coopnet_rect_t rect, const coopnet_bundle_t *bundle,
                  const coopnet_figure_options_t *figure, const char *default_title,
                  const char *subtitle, coopnet_rect_t *content)
{
    char caption[512];
    const char *caption_text = figure->caption;
    if (caption_text == NULL) {
        coopnet_i_draw_default_caption(bundle, caption, sizeof caption);
        caption_text = caption;
    }
    const char *title = figure->title ? figure->title : default_title;
    coopnet_i_style_draw_frame(cr, rect, title, figure->title ? NULL : subtitle, caption_text, NULL,
                               content);
}

static void format_number(double value, char *buffer, size_t size)
{
    if (fabs(value - round(value)) < 1e-9 && fabs(value) < 1e12)
        snprintf(buffer, size, "%.0f", value);
    else if (fabs(value) >= 10)
        snprintf(buffer, size, "%.1f", value);
    else if (fabs(value) >= 0.1)
        snprintf(buffer, size, "%.2f", value);
    else
        snprintf(buffer, size, "%.3f", value);
}

/* A value axis along the bottom (horizontal) or the left (vertical) of plot, with gridlines;
 * returns the axis maximum. */
static double value_axis(cairo_t *cr, coopnet_rect_t plot, double max_value, bool horizontal,
                         bool counts, const char *title)
{
    double step = coopnet_i_draw_nice_step(max_value > 0 ? max_value : 1, 5);
    if (counts)
        step = fmax(1, round(step)); /* counts have whole ticks */
    double top = ceil((max_value > 0 ? max_value : 1) / step) * step;
    char text[64];
    cairo_save(cr);
    cairo_set_line_width(cr, COOPNET_STYLE_HAIRLINE);
    for (double value = 0; value <= top + step / 2; value += step) {
        format_number(value, text, sizeof text);
        if (horizontal) {
            double x = plot.x + value / top * plot.w;
            coopnet_i_style_set_color(cr, coopnet_i_style_grid, 1.0);
            cairo_move_to(cr, x, plot.y);
            cairo_line_to(cr, x, plot.y + plot.h);
            cairo_stroke(cr);
            coopnet_i_style_draw_text(cr, COOPNET_TEXT_TICK, text, x, plot.y + plot.h + 4, 0,
                                      COOPNET_ALIGN_CENTER, coopnet_i_style_muted);
        } else {
            double y = plot.y + plot.h - value / top * plot.h;
            coopnet_i_style_set_color(cr, coopnet_i_style_grid, 1.0);
            cairo_move_to(cr, plot.x, y);
            cairo_line_to(cr, plot.x + plot.w, y);
            cairo_stroke(cr);
            double height = coopnet_i_style_text_height(cr, COOPNET_TEXT_TICK, text, 0);
            coopnet_i_style_draw_text(cr, COOPNET_TEXT_TICK, text, plot.x - 5, y - height / 2, 0,
                                      COOPNET_ALIGN_RIGHT, coopnet_i_style_muted);
        }
    }
    if (title != NULL) {
        if (horizontal) {
            coopnet_i_style_draw_text(cr, COOPNET_TEXT_BODY, title, plot.x + plot.w / 2,
                                      plot.y + plot.h + 18, 0, COOPNET_ALIGN_CENTER,
                                      coopnet_i_style_text);
        } else {
            coopnet_i_style_draw_text(cr, COOPNET_TEXT_BODY, title, plot.x - 4, plot.y - 16, 0,
                                      COOPNET_ALIGN_LEFT, coopnet_i_style_text);
        }
    }
    cairo_restore(cr);
    return top;
}

/* A row of coloured squares with names: the legend of the charts. Returns its height. */
static double legend_row(cairo_t *cr, double x, double y, double max_width,
                         const coopnet_rgb_t *colors, const char *const *names, size_t count)
{
    double start = x, line = coopnet_i_style_text_height(cr, COOPNET_TEXT_BODY, "Ag", 0);
    for (size_t i = 0; i < count; i++) {
        double width = 14 + coopnet_i_style_text_width(cr, COOPNET_TEXT_BODY, names[i]) + 14;
        if (x + width > start + max_width && x > start) {
            x = start;
            y += line + 3;
        }
        coopnet_i_style_set_color(cr, colors[i], 1.0);
        cairo_rectangle(cr, x, y + line / 2 - 4.5, 9, 9);
        cairo_fill(cr);
        coopnet_i_style_draw_text(cr, COOPNET_TEXT_BODY, names[i], x + 13, y, 0, COOPNET_ALIGN_LEFT,
                                  coopnet_i_style_text);
        x += width;
    }
    return line + 3;
}

static double level_legend(cairo_t *cr, double x, double y, double width)
{
    coopnet_rgb_t colors[COOPNET_LEVEL_COUNT];
    const char *names[COOPNET_LEVEL_COUNT];
    for (int level = 0; level < COOPNET_LEVEL_COUNT; level++) {
        colors[level] = coopnet_i_style_level_color((coopnet_level_t)level);
        names[level] = coopnet_i_draw_level_label((coopnet_level_t)level);
    }
    return legend_row(cr, x, y, width, colors, names, COOPNET_LEVEL_COUNT);
}

/* ---- ranking ---- */

int coopnet_i_draw_chart_ranking(cairo_t *cr, coopnet_rect_t rect, const coopnet_graph_t *graph,
                                 const coopnet_vertex_values_t *values,
                                 const coopnet_chart_options_t *options, coopnet_error_t *err)
{
    const coopnet_bundle_t *bundle = graph->bundle;
    const char *measure = values->measure ? values->measure : "value";
    size_t top = options->top ? options->top : DEFAULT_TOP;
    igraph_vector_int_t order;
    int status = coopnet_i_vertex_values_check(values, graph, err);
    if (status != COOPNET_OK)
        return status;
    if (igraph_vector_int_init(&order, 0) != IGRAPH_SUCCESS)
        return COOPNET_ERROR(err, COOPNET_ENOMEM, "out of memory");
    if ((status = coopnet_rank_top(values->values, top, &order, err)) != COOPNET_OK) {
        igraph_vector_int_destroy(&order);
        return status;
    }
    size_t n = (size_t)igraph_vcount(&graph->graph);
    top = (size_t)igraph_vector_int_size(&order);
    /* the bars: NaN (undefined, ranked last) as 0 */
    double *bar_values = coopnet_i_alloc_array(top + 1, sizeof *bar_values);
    size_t *bar_actors = coopnet_i_alloc_array(top + 1, sizeof *bar_actors);
    if (bar_values == NULL || bar_actors == NULL) {
        free(bar_values);
        free(bar_actors);
        igraph_vector_int_destroy(&order);
        return COOPNET_ERROR(err, COOPNET_ENOMEM, "out of memory");
    }
    for (size_t i = 0; i < top; i++) {
        igraph_integer_t v = VECTOR(order)[i];
        double value = VECTOR(*values->values)[v];
        bar_values[i] = isnan(value) ? 0 : value;
        bar_actors[i] = (size_t)VECTOR(graph->actor_of_vertex)[v];
    }
    igraph_vector_int_destroy(&order);
    char title[256], subtitle[256], label[256], text[64];
    const char *measure_label = coopnet_i_draw_measure_label(measure);
    /* TRANSLATORS: %1$zu the number of bars, %2$s a measure ("degree") */
    snprintf(title, sizeof title,
             P_("The top %1$zu actor by %2$s", "The top %1$zu actors by %2$s", top), top,
             measure_label);
    /* TRANSLATORS: %1$s a measure ("degree"), %2$zu the number of actors */
    snprintf(subtitle, sizeof subtitle,
             P_("%1$s in the cooperation graph of %2$zu actor, coloured by level",
                "%1$s in the cooperation graph of %2$zu actors, coloured by level", n),
             measure_label, n);
    subtitle[0] = (char)toupper((unsigned char)subtitle[0]);
    cairo_save(cr);
    coopnet_rect_t content;
    frame(cr, rect, bundle, &options->figure, title, subtitle, &content);
    double legend_height = level_legend(cr, content.x, content.y, content.w);
    double label_width = 0;
    for (size_t i = 0; i < top; i++) {
        coopnet_i_draw_actor_label(bundle, bar_actors[i], options->label_field, label,
                                   sizeof label);
        label_width = fmax(label_width, coopnet_i_style_text_width(cr, COOPNET_TEXT_TICK, label));
    }
    label_width = fmin(label_width, content.w * 0.38);
    coopnet_rect_t plot = {content.x + label_width + 8, content.y + legend_height + 12,
                           content.w - label_width - 8 - 30, 0};
    plot.h = content.y + content.h - plot.y - 34;
    double axis_max = value_axis(cr, plot, top ? bar_values[0] : 1, true,
                                 strcmp(measure, "degree") == 0, measure_label);
    double band = top ? plot.h / (double)top : 0;
    for (size_t i = 0; i < top; i++) {
        double y = plot.y + band * (double)i;
        double bar = fmax(0, bar_values[i] / axis_max * plot.w);
        coopnet_i_style_set_color(
            cr, coopnet_i_style_level_color(bundle->actors[bar_actors[i]].level), 1.0);
        cairo_rectangle(cr, plot.x, y + band * 0.15, bar, band * 0.7);
        cairo_fill(cr);
        coopnet_i_draw_actor_label(bundle, bar_actors[i], options->label_field, label,
                                   sizeof label);
        PangoLayout *layout = coopnet_i_style_layout(cr, COOPNET_TEXT_TICK, label, label_width, 1);
        if (layout != NULL) {
            double height;
            coopnet_i_style_layout_size(layout, NULL, &height);
            pango_layout_set_alignment(layout, PANGO_ALIGN_RIGHT);
            coopnet_i_style_draw_layout(cr, layout, plot.x - 6, y + (band - height) / 2,
                                        COOPNET_ALIGN_RIGHT, coopnet_i_style_text);
            g_object_unref(layout);
        }
        format_number(bar_values[i], text, sizeof text);
        double height = coopnet_i_style_text_height(cr, COOPNET_TEXT_TICK, text, 0);
        coopnet_i_style_draw_text(cr, COOPNET_TEXT_TICK, text, plot.x + bar + 4,
                                  y + (band - height) / 2, 0, COOPNET_ALIGN_LEFT,
                                  coopnet_i_style_text);
    }
    coopnet_i_style_set_color(cr, coopnet_i_style_text, 1.0);
    cairo_set_line_width(cr, COOPNET_STYLE_AXIS_LINE);
    cairo_move_to(cr, plot.x, plot.y);
    cairo_line_to(cr, plot.x, plot.y + plot.h);
    cairo_stroke(cr);
    cairo_restore(cr);
    probe_call(COOPNET_CHART_RANKING, measure, bar_values, top, bar_actors, top);
    free(bar_values);
    free(bar_actors);
    return COOPNET_OK;
}

/* ---- NLC matrix ---- */

void coopnet_i_chart_nlc_cells(const coopnet_nlc_t *nlc, const char *country,
                               double matrix[COOPNET_LEVEL_COUNT * COOPNET_LEVEL_COUNT],
                               size_t counts[COOPNET_LEVEL_COUNT])
{
    const char *key = country != NULL && country[0] != '\0' ? country : "*";
    for (int i = 0; i < COOPNET_LEVEL_COUNT * COOPNET_LEVEL_COUNT; i++)
        matrix[i] = NAN;
    for (int l = 0; l < COOPNET_LEVEL_COUNT; l++)
        counts[l] = 0;
    /* a country's block has no international x international pair: that cell stays n/a */
    for (size_t p = 0; p < nlc->n_pairs; p++) {
        const coopnet_nlc_pair_t *pair = &nlc->pairs[p];
        if (strcmp(pair->country, key) != 0)
            continue;
        matrix[pair->level_a * COOPNET_LEVEL_COUNT + pair->level_b] = pair->density;
        matrix[pair->level_b * COOPNET_LEVEL_COUNT + pair->level_a] = pair->density;
        counts[pair->level_a] = (size_t)pair->n_a;
        counts[pair->level_b] = (size_t)pair->n_b;
    }
    /* a country without actors in the graph keeps every cell n/a: nlc has no pair of it */
}

int coopnet_i_draw_chart_nlc_matrix(cairo_t *cr, coopnet_rect_t rect,
                                    const coopnet_bundle_t *bundle, const coopnet_nlc_t *nlc,
                                    const char *country, const coopnet_chart_options_t *options,
                                    coopnet_error_t *err)
{
    double matrix[COOPNET_LEVEL_COUNT * COOPNET_LEVEL_COUNT];
    size_t counts[COOPNET_LEVEL_COUNT];
    coopnet_i_chart_nlc_cells(nlc, country, matrix, counts);
    char title[256], subtitle[256], text[64];
    bool by_country = country != NULL && country[0] != '\0';
    if (by_country) /* TRANSLATORS: %s an ISO country code such as MA */
        snprintf(title, sizeof title, _("Who cooperates with whom, by level: %s"), country);
    else
        snprintf(title, sizeof title, "%s", _("Who cooperates with whom, by level"));
    snprintf(subtitle, sizeof subtitle, "%s",
             by_country ? _("Density of links between levels: share of possible pairs that "
                            "cooperate (this country's actors and every international actor)")
                        : _("Density of links between levels: share of possible pairs that "
                            "cooperate"));
    cairo_save(cr);
    coopnet_rect_t content;
    frame(cr, rect, bundle, &options->figure, title, subtitle, &content);
    double label_width = 0;
    for (int i = 0; i < COOPNET_LEVEL_COUNT; i++) {
        snprintf(text, sizeof text, "%s (%zu)", coopnet_i_draw_level_label((coopnet_level_t)i),
                 counts[i]);
        label_width = fmax(label_width, coopnet_i_style_text_width(cr, COOPNET_TEXT_BODY, text));
    }
    /* square cells with the colour scale on the right; in a small box (a panel of a page) the
     * scale goes, cells may be wider than tall, and the headers and values shrink to fit */
    double header = 24, scale_width = 70;
    double cell_w = (content.w - label_width - 12 - scale_width - 20) / COOPNET_LEVEL_COUNT;
    double cell_h = (content.h - header - 10) / COOPNET_LEVEL_COUNT;
    bool scale = fmin(cell_w, cell_h) >= 40;
    if (!scale)
        cell_w = (content.w - label_width - 12) / COOPNET_LEVEL_COUNT;
    cell_w = fmin(cell_w, scale ? cell_h : 1.6 * cell_h);
    cell_h = fmin(cell_h, cell_w);
    bool abbreviate = false;
    for (int i = 0; i < COOPNET_LEVEL_COUNT; i++)
        abbreviate |=
            coopnet_i_style_text_width(cr, COOPNET_TEXT_BODY,
                                       coopnet_i_draw_level_label((coopnet_level_t)i)) > cell_w - 4;
    coopnet_text_role_t value_role =
        coopnet_i_style_text_width(cr, COOPNET_TEXT_SUBTITLE, "0.00") <= cell_w - 6
            ? COOPNET_TEXT_SUBTITLE
            : COOPNET_TEXT_TICK;
    double grid_x = content.x + label_width + 12, grid_y = content.y + header;
    for (int i = 0; i < COOPNET_LEVEL_COUNT; i++) {
        snprintf(text, sizeof text, "%s (%zu)", coopnet_i_draw_level_label((coopnet_level_t)i),
                 counts[i]);
        double height = coopnet_i_style_text_height(cr, COOPNET_TEXT_BODY, text, 0);
        coopnet_i_style_draw_text(cr, COOPNET_TEXT_BODY, text, grid_x - 8,
                                  grid_y + cell_h * (i + 0.5) - height / 2, 0, COOPNET_ALIGN_RIGHT,
                                  coopnet_i_style_text);
        coopnet_i_style_draw_text(cr, COOPNET_TEXT_BODY,
                                  abbreviate ? coopnet_i_draw_level_abbreviation((coopnet_level_t)i)
                                             : coopnet_i_draw_level_label((coopnet_level_t)i),
                                  grid_x + cell_w * (i + 0.5), content.y + 4, 0,
                                  COOPNET_ALIGN_CENTER, coopnet_i_style_text);
        for (int j = 0; j < COOPNET_LEVEL_COUNT; j++) {
            double value = matrix[i * COOPNET_LEVEL_COUNT + j];
            double x = grid_x + cell_w * j, y = grid_y + cell_h * i;
            coopnet_rgb_t fill =
                isnan(value) ? coopnet_i_style_panel : coopnet_i_style_sequential_color(value);
            coopnet_i_style_set_color(cr, fill, 1.0);
            cairo_rectangle(cr, x + 1, y + 1, cell_w - 2, cell_h - 2);
            cairo_fill(cr);
            if (isnan(value)) /* as the captions say it, at any size ("0.00" fits too) */
                snprintf(text, sizeof text, "%s", _("n/a"));
            else
                snprintf(text, sizeof text, "%.2f", value);
            double height = coopnet_i_style_text_height(cr, value_role, text, 0);
            coopnet_i_style_draw_text(cr, value_role, text, x + cell_w / 2,
                                      y + cell_h / 2 - height / 2, 0, COOPNET_ALIGN_CENTER,
                                      isnan(value) ? coopnet_i_style_muted
                                                   : coopnet_i_style_text_color_on(fill));
        }
    }
    probe_call(COOPNET_CHART_NLC_MATRIX, by_country ? country : "*", matrix,
               COOPNET_LEVEL_COUNT * COOPNET_LEVEL_COUNT, counts, COOPNET_LEVEL_COUNT);
    if (!scale) {
        cairo_restore(cr);
        return COOPNET_OK;
    }
    /* the colour scale */
    double scale_x = grid_x + cell_w * COOPNET_LEVEL_COUNT + 20;
    double scale_h = cell_h * COOPNET_LEVEL_COUNT;
    coopnet_i_style_draw_text(cr, COOPNET_TEXT_HEADING, _("density"), scale_x, content.y + 4, 0,
                              COOPNET_ALIGN_LEFT, coopnet_i_style_text);
    for (int k = 0; k < 50; k++) {
        double value = 1.0 - (k + 0.5) / 50.0;
        coopnet_i_style_set_color(cr, coopnet_i_style_sequential_color(value), 1.0);
        cairo_rectangle(cr, scale_x, grid_y + scale_h * k / 50.0, 12, scale_h / 50.0 + 0.3);
        cairo_fill(cr);
    }
    for (int k = 0; k <= 4; k++) {
        snprintf(text, sizeof text, "%.2f", 1.0 - k / 4.0);
        double height = coopnet_i_style_text_height(cr, COOPNET_TEXT_TICK, text, 0);
        coopnet_i_style_draw_text(cr, COOPNET_TEXT_TICK, text, scale_x + 16,
                                  grid_y + scale_h * k / 4.0 - height / 2, 0, COOPNET_ALIGN_LEFT,
                                  coopnet_i_style_muted);
    }
    cairo_restore(cr);
    return COOPNET_OK;
}

/* ---- participation: events per quarter by type ---- */

/* The quarter (year * 4 + quarter index) an event surely falls in, or -1 when undated or
 * bounded across more than one quarter: counting it at its earliest day would place it. */
static int event_quarter(coopnet_date_t date)
{
    if (date.precision == COOPNET_DATE_NONE ||
        (date.precision == COOPNET_DATE_INTERVAL &&
         (date.start_precision == COOPNET_DATE_NONE || date.end_precision == COOPNET_DATE_NONE)))
        return -1;
    int year, month, day, last_year, last_month;
    coopnet_date_civil_from_days(date.day, &year, &month, &day);
    coopnet_date_civil_from_days(coopnet_date_last_day(date), &last_year, &last_month, &day);
    int quarter = year * 4 + (month - 1) / 3;
    return quarter == last_year * 4 + (last_month - 1) / 3 ? quarter : -1;
}

/* Events per quarter and type, as the participation chart draws them: kept events dated within
 * one quarter, types in order of first appearance ("other" for none). */
typedef struct participation_tally {
    const char **types; /* n_types, pointing into the bundle */
    size_t n_types, undated, n_quarters;
    int first_quarter; /* year * 4 + quarter index of the first column */
    int *counts;       /* n_quarters x n_types */
} participation_tally_t;

static void participation_tally_destroy(participation_tally_t *tally)
{
    free(tally->types);
    free(tally->counts);
    memset(tally, 0, sizeof *tally);
}

/* EDATA when no kept event is dated within a quarter; ENOMEM. On failure nothing is kept. */
static int participation_tally(const coopnet_bundle_t *bundle,
                               const coopnet_chart_options_t *options, participation_tally_t *tally,
                               coopnet_error_t *err)
{
    memset(tally, 0, sizeof *tally);
    const char **types = coopnet_i_alloc_array(bundle->n_events + 1, sizeof(char *));
    size_t n_types = 0, undated = 0;
    int first_quarter = INT32_MAX, last_quarter = INT32_MIN;
    if (types == NULL)
        return COOPNET_ERROR(err, COOPNET_ENOMEM, "out of memory");
    for (size_t e = 0; e < bundle->n_events; e++) {
        const coopnet_event_t *event = &bundle->events[e];
        if (!coopnet_graph_keeps_event(bundle, e, &options->graph))
            continue;
        int quarter = event_quarter(event->date);
        if (quarter < 0) {
            undated++;
            continue;
        }
        first_quarter = quarter < first_quarter ? quarter : first_quarter;
        last_quarter = quarter > last_quarter ? quarter : last_quarter;
        const char *type = event->type[0] ? event->type : "other";
        size_t t = 0;
        while (t < n_types && strcmp(types[t], type) != 0)
            t++;
        if (t == n_types)
            types[n_types++] = type;
    }
    if (first_quarter > last_quarter) {
        free(types);
        char hint[512];
        coopnet_bundle_undated_hint(bundle, hint, sizeof hint);
        return COOPNET_ERROR(err, COOPNET_EDATA,
                             "the participation chart needs dated events; "
                             "'%s' has none under these options: %s",
                             bundle->name, hint);
    }
    size_t n_quarters = (size_t)(last_quarter - first_quarter + 1);
    int *counts = calloc(n_quarters * (n_types + 1), sizeof(int));
    if (counts == NULL) {
        free(types);
        return COOPNET_ERROR(err, COOPNET_ENOMEM, "out of memory");
    }
    for (size_t e = 0; e < bundle->n_events; e++) {
        const coopnet_event_t *event = &bundle->events[e];
        if (!coopnet_graph_keeps_event(bundle, e, &options->graph) ||
            event_quarter(event->date) < 0)
            continue;
        size_t q = (size_t)(event_quarter(event->date) - first_quarter);
        const char *type = event->type[0] ? event->type : "other";
        size_t t = 0;
        while (strcmp(types[t], type) != 0)
            t++;
        counts[q * n_types + t]++;
    }
    *tally = (participation_tally_t){types, n_types, undated, n_quarters, first_quarter, counts};
    return COOPNET_OK;
}

int coopnet_i_draw_chart_participation(cairo_t *cr, coopnet_rect_t rect,
                                       const coopnet_bundle_t *bundle,
                                       const coopnet_chart_options_t *options, coopnet_error_t *err)
{
    participation_tally_t tally;
    int status = participation_tally(bundle, options, &tally, err);
    if (status != COOPNET_OK)
        return status;
    const char **types = tally.types;
    size_t n_types = tally.n_types, undated = tally.undated, n_quarters = tally.n_quarters;
    int first_quarter = tally.first_quarter;
    int *counts = tally.counts;
    int max_total = 0;
    for (size_t q = 0; q < n_quarters; q++) {
        int total = 0;
        for (size_t t = 0; t < n_types; t++)
            total += counts[q * n_types + t];
        max_total = total > max_total ? total : max_total;
    }
    char title[256], subtitle[256], text[64];
    snprintf(title, sizeof title, "%s", _("Events per quarter, by type"));
    snprintf(subtitle, sizeof subtitle, "%s", _("Dated events only"));
    if (undated)
        snprintf(subtitle, sizeof subtitle,
                 P_("Events dated within one quarter; %zu undated or dated only more loosely is "
                    "not shown",
                    "Events dated within one quarter; %zu undated or dated only more loosely are "
                    "not shown",
                    undated),
                 undated);
    cairo_save(cr);
    coopnet_rect_t content;
    frame(cr, rect, bundle, &options->figure, title, subtitle, &content);
    coopnet_rgb_t colors[16];
    size_t shown_types = n_types < 16 ? n_types : 16;
    for (size_t t = 0; t < shown_types; t++)
        colors[t] = coopnet_i_style_category_color(t);
    double legend_height =
        legend_row(cr, content.x, content.y, content.w, colors, types, shown_types);
    coopnet_rect_t plot = {content.x + 34, content.y + legend_height + 30, content.w - 40, 0};
    plot.h = content.y + content.h - plot.y - 36;
    double axis_max = value_axis(cr, plot, max_total, false, true, _("events"));
    double band = plot.w / (double)n_quarters;
    for (size_t q = 0; q < n_quarters; q++) {
        double x = plot.x + band * (double)q, base = plot.y + plot.h;
        for (size_t t = 0; t < n_types; t++) {
            int count = counts[q * n_types + t];
            if (count == 0)
                continue;
            double height = count / axis_max * plot.h;
            coopnet_i_style_set_color(cr, t < 16 ? colors[t] : coopnet_i_style_other, 1.0);
            cairo_rectangle(cr, x + band * 0.18, base - height, band * 0.64, height);
            cairo_fill(cr);
            /* a white line between stacked segments */
            coopnet_i_style_set_color(cr, coopnet_i_style_white, 1.0);
            cairo_set_line_width(cr, 0.8);
            cairo_move_to(cr, x + band * 0.18, base - height);
            cairo_line_to(cr, x + band * 0.82, base - height);
            cairo_stroke(cr);
            base -= height;
        }
        int quarter = first_quarter + (int)q;
        bool label_every = n_quarters <= 16 || (quarter % 4) == 0;
        if (label_every) {
            /* TRANSLATORS: a quarter of a year, 1 to 4 */
            snprintf(text, sizeof text, _("Q%d"), quarter % 4 + 1);
            coopnet_i_style_draw_text(cr, COOPNET_TEXT_TICK, text, x + band / 2,
                                      plot.y + plot.h + 4, 0, COOPNET_ALIGN_CENTER,
                                      coopnet_i_style_muted);
        }
        if (q == 0 || quarter % 4 == 0) {
            snprintf(text, sizeof text, "%d", quarter / 4);
            coopnet_i_style_draw_text(cr, COOPNET_TEXT_HEADING, text, x + band / 2,
                                      plot.y + plot.h + 17, 0, COOPNET_ALIGN_CENTER,
                                      coopnet_i_style_text);
        }
    }
    coopnet_i_style_set_color(cr, coopnet_i_style_text, 1.0);
    cairo_set_line_width(cr, COOPNET_STYLE_AXIS_LINE);
    cairo_move_to(cr, plot.x, plot.y + plot.h);
    cairo_line_to(cr, plot.x + plot.w, plot.y + plot.h);
    cairo_stroke(cr);
    cairo_restore(cr);
    participation_tally_destroy(&tally);
    return status;
}

/* ---- snapshots: the network as of each year, same positions ---- */

/* "2024", or "2024 (to 31 Mar)" when the panel's graph stops before the year's end (an as-of
 * date): the title says what the panel counts, read from the graph's own options. */
static void panel_title_of(coopnet_date_t as_of, int year, char *buffer, size_t size)
{
    int as_of_year, month, day;
    if (as_of.precision != COOPNET_DATE_NONE) {
        coopnet_date_civil_from_days(coopnet_date_last_day(as_of), &as_of_year, &month, &day);
        if (as_of_year == year && !(month == 12 && day == 31)) {
            /* TRANSLATORS: %1$d a year, %2$d a day, %3$s a month's short name */
            snprintf(buffer, size, _("%1$d (to %2$d %3$s)"), year, day,
                     coopnet_i_draw_month_name(month, true));
            return;
        }
    }
    snprintf(buffer, size, "%d", year);
}

void coopnet_i_snapshot_panels_destroy(coopnet_snapshot_panels_t *panels)
{
    if (panels == NULL)
        return;
    for (size_t p = 0; p < panels->n_owned; p++)
        coopnet_graph_destroy(&panels->owned[p]);
    free(panels->owned);
    memset(panels, 0, sizeof *panels);
}

/* The years the panels show: from the first dated year to the last (capped by as_of), the last
 * COOPNET_SNAPSHOT_MAX_PANELS of them. */
static void panel_years(int first_year, int last_year, coopnet_date_t as_of, int *from, int *to)
{
    int month, day;
    if (as_of.precision != COOPNET_DATE_NONE) {
        int as_of_year;
        coopnet_date_civil_from_days(as_of.day, &as_of_year, &month, &day);
        if (as_of_year < last_year)
            last_year = as_of_year;
    }
    if (last_year - first_year + 1 > COOPNET_SNAPSHOT_MAX_PANELS)
        first_year = last_year - COOPNET_SNAPSHOT_MAX_PANELS + 1;
    *from = first_year;
    *to = last_year >= first_year ? last_year : first_year;
}

int coopnet_i_snapshot_panels_init(coopnet_snapshot_panels_t *panels,
                                   const coopnet_bundle_t *bundle,
                                   const coopnet_graph_options_t *graph_options,
                                   coopnet_error_t *err)
{
    memset(panels, 0, sizeof *panels);
    coopnet_date_t first, last;
    coopnet_bundle_date_range(bundle, &first, &last);
    if (first.precision == COOPNET_DATE_NONE) {
        char hint[512];
        coopnet_bundle_undated_hint(bundle, hint, sizeof hint);
        return COOPNET_ERROR(err, COOPNET_EDATA,
                             "snapshots need dated events or ties; '%s' has none: %s", bundle->name,
                             hint);
    }
    int first_year, last_year, month, day, from, to;
    coopnet_date_civil_from_days(first.day, &first_year, &month, &day);
    coopnet_date_civil_from_days(last.day, &last_year, &month, &day);
    panel_years(first_year, last_year, graph_options->as_of, &from, &to);
    panels->owned = calloc((size_t)(to - from + 1), sizeof *panels->owned);
    if (panels->owned == NULL)
        return COOPNET_ERROR(err, COOPNET_ENOMEM, "out of memory");
    for (int year = from; year <= to; year++) {
        coopnet_graph_options_t yearly = *graph_options;
        yearly.as_of = coopnet_date_from_day(coopnet_date_days_from_civil(year, 12, 31));
        /* the last panel stops at the as-of date: no panel shows data the caller left out */
        if (graph_options->as_of.precision != COOPNET_DATE_NONE &&
            coopnet_date_last_day(graph_options->as_of) < yearly.as_of.day)
            yearly.as_of = coopnet_date_from_day(coopnet_date_last_day(graph_options->as_of));
        coopnet_graph_t *graph = &panels->owned[panels->n_owned];
        int status = coopnet_graph_init_cooperation(graph, bundle, &yearly, err);
        if (status != COOPNET_OK) {
            coopnet_i_snapshot_panels_destroy(panels);
            return status;
        }
        panels->n_owned++;
        panels->years[panels->n_panels] = year;
        panels->as_of[panels->n_panels] = yearly.as_of;
        panels->graphs[panels->n_panels++] = graph;
    }
    return COOPNET_OK;
}

/* The panels of yearly steps ending on dates: step s drawn from graphs[s] (graphs not NULL) or
 * from full with the degrees of row s (n_vertices a row). */
static void lend_panels(coopnet_snapshot_panels_t *panels, const coopnet_graph_t *graphs,
                        const coopnet_graph_t *full, const double *degrees, size_t n_vertices,
                        const coopnet_date_t *dates, size_t n_steps, coopnet_date_t as_of)
{
    memset(panels, 0, sizeof *panels);
    if (n_steps == 0)
        return;
    int first_year, last_year, month, day, from, to;
    coopnet_date_civil_from_days(dates[0].day, &first_year, &month, &day);
    coopnet_date_civil_from_days(dates[n_steps - 1].day, &last_year, &month, &day);
    panel_years(first_year, last_year, as_of, &from, &to);
    for (size_t s = 0; s < n_steps; s++) {
        int year;
        coopnet_date_civil_from_days(dates[s].day, &year, &month, &day);
        if (year < from || year > to)
            continue;
        panels->years[panels->n_panels] = year;
        panels->as_of[panels->n_panels] = dates[s];
        panels->degrees[panels->n_panels] = graphs ? NULL : degrees + s * n_vertices;
        panels->graphs[panels->n_panels++] = graphs ? &graphs[s] : full;
    }
}

void coopnet_i_snapshot_panels_lend(coopnet_snapshot_panels_t *panels,
                                    const coopnet_graph_t *graphs, const coopnet_date_t *dates,
                                    size_t n_steps, coopnet_date_t as_of)
{
    lend_panels(panels, graphs, NULL, NULL, 0, dates, n_steps, as_of);
}

void coopnet_i_snapshot_panels_lend_degrees(coopnet_snapshot_panels_t *panels,
                                            const coopnet_graph_t *full, const double *degrees,
                                            const coopnet_date_t *dates, size_t n_steps,
                                            coopnet_date_t as_of)
{
    lend_panels(panels, NULL, full, degrees, (size_t)igraph_vcount(&full->graph), dates, n_steps,
                as_of);
}

int coopnet_i_draw_chart_snapshots(cairo_t *cr, coopnet_rect_t rect, const coopnet_bundle_t *bundle,
                                   const coopnet_graph_t *full, const igraph_matrix_t *positions,
                                   const coopnet_snapshot_panels_t *panels,
                                   const coopnet_chart_options_t *options, coopnet_error_t *err)
{
    igraph_integer_t n = igraph_vcount(&full->graph);
    if (igraph_matrix_nrow(positions) != n)
        return COOPNET_ERROR(err, COOPNET_EINVAL,
                             "snapshot positions are for %lld actors, not the %lld of the network",
                             (long long)igraph_matrix_nrow(positions), (long long)n);
    for (size_t p = 0; p < panels->n_panels; p++)
        if (igraph_vcount(&panels->graphs[p]->graph) != n)
            return COOPNET_ERROR(err, COOPNET_EINVAL,
                                 "the %d snapshot has %lld actors, the network %lld",
                                 panels->years[p],
                                 (long long)igraph_vcount(&panels->graphs[p]->graph), (long long)n);
    int n_panels = (int)panels->n_panels;
    if (n_panels < 1)
        return COOPNET_ERROR(err, COOPNET_EDATA, "no snapshot to draw for '%s'", bundle->name);
    /* every panel drawn alike: no sizes, no labels, no frame, the full network's positions */
    coopnet_render_options_t panel_options;
    coopnet_render_options_init(&panel_options);
    panel_options.graph = options->graph;
    panel_options.seed = options->seed;
    panel_options.labels = COOPNET_LABELS_NONE;
    panel_options.figure.title = "";
    panel_options.figure.caption = "";
    panel_options.layout = COOPNET_LAYOUT_FR;
    panel_options.size_by = "none";

    char title[256], subtitle[256], panel_title[64];
    snprintf(title, sizeof title, "%s", _("The network year by year"));
    /* panels drawn from degrees have no links of their own to draw */
    bool hide_links = coopnet_i_draw_panel_hides_links(full) || panels->degrees[0] != NULL;
    snprintf(subtitle, sizeof subtitle, "%s",
             hide_links ? _("Actors as of 31 December of each year, each at its place; grey: no "
                            "dated link yet (the links are not drawn: too many to see at this "
                            "size)")
                        : _("Links as of 31 December of each year; each actor keeps its place; "
                            "grey: no dated link yet"));
    cairo_save(cr);
    coopnet_rect_t content;
    frame(cr, rect, bundle, &options->figure, title, subtitle, &content);
    double legend_height = level_legend(cr, content.x, content.y, content.w);
    content.y += legend_height + 6;
    content.h -= legend_height + 6;
    int columns = n_panels <= 3 ? n_panels : n_panels <= 4 ? 2 : n_panels <= 6 ? 3 : 4;
    int rows = (n_panels + columns - 1) / columns;
    double panel_w = (content.w - (columns - 1) * COOPNET_STYLE_GAP) / columns;
    double panel_h = (content.h - (rows - 1) * COOPNET_STYLE_GAP) / rows;
    int status = COOPNET_OK;
    coopnet_network_placement_t placement = {0}; /* same positions, same size: spread once */
    for (int p = 0; p < n_panels && status == COOPNET_OK; p++) {
        const coopnet_graph_t *graph = panels->graphs[p];
        coopnet_rect_t panel = {content.x + (p % columns) * (panel_w + COOPNET_STYLE_GAP),
                                content.y + (p / columns) * (panel_h + COOPNET_STYLE_GAP), panel_w,
                                panel_h};
        panel_options.graph = graph->options;
        coopnet_i_style_set_color(cr, coopnet_i_style_panel, 1.0);
        cairo_rectangle(cr, panel.x, panel.y, panel.w, panel.h);
        cairo_fill(cr);
        panel_title_of(panels->as_of[p], panels->years[p], panel_title, sizeof panel_title);
        coopnet_i_style_draw_text(cr, COOPNET_TEXT_HEADING, panel_title, panel.x + 8, panel.y + 6,
                                  0, COOPNET_ALIGN_LEFT, coopnet_i_style_text);
        coopnet_rect_t inner = {
            panel.x - COOPNET_STYLE_MARGIN + 4, panel.y - COOPNET_STYLE_MARGIN + 18,
            panel.w + 2 * COOPNET_STYLE_MARGIN - 8, panel.h + 2 * COOPNET_STYLE_MARGIN - 22};
        coopnet_network_input_t input = {0};
        input.bundle = bundle;
        input.graph = graph;
        input.sizes.build_id = graph->build_id;
        input.positions = positions;
        input.panel = true;
        input.hide_links = hide_links;
        input.panel_degree = panels->degrees[p];
        input.raster_dense = panels->raster_dense;
        input.placement = &placement;
        status = coopnet_i_draw_network(cr, inner, &input, &panel_options, NULL, err);
        if (status == COOPNET_OK && chart_probe != NULL) {
            igraph_integer_t linked = 0;
            double degree_sum = 0;
            for (igraph_integer_t v = 0; v < n; v++) {
                igraph_integer_t degree = 0;
                if (panels->degrees[p] != NULL)
                    degree = (igraph_integer_t)panels->degrees[p][v];
                else
                    igraph_degree_1(&graph->graph, &degree, v, IGRAPH_ALL, IGRAPH_LOOPS);
                linked += degree > 0;
                degree_sum += (double)degree;
            }
            /* each link counted at both ends (a cooperation graph has no loops) */
            double links = degree_sum / 2;
            size_t actors = (size_t)linked;
            probe_call(COOPNET_CHART_SNAPSHOTS, panel_title, &links, 1, &actors, 1);
        }
    }
    coopnet_i_network_placement_destroy(&placement);
    cairo_restore(cr);
    return status;
}

/* ---- reach curve: reach over time, for the whole network or per source ---- */

/* The label under period step i (ending on day): "Jan", "Q1", "2021"; the year row under it
 * (month and quarter) when the year starts there or on the first step. */
static void period_labels(coopnet_period_t period, int32_t day, bool first, char *tick,
                          size_t tick_size, char *year_text, size_t year_size)
{
    int year, month, dom;
    coopnet_date_civil_from_days(day, &year, &month, &dom);
    year_text[0] = '\0';
    if (period == COOPNET_PERIOD_YEAR) {
        snprintf(tick, tick_size, "%d", year);
        return;
    }
    if (period == COOPNET_PERIOD_MONTH)
        snprintf(tick, tick_size, "%s", coopnet_i_draw_month_name(month, true));
    else
        snprintf(tick, tick_size, _("Q%d"), (month - 1) / 3 + 1);
    bool year_starts = period == COOPNET_PERIOD_MONTH ? month == 1 : month <= 3;
    if (first || year_starts)
        snprintf(year_text, year_size, "%d", year);
}

/* Where the reach lines go: the plot area, the width of one period and the value at the top. */
typedef struct reach_plot {
    coopnet_rect_t area;
    double band;     /* width of one period step */
    double axis_max; /* the value axis maximum: a value's height is value / axis_max */
    bool ratio;      /* percent of pairs linked (whole network), else actors reached */
} reach_plot_t;

/* The value a curve draws at step i: percent of pairs linked, or actors reached. */
static double reach_value(const coopnet_temporal_curve_t *curve, size_t i, bool ratio)
{
    return ratio ? 100 * curve->ratio[i] : (double)curve->reached[i];
}

/* The x of the middle of period step (steps are bands, so a value sits above its label). */
static double reach_step_x(const reach_plot_t *plot, double step)
{
    return plot->area.x + plot->band * (step + 0.5);
}

static double reach_value_y(const reach_plot_t *plot, double value)
{
    return plot->area.y + plot->area.h - value / plot->axis_max * plot->area.h;
}

static double reach_max_value(const coopnet_temporal_curve_t *curves, size_t n_curves, bool ratio)
{
    double max_value = 0;
    for (size_t s = 0; s < n_curves; s++)
        for (size_t i = 0; i < curves[s].n_steps; i++)
            max_value = fmax(max_value, reach_value(&curves[s], i, ratio));
    return max_value;
}

/* The default title and subtitle: the whole network's share of pairs, or the actors reached
 * from one source (named in the title, so it needs no legend) or several. */
static void reach_titles(const coopnet_bundle_t *bundle, const char *const *source_names,
                         size_t n_sources, size_t n_actors, coopnet_period_t period, char *title,
                         size_t title_size, char *subtitle, size_t subtitle_size)
{
    if (n_sources == 0) {
        snprintf(title, title_size, "%s", _("How far knowledge can travel over time"));
        snprintf(subtitle, subtitle_size,
                 period == COOPNET_PERIOD_MONTH
                     ? _("Share of ordered pairs of the %zu actors linked by a time-respecting "
                         "path through dated events and ties, cumulative by month")
                 : period == COOPNET_PERIOD_YEAR
                     ? _("Share of ordered pairs of the %zu actors linked by a time-respecting "
                         "path through dated events and ties, cumulative by year")
                     : _("Share of ordered pairs of the %zu actors linked by a time-respecting "
                         "path through dated events and ties, cumulative by quarter"),
                 n_actors);
        return;
    }
    if (n_sources == 1) /* TRANSLATORS: %s an actor's name */
        snprintf(title, title_size, _("Actors reached over time from %s"), source_names[0]);
    else
        snprintf(title, title_size, _("Actors reached over time from %zu sources"), n_sources);
    size_t others = n_actors ? n_actors - 1 : 0;
    const char *by = period == COOPNET_PERIOD_MONTH  ? _("cumulative by month")
                     : period == COOPNET_PERIOD_YEAR ? _("cumulative by year")
                                                     : _("cumulative by quarter");
    /* TRANSLATORS: %1$zu how many other actors, %2$s "cumulative by quarter" */
    snprintf(subtitle, subtitle_size,
             n_sources == 1 ? _("How many of the other %1$zu actors knowledge from the source can "
                                "reach through dated events and ties in time order, %2$s")
                            : _("How many of the other %1$zu actors knowledge from each source "
                                "can reach through dated events and ties in time order, %2$s"),
             others, by);
}

/* The plot under the legend, with room on the right for the end labels and below for the
 * period rows (one row by year, two otherwise); draws the value axis, whose maximum scales the
 * lines. */
static reach_plot_t draw_reach_value_axis(cairo_t *cr, coopnet_rect_t content, double legend_height,
                                          coopnet_period_t period, size_t n_steps, double max_value,
                                          bool ratio)
{
    const double value_label_room = 40;
    reach_plot_t plot = {.area = {content.x + 34, content.y + legend_height + 26,
                                  content.w - 34 - value_label_room, 0},
                         .ratio = ratio};
    plot.area.h = content.y + content.h - plot.area.y - (period == COOPNET_PERIOD_YEAR ? 22 : 36);
    /* xgettext:no-c-format */
    const char *axis_title = ratio ? _("% of actor pairs linked") : _("actors reached");
    plot.axis_max = value_axis(cr, plot.area, max_value, false, !ratio, axis_title);
    plot.band = plot.area.w / (double)(n_steps ? n_steps : 1);
    return plot;
}

/* The period labels under the plot, thinned to fit; the year row marks where each year starts;
 * then the baseline. days[i] is the last day of step i. */
static void draw_reach_period_axis(cairo_t *cr, const reach_plot_t *plot, coopnet_period_t period,
                                   const int32_t *days, size_t n_steps)
{
    char text[64], year_text[16];
    double bottom = plot->area.y + plot->area.h;
    size_t every =
        (size_t)ceil(coopnet_i_style_text_width(cr, COOPNET_TEXT_TICK,
                                                period == COOPNET_PERIOD_MONTH ? "MayX" : "2020X") /
                     plot->band);
    if (every < 1)
        every = 1;
    double year_right = -INFINITY; /* where the last year drawn ends: years never overlap */
    for (size_t i = 0; i < n_steps; i++) {
        double x = reach_step_x(plot, (double)i);
        period_labels(period, days[i], i == 0, text, sizeof text, year_text, sizeof year_text);
        if (i % every == 0)
            coopnet_i_style_draw_text(cr, COOPNET_TEXT_TICK, text, x, bottom + 4, 0,
                                      COOPNET_ALIGN_CENTER, coopnet_i_style_muted);
        if (year_text[0] == '\0')
            continue;
        double half = coopnet_i_style_text_width(cr, COOPNET_TEXT_HEADING, year_text) / 2;
        if (x - half < year_right + 4)
            continue;
        coopnet_i_style_draw_text(cr, COOPNET_TEXT_HEADING, year_text, x, bottom + 17, 0,
                                  COOPNET_ALIGN_CENTER, coopnet_i_style_text);
        year_right = x + half;
    }
    coopnet_i_style_set_color(cr, coopnet_i_style_text, 1.0);
    cairo_set_line_width(cr, COOPNET_STYLE_AXIS_LINE);
    cairo_move_to(cr, plot->area.x, bottom);
    cairo_line_to(cr, plot->area.x + plot->area.w, bottom);
    cairo_stroke(cr);
}

/* The lines, the last drawn first so that the first source stays on top; a dot per period when
 * there is room. */
/* The possible reading as a shaded band above each line (the certain reading): from the certain
 * value up to the possible one at every step. Nothing when the two coincide. */
static void draw_reach_bands(cairo_t *cr, const reach_plot_t *plot,
                             const coopnet_temporal_curve_t *curves,
                             const coopnet_temporal_curve_t *possible, size_t n_curves,
                             const coopnet_rgb_t *colors)
{
    for (size_t line = 0; line < n_curves; line++) {
        const coopnet_temporal_curve_t *low = &curves[line], *high = &possible[line];
        size_t n = low->n_steps < high->n_steps ? low->n_steps : high->n_steps;
        if (n == 0)
            continue;
        cairo_new_path(cr);
        for (size_t i = 0; i < n; i++)
            cairo_line_to(cr, reach_step_x(plot, (double)i),
                          reach_value_y(plot, reach_value(high, i, plot->ratio)));
        for (size_t i = n; i-- > 0;)
            cairo_line_to(cr, reach_step_x(plot, (double)i),
                          reach_value_y(plot, reach_value(low, i, plot->ratio)));
        cairo_close_path(cr);
        coopnet_i_style_set_color(cr, colors[line], 0.18);
        cairo_fill_preserve(cr);
        coopnet_i_style_set_color(cr, colors[line], 0.45);
        cairo_set_line_width(cr, 0.6);
        cairo_stroke(cr);
    }
}

static void draw_reach_lines(cairo_t *cr, const reach_plot_t *plot,
                             const coopnet_temporal_curve_t *curves, size_t n_curves,
                             const coopnet_rgb_t *colors)
{
    for (size_t line = n_curves; line-- > 0;) {
        const coopnet_temporal_curve_t *curve = &curves[line];
        cairo_new_path(cr);
        for (size_t i = 0; i < curve->n_steps; i++)
            cairo_line_to(cr, reach_step_x(plot, (double)i),
                          reach_value_y(plot, reach_value(curve, i, plot->ratio)));
        coopnet_i_style_set_color(cr, colors[line], 1.0);
        cairo_set_line_width(cr, 2.0);
        cairo_set_line_join(cr, CAIRO_LINE_JOIN_ROUND);
        cairo_stroke(cr);
        if (plot->band >= 10) {
            for (size_t i = 0; i < curve->n_steps; i++) {
                cairo_arc(cr, reach_step_x(plot, (double)i),
                          reach_value_y(plot, reach_value(curve, i, plot->ratio)), 2.8, 0,
                          2 * G_PI);
                cairo_fill(cr);
            }
        }
    }
}

/* The final value at the end of each line, in its colour; a label that would overlap one
 * already placed is pushed below it, so that lines ending close together stay readable. */
static void draw_reach_end_labels(cairo_t *cr, const reach_plot_t *plot,
                                  const coopnet_temporal_curve_t *curves, size_t n_curves,
                                  const coopnet_rgb_t *colors)
{
    char text[64];
    double label_y[COOPNET_CHART_MAX_SOURCES];
    double label_height = coopnet_i_style_text_height(cr, COOPNET_TEXT_TICK, "0", 0);
    for (size_t line = 0; line < n_curves; line++) {
        const coopnet_temporal_curve_t *curve = &curves[line];
        if (curve->n_steps == 0)
            continue;
        double value = reach_value(curve, curve->n_steps - 1, plot->ratio);
        double y = reach_value_y(plot, value) - label_height / 2;
        for (size_t other = 0; other < line; other++)
            if (fabs(label_y[other] - y) < label_height)
                y = label_y[other] + label_height;
        label_y[line] = y;
        /* TRANSLATORS: a share in a table cell: "75%" */
        snprintf(text, sizeof text, plot->ratio ? _("%.0f%%") : "%.0f", value);
        coopnet_i_style_draw_text(cr, COOPNET_TEXT_TICK, text,
                                  reach_step_x(plot, (double)(curve->n_steps - 1)) + 6, y, 0,
                                  COOPNET_ALIGN_LEFT, colors[line]);
    }
}

/* Reports the drawn values of each line to the test probe, if one is set. */
static int probe_reach_curves(const coopnet_bundle_t *bundle,
                              const coopnet_temporal_curve_t *curves, size_t n_curves,
                              const size_t *sources, bool ratio, coopnet_error_t *err)
{
    if (chart_probe == NULL)
        return COOPNET_OK;
    size_t max_steps = 0;
    for (size_t line = 0; line < n_curves; line++)
        max_steps = curves[line].n_steps > max_steps ? curves[line].n_steps : max_steps;
    double *drawn = coopnet_i_alloc_array(max_steps + 1, sizeof *drawn);
    if (drawn == NULL)
        return COOPNET_ERROR(err, COOPNET_ENOMEM, "out of memory");
    for (size_t line = 0; line < n_curves; line++) {
        for (size_t i = 0; i < curves[line].n_steps; i++)
            drawn[i] = reach_value(&curves[line], i, ratio);
        probe_call(COOPNET_CHART_REACH_CURVE, ratio ? "*" : bundle->actors[sources[line]].id, drawn,
                   curves[line].n_steps, NULL, 0);
    }
    free(drawn);
    return COOPNET_OK;
}

/* Whether two reach curves have the same steps and values (one line would hide the other). */
static bool same_curve(const coopnet_temporal_curve_t *a, const coopnet_temporal_curve_t *b)
{
    if (a->n_steps != b->n_steps)
        return false;
    for (size_t i = 0; i < a->n_steps; i++)
        if (a->day[i] != b->day[i] || a->reached[i] != b->reached[i])
            return false;
    return true;
}

int coopnet_i_draw_chart_reach_curve(cairo_t *cr, coopnet_rect_t rect,
                                     const coopnet_bundle_t *bundle,
                                     const coopnet_temporal_curve_t *curves,
                                     const coopnet_temporal_curve_t *possible, size_t n_curves,
                                     const size_t *sources, size_t n_actors,
                                     const coopnet_chart_options_t *options, coopnet_error_t *err)
{
    if ((int)options->period < 0 || options->period > COOPNET_PERIOD_YEAR)
        return COOPNET_ERROR(err, COOPNET_EINVAL, "unknown period %d", (int)options->period);
    if (n_curves < 1 || n_curves > COOPNET_CHART_MAX_SOURCES)
        return COOPNET_ERROR(err, COOPNET_EINVAL, "reach-curve draws 1 to %d lines, not %zu",
                             COOPNET_CHART_MAX_SOURCES, n_curves);
    if (curves[0].n_steps == 0) {
        char hint[512];
        coopnet_bundle_undated_hint(bundle, hint, sizeof hint);
        return COOPNET_ERROR(err, COOPNET_EDATA,
                             "the reach curve needs dated events or ties; '%s' has none under "
                             "these options: %s",
                             bundle->name, hint);
    }
    size_t n_sources = sources != NULL ? n_curves : 0;
    bool ratio = n_sources == 0; /* no source: one line for the whole network */
    char title[256], subtitle[512];
    char names[COOPNET_CHART_MAX_SOURCES][128];
    const char *name_pointers[COOPNET_CHART_MAX_SOURCES];
    coopnet_rgb_t colors[COOPNET_CHART_MAX_SOURCES];
    for (size_t s = 0; s < n_sources; s++) {
        coopnet_i_draw_actor_label(bundle, sources[s], options->label_field, names[s],
                                   sizeof names[s]);
        name_pointers[s] = names[s];
    }
    for (size_t s = 0; s < n_curves; s++)
        colors[s] = coopnet_i_style_category_color(s);
    reach_titles(bundle, name_pointers, n_sources, n_actors, options->period, title, sizeof title,
                 subtitle, sizeof subtitle);
    bool band = false;
    for (size_t s = 0; possible != NULL && s < n_curves; s++)
        band |= !same_curve(&curves[s], &possible[s]);
    if (band) {
        size_t used = strlen(subtitle);
        snprintf(subtitle + used, sizeof subtitle - used, "%s%s", used ? ". " : "",
                 _("Line: certain whatever the exact dates; shaded up to what the dates' bounds "
                   "make possible"));
    }
    /* a line drawn exactly over an earlier one would vanish: the legend says whose it repeats */
    char legend_names[COOPNET_CHART_MAX_SOURCES][192];
    for (size_t s = 0; s < n_sources; s++) {
        snprintf(legend_names[s], sizeof legend_names[s], "%s", names[s]);
        for (size_t earlier = 0; earlier < s; earlier++) {
            if (same_curve(&curves[earlier], &curves[s])) {
                /* TRANSLATORS: %1$s an actor whose line hides under the line of actor %2$s */
                snprintf(legend_names[s], sizeof legend_names[s], _("%1$s (same line as %2$s)"),
                         names[s], names[earlier]);
                break;
            }
        }
        name_pointers[s] = legend_names[s];
    }
    cairo_save(cr);
    coopnet_rect_t content;
    frame(cr, rect, bundle, &options->figure, title, subtitle, &content);
    double legend_height = 0;
    if (n_sources > 1) /* one source is named in the title */
        legend_height =
            legend_row(cr, content.x, content.y, content.w, colors, name_pointers, n_curves) + 4;
    double max_value = reach_max_value(curves, n_curves, ratio);
    if (band)
        max_value = fmax(max_value, reach_max_value(possible, n_curves, ratio));
    reach_plot_t plot = draw_reach_value_axis(cr, content, legend_height, options->period,
                                              curves[0].n_steps, max_value, ratio);
    draw_reach_period_axis(cr, &plot, options->period, curves[0].day, curves[0].n_steps);
    if (band)
        draw_reach_bands(cr, &plot, curves, possible, n_curves, colors);
    draw_reach_lines(cr, &plot, curves, n_curves, colors);
    draw_reach_end_labels(cr, &plot, curves, n_curves, colors);
    cairo_restore(cr);
    return probe_reach_curves(bundle, curves, n_curves, sources, ratio, err);
}

/* ---- the chart as a file: compute, then draw ---- */

/* What a chart draws, computed once before the drawing (the drawing may run twice). */
typedef struct chart_job {
    const coopnet_bundle_t *bundle;
    coopnet_chart_kind_t kind;
    const coopnet_chart_options_t *options;
    coopnet_graph_t graph;
    igraph_vector_t values; /* ranking */
    coopnet_vertex_values_t ranked;
    coopnet_nlc_t nlc;
    igraph_matrix_t positions; /* snapshots */
    coopnet_snapshot_panels_t panels;
    coopnet_temporal_curve_t curves[COOPNET_CHART_MAX_SOURCES]; /* reach curve: certain */
    coopnet_temporal_curve_t possible[COOPNET_CHART_MAX_SOURCES];
    bool has_possible;
    size_t sources[COOPNET_CHART_MAX_SOURCES];
    size_t n_curves, n_actors;
} chart_job_t;

static void chart_job_destroy(chart_job_t *job)
{
    coopnet_graph_destroy(&job->graph);
    igraph_vector_destroy(&job->values);
    coopnet_nlc_destroy(&job->nlc);
    igraph_matrix_destroy(&job->positions);
    coopnet_i_snapshot_panels_destroy(&job->panels);
    for (size_t s = 0; s < COOPNET_CHART_MAX_SOURCES; s++) {
        coopnet_temporal_curve_destroy(&job->curves[s]);
        coopnet_temporal_curve_destroy(&job->possible[s]);
    }
}

/* The curves of one reading into curves[]: the reachability ratio over all sources, or one
 * line per source (job->sources). */
static int reach_curves_of(chart_job_t *job, const coopnet_temporal_network_t *network,
                           coopnet_temporal_curve_t *curves, coopnet_error_t *err)
{
    const coopnet_chart_options_t *options = job->options;
    coopnet_temporal_all_t all;
    coopnet_temporal_reach_t reach;
    int status = COOPNET_OK;
    memset(&all, 0, sizeof all);
    memset(&reach, 0, sizeof reach);
    if (options->n_sources == 0) {
        coopnet_temporal_all_policy_t policy;
        coopnet_temporal_all_policy_init(&policy);
        policy.memory_limit = options->graph.memory_limit;
        if ((status = coopnet_temporal_all_sources_by_policy(network, &policy, NULL, &all, err)) ==
            COOPNET_OK)
            status = coopnet_temporal_curve_all(network, &all, options->period, &curves[0], err);
        coopnet_temporal_all_destroy(&all);
        return status;
    }
    for (size_t s = 0; s < options->n_sources && status == COOPNET_OK; s++) {
        if ((status = coopnet_temporal_reach_forward(network, job->sources[s], &reach, err)) ==
            COOPNET_OK)
            status =
                coopnet_temporal_curve_source(network, &reach, options->period, &curves[s], err);
        coopnet_temporal_reach_destroy(&reach);
    }
    return status;
}

/* The reach curves of both readings: the certain one as lines, the possible one (when dates
 * are bounds) as bands above them. */
static int compute_reach_curves(chart_job_t *job, coopnet_error_t *err)
{
    const coopnet_bundle_t *bundle = job->bundle;
    const coopnet_chart_options_t *options = job->options;
    coopnet_temporal_options_t temporal_options;
    coopnet_temporal_network_t *network = NULL, *possible = NULL;
    int status = COOPNET_OK;
    if ((int)options->period < 0 || options->period > COOPNET_PERIOD_YEAR)
        return COOPNET_ERROR(err, COOPNET_EINVAL, "unknown period %d", (int)options->period);
    if (options->n_sources > COOPNET_CHART_MAX_SOURCES)
        return COOPNET_ERROR(err, COOPNET_EINVAL, "reach-curve draws at most %d sources, not %zu",
                             COOPNET_CHART_MAX_SOURCES, options->n_sources);
    coopnet_temporal_options_init(&temporal_options);
    temporal_options.graph = options->graph;
    if ((status = coopnet_temporal_networks_alloc(bundle, &temporal_options, &network, &possible,
                                                  err)) != COOPNET_OK)
        goto cleanup;
    for (size_t s = 0; s < options->n_sources; s++) {
        long actor = coopnet_bundle_find_actor(bundle, options->sources[s]);
        if (actor < 0) {
            status = COOPNET_ERROR(err, COOPNET_EINVAL, "unknown source actor '%s'",
                                   options->sources[s]);
            goto cleanup;
        }
        if (!coopnet_temporal_network_keeps_actor(network, (size_t)actor)) {
            status =
                COOPNET_ERROR(err, COOPNET_EINVAL,
                              "source actor '%s' is not among the actors the graph options keep",
                              options->sources[s]);
            goto cleanup;
        }
        job->sources[s] = (size_t)actor;
    }
    if (coopnet_temporal_network_contacts(possible ? possible : network) == 0) {
        char hint[512];
        coopnet_bundle_undated_hint(bundle, hint, sizeof hint);
        status = COOPNET_ERROR(err, COOPNET_EDATA,
                               "the reach curve needs dated events or ties; '%s' has none under "
                               "these options: %s",
                               bundle->name, hint);
        goto cleanup;
    }
    job->n_actors = coopnet_temporal_network_actors(network);
    if ((status = reach_curves_of(job, network, job->curves, err)) != COOPNET_OK)
        goto cleanup;
    if (possible != NULL) {
        if ((status = reach_curves_of(job, possible, job->possible, err)) != COOPNET_OK)
            goto cleanup;
        job->has_possible = true;
    }
    job->n_curves = options->n_sources ? options->n_sources : 1;
cleanup:
    coopnet_temporal_network_free(network);
    coopnet_temporal_network_free(possible);
    return status;
}

static int chart_job_compute(chart_job_t *job, coopnet_error_t *err)
{
    const coopnet_chart_options_t *options = job->options;
    int status = COOPNET_OK;
    bool graph = job->kind == COOPNET_CHART_RANKING || job->kind == COOPNET_CHART_NLC_MATRIX ||
                 job->kind == COOPNET_CHART_SNAPSHOTS;
    if (job->kind == COOPNET_CHART_NLC_MATRIX && options->country != NULL &&
        options->country[0] != '\0' && !coopnet_country_is_valid(options->country))
        return COOPNET_ERROR(err, COOPNET_EINVAL,
                             "bad country '%s': use an ISO 3166-1 alpha-2 code such as MA",
                             options->country);
    if (job->kind == COOPNET_CHART_SNAPSHOTS) {
        /* EDATA (no date) before the work */
        coopnet_date_t first, last;
        coopnet_bundle_date_range(job->bundle, &first, &last);
        if (first.precision == COOPNET_DATE_NONE) {
            char hint[512];
            coopnet_bundle_undated_hint(job->bundle, hint, sizeof hint);
            return COOPNET_ERROR(err, COOPNET_EDATA,
                                 "snapshots need dated events or ties; '%s' has none: %s",
                                 job->bundle->name, hint);
        }
    }
    if (graph && (status = coopnet_graph_init_cooperation(&job->graph, job->bundle, &options->graph,
                                                          err)) != COOPNET_OK)
        return status;
    switch (job->kind) {
    case COOPNET_CHART_RANKING: {
        const char *measure = options->measure ? options->measure : "degree";
        if ((status = coopnet_i_draw_measure(&job->graph, measure, &job->values, err)) ==
            COOPNET_OK)
            job->ranked = (coopnet_vertex_values_t){job->graph.build_id, &job->values, measure};
        return status;
    }
    case COOPNET_CHART_NLC_MATRIX:
        return coopnet_nlc_compute(&job->graph, &job->nlc, err);
    case COOPNET_CHART_SNAPSHOTS:
        /* positions from the full network (all years), so an actor stays in place */
        if ((status = coopnet_i_draw_network_positions(&job->graph, COOPNET_LAYOUT_FR,
                                                       options->seed, &job->positions, err)) !=
            COOPNET_OK)
            return status;
        return coopnet_i_snapshot_panels_init(&job->panels, job->bundle, &options->graph, err);
    case COOPNET_CHART_PARTICIPATION:
        return COOPNET_OK; /* a tally of the bundle's events, made while drawing */
    case COOPNET_CHART_REACH_CURVE:
        return compute_reach_curves(job, err);
    }
    return COOPNET_ERROR(err, COOPNET_EINVAL, "unknown chart kind %d", (int)job->kind);
}

static int draw_chart_kind(cairo_t *cr, coopnet_rect_t canvas, const chart_job_t *job,
                           coopnet_error_t *err);

/* An Arabic chart is the chart mirrored: axis and legend on the right, bars growing leftward,
 * time running right to left (figures/style.h). */
static int draw_chart_job(cairo_t *cr, coopnet_rect_t canvas, void *data, coopnet_error_t *err)
{
    bool mirror = coopnet_i_l10n_rtl() && !coopnet_i_style_mirrored(cr);
    if (mirror) {
        cairo_save(cr);
        coopnet_i_style_mirror(cr, canvas);
    }
    int status = draw_chart_kind(cr, canvas, data, err);
    if (mirror)
        cairo_restore(cr);
    return status;
}

static int draw_chart_kind(cairo_t *cr, coopnet_rect_t canvas, const chart_job_t *job,
                           coopnet_error_t *err)
{
    const coopnet_chart_options_t *options = job->options;
    switch (job->kind) {
    case COOPNET_CHART_RANKING:
        return coopnet_i_draw_chart_ranking(cr, canvas, &job->graph, &job->ranked, options, err);
    case COOPNET_CHART_NLC_MATRIX:
        return coopnet_i_draw_chart_nlc_matrix(cr, canvas, job->bundle, &job->nlc, options->country,
                                               options, err);
    case COOPNET_CHART_SNAPSHOTS:
        return coopnet_i_draw_chart_snapshots(cr, canvas, job->bundle, &job->graph, &job->positions,
                                              &job->panels, options, err);
    case COOPNET_CHART_PARTICIPATION:
        return coopnet_i_draw_chart_participation(cr, canvas, job->bundle, options, err);
    case COOPNET_CHART_REACH_CURVE:
        return coopnet_i_draw_chart_reach_curve(
            cr, canvas, job->bundle, job->curves, job->has_possible ? job->possible : NULL,
            job->n_curves, options->n_sources ? job->sources : NULL, job->n_actors, options, err);
    }
    return COOPNET_ERROR(err, COOPNET_EINVAL, "unknown chart kind %d", (int)job->kind);
}

/* ---- the numbers a chart draws (coopnet_figure_options_t.data_path) ---- */

#define COLUMNS(list) list, sizeof list / sizeof *list

static int write_ranking_data(coopnet_table_t *table, const chart_job_t *job, FILE *stream,
                              coopnet_table_format_t format, coopnet_error_t *err)
{
    static const char *const columns[] = {"rank", "id", "label", "level", "measure", "value"};
    const coopnet_bundle_t *bundle = job->bundle;
    const coopnet_chart_options_t *options = job->options;
    igraph_vector_int_t order;
    if (igraph_vector_int_init(&order, 0) != IGRAPH_SUCCESS)
        return COOPNET_ERROR(err, COOPNET_ENOMEM, "out of memory");
    int status =
        coopnet_rank_top(&job->values, options->top ? options->top : DEFAULT_TOP, &order, err);
    if (status == COOPNET_OK) {
        char label[256];
        coopnet_table_begin(table, stream, format, COLUMNS(columns));
        for (igraph_integer_t i = 0; i < igraph_vector_int_size(&order); i++) {
            igraph_integer_t v = VECTOR(order)[i];
            size_t actor = (size_t)VECTOR(job->graph.actor_of_vertex)[v];
            coopnet_i_draw_actor_label(bundle, actor, options->label_field, label, sizeof label);
            coopnet_table_integer(table, (long long)i + 1);
            coopnet_table_string(table, bundle->actors[actor].id);
            coopnet_table_string(table, label);
            coopnet_table_string(table, coopnet_level_name(bundle->actors[actor].level));
            coopnet_table_string(table, job->ranked.measure);
            coopnet_table_number(table,
                                 VECTOR(job->values)[v]); /* NaN: drawn as 0, written empty */
            coopnet_table_end_row(table);
        }
        coopnet_table_end(table);
    }
    igraph_vector_int_destroy(&order);
    return status;
}

static void write_nlc_data(coopnet_table_t *table, const chart_job_t *job, FILE *stream,
                           coopnet_table_format_t format)
{
    static const char *const columns[] = {"country", "row_level", "column_level", "density",
                                          "links",   "possible",  "row_actors",   "column_actors"};
    const char *country = job->options->country;
    const char *key = country != NULL && country[0] != '\0' ? country : "*";
    coopnet_table_begin(table, stream, format, COLUMNS(columns));
    /* every cell of the matrix, row by row, as drawn (both halves of the symmetric matrix) */
    for (int row = 0; row < COOPNET_LEVEL_COUNT; row++)
        for (int column = 0; column < COOPNET_LEVEL_COUNT; column++) {
            const coopnet_nlc_pair_t *pair = NULL;
            int low = row < column ? row : column, high = row < column ? column : row;
            for (size_t p = 0; p < job->nlc.n_pairs && pair == NULL; p++)
                if (strcmp(job->nlc.pairs[p].country, key) == 0 &&
                    (int)job->nlc.pairs[p].level_a == low && (int)job->nlc.pairs[p].level_b == high)
                    pair = &job->nlc.pairs[p];
            coopnet_table_string(table, key);
            coopnet_table_string(table, coopnet_level_name((coopnet_level_t)row));
            coopnet_table_string(table, coopnet_level_name((coopnet_level_t)column));
            if (pair == NULL) { /* drawn as n/a */
                for (int k = 0; k < 5; k++)
                    coopnet_table_missing(table);
            } else {
                bool same = row <= column;
                coopnet_table_number(table, pair->density);
                coopnet_table_integer(table, (long long)pair->edges);
                coopnet_table_number(table, pair->possible);
                coopnet_table_integer(table, (long long)(same ? pair->n_a : pair->n_b));
                coopnet_table_integer(table, (long long)(same ? pair->n_b : pair->n_a));
            }
            coopnet_table_end_row(table);
        }
    coopnet_table_end(table);
}

/* The panels' numbers, from each panel's own graph (the chart facade builds one a year:
 * coopnet_i_snapshot_panels_init; panels lent with degrees are the report's, never written). */
static void write_snapshots_data(coopnet_table_t *table, const chart_job_t *job, FILE *stream,
                                 coopnet_table_format_t format)
{
    static const char *const columns[] = {"panel", "year", "actors_linked", "actors", "links"};
    char title[64];
    coopnet_table_begin(table, stream, format, COLUMNS(columns));
    for (size_t p = 0; p < job->panels.n_panels; p++) {
        const coopnet_graph_t *graph = job->panels.graphs[p];
        igraph_integer_t n = igraph_vcount(&graph->graph), linked = 0;
        for (igraph_integer_t v = 0; v < n; v++) {
            igraph_integer_t degree = 0;
            igraph_degree_1(&graph->graph, &degree, v, IGRAPH_ALL, IGRAPH_LOOPS);
            linked += degree > 0;
        }
        panel_title_of(job->panels.as_of[p], job->panels.years[p], title, sizeof title);
        coopnet_table_string(table, title);
        coopnet_table_integer(table, job->panels.years[p]);
        coopnet_table_integer(table, (long long)linked);
        coopnet_table_integer(table, (long long)n);
        coopnet_table_integer(table, (long long)igraph_ecount(&graph->graph));
        coopnet_table_end_row(table);
    }
    coopnet_table_end(table);
}

static int write_participation_data(coopnet_table_t *table, const chart_job_t *job, FILE *stream,
                                    coopnet_table_format_t format, coopnet_error_t *err)
{
    static const char *const columns[] = {"quarter", "event_type", "events"};
    participation_tally_t tally;
    int status = participation_tally(job->bundle, job->options, &tally, err);
    if (status != COOPNET_OK)
        return status;
    char quarter[16];
    coopnet_table_begin(table, stream, format, COLUMNS(columns));
    for (size_t q = 0; q < tally.n_quarters; q++) {
        int index = tally.first_quarter + (int)q;
        snprintf(quarter, sizeof quarter, "%d-Q%d", index / 4, index % 4 + 1);
        for (size_t t = 0; t < tally.n_types; t++) {
            coopnet_table_string(table, quarter);
            coopnet_table_string(table, tally.types[t]);
            coopnet_table_integer(table, tally.counts[q * tally.n_types + t]);
            coopnet_table_end_row(table);
        }
    }
    coopnet_table_end(table);
    participation_tally_destroy(&tally);
    return COOPNET_OK;
}

static void write_reach_data(coopnet_table_t *table, const chart_job_t *job, FILE *stream,
                             coopnet_table_format_t format)
{
    static const char *const columns[] = {"source", "period_end", "measure", "value",
                                          "value_possible"};
    bool ratio = job->options->n_sources == 0;
    char day[COOPNET_DATE_TEXT_SIZE];
    coopnet_table_begin(table, stream, format, COLUMNS(columns));
    for (size_t line = 0; line < job->n_curves; line++) {
        const coopnet_temporal_curve_t *curve = &job->curves[line];
        const coopnet_temporal_curve_t *possible = job->has_possible ? &job->possible[line] : NULL;
        for (size_t i = 0; i < curve->n_steps; i++) {
            int year, month, day_of_month;
            coopnet_date_civil_from_days(curve->day[i], &year, &month, &day_of_month);
            snprintf(day, sizeof day, "%04d-%02d-%02d", year, month, day_of_month);
            coopnet_table_string(table, ratio ? "*" : job->bundle->actors[job->sources[line]].id);
            coopnet_table_string(table, day);
            coopnet_table_string(table, ratio ? "percent_pairs_linked" : "actors_reached");
            coopnet_table_number(table, reach_value(curve, i, ratio));
            /* the band above the line at the same period end, when the dates are bounds */
            size_t k = 0;
            while (possible != NULL && k < possible->n_steps && possible->day[k] < curve->day[i])
                k++;
            if (possible != NULL && k < possible->n_steps && possible->day[k] == curve->day[i])
                coopnet_table_number(table, reach_value(possible, k, ratio));
            else
                coopnet_table_missing(table);
            coopnet_table_end_row(table);
        }
    }
    coopnet_table_end(table);
}

static int write_chart_data(FILE *stream, coopnet_table_format_t format, void *data,
                            coopnet_error_t *err)
{
    const chart_job_t *job = data;
    coopnet_table_t table;
    switch (job->kind) {
    case COOPNET_CHART_RANKING:
        return write_ranking_data(&table, job, stream, format, err);
    case COOPNET_CHART_NLC_MATRIX:
        write_nlc_data(&table, job, stream, format);
        return COOPNET_OK;
    case COOPNET_CHART_SNAPSHOTS:
        write_snapshots_data(&table, job, stream, format);
        return COOPNET_OK;
    case COOPNET_CHART_PARTICIPATION:
        return write_participation_data(&table, job, stream, format, err);
    case COOPNET_CHART_REACH_CURVE:
        write_reach_data(&table, job, stream, format);
        return COOPNET_OK;
    }
    return COOPNET_ERROR(err, COOPNET_EINVAL, "unknown chart kind %d", (int)job->kind);
}

static int chart_render(const coopnet_bundle_t *bundle, coopnet_chart_kind_t kind,
                        const coopnet_chart_options_t *options, const char *path,
                        coopnet_error_t *err)
{
    chart_job_t job;
    memset(&job, 0, sizeof job);
    job.bundle = bundle;
    job.kind = kind;
    job.options = options;
    if (igraph_vector_init(&job.values, 0) != IGRAPH_SUCCESS)
        return COOPNET_ERROR(err, COOPNET_ENOMEM, "out of memory");
    if (igraph_matrix_init(&job.positions, 0, 2) != IGRAPH_SUCCESS) {
        igraph_vector_destroy(&job.values);
        return COOPNET_ERROR(err, COOPNET_ENOMEM, "out of memory");
    }
    bool matrix = kind == COOPNET_CHART_NLC_MATRIX;
    int status = coopnet_i_figure_check_memory(path, &options->figure, matrix ? 560 : 720,
                                               matrix ? 440 : 540, kind == COOPNET_CHART_SNAPSHOTS,
                                               options->graph.memory_limit, err);
    if (status == COOPNET_OK)
        status = chart_job_compute(&job, err);
    if (status == COOPNET_OK)
        status = coopnet_i_figure_write_with_data(path, &options->figure, matrix ? 560 : 720,
                                                  matrix ? 440 : 540, draw_chart_job,
                                                  write_chart_data, &job, err);
    chart_job_destroy(&job);
    return status;
}

/* The chart is drawn from the bundle as it is shown (long names ellipsised) with the title and
 * caption cut at COOPNET_TEXT_MAX_TITLE characters (coopnet/text.h). */
int coopnet_chart_render(const coopnet_bundle_t *bundle, coopnet_chart_kind_t kind,
                         const coopnet_chart_options_t *options, const char *path,
                         coopnet_error_t *err)
{
    const coopnet_bundle_t *display = NULL;
    coopnet_chart_options_t shown = *options;
    coopnet_i_shown_figure_t figure;
    if (coopnet_i_shown_figure_init(&figure, &shown.figure) != COOPNET_OK ||
        coopnet_i_bundle_display_alloc(bundle, &display) != COOPNET_OK) {
        coopnet_i_shown_figure_destroy(&figure);
        return COOPNET_ERROR(err, COOPNET_ENOMEM, "out of memory");
    }
    int status = chart_render(display, kind, &shown, path, err);
    coopnet_i_bundle_display_free(display, bundle);
    coopnet_i_shown_figure_destroy(&figure);
    return status;
}
