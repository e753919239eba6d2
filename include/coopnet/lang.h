/* SPDX-License-Identifier: GPL-3.0-or-later */
/* coopnet/lang.h - the language of figures and reports: English, French or Arabic.
 *
 * The fixed texts of figures and reports (legends, axes, titles, captions, headings, sentences,
 * month names) come from GNU gettext catalogues (po/fr.po, po/ar.po) compiled at build time and
 * looked up in the build tree, then under the install prefix (share/locale), or in the directory
 * named by the COOPNET_LOCALEDIR environment variable. The language is an option of each call,
 * not the user's locale: it works in the C locale and on a system with no generated locale but
 * C.UTF-8 (docs/translations.md). Arabic figures and reports are laid out right to left; numbers
 * keep Western digits, as is common in the Maghreb, unless Arabic-Indic digits are asked for.
 */
#ifndef COOPNET_LANG_H
#define COOPNET_LANG_H

#include "coopnet/api.h"
#include "coopnet/error.h"

#include <stdbool.h>

#ifdef __cplusplus
extern "C" {
#endif

typedef enum {
    COOPNET_LANG_EN = 0, /* the default: the texts as written in the source */
    COOPNET_LANG_FR,
    COOPNET_LANG_AR /* right to left */
} coopnet_lang_t;

/* The digits numbers are written with in figures and reports: Western (0-9, the default, as in
 * Maghreb administrations and widely read in the Mashreq) or Arabic-Indic (U+0660-U+0669, with
 * the Arabic decimal separator and percent sign). Arabic-Indic digits apply to Arabic texts only
 * (--lang ar); data files (--data) keep Western digits. */
typedef enum { COOPNET_DIGITS_LATIN = 0, COOPNET_DIGITS_ARABIC } coopnet_digits_t;

/* Parses "latin" or "arabic"; EINVAL naming the value otherwise. */
COOPNET_API int coopnet_digits_parse(const char *text, coopnet_digits_t *digits,
                                     coopnet_error_t *err);

/* Parses "en", "fr" or "ar"; EINVAL naming the value otherwise. */
COOPNET_API int coopnet_lang_parse(const char *text, coopnet_lang_t *lang, coopnet_error_t *err);

/* The code of lang: "en", "fr" or "ar". */
COOPNET_API const char *coopnet_lang_code(coopnet_lang_t lang);

/* True for the languages written right to left (Arabic). */
COOPNET_API bool coopnet_lang_is_rtl(coopnet_lang_t lang);

#ifdef __cplusplus
}
#endif
#endif
