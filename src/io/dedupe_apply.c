/* SPDX-License-Identifier: GPL-3.0-or-later */
/* dedupe_apply.c - the reviewable list of likely duplicate actors, and the merge of the pairs a
 * user accepted (see coopnet/dedupe.h). In io/, above the model's pair search, because it reads
 * and writes the bundle's CSV files: the rows are rewritten as text, so that every value the
 * merge does not touch (dates as written, extra columns, sources) stays as it was. */
#include "coopnet/dedupe.h"
#include "core/containers.h"
#include "core/internal.h"
#include "coopnet/csv.h"
#include "coopnet/output.h"
#include "coopnet/table.h"
#include "model/dedupe_internal.h"

#include <errno.h>
#include <limits.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* ---- the list ----------------------------------------------------------------------------- */

typedef struct candidate_context {
    const coopnet_bundle_t *bundle;
    FILE *out;
    size_t count;
} candidate_context_t;

static int write_candidate(const coopnet_i_dedupe_pair_t *pair, void *context)
{
    candidate_context_t *candidates = context;
    const coopnet_actor_t *into = &candidates->bundle->actors[pair->earlier];
    const coopnet_actor_t *from = &candidates->bundle->actors[pair->later];
    char reason[COOPNET_ERROR_MESSAGE_SIZE], text[2 * COOPNET_ERROR_MESSAGE_SIZE];
    coopnet_i_dedupe_pair_reason(pair, reason, sizeof reason);
    snprintf(text, sizeof text, "'%s' (line %llu) and '%s' (line %llu): %s", into->name,
             (unsigned long long)into->line, from->name, (unsigned long long)from->line, reason);
    coopnet_csv_write_field(candidates->out, into->id);
    fputc(',', candidates->out);
    coopnet_csv_write_field(candidates->out, from->id);
    fputc(',', candidates->out);
    coopnet_csv_write_field(candidates->out, text);
    fputc('\n', candidates->out);
    candidates->count++;
    return COOPNET_OK;
}

int coopnet_dedupe_write_candidates(const coopnet_bundle_t *bundle, FILE *out, size_t *count,
                                    coopnet_error_t *err)
{
    candidate_context_t context = {bundle, out, 0};
    fputs("merge_into,merge_from,reason\n", out);
    if (coopnet_i_dedupe_pairs(bundle, write_candidate, &context) != COOPNET_OK)
        return COOPNET_ERROR(err, COOPNET_ENOMEM, "out of memory looking for duplicate actors");
    if (count)
        *count = context.count;
    return COOPNET_OK;
}

/* ---- a CSV file as rows of text ----------------------------------------------------------- */

typedef struct table {
    const char *name; /* "actors.csv", for messages */
    size_t n_columns;
    const char **header;
    const char **cells; /* n_rows * n_columns */
    uint64_t *lines;
    size_t n_rows, capacity;
    bool *dropped; /* per row: left out of the result */
} table_t;

static void table_destroy(table_t *table)
{
    free(table->header);
    free(table->cells);
    free(table->lines);
    free(table->dropped);
}

static const char *table_cell(const table_t *table, size_t row, long column)
{
    return column < 0 ? "" : table->cells[row * table->n_columns + (size_t)column];
}

static long table_column(const table_t *table, const char *name)
{
    for (size_t c = 0; c < table->n_columns; c++)
        if (strcmp(table->header[c], name) == 0)
            return (long)c;
    return -1;
}

static const char *trimmed(coopnet_arena_t *arena, const char *text, size_t length)
{
    while (length > 0 && (*text == ' ' || *text == '\t')) {
        text++;
        length--;
    }
    while (length > 0 && (text[length - 1] == ' ' || text[length - 1] == '\t'))
        length--;
    return coopnet_i_arena_strndup(arena, text, length);
}

/* Reads path whole. A missing file is COOPNET_OK with table->header NULL when optional. */
static int table_read(const char *path, const char *name, bool optional, coopnet_arena_t *arena,
                      table_t *table, coopnet_error_t *err)
{
    memset(table, 0, sizeof *table);
    table->name = name;
    struct stat info;
    if (optional && stat(path, &info) != 0 && errno == ENOENT)
        return COOPNET_OK;
    coopnet_csv_t *csv = NULL;
    int status = coopnet_csv_open(path, name, &csv, err);
    while (status == COOPNET_OK) {
        int have = 0;
        status = coopnet_csv_next(csv, &have, err);
        if (status != COOPNET_OK || !have)
            break;
        size_t n = coopnet_csv_field_count(csv);
        if (table->header == NULL) {
            table->n_columns = n;
            table->header = coopnet_i_alloc_array(n + 1, sizeof *table->header);
            for (size_t c = 0; table->header && c < n; c++) {
                size_t length;
                const char *field = coopnet_csv_field(csv, c, &length);
                if ((table->header[c] = trimmed(arena, field, length)) == NULL)
                    break;
            }
            if (table->header == NULL || (n > 0 && table->header[n - 1] == NULL))
                status = COOPNET_ERROR(err, COOPNET_ENOMEM, "out of memory reading '%s'", name);
            continue;
        }
        if (coopnet_i_grow((void **)&table->cells, &table->capacity,
                           (table->n_rows + 1) * table->n_columns, sizeof *table->cells) != 0 ||
            (table->lines = coopnet_i_realloc_array(table->lines, table->n_rows + 1,
                                                    sizeof *table->lines)) == NULL) {
            status = COOPNET_ERROR(err, COOPNET_ENOMEM, "out of memory reading '%s'", name);
            break;
        }
        const char **row = table->cells + table->n_rows * table->n_columns;
        for (size_t c = 0; c < table->n_columns && status == COOPNET_OK; c++) {
            size_t length = 0;
            const char *field = c < n ? coopnet_csv_field(csv, c, &length) : "";
            if ((row[c] = coopnet_i_arena_strndup(arena, field, length)) == NULL)
                status = COOPNET_ERROR(err, COOPNET_ENOMEM, "out of memory reading '%s'", name);
        }
        table->lines[table->n_rows++] = coopnet_csv_record_line(csv);
    }
    coopnet_csv_close(csv);
    if (status == COOPNET_OK && table->header == NULL)
        status = COOPNET_ERROR(err, COOPNET_EDATA, "'%s' is empty", name);
    if (status == COOPNET_OK &&
        (table->dropped = calloc(table->n_rows + 1, sizeof *table->dropped)) == NULL)
        status = COOPNET_ERROR(err, COOPNET_ENOMEM, "out of memory reading '%s'", name);
    return status;
}

/* Writes the rows not dropped (and an added last column when extra is not NULL: its values). */
static int table_write(const table_t *table, const char *extra_name, const char **extra,
                       char **text, size_t *size)
{
    FILE *out = open_memstream(text, size);
    if (out == NULL)
        return COOPNET_ENOMEM;
    for (size_t c = 0; c < table->n_columns; c++) {
        if (c > 0)
            fputc(',', out);
        coopnet_csv_write_field(out, table->header[c]);
    }
    if (extra_name) {
        fputc(',', out);
        coopnet_csv_write_field(out, extra_name);
    }
    fputc('\n', out);
    for (size_t r = 0; r < table->n_rows; r++) {
        if (table->dropped[r])
            continue;
        for (size_t c = 0; c < table->n_columns; c++) {
            if (c > 0)
                fputc(',', out);
            coopnet_csv_write_field(out, table_cell(table, r, (long)c));
        }
        if (extra_name) {
            fputc(',', out);
            coopnet_csv_write_field(out, extra[r]);
        }
        fputc('\n', out);
    }
    return fclose(out) == 0 ? COOPNET_OK : COOPNET_ENOMEM;
}

static char *read_whole(const char *path, size_t *size, coopnet_error_t *err)
{
    FILE *file = fopen(path, "rb");
    if (file == NULL) {
        COOPNET_ERROR(err, COOPNET_EIO, "cannot read '%s': %s", path, strerror(errno));
        return NULL;
    }
    char *text = NULL;
    size_t capacity = 0;
    *size = 0;
    for (;;) {
        if (coopnet_i_grow((void **)&text, &capacity, *size + 65536, 1) != 0) {
            free(text);
            fclose(file);
            COOPNET_ERROR(err, COOPNET_ENOMEM, "out of memory reading '%s'", path);
            return NULL;
        }
        size_t got = fread(text + *size, 1, 65536, file);
        *size += got;
        if (got < 65536)
            break;
    }
    bool failed = ferror(file);
    fclose(file);
    if (failed) {
        free(text);
        COOPNET_ERROR(err, COOPNET_EIO, "cannot read '%s'", path);
        return NULL;
    }
    return text;
}

/* ---- the merge ---------------------------------------------------------------------------- */

enum { F_ACTORS, F_EVENTS, F_PARTICIPATION, F_TIES, F_SOURCES, N_FILES };
static const char *const file_names[N_FILES] = {"actors.csv", "events.csv", "participation.csv",
                                                "ties.csv", "sources.csv"};

typedef struct merger {
    const coopnet_bundle_t *bundle;
    coopnet_diag_list_t *diags;
    coopnet_arena_t strings;
    size_t *kept;         /* per actor: the actor it is merged into, itself when kept */
    uint64_t *decided_on; /* per actor: the line of the decision merging it, 0 for none */
    FILE *merges, *values, *rows;
    char *merges_text, *values_text, *rows_text;
    size_t merges_size, values_size, rows_size;
} merger_t;

static char *path_in(const char *directory, const char *name)
{
    size_t size = strlen(directory) + strlen(name) + 2;
    char *path = malloc(size);
    if (path)
        snprintf(path, size, "%s/%s", directory, name);
    return path;
}

/* Reads the decisions into merger->kept. Problems go to the diagnostics. */
static int read_decisions(merger_t *merger, const char *path, coopnet_error_t *err)
{
    const coopnet_bundle_t *bundle = merger->bundle;
    table_t decisions;
    int status = table_read(path, path, false, &merger->strings, &decisions, err);
    if (status == COOPNET_EDATA) {
        coopnet_diag_add(merger->diags, COOPNET_DIAG_ERROR, path, 0,
                         "empty file (expected a "
                         "header merge_into,merge_from)");
        table_destroy(&decisions);
        return COOPNET_OK;
    }
    if (status != COOPNET_OK) {
        table_destroy(&decisions);
        return status;
    }
    long into_column = table_column(&decisions, "merge_into");
    long from_column = table_column(&decisions, "merge_from");
    if (into_column < 0 || from_column < 0) {
        coopnet_diag_add(merger->diags, COOPNET_DIAG_ERROR, path, 1,
                         "no column %s (expected the header merge_into,merge_from,reason that "
                         "coopnet dedupe writes)",
                         into_column < 0 ? "merge_into" : "merge_from");
        table_destroy(&decisions);
        return COOPNET_OK;
    }
    size_t *into_of = coopnet_i_alloc_array(bundle->n_actors + 1, sizeof *into_of);
    if (into_of == NULL) {
        table_destroy(&decisions);
        return COOPNET_ERROR(err, COOPNET_ENOMEM, "out of memory reading '%s'", path);
    }
    for (size_t a = 0; a < bundle->n_actors; a++)
        into_of[a] = a;
    for (size_t r = 0; r < decisions.n_rows; r++) {
        const char *ids[2] = {table_cell(&decisions, r, into_column),
                              table_cell(&decisions, r, from_column)};
        const char *columns[2] = {"merge_into", "merge_from"};
        long actors[2];
        bool ok = true;
        if (ids[0][0] == '\0' && ids[1][0] == '\0')
            continue; /* a blank row */
        for (int k = 0; k < 2; k++) {
            const char *id = trimmed(&merger->strings, ids[k], strlen(ids[k]));
            actors[k] = id ? coopnet_bundle_find_actor(bundle, id) : -1;
            if (actors[k] < 0) {
                if (ids[k][0])
                    coopnet_diag_add(merger->diags, COOPNET_DIAG_ERROR, path, decisions.lines[r],
                                     "column '%s': no actor of the bundle has the id '%s'",
                                     columns[k], ids[k]);
                else
                    coopnet_diag_add(merger->diags, COOPNET_DIAG_ERROR, path, decisions.lines[r],
                                     "column '%s': empty", columns[k]);
                ok = false;
            }
        }
        if (!ok)
            continue;
        size_t into = (size_t)actors[0], from = (size_t)actors[1];
        if (into == from) {
            coopnet_diag_add(merger->diags, COOPNET_DIAG_ERROR, path, decisions.lines[r],
                             "actor '%s' merged into itself", bundle->actors[from].id);
        } else if (into_of[from] != from && into_of[from] != into) {
            coopnet_diag_add(merger->diags, COOPNET_DIAG_ERROR, path, decisions.lines[r],
                             "actor '%s' merged into '%s' here but into '%s' on line %llu",
                             bundle->actors[from].id, bundle->actors[into].id,
                             bundle->actors[into_of[from]].id,
                             (unsigned long long)merger->decided_on[from]);
        } else {
            into_of[from] = into;
            merger->decided_on[from] = decisions.lines[r];
        }
    }
    /* follow the chains; a chain longer than the actors is a cycle */
    for (size_t a = 0; a < bundle->n_actors; a++) {
        size_t end = a, steps = 0;
        while (into_of[end] != end && steps <= bundle->n_actors) {
            end = into_of[end];
            steps++;
        }
        if (steps > bundle->n_actors) {
            coopnet_diag_add(merger->diags, COOPNET_DIAG_ERROR, path, merger->decided_on[a],
                             "actor '%s' is merged in a circle (each actor of the circle merged "
                             "into the next): keep one of them",
                             bundle->actors[a].id);
            end = a;
        }
        merger->kept[a] = end;
    }
    free(into_of);
    table_destroy(&decisions);
    return COOPNET_OK;
}

/* Adds text to the '|'-separated aliases unless it is one of the actor's names already. */
static int add_alias(char **aliases, size_t *length, size_t *capacity, const coopnet_actor_t *kept,
                     const char *text)
{
    size_t n = strlen(text);
    while (n > 0 && text[0] == ' ') {
        text++;
        n--;
    }
    while (n > 0 && text[n - 1] == ' ')
        n--;
    if (n == 0)
        return COOPNET_OK;
    const char *names[3] = {kept->name, kept->name_fr, kept->name_ar};
    for (int k = 0; k < 3; k++)
        if (strlen(names[k]) == n && memcmp(names[k], text, n) == 0)
            return COOPNET_OK;
    for (const char *p = *aliases ? *aliases : ""; *p;) {
        size_t part = strcspn(p, "|;");
        const char *start = p;
        size_t part_length = part;
        while (part_length > 0 && *start == ' ') {
            start++;
            part_length--;
        }
        while (part_length > 0 && start[part_length - 1] == ' ')
            part_length--;
        if (part_length == n && memcmp(start, text, n) == 0)
            return COOPNET_OK;
        p += part + (p[part] != '\0');
    }
    if (coopnet_i_grow((void **)aliases, capacity, *length + n + 2, 1) != 0)
        return COOPNET_ENOMEM;
    if (*length > 0) { /* the separator the column already uses: '|', or "; " */
        bool semicolons = strchr(*aliases, ';') != NULL && strchr(*aliases, '|') == NULL;
        if (semicolons && coopnet_i_grow((void **)aliases, capacity, *length + n + 3, 1) != 0)
            return COOPNET_ENOMEM;
        (*aliases)[(*length)++] = semicolons ? ';' : '|';
        if (semicolons)
            (*aliases)[(*length)++] = ' ';
    }
    memcpy(*aliases + *length, text, n);
    *length += n;
    (*aliases)[*length] = '\0';
    return COOPNET_OK;
}

/* actors.csv: merged rows dropped, their names in the kept rows' aliases, empty values filled. */
static int merge_actors(merger_t *merger, table_t *actors, const char ***aliases_out,
                        bool *add_column, coopnet_error_t *err)
{
    const coopnet_bundle_t *bundle = merger->bundle;
    long id_column = table_column(actors, "id"), aliases_column = table_column(actors, "aliases");
    size_t *row_of = coopnet_i_alloc_array(bundle->n_actors + 1, sizeof *row_of);
    long *actor_of = coopnet_i_alloc_array(actors->n_rows + 1, sizeof *actor_of);
    const char **aliases = coopnet_i_alloc_array(actors->n_rows + 1, sizeof *aliases);
    int status = row_of && actor_of && aliases ? COOPNET_OK : COOPNET_ENOMEM;
    for (size_t a = 0; status == COOPNET_OK && a < bundle->n_actors; a++)
        row_of[a] = SIZE_MAX;
    for (size_t r = 0; status == COOPNET_OK && r < actors->n_rows; r++) {
        const char *id = table_cell(actors, r, id_column);
        const char *clean = trimmed(&merger->strings, id, strlen(id));
        actor_of[r] = clean ? coopnet_bundle_find_actor(bundle, clean) : -1;
        if (actor_of[r] >= 0 && row_of[actor_of[r]] == SIZE_MAX)
            row_of[actor_of[r]] = r;
        aliases[r] = table_cell(actors, r, aliases_column);
    }
    bool any = false;
    for (size_t r = 0; status == COOPNET_OK && r < actors->n_rows; r++) {
        if (actor_of[r] < 0 || merger->kept[actor_of[r]] == (size_t)actor_of[r])
            continue;
        size_t from = (size_t)actor_of[r], into = merger->kept[from];
        size_t into_row = row_of[into];
        if (into_row == SIZE_MAX)
            continue;
        any = true;
        actors->dropped[r] = true;
        const coopnet_actor_t *kept = &bundle->actors[into], *merged = &bundle->actors[from];
        char *text = NULL;
        size_t length = 0, capacity = 0;
        if (coopnet_i_grow((void **)&text, &capacity, strlen(aliases[into_row]) + 1, 1) != 0) {
            status = COOPNET_ENOMEM;
            break;
        }
        strcpy(text, aliases[into_row]);
        length = strlen(text);
        const char *spellings[3] = {merged->name, merged->name_fr, merged->name_ar};
        for (int k = 0; k < 3 && status == COOPNET_OK; k++)
            status = add_alias(&text, &length, &capacity, kept, spellings[k]);
        const char *old = table_cell(actors, r, aliases_column);
        for (const char *p = old; *p && status == COOPNET_OK;) {
            size_t part = strcspn(p, "|;");
            char *one = strndup(p, part);
            status = one ? add_alias(&text, &length, &capacity, kept, one) : COOPNET_ENOMEM;
            free(one);
            p += part + (p[part] != '\0');
        }
        if (status == COOPNET_OK &&
            (aliases[into_row] = coopnet_i_arena_strndup(&merger->strings, text, length)) == NULL)
            status = COOPNET_ENOMEM;
        free(text);
        fprintf(merger->merges,
                "  '%s' ('%s', actors.csv:%llu) into '%s' ('%s', actors.csv:%llu)"
                " (decision on line %llu); aliases of '%s' now: %s\n",
                merged->id, merged->name, (unsigned long long)actors->lines[r], kept->id,
                kept->name, (unsigned long long)actors->lines[into_row],
                (unsigned long long)merger->decided_on[from], kept->id,
                aliases[into_row][0] ? aliases[into_row] : "none");
        /* the other columns: fill what the kept row lacks, report what differs */
        for (size_t c = 0; c < actors->n_columns && status == COOPNET_OK; c++) {
            const char *name = actors->header[c];
            if ((long)c == id_column || (long)c == aliases_column || strcmp(name, "name") == 0)
                continue;
            const char *mine = table_cell(actors, into_row, (long)c);
            const char *theirs = table_cell(actors, r, (long)c);
            if (theirs[0] == '\0' || strcmp(mine, theirs) == 0)
                continue;
            if (mine[0] == '\0') {
                actors->cells[into_row * actors->n_columns + c] = theirs;
                fprintf(merger->values, "  '%s' column '%s': filled with '%s' from '%s'\n",
                        kept->id, name, theirs, merged->id);
            } else {
                fprintf(merger->values, "  '%s' column '%s': kept '%s' ('%s' had '%s')\n", kept->id,
                        name, mine, merged->id, theirs);
            }
        }
    }
    *add_column = any && aliases_column < 0;
    if (aliases_column >= 0)
        for (size_t r = 0; r < actors->n_rows; r++)
            actors->cells[r * actors->n_columns + (size_t)aliases_column] = aliases[r];
    free(row_of);
    free(actor_of);
    if (status != COOPNET_OK) {
        free(aliases);
        return COOPNET_ERROR(err, COOPNET_ENOMEM, "out of memory merging actors");
    }
    *aliases_out = aliases;
    return COOPNET_OK;
}

/* The id an actor cell is rewritten to, or NULL when the actor is kept. */
static const char *rewritten(merger_t *merger, const char *cell, long *actor)
{
    const char *clean = trimmed(&merger->strings, cell, strlen(cell));
    *actor = clean ? coopnet_bundle_find_actor(merger->bundle, clean) : -1;
    if (*actor < 0)
        return NULL;
    size_t kept = merger->kept[*actor];
    if (kept == (size_t)*actor)
        return NULL;
    *actor = (long)kept;
    return merger->bundle->actors[kept].id;
}

static bool specific_role(const char *role)
{
    return role[0] != '\0' && strcmp(role, "participant") != 0;
}

static int merge_participation(merger_t *merger, table_t *rows, coopnet_error_t *err)
{
    long event_column = table_column(rows, "event"), actor_column = table_column(rows, "actor");
    long role_column = table_column(rows, "role");
    coopnet_u64map_t seen;
    coopnet_i_u64map_init(&seen);
    int status = COOPNET_OK;
    size_t rewritten_rows = 0;
    for (size_t r = 0; r < rows->n_rows && status == COOPNET_OK; r++) {
        long actor;
        const char *id = rewritten(merger, table_cell(rows, r, actor_column), &actor);
        if (id != NULL) {
            rows->cells[r * rows->n_columns + (size_t)actor_column] = id;
            rewritten_rows++;
        }
        const char *event_text = table_cell(rows, r, event_column);
        const char *event_id = trimmed(&merger->strings, event_text, strlen(event_text));
        long event = event_id ? coopnet_bundle_find_event(merger->bundle, event_id) : -1;
        if (actor < 0 || event < 0)
            continue;
        int64_t first;
        if (coopnet_i_u64map_put(&seen, (uint64_t)event << 32 | (uint64_t)actor, (int64_t)r,
                                 &first) != 0) {
            status = COOPNET_ERROR(err, COOPNET_ENOMEM, "out of memory merging participations");
            break;
        }
        if (first < 0)
            continue;
        rows->dropped[r] = true;
        const char *first_role = table_cell(rows, (size_t)first, role_column);
        const char *role = table_cell(rows, r, role_column);
        const char *kept_role = first_role;
        if (!specific_role(first_role) && specific_role(role)) {
            rows->cells[(size_t)first * rows->n_columns + (size_t)role_column] = role;
            kept_role = role;
        }
        fprintf(merger->rows,
                "  '%s' at '%s' twice (participation.csv:%llu and :%llu): one row kept, role "
                "%s\n",
                merger->bundle->actors[actor].id, merger->bundle->events[event].id,
                (unsigned long long)rows->lines[first], (unsigned long long)rows->lines[r],
                kept_role[0] ? kept_role : "empty (participant)");
    }
    coopnet_i_u64map_destroy(&seen);
    fprintf(merger->rows, "  participation.csv: %zu row%s rewritten to the kept id\n",
            rewritten_rows, rewritten_rows == 1 ? "" : "s");
    return status;
}

static void merge_ties(merger_t *merger, table_t *ties)
{
    long from_column = table_column(ties, "from"), to_column = table_column(ties, "to");
    size_t rewritten_rows = 0;
    for (size_t r = 0; r < ties->n_rows; r++) {
        long ends[2];
        bool changed = false;
        long columns[2] = {from_column, to_column};
        for (int k = 0; k < 2; k++) {
            const char *id = rewritten(merger, table_cell(ties, r, columns[k]), &ends[k]);
            if (id != NULL) {
                ties->cells[r * ties->n_columns + (size_t)columns[k]] = id;
                changed = true;
            }
        }
        rewritten_rows += changed;
        if (ends[0] >= 0 && ends[0] == ends[1]) {
            ties->dropped[r] = true;
            fprintf(merger->rows, "  ties.csv:%llu joins '%s' to itself once merged: left out\n",
                    (unsigned long long)ties->lines[r], merger->bundle->actors[ends[0]].id);
        }
    }
    fprintf(merger->rows, "  ties.csv: %zu row%s rewritten to the kept ids\n", rewritten_rows,
            rewritten_rows == 1 ? "" : "s");
}

static bool same_directory(const char *a, const char *b)
{
    struct stat x, y;
    return stat(a, &x) == 0 && stat(b, &y) == 0 && x.st_dev == y.st_dev && x.st_ino == y.st_ino;
}

/* Writes the texts into directory (created when missing), all together. */
static int commit_files(const char *directory, char *const *texts, const size_t *sizes,
                        const char *const *names, size_t n, coopnet_error_t *err)
{
    struct stat info;
    bool created = false;
    if (stat(directory, &info) != 0) {
        if (mkdir(directory, 0777) != 0)
            return COOPNET_ERROR(err, COOPNET_EIO, "cannot create '%s': %s", directory,
                                 strerror(errno));
        created = true;
    } else if (!S_ISDIR(info.st_mode)) {
        return COOPNET_ERROR(err, COOPNET_EIO, "cannot write into '%s': not a directory",
                             directory);
    }
    coopnet_output_t *outputs[N_FILES + 1] = {NULL};
    size_t opened = 0;
    int status = COOPNET_OK;
    for (size_t f = 0; f < n && status == COOPNET_OK; f++) {
        if (texts[f] == NULL)
            continue;
        char *path = path_in(directory, names[f]);
        if (path == NULL) {
            status = COOPNET_ERROR(err, COOPNET_ENOMEM, "out of memory");
            break;
        }
        status = coopnet_output_open(path, &outputs[opened], err);
        if (status == COOPNET_OK &&
            fwrite(texts[f], 1, sizes[f], coopnet_output_stream(outputs[opened++])) != sizes[f])
            status =
                COOPNET_ERROR(err, COOPNET_EIO, "cannot write '%s': %s", path, strerror(errno));
        free(path);
    }
    if (status == COOPNET_OK)
        status = coopnet_output_commit_all(outputs, opened, err);
    else
        for (size_t f = 0; f < opened; f++)
            coopnet_output_abort(outputs[f]);
    if (status != COOPNET_OK && created)
        rmdir(directory);
    return status;
}

int coopnet_dedupe_apply(const char *bundle_directory, const char *decisions_path,
                         const char *output_directory, char **report, coopnet_diag_list_t *diags,
                         coopnet_error_t *err)
{
    if (report)
        *report = NULL;
    if (same_directory(bundle_directory, output_directory))
        return COOPNET_ERROR(err, COOPNET_EINVAL,
                             "'%s' is the bundle itself: write the merged bundle to another "
                             "directory, so that the original stays for comparison",
                             output_directory);
    merger_t merger;
    memset(&merger, 0, sizeof merger);
    merger.diags = diags;
    coopnet_i_arena_init(&merger.strings);
    table_t tables[N_FILES];
    memset(tables, 0, sizeof tables);
    char *texts[N_FILES + 1] = {NULL};
    size_t sizes[N_FILES + 1] = {0};
    const char **aliases = NULL;
    coopnet_bundle_t *bundle = NULL, *check = NULL;
    coopnet_diag_list_t check_diags;
    coopnet_diag_list_init(&check_diags);
    uint64_t errors_before = diags->n_errors;
    int status = coopnet_bundle_load(bundle_directory, diags, &bundle, err);
    if (status != COOPNET_OK)
        goto cleanup;
    merger.bundle = bundle;
    merger.kept = coopnet_i_alloc_array(bundle->n_actors + 1, sizeof *merger.kept);
    merger.decided_on = calloc(bundle->n_actors + 1, sizeof *merger.decided_on);
    merger.merges = open_memstream(&merger.merges_text, &merger.merges_size);
    merger.values = open_memstream(&merger.values_text, &merger.values_size);
    merger.rows = open_memstream(&merger.rows_text, &merger.rows_size);
    if (!merger.kept || !merger.decided_on || !merger.merges || !merger.values || !merger.rows) {
        status = COOPNET_ERROR(err, COOPNET_ENOMEM, "out of memory");
        goto cleanup;
    }
    if ((status = read_decisions(&merger, decisions_path, err)) != COOPNET_OK)
        goto cleanup;
    if (diags->n_errors > errors_before) {
        status =
            COOPNET_ERROR(err, COOPNET_EDATA,
                          "'%s': %llu error%s in the decisions; nothing "
                          "written",
                          decisions_path, (unsigned long long)(diags->n_errors - errors_before),
                          diags->n_errors - errors_before == 1 ? "" : "s");
        goto cleanup;
    }
    for (int f = 0; f < N_FILES && status == COOPNET_OK; f++) {
        char *path = path_in(bundle_directory, file_names[f]);
        if (path == NULL) {
            status = COOPNET_ERROR(err, COOPNET_ENOMEM, "out of memory");
            break;
        }
        if (f == F_EVENTS || f == F_SOURCES) { /* copied as they are */
            struct stat info;
            if (f == F_EVENTS || stat(path, &info) == 0)
                texts[f] = read_whole(path, &sizes[f], err);
            if (texts[f] == NULL && (f == F_EVENTS || stat(path, &info) == 0))
                status = err->code;
        } else {
            status = table_read(path, file_names[f], f == F_TIES, &merger.strings, &tables[f], err);
        }
        free(path);
    }
    if (status != COOPNET_OK)
        goto cleanup;
    bool add_column = false;
    if ((status = merge_actors(&merger, &tables[F_ACTORS], &aliases, &add_column, err)) !=
            COOPNET_OK ||
        (status = merge_participation(&merger, &tables[F_PARTICIPATION], err)) != COOPNET_OK)
        goto cleanup;
    if (tables[F_TIES].header != NULL)
        merge_ties(&merger, &tables[F_TIES]);
    if (table_write(&tables[F_ACTORS], add_column ? "aliases" : NULL, aliases, &texts[F_ACTORS],
                    &sizes[F_ACTORS]) != COOPNET_OK ||
        table_write(&tables[F_PARTICIPATION], NULL, NULL, &texts[F_PARTICIPATION],
                    &sizes[F_PARTICIPATION]) != COOPNET_OK ||
        (tables[F_TIES].header != NULL &&
         table_write(&tables[F_TIES], NULL, NULL, &texts[F_TIES], &sizes[F_TIES]) != COOPNET_OK)) {
        status = COOPNET_ERROR(err, COOPNET_ENOMEM, "out of memory writing the merged bundle");
        goto cleanup;
    }
    /* the result must load (its sources.csv aside: copied as it was) */
    status = coopnet_bundle_load_memory(
        texts[F_ACTORS], sizes[F_ACTORS], texts[F_EVENTS], sizes[F_EVENTS], texts[F_PARTICIPATION],
        sizes[F_PARTICIPATION], texts[F_TIES], sizes[F_TIES], &check_diags, &check, err);
    if (status != COOPNET_OK) {
        for (size_t i = 0; i < check_diags.n_items; i++)
            if (check_diags.items[i].severity == COOPNET_DIAG_ERROR)
                coopnet_diag_add(diags, COOPNET_DIAG_ERROR, check_diags.items[i].file,
                                 check_diags.items[i].line, "after merging: %s",
                                 check_diags.items[i].message);
        goto cleanup;
    }
    fclose(merger.merges);
    fclose(merger.values);
    fclose(merger.rows);
    merger.merges = merger.values = merger.rows = NULL;
    FILE *out = open_memstream(&texts[N_FILES], &sizes[N_FILES]);
    if (out == NULL) {
        status = COOPNET_ERROR(err, COOPNET_ENOMEM, "out of memory");
        goto cleanup;
    }
    fprintf(out, "coopnet dedupe %s --apply %s -o %s\n\n", bundle_directory, decisions_path,
            output_directory);
    fprintf(out, "actors: %zu -> %zu; participations: %zu -> %zu; ties: %zu -> %zu\n\n",
            bundle->n_actors, check->n_actors, bundle->n_participations, check->n_participations,
            bundle->n_ties, check->n_ties);
    fprintf(out, "merged (the first id kept):\n%s",
            merger.merges_size ? merger.merges_text : "  nothing\n");
    fprintf(out, "\nrows:\n%s", merger.rows_text ? merger.rows_text : "");
    fprintf(out, "\nvalues of the merged rows:\n%s",
            merger.values_size ? merger.values_text : "  nothing to fill, nothing different\n");
    if (fclose(out) != 0) {
        status = COOPNET_ERROR(err, COOPNET_ENOMEM, "out of memory");
        goto cleanup;
    }
    const char *names[N_FILES + 1] = {"actors.csv", "events.csv",  "participation.csv",
                                      "ties.csv",   "sources.csv", "dedupe-report.txt"};
    status = commit_files(output_directory, texts, sizes, names, N_FILES + 1, err);
    if (status == COOPNET_OK && report) {
        *report = texts[N_FILES];
        texts[N_FILES] = NULL;
    }

cleanup:
    if (merger.merges)
        fclose(merger.merges);
    if (merger.values)
        fclose(merger.values);
    if (merger.rows)
        fclose(merger.rows);
    free(merger.merges_text);
    free(merger.values_text);
    free(merger.rows_text);
    free(merger.kept);
    free(merger.decided_on);
    free(aliases);
    for (int f = 0; f < N_FILES; f++)
        table_destroy(&tables[f]);
    for (int f = 0; f <= N_FILES; f++)
        free(texts[f]);
    coopnet_bundle_free(check);
    coopnet_bundle_free(bundle);
    coopnet_diag_list_destroy(&check_diags);
    coopnet_i_arena_destroy(&merger.strings);
    return status;
}
