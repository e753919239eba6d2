/* SPDX-License-Identifier: GPL-3.0-or-later */
/* report_layout.c - page furniture of the PDF report (see report_layout.h). */
#include "report/report_layout.h"
#include "figures/draw.h"
#include "core/l10n.h"
#include "coopnet/text.h"

#include <cairo-pdf.h>
#include <errno.h>
#include <math.h>
#include <stdarg.h>
#include <stdlib.h>
#include <stdatomic.h>
#include <string.h>
#include <sys/stat.h>

#define PNG_DPI 150.0

const coopnet_rgb_t coopnet_i_report_accent = {0x08 / 255.0, 0x30 / 255.0, 0x6B / 255.0};
const coopnet_rgb_t coopnet_i_report_rule = {0xC8 / 255.0, 0xCD / 255.0, 0xD6 / 255.0};

static const struct {
    const char *weight;
    double size;
} font_specs[REPORT_FONT_COUNT] = {
    [REPORT_FONT_COVER_TITLE] = {"Bold", 28},
    [REPORT_FONT_COVER_SUBTITLE] = {"", 13},
    [REPORT_FONT_PAGE_TITLE] = {"Bold", 19},
    [REPORT_FONT_SECTION] = {"Bold", 11},
    [REPORT_FONT_BODY] = {"", 9.8},
    [REPORT_FONT_SMALL] = {"", 8},
    [REPORT_FONT_TABLE] = {"", 8.3},
    [REPORT_FONT_TABLE_HEAD] = {"Bold", 8.3},
    [REPORT_FONT_FIGURE_NUMBER] = {"Bold", 24},
    [REPORT_FONT_FURNITURE] = {"", 7.5},
};

int coopnet_i_report_fail(report_document_t *document, int code, const char *format, ...)
{
    if (document->status != COOPNET_OK)
        return document->status;
    va_list args;
    va_start(args, format);
    document->status = coopnet_error_setv(document->err, code, format, args);
    va_end(args);
    return document->status;
}

static cairo_status_t write_to_stream(void *closure, const unsigned char *data, unsigned int length)
{
    return fwrite(data, 1, length, closure) == length ? CAIRO_STATUS_SUCCESS
                                                      : CAIRO_STATUS_WRITE_ERROR;
}

int coopnet_i_report_document_begin(report_document_t *document, FILE *stream, const char *title,
                                    const char *metadata_date, const char *footer, int page_count,
                                    const char *png_directory, coopnet_error_t *err)
{
    memset(document, 0, sizeof *document);
    document->stream = stream;
    document->err = err;
    document->page_count = page_count;
    document->png_directory = png_directory;
    snprintf(document->running_title, sizeof document->running_title, "%s", title);
    snprintf(document->footer, sizeof document->footer, "%s", footer);
    for (int i = 0; i < REPORT_FONT_COUNT; i++) {
        char description[128];
        snprintf(description, sizeof description, "%s %s %.1f", COOPNET_STYLE_FONT_FAMILY,
                 font_specs[i].weight, font_specs[i].size);
        document->fonts[i] = pango_font_description_from_string(description);
        if (document->fonts[i] == NULL)
            coopnet_i_report_fail(document, COOPNET_ENOMEM, "out of memory");
    }
    document->surface = cairo_pdf_surface_create_for_stream(write_to_stream, stream,
                                                            REPORT_PAGE_WIDTH, REPORT_PAGE_HEIGHT);
    document->cr = cairo_create(document->surface);
    if (cairo_status(document->cr) != CAIRO_STATUS_SUCCESS)
        coopnet_i_report_fail(document, COOPNET_EINTERNAL, "cannot start the PDF: %s",
                              cairo_status_to_string(cairo_status(document->cr)));
    cairo_pdf_surface_set_metadata(document->surface, CAIRO_PDF_METADATA_TITLE, title);
    cairo_pdf_surface_set_metadata(document->surface, CAIRO_PDF_METADATA_CREATOR,
                                   "coopnet " COOPNET_VERSION_STRING);
    cairo_pdf_surface_set_metadata(document->surface, CAIRO_PDF_METADATA_CREATE_DATE,
                                   metadata_date);
    cairo_pdf_surface_set_metadata(document->surface, CAIRO_PDF_METADATA_MOD_DATE, metadata_date);
    if (document->status != COOPNET_OK)
        return coopnet_i_report_document_finish(document);
    return COOPNET_OK;
}

int coopnet_i_report_document_finish(report_document_t *document)
{
    if (document->cr != NULL) {
        cairo_status_t status = cairo_status(document->cr);
        if (status != CAIRO_STATUS_SUCCESS)
            coopnet_i_report_fail(document, COOPNET_EINTERNAL, "drawing the report failed: %s",
                                  cairo_status_to_string(status));
        cairo_destroy(document->cr);
    }
    if (document->surface != NULL) {
        cairo_surface_finish(document->surface);
        cairo_status_t status = cairo_surface_status(document->surface);
        if (status == CAIRO_STATUS_WRITE_ERROR)
            coopnet_i_report_fail(document, COOPNET_EIO, "cannot write the PDF: %s",
                                  strerror(errno));
        else if (status != CAIRO_STATUS_SUCCESS)
            coopnet_i_report_fail(document, COOPNET_EINTERNAL, "writing the PDF failed: %s",
                                  cairo_status_to_string(status));
        cairo_surface_destroy(document->surface);
    }
    for (int i = 0; i < REPORT_FONT_COUNT; i++)
        if (document->fonts[i] != NULL)
            pango_font_description_free(document->fonts[i]);
    document->cr = NULL;
    document->surface = NULL;
    memset(document->fonts, 0, sizeof document->fonts);
    if (document->status == COOPNET_OK) {
        coopnet_error_t err;
        if (coopnet_output_commit_all(document->pngs, document->n_pngs, &err) != COOPNET_OK)
            coopnet_i_report_fail(document, err.code, "%s", err.message);
    }
    for (size_t i = 0; i < document->n_pngs; i++)
        coopnet_output_abort(document->pngs[i]); /* NULL once committed */
    document->n_pngs = 0;
    return document->status;
}

/* Markup whose text (outside tags; an entity counts as one character) is cut after max_chars
 * characters with "…", every tag kept so that the markup stays well formed; NULL when it is not
 * longer (or memory ran out: the markup is then laid out whole). O(length). */
static char *cap_markup(const char *markup, size_t max_chars)
{
    size_t n_chars = 0;
    const char *p = markup;
    while (*p != '\0' && n_chars < max_chars) {
        if (*p == '<') {
            const char *end = strchr(p, '>');
            p = end ? end + 1 : p + strlen(p);
            continue;
        }
        if (*p == '&') {
            const char *end = strchr(p, ';');
            p = end ? end + 1 : p + 1;
        } else {
            p = coopnet_text_next_char(p);
        }
        n_chars++;
    }
    const char *rest = p;
    while (*rest == '<') { /* tags right after the last character are kept anyway */
        const char *end = strchr(rest, '>');
        rest = end ? end + 1 : rest + strlen(rest);
    }
    if (*rest == '\0')
        return NULL;
    GString *capped = g_string_new_len(markup, p - markup);
    g_string_append(capped, "…");
    for (p = rest; *p != '\0';) { /* the tags left, without their text */
        const char *end = *p == '<' ? strchr(p, '>') : NULL;
        if (end != NULL) {
            g_string_append_len(capped, p, end + 1 - p);
            p = end + 1;
        } else {
            p++;
        }
    }
    char *result = strdup(capped->str);
    g_string_free(capped, TRUE);
    return result;
}

void coopnet_i_report_escape(const char *text, char *buffer, size_t size)
{
    static const char ellipsis[] = "…";
    size_t n = 0;
    if (size == 0)
        return;
    for (const char *p = text ? text : ""; *p;) {
        const char *entity = NULL;
        switch (*p) {
        case '&':
            entity = "&amp;";
            break;
        case '<':
            entity = "&lt;";
            break;
        case '>':
            entity = "&gt;";
            break;
        case '"':
            entity = "&quot;";
            break;
        case '\'':
            entity = "&#39;";
            break;
        default:
            break;
        }
        const char *next = entity ? p + 1 : coopnet_text_next_cluster(p);
        size_t length = entity ? strlen(entity) : (size_t)(next - p);
        /* a whole character, with room left for "…" unless it is the last one */
        size_t room = next[0] != '\0' ? sizeof ellipsis - 1 : 0;
        if (n + length + room + 1 > size) {
            if (n + sizeof ellipsis <= size) {
                memcpy(buffer + n, ellipsis, sizeof ellipsis - 1);
                n += sizeof ellipsis - 1;
            }
            break;
        }
        memcpy(buffer + n, entity ? entity : p, length);
        n += length;
        p = next;
    }
    buffer[n] = '\0';
}

PangoLayout *coopnet_i_report_layout(report_document_t *document, report_font_t font,
                                     const char *markup, double width)
{
    PangoLayout *layout = pango_cairo_create_layout(document->cr);
    if (layout == NULL)
        return NULL;
    /* unhinted metrics: text measures the same in the PDF and in the PNGs */
    cairo_font_options_t *font_options = cairo_font_options_create();
    cairo_font_options_set_hint_metrics(font_options, CAIRO_HINT_METRICS_OFF);
    cairo_font_options_set_hint_style(font_options, CAIRO_HINT_STYLE_NONE);
    pango_cairo_context_set_font_options(pango_layout_get_context(layout), font_options);
    cairo_font_options_destroy(font_options);
    pango_layout_context_changed(layout);
    pango_layout_set_font_description(layout, document->fonts[font]);
    if (width > 0) {
        pango_layout_set_width(layout, (int)(width * PANGO_SCALE));
        pango_layout_set_wrap(layout, PANGO_WRAP_WORD_CHAR);
    }
    /* at most COOPNET_TEXT_MAX_LAYOUT characters of text reach the layout */
    char *capped = cap_markup(markup, COOPNET_TEXT_MAX_LAYOUT);
    char *digits = coopnet_i_l10n_digits(capped ? capped : markup, -1, true);
    pango_layout_set_markup(layout, digits ? digits : capped ? capped : markup, -1);
    g_free(digits);
    free(capped);
    coopnet_i_style_layout_direction(layout); /* after the markup, which sets attributes */
    return layout;
}

/* Draws markup; one_line ellipsizes it to width instead of wrapping. */
static double draw_markup(report_document_t *document, report_font_t font, const char *markup,
                          double x, double y, double width, coopnet_align_t align,
                          coopnet_rgb_t color, bool one_line)
{
    if (document->status != COOPNET_OK || markup == NULL || markup[0] == '\0')
        return 0;
    PangoLayout *layout = coopnet_i_report_layout(document, font, markup, width);
    if (layout == NULL) {
        coopnet_i_report_fail(document, COOPNET_ENOMEM, "out of memory");
        return 0;
    }
    if (one_line && width > 0) {
        pango_layout_set_height(layout, -1);
        pango_layout_set_ellipsize(layout, PANGO_ELLIPSIZE_END);
    }
    if (width > 0)
        pango_layout_set_alignment(layout, coopnet_i_style_pango_alignment(align));
    int layout_width, layout_height;
    pango_layout_get_size(layout, &layout_width, &layout_height);
    double left = x;
    if (width <= 0 && align == COOPNET_ALIGN_RIGHT)
        left = x - (double)layout_width / PANGO_SCALE;
    else if (width <= 0 && align == COOPNET_ALIGN_CENTER)
        left = x - (double)layout_width / PANGO_SCALE / 2;
    double box_width = width > 0 ? width : (double)layout_width / PANGO_SCALE;
    coopnet_i_style_set_color(document->cr, color, 1.0);
    coopnet_i_style_show_layout(document->cr, layout, left, y, left + box_width / 2, false);
    g_object_unref(layout);
    return (double)layout_height / PANGO_SCALE;
}

double coopnet_i_report_text(report_document_t *document, report_font_t font, const char *markup,
                             double x, double y, double width, coopnet_align_t align,
                             coopnet_rgb_t color)
{
    return draw_markup(document, font, markup, x, y, width, align, color, false);
}

double coopnet_i_report_text_line(report_document_t *document, report_font_t font,
                                  const char *markup, double x, double y, double width,
                                  coopnet_align_t align, coopnet_rgb_t color)
{
    return draw_markup(document, font, markup, x, y, width, align, color, true);
}

static void hairline(cairo_t *cr, double x0, double y, double x1, coopnet_rgb_t color, double width)
{
    coopnet_i_style_set_color(cr, color, 1.0);
    cairo_set_line_width(cr, width);
    cairo_move_to(cr, x0, y);
    cairo_line_to(cr, x1, y);
    cairo_stroke(cr);
}

void coopnet_i_report_page_begin(report_document_t *document, const char *section, bool cover)
{
    if (document->status != COOPNET_OK)
        return;
    cairo_t *cr = document->cr;
    document->page_number++;
    document->y = REPORT_TOP;
    /* a right-to-left report is its pages mirrored: contents, tables and running heads change
     * sides, the texts read normally (figures/style.h); undone by coopnet_i_report_page_end */
    cairo_save(cr);
    if (coopnet_i_l10n_rtl())
        coopnet_i_style_mirror(cr, (coopnet_rect_t){0, 0, REPORT_PAGE_WIDTH, 0});
    const double right = REPORT_PAGE_WIDTH - REPORT_MARGIN_RIGHT;
    if (!cover) {
        char markup[512];
        /* the section whole on the right, the title on one line in the room left */
        coopnet_i_report_escape(section, markup, sizeof markup);
        double section_width = 0;
        PangoLayout *section_layout =
            coopnet_i_report_layout(document, REPORT_FONT_FURNITURE, markup, 0);
        if (section_layout != NULL) {
            int width;
            pango_layout_get_size(section_layout, &width, NULL);
            section_width = (double)width / PANGO_SCALE;
            g_object_unref(section_layout);
        }
        coopnet_i_report_text(document, REPORT_FONT_FURNITURE, markup, right, 34, 0,
                              COOPNET_ALIGN_RIGHT, coopnet_i_style_muted);
        coopnet_i_report_escape(document->running_title, markup, sizeof markup);
        double title_width = right - REPORT_MARGIN_LEFT - section_width - 18;
        if (title_width > 40)
            coopnet_i_report_text_line(document, REPORT_FONT_FURNITURE, markup, REPORT_MARGIN_LEFT,
                                       34, title_width, COOPNET_ALIGN_LEFT, coopnet_i_style_muted);
        hairline(cr, REPORT_MARGIN_LEFT, 48, right, coopnet_i_report_rule, 0.5);
    }
    hairline(cr, REPORT_MARGIN_LEFT, REPORT_FOOTER_RULE, right, coopnet_i_report_rule, 0.5);
    char markup[512], page[64];
    coopnet_i_report_escape(document->footer, markup, sizeof markup);
    coopnet_i_report_text(document, REPORT_FONT_FURNITURE, markup, REPORT_MARGIN_LEFT, 806, 0,
                          COOPNET_ALIGN_LEFT, coopnet_i_style_muted);
    /* TRANSLATORS: the page number and the number of pages */
    snprintf(page, sizeof page, _("Page %1$d of %2$d"), document->page_number,
             document->page_count);
    coopnet_i_report_text(document, REPORT_FONT_FURNITURE, page, right, 806, 0, COOPNET_ALIGN_RIGHT,
                          coopnet_i_style_muted);
}

static atomic_size_t overflowing_pages;

size_t coopnet_i_report_overflowing_pages(void)
{
    return atomic_load(&overflowing_pages);
}

void coopnet_i_report_page_end(report_document_t *document)
{
    if (document->status != COOPNET_OK)
        return;
    if (document->y > REPORT_FOOTER_RULE)
        atomic_fetch_add(&overflowing_pages, 1);
    cairo_restore(document->cr);
    cairo_show_page(document->cr);
}

void coopnet_i_report_page_title(report_document_t *document, int number, const char *title)
{
    char markup[512], escaped[400];
    coopnet_i_report_escape(title, escaped, sizeof escaped);
    snprintf(markup, sizeof markup, "<span foreground='#6B7A90'>%d</span>  %s", number, escaped);
    double height = coopnet_i_report_text(document, REPORT_FONT_PAGE_TITLE, markup,
                                          REPORT_MARGIN_LEFT, document->y, REPORT_TEXT_WIDTH,
                                          COOPNET_ALIGN_LEFT, coopnet_i_report_accent);
    document->y += height + 4;
    hairline(document->cr, REPORT_MARGIN_LEFT, document->y, REPORT_MARGIN_LEFT + REPORT_TEXT_WIDTH,
             coopnet_i_report_accent, 1.2);
    document->y += 12;
}

void coopnet_i_report_paragraph(report_document_t *document, const char *markup)
{
    double height =
        coopnet_i_report_text(document, REPORT_FONT_BODY, markup, REPORT_MARGIN_LEFT, document->y,
                              REPORT_TEXT_WIDTH, COOPNET_ALIGN_LEFT, coopnet_i_style_text);
    document->y += height + 7;
}

void coopnet_i_report_section(report_document_t *document, const char *text)
{
    char markup[512];
    coopnet_i_report_escape(text, markup, sizeof markup);
    document->y += 4;
    double height = coopnet_i_report_text(document, REPORT_FONT_SECTION, markup, REPORT_MARGIN_LEFT,
                                          document->y, REPORT_TEXT_WIDTH, COOPNET_ALIGN_LEFT,
                                          coopnet_i_report_accent);
    document->y += height + 5;
}

void coopnet_i_report_space(report_document_t *document, double points)
{
    document->y += points;
}

/* Creates the PNG directory when missing (one level: the parent must exist). */
static int make_png_directory(report_document_t *document)
{
    struct stat info;
    if (stat(document->png_directory, &info) == 0 && S_ISDIR(info.st_mode))
        return COOPNET_OK;
    if (mkdir(document->png_directory, 0777) != 0 && errno != EEXIST)
        return coopnet_i_report_fail(document, COOPNET_EIO, "cannot create the directory '%s': %s",
                                     document->png_directory, strerror(errno));
    return COOPNET_OK;
}

/* A report figure as a draw callback of coopnet_i_figure_write. */
typedef struct png_job {
    report_draw_t draw;
    const void *data;
} png_job_t;

static int draw_png_job(cairo_t *cr, coopnet_rect_t canvas, void *data, coopnet_error_t *err)
{
    (void)err; /* a figure keeps its own status; the page reports it */
    const png_job_t *job = data;
    cairo_save(cr);
    if (coopnet_i_l10n_rtl()) /* mirrored as on the page */
        coopnet_i_style_mirror(cr, canvas);
    job->draw(cr, canvas, job->data);
    cairo_restore(cr);
    return COOPNET_OK;
}

/* The figure again as report-NN-name.png at PNG_DPI, through the figures' one PNG writer
 * (coopnet_i_figure_write: atomic, white background). */
static void write_png(report_document_t *document, coopnet_rect_t rect, const char *name,
                      report_draw_t draw, const void *data)
{
    char path[4096];
    if (make_png_directory(document) != COOPNET_OK)
        return;
    snprintf(path, sizeof path, "%s/report-%02d-%s.png", document->png_directory,
             document->figure_count, name);
    coopnet_figure_options_t figure;
    coopnet_figure_options_init(&figure);
    figure.dpi = PNG_DPI;
    figure.lang = coopnet_i_l10n_lang();
    figure.digits = coopnet_i_l10n_digits_choice();
    figure.width = rect.w * PNG_DPI / 72.0;
    figure.height = rect.h * PNG_DPI / 72.0;
    png_job_t job = {draw, data};
    coopnet_error_t err;
    if (document->n_pngs == REPORT_MAX_PNGS) {
        coopnet_i_report_fail(document, COOPNET_EINTERNAL, "more than %d report figures",
                              REPORT_MAX_PNGS);
        return;
    }
    int status = coopnet_i_figure_write_uncommitted(path, &figure, 0, 0, draw_png_job, &job,
                                                    &document->pngs[document->n_pngs], &err);
    if (status != COOPNET_OK)
        coopnet_i_report_fail(document, status, "%s", err.message);
    else
        document->n_pngs++;
}

void coopnet_i_report_figure(report_document_t *document, coopnet_rect_t rect, const char *name,
                             report_draw_t draw, const void *data)
{
    if (document->status != COOPNET_OK)
        return;
    document->figure_count++;
    cairo_save(document->cr);
    cairo_rectangle(document->cr, rect.x, rect.y, rect.w, rect.h);
    cairo_clip(document->cr);
    draw(document->cr, rect, data);
    cairo_restore(document->cr);
    if (document->png_directory != NULL)
        write_png(document, rect, name, draw, data);
}

void coopnet_i_report_table_draw(report_document_t *document, const report_table_t *table)
{
    if (document->status != COOPNET_OK)
        return;
    cairo_t *cr = document->cr;
    const double padding = 4.0, swatch = table->swatches ? 10.0 : 0.0;
    double total = 0, column_x[16], column_width[16];
    size_t n_columns = table->n_columns < 16 ? table->n_columns : 16;
    for (size_t c = 0; c < n_columns; c++)
        total += table->widths[c];
    char markup[1024];
    /* every header and every cell after the first column whole (a number cut with an ellipsis
     * reads as another number): a column too narrow for them widens, taking the room from the
     * first column (the names, which are ellipsized anyway) */
    for (size_t c = 0; c < n_columns; c++)
        column_width[c] = table->width * table->widths[c] / total;
    for (size_t c = 1; c < n_columns; c++) {
        double widest = 0;
        for (size_t r = 0; r <= table->n_rows; r++) {
            const char *text =
                r == 0 ? table->headers[c] : table->cells[(r - 1) * table->n_columns + c];
            coopnet_i_report_escape(text, markup, sizeof markup);
            PangoLayout *layout = coopnet_i_report_layout(
                document, r == 0 ? REPORT_FONT_TABLE_HEAD : REPORT_FONT_TABLE, markup, 0);
            if (layout == NULL)
                continue;
            int text_width, text_height;
            pango_layout_get_size(layout, &text_width, &text_height);
            g_object_unref(layout);
            widest = fmax(widest, (double)text_width / PANGO_SCALE);
        }
        double deficit = widest + 2 * padding + 1 - column_width[c];
        double spare = column_width[0] - 0.5 * table->width * table->widths[0] / total;
        if (deficit > 0 && spare > 0) {
            deficit = deficit < spare ? deficit : spare;
            column_width[c] += deficit;
            column_width[0] -= deficit;
        }
    }
    double x = table->x;
    for (size_t c = 0; c < n_columns; c++) {
        column_x[c] = x;
        x += column_width[c];
    }
    /* header: one line */
    double y = document->y;
    double header_height = 0;
    for (size_t c = 0; c < n_columns; c++) {
        coopnet_i_report_escape(table->headers[c], markup, sizeof markup);
        double text_x = column_x[c] + padding + (c == 0 ? swatch : 0);
        double width = column_width[c] - 2 * padding - (c == 0 ? swatch : 0);
        double height = coopnet_i_report_text_line(document, REPORT_FONT_TABLE_HEAD, markup, text_x,
                                                   y + padding, width, table->aligns[c],
                                                   coopnet_i_report_accent);
        if (height > header_height)
            header_height = height;
    }
    y += header_height + 2 * padding;
    hairline(cr, table->x, y, table->x + table->width, coopnet_i_report_accent, 0.8);
    /* rows: one line each, long cells ellipsized, so that a table's height is known */
    PangoLayout *probe = coopnet_i_report_layout(document, REPORT_FONT_TABLE, "Ag", 0);
    int probe_width, probe_height;
    pango_layout_get_size(probe, &probe_width, &probe_height);
    g_object_unref(probe);
    const double row_height = (double)probe_height / PANGO_SCALE + 2 * 2.2;
    for (size_t r = 0; r < table->n_rows; r++) {
        if (r % 2 == 1) {
            coopnet_i_style_set_color(cr, coopnet_i_style_panel, 1.0);
            cairo_rectangle(cr, table->x, y, table->width, row_height);
            cairo_fill(cr);
        }
        if (table->swatches != NULL) {
            coopnet_i_style_set_color(cr, table->swatches[r], 1.0);
            cairo_new_path(cr);
            cairo_arc(cr, column_x[0] + padding + 3.5, y + row_height / 2, 3.2, 0, 2 * G_PI);
            cairo_fill(cr);
        }
        for (size_t c = 0; c < n_columns; c++) {
            coopnet_i_report_escape(table->cells[r * table->n_columns + c], markup, sizeof markup);
            double text_x = column_x[c] + padding + (c == 0 ? swatch : 0);
            double width = column_width[c] - 2 * padding - (c == 0 ? swatch : 0);
            coopnet_i_report_text_line(document, REPORT_FONT_TABLE, markup, text_x, y + 2.2, width,
                                       table->aligns[c], coopnet_i_style_text);
        }
        y += row_height;
    }
    hairline(cr, table->x, y, table->x + table->width, coopnet_i_report_rule, 0.5);
    document->y = y + 10;
}

/* The height of a layout of "Ag" in font: one line. */
static double line_height(report_document_t *document, report_font_t font)
{
    PangoLayout *probe = coopnet_i_report_layout(document, font, "Ag", 0);
    if (probe == NULL)
        return 0;
    int width, height;
    pango_layout_get_size(probe, &width, &height);
    g_object_unref(probe);
    return (double)height / PANGO_SCALE;
}

size_t coopnet_i_report_table_rows_fitting(report_document_t *document, size_t n_rows,
                                           double bottom)
{
    /* as coopnet_i_report_table_draw lays it out: header, rows, the gap after */
    double header = line_height(document, REPORT_FONT_TABLE_HEAD) + 2 * 4.0;
    double row = line_height(document, REPORT_FONT_TABLE) + 2 * 2.2;
    double room = bottom - document->y - header - 10;
    if (row <= 0 || room <= 0)
        return 0;
    size_t fitting = (size_t)(room / row);
    return fitting < n_rows ? fitting : n_rows;
}

void coopnet_i_report_measure(report_document_t *document, report_font_t font, const char *markup,
                              double width, double *measured_width, double *measured_height)
{
    *measured_width = *measured_height = 0;
    PangoLayout *layout = coopnet_i_report_layout(document, font, markup, width);
    if (layout == NULL)
        return;
    int w, h;
    pango_layout_get_size(layout, &w, &h);
    *measured_width = (double)w / PANGO_SCALE;
    *measured_height = (double)h / PANGO_SCALE;
    g_object_unref(layout);
}

void coopnet_i_report_key_figures(report_document_t *document, const char *const *numbers,
                                  const char *const *labels, size_t count)
{
    if (document->status != COOPNET_OK || count == 0)
        return;
    cairo_t *cr = document->cr;
    const double gap = 10, number_top = 8, label_top = 42, bottom_pad = 8;
    double width = (REPORT_TEXT_WIDTH - gap * (double)(count - 1)) / (double)count;
    double room = width - 16;
    /* a number is never wrapped or cut (100000 must not read as 10000): one too wide for its
     * tile at the figure size is drawn smaller, to fit; a long label wraps, and every tile is
     * as tall as the tallest label needs */
    double height = 64;
    for (size_t i = 0; i < count; i++) {
        double w, h;
        coopnet_i_report_measure(document, REPORT_FONT_SMALL, labels[i], room, &w, &h);
        height = fmax(height, label_top + h + bottom_pad);
    }
    for (size_t i = 0; i < count; i++) {
        double x = REPORT_MARGIN_LEFT + (double)i * (width + gap);
        coopnet_i_style_set_color(cr, coopnet_i_style_panel, 1.0);
        cairo_rectangle(cr, x, document->y, width, height);
        cairo_fill(cr);
        coopnet_i_style_set_color(cr, coopnet_i_report_accent, 1.0);
        cairo_rectangle(cr, x, document->y, 3, height);
        cairo_fill(cr);
        double natural, natural_height;
        coopnet_i_report_measure(document, REPORT_FONT_FIGURE_NUMBER, numbers[i], 0, &natural,
                                 &natural_height);
        double size = pango_font_description_get_size(document->fonts[REPORT_FONT_FIGURE_NUMBER]);
        char markup[160];
        if (natural > room && natural > 0) {
            int scaled = (int)(size * room / natural * 0.98);
            snprintf(markup, sizeof markup, "<span size=\"%d\">%s</span>", scaled, numbers[i]);
        } else {
            snprintf(markup, sizeof markup, "%s", numbers[i]);
        }
        /* the smaller number sits on the same baseline area: lowered by what it lost */
        double shift =
            natural > room && natural > 0 ? natural_height * (1 - room / natural) * 0.7 : 0;
        coopnet_i_report_text_line(document, REPORT_FONT_FIGURE_NUMBER, markup, x + 12,
                                   document->y + number_top + shift, 0, COOPNET_ALIGN_LEFT,
                                   coopnet_i_report_accent);
        coopnet_i_report_text(document, REPORT_FONT_SMALL, labels[i], x + 12,
                              document->y + label_top, room, COOPNET_ALIGN_LEFT,
                              coopnet_i_style_muted);
    }
    document->y += height + 14;
}
