/* SPDX-License-Identifier: GPL-3.0-or-later */
/* output.c - atomic output files (see coopnet/output.h). */
#include "coopnet/output.h"

#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#define MAX_OPEN_OUTPUTS 64
#define TEMPORARY_PATH_SIZE 4096

struct coopnet_output {
    FILE *stream;
    char *path;
    int slot;   /* index in open_temporaries, -1 when not writing through a temporary */
    int direct; /* writing straight to a device or pipe */
};

/* Temporary paths of the open outputs, for the signal handler: fixed storage, no allocation. */
static char open_temporaries[MAX_OPEN_OUTPUTS][TEMPORARY_PATH_SIZE];
static volatile sig_atomic_t open_in_use[MAX_OPEN_OUTPUTS];

void coopnet_output_remove_all_temporary(void)
{
    for (int i = 0; i < MAX_OPEN_OUTPUTS; i++)
        if (open_in_use[i])
            unlink(open_temporaries[i]);
}

int coopnet_output_open(const char *path, coopnet_output_t **output, coopnet_error_t *err)
{
    *output = NULL;
    coopnet_output_t *out = calloc(1, sizeof *out);
    if (out == NULL)
        return coopnet_error_set(err, COOPNET_ENOMEM, "out of memory");
    out->slot = -1;
    if (path == NULL || strcmp(path, "-") == 0) {
        out->stream = stdout;
        *output = out;
        return COOPNET_OK;
    }
    int slot = -1;
    for (int i = 0; i < MAX_OPEN_OUTPUTS; i++) {
        if (!open_in_use[i]) {
            slot = i;
            break;
        }
    }
    size_t length = strlen(path);
    if (slot < 0 || length + 16 >= TEMPORARY_PATH_SIZE) {
        free(out);
        return coopnet_error_set(err, COOPNET_EIO,
                                 "cannot write '%s': too many open outputs or "
                                 "path too long",
                                 path);
    }
    /* a device or pipe (/dev/null, /dev/stdout, a FIFO) is written directly: it cannot be
     * replaced by a rename, and must not be */
    struct stat info;
    if (stat(path, &info) == 0 && !S_ISREG(info.st_mode)) {
        out->stream = fopen(path, "wb");
        out->path = strdup(path);
        if (out->stream == NULL || out->path == NULL) {
            int saved = errno;
            if (out->stream)
                fclose(out->stream);
            free(out->path);
            free(out);
            return coopnet_error_set(err, COOPNET_EIO, "cannot write '%s': %s", path,
                                     strerror(saved));
        }
        out->direct = 1;
        *output = out;
        return COOPNET_OK;
    }
    /* the temporary sits next to the destination: same file system, so the rename is atomic */
    const char *slash = strrchr(path, '/');
    const char *base = slash ? slash + 1 : path;
    size_t directory_length = (size_t)(base - path);
    char *temporary = open_temporaries[slot];
    memcpy(temporary, path, directory_length);
    memcpy(temporary + directory_length, ".coopnet-XXXXXX", 16);
    /* claimed before the file exists, so that a signal arriving just after mkstemp still finds
     * it (unlinking a name not yet created is harmless) */
    open_in_use[slot] = 1;
    int fd = mkstemp(temporary);
    if (fd < 0) {
        int saved = errno;
        open_in_use[slot] = 0;
        free(out);
        return coopnet_error_set(err, COOPNET_EIO, "cannot write '%s': %s", path, strerror(saved));
    }
    out->slot = slot;
    out->path = strdup(path);
    out->stream = fdopen(fd, "wb");
    if (out->path == NULL || out->stream == NULL) {
        if (out->stream == NULL)
            close(fd);
        else
            fclose(out->stream);
        out->stream = NULL;
        coopnet_output_abort(out);
        return coopnet_error_set(err, COOPNET_ENOMEM, "out of memory");
    }
    *output = out;
    return COOPNET_OK;
}

FILE *coopnet_output_stream(coopnet_output_t *output)
{
    return output->stream;
}

const char *coopnet_output_temporary_path(const coopnet_output_t *output)
{
    return output->slot >= 0 ? open_temporaries[output->slot] : NULL;
}

static void release(coopnet_output_t *output, int remove_temporary)
{
    if (output->slot >= 0) {
        if (remove_temporary)
            unlink(open_temporaries[output->slot]);
        open_in_use[output->slot] = 0;
    }
    free(output->path);
    free(output);
}

int coopnet_output_commit(coopnet_output_t *output, coopnet_error_t *err)
{
    if (output->slot < 0) {
        int failed = fflush(output->stream) != 0 || ferror(output->stream);
        int saved = errno;
        if (output->direct && fclose(output->stream) != 0 && !failed) {
            failed = 1;
            saved = errno;
        }
        char where[COOPNET_ERROR_MESSAGE_SIZE / 2];
        snprintf(where, sizeof where, "%s%s%s", output->direct ? "'" : "",
                 output->direct ? output->path : "standard output", output->direct ? "'" : "");
        release(output, 0);
        if (failed)
            return coopnet_error_set(err, COOPNET_EIO, "cannot write %s: %s", where,
                                     strerror(saved ? saved : EIO));
        return COOPNET_OK;
    }
    int failed =
        ferror(output->stream) || fflush(output->stream) != 0 || fsync(fileno(output->stream)) != 0;
    int saved = errno;
    if (fclose(output->stream) != 0 && !failed) {
        failed = 1;
        saved = errno;
    }
    output->stream = NULL;
    if (!failed && rename(open_temporaries[output->slot], output->path) != 0) {
        failed = 1;
        saved = errno;
    }
    if (failed) {
        coopnet_error_set(err, COOPNET_EIO, "cannot write '%s': %s", output->path,
                          strerror(saved ? saved : EIO));
        release(output, 1);
        return COOPNET_EIO;
    }
    /* mkstemp creates 0600; results are ordinary files */
    mode_t mask = umask(0);
    umask(mask);
    chmod(output->path, 0666 & ~mask);
    release(output, 0);
    return COOPNET_OK;
}

void coopnet_output_abort(coopnet_output_t *output)
{
    if (output == NULL)
        return;
    if (output->stream && (output->slot >= 0 || output->direct))
        fclose(output->stream);
    release(output, 1);
}
