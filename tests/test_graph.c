/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test_graph.c - the cooperation graph, the two-mode graph, and the export formats. */
#include "testing.h"

#include <coopnet/coopnet.h>
#include "figures/draw.h"
#include "model/graph_internal.h"
#include <stdlib.h>

/* Four actors; e1 = {a, b, c}, e2 = {a, b}, e3 (2025) = {c, d}; tie a-d weight 2 from 2024-06. */
static const char actors[] = "id,name,level,country\na,A,local,MA\nb,B,national,MA\n"
                             "c,C,international,\nd,D,local,IQ\n";
static const char events[] = "id,title,date\ne1,One,2024-01-10\ne2,Two,2024-03\ne3,Three,2025\n";
static const char participation[] = "event,actor\ne1,a\ne1,b\ne1,c\ne2,a\ne2,b\ne3,c\ne3,d\n";
static const char ties[] = "from,to,type,start,weight\na,d,mou,2024-06,2\n";

static coopnet_bundle_t *load_example(void)
{
    coopnet_diag_list_t diags;
    coopnet_bundle_t *bundle = NULL;
    coopnet_error_t err;
    coopnet_diag_list_init(&diags);
    CHECK_INT(coopnet_bundle_load_memory(actors, sizeof actors - 1, events, sizeof events - 1,
                                         participation, sizeof participation - 1, ties,
                                         sizeof ties - 1, &diags, &bundle, &err),
              COOPNET_OK);
    coopnet_diag_list_destroy(&diags);
    return bundle;
}

/* The weight of the edge between actors x and y (by id), or -1 when absent. */
static double weight_between(const coopnet_bundle_t *bundle, const coopnet_graph_t *graph,
                             const char *x, const char *y)
{
    igraph_integer_t u = VECTOR(graph->vertex_of_actor)[coopnet_bundle_find_actor(bundle, x)];
    igraph_integer_t v = VECTOR(graph->vertex_of_actor)[coopnet_bundle_find_actor(bundle, y)];
    igraph_integer_t edge;
    if (u < 0 || v < 0)
        return -1;
    igraph_get_eid(&graph->graph, &edge, u, v, IGRAPH_UNDIRECTED, false);
    return edge < 0 ? -1 : VECTOR(graph->weight)[edge];
}

static void test_weightings(void)
{
    coopnet_bundle_t *bundle = load_example();
    coopnet_graph_options_t options;
    coopnet_graph_t graph;
    coopnet_error_t err;
    coopnet_graph_options_init(&options);
    CHECK_INT(coopnet_graph_init_cooperation(&graph, bundle, &options, &err), COOPNET_OK);
    CHECK_INT(igraph_vcount(&graph.graph), 4);
    CHECK_INT(igraph_ecount(&graph.graph), 5); /* ab ac bc cd ad */
    CHECK(!igraph_is_directed(&graph.graph));
    CHECK_NEAR(weight_between(bundle, &graph, "a", "b"), 2, 1e-12);
    CHECK_NEAR(weight_between(bundle, &graph, "a", "c"), 1, 1e-12);
    CHECK_NEAR(weight_between(bundle, &graph, "a", "d"), 2, 1e-12); /* the tie only */
    CHECK_NEAR(weight_between(bundle, &graph, "b", "d"), -1, 0);
    coopnet_graph_destroy(&graph);

    options.weighting = COOPNET_WEIGHTING_NEWMAN; /* e1 gives 1/2 per pair, e2 and e3 give 1 */
    CHECK_INT(coopnet_graph_init_cooperation(&graph, bundle, &options, &err), COOPNET_OK);
    CHECK_NEAR(weight_between(bundle, &graph, "a", "b"), 1.5, 1e-12);
    CHECK_NEAR(weight_between(bundle, &graph, "b", "c"), 0.5, 1e-12);
    CHECK_NEAR(weight_between(bundle, &graph, "c", "d"), 1, 1e-12);
    coopnet_graph_destroy(&graph);

    options.weighting = COOPNET_WEIGHTING_JACCARD; /* shared / events of either */
    CHECK_INT(coopnet_graph_init_cooperation(&graph, bundle, &options, &err), COOPNET_OK);
    CHECK_NEAR(weight_between(bundle, &graph, "a", "b"), 1.0, 1e-12);     /* 2 / 2 */
    CHECK_NEAR(weight_between(bundle, &graph, "a", "c"), 1.0 / 3, 1e-12); /* 1 / 3 */
    CHECK_NEAR(weight_between(bundle, &graph, "a", "d"), 2.0, 1e-12);     /* tie only */
    coopnet_graph_destroy(&graph);
    coopnet_bundle_free(bundle);
}

static void test_filters(void)
{
    coopnet_bundle_t *bundle = load_example();
    coopnet_graph_options_t options;
    coopnet_graph_t graph;
    coopnet_error_t err;

    coopnet_graph_options_init(&options);
    options.layer = COOPNET_LAYER_TIES;
    CHECK_INT(coopnet_graph_init_cooperation(&graph, bundle, &options, &err), COOPNET_OK);
    CHECK_INT(igraph_ecount(&graph.graph), 1);
    coopnet_graph_destroy(&graph);

    options.layer = COOPNET_LAYER_EVENTS;
    CHECK_INT(coopnet_graph_init_cooperation(&graph, bundle, &options, &err), COOPNET_OK);
    CHECK_INT(igraph_ecount(&graph.graph), 4);
    coopnet_graph_destroy(&graph);

    coopnet_graph_options_init(&options); /* as of 2024-02: only e1 */
    CHECK_INT(coopnet_date_parse("2024-02", &options.as_of, &err), COOPNET_OK);
    CHECK_INT(coopnet_graph_init_cooperation(&graph, bundle, &options, &err), COOPNET_OK);
    CHECK_INT(igraph_ecount(&graph.graph), 3);
    coopnet_graph_destroy(&graph);
    CHECK_INT(coopnet_date_parse("2024", &options.as_of, &err), COOPNET_OK); /* all of 2024 */
    CHECK_INT(coopnet_graph_init_cooperation(&graph, bundle, &options, &err), COOPNET_OK);
    CHECK_INT(igraph_ecount(&graph.graph), 4); /* ab ac bc + the tie ad */
    coopnet_graph_destroy(&graph);

    coopnet_graph_options_init(&options);
    const char *exclude[] = {"c"};
    options.exclude = exclude;
    options.n_exclude = 1;
    CHECK_INT(coopnet_graph_init_cooperation(&graph, bundle, &options, &err), COOPNET_OK);
    CHECK_INT(igraph_vcount(&graph.graph), 3);
    CHECK_INT(igraph_ecount(&graph.graph), 2); /* ab ad */
    CHECK_INT(VECTOR(graph.vertex_of_actor)[2], -1);
    CHECK_INT(VECTOR(graph.actor_of_vertex)[2], 3);
    coopnet_graph_destroy(&graph);

    const char *unknown[] = {"nobody"};
    options.exclude = unknown;
    CHECK_INT(coopnet_graph_init_cooperation(&graph, bundle, &options, &err), COOPNET_EINVAL);
    CHECK_CONTAINS(err.message, "unknown actor 'nobody' among the actors to exclude");
    coopnet_graph_destroy(&graph); /* a failed init leaves a destroyable object */

    coopnet_graph_options_init(&options);
    CHECK_INT(coopnet_graph_parse_levels("local,international", &options.level_mask, &err),
              COOPNET_OK);
    CHECK_INT(coopnet_graph_init_cooperation(&graph, bundle, &options, &err), COOPNET_OK);
    CHECK_INT(igraph_vcount(&graph.graph), 3);
    CHECK_INT(igraph_ecount(&graph.graph), 3); /* ac cd ad */
    coopnet_graph_destroy(&graph);
    CHECK_INT(coopnet_graph_parse_levels("local,city", &options.level_mask, &err), COOPNET_EINVAL);
    CHECK_CONTAINS(err.message, "unknown level 'city'");
    coopnet_layer_t layer;
    CHECK_INT(coopnet_graph_parse_layer("both", &layer, &err), COOPNET_EINVAL);
    coopnet_weighting_t weighting;
    CHECK_INT(coopnet_graph_parse_weighting("newman", &weighting, &err), COOPNET_OK);
    CHECK_INT(weighting, COOPNET_WEIGHTING_NEWMAN);
    coopnet_bundle_free(bundle);
}

static void test_two_mode_and_summary(void)
{
    coopnet_bundle_t *bundle = load_example();
    coopnet_graph_options_t options;
    coopnet_two_mode_t two_mode;
    coopnet_graph_t graph;
    coopnet_graph_summary_t summary;
    coopnet_error_t err;
    coopnet_graph_options_init(&options);
    CHECK_INT(coopnet_two_mode_init(&two_mode, bundle, &options, &err), COOPNET_OK);
    CHECK_INT(igraph_vcount(&two_mode.graph), 7);
    CHECK_INT(igraph_ecount(&two_mode.graph), 7);
    CHECK_INT(two_mode.n_actor_vertices, 4);
    CHECK(VECTOR(two_mode.is_event)[4]);
    CHECK_INT(VECTOR(two_mode.item)[6], 2);
    coopnet_two_mode_destroy(&two_mode);

    CHECK_INT(coopnet_graph_init_cooperation(&graph, bundle, &options, &err), COOPNET_OK);
    CHECK_INT(coopnet_graph_summarise(&graph, &summary, &err), COOPNET_OK);
    CHECK_INT(summary.n_components, 1);
    CHECK_NEAR(summary.density, 5.0 / 6.0, 1e-12);
    coopnet_graph_destroy(&graph);
    coopnet_bundle_free(bundle);
}

/* Writes the export of format to a memory buffer. */
static char *export_text(coopnet_export_format_t format)
{
    coopnet_bundle_t *bundle = load_example();
    coopnet_graph_options_t options;
    coopnet_graph_t graph;
    coopnet_error_t err;
    char *text = NULL;
    size_t size = 0;
    coopnet_graph_options_init(&options);
    CHECK_INT(coopnet_graph_init_cooperation(&graph, bundle, &options, &err), COOPNET_OK);
    FILE *stream = open_memstream(&text, &size);
    CHECK_INT(coopnet_export_write(bundle, &graph, &options, format, stream, &err), COOPNET_OK);
    fclose(stream);
    coopnet_graph_destroy(&graph);
    coopnet_bundle_free(bundle);
    return text;
}

static void test_exports(void)
{
    char *text = export_text(COOPNET_EXPORT_EDGELIST);
    CHECK_STR(text, "from,to,weight,events,ties,layers\na,b,2,2,0,events\na,c,1,1,0,events\n"
                    "a,d,2,0,1,mou\nb,c,1,1,0,events\nc,d,1,1,0,events\n");
    free(text);
    text = export_text(COOPNET_EXPORT_PAJEK);
    CHECK_CONTAINS(text, "*Vertices 4\n1 \"A\"\n");
    CHECK_CONTAINS(text, "*Edges\n1 2 2\n");
    free(text);
    text = export_text(COOPNET_EXPORT_GRAPHML);
    CHECK_CONTAINS(text, "<node id=\"a\">");
    CHECK_CONTAINS(text, "<data key=\"v_level\">national</data>");
    CHECK_CONTAINS(text, "<edge source=\"a\" target=\"b\">");
    CHECK_CONTAINS(text, "attr.name=\"layers\" attr.type=\"string\"");
    CHECK_CONTAINS(text, "<data key=\"e_layers\">mou</data>");
    free(text);
    text = export_text(COOPNET_EXPORT_GEXF);
    CHECK_CONTAINS(text, "<gexf xmlns=\"http://gexf.net/1.3\"");
    CHECK_CONTAINS(text, "timeformat=\"date\"");
    /* d appears first with the tie (2024-06-01), before e3 (2025) */
    CHECK_CONTAINS(text, "<node id=\"d\" label=\"D\">");
    CHECK_CONTAINS(text, "<spell start=\"2024-06-01\"/>");
    CHECK_CONTAINS(text, "<spell start=\"2024-01-10\"/>");
    CHECK_CONTAINS(text, "<attvalue for=\"layers\" value=\"mou\"/>");
    free(text);

    coopnet_export_format_t format;
    coopnet_error_t err;
    CHECK_INT(coopnet_export_format_from_path("x/out.GEXF", &format, &err), COOPNET_OK);
    CHECK_INT(format, COOPNET_EXPORT_GEXF);
    CHECK_INT(coopnet_export_format_from_path("out.xlsx", &format, &err), COOPNET_EINVAL);
    CHECK_CONTAINS(err.message, "unknown output format '.xlsx'");
}

/* coopnet_i_graph_keep_vertices_only: the links and their data go, the vertices, their actors,
 * the options and the build stay (values computed before it are still its values). */
static void test_keep_vertices_only(void)
{
    coopnet_bundle_t *bundle = load_example();
    if (bundle == NULL)
        return;
    coopnet_graph_options_t options;
    coopnet_graph_options_init(&options);
    coopnet_graph_t graph, whole;
    coopnet_error_t err;
    CHECK_INT(coopnet_graph_init_cooperation(&graph, bundle, &options, &err), COOPNET_OK);
    CHECK_INT(coopnet_graph_init_cooperation(&whole, bundle, &options, &err), COOPNET_OK);
    igraph_vector_t degree;
    igraph_vector_init(&degree, 0);
    CHECK_INT(coopnet_centrality_compute(&graph, COOPNET_MEASURE_DEGREE, false, &degree, &err),
              COOPNET_OK);
    uint64_t build = graph.build_id;
    CHECK(igraph_ecount(&graph.graph) > 0);
    CHECK_INT(coopnet_i_graph_keep_vertices_only(&graph, &err), COOPNET_OK);
    CHECK_INT(igraph_ecount(&graph.graph), 0);
    CHECK_INT(igraph_vcount(&graph.graph), igraph_vcount(&whole.graph));
    CHECK_INT(igraph_vector_size(&graph.weight), 0);
    CHECK_INT(igraph_vector_int_size(&graph.shared_events), 0);
    CHECK_INT(igraph_vector_int_size(&graph.shared_ties), 0);
    CHECK_INT(igraph_vector_int_size(&graph.layer_set), 0);
    CHECK(igraph_vector_int_all_e(&graph.actor_of_vertex, &whole.actor_of_vertex));
    CHECK(igraph_vector_int_all_e(&graph.vertex_of_actor, &whole.vertex_of_actor));
    CHECK(graph.build_id == build);
    CHECK(graph.bundle == bundle);
    coopnet_vertex_values_t values = {graph.build_id, &degree, "degree"};
    CHECK_INT(coopnet_i_vertex_values_check(&values, &graph, &err), COOPNET_OK);
    igraph_vector_destroy(&degree);
    coopnet_graph_destroy(&graph);
    coopnet_graph_destroy(&whole);
    coopnet_bundle_free(bundle);
}

static void test_mena_dataset(void)
{
    coopnet_diag_list_t diags;
    coopnet_bundle_t *bundle = NULL;
    coopnet_error_t err;
    coopnet_diag_list_init(&diags);
    CHECK_INT(coopnet_bundle_load(COOPNET_SOURCE_DIR "/datasets/mena-hub", &diags, &bundle, &err),
              COOPNET_OK);
    CHECK_INT(diags.n_errors, 0);
    if (bundle == NULL)
        return;
    static const char *const required[] = {
        "rabat",         "tangier",    "fes",     "agadir",      "marrakech", "oujda",
        "tetouan",       "miqdadiyah", "halabja", "tel_afar",    "saida",     "sabha",
        "greater_amman", "karak",      "ajloun",  "sousse",      "valletta",  "greater_manchester",
        "strasbourg",    "nccve",      "cnlct",   "ampcc",       "omev",      "eu",
        "euam_iraq",     "dfat",       "iij",     "iom",         "usip",      "undp",
        "uclga",         "usaid",      "gctf",    "scn_mena_hub"};
    for (size_t i = 0; i < sizeof required / sizeof required[0]; i++) {
        if (coopnet_bundle_find_actor(bundle, required[i]) < 0)
            fprintf(stderr, "missing actor '%s'\n", required[i]);
        CHECK(coopnet_bundle_find_actor(bundle, required[i]) >= 0);
    }
    for (size_t a = 0; a < bundle->n_actors; a++)
        CHECK(bundle->actors[a].source[0] != '\0');
    for (size_t p = 0; p < bundle->n_participations; p++)
        CHECK(bundle->participations[p].source[0] != '\0');
    for (size_t t = 0; t < bundle->n_ties; t++)
        CHECK(bundle->ties[t].source[0] != '\0');
    CHECK_STR(bundle->actors[coopnet_bundle_find_actor(bundle, "fes")].name_ar,
              "\xd9\x81\xd8\xa7\xd8\xb3");

    /* Saida and Fes attended a common dated event before Fes adopted its youth council */
    long saida = coopnet_bundle_find_actor(bundle, "saida");
    long fes = coopnet_bundle_find_actor(bundle, "fes");
    int32_t adoption = coopnet_date_days_from_civil(2025, 2, 17);
    int common_before = 0;
    for (size_t e = 0; e < bundle->n_events; e++) {
        int saw_saida = 0, saw_fes = 0;
        for (size_t p = bundle->event_start[e]; p < bundle->event_start[e + 1]; p++) {
            saw_saida |= bundle->participations[p].actor == saida;
            saw_fes |= bundle->participations[p].actor == fes;
        }
        if (saw_saida && saw_fes && bundle->events[e].date.precision != COOPNET_DATE_NONE &&
            bundle->events[e].date.day < adoption)
            common_before = 1;
    }
    CHECK(common_before);
    coopnet_bundle_free(bundle);
    coopnet_diag_list_destroy(&diags);

    coopnet_diag_list_init(&diags);
    CHECK_INT(coopnet_bundle_load(COOPNET_SOURCE_DIR "/datasets/davis-southern-women", &diags,
                                  &bundle, &err),
              COOPNET_OK);
    CHECK_INT(diags.n_errors, 0);
    if (bundle) {
        CHECK_INT(bundle->n_actors, 18);
        CHECK_INT(bundle->n_events, 14);
        CHECK_INT(bundle->n_participations, 89);
    }
    coopnet_bundle_free(bundle);
    coopnet_diag_list_destroy(&diags);
}

/* A graph remembers where it came from: its bundle and its own copy of the options (the exclude
 * ids too, so the caller's strings may go away); each build has its own id; destroy accepts a
 * zeroed graph and a destroyed one. */
static void test_provenance(void)
{
    coopnet_bundle_t *bundle = load_example();
    coopnet_graph_options_t options;
    coopnet_graph_options_init(&options);
    char *excluded = strdup("d");
    const char *exclude[] = {excluded};
    options.exclude = exclude;
    options.n_exclude = 1;
    options.weighting = COOPNET_WEIGHTING_NEWMAN;
    coopnet_graph_t first, second, zeroed = {0};
    coopnet_error_t err;
    CHECK_INT(coopnet_graph_init_cooperation(&first, bundle, &options, &err), COOPNET_OK);
    free(excluded);
    options.weighting = COOPNET_WEIGHTING_COUNT;
    CHECK(first.bundle == bundle);
    CHECK_INT(first.options.weighting, COOPNET_WEIGHTING_NEWMAN);
    CHECK_INT((long)first.options.n_exclude, 1);
    CHECK(first.options.exclude != exclude);
    CHECK_STR(first.options.exclude[0], "d");
    CHECK_INT((long)igraph_vcount(&first.graph), 3);
    options.exclude = NULL;
    options.n_exclude = 0;
    CHECK_INT(coopnet_graph_init_cooperation(&second, bundle, &options, &err), COOPNET_OK);
    CHECK(first.build_id != 0 && second.build_id != 0 && first.build_id != second.build_id);
    CHECK_INT((long)second.options.n_exclude, 0);
    CHECK(second.options.exclude == NULL);
    /* an unknown excluded actor: the graph is left destroyed (zeroed) */
    const char *unknown[] = {"nobody"};
    options.exclude = unknown;
    options.n_exclude = 1;
    coopnet_graph_t failed;
    CHECK_INT(coopnet_graph_init_cooperation(&failed, bundle, &options, &err), COOPNET_EINVAL);
    CHECK(failed.bundle == NULL && failed.build_id == 0 && failed.options.exclude == NULL);
    coopnet_graph_destroy(&failed);
    coopnet_graph_destroy(&first);
    coopnet_graph_destroy(&first);
    coopnet_graph_destroy(&second);
    coopnet_graph_destroy(&zeroed);
    coopnet_graph_destroy(NULL);
    coopnet_bundle_free(bundle);
}

/* Excluded events: e1 = {a, b, c} and e3 = {c, d} go, so a-b (e2) and a-d (the tie) stay, a-c,
 * b-c and c-d go; every actor stays (c isolated). The ids are copied; an unknown id is EINVAL. */
static void test_excluded_events(void)
{
    coopnet_bundle_t *bundle = load_example();
    coopnet_graph_options_t options;
    coopnet_graph_options_init(&options);
    char *first_id = strdup("e1");
    const char *dropped[] = {first_id, "e3"};
    options.exclude_events = dropped;
    options.n_exclude_events = 2;
    coopnet_graph_t graph = {0};
    coopnet_two_mode_t two_mode = {0};
    coopnet_error_t err;
    CHECK_INT(coopnet_graph_init_cooperation(&graph, bundle, &options, &err), COOPNET_OK);
    CHECK_INT(coopnet_two_mode_init(&two_mode, bundle, &options, &err), COOPNET_OK);
    free(first_id); /* both keep their own copy */
    CHECK_INT(igraph_vcount(&graph.graph), 4);
    CHECK_INT(igraph_ecount(&graph.graph), 2);
    CHECK_NEAR(weight_between(bundle, &graph, "a", "b"), 1, 1e-12);
    CHECK_NEAR(weight_between(bundle, &graph, "a", "d"), 2, 1e-12);
    CHECK_NEAR(weight_between(bundle, &graph, "a", "c"), -1, 0);
    CHECK_INT((long)graph.options.n_exclude_events, 2);
    CHECK(graph.options.exclude_events != dropped);
    CHECK_STR(graph.options.exclude_events[0], "e1");
    CHECK(!coopnet_graph_keeps_event(bundle, 0, &graph.options));
    CHECK(coopnet_graph_keeps_event(bundle, 1, &graph.options));
    CHECK_INT(igraph_vcount(&two_mode.graph), 4 + 1); /* the actors and e2 */
    coopnet_two_mode_destroy(&two_mode);
    coopnet_graph_destroy(&graph);

    const char *unknown[] = {"e2", "nope"};
    options.exclude_events = unknown;
    CHECK_INT(coopnet_graph_init_cooperation(&graph, bundle, &options, &err), COOPNET_EINVAL);
    CHECK_STR(err.message, "unknown event 'nope' among the events to exclude");
    CHECK(graph.options.exclude_events == NULL);
    CHECK_INT(coopnet_two_mode_init(&two_mode, bundle, &options, &err), COOPNET_EINVAL);
    coopnet_graph_destroy(&graph);
    coopnet_two_mode_destroy(&two_mode);
    coopnet_bundle_free(bundle);
}

/* The memory budget: the bound on links (here exact: 5), the build refused a byte under its
 * estimate with the estimate and the limit, a zero limit read as the default. */
static void test_memory_budget(void)
{
    coopnet_bundle_t *bundle = load_example();
    coopnet_graph_options_t options;
    coopnet_graph_t graph;
    coopnet_error_t err;
    uint64_t bytes = 0, links = 0;
    coopnet_graph_options_init(&options);
    CHECK_INT(options.memory_limit, COOPNET_DEFAULT_MEMORY_LIMIT);
    CHECK_INT(coopnet_graph_estimate_memory(bundle, &options, &bytes, &links, &err), COOPNET_OK);
    CHECK_INT(links, 5); /* pairs 3 + 1 + 1 + a tie = 6; per actor min(3, ...) = 3 3 3 2 */
    CHECK_INT(bytes, 5 * COOPNET_GRAPH_BYTES_PER_LINK);
    options.memory_limit = bytes;
    CHECK_INT(coopnet_graph_init_cooperation(&graph, bundle, &options, &err), COOPNET_OK);
    CHECK_INT(igraph_ecount(&graph.graph), 5);
    coopnet_graph_destroy(&graph);
    options.memory_limit = bytes - 1;
    CHECK_INT(coopnet_graph_init_cooperation(&graph, bundle, &options, &err), COOPNET_ELIMIT);
    CHECK_STR(err.message, "the cooperation graph (4 actors, up to 5 links: its largest event has "
                           "3 participants) needs 640 bytes, over the memory limit 639 bytes");
    coopnet_graph_destroy(&graph); /* left destroyed: a second destroy is harmless */
    options.memory_limit = 0;
    CHECK_INT(coopnet_graph_init_cooperation(&graph, bundle, &options, &err), COOPNET_OK);
    coopnet_graph_destroy(&graph);
    options.layer = COOPNET_LAYER_TIES;
    CHECK_INT(coopnet_graph_estimate_memory(bundle, &options, NULL, &links, &err), COOPNET_OK);
    CHECK_INT(links, 1);
    CHECK_INT(coopnet_graph_check_memory(100, 101, &err, "%s", "a thing"), COOPNET_ELIMIT);
    CHECK_STR(err.message, "a thing needs 101 bytes, over the memory limit 100 bytes");
    CHECK_INT(coopnet_graph_check_memory(100, 100, &err, "%s", "a thing"), COOPNET_OK);
    coopnet_bundle_free(bundle);
}

/* The layers of the link between actors x and y (by id), or NULL when they are not linked. */
static const char *layers_between(const coopnet_bundle_t *bundle, const coopnet_graph_t *graph,
                                  const char *x, const char *y)
{
    igraph_integer_t u = VECTOR(graph->vertex_of_actor)[coopnet_bundle_find_actor(bundle, x)];
    igraph_integer_t v = VECTOR(graph->vertex_of_actor)[coopnet_bundle_find_actor(bundle, y)];
    igraph_integer_t edge = -1;
    igraph_get_eid(&graph->graph, &edge, u, v, IGRAPH_UNDIRECTED, false);
    return edge < 0 ? NULL : coopnet_graph_edge_layers(graph, edge);
}

/* Worked by hand: e1 = {a, b, c}, e2 = {a, b}; ties a-b mou twice and technical_support (given
 * b to a), a-c request, c-d funding. */
static void test_layers(void)
{
    static const char layer_actors[] = "id,name,level\na,A,local\nb,B,national\nc,C,local\n"
                                       "d,D,international\n";
    static const char layer_events[] = "id,title,date\ne1,One,2024\ne2,Two,2025\n";
    static const char layer_participation[] = "event,actor\ne1,a\ne1,b\ne1,c\ne2,a\ne2,b\n";
    static const char layer_ties[] = "from,to,type\na,b,mou\nb,a,technical_support\na,b,mou\n"
                                     "a,c,request\nc,d,funding\n";
    coopnet_diag_list_t diags;
    coopnet_bundle_t *bundle = NULL;
    coopnet_error_t err;
    coopnet_diag_list_init(&diags);
    CHECK_INT(coopnet_bundle_load_memory(layer_actors, sizeof layer_actors - 1, layer_events,
                                         sizeof layer_events - 1, layer_participation,
                                         sizeof layer_participation - 1, layer_ties,
                                         sizeof layer_ties - 1, &diags, &bundle, &err),
              COOPNET_OK);
    coopnet_diag_list_destroy(&diags);
    coopnet_graph_options_t options;
    coopnet_graph_t graph;
    coopnet_graph_options_init(&options);
    CHECK_INT(coopnet_graph_init_cooperation(&graph, bundle, &options, &err), COOPNET_OK);
    CHECK_STR(layers_between(bundle, &graph, "a", "b"), "events;mou;technical_support");
    CHECK_STR(layers_between(bundle, &graph, "b", "a"), "events;mou;technical_support");
    CHECK_STR(layers_between(bundle, &graph, "a", "c"), "events;request");
    CHECK_STR(layers_between(bundle, &graph, "b", "c"), "events");
    CHECK_STR(layers_between(bundle, &graph, "c", "d"), "funding");
    CHECK_INT((long)graph.n_layer_sets, 4); /* each distinct set stored once */
    coopnet_graph_destroy(&graph);

    /* the backbone drops the pairs sharing one event: a-c keeps its tie, b-c goes */
    options.backbone.kind = COOPNET_GRAPH_BACKBONE_MIN_SHARED;
    options.backbone.min_shared = 2;
    CHECK_INT(coopnet_graph_init_cooperation(&graph, bundle, &options, &err), COOPNET_OK);
    CHECK_STR(layers_between(bundle, &graph, "a", "b"), "events;mou;technical_support");
    CHECK_STR(layers_between(bundle, &graph, "a", "c"), "request");
    CHECK(layers_between(bundle, &graph, "b", "c") == NULL);
    coopnet_graph_destroy(&graph);

    coopnet_graph_options_init(&options);
    CHECK_INT(coopnet_graph_parse_layers("events,formal", &options, &err), COOPNET_OK);
    CHECK_INT(coopnet_graph_init_cooperation(&graph, bundle, &options, &err), COOPNET_OK);
    CHECK_STR(layers_between(bundle, &graph, "a", "b"), "events;mou;technical_support");
    CHECK_STR(layers_between(bundle, &graph, "a", "c"), "events");
    CHECK_STR(layers_between(bundle, &graph, "c", "d"), "funding");
    coopnet_graph_destroy(&graph);

    CHECK_INT(coopnet_graph_parse_layers("mou", &options, &err), COOPNET_OK);
    CHECK_INT(coopnet_graph_init_cooperation(&graph, bundle, &options, &err), COOPNET_OK);
    CHECK_INT(igraph_ecount(&graph.graph), 1);
    CHECK_STR(layers_between(bundle, &graph, "a", "b"), "mou");
    coopnet_graph_destroy(&graph);
    coopnet_bundle_free(bundle);
}

int main(void)
{
    coopnet_library_init();
    TEST_RUN(test_provenance);
    TEST_RUN(test_weightings);
    TEST_RUN(test_filters);
    TEST_RUN(test_excluded_events);
    TEST_RUN(test_memory_budget);
    TEST_RUN(test_two_mode_and_summary);
    TEST_RUN(test_exports);
    TEST_RUN(test_layers);
    TEST_RUN(test_keep_vertices_only);
    TEST_RUN(test_mena_dataset);
    return TEST_DONE();
}
