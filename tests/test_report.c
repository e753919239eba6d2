/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test_report.c - the report computes each analysis once (cooperation graphs built per report,
 * with and without the PNG copies of its figures), and its charts draw the numbers the analyses
 * give: page 5's NLC matrices are the cells `coopnet nlc` prints, page 4's ranking the rows of
 * `coopnet centrality`, for the MENA bundle and a generated one. */
#include "coopnet/report.h"
#include "figures/draw.h"
#include "model/graph_internal.h"
#include "report/report_layout.h"
#include "testing.h"

#include <math.h>

#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static coopnet_bundle_t *load_path(const char *path)
{
    coopnet_diag_list_t diags;
    coopnet_diag_list_init(&diags);
    coopnet_bundle_t *bundle = NULL;
    coopnet_error_t err;
    CHECK_INT(coopnet_bundle_load(path, &diags, &bundle, &err), COOPNET_OK);
    coopnet_diag_list_destroy(&diags);
    return bundle;
}

static coopnet_bundle_t *load(const char *name)
{
    char path[1024];
    snprintf(path, sizeof path, "%s/datasets/%s", COOPNET_SOURCE_DIR, name);
    return load_path(path);
}

/* The cooperation graphs one report of bundle builds. */
static unsigned long report_builds(const coopnet_bundle_t *bundle, const char *png_directory)
{
    coopnet_report_options_t options;
    coopnet_report_options_init(&options);
    options.png_directory = png_directory;
    FILE *stream = tmpfile();
    CHECK(stream != NULL);
    coopnet_error_t err;
    uint64_t before = coopnet_i_graph_build_count();
    CHECK_INT(coopnet_report_write_pdf(bundle, &options, stream, &err), COOPNET_OK);
    unsigned long builds = (unsigned long)(coopnet_i_graph_build_count() - before);
    fclose(stream);
    return builds;
}

static void test_graph_builds(void)
{
    coopnet_bundle_t *bundle = load("mena-hub");
    unsigned long builds = report_builds(bundle, NULL);
    printf("report builds %lu cooperation graphs\n", builds);
    /* One graph for the main view, which every page and figure reads (before: 15), and its
     * SDSM backbone (page 4's measures: ties and significant co-attendance, the same vertices).
     * The others are other graphs: the network without its main convener (the dependence page, one
     * coopnet_whatif_compute), and the change-over-time analysis (coopnet_snapshots_compute)
     * needs the network as of the end of each year, 2023 to 2025, and the snapshots chart draws
     * those same graphs (kept by the analysis, not built again). */
    CHECK_INT(builds, 1 + 1 + 1 + 3);
    char directory[256];
    snprintf(directory, sizeof directory, "/tmp/coopnet_test_report_%d", (int)getpid());
    unsigned long with_png = report_builds(bundle, directory);
    printf("report with PNGs builds %lu cooperation graphs\n", with_png);
    /* drawing the figures again as PNGs computes nothing again (before: 26) */
    CHECK_INT(with_png, builds);
    char command[512];
    snprintf(command, sizeof command, "rm -rf '%s'", directory);
    CHECK_INT(system(command), 0);
    coopnet_bundle_free(bundle);
}

/* What the charts of one report drew (through the chart probe of figures/draw.h). */
#define MAX_MATRICES 8
typedef struct drawn {
    size_t n_matrices;
    char countries[MAX_MATRICES][8];
    double cells[MAX_MATRICES][COOPNET_LEVEL_COUNT * COOPNET_LEVEL_COUNT];
    size_t n_bars;
    double bars[32];
    size_t bar_actors[32];
} drawn_t;

static void record(coopnet_chart_kind_t kind, const char *label, const double *values,
                   size_t n_values, const size_t *items, size_t n_items, void *data)
{
    drawn_t *drawn = data;
    if (kind == COOPNET_CHART_NLC_MATRIX && drawn->n_matrices < MAX_MATRICES) {
        CHECK_INT(n_values, COOPNET_LEVEL_COUNT * COOPNET_LEVEL_COUNT);
        snprintf(drawn->countries[drawn->n_matrices], 8, "%s", label);
        memcpy(drawn->cells[drawn->n_matrices], values, n_values * sizeof *values);
        drawn->n_matrices++;
    } else if (kind == COOPNET_CHART_RANKING && drawn->n_bars == 0 && n_values <= 32) {
        CHECK_INT(n_items, n_values);
        memcpy(drawn->bars, values, n_values * sizeof *values);
        memcpy(drawn->bar_actors, items, n_items * sizeof *items);
        drawn->n_bars = n_values;
    }
}

/* Runs `coopnet ARGS` and returns its standard output (caller frees), NULL on failure. */
static char *run_cli(const char *args)
{
    char command[2048];
    snprintf(command, sizeof command, "'%s' %s", COOPNET_CLI, args);
    FILE *pipe = popen(command, "r");
    CHECK(pipe != NULL);
    if (pipe == NULL)
        return NULL;
    size_t size = 0, capacity = 1 << 16;
    char *text = malloc(capacity);
    size_t got;
    while (text != NULL && (got = fread(text + size, 1, capacity - size - 1, pipe)) > 0) {
        size += got;
        if (capacity - size < 1024)
            text = realloc(text, capacity *= 2);
    }
    CHECK_INT(pclose(pipe), 0);
    if (text != NULL)
        text[size] = '\0';
    return text;
}

static int level_index(const char *name)
{
    for (int l = 0; l < COOPNET_LEVEL_COUNT; l++)
        if (strcmp(name, coopnet_level_name((coopnet_level_t)l)) == 0)
            return l;
    return -1;
}

/* Every cell of every matrix drawn is the density `coopnet nlc` prints for that country and pair
 * of levels (an empty density, or a pair it does not list, is drawn n/a). */
static void check_matrices_against_cli(const drawn_t *drawn, const char *directory)
{
    char args[1200];
    snprintf(args, sizeof args, "nlc --quiet '%s'", directory);
    char *csv = run_cli(args);
    if (csv == NULL)
        return;
    CHECK(drawn->n_matrices >= 2); /* the whole network and at least one country */
    for (size_t m = 0; m < drawn->n_matrices; m++) {
        double expected[COOPNET_LEVEL_COUNT * COOPNET_LEVEL_COUNT];
        for (int i = 0; i < COOPNET_LEVEL_COUNT * COOPNET_LEVEL_COUNT; i++)
            expected[i] = NAN;
        size_t rows = 0;
        char *copy = strdup(csv), *save = NULL;
        for (char *line = strtok_r(copy, "\n", &save); line; line = strtok_r(NULL, "\n", &save)) {
            char country[16], level_a[32], level_b[32], density[64] = "";
            long long edges;
            double possible;
            if (sscanf(line, "%15[^,],%31[^,],%31[^,],%lld,%lf,%63s", country, level_a, level_b,
                       &edges, &possible, density) < 5 ||
                strcmp(country, drawn->countries[m]) != 0)
                continue;
            int a = level_index(level_a), b = level_index(level_b);
            CHECK(a >= 0 && b >= 0);
            if (a < 0 || b < 0)
                continue;
            double value = density[0] ? strtod(density, NULL) : NAN;
            expected[a * COOPNET_LEVEL_COUNT + b] = expected[b * COOPNET_LEVEL_COUNT + a] = value;
            rows++;
        }
        free(copy);
        CHECK(rows == 10 || rows == 9); /* the network's pairs, or a country's */
        for (int i = 0; i < COOPNET_LEVEL_COUNT * COOPNET_LEVEL_COUNT; i++) {
            double cell = drawn->cells[m][i];
            if (isnan(expected[i]) || isnan(cell)) {
                if (isnan(expected[i]) != isnan(cell))
                    fprintf(stderr, "%s cell %d: drawn %g, coopnet nlc %g\n", drawn->countries[m],
                            i, cell, expected[i]);
                CHECK(isnan(expected[i]) == isnan(cell));
            } else {
                CHECK_NEAR(cell, expected[i], 1e-9); /* nlc prints 10 significant digits */
            }
        }
    }
    free(csv);
}

/* The ranking chart's bars (betweenness, the top 8) are the first rows of `coopnet centrality
 * --backbone sdsm` (page 4 measures ties and significant co-attendance): the same actors in the
 * same order, the same values. */
static void check_ranking_against_cli(const drawn_t *drawn, const coopnet_bundle_t *bundle,
                                      const char *directory)
{
    char args[1200];
    snprintf(args, sizeof args,
             "centrality --quiet --backbone sdsm --measures betweenness --top %zu '%s'",
             drawn->n_bars, directory);
    char *csv = run_cli(args);
    if (csv == NULL)
        return;
    CHECK_INT(drawn->n_bars, 8);
    size_t row = 0;
    char *save = NULL;
    for (char *line = strtok_r(csv, "\n", &save); line; line = strtok_r(NULL, "\n", &save)) {
        if (strncmp(line, "id,", 3) == 0)
            continue;
        char *comma = strchr(line, ',');
        char *last = strrchr(line, ',');
        if (comma == NULL || row >= drawn->n_bars)
            break;
        *comma = '\0';
        CHECK_STR(line, bundle->actors[drawn->bar_actors[row]].id);
        double value = strtod(last + 1, NULL);
        CHECK_NEAR(drawn->bars[row], value, 1e-6 * fmax(1, fabs(value)));
        row++;
    }
    CHECK_INT(row, drawn->n_bars);
    free(csv);
}

static void check_report_draws_the_analyses(const char *directory)
{
    coopnet_diag_list_t diags;
    coopnet_diag_list_init(&diags);
    coopnet_bundle_t *bundle = NULL;
    coopnet_error_t err;
    CHECK_INT(coopnet_bundle_load(directory, &diags, &bundle, &err), COOPNET_OK);
    coopnet_diag_list_destroy(&diags);
    if (bundle == NULL)
        return;
    drawn_t *drawn = calloc(1, sizeof *drawn);
    coopnet_i_chart_set_probe(record, drawn);
    report_builds(bundle, NULL);
    coopnet_i_chart_set_probe(NULL, NULL);
    check_matrices_against_cli(drawn, directory);
    check_ranking_against_cli(drawn, bundle, directory);
    free(drawn);
    coopnet_bundle_free(bundle);
}

static void test_mena_charts_draw_the_analyses(void)
{
    char directory[1024];
    snprintf(directory, sizeof directory, "%s/datasets/mena-hub", COOPNET_SOURCE_DIR);
    check_report_draws_the_analyses(directory);
}

/* A bundle generated by `coopnet generate` with options into a directory of this process named
 * after name (remove it with remove_generated). */
static void generate(const char *name, const char *options, char *directory, size_t size)
{
    snprintf(directory, size, "/tmp/coopnet_test_report_%s_%d", name, (int)getpid());
    char args[512];
    snprintf(args, sizeof args, "generate --quiet -o '%s' %s", directory, options);
    free(run_cli(args));
}

static void remove_generated(const char *directory)
{
    char command[512];
    snprintf(command, sizeof command, "rm -rf '%s'", directory);
    CHECK_INT(system(command), 0);
}

static void test_generated_charts_draw_the_analyses(void)
{
    char directory[256];
    generate("generated", "--actors 240 --events 160 --countries 4 --years 3 --seed 5", directory,
             sizeof directory);
    check_report_draws_the_analyses(directory);
    remove_generated(directory);
}

/* Pages whose content ran into the footer while writing bundle's report in lang with the given
 * time budget (seconds; 0: the default). */
static size_t overflowing_pages(const coopnet_bundle_t *bundle, coopnet_lang_t lang,
                                double time_budget)
{
    coopnet_report_options_t options;
    coopnet_report_options_init(&options);
    options.lang = lang;
    if (time_budget > 0)
        options.centrality.time_budget = time_budget;
    FILE *stream = tmpfile();
    CHECK(stream != NULL);
    coopnet_error_t err;
    size_t before = coopnet_i_report_overflowing_pages();
    CHECK_INT(coopnet_report_write_pdf(bundle, &options, stream, &err), COOPNET_OK);
    fclose(stream);
    return coopnet_i_report_overflowing_pages() - before;
}

/* Every page's content ends above the footer, in the three languages: with the MENA bundle's
 * sources and a sampled betweenness (the longest method notes: French ran into the footer), and
 * with a generated bundle of twenty countries (the groups page's E-I table once pushed the
 * brokers below the footer). */
static void test_pages_stay_above_the_footer(void)
{
    static const coopnet_lang_t langs[] = {COOPNET_LANG_EN, COOPNET_LANG_FR, COOPNET_LANG_AR};
    coopnet_bundle_t *mena = load("mena-hub");
    for (size_t l = 0; l < 3 && mena != NULL; l++) {
        CHECK_INT(overflowing_pages(mena, langs[l], 0), 0);
        CHECK_INT(overflowing_pages(mena, langs[l], 1e-6), 0);
    }
    coopnet_bundle_free(mena);
    char directory[256];
    generate("countries", "--actors 3000 --events 3000 --countries 20 --seed 1", directory,
             sizeof directory);
    coopnet_bundle_t *generated = load_path(directory);
    for (size_t l = 0; l < 3 && generated != NULL; l++)
        CHECK_INT(overflowing_pages(generated, langs[l], 0), 0);
    coopnet_bundle_free(generated);
    remove_generated(directory);
}

int main(void)
{
    TEST_RUN(test_graph_builds);
    TEST_RUN(test_mena_charts_draw_the_analyses);
    TEST_RUN(test_generated_charts_draw_the_analyses);
    TEST_RUN(test_pages_stay_above_the_footer);
    return TEST_DONE();
}
