/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test_render.c - network figures and charts: every format opens with the asked size, node
 * colours, legend, nothing off the canvas, labels never overlap, Arabic renders. */
#include "figures/draw.h"
#include "figures/basemap.h"
#include "figures/geo_layout.h"
#include "figures/layout_large.h"
#include "core/internal.h"
#include "figures/raster.h"
#include "analysis/snapshots_internal.h"
#include "testing.h"

#include <coopnet/coopnet.h>

#include <cairo.h>
#include <glib.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static const char *tmp_path(const char *name)
{
    static char buffer[4][512];
    static int next;
    char *path = buffer[next++ % 4];
    snprintf(path, 512, "/tmp/coopnet_test_render_%d_%s", (int)getpid(), name);
    return path;
}

static coopnet_bundle_t *load(const char *name)
{
    char path[1024];
    snprintf(path, sizeof path, "%s/datasets/%s", COOPNET_SOURCE_DIR, name);
    coopnet_diag_list_t diags;
    coopnet_diag_list_init(&diags);
    coopnet_bundle_t *bundle = NULL;
    coopnet_error_t err;
    CHECK_INT(coopnet_bundle_load(path, &diags, &bundle, &err), COOPNET_OK);
    coopnet_diag_list_destroy(&diags);
    return bundle;
}

/* A small fixed graph: a triangle of one city, one governorate and one ministry, plus an
 * international body tied to the ministry by a directed tie. */
static coopnet_bundle_t *small_bundle(void)
{
    static const char actors[] = "id,name,level,type,country,lat,lon,name_ar\n"
                                 "a,Alpha City,local,city,MA,34.0,-6.8,الرباط\n"
                                 "b,Beta Governorate,regional,governorate,MA,35.7,-5.9,\n"
                                 "c,Gamma Ministry,national,ministry,MA,,,وزارة الداخلية\n"
                                 "d,Delta Org,international,org,,,,\n";
    static const char events[] = "id,title,date,type\n"
                                 "e1,First meeting,2023-03-01,meeting\n"
                                 "e2,Second meeting,2024-05-02,workshop\n";
    static const char participation[] = "event,actor,role\n"
                                        "e1,a,host\n"
                                        "e1,b,participant\n"
                                        "e1,c,participant\n"
                                        "e2,a,participant\n"
                                        "e2,b,participant\n";
    static const char ties[] = "from,to,type,start,end,directed,weight\n"
                               "d,c,funding,2023,,true,2\n";
    coopnet_diag_list_t diags;
    coopnet_diag_list_init(&diags);
    coopnet_bundle_t *bundle = NULL;
    coopnet_error_t err;
    int status = coopnet_bundle_load_memory(actors, sizeof actors - 1, events, sizeof events - 1,
                                            participation, sizeof participation - 1, ties,
                                            sizeof ties - 1, &diags, &bundle, &err);
    if (status != COOPNET_OK)
        fprintf(stderr, "small bundle: %s\n", err.message);
    CHECK_INT(status, COOPNET_OK);
    coopnet_diag_list_destroy(&diags);
    return bundle;
}

static void check_labels_disjoint_and_inside(const coopnet_figure_layout_t *layout)
{
    for (size_t i = 0; i < layout->n_labels; i++) {
        const coopnet_figure_label_t *a = &layout->labels[i];
        if (!a->shown)
            continue;
        CHECK(a->x >= 0 && a->y >= 0 && a->x + a->w <= layout->width &&
              a->y + a->h <= layout->height);
        for (size_t j = i + 1; j < layout->n_labels; j++) {
            const coopnet_figure_label_t *b = &layout->labels[j];
            if (!b->shown)
                continue;
            bool overlap = a->x < b->x + b->w && b->x < a->x + a->w && a->y < b->y + b->h &&
                           b->y < a->y + a->h;
            if (overlap)
                fprintf(stderr, "labels overlap: '%s' and '%s'\n", a->text, b->text);
            CHECK(!overlap);
        }
    }
    for (size_t v = 0; v < layout->n_nodes; v++) {
        const coopnet_figure_node_t *node = &layout->nodes[v];
        CHECK(node->x - node->radius >= 0 && node->y - node->radius >= 0 &&
              node->x + node->radius <= layout->width && node->y + node->radius <= layout->height);
    }
}

static void test_png_size_colours_legend(void)
{
    coopnet_bundle_t *bundle = small_bundle();
    if (bundle == NULL)
        return;
    coopnet_render_options_t options;
    coopnet_render_options_init(&options);
    options.figure.width = 800;
    options.figure.height = 600;
    options.figure.dpi = 144; /* 2 px per point */
    const char *path = tmp_path("small.png");
    coopnet_figure_layout_t *layout = NULL;
    coopnet_error_t err;
    CHECK_INT(coopnet_render_network(bundle, &options, path, &layout, &err), COOPNET_OK);
    cairo_surface_t *image = cairo_image_surface_create_from_png(path);
    CHECK_INT(cairo_surface_status(image), CAIRO_STATUS_SUCCESS);
    CHECK_INT(cairo_image_surface_get_width(image), 800);
    CHECK_INT(cairo_image_surface_get_height(image), 600);
    CHECK(layout != NULL);
    if (layout != NULL && cairo_surface_status(image) == CAIRO_STATUS_SUCCESS) {
        CHECK_NEAR(layout->width, 400, 1e-9);
        CHECK_INT(layout->n_nodes, 4);
        CHECK(layout->legend_w > 0 && layout->legend_h > 0);
        cairo_surface_flush(image);
        const unsigned char *data = cairo_image_surface_get_data(image);
        int stride = cairo_image_surface_get_stride(image);
        for (size_t v = 0; v < layout->n_nodes; v++) {
            const coopnet_figure_node_t *node = &layout->nodes[v];
            coopnet_rgb_t expected = coopnet_i_style_level_color(bundle->actors[node->actor].level);
            CHECK_NEAR(node->red, expected.r, 1e-9);
            int px = (int)(node->x * 2), py = (int)(node->y * 2);
            const uint32_t pixel = *(const uint32_t *)(data + py * stride + px * 4);
            double r = ((pixel >> 16) & 0xFF) / 255.0, g = ((pixel >> 8) & 0xFF) / 255.0,
                   b = (pixel & 0xFF) / 255.0;
            CHECK_NEAR(r, expected.r, 0.02);
            CHECK_NEAR(g, expected.g, 0.02);
            CHECK_NEAR(b, expected.b, 0.02);
        }
        /* the legend's first dot (the first level present: local) has the local colour */
        bool found = false;
        coopnet_rgb_t local = coopnet_i_style_level_color(COOPNET_LEVEL_LOCAL);
        for (int y = (int)(layout->legend_y * 2);
             y < (int)((layout->legend_y + layout->legend_h) * 2) && !found; y++) {
            for (int x = (int)(layout->legend_x * 2);
                 x < (int)(layout->legend_x * 2 + 30) && !found; x++) {
                uint32_t pixel = *(const uint32_t *)(data + y * stride + x * 4);
                found = abs((int)((pixel >> 16) & 0xFF) - (int)(local.r * 255)) < 3 &&
                        abs((int)((pixel >> 8) & 0xFF) - (int)(local.g * 255)) < 3 &&
                        abs((int)(pixel & 0xFF) - (int)(local.b * 255)) < 3;
            }
        }
        CHECK(found);
        check_labels_disjoint_and_inside(layout);
        /* white background: the corner pixel is opaque white */
        CHECK_INT(*(const uint32_t *)data, 0xFFFFFFFFu);
    }
    cairo_surface_destroy(image);
    coopnet_figure_layout_free(layout);

    /* transparent background */
    options.figure.transparent = true;
    CHECK_INT(coopnet_render_network(bundle, &options, path, NULL, &err), COOPNET_OK);
    image = cairo_image_surface_create_from_png(path);
    if (cairo_surface_status(image) == CAIRO_STATUS_SUCCESS) {
        cairo_surface_flush(image);
        CHECK_INT(*(const uint32_t *)cairo_image_surface_get_data(image) >> 24, 0);
    }
    cairo_surface_destroy(image);
    unlink(path);
    coopnet_bundle_free(bundle);
}

static void test_every_layout_keeps_labels_apart(void)
{
    coopnet_bundle_t *bundle = load("mena-hub");
    if (bundle == NULL)
        return;
    static const coopnet_layout_kind_t kinds[] = {COOPNET_LAYOUT_FR,     COOPNET_LAYOUT_KK,
                                                  COOPNET_LAYOUT_DRL,    COOPNET_LAYOUT_GEO,
                                                  COOPNET_LAYOUT_CIRCLE, COOPNET_LAYOUT_BIPARTITE};
    const char *path = tmp_path("mena.svg");
    for (size_t k = 0; k < sizeof kinds / sizeof kinds[0]; k++) {
        coopnet_render_options_t options;
        coopnet_render_options_init(&options);
        options.layout = kinds[k];
        coopnet_figure_layout_t *layout = NULL;
        coopnet_error_t err;
        int status = coopnet_render_network(bundle, &options, path, &layout, &err);
        if (status != COOPNET_OK)
            fprintf(stderr, "layout %d: %s\n", (int)kinds[k], err.message);
        CHECK_INT(status, COOPNET_OK);
        if (layout == NULL)
            continue;
        CHECK(layout->n_labels > 0);
        check_labels_disjoint_and_inside(layout);
        if (kinds[k] == COOPNET_LAYOUT_GEO)
            CHECK(layout->n_unplaced > 0); /* international bodies without a country */
        coopnet_figure_layout_free(layout);
    }
    unlink(path);
    coopnet_bundle_free(bundle);
}

static void test_geo_range_clamped(void)
{
    /* padded past a pole: moved back, span kept */
    double low = 70, high = 95;
    coopnet_i_geo_clamp_range(&low, &high, 90);
    CHECK_NEAR(low, 65, 1e-12);
    CHECK_NEAR(high, 90, 1e-12);
    low = -100;
    high = -60;
    coopnet_i_geo_clamp_range(&low, &high, 90);
    CHECK_NEAR(low, -90, 1e-12);
    CHECK_NEAR(high, -50, 1e-12);
    /* wider than the globe: the whole range */
    low = -120;
    high = 130;
    coopnet_i_geo_clamp_range(&low, &high, 90);
    CHECK_NEAR(low, -90, 1e-12);
    CHECK_NEAR(high, 90, 1e-12);
    low = -200;
    high = 10;
    coopnet_i_geo_clamp_range(&low, &high, 180);
    CHECK_NEAR(low, -180, 1e-12);
    CHECK_NEAR(high, 30, 1e-12);
    /* inside: untouched */
    low = 20;
    high = 40;
    coopnet_i_geo_clamp_range(&low, &high, 90);
    CHECK_NEAR(low, 20, 1e-12);
    CHECK_NEAR(high, 40, 1e-12);

    /* a tall figure of two actors near the north pole: the map is padded southwards only, so
     * the northernmost actor sits at the top of the plot, not in its middle */
    static const char actors[] = "id,name,level,type,country,lat,lon\n"
                                 "n,North Station,local,city,NO,88.0,0.0\n"
                                 "s,South Station,local,city,NO,80.0,60.0\n";
    static const char events[] = "id,title,date,type\ne1,Meeting,2023-03-01,meeting\n";
    static const char participation[] = "event,actor,role\ne1,n,host\ne1,s,participant\n";
    static const char ties[] = "from,to,type,start,end,directed,weight\n";
    coopnet_diag_list_t diags;
    coopnet_diag_list_init(&diags);
    coopnet_bundle_t *bundle = NULL;
    coopnet_error_t err;
    CHECK_INT(coopnet_bundle_load_memory(actors, sizeof actors - 1, events, sizeof events - 1,
                                         participation, sizeof participation - 1, ties,
                                         sizeof ties - 1, &diags, &bundle, &err),
              COOPNET_OK);
    coopnet_diag_list_destroy(&diags);
    if (bundle == NULL)
        return;
    coopnet_render_options_t options;
    coopnet_render_options_init(&options);
    options.layout = COOPNET_LAYOUT_GEO;
    options.figure.width = 300;
    options.figure.height = 900;
    coopnet_figure_layout_t *layout = NULL;
    const char *path = tmp_path("polar.svg");
    CHECK_INT(coopnet_render_network(bundle, &options, path, &layout, &err), COOPNET_OK);
    if (layout != NULL) {
        CHECK_INT(layout->n_nodes, 2);
        for (size_t v = 0; v < layout->n_nodes; v++) {
            if (layout->nodes[v].actor != 0)
                continue;
            double relative = (layout->nodes[v].y - layout->plot_y) / layout->plot_h;
            CHECK(relative < 0.2);
        }
        check_labels_disjoint_and_inside(layout);
    }
    coopnet_figure_layout_free(layout);
    unlink(path);
    coopnet_bundle_free(bundle);
}

/* A portrait canvas: the map takes the width; the unlocated actors and the legend go under it. */
/* The colour at (x, y) points of a PNG drawn at dpi, as 0-255 components; false when unreadable. */
static bool png_pixel(const char *path, double x, double y, double dpi, int rgb[3])
{
    cairo_surface_t *surface = cairo_image_surface_create_from_png(path);
    bool ok = cairo_surface_status(surface) == CAIRO_STATUS_SUCCESS;
    int px = (int)(x * dpi / 72), py = (int)(y * dpi / 72);
    if (ok) {
        cairo_surface_flush(surface);
        ok = px >= 0 && py >= 0 && px < cairo_image_surface_get_width(surface) &&
             py < cairo_image_surface_get_height(surface);
    }
    if (ok) {
        const unsigned char *row =
            cairo_image_surface_get_data(surface) + py * cairo_image_surface_get_stride(surface);
        uint32_t pixel = ((const uint32_t *)row)[px]; /* ARGB32, opaque here */
        rgb[0] = (int)(pixel >> 16 & 0xFF);
        rgb[1] = (int)(pixel >> 8 & 0xFF);
        rgb[2] = (int)(pixel & 0xFF);
    }
    cairo_surface_destroy(surface);
    return ok;
}

static bool near_colour(const int rgb[3], int r, int g, int b)
{
    return abs(rgb[0] - r) <= 3 && abs(rgb[1] - g) <= 3 && abs(rgb[2] - b) <= 3;
}

static const coopnet_figure_node_t *node_of_actor(const coopnet_figure_layout_t *layout,
                                                  const coopnet_bundle_t *bundle, const char *id)
{
    long actor = coopnet_bundle_find_actor(bundle, id);
    for (size_t i = 0; i < layout->n_nodes; i++)
        if (layout->nodes[i].actor == actor)
            return &layout->nodes[i];
    return NULL;
}

/* The geo layout draws land and water from the map data (DCW): in the Sahara (23N 5E) the
 * pixel is land, in the western Mediterranean (38.5N 5.5E) water; without the map data both
 * are the plain panel. Positions come from two located actors (equirectangular: linear). */
static void test_geo_draws_land(void)
{
    coopnet_error_t err;
    if (coopnet_render_map_data_check(&err) != COOPNET_OK) {
        fprintf(stderr, "skipped test_geo_draws_land: %s\n", err.message);
        return;
    }
    coopnet_bundle_t *mena = load("mena-hub");
    if (mena == NULL)
        return;
    coopnet_render_options_t options;
    coopnet_render_options_init(&options);
    options.layout = COOPNET_LAYOUT_GEO;
    options.labels = COOPNET_LABELS_NONE;
    options.figure.dpi = 100;
    const int panel[3] = {0xF6, 0xF6, 0xF4};
    for (int with_data = 1; with_data >= 0; with_data--) {
        if (!with_data)
            setenv("COOPNET_MAP_DATA", tmp_path("no-such-map.nc"), 1);
        coopnet_figure_layout_t *layout = NULL;
        CHECK_INT(coopnet_render_network(mena, &options, tmp_path("land.png"), &layout, &err),
                  COOPNET_OK);
        if (layout == NULL)
            break;
        const coopnet_figure_node_t *agadir = node_of_actor(layout, mena, "agadir");
        const coopnet_figure_node_t *halabja = node_of_actor(layout, mena, "halabja");
        CHECK(agadir != NULL && halabja != NULL);
        if (agadir != NULL && halabja != NULL) {
            double per_lon = (halabja->x - agadir->x) / (45.986 - -9.598);
            double per_lat = (halabja->y - agadir->y) / (35.178 - 30.427);
            int land[3], sea[3];
            CHECK(png_pixel(tmp_path("land.png"), agadir->x + (5.0 - -9.598) * per_lon,
                            agadir->y + (23.0 - 30.427) * per_lat, 100, land));
            CHECK(png_pixel(tmp_path("land.png"), agadir->x + (5.5 - -9.598) * per_lon,
                            agadir->y + (38.5 - 30.427) * per_lat, 100, sea));
            if (with_data) {
                CHECK(near_colour(land, 0xFB, 0xFA, 0xF7)); /* coopnet_i_style_land */
                CHECK(near_colour(sea, 0xE3, 0xEA, 0xEF));  /* coopnet_i_style_sea */
            } else {
                CHECK(near_colour(land, panel[0], panel[1], panel[2]));
                CHECK(near_colour(sea, panel[0], panel[1], panel[2]));
            }
        }
        coopnet_figure_layout_free(layout);
    }
    unsetenv("COOPNET_MAP_DATA");
    coopnet_bundle_free(mena);
}

/* The map data read as countries: a centre inside its country, points in and out of a country,
 * a hole (San Marino inside Italy), longitudes past 180 (the United States), a missing file. */
static void test_basemap_countries(void)
{
    coopnet_error_t err;
    coopnet_basemap_t map;
    if (coopnet_i_basemap_open(&map, &err) != COOPNET_OK) {
        fprintf(stderr, "skipped test_basemap_countries: %s\n", err.message);
        return;
    }
    double lon = 0, lat = 0, box[4];
    bool inside = false;
    CHECK_INT(coopnet_i_basemap_country_centre(&map, "TN", &lon, &lat, box, &err), COOPNET_OK);
    CHECK(lon > 8 && lon < 11 && lat > 32 && lat < 36);
    CHECK(box[0] < 8 && box[1] > 11 && box[2] < 31 && box[3] > 37);
    CHECK_INT(coopnet_i_basemap_country_contains(&map, "TN", lon, lat, &inside, &err), COOPNET_OK);
    CHECK(inside);
    CHECK_INT(coopnet_i_basemap_country_contains(&map, "TN", 10.18, 36.81, &inside, &err),
              COOPNET_OK); /* Tunis */
    CHECK(inside);
    CHECK_INT(coopnet_i_basemap_country_contains(&map, "TN", 12.0, 37.5, &inside, &err),
              COOPNET_OK); /* the sea off Cap Bon */
    CHECK(!inside);
    CHECK_INT(coopnet_i_basemap_country_contains(&map, "IT", 12.45, 43.94, &inside, &err),
              COOPNET_OK); /* San Marino: a hole in Italy */
    CHECK(!inside);
    CHECK_INT(coopnet_i_basemap_country_contains(&map, "IT", 12.5, 42.0, &inside, &err),
              COOPNET_OK); /* near Rome */
    CHECK(inside);
    CHECK_INT(coopnet_i_basemap_country_centre(&map, "US", &lon, &lat, box, &err), COOPNET_OK);
    CHECK(lon > -110 && lon < -90 && lat > 33 && lat < 45); /* the contiguous states */
    CHECK_INT(coopnet_i_basemap_country_contains(&map, "US", -98.0, 39.0, &inside, &err),
              COOPNET_OK);
    CHECK(inside);
    CHECK_INT(coopnet_i_basemap_country_centre(&map, "XX", &lon, &lat, NULL, &err), COOPNET_EDATA);
    CHECK_CONTAINS(err.message, "'XX'");
    coopnet_i_basemap_close(&map);
    coopnet_i_basemap_close(&map); /* closing twice is harmless */

    setenv("COOPNET_MAP_DATA", tmp_path("no-such-map.nc"), 1);
    CHECK_INT(coopnet_i_basemap_open(&map, &err), COOPNET_EIO);
    CHECK_CONTAINS(err.message, "no-such-map.nc");
    CHECK_INT(coopnet_render_map_data_check(&err), COOPNET_EIO);
    unsetenv("COOPNET_MAP_DATA");
    coopnet_i_basemap_close(&map);
}

/* Actors without coordinates never cover a located actor, and no label on a map is cut; a bundle
 * without any coordinates is drawn by country (tests/data/tn-jo). */
static void test_geo_unlocated_clear(void)
{
    coopnet_error_t err;
    bool map_data = coopnet_render_map_data_check(&err) == COOPNET_OK;
    char path[1024];
    snprintf(path, sizeof path, "%s/tests/data/tn-jo", COOPNET_SOURCE_DIR);
    coopnet_diag_list_t diags;
    coopnet_diag_list_init(&diags);
    coopnet_bundle_t *tnjo = NULL;
    CHECK_INT(coopnet_bundle_load(path, &diags, &tnjo, &err), COOPNET_OK);
    coopnet_diag_list_destroy(&diags);
    coopnet_bundle_t *bundles[2] = {load("mena-hub"), tnjo};
    coopnet_render_options_t options;
    coopnet_render_options_init(&options);
    options.layout = COOPNET_LAYOUT_GEO;
    for (int b = 0; b < 2; b++) {
        if (bundles[b] == NULL)
            continue;
        coopnet_figure_layout_t *layout = NULL;
        int status =
            coopnet_render_network(bundles[b], &options, tmp_path("clear.svg"), &layout, &err);
        if (b == 1 && !map_data) { /* nothing to place tn-jo by */
            CHECK_INT(status, COOPNET_EDATA);
            CHECK_CONTAINS(err.message, "'lat' and 'lon'");
            continue;
        }
        CHECK_INT(status, COOPNET_OK);
        if (layout == NULL)
            continue;
        size_t located = 0;
        for (size_t i = 0; i < layout->n_nodes; i++) {
            const coopnet_figure_node_t *a = &layout->nodes[i];
            const coopnet_actor_t *actor = &bundles[b]->actors[a->actor];
            located += isfinite(actor->lat) && isfinite(actor->lon);
            if (!a->approximate)
                continue;
            for (size_t j = 0; j < layout->n_nodes; j++) {
                const coopnet_figure_node_t *c = &layout->nodes[j];
                if (j != i)
                    CHECK(hypot(a->x - c->x, a->y - c->y) >= a->radius + c->radius);
            }
        }
        CHECK(b == 0 ? located > 0 : located == 0);
        for (size_t l = 0; l < layout->n_labels; l++)
            CHECK(!layout->labels[l].shortened);
        coopnet_figure_layout_free(layout);
    }
    coopnet_bundle_free(bundles[0]);
    coopnet_bundle_free(bundles[1]);
}

static void test_geo_portrait_puts_legend_under_map(void)
{
    coopnet_bundle_t *bundle = load("mena-hub");
    if (bundle == NULL)
        return;
    coopnet_render_options_t options;
    coopnet_render_options_init(&options);
    options.layout = COOPNET_LAYOUT_GEO;
    options.figure.width = 480;
    options.figure.height = 640;
    coopnet_figure_layout_t *layout = NULL;
    coopnet_error_t err;
    const char *path = tmp_path("portrait.svg");
    CHECK_INT(coopnet_render_network(bundle, &options, path, &layout, &err), COOPNET_OK);
    if (layout != NULL) {
        CHECK(layout->n_unplaced > 0);
        CHECK(layout->legend_w > layout->plot_w * 0.9); /* full width, not a side column */
        for (size_t v = 0; v < layout->n_nodes; v++)
            CHECK(layout->nodes[v].y + layout->nodes[v].radius <= layout->legend_y);
        check_labels_disjoint_and_inside(layout);
    }
    coopnet_figure_layout_free(layout);
    unlink(path);
    coopnet_bundle_free(bundle);
}

/* A list of unlocated actors too long for its room keeps the largest and leaves the others out,
 * neither drawn nor labelled: under a map on a short portrait canvas, and on the right of a
 * short landscape one. On a tall canvas every actor is listed. */
static void test_geo_list_left_out(void)
{
    coopnet_bundle_t *bundle = load("mena-hub");
    if (bundle == NULL)
        return;
    static const double sizes[][2] = {{420, 470}, {640, 260}, {480, 1400}};
    for (size_t c = 0; c < 3; c++) {
        coopnet_render_options_t options;
        coopnet_render_options_init(&options);
        options.layout = COOPNET_LAYOUT_GEO;
        options.figure.width = sizes[c][0];
        options.figure.height = sizes[c][1];
        coopnet_figure_layout_t *layout = NULL;
        coopnet_error_t err;
        const char *path = tmp_path("left-out.svg");
        CHECK_INT(coopnet_render_network(bundle, &options, path, &layout, &err), COOPNET_OK);
        if (layout == NULL)
            continue;
        CHECK(layout->n_unplaced > 5);
        if (c < 2)
            CHECK(layout->n_unlisted > 0 && layout->n_unlisted < layout->n_unplaced);
        else
            CHECK_INT(layout->n_unlisted, 0);
        size_t hidden = 0;
        double smallest_shown = INFINITY, largest_hidden = -INFINITY;
        for (size_t v = 0; v < layout->n_nodes; v++) {
            const coopnet_figure_node_t *node = &layout->nodes[v];
            bool on_map = node->x >= layout->map_x && node->x <= layout->map_x + layout->map_w &&
                          node->y >= layout->map_y && node->y <= layout->map_y + layout->map_h;
            if (!node->approximate || (on_map && node->radius > 0))
                continue; /* located, or placed near its country */
            if (node->radius == 0) {
                hidden++;
                largest_hidden = fmax(largest_hidden, node->value);
            } else {
                smallest_shown = fmin(smallest_shown, node->value);
            }
        }
        CHECK_INT(hidden, layout->n_unlisted);
        if (hidden > 0)
            CHECK(largest_hidden <= smallest_shown); /* the largest are the ones listed */
        for (size_t l = 0; l < layout->n_labels; l++)
            CHECK(!(layout->labels[l].shown && layout->nodes[layout->labels[l].node].radius == 0));
        check_labels_disjoint_and_inside(layout);
        coopnet_figure_layout_free(layout);
        unlink(path);
    }
    coopnet_bundle_free(bundle);
}

static void test_deterministic_for_a_seed(void)
{
    coopnet_bundle_t *bundle = load("mena-hub");
    if (bundle == NULL)
        return;
    coopnet_render_options_t options;
    coopnet_render_options_init(&options);
    options.seed = 7;
    coopnet_figure_layout_t *first = NULL, *second = NULL;
    coopnet_error_t err;
    const char *path = tmp_path("seed.pdf");
    CHECK_INT(coopnet_render_network(bundle, &options, path, &first, &err), COOPNET_OK);
    CHECK_INT(coopnet_render_network(bundle, &options, path, &second, &err), COOPNET_OK);
    if (first && second) {
        CHECK_INT(first->n_nodes, second->n_nodes);
        for (size_t v = 0; v < first->n_nodes && v < second->n_nodes; v++) {
            CHECK_NEAR(first->nodes[v].x, second->nodes[v].x, 1e-9);
            CHECK_NEAR(first->nodes[v].y, second->nodes[v].y, 1e-9);
        }
    }
    coopnet_figure_layout_free(first);
    coopnet_figure_layout_free(second);
    unlink(path);
    coopnet_bundle_free(bundle);
}

/* Draws the network of input into a recording surface; the layout drawn, or NULL on failure. */
static coopnet_figure_layout_t *draw_recorded(const coopnet_network_input_t *input,
                                              const coopnet_render_options_t *options, int expected)
{
    cairo_surface_t *surface = cairo_recording_surface_create(CAIRO_CONTENT_COLOR_ALPHA, NULL);
    cairo_t *cr = cairo_create(surface);
    coopnet_figure_layout_t *layout = calloc(1, sizeof *layout);
    coopnet_error_t err;
    int status =
        coopnet_i_draw_network(cr, (coopnet_rect_t){0, 0, 720, 540}, input, options, layout, &err);
    CHECK_INT(status, expected);
    if (status != COOPNET_OK) {
        coopnet_figure_layout_free(layout);
        layout = NULL;
    }
    cairo_destroy(cr);
    cairo_surface_destroy(surface);
    return layout;
}

/* Sizes given with the graph they were computed on (what the report passes so that betweenness
 * is computed once): the same values give the facade's figure, other values are drawn as given,
 * values of another graph (another as-of date, same vertex count) are refused, not drawn. */
static void test_given_sizes(void)
{
    coopnet_bundle_t *bundle = load("mena-hub");
    if (bundle == NULL)
        return;
    coopnet_error_t err;
    coopnet_render_options_t options;
    coopnet_render_options_init(&options);
    options.size_by = "betweenness";
    options.labels = COOPNET_LABELS_NONE;
    coopnet_graph_t graph, earlier;
    CHECK_INT(coopnet_graph_init_cooperation(&graph, bundle, &options.graph, &err), COOPNET_OK);
    coopnet_graph_options_t earlier_options = options.graph;
    earlier_options.as_of = coopnet_date_from_day(coopnet_date_days_from_civil(2024, 1, 1));
    CHECK_INT(coopnet_graph_init_cooperation(&earlier, bundle, &earlier_options, &err), COOPNET_OK);
    CHECK_INT(igraph_vcount(&earlier.graph), igraph_vcount(&graph.graph));
    igraph_vector_t values, earlier_values;
    igraph_vector_init(&values, 0);
    igraph_vector_init(&earlier_values, 0);
    CHECK_INT(coopnet_centrality_compute(&graph, COOPNET_MEASURE_BETWEENNESS, false, &values, &err),
              COOPNET_OK);
    CHECK_INT(coopnet_centrality_compute(&earlier, COOPNET_MEASURE_BETWEENNESS, false,
                                         &earlier_values, &err),
              COOPNET_OK);
    const char *path = tmp_path("sizes.svg");
    coopnet_figure_layout_t *computed = NULL;
    CHECK_INT(coopnet_render_network(bundle, &options, path, &computed, &err), COOPNET_OK);

    coopnet_network_input_t input = {0};
    input.bundle = bundle;
    input.graph = &graph;
    input.sizes = (coopnet_vertex_values_t){graph.build_id, &values, "betweenness"};
    coopnet_figure_layout_t *given = draw_recorded(&input, &options, COOPNET_OK);
    /* values of the graph as of 2024: same length, another graph: refused */
    input.sizes = (coopnet_vertex_values_t){earlier.build_id, &earlier_values, "betweenness"};
    CHECK(draw_recorded(&input, &options, COOPNET_EINVAL) == NULL);
    input.sizes = (coopnet_vertex_values_t){graph.build_id, &earlier_values, "betweenness"};
    input.sizes.values = &earlier_values;
    igraph_vector_resize(&earlier_values, 3);
    CHECK(draw_recorded(&input, &options, COOPNET_EINVAL) == NULL);
    /* positions of another length: refused */
    igraph_matrix_t positions;
    igraph_matrix_init(&positions, 3, 2);
    input.sizes = (coopnet_vertex_values_t){graph.build_id, &values, "betweenness"};
    input.positions = &positions;
    CHECK(draw_recorded(&input, &options, COOPNET_EINVAL) == NULL);
    input.positions = NULL;
    /* one big actor, everyone else the same: one node at the largest radius */
    for (igraph_integer_t v = 0; v < igraph_vector_size(&values); v++)
        VECTOR(values)[v] = v == 5 ? 100 : 1;
    coopnet_figure_layout_t *other = draw_recorded(&input, &options, COOPNET_OK);
    if (computed && given && other) {
        CHECK_INT(computed->n_nodes, given->n_nodes);
        size_t bigger = 0;
        for (size_t v = 0; v < computed->n_nodes && v < given->n_nodes; v++) {
            CHECK(computed->nodes[v].radius == given->nodes[v].radius);
            CHECK(computed->nodes[v].x == given->nodes[v].x);
            bigger += other->nodes[v].radius > other->nodes[0].radius ||
                      other->nodes[v].radius > other->nodes[1].radius;
        }
        size_t largest = 0;
        for (size_t v = 1; v < other->n_nodes; v++)
            if (other->nodes[v].radius > other->nodes[largest].radius)
                largest = v;
        CHECK(other->nodes[largest].radius > other->nodes[largest == 0 ? 1 : 0].radius);
        CHECK_INT(bigger, 1);
    }
    coopnet_figure_layout_free(computed);
    coopnet_figure_layout_free(given);
    coopnet_figure_layout_free(other);
    igraph_matrix_destroy(&positions);
    igraph_vector_destroy(&values);
    igraph_vector_destroy(&earlier_values);
    coopnet_graph_destroy(&graph);
    coopnet_graph_destroy(&earlier);
    unlink(path);
    coopnet_bundle_free(bundle);
}

static void test_arabic_glyphs(void)
{
    /* every Arabic name of the MENA dataset has a glyph for every character */
    coopnet_bundle_t *bundle = load("mena-hub");
    if (bundle == NULL)
        return;
    size_t checked = 0;
    for (size_t a = 0; a < bundle->n_actors; a++) {
        if (!bundle->actors[a].name_ar[0])
            continue;
        CHECK_INT(
            coopnet_i_style_unknown_glyphs(COOPNET_TEXT_NODE_LABEL, bundle->actors[a].name_ar), 0);
        checked++;
    }
    CHECK(checked > 10);
    /* and the check can fail: a private-use character has no glyph */
    CHECK(coopnet_i_style_unknown_glyphs(COOPNET_TEXT_NODE_LABEL, "\xEE\x80\x80") > 0);
    /* rendering with Arabic labels works and keeps labels apart */
    coopnet_render_options_t options;
    coopnet_render_options_init(&options);
    options.label_field = COOPNET_LABEL_FIELD_NAME_AR;
    coopnet_figure_layout_t *layout = NULL;
    coopnet_error_t err;
    const char *path = tmp_path("arabic.png");
    CHECK_INT(coopnet_render_network(bundle, &options, path, &layout, &err), COOPNET_OK);
    if (layout != NULL) {
        check_labels_disjoint_and_inside(layout);
        bool arabic = false;
        for (size_t i = 0; i < layout->n_labels; i++)
            arabic = arabic || strstr(layout->labels[i].text, "الرباط") != NULL;
        CHECK(arabic);
    }
    coopnet_figure_layout_free(layout);
    unlink(path);
    coopnet_bundle_free(bundle);
}

static void test_labels_top_and_none(void)
{
    coopnet_bundle_t *bundle = load("mena-hub");
    if (bundle == NULL)
        return;
    coopnet_render_options_t options;
    coopnet_render_options_init(&options);
    coopnet_error_t err;
    CHECK_INT(coopnet_label_mode_parse("top:5", &options.labels, &options.label_top, &err),
              COOPNET_OK);
    coopnet_figure_layout_t *layout = NULL;
    const char *path = tmp_path("top.png");
    CHECK_INT(coopnet_render_network(bundle, &options, path, &layout, &err), COOPNET_OK);
    if (layout != NULL)
        CHECK_INT(layout->n_labels, 5);
    coopnet_figure_layout_free(layout);
    options.labels = COOPNET_LABELS_NONE;
    CHECK_INT(coopnet_render_network(bundle, &options, path, &layout, &err), COOPNET_OK);
    if (layout != NULL)
        CHECK_INT(layout->n_labels, 0);
    coopnet_figure_layout_free(layout);
    unlink(path);
    coopnet_bundle_free(bundle);
}

static void test_short_labels(void)
{
    coopnet_bundle_t *bundle = load("mena-hub");
    if (bundle == NULL)
        return;
    char text[256];
    long ampcc = coopnet_bundle_find_actor(bundle, "ampcc");
    long nccve = coopnet_bundle_find_actor(bundle, "nccve");
    CHECK(ampcc >= 0 && nccve >= 0);
    coopnet_i_draw_actor_label(bundle, (size_t)ampcc, COOPNET_LABEL_FIELD_SHORT, text, sizeof text);
    CHECK_STR(text, "AMPCC");
    /* "(Iraq)" is not an acronym: the full name stays */
    coopnet_i_draw_actor_label(bundle, (size_t)nccve, COOPNET_LABEL_FIELD_SHORT, text, sizeof text);
    CHECK_STR(text, bundle->actors[nccve].name);
    coopnet_i_draw_actor_label(bundle, (size_t)ampcc, COOPNET_LABEL_FIELD_ID, text, sizeof text);
    CHECK_STR(text, "ampcc");
    coopnet_bundle_free(bundle);
}

/* What the snapshots chart's probe saw of each panel: its title, links and actors linked. */
typedef struct panel_record {
    size_t n;
    char titles[COOPNET_SNAPSHOT_MAX_PANELS][64];
    double links[COOPNET_SNAPSHOT_MAX_PANELS];
    size_t linked[COOPNET_SNAPSHOT_MAX_PANELS];
} panel_record_t;

static void record_panel(coopnet_chart_kind_t kind, const char *label, const double *values,
                         size_t n_values, const size_t *items, size_t n_items, void *data)
{
    panel_record_t *record = data;
    if (kind != COOPNET_CHART_SNAPSHOTS || n_values != 1 || n_items != 1 ||
        record->n >= COOPNET_SNAPSHOT_MAX_PANELS)
        return;
    snprintf(record->titles[record->n], sizeof record->titles[0], "%s", label);
    record->links[record->n] = values[0];
    record->linked[record->n++] = items[0];
}

/* The report draws the panels of a network too dense to show their links from the yearly
 * degrees and the whole network, keeping no yearly graph (coopnet_i_snapshot_panels_lend_degrees):
 * each panel has the same title, links and actors linked as when drawn from the year's graph,
 * on the MENA bundle and on one cut at a date within a year ("2024 (to 30 Jun)"). */
static void test_snapshot_panels_from_degrees(void)
{
    coopnet_bundle_t *bundle = load("mena-hub");
    if (bundle == NULL)
        return;
    for (int cut = 0; cut < 2; cut++) {
        coopnet_graph_options_t graph_options;
        coopnet_graph_options_init(&graph_options);
        if (cut)
            CHECK_INT(coopnet_date_parse("2024-06-30", &graph_options.as_of, NULL), COOPNET_OK);
        coopnet_error_t err;
        coopnet_graph_t full;
        CHECK_INT(coopnet_graph_init_cooperation(&full, bundle, &graph_options, &err), COOPNET_OK);
        igraph_matrix_t positions;
        igraph_matrix_init(&positions, 0, 2);
        CHECK_INT(coopnet_i_draw_network_positions(&full, COOPNET_LAYOUT_FR, 1, &positions, &err),
                  COOPNET_OK);
        const coopnet_measure_t measure = COOPNET_MEASURE_DEGREE;
        coopnet_snapshots_t snapshots;
        coopnet_graph_t *graphs = NULL;
        CHECK_INT(coopnet_i_snapshots_compute_with_graphs(bundle, &graph_options,
                                                          COOPNET_PERIOD_YEAR, 0, &measure, 1,
                                                          false, NULL, &snapshots, &graphs, &err),
                  COOPNET_OK);
        CHECK(snapshots.n_steps >= 2);
        coopnet_snapshot_panels_t by_graph, by_degree;
        coopnet_i_snapshot_panels_lend(&by_graph, graphs, snapshots.dates, snapshots.n_steps,
                                       graph_options.as_of);
        coopnet_i_snapshot_panels_lend_degrees(&by_degree, &full, snapshots.values, snapshots.dates,
                                               snapshots.n_steps, graph_options.as_of);
        CHECK_INT(by_degree.n_panels, by_graph.n_panels);
        panel_record_t records[2];
        memset(records, 0, sizeof records);
        for (int way = 0; way < 2; way++) {
            cairo_surface_t *image = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, 800, 600);
            cairo_t *cr = cairo_create(image);
            coopnet_chart_options_t chart_options;
            coopnet_chart_options_init(&chart_options);
            coopnet_i_chart_set_probe(record_panel, &records[way]);
            CHECK_INT(coopnet_i_draw_chart_snapshots(
                          cr, (coopnet_rect_t){0, 0, 800, 600}, bundle, &full, &positions,
                          way ? &by_degree : &by_graph, &chart_options, &err),
                      COOPNET_OK);
            coopnet_i_chart_set_probe(NULL, NULL);
            cairo_destroy(cr);
            cairo_surface_destroy(image);
        }
        CHECK_INT(records[1].n, records[0].n);
        CHECK_INT(records[0].n, by_graph.n_panels);
        bool cut_title = false;
        for (size_t p = 0; p < records[0].n && p < records[1].n; p++) {
            CHECK_STR(records[1].titles[p], records[0].titles[p]);
            CHECK_NEAR(records[1].links[p], records[0].links[p], 1e-9);
            CHECK_INT(records[1].linked[p], records[0].linked[p]);
            cut_title = cut_title || strstr(records[0].titles[p], "(to ") != NULL;
        }
        CHECK(records[0].n > 0 && records[0].links[records[0].n - 1] > 0);
        CHECK(cut_title == (cut == 1));
        coopnet_i_snapshot_panels_destroy(&by_graph);
        coopnet_i_snapshot_panels_destroy(&by_degree);
        coopnet_i_snapshot_graphs_free(graphs, snapshots.n_steps);
        coopnet_snapshots_destroy(&snapshots);
        igraph_matrix_destroy(&positions);
        coopnet_graph_destroy(&full);
    }
    coopnet_bundle_free(bundle);
}

static void test_charts(void)
{
    coopnet_bundle_t *bundle = load("mena-hub");
    if (bundle == NULL)
        return;
    static const coopnet_chart_kind_t kinds[] = {
        COOPNET_CHART_RANKING, COOPNET_CHART_NLC_MATRIX, COOPNET_CHART_SNAPSHOTS,
        COOPNET_CHART_PARTICIPATION, COOPNET_CHART_REACH_CURVE};
    const char *path = tmp_path("chart.png");
    for (size_t k = 0; k < sizeof kinds / sizeof kinds[0]; k++) {
        coopnet_chart_options_t options;
        coopnet_chart_options_init(&options);
        options.figure.width = 640;
        options.figure.height = 480;
        coopnet_error_t err;
        int status = coopnet_chart_render(bundle, kinds[k], &options, path, &err);
        if (status != COOPNET_OK)
            fprintf(stderr, "chart %d: %s\n", (int)kinds[k], err.message);
        CHECK_INT(status, COOPNET_OK);
        cairo_surface_t *image = cairo_image_surface_create_from_png(path);
        CHECK_INT(cairo_surface_status(image), CAIRO_STATUS_SUCCESS);
        CHECK_INT(cairo_image_surface_get_width(image), 640);
        CHECK_INT(cairo_image_surface_get_height(image), 480);
        cairo_surface_destroy(image);
    }
    /* reach-curve from two sources, then unknown, filtered-out and too many sources */
    coopnet_error_t err;
    coopnet_chart_options_t reach_options;
    coopnet_chart_options_init(&reach_options);
    const char *two[] = {"saida", "fes"};
    reach_options.sources = two;
    reach_options.n_sources = 2;
    reach_options.period = COOPNET_PERIOD_YEAR;
    CHECK_INT(coopnet_chart_render(bundle, COOPNET_CHART_REACH_CURVE, &reach_options, path, &err),
              COOPNET_OK);
    CHECK(access(path, F_OK) == 0);
    const char *unknown[] = {"saida", "nobody"};
    reach_options.sources = unknown;
    reach_options.n_sources = 2;
    CHECK_INT(coopnet_chart_render(bundle, COOPNET_CHART_REACH_CURVE, &reach_options,
                                   tmp_path("x.png"), &err),
              COOPNET_EINVAL);
    CHECK_CONTAINS(err.message, "'nobody'");
    const char *excluded[] = {"saida"};
    reach_options.sources = excluded;
    reach_options.n_sources = 1;
    reach_options.graph.exclude = excluded;
    reach_options.graph.n_exclude = 1;
    CHECK_INT(coopnet_chart_render(bundle, COOPNET_CHART_REACH_CURVE, &reach_options,
                                   tmp_path("x.png"), &err),
              COOPNET_EINVAL);
    CHECK_CONTAINS(err.message, "'saida'");
    reach_options.graph.n_exclude = 0;
    reach_options.n_sources = COOPNET_CHART_MAX_SOURCES + 1;
    CHECK_INT(coopnet_chart_render(bundle, COOPNET_CHART_REACH_CURVE, &reach_options,
                                   tmp_path("x.png"), &err),
              COOPNET_EINVAL);
    unlink(path);
    coopnet_bundle_free(bundle);
}

/* The NLC matrix's cells are nlc's (coopnet_nlc_compute) for the whole network and a country,
 * international actors counted within a country as nlc counts them. */
static void test_nlc_cells(void)
{
    coopnet_bundle_t *bundle = small_bundle();
    if (bundle == NULL)
        return;
    coopnet_graph_options_t options;
    coopnet_graph_options_init(&options);
    coopnet_graph_t graph = {0};
    coopnet_nlc_t nlc = {0};
    coopnet_error_t err;
    CHECK_INT(coopnet_graph_init_cooperation(&graph, bundle, &options, &err), COOPNET_OK);
    CHECK_INT(coopnet_nlc_compute(&graph, &nlc, &err), COOPNET_OK);
    double matrix[COOPNET_LEVEL_COUNT * COOPNET_LEVEL_COUNT];
    size_t counts[COOPNET_LEVEL_COUNT];
    coopnet_i_chart_nlc_cells(&nlc, NULL, matrix, counts);
    CHECK_INT(counts[COOPNET_LEVEL_LOCAL], 1);
    /* one local and one regional actor, linked: density 1; no local-local pair: NAN */
    CHECK_NEAR(matrix[COOPNET_LEVEL_LOCAL * 4 + COOPNET_LEVEL_REGIONAL], 1.0, 1e-12);
    CHECK_NEAR(matrix[COOPNET_LEVEL_REGIONAL * 4 + COOPNET_LEVEL_LOCAL], 1.0, 1e-12);
    CHECK(isnan(matrix[COOPNET_LEVEL_LOCAL * 4 + COOPNET_LEVEL_LOCAL]));
    CHECK_NEAR(matrix[COOPNET_LEVEL_INTERNATIONAL * 4 + COOPNET_LEVEL_LOCAL], 0.0, 1e-12);
    CHECK_NEAR(matrix[COOPNET_LEVEL_INTERNATIONAL * 4 + COOPNET_LEVEL_NATIONAL], 1.0, 1e-12);
    for (size_t p = 0; p < nlc.n_pairs; p++) {
        const coopnet_nlc_pair_t *pair = &nlc.pairs[p];
        coopnet_i_chart_nlc_cells(&nlc, pair->country, matrix, counts);
        double cell = matrix[pair->level_a * 4 + pair->level_b];
        CHECK(isnan(pair->density) ? isnan(cell) : cell == pair->density);
        CHECK_INT(counts[pair->level_a], pair->n_a);
        CHECK_INT(counts[pair->level_b], pair->n_b);
    }
    /* a country without actors: nothing to show, every cell n/a */
    coopnet_i_chart_nlc_cells(&nlc, "XX", matrix, counts);
    for (int i = 0; i < COOPNET_LEVEL_COUNT * COOPNET_LEVEL_COUNT; i++)
        CHECK(isnan(matrix[i]));
    CHECK_INT(counts[COOPNET_LEVEL_INTERNATIONAL], 0);
    coopnet_nlc_destroy(&nlc);
    coopnet_graph_destroy(&graph);
    coopnet_bundle_free(bundle);
}

static void test_errors(void)
{
    coopnet_bundle_t *bundle = small_bundle();
    if (bundle == NULL)
        return;
    coopnet_render_options_t options;
    coopnet_render_options_init(&options);
    coopnet_error_t err;
    coopnet_figure_layout_t *layout = (coopnet_figure_layout_t *)&err; /* must be reset */
    CHECK_INT(coopnet_render_network(bundle, &options, tmp_path("x.gif"), &layout, &err),
              COOPNET_EINVAL);
    CHECK(layout == NULL);
    CHECK_CONTAINS(err.message, "x.gif");
    options.size_by = "fame";
    CHECK_INT(coopnet_render_network(bundle, &options, tmp_path("x.png"), NULL, &err),
              COOPNET_EINVAL);
    CHECK_CONTAINS(err.message, "'fame'");
    options.size_by = NULL;
    options.color_by = "colour";
    CHECK_INT(coopnet_render_network(bundle, &options, tmp_path("x.png"), NULL, &err),
              COOPNET_EINVAL);
    CHECK_CONTAINS(err.message, "'colour'");
    options.color_by = NULL;
    options.figure.width = 5;
    CHECK_INT(coopnet_render_network(bundle, &options, tmp_path("x.png"), NULL, &err),
              COOPNET_EINVAL);
    options.figure.width = 0;
    CHECK_INT(coopnet_render_network(bundle, &options, "/nonexistent/dir/x.png", NULL, &err),
              COOPNET_EIO);
    CHECK(access(tmp_path("x.png"), F_OK) != 0); /* nothing left behind */
    coopnet_layout_kind_t kind;
    CHECK_INT(coopnet_layout_kind_parse("spring", &kind, &err), COOPNET_EINVAL);
    CHECK_CONTAINS(err.message, "'spring'");
    coopnet_label_mode_t mode;
    size_t top;
    CHECK_INT(coopnet_label_mode_parse("top:0", &mode, &top, &err), COOPNET_EINVAL);
    CHECK_INT(coopnet_label_mode_parse("top:x", &mode, &top, &err), COOPNET_EINVAL);
    coopnet_label_field_t field;
    CHECK_INT(coopnet_label_field_parse("name_de", &field, &err), COOPNET_EINVAL);
    coopnet_chart_kind_t chart;
    CHECK_INT(coopnet_chart_kind_parse("reach-curve", &chart, &err), COOPNET_OK);
    CHECK_INT(chart, COOPNET_CHART_REACH_CURVE);
    CHECK_INT(coopnet_chart_kind_parse("pie", &chart, &err), COOPNET_EINVAL);
    CHECK_CONTAINS(err.message, "'pie'");
    coopnet_bundle_free(bundle);

    /* a bundle with no coordinates cannot be drawn on a map, nor with no dates on a timeline */
    coopnet_bundle_t *women = load("davis-southern-women");
    if (women == NULL)
        return;
    options.layout = COOPNET_LAYOUT_GEO;
    setenv("COOPNET_MAP_DATA", tmp_path("no-such-map.nc"), 1); /* else placed by country (US) */
    /* the map data missing: EIO (the environment), saying what to install (issue 18) */
    CHECK_INT(coopnet_render_network(women, &options, tmp_path("x.png"), NULL, &err), COOPNET_EIO);
    CHECK_CONTAINS(err.message, "'lat' and 'lon'");
    CHECK_CONTAINS(err.message, "gmt-dcw");
    unsetenv("COOPNET_MAP_DATA");
    options.layout = COOPNET_LAYOUT_TIMELINE;
    CHECK_INT(coopnet_render_network(women, &options, tmp_path("x.png"), NULL, &err),
              COOPNET_EDATA);
    coopnet_chart_options_t chart_options;
    coopnet_chart_options_init(&chart_options);
    CHECK_INT(coopnet_chart_render(women, COOPNET_CHART_PARTICIPATION, &chart_options,
                                   tmp_path("x.png"), &err),
              COOPNET_EDATA);
    CHECK_INT(coopnet_chart_render(women, COOPNET_CHART_SNAPSHOTS, &chart_options,
                                   tmp_path("x.png"), &err),
              COOPNET_EDATA);
    CHECK_INT(coopnet_chart_render(women, COOPNET_CHART_REACH_CURVE, &chart_options,
                                   tmp_path("x.png"), &err),
              COOPNET_EDATA);
    CHECK(access(tmp_path("x.png"), F_OK) != 0);
    coopnet_bundle_free(women);
}

/* A generated graph above every "large" threshold (Barnes-Hut layout, batched edges, crowded
 * nodes, --label auto, the label grid): deterministic, on the canvas, labels apart, at most the
 * automatic top count labelled, and explicit "all" still tries every node. */
/* Writes a generated bundle of the given size into tmp_path(name) (its path into directory) and
 * loads it; NULL (a failed check) when it cannot. */
static coopnet_bundle_t *load_generated(const char *name, size_t n_actors, size_t n_events,
                                        double mean_size, char *directory, size_t size)
{
    snprintf(directory, size, "%s", tmp_path(name));
    coopnet_generate_options_t generate;
    coopnet_generate_options_init(&generate);
    generate.n_actors = n_actors;
    generate.n_events = n_events;
    generate.mean_size = mean_size;
    coopnet_error_t err;
    CHECK_INT(coopnet_generate_write(directory, &generate, NULL, &err), COOPNET_OK);
    coopnet_diag_list_t diags;
    coopnet_diag_list_init(&diags);
    coopnet_bundle_t *bundle = NULL;
    CHECK_INT(coopnet_bundle_load(directory, &diags, &bundle, &err), COOPNET_OK);
    coopnet_diag_list_destroy(&diags);
    return bundle;
}

/* Removes what load_generated wrote, and frees bundle. */
static void remove_generated(const char *directory, coopnet_bundle_t *bundle)
{
    const char *files[] = {"actors.csv", "events.csv", "participation.csv", "ties.csv"};
    for (size_t i = 0; i < 4; i++) {
        char file[1024];
        snprintf(file, sizeof file, "%s/%s", directory, files[i]);
        unlink(file);
    }
    rmdir(directory);
    coopnet_bundle_free(bundle);
}

static void test_large_graph(void)
{
    char directory[512];
    coopnet_bundle_t *bundle = load_generated("large", 800, 600, 4, directory, sizeof directory);
    coopnet_error_t err;
    if (bundle == NULL)
        return;
    coopnet_render_options_t options;
    coopnet_render_options_init(&options);
    CHECK_INT(options.labels, COOPNET_LABELS_AUTO);
    coopnet_figure_layout_t *first = NULL, *second = NULL;
    const char *path = tmp_path("large.png");
    CHECK_INT(coopnet_render_network(bundle, &options, path, &first, &err), COOPNET_OK);
    CHECK_INT(coopnet_render_network(bundle, &options, path, &second, &err), COOPNET_OK);
    if (first != NULL && second != NULL) {
        CHECK_INT(first->n_nodes, 800);
        CHECK(first->n_labels > 0 && first->n_labels <= COOPNET_LABELS_AUTO_TOP);
        check_labels_disjoint_and_inside(first);
        double smallest = 1e9;
        for (size_t v = 0; v < first->n_nodes && v < second->n_nodes; v++) {
            CHECK(isfinite(first->nodes[v].x) && isfinite(first->nodes[v].y));
            CHECK_NEAR(first->nodes[v].x, second->nodes[v].x, 1e-9);
            CHECK_NEAR(first->nodes[v].y, second->nodes[v].y, 1e-9);
            smallest = fmin(smallest, first->nodes[v].radius);
        }
        /* crowded: the nodes are smaller than on a small graph */
        CHECK(smallest < 3.0);
    }
    coopnet_figure_layout_free(first);
    coopnet_figure_layout_free(second);
    CHECK_INT(coopnet_label_mode_parse("all", &options.labels, &options.label_top, &err),
              COOPNET_OK);
    CHECK_INT(coopnet_render_network(bundle, &options, path, &first, &err), COOPNET_OK);
    if (first != NULL) {
        CHECK_INT(first->n_labels, 800);
        check_labels_disjoint_and_inside(first);
    }
    coopnet_figure_layout_free(first);
    unlink(path);
    remove_generated(directory, bundle);
}

/* The large-graph layout gives the same positions, to the bit, on one thread as on four (its
 * passes split the work in fixed parts), and moves every node off its random start. */
static void test_large_layout_independent_of_threads(void)
{
    igraph_t graph;
    igraph_vector_t weights;
    igraph_matrix_t one, four;
    igraph_rng_seed(igraph_rng_default(), 7);
    /* 3 000 nodes, 20 000 links of varied weights: above the layout's thresholds for parts */
    CHECK_INT(igraph_erdos_renyi_game_gnm(&graph, 3000, 20000, IGRAPH_UNDIRECTED, IGRAPH_NO_LOOPS),
              IGRAPH_SUCCESS);
    igraph_vector_init(&weights, igraph_ecount(&graph));
    for (igraph_integer_t e = 0; e < igraph_ecount(&graph); e++)
        VECTOR(weights)[e] = 1 + (double)(e % 7);
    igraph_matrix_init(&one, 0, 0);
    igraph_matrix_init(&four, 0, 0);
    coopnet_error_t err;
    coopnet_i_threads_set_limit(1);
    igraph_rng_seed(igraph_rng_default(), 11);
    CHECK_INT(coopnet_i_layout_large(&graph, &weights, 40, &one, &err), COOPNET_OK);
    coopnet_i_threads_set_limit(4);
    igraph_rng_seed(igraph_rng_default(), 11);
    CHECK_INT(coopnet_i_layout_large(&graph, &weights, 40, &four, &err), COOPNET_OK);
    coopnet_i_threads_set_limit(0);
    CHECK_INT(igraph_matrix_nrow(&one), 3000);
    CHECK_INT(igraph_matrix_nrow(&four), 3000);
    size_t differ = 0, unfinite = 0;
    for (igraph_integer_t v = 0; v < 3000 && igraph_matrix_nrow(&four) == 3000; v++)
        for (int c = 0; c < 2; c++) {
            differ += MATRIX(one, v, c) != MATRIX(four, v, c);
            unfinite += !isfinite(MATRIX(one, v, c));
        }
    CHECK_INT(differ, 0);
    CHECK_INT(unfinite, 0);
    /* a layout, not a blur: linked nodes end nearer each other than nodes at random */
    double linked = 0, random_pairs = 0;
    for (igraph_integer_t e = 0; e < igraph_ecount(&graph); e++) {
        igraph_integer_t a = IGRAPH_FROM(&graph, e), b = IGRAPH_TO(&graph, e);
        igraph_integer_t c = (a * 7919 + 13) % 3000;
        linked +=
            hypot(MATRIX(one, a, 0) - MATRIX(one, b, 0), MATRIX(one, a, 1) - MATRIX(one, b, 1));
        random_pairs +=
            hypot(MATRIX(one, a, 0) - MATRIX(one, c, 0), MATRIX(one, a, 1) - MATRIX(one, c, 1));
    }
    CHECK(linked < random_pairs);
    igraph_matrix_destroy(&one);
    igraph_matrix_destroy(&four);
    igraph_vector_destroy(&weights);
    igraph_destroy(&graph);
}

/* How far two PNGs of one size are apart: the mean absolute difference of the colour
 * components (0-255) and the share of pixels where some component differs by more than 64. */
static bool png_difference(const char *a_path, const char *b_path, double *mean, double *far_share)
{
    cairo_surface_t *a = cairo_image_surface_create_from_png(a_path);
    cairo_surface_t *b = cairo_image_surface_create_from_png(b_path);
    bool ok = cairo_surface_status(a) == CAIRO_STATUS_SUCCESS &&
              cairo_surface_status(b) == CAIRO_STATUS_SUCCESS &&
              cairo_image_surface_get_width(a) == cairo_image_surface_get_width(b) &&
              cairo_image_surface_get_height(a) == cairo_image_surface_get_height(b);
    if (ok) {
        int width = cairo_image_surface_get_width(a), height = cairo_image_surface_get_height(a);
        double sum = 0;
        size_t far = 0;
        for (int y = 0; y < height; y++) {
            const uint32_t *ra =
                (const uint32_t *)(const void *)(cairo_image_surface_get_data(a) +
                                                 y * cairo_image_surface_get_stride(a));
            const uint32_t *rb =
                (const uint32_t *)(const void *)(cairo_image_surface_get_data(b) +
                                                 y * cairo_image_surface_get_stride(b));
            for (int x = 0; x < width; x++) {
                int worst = 0;
                for (int shift = 0; shift <= 16; shift += 8) {
                    int d = abs((int)(ra[x] >> shift & 0xFF) - (int)(rb[x] >> shift & 0xFF));
                    sum += d;
                    worst = d > worst ? d : worst;
                }
                far += worst > 64;
            }
        }
        *mean = sum / (3.0 * width * height);
        *far_share = (double)far / ((double)width * height);
    }
    cairo_surface_destroy(a);
    cairo_surface_destroy(b);
    return ok;
}

/* Lines and discs painted by coopnet (raster.h) look like cairo's: under a scale and offset and
 * a clip, a line's coverage sums to its area, crossings in one batch do not darken, nothing
 * lands outside the clip. */
static void test_raster_primitives(void)
{
    coopnet_rgb_t black = {0, 0, 0}, red = {0.8, 0.1, 0.1}, white = {1, 1, 1};
    cairo_surface_t *images[2];
    for (int painted = 0; painted < 2; painted++) {
        images[painted] = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, 200, 120);
        cairo_t *cr = cairo_create(images[painted]);
        cairo_set_source_rgb(cr, 1, 1, 1);
        cairo_paint(cr);
        cairo_translate(cr, 10, 5);
        cairo_scale(cr, 2, 2);
        cairo_rectangle(cr, 0, 0, 80, 50);
        cairo_clip(cr);
        coopnet_i_raster_set_enabled(painted == 1);
        coopnet_raster_t raster;
        bool began = coopnet_i_raster_begin(&raster, cr);
        CHECK(began == (painted == 1));
        double lines[][4] = {{5, 5, 75, 40}, {5, 40, 75, 5}, {40, -20, 42, 90}, {10, 25, 70, 26}};
        if (began) {
            for (size_t i = 0; i < 4; i++)
                coopnet_i_raster_line(&raster, lines[i][0], lines[i][1], lines[i][2], lines[i][3],
                                      1.5, black, 0.5);
            coopnet_i_raster_disc(&raster, 60, 30, 6, red, 1.0, white);
            coopnet_i_raster_end(&raster);
        } else {
            cairo_set_line_cap(cr, CAIRO_LINE_CAP_ROUND);
            cairo_set_line_width(cr, 1.5);
            for (size_t i = 0; i < 4; i++) {
                cairo_move_to(cr, lines[i][0], lines[i][1]);
                cairo_line_to(cr, lines[i][2], lines[i][3]);
            }
            cairo_set_source_rgba(cr, 0, 0, 0, 0.5);
            cairo_stroke(cr);
            cairo_arc(cr, 60, 30, 6, 0, 2 * M_PI);
            cairo_set_source_rgb(cr, 0.8, 0.1, 0.1);
            cairo_fill_preserve(cr);
            cairo_set_source_rgb(cr, 1, 1, 1);
            cairo_set_line_width(cr, 1.0);
            cairo_stroke(cr);
        }
        cairo_destroy(cr);
        cairo_surface_flush(images[painted]);
    }
    coopnet_i_raster_set_enabled(true);
    double sum = 0, ink[2] = {0, 0};
    int worst = 0;
    bool outside_clean = true;
    for (int y = 0; y < 120; y++) {
        for (int x = 0; x < 200; x++) {
            uint32_t pa = ((
                const uint32_t *)(const void *)(cairo_image_surface_get_data(images[0]) +
                                                y * cairo_image_surface_get_stride(images[0])))[x];
            uint32_t pb = ((
                const uint32_t *)(const void *)(cairo_image_surface_get_data(images[1]) +
                                                y * cairo_image_surface_get_stride(images[1])))[x];
            for (int shift = 0; shift <= 16; shift += 8) {
                int ca = (int)(pa >> shift & 0xFF), cb = (int)(pb >> shift & 0xFF);
                sum += abs(ca - cb);
                worst = abs(ca - cb) > worst ? abs(ca - cb) : worst;
                ink[0] += 255 - ca;
                ink[1] += 255 - cb;
            }
            bool inside = x >= 10 && x < 170 && y >= 5 && y < 105;
            if (!inside && pb != 0xFFFFFFFFu)
                outside_clean = false;
        }
    }
    CHECK(outside_clean);
    /* the same ink within 5 %, and no pixel far off (anti-aliasing differs by a little) */
    CHECK(ink[1] > 0 && fabs(ink[1] - ink[0]) / ink[0] < 0.05);
    CHECK(sum / (3.0 * 200 * 120) < 2.0);
    CHECK(worst < 100);
    cairo_surface_destroy(images[0]);
    cairo_surface_destroy(images[1]);
}

/* Many lines painted over the cores in bands (coopnet_i_raster_lines) give the image that
 * painting them one by one gives, byte for byte: every pixel sees its lines in the same order,
 * batches included; long, short, steep and flat lines, some leaving the clip. In three
 * settings: widths mixed line by line on white (the bands' settled tiles are counted again and
 * again, then given up); one width, dense enough that most tiles settle, on white; thin lines
 * then thick ones (the tiles counted again once) into a transparent image. */
static void test_raster_bands_match_one_by_one(void)
{
    enum { N_LINES = 40000 };
    coopnet_raster_segment_t *lines = malloc(N_LINES * sizeof *lines);
    CHECK(lines != NULL);
    for (int setting = 0; setting < 3; setting++) {
        GRand *random = g_rand_new_with_seed(11);
        for (size_t i = 0; i < N_LINES; i++) {
            double x = g_rand_double_range(random, -20, 420);
            double y = g_rand_double_range(random, -20, 320);
            double reach = i % 7 == 0 ? 400 : 40;
            double width = setting == 0   ? (i % 3 == 0 ? 0.4 : 1.2)
                           : setting == 1 ? 1.2
                                          : (i < N_LINES / 2 ? 0.4 : 1.5);
            lines[i] = (coopnet_raster_segment_t){x,
                                                  y,
                                                  x + g_rand_double_range(random, -reach, reach),
                                                  y + g_rand_double_range(random, -reach, reach),
                                                  width,
                                                  i % 512 == 0};
        }
        g_rand_free(random);
        coopnet_rgb_t ink = {0.2, 0.3, 0.5};
        double alpha = setting == 0 ? 0.3 : 0.5;
        /* one by one; all in one call, in bands; in parts cut inside batches (as the network
         * figure paints gathered lines, part after part) */
        cairo_surface_t *images[3];
        for (int banded = 0; banded < 3; banded++) {
            images[banded] = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, 400, 300);
            cairo_t *cr = cairo_create(images[banded]);
            if (setting < 2) {
                cairo_set_source_rgb(cr, 1, 1, 1);
                cairo_paint(cr);
            }
            cairo_rectangle(cr, 5, 7, 380, 280);
            cairo_clip(cr);
            coopnet_raster_t raster;
            CHECK(coopnet_i_raster_begin(&raster, cr));
            if (banded == 1) {
                coopnet_i_raster_lines(&raster, lines, N_LINES, ink, alpha);
            } else if (banded == 2) {
                /* a first part painted in bands, the rest on one thread */
                for (size_t at = 0, part = 21111; at < N_LINES; at += part, part = N_LINES)
                    coopnet_i_raster_lines(&raster, lines + at,
                                           at + part < N_LINES ? part : N_LINES - at, ink, alpha);
            } else {
                for (size_t i = 0; i < N_LINES; i++) {
                    if (lines[i].new_batch)
                        coopnet_i_raster_next_batch(&raster);
                    coopnet_i_raster_line(&raster, lines[i].x0, lines[i].y0, lines[i].x1,
                                          lines[i].y1, lines[i].width, ink, alpha);
                }
            }
            coopnet_i_raster_end(&raster);
            cairo_destroy(cr);
            cairo_surface_flush(images[banded]);
        }
        const unsigned char *a = cairo_image_surface_get_data(images[0]);
        size_t bytes = (size_t)cairo_image_surface_get_stride(images[0]) * 300;
        for (int banded = 1; banded < 3; banded++) {
            const unsigned char *b = cairo_image_surface_get_data(images[banded]);
            size_t differ = 0, inked = 0;
            for (size_t i = 0; i < bytes; i++) {
                differ += a[i] != b[i];
                inked += a[i] != (setting < 2 ? 0xFF : 0);
            }
            if (differ != 0)
                printf("  setting %d, mode %d: %zu bytes differ\n", setting, banded, differ);
            CHECK_INT(differ, 0);
            CHECK(inked > 0);
        }
        for (int banded = 0; banded < 3; banded++)
            cairo_surface_destroy(images[banded]);
    }
    free(lines);
}

/* A dense network (over COOPNET_RASTER_MIN_NODES actors, thousands of links) drawn to PNG by
 * coopnet's painter and by cairo alone: the two images agree. */
static void test_raster_network_matches_cairo(void)
{
    char directory[512];
    coopnet_bundle_t *bundle = load_generated("dense", COOPNET_RASTER_MIN_NODES + 500, 1500, 4,
                                              directory, sizeof directory);
    coopnet_error_t err;
    if (bundle == NULL)
        return;
    coopnet_render_options_t options;
    coopnet_render_options_init(&options);
    options.labels = COOPNET_LABELS_NONE;
    char painted_path[600], cairo_path[600];
    snprintf(painted_path, sizeof painted_path, "%s", tmp_path("dense-painted.png"));
    snprintf(cairo_path, sizeof cairo_path, "%s", tmp_path("dense-cairo.png"));
    CHECK_INT(coopnet_render_network(bundle, &options, painted_path, NULL, &err), COOPNET_OK);
    coopnet_i_raster_set_enabled(false);
    CHECK_INT(coopnet_render_network(bundle, &options, cairo_path, NULL, &err), COOPNET_OK);
    coopnet_i_raster_set_enabled(true);
    double mean = 0, far_share = 1;
    CHECK(png_difference(painted_path, cairo_path, &mean, &far_share));
    printf("  dense network: mean difference %.2f / 255, %.3f %% of pixels far apart\n", mean,
           100 * far_share);
    CHECK(mean < 1.5);
    CHECK(far_share < 0.01);
    unlink(painted_path);
    unlink(cairo_path);
    remove_generated(directory, bundle);
}

/* A network of over 65 536 links and few weights has its links sorted by radix: the image is
 * the same, byte for byte, as with qsort. */
static void test_links_radix_sort_matches_qsort(void)
{
    char directory[512];
    coopnet_bundle_t *bundle = load_generated("radix", 3000, 700, 20, directory, sizeof directory);
    coopnet_error_t err;
    if (bundle == NULL)
        return;
    coopnet_render_options_t options;
    coopnet_render_options_init(&options);
    options.labels = COOPNET_LABELS_NONE;
    char counted_path[600], sorted_path[600];
    snprintf(counted_path, sizeof counted_path, "%s", tmp_path("radix-sorted.png"));
    snprintf(sorted_path, sizeof sorted_path, "%s", tmp_path("radix-qsort.png"));
    size_t before = coopnet_i_draw_set_radix_sort(true);
    CHECK_INT(coopnet_render_network(bundle, &options, counted_path, NULL, &err), COOPNET_OK);
    size_t counted = coopnet_i_draw_set_radix_sort(false);
    CHECK_INT(counted, before + 1); /* (the path under test was taken) */
    CHECK_INT(coopnet_render_network(bundle, &options, sorted_path, NULL, &err), COOPNET_OK);
    CHECK_INT(coopnet_i_draw_set_radix_sort(true), counted);
    double mean = 1, far_share = 1;
    CHECK(png_difference(counted_path, sorted_path, &mean, &far_share));
    CHECK(mean == 0);
    unlink(counted_path);
    unlink(sorted_path);
    remove_generated(directory, bundle);
}

/* Ink (pixels not white) of the network of input drawn as a panel into a white image. */
static size_t panel_ink(const coopnet_network_input_t *input,
                        const coopnet_render_options_t *options)
{
    cairo_surface_t *surface = cairo_image_surface_create(CAIRO_FORMAT_RGB24, 600, 400);
    cairo_t *cr = cairo_create(surface);
    cairo_set_source_rgb(cr, 1, 1, 1);
    cairo_paint(cr);
    coopnet_error_t err;
    CHECK_INT(
        coopnet_i_draw_network(cr, (coopnet_rect_t){0, 0, 600, 400}, input, options, NULL, &err),
        COOPNET_OK);
    cairo_surface_flush(surface);
    size_t ink = 0;
    const unsigned char *data = cairo_image_surface_get_data(surface);
    int stride = cairo_image_surface_get_stride(surface);
    for (int y = 0; y < 400; y++)
        for (int x = 0; x < 600; x++)
            ink += (*(const uint32_t *)(const void *)(data + y * stride + 4 * x) & 0xffffff) !=
                   0xffffff;
    cairo_destroy(cr);
    cairo_surface_destroy(surface);
    return ink;
}

/* A panel with hide_links draws the actors only, and a ringed vertex adds its ring; the
 * threshold for hiding is the documented number of links. */
static void test_panel_hides_links_and_rings(void)
{
    coopnet_bundle_t *bundle = load("mena-hub");
    if (bundle == NULL)
        return;
    coopnet_graph_options_t graph_options;
    coopnet_graph_options_init(&graph_options);
    coopnet_graph_t graph = {0};
    coopnet_error_t err;
    CHECK_INT(coopnet_graph_init_cooperation(&graph, bundle, &graph_options, &err), COOPNET_OK);
    CHECK(!coopnet_i_draw_panel_hides_links(&graph)); /* 333 links */
    coopnet_render_options_t options;
    coopnet_render_options_init(&options);
    options.labels = COOPNET_LABELS_NONE;
    options.size_by = "none";
    options.seed = 1;
    options.graph = graph.options;
    coopnet_network_input_t input = {0};
    input.bundle = bundle;
    input.graph = &graph;
    input.panel = true;
    size_t with_links = panel_ink(&input, &options);
    input.hide_links = true;
    size_t actors_only = panel_ink(&input, &options);
    igraph_integer_t hub = VECTOR(graph.vertex_of_actor)[coopnet_bundle_find_actor(bundle, "scn")];
    input.ringed = &hub;
    size_t ringed = panel_ink(&input, &options);
    printf("  panel ink: %zu with links, %zu actors only, %zu with a ring\n", with_links,
           actors_only, ringed);
    CHECK(actors_only > 0);
    CHECK(actors_only < with_links * 0.8); /* 333 links are a good part of the ink */
    CHECK(ringed > actors_only);           /* the ring's pixels */
    CHECK(ringed < actors_only + 600);     /* one ring, not more */
    coopnet_graph_destroy(&graph);
    coopnet_bundle_free(bundle);
}

int main(void)
{
    coopnet_library_init();
    TEST_RUN(test_panel_hides_links_and_rings);
    TEST_RUN(test_png_size_colours_legend);
    TEST_RUN(test_every_layout_keeps_labels_apart);
    TEST_RUN(test_geo_range_clamped);
    TEST_RUN(test_geo_portrait_puts_legend_under_map);
    TEST_RUN(test_geo_list_left_out);
    TEST_RUN(test_basemap_countries);
    TEST_RUN(test_geo_draws_land);
    TEST_RUN(test_geo_unlocated_clear);
    TEST_RUN(test_deterministic_for_a_seed);
    TEST_RUN(test_given_sizes);
    TEST_RUN(test_arabic_glyphs);
    TEST_RUN(test_labels_top_and_none);
    TEST_RUN(test_short_labels);
    TEST_RUN(test_charts);
    TEST_RUN(test_snapshot_panels_from_degrees);
    TEST_RUN(test_nlc_cells);
    TEST_RUN(test_errors);
    TEST_RUN(test_large_graph);
    TEST_RUN(test_large_layout_independent_of_threads);
    TEST_RUN(test_links_radix_sort_matches_qsort);
    TEST_RUN(test_raster_primitives);
    TEST_RUN(test_raster_bands_match_one_by_one);
    TEST_RUN(test_raster_network_matches_cairo);
    return TEST_DONE();
}
