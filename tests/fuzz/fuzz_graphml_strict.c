/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fuzz_graphml_strict.c - libFuzzer target: GraphML files generated from the input, one element
 * per line, so that the loader's strictness has an exact oracle: a duplicate node id (also when
 * the ids differ only by Unicode normalisation: NFC and NFD "café", U+212B ANGSTROM SIGN and
 * U+00C5), an edge to an undeclared node, a second <graph>, a <hyperedge>. Elements inside
 * comments count for nothing. Checks that every error is reported on the line of the element at
 * fault and only there, and that an accepted file has one actor per distinct node (ids that differ
 * only by case stay distinct) and one tie per edge that is not a loop. */
#include "fuzz_common.h"

#include <stdbool.h>
#include <stdint.h>
#include <string.h>
#include <unistd.h>

#define MAX_ELEMENTS 48 /* fewer errors than the diagnostics list keeps */

/* node ids: those of one class are the same text after NFC normalisation */
static const struct {
    const char *xml;
    int class;
} ids[] = {
    {"a", 0},
    {"b", 1},
    {"Fes", 2},
    {"fes", 3},          /* differs from Fes only by case: a warning, two actors */
    {"caf\xC3\xA9", 4},  /* NFC */
    {"cafe\xCC\x81", 4}, /* NFD */
    {"\xC3\x85", 5},     /* U+00C5 */
    {"A\xCC\x8A", 5},    /* A + U+030A */
    {"\xE2\x84\xAB", 5}, /* U+212B ANGSTROM SIGN: NFC is U+00C5 */
    {"x&amp;y", 6},      /* the id x&y */
    {"x&#38;y", 6},
    {"\xD8\xAA\xD9\x88\xD9\x86\xD8\xB3", 7}, /* Arabic */
};
#define N_IDS (sizeof ids / sizeof ids[0])
#define N_CLASSES 8

typedef struct element {
    uint64_t line;
    bool error;
} element_t;

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static char path[64];
    if (path[0] == '\0')
        snprintf(path, sizeof path, "/tmp/coopnet-fuzz-strict-%ld.graphml", (long)getpid());
    FILE *file = fopen(path, "wb");
    if (file == NULL)
        abort();

    uint64_t line = 0;
    uint64_t declared_line[N_CLASSES] = {0}; /* 0: not declared */
    struct {
        uint64_t line;
        int from, to;
    } edges[MAX_ELEMENTS];
    size_t n_edges = 0, n_ties = 0, n_actors = 0;
    uint64_t error_lines[2 * MAX_ELEMENTS];
    size_t n_errors = 0;

    fprintf(file, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    fprintf(file, "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\">\n");
    fprintf(file, "<key id=\"n\" for=\"node\" attr.name=\"name\" attr.type=\"string\"/>\n");
    fprintf(file, "<graph edgedefault=\"undirected\">\n");
    line = 4;
    size_t n_elements = 0;
    for (size_t i = 0; i + 1 < size && n_elements < MAX_ELEMENTS; i += 2, n_elements++) {
        uint8_t op = data[i] % 8, argument = data[i + 1];
        const char *from = ids[argument % N_IDS].xml, *to = ids[(argument / N_IDS) % N_IDS].xml;
        int from_class = ids[argument % N_IDS].class,
            to_class = ids[(argument / N_IDS) % N_IDS].class;
        line++;
        switch (op) {
        case 0:
        case 1: /* a node */
        case 2:
            if (op == 2)
                fprintf(file, "<node id=\"%s\"><data key=\"n\">%s</data></node>\n", from, to);
            else
                fprintf(file, "<node id=\"%s\"/>\n", from);
            if (declared_line[from_class] != 0) {
                error_lines[n_errors++] = line;
            } else {
                declared_line[from_class] = line;
                n_actors++;
            }
            break;
        case 3:
        case 4: /* an edge, its ends checked at the end */
            fprintf(file, "<edge source=\"%s\" target=\"%s\"/>\n", from, to);
            edges[n_edges].line = line;
            edges[n_edges].from = from_class;
            edges[n_edges].to = to_class;
            n_edges++;
            if (from_class != to_class)
                n_ties++;
            break;
        case 5: /* a hyperedge */
            fprintf(file, "<hyperedge><endpoint node=\"%s\"/><endpoint node=\"%s\"/></hyperedge>\n",
                    from, to);
            error_lines[n_errors++] = line;
            break;
        case 6: /* a second graph */
            fprintf(file, "</graph><graph edgedefault=\"undirected\">\n");
            error_lines[n_errors++] = line;
            break;
        case 7: /* a comment that looks like elements */
            fprintf(file, "<!-- <node id=\"%s\"/><graph><hyperedge/> -->\n", from);
            break;
        }
    }
    fprintf(file, "</graph>\n</graphml>\n");
    if (fclose(file) != 0)
        abort();
    for (size_t e = 0; e < n_edges; e++) {
        bool undeclared = declared_line[edges[e].from] == 0 || declared_line[edges[e].to] == 0;
        if (undeclared)
            error_lines[n_errors++] = edges[e].line;
    }

    coopnet_diag_list_t diags;
    coopnet_diag_list_init(&diags);
    coopnet_bundle_t *bundle = NULL;
    coopnet_error_t err;
    int status = coopnet_bundle_load(path, &diags, &bundle, &err);
    if (n_errors == 0) {
        if (status != COOPNET_OK)
            fprintf(stderr, "refused: %s\n", diags.n_items ? diags.items[0].message : err.message);
        FUZZ_ASSERT(status == COOPNET_OK);
        FUZZ_ASSERT(diags.n_errors == 0);
        FUZZ_ASSERT(bundle->n_actors == n_actors);
        FUZZ_ASSERT(bundle->n_ties == n_ties);
        fuzz_use_bundle(bundle);
    } else {
        FUZZ_ASSERT(status == COOPNET_EDATA);
        FUZZ_ASSERT(bundle == NULL);
        /* every error on the line of an element at fault, every element at fault reported */
        for (size_t d = 0; d < diags.n_items; d++) {
            if (diags.items[d].severity != COOPNET_DIAG_ERROR)
                continue;
            FUZZ_ASSERT(strstr(diags.items[d].file, "coopnet-fuzz-strict-") != NULL);
            bool expected = false;
            for (size_t i = 0; i < n_errors && !expected; i++)
                expected = error_lines[i] == diags.items[d].line;
            if (!expected)
                fprintf(stderr, "unexpected: line %llu: %s\n",
                        (unsigned long long)diags.items[d].line, diags.items[d].message);
            FUZZ_ASSERT(expected);
        }
        for (size_t i = 0; i < n_errors; i++) {
            bool reported = false;
            for (size_t d = 0; d < diags.n_items && !reported; d++)
                reported = diags.items[d].severity == COOPNET_DIAG_ERROR &&
                           diags.items[d].line == error_lines[i];
            if (!reported)
                fprintf(stderr, "not reported: line %llu\n", (unsigned long long)error_lines[i]);
            FUZZ_ASSERT(reported);
        }
    }
    coopnet_bundle_free(bundle);
    coopnet_diag_list_destroy(&diags);
    unlink(path);
    return 0;
}
