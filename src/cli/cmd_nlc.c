/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cmd_nlc.c - `coopnet nlc BUNDLE`: national-local cooperation by country and level. */
#include "cli_analysis.h"

#include <string.h>

static int run_nlc(int argc, char **argv);

const cli_command_t cli_command_nlc = {
    .name = "nlc",
    .summary =
        "national-local cooperation: links between levels per country, reach of national bodies",
    .usage = "usage: coopnet nlc [OPTIONS] BUNDLE",
    .help = "\nFor each country and for the whole network (country *), the links of the\n"
            "cooperation graph between each pair of levels (local, regional, national,\n"
            "international), the number possible and the density (--table pairs):\n"
            "  country,level_a,level_b,edges,possible,density\n"
            "A link with an international actor counts for the country of the other end;\n"
            "links between two countries count only for *. With --table summary, per country:\n"
            "  country,subnational,linked,national,share,formal,formal_share,co_attendees,\n"
            "  co_attendee_share,unnamed_events\n"
            "subnational = its local and regional actors, linked = those with a direct link\n"
            "to a national actor of the same country, share = linked / subnational; of them,\n"
            "formal = linked by an agreement or technical support (a tie of type mou,\n"
            "partnership, membership, funding or technical_support), co_attendees = linked by\n"
            "shared events (one actor may be both). Shares are empty when the country has no\n"
            "national actor in the data (unknown, not 0). unnamed_events = kept events an\n"
            "actor of the country attended whose sources state more participants than\n"
            "participation.csv names (events.csv 'participants'): when > 0, linked may be\n"
            "a lower bound.\n"
            "With --table links, every link between a national actor and a local or\n"
            "regional actor of the same country, by country, national id, other id:\n"
            "  country,national_id,national_name,other_id,other_name,other_level,\n"
            "  shared_events,ties,layers,first_date,basis\n"
            "layers = what supports the link, as in coopnet convert: events (shared\n"
            "events), then the types of the ties between the two (';'-separated),\n"
            "first_date = the earliest dated shared event or tie start (empty: none dated),\n"
            "basis = formal (a tie of type mou, partnership, membership, funding or\n"
            "technical_support), else ties (any other tie), else co-attendance (shared\n"
            "events only). The graph options (--layer, --as-of, --backbone...) apply.\n"
            "With --compare FROM/TO,FROM/TO each table gives both windows side by side,\n"
            "each read as --between reads it (certain by default, --as-of-mode possible),\n"
            "after the columns window_1,window_2,reading: pairs with edges_1, density_1,\n"
            "edges_2, density_2, density_change; summary with linked_1, share_1, linked_2,\n"
            "share_2, share_change, formal_1, formal_2; links with layers_1, layers_2 and\n"
            "change = gained, lost or kept.\n",
    .examples = "Example:\n"
                "  coopnet nlc datasets/mena-hub --exclude scn_mena_hub --table summary\n"
                "  coopnet nlc datasets/mena-hub --table links\n",
    .run = run_nlc};

/* --table links: one row per national-local link; finishes the analysis. */
static int write_links(cli_analysis_t *analysis)
{
    coopnet_nlc_links_t links = {0};
    coopnet_error_t err;
    if (coopnet_nlc_links_compute(&analysis->graph, &links, &err) != COOPNET_OK)
        return cli_fail(&err);
    static const char *const columns[] = {"country",    "national_id", "national_name", "other_id",
                                          "other_name", "other_level", "shared_events", "ties",
                                          "layers",     "first_date",  "basis"};
    coopnet_table_t table;
    coopnet_table_begin(&table, cli_analysis_stream(analysis), analysis->format, columns, 11);
    for (size_t l = 0; l < links.n_links; l++) {
        const coopnet_nlc_link_t *link = &links.links[l];
        char first_date[COOPNET_DATE_TEXT_SIZE];
        coopnet_date_format(link->first_date, first_date);
        coopnet_table_string(&table, link->country);
        coopnet_table_string(&table, link->national->id);
        coopnet_table_string(&table, link->national->name);
        coopnet_table_string(&table, link->other->id);
        coopnet_table_string(&table, link->other->name);
        coopnet_table_string(&table, coopnet_level_name(link->other->level));
        coopnet_table_integer(&table, link->shared_events);
        coopnet_table_integer(&table, link->ties);
        coopnet_table_string(&table, link->layers);
        if (first_date[0] != '\0')
            coopnet_table_string(&table, first_date);
        else
            coopnet_table_missing(&table);
        coopnet_table_string(&table, coopnet_nlc_basis_name(link->basis));
        coopnet_table_end_row(&table);
    }
    coopnet_table_end(&table);
    coopnet_nlc_links_destroy(&links);
    return cli_analysis_finish(analysis);
}

/* The --compare row cells of a national-local link present in one window or both. */
static void compare_link_cells(cli_analysis_t *analysis, const cli_compare_t *compare,
                               coopnet_table_t *table, const coopnet_nlc_link_t *first,
                               const coopnet_nlc_link_t *second)
{
    const coopnet_nlc_link_t *link = first ? first : second;
    cli_compare_cells(analysis, compare, table);
    coopnet_table_string(table, link->country);
    coopnet_table_string(table, link->national->id);
    coopnet_table_string(table, link->national->name);
    coopnet_table_string(table, link->other->id);
    coopnet_table_string(table, link->other->name);
    coopnet_table_string(table, coopnet_level_name(link->other->level));
    for (int w = 0; w < 2; w++) {
        const coopnet_nlc_link_t *in = w == 0 ? first : second;
        if (in != NULL)
            coopnet_table_string(table, in->layers);
        else
            coopnet_table_missing(table);
    }
    coopnet_table_string(table, !first ? "gained" : !second ? "lost" : "kept");
    coopnet_table_end_row(table);
}

/* --table links --compare: every national-local link of either window, merged in the order both
 * lists share (country, national id, other id). */
static int write_compared_links(cli_analysis_t *analysis, const cli_compare_t *compare)
{
    coopnet_nlc_links_t links[2] = {{0}, {0}};
    coopnet_error_t err;
    if (coopnet_nlc_links_compute(&analysis->graph, &links[0], &err) != COOPNET_OK ||
        coopnet_nlc_links_compute(&compare->second, &links[1], &err) != COOPNET_OK) {
        coopnet_nlc_links_destroy(&links[0]);
        return cli_fail(&err);
    }
    static const char *const columns[] = {"window_1",    "window_2",      "reading",  "country",
                                          "national_id", "national_name", "other_id", "other_name",
                                          "other_level", "layers_1",      "layers_2", "change"};
    coopnet_table_t table;
    coopnet_table_begin(&table, cli_analysis_stream(analysis), analysis->format, columns, 12);
    size_t i = 0, j = 0;
    while (i < links[0].n_links || j < links[1].n_links) {
        const coopnet_nlc_link_t *a = i < links[0].n_links ? &links[0].links[i] : NULL;
        const coopnet_nlc_link_t *b = j < links[1].n_links ? &links[1].links[j] : NULL;
        int order = !a ? 1 : !b ? -1 : strcmp(a->country, b->country);
        if (a && b && order == 0)
            order = strcmp(a->national->id, b->national->id);
        if (a && b && order == 0)
            order = strcmp(a->other->id, b->other->id);
        compare_link_cells(analysis, compare, &table, order <= 0 ? a : NULL, order >= 0 ? b : NULL);
        i += order <= 0;
        j += order >= 0;
    }
    coopnet_table_end(&table);
    coopnet_nlc_links_destroy(&links[0]);
    coopnet_nlc_links_destroy(&links[1]);
    return cli_analysis_finish(analysis);
}

/* --compare with --table pairs or summary: the two windows' tables side by side. */
static int write_compared_tables(cli_analysis_t *analysis, const cli_compare_t *compare,
                                 bool summary)
{
    coopnet_nlc_t nlc[2] = {{0}, {0}};
    coopnet_error_t err;
    int exit_status = COOPNET_EXIT_OK;
    if (coopnet_nlc_compute(&analysis->graph, &nlc[0], &err) != COOPNET_OK ||
        coopnet_nlc_compute(&compare->second, &nlc[1], &err) != COOPNET_OK) {
        exit_status = cli_fail(&err);
        goto cleanup;
    }
    /* the same actors in both windows give the same countries and level pairs, row for row */
    if (nlc[0].n_pairs != nlc[1].n_pairs || nlc[0].n_countries != nlc[1].n_countries) {
        coopnet_error_set(&err, COOPNET_EINTERNAL, "the two windows' tables do not line up");
        exit_status = cli_fail(&err);
        goto cleanup;
    }
    coopnet_table_t table;
    if (summary) {
        static const char *const columns[] = {"window_1",    "window_2", "reading",      "country",
                                              "subnational", "national", "linked_1",     "share_1",
                                              "linked_2",    "share_2",  "share_change", "formal_1",
                                              "formal_2"};
        coopnet_table_begin(&table, cli_analysis_stream(analysis), analysis->format, columns, 13);
        for (size_t c = 0; c < nlc[0].n_countries; c++) {
            const coopnet_nlc_reach_t *a = &nlc[0].reach[c], *b = &nlc[1].reach[c];
            cli_compare_cells(analysis, compare, &table);
            coopnet_table_string(&table, a->country);
            coopnet_table_integer(&table, a->subnational);
            coopnet_table_integer(&table, a->national);
            coopnet_table_integer(&table, a->linked);
            coopnet_table_number(&table, a->share);
            coopnet_table_integer(&table, b->linked);
            coopnet_table_number(&table, b->share);
            coopnet_table_number(&table, b->share - a->share);
            coopnet_table_integer(&table, a->linked_formal);
            coopnet_table_integer(&table, b->linked_formal);
            coopnet_table_end_row(&table);
        }
    } else {
        static const char *const columns[] = {
            "window_1", "window_2", "reading",   "country", "level_a",   "level_b",
            "possible", "edges_1",  "density_1", "edges_2", "density_2", "density_change"};
        coopnet_table_begin(&table, cli_analysis_stream(analysis), analysis->format, columns, 12);
        for (size_t p = 0; p < nlc[0].n_pairs; p++) {
            const coopnet_nlc_pair_t *a = &nlc[0].pairs[p], *b = &nlc[1].pairs[p];
            cli_compare_cells(analysis, compare, &table);
            coopnet_table_string(&table, a->country);
            coopnet_table_string(&table, coopnet_level_name(a->level_a));
            coopnet_table_string(&table, coopnet_level_name(a->level_b));
            coopnet_table_number(&table, a->possible);
            coopnet_table_integer(&table, a->edges);
            coopnet_table_number(&table, a->density);
            coopnet_table_integer(&table, b->edges);
            coopnet_table_number(&table, b->density);
            coopnet_table_number(&table, b->density - a->density);
            coopnet_table_end_row(&table);
        }
    }
    coopnet_table_end(&table);
    exit_status = cli_analysis_finish(analysis);
cleanup:
    coopnet_nlc_destroy(&nlc[0]);
    coopnet_nlc_destroy(&nlc[1]);
    return exit_status;
}

static int run_nlc(int argc, char **argv)
{
    cli_analysis_t analysis;
    cli_analysis_init(&analysis, &cli_command_nlc);
    cli_compare_t compare = {0};
    coopnet_nlc_t nlc = {0};
    const char *table_name = "pairs";
    int exit_status = COOPNET_EXIT_OK;
    coopnet_error_t err;

    const cli_option_t options[] = {
        CLI_VALUE("table", "pairs|summary|links",
                  "pairs (default): the links between levels; summary:\nthe reach of national "
                  "bodies per country; links: each\nnational-local link and its basis",
                  &table_name, cli_parse_table),
        CLI_COMPARE_OPTION(&compare), CLI_ANALYSIS_OPTIONS(&analysis),
        CLI_ALIAS_VALUE("summary", "table", "summary"), CLI_OPTION_END};
    int n_operands = cli_parse_options(&cli_command_nlc, options, argc, argv, &exit_status);
    if (n_operands < 0)
        goto cleanup;
    bool summary = strcmp(table_name, "summary") == 0;
    if (compare.given) {
        if ((exit_status = cli_analysis_start_compare(&analysis, n_operands, argv, &compare)) ==
            COOPNET_EXIT_OK)
            exit_status = strcmp(table_name, "links") == 0
                              ? write_compared_links(&analysis, &compare)
                              : write_compared_tables(&analysis, &compare, summary);
        goto cleanup;
    }
    if ((exit_status = cli_analysis_start(&analysis, n_operands, argv)) != COOPNET_EXIT_OK)
        goto cleanup;
    if (strcmp(table_name, "links") == 0) {
        exit_status = write_links(&analysis);
        goto cleanup;
    }
    if (coopnet_nlc_compute(&analysis.graph, &nlc, &err) != COOPNET_OK) {
        exit_status = cli_fail(&err);
        goto cleanup;
    }
    coopnet_table_t table;
    if (summary) {
        static const char *const columns[] = {
            "country", "subnational",  "linked",       "national",          "share",
            "formal",  "formal_share", "co_attendees", "co_attendee_share", "unnamed_events"};
        coopnet_table_begin(&table, cli_analysis_stream(&analysis), analysis.format, columns, 10);
        for (size_t c = 0; c < nlc.n_countries; c++) {
            const coopnet_nlc_reach_t *reach = &nlc.reach[c];
            coopnet_table_string(&table, reach->country);
            coopnet_table_integer(&table, reach->subnational);
            coopnet_table_integer(&table, reach->linked);
            coopnet_table_integer(&table, reach->national);
            coopnet_table_number(&table, reach->share);
            coopnet_table_integer(&table, reach->linked_formal);
            coopnet_table_number(&table, reach->formal_share);
            coopnet_table_integer(&table, reach->co_attendees);
            coopnet_table_number(&table, reach->co_attendee_share);
            coopnet_table_integer(&table, reach->unnamed_events);
            coopnet_table_end_row(&table);
        }
    } else {
        static const char *const columns[] = {"country", "level_a",  "level_b",
                                              "edges",   "possible", "density"};
        coopnet_table_begin(&table, cli_analysis_stream(&analysis), analysis.format, columns, 6);
        for (size_t p = 0; p < nlc.n_pairs; p++) {
            const coopnet_nlc_pair_t *pair = &nlc.pairs[p];
            coopnet_table_string(&table, pair->country);
            coopnet_table_string(&table, coopnet_level_name(pair->level_a));
            coopnet_table_string(&table, coopnet_level_name(pair->level_b));
            coopnet_table_integer(&table, pair->edges);
            coopnet_table_number(&table, pair->possible);
            coopnet_table_number(&table, pair->density);
            coopnet_table_end_row(&table);
        }
    }
    coopnet_table_end(&table);
    exit_status = cli_analysis_finish(&analysis);
cleanup:
    cli_compare_free(&compare);
    coopnet_nlc_destroy(&nlc);
    cli_analysis_free(&analysis);
    return exit_status;
}
