/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test_temporal_sketch.c - the HyperLogLog estimate of all-sources reach against the exact pass
 * (itself held to a brute-force reference in test_temporal.c): exact on small random bundles
 * where linear counting applies, within its standard error on generated bundles, deterministic
 * and independent of the order of actors, and its error paths. */
#include "temporal_fixtures.h"
#include "temporal/temporal_sketch.h"
#include "testing.h"

#include <coopnet/coopnet.h>

#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* Exact and estimated all-sources reach of bundle under options. */
static void both_passes(const coopnet_bundle_t *bundle, const coopnet_temporal_options_t *options,
                        int precision, coopnet_temporal_all_t *exact,
                        coopnet_temporal_all_t *estimate)
{
    coopnet_temporal_network_t *network = NULL;
    coopnet_error_t err;
    memset(exact, 0, sizeof *exact);
    memset(estimate, 0, sizeof *estimate);
    CHECK_INT(coopnet_temporal_network_alloc(bundle, options, &network, &err), COOPNET_OK);
    if (network == NULL)
        return;
    CHECK_INT(coopnet_temporal_all_sources(network, NULL, exact, &err), COOPNET_OK);
    CHECK_INT(coopnet_temporal_all_sources_estimate(network, precision, NULL, estimate, &err),
              COOPNET_OK);
    CHECK_INT(estimate->precision, precision);
    CHECK_NEAR(estimate->relative_standard_error, coopnet_temporal_sketch_error(precision), 0);
    coopnet_temporal_network_free(network);
}

/* ---- small random bundles: the estimate is exact ------------------------------------------- */

#define MAX_ACTORS 12

/* A random bundle (fewer than 8 events) from seed; reversed: actors.csv in reverse order. */
static coopnet_bundle_t *seeded_bundle(uint64_t seed, bool reversed)
{
    rng_state = seed;
    return random_bundle(MAX_ACTORS, 8, reversed);
}

static void check_same(const coopnet_temporal_all_t *exact, const coopnet_temporal_all_t *estimate)
{
    CHECK_INT(estimate->n_actors, exact->n_actors);
    CHECK_INT(estimate->n_kept, exact->n_kept);
    CHECK_INT(estimate->n_days, exact->n_days);
    for (size_t a = 0; a < exact->n_actors && a < estimate->n_actors; a++) {
        CHECK_INT(estimate->out_reach[a], exact->out_reach[a]);
        CHECK_INT(estimate->in_reach[a], exact->in_reach[a]);
        CHECK_NEAR(estimate->closeness[a], exact->closeness[a], 1e-12);
    }
    for (size_t k = 0; k < exact->n_days && k < estimate->n_days; k++) {
        CHECK_INT(estimate->days[k], exact->days[k]);
        CHECK_INT(estimate->new_pairs[k], exact->new_pairs[k]);
    }
    CHECK_INT(estimate->total_pairs, exact->total_pairs);
}

/* With at most 12 actors and 2^16 registers, two actors share a register with probability under
 * 0.1%: linear counting then counts exactly, and every register holds one reached actor with
 * its exact arrival, so closeness is exact too. At precision 10 counts are off by at most one. */
static void test_small_random_exact(void)
{
    for (uint64_t seed = 1; seed <= 400; seed++) {
        coopnet_bundle_t *bundle = seeded_bundle(seed, false);
        CHECK(bundle != NULL);
        if (bundle == NULL)
            continue;
        const char *exclude[1];
        coopnet_temporal_options_t options;
        random_options(bundle, &options, exclude, false);
        coopnet_temporal_all_t exact, estimate;
        both_passes(bundle, &options, COOPNET_TEMPORAL_SKETCH_MAX_PRECISION, &exact, &estimate);
        check_same(&exact, &estimate);
        coopnet_temporal_all_destroy(&exact);
        coopnet_temporal_all_destroy(&estimate);
        both_passes(bundle, &options, COOPNET_TEMPORAL_SKETCH_DEFAULT_PRECISION, &exact, &estimate);
        for (size_t a = 0; a < exact.n_actors && a < estimate.n_actors; a++) {
            CHECK(llabs(estimate.out_reach[a] - exact.out_reach[a]) <= 1);
            CHECK(llabs(estimate.in_reach[a] - exact.in_reach[a]) <= 1);
        }
        coopnet_temporal_all_destroy(&exact);
        coopnet_temporal_all_destroy(&estimate);
        coopnet_bundle_free(bundle);
    }
}

/* The estimate depends on the actors' ids, not on their order in actors.csv. */
static void test_order_independent(void)
{
    for (uint64_t seed = 1; seed <= 50; seed++) {
        coopnet_bundle_t *forward = seeded_bundle(seed, false);
        coopnet_bundle_t *backward = seeded_bundle(seed, true);
        CHECK(forward != NULL && backward != NULL);
        if (forward == NULL || backward == NULL) {
            coopnet_bundle_free(forward);
            coopnet_bundle_free(backward);
            continue;
        }
        coopnet_temporal_options_t options;
        coopnet_temporal_options_init(&options);
        coopnet_temporal_all_t exact[2], estimate[2];
        both_passes(forward, &options, 4, &exact[0], &estimate[0]);
        both_passes(backward, &options, 4, &exact[1], &estimate[1]);
        for (size_t a = 0; a < forward->n_actors; a++) {
            long b = coopnet_bundle_find_actor(backward, forward->actors[a].id);
            CHECK(b >= 0);
            if (b < 0 || estimate[0].out_reach == NULL || estimate[1].out_reach == NULL)
                continue;
            CHECK_INT(estimate[1].out_reach[b], estimate[0].out_reach[a]);
            CHECK_INT(estimate[1].in_reach[b], estimate[0].in_reach[a]);
            CHECK_NEAR(estimate[1].closeness[b], estimate[0].closeness[a], 1e-15);
        }
        for (int i = 0; i < 2; i++) {
            coopnet_temporal_all_destroy(&exact[i]);
            coopnet_temporal_all_destroy(&estimate[i]);
        }
        coopnet_bundle_free(forward);
        coopnet_bundle_free(backward);
    }
}

/* ---- generated bundles: within the standard error ------------------------------------------ */

static char temporary_root[] = "/tmp/coopnet_sketch_XXXXXX";

static coopnet_bundle_t *generated_bundle(const char *name, size_t actors, size_t events, int years)
{
    char path[256];
    snprintf(path, sizeof path, "%s/%s", temporary_root, name);
    coopnet_generate_options_t options;
    coopnet_generate_options_init(&options);
    options.n_actors = actors;
    options.n_events = events;
    options.n_ties = actors / 4;
    options.mean_size = 6;
    options.n_years = years;
    options.seed = 7;
    coopnet_error_t err;
    CHECK_INT(coopnet_generate_write(path, &options, NULL, &err), COOPNET_OK);
    coopnet_diag_list_t diags;
    coopnet_diag_list_init(&diags);
    coopnet_bundle_t *bundle = NULL;
    CHECK_INT(coopnet_bundle_load(path, &diags, &bundle, &err), COOPNET_OK);
    coopnet_diag_list_destroy(&diags);
    return bundle;
}

typedef struct error_summary {
    size_t n;
    double mean, root_mean_square;
} error_summary_t;

/* Relative errors of the estimated values over the actors whose exact value is at least
 * `at_least` (counts) or whose out-reach is (closeness). */
static error_summary_t relative_errors(const coopnet_temporal_all_t *exact,
                                       const coopnet_temporal_all_t *estimate, int which,
                                       double at_least)
{
    error_summary_t summary = {0, 0, 0};
    for (size_t a = 0; a < exact->n_actors; a++) {
        if (exact->out_reach[a] < 0)
            continue;
        double x, y;
        if (which == 0) {
            x = (double)exact->out_reach[a], y = (double)estimate->out_reach[a];
        } else if (which == 1) {
            x = (double)exact->in_reach[a], y = (double)estimate->in_reach[a];
        } else {
            if ((double)exact->out_reach[a] < at_least)
                continue;
            x = exact->closeness[a], y = estimate->closeness[a];
        }
        if (which < 2 && x < at_least)
            continue;
        double error = (y - x) / x;
        summary.n++;
        summary.mean += error;
        summary.root_mean_square += error * error;
    }
    if (summary.n > 0) {
        summary.mean /= (double)summary.n;
        summary.root_mean_square = sqrt(summary.root_mean_square / (double)summary.n);
    }
    return summary;
}

/* Small counts (at most 2^p / 20, where the estimate works like linear counting): off by the
 * actors that share a register with another (one with probability about n^2 / 2m) plus four of
 * linear counting's standard deviations, sqrt(m (e^t - t - 1)) for t = n / m (Whang et al.). */
static void check_small_counts(const coopnet_temporal_all_t *exact,
                               const coopnet_temporal_all_t *estimate, int precision)
{
    double m = ldexp(1.0, precision);
    for (size_t a = 0; a < exact->n_actors; a++) {
        for (int which = 0; which < 2; which++) {
            int64_t x = which ? exact->in_reach[a] : exact->out_reach[a];
            int64_t y = which ? estimate->in_reach[a] : estimate->out_reach[a];
            if (x < 0 || (double)x > m / 20)
                continue;
            double t = (double)(x + 1) / m;
            CHECK((double)llabs(y - x) <= 1 + 4 * sqrt(m * (exp(t) - t - 1)));
        }
    }
}

static void check_within_error(const coopnet_bundle_t *bundle,
                               const coopnet_temporal_options_t *options, int precision)
{
    coopnet_temporal_all_t exact, estimate;
    both_passes(bundle, options, precision, &exact, &estimate);
    if (exact.out_reach == NULL || estimate.out_reach == NULL)
        return;
    double standard_error = coopnet_temporal_sketch_error(precision);
    for (int which = 0; which < 3; which++) {
        error_summary_t summary = relative_errors(&exact, &estimate, which, 100);
        printf("  precision %d, %s: %zu actors, mean relative error %+.4f, rms %.4f (se %.4f)\n",
               precision,
               which == 0   ? "out-reach"
               : which == 1 ? "in-reach"
                            : "closeness",
               summary.n, summary.mean, summary.root_mean_square, standard_error);
        CHECK(summary.n > 50);
        CHECK(fabs(summary.mean) <= 3 * standard_error);
        /* closeness samples one arrival per register: its error is larger than the count's */
        CHECK(summary.root_mean_square <= (which < 2 ? 3 : 5) * standard_error);
    }
    check_small_counts(&exact, &estimate, precision);
    /* the curve's pairs too */
    double pairs_error =
        ((double)estimate.total_pairs - (double)exact.total_pairs) / (double)exact.total_pairs;
    CHECK(fabs(pairs_error) <= 3 * standard_error);
    coopnet_temporal_all_destroy(&exact);
    coopnet_temporal_all_destroy(&estimate);
}

static void test_generated_bundles(void)
{
    /* many events per actor over one year: nearly everyone reaches everyone */
    coopnet_bundle_t *dense = generated_bundle("dense", 3000, 3000, 1);
    /* few events over ten years, cut by --until: reach sets of every size */
    coopnet_bundle_t *sparse = generated_bundle("sparse", 4000, 900, 10);
    CHECK(dense != NULL && sparse != NULL);
    if (dense != NULL && sparse != NULL) {
        coopnet_temporal_options_t options;
        coopnet_temporal_options_init(&options);
        check_within_error(dense, &options, 10);
        check_within_error(sparse, &options, 8);
        check_within_error(sparse, &options, 12);
        coopnet_error_t err;
        coopnet_date_parse("2024-06", &options.until, &err);
        coopnet_date_parse("2019-01", &options.since, &err);
        check_within_error(sparse, &options, 10);
        coopnet_temporal_options_init(&options);
        options.mode = COOPNET_TEMPORAL_MODE_PRESENTER;
        check_within_error(dense, &options, 11);
    }
    coopnet_bundle_free(dense);
    coopnet_bundle_free(sparse);
}

/* The same input gives the same numbers, bit for bit. */
static void test_deterministic(void)
{
    coopnet_bundle_t *bundle = generated_bundle("again", 1500, 400, 5);
    if (bundle == NULL)
        return;
    coopnet_temporal_options_t options;
    coopnet_temporal_options_init(&options);
    coopnet_temporal_network_t *network = NULL;
    coopnet_error_t err;
    CHECK_INT(coopnet_temporal_network_alloc(bundle, &options, &network, &err), COOPNET_OK);
    coopnet_temporal_all_t first = {0}, second = {0};
    CHECK_INT(coopnet_temporal_all_sources_estimate(network, 9, NULL, &first, &err), COOPNET_OK);
    CHECK_INT(coopnet_temporal_all_sources_estimate(network, 9, NULL, &second, &err), COOPNET_OK);
    size_t n = bundle->n_actors;
    CHECK(memcmp(first.out_reach, second.out_reach, n * sizeof *first.out_reach) == 0);
    CHECK(memcmp(first.in_reach, second.in_reach, n * sizeof *first.in_reach) == 0);
    CHECK(memcmp(first.closeness, second.closeness, n * sizeof *first.closeness) == 0);
    CHECK(memcmp(first.new_pairs, second.new_pairs, first.n_days * sizeof *first.new_pairs) == 0);
    coopnet_temporal_all_destroy(&first);
    coopnet_temporal_all_destroy(&second);
    coopnet_temporal_network_free(network);
    coopnet_bundle_free(bundle);
}

/* ---- edge cases and errors ----------------------------------------------------------------- */

static void test_edge_cases(void)
{
    static const char actors[] = "id,name,level\na,A,local\nb,B,local\nc,C,national\n";
    coopnet_temporal_options_t options;
    coopnet_temporal_options_init(&options);
    coopnet_temporal_all_t exact, estimate;

    /* no dated event: nobody reaches anybody */
    coopnet_bundle_t *undated =
        load(actors, "id,title,date\ne1,One,\n", "event,actor\ne1,a\ne1,b\ne1,c\n", NULL);
    if (undated != NULL) {
        both_passes(undated, &options, 10, &exact, &estimate);
        CHECK_INT(estimate.n_days, 0);
        check_same(&exact, &estimate);
        for (size_t a = 0; a < 3 && estimate.out_reach; a++)
            CHECK_INT(estimate.out_reach[a], 0);
        coopnet_temporal_all_destroy(&exact);
        coopnet_temporal_all_destroy(&estimate);
    }
    coopnet_bundle_free(undated);

    /* one kept actor: closeness 0, nothing reached; filtered actors get -1 */
    coopnet_bundle_t *bundle =
        load(actors, "id,title,date\ne1,One,2024-03-01\n", "event,actor\ne1,a\ne1,b\ne1,c\n", NULL);
    if (bundle != NULL) {
        options.graph.level_mask = 1u << COOPNET_LEVEL_NATIONAL;
        both_passes(bundle, &options, 10, &exact, &estimate);
        CHECK_INT(estimate.n_kept, 1);
        check_same(&exact, &estimate);
        if (estimate.out_reach != NULL) {
            CHECK_INT(estimate.out_reach[2], 0);
            CHECK_NEAR(estimate.closeness[2], 0, 0);
            CHECK_INT(estimate.out_reach[0], -1);
            CHECK(isnan(estimate.closeness[0]));
        }
        coopnet_temporal_all_destroy(&exact);
        coopnet_temporal_all_destroy(&estimate);

        /* --since after the event: nothing left */
        coopnet_temporal_options_init(&options);
        coopnet_error_t err;
        coopnet_date_parse("2024-04", &options.since, &err);
        both_passes(bundle, &options, 10, &exact, &estimate);
        check_same(&exact, &estimate);
        coopnet_temporal_all_destroy(&exact);
        coopnet_temporal_all_destroy(&estimate);
    }
    coopnet_bundle_free(bundle);
}

static uint64_t progress_last, progress_total, progress_calls;
static int progress_backwards;
static void record_progress(void *data, const char *stage, uint64_t done, uint64_t total)
{
    (void)data;
    CHECK_STR(stage, "temporal reach (estimate)");
    if (progress_calls > 0 && done < progress_last)
        progress_backwards++;
    progress_last = done;
    progress_total = total;
    progress_calls++;
}

static void test_errors_and_progress(void)
{
    coopnet_bundle_t *bundle = seeded_bundle(3, false);
    if (bundle == NULL)
        return;
    coopnet_temporal_options_t options;
    coopnet_temporal_options_init(&options);
    coopnet_temporal_network_t *network = NULL;
    coopnet_error_t err;
    coopnet_temporal_all_t all = {0};
    CHECK_INT(coopnet_temporal_network_alloc(bundle, &options, &network, &err), COOPNET_OK);
    CHECK_INT(coopnet_temporal_all_sources_estimate(network, 3, NULL, &all, &err), COOPNET_EINVAL);
    CHECK_CONTAINS(err.message, "precision '3'");
    CHECK(all.out_reach == NULL);
    CHECK_INT(coopnet_temporal_all_sources_estimate(network, 17, NULL, &all, &err), COOPNET_EINVAL);
    coopnet_progress_t progress = {record_progress, NULL};
    CHECK_INT(coopnet_temporal_all_sources_estimate(network, 4, &progress, &all, &err), COOPNET_OK);
    CHECK(progress_calls >= 2);
    CHECK_INT(progress_backwards, 0);
    CHECK_INT(progress_last, 2 * coopnet_temporal_network_contacts(network));
    CHECK_INT(progress_total, progress_last);
    coopnet_temporal_all_destroy(&all);
    CHECK(coopnet_temporal_all_sources_estimate_memory(network, 12) >
          coopnet_temporal_all_sources_estimate_memory(network, 10));
    coopnet_temporal_network_free(network);

    options.max_wait = 30;
    CHECK_INT(coopnet_temporal_network_alloc(bundle, &options, &network, &err), COOPNET_OK);
    CHECK_INT(coopnet_temporal_all_sources_estimate(network, 10, NULL, &all, &err), COOPNET_EINVAL);
    CHECK_CONTAINS(err.message, "maximum wait");
    coopnet_temporal_network_free(network);
    coopnet_bundle_free(bundle);

    CHECK_NEAR(coopnet_temporal_sketch_error(10), 1.04 / 32.0, 1e-15);
}

/* The policy: AUTO is exact when the exact state fits in the memory limit, else the estimate
 * when it fits, else refused (ELIMIT); EXACT and ESTIMATE are obeyed within the limit; a maximum
 * wait cannot be estimated, and AUTO over the limit with one is an error naming the memory needed.
 * by_policy runs the chosen method. */
static void test_policy(void)
{
    coopnet_bundle_t *bundle = generated_bundle("policy", 3000, 900, 2);
    if (bundle == NULL)
        return;
    coopnet_temporal_options_t options;
    coopnet_temporal_options_init(&options);
    coopnet_temporal_network_t *network = NULL;
    coopnet_error_t err;
    CHECK_INT(coopnet_temporal_network_alloc(bundle, &options, &network, &err), COOPNET_OK);
    uint64_t needed = coopnet_temporal_all_sources_memory(network);
    coopnet_temporal_all_policy_t policy;
    coopnet_temporal_all_policy_init(&policy);
    CHECK_INT(policy.method, COOPNET_TEMPORAL_ALL_AUTO);
    CHECK_INT(policy.precision, COOPNET_TEMPORAL_SKETCH_DEFAULT_PRECISION);
    coopnet_temporal_all_method_t method;
    policy.memory_limit = needed;
    CHECK_INT(coopnet_temporal_all_sources_choose(network, &policy, &method, &err), COOPNET_OK);
    CHECK_INT(method, COOPNET_TEMPORAL_ALL_EXACT);
    /* the estimate takes less than the exact state only with few registers here */
    policy.precision = COOPNET_TEMPORAL_SKETCH_MIN_PRECISION;
    uint64_t estimate = coopnet_temporal_all_sources_estimate_memory(network, policy.precision);
    CHECK(estimate < needed);
    policy.memory_limit = needed - 1;
    CHECK_INT(coopnet_temporal_all_sources_choose(network, &policy, &method, &err), COOPNET_OK);
    CHECK_INT(method, COOPNET_TEMPORAL_ALL_ESTIMATE);
    coopnet_temporal_all_t all = {0};
    CHECK_INT(coopnet_temporal_all_sources_by_policy(network, &policy, NULL, &all, &err),
              COOPNET_OK);
    CHECK_INT(all.precision, COOPNET_TEMPORAL_SKETCH_MIN_PRECISION);
    coopnet_temporal_all_destroy(&all);
    /* neither fits: refused, naming both and the limit */
    policy.memory_limit = estimate - 1;
    CHECK_INT(coopnet_temporal_all_sources_choose(network, &policy, &method, &err), COOPNET_ELIMIT);
    CHECK_CONTAINS(err.message, "and its estimate at precision 4 needs");
    CHECK_CONTAINS(err.message, "over the memory limit");
    CHECK_INT(coopnet_temporal_all_sources_by_policy(network, &policy, NULL, &all, &err),
              COOPNET_ELIMIT);
    CHECK(all.out_reach == NULL);
    /* a chosen method within the limit, and refused over it */
    policy.method = COOPNET_TEMPORAL_ALL_ESTIMATE;
    CHECK_INT(coopnet_temporal_all_sources_choose(network, &policy, &method, &err), COOPNET_ELIMIT);
    CHECK_CONTAINS(err.message, "the reach estimate of");
    policy.memory_limit = estimate;
    CHECK_INT(coopnet_temporal_all_sources_choose(network, &policy, &method, &err), COOPNET_OK);
    policy.method = COOPNET_TEMPORAL_ALL_EXACT;
    CHECK_INT(coopnet_temporal_all_sources_choose(network, &policy, &method, &err), COOPNET_ELIMIT);
    CHECK_CONTAINS(err.message, "exact reach from all sources of");
    policy.memory_limit = needed;
    CHECK_INT(coopnet_temporal_all_sources_by_policy(network, &policy, NULL, &all, &err),
              COOPNET_OK);
    CHECK_INT(all.precision, 0);
    coopnet_temporal_all_destroy(&all);
    coopnet_temporal_network_free(network);

    options.max_wait = 10;
    CHECK_INT(coopnet_temporal_network_alloc(bundle, &options, &network, &err), COOPNET_OK);
    policy.method = COOPNET_TEMPORAL_ALL_AUTO;
    policy.memory_limit = 1;
    CHECK_INT(coopnet_temporal_all_sources_choose(network, &policy, &method, &err), COOPNET_EINVAL);
    CHECK_CONTAINS(err.message, "over the memory limit 1 bytes");
    CHECK_INT(coopnet_temporal_all_sources_by_policy(network, &policy, NULL, &all, &err),
              COOPNET_EINVAL);
    CHECK(all.out_reach == NULL);
    policy.method = COOPNET_TEMPORAL_ALL_ESTIMATE;
    CHECK_INT(coopnet_temporal_all_sources_choose(network, &policy, &method, &err), COOPNET_EINVAL);
    CHECK_CONTAINS(err.message, "maximum wait");
    policy.method = COOPNET_TEMPORAL_ALL_EXACT;
    policy.memory_limit = UINT64_MAX;
    CHECK_INT(coopnet_temporal_all_sources_choose(network, &policy, &method, &err), COOPNET_OK);
    CHECK_INT(method, COOPNET_TEMPORAL_ALL_EXACT);
    coopnet_temporal_network_free(network);
    coopnet_bundle_free(bundle);
}

/* More contact days than the 16-bit arrival field holds. */
static void test_too_many_days(void)
{
    size_t n_events = 65535, size = 64 * n_events;
    char *events = malloc(size), *participation = malloc(size);
    if (events == NULL || participation == NULL) {
        free(events);
        free(participation);
        CHECK(false);
        return;
    }
    size_t at = (size_t)snprintf(events, size, "id,title,date\n");
    size_t pat = (size_t)snprintf(participation, size, "event,actor\n");
    for (size_t e = 0; e < n_events; e++) {
        char date[COOPNET_DATE_TEXT_SIZE];
        coopnet_date_format(coopnet_date_from_day((int32_t)e), date);
        at += (size_t)snprintf(events + at, size - at, "e%zu,E,%s\n", e, date);
        pat += (size_t)snprintf(participation + pat, size - pat, "e%zu,a\ne%zu,b\n", e, e);
    }
    coopnet_bundle_t *bundle =
        load("id,name,level\na,A,local\nb,B,local\n", events, participation, NULL);
    free(events);
    free(participation);
    if (bundle == NULL) {
        CHECK(false);
        return;
    }
    coopnet_temporal_options_t options;
    coopnet_temporal_options_init(&options);
    coopnet_temporal_network_t *network = NULL;
    coopnet_error_t err;
    coopnet_temporal_all_t all = {0};
    CHECK_INT(coopnet_temporal_network_alloc(bundle, &options, &network, &err), COOPNET_OK);
    CHECK_INT(coopnet_temporal_all_sources_estimate(network, 10, NULL, &all, &err), COOPNET_EINVAL);
    CHECK_CONTAINS(err.message, "65534 contact days");
    coopnet_temporal_network_free(network);
    coopnet_bundle_free(bundle);
}

/* ---- the report's parts: counts from a few sources, the estimate without out-reach -------- */

/* coopnet_i_temporal_reach_counts of every actor kept (64 at a time) against the exact
 * all-sources out-reach (each source's n_reached of the exact pass), in both readings of the
 * bundle. */
static void check_counts(const coopnet_bundle_t *bundle, const coopnet_temporal_options_t *options)
{
    coopnet_temporal_network_t *readings[2] = {NULL, NULL};
    coopnet_error_t err;
    CHECK_INT(coopnet_temporal_networks_alloc(bundle, options, &readings[0], &readings[1], &err),
              COOPNET_OK);
    for (int r = 0; r < 2; r++) {
        if (readings[r] == NULL)
            continue;
        coopnet_temporal_all_t exact = {0};
        CHECK_INT(coopnet_temporal_all_sources(readings[r], NULL, &exact, &err), COOPNET_OK);
        size_t sources[COOPNET_I_TEMPORAL_COUNTS_MAX], n_sources = 0;
        int64_t reached[COOPNET_I_TEMPORAL_COUNTS_MAX];
        for (size_t a = 0; a <= exact.n_actors; a++) {
            bool flush = a == exact.n_actors || n_sources == COOPNET_I_TEMPORAL_COUNTS_MAX;
            if (flush && n_sources > 0) {
                CHECK_INT(
                    coopnet_i_temporal_reach_counts(readings[r], sources, n_sources, reached, &err),
                    COOPNET_OK);
                for (size_t s = 0; s < n_sources; s++)
                    CHECK_INT(reached[s], exact.out_reach[sources[s]]);
                n_sources = 0;
            }
            if (a < exact.n_actors && exact.out_reach[a] >= 0)
                sources[n_sources++] = a;
        }
        coopnet_temporal_all_destroy(&exact);
    }
    coopnet_temporal_network_free(readings[0]);
    coopnet_temporal_network_free(readings[1]);
}

/* The counts equal exact out-reach on random bundles under random options and on a generated
 * one with undated events and date ranges, in both readings; the estimate without out-reach
 * gives the full estimate's in-reach and pairs by day bit for bit, and no out-reach. */
static void test_report_parts(void)
{
    for (uint64_t seed = 1; seed <= 150; seed++) {
        rng_state = seed * 7919;
        coopnet_bundle_t *bundle = random_bundle(MAX_ACTORS, 8, false);
        if (bundle == NULL)
            continue;
        coopnet_temporal_options_t options;
        const char *exclude[1];
        random_options(bundle, &options, exclude, false);
        check_counts(bundle, &options);
        coopnet_bundle_free(bundle);
    }
    coopnet_bundle_t *generated = generated_bundle("parts", 500, 300, 4);
    if (generated == NULL)
        return;
    coopnet_temporal_options_t options;
    coopnet_temporal_options_init(&options);
    check_counts(generated, &options);
    options.mode = COOPNET_TEMPORAL_MODE_PRESENTER;
    check_counts(generated, &options);
    coopnet_temporal_options_init(&options);
    options.reading = COOPNET_READING_POSSIBLE;
    coopnet_temporal_network_t *network = NULL;
    coopnet_error_t err;
    CHECK_INT(coopnet_temporal_network_alloc(generated, &options, &network, &err), COOPNET_OK);
    CHECK(network != NULL && !coopnet_temporal_network_is_exact(network));
    coopnet_temporal_all_t full = {0}, in_only = {0};
    CHECK_INT(coopnet_temporal_all_sources_estimate(network, 10, NULL, &full, &err), COOPNET_OK);
    CHECK_INT(coopnet_i_temporal_all_sources_estimate_in(network, 10, NULL, &in_only, &err),
              COOPNET_OK);
    CHECK_INT(in_only.n_days, full.n_days);
    CHECK_INT(in_only.total_pairs, full.total_pairs);
    CHECK(full.total_pairs > 0);
    for (size_t k = 0; k < full.n_days && k < in_only.n_days; k++)
        CHECK_INT(in_only.new_pairs[k], full.new_pairs[k]);
    for (size_t a = 0; a < full.n_actors && a < in_only.n_actors; a++) {
        CHECK_INT(in_only.in_reach[a], full.in_reach[a]);
        CHECK_INT(in_only.out_reach[a], -1);
        CHECK(isnan(in_only.closeness[a]));
    }
    size_t source = 0;
    int64_t count = 0;
    CHECK_INT(coopnet_i_temporal_reach_counts(network, &source, COOPNET_I_TEMPORAL_COUNTS_MAX + 1,
                                              NULL, &err),
              COOPNET_EINVAL);
    source = generated->n_actors;
    CHECK_INT(coopnet_i_temporal_reach_counts(network, &source, 1, &count, &err), COOPNET_EINVAL);
    coopnet_temporal_network_free(network);
    network = NULL;
    /* a filtered-out source, and a maximum wait: refused, naming why */
    const char *exclude[] = {generated->actors[3].id};
    options.graph.exclude = exclude;
    options.graph.n_exclude = 1;
    CHECK_INT(coopnet_temporal_network_alloc(generated, &options, &network, &err), COOPNET_OK);
    source = 3;
    CHECK_INT(coopnet_i_temporal_reach_counts(network, &source, 1, &count, &err), COOPNET_EINVAL);
    CHECK_CONTAINS(err.message, "filtered out");
    coopnet_temporal_network_free(network);
    network = NULL;
    options.graph.n_exclude = 0;
    options.max_wait = 30;
    CHECK_INT(coopnet_temporal_network_alloc(generated, &options, &network, &err), COOPNET_OK);
    source = 0;
    CHECK_INT(coopnet_i_temporal_reach_counts(network, &source, 1, &count, &err), COOPNET_EINVAL);
    CHECK_CONTAINS(err.message, "maximum wait");
    coopnet_temporal_all_destroy(&full);
    coopnet_temporal_all_destroy(&in_only);
    coopnet_temporal_network_free(network);
    coopnet_bundle_free(generated);
}

int main(void)
{
    coopnet_library_init();
    if (mkdtemp(temporary_root) == NULL) {
        perror("mkdtemp");
        return 1;
    }
    TEST_RUN(test_small_random_exact);
    TEST_RUN(test_order_independent);
    TEST_RUN(test_generated_bundles);
    TEST_RUN(test_deterministic);
    TEST_RUN(test_edge_cases);
    TEST_RUN(test_errors_and_progress);
    TEST_RUN(test_policy);
    TEST_RUN(test_too_many_days);
    TEST_RUN(test_report_parts);
    char command[300];
    snprintf(command, sizeof command, "rm -rf '%s'", temporary_root);
    if (system(command) != 0)
        fprintf(stderr, "could not remove %s\n", temporary_root);
    return TEST_DONE();
}
