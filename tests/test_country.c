/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test_country.c - country names to ISO 3166-1 codes (coopnet_country_from_name), every entry of
 * the table. */
#include "testing.h"

#include "model/bundle_internal.h"
#include <coopnet/bundle.h>

typedef struct country_name_row {
    const char *code, *alpha3, *english, *french, *arabic;
} country_name_row_t;
typedef struct country_alias_row {
    const char *code, *name;
} country_alias_row_t;
#include "model/country_names.inc"

static void check_name(const char *name, const char *expected)
{
    char code[3] = "";
    if (!coopnet_country_from_name(name, code) || strcmp(code, expected) != 0) {
        fprintf(stderr, "country '%s' gives '%s', expected %s\n", name, code, expected);
        testing_checks_failed++;
    }
}

static void test_every_entry(void)
{
    size_t n_countries = sizeof country_names / sizeof country_names[0];
    CHECK_INT(n_countries, 249);
    for (size_t i = 0; i < n_countries; i++) {
        const country_name_row_t *row = &country_names[i];
        CHECK(coopnet_country_is_valid(row->code));
        check_name(row->code, row->code);
        check_name(row->alpha3, row->code);
        check_name(row->english, row->code);
        check_name(row->french, row->code);
        check_name(row->arabic, row->code);
    }
    for (size_t i = 0; i < sizeof country_aliases / sizeof country_aliases[0]; i++) {
        CHECK(coopnet_country_is_valid(country_aliases[i].code));
        check_name(country_aliases[i].name, country_aliases[i].code);
    }
}

static void test_typed_names(void)
{
    check_name("jordan", "JO");
    check_name("JORDANIE", "JO");
    check_name("la Tunisie", "TN");
    check_name("  Maroc ", "MA");
    check_name("the Netherlands", "NL");
    check_name("UK", "GB");
    check_name("Etats-Unis", "US");
    check_name("Côte d’Ivoire", "CI");
    check_name("العراق", "IQ");
    check_name("ليبيا", "LY");
    char code[3] = "";
    CHECK(!coopnet_country_from_name("Atlantis", code));
    CHECK(!coopnet_country_from_name("", code));
    CHECK(!coopnet_country_from_name("Jordon", code)); /* not a guess */
    CHECK(coopnet_i_country_suggest("Jordon", code));  /* but a suggestion */
    CHECK_STR(code, "JO");
    CHECK(coopnet_i_country_suggest("Tunisa", code));
    CHECK_STR(code, "TN");
    CHECK(!coopnet_i_country_suggest("XX", code));
}

/* The ISO names the report falls back on, in its three languages. */
static void test_iso_names(void)
{
    CHECK_STR(coopnet_i_country_iso_name("MR", COOPNET_LANG_EN), "Mauritania");
    CHECK_STR(coopnet_i_country_iso_name("MR", COOPNET_LANG_FR), "Mauritanie");
    CHECK_STR(coopnet_i_country_iso_name("MR", COOPNET_LANG_AR), "موريتانيا");
    CHECK_STR(coopnet_i_country_iso_name("SD", COOPNET_LANG_EN), "Sudan");
    CHECK(coopnet_i_country_iso_name("XX", COOPNET_LANG_EN) == NULL);
    CHECK(coopnet_i_country_iso_name("", COOPNET_LANG_FR) == NULL);
}

int main(void)
{
    TEST_RUN(test_every_entry);
    TEST_RUN(test_typed_names);
    TEST_RUN(test_iso_names);
    return TEST_DONE();
}
