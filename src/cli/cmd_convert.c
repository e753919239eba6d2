/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cmd_convert.c - `coopnet convert BUNDLE -o FILE`: the cooperation graph for other tools. */
#include "cli.h"

#include <stdio.h>

static int run_convert(int argc, char **argv);

const cli_command_t cli_command_convert = {
    .name = "convert",
    .summary = "write the cooperation graph as GraphML, GEXF (Gephi), Pajek or an edge list",
    .usage = "usage: coopnet convert [OPTIONS] BUNDLE -o FILE.{graphml,gexf,net,csv}\n"
             "       coopnet convert [OPTIONS] BUNDLE --format FORMAT [-o FILE]",
    .help = "\nWrites the cooperation graph in the format named by the output file's extension:\n"
            "  .graphml  GraphML with every actor attribute and the edge weight, events,\n"
            "            ties and layers\n"
            "  .gexf     GEXF 1.3 with time spells from the first dated event or tie of each\n"
            "            actor and link, so that Gephi's timeline shows the network growing\n"
            "  .net      Pajek\n"
            "  .csv      edge list: from,to,weight,events,ties,layers\n"
            "Each link's layers say what supports it: 'events' (shared events kept by the\n"
            "options and --backbone), then the types of the ties between the two, sorted and\n"
            "';'-separated, e.g. events;mou;technical_support (filter it with 'contains').\n"
            "The file is written atomically: a failed run leaves no partial file.\n",
    .examples = "Example:\n"
                "  coopnet convert datasets/mena-hub -o mena.gexf\n",
    .run = run_convert};

static int run_convert(int argc, char **argv)
{
    cli_graph_options_t graph_options;
    cli_graph_options_init(&graph_options);
    const char *output_path = NULL, *format_name = NULL;
    int exit_status = COOPNET_EXIT_OK;
    coopnet_bundle_t *bundle = NULL;
    coopnet_graph_t graph = {0};
    coopnet_output_t *output = NULL;
    coopnet_error_t err;
    coopnet_export_format_t format;

    const cli_option_t options[] = {
        CLI_STRING("output", 'o', "FILE", "the file to write (standard output when absent)",
                   &output_path),
        CLI_STRING("format", 0, "graphml|gexf|net|csv|csv-raw",
                   "the format, when the file name does not tell it", &format_name),
        CLI_GRAPH_OPTIONS(&graph_options),
        CLI_QUIET("do not print warnings"),
        CLI_ALIAS("to", "format"),
        CLI_OPTION_END};
    int n_operands = cli_parse_options(&cli_command_convert, options, argc, argv, &exit_status);
    if (n_operands < 0)
        goto cleanup;
    if (n_operands != 1 || (output_path == NULL && format_name == NULL)) {
        exit_status = cli_usage_error(&cli_command_convert,
                                      "expected one BUNDLE and -o FILE or --format FORMAT");
        goto cleanup;
    }
    if ((format_name ? coopnet_export_format_parse(format_name, &format, &err)
                     : coopnet_export_format_from_path(output_path, &format, &err)) != COOPNET_OK) {
        exit_status = cli_usage_error(&cli_command_convert, "%s", err.message);
        goto cleanup;
    }
    if ((exit_status = cli_load_bundle(argv[0], &bundle)) != COOPNET_EXIT_OK)
        goto cleanup;
    if (coopnet_graph_init_cooperation(&graph, bundle, &graph_options.graph, &err) != COOPNET_OK) {
        exit_status = cli_fail(&err);
        goto cleanup;
    }
    if ((exit_status = cli_open_output(output_path, &output)) != COOPNET_EXIT_OK)
        goto cleanup;
    if (coopnet_export_write(bundle, &graph, &graph_options.graph, format,
                             coopnet_output_stream(output), &err) != COOPNET_OK) {
        exit_status = cli_fail(&err);
        goto cleanup;
    }
    exit_status = cli_commit_output(output);
    output = NULL;
cleanup:
    coopnet_output_abort(output);
    coopnet_graph_destroy(&graph);
    coopnet_bundle_free(bundle);
    cli_graph_options_free(&graph_options);
    return exit_status;
}
