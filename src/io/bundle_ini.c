/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bundle_ini.c - the optional bundle.ini of a directory bundle: its title, subtitle, author and
 * date, read with GLib's GKeyFile (see io/loaders.h, docs/bundle-format.md). */
#include "io/loaders.h"
#include "model/bundle_internal.h"
#include "coopnet/diag.h"

#include <errno.h>
#include <glib.h>
#include <stdlib.h>
#include <string.h>

#define BUNDLE_INI "bundle.ini"
#define BUNDLE_GROUP "bundle"

/* The line of text where a key (or, with key NULL, the group "[group]") is written, 0 if not
 * found: GKeyFile keeps no line numbers. */
static uint64_t line_of(const char *text, const char *group, const char *key)
{
    uint64_t line = 1;
    bool in_group = false;
    for (const char *p = text; *p; line++) {
        const char *end = strchr(p, '\n');
        size_t length = end ? (size_t)(end - p) : strlen(p);
        while (length > 0 && (*p == ' ' || *p == '\t')) {
            p++;
            length--;
        }
        if (length > 0 && *p == '[') {
            const char *close = memchr(p, ']', length);
            in_group = close != NULL && (size_t)(close - p - 1) == strlen(group) &&
                       strncmp(p + 1, group, strlen(group)) == 0;
            if (in_group && key == NULL)
                return line;
        } else if (in_group && key != NULL && length > strlen(key) &&
                   strncmp(p, key, strlen(key)) == 0 && strchr(" \t=[", p[strlen(key)]) != NULL) {
            return line;
        }
        if (end == NULL)
            break;
        p = end + 1;
    }
    return 0;
}

int coopnet_i_bundle_read_ini(coopnet_bundle_t *bundle, const char *path,
                              coopnet_diag_list_t *diags)
{
    static const char *const known[] = {"title", "subtitle", "author", "date"};
    const char **fields[] = {&bundle->title, &bundle->subtitle, &bundle->author, &bundle->date};
    int status = COOPNET_OK;
    char *file = g_build_filename(path, BUNDLE_INI, NULL);
    char *text = NULL;
    gsize size = 0;
    GError *error = NULL;
    GKeyFile *ini = g_key_file_new();
    gchar **groups = NULL, **keys = NULL;
    if (!g_file_get_contents(file, &text, &size, &error)) {
        if (!g_error_matches(error, G_FILE_ERROR, G_FILE_ERROR_NOENT))
            coopnet_diag_add(diags, COOPNET_DIAG_ERROR, BUNDLE_INI, 0, "cannot read it: %s",
                             error->message);
        goto cleanup; /* bundle.ini is optional */
    }
    if (!g_utf8_validate(text, (gssize)size, NULL)) {
        coopnet_diag_add(diags, COOPNET_DIAG_ERROR, BUNDLE_INI, 0, "not valid UTF-8 text");
        goto cleanup;
    }
    if (!g_key_file_load_from_data(ini, text, size, G_KEY_FILE_KEEP_TRANSLATIONS, &error)) {
        /* GLib's message names the line: "Key file contains line “x” which is not ..." */
        coopnet_diag_add(diags, COOPNET_DIAG_ERROR, BUNDLE_INI, 0, "%s", error->message);
        goto cleanup;
    }
    groups = g_key_file_get_groups(ini, NULL);
    for (gchar **group = groups; *group; group++)
        if (strcmp(*group, BUNDLE_GROUP) != 0)
            coopnet_diag_add(diags, COOPNET_DIAG_WARNING, BUNDLE_INI, line_of(text, *group, NULL),
                             "unknown group '[%s]' ignored (the keys go under [" BUNDLE_GROUP "])",
                             *group);
    keys = g_key_file_get_keys(ini, BUNDLE_GROUP, NULL,
                               NULL); /* with "title[fr]" (KEEP_TRANSLATIONS) */
    static const char *const localised[] = {"title[fr]", "title[ar]"};
    for (size_t l = 0; l < 2; l++) {
        char *value = g_key_file_get_string(ini, BUNDLE_GROUP, localised[l], NULL);
        char *stripped = value ? g_strstrip(value) : NULL;
        if (stripped != NULL && stripped[0] != '\0') {
            const char **field = l == 0 ? &bundle->title_fr : &bundle->title_ar;
            *field =
                coopnet_i_arena_strndup(&bundle->internal->strings, stripped, strlen(stripped));
            if (*field == NULL)
                status = COOPNET_ENOMEM;
        }
        g_free(value);
    }
    for (gchar **key = keys; key && *key; key++) {
        size_t k = 0;
        while (k < sizeof known / sizeof known[0] && strcmp(*key, known[k]) != 0)
            k++;
        if (strcmp(*key, "title[fr]") == 0 || strcmp(*key, "title[ar]") == 0)
            continue; /* read above */
        if (k == sizeof known / sizeof known[0]) {
            coopnet_diag_add(diags, COOPNET_DIAG_WARNING, BUNDLE_INI,
                             line_of(text, BUNDLE_GROUP, *key),
                             "unknown key '%s' ignored (known: title, title[fr], title[ar], "
                             "subtitle, author, date)",
                             *key);
            continue;
        }
        char *value = g_key_file_get_string(ini, BUNDLE_GROUP, *key, NULL);
        char *stripped = value ? g_strstrip(value) : NULL;
        if (stripped != NULL && stripped[0] != '\0') {
            *fields[k] =
                coopnet_i_arena_strndup(&bundle->internal->strings, stripped, strlen(stripped));
            if (*fields[k] == NULL)
                status = COOPNET_ENOMEM;
        }
        g_free(value);
    }
cleanup:
    g_strfreev(keys);
    g_strfreev(groups);
    g_key_file_free(ini);
    if (error != NULL)
        g_error_free(error);
    g_free(text);
    g_free(file);
    return status;
}
