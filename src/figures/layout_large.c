/* SPDX-License-Identifier: GPL-3.0-or-later */
/* layout_large.c - Barnes-Hut Fruchterman-Reingold for large graphs (see layout_large.h). */
#include "figures/layout_large.h"
#include "core/internal.h"

#include <math.h>
#include <stdatomic.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#define QUAD_LEVELS 16       /* cells down to 1/65536 of the root's side; below, one leaf */
#define BARNES_HUT_THETA 1.2 /* a cell counts as one body when size < theta * distance */
#define GRAVITY 0.02         /* pull towards the origin, per unit of distance */
#define RIM_FACTOR 1.08      /* small components: centroid at most this times the main radius */

/* One cell of the quadtree, as the repulsion walks it: the cells are stored depth first, so a
 * cell's first child is the next cell and `skip` is the cell after its whole subtree; the walk
 * needs no stack and reads the array forwards. A cell with one non-empty quadrant is not
 * stored (its child holds the same bodies and is the tighter cell). */
typedef struct layout_cell {
    double x, y;    /* centre of mass */
    float mass;     /* bodies inside */
    float open_d2;  /* seen from a squared distance at most this, the cell is opened: size^2 /
                     * theta^2, or -1 for a leaf (never opened) */
    uint32_t skip;  /* the cell after this one's subtree */
    uint32_t first; /* the cell's first body in the tree's order (a leaf's bodies: first to
                     * first + mass - 1) */
} layout_cell_t;

typedef struct quad_tree {
    layout_cell_t *cells; /* up to 2n: n leaves at most, fewer inner cells (each splits) */
    size_t n_cells;
    /* the bodies in the tree's (Z-curve) order: body i of the order is order[i] & 0xffffffff,
     * above it its cell at the deepest level, 16 bits of x and of y interleaved (y in the odd
     * bits). Neighbours in it walk much the same cells, which then stay in the cache. */
    uint64_t *order, *order_spare; /* n each */
    double *sum;                   /* 2 (n + 1): the sums of x and of y of the first i bodies */
    double root_size;
} layout_quad_tree_t;

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

static inline uint32_t cell_key(const layout_quad_tree_t *tree, size_t i)
{
    return (uint32_t)(tree->order[i] >> 32);
}

/* The cells of bodies [lo, hi) of the order (lo < hi), depth first from tree->n_cells: the
 * smallest cell that holds them all, then its quadrants' cells. Each call goes a level deeper, so
 * the recursion is at most QUAD_LEVELS + 1 deep. */
static void cell_emit(layout_quad_tree_t *tree, size_t lo, size_t hi)
{
    uint32_t first_key = cell_key(tree, lo), last_key = cell_key(tree, hi - 1);
    size_t index = tree->n_cells++;
    layout_cell_t *cell = &tree->cells[index];
    double count = (double)(hi - lo);
    cell->x = (tree->sum[2 * hi] - tree->sum[2 * lo]) / count;
    cell->y = (tree->sum[2 * hi + 1] - tree->sum[2 * lo + 1]) / count;
    cell->mass = (float)count;
    cell->first = (uint32_t)lo;
    if (first_key == last_key) { /* one body, or bodies in one cell of the deepest level */
        cell->open_d2 = -1;
        cell->skip = (uint32_t)tree->n_cells;
        return;
    }
    /* the keys are sorted, so all of the range shares the prefix its ends share: the highest
     * bit where they differ is the level at which the bodies part */
    int top = 31 - __builtin_clz(first_key ^ last_key);
    int level = (31 - top) / 2;
    int shift = 30 - 2 * level; /* the two bits of the quadrant at that level */
    double size = tree->root_size / (double)(1u << level);
    cell->open_d2 = (float)(size * size / (BARNES_HUT_THETA * BARNES_HUT_THETA));
    for (size_t start = lo; start < hi;) {
        uint32_t quadrant = cell_key(tree, start) >> shift & 3;
        /* within the cell the quadrant bits only grow: the quadrant ends at the first body
         * beyond it (binary search) */
        size_t end = start + 1, beyond = hi;
        while (end < beyond) {
            size_t middle = end + (beyond - end) / 2;
            if ((cell_key(tree, middle) >> shift & 3) == quadrant)
                end = middle + 1;
            else
                beyond = middle;
        }
        cell_emit(tree, start, end);
        start = end;
    }
    tree->cells[index].skip = (uint32_t)tree->n_cells;
}

/* The tree of the n positions xy (x and y of each node in turn). */
static void quad_build(layout_quad_tree_t *tree, const double *xy, igraph_integer_t n)
{
    double min_x = INFINITY, min_y = INFINITY, max_x = -INFINITY, max_y = -INFINITY;
    for (igraph_integer_t v = 0; v < n; v++) {
        min_x = fmin(min_x, xy[2 * v]);
        max_x = fmax(max_x, xy[2 * v]);
        min_y = fmin(min_y, xy[2 * v + 1]);
        max_y = fmax(max_y, xy[2 * v + 1]);
    }
    /* a little over the spread, so that the largest position scales below 65536 */
    double size = fmax(max_x - min_x, max_y - min_y) * 1.0001 + 1e-9;
    tree->root_size = size;
    /* the Z-curve order: sorted by the key's four cell bytes, lowest first (a stable radix
     * sort) */
    double scale = 65536.0 / size;
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
    tree->sum[0] = tree->sum[1] = 0;
    for (igraph_integer_t i = 0; i < n; i++) {
        size_t v = (size_t)(tree->order[i] & 0xffffffff);
        tree->sum[2 * i + 2] = tree->sum[2 * i] + xy[2 * v];
        tree->sum[2 * i + 3] = tree->sum[2 * i + 1] + xy[2 * v + 1];
    }
    tree->n_cells = 0;
    cell_emit(tree, 0, (size_t)n);
}

/* Repulsion on the body at (x, y), number self of the tree's order, from every other body, far
 * cells as one. */
static void repulsion(const layout_quad_tree_t *tree, uint32_t self, int32_t body, double x,
                      double y, double *force_x, double *force_y)
{
    double fx = 0, fy = 0;
    const layout_cell_t *cells = tree->cells;
    for (size_t i = 0, end = tree->n_cells; i < end;) {
        const layout_cell_t *cell = &cells[i];
        double dx = x - cell->x, dy = y - cell->y;
        double d2 = dx * dx + dy * dy;
        if (!(cell->open_d2 < d2)) {
            i++; /* into the cell: its first child is next */
            continue;
        }
        i = cell->skip;
        double mass = cell->mass;
        if (cell->open_d2 < 0 && self - cell->first < (uint32_t)mass)
            mass -= 1; /* itself (and any twins in its deepest cell) */
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
            quad_build(&round->tree, round->xy, round->n);
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
    for (;;) {
        size_t first = (size_t)atomic_fetch_add(&round->next_block, 1) * REPULSION_BLOCK;
        if (first >= n)
            return NULL;
        size_t last = first + REPULSION_BLOCK < n ? first + REPULSION_BLOCK : n;
        for (size_t i = first; i < last; i++) {
            size_t v = (size_t)(round->tree.order[i] & 0xffffffff);
            double x = xy[2 * v], y = xy[2 * v + 1];
            double fx = -GRAVITY * x, fy = -GRAVITY * y;
            repulsion(&round->tree, (uint32_t)i, (int32_t)v, x, y, &fx, &fy);
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
    round.tree.cells = coopnet_i_alloc_array((size_t)n * 2, sizeof *round.tree.cells);
    round.tree.sum = coopnet_i_alloc_array((size_t)n * 2 + 2, sizeof *round.tree.sum);
    if (xy == NULL || xy_next == NULL || round.tree.order == NULL ||
        round.tree.order_spare == NULL || round.tree.cells == NULL || round.tree.sum == NULL ||
        attraction_init(&round, graph, weights) != 0) {
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
    free(round.tree.cells);
    free(round.tree.sum);
    free(round.tree.order);
    free(round.tree.order_spare);
    free(xy);
    free(xy_next);
    return status;
}
