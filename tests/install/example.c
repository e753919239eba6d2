/* SPDX-License-Identifier: GPL-3.0-or-later */
/* example.c - a complete program using libcoopnet: load a bundle, build its cooperation graph
 * and list the actors with the strongest ties (weighted degree), leaving some actors out.
 *
 *   cc example.c $(pkg-config --cflags --libs coopnet) -o example
 *   ./example datasets/mena-hub scn_mena_hub
 *
 * It is docs/api.md's worked example and the program the install test builds against the
 * installed library (through pkg-config and through CMake's find_package). */
#include <coopnet/coopnet.h>

#include <stdio.h>
#include <stdlib.h>

#define TOP 5

int main(int argc, char **argv)
{
    if (argc < 2) {
        fprintf(stderr, "usage: example BUNDLE [EXCLUDED_ID...]\n");
        return 2;
    }
    int exit_status = 1;
    coopnet_error_t err;
    coopnet_diag_list_t diags;
    coopnet_bundle_t *bundle = NULL;
    coopnet_graph_t graph = {0}; /* zeroed: coopnet_graph_destroy accepts it as it is */
    igraph_vector_t strength;
    igraph_vector_int_t order;
    igraph_vector_init(&strength, 0);
    igraph_vector_int_init(&order, 0);
    coopnet_diag_list_init(&diags);

    /* Loading validates every line; diags holds the problems with their file and line. */
    if (coopnet_bundle_load(argv[1], &diags, &bundle, &err) != COOPNET_OK) {
        char line[COOPNET_ERROR_MESSAGE_SIZE + 256];
        for (size_t i = 0; i < diags.n_items; i++) {
            coopnet_diag_format(&diags.items[i], line, sizeof line);
            fprintf(stderr, "%s\n", line);
        }
        fprintf(stderr, "example: %s\n", err.message);
        exit_status = err.code == COOPNET_EDATA ? 3 : 1; /* the program's own exit statuses */
        goto cleanup;
    }

    coopnet_graph_options_t options;
    coopnet_graph_options_init(&options);
    options.exclude = (const char *const *)argv + 2; /* not copied: argv outlives the graph */
    options.n_exclude = (size_t)(argc - 2);
    if (coopnet_graph_init_cooperation(&graph, bundle, &options, &err) != COOPNET_OK) {
        fprintf(stderr, "example: %s\n", err.message);
        exit_status = err.code == COOPNET_EINVAL ? 2 : 1;
        goto cleanup;
    }
    printf("%s: %d actors, %d links\n", bundle->name, (int)igraph_vcount(&graph.graph),
           (int)igraph_ecount(&graph.graph));

    /* The graph is an ordinary igraph_t with a weight vector: any igraph function applies. */
    if (igraph_strength(&graph.graph, &strength, igraph_vss_all(), IGRAPH_ALL, IGRAPH_NO_LOOPS,
                        &graph.weight) != IGRAPH_SUCCESS ||
        igraph_vector_qsort_ind(&strength, &order, IGRAPH_DESCENDING) != IGRAPH_SUCCESS) {
        fprintf(stderr, "example: igraph failed\n");
        goto cleanup;
    }
    printf("strongest ties (weighted degree):\n");
    for (igraph_integer_t i = 0; i < TOP && i < igraph_vector_int_size(&order); i++) {
        igraph_integer_t vertex = VECTOR(order)[i];
        const coopnet_actor_t *actor = &bundle->actors[VECTOR(graph.actor_of_vertex)[vertex]];
        printf("  %-24s %-14s %g\n", actor->id, coopnet_level_name(actor->level),
               VECTOR(strength)[vertex]);
    }
    exit_status = 0;

cleanup:
    igraph_vector_int_destroy(&order);
    igraph_vector_destroy(&strength);
    coopnet_graph_destroy(&graph);
    coopnet_bundle_free(bundle);
    coopnet_diag_list_destroy(&diags);
    return exit_status;
}
