/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test_import.c - coopnet import: dates as typed, role words, types to levels, agreement words
 * (io/import_internal.h), and the library's error paths (coopnet/import.h). */
#include "testing.h"

#include "io/import_internal.h"
#include <coopnet/bundle.h>
#include <coopnet/import.h>

#include <stdlib.h>
#include <unistd.h>

/* The ISO text of a typed date, or "error: MESSAGE". */
static const char *typed(const char *text, coopnet_date_order_t order)
{
    static char result[300];
    coopnet_import_date_t date;
    char message[256], iso[11];
    if (coopnet_i_import_read_date(text, &date, message, sizeof message) != 0 ||
        coopnet_i_import_format_date(&date, order, iso, message, sizeof message) != 0) {
        snprintf(result, sizeof result, "error: %s", message);
        return result;
    }
    snprintf(result, sizeof result, "%s", iso);
    return result;
}

static void test_dates(void)
{
    coopnet_date_order_t dmy = COOPNET_DATE_ORDER_DMY, mdy = COOPNET_DATE_ORDER_MDY;
    coopnet_date_order_t unknown = COOPNET_DATE_ORDER_UNKNOWN;
    CHECK_STR(typed("2024", unknown), "2024");
    CHECK_STR(typed("2024-03", unknown), "2024-03");
    CHECK_STR(typed("2024-03-15", unknown), "2024-03-15");
    CHECK_STR(typed("2024/3/5", unknown), "2024-03-05");
    CHECK_STR(typed("15/03/2024", dmy), "2024-03-15");
    CHECK_STR(typed("15.03.2024", dmy), "2024-03-15");
    CHECK_STR(typed("03/15/2024", mdy), "2024-03-15");
    CHECK_STR(typed("03/04/2024", dmy), "2024-04-03");
    CHECK_STR(typed("03/04/2024", mdy), "2024-03-04");
    CHECK_STR(typed("03/2024", unknown), "2024-03");
    CHECK_STR(typed("March 2024", unknown), "2024-03");
    CHECK_STR(typed("mars 2024", unknown), "2024-03");
    CHECK_STR(typed("Février 2024", unknown), "2024-02");
    CHECK_STR(typed("15 mars 2024", unknown), "2024-03-15");
    CHECK_STR(typed("1er août 2024", unknown), "2024-08-01");
    CHECK_STR(typed("March 15, 2024", unknown), "2024-03-15");
    CHECK_STR(typed("Friday 15th March 2024", unknown), "2024-03-15");
    CHECK_STR(typed("15-Mar-2024", unknown), "2024-03-15");
    CHECK_STR(typed("29/02/2024", dmy), "2024-02-29");
    CHECK_STR(typed("03/04/2024", unknown), "error: day/month or month/day? give the date order");
    CHECK_STR(typed("29/02/2023", dmy), "error: no day 29 in 2023-02");
    CHECK_STR(typed("15/03/2024", mdy), "error: no month 15");
    CHECK_STR(typed("15/03/24", dmy),
              "error: cannot read date '15/03/24': a two-digit year; write the year in full");
    CHECK_STR(typed("45366", dmy),
              "error: cannot read date '45366': a spreadsheet's day number? format the column as "
              "a date (15/03/2024) before exporting");
    CHECK_CONTAINS(typed("next spring", dmy), "error: cannot read date 'next spring' (expected");
    CHECK_CONTAINS(typed("March", dmy), "error: cannot read date 'March'");
    CHECK_CONTAINS(typed("2024 2025", dmy), "error: cannot read date '2024 2025'");
    CHECK_CONTAINS(typed("0999", dmy), "year 999 outside 1000-9999");
}

static void test_vocabularies(void)
{
    CHECK_INT(coopnet_i_import_role("Speaker"), COOPNET_ROLE_PRESENTER);
    CHECK_INT(coopnet_i_import_role("panelist"), COOPNET_ROLE_PRESENTER);
    CHECK_INT(coopnet_i_import_role("Intervenant"), COOPNET_ROLE_PRESENTER);
    CHECK_INT(coopnet_i_import_role("Co-organiser"), COOPNET_ROLE_ORGANISER);
    CHECK_INT(coopnet_i_import_role("co-organisateur"), COOPNET_ROLE_ORGANISER);
    CHECK_INT(coopnet_i_import_role("Donor"), COOPNET_ROLE_FUNDER);
    CHECK_INT(coopnet_i_import_role("observer"), COOPNET_ROLE_PARTICIPANT);
    CHECK_INT(coopnet_i_import_role("Modérateur"), COOPNET_ROLE_FACILITATOR);
    CHECK_INT(coopnet_i_import_role("Hôte"), COOPNET_ROLE_HOST);
    CHECK_INT(coopnet_i_import_role("VIP"), -1);
    const char *phrase = NULL;
    CHECK_INT(coopnet_i_import_level("Municipality", &phrase), COOPNET_LEVEL_LOCAL);
    CHECK_INT(coopnet_i_import_level("commune", &phrase), COOPNET_LEVEL_LOCAL);
    CHECK_INT(coopnet_i_import_level("Governorate", &phrase), COOPNET_LEVEL_REGIONAL);
    CHECK_INT(coopnet_i_import_level("Province", &phrase), COOPNET_LEVEL_REGIONAL);
    CHECK_INT(coopnet_i_import_level("Ministère", &phrase), COOPNET_LEVEL_NATIONAL);
    CHECK_INT(coopnet_i_import_level("National committee", &phrase), COOPNET_LEVEL_NATIONAL);
    CHECK_STR(phrase, "national committee");
    CHECK_INT(coopnet_i_import_level("UN agency", &phrase), COOPNET_LEVEL_INTERNATIONAL);
    CHECK_INT(coopnet_i_import_level("International NGO", &phrase), COOPNET_LEVEL_INTERNATIONAL);
    CHECK_INT(coopnet_i_import_level("EU", &phrase), COOPNET_LEVEL_INTERNATIONAL);
    CHECK_INT(coopnet_i_import_level("Embassy", &phrase), COOPNET_LEVEL_INTERNATIONAL);
    CHECK_INT(coopnet_i_import_level("Ministry of the Interior", &phrase), COOPNET_LEVEL_NATIONAL);
    CHECK_INT(coopnet_i_import_level("NGO", &phrase), -1);
    CHECK_INT(coopnet_i_import_level("Cityscape Foundation", &phrase), -1); /* whole words */
    CHECK_STR(coopnet_i_import_tie_type("MoU"), "mou");
    CHECK_STR(coopnet_i_import_tie_type("Memorandum of Understanding"), "mou");
    CHECK_STR(coopnet_i_import_tie_type("Partenariat"), "partnership");
    CHECK_STR(coopnet_i_import_tie_type("technical_support"), "technical_support");
    CHECK(coopnet_i_import_tie_type("friendship") == NULL);
}

static void test_errors(void)
{
    coopnet_import_options_t options;
    coopnet_import_options_init(&options);
    coopnet_diag_list_t diags;
    coopnet_diag_list_init(&diags);
    coopnet_error_t err;
    char *report = (char *)"unset";
    char directory[] = "/tmp/coopnet-test-import-XXXXXX";
    CHECK(mkdtemp(directory) != NULL);
    rmdir(directory);
    options.map = "organisation";
    CHECK_INT(coopnet_import_attendance(COOPNET_SOURCE_DIR "/tests/data/import/attendance-fr.csv",
                                        directory, &options, &report, &diags, &err),
              COOPNET_EINVAL);
    CHECK_STR(err.message, "column mapping 'organisation' is not FIELD=HEADER");
    CHECK(report == NULL);
    CHECK(access(directory, F_OK) != 0);
    options.map = NULL;
    CHECK_INT(coopnet_import_attendance(COOPNET_SOURCE_DIR "/tests/data/import/bad-date.csv",
                                        directory, &options, &report, &diags, &err),
              COOPNET_EDATA);
    CHECK_INT(diags.n_errors, 2);
    CHECK_INT(diags.items[0].line, 4);
    CHECK(access(directory, F_OK) != 0);
    CHECK_INT(coopnet_import_attendance(COOPNET_SOURCE_DIR "/tests/data/import/none.csv", directory,
                                        &options, &report, &diags, &err),
              COOPNET_EIO);
    CHECK_INT(coopnet_import_attendance(COOPNET_SOURCE_DIR "/tests/data/import/attendance-tab.tsv",
                                        directory, &options, NULL, &diags, &err),
              COOPNET_OK);
    coopnet_bundle_t *bundle = NULL;
    CHECK_INT(coopnet_bundle_load(directory, &diags, &bundle, &err), COOPNET_OK);
    CHECK_INT(bundle ? bundle->n_actors : 0, 2);
    coopnet_bundle_free(bundle);
    const char *files[] = {"actors.csv", "events.csv", "participation.csv", "ties.csv",
                           "import-report.txt"};
    for (size_t f = 0; f < 5; f++) {
        char path[256];
        snprintf(path, sizeof path, "%s/%s", directory, files[f]);
        CHECK(unlink(path) == 0);
    }
    CHECK(rmdir(directory) == 0);
    coopnet_diag_list_destroy(&diags);
}

int main(void)
{
    TEST_RUN(test_dates);
    TEST_RUN(test_vocabularies);
    TEST_RUN(test_errors);
    return TEST_DONE();
}
