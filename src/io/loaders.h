/* SPDX-License-Identifier: GPL-3.0-or-later */
/* loaders.h - the bundle readers that io/load.c dispatches to. Internal: not installed. */
#ifndef COOPNET_IO_LOADERS_H
#define COOPNET_IO_LOADERS_H

#include "coopnet/bundle.h"

#include <stdbool.h>

/* Reads the bundle directory path (actors.csv, events.csv, participation.csv, optional
 * ties.csv); as coopnet_bundle_load, which calls it for a directory, and, when warn_duplicates,
 * coopnet_bundle_validate (its search for duplicate actors beside the last checks). */
int coopnet_i_bundle_load_directory(const char *path, coopnet_diag_list_t *diags,
                                    bool warn_duplicates, coopnet_bundle_t **bundle,
                                    coopnet_error_t *err);

/* Reads path/bundle.ini when there is one into bundle's title, subtitle, author and date (copied
 * into its string arena). A file GLib cannot parse is an error in diags; an unknown group or key a
 * warning naming bundle.ini:LINE. Returns COOPNET_ENOMEM only; O(file size). */
int coopnet_i_bundle_read_ini(coopnet_bundle_t *bundle, const char *path,
                              coopnet_diag_list_t *diags);

#endif
