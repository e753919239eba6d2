/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bundle.c - the bundle data model: names of levels and roles, the bundle object, its index
 * and warnings once loaded (see coopnet/bundle.h). The readers that fill it are in src/io/. */
#include "model/bundle_internal.h"
#include "core/internal.h"
#include "core/names.h"
#include "coopnet/text.h"

#include <ctype.h>
#include <errno.h>
#include <float.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* ---- names ------------------------------------------------------------------------------- */

static const char *const level_names[COOPNET_LEVEL_COUNT] = {"local", "regional", "national",
                                                             "international"};
static const char *const role_names[COOPNET_ROLE_COUNT] = {
    "participant", "host", "organiser", "presenter", "learner", "funder", "facilitator"};

const char *coopnet_level_name(coopnet_level_t level)
{
    return (unsigned)level < COOPNET_LEVEL_COUNT ? level_names[level] : "unknown";
}

int coopnet_level_parse(const char *text)
{
    for (int i = 0; i < COOPNET_LEVEL_COUNT; i++)
        if (strcasecmp(text, level_names[i]) == 0)
            return i;
    return -1;
}

const char *coopnet_role_name(coopnet_role_t role)
{
    return (unsigned)role < COOPNET_ROLE_COUNT ? role_names[role] : "unknown";
}

int coopnet_role_parse(const char *text)
{
    /* the first letter first (role_names are in lower case): every participation row asks */
    int first = (unsigned char)text[0] | 0x20;
    if (first == 'o' && strcasecmp(text, "organizer") == 0)
        return COOPNET_ROLE_ORGANISER;
    for (int i = 0; i < COOPNET_ROLE_COUNT; i++)
        if (first == role_names[i][0] && strcasecmp(text, role_names[i]) == 0)
            return i;
    return -1;
}

/* Assigned ISO 3166-1 alpha-2 codes, two letters each. */
static const char iso_countries[] =
    "ADAEAFAGAIALAMAOAQARASATAUAWAXAZBABBBDBEBFBGBHBIBJBLBMBNBOBQBRBSBTBVBWBYBZCACCCDCFCGCHCICK"
    "CLCMCNCOCRCUCVCWCXCYCZDEDJDKDMDODZECEEEGEHERESETFIFJFKFMFOFRGAGBGDGEGFGGGHGIGLGMGNGPGQGRGS"
    "GTGUGWGYHKHMHNHRHTHUIDIEILIMINIOIQIRISITJEJMJOJPKEKGKHKIKMKNKPKRKWKYKZLALBLCLILKLRLSLTLULV"
    "LYMAMCMDMEMFMGMHMKMLMMMNMOMPMQMRMSMTMUMVMWMXMYMZNANCNENFNGNINLNONPNRNUNZOMPAPEPFPGPHPKPLPM"
    "PNPRPSPTPWPYQARERORSRURWSASBSCSDSESGSHSISJSKSLSMSNSOSRSSSTSVSXSYSZTCTDTFTGTHTJTKTLTMTNTOTR"
    "TTTVTWTZUAUGUMUSUYUZVAVCVEVGVIVNVUWFWSYEYTZAZMZW";

bool coopnet_country_is_valid(const char *code)
{
    if (code[0] == '\0' || code[1] == '\0' || code[2] != '\0')
        return false;
    /* the codes are in alphabetical order: a binary search (every row of a bundle asks) */
    size_t low = 0, high = (sizeof iso_countries - 1) / 2;
    while (low < high) {
        size_t middle = (low + high) / 2;
        const char *p = iso_countries + 2 * middle;
        int order = p[0] != code[0] ? (unsigned char)p[0] - (unsigned char)code[0]
                                    : (unsigned char)p[1] - (unsigned char)code[1];
        if (order == 0)
            return true;
        if (order < 0)
            low = middle + 1;
        else
            high = middle;
    }
    return false;
}

bool coopnet_tie_type_is_formal(const char *type)
{
    static const char *const formal[] = {"mou", "partnership", "membership", "funding",
                                         "technical_support"};
    for (size_t i = 0; i < sizeof formal / sizeof formal[0]; i++)
        if (strcasecmp(type, formal[i]) == 0)
            return true;
    return false;
}

/* ---- bundle object ----------------------------------------------------------------------- */

coopnet_bundle_t *coopnet_i_bundle_alloc(const char *path)
{
    coopnet_bundle_t *bundle = calloc(1, sizeof *bundle);
    if (bundle == NULL)
        return NULL;
    bundle->internal = calloc(1, sizeof *bundle->internal);
    bundle->path = strdup(path);
    /* the name: last non-empty path component, without a .graphml/.xml extension */
    char *copy = strdup(path);
    if (bundle->internal == NULL || bundle->path == NULL || copy == NULL) {
        free(copy);
        coopnet_bundle_free(bundle);
        return NULL;
    }
    size_t length = strlen(copy);
    while (length > 1 && copy[length - 1] == '/')
        copy[--length] = '\0';
    char *slash = strrchr(copy, '/');
    char *base = slash && slash[1] ? slash + 1 : copy;
    char *dot = strrchr(base, '.');
    if (dot && dot != base && (strcmp(dot, ".graphml") == 0 || strcmp(dot, ".xml") == 0))
        *dot = '\0';
    /* a directory name is bytes, not text: escaped, so that no output (an XML export, a PDF
     * title) receives invalid UTF-8, a noncharacter or a control character from it */
    char escaped[4 * 256 + 1];
    coopnet_text_escape_controls(base, escaped, sizeof escaped);
    bundle->name = strdup(escaped);
    free(copy);
    if (bundle->name == NULL) {
        coopnet_bundle_free(bundle);
        return NULL;
    }
    coopnet_i_arena_init(&bundle->internal->strings);
    coopnet_i_strmap_init(&bundle->internal->actor_ids);
    coopnet_i_strmap_init(&bundle->internal->event_ids);
    coopnet_i_strmap_init(&bundle->internal->source_refs);
    return bundle;
}

static void free_extra(coopnet_extra_columns_t *extra)
{
    free(extra->names);
    free(extra->values);
}

void coopnet_bundle_free(coopnet_bundle_t *bundle)
{
    if (bundle == NULL)
        return;
    if (bundle->internal) {
        coopnet_i_arena_destroy(&bundle->internal->strings);
        coopnet_i_strmap_destroy(&bundle->internal->actor_ids);
        coopnet_i_strmap_destroy(&bundle->internal->event_ids);
        coopnet_i_strmap_destroy(&bundle->internal->source_refs);
        free(bundle->internal);
    }
    free_extra(&bundle->actor_extra);
    free_extra(&bundle->event_extra);
    free_extra(&bundle->participation_extra);
    free_extra(&bundle->tie_extra);
    free(bundle->actors);
    free(bundle->events);
    free(bundle->participations);
    free(bundle->event_start);
    free(bundle->ties);
    free(bundle->sources);
    free(bundle->path);
    free(bundle->name);
    free(bundle);
}

long coopnet_bundle_find_actor(const coopnet_bundle_t *bundle, const char *id)
{
    return (long)coopnet_i_strmap_get(&bundle->internal->actor_ids, id);
}

long coopnet_bundle_find_event(const coopnet_bundle_t *bundle, const char *id)
{
    return (long)coopnet_i_strmap_get(&bundle->internal->event_ids, id);
}

bool coopnet_event_has_unnamed_participants(const coopnet_bundle_t *bundle, size_t event)
{
    size_t named = bundle->event_start[event + 1] - bundle->event_start[event];
    return bundle->events[event].stated_participants > named;
}

long coopnet_bundle_find_source(const coopnet_bundle_t *bundle, const char *ref, size_t length)
{
    char buffer[512];
    if (bundle->n_sources == 0 || length == 0 || length >= sizeof buffer)
        return -1;
    memcpy(buffer, ref, length);
    buffer[length] = '\0';
    return (long)coopnet_i_strmap_get(&bundle->internal->source_refs, buffer);
}

const char *coopnet_bundle_actor_attribute(const coopnet_bundle_t *bundle, size_t actor,
                                           const char *column)
{
    const coopnet_actor_t *a = &bundle->actors[actor];
    if (strcmp(column, "id") == 0)
        return a->id;
    if (strcmp(column, "name") == 0)
        return a->name;
    if (strcmp(column, "level") == 0)
        return coopnet_level_name(a->level);
    if (strcmp(column, "type") == 0)
        return a->type;
    if (strcmp(column, "country") == 0)
        return a->country;
    if (strcmp(column, "name_ar") == 0)
        return a->name_ar;
    if (strcmp(column, "name_fr") == 0)
        return a->name_fr;
    if (strcmp(column, "source") == 0)
        return a->source;
    const coopnet_extra_columns_t *extra = &bundle->actor_extra;
    for (size_t c = 0; c < extra->n_columns; c++)
        if (strcmp(extra->names[c], column) == 0)
            return extra->values[actor * extra->n_columns + c];
    return NULL;
}

void coopnet_bundle_date_range(const coopnet_bundle_t *bundle, coopnet_date_t *first,
                               coopnet_date_t *last)
{
    coopnet_date_t none = {0};
    *first = none;
    *last = none;
    for (size_t i = 0; i < bundle->n_events + bundle->n_ties; i++) {
        coopnet_date_t date = i < bundle->n_events ? bundle->events[i].date
                                                   : bundle->ties[i - bundle->n_events].start;
        if (date.precision == COOPNET_DATE_NONE)
            continue;
        if (first->precision == COOPNET_DATE_NONE || date.day < first->day)
            *first = date;
        if (last->precision == COOPNET_DATE_NONE || date.day > last->day)
            *last = date;
    }
}

/* Widens [*first, *last] by the written days of date; false when it has none. */
static bool widen_by_date(coopnet_date_t date, int32_t *first, int32_t *last, bool any)
{
    if (date.precision == COOPNET_DATE_NONE)
        return any;
    bool open_start =
        date.precision == COOPNET_DATE_INTERVAL && date.start_precision == COOPNET_DATE_NONE;
    bool open_end =
        date.precision == COOPNET_DATE_INTERVAL && date.end_precision == COOPNET_DATE_NONE;
    /* every written period counts its first and its last day ("../2024-01": January 1 too) */
    int32_t written[4];
    size_t n = 0;
    if (date.precision != COOPNET_DATE_INTERVAL) {
        written[n++] = date.day;
        written[n++] = coopnet_date_last_day(date);
    } else {
        if (!open_start) {
            coopnet_date_t side = {date.day, (coopnet_date_precision_t)date.start_precision, 0, 0,
                                   0};
            written[n++] = date.day;
            written[n++] = coopnet_date_last_day(side);
        }
        if (!open_end) {
            int year, month, day;
            coopnet_date_civil_from_days(date.last, &year, &month, &day);
            written[n++] = date.end_precision == COOPNET_DATE_YEAR
                               ? coopnet_date_days_from_civil(year, 1, 1)
                           : date.end_precision == COOPNET_DATE_MONTH
                               ? coopnet_date_days_from_civil(year, month, 1)
                               : date.last;
            written[n++] = date.last;
        }
    }
    for (size_t i = 0; i < n; i++) {
        if (!any || written[i] < *first)
            *first = written[i];
        if (!any || written[i] > *last)
            *last = written[i];
        any = true;
    }
    return any;
}

bool coopnet_bundle_window(const coopnet_bundle_t *bundle, int32_t *first, int32_t *last)
{
    *first = bundle->internal->window_first;
    *last = bundle->internal->window_last;
    return bundle->internal->has_window;
}

void coopnet_bundle_undated_hint(const coopnet_bundle_t *bundle, char *buffer, size_t size)
{
    if (size == 0)
        return;
    if (bundle->n_events == 0) {
        snprintf(buffer, size,
                 "it has no event (a GraphML file holds none): dates come from events.csv "
                 "(column 'date') and ties.csv (column 'start'), docs/bundle-format.md");
        return;
    }
    size_t used = 0, n_undated = 0;
    buffer[0] = '\0';
    for (size_t e = 0; e < bundle->n_events; e++) {
        const coopnet_event_t *event = &bundle->events[e];
        if (event->date.precision != COOPNET_DATE_NONE)
            continue;
        if (n_undated++ < 3 && used < size) {
            char id[64];
            coopnet_text_copy(id, sizeof id, event->id);
            used +=
                (size_t)snprintf(buffer + used, size - used, "%sevents.csv:%llu '%s'",
                                 n_undated > 1 ? ", " : "", (unsigned long long)event->line, id);
        }
    }
    if (n_undated == 0) {
        snprintf(buffer, size,
                 "its %zu event%s %s dated, but the options (--between, --as-of, --country, "
                 "--exclude, --layer) leave out every dated event and tie",
                 bundle->n_events, bundle->n_events == 1 ? "" : "s",
                 bundle->n_events == 1 ? "is" : "are");
        return;
    }
    if (n_undated > 3 && used < size)
        used += (size_t)snprintf(buffer + used, size - used, " and %zu more", n_undated - 3);
    if (used < size)
        snprintf(buffer + used, size - used,
                 " %s undated: fill %s 'date' in events.csv (YYYY-MM-DD, YYYY-MM, YYYY or an "
                 "interval START/END) or a tie's 'start' in ties.csv; 'coopnet validate' lists "
                 "every undated event",
                 n_undated == 1 ? "is" : "are", n_undated == 1 ? "its" : "their");
}

/* The window of coopnet_bundle_window, from the dates as loaded. */
static bool compute_window(const coopnet_bundle_t *bundle, int32_t *first, int32_t *last)
{
    bool any = false;
    *first = *last = 0;
    for (size_t e = 0; e < bundle->n_events; e++) {
        any = widen_by_date(bundle->events[e].date, first, last, any);
        any = widen_by_date(bundle->events[e].end, first, last, any);
    }
    /* a tie's end (an agreement's planned expiry, often years ahead) says when cooperation
     * stopped, not when it happened: it does not widen the window */
    for (size_t t = 0; t < bundle->n_ties; t++)
        any = widen_by_date(bundle->ties[t].start, first, last, any);
    return any;
}

/* Gives the open sides of an interval the window's days, so that a date's day and last day are
 * real days everywhere; the side's precision stays NONE, so it still prints as "..". */
static void resolve_open_sides(coopnet_date_t *date, int32_t first, int32_t last)
{
    if (date->precision != COOPNET_DATE_INTERVAL)
        return;
    coopnet_date_bounds(*date, first, last, &date->day, &date->last);
}

/* Resolves the open interval sides of every date, and warns about an interval wider than the
 * span of the bundle's plain dates (days, months, years): it says almost nothing. */
static void settle_intervals(coopnet_bundle_t *bundle, coopnet_diag_list_t *diags,
                             const char *events_file, const char *ties_file)
{
    int32_t first, last;
    coopnet_bundle_internal_t *internal = bundle->internal;
    internal->has_window = compute_window(bundle, &internal->window_first, &internal->window_last);
    if (!internal->has_window)
        return;
    first = internal->window_first;
    last = internal->window_last;
    int32_t plain_first = 0, plain_last = 0;
    bool any_plain = false;
    for (size_t i = 0; i < bundle->n_events + bundle->n_ties; i++) {
        coopnet_date_t date = i < bundle->n_events ? bundle->events[i].date
                                                   : bundle->ties[i - bundle->n_events].start;
        if (date.precision != COOPNET_DATE_INTERVAL)
            any_plain = widen_by_date(date, &plain_first, &plain_last, any_plain);
    }
    for (size_t i = 0; i < bundle->n_events + bundle->n_ties; i++) {
        bool is_event = i < bundle->n_events;
        coopnet_date_t *date =
            is_event ? &bundle->events[i].date : &bundle->ties[i - bundle->n_events].start;
        coopnet_date_t *end =
            is_event ? &bundle->events[i].end : &bundle->ties[i - bundle->n_events].end;
        if (any_plain && date->precision == COOPNET_DATE_INTERVAL &&
            date->start_precision != COOPNET_DATE_NONE &&
            date->end_precision != COOPNET_DATE_NONE && date->day < plain_first &&
            date->last > plain_last) {
            char text[COOPNET_DATE_TEXT_SIZE], from[COOPNET_DATE_TEXT_SIZE],
                to[COOPNET_DATE_TEXT_SIZE];
            coopnet_date_format(*date, text);
            coopnet_date_format_day(coopnet_date_from_day(plain_first), from);
            coopnet_date_format_day(coopnet_date_from_day(plain_last), to);
            coopnet_diag_add(diags, COOPNET_DIAG_WARNING, is_event ? events_file : ties_file,
                             is_event ? bundle->events[i].line
                                      : bundle->ties[i - bundle->n_events].line,
                             "column '%s': the interval '%s' is wider than all the other dates "
                             "of the data (%s to %s): it bounds almost nothing",
                             is_event ? "date" : "start", text, from, to);
        }
        resolve_open_sides(date, first, last);
        resolve_open_sides(end, first, last);
    }
}

/* ---- after loading: index and warnings --------------------------------------------------- */

/* Sorts rows[0..n) by actor (the actors of one event are distinct after the loader's merge, so
 * the order is total), and rows_of[] (the rows' indices in file order, when not NULL) with them.
 * An event usually has a few dozen rows: insertion sort, no comparison callback. O(n^2) for one
 * event, which is the row count of its participants. */
static void sort_event_rows(coopnet_participation_t *rows, size_t *rows_of, size_t n)
{
    for (size_t i = 1; i < n; i++) {
        if (rows[i - 1].actor <= rows[i].actor)
            continue;
        coopnet_participation_t row = rows[i];
        size_t index = rows_of ? rows_of[i] : 0;
        size_t j = i;
        for (; j > 0 && rows[j - 1].actor > row.actor; j--) {
            rows[j] = rows[j - 1];
            if (rows_of)
                rows_of[j] = rows_of[j - 1];
        }
        rows[j] = row;
        if (rows_of)
            rows_of[j] = index;
    }
}

/* Heap sort for an event of many rows (a conference of thousands): O(n log n) where insertion
 * sort would be quadratic. */
static void sift_down(coopnet_participation_t *rows, size_t *rows_of, size_t root, size_t n)
{
    for (;;) {
        size_t child = 2 * root + 1;
        if (child >= n)
            return;
        if (child + 1 < n && rows[child + 1].actor > rows[child].actor)
            child++;
        if (rows[root].actor >= rows[child].actor)
            return;
        coopnet_participation_t row = rows[root];
        rows[root] = rows[child];
        rows[child] = row;
        if (rows_of) {
            size_t index = rows_of[root];
            rows_of[root] = rows_of[child];
            rows_of[child] = index;
        }
        root = child;
    }
}

static void sort_large_event_rows(coopnet_participation_t *rows, size_t *rows_of, size_t n)
{
    for (size_t i = n / 2; i-- > 0;)
        sift_down(rows, rows_of, i, n);
    for (size_t end = n; end-- > 1;) {
        coopnet_participation_t row = rows[0];
        rows[0] = rows[end];
        rows[end] = row;
        if (rows_of) {
            size_t index = rows_of[0];
            rows_of[0] = rows_of[end];
            rows_of[end] = index;
        }
        sift_down(rows, rows_of, 0, end);
    }
}

/* Puts the participations in event order, each event's rows by actor (the order every analysis
 * reads them in), with the extra columns' values moved along. Rows already in that order (a
 * file sorted so) are left where they are. O(rows) plus the sort of each event's rows. */
static int order_participations(coopnet_bundle_t *bundle)
{
    size_t n_events = bundle->n_events, n_rows = bundle->n_participations;
    size_t n_columns = bundle->participation_extra.n_columns;
    const coopnet_participation_t *rows = bundle->participations;
    for (size_t p = 0; p < n_rows; p++)
        bundle->event_start[rows[p].event + 1]++;
    for (size_t e = 0; e < n_events; e++)
        bundle->event_start[e + 1] += bundle->event_start[e];
    bool ordered = true, grouped = true;
    for (size_t p = 1; p < n_rows && grouped; p++) {
        grouped = rows[p - 1].event <= rows[p].event;
        ordered =
            ordered && (rows[p - 1].event < rows[p].event ||
                        (rows[p - 1].event == rows[p].event && rows[p - 1].actor < rows[p].actor));
    }
    if (ordered)
        return COOPNET_OK;

    /* rows grouped by event in event order (a file written event by event, as most are) are
     * already where the events' buckets would put them: only each event's rows are sorted, in
     * place, without a second array of all rows */
    size_t *next = grouped ? NULL : coopnet_i_alloc_array(n_events + 1, sizeof *next);
    coopnet_participation_t *sorted =
        grouped ? bundle->participations : coopnet_i_alloc_array(n_rows, sizeof *sorted);
    size_t *rows_of = n_columns > 0 ? coopnet_i_alloc_array(n_rows, sizeof *rows_of) : NULL;
    const char **values =
        n_columns > 0 ? coopnet_i_alloc_array(n_rows * n_columns, sizeof *values) : NULL;
    int status = COOPNET_ENOMEM;
    if ((!grouped && !next) || !sorted || (n_columns > 0 && (!rows_of || !values)))
        goto cleanup;
    if (grouped) {
        for (size_t p = 0; rows_of && p < n_rows; p++)
            rows_of[p] = p;
    } else {
        coopnet_i_advise_huge(sorted, n_rows * sizeof *sorted);
        memcpy(next, bundle->event_start, (n_events + 1) * sizeof *next);
        for (size_t p = 0; p < n_rows; p++) { /* stable: each event's rows in file order */
            size_t slot = next[rows[p].event]++;
            sorted[slot] = rows[p];
            if (rows_of)
                rows_of[slot] = p;
        }
    }
    for (size_t e = 0; e < n_events; e++) {
        size_t first = bundle->event_start[e], n = bundle->event_start[e + 1] - first;
        if (n > 64)
            sort_large_event_rows(sorted + first, rows_of ? rows_of + first : NULL, n);
        else
            sort_event_rows(sorted + first, rows_of ? rows_of + first : NULL, n);
    }
    if (values) {
        for (size_t p = 0; p < n_rows; p++)
            memcpy(values + p * n_columns,
                   bundle->participation_extra.values + rows_of[p] * n_columns,
                   n_columns * sizeof *values);
        free(bundle->participation_extra.values);
        bundle->participation_extra.values = values;
        values = NULL;
    }
    if (!grouped)
        free(bundle->participations);
    bundle->participations = sorted;
    sorted = NULL;
    status = COOPNET_OK;
cleanup:
    free(next);
    if (!grouped)
        free(sorted);
    free(rows_of);
    free(values);
    return status;
}

/* An error for each pair of actors whose ties' weights (each finite) sum to infinity: the
 * cooperation graph adds them into one link, whose weight would be inf in every export and
 * analysis. Reported on the tie that overflows. O(ties) expected. */
static int check_pair_weights(const coopnet_bundle_t *bundle, coopnet_diag_list_t *diags,
                              const char *ties_file)
{
    if (bundle->n_ties < 2)
        return COOPNET_OK;
    coopnet_u64map_t first_tie_of_pair;
    coopnet_i_u64map_init(&first_tie_of_pair);
    double *pair_total = coopnet_i_alloc_array(bundle->n_ties, sizeof *pair_total);
    int status = COOPNET_ENOMEM;
    if (pair_total == NULL)
        goto cleanup;
    for (size_t t = 0; t < bundle->n_ties; t++) {
        const coopnet_tie_t *tie = &bundle->ties[t];
        uint32_t low = (uint32_t)(tie->from < tie->to ? tie->from : tie->to);
        uint32_t high = (uint32_t)(tie->from < tie->to ? tie->to : tie->from);
        int64_t first;
        if (coopnet_i_u64map_put(&first_tie_of_pair, (uint64_t)low << 32 | high, (int64_t)t,
                                 &first) != 0)
            goto cleanup;
        if (first < 0) {
            pair_total[t] = tie->weight;
            continue;
        }
        double before = pair_total[first];
        pair_total[first] += tie->weight;
        if (isfinite(before) && !isfinite(pair_total[first])) { /* once per pair */
            char first_line[48] = "";
            if (bundle->ties[first].line > 0)
                snprintf(first_line, sizeof first_line, " (first tie on line %llu)",
                         (unsigned long long)bundle->ties[first].line);
            coopnet_diag_add(diags, COOPNET_DIAG_ERROR, ties_file, tie->line,
                             "column 'weight': tie '%s' - '%s' (weight %g): the weights of the "
                             "ties between '%s' and '%s'%s sum to more than %g, the largest "
                             "number; use smaller weights",
                             bundle->actors[tie->from].id, bundle->actors[tie->to].id, tie->weight,
                             bundle->actors[low].id, bundle->actors[high].id, first_line, DBL_MAX);
        }
    }
    status = COOPNET_OK;
cleanup:
    free(pair_total);
    coopnet_i_u64map_destroy(&first_tie_of_pair);
    return status;
}

/* A date further than this from the median date of the data is most likely a typo (1023 for
 * 2023), and would make a time series span centuries. */
#define IMPLAUSIBLE_DATE_YEARS 50

static int compare_days(const void *a, const void *b)
{
    int32_t x = *(const int32_t *)a, y = *(const int32_t *)b;
    return (x > y) - (x < y);
}

static void warn_far_date(coopnet_diag_list_t *diags, const char *file, uint64_t line,
                          const char *column, coopnet_date_t date, int32_t median)
{
    if (date.precision == COOPNET_DATE_NONE)
        return;
    int32_t distance = date.day > median ? date.day - median : median - date.day;
    if (distance <= (int32_t)(IMPLAUSIBLE_DATE_YEARS * 365.25))
        return;
    char text[COOPNET_DATE_TEXT_SIZE], median_text[COOPNET_DATE_TEXT_SIZE];
    coopnet_date_format(date, text);
    coopnet_date_format_day(coopnet_date_from_day(median), median_text);
    coopnet_diag_add(diags, COOPNET_DIAG_WARNING, file, line,
                     "column '%s': date '%s' is %d years from the median date of the data (%s): "
                     "a typo? time series (snapshots, timelines) would span the whole range",
                     column, text, (int)(distance / 365.25 + 0.5), median_text);
}

/* A warning for each event or tie date more than IMPLAUSIBLE_DATE_YEARS from the median of all
 * dates (at least three). O(d log d) for d dates. */
static int warn_implausible_dates(const coopnet_bundle_t *bundle, coopnet_diag_list_t *diags,
                                  const char *events_file, const char *ties_file)
{
    size_t capacity = 2 * (bundle->n_events + bundle->n_ties), n_days = 0;
    int32_t *days = coopnet_i_alloc_array(capacity ? capacity : 1, sizeof *days);
    if (days == NULL)
        return COOPNET_ENOMEM;
    for (size_t e = 0; e < bundle->n_events; e++) {
        const coopnet_event_t *event = &bundle->events[e];
        if (event->date.precision != COOPNET_DATE_NONE)
            days[n_days++] = event->date.day;
        if (event->end.precision != COOPNET_DATE_NONE)
            days[n_days++] = event->end.day;
    }
    for (size_t t = 0; t < bundle->n_ties; t++) {
        const coopnet_tie_t *tie = &bundle->ties[t];
        if (tie->start.precision != COOPNET_DATE_NONE)
            days[n_days++] = tie->start.day;
        if (tie->end.precision != COOPNET_DATE_NONE)
            days[n_days++] = tie->end.day;
    }
    if (n_days >= 3) {
        qsort(days, n_days, sizeof *days, compare_days);
        int32_t median = days[n_days / 2];
        for (size_t e = 0; e < bundle->n_events; e++) {
            const coopnet_event_t *event = &bundle->events[e];
            warn_far_date(diags, events_file, event->line, "date", event->date, median);
            warn_far_date(diags, events_file, event->line, "end", event->end, median);
        }
        for (size_t t = 0; t < bundle->n_ties; t++) {
            const coopnet_tie_t *tie = &bundle->ties[t];
            warn_far_date(diags, ties_file, tie->line, "start", tie->start, median);
            warn_far_date(diags, ties_file, tie->line, "end", tie->end, median);
        }
    }
    free(days);
    return COOPNET_OK;
}

/* The case-folded id: the id itself when it is ASCII without capitals (the usual id, kept by
 * the bundle), an ASCII copy in lower case, else GLib's Unicode case folding; the copies live in
 * strings. NULL when memory ran out. */
static const char *folded_id(const char *id, coopnet_arena_t *strings)
{
    bool ascii = true, capitals = false;
    size_t length = 0;
    for (; id[length] != '\0'; length++) {
        unsigned char c = (unsigned char)id[length];
        ascii = ascii && c < 0x80;
        capitals = capitals || (c >= 'A' && c <= 'Z');
    }
    if (ascii && !capitals)
        return id;
    if (ascii) {
        char *copy = coopnet_i_arena_strndup(strings, id, length);
        for (char *p = copy; p != NULL && *p; p++)
            if (*p >= 'A' && *p <= 'Z')
                *p = (char)(*p - 'A' + 'a');
        return copy;
    }
    char *folded = coopnet_i_names_casefold(id);
    const char *kept = folded ? coopnet_i_arena_strndup(strings, folded, strlen(folded)) : NULL;
    free(folded);
    return kept;
}

/* Warns about each actor (is_event false) or event id that differs from an earlier one only by
 * case ("Fes" and "fes"): they are two actors, which is rarely what was meant; the warning names
 * both ids and both lines. O(n * length of an id). */
static int warn_case_only_ids(const coopnet_bundle_t *bundle, bool is_event,
                              coopnet_diag_list_t *diags, const char *file)
{
    size_t n = is_event ? bundle->n_events : bundle->n_actors;
    /* ids of ASCII without capitals (most bundles') are their own folding, and distinct: none
     * can differ from another by case only, and no table is needed to tell */
    bool all_plain = true;
    for (size_t i = 0; i < n && all_plain; i++) {
        const char *id = is_event ? bundle->events[i].id : bundle->actors[i].id;
        for (const unsigned char *p = (const unsigned char *)id; *p && all_plain; p++)
            all_plain = *p < 0x80 && !(*p >= 'A' && *p <= 'Z');
    }
    if (all_plain)
        return COOPNET_OK;
    coopnet_strmap_t folded_ids;
    coopnet_arena_t strings;
    coopnet_i_strmap_init(&folded_ids);
    coopnet_i_arena_init(&strings);
    int status = coopnet_i_strmap_reserve(&folded_ids, n) == 0 ? COOPNET_OK : COOPNET_ENOMEM;
    for (size_t i = 0; i < n && status == COOPNET_OK; i++) {
        const char *id = is_event ? bundle->events[i].id : bundle->actors[i].id;
        const char *kept = folded_id(id, &strings);
        int64_t first;
        if (kept == NULL || coopnet_i_strmap_put(&folded_ids, kept, (int64_t)i, &first) != 0) {
            status = COOPNET_ENOMEM;
            break;
        }
        if (first < 0)
            continue;
        const char *first_id = is_event ? bundle->events[first].id : bundle->actors[first].id;
        uint64_t first_line = is_event ? bundle->events[first].line : bundle->actors[first].line;
        uint64_t line = is_event ? bundle->events[i].line : bundle->actors[i].line;
        const char *what = is_event ? "event" : "actor";
        coopnet_diag_add(diags, COOPNET_DIAG_WARNING, file, line,
                         "%s id '%s' differs from '%s' (line %llu) only by case: they are two "
                         "%ss; if they are one, write both the same way",
                         what, id, first_id, (unsigned long long)first_line, what);
    }
    coopnet_i_strmap_destroy(&folded_ids);
    coopnet_i_arena_destroy(&strings);
    return status;
}

int coopnet_i_bundle_finish(coopnet_bundle_t *bundle, coopnet_diag_list_t *diags,
                            const char *actors_file, const char *events_file, const char *ties_file)
{
    size_t n_events = bundle->n_events;
    bundle->event_start = calloc(n_events + 1, sizeof *bundle->event_start);
    unsigned char *active = calloc(bundle->n_actors ? bundle->n_actors : 1, 1);
    int status = COOPNET_ENOMEM;
    if (!bundle->event_start || !active || order_participations(bundle) != COOPNET_OK)
        goto cleanup;

    for (size_t e = 0; e < n_events; e++) {
        const coopnet_event_t *event = &bundle->events[e];
        size_t size = bundle->event_start[e + 1] - bundle->event_start[e];
        if (event->date.precision == COOPNET_DATE_NONE)
            coopnet_diag_add(diags, COOPNET_DIAG_WARNING, events_file, event->line,
                             "event '%s' is undated: temporal analyses read it as possible on "
                             "any day of the study window; bound it with an interval "
                             "(START/END, docs/bundle-format.md) if the sources allow",
                             event->id);
        if (size < 2 && event->stated_participants > size)
            coopnet_diag_add(diags, COOPNET_DIAG_WARNING, events_file, event->line,
                             "event '%s' has %zu participant%s named of the %s%llu the "
                             "sources state: it links no one",
                             event->id, size, size == 1 ? "" : "s",
                             event->stated_at_least ? "at least " : "",
                             (unsigned long long)event->stated_participants);
        else if (size < 2)
            coopnet_diag_add(diags, COOPNET_DIAG_WARNING, events_file, event->line,
                             "event '%s' has %zu participant%s", event->id, size,
                             size == 1 ? "" : "s");
        else if (event->stated_participants > 0 && !event->stated_at_least &&
                 event->stated_participants < size)
            coopnet_diag_add(diags, COOPNET_DIAG_WARNING, events_file, event->line,
                             "column 'participants': event '%s' names %zu participants in "
                             "participation.csv but its 'participants' column states %llu",
                             event->id, size, (unsigned long long)event->stated_participants);
    }
    for (size_t p = 0; p < bundle->n_participations; p++)
        active[bundle->participations[p].actor] = 1;
    for (size_t t = 0; t < bundle->n_ties; t++)
        active[bundle->ties[t].from] = active[bundle->ties[t].to] = 1;
    for (size_t a = 0; a < bundle->n_actors; a++)
        if (!active[a])
            coopnet_diag_add(diags, COOPNET_DIAG_WARNING, actors_file, bundle->actors[a].line,
                             "actor '%s' takes part in no event and has no tie",
                             bundle->actors[a].id);
    settle_intervals(bundle, diags, events_file, ties_file);
    if (warn_case_only_ids(bundle, false, diags, actors_file) != COOPNET_OK ||
        warn_case_only_ids(bundle, true, diags, events_file) != COOPNET_OK)
        goto cleanup;
    status = check_pair_weights(bundle, diags, ties_file);
    if (status == COOPNET_OK)
        status = warn_implausible_dates(bundle, diags, events_file, ties_file);
cleanup:
    free(active);
    return status;
}
