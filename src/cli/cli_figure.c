/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cli_figure.c - options shared by the figure commands (see cli_figure.h). */
#include "cli_figure.h"

#include <ctype.h>
#include <errno.h>
#include <stdlib.h>

int cli_parse_seed(const cli_option_t *option, const char *value, void *field, coopnet_error_t *err)
{
    char *end;
    errno = 0;
    unsigned long parsed = strtoul(value, &end, 10);
    if (!isdigit((unsigned char)value[0]) || *end != '\0' || errno != 0)
        return coopnet_error_set(err, COOPNET_EINVAL, "--%s needs a whole number >= 0, not '%s'",
                                 option->name, value);
    *(unsigned long *)field = parsed;
    return COOPNET_OK;
}

int cli_parse_label_field(const cli_option_t *option, const char *value, void *field,
                          coopnet_error_t *err)
{
    (void)option;
    return coopnet_label_field_parse(value, field, err);
}

int cli_parse_digits(const cli_option_t *option, const char *value, void *field,
                     coopnet_error_t *err)
{
    (void)option;
    return coopnet_digits_parse(value, field, err);
}

int cli_parse_lang(const cli_option_t *option, const char *value, void *field, coopnet_error_t *err)
{
    (void)option;
    return coopnet_lang_parse(value, field, err);
}
