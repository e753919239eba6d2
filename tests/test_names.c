/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test_names.c - names folded, keyed, made into ids and compared (core/names.h). */
#include "testing.h"

#include "core/names.h"

#include <stdlib.h>

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

int main(void)
{
    TEST_RUN(test_fold);
    TEST_RUN(test_key);
    TEST_RUN(test_slug);
    TEST_RUN(test_distance);
    return TEST_DONE();
}
