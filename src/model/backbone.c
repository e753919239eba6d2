/* SPDX-License-Identifier: GPL-3.0-or-later */
/* backbone.c - significant co-attendance under the SDSM and the fixed-row model (see
 * coopnet/backbone.h for the models, the tails and the corrections). */
#include "coopnet/backbone.h"
#include "model/backbone_internal.h"
#include "coopnet/library.h"
#include "core/internal.h"

#include <gsl/gsl_cdf.h>
#include <gsl/gsl_randist.h>

#include <errno.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

static const char *const model_names[] = {"sdsm", "fixed-row"};
static const char *const correction_names[] = {"none", "holm", "bonferroni"};

void coopnet_backbone_options_init(coopnet_backbone_options_t *options)
{
    options->model = COOPNET_BACKBONE_SDSM;
    options->alpha = 0.05;
    options->correction = COOPNET_BACKBONE_CORRECTION_NONE;
}

const char *coopnet_backbone_model_name(coopnet_backbone_model_t model)
{
    if ((int)model < 0 || (size_t)model >= sizeof model_names / sizeof *model_names)
        return "";
    return model_names[model];
}

const char *coopnet_backbone_correction_name(coopnet_backbone_correction_t correction)
{
    if ((int)correction < 0 ||
        (size_t)correction >= sizeof correction_names / sizeof *correction_names)
        return "";
    return correction_names[correction];
}

int coopnet_backbone_parse_model(const char *text, coopnet_backbone_model_t *model,
                                 coopnet_error_t *err)
{
    for (size_t m = 0; m < sizeof model_names / sizeof *model_names; m++)
        if (strcmp(text, model_names[m]) == 0) {
            *model = (coopnet_backbone_model_t)m;
            return COOPNET_OK;
        }
    return COOPNET_ERROR(err, COOPNET_EINVAL,
                         "unknown backbone model '%s' (expected sdsm or fixed-row)", text);
}

int coopnet_backbone_parse_correction(const char *text, coopnet_backbone_correction_t *correction,
                                      coopnet_error_t *err)
{
    for (size_t c = 0; c < sizeof correction_names / sizeof *correction_names; c++)
        if (strcmp(text, correction_names[c]) == 0) {
            *correction = (coopnet_backbone_correction_t)c;
            return COOPNET_OK;
        }
    return COOPNET_ERROR(err, COOPNET_EINVAL,
                         "unknown correction '%s' (expected none, holm or bonferroni)", text);
}

int coopnet_backbone_parse_alpha(const char *text, double *alpha, coopnet_error_t *err)
{
    char *end = NULL;
    errno = 0;
    double value = strtod(text, &end);
    if (end == text || *end != '\0' || errno != 0 || !(value > 0 && value < 1))
        return COOPNET_ERROR(err, COOPNET_EINVAL,
                             "invalid alpha '%s' (expected a number between 0 and 1)", text);
    *alpha = value;
    return COOPNET_OK;
}

void coopnet_backbone_destroy(coopnet_backbone_t *backbone)
{
    if (backbone == NULL)
        return;
    free(backbone->pairs);
    memset(backbone, 0, sizeof *backbone);
}

/* ---- the BiCM fit ---- */

enum { CELL_FREE = 0, CELL_FULL, CELL_EMPTY };

static bool within_tolerance(double expected, double observed)
{
    return fabs(expected - observed) <= COOPNET_BACKBONE_TOLERANCE * fmax(1.0, observed);
}

/* The largest |expected - observed| degree of the probabilities, and whether every degree is
 * within the tolerance. */
static double degree_residual(const igraph_integer_t *row_degree, const igraph_integer_t *row_count,
                              size_t n_rows, const igraph_integer_t *col_degree,
                              const igraph_integer_t *col_count, size_t n_cols,
                              const double *probability, bool *converged)
{
    double residual = 0;
    *converged = true;
    for (size_t r = 0; r < n_rows; r++) {
        double expected = 0;
        for (size_t c = 0; c < n_cols; c++)
            expected += (double)col_count[c] * probability[r * n_cols + c];
        residual = fmax(residual, fabs(expected - (double)row_degree[r]));
        *converged = *converged && within_tolerance(expected, (double)row_degree[r]);
    }
    for (size_t c = 0; c < n_cols; c++) {
        double expected = 0;
        for (size_t r = 0; r < n_rows; r++)
            expected += (double)row_count[r] * probability[r * n_cols + c];
        residual = fmax(residual, fabs(expected - (double)col_degree[c]));
        *converged = *converged && within_tolerance(expected, (double)col_degree[c]);
    }
    return residual;
}

/* Fixes the rows and columns whose remaining degree is 0 (every free cell 0) or the number of
 * free cells across (every free cell 1), until none is left: the BiCM has no finite parameters
 * for them. Their cells are written into probability; target holds what is left to fit. */
static void fix_degenerate(const igraph_integer_t *row_count, size_t n_rows,
                           const igraph_integer_t *col_count, size_t n_cols, double *row_target,
                           double *col_target, unsigned char *row_state, unsigned char *col_state,
                           double *probability)
{
    double free_rows = 0, free_cols = 0;
    for (size_t r = 0; r < n_rows; r++)
        free_rows += (double)row_count[r];
    for (size_t c = 0; c < n_cols; c++)
        free_cols += (double)col_count[c];
    bool changed = true;
    while (changed) {
        changed = false;
        for (size_t r = 0; r < n_rows; r++) {
            if (row_state[r] != CELL_FREE || (row_target[r] != 0 && row_target[r] != free_cols))
                continue;
            bool full = row_target[r] != 0;
            row_state[r] = full ? CELL_FULL : CELL_EMPTY;
            for (size_t c = 0; c < n_cols; c++) {
                if (col_state[c] != CELL_FREE)
                    continue;
                probability[r * n_cols + c] = full ? 1.0 : 0.0;
                if (full)
                    col_target[c] -= (double)row_count[r];
            }
            free_rows -= (double)row_count[r];
            changed = true;
        }
        for (size_t c = 0; c < n_cols; c++) {
            if (col_state[c] != CELL_FREE || (col_target[c] != 0 && col_target[c] != free_rows))
                continue;
            bool full = col_target[c] != 0;
            col_state[c] = full ? CELL_FULL : CELL_EMPTY;
            for (size_t r = 0; r < n_rows; r++) {
                if (row_state[r] != CELL_FREE)
                    continue;
                probability[r * n_cols + c] = full ? 1.0 : 0.0;
                if (full)
                    row_target[r] -= (double)col_count[c];
            }
            free_cols -= (double)col_count[c];
            changed = true;
        }
    }
}

int coopnet_i_backbone_fit(const igraph_integer_t *row_degree, const igraph_integer_t *row_count,
                           size_t n_rows, const igraph_integer_t *col_degree,
                           const igraph_integer_t *col_count, size_t n_cols, double *probability,
                           igraph_integer_t *iterations, double *residual, coopnet_error_t *err)
{
    int status = COOPNET_OK;
    double *row_target = NULL, *col_target = NULL, *x = NULL, *y = NULL;
    unsigned char *row_state = NULL, *col_state = NULL;
    *iterations = 0;
    *residual = 0;
    igraph_integer_t total_rows = 0, total_cols = 0;
    for (size_t r = 0; r < n_rows; r++)
        total_rows += row_count[r];
    for (size_t c = 0; c < n_cols; c++)
        total_cols += col_count[c];
    for (size_t r = 0; r < n_rows; r++)
        if (row_degree[r] < 0 || row_degree[r] > total_cols || row_count[r] < 1)
            return COOPNET_ERROR(err, COOPNET_EINVAL, "row degree %lld out of range 0..%lld",
                                 (long long)row_degree[r], (long long)total_cols);
    for (size_t c = 0; c < n_cols; c++)
        if (col_degree[c] < 0 || col_degree[c] > total_rows || col_count[c] < 1)
            return COOPNET_ERROR(err, COOPNET_EINVAL, "column degree %lld out of range 0..%lld",
                                 (long long)col_degree[c], (long long)total_rows);
    row_target = coopnet_i_alloc_array(n_rows + 1, sizeof *row_target);
    col_target = coopnet_i_alloc_array(n_cols + 1, sizeof *col_target);
    x = coopnet_i_alloc_array(n_rows + 1, sizeof *x);
    y = coopnet_i_alloc_array(n_cols + 1, sizeof *y);
    row_state = calloc(n_rows + 1, 1);
    col_state = calloc(n_cols + 1, 1);
    if (!row_target || !col_target || !x || !y || !row_state || !col_state) {
        status = COOPNET_ERROR(err, COOPNET_ENOMEM, "out of memory fitting the SDSM");
        goto cleanup;
    }
    for (size_t r = 0; r < n_rows; r++)
        row_target[r] = (double)row_degree[r];
    for (size_t c = 0; c < n_cols; c++)
        col_target[c] = (double)col_degree[c];
    fix_degenerate(row_count, n_rows, col_count, n_cols, row_target, col_target, row_state,
                   col_state, probability);

    /* Start from the Chung-Lu guess x_i y_e = k_i n_e / edges. */
    double edges = 0;
    for (size_t r = 0; r < n_rows; r++)
        if (row_state[r] == CELL_FREE)
            edges += (double)row_count[r] * row_target[r];
    double scale = edges > 0 ? 1.0 / sqrt(edges) : 1.0;
    for (size_t r = 0; r < n_rows; r++)
        x[r] = row_target[r] * scale;
    for (size_t c = 0; c < n_cols; c++)
        y[c] = col_target[c] * scale;

    bool converged = false;
    for (igraph_integer_t iteration = 0;; iteration++) {
        for (size_t r = 0; r < n_rows; r++)
            for (size_t c = 0; c < n_cols; c++)
                if (row_state[r] == CELL_FREE && col_state[c] == CELL_FREE)
                    probability[r * n_cols + c] = x[r] * y[c] / (1 + x[r] * y[c]);
        *residual = degree_residual(row_degree, row_count, n_rows, col_degree, col_count, n_cols,
                                    probability, &converged);
        *iterations = iteration;
        if (converged || iteration == COOPNET_BACKBONE_MAX_ITERATIONS)
            break;
        /* One sweep of the fixed point, rows then columns (Gauss-Seidel). Degrees with no
         * interior fit drive parameters to 0 or infinity: stop there, with the residual of the
         * last finite probabilities. */
        bool finite = true;
        for (size_t r = 0; r < n_rows; r++) {
            if (row_state[r] != CELL_FREE)
                continue;
            double sum = 0;
            for (size_t c = 0; c < n_cols; c++)
                if (col_state[c] == CELL_FREE)
                    sum += (double)col_count[c] * y[c] / (1 + x[r] * y[c]);
            x[r] = row_target[r] / sum;
            finite = finite && isfinite(x[r]) && x[r] > 0;
        }
        for (size_t c = 0; c < n_cols; c++) {
            if (col_state[c] != CELL_FREE)
                continue;
            double sum = 0;
            for (size_t r = 0; r < n_rows; r++)
                if (row_state[r] == CELL_FREE)
                    sum += (double)row_count[r] * x[r] / (1 + x[r] * y[c]);
            y[c] = col_target[c] / sum;
            finite = finite && isfinite(y[c]) && y[c] > 0;
        }
        if (!finite)
            break;
    }
    if (!converged)
        status = COOPNET_ERROR(err, COOPNET_EDATA,
                               "the SDSM probabilities did not converge after %lld iterations "
                               "(largest degree residual %.3g): the degrees have no interior "
                               "BiCM fit",
                               (long long)*iterations, *residual);
cleanup:
    free(row_target);
    free(col_target);
    free(x);
    free(y);
    free(row_state);
    free(col_state);
    return status;
}

/* ---- the Poisson-binomial tail ---- */

double coopnet_i_poisson_binomial_upper(const double *q, const igraph_integer_t *count, size_t n,
                                        igraph_integer_t at_least, double *workspace)
{
    if (at_least <= 0)
        return 1.0;
    /* pmf[k] = P(sum so far = k) for k < at_least; the mass reaching at_least is absorbed into
     * tail, so the tail is a sum of positive terms (no cancellation for tiny p-values). */
    double *pmf = workspace;
    pmf[0] = 1.0;
    for (igraph_integer_t k = 1; k < at_least; k++)
        pmf[k] = 0.0;
    double tail = 0.0;
    igraph_integer_t seen = 0;
    for (size_t c = 0; c < n; c++) {
        double success = q[c], failure = 1.0 - q[c];
        if (success <= 0)
            continue;
        for (igraph_integer_t repeat = 0; repeat < count[c]; repeat++) {
            tail += pmf[at_least - 1] * success;
            igraph_integer_t top = seen < at_least - 1 ? seen + 1 : at_least - 1;
            for (igraph_integer_t k = top; k > 0; k--)
                pmf[k] = pmf[k] * failure + pmf[k - 1] * success;
            pmf[0] *= failure;
            seen++;
        }
    }
    return tail < 1.0 ? tail : 1.0;
}

double coopnet_i_poisson_binomial_upper_rna(const double *q, const igraph_integer_t *count,
                                            size_t n, igraph_integer_t at_least)
{
    double mu = 0, variance = 0, third = 0;
    for (size_t c = 0; c < n; c++) {
        double m = (double)count[c], pq = q[c] * (1 - q[c]);
        mu += m * q[c];
        variance += m * pq;
        third += m * pq * (1 - 2 * q[c]);
    }
    if (!(variance > 0))
        return mu >= (double)at_least - 0.5 ? 1.0 : 0.0;
    double sigma = sqrt(variance);
    double gamma = third / (variance * sigma);
    double x = ((double)at_least - 0.5 - mu) / sigma;
    double tail = gsl_cdf_ugaussian_Q(x) - gamma * (1 - x * x) * gsl_ran_ugaussian_pdf(x) / 6;
    return tail < 0 ? 0 : tail > 1 ? 1 : tail;
}

/* ---- the pairs ---- */

typedef struct {
    igraph_integer_t n_rows, n_cols;
    igraph_integer_t *row_of_vertex; /* actor vertex -> row, or -1 */
    igraph_integer_t *degree;        /* per vertex of the two-mode graph, in the matrix */
    /* SDSM only: distinct degrees and the fitted probabilities between them. */
    igraph_integer_t *row_class; /* per actor vertex */
    igraph_integer_t *row_degree, *row_count, n_row_classes;
    igraph_integer_t *col_degree, *col_count, n_col_classes;
    double *probability; /* n_row_classes x n_col_classes */
    double *q;           /* per column class: workspace for one pair */
    double *pmf;         /* workspace of the exact tail */
} matrix_t;

static void matrix_free(matrix_t *matrix)
{
    free(matrix->row_of_vertex);
    free(matrix->degree);
    free(matrix->row_class);
    free(matrix->row_degree);
    free(matrix->row_count);
    free(matrix->col_degree);
    free(matrix->col_count);
    free(matrix->probability);
    free(matrix->q);
    free(matrix->pmf);
}

/* Groups degrees[0..n) (each in 0..max_degree) into classes of equal degree, in increasing order:
 * class_of[i], and per class its degree and count. */
static int degree_classes(const igraph_integer_t *degrees, size_t n, igraph_integer_t max_degree,
                          igraph_integer_t *class_of, igraph_integer_t **class_degree,
                          igraph_integer_t **class_count, igraph_integer_t *n_classes)
{
    igraph_integer_t *class_of_degree =
        coopnet_i_alloc_array((size_t)max_degree + 1, sizeof *class_of_degree);
    *class_degree = coopnet_i_alloc_array(n + 1, sizeof **class_degree);
    *class_count = coopnet_i_alloc_array(n + 1, sizeof **class_count);
    if (!class_of_degree || !*class_degree || !*class_count) {
        free(class_of_degree);
        return COOPNET_ENOMEM;
    }
    for (igraph_integer_t d = 0; d <= max_degree; d++)
        class_of_degree[d] = -1;
    for (size_t i = 0; i < n; i++)
        class_of_degree[degrees[i]] = 0;
    igraph_integer_t classes = 0;
    for (igraph_integer_t d = 0; d <= max_degree; d++)
        if (class_of_degree[d] == 0) {
            (*class_degree)[classes] = d;
            (*class_count)[classes] = 0;
            class_of_degree[d] = classes++;
        }
    for (size_t i = 0; i < n; i++) {
        class_of[i] = class_of_degree[degrees[i]];
        (*class_count)[class_of[i]]++;
    }
    *n_classes = classes;
    free(class_of_degree);
    return COOPNET_OK;
}

/* The incidence matrix of two_mode: rows, columns, degrees and, for the SDSM, the fit. */
static int matrix_init(matrix_t *matrix, const coopnet_two_mode_t *two_mode,
                       const igraph_adjlist_t *adjacency, coopnet_backbone_model_t model,
                       coopnet_backbone_t *backbone, coopnet_error_t *err)
{
    int status = COOPNET_OK;
    igraph_integer_t *row_degrees = NULL, *col_degrees = NULL, *col_class = NULL;
    igraph_integer_t n_vertices = igraph_vcount(&two_mode->graph);
    igraph_integer_t n_actor_vertices = two_mode->n_actor_vertices;
    memset(matrix, 0, sizeof *matrix);
    matrix->row_of_vertex = coopnet_i_alloc_array((size_t)n_vertices + 1, sizeof(igraph_integer_t));
    matrix->degree = coopnet_i_alloc_array((size_t)n_vertices + 1, sizeof(igraph_integer_t));
    if (!matrix->row_of_vertex || !matrix->degree)
        goto out_of_memory;
    for (igraph_integer_t v = 0; v < n_vertices; v++) {
        matrix->degree[v] = igraph_vector_int_size(igraph_adjlist_get(adjacency, v));
        matrix->row_of_vertex[v] = -1;
        if (matrix->degree[v] == 0)
            continue;
        if (v < n_actor_vertices)
            matrix->row_of_vertex[v] = matrix->n_rows++;
        else
            matrix->n_cols++;
    }
    backbone->n_actors = matrix->n_rows;
    backbone->n_events = matrix->n_cols;
    if (model != COOPNET_BACKBONE_SDSM || matrix->n_rows == 0)
        return COOPNET_OK;

    size_t n_rows = (size_t)matrix->n_rows, n_cols = (size_t)matrix->n_cols;
    row_degrees = coopnet_i_alloc_array(n_rows, sizeof *row_degrees);
    col_degrees = coopnet_i_alloc_array(n_cols, sizeof *col_degrees);
    col_class = coopnet_i_alloc_array(n_cols, sizeof *col_class);
    matrix->row_class = coopnet_i_alloc_array(n_rows, sizeof *matrix->row_class);
    if (!row_degrees || !col_degrees || !col_class || !matrix->row_class)
        goto out_of_memory;
    size_t col = 0;
    for (igraph_integer_t v = 0; v < n_vertices; v++) {
        if (matrix->degree[v] == 0)
            continue;
        if (v < n_actor_vertices)
            row_degrees[matrix->row_of_vertex[v]] = matrix->degree[v];
        else
            col_degrees[col++] = matrix->degree[v];
    }
    if (degree_classes(row_degrees, n_rows, matrix->n_cols, matrix->row_class, &matrix->row_degree,
                       &matrix->row_count, &matrix->n_row_classes) != COOPNET_OK ||
        degree_classes(col_degrees, n_cols, matrix->n_rows, col_class, &matrix->col_degree,
                       &matrix->col_count, &matrix->n_col_classes) != COOPNET_OK)
        goto out_of_memory;
    matrix->probability = coopnet_i_alloc_array(
        (size_t)matrix->n_row_classes * (size_t)matrix->n_col_classes, sizeof(double));
    matrix->q = coopnet_i_alloc_array((size_t)matrix->n_col_classes, sizeof(double));
    matrix->pmf = coopnet_i_alloc_array((size_t)matrix->n_cols + 1, sizeof(double));
    if (!matrix->probability || !matrix->q || !matrix->pmf)
        goto out_of_memory;
    status = coopnet_i_backbone_fit(
        matrix->row_degree, matrix->row_count, (size_t)matrix->n_row_classes, matrix->col_degree,
        matrix->col_count, (size_t)matrix->n_col_classes, matrix->probability,
        &backbone->iterations, &backbone->residual, err);
    goto cleanup;
out_of_memory:
    status = COOPNET_ERROR(err, COOPNET_ENOMEM, "out of memory building the incidence matrix");
cleanup:
    free(row_degrees);
    free(col_degrees);
    free(col_class);
    return status;
}

/* p-value and expected count of the pair of actor vertices (a, b) sharing `shared` events. */
static void test_pair(const matrix_t *matrix, coopnet_backbone_model_t model, igraph_integer_t a,
                      igraph_integer_t b, igraph_integer_t shared, bool approximate,
                      double *expected, double *p_value)
{
    igraph_integer_t k_a = matrix->degree[a], k_b = matrix->degree[b], n = matrix->n_cols;
    if (model == COOPNET_BACKBONE_FIXED_ROW) {
        *expected = (double)k_a * (double)k_b / (double)n;
        *p_value = gsl_cdf_hypergeometric_Q((unsigned)(shared - 1), (unsigned)k_a,
                                            (unsigned)(n - k_a), (unsigned)k_b);
        return;
    }
    size_t n_classes = (size_t)matrix->n_col_classes;
    const double *p_a =
        matrix->probability + (size_t)matrix->row_class[matrix->row_of_vertex[a]] * n_classes;
    const double *p_b =
        matrix->probability + (size_t)matrix->row_class[matrix->row_of_vertex[b]] * n_classes;
    double mean = 0;
    for (size_t c = 0; c < n_classes; c++) {
        matrix->q[c] = p_a[c] * p_b[c];
        mean += (double)matrix->col_count[c] * matrix->q[c];
    }
    *expected = mean;
    *p_value = approximate ? coopnet_i_poisson_binomial_upper_rna(matrix->q, matrix->col_count,
                                                                  n_classes, shared)
                           : coopnet_i_poisson_binomial_upper(matrix->q, matrix->col_count,
                                                              n_classes, shared, matrix->pmf);
}

static int compare_integers(const void *a, const void *b)
{
    igraph_integer_t x = *(const igraph_integer_t *)a, y = *(const igraph_integer_t *)b;
    return (x > y) - (x < y);
}

/* Every pair of actor vertices sharing an event, in vertex order, with its count. */
static int collect_pairs(const coopnet_two_mode_t *two_mode, const igraph_adjlist_t *adjacency,
                         coopnet_backbone_t *backbone, coopnet_error_t *err)
{
    igraph_integer_t n_actor_vertices = two_mode->n_actor_vertices;
    igraph_integer_t *shared = calloc((size_t)n_actor_vertices + 1, sizeof *shared);
    igraph_integer_t *partners =
        coopnet_i_alloc_array((size_t)n_actor_vertices + 1, sizeof *partners);
    size_t capacity = 0;
    int status = COOPNET_OK;
    if (!shared || !partners)
        goto out_of_memory;
    for (igraph_integer_t a = 0; a < n_actor_vertices; a++) {
        size_t n_partners = 0;
        igraph_vector_int_t *events = igraph_adjlist_get(adjacency, a);
        for (igraph_integer_t i = 0; i < igraph_vector_int_size(events); i++) {
            igraph_vector_int_t *attendees = igraph_adjlist_get(adjacency, VECTOR(*events)[i]);
            for (igraph_integer_t j = 0; j < igraph_vector_int_size(attendees); j++) {
                igraph_integer_t b = VECTOR(*attendees)[j];
                if (b <= a)
                    continue;
                if (shared[b]++ == 0)
                    partners[n_partners++] = b;
            }
        }
        qsort(partners, n_partners, sizeof *partners, compare_integers);
        if (coopnet_i_grow((void **)&backbone->pairs, &capacity, backbone->n_pairs + n_partners,
                           sizeof *backbone->pairs) != COOPNET_OK)
            goto out_of_memory;
        for (size_t p = 0; p < n_partners; p++) {
            igraph_integer_t b = partners[p];
            coopnet_backbone_pair_t *pair = &backbone->pairs[backbone->n_pairs++];
            memset(pair, 0, sizeof *pair);
            /* Vertex indices for now; compute turns them into actor indices at the end. */
            pair->actor_a = a;
            pair->actor_b = b;
            pair->shared = shared[b];
            shared[b] = 0;
        }
    }
    goto cleanup;
out_of_memory:
    status = COOPNET_ERROR(err, COOPNET_ENOMEM, "out of memory counting shared events");
cleanup:
    free(shared);
    free(partners);
    return status;
}

static int compare_p_values(const void *a, const void *b)
{
    const coopnet_backbone_pair_t *x = *(const coopnet_backbone_pair_t *const *)a;
    const coopnet_backbone_pair_t *y = *(const coopnet_backbone_pair_t *const *)b;
    if (x->p_value != y->p_value)
        return x->p_value < y->p_value ? -1 : 1;
    return (x > y) - (x < y);
}

/* Adjusted p-values and the kept pairs (the m - n_pairs untested pairs have p = 1: they rank
 * last and change only m). */
static int correct(coopnet_backbone_t *backbone, coopnet_error_t *err)
{
    double m = backbone->n_tests, alpha = backbone->options.alpha;
    coopnet_backbone_pair_t **order = NULL;
    switch (backbone->options.correction) {
    case COOPNET_BACKBONE_CORRECTION_NONE:
        for (size_t p = 0; p < backbone->n_pairs; p++)
            backbone->pairs[p].adjusted = backbone->pairs[p].p_value;
        break;
    case COOPNET_BACKBONE_CORRECTION_BONFERRONI:
        for (size_t p = 0; p < backbone->n_pairs; p++)
            backbone->pairs[p].adjusted = fmin(1.0, m * backbone->pairs[p].p_value);
        break;
    case COOPNET_BACKBONE_CORRECTION_HOLM:
        order = coopnet_i_alloc_array(backbone->n_pairs + 1, sizeof *order);
        if (order == NULL)
            return COOPNET_ERROR(err, COOPNET_ENOMEM, "out of memory sorting the p-values");
        for (size_t p = 0; p < backbone->n_pairs; p++)
            order[p] = &backbone->pairs[p];
        qsort(order, backbone->n_pairs, sizeof *order, compare_p_values);
        double running = 0;
        for (size_t r = 0; r < backbone->n_pairs; r++) {
            running = fmax(running, fmin(1.0, (m - (double)r) * order[r]->p_value));
            order[r]->adjusted = running;
        }
        free(order);
        break;
    }
    backbone->n_kept = 0;
    for (size_t p = 0; p < backbone->n_pairs; p++) {
        backbone->pairs[p].kept = backbone->pairs[p].adjusted < alpha;
        backbone->n_kept += backbone->pairs[p].kept;
    }
    return COOPNET_OK;
}

int coopnet_backbone_compute(const coopnet_two_mode_t *two_mode,
                             const coopnet_backbone_options_t *options,
                             coopnet_backbone_t *backbone, coopnet_error_t *err)
{
    int status = COOPNET_OK;
    igraph_adjlist_t adjacency;
    bool have_adjacency = false;
    matrix_t matrix;
    memset(&matrix, 0, sizeof matrix);

    coopnet_library_init();
    memset(backbone, 0, sizeof *backbone);
    backbone->options = *options;
    if (!coopnet_backbone_model_name(options->model)[0] ||
        !coopnet_backbone_correction_name(options->correction)[0] ||
        !(options->alpha > 0 && options->alpha < 1)) {
        status = COOPNET_ERROR(err, COOPNET_EINVAL,
                               "invalid backbone options (model, correction or alpha %g)",
                               options->alpha);
        goto cleanup;
    }
    /* No multiple edges: a matrix of zeros and ones whatever the input. */
    COOPNET_IGRAPH_CHECK(err, status,
                         igraph_adjlist_init(&two_mode->graph, &adjacency, IGRAPH_ALL,
                                             IGRAPH_NO_LOOPS, IGRAPH_NO_MULTIPLE),
                         "backbone");
    have_adjacency = true;
    if ((status = matrix_init(&matrix, two_mode, &adjacency, options->model, backbone, err)) !=
        COOPNET_OK)
        goto cleanup;
    double n_rows = (double)matrix.n_rows;
    backbone->n_tests = n_rows * (n_rows - 1) / 2;
    backbone->approximate = options->model == COOPNET_BACKBONE_SDSM &&
                            matrix.n_cols > COOPNET_BACKBONE_EXACT_MAX_EVENTS;
    if ((status = collect_pairs(two_mode, &adjacency, backbone, err)) != COOPNET_OK)
        goto cleanup;
    for (size_t p = 0; p < backbone->n_pairs; p++) {
        coopnet_backbone_pair_t *pair = &backbone->pairs[p];
        test_pair(&matrix, options->model, pair->actor_a, pair->actor_b, pair->shared,
                  backbone->approximate, &pair->expected, &pair->p_value);
        pair->actor_a = VECTOR(two_mode->item)[pair->actor_a];
        pair->actor_b = VECTOR(two_mode->item)[pair->actor_b];
    }
    status = correct(backbone, err);
cleanup:
    if (have_adjacency)
        igraph_adjlist_destroy(&adjacency);
    matrix_free(&matrix);
    if (status != COOPNET_OK)
        coopnet_backbone_destroy(backbone);
    return status;
}
