/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test_hostile.c - hostile and huge inputs (issue 10): wrong encodings, odd shapes, spreadsheet
 * habits and graph extremes. Every input is generated in a temporary directory at run time; each
 * must give a clear error naming file and line, or a correct result, in bounded memory. */
#ifndef _DEFAULT_SOURCE
#define _DEFAULT_SOURCE /* wait4 */
#endif
#include "testing.h"

#include <coopnet/coopnet.h>

#include <dirent.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

static char work_dir[256];

/* ---- helpers ----------------------------------------------------------------------------- */

static void remove_files(const char *dir)
{
    DIR *listing = opendir(dir);
    if (listing == NULL)
        return;
    struct dirent *entry;
    char path[512];
    while ((entry = readdir(listing)) != NULL) {
        if (entry->d_name[0] == '.')
            continue;
        snprintf(path, sizeof path, "%s/%s", dir, entry->d_name);
        unlink(path);
    }
    closedir(listing);
}

static void write_bytes(const char *name, const char *bytes, size_t size)
{
    char path[512];
    snprintf(path, sizeof path, "%s/%s", work_dir, name);
    FILE *file = fopen(path, "wb");
    CHECK(file != NULL);
    if (file == NULL)
        return;
    CHECK(fwrite(bytes, 1, size, file) == size);
    CHECK(fclose(file) == 0);
}

static void write_text(const char *name, const char *text)
{
    write_bytes(name, text, strlen(text));
}

static const char small_actors[] = "id,name,level\na,A,local\nb,B,national\n";
static const char small_events[] = "id,title,date\ne,E,2024-01-31\n";
static const char small_participation[] = "event,actor\ne,a\ne,b\n";

/* Writes a bundle into the work directory; NULL for a file means the small default one, and
 * ties == NULL leaves ties.csv out. */
static void write_bundle(const char *actors, const char *events, const char *participation,
                         const char *ties)
{
    remove_files(work_dir);
    write_text("actors.csv", actors ? actors : small_actors);
    write_text("events.csv", events ? events : small_events);
    write_text("participation.csv", participation ? participation : small_participation);
    if (ties)
        write_text("ties.csv", ties);
}

typedef struct loaded {
    int status;
    coopnet_bundle_t *bundle;
    coopnet_diag_list_t diags;
    coopnet_error_t err;
} loaded_t;

static void load(loaded_t *result)
{
    coopnet_diag_list_init(&result->diags);
    result->bundle = NULL;
    coopnet_error_clear(&result->err);
    result->status = coopnet_bundle_load(work_dir, &result->diags, &result->bundle, &result->err);
}

static void unload(loaded_t *result)
{
    coopnet_bundle_free(result->bundle);
    coopnet_diag_list_destroy(&result->diags);
}

/* True when an error of file on line (0: any line) contains fragment; prints the list if not. */
static bool has_error(const loaded_t *result, const char *file, uint64_t line, const char *fragment)
{
    const coopnet_diag_list_t *diags = &result->diags;
    for (size_t i = 0; i < diags->n_items; i++) {
        const coopnet_diag_t *diag = &diags->items[i];
        if (diag->severity == COOPNET_DIAG_ERROR && strcmp(diag->file, file) == 0 &&
            (line == 0 || diag->line == line) && strstr(diag->message, fragment))
            return true;
    }
    fprintf(stderr, "no error %s:%llu containing \"%s\"; the errors are:\n", file,
            (unsigned long long)line, fragment);
    for (size_t i = 0; i < diags->n_items; i++) {
        char text[2048];
        coopnet_diag_format(&diags->items[i], text, sizeof text);
        fprintf(stderr, "  %s\n", text);
    }
    return false;
}

/* Loads the work directory and expects invalid data with an error of file:line containing
 * fragment. */
static void expect_error(const char *file, uint64_t line, const char *fragment)
{
    loaded_t result;
    load(&result);
    CHECK_INT(result.status, COOPNET_EDATA);
    CHECK(result.bundle == NULL);
    CHECK(has_error(&result, file, line, fragment));
    unload(&result);
}

/* ---- encodings --------------------------------------------------------------------------- */

static void test_utf16_with_bom(void)
{
    /* "id,name" in UTF-16LE with its byte-order mark, as Excel's "Unicode text" writes it */
    static const char utf16[] = "\xff\xfei\0d\0,\0n\0a\0m\0e\0\n\0";
    write_bundle(NULL, NULL, NULL, NULL);
    write_bytes("actors.csv", utf16, sizeof utf16 - 1);
    expect_error("actors.csv", 1, "UTF-16");
}

static void test_utf16_without_bom(void)
{
    static const char utf16[] = "i\0d\0,\0n\0a\0m\0e\0\n\0";
    write_bundle(NULL, NULL, NULL, NULL);
    write_bytes("events.csv", utf16, sizeof utf16 - 1);
    expect_error("events.csv", 1, "NUL byte");
}

static void test_latin1_bytes(void)
{
    /* "Gabès" in Latin-1 on line 3 */
    write_bundle("id,name,level\na,A,local\nb,Gab\xe8s,local\n", NULL, NULL, NULL);
    expect_error("actors.csv", 3, "column 'name': field 2: invalid UTF-8 (byte 0xe8");
    expect_error("actors.csv", 3, "Latin-1");
}

static void test_bom_in_the_middle(void)
{
    /* two exported files pasted together: the second one's byte-order mark on line 3 */
    write_bundle("\xef\xbb\xbfid,name,level\na,A,local\n\xef\xbb\xbf"
                 "b,B,local\n",
                 NULL, NULL, NULL);
    expect_error("actors.csv", 3, "byte-order mark in the middle of the file");
}

static void test_bom_at_the_start_is_accepted(void)
{
    write_bundle("\xef\xbb\xbfid,name,level\na,A,local\nb,B,national\n", NULL, NULL, NULL);
    loaded_t result;
    load(&result);
    CHECK_INT(result.status, COOPNET_OK);
    if (result.bundle)
        CHECK_STR(result.bundle->actors[0].id, "a");
    unload(&result);
}

static void test_nul_byte(void)
{
    static const char text[] = "event,actor\ne,a\ne,b\0\n";
    write_bundle(NULL, NULL, NULL, NULL);
    write_bytes("participation.csv", text, sizeof text - 1);
    expect_error("participation.csv", 3, "NUL byte");
}

/* ---- shapes ------------------------------------------------------------------------------ */

static void test_field_of_10_mb(void)
{
    size_t size = (size_t)10 << 20;
    size_t prefix = strlen("id,name,level\na,");
    char *text = malloc(size + 64);
    CHECK(text != NULL);
    if (text == NULL)
        return;
    memcpy(text, "id,name,level\na,", prefix);
    memset(text + prefix, 'x', size);
    strcpy(text + prefix + size, ",local\nb,B,national\n");
    write_bundle(text, NULL, NULL, NULL);
    free(text);
    loaded_t result;
    load(&result);
    CHECK_INT(result.status, COOPNET_OK);
    if (result.bundle) {
        CHECK_INT(strlen(result.bundle->actors[0].name), size);
        CHECK_STR(result.bundle->actors[1].id, "b");
    }
    unload(&result);
}

/* Regression: each row was spread over the columns by scanning every extra column for every
 * field, and the header checked for repeated names the same way: O(columns^2), which took
 * minutes for one row of 100 000 columns. The reader now takes at most COOPNET_CSV_MAX_FIELDS
 * (16 384, a spreadsheet's columns): that many are read, and 100 000 refused on their line. */
static void test_wide_columns(void)
{
    const size_t n_extra = 100000 - 3;
    size_t capacity = n_extra * 16 + 256;
    char *text = malloc(capacity);
    CHECK(text != NULL);
    if (text == NULL)
        return;
    size_t length = (size_t)sprintf(text, "id,name,level");
    for (size_t c = 0; c < n_extra; c++)
        length += (size_t)sprintf(text + length, ",x%zu", c);
    for (int row = 0; row < 2; row++) {
        length += (size_t)sprintf(text + length, "\n%s,%s,local", row ? "b" : "a", row ? "B" : "A");
        for (size_t c = 0; c < n_extra; c++)
            length += (size_t)sprintf(text + length, ",%d", (int)(c % 10));
    }
    text[length++] = '\n';
    write_bundle(NULL, NULL, NULL, NULL);
    write_bytes("actors.csv", text, length);
    expect_error("actors.csv", 1, "record with more than 16384 fields");

    const size_t n_kept = COOPNET_CSV_MAX_FIELDS - 3;
    length = (size_t)sprintf(text, "id,name,level");
    for (size_t c = 0; c < n_kept; c++)
        length += (size_t)sprintf(text + length, ",x%zu", c);
    for (int row = 0; row < 2; row++) {
        length += (size_t)sprintf(text + length, "\n%s,%s,local", row ? "b" : "a", row ? "B" : "A");
        for (size_t c = 0; c < n_kept; c++)
            length += (size_t)sprintf(text + length, ",%d", (int)(c % 10));
    }
    text[length++] = '\n';
    write_bytes("actors.csv", text, length);
    loaded_t result;
    load(&result);
    CHECK_INT(result.status, COOPNET_OK);
    if (result.bundle) {
        CHECK_INT(result.bundle->actor_extra.n_columns, n_kept);
        CHECK_STR(coopnet_bundle_actor_attribute(result.bundle, 1, "x16380"), "0");
        CHECK_STR(coopnet_bundle_actor_attribute(result.bundle, 0, "x12345"), "5");
    }
    unload(&result);

    /* a repeated name among many columns is still found */
    strcpy(text + strlen("id,name,level,x0,x1,x2"), "\n");
    memcpy(text + strlen("id,name,level,x0,x1,"), "x0", 2);
    write_text("actors.csv", text);
    expect_error("actors.csv", 1, "column 'x0' appears twice in the header");
    free(text);
}

static void test_unterminated_quote(void)
{
    write_bundle("id,name,level\na,A,local\nb,\"B, the quote never closes,local\nc,C,local\n", NULL,
                 NULL, NULL);
    expect_error("actors.csv", 3, "unterminated quoted field running to the end of the file");
}

static void test_header_only(void)
{
    write_bundle("id,name,level\n", "id,title,date\n", "event,actor\n", "from,to,type\n");
    loaded_t result;
    load(&result);
    CHECK_INT(result.status, COOPNET_OK);
    if (result.bundle) {
        CHECK_INT(result.bundle->n_actors, 0);
        CHECK_INT(result.bundle->n_events, 0);
        CHECK_INT(result.bundle->n_participations, 0);
        CHECK_INT(result.bundle->n_ties, 0);
        coopnet_graph_options_t options;
        coopnet_graph_options_init(&options);
        coopnet_graph_t graph = {0};
        coopnet_error_t err;
        CHECK_INT(coopnet_graph_init_cooperation(&graph, result.bundle, &options, &err),
                  COOPNET_OK);
        CHECK_INT(igraph_vcount(&graph.graph), 0);
        coopnet_graph_destroy(&graph);
    }
    unload(&result);
}

static void test_empty_file(void)
{
    write_bundle(NULL, "", NULL, NULL);
    expect_error("events.csv", 0, "empty file (expected a header line");
    /* blank lines only are as empty */
    write_bundle(NULL, NULL, "\n\r\n\n", NULL);
    expect_error("participation.csv", 0, "empty file");
}

/* 10 million rows of the same participation: merged on the fly, so memory stays bounded. The
 * load runs in a child process whose peak resident memory is compared with a child loading a
 * small bundle (under AddressSanitizer both carry the same fixed overhead). */
static long child_peak_kb(long *n_participations, long *n_warnings)
{
    int channel[2];
    CHECK(pipe(channel) == 0);
    pid_t child = fork();
    if (child == 0) {
        close(channel[0]);
        loaded_t result;
        load(&result);
        long answer[3] = {result.status, result.bundle ? (long)result.bundle->n_participations : -1,
                          (long)result.diags.n_warnings};
        ssize_t written = write(channel[1], answer, sizeof answer);
        _exit(written == sizeof answer ? 0 : 1);
    }
    close(channel[1]);
    long answer[3] = {-1, -1, -1};
    CHECK(read(channel[0], answer, sizeof answer) == sizeof answer);
    close(channel[0]);
    int wait_status;
    struct rusage usage;
    CHECK(wait4(child, &wait_status, 0, &usage) == child);
    CHECK(WIFEXITED(wait_status) && WEXITSTATUS(wait_status) == 0);
    CHECK_INT(answer[0], COOPNET_OK);
    *n_participations = answer[1];
    *n_warnings = answer[2];
    return usage.ru_maxrss;
}

static void test_10_million_rows_of_one_event(void)
{
    const long n_rows = 10 * 1000 * 1000;
    write_bundle(NULL, NULL, NULL, NULL);
    long small_participations, small_warnings;
    long small_peak = child_peak_kb(&small_participations, &small_warnings);
    CHECK_INT(small_participations, 2);

    char path[512];
    snprintf(path, sizeof path, "%s/participation.csv", work_dir);
    FILE *file = fopen(path, "wb");
    CHECK(file != NULL);
    if (file == NULL)
        return;
    static const char row[] = "e,a\n";
    char block[4096 * (sizeof row - 1)];
    for (size_t i = 0; i < sizeof block; i += sizeof row - 1)
        memcpy(block + i, row, sizeof row - 1);
    fputs("event,actor\n", file);
    for (long written = 0; written < n_rows; written += 4096)
        fwrite(block, 1, sizeof block, file);
    fputs("e,b\n", file);
    CHECK(fclose(file) == 0);

    long participations, warnings;
    long peak = child_peak_kb(&participations, &warnings);
    CHECK_INT(participations, 2);
    /* every repeat is counted as a warning, though only the first few are kept */
    CHECK(warnings >= n_rows - 1);
    /* the file is 40 MB; keeping even 4 bytes per row would exceed this bound */
    if (peak - small_peak >= 32 * 1024)
        fprintf(stderr, "peak resident memory: %ld kB for 10 million rows, %ld kB for 2\n", peak,
                small_peak);
    CHECK(peak - small_peak < 32 * 1024);
}

/* ---- spreadsheet habits ------------------------------------------------------------------ */

static void test_semicolon_separated(void)
{
    write_bundle("id;name;level\na;A;local\n", NULL, NULL, NULL);
    expect_error("actors.csv", 1, "looks separated by ';'");
    expect_error("actors.csv", 1, "comma delimited");
}

static void test_dates_in_day_month_year_order(void)
{
    write_bundle(NULL, "id,title,date\ne,E,31/01/2024\n", NULL, NULL);
    expect_error("events.csv", 2, "invalid date '31/01/2024'");
    expect_error("events.csv", 2, "ISO 8601");
    expect_error("events.csv", 2, "2024-01-31");
    write_bundle(NULL, NULL, NULL, "from,to,type,start\na,b,mou,31.01.2024\n");
    expect_error("ties.csv", 2, "write 2024-01-31 for 31.01.2024");
}

static void test_trailing_empty_rows_and_columns(void)
{
    /* what a spreadsheet writes when cells right of and below the data were once touched */
    write_bundle("id,name,level,,\r\na,A,local,,\r\nb,B,national,,\r\n,,,,\r\n,,,,\r\n", NULL,
                 "event,actor,\ne,a,\ne,b\n\n\n", NULL);
    loaded_t result;
    load(&result);
    CHECK_INT(result.status, COOPNET_OK);
    if (result.bundle) {
        CHECK_INT(result.bundle->n_actors, 2);
        CHECK_INT(result.bundle->actor_extra.n_columns, 0);
        CHECK_INT(result.bundle->n_participations, 2);
    }
    unload(&result);

    /* an empty column inside the header is not trailing: an error */
    write_bundle("id,,name,level\na,,A,local\n", NULL, NULL, NULL);
    expect_error("actors.csv", 1, "column 2 of the header has no name");
}

static void test_ids_with_surrounding_spaces_are_trimmed(void)
{
    /* spaces and tabs around every value are dropped, quoted or not (docs/spreadsheet-habits.md) */
    write_bundle("id,name,level\n a ,\" A \",local\n\tb\t,B, national \n", NULL,
                 "event,actor\ne ,a\n\" e\",\" b \"\n", "from,to,type\na , b,mou\n");
    loaded_t result;
    load(&result);
    CHECK_INT(result.status, COOPNET_OK);
    if (result.bundle) {
        CHECK_STR(result.bundle->actors[0].id, "a");
        CHECK_STR(result.bundle->actors[0].name, "A");
        CHECK_STR(result.bundle->actors[1].id, "b");
        CHECK_INT(result.bundle->actors[1].level, COOPNET_LEVEL_NATIONAL);
        CHECK_INT(result.bundle->n_participations, 2);
        CHECK_INT(result.bundle->n_ties, 1);
        CHECK_INT(coopnet_bundle_find_actor(result.bundle, "a"), 0);
        CHECK_INT(coopnet_bundle_find_actor(result.bundle, " a "), -1);
    }
    unload(&result);

    /* so " a" and "a" are the same id: a duplicate */
    write_bundle("id,name,level\na,A,local\n a,A2,local\n", NULL, NULL, NULL);
    expect_error("actors.csv", 3, "duplicate id 'a' (first on line 2)");
}

/* ---- graph extremes ---------------------------------------------------------------------- */

/* Loads the work directory and builds its cooperation graph with the given options. */
static bool build_graph(loaded_t *result, coopnet_graph_t *graph,
                        const coopnet_graph_options_t *options)
{
    load(result);
    CHECK_INT(result->status, COOPNET_OK);
    if (result->bundle == NULL)
        return false;
    coopnet_error_t err;
    int status = coopnet_graph_init_cooperation(graph, result->bundle, options, &err);
    CHECK_INT(status, COOPNET_OK);
    return status == COOPNET_OK;
}

static void test_no_ties_and_no_shared_events(void)
{
    write_bundle(NULL, "id,title,date\ne,E,2024\nf,F,2024\n", "event,actor\ne,a\nf,b\n", NULL);
    loaded_t result;
    coopnet_graph_t graph = {0};
    coopnet_graph_options_t options;
    coopnet_graph_options_init(&options);
    if (build_graph(&result, &graph, &options)) {
        CHECK_INT(igraph_vcount(&graph.graph), 2);
        CHECK_INT(igraph_ecount(&graph.graph), 0);
    }
    coopnet_graph_destroy(&graph);
    unload(&result);
}

static void test_one_actor(void)
{
    write_bundle("id,name,level\na,A,local\n", NULL, "event,actor\ne,a\n", NULL);
    loaded_t result;
    coopnet_graph_t graph = {0};
    coopnet_graph_options_t options;
    coopnet_graph_options_init(&options);
    if (build_graph(&result, &graph, &options)) {
        CHECK_INT(igraph_vcount(&graph.graph), 1);
        CHECK_INT(igraph_ecount(&graph.graph), 0);
    }
    coopnet_graph_destroy(&graph);
    unload(&result);
}

/* Builds a bundle text of n actors "a0".."a{n-1}" into a malloc'd buffer. */
static char *actors_text(size_t n)
{
    char *text = malloc(32 + n * 32);
    if (text == NULL)
        return NULL;
    size_t length = (size_t)sprintf(text, "id,name,level\n");
    for (size_t i = 0; i < n; i++)
        length += (size_t)sprintf(text + length, "a%zu,Actor %zu,local\n", i, i);
    return text;
}

static void test_all_actors_in_one_event(void)
{
    const size_t n = 400;
    char *actors = actors_text(n);
    char *participation = malloc(32 + n * 16);
    CHECK(actors != NULL && participation != NULL);
    if (actors == NULL || participation == NULL) {
        free(actors);
        free(participation);
        return;
    }
    size_t length = (size_t)sprintf(participation, "event,actor\n");
    for (size_t i = 0; i < n; i++)
        length += (size_t)sprintf(participation + length, "e,a%zu\n", i);
    write_bundle(actors, NULL, participation, NULL);
    free(actors);
    free(participation);

    coopnet_graph_options_t options;
    coopnet_graph_options_init(&options);
    for (int weighting = COOPNET_WEIGHTING_COUNT; weighting <= COOPNET_WEIGHTING_JACCARD;
         weighting++) {
        options.weighting = (coopnet_weighting_t)weighting;
        loaded_t result;
        coopnet_graph_t graph = {0};
        if (build_graph(&result, &graph, &options)) {
            CHECK_INT(igraph_vcount(&graph.graph), n);
            CHECK_INT(igraph_ecount(&graph.graph), n * (n - 1) / 2);
            /* count: 1 shared event; Newman: 1 / (n - 1); Jaccard: 1 / 1 */
            double expected = weighting == COOPNET_WEIGHTING_NEWMAN ? 1.0 / (double)(n - 1) : 1.0;
            CHECK_NEAR(igraph_vector_min(&graph.weight), expected, 1e-12);
            CHECK_NEAR(igraph_vector_max(&graph.weight), expected, 1e-12);
        }
        coopnet_graph_destroy(&graph);
        unload(&result);
    }
}

static void test_1000_disconnected_components(void)
{
    const size_t n_pairs = 1000;
    char *actors = actors_text(2 * n_pairs);
    char *events = malloc(32 + n_pairs * 40);
    char *participation = malloc(32 + n_pairs * 40);
    CHECK(actors && events && participation);
    if (actors && events && participation) {
        size_t events_length = (size_t)sprintf(events, "id,title,date\n");
        size_t participation_length = (size_t)sprintf(participation, "event,actor\n");
        for (size_t i = 0; i < n_pairs; i++) {
            events_length += (size_t)sprintf(events + events_length, "e%zu,Event %zu,2024\n", i, i);
            participation_length +=
                (size_t)sprintf(participation + participation_length, "e%zu,a%zu\ne%zu,a%zu\n", i,
                                2 * i, i, 2 * i + 1);
        }
        write_bundle(actors, events, participation, NULL);
    }
    free(actors);
    free(events);
    free(participation);

    loaded_t result;
    coopnet_graph_t graph = {0};
    coopnet_graph_options_t options;
    coopnet_graph_options_init(&options);
    if (build_graph(&result, &graph, &options)) {
        CHECK_INT(igraph_vcount(&graph.graph), 2 * n_pairs);
        CHECK_INT(igraph_ecount(&graph.graph), n_pairs);
        igraph_integer_t n_components = 0;
        CHECK(igraph_connected_components(&graph.graph, NULL, NULL, &n_components, IGRAPH_WEAK) ==
              IGRAPH_SUCCESS);
        CHECK_INT(n_components, n_pairs);
    }
    coopnet_graph_destroy(&graph);
    unload(&result);
}

static void test_events_all_on_one_day(void)
{
    write_bundle("id,name,level\na,A,local\nb,B,local\nc,C,local\n",
                 "id,title,date\ne,E,2024-03-05\nf,F,2024-03-05\ng,G,2024-03-05\n",
                 "event,actor\ne,a\ne,b\nf,b\nf,c\ng,a\ng,c\n", NULL);
    coopnet_graph_options_t options;
    coopnet_graph_options_init(&options);
    loaded_t result;
    coopnet_graph_t graph = {0};
    if (build_graph(&result, &graph, &options)) {
        coopnet_date_t first, last;
        coopnet_bundle_date_range(result.bundle, &first, &last);
        CHECK_INT(first.day, last.day);
        CHECK_INT(igraph_ecount(&graph.graph), 3);
    }
    coopnet_graph_destroy(&graph);
    unload(&result);

    /* as of that day everything counts; as of the day before, nothing */
    coopnet_error_t err;
    const char *cut_offs[] = {"2024-03-05", "2024-03-04"};
    for (int i = 0; i < 2; i++) {
        CHECK_INT(coopnet_date_parse(cut_offs[i], &options.as_of, &err), COOPNET_OK);
        coopnet_graph_t cut = {0};
        if (build_graph(&result, &cut, &options))
            CHECK_INT(igraph_ecount(&cut.graph), i == 0 ? 3 : 0);
        coopnet_graph_destroy(&cut);
        unload(&result);
    }
}

int main(void)
{
    const char *tmp = getenv("TMPDIR");
    snprintf(work_dir, sizeof work_dir, "%s/coopnet-hostile-XXXXXX", tmp && *tmp ? tmp : "/tmp");
    if (mkdtemp(work_dir) == NULL) {
        perror("mkdtemp");
        return 1;
    }
    TEST_RUN(test_utf16_with_bom);
    TEST_RUN(test_utf16_without_bom);
    TEST_RUN(test_latin1_bytes);
    TEST_RUN(test_bom_in_the_middle);
    TEST_RUN(test_bom_at_the_start_is_accepted);
    TEST_RUN(test_nul_byte);
    TEST_RUN(test_field_of_10_mb);
    TEST_RUN(test_wide_columns);
    TEST_RUN(test_unterminated_quote);
    TEST_RUN(test_header_only);
    TEST_RUN(test_empty_file);
    TEST_RUN(test_10_million_rows_of_one_event);
    TEST_RUN(test_semicolon_separated);
    TEST_RUN(test_dates_in_day_month_year_order);
    TEST_RUN(test_trailing_empty_rows_and_columns);
    TEST_RUN(test_ids_with_surrounding_spaces_are_trimmed);
    TEST_RUN(test_no_ties_and_no_shared_events);
    TEST_RUN(test_one_actor);
    TEST_RUN(test_all_actors_in_one_event);
    TEST_RUN(test_1000_disconnected_components);
    TEST_RUN(test_events_all_on_one_day);
    remove_files(work_dir);
    rmdir(work_dir);
    return TEST_DONE();
}
