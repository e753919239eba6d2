/* SPDX-License-Identifier: GPL-3.0-or-later */
/* load.c - coopnet_bundle_load: one entry point for every input (see coopnet/bundle.h), which
 * chooses the reader from what path is: a directory of CSV files or a GraphML file. */
#include "coopnet/bundle.h"
#include "coopnet/dedupe.h"
#include "core/internal.h"
#include "io/loaders.h"

#include <errno.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>

static int has_suffix(const char *text, const char *suffix)
{
    size_t length = strlen(text), suffix_length = strlen(suffix);
    return length >= suffix_length && strcasecmp(text + length - suffix_length, suffix) == 0;
}

static int load(const char *path, coopnet_diag_list_t *diags, bool warn_duplicates,
                coopnet_bundle_t **bundle, coopnet_error_t *err)
{
    *bundle = NULL;
    struct stat info;
    if (stat(path, &info) != 0)
        return COOPNET_ERROR(err, COOPNET_EIO, "cannot read '%s': %s", path, strerror(errno));
    if (S_ISDIR(info.st_mode))
        return coopnet_i_bundle_load_directory(path, diags, warn_duplicates, bundle, err);
    if (!has_suffix(path, ".graphml") && !has_suffix(path, ".xml"))
        return COOPNET_ERROR(err, COOPNET_EINVAL,
                             "'%s' is neither a bundle directory nor a .graphml file", path);
    int status = coopnet_bundle_load_graphml(path, diags, bundle, err);
    if (status == COOPNET_OK && warn_duplicates &&
        (status = coopnet_dedupe_warn(*bundle, diags, err)) != COOPNET_OK) {
        coopnet_bundle_free(*bundle);
        *bundle = NULL;
    }
    return status;
}

int coopnet_bundle_load(const char *path, coopnet_diag_list_t *diags, coopnet_bundle_t **bundle,
                        coopnet_error_t *err)
{
    return load(path, diags, false, bundle, err);
}

int coopnet_bundle_validate(const char *path, coopnet_diag_list_t *diags, coopnet_bundle_t **bundle,
                            coopnet_error_t *err)
{
    return load(path, diags, true, bundle, err);
}
