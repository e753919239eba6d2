/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test_jobs.c - the job-file parser: shape, defaults, option words, every error path. */
#include "testing.h"

#include <coopnet/coopnet.h>

#include <stdlib.h>

/* Parses text; returns the status and leaves the first diagnostic formatted in first_diag. */
static int parse(const char *text, coopnet_jobs_t *jobs, char *first_diag, size_t size)
{
    coopnet_diag_list_t diags;
    coopnet_error_t err;
    coopnet_diag_list_init(&diags);
    coopnet_error_clear(&err);
    int status = coopnet_jobs_parse_memory(text, strlen(text), "jobs.ini", jobs, &diags, &err);
    first_diag[0] = '\0';
    if (diags.n_items > 0)
        coopnet_diag_format(&diags.items[0], first_diag, size);
    if (status != COOPNET_OK)
        CHECK(err.code == status);
    coopnet_diag_list_destroy(&diags);
    return status;
}

/* The job's argv joined by single spaces. */
static void join_argv(const coopnet_job_t *job, char *buffer, size_t size)
{
    buffer[0] = '\0';
    for (size_t i = 0; i < job->argc; i++) {
        if (i > 0)
            strncat(buffer, " ", size - strlen(buffer) - 1);
        strncat(buffer, job->argv[i], size - strlen(buffer) - 1);
    }
    CHECK(job->argv[job->argc] == NULL);
}

static void test_jobs_and_defaults(void)
{
    const char *text = "\xEF\xBB\xBF# batch\r\n"
                       "[defaults]\r\n"
                       "bundle = mena-hub\r\n"
                       "quiet = true\n"
                       "\n"
                       "[report]\n"
                       "  command = report   \n"
                       "output = out/mena report.pdf\n"
                       "title = \"Cooperation in \\\"MENA\\\"\"\n"
                       "; comment\n"
                       "[ morocco ]\n"
                       "command = report\n"
                       "country = MA\n"
                       "quiet = false\n"
                       "bundle = ../other\n"
                       "args = --as-of 2024-06 --title 'Morocco report' \"a b\" c\\ d\n"
                       "[validate.1]\n"
                       "command=validate";
    coopnet_jobs_t jobs;
    char diag[1200], line[1000];
    coopnet_jobs_init(&jobs);
    CHECK_INT(parse(text, &jobs, diag, sizeof diag), COOPNET_OK);
    CHECK_STR(diag, "");
    CHECK_INT(jobs.n_jobs, 3);
    if (jobs.n_jobs == 3) {
        CHECK_STR(jobs.items[0].name, "report");
        CHECK_STR(jobs.items[0].command, "report");
        CHECK_STR(jobs.items[0].bundle, "mena-hub");
        CHECK_STR(jobs.items[0].output, "out/mena report.pdf");
        CHECK_INT(jobs.items[0].line, 6);
        join_argv(&jobs.items[0], line, sizeof line);
        CHECK_STR(line, "report --title=Cooperation in \"MENA\" --quiet -o out/mena report.pdf "
                        "mena-hub");
        CHECK_INT(jobs.items[0].argc, 6);

        CHECK_STR(jobs.items[1].name, "morocco");
        CHECK_STR(jobs.items[1].bundle, "../other");
        CHECK(jobs.items[1].output == NULL);
        join_argv(&jobs.items[1], line, sizeof line);
        CHECK_STR(line, "report --country=MA --as-of 2024-06 --title Morocco report a b c d "
                        "../other");
        CHECK_INT(jobs.items[1].argc, 9);

        CHECK_STR(jobs.items[2].name, "validate.1");
        join_argv(&jobs.items[2], line, sizeof line);
        CHECK_STR(line, "validate --quiet mena-hub");
    }
    coopnet_jobs_destroy(&jobs);
    coopnet_jobs_destroy(&jobs); /* twice is fine */
    coopnet_jobs_destroy(NULL);
}

static void check_error(const char *text, const char *expected)
{
    coopnet_jobs_t jobs;
    char diag[1200];
    coopnet_jobs_init(&jobs);
    CHECK_INT(parse(text, &jobs, diag, sizeof diag), COOPNET_EDATA);
    CHECK_CONTAINS(diag, expected);
    CHECK_INT(jobs.n_jobs, 0);
    coopnet_jobs_destroy(&jobs);
}

static void test_errors(void)
{
    check_error("", "jobs.ini: error: no jobs");
    check_error("# only a comment\n[defaults]\ncommand = info\n", "no jobs");
    check_error("command = report\n", "jobs.ini:1: error: key 'command' outside a [job] section");
    check_error("[a]\ncommand = info\n[b\n", "jobs.ini:3: error: section header '[b' lacks");
    check_error("[]\n", "jobs.ini:1: error: empty job name");
    check_error("[a b]\n", "job name 'a b' may hold only");
    check_error("[a]\ncommand=info\n[a]\ncommand=info\n",
                "jobs.ini:3: error: job 'a' appears twice (first on line 1)");
    check_error("[a]\ncommand = info\ncommand = report\n",
                "jobs.ini:3: error: key 'command' set twice in job 'a' (first on line 2)");
    check_error("[a]\njust words\n", "jobs.ini:2: error: expected 'key = value' or '[job]'");
    check_error("[a]\n = x\n", "jobs.ini:2: error: empty key");
    check_error("[a]\nti.tle = x\n", "key 'ti.tle' may hold only");
    check_error("[a]\noutput = x\n", "jobs.ini:1: error: job 'a' has no 'command'");
    check_error("[a]\ncommand =\n", "has no 'command'");
    check_error("[a]\ncommand = info\ntitle = \"open\n", "jobs.ini:3: error: key 'title': "
                                                         "unterminated or stray '\"'");
    check_error("[a]\ncommand = info\ntitle = \"a\"b\"\n", "unterminated or stray");
    check_error("[a]\ncommand = info\nargs = --title 'open\n",
                "jobs.ini:3: error: key 'args': unterminated quote");
    check_error("[a]\ncommand = info\nargs = a \"b\n", "unterminated quote in 'a \"b'");
    check_error("[defaults]\nargs = 'x\n[a]\ncommand = info\n", "jobs.ini:2: error: key 'args'");
    check_error("[aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa]\n",
                "longer than 64 characters");

    /* a NUL byte: passed with its size, not as a C string */
    coopnet_jobs_t jobs;
    coopnet_diag_list_t diags;
    coopnet_error_t err;
    char line[1200];
    coopnet_jobs_init(&jobs);
    coopnet_diag_list_init(&diags);
    const char binary[] = "[a]\ncommand = in\0fo\n";
    CHECK_INT(coopnet_jobs_parse_memory(binary, sizeof binary - 1, NULL, &jobs, &diags, &err),
              COOPNET_EDATA);
    CHECK_INT(diags.n_errors, 2); /* the NUL line, then the job without a command */
    if (diags.n_items > 0) {
        coopnet_diag_format(&diags.items[0], line, sizeof line);
        CHECK_STR(line, "jobs:2: error: NUL byte: a job file is text");
    }
    CHECK_CONTAINS(err.message, "2 errors");
    coopnet_diag_list_destroy(&diags);
    coopnet_jobs_destroy(&jobs);
}

/* A failing file leaves the jobs of an earlier file untouched. */
static void test_append_keeps_earlier_jobs(void)
{
    coopnet_jobs_t jobs;
    char diag[1200];
    coopnet_jobs_init(&jobs);
    CHECK_INT(parse("[a]\ncommand = info\n", &jobs, diag, sizeof diag), COOPNET_OK);
    CHECK_INT(parse("[b]\ncommand = info\n[c]\n", &jobs, diag, sizeof diag), COOPNET_EDATA);
    CHECK_INT(jobs.n_jobs, 1);
    CHECK_INT(parse("[b]\ncommand = info\n", &jobs, diag, sizeof diag), COOPNET_OK);
    CHECK_INT(jobs.n_jobs, 2);
    coopnet_jobs_destroy(&jobs);
}

static void test_load(void)
{
    coopnet_jobs_t jobs;
    coopnet_diag_list_t diags;
    coopnet_error_t err;
    coopnet_jobs_init(&jobs);
    coopnet_diag_list_init(&diags);
    CHECK_INT(coopnet_jobs_load("/nonexistent/jobs.ini", &jobs, &diags, &err), COOPNET_EIO);
    CHECK_CONTAINS(err.message, "cannot read '/nonexistent/jobs.ini'");
    CHECK_INT(
        coopnet_jobs_load(COOPNET_SOURCE_DIR "/datasets/report-figures.ini", &jobs, &diags, &err),
        COOPNET_OK);
    CHECK(jobs.n_jobs >= 2);
    CHECK_INT(diags.n_errors, 0);
    coopnet_diag_list_destroy(&diags);
    coopnet_jobs_destroy(&jobs);
}

static void test_split_words(void)
{
    char **words = NULL;
    size_t n_words = 0;
    coopnet_error_t err;
    CHECK_INT(coopnet_jobs_split_words("  a 'b c' \"d\\\"e\" f\\ g ''  ", &words, &n_words, &err),
              COOPNET_OK);
    CHECK_INT(n_words, 5);
    if (n_words == 5) {
        CHECK_STR(words[0], "a");
        CHECK_STR(words[1], "b c");
        CHECK_STR(words[2], "d\"e");
        CHECK_STR(words[3], "f g");
        CHECK_STR(words[4], "");
    }
    CHECK_INT(coopnet_jobs_split_words("x \"y", &words, &n_words, &err), COOPNET_EDATA);
    CHECK_STR(err.message, "unterminated quote in 'x \"y'");
    CHECK_INT(n_words, 6); /* words before the bad one are appended, for the caller to free */
    for (size_t i = 0; i < n_words; i++)
        free(words[i]);
    free(words);
}

int main(void)
{
    TEST_RUN(test_jobs_and_defaults);
    TEST_RUN(test_errors);
    TEST_RUN(test_append_keeps_earlier_jobs);
    TEST_RUN(test_load);
    TEST_RUN(test_split_words);
    return TEST_DONE();
}
