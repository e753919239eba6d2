/* SPDX-License-Identifier: GPL-3.0-or-later */
/* coopnet/library.h - library set-up and version. */
#ifndef COOPNET_LIBRARY_H
#define COOPNET_LIBRARY_H

#include "coopnet/api.h"

#ifdef __cplusplus
extern "C" {
#endif

/* Switches off igraph's and GSL's default error handlers (which abort the process) so that their
 * failures come back as coopnet errors, silences igraph's warnings and installs igraph's C
 * attribute handler (needed to read GraphML attributes). Idempotent and cheap; every loader calls
 * it, so callers only need it when they use igraph or GSL directly before loading anything. Not
 * thread safe (nor is Debian's igraph). */
COOPNET_API void coopnet_library_init(void);

/* The library's version, "MAJOR.MINOR.PATCH". */
COOPNET_API const char *coopnet_version(void);

#ifdef __cplusplus
}
#endif
#endif
