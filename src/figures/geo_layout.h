/* SPDX-License-Identifier: GPL-3.0-or-later */
/* geo_layout.h - where the geo layout puts each actor of a cooperation graph, and the map's
 * extent: the one placement that the geo figure draws and the report's geography page describes.
 * Internal.
 *
 * An actor with 'lat' and 'lon' is drawn where it is (located). One without is drawn near the
 * middle of its country (by country): the centroid of the country's mainland in the map data
 * (basemap.h), or, without map data, the mean position of the country's located actors; the
 * figure then moves it clear of the located actors. One whose country has no such centre, or
 * whose centre lies off the map, is listed beside or under the map (listed). The extent is the
 * located actors' box, or, when no actor is located, the box of the countries the map data can
 * place actors in; with margins of 8% (at least one degree).
 */
#ifndef COOPNET_GEO_LAYOUT_H
#define COOPNET_GEO_LAYOUT_H

#include "coopnet/graph.h"
#include "figures/basemap.h"

typedef enum {
    COOPNET_GEO_LOCATED = 0,
    COOPNET_GEO_BY_COUNTRY,
    COOPNET_GEO_LISTED
} coopnet_geo_place_t;

typedef struct coopnet_geo_placement {
    coopnet_geo_place_t *place; /* per vertex of the graph */
    double *lon, *lat;          /* per vertex: its position (by country: the country's centre) */
    size_t counts[3];           /* vertices per coopnet_geo_place_t */
    double lon_min, lon_max, lat_min, lat_max; /* the map's extent, margins included */
    double cos_lat;                            /* of the located extent's middle (at least 0.2) */
    bool map_data_missing;                     /* map was not open: no land, centres from actors */
    const char **countries; /* the countries of the graph's actors, once each (bundle strings) */
    size_t n_countries;
} coopnet_geo_placement_t;

/* The placement of graph's actors, using map (may be closed: no map data). EDATA when nothing
 * can be placed (no actor located and no country the map data knows), with a message that says
 * what to add; ENOMEM. On failure placement is left destroyed. O(V x countries + points of the
 * countries of unlocated actors). */
int coopnet_i_geo_placement_init(coopnet_geo_placement_t *placement, const coopnet_graph_t *graph,
                                 coopnet_basemap_t *map, coopnet_error_t *err);

/* Frees the placement; accepts a zeroed one. */
void coopnet_i_geo_placement_destroy(coopnet_geo_placement_t *placement);

/* The geo layout's padded range [*low, *high] of latitudes (limit 90) or longitudes (limit 180)
 * brought inside [-limit, limit]: a range running over one end is moved back by the overrun,
 * keeping its span, and a span wider than 2 * limit becomes [-limit, limit]. O(1). */
void coopnet_i_geo_clamp_range(double *low, double *high, double limit);

#endif
