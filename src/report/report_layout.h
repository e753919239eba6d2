/* SPDX-License-Identifier: GPL-3.0-or-later */
/* report_layout.h - the page furniture of the PDF report: A4 pages with a running header and a
 * numbered footer, headings, paragraphs with pango markup, key-figure cards, tables, and figures
 * drawn by a callback into a rectangle (and, when asked, into a PNG of their own). Internal: the
 * report module lays its pages out through it.
 *
 * Like cairo, a document carries a sticky status: after the first failure every call is a no-op,
 * and coopnet_i_report_document_finish returns the failure.
 */
#ifndef COOPNET_REPORT_LAYOUT_H
#define COOPNET_REPORT_LAYOUT_H

#include "coopnet/error.h"
#include "coopnet/output.h"
#include "figures/style.h"

#include <cairo.h>
#include <pango/pangocairo.h>
#include <stdbool.h>
#include <stdio.h>

/* A4 in points, and the text block. */
#define REPORT_PAGE_WIDTH 595.276
#define REPORT_PAGE_HEIGHT 841.89
#define REPORT_MARGIN_LEFT 56.0
#define REPORT_MARGIN_RIGHT 56.0
#define REPORT_TOP 78.0          /* first line of content */
#define REPORT_BOTTOM 782.0      /* content ends above the footer */
#define REPORT_FOOTER_RULE 800.0 /* the footer's rule: nothing of the content below it */
#define REPORT_TEXT_WIDTH (REPORT_PAGE_WIDTH - REPORT_MARGIN_LEFT - REPORT_MARGIN_RIGHT)

typedef enum {
    REPORT_FONT_COVER_TITLE,
    REPORT_FONT_COVER_SUBTITLE,
    REPORT_FONT_PAGE_TITLE,
    REPORT_FONT_SECTION,
    REPORT_FONT_BODY,
    REPORT_FONT_SMALL,
    REPORT_FONT_TABLE,
    REPORT_FONT_TABLE_HEAD,
    REPORT_FONT_FIGURE_NUMBER,
    REPORT_FONT_FURNITURE, /* running header and footer */
    REPORT_FONT_COUNT
} report_font_t;

/* The report's accent colours (the style module's palette for everything in figures). */
extern const coopnet_rgb_t coopnet_i_report_accent; /* deep navy: title band, headings */
extern const coopnet_rgb_t coopnet_i_report_rule;   /* thin rules */

#define REPORT_MAX_PNGS 48

typedef struct report_document {
    cairo_surface_t *surface;
    cairo_t *cr;
    FILE *stream;
    char running_title[256];
    char footer[256];
    int page_number, page_count;
    double y; /* the cursor: top of the next block, points from the page's top */
    const char *png_directory;
    int figure_count;
    coopnet_output_t *pngs[REPORT_MAX_PNGS]; /* drawn, committed together when the report ends */
    size_t n_pngs;
    int status;
    coopnet_error_t *err;
    PangoFontDescription *fonts[REPORT_FONT_COUNT];
} report_document_t;

/* Starts a PDF document writing to stream with page_count pages; title and the metadata date
 * (ISO 8601 "YYYY-MM-DDT00:00:00") go into the PDF information dictionary, footer on every page.
 * COOPNET_EINTERNAL / ENOMEM on failure (the document is then finished already). */
int coopnet_i_report_document_begin(report_document_t *document, FILE *stream, const char *title,
                                    const char *metadata_date, const char *footer, int page_count,
                                    const char *png_directory, coopnet_error_t *err);

/* Ends the last page, finishes the PDF and frees everything; returns the document's status. The
 * PNG copies (png_directory) are committed together when the document succeeded, so that a
 * failed or interrupted report leaves the directory's old figures all as they were. */
int coopnet_i_report_document_finish(report_document_t *document);

/* For tests: how many pages this process ended with their cursor below REPORT_FOOTER_RULE
 * (content running into the footer). O(1), thread-safe. */
size_t coopnet_i_report_overflowing_pages(void);

/* Records a failure (the first one wins); returns document->status. */
int coopnet_i_report_fail(report_document_t *document, int code, const char *format, ...)
    __attribute__((format(printf, 3, 4)));

/* Starts a page: running header (title left, section right), footer with the page number, and
 * the cursor at REPORT_TOP. A cover page has no header. */
void coopnet_i_report_page_begin(report_document_t *document, const char *section, bool cover);

/* Ends the page (cairo_show_page). */
void coopnet_i_report_page_end(report_document_t *document);

/* A layout of markup (pango markup; plain text must be escaped) in font, wrapped at width (pt,
 * <= 0: no wrapping). The caller owns it. */
PangoLayout *coopnet_i_report_layout(report_document_t *document, report_font_t font,
                                     const char *markup, double width);

/* The width and height (pt) of markup in font on one line (width <= 0) or wrapped at width;
 * both 0 when it cannot be laid out. */
void coopnet_i_report_measure(report_document_t *document, report_font_t font, const char *markup,
                              double width, double *measured_width, double *measured_height);

/* Draws markup at (x, y) wrapped at width; returns the height drawn. */
double coopnet_i_report_text(report_document_t *document, report_font_t font, const char *markup,
                             double x, double y, double width, coopnet_align_t align,
                             coopnet_rgb_t color);

/* The same on one line, ellipsized at width. */
double coopnet_i_report_text_line(report_document_t *document, report_font_t font,
                                  const char *markup, double x, double y, double width,
                                  coopnet_align_t align, coopnet_rgb_t color);

/* The page title ("4  Who holds it together") and a rule under it; moves the cursor. */
void coopnet_i_report_page_title(report_document_t *document, int number, const char *title);

/* A paragraph across the text block at the cursor; moves the cursor. */
void coopnet_i_report_paragraph(report_document_t *document, const char *markup);

/* A small heading at the cursor; moves the cursor. */
void coopnet_i_report_section(report_document_t *document, const char *text);

/* Leaves vertical space. */
void coopnet_i_report_space(report_document_t *document, double points);

/* Draws a figure: draw(cr, rect, data) into rect (page coordinates); when the document has a PNG
 * directory, also into report-NN-name.png at 150 dpi. */
typedef void (*report_draw_t)(cairo_t *cr, coopnet_rect_t rect, const void *data);
void coopnet_i_report_figure(report_document_t *document, coopnet_rect_t rect, const char *name,
                             report_draw_t draw, const void *data);

/* A table at the cursor: n_columns columns with header texts, relative widths and alignments;
 * cells row-major (plain text, escaped here), one line each (ellipsized). swatches, when not NULL,
 * gives per row a colour drawn as a dot before the first cell. Moves the cursor. */
typedef struct report_table {
    size_t n_columns, n_rows;
    const char *const *headers;
    const double *widths; /* relative; scaled to width */
    const coopnet_align_t *aligns;
    const char *const *cells;
    const coopnet_rgb_t *swatches;
    double x, width;
} report_table_t;
void coopnet_i_report_table_draw(report_document_t *document, const report_table_t *table);
/* How many rows of a table (one-line header, one line a row) fit between the cursor and bottom,
 * at most n_rows. */
size_t coopnet_i_report_table_rows_fitting(report_document_t *document, size_t n_rows,
                                           double bottom);

/* A row of key-figure cards at the cursor: big numbers with a label under each. A number is
 * drawn whole on one line (smaller when its card is too narrow for it); labels wrap, and the
 * cards are as tall as the longest needs. Moves the cursor. */
void coopnet_i_report_key_figures(report_document_t *document, const char *const *numbers,
                                  const char *const *labels, size_t count);

/* Escapes text for pango markup into buffer (always terminated). */
void coopnet_i_report_escape(const char *text, char *buffer, size_t size);

#endif
