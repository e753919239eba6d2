/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test_names.c - names folded, keyed, made into ids and compared (core/names.h). */
#include "testing.h"

#include "core/names.h"

#include <glib.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define CHECK_OWNED(call, expected)                                                                \
    do {                                                                                           \
        char *owned_ = (call);                                                                     \
        CHECK_STR(owned_, expected);                                                               \
        free(owned_);                                                                              \
    } while (0)

static void test_fold(void)
{
    CHECK_OWNED(coopnet_i_names_fold("Municipalité de  Sousse"), "municipalite de sousse");
    CHECK_OWNED(coopnet_i_names_fold("  Ministère de l'Intérieur! "), "ministere de l interieur");
    CHECK_OWNED(coopnet_i_names_fold("STRASSE Œuvre Ærø Łódź"), "strasse oeuvre aero lodz");
    CHECK_OWNED(coopnet_i_names_fold("Straße"), "strasse");
    CHECK_OWNED(coopnet_i_names_fold("ＳＦＡＸ"), "sfax"); /* full-width letters */
    /* Arabic: hamza forms, ta marbuta, alif maqsura, tatweel and harakat unified */
    CHECK_OWNED(coopnet_i_names_fold("الأردن"), "الاردن");
    CHECK_OWNED(coopnet_i_names_fold("بلدية سوسة"), "بلديه سوسه");
    CHECK_OWNED(coopnet_i_names_fold("مـدينة"), "مدينه");
    CHECK_OWNED(coopnet_i_names_fold("مُوسَى"), "موسي");
    CHECK_OWNED(coopnet_i_names_fold(""), "");
    CHECK_OWNED(coopnet_i_names_fold("--"), "");
}

/* ASCII text folds without GLib: the same as through GLib's path, which a trailing "é" (NFKD "e"
 * and a mark) forces, for every printable and control ASCII byte in many mixes. */
static void test_fold_ascii_path(void)
{
    GRand *random = g_rand_new_with_seed(7);
    for (int round = 0; round < 2000; round++) {
        char text[40], with_accent[48], with_e[48];
        int length = g_rand_int_range(random, 0, 30);
        for (int i = 0; i < length; i++)
            text[i] = (char)(round < 127 && i == 0 ? round + 1 : g_rand_int_range(random, 1, 128));
        text[length] = '\0';
        snprintf(with_accent, sizeof with_accent, "%s\xc3\xa9", text);
        snprintf(with_e, sizeof with_e, "%se", text);
        char *through_glib = coopnet_i_names_fold(with_accent);
        char *ascii = coopnet_i_names_fold(with_e);
        CHECK(through_glib && ascii && strcmp(through_glib, ascii) == 0);
        free(through_glib);
        free(ascii);
    }
    g_rand_free(random);
}

static void test_key(void)
{
    const char *sousse[] = {
        "Municipality of Sousse", "Sousse Municipality", "Municipalité de Sousse", "sousse",
        "City of Sousse",         "Commune de Sousse",   "Ville de SOUSSE",        "بلدية Sousse"};
    for (size_t i = 0; i < sizeof sousse / sizeof sousse[0]; i++)
        CHECK_OWNED(coopnet_i_names_key(sousse[i], true), "sousse");
    CHECK_OWNED(coopnet_i_names_key("Municipality of Sousse", false), "municipality sousse");
    CHECK_OWNED(coopnet_i_names_key("Ministry of the Interior", true), "interior ministry");
    CHECK_OWNED(coopnet_i_names_key("Interior Ministry", true), "interior ministry");
    CHECK_OWNED(coopnet_i_names_key("Sousse Governorate", true), "governorate sousse");
    /* only generic words: kept, so that "City" stays a name */
    CHECK_OWNED(coopnet_i_names_key("The City", true), "city");
    CHECK_OWNED(coopnet_i_names_key("The", true), "the");
    CHECK_OWNED(coopnet_i_names_key("بلدية سوسة", true), "سوسه");
    CHECK_OWNED(coopnet_i_names_key("Tunis Tunis", true), "tunis");
}

static void test_slug(void)
{
    CHECK_OWNED(coopnet_i_names_slug("Municipality of Sousse", 40), "sousse");
    CHECK_OWNED(coopnet_i_names_slug("Ministère de l'Intérieur", 40), "ministere_interieur");
    CHECK_OWNED(coopnet_i_names_slug("Ville de Fès", 40), "fes");
    CHECK_OWNED(coopnet_i_names_slug("بلدية سوسة", 40), "sousa");
    CHECK_OWNED(coopnet_i_names_slug("تونس", 40), "touns");
    CHECK_OWNED(coopnet_i_names_slug("الرباط", 40), "alrbat");
    CHECK_OWNED(coopnet_i_names_slug("北京", 40), ""); /* nothing readable: the caller numbers it */
    CHECK_OWNED(coopnet_i_names_slug("Regional Workshop on Prevention", 19), "regional_workshop");
    CHECK_OWNED(coopnet_i_names_slug("Supercalifragilistic", 10), "supercalif");
}

static void test_distance(void)
{
    CHECK_INT(coopnet_i_names_distance("tataouine", "tatouine", 2), 1);
    CHECK_INT(coopnet_i_names_distance("sfax", "sfaks", 2), 2);
    CHECK_INT(coopnet_i_names_distance("sfax", "sfaks", 1), 2); /* over the limit: limit + 1 */
    CHECK_INT(coopnet_i_names_distance("abc", "abc", 0), 0);
    CHECK_INT(coopnet_i_names_distance("", "abc", 5), 3);
    CHECK_INT(coopnet_i_names_distance("سوسه", "سوسة", 2), 1); /* characters, not bytes */
    char long_a[200], long_b[200];
    memset(long_a, 'a', 199);
    memset(long_b, 'a', 199);
    long_a[199] = long_b[199] = '\0';
    long_b[100] = 'b';
    CHECK_INT(coopnet_i_names_distance(long_a, long_b, 3), 1);
    CHECK(coopnet_i_names_has_arabic("Sousse سوسة"));
    CHECK(!coopnet_i_names_has_arabic("Sousse"));
}

/* The NFC of a text, made piece by piece (linear time), equals GLib's NFC of the whole, on random
 * texts of ASCII, combining marks in any order, precomposed letters, Hangul jamo and Arabic
 * marks, with runs without ASCII longer than a piece. */
static void test_nfc_by_pieces(void)
{
    static const char *const atoms[] = {"a",      "e",      "S",      " ",      "x",
                                        "\u0301", "\u0327", "\u0308", "\u00e9", "\u1100",
                                        "\u1161", "\u11a8", "\uac00", "\u0645", "\u0651",
                                        "\u064e", "\u0b47", "\u0b3e", "\u0323", "\u212b"};
    unsigned long state = 7;
    int mismatches = 0;
    for (int k = 0; k < 400; k++) {
        GString *text = g_string_new(NULL);
        int count = k % 20 == 0 ? 3000 : 1 + k % 40;
        bool ascii_allowed = k % 3 != 0; /* a third without ASCII: long runs */
        for (int i = 0; i < count; i++) {
            state = state * 6364136223846793005UL + 1442695040888963407UL;
            size_t pick = (size_t)(state >> 33) % (sizeof atoms / sizeof *atoms);
            if (!ascii_allowed && (unsigned char)atoms[pick][0] < 0x80)
                pick = 6;
            g_string_append(text, atoms[pick]);
        }
        char *whole = g_utf8_normalize(text->str, (gssize)text->len, G_NORMALIZE_NFC);
        char *pieces = NULL;
        size_t length = 0;
        CHECK(coopnet_i_names_nfc(text->str, text->len, &pieces, &length));
        const char *got = pieces ? pieces : text->str;
        if (strlen(whole) != length || memcmp(whole, got, length) != 0)
            mismatches++;
        free(pieces);
        g_free(whole);
        g_string_free(text, TRUE);
    }
    CHECK_INT(mismatches, 0);
}

int main(void)
{
    TEST_RUN(test_fold);
    TEST_RUN(test_fold_ascii_path);
    TEST_RUN(test_key);
    TEST_RUN(test_slug);
    TEST_RUN(test_distance);
    TEST_RUN(test_nfc_by_pieces);
    return TEST_DONE();
}
