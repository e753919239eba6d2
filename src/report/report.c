/* SPDX-License-Identifier: GPL-3.0-or-later */
/* report.c - the PDF mapping report (see coopnet/report.h).
 *
 * Two steps: report_model_init runs the analyses once (the cooperation graph under the options,
 * the counts, the centralities, ...), then each page function lays its page out from the model.
 * Every number in a commentary comes from the model; a page says so when its analysis has
 * nothing to show.
 */
#include "coopnet/report.h"
#include "coopnet/brokerage.h"
#include "coopnet/centrality.h"
#include "coopnet/graph.h"
#include "coopnet/groups.h"
#include "coopnet/nlc.h"
#include "coopnet/rank.h"
#include "coopnet/snapshots.h"
#include "coopnet/temporal.h"
#include "coopnet/whatif.h"
#include "analysis/snapshots_internal.h"
#include "temporal/temporal_sketch.h"
#include "figures/draw.h"
#include "figures/geo_layout.h"
#include "core/internal.h"
#include "core/l10n.h"
#include "coopnet/text.h"
#include "model/bundle_display.h"
#include "model/bundle_internal.h"
#include "model/graph_internal.h"
#include "report/report_layout.h"

#include <math.h>
#include <pthread.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#define TOP_ACTORS 10
#define CHART_ACTORS 8
#define MAX_COUNTRIES 64

/* English everyday names of the countries the bundled datasets use and their neighbours (ISO's
 * "Syrian Arab Republic" reads Syria here), translated with the report; other countries take
 * their ISO names (coopnet_i_country_iso_name). */
static const char *const country_names[][2] = {{"AE", NC_("country", "United Arab Emirates")},
                                               {"AU", NC_("country", "Australia")},
                                               {"BE", NC_("country", "Belgium")},
                                               {"BH", NC_("country", "Bahrain")},
                                               {"CA", NC_("country", "Canada")},
                                               {"CH", NC_("country", "Switzerland")},
                                               {"DE", NC_("country", "Germany")},
                                               {"DK", NC_("country", "Denmark")},
                                               {"DZ", NC_("country", "Algeria")},
                                               {"EG", NC_("country", "Egypt")},
                                               {"ES", NC_("country", "Spain")},
                                               {"FR", NC_("country", "France")},
                                               {"GB", NC_("country", "United Kingdom")},
                                               {"IL", NC_("country", "Israel")},
                                               {"IQ", NC_("country", "Iraq")},
                                               {"IT", NC_("country", "Italy")},
                                               {"JO", NC_("country", "Jordan")},
                                               {"KW", NC_("country", "Kuwait")},
                                               {"LB", NC_("country", "Lebanon")},
                                               {"LY", NC_("country", "Libya")},
                                               {"MA", NC_("country", "Morocco")},
                                               {"MT", NC_("country", "Malta")},
                                               {"NL", NC_("country", "Netherlands")},
                                               {"NO", NC_("country", "Norway")},
                                               {"OM", NC_("country", "Oman")},
                                               {"PS", NC_("country", "Palestine")},
                                               {"QA", NC_("country", "Qatar")},
                                               {"SA", NC_("country", "Saudi Arabia")},
                                               {"SE", NC_("country", "Sweden")},
                                               {"SY", NC_("country", "Syria")},
                                               {"TN", NC_("country", "Tunisia")},
                                               {"TR", NC_("country", "Türkiye")},
                                               {"US", NC_("country", "United States")},
                                               {"YE", NC_("country", "Yemen")}};

/* The report's name of a country: the everyday one above in the report's language, else the
 * ISO 3166-1 name in it (iso-codes), else the code. */
static const char *country_name(const char *code)
{
    for (size_t i = 0; i < sizeof country_names / sizeof country_names[0]; i++)
        if (strcmp(country_names[i][0], code) == 0)
            return C_("country", country_names[i][1]);
    const char *iso = coopnet_i_country_iso_name(code, coopnet_i_l10n_lang());
    return iso != NULL ? iso : code;
}

static const char *const level_titles[COOPNET_LEVEL_COUNT] = {
    NC_("level title", "Local"), NC_("level title", "Regional"), NC_("level title", "National"),
    NC_("level title", "International")};

/* A documented peer-learning tie and what the events say of it (report_model_t.peer_ties). */
typedef struct peer_tie_check {
    size_t tie;      /* index into bundle->ties */
    int32_t arrival; /* the day the events surely carry from's practice to to, or NEVER */
    int32_t hops;    /* events on that chain */
    bool supported;  /* arrival no later than the tie's start (any arrival: an undated tie) */
} peer_tie_check_t;

#define PEER_TIES_CHECKED 64 /* one reach pass each: the ties a page can show, and more */
#define PEER_TIES_SHOWN 16   /* rows of the table of documented peer-learning ties */

/* Everything the pages show, computed once by report_model_init: pages and figures only read
 * it, so drawing a figure again (the PNG copies) computes nothing again. */
/* The sources of knowledge the reach pages name. */
#define REPORT_TOP_SOURCES 8

typedef struct report_model {
    const coopnet_bundle_t *bundle;
    const coopnet_report_options_t *options;
    coopnet_graph_options_t graph_options;
    const char **excluded; /* ids left out by --country; pointers into the bundle */
    bool *actor_kept;      /* per bundle actor */
    bool *event_kept;      /* per bundle event */
    coopnet_graph_t graph; /* the cooperation graph every page and figure reads */
    coopnet_graph_summary_t summary;

    size_t n_actors, actors_by_level[COOPNET_LEVEL_COUNT];
    size_t n_events, n_dated_events, n_ties, n_participations;
    size_t n_agreements;                  /* ties of a formal type (coopnet_tie_type_is_formal) */
    const char *countries[MAX_COUNTRIES]; /* of the kept actors, sorted */
    size_t n_countries;
    coopnet_date_t first, last; /* of the kept events and ties */
    coopnet_date_t data_date;   /* the date the report is "as of": fixed by the data */

    igraph_vector_t degree;        /* on graph: every shared event a link (the projection) */
    igraph_vector_int_t by_degree; /* vertices, coopnet_rank_vertices order */
    /* "who holds it together" is measured on held: the same actors (the same vertices as graph)
     * linked by their ties and by the co-attendance that is more than chance (the SDSM backbone
     * at 0.05, docs/measures.md), so that one large workshop does not tie its whole audience at
     * one rank. held_is_backbone false: the SDSM could not be fitted (held_failure says why) and
     * held is built like graph. Its links are freed once the values below are computed
     * (coopnet_i_graph_keep_vertices_only): its vertices and build_id stay for the figures. */
    coopnet_graph_t held;
    bool held_is_backbone;
    char held_failure[COOPNET_ERROR_MESSAGE_SIZE];
    size_t co_attending_links, significant_links; /* links carrying shared events: graph, held */
    igraph_vector_t held_degree, betweenness, pagerank; /* on held */
    igraph_vector_int_t held_by_degree, by_betweenness;
    /* the library's policy (on held): exact betweenness within its time budget, else sampled */
    coopnet_centrality_plan_t betweenness_plan;
    coopnet_centrality_sampling_t betweenness_sampling;
    igraph_vector_t betweenness_bound; /* per vertex when sampled, else empty */
    igraph_matrix_t positions; /* force layout of graph (seed 1): the network and snapshots */

    coopnet_nlc_t nlc;
    coopnet_nlc_t held_nlc;        /* nlc of held: who is linked by significant co-attendance */
    coopnet_nlc_links_t nlc_links; /* of graph: which national body is linked to whom */
    coopnet_groups_t groups[2];    /* by country, by level */
    coopnet_brokerage_t brokerage;
    igraph_vector_int_t top_brokers; /* vertices with some brokerage, most first (at most 5) */

    coopnet_temporal_network_t *temporal; /* the certain reading (docs/temporal.md) */
    coopnet_temporal_all_t reach;
    coopnet_temporal_curve_t reach_curve; /* by quarter */
    /* the possible reading, when some dates are bounds (else NULL and zeroed) */
    coopnet_temporal_network_t *temporal_possible;
    coopnet_temporal_all_t reach_possible;
    coopnet_temporal_curve_t reach_curve_possible;
    /* actors reaching some other, most first (at most REPORT_TOP_SOURCES; an estimated reach:
     * the eight the estimate ranks first, in the order of their exact counts) */
    igraph_vector_int_t top_sources;
    /* the top sources' out-reach in each reading: from reach and reach_possible when exact,
     * else counted exactly for these sources (coopnet_i_temporal_reach_counts; an estimated
     * reach_possible has no out-reach) */
    int64_t top_reach[REPORT_TOP_SOURCES], top_reach_possible[REPORT_TOP_SOURCES];
    /* the documented peer-learning ties (type peer_learning, both ends kept), in file order, each
     * checked against the events: could a chain of recorded events (the certain reading, no
     * tie) have carried the one actor's practice to the other by the tie's start? */
    peer_tie_check_t *peer_ties;
    size_t n_peer_ties, n_peer_ties_checked; /* checked: the first PEER_TIES_CHECKED */

    /* dependence on the convener: the actor that convened the most events, and the network
     * without it and its events (coopnet/whatif.h); convener -1 when none convened two */
    long convener;
    size_t convened;
    coopnet_whatif_t whatif;
    /* when the dependence figure's panels hide links (coopnet_i_draw_panel_hides_links of
     * graph), whatif.graph_after keeps its vertices only and this its degrees (the panel's grey
     * actors); else empty and graph_after whole */
    igraph_vector_t after_degree;
    uint64_t reach_pairs_after; /* certain reach without the convener */

    coopnet_snapshots_t snapshots; /* degree by year */
    /* the graph of each year, as analysed; NULL when the panels come from degrees */
    coopnet_graph_t *snapshot_graphs;
    /* the years drawn, lent from snapshot_graphs, or from graph and snapshots' degrees */
    coopnet_snapshot_panels_t panels;
    igraph_vector_int_t risers; /* vertices gaining places, most first (at most 5) */
    igraph_vector_t gains;      /* per vertex: places gained, NaN when not ranked */
} report_model_t;

static void report_model_destroy(report_model_t *model)
{
    free(model->excluded);
    free(model->actor_kept);
    free(model->event_kept);
    coopnet_graph_destroy(&model->graph);
    coopnet_graph_destroy(&model->held);
    igraph_vector_destroy(&model->degree);
    igraph_vector_destroy(&model->held_degree);
    igraph_vector_int_destroy(&model->held_by_degree);
    coopnet_nlc_destroy(&model->held_nlc);
    coopnet_nlc_links_destroy(&model->nlc_links);
    igraph_vector_destroy(&model->betweenness);
    igraph_vector_destroy(&model->betweenness_bound);
    igraph_vector_destroy(&model->pagerank);
    igraph_vector_int_destroy(&model->by_degree);
    igraph_vector_int_destroy(&model->by_betweenness);
    igraph_matrix_destroy(&model->positions);
    coopnet_nlc_destroy(&model->nlc);
    coopnet_groups_destroy(&model->groups[0]);
    coopnet_groups_destroy(&model->groups[1]);
    coopnet_brokerage_destroy(&model->brokerage);
    igraph_vector_int_destroy(&model->top_brokers);
    coopnet_temporal_curve_destroy(&model->reach_curve);
    coopnet_temporal_all_destroy(&model->reach);
    coopnet_temporal_network_free(model->temporal);
    coopnet_whatif_destroy(&model->whatif);
    igraph_vector_destroy(&model->after_degree);
    coopnet_temporal_curve_destroy(&model->reach_curve_possible);
    coopnet_temporal_all_destroy(&model->reach_possible);
    coopnet_temporal_network_free(model->temporal_possible);
    igraph_vector_int_destroy(&model->top_sources);
    free(model->peer_ties);
    coopnet_i_snapshot_panels_destroy(&model->panels);
    coopnet_i_snapshot_graphs_free(model->snapshot_graphs, model->snapshots.n_steps);
    coopnet_snapshots_destroy(&model->snapshots);
    igraph_vector_int_destroy(&model->risers);
    igraph_vector_destroy(&model->gains);
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
        size_t attendances = 0;
        for (size_t p = bundle->event_start[e]; p < bundle->event_start[e + 1]; p++)
            attendances += model->actor_kept[bundle->participations[p].actor];
        model->event_kept[e] =
            attendances > 0 && coopnet_graph_keeps_event(bundle, e, &model->graph_options);
        if (!model->event_kept[e])
            continue; /* an event after the as-of date counts none of its participations */
        model->n_participations += attendances;
        model->n_events++;
        coopnet_date_t date = bundle->events[e].date;
        if (date.precision == COOPNET_DATE_NONE)
            continue;
        /* "dated" in the report's words: to the day or the month; the rest only within bounds */
        if (date.precision == COOPNET_DATE_DAY || date.precision == COOPNET_DATE_MONTH)
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
        model->n_agreements += coopnet_tie_type_is_formal(tie->type);
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

/* An actor's name in the report's language: name_fr or name_ar where the data gives it. */
static const char *actor_name(const coopnet_actor_t *actor)
{
    coopnet_lang_t lang = coopnet_i_l10n_lang();
    if (lang == COOPNET_LANG_AR && actor->name_ar[0])
        return actor->name_ar;
    if (lang == COOPNET_LANG_FR && actor->name_fr[0])
        return actor->name_fr;
    return actor->name;
}

static const char *vertex_name(const report_model_t *model, igraph_integer_t vertex)
{
    return actor_name(&model->bundle->actors[VECTOR(model->graph.actor_of_vertex)[vertex]]);
}

/* The first top indices of values in coopnet_rank_top order whose value is above 0 (NaN, 0 and
 * below: nothing to list). */
static int rank_positive(const igraph_vector_t *values, size_t top, igraph_vector_int_t *order,
                         coopnet_error_t *err)
{
    int status = coopnet_rank_top(values, top, order, err);
    if (status != COOPNET_OK)
        return status;
    igraph_integer_t kept = 0;
    while (kept < igraph_vector_int_size(order) && VECTOR(*values)[VECTOR(*order)[kept]] > 0)
        kept++;
    igraph_vector_int_resize(order, kept); /* shrinking: cannot fail */
    return COOPNET_OK;
}

/* Groups (E-I by country and by level) and Gould-Fernandez brokerage between levels. */
static int compute_groups(report_model_t *model, coopnet_error_t *err)
{
    enum { PERMUTATIONS = 999 };
    static const char *const attributes[] = {"country", "level"};
    int status = COOPNET_OK;
    igraph_vector_t totals;
    for (int i = 0; i < 2; i++)
        if ((status = coopnet_groups_compute(&model->graph, attributes[i], PERMUTATIONS, 1,
                                             model->options->progress, &model->groups[i], err)) !=
            COOPNET_OK)
            return status;
    if ((status = coopnet_brokerage_compute(&model->graph, "level", &model->brokerage, err)) !=
        COOPNET_OK)
        return status;
    igraph_integer_t n = igraph_matrix_nrow(&model->brokerage.counts);
    COOPNET_IGRAPH_CHECK(err, status, igraph_vector_init(&totals, n), "brokerage");
    for (igraph_integer_t v = 0; v < n; v++)
        VECTOR(totals)[v] = MATRIX(model->brokerage.counts, v, COOPNET_BROKERAGE_TOTAL);
    status = rank_positive(&totals, 5, &model->top_brokers, err);
    igraph_vector_destroy(&totals);
cleanup:
    return status;
}

/* The documented peer-learning ties and, for the first PEER_TIES_CHECKED, whether the recorded
 * events (alone, the certain reading) carry the source's practice to the learner by the tie's
 * start: the tie is then supported by the event data; otherwise the data holds no such chain. */
static int check_peer_ties(report_model_t *model, coopnet_error_t *err)
{
    const coopnet_bundle_t *bundle = model->bundle;
    for (size_t t = 0; t < bundle->n_ties; t++) {
        const coopnet_tie_t *tie = &bundle->ties[t];
        model->n_peer_ties += strcmp(tie->type, "peer_learning") == 0 &&
                              model->actor_kept[tie->from] && model->actor_kept[tie->to];
    }
    if (model->n_peer_ties == 0)
        return COOPNET_OK;
    model->peer_ties = calloc(model->n_peer_ties, sizeof *model->peer_ties);
    if (model->peer_ties == NULL)
        return COOPNET_ERROR(err, COOPNET_ENOMEM, "out of memory");
    coopnet_temporal_options_t options;
    coopnet_temporal_options_init(&options);
    options.graph = model->graph_options;
    options.graph.layer = COOPNET_LAYER_EVENTS;
    options.graph.layers = NULL;
    coopnet_temporal_network_t *events = NULL;
    int status = coopnet_temporal_network_alloc(bundle, &options, &events, err);
    size_t n = 0;
    coopnet_temporal_reach_t reach;
    memset(&reach, 0, sizeof reach);
    for (size_t t = 0; t < bundle->n_ties && status == COOPNET_OK; t++) {
        const coopnet_tie_t *tie = &bundle->ties[t];
        if (strcmp(tie->type, "peer_learning") != 0 || !model->actor_kept[tie->from] ||
            !model->actor_kept[tie->to])
            continue;
        peer_tie_check_t *check = &model->peer_ties[n++];
        check->tie = t;
        check->arrival = COOPNET_TEMPORAL_NEVER;
        check->hops = -1;
        if (n > PEER_TIES_CHECKED)
            continue;
        model->n_peer_ties_checked = n;
        /* an undirected tie: learning either way */
        for (int way = 0; way < (tie->directed ? 1 : 2) && status == COOPNET_OK; way++) {
            size_t from = (size_t)(way == 0 ? tie->from : tie->to);
            size_t to = (size_t)(way == 0 ? tie->to : tie->from);
            coopnet_temporal_reach_destroy(&reach);
            if (!coopnet_temporal_network_keeps_actor(events, from))
                continue; /* attended no kept event */
            if ((status = coopnet_temporal_reach_forward(events, from, &reach, err)) != COOPNET_OK)
                break;
            int32_t day = reach.day[to];
            if (day != COOPNET_TEMPORAL_NEVER &&
                (check->arrival == COOPNET_TEMPORAL_NEVER || day < check->arrival)) {
                check->arrival = day;
                check->hops = reach.hops[to];
            }
        }
        check->supported = check->arrival != COOPNET_TEMPORAL_NEVER &&
                           (tie->start.precision == COOPNET_DATE_NONE ||
                            check->arrival <= coopnet_date_last_day(tie->start));
    }
    coopnet_temporal_reach_destroy(&reach);
    coopnet_temporal_network_free(events);
    return status;
}

/* Time-respecting reach from every source and the reachability curves by quarter: coopnet's own
 * code, which uses no igraph, so it runs beside the other analyses (report_model_init). progress
 * is NULL there: one stage at a time is shown. */
static int compute_reach_curves(report_model_t *model, const coopnet_progress_t *progress,
                                coopnet_error_t *err)
{
    coopnet_temporal_options_t options;
    coopnet_temporal_all_policy_t policy; /* the library's: exact when it fits, else estimated */
    int status = COOPNET_OK;
    coopnet_temporal_all_policy_init(&policy);
    policy.memory_limit = model->graph_options.memory_limit;
    coopnet_temporal_options_init(&options);
    options.graph = model->graph_options;
    if ((status = coopnet_temporal_networks_alloc(model->bundle, &options, &model->temporal,
                                                  &model->temporal_possible, err)) != COOPNET_OK ||
        (status = coopnet_temporal_all_sources_by_policy(model->temporal, &policy, progress,
                                                         &model->reach, err)) != COOPNET_OK ||
        (status = coopnet_temporal_curve_all(model->temporal, &model->reach, COOPNET_PERIOD_QUARTER,
                                             &model->reach_curve, err)) != COOPNET_OK)
        return status;
    if (model->temporal_possible != NULL) {
        /* estimated, the possible reading gives its curve (the pass in date order) and no
         * out-reach: its reverse pass was most of a large report's time (an undated contact
         * has an entry every day), for the eight numbers rank_reach_sources computes exactly */
        if ((status = coopnet_i_temporal_all_sources_by_policy_in(model->temporal_possible, &policy,
                                                                  progress, &model->reach_possible,
                                                                  err)) != COOPNET_OK ||
            (status = coopnet_temporal_curve_all(model->temporal_possible, &model->reach_possible,
                                                 COOPNET_PERIOD_QUARTER,
                                                 &model->reach_curve_possible, err)) != COOPNET_OK)
            return status;
    }
    return COOPNET_OK;
}

/* model->top_sources into top, most first; how many. */
static size_t top_sources_of(const report_model_t *model, size_t top[REPORT_TOP_SOURCES])
{
    size_t n_top = 0;
    for (igraph_integer_t i = 0;
         i < igraph_vector_int_size(&model->top_sources) && n_top < REPORT_TOP_SOURCES; i++)
        top[n_top++] = (size_t)VECTOR(model->top_sources)[i];
    return n_top;
}

/* The top sources of the reach computed and their out-reach in each reading. An estimated
 * reading's counts of these sources are counted exactly (coopnet_i_temporal_reach_counts); when
 * the certain reading is estimated, the sources its estimate ranks first are put in the order
 * of their exact counts (ties: the estimate's order), so that the first named reaches the most
 * of those named. */
static int rank_reach_sources(report_model_t *model, coopnet_error_t *err)
{
    igraph_vector_t out_reach;
    int status = COOPNET_OK;
    COOPNET_IGRAPH_CHECK(err, status,
                         igraph_vector_init(&out_reach, (igraph_integer_t)model->reach.n_actors),
                         "reach");
    for (size_t a = 0; a < model->reach.n_actors; a++)
        VECTOR(out_reach)[(igraph_integer_t)a] = (double)model->reach.out_reach[a];
    status = rank_positive(&out_reach, REPORT_TOP_SOURCES, &model->top_sources, err);
    igraph_vector_destroy(&out_reach);
    if (status != COOPNET_OK)
        return status;
    size_t top[REPORT_TOP_SOURCES], n_top = top_sources_of(model, top);
    for (size_t i = 0; i < n_top; i++) {
        model->top_reach[i] = model->reach.out_reach[top[i]];
        if (model->temporal_possible != NULL)
            model->top_reach_possible[i] = model->reach_possible.out_reach[top[i]];
    }
    if (n_top > 0 && model->reach.precision != 0)
        status =
            coopnet_i_temporal_reach_counts(model->temporal, top, n_top, model->top_reach, err);
    if (status == COOPNET_OK && n_top > 0 && model->temporal_possible != NULL &&
        model->reach_possible.precision != 0)
        status = coopnet_i_temporal_reach_counts(model->temporal_possible, top, n_top,
                                                 model->top_reach_possible, err);
    if (status != COOPNET_OK || model->reach.precision == 0)
        return status;
    /* by exact count, most first; stable (insertion) */
    for (size_t i = 1; i < n_top; i++) {
        size_t source = top[i];
        int64_t reach = model->top_reach[i], possible = model->top_reach_possible[i];
        size_t j = i;
        for (; j > 0 && model->top_reach[j - 1] < reach; j--) {
            top[j] = top[j - 1];
            model->top_reach[j] = model->top_reach[j - 1];
            model->top_reach_possible[j] = model->top_reach_possible[j - 1];
        }
        top[j] = source;
        model->top_reach[j] = reach;
        model->top_reach_possible[j] = possible;
    }
    for (size_t i = 0; i < n_top; i++)
        VECTOR(model->top_sources)[(igraph_integer_t)i] = (igraph_integer_t)top[i];
cleanup:
    return status;
}

/* compute_reach_curves on a thread of its own, for bundles of at most this many actors. */
#define REPORT_CONCURRENT_MAX_ACTORS 20000

typedef struct reach_job {
    report_model_t *model;
    int status;
    coopnet_error_t err;
} reach_job_t;

static void *reach_job_run(void *argument)
{
    reach_job_t *job = argument;
    job->status = compute_reach_curves(job->model, NULL, &job->err);
    return NULL;
}

/* Whether the yearly steps' vertices are the model graph's, in its order. */
static bool snapshots_match_graph(const coopnet_snapshots_t *snapshots,
                                  const coopnet_graph_t *graph)
{
    igraph_integer_t n = igraph_vcount(&graph->graph);
    if (snapshots->n_vertices != n || igraph_vector_int_size(&snapshots->actor_of_vertex) != n ||
        igraph_vector_int_size(&graph->actor_of_vertex) != n)
        return false;
    for (igraph_integer_t v = 0; v < n; v++)
        if (VECTOR(snapshots->actor_of_vertex)[v] != VECTOR(graph->actor_of_vertex)[v])
            return false;
    return true;
}

/* Degree by year, the places each actor gained from the first year to the last, the snapshots
 * chart's panels. A network too dense for its panels to show links has them drawn from the
 * yearly degrees alone, and no yearly graph is kept (at 100 000 actors they held gigabytes);
 * otherwise the yearly graphs are kept for their links. */
static int compute_change(report_model_t *model, coopnet_error_t *err)
{
    const coopnet_measure_t measure = COOPNET_MEASURE_DEGREE;
    bool from_degrees = coopnet_i_draw_panel_hides_links(&model->graph);
    int status = coopnet_i_snapshots_compute_with_graphs(
        model->bundle, &model->graph_options, COOPNET_PERIOD_YEAR, 0, &measure, 1, false,
        model->options->progress, &model->snapshots, from_degrees ? NULL : &model->snapshot_graphs,
        err);
    if (status == COOPNET_OK && from_degrees &&
        !snapshots_match_graph(&model->snapshots, &model->graph)) {
        /* (the yearly graphs have the whole network's actors, in its order: not expected) */
        coopnet_snapshots_destroy(&model->snapshots);
        from_degrees = false;
        status = coopnet_i_snapshots_compute_with_graphs(
            model->bundle, &model->graph_options, COOPNET_PERIOD_YEAR, 0, &measure, 1, false,
            model->options->progress, &model->snapshots, &model->snapshot_graphs, err);
    }
    if (status != COOPNET_OK || model->snapshots.n_steps < 2)
        return status;
    const coopnet_snapshots_t *snapshots = &model->snapshots;
    size_t last = snapshots->n_steps - 1, n = (size_t)snapshots->n_vertices;
    COOPNET_IGRAPH_CHECK(err, status, igraph_vector_resize(&model->gains, (igraph_integer_t)n),
                         "snapshots");
    double *gains = VECTOR(model->gains);
    for (size_t v = 0; v < n; v++)
        gains[v] = snapshots->ranks[v] - snapshots->ranks[last * n + v];
    if ((status = rank_positive(&model->gains, 5, &model->risers, err)) != COOPNET_OK)
        return status;
    if (from_degrees)
        coopnet_i_snapshot_panels_lend_degrees(&model->panels, &model->graph, snapshots->values,
                                               snapshots->dates, snapshots->n_steps,
                                               model->graph_options.as_of);
    else
        coopnet_i_snapshot_panels_lend(&model->panels, model->snapshot_graphs, snapshots->dates,
                                       snapshots->n_steps, model->graph_options.as_of);
    model->panels.raster_dense = true;
cleanup:
    return status;
}

/* The convener the network depends on most: the actor in the graph that hosted, organised or
 * facilitated the most events (at least two; ties: higher degree, then bundle order), and the
 * network without it and its events, with the certain reach left. */
static int compute_dependence(report_model_t *model, coopnet_error_t *err)
{
    const coopnet_bundle_t *bundle = model->bundle;
    model->convener = -1;
    model->convened = 0;
    size_t *counts = coopnet_i_alloc_array(bundle->n_actors + 1, sizeof *counts);
    if (counts == NULL)
        return COOPNET_ERROR(err, COOPNET_ENOMEM, "out of memory");
    coopnet_whatif_convened_counts(&model->graph, counts);
    for (size_t a = 0; a < bundle->n_actors; a++) {
        igraph_integer_t v = VECTOR(model->graph.vertex_of_actor)[a];
        if (v < 0)
            continue;
        size_t convened = counts[a];
        if (convened < 2)
            continue;
        double degree = VECTOR(model->degree)[v];
        if (model->convener < 0 || convened > model->convened ||
            (convened == model->convened &&
             degree >
                 VECTOR(model->degree)[VECTOR(model->graph.vertex_of_actor)[model->convener]])) {
            model->convener = (long)a;
            model->convened = convened;
        }
    }
    free(counts);
    if (model->convener < 0)
        return COOPNET_OK;
    const char *id = bundle->actors[model->convener].id;
    int status = coopnet_whatif_compute(&model->graph, &id, 1, false, &model->whatif, err);
    if (status != COOPNET_OK)
        return status;
    if (coopnet_i_draw_panel_hides_links(&model->graph)) {
        /* its links are not drawn: a panel needs its actors and which of them keep a link */
        coopnet_graph_t *after = &model->whatif.graph_after;
        if (igraph_strength(&after->graph, &model->after_degree, igraph_vss_all(), IGRAPH_ALL,
                            IGRAPH_LOOPS, NULL) != IGRAPH_SUCCESS) /* NULL weights: degrees */
            return COOPNET_ERROR(err, COOPNET_ENOMEM, "out of memory");
        if ((status = coopnet_i_graph_keep_vertices_only(after, err)) != COOPNET_OK)
            return status;
    }
    /* the pairs surely reached without it: the total alone, which an estimate has from its
     * pass in date order (as the model's own total, so the two compare) */
    coopnet_temporal_all_policy_t policy;
    coopnet_temporal_all_policy_init(&policy);
    policy.memory_limit = model->whatif.graph_after.options.memory_limit;
    coopnet_temporal_options_t options;
    coopnet_temporal_options_init(&options);
    options.graph = model->whatif.graph_after.options;
    options.reading = COOPNET_READING_CERTAIN;
    coopnet_temporal_network_t *network = NULL;
    coopnet_temporal_all_t all = {0};
    if ((status = coopnet_temporal_network_alloc(bundle, &options, &network, err)) == COOPNET_OK)
        status = coopnet_i_temporal_all_sources_by_policy_in(network, &policy, NULL, &all, err);
    if (status == COOPNET_OK)
        model->reach_pairs_after = all.total_pairs;
    coopnet_temporal_all_destroy(&all);
    coopnet_temporal_network_free(network);
    return status;
}

/* The links of graph that carry shared events (co-attendance after its backbone). */
static size_t co_attendance_links(const coopnet_graph_t *graph)
{
    size_t count = 0;
    for (igraph_integer_t e = 0; e < igraph_ecount(&graph->graph); e++)
        count += strncmp(coopnet_graph_edge_layers(graph, e), "events", 6) == 0;
    return count;
}

/* model->held: the model's graph with the SDSM backbone on its co-attendance, or (when the model
 * cannot be fitted: EDATA) the graph again, with held_failure saying why. */
static int build_held(report_model_t *model, coopnet_error_t *err)
{
    coopnet_graph_options_t options = model->graph_options;
    options.backbone.kind = COOPNET_GRAPH_BACKBONE_SDSM;
    coopnet_error_t fit_err;
    int status = coopnet_graph_init_cooperation(&model->held, model->bundle, &options, &fit_err);
    model->held_is_backbone = status == COOPNET_OK;
    if (status == COOPNET_EDATA) {
        snprintf(model->held_failure, sizeof model->held_failure, "%s", fit_err.message);
        status = coopnet_graph_init_cooperation(&model->held, model->bundle, &model->graph_options,
                                                &fit_err);
    }
    if (status != COOPNET_OK) {
        if (err)
            *err = fit_err;
        return status;
    }
    model->co_attending_links = co_attendance_links(&model->graph);
    model->significant_links = co_attendance_links(&model->held);
    return COOPNET_OK;
}

static int report_model_init(report_model_t *model, const coopnet_bundle_t *bundle,
                             const coopnet_report_options_t *options, coopnet_error_t *err)
{
    int status = COOPNET_OK;
    reach_job_t reach = {model, COOPNET_OK, {0}};
    pthread_t reach_thread;
    bool reach_started = false;
    memset(model, 0, sizeof *model);
    model->bundle = bundle;
    model->options = options;
    coopnet_graph_options_init(&model->graph_options);
    model->graph_options.as_of = options->as_of;
    model->graph_options.memory_limit = options->memory_limit;
    COOPNET_IGRAPH_CHECK(err, status, igraph_vector_init(&model->degree, 0), "degree");
    COOPNET_IGRAPH_CHECK(err, status, igraph_vector_init(&model->held_degree, 0), "degree");
    COOPNET_IGRAPH_CHECK(err, status, igraph_vector_int_init(&model->held_by_degree, 0), "ranking");
    COOPNET_IGRAPH_CHECK(err, status, igraph_vector_init(&model->betweenness, 0), "betweenness");
    COOPNET_IGRAPH_CHECK(err, status, igraph_vector_init(&model->betweenness_bound, 0),
                         "betweenness");
    COOPNET_IGRAPH_CHECK(err, status, igraph_vector_init(&model->pagerank, 0), "pagerank");
    COOPNET_IGRAPH_CHECK(err, status, igraph_vector_int_init(&model->by_degree, 0), "ranking");
    COOPNET_IGRAPH_CHECK(err, status, igraph_vector_int_init(&model->by_betweenness, 0), "ranking");
    COOPNET_IGRAPH_CHECK(err, status, igraph_matrix_init(&model->positions, 0, 2), "layout");
    COOPNET_IGRAPH_CHECK(err, status, igraph_vector_int_init(&model->top_brokers, 0), "ranking");
    COOPNET_IGRAPH_CHECK(err, status, igraph_vector_int_init(&model->top_sources, 0), "ranking");
    COOPNET_IGRAPH_CHECK(err, status, igraph_vector_int_init(&model->risers, 0), "ranking");
    COOPNET_IGRAPH_CHECK(err, status, igraph_vector_init(&model->gains, 0), "ranking");
    COOPNET_IGRAPH_CHECK(err, status, igraph_vector_init(&model->after_degree, 0), "degree");
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
    if ((status = build_held(model, err)) != COOPNET_OK)
        goto cleanup;
    coopnet_progress_report(options->progress, "centralities", 0, 4);
    const coopnet_measure_t betweenness = COOPNET_MEASURE_BETWEENNESS;
    if ((status = coopnet_centrality_compute(&model->graph, COOPNET_MEASURE_DEGREE, false,
                                             &model->degree, err)) != COOPNET_OK ||
        (status = coopnet_centrality_compute(&model->held, COOPNET_MEASURE_DEGREE, false,
                                             &model->held_degree, err)) != COOPNET_OK ||
        (status = coopnet_centrality_choose(&model->held, &betweenness, 1, false,
                                            &options->centrality, &model->betweenness_plan, err)) !=
            COOPNET_OK ||
        (status = coopnet_centrality_compute_planned(
             &model->held, &betweenness, 1, false, &model->betweenness_plan, &model->betweenness,
             &model->betweenness_bound, &model->betweenness_sampling, NULL, err)) != COOPNET_OK ||
        (status = coopnet_centrality_compute(&model->held, COOPNET_MEASURE_PAGERANK, false,
                                             &model->pagerank, err)) != COOPNET_OK ||
        (status = coopnet_nlc_compute(&model->held, &model->held_nlc, err)) != COOPNET_OK ||
        (status = coopnet_i_graph_keep_vertices_only(&model->held, err)) != COOPNET_OK)
        goto cleanup;
    coopnet_progress_report(options->progress, "centralities", 4, 4);
    /* the time-respecting reach (no igraph) beside the layout, the groups and the snapshots,
     * which use igraph and stay on this thread; here, after them, when no thread can start or
     * the bundle is so large that the two together would hold the memory of both (at 100 000
     * actors each takes a gigabyte or more) */
    if (bundle->n_actors <= REPORT_CONCURRENT_MAX_ACTORS)
        reach_started = pthread_create(&reach_thread, NULL, reach_job_run, &reach) == 0;
    if ((status = coopnet_rank_vertices(&model->degree, &model->by_degree, err)) != COOPNET_OK ||
        (status = coopnet_rank_vertices(&model->held_degree, &model->held_by_degree, err)) !=
            COOPNET_OK ||
        (status = coopnet_rank_vertices(&model->betweenness, &model->by_betweenness, err)) !=
            COOPNET_OK ||
        (status = coopnet_i_draw_network_positions(&model->graph, COOPNET_LAYOUT_FR, 1,
                                                   &model->positions, err)) != COOPNET_OK ||
        (status = coopnet_nlc_compute(&model->graph, &model->nlc, err)) != COOPNET_OK ||
        (status = coopnet_nlc_links_compute(&model->graph, &model->nlc_links, err)) != COOPNET_OK ||
        (status = compute_groups(model, err)) != COOPNET_OK ||
        (status = check_peer_ties(model, err)) != COOPNET_OK ||
        (status = compute_dependence(model, err)) != COOPNET_OK ||
        (status = compute_change(model, err)) != COOPNET_OK)
        goto cleanup;
cleanup:
    if (reach_started) {
        coopnet_progress_report(options->progress, "temporal reach", 0, 1);
        pthread_join(reach_thread, NULL);
        coopnet_progress_report(options->progress, "temporal reach", 1, 1);
        if (status == COOPNET_OK && reach.status != COOPNET_OK) {
            status = reach.status;
            if (err)
                *err = reach.err;
        }
    }
    if (status == COOPNET_OK && !reach_started)
        status = compute_reach_curves(model, options->progress, err);
    if (status == COOPNET_OK)
        status = rank_reach_sources(model, err);
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
    case COOPNET_DATE_MONTH:
        coopnet_i_draw_date_words(date, buffer, size); /* in the report's language */
        break;
    case COOPNET_DATE_YEAR:
        snprintf(buffer, size, "%d", year);
        break;
    case COOPNET_DATE_INTERVAL: {
        /* "between March 2023 and December 2025", "by 1 February 2024", "from January 2024" */
        char start[48] = "", end[48] = "";
        coopnet_date_t side = {date.day, (coopnet_date_precision_t)date.start_precision, 0, 0, 0};
        if (date.start_precision != COOPNET_DATE_NONE)
            format_date_long(side, start, sizeof start);
        if (date.end_precision != COOPNET_DATE_NONE) {
            int end_year, end_month, end_day;
            coopnet_date_civil_from_days(date.last, &end_year, &end_month, &end_day);
            side =
                (coopnet_date_t){date.last, (coopnet_date_precision_t)date.end_precision, 0, 0, 0};
            if (date.end_precision == COOPNET_DATE_MONTH)
                side.day = coopnet_date_days_from_civil(end_year, end_month, 1);
            else if (date.end_precision == COOPNET_DATE_YEAR)
                side.day = coopnet_date_days_from_civil(end_year, 1, 1);
            format_date_long(side, end, sizeof end);
        }
        if (start[0] && end[0]) /* TRANSLATORS: a date known within bounds */
            snprintf(buffer, size, _("between %1$s and %2$s"), start, end);
        else if (end[0])
            snprintf(buffer, size, _("by %s"), end);
        else
            snprintf(buffer, size, _("from %s"), start);
        break;
    }
    default:
        snprintf(buffer, size, "%s", _("undated"));
    }
}

/* The names of the n countries with codes (country_name) in buffer: "A, B and C" (and_last
 * false: "A, B, C"), cut at a whole character when longer than size. */
static void join_countries(const char *const *codes, size_t n, bool and_last, char *buffer,
                           size_t size)
{
    GString *list = g_string_new(NULL);
    for (size_t c = 0; c < n; c++) {
        /* TRANSLATORS: the separators of a list of countries: "A, B and C" */
        g_string_append(list, c == 0 ? "" : c + 1 == n && and_last ? _(" and ") : _(", "));
        g_string_append(list, country_name(codes[c]));
    }
    size_t keep = coopnet_text_prefix(list->str, size - 1);
    memcpy(buffer, list->str, keep);
    buffer[keep] = '\0';
    g_string_free(list, TRUE);
}

/* The report's default title: what it is about, where and when, from the data rather than its
 * folder: "National-local cooperation in Iraq, Jordan and Morocco, 2023-2025". The countries are
 * those of the local and regional actors kept (the subject of national-local cooperation), named
 * when there are at most six; the years are those of the dated events and ties. */
static void report_default_title(const report_model_t *model, char *buffer, size_t size)
{
    const coopnet_bundle_t *bundle = model->bundle;
    /* bundle.ini's title, in the report's language where it gives one */
    coopnet_lang_t lang = coopnet_i_l10n_lang();
    const char *given = lang == COOPNET_LANG_FR && bundle->title_fr   ? bundle->title_fr
                        : lang == COOPNET_LANG_AR && bundle->title_ar ? bundle->title_ar
                                                                      : bundle->title;
    if (given != NULL && model->options->country == NULL) {
        snprintf(buffer, size, "%s", given);
        return;
    }
    const char *countries[MAX_COUNTRIES] = {0};
    size_t counts[MAX_COUNTRIES], n_countries = 0;
    for (size_t a = 0; a < bundle->n_actors; a++) {
        const coopnet_actor_t *actor = &bundle->actors[a];
        if (!model->actor_kept[a] || actor->country[0] == '\0' ||
            (actor->level != COOPNET_LEVEL_LOCAL && actor->level != COOPNET_LEVEL_REGIONAL))
            continue;
        size_t c = 0;
        while (c < n_countries && strcmp(countries[c], actor->country) != 0)
            c++;
        if (c == n_countries && n_countries < MAX_COUNTRIES) {
            countries[n_countries] = actor->country;
            counts[n_countries++] = 0;
        }
        if (c < n_countries)
            counts[c]++;
    }
    /* up to five countries by name (alphabetical in the title's language); more: the three with
     * the most local and regional actors, and how many others */
    bool named_all = n_countries <= 5;
    for (size_t i = 1; i < n_countries; i++) {
        for (size_t j = i; j > 0; j--) {
            int order = g_utf8_collate(country_name(countries[j]), country_name(countries[j - 1]));
            bool before =
                named_all ? order < 0
                          : counts[j] > counts[j - 1] || (counts[j] == counts[j - 1] && order < 0);
            if (!before)
                break;
            const char *country = countries[j];
            countries[j] = countries[j - 1];
            countries[j - 1] = country;
            size_t count = counts[j];
            counts[j] = counts[j - 1];
            counts[j - 1] = count;
        }
    }
    size_t named = named_all ? n_countries : 3;
    char list[640] = "", where[768] = "";
    join_countries(countries, named, named_all, list, sizeof list);
    if (n_countries > 0 && named_all) /* TRANSLATORS: %s "Iraq, Jordan and Morocco" */
        snprintf(where, sizeof where, _("in %s"), list);
    else if (n_countries > 0) /* TRANSLATORS: %1$s "Morocco, Iraq, Jordan", %2$zu a count */
        snprintf(where, sizeof where,
                 P_("in %1$s and %2$zu other country", "in %1$s and %2$zu other countries",
                    n_countries - named),
                 list, n_countries - named);
    int first_year = 0, last_year = 0, month, day;
    if (model->first.precision != COOPNET_DATE_NONE && model->last.precision != COOPNET_DATE_NONE) {
        coopnet_date_civil_from_days(model->first.day, &first_year, &month, &day);
        coopnet_date_civil_from_days(coopnet_date_last_day(model->last), &last_year, &month, &day);
    }
    char when[32] = "";
    if (first_year > 0 && first_year == last_year)
        snprintf(when, sizeof when, "%d", first_year);
    else if (first_year > 0)
        snprintf(when, sizeof when, "%d–%d", first_year, last_year);
    if (where[0] && when[0]) /* TRANSLATORS: %1$s "in Iraq, Jordan and Morocco", %2$s "2023-2025" */
        snprintf(buffer, size, _("National-local cooperation %1$s, %2$s"), where, when);
    else if (where[0])
        snprintf(buffer, size, _("National-local cooperation %s"), where);
    else if (when[0])
        snprintf(buffer, size, _("National-local cooperation, %s"), when);
    else
        snprintf(buffer, size, "%s", _("National-local cooperation"));
}

/* "Morocco, Iraq and Jordan" from the model's countries (by number of actors would need counts;
 * alphabetical by name keeps it simple and stable); cut at a whole character when longer than
 * size. */
static void format_country_list(const report_model_t *model, char *buffer, size_t size)
{
    join_countries(model->countries, model->n_countries, true, buffer, size);
}

/* Appends g_markup_printf_escaped output to a page's paragraph and frees it. */
/* Draws the markup gathered in text (ending it with end, may be "") as one paragraph in font
 * at the cursor, moves the cursor below it by gap, and frees text. */
static void draw_gathered(report_document_t *document, report_font_t font, GString *text,
                          const char *end, double gap)
{
    g_string_append(text, end);
    document->y +=
        coopnet_i_report_text(document, font, text->str, REPORT_MARGIN_LEFT, document->y,
                              REPORT_TEXT_WIDTH, COOPNET_ALIGN_LEFT, coopnet_i_style_text) +
        gap;
    g_string_free(text, TRUE);
}

static void paragraph_printf(report_document_t *document, const char *format, ...)
{
    va_list args;
    va_start(args, format);
    char *markup = g_markup_vprintf_escaped(format, args);
    va_end(args);
    if (markup == NULL) {
        coopnet_i_report_fail(document, COOPNET_ENOMEM, "out of memory");
        return;
    }
    coopnet_i_report_paragraph(document, markup);
    g_free(markup);
}

/* A paragraph gathered sentence by sentence: each sentence is one whole translatable format
 * (numbered arguments, its plural chosen by gettext), its arguments escaped as markup. */
static void sentence_append(GString *paragraph, const char *format, ...)
    __attribute__((format(printf, 2, 3)));
static void sentence_append(GString *paragraph, const char *format, ...)
{
    va_list args;
    va_start(args, format);
    char *markup = g_markup_vprintf_escaped(format, args);
    va_end(args);
    if (markup == NULL)
        return; /* out of memory: the paragraph goes without the sentence */
    if (paragraph->len > 0)
        g_string_append_c(paragraph, ' ');
    g_string_append(paragraph, markup);
    g_free(markup);
}

/* Draws a gathered paragraph (if any) and frees it. */
static void paragraph_draw(report_document_t *document, GString *paragraph)
{
    if (paragraph->len > 0)
        coopnet_i_report_paragraph(document, paragraph->str);
    g_string_free(paragraph, TRUE);
}

/* How many of the vertices in order (best first) share the first place's value. */
static size_t tied_at_top(const igraph_vector_int_t *order, const igraph_vector_t *values)
{
    igraph_integer_t n = igraph_vector_int_size(order);
    if (n == 0)
        return 0;
    double top = VECTOR(*values)[VECTOR(*order)[0]];
    size_t tied = 1;
    while ((igraph_integer_t)tied < n && VECTOR(*values)[VECTOR(*order)[tied]] == top)
        tied++;
    return tied;
}

/* A level as a word inside a sentence ("local"), in the report's language. */
static const char *level_word(coopnet_level_t level)
{
    return C_("level", coopnet_level_name(level));
}

/* The scope paragraph of the cover: what the report maps, sentence by sentence (markup, owned by
 * the caller). */
static GString *describe_scope(const report_model_t *model, const char *countries,
                               const char *first, const char *last)
{
    const size_t *by_level = model->actors_by_level;
    GString *paragraph = g_string_new(NULL);
    if (countries[0])
        sentence_append(paragraph,
                        /* TRANSLATORS: %2$s a list of countries, "Iraq, Jordan and Morocco" */
                        P_("This report maps <b>%1$zu actor</b> in %2$s: %3$zu local, %4$zu "
                           "regional, %5$zu national and %6$zu international.",
                           "This report maps <b>%1$zu actors</b> in %2$s: %3$zu local, %4$zu "
                           "regional, %5$zu national and %6$zu international.",
                           model->n_actors),
                        model->n_actors, countries, by_level[COOPNET_LEVEL_LOCAL],
                        by_level[COOPNET_LEVEL_REGIONAL], by_level[COOPNET_LEVEL_NATIONAL],
                        by_level[COOPNET_LEVEL_INTERNATIONAL]);
    else
        sentence_append(paragraph,
                        P_("This report maps <b>%1$zu actor</b> with no stated country: %2$zu "
                           "local, %3$zu regional, %4$zu national and %5$zu international.",
                           "This report maps <b>%1$zu actors</b> with no stated country: %2$zu "
                           "local, %3$zu regional, %4$zu national and %5$zu international.",
                           model->n_actors),
                        model->n_actors, by_level[COOPNET_LEVEL_LOCAL],
                        by_level[COOPNET_LEVEL_REGIONAL], by_level[COOPNET_LEVEL_NATIONAL],
                        by_level[COOPNET_LEVEL_INTERNATIONAL]);
    /* TRANSLATORS: %3$s and %4$s the first and last dates */
    sentence_append(paragraph,
                    P_("They are linked by <b>%1$zu event</b> they attended together (%2$zu of "
                       "them dated to the day or month, from %3$s to %4$s).",
                       "They are linked by <b>%1$zu events</b> they attended together (%2$zu of "
                       "them dated to the day or month, from %3$s to %4$s).",
                       model->n_events),
                    model->n_events, model->n_dated_events, first, last);
    sentence_append(paragraph,
                    P_("They also share <b>%1$zu recorded tie</b> (%2$zu of them formal "
                       "agreements: MoUs, partnerships, memberships, funding, technical support).",
                       "They also share <b>%1$zu recorded ties</b> (%2$zu of them formal "
                       "agreements: MoUs, partnerships, memberships, funding, technical support).",
                       model->n_ties),
                    model->n_ties, model->n_agreements);
    /* two decimals, or as many as a sparse network's density needs to show two digits
     * (0.0016 at 100 000 actors, not 0.00) */
    char density[32];
    double d = model->summary.density;
    int decimals = d > 0 && d < 0.01 ? (int)-floor(log10(d)) + 1 : 2;
    snprintf(density, sizeof density, "%.*f", decimals > 12 ? 12 : decimals, d);
    sentence_append(paragraph,
                    P_("Together they form a cooperation network of %1$lld link between actors "
                       "(density %2$s).",
                       "Together they form a cooperation network of %1$lld links between actors "
                       "(density %2$s).",
                       model->summary.n_edges),
                    (long long)model->summary.n_edges, density);
    if (model->summary.n_components == 1)
        sentence_append(paragraph, "%s", _("It forms a single connected group."));
    else
        sentence_append(paragraph,
                        P_("It falls into %lld connected group.",
                           "It falls into %lld connected groups.", model->summary.n_components),
                        (long long)model->summary.n_components);
    /* the most connected as page 4 counts them (ties and significant co-attendance) */
    size_t tied = tied_at_top(&model->held_by_degree, &model->held_degree);
    if (model->summary.n_vertices > 0 &&
        VECTOR(model->held_degree)[VECTOR(model->held_by_degree)[0]] > 0) {
        const char *top = vertex_name(model, VECTOR(model->held_by_degree)[0]);
        if (tied == 1)
            sentence_append(paragraph, _("The most connected actor is <b>%s</b>."), top);
        else if (tied == 2)
            sentence_append(paragraph,
                            _("<b>%1$s</b> and <b>%2$s</b> are the most connected actors, tied."),
                            top, vertex_name(model, VECTOR(model->held_by_degree)[1]));
        else
            sentence_append(paragraph,
                            P_("<b>%1$s</b> and %2$zu other actor are the most connected, tied.",
                               "<b>%1$s</b> and %2$zu other actors are the most connected, tied.",
                               tied - 1),
                            top, tied - 1);
        if (model->held_is_backbone)
            sentence_append(paragraph, "%s",
                            _("Connections are counted as on page 4: ties, and co-attendance only "
                              "where it is more than chance."));
    }
    return paragraph;
}

/* ------------------------------------------------------------------------------------------ */
/* Figures */

/* Text on one line, ellipsized at width when width > 0, anchored at x. */
static void draw_text_plain(cairo_t *cr, coopnet_text_role_t role, const char *text, double x,
                            double y, double width, coopnet_align_t align, coopnet_rgb_t color)
{
    PangoLayout *layout = coopnet_i_style_layout(cr, role, text, width, 1);
    if (layout == NULL)
        return;
    coopnet_i_style_draw_layout(cr, layout, x, y, align, color);
    g_object_unref(layout);
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
        coopnet_i_style_set_color(cr, coopnet_i_style_level_color((coopnet_level_t)l), 1.0);
        cairo_rectangle(cr, x, rect.y, width, bar_height);
        cairo_fill(cr);
        x += width;
    }
    x = rect.x;
    for (int l = 0; l < COOPNET_LEVEL_COUNT; l++) {
        char text[64];
        snprintf(text, sizeof text, "%s %zu", C_("level title", level_titles[l]), bar->counts[l]);
        coopnet_i_style_set_color(cr, coopnet_i_style_level_color((coopnet_level_t)l), 1.0);
        cairo_rectangle(cr, x, rect.y + bar_height + 8, 8, 8);
        cairo_fill(cr);
        draw_text_plain(cr, COOPNET_TEXT_BODY, text, x + 12, rect.y + bar_height + 5, 0,
                        COOPNET_ALIGN_LEFT, coopnet_i_style_text);
        x += rect.w / COOPNET_LEVEL_COUNT;
    }
}

/* A chart for coopnet_i_report_figure: which chart, drawn from the model's results, with the
 * report's options; the status is kept for place_chart. */
typedef struct chart_figure {
    const report_model_t *model;
    coopnet_chart_kind_t kind;
    coopnet_chart_options_t options;
    const char *country; /* nlc-matrix: NULL for the whole network */
    int status;
    coopnet_error_t err;
} chart_figure_t;

static void draw_chart_figure(cairo_t *cr, coopnet_rect_t rect, const void *data)
{
    chart_figure_t *figure = (chart_figure_t *)data;
    const report_model_t *model = figure->model;
    const coopnet_chart_options_t *options = &figure->options;
    coopnet_error_t *err = &figure->err;
    int status = COOPNET_OK;
    switch (figure->kind) {
    case COOPNET_CHART_RANKING: {
        coopnet_vertex_values_t values = {model->held.build_id, &model->betweenness, "betweenness"};
        status = coopnet_i_draw_chart_ranking(cr, rect, &model->held, &values, options, err);
        break;
    }
    case COOPNET_CHART_NLC_MATRIX:
        status = coopnet_i_draw_chart_nlc_matrix(cr, rect, model->bundle, &model->nlc,
                                                 figure->country, options, err);
        break;
    case COOPNET_CHART_SNAPSHOTS:
        status = coopnet_i_draw_chart_snapshots(cr, rect, model->bundle, &model->graph,
                                                &model->positions, &model->panels, options, err);
        break;
    case COOPNET_CHART_REACH_CURVE:
        status = coopnet_i_draw_chart_reach_curve(
            cr, rect, model->bundle, &model->reach_curve,
            model->temporal_possible ? &model->reach_curve_possible : NULL, 1, NULL,
            coopnet_temporal_network_actors(model->temporal), options, err);
        break;
    case COOPNET_CHART_PARTICIPATION:
        status = coopnet_i_draw_chart_participation(cr, rect, model->bundle, options, err);
        break;
    }
    if (figure->status == COOPNET_OK)
        figure->status = status;
}

/* A bare chart (no title, no source line: the page says both) of the report's actors. */
static void chart_figure_init(chart_figure_t *figure, const report_model_t *model,
                              coopnet_chart_kind_t kind)
{
    memset(figure, 0, sizeof *figure);
    figure->model = model;
    figure->kind = kind;
    coopnet_chart_options_init(&figure->options);
    figure->options.figure.title = "";
    figure->options.figure.caption = "";
    figure->options.graph = model->graph_options;
    figure->options.label_field = COOPNET_LABEL_FIELD_NAME;
    figure->options.seed = 1;
}

/* The box of a figure whose content (inside the style's margin) fills x, y, w, h: the figures
 * line up with the text block. */
static coopnet_rect_t figure_box(double x, double y, double w, double h)
{
    return (coopnet_rect_t){x - COOPNET_STYLE_MARGIN, y - COOPNET_STYLE_MARGIN,
                            w + 2 * COOPNET_STYLE_MARGIN, h + 2 * COOPNET_STYLE_MARGIN};
}

/* Draws a chart with its content in x, y, w, h; a chart the data cannot make (EDATA) is left
 * out, other failures fail the document. */
static void place_chart(report_document_t *document, chart_figure_t *figure, double x, double y,
                        double w, double h, const char *name)
{
    coopnet_i_report_figure(document, figure_box(x, y, w, h), name, draw_chart_figure, figure);
    if (figure->status != COOPNET_OK && figure->status != COOPNET_EDATA)
        coopnet_i_report_fail(document, figure->status, "%s", figure->err.message);
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

/* Something drawn at the cursor that moves it down, for block_height. */
typedef void (*report_block_fn)(report_document_t *document, const void *data);

/* The height draw(document, data) takes: drawn from the page's top into a cairo group that is
 * then thrown away, the cursor put back. Lets a page fit what comes before to what must follow. */
static double block_height(report_document_t *document, report_block_fn draw, const void *data)
{
    double y = document->y;
    cairo_push_group(document->cr);
    document->y = 0;
    draw(document, data);
    double height = document->y;
    cairo_pattern_destroy(cairo_pop_group(document->cr));
    document->y = y;
    return height;
}

/* One contents line in the column from x of width: the title, its page number at the right. */
static void page_contents_line(report_document_t *document, int number, const char *title, double x,
                               double width)
{
    char markup[256], escaped[200];
    coopnet_i_report_escape(title, escaped, sizeof escaped);
    snprintf(markup, sizeof markup, "%s", escaped);
    coopnet_i_report_text(document, REPORT_FONT_BODY, markup, x, document->y, width - 24,
                          COOPNET_ALIGN_LEFT, coopnet_i_style_text);
    snprintf(markup, sizeof markup, "%d", number);
    double height =
        coopnet_i_report_text(document, REPORT_FONT_BODY, markup, x + width, document->y, 0,
                              COOPNET_ALIGN_RIGHT, coopnet_i_style_muted);
    document->y += height + 3;
}

/* The height of markup in font wrapped at width. */
static double text_height_at(report_document_t *document, report_font_t font, const char *markup,
                             double width)
{
    double measured_width, height;
    coopnet_i_report_measure(document, font, markup, width, &measured_width, &height);
    return height;
}

/* The height of markup in font across the text block. */
static double text_height(report_document_t *document, report_font_t font, const char *markup)
{
    return text_height_at(document, font, markup, REPORT_TEXT_WIDTH);
}

/* The cover title as markup in escaped and the font to set it in, so that the title band keeps
 * its height and the contents stay above the footer however long the title: the cover font on
 * up to two lines, else the page-title font on up to three, the text then cut with an ellipsis
 * (at a character, never inside an entity). */
static report_font_t fit_cover_title(report_document_t *document, const char *title, char *escaped,
                                     size_t size)
{
    static const struct {
        report_font_t font;
        int lines;
    } choices[] = {{REPORT_FONT_COVER_TITLE, 2}, {REPORT_FONT_PAGE_TITLE, 3}};
    for (size_t i = 0; i < 2; i++) {
        double line = text_height(document, choices[i].font, "Ag");
        double limit = line * (choices[i].lines + 0.5);
        coopnet_i_report_escape(title, escaped, size);
        if (text_height(document, choices[i].font, escaped) <= limit)
            return choices[i].font;
        if (i == 0)
            continue;
        /* the longest start of the title that fits, by halving */
        glong low = 0, high = g_utf8_strlen(title, -1);
        char *cut = NULL;
        while (low < high) {
            glong middle = (low + high + 1) / 2;
            g_free(cut);
            char *start = g_utf8_substring(title, 0, middle);
            cut = g_strconcat(start, "…", NULL);
            g_free(start);
            coopnet_i_report_escape(cut, escaped, size);
            if (text_height(document, choices[i].font, escaped) <= limit)
                low = middle;
            else
                high = middle - 1;
        }
        g_free(cut);
        char *start = g_utf8_substring(title, 0, low);
        /* at the end of a word when one ends in the second half of what fits */
        char *space = strrchr(start, ' ');
        if (space != NULL && space - start > (ptrdiff_t)(strlen(start) / 2))
            *space = '\0';
        cut = g_strconcat(g_strchomp(start), "…", NULL);
        coopnet_i_report_escape(cut, escaped, size);
        g_free(start);
        g_free(cut);
    }
    return REPORT_FONT_PAGE_TITLE;
}

static void draw_contents(report_document_t *document, const void *data);

static void page_title(report_document_t *document, const report_model_t *model,
                       const report_page_t *page)
{
    cairo_t *cr = document->cr;
    const coopnet_report_options_t *options = model->options;
    char text[512], escaped[512], first[64], last[64], countries[4096];

    char default_title[512];
    if (options->title == NULL)
        report_default_title(model, default_title, sizeof default_title);
    report_font_t title_font = fit_cover_title(
        document, options->title ? options->title : default_title, escaped, sizeof escaped);
    format_date_long(model->first, first, sizeof first);
    format_date_long(model->last, last, sizeof last);
    format_country_list(model, countries, sizeof countries);
    if (options->country != NULL)
        snprintf(text, sizeof text, _("%s and the national and international actors linked to it"),
                 country_name(options->country));
    else
        snprintf(text, sizeof text, P_("%zu country", "%zu countries", model->n_countries),
                 model->n_countries);
    /* TRANSLATORS: %1$s the countries covered, %2$s and %3$s the first and last dates */
    char *subtitle = g_markup_printf_escaped(_("%1$s · %2$s to %3$s"), text, first, last);
    /* the title band, as tall as its title and subtitle need */
    double title_height = text_height(document, title_font, escaped);
    double band = fmax(250, 90 + title_height + 10 +
                                text_height(document, REPORT_FONT_COVER_SUBTITLE, subtitle) + 24);
    coopnet_i_style_set_color(cr, coopnet_i_report_accent, 1.0);
    cairo_rectangle(cr, 0, 0, REPORT_PAGE_WIDTH, band);
    cairo_fill(cr);
    coopnet_i_report_text(document, REPORT_FONT_SMALL, _("COOPERATION NETWORK MAPPING"),
                          REPORT_MARGIN_LEFT, 70, 0, COOPNET_ALIGN_LEFT,
                          (coopnet_rgb_t){0.75, 0.82, 0.92});
    coopnet_i_report_text(document, title_font, escaped, REPORT_MARGIN_LEFT, 90, REPORT_TEXT_WIDTH,
                          COOPNET_ALIGN_LEFT, coopnet_i_style_white);
    coopnet_i_report_text(document, REPORT_FONT_COVER_SUBTITLE, subtitle, REPORT_MARGIN_LEFT,
                          90 + title_height + 10, REPORT_TEXT_WIDTH, COOPNET_ALIGN_LEFT,
                          (coopnet_rgb_t){0.86, 0.90, 0.96});
    g_free(subtitle);
    document->y = band + 26;

    /* headline figures */
    char actors[32], events[32], ties[32], links[32];
    snprintf(actors, sizeof actors, "%zu", model->n_actors);
    snprintf(events, sizeof events, "%zu", model->n_events);
    snprintf(ties, sizeof ties, "%zu", model->n_ties);
    snprintf(links, sizeof links, "%lld", (long long)model->summary.n_edges);
    const char *numbers[] = {actors, events, ties, links};
    char events_label[64];
    snprintf(events_label, sizeof events_label,
             P_("events (%zu dated)", "events (%zu dated)", model->n_dated_events),
             model->n_dated_events);
    const char *labels[] = {_("actors"), events_label, _("recorded ties"), _("cooperation links")};
    coopnet_i_report_key_figures(document, numbers, labels, 4);

    coopnet_i_report_section(document, _("Actors by level"));
    level_bar_t level_bar;
    memcpy(level_bar.counts, model->actors_by_level, sizeof level_bar.counts);
    coopnet_i_report_figure(
        document, (coopnet_rect_t){REPORT_MARGIN_LEFT, document->y, REPORT_TEXT_WIDTH, 34},
        "levels", draw_level_bar, &level_bar);
    document->y += 46;

    coopnet_i_report_section(document, _("Scope"));
    GString *scope = describe_scope(model, countries, first, last);
    if (options->as_of.precision != COOPNET_DATE_NONE) {
        format_date_long(options->as_of, text, sizeof text);
        char *as_of = g_markup_printf_escaped(_("The network is shown as it stood on %s: later "
                                                "events and ties, and ties ended by then, are "
                                                "left out."),
                                              text);
        g_string_append_printf(scope, "\n%s", as_of ? as_of : "");
        g_free(as_of);
    }
    /* the scope in the body's font, or the small one when the contents would not fit below */
    double room = REPORT_BOTTOM - document->y - block_height(document, draw_contents, page) - 7;
    report_font_t font = text_height(document, REPORT_FONT_BODY, scope->str) <= room
                             ? REPORT_FONT_BODY
                             : REPORT_FONT_SMALL;
    document->y +=
        coopnet_i_report_text(document, font, scope->str, REPORT_MARGIN_LEFT, document->y,
                              REPORT_TEXT_WIDTH, COOPNET_ALIGN_LEFT, coopnet_i_style_text) +
        7;
    g_string_free(scope, TRUE);
    draw_contents(document, page);
}

/* The cover's contents: the other pages in two columns, each title with its page number. */
static void draw_contents(report_document_t *document, const void *data)
{
    const report_page_t *page = data;
    coopnet_i_report_section(document, _("Contents"));
    size_t n = page->n_all - 1, per_column = (n + 1) / 2;
    double column_top = document->y, bottom = column_top;
    double column_width = (REPORT_TEXT_WIDTH - 24) / 2;
    for (size_t i = 0; i < n; i++) {
        if (i == per_column) {
            bottom = document->y;
            document->y = column_top;
        }
        double x = REPORT_MARGIN_LEFT + (i < per_column ? 0 : column_width + 24);
        page_contents_line(document, page->all[i + 1].number, page->all[i + 1].title, x,
                           column_width);
    }
    document->y = fmax(bottom, document->y);
}

/* The sentence naming the tied actors that share the first place of order, one of three whole
 * formats (one actor, two, more: the last already in the plural for tied - 1) given the names,
 * the others' count, value and others: a shared first place is never named as one actor's. */
static void describe_leaders(GString *paragraph, const report_model_t *model,
                             const igraph_vector_int_t *order, size_t tied, const char *one,
                             const char *two, const char *more, double value, long long others)
{
    const char *first = vertex_name(model, VECTOR(*order)[0]);
    if (tied == 1)
        sentence_append(paragraph, one, first, value, others);
    else if (tied == 2)
        sentence_append(paragraph, two, first, vertex_name(model, VECTOR(*order)[1]), value,
                        others);
    else
        sentence_append(paragraph, more, first, tied - 1, value, others);
}

static void draw_top_actors(report_document_t *document, const void *data);

static void page_centrality(report_document_t *document, const report_model_t *model,
                            const report_page_t *page)
{
    coopnet_i_report_page_title(document, page->number, page->title);
    igraph_integer_t n = model->summary.n_vertices;
    if (n == 0) {
        coopnet_i_report_paragraph(document, _("The network has no actors."));
        return;
    }
    igraph_integer_t top_degree = VECTOR(model->held_by_degree)[0];
    igraph_integer_t top_between = VECTOR(model->by_betweenness)[0];
    double total_betweenness = 0, top3 = 0;
    for (igraph_integer_t i = 0; i < n; i++)
        total_betweenness += VECTOR(model->betweenness)[VECTOR(model->by_betweenness)[i]];
    for (igraph_integer_t i = 0; i < n && i < 3; i++)
        top3 += VECTOR(model->betweenness)[VECTOR(model->by_betweenness)[i]];
    GString *paragraph = g_string_new(NULL);
    if (model->held_is_backbone)
        sentence_append(
            paragraph,
            P_("This page counts the links that are more than co-presence: the recorded ties, "
               "and shared events only where two actors met more often than chance would make "
               "them meet (%1$zu of the %2$zu link by shared events passes this test; see the "
               "method notes).",
               "This page counts the links that are more than co-presence: the recorded ties, "
               "and shared events only where two actors met more often than chance would make "
               "them meet (%1$zu of the %2$zu links by shared events pass this test; see the "
               "method notes).",
               model->co_attending_links),
            model->significant_links, model->co_attending_links);
    else
        sentence_append(paragraph,
                        _("Which shared events are more than chance could not be tested on these "
                          "data (%s), so this page counts every shared event as a link."),
                        model->held_failure);
    size_t tied = tied_at_top(&model->held_by_degree, &model->held_degree);
    if (VECTOR(model->held_degree)[top_degree] <= 0)
        sentence_append(paragraph, "%s",
                        _("No two actors are linked beyond co-presence: no tie is recorded and "
                          "no pair met more often than chance."));
    else
        describe_leaders(
            paragraph, model, &model->held_by_degree, tied,
            _("<b>%1$s</b> is linked to the most actors: %2$.0f of the other %3$lld."),
            _("<b>%1$s</b> and <b>%2$s</b> are linked to the most actors, tied: %3$.0f "
              "of the other %4$lld each."),
            P_("<b>%1$s</b> and %2$zu other actor are linked to the most actors, tied: "
               "%3$.0f of the other %4$lld each.",
               "<b>%1$s</b> and %2$zu other actors are linked to the most actors, tied: "
               "%3$.0f of the other %4$lld each.",
               tied - 1),
            VECTOR(model->held_degree)[top_degree], (long long)(n - 1));
    if (VECTOR(model->betweenness)[top_between] <= 0) {
        sentence_append(paragraph, "%s",
                        _("No actor lies on a shortest path between two others (every "
                          "betweenness is 0)."));
    } else {
        tied = tied_at_top(&model->by_betweenness, &model->betweenness);
        describe_leaders(paragraph, model, &model->by_betweenness, tied,
                         _("<b>%1$s</b> lies on the most shortest paths between other actors "
                           "(betweenness %2$.1f)."),
                         _("<b>%1$s</b> and <b>%2$s</b> lie on the most shortest paths between "
                           "other actors, tied (betweenness %3$.1f each)."),
                         P_("<b>%1$s</b> and %2$zu other actor lie on the most shortest paths "
                            "between other actors, tied (betweenness %3$.1f each).",
                            "<b>%1$s</b> and %2$zu other actors lie on the most shortest paths "
                            "between other actors, tied (betweenness %3$.1f each).",
                            tied - 1),
                         VECTOR(model->betweenness)[top_between], 0);
        double share = total_betweenness > 0 ? 100.0 * top3 / total_betweenness : 0.0;
        if (share > 60)
            sentence_append(paragraph,
                            _("The three leading brokers together hold %.0f%% of all "
                              "betweenness: the network depends on very few actors for its "
                              "cohesion."),
                            share);
        else
            sentence_append(paragraph,
                            _("The three leading brokers together hold %.0f%% of all "
                              "betweenness: the network depends on a handful of actors for its "
                              "cohesion."),
                            share);
    }
    const coopnet_centrality_plan_t *plan = &model->betweenness_plan;
    if (igraph_vector_size(&model->betweenness_bound) > 0) /* the policy sampled: say so */
        sentence_append(paragraph,
                        _("Betweenness is estimated from samples: each value is within %1$.0f of "
                          "the exact one with probability %2$.0f%% (see the method notes)."),
                        VECTOR(model->betweenness_bound)[0], 100 * plan->approx.confidence);
    size_t projection_tied = tied_at_top(&model->by_degree, &model->degree);
    double projection_top = VECTOR(model->degree)[VECTOR(model->by_degree)[0]];
    if (model->held_is_backbone && model->significant_links < model->co_attending_links) {
        if (projection_tied == 1)
            sentence_append(paragraph,
                            _("Counting every shared event as a link, <b>%1$s</b> would lead "
                              "with %2$.0f: a count that grows with the size of the events "
                              "attended (the table's “All events”)."),
                            vertex_name(model, VECTOR(model->by_degree)[0]), projection_top);
        else
            sentence_append(paragraph,
                            _("Counting every shared event as a link, %1$zu actors would tie "
                              "for the lead with %2$.0f each: a count that grows with the size "
                              "of the events attended (the table's “All events”)."),
                            projection_tied, projection_top);
    }
    paragraph_draw(document, paragraph);

    chart_figure_t chart;
    chart_figure_init(&chart, model, COOPNET_CHART_RANKING);
    chart.options.measure = "betweenness";
    /* the chart lower (down to 100 pt) when the table and its note would not fit below it
     * (French and a sampled betweenness make the paragraph above longer), with fewer bars so
     * that their names keep their room */
    double chart_height = fmax(100, fmin(142, REPORT_BOTTOM - document->y - 8 -
                                                  block_height(document, draw_top_actors, model)));
    chart.options.top = (size_t)fmax(3, floor(CHART_ACTORS * (chart_height - 38) / (142 - 38)));
    if (VECTOR(model->betweenness)[top_between] > 0) { /* else the text says all are 0 */
        place_chart(document, &chart, REPORT_MARGIN_LEFT, document->y, REPORT_TEXT_WIDTH,
                    chart_height, "betweenness");
        document->y += chart_height + 8;
    }
    draw_top_actors(document, model);
}

/* The centrality page's table of the actors linked to the most others, and its note. */
static void draw_top_actors(report_document_t *document, const void *data)
{
    const report_model_t *model = data;
    igraph_integer_t n = igraph_vcount(&model->graph.graph);
    coopnet_i_report_section(document, _("The 10 actors linked to the most others"));
    const char *const headers[] = {_("Actor"),      _("Country"),     _("Degree"),
                                   _("All events"), _("Betweenness"), _("PageRank")};
    static const double widths[] = {4.0, 1.1, 1.0, 1.3, 1.6, 1.3};
    static const coopnet_align_t aligns[] = {COOPNET_ALIGN_LEFT,  COOPNET_ALIGN_LEFT,
                                             COOPNET_ALIGN_RIGHT, COOPNET_ALIGN_RIGHT,
                                             COOPNET_ALIGN_RIGHT, COOPNET_ALIGN_RIGHT};
    const char *cells[TOP_ACTORS * 6];
    char numbers[TOP_ACTORS][4][32];
    coopnet_rgb_t swatches[TOP_ACTORS];
    size_t rows = 0;
    for (igraph_integer_t i = 0; i < n && i < TOP_ACTORS; i++, rows++) {
        igraph_integer_t v = VECTOR(model->held_by_degree)[i];
        const coopnet_actor_t *actor =
            &model->bundle->actors[VECTOR(model->graph.actor_of_vertex)[v]];
        snprintf(numbers[i][0], 32, "%.0f", VECTOR(model->held_degree)[v]);
        snprintf(numbers[i][1], 32, "%.0f", VECTOR(model->degree)[v]);
        snprintf(numbers[i][2], 32, "%.1f", VECTOR(model->betweenness)[v]);
        snprintf(numbers[i][3], 32, "%.4f", VECTOR(model->pagerank)[v]);
        const char *row[6] = {actor_name(actor), actor->country[0] ? actor->country : "—",
                              numbers[i][0],     numbers[i][1],
                              numbers[i][2],     numbers[i][3]};
        memcpy(&cells[i * 6], row, sizeof row);
        swatches[i] = coopnet_i_style_level_color(actor->level);
    }
    report_table_t table = {
        6, rows, headers, widths, aligns, cells, swatches, REPORT_MARGIN_LEFT, REPORT_TEXT_WIDTH};
    coopnet_i_report_table_draw(document, &table);
    document->y += coopnet_i_report_text(
        document, REPORT_FONT_SMALL,
        _("Degree: distinct actors linked by a tie or by shared events more often than chance. "
          "All events: the same with every shared event a link. Betweenness (shortest paths "
          "through the actor) and PageRank (damping 0.85): on the links of the degree. Dots: "
          "the level."),
        REPORT_MARGIN_LEFT, document->y, REPORT_TEXT_WIDTH, COOPNET_ALIGN_LEFT,
        coopnet_i_style_muted);
}

/* ------------------------------------------------------------------------------------------ */
/* Pages drawn with the analysis modules */

/* A network figure for coopnet_i_report_figure: the model's graph, sized by its betweenness,
 * the force layout at the model's positions; its status kept. */
typedef struct network_figure {
    const report_model_t *model;
    coopnet_render_options_t options;
    int status;
    coopnet_error_t err;
} network_figure_t;

static void draw_network_figure(cairo_t *cr, coopnet_rect_t rect, const void *data)
{
    network_figure_t *figure = (network_figure_t *)data;
    const report_model_t *model = figure->model;
    coopnet_network_input_t input = {0};
    input.bundle = model->bundle;
    input.graph = &model->graph;
    input.sizes =
        (coopnet_vertex_values_t){model->graph.build_id, &model->betweenness, "betweenness"};
    if (figure->options.layout == COOPNET_LAYOUT_FR)
        input.positions = &model->positions;
    input.raster_dense = true; /* a report to e-mail: dense networks as images */
    int status = coopnet_i_draw_network(cr, rect, &input, &figure->options, NULL, &figure->err);
    if (figure->status == COOPNET_OK)
        figure->status = status;
}

static void network_figure_init(network_figure_t *figure, const report_model_t *model,
                                coopnet_layout_kind_t kind)
{
    memset(figure, 0, sizeof *figure);
    figure->model = model;
    coopnet_render_options_init(&figure->options);
    figure->options.figure.title = "";
    figure->options.figure.caption = "";
    figure->options.graph = model->graph_options;
    figure->options.layout = kind;
    figure->options.seed = 1; /* as the model's positions */
    figure->options.size_by = "betweenness";
    figure->options.labels = COOPNET_LABELS_TOP;
    figure->options.label_top = 12;
}

/* Draws a network figure at the cursor; a figure that cannot be drawn for the data (EDATA: no
 * coordinates, no dates) becomes a note; other failures fail the document. */
static bool place_network_figure(report_document_t *document, network_figure_t *figure,
                                 double height, const char *name)
{
    coopnet_rect_t rect = figure_box(REPORT_MARGIN_LEFT, document->y, REPORT_TEXT_WIDTH,
                                     height - 2 * COOPNET_STYLE_MARGIN);
    coopnet_i_report_figure(document, rect, name, draw_network_figure, figure);
    if (figure->status == COOPNET_EDATA) {
        char markup[COOPNET_ERROR_MESSAGE_SIZE + 64];
        coopnet_i_report_escape(figure->err.message, markup, sizeof markup);
        coopnet_i_report_paragraph(document, markup);
        return false;
    }
    if (figure->status != COOPNET_OK)
        coopnet_i_report_fail(document, figure->status, "%s", figure->err.message);
    document->y += height + 8;
    return true;
}

static double mean_degree_of_level(const report_model_t *model, coopnet_level_t level)
{
    double sum = 0;
    size_t count = 0;
    for (igraph_integer_t v = 0; v < model->summary.n_vertices; v++) {
        if (model->bundle->actors[VECTOR(model->graph.actor_of_vertex)[v]].level != level)
            continue;
        sum += VECTOR(model->degree)[v];
        count++;
    }
    return count ? sum / (double)count : NAN;
}

static void page_network(report_document_t *document, const report_model_t *model,
                         const report_page_t *page)
{
    coopnet_i_report_page_title(document, page->number, page->title);
    const coopnet_graph_summary_t *summary = &model->summary;
    char levels[512] = "";
    size_t used = 0;
    for (int l = 0; l < COOPNET_LEVEL_COUNT && used < sizeof levels; l++) {
        double mean = mean_degree_of_level(model, (coopnet_level_t)l);
        if (isnan(mean))
            continue;
        /* TRANSLATORS: an item of a list, a level and the mean number of actors linked to its
         * actors: "local 2.3" */
        used += (size_t)snprintf(levels + used, sizeof levels - used,
                                 used ? _(", %1$s %2$.1f") : _("%1$s %2$.1f"),
                                 level_word((coopnet_level_t)l), mean);
    }
    GString *paragraph = g_string_new(NULL);
    sentence_append(paragraph,
                    P_("The %1$lld actors are joined by %2$lld link.",
                       "The %1$lld actors are joined by %2$lld links.", summary->n_edges),
                    (long long)summary->n_vertices, (long long)summary->n_edges);
    if (summary->n_components == 1)
        sentence_append(paragraph, "%s", _("They form a single connected group."));
    else
        sentence_append(
            paragraph,
            P_("They fall into %1$lld connected group; the largest holds %2$lld actors.",
               "They fall into %1$lld connected groups; the largest holds %2$lld "
               "actors.",
               summary->n_components),
            (long long)summary->n_components, (long long)summary->largest_component);
    if (summary->n_isolates == 0)
        sentence_append(paragraph, "%s", _("No actor is isolated."));
    else
        sentence_append(
            paragraph,
            P_("%lld actor has no link.", "%lld actors have no link.", summary->n_isolates),
            (long long)summary->n_isolates);
    sentence_append(
        paragraph,
        /* TRANSLATORS: %2$s the list of levels with their means, "local 2.3, ..." */
        _("On average an actor is linked to %1$.1f others; by level: %2$s."),
        summary->n_vertices ? 2.0 * (double)summary->n_edges / (double)summary->n_vertices : 0.0,
        levels);
    sentence_append(paragraph, "%s",
                    _("Nodes are coloured by level and sized by betweenness, so the large nodes "
                      "are the brokers the network runs through; the 12 most central actors are "
                      "named."));
    paragraph_draw(document, paragraph);
    network_figure_t figure;
    network_figure_init(&figure, model, COOPNET_LAYOUT_FR);
    place_network_figure(document, &figure, REPORT_BOTTOM - document->y - 24, "network");
    document->y += coopnet_i_report_text(
        document, REPORT_FONT_SMALL,
        _("Force-directed layout (Fruchterman-Reingold, seed 1): linked actors are drawn "
          "close together; distances have no geographic meaning."),
        REPORT_MARGIN_LEFT, document->y, REPORT_TEXT_WIDTH, COOPNET_ALIGN_LEFT,
        coopnet_i_style_muted);
}

/* "national: 9, regional: 1": the levels of the actors the geo layout places as place, the most
 * common first. */
static void format_levels_placed(const report_model_t *model, const coopnet_geo_placement_t *geo,
                                 coopnet_geo_place_t place, char *buffer, size_t size)
{
    size_t counts[COOPNET_LEVEL_COUNT] = {0};
    for (igraph_integer_t v = 0; v < model->summary.n_vertices; v++) {
        coopnet_level_t level =
            model->bundle->actors[VECTOR(model->graph.actor_of_vertex)[v]].level;
        if (geo->place[v] == place && (int)level >= 0 && level < COOPNET_LEVEL_COUNT)
            counts[level]++;
    }
    buffer[0] = '\0';
    size_t used = 0;
    for (;;) {
        int best = -1;
        for (int l = 0; l < COOPNET_LEVEL_COUNT; l++)
            if (counts[l] > 0 && (best < 0 || counts[l] > counts[best]))
                best = l;
        if (best < 0 || used >= size)
            break;
        /* TRANSLATORS: an item of a list of levels with their number of actors, "national: 9" */
        used += (size_t)snprintf(buffer + used, size - used,
                                 used ? _(", %1$s: %2$zu") : _("%1$s: %2$zu"),
                                 level_word((coopnet_level_t)best), counts[best]);
        counts[best] = 0;
    }
}

/* Without any map: the actors by country and level, so the page still says where they are. */
static void table_actors_by_country(report_document_t *document, const report_model_t *model)
{
    enum { COLUMNS = COOPNET_LEVEL_COUNT + 2 };
    size_t n_rows = model->n_countries + 1;
    char(*texts)[24] = calloc(n_rows * COLUMNS, sizeof *texts);
    const char **cells = calloc(n_rows * COLUMNS, sizeof *cells);
    if (texts == NULL || cells == NULL) {
        free(texts);
        free(cells);
        coopnet_i_report_fail(document, COOPNET_ENOMEM, "out of memory");
        return;
    }
    size_t rows = 0;
    for (size_t c = 0; c <= model->n_countries; c++) {
        const char *country = c < model->n_countries ? model->countries[c] : "";
        size_t counts[COOPNET_LEVEL_COUNT] = {0}, total = 0;
        for (igraph_integer_t v = 0; v < model->summary.n_vertices; v++) {
            const coopnet_actor_t *actor =
                &model->bundle->actors[VECTOR(model->graph.actor_of_vertex)[v]];
            if (strcmp(actor->country, country) == 0 && (int)actor->level >= 0 &&
                actor->level < COOPNET_LEVEL_COUNT) {
                counts[actor->level]++;
                total++;
            }
        }
        if (total == 0)
            continue;
        cells[rows * COLUMNS] = country[0] ? country_name(country) : _("no country");
        for (int l = 0; l <= COOPNET_LEVEL_COUNT; l++) {
            char *text = texts[rows * COLUMNS + 1 + l];
            snprintf(text, sizeof texts[0], "%zu", l < COOPNET_LEVEL_COUNT ? counts[l] : total);
            cells[rows * COLUMNS + 1 + l] = text;
        }
        rows++;
    }
    const char *const headers[COLUMNS] = {_("Country"),
                                          C_("level title", "Local"),
                                          C_("level title", "Regional"),
                                          C_("level title", "National"),
                                          C_("level title", "International"),
                                          _("Actors")};
    static const double widths[COLUMNS] = {3, 1, 1, 1, 1.3, 1};
    static const coopnet_align_t aligns[COLUMNS] = {COOPNET_ALIGN_LEFT,  COOPNET_ALIGN_RIGHT,
                                                    COOPNET_ALIGN_RIGHT, COOPNET_ALIGN_RIGHT,
                                                    COOPNET_ALIGN_RIGHT, COOPNET_ALIGN_RIGHT};
    report_table_t table = {
        COLUMNS, rows, headers, widths, aligns, cells, NULL, REPORT_MARGIN_LEFT, REPORT_TEXT_WIDTH};
    coopnet_i_report_table_draw(document, &table);
    free(texts);
    free(cells);
}

static const char how_to_locate[] =
    N_("To draw each actor where it is, add the columns lat and lon to actors.csv and fill them "
       "in decimal degrees (Tunis: 36.81 and 10.18), at least for the cities and governorates.");

static void page_geography(report_document_t *document, const report_model_t *model,
                           const report_page_t *page)
{
    coopnet_i_report_page_title(document, page->number, page->title);
    /* the counts are the map's own: the placement the geo figure draws */
    coopnet_basemap_t map;
    coopnet_geo_placement_t geo;
    coopnet_error_t err = {0};
    coopnet_i_basemap_open(&map, NULL);
    int status = coopnet_i_geo_placement_init(&geo, &model->graph, &map, &err);
    bool map_data = map.open;
    coopnet_i_basemap_close(&map);
    if (status == COOPNET_ENOMEM) {
        coopnet_i_report_fail(document, status, "%s", err.message);
        return;
    }
    size_t total = (size_t)model->summary.n_vertices;
    char countries[4096];
    format_country_list(model, countries, sizeof countries);
    if (status != COOPNET_OK) {
        /* nothing to put on a map: say what is missing and how to add it */
        GString *paragraph = g_string_new(NULL);
        if (map_data)
            sentence_append(paragraph,
                            _("None of the %zu actors has coordinates (the columns lat and lon "
                              "of actors.csv), so this page has no map."),
                            total);
        else
            sentence_append(paragraph,
                            _("None of the %zu actors has coordinates (the columns lat and lon "
                              "of actors.csv), and the map data that would place them by country "
                              "(Debian's gmt-dcw) is not installed, so this page has no map."),
                            total);
        if (countries[0])
            /* TRANSLATORS: %s a list of countries, "Iraq, Jordan and Morocco" */
            sentence_append(paragraph, _("The actors come from %s. By country and level:"),
                            countries);
        else
            sentence_append(paragraph, "%s", _("No actor states a country. By level:"));
        paragraph_draw(document, paragraph);
        table_actors_by_country(document, model);
        coopnet_i_report_space(document, 6);
        coopnet_i_report_paragraph(document, _(how_to_locate));
        return;
    }
    size_t located = geo.counts[COOPNET_GEO_LOCATED];
    size_t by_country = geo.counts[COOPNET_GEO_BY_COUNTRY], listed = geo.counts[COOPNET_GEO_LISTED];
    char located_levels[256], by_country_levels[256], listed_levels[256];
    format_levels_placed(model, &geo, COOPNET_GEO_LOCATED, located_levels, sizeof located_levels);
    format_levels_placed(model, &geo, COOPNET_GEO_BY_COUNTRY, by_country_levels,
                         sizeof by_country_levels);
    format_levels_placed(model, &geo, COOPNET_GEO_LISTED, listed_levels, sizeof listed_levels);
    coopnet_i_geo_placement_destroy(&geo);
    GString *paragraph = g_string_new(NULL);
    if (located > 0)
        sentence_append(paragraph,
                        /* TRANSLATORS: %3$s the levels, "local: 12, regional: 5" */
                        P_("%1$zu of the %2$zu actors (%3$s) has coordinates and is drawn where "
                           "it is.",
                           "%1$zu of the %2$zu actors (%3$s) have coordinates and are drawn where "
                           "they are.",
                           located),
                        located, total, located_levels);
    else
        sentence_append(paragraph,
                        _("None of the %zu actors has coordinates (the columns lat and lon of "
                          "actors.csv), so the map shows which country each actor belongs to, "
                          "not where it is."),
                        total);
    if (by_country > 0 && located > 0 && map_data)
        sentence_append(paragraph,
                        P_("%1$zu actor without coordinates (%2$s) is drawn with a dashed ring "
                           "near the middle of its country, clear of the located actors; its "
                           "position says which country, not where.",
                           "%1$zu actors without coordinates (%2$s) are drawn with a dashed ring "
                           "near the middle of their country, clear of the located actors; their "
                           "position says which country, not where.",
                           by_country),
                        by_country, by_country_levels);
    else if (by_country > 0 && located > 0)
        sentence_append(paragraph,
                        P_("%1$zu actor without coordinates (%2$s) is drawn with a dashed ring "
                           "near the middle of its country's located actors, clear of them; its "
                           "position says which country, not where.",
                           "%1$zu actors without coordinates (%2$s) are drawn with a dashed ring "
                           "near the middle of their country's located actors, clear of them; "
                           "their position says which country, not where.",
                           by_country),
                        by_country, by_country_levels);
    else if (by_country > 0)
        sentence_append(paragraph,
                        P_("The %1$zu actor with a country (%2$s) is drawn with a dashed ring "
                           "near the middle of its country.",
                           "The %1$zu actors with a country (%2$s) are drawn with a dashed ring "
                           "near the middle of their country.",
                           by_country),
                        by_country, by_country_levels);
    if (listed > 0)
        sentence_append(paragraph,
                        P_("%1$zu actor with neither coordinates nor a country on the map (%2$s) "
                           "is listed in a box by the map.",
                           "%1$zu actors with neither coordinates nor a country on the map (%2$s) "
                           "are listed in a box by the map, only the largest of them when there "
                           "is no room for all (the note under the map says how many).",
                           listed),
                        listed, listed_levels);
    if (located == 0)
        sentence_append(paragraph, "%s", _(how_to_locate));
    else if (countries[0])
        sentence_append(paragraph, _("The actors come from %s."), countries);
    paragraph_draw(document, paragraph);
    network_figure_t figure;
    network_figure_init(&figure, model, COOPNET_LAYOUT_GEO);
    figure.options.labels = COOPNET_LABELS_TOP;
    figure.options.label_top = 20;
    place_network_figure(document, &figure, REPORT_BOTTOM - document->y - 4, "geography");
}

/* Whether unnamed participants could raise the country's share: not every local and regional
 * actor is linked, and some took part in events with more participants than named. */
static bool reach_is_lower_bound(const coopnet_nlc_reach_t *reach)
{
    return !isnan(reach->share) && reach->unnamed_events > 0 && reach->linked < reach->subnational;
}

/* The country's row of model->held_nlc, or NULL. */
static const coopnet_nlc_reach_t *held_reach(const report_model_t *model, const char *country)
{
    for (size_t c = 0; c < model->held_nlc.n_countries; c++)
        if (strcmp(model->held_nlc.reach[c].country, country) == 0)
            return &model->held_nlc.reach[c];
    return NULL;
}

/* A national body's name for a list under its country, as escaped markup (g_free): the
 * acronym in a closing parenthesis ("... Councils (AMPCC)": "AMPCC"), else the name without a
 * closing parenthesis ("Ministry of Interior (Morocco)": "Ministry of Interior"). */
static char *short_body_name(const char *name)
{
    size_t length = strlen(name);
    const char *open = length > 0 && name[length - 1] == ')' ? strrchr(name, '(') : NULL;
    if (open == NULL || open == name || open[-1] != ' ')
        return g_markup_escape_text(name, -1);
    const char *inside = open + 1;
    size_t inside_length = (size_t)(name + length - 1 - inside);
    bool acronym = inside_length >= 2 && inside_length <= 10;
    for (size_t i = 0; acronym && i < inside_length; i++)
        acronym = g_ascii_isupper(inside[i]) || g_ascii_isdigit(inside[i]);
    if (acronym)
        return g_markup_escape_text(inside, (gssize)inside_length);
    return g_markup_escape_text(name, (gssize)(open - 1 - name));
}

/* Appends entry to paragraph when the paragraph with the entry, followed by probe (the closing
 * "and N more" that may have to follow it), still fits in height in font; returns whether it
 * did. Lists that end where the page ends are built with it. */
static bool append_if_fits(report_document_t *document, report_font_t font, GString *paragraph,
                           const char *entry, const char *probe, double height)
{
    size_t before = paragraph->len;
    g_string_append(paragraph, entry);
    size_t with_entry = paragraph->len;
    g_string_append(paragraph, probe);
    /* a point of tolerance: line heights are fractions of a point, the footer is lower */
    bool fits = text_height(document, font, paragraph->str) <= height + 1;
    g_string_truncate(paragraph, fits ? with_entry : before);
    return fits;
}

/* A paragraph naming, per country, the national bodies linked to local or regional actors, each
 * with how many and how many of them formally: "Morocco: AMPCC with 4 (2 formally), ...". */
static GString *linked_national_bodies(report_document_t *document, const report_model_t *model,
                                       double height)
{
    const coopnet_nlc_links_t *links = &model->nlc_links;
    GString *paragraph = g_string_new(NULL);
    GString *entry = g_string_new(NULL);
    const char *country = NULL;
    size_t dropped = 0; /* national bodies left out: the list would not fit in height */
    char probe[160];
    snprintf(probe, sizeof probe,
             P_("; and %zu more (all: coopnet nlc --table links)",
                "; and %zu more (all: coopnet nlc --table links)", 99),
             (size_t)99);
    g_strlcat(probe, ".", sizeof probe);
    for (size_t i = 0; i < links->n_links;) {
        const coopnet_nlc_link_t *first = &links->links[i];
        size_t others = 0, formal = 0;
        for (; i < links->n_links && links->links[i].national == first->national; i++) {
            others++;
            formal += links->links[i].basis == COOPNET_NLC_BASIS_FORMAL;
        }
        if (dropped > 0) {
            dropped++;
            continue;
        }
        bool new_country = country == NULL || strcmp(country, first->country) != 0;
        g_string_truncate(entry, 0);
        if (paragraph->len == 0)
            g_string_append_printf(entry, "<b>%s</b> ", _("Which national bodies:"));
        else
            g_string_append(entry, new_country ? _("; ") : _(", "));
        if (new_country) {
            char *escaped = g_markup_escape_text(country_name(first->country), -1);
            /* TRANSLATORS: a country before the list of its national bodies */
            g_string_append_printf(entry, _("%s: "), escaped);
            g_free(escaped);
        }
        char *name = short_body_name(actor_name(first->national));
        if (formal > 0)
            g_string_append_printf(
                entry,
                /* TRANSLATORS: a national body, the local and regional actors
                 * linked to it, how many of them by a formal tie */
                P_("%1$s with %2$zu (%3$zu formally)", "%1$s with %2$zu (%3$zu formally)", others),
                name, others, formal);
        else
            /* TRANSLATORS: a national body and the local and regional actors linked to it */
            g_string_append_printf(entry, P_("%1$s with %2$zu", "%1$s with %2$zu", others), name,
                                   others);
        g_free(name);
        /* room for this entry and the closing "and N more" that may follow it */
        if (!append_if_fits(document, REPORT_FONT_SMALL, paragraph, entry->str,
                            i == links->n_links ? "." : probe, height)) {
            dropped = 1;
            continue;
        }
        if (new_country)
            country = first->country;
    }
    if (dropped > 0 && paragraph->len == 0) { /* not even one fits: the page leaves it out */
        g_string_free(entry, TRUE);
        return paragraph;
    }
    if (dropped > 0)
        g_string_append_printf(paragraph,
                               /* TRANSLATORS: after a list cut to fit the page */
                               P_("; and %zu more (all: coopnet nlc --table links)",
                                  "; and %zu more (all: coopnet nlc --table links)", dropped),
                               dropped);
    if (paragraph->len > 0)
        g_string_append(paragraph, ".");
    g_string_free(entry, TRUE);
    return paragraph;
}

/* Marks in shown (n entries, cleared here) the k largest of sizes (ties: the first), among those
 * not negative (negative: not to be shown); returns how many were marked. For tables that show
 * the largest of their rows when not all fit, in their own order. */
static size_t mark_largest(const int64_t *sizes, size_t n, size_t k, bool *shown)
{
    memset(shown, 0, n * sizeof *shown);
    size_t marked = 0;
    for (; marked < k; marked++) {
        size_t best = n;
        for (size_t i = 0; i < n; i++)
            if (!shown[i] && sizes[i] >= 0 && (best == n || sizes[i] > sizes[best]))
                best = i;
        if (best == n)
            break;
        shown[best] = true;
    }
    return marked;
}

/* Page 5's table: per country, the local and regional actors tied to a national body, formally
 * and by significant co-attendance, and their share; its notes below (data: the model). */
static void draw_nlc_table(report_document_t *document, const void *data)
{
    const report_model_t *model = data;
    const coopnet_nlc_t *nlc = &model->nlc;
    size_t lower_bounds = 0; /* countries whose share unnamed participants could raise */
    for (size_t c = 0; c < nlc->n_countries; c++)
        lower_bounds += !isnan(nlc->reach[c].share) && nlc->reach[c].national > 0 &&
                        reach_is_lower_bound(&nlc->reach[c]);
    coopnet_i_report_section(document,
                             _("Local and regional actors tied to a national body, by country"));
    const char *const headers[] = {_("Country"), _("Sub-national"),  _("Tied to national"),
                                   _("Formal"),  _("Co-attendance"), _("Share")};
    static const double widths[] = {1.6, 1.2, 1.5, 0.9, 1.3, 1.0};
    static const coopnet_align_t aligns[] = {COOPNET_ALIGN_LEFT,  COOPNET_ALIGN_RIGHT,
                                             COOPNET_ALIGN_RIGHT, COOPNET_ALIGN_RIGHT,
                                             COOPNET_ALIGN_RIGHT, COOPNET_ALIGN_RIGHT};
    /* countries with local or regional actors: the others have no share to give; the formal
     * and significant co-attendance counts are of the same actors (one may be both). As many
     * as fit above the notes (the most sub-national actors first), in the table's order. */
    enum { MAX_ROWS = 16 };
    const char *note = _("Tied to national: by any link, even one shared event. Of them, Formal: "
                         "by an agreement or technical support; Co-attendance: by shared events "
                         "more often than chance (page 4).");
    int64_t *sizes = calloc(nlc->n_countries + 1, sizeof *sizes);
    bool *shown = calloc(nlc->n_countries + 1, sizeof *shown);
    if (sizes == NULL || shown == NULL) {
        free(sizes);
        free(shown);
        coopnet_i_report_fail(document, COOPNET_ENOMEM, "out of memory");
        return;
    }
    size_t eligible = 0;
    for (size_t c = 0; c < nlc->n_countries; c++) {
        const coopnet_nlc_reach_t *reach = &nlc->reach[c];
        bool has_share = reach->subnational > 0 && reach->national > 0;
        sizes[c] = has_share ? (int64_t)reach->subnational : -1;
        eligible += has_share;
    }
    /* room for the notes, three lines of them beyond the first sentence */
    size_t fitting = coopnet_i_report_table_rows_fitting(
        document, eligible < MAX_ROWS ? eligible : MAX_ROWS,
        REPORT_BOTTOM - 4 - text_height_at(document, REPORT_FONT_SMALL, note, REPORT_TEXT_WIDTH) -
            3 * text_height_at(document, REPORT_FONT_SMALL, "Ag", REPORT_TEXT_WIDTH));
    size_t shown_count = mark_largest(sizes, nlc->n_countries, fitting > 0 ? fitting : 1, shown);
    free(sizes);
    size_t rows = 0;
    const char *cells[MAX_ROWS * 6];
    char numbers[MAX_ROWS][5][48];
    for (size_t c = 0; c < nlc->n_countries && rows < MAX_ROWS; c++) {
        const coopnet_nlc_reach_t *reach = &nlc->reach[c];
        if (!shown[c])
            continue; /* no share to give (named under the table), or no room */
        const coopnet_nlc_reach_t *held = held_reach(model, reach->country);
        snprintf(numbers[rows][0], 48, "%lld", (long long)reach->subnational);
        snprintf(numbers[rows][1], 48, "%lld", (long long)reach->linked);
        snprintf(numbers[rows][2], 48, "%lld", (long long)reach->linked_formal);
        snprintf(numbers[rows][3], 48, "%lld", held ? (long long)held->co_attendees : 0LL);
        if (reach_is_lower_bound(reach) && reach->linked == 0)
            snprintf(numbers[rows][4], 48, "%s", _("unknown"));
        else if (reach_is_lower_bound(reach))
            /* TRANSLATORS: a share that is a lower bound: "at least 75%" */
            snprintf(numbers[rows][4], 48, _("≥ %.0f%%"), 100 * reach->share);
        else
            /* TRANSLATORS: a share in a table cell: "75%" */
            snprintf(numbers[rows][4], 48, _("%.0f%%"), 100 * reach->share);
        cells[rows * 6] = country_name(reach->country);
        for (int k = 0; k < 5; k++)
            cells[rows * 6 + 1 + k] = numbers[rows][k];
        rows++;
    }
    free(shown);
    report_table_t table = {
        6, rows, headers, widths, aligns, cells, NULL, REPORT_MARGIN_LEFT, REPORT_TEXT_WIDTH};
    coopnet_i_report_table_draw(document, &table);
    GString *notes = g_string_new(note);
    if (shown_count < eligible) {
        size_t left_out = eligible - shown_count;
        g_string_append_c(notes, ' ');
        g_string_append_printf(notes,
                               P_("%zu more country with a national body is left out for room "
                                  "(coopnet nlc lists every one).",
                                  "%zu more countries with a national body are left out for room "
                                  "(coopnet nlc lists every one).",
                                  left_out),
                               left_out);
    }
    GString *without = g_string_new(NULL); /* countries with no national body in the data */
    size_t n_without = 0;
    for (size_t c = 0; c < nlc->n_countries; c++)
        if (nlc->reach[c].subnational > 0 && nlc->reach[c].national == 0) {
            char *escaped = g_markup_escape_text(country_name(nlc->reach[c].country), -1);
            g_string_append_printf(without, "%s%s", n_without++ ? _(", ") : "", escaped);
            g_free(escaped);
        }
    if (n_without > 0) {
        g_string_append_c(notes, ' ');
        g_string_append_printf(notes,
                               P_("Not in the table, with no national body in the data (share "
                                  "unknown, not zero): %s.",
                                  "Not in the table, with no national body in the data (share "
                                  "unknown, not zero): %s.",
                                  n_without),
                               without->str);
    }
    g_string_free(without, TRUE);
    if (lower_bounds > 0)
        g_string_append_printf(notes, " %s",
                               _("≥, unknown: unnamed participants may hold more links."));
    document->y += coopnet_i_report_text(document, REPORT_FONT_SMALL, notes->str,
                                         REPORT_MARGIN_LEFT, document->y, REPORT_TEXT_WIDTH,
                                         COOPNET_ALIGN_LEFT, coopnet_i_style_muted) +
                   4;
    g_string_free(notes, TRUE);
}

static void page_nlc(report_document_t *document, const report_model_t *model,
                     const report_page_t *page)
{
    const coopnet_nlc_t *nlc = &model->nlc;
    coopnet_i_report_page_title(document, page->number, page->title);
    /* a country report holds other countries' national bodies tied to the country's actors: its
     * "whole network" mixes them in, so the headline is the country's own local-national pair */
    const char *country = model->options->country;
    double local_national = NAN, own_local_national = NAN;
    for (size_t i = 0; i < nlc->n_pairs; i++) {
        if (nlc->pairs[i].level_a != COOPNET_LEVEL_LOCAL ||
            nlc->pairs[i].level_b != COOPNET_LEVEL_NATIONAL)
            continue;
        if (strcmp(nlc->pairs[i].country, "*") == 0)
            local_national = nlc->pairs[i].density;
        else if (country != NULL && strcmp(nlc->pairs[i].country, country) == 0)
            own_local_national = nlc->pairs[i].density;
    }
    if (country != NULL && isnan(own_local_national))
        paragraph_printf(document,
                         /* TRANSLATORS: %1$s a country, %2$.0f a percentage */
                         _("The data holds no pair of a local actor and a national body of %1$s, "
                           "so national-local cooperation within %1$s cannot be measured. The "
                           "panel “All actors in this report” counts other countries' national "
                           "bodies tied to its actors (%2$.0f%% of those pairs linked)."),
                         country_name(country), 100 * local_national);
    else if (country != NULL)
        paragraph_printf(document,
                         /* TRANSLATORS: %1$s a country, %2$.0f and %3$.0f percentages */
                         _("In %1$s, %2$.0f%% of the possible pairs of a local actor and a "
                           "national body of %1$s are linked. The panel “All actors in this "
                           "report” also counts the other countries' national bodies tied to them "
                           "(%3$.0f%% there)."),
                         country_name(country), 100 * own_local_national, 100 * local_national);
    const coopnet_nlc_reach_t *best = NULL, *worst = NULL;
    size_t lower_bounds = 0; /* countries whose share unnamed participants could raise */
    for (size_t c = 0; c < nlc->n_countries; c++) {
        const coopnet_nlc_reach_t *reach = &nlc->reach[c];
        if (isnan(reach->share) || reach->national == 0)
            continue;
        if (reach_is_lower_bound(reach)) {
            lower_bounds++;
            continue; /* not ranked: its share is only "at least" */
        }
        if (reach->subnational < 2)
            continue;
        if (best == NULL || reach->share > best->share)
            best = reach;
        if (worst == NULL || reach->share < worst->share)
            worst = reach;
    }
    GString *lead = g_string_new(NULL);
    if (country != NULL)
        ; /* said above */
    else if (best != NULL && worst != NULL && best != worst)
        sentence_append(
            lead,
            /* TRANSLATORS: %2$s and %6$s countries; "%3$lld of %4$lld": local and regional actors
             * tied to a national body of the country, of all its local and regional actors */
            _("Across the network, %1$.0f%% of the possible local-national pairs are linked. "
              "Within countries, <b>%2$s</b> ties local and regional actors to a national body "
              "most often (%3$lld of %4$lld, %5$.0f%%), <b>%6$s</b> least often (%7$lld of "
              "%8$lld, %9$.0f%%)."),
            100 * local_national, country_name(best->country), (long long)best->linked,
            (long long)best->subnational, 100 * best->share, country_name(worst->country),
            (long long)worst->linked, (long long)worst->subnational, 100 * worst->share);
    else
        sentence_append(lead,
                        _("Across the network, %.0f%% of the possible local-national pairs are "
                          "linked."),
                        100 * local_national);
    if (lower_bounds > 0)
        sentence_append(lead,
                        P_("In %zu country, actors attended events with more participants "
                           "than the sources name: its share is a lower bound (≥, or “unknown” "
                           "for 0%%) and is not compared.",
                           "In %zu countries, actors attended events with more participants "
                           "than the sources name: their shares are lower bounds (≥, or "
                           "“unknown” for 0%%) and are not compared.",
                           lower_bounds),
                        lower_bounds);
    paragraph_draw(document, lead);

    /* the whole network, then the three countries with the most local and regional actors (and
     * a national body), in a 2 x 2 grid */
    const char *grid_countries[4] = {NULL};
    char grid_titles[4][96];
    size_t n_maps = 1;
    snprintf(grid_titles[0], sizeof grid_titles[0], "%s",
             country != NULL ? _("All actors in this report") : _("Whole network"));
    igraph_vector_t subnational;
    igraph_vector_int_t order;
    if (igraph_vector_init(&subnational, (igraph_integer_t)nlc->n_countries) != IGRAPH_SUCCESS)
        goto out_of_memory;
    if (igraph_vector_int_init(&order, 0) != IGRAPH_SUCCESS) {
        igraph_vector_destroy(&subnational);
        goto out_of_memory;
    }
    for (size_t c = 0; c < nlc->n_countries; c++)
        VECTOR(subnational)
    [(igraph_integer_t) c] = nlc->reach[c].national > 0 ? (double)nlc->reach[c].subnational : 0;
    coopnet_error_t err;
    int ranked = rank_positive(&subnational, 3, &order, &err);
    for (igraph_integer_t k = 0; ranked == COOPNET_OK && k < igraph_vector_int_size(&order); k++) {
        const coopnet_nlc_reach_t *reach = &nlc->reach[VECTOR(order)[k]];
        grid_countries[n_maps] = reach->country;
        snprintf(grid_titles[n_maps], sizeof grid_titles[n_maps], "%s",
                 country_name(reach->country));
        n_maps++;
    }
    igraph_vector_destroy(&subnational);
    igraph_vector_int_destroy(&order);
    if (ranked != COOPNET_OK) {
        coopnet_i_report_fail(document, err.code, "%s", err.message);
        return;
    }
    /* the panels at most 112 pt high, lower (down to 96) when the table, its notes and two lines
     * of the national bodies would not fit below them (French and Arabic notes are longer) */
    const char *caption = _("Each cell: the links (a tie or any shared event) present between "
                            "two levels out of all possible pairs (diagonal: within the "
                            "level), darker when denser; n/a: no possible pair.");
    const double gap = 14, title_height = 16;
    const double rows_of_panels = (double)((n_maps + 1) / 2);
    double panel_height = 112;
    if (rows_of_panels > 0) {
        double below = text_height(document, REPORT_FONT_SMALL, caption) + 6 +
                       block_height(document, draw_nlc_table, model) +
                       2 * text_height(document, REPORT_FONT_SMALL, "Ag");
        double room = REPORT_BOTTOM - document->y - below + gap - 4;
        double fitting = room / rows_of_panels - title_height - gap;
        panel_height = fmax(96, fmin(112, fitting));
    }
    const double panel_width = (REPORT_TEXT_WIDTH - gap) / 2;
    for (size_t i = 0; i < n_maps; i++) {
        double x = REPORT_MARGIN_LEFT + (double)(i % 2) * (panel_width + gap);
        double y = document->y + (double)(i / 2) * (title_height + panel_height + gap);
        char markup[160];
        snprintf(markup, sizeof markup, "<b>%s</b>", grid_titles[i]);
        coopnet_i_report_text_line(document, REPORT_FONT_BODY, markup, x, y, panel_width,
                                   COOPNET_ALIGN_LEFT, coopnet_i_style_text);
        chart_figure_t chart;
        chart_figure_init(&chart, model, COOPNET_CHART_NLC_MATRIX);
        chart.country = grid_countries[i];
        char name[64];
        snprintf(name, sizeof name, "nlc-matrix%s%s", grid_countries[i] ? "-" : "",
                 grid_countries[i] ? grid_countries[i] : "");
        place_chart(document, &chart, x, y + title_height, panel_width, panel_height, name);
    }
    document->y += (double)((n_maps + 1) / 2) * (title_height + panel_height + gap) - gap + 4;
    document->y +=
        coopnet_i_report_text(document, REPORT_FONT_SMALL, caption, REPORT_MARGIN_LEFT, document->y,
                              REPORT_TEXT_WIDTH, COOPNET_ALIGN_LEFT, coopnet_i_style_muted) +
        6;

    draw_nlc_table(document, model);
    GString *names = linked_national_bodies(document, model, REPORT_BOTTOM - document->y);
    if (names->len > 0)
        document->y += coopnet_i_report_text(document, REPORT_FONT_SMALL, names->str,
                                             REPORT_MARGIN_LEFT, document->y, REPORT_TEXT_WIDTH,
                                             COOPNET_ALIGN_LEFT, coopnet_i_style_text);
    g_string_free(names, TRUE);
    return;
out_of_memory:
    coopnet_i_report_fail(document, COOPNET_ENOMEM, "out of memory");
}

/* The E-I index of the whole network by country and by level, against chance, in one paragraph. */
static void describe_group_cohesion(report_document_t *document, const coopnet_groups_t *groups)
{
    const coopnet_ei_t *by_country = &groups[0].network, *by_level = &groups[1].network;
    GString *paragraph = g_string_new(NULL);
    sentence_append(paragraph, "%s",
                    _("The E-I index runs from -1 (every link stays inside its group) to +1 "
                      "(every link crosses groups)."));
    /* TRANSLATORS: %1$+.2f the E-I index, %2$lld and %3$lld links, %4$+.2f the index expected
     * by chance, %5$.3f a p-value */
    const char *by_country_format =
        by_country->p_value >= 0.05
            ? _("By country it is <b>%1$+.2f</b> (%2$lld links inside countries, %3$lld across), "
                "not significantly different from the %4$+.2f expected by chance (p = %5$.3f).")
        : by_country->ei < by_country->expected_ei
            ? _("By country it is <b>%1$+.2f</b> (%2$lld links inside countries, %3$lld across), "
                "significantly more inward-looking than the %4$+.2f expected by chance (p = "
                "%5$.3f).")
            : _("By country it is <b>%1$+.2f</b> (%2$lld links inside countries, %3$lld across), "
                "significantly more outward-looking than the %4$+.2f expected by chance (p = "
                "%5$.3f).");
    sentence_append(paragraph, by_country_format, by_country->ei, (long long)by_country->internal,
                    (long long)by_country->external, by_country->expected_ei, by_country->p_value);
    if (by_level->ei > 0)
        sentence_append(paragraph,
                        _("By level it is <b>%1$+.2f</b>: most links join actors of different "
                          "levels (expected %2$+.2f, p = %3$.3f)."),
                        by_level->ei, by_level->expected_ei, by_level->p_value);
    else
        sentence_append(paragraph,
                        _("By level it is <b>%1$+.2f</b>: most links stay within a level "
                          "(expected %2$+.2f, p = %3$.3f)."),
                        by_level->ei, by_level->expected_ei, by_level->p_value);
    paragraph_draw(document, paragraph);
}

/* The E-I table above bottom: every level, and the countries of two actors or more that fit
 * (the largest when not all do: a 10 000-actor bundle of 20 countries once pushed the brokers
 * off the page and the levels out of the table); its note says how many were left out. */
static void draw_ei_table(report_document_t *document, const coopnet_groups_t *groups,
                          double bottom)
{
    const char *const headers[] = {_("Grouping"), _("Group"), _("Actors"), _("Inside"),
                                   _("Across"),   _("E-I"),   _("p")};
    static const double widths[] = {1.1, 2.2, 0.8, 0.8, 0.8, 0.8, 0.8};
    static const coopnet_align_t aligns[] = {
        COOPNET_ALIGN_LEFT,  COOPNET_ALIGN_LEFT,  COOPNET_ALIGN_RIGHT, COOPNET_ALIGN_RIGHT,
        COOPNET_ALIGN_RIGHT, COOPNET_ALIGN_RIGHT, COOPNET_ALIGN_RIGHT};
    enum { MAX_ROWS = 20 };
    const char *cells[MAX_ROWS * 7];
    char numbers[MAX_ROWS][5][24];
    size_t rows = 0;
    /* the countries shown: of two actors or more (a single actor says nothing about cohesion),
     * as many as fit beside the levels, the largest first (ties: partition order) */
    size_t n_countries = groups[0].partition.n_groups, n_levels = groups[1].partition.n_groups;
    size_t eligible = 0;
    for (size_t g = 0; g < n_countries; g++)
        eligible += groups[0].groups[g].actors >= 2;
    const char *note = _("Countries with a single actor are left out. p: share of 999 random "
                         "reshufflings of the groups over the actors (seed 1) with an E-I at "
                         "least as extreme.");
    size_t fitting = coopnet_i_report_table_rows_fitting(
        document, MAX_ROWS,
        bottom - 6 - text_height_at(document, REPORT_FONT_SMALL, note, REPORT_TEXT_WIDTH) -
            text_height_at(document, REPORT_FONT_SMALL, "A", REPORT_TEXT_WIDTH));
    size_t level_rows = n_levels < MAX_ROWS ? n_levels : MAX_ROWS;
    size_t country_rows = fitting > level_rows ? fitting - level_rows : 0;
    if (country_rows > eligible)
        country_rows = eligible;
    if (country_rows == 0 && eligible > 0)
        country_rows = 1; /* at least the largest country */
    bool *shown = calloc(n_countries + 1, sizeof *shown);
    int64_t *sizes = calloc(n_countries + 1, sizeof *sizes);
    if (shown == NULL || sizes == NULL) {
        free(shown);
        free(sizes);
        coopnet_i_report_fail(document, COOPNET_ENOMEM, "out of memory");
        return;
    }
    for (size_t g = 0; g < n_countries; g++)
        sizes[g] = groups[0].groups[g].actors >= 2 ? (int64_t)groups[0].groups[g].actors : -1;
    mark_largest(sizes, n_countries, country_rows, shown);
    free(sizes);
    for (int i = 0; i < 2; i++) {
        for (size_t g = 0; g < groups[i].partition.n_groups && rows < MAX_ROWS; g++) {
            const coopnet_ei_t *ei = &groups[i].groups[g];
            if (i == 0 && !shown[g])
                continue;
            snprintf(numbers[rows][0], 24, "%lld", (long long)ei->actors);
            snprintf(numbers[rows][1], 24, "%lld", (long long)ei->internal);
            snprintf(numbers[rows][2], 24, "%lld", (long long)ei->external);
            snprintf(numbers[rows][3], 24, isnan(ei->ei) ? "–" : "%+.2f", ei->ei);
            snprintf(numbers[rows][4], 24, isnan(ei->p_value) ? "–" : "%.3f", ei->p_value);
            const char *label = groups[i].partition.labels[g];
            if (i == 0)
                label = strcmp(label, "(none)") == 0 ? _("No country (international)")
                                                     : country_name(label);
            else
                label = C_("level", label);
            cells[rows * 7] = i == 0 ? _("Country") : _("Level");
            cells[rows * 7 + 1] = label;
            for (int k = 0; k < 5; k++)
                cells[rows * 7 + 2 + k] = numbers[rows][k];
            rows++;
        }
    }
    free(shown);
    report_table_t table = {
        7, rows, headers, widths, aligns, cells, NULL, REPORT_MARGIN_LEFT, REPORT_TEXT_WIDTH};
    coopnet_i_report_table_draw(document, &table);
    GString *text = g_string_new(note);
    if (country_rows < eligible) {
        size_t left_out = eligible - country_rows;
        g_string_append_c(text, ' ');
        g_string_append_printf(text,
                               P_("%zu more country of two actors or more is left out for room "
                                  "(coopnet groups --by country lists every one).",
                                  "%zu more countries of two actors or more are left out for room "
                                  "(coopnet groups --by country lists every one).",
                                  left_out),
                               left_out);
    }
    document->y += coopnet_i_report_text(document, REPORT_FONT_SMALL, text->str, REPORT_MARGIN_LEFT,
                                         document->y, REPORT_TEXT_WIDTH, COOPNET_ALIGN_LEFT,
                                         coopnet_i_style_muted) +
                   6;
    g_string_free(text, TRUE);
}

/* One sentence on the actor with the most brokerage (the model has at least one top broker). */
static void describe_top_broker(report_document_t *document, const report_model_t *model)
{
    const coopnet_brokerage_t *brokerage = &model->brokerage;
    igraph_integer_t top = VECTOR(model->top_brokers)[0];
    double total = MATRIX(brokerage->counts, top, COOPNET_BROKERAGE_TOTAL);
    size_t tied = 1;
    while ((igraph_integer_t)tied < igraph_vector_int_size(&model->top_brokers) &&
           MATRIX(brokerage->counts, VECTOR(model->top_brokers)[tied], COOPNET_BROKERAGE_TOTAL) ==
               total)
        tied++;
    if (tied == 1)
        paragraph_printf(document,
                         _("<b>%1$s</b> brokers most often between actors of different levels "
                           "(%2$.0f brokered pairs, %3$.0f of them as a liaison between two "
                           "other levels)."),
                         vertex_name(model, top), total,
                         MATRIX(brokerage->counts, top, COOPNET_BROKERAGE_LIAISON));
    else /* the top brokers are at most five: a tie may run beyond them, so no count */
        paragraph_printf(document,
                         _("<b>%1$s</b> and <b>%2$s</b> are among the actors that broker most "
                           "often between actors of different levels, tied at %3$.0f brokered "
                           "pairs each."),
                         vertex_name(model, top), vertex_name(model, VECTOR(model->top_brokers)[1]),
                         total);
}

/* The first n_top top brokers (at most 5, coopnet_rank_top order), their count in each
 * Gould-Fernandez role and in total, a swatch of their level on each row. */
static void draw_broker_table(report_document_t *document, const report_model_t *model,
                              size_t n_top)
{
    const coopnet_brokerage_t *brokerage = &model->brokerage;
    const igraph_integer_t *order = VECTOR(model->top_brokers);
    const char *const headers[] = {_("Actor"), _("Coord."),  _("Itin."), _("Gatek."),
                                   _("Repr."), _("Liaison"), _("Total")};
    static const double widths[] = {3.6, 1.0, 1.0, 1.0, 1.0, 1.0, 0.9};
    static const coopnet_align_t aligns[] = {
        COOPNET_ALIGN_LEFT,  COOPNET_ALIGN_RIGHT, COOPNET_ALIGN_RIGHT, COOPNET_ALIGN_RIGHT,
        COOPNET_ALIGN_RIGHT, COOPNET_ALIGN_RIGHT, COOPNET_ALIGN_RIGHT};
    const char *cells[8 * 7];
    char numbers[8][6][24];
    coopnet_rgb_t swatches[8];
    for (size_t r = 0; r < n_top; r++) {
        igraph_integer_t v = order[r];
        const coopnet_actor_t *actor =
            &model->bundle->actors[VECTOR(model->graph.actor_of_vertex)[v]];
        cells[r * 7] = actor_name(actor);
        for (int role = 0; role <= COOPNET_BROKERAGE_TOTAL; role++) {
            snprintf(numbers[r][role], 24, "%.0f", MATRIX(brokerage->counts, v, role));
            cells[r * 7 + 1 + role] = numbers[r][role];
        }
        swatches[r] = coopnet_i_style_level_color(actor->level);
    }
    report_table_t table = {
        7, n_top, headers, widths, aligns, cells, swatches, REPORT_MARGIN_LEFT, REPORT_TEXT_WIDTH};
    coopnet_i_report_table_draw(document, &table);
}

/* The brokers' part of the groups page, with at most most brokers (as many as fit). */
static void draw_brokers(report_document_t *document, const report_model_t *model, size_t most)
{
    coopnet_i_report_section(document, _("Top brokers between levels (Gould-Fernandez roles)"));
    const char *roles =
        _("Roles of B between unlinked A and C: coordinator, all one level; itinerant, A and "
          "C share a level B lacks; gatekeeper, B shares C's; representative, B shares A's; "
          "liaison, three levels.");
    if (igraph_vector_int_size(&model->top_brokers) > 0) {
        describe_top_broker(document, model);
        /* as many brokers as leave room for the roles' note above the footer */
        size_t top = (size_t)igraph_vector_int_size(&model->top_brokers);
        draw_broker_table(document, model,
                          coopnet_i_report_table_rows_fitting(
                              document, top < most ? top : most,
                              REPORT_BOTTOM - text_height_at(document, REPORT_FONT_SMALL, roles,
                                                             REPORT_TEXT_WIDTH)));
    }
    document->y +=
        coopnet_i_report_text(document, REPORT_FONT_SMALL, roles, REPORT_MARGIN_LEFT, document->y,
                              REPORT_TEXT_WIDTH, COOPNET_ALIGN_LEFT, coopnet_i_style_muted);
}

/* The brokers' part with three brokers at most: the room kept for it below the E-I table. */
static void draw_least_brokers(report_document_t *document, const void *data)
{
    draw_brokers(document, data, 3);
}

static void page_groups(report_document_t *document, const report_model_t *model,
                        const report_page_t *page)
{
    coopnet_i_report_page_title(document, page->number, page->title);
    describe_group_cohesion(document, model->groups);
    coopnet_i_report_section(document, _("E-I index by group"));
    draw_ei_table(document, model->groups,
                  REPORT_BOTTOM - block_height(document, draw_least_brokers, model));
    draw_brokers(document, model, SIZE_MAX);
}

/* What the network owes its main convener: the what-if of its withdrawal with its events. */
/* The dependence figure for coopnet_i_report_figure: the network today and without the convener
 * and its events, side by side, every actor at its place of the network page (model->positions);
 * actors left with no link in grey, the convener today as the one large dot. */
typedef struct dependence_figure {
    const report_model_t *model;
    int status;
    coopnet_error_t err;
} dependence_figure_t;

static void draw_dependence_figure(cairo_t *cr, coopnet_rect_t rect, const void *data)
{
    dependence_figure_t *figure = (dependence_figure_t *)data;
    const report_model_t *model = figure->model;
    const coopnet_graph_t *before = &model->graph, *after = &model->whatif.graph_after;
    igraph_integer_t n_after = igraph_vcount(&after->graph);
    igraph_matrix_t positions_after; /* the after graph's vertices at their places of before */
    if (igraph_matrix_init(&positions_after, n_after, 2) != IGRAPH_SUCCESS) {
        figure->status = COOPNET_ERROR(&figure->err, COOPNET_ENOMEM, "out of memory");
        return;
    }
    igraph_integer_t convener = VECTOR(before->vertex_of_actor)[model->convener];
    for (igraph_integer_t v = 0; v < n_after; v++) {
        igraph_integer_t old = VECTOR(before->vertex_of_actor)[VECTOR(after->actor_of_vertex)[v]];
        MATRIX(positions_after, v, 0) = MATRIX(model->positions, old, 0);
        MATRIX(positions_after, v, 1) = MATRIX(model->positions, old, 1);
    }
    coopnet_render_options_t options;
    coopnet_render_options_init(&options);
    options.seed = 1;
    options.labels = COOPNET_LABELS_NONE;
    options.figure.title = "";
    options.figure.caption = "";
    options.layout = COOPNET_LAYOUT_FR;
    options.size_by = "none";
    char *without = g_strdup_printf(_("Without %s and its events"),
                                    actor_name(&model->bundle->actors[model->convener]));
    const char *titles[2] = {_("Today"), without};
    const coopnet_graph_t *graphs[2] = {before, after};
    const igraph_matrix_t *positions[2] = {&model->positions, &positions_after};
    rect = (coopnet_rect_t){rect.x + COOPNET_STYLE_MARGIN, rect.y + COOPNET_STYLE_MARGIN,
                            rect.w - 2 * COOPNET_STYLE_MARGIN, rect.h - 2 * COOPNET_STYLE_MARGIN};
    const double gap = 12, panel_w = (rect.w - gap) / 2;
    int status = COOPNET_OK;
    /* the actors placed once (and spread apart once): each at the same spot in both panels */
    coopnet_network_placement_t placement = {0};
    for (int p = 0; p < 2 && status == COOPNET_OK; p++) {
        coopnet_rect_t panel = {rect.x + p * (panel_w + gap), rect.y, panel_w, rect.h};
        coopnet_i_style_set_color(cr, coopnet_i_style_panel, 1.0);
        cairo_rectangle(cr, panel.x, panel.y, panel.w, panel.h);
        cairo_fill(cr);
        coopnet_i_style_draw_text(cr, COOPNET_TEXT_HEADING, titles[p], panel.x + 8, panel.y + 6,
                                  panel.w - 16, COOPNET_ALIGN_LEFT, coopnet_i_style_text);
        coopnet_rect_t inner = {
            panel.x - COOPNET_STYLE_MARGIN + 4, panel.y - COOPNET_STYLE_MARGIN + 20,
            panel.w + 2 * COOPNET_STYLE_MARGIN - 8, panel.h + 2 * COOPNET_STYLE_MARGIN - 24};
        coopnet_network_input_t input = {0};
        input.bundle = model->bundle;
        input.graph = graphs[p];
        input.positions = positions[p];
        input.extent_positions = &model->positions; /* both panels at one scale */
        input.panel = true;
        input.hide_links = coopnet_i_draw_panel_hides_links(before);
        input.raster_dense = true;
        input.ringed = p == 0 ? &convener : NULL; /* the convener, today */
        if (p == 1 && igraph_vector_size(&model->after_degree) > 0)
            input.panel_degree = VECTOR(model->after_degree); /* its links freed */
        input.placement = &placement;
        options.graph = graphs[p]->options;
        status = coopnet_i_draw_network(cr, inner, &input, &options, NULL, &figure->err);
    }
    coopnet_i_network_placement_destroy(&placement);
    g_free(without);
    igraph_matrix_destroy(&positions_after);
    if (figure->status == COOPNET_OK)
        figure->status = status;
}

static void page_dependence(report_document_t *document, const report_model_t *model,
                            const report_page_t *page)
{
    const coopnet_bundle_t *bundle = model->bundle;
    coopnet_i_report_page_title(document, page->number, page->title);
    if (model->convener < 0) {
        coopnet_i_report_paragraph(
            document, _("No actor hosted, organised or facilitated more than one of the "
                        "events in this report: the network does not rest on one "
                        "convener."));
        return;
    }
    const coopnet_whatif_t *w = &model->whatif;
    const coopnet_whatif_side_t *b = &w->before, *a = &w->after;
    const char *name = actor_name(&bundle->actors[model->convener]);
    const coopnet_whatif_nlc_t *whole = NULL;
    for (size_t i = 0; i < w->n_nlc && whole == NULL; i++)
        if (strcmp(w->nlc[i].country, "*") == 0 && w->nlc[i].level == COOPNET_LEVEL_LOCAL)
            whole = &w->nlc[i];
    GString *paragraph = g_string_new(NULL);
    /* TRANSLATORS: %1$s the convener, %2$zu of %3$lld events */
    sentence_append(paragraph,
                    _("<b>%1$s</b> hosted, organised or facilitated <b>%2$zu of the %3$lld "
                      "events</b>."),
                    name, model->convened, (long long)b->events);
    sentence_append(paragraph,
                    P_("If it stopped convening, and its events with it, the network would go "
                       "from %1$lld connected group to <b>%2$lld</b>.",
                       "If it stopped convening, and its events with it, the network would go "
                       "from %1$lld connected groups to <b>%2$lld</b>.",
                       b->components),
                    (long long)b->components, (long long)a->components);
    sentence_append(paragraph,
                    P_("<b>%1$zu actor</b> would be left with no link at all, and the largest "
                       "group would hold %2$lld of %3$lld actors.",
                       "<b>%1$zu actors</b> would be left with no link at all, and the largest "
                       "group would hold %2$lld of %3$lld actors.",
                       w->n_isolated),
                    w->n_isolated, (long long)a->largest_component, (long long)a->actors);
    sentence_append(paragraph, "%s", _("Ties between the other actors stay."));
    paragraph_draw(document, paragraph);
    if (whole != NULL)
        paragraph_printf(document,
                         _("National-local links would fall from %1$lld to %2$lld, and the pairs "
                           "of actors a practice surely reaches over time from %3$llu to %4$llu: "
                           "the cooperation that would remain without the convener is what a "
                           "sustainability plan builds on."),
                         (long long)whole->before, (long long)whole->after,
                         (unsigned long long)model->reach.total_pairs,
                         (unsigned long long)model->reach_pairs_after);

    dependence_figure_t figure = {model, COOPNET_OK, {0}};
    const double figure_height = 140;
    coopnet_i_report_figure(
        document, figure_box(REPORT_MARGIN_LEFT, document->y, REPORT_TEXT_WIDTH, figure_height),
        "dependence", draw_dependence_figure, &figure);
    if (figure.status != COOPNET_OK) {
        coopnet_i_report_fail(document, figure.status, "%s", figure.err.message);
        return;
    }
    document->y += figure_height + 4;
    document->y += coopnet_i_report_text(
                       document, REPORT_FONT_SMALL,
                       coopnet_i_draw_panel_hides_links(&model->graph)
                           ? _("Each actor at its place of the network on page 2, coloured by "
                               "level; grey: no link left; ringed: the convener. The links are "
                               "not drawn: too many to see at this size.")
                           : _("Each actor at its place of the network on page 2, coloured by "
                               "level; grey: no link left; ringed: the convener."),
                       REPORT_MARGIN_LEFT, document->y, REPORT_TEXT_WIDTH, COOPNET_ALIGN_LEFT,
                       coopnet_i_style_muted) +
                   4;

    coopnet_i_report_section(document, _("Before and after"));
    const char *const headers[] = {_("Measure"), _("Today"), _("Without"), _("Change")};
    static const double widths[] = {4.3, 1.2, 1.0, 1.1};
    static const coopnet_align_t aligns[] = {COOPNET_ALIGN_LEFT, COOPNET_ALIGN_RIGHT,
                                             COOPNET_ALIGN_RIGHT, COOPNET_ALIGN_RIGHT};
    const struct {
        const char *label;
        double before, after;
    } rows[] = {
        {N_("Events"), (double)b->events, (double)a->events},
        {N_("Cooperation links"), (double)b->links, (double)a->links},
        {N_("Connected groups"), (double)b->components, (double)a->components},
        {N_("Actors in the largest group"), (double)b->largest_component,
         (double)a->largest_component},
        {N_("Actors with no link"), (double)b->isolated, (double)a->isolated},
        {N_("National-local links"), whole ? (double)whole->before : NAN,
         whole ? (double)whole->after : NAN},
        {N_("Pairs surely reached over time"), (double)model->reach.total_pairs,
         (double)model->reach_pairs_after},
    };
    enum { N_ROWS = sizeof rows / sizeof rows[0] };
    char numbers[N_ROWS][3][32];
    const char *cells[N_ROWS * 4];
    size_t n = 0;
    for (size_t r = 0; r < N_ROWS; r++) {
        if (isnan(rows[r].before))
            continue;
        snprintf(numbers[n][0], 32, "%.0f", rows[r].before);
        snprintf(numbers[n][1], 32, "%.0f", rows[r].after);
        snprintf(numbers[n][2], 32, "%+.0f", rows[r].after - rows[r].before);
        cells[4 * n] = _(rows[r].label);
        for (int c = 0; c < 3; c++)
            cells[4 * n + 1 + c] = numbers[n][c];
        n++;
    }
    /* the table, and beside it how the numbers were computed */
    const double table_width = REPORT_TEXT_WIDTH * 0.68, gutter = 14;
    report_table_t table = {4,          n, headers, widths, aligns, cells, NULL, REPORT_MARGIN_LEFT,
                            table_width};
    double table_top = document->y;
    coopnet_i_report_table_draw(document, &table);
    double note_bottom =
        table_top + 2 +
        coopnet_i_report_text(document, REPORT_FONT_SMALL,
                              _("Computed as coopnet whatif does: the actor and the events "
                                "it hosted, organised or facilitated are removed (an event goes "
                                "when any of its conveners withdraws); the convener is the actor "
                                "that convened the most events."),
                              REPORT_MARGIN_LEFT + table_width + gutter, table_top + 2,
                              REPORT_TEXT_WIDTH - table_width - gutter, COOPNET_ALIGN_LEFT,
                              coopnet_i_style_muted);
    document->y = fmax(document->y, note_bottom + 6);

    if (w->n_isolated > 0) {
        /* by level, each actor by its short name and country: "local: Ajloun (Jordan), ...", as
         * many as fit above the note and the footer, then "and N more (all: coopnet whatif)" */
        const double room = REPORT_BOTTOM - document->y;
        char probe[160];
        snprintf(
            probe, sizeof probe,
            P_("; and %zu more (all: coopnet whatif)", "; and %zu more (all: coopnet whatif)", 99),
            (size_t)99);
        g_strlcat(probe, ".", sizeof probe);
        GString *list = g_string_new(NULL), *entry = g_string_new(NULL);
        g_string_append_printf(list, "<b>%s</b> ", _("Left with no link:"));
        size_t dropped = 0, seen = 0;
        for (int level = 0; level < COOPNET_LEVEL_COUNT; level++) {
            size_t listed = 0;
            for (size_t i = 0; i < w->n_isolated; i++) {
                const coopnet_actor_t *actor = &bundle->actors[w->isolated[i]];
                if ((int)actor->level != level)
                    continue;
                if (dropped > 0) {
                    dropped++;
                    continue;
                }
                g_string_truncate(entry, 0);
                if (listed == 0) {
                    if (list->str[list->len - 1] != ' ')
                        g_string_append(entry, _("; "));
                    char *word = g_markup_escape_text(level_word(actor->level), -1);
                    g_string_append_printf(entry, _("%s: "), word);
                    g_free(word);
                } else {
                    g_string_append(entry, _(", "));
                }
                char *short_name = short_body_name(actor_name(actor));
                if (actor->country[0]) {
                    char *country = g_markup_escape_text(country_name(actor->country), -1);
                    /* TRANSLATORS: an actor and its country in a list: "Ajloun (Jordan)" */
                    g_string_append_printf(entry, _("%1$s (%2$s)"), short_name, country);
                    g_free(country);
                } else {
                    g_string_append(entry, short_name);
                }
                g_free(short_name);
                /* the last actor is followed by the full stop only */
                bool last = ++seen == w->n_isolated;
                if (append_if_fits(document, REPORT_FONT_SMALL, list, entry->str,
                                   last ? "." : probe, room))
                    listed++;
                else
                    dropped = 1;
            }
        }
        if (dropped > 0)
            g_string_append_printf(list,
                                   /* TRANSLATORS: after a list of actors cut to fit the page */
                                   P_("; and %zu more (all: coopnet whatif)",
                                      "; and %zu more (all: coopnet whatif)", dropped),
                                   dropped);
        g_string_free(entry, TRUE);
        draw_gathered(document, REPORT_FONT_SMALL, list, ".", 6);
    }
}

/* One step of a pathway as a line of markup (owned by the caller, g_free): who passes it to whom,
 * at which event or through which tie, when. */
static char *describe_step(const coopnet_temporal_network_t *network,
                           const coopnet_bundle_t *bundle, const coopnet_temporal_step_t *step)
{
    char date[64];
    coopnet_contact_ref_t contact = step->contact;
    format_date_long(coopnet_temporal_contact_date(network, contact), date, sizeof date);
    const char *from = actor_name(&bundle->actors[step->from]);
    const char *to = actor_name(&bundle->actors[step->to]);
    if (contact.kind == COOPNET_CONTACT_EVENT && contact.index >= 0) {
        /* the title up to a colon: "Second MENA regional workshop: Strengthening ..." */
        const char *title = bundle->events[contact.index].title;
        const char *colon = strchr(title, ':');
        char *event = g_strndup(title, colon ? (size_t)(colon - title) : strlen(title));
        /* TRANSLATORS: a step of a learning pathway: %1$s and %2$s actors, %3$s an event's
         * title, %4$s its date; the arrow points the way the text reads */
        char *line = g_markup_printf_escaped(_("→  %1$s passes it to <b>%2$s</b> at “%3$s” (%4$s)"),
                                             from, to, event, date);
        g_free(event);
        return line;
    }
    if (contact.index >= 0) {
        char *type = g_strdup(bundle->ties[contact.index].type);
        for (char *p = type; p != NULL && *p; p++)
            if (*p == '_')
                *p = ' ';
        /* TRANSLATORS: %3$s the tie's type as the data names it ("mou", "partnership") */
        char *line = g_markup_printf_escaped(
            _("→  %1$s passes it to <b>%2$s</b> through a tie of type “%3$s” (%4$s)"), from, to,
            type ? type : "", date);
        g_free(type);
        return line;
    }
    return g_markup_printf_escaped(_("→  %1$s passes it to <b>%2$s</b> (%3$s)"), from, to, date);
}

/* Local and regional actors: the cities and governorates a pathway is about. */
static bool is_subnational(const coopnet_actor_t *actor)
{
    return actor->level == COOPNET_LEVEL_LOCAL || actor->level == COOPNET_LEVEL_REGIONAL;
}

/* One learning pathway (subnational_only: to a local or regional actor): the source's farthest
 * target (most steps, then latest arrival, then name), written out step by step. */
static void write_pathway(report_document_t *document, const report_model_t *model,
                          const coopnet_temporal_network_t *network, size_t source, int number,
                          bool subnational_only, double bottom)
{
    const coopnet_bundle_t *bundle = model->bundle;
    coopnet_temporal_reach_t reach;
    coopnet_temporal_step_t *steps = NULL;
    size_t n_steps = 0;
    coopnet_error_t err;
    memset(&reach, 0, sizeof reach);
    if (coopnet_temporal_reach_forward(network, source, &reach, &err) != COOPNET_OK) {
        coopnet_i_report_fail(document, err.code, "%s", err.message);
        return;
    }
    long target = -1;
    for (size_t a = 0; a < reach.n_actors; a++) {
        if (a == source || reach.day[a] == COOPNET_TEMPORAL_NEVER ||
            (subnational_only && !is_subnational(&bundle->actors[a])))
            continue;
        if (target < 0 || reach.hops[a] > reach.hops[target] ||
            (reach.hops[a] == reach.hops[target] &&
             (reach.day[a] > reach.day[target] ||
              (reach.day[a] == reach.day[target] &&
               strcmp(bundle->actors[a].name, bundle->actors[target].name) < 0))))
            target = (long)a;
    }
    if (target >= 0 && coopnet_temporal_reach_path(network, &reach, (size_t)target, &steps,
                                                   &n_steps, &err) != COOPNET_OK) {
        coopnet_i_report_fail(document, err.code, "%s", err.message);
        goto cleanup;
    }
    if (target < 0 || n_steps == 0)
        goto cleanup;
    char *heading = g_markup_printf_escaped(
        P_("<b>%1$d. From %2$s to %3$s</b> (%4$zu step)",
           "<b>%1$d. From %2$s to %3$s</b> (%4$zu steps)", n_steps),
        number, actor_name(&bundle->actors[source]), actor_name(&bundle->actors[target]), n_steps);
    document->y +=
        coopnet_i_report_text(document, REPORT_FONT_BODY, heading, REPORT_MARGIN_LEFT, document->y,
                              REPORT_TEXT_WIDTH, COOPNET_ALIGN_LEFT, coopnet_i_style_text) +
        2;
    g_free(heading);
    /* at most 6 steps, and only those that fit above bottom; the rest as one line */
    size_t shown = 0;
    const double step_width = REPORT_TEXT_WIDTH - 12, ellipsis_room = 14;
    for (size_t s = 0; s < n_steps && s < 6; s++) {
        char *line = describe_step(network, bundle, &steps[s]);
        if (line == NULL)
            break;
        double room = bottom - (s + 1 < n_steps ? ellipsis_room : 0);
        bool fits =
            document->y + text_height_at(document, REPORT_FONT_SMALL, line, step_width) <= room;
        if (fits)
            document->y += coopnet_i_report_text(document, REPORT_FONT_SMALL, line,
                                                 REPORT_MARGIN_LEFT + 12, document->y, step_width,
                                                 COOPNET_ALIGN_LEFT, coopnet_i_style_text) +
                           1.5;
        g_free(line);
        if (!fits)
            break;
        shown++;
    }
    if (shown < n_steps) {
        char *line =
            g_markup_printf_escaped(P_("→  … %1$zu more step to <b>%2$s</b>",
                                       "→  … %1$zu more steps to <b>%2$s</b>", n_steps - shown),
                                    n_steps - shown, actor_name(&bundle->actors[target]));
        document->y += coopnet_i_report_text(document, REPORT_FONT_SMALL, line,
                                             REPORT_MARGIN_LEFT + 12, document->y, step_width,
                                             COOPNET_ALIGN_LEFT, coopnet_i_style_muted) +
                       1.5;
        g_free(line);
    }
    document->y += 6;
cleanup:
    free(steps);
    coopnet_temporal_reach_destroy(&reach);
}

/* Whether source reaches some other local or regional actor along a time-respecting path. */
static bool subnational_reached(const coopnet_temporal_network_t *network,
                                const coopnet_bundle_t *bundle, size_t source)
{
    coopnet_temporal_reach_t reach;
    coopnet_error_t err;
    memset(&reach, 0, sizeof reach);
    bool found = false;
    if (coopnet_temporal_reach_forward(network, source, &reach, &err) == COOPNET_OK)
        for (size_t a = 0; a < reach.n_actors && !found; a++)
            found = a != source && reach.day[a] != COOPNET_TEMPORAL_NEVER &&
                    is_subnational(&bundle->actors[a]);
    coopnet_temporal_reach_destroy(&reach);
    return found;
}

/* The documented peer-learning ties, each with whether the recorded events could have carried
 * the practice (model->peer_ties): a sentence, then as many rows as leave room for a pathway. */
static void draw_peer_ties(report_document_t *document, const void *data)
{
    const report_model_t *model = data;
    const coopnet_bundle_t *bundle = model->bundle;
    size_t n = model->n_peer_ties, checked = model->n_peer_ties_checked, supported = 0;
    if (n == 0)
        return;
    for (size_t i = 0; i < checked; i++)
        supported += model->peer_ties[i].supported;
    coopnet_i_report_section(document, _("Documented peer learning"));
    GString *paragraph = g_string_new(NULL);
    sentence_append(paragraph,
                    P_("The data documents %1$zu peer-learning tie.",
                       "The data documents %1$zu peer-learning ties.", n),
                    n);
    if (checked < n)
        sentence_append(paragraph, _("The first %1$zu were checked against the events."), checked);
    if (supported == checked)
        sentence_append(paragraph, "%s",
                        checked == 1 ? _("For it, a chain of recorded events, each surely after "
                                         "the one before, could have carried the practice from "
                                         "the one actor to the other by the tie's start.")
                                     : _("For each of them, a chain of recorded events, each "
                                         "surely after the one before, could have carried the "
                                         "practice from the one actor to the other by the tie's "
                                         "start."));
    else
        sentence_append(paragraph,
                        P_("For %1$zu of them a chain of recorded events, each surely after the "
                           "one before, could have carried the practice from the one actor to the "
                           "other by the tie's start; for the others the events hold no such "
                           "chain in time (the learning went through what the data does not "
                           "record, or the dates are too coarse to tell).",
                           "For %1$zu of them a chain of recorded events, each surely after the "
                           "one before, could have carried the practice from the one actor to the "
                           "other by the tie's start; for the others the events hold no such "
                           "chain in time (the learning went through what the data does not "
                           "record, or the dates are too coarse to tell).",
                           supported),
                        supported);
    paragraph_draw(document, paragraph);
    /* a row a tie, as many as fit: who, by when (the last day of the tie's start), and whether
     * a chain of events got there in time */
    const char *const headers[] = {_("Learns from"), _("Learner"), _("By"), _("Through events")};
    static const double widths[] = {1.5, 1.5, 1.6, 1.5};
    static const coopnet_align_t aligns[] = {COOPNET_ALIGN_LEFT, COOPNET_ALIGN_LEFT,
                                             COOPNET_ALIGN_LEFT, COOPNET_ALIGN_LEFT};
    size_t rows = coopnet_i_report_table_rows_fitting(
        document, checked < PEER_TIES_SHOWN ? checked : PEER_TIES_SHOWN, REPORT_BOTTOM - 18);
    const char *cells[PEER_TIES_SHOWN * 4];
    char by[PEER_TIES_SHOWN][96], verdicts[PEER_TIES_SHOWN][128];
    for (size_t i = 0; i < rows; i++) {
        const peer_tie_check_t *check = &model->peer_ties[i];
        const coopnet_tie_t *tie = &bundle->ties[check->tie];
        if (tie->start.precision == COOPNET_DATE_NONE) {
            snprintf(by[i], sizeof by[i], "%s", _("undated"));
        } else {
            coopnet_date_t last = {coopnet_date_last_day(tie->start), COOPNET_DATE_DAY, 0, 0, 0};
            format_date_long(last, by[i], sizeof by[i]);
        }
        if (check->supported) {
            /* TRANSLATORS: %1$d events on the chain that supports a peer-learning tie */
            snprintf(verdicts[i], sizeof verdicts[i],
                     P_("yes (%1$d event)", "yes (%1$d events)", check->hops), check->hops);
        } else if (check->arrival != COOPNET_TEMPORAL_NEVER) {
            char when[96];
            coopnet_date_t day = {check->arrival, COOPNET_DATE_DAY, 0, 0, 0};
            format_date_long(day, when, sizeof when);
            /* TRANSLATORS: the events reach the learner, but only after the tie's start */
            snprintf(verdicts[i], sizeof verdicts[i], _("only later, on %s"), when);
        } else {
            snprintf(verdicts[i], sizeof verdicts[i], "%s", _("no chain of events"));
        }
        cells[4 * i] = actor_name(&bundle->actors[tie->from]);
        cells[4 * i + 1] = actor_name(&bundle->actors[tie->to]);
        cells[4 * i + 2] = by[i];
        cells[4 * i + 3] = verdicts[i];
    }
    if (rows == 0)
        return;
    report_table_t table = {
        4, rows, headers, widths, aligns, cells, NULL, REPORT_MARGIN_LEFT, REPORT_TEXT_WIDTH};
    coopnet_i_report_table_draw(document, &table);
    if (rows < n) {
        char more[240];
        snprintf(more, sizeof more,
                 P_("And %zu more: the rows of type peer_learning in ties.csv (each can be "
                    "checked with coopnet reach --from ID --layer events).",
                    "And %zu more: the rows of type peer_learning in ties.csv (each can be "
                    "checked with coopnet reach --from ID --layer events).",
                    n - rows),
                 n - rows);
        document->y += coopnet_i_report_text(document, REPORT_FONT_SMALL, more, REPORT_MARGIN_LEFT,
                                             document->y, REPORT_TEXT_WIDTH, COOPNET_ALIGN_LEFT,
                                             coopnet_i_style_muted) +
                       4;
    }
}

static void page_reach(report_document_t *document, const report_model_t *model,
                       const report_page_t *page)
{
    const coopnet_bundle_t *bundle = model->bundle;
    const coopnet_temporal_network_t *network = model->temporal;
    const coopnet_temporal_all_t *all = &model->reach;
    const coopnet_temporal_curve_t *curve = &model->reach_curve;
    coopnet_i_report_page_title(document, page->number, page->title);
    /* the sources that reach the most actors, best first (coopnet_rank_top order) */
    size_t top[REPORT_TOP_SOURCES], n_top = top_sources_of(model, top);
    double final_ratio = curve->n_steps ? curve->ratio[curve->n_steps - 1] : 0;
    if (n_top == 0) {
        coopnet_i_report_paragraph(document,
                                   _("No dated event or tie links two actors, so no learning path "
                                     "can be followed through time."));
        return;
    }
    size_t contacts = coopnet_temporal_network_contacts(network);
    size_t others = all->n_kept ? all->n_kept - 1 : 0;
    size_t tied = 1; /* sources sharing the first place, perhaps beyond the eight listed */
    if (all->precision == 0) {
        for (size_t a = 0; a < all->n_actors; a++)
            tied += a != top[0] && all->out_reach[a] == all->out_reach[top[0]];
    } else { /* estimated: among the sources listed, whose counts are exact */
        for (size_t i = 1; i < n_top; i++)
            tied += model->top_reach[i] == model->top_reach[0];
    }
    GString *paragraph = g_string_new(NULL);
    sentence_append(paragraph, "%s",
                    _("Knowledge can only travel forward in time: from an event to a later one "
                      "where someone who was there meets others."));
    sentence_append(paragraph,
                    P_("Following these time-respecting paths through the %1$zu contact (events "
                       "and ties), <b>%2$.0f%%</b> of all ordered pairs of actors are linked by "
                       "the end of the period.",
                       "Following these time-respecting paths through the %1$zu contacts (events "
                       "and ties), <b>%2$.0f%%</b> of all ordered pairs of actors are linked by "
                       "the end of the period.",
                       contacts),
                    contacts, 100 * final_ratio);
    if (tied == 1)
        sentence_append(
            paragraph, _("<b>%1$s</b> reaches the most actors: %2$lld of the other %3$zu."),
            actor_name(&bundle->actors[top[0]]), (long long)model->top_reach[0], others);
    else
        sentence_append(paragraph,
                        P_("<b>%1$s</b> and %2$zu other actor reach the most actors, tied: %3$lld "
                           "of the other %4$zu each.",
                           "<b>%1$s</b> and %2$zu other actors reach the most actors, tied: %3$lld "
                           "of the other %4$zu each.",
                           tied - 1),
                        actor_name(&bundle->actors[top[0]]), tied - 1,
                        (long long)model->top_reach[0], others);
    paragraph_draw(document, paragraph);
    if (model->temporal_possible != NULL) {
        const coopnet_temporal_curve_t *possible_curve = &model->reach_curve_possible;
        double possible_ratio =
            possible_curve->n_steps ? possible_curve->ratio[possible_curve->n_steps - 1] : 0;
        paragraph_printf(
            document,
            /* TRANSLATORS: %1$.0f a percentage, %2$s an actor, %3$lld a number of actors */
            _("These paths hold <i>whatever the exact dates were</i>. The sources date some events "
              "and ties only to a month, a year or a range, or not at all; for some dating they "
              "allow, <b>%1$.0f%%</b> of pairs could be linked (the shaded band), and %2$s could "
              "reach %3$lld. The gap is what better dating would settle."),
            100 * possible_ratio, actor_name(&bundle->actors[top[0]]),
            (long long)model->top_reach_possible[0]);
    }
    if (all->precision != 0) /* the library's policy estimated: say so */
        paragraph_printf(document,
                         _("The exact computation does not fit in memory for this network: the "
                           "shares of pairs linked and the ranking of the sources are estimates "
                           "(HyperLogLog, relative standard error %.1f%%); the numbers of actors "
                           "the sources named here reach are exact (counted for these sources "
                           "alone)."),
                         100 * all->relative_standard_error);
    chart_figure_t chart;
    chart_figure_init(&chart, model, COOPNET_CHART_REACH_CURVE);
    chart.options.period = COOPNET_PERIOD_QUARTER;
    const double chart_width = REPORT_TEXT_WIDTH * 0.5, chart_height = 170;
    place_chart(document, &chart, REPORT_MARGIN_LEFT, document->y, chart_width, chart_height,
                "reach-curve");
    /* the top sources, beside the curve */
    const char *const headers[] = {_("Source"), _("Reaches"), _("Possibly")};
    static const double widths[] = {2.6, 1.0, 1.0};
    static const coopnet_align_t aligns[] = {COOPNET_ALIGN_LEFT, COOPNET_ALIGN_RIGHT,
                                             COOPNET_ALIGN_RIGHT};
    size_t n_columns = model->temporal_possible != NULL ? 3 : 2;
    const char *cells[3 * REPORT_TOP_SOURCES];
    char numbers[REPORT_TOP_SOURCES][24], possibly[REPORT_TOP_SOURCES][24];
    coopnet_rgb_t swatches[REPORT_TOP_SOURCES];
    for (size_t i = 0; i < n_top; i++) {
        snprintf(numbers[i], sizeof numbers[i], "%lld", (long long)model->top_reach[i]);
        cells[n_columns * i] = actor_name(&bundle->actors[top[i]]);
        cells[n_columns * i + 1] = numbers[i];
        if (n_columns == 3) {
            snprintf(possibly[i], sizeof possibly[i], "%lld",
                     (long long)model->top_reach_possible[i]);
            cells[n_columns * i + 2] = possibly[i];
        }
        swatches[i] = coopnet_i_style_level_color(bundle->actors[top[i]].level);
    }
    double saved_y = document->y;
    report_table_t table = {n_columns,
                            n_top,
                            headers,
                            widths,
                            aligns,
                            cells,
                            swatches,
                            REPORT_MARGIN_LEFT + chart_width + 18,
                            REPORT_TEXT_WIDTH - chart_width - 18};
    coopnet_i_report_table_draw(document, &table);
    document->y = fmax(document->y, saved_y + chart_height + 10);
}

/* The learning pathways (from local or regional sources when some reach others) and the
 * documented peer-learning ties, checked against the events. */
static void page_pathways(report_document_t *document, const report_model_t *model,
                          const report_page_t *page)
{
    const coopnet_bundle_t *bundle = model->bundle;
    const coopnet_temporal_network_t *network = model->temporal;
    const coopnet_temporal_all_t *all = &model->reach;
    coopnet_i_report_page_title(document, page->number, page->title);
    size_t top[REPORT_TOP_SOURCES], n_top = top_sources_of(model, top);
    if (n_top == 0 && model->n_peer_ties == 0) {
        coopnet_i_report_paragraph(document,
                                   _("No actor reaches another along a time-respecting path: "
                                     "there is no pathway to show."));
        return;
    }
    /* the documented peer-learning ties come last: the pathways leave them room */
    double peer_height = model->n_peer_ties > 0 ? block_height(document, draw_peer_ties, model) : 0;
    double pathways_bottom = REPORT_BOTTOM - fmin(peer_height, 280);
    /* the pathways run between local and regional actors when some reach others: peer
     * learning between cities is the subject; the top sources are often international bodies */
    size_t local_sources[3], n_local = 0;
    /* candidates by reach, best first; each checked once, at most 32 checks (one reach each) */
    bool *tried = calloc(all->n_actors + 1, sizeof *tried);
    for (size_t checks = 0; tried != NULL && n_local < 3 && checks < 32; checks++) {
        long best = -1;
        for (size_t a = 0; a < all->n_actors; a++)
            if (!tried[a] && all->out_reach[a] > 0 && is_subnational(&bundle->actors[a]) &&
                (best < 0 || all->out_reach[a] > all->out_reach[best]))
                best = (long)a;
        if (best < 0)
            break;
        tried[best] = true;
        if (subnational_reached(network, bundle, (size_t)best))
            local_sources[n_local++] = (size_t)best;
    }
    free(tried);
    bool subnational = n_local > 0;
    const char *intro =
        subnational ? (model->temporal_possible != NULL
                           ? _("From the local or regional actors that reach the most actors to "
                               "the local or regional actor each reaches in the most steps; each "
                               "pathway holds whatever the exact dates were:")
                           : _("From the local or regional actors that reach the most actors to "
                               "the local or regional actor each reaches in the most steps:"))
        : model->temporal_possible != NULL
            ? _("No local or regional actor reaches another. From the three sources that reach "
                "the most actors to the actor each reaches in the most steps; each pathway holds "
                "whatever the exact dates were:")
            : _("No local or regional actor reaches another. From the three sources that reach "
                "the most actors to the actor each reaches in the most steps:");
    if (n_top > 0)
        coopnet_i_report_paragraph(document, intro);
    const size_t *sources = subnational ? local_sources : top;
    size_t n_sources = subnational ? n_local : n_top;
    for (size_t i = 0; i < n_sources && i < 3 && document->y < pathways_bottom - 60; i++)
        write_pathway(document, model, network, sources[i], (int)i + 1, subnational,
                      pathways_bottom);
    draw_peer_ties(document, model);
}

/* Small multiples: the network as of the end of each year. */
static void page_change(report_document_t *document, const report_model_t *model,
                        const report_page_t *page)
{
    const coopnet_bundle_t *bundle = model->bundle;
    const coopnet_snapshots_t *snapshots = &model->snapshots;
    coopnet_i_report_page_title(document, page->number, page->title);
    if (snapshots->n_steps < 2) {
        coopnet_i_report_paragraph(document,
                                   _("The dated events and ties span less than two years: there is "
                                     "no change over time to show."));
        return;
    }
    size_t last = snapshots->n_steps - 1;
    igraph_integer_t n = snapshots->n_vertices;
    /* risers: places gained in the degree ranking from the first year to the last */
    igraph_integer_t risers[5];
    double gains[5];
    size_t n_risers = 0;
    for (igraph_integer_t i = 0; i < igraph_vector_int_size(&model->risers) && n_risers < 5; i++) {
        risers[n_risers] = VECTOR(model->risers)[i];
        gains[n_risers++] = VECTOR(model->gains)[VECTOR(model->risers)[i]];
    }
    char first_year[16], last_year[16];
    int year, month, day;
    coopnet_date_civil_from_days(snapshots->dates[0].day, &year, &month, &day);
    snprintf(first_year, sizeof first_year, "%d", year);
    coopnet_date_civil_from_days(snapshots->dates[last].day, &year, &month, &day);
    snprintf(last_year, sizeof last_year, "%d", year);
    /* the correlation over the same span as the risers below: first year to last (the last two
     * years alone once read "stable, 1.00" beside actors that had gained 9 places) */
    coopnet_snapshot_change_t span, recent = snapshots->changes[last - 1];
    coopnet_error_t err;
    if (coopnet_snapshots_change_between(snapshots, 0, 0, last, &span, &err) != COOPNET_OK) {
        coopnet_i_report_fail(document, err.code, "%s", err.message);
        return;
    }
    GString *paragraph = g_string_new(NULL);
    sentence_append(paragraph, "%s",
                    _("The network grows with each event and tie: below it is drawn as it stood at "
                      "the end of each year, counting only what had surely happened by then "
                      "(grey: actors with no such link yet); every actor keeps its place."));
    if (coopnet_i_draw_panel_hides_links(&model->graph))
        sentence_append(paragraph, "%s",
                        _("The links themselves are not drawn: at this size they would make one "
                          "mass hidden under the actors' dots."));
    /* TRANSLATORS: %1$s and %2$s years, %3$.2f a correlation */
    sentence_append(paragraph,
                    span.spearman > 0.8
                        ? _("From %1$s to %2$s the ranking by number of actors linked stayed "
                            "largely stable (Spearman correlation %3$.2f).")
                        : _("From %1$s to %2$s the ranking by number of actors linked changed "
                            "markedly (Spearman correlation %3$.2f)."),
                    first_year, last_year, span.spearman);
    if (last > 1)
        sentence_append(paragraph,
                        recent.spearman > 0.8
                            ? _("Between the last two years alone it stayed largely stable "
                                "(%.2f).")
                            : _("Between the last two years alone it changed markedly (%.2f)."),
                        recent.spearman);
    paragraph_draw(document, paragraph);

    /* one small-multiples figure: every actor keeps its place from year to year */
    chart_figure_t figure;
    chart_figure_init(&figure, model, COOPNET_CHART_SNAPSHOTS);
    const double height = 340;
    place_chart(document, &figure, REPORT_MARGIN_LEFT, document->y, REPORT_TEXT_WIDTH, height,
                "snapshots");
    document->y += height + 8;

    coopnet_i_report_section(document, _("Biggest risers in the ranking by actors linked"));
    if (n_risers == 0) {
        coopnet_i_report_paragraph(document, _("No actor moved up the ranking."));
        return;
    }
    const char *const headers[] = {_("Actor"), _("Rank (first)"), _("Rank (last)"), _("Gained"),
                                   _("Linked")};
    static const double widths[] = {2.6, 1.35, 1.35, 1.0, 1.1};
    static const coopnet_align_t aligns[] = {COOPNET_ALIGN_LEFT, COOPNET_ALIGN_RIGHT,
                                             COOPNET_ALIGN_RIGHT, COOPNET_ALIGN_RIGHT,
                                             COOPNET_ALIGN_RIGHT};
    const char *cells[5 * 5];
    char numbers[5][4][24];
    coopnet_rgb_t swatches[5];
    for (size_t r = 0; r < n_risers; r++) {
        igraph_integer_t v = risers[r];
        const coopnet_actor_t *actor = &bundle->actors[VECTOR(snapshots->actor_of_vertex)[v]];
        snprintf(numbers[r][0], 24, "%.0f", snapshots->ranks[(size_t)v]);
        snprintf(numbers[r][1], 24, "%.0f", snapshots->ranks[last * (size_t)n + (size_t)v]);
        snprintf(numbers[r][2], 24, "+%.0f", gains[r]);
        snprintf(numbers[r][3], 24, "%.0f", snapshots->values[last * (size_t)n + (size_t)v]);
        cells[r * 5] = actor_name(actor);
        for (int k = 0; k < 4; k++)
            cells[r * 5 + 1 + k] = numbers[r][k];
        swatches[r] = coopnet_i_style_level_color(actor->level);
    }
    report_table_t table = {5,        n_risers,           headers,          widths, aligns, cells,
                            swatches, REPORT_MARGIN_LEFT, REPORT_TEXT_WIDTH};
    coopnet_i_report_table_draw(document, &table);
    size_t sharing = 0; /* actors with the largest gain, some perhaps beyond the table */
    for (igraph_integer_t v = 0; v < n; v++)
        sharing += snapshots->ranks[(size_t)v] - snapshots->ranks[last * (size_t)n + (size_t)v] ==
                   gains[0];
    /* TRANSLATORS: %2$.0f places gained, %3$s and %4$s years */
    if (sharing > n_risers)
        paragraph_printf(document,
                         _("%1$zu actors share the largest gain, %2$.0f places between %3$s and "
                           "%4$s (five of them are listed)."),
                         sharing, gains[0], first_year, last_year);
    else if (sharing > 1)
        paragraph_printf(document,
                         _("%1$zu actors share the largest gain, %2$.0f places between %3$s and "
                           "%4$s."),
                         sharing, gains[0], first_year, last_year);
    else
        paragraph_printf(document,
                         P_("<b>%1$s</b> gained the most places: %2$.0f between %3$s and %4$s.",
                            "<b>%1$s</b> gained the most places: %2$.0f between %3$s and %4$s.",
                            (unsigned long)gains[0]),
                         actor_name(&bundle->actors[VECTOR(snapshots->actor_of_vertex)[risers[0]]]),
                         gains[0], first_year, last_year);
}

/* Source documents: the part of each " | "-separated citation before its first ':'; with a
 * sources.csv, the source that part names (by its id or file; a bare id counts too), under its
 * id. */
#define MAX_DOCUMENTS 256
typedef struct source_counts {
    char *names[MAX_DOCUMENTS];
    size_t counts[MAX_DOCUMENTS][4]; /* actors, events, participations, ties */
    size_t n_documents;
    size_t uncited[4];
} source_counts_t;

static void count_citations(source_counts_t *sources, const coopnet_bundle_t *bundle,
                            const char *source, int kind)
{
    char seen[MAX_DOCUMENTS] = {0};
    bool any = false;
    const char *p = source;
    while (*p) {
        while (*p == ' ' || *p == '|')
            p++;
        const char *end = p;
        long known = -1;
        if (bundle->n_sources > 0) { /* the reference may hold spaces: up to ':' or " | " */
            const char *bar = strstr(p, " | ");
            const char *colon = strchr(p, ':');
            end = colon && (!bar || colon < bar) ? colon : bar ? bar : p + strlen(p);
            const char *last = end;
            while (last > p && last[-1] == ' ')
                last--;
            known = coopnet_bundle_find_source(bundle, p, (size_t)(last - p));
        } else {
            while (*end && *end != ':' && *end != '|' && *end != ' ' && *end != '"')
                end++;
        }
        if ((known >= 0 || (bundle->n_sources == 0 && *end == ':')) && end > p) {
            const char *document = known >= 0 ? bundle->sources[known].id : p;
            size_t length = known >= 0 ? strlen(document) : (size_t)(end - p);
            size_t d = 0;
            while (d < sources->n_documents && !(strlen(sources->names[d]) == length &&
                                                 memcmp(sources->names[d], document, length) == 0))
                d++;
            if (d == sources->n_documents && d < MAX_DOCUMENTS) {
                sources->names[d] = strndup(document, length);
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

/* The list of the events dated only within bounds or not at all, as markup (g_string_free by the
 * caller): the first `limit` of them by title and date, then how many more. */
static GString *loose_events_markup(const report_model_t *model, size_t loose, size_t limit)
{
    const coopnet_bundle_t *bundle = model->bundle;
    char intro[512];
    snprintf(intro, sizeof intro,
             P_("%1$zu of the %2$zu events is dated only within bounds or not at all (then "
                "within the study period); over time it counts once surely past, and reach "
                "is given in both readings: ",
                "%1$zu of the %2$zu events are dated only within bounds or not at all (then "
                "within the study period); over time they count once surely past, and reach "
                "is given in both readings: ",
                loose),
             loose, model->n_events);
    GString *list = g_string_new(intro);
    size_t listed = 0;
    for (size_t e = 0; e < bundle->n_events; e++) {
        coopnet_date_t date = bundle->events[e].date;
        if (!model->event_kept[e] || date.precision == COOPNET_DATE_DAY ||
            date.precision == COOPNET_DATE_MONTH)
            continue;
        if (listed == limit && loose > limit + 1) {
            /* TRANSLATORS: the end of a list of events separated by "; " */
            char *more = g_markup_printf_escaped(
                P_("; and %zu more", "; and %zu more", loose - limit), loose - limit);
            g_string_append(list, more);
            g_free(more);
            break;
        }
        char when[128];
        format_date_long(date, when, sizeof when);
        char *item = g_markup_printf_escaped("%s%s (%s)", listed++ ? _("; ") : "",
                                             bundle->events[e].title, when);
        g_string_append(list, item);
        g_free(item);
    }
    g_string_append(list, ".");
    return list;
}

/* How many kept events are dated only within bounds or not at all. */
static size_t count_loose_events(const report_model_t *model)
{
    const coopnet_bundle_t *bundle = model->bundle;
    size_t loose = 0;
    for (size_t e = 0; e < bundle->n_events; e++) {
        coopnet_date_t date = bundle->events[e].date;
        loose += model->event_kept[e] && date.precision != COOPNET_DATE_DAY &&
                 date.precision != COOPNET_DATE_MONTH;
    }
    return loose;
}

/* The events dated only roughly in one sentence, without their list (markup; g_free). */
static char *loose_events_count(const report_model_t *model, size_t loose)
{
    if (loose == 0)
        return g_markup_printf_escaped(
            "%s", _("Every event in the report is dated to the day or the month."));
    return g_markup_printf_escaped(
        P_("%1$zu of the %2$zu events is dated only within bounds or not at all; reach is "
           "given in both readings (coopnet validate lists it).",
           "%1$zu of the %2$zu events are dated only within bounds or not at all; reach is "
           "given in both readings (coopnet validate lists them).",
           loose),
        loose, model->n_events);
}

/* The events dated only roughly, after the method notes: as many listed as fit above the footer
 * (at most 8, at least 1; 188 undated events of a 10 000-event bundle once pushed the notes off
 * the page, and French notes are longer). */
static void draw_loose_events(report_document_t *document, const report_model_t *model, size_t most)
{
    coopnet_i_report_section(document, _("Events dated only roughly"));
    size_t loose = count_loose_events(model);
    if (loose == 0) {
        coopnet_i_report_paragraph(
            document, _("Every event in the report is dated to the day or the month."));
        return;
    }
    size_t limit = most;
    GString *list = loose_events_markup(model, loose, limit);
    while (limit > 1 &&
           document->y + text_height_at(document, REPORT_FONT_SMALL, list->str, REPORT_TEXT_WIDTH) >
               REPORT_BOTTOM) {
        g_string_free(list, TRUE);
        list = loose_events_markup(model, loose, --limit);
    }
    if (document->y + text_height_at(document, REPORT_FONT_SMALL, list->str, REPORT_TEXT_WIDTH) >
        REPORT_BOTTOM) {
        /* not even one named above the footer: the count alone, and where the list is */
        char *count = loose_events_count(model, loose);
        g_string_assign(list, count);
        g_free(count);
    }
    draw_gathered(document, REPORT_FONT_SMALL, list, "", 6);
}

static void draw_method_notes(report_document_t *document, const report_model_t *model,
                              const char *last_note);

/* The end of the sources page at its smallest: the method notes and the events dated only
 * roughly with one of them named (data: the model), for block_height. */
static void draw_least_tail(report_document_t *document, const void *data)
{
    draw_method_notes(document, data, NULL);
    draw_loose_events(document, data, 1);
}

/* The cited documents' titles as one paragraph of markup ("<b>id</b>: title. Publisher, date."),
 * each title cut at cap characters; NULL when memory ran out. */
static GString *document_titles(const source_counts_t *sources, const size_t *order,
                                const char (*labels)[320], size_t rows, size_t cap)
{
    GString *titles = g_string_new(NULL);
    for (size_t i = 0; i < rows; i++) {
        if (labels[i][0] == '\0')
            continue;
        char *label = coopnet_text_ellipsize(labels[i], cap);
        if (label == NULL) {
            g_string_free(titles, TRUE);
            return NULL;
        }
        char *markup = g_markup_printf_escaped("%s<b>%s</b>: %s", titles->len ? " " : "",
                                               sources->names[order[i]], label);
        free(label);
        g_string_append(titles, markup);
        g_free(markup);
    }
    return titles;
}

static void page_sources(report_document_t *document, const report_model_t *model,
                         const report_page_t *page)
{
    const coopnet_bundle_t *bundle = model->bundle;
    source_counts_t *sources = calloc(1, sizeof *sources);
    if (sources == NULL) {
        coopnet_i_report_fail(document, COOPNET_ENOMEM, "out of memory");
        return;
    }
    coopnet_i_report_page_title(document, page->number, page->title);
    for (size_t a = 0; a < bundle->n_actors; a++)
        if (model->actor_kept[a])
            count_citations(sources, bundle, bundle->actors[a].source, 0);
    for (size_t e = 0; e < bundle->n_events; e++)
        if (model->event_kept[e])
            count_citations(sources, bundle, bundle->events[e].source, 1);
    for (size_t p = 0; p < bundle->n_participations; p++)
        if (model->event_kept[bundle->participations[p].event] &&
            model->actor_kept[bundle->participations[p].actor])
            count_citations(sources, bundle, bundle->participations[p].source, 2);
    for (size_t t = 0; t < bundle->n_ties; t++)
        if (model->actor_kept[bundle->ties[t].from] && model->actor_kept[bundle->ties[t].to] &&
            coopnet_graph_keeps_tie(bundle, t, &model->graph_options))
            count_citations(sources, bundle, bundle->ties[t].source, 3);
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
    GString *paragraph = g_string_new(NULL);
    if (uncited == 0) {
        sentence_append(paragraph,
                        _("Every one of the %zu records (actors, events, participations, ties) "
                          "names its source."),
                        total_records);
        sentence_append(paragraph,
                        P_("They cite %zu document (a record citing several counts for each).",
                           "They cite %zu documents (a record citing several counts for each).",
                           sources->n_documents),
                        sources->n_documents);
    } else if (sources->n_documents == 0) {
        /* the source column holds free text ("sheet 1") or nothing: no table to give */
        sentence_append(paragraph,
                        _("None of the %zu records in this report (actors, events, participations "
                          "and ties) names a source document: a citation is written “document: "
                          "quote”, with the document's id or file in sources.csv "
                          "(docs/bundle-format.md)."),
                        total_records);
        paragraph_draw(document, paragraph);
        draw_method_notes(document, model, NULL);
        draw_loose_events(document, model, 8);
        free(sources);
        return;
    } else {
        sentence_append(paragraph,
                        P_("Of the %1$zu records in this report (actors, events, participations "
                           "and ties), %2$zu names no source document.",
                           "Of the %1$zu records in this report (actors, events, participations "
                           "and ties), %2$zu name no source document.",
                           uncited),
                        total_records, uncited);
        sentence_append(paragraph,
                        P_("The others cite %zu source document.",
                           "The others cite %zu source documents.", sources->n_documents),
                        sources->n_documents);
    }
    paragraph_draw(document, paragraph);

    const char *const headers[] = {_("Source document"), _("Actors"), _("Events"),
                                   _("Participations"),  _("Ties"),   _("Records")};
    static const double widths[] = {2.6, 0.9, 0.9, 1.4, 0.8, 1.0};
    static const coopnet_align_t aligns[] = {COOPNET_ALIGN_LEFT,  COOPNET_ALIGN_RIGHT,
                                             COOPNET_ALIGN_RIGHT, COOPNET_ALIGN_RIGHT,
                                             COOPNET_ALIGN_RIGHT, COOPNET_ALIGN_RIGHT};
    size_t rows = sources->n_documents < 12 ? sources->n_documents : 12;
    const char **cells = calloc((rows + 1) * 6, sizeof *cells);
    char(*numbers)[5][16] = calloc(rows + 1, sizeof *numbers);
    char(*labels)[320] = calloc(rows + 1, sizeof *labels);
    if (cells == NULL || numbers == NULL || labels == NULL) {
        coopnet_i_report_fail(document, COOPNET_ENOMEM, "out of memory");
        goto cleanup;
    }
    for (size_t i = 0; i < rows; i++) {
        size_t d = order[i], sum = 0;
        cells[i * 6] = sources->names[d];
        long known =
            coopnet_bundle_find_source(bundle, sources->names[d], strlen(sources->names[d]));
        if (known >= 0) { /* sources.csv: the id in the table, the title, publisher and date
                           * below it (a title does not fit a cell) */
            const coopnet_source_t *cited = &bundle->sources[known];
            char date[160] = ""; /* "31 January 2024", "December 2025 or later" */
            if (cited->date.precision == COOPNET_DATE_INTERVAL &&
                cited->date.end_precision == COOPNET_DATE_NONE) {
                /* an open end: the document is no earlier than its start */
                char start[128];
                coopnet_date_t side = {cited->date.day,
                                       (coopnet_date_precision_t)cited->date.start_precision, 0, 0,
                                       0};
                format_date_long(side, start, sizeof start);
                /* TRANSLATORS: a document's date known only as no earlier than %s */
                snprintf(date, sizeof date, _("%s or later"), start);
            } else if (cited->date.precision != COOPNET_DATE_NONE) {
                format_date_long(cited->date, date, sizeof date);
            }
            /* cut on a whole character when the title and publisher are long */
            char *label = g_strdup_printf(
                "%s%s%s%s%s.", cited->title, cited->publisher[0] || date[0] ? ". " : "",
                cited->publisher, cited->publisher[0] && date[0] ? ", " : "", date);
            coopnet_text_copy(labels[i], sizeof labels[i], label);
            g_free(label);
        }
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
    coopnet_i_report_table_draw(document, &table);
    /* the documents' titles in one paragraph, each cut shorter until the method notes and the
     * events dated roughly (at least one of them named) fit below it; none when even that is
     * too much */
    double tail = block_height(document, draw_least_tail, model);
    static const size_t caps[] = {320, 160, 100, 60};
    for (size_t c = 0; c < sizeof caps / sizeof caps[0]; c++) {
        GString *titles = document_titles(sources, order, labels, rows, caps[c]);
        if (titles == NULL) {
            coopnet_i_report_fail(document, COOPNET_ENOMEM, "out of memory");
            goto cleanup;
        }
        if (titles->len > 0 &&
            document->y + text_height(document, REPORT_FONT_SMALL, titles->str) + 2 + tail <=
                REPORT_BOTTOM) {
            draw_gathered(document, REPORT_FONT_SMALL, titles, "", 2);
            break;
        }
        g_string_free(titles, TRUE);
    }
    if (document->y + tail <= REPORT_BOTTOM) {
        draw_method_notes(document, model, NULL);
        draw_loose_events(document, model, 8);
    } else {
        /* not even the notes and one event dated roughly below them fit above the footer (long
         * notes: a sampled betweenness, in French, of a bundle with sources): those events
         * counted as the last of the notes, in the columns' room */
        char *count = loose_events_count(model, count_loose_events(model));
        char *term = g_markup_escape_text(_("Events dated only roughly"), -1);
        /* TRANSLATORS: a method note: %1$s a term, %2$s a sentence ending in its full stop */
        char *markup = g_strdup_printf(_("<b>%1$s</b>: %2$s"), term, count);
        draw_method_notes(document, model, markup);
        g_free(markup);
        g_free(term);
        g_free(count);
    }
cleanup:
    free(cells);
    free(numbers);
    free(labels);
    for (size_t d = 0; d < sources->n_documents; d++)
        free(sources->names[d]);
    free(sources);
}

/* The method notes, in two columns, with the note on raster figures when there is one and
 * last_note (markup; NULL: none) last. */
static void draw_method_notes(report_document_t *document, const report_model_t *model,
                              const char *last_note)
{
    coopnet_i_report_section(document, _("Method notes"));
    /* TRANSLATORS: the method notes: a term, then its definition after a colon */
    static const char *const notes[][2] = {
        {N_("Cooperation network"), N_("actors linked by a shared event or a recorded tie, "
                                       "unweighted in every measure below")},
        {N_("Degree"), N_("number of distinct actors linked, by a shared event or a tie")},
        {N_("Betweenness"), N_("shortest paths between other actors that pass through the actor")},
        {N_("PageRank"), N_("share of a random walk's time spent at the actor (damping 0.85)")},
        {N_("Significant co-attendance"),
         N_("on pages 4 and 5, shared events link two actors only when they met more often than "
            "the stochastic degree sequence model expects (SDSM, Neal 2014; p below 0.05, "
            "unadjusted), in which each actor attends each event with a chance fitted to how "
            "many events the actor attended and how large each event was")},
        {N_("Density"), N_("links present out of all possible links between the actors")},
        {N_("Level density (NLC)"),
         N_("links between two levels out of all pairs of actors at them")},
        {N_("E-I index"), N_("(links across groups - links inside) / all links; p from 999 "
                             "permutations (seed 1)")},
        {N_("Gould-Fernandez brokerage"), N_("for each broker of an open two-path A-B-C, the role "
                                             "given by the levels of A, B and C")},
        {N_("Reach"), N_("actors reached along time-respecting paths of events and ties: certain "
                         "when each contact surely follows the one before, possible when some "
                         "dating allows it")},
        {N_("Snapshots"), N_("the network at each year's end; ranks compared by Spearman's rho")},
    };
    enum { BETWEENNESS_NOTE = 2 };
    const coopnet_centrality_plan_t *plan = &model->betweenness_plan;
    char *betweenness_note = NULL; /* markup of the whole note when betweenness was sampled */
    const coopnet_centrality_policy_t *policy = &model->options->centrality;
    if (plan->method == COOPNET_CENTRALITY_APPROX) {
        char *estimated = g_markup_printf_escaped(
            /* TRANSLATORS: %1$lld pairs, %2$llu a seed, %3$g a bound, %4$g a probability */
            _("<b>Betweenness</b>: shortest paths between other actors that pass through the "
              "actor; estimated from %1$lld sampled pairs (Riondato &amp; Kornaropoulos 2016, "
              "seed %2$llu), so that every actor's betweenness divided by the pairs of other "
              "actors is within %3$g of the exact value with probability %4$g."),
            (long long)model->betweenness_sampling.pairs, (unsigned long long)plan->approx.seed,
            plan->approx.epsilon, plan->approx.confidence);
        /* no estimated seconds: they vary from run to run, and the same data must give the same
         * PDF (the choice itself can differ on a much slower or faster computer: the note says
         * whose estimate it was) */
        char *why =
            policy->method == COOPNET_CENTRALITY_AUTO
                ? g_markup_printf_escaped(
                      /* TRANSLATORS: %1$g seconds */
                      _("The exact computation was estimated, on the computer that made this "
                        "report, to take longer than the time budget of %1$g s."),
                      policy->time_budget)
                : NULL;
        betweenness_note =
            g_strconcat(estimated ? estimated : "", why ? " " : "", why ? why : "", NULL);
        g_free(estimated);
        g_free(why);
    }
    /* the notes as markup, each "<b>term</b>: definition." */
    size_t n_notes = sizeof notes / sizeof notes[0];
    char *note_markup[sizeof notes / sizeof notes[0] + 2];
    for (size_t i = 0; i < n_notes; i++)
        note_markup[i] =
            i == BETWEENNESS_NOTE && betweenness_note != NULL
                ? g_strdup(betweenness_note)
                /* TRANSLATORS: a method note: %1$s a term, %2$s its definition */
                : g_markup_printf_escaped(_("<b>%1$s</b>: %2$s."), _(notes[i][0]), _(notes[i][1]));
    g_free(betweenness_note);
    /* said only when it happened: a small network's figures are all vector */
    if (coopnet_i_draw_network_is_dense(&model->graph))
        note_markup[n_notes++] = g_strdup_printf(
            _("<b>Network figures</b>: above %1$d links or %2$d actors, links and actors are "
              "an image at %3$.0f dpi inside the PDF (text stays sharp), so that the report "
              "is small enough to e-mail."),
            COOPNET_RASTER_MIN_LINKS, COOPNET_RASTER_MIN_NODES, COOPNET_RASTER_DPI);
    /* two columns, so that the notes stay above the footer whatever came before them: the
     * notes in order, cut where the longer column is shortest (their heights as set) */
    const double column_width = (REPORT_TEXT_WIDTH - 16) / 2;
    if (last_note != NULL)
        note_markup[n_notes++] = g_strdup(last_note);
    double heights[sizeof notes / sizeof notes[0] + 2], total = 0;
    for (size_t i = 0; i < n_notes; i++) {
        heights[i] =
            note_markup[i]
                ? text_height_at(document, REPORT_FONT_SMALL, note_markup[i], column_width) + 2.5
                : 0;
        total += heights[i];
    }
    size_t per_column = n_notes;
    double so_far = 0, longer = total;
    for (size_t i = 0; i < n_notes; i++) {
        so_far += heights[i];
        if (fmax(so_far, total - so_far) < longer - 0.01) {
            longer = fmax(so_far, total - so_far);
            per_column = i + 1;
        }
    }
    double column_top = document->y, bottom = column_top;
    for (size_t i = 0; i < n_notes; i++) {
        if (i == per_column) {
            bottom = document->y;
            document->y = column_top;
        }
        double x = REPORT_MARGIN_LEFT + (i < per_column ? 0 : column_width + 16);
        if (note_markup[i] != NULL)
            document->y +=
                coopnet_i_report_text(document, REPORT_FONT_SMALL, note_markup[i], x, document->y,
                                      column_width, COOPNET_ALIGN_LEFT, coopnet_i_style_text) +
                2.5;
        g_free(note_markup[i]);
    }
    document->y = fmax(bottom, document->y);
}

/* ------------------------------------------------------------------------------------------ */

void coopnet_report_options_init(coopnet_report_options_t *options)
{
    memset(options, 0, sizeof *options);
    options->as_of.precision = COOPNET_DATE_NONE;
    options->memory_limit = COOPNET_DEFAULT_MEMORY_LIMIT;
    coopnet_centrality_policy_init(&options->centrality);
    /* betweenness is one of a dozen analyses of the report, which aims at seconds for 10 000
     * actors (issue 21): exact within a few seconds, else sampled with the stated bound */
    options->centrality.time_budget = COOPNET_REPORT_TIME_BUDGET;
}

static int write_pdf_in_language(const coopnet_bundle_t *bundle,
                                 const coopnet_report_options_t *options, FILE *stream,
                                 coopnet_error_t *err);

static int report_write_pdf(const coopnet_bundle_t *bundle, const coopnet_report_options_t *options,
                            FILE *stream, coopnet_error_t *err)
{
    coopnet_l10n_scope_t scope;
    coopnet_i_l10n_enter(options->lang, options->digits, &scope);
    int status = write_pdf_in_language(bundle, options, stream, err);
    coopnet_i_l10n_leave(&scope);
    return status;
}

static int write_pdf_in_language(const coopnet_bundle_t *bundle,
                                 const coopnet_report_options_t *options, FILE *stream,
                                 coopnet_error_t *err)
{
    report_model_t model;
    report_document_t document;
    int status;
    char default_title[512];
    const char *title = options->title;
    report_page_t pages[] = {
        {_("Title and scope"), page_title, 0, NULL, 0},
        {_("The network"), page_network, 0, NULL, 0},
        {_("The geography"), page_geography, 0, NULL, 0},
        {_("Who holds it together"), page_centrality, 0, NULL, 0},
        {_("National-local cooperation"), page_nlc, 0, NULL, 0},
        {_("Groups and brokers"), page_groups, 0, NULL, 0},
        {_("Dependence on the convener"), page_dependence, 0, NULL, 0},
        {_("Peer-learning reach"), page_reach, 0, NULL, 0},
        {_("Learning pathways"), page_pathways, 0, NULL, 0},
        {_("Change over time"), page_change, 0, NULL, 0},
        {_("Sources and method notes"), page_sources, 0, NULL, 0},
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
    if (title == NULL) {
        report_default_title(&model, default_title, sizeof default_title);
        title = default_title;
    }

    char date_text[64], footer[256], metadata_date[32];
    int year, month, day;
    coopnet_date_civil_from_days(coopnet_date_last_day(model.data_date), &year, &month, &day);
    snprintf(metadata_date, sizeof metadata_date, "%04d-%02d-%02dT00:00:00", year, month, day);
    format_date_long(model.data_date, date_text, sizeof date_text);
    /* TRANSLATORS: %1$s a date, %2$s the data's folder, %3$s coopnet's version */
    snprintf(footer, sizeof footer, _("Data as of %1$s · bundle %2$s · coopnet %3$s"), date_text,
             bundle->name, COOPNET_VERSION_STRING);
    if ((status = coopnet_i_report_document_begin(&document, stream, title, metadata_date, footer,
                                                  (int)n_pages, options->png_directory, err)) !=
        COOPNET_OK)
        goto cleanup;
    for (size_t i = 0; i < n_pages; i++) {
        coopnet_progress_report(options->progress, pages[i].title, 0, 0);
        coopnet_i_report_page_begin(&document, pages[i].title, i == 0);
        pages[i].draw(&document, &model, &pages[i]);
        coopnet_i_report_page_end(&document);
    }
    status = coopnet_i_report_document_finish(&document);
cleanup:
    report_model_destroy(&model);
    return status;
}

/* The report is written from the bundle as it is shown (long names, event and source titles
 * ellipsised) with its title cut at COOPNET_TEXT_MAX_TITLE characters (coopnet/text.h). */
int coopnet_report_write_pdf(const coopnet_bundle_t *bundle,
                             const coopnet_report_options_t *options, FILE *stream,
                             coopnet_error_t *err)
{
    const coopnet_bundle_t *display = NULL;
    coopnet_report_options_t shown = *options;
    char *title =
        options->title ? coopnet_text_ellipsize(options->title, COOPNET_TEXT_MAX_TITLE) : NULL;
    if ((options->title != NULL && title == NULL) ||
        coopnet_i_bundle_display_alloc(bundle, &display) != COOPNET_OK) {
        free(title);
        return COOPNET_ERROR(err, COOPNET_ENOMEM, "out of memory");
    }
    shown.title = title;
    int status = report_write_pdf(display, &shown, stream, err);
    coopnet_i_bundle_display_free(display, bundle);
    free(title);
    return status;
}
