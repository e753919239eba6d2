/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cmd_reach.c - `coopnet reach BUNDLE --from ID | --to ID | --all`: peer-learning reach over
 * time (docs/temporal.md). */
#include "cli_temporal.h"

#include <math.h>
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

typedef enum { ONLY_ANY = 0, ONLY_CERTAIN, ONLY_POSSIBLE } only_t;

static int parse_only(const cli_option_t *option, const char *value, void *field,
                      coopnet_error_t *err)
{
    only_t *only = field;
    if (strcmp(value, "certain") == 0)
        *only = ONLY_CERTAIN;
    else if (strcmp(value, "possible") == 0)
        *only = ONLY_POSSIBLE;
    else
        return coopnet_error_set(err, COOPNET_EINVAL,
                                 "--%s: unknown value '%s' (expected certain or possible)",
                                 option->name, value);
    return COOPNET_OK;
}

static void format_day(int32_t day, char buffer[COOPNET_DATE_TEXT_SIZE])
{
    if (day == COOPNET_TEMPORAL_NEVER)
        buffer[0] = '\0';
    else
        coopnet_date_format(coopnet_date_from_day(day), buffer);
}

/* Rows for every actor reached in the possible reading; `certain` says whether the certain
 * reading reaches it too (the certain reading is contained in the possible one). */
static int write_reach(const coopnet_temporal_network_t *network,
                       const coopnet_temporal_reach_t *possible,
                       const coopnet_temporal_reach_t *certain, only_t only,
                       coopnet_table_format_t format, FILE *stream)
{
    const coopnet_bundle_t *bundle = coopnet_temporal_network_bundle(network);
    static const char *const forward_columns[] = {
        "id", "name", "arrival", "hops", "via", "certain", "arrival_earliest", "arrival_latest"};
    static const char *const backward_columns[] = {
        "id",  "name",    "departure",        "hops",
        "via", "certain", "departure_latest", "departure_earliest"};
    reach_row_t *rows = calloc(possible->n_reached + 1, sizeof *rows);
    if (rows == NULL) {
        cli_error("out of memory");
        return COOPNET_EXIT_FAILURE;
    }
    size_t n = 0;
    for (size_t a = 0; a < possible->n_actors; a++) {
        if (possible->day[a] == COOPNET_TEMPORAL_NEVER)
            continue;
        bool surely = certain->day[a] != COOPNET_TEMPORAL_NEVER;
        if ((only == ONLY_CERTAIN && !surely) || (only == ONLY_POSSIBLE && surely))
            continue;
        rows[n++] = (reach_row_t){(int32_t)a, possible->day[a], bundle->actors[a].id};
    }
    qsort(rows, n, sizeof *rows, compare_rows);

    coopnet_table_t table;
    coopnet_table_begin(&table, stream, format,
                        possible->backward ? backward_columns : forward_columns, 8);
    for (size_t i = 0; i < n; i++) {
        int32_t a = rows[i].actor;
        char day[COOPNET_DATE_TEXT_SIZE], certain_day[COOPNET_DATE_TEXT_SIZE], via[512];
        format_day(possible->day[a], day);
        format_day(certain->day[a], certain_day);
        format_via(bundle, possible->via[a], via, sizeof via);
        coopnet_table_string(&table, bundle->actors[a].id);
        coopnet_table_string(&table, bundle->actors[a].name);
        coopnet_table_string(&table, day);
        coopnet_table_integer(&table, possible->hops[a]);
        coopnet_table_string(&table, via);
        coopnet_table_string(&table, certain->day[a] != COOPNET_TEMPORAL_NEVER ? "true" : "false");
        coopnet_table_string(&table, day);
        coopnet_table_string(&table, certain_day);
        coopnet_table_end_row(&table);
    }
    coopnet_table_end(&table);
    free(rows);
    return COOPNET_EXIT_OK;
}

/* The pathway to target: a certain one when the certain reading reaches it (it holds whatever
 * the exact days were), else a possible one, naming the contacts whose order the sources leave
 * open. */
static int write_path(const cli_readings_t *readings, const coopnet_temporal_reach_t *possible,
                      const coopnet_temporal_reach_t *certain, size_t target, bool as_table,
                      coopnet_table_format_t format, FILE *stream)
{
    bool surely = certain->day[target] != COOPNET_TEMPORAL_NEVER;
    const coopnet_temporal_network_t *network = surely ? readings->certain : readings->possible;
    const coopnet_temporal_reach_t *reach = surely ? certain : possible;
    const coopnet_bundle_t *bundle = coopnet_temporal_network_bundle(network);
    coopnet_temporal_step_t *steps = NULL;
    size_t n_steps = 0;
    coopnet_error_t err;
    if (coopnet_temporal_reach_path(network, reach, target, &steps, &n_steps, &err) != COOPNET_OK)
        return cli_fail(&err);
    int32_t *lo = calloc(n_steps + 1, sizeof *lo), *hi = calloc(n_steps + 1, sizeof *hi);
    if (lo == NULL || hi == NULL) {
        free(steps);
        free(lo);
        free(hi);
        cli_error("out of memory");
        return COOPNET_EXIT_FAILURE;
    }
    for (size_t i = 0; i < n_steps; i++)
        coopnet_temporal_contact_bounds(network, steps[i].contact, &lo[i], &hi[i]);
    if (as_table) {
        static const char *const columns[] = {"step",    "from", "from_name",     "via",
                                              "title",   "date", "date_earliest", "date_latest",
                                              "certain", "to",   "to_name"};
        coopnet_table_t table;
        coopnet_table_begin(&table, stream, format, columns, 11);
        for (size_t i = 0; i < n_steps; i++) {
            char date[COOPNET_DATE_TEXT_SIZE], earliest[COOPNET_DATE_TEXT_SIZE],
                latest[COOPNET_DATE_TEXT_SIZE], via[512], title[1024];
            coopnet_date_format(steps[i].date, date);
            format_day(lo[i], earliest);
            format_day(hi[i], latest);
            format_via(bundle, steps[i].contact, via, sizeof via);
            format_contact_title(bundle, steps[i].contact, title, sizeof title);
            /* a step is certain when it surely comes after the one before */
            bool step_certain = i == 0 || hi[i - 1] < lo[i];
            coopnet_table_integer(&table, (long long)i + 1);
            coopnet_table_string(&table, bundle->actors[steps[i].from].id);
            coopnet_table_string(&table, bundle->actors[steps[i].from].name);
            coopnet_table_string(&table, via);
            coopnet_table_string(&table, title);
            coopnet_table_string(&table, date);
            coopnet_table_string(&table, earliest);
            coopnet_table_string(&table, latest);
            coopnet_table_string(&table, surely || step_certain ? "true" : "false");
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
                    bundle->actors[steps[i].from].name, title, date[0] ? date : "undated",
                    bundle->actors[steps[i].to].name);
        }
        if (surely) {
            fprintf(stream, "certain: this pathway holds whatever the exact dates were\n");
        } else {
            fprintf(stream, "possible, if");
            const char *separator = " ";
            for (size_t i = 1; i < n_steps; i++) {
                if (hi[i - 1] < lo[i])
                    continue;
                char first[1024], second[1024], first_date[COOPNET_DATE_TEXT_SIZE],
                    second_date[COOPNET_DATE_TEXT_SIZE];
                format_contact_title(bundle, steps[i - 1].contact, first, sizeof first);
                format_contact_title(bundle, steps[i].contact, second, sizeof second);
                coopnet_date_format(steps[i - 1].date, first_date);
                coopnet_date_format(steps[i].date, second_date);
                fprintf(stream, "%s%s (%s) happened before %s (%s)", separator, first,
                        first_date[0] ? first_date : "undated", second,
                        second_date[0] ? second_date : "undated");
                separator = ", and ";
            }
            if (separator[0] == ' ')
                fprintf(stream, " the dates fall within --since/--until and --max-wait");
            fprintf(stream, ": the sources leave that order open\n");
        }
    }
    free(lo);
    free(hi);
    free(steps);
    return COOPNET_EXIT_OK;
}

static void put_count(coopnet_table_t *table, const int64_t *values, size_t a)
{
    if (values == NULL)
        coopnet_table_missing(table);
    else
        coopnet_table_integer(table, values[a]);
}

/* Both readings, or one of them (the other NULL: its columns are missing). */
static void write_all(const coopnet_bundle_t *bundle, const coopnet_temporal_all_t *certain,
                      const coopnet_temporal_all_t *possible, coopnet_table_format_t format,
                      FILE *stream)
{
    static const char *const columns[] = {"id",
                                          "name",
                                          "out_reach",
                                          "in_reach",
                                          "temporal_closeness",
                                          "out_reach_certain",
                                          "out_reach_possible",
                                          "in_reach_certain",
                                          "in_reach_possible",
                                          "temporal_closeness_possible",
                                          "relative_standard_error"};
    const coopnet_temporal_all_t *any = certain ? certain : possible;
    double error = fmax(certain ? certain->relative_standard_error : 0,
                        possible ? possible->relative_standard_error : 0);
    const int64_t *certain_out = certain ? certain->out_reach : NULL;
    const int64_t *certain_in = certain ? certain->in_reach : NULL;
    const int64_t *possible_out = possible ? possible->out_reach : NULL;
    const int64_t *possible_in = possible ? possible->in_reach : NULL;
    coopnet_table_t table;
    coopnet_table_begin(&table, stream, format, columns, error > 0 ? 11 : 10);
    for (size_t a = 0; a < any->n_actors; a++) {
        if (any->out_reach[a] < 0)
            continue;
        coopnet_table_string(&table, bundle->actors[a].id);
        coopnet_table_string(&table, bundle->actors[a].name);
        put_count(&table, certain_out, a);
        put_count(&table, certain_in, a);
        coopnet_table_number(&table, certain ? certain->closeness[a] : NAN);
        put_count(&table, certain_out, a);
        put_count(&table, possible_out, a);
        put_count(&table, certain_in, a);
        put_count(&table, possible_in, a);
        coopnet_table_number(&table, possible ? possible->closeness[a] : NAN);
        if (error > 0)
            coopnet_table_number(&table, error);
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
    cli_readings_t readings = {0};
    only_t only = ONLY_ANY;
    coopnet_reading_t reading = COOPNET_READING_CERTAIN;
    bool reading_given = false;
    coopnet_temporal_reach_t reach = {0}, certain_reach = {0};
    coopnet_temporal_all_t all = {0}, certain_all = {0};
    coopnet_output_t *output = NULL;
    coopnet_error_t err;

    const cli_option_t options[] = {
        {.name = "from",
         .argument = "ID",
         .help = "every actor ID may reach: id,name,arrival,hops,via,\n"
                 "certain,arrival_earliest,arrival_latest (arrival: the\n"
                 "earliest possible date; hops: fewest contacts on that\n"
                 "date; via: the event or tie of the last contact;\n"
                 "certain: reached whatever the exact dates were, by\n"
                 "arrival_latest), by arrival then id",
         .value = &from,
         .parse = cli_parse_ids,
         .max = 1},
        CLI_STRING("to", 0, "ID",
                   "every actor that may reach ID: id,name,departure,hops,\n"
                   "via,certain,departure_latest,departure_earliest\n"
                   "(departure: the latest date it could set out; via: its\n"
                   "first contact; certain: whatever the exact dates were,\n"
                   "setting out by departure_earliest)",
                   &to_id),
        CLI_STRING("path-to", 0, "ID",
                   "with --from: the learning pathway, one step per line,\n"
                   "then 'certain' or 'possible, if X happened before Y',\n"
                   "or a statement that there is none (--format csv|json:\n"
                   "a table of the steps with their date bounds)",
                   &path_to_id),
        {.name = "reading",
         .argument = "certain|possible",
         .help = "with --all: compute only this reading (the other's\ncolumns are left empty); "
                 "default both",
         .value = &reading,
         .parse = cli_parse_reading,
         .given = &reading_given},
        CLI_VALUE("only", "certain|possible",
                  "with --from or --to: only the actors reached whatever\n"
                  "the exact dates were, or only those reached for some\n"
                  "dates within the bounds but not for all",
                  &only, parse_only),
        CLI_FLAG("all", 0,
                 "every actor: id,name,out_reach,in_reach,temporal_closeness\n"
                 "(the certain reading), then out_reach_certain,\n"
                 "out_reach_possible, in_reach_certain, in_reach_possible,\n"
                 "temporal_closeness_possible; the closeness being\n"
                 "(1/(n-1)) sum of 1/(days from --since to arrival + 1);\n"
                 "exact while its state\n"
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
    if (cli_readings_alloc(bundle, cli_temporal_options_get(&temporal_options), &readings, &err) !=
        COOPNET_OK) {
        exit_status = err.code == COOPNET_EINVAL
                          ? cli_usage_error(&cli_command_reach, "%s", err.message)
                          : cli_fail(&err);
        goto cleanup;
    }
    if (only != ONLY_ANY && all_sources) {
        exit_status = cli_usage_error(&cli_command_reach, "--only needs --from or --to");
        goto cleanup;
    }
    if (reading_given && !all_sources) {
        exit_status = cli_usage_error(&cli_command_reach,
                                      "--reading needs --all (--from and --to give both)");
        goto cleanup;
    }

    long actor = -1, target = -1;
    if (from_id != NULL || to_id != NULL) {
        actor = cli_temporal_find_actor(readings.certain, &cli_command_reach,
                                        from_id ? "--from" : "--to", from_id ? from_id : to_id);
        if (actor < 0) {
            exit_status = COOPNET_EXIT_USAGE;
            goto cleanup;
        }
    }
    if (path_to_id != NULL &&
        (target = cli_temporal_find_actor(readings.certain, &cli_command_reach, "--path-to",
                                          path_to_id)) < 0) {
        exit_status = COOPNET_EXIT_USAGE;
        goto cleanup;
    }

    cli_readings_note(&readings);
    bool want_certain = !reading_given || reading == COOPNET_READING_CERTAIN;
    bool want_possible = !reading_given || reading == COOPNET_READING_POSSIBLE;
    bool distinct = readings.possible != readings.certain;
    if (all_sources) {
        if (want_certain || !distinct)
            exit_status =
                cli_temporal_all_sources(&temporal_options, readings.certain, &certain_all);
        if (exit_status == COOPNET_EXIT_OK && want_possible && distinct)
            exit_status = cli_temporal_all_sources(&temporal_options, readings.possible, &all);
        if (exit_status != COOPNET_EXIT_OK)
            goto cleanup;
    } else {
        int status = COOPNET_OK;
        for (int r = 0; r < 2 && status == COOPNET_OK; r++) {
            const coopnet_temporal_network_t *network = r ? readings.possible : readings.certain;
            coopnet_temporal_reach_t *result = r ? &reach : &certain_reach;
            status = from_id != NULL
                         ? coopnet_temporal_reach_forward(network, (size_t)actor, result, &err)
                         : coopnet_temporal_reach_backward(network, (size_t)actor, result, &err);
        }
        if (status != COOPNET_OK) {
            exit_status = cli_fail(&err);
            goto cleanup;
        }
    }

    if ((exit_status = cli_open_output(output_path, &output)) != COOPNET_EXIT_OK)
        goto cleanup;
    FILE *stream = coopnet_output_stream(output);
    if (all_sources)
        write_all(bundle, want_certain ? &certain_all : NULL,
                  !want_possible ? NULL
                  : distinct     ? &all
                                 : &certain_all,
                  temporal_options.format, stream);
    else if (path_to_id != NULL)
        exit_status = write_path(&readings, &reach, &certain_reach, (size_t)target,
                                 temporal_options.format_given, temporal_options.format, stream);
    else
        exit_status = write_reach(readings.possible, &reach, &certain_reach, only,
                                  temporal_options.format, stream);
    if (exit_status != COOPNET_EXIT_OK)
        goto cleanup;
    exit_status = cli_commit_output(output);
    output = NULL;
cleanup:
    coopnet_output_abort(output);
    coopnet_temporal_all_destroy(&all);
    coopnet_temporal_all_destroy(&certain_all);
    coopnet_temporal_reach_destroy(&reach);
    coopnet_temporal_reach_destroy(&certain_reach);
    cli_readings_free(&readings);
    coopnet_bundle_free(bundle);
    cli_temporal_options_free(&temporal_options);
    cli_ids_free(&from);
    return exit_status;
}
