/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cli_figure.h - the options every figure command (render, chart) shares: title, caption, size,
 * resolution, background. */
#ifndef COOPNET_CLI_FIGURE_H
#define COOPNET_CLI_FIGURE_H

#include "cli.h"

/* The option table entries of a coopnet_figure_options_t *figure. */
#define CLI_FIGURE_OPTIONS(figure)                                                                 \
    CLI_STRING("title", 0, "TEXT", "the title (default: says what is shown; \"\" for none)",       \
               &(figure)->title),                                                                  \
        CLI_STRING("caption", 0, "TEXT", "the source line (default: bundle and date range)",       \
                   &(figure)->caption),                                                            \
        CLI_VALUE("width", "W",                                                                    \
                  "width: pixels for PNG, points for PDF/SVG (default\n"                           \
                  "10 in: 2000 px at 200 dpi, 720 pt)",                                            \
                  &(figure)->width, cli_parse_positive),                                           \
        CLI_VALUE("height", "H", "height, likewise (default 7.5 in: 1500 px, 540 pt)",             \
                  &(figure)->height, cli_parse_positive),                                          \
        CLI_VALUE("dpi", "N", "PNG resolution (default 200): text keeps its point size",           \
                  &(figure)->dpi, cli_parse_positive),                                             \
        CLI_FLAG("transparent", 0, "PNG with a transparent background (default white)",            \
                 &(figure)->transparent),                                                          \
        CLI_STRING("data", 0, "FILE",                                                              \
                   "also write the numbers drawn, one row per bar, cell,\n"                        \
                   "panel, point or node (CSV; JSON if FILE ends in\n"                             \
                   ".json), committed with the figure",                                            \
                   &(figure)->data_path),                                                          \
        CLI_LANG_OPTION(&(figure)->lang), CLI_DIGITS_OPTION(&(figure)->digits)

/* --lang en|fr|ar: the language of a figure's or report's fixed texts. */
#define CLI_LANG_OPTION(lang)                                                                      \
    CLI_VALUE("lang", "en|fr|ar",                                                                  \
              "the language of legends, axes, titles and captions\n(default en); ar: right to "    \
              "left, charts mirrored",                                                             \
              (lang), cli_parse_lang)

/* --digits latin|arabic: the digits of an Arabic figure's or report's numbers. */
#define CLI_DIGITS_OPTION(digits)                                                                  \
    CLI_VALUE("digits", "latin|arabic",                                                            \
              "with --lang ar: Western digits (latin, the default)\nor Arabic-Indic ones "         \
              "(arabic); data files keep\nWestern digits",                                         \
              (digits), cli_parse_digits)

/* A seed: a whole number >= 0 into an unsigned long. */
int cli_parse_seed(const cli_option_t *option, const char *value, void *field,
                   coopnet_error_t *err);

/* --label-field: a coopnet_label_field_t. */
int cli_parse_label_field(const cli_option_t *option, const char *value, void *field,
                          coopnet_error_t *err);

/* --digits: a coopnet_digits_t. */
int cli_parse_digits(const cli_option_t *option, const char *value, void *field,
                     coopnet_error_t *err);

/* --lang: a coopnet_lang_t. */
int cli_parse_lang(const cli_option_t *option, const char *value, void *field,
                   coopnet_error_t *err);

#endif
