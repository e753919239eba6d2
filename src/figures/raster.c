/* SPDX-License-Identifier: GPL-3.0-or-later */
/* raster.c - painting many thin lines and small discs into an image surface (see raster.h). */
#include "figures/raster.h"
#include "core/internal.h"

#include <math.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>

/* The working array costs 4 bytes a pixel; a clip larger than this is left to cairo. */
#define RASTER_MAX_PIXELS ((size_t)64 << 20)
#define RASTER_PI 3.14159265358979323846
/* batches are numbered in the mark's 24 high bits */
#define RASTER_MAX_BATCH ((1u << 24) - 1)

static bool raster_enabled = true;

void coopnet_i_raster_set_enabled(bool enabled)
{
    raster_enabled = enabled;
}

bool coopnet_i_raster_begin(coopnet_raster_t *raster, cairo_t *cr)
{
    memset(raster, 0, sizeof *raster);
    if (!raster_enabled || cairo_status(cr) != CAIRO_STATUS_SUCCESS)
        return false;
    cairo_surface_t *target = cairo_get_target(cr);
    if (cairo_get_group_target(cr) != target ||
        cairo_surface_get_type(target) != CAIRO_SURFACE_TYPE_IMAGE)
        return false;
    cairo_format_t format = cairo_image_surface_get_format(target);
    if (format != CAIRO_FORMAT_ARGB32 && format != CAIRO_FORMAT_RGB24)
        return false;
    /* the affine map from user units to pixels: scale and offset only */
    double ox = 0, oy = 0, ux = 1, uy = 0, vx = 0, vy = 1;
    cairo_user_to_device(cr, &ox, &oy);
    cairo_user_to_device(cr, &ux, &uy);
    cairo_user_to_device(cr, &vx, &vy);
    if (fabs(uy - oy) > 1e-9 || fabs(vx - ox) > 1e-9 || ux == ox || vy == oy)
        return false;
    raster->scale_x = ux - ox;
    raster->scale_y = vy - oy;
    raster->dx = ox;
    raster->dy = oy;
    raster->width = cairo_image_surface_get_width(target);
    raster->height = cairo_image_surface_get_height(target);
    raster->stride = cairo_image_surface_get_stride(target);
    raster->has_alpha = format == CAIRO_FORMAT_ARGB32;
    /* the clip: one rectangle (the whole surface when none was set), in pixels */
    cairo_rectangle_list_t *clip = cairo_copy_clip_rectangle_list(cr);
    if (clip->status != CAIRO_STATUS_SUCCESS || clip->num_rectangles > 1) {
        cairo_rectangle_list_destroy(clip);
        return false;
    }
    int x0 = 0, y0 = 0, x1 = 0, y1 = 0; /* no rectangle: nothing is visible */
    if (clip->num_rectangles == 1) {
        const cairo_rectangle_t *box = &clip->rectangles[0];
        double ax = box->x * raster->scale_x + raster->dx;
        double bx = (box->x + box->width) * raster->scale_x + raster->dx;
        double ay = box->y * raster->scale_y + raster->dy;
        double by = (box->y + box->height) * raster->scale_y + raster->dy;
        x0 = (int)fmax(0, floor(fmin(ax, bx) + 0.5));
        x1 = (int)fmin(raster->width, floor(fmax(ax, bx) + 0.5));
        y0 = (int)fmax(0, floor(fmin(ay, by) + 0.5));
        y1 = (int)fmin(raster->height, floor(fmax(ay, by) + 0.5));
    }
    cairo_rectangle_list_destroy(clip);
    if (x1 < x0)
        x1 = x0;
    if (y1 < y0)
        y1 = y0;
    size_t pixels = (size_t)(x1 - x0) * (size_t)(y1 - y0);
    if (pixels > RASTER_MAX_PIXELS)
        return false;
    raster->clip_x0 = x0;
    raster->clip_y0 = y0;
    raster->clip_x1 = x1;
    raster->clip_y1 = y1;
    raster->mark = calloc(pixels + 1, sizeof *raster->mark);
    if (raster->mark == NULL) {
        memset(raster, 0, sizeof *raster);
        return false;
    }
    cairo_surface_flush(target);
    raster->surface = target;
    raster->data = cairo_image_surface_get_data(target);
    raster->batch = 1;
    raster->dirty_x0 = x1;
    raster->dirty_y0 = y1;
    raster->dirty_x1 = x0;
    raster->dirty_y1 = y0;
    return raster->data != NULL;
}

void coopnet_i_raster_next_batch(coopnet_raster_t *raster)
{
    raster->batch++;
    if (raster->batch > RASTER_MAX_BATCH) { /* wrapped: no mark may match a batch to come */
        size_t pixels = (size_t)(raster->clip_x1 - raster->clip_x0) *
                        (size_t)(raster->clip_y1 - raster->clip_y0);
        memset(raster->mark, 0, pixels * sizeof *raster->mark);
        raster->batch = 1;
    }
}

/* OVER with a colour at alpha/255 (the colour's channels premultiplied by the caller: 0-255). */
static inline void composite(const coopnet_raster_t *raster, uint32_t *pixel,
                             const unsigned color[3], unsigned alpha)
{
    uint32_t value = *pixel;
    unsigned keep = 255 - alpha;
    unsigned a = value >> 24, r = (value >> 16) & 0xff, g = (value >> 8) & 0xff, b = value & 0xff;
    r = (color[0] * alpha + r * keep + 127) / 255;
    g = (color[1] * alpha + g * keep + 127) / 255;
    b = (color[2] * alpha + b * keep + 127) / 255;
    a = raster->has_alpha ? (255 * alpha + a * keep + 127) / 255 : 0xff;
    *pixel = (uint32_t)a << 24 | (uint32_t)r << 16 | (uint32_t)g << 8 | b;
}

static inline uint32_t *pixel_at(const coopnet_raster_t *raster, int x, int y)
{
    return (uint32_t *)(void *)(raster->data + (size_t)y * (size_t)raster->stride) + x;
}

static void mark_dirty(coopnet_raster_t *raster, int x0, int y0, int x1, int y1)
{
    if (x0 < raster->dirty_x0)
        raster->dirty_x0 = x0;
    if (y0 < raster->dirty_y0)
        raster->dirty_y0 = y0;
    if (x1 > raster->dirty_x1)
        raster->dirty_x1 = x1;
    if (y1 > raster->dirty_y1)
        raster->dirty_y1 = y1;
}

/* One pixel of a line of the current batch, whose record is *mark: the batch's shape covers it
 * by the largest alpha any of its lines brings, so only the increase over what the batch
 * already put there is composited (exactly: (1 - new) = (1 - step)(1 - before)). */
static inline void batch_pixel(const coopnet_raster_t *raster, uint32_t *mark, uint32_t *pixel,
                               const unsigned color[3], unsigned alpha)
{
    unsigned step = alpha;
    if (*mark >> 8 == raster->batch) {
        unsigned before = *mark & 0xff;
        if (alpha <= before)
            return;
        step = 255 - ((255 - alpha) * 255 + (255 - before) / 2) / (255 - before);
    }
    *mark = raster->batch << 8 | alpha;
    if (step > 0)
        composite(raster, pixel, color, step);
}

static void premultiplied(coopnet_rgb_t color, unsigned out[3])
{
    out[0] = (unsigned)lround(fmin(fmax(color.r, 0), 1) * 255);
    out[1] = (unsigned)lround(fmin(fmax(color.g, 0), 1) * 255);
    out[2] = (unsigned)lround(fmin(fmax(color.b, 0), 1) * 255);
}

static inline double clamp01(double value)
{
    return value < 0 ? 0 : value > 1 ? 1 : value;
}

/* The largest alpha a line of width (user units) and alpha brings to a pixel, 0-1: a line
 * thinner than a pixel is drawn a pixel wide and fainter, as its ink would be. */
static double line_strength(const coopnet_raster_t *raster, double width, double alpha)
{
    double pixels = width * sqrt(fabs(raster->scale_x * raster->scale_y));
    return fmin(pixels, 1.0) * clamp01(alpha);
}

/* How near to the colour (0-255 in every channel) an opaque pixel must be for no alpha up to
 * most to change it (composite rounds: (255 - s) d + 127 >= 255 d while s d <= 127). */
static unsigned settled_within(unsigned most)
{
    return most > 0 ? 127 / most : 255;
}

/* Whether a composite of rgb at an alpha up to the one settled was made for would leave the
 * pixel as it is, the alpha of an image with one included (its target is 255, and it never
 * quite gets there: a transparent image under many faint lines stays at 254). */
static inline bool pixel_settled(const coopnet_raster_t *raster, uint32_t held,
                                 const unsigned rgb[3], unsigned settled)
{
    unsigned a = held >> 24, r = (held >> 16) & 0xff, g = (held >> 8) & 0xff, b = held & 0xff;
    return (!raster->has_alpha || a + settled >= 255) && r + settled >= rgb[0] &&
           r <= rgb[0] + settled && g + settled >= rgb[1] && g <= rgb[1] + settled &&
           b + settled >= rgb[2] && b <= rgb[2] + settled;
}

#define RASTER_TILE_SHIFT 3 /* tiles of 8 x 8 pixels */
#define RASTER_TILE (1 << RASTER_TILE_SHIFT)
#define RASTER_MAX_RECOUNTS 64 /* a painter whose lines change `settled` more often stops */

static inline uint8_t *open_tile(const coopnet_raster_t *raster, int x, int y)
{
    return &raster->tile_open[(size_t)((y - raster->tile_y0) >> RASTER_TILE_SHIFT) *
                                  (size_t)raster->tiles_across +
                              (size_t)((x - raster->clip_x0) >> RASTER_TILE_SHIFT)];
}

/* Counts the open pixels of the tiles of painter's rows (whole tiles: its rows start on a
 * tile's first row) for rgb and settled. */
static void count_open_tiles(coopnet_raster_t *painter, const unsigned rgb[3], unsigned settled)
{
    int y0 = painter->clip_y0, y1 = painter->clip_y1;
    if (y1 <= y0)
        return;
    uint8_t *first = open_tile(painter, painter->clip_x0, y0);
    uint8_t *last = open_tile(painter, painter->clip_x0, y1 - 1) + painter->tiles_across;
    memset(first, 0, (size_t)(last - first));
    for (int y = y0; y < y1; y++) {
        const uint32_t *row = pixel_at(painter, 0, y);
        uint8_t *tiles = open_tile(painter, painter->clip_x0, y);
        for (int x = painter->clip_x0; x < painter->clip_x1; x++)
            tiles[(x - painter->clip_x0) >> RASTER_TILE_SHIFT] +=
                !pixel_settled(painter, row[x], rgb, settled);
    }
    painter->tile_settled = (int)settled;
    painter->tile_recounts++;
}

/* Whether every pixel of the tiles a step's pixels [lo, hi) across the major axis at m lie in
 * is settled (counted for settled). */
static inline bool step_settled(const coopnet_raster_t *raster, bool x_major, int m, int lo, int hi,
                                unsigned settled)
{
    if (raster->tile_open == NULL || raster->tile_settled != (int)settled)
        return false;
    for (int n = lo; n < hi;
         n = ((n - (x_major ? raster->tile_y0 : raster->clip_x0)) | (RASTER_TILE - 1)) +
             (x_major ? raster->tile_y0 : raster->clip_x0) + 1) {
        if (*(x_major ? open_tile(raster, m, n) : open_tile(raster, n, m)) != 0)
            return false;
    }
    return true;
}

/* The pixels [*lo, *hi) across the major axis that step m of a line reaches: those whose centre
 * n + 0.5 is within `across` (less margin) of the line's centre there, held at the ends, within
 * [minor_min, minor_max). */
static inline void step_span(bool x_major, int m, double ax, double ay, double vx, double vy,
                             double inverse_along, double across, double margin, int minor_min,
                             int minor_max, int *lo, int *hi)
{
    double centre = m + 0.5;
    double t = clamp01((centre - (x_major ? ax : ay)) * inverse_along);
    double middle = x_major ? ay + t * vy : ax + t * vx;
    int first = (int)floor(middle - across - 0.5 + margin) + 1;
    int end = (int)ceil(middle + across - 0.5 - margin);
    *lo = first < minor_min ? minor_min : first;
    *hi = end > minor_max ? minor_max : end;
}

void coopnet_i_raster_line(coopnet_raster_t *raster, double x0, double y0, double x1, double y1,
                           double width, coopnet_rgb_t color, double alpha)
{
    if (raster->clip_x1 <= raster->clip_x0 || raster->clip_y1 <= raster->clip_y0)
        return;
    double ax = x0 * raster->scale_x + raster->dx, ay = y0 * raster->scale_y + raster->dy;
    double bx = x1 * raster->scale_x + raster->dx, by = y1 * raster->scale_y + raster->dy;
    if (!isfinite(ax) || !isfinite(ay) || !isfinite(bx) || !isfinite(by))
        return;
    double pixels = width * sqrt(fabs(raster->scale_x * raster->scale_y));
    double strength = line_strength(raster, width, alpha);
    double half = fmax(pixels, 1.0) / 2;
    unsigned rgb[3];
    premultiplied(color, rgb);
    double vx = bx - ax, vy = by - ay, length2 = vx * vx + vy * vy;
    bool x_major = fabs(vx) >= fabs(vy);
    /* walk the major axis; across it, the pixels within reach of the line's centre there */
    double from = x_major ? fmin(ax, bx) : fmin(ay, by);
    double to = x_major ? fmax(ax, bx) : fmax(ay, by);
    double length = sqrt(length2), inverse_length = length > 0 ? 1 / length : 0;
    /* a pixel is touched when its centre is within half + 0.5 of the line; across the major
     * axis that is (half + 0.5) * length / |major component|, at most 1.42 (half + 0.5) */
    double reach = half + 0.5;
    double major_span = fabs(x_major ? vx : vy);
    double across = length > 0 && major_span > 1e-12 ? reach * length / major_span : reach;
    int major_lo = (int)floor(from - reach), major_hi = (int)ceil(to + reach);
    int major_min = x_major ? raster->clip_x0 : raster->clip_y0;
    int major_max = x_major ? raster->clip_x1 : raster->clip_y1;
    int minor_min = x_major ? raster->clip_y0 : raster->clip_x0;
    int minor_max = x_major ? raster->clip_y1 : raster->clip_x1;
    if (major_lo < major_min)
        major_lo = major_min;
    if (major_hi > major_max)
        major_hi = major_max;
    /* only the steps whose centre comes within reach of the clip across the major axis (a band
     * of coopnet_i_raster_lines); beyond the ends the centre is held there, which this keeps */
    double minor_from = x_major ? ay : ax, minor_step = x_major ? vy : vx;
    double major_from = x_major ? ax : ay, major_step = x_major ? vx : vy;
    if (fabs(major_step) > 1e-12 && fabs(minor_step) > 1e-12) {
        double t_a = (minor_min - across - 1 - minor_from) / minor_step;
        double t_b = (minor_max + across + 1 - minor_from) / minor_step;
        double c_a = major_from + t_a * major_step, c_b = major_from + t_b * major_step;
        double c_lo = fmin(c_a, c_b) - 1, c_hi = fmax(c_a, c_b) + 1;
        if (c_lo > major_lo)
            major_lo = c_lo < major_hi ? (int)floor(c_lo) : major_hi;
        if (c_hi < major_hi)
            major_hi = c_hi > major_lo ? (int)ceil(c_hi) : major_lo;
    } else if (minor_from + across + 1 < minor_min || minor_from - across - 1 > minor_max) {
        return;
    }
    int dirty_lo = minor_max, dirty_hi = minor_min;
    unsigned most = (unsigned)(strength * 255 + 0.5); /* the largest alpha this line brings */
    unsigned settled = settled_within(most);
    /* a pixel's record at or above this: the batch covers it as much as this line can */
    uint32_t covered = raster->batch << 8 | most;
    double along = x_major ? vx : vy;
    double inverse_along = length2 > 0 && fabs(along) > 1e-12 ? 1 / along : 0;
    size_t row_width = (size_t)(raster->clip_x1 - raster->clip_x0);
    /* one step across the major axis in the records and in the image */
    size_t mark_stride = x_major ? row_width : 1;
    size_t pixel_stride = x_major ? (size_t)raster->stride / sizeof(uint32_t) : 1;
    /* a pixel whose centre is farther than `across` less this from the line's centre on its
     * step lies farther than reach - 1/1024 from the line (distance across the major axis times
     * major/length <= 1): its alpha, under 255/1024 + 0.5, rounds to 0, so it is not visited */
    const double margin = 1.0 / 1024;
    /* the tiles' origin along the major axis */
    int tile_origin = x_major ? raster->clip_x0 : raster->tile_y0;
    for (int m = major_lo; m < major_hi; m++) {
        int lo, hi;
        step_span(x_major, m, ax, ay, vx, vy, inverse_along, across, margin, minor_min, minor_max,
                  &lo, &hi);
        if (raster->tile_open != NULL && ((m - tile_origin) & (RASTER_TILE - 1)) == 0) {
            /* the first step in a row of tiles: when every tile the steps to its end reach is
             * settled, so is each step's, and they are passed over together (the middle moves
             * one way, so the reach is that of the two end steps) */
            int block_end = m + RASTER_TILE < major_hi ? m + RASTER_TILE : major_hi;
            int lo_end, hi_end;
            step_span(x_major, block_end - 1, ax, ay, vx, vy, inverse_along, across, margin,
                      minor_min, minor_max, &lo_end, &hi_end);
            int block_lo = lo < lo_end ? lo : lo_end, block_hi = hi > hi_end ? hi : hi_end;
            if (block_lo < block_hi &&
                step_settled(raster, x_major, m, block_lo, block_hi, settled)) {
                m = block_end - 1;
                continue;
            }
        }
        if (lo >= hi || step_settled(raster, x_major, m, lo, hi, settled))
            continue;
        double centre = m + 0.5;
        /* along this step, the cross and dot products of (pixel centre - a) with v are linear
         * in n: cross = c0 + n dc, dot = d0 + n dd */
        double c0, dc, d0, dd;
        if (x_major) {
            c0 = (centre - ax) * vy - (0.5 - ay) * vx, dc = -vx;
            d0 = (centre - ax) * vx + (0.5 - ay) * vy, dd = vy;
        } else {
            c0 = (0.5 - ax) * vy - (centre - ay) * vx, dc = vy;
            d0 = (0.5 - ax) * vx + (centre - ay) * vy, dd = vx;
        }
        int first_x = x_major ? m : lo, first_y = x_major ? lo : m;
        uint32_t *first_mark = raster->mark + (size_t)(first_y - raster->clip_y0) * row_width +
                               (size_t)(first_x - raster->clip_x0);
        uint32_t *first_pixel = pixel_at(raster, first_x, first_y);
        for (int n = lo; n < hi; n++) {
            uint32_t *mark = first_mark + (size_t)(n - lo) * mark_stride;
            uint32_t *pixel = first_pixel + (size_t)(n - lo) * pixel_stride;
            /* distance from the pixel's centre to the segment: to the line along its length
             * (no square root), to the nearer end beyond it */
            double distance;
            double dot = d0 + n * dd;
            if (length2 > 0 && dot > 0 && dot < length2) {
                distance = fabs(c0 + n * dc) * inverse_length;
            } else {
                int x = x_major ? m : n, y = x_major ? n : m;
                double px = x + 0.5, py = y + 0.5;
                double s_end = length2 > 0 ? dot / length2 : 0;
                double ex = s_end <= 0 ? px - ax : px - bx, ey = s_end <= 0 ? py - ay : py - by;
                distance = sqrt(ex * ex + ey * ey);
            }
            double cover = clamp01(reach - distance) * strength;
            unsigned value = (unsigned)(cover * 255 + 0.5);
            if (value == 0)
                continue;
            /* a pixel this batch already covers as much as this line can: nothing to add (the
             * common case inside a dense network's blob) */
            if (*mark >= covered && *mark >> 8 == raster->batch)
                continue;
            /* settled: a composite would leave the pixel as it is. The pixel's batch record
             * is left as it is, as for an opaque one: right while a batch's lines all bring the
             * same largest alpha (draw_network starts a batch wherever the width changes) */
            if (pixel_settled(raster, *pixel, rgb, settled))
                continue;
            batch_pixel(raster, mark, pixel, rgb, value);
            /* a composite moves each channel towards the colour, never away: a pixel once
             * settled stays so, and its tile has one open pixel fewer */
            if (raster->tile_open != NULL && raster->tile_settled == (int)settled &&
                pixel_settled(raster, *pixel, rgb, settled)) {
                int x = x_major ? m : n, y = x_major ? n : m;
                (*open_tile(raster, x, y))--;
            }
            if (n < dirty_lo)
                dirty_lo = n;
            if (n + 1 > dirty_hi)
                dirty_hi = n + 1;
        }
    }
    if (dirty_lo < dirty_hi && major_lo < major_hi) {
        if (x_major)
            mark_dirty(raster, major_lo, dirty_lo, major_hi, dirty_hi);
        else
            mark_dirty(raster, dirty_lo, major_lo, dirty_hi, major_hi);
    }
}

/* Below this many lines, or this many rows, one thread paints them. */
#define RASTER_PARALLEL_LINES 20000
#define RASTER_BAND_ROWS 64

typedef struct raster_bands {
    const coopnet_raster_t *raster;
    const coopnet_raster_segment_t *lines;
    size_t n_lines;
    coopnet_rgb_t color;
    double alpha;
    int n_bands;
    int *band_start; /* rows: band b is [band_start[b], band_start[b + 1]) */
    atomic_int next_band;
    coopnet_raster_t *done; /* per band: its painter after the lines (batch, dirty rectangle) */
} raster_bands_t;

/* The lines in order on one painter (the whole clip, or one band of it). A line whose rows,
 * with the reach of its width and a pixel to spare, miss the painter's rows is passed over: it
 * would touch no pixel there (a band of a few hundred rows sees most lines pass by). */
static void paint_lines(coopnet_raster_t *painter, const coopnet_raster_segment_t *lines,
                        size_t n_lines, coopnet_rgb_t color, double alpha)
{
    double pixel_scale = sqrt(fabs(painter->scale_x * painter->scale_y));
    unsigned rgb[3];
    premultiplied(color, rgb);
    for (size_t i = 0; i < n_lines; i++) {
        const coopnet_raster_segment_t *line = &lines[i];
        if (line->new_batch)
            coopnet_i_raster_next_batch(painter);
        if (painter->tile_open != NULL) {
            /* the tiles counted for this line's nearness (again when its width changes it) */
            unsigned most = (unsigned)(line_strength(painter, line->width, alpha) * 255 + 0.5);
            unsigned settled = settled_within(most);
            if ((int)settled != painter->tile_settled) {
                if (painter->tile_recounts < RASTER_MAX_RECOUNTS)
                    count_open_tiles(painter, rgb, settled);
                else
                    painter->tile_open = NULL;
            }
        }
        double ay = line->y0 * painter->scale_y + painter->dy;
        double by = line->y1 * painter->scale_y + painter->dy;
        double reach = fmax(line->width * pixel_scale, 1.0) / 2 + 2;
        if (fmax(ay, by) + reach < painter->clip_y0 || fmin(ay, by) - reach > painter->clip_y1)
            continue; /* (an end that is NaN is ignored by fmax/fmin here; the line is refused
                       * there in any case) */
        coopnet_i_raster_line(painter, line->x0, line->y0, line->x1, line->y1, line->width, color,
                              alpha);
    }
}

static void paint_band(raster_bands_t *bands, int band)
{
    const coopnet_raster_t *whole = bands->raster;
    coopnet_raster_t *painter = &bands->done[band];
    *painter = *whole;
    int y0 = bands->band_start[band], y1 = bands->band_start[band + 1];
    size_t offset = (size_t)(y0 - whole->clip_y0) * (size_t)(whole->clip_x1 - whole->clip_x0);
    painter->clip_y0 = y0;
    painter->clip_y1 = y1;
    painter->mark = whole->mark + offset; /* the band's rows of the working array */
    painter->dirty_x0 = whole->clip_x1;
    painter->dirty_y0 = whole->clip_y1;
    painter->dirty_x1 = whole->clip_x0;
    painter->dirty_y1 = whole->clip_y0;
    painter->tile_settled = -1;
    painter->tile_recounts = 0;
    paint_lines(painter, bands->lines, bands->n_lines, bands->color, bands->alpha);
}

static void *paint_bands(void *argument)
{
    raster_bands_t *bands = argument;
    for (int band; (band = atomic_fetch_add(&bands->next_band, 1)) < bands->n_bands;)
        paint_band(bands, band);
    return NULL;
}

/* Cuts the clip's rows into n_bands bands of about the same work: each line's length in pixels
 * spread over the rows it spans, the bands cut at equal shares of the sum. A network's middle,
 * or a map's corridor of links, is then split as finely as its emptier rows are not. Every band
 * has at least one row (the clip has at least n_bands). band_start has n_bands + 1 entries. */
static int cut_bands(const coopnet_raster_t *raster, const coopnet_raster_segment_t *lines,
                     size_t n_lines, int n_bands, int *band_start)
{
    int y0 = raster->clip_y0, rows = raster->clip_y1 - raster->clip_y0;
    double *work = calloc((size_t)rows + 2, sizeof *work); /* per row, as differences */
    if (work == NULL)
        return -1;
    for (size_t i = 0; i < n_lines; i++) {
        double ay = lines[i].y0 * raster->scale_y + raster->dy - y0;
        double by = lines[i].y1 * raster->scale_y + raster->dy - y0;
        double ax = lines[i].x0 * raster->scale_x + raster->dx;
        double bx = lines[i].x1 * raster->scale_x + raster->dx;
        if (!isfinite(ay) || !isfinite(by) || !isfinite(ax) || !isfinite(bx))
            continue;
        double top = fmax(fmin(ay, by), 0), bottom = fmin(fmax(ay, by), rows - 1);
        if (top > bottom)
            continue;
        int first = (int)top, last = (int)bottom;
        double per_row = (fmax(fabs(bx - ax), fabs(by - ay)) + 1) / (last - first + 1);
        work[first] += per_row;
        work[last + 1] -= per_row;
    }
    double total = 0, running = 0;
    for (int r = 0; r < rows; r++) {
        running += work[r];
        work[r] = running + 1; /* a row costs something even without lines */
        total += work[r];
    }
    band_start[0] = y0;
    double sum = 0;
    int b = 1;
    for (int r = 0; r < rows && b < n_bands; r++) {
        sum += work[r];
        /* band b starts after row r once the bands before it hold their shares; at least a
         * row each, and a row left for each band still to come */
        while (b < n_bands && sum >= total * b / n_bands) {
            int end = y0 + r + 1, lowest = band_start[b - 1] + 1;
            int highest = raster->clip_y1 - (n_bands - b);
            band_start[b++] = end < lowest ? lowest : end > highest ? highest : end;
        }
    }
    for (; b < n_bands; b++) /* (rounding left the last shares unreached) */
        band_start[b] = band_start[b - 1] + 1;
    band_start[n_bands] = raster->clip_y1;
    /* each band starts on a tile's first row (its tiles are its own); a band may end empty */
    for (b = 1; b < n_bands; b++) {
        int aligned = y0 + ((band_start[b] - y0) & ~(RASTER_TILE - 1));
        band_start[b] = aligned < band_start[b - 1] ? band_start[b - 1] : aligned;
    }
    free(work);
    return 0;
}

void coopnet_i_raster_lines(coopnet_raster_t *raster, const coopnet_raster_segment_t *lines,
                            size_t n_lines, coopnet_rgb_t color, double alpha)
{
    int rows = raster->clip_y1 - raster->clip_y0;
    int n_threads = n_lines >= RASTER_PARALLEL_LINES
                        ? coopnet_i_thread_count(rows / RASTER_BAND_ROWS, COOPNET_I_MAX_THREADS)
                        : 1;
    raster_bands_t bands = {raster, lines, n_lines, color, alpha, 0, NULL, 0, NULL};
    if (n_threads > 1) {
        /* a few bands a thread, taken in turn, of about the same work each */
        bands.n_bands = 4 * n_threads;
        bands.band_start = calloc((size_t)bands.n_bands + 1, sizeof *bands.band_start);
        bands.done = calloc((size_t)bands.n_bands, sizeof *bands.done);
        if (bands.band_start == NULL || bands.done == NULL ||
            cut_bands(raster, lines, n_lines, bands.n_bands, bands.band_start) != 0) {
            free(bands.done);
            bands.done = NULL;
        }
    }
    if (bands.done == NULL) { /* one thread, or no memory for the bands: in order, here */
        free(bands.band_start);
        paint_lines(raster, lines, n_lines, color, alpha);
        return;
    }
    /* the tiles of the clip, counted by each band for its rows (after which its lines pass over
     * settled tiles a step at a time: in a dense network's middle, nine visits in ten) */
    raster->tiles_across = (raster->clip_x1 - raster->clip_x0 + RASTER_TILE - 1) / RASTER_TILE;
    raster->tile_y0 = raster->clip_y0;
    raster->tile_open = calloc(
        (size_t)raster->tiles_across * (size_t)((rows + RASTER_TILE - 1) / RASTER_TILE) + 1, 1);
    coopnet_i_threads_run(n_threads, paint_bands, &bands);
    free(raster->tile_open);
    raster->tile_open = NULL;
    for (int b = 0; b < bands.n_bands; b++) {
        const coopnet_raster_t *done = &bands.done[b];
        if (done->dirty_x1 > done->dirty_x0 && done->dirty_y1 > done->dirty_y0)
            mark_dirty(raster, done->dirty_x0, done->dirty_y0, done->dirty_x1, done->dirty_y1);
    }
    raster->batch = bands.done[0].batch; /* every band counted the same batches */
    free(bands.done);
    free(bands.band_start);
}

void coopnet_i_raster_disc(coopnet_raster_t *raster, double x, double y, double radius,
                           coopnet_rgb_t fill, double outline_width, coopnet_rgb_t outline)
{
    double scale = sqrt(fabs(raster->scale_x * raster->scale_y));
    double cx = x * raster->scale_x + raster->dx, cy = y * raster->scale_y + raster->dy;
    double r = radius * scale, ring = outline_width > 0 ? outline_width * scale / 2 : 0;
    if (!isfinite(cx) || !isfinite(cy) || !(r > 0))
        return;
    double reach = r + ring + 1;
    int x0 = (int)floor(cx - reach), x1 = (int)ceil(cx + reach);
    int y0 = (int)floor(cy - reach), y1 = (int)ceil(cy + reach);
    x0 = x0 < raster->clip_x0 ? raster->clip_x0 : x0;
    y0 = y0 < raster->clip_y0 ? raster->clip_y0 : y0;
    x1 = x1 > raster->clip_x1 ? raster->clip_x1 : x1;
    y1 = y1 > raster->clip_y1 ? raster->clip_y1 : y1;
    if (x1 <= x0 || y1 <= y0)
        return;
    unsigned fill_rgb[3], outline_rgb[3];
    premultiplied(fill, fill_rgb);
    premultiplied(outline, outline_rgb);
    /* a disc of a few pixels: the coverages scaled so that their sum is its area */
    double fill_scale = 1, outer_scale = 1;
    if (r + ring < 2) {
        double fill_sum = 0, outer_sum = 0;
        for (int py = y0; py < y1; py++)
            for (int px = x0; px < x1; px++) {
                double d = hypot(px + 0.5 - cx, py + 0.5 - cy);
                fill_sum += clamp01(r + 0.5 - d);
                outer_sum += clamp01(r + ring + 0.5 - d);
            }
        if (fill_sum > 0)
            fill_scale = fmin(1, RASTER_PI * r * r / fill_sum);
        if (outer_sum > 0)
            outer_scale = fmin(1, RASTER_PI * (r + ring) * (r + ring) / outer_sum);
    }
    /* beyond this squared distance from the centre, neither the fill nor the ring reaches */
    double outside = (r + ring + 0.5) * (r + ring + 0.5);
    for (int py = y0; py < y1; py++) {
        uint32_t *row = pixel_at(raster, 0, py);
        double ey = py + 0.5 - cy;
        for (int px = x0; px < x1; px++) {
            double ex = px + 0.5 - cx, d2 = ex * ex + ey * ey;
            if (d2 >= outside)
                continue;
            double d = sqrt(d2); /* hypot's care for overflow is not needed here, its time is */
            double cover = clamp01(r + 0.5 - d) * fill_scale;
            unsigned value = (unsigned)(cover * 255 + 0.5);
            if (value > 0)
                composite(raster, &row[px], fill_rgb, value);
            if (ring > 0) {
                double band = clamp01(r + ring + 0.5 - d) * outer_scale -
                              clamp01(r - ring + 0.5 - d) * fill_scale;
                unsigned band_value = (unsigned)(clamp01(band) * 255 + 0.5);
                if (band_value > 0)
                    composite(raster, &row[px], outline_rgb, band_value);
            }
        }
    }
    mark_dirty(raster, x0, y0, x1, y1);
}

void coopnet_i_raster_end(coopnet_raster_t *raster)
{
    if (raster->surface != NULL && raster->dirty_x1 > raster->dirty_x0 &&
        raster->dirty_y1 > raster->dirty_y0)
        cairo_surface_mark_dirty_rectangle(raster->surface, raster->dirty_x0, raster->dirty_y0,
                                           raster->dirty_x1 - raster->dirty_x0,
                                           raster->dirty_y1 - raster->dirty_y0);
    free(raster->mark);
    memset(raster, 0, sizeof *raster);
}
