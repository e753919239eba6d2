/* SPDX-License-Identifier: GPL-3.0-or-later */
/* jobs.c - the job-file parser (see coopnet/jobs.h).
 *
 * Our own small INI reader rather than a dependency: it reports every problem as FILE:LINE, takes
 * any bytes (the fuzz target feeds it random input), and is less code than the glue around one.
 */
#include "coopnet/jobs.h"
#include "core/containers.h"
#include "core/internal.h"

#include <errno.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define DEFAULTS_SECTION "defaults"
#define MAX_NAME_LENGTH 64

typedef struct job_key {
    char *key;
    char *value;
    uint64_t line;
} job_key_t;

typedef struct job_section {
    char *name;
    uint64_t line;
    job_key_t *keys;
    size_t n_keys, capacity;
} job_section_t;

typedef struct job_file {
    job_section_t *sections;
    size_t n_sections, capacity;
    long defaults;                /* index of [defaults], or -1 */
    coopnet_strmap_t section_ids; /* section name (owned by its section) -> index */
} job_file_t;

void coopnet_jobs_init(coopnet_jobs_t *jobs)
{
    memset(jobs, 0, sizeof *jobs);
}

static void job_free(coopnet_job_t *job)
{
    for (size_t i = 0; i < job->argc; i++)
        free(job->argv[i]);
    free(job->argv);
    free(job->name);
    free(job->command);
    free(job->bundle);
    free(job->output);
    memset(job, 0, sizeof *job);
}

void coopnet_jobs_destroy(coopnet_jobs_t *jobs)
{
    if (jobs == NULL)
        return;
    for (size_t i = 0; i < jobs->n_jobs; i++)
        job_free(&jobs->items[i]);
    free(jobs->items);
    memset(jobs, 0, sizeof *jobs);
}

static void job_file_destroy(job_file_t *file)
{
    for (size_t s = 0; s < file->n_sections; s++) {
        job_section_t *section = &file->sections[s];
        for (size_t k = 0; k < section->n_keys; k++) {
            free(section->keys[k].key);
            free(section->keys[k].value);
        }
        free(section->keys);
        free(section->name);
    }
    free(file->sections);
    coopnet_i_strmap_destroy(&file->section_ids);
    memset(file, 0, sizeof *file);
}

static char *copy_span(const char *begin, const char *end)
{
    size_t length = (size_t)(end - begin);
    char *copy = malloc(length + 1);
    if (copy != NULL) {
        memcpy(copy, begin, length);
        copy[length] = '\0';
    }
    return copy;
}

static bool is_blank(char c)
{
    return c == ' ' || c == '\t';
}

static bool is_name_char(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' ||
           c == '_' || c == '.';
}

static bool is_key_char(char c)
{
    return is_name_char(c) && c != '.';
}

/* Checks that [begin, end) is a section or key name; records the problem and returns false. */
static bool check_name(const char *begin, const char *end, bool (*allowed)(char), const char *what,
                       const char *file_name, uint64_t line, coopnet_diag_list_t *diags)
{
    size_t length = (size_t)(end - begin);
    if (length == 0) {
        coopnet_diag_add(diags, COOPNET_DIAG_ERROR, file_name, line, "empty %s", what);
        return false;
    }
    if (length > MAX_NAME_LENGTH) {
        coopnet_diag_add(diags, COOPNET_DIAG_ERROR, file_name, line,
                         "%s '%.20s...' is longer than %d characters", what, begin,
                         MAX_NAME_LENGTH);
        return false;
    }
    for (const char *p = begin; p < end; p++) {
        if (!allowed(*p)) {
            coopnet_diag_add(diags, COOPNET_DIAG_ERROR, file_name, line,
                             "%s '%.*s' may hold only letters, digits, '-' and '_'%s", what,
                             (int)length, begin, allowed == is_name_char ? " and '.'" : "");
            return false;
        }
    }
    return true;
}

static const job_key_t *find_key(const job_section_t *section, const char *key)
{
    for (size_t k = 0; section != NULL && k < section->n_keys; k++)
        if (strcmp(section->keys[k].key, key) == 0)
            return &section->keys[k];
    return NULL;
}

/* The value of a key: a double-quoted value loses its quotes and \" \\ escapes. Returns NULL
 * with *bad set for an unterminated quote, NULL with *bad clear when out of memory. */
static char *parse_value(const char *begin, const char *end, bool *bad)
{
    *bad = false;
    if (begin == end || *begin != '"')
        return copy_span(begin, end);
    if (end - begin < 2 || end[-1] != '"') {
        *bad = true;
        return NULL;
    }
    char *value = copy_span(begin + 1, end - 1);
    if (value == NULL)
        return NULL;
    char *out = value;
    for (const char *in = value; *in; in++) {
        if (*in == '\\' && (in[1] == '"' || in[1] == '\\'))
            in++;
        else if (*in == '"') {
            free(value);
            *bad = true;
            return NULL;
        }
        *out++ = *in;
    }
    *out = '\0';
    return value;
}

/* Reads the lines into sections; records every shape error. COOPNET_ENOMEM only. */
static int read_sections(const char *text, size_t size, const char *file_name, job_file_t *file,
                         coopnet_diag_list_t *diags, coopnet_error_t *err)
{
    const char *end_of_text = text + size;
    const char *line_begin = text;
    uint64_t line = 0;
    job_section_t *section = NULL;
    if (size >= 3 && memcmp(text, "\xEF\xBB\xBF", 3) == 0)
        line_begin += 3;

    while (line_begin < end_of_text) {
        line++;
        const char *line_end = memchr(line_begin, '\n', (size_t)(end_of_text - line_begin));
        if (line_end == NULL)
            line_end = end_of_text;
        const char *next_line = line_end < end_of_text ? line_end + 1 : end_of_text;
        const char *begin = line_begin, *end = line_end;
        line_begin = next_line;

        if (memchr(begin, '\0', (size_t)(end - begin)) != NULL) {
            coopnet_diag_add(diags, COOPNET_DIAG_ERROR, file_name, line,
                             "NUL byte: a job file is text");
            continue;
        }
        while (begin < end && (is_blank(*begin)))
            begin++;
        while (end > begin && (is_blank(end[-1]) || end[-1] == '\r'))
            end--;
        if (begin == end || *begin == '#' || *begin == ';')
            continue;

        if (*begin == '[') {
            section = NULL;
            if (end[-1] != ']' || end - begin < 2) {
                coopnet_diag_add(diags, COOPNET_DIAG_ERROR, file_name, line,
                                 "section header '%.*s' lacks its closing ']'", (int)(end - begin),
                                 begin);
                continue;
            }
            const char *name_begin = begin + 1, *name_end = end - 1;
            while (name_begin < name_end && is_blank(*name_begin))
                name_begin++;
            while (name_end > name_begin && is_blank(name_end[-1]))
                name_end--;
            if (!check_name(name_begin, name_end, is_name_char, "job name", file_name, line, diags))
                continue;
            /* a hash set of the names: 100 000 jobs took 40 s with a pairwise check */
            char *name = copy_span(name_begin, name_end);
            int64_t first = -1;
            if (name == NULL || coopnet_i_strmap_put(&file->section_ids, name,
                                                     (int64_t)file->n_sections, &first) != 0) {
                free(name);
                return COOPNET_ERROR(err, COOPNET_ENOMEM, "out of memory");
            }
            if (first >= 0) {
                coopnet_diag_add(diags, COOPNET_DIAG_ERROR, file_name, line,
                                 "job '%s' appears twice (first on line %llu)", name,
                                 (unsigned long long)file->sections[first].line);
                free(name);
                continue;
            }
            if (coopnet_i_grow((void **)&file->sections, &file->capacity, file->n_sections + 1,
                               sizeof *file->sections) != COOPNET_OK) {
                free(name); /* the map only points to it, and is never read again */
                return COOPNET_ERROR(err, COOPNET_ENOMEM, "out of memory");
            }
            section = &file->sections[file->n_sections];
            memset(section, 0, sizeof *section);
            section->line = line;
            section->name = name;
            if (strcmp(section->name, DEFAULTS_SECTION) == 0)
                file->defaults = (long)file->n_sections;
            file->n_sections++;
            continue;
        }

        const char *equals = memchr(begin, '=', (size_t)(end - begin));
        if (equals == NULL) {
            coopnet_diag_add(diags, COOPNET_DIAG_ERROR, file_name, line,
                             "expected 'key = value' or '[job]', found '%.*s'",
                             (int)(end - begin > 60 ? 60 : end - begin), begin);
            continue;
        }
        const char *key_end = equals, *value_begin = equals + 1;
        while (key_end > begin && is_blank(key_end[-1]))
            key_end--;
        while (value_begin < end && is_blank(*value_begin))
            value_begin++;
        if (!check_name(begin, key_end, is_key_char, "key", file_name, line, diags))
            continue;
        if (section == NULL) {
            coopnet_diag_add(diags, COOPNET_DIAG_ERROR, file_name, line,
                             "key '%.*s' outside a [job] section", (int)(key_end - begin), begin);
            continue;
        }
        bool bad_quote;
        char *key = copy_span(begin, key_end);
        char *value = parse_value(value_begin, end, &bad_quote);
        if (key == NULL || (value == NULL && !bad_quote)) {
            free(key);
            free(value);
            return COOPNET_ERROR(err, COOPNET_ENOMEM, "out of memory");
        }
        const job_key_t *previous = find_key(section, key);
        if (bad_quote || previous != NULL) {
            if (bad_quote)
                coopnet_diag_add(diags, COOPNET_DIAG_ERROR, file_name, line,
                                 "key '%s': unterminated or stray '\"' in the value", key);
            else
                coopnet_diag_add(diags, COOPNET_DIAG_ERROR, file_name, line,
                                 "key '%s' set twice in job '%s' (first on line %llu)", key,
                                 section->name, (unsigned long long)previous->line);
            free(key);
            free(value);
            continue;
        }
        if (coopnet_i_grow((void **)&section->keys, &section->capacity, section->n_keys + 1,
                           sizeof *section->keys) != COOPNET_OK) {
            free(key);
            free(value);
            return COOPNET_ERROR(err, COOPNET_ENOMEM, "out of memory");
        }
        section->keys[section->n_keys++] = (job_key_t){key, value, line};
    }
    return COOPNET_OK;
}

static bool is_reserved_key(const char *key)
{
    return strcmp(key, "command") == 0 || strcmp(key, "bundle") == 0 ||
           strcmp(key, "output") == 0 || strcmp(key, "args") == 0 || strcmp(key, "timeout") == 0;
}

static int append_word(coopnet_job_t *job, size_t *capacity, char *word)
{
    if (word == NULL || coopnet_i_grow((void **)&job->argv, capacity, job->argc + 2,
                                       sizeof *job->argv) != COOPNET_OK) {
        free(word);
        return COOPNET_ENOMEM;
    }
    job->argv[job->argc++] = word;
    job->argv[job->argc] = NULL;
    return COOPNET_OK;
}

static char *format_option(const char *key, const char *value)
{
    bool flag = strcmp(value, "true") == 0;
    size_t size = strlen(key) + strlen(value) + 4;
    char *word = malloc(size);
    if (word != NULL)
        snprintf(word, size, flag ? "--%s" : "--%s=%s", key, value);
    return word;
}

/* Appends the option words of one section's keys (skipping those the job itself sets when
 * section is the defaults, and "false" flags). */
static int append_options(coopnet_job_t *job, size_t *capacity, const job_section_t *section,
                          const job_section_t *overriding)
{
    for (size_t k = 0; section != NULL && k < section->n_keys; k++) {
        const job_key_t *key = &section->keys[k];
        if (is_reserved_key(key->key) || strcmp(key->value, "false") == 0)
            continue;
        if (overriding != NULL && find_key(overriding, key->key) != NULL)
            continue;
        if (append_word(job, capacity, format_option(key->key, key->value)) != COOPNET_OK)
            return COOPNET_ENOMEM;
    }
    return COOPNET_OK;
}

static const char *job_value(const job_section_t *section, const job_section_t *defaults,
                             const char *key)
{
    const job_key_t *found = find_key(section, key);
    if (found == NULL && defaults != section)
        found = find_key(defaults, key);
    return found ? found->value : NULL;
}

static char *copy_or_null(const char *text, bool *failed)
{
    if (text == NULL)
        return NULL;
    char *copy = strdup(text);
    if (copy == NULL)
        *failed = true;
    return copy;
}

/* Builds one job from its section and the defaults; records shape errors in diags. Returns
 * COOPNET_EDATA after recording, COOPNET_ENOMEM. On failure job is freed. */
static int build_job(const job_section_t *section, const job_section_t *defaults,
                     const char *file_name, coopnet_job_t *job, coopnet_diag_list_t *diags)
{
    int status = COOPNET_OK;
    size_t capacity = 0;
    bool failed = false;
    memset(job, 0, sizeof *job);
    job->line = section->line;

    const char *command = job_value(section, defaults, "command");
    if (command == NULL || command[0] == '\0') {
        coopnet_diag_add(diags, COOPNET_DIAG_ERROR, file_name, section->line,
                         "job '%s' has no 'command'", section->name);
        status = COOPNET_EDATA;
        goto cleanup;
    }
    const char *args = job_value(section, defaults, "args");
    char **words = NULL;
    size_t n_words = 0;
    coopnet_error_t split_error;
    if (args != NULL) {
        int split = coopnet_jobs_split_words(args, &words, &n_words, &split_error);
        if (split != COOPNET_OK) {
            for (size_t i = 0; i < n_words; i++)
                free(words[i]);
            free(words);
            const job_key_t *where = find_key(section, "args");
            if (where == NULL)
                where = find_key(defaults, "args");
            if (split == COOPNET_EDATA)
                coopnet_diag_add(diags, COOPNET_DIAG_ERROR, file_name, where->line,
                                 "key 'args': %s", split_error.message);
            status = split;
            goto cleanup;
        }
    }
    const char *timeout = job_value(section, defaults, "timeout");
    if (timeout != NULL) {
        char *end;
        errno = 0;
        double seconds = strtod(timeout, &end);
        if (timeout[0] == '\0' || *end != '\0' || errno != 0 || !(seconds > 0) ||
            seconds > COOPNET_JOB_MAX_TIMEOUT) {
            const job_key_t *where = find_key(section, "timeout");
            if (where == NULL)
                where = find_key(defaults, "timeout");
            coopnet_diag_add(diags, COOPNET_DIAG_ERROR, file_name, where->line,
                             "key 'timeout': needs a number of seconds > 0 and at most %d, not "
                             "'%s'",
                             COOPNET_JOB_MAX_TIMEOUT, timeout);
            for (size_t i = 0; i < n_words; i++)
                free(words[i]);
            free(words);
            status = COOPNET_EDATA;
            goto cleanup;
        }
        job->timeout = seconds;
    }
    job->name = copy_or_null(section->name, &failed);
    job->command = copy_or_null(command, &failed);
    job->bundle = copy_or_null(job_value(section, defaults, "bundle"), &failed);
    job->output = copy_or_null(job_value(section, defaults, "output"), &failed);
    if (failed || append_word(job, &capacity, strdup(command)) != COOPNET_OK ||
        append_options(job, &capacity, section, NULL) != COOPNET_OK ||
        append_options(job, &capacity, defaults == section ? NULL : defaults, section) !=
            COOPNET_OK)
        status = COOPNET_ENOMEM;
    for (size_t i = 0; i < n_words; i++) {
        if (status == COOPNET_OK)
            status = append_word(job, &capacity, words[i]);
        else
            free(words[i]);
    }
    free(words);
    if (status == COOPNET_OK && job->output != NULL &&
        (append_word(job, &capacity, strdup("-o")) != COOPNET_OK ||
         append_word(job, &capacity, strdup(job->output)) != COOPNET_OK))
        status = COOPNET_ENOMEM;
    if (status == COOPNET_OK && job->bundle != NULL)
        status = append_word(job, &capacity, strdup(job->bundle));
cleanup:
    if (status != COOPNET_OK)
        job_free(job);
    return status;
}

int coopnet_jobs_parse_memory(const char *text, size_t size, const char *name, coopnet_jobs_t *jobs,
                              coopnet_diag_list_t *diags, coopnet_error_t *err)
{
    const char *file_name = name ? name : "jobs";
    job_file_t file = {NULL, 0, 0, -1, {0}};
    size_t first_new = jobs->n_jobs;
    uint64_t errors_before = diags->n_errors;
    int status = read_sections(text, size, file_name, &file, diags, err);
    if (status != COOPNET_OK)
        goto cleanup;

    const job_section_t *defaults = file.defaults >= 0 ? &file.sections[file.defaults] : NULL;
    for (size_t s = 0; s < file.n_sections; s++) {
        const job_section_t *section = &file.sections[s];
        if (section == defaults)
            continue;
        if (coopnet_i_grow((void **)&jobs->items, &jobs->capacity, jobs->n_jobs + 1,
                           sizeof *jobs->items) != COOPNET_OK) {
            status = COOPNET_ERROR(err, COOPNET_ENOMEM, "out of memory");
            goto cleanup;
        }
        int built = build_job(section, defaults, file_name, &jobs->items[jobs->n_jobs], diags);
        if (built == COOPNET_ENOMEM) {
            status = COOPNET_ERROR(err, COOPNET_ENOMEM, "out of memory");
            goto cleanup;
        }
        if (built == COOPNET_OK)
            jobs->n_jobs++;
    }
    if (jobs->n_jobs == first_new && diags->n_errors == errors_before)
        coopnet_diag_add(diags, COOPNET_DIAG_ERROR, file_name, 0, "no jobs: add a [job] section");
    if (diags->n_errors > errors_before)
        status = COOPNET_ERROR(err, COOPNET_EDATA, "'%s': %llu errors in the job file", file_name,
                               (unsigned long long)(diags->n_errors - errors_before));
cleanup:
    if (status != COOPNET_OK) {
        while (jobs->n_jobs > first_new)
            job_free(&jobs->items[--jobs->n_jobs]);
    }
    job_file_destroy(&file);
    return status;
}

int coopnet_jobs_load(const char *path, coopnet_jobs_t *jobs, coopnet_diag_list_t *diags,
                      coopnet_error_t *err)
{
    int status = COOPNET_OK;
    char *text = NULL;
    size_t size = 0, capacity = 0;
    FILE *stream = fopen(path, "rb");
    if (stream == NULL)
        return COOPNET_ERROR(err, COOPNET_EIO, "cannot read '%s': %s", path, strerror(errno));
    for (;;) {
        if (coopnet_i_grow((void **)&text, &capacity, size + 4096, 1) != COOPNET_OK) {
            status = COOPNET_ERROR(err, COOPNET_ENOMEM, "out of memory");
            goto cleanup;
        }
        size_t got = fread(text + size, 1, capacity - size, stream);
        size += got;
        if (got == 0)
            break;
    }
    if (ferror(stream)) {
        status = COOPNET_ERROR(err, COOPNET_EIO, "cannot read '%s': %s", path, strerror(errno));
        goto cleanup;
    }
    status = coopnet_jobs_parse_memory(text, size, path, jobs, diags, err);
cleanup:
    fclose(stream);
    free(text);
    return status;
}

int coopnet_jobs_split_words(const char *text, char ***words, size_t *n_words, coopnet_error_t *err)
{
    size_t length = strlen(text);
    size_t capacity = *n_words;
    char *word = malloc(length + 1);
    if (word == NULL)
        return COOPNET_ERROR(err, COOPNET_ENOMEM, "out of memory");
    const char *p = text;
    for (;;) {
        while (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r')
            p++;
        if (*p == '\0')
            break;
        size_t n = 0;
        while (*p != '\0' && *p != ' ' && *p != '\t' && *p != '\n' && *p != '\r') {
            if (*p == '\'') {
                const char *close = strchr(p + 1, '\'');
                if (close == NULL)
                    goto unterminated;
                memcpy(word + n, p + 1, (size_t)(close - p - 1));
                n += (size_t)(close - p - 1);
                p = close + 1;
            } else if (*p == '"') {
                for (p++; *p != '"'; p++) {
                    if (*p == '\0')
                        goto unterminated;
                    if (*p == '\\' && (p[1] == '"' || p[1] == '\\'))
                        p++;
                    word[n++] = *p;
                }
                p++;
            } else if (*p == '\\' && p[1] != '\0') {
                word[n++] = p[1];
                p += 2;
            } else {
                word[n++] = *p++;
            }
        }
        word[n] = '\0';
        char *copy = strdup(word);
        if (copy == NULL ||
            coopnet_i_grow((void **)words, &capacity, *n_words + 1, sizeof **words) != COOPNET_OK) {
            free(copy);
            free(word);
            return COOPNET_ERROR(err, COOPNET_ENOMEM, "out of memory");
        }
        (*words)[(*n_words)++] = copy;
    }
    free(word);
    return COOPNET_OK;
unterminated:
    free(word);
    return COOPNET_ERROR(err, COOPNET_EDATA, "unterminated quote in '%s'", text);
}
