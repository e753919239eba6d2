/* SPDX-License-Identifier: GPL-3.0-or-later */
/* output.c - atomic output files (see coopnet/output.h). */
#include "coopnet/output.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#define MAX_OPEN_OUTPUTS 64
#define TEMPORARY_PATH_SIZE 4096

struct coopnet_output {
    FILE *stream;
    char *path;
    int slot;      /* index in open_temporaries, -1 when not writing through a temporary */
    int direct;    /* writing straight to a device or pipe */
    bool replaces; /* the destination exists: the new file takes its mode and owner */
    mode_t mode;
    uid_t owner;
    gid_t group;
    bool finished; /* flushed, synced and closed: only the rename is left */
};

#define STALE_SECONDS (24 * 60 * 60)
#define TEMPORARY_PREFIX ".coopnet-tmp-"

/* Whether a live writer holds the file: every writer keeps an exclusive flock on its temporary
 * from creation to rename, whatever the length of its computation. */
static bool held_by_a_writer(int directory_fd, const char *name)
{
    int fd = openat(directory_fd, name, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC);
    if (fd < 0)
        return true; /* cannot tell: leave it */
    bool held = flock(fd, LOCK_EX | LOCK_NB) != 0;
    close(fd);
    return held;
}

/* Removes the temporaries of crashed or killed runs (kill -9 leaves them) from directory: regular
 * files of this user named .coopnet-tmp-XXXXXX (mkstemp's six characters), unmodified for a day
 * and not locked by a running writer. Best effort: errors are ignored. */
static void remove_stale_temporaries(const char *directory)
{
    DIR *dir = opendir(directory[0] ? directory : ".");
    if (dir == NULL)
        return;
    time_t now = time(NULL);
    uid_t user = geteuid();
    struct dirent *entry;
    while ((entry = readdir(dir)) != NULL) {
        const char *name = entry->d_name;
        if (strncmp(name, TEMPORARY_PREFIX, sizeof TEMPORARY_PREFIX - 1) != 0 ||
            strlen(name) != sizeof TEMPORARY_PREFIX - 1 + 6)
            continue;
        struct stat info;
        if (fstatat(dirfd(dir), name, &info, AT_SYMLINK_NOFOLLOW) != 0 || !S_ISREG(info.st_mode) ||
            info.st_uid != user || now - info.st_mtime <= STALE_SECONDS ||
            held_by_a_writer(dirfd(dir), name))
            continue;
        unlinkat(dirfd(dir), name, 0);
    }
    closedir(dir);
}

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
    if (slot < 0 || length + sizeof TEMPORARY_PREFIX + 6 >= TEMPORARY_PATH_SIZE) {
        free(out);
        return coopnet_error_set(err, COOPNET_EIO,
                                 "cannot write '%s': too many open outputs or "
                                 "path too long",
                                 path);
    }
    /* a device or pipe (/dev/null, /dev/stdout, a FIFO) is written directly: it cannot be
     * replaced by a rename, and must not be */
    struct stat info;
    bool exists = stat(path, &info) == 0;
    if (exists && !S_ISREG(info.st_mode)) {
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
    memcpy(temporary, path, directory_length); /* the directory, to sweep it first */
    temporary[directory_length] = '\0';
    remove_stale_temporaries(temporary);
    memcpy(temporary + directory_length, TEMPORARY_PREFIX "XXXXXX", sizeof TEMPORARY_PREFIX + 6);
    /* claimed before the file exists, so that a signal arriving just after mkstemp still finds
     * it (unlinking a name not yet created is harmless) */
    open_in_use[slot] = 1;
    int fd = mkstemp(temporary);
    if (fd >= 0)
        flock(fd, LOCK_EX | LOCK_NB); /* new and ours: cannot be held elsewhere */
    if (fd < 0) {
        int saved = errno;
        open_in_use[slot] = 0;
        free(out);
        return coopnet_error_set(err, COOPNET_EIO, "cannot write '%s': %s", path, strerror(saved));
    }
    out->slot = slot;
    if (exists) {
        out->replaces = true;
        out->mode = info.st_mode & 07777;
        out->owner = info.st_uid;
        out->group = info.st_gid;
    }
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

/* Gives the temporary (open as fd) the destination's mode and owner when it replaces a file (the
 * owner only where permitted: a user cannot give away a file), else an ordinary file's mode under
 * the umask (mkstemp creates 0600). On the descriptor, before the rename: never by path after. */
static int set_mode_and_owner(const coopnet_output_t *output, int fd)
{
    mode_t mode;
    if (!output->replaces) {
        mode_t mask = umask(0);
        umask(mask);
        mode = 0666 & ~mask;
    } else {
        mode = output->mode & 0777; /* never set-user-id or set-group-id on a result */
        struct stat own;
        if (fstat(fd, &own) == 0 && (own.st_uid != output->owner || own.st_gid != output->group) &&
            fchown(fd, output->owner, output->group) != 0) {
            if (errno != EPERM)
                return -1;
            /* the old group could not be kept: its access must not pass to this file's group */
            if (own.st_gid != output->group)
                mode &= ~(mode_t)S_IRWXG;
        }
    }
    /* a file system without modes (some mounts refuse fchmod) keeps its own */
    if (fchmod(fd, mode) != 0 && errno != EPERM && errno != ENOTSUP && errno != EROFS)
        return -1;
    return 0;
}

/* The first phase of a commit: flush, mode, sync, close; the temporary stays. EIO on failure
 * (the temporary is then removed and output freed). */
static int finish(coopnet_output_t *output, coopnet_error_t *err)
{
    /* futimens: a temporary about to be renamed is never taken for a stale one */
    int failed = ferror(output->stream) || fflush(output->stream) != 0 ||
                 set_mode_and_owner(output, fileno(output->stream)) != 0 ||
                 futimens(fileno(output->stream), NULL) != 0 || fsync(fileno(output->stream)) != 0;
    int saved = errno;
    if (fclose(output->stream) != 0 && !failed) {
        failed = 1;
        saved = errno;
    }
    output->stream = NULL;
    if (failed) {
        coopnet_error_set(err, COOPNET_EIO, "cannot write '%s': %s", output->path,
                          strerror(saved ? saved : EIO));
        release(output, 1);
        return COOPNET_EIO;
    }
    output->finished = true;
    return COOPNET_OK;
}

/* The second phase: the rename into place, then output is freed. */
static int rename_into_place(coopnet_output_t *output, coopnet_error_t *err)
{
    if (rename(open_temporaries[output->slot], output->path) != 0) {
        int saved = errno;
        coopnet_error_set(err, COOPNET_EIO, "cannot write '%s': %s", output->path, strerror(saved));
        release(output, 1);
        return COOPNET_EIO;
    }
    release(output, 0);
    return COOPNET_OK;
}

/* Standard output or a device: flush (and close a device); nothing to rename. */
static int commit_direct(coopnet_output_t *output, coopnet_error_t *err)
{
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

int coopnet_output_commit(coopnet_output_t *output, coopnet_error_t *err)
{
    if (output->slot < 0)
        return commit_direct(output, err);
    int status = finish(output, err);
    return status == COOPNET_OK ? rename_into_place(output, err) : status;
}

int coopnet_output_commit_all(coopnet_output_t **outputs, size_t n, coopnet_error_t *err)
{
    int status = COOPNET_OK;
    size_t i = 0;
    /* every temporary complete before any destination is replaced */
    for (; i < n && status == COOPNET_OK; i++) {
        if (outputs[i]->slot < 0)
            status = commit_direct(outputs[i], err);
        else
            status = finish(outputs[i], err);
        if (status != COOPNET_OK)
            outputs[i] = NULL; /* freed by the failed phase */
        else if (outputs[i]->slot < 0)
            outputs[i] = NULL; /* committed and freed */
    }
    if (status != COOPNET_OK) {
        for (size_t k = 0; k < n; k++) {
            coopnet_output_abort(outputs[k]);
            outputs[k] = NULL;
        }
        return status;
    }
    for (i = 0; i < n; i++) {
        if (outputs[i] == NULL)
            continue;
        coopnet_error_t rename_err;
        if (rename_into_place(outputs[i], &rename_err) != COOPNET_OK && status == COOPNET_OK) {
            status = rename_err.code;
            if (err != NULL)
                *err = rename_err;
        }
        outputs[i] = NULL;
    }
    return status;
}

void coopnet_output_abort(coopnet_output_t *output)
{
    if (output == NULL)
        return;
    if (output->stream && !output->finished && (output->slot >= 0 || output->direct))
        fclose(output->stream);
    release(output, 1);
}
