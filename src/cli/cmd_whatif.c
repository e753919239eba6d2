/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cmd_whatif.c - `coopnet whatif BUNDLE --without ID[,ID...]`: the cooperation graph before and
 * after actors withdraw with the events they convened; `--rank`: the key players. */
#include "cli_analysis.h"

#include "coopnet/temporal.h"

static int run_whatif(int argc, char **argv);

const cli_command_t cli_command_whatif = {
    .name = "whatif",
    .summary = "what if actors withdrew: the network before and after, or the key players",
    .usage = "usage: coopnet whatif [OPTIONS] BUNDLE --without ID[,ID...] [--keep-events]\n"
             "       coopnet whatif [OPTIONS] BUNDLE --rank [--top N]",
    .help = "\nWithdrawing actors removes them and the events they convened (hosted,\n"
            "organised or facilitated: an event goes when any of its conveners withdraws);\n"
            "--keep-events removes the actors only, as --exclude does. Ties between the\n"
            "others stay. One row per measure and subject:\n"
            "  measure,subject,before,after,change\n"
            "with subject * (the whole network) for actors, links, events, components,\n"
            "largest_component, isolated, isolated_local, isolated_regional,\n"
            "isolated_national, isolated_international and fragmentation (Borgatti:\n"
            "1 - sum of s(s-1) over components of s actors / n(n-1); empty below 2 actors);\n"
            "a country (or * for all) for national_local_links and national_regional_links\n"
            "(the NLC links of `coopnet nlc`; change = links lost); and, with 1 or 0 for\n"
            "before and after, an actor id for actors (the withdrawn actors), an event id\n"
            "for events (the dropped events) and an actor id for isolated (the actors\n"
            "linked before and isolated after). Then temporal reach (docs/temporal.md) in\n"
            "its two readings: reach_pairs_certain and reach_pairs_possible (ordered pairs\n"
            "a reaches b, subject *), and out_reach_certain / out_reach_possible for each\n"
            "remaining actor whose reach changed.\n"
            "\nWith --rank, every actor withdraws in turn with its events (one graph built\n"
            "per actor; --top N tries only the N actors of highest degree), highest\n"
            "fragmentation after first:\n"
            "  rank,id,name,level,country,degree,events_dropped,isolated,components,\n"
            "  largest_component,fragmentation\n"
            "isolated: actors linked before and isolated after; rank: competition rank.\n",
    .examples = "Examples:\n"
                "  coopnet whatif datasets/mena-hub --without scn_mena_hub\n"
                "  coopnet whatif datasets/mena-hub --rank --top 10\n",
    .run = run_whatif};

/* One row measure,subject,before,after,change; a NaN is an empty cell. */
static void write_row(coopnet_table_t *table, const char *measure, const char *subject,
                      double before, double after)
{
    coopnet_table_string(table, measure);
    coopnet_table_string(table, subject);
    coopnet_table_number(table, before);
    coopnet_table_number(table, after);
    coopnet_table_number(table, after - before);
    coopnet_table_end_row(table);
}

static void write_comparison(coopnet_table_t *table, const coopnet_graph_t *before,
                             const coopnet_whatif_t *whatif)
{
    const coopnet_bundle_t *bundle = before->bundle;
    const coopnet_whatif_side_t *b = &whatif->before, *a = &whatif->after;
    write_row(table, "actors", "*", (double)b->actors, (double)a->actors);
    write_row(table, "links", "*", (double)b->links, (double)a->links);
    write_row(table, "events", "*", (double)b->events, (double)a->events);
    write_row(table, "components", "*", (double)b->components, (double)a->components);
    write_row(table, "largest_component", "*", (double)b->largest_component,
              (double)a->largest_component);
    write_row(table, "isolated", "*", (double)b->isolated, (double)a->isolated);
    static const char *const isolated_of_level[COOPNET_LEVEL_COUNT] = {
        "isolated_local", "isolated_regional", "isolated_national", "isolated_international"};
    for (int level = 0; level < COOPNET_LEVEL_COUNT; level++)
        write_row(table, isolated_of_level[level], "*", (double)b->isolated_by_level[level],
                  (double)a->isolated_by_level[level]);
    write_row(table, "fragmentation", "*", b->fragmentation, a->fragmentation);
    for (size_t i = 0; i < whatif->n_nlc; i++) {
        const coopnet_whatif_nlc_t *nlc = &whatif->nlc[i];
        write_row(table,
                  nlc->level == COOPNET_LEVEL_LOCAL ? "national_local_links"
                                                    : "national_regional_links",
                  nlc->country, (double)nlc->before, (double)nlc->after);
    }
    for (size_t i = 0; i < whatif->n_withdrawn; i++) {
        size_t actor = whatif->withdrawn[i];
        write_row(table, "actors", bundle->actors[actor].id,
                  VECTOR(before->vertex_of_actor)[actor] >= 0 ? 1 : 0, 0);
    }
    for (size_t i = 0; i < whatif->n_dropped_events; i++)
        write_row(table, "events", bundle->events[whatif->dropped_events[i]].id, 1, 0);
    for (size_t i = 0; i < whatif->n_isolated; i++)
        write_row(table, "isolated", bundle->actors[whatif->isolated[i]].id, 0, 1);
}

static void write_ranking(coopnet_table_t *table, cli_analysis_t *analysis,
                          const coopnet_whatif_ranking_t *ranking)
{
    for (size_t i = 0; i < ranking->n_items; i++) {
        const coopnet_whatif_ranked_t *item = &ranking->items[i];
        coopnet_table_number(table, item->rank);
        cli_analysis_actor_cells(analysis, table, item->vertex);
        coopnet_table_integer(table, item->degree);
        coopnet_table_integer(table, (long long)item->n_dropped_events);
        coopnet_table_integer(table, (long long)item->n_isolated);
        coopnet_table_integer(table, item->after.components);
        coopnet_table_integer(table, item->after.largest_component);
        coopnet_table_number(table, item->after.fragmentation);
        coopnet_table_end_row(table);
    }
}

/* The reach rows: pairs reached in each reading before and after, and each remaining actor
 * whose out-reach changed. */
static int write_reach_rows(coopnet_table_t *table, const coopnet_graph_t *before,
                            const coopnet_whatif_t *whatif, coopnet_error_t *err)
{
    static const char *const pairs[] = {"reach_pairs_certain", "reach_pairs_possible"};
    static const char *const actors[] = {"out_reach_certain", "out_reach_possible"};
    const coopnet_bundle_t *bundle = before->bundle;
    coopnet_temporal_all_policy_t policy; /* the library's: exact when it fits, else estimated */
    coopnet_temporal_all_policy_init(&policy);
    policy.memory_limit = before->options.memory_limit;
    for (int reading = 0; reading < 2; reading++) {
        coopnet_temporal_all_t b = {0}, a = {0};
        coopnet_reading_t reading_of = (coopnet_reading_t)reading;
        int status = coopnet_temporal_all_sources_of(bundle, &before->options, reading_of, &policy,
                                                     NULL, &b, err);
        if (status == COOPNET_OK)
            status = coopnet_temporal_all_sources_of(bundle, &whatif->graph_after.options,
                                                     reading_of, &policy, NULL, &a, err);
        if (status == COOPNET_OK) {
            write_row(table, pairs[reading], "*", (double)b.total_pairs, (double)a.total_pairs);
            for (size_t actor = 0; actor < bundle->n_actors; actor++)
                if (b.out_reach[actor] >= 0 && a.out_reach[actor] >= 0 &&
                    b.out_reach[actor] != a.out_reach[actor])
                    write_row(table, actors[reading], bundle->actors[actor].id,
                              (double)b.out_reach[actor], (double)a.out_reach[actor]);
        }
        coopnet_temporal_all_destroy(&b);
        coopnet_temporal_all_destroy(&a);
        if (status != COOPNET_OK)
            return status;
    }
    return COOPNET_OK;
}

static int run_whatif(int argc, char **argv)
{
    cli_analysis_t analysis;
    cli_analysis_init(&analysis, &cli_command_whatif);
    cli_ids_t without = {0};
    bool keep_events = false, rank = false, top_given = false;
    long long top = 0;
    coopnet_whatif_t whatif = {0};
    coopnet_whatif_ranking_t ranking = {0};
    int exit_status = COOPNET_EXIT_OK;
    coopnet_error_t err;

    const cli_option_t options[] = {
        CLI_VALUE("without", "ID[,ID...]",
                  "withdraw these actors and the events they convened:\nthe before/after table",
                  &without, cli_parse_ids),
        CLI_FLAG("keep-events", 0, "with --without: remove the actors, not their events",
                 &keep_events),
        CLI_FLAG("rank", 0,
                 "rank the actors by the fragmentation their withdrawal\nwith their events leaves",
                 &rank),
        {.name = "top",
         .argument = "N",
         .help = "with --rank: try only the N actors of highest degree\n(ties in bundle order)",
         .value = &top,
         .parse = cli_parse_integer,
         .min = 1,
         .max = 0,
         .given = &top_given},
        CLI_ANALYSIS_OPTIONS(&analysis),
        CLI_OPTION_END};
    int n_operands = cli_parse_options(&cli_command_whatif, options, argc, argv, &exit_status);
    if (n_operands < 0)
        goto cleanup;
    if ((without.n_ids > 0) == rank) {
        exit_status = cli_usage_error(&cli_command_whatif, "give one of --without and --rank");
        goto cleanup;
    }
    if (keep_events && rank) {
        exit_status = cli_usage_error(&cli_command_whatif, "--keep-events needs --without");
        goto cleanup;
    }
    if (top_given && !rank) {
        exit_status = cli_usage_error(&cli_command_whatif, "--top needs --rank");
        goto cleanup;
    }
    if ((exit_status = cli_analysis_start(&analysis, n_operands, argv)) != COOPNET_EXIT_OK)
        goto cleanup;
    coopnet_table_t table;
    if (rank) {
        if (coopnet_whatif_rank(&analysis.graph, (size_t)top, &ranking, &err) != COOPNET_OK) {
            exit_status = cli_fail(&err);
            goto cleanup;
        }
        igraph_integer_t n_actors = igraph_vcount(&analysis.graph.graph);
        if (!cli_quiet && (igraph_integer_t)ranking.n_items < n_actors)
            fprintf(stderr, "coopnet: note: tried the %zu actors of highest degree of %lld\n",
                    ranking.n_items, (long long)n_actors);
        static const char *const columns[] = {"rank",           "id",
                                              "name",           "level",
                                              "country",        "degree",
                                              "events_dropped", "isolated",
                                              "components",     "largest_component",
                                              "fragmentation"};
        coopnet_table_begin(&table, cli_analysis_stream(&analysis), analysis.format, columns, 11);
        write_ranking(&table, &analysis, &ranking);
    } else {
        if (coopnet_whatif_compute(&analysis.graph, without.ids, without.n_ids, keep_events,
                                   &whatif, &err) != COOPNET_OK) {
            exit_status = cli_fail(&err);
            goto cleanup;
        }
        static const char *const columns[] = {"measure", "subject", "before", "after", "change"};
        coopnet_table_begin(&table, cli_analysis_stream(&analysis), analysis.format, columns, 5);
        write_comparison(&table, &analysis.graph, &whatif);
        if (write_reach_rows(&table, &analysis.graph, &whatif, &err) != COOPNET_OK) {
            coopnet_table_end(&table);
            exit_status = cli_fail(&err);
            goto cleanup;
        }
    }
    coopnet_table_end(&table);
    exit_status = cli_analysis_finish(&analysis);
cleanup:
    coopnet_whatif_ranking_destroy(&ranking);
    coopnet_whatif_destroy(&whatif);
    cli_ids_free(&without);
    cli_analysis_free(&analysis);
    return exit_status;
}
