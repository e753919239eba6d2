/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cli_figure.h - the options every figure command (render, chart) shares: title, caption, size,
 * resolution, background. */
#ifndef COOPNET_CLI_FIGURE_H
#define COOPNET_CLI_FIGURE_H

#include "cli.h"

enum {
    CLI_OPT_TITLE = 1900,
    CLI_OPT_CAPTION,
    CLI_OPT_WIDTH,
    CLI_OPT_HEIGHT,
    CLI_OPT_DPI,
    CLI_OPT_TRANSPARENT
};

#define CLI_FIGURE_OPTIONS                                                                         \
    {"title", required_argument, NULL, CLI_OPT_TITLE},                                             \
        {"caption", required_argument, NULL, CLI_OPT_CAPTION},                                     \
        {"width", required_argument, NULL, CLI_OPT_WIDTH},                                         \
        {"height", required_argument, NULL, CLI_OPT_HEIGHT},                                       \
        {"dpi", required_argument, NULL, CLI_OPT_DPI},                                             \
    {                                                                                              \
        "transparent", no_argument, NULL, CLI_OPT_TRANSPARENT                                      \
    }

#define CLI_FIGURE_OPTIONS_HELP                                                                    \
    "  --title TEXT               the title (default: says what is shown; \"\" for none)\n"        \
    "  --caption TEXT             the source line (default: bundle and date range)\n"              \
    "  --width W, --height H      size: pixels for PNG, points for PDF/SVG (default\n"             \
    "                             10 x 7.5 in: 2000 x 1500 px at 200 dpi, 720 x 540 pt)\n"         \
    "  --dpi N                    PNG resolution (default 200): text keeps its point size\n"       \
    "  --transparent              PNG with a transparent background (default white)\n"

/* Handles one figure option: 1 handled, 0 not a figure option, -1 bad value (err says why). */
int cli_figure_option(coopnet_figure_options_t *figure, int opt, const char *value,
                      coopnet_error_t *err);

/* The options every figure command shares, tried in turn: figure options, --quiet/--help, the
 * cooperation-graph options; anything else is a usage error. Returns 1 when opt was handled and
 * parsing goes on, 0 when the command must stop with *exit_status (left as it is after --help). */
int cli_figure_shared_option(const cli_command_t *command, coopnet_figure_options_t *figure,
                             cli_graph_options_t *graph_options, int opt, const char *value,
                             char **argv, int *exit_status);

/* Parses a non-negative integer seed. */
int cli_parse_seed(const char *text, unsigned long *seed, coopnet_error_t *err);

/* True when name is one of coopnet_render_measure_names. */
bool cli_is_measure(const char *name);

#endif
