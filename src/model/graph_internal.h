/* SPDX-License-Identifier: GPL-3.0-or-later */
/* graph_internal.h - what the library and its tests may ask of the graph builder beyond
 * coopnet/graph.h. Internal: not installed. */
#ifndef COOPNET_MODEL_GRAPH_INTERNAL_H
#define COOPNET_MODEL_GRAPH_INTERNAL_H

#include "coopnet/graph.h"

#include <stdint.h>

/* How many cooperation graphs this process has built (coopnet_graph_init_cooperation calls that
 * succeeded). Tests use it to check that a command builds a graph once. O(1), thread-safe. */
uint64_t coopnet_i_graph_build_count(void);

/* The actors options keep (not excluded, of a kept level): vertex_of_actor[a] (resized to the
 * bundle's actors) receives the actor's vertex in the cooperation graph under options, or -1;
 * actor_of_vertex (resized) the kept actors in bundle order. Both are caller-initialised. The one
 * definition of "kept actor": the graph builders and the timeline figure use it. EINVAL for an
 * unknown excluded id, ENOMEM. O(actors + excluded ids). */
int coopnet_i_graph_select_actors(const coopnet_bundle_t *bundle,
                                  const coopnet_graph_options_t *options,
                                  igraph_vector_int_t *vertex_of_actor,
                                  igraph_vector_int_t *actor_of_vertex, coopnet_error_t *err);

/* coopnet_graph_init_cooperation with room made for about expected_links links up front (0: no
 * guess): a series of graphs of one bundle (the snapshots, each as large as the one before or
 * larger) then grows its arrays once instead of doubling them link after link. Same graph. */
int coopnet_i_graph_init_cooperation_sized(coopnet_graph_t *graph, const coopnet_bundle_t *bundle,
                                           const coopnet_graph_options_t *options,
                                           size_t expected_links, coopnet_error_t *err);

/* Frees graph's links and their per-link data (weight, shared events and ties, layer sets) and
 * keeps its vertices: the same vertex count, actor_of_vertex, vertex_of_actor, options and
 * build_id, so that per-vertex values computed on it before stay valid for it (and
 * coopnet_i_vertex_values_check still accepts them) while a large graph whose links are no longer
 * read gives its memory back. Afterwards it has no links: compute nothing more on it. The report
 * does this to its backbone graph and to the graph without the convener at scale. On failure
 * (EINVAL for a graph not built, ENOMEM) graph is unchanged. O(V) time beyond the frees. */
int coopnet_i_graph_keep_vertices_only(coopnet_graph_t *graph, coopnet_error_t *err);

#endif
