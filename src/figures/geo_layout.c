/* SPDX-License-Identifier: GPL-3.0-or-later */
/* geo_layout.c - where the geo layout puts each actor (see geo_layout.h). */
#include "figures/geo_layout.h"
#include "coopnet/text.h"
#include "core/internal.h"

#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#define DEGREE (3.14159265358979323846 / 180)

void coopnet_i_geo_clamp_range(double *low, double *high, double limit)
{
    if (!(*high - *low < 2 * limit)) {
        *low = -limit;
        *high = limit;
        return;
    }
    /* keep the padded span: move it back from the end it runs over */
    if (*high > limit) {
        *low -= *high - limit;
        *high = limit;
    }
    if (*low < -limit) {
        *high += -limit - *low;
        *low = -limit;
    }
}

/* The middle of one country, for its actors without coordinates. */
typedef struct country_anchor {
    bool known;      /* a centre was found */
    double lon, lat; /* the centre */
    double box[4];   /* west, east, south, north: from the map data only */
    bool has_box;
} country_anchor_t;

static const coopnet_actor_t *actor_of(const coopnet_graph_t *graph, size_t v)
{
    return &graph->bundle->actors[VECTOR(graph->actor_of_vertex)[(igraph_integer_t)v]];
}

static bool is_located(const coopnet_actor_t *actor)
{
    return isfinite(actor->lat) && isfinite(actor->lon);
}

static size_t country_index(const coopnet_geo_placement_t *placement, const char *country)
{
    for (size_t c = 0; c < placement->n_countries; c++)
        if (strcmp(placement->countries[c], country) == 0)
            return c;
    return SIZE_MAX;
}

/* The anchors of the countries with actors lacking coordinates: the centroid of the country's
 * mainland in the map data, else the mean position of its located actors. ENOMEM. */
static int find_anchors(const coopnet_geo_placement_t *placement, const coopnet_graph_t *graph,
                        coopnet_basemap_t *map, country_anchor_t *anchors, coopnet_error_t *err)
{
    size_t n = (size_t)igraph_vector_int_size(&graph->actor_of_vertex);
    for (size_t c = 0; c < placement->n_countries; c++) {
        country_anchor_t *anchor = &anchors[c];
        bool needed = false;
        for (size_t v = 0; v < n && !needed; v++)
            needed = !is_located(actor_of(graph, v)) &&
                     strcmp(actor_of(graph, v)->country, placement->countries[c]) == 0;
        if (!needed)
            continue;
        if (map->open) {
            int status = coopnet_i_basemap_country_centre(
                map, placement->countries[c], &anchor->lon, &anchor->lat, anchor->box, NULL);
            if (status == COOPNET_ENOMEM)
                return COOPNET_ERROR(err, COOPNET_ENOMEM, "out of memory");
            anchor->known = anchor->has_box = status == COOPNET_OK;
        }
        if (anchor->known)
            continue;
        double lat_sum = 0, lon_sum = 0;
        size_t count = 0;
        for (size_t v = 0; v < n; v++) {
            const coopnet_actor_t *other = actor_of(graph, v);
            if (is_located(other) && strcmp(other->country, placement->countries[c]) == 0) {
                lat_sum += other->lat;
                lon_sum += other->lon;
                count++;
            }
        }
        if (count > 0) {
            anchor->known = true;
            anchor->lon = lon_sum / (double)count;
            anchor->lat = lat_sum / (double)count;
        }
    }
    return COOPNET_OK;
}

/* The extent: the located actors' box, else the box of the countries with a known outline. */
/* "actors.csv:2 'a', actors.csv:3 'b' and 4 more" for the graph's actors (none of which could
 * be placed), into buffer. */
static void list_unplaced(const coopnet_graph_t *graph, size_t n, char *buffer, size_t size)
{
    size_t used = 0;
    buffer[0] = '\0';
    for (size_t v = 0; v < n && v < 3 && used < size; v++) {
        const coopnet_actor_t *actor = actor_of(graph, v);
        char id[64];
        coopnet_text_copy(id, sizeof id, actor->id);
        if (actor->line > 0)
            used += (size_t)snprintf(buffer + used, size - used, "%sactors.csv:%llu '%s'",
                                     v ? ", " : "", (unsigned long long)actor->line, id);
        else
            used += (size_t)snprintf(buffer + used, size - used, "%s'%s'", v ? ", " : "", id);
    }
    if (n > 3 && used < size)
        snprintf(buffer + used, size - used, " and %zu more", n - 3);
}

static bool find_extent(coopnet_geo_placement_t *placement, const coopnet_graph_t *graph, size_t n,
                        const country_anchor_t *anchors)
{
    placement->lon_min = placement->lat_min = INFINITY;
    placement->lon_max = placement->lat_max = -INFINITY;
    for (size_t v = 0; v < n; v++) {
        const coopnet_actor_t *actor = actor_of(graph, v);
        if (!is_located(actor))
            continue;
        placement->lon_min = fmin(placement->lon_min, actor->lon);
        placement->lon_max = fmax(placement->lon_max, actor->lon);
        placement->lat_min = fmin(placement->lat_min, actor->lat);
        placement->lat_max = fmax(placement->lat_max, actor->lat);
    }
    if (placement->lon_max >= placement->lon_min)
        return true;
    for (size_t c = 0; c < placement->n_countries; c++) {
        if (!anchors[c].has_box)
            continue;
        placement->lon_min = fmin(placement->lon_min, anchors[c].box[0]);
        placement->lon_max = fmax(placement->lon_max, anchors[c].box[1]);
        placement->lat_min = fmin(placement->lat_min, anchors[c].box[2]);
        placement->lat_max = fmax(placement->lat_max, anchors[c].box[3]);
    }
    return placement->lon_max >= placement->lon_min;
}

static bool on_map(const coopnet_geo_placement_t *placement, double lon, double lat)
{
    return lon >= placement->lon_min && lon <= placement->lon_max && lat >= placement->lat_min &&
           lat <= placement->lat_max;
}

/* A country whose centre is off the map but which reaches onto it (a map of one city of it):
 * its anchor moves to the centre brought inside the map's inner 80%, when that point is in the
 * country, so its actors are drawn in the part of it the map shows. ENOMEM. */
static int pull_anchors_onto_map(const coopnet_geo_placement_t *placement, coopnet_basemap_t *map,
                                 country_anchor_t *anchors, coopnet_error_t *err)
{
    double lon_in = 0.1 * (placement->lon_max - placement->lon_min);
    double lat_in = 0.1 * (placement->lat_max - placement->lat_min);
    for (size_t c = 0; c < placement->n_countries; c++) {
        country_anchor_t *anchor = &anchors[c];
        if (!anchor->has_box || on_map(placement, anchor->lon, anchor->lat) ||
            anchor->box[1] < placement->lon_min || anchor->box[0] > placement->lon_max ||
            anchor->box[3] < placement->lat_min || anchor->box[2] > placement->lat_max)
            continue;
        double lon =
            fmin(fmax(anchor->lon, placement->lon_min + lon_in), placement->lon_max - lon_in);
        double lat =
            fmin(fmax(anchor->lat, placement->lat_min + lat_in), placement->lat_max - lat_in);
        bool inside = false;
        int status = coopnet_i_basemap_country_contains(map, placement->countries[c], lon, lat,
                                                        &inside, err);
        if (status == COOPNET_ENOMEM)
            return status;
        if (status == COOPNET_OK && inside) {
            anchor->lon = lon;
            anchor->lat = lat;
        }
    }
    return COOPNET_OK;
}

int coopnet_i_geo_placement_init(coopnet_geo_placement_t *placement, const coopnet_graph_t *graph,
                                 coopnet_basemap_t *map, coopnet_error_t *err)
{
    memset(placement, 0, sizeof *placement);
    const coopnet_bundle_t *bundle = graph->bundle;
    size_t n = (size_t)igraph_vector_int_size(&graph->actor_of_vertex);
    int status = COOPNET_OK;
    placement->map_data_missing = !map->open;
    placement->place = coopnet_i_alloc_array(n + 1, sizeof *placement->place);
    placement->lon = coopnet_i_alloc_array(n + 1, sizeof *placement->lon);
    placement->lat = coopnet_i_alloc_array(n + 1, sizeof *placement->lat);
    placement->countries = coopnet_i_alloc_array(n + 1, sizeof *placement->countries);
    country_anchor_t *anchors = calloc(n + 1, sizeof *anchors);
    if (!placement->place || !placement->lon || !placement->lat || !placement->countries ||
        !anchors) {
        status = COOPNET_ERROR(err, COOPNET_ENOMEM, "out of memory");
        goto cleanup;
    }
    for (size_t v = 0; v < n; v++) {
        const char *country = actor_of(graph, v)->country;
        if (country[0] && country_index(placement, country) == SIZE_MAX)
            placement->countries[placement->n_countries++] = country;
    }
    if ((status = find_anchors(placement, graph, map, anchors, err)) != COOPNET_OK)
        goto cleanup;
    if (!find_extent(placement, graph, n, anchors)) {
        char unplaced[400];
        list_unplaced(graph, n, unplaced, sizeof unplaced);
        status = map->open ? COOPNET_ERROR(err, COOPNET_EDATA,
                                           "the geo layout cannot place any actor of '%s': none "
                                           "has 'lat' and 'lon' or a 'country' code (%s); fill "
                                           "'lat' and 'lon' (decimal degrees) or 'country' (ISO "
                                           "3166-1 alpha-2) in actors.csv (with countries, "
                                           "`coopnet geocode %s` fills 'lat' and 'lon' from the "
                                           "places it finds in its gazetteer), or choose another "
                                           "--layout",
                                           bundle->name, unplaced, bundle->path)
                           : COOPNET_ERROR(err, COOPNET_EIO,
                                           "the geo layout cannot place any actor of '%s': none "
                                           "has 'lat' and 'lon' (%s), and the map data that "
                                           "would place them by country cannot be read ('%s'): "
                                           "install Debian's gmt-dcw or set COOPNET_MAP_DATA "
                                           "(docs/maps.md), or fill 'lat' and 'lon' in "
                                           "actors.csv (`coopnet geocode %s` fills them for "
                                           "the places it finds in its gazetteer)",
                                           bundle->name, unplaced, coopnet_i_basemap_path(),
                                           bundle->path);
        goto cleanup;
    }
    /* the projection's cosine: of the middle of the actors' (or countries') box */
    placement->cos_lat = fmax(0.2, cos((placement->lat_min + placement->lat_max) / 2 * DEGREE));
    double lon_margin = fmax(1.0, 0.08 * (placement->lon_max - placement->lon_min));
    double lat_margin = fmax(1.0, 0.08 * (placement->lat_max - placement->lat_min));
    placement->lon_min -= lon_margin;
    placement->lon_max += lon_margin;
    placement->lat_min -= lat_margin;
    placement->lat_max += lat_margin;
    coopnet_i_geo_clamp_range(&placement->lon_min, &placement->lon_max, 180);
    coopnet_i_geo_clamp_range(&placement->lat_min, &placement->lat_max, 90);
    if ((status = pull_anchors_onto_map(placement, map, anchors, err)) != COOPNET_OK)
        goto cleanup;
    for (size_t v = 0; v < n; v++) {
        const coopnet_actor_t *actor = actor_of(graph, v);
        if (is_located(actor)) {
            placement->place[v] = COOPNET_GEO_LOCATED;
            placement->lon[v] = actor->lon;
            placement->lat[v] = actor->lat;
        } else {
            size_t c = actor->country[0] ? country_index(placement, actor->country) : SIZE_MAX;
            const country_anchor_t *anchor = c != SIZE_MAX ? &anchors[c] : NULL;
            bool shown =
                anchor != NULL && anchor->known && on_map(placement, anchor->lon, anchor->lat);
            placement->place[v] = shown ? COOPNET_GEO_BY_COUNTRY : COOPNET_GEO_LISTED;
            placement->lon[v] = shown ? anchor->lon : NAN;
            placement->lat[v] = shown ? anchor->lat : NAN;
        }
        placement->counts[placement->place[v]]++;
    }
cleanup:
    free(anchors);
    if (status != COOPNET_OK)
        coopnet_i_geo_placement_destroy(placement);
    return status;
}

void coopnet_i_geo_placement_destroy(coopnet_geo_placement_t *placement)
{
    if (placement == NULL)
        return;
    free(placement->place);
    free(placement->lon);
    free(placement->lat);
    free(placement->countries);
    memset(placement, 0, sizeof *placement);
}
