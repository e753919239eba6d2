/* SPDX-License-Identifier: GPL-3.0-or-later */
/* import_values.c - dates as people type them, role words, organisation types and agreement
 * types for coopnet import (see io/import_internal.h). Words are compared folded (core/names.h):
 * case, accents and punctuation do not matter. */
#include "io/import_internal.h"
#include "core/names.h"
#include "coopnet/bundle.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ---- dates ----------------------------------------------------------------------------------- */

static const struct {
    const char *word; /* folded */
    int month;
} month_words[] = {
    {"january", 1},   {"jan", 1},       {"janvier", 1},   {"janv", 1},      {"february", 2},
    {"feb", 2},       {"fevrier", 2},   {"fevr", 2},      {"fev", 2},       {"march", 3},
    {"mar", 3},       {"mars", 3},      {"april", 4},     {"apr", 4},       {"avril", 4},
    {"avr", 4},       {"may", 5},       {"mai", 5},       {"june", 6},      {"jun", 6},
    {"juin", 6},      {"july", 7},      {"jul", 7},       {"juillet", 7},   {"juil", 7},
    {"august", 8},    {"aug", 8},       {"aout", 8},      {"september", 9}, {"sep", 9},
    {"sept", 9},      {"septembre", 9}, {"october", 10},  {"oct", 10},      {"octobre", 10},
    {"november", 11}, {"nov", 11},      {"novembre", 11}, {"december", 12}, {"dec", 12},
    {"decembre", 12}};

/* Words that may stand in a date without changing it ("Friday 15 March 2024", "le 15 mars"). */
static const char *const date_filler[] = {
    "the",      "of",       "le",       "monday", "tuesday", "wednesday", "thursday",
    "friday",   "saturday", "sunday",   "lundi",  "mardi",   "mercredi",  "jeudi",
    "vendredi", "samedi",   "dimanche", "mon",    "tue",     "wed",       "thu",
    "fri",      "sat",      "sun",      NULL};

static int month_of_word(const char *word)
{
    for (size_t i = 0; i < sizeof month_words / sizeof month_words[0]; i++)
        if (strcmp(word, month_words[i].word) == 0)
            return month_words[i].month;
    return 0;
}

static bool all_digits(const char *word)
{
    if (*word == '\0')
        return false;
    for (const char *p = word; *p; p++)
        if (!isdigit((unsigned char)*p))
            return false;
    return true;
}

/* A day number with an ordinal ending: 1er, 1st, 2nd, 3rd, 15th, 2e. */
static int ordinal_day(const char *word)
{
    char *end;
    long value = strtol(word, &end, 10);
    if (end == word || value < 1 || value > 31)
        return 0;
    if (*end == '\0' || strcmp(end, "er") == 0 || strcmp(end, "st") == 0 ||
        strcmp(end, "nd") == 0 || strcmp(end, "rd") == 0 || strcmp(end, "th") == 0 ||
        strcmp(end, "e") == 0)
        return (int)value;
    return 0;
}

static int days_in_month(int year, int month)
{
    static const int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    return month == 2 && leap ? 29 : days[month - 1];
}

/* Reads the words of an all-numeric date. */
static int read_numeric_date(char **words, size_t n_words, const char *text,
                             coopnet_import_date_t *date, char *message, size_t size)
{
    size_t lengths[3] = {0};
    for (size_t i = 0; i < n_words; i++)
        lengths[i] = strlen(words[i]);
    int numbers[3] = {0};
    for (size_t i = 0; i < n_words; i++)
        numbers[i] = lengths[i] <= 4 ? atoi(words[i]) : 0;
    if (n_words == 1 && lengths[0] == 4) {
        date->year = numbers[0];
        return 0;
    }
    if (n_words == 1 && lengths[0] == 5) {
        snprintf(message, size,
                 "cannot read date '%s': a spreadsheet's day number? format the column as a date "
                 "(15/03/2024) before exporting",
                 text);
        return -1;
    }
    if (n_words == 2 && lengths[0] == 4 && lengths[1] <= 2) { /* 2024-03 */
        date->year = numbers[0];
        date->month = numbers[1];
        return 0;
    }
    if (n_words == 2 && lengths[0] <= 2 && lengths[1] == 4) { /* 03/2024 */
        date->year = numbers[1];
        date->month = numbers[0];
        return 0;
    }
    if (n_words == 3 && lengths[0] == 4 && lengths[1] <= 2 && lengths[2] <= 2) { /* 2024-03-15 */
        date->year = numbers[0];
        date->month = numbers[1];
        date->day = numbers[2];
        return 0;
    }
    if (n_words == 3 && lengths[0] <= 2 && lengths[1] <= 2 && lengths[2] == 4) { /* 15/03/2024 */
        date->year = numbers[2];
        date->numeric_pair = true;
        date->first = numbers[0];
        date->second = numbers[1];
        return 0;
    }
    if (n_words == 3 && lengths[0] <= 2 && lengths[1] <= 2 && lengths[2] == 2) {
        snprintf(message, size, "cannot read date '%s': a two-digit year; write the year in full",
                 text);
        return -1;
    }
    snprintf(message, size,
             "cannot read date '%s' (expected a form such as 15/03/2024, 2024-03-15, "
             "March 2024 or 2024)",
             text);
    return -1;
}

int coopnet_i_import_read_date(const char *text, coopnet_import_date_t *date, char *message,
                               size_t size)
{
    memset(date, 0, sizeof *date);
    char *folded = coopnet_i_names_fold(text);
    if (folded == NULL) {
        snprintf(message, size, "out of memory");
        return -1;
    }
    char *words[8];
    size_t n_words = 0;
    bool numeric = true, too_many = false;
    char *state = NULL;
    for (char *word = strtok_r(folded, " ", &state); word; word = strtok_r(NULL, " ", &state)) {
        bool filler = false;
        for (size_t i = 0; date_filler[i]; i++)
            filler = filler || strcmp(word, date_filler[i]) == 0;
        if (filler)
            continue;
        if (n_words == 3) {
            too_many = true;
            break;
        }
        numeric = numeric && all_digits(word);
        words[n_words++] = word;
    }
    int status = -1;
    if (n_words == 0 || too_many) {
        snprintf(message, size,
                 "cannot read date '%s' (expected a form such as 15/03/2024, 2024-03-15, "
                 "March 2024 or 2024)",
                 text);
    } else if (numeric) {
        status = read_numeric_date(words, n_words, text, date, message, size);
    } else {
        /* words: one month, one four-digit year, at most one day */
        int month = 0, year = 0, day = 0;
        bool bad = false;
        for (size_t i = 0; i < n_words; i++) {
            int word_month = month_of_word(words[i]);
            if (word_month && !month)
                month = word_month;
            else if (all_digits(words[i]) && strlen(words[i]) == 4 && !year)
                year = atoi(words[i]);
            else if (ordinal_day(words[i]) && !day)
                day = ordinal_day(words[i]);
            else
                bad = true;
        }
        if (bad || !month || !year) {
            snprintf(message, size,
                     "cannot read date '%s' (expected a form such as 15/03/2024, 2024-03-15, "
                     "March 2024 or 2024)",
                     text);
        } else {
            date->year = year;
            date->month = month;
            date->day = day;
            status = 0;
        }
    }
    free(folded);
    if (status == 0 && (date->year < 1000 || date->year > 9999)) {
        snprintf(message, size, "cannot read date '%s': year %d outside 1000-9999", text,
                 date->year);
        status = -1;
    }
    return status;
}

int coopnet_i_import_format_date(const coopnet_import_date_t *date, coopnet_date_order_t order,
                                 char iso[11], char *message, size_t size)
{
    int year = date->year, month = date->month, day = date->day;
    if (date->numeric_pair) {
        if (order == COOPNET_DATE_ORDER_UNKNOWN) {
            snprintf(message, size, "day/month or month/day? give the date order");
            return -1;
        }
        day = order == COOPNET_DATE_ORDER_DMY ? date->first : date->second;
        month = order == COOPNET_DATE_ORDER_DMY ? date->second : date->first;
    }
    if (month < 0 || month > 12 || (month == 0 && day != 0)) {
        snprintf(message, size, "no month %d", month);
        return -1;
    }
    if (day < 0 || (month > 0 && day > days_in_month(year, month))) {
        snprintf(message, size, "no day %d in %04d-%02d", day, year, month);
        return -1;
    }
    if (month == 0)
        snprintf(iso, 11, "%04d", year);
    else if (day == 0)
        snprintf(iso, 11, "%04d-%02d", year, month);
    else
        snprintf(iso, 11, "%04d-%02d-%02d", year, month, day);
    return 0;
}

/* ---- vocabularies ---------------------------------------------------------------------------- */

/* Looks up the folded text in a table of folded phrases. */
#define LOOKUP(table, folded, result)                                                              \
    for (size_t i_ = 0; i_ < sizeof(table) / sizeof((table)[0]); i_++)                             \
        if (strcmp((folded), (table)[i_].word) == 0) {                                             \
            result = (table)[i_].value;                                                            \
            break;                                                                                 \
        }

static const struct {
    const char *word;
    int value;
} role_words[] = {{"participant", COOPNET_ROLE_PARTICIPANT},
                  {"participante", COOPNET_ROLE_PARTICIPANT},
                  {"attendee", COOPNET_ROLE_PARTICIPANT},
                  {"observer", COOPNET_ROLE_PARTICIPANT},
                  {"observateur", COOPNET_ROLE_PARTICIPANT},
                  {"observatrice", COOPNET_ROLE_PARTICIPANT},
                  {"delegate", COOPNET_ROLE_PARTICIPANT},
                  {"delegue", COOPNET_ROLE_PARTICIPANT},
                  {"guest", COOPNET_ROLE_PARTICIPANT},
                  {"invite", COOPNET_ROLE_PARTICIPANT},
                  {"member", COOPNET_ROLE_PARTICIPANT},
                  {"membre", COOPNET_ROLE_PARTICIPANT},
                  {"host", COOPNET_ROLE_HOST},
                  {"co host", COOPNET_ROLE_HOST},
                  {"cohost", COOPNET_ROLE_HOST},
                  {"hote", COOPNET_ROLE_HOST},
                  {"host city", COOPNET_ROLE_HOST},
                  {"ville hote", COOPNET_ROLE_HOST},
                  {"organiser", COOPNET_ROLE_ORGANISER},
                  {"organizer", COOPNET_ROLE_ORGANISER},
                  {"co organiser", COOPNET_ROLE_ORGANISER},
                  {"co organizer", COOPNET_ROLE_ORGANISER},
                  {"coorganiser", COOPNET_ROLE_ORGANISER},
                  {"coorganizer", COOPNET_ROLE_ORGANISER},
                  {"organisateur", COOPNET_ROLE_ORGANISER},
                  {"co organisateur", COOPNET_ROLE_ORGANISER},
                  {"coorganisateur", COOPNET_ROLE_ORGANISER},
                  {"organisatrice", COOPNET_ROLE_ORGANISER},
                  {"convener", COOPNET_ROLE_ORGANISER},
                  {"convenor", COOPNET_ROLE_ORGANISER},
                  {"presenter", COOPNET_ROLE_PRESENTER},
                  {"speaker", COOPNET_ROLE_PRESENTER},
                  {"panelist", COOPNET_ROLE_PRESENTER},
                  {"panellist", COOPNET_ROLE_PRESENTER},
                  {"keynote", COOPNET_ROLE_PRESENTER},
                  {"keynote speaker", COOPNET_ROLE_PRESENTER},
                  {"intervenant", COOPNET_ROLE_PRESENTER},
                  {"intervenante", COOPNET_ROLE_PRESENTER},
                  {"orateur", COOPNET_ROLE_PRESENTER},
                  {"oratrice", COOPNET_ROLE_PRESENTER},
                  {"paneliste", COOPNET_ROLE_PRESENTER},
                  {"conferencier", COOPNET_ROLE_PRESENTER},
                  {"presentateur", COOPNET_ROLE_PRESENTER},
                  {"learner", COOPNET_ROLE_LEARNER},
                  {"trainee", COOPNET_ROLE_LEARNER},
                  {"apprenant", COOPNET_ROLE_LEARNER},
                  {"stagiaire", COOPNET_ROLE_LEARNER},
                  {"funder", COOPNET_ROLE_FUNDER},
                  {"donor", COOPNET_ROLE_FUNDER},
                  {"sponsor", COOPNET_ROLE_FUNDER},
                  {"bailleur", COOPNET_ROLE_FUNDER},
                  {"bailleur de fonds", COOPNET_ROLE_FUNDER},
                  {"financeur", COOPNET_ROLE_FUNDER},
                  {"donateur", COOPNET_ROLE_FUNDER},
                  {"facilitator", COOPNET_ROLE_FACILITATOR},
                  {"facilitateur", COOPNET_ROLE_FACILITATOR},
                  {"facilitatrice", COOPNET_ROLE_FACILITATOR},
                  {"moderator", COOPNET_ROLE_FACILITATOR},
                  {"moderateur", COOPNET_ROLE_FACILITATOR},
                  {"moderatrice", COOPNET_ROLE_FACILITATOR},
                  {"trainer", COOPNET_ROLE_FACILITATOR},
                  {"formateur", COOPNET_ROLE_FACILITATOR},
                  {"formatrice", COOPNET_ROLE_FACILITATOR}};

int coopnet_i_import_role(const char *text)
{
    char *folded = coopnet_i_names_fold(text);
    if (folded == NULL)
        return -1;
    int role = -1;
    LOOKUP(role_words, folded, role);
    free(folded);
    return role;
}

/* Phrases (folded) that tell a level, the more specific first: "international NGO" before
 * "NGO", "national committee" before "committee". Matched as whole words anywhere in the
 * folded type or name. */
static const struct {
    const char *word;
    int value;
} level_words[] = {
    {"un agency", COOPNET_LEVEL_INTERNATIONAL},
    {"united nations", COOPNET_LEVEL_INTERNATIONAL},
    {"nations unies", COOPNET_LEVEL_INTERNATIONAL},
    {"international", COOPNET_LEVEL_INTERNATIONAL},
    {"internationale", COOPNET_LEVEL_INTERNATIONAL},
    {"international org", COOPNET_LEVEL_INTERNATIONAL},
    {"ingo", COOPNET_LEVEL_INTERNATIONAL},
    {"eu", COOPNET_LEVEL_INTERNATIONAL},
    {"european union", COOPNET_LEVEL_INTERNATIONAL},
    {"union europeenne", COOPNET_LEVEL_INTERNATIONAL},
    {"embassy", COOPNET_LEVEL_INTERNATIONAL},
    {"ambassade", COOPNET_LEVEL_INTERNATIONAL},
    {"donor agency", COOPNET_LEVEL_INTERNATIONAL},
    {"multilateral", COOPNET_LEVEL_INTERNATIONAL},
    {"regional network", COOPNET_LEVEL_INTERNATIONAL},
    {"national committee", COOPNET_LEVEL_NATIONAL},
    {"comite national", COOPNET_LEVEL_NATIONAL},
    {"national body", COOPNET_LEVEL_NATIONAL},
    {"national", COOPNET_LEVEL_NATIONAL},
    {"nationale", COOPNET_LEVEL_NATIONAL},
    {"ministry", COOPNET_LEVEL_NATIONAL},
    {"ministere", COOPNET_LEVEL_NATIONAL},
    {"minister", COOPNET_LEVEL_NATIONAL},
    {"government", COOPNET_LEVEL_NATIONAL},
    {"gouvernement", COOPNET_LEVEL_NATIONAL},
    {"parliament", COOPNET_LEVEL_NATIONAL},
    {"parlement", COOPNET_LEVEL_NATIONAL},
    {"\xd9\x88\xd8\xb2\xd8\xa7\xd8\xb1\xd9\x87", COOPNET_LEVEL_NATIONAL}, /* وزاره */
    {"governorate", COOPNET_LEVEL_REGIONAL},
    {"gouvernorat", COOPNET_LEVEL_REGIONAL},
    {"province", COOPNET_LEVEL_REGIONAL},
    {"region", COOPNET_LEVEL_REGIONAL},
    {"regional", COOPNET_LEVEL_REGIONAL},
    {"regionale", COOPNET_LEVEL_REGIONAL},
    {"regional council", COOPNET_LEVEL_REGIONAL},
    {"conseil regional", COOPNET_LEVEL_REGIONAL},
    {"prefecture", COOPNET_LEVEL_REGIONAL},
    {"wilaya", COOPNET_LEVEL_REGIONAL},
    {"\xd9\x85\xd8\xad\xd8\xa7\xd9\x81\xd8\xb8\xd9\x87", COOPNET_LEVEL_REGIONAL}, /* محافظه */
    {"\xd9\x88\xd9\x84\xd8\xa7\xd9\x8a\xd9\x87", COOPNET_LEVEL_REGIONAL},         /* ولايه */
    {"municipality", COOPNET_LEVEL_LOCAL},
    {"municipal", COOPNET_LEVEL_LOCAL},
    {"municipalite", COOPNET_LEVEL_LOCAL},
    {"city", COOPNET_LEVEL_LOCAL},
    {"city council", COOPNET_LEVEL_LOCAL},
    {"town", COOPNET_LEVEL_LOCAL},
    {"ville", COOPNET_LEVEL_LOCAL},
    {"commune", COOPNET_LEVEL_LOCAL},
    {"mairie", COOPNET_LEVEL_LOCAL},
    {"local", COOPNET_LEVEL_LOCAL},
    {"locale", COOPNET_LEVEL_LOCAL},
    {"local council", COOPNET_LEVEL_LOCAL},
    {"conseil communal", COOPNET_LEVEL_LOCAL},
    {"\xd8\xa8\xd9\x84\xd8\xaf\xd9\x8a\xd9\x87", COOPNET_LEVEL_LOCAL}, /* بلديه */
};

/* Whether phrase occurs in folded as whole words. */
static bool has_phrase(const char *folded, const char *phrase)
{
    size_t length = strlen(phrase);
    for (const char *p = strstr(folded, phrase); p; p = strstr(p + 1, phrase)) {
        bool starts = p == folded || p[-1] == ' ';
        bool ends = p[length] == '\0' || p[length] == ' ';
        if (starts && ends)
            return true;
    }
    return false;
}

int coopnet_i_import_level(const char *text, const char **matched)
{
    char *folded = coopnet_i_names_fold(text);
    if (folded == NULL)
        return -1;
    /* the first level whose phrase occurs, in the table's order (international first) */
    int level = -1;
    for (size_t i = 0; i < sizeof level_words / sizeof level_words[0] && level < 0; i++) {
        if (has_phrase(folded, level_words[i].word)) {
            level = level_words[i].value;
            *matched = level_words[i].word;
        }
    }
    free(folded);
    return level;
}

static const struct {
    const char *word;
    const char *value;
} tie_words[] = {
    {"mou", "mou"},
    {"memorandum of understanding", "mou"},
    {"memorandum", "mou"},
    {"protocole d accord", "mou"},
    {"convention", "mou"},
    {"agreement", "mou"},
    {"accord", "mou"},
    {"partnership", "partnership"},
    {"partenariat", "partnership"},
    {"partner", "partnership"},
    {"membership", "membership"},
    {"member", "membership"},
    {"adhesion", "membership"},
    {"technical support", "technical_support"},
    {"technical assistance", "technical_support"},
    {"technical_support", "technical_support"},
    {"assistance technique", "technical_support"},
    {"appui technique", "technical_support"},
    {"funding", "funding"},
    {"grant", "funding"},
    {"financement", "funding"},
    {"subvention", "funding"},
    {"peer learning", "peer_learning"},
    {"peer_learning", "peer_learning"},
    {"peer exchange", "peer_learning"},
    {"echange entre pairs", "peer_learning"},
    {"request", "request"},
    {"demande", "request"},
};

const char *coopnet_i_import_tie_type(const char *text)
{
    char *folded = coopnet_i_names_fold(text);
    if (folded == NULL)
        return NULL;
    const char *type = NULL;
    LOOKUP(tie_words, folded, type);
    free(folded);
    return type;
}
