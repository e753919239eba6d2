/* SPDX-License-Identifier: GPL-3.0-or-later */
/* style.h - the one visual style of coopnet's figures: typeface, text sizes, palette, the colour of
 * each actor level, and helpers to set and measure text with pango. Internal (cairo and pango
 * types stay inside src/): the network renderer, the charts and the report all draw through it, so
 * a level has the same colour and a title the same typography everywhere.
 *
 * Units are points (1/72 inch). PNG surfaces are scaled by dpi / 72 before drawing, so a figure
 * looks the same in every format.
 */
#ifndef COOPNET_STYLE_H
#define COOPNET_STYLE_H

#include "coopnet/bundle.h"

#include <cairo.h>
#include <pango/pangocairo.h>
#include <stdbool.h>
#include <stddef.h>

/* One clean sans family for everything; fontconfig falls back per script (Noto Sans Arabic for
 * Arabic) when the family lacks a glyph. Installed by scripts/install-deps.sh (fonts-noto-core,
 * fonts-dejavu-core). */
#define COOPNET_STYLE_FONT_FAMILY "Noto Sans, Noto Sans Arabic, DejaVu Sans"

typedef struct coopnet_rgb {
    double r, g, b;
} coopnet_rgb_t;

typedef struct coopnet_rect {
    double x, y, w, h;
} coopnet_rect_t;

/* What a piece of text is; each role has one size and weight. */
typedef enum {
    COOPNET_TEXT_TITLE = 0,  /* figure title: 15 pt bold */
    COOPNET_TEXT_SUBTITLE,   /* under the title: 10 pt */
    COOPNET_TEXT_HEADING,    /* legend and panel headings: 9 pt bold */
    COOPNET_TEXT_BODY,       /* legend entries, axis titles: 9 pt */
    COOPNET_TEXT_TICK,       /* axis tick labels, cell values: 8.5 pt */
    COOPNET_TEXT_NODE_LABEL, /* labels next to nodes: 7.5 pt */
    COOPNET_TEXT_CAPTION,    /* source line and notes: 7.5 pt, grey */
    COOPNET_TEXT_ROLE_COUNT
} coopnet_text_role_t;

/* Sizes (pt) shared by every figure. */
#define COOPNET_STYLE_MARGIN 18.0      /* around a figure's content */
#define COOPNET_STYLE_GAP 8.0          /* between blocks (title, plot, legend) */
#define COOPNET_STYLE_HAIRLINE 0.5     /* gridlines, graticule */
#define COOPNET_STYLE_BORDER_LINE 0.4  /* coasts and country borders on maps */
#define COOPNET_STYLE_AXIS_LINE 0.8    /* axes */
#define COOPNET_STYLE_NODE_OUTLINE 0.6 /* white ring around nodes */
#define COOPNET_STYLE_NODE_MIN_RADIUS 3.0
#define COOPNET_STYLE_NODE_MAX_RADIUS 11.0

/* Neutral colours. */
extern const coopnet_rgb_t coopnet_i_style_text;    /* #222222 */
extern const coopnet_rgb_t coopnet_i_style_muted;   /* #666666: captions, ticks */
extern const coopnet_rgb_t coopnet_i_style_grid;    /* #E3E3E3: gridlines, graticule */
extern const coopnet_rgb_t coopnet_i_style_edge;    /* #8A8A8A: network edges */
extern const coopnet_rgb_t coopnet_i_style_missing; /* #C8C8C8: missing values */
extern const coopnet_rgb_t coopnet_i_style_other;   /* #8C8C8C: values beyond the palette */
extern const coopnet_rgb_t coopnet_i_style_panel;   /* #F6F6F4: panel and side-column fills */
extern const coopnet_rgb_t coopnet_i_style_white;
extern const coopnet_rgb_t coopnet_i_style_sea;        /* #E3EAEF: water on maps */
extern const coopnet_rgb_t coopnet_i_style_land;       /* #FBFAF7: land on maps */
extern const coopnet_rgb_t coopnet_i_style_land_named; /* #EEEBE3: countries named in the data */
extern const coopnet_rgb_t coopnet_i_style_border;     /* #B4B8BC: coasts and borders */

/* The colour of an actor level (Okabe-Ito: local blue, regional bluish green, national
 * vermillion, international reddish purple), the same in every figure. O(1). */
coopnet_rgb_t coopnet_i_style_level_color(coopnet_level_t level);

/* The colour of category index (0-based) of a categorical attribute other than level: the
 * Okabe-Ito palette without black; index >= coopnet_i_style_category_count() gives the "other"
 * grey. O(1). */
coopnet_rgb_t coopnet_i_style_category_color(size_t index);
size_t coopnet_i_style_category_count(void);

/* A sequential colour for value in [0, 1] (white to dark blue), for heat maps. O(1). */
coopnet_rgb_t coopnet_i_style_sequential_color(double value);

/* Black or white, whichever reads better on background. O(1). */
coopnet_rgb_t coopnet_i_style_text_color_on(coopnet_rgb_t background);

void coopnet_i_style_set_color(cairo_t *cr, coopnet_rgb_t color, double alpha);

/* The font description of a role; owned by the style module (do not free). */
const PangoFontDescription *coopnet_i_style_font(coopnet_text_role_t role);

/* Point size of a role. */
double coopnet_i_style_font_size(coopnet_text_role_t role);

/* A layout of text in the role's font for cr, with hinting off so that text measures the same on
 * PNG, PDF and SVG surfaces (label placement must not depend on the output format). max_width
 * > 0 wraps at that width (pt); max_lines > 0 then ellipsizes after that many lines. The caller
 * owns the layout (g_object_unref). NULL only when out of memory. O(length). */
PangoLayout *coopnet_i_style_layout(cairo_t *cr, coopnet_text_role_t role, const char *text,
                                    double max_width, int max_lines);

/* Logical size of a layout in points. */
void coopnet_i_style_layout_size(PangoLayout *layout, double *width, double *height);

/* Horizontal anchor of a text block. */
typedef enum { COOPNET_ALIGN_LEFT, COOPNET_ALIGN_CENTER, COOPNET_ALIGN_RIGHT } coopnet_align_t;

/* Draws layout with its top edge at y, anchored at x, in colour. */
void coopnet_i_style_draw_layout(cairo_t *cr, PangoLayout *layout, double x, double y,
                                 coopnet_align_t align, coopnet_rgb_t color);

/* Sets and draws text in one call; returns the height drawn (0 when text is NULL or ""). */
double coopnet_i_style_draw_text(cairo_t *cr, coopnet_text_role_t role, const char *text, double x,
                                 double y, double max_width, coopnet_align_t align,
                                 coopnet_rgb_t color);

/* Height of text in a role when wrapped at max_width (0 when text is NULL or ""). */
double coopnet_i_style_text_height(cairo_t *cr, coopnet_text_role_t role, const char *text,
                                   double max_width);

/* Width of text on one line in a role. */
double coopnet_i_style_text_width(cairo_t *cr, coopnet_text_role_t role, const char *text);

/* Draws a figure's frame inside rect: title and subtitle at the top left, caption (the source
 * line) and note at the bottom left, each optional (NULL or ""). Returns in *content the
 * rectangle left for the figure itself, margins included. */
void coopnet_i_style_draw_frame(cairo_t *cr, coopnet_rect_t rect, const char *title,
                                const char *subtitle, const char *caption, const char *note,
                                coopnet_rect_t *content);
/* The same, the note's area at least note_reserve high (its text at the area's top), so that
 * two frames whose notes differ can give the same content; returns the note area's height. */
double coopnet_i_style_draw_frame_reserving(cairo_t *cr, coopnet_rect_t rect, const char *title,
                                            const char *subtitle, const char *caption,
                                            const char *note, double note_reserve,
                                            coopnet_rect_t *content);

/* Right to left (Arabic, coopnet/lang.h). A right-to-left drawing is the left-to-right one
 * mirrored: coopnet_i_style_mirror flips cr's x axis about rect's centre, so that axes, legends,
 * bars and table columns change sides by themselves, while every text drawn through the style
 * (and the report's layouts) keeps its reading direction: coopnet_i_style_show_layout unflips it
 * about its own box. A drawing that must not be mirrored (a map, a network's positions) calls
 * coopnet_i_style_mirror again on its rectangle. */
void coopnet_i_style_mirror(cairo_t *cr, coopnet_rect_t rect);
bool coopnet_i_style_mirrored(cairo_t *cr);

/* Shows layout (or adds its outline to the path) with its origin at (x, y), as
 * pango_cairo_show_layout does; when cr is mirrored the text is unflipped about the vertical line
 * x = mirror_centre (its box's centre), so it lands in the mirrored box and reads normally. */
void coopnet_i_style_show_layout(cairo_t *cr, PangoLayout *layout, double x, double y,
                                 double mirror_centre, bool outline);

/* The pango alignment of a text block aligned align: in a right-to-left language, left and right
 * swap (the start of a line is its right end), since the block is drawn unflipped. */
PangoAlignment coopnet_i_style_pango_alignment(coopnet_align_t align);

/* Makes layout right to left when the current language is: base direction right to left, a
 * paragraph that starts with a left-to-right letter (English left untranslated) left to right. */
void coopnet_i_style_layout_direction(PangoLayout *layout);

/* Number of glyphs pango could not find in any installed font for text in a role (0 means every
 * character renders, e.g. Arabic joined letters). Uses a scratch surface. O(length). */
int coopnet_i_style_unknown_glyphs(coopnet_text_role_t role, const char *text);

#endif
