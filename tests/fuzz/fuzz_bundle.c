/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fuzz_bundle.c - libFuzzer target: the whole bundle loader. The input is split at the bytes
 * 0x1E (ASCII record separator) into actors.csv, events.csv, participation.csv and ties.csv (no
 * fourth part: no ties file). An accepted bundle is run through the graph and every exporter. */
#include "fuzz_common.h"

#include <stdint.h>
#include <string.h>

#define FILE_SEPARATOR 0x1E

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const char *part[4] = {NULL, NULL, NULL, NULL};
    size_t part_size[4] = {0, 0, 0, 0};
    const char *text = (const char *)data;
    size_t start = 0;
    int n_parts = 0;
    for (size_t i = 0; i <= size && n_parts < 4; i++) {
        if (i == size || (data[i] == FILE_SEPARATOR && n_parts < 3)) {
            part[n_parts] = text + start;
            part_size[n_parts] = i - start;
            n_parts++;
            start = i + 1;
        }
    }
    coopnet_diag_list_t diags;
    coopnet_diag_list_init(&diags);
    coopnet_bundle_t *bundle = NULL;
    coopnet_error_t err;
    int status =
        coopnet_bundle_load_memory(part[0], part_size[0], part[1], part_size[1], part[2],
                                   part_size[2], part[3], part_size[3], &diags, &bundle, &err);
    if (status == COOPNET_OK) {
        FUZZ_ASSERT(bundle != NULL);
        FUZZ_ASSERT(diags.n_errors == 0);
        fuzz_use_bundle(bundle);
    } else {
        FUZZ_ASSERT(bundle == NULL);
        FUZZ_ASSERT(status == COOPNET_EDATA);
        FUZZ_ASSERT(diags.n_errors > 0);
        for (size_t i = 0; i < diags.n_items; i++) {
            char line[2048];
            coopnet_diag_format(&diags.items[i], line, sizeof line);
            FUZZ_ASSERT(line[0] != '\0');
        }
    }
    coopnet_bundle_free(bundle);
    coopnet_diag_list_destroy(&diags);
    return 0;
}
