/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fuzz_common.h - what the libFuzzer targets share: running a loaded bundle through the
 * cooperation graph and every export format, so that whatever the loader accepts is also shown
 * to be usable downstream. */
#ifndef COOPNET_FUZZ_COMMON_H
#define COOPNET_FUZZ_COMMON_H

#include <coopnet/coopnet.h>

#include <stdio.h>
#include <stdlib.h>

/* Aborts (a finding for libFuzzer) when an invariant the loader promises does not hold. */
#define FUZZ_ASSERT(condition)                                                                     \
    do {                                                                                           \
        if (!(condition)) {                                                                        \
            fprintf(stderr, "fuzz invariant failed: %s (%s:%d)\n", #condition, __FILE__,           \
                    __LINE__);                                                                     \
            abort();                                                                               \
        }                                                                                          \
    } while (0)

/* Checks the promises of a loaded bundle, then builds the cooperation graph under each layer and
 * writes it in every export format to /dev/null. */
static inline void fuzz_use_bundle(const coopnet_bundle_t *bundle)
{
    FUZZ_ASSERT(bundle->event_start != NULL);
    FUZZ_ASSERT(bundle->event_start[0] == 0);
    FUZZ_ASSERT(bundle->event_start[bundle->n_events] == bundle->n_participations);
    for (size_t e = 0; e < bundle->n_events; e++) {
        FUZZ_ASSERT(bundle->event_start[e] <= bundle->event_start[e + 1]);
        for (size_t p = bundle->event_start[e]; p < bundle->event_start[e + 1]; p++) {
            FUZZ_ASSERT(bundle->participations[p].event == (int32_t)e);
            FUZZ_ASSERT(bundle->participations[p].actor >= 0 &&
                        (size_t)bundle->participations[p].actor < bundle->n_actors);
            /* sorted by actor and merged: strictly increasing */
            if (p > bundle->event_start[e])
                FUZZ_ASSERT(bundle->participations[p - 1].actor < bundle->participations[p].actor);
        }
    }
    for (size_t t = 0; t < bundle->n_ties; t++) {
        const coopnet_tie_t *tie = &bundle->ties[t];
        FUZZ_ASSERT(tie->from >= 0 && (size_t)tie->from < bundle->n_actors);
        FUZZ_ASSERT(tie->to >= 0 && (size_t)tie->to < bundle->n_actors);
        FUZZ_ASSERT(tie->from != tie->to);
        FUZZ_ASSERT(tie->weight > 0);
    }
    for (size_t a = 0; a < bundle->n_actors; a++)
        FUZZ_ASSERT(coopnet_bundle_find_actor(bundle, bundle->actors[a].id) == (long)a);

    static FILE *sink;
    if (sink == NULL)
        sink = fopen("/dev/null", "w");
    for (int layer = COOPNET_LAYER_ALL; layer <= COOPNET_LAYER_TIES; layer++) {
        coopnet_graph_options_t options;
        coopnet_graph_options_init(&options);
        options.layer = (coopnet_layer_t)layer;
        options.weighting = (coopnet_weighting_t)layer; /* vary the weighting too */
        coopnet_graph_t graph = {0};
        coopnet_error_t err;
        if (coopnet_graph_init_cooperation(&graph, bundle, &options, &err) != COOPNET_OK)
            continue;
        for (size_t v = 0; v < (size_t)igraph_vector_size(&graph.weight); v++)
            FUZZ_ASSERT(VECTOR(graph.weight)[v] > 0);
        for (int format = COOPNET_EXPORT_GRAPHML; format <= COOPNET_EXPORT_EDGELIST; format++)
            coopnet_export_write(bundle, &graph, &options, (coopnet_export_format_t)format, sink,
                                 &err);
        coopnet_graph_destroy(&graph);
    }
}

#endif
