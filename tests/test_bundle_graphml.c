/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test_bundle_graphml.c - a GraphML file read as a bundle: attributes of every type. */
#include "testing.h"

#include <coopnet/coopnet.h>

#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

static char graphml_path[64];

/* Writes a GraphML file with one edge a-b whose weight is declared with attr_type and has the
 * value text (no <data> element when text is NULL), then loads it. */
static int load_weighted(const char *attr_type, const char *text, coopnet_diag_list_t *diags,
                         coopnet_bundle_t **bundle)
{
    FILE *file = fopen(graphml_path, "w");
    CHECK(file != NULL);
    if (file == NULL)
        return -1;
    fprintf(file,
            "<?xml version=\"1.0\"?>\n"
            "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\">\n"
            "  <key id=\"w\" for=\"edge\" attr.name=\"weight\" attr.type=\"%s\"/>\n"
            "  <graph edgedefault=\"undirected\"><node id=\"a\"/><node id=\"b\"/>\n"
            "    <edge source=\"a\" target=\"b\">",
            attr_type);
    if (text)
        fprintf(file, "<data key=\"w\">%s</data>", text);
    fprintf(file, "</edge></graph>\n</graphml>\n");
    fclose(file);
    coopnet_diag_list_init(diags);
    coopnet_error_t err;
    return coopnet_bundle_load(graphml_path, diags, bundle, &err);
}

static const char *first_error(const coopnet_diag_list_t *diags)
{
    for (size_t i = 0; i < diags->n_items; i++)
        if (diags->items[i].severity == COOPNET_DIAG_ERROR)
            return diags->items[i].message;
    return NULL;
}

static void test_numeric_weight(void)
{
    coopnet_diag_list_t diags;
    coopnet_bundle_t *bundle = NULL;
    CHECK_INT(load_weighted("double", "2.5", &diags, &bundle), COOPNET_OK);
    if (bundle) {
        CHECK_INT(bundle->n_ties, 1);
        CHECK_NEAR(bundle->ties[0].weight, 2.5, 0);
    }
    coopnet_bundle_free(bundle);
    coopnet_diag_list_destroy(&diags);
}

/* Regression: igraph's EAN does not check the type, so a string weight attribute was read as
 * numbers and gave a garbage weight such as 4.7e-310 (found while writing the fuzzer seeds). */
static void test_string_weight_is_parsed(void)
{
    coopnet_diag_list_t diags;
    coopnet_bundle_t *bundle = NULL;
    CHECK_INT(load_weighted("string", "3", &diags, &bundle), COOPNET_OK);
    if (bundle)
        CHECK_NEAR(bundle->ties[0].weight, 3, 0);
    coopnet_bundle_free(bundle);
    coopnet_diag_list_destroy(&diags);

    bundle = NULL;
    CHECK_INT(load_weighted("string", "heavy", &diags, &bundle), COOPNET_EDATA);
    CHECK(bundle == NULL);
    CHECK_CONTAINS(first_error(&diags), "weight 'heavy' is not a positive number");
    coopnet_bundle_free(bundle);
    coopnet_diag_list_destroy(&diags);

    bundle = NULL;
    CHECK_INT(load_weighted("string", "inf", &diags, &bundle), COOPNET_EDATA);
    CHECK_CONTAINS(first_error(&diags), "weight 'inf' is not a positive number");
    coopnet_bundle_free(bundle);
    coopnet_diag_list_destroy(&diags);
}

static void test_boolean_weight_is_refused(void)
{
    coopnet_diag_list_t diags;
    coopnet_bundle_t *bundle = NULL;
    CHECK_INT(load_weighted("boolean", "true", &diags, &bundle), COOPNET_EDATA);
    CHECK_CONTAINS(first_error(&diags), "edge attribute 'weight' is not numeric");
    coopnet_bundle_free(bundle);
    coopnet_diag_list_destroy(&diags);
}

static void test_missing_and_bad_weights(void)
{
    static const char *const bad[] = {"0", "-1"};
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        coopnet_diag_list_t diags;
        coopnet_bundle_t *bundle = NULL;
        CHECK_INT(load_weighted("double", bad[i], &diags, &bundle), COOPNET_EDATA);
        CHECK_CONTAINS(first_error(&diags), "is not a positive number");
        coopnet_bundle_free(bundle);
        coopnet_diag_list_destroy(&diags);
    }
    /* a declared attribute without a value on the edge: no weight, an error naming the edge */
    coopnet_diag_list_t diags;
    coopnet_bundle_t *bundle = NULL;
    CHECK_INT(load_weighted("double", NULL, &diags, &bundle), COOPNET_EDATA);
    CHECK_CONTAINS(first_error(&diags), "edge 0 (");
    CHECK_CONTAINS(first_error(&diags), "no value for the attribute 'weight'");
    coopnet_bundle_free(bundle);
    coopnet_diag_list_destroy(&diags);
}

static void test_not_graphml(void)
{
    FILE *file = fopen(graphml_path, "w");
    fputs("id,name,level\n", file);
    fclose(file);
    coopnet_diag_list_t diags;
    coopnet_diag_list_init(&diags);
    coopnet_bundle_t *bundle = NULL;
    coopnet_error_t err;
    CHECK_INT(coopnet_bundle_load(graphml_path, &diags, &bundle, &err), COOPNET_EDATA);
    CHECK_CONTAINS(err.message, "not a valid GraphML file");
    CHECK(bundle == NULL);
    coopnet_diag_list_destroy(&diags);
}

int main(void)
{
    snprintf(graphml_path, sizeof graphml_path, "/tmp/coopnet-test-%ld.graphml", (long)getpid());
    TEST_RUN(test_numeric_weight);
    TEST_RUN(test_string_weight_is_parsed);
    TEST_RUN(test_boolean_weight_is_refused);
    TEST_RUN(test_missing_and_bad_weights);
    TEST_RUN(test_not_graphml);
    unlink(graphml_path);
    return TEST_DONE();
}
