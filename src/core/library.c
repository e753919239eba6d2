/* SPDX-License-Identifier: GPL-3.0-or-later */
/* library.c - library set-up: igraph and GSL error handlers, version (see coopnet/library.h). */
#define _DEFAULT_SOURCE /* madvise(MADV_HUGEPAGE) */
#include "coopnet/library.h"
#include "core/internal.h"

#include <gsl/gsl_errno.h>
#include <sys/mman.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#ifndef COOPNET_VERSION_STRING
#define COOPNET_VERSION_STRING "0.0.0"
#endif

static char igraph_last_reason[512];
static int library_ready;

/* igraph's handler of choice: remember the reason, free igraph's temporaries, and return, so the
 * failing igraph function returns its error code to us instead of aborting. */
static void record_igraph_error(const char *reason, const char *file, int line,
                                igraph_error_t igraph_errno)
{
    snprintf(igraph_last_reason, sizeof igraph_last_reason, "%s", reason ? reason : "");
    IGRAPH_FINALLY_FREE();
}

static void ignore_igraph_warning(const char *reason, const char *file, int line) {}

void coopnet_library_init(void)
{
    if (library_ready)
        return;
    igraph_set_error_handler(record_igraph_error);
    igraph_set_warning_handler(ignore_igraph_warning);
    igraph_set_attribute_table(&igraph_cattribute_table);
    gsl_set_error_handler_off();
    library_ready = 1;
}

const char *coopnet_version(void)
{
    return COOPNET_VERSION_STRING;
}

int coopnet_i_igraph_failed(coopnet_error_t *err, igraph_error_t igraph_code, const char *what)
{
    int code = igraph_code == IGRAPH_ENOMEM ? COOPNET_ENOMEM : COOPNET_EINTERNAL;
    if (igraph_code == IGRAPH_INTERRUPTED)
        code = COOPNET_EINTERRUPTED;
    return coopnet_error_set(err, code, "%s: %s%s%s", what, igraph_strerror(igraph_code),
                             igraph_last_reason[0] ? ": " : "", igraph_last_reason);
}

void *coopnet_i_alloc_array(size_t count, size_t size)
{
    if (size != 0 && count > SIZE_MAX / size)
        return NULL;
    size_t bytes = count * size;
    return malloc(bytes > 0 ? bytes : 1);
}

void *coopnet_i_realloc_array(void *pointer, size_t count, size_t size)
{
    if (size != 0 && count > SIZE_MAX / size)
        return NULL;
    size_t bytes = count * size;
    return realloc(pointer, bytes > 0 ? bytes : 1);
}

#define HUGE_PAGE ((uintptr_t)2 << 20)

void coopnet_i_advise_huge(void *pointer, size_t bytes)
{
#ifdef MADV_HUGEPAGE
    if (pointer == NULL || bytes < 2 * HUGE_PAGE)
        return;
    /* The whole pages of the block, not only its 2 MiB-aligned middle: advice over part of a
     * mapping splits it, and a split mapping cannot be grown in place by mremap, so realloc of a
     * large block would copy it (a 32 MB array: every doubling copied and faulted in again).
     * The kernel puts huge pages where the range holds aligned 2 MiB. */
    uintptr_t page = (uintptr_t)sysconf(_SC_PAGESIZE);
    uintptr_t start = (uintptr_t)pointer & ~(page - 1);
    uintptr_t end = ((uintptr_t)pointer + bytes + page - 1) & ~(page - 1);
    (void)madvise((void *)start, end - start, MADV_HUGEPAGE);
#else
    (void)pointer;
    (void)bytes;
#endif
}

int coopnet_i_reserve(void **array, size_t *capacity, size_t wanted, size_t size)
{
    if (wanted <= *capacity)
        return COOPNET_OK;
    void *grown = coopnet_i_realloc_array(*array, wanted, size);
    if (grown == NULL)
        return COOPNET_ENOMEM;
    coopnet_i_advise_huge(grown, wanted * size);
    *array = grown;
    *capacity = wanted;
    return COOPNET_OK;
}

int coopnet_i_grow(void **array, size_t *capacity, size_t needed, size_t size)
{
    if (needed <= *capacity)
        return COOPNET_OK;
    size_t new_capacity = *capacity ? *capacity : 16;
    while (new_capacity < needed) {
        if (new_capacity > SIZE_MAX / 2)
            return COOPNET_ENOMEM;
        new_capacity *= 2;
    }
    void *grown = coopnet_i_realloc_array(*array, new_capacity, size);
    if (grown == NULL)
        return COOPNET_ENOMEM;
    coopnet_i_advise_huge(grown, new_capacity * size);
    *array = grown;
    *capacity = new_capacity;
    return COOPNET_OK;
}
