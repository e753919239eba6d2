/* SPDX-License-Identifier: GPL-3.0-or-later */
/* backbone_internal.h - the pieces of the backbone (coopnet/backbone.h) that its tests check on
 * their own; not installed. */
#ifndef COOPNET_BACKBONE_INTERNAL_H
#define COOPNET_BACKBONE_INTERNAL_H

#include "coopnet/error.h"

#include <igraph.h>
#include <stddef.h>

/* Fits the BiCM to distinct row degrees row_degree[r] (row_count[r] rows have it) and distinct
 * column degrees col_degree[c] (col_count[c] columns): probability[r * n_cols + c] (n_rows x
 * n_cols, filled by the caller's array) is the probability of a cell of such a row and column, so
 * that sum_c col_count[c] p[r][c] = row_degree[r] and sum_r row_count[r] p[r][c] = col_degree[c]
 * within COOPNET_BACKBONE_TOLERANCE. *iterations and *residual report the fit. COOPNET_EDATA
 * naming the residual when it does not converge, COOPNET_EINVAL for a degree out of range,
 * COOPNET_ENOMEM. O(iterations n_rows n_cols) time, O(n_rows + n_cols) memory. */
int coopnet_i_backbone_fit(const igraph_integer_t *row_degree, const igraph_integer_t *row_count,
                           size_t n_rows, const igraph_integer_t *col_degree,
                           const igraph_integer_t *col_count, size_t n_cols, double *probability,
                           igraph_integer_t *iterations, double *residual, coopnet_error_t *err);

/* P(X >= at_least) for X the sum of independent Bernoulli variables, count[c] of them with
 * success probability q[c], by the recursion over the variables; workspace holds at least
 * at_least doubles. O(sum of count x at_least). */
double coopnet_i_poisson_binomial_upper(const double *q, const igraph_integer_t *count, size_t n,
                                        igraph_integer_t at_least, double *workspace);

/* The same tail by the refined normal approximation (coopnet/backbone.h). O(n). */
double coopnet_i_poisson_binomial_upper_rna(const double *q, const igraph_integer_t *count,
                                            size_t n, igraph_integer_t at_least);

#endif
