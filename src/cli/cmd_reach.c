/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cmd_reach.c - `coopnet reach BUNDLE --from ID | --to ID | --all`: peer-learning reach over
 * time (docs/temporal.md). */
#include "cli_temporal.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int run_reach(int argc, char **argv);

const cli_command_t cli_command_reach = {
    .name = "reach",
    .summary =
        "whom a practice can have reached, by when and through which events (time-respecting)",
    .usage = "usage: coopnet reach [OPTIONS] BUNDLE --from ID [--path-to ID]\n"
             "       coopnet reach [OPTIONS] BUNDLE --to ID\n"
             "       coopnet reach [OPTIONS] BUNDLE --all",
    .help = "\nKnowledge travels forward in time: every dated event is a group contact among its\n"
            "participants, every dated tie a contact between its ends (one-way when directed), "
            "and\n"
            "a path is a sequence of contacts on strictly increasing dates (docs/temporal.md).\n",
    .examples = "Examples:\n"
                "  coopnet reach datasets/mena-hub --from saida\n"
                "  coopnet reach datasets/mena-hub --from saida --path-to fes\n"
                "  coopnet reach datasets/mena-hub --all --exclude scn_mena_hub,scn --format json\n"
                "  coopnet reach big-bundle --all --estimate --precision 12 -o reach.csv\n",
    .run = run_reach};

/* "event_id", or "tie:FROM->TO:TYPE" ("--" for an undirected tie). */
static void format_via(const coopnet_bundle_t *bundle, coopnet_contact_ref_t via, char *buffer,
                       size_t size)
{
    if (via.index < 0) {
        buffer[0] = '\0';
    } else if (via.kind == COOPNET_CONTACT_EVENT) {
        snprintf(buffer, size, "%s", bundle->events[via.index].id);
    } else {
        const coopnet_tie_t *tie = &bundle->ties[via.index];
        snprintf(buffer, size, "tie:%s%s%s:%s", bundle->actors[tie->from].id,
                 tie->directed ? "->" : "--", bundle->actors[tie->to].id, tie->type);
    }
}

/* What a step's contact is called in a pathway: the event's title, or "TYPE tie". */
static void format_contact_title(const coopnet_bundle_t *bundle, coopnet_contact_ref_t via,
                                 char *buffer, size_t size)
{
    if (via.kind == COOPNET_CONTACT_EVENT)
        snprintf(buffer, size, "%s", bundle->events[via.index].title);
    else
        snprintf(buffer, size, "%s tie", bundle->ties[via.index].type);
}

/* A row carries its actor's id, so that the comparator needs no file-scope context. */
typedef struct reach_row {
    int32_t actor;
    int32_t day;
    const char *id;
} reach_row_t;

static int compare_rows(const void *a, const void *b)
{
    const reach_row_t *x = a, *y = b;
    if (x->day != y->day)
        return x->day < y->day ? -1 : 1;
    return strcmp(x->id, y->id);
}

static int write_reach(const coopnet_temporal_network_t *network,
                       const coopnet_temporal_reach_t *reach, coopnet_table_format_t format,
                       FILE *stream)
{
    const coopnet_bundle_t *bundle = coopnet_temporal_network_bundle(network);
    static const char *const forward_columns[] = {"id", "name", "arrival", "hops", "via"};
    static const char *const backward_columns[] = {"id", "name", "departure", "hops", "via"};
    reach_row_t *rows = calloc(reach->n_reached + 1, sizeof *rows);
    if (rows == NULL) {
        cli_error("out of memory");
        return COOPNET_EXIT_FAILURE;
    }
    size_t n = 0;
    for (size_t a = 0; a < reach->n_actors; a++)
        if (reach->day[a] != COOPNET_TEMPORAL_NEVER)
            rows[n++] = (reach_row_t){(int32_t)a, reach->day[a], bundle->actors[a].id};
    qsort(rows, n, sizeof *rows, compare_rows);

    coopnet_table_t table;
    coopnet_table_begin(&table, stream, format,
                        reach->backward ? backward_columns : forward_columns, 5);
    for (size_t i = 0; i < n; i++) {
        int32_t a = rows[i].actor;
        char date[COOPNET_DATE_TEXT_SIZE], via[512];
        coopnet_date_format(coopnet_temporal_contact_date(network, reach->via[a]), date);
        format_via(bundle, reach->via[a], via, sizeof via);
        coopnet_table_string(&table, bundle->actors[a].id);
        coopnet_table_string(&table, bundle->actors[a].name);
        coopnet_table_string(&table, date);
        coopnet_table_integer(&table, reach->hops[a]);
        coopnet_table_string(&table, via);
        coopnet_table_end_row(&table);
    }
    coopnet_table_end(&table);
    free(rows);
    return COOPNET_EXIT_OK;
}

static int write_path(const coopnet_temporal_network_t *network,
                      const coopnet_temporal_reach_t *reach, size_t target, bool as_table,
                      coopnet_table_format_t format, FILE *stream)
{
    const coopnet_bundle_t *bundle = coopnet_temporal_network_bundle(network);
    coopnet_temporal_step_t *steps = NULL;
    size_t n_steps = 0;
    coopnet_error_t err;
    if (coopnet_temporal_reach_path(network, reach, target, &steps, &n_steps, &err) != COOPNET_OK)
        return cli_fail(&err);
    if (as_table) {
        static const char *const columns[] = {"step",  "from", "from_name", "via",
                                              "title", "date", "to",        "to_name"};
        coopnet_table_t table;
        coopnet_table_begin(&table, stream, format, columns, 8);
        for (size_t i = 0; i < n_steps; i++) {
            char date[COOPNET_DATE_TEXT_SIZE], via[512], title[1024];
            coopnet_date_format(steps[i].date, date);
            format_via(bundle, steps[i].contact, via, sizeof via);
            format_contact_title(bundle, steps[i].contact, title, sizeof title);
            coopnet_table_integer(&table, (long long)i + 1);
            coopnet_table_string(&table, bundle->actors[steps[i].from].id);
            coopnet_table_string(&table, bundle->actors[steps[i].from].name);
            coopnet_table_string(&table, via);
            coopnet_table_string(&table, title);
            coopnet_table_string(&table, date);
            coopnet_table_string(&table, bundle->actors[steps[i].to].id);
            coopnet_table_string(&table, bundle->actors[steps[i].to].name);
            coopnet_table_end_row(&table);
        }
        coopnet_table_end(&table);
    } else if (n_steps == 0) {
        fprintf(stream, "no time-respecting path from '%s' to '%s'\n",
                bundle->actors[reach->source].id, bundle->actors[target].id);
    } else {
        for (size_t i = 0; i < n_steps; i++) {
            char date[COOPNET_DATE_TEXT_SIZE], title[1024];
            coopnet_date_format(steps[i].date, date);
            format_contact_title(bundle, steps[i].contact, title, sizeof title);
            fprintf(stream, "%s \xe2\x86\x92 %s (%s) \xe2\x86\x92 %s\n",
                    bundle->actors[steps[i].from].name, title, date,
                    bundle->actors[steps[i].to].name);
        }
    }
    free(steps);
    return COOPNET_EXIT_OK;
}

static void write_all(const coopnet_bundle_t *bundle, const coopnet_temporal_all_t *all,
                      coopnet_table_format_t format, FILE *stream)
{
    static const char *const columns[] = {
        "id", "name", "out_reach", "in_reach", "temporal_closeness", "relative_standard_error"};
    bool estimated = all->precision > 0;
    coopnet_table_t table;
    coopnet_table_begin(&table, stream, format, columns, estimated ? 6 : 5);
    for (size_t a = 0; a < all->n_actors; a++) {
        if (all->out_reach[a] < 0)
            continue;
        coopnet_table_string(&table, bundle->actors[a].id);
        coopnet_table_string(&table, bundle->actors[a].name);
        coopnet_table_integer(&table, all->out_reach[a]);
        coopnet_table_integer(&table, all->in_reach[a]);
        coopnet_table_number(&table, all->closeness[a]);
        if (estimated)
            coopnet_table_number(&table, all->relative_standard_error);
        coopnet_table_end_row(&table);
    }
    coopnet_table_end(&table);
}

static int run_reach(int argc, char **argv)
{
    cli_temporal_options_t temporal_options;
    cli_temporal_options_init(&temporal_options);
    const char *output_path = NULL, *from_id = NULL, *to_id = NULL, *path_to_id = NULL;
    cli_ids_t from = {0};
    bool all_sources = false;
    int exit_status = COOPNET_EXIT_OK;
    coopnet_bundle_t *bundle = NULL;
    coopnet_temporal_network_t *network = NULL;
    coopnet_temporal_reach_t reach = {0};
    coopnet_temporal_all_t all = {0};
    coopnet_output_t *output = NULL;
    coopnet_error_t err;

    const cli_option_t options[] = {
        {.name = "from",
         .argument = "ID",
         .help = "every actor ID reaches: id,name,arrival,hops,via (arrival:\n"
                 "the earliest date; hops: fewest contacts on that date;\n"
                 "via: the event or tie of the last contact), by arrival\nthen id",
         .value = &from,
         .parse = cli_parse_ids,
         .max = 1},
        CLI_STRING("to", 0, "ID",
                   "every actor that reaches ID: id,name,departure,hops,via\n"
                   "(departure: the latest date it could set out; via: its\nfirst contact)",
                   &to_id),
        CLI_STRING("path-to", 0, "ID",
                   "with --from: the learning pathway, one step per line, or\n"
                   "a statement that there is none (--format csv|json: a\ntable of the steps)",
                   &path_to_id),
        CLI_FLAG("all", 0,
                 "every actor: id,name,out_reach,in_reach,temporal_closeness,\n"
                 "the closeness being (1/(n-1)) sum of 1/(days from\n"
                 "--since to arrival + 1); exact while its state\n"
                 "(actors^2/4 bytes) fits in --memory-limit, else\n"
                 "estimated, with a column relative_standard_error",
                 &all_sources),
        CLI_TEMPORAL_OPTIONS(&temporal_options),
        CLI_STRING("output", 'o', "FILE", "write to FILE (atomically) instead of stdout",
                   &output_path),
        CLI_QUIET("no warnings, no progress"),
        CLI_TEMPORAL_ALL_OPTIONS(&temporal_options),
        CLI_OPTION_END};
    int n_operands = cli_parse_options(&cli_command_reach, options, argc, argv, &exit_status);
    if (n_operands < 0)
        goto cleanup;
    from_id = from.n_ids > 0 ? from.ids[0] : NULL;
    if (n_operands != 1) {
        exit_status = cli_usage_error(&cli_command_reach, "expected one BUNDLE");
        goto cleanup;
    }
    if ((from_id != NULL) + (to_id != NULL) + all_sources != 1) {
        exit_status = cli_usage_error(&cli_command_reach, "give one of --from, --to and --all");
        goto cleanup;
    }
    if (path_to_id != NULL && from_id == NULL) {
        exit_status = cli_usage_error(&cli_command_reach, "--path-to needs --from");
        goto cleanup;
    }
    if ((exit_status = cli_temporal_check_all(&temporal_options, &cli_command_reach,
                                              all_sources)) != COOPNET_EXIT_OK)
        goto cleanup;
    if ((exit_status = cli_load_bundle(argv[0], &bundle)) != COOPNET_EXIT_OK)
        goto cleanup;
    if (coopnet_temporal_network_alloc(bundle, cli_temporal_options_get(&temporal_options),
                                       &network, &err) != COOPNET_OK) {
        exit_status = err.code == COOPNET_EINVAL
                          ? cli_usage_error(&cli_command_reach, "%s", err.message)
                          : cli_fail(&err);
        goto cleanup;
    }

    long actor = -1, target = -1;
    if (from_id != NULL || to_id != NULL) {
        actor = cli_temporal_find_actor(network, &cli_command_reach, from_id ? "--from" : "--to",
                                        from_id ? from_id : to_id);
        if (actor < 0) {
            exit_status = COOPNET_EXIT_USAGE;
            goto cleanup;
        }
    }
    if (path_to_id != NULL && (target = cli_temporal_find_actor(network, &cli_command_reach,
                                                                "--path-to", path_to_id)) < 0) {
        exit_status = COOPNET_EXIT_USAGE;
        goto cleanup;
    }

    if (all_sources) {
        exit_status = cli_temporal_all_sources(&temporal_options, network, &all);
        if (exit_status != COOPNET_EXIT_OK)
            goto cleanup;
    } else {
        int status = from_id != NULL
                         ? coopnet_temporal_reach_forward(network, (size_t)actor, &reach, &err)
                         : coopnet_temporal_reach_backward(network, (size_t)actor, &reach, &err);
        if (status != COOPNET_OK) {
            exit_status = cli_fail(&err);
            goto cleanup;
        }
    }

    if ((exit_status = cli_open_output(output_path, &output)) != COOPNET_EXIT_OK)
        goto cleanup;
    FILE *stream = coopnet_output_stream(output);
    if (all_sources)
        write_all(bundle, &all, temporal_options.format, stream);
    else if (path_to_id != NULL)
        exit_status = write_path(network, &reach, (size_t)target, temporal_options.format_given,
                                 temporal_options.format, stream);
    else
        exit_status = write_reach(network, &reach, temporal_options.format, stream);
    if (exit_status != COOPNET_EXIT_OK)
        goto cleanup;
    exit_status = cli_commit_output(output);
    output = NULL;
cleanup:
    coopnet_output_abort(output);
    coopnet_temporal_all_destroy(&all);
    coopnet_temporal_reach_destroy(&reach);
    coopnet_temporal_network_free(network);
    coopnet_bundle_free(bundle);
    cli_temporal_options_free(&temporal_options);
    cli_ids_free(&from);
    return exit_status;
}
