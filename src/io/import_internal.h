/* SPDX-License-Identifier: GPL-3.0-or-later */
/* import_internal.h - the vocabularies of coopnet import (import_values.c): dates as people type
 * them, role words, organisation types, agreement types. Not installed. */
#ifndef COOPNET_IMPORT_INTERNAL_H
#define COOPNET_IMPORT_INTERNAL_H

#include "coopnet/import.h"

#include <stdbool.h>
#include <stddef.h>

/* A date as typed, before the day/month order of its column is known. */
typedef struct coopnet_import_date {
    int year, month, day; /* month, day 0 when not given */
    /* a numeric a/b/year date: both readings are possible until the column tells (first and
     * second are the two numbers as written; month and day are unset) */
    bool numeric_pair;
    int first, second;
} coopnet_import_date_t;

/* Reads text ("15/03/2024", "2024-03-15", "March 2024", "15 mars 2024", "2024", ...). Returns
 * 0, or -1 with the reason in message (size bytes) when it is no date (never a guess: a two-digit
 * year or a spreadsheet serial number is an error with a hint). O(length). */
int coopnet_i_import_read_date(const char *text, coopnet_import_date_t *date, char *message,
                               size_t size);

/* The ISO 8601 text of date ("2024", "2024-03", "2024-03-15") in iso, the order deciding a
 * numeric pair. Returns 0, or -1 with the reason in message (no such day: 31/02/2024; a pair
 * with order UNKNOWN). */
int coopnet_i_import_format_date(const coopnet_import_date_t *date, coopnet_date_order_t order,
                                 char iso[11], char *message, size_t size);

/* The coopnet role (COOPNET_ROLE_*) a role word means in English or French (speaker, panelist,
 * intervenant -> presenter; co-organiser -> organiser; donor, sponsor -> funder; observer,
 * attendee -> participant; moderator, trainer -> facilitator; ...), or -1. O(vocabulary). */
int coopnet_i_import_role(const char *text);

/* The level (COOPNET_LEVEL_*) an organisation type or name points to, in English, French or
 * Arabic (municipality, city, commune -> local; governorate, province, region -> regional;
 * ministry, national committee -> national; UN agency, EU, embassy, international NGO ->
 * international), or -1. *matched receives the phrase that decided (a static string).
 * O(vocabulary * length). */
int coopnet_i_import_level(const char *text, const char **matched);

/* The recommended tie type (mou, partnership, membership, technical_support, funding,
 * peer_learning, request) an agreement word means ("MoU", "memorandum of understanding",
 * "convention", "partenariat", ...), or NULL. */
const char *coopnet_i_import_tie_type(const char *text);

#endif
