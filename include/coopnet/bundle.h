/* SPDX-License-Identifier: GPL-3.0-or-later */
/* coopnet/bundle.h - the cooperation data: actors, events, participations, ties.
 *
 * A bundle is a directory of four CSV files (docs/bundle-format.md): actors.csv, events.csv,
 * participation.csv and ties.csv (optional). coopnet_bundle_load validates every line and reports
 * every problem with its file and line in a diagnostics list; a GraphML file is accepted in place
 * of a bundle directory (its vertices become actors and its edges ties).
 *
 * Memory: a loaded bundle owns all its strings (one arena) and arrays; everything is freed by
 * coopnet_bundle_free. Strings of absent optional fields are "" (never NULL); absent coordinates
 * and weights are NAN.
 */
#ifndef COOPNET_BUNDLE_H
#define COOPNET_BUNDLE_H

#include "coopnet/api.h"

#include "coopnet/date.h"
#include "coopnet/diag.h"
#include "coopnet/error.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

typedef enum {
    COOPNET_LEVEL_LOCAL = 0,
    COOPNET_LEVEL_REGIONAL = 1,
    COOPNET_LEVEL_NATIONAL = 2,
    COOPNET_LEVEL_INTERNATIONAL = 3
} coopnet_level_t;
#define COOPNET_LEVEL_COUNT 4

typedef enum {
    COOPNET_ROLE_PARTICIPANT = 0,
    COOPNET_ROLE_HOST,
    COOPNET_ROLE_ORGANISER,
    COOPNET_ROLE_PRESENTER,
    COOPNET_ROLE_LEARNER,
    COOPNET_ROLE_FUNDER,
    COOPNET_ROLE_FACILITATOR
} coopnet_role_t;
#define COOPNET_ROLE_COUNT 7

typedef struct coopnet_actor {
    const char *id;
    const char *name;
    coopnet_level_t level;
    const char *type;
    const char *country; /* ISO 3166-1 alpha-2 in upper case, or "" */
    double lat, lon;     /* NAN when absent */
    const char *name_ar;
    const char *name_fr;
    const char *source;
    uint64_t line; /* line in actors.csv (0 when not from a CSV file) */
} coopnet_actor_t;

typedef struct coopnet_event {
    const char *id;
    const char *title;
    coopnet_date_t date; /* when it took place (its first day); precision NONE: undated */
    coopnet_date_t end;  /* precision NONE: no end given */
    const char *type;
    const char *place;
    const char *country;
    double lat, lon;
    const char *source;
    const char *date_source; /* the quote that supports the date's bounds, or "" */
    /* how many took part according to the sources (events.csv 'participants'), 0 when not
     * stated; stated_at_least for "40+". More than participation.csv names means some
     * participants are unknown: coopnet_event_has_unnamed_participants */
    uint64_t stated_participants;
    bool stated_at_least;
    uint64_t line;
} coopnet_event_t;

typedef struct coopnet_participation {
    int32_t event; /* index into events */
    int32_t actor; /* index into actors */
    coopnet_role_t role;
    const char *source;
    uint64_t line;
} coopnet_participation_t;

typedef struct coopnet_tie {
    int32_t from, to; /* indices into actors */
    const char *type;
    coopnet_date_t start, end;
    bool directed;
    double weight; /* > 0, default 1 */
    const char *source;
    const char *note;
    const char *start_source; /* the quote that supports the start's bounds, or "" */
    uint64_t line;
} coopnet_tie_t;

/* A source document (sources.csv): rows of the other files cite it by its id or its file in
 * their source column ("brief: a quote", docs/bundle-format.md). */
typedef struct coopnet_source {
    const char *id;
    const char *title;
    const char *publisher; /* "" when not given */
    coopnet_date_t date;   /* precision NONE when not given */
    const char *url;
    const char *file; /* the document's file name, which citations may use instead of the id */
    uint64_t line;
} coopnet_source_t;

/* Extra columns of one file, kept as strings: values[row * n_columns + column]. */
typedef struct coopnet_extra_columns {
    size_t n_columns;
    const char **names;
    const char **values;
} coopnet_extra_columns_t;

typedef struct coopnet_bundle_internal coopnet_bundle_internal_t;

typedef struct coopnet_bundle {
    char *path; /* as given to the loader */
    char *name; /* the directory's or file's base name ("mena-hub") */

    coopnet_actor_t *actors;
    size_t n_actors;
    coopnet_event_t *events;
    size_t n_events;
    /* Sorted by event, then actor; the participations of event e are
     * participations[event_start[e] .. event_start[e + 1]). Duplicates are merged. */
    coopnet_participation_t *participations;
    size_t n_participations;
    size_t *event_start; /* n_events + 1 offsets */
    coopnet_tie_t *ties; /* in file order */
    size_t n_ties;

    coopnet_extra_columns_t actor_extra, event_extra, participation_extra, tie_extra;

    coopnet_bundle_internal_t *internal; /* id tables and string arena */

    /* The documents of sources.csv, in file order (none when the bundle has no sources.csv);
     * when there are, every citation of a source column names one of them. */
    coopnet_source_t *sources;
    size_t n_sources;

    /* The optional bundle.ini of a directory bundle ([bundle] title, title[fr], title[ar],
     * subtitle, author, date; docs/bundle-format.md): NULL where not given. The report's default
     * title and the figures' source line name the title (in the report's language where given)
     * rather than the folder. Owned by the bundle. */
    const char *title, *title_fr, *title_ar, *subtitle, *author, *date;
} coopnet_bundle_t;

/* Loads and validates the bundle at path (a directory, or a .graphml/.xml file). Errors and
 * warnings go to diags (which must be initialised; it may already hold entries). On success
 * *bundle is owned by the caller (coopnet_bundle_free). Returns COOPNET_EDATA when the data has
 * errors (err says how many; diags lists them), COOPNET_EIO when a file cannot be read,
 * COOPNET_ENOMEM; *bundle is NULL then. O(total input size). */
COOPNET_API int coopnet_bundle_load(const char *path, coopnet_diag_list_t *diags,
                                    coopnet_bundle_t **bundle, coopnet_error_t *err);

/* Loads a bundle from the four files' contents in memory (ties may be NULL); names as in a
 * directory. Used by the tests and the fuzzers; same contract as coopnet_bundle_load. */
COOPNET_API int coopnet_bundle_load_memory(const char *actors_csv, size_t actors_size,
                                           const char *events_csv, size_t events_size,
                                           const char *participation_csv, size_t participation_size,
                                           const char *ties_csv, size_t ties_size,
                                           coopnet_diag_list_t *diags, coopnet_bundle_t **bundle,
                                           coopnet_error_t *err);

/* Loads a GraphML file (igraph's reader). Vertex attributes id/name/level/country/type/lat/lon
 * become actor fields when present (level defaults to local); every edge becomes a tie of type
 * "graphml" with its "weight" attribute (default 1), directed when the graph is. */
COOPNET_API int coopnet_bundle_load_graphml(const char *path, coopnet_diag_list_t *diags,
                                            coopnet_bundle_t **bundle, coopnet_error_t *err);

/* Frees the bundle and everything it owns. NULL is accepted. */
COOPNET_API void coopnet_bundle_free(coopnet_bundle_t *bundle);

/* The index of the actor or event with this id, or -1. O(1) expected. */
COOPNET_API long coopnet_bundle_find_actor(const coopnet_bundle_t *bundle, const char *id);
COOPNET_API long coopnet_bundle_find_event(const coopnet_bundle_t *bundle, const char *id);

/* Whether the sources state more participants for the event (events.csv 'participants') than
 * participation.csv names: some who took part are unknown, so links through the event may be
 * missing. event < bundle->n_events. O(1). */
COOPNET_API bool coopnet_event_has_unnamed_participants(const coopnet_bundle_t *bundle,
                                                        size_t event);

/* The source a citation names: ref[0..length) is a source's id or file. Returns its index in
 * bundle->sources, or -1. O(1) expected. */
COOPNET_API long coopnet_bundle_find_source(const coopnet_bundle_t *bundle, const char *ref,
                                            size_t length);

/* The value of an actor attribute by column name: "id", "name", "level", "type", "country",
 * "name_ar", "name_fr", "source", or an extra column. NULL when there is no such column. */
COOPNET_API const char *coopnet_bundle_actor_attribute(const coopnet_bundle_t *bundle, size_t actor,
                                                       const char *column);

/* Earliest and latest dates of dated events and tie starts, compared by their earliest days
 * (precision NONE if none). O(events + ties). */
COOPNET_API void coopnet_bundle_date_range(const coopnet_bundle_t *bundle, coopnet_date_t *first,
                                           coopnet_date_t *last);

/* The study window: the earliest and the latest day any written date of the bundle allows
 * (event date and end, tie start: a tie's end says when it stopped; a month or year counts its
 * first and last day, an interval its written sides). Undated fields and open interval sides ("..")
 * read as its edges. False, with both days 0, when the bundle has no written date. Computed by the
 * loader; O(1). */
COOPNET_API bool coopnet_bundle_window(const coopnet_bundle_t *bundle, int32_t *first,
                                       int32_t *last);

/* Why a temporal figure or analysis finds no dated data in bundle and how to fix it, for a
 * message (into buffer, size bytes, always terminated): with no event at all, that the bundle
 * (a GraphML file) has none and which file to add; with undated events, the first three of them
 * as events.csv:LINE 'id' and how many more, and the column to fill and its forms; when every
 * event is dated, that the options leave them all out. O(events). */
COOPNET_API void coopnet_bundle_undated_hint(const coopnet_bundle_t *bundle, char *buffer,
                                             size_t size);

/* Names: "local", ..., and parsing (case-insensitive; returns -1 when unknown). */
COOPNET_API const char *coopnet_level_name(coopnet_level_t level);
COOPNET_API int coopnet_level_parse(const char *text);
COOPNET_API const char *coopnet_role_name(coopnet_role_t role);
COOPNET_API int coopnet_role_parse(const char *text);

/* True when a tie type is a formal agreement or support (issue 15's "formal" group): mou,
 * partnership, membership, funding or technical_support, in any case. O(1). */
COOPNET_API bool coopnet_tie_type_is_formal(const char *type);

/* True when text is an assigned ISO 3166-1 alpha-2 code (upper case). */
COOPNET_API bool coopnet_country_is_valid(const char *code);

/* The ISO 3166-1 alpha-2 code of a country named in English, French or Arabic, by its alpha-2 or
 * alpha-3 code, or by an everyday name ("UK", "USA", "Syria", "la Tunisie", "الأردن"); case,
 * accents and punctuation do not matter. Writes the code and its NUL into code and returns true,
 * or returns false (code untouched). The table (every ISO 3166-1 country) comes from Debian's
 * iso-codes (scripts/make-country-names.py). O(countries * length of name). */
COOPNET_API bool coopnet_country_from_name(const char *name, char code[3]);

#ifdef __cplusplus
}
#endif
#endif
