/* report.c - the PDF mapping report (see coopnet/report.h).
 *
 * Two steps: report_model_init runs the analyses once (the cooperation graph under the options,
 * the counts, the centralities, ...), then each page function lays its page out from the model.
 * Every number in a commentary comes from the model; a page says so when its analysis has
 * nothing to show.
 */
#include "coopnet/report.h"
#include "coopnet/centrality.h"
#include "coopnet/graph.h"
#include "internal.h"
#include "report_layout.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#define TOP_ACTORS 15
#define CHART_ACTORS 10
#define MAX_COUNTRIES 64

static const char *const month_names[12] = {"January",   "February", "March",    "April",
                                            "May",       "June",     "July",     "August",
                                            "September", "October",  "November", "December"};

/* English names of the countries the bundled datasets use and their neighbours. */
static const char *const country_names[][2] = {{"AE", "United Arab Emirates"},
                                               {"AU", "Australia"},
                                               {"BE", "Belgium"},
                                               {"BH", "Bahrain"},
                                               {"CA", "Canada"},
                                               {"CH", "Switzerland"},
                                               {"DE", "Germany"},
                                               {"DK", "Denmark"},
                                               {"DZ", "Algeria"},
                                               {"EG", "Egypt"},
                                               {"ES", "Spain"},
                                               {"FR", "France"},
                                               {"GB", "United Kingdom"},
                                               {"IL", "Israel"},
                                               {"IQ", "Iraq"},
                                               {"IT", "Italy"},
                                               {"JO", "Jordan"},
                                               {"KW", "Kuwait"},
                                               {"LB", "Lebanon"},
                                               {"LY", "Libya"},
                                               {"MA", "Morocco"},
                                               {"MT", "Malta"},
                                               {"NL", "Netherlands"},
                                               {"NO", "Norway"},
                                               {"OM", "Oman"},
                                               {"PS", "Palestine"},
                                               {"QA", "Qatar"},
                                               {"SA", "Saudi Arabia"},
                                               {"SE", "Sweden"},
                                               {"SY", "Syria"},
                                               {"TN", "Tunisia"},
                                               {"TR", "Türkiye"},
                                               {"US", "United States"},
                                               {"YE", "Yemen"}};

static const char *country_name(const char *code)
{
    for (size_t i = 0; i < sizeof country_names / sizeof country_names[0]; i++)
        if (strcmp(country_names[i][0], code) == 0)
            return country_names[i][1];
    return code;
}

static const char *const level_titles[COOPNET_LEVEL_COUNT] = {"Local", "Regional", "National",
                                                              "International"};

typedef struct report_model {
    const coopnet_bundle_t *bundle;
    const coopnet_report_options_t *options;
    coopnet_graph_options_t graph_options;
    const char **excluded; /* ids left out by --country; pointers into the bundle */
    bool *actor_kept;      /* per bundle actor */
    bool *event_kept;      /* per bundle event */
    coopnet_graph_t graph;
    coopnet_graph_summary_t summary;

    size_t n_actors, actors_by_level[COOPNET_LEVEL_COUNT];
    size_t n_events, n_dated_events, n_ties, n_participations;
    const char *countries[MAX_COUNTRIES]; /* of the kept actors, sorted */
    size_t n_countries;
    coopnet_date_t first, last; /* of the kept events and ties */
    coopnet_date_t data_date;   /* the date the report is "as of": fixed by the data */

    igraph_vector_t degree, betweenness, pagerank;
    igraph_vector_int_t by_degree, by_betweenness; /* vertices, best first */
} report_model_t;

static void report_model_destroy(report_model_t *model)
{
    free(model->excluded);
    free(model->actor_kept);
    free(model->event_kept);
    coopnet_graph_destroy(&model->graph);
    igraph_vector_destroy(&model->degree);
    igraph_vector_destroy(&model->betweenness);
    igraph_vector_destroy(&model->pagerank);
    igraph_vector_int_destroy(&model->by_degree);
    igraph_vector_int_destroy(&model->by_betweenness);
}

/* --country: the country's actors, plus national and international actors tied to one of them
 * in the cooperation graph of all actors. */
static int select_country(report_model_t *model, coopnet_error_t *err)
{
    const coopnet_bundle_t *bundle = model->bundle;
    const char *country = model->options->country;
    coopnet_graph_t full = {0};
    igraph_vector_int_t neighbours;
    int status = COOPNET_OK;
    size_t in_country = 0;
    COOPNET_IGRAPH_CHECK(err, status, igraph_vector_int_init(&neighbours, 0), "neighbours");
    for (size_t a = 0; a < bundle->n_actors; a++) {
        model->actor_kept[a] = strcmp(bundle->actors[a].country, country) == 0;
        in_country += model->actor_kept[a];
    }
    if (in_country == 0) {
        status = COOPNET_ERROR(err, COOPNET_EINVAL, "no actor of country '%s' in '%s'", country,
                               bundle->name);
        goto cleanup;
    }
    if ((status = coopnet_graph_init_cooperation(&full, bundle, &model->graph_options, err)) !=
        COOPNET_OK)
        goto cleanup;
    for (igraph_integer_t v = 0; v < igraph_vcount(&full.graph); v++) {
        igraph_integer_t actor = VECTOR(full.actor_of_vertex)[v];
        coopnet_level_t level = bundle->actors[actor].level;
        if (model->actor_kept[actor] ||
            (level != COOPNET_LEVEL_NATIONAL && level != COOPNET_LEVEL_INTERNATIONAL))
            continue;
        COOPNET_IGRAPH_CHECK(err, status, igraph_neighbors(&full.graph, &neighbours, v, IGRAPH_ALL),
                             "neighbours");
        for (igraph_integer_t i = 0; i < igraph_vector_int_size(&neighbours); i++) {
            igraph_integer_t other = VECTOR(full.actor_of_vertex)[VECTOR(neighbours)[i]];
            if (strcmp(bundle->actors[other].country, country) == 0) {
                model->actor_kept[actor] = true;
                break;
            }
        }
    }
    size_t n_excluded = 0;
    for (size_t a = 0; a < bundle->n_actors; a++)
        if (!model->actor_kept[a])
            model->excluded[n_excluded++] = bundle->actors[a].id;
    model->graph_options.exclude = model->excluded;
    model->graph_options.n_exclude = n_excluded;
cleanup:
    coopnet_graph_destroy(&full);
    igraph_vector_int_destroy(&neighbours);
    return status;
}

static int compare_strings(const void *a, const void *b)
{
    return strcmp(*(const char *const *)a, *(const char *const *)b);
}

static void count_data(report_model_t *model)
{
    const coopnet_bundle_t *bundle = model->bundle;
    for (size_t a = 0; a < bundle->n_actors; a++) {
        if (!model->actor_kept[a])
            continue;
        const coopnet_actor_t *actor = &bundle->actors[a];
        model->n_actors++;
        model->actors_by_level[actor->level]++;
        if (actor->country[0] == '\0')
            continue;
        bool known = false;
        for (size_t c = 0; c < model->n_countries && !known; c++)
            known = strcmp(model->countries[c], actor->country) == 0;
        if (!known && model->n_countries < MAX_COUNTRIES)
            model->countries[model->n_countries++] = actor->country;
    }
    qsort(model->countries, model->n_countries, sizeof *model->countries, compare_strings);

    model->first.precision = model->last.precision = COOPNET_DATE_NONE;
    for (size_t e = 0; e < bundle->n_events; e++) {
        bool attended = false;
        for (size_t p = bundle->event_start[e]; p < bundle->event_start[e + 1]; p++)
            if (model->actor_kept[bundle->participations[p].actor]) {
                attended = true;
                model->n_participations++;
            }
        model->event_kept[e] =
            attended && coopnet_graph_keeps_event(bundle, e, &model->graph_options);
        if (!model->event_kept[e])
            continue;
        model->n_events++;
        coopnet_date_t date = bundle->events[e].date;
        if (date.precision == COOPNET_DATE_NONE)
            continue;
        model->n_dated_events++;
        if (model->first.precision == COOPNET_DATE_NONE || date.day < model->first.day)
            model->first = date;
        if (model->last.precision == COOPNET_DATE_NONE || date.day > model->last.day)
            model->last = date;
    }
    for (size_t t = 0; t < bundle->n_ties; t++) {
        const coopnet_tie_t *tie = &bundle->ties[t];
        if (!model->actor_kept[tie->from] || !model->actor_kept[tie->to] ||
            !coopnet_graph_keeps_tie(bundle, t, &model->graph_options))
            continue;
        model->n_ties++;
        if (tie->start.precision == COOPNET_DATE_NONE)
            continue;
        if (model->first.precision == COOPNET_DATE_NONE || tie->start.day < model->first.day)
            model->first = tie->start;
        if (model->last.precision == COOPNET_DATE_NONE || tie->start.day > model->last.day)
            model->last = tie->start;
    }
    if (model->options->as_of.precision != COOPNET_DATE_NONE) {
        model->data_date = model->options->as_of;
    } else {
        coopnet_date_t first;
        coopnet_bundle_date_range(bundle, &first, &model->data_date);
    }
}

/* Vertices ordered by values, largest first; ties broken by actor name for a stable order.
 * qsort has no context argument in C11, hence the file-level context: not reentrant. */
typedef struct ranking_context {
    const igraph_vector_t *values;
    const report_model_t *model;
} ranking_context_t;
static ranking_context_t ranking_context;

static const char *vertex_name(const report_model_t *model, igraph_integer_t vertex)
{
    return model->bundle->actors[VECTOR(model->graph.actor_of_vertex)[vertex]].name;
}

static int compare_ranked(const void *a, const void *b)
{
    igraph_integer_t va = *(const igraph_integer_t *)a, vb = *(const igraph_integer_t *)b;
    double xa = VECTOR(*ranking_context.values)[va], xb = VECTOR(*ranking_context.values)[vb];
    if (xa != xb)
        return xa > xb ? -1 : 1;
    return strcmp(vertex_name(ranking_context.model, va), vertex_name(ranking_context.model, vb));
}

static int rank_vertices(const report_model_t *model, const igraph_vector_t *values,
                         igraph_vector_int_t *order, coopnet_error_t *err)
{
    int status = COOPNET_OK;
    igraph_integer_t n = igraph_vector_size(values);
    COOPNET_IGRAPH_CHECK(err, status, igraph_vector_int_resize(order, n), "ranking");
    for (igraph_integer_t v = 0; v < n; v++)
        VECTOR(*order)[v] = v;
    ranking_context.values = values;
    ranking_context.model = model;
    qsort(VECTOR(*order), (size_t)n, sizeof(igraph_integer_t), compare_ranked);
cleanup:
    return status;
}

static int report_model_init(report_model_t *model, const coopnet_bundle_t *bundle,
                             const coopnet_report_options_t *options, coopnet_error_t *err)
{
    int status = COOPNET_OK;
    memset(model, 0, sizeof *model);
    model->bundle = bundle;
    model->options = options;
    coopnet_graph_options_init(&model->graph_options);
    model->graph_options.as_of = options->as_of;
    COOPNET_IGRAPH_CHECK(err, status, igraph_vector_init(&model->degree, 0), "degree");
    COOPNET_IGRAPH_CHECK(err, status, igraph_vector_init(&model->betweenness, 0), "betweenness");
    COOPNET_IGRAPH_CHECK(err, status, igraph_vector_init(&model->pagerank, 0), "pagerank");
    COOPNET_IGRAPH_CHECK(err, status, igraph_vector_int_init(&model->by_degree, 0), "ranking");
    COOPNET_IGRAPH_CHECK(err, status, igraph_vector_int_init(&model->by_betweenness, 0), "ranking");
    model->actor_kept = calloc(bundle->n_actors + 1, sizeof *model->actor_kept);
    model->event_kept = calloc(bundle->n_events + 1, sizeof *model->event_kept);
    model->excluded = calloc(bundle->n_actors + 1, sizeof *model->excluded);
    if (model->actor_kept == NULL || model->event_kept == NULL || model->excluded == NULL) {
        status = COOPNET_ERROR(err, COOPNET_ENOMEM, "out of memory");
        goto cleanup;
    }
    if (options->country != NULL) {
        if ((status = select_country(model, err)) != COOPNET_OK)
            goto cleanup;
    } else {
        for (size_t a = 0; a < bundle->n_actors; a++)
            model->actor_kept[a] = true;
    }
    count_data(model);
    if ((status = coopnet_graph_init_cooperation(&model->graph, bundle, &model->graph_options,
                                                 err)) != COOPNET_OK ||
        (status = coopnet_graph_summarise(&model->graph, &model->summary, err)) != COOPNET_OK)
        goto cleanup;
    coopnet_progress_report(options->progress, "centralities", 0, 3);
    if ((status = coopnet_centrality_compute(&model->graph, COOPNET_MEASURE_DEGREE, false,
                                             &model->degree, err)) != COOPNET_OK ||
        (status = coopnet_centrality_compute(&model->graph, COOPNET_MEASURE_BETWEENNESS, false,
                                             &model->betweenness, err)) != COOPNET_OK ||
        (status = coopnet_centrality_compute(&model->graph, COOPNET_MEASURE_PAGERANK, false,
                                             &model->pagerank, err)) != COOPNET_OK)
        goto cleanup;
    coopnet_progress_report(options->progress, "centralities", 3, 3);
    if ((status = rank_vertices(model, &model->degree, &model->by_degree, err)) != COOPNET_OK ||
        (status = rank_vertices(model, &model->betweenness, &model->by_betweenness, err)) !=
            COOPNET_OK)
        goto cleanup;
cleanup:
    return status;
}

/* ------------------------------------------------------------------------------------------ */
/* Text helpers */

static void format_date_long(coopnet_date_t date, char *buffer, size_t size)
{
    int year, month, day;
    coopnet_date_civil_from_days(date.day, &year, &month, &day);
    switch (date.precision) {
    case COOPNET_DATE_DAY:
        snprintf(buffer, size, "%d %s %d", day, month_names[month - 1], year);
        break;
    case COOPNET_DATE_MONTH:
        snprintf(buffer, size, "%s %d", month_names[month - 1], year);
        break;
    case COOPNET_DATE_YEAR:
        snprintf(buffer, size, "%d", year);
        break;
    default:
        snprintf(buffer, size, "undated");
    }
}

/* "Morocco, Iraq and Jordan" from the model's countries (by number of actors would need counts;
 * alphabetical by name keeps it simple and stable). */
static void format_country_list(const report_model_t *model, char *buffer, size_t size)
{
    buffer[0] = '\0';
    for (size_t c = 0; c < model->n_countries; c++) {
        size_t used = strlen(buffer);
        const char *separator = c == 0 ? "" : (c + 1 == model->n_countries ? " and " : ", ");
        snprintf(buffer + used, size - used, "%s%s", separator, country_name(model->countries[c]));
    }
}

static const char *plural(size_t count, const char *one, const char *many)
{
    return count == 1 ? one : many;
}

/* Appends g_markup_printf_escaped output to a page's paragraph and frees it. */
static void paragraph_printf(report_document_t *document, const char *format, ...)
{
    va_list args;
    va_start(args, format);
    char *markup = g_markup_vprintf_escaped(format, args);
    va_end(args);
    if (markup == NULL) {
        report_fail(document, COOPNET_ENOMEM, "out of memory");
        return;
    }
    report_paragraph(document, markup);
    g_free(markup);
}

/* ------------------------------------------------------------------------------------------ */
/* Figures */

typedef struct bar_chart {
    size_t n_bars;
    const char *labels[CHART_ACTORS];
    double values[CHART_ACTORS];
    coopnet_rgb_t colors[CHART_ACTORS];
    const char *value_title;
    int decimals;
} bar_chart_t;

/* Text on one line, ellipsized at width when width > 0, anchored at x. */
static void draw_text_plain(cairo_t *cr, coopnet_text_role_t role, const char *text, double x,
                            double y, double width, coopnet_align_t align, coopnet_rgb_t color)
{
    PangoLayout *layout = coopnet_style_layout(cr, role, text, width, 1);
    if (layout == NULL)
        return;
    coopnet_style_draw_layout(cr, layout, x, y, align, color);
    g_object_unref(layout);
}

/* Horizontal bars, largest on top, labels at the left and values at the bar ends. */
static void draw_bar_chart(cairo_t *cr, coopnet_rect_t rect, const void *data)
{
    const bar_chart_t *chart = data;
    const double label_width = rect.w * 0.34, value_space = 44;
    double maximum = 0;
    for (size_t i = 0; i < chart->n_bars; i++)
        if (chart->values[i] > maximum)
            maximum = chart->values[i];
    if (maximum <= 0)
        maximum = 1;
    const double title_height = 16;
    double row = (rect.h - title_height) / (double)(chart->n_bars ? chart->n_bars : 1);
    double bar_height = row * 0.62;
    double x0 = rect.x + label_width, bar_span = rect.w - label_width - value_space;
    draw_text_plain(cr, COOPNET_TEXT_HEADING, chart->value_title, x0, rect.y, bar_span,
                    COOPNET_ALIGN_LEFT, coopnet_style_muted);
    for (size_t i = 0; i < chart->n_bars; i++) {
        double y = rect.y + title_height + (double)i * row;
        double length = bar_span * chart->values[i] / maximum;
        coopnet_style_set_color(cr, chart->colors[i], 1.0);
        cairo_rectangle(cr, x0, y + (row - bar_height) / 2, length > 0.5 ? length : 0.5,
                        bar_height);
        cairo_fill(cr);
        double text_y = y + row / 2 - 6;
        draw_text_plain(cr, COOPNET_TEXT_TICK, chart->labels[i], x0 - 6, text_y, label_width - 8,
                        COOPNET_ALIGN_RIGHT, coopnet_style_text);
        char value[32];
        snprintf(value, sizeof value, "%.*f", chart->decimals, chart->values[i]);
        draw_text_plain(cr, COOPNET_TEXT_TICK, value, x0 + length + 4, text_y, 0,
                        COOPNET_ALIGN_LEFT, coopnet_style_muted);
    }
    coopnet_style_set_color(cr, coopnet_style_grid, 1.0);
    cairo_set_line_width(cr, COOPNET_STYLE_AXIS_LINE);
    cairo_move_to(cr, x0, rect.y + title_height);
    cairo_line_to(cr, x0, rect.y + rect.h);
    cairo_stroke(cr);
}

/* Actors by level as one stacked bar with a legend under it. */
typedef struct level_bar {
    size_t counts[COOPNET_LEVEL_COUNT];
} level_bar_t;

static void draw_level_bar(cairo_t *cr, coopnet_rect_t rect, const void *data)
{
    const level_bar_t *bar = data;
    size_t total = 0;
    for (int l = 0; l < COOPNET_LEVEL_COUNT; l++)
        total += bar->counts[l];
    if (total == 0)
        return;
    double x = rect.x;
    const double bar_height = 14;
    for (int l = 0; l < COOPNET_LEVEL_COUNT; l++) {
        double width = rect.w * (double)bar->counts[l] / (double)total;
        coopnet_style_set_color(cr, coopnet_style_level_color((coopnet_level_t)l), 1.0);
        cairo_rectangle(cr, x, rect.y, width, bar_height);
        cairo_fill(cr);
        x += width;
    }
    x = rect.x;
    for (int l = 0; l < COOPNET_LEVEL_COUNT; l++) {
        char text[64];
        snprintf(text, sizeof text, "%s %zu", level_titles[l], bar->counts[l]);
        coopnet_style_set_color(cr, coopnet_style_level_color((coopnet_level_t)l), 1.0);
        cairo_rectangle(cr, x, rect.y + bar_height + 8, 8, 8);
        cairo_fill(cr);
        draw_text_plain(cr, COOPNET_TEXT_BODY, text, x + 12, rect.y + bar_height + 5, 0,
                        COOPNET_ALIGN_LEFT, coopnet_style_text);
        x += rect.w / COOPNET_LEVEL_COUNT;
    }
}

/* ------------------------------------------------------------------------------------------ */
/* Pages */

typedef struct report_page report_page_t;
typedef void (*report_page_draw_t)(report_document_t *document, const report_model_t *model,
                                   const report_page_t *page);

struct report_page {
    const char *title;
    report_page_draw_t draw;
    int number;               /* position in the document, 1-based */
    const report_page_t *all; /* every page of the document, for the contents */
    size_t n_all;
};

static void page_contents_line(report_document_t *document, int number, const char *title)
{
    char markup[256], escaped[200];
    report_escape(title, escaped, sizeof escaped);
    snprintf(markup, sizeof markup, "%s", escaped);
    report_text(document, REPORT_FONT_BODY, markup, REPORT_MARGIN_LEFT, document->y,
                REPORT_TEXT_WIDTH - 40, COOPNET_ALIGN_LEFT, coopnet_style_text);
    snprintf(markup, sizeof markup, "%d", number);
    double height =
        report_text(document, REPORT_FONT_BODY, markup, REPORT_MARGIN_LEFT + REPORT_TEXT_WIDTH,
                    document->y, 0, COOPNET_ALIGN_RIGHT, coopnet_style_muted);
    document->y += height + 3;
}

static void page_title(report_document_t *document, const report_model_t *model,
                       const report_page_t *page)
{
    cairo_t *cr = document->cr;
    const coopnet_report_options_t *options = model->options;
    char text[512], escaped[512], first[64], last[64], countries[1024];

    /* the title band */
    coopnet_style_set_color(cr, report_accent, 1.0);
    cairo_rectangle(cr, 0, 0, REPORT_PAGE_WIDTH, 250);
    cairo_fill(cr);
    report_text(document, REPORT_FONT_SMALL, "COOPERATION NETWORK MAPPING", REPORT_MARGIN_LEFT, 70,
                0, COOPNET_ALIGN_LEFT, (coopnet_rgb_t){0.75, 0.82, 0.92});
    report_escape(options->title ? options->title : "Cooperation network mapping", escaped,
                  sizeof escaped);
    double height = report_text(document, REPORT_FONT_COVER_TITLE, escaped, REPORT_MARGIN_LEFT, 90,
                                REPORT_TEXT_WIDTH, COOPNET_ALIGN_LEFT, coopnet_style_white);
    format_date_long(model->first, first, sizeof first);
    format_date_long(model->last, last, sizeof last);
    format_country_list(model, countries, sizeof countries);
    if (options->country != NULL)
        snprintf(text, sizeof text, "%s and its national and international partners",
                 country_name(options->country));
    else
        snprintf(text, sizeof text, "%zu %s", model->n_countries,
                 plural(model->n_countries, "country", "countries"));
    char *subtitle = g_markup_printf_escaped("%s · %s to %s", text, first, last);
    report_text(document, REPORT_FONT_COVER_SUBTITLE, subtitle, REPORT_MARGIN_LEFT,
                90 + height + 10, REPORT_TEXT_WIDTH, COOPNET_ALIGN_LEFT,
                (coopnet_rgb_t){0.86, 0.90, 0.96});
    g_free(subtitle);
    document->y = 280;

    /* headline figures */
    char actors[32], events[32], ties[32], links[32];
    snprintf(actors, sizeof actors, "%zu", model->n_actors);
    snprintf(events, sizeof events, "%zu", model->n_events);
    snprintf(ties, sizeof ties, "%zu", model->n_ties);
    snprintf(links, sizeof links, "%lld", (long long)model->summary.n_edges);
    const char *numbers[] = {actors, events, ties, links};
    char events_label[64];
    snprintf(events_label, sizeof events_label, "events (%zu dated)", model->n_dated_events);
    const char *labels[] = {"actors", events_label, "agreements and ties", "cooperation links"};
    report_key_figures(document, numbers, labels, 4);

    report_section(document, "Actors by level");
    level_bar_t level_bar;
    memcpy(level_bar.counts, model->actors_by_level, sizeof level_bar.counts);
    report_figure(document,
                  (coopnet_rect_t){REPORT_MARGIN_LEFT, document->y, REPORT_TEXT_WIDTH, 34},
                  "levels", draw_level_bar, &level_bar);
    document->y += 46;

    report_section(document, "Scope");
    igraph_integer_t top = model->summary.n_vertices > 0 ? VECTOR(model->by_degree)[0] : -1;
    paragraph_printf(
        document,
        "This report maps <b>%zu actors</b> in %s: %zu local, %zu regional, %zu national and %zu "
        "international. They are linked by <b>%zu events</b> they attended together (%zu of them "
        "dated, from %s to %s) and <b>%zu recorded agreements and other ties</b>. Together these "
        "give a cooperation network of %lld links between actors (density %.2f) in %lld "
        "connected %s%s%s%s.",
        model->n_actors, countries[0] ? countries : "no stated country",
        model->actors_by_level[COOPNET_LEVEL_LOCAL], model->actors_by_level[COOPNET_LEVEL_REGIONAL],
        model->actors_by_level[COOPNET_LEVEL_NATIONAL],
        model->actors_by_level[COOPNET_LEVEL_INTERNATIONAL], model->n_events, model->n_dated_events,
        first, last, model->n_ties, (long long)model->summary.n_edges, model->summary.density,
        (long long)model->summary.n_components,
        plural((size_t)model->summary.n_components, "group", "groups"),
        top >= 0 ? "; the most connected actor is " : "", top >= 0 ? vertex_name(model, top) : "",
        "");
    if (options->as_of.precision != COOPNET_DATE_NONE) {
        format_date_long(options->as_of, text, sizeof text);
        paragraph_printf(document,
                         "The network is shown as it stood on %s: later events and ties, and "
                         "ties ended by then, are left out.",
                         text);
    }

    report_section(document, "Contents");
    for (size_t i = 1; i < page->n_all; i++)
        page_contents_line(document, page->all[i].number, page->all[i].title);
}

static void page_centrality(report_document_t *document, const report_model_t *model,
                            const report_page_t *page)
{
    report_page_title(document, page->number, page->title);
    igraph_integer_t n = model->summary.n_vertices;
    if (n == 0) {
        report_paragraph(document, "The network has no actors.");
        return;
    }
    igraph_integer_t top_degree = VECTOR(model->by_degree)[0];
    igraph_integer_t top_between = VECTOR(model->by_betweenness)[0];
    double total_betweenness = 0, top3 = 0;
    for (igraph_integer_t i = 0; i < n; i++)
        total_betweenness += VECTOR(model->betweenness)[VECTOR(model->by_betweenness)[i]];
    for (igraph_integer_t i = 0; i < n && i < 3; i++)
        top3 += VECTOR(model->betweenness)[VECTOR(model->by_betweenness)[i]];
    paragraph_printf(
        document,
        "<b>%s</b> has the most partners: %.0f of the other %lld actors. <b>%s</b> lies on the "
        "most shortest paths between other actors (betweenness %.1f); the three leading brokers "
        "together hold %.0f%% of all betweenness, so the network depends on %s for its cohesion.",
        vertex_name(model, top_degree), VECTOR(model->degree)[top_degree], (long long)(n - 1),
        vertex_name(model, top_between), VECTOR(model->betweenness)[top_between],
        total_betweenness > 0 ? 100.0 * top3 / total_betweenness : 0.0,
        total_betweenness > 0 && top3 / total_betweenness > 0.6 ? "very few actors"
                                                                : "a handful of actors");

    bar_chart_t chart = {0};
    chart.value_title = "Betweenness: shortest paths through the actor";
    chart.decimals = 1;
    for (igraph_integer_t i = 0; i < n && i < CHART_ACTORS; i++) {
        igraph_integer_t v = VECTOR(model->by_betweenness)[i];
        const coopnet_actor_t *actor =
            &model->bundle->actors[VECTOR(model->graph.actor_of_vertex)[v]];
        chart.labels[i] = actor->name;
        chart.values[i] = VECTOR(model->betweenness)[v];
        chart.colors[i] = coopnet_style_level_color(actor->level);
        chart.n_bars++;
    }
    double chart_height = 16 + 13.5 * (double)chart.n_bars;
    report_figure(
        document,
        (coopnet_rect_t){REPORT_MARGIN_LEFT, document->y, REPORT_TEXT_WIDTH, chart_height},
        "betweenness", draw_bar_chart, &chart);
    document->y += chart_height + 10;

    report_section(document, "The 15 actors with the most partners");
    static const char *const headers[] = {"Actor",  "Level",       "Country",
                                          "Degree", "Betweenness", "PageRank"};
    static const double widths[] = {3.2, 1.5, 1.1, 1.0, 1.4, 1.2};
    static const coopnet_align_t aligns[] = {COOPNET_ALIGN_LEFT,  COOPNET_ALIGN_LEFT,
                                             COOPNET_ALIGN_LEFT,  COOPNET_ALIGN_RIGHT,
                                             COOPNET_ALIGN_RIGHT, COOPNET_ALIGN_RIGHT};
    const char *cells[TOP_ACTORS * 6];
    char numbers[TOP_ACTORS][3][32];
    coopnet_rgb_t swatches[TOP_ACTORS];
    size_t rows = 0;
    for (igraph_integer_t i = 0; i < n && i < TOP_ACTORS; i++, rows++) {
        igraph_integer_t v = VECTOR(model->by_degree)[i];
        const coopnet_actor_t *actor =
            &model->bundle->actors[VECTOR(model->graph.actor_of_vertex)[v]];
        snprintf(numbers[i][0], 32, "%.0f", VECTOR(model->degree)[v]);
        snprintf(numbers[i][1], 32, "%.1f", VECTOR(model->betweenness)[v]);
        snprintf(numbers[i][2], 32, "%.4f", VECTOR(model->pagerank)[v]);
        const char *row[6] = {actor->name,
                              level_titles[actor->level],
                              actor->country[0] ? actor->country : "—",
                              numbers[i][0],
                              numbers[i][1],
                              numbers[i][2]};
        memcpy(&cells[i * 6], row, sizeof row);
        swatches[i] = coopnet_style_level_color(actor->level);
    }
    report_table_t table = {
        6, rows, headers, widths, aligns, cells, swatches, REPORT_MARGIN_LEFT, REPORT_TEXT_WIDTH};
    report_table_draw(document, &table);
    report_text(document, REPORT_FONT_SMALL,
                "Degree: distinct partners. Betweenness: shortest paths between other actors "
                "through the actor (unweighted). PageRank: share of time a random walk along the "
                "links spends at the actor (damping 0.85). Colours give the level.",
                REPORT_MARGIN_LEFT, document->y, REPORT_TEXT_WIDTH, COOPNET_ALIGN_LEFT,
                coopnet_style_muted);
}

/* Source documents: the part of each " | "-separated citation before its first ':'. */
#define MAX_DOCUMENTS 256
typedef struct source_counts {
    char *names[MAX_DOCUMENTS];
    size_t counts[MAX_DOCUMENTS][4]; /* actors, events, participations, ties */
    size_t n_documents;
    size_t uncited[4];
} source_counts_t;

static void count_citations(source_counts_t *sources, const char *source, int kind)
{
    char seen[MAX_DOCUMENTS] = {0};
    bool any = false;
    const char *p = source;
    while (*p) {
        while (*p == ' ' || *p == '|')
            p++;
        const char *end = p;
        while (*end && *end != ':' && *end != '|' && *end != ' ' && *end != '"')
            end++;
        if (*end == ':' && end > p) {
            size_t length = (size_t)(end - p);
            size_t d = 0;
            while (d < sources->n_documents && !(strlen(sources->names[d]) == length &&
                                                 memcmp(sources->names[d], p, length) == 0))
                d++;
            if (d == sources->n_documents && d < MAX_DOCUMENTS) {
                sources->names[d] = strndup(p, length);
                if (sources->names[d] != NULL)
                    sources->n_documents++;
            }
            if (d < sources->n_documents && !seen[d]) {
                seen[d] = 1;
                sources->counts[d][kind]++;
                any = true;
            }
        }
        /* on to the next citation */
        const char *bar = strstr(end, " | ");
        if (bar == NULL)
            break;
        p = bar + 3;
    }
    if (!any)
        sources->uncited[kind]++;
}

static int compare_document_names(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

static void page_sources(report_document_t *document, const report_model_t *model,
                         const report_page_t *page)
{
    const coopnet_bundle_t *bundle = model->bundle;
    source_counts_t *sources = calloc(1, sizeof *sources);
    if (sources == NULL) {
        report_fail(document, COOPNET_ENOMEM, "out of memory");
        return;
    }
    report_page_title(document, page->number, page->title);
    for (size_t a = 0; a < bundle->n_actors; a++)
        if (model->actor_kept[a])
            count_citations(sources, bundle->actors[a].source, 0);
    for (size_t e = 0; e < bundle->n_events; e++)
        if (model->event_kept[e])
            count_citations(sources, bundle->events[e].source, 1);
    for (size_t p = 0; p < bundle->n_participations; p++)
        if (model->event_kept[bundle->participations[p].event] &&
            model->actor_kept[bundle->participations[p].actor])
            count_citations(sources, bundle->participations[p].source, 2);
    for (size_t t = 0; t < bundle->n_ties; t++)
        if (model->actor_kept[bundle->ties[t].from] && model->actor_kept[bundle->ties[t].to] &&
            coopnet_graph_keeps_tie(bundle, t, &model->graph_options))
            count_citations(sources, bundle->ties[t].source, 3);
    /* sort the documents by name, carrying their counts */
    size_t order[MAX_DOCUMENTS];
    char *sorted_names[MAX_DOCUMENTS];
    memcpy(sorted_names, sources->names, sizeof sorted_names);
    qsort(sorted_names, sources->n_documents, sizeof *sorted_names, compare_document_names);
    for (size_t i = 0; i < sources->n_documents; i++)
        for (size_t d = 0; d < sources->n_documents; d++)
            if (sources->names[d] == sorted_names[i])
                order[i] = d;

    size_t total_records =
        model->n_actors + model->n_events + model->n_participations + model->n_ties;
    size_t uncited =
        sources->uncited[0] + sources->uncited[1] + sources->uncited[2] + sources->uncited[3];
    paragraph_printf(document,
                     "Every record of the bundle names the document it comes from and quotes "
                     "it. The %zu records in this report (actors, events, participations and "
                     "ties) cite %zu source %s; %zu %s no source.",
                     total_records, sources->n_documents,
                     plural(sources->n_documents, "document", "documents"), uncited,
                     plural(uncited, "record cites", "records cite"));

    static const char *const headers[] = {"Source document", "Actors", "Events",
                                          "Participations",  "Ties",   "Records"};
    static const double widths[] = {2.6, 0.9, 0.9, 1.4, 0.8, 1.0};
    static const coopnet_align_t aligns[] = {COOPNET_ALIGN_LEFT,  COOPNET_ALIGN_RIGHT,
                                             COOPNET_ALIGN_RIGHT, COOPNET_ALIGN_RIGHT,
                                             COOPNET_ALIGN_RIGHT, COOPNET_ALIGN_RIGHT};
    size_t rows = sources->n_documents < 12 ? sources->n_documents : 12;
    const char **cells = calloc((rows + 1) * 6, sizeof *cells);
    char(*numbers)[5][16] = calloc(rows + 1, sizeof *numbers);
    if (cells == NULL || numbers == NULL) {
        report_fail(document, COOPNET_ENOMEM, "out of memory");
        goto cleanup;
    }
    for (size_t i = 0; i < rows; i++) {
        size_t d = order[i], sum = 0;
        cells[i * 6] = sources->names[d];
        for (int k = 0; k < 4; k++) {
            snprintf(numbers[i][k], 16, "%zu", sources->counts[d][k]);
            cells[i * 6 + 1 + k] = numbers[i][k];
            sum += sources->counts[d][k];
        }
        snprintf(numbers[i][4], 16, "%zu", sum);
        cells[i * 6 + 5] = numbers[i][4];
    }
    report_table_t table = {
        6, rows, headers, widths, aligns, cells, NULL, REPORT_MARGIN_LEFT, REPORT_TEXT_WIDTH};
    report_table_draw(document, &table);

    report_section(document, "Events with unknown dates");
    size_t undated = model->n_events - model->n_dated_events;
    if (undated == 0) {
        report_paragraph(document, "Every event in the report is dated.");
    } else {
        paragraph_printf(document,
                         "%zu of the %zu events have no date in the sources. They count in the "
                         "network but not in the reach and change-over-time analyses:",
                         undated, model->n_events);
        for (size_t e = 0; e < bundle->n_events; e++) {
            if (!model->event_kept[e] || bundle->events[e].date.precision != COOPNET_DATE_NONE)
                continue;
            char *markup = g_markup_printf_escaped("•  %s", bundle->events[e].title);
            document->y +=
                report_text(document, REPORT_FONT_BODY, markup, REPORT_MARGIN_LEFT + 8, document->y,
                            REPORT_TEXT_WIDTH - 8, COOPNET_ALIGN_LEFT, coopnet_style_text) +
                2;
            g_free(markup);
        }
        document->y += 6;
    }

    report_section(document, "Method notes");
    static const char *const notes[][2] = {
        {"Cooperation network", "actors are linked when they attend an event together or share "
                                "a recorded tie; links are unweighted in every measure below"},
        {"Degree", "number of distinct partners"},
        {"Betweenness", "shortest paths between other actors that pass through the actor"},
        {"PageRank", "share of a random walk's time spent at the actor (damping 0.85)"},
        {"Density", "links present out of all possible links between the actors"},
    };
    for (size_t i = 0; i < sizeof notes / sizeof notes[0]; i++) {
        char *markup = g_markup_printf_escaped("<b>%s</b>: %s.", notes[i][0], notes[i][1]);
        document->y +=
            report_text(document, REPORT_FONT_SMALL, markup, REPORT_MARGIN_LEFT, document->y,
                        REPORT_TEXT_WIDTH, COOPNET_ALIGN_LEFT, coopnet_style_text) +
            2.5;
        g_free(markup);
    }
cleanup:
    free(cells);
    free(numbers);
    for (size_t d = 0; d < sources->n_documents; d++)
        free(sources->names[d]);
    free(sources);
}

/* ------------------------------------------------------------------------------------------ */

void coopnet_report_options_init(coopnet_report_options_t *options)
{
    memset(options, 0, sizeof *options);
    options->as_of.precision = COOPNET_DATE_NONE;
}

int coopnet_report_write_pdf(const coopnet_bundle_t *bundle,
                             const coopnet_report_options_t *options, FILE *stream,
                             coopnet_error_t *err)
{
    report_model_t model;
    report_document_t document;
    int status;
    const char *title = options->title ? options->title : "Cooperation network mapping";
    report_page_t pages[] = {
        {"Title and scope", page_title, 0, NULL, 0},
        {"Who holds it together", page_centrality, 0, NULL, 0},
        {"Sources and method notes", page_sources, 0, NULL, 0},
    };
    const size_t n_pages = sizeof pages / sizeof pages[0];
    for (size_t i = 0; i < n_pages; i++) {
        pages[i].number = (int)i + 1;
        pages[i].all = pages;
        pages[i].n_all = n_pages;
    }

    if (options->country != NULL && !coopnet_country_is_valid(options->country))
        return COOPNET_ERROR(err, COOPNET_EINVAL,
                             "invalid country '%s' (expected an ISO 3166-1 alpha-2 code such as "
                             "MA)",
                             options->country);
    if ((status = report_model_init(&model, bundle, options, err)) != COOPNET_OK)
        goto cleanup;

    char date_text[64], footer[256], metadata_date[32];
    int year, month, day;
    coopnet_date_civil_from_days(coopnet_date_last_day(model.data_date), &year, &month, &day);
    snprintf(metadata_date, sizeof metadata_date, "%04d-%02d-%02dT00:00:00", year, month, day);
    format_date_long(model.data_date, date_text, sizeof date_text);
    snprintf(footer, sizeof footer, "Data as of %s · bundle %s · coopnet %s", date_text,
             bundle->name, COOPNET_VERSION_STRING);
    if ((status = report_document_begin(&document, stream, title, metadata_date, footer,
                                        (int)n_pages, options->png_directory, err)) != COOPNET_OK)
        goto cleanup;
    for (size_t i = 0; i < n_pages; i++) {
        coopnet_progress_report(options->progress, "report pages", i, n_pages);
        report_page_begin(&document, pages[i].title, i == 0);
        pages[i].draw(&document, &model, &pages[i]);
        report_page_end(&document);
    }
    coopnet_progress_report(options->progress, "report pages", n_pages, n_pages);
    status = report_document_finish(&document);
cleanup:
    report_model_destroy(&model);
    return status;
}
