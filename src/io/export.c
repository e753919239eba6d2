/* SPDX-License-Identifier: GPL-3.0-or-later */
/* export.c - GraphML, GEXF 1.3, Pajek and edge-list output (see coopnet/export.h). */
#include "coopnet/export.h"
#include "coopnet/table.h"
#include "core/internal.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

int coopnet_export_format_from_path(const char *path, coopnet_export_format_t *format,
                                    coopnet_error_t *err)
{
    const char *dot = strrchr(path, '.');
    const char *slash = strrchr(path, '/');
    if (dot == NULL || (slash && dot < slash))
        return COOPNET_ERROR(err, COOPNET_EINVAL,
                             "cannot tell the format of '%s': name it .graphml, .gexf, .net or "
                             ".csv, or name the format",
                             path);
    if (coopnet_export_format_parse(dot + 1, format, err) != COOPNET_OK)
        return COOPNET_ERROR(err, COOPNET_EINVAL,
                             "unknown output format '%s' (expected .graphml, .gexf, .net or .csv)",
                             dot);
    return COOPNET_OK;
}

int coopnet_export_format_parse(const char *name, coopnet_export_format_t *format,
                                coopnet_error_t *err)
{
    if (strcasecmp(name, "graphml") == 0)
        *format = COOPNET_EXPORT_GRAPHML;
    else if (strcasecmp(name, "gexf") == 0)
        *format = COOPNET_EXPORT_GEXF;
    else if (strcasecmp(name, "net") == 0 || strcasecmp(name, "pajek") == 0)
        *format = COOPNET_EXPORT_PAJEK;
    else if (strcasecmp(name, "csv") == 0)
        *format = COOPNET_EXPORT_EDGELIST;
    else if (strcasecmp(name, "csv-raw") == 0)
        *format = COOPNET_EXPORT_EDGELIST_RAW;
    else
        return COOPNET_ERROR(
            err, COOPNET_EINVAL,
            "unknown output format '%s' (expected graphml, gexf, net, csv or csv-raw)", name);
    return COOPNET_OK;
}

/* XML text: escapes markup characters; control characters XML 1.0 forbids become spaces. */
static void xml_text(FILE *stream, const char *text)
{
    for (const unsigned char *p = (const unsigned char *)text; *p; p++) {
        switch (*p) {
        case '&':
            fputs("&amp;", stream);
            break;
        case '<':
            fputs("&lt;", stream);
            break;
        case '>':
            fputs("&gt;", stream);
            break;
        case '"':
            fputs("&quot;", stream);
            break;
        case '\'':
            fputs("&apos;", stream);
            break;
        default:
            fputc(*p < 0x20 && *p != '\t' && *p != '\n' && *p != '\r' ? ' ' : *p, stream);
        }
    }
}

/* The ends of edge e, smaller vertex first (igraph stores undirected edges the other way). */
static void edge_ends(const coopnet_graph_t *graph, igraph_integer_t e, igraph_integer_t *first,
                      igraph_integer_t *second)
{
    igraph_integer_t from = IGRAPH_FROM(&graph->graph, e), to = IGRAPH_TO(&graph->graph, e);
    *first = from < to ? from : to;
    *second = from < to ? to : from;
}

/* The id of the actor at vertex v. */
static const char *vertex_id(const coopnet_bundle_t *bundle, const coopnet_graph_t *graph,
                             igraph_integer_t v)
{
    return bundle->actors[VECTOR(graph->actor_of_vertex)[v]].id;
}

/* The actor string attributes every export carries, in this order. */
static const char *const actor_columns[] = {"name",    "level",   "type",  "country",
                                            "name_ar", "name_fr", "source"};
#define N_ACTOR_COLUMNS (sizeof actor_columns / sizeof actor_columns[0])

static void write_graphml(const coopnet_bundle_t *bundle, const coopnet_graph_t *graph,
                          FILE *stream)
{
    fputs("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
          "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\"\n"
          "    xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\"\n"
          "    xsi:schemaLocation=\"http://graphml.graphdrawing.org/xmlns "
          "http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd\">\n",
          stream);
    for (size_t c = 0; c < N_ACTOR_COLUMNS; c++)
        fprintf(stream, "  <key id=\"v_%s\" for=\"node\" attr.name=\"%s\" attr.type=\"string\"/>\n",
                actor_columns[c], actor_columns[c]);
    fputs("  <key id=\"v_lat\" for=\"node\" attr.name=\"lat\" attr.type=\"double\"/>\n"
          "  <key id=\"v_lon\" for=\"node\" attr.name=\"lon\" attr.type=\"double\"/>\n",
          stream);
    const coopnet_extra_columns_t *extra = &bundle->actor_extra;
    for (size_t c = 0; c < extra->n_columns; c++) {
        fprintf(stream, "  <key id=\"v_extra%zu\" for=\"node\" attr.name=\"", c);
        xml_text(stream, extra->names[c]);
        fputs("\" attr.type=\"string\"/>\n", stream);
    }
    fputs("  <key id=\"e_weight\" for=\"edge\" attr.name=\"weight\" attr.type=\"double\"/>\n"
          "  <key id=\"e_events\" for=\"edge\" attr.name=\"events\" attr.type=\"int\"/>\n"
          "  <key id=\"e_ties\" for=\"edge\" attr.name=\"ties\" attr.type=\"int\"/>\n"
          "  <key id=\"e_layers\" for=\"edge\" attr.name=\"layers\" attr.type=\"string\"/>\n"
          "  <graph id=\"",
          stream);
    xml_text(stream, bundle->name);
    fputs("\" edgedefault=\"undirected\">\n", stream);

    igraph_integer_t n_vertices = igraph_vcount(&graph->graph);
    for (igraph_integer_t v = 0; v < n_vertices; v++) {
        size_t a = (size_t)VECTOR(graph->actor_of_vertex)[v];
        const coopnet_actor_t *actor = &bundle->actors[a];
        fputs("    <node id=\"", stream);
        xml_text(stream, actor->id);
        fputs("\">\n", stream);
        for (size_t c = 0; c < N_ACTOR_COLUMNS; c++) {
            const char *value = coopnet_bundle_actor_attribute(bundle, a, actor_columns[c]);
            if (value == NULL || value[0] == '\0')
                continue;
            fprintf(stream, "      <data key=\"v_%s\">", actor_columns[c]);
            xml_text(stream, value);
            fputs("</data>\n", stream);
        }
        if (!isnan(actor->lat))
            fprintf(
                stream,
                "      <data key=\"v_lat\">%.10g</data>\n      <data key=\"v_lon\">%.10g</data>\n",
                actor->lat, actor->lon);
        for (size_t c = 0; c < extra->n_columns; c++) {
            const char *value = extra->values[a * extra->n_columns + c];
            if (value[0] == '\0')
                continue;
            fprintf(stream, "      <data key=\"v_extra%zu\">", c);
            xml_text(stream, value);
            fputs("</data>\n", stream);
        }
        fputs("    </node>\n", stream);
    }
    igraph_integer_t n_edges = igraph_ecount(&graph->graph);
    for (igraph_integer_t e = 0; e < n_edges; e++) {
        igraph_integer_t u, v;
        edge_ends(graph, e, &u, &v);
        fputs("    <edge source=\"", stream);
        xml_text(stream, vertex_id(bundle, graph, u));
        fputs("\" target=\"", stream);
        xml_text(stream, vertex_id(bundle, graph, v));
        fprintf(stream,
                "\">\n      <data key=\"e_weight\">%.10g</data>\n"
                "      <data key=\"e_events\">%lld</data>\n"
                "      <data key=\"e_ties\">%lld</data>\n      <data key=\"e_layers\">",
                VECTOR(graph->weight)[e], (long long)VECTOR(graph->shared_events)[e],
                (long long)VECTOR(graph->shared_ties)[e]);
        xml_text(stream, coopnet_graph_edge_layers(graph, e));
        fputs("</data>\n    </edge>\n", stream);
    }
    fputs("  </graph>\n</graphml>\n", stream);
}

/* When each vertex and each edge first appear (from kept events and ties, their dates read as
 * bounds against the study window): the earliest possible day, and the day by which they surely
 * appeared (the least latest day); INT32_MAX when never. */
typedef struct first_dates {
    int32_t *vertex, *vertex_surely;
    int32_t *edge, *edge_surely;
} first_dates_t;

static int find_first_dates(const coopnet_bundle_t *bundle, const coopnet_graph_t *graph,
                            const coopnet_graph_options_t *options, first_dates_t *dates,
                            coopnet_error_t *err)
{
    igraph_integer_t n_vertices = igraph_vcount(&graph->graph);
    igraph_integer_t n_edges = igraph_ecount(&graph->graph);
    dates->vertex = coopnet_i_alloc_array((size_t)n_vertices + 1, sizeof *dates->vertex);
    dates->vertex_surely = coopnet_i_alloc_array((size_t)n_vertices + 1, sizeof(int32_t));
    dates->edge = coopnet_i_alloc_array((size_t)n_edges + 1, sizeof *dates->edge);
    dates->edge_surely = coopnet_i_alloc_array((size_t)n_edges + 1, sizeof(int32_t));
    if (!dates->vertex || !dates->vertex_surely || !dates->edge || !dates->edge_surely)
        return COOPNET_ERROR(err, COOPNET_ENOMEM, "out of memory writing GEXF");
    for (igraph_integer_t v = 0; v < n_vertices; v++)
        dates->vertex[v] = dates->vertex_surely[v] = INT32_MAX;
    for (igraph_integer_t e = 0; e < n_edges; e++)
        dates->edge[e] = dates->edge_surely[e] = INT32_MAX;
    int32_t window_first, window_last;
    bool have_window = coopnet_graph_options_window(options, bundle, &window_first, &window_last);
    const igraph_integer_t *vertex_of = VECTOR(graph->vertex_of_actor);
    int status = COOPNET_OK;
    for (size_t k = 0; k < bundle->n_events + bundle->n_ties; k++) {
        int32_t day, surely;
        int is_event = k < bundle->n_events;
        coopnet_date_t date;
        if (is_event) {
            if (!coopnet_graph_keeps_event(bundle, k, options))
                continue;
            date = bundle->events[k].date;
        } else {
            size_t t = k - bundle->n_events;
            if (!coopnet_graph_keeps_tie(bundle, t, options))
                continue;
            date = bundle->ties[t].start;
        }
        if (date.precision == COOPNET_DATE_NONE && !have_window)
            continue;
        coopnet_date_bounds(date, window_first, window_last, &day, &surely);
        size_t first = is_event ? bundle->event_start[k] : 0;
        size_t last = is_event ? bundle->event_start[k + 1] : 2;
        for (size_t p = first; p < last; p++) {
            int32_t actor = is_event ? bundle->participations[p].actor
                                     : (p == 0 ? bundle->ties[k - bundle->n_events].from
                                               : bundle->ties[k - bundle->n_events].to);
            igraph_integer_t u = vertex_of[actor];
            if (u < 0)
                continue;
            if (day < dates->vertex[u])
                dates->vertex[u] = day;
            if (surely < dates->vertex_surely[u])
                dates->vertex_surely[u] = surely;
            for (size_t q = p + 1; q < last; q++) {
                int32_t other = is_event ? bundle->participations[q].actor
                                         : bundle->ties[k - bundle->n_events].to;
                igraph_integer_t w = vertex_of[other];
                igraph_integer_t edge = -1;
                if (w < 0 || w == u)
                    continue;
                /* with error = false a missing edge is -1: a co-attending pair the backbone left
                 * out has none, and one joined by a tie alone does not date from the event */
                COOPNET_IGRAPH_CHECK(err, status,
                                     igraph_get_eid(&graph->graph, &edge, u, w, IGRAPH_UNDIRECTED,
                                                    /*error=*/false),
                                     "writing GEXF");
                if (edge < 0 || (is_event && VECTOR(graph->shared_events)[edge] == 0))
                    continue;
                if (day < dates->edge[edge])
                    dates->edge[edge] = day;
                if (surely < dates->edge_surely[edge])
                    dates->edge_surely[edge] = surely;
            }
        }
    }
cleanup:
    return status;
}

static void surely_by(FILE *stream, int32_t day)
{
    if (day == INT32_MAX)
        return;
    char text[COOPNET_DATE_TEXT_SIZE];
    coopnet_date_format(coopnet_date_from_day(day), text);
    fprintf(stream, "          <attvalue for=\"surely_by\" value=\"%s\"/>\n", text);
}

static void gexf_spell(FILE *stream, int32_t day, const char *indent)
{
    if (day == INT32_MAX)
        return;
    char text[COOPNET_DATE_TEXT_SIZE];
    coopnet_date_format(coopnet_date_from_day(day), text);
    fprintf(stream, "%s<spells><spell start=\"%s\"/></spells>\n", indent, text);
}

static int write_gexf(const coopnet_bundle_t *bundle, const coopnet_graph_t *graph,
                      const coopnet_graph_options_t *options, FILE *stream, coopnet_error_t *err)
{
    first_dates_t dates = {NULL, NULL, NULL, NULL};
    int status = find_first_dates(bundle, graph, options, &dates, err);
    if (status != COOPNET_OK)
        goto cleanup;
    coopnet_date_t first, last;
    coopnet_bundle_date_range(bundle, &first, &last);
    char modified[COOPNET_DATE_TEXT_SIZE] = "";
    coopnet_date_format_day(last, modified);

    fputs("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
          "<gexf xmlns=\"http://gexf.net/1.3\" "
          "xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\"\n"
          "      xsi:schemaLocation=\"http://gexf.net/1.3 http://gexf.net/1.3/gexf.xsd\" "
          "version=\"1.3\">\n",
          stream);
    if (modified[0])
        fprintf(stream, "  <meta lastmodifieddate=\"%s\">\n", modified);
    else
        fputs("  <meta>\n", stream);
    fputs("    <creator>coopnet</creator>\n    <description>cooperation graph of ", stream);
    xml_text(stream, bundle->name);
    fputs("; spells start at the earliest possible day of the first event or tie (dates read as "
          "bounds); surely_by: the day by which it surely appeared</description>\n  </meta>\n"
          "  <graph defaultedgetype=\"undirected\" mode=\"dynamic\" timeformat=\"date\">\n"
          "    <attributes class=\"node\" mode=\"static\">\n",
          stream);
    for (size_t c = 1; c < N_ACTOR_COLUMNS; c++)
        fprintf(stream, "      <attribute id=\"%s\" title=\"%s\" type=\"string\"/>\n",
                actor_columns[c], actor_columns[c]);
    fputs("      <attribute id=\"lat\" title=\"lat\" type=\"double\"/>\n"
          "      <attribute id=\"lon\" title=\"lon\" type=\"double\"/>\n"
          "      <attribute id=\"surely_by\" title=\"surely_by\" type=\"string\"/>\n"
          "    </attributes>\n"
          "    <attributes class=\"edge\" mode=\"static\">\n"
          "      <attribute id=\"events\" title=\"events\" type=\"integer\"/>\n"
          "      <attribute id=\"ties\" title=\"ties\" type=\"integer\"/>\n"
          "      <attribute id=\"layers\" title=\"layers\" type=\"string\"/>\n"
          "      <attribute id=\"surely_by\" title=\"surely_by\" type=\"string\"/>\n"
          "    </attributes>\n    <nodes>\n",
          stream);
    igraph_integer_t n_vertices = igraph_vcount(&graph->graph);
    for (igraph_integer_t v = 0; v < n_vertices; v++) {
        size_t a = (size_t)VECTOR(graph->actor_of_vertex)[v];
        const coopnet_actor_t *actor = &bundle->actors[a];
        fputs("      <node id=\"", stream);
        xml_text(stream, actor->id);
        fputs("\" label=\"", stream);
        xml_text(stream, actor->name);
        fputs("\">\n        <attvalues>\n", stream);
        for (size_t c = 1; c < N_ACTOR_COLUMNS; c++) {
            const char *value = coopnet_bundle_actor_attribute(bundle, a, actor_columns[c]);
            if (value[0] == '\0')
                continue;
            fprintf(stream, "          <attvalue for=\"%s\" value=\"", actor_columns[c]);
            xml_text(stream, value);
            fputs("\"/>\n", stream);
        }
        if (!isnan(actor->lat))
            fprintf(stream,
                    "          <attvalue for=\"lat\" value=\"%.10g\"/>\n"
                    "          <attvalue for=\"lon\" value=\"%.10g\"/>\n",
                    actor->lat, actor->lon);
        surely_by(stream, dates.vertex_surely[v]);
        fputs("        </attvalues>\n", stream);
        gexf_spell(stream, dates.vertex[v], "        ");
        fputs("      </node>\n", stream);
    }
    fputs("    </nodes>\n    <edges>\n", stream);
    igraph_integer_t n_edges = igraph_ecount(&graph->graph);
    for (igraph_integer_t e = 0; e < n_edges; e++) {
        igraph_integer_t u, v;
        edge_ends(graph, e, &u, &v);
        fprintf(stream, "      <edge id=\"%lld\" source=\"", (long long)e);
        xml_text(stream, vertex_id(bundle, graph, u));
        fputs("\" target=\"", stream);
        xml_text(stream, vertex_id(bundle, graph, v));
        fprintf(stream,
                "\" weight=\"%.10g\">\n        <attvalues>\n"
                "          <attvalue for=\"events\" value=\"%lld\"/>\n"
                "          <attvalue for=\"ties\" value=\"%lld\"/>\n"
                "          <attvalue for=\"layers\" value=\"",
                VECTOR(graph->weight)[e], (long long)VECTOR(graph->shared_events)[e],
                (long long)VECTOR(graph->shared_ties)[e]);
        xml_text(stream, coopnet_graph_edge_layers(graph, e));
        fputs("\"/>\n", stream);
        surely_by(stream, dates.edge_surely[e]);
        fputs("        </attvalues>\n", stream);
        gexf_spell(stream, dates.edge[e], "        ");
        fputs("      </edge>\n", stream);
    }
    fputs("    </edges>\n  </graph>\n</gexf>\n", stream);
cleanup:
    free(dates.vertex);
    free(dates.vertex_surely);
    free(dates.edge);
    free(dates.edge_surely);
    return status;
}

static void write_pajek(const coopnet_bundle_t *bundle, const coopnet_graph_t *graph, FILE *stream)
{
    igraph_integer_t n_vertices = igraph_vcount(&graph->graph);
    fprintf(stream, "*Vertices %lld\n", (long long)n_vertices);
    for (igraph_integer_t v = 0; v < n_vertices; v++) {
        const char *name = bundle->actors[VECTOR(graph->actor_of_vertex)[v]].name;
        fprintf(stream, "%lld \"", (long long)v + 1);
        for (const char *p = name; *p; p++)
            fputc(*p == '"' ? '\'' : (*p == '\n' || *p == '\r') ? ' ' : *p, stream);
        fputs("\"\n", stream);
    }
    fputs("*Edges\n", stream);
    igraph_integer_t n_edges = igraph_ecount(&graph->graph);
    for (igraph_integer_t e = 0; e < n_edges; e++) {
        igraph_integer_t u, v;
        edge_ends(graph, e, &u, &v);
        fprintf(stream, "%lld %lld %.10g\n", (long long)u + 1, (long long)v + 1,
                VECTOR(graph->weight)[e]);
    }
}

static void write_edgelist(const coopnet_bundle_t *bundle, const coopnet_graph_t *graph,
                           coopnet_table_format_t format, FILE *stream)
{
    static const char *const columns[] = {"from", "to", "weight", "events", "ties", "layers"};
    coopnet_table_t table;
    coopnet_table_begin(&table, stream, format, columns, 6);
    igraph_integer_t n_edges = igraph_ecount(&graph->graph);
    for (igraph_integer_t e = 0; e < n_edges; e++) {
        igraph_integer_t u, v;
        edge_ends(graph, e, &u, &v);
        coopnet_table_string(&table, vertex_id(bundle, graph, u));
        coopnet_table_string(&table, vertex_id(bundle, graph, v));
        coopnet_table_number(&table, VECTOR(graph->weight)[e]);
        coopnet_table_integer(&table, VECTOR(graph->shared_events)[e]);
        coopnet_table_integer(&table, VECTOR(graph->shared_ties)[e]);
        coopnet_table_string(&table, coopnet_graph_edge_layers(graph, e));
        coopnet_table_end_row(&table);
    }
    coopnet_table_end(&table);
}

int coopnet_export_write(const coopnet_bundle_t *bundle, const coopnet_graph_t *graph,
                         const coopnet_graph_options_t *options, coopnet_export_format_t format,
                         FILE *stream, coopnet_error_t *err)
{
    switch (format) {
    case COOPNET_EXPORT_GRAPHML:
        write_graphml(bundle, graph, stream);
        return COOPNET_OK;
    case COOPNET_EXPORT_GEXF:
        return write_gexf(bundle, graph, options, stream, err);
    case COOPNET_EXPORT_PAJEK:
        write_pajek(bundle, graph, stream);
        return COOPNET_OK;
    case COOPNET_EXPORT_EDGELIST:
        write_edgelist(bundle, graph, COOPNET_TABLE_CSV, stream);
        return COOPNET_OK;
    case COOPNET_EXPORT_EDGELIST_RAW:
        write_edgelist(bundle, graph, COOPNET_TABLE_CSV_RAW, stream);
        return COOPNET_OK;
    }
    return COOPNET_ERROR(err, COOPNET_EINVAL, "unknown export format");
}
