/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bundle_graphml.c - a GraphML file read as a bundle (see coopnet_bundle_load_graphml). */
#include "model/bundle_internal.h"
#include "coopnet/library.h"
#include "core/internal.h"
#include "core/names.h"
#include "io/suggest.h"

#include <errno.h>
#include <glib.h>
#include <limits.h>
#include <libxml/xmlreader.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* The type of a vertex or edge attribute, or IGRAPH_ATTRIBUTE_UNSPECIFIED when there is none. */
static igraph_attribute_type_t attribute_type(const igraph_t *graph,
                                              igraph_attribute_elemtype_t element, const char *name)
{
    igraph_attribute_type_t type = IGRAPH_ATTRIBUTE_UNSPECIFIED;
    igraph_strvector_t names;
    igraph_vector_int_t types;
    if (igraph_strvector_init(&names, 0) != IGRAPH_SUCCESS)
        return type;
    if (igraph_vector_int_init(&types, 0) != IGRAPH_SUCCESS) {
        igraph_strvector_destroy(&names);
        return type;
    }
    int vertex = element == IGRAPH_ATTRIBUTE_VERTEX;
    if (igraph_cattribute_list(graph, NULL, NULL, vertex ? &names : NULL, vertex ? &types : NULL,
                               vertex ? NULL : &names, vertex ? NULL : &types) == IGRAPH_SUCCESS) {
        for (igraph_integer_t i = 0; i < igraph_strvector_size(&names); i++)
            if (strcmp(igraph_strvector_get(&names, i), name) == 0)
                type = (igraph_attribute_type_t)VECTOR(types)[i];
    }
    igraph_vector_int_destroy(&types);
    igraph_strvector_destroy(&names);
    return type;
}

/* A string vertex attribute as text ("" when absent); numeric attributes are printed. */
static const char *vertex_text(const igraph_t *graph, const char *name, igraph_integer_t vertex,
                               char *buffer, size_t size)
{
    igraph_attribute_type_t type = attribute_type(graph, IGRAPH_ATTRIBUTE_VERTEX, name);
    if (type == IGRAPH_ATTRIBUTE_STRING)
        return VAS(graph, name, vertex);
    if (type == IGRAPH_ATTRIBUTE_NUMERIC) {
        double value = VAN(graph, name, vertex);
        if (isnan(value))
            return "";
        snprintf(buffer, size, "%.10g", value);
        return buffer;
    }
    return "";
}

static double vertex_number(const igraph_t *graph, const char *name, igraph_integer_t vertex)
{
    char buffer[64];
    const char *text = vertex_text(graph, name, vertex, buffer, sizeof buffer);
    char *end;
    double value = strtod(text, &end);
    return text[0] != '\0' && *end == '\0' && isfinite(value) ? value : NAN;
}

/* A copy of text in the bundle's strings, in Unicode NFC (a character reference such as
 * "e&#x301;" can still give NFD text after the file itself was normalised; text that is not
 * UTF-8 is kept as it is). NULL when memory ran out. */
static const char *keep(coopnet_bundle_t *bundle, const char *text)
{
    char *nfc;
    size_t length = strlen(text);
    coopnet_i_names_nfc(text, length, &nfc, &length);
    const char *kept =
        coopnet_i_arena_strndup(&bundle->internal->strings, nfc ? nfc : text, length);
    free(nfc);
    return kept;
}

/* Whether a GraphML document's bytes are to be read as UTF-8: no XML declaration, or one without
 * an encoding, or encoding UTF-8 (a document declared in another encoding is left to libxml2). */
static bool declared_utf8(const char *text, size_t size)
{
    if (size < 5 || memcmp(text, "<?xml", 5) != 0)
        return true;
    const char *end = memchr(text, '>', size);
    size_t length = end ? (size_t)(end - text) : size;
    const char *encoding = NULL;
    for (size_t i = 0; i + 8 <= length && encoding == NULL; i++)
        if (memcmp(text + i, "encoding", 8) == 0)
            encoding = text + i + 8;
    if (encoding == NULL)
        return true;
    while (encoding < text + length &&
           (*encoding == ' ' || *encoding == '=' || *encoding == '"' || *encoding == '\''))
        encoding++;
    return (size_t)(text + length - encoding) >= 5 &&
           (strncasecmp(encoding, "utf-8", 5) == 0 || strncasecmp(encoding, "utf8", 4) == 0);
}

/* Where each node and edge of a GraphML file is declared, from the structural check: igraph's
 * reader numbers vertices and edges in document order, so line[i] is the line of the i-th. */
typedef struct graphml_lines {
    uint64_t *node_line, *edge_line;
    size_t n_nodes, n_edges, node_capacity, edge_capacity;
} graphml_lines_t;

static void graphml_lines_destroy(graphml_lines_t *lines)
{
    free(lines->node_line);
    free(lines->edge_line);
    memset(lines, 0, sizeof *lines);
}

/* An edge's end, checked against the declared nodes once the whole graph is read (GraphML lets
 * an edge come before its nodes). */
typedef struct edge_end {
    const char *node;      /* in the arena */
    const char *attribute; /* "source" or "target" */
    uint64_t line;
} edge_end_t;

/* libxml2 prints parse errors on stderr by default; they are left to igraph's reader, which
 * reports them as a diagnostic. */
static void ignore_xml_error(void *context, xmlErrorPtr error)
{
    (void)context;
    (void)error;
}

/* The structural rules igraph's reader does not enforce, with the line of each problem: one
 * <graph> per file, no hyperedges, unique node ids, every edge between declared nodes (igraph
 * would merge duplicate nodes and create the missing ones). Fills lines. Returns COOPNET_OK
 * (problems are diagnostics; a file libxml2 cannot parse is left to igraph's reader, which
 * says why), or COOPNET_ENOMEM. Uses libxml2's streaming reader without network access or
 * entity expansion. O(file size). */
static int check_graphml_structure(const char *path, const char *text, size_t size,
                                   const char *file, coopnet_diag_list_t *diags,
                                   graphml_lines_t *lines)
{
    coopnet_arena_t strings;
    coopnet_strmap_t node_ids;
    edge_end_t *ends = NULL;
    size_t n_ends = 0, end_capacity = 0;
    uint64_t first_graph_line = 0;
    int status = COOPNET_ENOMEM;
    coopnet_i_arena_init(&strings);
    coopnet_i_strmap_init(&node_ids);
    int options = XML_PARSE_NONET | XML_PARSE_BIG_LINES | XML_PARSE_NOERROR | XML_PARSE_NOWARNING;
    xmlTextReaderPtr reader = text != NULL
                                  ? xmlReaderForMemory(text, (int)size, path, NULL, options)
                                  : xmlReaderForFile(path, NULL, options);
    if (reader == NULL) {
        status = COOPNET_OK; /* igraph's reader will say why */
        goto cleanup;
    }
    xmlTextReaderSetStructuredErrorHandler(reader, ignore_xml_error, NULL);
    int read;
    while ((read = xmlTextReaderRead(reader)) == 1) {
        if (xmlTextReaderNodeType(reader) != XML_READER_TYPE_ELEMENT)
            continue;
        const char *name = (const char *)xmlTextReaderConstLocalName(reader);
        /* the element's own line (the parser's line is ahead, in its buffer) */
        long element_line = xmlGetLineNo(xmlTextReaderCurrentNode(reader));
        uint64_t line = element_line > 0 ? (uint64_t)element_line : 0;
        if (strcmp(name, "graph") == 0) {
            if (first_graph_line != 0)
                coopnet_diag_add(diags, COOPNET_DIAG_ERROR, file, line,
                                 "a second <graph> (the first is on line %llu): coopnet reads "
                                 "one graph per file",
                                 (unsigned long long)first_graph_line);
            else
                first_graph_line = line;
        } else if (strcmp(name, "hyperedge") == 0) {
            coopnet_diag_add(diags, COOPNET_DIAG_ERROR, file, line,
                             "<hyperedge>: hyperedges are not supported (write one <edge> per "
                             "pair of nodes)");
        } else if (strcmp(name, "node") == 0 || strcmp(name, "edge") == 0) {
            bool is_node = name[0] == 'n';
            if (coopnet_i_grow(is_node ? (void **)&lines->node_line : (void **)&lines->edge_line,
                               is_node ? &lines->node_capacity : &lines->edge_capacity,
                               (is_node ? lines->n_nodes : lines->n_edges) + 1,
                               sizeof(uint64_t)) != COOPNET_OK)
                goto cleanup;
            if (is_node)
                lines->node_line[lines->n_nodes++] = line;
            else
                lines->edge_line[lines->n_edges++] = line;
            const char *attributes[] = {is_node ? "id" : "source", is_node ? NULL : "target"};
            for (size_t a = 0; a < 2 && attributes[a] != NULL; a++) {
                xmlChar *value = xmlTextReaderGetAttribute(reader, (const xmlChar *)attributes[a]);
                if (value == NULL)
                    continue; /* igraph's reader refuses it */
                /* in NFC, as the loader keeps it */
                char *nfc;
                size_t length = strlen((const char *)value);
                coopnet_i_names_nfc((const char *)value, length, &nfc, &length);
                char *kept =
                    coopnet_i_arena_strndup(&strings, nfc ? nfc : (const char *)value, length);
                free(nfc);
                xmlFree(value);
                if (kept == NULL)
                    goto cleanup;
                if (is_node) {
                    int64_t first;
                    if (coopnet_i_strmap_put(&node_ids, kept, (int64_t)line, &first) != 0)
                        goto cleanup;
                    if (first >= 0)
                        coopnet_diag_add(diags, COOPNET_DIAG_ERROR, file, line,
                                         "duplicate node id '%s' (first on line %llu)", kept,
                                         (unsigned long long)first);
                    continue;
                }
                if (coopnet_i_grow((void **)&ends, &end_capacity, n_ends + 1, sizeof *ends) !=
                    COOPNET_OK)
                    goto cleanup;
                ends[n_ends++] = (edge_end_t){kept, attributes[a], line};
            }
        }
    }
    if (read == 0) /* the whole file was read: the ends can be checked */
        for (size_t i = 0; i < n_ends; i++)
            if (coopnet_i_strmap_get(&node_ids, ends[i].node) < 0)
                coopnet_diag_add(diags, COOPNET_DIAG_ERROR, file, ends[i].line,
                                 "edge %s '%s' is not a declared <node>", ends[i].attribute,
                                 ends[i].node);
    status = COOPNET_OK;
cleanup:
    if (reader != NULL)
        xmlFreeTextReader(reader);
    free(ends);
    coopnet_i_strmap_destroy(&node_ids);
    coopnet_i_arena_destroy(&strings);
    return status;
}

/* Reads the file at path and, when it is a UTF-8 document (declared_utf8) whose text is not all
 * in NFC, sets *text to its NFC form (malloc'd, *size bytes); *text stays NULL when the file is
 * to be read as it is (already NFC, another encoding, over 2 GiB for libxml2's memory reader).
 * COOPNET_EIO when the file cannot be read, COOPNET_ENOMEM. O(file size). */
static int read_as_nfc(const char *path, char **text, size_t *size, coopnet_error_t *err)
{
    *text = NULL;
    *size = 0;
    FILE *input = fopen(path, "rb");
    if (input == NULL)
        return COOPNET_ERROR(err, COOPNET_EIO, "cannot read '%s': %s", path, strerror(errno));
    char *contents = NULL;
    size_t length = 0, capacity = 0;
    for (;;) {
        if (coopnet_i_grow((void **)&contents, &capacity, length + 65536, 1) != COOPNET_OK) {
            fclose(input);
            free(contents);
            return COOPNET_ERROR(err, COOPNET_ENOMEM, "out of memory loading '%s'", path);
        }
        size_t got = fread(contents + length, 1, capacity - length, input);
        length += got;
        if (got == 0)
            break;
    }
    int read_error = ferror(input) ? errno : 0;
    fclose(input);
    if (read_error != 0) {
        free(contents);
        return COOPNET_ERROR(err, COOPNET_EIO, "cannot read '%s': %s", path, strerror(read_error));
    }
    int status = COOPNET_OK;
    char *nfc = NULL;
    size_t nfc_length = 0;
    if (length <= INT_MAX && declared_utf8(contents, length) &&
        !coopnet_i_names_nfc(contents, length, &nfc, &nfc_length) && nfc == NULL &&
        g_utf8_validate(contents, (gssize)length, NULL))
        status = COOPNET_ERROR(err, COOPNET_ENOMEM, "out of memory loading '%s'", path);
    free(contents);
    if (nfc != NULL && nfc_length > INT_MAX) {
        free(nfc);
        nfc = NULL;
    }
    *text = nfc;
    *size = nfc_length;
    return status;
}

int coopnet_bundle_load_graphml(const char *path, coopnet_diag_list_t *diags,
                                coopnet_bundle_t **result, coopnet_error_t *err)
{
    coopnet_library_init();
    *result = NULL;
    const char *file = strrchr(path, '/') ? strrchr(path, '/') + 1 : path;
    /* a UTF-8 document is read in Unicode NFC, so that one id typed two ways (NFC and NFD
     * "café") is one node and the names are in one form; otherwise the file is read as it is */
    char *nfc_text = NULL;
    size_t nfc_size = 0;
    if (read_as_nfc(path, &nfc_text, &nfc_size, err) != COOPNET_OK)
        return err->code;
    FILE *input = nfc_text != NULL ? fmemopen(nfc_text, nfc_size, "rb") : fopen(path, "rb");
    if (input == NULL) {
        free(nfc_text);
        return COOPNET_ERROR(err, COOPNET_EIO, "cannot read '%s': %s", path, strerror(errno));
    }
    uint64_t errors_before = diags->n_errors;
    graphml_lines_t lines = {0};
    if (check_graphml_structure(path, nfc_text, nfc_size, file, diags, &lines) != COOPNET_OK) {
        fclose(input);
        free(nfc_text);
        graphml_lines_destroy(&lines);
        return COOPNET_ERROR(err, COOPNET_ENOMEM, "out of memory loading '%s'", path);
    }
    if (diags->n_errors > errors_before) { /* igraph's reader would merge or invent nodes */
        fclose(input);
        free(nfc_text);
        graphml_lines_destroy(&lines);
        uint64_t count = diags->n_errors - errors_before;
        return COOPNET_ERROR(err, COOPNET_EDATA, "'%s': %llu error%s in the data", path,
                             (unsigned long long)count, count == 1 ? "" : "s");
    }
    igraph_t graph;
    igraph_error_t read_status = igraph_read_graph_graphml(&graph, input, 0);
    fclose(input);
    free(nfc_text);
    if (read_status != IGRAPH_SUCCESS) {
        graphml_lines_destroy(&lines);
        if (read_status == IGRAPH_ENOMEM)
            return coopnet_i_igraph_failed(err, read_status, "reading GraphML");
        coopnet_i_igraph_failed(err, read_status, "not a valid GraphML file");
        coopnet_diag_add(diags, COOPNET_DIAG_ERROR, file, 0, "%s", err->message);
        return COOPNET_ERROR(err, COOPNET_EDATA, "'%s': not a valid GraphML file", path);
    }

    int status = COOPNET_ENOMEM;
    coopnet_bundle_t *bundle = coopnet_i_bundle_alloc(path);
    igraph_integer_t n_vertices = igraph_vcount(&graph);
    igraph_integer_t n_edges = igraph_ecount(&graph);
    /* the lines apply when igraph read exactly the elements the check saw */
    bool have_lines = lines.n_nodes == (size_t)n_vertices && lines.n_edges == (size_t)n_edges;
    if (bundle == NULL)
        goto cleanup;
    bundle->actors = calloc((size_t)n_vertices + 1, sizeof *bundle->actors);
    bundle->ties = calloc((size_t)n_edges + 1, sizeof *bundle->ties);
    if (bundle->actors == NULL || bundle->ties == NULL)
        goto cleanup;

    for (igraph_integer_t v = 0; v < n_vertices; v++) {
        char buffer[64], fallback[32];
        coopnet_actor_t *actor = &bundle->actors[v];
        actor->line = have_lines ? lines.node_line[v] : 0;
        const char *id = vertex_text(&graph, "id", v, buffer, sizeof buffer);
        if (id[0] == '\0') {
            snprintf(fallback, sizeof fallback, "n%lld", (long long)v);
            id = fallback;
        }
        actor->id = keep(bundle, id);
        const char *name = vertex_text(&graph, "name", v, buffer, sizeof buffer);
        actor->name = keep(bundle, name[0] ? name : actor->id ? actor->id : "");
        const char *level = vertex_text(&graph, "level", v, buffer, sizeof buffer);
        int parsed = level[0] ? coopnet_level_parse(level) : COOPNET_LEVEL_LOCAL;
        if (parsed < 0) {
            char hint[64];
            coopnet_i_suggest_level(level, hint, sizeof hint);
            coopnet_diag_add(diags, COOPNET_DIAG_ERROR, file, actor->line,
                             "node '%s': attribute 'level': unknown level '%s' (expected local, "
                             "regional, national or international)%s",
                             actor->id ? actor->id : "", level, hint);
        }
        actor->level = parsed < 0 ? COOPNET_LEVEL_LOCAL : (coopnet_level_t)parsed;
        const char *country = vertex_text(&graph, "country", v, buffer, sizeof buffer);
        if (country[0] && !coopnet_country_is_valid(country)) {
            char hint[64];
            coopnet_i_suggest_country(country, hint, sizeof hint);
            coopnet_diag_add(diags, COOPNET_DIAG_ERROR, file, actor->line,
                             "node '%s': attribute 'country': unknown country code '%s' "
                             "(expected ISO 3166-1 alpha-2)%s",
                             actor->id ? actor->id : "", country, hint);
            country = "";
        }
        actor->country = keep(bundle, country);
        actor->type = keep(bundle, vertex_text(&graph, "type", v, buffer, sizeof buffer));
        actor->name_ar = keep(bundle, vertex_text(&graph, "name_ar", v, buffer, sizeof buffer));
        actor->name_fr = keep(bundle, vertex_text(&graph, "name_fr", v, buffer, sizeof buffer));
        actor->source = keep(bundle, file);
        actor->lat = vertex_number(&graph, "lat", v);
        actor->lon = vertex_number(&graph, "lon", v);
        if (!actor->id || !actor->name || !actor->country || !actor->type || !actor->name_ar ||
            !actor->name_fr || !actor->source)
            goto cleanup;
        int64_t existing;
        if (coopnet_i_strmap_put(&bundle->internal->actor_ids, actor->id, v, &existing) != 0)
            goto cleanup;
        if (existing >= 0)
            coopnet_diag_add(diags, COOPNET_DIAG_ERROR, file, actor->line, "duplicate node id '%s'",
                             actor->id);
        bundle->n_actors++;
    }

    /* igraph's EAN does not check the attribute's type: reading a string or boolean attribute
     * as numbers would give garbage weights, so each type is read its own way */
    igraph_attribute_type_t weight_type = attribute_type(&graph, IGRAPH_ATTRIBUTE_EDGE, "weight");
    if (weight_type != IGRAPH_ATTRIBUTE_UNSPECIFIED && weight_type != IGRAPH_ATTRIBUTE_NUMERIC &&
        weight_type != IGRAPH_ATTRIBUTE_STRING) {
        coopnet_diag_add(diags, COOPNET_DIAG_ERROR, file, 0,
                         "edge attribute 'weight' is not numeric (declare it with "
                         "attr.type=\"double\")");
        weight_type = IGRAPH_ATTRIBUTE_UNSPECIFIED;
    }
    const char *tie_type = keep(bundle, "graphml");
    if (tie_type == NULL)
        goto cleanup;
    /* a file coopnet wrote says what supports each link: read back, that is the tie's type, so
     * that converting it again gives the same layers */
    bool have_layers =
        attribute_type(&graph, IGRAPH_ATTRIBUTE_EDGE, "layers") == IGRAPH_ATTRIBUTE_STRING;
    for (igraph_integer_t e = 0; e < n_edges; e++) {
        coopnet_tie_t *tie = &bundle->ties[bundle->n_ties];
        tie->line = have_lines ? lines.edge_line[e] : 0;
        tie->from = (int32_t)IGRAPH_FROM(&graph, e);
        tie->to = (int32_t)IGRAPH_TO(&graph, e);
        if (tie->from == tie->to)
            continue; /* a self-loop carries no cooperation */
        tie->type = tie_type;
        if (have_layers && EAS(&graph, "layers", e)[0] != '\0' &&
            (tie->type = keep(bundle, EAS(&graph, "layers", e))) == NULL)
            goto cleanup;
        tie->source = bundle->actors[0].source;
        tie->note = "";
        tie->start_source = "";
        tie->directed = igraph_is_directed(&graph);
        char weight_text[64];
        tie->weight = 1.0;
        if (weight_type == IGRAPH_ATTRIBUTE_NUMERIC) {
            tie->weight = EAN(&graph, "weight", e);
            /* NaN: the edge gives no value for a declared attribute */
            snprintf(weight_text, sizeof weight_text, "%g", tie->weight);
            if (isnan(tie->weight))
                weight_text[0] = '\0';
        } else if (weight_type == IGRAPH_ATTRIBUTE_STRING) {
            const char *text = EAS(&graph, "weight", e);
            char *end;
            tie->weight = strtod(text, &end);
            if (text[0] == '\0' || *end != '\0')
                tie->weight = NAN;
            snprintf(weight_text, sizeof weight_text, "%s", text);
        }
        if (!(tie->weight > 0) || !isfinite(tie->weight)) {
            const char *from = bundle->actors[tie->from].id, *to = bundle->actors[tie->to].id;
            if (weight_text[0] == '\0')
                coopnet_diag_add(diags, COOPNET_DIAG_ERROR, file, tie->line,
                                 "edge %lld ('%s' - '%s'): no value for the attribute 'weight'",
                                 (long long)e, from, to);
            else
                coopnet_diag_add(diags, COOPNET_DIAG_ERROR, file, tie->line,
                                 "edge %lld ('%s' - '%s'): weight '%s' is not a positive number",
                                 (long long)e, from, to, weight_text);
            continue;
        }
        bundle->n_ties++;
    }
    status = coopnet_i_bundle_finish(bundle, diags, file, file, file);
    if (status == COOPNET_OK && diags->n_errors > errors_before)
        status = COOPNET_ERROR(err, COOPNET_EDATA, "'%s': %llu error%s in the data", path,
                               (unsigned long long)(diags->n_errors - errors_before),
                               diags->n_errors - errors_before == 1 ? "" : "s");
cleanup:
    if (status == COOPNET_ENOMEM)
        COOPNET_ERROR(err, COOPNET_ENOMEM, "out of memory loading '%s'", path);
    igraph_destroy(&graph);
    graphml_lines_destroy(&lines);
    if (status != COOPNET_OK) {
        coopnet_bundle_free(bundle);
        return status;
    }
    *result = bundle;
    return COOPNET_OK;
}
