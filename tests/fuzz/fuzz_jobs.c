/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fuzz_jobs.c - libFuzzer target: the job-file parser of `coopnet batch` (coopnet/jobs.h) and its
 * shell-like word splitter, on arbitrary bytes. */
#include "fuzz_common.h"

#include <coopnet/jobs.h>

#include <stdint.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    coopnet_jobs_t jobs;
    coopnet_jobs_init(&jobs);
    coopnet_diag_list_t diags;
    coopnet_diag_list_init(&diags);
    coopnet_error_t err;
    int status =
        coopnet_jobs_parse_memory((const char *)data, size, "fuzz.jobs", &jobs, &diags, &err);
    if (status == COOPNET_OK) {
        FUZZ_ASSERT(diags.n_errors == 0);
        for (size_t j = 0; j < jobs.n_jobs; j++) {
            const coopnet_job_t *job = &jobs.items[j];
            FUZZ_ASSERT(job->name != NULL && job->command != NULL);
            FUZZ_ASSERT(job->argc >= 1 && job->argv[job->argc] == NULL);
            FUZZ_ASSERT(strcmp(job->argv[0], job->command) == 0);
            for (size_t a = 0; a < job->argc; a++)
                FUZZ_ASSERT(job->argv[a] != NULL);
            for (size_t other = 0; other < j; other++)
                FUZZ_ASSERT(strcmp(jobs.items[other].name, job->name) != 0);
        }
    } else {
        FUZZ_ASSERT(status == COOPNET_EDATA);
        FUZZ_ASSERT(jobs.n_jobs == 0);
        FUZZ_ASSERT(diags.n_errors > 0);
    }
    coopnet_jobs_destroy(&jobs);
    coopnet_diag_list_destroy(&diags);

    /* the word splitter on the same bytes up to the first NUL */
    char *text = malloc(size + 1);
    if (text == NULL)
        return 0;
    memcpy(text, data, size);
    text[size] = '\0';
    char **words = NULL;
    size_t n_words = 0;
    status = coopnet_jobs_split_words(text, &words, &n_words, &err);
    FUZZ_ASSERT(status == COOPNET_OK || status == COOPNET_EDATA);
    FUZZ_ASSERT(n_words <= strlen(text));
    for (size_t w = 0; w < n_words; w++)
        free(words[w]);
    free(words);
    free(text);
    return 0;
}
