/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test_snapshots.c - degrees over years and quarters, ranks, Spearman, windows. */
#include "analysis_fixtures.h"
#include "testing.h"

static const char actors[] = "id,name,level,country\n"
                             "a,A,local,MA\n"
                             "b,B,national,MA\n"
                             "c,C,local,MA\n"
                             "d,D,local,TN\n";
static const char events[] = "id,title,date\n"
                             "e1,E1,2023-01-15\n"
                             "e2,E2,2023-06-10\n"
                             "e3,E3,2024-02-01\n"
                             "e4,E4,\n";
static const char participation[] = "event,actor\n"
                                    "e1,a\ne1,b\n"
                                    "e2,b\ne2,c\n"
                                    "e3,c\ne3,d\n"
                                    "e4,a\ne4,d\n";

static double value_at(const coopnet_snapshots_t *s, const double *table, size_t step,
                       size_t measure, long vertex)
{
    return table[(step * s->n_measures + measure) * (size_t)s->n_vertices + (size_t)vertex];
}

/* A cut-off (the options' as-of date) ends the snapshots: no step uses data after it, and the
 * last step is the cut-off itself when it falls inside a period (the report "as of" a date once
 * showed later years). */
static void test_cut_off(void)
{
    coopnet_bundle_t *bundle = fixture_bundle(actors, events, participation, NULL);
    CHECK(bundle != NULL);
    if (bundle == NULL)
        return;
    coopnet_graph_options_t options;
    coopnet_graph_options_init(&options);
    coopnet_error_t err;
    CHECK_INT(coopnet_date_parse("2024-02", &options.as_of, &err), COOPNET_OK);
    coopnet_snapshots_t s;
    const coopnet_measure_t measures[] = {COOPNET_MEASURE_DEGREE};
    /* undated e4 reads as the study window: the bundle's (2023-01-15 to 2024-02-01) makes it
     * certain by the end of 2024 (a and d gain a link then); possible from the start */
    CHECK_INT(coopnet_snapshots_compute(bundle, &options, COOPNET_PERIOD_YEAR, 0, measures, 1,
                                        false, NULL, &s, &err),
              COOPNET_OK);
    CHECK_INT(s.n_steps, 2);
    CHECK_NEAR(value_at(&s, s.values, 0, 0, 3), 0, 0);
    CHECK_NEAR(value_at(&s, s.values, 1, 0, 3), 2, 0);
    coopnet_snapshots_destroy(&s);
    options.as_of_reading = COOPNET_READING_POSSIBLE;
    CHECK_INT(coopnet_snapshots_compute(bundle, &options, COOPNET_PERIOD_YEAR, 0, measures, 1,
                                        false, NULL, &s, &err),
              COOPNET_OK);
    CHECK_NEAR(value_at(&s, s.values, 0, 0, 3), 1, 0);
    coopnet_snapshots_destroy(&s);
    /* a study window running to mid-2025: e4 is certain in neither year */
    options.as_of_reading = COOPNET_READING_CERTAIN;
    CHECK_INT(coopnet_date_parse("2023-01/2025-06", &options.window, &err), COOPNET_OK);
    CHECK_INT(coopnet_snapshots_compute(bundle, &options, COOPNET_PERIOD_YEAR, 0, measures, 1,
                                        false, NULL, &s, &err),
              COOPNET_OK);
    CHECK_INT(s.n_steps, 2);
    char date[COOPNET_DATE_TEXT_SIZE];
    if (s.n_steps == 2) {
        coopnet_date_format(s.dates[0], date);
        CHECK_STR(date, "2023-12-31");
        coopnet_date_format(s.dates[1], date);
        CHECK_STR(date, "2024-02-29");
    }
    coopnet_snapshots_destroy(&s);
    CHECK_INT(coopnet_date_parse("2023-12-31", &options.as_of, &err), COOPNET_OK);
    CHECK_INT(coopnet_snapshots_compute(bundle, &options, COOPNET_PERIOD_YEAR, 0, measures, 1,
                                        false, NULL, &s, &err),
              COOPNET_OK);
    CHECK_INT(s.n_steps, 1);
    coopnet_snapshots_destroy(&s);
    CHECK_INT(coopnet_date_parse("2020", &options.as_of, &err), COOPNET_OK);
    CHECK_INT(coopnet_snapshots_compute(bundle, &options, COOPNET_PERIOD_YEAR, 0, measures, 1,
                                        false, NULL, &s, &err),
              COOPNET_OK);
    CHECK_INT(s.n_steps, 0);
    coopnet_snapshots_destroy(&s);
    coopnet_bundle_free(bundle);
}

static void test_years(void)
{
    coopnet_bundle_t *bundle = fixture_bundle(actors, events, participation, NULL);
    CHECK(bundle != NULL);
    if (bundle == NULL)
        return;
    coopnet_graph_options_t options;
    coopnet_graph_options_init(&options);
    coopnet_snapshots_t s;
    coopnet_error_t err;
    const coopnet_measure_t measures[] = {COOPNET_MEASURE_DEGREE};
    /* undated e4 reads as the study window: the bundle's (2023-01-15 to 2024-02-01) makes it
     * certain by the end of 2024 (a and d gain a link then); possible from the start */
    CHECK_INT(coopnet_snapshots_compute(bundle, &options, COOPNET_PERIOD_YEAR, 0, measures, 1,
                                        false, NULL, &s, &err),
              COOPNET_OK);
    CHECK_INT(s.n_steps, 2);
    CHECK_NEAR(value_at(&s, s.values, 0, 0, 3), 0, 0);
    CHECK_NEAR(value_at(&s, s.values, 1, 0, 3), 2, 0);
    coopnet_snapshots_destroy(&s);
    options.as_of_reading = COOPNET_READING_POSSIBLE;
    CHECK_INT(coopnet_snapshots_compute(bundle, &options, COOPNET_PERIOD_YEAR, 0, measures, 1,
                                        false, NULL, &s, &err),
              COOPNET_OK);
    CHECK_NEAR(value_at(&s, s.values, 0, 0, 3), 1, 0);
    coopnet_snapshots_destroy(&s);
    /* a study window running to mid-2025: e4 is certain in neither year */
    options.as_of_reading = COOPNET_READING_CERTAIN;
    CHECK_INT(coopnet_date_parse("2023-01/2025-06", &options.window, &err), COOPNET_OK);
    CHECK_INT(coopnet_snapshots_compute(bundle, &options, COOPNET_PERIOD_YEAR, 0, measures, 1,
                                        false, NULL, &s, &err),
              COOPNET_OK);
    CHECK_INT(s.n_steps, 2);
    char date[COOPNET_DATE_TEXT_SIZE];
    coopnet_date_format(s.dates[0], date);
    CHECK_STR(date, "2023-12-31");
    coopnet_date_format(s.dates[1], date);
    CHECK_STR(date, "2024-12-31");
    /* 2023: a1 b2 c1 d0 (e4 is not certain); 2024: a1 b2 c2 d1 */
    static const double degree[2][4] = {{1, 2, 1, 0}, {1, 2, 2, 1}};
    static const double rank[2][4] = {{2, 1, 2, 4}, {3, 1, 1, 3}};
    for (size_t step = 0; step < 2; step++)
        for (long v = 0; v < 4; v++) {
            CHECK_NEAR(value_at(&s, s.values, step, 0, v), degree[step][v], 0);
            CHECK_NEAR(value_at(&s, s.ranks, step, 0, v), rank[step][v], 0);
        }
    /* Spearman of (1,2,1,0) and (1,2,2,1): average ranks (2.5,4,2.5,1) and (1.5,3.5,3.5,1.5),
     * covariance 3 over sqrt(4.5 * 4): 1 / sqrt 2 */
    const coopnet_snapshot_change_t *change = &s.changes[0];
    CHECK_NEAR(change->spearman, 0.70710678118654752, 1e-9);
    /* the same two steps through the any-two-steps function; a step out of range is refused */
    coopnet_snapshot_change_t between;
    CHECK_INT(coopnet_snapshots_change_between(&s, 0, 0, 1, &between, &err), COOPNET_OK);
    CHECK_NEAR(between.spearman, change->spearman, 1e-15);
    CHECK_INT(between.rose, change->rose);
    CHECK_INT(coopnet_snapshots_change_between(&s, 0, 0, 2, &between, &err), COOPNET_EINVAL);
    CHECK_INT(change->n_actors, 4);
    CHECK_INT(change->rose, 2); /* c: 2 -> 1 (d also gains one place; the first wins) */
    CHECK_NEAR(change->rose_by, 1, 0);
    CHECK_INT(change->fell, 0); /* a: 2 -> 3 */
    CHECK_NEAR(change->fell_by, 1, 0);
    coopnet_snapshots_destroy(&s);
    coopnet_bundle_free(bundle);
}

static void test_quarters_and_window(void)
{
    coopnet_bundle_t *bundle = fixture_bundle(actors, events, participation, NULL);
    CHECK(bundle != NULL);
    if (bundle == NULL)
        return;
    coopnet_graph_options_t options;
    coopnet_graph_options_init(&options);
    coopnet_snapshots_t s;
    coopnet_error_t err;
    const coopnet_measure_t measures[] = {COOPNET_MEASURE_DEGREE, COOPNET_MEASURE_CLOSENESS};
    CHECK_INT(coopnet_snapshots_compute(bundle, &options, COOPNET_PERIOD_QUARTER, 90, measures, 2,
                                        false, NULL, &s, &err),
              COOPNET_OK);
    CHECK_INT(s.n_steps, 5); /* 2023-Q1 to 2024-Q1 */
    /* 2023-06-30 with a 90-day window: only e2 (b-c) */
    static const double degree_q2[4] = {0, 1, 1, 0};
    for (long v = 0; v < 4; v++)
        CHECK_NEAR(value_at(&s, s.values, 1, 0, v), degree_q2[v], 0);
    /* closeness of the isolated a is NaN, and so is its rank */
    CHECK(isnan(value_at(&s, s.values, 1, 1, 0)));
    CHECK(isnan(value_at(&s, s.ranks, 1, 1, 0)));
    /* 2023-09-30: nothing in the window */
    for (long v = 0; v < 4; v++)
        CHECK_NEAR(value_at(&s, s.values, 2, 0, v), 0, 0);
    coopnet_snapshots_destroy(&s);

    CHECK_INT(coopnet_snapshots_compute(bundle, &options, COOPNET_PERIOD_MONTH, -1, measures, 2,
                                        false, NULL, &s, &err),
              COOPNET_EINVAL);
    CHECK_INT(coopnet_snapshots_compute(bundle, &options, COOPNET_PERIOD_MONTH, 0, measures, 0,
                                        false, NULL, &s, &err),
              COOPNET_EINVAL);
    coopnet_snapshots_destroy(&s);
    coopnet_period_t step;
    CHECK_INT(coopnet_period_parse("week", &step, &err), COOPNET_EINVAL);
    CHECK_STR(err.message, "unknown period 'week' (expected month, quarter or year)");
    CHECK_INT(coopnet_period_parse("month", &step, &err), COOPNET_OK);
    CHECK_INT(step, COOPNET_PERIOD_MONTH);
    /* one parser for every command: any case ('snapshots --every Year' once exited 2) */
    CHECK_INT(coopnet_period_parse("Year", &step, &err), COOPNET_OK);
    CHECK_INT(step, COOPNET_PERIOD_YEAR);
    CHECK_INT(coopnet_period_parse("QUARTER", &step, &err), COOPNET_OK);
    CHECK_INT(step, COOPNET_PERIOD_QUARTER);
    CHECK_STR(coopnet_period_name(COOPNET_PERIOD_QUARTER), "quarter");
    /* the last day of the period holding a day */
    CHECK_INT(coopnet_period_end(coopnet_date_days_from_civil(2024, 2, 10), COOPNET_PERIOD_MONTH),
              coopnet_date_days_from_civil(2024, 2, 29));
    CHECK_INT(
        coopnet_period_end(coopnet_date_days_from_civil(2024, 11, 10), COOPNET_PERIOD_QUARTER),
        coopnet_date_days_from_civil(2024, 12, 31));
    CHECK_INT(coopnet_period_end(coopnet_date_days_from_civil(2023, 4, 1), COOPNET_PERIOD_QUARTER),
              coopnet_date_days_from_civil(2023, 6, 30));
    CHECK_INT(coopnet_period_end(coopnet_date_days_from_civil(2023, 1, 1), COOPNET_PERIOD_YEAR),
              coopnet_date_days_from_civil(2023, 12, 31));
    coopnet_bundle_free(bundle);
}

static void test_undated(void)
{
    coopnet_bundle_t *bundle = fixture_dataset("davis-southern-women");
    CHECK(bundle != NULL);
    if (bundle == NULL)
        return;
    coopnet_graph_options_t options;
    coopnet_graph_options_init(&options);
    coopnet_snapshots_t s;
    coopnet_error_t err;
    CHECK_INT(coopnet_snapshots_compute(bundle, &options, COOPNET_PERIOD_YEAR, 0,
                                        coopnet_measure_defaults, COOPNET_MEASURE_COUNT, false,
                                        NULL, &s, &err),
              COOPNET_OK);
    CHECK_INT(s.n_steps, 0);
    coopnet_snapshots_destroy(&s);
    coopnet_bundle_free(bundle);
}

/* Two windows (2023 and 2024): e1 a-b and e2 b-c in 2023, e3 c-d in 2024; e4 is undated, so
 * certain in neither window. Worked by hand: 2 links then 1, none kept, 1 gained, 2 lost; a and b
 * leave, d enters, c is linked in both. */
static void test_compare_windows(void)
{
    coopnet_bundle_t *bundle = fixture_bundle(actors, events, participation, NULL);
    CHECK(bundle != NULL);
    if (bundle == NULL)
        return;
    coopnet_date_t windows[2];
    coopnet_error_t err;
    CHECK_INT(coopnet_snapshots_parse_windows("2023/2023,2024/..", windows, &err), COOPNET_OK);
    coopnet_graph_options_t options[2];
    coopnet_graph_t graphs[2];
    for (int w = 0; w < 2; w++) {
        coopnet_graph_options_init(&options[w]);
        CHECK_INT(coopnet_graph_options_set_between(&options[w], windows[w], &err), COOPNET_OK);
        CHECK_INT(coopnet_graph_init_cooperation(&graphs[w], bundle, &options[w], &err),
                  COOPNET_OK);
    }
    coopnet_snapshots_comparison_t change;
    CHECK_INT(coopnet_snapshots_compare(&graphs[0], &graphs[1], &change, &err), COOPNET_OK);
    CHECK_INT(change.links[0], 2);
    CHECK_INT(change.links[1], 1);
    CHECK_INT(change.kept, 0);
    CHECK_INT(change.gained, 1);
    CHECK_INT(change.lost, 2);
    CHECK_INT(change.linked[0], 3);
    CHECK_INT(change.linked[1], 2);
    CHECK_INT(change.entering, 1);
    CHECK_INT(change.leaving, 2);
    CHECK_INT(VECTOR(change.linked_in)[2], 3); /* c */
    CHECK_INT(VECTOR(change.linked_in)[3], 2); /* d */
    coopnet_snapshots_comparison_destroy(&change);
    coopnet_graph_destroy(&graphs[1]);

    /* graphs of other actors cannot be compared */
    options[1].level_mask = 1u << COOPNET_LEVEL_LOCAL;
    CHECK_INT(coopnet_graph_init_cooperation(&graphs[1], bundle, &options[1], &err), COOPNET_OK);
    CHECK_INT(coopnet_snapshots_compare(&graphs[0], &graphs[1], &change, &err), COOPNET_EINVAL);
    CHECK_CONTAINS(err.message, "do not have the same actors");
    coopnet_snapshots_comparison_destroy(&change);
    coopnet_graph_destroy(&graphs[0]);
    coopnet_graph_destroy(&graphs[1]);

    CHECK_INT(coopnet_snapshots_parse_windows("2023/2024", windows, &err), COOPNET_EINVAL);
    CHECK_CONTAINS(err.message, "expected two windows");
    CHECK_INT(coopnet_snapshots_parse_windows("2023,2024/2025", windows, &err), COOPNET_EINVAL);
    CHECK_CONTAINS(err.message, "window '2023' is not FROM/TO");
    CHECK_INT(coopnet_snapshots_parse_windows("a,b,c", windows, &err), COOPNET_EINVAL);
    CHECK(coopnet_snapshots_parse_windows("2023/2022,2024/2025", windows, &err) != COOPNET_OK);
    coopnet_date_t day;
    CHECK_INT(coopnet_date_parse("2024", &day, &err), COOPNET_OK);
    CHECK_INT(coopnet_graph_options_set_between(&options[0], day, &err), COOPNET_EINVAL);
    coopnet_bundle_free(bundle);
}

int main(void)
{
    TEST_RUN(test_years);
    TEST_RUN(test_cut_off);
    TEST_RUN(test_quarters_and_window);
    TEST_RUN(test_undated);
    TEST_RUN(test_compare_windows);
    return TEST_DONE();
}
