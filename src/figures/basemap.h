/* SPDX-License-Identifier: GPL-3.0-or-later */
/* basemap.h - land, coastlines and country borders under the geo layout, from the Digital Chart
 * of the World as the GMT project packs it (DCW-GMT, Debian's gmt-dcw: one netCDF file of
 * country polygons), read with libnetcdf. Internal; docs/maps.md says why this data set.
 *
 * The file holds, per country, two ushort variables XX_lon and XX_lat (XX the ISO 3166 code;
 * four-letter names are states, not read here) with attributes min, max and scale: a coordinate
 * is min + raw / scale. A raw longitude of 65535 starts a new ring (its latitude: 0 an outer
 * ring, 1 a hole). Longitudes may run past 180 (the United States: 172 to 293).
 */
#ifndef COOPNET_BASEMAP_H
#define COOPNET_BASEMAP_H

#include "coopnet/error.h"
#include "figures/style.h"

#include <cairo.h>
#include <stdbool.h>
#include <stddef.h>

/* The data file when COOPNET_MAP_DATA is not set in the environment. */
#define COOPNET_BASEMAP_DEFAULT_PATH "/usr/share/gmt-dcw/dcw-gmt.nc"

/* An open map data file and a workspace for its polygons. Zero it, then open. */
typedef struct coopnet_basemap {
    bool open;
    bool shared; /* the process's open data file (basemap.c), not closed with the map */
    int ncid;
    char path[512]; /* the file it was opened from ("" when the path is longer) */
    unsigned short *raw_lon, *raw_lat; /* workspace: one country's raw coordinates */
    double *points;                    /* workspace: the same, decoded (lon, lat pairs) */
    size_t capacity;                   /* points the workspace holds */
    double *outline;                   /* workspace: one country's simplified rings (x, y pairs) */
    size_t *ring_start;                /* workspace: where each ring of the outline starts */
} coopnet_basemap_t;

/* The equirectangular frame of a geo figure: lon, lat to page points as the geo layout maps its
 * actors (x = map.x + (lon - lon_min) * cos_lat * scale, y = map.y + (lat_max - lat) * scale). */
typedef struct coopnet_map_frame {
    coopnet_rect_t map;
    double lon_min, lon_max, lat_min, lat_max;
    double cos_lat; /* cosine of the middle latitude (at least 0.2) */
    double scale;   /* points per degree of latitude */
} coopnet_map_frame_t;

/* The path of the map data: $COOPNET_MAP_DATA when set and not empty, else the default. */
const char *coopnet_i_basemap_path(void);

/* Opens the map data. EIO ("cannot read map data 'PATH': reason") when the file is missing or
 * is not DCW-GMT netCDF; map is then left closed. O(variables) the first time (netCDF reads the
 * header); the file then stays open for the process, shared by the maps opened after. */
int coopnet_i_basemap_open(coopnet_basemap_t *map, coopnet_error_t *err);

/* Closes the file and frees the workspace; accepts a zeroed or closed map. */
void coopnet_i_basemap_close(coopnet_basemap_t *map);

/* Where to put the actors of country (ISO code) that have no coordinates: the centroid of the
 * country's largest ring, its mainland (*lon, *lat), and that ring's bounding box (west, east,
 * south, north in bbox: Alaska and Svalbard do not stretch a map of the United States or
 * Norway); any may be NULL. Longitudes in -180..180 unless the ring crosses 180. EDATA when the
 * data has no such country; ENOMEM. O(points of the country). */
int coopnet_i_basemap_country_centre(coopnet_basemap_t *map, const char *country, double *lon,
                                     double *lat, double bbox[4], coopnet_error_t *err);

/* *inside: whether (lon, lat) lies in country (ISO code) by the map data (even-odd over its
 * rings). EDATA when the data has no such country; ENOMEM. O(points of the country). */
int coopnet_i_basemap_country_contains(coopnet_basemap_t *map, const char *country, double lon,
                                       double lat, bool *inside, coopnet_error_t *err);

/* One country's outline as coopnet_i_basemap_each_outline hands it over: its rings in page
 * points, simplified; ring r is the points xy[2 * ring_start[r]] .. xy[2 * ring_start[r + 1]]
 * (x, y pairs), closed implicitly; holes are rings too (fill even-odd). The pointers are the
 * map's workspace, valid until the callback returns. */
typedef struct coopnet_basemap_outline {
    const char *country; /* ISO code */
    bool named;          /* one of the named countries */
    const double *xy;
    const size_t *ring_start; /* n_rings + 1 entries */
    size_t n_rings;
} coopnet_basemap_outline_t;

/* What to do with one outline; a status other than OK stops the walk and is returned. */
typedef int (*coopnet_basemap_outline_fn)(const coopnet_basemap_outline_t *outline, void *data,
                                          coopnet_error_t *err);

/* Calls outline_fn for every country whose box meets frame's extent (once per copy of it 360
 * degrees east or west that does), with its rings projected onto frame->map and simplified as
 * coopnet_i_basemap_draw describes, tolerance being the distance (pt) under which a vertex is
 * dropped; rings wholly outside the extent are left out, and so is a country without a ring on
 * the map. Nothing (OK) when map is closed. ENOMEM; the callback's status; a country whose data
 * cannot be read is skipped. O(points of the countries met). */
int coopnet_i_basemap_each_outline(coopnet_basemap_t *map, const coopnet_map_frame_t *frame,
                                   double tolerance, const char *const *named, size_t n_named,
                                   coopnet_basemap_outline_fn outline_fn, void *data,
                                   coopnet_error_t *err);

/* Draws the land of frame->map clipped to it: every country whose box meets the extent, filled
 * in the land colour, the countries in named (n_named ISO codes) slightly darker, and their
 * outlines (coasts and borders) as thin lines. Rings are simplified to the output's resolution
 * (a vertex closer than half a device pixel to the last one kept is dropped, and runs of
 * vertices outside one side of the map collapse to their ends). ENOMEM; a country whose data
 * cannot be read is skipped. O(points of the countries drawn). */
int coopnet_i_basemap_draw(cairo_t *cr, coopnet_basemap_t *map, const coopnet_map_frame_t *frame,
                           const char *const *named, size_t n_named, coopnet_error_t *err);

#endif
