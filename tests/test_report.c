/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test_report.c - the report computes each analysis once: cooperation graphs built per report,
 * with and without the PNG copies of its figures. */
#include "coopnet/report.h"
#include "model/graph_internal.h"
#include "testing.h"

#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static coopnet_bundle_t *load(const char *name)
{
    char path[1024];
    snprintf(path, sizeof path, "%s/datasets/%s", COOPNET_SOURCE_DIR, name);
    coopnet_diag_list_t diags;
    coopnet_diag_list_init(&diags);
    coopnet_bundle_t *bundle = NULL;
    coopnet_error_t err;
    CHECK_INT(coopnet_bundle_load(path, &diags, &bundle, &err), COOPNET_OK);
    coopnet_diag_list_destroy(&diags);
    return bundle;
}

/* The cooperation graphs one report of bundle builds. */
static unsigned long report_builds(const coopnet_bundle_t *bundle, const char *png_directory)
{
    coopnet_report_options_t options;
    coopnet_report_options_init(&options);
    options.png_directory = png_directory;
    FILE *stream = tmpfile();
    CHECK(stream != NULL);
    coopnet_error_t err;
    uint64_t before = coopnet_i_graph_build_count();
    CHECK_INT(coopnet_report_write_pdf(bundle, &options, stream, &err), COOPNET_OK);
    unsigned long builds = (unsigned long)(coopnet_i_graph_build_count() - before);
    fclose(stream);
    return builds;
}

static void test_graph_builds(void)
{
    coopnet_bundle_t *bundle = load("mena-hub");
    unsigned long builds = report_builds(bundle, NULL);
    printf("report builds %lu cooperation graphs\n", builds);
    /* One graph for the main view, which every page and figure reads (before: 15). The others
     * are other graphs: the change-over-time analysis (coopnet_snapshots_compute) builds the
     * network as of the end of each year, 2023 to 2025, and the snapshots chart draws those
     * three yearly graphs, built once in the report model (the analysis does not keep its
     * graphs). */
    CHECK_INT(builds, 1 + 3 + 3);
    char directory[256];
    snprintf(directory, sizeof directory, "/tmp/coopnet_test_report_%d", (int)getpid());
    unsigned long with_png = report_builds(bundle, directory);
    printf("report with PNGs builds %lu cooperation graphs\n", with_png);
    /* drawing the figures again as PNGs computes nothing again (before: 26) */
    CHECK_INT(with_png, builds);
    char command[512];
    snprintf(command, sizeof command, "rm -rf '%s'", directory);
    CHECK_INT(system(command), 0);
    coopnet_bundle_free(bundle);
}

int main(void)
{
    TEST_RUN(test_graph_builds);
    return TEST_DONE();
}
