/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cmd_info.c - `coopnet info BUNDLE`: what a bundle holds, and its cooperation graph. */
#include "cli.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int run_info(int argc, char **argv);

const cli_command_t cli_command_info = {
    .name = "info",
    .summary = "summarise a bundle: actors by level and country, dates, the cooperation graph",
    .usage = "usage: coopnet info [OPTIONS] BUNDLE",
    .help = "\nPrints the number of actors by level and by country, events (dated and undated)\n"
            "and their date range, participations, ties by type, and the size, density and\n"
            "connected components of the cooperation graph under the options given.\n",
    .examples = "Example:\n"
                "  coopnet info datasets/mena-hub --exclude scn_mena_hub\n",
    .run = run_info};

typedef struct count {
    const char *key;
    size_t n;
} count_t;

static int compare_counts(const void *a, const void *b)
{
    const count_t *x = a, *y = b;
    if (x->n != y->n)
        return x->n < y->n ? 1 : -1;
    return strcmp(x->key, y->key);
}

/* How precisely a date is known, as `info` counts it. */
static const char *date_kind(coopnet_date_t date)
{
    switch (date.precision) {
    case COOPNET_DATE_DAY:
        return "day";
    case COOPNET_DATE_MONTH:
        return "month";
    case COOPNET_DATE_YEAR:
        return "year";
    case COOPNET_DATE_INTERVAL:
        return date.start_precision == COOPNET_DATE_NONE || date.end_precision == COOPNET_DATE_NONE
                   ? "open interval"
                   : "interval";
    default:
        return "undated";
    }
}

/* Counts the distinct values of keys[0..n) and prints "label: k1 n1, k2 n2, ..." by count. */
static void print_counts(const char *label, const char *const *keys, size_t n, const char *empty)
{
    count_t *counts = calloc(n + 1, sizeof *counts);
    size_t distinct = 0;
    if (counts == NULL)
        return;
    for (size_t i = 0; i < n; i++) {
        const char *key = keys[i][0] ? keys[i] : empty;
        size_t k = 0;
        while (k < distinct && strcmp(counts[k].key, key) != 0)
            k++;
        if (k == distinct)
            counts[distinct++].key = key;
        counts[k].n++;
    }
    qsort(counts, distinct, sizeof *counts, compare_counts);
    printf("%s:", label);
    for (size_t k = 0; k < distinct; k++)
        printf("%s %s %zu", k ? "," : "", counts[k].key, counts[k].n);
    printf("\n");
    free(counts);
}

static int run_info(int argc, char **argv)
{
    cli_graph_options_t graph_options;
    cli_graph_options_init(&graph_options);
    int exit_status = COOPNET_EXIT_OK;
    coopnet_bundle_t *bundle = NULL;
    coopnet_graph_t graph = {0};
    coopnet_error_t err;
    const char **keys = NULL;

    const cli_option_t options[] = {CLI_GRAPH_OPTIONS(&graph_options),
                                    CLI_QUIET("do not print warnings"), CLI_OPTION_END};
    int n_operands = cli_parse_options(&cli_command_info, options, argc, argv, &exit_status);
    if (n_operands < 0)
        goto cleanup;
    if (n_operands != 1) {
        exit_status = cli_usage_error(&cli_command_info, "expected one BUNDLE");
        goto cleanup;
    }
    if ((exit_status = cli_load_bundle(argv[0], &bundle)) != COOPNET_EXIT_OK)
        goto cleanup;
    if (coopnet_graph_init_cooperation(&graph, bundle, &graph_options.graph, &err) != COOPNET_OK) {
        exit_status = cli_fail(&err);
        goto cleanup;
    }
    coopnet_graph_summary_t summary;
    if (coopnet_graph_summarise(&graph, &summary, &err) != COOPNET_OK) {
        exit_status = cli_fail(&err);
        goto cleanup;
    }
    size_t n_keys = bundle->n_actors > bundle->n_ties ? bundle->n_actors : bundle->n_ties;
    if (bundle->n_events > n_keys)
        n_keys = bundle->n_events;
    keys = calloc(n_keys + 1, sizeof *keys);
    if (keys == NULL) {
        cli_error("out of memory");
        exit_status = COOPNET_EXIT_FAILURE;
        goto cleanup;
    }

    printf("bundle: %s (%s)\n", bundle->name, bundle->path);
    printf("actors: %zu\n", bundle->n_actors);
    for (size_t a = 0; a < bundle->n_actors; a++)
        keys[a] = coopnet_level_name(bundle->actors[a].level);
    print_counts("  by level", keys, bundle->n_actors, "");
    for (size_t a = 0; a < bundle->n_actors; a++)
        keys[a] = bundle->actors[a].country;
    print_counts("  by country", keys, bundle->n_actors, "none");

    size_t dated = 0;
    for (size_t e = 0; e < bundle->n_events; e++)
        dated += bundle->events[e].date.precision != COOPNET_DATE_NONE;
    coopnet_date_t first, last;
    coopnet_bundle_date_range(bundle, &first, &last);
    char first_text[COOPNET_DATE_TEXT_SIZE], last_text[COOPNET_DATE_TEXT_SIZE];
    coopnet_date_format(first, first_text);
    coopnet_date_format(last, last_text);
    printf("events: %zu (%zu dated, %zu undated)\n", bundle->n_events, dated,
           bundle->n_events - dated);
    if (first.precision != COOPNET_DATE_NONE)
        printf("dates: %s to %s\n", first_text, last_text);
    for (size_t e = 0; e < bundle->n_events; e++)
        keys[e] = date_kind(bundle->events[e].date);
    if (bundle->n_events > 0)
        print_counts("  events dated by", keys, bundle->n_events, "");
    int32_t window_first, window_last;
    if (coopnet_bundle_window(bundle, &window_first, &window_last)) {
        char from[COOPNET_DATE_TEXT_SIZE], to[COOPNET_DATE_TEXT_SIZE];
        coopnet_date_format(coopnet_date_from_day(window_first), from);
        coopnet_date_format(coopnet_date_from_day(window_last), to);
        printf("  study window: %s to %s (what undated rows and open sides '..' read as)\n", from,
               to);
    }
    printf("participations: %zu\n", bundle->n_participations);
    printf("ties: %zu\n", bundle->n_ties);
    if (bundle->n_ties > 0) {
        for (size_t t = 0; t < bundle->n_ties; t++)
            keys[t] = bundle->ties[t].type;
        print_counts("  by type", keys, bundle->n_ties, "");
        for (size_t t = 0; t < bundle->n_ties; t++)
            keys[t] = date_kind(bundle->ties[t].start);
        print_counts("  starts dated by", keys, bundle->n_ties, "");
    }
    printf("cooperation graph: %lld actors, %lld links, density %.4f\n",
           (long long)summary.n_vertices, (long long)summary.n_edges, summary.density);
    printf("  components: %lld (largest %lld actors, %lld isolated)\n",
           (long long)summary.n_components, (long long)summary.largest_component,
           (long long)summary.n_isolates);
cleanup:
    free(keys);
    coopnet_graph_destroy(&graph);
    coopnet_bundle_free(bundle);
    cli_graph_options_free(&graph_options);
    return exit_status;
}
