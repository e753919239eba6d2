/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fuzz_xlsx.c - libFuzzer target: an Excel workbook given to coopnet import (the zip container,
 * the XML parts, the cells, then the import itself). The importer reads a path, so the input is
 * written to a file of this process first; a bundle it writes goes to a directory of this
 * process, emptied after each input. */
#include "fuzz_common.h"

#include <stdint.h>
#include <string.h>
#include <unistd.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static char path[64], directory[64];
    if (path[0] == '\0') {
        snprintf(path, sizeof path, "/tmp/coopnet-fuzz-%ld.xlsx", (long)getpid());
        snprintf(directory, sizeof directory, "/tmp/coopnet-fuzz-%ld-bundle", (long)getpid());
    }
    FILE *file = fopen(path, "wb");
    if (file == NULL)
        abort();
    if (size > 0 && fwrite(data, 1, size, file) != size)
        abort();
    if (fclose(file) != 0)
        abort();

    coopnet_diag_list_t diags;
    coopnet_diag_list_init(&diags);
    coopnet_import_options_t options;
    coopnet_import_options_init(&options);
    coopnet_error_t err;
    char *report = NULL;
    int status = coopnet_import_attendance(path, directory, &options, &report, &diags, &err);
    if (status == COOPNET_OK) {
        FUZZ_ASSERT(diags.n_errors == 0);
        FUZZ_ASSERT(report != NULL);
        coopnet_bundle_t *bundle = NULL;
        coopnet_diag_list_t check;
        coopnet_diag_list_init(&check);
        FUZZ_ASSERT(coopnet_bundle_load(directory, &check, &bundle, &err) == COOPNET_OK);
        fuzz_use_bundle(bundle);
        coopnet_bundle_free(bundle);
        coopnet_diag_list_destroy(&check);
    } else {
        FUZZ_ASSERT(report == NULL);
        FUZZ_ASSERT(status != COOPNET_EDATA || diags.n_errors > 0);
    }
    free(report);
    coopnet_diag_list_destroy(&diags);
    static const char *const files[] = {"actors.csv", "events.csv", "participation.csv", "ties.csv",
                                        "import-report.txt"};
    char name[128];
    for (size_t f = 0; f < sizeof files / sizeof files[0]; f++) {
        snprintf(name, sizeof name, "%s/%s", directory, files[f]);
        unlink(name);
    }
    rmdir(directory);
    unlink(path);
    return 0;
}
