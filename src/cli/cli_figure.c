/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cli_figure.c - options shared by the figure commands (see cli_figure.h). */
#include "cli_figure.h"

#include <ctype.h>
#include <errno.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

static int parse_positive(const char *text, const char *option, double *value, coopnet_error_t *err)
{
    char *end;
    errno = 0;
    double parsed = strtod(text, &end);
    if (end == text || *end != '\0' || errno != 0 || !(parsed > 0) || !isfinite(parsed))
        return coopnet_error_set(err, COOPNET_EINVAL, "--%s needs a positive number, not '%s'",
                                 option, text);
    *value = parsed;
    return COOPNET_OK;
}

int cli_figure_option(coopnet_figure_options_t *figure, int opt, const char *value,
                      coopnet_error_t *err)
{
    int status = COOPNET_OK;
    switch (opt) {
    case CLI_OPT_TITLE:
        figure->title = value;
        break;
    case CLI_OPT_CAPTION:
        figure->caption = value;
        break;
    case CLI_OPT_WIDTH:
        status = parse_positive(value, "width", &figure->width, err);
        break;
    case CLI_OPT_HEIGHT:
        status = parse_positive(value, "height", &figure->height, err);
        break;
    case CLI_OPT_DPI:
        status = parse_positive(value, "dpi", &figure->dpi, err);
        break;
    case CLI_OPT_TRANSPARENT:
        figure->transparent = true;
        break;
    default:
        return 0;
    }
    return status == COOPNET_OK ? 1 : -1;
}

int cli_parse_seed(const char *text, unsigned long *seed, coopnet_error_t *err)
{
    char *end;
    errno = 0;
    unsigned long parsed = strtoul(text, &end, 10);
    if (!isdigit((unsigned char)text[0]) || *end != '\0' || errno != 0)
        return coopnet_error_set(err, COOPNET_EINVAL,
                                 "--seed needs a non-negative integer, not '%s'", text);
    *seed = parsed;
    return COOPNET_OK;
}

bool cli_is_measure(const char *name)
{
    for (size_t i = 0; coopnet_render_measure_names[i] != NULL; i++)
        if (strcmp(name, coopnet_render_measure_names[i]) == 0)
            return true;
    return false;
}

int cli_figure_shared_option(const cli_command_t *command, coopnet_figure_options_t *figure,
                             cli_graph_options_t *graph_options, int opt, const char *value,
                             char **argv, int *exit_status)
{
    coopnet_error_t err;
    int exit_now = 0;
    int handled = cli_figure_option(figure, opt, value, &err);
    if (handled < 0) {
        *exit_status = cli_usage_error(command, "%s", err.message);
        return 0;
    }
    if (handled > 0)
        return 1;
    if (cli_common_option(command, opt, &exit_now))
        return !exit_now;
    handled = cli_graph_option(graph_options, command, opt, value);
    if (handled < 0) {
        *exit_status = COOPNET_EXIT_USAGE;
        return 0;
    }
    if (handled == 0) {
        *exit_status = cli_bad_option(command, argv);
        return 0;
    }
    return 1;
}
