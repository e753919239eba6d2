/* SPDX-License-Identifier: GPL-3.0-or-later */
/* coopnet/report.h - the mapping report: a bundle in, a finished multi-page PDF out.
 *
 * The report is what a researcher sends to a donor: A4 pages with one typography and palette,
 * page numbers, and on every page a short commentary whose numbers come from the analysis. Pages:
 * title and scope, the network, the geography, who holds it together (centralities), national-
 * local cooperation, groups and brokers, peer-learning reach, change over time, sources and
 * method notes. A page whose analysis finds nothing to show (no coordinates, no dated events)
 * says so instead of drawing an empty figure.
 *
 * Output is deterministic: the date printed on the pages and stored in the PDF's metadata comes
 * from the data (the --as-of date, else the latest date in the bundle), never the clock, so the
 * same input and options give the same bytes.
 */
#ifndef COOPNET_REPORT_H
#define COOPNET_REPORT_H

#include "coopnet/api.h"

#include "coopnet/bundle.h"
#include "coopnet/centrality.h"
#include "coopnet/date.h"
#include "coopnet/error.h"
#include "coopnet/lang.h"
#include "coopnet/graph.h"
#include "coopnet/progress.h"

#include <stdio.h>

#ifdef __cplusplus
extern "C" {
#endif

typedef struct coopnet_report_options {
    const char *title;    /* NULL: "National-local cooperation in COUNTRIES, YEARS", from the
                             data (the countries of the local and regional actors kept) */
    const char *country;  /* ISO 3166-1 alpha-2: that country's actors plus the national and
                             international actors tied to them; NULL: every actor */
    coopnet_date_t as_of; /* precision NONE: all the data */
    /* When not NULL, every figure is also written there as report-NN-name.png (150 dpi); the
     * directory is created when missing. */
    const char *png_directory;
    const coopnet_progress_t *progress; /* NULL: no reports; one stage per page */
    /* How betweenness is computed (coopnet/centrality.h): by default exact when the exact pass
     * would take at most COOPNET_REPORT_TIME_BUDGET seconds on this machine, else sampled with a
     * stated error, which the centrality page and the method notes then give. */
    coopnet_centrality_policy_t centrality;
    /* The report's language: headings, tables, captions, sentences, method notes and its
     * figures; Arabic pages run right to left. Default English. */
    coopnet_lang_t lang;
    /* Arabic-Indic digits in an Arabic report (coopnet/lang.h); default Western. */
    coopnet_digits_t digits;
    /* the memory budget of the report's graphs and analyses (coopnet_graph_options_t) */
    uint64_t memory_limit;
} coopnet_report_options_t;

/* The report's default time budget for exact betweenness, in seconds: smaller than the
 * library's minute (coopnet_centrality_policy_init), since betweenness is one of a dozen
 * analyses of a report meant to take seconds at 10 000 actors. */
#define COOPNET_REPORT_TIME_BUDGET 5.0

/* Defaults: no title, every country, all the data, no PNGs, no progress, the default memory
 * limit (COOPNET_DEFAULT_MEMORY_LIMIT), the default centrality
 * policy (coopnet_centrality_policy_init) with a time budget of COOPNET_REPORT_TIME_BUDGET. */
COOPNET_API void coopnet_report_options_init(coopnet_report_options_t *options);

/* Writes the report on bundle as PDF to stream (not closed). bundle and options are only read.
 * PNG files go through coopnet/output.h, so an interrupted run leaves none half-written. On
 * failure returns COOPNET_EINVAL (a country with no actors, a bad option), COOPNET_EIO (a PNG
 * or the stream could not be written), COOPNET_ENOMEM or COOPNET_EINTERNAL (igraph or cairo
 * failed; err says which); what was written to stream is then incomplete and the caller must
 * discard it (coopnet_output_abort). Cost: betweenness within its time budget (exact O(V E)
 * or sampled), the groups' 999 permutations O(999 E), brokerage O(sum of degree squared), the
 * layout and the figures (dense networks painted as images, O(E) per figure); about a second
 * for a few hundred actors, 20 s of CPU at 10 000 actors and 718 000 links. */
COOPNET_API int coopnet_report_write_pdf(const coopnet_bundle_t *bundle,
                                         const coopnet_report_options_t *options, FILE *stream,
                                         coopnet_error_t *err);

#ifdef __cplusplus
}
#endif
#endif
