/* SPDX-License-Identifier: GPL-3.0-or-later */
/* geocode.c - coordinates from the gazetteer for a bundle's actors (see coopnet/geocode.h).
 *
 * actors.csv is edited as bytes, not rewritten from the loaded bundle: every record the edit does
 * not concern is copied as it was (quotes, spaces, line ends, a byte-order mark), and a filled
 * record keeps every field but lat, lon and geo_source. The CSV reader finds the records and
 * checks them; the fields of a record it accepted are then found by a quote-aware scan of its
 * bytes. */
#include "coopnet/geocode.h"

#include "coopnet/bundle.h"
#include "coopnet/csv.h"
#include "coopnet/output.h"
#include "core/containers.h"
#include "core/internal.h"
#include "io/geocode_internal.h"
#include "io/import_internal.h"

#include <ctype.h>
#include <errno.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>

/* ---- one actor, and the report ------------------------------------------------------------- */

int coopnet_i_geocode_log_open(coopnet_i_geocode_log_t *log)
{
    memset(log, 0, sizeof *log);
    log->filled = open_memstream(&log->filled_text, &log->filled_size);
    log->ambiguous = open_memstream(&log->ambiguous_text, &log->ambiguous_size);
    log->unfound = open_memstream(&log->unfound_text, &log->unfound_size);
    log->nothing = open_memstream(&log->nothing_text, &log->nothing_size);
    if (!log->filled || !log->ambiguous || !log->unfound || !log->nothing) {
        coopnet_i_geocode_log_destroy(log);
        return COOPNET_ENOMEM;
    }
    return COOPNET_OK;
}

void coopnet_i_geocode_log_destroy(coopnet_i_geocode_log_t *log)
{
    FILE *streams[] = {log->filled, log->ambiguous, log->unfound, log->nothing};
    for (size_t s = 0; s < 4; s++)
        if (streams[s])
            fclose(streams[s]);
    free(log->filled_text);
    free(log->ambiguous_text);
    free(log->unfound_text);
    free(log->nothing_text);
    memset(log, 0, sizeof *log);
}

/* The great-circle distance in km (haversine, mean Earth radius). */
static double distance_km(double lat1, double lon1, double lat2, double lon2)
{
    const double radians = 3.14159265358979323846 / 180.0;
    double dlat = (lat2 - lat1) * radians, dlon = (lon2 - lon1) * radians;
    double a = sin(dlat / 2) * sin(dlat / 2) +
               cos(lat1 * radians) * cos(lat2 * radians) * sin(dlon / 2) * sin(dlon / 2);
    return 2 * 6371.0 * atan2(sqrt(a), sqrt(1 - a));
}

static void write_place(FILE *out, const coopnet_gazetteer_place_t *place, bool with_people)
{
    fprintf(out, "%s (%s%s", place->name, place->state[0] ? place->state : place->country,
            with_people ? ", " : "");
    if (with_people)
        fprintf(out, "%lu people", (unsigned long)place->population);
    fprintf(out, ", " COOPNET_I_GEOCODE_FORMAT ", " COOPNET_I_GEOCODE_FORMAT ")", place->lat,
            place->lon);
}

/* "'Sousse', TN" or "'Amman' (from the name 'Greater Amman Municipality'), JO" */
static void write_looked_up(FILE *out, const coopnet_i_geocode_actor_t *actor, const char *place,
                            bool from_name)
{
    fprintf(out, "  %s (%s): '%s'", actor->id, actor->where, place);
    if (from_name && strcmp(place, actor->name) != 0)
        fprintf(out, " (from the name '%s')", actor->name);
    fprintf(out, ", %s", actor->country);
}

bool coopnet_i_geocode_name_is_place(const coopnet_i_geocode_actor_t *actor)
{
    const char *matched;
    if (!actor->local)
        return false;
    if (actor->type == NULL || actor->type[0] == '\0')
        return true;
    return coopnet_i_import_level(actor->type, &matched) == COOPNET_LEVEL_LOCAL ||
           coopnet_i_import_level(actor->name, &matched) == COOPNET_LEVEL_LOCAL;
}

int coopnet_i_geocode_actor(const coopnet_gazetteer_t *gazetteer,
                            const coopnet_i_geocode_actor_t *actor, bool overwrite,
                            coopnet_i_geocode_log_t *log, bool *filled, double *lat, double *lon)
{
    *filled = false;
    if (actor->has_coordinates && !overwrite) {
        log->n_had++;
        return COOPNET_OK;
    }
    bool from_name = actor->city == NULL || actor->city[0] == '\0';
    if (from_name && !coopnet_i_geocode_name_is_place(actor)) {
        fprintf(log->nothing, "%s%s", log->n_nothing++ ? ", " : "", actor->id);
        return COOPNET_OK;
    }
    char *place =
        from_name ? coopnet_i_gazetteer_place_from_name(actor->name) : strdup(actor->city);
    if (place == NULL)
        return COOPNET_ENOMEM;
    if (actor->country[0] == '\0') {
        log->n_unfound++;
        fprintf(log->unfound,
                "  %s (%s): '%s': no country, so no place can be looked up: fill "
                "the country column\n",
                actor->id, actor->where, place);
        free(place);
        return COOPNET_OK;
    }
    coopnet_gazetteer_match_t match;
    int status = coopnet_i_gazetteer_lookup(gazetteer, place, actor->country, &match);
    if (status != COOPNET_OK) {
        free(place);
        return status;
    }
    if (match.outcome == COOPNET_GAZETTEER_FOUND) {
        const coopnet_gazetteer_place_t *found = &match.candidates[0];
        *filled = true;
        *lat = found->lat;
        *lon = found->lon;
        log->n_filled++;
        write_looked_up(log->filled, actor, place, from_name);
        fputs(" -> ", log->filled);
        write_place(log->filled, found, false);
        if (match.step == COOPNET_GAZETTEER_BY_ALIAS)
            fprintf(log->filled, " (by the alias table: '%s' is written '%s' there)", place,
                    match.alias);
        else if (match.step == COOPNET_GAZETTEER_BY_ARTICLE)
            fprintf(log->filled, " (names equal without the Arabic article)");
        if (match.n_found > 1)
            fprintf(log->filled,
                    " (the most populous of %zu places of the name, %lu people, at least %g times "
                    "the next: %s, %lu)",
                    match.n_found, (unsigned long)found->population, COOPNET_GAZETTEER_CLEAR_RATIO,
                    match.candidates[1].state, (unsigned long)match.candidates[1].population);
        if (actor->has_coordinates) {
            log->n_replaced++;
            fprintf(log->filled,
                    " replacing " COOPNET_I_GEOCODE_FORMAT ", " COOPNET_I_GEOCODE_FORMAT
                    " (%.1f km away)",
                    actor->lat, actor->lon, distance_km(actor->lat, actor->lon, *lat, *lon));
        }
        fputc('\n', log->filled);
    } else if (match.outcome == COOPNET_GAZETTEER_AMBIGUOUS) {
        log->n_ambiguous++;
        write_looked_up(log->ambiguous, actor, place, from_name);
        fprintf(log->ambiguous,
                ": %zu places of the name, none with %g times the people of the "
                "next:",
                match.n_found, COOPNET_GAZETTEER_CLEAR_RATIO);
        for (size_t c = 0; c < match.n_candidates; c++) {
            fputs(c ? "; " : " ", log->ambiguous);
            write_place(log->ambiguous, &match.candidates[c], true);
        }
        if (match.n_found > match.n_candidates)
            fprintf(log->ambiguous, "; and %zu more", match.n_found - match.n_candidates);
        fputc('\n', log->ambiguous);
    } else {
        log->n_unfound++;
        write_looked_up(log->unfound, actor, place, from_name);
        fprintf(log->unfound, ": no place of that name");
        if (match.alias != NULL)
            fprintf(log->unfound, " (nor '%s', its spelling in the alias table)", match.alias);
        fprintf(log->unfound, " in %s in the gazetteer\n", actor->country);
    }
    free(place);
    return COOPNET_OK;
}

/* Closes *stream (which writes *text) and copies its text to out under title. */
static void write_section(FILE *out, const char *title, FILE **stream, char *const *text)
{
    fclose(*stream);
    *stream = NULL;
    fprintf(out, "%s\n%s", title, *text && (*text)[0] ? *text : "  none\n");
}

int coopnet_i_geocode_log_finish(coopnet_i_geocode_log_t *log, size_t gazetteer_size, FILE *out)
{
    fprintf(out,
            "places: %zu filled%s%.0zu%s, %zu already placed, %zu ambiguous, %zu not found, %zu "
            "with no place to look up\n",
            log->n_filled, log->n_replaced ? " (" : "", log->n_replaced,
            log->n_replaced ? " replacing coordinates)" : "", log->n_had, log->n_ambiguous,
            log->n_unfound, log->n_nothing);
    fprintf(out,
            "gazetteer: %s, %zu places; a place is looked up in its actor's country only, by "
            "name, then by the alias table, then without an Arabic article (docs/geocode.md)\n\n",
            coopnet_i_gazetteer_origin(), gazetteer_size);
    write_section(out, "filled (geo_source=gazetteer):", &log->filled, &log->filled_text);
    write_section(out,
                  "\nambiguous (not filled: write lat and lon yourself, or a city the "
                  "gazetteer tells apart):",
                  &log->ambiguous, &log->ambiguous_text);
    write_section(out, "\nnot found (not filled):", &log->unfound, &log->unfound_text);
    fclose(log->nothing);
    log->nothing = NULL;
    fprintf(out,
            "\nno place to look up (no city, and not a municipality whose name is a place): %s\n",
            log->n_nothing ? log->nothing_text : "none");
    coopnet_i_geocode_log_destroy(log);
    return ferror(out) ? COOPNET_ENOMEM : COOPNET_OK;
}

/* ---- actors.csv as bytes ------------------------------------------------------------------- */

void coopnet_geocode_options_init(coopnet_geocode_options_t *options)
{
    memset(options, 0, sizeof *options);
}

static char *read_whole(const char *path, size_t *size, coopnet_error_t *err)
{
    FILE *file = fopen(path, "rb");
    if (file == NULL) {
        COOPNET_ERROR(err, COOPNET_EIO, "cannot read '%s': %s", path, strerror(errno));
        return NULL;
    }
    char *text = NULL;
    size_t capacity = 0;
    *size = 0;
    for (;;) {
        if (coopnet_i_grow((void **)&text, &capacity, *size + 65536, 1) != 0) {
            free(text);
            fclose(file);
            COOPNET_ERROR(err, COOPNET_ENOMEM, "out of memory reading '%s'", path);
            return NULL;
        }
        size_t got = fread(text + *size, 1, 65536, file);
        *size += got;
        if (got < 65536)
            break;
    }
    bool failed = ferror(file);
    fclose(file);
    if (failed) {
        free(text);
        COOPNET_ERROR(err, COOPNET_EIO, "cannot read '%s'", path);
        return NULL;
    }
    return text;
}

/* A field's bytes in the file, quotes included. */
typedef struct span {
    size_t start, end;
} span_t;

/* The fields of the record text[start..end) (its line end excluded), which the CSV reader has
 * accepted: fields[] (capacity *capacity, grown) and their count. Returns COOPNET_OK or
 * COOPNET_ENOMEM. */
static int split_record(const char *text, size_t start, size_t end, span_t **fields,
                        size_t *capacity, size_t *n_fields)
{
    *n_fields = 0;
    size_t p = start;
    for (;;) {
        if (coopnet_i_grow((void **)fields, capacity, *n_fields + 1, sizeof **fields) != 0)
            return COOPNET_ENOMEM;
        size_t field_start = p;
        if (p < end && text[p] == '"') {
            for (p++; p < end; p++) {
                if (text[p] == '"' && p + 1 < end && text[p + 1] == '"')
                    p++;
                else if (text[p] == '"') {
                    p++;
                    break;
                }
            }
        }
        while (p < end && text[p] != ',')
            p++;
        (*fields)[(*n_fields)++] = (span_t){field_start, p};
        if (p >= end)
            return COOPNET_OK;
        p++; /* the comma */
    }
}

/* The record's line end: "\r\n", "\n", "\r" or none at the end of the file. */
static size_t line_end_length(const char *text, size_t start, size_t end)
{
    if (end > start && text[end - 1] == '\n')
        return end - 1 > start && text[end - 2] == '\r' ? 2 : 1;
    return end > start && text[end - 1] == '\r' ? 1 : 0;
}

enum { COLUMN_LAT, COLUMN_LON, COLUMN_GEO_SOURCE, N_GEO_COLUMNS };
static const char *const geo_columns[N_GEO_COLUMNS] = {"lat", "lon", "geo_source"};

/* The new values of one actor's row. */
typedef struct fill {
    char lat[32], lon[32];
} fill_t;

typedef struct rewrite {
    const char *text;
    size_t size;
    long column[N_GEO_COLUMNS]; /* header field of each, -1 when missing (then added) */
    size_t n_header;            /* the header's fields, empty ones at its end aside */
    size_t n_added;
} rewrite_t;

/* Writes one field of a rewritten record: field f of the old record (spans), or a new value. */
static void write_fields(FILE *out, const rewrite_t *rewrite, const span_t *fields, size_t n_fields,
                         const fill_t *fill, bool header)
{
    size_t written = 0;
    for (size_t f = 0; f <= n_fields; f++) {
        if (f == rewrite->n_header || (f == n_fields && rewrite->n_header > n_fields)) {
            for (int c = 0; c < N_GEO_COLUMNS; c++) {
                if (rewrite->column[c] >= 0)
                    continue;
                const char *value = header            ? geo_columns[c]
                                    : !fill           ? ""
                                    : c == COLUMN_LAT ? fill->lat
                                    : c == COLUMN_LON ? fill->lon
                                                      : "gazetteer";
                fprintf(out, "%s%s", written++ ? "," : "", value);
            }
        }
        if (f == n_fields)
            break;
        const char *value = NULL;
        for (int c = 0; c < N_GEO_COLUMNS && fill; c++)
            if (rewrite->column[c] == (long)f)
                value = c == COLUMN_LAT ? fill->lat : c == COLUMN_LON ? fill->lon : "gazetteer";
        if (written++)
            fputc(',', out);
        if (value)
            fputs(value, out);
        else
            fwrite(rewrite->text + fields[f].start, 1, fields[f].end - fields[f].start, out);
    }
}

/* Finds the geo columns in the header the CSV reader holds. */
static void find_columns(rewrite_t *rewrite, coopnet_csv_t *csv)
{
    size_t n_fields = coopnet_csv_field_count(csv);
    while (n_fields > 1 && coopnet_csv_field(csv, n_fields - 1, NULL)[0] == '\0')
        n_fields--;
    rewrite->n_header = n_fields;
    for (int c = 0; c < N_GEO_COLUMNS; c++)
        rewrite->column[c] = -1;
    for (size_t f = 0; f < n_fields; f++) {
        size_t length;
        const char *name = coopnet_csv_field(csv, f, &length);
        while (length > 0 && isspace((unsigned char)*name))
            name++, length--;
        while (length > 0 && isspace((unsigned char)name[length - 1]))
            length--;
        for (int c = 0; c < N_GEO_COLUMNS; c++)
            if (strlen(geo_columns[c]) == length && strncasecmp(name, geo_columns[c], length) == 0)
                rewrite->column[c] = (long)f;
    }
    rewrite->n_added = 0;
    for (int c = 0; c < N_GEO_COLUMNS; c++)
        rewrite->n_added += rewrite->column[c] < 0;
}

/* actors.csv (text) with the fills of the actors on the lines that fills_by_line maps, into
 * *result. Returns COOPNET_OK, COOPNET_ENOMEM, or COOPNET_EINTERNAL when the file no longer reads
 * as the loader read it. */
static int rewrite_actors(const char *text, size_t size, const coopnet_u64map_t *fills_by_line,
                          const fill_t *fills, char **result, size_t *result_size,
                          coopnet_error_t *err)
{
    rewrite_t rewrite = {.text = text, .size = size};
    coopnet_csv_t *csv = NULL;
    span_t *fields = NULL;
    size_t capacity = 0, n_fields = 0;
    FILE *out = open_memstream(result, result_size);
    if (out == NULL)
        return COOPNET_ERROR(err, COOPNET_ENOMEM, "out of memory writing actors.csv");
    int status = coopnet_csv_open_memory(text, size, "actors.csv", &csv, err);
    bool header_seen = false;
    size_t record_start = 0;
    while (status == COOPNET_OK) {
        int have_record = 0;
        status = coopnet_csv_next(csv, &have_record, err);
        if (status != COOPNET_OK || !have_record)
            break;
        size_t record_end = (size_t)coopnet_csv_bytes_read(csv);
        size_t body_end = record_end - line_end_length(text, record_start, record_end);
        size_t body_start = record_start;
        if (body_start == 0 && size >= 3 && memcmp(text, "\xef\xbb\xbf", 3) == 0)
            body_start = 3; /* the byte-order mark stays before the header */
        size_t length = 0;
        bool blank = true;
        for (size_t f = 0; f < coopnet_csv_field_count(csv) && blank; f++)
            blank = (coopnet_csv_field(csv, f, &length), length == 0);
        int64_t fill = -1;
        if (!blank && header_seen)
            fill = coopnet_i_u64map_get(fills_by_line, coopnet_csv_record_line(csv));
        if (!blank && !header_seen)
            find_columns(&rewrite, csv);
        bool changed = !blank && (rewrite.n_added > 0 || fill >= 0);
        if (!changed) {
            fwrite(text + record_start, 1, record_end - record_start, out);
        } else {
            if (split_record(text, body_start, body_end, &fields, &capacity, &n_fields) != 0) {
                status = COOPNET_ERROR(err, COOPNET_ENOMEM, "out of memory writing actors.csv");
                break;
            }
            if (n_fields != coopnet_csv_field_count(csv)) {
                status = COOPNET_ERROR(err, COOPNET_EINTERNAL,
                                       "actors.csv:%llu: the record splits into %zu fields, not "
                                       "%zu as read (a bug)",
                                       (unsigned long long)coopnet_csv_record_line(csv), n_fields,
                                       coopnet_csv_field_count(csv));
                break;
            }
            fwrite(text + record_start, 1, body_start - record_start, out);
            write_fields(out, &rewrite, fields, n_fields, fill >= 0 ? &fills[fill] : NULL,
                         !header_seen);
            fwrite(text + body_end, 1, record_end - body_end, out);
        }
        if (!blank)
            header_seen = true;
        record_start = record_end;
    }
    if (status == COOPNET_EDATA)
        status = COOPNET_ERROR(err, COOPNET_EINTERNAL, "actors.csv changed while it was read");
    coopnet_csv_close(csv);
    free(fields);
    if (fclose(out) != 0 && status == COOPNET_OK)
        status = COOPNET_ERROR(err, COOPNET_ENOMEM, "out of memory writing actors.csv");
    if (status != COOPNET_OK) {
        free(*result);
        *result = NULL;
    }
    return status;
}

/* ---- the bundle ---------------------------------------------------------------------------- */

enum { F_ACTORS, F_EVENTS, F_PARTICIPATION, F_TIES, F_SOURCES, N_FILES };
static const char *const file_names[N_FILES] = {"actors.csv", "events.csv", "participation.csv",
                                                "ties.csv", "sources.csv"};

/* Writes the files f with texts[f] (of sizes[f]) and written[f] into directory, all together. */
static int commit_files(const char *directory, char *const *texts, const size_t *sizes,
                        const bool *written, coopnet_error_t *err)
{
    coopnet_output_t *outputs[N_FILES] = {NULL};
    size_t n_outputs = 0;
    char path[4096];
    int status = COOPNET_OK;
    for (int f = 0; f < N_FILES && status == COOPNET_OK; f++) {
        if (texts[f] == NULL || !written[f])
            continue;
        snprintf(path, sizeof path, "%s/%s", directory, file_names[f]);
        status = coopnet_output_open(path, &outputs[n_outputs], err);
        if (status != COOPNET_OK)
            break;
        if (fwrite(texts[f], 1, sizes[f], coopnet_output_stream(outputs[n_outputs++])) != sizes[f])
            status =
                COOPNET_ERROR(err, COOPNET_EIO, "cannot write '%s': %s", path, strerror(errno));
    }
    if (status == COOPNET_OK)
        status = coopnet_output_commit_all(outputs, n_outputs, err);
    for (size_t o = 0; o < n_outputs; o++)
        coopnet_output_abort(outputs[o]);
    return status;
}

/* The bundle as it would be written, read back by the loader (sources.csv aside: the citations
 * are not changed): a geocoded bundle passes validation, or nothing is written. */
static int check_result(char *const *texts, const size_t *sizes, coopnet_error_t *err)
{
    coopnet_diag_list_t diags;
    coopnet_diag_list_init(&diags);
    coopnet_bundle_t *check = NULL;
    int status = coopnet_bundle_load_memory(
        texts[F_ACTORS], sizes[F_ACTORS], texts[F_EVENTS], sizes[F_EVENTS], texts[F_PARTICIPATION],
        sizes[F_PARTICIPATION], texts[F_TIES], sizes[F_TIES], &diags, &check, err);
    if (status == COOPNET_EDATA) {
        char first[COOPNET_ERROR_MESSAGE_SIZE + 256] = "";
        for (size_t i = 0; i < diags.n_items; i++)
            if (diags.items[i].severity == COOPNET_DIAG_ERROR) {
                coopnet_diag_format(&diags.items[i], first, sizeof first);
                break;
            }
        status = COOPNET_ERROR(err, COOPNET_EINTERNAL,
                               "the geocoded bundle does not pass validation (a bug): %s", first);
    }
    coopnet_bundle_free(check);
    coopnet_diag_list_destroy(&diags);
    return status;
}

static bool same_directory(const char *a, const char *b)
{
    struct stat x, y;
    return stat(a, &x) == 0 && stat(b, &y) == 0 && x.st_dev == y.st_dev && x.st_ino == y.st_ino;
}

int coopnet_geocode_bundle(const char *path, const coopnet_geocode_options_t *options,
                           char **report, coopnet_diag_list_t *diags, coopnet_error_t *err)
{
    if (report)
        *report = NULL;
    struct stat info;
    if (stat(path, &info) != 0)
        return COOPNET_ERROR(err, COOPNET_EIO, "cannot read '%s': %s", path, strerror(errno));
    if (!S_ISDIR(info.st_mode))
        return COOPNET_ERROR(err, COOPNET_EINVAL,
                             "'%s' is no bundle directory: geocode writes the lat and lon columns "
                             "of a bundle's actors.csv (convert a GraphML file to a bundle first)",
                             path);
    coopnet_bundle_t *bundle = NULL;
    coopnet_gazetteer_t *gazetteer = NULL;
    coopnet_i_geocode_log_t log = {0};
    coopnet_u64map_t fills_by_line;
    coopnet_i_u64map_init(&fills_by_line);
    fill_t *fills = NULL;
    char *texts[N_FILES] = {NULL}, *new_actors = NULL, *report_text = NULL;
    size_t sizes[N_FILES] = {0}, new_size = 0, report_size = 0, n_fills = 0;
    FILE *out = NULL;
    char file_path[4096];

    int status = coopnet_bundle_load(path, diags, &bundle, err);
    if (status != COOPNET_OK)
        goto cleanup;
    status = coopnet_i_gazetteer_open(&gazetteer, err);
    if (status != COOPNET_OK)
        goto cleanup;
    fills = coopnet_i_alloc_array(bundle->n_actors + 1, sizeof *fills);
    if (fills == NULL || coopnet_i_geocode_log_open(&log) != COOPNET_OK) {
        status = COOPNET_ERROR(err, COOPNET_ENOMEM, "out of memory geocoding '%s'", path);
        goto cleanup;
    }
    for (size_t a = 0; a < bundle->n_actors; a++) {
        const coopnet_actor_t *actor = &bundle->actors[a];
        char where[64];
        snprintf(where, sizeof where, "actors.csv:%llu", (unsigned long long)actor->line);
        coopnet_i_geocode_actor_t looked_up = {
            .id = actor->id,
            .name = actor->name,
            .city = coopnet_bundle_actor_attribute(bundle, a, "city"),
            .country = actor->country,
            .type = actor->type,
            .local = actor->level == COOPNET_LEVEL_LOCAL,
            .has_coordinates = !isnan(actor->lat),
            .lat = actor->lat,
            .lon = actor->lon,
            .where = where};
        bool filled = false;
        double lat, lon;
        if (coopnet_i_geocode_actor(gazetteer, &looked_up, options->overwrite, &log, &filled, &lat,
                                    &lon) != COOPNET_OK) {
            status = COOPNET_ERROR(err, COOPNET_ENOMEM, "out of memory geocoding '%s'", path);
            goto cleanup;
        }
        if (!filled)
            continue;
        snprintf(fills[n_fills].lat, sizeof fills[n_fills].lat, COOPNET_I_GEOCODE_FORMAT, lat);
        snprintf(fills[n_fills].lon, sizeof fills[n_fills].lon, COOPNET_I_GEOCODE_FORMAT, lon);
        int64_t existing;
        if (coopnet_i_u64map_put(&fills_by_line, actor->line, (int64_t)n_fills++, &existing) != 0) {
            status = COOPNET_ERROR(err, COOPNET_ENOMEM, "out of memory geocoding '%s'", path);
            goto cleanup;
        }
    }

    bool copy =
        options->output_directory != NULL && !same_directory(options->output_directory, path);
    bool write = !options->dry_run && (n_fills > 0 || copy);
    bool written[N_FILES] = {false};
    if (write) {
        /* every file is read (the result is checked by the loader below); the copy writes them
         * all, in place only actors.csv changes */
        for (int f = 0; f < N_FILES; f++) {
            snprintf(file_path, sizeof file_path, "%s/%s", path, file_names[f]);
            if ((f == F_TIES || f == F_SOURCES) && access(file_path, F_OK) != 0)
                continue;
            written[f] = copy || f == F_ACTORS;
            texts[f] = read_whole(file_path, &sizes[f], err);
            if (texts[f] == NULL) {
                status = err->code;
                goto cleanup;
            }
        }
        status = rewrite_actors(texts[F_ACTORS], sizes[F_ACTORS], &fills_by_line, fills,
                                &new_actors, &new_size, err);
        if (status != COOPNET_OK)
            goto cleanup;
        free(texts[F_ACTORS]);
        texts[F_ACTORS] = new_actors;
        sizes[F_ACTORS] = new_size;
        new_actors = NULL;
        status = check_result(texts, sizes, err);
        if (status != COOPNET_OK)
            goto cleanup;
    }

    out = open_memstream(&report_text, &report_size);
    if (out == NULL) {
        status = COOPNET_ERROR(err, COOPNET_ENOMEM, "out of memory geocoding '%s'", path);
        goto cleanup;
    }
    fprintf(out, "coopnet geocode %s", path);
    if (options->dry_run)
        fprintf(out, " (dry run: nothing written)\n");
    else if (!write)
        fprintf(out, " (nothing to fill: nothing written)\n");
    else
        fprintf(out, " -> %s/actors.csv%s\n", copy ? options->output_directory : path,
                copy ? " (and the bundle's other files, copied)" : "");
    status = coopnet_i_geocode_log_finish(&log, coopnet_i_gazetteer_size(gazetteer), out);
    if (fclose(out) != 0 || status != COOPNET_OK) {
        out = NULL;
        status = COOPNET_ERROR(err, COOPNET_ENOMEM, "out of memory geocoding '%s'", path);
        goto cleanup;
    }
    out = NULL;

    if (write) {
        const char *directory = copy ? options->output_directory : path;
        bool created = false;
        if (copy && stat(directory, &info) != 0) {
            if (mkdir(directory, 0777) != 0) {
                status = COOPNET_ERROR(err, COOPNET_EIO, "cannot create '%s': %s", directory,
                                       strerror(errno));
                goto cleanup;
            }
            created = true;
        }
        status = commit_files(directory, texts, sizes, written, err);
        if (status != COOPNET_OK && created)
            rmdir(directory);
        if (status != COOPNET_OK)
            goto cleanup;
    }
    if (report) {
        *report = report_text;
        report_text = NULL;
    }

cleanup:
    if (out)
        fclose(out);
    free(report_text);
    free(new_actors);
    for (int f = 0; f < N_FILES; f++)
        free(texts[f]);
    free(fills);
    coopnet_i_u64map_destroy(&fills_by_line);
    coopnet_i_geocode_log_destroy(&log);
    coopnet_i_gazetteer_free(gazetteer);
    coopnet_bundle_free(bundle);
    return status;
}
