/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test_output.c - atomic output files, the error type, diagnostics and tidy tables. */
#include "testing.h"

#include <coopnet/coopnet.h>
#include <dirent.h>
#include <fcntl.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <time.h>
#include <stdlib.h>
#include <unistd.h>

static char directory[] = "/tmp/coopnet-output-XXXXXX";

static int count_temporaries(void)
{
    int count = 0;
    DIR *dir = opendir(directory);
    struct dirent *entry;
    while (dir && (entry = readdir(dir)) != NULL)
        count += strncmp(entry->d_name, ".coopnet-", 9) == 0;
    if (dir)
        closedir(dir);
    return count;
}

static void read_file(const char *path, char *buffer, size_t size)
{
    FILE *file = fopen(path, "r");
    buffer[0] = '\0';
    if (file == NULL)
        return;
    size_t got = fread(buffer, 1, size - 1, file);
    buffer[got] = '\0';
    fclose(file);
}

static void test_commit_and_abort(void)
{
    char path[256], text[64];
    snprintf(path, sizeof path, "%s/result.csv", directory);
    coopnet_output_t *output;
    coopnet_error_t err;

    CHECK_INT(coopnet_output_open(path, &output, &err), COOPNET_OK);
    fputs("first\n", coopnet_output_stream(output));
    CHECK(access(path, F_OK) != 0); /* nothing at the destination before the commit */
    CHECK_INT(count_temporaries(), 1);
    CHECK(coopnet_output_temporary_path(output) != NULL);
    CHECK_INT(coopnet_output_commit(output, &err), COOPNET_OK);
    read_file(path, text, sizeof text);
    CHECK_STR(text, "first\n");
    CHECK_INT(count_temporaries(), 0);

    CHECK_INT(coopnet_output_open(path, &output, &err), COOPNET_OK);
    fputs("second, abandoned\n", coopnet_output_stream(output));
    coopnet_output_abort(output);
    read_file(path, text, sizeof text);
    CHECK_STR(text, "first\n"); /* the old file is untouched */
    CHECK_INT(count_temporaries(), 0);
    coopnet_output_abort(NULL);

    CHECK_INT(coopnet_output_open(path, &output, &err), COOPNET_OK);
    fputs("third\n", coopnet_output_stream(output));
    coopnet_output_remove_all_temporary(); /* what the signal handler does */
    CHECK_INT(count_temporaries(), 0);
    coopnet_output_abort(output);
    remove(path);
}

/* An overwritten file keeps its mode (a 0600 file stays private); a new one gets 0666 under the
 * umask; the temporary of a crashed run older than a day is swept, a recent one is not. */
static void test_mode_and_stale_temporaries(void)
{
    char path[256], stale[256], recent[256], held[256], lookalike[256];
    snprintf(path, sizeof path, "%s/private.csv", directory);
    snprintf(stale, sizeof stale, "%s/.coopnet-tmp-abc123", directory);
    snprintf(recent, sizeof recent, "%s/.coopnet-tmp-def456", directory);
    snprintf(held, sizeof held, "%s/.coopnet-tmp-ghi789", directory);
    snprintf(lookalike, sizeof lookalike, "%s/.coopnet-config", directory);
    coopnet_output_t *output;
    coopnet_error_t err;
    struct stat info;
    mode_t mask = umask(022);

    CHECK_INT(coopnet_output_open(path, &output, &err), COOPNET_OK);
    CHECK_INT(coopnet_output_commit(output, &err), COOPNET_OK);
    CHECK(stat(path, &info) == 0 && (info.st_mode & 0777) == 0644);
    chmod(path, 0600);
    CHECK_INT(coopnet_output_open(path, &output, &err), COOPNET_OK);
    fputs("secret\n", coopnet_output_stream(output));
    CHECK_INT(coopnet_output_commit(output, &err), COOPNET_OK);
    CHECK(stat(path, &info) == 0 && (info.st_mode & 0777) == 0600);
    remove(path);

    FILE *file = fopen(stale, "w");
    if (file)
        fclose(file);
    file = fopen(recent, "w");
    if (file)
        fclose(file);
    file = fopen(lookalike, "w");
    if (file)
        fclose(file);
    /* a run longer than a day: its temporary is old but locked by the writer */
    int held_fd = open(held, O_WRONLY | O_CREAT, 0600);
    CHECK(held_fd >= 0 && flock(held_fd, LOCK_EX) == 0);
    struct timespec old[2] = {{time(NULL) - 2 * 24 * 3600, 0}, {time(NULL) - 2 * 24 * 3600, 0}};
    utimensat(AT_FDCWD, stale, old, 0);
    utimensat(AT_FDCWD, held, old, 0);
    utimensat(AT_FDCWD, lookalike, old, 0);
    CHECK_INT(coopnet_output_open(path, &output, &err), COOPNET_OK);
    CHECK(access(stale, F_OK) != 0);
    CHECK(access(recent, F_OK) == 0);
    CHECK(access(held, F_OK) == 0);
    CHECK(access(lookalike, F_OK) == 0);
    coopnet_output_abort(output);
    close(held_fd);
    remove(recent);
    remove(held);
    remove(lookalike);
    umask(mask);
}

/* The outputs of one run are committed together: when one cannot be completed, none replaces
 * its destination and no temporary is left. */
static void test_commit_all(void)
{
    char paths[3][256], text[64];
    coopnet_output_t *outputs[3];
    coopnet_error_t err;
    for (int i = 0; i < 3; i++) {
        snprintf(paths[i], sizeof paths[i], "%s/part%d.csv", directory, i);
        FILE *file = fopen(paths[i], "w");
        if (file) {
            fputs("old\n", file);
            fclose(file);
        }
    }
    for (int i = 0; i < 3; i++) {
        CHECK_INT(coopnet_output_open(paths[i], &outputs[i], &err), COOPNET_OK);
        fputs("new\n", coopnet_output_stream(outputs[i]));
    }
    (void)fgetc(coopnet_output_stream(outputs[2])); /* reading a write-only stream: an error */
    CHECK_INT(coopnet_output_commit_all(outputs, 3, &err), COOPNET_EIO);
    for (int i = 0; i < 3; i++) {
        CHECK(outputs[i] == NULL);
        read_file(paths[i], text, sizeof text);
        CHECK_STR(text, "old\n");
    }
    CHECK_INT(count_temporaries(), 0);

    for (int i = 0; i < 3; i++) {
        CHECK_INT(coopnet_output_open(paths[i], &outputs[i], &err), COOPNET_OK);
        fputs("new\n", coopnet_output_stream(outputs[i]));
    }
    CHECK_INT(coopnet_output_commit_all(outputs, 3, &err), COOPNET_OK);
    for (int i = 0; i < 3; i++) {
        read_file(paths[i], text, sizeof text);
        CHECK_STR(text, "new\n");
        remove(paths[i]);
    }
    CHECK_INT(count_temporaries(), 0);
}

/* What counts as a formula: text a spreadsheet would run, never a plain number. */
static void test_formula_like(void)
{
    CHECK(coopnet_text_formula_like("=HYPERLINK(\"x\")"));
    CHECK(coopnet_text_formula_like("+Sousse"));
    CHECK(coopnet_text_formula_like("-x"));
    CHECK(coopnet_text_formula_like("@Beja"));
    CHECK(coopnet_text_formula_like("\tcmd"));
    CHECK(!coopnet_text_formula_like("-1"));
    CHECK(!coopnet_text_formula_like("-33.5"));
    CHECK(!coopnet_text_formula_like("+2e3"));
    CHECK(!coopnet_text_formula_like("Sousse"));
    CHECK(!coopnet_text_formula_like(""));
    char buffer[64];
    FILE *stream = fmemopen(buffer, sizeof buffer, "w");
    static const char *const columns[] = {"value"};
    coopnet_table_t table;
    coopnet_table_begin(&table, stream, COOPNET_TABLE_CSV, columns, 1);
    coopnet_table_string(&table, "-1");
    coopnet_table_end_row(&table);
    coopnet_table_string(&table, "=1+1");
    coopnet_table_end_row(&table);
    coopnet_table_end(&table);
    fclose(stream);
    CHECK_STR(buffer, "value\n-1\n'=1+1\n");
}

/* Messages escape what could drive a terminal: C0 and C1 controls, bidi controls, bytes that
 * are not UTF-8; truncation never cuts a character or an escape. */
static void test_escape_controls(void)
{
    char buffer[64];
    coopnet_text_escape_controls("a\033]0;x\007b", buffer, sizeof buffer);
    CHECK_STR(buffer, "a\\x1b]0;x\\x07b");
    coopnet_text_escape_controls("csi \302\233 2J", buffer, sizeof buffer);
    CHECK_STR(buffer, "csi \\u009b 2J");
    coopnet_text_escape_controls("Fes \342\200\256gpj", buffer, sizeof buffer);
    CHECK_STR(buffer, "Fes \\u202egpj");
    coopnet_text_escape_controls("latin1 \351t\351", buffer, sizeof buffer);
    CHECK_STR(buffer, "latin1 \\xe9t\\xe9");
    coopnet_text_escape_controls("F\303\250s \330\271\330\261\330\250\331\212", buffer,
                                 sizeof buffer);
    CHECK_STR(buffer, "F\303\250s \330\271\330\261\330\250\331\212");    /* text stays */
    coopnet_text_escape_controls("\342\202\254\342\202\254", buffer, 6); /* two euros, 5 bytes */
    CHECK_STR(buffer, "\342\202\254");
    coopnet_text_escape_controls("ab\033", buffer, 5); /* the escape does not fit: stop before */
    CHECK_STR(buffer, "ab");
    CHECK_INT(coopnet_text_prefix("\342\202\254\342\202\254", 4), 3);
    CHECK_INT(coopnet_text_prefix("abc", 40), 3);
}

static void test_failures(void)
{
    coopnet_output_t *output = (coopnet_output_t *)1;
    coopnet_error_t err;
    CHECK_INT(coopnet_output_open("/nonexistent-dir/x.csv", &output, &err), COOPNET_EIO);
    CHECK(output == NULL);
    CHECK_CONTAINS(err.message, "cannot write '/nonexistent-dir/x.csv'");

    CHECK_INT(coopnet_output_open("/dev/full", &output, &err), COOPNET_OK);
    fputs("no room\n", coopnet_output_stream(output));
    CHECK_INT(coopnet_output_commit(output, &err), COOPNET_EIO);
    CHECK_CONTAINS(err.message, "cannot write '/dev/full': No space left on device");
    CHECK_INT(err.code, COOPNET_EIO);
}

static void test_errors_and_diagnostics(void)
{
    coopnet_error_t err;
    coopnet_error_clear(&err);
    CHECK_INT(err.code, COOPNET_OK);
    CHECK_INT(COOPNET_ERROR(&err, COOPNET_EDATA, "bad value '%s'", "x"), COOPNET_EDATA);
    coopnet_error_prefix(&err, "actors.csv:%d", 3);
    CHECK_STR(err.message, "actors.csv:3: bad value 'x'");
    CHECK_STR(coopnet_error_string(COOPNET_EDATA), "invalid input data");
    CHECK_INT(COOPNET_ERROR(NULL, COOPNET_EIO, "ignored"), COOPNET_EIO);

    coopnet_diag_list_t diags;
    char line[256];
    coopnet_diag_list_init(&diags);
    for (int i = 0; i < COOPNET_DIAG_KEEP + 10; i++)
        coopnet_diag_add(&diags, COOPNET_DIAG_ERROR, "events.csv", (uint64_t)i + 2, "bad %d", i);
    coopnet_diag_add(&diags, COOPNET_DIAG_WARNING, "events.csv", 9, "careful");
    CHECK_INT(diags.n_errors, COOPNET_DIAG_KEEP + 10);
    CHECK_INT(diags.kept_errors, COOPNET_DIAG_KEEP);
    CHECK_INT(diags.n_warnings, 1);
    CHECK_INT(diags.n_items, COOPNET_DIAG_KEEP + 1);
    coopnet_diag_format(&diags.items[0], line, sizeof line);
    CHECK_STR(line, "events.csv:2: error: bad 0");
    coopnet_diag_format(&diags.items[COOPNET_DIAG_KEEP], line, sizeof line);
    CHECK_STR(line, "events.csv:9: warning: careful");
    coopnet_diag_list_destroy(&diags);
    coopnet_diag_list_destroy(NULL);

    /* --max-errors: a given number of errors kept, or all of them; warnings as before */
    for (size_t keep = 0; keep <= 3; keep += 3) {
        coopnet_diag_list_init(&diags);
        coopnet_diag_list_keep_errors(&diags, keep);
        for (int i = 0; i < COOPNET_DIAG_KEEP + 10; i++)
            coopnet_diag_add(&diags, COOPNET_DIAG_ERROR, "events.csv", (uint64_t)i + 2, "bad");
        for (int i = 0; i < COOPNET_DIAG_KEEP + 10; i++)
            coopnet_diag_add(&diags, COOPNET_DIAG_WARNING, "events.csv", 9, "careful");
        CHECK_INT(diags.n_errors, COOPNET_DIAG_KEEP + 10);
        CHECK_INT(diags.kept_errors, keep == 0 ? COOPNET_DIAG_KEEP + 10 : 3);
        CHECK_INT(diags.kept_warnings, COOPNET_DIAG_KEEP);
        coopnet_diag_list_destroy(&diags);
    }
}

static void test_tables(void)
{
    static const char *const columns[] = {"id", "name", "value"};
    char *text = NULL;
    size_t size = 0;
    FILE *stream = open_memstream(&text, &size);
    coopnet_table_t table;
    coopnet_table_begin(&table, stream, COOPNET_TABLE_CSV, columns, 3);
    coopnet_table_string(&table, "a");
    coopnet_table_string(&table, "Hub, \"MENA\"");
    coopnet_table_number(&table, 0.1 + 0.2);
    coopnet_table_end_row(&table);
    coopnet_table_string(&table, "b");
    coopnet_table_end_row(&table); /* missing cells */
    coopnet_table_end(&table);
    fclose(stream);
    CHECK_STR(text, "id,name,value\na,\"Hub, \"\"MENA\"\"\",0.3\nb,,\n");
    free(text);

    stream = open_memstream(&text, &size);
    coopnet_table_begin(&table, stream, COOPNET_TABLE_JSON, columns, 3);
    coopnet_table_string(&table, "a\n");
    coopnet_table_string(&table, "F\xC3\xA8s \"q\"");
    coopnet_table_number(&table, NAN);
    coopnet_table_end_row(&table);
    coopnet_table_integer(&table, -3);
    coopnet_table_end_row(&table);
    coopnet_table_end(&table);
    fclose(stream);
    CHECK_STR(text, "[\n{\"id\":\"a\\n\",\"name\":\"F\xC3\xA8s \\\"q\\\"\",\"value\":null},\n"
                    "{\"id\":-3,\"name\":null,\"value\":null}\n]\n");
    free(text);
    CHECK_INT(coopnet_table_parse_format("json"), COOPNET_TABLE_JSON);
    CHECK_INT(coopnet_table_parse_format("xml"), -1);
}

int main(void)
{
    if (mkdtemp(directory) == NULL)
        return 1;
    TEST_RUN(test_commit_and_abort);
    TEST_RUN(test_failures);
    TEST_RUN(test_escape_controls);
    TEST_RUN(test_formula_like);
    TEST_RUN(test_mode_and_stale_temporaries);
    TEST_RUN(test_commit_all);
    TEST_RUN(test_errors_and_diagnostics);
    TEST_RUN(test_tables);
    rmdir(directory);
    return TEST_DONE();
}
