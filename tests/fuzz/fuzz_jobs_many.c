/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fuzz_jobs_many.c - libFuzzer target: `coopnet batch` job files of many jobs (up to 4 000),
 * generated from the input so that the exact diagnostics are known: the hash set of job names
 * (a repeated [name] and every key under it), repeated keys, a job without 'command', an
 * unterminated quote in 'args', an out-of-range 'timeout'. Checks that the parser reports
 * exactly those lines, accepts the file when there are none, and then returns every job in
 * file order with its argv. */
#include "fuzz_common.h"

#include <coopnet/jobs.h>

#include <stdbool.h>
#include <stdint.h>
#include <string.h>

#define MAX_JOBS 4000

typedef struct text {
    char *data;
    size_t length, capacity;
    uint64_t line; /* lines written so far */
} text_t;

static void append_line(text_t *text, const char *line)
{
    size_t length = strlen(line);
    if (text->length + length + 2 > text->capacity) {
        text->capacity = 2 * (text->length + length + 2);
        text->data = realloc(text->data, text->capacity);
        if (text->data == NULL)
            abort();
    }
    memcpy(text->data + text->length, line, length);
    text->length += length;
    text->data[text->length++] = '\n';
    text->line++;
}

/* The expected error lines, in order (each error once). */
typedef struct expected {
    uint64_t *lines;
    size_t n;
} expected_t;

static void expect_error(expected_t *expected, uint64_t line)
{
    expected->lines[expected->n++] = line;
}

static int compare_lines(const void *a, const void *b)
{
    uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;
    return (x > y) - (x < y);
}

static bool diag_has_line(const coopnet_diag_list_t *diags, uint64_t line)
{
    for (size_t i = 0; i < diags->n_items; i++)
        if (diags->items[i].severity == COOPNET_DIAG_ERROR && diags->items[i].line == line)
            return true;
    return false;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 4)
        return 0;
    size_t n_jobs = 1 + (size_t)(data[0] | data[1] << 8) % MAX_JOBS;
    /* data[2] == 0: unique names; otherwise names repeat every data[2] * 8 jobs */
    size_t name_period = data[2] == 0 ? n_jobs : (size_t)data[2] * 8;
    const uint8_t *flags = data + 3;
    size_t n_flags = size - 3;

    text_t text = {0};
    expected_t expected = {calloc(8 * n_jobs + 1, sizeof(uint64_t)), 0};
    bool *seen = calloc(name_period, sizeof(bool));
    if (expected.lines == NULL || seen == NULL)
        abort();
    char line[128];
    append_line(&text, "# generated");
    for (size_t j = 0; j < n_jobs; j++) {
        uint8_t f = flags[j % n_flags];
        size_t name = j % name_period;
        bool duplicate = seen[name];
        seen[name] = true;
        snprintf(line, sizeof line, "[job-%zu]", name);
        append_line(&text, line);
        uint64_t header_line = text.line;
        if (duplicate)
            expect_error(&expected, header_line); /* the repeated name */
        /* under a repeated name every key line is 'outside a [job] section' */
        bool has_command = (f & 0x0F) != 0;
        if (has_command) {
            append_line(&text, f & 1 ? "command = report" : "command = \"info\"");
            if (duplicate)
                expect_error(&expected, text.line);
        }
        snprintf(line, sizeof line, "output = out/%zu.pdf", j);
        append_line(&text, line);
        if (duplicate)
            expect_error(&expected, text.line);
        if ((f & 6) == 6) {
            append_line(&text, "output = again.pdf");
            expect_error(&expected, text.line); /* set twice, or outside a job */
        }
        uint64_t args_line = 0, timeout_line = 0;
        if (f & 0x40) {
            append_line(&text, f & 0x80 ? "args = --top 'unterminated" : "args = --quiet 'a b'");
            if (duplicate)
                expect_error(&expected, text.line);
            else if (f & 0x80)
                args_line = text.line;
        }
        if (f & 0x10) {
            append_line(&text, f & 0x20 ? "timeout = 0" : "timeout = 30");
            if (duplicate)
                expect_error(&expected, text.line);
            else if (f & 0x20)
                timeout_line = text.line;
        }
        if (duplicate)
            continue;
        /* building a job stops at its first problem */
        if (!has_command)
            expect_error(&expected, header_line);
        else if (args_line != 0)
            expect_error(&expected, args_line);
        else if (timeout_line != 0)
            expect_error(&expected, timeout_line);
    }

    coopnet_jobs_t jobs;
    coopnet_jobs_init(&jobs);
    coopnet_diag_list_t diags;
    coopnet_diag_list_init(&diags);
    coopnet_error_t err;
    int status =
        coopnet_jobs_parse_memory(text.data, text.length, "many.jobs", &jobs, &diags, &err);
    if (expected.n == 0) {
        FUZZ_ASSERT(status == COOPNET_OK);
        FUZZ_ASSERT(diags.n_errors == 0);
        FUZZ_ASSERT(jobs.n_jobs == n_jobs);
        for (size_t j = 0; j < n_jobs; j++) {
            const coopnet_job_t *job = &jobs.items[j];
            uint8_t f = flags[j % n_flags];
            char name[32];
            snprintf(name, sizeof name, "job-%zu", j);
            FUZZ_ASSERT(strcmp(job->name, name) == 0);
            FUZZ_ASSERT(strcmp(job->command, f & 1 ? "report" : "info") == 0);
            FUZZ_ASSERT(job->argc >= 3 && job->argv[job->argc] == NULL);
            FUZZ_ASSERT(strcmp(job->argv[0], job->command) == 0);
            FUZZ_ASSERT(strcmp(job->argv[job->argc - 2], "-o") == 0);
            FUZZ_ASSERT(job->timeout == (f & 0x10 ? 30.0 : 0.0));
            if (f & 0x40)
                FUZZ_ASSERT(strcmp(job->argv[job->argc - 3], "a b") == 0);
        }
    } else {
        FUZZ_ASSERT(status == COOPNET_EDATA);
        FUZZ_ASSERT(jobs.n_jobs == 0);
        FUZZ_ASSERT(diags.n_errors == expected.n);
        /* one error per expected line: every kept one is expected, and when all are kept
         * every expected one is there */
        qsort(expected.lines, expected.n, sizeof *expected.lines, compare_lines);
        for (size_t i = 1; i < expected.n; i++)
            FUZZ_ASSERT(expected.lines[i - 1] < expected.lines[i]);
        for (size_t i = 0; i < diags.n_items; i++)
            FUZZ_ASSERT(bsearch(&diags.items[i].line, expected.lines, expected.n,
                                sizeof *expected.lines, compare_lines) != NULL);
        if (diags.kept_errors == expected.n)
            for (size_t i = 0; i < expected.n; i++)
                FUZZ_ASSERT(diag_has_line(&diags, expected.lines[i]));
    }
    coopnet_jobs_destroy(&jobs);
    coopnet_diag_list_destroy(&diags);
    free(text.data);
    free(expected.lines);
    free(seen);
    return 0;
}
