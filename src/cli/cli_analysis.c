/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cli_analysis.c - shared plumbing of the analysis commands (see cli_analysis.h). */
#include "cli_analysis.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void cli_analysis_init(cli_analysis_t *analysis, const cli_command_t *command)
{
    memset(analysis, 0, sizeof *analysis);
    analysis->command = command;
    analysis->format = COOPNET_TABLE_CSV;
    cli_graph_options_init(&analysis->graph_options);
}

/* --exclude leaves an actor out but keeps the events it convened, where the others still meet:
 * say so, since "without the hub" usually means without its events too (coopnet whatif). */
static void note_excluded_conveners(const cli_analysis_t *analysis)
{
    const coopnet_graph_options_t *options = &analysis->graph.options;
    for (size_t i = 0; i < options->n_exclude && !cli_quiet; i++) {
        long actor = coopnet_bundle_find_actor(analysis->bundle, options->exclude[i]);
        size_t convened =
            actor < 0 ? 0 : coopnet_whatif_convened_events(&analysis->graph, (size_t)actor);
        if (convened > 0)
            fprintf(stderr,
                    "coopnet: note: '%s' is left out, but the %zu event%s it hosted, organised or "
                    "facilitated stay%s in the network; 'coopnet whatif --without %s' removes "
                    "them too\n",
                    options->exclude[i], convened, convened == 1 ? "" : "s",
                    convened == 1 ? "s" : "", options->exclude[i]);
    }
}

int cli_analysis_start(cli_analysis_t *analysis, int n_operands, char **operands)
{
    coopnet_error_t err;
    if (n_operands != 1)
        return cli_usage_error(analysis->command, "expected one BUNDLE");
    int exit_status = cli_load_bundle(operands[0], &analysis->bundle);
    if (exit_status != COOPNET_EXIT_OK)
        return exit_status;
    if (coopnet_graph_init_cooperation(&analysis->graph, analysis->bundle,
                                       &analysis->graph_options.graph, &err) != COOPNET_OK)
        return cli_fail(&err);
    note_excluded_conveners(analysis);
    return cli_open_output(analysis->output_path, &analysis->output);
}

FILE *cli_analysis_stream(cli_analysis_t *analysis)
{
    return coopnet_output_stream(analysis->output);
}

int cli_analysis_finish(cli_analysis_t *analysis)
{
    int exit_status = cli_commit_output(analysis->output);
    analysis->output = NULL;
    return exit_status;
}

void cli_analysis_free(cli_analysis_t *analysis)
{
    coopnet_output_abort(analysis->output);
    coopnet_graph_destroy(&analysis->graph);
    coopnet_bundle_free(analysis->bundle);
    cli_graph_options_free(&analysis->graph_options);
    memset(analysis, 0, sizeof *analysis);
}

void cli_analysis_actor_cells(cli_analysis_t *analysis, coopnet_table_t *table,
                              igraph_integer_t vertex)
{
    cli_analysis_bundle_actor_cells(analysis, table,
                                    VECTOR(analysis->graph.actor_of_vertex)[vertex]);
}

void cli_analysis_bundle_actor_cells(cli_analysis_t *analysis, coopnet_table_t *table,
                                     igraph_integer_t actor_index)
{
    const coopnet_actor_t *actor = &analysis->bundle->actors[actor_index];
    coopnet_table_string(table, actor->id);
    coopnet_table_string(table, actor->name);
    coopnet_table_string(table, coopnet_level_name(actor->level));
    coopnet_table_string(table, actor->country);
}

int cli_parse_compare(const cli_option_t *option, const char *value, void *field,
                      coopnet_error_t *err)
{
    cli_compare_t *compare = field;
    if (coopnet_snapshots_parse_windows(value, compare->windows, err) != COOPNET_OK)
        return coopnet_error_prefix(err, "--%s", option->name);
    for (int w = 0; w < 2; w++)
        coopnet_date_format(compare->windows[w], compare->window_text[w]);
    compare->given = true;
    return COOPNET_OK;
}

int cli_analysis_start_compare(cli_analysis_t *analysis, int n_operands, char **operands,
                               cli_compare_t *compare)
{
    coopnet_error_t err;
    cli_graph_options_t *options = &analysis->graph_options;
    if (options->as_of_given || options->between_given)
        return cli_usage_error(analysis->command,
                               "--compare gives each window its dates: drop --as-of and --between");
    if (coopnet_graph_options_set_between(&options->graph, compare->windows[0], &err) != COOPNET_OK)
        return cli_fail(&err);
    int exit_status = cli_analysis_start(analysis, n_operands, operands);
    if (exit_status != COOPNET_EXIT_OK)
        return exit_status;
    coopnet_graph_options_t second = options->graph;
    if (coopnet_graph_options_set_between(&second, compare->windows[1], &err) != COOPNET_OK ||
        coopnet_graph_init_cooperation(&compare->second, analysis->bundle, &second, &err) !=
            COOPNET_OK ||
        coopnet_snapshots_compare(&analysis->graph, &compare->second, &compare->change, &err) !=
            COOPNET_OK)
        return cli_fail(&err);
    return COOPNET_EXIT_OK;
}

void cli_compare_cells(const cli_analysis_t *analysis, const cli_compare_t *compare,
                       coopnet_table_t *table)
{
    coopnet_table_string(table, compare->window_text[0]);
    coopnet_table_string(table, compare->window_text[1]);
    coopnet_table_string(table, coopnet_reading_name(analysis->graph_options.graph.as_of_reading));
}

void cli_compare_free(cli_compare_t *compare)
{
    coopnet_graph_destroy(&compare->second);
    coopnet_snapshots_comparison_destroy(&compare->change);
}
