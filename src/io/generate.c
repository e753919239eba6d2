/* SPDX-License-Identifier: GPL-3.0-or-later */
/* generate.c - synthetic bundles with realistic structure (see coopnet/generate.h). */
#include "coopnet/generate.h"
#include "coopnet/bundle.h"
#include "coopnet/date.h"
#include "coopnet/output.h"
#include "core/internal.h"
#include "core/random.h"

#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

/* ---- the random generator (core/random.h), and the draws built on it ---- */

/* Uniform in [0, n); n > 0. The bias of the multiply-shift is below 2^-32 for our n. */
static size_t random_below(coopnet_i_random_t *random, size_t n)
{
    return (size_t)(((coopnet_i_random_next(random) >> 32) * (uint64_t)n) >> 32);
}

static double random_normal(coopnet_i_random_t *random)
{
    double u = 1.0 - coopnet_i_random_uniform(random); /* (0, 1] */
    double v = coopnet_i_random_uniform(random);
    return sqrt(-2.0 * log(u)) * cos(6.283185307179586 * v);
}

static int random_chance(coopnet_i_random_t *random, double probability)
{
    return coopnet_i_random_uniform(random) < probability;
}

/* ---- fixed tables ------------------------------------------------------------------------ */

typedef struct country_info {
    const char code[3];
    double lat, lon;
} country_info_t;

/* Real ISO codes with approximate coordinates of their capitals: the MENA region first. */
static const country_info_t country_table[COOPNET_GENERATE_MAX_COUNTRIES] = {
    {"MA", 34.02, -6.84}, {"TN", 36.81, 10.18},  {"IQ", 33.31, 44.37},  {"JO", 31.95, 35.91},
    {"LB", 33.89, 35.50}, {"DZ", 36.75, 3.06},   {"EG", 30.04, 31.24},  {"LY", 32.89, 13.19},
    {"PS", 31.90, 35.20}, {"YE", 15.37, 44.19},  {"SY", 33.51, 36.29},  {"SA", 24.71, 46.68},
    {"KW", 29.38, 47.99}, {"BH", 26.23, 50.59},  {"QA", 25.29, 51.53},  {"AE", 24.45, 54.38},
    {"OM", 23.59, 58.41}, {"MR", 18.09, -15.98}, {"SD", 15.50, 32.56},  {"TR", 39.93, 32.86},
    {"MT", 35.90, 14.51}, {"CY", 35.17, 33.36},  {"GR", 37.98, 23.73},  {"IT", 41.90, 12.50},
    {"FR", 48.86, 2.35},  {"ES", 40.42, -3.70},  {"PT", 38.72, -9.14},  {"BE", 50.85, 4.35},
    {"NL", 52.37, 4.90},  {"DE", 52.52, 13.40},  {"GB", 51.51, -0.13},  {"IE", 53.35, -6.26},
    {"DK", 55.68, 12.57}, {"SE", 59.33, 18.07},  {"NO", 59.91, 10.75},  {"FI", 60.17, 24.94},
    {"AT", 48.21, 16.37}, {"CH", 46.95, 7.45},   {"PL", 52.23, 21.01},  {"HU", 47.50, 19.04},
    {"RO", 44.43, 26.10}, {"BG", 42.70, 23.32},  {"RS", 44.79, 20.45},  {"BA", 43.86, 18.41},
    {"AL", 41.33, 19.82}, {"MK", 41.99, 21.43},  {"ME", 42.44, 19.26},  {"KE", -1.29, 36.82},
    {"NG", 9.08, 7.40},   {"SN", 14.72, -17.47}, {"ML", 12.64, -8.00},  {"NE", 13.51, 2.11},
    {"TD", 12.13, 15.06}, {"SO", 2.05, 45.32},   {"ET", 9.03, 38.74},   {"PK", 33.68, 73.05},
    {"AF", 34.56, 69.21}, {"ID", -6.21, 106.85}, {"PH", 14.60, 120.98}, {"US", 38.91, -77.04}};

/* Countries of international partners' headquarters ("" for multilateral bodies). */
static const char *const partner_countries[] = {"",   "",   "",   "US", "GB", "DE", "NL",
                                                "SE", "CH", "NO", "DK", "BE", "FR"};
static const char *const partner_kinds[][2] = {{"international_org", "International Organisation"},
                                               {"donor_agency", "Development Agency"},
                                               {"network", "Cities Network"},
                                               {"foundation", "Foundation"},
                                               {"ngo", "International NGO"},
                                               {"international_org", "Regional Hub"},
                                               {"research_institute", "Institute"}};
static const char *const national_kinds[][2] = {
    {"national_body", "National Committee for Prevention"},
    {"ministry", "Ministry of Interior"},
    {"association", "Association of Mayors"},
    {"ministry", "Ministry of Youth"},
    {"national_body", "National Observatory"},
    {"ministry", "Ministry of Foreign Affairs"},
    {"ngo", "National Civil Society Platform"}};
static const char *const topics[] = {"youth engagement",
                                     "preventing hate speech",
                                     "local prevention networks",
                                     "community resilience",
                                     "crisis response",
                                     "social cohesion",
                                     "online harms",
                                     "reintegration of returnees",
                                     "national-local cooperation",
                                     "women in prevention"};
/* 29 of them, a prime: place_name's check syllable needs it */
static const char *const syllables[] = {"ta", "ri", "za", "mo", "ka", "sa", "la", "bi", "na", "du",
                                        "fe", "ha", "ja", "ou", "ra", "me", "ti", "ba", "ke", "ya",
                                        "al", "di", "mi", "ne", "zo", "qa", "se", "lu", "go"};
#define N_OF(array) (sizeof(array) / sizeof *(array))

/* ---- options ----------------------------------------------------------------------------- */

void coopnet_generate_options_init(coopnet_generate_options_t *options)
{
    options->n_actors = 1000;
    options->n_events = 1000;
    options->n_countries = 8;
    options->mean_size = 10;
    options->n_ties = 500;
    options->n_years = 10;
    options->last_year = 2025;
    options->seed = 1;
}

int coopnet_generate_check(const coopnet_generate_options_t *options, coopnet_error_t *err)
{
    const size_t limit = (size_t)1 << 30; /* ids and indices stay in 32 bits */
    if (options->n_actors < 2 || options->n_actors > limit)
        return COOPNET_ERROR(err, COOPNET_EINVAL, "number of actors '%zu' outside [2, %zu]",
                             options->n_actors, limit);
    if (options->n_events < 1 || options->n_events > limit)
        return COOPNET_ERROR(err, COOPNET_EINVAL, "number of events '%zu' outside [1, %zu]",
                             options->n_events, limit);
    if (options->n_countries < 1 || options->n_countries > COOPNET_GENERATE_MAX_COUNTRIES ||
        options->n_countries >= options->n_actors)
        return COOPNET_ERROR(err, COOPNET_EINVAL,
                             "number of countries '%zu' outside [1, %d] or not below the number "
                             "of actors",
                             options->n_countries, COOPNET_GENERATE_MAX_COUNTRIES);
    if (!(options->mean_size >= 2) || !(options->mean_size < (double)options->n_actors) ||
        options->mean_size * (double)options->n_events > (double)limit * 4)
        return COOPNET_ERROR(err, COOPNET_EINVAL,
                             "mean event size '%g' outside [2, number of actors) or too many "
                             "participations",
                             options->mean_size);
    if (options->n_ties > limit)
        return COOPNET_ERROR(err, COOPNET_EINVAL, "number of ties '%zu' above %zu", options->n_ties,
                             limit);
    if (options->n_years < 1 || options->n_years > 100)
        return COOPNET_ERROR(err, COOPNET_EINVAL, "number of years '%d' outside [1, 100]",
                             options->n_years);
    if (options->last_year - options->n_years + 1 < 1100 || options->last_year > 9999)
        return COOPNET_ERROR(err, COOPNET_EINVAL, "years '%d-%d' outside [1100, 9999]",
                             options->last_year - options->n_years + 1, options->last_year);
    return COOPNET_OK;
}

/* ---- the population ---------------------------------------------------------------------- */

typedef struct range {
    uint32_t start, end; /* actors [start, end) */
} range_t;

typedef struct country {
    range_t all;      /* national bodies, then each region's governorate and cities */
    range_t national; /* the national bodies */
    uint32_t first_region, n_regions;
    uint32_t next_unseen;   /* coverage cursor over `all` */
    size_t events_left;     /* events of this country not yet written */
    uint32_t last_national; /* the country's latest national event + 1, 0 when none */
} country_t;

typedef struct actor {
    uint8_t level;
    int16_t country;     /* index into countries, -1 for international partners */
    uint32_t region;     /* index into regions (local and regional actors) */
    uint32_t last_event; /* event index + 1 that last drew this actor: no duplicates */
    uint8_t active;      /* takes part in an event or a tie */
} actor_t;

enum { KIND_NATIONAL, KIND_SUBNATIONAL, KIND_CROSS_COUNTRY };

typedef struct event_plan {
    uint32_t size;
    uint32_t cap;
    int32_t day;
    uint8_t kind, precision;
    int16_t country;
    uint32_t region;
} event_plan_t;

#define MAX_CROSS_COUNTRIES 5

typedef struct generator {
    const coopnet_generate_options_t *options;
    coopnet_i_random_t random;
    actor_t *actors;
    double *cumulative; /* cumulative[a + 1] - cumulative[a]: activity weight of actor a */
    country_t countries[COOPNET_GENERATE_MAX_COUNTRIES];
    double country_cumulative[COOPNET_GENERATE_MAX_COUNTRIES + 1]; /* by actor count */
    range_t *regions;
    size_t n_regions;
    range_t international;
    uint32_t next_unseen_international;
    uint32_t *region_last; /* per region: its latest sub-national event + 1, 0 when none */
    uint32_t *seated;      /* the participants of the events written so far, event by event */
    size_t *seated_start;  /* n_events + 1 offsets into seated */
    event_plan_t *events;
    int id_width;       /* digits of actor ids */
    int event_id_width; /* digits of event ids */
    int32_t first_day, n_days;
    char source[96];
} generator_t;

static uint32_t range_size(range_t range)
{
    return range.end - range.start;
}

static size_t round_count(double value)
{
    return value < 0 ? 0 : (size_t)(value + 0.5);
}

/* Activity: Pareto(alpha 2) weights, scaled up for the levels that attend most. */
static double activity_weight(generator_t *gen, int level)
{
    static const double level_factor[COOPNET_LEVEL_COUNT] = {1.0, 2.0, 4.0, 6.0};
    double pareto = pow(1.0 - coopnet_i_random_uniform(&gen->random), -0.5);
    return pareto * level_factor[level];
}

static void place_actor(generator_t *gen, uint32_t a, int level, int country, uint32_t region)
{
    gen->actors[a].level = (uint8_t)level;
    gen->actors[a].country = (int16_t)country;
    gen->actors[a].region = region;
    gen->cumulative[a + 1] = gen->cumulative[a] + activity_weight(gen, level);
}

static int build_population(generator_t *gen)
{
    const coopnet_generate_options_t *options = gen->options;
    size_t n_actors = options->n_actors, n_countries = options->n_countries;
    size_t n_international = round_count(0.02 * (double)n_actors);
    if (n_international < 1)
        n_international = 1;
    if (n_international > n_actors - n_countries)
        n_international = n_actors - n_countries;
    size_t n_domestic = n_actors - n_international;

    /* country sizes: Zipf-like shares, at least one actor each */
    double shares[COOPNET_GENERATE_MAX_COUNTRIES], total_share = 0;
    for (size_t c = 0; c < n_countries; c++)
        total_share += shares[c] = pow((double)(c + 1), -0.7);
    size_t sizes[COOPNET_GENERATE_MAX_COUNTRIES], assigned = 0;
    for (size_t c = 0; c < n_countries; c++) {
        sizes[c] = 1 + (size_t)((double)(n_domestic - n_countries) * shares[c] / total_share);
        assigned += sizes[c];
    }
    for (size_t c = 0; assigned < n_domestic; c = (c + 1) % n_countries, assigned++)
        sizes[c]++;

    size_t max_regions = 0;
    for (size_t c = 0; c < n_countries; c++)
        max_regions += sizes[c];
    gen->regions = coopnet_i_alloc_array(max_regions, sizeof *gen->regions);
    if (gen->regions == NULL)
        return COOPNET_ENOMEM;

    uint32_t a = 0;
    gen->country_cumulative[0] = 0;
    for (size_t c = 0; c < n_countries; c++) {
        country_t *country = &gen->countries[c];
        size_t n = sizes[c];
        size_t n_national = round_count(0.04 * (double)n);
        if (n_national < 1)
            n_national = 1;
        size_t n_regions = round_count(0.12 * (double)n);
        if (n_regions < 1 && n > n_national)
            n_regions = 1;
        if (n_regions > n - n_national)
            n_regions = n - n_national;
        size_t n_local = n - n_national - n_regions;
        country->all.start = a;
        country->next_unseen = a;
        for (size_t i = 0; i < n_national; i++, a++)
            place_actor(gen, a, COOPNET_LEVEL_NATIONAL, (int)c, 0);
        country->national = (range_t){country->all.start, a};
        country->first_region = (uint32_t)gen->n_regions;
        country->n_regions = (uint32_t)n_regions;
        for (size_t r = 0; r < n_regions; r++) {
            uint32_t region = (uint32_t)gen->n_regions++;
            size_t n_cities = n_local / n_regions + (r < n_local % n_regions);
            gen->regions[region].start = a;
            place_actor(gen, a++, COOPNET_LEVEL_REGIONAL, (int)c, region);
            for (size_t i = 0; i < n_cities; i++)
                place_actor(gen, a++, COOPNET_LEVEL_LOCAL, (int)c, region);
            gen->regions[region].end = a;
        }
        country->all.end = a;
        gen->country_cumulative[c + 1] = gen->country_cumulative[c] + (double)n;
    }
    gen->international = (range_t){a, (uint32_t)n_actors};
    gen->next_unseen_international = a;
    for (; a < n_actors; a++)
        place_actor(gen, a, COOPNET_LEVEL_INTERNATIONAL, -1, 0);
    return COOPNET_OK;
}

/* ---- drawing actors ---------------------------------------------------------------------- */

static size_t pick_country(generator_t *gen)
{
    size_t n = gen->options->n_countries;
    double x = coopnet_i_random_uniform(&gen->random) * gen->country_cumulative[n];
    size_t low = 0, high = n - 1;
    while (low < high) {
        size_t middle = (low + high) / 2;
        if (gen->country_cumulative[middle + 1] <= x)
            low = middle + 1;
        else
            high = middle;
    }
    return low;
}

/* An actor of range by activity weight, not yet drawn for event `mark` (then marked), or -1
 * when all are. A few weighted tries, then a scan from a random place so a nearly exhausted
 * range still answers in O(range). */
static long draw_actor(generator_t *gen, range_t range, uint32_t mark)
{
    uint32_t n = range_size(range);
    if (n == 0)
        return -1;
    const double *cumulative = gen->cumulative;
    double low_weight = cumulative[range.start], span = cumulative[range.end] - low_weight;
    for (int attempt = 0; attempt < 16; attempt++) {
        double x = low_weight + coopnet_i_random_uniform(&gen->random) * span;
        uint32_t low = range.start, high = range.end - 1;
        while (low < high) {
            uint32_t middle = low + (high - low) / 2;
            if (cumulative[middle + 1] <= x)
                low = middle + 1;
            else
                high = middle;
        }
        if (gen->actors[low].last_event != mark) {
            gen->actors[low].last_event = mark;
            return low;
        }
    }
    uint32_t offset = (uint32_t)random_below(&gen->random, n);
    for (uint32_t i = 0; i < n; i++) {
        uint32_t a = range.start + (offset + i) % n;
        if (gen->actors[a].last_event != mark) {
            gen->actors[a].last_event = mark;
            return a;
        }
    }
    return -1;
}

/* The next actor of range that has taken part in nothing yet (advancing *cursor), marked for
 * the event; -1 when there is none. */
static long draw_unseen(generator_t *gen, range_t range, uint32_t *cursor, uint32_t mark)
{
    while (*cursor < range.end) {
        uint32_t a = (*cursor)++;
        if (!gen->actors[a].active && gen->actors[a].last_event != mark) {
            gen->actors[a].last_event = mark;
            return a;
        }
    }
    return -1;
}

/* ---- planning the events ----------------------------------------------------------------- */

static int compare_days(const void *a, const void *b)
{
    int32_t x = *(const int32_t *)a, y = *(const int32_t *)b;
    return x < y ? -1 : x > y;
}

/* A day in the period, more often late than early (density rising linearly threefold). */
static int32_t draw_day(generator_t *gen)
{
    double u = coopnet_i_random_uniform(&gen->random);
    double t = (-1.0 + sqrt(1.0 + 8.0 * u)) / 2.0;
    int32_t offset = (int32_t)(t * gen->n_days);
    return gen->first_day + (offset < gen->n_days ? offset : gen->n_days - 1);
}

static uint32_t cross_country_count(generator_t *gen, size_t event)
{
    /* the countries of a cross-country event follow from its index: no storage needed */
    size_t n = gen->options->n_countries;
    uint32_t k = 2 + (uint32_t)(event % (MAX_CROSS_COUNTRIES - 1));
    return k < n ? k : (uint32_t)n;
}

static int plan_events(generator_t *gen)
{
    const coopnet_generate_options_t *options = gen->options;
    size_t n_events = options->n_events;
    int32_t *days = coopnet_i_alloc_array(n_events, sizeof *days);
    gen->events = coopnet_i_alloc_array(n_events, sizeof *gen->events);
    if (days == NULL || gen->events == NULL) {
        free(days);
        return COOPNET_ENOMEM;
    }
    for (size_t e = 0; e < n_events; e++)
        days[e] = draw_day(gen);
    qsort(days, n_events, sizeof *days, compare_days); /* ids in date order, as people number */

    double mean = options->mean_size;
    double sigma = 1.0, mu = log(mean - 2.0 + 1e-9) - sigma * sigma / 2;
    size_t max_size = (size_t)(50.0 * mean);
    uint64_t target = (uint64_t)llround(mean * (double)n_events), total = 0, capacity = 0;
    uint32_t n_international = range_size(gen->international);
    for (size_t e = 0; e < n_events; e++) {
        event_plan_t *event = &gen->events[e];
        double u = coopnet_i_random_uniform(&gen->random);
        event->day = days[e];
        event->precision = u < 0.93   ? COOPNET_DATE_DAY
                           : u < 0.98 ? COOPNET_DATE_MONTH
                                      : COOPNET_DATE_NONE;
        size_t c = pick_country(gen);
        country_t *country = &gen->countries[c];
        event->country = (int16_t)c;
        event->region = 0;
        double k = coopnet_i_random_uniform(&gen->random);
        uint64_t pool;
        if (options->n_countries >= 2 && k < 0.06) {
            event->kind = KIND_CROSS_COUNTRY;
            /* its countries: c and the next ones in the table */
            pool = n_international;
            for (uint32_t i = 0; i < cross_country_count(gen, e); i++)
                pool += range_size(gen->countries[(c + i) % options->n_countries].all);
        } else if (country->n_regions > 0 && k < 0.26) {
            event->kind = KIND_SUBNATIONAL;
            event->region =
                country->first_region + (uint32_t)random_below(&gen->random, country->n_regions);
            pool = range_size(gen->regions[event->region]) + range_size(country->national) +
                   n_international;
        } else {
            event->kind = KIND_NATIONAL;
            pool = range_size(country->all) + n_international;
        }
        country->events_left++;
        event->cap = (uint32_t)(pool < max_size ? pool : max_size);
        double size = 2.0 + exp(mu + sigma * random_normal(&gen->random));
        event->size = size >= event->cap ? event->cap : (uint32_t)size;
        if (event->size < 2)
            event->size = 2;
        total += event->size;
        capacity += event->cap;
    }
    free(days);
    if (capacity < target)
        return COOPNET_EINVAL;
    gen->seated = coopnet_i_alloc_array(target, sizeof *gen->seated);
    gen->seated_start = coopnet_i_alloc_array(n_events + 1, sizeof *gen->seated_start);
    gen->region_last = calloc(gen->n_regions + 1, sizeof *gen->region_last);
    if (gen->seated == NULL || gen->seated_start == NULL || gen->region_last == NULL)
        return COOPNET_ENOMEM;
    gen->seated_start[0] = 0;
    /* hit the asked total exactly: one participant more or fewer in random events */
    while (total != target) {
        event_plan_t *event = &gen->events[random_below(&gen->random, n_events)];
        if (total < target && event->size < event->cap) {
            event->size++;
            total++;
        } else if (total > target && event->size > 2) {
            event->size--;
            total--;
        }
    }
    return COOPNET_OK;
}

/* ---- writing ----------------------------------------------------------------------------- */

static void write_actor_id(FILE *stream, const generator_t *gen, uint32_t actor)
{
    fprintf(stream, "a%0*u", gen->id_width, (unsigned)actor);
}

/* A pronounceable place name, a function of the actor alone (so its governorate and events can
 * repeat it without storing it), and one that validate's duplicate check does not take for
 * another: the actor's number in base-29 syllables (two of them for the first 29^2 actors, three
 * for the next 29^3, ...), shuffled within each length by an affine map that is a bijection,
 * then a check syllable (the digits' weighted sum mod 29, 29 being prime). Two names of one
 * length thus differ in at least two syllables, so in two letters, and names of two lengths
 * differ in length by two letters: never equal, never one letter apart. */
static void place_name(uint32_t actor, char *buffer, size_t size)
{
    enum { BASE = N_OF(syllables) }; /* 29, a prime */
    uint64_t value = actor, count = (uint64_t)BASE * BASE;
    size_t length = 2;
    while (value >= count) {
        value -= count;
        count *= BASE;
        length++;
    }
    value = (value * 7919 + 12345) % count; /* 7919 is prime to 29: a bijection */
    size_t digits[16], check = 0;
    for (size_t i = 0; i < length; i++) {
        digits[i] = (size_t)(value % BASE);
        value /= BASE;
        check += (i + 1) * digits[i];
    }
    digits[length] = check % BASE;
    size_t used = 0;
    for (size_t i = 0; i <= length && used + 3 < size; i++)
        used += (size_t)snprintf(buffer + used, size - used, "%s", syllables[digits[i]]);
    buffer[0] = (char)(buffer[0] - 'a' + 'A');
}

static void write_coordinates(FILE *stream, generator_t *gen, double lat, double lon)
{
    lat += (coopnet_i_random_uniform(&gen->random) - 0.5) * 3.0;
    lon += (coopnet_i_random_uniform(&gen->random) - 0.5) * 3.0;
    lat = lat > 89.0 ? 89.0 : lat < -89.0 ? -89.0 : lat;
    lon = lon > 179.0 ? 179.0 : lon < -179.0 ? -179.0 : lon;
    fprintf(stream, "%.3f,%.3f", lat, lon);
}

static void write_actors(generator_t *gen, FILE *stream)
{
    fputs("id,name,level,type,country,lat,lon,source\n", stream);
    char name[64];
    for (uint32_t a = 0; a < gen->options->n_actors; a++) {
        const actor_t *actor = &gen->actors[a];
        write_actor_id(stream, gen, a);
        const char *code = actor->country >= 0 ? country_table[actor->country].code : "";
        switch (actor->level) {
        case COOPNET_LEVEL_LOCAL:
            place_name(a, name, sizeof name);
            fprintf(stream, ",%s,local,city,%s,", name, code);
            break;
        case COOPNET_LEVEL_REGIONAL:
            place_name(a + 1, name, sizeof name); /* named after its first city */
            fprintf(stream, ",%s Governorate,regional,governorate,%s,", name, code);
            break;
        case COOPNET_LEVEL_NATIONAL: {
            uint32_t i = a - gen->countries[actor->country].national.start;
            fprintf(stream, ",%s", national_kinds[i % N_OF(national_kinds)][1]);
            if (i >= N_OF(national_kinds))
                fprintf(stream, " %u", (unsigned)(i / N_OF(national_kinds) + 1));
            fprintf(stream, " (%s),national,%s,%s,", code,
                    national_kinds[i % N_OF(national_kinds)][0], code);
            break;
        }
        default: {
            uint32_t i = a - gen->international.start;
            code = partner_countries[i % N_OF(partner_countries)];
            fprintf(stream, ",%s %u,international,%s,%s,",
                    partner_kinds[i % N_OF(partner_kinds)][1], (unsigned)(i + 1),
                    partner_kinds[i % N_OF(partner_kinds)][0], code);
            break;
        }
        }
        const country_info_t *where = NULL;
        if (actor->country >= 0) {
            where = &country_table[actor->country];
        } else {
            for (size_t c = 0; c < N_OF(country_table) && code[0]; c++)
                if (strcmp(country_table[c].code, code) == 0)
                    where = &country_table[c];
        }
        if (where)
            write_coordinates(stream, gen, where->lat, where->lon);
        else
            fputc(',', stream);
        fprintf(stream, ",%s\n", gen->source);
    }
}

static const char *event_type(generator_t *gen, uint32_t size)
{
    static const char *const small[] = {"meeting", "peer_exchange", "visit", "consultation"};
    static const char *const medium[] = {"workshop", "training", "roundtable", "consultation"};
    static const char *const large[] = {"workshop", "roundtable", "conference"};
    static const char *const huge[] = {"conference", "summit"};
    if (size <= 6)
        return small[random_below(&gen->random, N_OF(small))];
    if (size <= 20)
        return medium[random_below(&gen->random, N_OF(medium))];
    if (size <= 60)
        return large[random_below(&gen->random, N_OF(large))];
    return huge[random_below(&gen->random, N_OF(huge))];
}

static void write_date(FILE *stream, int32_t day, int precision)
{
    coopnet_date_t date = {day, (coopnet_date_precision_t)precision, 0, 0, 0};
    char text[COOPNET_DATE_TEXT_SIZE];
    if (precision == COOPNET_DATE_MONTH) {
        int year, month, unused;
        coopnet_date_civil_from_days(day, &year, &month, &unused);
        date.day = coopnet_date_days_from_civil(year, month, 1);
    }
    coopnet_date_format(date, text);
    fputs(text, stream);
}

/* The event's row in events.csv. place_actor names the place (a city, or the capital's region). */
static void write_event_row(generator_t *gen, FILE *stream, size_t e, uint32_t place_actor)
{
    const event_plan_t *event = &gen->events[e];
    const country_info_t *country = &country_table[event->country];
    const char *type = event_type(gen, event->size);
    const char *topic = topics[random_below(&gen->random, N_OF(topics))];
    char place[64];
    place_name(place_actor, place, sizeof place);
    fprintf(stream, "e%0*zu,", gen->event_id_width, e);
    if (event->kind == KIND_CROSS_COUNTRY)
        fprintf(stream, "Regional %s on %s", type, topic);
    else if (event->kind == KIND_SUBNATIONAL)
        fprintf(stream, "%s %s on %s", place, type, topic);
    else
        fprintf(stream, "National %s on %s (%s)", type, topic, country->code);
    fputc(',', stream);
    if (event->precision != COOPNET_DATE_NONE) {
        write_date(stream, event->day, event->precision);
        fputc(',', stream);
        if (event->precision == COOPNET_DATE_DAY && event->size >= 15 &&
            random_chance(&gen->random, 0.4))
            write_date(stream, event->day + 1 + (int32_t)random_below(&gen->random, 2),
                       COOPNET_DATE_DAY);
    } else {
        fputc(',', stream);
    }
    fprintf(stream, ",%s,%s,%s,", type, place, country->code);
    write_coordinates(stream, gen, country->lat, country->lon);
    fprintf(stream, ",%s\n", gen->source);
}

static void write_participation(generator_t *gen, FILE *stream, size_t e, uint32_t actor,
                                const char *role)
{
    gen->actors[actor].active = 1;
    fprintf(stream, "e%0*zu,", gen->event_id_width, e);
    write_actor_id(stream, gen, actor);
    fprintf(stream, ",%s,%s\n", role, gen->source);
}

static const char *ordinary_role(generator_t *gen, const actor_t *actor)
{
    double u = coopnet_i_random_uniform(&gen->random);
    if (actor->level == COOPNET_LEVEL_INTERNATIONAL)
        return u < 0.4 ? "funder" : u < 0.6 ? "facilitator" : "participant";
    return u < 0.06 ? "presenter" : u < 0.11 ? "learner" : "participant";
}

/* The share of national and sub-national events that continue a series: the same people
 * meet again (a local prevention network, a national committee), as in real data, where most
 * links are repeated. */
#define SERIES_SHARE 0.7

/* Writes one event and its participants. The first participant hosts or organises; newcomers
 * (actors not yet in any event) take a share of the seats so that every actor is covered by the
 * end; in a series, the previous meeting's participants come back; the rest are drawn by
 * activity from the event's pools. */
static void write_event(generator_t *gen, FILE *events, FILE *participation, size_t e)
{
    const coopnet_generate_options_t *options = gen->options;
    const event_plan_t *event = &gen->events[e];
    country_t *country = &gen->countries[event->country];
    uint32_t mark = (uint32_t)e + 1;
    range_t pools[MAX_CROSS_COUNTRIES + 2];
    double chances[MAX_CROSS_COUNTRIES + 2]; /* cumulative choice of pool per seat */
    size_t n_pools = 0;
    long host = -1;
    const char *host_role = "host";

    if (event->kind == KIND_CROSS_COUNTRY) {
        uint32_t k = cross_country_count(gen, e);
        for (uint32_t i = 0; i < k; i++) {
            pools[n_pools] = gen->countries[(event->country + i) % options->n_countries].all;
            chances[n_pools] = 0.7 * (i + 1) / k;
            n_pools++;
        }
        host = draw_actor(gen, gen->international, mark);
        host_role = "organiser";
    } else if (event->kind == KIND_SUBNATIONAL) {
        range_t region = gen->regions[event->region];
        pools[n_pools] = region;
        chances[n_pools++] = 0.85;
        pools[n_pools] = country->national;
        chances[n_pools++] = 0.95;
        host = region.start; /* the governorate */
        gen->actors[host].last_event = mark;
    } else {
        pools[n_pools] = country->all;
        chances[n_pools++] = 0.96;
        host = random_chance(&gen->random, 0.5) ? draw_actor(gen, country->national, mark)
                                                : draw_actor(gen, country->all, mark);
        host_role = random_chance(&gen->random, 0.5) ? "organiser" : "host";
    }
    pools[n_pools] = gen->international;
    chances[n_pools++] = 1.0;

    uint32_t place = event->kind == KIND_SUBNATIONAL ? (uint32_t)host + 1
                     : country->n_regions > 0        ? gen->regions[country->first_region].start + 1
                                                     : country->all.start;
    write_event_row(gen, events, e, place);
    write_participation(gen, participation, e, (uint32_t)host, host_role);
    size_t seated = gen->seated_start[e];
    gen->seated[seated++] = (uint32_t)host;

    uint32_t *series_last = event->kind == KIND_SUBNATIONAL ? &gen->region_last[event->region]
                            : event->kind == KIND_NATIONAL  ? &country->last_national
                                                            : NULL;
    size_t returning = 0, returning_end = 0;
    if (series_last && *series_last > 0 && random_chance(&gen->random, SERIES_SHARE)) {
        returning = gen->seated_start[*series_last - 1];
        returning_end = gen->seated_start[*series_last];
    }
    if (series_last)
        *series_last = mark;

    /* newcomer seats: spread this country's (and the partners') uncovered actors over the
     * events left */
    size_t unseen_domestic = country->all.end - country->next_unseen;
    size_t unseen_partners = gen->international.end - gen->next_unseen_international;
    size_t events_left = options->n_events - e;
    size_t newcomers = (unseen_domestic + country->events_left - 1) / country->events_left +
                       (unseen_partners + events_left - 1) / events_left;
    country->events_left--;
    uint32_t seats = event->size - 1;
    if (newcomers > seats / 2 + 1)
        newcomers = seats / 2 + 1;
    for (uint32_t seat = 0; seat < seats; seat++) {
        long actor = -1;
        if (seat < newcomers) {
            actor = draw_unseen(gen, country->all, &country->next_unseen, mark);
            if (actor < 0)
                actor = draw_unseen(gen, gen->international, &gen->next_unseen_international, mark);
        }
        while (actor < 0 && returning < returning_end) {
            uint32_t again = gen->seated[returning++];
            if (gen->actors[again].last_event != mark) {
                gen->actors[again].last_event = mark;
                actor = again;
            }
        }
        if (actor < 0) {
            double u = coopnet_i_random_uniform(&gen->random);
            size_t p = 0;
            while (p + 1 < n_pools && u >= chances[p])
                p++;
            actor = draw_actor(gen, pools[p], mark);
            for (size_t q = 0; actor < 0 && q < n_pools; q++)
                actor = draw_actor(gen, pools[q], mark);
        }
        if (actor < 0)
            break; /* cannot happen: sizes are capped by the pools */
        write_participation(gen, participation, e, (uint32_t)actor,
                            ordinary_role(gen, &gen->actors[actor]));
        gen->seated[seated++] = (uint32_t)actor;
    }
    gen->seated_start[e + 1] = seated;
}

/* ---- ties -------------------------------------------------------------------------------- */

static long random_in(generator_t *gen, range_t range)
{
    uint32_t n = range_size(range);
    return n == 0 ? -1 : (long)(range.start + random_below(&gen->random, n));
}

/* A partner for actor a across levels; sets *type and *directed. -1 when none fits. */
static long tie_partner(generator_t *gen, uint32_t a, const char **type, int *directed)
{
    const actor_t *actor = &gen->actors[a];
    double u = coopnet_i_random_uniform(&gen->random);
    *directed = 0;
    if (actor->level == COOPNET_LEVEL_INTERNATIONAL) {
        country_t *country = &gen->countries[pick_country(gen)];
        *type = u < 0.4 ? "partnership" : u < 0.7 ? "funding" : "technical_support";
        *directed = u >= 0.4;
        return random_in(gen, u < 0.8 ? country->national : country->all);
    }
    country_t *country = &gen->countries[actor->country];
    if (actor->level == COOPNET_LEVEL_LOCAL && u < 0.45) {
        *type = u < 0.3 ? "mou" : "request";
        *directed = u >= 0.3;
        return gen->regions[actor->region].start;
    }
    if (actor->level != COOPNET_LEVEL_NATIONAL && u < 0.7) {
        *type = u < 0.6 ? "mou" : "request";
        *directed = u >= 0.6;
        return random_in(gen, country->national);
    }
    if (actor->level == COOPNET_LEVEL_LOCAL && u < 0.8 && gen->options->n_countries > 1) {
        size_t other = pick_country(gen);
        if (other != (size_t)actor->country) {
            *type = "peer_learning";
            long peer = random_in(gen, gen->countries[other].all);
            return peer >= 0 && gen->actors[peer].level == COOPNET_LEVEL_LOCAL ? peer : -1;
        }
    }
    if (actor->level == COOPNET_LEVEL_NATIONAL && u < 0.5) {
        *type = "partnership";
        long other = random_in(gen, country->national);
        return other == (long)a ? -1 : other;
    }
    *type = actor->level == COOPNET_LEVEL_LOCAL && u < 0.9 ? "membership" : "partnership";
    *directed = strcmp(*type, "membership") == 0;
    return random_in(gen, gen->international);
}

static void write_ties(generator_t *gen, FILE *stream)
{
    fputs("from,to,type,start,end,directed,weight,source\n", stream);
    size_t n_actors = gen->options->n_actors;
    uint32_t uncovered = 0; /* first give the actors in no event a tie, then draw by activity */
    for (size_t t = 0; t < gen->options->n_ties; t++) {
        long from = -1, to = -1;
        const char *type = "partnership";
        int directed = 0;
        while (uncovered < n_actors && gen->actors[uncovered].active)
            uncovered++;
        for (int attempt = 0; to < 0 && attempt < 64; attempt++) {
            if (uncovered < n_actors && attempt < 8)
                from = uncovered;
            else
                from = (long)random_below(&gen->random, n_actors);
            to = tie_partner(gen, (uint32_t)from, &type, &directed);
            if (to == from)
                to = -1;
        }
        if (to < 0) { /* always possible: a national body and a partner */
            from = gen->countries[0].national.start;
            to = gen->international.start;
            type = "partnership";
            directed = 0;
        }
        gen->actors[from].active = gen->actors[to].active = 1;
        write_actor_id(stream, gen, (uint32_t)from);
        fputc(',', stream);
        write_actor_id(stream, gen, (uint32_t)to);
        fprintf(stream, ",%s,", type);
        double u = coopnet_i_random_uniform(&gen->random);
        int32_t start = draw_day(gen);
        if (u < 0.75)
            write_date(stream, start, COOPNET_DATE_DAY);
        else if (u < 0.9)
            write_date(stream, start, COOPNET_DATE_MONTH);
        fputc(',', stream);
        if (u < 0.75 && random_chance(&gen->random, 0.15))
            write_date(stream, start + 180 + (int32_t)random_below(&gen->random, 1000),
                       COOPNET_DATE_DAY);
        fprintf(stream, ",%s,%d,%s\n", directed ? "true" : "false",
                random_chance(&gen->random, 0.15) ? 2 : 1, gen->source);
    }
}

/* ---- the entry point --------------------------------------------------------------------- */

static int digits(size_t n)
{
    int count = 1;
    while (n >= 10) {
        n /= 10;
        count++;
    }
    return count;
}

int coopnet_generate_write(const char *directory, const coopnet_generate_options_t *options,
                           const coopnet_progress_t *progress, coopnet_error_t *err)
{
    static const char *const files[] = {"actors.csv", "events.csv", "participation.csv",
                                        "ties.csv"};
    enum { ACTORS, EVENTS, PARTICIPATION, TIES, N_FILES };
    coopnet_output_t *outputs[N_FILES] = {NULL};
    char *path = NULL;
    generator_t gen;
    memset(&gen, 0, sizeof gen);
    int status = coopnet_generate_check(options, err);
    if (status != COOPNET_OK)
        return status;

    gen.options = options;
    coopnet_i_random_seed(&gen.random, options->seed);
    gen.id_width = digits(options->n_actors - 1) > 6 ? digits(options->n_actors - 1) : 6;
    gen.event_id_width = digits(options->n_events - 1) > 6 ? digits(options->n_events - 1) : 6;
    gen.first_day = coopnet_date_days_from_civil(options->last_year - options->n_years + 1, 1, 1);
    gen.n_days = coopnet_date_days_from_civil(options->last_year + 1, 1, 1) - gen.first_day;
    snprintf(gen.source, sizeof gen.source, "synthetic: coopnet generate --seed %llu",
             (unsigned long long)options->seed);
    gen.actors = calloc(options->n_actors, sizeof *gen.actors);
    gen.cumulative = coopnet_i_alloc_array(options->n_actors + 1, sizeof *gen.cumulative);
    if (gen.actors == NULL || gen.cumulative == NULL) {
        status = COOPNET_ERROR(err, COOPNET_ENOMEM, "out of memory generating a bundle");
        goto cleanup;
    }
    gen.cumulative[0] = 0;
    if (build_population(&gen) != COOPNET_OK) {
        status = COOPNET_ERROR(err, COOPNET_ENOMEM, "out of memory generating a bundle");
        goto cleanup;
    }
    status = plan_events(&gen);
    if (status == COOPNET_EINVAL) {
        COOPNET_ERROR(err, status,
                      "mean event size '%g' too large: %zu events cannot seat %.0f participations "
                      "among %zu actors",
                      options->mean_size, options->n_events,
                      options->mean_size * (double)options->n_events, options->n_actors);
        goto cleanup;
    }
    if (status != COOPNET_OK) {
        COOPNET_ERROR(err, status, "out of memory generating a bundle");
        goto cleanup;
    }

    if (mkdir(directory, 0777) != 0 && errno != EEXIST) {
        status =
            COOPNET_ERROR(err, COOPNET_EIO, "cannot create '%s': %s", directory, strerror(errno));
        goto cleanup;
    }
    path = malloc(strlen(directory) + 32);
    if (path == NULL) {
        status = COOPNET_ERROR(err, COOPNET_ENOMEM, "out of memory generating a bundle");
        goto cleanup;
    }
    for (int f = 0; f < N_FILES; f++) {
        sprintf(path, "%s/%s", directory, files[f]);
        if ((status = coopnet_output_open(path, &outputs[f], err)) != COOPNET_OK)
            goto cleanup;
    }

    write_actors(&gen, coopnet_output_stream(outputs[ACTORS]));
    FILE *events = coopnet_output_stream(outputs[EVENTS]);
    FILE *participation = coopnet_output_stream(outputs[PARTICIPATION]);
    fputs("id,title,date,end,type,place,country,lat,lon,source\n", events);
    fputs("event,actor,role,source\n", participation);
    size_t report_every = options->n_events / 100 + 1;
    coopnet_progress_report(progress, "generate", 0, options->n_events);
    for (size_t e = 0; e < options->n_events; e++) {
        write_event(&gen, events, participation, e);
        if (e % report_every == 0)
            coopnet_progress_report(progress, "generate", e, options->n_events);
    }
    write_ties(&gen, coopnet_output_stream(outputs[TIES]));
    coopnet_progress_report(progress, "generate", options->n_events, options->n_events);

    /* the four files together: a failure leaves the directory's old bundle whole */
    status = coopnet_output_commit_all(outputs, N_FILES, err);
cleanup:
    for (int f = 0; f < N_FILES; f++)
        coopnet_output_abort(outputs[f]);
    free(path);
    free(gen.actors);
    free(gen.cumulative);
    free(gen.regions);
    free(gen.events);
    free(gen.seated);
    free(gen.seated_start);
    free(gen.region_last);
    return status;
}
