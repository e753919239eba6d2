/* SPDX-License-Identifier: GPL-3.0-or-later */
/* graph_internal.h - debugging hooks of the graph builders. Not installed. */
#ifndef COOPNET_GRAPH_INTERNAL_H
#define COOPNET_GRAPH_INTERNAL_H

/* How many cooperation graphs coopnet_graph_init_cooperation has started to build in this
 * process (successful or not). Tests read it before and after a call to count the builds a
 * figure or the report does. Thread-safe (atomic). O(1). */
unsigned long coopnet_i_graph_builds(void);

#endif
