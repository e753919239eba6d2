/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test_generate.c - synthetic bundles: determinism, validity, counts, structure, errors. */
#include "testing.h"

#include <coopnet/coopnet.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static const char *const files[] = {"actors.csv", "events.csv", "participation.csv", "ties.csv"};

static char temporary_root[] = "/tmp/coopnet-test-generate-XXXXXX";

static void path_in(char *buffer, size_t size, const char *directory, const char *file)
{
    snprintf(buffer, size, "%s/%s%s%s", temporary_root, directory, file ? "/" : "",
             file ? file : "");
}

/* The whole file, NUL-terminated (caller frees); NULL when it cannot be read. */
static char *read_whole(const char *path, size_t *size)
{
    FILE *file = fopen(path, "rb");
    if (file == NULL)
        return NULL;
    fseek(file, 0, SEEK_END);
    long length = ftell(file);
    fseek(file, 0, SEEK_SET);
    char *data = malloc((size_t)length + 1);
    if (data && fread(data, 1, (size_t)length, file) != (size_t)length) {
        free(data);
        data = NULL;
    }
    fclose(file);
    if (data) {
        data[length] = '\0';
        *size = (size_t)length;
    }
    return data;
}

static int generate(const char *directory, const coopnet_generate_options_t *options)
{
    char path[512];
    path_in(path, sizeof path, directory, NULL);
    coopnet_error_t err;
    int status = coopnet_generate_write(path, options, NULL, &err);
    if (status != COOPNET_OK)
        fprintf(stderr, "generate: %s\n", err.message);
    return status;
}

/* 1 when the four files of the two directories have the same bytes. */
static int same_bytes(const char *a, const char *b)
{
    int same = 1;
    for (size_t f = 0; f < 4; f++) {
        char path_a[512], path_b[512];
        path_in(path_a, sizeof path_a, a, files[f]);
        path_in(path_b, sizeof path_b, b, files[f]);
        size_t size_a = 0, size_b = 0;
        char *data_a = read_whole(path_a, &size_a), *data_b = read_whole(path_b, &size_b);
        CHECK(data_a != NULL && data_b != NULL);
        if (!data_a || !data_b || size_a != size_b || memcmp(data_a, data_b, size_a) != 0)
            same = 0;
        free(data_a);
        free(data_b);
    }
    return same;
}

static coopnet_bundle_t *load(const char *directory, coopnet_diag_list_t *diags)
{
    char path[512];
    path_in(path, sizeof path, directory, NULL);
    coopnet_bundle_t *bundle = NULL;
    coopnet_error_t err;
    coopnet_diag_list_init(diags);
    if (coopnet_bundle_load(path, diags, &bundle, &err) != COOPNET_OK)
        fprintf(stderr, "load: %s\n", err.message);
    return bundle;
}

static void test_same_seed_same_bytes(void)
{
    coopnet_generate_options_t options;
    coopnet_generate_options_init(&options);
    options.n_actors = 700;
    options.n_events = 300;
    options.seed = 42;
    CHECK_INT(generate("seed42a", &options), COOPNET_OK);
    CHECK_INT(generate("seed42b", &options), COOPNET_OK);
    CHECK(same_bytes("seed42a", "seed42b"));
    options.seed = 43;
    CHECK_INT(generate("seed43", &options), COOPNET_OK);
    CHECK(!same_bytes("seed42a", "seed43"));
}

static void test_valid_with_the_counts_asked(void)
{
    coopnet_generate_options_t options;
    coopnet_generate_options_init(&options);
    options.n_actors = 2000;
    options.n_events = 1500;
    options.n_countries = 12;
    options.mean_size = 7.5;
    options.n_ties = 321;
    options.n_years = 5;
    options.last_year = 2020;
    options.seed = 3;
    CHECK_INT(generate("counts", &options), COOPNET_OK);
    coopnet_diag_list_t diags;
    coopnet_bundle_t *bundle = load("counts", &diags);
    CHECK(bundle != NULL);
    CHECK_INT(diags.n_errors, 0);
    if (bundle == NULL) {
        coopnet_diag_list_destroy(&diags);
        return;
    }
    CHECK_INT(bundle->n_actors, 2000);
    CHECK_INT(bundle->n_events, 1500);
    CHECK_INT(bundle->n_participations, 11250); /* 1500 * 7.5 */
    CHECK_INT(bundle->n_ties, 321);
    CHECK_STR(bundle->actors[123].id, "a000123");
    CHECK_STR(bundle->events[45].id, "e000045");

    /* the only warnings are undated events: every actor takes part somewhere */
    size_t undated = 0;
    for (size_t e = 0; e < bundle->n_events; e++)
        undated += bundle->events[e].date.precision == COOPNET_DATE_NONE;
    CHECK(undated > 0);
    CHECK_INT(diags.n_warnings, undated);
    for (size_t i = 0; i < diags.n_items; i++)
        CHECK_CONTAINS(diags.items[i].message, "is undated");

    coopnet_date_t first, last;
    coopnet_bundle_date_range(bundle, &first, &last);
    char text[COOPNET_DATE_TEXT_SIZE];
    coopnet_date_format_day(first, text);
    CHECK(strncmp(text, "2016", 4) >= 0);
    coopnet_date_format_day(last, text);
    CHECK(strncmp(text, "2020", 4) <= 0);
    coopnet_bundle_free(bundle);
    coopnet_diag_list_destroy(&diags);
}

static void test_realistic_structure(void)
{
    coopnet_generate_options_t options;
    coopnet_generate_options_init(&options);
    options.n_actors = 5000;
    options.n_events = 5000;
    options.seed = 11;
    CHECK_INT(generate("structure", &options), COOPNET_OK);
    coopnet_diag_list_t diags;
    coopnet_bundle_t *bundle = load("structure", &diags);
    CHECK(bundle != NULL);
    if (bundle == NULL) {
        coopnet_diag_list_destroy(&diags);
        return;
    }
    size_t by_level[COOPNET_LEVEL_COUNT] = {0};
    size_t countries_seen = 0;
    char seen[COOPNET_GENERATE_MAX_COUNTRIES][3];
    for (size_t a = 0; a < bundle->n_actors; a++) {
        const coopnet_actor_t *actor = &bundle->actors[a];
        by_level[actor->level]++;
        if (actor->level == COOPNET_LEVEL_INTERNATIONAL)
            continue;
        CHECK(coopnet_country_is_valid(actor->country));
        size_t c = 0;
        while (c < countries_seen && strcmp(seen[c], actor->country) != 0)
            c++;
        if (c == countries_seen && countries_seen < COOPNET_GENERATE_MAX_COUNTRIES)
            memcpy(seen[countries_seen++], actor->country, 3);
    }
    CHECK_INT(countries_seen, 8);
    for (int level = 0; level < COOPNET_LEVEL_COUNT; level++)
        CHECK(by_level[level] > 0);
    CHECK(by_level[COOPNET_LEVEL_LOCAL] > by_level[COOPNET_LEVEL_REGIONAL]);
    CHECK(by_level[COOPNET_LEVEL_REGIONAL] > by_level[COOPNET_LEVEL_NATIONAL]);

    /* events: mostly single-country (international partners aside), some not; heavy tail */
    size_t single_country = 0, largest = 0, dated = 0;
    for (size_t e = 0; e < bundle->n_events; e++) {
        const char *country = NULL;
        int single = 1;
        size_t size = bundle->event_start[e + 1] - bundle->event_start[e];
        largest = size > largest ? size : largest;
        for (size_t p = bundle->event_start[e]; p < bundle->event_start[e + 1]; p++) {
            const coopnet_actor_t *actor = &bundle->actors[bundle->participations[p].actor];
            if (actor->level == COOPNET_LEVEL_INTERNATIONAL)
                continue;
            if (country && strcmp(country, actor->country) != 0)
                single = 0;
            country = actor->country;
        }
        single_country += single;
        dated += bundle->events[e].date.precision != COOPNET_DATE_NONE;
    }
    CHECK(single_country >= bundle->n_events * 8 / 10);
    CHECK(single_country < bundle->n_events);
    CHECK(largest >= 5 * 10); /* five times the mean size */
    CHECK(dated >= bundle->n_events * 9 / 10);

    /* ties link different levels mostly */
    size_t across_levels = 0;
    for (size_t t = 0; t < bundle->n_ties; t++)
        across_levels +=
            bundle->actors[bundle->ties[t].from].level != bundle->actors[bundle->ties[t].to].level;
    CHECK(across_levels >= bundle->n_ties * 7 / 10);
    coopnet_bundle_free(bundle);
    coopnet_diag_list_destroy(&diags);
}

static void test_bad_options(void)
{
    coopnet_generate_options_t options;
    coopnet_error_t err;
    coopnet_generate_options_init(&options);
    CHECK_INT(coopnet_generate_check(&options, &err), COOPNET_OK);

    options.n_actors = 1;
    CHECK_INT(coopnet_generate_check(&options, &err), COOPNET_EINVAL);
    CHECK_CONTAINS(err.message, "number of actors '1'");
    coopnet_generate_options_init(&options);
    options.n_events = 0;
    CHECK_INT(coopnet_generate_check(&options, &err), COOPNET_EINVAL);
    CHECK_CONTAINS(err.message, "number of events '0'");
    coopnet_generate_options_init(&options);
    options.n_countries = COOPNET_GENERATE_MAX_COUNTRIES + 1;
    CHECK_INT(coopnet_generate_check(&options, &err), COOPNET_EINVAL);
    CHECK_CONTAINS(err.message, "number of countries '61'");
    coopnet_generate_options_init(&options);
    options.mean_size = 1.5;
    CHECK_INT(coopnet_generate_check(&options, &err), COOPNET_EINVAL);
    CHECK_CONTAINS(err.message, "mean event size '1.5'");
    coopnet_generate_options_init(&options);
    options.n_years = 0;
    CHECK_INT(coopnet_generate_check(&options, &err), COOPNET_EINVAL);
    CHECK_CONTAINS(err.message, "number of years '0'");
    coopnet_generate_options_init(&options);
    options.last_year = 1000;
    CHECK_INT(coopnet_generate_check(&options, &err), COOPNET_EINVAL);
    CHECK_CONTAINS(err.message, "years '991-1000'");

    /* write refuses them too, and writes nothing */
    options.last_year = 1000;
    CHECK_INT(generate("refused", &options), COOPNET_EINVAL);
    char path[512];
    path_in(path, sizeof path, "refused", NULL);
    struct stat info;
    CHECK(stat(path, &info) != 0);

    /* events too small to seat the participations asked: small countries, large mean */
    coopnet_generate_options_init(&options);
    options.n_actors = 12;
    options.n_countries = 5;
    options.n_events = 50;
    options.mean_size = 9;
    CHECK_INT(coopnet_generate_write(path, &options, NULL, &err), COOPNET_EINVAL);
    CHECK_CONTAINS(err.message, "too large");
}

static void test_unwritable_directory(void)
{
    coopnet_generate_options_t options;
    coopnet_error_t err;
    coopnet_generate_options_init(&options);
    char path[512];
    path_in(path, sizeof path, "missing-parent/bundle", NULL);
    CHECK_INT(coopnet_generate_write(path, &options, NULL, &err), COOPNET_EIO);
    CHECK_CONTAINS(err.message, "cannot create");
    /* a file where the directory should be */
    path_in(path, sizeof path, "a-file", NULL);
    FILE *file = fopen(path, "w");
    CHECK(file != NULL);
    if (file)
        fclose(file);
    CHECK_INT(coopnet_generate_write(path, &options, NULL, &err), COOPNET_EIO);
    CHECK_CONTAINS(err.message, "a-file");
}

static void count_reports(void *data, const char *stage, uint64_t done, uint64_t total)
{
    CHECK_STR(stage, "generate");
    CHECK(done <= total);
    (*(int *)data)++;
}

static void test_progress(void)
{
    coopnet_generate_options_t options;
    coopnet_generate_options_init(&options);
    int reports = 0;
    coopnet_progress_t progress = {count_reports, &reports};
    char path[512];
    coopnet_error_t err;
    path_in(path, sizeof path, "progress", NULL);
    CHECK_INT(coopnet_generate_write(path, &options, &progress, &err), COOPNET_OK);
    CHECK(reports >= 2 && reports <= 200);
}

int main(void)
{
    if (mkdtemp(temporary_root) == NULL) {
        perror("mkdtemp");
        return 1;
    }
    TEST_RUN(test_same_seed_same_bytes);
    TEST_RUN(test_valid_with_the_counts_asked);
    TEST_RUN(test_realistic_structure);
    TEST_RUN(test_bad_options);
    TEST_RUN(test_unwritable_directory);
    TEST_RUN(test_progress);
    char command[600];
    snprintf(command, sizeof command, "rm -rf '%s'", temporary_root);
    if (system(command) != 0)
        fprintf(stderr, "could not remove %s\n", temporary_root);
    return TEST_DONE();
}
