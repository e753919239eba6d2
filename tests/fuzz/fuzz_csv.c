/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fuzz_csv.c - libFuzzer target: the streaming CSV reader on arbitrary bytes.
 * Every record it returns must hold valid UTF-8 fields without NUL bytes; it must stop. */
#include "fuzz_common.h"

#include <coopnet/csv.h>

#include <stdint.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    coopnet_csv_t *csv = NULL;
    coopnet_error_t err;
    if (coopnet_csv_open_memory((const char *)data, size, "fuzz.csv", &csv, &err) != COOPNET_OK)
        return 0;
    uint64_t previous_line = 0;
    /* every record consumes at least one byte: more records than bytes means a loop */
    for (size_t records = 0; records <= size + 1; records++) {
        int have_record = 0;
        int status = coopnet_csv_next(csv, &have_record, &err);
        if (status == COOPNET_EDATA) {
            FUZZ_ASSERT(err.message[0] != '\0');
            continue;
        }
        FUZZ_ASSERT(status == COOPNET_OK);
        if (!have_record)
            break;
        uint64_t line = coopnet_csv_record_line(csv);
        FUZZ_ASSERT(line > previous_line);
        previous_line = line;
        size_t n_fields = coopnet_csv_field_count(csv);
        FUZZ_ASSERT(n_fields >= 1);
        for (size_t f = 0; f < n_fields; f++) {
            size_t length;
            const char *field = coopnet_csv_field(csv, f, &length);
            FUZZ_ASSERT(strlen(field) == length);
            FUZZ_ASSERT(coopnet_utf8_check(field, length) == length);
        }
        FUZZ_ASSERT(records < size + 1);
    }
    FUZZ_ASSERT(coopnet_csv_bytes_read(csv) <= size);
    coopnet_csv_close(csv);
    return 0;
}
