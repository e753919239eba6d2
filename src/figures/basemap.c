/* SPDX-License-Identifier: GPL-3.0-or-later */
/* basemap.c - land and borders under the geo layout from DCW-GMT (see basemap.h). */
#include "figures/basemap.h"
#include "core/internal.h"

#include <ctype.h>
#include <dlfcn.h>
#include <math.h>
#include <netcdf.h>
#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define RING_MARKER 65535U /* a raw longitude that starts a ring */
#define RING_HOLE 1U       /* the raw latitude beside a marker that starts a hole */
#define CLIP_SLACK 2.0     /* pt beyond the map that vertices are kept in full */
#define DEGREE (3.14159265358979323846 / 180)
#define CHUNK_CACHE_BYTES (1 << 16)
#define CHUNK_CACHE_SLOTS 7

const char *coopnet_i_basemap_path(void)
{
    const char *path = getenv("COOPNET_MAP_DATA");
    return path != NULL && path[0] != '\0' ? path : COOPNET_BASEMAP_DEFAULT_PATH;
}

/* The data file stays open for the process once opened: opening it reads the header of its
 * 1 046 variables (0.1 s), and a report opens the map six times (the counts, the figure and the
 * passes that measure its note). One file at a time; maps open at once share it (netCDF is used
 * from one thread). Left open at exit, as the file it is. */
static struct {
    bool open;
    int ncid;
    char path[512];
    int users;
} shared_file;
static pthread_mutex_t shared_file_lock = PTHREAD_MUTEX_INITIALIZER;

/* libnetcdf is loaded when a map is first opened, not at start-up: it and the libraries it
 * needs (HDF5, curl, GnuTLS, Kerberos: 30 in all on Debian 12) cost every run of coopnet 8 ms
 * to map and relocate, a validate of 100 000 actors 3 %, while only the geo layout reads a
 * map. COOPNET_NETCDF_SONAME (the build finds it) names the library; the functions used are
 * those of netcdf.h. */
#define NETCDF_FUNCTIONS(X)                                                                        \
    X(get_chunk_cache)                                                                             \
    X(set_chunk_cache)                                                                             \
    X(open)                                                                                        \
    X(strerror)                                                                                    \
    X(inq_varid)                                                                                   \
    X(close)                                                                                       \
    X(inq_varndims)                                                                                \
    X(inq_vardimid)                                                                                \
    X(inq_dimlen)                                                                                  \
    X(get_att_double)                                                                              \
    X(get_var_ushort)                                                                              \
    X(inq_nvars)                                                                                   \
    X(inq_varname)
/* netcdf.name points to nc_name, of the type netcdf.h declares (typeof: the name is not linked) */
#define NETCDF_MEMBER(name) __typeof__(&nc_##name) name;
static struct {
    NETCDF_FUNCTIONS(NETCDF_MEMBER)
} netcdf;
static pthread_once_t netcdf_once = PTHREAD_ONCE_INIT;
static char netcdf_problem[256]; /* why the library could not be loaded ("" when it was) */

/* The address of symbol name in library into *slot (a function pointer): false when missing.
 * (POSIX: a dlsym result converts to a function pointer; copied, as ISO C does not say so.) */
static bool netcdf_symbol(void *library, const char *name, void *slot)
{
    void *address = dlsym(library, name);
    if (address == NULL) {
        snprintf(netcdf_problem, sizeof netcdf_problem, "%s has no %s", COOPNET_NETCDF_SONAME,
                 name);
        return false;
    }
    memcpy(slot, &address, sizeof address);
    return true;
}

static void netcdf_load(void)
{
    void *library = dlopen(COOPNET_NETCDF_SONAME, RTLD_NOW | RTLD_LOCAL);
    if (library == NULL) {
        const char *why = dlerror();
        snprintf(netcdf_problem, sizeof netcdf_problem, "%s", why ? why : COOPNET_NETCDF_SONAME);
        return;
    }
    /* the library stays loaded for the process, as the data file stays open */
#define NETCDF_LOAD(name) &&netcdf_symbol(library, "nc_" #name, &netcdf.name)
    if (!(true NETCDF_FUNCTIONS(NETCDF_LOAD)))
        memset(&netcdf, 0, sizeof netcdf);
#undef NETCDF_LOAD
}

static int open_data_file(const char *path, int *ncid)
{
    /* each country is one compressed chunk read once: netCDF's default cache per variable (a
     * hash table for 1046 variables, allocated at open) would only cost memory and time */
    size_t cache_size, cache_slots;
    float cache_preemption;
    bool cache_known =
        netcdf.get_chunk_cache(&cache_size, &cache_slots, &cache_preemption) == NC_NOERR;
    if (cache_known)
        netcdf.set_chunk_cache(CHUNK_CACHE_BYTES, CHUNK_CACHE_SLOTS, cache_preemption);
    int status = netcdf.open(path, NC_NOWRITE, ncid);
    if (cache_known)
        netcdf.set_chunk_cache(cache_size, cache_slots, cache_preemption);
    return status;
}

int coopnet_i_basemap_open(coopnet_basemap_t *map, coopnet_error_t *err)
{
    memset(map, 0, sizeof *map);
    const char *path = coopnet_i_basemap_path();
    pthread_once(&netcdf_once, netcdf_load);
    if (netcdf.open == NULL)
        return COOPNET_ERROR(err, COOPNET_EIO,
                             "cannot read map data '%s': cannot load libnetcdf: %s", path,
                             netcdf_problem);
    pthread_mutex_lock(&shared_file_lock);
    if (strlen(path) < sizeof map->path)
        memcpy(map->path, path, strlen(path) + 1);
    if (shared_file.open && strcmp(shared_file.path, path) == 0) {
        shared_file.users++;
        map->ncid = shared_file.ncid;
        map->open = map->shared = true;
        pthread_mutex_unlock(&shared_file_lock);
        return COOPNET_OK;
    }
    int ncid, varid;
    int status = open_data_file(path, &ncid);
    if (status != NC_NOERR) {
        pthread_mutex_unlock(&shared_file_lock);
        return COOPNET_ERROR(err, COOPNET_EIO, "cannot read map data '%s': %s", path,
                             netcdf.strerror(status));
    }
    /* a file of another kind opens too: ask for a country every DCW-GMT file has */
    if (netcdf.inq_varid(ncid, "FR_lon", &varid) != NC_NOERR) {
        netcdf.close(ncid);
        pthread_mutex_unlock(&shared_file_lock);
        return COOPNET_ERROR(err, COOPNET_EIO,
                             "cannot read map data '%s': not a DCW-GMT file of country polygons",
                             path);
    }
    map->ncid = ncid;
    map->open = true;
    /* the file kept for the next maps, in place of another one nobody uses any more */
    if ((!shared_file.open || shared_file.users == 0) && strlen(path) < sizeof shared_file.path) {
        if (shared_file.open)
            netcdf.close(shared_file.ncid);
        shared_file.open = true;
        shared_file.ncid = ncid;
        shared_file.users = 1;
        snprintf(shared_file.path, sizeof shared_file.path, "%s", path);
        map->shared = true;
    }
    pthread_mutex_unlock(&shared_file_lock);
    return COOPNET_OK;
}

void coopnet_i_basemap_close(coopnet_basemap_t *map)
{
    if (map == NULL)
        return;
    if (map->open && map->shared) {
        pthread_mutex_lock(&shared_file_lock);
        shared_file.users--;
        pthread_mutex_unlock(&shared_file_lock);
    } else if (map->open) {
        netcdf.close(map->ncid);
    }
    free(map->raw_lon);
    free(map->raw_lat);
    free(map->points);
    free(map->outline);
    free(map->ring_start);
    memset(map, 0, sizeof *map);
}

/* One country's header: its variables, point count and box. */
typedef struct country_header {
    int lon_id, lat_id;
    size_t n_points;
    double west, east, south, north, lon_scale, lat_scale;
} country_header_t;

static bool read_header(const coopnet_basemap_t *map, const char *code, country_header_t *header)
{
    char name[16];
    snprintf(name, sizeof name, "%s_lon", code);
    if (netcdf.inq_varid(map->ncid, name, &header->lon_id) != NC_NOERR)
        return false;
    snprintf(name, sizeof name, "%s_lat", code);
    if (netcdf.inq_varid(map->ncid, name, &header->lat_id) != NC_NOERR)
        return false;
    int dimension;
    int ndims = 0;
    if (netcdf.inq_varndims(map->ncid, header->lon_id, &ndims) != NC_NOERR || ndims != 1 ||
        netcdf.inq_vardimid(map->ncid, header->lon_id, &dimension) != NC_NOERR ||
        netcdf.inq_dimlen(map->ncid, dimension, &header->n_points) != NC_NOERR)
        return false;
    return netcdf.get_att_double(map->ncid, header->lon_id, "min", &header->west) == NC_NOERR &&
           netcdf.get_att_double(map->ncid, header->lon_id, "max", &header->east) == NC_NOERR &&
           netcdf.get_att_double(map->ncid, header->lon_id, "scale", &header->lon_scale) ==
               NC_NOERR &&
           netcdf.get_att_double(map->ncid, header->lat_id, "min", &header->south) == NC_NOERR &&
           netcdf.get_att_double(map->ncid, header->lat_id, "max", &header->north) == NC_NOERR &&
           netcdf.get_att_double(map->ncid, header->lat_id, "scale", &header->lat_scale) ==
               NC_NOERR &&
           header->lon_scale > 0 && header->lat_scale > 0;
}

/* Reads and decodes a country's points into the workspace (map->points: lon, lat pairs; a
 * marker's pair is NAN, 0 for an outer ring or NAN, 1 for a hole). ENOMEM; EDATA when the
 * variables cannot be read. */
static int read_points(coopnet_basemap_t *map, const country_header_t *header, coopnet_error_t *err)
{
    size_t n = header->n_points;
    if (n > map->capacity) {
        unsigned short *raw_lon = realloc(map->raw_lon, n * sizeof *raw_lon);
        if (raw_lon != NULL)
            map->raw_lon = raw_lon;
        unsigned short *raw_lat = realloc(map->raw_lat, n * sizeof *raw_lat);
        if (raw_lat != NULL)
            map->raw_lat = raw_lat;
        double *points = coopnet_i_realloc_array(map->points, n, 2 * sizeof *points);
        if (points != NULL)
            map->points = points;
        double *outline = coopnet_i_realloc_array(map->outline, n, 2 * sizeof *outline);
        if (outline != NULL)
            map->outline = outline;
        size_t *ring_start = coopnet_i_realloc_array(map->ring_start, n + 1, sizeof *ring_start);
        if (ring_start != NULL)
            map->ring_start = ring_start;
        if (raw_lon == NULL || raw_lat == NULL || points == NULL || outline == NULL ||
            ring_start == NULL)
            return COOPNET_ERROR(err, COOPNET_ENOMEM, "out of memory");
        map->capacity = n;
    }
    if (netcdf.get_var_ushort(map->ncid, header->lon_id, map->raw_lon) != NC_NOERR ||
        netcdf.get_var_ushort(map->ncid, header->lat_id, map->raw_lat) != NC_NOERR)
        return COOPNET_ERROR(err, COOPNET_EDATA, "cannot read a country of the map data");
    for (size_t k = 0; k < n; k++) {
        if (map->raw_lon[k] == RING_MARKER) {
            map->points[2 * k] = NAN;
            map->points[2 * k + 1] = map->raw_lat[k] == RING_HOLE ? 1 : 0;
            continue;
        }
        map->points[2 * k] = header->west + map->raw_lon[k] / header->lon_scale;
        map->points[2 * k + 1] = header->south + map->raw_lat[k] / header->lat_scale;
    }
    return COOPNET_OK;
}

/* The ring starting at *start (a marker or the first point): its points' range [first, end) and
 * whether it is a hole; false when no ring is left. */
static bool next_ring(const coopnet_basemap_t *map, size_t n, size_t *start, size_t *first,
                      size_t *end, bool *hole)
{
    size_t k = *start;
    *hole = false;
    if (k < n && isnan(map->points[2 * k])) {
        *hole = map->points[2 * k + 1] == 1;
        k++;
    }
    if (k >= n)
        return false;
    *first = k;
    while (k < n && !isnan(map->points[2 * k]))
        k++;
    *end = k;
    *start = k;
    return true;
}

static int compute_country_centre(coopnet_basemap_t *map, const char *country, double *lon,
                                  double *lat, double bbox[4], coopnet_error_t *err)
{
    country_header_t header;
    if (!map->open || country == NULL || strlen(country) != 2 ||
        !read_header(map, country, &header))
        return COOPNET_ERROR(err, COOPNET_EDATA, "the map data has no country '%s'",
                             country ? country : "");
    int status = read_points(map, &header, err);
    if (status != COOPNET_OK)
        return status;
    /* the centroid of the largest outer ring (the mainland), in a plane scaled by the cosine of
     * the country's middle latitude, as the map is */
    double cos_lat = cos((header.south + header.north) / 2 * DEGREE);
    double best_area = -1, best_lon = (header.west + header.east) / 2,
           best_lat = (header.south + header.north) / 2;
    double best_box[4] = {header.west, header.east, header.south, header.north};
    size_t start = 0, first, end;
    bool hole;
    while (next_ring(map, header.n_points, &start, &first, &end, &hole)) {
        if (hole || end - first < 3)
            continue;
        double area = 0, cx = 0, cy = 0;
        double box[4] = {INFINITY, -INFINITY, INFINITY, -INFINITY};
        const double *p = map->points;
        for (size_t k = first; k < end; k++) {
            box[0] = fmin(box[0], p[2 * k]);
            box[1] = fmax(box[1], p[2 * k]);
            box[2] = fmin(box[2], p[2 * k + 1]);
            box[3] = fmax(box[3], p[2 * k + 1]);
            size_t next = k + 1 < end ? k + 1 : first;
            double x0 = p[2 * k] * cos_lat, y0 = p[2 * k + 1];
            double x1 = p[2 * next] * cos_lat, y1 = p[2 * next + 1];
            double cross = x0 * y1 - x1 * y0;
            area += cross;
            cx += (x0 + x1) * cross;
            cy += (y0 + y1) * cross;
        }
        if (fabs(area) > best_area && area != 0) {
            best_area = fabs(area);
            best_lon = cx / (3 * area) / cos_lat;
            best_lat = cy / (3 * area);
            memcpy(best_box, box, sizeof box);
        }
    }
    /* longitudes past 180 (the United States' 172 to 293) back into -180..180 */
    if (best_lon > 180)
        best_lon -= 360;
    if (best_box[0] > 180) {
        best_box[0] -= 360;
        best_box[1] -= 360;
    }
    if (lon)
        *lon = best_lon;
    if (lat)
        *lat = best_lat;
    if (bbox)
        memcpy(bbox, best_box, sizeof best_box);
    return COOPNET_OK;
}

/* Country centres already computed, for the whole process: a report places its map three or
 * four times (the counts, the figure, the passes that measure its note), and each reading of a
 * large country decompresses its whole outline (the MENA report: 1 s of its 2). Keyed by the
 * file the map was opened from and the country; only centres found are kept (a failure, a
 * country the data lacks or a file that cannot be read, is quick to meet again, and says why). */
#define CENTRE_CACHE_SIZE 512

typedef struct centre_entry {
    char path[512];
    char country[3];
    double lon, lat, box[4];
} centre_entry_t;

static centre_entry_t centre_cache[CENTRE_CACHE_SIZE];
static size_t centre_cache_count;
static pthread_mutex_t centre_cache_lock = PTHREAD_MUTEX_INITIALIZER;

int coopnet_i_basemap_country_centre(coopnet_basemap_t *map, const char *country, double *lon,
                                     double *lat, double bbox[4], coopnet_error_t *err)
{
    const char *path = map->path;
    bool cacheable = map->open && country != NULL && strlen(country) == 2 && path[0] != '\0';
    if (cacheable) {
        pthread_mutex_lock(&centre_cache_lock);
        const centre_entry_t *found = NULL;
        for (size_t i = 0; i < centre_cache_count && found == NULL; i++)
            if (strcmp(centre_cache[i].country, country) == 0 &&
                strcmp(centre_cache[i].path, path) == 0)
                found = &centre_cache[i];
        centre_entry_t entry = found ? *found : (centre_entry_t){{0}, {0}, 0, 0, {0}};
        pthread_mutex_unlock(&centre_cache_lock);
        if (found) {
            if (lon)
                *lon = entry.lon;
            if (lat)
                *lat = entry.lat;
            if (bbox)
                memcpy(bbox, entry.box, sizeof entry.box);
            return COOPNET_OK;
        }
    }
    centre_entry_t computed = {{0}, {0}, 0, 0, {0}};
    int status =
        compute_country_centre(map, country, &computed.lon, &computed.lat, computed.box, err);
    if (cacheable && status == COOPNET_OK) {
        snprintf(computed.path, sizeof computed.path, "%s", path);
        memcpy(computed.country, country, 3);
        pthread_mutex_lock(&centre_cache_lock);
        if (centre_cache_count < CENTRE_CACHE_SIZE)
            centre_cache[centre_cache_count++] = computed;
        pthread_mutex_unlock(&centre_cache_lock);
    }
    if (status == COOPNET_OK) {
        if (lon)
            *lon = computed.lon;
        if (lat)
            *lat = computed.lat;
        if (bbox)
            memcpy(bbox, computed.box, sizeof computed.box);
    }
    return status;
}

int coopnet_i_basemap_country_contains(coopnet_basemap_t *map, const char *country, double lon,
                                       double lat, bool *inside, coopnet_error_t *err)
{
    *inside = false;
    country_header_t header;
    if (!map->open || country == NULL || strlen(country) != 2 ||
        !read_header(map, country, &header))
        return COOPNET_ERROR(err, COOPNET_EDATA, "the map data has no country '%s'",
                             country ? country : "");
    int status = read_points(map, &header, err);
    if (status != COOPNET_OK)
        return status;
    /* the data's longitudes may run past 180: test the point where the data has it */
    if (lon < header.west)
        lon += 360;
    /* even-odd over every ring: islands add, holes take away */
    size_t start = 0, first, end;
    bool hole;
    const double *p = map->points;
    while (next_ring(map, header.n_points, &start, &first, &end, &hole)) {
        for (size_t k = first, previous = end - 1; k < end; previous = k++) {
            double x0 = p[2 * previous], y0 = p[2 * previous + 1];
            double x1 = p[2 * k], y1 = p[2 * k + 1];
            if ((y1 > lat) != (y0 > lat) && lon < x0 + (lat - y0) * (x1 - x0) / (y1 - y0))
                *inside = !*inside;
        }
    }
    return COOPNET_OK;
}

/* Cohen-Sutherland outcode of a point against box (x0, y0, x1, y1). */
static unsigned outcode(double x, double y, const double box[4])
{
    return (x < box[0]) | (x > box[2]) << 1 | (y < box[1]) << 2 | (y > box[3]) << 3;
}

/* Projects the country's rings (shifted by offset degrees of longitude) onto frame->map into the
 * outline workspace, simplified: a vertex closer than tolerance (pt) to the last one kept is
 * dropped, and so is one that lies outside one side of box with the last kept vertex and the next
 * one (the three span a triangle outside the map, so the fill inside it is the same). Returns the
 * number of rings written. */
static size_t project_country(coopnet_basemap_t *map, size_t n, const coopnet_map_frame_t *frame,
                              double offset, const double box[4], double tolerance)
{
    const double *p = map->points;
    double *out = map->outline;
    size_t n_rings = 0, n_out = 0;
    double kx = frame->cos_lat * frame->scale;
    size_t start = 0, first, end;
    bool hole;
    while (next_ring(map, n, &start, &first, &end, &hole)) {
        if (end - first < 3)
            continue;
        /* a ring wholly outside the map adds nothing */
        double west = INFINITY, east = -INFINITY, south = INFINITY, north = -INFINITY;
        for (size_t k = first; k < end; k++) {
            west = fmin(west, p[2 * k]);
            east = fmax(east, p[2 * k]);
            south = fmin(south, p[2 * k + 1]);
            north = fmax(north, p[2 * k + 1]);
        }
        if (east + offset < frame->lon_min || west + offset > frame->lon_max ||
            north < frame->lat_min || south > frame->lat_max)
            continue;
        map->ring_start[n_rings++] = n_out;
        double last_x = frame->map.x + (p[2 * first] + offset - frame->lon_min) * kx;
        double last_y = frame->map.y + (frame->lat_max - p[2 * first + 1]) * frame->scale;
        unsigned last_code = outcode(last_x, last_y, box);
        out[2 * n_out] = last_x;
        out[2 * n_out++ + 1] = last_y;
        double x = 0, y = 0;
        unsigned code = 0;
        for (size_t k = first + 1; k < end; k++) {
            if (k == first + 1) {
                x = frame->map.x + (p[2 * k] + offset - frame->lon_min) * kx;
                y = frame->map.y + (frame->lat_max - p[2 * k + 1]) * frame->scale;
                code = outcode(x, y, box);
            }
            double next_x = x, next_y = y;
            unsigned next_code = code;
            if (k + 1 < end) {
                next_x = frame->map.x + (p[2 * (k + 1)] + offset - frame->lon_min) * kx;
                next_y = frame->map.y + (frame->lat_max - p[2 * (k + 1) + 1]) * frame->scale;
                next_code = outcode(next_x, next_y, box);
            }
            bool last_point = k + 1 == end;
            bool too_close = fabs(x - last_x) < tolerance && fabs(y - last_y) < tolerance;
            bool outside_run = (last_code & code & next_code) != 0;
            if (last_point || !(too_close || outside_run)) {
                out[2 * n_out] = x;
                out[2 * n_out++ + 1] = y;
                last_x = x;
                last_y = y;
                last_code = code;
            }
            x = next_x;
            y = next_y;
            code = next_code;
        }
    }
    map->ring_start[n_rings] = n_out;
    return n_rings;
}

static bool is_named(const char *code, const char *const *named, size_t n_named)
{
    for (size_t i = 0; i < n_named; i++)
        if (named[i] != NULL && strcmp(named[i], code) == 0)
            return true;
    return false;
}

int coopnet_i_basemap_each_outline(coopnet_basemap_t *map, const coopnet_map_frame_t *frame,
                                   double tolerance, const char *const *named, size_t n_named,
                                   coopnet_basemap_outline_fn outline_fn, void *data,
                                   coopnet_error_t *err)
{
    if (!map->open)
        return COOPNET_OK;
    int n_vars = 0;
    if (netcdf.inq_nvars(map->ncid, &n_vars) != NC_NOERR)
        return COOPNET_OK;
    const coopnet_rect_t *r = &frame->map;
    const double box[4] = {r->x - CLIP_SLACK, r->y - CLIP_SLACK, r->x + r->w + CLIP_SLACK,
                           r->y + r->h + CLIP_SLACK};
    int status = COOPNET_OK;
    for (int varid = 0; varid < n_vars && status == COOPNET_OK; varid++) {
        char name[NC_MAX_NAME + 1];
        if (netcdf.inq_varname(map->ncid, varid, name) != NC_NOERR)
            continue;
        /* countries only: XX_lon (states are XXYY_lon) */
        if (strlen(name) != 6 || strcmp(name + 2, "_lon") != 0 ||
            !isupper((unsigned char)name[0]) || !isupper((unsigned char)name[1]))
            continue;
        name[2] = '\0';
        country_header_t header;
        if (!read_header(map, name, &header))
            continue;
        if (header.north < frame->lat_min || header.south > frame->lat_max)
            continue;
        bool read_any = false;
        for (int shift = -1; shift <= 1 && status == COOPNET_OK; shift++) {
            double offset = 360.0 * shift;
            if (header.east + offset < frame->lon_min || header.west + offset > frame->lon_max)
                continue;
            if (!read_any) {
                status = read_points(map, &header, err);
                if (status == COOPNET_EDATA) { /* a damaged country: the others still draw */
                    coopnet_error_clear(err);
                    status = COOPNET_OK;
                    break;
                }
                if (status != COOPNET_OK)
                    break;
                read_any = true;
            }
            coopnet_basemap_outline_t outline = {name, is_named(name, named, n_named), map->outline,
                                                 map->ring_start, 0};
            outline.n_rings = project_country(map, header.n_points, frame, offset, box, tolerance);
            if (outline.n_rings > 0)
                status = outline_fn(&outline, data, err);
        }
    }
    return status;
}

/* Fills one country in the land colour (named: slightly darker) and strokes its outline. */
static int draw_outline(const coopnet_basemap_outline_t *outline, void *data, coopnet_error_t *err)
{
    (void)err;
    cairo_t *cr = data;
    cairo_new_path(cr);
    for (size_t r = 0; r < outline->n_rings; r++) {
        const double *xy = outline->xy;
        size_t first = outline->ring_start[r], end = outline->ring_start[r + 1];
        cairo_move_to(cr, xy[2 * first], xy[2 * first + 1]);
        for (size_t k = first + 1; k < end; k++)
            cairo_line_to(cr, xy[2 * k], xy[2 * k + 1]);
        cairo_close_path(cr);
    }
    coopnet_i_style_set_color(
        cr, outline->named ? coopnet_i_style_land_named : coopnet_i_style_land, 1.0);
    cairo_fill_preserve(cr);
    coopnet_i_style_set_color(cr, coopnet_i_style_border, 1.0);
    cairo_stroke(cr);
    return COOPNET_OK;
}

int coopnet_i_basemap_draw(cairo_t *cr, coopnet_basemap_t *map, const coopnet_map_frame_t *frame,
                           const char *const *named, size_t n_named, coopnet_error_t *err)
{
    if (!map->open)
        return COOPNET_OK;
    /* half a device pixel, in points: PNG pixels, or points for PDF and SVG */
    double unit_x = 1, unit_y = 0;
    cairo_device_to_user_distance(cr, &unit_x, &unit_y);
    double tolerance = 0.5 * hypot(unit_x, unit_y);
    const coopnet_rect_t *r = &frame->map;
    cairo_save(cr);
    cairo_rectangle(cr, r->x, r->y, r->w, r->h);
    cairo_clip(cr);
    cairo_set_fill_rule(cr, CAIRO_FILL_RULE_EVEN_ODD);
    cairo_set_line_width(cr, COOPNET_STYLE_BORDER_LINE);
    cairo_set_line_join(cr, CAIRO_LINE_JOIN_ROUND);
    int status = coopnet_i_basemap_each_outline(map, frame, tolerance, named, n_named, draw_outline,
                                                cr, err);
    cairo_restore(cr);
    return status;
}
