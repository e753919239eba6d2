/* SPDX-License-Identifier: GPL-3.0-or-later */
/* diag.c - the list of validation errors and warnings (see coopnet/diag.h). */
#include "coopnet/diag.h"
#include "coopnet/text.h"
#include "core/internal.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void coopnet_diag_list_init(coopnet_diag_list_t *list)
{
    memset(list, 0, sizeof *list);
}

void coopnet_diag_list_keep_errors(coopnet_diag_list_t *list, size_t max_errors)
{
    list->keep_errors = max_errors == 0 ? SIZE_MAX : max_errors;
}

void coopnet_diag_list_destroy(coopnet_diag_list_t *list)
{
    if (list == NULL)
        return;
    for (size_t i = 0; i < list->n_items; i++) {
        free(list->items[i].file);
        free(list->items[i].message);
    }
    free(list->items);
    memset(list, 0, sizeof *list);
}

/* Counts a diagnostic of severity; returns whether the list keeps it (room under its bound, and
 * memory for one more item). */
static int admit(coopnet_diag_list_t *list, coopnet_diag_severity_t severity)
{
    size_t kept, keep = COOPNET_DIAG_KEEP;
    if (severity == COOPNET_DIAG_ERROR) {
        list->n_errors++;
        kept = list->kept_errors;
        if (list->keep_errors > 0)
            keep = list->keep_errors;
    } else {
        list->n_warnings++;
        kept = list->kept_warnings;
    }
    return kept < keep && coopnet_i_grow((void **)&list->items, &list->capacity, list->n_items + 1,
                                         sizeof *list->items) == COOPNET_OK;
}

static void keep_item(coopnet_diag_list_t *list)
{
    if (list->items[list->n_items++].severity == COOPNET_DIAG_ERROR)
        list->kept_errors++;
    else
        list->kept_warnings++;
}

void coopnet_diag_add(coopnet_diag_list_t *list, coopnet_diag_severity_t severity, const char *file,
                      uint64_t line, const char *format, ...)
{
    if (!admit(list, severity))
        return;

    char raw[COOPNET_ERROR_MESSAGE_SIZE], message[COOPNET_ERROR_MESSAGE_SIZE];
    va_list args;
    va_start(args, format);
    vsnprintf(raw, sizeof raw, format, args);
    va_end(args);
    coopnet_text_escape_controls(raw, message, sizeof message);

    coopnet_diag_t *diag = &list->items[list->n_items];
    diag->severity = severity;
    diag->line = line;
    char escaped_file[COOPNET_ERROR_MESSAGE_SIZE / 2]; /* a file name may come from the data */
    coopnet_text_escape_controls(file ? file : "", escaped_file, sizeof escaped_file);
    diag->file = strdup(escaped_file);
    diag->message = strdup(message);
    if (diag->file == NULL || diag->message == NULL) {
        free(diag->file);
        free(diag->message);
        return;
    }
    keep_item(list);
}

void coopnet_i_diag_list_take(coopnet_diag_list_t *list, coopnet_diag_t *item)
{
    if (!admit(list, item->severity)) {
        free(item->file);
        free(item->message);
    } else {
        list->items[list->n_items] = *item;
        keep_item(list);
    }
    item->file = item->message = NULL;
}

void coopnet_i_diag_list_count_dropped(coopnet_diag_list_t *list, const coopnet_diag_list_t *from)
{
    list->n_errors += from->n_errors - from->kept_errors;
    list->n_warnings += from->n_warnings - from->kept_warnings;
}

void coopnet_diag_format(const coopnet_diag_t *diag, char *buffer, size_t size)
{
    const char *severity = diag->severity == COOPNET_DIAG_ERROR ? "error" : "warning";
    if (diag->file[0] != '\0' && diag->line > 0)
        snprintf(buffer, size, "%s:%llu: %s: %s", diag->file, (unsigned long long)diag->line,
                 severity, diag->message);
    else if (diag->file[0] != '\0')
        snprintf(buffer, size, "%s: %s: %s", diag->file, severity, diag->message);
    else
        snprintf(buffer, size, "%s: %s", severity, diag->message);
}
