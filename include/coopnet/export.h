/* SPDX-License-Identifier: GPL-3.0-or-later */
/* coopnet/export.h - the cooperation graph written in other tools' formats (`coopnet convert`). */
#ifndef COOPNET_EXPORT_H
#define COOPNET_EXPORT_H

#include "coopnet/api.h"

#include "coopnet/bundle.h"
#include "coopnet/error.h"
#include "coopnet/graph.h"

#include <stdio.h>

#ifdef __cplusplus
extern "C" {
#endif

typedef enum {
    COOPNET_EXPORT_GRAPHML = 0, /* .graphml: every actor attribute, edge weight, counts, layers */
    COOPNET_EXPORT_GEXF,        /* .gexf: GEXF 1.3 with time spells from event dates (Gephi) */
    COOPNET_EXPORT_PAJEK,       /* .net: Pajek */
    COOPNET_EXPORT_EDGELIST, /* .csv: from,to,weight,events,ties,layers; ids a spreadsheet would run
                              * as formulas get a leading apostrophe (coopnet/table.h) */
    COOPNET_EXPORT_EDGELIST_RAW /* "csv-raw": the same with ids exactly as in the data */
} coopnet_export_format_t;

/* The format for a file name's extension; COOPNET_EINVAL naming the extension otherwise. */
COOPNET_API int coopnet_export_format_from_path(const char *path, coopnet_export_format_t *format,
                                                coopnet_error_t *err);

/* The format for a name: "graphml", "gexf", "net" (or "pajek"), "csv"; COOPNET_EINVAL otherwise. */
COOPNET_API int coopnet_export_format_parse(const char *name, coopnet_export_format_t *format,
                                            coopnet_error_t *err);

/* Writes the cooperation graph of bundle (built with options) to stream in format. The stream is
 * not closed; write errors are found when the caller commits it. O(V + E + participations). */
COOPNET_API int coopnet_export_write(const coopnet_bundle_t *bundle, const coopnet_graph_t *graph,
                                     const coopnet_graph_options_t *options,
                                     coopnet_export_format_t format, FILE *stream,
                                     coopnet_error_t *err);

#ifdef __cplusplus
}
#endif
#endif
