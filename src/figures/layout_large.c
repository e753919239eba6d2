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
    /* the bodies in the tree's (Z-curve) order: body i of the order is order[i] & 0xffffffff.
     * Neighbours in it walk much the same cells, which then stay in the cache (in the bodies'
     * own order, every walk went through cells the walk before did not touch). */
    uint64_t *order, *order_spare; /* n each */
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

/* The low 16 bits of value, spread to the even bits of the result. */
static uint32_t spread_bits(uint32_t value)
{
    value &= 0xffff;
    value = (value | value << 8) & 0x00ff00ff;
    value = (value | value << 4) & 0x0f0f0f0f;
    value = (value | value << 2) & 0x33333333;
    value = (value | value << 1) & 0x55555555;
    return value;
}

/* A position within the root square, scaled to 0-65535, as an integer (0 if not a number). */
static uint32_t z_coordinate(double scaled)
{
    return scaled >= 0 && scaled <= 65535 ? (uint32_t)scaled : scaled > 65535 ? 65535 : 0;
}

/* The tree of the n positions xy (x and y of each node in turn). */
static int quad_build(layout_quad_tree_t *tree, const double *xy, igraph_integer_t n)
{
    double min_x = INFINITY, min_y = INFINITY, max_x = -INFINITY, max_y = -INFINITY;
    for (igraph_integer_t v = 0; v < n; v++) {
        min_x = fmin(min_x, xy[2 * v]);
        max_x = fmax(max_x, xy[2 * v]);
        min_y = fmin(min_y, xy[2 * v + 1]);
        max_y = fmax(max_y, xy[2 * v + 1]);
    }
    double size = fmax(max_x - min_x, max_y - min_y) * 1.0001 + 1e-9;
    tree->n_quads = 0;
    if (quad_new(tree, min_x, min_y, size) < 0)
        return -1;
    for (igraph_integer_t v = 0; v < n; v++)
        if (quad_insert(tree, (int32_t)v, xy[2 * v], xy[2 * v + 1]) != 0)
            return -1;
    for (size_t i = 0; i < tree->n_quads; i++) {
        layout_quad_t *q = &tree->quads[i];
        if (q->mass > 0) {
            q->mass_x /= q->mass;
            q->mass_y /= q->mass;
        }
    }
    /* the Z-curve order: 16 bits of x and of y within the root square, interleaved, above the
     * body's index; sorted by the key's four bytes, lowest first (a stable radix sort) */
    double scale = 65535.0 / size;
    for (igraph_integer_t v = 0; v < n; v++) {
        uint32_t qx = z_coordinate((xy[2 * v] - min_x) * scale);
        uint32_t qy = z_coordinate((xy[2 * v + 1] - min_y) * scale);
        tree->order[v] = (uint64_t)(spread_bits(qx) | spread_bits(qy) << 1) << 32 | (uint64_t)v;
    }
    for (int shift = 32; shift < 64; shift += 8) {
        size_t count[257] = {0};
        for (igraph_integer_t v = 0; v < n; v++)
            count[((tree->order[v] >> shift) & 0xff) + 1]++;
        for (int b = 0; b < 256; b++)
            count[b + 1] += count[b];
        for (igraph_integer_t v = 0; v < n; v++)
            tree->order_spare[count[(tree->order[v] >> shift) & 0xff]++] = tree->order[v];
        uint64_t *sorted = tree->order_spare;
        tree->order_spare = tree->order;
        tree->order = sorted;
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

/* One round of the layout runs in two steps over the cores, and depends on neither the number of
 * threads nor their timing:
 * 1. the quadtree of the positions, beside the attraction along the links. Each link is kept
 *    once, with the node it starts from (the links of node v are links[first[v]] to
 *    links[first[v + 1] - 1]); the nodes are cut into ATTRACTION_PARTS parts of about as many
 *    links each, and every part sums into its own array of forces. A link is 8 bytes, read in
 *    order: a round over 7.9 million links reads 63 MB (igraph's edges and weights: 24 bytes a
 *    link).
 * 2. in blocks of bodies in the tree's order, each body's gravity and repulsion, plus the
 *    parts' attraction in order, and its step, into the next positions. */
#define ATTRACTION_PARTS 4
#define REPULSION_BLOCK 256

typedef struct layout_link {
    uint32_t to;
    float weight; /* the attraction's scale (plenty of precision for a drawing) */
} layout_link_t;

typedef struct layout_round {
    igraph_integer_t n;
    const double *xy;   /* the positions, x and y of each node in turn: 2n */
    double *xy_next;    /* the positions after the round: 2n */
    double temperature; /* the longest step of the round */
    layout_quad_tree_t tree;
    int tree_status;
    const size_t *first;                               /* n + 1 */
    const layout_link_t *links;                        /* first[n] */
    igraph_integer_t part_start[ATTRACTION_PARTS + 1]; /* part p: nodes [start[p], start[p+1]) */
    double *part_force;                                /* ATTRACTION_PARTS arrays of 2n */
    atomic_int next_task;    /* step 1: 0 the tree, 1 to ATTRACTION_PARTS the parts */
    atomic_llong next_block; /* step 2 */
} layout_round_t;

static void attraction_part(layout_round_t *round, int part)
{
    const double *xy = round->xy;
    double *force = round->part_force + (size_t)part * 2 * (size_t)round->n;
    memset(force, 0, 2 * (size_t)round->n * sizeof *force);
    for (igraph_integer_t v = round->part_start[part]; v < round->part_start[part + 1]; v++) {
        double x = xy[2 * v], y = xy[2 * v + 1], fx = 0, fy = 0;
        for (size_t l = round->first[v]; l < round->first[v + 1]; l++) {
            size_t to = round->links[l].to;
            double dx = x - xy[2 * to], dy = y - xy[2 * to + 1];
            double pull = sqrt(dx * dx + dy * dy) * round->links[l].weight;
            fx -= dx * pull;
            fy -= dy * pull;
            force[2 * to] += dx * pull;
            force[2 * to + 1] += dy * pull;
        }
        force[2 * v] += fx;
        force[2 * v + 1] += fy;
    }
}

static void *tree_and_attraction(void *argument)
{
    layout_round_t *round = argument;
    for (int task; (task = atomic_fetch_add(&round->next_task, 1)) <= ATTRACTION_PARTS;) {
        if (task == 0)
            round->tree_status = quad_build(&round->tree, round->xy, round->n);
        else
            attraction_part(round, task - 1);
    }
    return NULL;
}

static void *forces_and_steps(void *argument)
{
    layout_round_t *round = argument;
    const double *xy = round->xy;
    size_t n = (size_t)round->n;
    int32_t stack[3 * QUAD_MAX_DEPTH + 8];
    for (;;) {
        size_t first = (size_t)atomic_fetch_add(&round->next_block, 1) * REPULSION_BLOCK;
        if (first >= n)
            return NULL;
        size_t last = first + REPULSION_BLOCK < n ? first + REPULSION_BLOCK : n;
        for (size_t i = first; i < last; i++) {
            size_t v = (size_t)(round->tree.order[i] & 0xffffffff);
            double x = xy[2 * v], y = xy[2 * v + 1];
            double fx = -GRAVITY * x, fy = -GRAVITY * y;
            repulsion(&round->tree, (int32_t)v, x, y, stack, &fx, &fy);
            for (int p = 0; p < ATTRACTION_PARTS; p++) {
                const double *part = round->part_force + (size_t)p * 2 * n;
                fx += part[2 * v];
                fy += part[2 * v + 1];
            }
            double length = sqrt(fx * fx + fy * fy);
            if (!(length > 0)) { /* (no force, or not a number: the body stays) */
                round->xy_next[2 * v] = x;
                round->xy_next[2 * v + 1] = y;
                continue;
            }
            double step = fmin(length, round->temperature) / length;
            round->xy_next[2 * v] = x + fx * step;
            round->xy_next[2 * v + 1] = y + fy * step;
        }
    }
}

/* The links of graph by the node they start from, weights[e] (NULL: 1) as floats, and the
 * attraction's parts. -1 when out of memory. */
static int attraction_init(layout_round_t *round, const igraph_t *graph,
                           const igraph_vector_t *weights)
{
    igraph_integer_t n = igraph_vcount(graph), m = igraph_ecount(graph);
    size_t *first = calloc((size_t)n + 2, sizeof *first);
    layout_link_t *links = coopnet_i_alloc_array(m > 0 ? (size_t)m : 1, sizeof *links);
    double *part_force =
        coopnet_i_alloc_array((size_t)ATTRACTION_PARTS * 2 * (size_t)n, sizeof *part_force);
    if (first == NULL || links == NULL || part_force == NULL) {
        free(first);
        free(links);
        free(part_force);
        return -1;
    }
    /* counting sort by the starting node: first[v + 2] counts, then first[v + 1] fills */
    for (igraph_integer_t e = 0; e < m; e++)
        first[IGRAPH_FROM(graph, e) + 2]++;
    for (igraph_integer_t v = 0; v < n; v++)
        first[v + 2] += first[v + 1];
    for (igraph_integer_t e = 0; e < m; e++) {
        size_t at = first[IGRAPH_FROM(graph, e) + 1]++;
        links[at].to = (uint32_t)IGRAPH_TO(graph, e);
        links[at].weight = (float)(weights ? VECTOR(*weights)[e] : 1.0);
    }
    round->first = first;
    round->links = links;
    round->part_force = part_force;
    /* part p ends at the first node by which p + 1 shares of the links have started */
    round->part_start[0] = 0;
    igraph_integer_t v = 0;
    for (int p = 1; p < ATTRACTION_PARTS; p++) {
        size_t share = (size_t)m * (size_t)p / ATTRACTION_PARTS;
        while (v < n && first[v] < share)
            v++;
        round->part_start[p] = v;
    }
    round->part_start[ATTRACTION_PARTS] = n;
    return 0;
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
    igraph_integer_t n = igraph_vcount(graph);
    layout_round_t round = {0};
    double *xy = NULL, *xy_next = NULL;
    COOPNET_IGRAPH_CHECK(err, status, igraph_matrix_resize(positions, n, 2), "layout");
    if (n == 0)
        goto cleanup;
    if (n > (igraph_integer_t)UINT32_MAX) {
        status = COOPNET_ERROR(err, COOPNET_ENOMEM, "too many nodes to lay out");
        goto cleanup;
    }
    round.n = n;
    xy = coopnet_i_alloc_array((size_t)n * 2, sizeof *xy);
    xy_next = coopnet_i_alloc_array((size_t)n * 2, sizeof *xy_next);
    round.tree.order = coopnet_i_alloc_array((size_t)n, sizeof *round.tree.order);
    round.tree.order_spare = coopnet_i_alloc_array((size_t)n, sizeof *round.tree.order_spare);
    if (xy == NULL || xy_next == NULL || round.tree.order == NULL ||
        round.tree.order_spare == NULL || attraction_init(&round, graph, weights) != 0) {
        status = COOPNET_ERROR(err, COOPNET_ENOMEM, "out of memory");
        goto cleanup;
    }
    /* ideal edge length 1: the nodes start in a square of side sqrt(V) */
    double side = sqrt((double)n);
    igraph_rng_t *rng = igraph_rng_default();
    for (igraph_integer_t v = 0; v < n; v++) {
        xy[2 * v] = igraph_rng_get_unif(rng, -side / 2, side / 2);
        xy[2 * v + 1] = igraph_rng_get_unif(rng, -side / 2, side / 2);
    }
    double start_temperature = side / 8;
    int n_threads = coopnet_i_thread_count(n / (4 * REPULSION_BLOCK), COOPNET_I_MAX_THREADS);
    for (igraph_integer_t iteration = 0; iteration < iterations; iteration++) {
        round.xy = xy;
        round.xy_next = xy_next;
        /* linear cooling to a small floor, so the last rounds only settle */
        round.temperature =
            start_temperature * fmax(0.02, 1.0 - (double)iteration / (double)iterations);
        atomic_store(&round.next_task, 0);
        atomic_store(&round.next_block, 0);
        coopnet_i_threads_run(n_threads, tree_and_attraction, &round);
        if (round.tree_status != 0) {
            status = COOPNET_ERROR(err, COOPNET_ENOMEM, "out of memory");
            goto cleanup;
        }
        coopnet_i_threads_run(n_threads, forces_and_steps, &round);
        double *swap = xy;
        xy = xy_next;
        xy_next = swap;
    }
    for (igraph_integer_t v = 0; v < n; v++) {
        MATRIX(*positions, v, 0) = xy[2 * v];
        MATRIX(*positions, v, 1) = xy[2 * v + 1];
    }
    status = pull_in_components(graph, positions, err);
cleanup:
    free((void *)round.first);
    free((void *)round.links);
    free(round.part_force);
    free(round.tree.quads);
    free(round.tree.order);
    free(round.tree.order_spare);
    free(xy);
    free(xy_next);
    return status;
}
