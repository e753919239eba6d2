/* SPDX-License-Identifier: GPL-3.0-or-later */
/* figure.c - figure files, options and the pieces every figure shares (see coopnet/render.h and
 * figures/draw.h): writing a cairo page atomically, captions, label texts, size measures, colour
 * categories. The figures themselves are in draw_*.c and chart.c, their file entry points in
 * render.c. */
#include "coopnet/centrality.h"
#include "coopnet/output.h"
#include "coopnet/render.h"
#include "figures/draw.h"
#include "core/internal.h"
#include "core/l10n.h"
#include "coopnet/text.h"

#include <cairo-pdf.h>
#include <cairo-svg.h>
#include <ctype.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#define DEFAULT_DPI 200.0
#define MAX_CANVAS_PIXELS 20000.0
#define MAX_CANVAS_POINTS 14400.0 /* 200 inches: cairo's PDF limit is far above */

void coopnet_figure_options_init(coopnet_figure_options_t *options)
{
    memset(options, 0, sizeof *options);
}

void coopnet_render_options_init(coopnet_render_options_t *options)
{
    memset(options, 0, sizeof *options);
    coopnet_figure_options_init(&options->figure);
    coopnet_graph_options_init(&options->graph);
    options->layout = COOPNET_LAYOUT_AUTO;
    options->seed = 1;
    options->labels = COOPNET_LABELS_AUTO;
    options->label_field = COOPNET_LABEL_FIELD_SHORT;
}

int coopnet_figure_format_from_path(const char *path, coopnet_figure_format_t *format,
                                    coopnet_error_t *err)
{
    const char *dot = path ? strrchr(path, '.') : NULL;
    if (path == NULL || strcmp(path, "-") == 0) {
        *format = COOPNET_FIGURE_PNG;
        return COOPNET_OK;
    }
    if (dot != NULL && strcasecmp(dot, ".png") == 0)
        *format = COOPNET_FIGURE_PNG;
    else if (dot != NULL && strcasecmp(dot, ".pdf") == 0)
        *format = COOPNET_FIGURE_PDF;
    else if (dot != NULL && strcasecmp(dot, ".svg") == 0)
        *format = COOPNET_FIGURE_SVG;
    else
        return COOPNET_ERROR(err, COOPNET_EINVAL,
                             "cannot tell the figure format of '%s': use .png, .pdf or .svg", path);
    return COOPNET_OK;
}

int coopnet_layout_kind_parse(const char *text, coopnet_layout_kind_t *kind, coopnet_error_t *err)
{
    static const struct {
        const char *name;
        coopnet_layout_kind_t kind;
    } kinds[] = {{"auto", COOPNET_LAYOUT_AUTO},
                 {"fr", COOPNET_LAYOUT_FR},
                 {"kk", COOPNET_LAYOUT_KK},
                 {"drl", COOPNET_LAYOUT_DRL},
                 {"geo", COOPNET_LAYOUT_GEO},
                 {"circle", COOPNET_LAYOUT_CIRCLE},
                 {"bipartite", COOPNET_LAYOUT_BIPARTITE},
                 {"timeline", COOPNET_LAYOUT_TIMELINE}};
    for (size_t i = 0; i < sizeof kinds / sizeof kinds[0]; i++) {
        if (strcmp(text, kinds[i].name) == 0) {
            *kind = kinds[i].kind;
            return COOPNET_OK;
        }
    }
    return COOPNET_ERROR(err, COOPNET_EINVAL,
                         "unknown layout '%s': use fr, kk, drl, geo, circle, bipartite or timeline",
                         text);
}

int coopnet_label_mode_parse(const char *text, coopnet_label_mode_t *mode, size_t *top,
                             coopnet_error_t *err)
{
    if (strcmp(text, "auto") == 0) {
        *mode = COOPNET_LABELS_AUTO;
        return COOPNET_OK;
    }
    if (strcmp(text, "all") == 0) {
        *mode = COOPNET_LABELS_ALL;
        return COOPNET_OK;
    }
    if (strcmp(text, "none") == 0) {
        *mode = COOPNET_LABELS_NONE;
        return COOPNET_OK;
    }
    if (strncmp(text, "top:", 4) == 0 && isdigit((unsigned char)text[4])) {
        char *end;
        unsigned long long count = strtoull(text + 4, &end, 10);
        if (*end == '\0' && count >= 1 && count <= SIZE_MAX / 2) {
            *mode = COOPNET_LABELS_TOP;
            *top = (size_t)count;
            return COOPNET_OK;
        }
    }
    return COOPNET_ERROR(err, COOPNET_EINVAL, "bad label choice '%s': use auto, all, none or top:N",
                         text);
}

int coopnet_label_field_parse(const char *text, coopnet_label_field_t *field, coopnet_error_t *err)
{
    static const char *const names[] = {"short", "name", "name_ar", "name_fr", "id"};
    for (size_t i = 0; i < sizeof names / sizeof names[0]; i++) {
        if (strcmp(text, names[i]) == 0) {
            *field = (coopnet_label_field_t)i;
            return COOPNET_OK;
        }
    }
    return COOPNET_ERROR(err, COOPNET_EINVAL,
                         "unknown label field '%s': use short, name, name_ar, name_fr or id", text);
}

void coopnet_figure_layout_free(coopnet_figure_layout_t *layout)
{
    if (layout == NULL)
        return;
    for (size_t i = 0; i < layout->n_labels; i++)
        free(layout->labels[i].text);
    free(layout->labels);
    free(layout->nodes);
    free(layout);
}

/* ---- writing a page ---- */

static cairo_status_t write_to_stream(void *closure, const unsigned char *data, unsigned int length)
{
    FILE *stream = closure;
    return fwrite(data, 1, length, stream) == length ? CAIRO_STATUS_SUCCESS
                                                     : CAIRO_STATUS_WRITE_ERROR;
}

int coopnet_i_figure_write(const char *path, const coopnet_figure_options_t *figure,
                           double default_width_pt, double default_height_pt,
                           coopnet_draw_callback_t draw, void *data, coopnet_error_t *err)
{
    coopnet_output_t *output = NULL;
    int status = coopnet_i_figure_write_uncommitted(path, figure, default_width_pt,
                                                    default_height_pt, draw, data, &output, err);
    return status == COOPNET_OK ? coopnet_output_commit(output, err) : status;
}

int coopnet_i_figure_check_memory(const char *path, const coopnet_figure_options_t *figure,
                                  double default_width_pt, double default_height_pt,
                                  bool network_image, uint64_t limit, coopnet_error_t *err)
{
    coopnet_figure_format_t format;
    coopnet_error_t ignored;
    if (path == NULL || coopnet_figure_format_from_path(path, &format, &ignored) != COOPNET_OK ||
        (format != COOPNET_FIGURE_PNG && !network_image))
        return COOPNET_OK;
    double dpi = format == COOPNET_FIGURE_PNG ? (figure->dpi > 0 ? figure->dpi : DEFAULT_DPI)
                                              : COOPNET_RASTER_DPI;
    /* PNG: the size in pixels, or the default in points at dpi; PDF, SVG: points at dpi */
    bool pixels = format == COOPNET_FIGURE_PNG;
    double width = figure->width > 0 ? (pixels ? figure->width : figure->width * dpi / 72.0)
                                     : default_width_pt * dpi / 72.0;
    double height = figure->height > 0 ? (pixels ? figure->height : figure->height * dpi / 72.0)
                                       : default_height_pt * dpi / 72.0;
    if (!(width > 0 && height > 0 && width < 1e7 && height < 1e7))
        return COOPNET_OK;
    uint64_t bytes = (uint64_t)ceil(width) * (uint64_t)ceil(height) * 4;
    return coopnet_graph_check_memory(limit, bytes, err, "the %.0fx%.0f-pixel image of the figure",
                                      ceil(width), ceil(height));
}

int coopnet_i_figure_write_with_data(const char *path, const coopnet_figure_options_t *figure,
                                     double default_width_pt, double default_height_pt,
                                     coopnet_draw_callback_t draw,
                                     coopnet_figure_data_callback_t write_data, void *data,
                                     coopnet_error_t *err)
{
    if (figure->data_path == NULL || write_data == NULL)
        return coopnet_i_figure_write(path, figure, default_width_pt, default_height_pt, draw, data,
                                      err);
    coopnet_output_t *outputs[2] = {NULL, NULL};
    if (path != NULL && strcmp(path, figure->data_path) == 0)
        return COOPNET_ERROR(err, COOPNET_EINVAL, "the figure and its data cannot both go to '%s'",
                             path);
    size_t length = strlen(figure->data_path);
    coopnet_table_format_t format =
        length >= 5 && strcasecmp(figure->data_path + length - 5, ".json") == 0 ? COOPNET_TABLE_JSON
                                                                                : COOPNET_TABLE_CSV;
    int status = coopnet_i_figure_write_uncommitted(
        path, figure, default_width_pt, default_height_pt, draw, data, &outputs[0], err);
    if (status == COOPNET_OK)
        status = coopnet_output_open(figure->data_path, &outputs[1], err);
    if (status == COOPNET_OK) {
        /* in the figure's language, so that the labels are the ones drawn (name_fr, name_ar);
         * the numbers keep the C locale's point */
        coopnet_l10n_scope_t scope;
        coopnet_i_l10n_enter(figure->lang, figure->digits, &scope);
        status = write_data(coopnet_output_stream(outputs[1]), format, data, err);
        coopnet_i_l10n_leave(&scope);
    }
    if (status != COOPNET_OK) {
        coopnet_output_abort(outputs[0]);
        coopnet_output_abort(outputs[1]);
        return status;
    }
    return coopnet_output_commit_all(outputs, 2, err);
}

int coopnet_i_figure_record(const coopnet_figure_options_t *figure, double default_width_pt,
                            double default_height_pt, coopnet_draw_callback_t draw, void *data,
                            coopnet_error_t *err)
{
    /* the canvas of a PDF or SVG file (points, scale 1), which is a PNG's canvas too */
    double width = figure->width > 0 ? figure->width : default_width_pt;
    double height = figure->height > 0 ? figure->height : default_height_pt;
    if (!(width >= 16 && height >= 16 && width <= MAX_CANVAS_POINTS && height <= MAX_CANVAS_POINTS))
        return COOPNET_ERROR(err, COOPNET_EINVAL,
                             "figure size %gx%g is out of range (16 to %g points)", width, height,
                             (double)MAX_CANVAS_POINTS);
    cairo_rectangle_t extents = {0, 0, width, height};
    cairo_surface_t *surface = cairo_recording_surface_create(CAIRO_CONTENT_COLOR_ALPHA, &extents);
    cairo_t *cr = cairo_create(surface);
    int status = COOPNET_OK;
    if (cairo_status(cr) != CAIRO_STATUS_SUCCESS) {
        status = COOPNET_ERROR(err, COOPNET_EINTERNAL, "cannot create a %gx%g figure: %s", width,
                               height, cairo_status_to_string(cairo_status(cr)));
        goto cleanup;
    }
    coopnet_rect_t canvas = {0, 0, width, height};
    coopnet_l10n_scope_t scope;
    coopnet_i_l10n_enter(figure->lang, figure->digits, &scope);
    status = draw(cr, canvas, data, err);
    coopnet_i_l10n_leave(&scope);
    if (status != COOPNET_OK)
        goto cleanup;
    if (cairo_status(cr) != CAIRO_STATUS_SUCCESS)
        status = COOPNET_ERROR(err, COOPNET_EINTERNAL, "cannot draw the figure: %s",
                               cairo_status_to_string(cairo_status(cr)));
cleanup:
    cairo_destroy(cr);
    cairo_surface_destroy(surface);
    return status;
}

int coopnet_i_figure_write_uncommitted(const char *path, const coopnet_figure_options_t *figure,
                                       double default_width_pt, double default_height_pt,
                                       coopnet_draw_callback_t draw, void *data,
                                       coopnet_output_t **written, coopnet_error_t *err)
{
    *written = NULL;
    coopnet_figure_format_t format;
    int status = coopnet_figure_format_from_path(path, &format, err);
    if (status != COOPNET_OK)
        return status;
    double dpi = figure->dpi > 0 ? figure->dpi : DEFAULT_DPI;
    if (!(dpi >= 10 && dpi <= 2400))
        return COOPNET_ERROR(err, COOPNET_EINVAL, "dpi %g is out of range (10 to 2400)", dpi);
    double scale = format == COOPNET_FIGURE_PNG ? dpi / 72.0 : 1.0;
    double width = figure->width > 0 ? figure->width : default_width_pt * scale;
    double height = figure->height > 0 ? figure->height : default_height_pt * scale;
    double limit = format == COOPNET_FIGURE_PNG ? MAX_CANVAS_PIXELS : MAX_CANVAS_POINTS;
    if (!(width >= 16 && height >= 16 && width <= limit && height <= limit))
        return COOPNET_ERROR(err, COOPNET_EINVAL, "figure size %gx%g is out of range (16 to %g %s)",
                             width, height, limit,
                             format == COOPNET_FIGURE_PNG ? "pixels" : "points");
    if (format == COOPNET_FIGURE_PNG) {
        width = round(width);
        height = round(height);
    }

    coopnet_output_t *output = NULL;
    cairo_surface_t *surface = NULL;
    cairo_t *cr = NULL;
    if ((status = coopnet_output_open(path, &output, err)) != COOPNET_OK)
        return status;
    FILE *stream = coopnet_output_stream(output);
    if (format == COOPNET_FIGURE_PNG)
        surface = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, (int)width, (int)height);
    else if (format == COOPNET_FIGURE_PDF)
        surface = cairo_pdf_surface_create_for_stream(write_to_stream, stream, width, height);
    else
        surface = cairo_svg_surface_create_for_stream(write_to_stream, stream, width, height);
    if (format == COOPNET_FIGURE_PDF)
        cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_CREATOR, "coopnet");
    cr = cairo_create(surface);
    if (cairo_status(cr) != CAIRO_STATUS_SUCCESS) {
        status = COOPNET_ERROR(err, COOPNET_EINTERNAL, "cannot create a %gx%g figure: %s", width,
                               height, cairo_status_to_string(cairo_status(cr)));
        goto cleanup;
    }
    cairo_scale(cr, scale, scale);
    coopnet_rect_t canvas = {0, 0, width / scale, height / scale};
    if (!(format == COOPNET_FIGURE_PNG && figure->transparent)) {
        coopnet_i_style_set_color(cr, coopnet_i_style_white, 1.0);
        cairo_paint(cr);
    }
    coopnet_l10n_scope_t scope;
    coopnet_i_l10n_enter(figure->lang, figure->digits, &scope);
    status = draw(cr, canvas, data, err);
    coopnet_i_l10n_leave(&scope);
    if (status != COOPNET_OK)
        goto cleanup;
    cairo_show_page(cr);
    if (cairo_status(cr) != CAIRO_STATUS_SUCCESS) {
        status = COOPNET_ERROR(err, COOPNET_EINTERNAL, "cannot draw the figure: %s",
                               cairo_status_to_string(cairo_status(cr)));
        goto cleanup;
    }
    cairo_destroy(cr);
    cr = NULL;
    if (format == COOPNET_FIGURE_PNG &&
        cairo_surface_write_to_png_stream(surface, write_to_stream, stream) !=
            CAIRO_STATUS_SUCCESS) {
        status = COOPNET_ERROR(err, COOPNET_EIO, "cannot write '%s'", path);
        goto cleanup;
    }
    cairo_surface_finish(surface);
    if (cairo_surface_status(surface) != CAIRO_STATUS_SUCCESS) {
        status = COOPNET_ERROR(err, COOPNET_EIO, "cannot write '%s': %s", path,
                               cairo_status_to_string(cairo_surface_status(surface)));
        goto cleanup;
    }
    cairo_surface_destroy(surface);
    surface = NULL;
    *written = output; /* complete: the caller commits it, alone or with others */
    output = NULL;
cleanup:
    if (cr != NULL)
        cairo_destroy(cr);
    if (surface != NULL) {
        cairo_surface_finish(surface);
        cairo_surface_destroy(surface);
    }
    coopnet_output_abort(output);
    return status;
}

/* ---- shared pieces ---- */

void coopnet_i_draw_default_caption(const coopnet_bundle_t *bundle, char *buffer, size_t size)
{
    /* the title of bundle.ini, else the folder's name */
    const char *source = bundle->title != NULL ? bundle->title : bundle->name;
    coopnet_date_t first, last;
    coopnet_bundle_date_range(bundle, &first, &last);
    if (first.precision == COOPNET_DATE_NONE) {
        /* TRANSLATORS: %s the data's name (its folder) */
        snprintf(buffer, size, _("Source: %s. Drawn with coopnet."), source);
        return;
    }
    char first_text[COOPNET_DATE_TEXT_SIZE], last_text[COOPNET_DATE_TEXT_SIZE];
    coopnet_date_format(first, first_text);
    coopnet_date_format(last, last_text);
    if (coopnet_i_l10n_lang() != COOPNET_LANG_EN) {
        /* "mars 2023": ISO dates read backwards inside right-to-left text */
        coopnet_i_draw_date_words(first, first_text, sizeof first_text);
        coopnet_i_draw_date_words(last, last_text, sizeof last_text);
    }
    if (strcmp(first_text, last_text) == 0) /* TRANSLATORS: %1$s the data's name, %2$s a date */
        snprintf(buffer, size, _("Source: %1$s, %2$s. Drawn with coopnet."), source, first_text);
    else /* TRANSLATORS: %1$s the data's name, %2$s and %3$s its first and last dates */
        snprintf(buffer, size, _("Source: %1$s, %2$s to %3$s. Drawn with coopnet."), source,
                 first_text, last_text);
}

/* The acronym in parentheses that ends a long name: "... Councils (AMPCC)" -> "AMPCC". An
 * acronym's first word is at least two capitals and has no lower-case letter. */
static bool trailing_acronym(const char *name, const char **start, size_t *length)
{
    size_t name_length = strlen(name);
    if (name_length < 4 || name[name_length - 1] != ')')
        return false;
    const char *open = strrchr(name, '(');
    if (open == NULL || open == name)
        return false;
    const char *p = open + 1;
    size_t capitals = 0;
    while (*p && *p != ' ' && *p != ')') {
        if (islower((unsigned char)*p))
            return false;
        if (isupper((unsigned char)*p))
            capitals++;
        p++;
    }
    if (capitals < 2)
        return false;
    *start = open + 1;
    *length = (size_t)(name + name_length - 1 - *start);
    return true;
}

void coopnet_i_draw_actor_label(const coopnet_bundle_t *bundle, size_t actor,
                                coopnet_label_field_t field, char *buffer, size_t size)
{
    const coopnet_actor_t *a = &bundle->actors[actor];
    const char *text = a->name[0] ? a->name : a->id;
    const char *start;
    size_t length;
    if ((field == COOPNET_LABEL_FIELD_SHORT || field == COOPNET_LABEL_FIELD_NAME) &&
        coopnet_i_l10n_lang() != COOPNET_LANG_EN) {
        /* a French or Arabic figure names actors in its language where the data does (the
         * report's tables do too) */
        const char *translated = coopnet_i_l10n_lang() == COOPNET_LANG_AR ? a->name_ar : a->name_fr;
        if (translated[0]) {
            snprintf(buffer, size, "%s", translated);
            return;
        }
    }
    switch (field) {
    case COOPNET_LABEL_FIELD_SHORT:
        if (trailing_acronym(text, &start, &length)) {
            snprintf(buffer, size, "%.*s", (int)length, start);
            return;
        }
        break;
    case COOPNET_LABEL_FIELD_NAME:
        break;
    case COOPNET_LABEL_FIELD_NAME_AR:
        if (a->name_ar[0])
            text = a->name_ar;
        break;
    case COOPNET_LABEL_FIELD_NAME_FR:
        if (a->name_fr[0])
            text = a->name_fr;
        break;
    case COOPNET_LABEL_FIELD_ID:
        text = a->id;
        break;
    }
    coopnet_text_copy(buffer, size, text); /* never cut inside a character */
}

/* The measures come from the centrality module (coopnet/centrality.h), unweighted except
 * strength, whose definition is the weights. */
int coopnet_i_draw_measure(const coopnet_graph_t *graph, const char *measure,
                           igraph_vector_t *values, coopnet_error_t *err)
{
    int parsed = coopnet_measure_parse(measure);
    if (parsed < 0) {
        char names[256] = "";
        size_t used = 0;
        for (int m = 0; m < COOPNET_MEASURE_COUNT && used < sizeof names; m++)
            used += (size_t)snprintf(names + used, sizeof names - used, "%s%s",
                                     m == 0                           ? ""
                                     : m + 1 == COOPNET_MEASURE_COUNT ? " or "
                                                                      : ", ",
                                     coopnet_measure_names[m]);
        return COOPNET_ERROR(err, COOPNET_EINVAL, "unknown measure '%s': use %s", measure, names);
    }
    coopnet_measure_t kind = (coopnet_measure_t)parsed;
    return coopnet_centrality_compute(graph, kind, kind == COOPNET_MEASURE_STRENGTH, values, err);
}

int coopnet_i_vertex_values_check(const coopnet_vertex_values_t *values,
                                  const coopnet_graph_t *graph, coopnet_error_t *err)
{
    const char *what = values->measure ? values->measure : "values";
    if (values->values == NULL)
        return COOPNET_ERROR(err, COOPNET_EINVAL, "no %s given", what);
    if (values->build_id != graph->build_id ||
        igraph_vector_size(values->values) != igraph_vcount(&graph->graph))
        return COOPNET_ERROR(err, COOPNET_EINVAL,
                             "the %s given were computed for another graph (build %llu, %lld "
                             "values) than the one drawn (build %llu, %lld actors)",
                             what, (unsigned long long)values->build_id,
                             (long long)igraph_vector_size(values->values),
                             (unsigned long long)graph->build_id,
                             (long long)igraph_vcount(&graph->graph));
    return COOPNET_OK;
}

/* ---- categories ---- */

static bool known_actor_attribute(const coopnet_bundle_t *bundle, const char *attribute)
{
    return bundle->n_actors == 0 || coopnet_bundle_actor_attribute(bundle, 0, attribute) != NULL;
}

int coopnet_i_draw_categories_init(coopnet_draw_categories_t *categories,
                                   const coopnet_bundle_t *bundle, const char *attribute,
                                   coopnet_error_t *err)
{
    memset(categories, 0, sizeof *categories);
    size_t palette = coopnet_i_style_category_count();
    const char **values = NULL;
    size_t *value_counts = NULL, n_values = 0;
    int status = COOPNET_OK;
    if (attribute == NULL)
        attribute = "level";
    if (!known_actor_attribute(bundle, attribute))
        return COOPNET_ERROR(err, COOPNET_EINVAL, "unknown actor attribute '%s'", attribute);
    categories->category = coopnet_i_alloc_array(bundle->n_actors + 1, sizeof(size_t));
    categories->names = coopnet_i_alloc_array(palette + COOPNET_LEVEL_COUNT + 1, sizeof(char *));
    categories->counts = calloc(palette + COOPNET_LEVEL_COUNT + 1, sizeof(size_t));
    if (categories->category == NULL || categories->names == NULL || categories->counts == NULL)
        goto out_of_memory;
    if (strcmp(attribute, "level") == 0) {
        categories->is_level = true;
        categories->n_names = COOPNET_LEVEL_COUNT;
        for (int level = 0; level < COOPNET_LEVEL_COUNT; level++)
            categories->names[level] = coopnet_i_draw_level_label((coopnet_level_t)level);
        for (size_t a = 0; a < bundle->n_actors; a++) {
            categories->category[a] = bundle->actors[a].level;
            categories->counts[bundle->actors[a].level]++;
        }
        return COOPNET_OK;
    }
    /* distinct values with their counts: O(actors * distinct), fine for categorical attributes */
    values = coopnet_i_alloc_array(bundle->n_actors + 1, sizeof(char *));
    value_counts = calloc(bundle->n_actors + 1, sizeof(size_t));
    if (values == NULL || value_counts == NULL)
        goto out_of_memory;
    for (size_t a = 0; a < bundle->n_actors; a++) {
        const char *value = coopnet_bundle_actor_attribute(bundle, a, attribute);
        if (value == NULL || value[0] == '\0')
            continue;
        size_t v = 0;
        while (v < n_values && strcmp(values[v], value) != 0)
            v++;
        if (v == n_values)
            values[n_values++] = value;
        value_counts[v]++;
    }
    /* most frequent first, ties by value, so colours do not depend on row order */
    for (size_t i = 1; i < n_values; i++) {
        for (size_t j = i; j > 0; j--) {
            bool before =
                value_counts[j] > value_counts[j - 1] ||
                (value_counts[j] == value_counts[j - 1] && strcmp(values[j], values[j - 1]) < 0);
            if (!before)
                break;
            const char *value = values[j];
            values[j] = values[j - 1];
            values[j - 1] = value;
            size_t count = value_counts[j];
            value_counts[j] = value_counts[j - 1];
            value_counts[j - 1] = count;
        }
    }
    /* all values fit the palette, or the palette minus one slot leaves room for "other" */
    size_t named = n_values <= palette ? n_values : palette - 1;
    categories->n_names = named;
    for (size_t i = 0; i < named; i++) {
        categories->names[i] = values[i];
        categories->counts[i] = value_counts[i];
    }
    for (size_t a = 0; a < bundle->n_actors; a++) {
        const char *value = coopnet_bundle_actor_attribute(bundle, a, attribute);
        if (value == NULL || value[0] == '\0') {
            categories->category[a] = SIZE_MAX;
            categories->missing = true;
            continue;
        }
        size_t v = 0;
        while (v < named && strcmp(values[v], value) != 0)
            v++;
        categories->category[a] = v;
        if (v == named) {
            categories->other = true;
            categories->counts[named]++;
        }
    }
    goto done;
out_of_memory:
    status = COOPNET_ERROR(err, COOPNET_ENOMEM, "out of memory");
    coopnet_i_draw_categories_destroy(categories);
done:
    free(values);
    free(value_counts);
    return status;
}

void coopnet_i_draw_categories_destroy(coopnet_draw_categories_t *categories)
{
    if (categories == NULL)
        return;
    free(categories->category);
    free(categories->names);
    free(categories->counts);
    memset(categories, 0, sizeof *categories);
}

coopnet_rgb_t coopnet_i_draw_category_color(const coopnet_draw_categories_t *categories,
                                            size_t actor)
{
    size_t category = categories->category[actor];
    if (category == SIZE_MAX)
        return coopnet_i_style_missing;
    if (categories->is_level)
        return coopnet_i_style_level_color((coopnet_level_t)category);
    if (category >= categories->n_names)
        return coopnet_i_style_other;
    return coopnet_i_style_category_color(category);
}

double coopnet_i_draw_nice_step(double span, int target_ticks)
{
    if (!(span > 0) || target_ticks < 1)
        return 1;
    double raw = span / target_ticks;
    double magnitude = pow(10, floor(log10(raw)));
    double fraction = raw / magnitude;
    double nice = fraction <= 1     ? 1
                  : fraction <= 2   ? 2
                  : fraction <= 2.5 ? 2.5
                  : fraction <= 5   ? 5
                                    : 10;
    return nice * magnitude;
}

/* ---- the network figure as a file ---- */

/* ---- texts in the figure's language ---- */

const char *coopnet_i_draw_level_label(coopnet_level_t level)
{
    static const char *const labels[COOPNET_LEVEL_COUNT] = {
        NC_("level", "local"), NC_("level", "regional"), NC_("level", "national"),
        NC_("level", "international")};
    return (unsigned)level < COOPNET_LEVEL_COUNT ? C_("level", labels[level])
                                                 : coopnet_level_name(level);
}

const char *coopnet_i_draw_level_abbreviation(coopnet_level_t level)
{
    static const char *const labels[COOPNET_LEVEL_COUNT] = {
        NC_("level abbreviation", "local"), NC_("level abbreviation", "reg."),
        NC_("level abbreviation", "nat."), NC_("level abbreviation", "intl.")};
    return (unsigned)level < COOPNET_LEVEL_COUNT ? C_("level abbreviation", labels[level])
                                                 : coopnet_level_name(level);
}

const char *coopnet_i_draw_measure_label(const char *measure)
{
    static const char *const labels[][2] = {
        {"degree", NC_("measure", "degree")},
        {"strength", NC_("measure", "strength")},
        {"betweenness", NC_("measure", "betweenness")},
        {"closeness", NC_("measure", "closeness")},
        {"harmonic", NC_("measure", "harmonic centrality")},
        {"eigenvector", NC_("measure", "eigenvector centrality")},
        {"pagerank", NC_("measure", "PageRank")},
        {"coreness", NC_("measure", "coreness")},
        {"constraint", NC_("measure", "constraint")},
    };
    for (size_t i = 0; measure != NULL && i < sizeof labels / sizeof labels[0]; i++)
        if (strcmp(measure, labels[i][0]) == 0)
            return C_("measure", labels[i][1]);
    return measure;
}

const char *coopnet_i_draw_month_name(int month, bool abbreviated)
{
    static const char *const names[12] = {
        NC_("month", "January"), NC_("month", "February"), NC_("month", "March"),
        NC_("month", "April"),   NC_("month", "May"),      NC_("month", "June"),
        NC_("month", "July"),    NC_("month", "August"),   NC_("month", "September"),
        NC_("month", "October"), NC_("month", "November"), NC_("month", "December")};
    static const char *const short_names[12] = {
        NC_("month abbreviation", "Jan"), NC_("month abbreviation", "Feb"),
        NC_("month abbreviation", "Mar"), NC_("month abbreviation", "Apr"),
        NC_("month abbreviation", "May"), NC_("month abbreviation", "Jun"),
        NC_("month abbreviation", "Jul"), NC_("month abbreviation", "Aug"),
        NC_("month abbreviation", "Sep"), NC_("month abbreviation", "Oct"),
        NC_("month abbreviation", "Nov"), NC_("month abbreviation", "Dec")};
    if (month < 1 || month > 12)
        return "";
    return abbreviated ? C_("month abbreviation", short_names[month - 1])
                       : C_("month", names[month - 1]);
}

void coopnet_i_draw_date_words(coopnet_date_t date, char *buffer, size_t size)
{
    int year, month, day;
    coopnet_date_civil_from_days(date.day, &year, &month, &day);
    switch (date.precision) {
    case COOPNET_DATE_DAY:
        if (day == 1) /* TRANSLATORS: the first day of a month: %1$s its name, %2$d the year
                       * (French writes "1er") */
            snprintf(buffer, size, _("1 %1$s %2$d"), coopnet_i_draw_month_name(month, false), year);
        else /* TRANSLATORS: a date: %1$d the day, %2$s the month's name, %3$d the year */
            snprintf(buffer, size, _("%1$d %2$s %3$d"), day,
                     coopnet_i_draw_month_name(month, false), year);
        break;
    case COOPNET_DATE_MONTH:
        /* TRANSLATORS: a month of a year: %1$s the month's name, %2$d the year */
        snprintf(buffer, size, _("%1$s %2$d"), coopnet_i_draw_month_name(month, false), year);
        break;
    case COOPNET_DATE_NONE:
        snprintf(buffer, size, "%s", "");
        break;
    default:
        snprintf(buffer, size, "%d", year);
        break;
    }
}

/* Replaces *text by a copy cut at COOPNET_TEXT_MAX_TITLE characters when it is longer. */
static int shorten_title(const char **text, char **copy)
{
    bool shortened;
    *copy = NULL;
    if (*text == NULL)
        return COOPNET_OK;
    coopnet_text_cut(*text, COOPNET_TEXT_MAX_TITLE, &shortened);
    if (!shortened)
        return COOPNET_OK;
    if ((*copy = coopnet_text_ellipsize(*text, COOPNET_TEXT_MAX_TITLE)) == NULL)
        return COOPNET_ENOMEM;
    *text = *copy;
    return COOPNET_OK;
}

int coopnet_i_shown_figure_init(coopnet_i_shown_figure_t *shown, coopnet_figure_options_t *options)
{
    shown->title = shown->caption = NULL;
    if (shorten_title(&options->title, &shown->title) != COOPNET_OK ||
        shorten_title(&options->caption, &shown->caption) != COOPNET_OK)
        return COOPNET_ENOMEM;
    return COOPNET_OK;
}

void coopnet_i_shown_figure_destroy(coopnet_i_shown_figure_t *shown)
{
    free(shown->title);
    free(shown->caption);
    shown->title = shown->caption = NULL;
}
