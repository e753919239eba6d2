/* SPDX-License-Identifier: GPL-3.0-or-later */
/* lang.c - the language of figures and reports (see coopnet/lang.h and core/l10n.h).
 *
 * glibc's gettext picks a catalogue from the thread's LC_MESSAGES locale, or from the LANGUAGE
 * variable when that locale is not "C". A fresh Debian 12 system has no fr_FR or ar locale
 * generated, only C.UTF-8, and the report's language is an option, not the user's locale; so a
 * scope switches the thread to C.UTF-8 for messages only (uselocale), names the language in
 * LANGUAGE and bumps _nl_msg_cat_cntr, as the GNU gettext manual says to do when the language
 * changes at run time. Numbers stay formatted in the C locale.
 */
#define _GNU_SOURCE /* uselocale, newlocale */
#include "core/l10n.h"

#include "core/internal.h"

#include <libintl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

extern int _nl_msg_cat_cntr; /* glibc: invalidates gettext's cache of translations */

static _Thread_local coopnet_lang_t current_lang = COOPNET_LANG_EN;
static locale_t messages_locale = (locale_t)0;
static bool catalogue_ready = false, catalogue_tried = false;

int coopnet_lang_parse(const char *text, coopnet_lang_t *lang, coopnet_error_t *err)
{
    static const char *const codes[] = {"en", "fr", "ar"};
    for (size_t i = 0; text != NULL && i < sizeof codes / sizeof codes[0]; i++) {
        if (strcmp(text, codes[i]) == 0) {
            *lang = (coopnet_lang_t)i;
            return COOPNET_OK;
        }
    }
    return COOPNET_ERROR(err, COOPNET_EINVAL, "unknown language '%s': use en, fr or ar",
                         text ? text : "");
}

const char *coopnet_lang_code(coopnet_lang_t lang)
{
    return lang == COOPNET_LANG_FR ? "fr" : lang == COOPNET_LANG_AR ? "ar" : "en";
}

bool coopnet_lang_is_rtl(coopnet_lang_t lang)
{
    return lang == COOPNET_LANG_AR;
}

static bool has_catalogue(const char *directory)
{
    if (directory == NULL || directory[0] == '\0')
        return false;
    char path[4096];
    struct stat info;
    snprintf(path, sizeof path, "%s/fr/LC_MESSAGES/%s.mo", directory, COOPNET_TEXT_DOMAIN);
    return stat(path, &info) == 0;
}

/* The catalogues: $COOPNET_LOCALEDIR, the build tree's, the install prefix's. */
static bool catalogue_bind(void)
{
    if (catalogue_tried)
        return catalogue_ready;
    catalogue_tried = true;
    const char *candidates[] = {getenv("COOPNET_LOCALEDIR"),
#ifdef COOPNET_BUILD_LOCALEDIR
                                COOPNET_BUILD_LOCALEDIR,
#endif
#ifdef COOPNET_INSTALL_LOCALEDIR
                                COOPNET_INSTALL_LOCALEDIR,
#endif
                                NULL};
    const char *directory = NULL;
    for (size_t i = 0; directory == NULL && i < sizeof candidates / sizeof candidates[0]; i++)
        if (has_catalogue(candidates[i]))
            directory = candidates[i];
    if (directory == NULL)
        return false;
    if (bindtextdomain(COOPNET_TEXT_DOMAIN, directory) == NULL ||
        bind_textdomain_codeset(COOPNET_TEXT_DOMAIN, "UTF-8") == NULL)
        return false;
    messages_locale = newlocale(LC_MESSAGES_MASK, "C.UTF-8", (locale_t)0);
    if (messages_locale == (locale_t)0)
        messages_locale = newlocale(LC_MESSAGES_MASK, "C.utf8", (locale_t)0);
    catalogue_ready = messages_locale != (locale_t)0;
    return catalogue_ready;
}

void coopnet_i_l10n_enter(coopnet_lang_t lang, coopnet_l10n_scope_t *scope)
{
    memset(scope, 0, sizeof *scope);
    scope->previous_lang = current_lang;
    current_lang = lang;
    if (lang == COOPNET_LANG_EN || !catalogue_bind())
        return; /* English is the source text: no lookup at all */
    const char *previous = getenv("LANGUAGE");
    scope->previous_language = previous ? strdup(previous) : NULL;
    scope->previous_locale = uselocale(messages_locale);
    setenv("LANGUAGE", coopnet_lang_code(lang), 1);
    ++_nl_msg_cat_cntr;
    scope->switched = true;
}

void coopnet_i_l10n_leave(coopnet_l10n_scope_t *scope)
{
    current_lang = scope->previous_lang;
    if (!scope->switched)
        return;
    if (scope->previous_language != NULL)
        setenv("LANGUAGE", scope->previous_language, 1);
    else
        unsetenv("LANGUAGE");
    ++_nl_msg_cat_cntr;
    uselocale(scope->previous_locale);
    free(scope->previous_language);
    memset(scope, 0, sizeof *scope);
}

coopnet_lang_t coopnet_i_l10n_lang(void)
{
    return current_lang;
}

bool coopnet_i_l10n_rtl(void)
{
    return coopnet_lang_is_rtl(current_lang);
}

const char *coopnet_i_gettext(const char *text)
{
    if (current_lang == COOPNET_LANG_EN || !catalogue_ready)
        return text;
    return dgettext(COOPNET_TEXT_DOMAIN, text);
}

const char *coopnet_i_pgettext(const char *context, const char *text)
{
    if (current_lang == COOPNET_LANG_EN || !catalogue_ready)
        return text;
    char key[512];
    int length = snprintf(key, sizeof key, "%s\004%s", context, text);
    if (length < 0 || (size_t)length >= sizeof key)
        return text;
    const char *translation = dgettext(COOPNET_TEXT_DOMAIN, key);
    return translation == key ? text : translation;
}

const char *coopnet_i_ngettext(const char *singular, const char *plural, unsigned long n)
{
    if (current_lang == COOPNET_LANG_EN || !catalogue_ready)
        return n == 1 ? singular : plural;
    return dngettext(COOPNET_TEXT_DOMAIN, singular, plural, n);
}
