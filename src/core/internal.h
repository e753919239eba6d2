/* SPDX-License-Identifier: GPL-3.0-or-later */
/* internal.h - helpers shared by the library's modules; not installed. */
#ifndef COOPNET_INTERNAL_H
#define COOPNET_INTERNAL_H

#include "coopnet/error.h"

#include <igraph.h>
#include <stddef.h>

/* Turns a failed igraph call into a coopnet error naming what was being done and igraph's own
 * reason (recorded by the handler coopnet_library_init installs). Returns the coopnet code. */
int coopnet_i_igraph_failed(coopnet_error_t *err, igraph_error_t igraph_code, const char *what);

/* Runs an igraph call; on failure records the error and jumps to the function's cleanup label. */
#define COOPNET_IGRAPH_CHECK(err, status, call, what)                                              \
    do {                                                                                           \
        igraph_error_t igraph_status_ = (call);                                                    \
        if (igraph_status_ != IGRAPH_SUCCESS) {                                                    \
            (status) = coopnet_i_igraph_failed((err), igraph_status_, (what));                     \
            goto cleanup;                                                                          \
        }                                                                                          \
    } while (0)

/* Allocation helpers: NULL on overflow or exhaustion. */
void *coopnet_i_alloc_array(size_t count, size_t size);
void *coopnet_i_realloc_array(void *pointer, size_t count, size_t size);

/* Grows *array (of *capacity elements of size bytes) to hold at least needed elements. */
int coopnet_i_grow(void **array, size_t *capacity, size_t needed, size_t size);

#endif
