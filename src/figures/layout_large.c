/* SPDX-License-Identifier: GPL-3.0-or-later */
/* layout_large.c - Barnes-Hut Fruchterman-Reingold for large graphs (see layout_large.h). */
#include "figures/layout_large.h"
#include "core/internal.h"

#include <math.h>
#include <stdatomic.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#define QUAD_MAX_DEPTH 24    /* coincident nodes share a leaf below this */
#define BARNES_HUT_THETA 1.2 /* a cell counts as one body when size < theta * distance */
#define GRAVITY 0.02         /* pull towards the origin, per unit of distance */
#define RIM_FACTOR 1.08      /* small components: centroid at most this times the main radius */

typedef struct quad {
    double mass_x, mass_y; /* sum of positions, then centre of mass */
    double mass;           /* bodies inside */
    double x0, y0, size;   /* the square */
    int32_t child[4];      /* -1: none */
    int32_t body;          /* a leaf's (first) body; -1 otherwise */
} layout_quad_t;

typedef struct quad_tree {
    layout_quad_t *quads;
    size_t n_quads, capacity;
} layout_quad_tree_t;

static int32_t quad_new(layout_quad_tree_t *tree, double x0, double y0, double size)
{
    if (tree->n_quads == tree->capacity &&
        coopnet_i_grow((void **)&tree->quads, &tree->capacity, tree->n_quads + 1,
                       sizeof *tree->quads) != 0)
        return -1;
    layout_quad_t *q = &tree->quads[tree->n_quads];
    memset(q, 0, sizeof *q);
    q->x0 = x0;
    q->y0 = y0;
    q->size = size;
    q->child[0] = q->child[1] = q->child[2] = q->child[3] = -1;
    q->body = -1;
    return (int32_t)tree->n_quads++;
}

static bool quad_is_leaf(const layout_quad_t *q)
{
    return q->child[0] < 0 && q->child[1] < 0 && q->child[2] < 0 && q->child[3] < 0;
}

static int quadrant_of(const layout_quad_t *q, double x, double y)
{
    double half = q->size / 2;
    return (x >= q->x0 + half ? 1 : 0) + (y >= q->y0 + half ? 2 : 0);
}

/* Adds body at (x, y) below quad index: -1 when out of memory. */
static int quad_child(layout_quad_tree_t *tree, int32_t index, int quadrant)
{
    layout_quad_t q = tree->quads[index]; /* copy: quad_new may move the array */
    double half = q.size / 2;
    int32_t child =
        quad_new(tree, q.x0 + (quadrant & 1 ? half : 0), q.y0 + (quadrant & 2 ? half : 0), half);
    if (child >= 0)
        tree->quads[index].child[quadrant] = child;
    return child;
}

static int quad_insert(layout_quad_tree_t *tree, int32_t body, double x, double y)
{
    int32_t index = 0;
    for (int depth = 0;; depth++) {
        layout_quad_t *q = &tree->quads[index];
        if (q->mass == 0 && quad_is_leaf(q)) {
            q->body = body;
            q->mass = 1;
            q->mass_x = x;
            q->mass_y = y;
            return 0;
        }
        if (quad_is_leaf(q)) {
            if (depth >= QUAD_MAX_DEPTH) {
                q->mass += 1;
                q->mass_x += x;
                q->mass_y += y;
                return 0;
            }
            /* split: the resident body goes one level down */
            double old_x = q->mass_x, old_y = q->mass_y;
            int32_t old_body = q->body;
            int quadrant = quadrant_of(q, old_x, old_y);
            int32_t child = quad_child(tree, index, quadrant);
            if (child < 0)
                return -1;
            layout_quad_t *c = &tree->quads[child];
            c->body = old_body;
            c->mass = 1;
            c->mass_x = old_x;
            c->mass_y = old_y;
            q = &tree->quads[index];
            q->body = -1;
        }
        q->mass += 1;
        q->mass_x += x;
        q->mass_y += y;
        int quadrant = quadrant_of(q, x, y);
        int32_t next = q->child[quadrant];
        if (next < 0) {
            next = quad_child(tree, index, quadrant);
            if (next < 0)
                return -1;
            layout_quad_t *c = &tree->quads[next];
            c->body = body;
            c->mass = 1;
            c->mass_x = x;
            c->mass_y = y;
            return 0;
        }
        index = next;
    }
}

static int quad_build(layout_quad_tree_t *tree, const igraph_matrix_t *positions,
                      igraph_integer_t n)
{
    double min_x = INFINITY, min_y = INFINITY, max_x = -INFINITY, max_y = -INFINITY;
    for (igraph_integer_t v = 0; v < n; v++) {
        min_x = fmin(min_x, MATRIX(*positions, v, 0));
        max_x = fmax(max_x, MATRIX(*positions, v, 0));
        min_y = fmin(min_y, MATRIX(*positions, v, 1));
        max_y = fmax(max_y, MATRIX(*positions, v, 1));
    }
    double size = fmax(max_x - min_x, max_y - min_y) * 1.0001 + 1e-9;
    tree->n_quads = 0;
    if (quad_new(tree, min_x, min_y, size) < 0)
        return -1;
    for (igraph_integer_t v = 0; v < n; v++)
        if (quad_insert(tree, (int32_t)v, MATRIX(*positions, v, 0), MATRIX(*positions, v, 1)) != 0)
            return -1;
    for (size_t i = 0; i < tree->n_quads; i++) {
        layout_quad_t *q = &tree->quads[i];
        if (q->mass > 0) {
            q->mass_x /= q->mass;
            q->mass_y /= q->mass;
        }
    }
    return 0;
}

/* Repulsion on body at (x, y) from every other body, far cells as one. stack holds at least
 * 3 * QUAD_MAX_DEPTH + 4 entries. */
static void repulsion(const layout_quad_tree_t *tree, int32_t body, double x, double y,
                      int32_t *stack, double *force_x, double *force_y)
{
    double fx = 0, fy = 0;
    size_t top = 0;
    stack[top++] = 0;
    while (top > 0) {
        const layout_quad_t *q = &tree->quads[stack[--top]];
        if (q->mass == 0)
            continue;
        double dx = x - q->mass_x, dy = y - q->mass_y;
        double d2 = dx * dx + dy * dy;
        bool leaf = quad_is_leaf(q);
        if (leaf || q->size * q->size < BARNES_HUT_THETA * BARNES_HUT_THETA * d2) {
            double mass = q->mass;
            if (leaf && q->body == body)
                mass -= 1; /* itself (and any coincident twins) */
            if (mass <= 0)
                continue;
            if (d2 < 1e-12) {
                /* coincident: a fixed direction from the body's index breaks the tie */
                dx = cos((double)body);
                dy = sin((double)body);
                d2 = 1e-2;
            }
            fx += dx * mass / d2;
            fy += dy * mass / d2;
            continue;
        }
        for (int i = 0; i < 4; i++)
            if (q->child[i] >= 0)
                stack[top++] = q->child[i];
    }
    *force_x += fx;
    *force_y += fy;
}

/* The repulsion and gravity on every body, in blocks of bodies over the cores: each body's force
 * is summed by one thread in the same order, so the layout does not depend on the threads. */
#define REPULSION_BLOCK 256

typedef struct repulsion_pass {
    const layout_quad_tree_t *tree;
    const igraph_matrix_t *positions;
    double *force;
    igraph_integer_t n;
    atomic_llong next_block;
} repulsion_pass_t;

static void *repulsion_blocks(void *argument)
{
    repulsion_pass_t *pass = argument;
    int32_t stack[3 * QUAD_MAX_DEPTH + 8];
    for (;;) {
        igraph_integer_t first =
            (igraph_integer_t)atomic_fetch_add(&pass->next_block, 1) * REPULSION_BLOCK;
        if (first >= pass->n)
            return NULL;
        igraph_integer_t last =
            first + REPULSION_BLOCK < pass->n ? first + REPULSION_BLOCK : pass->n;
        for (igraph_integer_t v = first; v < last; v++) {
            double x = MATRIX(*pass->positions, v, 0), y = MATRIX(*pass->positions, v, 1);
            pass->force[2 * v] = -GRAVITY * x;
            pass->force[2 * v + 1] = -GRAVITY * y;
            repulsion(pass->tree, (int32_t)v, x, y, stack, &pass->force[2 * v],
                      &pass->force[2 * v + 1]);
        }
    }
}

static void repulsion_all(const layout_quad_tree_t *tree, const igraph_matrix_t *positions,
                          igraph_integer_t n, double *force)
{
    repulsion_pass_t pass = {tree, positions, force, n, 0};
    coopnet_i_threads_run(coopnet_i_thread_count(n / (4 * REPULSION_BLOCK), COOPNET_I_MAX_THREADS),
                          repulsion_blocks, &pass);
}

/* Small components whose centre lies beyond the largest component's rim move in to the rim. */
static int pull_in_components(const igraph_t *graph, igraph_matrix_t *positions,
                              coopnet_error_t *err)
{
    int status = COOPNET_OK;
    igraph_integer_t n = igraph_vcount(graph), n_components = 0;
    igraph_vector_int_t membership, sizes;
    double *centre = NULL;
    bool ready = false;
    COOPNET_IGRAPH_CHECK(err, status, igraph_vector_int_init(&membership, 0), "components");
    if (igraph_vector_int_init(&sizes, 0) != IGRAPH_SUCCESS) {
        igraph_vector_int_destroy(&membership);
        return COOPNET_ERROR(err, COOPNET_ENOMEM, "out of memory");
    }
    ready = true;
    COOPNET_IGRAPH_CHECK(
        err, status,
        igraph_connected_components(graph, &membership, &sizes, &n_components, IGRAPH_WEAK),
        "components");
    if (n_components < 2)
        goto cleanup;
    centre = calloc((size_t)n_components * 2, sizeof *centre);
    if (centre == NULL) {
        status = COOPNET_ERROR(err, COOPNET_ENOMEM, "out of memory");
        goto cleanup;
    }
    igraph_integer_t largest = igraph_vector_int_which_max(&sizes);
    for (igraph_integer_t v = 0; v < n; v++) {
        igraph_integer_t c = VECTOR(membership)[v];
        centre[2 * c] += MATRIX(*positions, v, 0) / (double)VECTOR(sizes)[c];
        centre[2 * c + 1] += MATRIX(*positions, v, 1) / (double)VECTOR(sizes)[c];
    }
    double main_x = centre[2 * largest], main_y = centre[2 * largest + 1], radius = 0;
    for (igraph_integer_t v = 0; v < n; v++)
        if (VECTOR(membership)[v] == largest)
            radius = fmax(radius, hypot(MATRIX(*positions, v, 0) - main_x,
                                        MATRIX(*positions, v, 1) - main_y));
    double rim = radius * RIM_FACTOR;
    for (igraph_integer_t v = 0; v < n; v++) {
        igraph_integer_t c = VECTOR(membership)[v];
        if (c == largest)
            continue;
        double dx = centre[2 * c] - main_x, dy = centre[2 * c + 1] - main_y;
        double distance = hypot(dx, dy);
        if (distance <= rim || distance == 0)
            continue;
        double shift = rim / distance - 1;
        MATRIX(*positions, v, 0) += dx * shift;
        MATRIX(*positions, v, 1) += dy * shift;
    }
cleanup:
    free(centre);
    if (ready) {
        igraph_vector_int_destroy(&membership);
        igraph_vector_int_destroy(&sizes);
    }
    return status;
}

int coopnet_i_layout_large(const igraph_t *graph, const igraph_vector_t *weights,
                           igraph_integer_t iterations, igraph_matrix_t *positions,
                           coopnet_error_t *err)
{
    int status = COOPNET_OK;
    igraph_integer_t n = igraph_vcount(graph), m = igraph_ecount(graph);
    layout_quad_tree_t tree = {0};
    double *force = NULL;
    COOPNET_IGRAPH_CHECK(err, status, igraph_matrix_resize(positions, n, 2), "layout");
    if (n == 0)
        goto cleanup;
    force = coopnet_i_alloc_array((size_t)n * 2, sizeof *force);
    if (force == NULL) {
        status = COOPNET_ERROR(err, COOPNET_ENOMEM, "out of memory");
        goto cleanup;
    }
    /* ideal edge length 1: the nodes start in a square of side sqrt(V) */
    double side = sqrt((double)n);
    igraph_rng_t *rng = igraph_rng_default();
    for (igraph_integer_t v = 0; v < n; v++) {
        MATRIX(*positions, v, 0) = igraph_rng_get_unif(rng, -side / 2, side / 2);
        MATRIX(*positions, v, 1) = igraph_rng_get_unif(rng, -side / 2, side / 2);
    }
    double start_temperature = side / 8;
    for (igraph_integer_t iteration = 0; iteration < iterations; iteration++) {
        if (quad_build(&tree, positions, n) != 0) {
            status = COOPNET_ERROR(err, COOPNET_ENOMEM, "out of memory");
            goto cleanup;
        }
        repulsion_all(&tree, positions, n, force);
        for (igraph_integer_t e = 0; e < m; e++) {
            igraph_integer_t from = IGRAPH_FROM(graph, e), to = IGRAPH_TO(graph, e);
            double dx = MATRIX(*positions, from, 0) - MATRIX(*positions, to, 0);
            double dy = MATRIX(*positions, from, 1) - MATRIX(*positions, to, 1);
            double pull = sqrt(dx * dx + dy * dy) * (weights ? VECTOR(*weights)[e] : 1.0);
            force[2 * from] -= dx * pull;
            force[2 * from + 1] -= dy * pull;
            force[2 * to] += dx * pull;
            force[2 * to + 1] += dy * pull;
        }
        /* linear cooling to a small floor, so the last rounds only settle */
        double temperature =
            start_temperature * fmax(0.02, 1.0 - (double)iteration / (double)iterations);
        for (igraph_integer_t v = 0; v < n; v++) {
            double fx = force[2 * v], fy = force[2 * v + 1], length = sqrt(fx * fx + fy * fy);
            if (!(length > 0))
                continue;
            double step = fmin(length, temperature) / length;
            MATRIX(*positions, v, 0) += fx * step;
            MATRIX(*positions, v, 1) += fy * step;
        }
    }
    status = pull_in_components(graph, positions, err);
cleanup:
    free(tree.quads);
    free(force);
    return status;
}
