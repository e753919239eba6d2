/* SPDX-License-Identifier: GPL-3.0-or-later */
/* coopnet/backbone.h - significant co-attendance: which pairs of actors share more events than
 * chance would give them.
 *
 * In a one-mode projection of co-attendance, two actors are linked as soon as they sat in one
 * event together, so large events make cliques. The backbone keeps a pair only when the number
 * of events the two attended together is improbably large under a null model of attendance
 * (Neal 2014; the R package `backbone`, Neal, Domagalski & Sagan 2021). Both models work on
 * the actor-event incidence matrix B of a two-mode graph (coopnet/graph.h): its rows are the
 * kept actors that attend at least one kept event, its columns the kept events with at least
 * one kept attendee (a row or column of zeros is left out: it can share nothing, and an empty
 * event would only inflate the event count of the fixed-row model). For a pair (i, j) of rows
 * with s_ij >= 1 shared events, the p-value is the upper tail P(X_ij >= s_ij):
 *
 *   sdsm       the stochastic degree sequence model (Neal 2014) with the bipartite
 *              configuration model (BiCM, Saracco et al. 2015): every cell is an independent
 *              Bernoulli variable, p_ie = x_i y_e / (1 + x_i y_e), with x and y fitted so that
 *              the expected actor degrees and event sizes equal the observed ones. The fit is a
 *              fixed-point iteration x_i <- k_i / sum_e y_e / (1 + x_i y_e) and
 *              y_e <- n_e / sum_i x_i / (1 + x_i y_e) over the distinct degrees (rows, and
 *              columns, with equal degrees have equal probabilities), after fixing the cells of
 *              rows or columns that are full (p = 1) or empty (p = 0); it stops when every
 *              expected degree d' is within COOPNET_BACKBONE_TOLERANCE max(1, d) of the
 *              observed d, and fails (naming the largest residual) after
 *              COOPNET_BACKBONE_MAX_ITERATIONS or when a parameter runs off to 0 or infinity
 *              (margins without an interior fit). X_ij is Poisson-binomial with
 *              success probabilities p_ie p_je over the events: its upper tail is computed
 *              exactly (by the recursion over events, O(events x s_ij)) when the matrix has at
 *              most COOPNET_BACKBONE_EXACT_MAX_EVENTS columns, and otherwise by the refined
 *              normal approximation (Volkova 1996; Hong 2013), as the R package does:
 *              P(X >= s) = Q(x) - gamma (1 - x^2) phi(x) / 6, x = (s - 1/2 - mu) / sigma,
 *              with mu, sigma^2 and gamma sigma^3 the sum of q, q (1 - q), q (1 - q)(1 - 2q),
 *              clamped to [0, 1]. Expected: sum_e p_ie p_je.
 *   fixed-row  each actor's degree k_i is fixed and its events are a uniformly random k_i-subset
 *              of the N events (Neal, Domagalski & Sagan 2021): X_ij is hypergeometric,
 *              P(X >= s) = sum_{x >= s} C(k_i, x) C(N - k_i, k_j - x) / C(N, k_j) (GSL's
 *              gsl_cdf_hypergeometric_Q). Expected: k_i k_j / N.
 *
 * The graph option coopnet_graph_options_t.backbone (coopnet/graph.h) applies this test, at
 * alpha 0.05 without correction, to the co-attendance links of the cooperation graph (the code is
 * in src/model/ for that reason: the graph is built there).
 *
 * Multiple testing: the family is every pair of rows, m = n (n - 1) / 2 (as the R package
 * counts it; pairs that share nothing have p = 1 and are never kept). Bonferroni adjusts p to
 * min(1, m p); Holm to the running maximum of min(1, (m - r + 1) p_(r)) over the ranks r of the
 * sorted p-values. A pair is kept when its adjusted p-value is below alpha.
 */
#ifndef COOPNET_BACKBONE_H
#define COOPNET_BACKBONE_H

#include "coopnet/api.h"

#include "coopnet/error.h"
#include "coopnet/graph.h"

#include <igraph.h>
#include <stdbool.h>
#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

/* Above this many events, the SDSM tail is the refined normal approximation. */
#define COOPNET_BACKBONE_EXACT_MAX_EVENTS 1000
/* The SDSM fit: largest |expected - observed| degree allowed (relative to max(1, observed)), and
 * the iterations allowed. */
#define COOPNET_BACKBONE_TOLERANCE 1e-10
#define COOPNET_BACKBONE_MAX_ITERATIONS 100000

typedef enum { COOPNET_BACKBONE_SDSM = 0, COOPNET_BACKBONE_FIXED_ROW } coopnet_backbone_model_t;

typedef enum {
    COOPNET_BACKBONE_CORRECTION_NONE = 0,
    COOPNET_BACKBONE_CORRECTION_HOLM,
    COOPNET_BACKBONE_CORRECTION_BONFERRONI
} coopnet_backbone_correction_t;

typedef struct coopnet_backbone_options {
    coopnet_backbone_model_t model;
    double alpha; /* in (0, 1) */
    coopnet_backbone_correction_t correction;
} coopnet_backbone_options_t;

/* Defaults: SDSM, alpha 0.05, no correction. */
COOPNET_API void coopnet_backbone_options_init(coopnet_backbone_options_t *options);

/* Parse "sdsm" / "fixed-row", "none" / "holm" / "bonferroni" and an alpha in (0, 1);
 * COOPNET_EINVAL with a message naming the value otherwise. */
COOPNET_API int coopnet_backbone_parse_model(const char *text, coopnet_backbone_model_t *model,
                                             coopnet_error_t *err);
COOPNET_API int coopnet_backbone_parse_correction(const char *text,
                                                  coopnet_backbone_correction_t *correction,
                                                  coopnet_error_t *err);
COOPNET_API int coopnet_backbone_parse_alpha(const char *text, double *alpha, coopnet_error_t *err);

/* "sdsm", "fixed-row"; "none", "holm", "bonferroni"; "" when out of range. */
COOPNET_API const char *coopnet_backbone_model_name(coopnet_backbone_model_t model);
COOPNET_API const char *coopnet_backbone_correction_name(coopnet_backbone_correction_t correction);

typedef struct coopnet_backbone_pair {
    igraph_integer_t actor_a, actor_b; /* indices into bundle->actors, actor_a < actor_b */
    igraph_integer_t shared;           /* events both attended (>= 1) */
    double expected;                   /* expected shared events under the model */
    double p_value;                    /* P(X >= shared) under the model, unadjusted */
    double adjusted;                   /* p_value after the correction */
    bool kept;                         /* adjusted < alpha */
} coopnet_backbone_pair_t;

typedef struct coopnet_backbone {
    coopnet_backbone_pair_t *pairs; /* every pair sharing an event, by actor_a then actor_b */
    size_t n_pairs;
    size_t n_kept;
    igraph_integer_t n_actors, n_events; /* rows and columns of the incidence matrix */
    double n_tests;                      /* m = n_actors (n_actors - 1) / 2 */
    bool approximate;                    /* SDSM tails by the refined normal approximation */
    igraph_integer_t iterations;         /* SDSM fit: iterations used (0 for fixed-row) */
    double residual;                     /* SDSM fit: largest |expected - observed| degree */
    coopnet_backbone_options_t options;  /* a copy of the options used */
} coopnet_backbone_t;

/* Tests every pair of actors of two_mode that shares an event under options (the model, alpha and
 * correction above). The pairs hold actor indices into two_mode->bundle, no pointers. On
 * success *backbone is owned by the caller (coopnet_backbone_destroy); on failure it is left
 * destroyed: COOPNET_EINVAL for bad options, COOPNET_EDATA when the SDSM fit does not converge
 * (the message gives the residual), COOPNET_ENOMEM, COOPNET_EINTERNAL.
 * Cost, with A rows, N columns, P pairs sharing an event, s the shared counts and R x C distinct
 * (row, column) degrees: co-occurrence counting O(sum over events of size^2); fixed-row O(P s)
 * (GSL sums the tail); SDSM fit O(iterations R C), tails O(P N s) exact or O(P C) approximate;
 * Holm O(P log P). Memory O(A + N + P + R C). */
COOPNET_API int coopnet_backbone_compute(const coopnet_two_mode_t *two_mode,
                                         const coopnet_backbone_options_t *options,
                                         coopnet_backbone_t *backbone, coopnet_error_t *err);

/* Frees what backbone owns. Accepts a zeroed object. */
COOPNET_API void coopnet_backbone_destroy(coopnet_backbone_t *backbone);

#ifdef __cplusplus
}
#endif
#endif
