/* SPDX-License-Identifier: GPL-3.0-or-later */
/* raster.h - painting many thin lines and small discs straight into a cairo image surface.
 * Internal.
 *
 * A network of 10 000 actors has 700 000 links: cairo's stroker spends most of a figure's time
 * tessellating them (a 10-panel snapshots chart took 39 s). Into an image, coopnet paints them
 * itself: each pixel's coverage from its distance to the line (a box filter one pixel wide), each
 * line composited OVER the image with the colour's alpha times that coverage. Lines of one batch
 * form one shape, as they did in one cairo path: where two lines of a batch cross, the pixel is
 * covered by the larger coverage, not twice (a dense network reads as a light web, not a blot).
 * Discs (nodes) get a fill and an outline ring the same way.
 *
 * coopnet_i_raster_begin() says whether the context allows it: an ARGB32 or RGB24 image target
 * with no group pushed, a transformation without rotation, a clip made of one rectangle. When it
 * returns false, the caller draws with cairo as before; the two look alike (tests/test_render.c
 * compares them pixel by pixel). Coordinates and widths are in the context's user units. */
#ifndef COOPNET_RASTER_H
#define COOPNET_RASTER_H

#include <cairo.h>
#include <stdbool.h>
#include <stdint.h>

#include "figures/style.h"

typedef struct coopnet_raster {
    cairo_surface_t *surface; /* borrowed from the context */
    unsigned char *data;
    int width, height, stride;
    bool has_alpha;                         /* ARGB32 (else RGB24) */
    double scale_x, scale_y, dx, dy;        /* device = user * scale + d */
    int clip_x0, clip_y0, clip_x1, clip_y1; /* pixels, x0 <= x < x1 */
    /* per pixel: the batch that last covered it (high 24 bits) and the alpha that batch
     * composited there (low 8 bits); one word, so that a pixel's record is one load */
    uint32_t *mark;
    uint32_t batch; /* 1 to 2^24 - 1 (the mark's high bits), then back to 1 */
    int dirty_x0, dirty_y0, dirty_x1, dirty_y1;
    /* while coopnet_i_raster_lines paints (NULL otherwise): per tile of 8 x 8 pixels of the
     * clip, counted from (clip_x0, tile_y0) in rows of tiles_across, how many of its pixels a
     * line could still change (not settled, see raster.c); tile_settled is the nearness to the
     * colour the counts were made for, -1 when not counted */
    uint8_t *tile_open;
    int tile_y0, tiles_across, tile_settled, tile_recounts;
} coopnet_raster_t;

/* True and ready when cr can be painted into directly (see above); false leaves *raster empty
 * and nothing to release. */
bool coopnet_i_raster_begin(coopnet_raster_t *raster, cairo_t *cr);

/* For tests: false makes every coopnet_i_raster_begin() return false, so that the same figure
 * can be drawn by cairo and compared. Not thread-safe; true by default. */
void coopnet_i_raster_set_enabled(bool enabled);

/* Lines painted after this call form a new shape (see above). */
void coopnet_i_raster_next_batch(coopnet_raster_t *raster);

/* A straight line of the given width (user units; at least a pixel is drawn as a fainter
 * one-pixel line), colour and alpha, with round ends. */
void coopnet_i_raster_line(coopnet_raster_t *raster, double x0, double y0, double x1, double y1,
                           double width, coopnet_rgb_t color, double alpha);

/* One line of coopnet_i_raster_lines. */
typedef struct coopnet_raster_segment {
    double x0, y0, x1, y1, width;
    bool new_batch; /* coopnet_i_raster_next_batch() before it */
} coopnet_raster_segment_t;

/* The lines painted in order, as by coopnet_i_raster_line() one after the other (with
 * coopnet_i_raster_next_batch() before each that asks for it), in one colour and alpha. Many
 * lines are painted over the cores in horizontal bands: a pixel lies in one band and sees the
 * lines in the same order, so the image is the same byte for byte whatever the number of
 * threads. Each band keeps, per tile of 8 x 8 pixels, how many of its pixels a line could still
 * change; a line passes over a tile with none a step at a time (in a dense network's middle,
 * nine pixel visits in ten found nothing to change). O(pixels painted + lines x bands). */
void coopnet_i_raster_lines(coopnet_raster_t *raster, const coopnet_raster_segment_t *lines,
                            size_t n_lines, coopnet_rgb_t color, double alpha);

/* A disc of the given radius filled with fill, then a ring of outline_width centred on its rim
 * in outline colour (none when outline_width <= 0). */
void coopnet_i_raster_disc(coopnet_raster_t *raster, double x, double y, double radius,
                           coopnet_rgb_t fill, double outline_width, coopnet_rgb_t outline);

/* Marks what was painted as changed for cairo and releases the working memory. */
void coopnet_i_raster_end(coopnet_raster_t *raster);

#endif
