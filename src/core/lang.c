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

#include <glib.h>
#include <libintl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

extern int _nl_msg_cat_cntr; /* glibc: invalidates gettext's cache of translations */

static _Thread_local coopnet_lang_t current_lang = COOPNET_LANG_EN;
static _Thread_local coopnet_digits_t current_digits = COOPNET_DIGITS_LATIN;
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

int coopnet_digits_parse(const char *text, coopnet_digits_t *digits, coopnet_error_t *err)
{
    if (text != NULL && strcmp(text, "latin") == 0)
        *digits = COOPNET_DIGITS_LATIN;
    else if (text != NULL && strcmp(text, "arabic") == 0)
        *digits = COOPNET_DIGITS_ARABIC;
    else
        return COOPNET_ERROR(err, COOPNET_EINVAL, "unknown digits '%s': use latin or arabic",
                             text ? text : "");
    return COOPNET_OK;
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

void coopnet_i_l10n_enter(coopnet_lang_t lang, coopnet_digits_t digits, coopnet_l10n_scope_t *scope)
{
    memset(scope, 0, sizeof *scope);
    scope->previous_lang = current_lang;
    scope->previous_digits = current_digits;
    current_lang = lang;
    current_digits = digits;
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
    current_digits = scope->previous_digits;
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

static bool is_ascii_digit(char c)
{
    return c >= '0' && c <= '9';
}

static bool is_ascii_letter(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

/* The end of the run of digits and decimal points that starts at text[i]: "12.5", "0.1.0". */
static size_t digit_run_end(const char *text, size_t n, size_t i)
{
    size_t end = i;
    while (end < n && (is_ascii_digit(text[end]) ||
                       (text[end] == '.' && end + 1 < n && is_ascii_digit(text[end + 1]))))
        end++;
    return end;
}

/* French numbers: the decimal point of a number becomes a comma ("0.35" -> "0,35"). A run with
 * two points or more ("0.1.0", a version) and one touching a Latin letter ("v2.1") is left as it
 * is; markup tags and entities are never touched. NULL when nothing changes. */
static char *french_decimals(const char *text, size_t n, bool markup)
{
    char *out = NULL;
    bool in_tag = false, in_entity = false;
    for (size_t i = 0; i < n;) {
        char c = text[i];
        if (markup && (in_tag || in_entity || c == '<' || c == '&')) {
            in_tag = c == '<' ? true : c == '>' ? false : in_tag;
            in_entity = c == '&' ? true : c == ';' ? false : in_entity;
            i++;
            continue;
        }
        if (!is_ascii_digit(c)) {
            i++;
            continue;
        }
        size_t end = digit_run_end(text, n, i), points = 0, point = 0;
        for (size_t k = i; k < end; k++)
            if (text[k] == '.') {
                points++;
                point = k;
            }
        bool latin =
            (i > 0 && is_ascii_letter(text[i - 1])) || (end < n && is_ascii_letter(text[end]));
        if (points == 1 && !latin) {
            if (out == NULL && (out = g_try_malloc(n + 1)) != NULL) {
                memcpy(out, text, n);
                out[n] = '\0';
            }
            if (out == NULL)
                return NULL; /* out of memory: shown as it is */
            out[point] = ',';
        }
        i = end;
    }
    return out;
}

char *coopnet_i_l10n_digits(const char *text, int length, bool markup)
{
    if (text == NULL)
        return NULL;
    if (current_lang == COOPNET_LANG_FR)
        return french_decimals(text, length < 0 ? strlen(text) : (size_t)length, markup);
    if (current_lang != COOPNET_LANG_AR || current_digits != COOPNET_DIGITS_ARABIC)
        return NULL;
    size_t n = length < 0 ? strlen(text) : (size_t)length;
    bool any = false;
    for (size_t i = 0; i < n && !any; i++)
        any = is_ascii_digit(text[i]);
    if (!any)
        return NULL;
    /* a digit becomes two bytes, a separator two: at most twice as long */
    char *out = g_try_malloc(2 * n + 1);
    if (out == NULL)
        return NULL;
    size_t o = 0;
    bool in_tag = false, in_entity = false;
    for (size_t i = 0; i < n;) {
        char c = text[i];
        if (markup && (in_tag || in_entity || c == '<' || c == '&')) {
            if (c == '<')
                in_tag = true;
            else if (c == '&')
                in_entity = true;
            else if (c == '>')
                in_tag = false;
            else if (c == ';')
                in_entity = false;
            out[o++] = text[i++];
            continue;
        }
        if (!is_ascii_digit(c)) {
            out[o++] = text[i++];
            continue;
        }
        /* a run of digits and the separators inside it: "12.5", "62%" */
        size_t end = digit_run_end(text, n, i);
        bool latin =
            (i > 0 && is_ascii_letter(text[i - 1])) || (end < n && is_ascii_letter(text[end]));
        for (size_t k = i; k < end; k++) {
            if (latin) {
                out[o++] = text[k];
            } else if (text[k] == '.') { /* U+066B ARABIC DECIMAL SEPARATOR */
                out[o++] = (char)0xD9;
                out[o++] = (char)0xAB;
            } else { /* U+0660 + d: D9 A0 ... D9 A9 */
                out[o++] = (char)0xD9;
                out[o++] = (char)(0xA0 + (text[k] - '0'));
            }
        }
        if (!latin && end < n && text[end] == '%') { /* U+066A ARABIC PERCENT SIGN */
            out[o++] = (char)0xD9;
            out[o++] = (char)0xAA;
            end++;
        }
        i = end;
    }
    out[o] = '\0';
    return out;
}

coopnet_digits_t coopnet_i_l10n_digits_choice(void)
{
    return current_digits;
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
