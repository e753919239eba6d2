/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fuzz_graphml.c - libFuzzer target: a GraphML file given in place of a bundle (igraph's
 * reader, then coopnet's mapping of vertices to actors and edges to ties). The loader reads a
 * path, so the input is written to a file of this process first. */
#include "fuzz_common.h"

#include <stdint.h>
#include <string.h>
#include <unistd.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static char path[64];
    if (path[0] == '\0')
        snprintf(path, sizeof path, "/tmp/coopnet-fuzz-%ld.graphml", (long)getpid());
    FILE *file = fopen(path, "wb");
    if (file == NULL)
        abort();
    if (size > 0 && fwrite(data, 1, size, file) != size)
        abort();
    if (fclose(file) != 0)
        abort();

    coopnet_diag_list_t diags;
    coopnet_diag_list_init(&diags);
    coopnet_bundle_t *bundle = NULL;
    coopnet_error_t err;
    int status = coopnet_bundle_load(path, &diags, &bundle, &err);
    if (status == COOPNET_OK) {
        FUZZ_ASSERT(diags.n_errors == 0);
        fuzz_use_bundle(bundle);
    } else {
        FUZZ_ASSERT(bundle == NULL);
        FUZZ_ASSERT(err.message[0] != '\0');
    }
    coopnet_bundle_free(bundle);
    coopnet_diag_list_destroy(&diags);
    unlink(path);
    return 0;
}
