/* SPDX-License-Identifier: GPL-3.0-or-later */
/* analysis_fixtures.h - small bundles for the analysis tests (centrality, nlc, groups,
 * brokerage, communities, snapshots). Header-only; each test program includes it once. */
#ifndef COOPNET_ANALYSIS_FIXTURES_H
#define COOPNET_ANALYSIS_FIXTURES_H

#include <coopnet/coopnet.h>

#include <stdio.h>
#include <string.h>

/* Loads a bundle from CSV texts (events/participation may be NULL: header only). NULL on error,
 * after printing the diagnostics. */
static inline coopnet_bundle_t *fixture_bundle(const char *actors, const char *events,
                                               const char *participation, const char *ties)
{
    static const char empty_events[] = "id,title,date\n";
    static const char empty_participation[] = "event,actor\n";
    const char *ev = events ? events : empty_events;
    const char *pa = participation ? participation : empty_participation;
    coopnet_diag_list_t diags;
    coopnet_diag_list_init(&diags);
    coopnet_bundle_t *bundle = NULL;
    coopnet_error_t err;
    if (coopnet_bundle_load_memory(actors, strlen(actors), ev, strlen(ev), pa, strlen(pa), ties,
                                   ties ? strlen(ties) : 0, &diags, &bundle, &err) != COOPNET_OK) {
        fprintf(stderr, "fixture bundle: %s\n", err.message);
        for (size_t i = 0; i < diags.n_items; i++)
            fprintf(stderr, "  %s\n", diags.items[i].message);
        bundle = NULL;
    }
    coopnet_diag_list_destroy(&diags);
    return bundle;
}

/* Loads a bundle of datasets/ by name. */
static inline coopnet_bundle_t *fixture_dataset(const char *name)
{
    char path[4096];
    snprintf(path, sizeof path, "%s/datasets/%s", COOPNET_SOURCE_DIR, name);
    coopnet_diag_list_t diags;
    coopnet_diag_list_init(&diags);
    coopnet_bundle_t *bundle = NULL;
    coopnet_error_t err;
    if (coopnet_bundle_load(path, &diags, &bundle, &err) != COOPNET_OK) {
        fprintf(stderr, "dataset %s: %s\n", name, err.message);
        bundle = NULL;
    }
    coopnet_diag_list_destroy(&diags);
    return bundle;
}

/* The vertex of the actor with this id, or -1. */
static inline long fixture_vertex(const coopnet_bundle_t *bundle, const coopnet_graph_t *graph,
                                  const char *id)
{
    long actor = coopnet_bundle_find_actor(bundle, id);
    return actor < 0 ? -1 : (long)VECTOR(graph->vertex_of_actor)[actor];
}

#endif
