/* SPDX-License-Identifier: GPL-3.0-or-later */
/* style.c - the visual style of coopnet's figures (see style.h). */
#include "figures/style.h"
#include "coopnet/text.h"

#include "core/l10n.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

const coopnet_rgb_t coopnet_i_style_text = {0x22 / 255.0, 0x22 / 255.0, 0x22 / 255.0};
const coopnet_rgb_t coopnet_i_style_muted = {0x66 / 255.0, 0x66 / 255.0, 0x66 / 255.0};
const coopnet_rgb_t coopnet_i_style_grid = {0xE3 / 255.0, 0xE3 / 255.0, 0xE3 / 255.0};
const coopnet_rgb_t coopnet_i_style_edge = {0x8A / 255.0, 0x8A / 255.0, 0x8A / 255.0};
const coopnet_rgb_t coopnet_i_style_missing = {0xC8 / 255.0, 0xC8 / 255.0, 0xC8 / 255.0};
const coopnet_rgb_t coopnet_i_style_other = {0x8C / 255.0, 0x8C / 255.0, 0x8C / 255.0};
const coopnet_rgb_t coopnet_i_style_panel = {0xF6 / 255.0, 0xF6 / 255.0, 0xF4 / 255.0};
const coopnet_rgb_t coopnet_i_style_white = {1.0, 1.0, 1.0};
/* maps: pale water, near-white land, so that the network's colours stay the strongest thing */
const coopnet_rgb_t coopnet_i_style_sea = {0xE3 / 255.0, 0xEA / 255.0, 0xEF / 255.0};
const coopnet_rgb_t coopnet_i_style_land = {0xFB / 255.0, 0xFA / 255.0, 0xF7 / 255.0};
const coopnet_rgb_t coopnet_i_style_land_named = {0xEE / 255.0, 0xEB / 255.0, 0xE3 / 255.0};
const coopnet_rgb_t coopnet_i_style_border = {0xB4 / 255.0, 0xB8 / 255.0, 0xBC / 255.0};

#define RGB_HEX(hex)                                                                               \
    {                                                                                              \
        ((hex) >> 16 & 0xFF) / 255.0, ((hex) >> 8 & 0xFF) / 255.0, ((hex)&0xFF) / 255.0            \
    }

/* Okabe & Ito (2008), "Color Universal Design": distinguishable with every common colour-vision
 * deficiency. Levels take four of them; other attributes take them in this order. */
static const coopnet_rgb_t level_colors[COOPNET_LEVEL_COUNT] = {
    RGB_HEX(0x0072B2), /* local: blue */
    RGB_HEX(0x009E73), /* regional: bluish green */
    RGB_HEX(0xD55E00), /* national: vermillion */
    RGB_HEX(0xCC79A7), /* international: reddish purple */
};

static const coopnet_rgb_t category_colors[] = {
    RGB_HEX(0x0072B2), RGB_HEX(0xE69F00), RGB_HEX(0x009E73), RGB_HEX(0xCC79A7),
    RGB_HEX(0x56B4E9), RGB_HEX(0xD55E00), RGB_HEX(0xF0E442),
};
#define CATEGORY_COLOR_COUNT (sizeof category_colors / sizeof category_colors[0])

coopnet_rgb_t coopnet_i_style_level_color(coopnet_level_t level)
{
    if ((int)level < 0 || level >= COOPNET_LEVEL_COUNT)
        return coopnet_i_style_missing;
    return level_colors[level];
}

coopnet_rgb_t coopnet_i_style_category_color(size_t index)
{
    return index < CATEGORY_COLOR_COUNT ? category_colors[index] : coopnet_i_style_missing;
}

size_t coopnet_i_style_category_count(void)
{
    return CATEGORY_COLOR_COUNT;
}

coopnet_rgb_t coopnet_i_style_sequential_color(double value)
{
    /* white -> light blue -> Okabe-Ito blue -> dark navy, interpolated linearly */
    static const coopnet_rgb_t stops[] = {RGB_HEX(0xF7FBFF), RGB_HEX(0xC6DBEF), RGB_HEX(0x6BAED6),
                                          RGB_HEX(0x0072B2), RGB_HEX(0x08306B)};
    const int n_stops = (int)(sizeof stops / sizeof stops[0]);
    if (!(value > 0))
        return stops[0];
    if (value >= 1)
        return stops[n_stops - 1];
    double position = value * (n_stops - 1);
    int lower = (int)floor(position);
    double t = position - lower;
    coopnet_rgb_t a = stops[lower], b = stops[lower + 1];
    coopnet_rgb_t mixed = {a.r + (b.r - a.r) * t, a.g + (b.g - a.g) * t, a.b + (b.b - a.b) * t};
    return mixed;
}

coopnet_rgb_t coopnet_i_style_text_color_on(coopnet_rgb_t background)
{
    double luminance = 0.2126 * background.r + 0.7152 * background.g + 0.0722 * background.b;
    return luminance < 0.5 ? coopnet_i_style_white : coopnet_i_style_text;
}

void coopnet_i_style_set_color(cairo_t *cr, coopnet_rgb_t color, double alpha)
{
    cairo_set_source_rgba(cr, color.r, color.g, color.b, alpha);
}

static const struct {
    double size;
    PangoWeight weight;
    PangoStyle slant;
} role_fonts[COOPNET_TEXT_ROLE_COUNT] = {
    [COOPNET_TEXT_TITLE] = {15.0, PANGO_WEIGHT_BOLD, PANGO_STYLE_NORMAL},
    [COOPNET_TEXT_SUBTITLE] = {10.0, PANGO_WEIGHT_NORMAL, PANGO_STYLE_NORMAL},
    [COOPNET_TEXT_HEADING] = {9.0, PANGO_WEIGHT_BOLD, PANGO_STYLE_NORMAL},
    [COOPNET_TEXT_BODY] = {9.0, PANGO_WEIGHT_NORMAL, PANGO_STYLE_NORMAL},
    [COOPNET_TEXT_TICK] = {8.5, PANGO_WEIGHT_NORMAL, PANGO_STYLE_NORMAL},
    [COOPNET_TEXT_NODE_LABEL] = {7.5, PANGO_WEIGHT_NORMAL, PANGO_STYLE_NORMAL},
    [COOPNET_TEXT_CAPTION] = {7.5, PANGO_WEIGHT_NORMAL, PANGO_STYLE_NORMAL},
};

static PangoFontDescription *role_descriptions[COOPNET_TEXT_ROLE_COUNT];

const PangoFontDescription *coopnet_i_style_font(coopnet_text_role_t role)
{
    if ((int)role < 0 || role >= COOPNET_TEXT_ROLE_COUNT)
        role = COOPNET_TEXT_BODY;
    if (role_descriptions[role] == NULL) {
        PangoFontDescription *description = pango_font_description_new();
        pango_font_description_set_family(description, COOPNET_STYLE_FONT_FAMILY);
        pango_font_description_set_absolute_size(description, role_fonts[role].size * PANGO_SCALE);
        pango_font_description_set_weight(description, role_fonts[role].weight);
        pango_font_description_set_style(description, role_fonts[role].slant);
        role_descriptions[role] = description;
    }
    return role_descriptions[role];
}

double coopnet_i_style_font_size(coopnet_text_role_t role)
{
    if ((int)role < 0 || role >= COOPNET_TEXT_ROLE_COUNT)
        role = COOPNET_TEXT_BODY;
    return role_fonts[role].size;
}

PangoLayout *coopnet_i_style_layout(cairo_t *cr, coopnet_text_role_t role, const char *text,
                                    double max_width, int max_lines)
{
    PangoLayout *layout = pango_cairo_create_layout(cr);
    if (layout == NULL)
        return NULL;
    /* unhinted metrics: the same text measures the same on every surface and at every scale */
    PangoContext *context = pango_layout_get_context(layout);
    cairo_font_options_t *font_options = cairo_font_options_create();
    cairo_font_options_set_hint_metrics(font_options, CAIRO_HINT_METRICS_OFF);
    cairo_font_options_set_hint_style(font_options, CAIRO_HINT_STYLE_NONE);
    cairo_font_options_set_antialias(font_options, CAIRO_ANTIALIAS_GRAY);
    pango_cairo_context_set_font_options(context, font_options);
    cairo_font_options_destroy(font_options);
    pango_layout_context_changed(layout);

    pango_layout_set_font_description(layout, coopnet_i_style_font(role));
    /* at most COOPNET_TEXT_MAX_LAYOUT characters reach the layout, however long the text */
    bool shortened;
    size_t length = coopnet_text_cut(text ? text : "", COOPNET_TEXT_MAX_LAYOUT, &shortened);
    char *cut = shortened ? coopnet_text_ellipsize(text, COOPNET_TEXT_MAX_LAYOUT) : NULL;
    if (shortened && cut == NULL) {
        g_object_unref(layout);
        return NULL;
    }
    const char *shown = cut ? cut : text ? text : "";
    char *digits = coopnet_i_l10n_digits(shown, cut ? -1 : (int)length, false);
    pango_layout_set_text(layout, digits ? digits : shown, digits || cut ? -1 : (int)length);
    g_free(digits);
    free(cut);
    coopnet_i_style_layout_direction(layout);
    if (max_width > 0) {
        pango_layout_set_width(layout, (int)(max_width * PANGO_SCALE));
        pango_layout_set_wrap(layout, PANGO_WRAP_WORD_CHAR);
        if (max_lines > 0) {
            pango_layout_set_height(layout, -max_lines);
            pango_layout_set_ellipsize(layout, PANGO_ELLIPSIZE_END);
        }
    }
    return layout;
}

void coopnet_i_style_layout_size(PangoLayout *layout, double *width, double *height)
{
    PangoRectangle logical;
    pango_layout_get_extents(layout, NULL, &logical);
    if (width)
        *width = (double)logical.width / PANGO_SCALE;
    if (height)
        *height = (double)logical.height / PANGO_SCALE;
}

void coopnet_i_style_draw_layout(cairo_t *cr, PangoLayout *layout, double x, double y,
                                 coopnet_align_t align, coopnet_rgb_t color)
{
    PangoRectangle logical;
    pango_layout_get_extents(layout, NULL, &logical);
    double width = (double)logical.width / PANGO_SCALE;
    double left = (double)logical.x / PANGO_SCALE;
    double anchor = x;
    if (align == COOPNET_ALIGN_CENTER)
        anchor = x - width / 2;
    else if (align == COOPNET_ALIGN_RIGHT)
        anchor = x - width;
    cairo_save(cr);
    coopnet_i_style_set_color(cr, color, 1.0);
    coopnet_i_style_show_layout(cr, layout, anchor - left, y, anchor + width / 2, false);
    cairo_restore(cr);
}

void coopnet_i_style_mirror(cairo_t *cr, coopnet_rect_t rect)
{
    cairo_translate(cr, 2 * rect.x + rect.w, 0);
    cairo_scale(cr, -1, 1);
}

bool coopnet_i_style_mirrored(cairo_t *cr)
{
    cairo_matrix_t matrix;
    cairo_get_matrix(cr, &matrix);
    return matrix.xx < 0;
}

void coopnet_i_style_show_layout(cairo_t *cr, PangoLayout *layout, double x, double y,
                                 double mirror_centre, bool outline)
{
    bool mirrored = coopnet_i_style_mirrored(cr);
    if (mirrored) {
        cairo_save(cr);
        coopnet_i_style_mirror(cr, (coopnet_rect_t){mirror_centre, 0, 0, 0});
        pango_cairo_update_layout(cr, layout);
    }
    cairo_move_to(cr, x, y);
    if (outline)
        pango_cairo_layout_path(cr, layout);
    else
        pango_cairo_show_layout(cr, layout);
    if (mirrored)
        cairo_restore(cr);
}

PangoAlignment coopnet_i_style_pango_alignment(coopnet_align_t align)
{
    bool rtl = coopnet_i_l10n_rtl();
    if (align == COOPNET_ALIGN_CENTER)
        return PANGO_ALIGN_CENTER;
    return (align == COOPNET_ALIGN_RIGHT) != rtl ? PANGO_ALIGN_RIGHT : PANGO_ALIGN_LEFT;
}

void coopnet_i_style_layout_direction(PangoLayout *layout)
{
    if (!coopnet_i_l10n_rtl())
        return;
    /* right to left unless a paragraph starts with a left-to-right letter (an English name):
     * the Arabic texts that start with a name begin with a right-to-left mark (po/ar.po) */
    /* a text with no letter at all (a number, "+0.85", "62%") reads left to right: in a
     * right-to-left paragraph its sign and percent would move to the other end */
    bool letters = false;
    for (const char *p = pango_layout_get_text(layout); *p && !letters; p = g_utf8_next_char(p))
        letters = g_unichar_isalpha(g_utf8_get_char(p));
    pango_context_set_base_dir(pango_layout_get_context(layout),
                               letters ? PANGO_DIRECTION_RTL : PANGO_DIRECTION_LTR);
    pango_layout_set_auto_dir(layout, TRUE);
    pango_layout_set_alignment(layout, coopnet_i_style_pango_alignment(COOPNET_ALIGN_LEFT));
    /* Noto Sans Arabic's line is a third taller than Noto Sans's: the Latin line height keeps
     * rows, tables and pages the size they were laid out for */
    /* measured as a layout of the same context, so in the same units as the text's extents
     * whatever the surface's scale */
    PangoLayout *latin = pango_layout_new(pango_layout_get_context(layout));
    int latin_height = 0;
    if (latin != NULL) {
        pango_layout_set_font_description(latin, pango_layout_get_font_description(layout));
        pango_layout_set_text(latin, "Ag", -1);
        pango_layout_get_size(latin, NULL, &latin_height);
        g_object_unref(latin);
    }
    if (latin_height <= 0) {
        pango_layout_context_changed(layout);
        return;
    }
    PangoAttrList *attributes = pango_layout_get_attributes(layout);
    attributes = attributes ? pango_attr_list_copy(attributes) : pango_attr_list_new();
    pango_attr_list_insert(attributes, pango_attr_line_height_new_absolute(latin_height));
    pango_layout_set_attributes(layout, attributes);
    pango_attr_list_unref(attributes);
    pango_layout_context_changed(layout);
}

double coopnet_i_style_draw_text(cairo_t *cr, coopnet_text_role_t role, const char *text, double x,
                                 double y, double max_width, coopnet_align_t align,
                                 coopnet_rgb_t color)
{
    if (text == NULL || text[0] == '\0')
        return 0;
    PangoLayout *layout = coopnet_i_style_layout(cr, role, text, max_width, 0);
    if (layout == NULL)
        return 0;
    if (max_width > 0 && align != COOPNET_ALIGN_LEFT) /* wrapped text aligned inside its box */
        pango_layout_set_alignment(layout, coopnet_i_style_pango_alignment(align));
    double height;
    coopnet_i_style_layout_size(layout, NULL, &height);
    coopnet_i_style_draw_layout(cr, layout, x, y, align, color);
    g_object_unref(layout);
    return height;
}

double coopnet_i_style_text_height(cairo_t *cr, coopnet_text_role_t role, const char *text,
                                   double max_width)
{
    if (text == NULL || text[0] == '\0')
        return 0;
    PangoLayout *layout = coopnet_i_style_layout(cr, role, text, max_width, 0);
    if (layout == NULL)
        return 0;
    double height;
    coopnet_i_style_layout_size(layout, NULL, &height);
    g_object_unref(layout);
    return height;
}

double coopnet_i_style_text_width(cairo_t *cr, coopnet_text_role_t role, const char *text)
{
    if (text == NULL || text[0] == '\0')
        return 0;
    PangoLayout *layout = coopnet_i_style_layout(cr, role, text, 0, 0);
    if (layout == NULL)
        return 0;
    double width;
    coopnet_i_style_layout_size(layout, &width, NULL);
    g_object_unref(layout);
    return width;
}

void coopnet_i_style_draw_frame(cairo_t *cr, coopnet_rect_t rect, const char *title,
                                const char *subtitle, const char *caption, const char *note,
                                coopnet_rect_t *content)
{
    coopnet_i_style_draw_frame_reserving(cr, rect, title, subtitle, caption, note, 0, content);
}

double coopnet_i_style_draw_frame_reserving(cairo_t *cr, coopnet_rect_t rect, const char *title,
                                            const char *subtitle, const char *caption,
                                            const char *note, double note_reserve,
                                            coopnet_rect_t *content)
{
    double left = rect.x + COOPNET_STYLE_MARGIN;
    double text_width = rect.w - 2 * COOPNET_STYLE_MARGIN;
    double top = rect.y + COOPNET_STYLE_MARGIN;
    double bottom = rect.y + rect.h - COOPNET_STYLE_MARGIN;

    /* right to left without mirroring (a map): the texts start at the right */
    coopnet_align_t align = COOPNET_ALIGN_LEFT;
    double anchor = left;
    if (coopnet_i_l10n_rtl() && !coopnet_i_style_mirrored(cr)) {
        align = COOPNET_ALIGN_RIGHT;
        anchor = left + text_width;
    }
    double used = coopnet_i_style_draw_text(cr, COOPNET_TEXT_TITLE, title, anchor, top, text_width,
                                            align, coopnet_i_style_text);
    top += used;
    if (used > 0)
        top += 2;
    used = coopnet_i_style_draw_text(cr, COOPNET_TEXT_SUBTITLE, subtitle, anchor, top, text_width,
                                     align, coopnet_i_style_muted);
    top += used;
    if (top > rect.y + COOPNET_STYLE_MARGIN)
        top += COOPNET_STYLE_GAP;

    /* bottom up: the caption is the last line, the note sits above it */
    double caption_height =
        coopnet_i_style_text_height(cr, COOPNET_TEXT_CAPTION, caption, text_width);
    double note_text_height =
        coopnet_i_style_text_height(cr, COOPNET_TEXT_CAPTION, note, text_width);
    double note_height = fmax(note_text_height, note_reserve);
    if (caption_height > 0) {
        bottom -= caption_height;
        coopnet_i_style_draw_text(cr, COOPNET_TEXT_CAPTION, caption, anchor, bottom, text_width,
                                  align, coopnet_i_style_muted);
    }
    if (note_height > 0) {
        bottom -= note_height + (caption_height > 0 ? 2 : 0);
        coopnet_i_style_draw_text(cr, COOPNET_TEXT_CAPTION, note, anchor, bottom, text_width, align,
                                  coopnet_i_style_text);
    }
    if (caption_height > 0 || note_height > 0)
        bottom -= COOPNET_STYLE_GAP;

    content->x = left;
    content->y = top;
    content->w = text_width;
    content->h = bottom - top > 0 ? bottom - top : 0;
    return note_height;
}

int coopnet_i_style_unknown_glyphs(coopnet_text_role_t role, const char *text)
{
    cairo_surface_t *surface = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, 1, 1);
    cairo_t *cr = cairo_create(surface);
    int unknown = -1;
    PangoLayout *layout = coopnet_i_style_layout(cr, role, text, 0, 0);
    if (layout != NULL) {
        unknown = pango_layout_get_unknown_glyphs_count(layout);
        g_object_unref(layout);
    }
    cairo_destroy(cr);
    cairo_surface_destroy(surface);
    return unknown;
}
