/* SPDX-License-Identifier: GPL-3.0-or-later */
/* l10n.h - the translated texts of figures and reports (GNU gettext); not installed.
 *
 * A public entry point that draws text enters a scope with the language its options ask for and
 * leaves it before returning; inside, _() and P_() give the texts of that language. Outside any
 * scope, and in English, they give the source text. How the switch works without a generated
 * locale: docs/translations.md.
 */
#ifndef COOPNET_L10N_H
#define COOPNET_L10N_H

#include "coopnet/lang.h"

#include <locale.h>

#define COOPNET_TEXT_DOMAIN "coopnet"

/* What coopnet_i_l10n_enter changed, to put back. */
typedef struct coopnet_l10n_scope {
    coopnet_lang_t previous_lang;
    coopnet_digits_t previous_digits;
    locale_t previous_locale; /* (locale_t)0: uselocale was not called */
    char *previous_language;  /* the LANGUAGE variable before (owned), NULL when unset */
    bool switched;            /* LANGUAGE was set by the scope */
} coopnet_l10n_scope_t;

/* Makes lang the language of the calling thread's texts until coopnet_i_l10n_leave(scope).
 * Scopes nest. Sets the LANGUAGE environment variable and the thread's LC_MESSAGES locale
 * (C.UTF-8) for French and Arabic, so it is not for a program whose other threads read the
 * environment at the same time. When no catalogue or no C.UTF-8 locale is found, texts stay
 * English. O(1) after the first call. */
void coopnet_i_l10n_enter(coopnet_lang_t lang, coopnet_digits_t digits,
                          coopnet_l10n_scope_t *scope);
void coopnet_i_l10n_leave(coopnet_l10n_scope_t *scope);

/* text with the numbers of the current scope, else NULL (nothing to change, or out of memory:
 * the text is then shown as it is): in Arabic when asked, Arabic-Indic digits, a '.' between
 * digits becoming the Arabic decimal separator and a '%' after one the Arabic percent sign; in
 * French, the decimal comma ("0.35" -> "0,35"; a run with two points, a version, stays). A digit
 * run touching a Latin letter ("G20", "Q1", "v2.1") is left as it is; markup: tags and entities
 * are left alone. The result is g_free'd by the caller. O(length). */
char *coopnet_i_l10n_digits(const char *text, int length, bool markup);

/* The digits the current scope asks for (Western outside any). */
coopnet_digits_t coopnet_i_l10n_digits_choice(void);

/* The language of the current scope (English outside any). */
coopnet_lang_t coopnet_i_l10n_lang(void);
bool coopnet_i_l10n_rtl(void);

/* The translation of text (or text itself), of text in context (C_), of the plural form for n. */
/* format_arg: a printf format given through them is checked against its arguments at build time */
const char *coopnet_i_gettext(const char *text) __attribute__((format_arg(1)));
const char *coopnet_i_pgettext(const char *context, const char *text)
    __attribute__((format_arg(2)));
const char *coopnet_i_ngettext(const char *singular, const char *plural, unsigned long n)
    __attribute__((format_arg(1))) __attribute__((format_arg(2)));

#define _(text) coopnet_i_gettext(text)
#define C_(context, text) coopnet_i_pgettext(context, text)
#define N_(text) (text)
#define NC_(context, text) (text) /* text in context, translated later by C_(context, text) */
#define P_(singular, plural, n) coopnet_i_ngettext(singular, plural, (unsigned long)(n))

#endif
