/* SPDX-License-Identifier: GPL-3.0-or-later */
/* coopnet/jobs.h - job files: many analyses over many bundles from one command.
 *
 * A job file is a small INI file, one section per job (docs/batch.md):
 *
 *     # the MENA report and its network data
 *     [defaults]
 *     bundle = mena-hub
 *
 *     [report]
 *     command = report
 *     output  = out/mena-report.pdf
 *     title   = "Cooperation in the MENA region"
 *
 *     [morocco]
 *     command = report
 *     country = MA
 *     output  = out/morocco.pdf
 *     args    = --as-of 2024-06 --quiet
 *
 * `command` names the coopnet command (required), `bundle` its input (the last argument),
 * `output` its -o FILE, `args` further words split like a shell does (single and double quotes,
 * backslash escapes), `timeout` the seconds the job may run (for the program that runs it), and
 * every other `key = value` becomes `--key value` (`key = true` alone
 * becomes `--key`). Keys of [defaults] apply to every job that does not set them. Lines starting
 * with # or ; are comments; a value may be enclosed in double quotes. Section names are the job
 * names: letters, digits, '-', '_' and '.', unique in the file.
 *
 * The parser checks only the file's shape; whether a command and its options exist is for the
 * program that runs the jobs to check.
 */
#ifndef COOPNET_JOBS_H
#define COOPNET_JOBS_H

#include "coopnet/api.h"

#include "coopnet/diag.h"
#include "coopnet/error.h"

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

typedef struct coopnet_job {
    char *name;    /* the section name */
    char *command; /* the coopnet command ("report") */
    char *bundle;  /* the input as written in the file, or NULL */
    char *output;  /* the output as written in the file, or NULL */
    /* The command line without the program name: argv[0] is the command, then the options, then
     * "-o OUTPUT" and BUNDLE when given; argv[argc] is NULL. Paths are as written, relative to
     * the job file's directory. */
    char **argv;
    size_t argc;
    uint64_t line;  /* line of the section header */
    double timeout; /* key 'timeout': seconds the job may run, 0 when not set */
} coopnet_job_t;

/* The largest accepted 'timeout', in seconds (a week). */
#define COOPNET_JOB_MAX_TIMEOUT 604800

typedef struct coopnet_jobs {
    coopnet_job_t *items; /* in file order */
    size_t n_jobs;
    size_t capacity;
} coopnet_jobs_t;

/* Initialises an empty list. O(1). */
COOPNET_API void coopnet_jobs_init(coopnet_jobs_t *jobs);

/* Frees everything the list owns and leaves it empty. Accepts NULL and a zeroed list. */
COOPNET_API void coopnet_jobs_destroy(coopnet_jobs_t *jobs);

/* Parses size bytes of text (not necessarily NUL-terminated; any bytes accepted) as a job file
 * named name (for the diagnostics; NULL: "jobs") and appends its jobs to jobs. Every problem is
 * recorded in diags as NAME:LINE: message and parsing goes on; returns COOPNET_EDATA when any
 * error was found (jobs then holds nothing from this text), COOPNET_ENOMEM when memory ran out
 * (err says so). O(size + jobs * keys). */
COOPNET_API int coopnet_jobs_parse_memory(const char *text, size_t size, const char *name,
                                          coopnet_jobs_t *jobs, coopnet_diag_list_t *diags,
                                          coopnet_error_t *err);

/* Reads the job file at path and parses it as coopnet_jobs_parse_memory does, naming it by its
 * path. COOPNET_EIO when the file cannot be read. O(file size). */
COOPNET_API int coopnet_jobs_load(const char *path, coopnet_jobs_t *jobs,
                                  coopnet_diag_list_t *diags, coopnet_error_t *err);

/* Splits text into words as a POSIX shell does for plain words: blanks separate words, single
 * quotes keep everything literally, double quotes keep everything but \" and \\, a backslash
 * outside quotes escapes the next character. Appends the words (each owned by the caller, free)
 * to *words / *n_words (a malloc'd array grown as needed). COOPNET_EDATA with a message for an
 * unterminated quote, COOPNET_ENOMEM; the words before the problem stay appended then, for the
 * caller to free. O(length). */
COOPNET_API int coopnet_jobs_split_words(const char *text, char ***words, size_t *n_words,
                                         coopnet_error_t *err);

#ifdef __cplusplus
}
#endif
#endif
