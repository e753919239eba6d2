/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rank.c - vertices in ranking order (see coopnet/rank.h). */
#include "coopnet/rank.h"
#include "core/internal.h"

#include <math.h>
#include <stdbool.h>
#include <stdlib.h>

/* The sorted elements carry their key, so the comparator needs no outside state. */
typedef struct ranked {
    double value;
    igraph_integer_t index;
} ranked_t;

static int compare_ranked(const void *a, const void *b)
{
    const ranked_t *x = a, *y = b;
    bool x_nan = isnan(x->value), y_nan = isnan(y->value);
    if (x_nan != y_nan)
        return x_nan ? 1 : -1;
    if (!x_nan && x->value != y->value)
        return x->value > y->value ? -1 : 1;
    return (x->index > y->index) - (x->index < y->index);
}

int coopnet_rank_top(const igraph_vector_t *values, size_t top, igraph_vector_int_t *order,
                     coopnet_error_t *err)
{
    igraph_integer_t n = igraph_vector_size(values);
    ranked_t *ranked = coopnet_i_alloc_array((size_t)n + 1, sizeof *ranked);
    if (ranked == NULL)
        return COOPNET_ERROR(err, COOPNET_ENOMEM, "out of memory ranking %lld values",
                             (long long)n);
    for (igraph_integer_t i = 0; i < n; i++)
        ranked[i] = (ranked_t){VECTOR(*values)[i], i};
    qsort(ranked, (size_t)n, sizeof *ranked, compare_ranked);
    igraph_integer_t kept = top < (size_t)n ? (igraph_integer_t)top : n;
    int status = COOPNET_OK;
    if (igraph_vector_int_resize(order, kept) != IGRAPH_SUCCESS) {
        status =
            COOPNET_ERROR(err, COOPNET_ENOMEM, "out of memory ranking %lld values", (long long)n);
    } else {
        for (igraph_integer_t i = 0; i < kept; i++)
            VECTOR(*order)[i] = ranked[i].index;
    }
    free(ranked);
    return status;
}

int coopnet_rank_vertices(const igraph_vector_t *values, igraph_vector_int_t *order,
                          coopnet_error_t *err)
{
    return coopnet_rank_top(values, (size_t)igraph_vector_size(values), order, err);
}

void coopnet_rank_competition(const igraph_vector_t *values, const igraph_vector_int_t *order,
                              double *ranks)
{
    igraph_integer_t n = igraph_vector_int_size(order);
    for (igraph_integer_t i = 0; i < n; i++) {
        igraph_integer_t index = VECTOR(*order)[i];
        double value = VECTOR(*values)[index];
        if (isnan(value))
            ranks[index] = NAN;
        else if (i > 0 && VECTOR(*values)[VECTOR(*order)[i - 1]] == value)
            ranks[index] = ranks[VECTOR(*order)[i - 1]]; /* a tie shares the better rank */
        else
            ranks[index] = (double)i + 1;
    }
}
