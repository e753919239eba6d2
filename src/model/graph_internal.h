/* SPDX-License-Identifier: GPL-3.0-or-later */
/* graph_internal.h - what the library and its tests may ask of the graph builder beyond
 * coopnet/graph.h. Internal: not installed. */
#ifndef COOPNET_MODEL_GRAPH_INTERNAL_H
#define COOPNET_MODEL_GRAPH_INTERNAL_H

#include <stdint.h>

/* How many cooperation graphs this process has built (coopnet_graph_init_cooperation calls that
 * succeeded). Tests use it to check that a command builds a graph once. O(1), thread-safe. */
uint64_t coopnet_i_graph_build_count(void);

#endif
