/* SPDX-License-Identifier: GPL-3.0-or-later */
/* snapshots_compare.c - two time windows of the cooperation graph side by side (see
 * coopnet/snapshots.h). */
#include "coopnet/snapshots.h"
#include "core/internal.h"

#include <stdlib.h>
#include <string.h>

int coopnet_snapshots_parse_windows(const char *text, coopnet_date_t windows[2],
                                    coopnet_error_t *err)
{
    const char *comma = strchr(text, ',');
    if (comma == NULL || strchr(comma + 1, ',') != NULL)
        return COOPNET_ERROR(err, COOPNET_EINVAL,
                             "expected two windows FROM/TO,FROM/TO (e.g. "
                             "2023-01/2023-12,2024-01/2024-12), not '%s'",
                             text);
    char first[128];
    size_t length = (size_t)(comma - text);
    if (length >= sizeof first)
        return COOPNET_ERROR(err, COOPNET_EINVAL, "window too long in '%s'", text);
    memcpy(first, text, length);
    first[length] = '\0';
    const char *parts[2] = {first, comma + 1};
    for (int w = 0; w < 2; w++) {
        if (coopnet_date_parse(parts[w], &windows[w], err) != COOPNET_OK)
            return err->code;
        if (windows[w].precision != COOPNET_DATE_INTERVAL)
            return COOPNET_ERROR(err, COOPNET_EINVAL,
                                 "window '%s' is not FROM/TO (2024-01/2024-12, or '..' for an "
                                 "open side)",
                                 parts[w]);
    }
    return COOPNET_OK;
}

void coopnet_snapshots_comparison_destroy(coopnet_snapshots_comparison_t *change)
{
    if (change == NULL)
        return;
    if (change->linked_in.stor_begin != NULL)
        igraph_vector_int_destroy(&change->linked_in);
    memset(change, 0, sizeof *change);
}

/* Whether graph has an edge between vertices u and v. */
static bool has_edge(const coopnet_graph_t *graph, igraph_integer_t u, igraph_integer_t v)
{
    igraph_integer_t edge = -1;
    /* with error = false a missing edge is -1, not an error */
    return igraph_get_eid(&graph->graph, &edge, u, v, IGRAPH_UNDIRECTED, false) == IGRAPH_SUCCESS &&
           edge >= 0;
}

int coopnet_snapshots_compare(const coopnet_graph_t *first, const coopnet_graph_t *second,
                              coopnet_snapshots_comparison_t *change, coopnet_error_t *err)
{
    memset(change, 0, sizeof *change);
    igraph_integer_t n = igraph_vcount(&first->graph);
    if (first->bundle != second->bundle || n != igraph_vcount(&second->graph) ||
        !igraph_vector_int_all_e(&first->actor_of_vertex, &second->actor_of_vertex))
        return COOPNET_ERROR(err, COOPNET_EINVAL,
                             "the two windows' graphs do not have the same actors (build both "
                             "from the same bundle and actor filters)");
    int status = COOPNET_OK;
    COOPNET_IGRAPH_CHECK(err, status, igraph_vector_int_init(&change->linked_in, n),
                         "comparing two windows");
    const coopnet_graph_t *graphs[2] = {first, second};
    for (int w = 0; w < 2; w++) {
        const igraph_t *g = &graphs[w]->graph;
        change->links[w] = igraph_ecount(g);
        for (igraph_integer_t e = 0; e < change->links[w]; e++) {
            VECTOR(change->linked_in)[IGRAPH_FROM(g, e)] |= 1 << w;
            VECTOR(change->linked_in)[IGRAPH_TO(g, e)] |= 1 << w;
        }
    }
    for (igraph_integer_t e = 0; e < change->links[1]; e++)
        if (has_edge(first, IGRAPH_FROM(&second->graph, e), IGRAPH_TO(&second->graph, e)))
            change->kept++;
    change->gained = change->links[1] - change->kept;
    change->lost = change->links[0] - change->kept;
    for (igraph_integer_t v = 0; v < n; v++) {
        int linked_in = (int)VECTOR(change->linked_in)[v];
        change->linked[0] += (linked_in & 1) != 0;
        change->linked[1] += (linked_in & 2) != 0;
        change->entering += linked_in == 2;
        change->leaving += linked_in == 1;
    }
cleanup:
    if (status != COOPNET_OK)
        coopnet_snapshots_comparison_destroy(change);
    return status;
}
