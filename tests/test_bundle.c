/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test_bundle.c - the bundle loader: valid bundles, every validation rule, GraphML input. */
#include "core/internal.h"
#include "testing.h"

#include <coopnet/coopnet.h>
#include <math.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static const char actors_ok[] = "id,name,level,country,lat,lon\n"
                                "a,Alpha,local,MA,34,-6\n"
                                "b,Beta,National,ma,,\n"
                                "c,Gamma,international,,,\n";
static const char events_ok[] = "id,title,date\ne1,One,2024-01\ne2,Two,2024-02-03\n";
static const char participation_ok[] = "event,actor,role\ne1,a,host\ne1,b,\ne2,b,presenter\n"
                                       "e2,c,learner\n";

/* Loads the four texts (ties may be NULL); returns the status, keeps diagnostics in diags. */
static int load(const char *actors, const char *events, const char *participation, const char *ties,
                coopnet_diag_list_t *diags, coopnet_bundle_t **bundle)
{
    coopnet_error_t err;
    coopnet_diag_list_init(diags);
    return coopnet_bundle_load_memory(actors, strlen(actors), events, strlen(events), participation,
                                      strlen(participation), ties, ties ? strlen(ties) : 0, diags,
                                      bundle, &err);
}

/* The formatted first error (or "" when none). */
static const char *first_error(const coopnet_diag_list_t *diags)
{
    static char text[2048];
    text[0] = '\0';
    for (size_t i = 0; i < diags->n_items; i++) {
        if (diags->items[i].severity == COOPNET_DIAG_ERROR) {
            coopnet_diag_format(&diags->items[i], text, sizeof text);
            break;
        }
    }
    return text;
}

static void test_valid_bundle(void)
{
    coopnet_diag_list_t diags;
    coopnet_bundle_t *bundle = NULL;
    CHECK_INT(load(actors_ok, events_ok, participation_ok, NULL, &diags, &bundle), COOPNET_OK);
    CHECK(bundle != NULL);
    CHECK_INT(diags.n_errors, 0);
    CHECK_INT(bundle->n_actors, 3);
    CHECK_INT(bundle->n_events, 2);
    CHECK_INT(bundle->n_participations, 4);
    CHECK_INT(bundle->n_ties, 0);
    CHECK_INT(bundle->actors[1].level, COOPNET_LEVEL_NATIONAL);
    CHECK_STR(bundle->actors[1].country, "MA"); /* normalised to upper case */
    CHECK(isnan(bundle->actors[1].lat));
    CHECK_NEAR(bundle->actors[0].lon, -6, 0);
    CHECK_INT(coopnet_bundle_find_actor(bundle, "c"), 2);
    CHECK_INT(coopnet_bundle_find_event(bundle, "e2"), 1);
    CHECK_INT(coopnet_bundle_find_actor(bundle, "zz"), -1);
    CHECK_INT(bundle->event_start[0], 0);
    CHECK_INT(bundle->event_start[1], 2);
    CHECK_INT(bundle->event_start[2], 4);
    CHECK_INT(bundle->participations[0].role, COOPNET_ROLE_HOST);
    CHECK_INT(bundle->participations[1].role, COOPNET_ROLE_PARTICIPANT);
    CHECK_INT(bundle->events[0].date.precision, COOPNET_DATE_MONTH);
    coopnet_date_t first, last;
    coopnet_bundle_date_range(bundle, &first, &last);
    CHECK_INT(first.day, coopnet_date_days_from_civil(2024, 1, 1));
    CHECK_INT(last.day, coopnet_date_days_from_civil(2024, 2, 3));
    coopnet_bundle_free(bundle);
    coopnet_diag_list_destroy(&diags);
}

static void test_small_bundle_on_disk(void)
{
    coopnet_diag_list_t diags;
    coopnet_bundle_t *bundle = NULL;
    coopnet_error_t err;
    coopnet_diag_list_init(&diags);
    CHECK_INT(coopnet_bundle_load(COOPNET_SOURCE_DIR "/tests/data/small", &diags, &bundle, &err),
              COOPNET_OK);
    CHECK_STR(bundle->name, "small");
    CHECK_INT(bundle->n_actors, 6);
    CHECK_INT(bundle->n_ties, 2);
    CHECK_INT(diags.n_warnings, 1); /* the undated summit */
    CHECK_STR(bundle->events[0].title, "Workshop, first");
    CHECK_STR(bundle->actors[1].name_fr, "F\xC3\xA8s");
    CHECK_STR(bundle->actors[5].name, "Strong Cities MENA Hub");
    CHECK_STR(bundle->ties[1].note, "a note, with comma");
    CHECK(bundle->ties[1].directed);
    CHECK_NEAR(bundle->ties[1].weight, 2, 0);
    CHECK_INT(bundle->actor_extra.n_columns, 1);
    CHECK_STR(bundle->actor_extra.names[0], "sector");
    CHECK_STR(coopnet_bundle_actor_attribute(bundle, 0, "sector"), "capital");
    CHECK_STR(coopnet_bundle_actor_attribute(bundle, 2, "level"), "national");
    CHECK(coopnet_bundle_actor_attribute(bundle, 0, "nonexistent") == NULL);
    coopnet_bundle_free(bundle);
    coopnet_diag_list_destroy(&diags);

    coopnet_diag_list_init(&diags);
    CHECK_INT(coopnet_bundle_load("/nonexistent/bundle", &diags, &bundle, &err), COOPNET_EIO);
    CHECK(bundle == NULL);
    coopnet_diag_list_destroy(&diags);
}

/* One case per validation rule: the file, line and a fragment of the message. */
typedef struct rule_case {
    const char *actors, *events, *participation, *ties;
    const char *expected; /* fragment of the first error, with FILE:LINE */
} rule_case_t;

static void test_validation_rules(void)
{
    static const rule_case_t cases[] = {
        {"id,name\na,A\n", NULL, NULL, NULL,
         "actors.csv:1: error: missing required column 'level'"},
        {"id,name,level\na,A,city\n", NULL, NULL, NULL,
         "actors.csv:2: error: column 'level': unknown level 'city'"},
        {"id,name,level\na,A,local\na,B,local\n", NULL, NULL, NULL,
         "actors.csv:3: error: column 'id': duplicate id 'a' (first on line 2)"},
        {"id,name,level\n,A,local\n", NULL, NULL, NULL,
         "actors.csv:2: error: column 'id': empty value"},
        {"id,name,level,country\na,A,local,XX\n", NULL, NULL, NULL,
         "actors.csv:2: error: column 'country': unknown country code 'XX'"},
        {"id,name,level,lat,lon\na,A,local,95,0\n", NULL, NULL, NULL,
         "column 'lat': latitude '95' outside [-90, 90]"},
        {"id,name,level,lat,lon\na,A,local,1,200\n", NULL, NULL, NULL,
         "column 'lon': longitude '200' outside [-180, 180]"},
        {"id,name,level,lat,lon\na,A,local,\"33,5\",1\n", NULL, NULL, NULL,
         "invalid number '33,5' (use a point"},
        {"id,name,level,lat,lon\na,A,local,33,\n", NULL, NULL, NULL,
         "column 'lon': empty while 'lat' is given"},
        {"id,name,level\na,A,local,extra\n", NULL, NULL, NULL,
         "actors.csv:2: error: expected 3 fields as in the header, found 4"},
        {"id;name;level\na;A;local\n", NULL, NULL, NULL,
         "actors.csv:1: error: the header 'id;name;level' looks separated by ';'"},
        {"id,name,level,id\n", NULL, NULL, NULL, "column 'id' appears twice"},
        {"", NULL, NULL, NULL, "actors.csv: error: empty file"},
        {NULL, "id,title,date\ne,E,31/01/2024\n", NULL, NULL,
         "events.csv:2: error: column 'date': invalid date '31/01/2024'"},
        {NULL, "id,title,date,end\ne,E,2024-02-01,2024-01-31\n", NULL, NULL,
         "column 'end': end '2024-01-31' is before the date '2024-02-01'"},
        {NULL, "id,title,date,end\ne,E,,2024-01-31\n", NULL, NULL,
         "column 'end': end '2024-01-31' given for an undated event"},
        {NULL, "id,title,date\ne,E,2024\ne,F,2024\n", NULL, NULL,
         "events.csv:3: error: column 'id': duplicate id 'e'"},
        {NULL, NULL, "event,actor\ne1,zz\n", NULL,
         "participation.csv:2: error: column 'actor': unknown actor 'zz'"},
        {NULL, NULL, "event,actor\nzz,a\n", NULL,
         "participation.csv:2: error: column 'event': unknown event 'zz'"},
        {NULL, NULL, "event,actor,role\ne1,a,speaker\n", NULL,
         "column 'role': unknown role 'speaker'"},
        {NULL, NULL, NULL, "from,to,type\na,zz,mou\n",
         "ties.csv:2: error: column 'to': unknown actor 'zz'"},
        {NULL, NULL, NULL, "from,to,type\na,a,mou\n", "ties.csv:2: error: column 'to': self-tie"},
        {NULL, NULL, NULL, "from,to,type,start,end\na,b,mou,2024-02,2024-01\n",
         "column 'end': end '2024-01' is before the start '2024-02'"},
        {NULL, NULL, NULL, "from,to,type,directed\na,b,mou,yes\n",
         "column 'directed': invalid value 'yes'"},
        {NULL, NULL, NULL, "from,to,type,weight\na,b,mou,-1\n",
         "column 'weight': weight '-1' is not positive"},
        {NULL, NULL, NULL, "from,to,type,weight\na,b,mou,abc\n",
         "column 'weight': invalid number 'abc'"},
        {NULL, NULL, NULL, "from,to\na,b\n", "ties.csv:1: error: missing required column 'type'"},
        {NULL, "id,title,date,participants\ne1,One,2024,forty\n", NULL, NULL,
         "events.csv:2: error: column 'participants': invalid participant count 'forty'"},
        {NULL, "id,title,date,participants\ne1,One,2024,0\n", NULL, NULL,
         "events.csv:2: error: column 'participants': invalid participant count '0'"},
        {NULL, "id,title,date,participants\ne1,One,2024,40++\n", NULL, NULL,
         "events.csv:2: error: column 'participants': invalid participant count '40++'"},
        {"id,name,level\na,F\xE8s,local\n", NULL, NULL, NULL,
         "actors.csv:2: error: column 'name': field 2: invalid UTF-8"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        const rule_case_t *c = &cases[i];
        coopnet_diag_list_t diags;
        coopnet_bundle_t *bundle = (coopnet_bundle_t *)1;
        int status =
            load(c->actors ? c->actors : actors_ok, c->events ? c->events : events_ok,
                 c->participation ? c->participation : participation_ok, c->ties, &diags, &bundle);
        if (status != COOPNET_EDATA)
            fprintf(stderr, "case %zu: status %d\n", i, status);
        CHECK_INT(status, COOPNET_EDATA);
        CHECK(bundle == NULL);
        CHECK_CONTAINS(first_error(&diags), c->expected);
        coopnet_diag_list_destroy(&diags);
    }
}

static void test_all_errors_listed(void)
{
    coopnet_diag_list_t diags;
    coopnet_bundle_t *bundle;
    char actors[8192] = "id,name,level\n";
    for (int i = 0; i < 120; i++)
        sprintf(actors + strlen(actors), "a%d,A,city\n", i);
    CHECK_INT(load(actors, events_ok, "event,actor\n", NULL, &diags, &bundle), COOPNET_EDATA);
    CHECK_INT(diags.n_errors, 120);
    CHECK_INT(diags.kept_errors, COOPNET_DIAG_KEEP);
    coopnet_diag_list_destroy(&diags);
}

static void test_warnings_and_merging(void)
{
    coopnet_diag_list_t diags;
    coopnet_bundle_t *bundle;
    const char *events = "id,title,date\ne1,One,\ne2,Two,2024\n";
    const char *participation = "event,actor,role\ne1,a,participant\ne1,a,presenter\ne1,b,\n"
                                "e2,a,\n";
    CHECK_INT(load(actors_ok, events, participation, NULL, &diags, &bundle), COOPNET_OK);
    CHECK_INT(bundle->n_participations, 3);
    CHECK_INT(bundle->participations[0].role, COOPNET_ROLE_PRESENTER); /* the specific role wins */
    /* warnings: duplicate pair, undated e1, e2 with one participant, c isolated */
    CHECK_INT(diags.n_warnings, 4);
    CHECK_INT(diags.n_errors, 0);
    int saw_duplicate = 0;
    for (size_t i = 0; i < diags.n_items; i++)
        if (strstr(diags.items[i].message, "listed twice") && diags.items[i].line == 3)
            saw_duplicate = 1;
    CHECK(saw_duplicate);
    coopnet_bundle_free(bundle);
    coopnet_diag_list_destroy(&diags);
}

/* events.csv 'participants': how many the sources state, against the named participants. */
static void test_stated_participants(void)
{
    coopnet_diag_list_t diags;
    coopnet_bundle_t *bundle;
    const char *events = "id,title,date,participants\ne1,One,2024-01,41+\ne2,Two,2024-02,1\n"
                         "e3,Three,2024-03,\n";
    const char *participation = "event,actor\ne1,a\ne1,b\ne2,a\ne2,b\ne3,a\ne3,c\n";
    CHECK_INT(load(actors_ok, events, participation, NULL, &diags, &bundle), COOPNET_OK);
    CHECK_INT(bundle->events[0].stated_participants, 41);
    CHECK(bundle->events[0].stated_at_least);
    CHECK(coopnet_event_has_unnamed_participants(bundle, 0)); /* 41+ stated, 2 named */
    CHECK_INT(bundle->events[1].stated_participants, 1);
    CHECK(!bundle->events[1].stated_at_least);
    CHECK(!coopnet_event_has_unnamed_participants(bundle, 1));
    CHECK_INT(bundle->events[2].stated_participants, 0); /* not stated */
    CHECK(!coopnet_event_has_unnamed_participants(bundle, 2));
    /* one warning: e2 states 1 but names 2 */
    CHECK_INT(diags.n_warnings, 1);
    CHECK_INT(diags.items[0].line, 3);
    CHECK_CONTAINS(diags.items[0].message, "names 2 participants in participation.csv but its "
                                           "'participants' column states 1");
    coopnet_bundle_free(bundle);
    coopnet_diag_list_destroy(&diags);
}

static void test_spreadsheet_habits(void)
{
    coopnet_diag_list_t diags;
    coopnet_bundle_t *bundle;
    /* upper-case headers, spaces around values, trailing empty columns and rows, CRLF */
    const char *actors = "ID, Name ,LEVEL,,\r\n a , Alpha ,local,,\r\nb,Beta,national,,\r\n,,,,\r\n"
                         "\r\n";
    const char *participation = "event,actor\ne1,a\ne1,b\n";
    CHECK_INT(load(actors, "id,title,date\ne1,One,2024\n", participation, NULL, &diags, &bundle),
              COOPNET_OK);
    CHECK_INT(bundle->n_actors, 2);
    CHECK_STR(bundle->actors[0].id, "a");
    CHECK_STR(bundle->actors[0].name, "Alpha");
    coopnet_bundle_free(bundle);
    coopnet_diag_list_destroy(&diags);
}

static void test_levels_and_roles(void)
{
    CHECK_INT(coopnet_level_parse("LOCAL"), COOPNET_LEVEL_LOCAL);
    CHECK_INT(coopnet_level_parse("city"), -1);
    CHECK_STR(coopnet_level_name(COOPNET_LEVEL_INTERNATIONAL), "international");
    CHECK_INT(coopnet_role_parse("Organizer"), COOPNET_ROLE_ORGANISER);
    CHECK_INT(coopnet_role_parse("HOST"), COOPNET_ROLE_HOST);
    CHECK_INT(coopnet_role_parse("Facilitator"), COOPNET_ROLE_FACILITATOR);
    CHECK_INT(coopnet_role_parse("participant"), COOPNET_ROLE_PARTICIPANT);
    CHECK_INT(coopnet_role_parse("FUNDER"), COOPNET_ROLE_FUNDER);
    CHECK_INT(coopnet_role_parse("hosts"), -1);
    CHECK_INT(coopnet_role_parse(""), -1);
    CHECK_STR(coopnet_role_name(COOPNET_ROLE_FACILITATOR), "facilitator");
    CHECK(coopnet_country_is_valid("IQ"));
    CHECK(!coopnet_country_is_valid("UK"));
    CHECK(!coopnet_country_is_valid("ma"));
    /* the ends of the list and around them (a binary search) */
    CHECK(coopnet_country_is_valid("AD") && coopnet_country_is_valid("ZW"));
    CHECK(coopnet_country_is_valid("AE") && coopnet_country_is_valid("ZM"));
    CHECK(!coopnet_country_is_valid("AA") && !coopnet_country_is_valid("ZZ"));
    CHECK(!coopnet_country_is_valid("A") && !coopnet_country_is_valid("ADX"));
    CHECK(!coopnet_country_is_valid("") && !coopnet_country_is_valid("\xc3\xa9"));
}

static void test_graphml_input(void)
{
    char path[] = "/tmp/coopnet-test-XXXXXX.graphml";
    int fd = mkstemps(path, 8);
    CHECK(fd >= 0);
    FILE *file = fdopen(fd, "w");
    fputs("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
          "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\">\n"
          "<key id=\"n\" for=\"node\" attr.name=\"name\" attr.type=\"string\"/>\n"
          "<key id=\"l\" for=\"node\" attr.name=\"level\" attr.type=\"string\"/>\n"
          "<key id=\"w\" for=\"edge\" attr.name=\"weight\" attr.type=\"double\"/>\n"
          "<graph edgedefault=\"undirected\">\n"
          "<node id=\"x\"><data key=\"n\">Ex</data><data key=\"l\">national</data></node>\n"
          "<node id=\"y\"><data key=\"n\">Why</data></node>\n"
          "<edge source=\"x\" target=\"y\"><data key=\"w\">2.5</data></edge>\n"
          "</graph></graphml>\n",
          file);
    fclose(file);
    coopnet_diag_list_t diags;
    coopnet_bundle_t *bundle = NULL;
    coopnet_error_t err;
    coopnet_diag_list_init(&diags);
    CHECK_INT(coopnet_bundle_load(path, &diags, &bundle, &err), COOPNET_OK);
    if (bundle) {
        CHECK_INT(bundle->n_actors, 2);
        CHECK_STR(bundle->actors[0].id, "x");
        CHECK_STR(bundle->actors[0].name, "Ex");
        CHECK_INT(bundle->actors[0].level, COOPNET_LEVEL_NATIONAL);
        CHECK_INT(bundle->actors[1].level, COOPNET_LEVEL_LOCAL);
        CHECK_INT(bundle->n_ties, 1);
        CHECK_NEAR(bundle->ties[0].weight, 2.5, 1e-12);
    }
    coopnet_bundle_free(bundle);
    coopnet_diag_list_destroy(&diags);

    file = fopen(path, "w");
    fputs("<graphml><broken", file);
    fclose(file);
    coopnet_diag_list_init(&diags);
    CHECK_INT(coopnet_bundle_load(path, &diags, &bundle, &err), COOPNET_EDATA);
    CHECK(diags.n_errors > 0);
    coopnet_diag_list_destroy(&diags);
    remove(path);
}

/* ---- a large participation.csv, read in two halves on two threads ---------------------------- */

/* rows of participation over 800 actors and 90 events, out of event order, with a repeated pair
 * every 401 rows (the repeat of a row of the first half, or of the second in the second) and pairs
 * of the first half repeated several times in the second, with
 * errors every 997 rows when with_errors, and a quoted cell holding line breaks at the middle
 * when quoted_middle (the middle byte then falls inside a quoted field). extra_column adds an
 * empty column (the loader then reads the file at once). Returns a malloc'd text. */
static char *large_participation(int rows, int with_errors, int quoted_middle, int extra_column)
{
    size_t size = (size_t)rows * 64 + 8192;
    char *text = malloc(size);
    size_t used = (size_t)sprintf(text, "event,actor,role,source%s\n", extra_column ? ",note" : "");
    for (int r = 0; r < rows; r++) {
        int event = r % 90, actor = (r / 90) % 800; /* each pair once, */
        int repeated = r % 401 == 400 && r > 25000   ? r - (r > 33000 ? 2000 : 15000) /* but */
                       : r % 500 == 123 && r > 31000 ? r % 2000 /* several times */
                                                     : -1;
        if (repeated >= 0) {
            event = repeated % 90;
            actor = (repeated / 90) % 800;
        }
        const char *role = r % 3 == 0 ? "participant" : r % 3 == 1 ? "" : "presenter";
        char actor_id[16];
        sprintf(actor_id, "a%d", actor);
        if (with_errors && r % 997 == 5)
            strcpy(actor_id, "nobody");
        if (with_errors && r % 1499 == 7)
            role = "hostt";
        if (quoted_middle && r == rows / 2)
            used += (size_t)sprintf(text + used, "e%d,%s,%s,\"report: a line\nthen another\n\"%s\n",
                                    event, actor_id, role, extra_column ? "," : "");
        else
            used += (size_t)sprintf(text + used, "e%d,%s,%s,report of the meeting%s\n", event,
                                    actor_id, role, extra_column ? "," : "");
    }
    return text;
}

/* Loads participation over the fixed actors and events of the large tests. */
static int load_large(const char *participation, coopnet_diag_list_t *diags,
                      coopnet_bundle_t **bundle)
{
    static char actors[32768], events[4096];
    strcpy(actors, "id,name,level\n");
    for (int a = 0; a < 800; a++)
        sprintf(actors + strlen(actors), "a%d,Actor %d,local\n", a, a);
    strcpy(events, "id,title,date\n");
    for (int e = 0; e < 90; e++)
        sprintf(events + strlen(events), "e%d,Event %d,2024-%02d-01\n", e, e, e % 12 + 1);
    coopnet_error_t err;
    coopnet_diag_list_init(diags);
    coopnet_diag_list_keep_errors(diags, 0);
    return coopnet_bundle_load_memory(actors, strlen(actors), events, strlen(events), participation,
                                      strlen(participation), NULL, 0, diags, bundle, &err);
}

/* The file read in two halves gives what the file read at once gives (the extra column makes the
 * loader read it at once): the same diagnostics in the same order, the same rows. */
static void check_halves_as_whole(int with_errors, int quoted_middle)
{
    char *split = large_participation(60000, with_errors, quoted_middle, 0);
    char *whole = large_participation(60000, with_errors, quoted_middle, 1);
    CHECK(strlen(split) > ((size_t)1 << 20)); /* large enough to be split */
    coopnet_diag_list_t split_diags, whole_diags;
    coopnet_bundle_t *split_bundle = NULL, *whole_bundle = NULL;
    int split_status = load_large(split, &split_diags, &split_bundle);
    int whole_status = load_large(whole, &whole_diags, &whole_bundle);
    CHECK_INT(split_status, with_errors ? COOPNET_EDATA : COOPNET_OK);
    CHECK_INT(whole_status, split_status);
    CHECK_INT(split_diags.n_errors, whole_diags.n_errors);
    CHECK_INT(split_diags.n_warnings, whole_diags.n_warnings);
    CHECK_INT(split_diags.n_items, whole_diags.n_items);
    CHECK(split_diags.n_warnings > COOPNET_DIAG_KEEP); /* the bound on kept warnings is met */
    if (with_errors)
        CHECK(split_diags.n_errors > 70);
    for (size_t i = 0; i < split_diags.n_items && i < whole_diags.n_items; i++) {
        char a[2048], b[2048];
        coopnet_diag_format(&split_diags.items[i], a, sizeof a);
        coopnet_diag_format(&whole_diags.items[i], b, sizeof b);
        CHECK_STR(a, b);
    }
    if (split_bundle && whole_bundle) {
        CHECK_INT(split_bundle->n_participations, whole_bundle->n_participations);
        size_t n = split_bundle->n_participations;
        CHECK(n > 59000 && n < 60000); /* the repeated pairs are merged */
        for (size_t p = 0; p < n && p < whole_bundle->n_participations; p++) {
            const coopnet_participation_t *x = &split_bundle->participations[p];
            const coopnet_participation_t *y = &whole_bundle->participations[p];
            if (x->event != y->event || x->actor != y->actor || x->role != y->role ||
                x->line != y->line || strcmp(x->source, y->source) != 0) {
                CHECK_INT(x->line, y->line);
                break;
            }
        }
    }
    coopnet_bundle_free(split_bundle);
    coopnet_bundle_free(whole_bundle);
    coopnet_diag_list_destroy(&split_diags);
    coopnet_diag_list_destroy(&whole_diags);
    free(split);
    free(whole);
}

static void test_large_file_in_two_halves(void)
{
    check_halves_as_whole(0, 0); /* repeated pairs across the halves */
    check_halves_as_whole(1, 0); /* errors in both halves */
    check_halves_as_whole(0, 1); /* no line starts at the middle: read at once after all */
}

/* Participations come out by event, each event's rows by actor, their extra values moved along:
 * from a file written event by event (sorted in place) and from one whose events come back. */
static void test_participation_order(void)
{
    static const char *const files[] = {
        "event,actor,note\ne1,c,n1c\ne1,a,n1a\ne2,b,n2b\ne2,a,n2a\ne2,c,n2c\n",
        "event,actor,note\ne2,b,n2b\ne1,c,n1c\ne2,a,n2a\ne1,a,n1a\ne2,c,n2c\n"};
    static const char *const actors[] = {"a", "c", "a", "b", "c"};
    static const char *const notes[] = {"n1a", "n1c", "n2a", "n2b", "n2c"};
    for (size_t f = 0; f < 2; f++) {
        coopnet_diag_list_t diags;
        coopnet_bundle_t *bundle = NULL;
        CHECK_INT(load(actors_ok, events_ok, files[f], NULL, &diags, &bundle), COOPNET_OK);
        CHECK_INT(bundle->n_participations, 5);
        CHECK_INT(bundle->event_start[1], 2);
        for (size_t p = 0; p < bundle->n_participations && p < 5; p++) {
            CHECK_INT(bundle->participations[p].event, p < 2 ? 0 : 1);
            CHECK_STR(bundle->actors[bundle->participations[p].actor].id, actors[p]);
            CHECK_INT(bundle->participation_extra.n_columns, 1);
            CHECK_STR(bundle->participation_extra.values[p], notes[p]);
        }
        coopnet_bundle_free(bundle);
        coopnet_diag_list_destroy(&diags);
    }
}

/* Reads actors and events of many rows with errors and warnings in both (ids written in NFD,
 * an event that fails, a reference to it) on one thread or two, max_errors kept. */
static void load_side_by_side(int threads, size_t max_errors, coopnet_diag_list_t *diags,
                              coopnet_bundle_t **bundle, int *status)
{
    size_t n = 300, size = 64 * n + 256;
    char *actors = malloc(size), *events = malloc(size), *participation = malloc(size);
    size_t a = (size_t)sprintf(actors, "id,name,level\n");
    size_t e = (size_t)sprintf(events, "id,title,date\n");
    size_t p = (size_t)sprintf(participation, "event,actor\n");
    char *ties = malloc(size);
    size_t t = (size_t)sprintf(ties, "from,to,type,start,end,directed,weight\n");
    for (size_t i = 0; i < n; i++) {
        a +=
            (size_t)sprintf(actors + a, "a%zu,Actor %zu,%s\n", i, i, i % 7 == 3 ? "town" : "local");
        e += (size_t)sprintf(events + e, "ev%zu,=Event %zu,%s\n", i, i,
                             i % 11 == 5 ? "2024-13-01" : "2024-01-02");
        p += (size_t)sprintf(participation + p, "ev%zu,a%zu\nev%zu,a%zu\n", i, i, i, (i + 1) % n);
        if (i % 19 == 2) /* a repeated pair (a warning), an unknown actor (an error) */
            p +=
                (size_t)sprintf(participation + p, "ev%zu,a%zu\nev%zu,nobody\n", i, (i + 1) % n, i);
        /* ties: an unknown actor, a bad date, a failed actor, a repeated weight now and then */
        t += (size_t)sprintf(ties + t, "a%zu,%s%zu,mou,%s,,false,%s\n", i,
                             i % 13 == 4 ? "ghost" : "a", (i + 2) % n,
                             i % 17 == 6 ? "2024-02-30" : "2023-05", i % 5 == 1 ? "2" : "1");
    }
    a += (size_t)sprintf(actors + a, "caf\x65\xcc\x81,NFD,local\ncaf\xc3\xa9,NFC,local\n");
    e += (size_t)sprintf(events + e, "f\x65\xcc\x81te,NFD,2024\nf\xc3\xa9te,NFC,2024\n");
    coopnet_error_t err;
    coopnet_diag_list_init(diags);
    coopnet_diag_list_keep_errors(diags, max_errors);
    coopnet_i_threads_set_limit(threads);
    *status = coopnet_bundle_load_memory(actors, a, events, e, participation, p, ties, t, diags,
                                         bundle, &err);
    coopnet_i_threads_set_limit(0);
    free(actors);
    free(events);
    free(participation);
    free(ties);
}

/* actors.csv and events.csv read side by side (and ties.csv while events.csv is read) give what
 * they give read one after the other: the same diagnostics in the same order (the kept ones
 * within the bounds, the counts of all). */
static void test_actors_and_events_side_by_side(void)
{
    static const size_t bounds[] = {0, 5, SIZE_MAX};
    for (size_t b = 0; b < 3; b++) {
        coopnet_diag_list_t one, two;
        coopnet_bundle_t *bundle_one = NULL, *bundle_two = NULL;
        int status_one, status_two;
        load_side_by_side(1, bounds[b], &one, &bundle_one, &status_one);
        load_side_by_side(2, bounds[b], &two, &bundle_two, &status_two);
        CHECK_INT(status_one, COOPNET_EDATA);
        CHECK_INT(status_two, status_one);
        CHECK(one.n_errors > 60);
        CHECK(one.n_warnings > COOPNET_DIAG_KEEP);
        CHECK_INT(two.n_errors, one.n_errors);
        CHECK_INT(two.n_warnings, one.n_warnings);
        CHECK_INT(two.n_items, one.n_items);
        for (size_t i = 0; i < one.n_items && i < two.n_items; i++) {
            char x[2048], y[2048];
            coopnet_diag_format(&one.items[i], x, sizeof x);
            coopnet_diag_format(&two.items[i], y, sizeof y);
            CHECK_STR(y, x);
        }
        if (b == 2) { /* all kept: the messages that need the events' own maps are there */
            bool nfd_event = false, unknown_failed = false, tie_errors = false;
            size_t first_tie = SIZE_MAX, last_participation = 0;
            for (size_t i = 0; i < two.n_items; i++) {
                bool tie = strcmp(two.items[i].file, "ties.csv") == 0;
                tie_errors |= tie && strstr(two.items[i].message, "unknown actor 'ghost") != NULL;
                if (tie)
                    first_tie = first_tie < i ? first_tie : i;
                else if (strcmp(two.items[i].file, "participation.csv") == 0)
                    last_participation = i;
                nfd_event |= strstr(two.items[i].message, "duplicate id 'f\xc3\xa9te'") &&
                             strstr(two.items[i].message, "NFD");
                unknown_failed |= strstr(two.items[i].message, "unknown event") != NULL;
            }
            CHECK(nfd_event);
            CHECK(tie_errors);
            CHECK(last_participation > 0 && first_tie > last_participation); /* ties last */
            CHECK(!unknown_failed); /* a failed event's references are not reported again */
        }
        coopnet_bundle_free(bundle_one);
        coopnet_bundle_free(bundle_two);
        coopnet_diag_list_destroy(&one);
        coopnet_diag_list_destroy(&two);
    }
}

/* Coordinates read without strtod are the very doubles strtod gives: random decimals of 1 to 17
 * digits, 0 to 16 of them after the point, signed or not (a fast path for the short ones). */
static void test_coordinates_as_strtod(void)
{
    enum { N = 3000 };
    char *actors = malloc((size_t)N * 80 + 64);
    size_t used = (size_t)sprintf(actors, "id,name,level,lat,lon\n");
    char lat[N][32], lon[N][32];
    unsigned long long state = 12345;
    for (int i = 0; i < N; i++) {
        char *texts[2] = {lat[i], lon[i]};
        for (int t = 0; t < 2; t++) {
            state = state * 6364136223846793005ULL + 1442695040888963407ULL;
            int n_digits = 1 + (int)((state >> 33) % 17), point = (int)((state >> 40) % 17);
            char *p = texts[t];
            if ((state >> 50) & 1)
                *p++ = '-';
            int whole = n_digits - point < 1 ? 1 : n_digits - point;
            whole = whole > 2 ? 2 : whole; /* within [-90, 90] */
            for (int d = 0; d < whole; d++) {
                state = state * 6364136223846793005ULL + 1442695040888963407ULL;
                *p++ = (char)('0' + (d == 0 && t == 0 ? (state >> 60) % 9 : (state >> 60) % 10));
            }
            if (point > 0) {
                *p++ = '.';
                for (int d = 0; d < point; d++) {
                    state = state * 6364136223846793005ULL + 1442695040888963407ULL;
                    *p++ = (char)('0' + (state >> 60) % 10);
                }
            }
            *p = '\0';
        }
        used += (size_t)sprintf(actors + used, "a%d,A %d,local,%s,%s\n", i, i, lat[i], lon[i]);
    }
    char *participation = malloc((size_t)N * 16 + 32);
    size_t p_used = (size_t)sprintf(participation, "event,actor\n");
    for (int i = 0; i < N; i++)
        p_used += (size_t)sprintf(participation + p_used, "e1,a%d\n", i);
    coopnet_diag_list_t diags;
    coopnet_bundle_t *bundle = NULL;
    coopnet_error_t err;
    coopnet_diag_list_init(&diags);
    CHECK_INT(coopnet_bundle_load_memory(actors, used, "id,title,date\ne1,One,2024\n", 26,
                                         participation, p_used, NULL, 0, &diags, &bundle, &err),
              COOPNET_OK);
    size_t differ = 0;
    for (int i = 0; bundle != NULL && i < N; i++) {
        double x = strtod(lat[i], NULL), y = strtod(lon[i], NULL);
        if (memcmp(&x, &bundle->actors[i].lat, sizeof x) != 0 ||
            memcmp(&y, &bundle->actors[i].lon, sizeof y) != 0) {
            if (differ++ < 5)
                fprintf(stderr, "'%s' '%s': %.17g %.17g\n", lat[i], lon[i], bundle->actors[i].lat,
                        bundle->actors[i].lon);
        }
    }
    CHECK_INT(differ, 0);
    coopnet_bundle_free(bundle);
    coopnet_diag_list_destroy(&diags);
    free(actors);
    free(participation);
}

/* Writes text to dir/name. */
static void write_file(const char *dir, const char *name, const char *text)
{
    char path[512];
    snprintf(path, sizeof path, "%s/%s", dir, name);
    FILE *file = fopen(path, "w");
    CHECK(file != NULL);
    if (file != NULL) {
        fputs(text, file);
        fclose(file);
    }
}

/* The diagnostics of coopnet_bundle_validate on dir, formatted and joined, with threads. */
static char *validated(const char *dir, int threads, int *status, size_t *warnings)
{
    coopnet_diag_list_t diags;
    coopnet_bundle_t *bundle = NULL;
    coopnet_error_t err;
    coopnet_diag_list_init(&diags);
    coopnet_i_threads_set_limit(threads);
    *status = coopnet_bundle_validate(dir, &diags, &bundle, &err);
    coopnet_i_threads_set_limit(0);
    CHECK((*status == COOPNET_OK) == (bundle != NULL));
    *warnings = (size_t)diags.n_warnings;
    size_t size = 1, used = 0;
    for (size_t i = 0; i < diags.n_items; i++)
        size += strlen(diags.items[i].message) + 64;
    char *joined = calloc(size, 1);
    for (size_t i = 0; joined != NULL && i < diags.n_items; i++) {
        coopnet_diag_format(&diags.items[i], joined + used, size - used);
        used += strlen(joined + used);
        joined[used++] = '\n';
    }
    coopnet_bundle_free(bundle);
    coopnet_diag_list_destroy(&diags);
    return joined;
}

/* coopnet_bundle_validate gives the loader's diagnostics, then the duplicate actors' warnings,
 * with the search beside the last checks or after them; none when the bundle does not load. */
static void test_validate_warns_duplicates(void)
{
    char dir[] = "/tmp/coopnet-validate-XXXXXX";
    if (mkdtemp(dir) == NULL) {
        CHECK(false);
        return;
    }
    write_file(dir, "actors.csv",
               "id,name,level,country\nfes,Fes,local,MA\nfes2,Municipality of Fes,local,MA\n"
               "rabat,Rabat,local,MA\nlonely,Lonely,local,MA\n");
    write_file(dir, "events.csv", "id,title,date\ne1,One,2024-01-02\ne2,Two,\n");
    write_file(dir, "participation.csv",
               "event,actor\ne1,fes\ne1,fes2\ne1,rabat\ne2,fes\ne2,rabat\n");
    int one_status, two_status;
    size_t one_warnings, two_warnings;
    char *one = validated(dir, 1, &one_status, &one_warnings);
    char *two = validated(dir, 2, &two_status, &two_warnings);
    CHECK_INT(one_status, COOPNET_OK);
    CHECK_INT(two_status, COOPNET_OK);
    CHECK_INT(two_warnings, one_warnings);
    if (one != NULL && two != NULL) {
        CHECK_STR(two, one);
        const char *undated = strstr(two, "'e2' is undated");
        const char *unused = strstr(two, "'lonely' takes part in no event");
        const char *same = strstr(two, "actor 'fes2' ('Municipality of Fes') may be the same");
        CHECK(undated != NULL && unused != NULL && same != NULL);
        CHECK(same > undated && same > unused); /* after the loader's */
    }
    free(one);
    free(two);

    write_file(dir, "participation.csv", "event,actor\ne1,fes\ne1,nobody\n");
    one = validated(dir, 2, &one_status, &one_warnings);
    CHECK_INT(one_status, COOPNET_EDATA);
    CHECK(one != NULL && strstr(one, "may be the same") == NULL); /* not searched */
    free(one);
    char path[512];
    static const char *const files[] = {"actors.csv", "events.csv", "participation.csv"};
    for (size_t f = 0; f < 3; f++) {
        snprintf(path, sizeof path, "%s/%s", dir, files[f]);
        unlink(path);
    }
    rmdir(dir);
}

int main(void)
{
    TEST_RUN(test_valid_bundle);
    TEST_RUN(test_small_bundle_on_disk);
    TEST_RUN(test_validation_rules);
    TEST_RUN(test_all_errors_listed);
    TEST_RUN(test_warnings_and_merging);
    TEST_RUN(test_stated_participants);
    TEST_RUN(test_spreadsheet_habits);
    TEST_RUN(test_levels_and_roles);
    TEST_RUN(test_graphml_input);
    TEST_RUN(test_large_file_in_two_halves);
    TEST_RUN(test_participation_order);
    TEST_RUN(test_actors_and_events_side_by_side);
    TEST_RUN(test_coordinates_as_strtod);
    TEST_RUN(test_validate_warns_duplicates);
    return TEST_DONE();
}
